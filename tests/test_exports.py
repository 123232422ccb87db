"""Exports: tables drawn from analyses, and write -> read round-trips for every format."""

from __future__ import annotations

import csv
import datetime as dt
import json
import math

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from hypothesis import given
from hypothesis import strategies as st

from geo.exports import (
    COLUMNS,
    CRS,
    FORMULA_TRIGGERS,
    UnsafePathError,
    analysis_to_dict,
    neutralise_cell,
    read_csv,
    read_geojson,
    read_geoparquet,
    restore_cell,
    safe_output_path,
    to_geodataframe,
    write_csv,
    write_geojson,
    write_geoparquet,
)
from geo.models import (
    Analysis,
    Claim,
    ClaimKind,
    Event,
    EventKind,
    Mention,
    MentionKind,
    Precision,
    Report,
    StatedDistance,
    Status,
    Verdict,
)

KUPIANSK, KHARKIV, VOZNESENKA, GENEVA = 703656, 706483, 9112507, 2660646

XSS = "<script>alert(1)</script>"
# Cells a spreadsheet would run as formulas, and one that already starts with an apostrophe.
TRICKY = ["=SUM(A1)", "+1+2", "-3-4", "@cmd", "\tTabbed", "\rreturn", "'quoted", "=HYPERLINK()"]

# Sentences written for these tests (not copied from any news report).
REPORT_A = (
    "Morning update from the district council. Units moved towards Kupiansk before dawn and "
    "were pushed back by the defenders, the council said. Kupiansk lies about 100 km east of "
    "Kharkiv. A leaflet found in Kupiansk read " + XSS + " =SUM(A1); residents also write the "
    "name as Куп'янськ."
)
REPORT_B = (
    "Evening note. Families were taken out of Voznesenka by bus, local volunteers said. "
    "Voznesenka is some 30 km from the border, a spokesman claimed. Diplomats meeting in "
    "Geneva released a statement. Shelling was also reported near Nowhereville."
)


