"""The ``frontline`` command: a thin typer + rich skin over ``geo``."""

from __future__ import annotations

import json
import logging
import os
import sys
from typing import Annotated
from urllib.parse import urlsplit

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from geo.errors import BadInputError, FrontlineError
from geo.geocoder import OfflineGeocoder, nominatim_fallback
from geo.measure import measure

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Geocode places of war reporting offline and check distance facts.")
out = Console(width=None if sys.stdout.isatty() else 120)
err = Console(stderr=True, width=None if sys.stderr.isatty() else 120)


#: Environment variable naming another Nominatim server for ``--online``, as a base URL
#: ("http://127.0.0.1:8080" or "https://nominatim.example.org/nominatim"); for self-hosted
#: Nominatim and for tests. Unset: the public nominatim.openstreetmap.org.
NOMINATIM_URL_ENV = "FRONTLINE_NOMINATIM_URL"


def _geocoder(online: bool) -> OfflineGeocoder:
    if not online:
        return OfflineGeocoder()
    # The CLI prints the geocoder's warnings itself: without a handler of its own, its logged
    # copy would reach stderr too (Python's last-resort handler), and the user read it twice.
    logger = logging.getLogger("geo.geocoder")
    if not logger.handlers:
        logger.addHandler(logging.NullHandler())
    url = os.environ.get(NOMINATIM_URL_ENV, "").strip()
    if not url:
        return OfflineGeocoder(fallback=nominatim_fallback())
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc or parts.query \
            or parts.fragment:
        raise BadInputError(f"{NOMINATIM_URL_ENV}={url!r} is no base URL of a Nominatim "
                            "server, e.g. http://127.0.0.1:8080")
    return OfflineGeocoder(fallback=nominatim_fallback(
        domain=parts.netloc + parts.path.rstrip("/"), scheme=parts.scheme))


def _fail(message: str, code: int = 1) -> None:
    """Print ``message`` (escaped: it may quote user input such as "[red]") and exit."""
    err.print(f"[bold red]error:[/] {escape(message)}", highlight=False, markup=True)
    raise typer.Exit(code)


def _echo_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


@app.command()
def geocode(
    query: Annotated[str, typer.Argument(help='A place, optionally with context: '
                                              '"Voznesenka, Donetsk oblast".')],
    all_: Annotated[bool, typer.Option("--all", help="List every candidate, best first.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    online: Annotated[bool, typer.Option(
        help=f"Ask Nominatim (network) when offline fails; ${NOMINATIM_URL_ENV} "
             "(a base URL such as http://127.0.0.1:8080) points it at another server.")]
    = False,
) -> None:
    """Resolve a place name to coordinates from the shipped GeoNames gazetteer."""
    try:
        geocoder = _geocoder(online)
        found = geocoder.geocode(query, exactly_one=False)
    except FrontlineError as exc:
        _fail(str(exc), 2)
    if not found:
        _fail(f"no place called {query!r} in the gazetteer"
              + ("" if online else " (try --online to ask Nominatim)")
              + "".join(f"; {w}" for w in geocoder.warnings))
    shown = found if all_ else found[:1]
    if as_json:
        _echo_json([{"address": loc.address, "lat": loc.latitude, "lon": loc.longitude,
                     **{k: v for k, v in loc.raw.items()
                        if k not in {"alt_names", "address", "lat", "lon"}}}
                    for loc in shown])
        return
    table = Table("geonameid", "name", "oblast", "raion", "country", "lat", "lon", "population",
                  title=f"{query!r}: {len(found)} candidate(s)", title_justify="left")
    for loc in shown:
        raw = loc.raw
        table.add_row(str(raw.get("geonameid", "")), raw.get("name", loc.address),
                      raw.get("admin1", ""), raw.get("admin2", ""),
                      raw.get("country_code", ""), f"{loc.latitude:.5f}",
                      f"{loc.longitude:.5f}", f"{raw.get('population', 0):,}")
    out.print(table)
    out.print(f"why: {found[0].raw.get('reason', '')}", highlight=False)
    if len(found) > 1 and not all_:
        out.print(f"[yellow]ambiguous:[/] {len(found) - 1} other candidate(s); "
                  "add context (\"NAME, OBLAST oblast\") or use --all")


