"""Claims whose sentence names a place for its speaker ("Kharkiv police reported ...",
"officials in Zaporizhzhia said ...", "a Kyiv-based analyst"): that place is not what the
distance is about. Sentences written for these tests, read by the whole pipeline over the
shipped gazetteer; reference figures are WGS84 geodesics (pyproj Geod) between GeoNames
points: Kharkiv -> Kupiansk 102.5 km, Sumy -> Russia (Natural Earth) 27.7 km."""

from __future__ import annotations

import pytest

from geo.models import ClaimKind, Status
from geo.reports import Reader
from tests.sphere import initial_bearing_deg

KHARKIV, KUPIANSK, SUMY = 706483, 703656, 692194


@pytest.fixture(scope="module")
def reader(gazetteer):
    return Reader(gazetteer)


def only_verdict(reader, text):
    analysis = reader.analyse(text)
    assert len(analysis.verdicts) == 1, analysis.verdicts
    return analysis.verdicts[0]


@pytest.mark.parametrize("text", [
    "Kharkiv police reported a strike on a petrol station 3 km from Zolochiv.",
    "Officials in Zaporizhzhia said a drone fell 5 km from Orikhiv.",
    "A Kyiv-based analyst said the strike hit a depot 10 km from Pokrovsk.",
    "Sumy's mayor said a shell landed 2 km from the Russian border.",
])
def test_a_speakers_place_is_not_the_subject_of_the_distance(reader, text):
    # the distance is the strike's, drone's or shell's: no place to check it against, rather
    # than a false "inconsistent" for the city that speaks (38, 59, 540 and 28 km off)
    verdict = only_verdict(reader, text)
    assert verdict.claim.subject is None
    assert verdict.status is Status.UNVERIFIABLE and "no subject" in verdict.explanation


def test_the_city_may_still_point_back_at_the_speakers_place(reader):
    verdict = only_verdict(reader, "Sumy's mayor said the city, 30 km from the Russian border, "
                                   "was hit again.")
    assert verdict.claim.kind is ClaimKind.BORDER_DISTANCE
    assert verdict.claim.subject.place.id == SUMY
    assert verdict.status is Status.CONSISTENT
    assert verdict.measured_km == pytest.approx(27.7, abs=0.5)


def test_a_place_said_to_lie_somewhere_is_no_speaker(reader):
    # "said Kupiansk, 120 km east ...": Kupiansk is what was said about, not who said it
    verdict = only_verdict(reader, "The mayor of Kharkiv said Kupiansk, 120 km east of the "
                                   "city, was hit.")
    claim = verdict.claim
    assert (claim.subject.place.id, claim.reference.place.id) == (KUPIANSK, KHARKIV)
    assert verdict.measured_km == pytest.approx(102.5, abs=0.5)


# --- references named without a figure's "of": pronouns, "From X to Y" ---------------------
#: Zaporizhzhia (47.85, 35.12) -> Vasylivka, Zaporizhzhia oblast (47.44, 35.28): 47.2 km, 165°.
ZAPORIZHZHIA, VASYLIVKA_ZAPORIZHZHIA = 687700, 686729
KRAMATORSK, BAKHMUT = 704508, 713174


def test_it_is_the_place_an_earlier_fact_of_the_sentence_measured_from(reader):
    analysis = reader.analyse("Stepnohirsk lies 35 km southeast of Zaporizhzhia and Vasylivka "
                              "47 km south of it.")
    second = analysis.verdicts[1]
    assert second.claim.reference.place.id == ZAPORIZHZHIA
    assert second.claim.subject.place.id == VASYLIVKA_ZAPORIZHZHIA
    assert second.status is Status.CONSISTENT
    assert second.measured_km == pytest.approx(47.2, abs=0.5)


@pytest.mark.parametrize("text", ["From Kramatorsk to Bakhmut is about 40 km.",
                                  "From Kramatorsk to Bakhmut it is about 40 km by road."])
def test_from_x_to_y_is_a_distance_between_them(reader, text):
    # Kramatorsk (48.72, 37.56) -> Bakhmut (48.60, 38.00): 35.2 km, pyproj Geod
    verdict = only_verdict(reader, text)
    claim = verdict.claim
    assert (claim.subject.place.id, claim.reference.place.id) == (KRAMATORSK, BAKHMUT)
    assert claim.distance.value == 40
    assert verdict.measured_km == pytest.approx(35.2, abs=0.3)


# --- what a phrase attaches to: lists, the nearest noun, "the city" -------------------------
#: Donetsk oblast: Staromaiorske (47.75, 36.79), Urozhaine (47.75, 36.82), Velyka Novosilka
#: (47.84, 36.84), Torske (49.02, 37.96); Luhansk oblast: Kreminna (49.05, 38.22).
STAROMAIORSKE, UROZHAINE, TORSKE, KREMINNA = 692812, 9114393, 691358, 704138
VOVCHANSK = 689304


