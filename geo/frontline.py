"""The front line over time: daily occupied-area snapshots and the line of contact.

``data/frontline.parquet`` (built by ``scripts/build_frontline.py`` from DeepStateMap.Live via
cyterat/deepstate-map-data, GPL-3.0) holds one row per published map: ``date`` (a calendar
date), ``geometry`` (the Russian-occupied area of Ukraine, MultiPolygon, lon/lat, EPSG:4326)
and ``contact`` (the line of contact derived from it, MultiLineString). A map dated D is the one
published at about 03:00 UTC on D, so it shows the situation at the end of D - 1.

The line of contact is the occupied area's boundary where it faces Ukrainian-held land: the
parts that run along Ukraine's international land border or along the coast are cut away (see
:func:`contact_region`). Distances to it are geodesic, in km.

Public API speaks (lat, lon) in degrees, dates as ``datetime.date`` (or ``YYYY-MM-DD``) and
kilometres; shapely geometries are in (lon, lat).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pyproj
import shapely
from shapely.geometry import MultiLineString, MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from geo.datafiles import checked
from geo.errors import DataError, FrontlineError
from geo.geodesy import EARTH as _GEOD
from geo.geodesy import nearest_point

__all__ = [
    "CONTACT_BORDER_TOLERANCE_KM",
    "CONTACT_COAST_TOLERANCE_KM",
    "CONTACT_MIN_HOLE_KM2",
    "DEFAULT_PATH",
    "FrontlineArchive",
    "FrontlineDateError",
    "FrontlineStatus",
    "Snapshot",
    "UKRAINE_LAEA",
    "contact_region",
    "line_of_contact",
    "load_frontline",
    "status",
]

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "frontline.parquet"
"""Where the shipped archive lives: ``data/frontline.parquet`` next to the ``geo`` package."""

CONTACT_BORDER_TOLERANCE_KM = 2.0
"""Occupied-area boundary within this many km of Ukraine's land border is border, not front."""

CONTACT_COAST_TOLERANCE_KM = 3.0
"""Occupied-area boundary within this many km of the coast (or off the land) is coast, not
front. Wider than the border tolerance because the 1:10m coastline used to find the coast
strays up to about 3 km from the map's own (spits, lagoons, the Dnipro-Buh estuary)."""

CONTACT_MIN_HOLE_KM2 = 0.01
"""Holes in the occupied area smaller than this (1 ha) are drawing slivers, not Ukrainian-held
pockets: their rim is not line of contact. (The maps carry two such, of 600 m2 and less, for
months inside occupied Donetsk; the smallest real pocket in 2024-2026 is 1.5 km2.)"""

UKRAINE_LAEA = "+proj=laea +lat_0=48.5 +lon_0=31.5 +datum=WGS84 +units=m +no_defs"
"""Lambert azimuthal equal-area centred on Ukraine (metres): over the country its scale error
stays below 0.4 %, so a 2 km buffer drawn in it is within 8 m of a true 2 km."""
_DENSIFY_DEG = 0.005  # about 500 m


class FrontlineDateError(FrontlineError, ValueError):
    """A date the front-line archive cannot answer for (before its first snapshot, unparsable)."""


# --------------------------------------------------------------------------------------------
# Line of contact


def _laea_transformers() -> tuple[pyproj.Transformer, pyproj.Transformer]:
    """(lon/lat -> metres, metres -> lon/lat) transformers for the Ukraine-centred projection."""
    laea = pyproj.CRS.from_proj4(UKRAINE_LAEA)
    forward = pyproj.Transformer.from_crs("EPSG:4326", laea, always_xy=True)
    inverse = pyproj.Transformer.from_crs(laea, "EPSG:4326", always_xy=True)
    return forward, inverse


def _reproject(geometry: BaseGeometry, transformer: pyproj.Transformer) -> BaseGeometry:
    def apply(coords: np.ndarray) -> np.ndarray:
        return np.column_stack(transformer.transform(coords[:, 0], coords[:, 1]))

    return shapely.transform(geometry, apply)


def contact_region(
    land: BaseGeometry,
    land_border: BaseGeometry,
    coast: BaseGeometry,
    border_km: float = CONTACT_BORDER_TOLERANCE_KM,
    coast_km: float = CONTACT_COAST_TOLERANCE_KM,
) -> BaseGeometry:
    """Where on the map an occupied-area boundary counts as line of contact (lon/lat polygon).

    ``land``: Ukraine's land (polygon, lon/lat); ``land_border``: its international land border
    (lines); ``coast``: its coastline (lines). The region is the land minus a band of
    ``border_km`` around the land border and of ``coast_km`` around the coast. Inputs are
    densified (every 0.005 deg), the bands buffered in metres in a Lambert azimuthal equal-area
    projection centred on Ukraine (:data:`UKRAINE_LAEA`), and the result densified (every
    500 m) and brought back to lon/lat.
    """
    forward, inverse = _laea_transformers()

    def project(geometry: BaseGeometry) -> BaseGeometry:
        # Edges are straight in lon/lat: densify them so they stay put once projected.
        return _reproject(shapely.segmentize(geometry, _DENSIFY_DEG), forward)

    border_band = project(land_border).buffer(border_km * 1000.0)
    coast_band = project(coast).buffer(coast_km * 1000.0)
    region = project(land).difference(shapely.union(border_band, coast_band))
    region = shapely.segmentize(region, 500.0)
    return shapely.make_valid(_reproject(region, inverse))


