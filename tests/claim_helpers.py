"""Helpers for the claim parser's tests (no tests here)."""

from __future__ import annotations

from geo.claims import parse_claims
from geo.models import Claim, Mention


def one_claim(text: str, mentions: list[Mention]) -> Claim:
    """The one claim ``parse_claims`` finds in ``text``; fails if it finds none or several."""
    claims = parse_claims(text, mentions)
    assert len(claims) == 1, claims
    return claims[0]
