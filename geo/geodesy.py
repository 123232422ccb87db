"""Geodesic distances, bearings, compass points and distances to lines and polygons.

Every public function speaks (lat, lon) in degrees and distances in kilometres; bearings are
degrees clockwise from true north in [0, 360). Shapely geometries are in (lon, lat) order, as
GeoJSON is; the conversion happens only where a geometry is touched. All distances are geodesic
on the WGS84 ellipsoid (pyproj ``Geod``), never Euclidean on degrees.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pyproj
import shapely
from shapely.geometry import MultiLineString, Point
from shapely.geometry.base import BaseGeometry

__all__ = [
    "COMPASS_32",
    "EARTH",
    "KM_PER_MILE",
    "Leg",
    "NearestPoint",
    "angle_between",
    "bearing_deg",
    "compass_point",
    "destination",
    "distance_along_bearing_km",
    "distance_km",
    "distances_km",
    "inverse",
    "km_to_miles",
    "miles_to_km",
    "nearest_point",
    "parse_compass",
    "side_of_line",
]

KM_PER_MILE = 1.609344
"""Kilometres in one international (statute) mile."""

EARTH = pyproj.Geod(ellps="WGS84")
"""The WGS84 ellipsoid every distance and bearing in this module is computed on."""

COMPASS_32 = (
    "N", "NbE", "NNE", "NEbN", "NE", "NEbE", "ENE", "EbN",
    "E", "EbS", "ESE", "SEbE", "SE", "SEbS", "SSE", "SbE",
    "S", "SbW", "SSW", "SWbS", "SW", "SWbW", "WSW", "WbS",
    "W", "WbN", "WNW", "NWbW", "NW", "NWbN", "NNW", "NbW",
)  # fmt: skip
"""The 32 points of the compass, clockwise from north, 11.25 degrees apart."""

_COMPASS_STEP = 360.0 / len(COMPASS_32)
_BEARING_OF = {name: i * _COMPASS_STEP for i, name in enumerate(COMPASS_32)}
_MIN_SEGMENT_DEG = 0.01  # nearest_point densifies edges to at most this, about 1 km
#: nearest_point clips the linework to a box around the query that reaches this much beyond
#: 1.5 times the search radius (about 11 km of slack: the radius is already an upper bound).
_CLIP_MARGIN_DEG = 0.1
_BISECT_TOLERANCE_KM = 0.01  # distance_along_bearing_km refines the hit to 10 m


# --------------------------------------------------------------------------------------------
# Points: distance, bearing, destination


@dataclass(frozen=True)
class Leg:
    """A geodesic from one point to another: length in km, initial bearing in [0, 360)."""

    distance_km: float
    bearing_deg: float


def _normalise_bearing(bearing: float) -> float:
    """Map any bearing in degrees to [0, 360)."""
    b = float(bearing) % 360.0
    return 0.0 if b >= 360.0 else b  # -1e-17 % 360 == 360.0 in floating point


def _check_lat(*lats: float) -> None:
    for lat in lats:
        if not -90.0 <= lat <= 90.0:
            raise ValueError(f"latitude {lat!r} is outside [-90, 90] (arguments are lat, lon)")


def _azimuth_and_metres(lat1: float, lon1: float, lat2: float, lon2: float
                        ) -> tuple[float, float]:
    """pyproj's forward azimuth (degrees, in (-180, 180]) and distance (metres) from (lat1, lon1)
    to (lat2, lon2), degrees, after checking the latitudes (a swapped lat/lon shows here)."""
    _check_lat(lat1, lat2)
    az, _back, metres = EARTH.inv(lon1, lat1, lon2, lat2)
    return az, metres


def inverse(lat1: float, lon1: float, lat2: float, lon2: float) -> Leg:
    """Geodesic from (lat1, lon1) to (lat2, lon2), degrees: distance in km, initial bearing.

    The bearing is degrees clockwise from true north in [0, 360); it is 0.0 for two identical
    points, where no direction is defined.
    """
    az, metres = _azimuth_and_metres(lat1, lon1, lat2, lon2)
    if metres == 0.0:
        return Leg(0.0, 0.0)
    return Leg(metres / 1000.0, _normalise_bearing(az))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Geodesic distance in km between (lat1, lon1) and (lat2, lon2), degrees: the distance
    of :func:`inverse`, without building a Leg (callers measure many pairs)."""
    return _azimuth_and_metres(lat1, lon1, lat2, lon2)[1] / 1000.0


