"""Claims whose sentence names a place for its speaker ("Kharkiv police reported ...",
"officials in Zaporizhzhia said ...", "a Kyiv-based analyst"): that place is not what the
distance is about. Sentences written for these tests, read by the whole pipeline over the
shipped gazetteer; reference figures are WGS84 geodesics (pyproj Geod) between GeoNames
points: Kharkiv -> Kupiansk 102.5 km, Sumy -> Russia (Natural Earth) 27.7 km."""

from __future__ import annotations

import pytest

from geo.models import ClaimKind, Status
from geo.reports import Reader

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
