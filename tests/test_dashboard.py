"""The dashboard's page logic: geo.dashboard called directly, and app.py run by Streamlit's
AppTest (which sees st_folium only as an unknown element: the map is tested in Chromium, in
test_dashboard_e2e.py)."""

from __future__ import annotations

import datetime as dt
import io
import json
import math
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Point

from geo import dashboard as dash
from geo.errors import BadInputError, FrontlineError
from geo.models import Status
from geo.reports import MAX_REPORT_BYTES, Reader

REPO = Path(__file__).resolve().parent.parent
APP = REPO / "app.py"
SEED = "000_014aeed3c577199d.txt"
KUPIANSK, VOZNESENKA, KHARKIV = 703656, 9112507, 706483
#: Another Voznesenka the user may pick: the one in Zaporizhzhia oblast, ~150 km from Pokrovsk.
VOZNESENKA_ZAPORIZHZHIA = 688865
POKROVSK_CLAIM = "south of the besieged town of Pokrovsk"
KHARKIV_CLAIM = "120 kilometers (75 miles) east of Kharkiv"
TIMEOUT = 180


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def reader(gazetteer) -> Reader:
    return Reader(gazetteer)


@pytest.fixture(scope="module")
def seed_analyses(reader) -> list:
    reports = dash.seed_reports([SEED], dash.SEEDS_DIR)
    loaded = dash.analyse_reports(reader, reports)
    assert loaded.errors == ()
    return list(loaded.analyses)


