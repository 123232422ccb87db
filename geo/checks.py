"""Check location claims against geometry: one :class:`Verdict` per :class:`Claim`.

``check_claim(claim, report_date=...)`` measures what the claim states, geodesically on WGS84
(:mod:`geo.geodesy`), and says whether the statement holds, with the stated figure, the
measured figure, their ratio, the tolerance applied and a one-line explanation a reader can
check:

- DISTANCE / DIRECTION: the geodesic from the reference to the subject (length and the
  bearing *from* the reference *to* the subject, which is what "X km east of Kharkiv" states);
- BORDER_DISTANCE: the shortest distance to the named country's polygon, and the distance
  along the stated direction reversed ("45 km south of the border" -> travel north); to an
  oblast ("15 km from the border with Dnipropetrovsk Oblast"), the distance to its polygon;
- FRONTLINE_DISTANCE: the distance to the line of contact on the report's date
  (:mod:`geo.frontline`, DeepStateMap snapshots);
- RIVER: the distance to the river's centre line (:func:`geo.features.find_river`);
- REGION: whether the subject lies in the oblast's polygon (or the raion the gazetteer gives).

Every tolerance is a named module constant below, documented with its reason. Nothing here
raises on a claim: what cannot be measured gives an UNVERIFIABLE verdict that says why.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

import shapely

from geo import features, geodesy
from geo.errors import FrontlineError
from geo.models import Claim, ClaimKind, Mention, MentionKind, StatedDistance, Status, Verdict

log = logging.getLogger(__name__)

__all__ = [
    "ABS_TOLERANCE_KM",
    "BANK_MARGIN_KM",
    "BORDER_ALONG_MAX_RATIO",
    "BORDER_SEARCH_MAX_KM",
    "DIRECTION_MIN_DISTANCE_KM",
    "DIRECTION_SLACK_DEG",
    "DIRECTION_TOLERANCE_DEG",
    "FRONTLINE_GREY_ZONE_KM",
    "MAX_ROAD_FACTOR",
    "REGION_EDGE_TOLERANCE_KM",
    "RIVER_MAX_KM",
    "ROUNDING_TOLERANCE",
    "SHORT_HOP_DETOUR_KM",
    "TOWN_RADIUS_KM_PER_SQRT_THOUSAND",
    "UNIT_TOLERANCE",
    "border_distance_km",
    "check_claim",
    "check_claims",
    "direction_tolerance_deg",
    "distance_bounds",
    "town_radius_km",
]

ROUNDING_TOLERANCE = 0.15
"""Relative slack for a stated figure read as a straight line: news rounds distances to a
round number ("about 120 km", "some 20 km"), and a town is measured from its centre point while
the text may mean its edge; 15 % covers rounding 17 to 20 or 102 to "100"."""

MAX_ROAD_FACTOR = 1.4
"""Largest stated/straight-line ratio accepted, read as a road distance: reporters often quote
the distance by road, and the road-to-straight ratio (detour index) between Ukrainian towns is
typically 1.2-1.4 (e.g. Kharkiv-Kupiansk is about 120 km by the P07/T2104 roads for 102 km in
a straight line, ratio 1.17)."""

SHORT_HOP_DETOUR_KM = 6.0
"""Detour in km a road between two places may add whatever their straight-line distance, in
the road reading of a place-to-place claim (:func:`distance_bounds`): a short hop runs via a
bypass, a bridge or a highway junction, a fixed few km that weigh more on 10 km than on 100
(road circuity is highest on short trips), and a small road figure is rounded to the nearest
5 or 10 km. "Druzhkivka is about 20 km by road from Kramatorsk": 12.7 km straight, ratio
1.57, fits (12.7 + 6 + 2 = 20.7); "40 km" does not. It counts only below 15 km, where measured
+ 6 km exceeds measured x :data:`MAX_ROAD_FACTOR`; distances to a border, a river or the coast
do not get it (no town centres joined by roads there)."""

ABS_TOLERANCE_KM = 2.0
"""Absolute slack in km added to both bounds: a GeoNames point is the centre of a town several
km across, and small figures ("5 km", "one kilometre") are rounded to whole km, where a relative
tolerance alone would be too tight."""

DIRECTION_SLACK_DEG = 22.5
"""Extra angle allowed beyond the stated compass sector: the bearing is taken between two
centre points, while the text may mean a town's extent or a point seen from the edge of a city
(Kupiansk seen from the edge of Kharkiv shifts by up to ~5 deg; a village 10 km away from a town
10 km across, by over 25 deg). One eighth of the circle."""

DIRECTION_TOLERANCE_DEG = 45.0
"""Largest angle between the measured bearing and an 8-point (or 4-point) compass direction
("east", "north-west"): half the 45-deg sector the point names (22.5 deg) plus
:data:`DIRECTION_SLACK_DEG`. A 16-point statement ("ESE") is held to 11.25 + 22.5 = 33.75 deg
and a 32-point one ("SWbS") to 5.625 + 22.5 = 28.125 deg; see :func:`direction_tolerance_deg`."""

DIRECTION_MIN_DISTANCE_KM = 2.0
"""Below this geodesic distance between two places the bearing between their centre points says
nothing about a direction (one is at the edge of the other), so the direction is not judged."""

UNIT_TOLERANCE = 0.08
"""Relative difference allowed between the two figures of "120 kilometers (75 miles)": news
converts and then rounds the second figure (5 km becomes "three miles", 3.4 % off; 12 km "seven
miles", 6.1 % off). A figure rounded to a whole number may also be off by half a unit."""

RIVER_MAX_KM = 5.0
"""A place "on the X river" lies at most this far from the river's centre line: Natural Earth's
1:10m centre lines are generalised by a few hundred metres, a river town's centre point may lie
a few km from the water (Kupiansk is 0.44 km from the Oskil), and the river's width counts too."""

TOWN_RADIUS_KM_PER_SQRT_THOUSAND = 0.3
"""A settlement's built-up radius in km per square root of its population in thousands, added to
RIVER_MAX_KM for a place "on" a river: its point is its centre, and a city reaches the water from
far off it (Kharkiv, 1.4 million: 11 km; Nikopol, 110,000, on the Kakhovka reservoir: 3.1 km; a
village of 500: 0.2 km). See :func:`town_radius_km`."""


def town_radius_km(population: int) -> float:
    """Rough built-up radius in km of a settlement of ``population`` people (0 for none)."""
    return TOWN_RADIUS_KM_PER_SQRT_THOUSAND * math.sqrt(max(population, 0) / 1000.0)


BANK_MARGIN_KM = 1.0
"""Which bank of a river a place lies on is told only when it lies farther than its built-up
radius (:func:`town_radius_km`) plus this margin from the river's centre line: a town reaching
the water spans it or touches it, and the line is generalised by a few hundred metres."""

#: "on the left bank of the Dnipro", "на лівому березі", "am rechten Ufer", "sur la rive
#: gauche", "na lewym brzegu", "en la orilla izquierda", "sulla riva sinistra", "on the
#: western bank".
_BANK_RE = re.compile(
    r"(?<![^\W\d_])(?P<side>left|right|west(?:ern)?|east(?:ern)?|north(?:ern)?|south(?:ern)?|"
    r"лів\w*|прав\w*|лев\w*|linken|rechten|lew\w*|praw\w*)\s+(?:[^\W\d_]+\s+)?"
    r"(?:bank|берез\w*|берег\w*|ufer|brzeg\w*)"
    r"|(?<![^\W\d_])(?:rive|orilla|margen|riva|sponda)\s+"
    r"(?P<side_after>gauche|droite|izquierda|derecha|sinistra|destra)",
    re.IGNORECASE)
_LEFT_WORDS = ("left", "лів", "лев", "linken", "lew", "gauche", "izquierda", "sinistra")
_COMPASS_BANKS = {"west": 270.0, "east": 90.0, "north": 0.0, "south": 180.0}

REGION_EDGE_TOLERANCE_KM = 3.0
"""A place this close outside an oblast's polygon still counts as inside: the polygons are
simplified. Of 4,000 random GeoNames places, 18 fall outside their own oblast's polygon, 11 of
them by less than 3 km (the rest are coding errors of a different kind)."""

BORDER_ALONG_MAX_RATIO = 2.0
""""45 km south of the Russian border" says the border lies north: the ray north from the place
must reach the country within this many times the shortest distance (plus
:data:`ABS_TOLERANCE_KM`). Kupiansk: due north 52.8 km vs shortest 34.8 km, ratio 1.5. A ray that
misses, or meets the country only far around, means the border is not that way."""

BORDER_SEARCH_MAX_KM = 1500.0
"""How far along the reversed direction to look for the border (Ukraine is ~1,300 km across)."""

FRONTLINE_GREY_ZONE_KM = 5.0
"""Extra slack below the measured distance to the line of contact: DeepStateMap's occupied area
leaves out the contested grey zone, which is often a few km wide, so Russian positions can be
that much nearer than the mapped line. A stated distance is never held to be *shorter* than the
map by more than this plus the rounding slack."""

_POINTS_OF_SECTOR = {8: DIRECTION_TOLERANCE_DEG,
                     16: 360.0 / 16 / 2 + DIRECTION_SLACK_DEG,
                     32: 360.0 / 32 / 2 + DIRECTION_SLACK_DEG}


def direction_tolerance_deg(direction: str) -> float:
    """Angle tolerance for a normalised compass point: 45 deg for "N" or "NE", 33.75 for "NNE",
    28.125 for "NbE" (half its sector plus :data:`DIRECTION_SLACK_DEG`)."""
    if "b" in direction:
        return _POINTS_OF_SECTOR[32]
    if len(direction) == 3:
        return _POINTS_OF_SECTOR[16]
    return _POINTS_OF_SECTOR[8]


def distance_bounds(measured_km: float, road: bool = True, detour_km: float = 0.0
                    ) -> tuple[float, float]:
    """(lowest, highest) stated km consistent with a measured straight-line distance in km:
    ``measured * (1 - ROUNDING_TOLERANCE) - ABS_TOLERANCE_KM`` up to ``max(measured *
    MAX_ROAD_FACTOR, measured + detour_km) + ABS_TOLERANCE_KM`` (or ``measured * (1 +
    ROUNDING_TOLERANCE) + ABS_TOLERANCE_KM`` when ``road`` is False: the straight-line reading
    alone). Place-to-place claims pass :data:`SHORT_HOP_DETOUR_KM` as ``detour_km``."""
    low = max(0.0, measured_km * (1.0 - ROUNDING_TOLERANCE) - ABS_TOLERANCE_KM)
    if road:
        high = max(measured_km * MAX_ROAD_FACTOR, measured_km + detour_km)
    else:
        high = measured_km * (1.0 + ROUNDING_TOLERANCE)
    return low, high + ABS_TOLERANCE_KM


# --------------------------------------------------------------------------------------------
# Helpers


class _Unverifiable(Exception):
    """Raised inside a check to end it with an UNVERIFIABLE verdict and this reason."""


def _fmt(km: float) -> str:
    """A km figure for an explanation: one decimal at most, no trailing zero."""
    if not math.isfinite(km):
        return str(km)
    return f"{km:.1f}".rstrip("0").rstrip(".") if abs(km) < 1000 else f"{km:.0f}"


def _point_of(mention: Mention | None, role: str, claim: Claim) -> tuple[float, float]:
    if mention is None:
        if claim.note.startswith(f"no {role}"):
            raise _Unverifiable(claim.note)  # the parser already says why, in these words
        why = f" ({claim.note})" if claim.note else ""
        raise _Unverifiable(f"no {role}{why}")
    place = mention.place
    if place is None:
        raise _Unverifiable(f"{role} '{mention.text}' is not resolved to a place")
    lat, lon = float(place.lat), float(place.lon)
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90
            and -180 <= lon <= 180):
        raise _Unverifiable(f"{role} '{mention.text}' has no valid coordinates")
    return lat, lon