def _span(text: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def _mention(gazetteer, text: str, phrase: str, geonameid: int | None, *, nth: int = 0,
             kind: MentionKind = MentionKind.SETTLEMENT, confidence: float = 0.95,
             reason: str = "only candidate of that name in the gazetteer") -> Mention:
    start, end = _span(text, phrase, nth)
    if geonameid is None:
        return Mention(phrase, start, end, kind)
    place = gazetteer.get(geonameid)
    return Mention(phrase, start, end, kind, (place,), place, confidence, reason)


def build_analyses(gazetteer) -> list[Analysis]:
    """Two hand-built analyses over real gazetteer places: events, claims with verdicts,
    an event abroad (Geneva), an unresolved place, markup, formulas and Cyrillic in text."""
    a = REPORT_A
    kup = _mention(gazetteer, a, "Kupiansk", KUPIANSK)
    kup2 = _mention(gazetteer, a, "Kupiansk", KUPIANSK, nth=1)
    kup3 = _mention(gazetteer, a, "Kupiansk", KUPIANSK, nth=2, reason=XSS)
    kha = _mention(gazetteer, a, "Kharkiv", KHARKIV, confidence=0.9)
    cyr = _mention(gazetteer, a, "Куп'янськ", KUPIANSK, confidence=0.8,
                   reason="national transliteration of a Cyrillic name")
    s, e = _span(a, "Units moved towards Kupiansk before dawn and were pushed back by the "
                    "defenders, the council said.")
    repelled = Event(EventKind.ENTRY_REPELLED, kup, a[s:e], s, e, dt.date(2025, 3, 14),
                     actor="attacking units", claimed_by="=SUM(A1) district council",
                     precision=Precision.NEAR)
    s, e = _span(a, "A leaflet found in Kupiansk read " + XSS + " =SUM(A1); residents also "
                    "write the name as Куп'янськ.")
    leaflet = Event(EventKind.STATEMENT, kup3, a[s:e], s, e, dt.date(2025, 3, 14),
                    actor=XSS, claimed_by="+1+2", denied_by="@cmd",
                    denial="-3-4 \"denied\"\nnew line\ttab", when="=in September 2022")
    s, e = _span(a, "Kupiansk lies about 100 km east of Kharkiv")
    distance = StatedDistance("about 100 km", 100.0, "km", 100.0, 100.0, hedge="about")
    claim = Claim(ClaimKind.DISTANCE, kup2, a[s:e], s, e, reference=kha, distance=distance,
                  direction="E", direction_deg=90.0)
    verdict = Verdict(claim, Status.CONSISTENT,
                      "stated 100 km, measured 103.9 km straight line: within tolerance",
                      measured_km=103.86514258213219, bearing_deg=105.00000000000001,
                      ratio=100 / 103.86514258213219, tolerance="ratio 0.6-1.6")
    report_a = Report(a, dt.date(2025, 3, 14), "Morning <b>update</b>", "=cmd|' /C calc'!A0",
                      "a" * 16)
    analysis_a = Analysis(report_a, (kup, kup2, kha, kup3, cyr), (claim,), (verdict,),
                          (repelled, leaflet))

    b = REPORT_B
    voz = _mention(gazetteer, b, "Voznesenka", VOZNESENKA, confidence=0.75,
                   reason="in Donetsk oblast as the text says")
    voz2 = _mention(gazetteer, b, "Voznesenka", VOZNESENKA, nth=1)
    geneva = _mention(gazetteer, b, "Geneva", GENEVA, confidence=0.8,
                      reason="Geneva, CH: far more prominent than any Ukrainian namesake")
    nowhere = _mention(gazetteer, b, "Nowhereville", None)
    s, e = _span(b, "Families were taken out of Voznesenka by bus, local volunteers said.")
    evac = Event(EventKind.EVACUATION, voz, b[s:e], s, e, dt.date(2025, 4, 2),
                 claimed_by="local volunteers")
    s, e = _span(b, "Diplomats meeting in Geneva released a statement.")
    statement = Event(EventKind.STATEMENT, geneva, b[s:e], s, e, dt.date(2025, 4, 2),
                      actor="diplomats")
    s, e = _span(b, "Shelling was also reported near Nowhereville.")
    shelling = Event(EventKind.STRIKE, nowhere, b[s:e], s, e, None, precision=Precision.NEAR)
    s, e = _span(b, "Voznesenka is some 30 km from the border")
    border = Claim(ClaimKind.BORDER_DISTANCE, voz2, b[s:e], s, e,
                   reference_feature="the Russian border",
                   distance=StatedDistance("some 30 km", 30.0, "km", 30.0, 30.0, hedge="some"))
    unverifiable = Verdict(border, Status.UNVERIFIABLE, "which border is meant is unclear")
    report_b = Report(b, dt.date(2025, 4, 2), "Evening note", "notes.txt", "b" * 16)
    analysis_b = Analysis(report_b, (voz, voz2, geneva, nowhere), (border,), (unverifiable,),
                          (evac, statement, shelling))
    return [analysis_a, analysis_b]


@pytest.fixture(scope="module")
def analyses(gazetteer):
    return build_analyses(gazetteer)


# --------------------------------------------------------------------------- tables


def test_events_table(analyses):
    gdf = to_geodataframe(analyses, "events")
    assert isinstance(gdf, gpd.GeoDataFrame)
    assert gdf.crs == CRS
    assert list(gdf.columns) == [*COLUMNS["events"], "geometry"]
    assert len(gdf) == 5
    first = gdf.iloc[0]
    assert first["kind"] == "entry_repelled" and first["geonameid"] == KUPIANSK
    assert first["evidence"] == REPORT_A[first["start"]:first["end"]]
    assert first["date"] == dt.date(2025, 3, 14)
    assert first.geometry.x == first["lon"] and first.geometry.y == first["lat"]
    unresolved = gdf[gdf["mention"] == "Nowhereville"].iloc[0]
    assert unresolved.geometry is None and pd.isna(unresolved["geonameid"])
    assert math.isnan(unresolved["lat"]) and unresolved["date"] == dt.date(2025, 4, 2)
    assert set(gdf["country_code"]) == {"UA", "CH", ""}
    assert str(gdf["geonameid"].dtype) == "Int64"


def test_places_table(analyses):
    gdf = to_geodataframe(analyses, "places")
    assert list(gdf.columns) == [*COLUMNS["places"], "geometry"]
    assert len(gdf) == 8  # every resolved mention; Nowhereville is not one
    assert set(gdf["geonameid"]) == {KUPIANSK, KHARKIV, VOZNESENKA, GENEVA}
    voz = gdf[gdf["geonameid"] == VOZNESENKA].iloc[0]
    assert voz["admin2"] == "Pokrovskyi Raion" and voz["confidence"] == 0.75
    assert (gdf.geometry.geom_type == "Point").all()


def test_verdicts_table(analyses):
    gdf = to_geodataframe(analyses, "verdicts")
    assert list(gdf.columns) == [*COLUMNS["verdicts"], "geometry"]
    line, circle = gdf.iloc[0], gdf.iloc[1]
    assert line.geometry.geom_type == "LineString"
    kharkiv, kupiansk = line.geometry.coords
    assert kharkiv == (line["reference_lon"], line["reference_lat"])
    assert kupiansk == (line["subject_lon"], line["subject_lat"])
    assert (line["subject_id"], line["reference_id"]) == (KUPIANSK, KHARKIV)
    assert line["stated_km"] == 100.0 and line["status"] == "consistent"
    assert line["ratio"] == 100 / 103.86514258213219
    assert circle.geometry is None and circle["reference"] == "the Russian border"
    assert math.isnan(circle["measured_km"]) and pd.isna(circle["reference_id"])


def test_unknown_table_is_refused(analyses):
    with pytest.raises(ValueError, match="what must be"):
        to_geodataframe(analyses, "rivers")


def test_empty_tables_keep_their_columns():
    for what, columns in COLUMNS.items():
        gdf = to_geodataframe([], what)
        assert list(gdf.columns) == [*columns, "geometry"] and len(gdf) == 0


# --------------------------------------------------------------------------- round-trips

FORMATS = {
    "geojson": (write_geojson, read_geojson),
    "parquet": (write_geoparquet, read_geoparquet),
    "csv": (write_csv, read_csv),
}


def assert_same(read: gpd.GeoDataFrame, written: gpd.GeoDataFrame) -> None:
    """Equal field for field: columns, dtypes, values (floats exactly), geometries (WKB)."""
    assert list(read.columns) == list(written.columns)
    assert read.crs == written.crs
    pd.testing.assert_frame_equal(
        pd.DataFrame(read.drop(columns="geometry")),
        pd.DataFrame(written.drop(columns="geometry")),
        check_exact=True,
    )
    assert list(shapely.to_wkb(read.geometry.values)) == list(
        shapely.to_wkb(written.geometry.values))


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("what", ["events", "places", "verdicts"])
def test_round_trip(analyses, tmp_path, fmt, what):
    writer, reader = FORMATS[fmt]
    gdf = to_geodataframe(analyses, what)
    path = writer(gdf, tmp_path / f"{what}.{fmt}")
    assert_same(reader(path), gdf)


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip_of_hostile_text_and_exact_floats(tmp_path, fmt):
    texts = [*TRICKY, XSS, "Куп'янськ — «Kupiansk»", "line\nbreak", "quote \" and , comma",
             "", "${alert(1)}", "tab\tinside", "back\\slash"]
    n = len(texts)
    lats = [48.0 + i / 7 + 1e-13 * i for i in range(n)]
    lons = [-(30.0 + i / 3) for i in range(n)]  # negative numbers are not neutralised
    gdf = gpd.GeoDataFrame(
        {"evidence": texts, "lat": lats, "lon": lons,
         "geonameid": pd.array([KUPIANSK if i % 2 else None for i in range(n)], dtype="Int64"),
         "start": pd.array([-i for i in range(n)], dtype="Int64"),
         "date": [dt.date(2024, 2, 29) if i % 3 else None for i in range(n)],
         "confidence": [0.1 * i if i % 4 else math.nan for i in range(n)]},
        geometry=[shapely.Point(lon, lat) if i != 3 else None
                  for i, (lat, lon) in enumerate(zip(lats, lons, strict=True))],
        crs=CRS,
    )
    writer, reader = FORMATS[fmt]
    back = reader(writer(gdf, tmp_path / f"tricky.{fmt}"))
    assert back["evidence"].tolist() == texts
    assert back["lat"].tolist() == lats and back["lon"].tolist() == lons
    assert back["date"].tolist() == gdf["date"].tolist()
    assert back["geonameid"].tolist() == gdf["geonameid"].tolist()
    assert back["start"].tolist() == gdf["start"].tolist()
    if fmt == "csv":  # negative numbers are written as numbers, not neutralised as text
        assert '"-3"' in (tmp_path / "tricky.csv").read_text(encoding="utf-8-sig")
    assert list(shapely.to_wkb(back.geometry.values)) == list(
        shapely.to_wkb(gdf.geometry.values))


@pytest.mark.parametrize("fmt", FORMATS)
def test_empty_round_trip(tmp_path, fmt):
    writer, reader = FORMATS[fmt]
    gdf = to_geodataframe([], "verdicts")
    back = reader(writer(gdf, tmp_path / f"empty.{fmt}"))
    assert list(back.columns) == list(gdf.columns) and len(back) == 0


# --------------------------------------------------------------------------- CSV safety


def test_csv_cells_cannot_run_as_formulas(analyses, tmp_path):
    path = write_csv(to_geodataframe(analyses, "events"), tmp_path / "events.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: spreadsheets read the Cyrillic right
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    assert header[-1] == "wkt" and "lat" in header and "lon" in header
    cells = [cell for row in body for cell in row]
    assert all(not cell.startswith(FORMULA_TRIGGERS) for cell in cells), [
        c for c in cells if c.startswith(FORMULA_TRIGGERS)]
    assert "'=SUM(A1) district council" in cells
    assert "'@cmd" in cells and "'+1+2" in cells
    assert any(cell.startswith("'-3-4") for cell in cells)
    lon = header.index("lon")
    assert body[0][lon] == repr(float(body[0][lon]))  # numbers are never prefixed
    assert body[0][-1].startswith("POINT (37.6")
    assert "Куп'янськ" in raw.decode("utf-8-sig")


@given(st.text())
def test_neutralise_is_reversible_and_safe(text):
    cell = neutralise_cell(text)
    assert restore_cell(cell) == text
    assert not cell.startswith(FORMULA_TRIGGERS)


def test_csv_without_geometry_column_is_refused(tmp_path):
    path = tmp_path / "plain.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ValueError, match="wkt"):
        read_csv(path)


# --------------------------------------------------------------------------- output paths


def test_safe_output_path(tmp_path):
    assert safe_output_path(tmp_path, "events.csv") == (tmp_path / "events.csv").resolve()
    assert safe_output_path(tmp_path, "sub/x.geojson").parent == (tmp_path / "sub").resolve()
    for bad in ["../escape.csv", "sub/../../escape.csv", "/etc/passwd", ".", "", "a\x00b"]:
        with pytest.raises(UnsafePathError):
            safe_output_path(tmp_path, bad)
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    outside.mkdir()
    (tmp_path / "link").symlink_to(outside, target_is_directory=True)
    with pytest.raises(UnsafePathError):
        safe_output_path(tmp_path, "link/x.csv")


def test_writers_honour_base_dir(analyses, tmp_path):
    gdf = to_geodataframe(analyses, "places")
    out = write_geojson(gdf, "maps/places.geojson", base_dir=tmp_path)
    assert out == (tmp_path / "maps" / "places.geojson").resolve() and out.is_file()
    for writer in (write_geojson, write_geoparquet, write_csv):
        with pytest.raises(UnsafePathError):
            writer(gdf, "../places.out", base_dir=tmp_path)
    assert not (tmp_path.parent / "places.out").exists()


# --------------------------------------------------------------------------- JSON


def test_analysis_to_dict_has_stable_keys(analyses):
    a, b = (analysis_to_dict(x) for x in analyses)
    assert list(a) == ["report", "mentions", "claims", "events", "warnings"]
    assert a["report"] == {"id": "a" * 16, "date": "2025-03-14",
                           "title": "Morning <b>update</b>", "source": "=cmd|' /C calc'!A0"}
    mention = a["mentions"][0]
    assert list(mention) == ["text", "start", "end", "kind", "place", "confidence", "reason",
                             "candidates"]
    assert mention["place"] == {"geonameid": KUPIANSK, "name": "Kupyansk", "lat": 49.71003,
                                "lon": 37.61581, "admin1": "Kharkiv Oblast"}
    assert mention["candidates"] == 1
    claim = a["claims"][0]
    assert list(claim) == ["kind", "text", "subject", "reference", "reference_feature",
                           "stated", "stated_km", "direction", "verdict"]
    assert claim["subject"]["place"]["geonameid"] == KUPIANSK
    assert claim["reference"]["place"]["geonameid"] == KHARKIV
    assert claim["stated_km"] == 100.0 and claim["direction"] == "E"
    assert list(claim["verdict"]) == ["status", "measured_km", "bearing_deg", "ratio",
                                      "explanation"]
    assert claim["verdict"]["status"] == "consistent"
    border = b["claims"][0]
    assert border["reference"] is None and border["reference_feature"] == "the Russian border"
    assert border["verdict"]["measured_km"] is None
    event = a["events"][1]
    assert list(event) == ["kind", "place", "mention", "actor", "claimed_by", "denied_by",
                           "denial", "evidence", "start", "end", "date", "when", "precision"]
    assert event["actor"] == XSS and event["date"] == "2025-03-14"
    assert b["events"][2]["place"] is None and b["events"][2]["date"] == "2025-04-02"
    # Strict JSON: no NaN or infinity anywhere.
    json.loads(json.dumps([a, b], allow_nan=False))


def test_pipeline_output_exports_when_available(tmp_path):
    """The text pipeline's Analysis exports and round-trips too."""
    from geo.reports import analyse

    analysis = analyse("date 2025-05-01 Test\nThe town of Kupiansk lies about 100 km east "
                       "of Kharkiv, and units attacked near Kupiansk overnight.")
    json.dumps(analysis_to_dict(analysis), allow_nan=False)
    for what in ("events", "places", "verdicts"):
        gdf = to_geodataframe([analysis], what)
        assert_same(read_geojson(write_geojson(gdf, tmp_path / f"{what}.geojson")), gdf)
