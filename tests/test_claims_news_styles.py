"""Tests for geo.claims and geo.checks on phrasings of English news copy: short road hops
("about 20 km by road from Kramatorsk"), places named together ("Druzhkivka and
Kostiantynivka, both within 25 km of Kramatorsk"), facilities named after a town ("the
Zaporizhzhia nuclear power plant") and distances to an oblast's border ("15 km from the border
with Dnipropetrovsk Oblast").

Every sentence is written for the test. Mentions are built by hand from the shipped gazetteer
(GeoNames ids). Reference figures, WGS84 with pyproj Geod from the gazetteer's points:
Kramatorsk -> Druzhkivka 12.7 km at 194 deg, Kharkiv -> Kupiansk 102.5 km, Pokrovsk ->
Myrnohrad 7.3 km; Vovchansk -> Russia (Natural Earth) 5.5 km; to the geoBoundaries oblast
outlines (the boundary densified to 0.002 deg, shortest geodesic): Velyka Novosilka ->
Dnipropetrovsk oblast 17.0 km, Mezhova -> Donetsk oblast 9.1 km, Pokrovsk -> Dnipropetrovsk
oblast 19.0 km.
"""

from __future__ import annotations

import pytest

from geo.checks import (
    ABS_TOLERANCE_KM,
    MAX_ROAD_FACTOR,
    SHORT_HOP_DETOUR_KM,
    check_claim,
    distance_bounds,
)
from geo.claims import parse_claims
from geo.models import ClaimKind, MentionKind, Status
from tests.claim_helpers import one_claim

KRAMATORSK, DRUZHKIVKA, KOSTIANTYNIVKA, SLOVIANSK = 704508, 616743, 705104, 693468
KHARKIV, KUPIANSK, POKROVSK, MYRNOHRAD, VOVCHANSK = 706483, 703656, 704422, 710035, 689304
HIRNYK, UKRAINSK, KURAKHOVE = 708395, 690771, 695357
NIKOPOL, ZAPORIZHZHIA, KAKHOVKA, NOVA_KAKHOVKA = 700051, 687700, 707244, 699839
VELYKA_NOVOSILKA, MEZHOVA = 690237, 701305
DNIPROPETROVSK_OBLAST, DONETSK_OBLAST = "04", "05"


# --------------------------------------------------------------------------------------------
# Short road hops


def test_short_hop_bounds_add_a_fixed_detour():
    low, high = distance_bounds(12.7, detour_km=SHORT_HOP_DETOUR_KM)
    assert high == pytest.approx(12.7 + SHORT_HOP_DETOUR_KM + ABS_TOLERANCE_KM)
    assert low == distance_bounds(12.7)[0]
    # from 15 km on the road factor is the larger allowance, as before
    assert distance_bounds(100.0, detour_km=SHORT_HOP_DETOUR_KM)[1] == pytest.approx(
        100 * MAX_ROAD_FACTOR + ABS_TOLERANCE_KM)
    assert distance_bounds(12.7)[1] == pytest.approx(12.7 * MAX_ROAD_FACTOR + ABS_TOLERANCE_KM)


@pytest.mark.parametrize("text", [
    "Druzhkivka is about 20 km by road from Kramatorsk, the regional governor said.",
    "A missile struck Druzhkivka, about 20 km (12 miles) south of Kramatorsk, on Monday.",
    "Druzhkivka, some 20 kilometres from Kramatorsk, was shelled overnight.",
])
def test_a_short_hop_rounded_by_road_is_consistent(mk, text):
    claim = one_claim(text, [mk(text, "Druzhkivka", DRUZHKIVKA),
                             mk(text, "Kramatorsk", KRAMATORSK)])
    verdict = check_claim(claim)
    assert verdict.measured_km == pytest.approx(12.7, abs=0.1)
    assert verdict.ratio == pytest.approx(1.57, abs=0.01)
    assert verdict.status == Status.CONSISTENT
    assert f"measured + {SHORT_HOP_DETOUR_KM:g} km" in verdict.tolerance


