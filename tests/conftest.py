"""Shared fixtures: the shipped gazetteer and geocoder, loaded once per test session, and a
maker of mentions for the claim parser's tests."""

from __future__ import annotations

import re

import pytest

from geo.gazetteer import load_gazetteer
from geo.geocoder import OfflineGeocoder
from geo.models import Mention, MentionKind


@pytest.fixture(scope="session")
def gazetteer():
    return load_gazetteer()


@pytest.fixture(scope="session")
def geocoder(gazetteer):
    return OfflineGeocoder(gazetteer)


@pytest.fixture(scope="session")
def mk(gazetteer):
    """mk(text, surface, gid=None, kind=..., nth=0, code="") -> Mention at the nth occurrence."""

    def make(text: str, surface: str, gid: int | None = None,
             kind: MentionKind = MentionKind.SETTLEMENT, nth: int = 0, code: str = "") -> Mention:
        starts = [m.start() for m in re.finditer(re.escape(surface), text)]
        start = starts[nth]
        place = gazetteer.get(gid) if gid else None
        return Mention(text=surface, start=start, end=start + len(surface), kind=kind,
                       candidates=(place,) if place else (), place=place,
                       confidence=1.0 if place else 0.0, reason="test", admin_code=code)

    return make