def _name(mention: Mention) -> str:
    return mention.place.name if mention.place is not None else mention.text


def _check_figures(stated: StatedDistance) -> None:
    values = (stated.value, stated.low_km, stated.high_km)
    if any(not isinstance(v, int | float) or math.isnan(v) for v in values):
        raise _Unverifiable(f"cannot read the stated figure '{stated.text}'")
    if stated.low_km < 0 or stated.high_km < 0 or stated.value < 0:
        raise _Unverifiable(f"the stated figure '{stated.text}' is negative: not a distance")
    if stated.low_km > stated.high_km:
        raise _Unverifiable(f"the stated range '{stated.text}' runs backwards")
    if not math.isfinite(stated.km):
        raise _Unverifiable(f"the stated figure '{stated.text}' is not finite")


def _stated_words(stated: StatedDistance) -> str:
    """The stated figure in words: "about 120 km (75 mi)", "less than 5 km", "15-20 km".

    A one-sided bound is written with its hedge ("less than 5 km"), or with "≤"/"≥" when it
    has none; the symbol is not added to a hedge that already says it."""
    hedge = f"{stated.hedge} " if stated.hedge else ""
    if stated.low_km != stated.high_km:
        if stated.low_km == 0:
            core = f"{'' if hedge else '≤'}{_fmt(stated.high_km)} km"
        elif stated.high_km == math.inf:
            core = f"{'' if hedge else '≥'}{_fmt(stated.low_km)} km"
        else:
            core = f"{_fmt(stated.low_km)}-{_fmt(stated.high_km)} km"
    else:
        core = f"{_fmt(stated.km)} km"
    if stated.unit != "km":
        core += f" ({stated.value:g} {stated.unit})"
    return hedge + core