@pytest.mark.parametrize("text, subject, gid, reference, ref_gid", [
    ("Druzhkivka, about 40 km by road from Kramatorsk, was hit.", "Druzhkivka", DRUZHKIVKA,
     "Kramatorsk", KRAMATORSK),
    ("Myrnohrad, some 25 km from Pokrovsk, was shelled on Thursday.", "Myrnohrad", MYRNOHRAD,
     "Pokrovsk", POKROVSK),
    ("Druzhkivka lies 25 km south of Kramatorsk.", "Druzhkivka", DRUZHKIVKA, "Kramatorsk",
     KRAMATORSK),
])
def test_a_short_hop_far_beyond_any_road_stays_inconsistent(mk, text, subject, gid, reference,
                                                            ref_gid):
    claim = one_claim(text, [mk(text, subject, gid), mk(text, reference, ref_gid)])
    verdict = check_claim(claim)
    assert verdict.status == Status.INCONSISTENT
    assert claim.distance.km > verdict.measured_km + SHORT_HOP_DETOUR_KM + ABS_TOLERANCE_KM


def test_a_long_road_figure_is_judged_as_before(mk):
    text = "Kupiansk, 120 kilometers (75 miles) east of Kharkiv, is a railway hub."
    verdict = check_claim(one_claim(text, [mk(text, "Kupiansk", KUPIANSK),
                                           mk(text, "Kharkiv", KHARKIV)]))
    assert verdict.status == Status.CONSISTENT and verdict.ratio == pytest.approx(1.17, abs=0.01)
    text = "Kupiansk, 150 kilometers east of Kharkiv, is a railway hub."
    verdict = check_claim(one_claim(text, [mk(text, "Kupiansk", KUPIANSK),
                                           mk(text, "Kharkiv", KHARKIV)]))
    assert verdict.status == Status.INCONSISTENT  # 150 > 102.5 x 1.4 + 2


def test_a_border_distance_gets_no_short_hop_detour(mk):
    # Vovchansk is 5.5 km from Russia (Natural Earth): 12 km is beyond 5.5 x 1.4 + 2 = 9.7 km,
    # though within 5.5 + 6 + 2 km
    text = "Vovchansk, 12 km from the Russian border, lies in ruins."
    verdict = check_claim(one_claim(text, [mk(text, "Vovchansk", VOVCHANSK)]))
    assert verdict.claim.kind == ClaimKind.BORDER_DISTANCE
    assert verdict.status == Status.INCONSISTENT


# --------------------------------------------------------------------------------------------
# Places named together: "X and Y, both ..."


@pytest.mark.parametrize("text, names", [
    ("Russian strikes hit Druzhkivka and Kostiantynivka, both within 25 km of Kramatorsk.",
     ["Druzhkivka", "Kostiantynivka"]),
    ("Druzhkivka, Kostiantynivka and Sloviansk, all within 25 km of Kramatorsk, were shelled.",
     ["Druzhkivka", "Kostiantynivka", "Sloviansk"]),
    ("Druzhkivka and Kostiantynivka are both within 25 km of Kramatorsk.",
     ["Druzhkivka", "Kostiantynivka"]),
    ("Druzhkivka und Kostiantynivka, beide weniger als 25 km von Kramatorsk entfernt, wurden "
     "beschossen.", ["Druzhkivka", "Kostiantynivka"]),
])
def test_a_fact_after_both_holds_for_every_place_listed(mk, text, names):
    gids = {"Druzhkivka": DRUZHKIVKA, "Kostiantynivka": KOSTIANTYNIVKA, "Sloviansk": SLOVIANSK}
    mentions = [mk(text, name, gids[name]) for name in names]
    claims = parse_claims(text, mentions + [mk(text, "Kramatorsk", KRAMATORSK)])
    assert [c.subject.text for c in claims] == names
    assert {c.reference.place.id for c in claims} == {KRAMATORSK}
    assert {(c.distance.low_km, c.distance.high_km) for c in claims} == {(0.0, 25.0)}
    assert len({c.text for c in claims}) == 1  # the same evidence
    assert all(check_claim(c).status == Status.CONSISTENT for c in claims)  # 12.7-24.8 km


def test_places_listed_share_a_front_line_distance(mk):
    text = "Kramatorsk and Sloviansk, both about 25 km from the front, are the last big cities."
    claims = parse_claims(text, [mk(text, "Kramatorsk", KRAMATORSK),
                                 mk(text, "Sloviansk", SLOVIANSK)])
    assert [(c.kind, c.subject.text) for c in claims] == [
        (ClaimKind.FRONTLINE_DISTANCE, "Kramatorsk"), (ClaimKind.FRONTLINE_DISTANCE, "Sloviansk")]