def test_two_villages_named_together_share_the_relation(reader):
    analysis = reader.analyse("Staromaiorske and Urozhaine, two villages south of Velyka "
                              "Novosilka, were shelled.")
    assert sorted(v.claim.subject.place.id for v in analysis.verdicts) == sorted(
        [STAROMAIORSKE, UROZHAINE])
    assert {v.status for v in analysis.verdicts} == {Status.CONSISTENT}


def test_a_region_right_after_a_relations_reference_places_that_reference(reader):
    # Torske lies in Donetsk oblast, 7 km outside Luhansk oblast; Kreminna in Luhansk oblast
    analysis = reader.analyse("Torske, a village west of Kreminna in the Luhansk region, was "
                              "attacked.")
    region = next(v for v in analysis.verdicts if v.claim.kind is ClaimKind.REGION)
    assert region.claim.subject.place.id == KREMINNA
    assert region.status is Status.CONSISTENT


def test_the_city_is_the_city_named_last_not_a_village(reader):
    # Kharkiv (49.98, 36.25) -> Vovchansk (50.29, 36.94): 59.9 km; Lyptsi is a village
    verdict = only_verdict(reader, "Russian forces launched a new offensive north of Kharkiv, "
                                   "seizing villages near Lyptsi and pressing toward Vovchansk, "
                                   "about 60 km northeast of the city.")
    assert verdict.claim.reference.place.id == KHARKIV
    assert verdict.claim.subject.place.id == VOVCHANSK
    assert verdict.measured_km == pytest.approx(59.9, abs=0.5)
    assert verdict.status is Status.CONSISTENT


@pytest.mark.parametrize("text", [
    "Stepove, on the northern outskirts of Avdiivka, changed hands several times.",
    "Stepove lies on the northern edge of Avdiivka.",
])
def test_the_outskirts_of_a_town_give_a_direction_from_it(reader, text):
    # Stepove (48.20, 37.68) lies 8.1 km NW (319.5°) of Avdiivka's point (48.14, 37.75)
    verdict = only_verdict(reader, text)
    assert verdict.claim.kind is ClaimKind.DIRECTION and verdict.claim.direction == "N"
    assert verdict.bearing_deg == pytest.approx(319.5, abs=1.0)
    assert verdict.status is Status.CONSISTENT


def test_a_part_of_an_area_is_no_direction(reader):
    analysis = reader.analyse("In the northern part of Donetsk oblast, Lyman was shelled.")
    assert [v.claim.kind for v in analysis.verdicts] == [ClaimKind.REGION]


@pytest.mark.parametrize(("text", "subject", "reference", "km"), [
    # WGS84 geodesics between the gazetteer's points (pyproj Geod)
    ("Ukrainian forces hold Chasiv Yar. Bakhmut is 12 km to the east.", "Bakhmut",
     "Chasiv Yar", 12.2),
    ("From Donetsk, Mariupol is 100 km to the south.", "Mariupol", "Donetsk", 105.0),
    ("Seen from Nova Kakhovka, Kherson lies 60 km to the west.", "Kherson", "Nova Kakhovka",
     58.3),
    ("Sloviansk was hit by two missiles; Kramatorsk, 13 km further south, was spared.",
     "Kramatorsk", "Sloviansk", 13.4),
])
def test_a_figure_and_direction_without_of_measure_from_the_place_before(reader, text,
                                                                         subject, reference,
                                                                         km):
    verdict = only_verdict(reader, text)
    assert (verdict.claim.subject.text, verdict.claim.reference.text) == (subject, reference)
    assert verdict.measured_km == pytest.approx(km, abs=0.3)
    assert verdict.status is Status.CONSISTENT


@pytest.mark.parametrize("text", [
    "Russian forces advanced 2 km to the west.",  # how far they moved, not where they are
    "Russian forces advanced 2 km to the west near Pokrovsk.",
    "Pokrovsk and Myrnohrad lie 60 km to the north.",  # both measured from somewhere unnamed
])
def test_no_reference_is_implied_for_a_movement_or_a_list(reader, text):
    assert reader.analyse(text).verdicts == ()


