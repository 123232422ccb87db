"""Place mentions in the languages that describe Ukrainian villages: the words for raion and
oblast before or after a name, case forms that add a consonant, the country's own name in
those languages, river words. Sentences written for these tests; GeoNames ids checked in the
shipped gazetteer (name, oblast, raion and coordinates)."""

from __future__ import annotations

import pytest

from geo.models import MentionKind
from geo.reports import Reader, Report

NOVOSELIVKA_POKROVSK_RAION = 9113141  # 48.27 N 37.85 E, north-east of Avdiivka
BAKHMUT = 713174
SLOVIANSK = 693468
ZAITSEVE_NORTH_OF_HORLIVKA = 687470  # 48.39 N 38.03 E, 11 km north of Horlivka
KUPIANSK = 703656
KHARKIV = 706483


@pytest.fixture(scope="module")
def reader():
    return Reader()


def _mentions(reader, text):
    return {m.text: m for m in reader.analyse(Report(text=text)).mentions}


@pytest.mark.parametrize("text, raion, oblast", [
    ("Novoselivka ist ein Dorf im Rajon Pokrowsk der Oblast Donezk, etwa 15 Kilometer "
     "nordöstlich von Awdijiwka.", "Pokrowsk", "Donezk"),
    ("Novoselivka est un village de l'oblast de Donetsk, dans le raïon de Pokrovsk.",
     "Pokrovsk", "Donetsk"),
    ("Novoselivka es una aldea del raión de Pokrovsk, en el óblast de Donetsk.",
     "Pokrovsk", "Donetsk"),
    ("Novoselivka è un villaggio dell'oblast' di Donec'k, nel distretto di Pokrovs'k.",
     "Pokrovs'k", "Donec'k"),
    ("Novoselivka este un sat din raionul Pokrovsk, regiunea Donețk, Ucraina.",
     "Pokrovsk", "Donețk"),
    ("Novoselivka är en by i Pokrovsk rajon i Donetsk oblast i östra Ukraina.",
     "Pokrovsk", "Donetsk"),
])
def test_raion_and_oblast_words_of_other_languages_place_the_village(reader, text, raion,
                                                                     oblast):
    found = _mentions(reader, text)
    assert found[raion].kind is MentionKind.RAION
    assert found[oblast].kind is MentionKind.OBLAST
    assert found["Novoselivka"].place.id == NOVOSELIVKA_POKROVSK_RAION


@pytest.mark.parametrize("text, name", [
    ("Kupjansk je město v Charkovské oblasti na řece Oskol.", "Charkovské"),
    ("Kupjanskas yra miestas Charkivo srityje.", "Charkivo"),
    ("Shelling was reported in Kharkivska oblast overnight.", "Kharkivska"),
])
def test_a_case_or_adjectival_form_before_an_oblast_word_is_the_oblast(reader, text, name):
    assert _mentions(reader, text)[name].kind is MentionKind.OBLAST


@pytest.mark.parametrize("text, name, place_id", [
    ("Walki toczą się pod Bachmutem i w Kupiańsku.", "Bachmutem", BAKHMUT),
    ("Бои идут под Бахмутом и возле Часова Яра.", "Бахмутом", BAKHMUT),
    ("Harkivot ismét rakétatámadás érte.", "Harkivot", KHARKIV),
])
def test_a_case_ending_that_adds_a_consonant_is_read_off(reader, text, name, place_id):
    assert _mentions(reader, text)[name].place.id == place_id


def test_an_inflected_form_means_the_place_really_so_called_not_an_odd_alias(reader):
    # GeoNames also lists Nikopol as "Slov'iansk"; "Славянску" is Sloviansk's dative.
    found = _mentions(reader, "Удар пришёлся по Краматорску и Славянску.")
    assert found["Славянску"].place.id == SLOVIANSK


def test_a_russian_form_meets_latin_aliases_in_the_russian_style_spelling(reader):
    # Зайцево is Zaytsevo, an alias of the Zaitseve north of Horlivka only.
    found = _mentions(reader, "Зайцево находится к северу от Горловки.")
    assert found["Зайцево"].place.id == ZAITSEVE_NORTH_OF_HORLIVKA