@pytest.mark.parametrize("text", [
    "Russian troops took Hirnyk and Ukrainsk, about 12 km from Kurakhove.",
    "Hirnyk and Ukrainsk, which is about 12 km from Kurakhove, were shelled.",
])
def test_without_both_the_fact_is_the_last_place_s(mk, text):
    claims = parse_claims(text, [mk(text, "Hirnyk", HIRNYK), mk(text, "Ukrainsk", UKRAINSK),
                                 mk(text, "Kurakhove", KURAKHOVE)])
    assert [c.subject.text for c in claims] == ["Ukrainsk"]


# --------------------------------------------------------------------------------------------
# Facilities named after a town


@pytest.mark.parametrize("text, town, gid, facility", [
    ("Nikopol, about 10 km from the Zaporizhzhia nuclear power plant, is shelled daily.",
     "Zaporizhzhia", ZAPORIZHZHIA, "Zaporizhzhia nuclear power plant"),
    ("Nikopol, about 10 km from the Zaporizhzhia NPP across the reservoir, is shelled daily.",
     "Zaporizhzhia", ZAPORIZHZHIA, "Zaporizhzhia NPP"),
    ("Nikopol liegt etwa 10 km vom AKW Saporischschja entfernt.", "Saporischschja",
     ZAPORIZHZHIA, "Saporischschja"),
    ("Nikopol se trouve à une dizaine de kilomètres de la centrale nucléaire de Zaporijjia.",
     "Zaporijjia", ZAPORIZHZHIA, "Zaporijjia"),
    ("Nikopol está a unos 10 km de la central nuclear de Zaporiyia.", "Zaporiyia",
     ZAPORIZHZHIA, "Zaporiyia"),
    ("Nikopol se trouve à une dizaine de kilomètres de la centrale de Zaporijjia.",
     "Zaporijjia", ZAPORIZHZHIA, "Zaporijjia"),
    ("Nikopol liegt etwa 10 km vom Flugplatz Saporischschja entfernt.", "Saporischschja",
     ZAPORIZHZHIA, "Saporischschja"),
])
def test_a_facility_named_after_a_town_is_no_reference(mk, text, town, gid, facility):
    claim = one_claim(text, [mk(text, "Nikopol", NIKOPOL), mk(text, town, gid)])
    assert claim.subject.place.id == NIKOPOL and claim.reference is None
    assert f"'{facility}' is a facility" in claim.note
    assert claim.distance.km == 10
    assert check_claim(claim).status == Status.UNVERIFIABLE  # not 62.9 km to the city


def test_a_town_after_de_is_still_a_reference(mk):
    text = "Nikopol se trouve à environ 60 km de Zaporijjia."
    claim = one_claim(text, [mk(text, "Nikopol", NIKOPOL), mk(text, "Zaporijjia", ZAPORIZHZHIA)])
    assert claim.reference.place.id == ZAPORIZHZHIA


def test_a_dam_is_not_its_town(mk):
    text = "Nova Kakhovka, 5 km from the Kakhovka dam, was flooded."
    claim = one_claim(text, [mk(text, "Nova Kakhovka", NOVA_KAKHOVKA),
                             mk(text, "Kakhovka", KAKHOVKA, nth=1)])
    assert claim.subject.place.id == NOVA_KAKHOVKA and claim.reference is None


def test_a_facility_is_no_subject(mk):
    text = "The Zaporizhzhia nuclear power plant, about 10 km from Nikopol, lost power again."
    claims = parse_claims(text, [mk(text, "Zaporizhzhia", ZAPORIZHZHIA),
                                 mk(text, "Nikopol", NIKOPOL)])
    assert all(c.subject is None or c.subject.place.id != ZAPORIZHZHIA for c in claims)


# --------------------------------------------------------------------------------------------
# Distances to an oblast's border


