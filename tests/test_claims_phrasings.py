"""Tests for geo.claims on how news words a distance: spaced thousands, nautical miles,
"klicks", counting phrases ("two dozen", "half a"), vague counts ("a few kilometres"),
"north by north-east", Polish and Ukrainian hedges; and on figures that state no position
(the depth of an advance, a weapon's range, a length "of" something).

Every sentence is written for the test. Mentions are built by hand from the shipped gazetteer
(GeoNames ids), so the parser is tested alone, without the toponym reader.
"""

from __future__ import annotations

import math
import re

import pytest

from geo.checks import check_claim
from geo.claims import direction_of, parse_claims, parse_number
from geo.models import ClaimKind, Status
from tests.claim_helpers import one_claim

KUPIANSK, KHARKIV, POKROVSK, IZIUM, SUMY = 703656, 706483, 704422, 707292, 692194
SLOVIANSK, KRAMATORSK, NIKOPOL, ENERHODAR = 693468, 704508, 700051, 709276
ODESA, OCHAKIV, VOVCHANSK, TORETSK = 698740, 698770, 689304, 709354
KM_PER_NAUTICAL_MILE = 1.852  # by definition


# --------------------------------------------------------------------------------------------
# Figures and units


@pytest.mark.parametrize("figure, value", [
    ("1 000", 1000), ("1\u2009200", 1200), ("1\u202f500", 1500), ("1\u00a0250", 1250),
    ("12 000", 12000)])
def test_thousands_grouped_with_a_space(figure, value):
    assert parse_number(figure)[0] == value


@pytest.mark.parametrize("text", [
    "Ochakiv lies 1\u202f000 km south-east of Sumy.",
    "Ochakiv se trouve à 1 000 km au sud-est de Sumy.",
    "Ochakiv liegt rund 1\u00a0000 Kilometer südöstlich von Sumy.",
])
def test_spaced_thousands_give_the_whole_figure(mk, text):
    claim = one_claim(text, [mk(text, "Ochakiv", OCHAKIV), mk(text, "Sumy", SUMY)])
    assert claim.distance.value == 1000
    assert claim.direction == "SE"
    assert claim.subject.place.id == OCHAKIV and claim.reference.place.id == SUMY


def test_spaced_digits_that_are_no_thousands_stay_apart(mk):
    text = "In 2022 120 km separated Kupiansk from Kharkiv."
    claims = parse_claims(text, [mk(text, "Kupiansk", KUPIANSK), mk(text, "Kharkiv", KHARKIV)])
    assert all(c.distance is None or c.distance.value == 120 for c in claims)


@pytest.mark.parametrize("text", [
    "Ochakiv lies some 30 nautical miles east of Odesa.",
    "Ochakiv se trouve à 30 milles nautiques à l'est d'Odesa.",
    "Очаков находится в 30 морских милях к востоку от Odesa.",
])
def test_nautical_miles(mk, text):
    claims = parse_claims(text, [mk(text, "Ochakiv" if "Ochakiv" in text else "Очаков",
                                    OCHAKIV), mk(text, "Odesa", ODESA)])
    claim = next(c for c in claims if c.distance is not None)
    assert claim.distance.value == 30 and claim.distance.unit == "nmi"
    assert claim.distance.km == pytest.approx(30 * KM_PER_NAUTICAL_MILE)


def test_nautical_miles_verdict_names_the_unit(mk):
    # Odesa (46.486 N, 30.744 E) to Ochakiv (46.615 N, 31.545 E): about 63 km
    text = "Ochakiv lies some 30 nautical miles east of Odesa."
    claim = one_claim(text, [mk(text, "Ochakiv", OCHAKIV), mk(text, "Odesa", ODESA)])
    verdict = check_claim(claim)
    assert verdict.status == Status.CONSISTENT
    assert "(30 nmi)" in verdict.explanation


