"""What a sentence says of a place's neighbours settles which namesake it means: a place named
under another name still anchors the rest, "X near Y" keeps X by Y against a later relation,
a neighbour claim ("1 km from Y") picks the Y beside X, a seat claim the namesake in the stated
direction from its seat; a reference named only in the claim is an oblast's outline when it
names one ("from Crimea"), never a far-off lookalike.

Reference points are the towns' encyclopedia coordinates (degrees, lat/lon), not GeoNames';
distances to them are the haversine of tests/sphere.py, not pyproj."""

from __future__ import annotations

import pytest

from geo.models import ClaimKind, MentionKind, Status
from geo.reports import Reader
from tests.sphere import haversine_km, initial_bearing_deg

DONETSK = (48.00, 37.80)  # 48°00′N 37°48′E
MELITOPOL = (46.83, 35.37)  # 46°50′N 35°22′E
KOSTIANTYNIVKA_DONETSK = (48.53, 37.71)  # 48°32′N 37°43′E, the town of 67,000
ODESA = (46.48, 30.73)  # 46°29′N 30°44′E
SIMFEROPOL = (44.95, 34.10)  # 44°57′N 34°06′E, Crimea's capital, near its middle


@pytest.fixture(scope="module")
def reader(gazetteer):
    return Reader(gazetteer)


def km_from(place, point) -> float:
    return haversine_km(place.lat, place.lon, *point)


def distance_claim(analysis):
    return next(c for c in analysis.claims if c.kind is ClaimKind.DISTANCE)


@pytest.mark.parametrize("text", [
    "Shelling hit Aleksandrovka, on the western outskirts of Donetsk, overnight.",
    "The village of Aleksandrovka in the Petrovsky district of Donetsk came under fire again.",
])
def test_a_city_named_under_its_own_name_anchors_a_village_it_was_once_named_after(
        reader, text):
    # Donetsk bears "Aleksandrovka" among its old names, so it is a candidate of that name;
    # it must still count as the report's other place, which picks the Oleksandrivka beside
    # it over the largest of 142 namesakes (a town in Kirovohrad oblast, 400 km west).
    mention = next(m for m in reader.analyse(text).mentions if m.text == "Aleksandrovka")
    assert mention.place is not None and mention.place.name != "Donetsk"
    assert km_from(mention.place, DONETSK) < 30
    assert "Donetsk" in mention.reason


def test_a_neighbour_claim_picks_the_namesake_beside_its_subject(reader):
    analysis = reader.analyse(
        "The village of Voznesenka, near Melitopol, is 1 km from Konstantinovka.")
    claim = distance_claim(analysis)
    assert claim.subject.text == "Voznesenka"
    assert km_from(claim.subject.place, MELITOPOL) < 15
    # not the Donetsk-oblast town of that name, the usual meaning, 250 km away
    assert km_from(claim.reference.place, MELITOPOL) < 15
    assert "Voznesenka lies" in claim.reference.reason


def test_a_long_wrong_figure_moves_neither_place(reader):
    # "70 km" fits a Voznesenka of Donetsk oblast, but the text put it near Melitopol; and no
    # other Kostiantynivka is looked for: the claim is flagged, not bent to fit.
    analysis = reader.analyse(
        "The village of Voznesenka, near Melitopol, is 70 km from Kostiantynivka.")
    claim = distance_claim(analysis)
    assert claim.subject.text == "Voznesenka"
    assert km_from(claim.subject.place, MELITOPOL) < 15
    assert km_from(claim.reference.place, KOSTIANTYNIVKA_DONETSK) < 5
    verdict = next(v for v in analysis.verdicts if v.claim == claim)
    assert verdict.status is Status.INCONSISTENT
    assert verdict.measured_km == pytest.approx(
        haversine_km(*MELITOPOL, *KOSTIANTYNIVKA_DONETSK), rel=0.05)


def test_x_near_y_without_commas_is_about_x(reader):
    analysis = reader.analyse(
        "Voznesenka near Melitopol lies 70 km south-west of Kostiantynivka.")
    claim = distance_claim(analysis)
    assert claim.subject.text == "Voznesenka"
    assert claim.subject.kind is MentionKind.SETTLEMENT
    assert km_from(claim.subject.place, MELITOPOL) < 15


def test_a_place_named_again_is_no_anchor_for_itself(reader):
    # the second "Kupiansk" is the town the first one is, not a namesake near it
    analysis = reader.analyse("Kupiansk was shelled. Later Kupiansk was shelled again.")
    places = {m.place.id for m in analysis.mentions if m.text == "Kupiansk"}
    assert places == {703656}


