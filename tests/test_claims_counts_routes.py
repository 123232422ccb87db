"""Tests for geo.claims and geo.checks on Russian and Ukrainian counts ("в полутора
километрах", "два десятка километров", "полкилометра"), where the forces stand ("войска
находятся в 2 км от"), two places "12 km apart", and figures the text says were measured by
road or as the crow flies.

Every sentence is written for the test. Mentions are built by hand from the shipped gazetteer
(GeoNames ids), so the parser is tested alone, without the toponym reader.
"""

from __future__ import annotations

import pytest

from geo.checks import check_claim
from geo.claims import parse_claims, parse_number
from geo.models import ClaimKind, Status
from tests.claim_helpers import one_claim

KUPIANSK, KHARKIV, POKROVSK, SLOVIANSK, KRAMATORSK = 703656, 706483, 704422, 693468, 704508
MYRNOHRAD, SELYDOVE, LYPTSI = 710035, 694677, 702989
KHARKIV_KUPIANSK_KM = 102.5  # geodesic between the GeoNames points, as the verdicts print it


# --------------------------------------------------------------------------------------------
# Counts


@pytest.mark.parametrize("words, value", [
    ("полтора", 1.5), ("полутора", 1.5), ("півтори", 1.5), ("двух десятках", 20),
    ("два десятки", 20), ("полутора десятках", 15), ("трёх десятков", 30), ("десятке", 10),
    ("пару", 2), ("паре десятков", 20), ("полторы тысячи", 1500), ("two hundred", 200)])
def test_one_and_a_half_tens_and_a_couple(words, value):
    assert parse_number(words) == (value, "")


@pytest.mark.parametrize("text, figure, value", [
    ("Мирноград расположен в полутора десятках километров от Покровска.",
     "полутора десятках километров", 15),
    ("Мирноград находится в десятке километров от Покровска.", "десятке километров", 10),
    ("Мирноград розташований за два десятки кілометрів від Покровська.",
     "два десятки кілометрів", 20),
    ("Мирноград расположен в полутора километрах от Покровска.", "полутора километрах", 1.5),
    ("Мирноград лежит в паре километров от Покровска.", "паре километров", 2),
    ("Мирноград находится в полукилометре от Покровска.", "полукилометре", 0.5),
    ("Мирноград находится за полкилометра от Покровска.", "полкилометра", 0.5),
    ("Мирноград розташований за півкілометра від Покровська.", "півкілометра", 0.5),
])
def test_russian_and_ukrainian_counts_before_a_unit(mk, text, figure, value):
    town = "Покровська" if "Покровська" in text else "Покровска"
    claim = one_claim(text, [mk(text, "Мирноград", MYRNOHRAD), mk(text, town, POKROVSK)])
    assert claim.kind == ClaimKind.DISTANCE
    assert claim.subject.place.id == MYRNOHRAD and claim.reference.place.id == POKROVSK
    assert claim.distance.text == figure
    assert claim.distance.low_km == claim.distance.high_km == value


def test_tens_without_a_count_stay_vague(mk):
    text = "Мирноград находится в десятках километров от Покровска."
    claim = one_claim(text, [mk(text, "Мирноград", MYRNOHRAD), mk(text, "Покровска", POKROVSK)])
    assert (claim.distance.low_km, claim.distance.high_km) == (20.0, 99.0)


def test_comparative_direction_with_a_count(mk):
    text = "Мирноград расположен в полутора десятках километров восточнее Покровска."
    claim = one_claim(text, [mk(text, "Мирноград", MYRNOHRAD), mk(text, "Покровска", POKROVSK)])
    assert claim.distance.km == 15 and claim.direction == "E"


@pytest.mark.parametrize("text, surface, value", [
    ("Российские войска находятся в полутора километрах от Покровска.", "Покровска", 1.5),
    ("Российские войска находились всего в 3 км от Покровска.", "Покровска", 3),
    ("Російські війська перебувають за 4 км від Покровська.", "Покровська", 4),
])
def test_where_the_forces_stand_after_a_preposition(mk, text, surface, value):
    claim = one_claim(text, [mk(text, surface, POKROVSK)])
    assert claim.kind == ClaimKind.FRONTLINE_DISTANCE
    assert claim.subject.place.id == POKROVSK and claim.distance.km == value


# --------------------------------------------------------------------------------------------
# Two places a distance apart


@pytest.mark.parametrize("text, first, second, value", [
    ("Kramatorsk and Sloviansk lie about 12 km apart.", "Kramatorsk", "Sloviansk", 12),
    ("Kramatorsk and Sloviansk, two cities 13 km apart, were shelled.", "Kramatorsk",
     "Sloviansk", 13),
    ("Kramatorsk und Slowjansk liegen etwa 12 Kilometer voneinander entfernt.", "Kramatorsk",
     "Slowjansk", 12),
    ("Краматорск и Славянск находятся в 12 км друг от друга.", "Краматорск", "Славянск", 12),
])
def test_two_places_apart(mk, text, first, second, value):
    claim = one_claim(text, [mk(text, first, KRAMATORSK), mk(text, second, SLOVIANSK)])
    assert claim.kind == ClaimKind.DISTANCE
    assert claim.subject.place.id == KRAMATORSK and claim.reference.place.id == SLOVIANSK
    assert claim.distance.km == value
    assert check_claim(claim).status == Status.CONSISTENT  # 13.4 km between the points


