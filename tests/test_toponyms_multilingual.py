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