@app.command()
def distance(
    place_a: Annotated[str, typer.Argument(help="From this place (context allowed).")],
    place_b: Annotated[str, typer.Argument(help="To this place (context allowed).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Geodesic distance (WGS84), initial bearing and compass point from A to B."""
    try:
        result = measure(place_a, place_b, OfflineGeocoder())
    except FrontlineError as exc:
        _fail(str(exc), 1)
    if as_json:
        _echo_json(result.to_dict())
        return
    for end in (result.a, result.b):
        p = end.place
        out.print(f"{end.query!r} -> {p.name} (GeoNames {p.id}; {p.admin1 or p.country_code}) "
                  f"at {p.lat:.5f}, {p.lon:.5f}", highlight=False)
        if end.ambiguous:
            others = "; ".join(f"{o.name} ({o.admin1 or o.country_code}, {o.id})"
                               for o in end.alternatives[:8])
            more = len(end.alternatives) - 8
            out.print(f"  [yellow]ambiguous[/], also: {others}"
                      + (f" and {more} more" if more > 0 else ""), highlight=False)
    out.print(f"[bold]{result.distance_km:.1f} km[/] ({result.distance_mi:.1f} mi), "
              f"bearing {result.bearing_deg:.1f}° = {result.compass8} on 8 points, "
              f"{result.compass16} on 16", highlight=False)


@app.command()
def check(
    inputs: Annotated[list[str], typer.Argument(help="Report files or report text.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the analyses as JSON.")] = False,
) -> None:
    """Read reports: places found and resolved, distance facts checked."""
    from geo.exports import analysis_to_dict

    try:
        analyses = _analyse_many(inputs)
    except FrontlineError as exc:
        _fail(str(exc), 2)
    if as_json:
        data = [analysis_to_dict(a) for a in analyses]
        _echo_json(data[0] if len(data) == 1 else data)
        return
    for analysis in analyses:
        _print_analysis(analysis)


def _print_analysis(analysis) -> None:
    """The analysis as tables (places, claims with verdicts, events) and its warnings; an
    empty section says so in words rather than as an empty table."""
    report = analysis.report
    out.print(f"[bold]{escape(report.title or report.source)}[/] ({report.date or 'no date'})",
              highlight=False)
    for warning in analysis.warnings:
        out.print(f"[yellow]warning:[/] {escape(warning)}", highlight=False)
    if not analysis.mentions:
        out.print("no places found in the text", highlight=False)
        return
    places = Table("text", "kind", "place", "GeoNames", "oblast", "conf.", "why",
                   title="places", title_justify="left")
    for m in analysis.mentions:
        place = m.place
        places.add_row(escape(m.text), m.kind.value, escape(place.name) if place else "-",
                       str(place.id) if place else "-", place.admin1 if place else "",
                       f"{m.confidence:.2f}", escape(m.reason))
    out.print(places)
    if analysis.verdicts:
        claims = Table("claim", "stated", "measured", "ratio", "verdict", "why",
                       title="claims", title_justify="left")
        colours = {"consistent": "green", "inconsistent": "red", "unverifiable": "yellow"}
        for v in analysis.verdicts:
            stated = v.claim.distance.text if v.claim.distance else v.claim.direction or ""
            claims.add_row(escape(v.claim.text), escape(stated),
                           f"{v.measured_km:.1f} km" if v.measured_km is not None else "-",
                           f"{v.ratio:.2f}" if v.ratio else "-",
                           f"[{colours[v.status.value]}]{v.status.value}[/]",
                           escape(v.explanation))
        out.print(claims)
    else:
        out.print("no distance, direction or region claims in the text", highlight=False)
    if analysis.events:
        events = Table("event", "where", "when", "actor", "claimed by", "denied by",
                       title="events", title_justify="left")
        for e in analysis.events:
            where = e.place.name if e.place else e.mention.text
            when = e.when or (e.date.isoformat() if e.date else "")
            events.add_row(e.kind.value, escape(where), escape(when), escape(e.actor),
                           escape(e.claimed_by), escape(e.denied_by))
        out.print(events)


def _analyse_many(inputs: list[str]):
    """Analyses of every input, with a progress bar for many reports (on stderr)."""
    from rich.progress import track

    from geo.reports import default_reader, reports_from_arguments

    reports = reports_from_arguments(inputs)
    reader = default_reader()
    iterator = reports if len(reports) < 3 else track(reports, description="reading reports",
                                                      console=err)
    return [reader.analyse(report) for report in iterator]


@app.command("map")
def map_(
    inputs: Annotated[list[str], typer.Argument(help="Report files or report text.")],
    output: Annotated[str, typer.Option("-o", "--output", help="HTML file to write.")]
    = "map.html",
    date: Annotated[str | None, typer.Option(help="Occupied area on this date (YYYY-MM-DD).")]
    = None,
    diplomatic: Annotated[bool, typer.Option(help="Show events abroad (diplomatic).")] = True,
) -> None:
    """Write one self-contained HTML map (works offline) of the reports' events and claims."""
    from pathlib import Path

    from geo.mapping import build_map
    from geo.offline import export_html

    try:
        analyses = _analyse_many(inputs)
        folium_map = build_map(analyses, date=date, show_abroad=diplomatic)
        path = export_html(folium_map, Path(output))
    except (FrontlineError, OSError) as exc:
        _fail(str(exc), 2)
    events = sum(len(a.events) for a in analyses)
    out.print(f"wrote {path} ({path.stat().st_size / 1e6:.2f} MB): {len(analyses)} report(s), "
              f"{events} event(s)", highlight=False)


@app.command()
def export(
    inputs: Annotated[list[str], typer.Argument(help="Report files or report text.")],
    output: Annotated[str, typer.Option("-o", "--output",
                                        help="out.geojson, out.parquet or out.csv")],
    what: Annotated[str, typer.Option(help="events, places or verdicts")] = "events",
) -> None:
    """Export events, places or verdicts as GeoJSON, GeoParquet or CSV (EPSG:4326)."""
    from pathlib import Path

    from geo import exports

    writers = {".geojson": exports.write_geojson, ".json": exports.write_geojson,
               ".parquet": exports.write_geoparquet, ".csv": exports.write_csv}
    path = Path(output)
    if path.suffix.lower() not in writers:
        _fail(f"unknown output format {path.suffix or '(none)'!r}: use .geojson, .parquet "
              "or .csv", 2)
    if what not in {"events", "places", "verdicts"}:
        _fail(f"--what must be events, places or verdicts, not {what!r}", 2)
    try:
        analyses = _analyse_many(inputs)
        written = writers[path.suffix.lower()](exports.to_geodataframe(analyses, what), path)
    except (FrontlineError, OSError) as exc:
        _fail(str(exc), 2)
    out.print(f"wrote {written}", highlight=False)


@app.command()
def batch(
    inputs: Annotated[list[str], typer.Argument(
        help="Folders of .txt/.md reports; .jsonl, .json, .csv or .parquet files with a 'text' "
             "column (and date, title, source when present).")],
    output: Annotated[str, typer.Option("-o", "--output",
                                        help="Output folder, e.g. out.parquet")],
    engine: Annotated[str | None, typer.Option(
        help="local (a process per core) or dask (default: local; dask with --scheduler)")]
    = None,
    scheduler: Annotated[str | None, typer.Option(
        help="Address of a running Dask scheduler, tcp://host:port (implies --engine dask)")]
    = None,
    workers: Annotated[int | None, typer.Option(
        min=1, help="Worker processes, local engine or local Dask cluster (default: cores)")]
    = None,
    partition_size: Annotated[int | None, typer.Option(
        min=1, help="Reports per partition (default: 500, less for a small corpus)")] = None,
    overwrite: Annotated[bool, typer.Option(help="Replace a previous run's output.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")]
    = False,
) -> None:
    """Read a corpus into partitioned GeoParquet (events/, places/, verdicts/, reports/),
    with failures.parquet and summary.json; single bad reports are recorded, never fatal."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from geo.batch import run_batch

    engine = engine or ("dask" if scheduler else "local")
    try:
        columns = [TextColumn("reading reports"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("{task.fields[failed]} failed"), TimeElapsedColumn()]
        with Progress(*columns, console=err, disable=as_json) as bar:
            task = bar.add_task("batch", total=None, failed=0)
            summary = run_batch(inputs, output, engine=engine, workers=workers,
                                scheduler=scheduler, partition_size=partition_size,
                                overwrite=overwrite, progress=lambda s: bar.update(
                                    task, total=s.total, completed=s.reports,
                                    failed=s.reports_failed))
    except (FrontlineError, OSError) as exc:
        _fail(str(exc), 2)
    data = summary.to_dict()
    if as_json:
        _echo_json(data)
        return
    out.print(f"read {summary.reports_read:,} report(s), {summary.reports_failed:,} failed, in "
              f"{summary.seconds:.1f} s ({summary.reports_per_s:.1f} reports/s, "
              f"{summary.workers} {summary.engine} worker(s)) -> {escape(output)}",
              highlight=False)
    out.print(f"places: {summary.places:,} resolved mentions of {summary.distinct_places:,} "
              f"distinct places; claims: {summary.claims:,} "
              f"({', '.join(f'{v:,} {k}' for k, v in data['claims_by_verdict'].items()) or '-'})"
              f"; events: {summary.events:,}", highlight=False)
    if summary.events_by_kind:
        out.print("events by kind: " + ", ".join(f"{k} {v:,}" for k, v in sorted(
            summary.events_by_kind.items(), key=lambda item: -item[1])), highlight=False)
    if summary.reports_failed:
        reasons = Table("failures", "reason", title="failures (all in failures.parquet)",
                        title_justify="left")
        for reason, count in list(data["failed_by_reason"].items())[:10]:
            reasons.add_row(f"{count:,}", escape(reason))
        out.print(reasons)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
