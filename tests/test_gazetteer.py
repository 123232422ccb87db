"""The shipped gazetteer: contents checked against GeoNames records, indexes against lookups."""

from __future__ import annotations

import pandas as pd
import pytest

from geo.errors import UnknownPlaceError
from geo.gazetteer import DATA_DIR, MatchRule, build_name_index
from tests.test_text import KUPIANSK_SPELLINGS

# Coordinates as published by GeoNames (geonames.org) for these ids.
KNOWN = {
    703656: ("Kupyansk", 49.71003, 37.61581, "07"),
    706483: ("Kharkiv", 49.98177, 36.25475, "07"),
    704422: ("Pokrovsk", 48.28014, 37.17706, "05"),
    9112507: ("Voznesenka", 48.06075, 37.25573, "05"),
}


@pytest.mark.parametrize("geonameid", sorted(KNOWN))
def test_known_places_have_their_geonames_coordinates(gazetteer, geonameid):
    name, lat, lon, admin1 = KNOWN[geonameid]
    place = gazetteer.get(geonameid)
    assert (place.name, place.lat, place.lon, place.admin1_code) == (name, lat, lon, admin1)


@pytest.mark.parametrize("spelling", KUPIANSK_SPELLINGS)
def test_every_kupiansk_spelling_finds_703656(gazetteer, spelling):
    assert 703656 in {c.place.id for c in gazetteer.candidates(spelling)}


def test_old_name_artemivsk_is_an_alias_of_bakhmut(gazetteer):
    assert {c.place.name for c in gazetteer.candidates("Artemivsk")} >= {"Bakhmut"}


def test_filters_by_oblast_raion_and_country(gazetteer):
    donetsk = gazetteer.candidates("Voznesenka", admin1_code="05")
    assert {c.place.id for c in donetsk} == {9112507, 688864}
    assert {c.place.id for c in gazetteer.candidates("Voznesenka", admin2_code="1416")} == {
        9112507}
    assert all(c.place.country_code == "RU" for c in gazetteer.candidates("Moscow",
                                                                           country="RU"))


def test_skeleton_fallback_reports_its_rule(gazetteer):
    cands = gazetteer.candidates("Kupyanskk")
    assert [c.place.id for c in cands] == [703656]
    assert cands[0].rule is MatchRule.SKELETON and 75 <= cands[0].score < 100


def test_unknown_name_and_id(gazetteer):
    assert gazetteer.candidates("Xyzzyville") == []
    with pytest.raises(UnknownPlaceError, match="123"):
        gazetteer.get(123)


def test_nearest_is_geodesic_and_sorted(gazetteer):
    near = gazetteer.nearest(48.28014, 37.17706, k=5)
    assert near[0][0].id == 704422 and near[0][1] < 0.01
    assert [d for _, d in near] == sorted(d for _, d in near)


def test_admin_units_named_after_their_seat(gazetteer):
    assert [u.code for u in gazetteer.admin_units("Kharkiv", level=1)] == ["07"]
    assert [u.code for u in gazetteer.admin_units("Pokrovsk", level=2)] == ["1416"]
    assert [u.code for u in gazetteer.admin_units("Russia", level=0)] == ["RU"]


def test_counts_match_the_raw_geonames_dump(gazetteer):
    frame = gazetteer.frame
    ukraine = frame[frame.country_code == "UA"]
    # The GeoNames dump for Ukraine holds 33,681 populated places (../shared/README.md).
    assert (ukraine.feature_class == "P").sum() == 33_681
    assert (ukraine.feature_code == "ADM1").sum() == 27
    foreign = frame[frame.country_code != "UA"]
    assert {"Geneva", "Budapest", "Moscow", "Washington", "Belgorod", "Kursk"} <= set(
        foreign.name)


def test_shipped_index_agrees_with_a_fresh_build(gazetteer):
    """The precomputed key index equals the one the current key functions would build."""
    sample = gazetteer.frame.sample(300, random_state=7).reset_index(drop=True)
    fresh = build_name_index(sample)
    stored = pd.read_parquet(DATA_DIR / "name_index.parquet")
    ids = gazetteer.frame.geonameid.to_numpy()
    stored = stored.assign(geonameid=ids[stored.row.to_numpy()])
    fresh = fresh.assign(geonameid=sample.geonameid.to_numpy()[fresh.row.to_numpy()])
    keep = stored.geonameid.isin(set(sample.geonameid))
    as_set = lambda f: set(zip(f.key, f.geonameid, f.rule, f.skeleton, strict=True))  # noqa: E731
    assert as_set(fresh) == as_set(stored[keep])
