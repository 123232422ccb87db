"""Analyses out as tables: GeoDataFrames, GeoJSON, GeoParquet, CSV, and a JSON-ready dict.

Three tables can be drawn from a list of :class:`~geo.models.Analysis` (see
:func:`to_geodataframe`): ``events`` (one row per event, Point at its place), ``places`` (one row
per resolved mention, Point) and ``verdicts`` (one row per checked claim, LineString from the
reference place to the subject place where both are known). Every table is EPSG:4326, every
place carries its GeoNames id and every event or claim its evidence span.

Exports round-trip: ``read_X(write_X(gdf))`` equals ``gdf`` column for column, dtype for dtype,
value for value (floats included: GeoJSON and CSV carry Python's shortest exact ``repr``). The
column types are fixed by :data:`COLUMN_TYPES` and every reader applies them.

CSV is written for spreadsheets: UTF-8 with a BOM, every cell quoted, ``lat``/``lon`` columns
where the table has them, and the geometry as WKT in a last ``wkt`` column. Text cells are
neutralised against formula injection as OWASP recommends: a cell that starts with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return gets a leading apostrophe (spreadsheets then show it as
text). A cell that already starts with an apostrophe gets one more, so :func:`read_csv` can undo
exactly that by removing one leading apostrophe, and round-trips hold for any text.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import LineString, Point, mapping, shape

from geo.errors import BadInputError
from geo.gazetteer import Place
from geo.models import Analysis, Claim, Mention, Verdict

__all__ = [
    "COLUMNS",
    "COLUMN_TYPES",
    "CRS",
    "FORMULA_TRIGGERS",
    "UnsafePathError",
    "analysis_to_dict",
    "neutralise_cell",
    "read_csv",
    "read_geojson",
    "read_geoparquet",
    "restore_cell",
    "safe_output_path",
    "to_geodataframe",
    "write_csv",
    "write_geojson",
    "write_geoparquet",
]

CRS = "EPSG:4326"

Table = Literal["events", "places", "verdicts"]

#: Column name -> type, for every table. ``str``: text, "" when absent; ``int``: nullable
#: integer (pandas ``Int64``); ``float``: float64, NaN when absent; ``date``: ``datetime.date``
#: objects (None when absent) in an object column.
COLUMN_TYPES: dict[str, str] = {
    "report_id": "str", "source": "str", "date": "date", "when": "str", "kind": "str",
    "actor": "str",
    "claimed_by": "str", "denied_by": "str", "denial": "str", "evidence": "str",
    "start": "int", "end": "int", "precision": "str", "mention": "str", "geonameid": "int",
    "place": "str", "name": "str", "admin1": "str", "admin2": "str", "country_code": "str",
    "lat": "float", "lon": "float", "confidence": "float", "reason": "str",
    "candidates": "int", "text": "str", "subject": "str", "subject_id": "int",
    "subject_lat": "float", "subject_lon": "float", "reference": "str", "reference_id": "int",
    "reference_lat": "float", "reference_lon": "float", "reference_feature": "str",
    "stated": "str", "stated_km": "float", "direction": "str", "measured_km": "float",
    "bearing_deg": "float", "ratio": "float", "status": "str", "tolerance": "str",
    "explanation": "str",
}

#: Columns of each table, in order (the geometry column comes last).
COLUMNS: dict[str, tuple[str, ...]] = {
    "events": ("report_id", "source", "date", "when", "kind", "actor", "claimed_by", "denied_by",
               "denial", "evidence", "start", "end", "precision", "mention", "geonameid",
               "place", "admin1", "country_code", "lat", "lon"),
    "places": ("report_id", "mention", "start", "end", "kind", "geonameid", "name", "admin1",
               "admin2", "country_code", "lat", "lon", "confidence", "reason", "candidates"),
    "verdicts": ("report_id", "kind", "text", "start", "end", "subject", "subject_id",
                 "subject_lat", "subject_lon", "reference", "reference_id", "reference_lat",
                 "reference_lon", "reference_feature", "stated", "stated_km", "direction",
                 "measured_km", "bearing_deg", "ratio", "status", "tolerance", "explanation"),
}

#: First characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_ESCAPE = "'"
WKT_COLUMN = "wkt"
#: Foreign member of our GeoJSON FeatureCollections: the column order (kept even when empty).
GEOJSON_MEMBER = "frontline_map"


class UnsafePathError(BadInputError):
    """An output file name that would land outside the chosen output folder."""


# --------------------------------------------------------------------------- tables


def _nan(value: float | None) -> float:
    return float("nan") if value is None else float(value)


def _stated_km(claim: Claim) -> float | None:
    if claim.distance is None:
        return None
    km = claim.distance.km
    return km if math.isfinite(km) else None


def _place_cols(place: Place | None) -> dict[str, Any]:
    if place is None:
        return {"geonameid": None, "admin1": "", "country_code": "", "lat": math.nan,
                "lon": math.nan}
    return {"geonameid": place.id, "admin1": place.admin1, "country_code": place.country_code,
            "lat": place.lat, "lon": place.lon}


def _point(place: Place | None) -> Point | None:
    return None if place is None else Point(place.lon, place.lat)


def _event_rows(analyses: Iterable[Analysis]) -> tuple[list[dict], list]:
    rows, geoms = [], []
    for analysis in analyses:
        report = analysis.report
        for event in analysis.events:
            place = event.place
            rows.append({
                "report_id": report.report_id, "source": report.source,
                "date": event.date or report.date, "when": getattr(event, "when", ""),
                "kind": str(event.kind),
                "actor": event.actor, "claimed_by": event.claimed_by,
                "denied_by": event.denied_by, "denial": event.denial,
                "evidence": event.evidence, "start": event.start, "end": event.end,
                "precision": str(event.precision), "mention": event.mention.text,
                "place": place.name if place else "", **_place_cols(place),
            })
            geoms.append(_point(place))
    return rows, geoms


def _place_rows(analyses: Iterable[Analysis]) -> tuple[list[dict], list]:
    rows, geoms = [], []
    for analysis in analyses:
        for mention in analysis.mentions:
            place = mention.place
            if place is None:
                continue
            rows.append({
                "report_id": analysis.report.report_id, "mention": mention.text,
                "start": mention.start, "end": mention.end, "kind": str(mention.kind),
                "name": place.name, "admin2": place.admin2, **_place_cols(place),
                "confidence": mention.confidence, "reason": mention.reason,
                "candidates": len(mention.candidates),
            })
            geoms.append(_point(place))
    return rows, geoms


def _mention_name(mention: Mention | None) -> str:
    if mention is None:
        return ""
    return mention.place.name if mention.place is not None else mention.text


def verdict_line(verdict: Verdict) -> LineString | None:
    """LineString (lon, lat) from the claim's reference place to its subject, if both known."""
    claim = verdict.claim
    subject = claim.subject.place if claim.subject is not None else None
    reference = claim.reference.place if claim.reference is not None else None
    if subject is None or reference is None:
        return None
    return LineString([(reference.lon, reference.lat), (subject.lon, subject.lat)])