@pytest.fixture
def app(monkeypatch):
    """The dashboard after its first run, on the repository's seeds."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.delenv(dash.SEEDS_DIR_ENV, raising=False)
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def open_tab(at, label: str):
    """The tab called ``label``, opened (tabs are lazy: only the open one has content)."""
    if at.session_state["table_tab"] != label:
        at.session_state["table_tab"] = label
        at.run()
        assert not at.exception
    return next(t for t in at.tabs if t.label == label)


def table(at, label: str) -> pd.DataFrame:
    """The dataframe shown in the tab called ``label``."""
    frames = open_tab(at, label).dataframe
    assert len(frames) == 1, f"{label}: {len(frames)} tables"
    return frames[0].value


def claim_row(claims: pd.DataFrame, text: str) -> pd.Series:
    rows = claims[claims["claim"] == text]
    assert len(rows) == 1, (text, claims["claim"].tolist())
    return rows.iloc[0]


# --------------------------------------------------------------------------- AppTest


def test_default_page_shows_the_seed_places_claims_and_events(app):
    assert [e.value for e in app.error] == []
    assert [t.label for t in app.tabs] == ["Places", "Claims", "Events"]
    # Lazy tabs: only the open one's table is sent.
    assert [len(t.dataframe) for t in app.tabs] == [1, 0, 0]

    places = table(app, "Places")
    assert {"mention", "place", "geonameid", "oblast", "confidence", "reason"} <= set(places)
    kupiansk = places[places["geonameid"] == KUPIANSK]
    assert len(kupiansk) >= 5  # the seed names Kupiansk again and again
    assert set(kupiansk["place"]) == {"Kupyansk"} and set(kupiansk["mention"]) == {"Kupiansk"}
    assert set(kupiansk["oblast"]) == {"Kharkiv Oblast"}
    voznesenka = places[places["mention"] == "Voznesenka"]
    assert voznesenka["geonameid"].tolist() == [VOZNESENKA]
    assert voznesenka["oblast"].tolist() == ["Donetska Oblast"]
    assert "Pokrovsk" in voznesenka["reason"].iloc[0]

    claims = table(app, "Claims")
    assert len(claims) == 6
    assert set(claims["verdict"]) == {"consistent"}
    kharkiv = claim_row(claims, KHARKIV_CLAIM)
    assert kharkiv["kind"] == "distance" and kharkiv["subject"] == "Kupyansk"
    assert kharkiv["measured km"] == pytest.approx(102.5, abs=0.05)
    assert kharkiv["ratio"] == pytest.approx(1.17, abs=0.01)
    border = claim_row(claims, "45 kilometers south of the Russian border")
    assert border["measured km"] == pytest.approx(34.8, abs=0.05)
    assert border["reference"] == "the Russian border"
    pokrovsk = claim_row(claims, POKROVSK_CLAIM)
    assert pokrovsk["subject"] == "Voznesenka"
    assert pokrovsk["measured km"] == pytest.approx(25.1, abs=0.05)

    events = table(app, "Events")
    assert len(events) == 19
    capture = events[(events["kind"] == "capture_claim") & (events["place"] == "Voznesenka")]
    assert capture["claimed by"].tolist() == ["the Russian Defense Ministry"]
    assert (events["kind"] == "statement").sum() == 2


def test_default_page_has_filters_overrides_and_downloads(app):
    assert app.sidebar.multiselect(key="seeds").value == [SEED]
    kinds = app.sidebar.multiselect(key="kinds")
    assert "capture_claim" in kinds.value and kinds.value == kinds.options
    assert app.toggle(key="abroad").value is True
    assert app.selectbox(key="occupied_date").value == dt.date(2024, 11, 14)

    labels = [s.label for s in open_tab(app, "Places").selectbox
              if s.key.startswith("override-")]
    assert "'Voznesenka' (9 candidates)" in labels

    buttons = app.get("download_button")
    assert [b.label for b in buttons] == ["Map (offline HTML)", "Events (geojson)",
                                          "Events (parquet)", "Events (csv)"]
    # Made on click (deferred), not on every run of the page.
    assert all(b.proto.deferred_file_id for b in buttons)


def test_distance_checker_defaults_to_kharkiv_kupiansk(app):
    assert app.text_input(key="dist_a").value == "Kharkiv"
    assert app.text_input(key="dist_b").value == "Kupiansk"
    assert [m.value for m in app.metric] == ["102.5 km"]
    captions = " ".join(c.value for c in app.caption)
    assert f"GeoNames {KHARKIV}" in captions and f"GeoNames {KUPIANSK}" in captions
    assert "106.6°" in " ".join(str(m.value) for m in app.markdown)
    assert len(app.success) == 0 and len(app.warning) == 0  # no stated figure: no verdict


def test_distance_checker_names_an_unknown_place(app):
    app.text_input(key="dist_b").input("Xyzzyville").run()
    assert not app.exception
    errors = [e.value for e in app.error]
    assert len(errors) == 1 and "Xyzzyville" in errors[0]
    assert len(app.metric) == 0


def test_distance_checker_verdict_on_a_stated_distance_and_direction(app):
    app.number_input(key="dist_stated").set_value(120)
    app.text_input(key="dist_dir").input("E").run()
    assert [e.value for e in app.error] == []
    assert len(app.success) == 1
    verdict = app.success[0].value
    assert verdict.startswith("consistent:")
    assert "102.5 km" in verdict and "ratio 1.17" in verdict and "106.6°" in verdict

    app.number_input(key="dist_stated").set_value(300).run()
    assert len(app.success) == 0
    assert app.warning[0].value.startswith("inconsistent:")


def test_distance_checker_rejects_a_bad_direction(app):
    app.text_input(key="dist_dir").input("upwards").run()
    assert any("'upwards' is not a compass direction" in e.value for e in app.error)


def test_pasted_report_adds_its_places_and_events(app):
    text = ("Russian forces shelled Izium and Lyman on Monday, the governor said. "
            "<script>alert(1)</script>")
    app.text_area(key="pasted").input(text).run()
    assert not app.exception and [e.value for e in app.error] == []
    places = table(app, "Places")
    pasted = places[places["report"] == "pasted text"]
    assert set(pasted["place"]) == {"Izyum", "Lyman"}
    assert pasted["geonameid"].notna().all()
    assert len(places[places["geonameid"] == KUPIANSK]) >= 5  # the seed is still there
    events = table(app, "Events")
    new = events[events["place"].isin(["Izyum", "Lyman"])]
    assert set(new["kind"]) == {"strike"}
    # A claimant the page had not seen is shown, not silently filtered out.
    assert set(new["claimed by"]) <= set(app.sidebar.multiselect(key="claimants").value)
    assert set(new["evidence"]) == {
        "Russian forces shelled Izium and Lyman on Monday, the governor said."}


def test_pasted_text_that_is_binary_is_an_error(app):
    app.text_area(key="pasted").input("\x00\x01\x02\x03" * 10).run()
    assert not app.exception
    assert any("binary" in e.value for e in app.error)


def voznesenka_chooser(app):
    return next(s for s in open_tab(app, "Places").selectbox
                if s.label.startswith("'Voznesenka'"))


def candidate_ids(chooser) -> list[int]:
    """GeoNames ids of a chooser's options, read from their labels."""
    return [int(label.split("GeoNames ")[1].split(",")[0]) for label in chooser.options]