@pytest.mark.parametrize("text, word", [
    ("Novoselivka är en by i Pokrovsk rajon i Donetsk oblast i östra Ukraina.", "Ukraina"),
    ("Україна отримала нову партію техніки для оборони Харкова.", "Україна"),
    ("Kupiańsk to miasto na Ukrainie, niedaleko granicy z Rosją.", "Rosją"),
    ("Rosjanie ostrzelali Charków w nocy z soboty na niedzielę.", "Rosjanie"),
    ("Российские войска обстреляли Харьков и Изюм.", "Российские"),
    ("Die Kämpfe um Bachmut dauerten bis Mai 2023.", "Mai"),
    ("Koepjansk ligt aan de rivier de Oskil.", "Oskil"),
    ("Kup'jans'k si trova sulle rive del fiume Oskil, a est di Charkiv.", "Oskil"),
])
def test_countries_their_people_months_and_rivers_are_not_villages(reader, text, word):
    found = _mentions(reader, text)
    assert word not in found or found[word].kind is not MentionKind.SETTLEMENT


def test_a_one_letter_preposition_is_not_part_of_the_name(reader):
    found = _mentions(reader, "У Куп'янську пролунали вибухи.")
    assert found["Куп'янську"].place.id == KUPIANSK
    assert found["Куп'янську"].start == 2


CHUHUIV = 710374  # 49.84 N 36.69 E, Kharkiv oblast
SHAKHTARSK = 694382  # 48.06 N 38.44 E, population 71,700 (not Shakhtarske, 27,573)
SHOSTKA = 693942  # 51.86 N 33.47 E, Sumy oblast
CHERNIHIV = 710735
ZHYTOMYR = 686967
LUTSK = 702569
LYMAN_DONETSK = 704204  # 49.00 N 37.81 E, the town of 20,066
MYKOLAIV = 700569  # 46.97 N 32.0 E, the oblast capital
KHERSON = 706448
SUMY = 692194
ROMNY = 695464  # 50.74 N 33.50 E
BELGOROD = 578072  # 50.60 N 36.58 E, Russia
MYRNOHRAD = 710035
POKROVSK = 704422
KREMENCHUK = 704147
ZAPORIZHZHIA = 687700
OBLAST_CODES = {"Kharkiv": "07", "Sumy": "21", "Chernihiv": "02", "Donetsk": "05",
                "Poltava": "18", "Lviv": "15"}


@pytest.mark.parametrize("text, name, place_id", [
    ("Ruské síly v noci ostřelovaly Čuhujiv.", "Čuhujiv", CHUHUIV),
    ("Ostřelování zasáhlo také Černihiv.", "Černihiv", CHERNIHIV),
    ("Rosjanie zaatakowali Łyman w nocy.", "Łyman", LYMAN_DONETSK),
    ("Żytomierz i Łuck zostały trafione rakietami.", "Żytomierz", ZHYTOMYR),
    ("Żytomierz i Łuck zostały trafione rakietami.", "Łuck", LUTSK),
    ("Snage su granatirale Čuhujiv i Šostku.", "Šostku", SHOSTKA),
])
def test_a_name_may_start_with_a_czech_polish_or_croatian_capital(reader, text, name,
                                                                   place_id):
    assert _mentions(reader, text)[name].place.id == place_id


@pytest.mark.parametrize("text, name, place_id", [
    ("Ukrajinští vojáci se stáhli ze Šachtarsku.", "Šachtarsku", SHAKHTARSK),
    ("Rakety zasáhly Mykolajiv a Cherson.", "Mykolajiv", MYKOLAIV),
    ("Rakety zasáhly Mykolajiv a Cherson.", "Cherson", KHERSON),
    ("Ukrajinské jednotky se stáhly z Chersonu.", "Chersonu", KHERSON),
    ("Rosyjskie wojska ostrzelały Chersoń i Mikołajów.", "Mikołajów", MYKOLAIV),
])
def test_czech_polish_and_german_letters_are_read_as_english_style_spellings(
        reader, text, name, place_id):
    assert _mentions(reader, text)[name].place.id == place_id