def _verdict_rows(analyses: Iterable[Analysis]) -> tuple[list[dict], list]:
    rows, geoms = [], []
    for analysis in analyses:
        for verdict in analysis.verdicts:
            claim = verdict.claim
            subject = claim.subject.place if claim.subject is not None else None
            reference = claim.reference.place if claim.reference is not None else None
            rows.append({
                "report_id": analysis.report.report_id, "kind": str(claim.kind),
                "text": claim.text, "start": claim.start, "end": claim.end,
                "subject": _mention_name(claim.subject),
                "subject_id": subject.id if subject else None,
                "subject_lat": subject.lat if subject else math.nan,
                "subject_lon": subject.lon if subject else math.nan,
                "reference": _mention_name(claim.reference) or claim.reference_feature,
                "reference_id": reference.id if reference else None,
                "reference_lat": reference.lat if reference else math.nan,
                "reference_lon": reference.lon if reference else math.nan,
                "reference_feature": claim.reference_feature,
                "stated": claim.distance.text if claim.distance else "",
                "stated_km": _nan(_stated_km(claim)), "direction": claim.direction,
                "measured_km": _nan(verdict.measured_km),
                "bearing_deg": _nan(verdict.bearing_deg), "ratio": _nan(verdict.ratio),
                "status": str(verdict.status), "tolerance": verdict.tolerance,
                "explanation": verdict.explanation,
            })
            geoms.append(verdict_line(verdict))
    return rows, geoms


_ROWS = {"events": _event_rows, "places": _place_rows, "verdicts": _verdict_rows}


def to_geodataframe(analyses: Analysis | Sequence[Analysis],
                    what: Table = "events") -> gpd.GeoDataFrame:
    """One table of ``analyses`` as a GeoDataFrame in EPSG:4326 (columns: :data:`COLUMNS`).

    ``events``: Point at the event's place (None when unresolved); ``places``: one row per
    resolved mention; ``verdicts``: LineString reference -> subject where both places are known.
    """
    if what not in _ROWS:
        raise ValueError(f"what must be one of {sorted(_ROWS)}, not {what!r}")
    if isinstance(analyses, Analysis):
        analyses = [analyses]
    rows, geoms = _ROWS[what](analyses)
    columns = COLUMNS[what]
    frame = pd.DataFrame({c: [row[c] for row in rows] for c in columns}, columns=list(columns))
    gdf = gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(geoms, index=frame.index, crs=CRS),
                           crs=CRS)
    return coerce_types(gdf)