def test_overriding_voznesenka_changes_the_claim_table(app):
    before = claim_row(table(app, "Claims"), POKROVSK_CLAIM)
    assert before["measured km"] == pytest.approx(25.1, abs=0.05)
    assert before["verdict"] == "consistent"
    chooser = voznesenka_chooser(app)
    assert chooser.value.id == VOZNESENKA
    ids = candidate_ids(chooser)
    assert len(ids) == 9 and VOZNESENKA_ZAPORIZHZHIA in ids
    _, report_id, start = chooser.key.split("-")

    chooser.select_index(ids.index(VOZNESENKA_ZAPORIZHZHIA)).run()
    assert not app.exception
    # One run is enough: the choice is applied before the page is analysed again.
    claims = table(app, "Claims")
    after = claim_row(claims, POKROVSK_CLAIM)
    assert after["measured km"] == pytest.approx(203.1, abs=0.05)
    assert claim_row(claims, "in Donetsk oblast")["verdict"] == "inconsistent"
    places = table(app, "Places")
    assert places[places["mention"] == "Voznesenka"]["geonameid"].tolist() == [
        VOZNESENKA_ZAPORIZHZHIA]
    assert app.session_state["overrides"] == {(report_id, int(start)): VOZNESENKA_ZAPORIZHZHIA}
    assert voznesenka_chooser(app).value.id == VOZNESENKA_ZAPORIZHZHIA

    # And back to the reader's choice.
    voznesenka_chooser(app).select_index(ids.index(VOZNESENKA)).run()
    again = claim_row(table(app, "Claims"), POKROVSK_CLAIM)
    assert again["measured km"] == pytest.approx(25.1, abs=0.05)
    assert again["verdict"] == "consistent"


def test_hiding_abroad_events_drops_geneva(app):
    app.toggle(key="abroad").set_value(False).run()
    events = table(app, "Events")
    assert "Geneva" not in set(events["place"]) and "Budapest" not in set(events["place"])
    assert len(events) == 17
    assert "Geneva" not in set(table(app, "Places")["place"])


def test_filtering_by_kind_narrows_the_events_table(app):
    app.sidebar.multiselect(key="kinds").set_value(["capture_claim"]).run()
    events = table(app, "Events")
    assert set(events["kind"]) == {"capture_claim"}
    assert set(events["place"]) == {"Kupyansk", "Voznesenka"}


def test_no_report_chosen_shows_a_hint(app):
    app.sidebar.multiselect(key="seeds").set_value([]).run()
    assert not app.exception
    assert any("Choose a bundled report" in i.value for i in app.info)
    assert len(app.tabs) == 0


