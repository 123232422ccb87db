"""Page logic of the Streamlit dashboard, kept here so tests can call it without Streamlit.

``app.py`` only lays out widgets and calls these functions: loading bundled and uploaded
reports, analysing them with the user's overrides, filtering events, building the tables the
page shows, checking a distance between two places, and producing the downloads.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from geo import geodesy
from geo.errors import BadInputError, FrontlineError
from geo.measure import PlaceDistance, measure
from geo.models import (
    Analysis,
    Claim,
    ClaimKind,
    Mention,
    MentionKind,
    Report,
    StatedDistance,
    Status,
    Verdict,
)
from geo.reports import MAX_REPORT_BYTES, Reader, load_reports, parse_report

#: Folder of the bundled example reports.
SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"
#: Environment variable naming another folder of bundled reports (benchmarks, demos).
SEEDS_DIR_ENV = "FRONTLINE_SEEDS_DIR"
#: Largest upload accepted per file (the report size limit of geo.reports).
MAX_UPLOAD_BYTES = MAX_REPORT_BYTES
#: Largest JSONL upload (many reports, each within MAX_UPLOAD_BYTES).
MAX_BATCH_UPLOAD_BYTES = 50 * MAX_REPORT_BYTES
#: Above this many events (or places) the dashboard's map draws canvas markers in clusters
#: (geo.mapping.CanvasMarkerCluster) instead of one folium Marker each: every folium Marker,
#: Popup and Tooltip compiles its own template when the page is rendered (about 5 ms each), so
#: 550 places took 2.7 s per page run, and 2,000 events would take about 10 s.
MAP_CLUSTER_THRESHOLD = 200
#: Analysed reports kept in the dashboard's cache (one entry per report and override set).
MAX_CACHED_ANALYSES = 20_000
UPLOAD_TYPES = ("txt", "md", "json", "jsonl")
STATUS_COLOURS = {Status.CONSISTENT.value: "#d9f2d9", Status.INCONSISTENT.value: "#f8d0d0",
                  Status.UNVERIFIABLE.value: "#fbefc8"}


def current_seeds_dir() -> Path:
    """Where the bundled reports are: $FRONTLINE_SEEDS_DIR if set, else seeds/."""
    return Path(os.environ.get(SEEDS_DIR_ENV) or SEEDS_DIR)


def seed_files(seeds_dir: Path | None = None) -> list[Path]:
    """The bundled example reports, sorted by name (default: :func:`current_seeds_dir`)."""
    folder = seeds_dir or current_seeds_dir()
    return sorted(p for p in folder.glob("*") if p.suffix.lower() in {".txt", ".md",
                                                                       ".json", ".jsonl"})


def seed_file_key(name: str, seeds_dir: Path | None = None) -> tuple[str, int, int]:
    """(path, modification time in ns, size) of a bundled report: a cache key that changes
    when the file does."""
    by_name = {p.name: p for p in seed_files(seeds_dir)}
    if name not in by_name:
        raise BadInputError(f"no bundled report called {name!r}")
    stat = by_name[name].stat()
    return str(by_name[name]), stat.st_mtime_ns, stat.st_size


def seed_reports(names: Iterable[str], seeds_dir: Path | None = None) -> list[Report]:
    """Reports of the chosen bundled seeds (file names, not paths)."""
    by_name = {p.name: p for p in seed_files(seeds_dir)}
    reports = []
    for name in names:
        if name not in by_name:
            raise BadInputError(f"no bundled report called {name!r}")
        reports.extend(load_reports(by_name[name]))
    return reports


def reports_from_upload(name: str, data: bytes) -> list[Report]:
    """Reports of one uploaded file. The name picks the format and labels messages only; it is
    never used as a path. Raises :class:`BadInputError` naming the file and the problem."""
    label = Path(name).name or "upload"
    suffix = Path(label).suffix.lower().lstrip(".")
    if suffix not in UPLOAD_TYPES:
        raise BadInputError(f"{label}: unsupported file type; upload "
                            f"{', '.join('.' + t for t in UPLOAD_TYPES)}")
    if len(data) > MAX_UPLOAD_BYTES and suffix != "jsonl":
        raise BadInputError(f"{label} is {len(data) / 1e6:.1f} MB; the limit is "
                            f"{MAX_UPLOAD_BYTES / 1e6:.0f} MB per report")
    if len(data) > MAX_BATCH_UPLOAD_BYTES:
        raise BadInputError(f"{label} is {len(data) / 1e6:.1f} MB; the limit is "
                            f"{MAX_BATCH_UPLOAD_BYTES / 1e6:.0f} MB per JSONL file")
    # load_reports reads ``data``; the path only gives the format and names the file in
    # messages ("notes.txt is binary data"), it is never opened.
    return list(load_reports(Path(label), data=data))


def report_key(report: Report) -> tuple[str, str, str, str]:
    """What identifies a report's analysis: its text (report_id) and the metadata that reaches
    the events (a pasted text given a date is another analysis than the same text without)."""
    return (report.report_id, report.date.isoformat() if report.date else "", report.title,
            report.source)


def pasted_report(text: str, date: dt.date | None = None) -> Report:
    """A report from pasted text with an optional date."""
    return parse_report(text, name="pasted text", date=date)


@dataclass(frozen=True)
class Loaded:
    """Reports analysed for the page, and the problems met on the way (one line each)."""

    analyses: tuple[Analysis, ...]
    errors: tuple[str, ...] = ()


def analyse_reports(reader: Reader, reports: Sequence[Report],
                    overrides: dict[tuple[str, int], int] | None = None) -> Loaded:
    """Analyse every report; a failing report is reported, never raised.

    ``overrides`` maps (report_id, mention start) to the GeoNames id the user chose.
    """
    analyses, errors = [], []
    overrides = overrides or {}
    for report in reports:
        mine = {start: gid for (rid, start), gid in overrides.items()
                if rid == report.report_id}
        try:
            analyses.append(reader.analyse(report, overrides=mine or None))
        except FrontlineError as exc:
            errors.append(f"{report.source or report.title}: {exc}")
    return Loaded(tuple(analyses), tuple(errors))


@dataclass(frozen=True)
class EventFilter:
    """What the user wants to see on the map and in the tables."""

    kinds: frozenset[str] | None = None
    claimants: frozenset[str] | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    show_abroad: bool = True


def claimants(analyses: Sequence[Analysis]) -> list[str]:
    """Every distinct claimant of the analyses' events ("(unattributed)" for none)."""
    return sorted({e.claimed_by or "(unattributed)" for a in analyses for e in a.events})