_ROUTE_SAID = {"road": " by road", "straight": " in a straight line"}
"""How a verdict quotes the route the text gave with its figure (StatedDistance.route)."""


@dataclass
class _Part:
    """One judged aspect of a claim (distance, direction, units)."""

    status: Status
    words: str


def _distance_part(stated: StatedDistance, measured: float, what: str,
                   low: float | None = None, high: float | None = None,
                   straight_high: float | None = None) -> tuple[_Part, dict]:
    """Judge a stated distance against a measured one with the rounding/road tolerance; a
    figure the text gives as a straight line ("as the crow flies") gets no road allowance."""
    _check_figures(stated)
    if low is None or high is None:
        low, high = distance_bounds(measured)
    if straight_high is None:
        straight_high = distance_bounds(measured, road=False)[1]
    if stated.route == "straight":
        high = min(high, straight_high)
    ratio = stated.km / measured if measured > 0 else math.inf
    extra = {"stated_km": stated.km, "stated_low_km": stated.low_km,
             "stated_high_km": stated.high_km, "accepted_min_km": low,
             "accepted_max_km": high, "straight_max_km": straight_high}
    fits = stated.high_km >= low and stated.low_km <= high
    said = _ROUTE_SAID.get(stated.route, "")
    if not fits:
        far = "longer" if stated.low_km > high else "shorter"
        words = (f"stated {_stated_words(stated)}{said} is {far} than {what} "
                 f"{_fmt(measured)} km allows ({_fmt(low)}-{_fmt(high)} km), ratio {ratio:.2f}")
        extra["reading"] = ""
        return _Part(Status.INCONSISTENT, words), extra
    if stated.route == "road":
        reading = "road distance"
    else:
        reading = "straight line" if stated.low_km <= straight_high else "road distance"
    extra["reading"] = reading
    words = (f"stated {_stated_words(stated)}{said} vs {what} {_fmt(measured)} km, ratio "
             f"{ratio:.2f}: fits as a {reading}")
    return _Part(Status.CONSISTENT, words), extra


def _direction_part(stated: str, stated_deg: float, measured_deg: float, what: str
                    ) -> tuple[_Part, dict]:
    tolerance = direction_tolerance_deg(stated)
    off = geodesy.angle_between(stated_deg, measured_deg)
    seen = geodesy.compass_point(measured_deg, 16)
    status = Status.CONSISTENT if off <= tolerance else Status.INCONSISTENT
    verb = "within" if status == Status.CONSISTENT else "beyond"
    words = (f"direction {stated} vs {what} {measured_deg:.1f}° ({seen}): {off:.1f}° off, "
             f"{verb} ±{tolerance:g}°")
    return _Part(status, words), {"direction_offset_deg": off,
                                  "direction_tolerance_deg": tolerance}


def _units_part(stated: StatedDistance) -> _Part | None:
    if stated.alt_km is None or stated.alt_value is None:
        return None
    if not (math.isfinite(stated.alt_km) and math.isfinite(stated.km)) or stated.km <= 0:
        return _Part(Status.UNVERIFIABLE, "the second figure cannot be compared")
    # half a unit of the figure's last digit, in km: "75" may be 74.5-75.5, "15.8" 15.75-15.85
    digits = f"{stated.alt_value:g}"
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    half_step_km = 0.5 * 10 ** -decimals * (stated.alt_km / stated.alt_value
                                            if stated.alt_value else 1.0)
    allowed = max(UNIT_TOLERANCE * stated.km, half_step_km)
    diff = abs(stated.alt_km - stated.km)
    first = f"{stated.value:g} {stated.unit}"
    second = f"{stated.alt_value:g} {stated.alt_unit}"
    if diff <= allowed:
        return _Part(Status.CONSISTENT, f"{second} = {_fmt(stated.alt_km)} km agrees with "
                                        f"{first}")
    return _Part(Status.INCONSISTENT, f"{second} = {_fmt(stated.alt_km)} km does not match "
                                      f"{first} ({_fmt(stated.km)} km)")