# --- an oblast named in German, Polish, Italian ---------------------------------------------
@pytest.mark.parametrize(("text", "status"), [
    # Kupiansk lies in Kharkiv oblast, 53 km outside Donetsk oblast's outline
    ("Kupjansk liegt im Gebiet Donezk.", Status.INCONSISTENT),
    ("Kupiańsk leży w obwodzie donieckim.", Status.INCONSISTENT),
    ("Kupiansk si trova nella regione di Donetsk.", Status.INCONSISTENT),
    ("W Kupiańsku, w obwodzie charkowskim, trwają walki.", Status.CONSISTENT),
    ("Kupiansk si trova nella regione di Kharkiv.", Status.CONSISTENT),
])
def test_a_region_claim_in_more_languages(reader, text, status):
    verdict = only_verdict(reader, text)
    assert verdict.claim.kind is ClaimKind.REGION
    assert verdict.claim.subject.place.id == KUPIANSK
    assert verdict.status is status
    # an adjective in a case form is named as the data names the oblast
    assert "donieckim oblast" not in verdict.explanation


#: Donetsk oblast: Siversk (48.87, 38.10), 10,875 people; the villages Vyimka (48.81, 38.15)
#: and Pereizne (48.78, 38.08). Kharkiv oblast: Kurylivka (49.66, 37.70), Pishchane (49.57,
#: 37.83), both SE of Kupiansk (49.71, 37.62).
SIVERSK, VYIMKA, PEREIZNE = 694403, 9115248, 697633
KURYLIVKA, PISHCHANE = 703610, 697524


def test_the_town_is_the_town_not_a_village_of_the_list(reader):
    analysis = reader.analyse("Russian forces pushed toward Siversk from the east, attacking "
                              "near Vyimka and Pereizne south of the town.")
    assert {v.claim.reference.place.id for v in analysis.verdicts} == {SIVERSK}
    # the direction holds for both villages of the list
    assert sorted(v.claim.subject.place.id for v in analysis.verdicts) == sorted(
        [VYIMKA, PEREIZNE])
    assert {v.status for v in analysis.verdicts} == {Status.CONSISTENT}


def test_a_direction_after_a_list_holds_for_each_place(reader):
    analysis = reader.analyse("Ukrainian forces repelled assaults near Kurylivka and Pishchane, "
                              "southeast of Kupiansk.")
    assert sorted(v.claim.subject.place.id for v in analysis.verdicts) == sorted(
        [KURYLIVKA, PISHCHANE])
    assert {v.claim.reference.place.id for v in analysis.verdicts} == {KUPIANSK}


def test_a_region_after_a_comma_goes_on_describing_the_subject(reader):
    analysis = reader.analyse("Troops entered Voznesenka, about 25 km south of Pokrovsk, in "
                              "Donetsk oblast.")
    region = next(v for v in analysis.verdicts if v.claim.kind is ClaimKind.REGION)
    assert region.claim.subject.text == "Voznesenka"


#: Kharkiv oblast, GeoNames: Holubivka (49.74994, 37.6305) and Kindrashivka (49.76569,
#: 37.58311), north of Kupiansk (49.71003, 37.61581); Pishchane (49.56723, 37.8322) southeast.
HOLUBIVKA, KINDRASHIVKA = 708531, 705175


def test_the_place_after_near_is_what_a_sector_relation_places(reader):
    # the war summaries' form: "<direction> of <reference> near <place>[ and <place>]"
    analysis = reader.analyse(
        "Fighting continued north of Kupiansk near Holubivka and Kindrashivka and southeast "
        "of Kupiansk near Pishchane.")
    claims = [(v.claim.subject.place.id, v.claim.direction, v.status) for v in analysis.verdicts]
    assert claims == [(HOLUBIVKA, "N", Status.CONSISTENT), (KINDRASHIVKA, "N", Status.CONSISTENT),
                      (PISHCHANE, "SE", Status.CONSISTENT)]
    assert {v.claim.reference.place.id for v in analysis.verdicts} == {KUPIANSK}
    # bearings from Kupiansk, on the sphere: Holubivka 13.4°, Kindrashivka 339.2°, Pishchane
    # 135.4°, each within the tolerance of its stated point
    for verdict, (lat, lon) in zip(analysis.verdicts, [(49.74994, 37.6305),
                                                       (49.76569, 37.58311),
                                                       (49.56723, 37.8322)], strict=True):
        assert verdict.bearing_deg == pytest.approx(
            initial_bearing_deg(49.71003, 37.61581, lat, lon), abs=0.5)
    # every place of the three sectors has its event
    assert [e.mention.place.id for e in analysis.events] == [HOLUBIVKA, KINDRASHIVKA, PISHCHANE]


def test_a_place_before_its_appositive_relation_stays_its_subject(reader):
    analysis = reader.analyse("Holubivka, 5 km north of Kupiansk near Kindrashivka, was "
                              "shelled.")
    [verdict] = analysis.verdicts
    assert verdict.claim.subject.place.id == HOLUBIVKA
