"""Map at scale: our clustered map vs folium's default (one marker per event), offline.

Data: :data:`N_LARGE` (and :data:`N_SMALL`) synthetic events at real places
(:func:`synthetic_analyses`): Ukrainian populated places of the gazetteer drawn with
probability proportional to population plus :data:`POPULATION_FLOOR` (so villages appear too;
seeded), one :class:`~geo.models.Event` each, its evidence a sentence written from
:data:`TEMPLATES` (quotes and ampersands included, escaped by the map code), 100 events per
report.

Contenders, each exported with the same offline inliner (:func:`geo.offline.export_html`) so
both pages are self-contained:

- **ours**: ``build_map(analyses)`` with its default layers (events, occupied area, borders,
  oblasts, legend, attribution; more than the other page carries); above the cluster threshold
  the events are a ``CanvasMarkerCluster``. Ready = Leaflet initialised, the fitted view
  settled and cluster icons (``.marker-cluster``) drawn.
- **folium default**: ``folium.Map()`` (default tiles and view) with one ``folium.Marker`` per
  event, its popup the same escaped HTML (``event_popup_html``), no clustering. Ready = all
  markers' icons (``.leaflet-marker-icon``) in the DOM.

Measured per contender and size: ``build`` (Python objects), ``export`` (render + inline +
write), HTML size, and time to ready in headless Debian Chromium: from ``page.goto`` of the
``file://`` URL (each load in a fresh browser, network blocked but for file:/data:) to the
ready condition and the next painted frame (also recorded: the page's own clock at that frame
and at DOMContentLoaded, both from navigation start). Both pages keep the OpenStreetMap tile
layer; its requests are blocked. Median of :data:`REPEATS` repeats, the contenders taking
turns (ABA order) within one run, after one warm-up build and export of each (imports, outline
and front-line data). A load that does not become ready within :data:`LOAD_TIMEOUT_S` s is
recorded as timed out (its renderer is then killed) and that contender's remaining turns at
that size are skipped, to keep the run within about ten minutes; ``runs`` says how many runs
its figures come from.

Targets (ours at 50,000 events): HTML < :data:`TARGET_MB` MB, ready < :data:`TARGET_READY_S` s.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import signal
import statistics
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np

N_LARGE = 50_000
N_SMALL = 10_000
REPEATS = 3
SEED = 20250601
#: Added to every place's population before weighting (places without a population count).
POPULATION_FLOOR = 1_000
EVENTS_PER_REPORT = 100
#: Seconds a page may take to become ready before the load counts as timed out.
LOAD_TIMEOUT_S = 180
TARGET_MB = 15.0
TARGET_READY_S = 3.0

#: Evidence sentences, one event each; {place} is the gazetteer name.
TEMPLATES: dict[str, tuple[str, ...]] = {
    "assault": ("Russian forces attacked positions near {place} overnight, the General Staff "
                "said.", "Fighting continued on the outskirts of {place} & nearby villages."),
    "entry_repelled": ("Ukrainian troops repelled an assault on {place}, according to the "
                       "brigade's spokesperson.",),
    "capture_claim": ('The Russian Defense Ministry claimed the "liberation" of {place}.',),
    "control_affirmed": ("{place} remains under Ukrainian control, the regional administration "
                         "said.",),
    "withdrawal": ("Units withdrew from positions west of {place} to avoid encirclement.",),
    "strike": ("A drone strike on {place} damaged a school & two houses, the governor said.",
               "Artillery shelled {place} on Tuesday; officials reported a fire at a depot."),
    "interception": ("Air defences shot down 14 drones over {place} overnight, the air force "
                     "said.",),
    "evacuation": ("Authorities ordered the evacuation of families with children from "
                   "{place}.",),
    "casualties": ("Two civilians were killed and five wounded in {place}, police said.",),
    "statement": ('Officials in {place} said the situation was "tense but under control".',),
}


def synthetic_analyses(n: int, seed: int = SEED):
    """``n`` events at real Ukrainian populated places (population-weighted, seeded), one
    sentence of evidence each, in reports of :data:`EVENTS_PER_REPORT` events."""
    from geo.gazetteer import load_gazetteer
    from geo.models import Analysis, Event, EventKind, Mention, Precision, Report

    gazetteer = load_gazetteer()
    frame = gazetteer.frame
    rows = np.flatnonzero((frame["country_code"] == "UA").to_numpy()
                          & (frame["feature_class"] == "P").to_numpy())
    weights = frame["population"].to_numpy()[rows].astype(float) + POPULATION_FLOOR
    rng = np.random.default_rng(seed)
    picked = rng.choice(rows, size=n, p=weights / weights.sum())
    kinds = rng.integers(0, len(EventKind), size=n)
    variants = rng.integers(0, 1 << 16, size=n)
    all_kinds = list(EventKind)
    precisions = list(Precision)
    analyses = []
    start = dt.date(2025, 1, 1)
    for r, first in enumerate(range(0, n, EVENTS_PER_REPORT)):
        date = start + dt.timedelta(days=r % 180)
        report = Report(f"synthetic report {r}", date, f"Synthetic report {r}",
                        "bench/map.py synthetic", f"{r:016x}")
        events = []
        for i in range(first, min(first + EVENTS_PER_REPORT, n)):
            place = gazetteer.place_at(int(picked[i]))
            kind = all_kinds[kinds[i]]
            templates = TEMPLATES[str(kind)]
            evidence = templates[variants[i] % len(templates)].format(place=place.name)
            at = evidence.index(place.name)
            mention = Mention(place.name, at, at + len(place.name), candidates=(place,),
                              place=place, confidence=0.9, reason="synthetic")
            events.append(Event(kind, mention, evidence, 0, len(evidence), date=date,
                                actor=("Russian forces", "Ukrainian forces", "")[i % 3],
                                claimed_by=f"source {i % 13}",
                                precision=precisions[i % len(precisions)]))
        analyses.append(Analysis(report, events=tuple(events)))
    return analyses


# --------------------------------------------------------------------------- contenders


def build_ours(analyses):
    from geo.mapping import build_map

    return build_map(analyses)


def build_folium_default(analyses):
    import folium

    from geo.mapping import event_popup_html

    m = folium.Map()
    for analysis in analyses:
        for event in analysis.events:
            folium.Marker(
                [event.place.lat, event.place.lon],
                popup=folium.Popup(event_popup_html(event, analysis.report), max_width=360),
            ).add_to(m)
    return m


#: JavaScript predicate of "ready", with the number of events as argument.
READY_OURS = """() => typeof L === 'object' && !!document.querySelector('.leaflet-container')
    && document.querySelectorAll('.marker-cluster').length > 0
    && !document.querySelector('.leaflet-zoom-anim')"""
READY_FOLIUM = """(n) => typeof L === 'object' && !!document.querySelector('.leaflet-container')
    && document.querySelectorAll('.leaflet-marker-icon').length >= n"""
#: What the page shows once ready (for the record: cluster icons, the events they cover).
DRAWN = """() => {
    const clusters = [...document.querySelectorAll('.marker-cluster')];
    return {marker_icons: document.querySelectorAll('.leaflet-marker-icon').length,
            cluster_icons: clusters.length,
            clustered_events: clusters.reduce(
                (s, c) => s + (parseInt(c.innerText.replace(/,/g, ''), 10) || 0), 0),
            canvases: document.querySelectorAll('canvas').length,
            dom_content_loaded_s: (performance.getEntriesByType('navigation')[0] || {})
                .domContentLoadedEventEnd / 1000};
}"""
#: Waits for the next painted frame; returns the page's clock (s since navigation start).
NEXT_FRAME = """() => new Promise(r => requestAnimationFrame(
    () => requestAnimationFrame(() => r(performance.now() / 1000))))"""

CONTENDERS: dict[str, tuple[Callable, str]] = {
    "ours": (build_ours, READY_OURS),
    "folium default": (build_folium_default, READY_FOLIUM),
}


# --------------------------------------------------------------------------- browser


@contextlib.contextmanager
def _offline_page() -> Iterator:
    """A page of a fresh headless Chromium with every non-file:/data: request blocked."""
    try:
        from tests.browser import chromium_page
    except ImportError:
        chromium_page = None
    if chromium_page is not None:
        with chromium_page() as session:
            yield session.page, session.page_errors
        return
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        try:
            page = browser.new_context(service_workers="block").new_page()
            page.route("**/*", lambda route: route.continue_()
                       if route.request.url.startswith(("file:", "data:", "blob:"))
                       else route.abort("blockedbyclient"))
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            yield page, errors
        finally:
            browser.close()


def _renderer_pids(page) -> list[int]:
    """Process ids of the renderers of ``page``'s browser (asked of the browser process)."""
    try:
        session = page.context.browser.new_browser_cdp_session()
        info = session.send("SystemInfo.getProcessInfo")
    except Exception:  # not Chromium, or the call is unsupported: no watchdog
        return []
    return [int(p["id"]) for p in info.get("processInfo", []) if p.get("type") == "renderer"]