def event_kinds(analyses: Sequence[Analysis]) -> list[str]:
    return sorted({e.kind.value for a in analyses for e in a.events})


def report_dates(analyses: Sequence[Analysis]) -> list[dt.date]:
    return sorted({a.report.date for a in analyses if a.report.date})


def filter_analyses(analyses: Sequence[Analysis], chosen: EventFilter) -> list[Analysis]:
    """The analyses with only the events (and reports) the filter lets through."""
    out = []
    for analysis in analyses:
        date = analysis.report.date
        if date and ((chosen.start and date < chosen.start) or (chosen.end and date > chosen.end)):
            continue
        events = tuple(
            e for e in analysis.events
            if (chosen.kinds is None or e.kind.value in chosen.kinds)
            and (chosen.claimants is None or (e.claimed_by or "(unattributed)")
                 in chosen.claimants)
            and (chosen.show_abroad or not e.abroad))
        mentions = analysis.mentions if chosen.show_abroad else tuple(
            m for m in analysis.mentions if m.place is None or m.place.country_code == "UA")
        out.append(replace(analysis, events=events, mentions=mentions))
    return out


def selection_key(analyses: Sequence[Analysis], *extra) -> str:
    """A digest of what the tables and the map of ``analyses`` show: each report's id and
    metadata, its events (kind, place, offsets, actor, claimant), resolved places (and why)
    and verdicts, and ``extra`` (the occupied-area date ...).

    Equal keys mean equal tables and maps, so the page can build them once and reuse them.
    """
    digest = hashlib.sha256(repr(extra).encode())
    for analysis in analyses:
        report = analysis.report
        digest.update(f"|r{report.report_id},{report.date},{report.title},{report.source}"
                      .encode())
        for e in analysis.events:
            digest.update(f"|e{e.kind.value},{e.place.id if e.place else ''},{e.start},"
                          f"{e.end},{e.date},{e.claimed_by},{e.actor},{e.denied_by}".encode())
        for m in analysis.mentions:
            digest.update(f"|m{m.start},{m.place.id if m.place else ''},{m.confidence},"
                          f"{m.reason}".encode())
        for v in analysis.verdicts:
            digest.update(f"|v{v.claim.start},{v.status.value},{v.measured_km}".encode())
    return digest.hexdigest()