def test_seeds_folder_from_the_environment(monkeypatch, tmp_path):
    from streamlit.testing.v1 import AppTest

    record = {"text": "Ukrainian troops repelled an assault near Izium, the army said.",
              "date": "2024-10-01", "title": "From the env folder"}
    (tmp_path / "batch.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("ignored", encoding="utf-8")
    monkeypatch.setenv(dash.SEEDS_DIR_ENV, str(tmp_path))
    assert dash.current_seeds_dir() == tmp_path
    assert [p.name for p in dash.seed_files()] == ["batch.jsonl"]

    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.run()
    assert not at.exception and [e.value for e in at.error] == []
    assert at.sidebar.multiselect(key="seeds").value == ["batch.jsonl"]
    places = table(at, "Places")
    assert places["place"].tolist() == ["Izyum"]
    assert places["report"].tolist() == ["2024-10-01 From the env folder"]


# --------------------------------------------------------------------------- uploads


def test_reports_from_upload_reads_text_and_jsonl():
    [report] = dash.reports_from_upload("notes.txt", b"Shelling hit Izium.")
    assert report.text == "Shelling hit Izium." and report.source == "notes.txt"
    lines = b"\n".join(json.dumps({"text": f"Report {i} on Lyman.", "date": "2024-11-0"
                                           f"{i}"}).encode() for i in range(1, 4))
    reports = dash.reports_from_upload("../../etc/batch.jsonl", lines)
    assert [r.date for r in reports] == [dt.date(2024, 11, i) for i in range(1, 4)]
    assert reports[0].source == "batch.jsonl:1"  # the name only, never a path


@pytest.mark.parametrize(("name", "data", "message"), [
    ("big.txt", b"a" * (MAX_REPORT_BYTES + 1), "big.txt is 2.0 MB; the limit is 2 MB"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
     "image.txt is binary data"),
    ("latin1.md", "Kupi\u00e0nsk".encode("latin-1"), "latin1.md is not UTF-8 text"),
    ("script.exe", b"MZ\x90\x00", "script.exe: unsupported file type"),
    ("noext", b"text", "noext: unsupported file type"),
    ("bad.jsonl", b'{"text": "ok"}\n{not json', "bad.jsonl line 2 is not valid JSON"),
    ("empty.txt", b"   \n", "empty.txt is empty"),
    ("huge.jsonl", b" " * (dash.MAX_BATCH_UPLOAD_BYTES + 1), "the limit is 100 MB per JSONL"),
])
def test_reports_from_upload_refuses_bad_files(name, data, message):
    with pytest.raises(BadInputError) as excinfo:
        dash.reports_from_upload(name, data)
    assert message in str(excinfo.value)


def test_pasted_report_keeps_its_date():
    report = dash.pasted_report("Fighting near Lyman.", dt.date(2024, 11, 20))
    assert report.date == dt.date(2024, 11, 20) and report.source == "pasted text"
    undated = dash.pasted_report("Fighting near Lyman.")
    # Same text, other date: another analysis.
    assert undated.report_id == report.report_id
    assert dash.report_key(undated) != dash.report_key(report)
    with pytest.raises(BadInputError):
        dash.pasted_report("   ")


# --------------------------------------------------------------------------- geo.dashboard


def test_seed_files_and_unknown_seed():
    assert [p.name for p in dash.seed_files(dash.SEEDS_DIR)] == [SEED]
    with pytest.raises(BadInputError, match="no bundled report called 'nope.txt'"):
        dash.seed_reports(["nope.txt"], dash.SEEDS_DIR)


def test_analyse_reports_applies_overrides_and_reports_failures(reader, seed_analyses):
    report = seed_analyses[0].report
    voz = next(m for m in seed_analyses[0].mentions if m.text == "Voznesenka")
    loaded = dash.analyse_reports(reader, [report], {
        (report.report_id, voz.start): VOZNESENKA_ZAPORIZHZHIA})
    mention = next(m for m in loaded.analyses[0].mentions if m.start == voz.start)
    assert mention.place.id == VOZNESENKA_ZAPORIZHZHIA

    class Failing:
        def analyse(self, report, overrides=None):
            raise FrontlineError("gazetteer unavailable")

    failed = dash.analyse_reports(Failing(), [report])
    assert failed.analyses == ()
    assert failed.errors == (f"{report.source}: gazetteer unavailable",)


def test_event_kinds_claimants_and_dates(seed_analyses):
    assert dash.event_kinds(seed_analyses) == [
        "assault", "capture_claim", "control_affirmed", "entry_repelled", "evacuation",
        "statement", "withdrawal"]
    who = dash.claimants(seed_analyses)
    assert who[0] == "(unattributed)"
    assert {"the Russian Defense Ministry", "Ambassador Gennady Gatilov",
            "Ukrainian officials", "the Ukrainian Army"} <= set(who)
    assert dash.report_dates(seed_analyses) == [dt.date(2024, 11, 14)]


def _events(analyses) -> list:
    return [e for a in analyses for e in a.events]


def test_filter_analyses_by_kind(seed_analyses):
    shown = dash.filter_analyses(seed_analyses, dash.EventFilter(kinds=frozenset({
        "capture_claim"})))
    events = _events(shown)
    assert events and {e.kind.value for e in events} == {"capture_claim"}
    assert {e.place.id for e in events} == {KUPIANSK, VOZNESENKA}
    assert shown[0].mentions == seed_analyses[0].mentions  # places are not event-filtered
    assert shown[0].verdicts == seed_analyses[0].verdicts


def test_filter_analyses_by_claimant(seed_analyses):
    shown = dash.filter_analyses(seed_analyses, dash.EventFilter(claimants=frozenset({
        "the Russian Defense Ministry"})))
    events = _events(shown)
    assert [(e.kind.value, e.place.id) for e in events] == [("capture_claim", VOZNESENKA)]
    unattributed = _events(dash.filter_analyses(seed_analyses, dash.EventFilter(
        claimants=frozenset({"(unattributed)"}))))
    assert unattributed and all(e.claimed_by == "" for e in unattributed)


def test_filter_analyses_hides_abroad_events_and_places(seed_analyses):
    everything = _events(seed_analyses)
    geneva = [e for e in everything if e.place and e.place.name == "Geneva"]
    assert [(e.kind.value, e.claimed_by) for e in geneva] == [
        ("statement", "Ambassador Gennady Gatilov")]
    shown = dash.filter_analyses(seed_analyses, dash.EventFilter(show_abroad=False))
    events = _events(shown)
    assert len(events) == len(everything) - 2  # Geneva and Budapest
    assert all(e.place.country_code == "UA" for e in events)
    places = dash.places_frame(shown)
    assert not {"Geneva", "Budapest", "Moscow"} & set(places["place"])
    assert KUPIANSK in set(places["geonameid"])


def test_filter_analyses_by_date(seed_analyses):
    day = dt.date(2024, 11, 14)
    assert dash.filter_analyses(seed_analyses, dash.EventFilter(start=day, end=day)) != []
    assert dash.filter_analyses(seed_analyses, dash.EventFilter(
        start=day + dt.timedelta(days=1))) == []
    assert dash.filter_analyses(seed_analyses, dash.EventFilter(
        end=day - dt.timedelta(days=1))) == []


def test_places_frame(seed_analyses):
    places = dash.places_frame(seed_analyses)
    assert list(places.columns) == [
        "report", "mention", "kind", "place", "geonameid", "oblast", "raion", "lat", "lon",
        "confidence", "reason", "other candidates", "start", "report_id"]
    voz = places[places["mention"] == "Voznesenka"].iloc[0]
    assert voz["geonameid"] == VOZNESENKA and voz["raion"] == "Pokrovskyi Raion"
    assert voz["lat"] == pytest.approx(48.1, abs=0.2) and voz["lon"] == pytest.approx(37.2, abs=0.3)
    assert "688865" in voz["other candidates"]  # the user can see the alternatives
    assert voz["report_id"] == seed_analyses[0].report.report_id
    kup = places[places["geonameid"] == KUPIANSK].iloc[0]
    assert (kup["lat"], kup["lon"]) == pytest.approx((49.71003, 37.61581))
    assert 0.0 < kup["confidence"] <= 1.0
    assert "Country" not in set(places["kind"]) and "country" not in set(places["kind"])
    assert list(dash.places_frame([]).columns) == list(places.columns)


def test_claims_frame(seed_analyses):
    claims = dash.claims_frame(seed_analyses)
    assert list(claims.columns) == [
        "report", "claim", "kind", "subject", "reference", "stated", "direction",
        "measured km", "bearing", "ratio", "verdict", "explanation", "lat", "lon"]
    kharkiv = claim_row(claims, KHARKIV_CLAIM)
    assert kharkiv["stated"] == "120 kilometers (75 miles)" and kharkiv["direction"] == "E"
    assert kharkiv["reference"] == "Kharkiv" and kharkiv["measured km"] == 102.5
    assert kharkiv["bearing"] == 106.6 and kharkiv["verdict"] == "consistent"
    assert "75 mi = 120.7 km agrees with 120 km" in kharkiv["explanation"]
    pokrovsk = claim_row(claims, POKROVSK_CLAIM)
    assert (pokrovsk["kind"], pokrovsk["reference"]) == ("direction", "Pokrovsk")
    assert pokrovsk["measured km"] == 25.1 and pokrovsk["bearing"] == 166.5


def test_events_frame(seed_analyses):
    events = dash.events_frame(seed_analyses)
    assert list(events.columns) == [
        "date", "kind", "place", "geonameid", "actor", "claimed by", "denied by", "denial",
        "precision", "evidence", "lat", "lon"]
    assert len(events) == 19
    assert set(events["date"]) == {dt.date(2024, 11, 14)}
    capture = events[events["kind"] == "capture_claim"]
    row = capture[capture["place"] == "Voznesenka"].iloc[0]
    assert row["geonameid"] == VOZNESENKA and row["claimed by"] == "the Russian Defense Ministry"
    assert "Voznesenka" in row["evidence"]
    denied = events[events["denial"] != ""]
    assert len(denied) >= 1 and "not true" in " ".join(denied["denial"])


def test_selection_key_follows_what_the_map_shows(reader, seed_analyses):
    key = dash.selection_key(seed_analyses, None, True)
    assert key == dash.selection_key(list(seed_analyses), None, True)
    assert key != dash.selection_key(seed_analyses, dt.date(2024, 11, 14), True)
    filtered = dash.filter_analyses(seed_analyses, dash.EventFilter(show_abroad=False))
    assert key != dash.selection_key(filtered, None, True)
    report = seed_analyses[0].report
    voz = next(m for m in seed_analyses[0].mentions if m.text == "Voznesenka")
    moved = dash.analyse_reports(reader, [report], {
        (report.report_id, voz.start): VOZNESENKA_ZAPORIZHZHIA}).analyses
    assert key != dash.selection_key(moved, None, True)


def test_row_point():
    frame = pd.DataFrame({"lat": [48.5, None, math.nan], "lon": [37.5, 36.0, 35.0]})
    assert dash.row_point(frame, [0]) == (48.5, 37.5)
    assert dash.row_point(frame, [1]) is None and dash.row_point(frame, [2]) is None
    assert dash.row_point(frame, []) is None and dash.row_point(frame, [7]) is None


def test_keep_selection_selects_new_options_only():
    assert dash.keep_selection(["a", "b", "c"], ["a"], ["a", "b", "c", "d"]) == ["a", "d"]
    assert dash.keep_selection(["a", "b"], ["a", "b"], ["b"]) == ["b"]
    assert dash.keep_selection([], [], ["x", "y"]) == ["x", "y"]


def test_ambiguous_mentions_and_candidate_label(seed_analyses):
    ambiguous = dash.ambiguous_mentions(seed_analyses)
    names = [m.text for _, m in ambiguous]
    assert "Voznesenka" in names and "Kupiansk" not in names
    assert len(names) == len(set(names))  # first occurrence per name
    voz = next(m for _, m in ambiguous if m.text == "Voznesenka")
    assert dash.candidate_label(voz.place) == (
        "Voznesenka (Pokrovskyi Raion, Donetska Oblast; GeoNames 9112507, pop. 0)")


def test_check_distance_kharkiv_kupiansk():
    result, verdict = dash.check_distance("Kharkiv", "Kupiansk")
    assert verdict is None
    assert (result.a.place.id, result.b.place.id) == (KHARKIV, KUPIANSK)
    assert result.distance_km == pytest.approx(102.45, abs=0.01)
    assert result.bearing_deg == pytest.approx(106.6, abs=0.05)
    assert result.distance_mi == pytest.approx(63.66, abs=0.01)


def test_check_distance_stated_120_east_is_consistent():
    _, verdict = dash.check_distance("Kharkiv", "Kupiansk", stated_km=120, direction="E")
    assert verdict.status is Status.CONSISTENT
    assert verdict.measured_km == pytest.approx(102.45, abs=0.01)
    assert verdict.bearing_deg == pytest.approx(106.6, abs=0.05)
    assert verdict.ratio == pytest.approx(1.17, abs=0.005)
    assert verdict.claim.text == "Kupiansk is 120 km E of Kharkiv"


def test_check_distance_stated_300_is_inconsistent():
    _, verdict = dash.check_distance("Kharkiv", "Kupiansk", stated_km=300)
    assert verdict.status is Status.INCONSISTENT
    assert "stated 300 km" in verdict.explanation


def test_check_distance_direction_only():
    _, west = dash.check_distance("Kharkiv", "Kupiansk", direction="W")
    assert west.status is Status.INCONSISTENT
    _, ese = dash.check_distance("Kharkiv", "Kupiansk", direction="ESE")
    assert ese.status is Status.CONSISTENT


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"direction": "upwards"}, "'upwards' is not a compass direction"),
    ({"stated_km": 60_000}, "60000 km is not a distance on Earth"),
    ({"stated_km": -5}, "is not a distance on Earth"),
])
def test_check_distance_rejects_bad_input(kwargs, message):
    with pytest.raises(BadInputError, match=message):
        dash.check_distance("Kharkiv", "Kupiansk", **kwargs)


