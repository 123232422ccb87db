"""Shared fixtures: the shipped gazetteer and geocoder, loaded once per test session."""

from __future__ import annotations

import pytest

from geo.gazetteer import load_gazetteer
from geo.geocoder import OfflineGeocoder


@pytest.fixture(scope="session")
def gazetteer():
    return load_gazetteer()


@pytest.fixture(scope="session")
def geocoder(gazetteer):
    return OfflineGeocoder(gazetteer)
