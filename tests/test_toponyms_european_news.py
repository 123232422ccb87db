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


BERDIANSK = 712451  # Berdyansk, Zaporizhzhia oblast, 46.76 N 36.79 E
VALKY = 690509  # Valky, Kharkiv oblast, 49.84 N 35.61 E, population 10,381


@pytest.mark.parametrize("text, word", [
    ("Walki trwały przez całą dobę na przedmieściach.", "Walki"),
    ("Ataki rakietowe nasiliły się po północy.", "Ataki"),
])
def test_sentence_initial_common_word_is_no_village(reader, text, word):
    assert word not in _mentions(reader, text)


def test_lexicon_word_inside_a_sentence_is_still_the_town(reader):
    mention = _mentions(reader, "Rosyjskie drony uderzyły w miasto Walki nad ranem.")["Walki"]
    assert mention.place is not None and mention.place.id == VALKY


@pytest.mark.parametrize("text, water", [
    ("Dos petroleros fueron alcanzados en el mar Negro durante la noche.", "Negro"),
    ("Le port de Berdiansk, sur la mer d'Azov, a de nouveau été visé.", "Azov"),
    ("Ein Frachter geriet im Schwarzen Meer unter Beschuss.", "Schwarzen"),
])
def test_name_after_a_sea_word_is_the_water(reader, text, water):
    mentions = _mentions(reader, text)
    assert water not in mentions
    if "Berdiansk" in text:
        assert mentions["Berdiansk"].place.id == BERDIANSK

DNIEPER_RIVER = 565896  # Dnieper, STM, mouth 46.50 N 32.31 E
NIKOPOL = 700051  # Nikopol, Dnipropetrovsk oblast, 47.57 N 34.39 E


@pytest.mark.parametrize("text, name", [
    ("Nikopol leży na prawym brzegu Dniepru, naprzeciw Enerhodaru.", "Dniepru"),
    ("Nikopol, sur la rive droite du Dniepr, subit des tirs quotidiens.", "Dniepr"),
    ("Les troupes ukrainiennes tiennent des positions sur le Dniepr près de Kherson.",
     "Dniepr"),
])
def test_dnipro_river_in_french_and_polish(reader, text, name):
    mentions = _mentions(reader, text)
    assert mentions[name].kind is MentionKind.RIVER
    assert mentions[name].place is not None and mentions[name].place.id == DNIEPER_RIVER
    if "Nikopol" in mentions:
        assert mentions["Nikopol"].place.id == NIKOPOL


def test_dniepr_without_a_river_cue_is_the_city(reader):
    mention = _mentions(reader, "W Dnieprze i Zaporożu ogłoszono alarm.")["Dnieprze"]
    assert mention.kind is MentionKind.SETTLEMENT and mention.place.id == DNIPRO_CITY


@pytest.mark.parametrize("text, word, kind, code", [
    ("Rosjanie atakują pod Hulajpolem w obwodzie zaporoskim.", "zaporoskim",
     MentionKind.OBLAST, "26"),  # Zaporizhzhya Oblast
    ("Ostrzał trwał całą noc w obwodzie chersońskim.", "chersońskim", MentionKind.OBLAST,
     "08"),  # Kherson Oblast
    ("Sytuacja w rejonie pokrowskim pozostaje trudna.", "pokrowskim", MentionKind.RAION,
     "1416"),  # Pokrovskyi Raion, Donetsk oblast
    ("Drony uderzyły w rejonie kramatorskim.", "kramatorskim", MentionKind.RAION,
     "1412"),  # Kramatorskyi Raion, Donetsk oblast
])
def test_polish_lower_case_unit_adjective(reader, text, word, kind, code):
    mention = _mentions(reader, text)[word]
    assert mention.kind is kind and mention.admin_code == code


def test_polish_area_word_before_a_common_noun_is_no_raion(reader):
    assert not _mentions(reader, "Najcięższe walki toczą się w rejonie frontu.")


def test_polish_case_form_keeps_the_oblast_named(reader):
    mention = _mentions(reader, "Rosjanie atakują pod Hulajpolem w obwodzie zaporoskim.")
    assert mention["Hulajpolem"].place.id == HULIAIPOLE_ZAPORIZHZHIA