def test_check_distance_unknown_place_names_it():
    with pytest.raises(FrontlineError, match="Xyzzyville"):
        dash.check_distance("Kharkiv", "Xyzzyville")


def _read(data: bytes, fmt: str, tmp_path: Path) -> gpd.GeoDataFrame:
    from geo import exports

    path = tmp_path / f"events.{fmt}"
    path.write_bytes(data)
    return {"geojson": exports.read_geojson, "parquet": exports.read_geoparquet,
            "csv": exports.read_csv}[fmt](path)


@pytest.mark.parametrize("fmt", ["geojson", "parquet", "csv"])
def test_export_bytes_round_trips_with_epsg4326(seed_analyses, fmt, tmp_path):
    data = dash.export_bytes(seed_analyses, fmt)
    gdf = _read(data, fmt, tmp_path)
    assert gdf.crs is not None and gdf.crs.to_epsg() == 4326
    assert len(gdf) == 19
    row = gdf[(gdf["kind"] == "capture_claim") & (gdf["geonameid"] == VOZNESENKA)].iloc[0]
    assert row["claimed_by"] == "the Russian Defense Ministry"
    voz = next(m.place for m in seed_analyses[0].mentions if m.text == "Voznesenka")
    assert row.geometry.equals_exact(Point(voz.lon, voz.lat), 1e-6)  # lon, lat in files


