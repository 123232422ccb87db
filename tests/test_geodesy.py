"""Tests for geo.geodesy against independently known values.

Reference figures come from outside this module: published geodesic examples (Vincenty 1975),
closed-form ellipsoid formulas computed here, a haversine on the mean-radius sphere, and brute
force over densified border vertices.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import LineString, MultiPolygon, Point, Polygon

from geo.geodesy import (
    COMPASS_32,
    EARTH,
    KM_PER_MILE,
    Leg,
    NearestPoint,
    angle_between,
    bearing_deg,
    compass_point,
    destination,
    distance_along_bearing_km,
    distance_km,
    distances_km,
    inverse,
    km_to_miles,
    miles_to_km,
    nearest_point,
    parse_compass,
)
from tests.sphere import haversine_km

KHARKIV = (49.98177, 36.25475)
KUPIANSK = (49.71003, 37.61581)
POKROVSK = (48.28014, 37.17706)
VOZNESENKA = (48.06075, 37.25573)
BELGOROD = (50.59, 36.59)  # inside Russia


# WGS84 defining constants, for the closed-form checks below
WGS84_A_M = 6378137.0
WGS84_F = 1 / 298.257223563
WGS84_E2 = WGS84_F * (2 - WGS84_F)

def meridian_degree_km(lat: float) -> float:
    """Length of one degree of latitude at lat: the meridian radius of curvature times pi/180."""
    s2 = math.sin(math.radians(lat)) ** 2
    m = WGS84_A_M * (1 - WGS84_E2) / (1 - WGS84_E2 * s2) ** 1.5
    return m * math.pi / 180 / 1000


def dms(degrees: float, minutes: float, seconds: float) -> float:
    sign = -1 if degrees < 0 else 1
    return sign * (abs(degrees) + minutes / 60 + seconds / 3600)


# --------------------------------------------------------------------------------------------
# Point to point


def test_constants():
    assert KM_PER_MILE == 1.609344
    assert EARTH.a == WGS84_A_M
    assert EARTH.f == pytest.approx(WGS84_F)


def test_kharkiv_to_kupiansk():
    leg = inverse(*KHARKIV, *KUPIANSK)
    assert isinstance(leg, Leg)
    assert leg.distance_km == pytest.approx(102.45, abs=0.1)
    assert leg.bearing_deg == pytest.approx(106.6, abs=0.3)
    assert compass_point(leg.bearing_deg, 8) == "E"
    assert compass_point(leg.bearing_deg, 16) == "ESE"
    assert distance_km(*KHARKIV, *KUPIANSK) == leg.distance_km
    assert bearing_deg(*KHARKIV, *KUPIANSK) == leg.bearing_deg


def test_pokrovsk_to_voznesenka():
    leg = inverse(*POKROVSK, *VOZNESENKA)
    assert leg.distance_km == pytest.approx(25.09, abs=0.05)
    assert leg.bearing_deg == pytest.approx(166.5, abs=0.3)
    assert compass_point(leg.bearing_deg, 8) == "S"
    assert compass_point(leg.bearing_deg, 16) == "SSE"


def test_vincenty_flinders_peak_to_buninyong():
    """Vincenty (1975) / Geoscience Australia worked example on the ellipsoid: 54 972.271 m,
    forward azimuth 306 deg 52' 05.37". The ellipsoid there is GRS80, which differs from WGS84
    by far less than a millimetre over this line."""
    flinders = (dms(-37, 57, 3.72030), dms(144, 25, 29.52440))
    buninyong = (dms(-37, 39, 10.15610), dms(143, 55, 35.38390))
    leg = inverse(*flinders, *buninyong)
    assert leg.distance_km == pytest.approx(54.972271, abs=1e-6)
    assert leg.bearing_deg == pytest.approx(dms(306, 52, 5.37), abs=1e-5)


def test_against_haversine_on_mean_sphere():
    for a, b in [(KHARKIV, KUPIANSK), (POKROVSK, VOZNESENKA), ((50.45, 30.52), (55.75, 37.62))]:
        assert distance_km(*a, *b) == pytest.approx(haversine_km(*a, *b), rel=0.005)


def test_meridian_arc_near_50n():
    """One degree of latitude centred on 50N is about 111.23 km on WGS84."""
    arc = distance_km(49.5, 36.0, 50.5, 36.0)
    assert arc == pytest.approx(111.23, abs=0.01)
    assert arc == pytest.approx(meridian_degree_km(50.0), abs=0.005)
    assert bearing_deg(49.5, 36.0, 50.5, 36.0) == pytest.approx(0.0, abs=1e-9)


def test_equator_degree_of_longitude():
    """Along the equator a degree of longitude is a * pi / 180 = 111.3195 km."""
    assert distance_km(0.0, 10.0, 0.0, 11.0) == pytest.approx(
        WGS84_A_M * math.pi / 180 / 1000, abs=1e-6
    )
    assert bearing_deg(0.0, 10.0, 0.0, 11.0) == pytest.approx(90.0)


def test_zero_distance_on_itself():
    leg = inverse(*KUPIANSK, *KUPIANSK)
    assert leg == Leg(0.0, 0.0)


def test_bad_latitude_raises():
    with pytest.raises(ValueError):
        distance_km(95.0, 0.0, 0.0, 0.0)
    with pytest.raises(ValueError):
        destination(-91.0, 0.0, 0.0, 1.0)
    with pytest.raises(ValueError):
        distances_km([0.0, 100.0], 0.0, 0.0, 0.0)


def test_bearing_across_north_and_antimeridian():
    # due west, just across the antimeridian: bearing 270 (not -90)
    assert bearing_deg(0.0, -179.5, 0.0, 179.5) == pytest.approx(270.0)
    assert distance_km(0.0, -179.5, 0.0, 179.5) == pytest.approx(111.3195, abs=1e-3)
    # slightly west of due north: just below 360, never 360 itself
    b = bearing_deg(50.0, 36.0, 51.0, 35.999999)
    assert 359.0 < b < 360.0


lats = st.floats(min_value=-85.0, max_value=85.0, allow_nan=False)
lons = st.floats(min_value=-180.0, max_value=180.0, allow_nan=False)


@settings(max_examples=200, deadline=None)
@given(lats, lons, lats, lons)
def test_symmetry_and_bearing_range(lat1, lon1, lat2, lon2):
    there = inverse(lat1, lon1, lat2, lon2)
    back = inverse(lat2, lon2, lat1, lon1)
    assert there.distance_km == pytest.approx(back.distance_km, rel=1e-9, abs=1e-9)
    assert 0.0 <= there.bearing_deg < 360.0
    assert 0.0 <= back.bearing_deg < 360.0
    assert 0.0 <= there.distance_km <= 20004.0  # at most half a meridian


@settings(max_examples=200, deadline=None)
@given(
    lats,
    lons,
    st.floats(min_value=0.0, max_value=359.999, allow_nan=False),
    st.floats(min_value=0.01, max_value=5000.0, allow_nan=False),
)
def test_destination_inverts_inverse(lat, lon, bearing, km):
    lat2, lon2 = destination(lat, lon, bearing, km)
    assert -90.0 <= lat2 <= 90.0
    assert -180.0 <= lon2 <= 180.0
    leg = inverse(lat, lon, lat2, lon2)
    assert leg.distance_km == pytest.approx(km, rel=1e-9, abs=1e-6)
    assert angle_between(leg.bearing_deg, bearing) == pytest.approx(0.0, abs=1e-6)


def test_destination_known_value():
    # 25.09 km on 166.48 deg from Pokrovsk lands on Voznesenka
    lat, lon = destination(*POKROVSK, bearing_deg(*POKROVSK, *VOZNESENKA), 25.0867)
    assert distance_km(lat, lon, *VOZNESENKA) < 0.005
    # one degree of latitude northwards from 49.5N
    lat, lon = destination(49.5, 36.0, 0.0, meridian_degree_km(50.0))
    assert lat == pytest.approx(50.5, abs=1e-4)
    assert lon == pytest.approx(36.0)


def test_distances_km_vectorised_and_broadcast():
    lats2 = np.array([KUPIANSK[0], VOZNESENKA[0], KHARKIV[0]])
    lons2 = np.array([KUPIANSK[1], VOZNESENKA[1], KHARKIV[1]])
    got = distances_km(KHARKIV[0], KHARKIV[1], lats2, lons2)
    assert isinstance(got, np.ndarray)
    assert got.shape == (3,)
    expected = [distance_km(*KHARKIV, la, lo) for la, lo in zip(lats2, lons2, strict=True)]
    np.testing.assert_allclose(got, expected, rtol=1e-12)
    assert got[2] == 0.0

    grid = distances_km(np.array([[49.0], [50.0]]), 36.0, 50.0, np.array([36.0, 37.0, 38.0]))
    assert grid.shape == (2, 3)
    assert grid[1, 0] == 0.0
    assert grid[0, 0] == pytest.approx(distance_km(49.0, 36.0, 50.0, 36.0))

    scalar = distances_km(*KHARKIV, *KUPIANSK)
    assert isinstance(scalar, np.ndarray)
    assert scalar.shape == ()
    assert float(scalar) == pytest.approx(102.45, abs=0.1)

    assert np.isnan(distances_km([np.nan, 50.0], 36.0, 50.0, 36.0)[0])


def test_miles():
    assert miles_to_km(75) == pytest.approx(120.7, abs=0.01)
    assert km_to_miles(120) == pytest.approx(74.56, abs=0.01)
    assert km_to_miles(miles_to_km(12.5)) == pytest.approx(12.5)
    assert miles_to_km(1) == KM_PER_MILE


# --------------------------------------------------------------------------------------------
# Compass


def test_angle_between():
    assert angle_between(350, 10) == pytest.approx(20)
    assert angle_between(10, 350) == pytest.approx(20)
    assert angle_between(0, 180) == pytest.approx(180)
    assert angle_between(90, 270) == pytest.approx(180)
    assert angle_between(-90, 90) == pytest.approx(180)
    assert angle_between(720, 1) == pytest.approx(1)
    assert angle_between(45, 45) == 0


@given(
    st.floats(min_value=-1e4, max_value=1e4, allow_nan=False),
    st.floats(min_value=-1e4, max_value=1e4, allow_nan=False),
)
def test_angle_between_range_and_symmetry(b1, b2):
    a = angle_between(b1, b2)
    assert 0.0 <= a <= 180.0
    assert a == pytest.approx(angle_between(b2, b1))


def test_compass_point_8_16():
    assert [compass_point(b) for b in range(0, 360, 45)] == [
        "N", "NE", "E", "SE", "S", "SW", "W", "NW",
    ]  # fmt: skip
    assert [compass_point(b, 16) for b in np.arange(0, 360, 22.5)] == [
        "N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE",
        "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW",
    ]  # fmt: skip
    assert compass_point(22.4) == "N"
    assert compass_point(22.5) == "NE"  # a sector edge goes clockwise
    assert compass_point(337.6) == "N"
    assert compass_point(359.9) == "N"
    assert compass_point(-10) == "N"
    assert compass_point(370) == "N"
    assert compass_point(348.75, 16) == "N"
    assert compass_point(200, 4) == "S"
    with pytest.raises(ValueError):
        compass_point(10, 12)


def test_compass_point_32():
    assert compass_point(213.75, 32) == "SWbS"
    assert compass_point(11.25, 32) == "NbE"
    assert compass_point(5.7, 32) == "NbE"
    assert compass_point(5.6, 32) == "N"


def _spelled_out(abbreviation: str) -> str:
    """'SWbS' -> 'southwest by south', 'ENE' -> 'east-northeast', 'NE' -> 'northeast'."""
    words = {"N": "north", "S": "south", "E": "east", "W": "west"}
    if "b" in abbreviation:
        head, tail = abbreviation.split("b")
        return "".join(words[c] for c in head) + " by " + words[tail]
    if len(abbreviation) == 3:
        return words[abbreviation[0]] + "-" + words[abbreviation[1]] + words[abbreviation[2]]
    return "".join(words[c] for c in abbreviation)


@pytest.mark.parametrize("index", range(32))
def test_all_32_points_round_trip(index):
    name = COMPASS_32[index]
    bearing = index * 11.25
    assert compass_point(bearing, 32) == name
    assert parse_compass(name) == bearing
    assert parse_compass(name.lower()) == bearing
    assert parse_compass(name.upper()) == bearing
    assert parse_compass(_spelled_out(name)) == bearing
    assert parse_compass(_spelled_out(name).title()) == bearing
    assert compass_point(parse_compass(name), 32) == name
    # the coarser roses agree with the finer one on their own points
    if index % 2 == 0:
        assert compass_point(bearing, 16) == name
    if index % 4 == 0:
        assert compass_point(bearing, 8) == name


@pytest.mark.parametrize(
    ("text", "bearing"),
    [
        ("N", 0.0),
        ("north", 0.0),
        ("North", 0.0),
        ("north-east", 45.0),
        ("northeast", 45.0),
        ("North East", 45.0),
        ("north east", 45.0),
        ("North-East", 45.0),
        ("NE", 45.0),
        ("N.E.", 45.0),
        ("NNE", 22.5),
        ("north-northeast", 22.5),
        ("north-north-east", 22.5),
        ("North North East", 22.5),
        ("SWbS", 213.75),
        ("southwest by south", 213.75),
        ("south-west by south", 213.75),
        ("SW by S", 213.75),
        ("east-southeast", 112.5),
        ("east south-east", 112.5),
        ("ESE", 112.5),
        ("west\u2013southwest", 247.5),  # en dash
        ("due north", 0.0),
        ("  south  ", 180.0),
        ("southern", 180.0),
        ("north-eastern", 45.0),
        ("northwesterly", 315.0),
        ("eastward", 90.0),
        ("westwards", 270.0),
        ("north by east", 11.25),
        ("N by E", 11.25),
    ],
)
def test_parse_compass(text, bearing):
    assert parse_compass(text) == bearing


@pytest.mark.parametrize(
    "text",
    ["", "  ", "b", "by", "news", "sew", "east-north", "NbN", "northeastnorth", "Kupiansk",
     "northe", "nord", "10 km", "up", None, 45],
)  # fmt: skip
def test_parse_compass_rejects(text):
    assert parse_compass(text) is None


# --------------------------------------------------------------------------------------------
# Distance to lines and polygons: synthetic geometry with closed-form answers


def test_nearest_point_on_a_meridian():
    """From (50N, 36E) to the meridian 37E: the nearest point is where the geodesic meets the
    meridian at a right angle, a little poleward of 50N; checked by brute force along it."""
    meridian = LineString([(37.0, 49.0), (37.0, 51.0)])  # (lon, lat)
    near = nearest_point(50.0, 36.0, meridian)
    assert isinstance(near, NearestPoint)
    candidate_lats = np.linspace(49.9, 50.1, 200_001)
    brute = distances_km(50.0, 36.0, candidate_lats, 37.0)
    assert near.distance_km == pytest.approx(brute.min(), abs=1e-4)
    assert near.lat == pytest.approx(candidate_lats[brute.argmin()], abs=1e-5)
    assert near.lon == pytest.approx(37.0, abs=1e-7)
    assert 50.0 < near.lat < 50.01
    assert 89.0 < near.bearing_deg < 90.0  # a touch north of due east
    assert near.inside is False
    assert near.distance_km == pytest.approx(71.69, abs=0.01)


def test_nearest_point_to_a_point_is_inverse():
    near = nearest_point(*KHARKIV, Point(KUPIANSK[1], KUPIANSK[0]))
    leg = inverse(*KHARKIV, *KUPIANSK)
    assert near.distance_km == pytest.approx(leg.distance_km, abs=1e-6)
    assert near.bearing_deg == pytest.approx(leg.bearing_deg, abs=1e-6)
    assert (near.lat, near.lon) == pytest.approx(KUPIANSK, abs=1e-9)


def test_nearest_point_polygon_inside_and_outside():
    # a 1 x 1 degree square with corners at integer lon/lat
    square = Polygon([(36, 49), (37, 49), (37, 50), (36, 50)])
    inside = nearest_point(49.9, 36.5, square)  # 0.1 deg south of the north edge (a parallel)
    assert inside.inside is True
    assert inside.distance_km == pytest.approx(0.1 * meridian_degree_km(49.95), abs=0.01)
    assert inside.bearing_deg == pytest.approx(0.0, abs=0.01)
    outside = nearest_point(50.1, 36.5, square)
    assert outside.inside is False
    assert outside.distance_km == pytest.approx(0.1 * meridian_degree_km(50.05), abs=0.01)
    assert outside.bearing_deg == pytest.approx(180.0, abs=0.01)
    # a multipolygon measures to the nearest of its parts
    far_square = Polygon([(40, 49), (41, 49), (41, 50), (40, 50)])
    both = nearest_point(50.1, 36.5, MultiPolygon([far_square, square]))
    assert both.distance_km == pytest.approx(outside.distance_km, abs=1e-9)


def test_nearest_point_empty_geometry_raises():
    with pytest.raises(ValueError):
        nearest_point(50.0, 36.0, Polygon())


def test_along_bearing_meridian_to_equator():
    """Northwards from 1S to a line on the equator: a meridian arc of 110.57 km."""
    equator = LineString([(0.0, 0.0), (20.0, 0.0)])
    got = distance_along_bearing_km(-1.0, 10.0, 0.0, equator)
    assert got == pytest.approx(distance_km(-1.0, 10.0, 0.0, 10.0), abs=0.011)
    assert got == pytest.approx(110.57, abs=0.02)


def test_along_bearing_polygon_and_misses():
    square = Polygon([(36, 49), (37, 49), (37, 50), (36, 50)])
    # from the south, due north into the square's south edge (a parallel at 49N)
    got = distance_along_bearing_km(48.5, 36.5, 0.0, square)
    assert got == pytest.approx(distance_km(48.5, 36.5, 49.0, 36.5), abs=0.011)
    # starting inside: already there
    assert distance_along_bearing_km(49.5, 36.5, 123.0, square) == 0.0
    # heading away: never met
    assert distance_along_bearing_km(48.5, 36.5, 180.0, square, max_km=1000) is None
    # heading towards it but stopping short
    assert distance_along_bearing_km(48.5, 36.5, 0.0, square, max_km=50) is None
    with pytest.raises(ValueError):
        distance_along_bearing_km(48.5, 36.5, 0.0, square, step_km=0)


def test_along_bearing_across_the_antimeridian():
    """East along the equator from 179.9E to a line at 179.5W: 0.6 degree of equator."""
    line = LineString([(-179.5, -1.0), (-179.5, 1.0)])
    got = distance_along_bearing_km(0.0, 179.9, 90.0, line)
    assert got == pytest.approx(0.6 * WGS84_A_M * math.pi / 180 / 1000, abs=0.011)
    # a chord jumping from +180 to -180 must not be read as crossing the whole world
    greenwich = LineString([(0.0, -1.0), (0.0, 1.0)])
    assert distance_along_bearing_km(0.0, 179.9, 90.0, greenwich, max_km=200) is None


# --------------------------------------------------------------------------------------------
# Distance to a real border: Kupiansk to Russia (Natural Earth 1:10m, German point of view)


@pytest.fixture(scope="module")
def russia():
    # Russia as shipped in data/borders.parquet: Natural Earth 1:10m admin-0 (clipped to the
    # region around Ukraine by scripts/build_data.py).
    from geo.features import country_geometry, load_borders

    assert load_borders().crs.to_epsg() == 4326
    return country_geometry("RUS")


def test_kupiansk_to_russia(russia):
    near = nearest_point(*KUPIANSK, russia)
    assert near.inside is False
    assert near.distance_km == pytest.approx(34.8, abs=1.0)
    assert angle_between(near.bearing_deg, 53.0) <= 10.0
    assert compass_point(near.bearing_deg) == "NE"
    # the nearest point lies on Russia's boundary, and the figure is its geodesic distance
    assert russia.boundary.distance(Point(near.lon, near.lat)) < 1e-6
    assert near.distance_km == pytest.approx(distance_km(*KUPIANSK, near.lat, near.lon))


def test_kupiansk_to_russia_matches_brute_force(russia):
    """Independent check: geodesic distance to every vertex of the border densified to
    ~50 m (in a box around Kupiansk). The minimum over vertices is an upper bound that must be
    within the densification step of the true shortest distance."""
    lat, lon = KUPIANSK
    window = shapely.box(lon - 3, lat - 2, lon + 3, lat + 2)
    border = shapely.segmentize(russia.boundary.intersection(window), 0.0005)
    coords = shapely.get_coordinates(border)  # (lon, lat) rows
    brute = distances_km(lat, lon, coords[:, 1], coords[:, 0])
    near = nearest_point(lat, lon, russia)
    assert near.distance_km <= brute.min() + 1e-6
    assert near.distance_km == pytest.approx(brute.min(), abs=0.03)


def test_naive_degree_distance_is_wrong(russia):
    """The pitfall this module exists to avoid: a planar distance in degrees, turned into km
    with 111 km per degree, misreads Kupiansk-Russia by several kilometres (a degree of
    longitude is only ~72 km at 50N)."""
    naive_km = russia.distance(Point(KUPIANSK[1], KUPIANSK[0])) * 111.0
    geodesic_km = nearest_point(*KUPIANSK, russia).distance_km
    assert abs(naive_km - geodesic_km) > 3.0


def test_point_inside_russia(russia):
    near = nearest_point(*BELGOROD, russia)
    assert near.inside is True
    assert 0.0 < near.distance_km < 60.0
    assert russia.boundary.distance(Point(near.lon, near.lat)) < 1e-6
    assert distance_along_bearing_km(*BELGOROD, 180.0, russia) == 0.0


def test_kupiansk_due_north_to_russia(russia):
    got = distance_along_bearing_km(*KUPIANSK, 0.0, russia)
    assert got == pytest.approx(52.8, abs=1.5)
    # the hit lies on the border: a little short is outside, a little beyond is inside
    at = destination(*KUPIANSK, 0.0, got)
    assert nearest_point(*at, russia).distance_km < 0.02
    before = destination(*KUPIANSK, 0.0, got - 0.05)
    after = destination(*KUPIANSK, 0.0, got + 0.05)
    assert not russia.covers(Point(before[1], before[0]))
    assert russia.covers(Point(after[1], after[0]))
    # never shorter than the shortest distance in any direction
    assert got >= nearest_point(*KUPIANSK, russia).distance_km


def test_kupiansk_due_south_does_not_reach_russia(russia):
    assert distance_along_bearing_km(*KUPIANSK, 180.0, russia, max_km=200.0) is None