def _overall(parts: Iterable[_Part | None]) -> Status:
    statuses = [p.status for p in parts if p is not None]
    if Status.INCONSISTENT in statuses:
        return Status.INCONSISTENT
    if Status.CONSISTENT in statuses:
        return Status.CONSISTENT
    return Status.UNVERIFIABLE


def _explain(head: str, parts: Iterable[_Part | None], claim: Claim) -> str:
    words = [head] + [p.words for p in parts if p is not None]
    text = "; ".join(w for w in words if w)
    if claim.note:
        text += f" (note: {claim.note})"
    return text


_ROAD_TOLERANCE_WORDS = (
    f"distance within [measured×{1 - ROUNDING_TOLERANCE:g} − {ABS_TOLERANCE_KM:g} km, "
    f"measured×{MAX_ROAD_FACTOR:g} + {ABS_TOLERANCE_KM:g} km] (rounding; road distance)")
_POINT_ROAD_TOLERANCE_WORDS = (
    f"distance within [measured×{1 - ROUNDING_TOLERANCE:g} − {ABS_TOLERANCE_KM:g} km, "
    f"max(measured×{MAX_ROAD_FACTOR:g}, measured + {SHORT_HOP_DETOUR_KM:g} km) + "
    f"{ABS_TOLERANCE_KM:g} km] (rounding; road distance, short-hop detour)")
_STRAIGHT_TOLERANCE_WORDS = (
    f"distance within [measured×{1 - ROUNDING_TOLERANCE:g} − {ABS_TOLERANCE_KM:g} km, "
    f"measured×{1 + ROUNDING_TOLERANCE:g} + {ABS_TOLERANCE_KM:g} km] (rounding; stated as a "
    f"straight line)")


def _tolerance_words(stated: StatedDistance, road_words: str = _ROAD_TOLERANCE_WORDS) -> str:
    """The distance tolerance in words: no road allowance for a stated straight line."""
    return _STRAIGHT_TOLERANCE_WORDS if stated.route == "straight" else road_words


# --------------------------------------------------------------------------------------------
# Checks by kind


def _verdict(claim: Claim, head: str, parts: tuple, measured: float, bearing: float,
             tolerance: str, extra: dict) -> Verdict:
    """Assemble a verdict from its parts (distance, direction, units, then any others such as
    a river's bank), each possibly None."""
    direction, units = parts[1], parts[2]
    ratio = claim.distance.km / measured if claim.distance is not None and measured > 0 else None
    return Verdict(claim=claim, status=_overall(parts), explanation=_explain(head, parts, claim),
                   measured_km=measured, bearing_deg=bearing, ratio=ratio, tolerance=tolerance,
                   direction_status=direction.status if direction else None,
                   units_status=units.status if units else None, extra=extra)


def _check_point(claim: Claim) -> Verdict:
    subject = _point_of(claim.subject, "subject", claim)
    reference = _point_of(claim.reference, "reference", claim)
    if (claim.subject.place is not None and claim.reference.place is not None
            and claim.subject.place.id == claim.reference.place.id):
        raise _Unverifiable(f"subject and reference are the same place "
                            f"({_name(claim.subject)})")
    leg = geodesy.inverse(*reference, *subject)
    measured = leg.distance_km
    route = f"{_name(claim.reference)}→{_name(claim.subject)}"
    extra: dict = {"from": _name(claim.reference), "to": _name(claim.subject)}
    distance = direction = units = None
    tolerance = []
    if claim.distance is not None:
        low, high = distance_bounds(measured, detour_km=SHORT_HOP_DETOUR_KM)
        distance, more = _distance_part(claim.distance, measured, "straight line", low, high)
        extra.update(more)
        units = _units_part(claim.distance)
        tolerance.append(_tolerance_words(claim.distance, _POINT_ROAD_TOLERANCE_WORDS))
        if units is not None:
            tolerance.append(f"units within {UNIT_TOLERANCE:.0%}")
    if claim.direction_deg is not None:
        if measured < DIRECTION_MIN_DISTANCE_KM:
            direction = _Part(Status.UNVERIFIABLE,
                              f"places {_fmt(measured)} km apart: too close for a direction")
        else:
            direction, more = _direction_part(claim.direction, claim.direction_deg,
                                              leg.bearing_deg, "bearing")
            extra.update(more)
            tolerance.append(f"direction within ±{more['direction_tolerance_deg']:g}°")
    if distance is None and direction is None:
        raise _Unverifiable("the claim states neither a distance nor a direction")
    parts = (distance, direction, units)
    head = (f"{route} {_fmt(measured)} km straight, bearing {leg.bearing_deg:.1f}° "
            f"({geodesy.compass_point(leg.bearing_deg, 16)})")
    return _verdict(claim, head, parts, measured, leg.bearing_deg, "; ".join(tolerance), extra)


def _border_iso(claim: Claim, lat: float, lon: float) -> tuple[str, str]:
    """(ISO3 of the country whose border is meant, note on how it was chosen)."""
    phrase = claim.reference_feature or (claim.reference.text if claim.reference else "")
    if claim.reference is not None and claim.reference.kind == MentionKind.COUNTRY:
        iso = features.border_country(claim.reference.admin_code) or features.border_country(
            claim.reference.text)
        if iso:
            return iso, ""
    iso = features.border_country(phrase)
    if iso:
        return iso, ""
    if any(word in phrase.lower() for word in ("administrative", "oblast", "region", "raion")):
        raise _Unverifiable(f"'{phrase}' is an internal border; only national borders are "
                            "in the data")
    best = None
    for code in features.BORDER_COUNTRIES:
        if code == "UKR":
            continue
        geometry = features.country_geometry(code)
        if geometry is None:
            continue
        d = geodesy.nearest_point(lat, lon, geometry).distance_km
        if best is None or d < best[0]:
            best = (d, code)
    if best is None:
        raise _Unverifiable("no border geometry in the data")
    return best[1], f"'{phrase}' names no country: nearest neighbour {best[1]} assumed"