# --------------------------------------------------------------------------- types


def _to_date(value: Any) -> dt.date | None:
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, np.datetime64):
        return pd.Timestamp(value).date()
    text = str(value).strip()
    return dt.date.fromisoformat(text[:10]) if text else None


def _to_float(value: Any) -> float:
    if value is None or value is pd.NA or value == "":
        return math.nan
    return float(value)


def _to_int(value: Any) -> int | None:
    if value is None or value is pd.NA or value == "":
        return None
    if isinstance(value, float):
        return None if math.isnan(value) else int(value)
    return int(value)


def coerce_types(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Give every known column (:data:`COLUMN_TYPES`) its type; other columns are left alone."""
    gdf = gdf.copy()
    for column in gdf.columns:
        kind = COLUMN_TYPES.get(column)
        if kind is None or column == gdf.geometry.name:
            continue
        values = gdf[column].tolist()
        if kind == "str":
            gdf[column] = pd.Series(["" if v is None or v is pd.NA or
                                     (isinstance(v, float) and math.isnan(v)) else str(v)
                                     for v in values], index=gdf.index, dtype="str")
        elif kind == "int":
            gdf[column] = pd.array([_to_int(v) for v in values], dtype="Int64")
        elif kind == "float":
            gdf[column] = np.array([_to_float(v) for v in values], dtype="float64")
        elif kind == "date":
            gdf[column] = pd.Series([_to_date(v) for v in values], index=gdf.index,
                                    dtype="object")
    return gdf


def _frame_from(columns: list[str], records: dict[str, list], geoms: list) -> gpd.GeoDataFrame:
    frame = pd.DataFrame({c: records[c] for c in columns}, columns=columns)
    return coerce_types(gpd.GeoDataFrame(
        frame, geometry=gpd.GeoSeries(geoms, index=frame.index, crs=CRS), crs=CRS))


def _in_wgs84(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    if gdf.crs is None:
        return gdf.set_crs(CRS)
    return gdf if gdf.crs.to_epsg() == 4326 else gdf.to_crs(CRS)


# --------------------------------------------------------------------------- output paths


def safe_output_path(base_dir: str | os.PathLike[str], filename: str | os.PathLike[str]
                     ) -> Path:
    """``base_dir / filename``, refused (:class:`UnsafePathError`) if it leaves ``base_dir``.

    Absolute names, ``..`` steps and symbolic links that resolve outside the folder are all
    refused; the folder itself is not a valid output file.
    """
    base = Path(base_dir).resolve()
    name = Path(filename)
    if not str(filename).strip() or "\x00" in str(filename):
        raise UnsafePathError(f"invalid output file name {str(filename)!r}")
    if name.is_absolute() or name.drive:
        raise UnsafePathError(f"output file name {str(filename)!r} must be relative to {base}")
    target = (base / name).resolve()
    if target == base or not target.is_relative_to(base):
        raise UnsafePathError(f"output file name {str(filename)!r} leaves the output folder "
                              f"{base}")
    return target


def _out(path: str | os.PathLike[str], base_dir: str | os.PathLike[str] | None) -> Path:
    out = safe_output_path(base_dir, path) if base_dir is not None else Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    return out


# --------------------------------------------------------------------------- GeoJSON


def _json_value(value: Any) -> Any:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float | np.floating):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def write_geojson(gdf: gpd.GeoDataFrame, path: str | os.PathLike[str], *,
                  base_dir: str | os.PathLike[str] | None = None) -> Path:
    """Write ``gdf`` as an RFC 7946 FeatureCollection (UTF-8, WGS84 lon/lat); return the path.

    Floats are written with Python's exact ``repr`` (no GDAL rounding), NaN and missing values
    as ``null``, dates as ``YYYY-MM-DD``. The column order travels in a ``frontline_map``
    foreign member so an empty table reads back with its columns.
    """
    gdf = _in_wgs84(gdf)
    out = _out(path, base_dir)
    geometry = gdf.geometry.name
    columns = [c for c in gdf.columns if c != geometry]
    features = []
    for values, geom in zip(gdf[columns].itertuples(index=False, name=None), gdf.geometry,
                            strict=True):
        features.append({
            "type": "Feature",
            "properties": {c: _json_value(v) for c, v in zip(columns, values, strict=True)},
            "geometry": None if geom is None or geom.is_empty else mapping(geom),
        })
    collection = {"type": "FeatureCollection", GEOJSON_MEMBER: {"columns": columns},
                  "features": features}
    out.write_text(json.dumps(collection, ensure_ascii=False, allow_nan=False),
                   encoding="utf-8")
    return out


def read_geojson(path: str | os.PathLike[str]) -> gpd.GeoDataFrame:
    """Read a GeoJSON FeatureCollection (ours or any other) into a typed GeoDataFrame."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BadInputError(f"cannot read GeoJSON {Path(path).name}: {exc}") from exc
    if data.get("type") != "FeatureCollection":
        raise BadInputError(f"{Path(path).name} is not a GeoJSON FeatureCollection")
    features = data.get("features") or []
    columns = list((data.get(GEOJSON_MEMBER) or {}).get("columns") or [])
    for feature in features:
        for key in feature.get("properties") or {}:
            if key not in columns:
                columns.append(key)
    records: dict[str, list] = {c: [] for c in columns}
    geoms = []
    for feature in features:
        props = feature.get("properties") or {}
        for c in columns:
            records[c].append(props.get(c))
        geometry = feature.get("geometry")
        geoms.append(shape(geometry) if geometry else None)
    return _frame_from(columns, records, geoms)


# --------------------------------------------------------------------------- GeoParquet


def write_geoparquet(gdf: gpd.GeoDataFrame, path: str | os.PathLike[str], *,
                     base_dir: str | os.PathLike[str] | None = None) -> Path:
    """Write ``gdf`` as GeoParquet (WKB geometry, CRS in the metadata); return the path."""
    out = _out(path, base_dir)
    _in_wgs84(gdf).to_parquet(out, index=False, compression="zstd")
    return out


def read_geoparquet(path: str | os.PathLike[str]) -> gpd.GeoDataFrame:
    """Read a GeoParquet file into a typed GeoDataFrame (EPSG:4326)."""
    try:
        gdf = gpd.read_parquet(path)
    except Exception as exc:  # pyarrow raises several kinds for a damaged file
        raise BadInputError(f"cannot read GeoParquet {Path(path).name}: {exc}") from exc
    return coerce_types(_in_wgs84(gdf))


# --------------------------------------------------------------------------- CSV


def neutralise_cell(text: str) -> str:
    """Prefix an apostrophe to text a spreadsheet would run as a formula (or that starts
    with an apostrophe, so :func:`restore_cell` can undo exactly this)."""
    return _ESCAPE + text if text.startswith((*FORMULA_TRIGGERS, _ESCAPE)) else text


def restore_cell(text: str) -> str:
    """Undo :func:`neutralise_cell`: drop one leading apostrophe."""
    return text[1:] if text.startswith(_ESCAPE) else text


def _csv_text(value: Any) -> str:
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, float | np.floating):
        return repr(float(value)) if math.isfinite(value) else ""
    if isinstance(value, int | np.integer) and not isinstance(value, bool | np.bool_):
        return str(int(value))  # a number, never a formula: "-5" stays "-5"
    if isinstance(value, dt.date):
        return value.isoformat()
    return neutralise_cell(str(value))


