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


# --------------------------------------------------------------------------- geodesy and units

LATS = st.floats(min_value=-85.0, max_value=85.0, allow_nan=False)
LONS = st.floats(min_value=-180.0, max_value=180.0, allow_nan=False)


@settings(max_examples=200, deadline=None)
@given(LATS, LONS)
def test_distance_to_itself_is_zero(lat, lon):
    from geo.geodesy import distance_km

    assert distance_km(lat, lon, lat, lon) == pytest.approx(0.0, abs=1e-9)


@settings(max_examples=300, deadline=None)
@given(LATS, LONS, LATS, LONS, LATS, LONS)
def test_triangle_inequality(lat1, lon1, lat2, lon2, lat3, lon3):
    from geo.geodesy import distance_km

    direct = distance_km(lat1, lon1, lat3, lon3)
    via = distance_km(lat1, lon1, lat2, lon2) + distance_km(lat2, lon2, lat3, lon3)
    assert direct <= via + 1e-6  # geodesics are shortest paths (1 mm for rounding)


@settings(max_examples=300, deadline=None)
@given(st.floats(min_value=0.0, max_value=1e7, allow_nan=False))
def test_km_miles_round_trip(km):
    from geo.geodesy import km_to_miles, miles_to_km

    assert miles_to_km(km_to_miles(km)) == pytest.approx(km, rel=1e-12, abs=1e-12)
    assert km_to_miles(km) <= km  # a mile is longer than a kilometre


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_skeleton_key_is_idempotent_on_keys(name):
    once = name_key(name)
    assert name_key(once) == once
    assert skeleton_key(once) == skeleton_key(name)


# --------------------------------------------------------------------------- exports

#: GeoNames ids of places to hang events on (None: an event whose place is unresolved).
EVENT_PLACES = st.sampled_from([703656, 706483, 704422, 9112507, 2660646, None])
FREE_TEXT = st.text(max_size=80)


@st.composite
def arbitrary_analysis(draw, gazetteer):
    from geo.models import Analysis, Event, EventKind, Mention, MentionKind, Precision, Report

    events = []
    for _ in range(draw(st.integers(min_value=0, max_value=6))):
        gid = draw(EVENT_PLACES)
        place = gazetteer.get(gid) if gid else None
        start = draw(st.integers(min_value=0, max_value=10_000))
        surface = draw(st.text(min_size=1, max_size=30))
        mention = Mention(surface, start, start + len(surface), MentionKind.SETTLEMENT,
                          (place,) if place else (), place, 0.9 if place else 0.0,
                          draw(FREE_TEXT))
        events.append(Event(
            kind=draw(st.sampled_from(list(EventKind))), mention=mention,
            evidence=draw(FREE_TEXT), start=start, end=start + len(surface),
            date=draw(st.none() | st.dates()), actor=draw(FREE_TEXT),
            claimed_by=draw(FREE_TEXT), denied_by=draw(FREE_TEXT), denial=draw(FREE_TEXT),
            precision=draw(st.sampled_from(list(Precision))), when=draw(FREE_TEXT)))
    report = Report(text=draw(FREE_TEXT), date=draw(st.none() | st.dates()),
                    title=draw(FREE_TEXT), source=draw(FREE_TEXT))
    return Analysis(report, events=tuple(events))


@pytest.mark.parametrize("fmt", ["geojson", "parquet", "csv"])
def test_exports_round_trip_for_arbitrary_events(gazetteer, tmp_path, fmt):
    from geo.exports import to_geodataframe
    from tests.test_exports import FORMATS, assert_same

    writer, read = FORMATS[fmt]

    @settings(max_examples=40, deadline=None)
    @given(analysis=arbitrary_analysis(gazetteer))
    def round_trip(analysis):
        gdf = to_geodataframe([analysis], "events")
        assert len(gdf) == len(analysis.events)  # nothing dropped, located or not
        assert_same(read(writer(gdf, tmp_path / f"events.{fmt}")), gdf)

    round_trip()


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=20), start=st.integers(0, 10**6), length=st.integers(0, 50),
       kind=st.sampled_from(["settlement", "oblast", "raion", "river", "country"]),
       reason=st.text(max_size=10), code=st.text(max_size=5))
def test_the_finders_fast_mention_is_the_dataclasss_mention(text, start, length, kind, reason,
                                                           code):
    import dataclasses
    import pickle

    from geo.models import Mention, MentionKind

    fields = dict(text=text, start=start, end=start + length, kind=MentionKind(kind),
                  reason=reason, admin_code=code)
    fast, slow = Mention.found(**fields), Mention(**fields)
    assert fast == slow and hash(fast) == hash(slow)
    assert dataclasses.asdict(fast) == dataclasses.asdict(slow)
    assert pickle.loads(pickle.dumps(fast)) == slow
    chosen = fast.choose(None, 0.5, "why")
    assert chosen == dataclasses.replace(slow, confidence=0.5, reason="why")