def time_to_ready(path: Path, ready: str, n: int, timeout_s: float = LOAD_TIMEOUT_S) -> dict:
    """Seconds from ``page.goto`` to the ready condition (``in_dom_s``) and to the next painted
    frame after it (``seconds``), in a fresh offline Chromium; ``seconds`` is None and
    ``timed_out`` True past ``timeout_s`` (``in_dom_s`` is kept if the condition was met).

    Playwright's own timeouts do not cover ``evaluate``, and a renderer still busy with a huge
    page can keep the browser from closing for minutes; so a watchdog kills this browser's
    renderer processes (by id) at the deadline, which ends any pending call."""
    from playwright.sync_api import Error as PlaywrightError

    result: dict = {"seconds": None, "in_dom_s": None, "timed_out": True}
    with _offline_page() as (page, errors):
        fired = threading.Event()
        pids: list[int] = []

        def kill_renderers() -> None:
            fired.set()
            for pid in pids:
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGKILL)

        start = time.perf_counter()
        watchdog = threading.Timer(timeout_s, kill_renderers)
        watchdog.start()
        try:
            page.goto(path.as_uri(), wait_until="commit", timeout=timeout_s * 1000)
            pids.extend(_renderer_pids(page))
            left = max(1.0, timeout_s - (time.perf_counter() - start))
            page.wait_for_function(ready, arg=n, polling="raf", timeout=left * 1000)
            result["in_dom_s"] = time.perf_counter() - start
            in_page = page.evaluate(NEXT_FRAME)
            seconds = time.perf_counter() - start
            watchdog.cancel()
            drawn = page.evaluate(DRAWN)
        except PlaywrightError:  # TimeoutError is one; a killed renderer raises another
            watchdog.cancel()
            kill_renderers()
            return {**result, "page_errors": errors[:3]}
        finally:
            watchdog.cancel()
        if fired.is_set():  # the deadline passed while the last frame was being drawn
            return {**result, "page_errors": errors[:3]}
        return {**result, "seconds": seconds, "timed_out": False, "in_page_ready_s": in_page,
                **drawn, "page_errors": errors[:3]}