@pytest.mark.parametrize("text", [
    "The village of Ivanivka lies 18 km east of the raion centre.",
    "Село Іванівка розташоване за 18 км на схід від районного центру.",
])
def test_a_seat_claim_picks_a_namesake_in_the_stated_direction_from_its_seat(reader, text):
    # Hundreds of Ivanivkas: the one chosen lies about 18 km from its own raion's seat, and
    # east of it (within the 67.5 degrees a relation allows), not south or west.
    analysis = reader.analyse(text)
    claim = distance_claim(analysis)
    place, seat = claim.subject.place, claim.reference.place
    assert seat is not None and (seat.admin1_code, seat.admin2_code) == (
        place.admin1_code, place.admin2_code)
    assert 18 / 1.6 <= haversine_km(seat.lat, seat.lon, place.lat, place.lon) <= 18 / 0.8
    bearing = initial_bearing_deg(seat.lat, seat.lon, place.lat, place.lon)
    assert abs((bearing - 90 + 180) % 360 - 180) <= 67.5


def test_an_oblast_named_only_in_the_claim_is_measured_to_its_outline(reader):
    analysis = reader.analyse("Odesa lies some 150 km from Crimea.")
    (claim,) = analysis.claims
    assert claim.kind is ClaimKind.BORDER_DISTANCE
    assert claim.reference.kind is MentionKind.OBLAST
    verdict = analysis.verdicts[0]
    # the peninsula's nearest shore, well short of its capital, across 150 km of sea or more
    assert 120 < verdict.measured_km < haversine_km(*ODESA, *SIMFEROPOL) - 50
    assert verdict.status is Status.CONSISTENT


def test_a_reference_is_never_a_far_off_lookalike_of_an_unknown_word(reader):
    # "Crimean" spells like Ciudad del Carmen (Mexico) to the phonetic skeleton: no reference
    analysis = reader.analyse("Odesa lies some 150 km from the Crimean peninsula.")
    (verdict,) = analysis.verdicts
    assert verdict.claim.reference is None
    assert verdict.status is Status.UNVERIFIABLE and "'Crimean'" in verdict.explanation


@pytest.mark.parametrize("text, subject, reference", [
    ("Вознесенка стоит на левом берегу Молочной, а в 1 км ниже по течению лежит "
     "Константиновка.", "Вознесенка", "Константиновка"),
    ("Voznesenka lies on the Molochna; 1 km downstream is Konstantinovka.", "Voznesenka",
     "Konstantinovka"),
    ("Село Вознесенка розташоване на лівому березі річки Молочна, на відстані 1 км нижче за "
     "течією розташоване село Костянтинівка.", "Вознесенка", "Костянтинівка"),
])
def test_a_village_downstream_is_the_namesake_beside_it(reader, text, subject, reference):
    # Nine Voznesenkas and 34 Kostiantynivkas: the pair a kilometre or so apart is the one by
    # Melitopol, on the Molochna, not the largest or first of each name.
    analysis = reader.analyse(text)
    claim = distance_claim(analysis)
    assert (claim.subject.text, claim.reference.text) == (subject, reference)
    assert claim.distance.km == 1
    assert km_from(claim.subject.place, MELITOPOL) < 15
    assert km_from(claim.reference.place, MELITOPOL) < 15
    # "на левом берегу Молочной" names the river, not a village Molochnyy
    river = [m for m in analysis.mentions if m.text.startswith("Молочн")]
    assert all(m.kind is MentionKind.RIVER for m in river)


@pytest.mark.parametrize("text, reference", [
    ("На відстані 3 км розташоване село Богодухівка.", "Богодухівка"),
    ("На расстоянии 3 км находится Купянск.", "Купянск"),
    ("Upstream at a distance of 3 km is the village of Kupiansk.", "Kupiansk"),
])
def test_at_a_distance_of_n_km_lies_the_reference(reader, text, reference):
    (claim,) = reader.analyse(text).claims
    assert claim.kind is ClaimKind.DISTANCE and claim.distance.km == 3
    assert claim.reference.text == reference


def test_a_figure_downstream_with_no_place_after_it_is_no_claim(reader):
    analysis = reader.analyse("In Kupiansk the shelling hit a bridge; debris landed 2 km "
                              "downstream.")
    assert analysis.claims == ()


KUPIANSK = (49.72, 37.62)  # 49°43′N 37°37′E


def test_an_oblast_named_in_the_sentence_holds_against_a_relation(reader):
    # 45 km north-east of Pokrovsk lies a Novoselivka of Donetsk oblast, but the sentence puts
    # this one in Zaporizhzhia oblast: the relation does not move it out, and the claim is
    # flagged instead.
    analysis = reader.analyse("Novoselivka, a village in Zaporizhzhia Oblast, lies about 45 km "
                              "north-east of Pokrovsk.")
    claim = distance_claim(analysis)
    assert claim.subject.place.admin1 == "Zaporizhzhya Oblast"
    verdict = next(v for v in analysis.verdicts if v.claim == claim)
    assert verdict.status is Status.INCONSISTENT