@lru_cache(maxsize=4096)
def _nearest_on_border(lat: float, lon: float, iso: str) -> geodesy.NearestPoint:
    """Shortest geodesic distance from (lat, lon) to a country's polygon (cached: the same
    towns recur across a corpus)."""
    return geodesy.nearest_point(lat, lon, features.country_geometry(iso))


def border_distance_km(lat: float, lon: float, iso_a3: str) -> float:
    """Shortest geodesic distance in km from (lat, lon) to the border of the country
    ``iso_a3`` (its polygon's edge; cached per place and country)."""
    return _nearest_on_border(lat, lon, iso_a3).distance_km


@lru_cache(maxsize=4096)
def _along_to_border(lat: float, lon: float, bearing: float, iso: str) -> float | None:
    """Distance (km) from (lat, lon) along ``bearing`` to the country's polygon (cached)."""
    return geodesy.distance_along_bearing_km(lat, lon, bearing, features.country_geometry(iso),
                                             max_km=BORDER_SEARCH_MAX_KM)


@lru_cache(maxsize=4096)
def _nearest_on_river(lat: float, lon: float, name: str
                      ) -> tuple[str, geodesy.NearestPoint] | None:
    """(Natural Earth name, nearest point) of the river ``name`` means, seen from (lat, lon);
    None when the data has no such river (cached like the border distances: the same places
    recur on the same rivers across a corpus)."""
    found = features.find_river(name)
    if found is None:
        return None
    data_name, geometry = found
    return data_name, geodesy.nearest_point(lat, lon, geometry)


def clear_place_caches() -> None:
    """Forget the cached per-place measurements (border and river distances), as at start-up:
    for benchmarks that must see every place for the first time."""
    for cached in (_nearest_on_border, _along_to_border, _nearest_on_river):
        cached.cache_clear()


def _check_unit_border(claim: Claim, lat: float, lon: float) -> Verdict:
    """"15 km from the border with Dnipropetrovsk Oblast", "30 km from the Donetsk region":
    the shortest distance to the oblast's polygon (to its edge from inside), with the rounding
    and road tolerance widened by :data:`REGION_EDGE_TOLERANCE_KM` for the simplified outline.
    A raion has no polygon in the data; a direction to a unit's border is not judged."""
    ref = claim.reference
    if ref.kind == MentionKind.RAION:
        raise _Unverifiable(f"'{claim.reference_feature or ref.text}' is a raion's border; "
                            "only oblast outlines are in the data")
    outlines = [(code, features.oblast_geometry(code)) for code in _unit_codes(ref, 1)]
    outlines = [(code, geometry) for code, geometry in outlines if geometry is not None]
    if not outlines:
        raise _Unverifiable(f"no outline for '{ref.text}' oblast")
    near, code = min(((geodesy.nearest_point(lat, lon, geometry), code)
                      for code, geometry in outlines), key=lambda pair: pair[0].distance_km)
    shortest = near.distance_km
    name, unit = _name(claim.subject), f"{ref.text} oblast"
    head = (f"{name}→border of {unit} (simplified outline): shortest {_fmt(shortest)} km at "
            f"bearing {near.bearing_deg:.0f}° ({geodesy.compass_point(near.bearing_deg, 16)})"
            + (f" ({name} lies inside {unit})" if near.inside else ""))
    if claim.distance is None:
        raise _Unverifiable(f"{head}; the text states no distance to check")
    low, high = distance_bounds(shortest)
    straight = distance_bounds(shortest, road=False)[1] + REGION_EDGE_TOLERANCE_KM
    distance, extra = _distance_part(claim.distance, shortest, "shortest",
                                     max(0.0, low - REGION_EDGE_TOLERANCE_KM),
                                     high + REGION_EDGE_TOLERANCE_KM, straight)
    extra.update({"admin1_code": code, "inside": near.inside, "nearest_lat": near.lat,
                  "nearest_lon": near.lon})
    direction = None
    if claim.direction_deg is not None:
        direction = _Part(Status.UNVERIFIABLE, "the direction to an oblast's border is not "
                                               "judged")
    tolerance = (f"{_tolerance_words(claim.distance)}, ± {REGION_EDGE_TOLERANCE_KM:g} km "
                 f"(simplified oblast outline)")
    return _verdict(claim, head, (distance, direction, _units_part(claim.distance)), shortest,
                    near.bearing_deg, tolerance, extra)