@pytest.mark.parametrize("text, names", [
    ("Strikes hit Kharkiv, Sumy and Chernihiv oblasts overnight.",
     ["Kharkiv", "Sumy", "Chernihiv"]),
    ("Power cuts hit the Kharkiv, Sumy, and Poltava regions on Friday.",
     ["Kharkiv", "Sumy", "Poltava"]),
    ("Russia shelled settlements in the Donetsk and Sumy oblasts.", ["Donetsk", "Sumy"]),
    ("Drones were downed over Lviv and Volyn oblasts.", ["Lviv"]),
])
def test_every_name_listed_before_a_plural_unit_word_is_an_oblast(reader, text, names):
    found = _mentions(reader, text)
    for name in names:
        assert found[name].kind is MentionKind.OBLAST, name
        assert found[name].admin_code == OBLAST_CODES[name], name


@pytest.mark.parametrize("text, forms", [
    ("Сирены звучали в Харьковской, Сумской и Черниговской областях.",
     {"Харьковской": "07", "Сумской": "21", "Черниговской": "02"}),
    ("Обстріли у Харківській і Сумській областях тривали всю ніч.",
     {"Харківській": "07", "Сумській": "21"}),
])
def test_cyrillic_adjectives_listed_before_a_plural_oblast_word_are_oblasts(reader, text,
                                                                            forms):
    found = _mentions(reader, text)
    for name, code in forms.items():
        assert found[name].kind is MentionKind.OBLAST, name
        assert found[name].admin_code == code, name


@pytest.mark.parametrize("text, name", [
    ("Evacuation continues in the Kupiansk and Izium raions.", "Kupiansk"),
    ("Евакуація триває в Куп'янському та Ізюмському районах.", "Куп'янському"),
])
def test_names_listed_before_a_plural_raion_word_are_raions(reader, text, name):
    assert _mentions(reader, text)[name].kind is MentionKind.RAION


@pytest.mark.parametrize("text, name, place_id", [
    ("Kharkiv and Sumy were shelled; Kupiansk and Lyman too.", "Sumy", SUMY),
    ("Вибухи пролунали у Харкові та Харківській області.", "Харкові", KHARKIV),
    ("Взрывы прогремели в Харькове и Харьковской области.", "Харькове", KHARKIV),
])
def test_a_city_before_a_singular_oblast_or_in_a_plain_list_stays_the_city(reader, text,
                                                                            name, place_id):
    found = _mentions(reader, text)[name]
    assert found.kind is MentionKind.SETTLEMENT
    assert found.place.id == place_id


@pytest.mark.parametrize("text, name", [
    ("A drone struck Antonov airport near Hostomel.", "Antonov"),
    ("Paratroopers landed at the Antonov airfield on the first day.", "Antonov"),
])
def test_a_facility_is_not_the_hamlet_known_by_its_name_only_as_an_alias(reader, text, name):
    found = _mentions(reader, text)
    assert name not in found or found[name].kind is not MentionKind.SETTLEMENT


@pytest.mark.parametrize("text, name, place_id", [
    ("Missiles hit the Kremenchuk refinery on Monday.", "Kremenchuk", KREMENCHUK),
    ("Sirens sounded as drones flew towards the Zaporizhzhia steel works.", "Zaporizhzhia",
     ZAPORIZHZHIA),
])
def test_a_facility_the_gazetteer_lacks_still_names_its_town(reader, text, name, place_id):
    """No GeoNames refinery or steel works: the town is the nearest the text lets us come
    (tests/test_resolution_facilities.py has the facilities the gazetteer holds)."""
    found = _mentions(reader, text)[name]
    assert found.kind is MentionKind.SETTLEMENT and found.place.id == place_id