@pytest.mark.parametrize("text", [
    "Ивановка находится в 20 км юго-восточнее Купянска, недалеко от границы с Луганской "
    "областью.",
    "Ivanivka lies 20 km south-east of Kupiansk, near the border with Luhansk Oblast.",
])
def test_an_oblast_across_a_border_does_not_locate_the_place(reader, text):
    claim = distance_claim(reader.analyse(text))
    assert claim.subject.place.admin1 == "Kharkiv Oblast"
    assert haversine_km(claim.subject.place.lat, claim.subject.place.lon, *KUPIANSK) \
        == pytest.approx(20, abs=4)


POKROVSK = (48.28, 37.18)  # 48°17′N 37°11′E


def test_a_town_far_from_all_the_reports_places_yields_to_a_namesake_among_them(reader):
    # Novotroitske, a town of 10,600, lies in Kherson oblast, 300 km from the Pokrovsk front
    # the rest of the report is about; a village of that name lies among its places.
    analysis = reader.analyse("Russian forces attacked near Kotlyne and Udachne. Attacks are "
                              "concentrated on Novotroitske and Dachenske.")
    mention = next(m for m in analysis.mentions if m.text == "Novotroitske")
    assert km_from(mention.place, POKROVSK) < 30
    assert "far from all of them" in mention.reason
    # a direction after the pair holds for both, and says so itself
    analysis = reader.analyse("Russian forces attacked near Kotlyne and Udachne. Attacks are "
                              "concentrated on Novotroitske and Dachenske, west of Pokrovsk.")
    mention = next(m for m in analysis.mentions if m.text == "Novotroitske")
    assert km_from(mention.place, POKROVSK) < 30
    assert "west of Pokrovsk" in mention.reason


def test_a_town_the_text_places_stays_the_town(reader):
    analysis = reader.analyse("A strike hit Novotroitske in Kherson oblast. Later Kotlyne and "
                              "Udachne near Pokrovsk were shelled.")
    mention = next(m for m in analysis.mentions if m.text == "Novotroitske")
    assert km_from(mention.place, POKROVSK) > 250
    assert mention.place.admin1 == "Kherson Oblast"


#: Kamianka, Kupiansk raion, Kharkiv oblast (49.98 N, 37.83 E), on the Oskil; the gazetteer
#: holds 51 Kamiankas, the one chosen without the river 78 km from the Oskil.
KAMIANKA_ON_THE_OSKIL = 707046


def test_a_place_on_a_river_is_the_namesake_on_that_river(gazetteer):
    reader = Reader(gazetteer)
    for text in ("Kamianka, a village on the Oskil river in the Kharkiv region, was shelled.",
                 "Kamianka lies on the Oskil river."):
        analysis = reader.analyse(text)
        kamianka = analysis.mentions[0]
        assert kamianka.place.id == KAMIANKA_ON_THE_OSKIL
        assert "Oskil" in kamianka.reason
        river = next(v for v in analysis.verdicts if v.claim.kind is ClaimKind.RIVER)
        assert river.status is Status.CONSISTENT and river.measured_km < 1.0
        # the river chose the village, so its fit says which village, not that it is right
        assert "chosen among" in river.explanation
    # a river the data lacks moves nothing, and a settled choice stays
    plain = reader.analyse("Kamianka was shelled.").mentions[0].place.id
    assert reader.analyse("Kamianka lies on the Xyzzy river.").mentions[0].place.id == plain


#: Andriivka, Sumy raion, Sumy oblast (51.13, 34.83): 5.4 km from Russia (Natural Earth).
ANDRIIVKA_BY_THE_BORDER = 713416


def test_a_village_near_the_border_is_the_namesake_by_the_border(gazetteer):
    from geo.checks import border_distance_km

    reader = Reader(gazetteer)
    andriivka = reader.analyse(
        "Russian shelling of Andriivka, a village in the Sumy region near the border with "
        "Russia, damaged several homes.").mentions[0]
    assert andriivka.place.id == ANDRIIVKA_BY_THE_BORDER
    assert border_distance_km(andriivka.place.lat, andriivka.place.lon, "RUS") < 10
    assert "border" in andriivka.reason
    # an oblast's border moves nothing, nor does a text without the words
    plain = reader.analyse("Russian shelling of Andriivka damaged homes.").mentions[0].place.id
    assert plain != ANDRIIVKA_BY_THE_BORDER
    assert reader.analyse("Andriivka, near the border with Luhansk oblast, was shelled."
                          ).mentions[0].place.id == plain


@pytest.mark.parametrize("text", [
    "Andriivka, a village in the Sumy region near the border with Russia, was hit.",
    "Mykolaivka, right on the border with Russia, and near the Russian border.",
    "у границы с Россией и біля кордону з Росією; near the border with Luhansk oblast",
    "The border is near. Along the state border with Belarus. NEAR THE BORDER WITH RUSSIA.",
])
def test_border_phrases_found_around_border_words_are_a_full_scans(text):
    from geo.reports import _NEAR_BORDER_RE, _near_border_phrases

    assert [m.span() for m in _near_border_phrases(text)] == [
        m.span() for m in _NEAR_BORDER_RE.finditer(text)]