def _check_border(claim: Claim) -> Verdict:
    lat, lon = _point_of(claim.subject, "subject", claim)
    if claim.reference is not None and claim.reference.kind in (MentionKind.OBLAST,
                                                                MentionKind.RAION):
        return _check_unit_border(claim, lat, lon)
    iso, how = _border_iso(claim, lat, lon)
    geometry = features.country_geometry(iso)
    if geometry is None:
        raise _Unverifiable(f"no border geometry for {iso}")
    near = _nearest_on_border(lat, lon, iso)
    shortest = near.distance_km
    country = features.country_name(iso)
    along = along_bearing = None
    if claim.direction_deg is not None and not near.inside:
        along_bearing = (claim.direction_deg + 180.0) % 360.0
        along = _along_to_border(lat, lon, along_bearing, iso)
    extra = {"country": iso, "shortest_km": shortest, "shortest_bearing_deg": near.bearing_deg,
             "nearest_lat": near.lat, "nearest_lon": near.lon, "inside": near.inside,
             "along_km": along, "along_bearing_deg": along_bearing}
    name = _name(claim.subject)
    head = (f"{name}→{country}: shortest {_fmt(shortest)} km at bearing "
            f"{near.bearing_deg:.0f}° ({geodesy.compass_point(near.bearing_deg, 16)})")
    if along_bearing is not None:
        head += (f", along {along_bearing:.0f}° ({geodesy.compass_point(along_bearing, 16)}) "
                 + (f"{_fmt(along)} km" if along is not None else "no border within "
                    f"{BORDER_SEARCH_MAX_KM:g} km"))
    if near.inside:
        head += f" ({name} lies inside {country})"
    distance = direction = units = None
    tolerance = []
    if claim.distance is not None:
        low = distance_bounds(shortest)[0]
        high = max(shortest, along or 0.0) * MAX_ROAD_FACTOR + ABS_TOLERANCE_KM
        straight = max(shortest, along or 0.0) * (1 + ROUNDING_TOLERANCE) + ABS_TOLERANCE_KM
        distance, more = _distance_part(claim.distance, shortest, "shortest", low, high,
                                        straight)
        extra.update(more)
        units = _units_part(claim.distance)
        tolerance.append(f"distance within [shortest×{1 - ROUNDING_TOLERANCE:g} − "
                         f"{ABS_TOLERANCE_KM:g} km, max(shortest, along)×{MAX_ROAD_FACTOR:g} + "
                         f"{ABS_TOLERANCE_KM:g} km]")
    if along_bearing is not None:
        limit = BORDER_ALONG_MAX_RATIO * shortest + ABS_TOLERANCE_KM
        ok = along is not None and along <= limit
        side = geodesy.compass_point(along_bearing, 16)
        direction = _Part(Status.CONSISTENT if ok else Status.INCONSISTENT,
                          f"the border {'lies' if ok else 'does not lie'} {side} of {name} "
                          f"(along {'≤' if ok else '>'} {BORDER_ALONG_MAX_RATIO:g}× shortest + "
                          f"{ABS_TOLERANCE_KM:g} km = {_fmt(limit)} km)")
        tolerance.append(f"direction: along ≤ {BORDER_ALONG_MAX_RATIO:g}× shortest")
    if distance is None and direction is None:
        raise _Unverifiable("the border claim states neither a distance nor a direction")
    parts = (distance, direction, units)
    if how:
        head += f" [{how}]"
    return _verdict(claim, head, parts, shortest, near.bearing_deg, "; ".join(tolerance), extra)


def _frontline_status(lat: float, lon: float, date: dt.date):
    """Front-line status of a point on a date (hook: tests and other sources may replace it).

    Returns an object with ``distance_to_contact_km``, ``occupied``, ``snapshot_date``,
    ``after_last`` and ``contact_bearing_deg``, as :meth:`geo.frontline.FrontlineArchive.status`.
    """
    from geo.frontline import load_frontline

    return load_frontline().status(lat, lon, date)


def _check_frontline(claim: Claim, report_date: dt.date | None) -> Verdict:
    lat, lon = _point_of(claim.subject, "subject", claim)
    if report_date is None:
        raise _Unverifiable("no report date: the front line moves, so a distance to it can "
                            "only be checked for a given day")
    try:
        status = _frontline_status(lat, lon, report_date)
    except FrontlineError as exc:  # before the first map, or the archive is missing
        raise _Unverifiable(f"no front-line map for {report_date}: {exc}") from exc
    except (ImportError, OSError) as exc:
        raise _Unverifiable(f"front-line data unavailable: {exc}") from exc
    measured = float(status.distance_to_contact_km)
    name = _name(claim.subject)
    head = (f"{name} {_fmt(measured)} km from the line of contact on the map of "
            f"{status.snapshot_date}")
    if getattr(status, "after_last", False):
        head += f" (the newest map; the report is of {report_date})"
    if status.occupied:
        head += f", {name} inside the occupied area"
    extra = {"snapshot_date": status.snapshot_date, "occupied": bool(status.occupied),
             "contact_bearing_deg": status.contact_bearing_deg}
    distance = direction = units = None
    tolerance = []
    if claim.distance is not None:
        low = max(0.0, distance_bounds(measured)[0] - FRONTLINE_GREY_ZONE_KM)
        high = distance_bounds(measured, road=False)[1]
        distance, more = _distance_part(claim.distance, measured, "map", low, high, high)
        extra.update(more)
        units = _units_part(claim.distance)
        tolerance.append(f"distance within [measured×{1 - ROUNDING_TOLERANCE:g} − "
                         f"{ABS_TOLERANCE_KM:g} − {FRONTLINE_GREY_ZONE_KM:g} km (grey zone), "
                         f"measured×{1 + ROUNDING_TOLERANCE:g} + {ABS_TOLERANCE_KM:g} km]")
    if claim.direction_deg is not None and measured >= DIRECTION_MIN_DISTANCE_KM:
        # "10 km west of the front line": the line lies east of the place
        expected = (claim.direction_deg + 180.0) % 360.0
        direction, more = _direction_part(geodesy.compass_point(expected, 32), expected,
                                          float(status.contact_bearing_deg),
                                          "front line at")
        direction.words = f"place {claim.direction} of the front: " + direction.words
        extra.update(more)
    if distance is None and direction is None:
        raise _Unverifiable("the front-line claim states neither a distance nor a direction")
    parts = (distance, direction, units)
    return _verdict(claim, head, parts, measured, float(status.contact_bearing_deg),
                    "; ".join(tolerance), extra)


def _check_coast(claim: Claim) -> Verdict:
    lat, lon = _point_of(claim.subject, "subject", claim)
    sea = features.sea_name(claim.reference_feature)
    coast = features.coastline(sea)
    if coast is None or coast.is_empty:
        raise _Unverifiable(f"no coastline geometry for {claim.reference_feature or 'the sea'}")
    near = geodesy.nearest_point(lat, lon, coast)
    measured = near.distance_km
    head = (f"{_name(claim.subject)}→{sea or 'the coast'} (Natural Earth shore): shortest "
            f"{_fmt(measured)} km at bearing {near.bearing_deg:.0f}° "
            f"({geodesy.compass_point(near.bearing_deg, 16)})")
    extra = {"sea": sea, "nearest_lat": near.lat, "nearest_lon": near.lon}
    distance = direction = units = None
    if claim.distance is not None:
        distance, more = _distance_part(claim.distance, measured, "shortest")
        extra.update(more)
        units = _units_part(claim.distance)
    if claim.direction_deg is not None and measured >= DIRECTION_MIN_DISTANCE_KM:
        from_sea = (near.bearing_deg + 180.0) % 360.0
        direction, more = _direction_part(claim.direction, claim.direction_deg, from_sea,
                                          "bearing from the nearest shore")
        extra.update(more)
    parts = (distance, direction, units)
    if all(part is None for part in parts):
        raise _Unverifiable(f"{head}; the text states no figure or direction to check")
    tolerance = _tolerance_words(claim.distance) if claim.distance else _ROAD_TOLERANCE_WORDS
    return _verdict(claim, head, parts, measured, near.bearing_deg, tolerance, extra)


