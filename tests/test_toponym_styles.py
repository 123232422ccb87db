"""Place mentions in the styles news about the war is written in beyond plain prose: Title
Case headlines and wire slugs, warships and streets named after places, military units named
like places, and Ukrainian and Russian case forms that change a consonant of the name.
Sentences written for these tests; GeoNames ids checked in the shipped gazetteer (name,
oblast, raion and coordinates)."""

from __future__ import annotations

import pytest

from geo.models import MentionKind
from geo.reports import Reader, Report

CHASIV_YAR = 710915  # 48.59 N 37.83 E, Bakhmut raion
KUPIANSK = 703656
SELYDOVE = 694677  # 48.15 N 37.30 E, Pokrovsk raion
NOVOHRODIVKA = 699557  # 48.20 N 37.34 E, Pokrovsk raion
AVDIIVKA = 713122  # 48.14 N 37.75 E, Pokrovsk raion (GeoNames spells it Avdiyivka)
IVANIVSKE_BAKHMUT_RAION = 704285  # 48.57 N 37.92 E, east of Chasiv Yar
TONENKE = 691412  # 48.14 N 37.64 E, west of Avdiivka
UROZHAINE = 9114393  # 47.75 N 36.82 E, Volnovakha raion
VELYKA_NOVOSILKA = 690237  # 47.84 N 36.84 E, Volnovakha raion
NOVOSELIVKA_PERSHA = 699180  # 48.20 N 37.53 E, Pokrovsk raion


@pytest.fixture(scope="module")
def reader():
    return Reader()


def _mentions(reader, text):
    return [m for m in reader.analyse(Report(text=text)).mentions
            if m.kind in (MentionKind.SETTLEMENT, MentionKind.OBLAST, MentionKind.RAION)]


def _texts(reader, text):
    return [m.text for m in _mentions(reader, text)]


@pytest.mark.parametrize("headline, places", [
    ("Ukrainian Drones Hit Refinery Deep Inside Russia", []),
    ("Ukraine Strikes Crimea Bridge Again, Officials Say", []),
    ("Heavy Fighting In Vovchansk As Russia Opens New Front", ["Vovchansk"]),
    ("Kremlin Says Troops Took Ocheretyne, Kyiv Denies", ["Ocheretyne", "Kyiv"]),
    ("Why Russia Wants Kostiantynivka Before Winter", ["Kostiantynivka"]),
    ("DRONE ATTACK SETS OIL DEPOT ON FIRE NEAR KUPIANSK", ["KUPIANSK"]),
])
def test_capitalised_words_of_a_headline_are_no_places(reader, headline, places):
    assert _texts(reader, headline) == places


@pytest.mark.parametrize("headline", [
    "How The Battle For Chasiv Yar Could Shape The Summer Offensive",
    "How the Battle for Chasiv Yar Could Shape the Summer Offensive",
])
def test_a_village_a_function_word_leads_in_a_headline_is_kept(reader, headline):
    found = _mentions(reader, headline)
    assert [(m.text, m.place.id) for m in found] == [("Chasiv Yar", CHASIV_YAR)]


def test_a_hamlet_inside_a_name_in_a_headline_is_still_dropped(reader):
    # "Radio" is a hamlet's name too; here it begins the name of a broadcaster
    assert _texts(reader, "Radio Svoboda Says Shelling Hit Nova Kakhovka") == ["Nova Kakhovka"]


@pytest.mark.parametrize("headline, name", [
    ("Ukrainian Troops Seize Sudzha, Governor Admits", "Sudzha"),
    ("Belgorod Officials Evacuate Shebekino After Shelling", "Shebekino"),
])
def test_a_russian_town_in_a_headline_is_kept_without_a_cue(reader, headline, name):
    found = {m.text: m for m in _mentions(reader, headline)}
    assert found[name].place.country_code == "RU"


def test_a_capitalised_word_next_to_a_name_in_prose_still_hides_a_hamlet(reader):
    # not a headline: the run "Marine Corps" is a unit's name, as before
    assert _texts(reader, "He served in the Marine Corps before the war.") == []


@pytest.mark.parametrize("text, places", [
    ("Ukraine said it struck the landing ship Novocherkassk in the port of Feodosia.",
     ["Feodosia"]),
    ("Naval drones sank the Ivanovets missile corvette off the coast.", []),
    ("The submarine Rostov-on-Don was hit in dry dock in Sevastopol.", ["Sevastopol"]),
    ("The Moskva cruiser sank after two Neptune missiles hit it.", []),
    ("БДК «Новочеркасск» был поражен в порту Феодосии.", ["Феодосии"]),
])
def test_a_warship_named_after_a_place_is_not_the_place(reader, text, places):
    assert _texts(reader, text) == places