def _report_label(analysis: Analysis) -> str:
    report = analysis.report
    return f"{report.date or ''} {report.title or report.source}".strip()


def places_frame(analyses: Sequence[Analysis]) -> pd.DataFrame:
    """One row per place mention: the chosen candidate, confidence, reason, the others."""
    rows = []
    for analysis in analyses:
        for m in analysis.mentions:
            if m.kind is MentionKind.COUNTRY:
                continue
            place = m.place
            others = [p for p in m.candidates if place is None or p.id != place.id]
            rows.append({
                "report": _report_label(analysis), "mention": m.text, "kind": m.kind.value,
                "place": place.name if place else "", "geonameid": place.id if place else None,
                "oblast": place.admin1 if place else "", "raion": place.admin2 if place else "",
                "lat": place.lat if place else None, "lon": place.lon if place else None,
                "confidence": round(m.confidence, 2), "reason": m.reason,
                "other candidates": "; ".join(f"{p.name} ({p.admin1 or p.country_code}, {p.id})"
                                              for p in others[:10])
                + (f" and {len(others) - 10} more" if len(others) > 10 else ""),
                "start": m.start, "report_id": analysis.report.report_id,
            })
    return pd.DataFrame(rows, columns=[
        "report", "mention", "kind", "place", "geonameid", "oblast", "raion", "lat", "lon",
        "confidence", "reason", "other candidates", "start", "report_id"])


def _name(mention: Mention | None) -> str:
    if mention is None:
        return ""
    return mention.place.name if mention.place else mention.text


def claims_frame(analyses: Sequence[Analysis]) -> pd.DataFrame:
    """One row per checked claim: stated vs measured, ratio, verdict and why."""
    rows = []
    for analysis in analyses:
        for v in analysis.verdicts:
            c = v.claim
            subject = c.subject.place if c.subject else None
            rows.append({
                "report": _report_label(analysis), "claim": c.text, "kind": c.kind.value,
                "subject": _name(c.subject), "reference": _name(c.reference) or
                c.reference_feature, "stated": c.distance.text if c.distance else "",
                "direction": c.direction, "measured km": None if v.measured_km is None else
                round(v.measured_km, 1), "bearing": None if v.bearing_deg is None else
                round(v.bearing_deg, 1), "ratio": None if v.ratio is None else round(v.ratio, 2),
                "verdict": v.status.value, "explanation": v.explanation,
                "lat": subject.lat if subject else None, "lon": subject.lon if subject else None,
            })
    return pd.DataFrame(rows, columns=[
        "report", "claim", "kind", "subject", "reference", "stated", "direction",
        "measured km", "bearing", "ratio", "verdict", "explanation", "lat", "lon"])


def events_frame(analyses: Sequence[Analysis]) -> pd.DataFrame:
    """One row per event: what, where, who did it, who says so, who denies it, evidence."""
    rows = []
    for analysis in analyses:
        for e in analysis.events:
            place = e.place
            rows.append({
                "date": e.date, "kind": e.kind.value, "place": place.name if place else
                e.mention.text, "geonameid": place.id if place else None, "actor": e.actor,
                "claimed by": e.claimed_by, "denied by": e.denied_by, "denial": e.denial,
                "precision": e.precision.value, "evidence": e.evidence,
                "lat": place.lat if place else None, "lon": place.lon if place else None,
            })
    return pd.DataFrame(rows, columns=[
        "date", "kind", "place", "geonameid", "actor", "claimed by", "denied by", "denial",
        "precision", "evidence", "lat", "lon"])