def _check_river(claim: Claim) -> Verdict:
    lat, lon = _point_of(claim.subject, "subject", claim)
    name = claim.reference_feature or (claim.reference.text if claim.reference else "")
    if not name:
        raise _Unverifiable("no river named")
    found = _nearest_on_river(lat, lon, name)
    if found is None and claim.reference is not None:
        found = _nearest_on_river(lat, lon, claim.reference.text)
    if found is None:
        raise _Unverifiable(f"no geometry for river {name}")
    data_name, near = found
    measured = near.distance_km
    place = _name(claim.subject)
    head = f"{place}→{data_name} (Natural Earth) {_fmt(measured)} km"
    extra = {"river": data_name, "nearest_lat": near.lat, "nearest_lon": near.lon}
    distance = direction = units = None
    if claim.distance is not None:
        distance, more = _distance_part(claim.distance, measured, "nearest")
        extra.update(more)
        units = _units_part(claim.distance)
        tolerance = _tolerance_words(claim.distance)
    else:
        subject_place = claim.subject.place
        extent = town_radius_km(subject_place.population if subject_place is not None else 0)
        limit = RIVER_MAX_KM + extent
        ok = measured <= limit
        town = f" ({RIVER_MAX_KM:g} + {extent:.1f} km for the town's extent)" \
            if extent >= 0.5 else ""
        distance = _Part(Status.CONSISTENT if ok else Status.INCONSISTENT,
                         f"{'within' if ok else 'beyond'} {limit:.1f} km of the river{town}")
        tolerance = f"on the river: within {limit:.1f} km of its centre line{town}"
    if claim.direction_deg is not None and measured >= DIRECTION_MIN_DISTANCE_KM:
        from_river = (near.bearing_deg + 180.0) % 360.0
        direction, more = _direction_part(claim.direction, claim.direction_deg, from_river,
                                          "bearing from the river")
        extra.update(more)
    bank = _bank_part(claim, lat, lon, name, near)
    parts = (distance, direction, units) if bank is None else (distance, direction, units, bank)
    return _verdict(claim, head, parts, measured, near.bearing_deg, tolerance, extra)


def _bank_part(claim: Claim, lat: float, lon: float, river: str,
               near: geodesy.NearestPoint) -> _Part | None:
    """The bank the claim's words name ("on the left bank of the Dnipro"), judged; None when
    they name none. Left and right are as one faces downstream (the flow worked out by
    :func:`geo.features.river_course`); a compass bank ("the western bank") is the half-plane
    that way from the river. A place within its built-up radius plus BANK_MARGIN_KM of the
    centre line is on neither bank for sure: that part is unverifiable."""
    found = _BANK_RE.search(claim.text)
    if found is None:
        return None
    word = (found.group("side") or found.group("side_after")).lower()
    stated = "left" if word.startswith(_LEFT_WORDS) else next(
        (side for side in _COMPASS_BANKS if word.startswith(side)), "right")
    place = claim.subject.place
    extent = town_radius_km(place.population if place is not None else 0)
    if near.distance_km <= extent + BANK_MARGIN_KM:
        return _Part(Status.UNVERIFIABLE, f"which bank cannot be told: {_fmt(near.distance_km)} "
                                          f"km from the centre line, within the place's extent")
    if stated in _COMPASS_BANKS:
        from_river = (near.bearing_deg + 180.0) % 360.0
        off = abs((from_river - _COMPASS_BANKS[stated] + 180.0) % 360.0 - 180.0)
        ok = off < 90.0
        return _Part(Status.CONSISTENT if ok else Status.INCONSISTENT,
                     f"{'on' if ok else 'not on'} the {stated}ern bank: it lies "
                     f"{geodesy.compass_point(from_river, 8)} of the river")
    course = features.river_course(river)
    if course is None:
        return _Part(Status.UNVERIFIABLE, "which bank cannot be told: the river's course is "
                                          "not in the data")
    here = shapely.Point(lon, lat)
    line = min(course[1], key=here.distance)
    side = "left" if geodesy.side_of_line(lat, lon, line) > 0 else "right"
    return _Part(Status.CONSISTENT if side == stated else Status.INCONSISTENT,
                 f"on the {side} bank (facing downstream), "
                 f"{'as stated' if side == stated else f'not the {stated}'}")


def _oblast_name(code: str, fallback: str) -> str:
    """The shipped outline's name of oblast ``code`` ("Donetska Oblast"), else
    "``fallback`` oblast"."""
    frame = features.load_oblasts()
    names = frame.loc[frame["admin1_code"] == code, "name"]
    return str(names.iloc[0]) if len(names) else f"{fallback} oblast"


def _unit_codes(mention: Mention, level: int) -> list[str]:
    if mention.admin_code:
        return [mention.admin_code]
    try:
        from geo.gazetteer import load_gazetteer

        return [u.code for u in load_gazetteer().admin_units(mention.text, level=level)]
    except Exception:  # gazetteer unavailable: no code, the check says so
        return []


