"""An independent distance for tests: the haversine on the mean-radius sphere, written out
here rather than taken from pyproj, so a test compares two different computations."""

from __future__ import annotations

import math

MEAN_RADIUS_KM = 6371.0088  # IUGG mean radius R1


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two (lat, lon) points in degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * MEAN_RADIUS_KM * math.asin(math.sqrt(h))


def initial_bearing_deg(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Initial great-circle bearing in degrees clockwise from north, from point 1 to point 2
    (lat, lon in degrees), on the sphere: within a fraction of a degree of the ellipsoid's
    over the tens of km a test needs."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dlmb = math.radians(lon2 - lon1)
    y = math.sin(dlmb) * math.cos(phi2)
    x = math.cos(phi1) * math.sin(phi2) - math.sin(phi1) * math.cos(phi2) * math.cos(dlmb)
    return math.degrees(math.atan2(y, x)) % 360