def _ring_area_km2(ring: BaseGeometry) -> float:
    """Geodesic area in km2 enclosed by a lon/lat ring."""
    lons, lats = np.asarray(ring.coords).T
    area_m2, _perimeter = _GEOD.polygon_area_perimeter(lons, lats)
    return abs(area_m2) / 1e6


def _without_small_holes(occupied: BaseGeometry, min_hole_km2: float) -> BaseGeometry:
    """The occupied area with holes smaller than ``min_hole_km2`` filled."""
    polygons = []
    for polygon in shapely.get_parts(occupied):
        if polygon.geom_type != "Polygon":
            continue
        holes = [r for r in polygon.interiors if _ring_area_km2(r) >= min_hole_km2]
        polygons.append(Polygon(polygon.exterior, holes))
    return MultiPolygon(polygons)


def line_of_contact(
    occupied: BaseGeometry,
    region: BaseGeometry,
    min_hole_km2: float = CONTACT_MIN_HOLE_KM2,
) -> MultiLineString:
    """The occupied area's boundary inside ``region`` (see :func:`contact_region`), merged.

    Holes smaller than ``min_hole_km2`` are ignored. Vertices are the occupied area's own
    (lon/lat); only the ends where the line leaves the region are new. Returns an empty
    MultiLineString when nothing is left.
    """
    occupied = _without_small_holes(occupied, min_hole_km2)
    lines = shapely.intersection(occupied.boundary, region)
    parts = [
        part
        for part in shapely.get_parts(shapely.line_merge(lines))
        if part.geom_type == "LineString" and not part.is_empty
    ]
    return MultiLineString(parts)


# --------------------------------------------------------------------------------------------
# Snapshots and status


@dataclass(frozen=True)
class Snapshot:
    """The occupied area as one published map showed it.

    date: the map's date; geometry: the occupied area (MultiPolygon, lon/lat); requested_date:
    the date asked for; contact: the line of contact (MultiLineString, lon/lat);
    after_last: the requested date is later than the newest map, so this one may be out of date.
    """

    date: dt.date
    geometry: BaseGeometry
    requested_date: dt.date
    contact: BaseGeometry | None = None
    after_last: bool = False

    @property
    def age_days(self) -> int:
        """Days between the map used and the date asked for (0 when the map is of that day)."""
        return (self.requested_date - self.date).days


@dataclass(frozen=True)
class FrontlineStatus:
    """Where a point stood relative to the front on a date.

    requested_date: the date asked for; snapshot_date: the map used (the newest on or before
    it); after_last: the date is later than the newest map; occupied: the point lies inside the
    occupied area; distance_to_contact_km: shortest geodesic distance in km to the line of
    contact; contact_lat, contact_lon: the nearest point of that line (degrees);
    contact_bearing_deg: initial bearing towards it, degrees [0, 360); first_change_after: the
    first later map on which ``occupied`` is different, or None if it never changes.
    """

    requested_date: dt.date
    snapshot_date: dt.date
    after_last: bool
    occupied: bool
    distance_to_contact_km: float
    contact_lat: float
    contact_lon: float
    contact_bearing_deg: float
    first_change_after: dt.date | None


def _as_date(value: dt.date | dt.datetime | str) -> dt.date:
    """A calendar date from a date, a datetime (its own calendar date) or 'YYYY-MM-DD'."""
    if isinstance(value, dt.datetime):  # before date: datetime is a subclass of date
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise FrontlineDateError(f"not a date: {value!r} (give a datetime.date or 'YYYY-MM-DD')")


def _check_lat_lon(lat: float, lon: float) -> None:
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        raise ValueError(f"({lat!r}, {lon!r}) is not a (lat, lon) pair in degrees")