# --------------------------------------------------------------------------- running


def _median(values: list) -> float | None:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def run_size(n: int, folder: Path, repeats: int = REPEATS) -> dict:
    """Both contenders at ``n`` events, taking turns, ``repeats`` times each."""
    from geo.offline import export_html

    analyses = synthetic_analyses(n)
    for build, _ in CONTENDERS.values():  # imports and the outline/front-line data, once
        export_html(build(analyses[:1]), folder / "warm-up.html")
    runs: dict[str, list[dict]] = {name: [] for name in CONTENDERS}
    gave_up: set[str] = set()
    names = list(CONTENDERS)
    for repeat in range(repeats):
        for name in names if repeat % 2 == 0 else names[::-1]:
            if name in gave_up:  # its load timed out: its remaining turns are skipped
                print(f"  {n:>6,} {name:<15} run {repeat + 1}: skipped (load timed out)")
                continue
            build, ready = CONTENDERS[name]
            start = time.perf_counter()
            m = build(analyses)
            built = time.perf_counter() - start
            path = folder / f"{name.replace(' ', '_')}-{n}.html"
            start = time.perf_counter()
            export_html(m, path)
            exported = time.perf_counter() - start
            del m
            run = {"build_s": built, "export_s": exported, "size_mb": path.stat().st_size / 1e6}
            run["load"] = load = time_to_ready(path, ready, n)
            if load["timed_out"]:
                gave_up.add(name)
            print(f"  {n:>6,} {name:<15} run {repeat + 1}: build {built:6.2f} s, export "
                  f"{exported:6.2f} s, {run['size_mb']:6.2f} MB, ready "
                  + (f"{load['seconds']:.2f} s (condition met {load['in_dom_s']:.2f} s; in "
                     f"page: DOMContentLoaded {load['dom_content_loaded_s']:.2f} s, painted "
                     f"{load['in_page_ready_s']:.2f} s)" if not load["timed_out"]
                     else f"timed out (> {LOAD_TIMEOUT_S} s; condition met "
                     + (f"{load['in_dom_s']:.2f} s)" if load["in_dom_s"] is not None
                        else "never)")), flush=True)
            runs[name].append(run)
            path.unlink()
    out: dict = {}
    for name, done in runs.items():
        loads = [r["load"] for r in done]
        timed_out = any(x["timed_out"] for x in loads)
        last = next((x for x in reversed(loads) if not x["timed_out"]), {})
        out[name] = {
            "build_s": _median([r["build_s"] for r in done]),
            "export_s": _median([r["export_s"] for r in done]),
            "size_mb": _median([r["size_mb"] for r in done]),
            # A timed-out load has no time: the median is then unknown (reported timed out).
            "ready_s": None if timed_out else _median([x["seconds"] for x in loads]),
            "ready_runs_s": [x["seconds"] for x in loads],
            "in_dom_s": _median([x["in_dom_s"] for x in loads])
            if all(x["in_dom_s"] is not None for x in loads) else None,
            "in_page_ready_s": None if timed_out else _median([x["in_page_ready_s"]
                                                               for x in loads]),
            "dom_content_loaded_s": None if timed_out else _median(
                [x["dom_content_loaded_s"] for x in loads]),
            "timed_out": timed_out,
            "runs": len(done),
            "drawn": {k: last[k] for k in ("marker_icons", "cluster_icons",
                                           "clustered_events", "canvases") if k in last},
            "page_errors": sorted({e for x in loads for e in x.get("page_errors", [])}),
        }
    ours, folium_default = out["ours"], out["folium default"]
    out["ratios_folium_over_ours"] = {
        key: (folium_default[key] / ours[key]
              if folium_default[key] is not None and ours[key] else None)
        for key in ("build_s", "export_s", "size_mb", "ready_s", "in_dom_s")}
    return out