def test_export_bytes_with_plain_geopandas(seed_analyses):
    geojson = gpd.read_file(io.BytesIO(dash.export_bytes(seed_analyses, "geojson")))
    assert geojson.crs.to_epsg() == 4326 and len(geojson) == 19
    assert set(geojson["geonameid"]) >= {KUPIANSK, VOZNESENKA}
    parquet = gpd.read_parquet(io.BytesIO(dash.export_bytes(seed_analyses, "parquet")))
    assert parquet.crs.to_epsg() == 4326
    kup = parquet[parquet["geonameid"] == KUPIANSK].geometry.iloc[0]
    assert (kup.x, kup.y) == pytest.approx((37.61581, 49.71003))
    csv = pd.read_csv(io.BytesIO(dash.export_bytes(seed_analyses, "csv")), encoding="utf-8-sig")
    points = gpd.GeoSeries.from_wkt(csv["wkt"], crs="EPSG:4326")
    assert len(points) == 19 and points.crs.to_epsg() == 4326


def test_export_bytes_of_an_empty_selection_and_unknown_format(seed_analyses):
    empty = dash.filter_analyses(seed_analyses, dash.EventFilter(kinds=frozenset()))
    assert len(gpd.read_file(io.BytesIO(dash.export_bytes(empty, "geojson")))) == 0
    with pytest.raises(BadInputError, match="unknown export format 'xlsx'"):
        dash.export_bytes(seed_analyses, "xlsx")


def test_map_html_bytes_is_one_offline_page(seed_analyses):
    from geo.mapping import build_map
    from geo.offline import find_remote_assets

    page = dash.map_html_bytes(build_map(seed_analyses,
                                         cluster_threshold=dash.MAP_CLUSTER_THRESHOLD))
    text = page.decode("utf-8")
    assert text.startswith("<!DOCTYPE html>") and find_remote_assets(text) == []
    assert "Voznesenka" in text and "9112507" in text


def test_seed_file_key_changes_with_the_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Fighting near Lyman.", encoding="utf-8")
    key = dash.seed_file_key("a.txt", tmp_path)
    assert key[0] == str(path) and key[2] == len("Fighting near Lyman.")
    path.write_text("Fighting near Lyman and Izium.", encoding="utf-8")
    assert dash.seed_file_key("a.txt", tmp_path) != key
    with pytest.raises(BadInputError, match="no bundled report called 'b.txt'"):
        dash.seed_file_key("b.txt", tmp_path)
