"""Place-to-place measurement: what ``frontline distance`` and the dashboard's checker show."""

from __future__ import annotations

from dataclasses import dataclass

from geo import geodesy
from geo.errors import UnknownPlaceError
from geo.gazetteer import Candidate, Place
from geo.geocoder import OfflineGeocoder


@dataclass(frozen=True)
class Resolved:
    """A query resolved to one place, with the other candidates it could have meant."""

    query: str
    place: Place
    reason: str
    alternatives: tuple[Place, ...] = ()

    @property
    def ambiguous(self) -> bool:
        return bool(self.alternatives)


@dataclass(frozen=True)
class PlaceDistance:
    """Geodesic distance and initial bearing from place ``a`` to place ``b`` (WGS84)."""

    a: Resolved
    b: Resolved
    distance_km: float
    bearing_deg: float

    @property
    def distance_mi(self) -> float:
        return geodesy.km_to_miles(self.distance_km)

    @property
    def compass8(self) -> str:
        return geodesy.compass_point(self.bearing_deg, 8)

    @property
    def compass16(self) -> str:
        return geodesy.compass_point(self.bearing_deg, 16)

    def to_dict(self) -> dict:
        """Plain JSON-ready form (stable keys)."""
        def place(r: Resolved) -> dict:
            return {"query": r.query, "geonameid": r.place.id, "name": r.place.name,
                    "lat": r.place.lat, "lon": r.place.lon, "admin1": r.place.admin1,
                    "admin2": r.place.admin2, "country_code": r.place.country_code,
                    "reason": r.reason, "ambiguous": r.ambiguous,
                    "alternatives": [{"geonameid": p.id, "name": p.name, "admin1": p.admin1,
                                      "country_code": p.country_code}
                                     for p in r.alternatives]}

        return {"from": place(self.a), "to": place(self.b),
                "distance_km": round(self.distance_km, 3),
                "distance_mi": round(self.distance_mi, 3),
                "bearing_deg": round(self.bearing_deg, 1),
                "compass8": self.compass8, "compass16": self.compass16}


def resolve(query: str, geocoder: OfflineGeocoder, choose: int | None = None) -> Resolved:
    """Resolve a query to one place; ``choose`` (a GeoNames id) overrides the ranking.

    Raises :class:`UnknownPlaceError` when nothing matches, naming the query.
    """
    cands, _ = geocoder.candidates(query)
    if not cands:
        raise UnknownPlaceError(f"no place called {query!r} in the gazetteer")
    chosen: Candidate = cands[0]
    if choose is not None:
        picked = [c for c in cands if c.place.id == choose]
        if not picked:
            raise UnknownPlaceError(f"GeoNames id {choose} is not a candidate for {query!r}")
        chosen = picked[0]
    location = geocoder.geocode(query) if choose is None else None
    reason = location.raw["reason"] if location is not None else "chosen by the user"
    # Namesakes a reader could mistake it for: other populated places (an oblast named after
    # its seat is no rival to the seat).
    others = tuple(c.place for c in cands
                   if c.place.id != chosen.place.id and c.place.is_populated)
    return Resolved(query, chosen.place, reason, others)


def measure(query_a: str, query_b: str, geocoder: OfflineGeocoder | None = None, *,
            choose_a: int | None = None, choose_b: int | None = None) -> PlaceDistance:
    """Distance and bearing from the place named ``query_a`` to the one named ``query_b``."""
    geocoder = geocoder or OfflineGeocoder()
    a = resolve(query_a, geocoder, choose_a)
    b = resolve(query_b, geocoder, choose_b)
    leg = geodesy.inverse(a.place.lat, a.place.lon, b.place.lat, b.place.lon)
    return PlaceDistance(a, b, leg.distance_km, leg.bearing_deg)
