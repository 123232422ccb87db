"""The front-line archive (data/frontline.parquet) and the point status built on it.

The facts asserted here are known independently of this code: Voznesenka (south of Pokrovsk)
fell on the map of 2024-11-15; Donetsk and Simferopol have been occupied throughout; Kyiv and
Kupiansk (in November 2024) were not. Coordinates are GeoNames', ids in the comments.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import numpy as np
import pyproj
import pytest
import shapely
from shapely.geometry import LineString, MultiLineString, Point, Polygon, box

from geo.frontline import (
    DEFAULT_PATH,
    FrontlineArchive,
    FrontlineDateError,
    FrontlineStatus,
    Snapshot,
    contact_region,
    line_of_contact,
    load_frontline,
    status,
)

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GEOD = pyproj.Geod(ellps="WGS84")

VOZNESENKA = (48.06075, 37.25573)  # 9112507, south of Pokrovsk
KUPIANSK = (49.71003, 37.61581)  # 703656
DONETSK = (48.023, 37.80224)  # 709717
KYIV = (50.45466, 30.5238)  # 703448
SIMFEROPOL = (44.95719, 34.11079)  # 693805
BELGOROD = (50.60343, 36.58091)  # 578072, Russia
DOVZHANSK = (48.07615, 39.64744)  # 692105, Luhansk oblast, a few km from the Russian border
MILOVE = (49.37615, 40.13647)  # 701104, Luhansk oblast, on the Russian border
MARIUPOL = (47.09514, 37.54131)  # 701822, on the Azov coast
KERCH = (45.35675, 36.47542)  # 706524, Crimea's eastern tip
KHERSON = (46.63695, 32.61458)  # 706448, on the right bank of the Dnipro
NIKOPOL = (47.56826, 34.39126)  # 700051, across the former Kakhovka reservoir from Enerhodar

pytestmark = pytest.mark.skipif(
    not DEFAULT_PATH.exists(), reason="data/frontline.parquet not built: run build_frontline.py"
)


@pytest.fixture(scope="module")
def archive() -> FrontlineArchive:
    return load_frontline()


def sampled_distance_km(lat: float, lon: float, lines, step_deg: float = 0.0005) -> float:
    """Independent check: min Geod.inv distance (km) to points every ~50 m along the lines."""
    dense = shapely.segmentize(lines, step_deg)
    lons, lats = shapely.get_coordinates(dense).T
    _az, _back, metres = GEOD.inv(np.full_like(lons, lon), np.full_like(lats, lat), lons, lats)
    return float(np.min(metres)) / 1000.0


# --------------------------------------------------------------------------------------------
# The archive


def test_archive_dates(archive: FrontlineArchive) -> None:
    assert len(archive) == len(archive.dates) == 769
    assert archive.first == dt.date(2024, 7, 8)
    assert archive.last == dt.date(2026, 8, 22)
    assert list(archive.dates) == sorted(set(archive.dates))
    assert all(type(d) is dt.date for d in archive.dates)


def test_loader_is_cached(archive: FrontlineArchive) -> None:
    assert load_frontline() is archive
    assert load_frontline(DEFAULT_PATH) is archive
    assert load_frontline(str(DEFAULT_PATH)) is archive


def test_snapshot_on_a_published_date(archive: FrontlineArchive) -> None:
    snap = archive.snapshot_for(dt.date(2024, 11, 14))
    assert isinstance(snap, Snapshot)
    assert snap.date == snap.requested_date == dt.date(2024, 11, 14)
    assert not snap.after_last and snap.age_days == 0
    assert snap.geometry.geom_type == "MultiPolygon" and snap.geometry.is_valid
    assert snap.contact.geom_type == "MultiLineString" and not snap.contact.is_empty
    with pytest.raises(AttributeError):
        snap.date = dt.date(2024, 1, 1)  # frozen


def test_snapshot_in_a_publication_gap_is_the_one_before(archive: FrontlineArchive) -> None:
    # No maps were published on 2024-08-18 and 2024-08-19.
    assert dt.date(2024, 8, 18) not in archive.dates
    snap = archive.snapshot_for("2024-08-19")
    assert snap.date == dt.date(2024, 8, 17)
    assert snap.age_days == 2 and not snap.after_last


def test_snapshot_after_the_last_is_the_last_marked(archive: FrontlineArchive) -> None:
    snap = archive.snapshot_for(dt.date(2027, 1, 1))
    assert snap.date == archive.last and snap.after_last
    assert not archive.snapshot_for(archive.last).after_last


@pytest.mark.parametrize("when", [dt.date(2024, 7, 7), "2022-02-24", dt.datetime(2024, 7, 7, 23)])
def test_date_before_the_first_snapshot_raises(archive: FrontlineArchive, when) -> None:
    with pytest.raises(FrontlineDateError, match="starts on 2024-07-08"):
        archive.snapshot_for(when)
    with pytest.raises(ValueError):  # FrontlineDateError is a ValueError
        status(*KYIV, when)


def test_unreadable_date_raises(archive: FrontlineArchive) -> None:
    with pytest.raises(FrontlineDateError, match="not a date"):
        archive.snapshot_for("yesterday")


def test_date_forms_agree(archive: FrontlineArchive) -> None:
    a = archive.snapshot_for(dt.date(2024, 11, 14))
    b = archive.snapshot_for("2024-11-14")
    c = archive.snapshot_for(dt.datetime(2024, 11, 14, 18, 30))
    assert a.date == b.date == c.date == dt.date(2024, 11, 14)
    assert c.requested_date == dt.date(2024, 11, 14)


def test_lat_lon_order_is_checked(archive: FrontlineArchive) -> None:
    with pytest.raises(ValueError):
        archive.occupied_flags(137.6, 49.7)


# --------------------------------------------------------------------------------------------
# Known facts


def test_voznesenka_falls_on_2024_11_15(archive: FrontlineArchive) -> None:
    before = status(*VOZNESENKA, dt.date(2024, 11, 14))
    assert isinstance(before, FrontlineStatus)
    assert before.snapshot_date == dt.date(2024, 11, 14)
    assert not before.occupied
    assert before.first_change_after == dt.date(2024, 11, 15)
    assert before.distance_to_contact_km < 2.0  # the front was at the village's edge

    after = status(*VOZNESENKA, dt.date(2024, 11, 15))
    assert after.occupied and after.first_change_after is None
    assert archive.changes(*VOZNESENKA) == [(dt.date(2024, 11, 15), True)]
    # Earlier dates see the same change ahead of them.
    assert status(*VOZNESENKA, "2024-07-08").first_change_after == dt.date(2024, 11, 15)


def test_kupiansk_on_2024_11_14() -> None:
    s = status(*KUPIANSK, "2024-11-14")
    assert not s.occupied
    # Measured: 4.72 km, towards the north-north-east (the Russian bridgehead north of town).
    assert 2.0 < s.distance_to_contact_km < 30.0
    assert s.distance_to_contact_km == pytest.approx(4.72, abs=0.05)
    assert 0.0 <= s.contact_bearing_deg < 90.0


def test_donetsk_occupied_on_every_date(archive: FrontlineArchive) -> None:
    assert archive.occupied_flags(*DONETSK).all()
    assert archive.changes(*DONETSK) == []
    s = status(*DONETSK, "2024-11-14")
    assert s.occupied and s.first_change_after is None
    # No sliver hole in the occupied city counts as front: the front is tens of km away.
    assert s.distance_to_contact_km > 20.0


def test_kyiv_never_occupied_and_far(archive: FrontlineArchive) -> None:
    assert not archive.occupied_flags(*KYIV).any()
    for when in (archive.first, dt.date(2024, 11, 14), archive.last):
        s = status(*KYIV, when)
        assert not s.occupied and s.first_change_after is None
        assert s.distance_to_contact_km > 300.0


def test_crimea_occupied_on_every_date(archive: FrontlineArchive) -> None:
    assert archive.occupied_flags(*SIMFEROPOL).all()


def test_occupied_area_is_only_ukraine(archive: FrontlineArchive) -> None:
    assert not archive.occupied_flags(*BELGOROD).any()


# --------------------------------------------------------------------------------------------
# The line of contact


@pytest.mark.parametrize(
    ("place", "more_than_km"),
    [
        (SIMFEROPOL, 150.0),  # Crimea's interior: the coast is no front
        (KERCH, 200.0),  # on the coast
        (MARIUPOL, 50.0),  # on the Azov coast
        (DOVZHANSK, 100.0),  # a few km from the Russian border: the border is no front
        (MILOVE, 100.0),  # on the Russian border
    ],
)
def test_border_and_coast_are_not_line_of_contact(place, more_than_km) -> None:
    s = status(*place, "2024-11-14")
    assert s.occupied
    assert s.distance_to_contact_km > more_than_km


@pytest.mark.parametrize("place", [KHERSON, NIKOPOL])
def test_the_dnipro_is_line_of_contact(archive: FrontlineArchive, place) -> None:
    snap = archive.snapshot_for("2024-11-14")
    s = status(*place, "2024-11-14")
    assert not s.occupied
    assert s.distance_to_contact_km < 10.0
    # Across the river the nearest occupied shore is the front itself.
    assert s.distance_to_contact_km == pytest.approx(
        sampled_distance_km(*place, snap.geometry.boundary), abs=0.05
    )


def test_line_of_contact_length_is_plausible(archive: FrontlineArchive) -> None:
    # The front with the Dnipro is some 1,000-1,300 km; with borders and coasts it would be
    # over 3,000 km.
    laea = pyproj.Transformer.from_crs(
        "EPSG:4326", "+proj=laea +lat_0=48.5 +lon_0=31.5 +datum=WGS84 +units=m", always_xy=True
    )
    for when in (archive.first, dt.date(2024, 11, 14), archive.last):
        contact = archive.snapshot_for(when).contact
        projected = shapely.transform(
            contact, lambda c: np.column_stack(laea.transform(c[:, 0], c[:, 1]))
        )
        assert 900.0 < projected.length / 1000.0 < 1500.0


@pytest.mark.parametrize(
    ("place", "when"),
    [
        (KUPIANSK, "2024-11-14"),
        (VOZNESENKA, "2024-11-14"),
        (VOZNESENKA, "2024-11-15"),
        (DONETSK, "2025-06-01"),
        (KYIV, "2026-08-22"),
    ],
)
def test_distance_agrees_with_dense_geodesic_sampling(archive: FrontlineArchive, place, when):
    s = status(*place, when)
    contact = archive.snapshot_for(when).contact
    sampled = sampled_distance_km(*place, contact)
    # Sampling every ~50 m overestimates by at most ~25 m; the API must not be above it.
    assert s.distance_to_contact_km <= sampled + 0.001
    assert s.distance_to_contact_km == pytest.approx(sampled, abs=0.03)
    # And the nearest point it reports lies on the line, at the distance it reports.
    assert contact.distance(Point(s.contact_lon, s.contact_lat)) < 1e-6
    _az, _back, metres = GEOD.inv(place[1], place[0], s.contact_lon, s.contact_lat)
    assert metres / 1000.0 == pytest.approx(s.distance_to_contact_km, abs=1e-6)


def test_status_is_frozen() -> None:
    s = status(*KUPIANSK, "2024-11-14")
    with pytest.raises(AttributeError):
        s.occupied = True


# --------------------------------------------------------------------------------------------
# contact_region / line_of_contact on a toy map (no data needed)


def toy_region() -> tuple[Polygon, object]:
    """A 2 x 1 degree 'country' at 48 N: sea to the south, a land border to the north."""
    land = box(30.0, 47.0, 32.0, 48.0)
    land_border = LineString([(30.0, 47.0), (30.0, 48.0), (32.0, 48.0), (32.0, 47.0)])
    coast = LineString([(30.0, 47.0), (32.0, 47.0)])
    return land, contact_region(land, land_border, coast, border_km=2.0, coast_km=3.0)


def test_contact_region_keeps_clear_of_border_and_coast() -> None:
    land, region = toy_region()
    assert region.within(land.buffer(1e-9))
    assert region.contains(Point(31.0, 47.5))
    assert not region.contains(Point(31.0, 47.015))  # ~1.7 km from the coast
    assert region.contains(Point(31.0, 47.05))  # ~5.6 km from the coast
    assert not region.contains(Point(31.0, 47.99))  # ~1.1 km from the border
    assert region.contains(Point(31.0, 47.96))  # ~4.4 km from the border
    # The bands are measured in km, not degrees: 3 km from the coast is 0.027 deg of latitude.
    meridian = LineString([(31.0, 47.0), (31.0, 47.1)])
    lat_edge = shapely.get_coordinates(region.boundary.intersection(meridian))[:, 1].min()
    _az, _back, metres = GEOD.inv(31.0, 47.0, 31.0, lat_edge)
    assert metres == pytest.approx(3000.0, abs=20.0)


def test_line_of_contact_is_only_the_inland_edge() -> None:
    _land, region = toy_region()
    # Occupied: the southern half along the coast, from the western border to 31.5 E.
    occupied = box(30.0, 47.0, 31.5, 47.5)
    contact = line_of_contact(occupied, region)
    assert isinstance(contact, MultiLineString) and not contact.is_empty
    lons, lats = shapely.get_coordinates(contact).T
    # Only the northern edge (lat 47.5) and the eastern edge (lon 31.5) remain.
    assert np.all(np.isclose(lats, 47.5) | np.isclose(lons, 31.5))
    assert lons.min() > 30.02 and lats.min() > 47.02  # clear of the border and the coast


def test_line_of_contact_ignores_sliver_holes_but_keeps_pockets() -> None:
    _land, region = toy_region()
    sliver = box(31.0, 47.3, 31.0005, 47.3005).exterior  # ~0.14 ha
    pocket = box(30.5, 47.2, 30.55, 47.25).exterior  # ~21 ha
    occupied = Polygon(box(30.0, 47.0, 31.5, 47.5).exterior, [sliver, pocket])
    contact = line_of_contact(occupied, region)
    assert contact.distance(Point(31.0, 47.3)) > 0.01
    assert contact.distance(Point(30.5, 47.2)) < 1e-9


def test_line_of_contact_empty_when_all_coast() -> None:
    _land, region = toy_region()
    assert line_of_contact(box(30.5, 46.99, 31.0, 47.01), region).is_empty


# --------------------------------------------------------------------------------------------
# The build


@pytest.mark.skipif(
    not (SHARED / "data/frontline/deepstate_daily.tar.xz").exists(), reason="no raw data"
)
def test_build_is_deterministic_and_matches_shipped_file(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    from build_frontline import build

    figures = build(SHARED, tmp_path)
    built = tmp_path / "frontline.parquet"
    assert figures["rows"] == 769
    assert figures["size_bytes"] == built.stat().st_size < 10_000_000
    # Same content as the shipped file: every date, and every geometry equal vertex for vertex
    # once normalised (part order may differ between processes).
    import geopandas as gpd
    import shapely

    fresh, shipped = gpd.read_parquet(built), gpd.read_parquet(DEFAULT_PATH)
    assert list(fresh["date"]) == list(shipped["date"])
    for column in ("geometry", "contact"):
        same = shapely.equals_exact(shapely.normalize(fresh[column].values),
                                    shapely.normalize(shipped[column].values), tolerance=0)
        assert same.all(), f"{column} differs on {int((~same).sum())} dates"