@pytest.mark.parametrize("text, places", [
    ("Shelling damaged Sumska Street and Peremohy Avenue in Kharkiv.", ["Kharkiv"]),
    ("A drone hit a house on Pushkinska St. in central Kharkiv.", ["Kharkiv"]),
    ("Вибух пролунав на вулиці Сумській у Харкові.", ["Харкові"]),
])
def test_a_street_named_after_a_place_is_not_the_place(reader, text, places):
    assert _texts(reader, text) == places


@pytest.mark.parametrize("text, places", [
    ("Units of the Vostok group of forces repelled attacks near Velyka Novosilka.",
     ["Velyka Novosilka"]),
    ("Elements of the Russian Dnepr Group of Forces attacked near Krynky.", ["Krynky"]),
    ("The Vostok battalion fought near Marinka.", ["Marinka"]),
    ("Fighters of the Azov Brigade held positions near Toretsk.", ["Toretsk"]),
    ("The Kharkiv brigade moved north of Kupiansk.", ["Kharkiv", "Kupiansk"]),
    ("The Black Sea Fleet withdrew most ships from Sevastopol.", ["Sevastopol"]),
    ("Russia shelled Nikopol across the Kakhovka Reservoir.", ["Nikopol"]),
])
def test_unit_names_and_water_words_are_no_places(reader, text, places):
    assert _texts(reader, text) == places


@pytest.mark.parametrize("text, name, place_id", [
    ("Росіяни атакували поблизу Покровська, Мирнограда та Селидового.", "Селидового",
     SELYDOVE),
    ("Ситуація під Селидовим і Новогродівкою погіршилась.", "Селидовим", SELYDOVE),
    ("В Селидовому, Новогродівці та Гірнику лунають вибухи.", "Новогродівці", NOVOHRODIVKA),
    ("Бої тривають в Авдіївці та на її околицях.", "Авдіївці", AVDIIVKA),
    ("Російські війська наступають на Часів Яр з боку Іванівського.", "Іванівського",
     IVANIVSKE_BAKHMUT_RAION),
    ("Ворог просунувся біля Тоненького, Орлівки та Бердичів.", "Тоненького", TONENKE),
    ("Бои идут у Урожайного и Старомайорского.", "Урожайного", UROZHAINE),
    ("Бої точаться у Великій Новосілці та навколо неї.", "Великій Новосілці",
     VELYKA_NOVOSILKA),
    ("Ворог закріпився в Новоселівці Першій, повідомив штаб.", "Новоселівці Першій",
     NOVOSELIVKA_PERSHA),
])
def test_cyrillic_case_forms_that_change_a_consonant_find_the_place(reader, text, name,
                                                                     place_id):
    found = {m.text: m for m in _mentions(reader, text)}
    assert found[name].place.id == place_id


@pytest.mark.parametrize("text", [
    "Представники Червоного Хреста відвідали полонених.",
    "Командування Західного військового округу заявило про навчання.",
    "Нового року не буде, кажуть військові.",
    "Бої точаться на Старомайорському напрямку.",
])
def test_adjectives_declined_like_village_names_are_no_places(reader, text):
    assert _texts(reader, text) == []


def test_a_country_after_new_is_another_name_not_that_country(reader):
    text = "Officials flew from New Jersey to New Zealand via Jersey."
    kinds = {m.text: m.kind for m in reader.analyse(Report(text=text)).mentions}
    assert "Jersey" in kinds and kinds["Jersey"] is MentionKind.COUNTRY  # the island itself
    assert kinds.get("New Zealand") is MentionKind.COUNTRY
    assert list(kinds) == ["New Zealand", "Jersey"]  # no country called "Jersey" in New Jersey