@pytest.mark.parametrize("text, name, place_id", [
    ("Под Белгородом сбит беспилотник.", "Белгородом", BELGOROD),
    ("Беспилотник сбит под Белгородом ночью.", "Белгородом", BELGOROD),
    ("Бои идут под Покровском и Мирноградом.", "Мирноградом", MYRNOHRAD),
    ("Alarm ogłoszono w Sumach i w Charkowie.", "Sumach", SUMY),
    ("Тревога объявлена в Сумах и Ромнах.", "Сумах", SUMY),
    ("Тревога объявлена в Сумах и Ромнах.", "Ромнах", ROMNY),
    ("Вибухи пролунали в Сумах уночі.", "Сумах", SUMY),
    ("В Белгороде объявлена ракетная опасность.", "Белгороде", BELGOROD),
    ("Взрывы прогремели в Покровске и Мирнограде.", "Покровске", POKROVSK),
])
def test_instrumental_locative_and_plural_case_forms_find_the_town(reader, text, name,
                                                                  place_id):
    assert _mentions(reader, text)[name].place.id == place_id


@pytest.mark.parametrize("text, word", [
    ("Rakety zasáhly Mykolajiv a Cherson.", "Rakety"),
    ("Дроны атаковали Харьков ночью.", "Дроны"),
    ("Ракети влучили в енергетичну інфраструктуру.", "Ракети"),
    ("Ruské síly v noci ostřelovaly Čuhujiv.", "Ruské"),
    ("Ukrajinské jednotky se stáhly z Chersonu.", "Ukrajinské"),
    ("Die Lage in Charkiw bleibt angespannt.", "Lage"),
])
def test_sentence_initial_nouns_and_german_nouns_are_not_villages(reader, text, word):
    found = _mentions(reader, text)
    assert word not in found or found[word].kind is not MentionKind.SETTLEMENT


def test_a_sentence_initial_inflected_town_is_still_found(reader):
    assert _mentions(reader, "Kupjansk je město v Charkovské oblasti.")[
        "Kupjansk"].place.id == KUPIANSK


@pytest.mark.parametrize("text, name, place_name", [
    ("Андріївку звільнено від окупантів.", "Андріївку", "Andriyivka"),
    ("Новоселівку звільнено.", "Новоселівку", "Novoselivka"),
])
def test_a_sentence_initial_case_form_of_a_village_name_is_still_a_village(reader, text,
                                                                            name, place_name):
    found = _mentions(reader, text)[name]
    assert found.kind is MentionKind.SETTLEMENT
    assert {place_name} & {found.place.name, found.place.ascii_name, *found.place.alt_names}


@pytest.mark.parametrize("text, name, code", [
    ("Harkovan alueella oli ilmahälytys.", "Harkovan", "07"),
    ("Donetskin alueella taistelut jatkuvat.", "Donetskin", "05"),
    ("Ostrzelano wsie w obwodzie charkowskim.", "charkowskim", "07"),
    ("Wojska weszły do obwodu sumskiego.", "sumskiego", "21"),
])
def test_finnish_genitives_and_polish_lower_case_adjectives_name_the_oblast(reader, text,
                                                                           name, code):
    found = _mentions(reader, text)[name]
    assert found.kind is MentionKind.OBLAST
    assert found.admin_code == code


def test_a_lower_case_name_after_the_village_of_is_a_settlement(reader):
    found = _mentions(reader, "Russian forces shelled the village of hrakove overnight.")
    assert found["hrakove"].kind is MentionKind.SETTLEMENT
    assert found["hrakove"].place.name == "Hrakove"


@pytest.mark.parametrize("text, names", [
    ("Air raid alerts sounded in the oblasts of Kharkiv, Sumy and Poltava.",
     {"Kharkiv": "07", "Sumy": "21", "Poltava": "18"}),
    ("Luftalarm gab es in den Oblasten Charkiw und Sumy.", {"Charkiw": "07", "Sumy": "21"}),
    ("Des frappes ont visé les régions de Kharkiv et de Soumy.",
     {"Kharkiv": "07", "Soumy": "21"}),
])
def test_every_name_listed_after_a_plural_oblast_word_is_an_oblast(reader, text, names):
    found = _mentions(reader, text)
    for name, code in names.items():
        assert found[name].kind is MentionKind.OBLAST, name
        assert found[name].admin_code == code, name