@pytest.mark.parametrize("text, subject, gid, oblast, code, measured, status", [
    ("Velyka Novosilka lies 15 km from the border with Dnipropetrovsk Oblast.",
     "Velyka Novosilka", VELYKA_NOVOSILKA, "Dnipropetrovsk", DNIPROPETROVSK_OBLAST, 17.0,
     Status.CONSISTENT),
    ("Mezhova, 10 km from the border of Donetsk Oblast, was hit on Monday.", "Mezhova", MEZHOVA,
     "Donetsk", DONETSK_OBLAST, 9.1, Status.CONSISTENT),
    ("Mezhova lies 30 km from the border with the Donetsk region.", "Mezhova", MEZHOVA,
     "Donetsk", DONETSK_OBLAST, 9.1, Status.INCONSISTENT),
    ("Pokrovsk is just 20 km from Dnipropetrovsk Oblast, the army said.", "Pokrovsk", POKROVSK,
     "Dnipropetrovsk", DNIPROPETROVSK_OBLAST, 19.0, Status.CONSISTENT),
    ("Pokrovsk is now about 20 km from the Dnipropetrovsk region.", "Pokrovsk", POKROVSK,
     "Dnipropetrovsk", DNIPROPETROVSK_OBLAST, 19.0, Status.CONSISTENT),
    ("Pokrovsk is 20 km from the Dnipropetrovsk oblast border.", "Pokrovsk", POKROVSK,
     "Dnipropetrovsk", DNIPROPETROVSK_OBLAST, 19.0, Status.CONSISTENT),
])
def test_distance_to_an_oblast_is_measured_to_its_outline(mk, text, subject, gid, oblast, code,
                                                          measured, status):
    claim = one_claim(text, [mk(text, subject, gid),
                             mk(text, oblast, kind=MentionKind.OBLAST, code=code)])
    assert claim.kind == ClaimKind.BORDER_DISTANCE
    assert claim.reference.kind == MentionKind.OBLAST and claim.subject.place.id == gid
    verdict = check_claim(claim)
    assert verdict.measured_km == pytest.approx(measured, abs=0.3)
    assert verdict.status == status
    assert "oblast" in verdict.explanation


def test_an_oblast_s_border_with_russia_is_russia_s(mk):
    text = "Vovchansk lies 5 km from the border of Kharkiv Oblast with Russia."
    claim = one_claim(text, [mk(text, "Vovchansk", VOVCHANSK),
                             mk(text, "Kharkiv", kind=MentionKind.OBLAST, code="07"),
                             mk(text, "Russia", kind=MentionKind.COUNTRY, code="RU")])
    assert claim.kind == ClaimKind.BORDER_DISTANCE
    assert claim.reference_feature == "the Russian border"
    assert check_claim(claim).measured_km == pytest.approx(5.5, abs=0.3)


def test_a_city_s_border_with_russia_is_russia_s(mk):
    # The same 5.5 km as the test above: the border, not Kharkiv city (60 km off).
    text = "Vovchansk is 5 km from Kharkiv's border with Russia."
    claim = one_claim(text, [mk(text, "Vovchansk", VOVCHANSK), mk(text, "Kharkiv", KHARKIV),
                             mk(text, "Russia", kind=MentionKind.COUNTRY, code="RU")])
    assert claim.kind == ClaimKind.BORDER_DISTANCE
    assert claim.reference_feature == "the Russian border"
    verdict = check_claim(claim)
    assert verdict.measured_km == pytest.approx(5.5, abs=0.3)
    assert verdict.status is Status.CONSISTENT


@pytest.mark.parametrize("text", [
    "Kramatorsk, 90 km from the Donetsk region's capital, was hit.",
    "Kramatorsk is 90 km from the Donetsk region town of Pokrovsk.",
])
def test_a_place_in_an_oblast_is_no_oblast_border(mk, text):
    claims = parse_claims(text, [mk(text, "Kramatorsk", KRAMATORSK),
                                 mk(text, "Donetsk", kind=MentionKind.OBLAST, code="05")])
    assert all(c.kind != ClaimKind.BORDER_DISTANCE for c in claims)


def test_a_raion_border_is_unverifiable(mk):
    text = "Mezhova lies 10 km from the border of Synelnykove raion."
    claim = one_claim(text, [mk(text, "Mezhova", MEZHOVA),
                             mk(text, "Synelnykove", kind=MentionKind.RAION, code="1209")])
    verdict = check_claim(claim)
    assert claim.kind == ClaimKind.BORDER_DISTANCE
    assert verdict.status == Status.UNVERIFIABLE and "raion" in verdict.explanation