@pytest.mark.parametrize("text, river, town", [
    ("Ukrainian marines crossed the Dnipro 35 km east of Kherson.", "Dnipro", "Kherson"),
    ("Russian troops crossed the Oskil 10 km north of Kupiansk.", "Oskil", "Kupiansk"),
    ("Fighting continues along the Oskil near Kupiansk.", "Oskil", "Kupiansk"),
    ("Artillery fired from the left bank of the Dnipro hit Kherson.", "Dnipro", "Kherson"),
    ("Troops dug in on both banks of the Oskil hold Kupiansk.", "Oskil", "Kupiansk"),
])
def test_a_river_crossed_or_followed_is_the_river_whatever_follows_its_name(reader, text, river,
                                                                            town):
    # "the Dnipro 35 km ..." does not end a phrase, yet nobody crosses Dnipro city, nor
    # stands on its bank
    kinds = {m.text: m.kind for m in reader.analyse(Report(text=text)).mentions}
    assert kinds == {river: MentionKind.RIVER, town: MentionKind.SETTLEMENT}


def test_a_river_is_named_by_its_name_not_by_a_spelling_variant(reader):
    # "Bryansk" and the Rivne-oblast stream Barans'ka (GeoNames 11777716) share only a
    # phonetic skeleton: "the Bryansk, Kursk and Belgorod regions" are three Russian regions
    text = "Air defences shot down 54 drones over the Bryansk, Kursk and Belgorod regions."
    mentions = reader.analyse(Report(text=text)).mentions
    assert [(m.text, m.kind, m.place.country_code) for m in mentions] == [
        ("Bryansk", MentionKind.SETTLEMENT, "RU"), ("Kursk", MentionKind.SETTLEMENT, "RU"),
        ("Belgorod", MentionKind.SETTLEMENT, "RU")]


@pytest.mark.parametrize("text, name, code", [
    ("Russian troops struck a camp near Novoekonomicheskoye in the Donetsk People's Republic.",
     "Donetsk", "05"),
    ("Moscow annexed the self-proclaimed Luhansk People’s Republic in 2022.", "Luhansk", "14"),
    ("Войска освободили населенный пункт Мирноград Донецкой Народной Республики.", "Донецкой",
     "05"),
    ("Окупанти утримують частину Луганської народної республіки.", "Луганської", "14"),
])
def test_a_peoples_republic_is_the_oblast_russia_calls_so(reader, text, name, code):
    # admin1 codes of ../shared/data/geonames/admin1_codes_UA.tsv: Donetska 05, Luhanska 14
    units = [(m.text, m.kind, m.admin_code) for m in reader.analyse(Report(text=text)).mentions
             if m.text == name]
    assert units == [(name, MentionKind.OBLAST, code)]


def test_a_name_written_in_lower_case_after_village_of_is_no_ordinary_word(reader):
    # a careless "the village of zaytsevo" does not make the capitalised Zaytsevo a word;
    # both are the Zaitseve by Horlivka (GeoNames 687470)
    text = "They left the village of zaytsevo near Horlivka. Zaytsevo is under fire."
    found = [(m.text, m.place.id) for m in reader.analyse(Report(text=text)).mentions
             if m.kind is MentionKind.SETTLEMENT]
    assert found == [("zaytsevo", 687470), ("Horlivka", 707753), ("Zaytsevo", 687470)]


def test_across_a_region_named_after_a_river_is_the_region(reader):
    kinds = [m.kind for m in reader.analyse(Report(text="Drones flew across the Dnipro region "
                                                        "overnight.")).mentions]
    assert kinds == [MentionKind.OBLAST]


@pytest.mark.parametrize("text, river", [
    ("Izium, on the Seversky Donets, was retaken in September 2022.", "Seversky Donets"),
    ("Ukrainian forces hold positions on the western bank of the Seversky Donets near "
     "Bilohorivka.", "Seversky Donets"),
    ("Izium lies on the Donets.", "Donets"),
])
def test_a_river_of_the_map_after_the_is_the_river_not_towns_named_like_its_words(
        reader, text, river):
    # the gazetteer has no stream so called, the river map (Natural Earth) has; "Seversky"
    # was the town Severskaya (Krasnodar krai) and "Donets" a Kharkiv-oblast village
    mentions = reader.analyse(Report(text=text)).mentions
    assert [m.text for m in mentions if m.kind is MentionKind.RIVER] == [river]
    assert not [m for m in mentions if m.text in ("Seversky", "Donets")
                and m.kind is MentionKind.SETTLEMENT]


def test_the_oskil_river_keeps_its_gazetteer_stream(reader):
    (oskil,) = [m for m in reader.analyse(Report(text="Kupiansk lies on the Oskil River."))
                .mentions if m.kind is MentionKind.RIVER]
    assert oskil.text == "Oskil" and oskil.place is not None  # GeoNames 514365, its mouth
