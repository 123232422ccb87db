"""Events in Ukrainian, Russian, German, French, Spanish and Polish: sentences of our own through
the real toponym finder, with places checked against their GeoNames ids."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.event_languages import active_languages
from geo.events import extract_events
from geo.models import Event, EventKind, Precision
from geo.toponyms import ToponymFinder, resolve_mentions

K = EventKind
# GeoNames ids (data/places.parquet)
NIKOPOL, POKROVSK, KUPIANSK, ODESA, AVDIIVKA = 700051, 704422, 703656, 698740, 713122
TORETSK, VUHLEDAR, KHARKIV, SELYDOVE = 709354, 690823, 706483, 694677
DONETSK, HULIAIPOLE, ZAPORIZHZHIA, BAKHMUT, IZIUM = 709717, 707898, 687700, 713174, 707292
KURAKHOVE, SUMY, KHERSON = 695357, 692194, 706448
DAY = dt.date(2025, 3, 1)


@pytest.fixture(scope="module")
def read(gazetteer):
    finder = ToponymFinder(gazetteer)

    def run(text: str) -> list[Event]:
        mentions = resolve_mentions(finder.find(text), text, gazetteer)
        return extract_events(text, mentions, DAY)

    return run


def _one(events: list[Event], kind: EventKind, place: int) -> Event:
    found = [e for e in events if e.kind is kind and e.mention.place
             and e.mention.place.id == place]
    assert found, [(e.kind, e.mention.text) for e in events]
    return found[0]


@pytest.mark.parametrize(("text", "kind", "place", "actor", "speaker"), [
    ("Російські війська обстріляли Нікополь, загинули двоє людей, повідомив голова ОВА.",
     K.STRIKE, NIKOPOL, "Російські війська", "голова ОВА"),
    ("Сили оборони відбили атаку поблизу Покровська, заявили в Генштабі ЗСУ.",
     K.ENTRY_REPELLED, POKROVSK, "Сили оборони", "Генштабі ЗСУ"),
    ("Українські війська відійшли з Авдіївки, заявив головнокомандувач.",
     K.WITHDRAWAL, AVDIIVKA, "Українські війська", "головнокомандувач"),
    ("Російська армія взяла під контроль Угледар, повідомили в Міноборони РФ.",
     K.CAPTURE_CLAIM, VUHLEDAR, "Російська армія", "Міноборони РФ"),
    ("Российские войска взяли под контроль Угледар, сообщили в Минобороны РФ.",
     K.CAPTURE_CLAIM, VUHLEDAR, "Российские войска", "Минобороны РФ"),
    ("По словам мэра, российские военные обстреляли Харьков.",
     K.STRIKE, KHARKIV, "российские военные", "мэра"),
    ("Из Селидово эвакуированы более 200 мирных жителей, сообщил Вадим Филашкин.",
     K.EVACUATION, SELYDOVE, "", "Вадим Филашкин"),
    ("Russische Soldaten haben Awdijiwka erobert, berichtete das russische "
     "Verteidigungsministerium.",
     K.CAPTURE_CLAIM, AVDIIVKA, "Russische Soldaten", "russische Verteidigungsministerium"),
    ("Bei einem Raketenangriff auf Odessa wurden drei Menschen getötet, teilte Gouverneur "
     "Oleh Kiper mit.", K.CASUALTIES, ODESA, "", "Gouverneur Oleh Kiper"),
    ("Selon l'état-major, les forces russes ont attaqué Pokrovsk.",
     K.ASSAULT, POKROVSK, "les forces russes", "l'état-major"),
    ("Las tropas rusas bombardearon Járkov, según el alcalde.",
     K.STRIKE, KHARKIV, "Las tropas rusas", "alcalde"),
    ("Rosyjskie wojska ostrzelały Charków, poinformował mer miasta.",
     K.STRIKE, KHARKIV, "Rosyjskie wojska", "mer miasta"),
])
def test_events_in_other_languages(read, text, kind, place, actor, speaker):
    event = _one(read(text), kind, place)
    assert event.actor == actor
    assert event.claimed_by == speaker


def test_near_words_give_near_precision(read):
    assert _one(read("Українські захисники відбили штурм біля Торецька."),
                K.ENTRY_REPELLED, TORETSK).precision is Precision.NEAR
    assert _one(read("Российские военные наступают в направлении Покровска."),
                K.ASSAULT, POKROVSK).precision is Precision.NEAR


def test_denials_are_control_affirmed_events(read):
    denied = _one(read("Генштаб ЗСУ спростував заяви про захоплення Торецька."),
                  K.CONTROL_AFFIRMED, TORETSK)
    assert denied.denied_by == "Генштаб ЗСУ"
    events = read("Песков заявил, что информация об отступлении из Купянска не соответствует "
                  "действительности.")
    assert _one(events, K.CONTROL_AFFIRMED, KUPIANSK).claimed_by == "Песков"
    assert not [e for e in events if e.kind is K.WITHDRAWAL]
    # a claim and its denial stay two events
    events = read("Міноборони Росії заявило про звільнення Торецька, але в ЗСУ це спростували.")
    assert _one(events, K.CAPTURE_CLAIM, TORETSK).claimed_by == "Міноборони Росії"
    assert _one(events, K.CONTROL_AFFIRMED, TORETSK).denied_by == "ЗСУ"


@pytest.mark.parametrize("text", [
    "Міноборони Росії заявило про захоплення Торецька. У ЗСУ цю інформацію спростували.",
    "Минобороны России заявило о захвате Торецка. В ВСУ эту информацию опровергли.",
    "Das russische Verteidigungsministerium meldete die Einnahme von Torezk. Kiew "
    "dementierte dies.",
])
def test_a_denial_pointing_back_denies_the_claim_before_it(read, text):
    """The claim and its denial stay two events; the claim carries who denied it."""
    events = read(text)
    claim = _one(events, K.CAPTURE_CLAIM, TORETSK)
    denial = _one(events, K.CONTROL_AFFIRMED, TORETSK)
    assert claim.denied_by and claim.denied_by == denial.denied_by
    assert claim.claimed_by != claim.denied_by


def test_german_nicht_at_the_end_of_a_clause_negates_its_trigger(read):
    """"Kiew bestätigte die Einnahme von Torezk nicht": Kyiv did not confirm, it made no
    capture claim; a "nicht" in another clause negates nothing."""
    events = read("Die Ukraine bestätigte die Einnahme von Torezk nicht, teilte der "
                  "Generalstab mit.")
    assert K.CAPTURE_CLAIM not in {e.kind for e in events}
    assert _one(events, K.CONTROL_AFFIRMED, TORETSK)
    events = read("Russische Truppen haben Torezk erobert, Kiew kommentierte das nicht.")
    assert _one(events, K.CAPTURE_CLAIM, TORETSK).actor == "Russische Truppen"


def test_a_denial_of_what_follows_does_not_point_back(read):
    """"спростував заяви про захоплення Торецька" denies the claim it names, and no other."""
    events = read("Росія заявила про захоплення Куп'янська. Генштаб ЗСУ спростував заяви про "
                  "захоплення Торецька.")
    assert _one(events, K.CAPTURE_CLAIM, KUPIANSK).denied_by == ""


def test_negated_and_unrelated_words_are_no_events(read):
    assert not read("Наступного дня у Харкові відбулася зустріч.")
    assert not [e for e in read("Российские войска не захватили Угледар.")
                if e.kind is K.CAPTURE_CLAIM]


@pytest.mark.parametrize("text", [
    "ЗСУ залишили Вугледар, щоб уникнути оточення, заявили в Генштабі.",
    "ВСУ оставили Угледар, чтобы избежать окружения, заявили в Генштабе.",
])
def test_a_purpose_clause_is_no_event_of_its_own(read, text):
    # the withdrawal happened; the encirclement it avoided did not
    assert [(e.kind, e.mention.place.id) for e in read(text)] == [(K.WITHDRAWAL, VUHLEDAR)]


@pytest.mark.parametrize(("text", "names"), [
    ("Russian forces attacked Kupiansk, the governor said.", []),
    ("Ursula von der Leyen met the president in Kyiv.", []),
    ("Російські війська обстріляли Нікополь.", ["uk", "ru"]),
    ("Die Armee hat den Angriff bei Kupjansk abgewehrt.", ["de"]),
    ("Im Gebiet Kursk kämpfen ukrainische Truppen um Sudscha.", ["de"]),  # ä: one marker
    ("Drohnen griffen das Gebiet Kursk an, teilte das Ministerium mit.", ["de"]),  # "mit."
    ("Les troupes russes ont bombardé Kharkiv.", ["fr"]),
    ("Russische Truppen griffen Pokrowsk an.", ["de"]),  # German-only war words
    # one short sentence: a word of war and a function word or letter are enough
    ("L'armée ukrainienne a évacué Pokrovsk.", ["fr"]),
    ("Las tropas rusas tomaron Pokrovsk.", ["es"]),
    ("El ejército ruso capturó Vuhledar según Moscú.", ["es"]),
    # English quoting one foreign name is English
    ("Zelensky met Macron in Zürich.", []),
    ("Officials in Kyiv met Bayrou and Lecornu at Matignon, praising the café.", []),
    ("Residents were urged to evacuate Pokrovsk, Kharkiv Governor Oleh Syniehubov said.", []),
])
def test_languages_are_told_cheaply(text, names):
    encoded = text.encode()
    assert [language.name for language in active_languages(encoded, encoded.lower().decode())
            ] == names


@pytest.mark.parametrize(("text", "kind", "place", "actor"), [
    ("Russische Truppen griffen Pokrowsk an.", K.ASSAULT, POKROVSK, "Russische Truppen"),
    # the weapon attacks: one strike, not a strike and an assault as well
    ("Russische Drohnen griffen in der Nacht Charkiw an.", K.STRIKE, KHARKIV, "Russische"),
])
def test_a_short_german_report_of_an_attack(read, text, kind, place, actor):
    events = read(text)
    assert [(e.kind, e.mention.place.id) for e in events] == [(kind, place)]
    assert events[0].actor == actor


@pytest.mark.parametrize(("text", "kind", "place", "reference"), [
    # a place measured from is no place of the events that follow
    ("Вугледар лежить приблизно за 50 кілометрів на південний захід від Донецька. Місто "
     "обстрілюють щодня.", K.STRIKE, VUHLEDAR, DONETSK),
    ("Торецк находится в 20 км к северу от Донецка. Штурм города продолжается.",
     K.ASSAULT, TORETSK, DONETSK),
    ("Курахове, що західніше Донецька, знову під обстрілом.", K.STRIKE, KURAKHOVE, DONETSK),
    ("Гуляйполе расположено восточнее Запорожья. В городе ранены трое мирных жителей.",
     K.CASUALTIES, HULIAIPOLE, ZAPORIZHZHIA),
])
def test_a_reference_place_is_not_the_subject_of_later_sentences(read, text, kind, place,
                                                                  reference):
    events = read(text)
    _one(events, kind, place)
    assert not [e for e in events if e.mention.place and e.mention.place.id == reference]


def test_a_town_named_in_another_paragraph_is_pointed_back_at(read):
    events = read("Бахмут майже повністю зруйнований.\nТепер ворог обстрілює місто з "
                  "артилерії.")
    assert _one(events, K.STRIKE, BAKHMUT).actor == "ворог"


@pytest.mark.parametrize(("text", "village"), [
    ("Российские войска вошли в Андреевку возле Бахмута, утверждают в Минобороны РФ. В ВСУ "
    "эту информацию опровергли.", "Андреевку"),
    ("Росіяни заявили про захоплення Андріївки під Бахмутом. У ЗСУ це спростували.",
     "Андріївки"),
    ("Russian troops entered Andriivka near Bakhmut, Moscow claimed. Kyiv denied it.",
     "Andriivka"),
])
def test_a_denial_pointing_back_keeps_the_place_not_its_locator(read, text, village):
    """"Андріївка під Бахмутом": Bakhmut only says where Andriivka is; the denial that follows
    is about Andriivka."""
    events = read(text)
    denials = [e for e in events if e.kind is K.CONTROL_AFFIRMED]
    assert [e.mention.text for e in denials] == [village]
    assert denials[0].denied_by
    assert not [e for e in events if e.mention.place and e.mention.place.id == BAKHMUT]


@pytest.mark.parametrize(("text", "kind", "places", "precision"), [
    ("Противник штурмував позиції біля Торецька та Курахового.", K.ASSAULT,
     [TORETSK, KURAKHOVE], Precision.NEAR),
    ("Под Угледаром, Курахово и Торецком идут тяжелые бои.", K.ASSAULT,
     [VUHLEDAR, KURAKHOVE, TORETSK], Precision.NEAR),
    ("Российская армия обстреляла Херсон и Сумы.", K.STRIKE, [KHERSON, SUMY], Precision.PLACE),
])
def test_listed_places_share_the_trigger(read, text, kind, places, precision):
    events = [e for e in read(text) if e.kind is kind]
    assert [e.mention.place.id for e in events] == places
    assert {e.precision for e in events} == {precision}


@pytest.mark.parametrize(("text", "kind", "place"), [
    # an attack with a weapon named in the instrumental is a strike, not a ground assault
    ("Минувшей ночью российская армия атаковала Сумы баллистическими ракетами.",
     K.STRIKE, SUMY),
    ("ЗСУ атакували безпілотниками склад боєприпасів у Херсоні.", K.STRIKE, KHERSON),
    ("Окупанти атакували Харків керованими авіабомбами.", K.STRIKE, KHARKIV),
    ("Российские войска атаковали Купянск с помощью БПЛА.", K.STRIKE, KUPIANSK),
    ("Російські дрони вночі атакували Одесу.", K.STRIKE, ODESA),
    # with no weapon named, an attack stays an assault
    ("Российские штурмовики атаковали Торецк с трех направлений.", K.ASSAULT, TORETSK),
])
def test_an_attack_with_a_weapon_is_a_strike(read, text, kind, place):
    events = read(text)
    assert [(e.kind, e.mention.place.id) for e in events] == [(kind, place)]


@pytest.mark.parametrize(("text", "place", "actor", "speaker"), [
    # a capture named as a noun or as control regained
    ("У Кремлі оголосили про взяття Курахового.", KURAKHOVE, "", "Кремлі"),
    ("Минобороны РФ сообщило о взятии Селидово.", SELYDOVE, "", "Минобороны РФ"),
    ("Українські війська повернули собі контроль над Ізюмом.", IZIUM, "Українські війська",
     ""),
    ("Украинская армия восстановила контроль над Купянском.", KUPIANSK, "Украинская армия",
     ""),
])
def test_captures_named_as_nouns_or_control_regained(read, text, place, actor, speaker):
    event = _one(read(text), K.CAPTURE_CLAIM, place)
    assert (event.actor, event.claimed_by) == (actor, speaker)


def test_a_capture_noun_denied_back_keeps_both_sides(read):
    events = read("У Міноборони Росії заявили про окупацію Селидового, однак у ЗСУ це "
                  "спростували.")
    claim = _one(events, K.CAPTURE_CLAIM, SELYDOVE)
    assert (claim.claimed_by, claim.denied_by) == ("Міноборони Росії", "ЗСУ")
    assert _one(events, K.CONTROL_AFFIRMED, SELYDOVE).denied_by == "ЗСУ"


def test_taking_prisoners_is_no_capture(read):
    assert K.CAPTURE_CLAIM not in {e.kind for e in read(
        "Біля Торецька бійці бригади провели взяття в полон двох окупантів.")}


@pytest.mark.parametrize(("text", "when"), [
    ("Уночі 27 лютого окупанти обстріляли Херсон.", "Уночі 27 лютого"),
    ("У жовтні 2023 року росіяни розпочали штурм Авдіївки.", "У жовтні 2023 року"),
    ("ВСУ освободили Купянск в сентябре 2022 года.", "в сентябре 2022 года"),
    ("28 февраля российская армия нанесла удар по Сумам.", "28 февраля"),
    ("Минулого тижня ворог обстріляв Нікополь.", "Минулого тижня"),
    # the report's own day is no time of its own
    ("1 березня окупанти обстріляли Херсон.", ""),
    ("Российские войска обстреляли Харьков 1 марта 2025 года.", ""),
])
def test_a_time_other_than_the_reports_fills_when(read, text, when):
    events = read(text)
    assert events and {e.when for e in events} == {when}


def test_a_month_word_without_day_or_year_is_no_time(read):
    """"лютого" is also "fierce": with no day, year or "у" it names no month."""
    events = read("Окупанти штурмували Торецьк, але зустріли шквал лютого вогню.")
    assert _one(events, K.ASSAULT, TORETSK).when == ""


@pytest.mark.parametrize(("text", "place", "reference"), [
    # a place a distance or direction is measured from is not where the strike fell
    ("Pokrowsk, około 50 km na północny zachód od Doniecka, został ostrzelany w nocy przez "
     "rosyjskie drony.", POKROVSK, DONETSK),
    ("Toretsk, a unos 20 kilómetros al norte de Donetsk, fue bombardeada por las fuerzas rusas.",
     TORETSK, DONETSK),
    ("Toretsk, à une vingtaine de kilomètres au nord de Donetsk, a été bombardée par les "
     "troupes russes.", TORETSK, DONETSK),
    ("Kourakhové, à l'ouest d'Avdiïvka, a été bombardée par les troupes russes.",
     KURAKHOVE, AVDIIVKA),
    ("Die Stadt Torezk, rund 20 Kilometer nördlich von Donezk, wurde von russischen Truppen "
     "beschossen.", TORETSK, DONETSK),
])
def test_a_reference_place_in_latin_languages_is_not_the_event_place(read, text, place,
                                                                     reference):
    events = read(text)
    assert [(e.kind, e.mention.place.id) for e in events] == [(K.STRIKE, place)]


@pytest.mark.parametrize(("text", "kind", "place", "actor"), [
    ("Las fuerzas ucranianas se retiraron de Vuhledar.", K.WITHDRAWAL, VUHLEDAR,
     "Las fuerzas ucranianas"),
    ("Les troupes ukrainiennes se sont retirées de Selydove.", K.WITHDRAWAL, SELYDOVE,
     "Les troupes ukrainiennes"),
    ("Rusia anunció la captura de Kurajove.", K.CAPTURE_CLAIM, KURAKHOVE, ""),
])
def test_one_short_french_or_spanish_sentence_gives_its_event(read, text, kind, place, actor):
    events = read(text)
    assert [(e.kind, e.mention.place.id) for e in events] == [(kind, place)]
    assert events[0].actor == actor


@pytest.mark.parametrize(("text", "place", "claimant", "denier"), [
    # a capital saying or denying is a speaker, not a place; the denier is the subject of the
    # verb pointing back, not the claimant
    ("Moskau meldete die Eroberung von Kurachowe, Kiew dementierte dies.", KURAKHOVE,
     "Moskau", "Kiew"),
    ("Le Kremlin a annoncé la prise de Selydove, ce que Kiev dément.", SELYDOVE, "Kremlin",
     "Kiev"),
    ("Rusia anunció la conquista de Vuhledar, algo que Kiev negó.", VUHLEDAR, "Rusia", "Kiev"),
    ("Rosja ogłosiła zdobycie Pokrowska, czemu Kijów zaprzeczył.", POKROVSK, "Rosja", "Kijów"),
])
def test_a_capital_denying_a_claim_is_its_denier_not_a_place(read, text, place, claimant,
                                                             denier):
    events = read(text)
    assert sorted((e.kind, e.mention.place.id, e.claimed_by, e.denied_by) for e in events) == [
        (K.CAPTURE_CLAIM, place, claimant, denier), (K.CONTROL_AFFIRMED, place, denier, denier)]