def ambiguous_mentions(analyses: Sequence[Analysis]) -> list[tuple[Analysis, Mention]]:
    """Settlement mentions with more than one candidate, first occurrence per name/report."""
    seen, out = set(), []
    for analysis in analyses:
        for m in analysis.mentions:
            key = (analysis.report.report_id, m.text)
            if m.kind is MentionKind.SETTLEMENT and len(m.candidates) > 1 and key not in seen:
                seen.add(key)
                out.append((analysis, m))
    return out


def row_point(frame: pd.DataFrame, rows: Sequence[int]) -> tuple[float, float] | None:
    """(lat, lon) of the first selected row of a table, or None (no row, or no place)."""
    if not rows or rows[0] >= len(frame):
        return None
    lat, lon = frame.iloc[rows[0]][["lat", "lon"]]
    try:
        lat, lon = float(lat), float(lon)
    except (TypeError, ValueError):
        return None
    return (lat, lon) if math.isfinite(lat) and math.isfinite(lon) else None


def keep_selection(previous_options: Sequence[str], selected: Sequence[str],
                   options: Sequence[str]) -> list[str]:
    """A multiselect's new value when its options change: what was selected and is still
    offered, plus every option that is new (a newly loaded report's event kinds and claimants
    are shown until the user deselects them)."""
    before, chosen = set(previous_options), set(selected)
    return [o for o in options if o in chosen or o not in before]


def candidate_label(place) -> str:
    """How a candidate is shown in a chooser."""
    where = ", ".join(p for p in (place.admin2, place.admin1) if p) or place.country_code
    return f"{place.name} ({where}; GeoNames {place.id}, pop. {place.population:,})"


def check_distance(query_a: str, query_b: str, *, choose_a: int | None = None,
                   choose_b: int | None = None, stated_km: float | None = None,
                   direction: str = "", geocoder=None
                   ) -> tuple[PlaceDistance, Verdict | None]:
    """Distance and bearing from A to B; with a stated figure or direction, the verdict on
    "B is X km <direction> of A", by the same rules as claims read from reports."""
    from geo.checks import check_claim

    result = measure(query_a, query_b, geocoder, choose_a=choose_a, choose_b=choose_b)
    if not stated_km and not direction:
        return result, None
    direction_deg = geodesy.parse_compass(direction) if direction else None
    if direction and direction_deg is None:
        raise BadInputError(f"{direction!r} is not a compass direction (N, NE, ENE, ...)")
    if stated_km is not None and not (0 < stated_km < 50_000):
        raise BadInputError(f"{stated_km} km is not a distance on Earth")

    def as_mention(end) -> Mention:
        return Mention(end.query, 0, 0, MentionKind.SETTLEMENT, (end.place,), end.place, 1.0,
                       end.reason)

    distance = None
    if stated_km:
        distance = StatedDistance(f"{stated_km:g} km", float(stated_km), "km", float(stated_km),
                                  float(stated_km))
    words = " ".join(p for p in (f"{stated_km:g} km" if stated_km else "", direction, "of",
                                 query_a) if p)
    claim = Claim(kind=ClaimKind.DISTANCE if stated_km else ClaimKind.DIRECTION,
                  subject=as_mention(result.b), text=f"{query_b} is {words}", start=0,
                  end=0, reference=as_mention(result.a), distance=distance,
                  direction=geodesy.compass_point(direction_deg, 32) if direction_deg
                  is not None else "", direction_deg=direction_deg)
    return result, check_claim(claim)


def export_bytes(analyses: Sequence[Analysis], fmt: str, what: str = "events") -> bytes:
    """The current selection as a download: ``fmt`` in geojson, parquet, csv."""
    from geo import exports

    gdf = exports.to_geodataframe(list(analyses), what)
    writers = {"geojson": exports.write_geojson, "parquet": exports.write_geoparquet,
               "csv": exports.write_csv}
    if fmt not in writers:
        raise BadInputError(f"unknown export format {fmt!r}")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"export.{fmt}"
        writers[fmt](gdf, path)
        return path.read_bytes()


def map_html_bytes(folium_map) -> bytes:
    """The map as one self-contained offline HTML file."""
    from geo.offline import export_html

    with tempfile.TemporaryDirectory() as folder:
        path = export_html(folium_map, Path(folder) / "map.html")
        return path.read_bytes()