@pytest.mark.parametrize("text, value, unit", [
    ("Enerhodar lies about two dozen kilometres from Nikopol.", 24, "km"),
    ("Enerhodar lies half a dozen miles from Nikopol.", 6, "mi"),
    ("Enerhodar lies half a kilometre from Nikopol.", 0.5, "km"),
    ("Enerhodar lies half a mile from Nikopol.", 0.5, "mi"),
    ("Enerhodar liegt einen halben Kilometer von Nikopol entfernt.", 0.5, "km"),
    ("Enerhodar leży pół kilometra od Nikopol.", 0.5, "km"),
    ("Enerhodar lies a couple of kilometres from Nikopol.", 2, "km"),
    ("Marines dug in at Enerhodar, 5 klicks from Nikopol.", 5, "km"),
])
def test_counting_phrases_and_klicks(mk, text, value, unit):
    claim = one_claim(text, [mk(text, "Enerhodar", ENERHODAR), mk(text, "Nikopol", NIKOPOL)])
    assert claim.distance.value == value and claim.distance.unit == unit
    assert claim.subject.place.id == ENERHODAR and claim.reference.place.id == NIKOPOL


@pytest.mark.parametrize("text, surfaces, low, high", [
    ("Sloviansk is a few kilometres north of Kramatorsk.", ("Sloviansk", "Kramatorsk"), 2, 10),
    ("Sloviansk liegt einige Kilometer nördlich von Kramatorsk.", ("Sloviansk", "Kramatorsk"),
     2, 10),
    ("Слов'янськ розташований за кілька кілометрів від Краматорська.",
     ("Слов'янськ", "Краматорська"), 2, 10),
    ("Sloviansk se trouve à quelques kilomètres au nord de Kramatorsk.",
     ("Sloviansk", "Kramatorsk"), 2, 10),
    ("Sloviansk lies within a few kilometres of Kramatorsk.", ("Sloviansk", "Kramatorsk"),
     0, 10),
    ("Sloviansk lies dozens of kilometres from Kramatorsk.", ("Sloviansk", "Kramatorsk"),
     20, 99),
])
def test_vague_counts_give_a_range_and_say_so(mk, text, surfaces, low, high):
    claim = one_claim(text, [mk(text, surfaces[0], SLOVIANSK),
                             mk(text, surfaces[1], KRAMATORSK)])
    assert (claim.distance.low_km, claim.distance.high_km) == (low, high)
    assert "gives no figure" in claim.note


def test_vague_count_verdict_is_explained(mk):
    # Kramatorsk to Sloviansk, centre to centre: 13.4 km, which "several km" (2-10 km) can mean
    # once rounding and town size are allowed for; Kharkiv to Izium (113.5 km) is no "few km"
    text = "Sloviansk lies several kilometres north of Kramatorsk."
    claim = one_claim(text, [mk(text, "Sloviansk", SLOVIANSK), mk(text, "Kramatorsk", KRAMATORSK)])
    verdict = check_claim(claim)
    assert verdict.status == Status.CONSISTENT
    assert "read as 2-10 km" in verdict.explanation
    text = "Izium lies a few kilometres from Kharkiv."
    claim = one_claim(text, [mk(text, "Izium", IZIUM), mk(text, "Kharkiv", KHARKIV)])
    verdict = check_claim(claim)
    assert verdict.status == Status.INCONSISTENT
    assert "read as 2-10 km" in verdict.explanation


# --------------------------------------------------------------------------------------------
# Directions and hedges


@pytest.mark.parametrize("words, point", [
    ("north by north-east", "NNE"), ("east by north-east", "ENE"),
    ("south by south-west", "SSW"), ("north by east", "NbE"), ("southwest by south", "SWbS")])
def test_by_points(words, point):
    assert direction_of(words)[0] == point


def test_north_by_north_east_in_a_sentence(mk):
    text = "Izium lies 15 km north by north-east of Kramatorsk."
    claim = one_claim(text, [mk(text, "Izium", IZIUM), mk(text, "Kramatorsk", KRAMATORSK)])
    assert claim.direction == "NNE" and claim.distance.value == 15