def _fmt(value: float | None, timed_out: bool = False, digits: int = 2) -> str:
    if value is None:
        return f">{LOAD_TIMEOUT_S}(t/o)" if timed_out else "-"
    return f"{value:.{digits}f}"


def print_table(results: dict[int, dict]) -> None:
    print(f"\n{'events':>7}  {'contender':<15} {'build s':>8} {'export s':>9} {'size MB':>8} "
          f"{'in DOM s':>9} {'ready s':>11}")
    for n, res in results.items():
        for name in CONTENDERS:
            r = res[name]
            print(f"{n:>7,}  {name:<15} {_fmt(r['build_s']):>8} {_fmt(r['export_s']):>9} "
                  f"{_fmt(r['size_mb']):>8} {_fmt(r['in_dom_s']):>9} "
                  f"{_fmt(r['ready_s'], r['timed_out']):>11}")
    print("(in DOM = the ready condition met; ready = the next frame painted after it)")
    print("\nratios, folium default / ours (higher = ours better):")
    for n, res in results.items():
        ratios = res["ratios_folium_over_ours"]
        parts = []
        for key, label in (("build_s", "build"), ("export_s", "export"), ("size_mb", "size"),
                           ("in_dom_s", "in DOM"), ("ready_s", "ready")):
            value = ratios[key]
            if value is not None:
                parts.append(f"{label} {value:.1f}x")
            elif key == "ready_s" and res["folium default"]["timed_out"]:
                ours = res["ours"]["ready_s"]
                parts.append(f"ready > {LOAD_TIMEOUT_S / ours:.0f}x (timed out)" if ours
                             else "ready: timed out")
        print(f"  {n:>7,} events: " + ", ".join(parts))


def main() -> dict:
    started = time.perf_counter()
    results: dict[int, dict] = {}
    with tempfile.TemporaryDirectory(prefix="bench-map-") as tmp:
        for n in (N_SMALL, N_LARGE):
            results[n] = run_size(n, Path(tmp))
    print_table(results)
    ours = results[N_LARGE]["ours"]
    targets = {
        "size_under_15mb": ours["size_mb"] is not None and ours["size_mb"] < TARGET_MB,
        "ready_under_3s": ours["ready_s"] is not None and ours["ready_s"] < TARGET_READY_S,
    }
    print(f"\ntargets at {N_LARGE:,} events (ours): HTML {_fmt(ours['size_mb'])} MB "
          f"< {TARGET_MB:g} MB: {'met' if targets['size_under_15mb'] else 'MISSED'}; ready "
          f"{_fmt(ours['ready_s'])} s < {TARGET_READY_S:g} s: "
          f"{'met' if targets['ready_under_3s'] else 'MISSED'}")
    if results[N_LARGE]["folium default"]["timed_out"]:
        print(f"folium default at {N_LARGE:,} events did not become ready within "
              f"{LOAD_TIMEOUT_S} s (timed out; its later turns skipped, its figures are from "
              f"{results[N_LARGE]['folium default']['runs']} run)")
    total = time.perf_counter() - started
    print(f"total {total:.0f} s; median of {REPEATS}, contenders taking turns, one run")
    return {"sizes": {str(n): res for n, res in results.items()}, "targets": targets,
            "repeats": REPEATS, "load_timeout_s": LOAD_TIMEOUT_S, "seed": SEED,
            "total_s": total}


if __name__ == "__main__":
    main()
