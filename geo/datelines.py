"""Wire datelines: "KYIV, Nov 20 (Reuters) - ", "Kyiv, Ukraine (AP) — ", "KHARKIV -- ".

A dateline names the place a story was filed from, not where its events happened nor what its
claims are about: events and claims take no place of one for their own (an event may still
point back to it: "the city" right after "KHERSON (AP) -").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)")
_WORD = r"[^\W\d_][\w'’.-]*"
#: News agencies whose name in parentheses makes a dateline of a name before a dash ("Kyiv
#: (AP) —"); other words there are a name's alternatives ("Kupiansk (Kupyansk) – a city").
NEWS_AGENCIES = frozenset((
    "reuters", "ap", "afp", "dpa", "upi", "xinhua", "anadolu", "efe", "ansa", "pap", "kyodo",
    "yonhap", "bloomberg", "cnn", "bbc", "tass", "ria", "ria novosti", "interfax",
    "interfax-ukraine", "ukrinform", "unian", "rfe/rl", "kyiv independent",
    "the kyiv independent", "ukrainska pravda", "suspilne", "укрінформ", "уніан", "тасс",
    "интерфакс", "інтерфакс-україна", "риа новости"))
#: At a paragraph's start: a name, an optional region or country, an optional date, an optional
#: agency in parentheses, then a dash. A dateline only with a date, a news agency or the name in
#: capitals ("Kupiansk - the town on the Oskil -", "Pokrovsk (Ukrainian: Покровськ) – a city"
#: are prose).
_DATELINE = re.compile(
    rf"[ \t]*(?P<place>{_WORD}(?:[ \t]+{_WORD}){{0,3}}?)"
    rf"(?:,[ \t]+{_WORD}(?:[ \t]+{_WORD}){{0,2}}?)??"
    rf"(?:,?[ \t]+(?P<date>{_MONTH}[ \t]+\d{{1,2}}|\d{{1,2}}[ \t]+{_MONTH})"
    r"(?:,?[ \t]+\d{4})?)?"
    r"[ \t]*(?P<agency>\([^()\n]{2,40}\))?[ \t]*[-–—]{1,2}[ \t]")


#: What ends every dateline: a dash, then a space or tab.
_DASH_THEN_SPACE = re.compile(r"[-–—][ \t]")


@lru_cache(maxsize=4)
def dateline_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) character offsets of the datelines opening the paragraphs (lines) of
    ``text``, in text order; () when there is none. Cached: the claims and events of one
    report both ask."""
    if not _DASH_THEN_SPACE.search(text):
        return ()
    spans = []
    line = 0
    while line >= 0:  # tried at each line's start only: one match attempt per line
        match = _DATELINE.match(text, line)
        if match and (match.group("date") or match.group("place").isupper() or (
                match.group("agency") and match.group("agency")[1:-1].strip().lower()
                in NEWS_AGENCIES)):
            spans.append(match.span())
        line = text.find("\n", line)
        line = line + 1 if line >= 0 else -1
    return tuple(spans)


def in_spans(start: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether offset ``start`` lies in one of ``spans`` ((start, end) pairs, end excluded)."""
    return any(a <= start < b for a, b in spans)