@pytest.mark.parametrize("text, first, second", [
    ("The distance between Kramatorsk and Sloviansk is about 12 km.", "Kramatorsk",
     "Sloviansk"),
    ("Die Entfernung zwischen Kramatorsk und Slowjansk beträgt 12 Kilometer.", "Kramatorsk",
     "Slowjansk"),
    ("Расстояние между Краматорском и Славянском — 12 км.", "Краматорском", "Славянском"),
])
def test_distance_between_two_places(mk, text, first, second):
    claim = one_claim(text, [mk(text, first, KRAMATORSK), mk(text, second, SLOVIANSK)])
    assert claim.subject.place.id == KRAMATORSK and claim.reference.place.id == SLOVIANSK
    assert claim.distance.km == 12


def test_distance_between_without_named_places_is_no_claim(mk):
    text = "Kramatorsk was hit again. The distance between the two strikes was 3 km."
    assert parse_claims(text, [mk(text, "Kramatorsk", KRAMATORSK)]) == []


def test_apart_without_a_pair_of_places_is_no_claim(mk):
    text = "Two strikes 5 km apart hit Kharkiv overnight."
    assert parse_claims(text, [mk(text, "Kharkiv", KHARKIV)]) == []


# --------------------------------------------------------------------------------------------
# By road, as the crow flies


@pytest.mark.parametrize("text, town, route, direction", [
    ("Kupiansk is 130 km by road from Kharkiv.", "Kharkiv", "road", ""),
    ("Kupiansk is 130 km from Kharkiv by road.", "Kharkiv", "road", ""),
    ("Kupiansk lies 100 km east of Kharkiv, as the crow flies.", "Kharkiv", "straight", "E"),
    ("Kupiansk lies 100 km east of Kharkiv in a straight line.", "Kharkiv", "straight", "E"),
    ("Kupiansk liegt rund 100 Kilometer Luftlinie östlich von Charkiw.", "Charkiw",
     "straight", "E"),
    ("Kupiansk se trouve à 100 km à vol d'oiseau de Kharkiv.", "Kharkiv", "straight", ""),
    ("Kupiansk находится в 100 км по прямой от Харькова.", "Харькова", "straight", ""),
    ("Kupiansk находится в 130 км от Харькова по трассе.", "Харькова", "road", ""),
])
def test_route_words(mk, text, town, route, direction):
    claim = one_claim(text, [mk(text, "Kupiansk", KUPIANSK), mk(text, town, KHARKIV)])
    assert claim.subject.place.id == KUPIANSK and claim.reference.place.id == KHARKIV
    assert claim.distance.route == route
    assert claim.direction == direction


def test_route_after_the_reference_is_part_of_the_evidence(mk):
    text = "Kupiansk lies 100 km east of Kharkiv as the crow flies, officials said."
    claim = one_claim(text, [mk(text, "Kupiansk", KUPIANSK), mk(text, "Kharkiv", KHARKIV)])
    assert claim.text == "100 km east of Kharkiv as the crow flies"


def test_a_straight_line_gets_no_road_allowance(mk):
    """130 km for 102.5 km is a road figure (ratio 1.27): fine unless the text says it is a
    straight line, whose limit is 102.5 * 1.15 + 2 = 119.9 km."""
    said = "Kupiansk lies 130 km east of Kharkiv as the crow flies."
    plain = "Kupiansk lies 130 km east of Kharkiv."
    verdicts = [check_claim(one_claim(t, [mk(t, "Kupiansk", KUPIANSK),
                                          mk(t, "Kharkiv", KHARKIV)])) for t in (said, plain)]
    assert verdicts[0].status == Status.INCONSISTENT
    assert verdicts[0].extra["accepted_max_km"] == pytest.approx(
        KHARKIV_KUPIANSK_KM * 1.15 + 2, abs=0.1)
    assert "in a straight line" in verdicts[0].explanation
    assert "stated as a straight line" in verdicts[0].tolerance
    assert verdicts[1].status == Status.CONSISTENT
    assert "fits as a road distance" in verdicts[1].explanation


def test_a_road_figure_reads_as_a_road_distance(mk):
    text = "Kupiansk is 110 km by road from Kharkiv."
    verdict = check_claim(one_claim(text, [mk(text, "Kupiansk", KUPIANSK),
                                           mk(text, "Kharkiv", KHARKIV)]))
    assert verdict.status == Status.CONSISTENT
    assert verdict.extra["reading"] == "road distance"
    assert "stated 110 km by road" in verdict.explanation


def test_selydove_pair_and_front_line_in_one_sentence(mk):
    text = "Selydove and Pokrovsk, roughly 17 km apart, both came under attack near Lyptsi."
    claims = parse_claims(text, [mk(text, "Selydove", SELYDOVE), mk(text, "Pokrovsk", POKROVSK),
                                 mk(text, "Lyptsi", LYPTSI)])
    assert [(c.subject.place.id, c.reference.place.id, c.distance.km) for c in claims] == [
        (SELYDOVE, POKROVSK, 17)]