@pytest.mark.parametrize("text, hedge, low, high", [
    ("Pokrowsk leży około 30 km od Kramatorska.", "około", 30, 30),
    ("Pokrowsk leży ok. 30 km od Kramatorska.", "ok.", 30, 30),
    ("Pokrowsk leży niecałe 30 km od Kramatorska.", "niecałe", 0, 30),
    ("Pokrowsk leży ponad 30 km od Kramatorska.", "ponad", 30, math.inf),
    ("Pokrowsk розташований приблизно за 30 км від Kramatorska.", "приблизно", 30, 30),
    ("Pokrowsk розташований менш ніж за 30 км від Kramatorska.", "менш ніж", 0, 30),
])
def test_polish_and_ukrainian_hedges(mk, text, hedge, low, high):
    claim = one_claim(text, [mk(text, "Pokrowsk", POKROVSK),
                             mk(text, "Kramatorska", KRAMATORSK)])
    assert claim.distance.hedge == hedge
    assert (claim.distance.low_km, claim.distance.high_km) == (low, high)


@pytest.mark.parametrize("text", [
    "Вовчанськ розташований за 5 км від російського кордону.",
    "Вовчанськ розташований приблизно за 5 км від російського кордону.",
    "Vovchansk leży niecałe 5 km od granicy z Rosją.",
])
def test_inflected_russian_border(mk, text):
    name = "Вовчанськ" if "Вовчанськ" in text else "Vovchansk"
    claim = one_claim(text, [mk(text, name, VOVCHANSK)])
    assert claim.kind == ClaimKind.BORDER_DISTANCE
    assert claim.reference_feature == "the Russian border"
    assert claim.distance.value == 5


# --------------------------------------------------------------------------------------------
# Figures that state no position


@pytest.mark.parametrize("text, surface, gid", [
    ("Russian units advanced up to 2 km west of Pokrovsk, geolocated footage shows.",
     "Pokrovsk", POKROVSK),
    ("Near Toretsk, Russian troops advanced 1.5 km north of Pokrovsk.", "Pokrovsk", POKROVSK),
    ("Российские войска продвинулись на 2 км к западу от Покровска.", "Покровска", POKROVSK),
    ("Російські війська просунулися на 1,5 км на південь від Торецька.", "Торецька", TORETSK),
    ("Les forces russes ont avancé de 2 km au nord de Pokrovsk.", "Pokrovsk", POKROVSK),
    ("Las tropas rusas avanzaron 3 km al oeste de Pokrovsk.", "Pokrovsk", POKROVSK),
    ("Rosjanie posunęli się o 2 km na zachód od Pokrowska.", "Pokrowska", POKROVSK),
    ("Ukrainian drones with a range of 1,500 km from Sumy struck a refinery.", "Sumy", SUMY),
    ("Дроны с дальностью до 1500 км от Сум атаковали НПЗ.", "Сум", SUMY),
    ("Russia has dug 50 km of trenches near Pokrovsk since spring.", "Pokrovsk", POKROVSK),
    ("Drones struck the last 10 km of the road to Pokrovsk.", "Pokrovsk", POKROVSK),
])
def test_figures_that_state_no_position(mk, text, surface, gid):
    mentions = [mk(text, surface, gid)]
    if "Toretsk" in text:
        mentions.append(mk(text, "Toretsk", TORETSK))
    assert parse_claims(text, mentions) == []


@pytest.mark.parametrize("text, value", [
    ("Russian forces advanced to within 5 km of Pokrovsk.", 5),
    ("Russian forces advanced 2 km and are now 8 km from Pokrovsk.", 8),
    ("Pokrovsk lies within 5 km of the front line after Russian forces advanced 2 km.", 5),
])
def test_where_the_forces_stand_is_still_read(mk, text, value):
    claim = one_claim(text, [mk(text, "Pokrovsk", POKROVSK)])
    assert claim.kind == ClaimKind.FRONTLINE_DISTANCE
    assert claim.subject.place.id == POKROVSK and claim.distance.value == value


def test_within_n_km_of_is_kept(mk):
    text = "Kupiansk lies within 40 km of Kharkiv."
    claim = one_claim(text, [mk(text, "Kupiansk", KUPIANSK), mk(text, "Kharkiv", KHARKIV)])
    assert (claim.distance.low_km, claim.distance.high_km) == (0, 40)
    assert re.search("within 40 km of Kharkiv", claim.text)