class FrontlineArchive:
    """Daily occupied-area maps, indexed by date. Build one with :func:`load_frontline`."""

    def __init__(
        self,
        dates: list[dt.date],
        occupied: list[BaseGeometry],
        contact: list[BaseGeometry],
        source: Path | None = None,
    ) -> None:
        if not dates:
            raise DataError(
                "the front-line archive is empty; rebuild it with "
                "`python scripts/build_frontline.py`"
            )
        if not len(dates) == len(occupied) == len(contact):
            raise DataError("front-line archive columns differ in length")
        order = sorted(range(len(dates)), key=dates.__getitem__)
        self._dates: tuple[dt.date, ...] = tuple(dates[i] for i in order)
        if len(set(self._dates)) != len(self._dates):
            raise DataError("the front-line archive holds a date twice")
        self._occupied = np.array([occupied[i] for i in order], dtype=object)
        self._contact = np.array([contact[i] for i in order], dtype=object)
        shapely.prepare(self._occupied)
        self.source = source

    def __len__(self) -> int:
        return len(self._dates)

    def __repr__(self) -> str:
        return f"FrontlineArchive({len(self)} maps, {self.first} .. {self.last})"

    @property
    def dates(self) -> tuple[dt.date, ...]:
        """Dates of the maps held, ascending (publication gaps are not filled)."""
        return self._dates

    @property
    def first(self) -> dt.date:
        """Date of the oldest map."""
        return self._dates[0]

    @property
    def last(self) -> dt.date:
        """Date of the newest map."""
        return self._dates[-1]

    def _index_for(self, when: dt.date) -> int:
        """Index of the newest map on or before ``when``; FrontlineDateError before the first."""
        i = bisect_right(self._dates, when) - 1
        if i < 0:
            raise FrontlineDateError(
                f"no front-line map on or before {when.isoformat()}: the archive starts on "
                f"{self.first.isoformat()} (and ends on {self.last.isoformat()})"
            )
        return i

    def snapshot_for(self, date: dt.date | dt.datetime | str) -> Snapshot:
        """The newest map on or before ``date``; the last one (marked) for later dates.

        Raises FrontlineDateError for a date before the first map.
        """
        when = _as_date(date)
        i = self._index_for(when)
        return Snapshot(
            date=self._dates[i],
            geometry=self._occupied[i],
            requested_date=when,
            contact=self._contact[i],
            after_last=when > self.last,
        )

    def occupied_flags(self, lat: float, lon: float) -> np.ndarray:
        """For each map in :attr:`dates`, whether (lat, lon) lies inside the occupied area."""
        _check_lat_lon(lat, lon)
        return shapely.contains_xy(self._occupied, float(lon), float(lat))

    def changes(self, lat: float, lon: float) -> list[tuple[dt.date, bool]]:
        """The maps on which the point's occupied flag changes, with the new flag, in order."""
        flags = self.occupied_flags(lat, lon)
        turns = np.flatnonzero(flags[1:] != flags[:-1]) + 1
        return [(self._dates[i], bool(flags[i])) for i in turns]

    def status(self, lat: float, lon: float, date: dt.date | dt.datetime | str) -> FrontlineStatus:
        """Whether (lat, lon) was occupied on ``date``, how far (km, geodesic) it was from the
        line of contact, and on which later map that first changed."""
        snap = self.snapshot_for(date)
        i = self._index_for(snap.requested_date)
        flags = self.occupied_flags(lat, lon)
        later = np.flatnonzero(flags[i + 1 :] != flags[i])
        change = self._dates[i + 1 + int(later[0])] if later.size else None
        contact = self._contact[i]
        if contact is None or contact.is_empty:
            raise DataError(f"the map of {snap.date} has no line of contact; rebuild the archive")
        near = nearest_point(lat, lon, contact)
        return FrontlineStatus(
            requested_date=snap.requested_date,
            snapshot_date=snap.date,
            after_last=snap.after_last,
            occupied=bool(flags[i]),
            distance_to_contact_km=near.distance_km,
            contact_lat=near.lat,
            contact_lon=near.lon,
            contact_bearing_deg=near.bearing_deg,
            first_change_after=change,
        )


def _read_archive(path: Path) -> FrontlineArchive:
    import geopandas as gpd  # heavy; only needed when the archive is first loaded

    path = checked(path)
    try:
        frame = gpd.read_parquet(path)
    except Exception as exc:  # pyarrow raises several kinds for a damaged file
        raise DataError(
            f"cannot read {path}: {exc}; rebuild it with `python scripts/build_frontline.py`"
        ) from exc
    missing = {"date", "geometry", "contact"} - set(frame.columns)
    if missing:
        raise DataError(
            f"{path} lacks columns {sorted(missing)}; rebuild it with "
            "`python scripts/build_frontline.py`"
        )
    dates = [_as_date(d) for d in frame["date"]]
    return FrontlineArchive(
        dates, list(frame.geometry.values), list(frame["contact"].values), source=path
    )


@lru_cache(maxsize=4)
def _load_cached(path: Path) -> FrontlineArchive:
    return _read_archive(path)


def load_frontline(path: Path | str | None = None) -> FrontlineArchive:
    """The archive in ``path`` (default :data:`DEFAULT_PATH`), read once and cached."""
    return _load_cached(Path(path).resolve() if path is not None else DEFAULT_PATH)


def status(lat: float, lon: float, date: dt.date | dt.datetime | str) -> FrontlineStatus:
    """:meth:`FrontlineArchive.status` on the shipped archive."""
    return load_frontline().status(lat, lon, date)