def test_a_list_of_oblasts_ends_where_another_kind_of_place_is_named(reader):
    found = _mentions(reader, "Shelling hit the regions of Kharkiv and the city of Sumy.")
    assert found["Kharkiv"].kind is MentionKind.OBLAST
    assert found["Sumy"].place.id == SUMY


@pytest.mark.parametrize("text", [
    "Vassylivka est située près du réservoir de Kakhovka, à 47 km au sud de Zaporijia.",
    "Vasylivka se encuentra junto al embalse de Kakhovka, a 47 km al sur de Zaporiyia.",
])
def test_a_reservoir_named_after_a_town_is_not_the_town(reader, text):
    """French "réservoir de Kakhovka", Spanish "embalse de Kakhovka" name the water; the
    distance is Vasylivka's (GeoNames 686729, 47 km south of Zaporizhzhia), not Kakhovka's."""
    analysis = reader.analyse(Report(text=text))
    assert "Kakhovka" not in {m.text for m in analysis.mentions}
    (claim,) = [c for c in analysis.claims if c.distance]
    assert claim.subject.place.id == 686729


@pytest.mark.parametrize(("text", "name", "geonameid"), [
    # French spellings GeoNames lists no alias for, met by the French transcription of the
    # Cyrillic names (Вовчанськ, Лисичанськ, Часів Яр); ids looked up in data/.
    ("Vovtchansk, à 5 km de la frontière russe, a été détruite.", "Vovtchansk", 689304),
    ("Les combats se poursuivent près de Lyssytchansk.", "Lyssytchansk", 702972),
    ("L'armée russe affirme avoir pris Tchassiv Iar.", "Tchassiv Iar", 710915),
])
def test_french_spelling_without_a_french_alias(reader, text, name, geonameid):
    assert _mentions(reader, text)[name].place.id == geonameid


@pytest.mark.parametrize(("text", "name", "geonameid"), [
    # Spanish (х is j) and Polish spellings GeoNames lists no alias for, met by the Spanish and
    # Polish transcriptions of the Cyrillic names (Оріхів, Курахове, Волчанськ, Табаївка); the
    # Polish noun before a name ("Miasto", "Wieś") cues it as "Die Stadt" does. Ids looked up
    # in data/: Orikhiv 47.58 N 35.78 E, Kurakhove 47.98 N 37.28 E, Vovchansk 50.29 N 36.94 E,
    # Tabaivka (Kupiansk raion) 49.60 N 37.88 E.
    ("El pueblo de Robotyne está a unos 15 km al sur de Orijiv.", "Orijiv", 698428),
    ("Las tropas rusas atacaron Kurajove durante la noche.", "Kurajove", 695357),
    ("Miasto Wołczańsk leży 5 km od granicy z Rosją.", "Wołczańsk", 689304),
    ("Wieś Tabajiwka leży 20 km na południowy wschód od Kupiańska.", "Tabajiwka", 691967),
])
def test_spanish_and_polish_spellings_without_an_alias(reader, text, name, geonameid):
    assert _mentions(reader, text)[name].place.id == geonameid


@pytest.mark.parametrize(("text", "river"), [
    # German "am Ufer des/der X": a river's bank, so X is the river (Synkivka lies on the
    # Oskil's left bank, north-east of Kupiansk)
    ("Das Dorf Synkiwka liegt 9 km nordöstlich von Kupjansk am linken Ufer des Oskil.",
     "Oskil"),
    ("Synkiwka liegt am Ufer der Oskil, nordöstlich von Kupjansk.", "Oskil"),
])
def test_a_german_river_bank_names_the_river(reader, text, river):
    analysis = reader.analyse(Report(text=text))
    assert {m.text: m.kind for m in analysis.mentions}[river] is MentionKind.RIVER
    (verdict,) = [v for v in analysis.verdicts if v.claim.kind.value == "river"]
    assert verdict.status.value == "consistent"


def test_the_german_word_for_river_after_ufer_is_no_name(reader):
    analysis = reader.analyse(Report(text="Das Dorf liegt am Ufer des Flusses, nahe Kupjansk."))
    assert "Flusses" not in {m.text for m in analysis.mentions}
