"""Wire datelines (geo.datelines): found at the start of any line, told from prose."""

from __future__ import annotations

import pytest

from geo.datelines import dateline_spans


def _found(text: str) -> list[str]:
    return [text[a:b] for a, b in dateline_spans(text)]


def test_a_dateline_opens_any_line():
    text = ("Overnight strikes\nKYIV, Nov 20 (Reuters) - Drones struck Lviv.\n\n"
            "  Odesa (Ukrinform) – Debris fell in the port.\nKHARKIV -- Missiles hit the city.")
    assert _found(text) == ["KYIV, Nov 20 (Reuters) - ", "  Odesa (Ukrinform) – ",
                            "KHARKIV -- "]


@pytest.mark.parametrize("text, expected", [
    ("Kyiv, 20 November (AFP) - Drones", ["Kyiv, 20 November (AFP) - "]),
    ("ZAPORIZHZHIA, Ukraine, Jan. 5, 2025 (UPI) -- A strike",
     ["ZAPORIZHZHIA, Ukraine, Jan. 5, 2025 (UPI) -- "]),
    ("Sumy, Sept 3 - Shelling", ["Sumy, Sept 3 - "]),
    # prose: no date, no news agency, no name in capitals
    ("Kupiansk - the town on the Oskil - was shelled.", []),
    ("Pokrovsk (Ukrainian: Покровськ) – a city in Donetsk oblast.", []),
    ("Kupiansk (Kupyansk) – a city on the Oskil.", []),
    ("A strike on Kyiv - the third this week - killed two.", []),
    ("", []),
])
def test_datelines_are_told_from_prose(text, expected):
    assert _found(text) == expected
