"""Property tests (hypothesis): the reader never raises and its offsets always index the text;
name keys are idempotent; claims and checks survive any text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.errors import BadInputError
from geo.reports import Reader, parse_report
from geo.text import name_key, skeleton_key

WORDS = st.sampled_from([
    "Kupiansk", "Kharkiv", "Pokrovsk", "Voznesenka", "Donetsk", "oblast", "region", "raion",
    "km", "kilometers", "miles", "(75 miles)", "east", "south-west", "of", "from", "the",
    "Russian", "border", "front", "line", "River", "Oskil", "said", "captured", "shelled",
    "Купянск", "Харків", "Бахмут", "1,20", "12000", "-5", "NaN", "10^9", "about", "nearly",
    "\u200b", "\u202e", "'s", "’", ".", ",", "\n", "<script>", "&", "15-20", "Mr", "Olena",
])
REPORT_TEXT = st.one_of(
    st.lists(WORDS, max_size=60).map(" ".join),
    st.text(max_size=400),
)


@pytest.fixture(scope="module")
def reader(gazetteer):
    return Reader(gazetteer)


@settings(max_examples=150, deadline=None, suppress_health_check=[
    HealthCheck.function_scoped_fixture])
@given(text=REPORT_TEXT)
def test_reader_never_raises_and_offsets_hold(reader, text):
    try:
        report = parse_report(text)
    except BadInputError as exc:
        assert str(exc)  # refused with a message: empty, binary, malformed header
        return
    analysis = reader.analyse(report)
    body = report.text
    for mention in analysis.mentions:
        assert body[mention.start:mention.end] == mention.text
    for claim in analysis.claims:
        assert body[claim.start:claim.end] == claim.text
    for event in analysis.events:
        assert body[event.start:event.end] == event.evidence
    assert all(v.explanation for v in analysis.verdicts)


@given(st.text(max_size=60))
def test_name_key_is_idempotent(name):
    key = name_key(name)
    assert name_key(key) == key
    assert skeleton_key(key) == skeleton_key(name)


def _general_key(name: str) -> str:
    """name_key without its ASCII fast path, to check the two agree."""
    from geo import text

    folded = text._SPACES.sub(" ", text._fold_latin(name))
    return " ".join(text._NON_KEY.sub("", folded).split())


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_ascii_fast_path_equals_the_general_key(name):
    assert name_key(name) == _general_key(name)