def write_csv(gdf: gpd.GeoDataFrame, path: str | os.PathLike[str], *,
              base_dir: str | os.PathLike[str] | None = None) -> Path:
    """Write ``gdf`` as a spreadsheet-safe CSV: every column, then the geometry as WKT.

    UTF-8 with a BOM, every cell quoted, text neutralised against formula injection (see the
    module docstring), floats in their exact ``repr``, missing values empty.
    """
    gdf = _in_wgs84(gdf)
    out = _out(path, base_dir)
    geometry = gdf.geometry.name
    columns = [c for c in gdf.columns if c != geometry]
    if WKT_COLUMN in columns:
        raise ValueError(f"column name {WKT_COLUMN!r} is reserved for the geometry")
    wkt = [None if g is None or g.is_empty else shapely.to_wkt(g, rounding_precision=-1)
           for g in gdf.geometry]
    with out.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        writer.writerow([neutralise_cell(c) for c in (*columns, WKT_COLUMN)])
        for values, shape_wkt in zip(gdf[columns].itertuples(index=False, name=None), wkt,
                                     strict=True):
            writer.writerow([*(_csv_text(v) for v in values), shape_wkt or ""])
    return out


def read_csv(path: str | os.PathLike[str]) -> gpd.GeoDataFrame:
    """Read a CSV written by :func:`write_csv` back into the same typed GeoDataFrame."""
    try:
        with Path(path).open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise BadInputError(f"cannot read CSV {Path(path).name}: {exc}") from exc
    if not rows:
        raise BadInputError(f"{Path(path).name} is empty (no header row)")
    header = [restore_cell(c) for c in rows[0]]
    if WKT_COLUMN not in header:
        raise BadInputError(f"{Path(path).name} has no {WKT_COLUMN!r} geometry column")
    at = header.index(WKT_COLUMN)
    columns = [c for i, c in enumerate(header) if i != at]
    records: dict[str, list] = {c: [] for c in columns}
    geoms = []
    for number, row in enumerate(rows[1:], 2):
        if len(row) != len(header):
            raise BadInputError(f"{Path(path).name} line {number}: {len(row)} cells, "
                                f"expected {len(header)}")
        for i, cell in enumerate(row):
            if i == at:
                geoms.append(shapely.from_wkt(cell) if cell else None)
            else:
                records[header[i]].append(restore_cell(cell))
    return _frame_from(columns, records, geoms)


