"""Colloquial oblast names, German place nouns before a name, and a small Russian place first
in its sentence with an appositive. Expected ids are GeoNames ids looked up in data/."""

from __future__ import annotations

import pytest

from geo.gazetteer import MatchRule
from geo.geodesy import distance_km
from geo.models import MentionKind
from geo.reports import Reader
from geo.toponyms import ToponymFinder, resolve_mentions

DONETSK, SUMY = "05", "21"


@pytest.fixture(scope="module")
def finder(gazetteer):
    return ToponymFinder(gazetteer)


@pytest.fixture(scope="module")
def reader(gazetteer):
    return Reader(gazetteer)


def _resolved(finder, gazetteer, text_):
    return {m.text: m for m in resolve_mentions(finder.find(text_), text_, gazetteer)}


@pytest.mark.parametrize(("text_", "name", "code"), [
    ("Окупанти обстріляли Новоселівку на Донеччині, є поранені.", "Донеччині", DONETSK),
    ("На Сумщині ворог атакував Краснопілля.", "Сумщині", SUMY),
    ("На Донетчине под Андреевкой идут бои.", "Донетчине", DONETSK),
    ("Fighting continues in Donechchyna near Novoselivka.", "Donechchyna", DONETSK),
    ("Shelling in Sumshchyna damaged houses in Krasnopillia.", "Sumshchyna", SUMY),
])
def test_colloquial_oblast_name(finder, text_, name, code):
    mention = next(m for m in finder.find(text_) if m.text == name)
    assert (mention.kind, mention.admin_code) == (MentionKind.OBLAST, code)


@pytest.mark.parametrize(("text_", "name"), [
    ("Окупанти обстріляли Новоселівку на Донеччині, є поранені.", "Новоселівку"),
    ("На Донетчине под Андреевкой идут бои.", "Андреевкой"),
])
def test_colloquial_oblast_cues_its_village(finder, gazetteer, text_, name):
    """The village resolves inside the oblast named colloquially beside it."""
    place = _resolved(finder, gazetteer, text_)[name].place
    assert (place.country_code, place.admin1_code) == ("UA", DONETSK)


def test_village_named_like_a_colloquial_oblast_stays_a_village(finder):
    """Ternivshchyna is a village (GeoNames 691615), not Ternopil oblast."""
    mention = finder.find("Ternivshchyna was shelled overnight.")[0]
    assert mention.kind is MentionKind.SETTLEMENT
    assert 691615 in {place.id for place in mention.candidates}


@pytest.mark.parametrize(("text_", "name", "geonameid"), [
    ("Das Dorf Robotyne liegt südlich von Orichiw.", "Robotyne", 695586),
    ("Die Kleinstadt Wuhledar wurde schwer beschädigt.", "Wuhledar", 690823),
    ("Soldaten halten die Ortschaft Tonenke westlich von Awdijiwka.", "Tonenke", 691412),
    ("Im Dorf Nowomychajliwka bei Kurachowe wurde gekämpft.", "Nowomychajliwka", None),
])
def test_german_place_noun_before_name(finder, gazetteer, text_, name, geonameid):
    place = _resolved(finder, gazetteer, text_)[name].place
    if geonameid is None:
        assert (place.country_code, place.admin1_code) == ("UA", DONETSK)
    else:
        assert place.id == geonameid


@pytest.mark.parametrize(("text_", "name", "geonameid"), [
    ("Sudzha, a town in Kursk region, was taken in August.", "Sudzha", 486816),
    ("Glushkovo, a district centre near the border, lost power.", "Glushkovo", 560995),
    ("Теткино Курской области снова обстреляли.", "Теткино", 483166),
])
def test_small_russian_place_first_with_appositive(finder, gazetteer, text_, name, geonameid):
    assert _resolved(finder, gazetteer, text_)[name].place.id == geonameid


# Coordinates from the places' encyclopedia articles (degrees and minutes), not from GeoNames,
# which holds no German spelling of these names: they are met by the German transliteration
# of their Cyrillic names (Харцизьк Charzysk, Сніжне Snischne, Білицьке Bilyzke, Липці Lypzi).
@pytest.mark.parametrize(("text_", "name", "lat", "lon"), [
    ("Die Stadt Charzysk liegt östlich von Donezk.", "Charzysk", 48 + 2 / 60, 38 + 9 / 60),
    ("In Snischne fiel der Strom aus.", "Snischne", 48 + 2 / 60, 38 + 46 / 60),
    ("Russische Truppen beschossen Bilyzke bei Dobropillja.", "Bilyzke", 48 + 25 / 60,
     37 + 11 / 60),
    ("Das Dorf Lypzi nördlich von Charkiw liegt unter Beschuss.", "Lypzi", 50 + 12 / 60,
     36 + 26 / 60),
])
def test_german_spelling_without_a_german_alias(finder, gazetteer, text_, name, lat, lon):
    place = _resolved(finder, gazetteer, text_)[name].place
    assert distance_km(lat, lon, place.lat, place.lon) < 3.0


def test_german_spelling_is_a_transliteration_rule(gazetteer):
    (candidate,) = gazetteer.candidates("Charzysk")
    assert candidate.rule is MatchRule.TRANSLIT_FOREIGN and candidate.place.name == "Khartsyzk"


def test_german_voznesenka_south_of_pokrovsk(reader):
    """The seed's Voznesenka (GeoNames 9112507), named the German way."""
    analysis = reader.analyse("Russische Truppen rückten nahe dem Dorf Wosnessenka vor, "
                              "südlich von Pokrowsk.")
    mention = next(m for m in analysis.mentions if m.text == "Wosnessenka")
    assert mention.place.id == 9112507
