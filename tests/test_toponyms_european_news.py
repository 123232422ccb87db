"""Place mentions in German, French, Spanish, Italian and Polish news text: foreign cities
by the names those languages give them, Polish case forms, water bodies and rivers, and
common words that start a sentence. Sentences written for these tests; GeoNames ids checked
in the shipped gazetteer (name, country or oblast, coordinates)."""

from __future__ import annotations

import pytest

from geo.models import MentionKind
from geo.reports import Reader, Report

WARSAW = 756135  # Warsaw, PL, 52.23 N 21.01 E, population 1,702,139
GENEVA = 2660646  # Geneva, CH, 46.20 N 6.15 E, population 201,741
BRUSSELS = 2800866  # Brussels, BE, 50.85 N 4.35 E, population 1,019,022
KURSK = 538560  # Kursk, RU (Kursk oblast), 51.73 N 36.18 E, population 448,733
HULIAIPOLE_ZAPORIZHZHIA = 707898  # Hulyaypole, Zaporizhzhia oblast, 47.67 N 36.26 E
DNIPRO_CITY = 709930  # Dnipro, Dnipropetrovsk oblast, 48.47 N 35.04 E


@pytest.fixture(scope="module")
def reader():
    return Reader()


def _mentions(reader, text):
    return {m.text: m for m in reader.analyse(Report(text=text)).mentions}


@pytest.mark.parametrize("text, name, geonameid", [
    ("Am Montag trafen sich die Verteidigungsminister in Warschau.", "Warschau", WARSAW),
    ("Le président polonais est rentré à Varsovie mardi soir.", "Varsovie", WARSAW),
    ("La delegazione è arrivata a Varsavia in treno.", "Varsavia", WARSAW),
    ("Die Verhandlungen über einen Gefangenenaustausch beginnen in Genf.", "Genf", GENEVA),
    ("Une conférence sur la reconstruction se tiendra à Genève.", "Genève", GENEVA),
    ("Los mediadores volvieron a reunirse en Ginebra.", "Ginebra", GENEVA),
    ("Der Gipfel der Nato-Staaten in Brüssel endete ohne Einigung.", "Brüssel", BRUSSELS),
])
def test_big_foreign_city_by_its_name_in_another_language(reader, text, name, geonameid):
    mention = _mentions(reader, text)[name]
    assert mention.place is not None and mention.place.id == geonameid


@pytest.mark.parametrize("text, name, geonameid", [
    ("Prezydent wrócił wczoraj do Warszawy, a rano przemawiał w Warszawie.", "Warszawie",
     WARSAW),
    ("Wieczorem w Kursku znów zawyły syreny.", "Kursku", KURSK),
    ("Rosyjskie oddziały nacierają pod Hulajpolem od tygodnia.", "Hulajpolem",
     HULIAIPOLE_ZAPORIZHZHIA),
    ("Wieczorem w Dnieprze słychać było eksplozje.", "Dnieprze", DNIPRO_CITY),
])
def test_polish_case_form_is_the_nominatives_place(reader, text, name, geonameid):
    mention = _mentions(reader, text)[name]
    assert mention.kind is MentionKind.SETTLEMENT
    assert mention.place is not None and mention.place.id == geonameid