# --------------------------------------------------------------------------- JSON (CLI)


def _finite(value: float | None) -> float | None:
    return value if value is not None and math.isfinite(value) else None


def place_dict(place: Place | None) -> dict | None:
    """``{geonameid, name, lat, lon, admin1}`` of a place, or None."""
    if place is None:
        return None
    return {"geonameid": place.id, "name": place.name, "lat": place.lat, "lon": place.lon,
            "admin1": place.admin1}


def _mention_ref(mention: Mention | None) -> dict | None:
    if mention is None:
        return None
    return {"text": mention.text, "place": place_dict(mention.place)}


def _verdict_dict(verdict: Verdict | None) -> dict | None:
    if verdict is None:
        return None
    return {"status": str(verdict.status), "measured_km": _finite(verdict.measured_km),
            "bearing_deg": _finite(verdict.bearing_deg), "ratio": _finite(verdict.ratio),
            "explanation": verdict.explanation}


def _verdict_of(claim: Claim, verdicts: Sequence[Verdict]) -> Verdict | None:
    for verdict in verdicts:
        if verdict.claim is claim:
            return verdict
    for verdict in verdicts:
        if verdict.claim == claim:
            return verdict
    return None


def analysis_to_dict(analysis: Analysis) -> dict:
    """A JSON-ready dict of one analysis with stable keys (the CLI's ``--json``).

    ``report{id,date,title,source}``, ``mentions[text,start,end,kind,place,confidence,reason,
    candidates]`` (``candidates`` is a count), ``claims[kind,text,subject,reference,
    reference_feature,stated,stated_km,direction,verdict{status,measured_km,bearing_deg,ratio,
    explanation}]`` (``subject``/``reference`` are ``{text, place}`` or null),
    ``events[kind,place,mention,actor,claimed_by,denied_by,denial,evidence,start,end,date,
    when,precision]`` (``when``: a time the text gives other than the report date) and
    ``warnings``. A ``place`` is ``{geonameid,name,lat,lon,admin1}`` or null; dates are
    ``YYYY-MM-DD`` or null; no NaN or infinity appears.
    """
    report = analysis.report
    return {
        "report": {"id": report.report_id,
                   "date": report.date.isoformat() if report.date else None,
                   "title": report.title, "source": report.source},
        "mentions": [
            {"text": m.text, "start": m.start, "end": m.end, "kind": str(m.kind),
             "place": place_dict(m.place), "confidence": m.confidence, "reason": m.reason,
             "candidates": len(m.candidates)}
            for m in analysis.mentions
        ],
        "claims": [
            {"kind": str(c.kind), "text": c.text, "subject": _mention_ref(c.subject),
             "reference": _mention_ref(c.reference), "reference_feature": c.reference_feature,
             "stated": c.distance.text if c.distance else None,
             "stated_km": _finite(_stated_km(c)), "direction": c.direction or None,
             "verdict": _verdict_dict(_verdict_of(c, analysis.verdicts))}
            for c in analysis.claims
        ],
        "events": [
            {"kind": str(e.kind), "place": place_dict(e.place), "mention": e.mention.text,
             "actor": e.actor, "claimed_by": e.claimed_by, "denied_by": e.denied_by,
             "denial": e.denial, "evidence": e.evidence, "start": e.start, "end": e.end,
             "date": (e.date or report.date).isoformat() if (e.date or report.date) else None,
             "when": getattr(e, "when", ""), "precision": str(e.precision)}
            for e in analysis.events
        ],
        "warnings": list(analysis.warnings),
    }