# --------------------------------------------------------------------------------------------
# "The distance from X to Y", "the front line is N km away"


@pytest.mark.parametrize("text, subject, gid, reference, ref_gid", [
    ("The distance from Kharkiv to Kupiansk is about 100 km.", "Kharkiv", KHARKIV,
     "Kupiansk", KUPIANSK),
    ("Расстояние от Купянска до Харькова составляет 100 км.", "Купянска", KUPIANSK,
     "Харькова", KHARKIV),
    ("The distance between Kramatorsk and Druzhkivka is 13 km.", "Kramatorsk", KRAMATORSK,
     "Druzhkivka", DRUZHKIVKA),
])
def test_the_distance_from_x_to_y_is_x_measured_to_y(mk, text, subject, gid, reference,
                                                     ref_gid):
    claim = one_claim(text, [mk(text, subject, gid), mk(text, reference, ref_gid)])
    assert claim.kind is ClaimKind.DISTANCE
    assert (claim.subject.text, claim.reference.text) == (subject, reference)
    assert check_claim(claim).status is Status.CONSISTENT  # 102.5 and 12.7 km


@pytest.mark.parametrize("text, kind", [
    ("The distance from Kupiansk to the front line is less than 10 km.",
     ClaimKind.FRONTLINE_DISTANCE),
    ("The distance between Kupiansk and the front line is 8 km.", ClaimKind.FRONTLINE_DISTANCE),
    ("Die Entfernung von Kupjansk bis zur russischen Grenze beträgt 40 km.",
     ClaimKind.BORDER_DISTANCE),
])
def test_the_distance_from_a_place_to_a_feature_is_the_places(mk, text, kind):
    name = "Kupjansk" if "Kupjansk" in text else "Kupiansk"
    claim = one_claim(text, [mk(text, name, KUPIANSK)])
    assert claim.kind is kind
    assert claim.subject.text == name


@pytest.mark.parametrize("text, name, kind", [
    ("Vovchansk is shelled daily: the border is now only 5 km away.", "Vovchansk",
     ClaimKind.BORDER_DISTANCE),
    ("Kupiansk is shelled daily. The front line is about 8 km away.", "Kupiansk",
     ClaimKind.FRONTLINE_DISTANCE),
    ("In Wowtschansk liegt die Grenze nur 5 km entfernt.", "Wowtschansk",
     ClaimKind.BORDER_DISTANCE),
])
def test_a_feature_n_km_away_is_measured_from_the_place_the_text_is_about(mk, text, name, kind):
    claim = one_claim(text, [mk(text, name, VOVCHANSK if "ovchansk" in name or "Wow" in name
                                else KUPIANSK)])
    assert claim.kind is kind
    assert claim.subject.text == name
    if kind is ClaimKind.BORDER_DISTANCE:
        verdict = check_claim(claim)
        assert verdict.measured_km == pytest.approx(5.5, abs=0.1)  # Natural Earth, see above
        assert verdict.status is Status.CONSISTENT


def test_a_second_strike_n_km_away_is_no_claim_about_the_place(mk):
    text = "A school in Kostiantynivka was hit; a second strike landed 3 km away."
    assert parse_claims(text, [mk(text, "Kostiantynivka", KOSTIANTYNIVKA)]) == []


def test_a_direction_in_brackets_after_a_list_holds_for_every_place_of_it(mk):
    # The war summaries' form; the three villages lie west-south-west of Pokrovsk (ids from
    # data/: Kotlyne 48.25 N 37.05 E, Udachne 48.24 N 36.99 E, Novoserhiivka 48.20 N 36.97 E).
    text = ("Russian forces attacked near Kotlyne, Udachne and Novoserhiivka (all southwest "
            "of Pokrovsk) on Tuesday.")
    mentions = [mk(text, "Kotlyne", 9112127), mk(text, "Udachne", 690841),
                mk(text, "Novoserhiivka", 9112581), mk(text, "Pokrovsk", POKROVSK)]
    claims = parse_claims(text, mentions)
    assert [(c.kind, c.subject.text, c.reference.text, c.direction) for c in claims] == [
        (ClaimKind.DIRECTION, name, "Pokrovsk", "SW")
        for name in ("Kotlyne", "Udachne", "Novoserhiivka")]
    assert all(check_claim(c).status is Status.CONSISTENT for c in claims)