def _check_region(claim: Claim) -> Verdict:
    lat, lon = _point_of(claim.subject, "subject", claim)
    ref = claim.reference
    if ref is None:
        raise _Unverifiable("no region named")
    place = claim.subject.place
    name = _name(claim.subject)
    if ref.kind == MentionKind.RAION:
        codes = _unit_codes(ref, 2)
        if not codes:
            raise _Unverifiable(f"'{ref.text}' is no raion of the gazetteer (a pre-2020 raion?)")
        if not place.admin2_code:
            raise _Unverifiable(f"the gazetteer gives no raion for {name}")
        ok = place.admin2_code in codes
        words = (f"GeoNames puts {name} in {place.admin2 or place.admin2_code}"
                 + ("" if ok else f", not in '{ref.text}' raion (GeoNames uses the 2020 "
                                  "raions; a text naming a pre-2020 raion can differ)"))
        status = Status.CONSISTENT if ok else Status.INCONSISTENT
        return Verdict(claim=claim, status=status, explanation=_explain(words, (), claim),
                       tolerance="raion code of the gazetteer (post-2020 raions)",
                       extra={"admin2_code": place.admin2_code, "raion_codes": codes})
    codes = _unit_codes(ref, 1)
    if not codes:
        raise _Unverifiable(f"'{ref.text}' is no oblast of the data")
    geometries = [(code, features.oblast_geometry(code)) for code in codes]
    geometries = [(c, g) for c, g in geometries if g is not None]
    if not geometries:
        ok = place.admin1_code in codes
        words = (f"no polygon for oblast {codes[0]}; GeoNames puts {name} in "
                 f"{place.admin1 or place.admin1_code}")
        return Verdict(claim=claim, status=Status.CONSISTENT if ok else Status.INCONSISTENT,
                       explanation=_explain(words, (), claim), tolerance="admin1 code",
                       extra={"admin1_code": place.admin1_code})
    point = shapely.Point(lon, lat)
    best = None
    for code, geometry in geometries:
        if geometry.covers(point):
            best = (0.0, code)
            break
        d = geodesy.nearest_point(lat, lon, geometry).distance_km
        if best is None or d < best[0]:
            best = (d, code)
    outside_km, code = best
    # the text's own word when it is a name ("Donetsk oblast"), the data's for an adjective
    # in a case form ("w obwodzie donieckim": Donetska Oblast)
    unit = f"{ref.text} oblast" if ref.text[:1].isupper() else _oblast_name(code, ref.text)
    tolerance = f"inside the oblast polygon, or within {REGION_EDGE_TOLERANCE_KM:g} km of it"
    extra = {"admin1_code": code, "outside_km": outside_km,
             "gazetteer_admin1": place.admin1}
    if outside_km == 0.0:
        status, words = Status.CONSISTENT, f"{name} lies inside {unit}"
    elif outside_km <= REGION_EDGE_TOLERANCE_KM:
        status, words = (Status.CONSISTENT, f"{name} lies {_fmt(outside_km)} km outside "
                         f"{unit}'s simplified outline, within {REGION_EDGE_TOLERANCE_KM:g} km")
    else:
        status, words = (Status.INCONSISTENT, f"{name} lies {_fmt(outside_km)} km outside "
                         f"{unit} (GeoNames: {place.admin1 or place.admin1_code})")
    return Verdict(claim=claim, status=status, explanation=_explain(words, (), claim),
                   measured_km=outside_km, tolerance=tolerance, extra=extra)


# --------------------------------------------------------------------------------------------
# Public API


def check_claim(claim: Claim, *, report_date: dt.date | None = None) -> Verdict:
    """The verdict on one claim; ``report_date`` is needed for front-line claims.

    Never raises: a claim that cannot be measured (no subject, unresolved place, unknown river,
    no front-line map for the date, unreadable figure) gets an UNVERIFIABLE verdict whose
    explanation says why.
    """
    try:
        if not isinstance(claim, Claim):
            raise _Unverifiable(f"not a claim: {type(claim).__name__}")
        if isinstance(report_date, dt.datetime):
            report_date = report_date.date()
        if claim.kind in (ClaimKind.DISTANCE, ClaimKind.DIRECTION):
            return _by_construction(_check_point(claim))
        if claim.kind == ClaimKind.BORDER_DISTANCE:
            return _by_construction(_check_border(claim))
        if claim.kind == ClaimKind.FRONTLINE_DISTANCE:
            return _check_frontline(claim, report_date)
        if claim.kind == ClaimKind.RIVER:
            return _by_construction(_check_river(claim))
        if claim.kind == ClaimKind.COAST_DISTANCE:
            return _check_coast(claim)
        if claim.kind == ClaimKind.REGION:
            return _check_region(claim)
        raise _Unverifiable(f"no check for claims of kind {claim.kind!r}")
    except _Unverifiable as exc:
        return Verdict(claim=claim, status=Status.UNVERIFIABLE, explanation=str(exc))
    except Exception as exc:  # never raise on a claim: report what went wrong instead
        log.exception("checking a claim failed")
        return Verdict(claim=claim, status=Status.UNVERIFIABLE,
                       explanation=f"could not be checked: {type(exc).__name__}: {exc}")


def _by_construction(verdict: Verdict) -> Verdict:
    """A consistent verdict on a claim that chose its own subject among namesakes (the
    subject's reason quotes it: "25 km S of Pokrovsk, as '...' implies") says so: the fit
    confirms which place is meant, not that the text measured it right."""
    claim, subject = verdict.claim, verdict.claim.subject
    if verdict.status is not Status.CONSISTENT or subject is None \
            or len(subject.candidates) < 2 or f"'{claim.text}'" not in subject.reason:
        return verdict
    return replace(verdict, explanation=(
        f"{verdict.explanation}; {_name(subject)} was chosen among {len(subject.candidates)} "
        f"places of that name as the one this claim fits, so the fit tells which place is "
        f"meant rather than confirming the figure"))


def check_claims(claims: Iterable[Claim], report_date: dt.date | None = None) -> list[Verdict]:
    """:func:`check_claim` for each claim, in order."""
    return [check_claim(claim, report_date=report_date) for claim in claims or ()]