def bearing_deg(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Initial bearing in degrees [0, 360) from (lat1, lon1) towards (lat2, lon2), degrees."""
    return inverse(lat1, lon1, lat2, lon2).bearing_deg


def distances_km(lats1, lons1, lats2, lons2) -> np.ndarray:
    """Vectorised geodesic distances in km; arguments (lat, lon order) are arrays or scalars.

    Inputs broadcast against each other with numpy rules; the result has the broadcast shape
    (a 0-d array when all four are scalars). NaN coordinates give NaN distances.
    """
    lats1, lons1, lats2, lons2 = np.broadcast_arrays(
        *(np.asarray(a, dtype=float) for a in (lats1, lons1, lats2, lons2))
    )
    with np.errstate(invalid="ignore"):
        bad = (np.abs(lats1) > 90.0) | (np.abs(lats2) > 90.0)
    if bad.any():
        raise ValueError("a latitude is outside [-90, 90] (arguments are lats, lons)")
    shape = lats1.shape
    _az, _back, metres = EARTH.inv(lons1.ravel(), lats1.ravel(), lons2.ravel(), lats2.ravel())
    km = np.array(metres, dtype=float).reshape(shape)
    km /= 1000.0  # in place, so that scalars stay a 0-d array rather than a numpy scalar
    return km


def destination(
    lat: float, lon: float, bearing_deg: float, distance_km: float
) -> tuple[float, float]:
    """The (lat, lon) in degrees reached from (lat, lon) along an initial bearing (degrees)
    after a geodesic distance in km. The longitude is returned in [-180, 180]."""
    _check_lat(lat)
    lon2, lat2, _back = EARTH.fwd(lon, lat, bearing_deg, distance_km * 1000.0)
    return float(lat2), float(lon2)


def angle_between(b1: float, b2: float) -> float:
    """Smallest absolute difference in degrees [0, 180] between two bearings in degrees."""
    d = abs(float(b1) - float(b2)) % 360.0
    return 360.0 - d if d > 180.0 else d


def km_to_miles(km: float) -> float:
    """Kilometres to international miles."""
    return km / KM_PER_MILE


def miles_to_km(mi: float) -> float:
    """International miles to kilometres."""
    return mi * KM_PER_MILE


# --------------------------------------------------------------------------------------------
# Compass


def compass_point(bearing_deg: float, points: int = 8) -> str:
    """Name of the compass point nearest a bearing in degrees, on a 4, 8, 16 or 32-point rose.

    8 points: "N", "NE", ...; 16 adds "NNE", "ENE", ...; 32 adds "NbE", "SWbS", ...
    Each point owns a sector of 360/points degrees centred on it; a bearing exactly on a sector
    edge goes to the point clockwise of it (22.5 on 8 points is "NE").
    """
    if points not in (4, 8, 16, 32):
        raise ValueError(f"points must be 4, 8, 16 or 32, not {points!r}")
    step = 360.0 / points
    index = int(math.floor(_normalise_bearing(bearing_deg) / step + 0.5)) % points
    return COMPASS_32[index * (32 // points)]


_CARDINAL = {"north": "N", "south": "S", "east": "E", "west": "W"}
_LETTER_TOKENS = re.compile(r"(by|[nsewb])")
_WORD_TOKENS = re.compile(r"(north|south|east|west|by)")
_ADJECTIVE_ENDING = re.compile(r"(north|south|east|west)(erly|ern|wards?)$")


def _compass_name(tokens: list[str]) -> str:
    """Join cardinal tokens ("north", "n", "by", "b", ...) into a COMPASS_32 spelling."""
    return "".join("b" if t in ("by", "b") else _CARDINAL.get(t, t.upper()) for t in tokens)


def parse_compass(text: str) -> float | None:
    """Bearing in degrees [0, 360) of a compass direction as news writes it, or None.

    Understands abbreviations in any case ("N", "nne", "SWbS", "N.E."), words joined by spaces,
    hyphens or nothing ("north-east", "northeast", "North East", "north-northeast",
    "east-southeast"), "by" points ("southwest by south", "N by E"), a leading "due" ("due
    north") and the adjective and adverb endings -ern, -erly, -ward, -wards ("north-eastern",
    "southward"). Anything that is not one of the 32 points, such as "east-north" or "news",
    gives None.
    """
    if not isinstance(text, str):
        return None
    s = text.strip().lower().replace(".", "")
    s = re.sub(r"^due\s+", "", s)
    s = re.sub(r"[\s\-_\u2010-\u2015]+", "", s)  # spaces, hyphens and dashes of every kind
    if not s:
        return None
    s = _ADJECTIVE_ENDING.sub(r"\1", s)
    for pattern, cardinals in (
        (_WORD_TOKENS, {"north", "south", "east", "west"}),
        (_LETTER_TOKENS, {"n", "s", "e", "w"}),
    ):
        tokens = pattern.findall(s)
        if "".join(tokens) != s or not cardinals.intersection(tokens):
            continue
        if any(t not in cardinals and t not in ("by", "b") for t in tokens):
            continue
        bearing = _BEARING_OF.get(_compass_name(tokens))
        if bearing is not None:
            return bearing
    return None


# --------------------------------------------------------------------------------------------
# Distance to a geometry


@dataclass(frozen=True)
class NearestPoint:
    """Nearest point of a geometry to a query point.

    distance_km: shortest geodesic distance in km from the query point to the geometry (to the
    boundary of a polygon, also from inside it); lat, lon: that nearest point in degrees;
    bearing_deg: initial bearing from the query point to it, [0, 360); inside: the query point
    lies inside (or on the boundary of) a polygon of the geometry, always False for lines and
    points.
    """

    distance_km: float
    lat: float
    lon: float
    bearing_deg: float
    inside: bool


@lru_cache(maxsize=512)
def _to_local(lat: float, lon: float) -> pyproj.Transformer:
    """Transformer from lon/lat to an azimuthal equidistant projection (metres) at (lat, lon)."""
    local = pyproj.CRS.from_proj4(
        f"+proj=aeqd +lat_0={lat!r} +lon_0={lon!r} +datum=WGS84 +units=m +no_defs"
    )
    return pyproj.Transformer.from_crs("EPSG:4326", local, always_xy=True)


def _flat_parts(geometry: BaseGeometry) -> list[BaseGeometry]:
    """The non-empty single parts (Point, LineString, Polygon, ...) of any geometry."""
    parts = []
    for part in shapely.get_parts(geometry):
        if part.geom_type == "GeometryCollection":
            parts.extend(_flat_parts(part))
        elif not part.is_empty:
            parts.append(part)
    return parts


def _linework(parts: list[BaseGeometry]) -> BaseGeometry:
    """What to measure to: polygon boundaries, lines and points as they are, as one geometry."""
    pieces = []
    for part in parts:
        pieces.extend(shapely.get_parts(part.boundary) if part.geom_type == "Polygon" else [part])
    if all(piece.geom_type in ("LineString", "LinearRing") for piece in pieces):
        return shapely.multilinestrings(pieces)
    return shapely.geometrycollections(pieces)


def _clip_near(lat: float, lon: float, linework: BaseGeometry, radius_km: float) -> BaseGeometry:
    """Clip linework (lon/lat) to a box that holds every point within radius_km of (lat, lon).

    The box is generous (1.5 times the radius, plus _CLIP_MARGIN_DEG). Returns the linework
    unclipped when the box would reach a pole or the antimeridian, where a lon/lat box is not
    a disc.
    """
    dlat = 1.5 * radius_km / 110.5 + _CLIP_MARGIN_DEG
    if abs(lat) + dlat >= 89.0:
        return linework
    dlon = dlat / math.cos(math.radians(abs(lat) + dlat))
    if lon - dlon <= -180.0 or lon + dlon >= 180.0:
        return linework
    clipped = shapely.clip_by_rect(linework, lon - dlon, lat - dlat, lon + dlon, lat + dlat)
    return linework if clipped.is_empty else clipped


def nearest_point(lat: float, lon: float, geometry: BaseGeometry) -> NearestPoint:
    """Shortest geodesic distance in km from (lat, lon) to a shapely geometry in lon/lat.

    Polygons and multipolygons are measured to their boundary (``inside`` tells whether the
    point is within); lines, multilines, points and collections to themselves. The nearest point
    is found in an azimuthal equidistant projection centred on (lat, lon), where distances from
    the centre are true, and the returned distance is then recomputed geodesically (Geod.inv).
    """
    _check_lat(lat)
    if geometry is None or geometry.is_empty:
        raise ValueError("nearest_point needs a non-empty geometry")
    here = Point(lon, lat)
    parts = _flat_parts(geometry)
    inside = any(part.geom_type == "Polygon" and part.covers(here) for part in parts)
    linework = _linework(parts)
    # A cheap upper bound: the geodesic distance to the nearest point in degree space. The true
    # nearest point is no farther than that, so the linework can be clipped around the query.
    rough_lon, rough_lat = shapely.shortest_line(here, linework).coords[1]
    bound_km = distance_km(lat, lon, rough_lat, rough_lon)
    linework = _clip_near(lat, lon, linework, bound_km)
    # Edges are straight in lon/lat (as GeoJSON means them) but curved once projected: densify
    # them so the projected chords follow them (1/50 of the search radius, at least 0.01 deg).
    linework = shapely.segmentize(linework, max(_MIN_SEGMENT_DEG, bound_km / 111.0 / 50.0))

    to_local = _to_local(float(lat), float(lon))

    def project(lonlat: np.ndarray) -> np.ndarray:  # (lon, lat) rows -> (east_m, north_m) rows
        return np.column_stack(to_local.transform(lonlat[:, 0], lonlat[:, 1]))

    local = shapely.transform(linework, project)
    east_m, north_m = shapely.shortest_line(Point(0.0, 0.0), local).coords[1]
    near_lon, near_lat = to_local.transform(east_m, north_m, direction="INVERSE")
    leg = inverse(lat, lon, near_lat, near_lon)
    return NearestPoint(leg.distance_km, float(near_lat), float(near_lon), leg.bearing_deg, inside)


def _chords(lons: np.ndarray, lats: np.ndarray) -> np.ndarray:
    """Straight lon/lat chords between consecutive path points, split at the antimeridian.

    Over 0.5 km a chord departs from the geodesic by far less than a metre.
    """
    coords = np.stack(
        [np.column_stack([lons[:-1], lats[:-1]]), np.column_stack([lons[1:], lats[1:]])], axis=1
    )
    chords = shapely.linestrings(coords)
    for i in np.flatnonzero(np.abs(np.diff(lons)) > 180.0):
        (lon1, lat1), (lon2, lat2) = coords[i]
        edge = 180.0 if lon1 > 0 else -180.0
        frac = (edge - lon1) / (lon2 + 2 * edge - lon1)
        lat_edge = lat1 + frac * (lat2 - lat1)
        chords[i] = MultiLineString(
            [[(lon1, lat1), (edge, lat_edge)], [(-edge, lat_edge), (lon2, lat2)]]
        )
    return chords


def distance_along_bearing_km(
    lat: float,
    lon: float,
    bearing_deg: float,
    geometry: BaseGeometry,
    max_km: float = 2000.0,
    step_km: float = 0.5,
) -> float | None:
    """Geodesic distance in km from (lat, lon) along an initial bearing (degrees) to a geometry.

    Follows the geodesic that leaves (lat, lon) on ``bearing_deg`` and returns how far it goes
    before it first meets the geometry (lon/lat): enters a polygon's interior or touches a line
    or point. 0.0 when the start already lies in it; None when nothing is met within max_km.
    The path is sampled every step_km and the first hit refined by bisection to 10 m.
    """
    _check_lat(lat)
    if max_km <= 0 or step_km <= 0:
        raise ValueError("max_km and step_km must be positive kilometres")
    if geometry is None or geometry.is_empty:
        return None
    shapely.prepare(geometry)
    if geometry.intersects(Point(lon, lat)):
        return 0.0

    steps = max(1, math.ceil(max_km / step_km))
    along_km = np.linspace(0.0, max_km, steps + 1)
    n = along_km.size
    lons, lats, _ = EARTH.fwd(
        np.full(n, float(lon)),
        np.full(n, float(lat)),
        np.full(n, float(bearing_deg)),
        along_km * 1000.0,
    )
    lons, lats = np.asarray(lons), np.asarray(lats)
    hits = shapely.intersects(geometry, _chords(lons, lats))  # prepared geometry first
    if not hits.any():
        return None
    i = int(np.argmax(hits))  # first chord that meets the geometry: from along_km[i] to [i + 1]

    start_lon, start_lat = lons[i], lats[i]

    def reaches(d_km: float) -> bool:
        end_lon, end_lat, _ = EARTH.fwd(lon, lat, bearing_deg, d_km * 1000.0)
        chord = _chords(np.array([start_lon, end_lon]), np.array([start_lat, end_lat]))[0]
        return bool(geometry.intersects(chord))

    low, high = float(along_km[i]), float(along_km[i + 1])
    while high - low > _BISECT_TOLERANCE_KM:
        mid = 0.5 * (low + high)
        if reaches(mid):
            high = mid
        else:
            low = mid
    return high


def side_of_line(lat: float, lon: float, line: BaseGeometry) -> float:
    """Which side of a directed line (a shapely LineString in lon/lat, in the order of its
    points) the point (lat, lon) lies on: positive to the left of the line's direction,
    negative to the right, 0.0 on it; the magnitude is the point's offset in km from the
    line's nearest point (an equirectangular approximation, good to a few per cent within
    tens of km). Looks along the line 1 km either side of that nearest point."""
    _check_lat(lat)
    if line is None or line.is_empty or line.length == 0:
        raise ValueError("side_of_line needs a line of some length")
    here = Point(lon, lat)
    at = line.project(here)
    step = min(_SIDE_STEP_DEG, line.length / 2)
    ahead = line.interpolate(min(at + step, line.length))
    behind = line.interpolate(max(at - step, 0.0))
    foot = line.interpolate(at)
    scale = math.cos(math.radians(lat))
    along = ((ahead.x - behind.x) * scale, ahead.y - behind.y)
    off = ((lon - foot.x) * scale, lat - foot.y)
    norm = math.hypot(*along)
    if norm == 0:
        return 0.0
    return (along[0] * off[1] - along[1] * off[0]) / norm * _KM_PER_DEG


#: The stretch (degrees) either side of the nearest point that gives a line's local direction.
_SIDE_STEP_DEG = 0.01
_KM_PER_DEG = 111.2

