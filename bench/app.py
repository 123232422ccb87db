"""Dashboard speed and memory: ``streamlit run app.py`` measured in headless Chromium.

Each dataset gets its own server on a free 127.0.0.1 port (headless, no usage statistics,
through ``tests.browser.streamlit_server``) and Debian's Chromium, which resolves no host name
(``--host-resolver-rules``) so nothing leaves the machine and the map tiles fail. (The tests
block requests with Playwright's routing instead; routing turns the browser cache off, and a
returning visitor's cache is one of the things measured here.)

- **Time to a ready map**: from ``page.goto`` to the Leaflet map drawn inside the st_folium
  iframe: a ``.leaflet-container`` with at least one marker icon (a marker or a cluster).
  Three figures: *cold*, the first load after the server started (it loads the gazetteer and
  analyses every report); *first visit*, a new browser (empty cache) once the server has the
  analyses cached, as for every visitor after the first; *returning visit*, the same browser
  loading the page again (Streamlit's scripts from its cache). First and returning visits are
  the median (and best) of :data:`WARM_LOADS` loads. The machine's load average is recorded
  beside them: on a shared 2-CPU machine, the best of several loads is the fairer figure.
- **Datasets**: the bundled seed (``seeds/``), and :data:`N_EVENTS` events from synthetic
  reports: sentences written for this benchmark (:data:`TEMPLATES`, one event each) about real
  gazetteer places (Ukrainian settlements whose name has a single candidate), counted by the
  reader while they are written, in a JSONL file the app reads as its bundled reports through
  ``FRONTLINE_SEEDS_DIR``. The number of events the page lists is read back from its Events
  table.
- **Memory**: resident set size of the server process after those loads (psutil; ``VmRSS``
  of ``/proc/<pid>/status`` without it).

Target: map ready < :data:`TARGET_SECONDS` s with 10,000 events.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench.common import ROOT

N_EVENTS = 10_000
WARM_LOADS = 5
TARGET_SECONDS = 3.0
#: Seconds a page may take to show its map before the load counts as failed.
LOAD_TIMEOUT_S = 180
#: Sentences per synthetic report (a short wire summary).
SENTENCES_PER_REPORT = 10
#: Places drawn from: Ukrainian populated places of at least this population whose name has a
#: single candidate in the gazetteer (so each sentence is about one known place).
MIN_POPULATION = 5_000
RANDOM_SEED = 20241114
APP = ROOT / "app.py"
MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'
READY_SELECTOR = ".leaflet-container .leaflet-marker-icon"

#: One event each, written for this benchmark; {place} is a gazetteer name.
TEMPLATES: tuple[str, ...] = (
    "A Russian drone attack hit {place} overnight, regional officials said.",
    "The Russian Defense Ministry claimed the capture of {place}.",
    "Authorities announced the evacuation of civilians from {place}.",
    "A missile strike on {place} damaged a school, the governor said.",
    "Ukrainian troops repelled an assault near {place}, according to the army.",
    "Artillery fire hit the outskirts of {place} on Tuesday, local officials said.",
)


@dataclass(frozen=True)
class Synthetic:
    path: Path
    reports: int
    events: int


def synthetic_places(min_population: int = MIN_POPULATION) -> list[str]:
    """Names of Ukrainian settlements that have exactly one candidate in the gazetteer."""
    from geo.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    frame = gazetteer.frame
    rows = frame[(frame.country_code == "UA") & (frame.feature_class == "P")
                 & (frame.population >= min_population)]
    return sorted(name for name in set(rows.name) if len(gazetteer.candidates(name)) == 1)


def write_synthetic(folder: Path, n_events: int = N_EVENTS, seed: int = RANDOM_SEED
                    ) -> Synthetic:
    """A JSONL of synthetic reports with ``n_events`` events in all (counted by the reader),
    one report per record, dated over a month."""
    import datetime as dt

    from geo.reports import Reader, parse_report

    rng = random.Random(seed)
    places = synthetic_places()
    reader = Reader()
    start = dt.date(2024, 10, 15)
    records, total = [], 0
    while total < n_events:
        sentences = []
        for _ in range(SENTENCES_PER_REPORT):
            sentences.append(rng.choice(TEMPLATES).format(place=rng.choice(places)))
        date = start + dt.timedelta(days=len(records) % 31)
        # Keep only as many sentences as the total needs, counting what the reader finds.
        while True:
            text = "\n".join(sentences)
            events = len(reader.analyse(parse_report(text, date=date)).events)
            if total + events <= n_events or len(sentences) == 1:
                break
            sentences.pop()
        records.append({"text": text, "date": date.isoformat(),
                        "title": f"Synthetic report {len(records) + 1}",
                        "source": "bench/app.py synthetic"})
        total += events
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"synthetic-{n_events}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return Synthetic(path, len(records), total)


def rss_mb(pid: int) -> float:
    """Resident set size of a process, MB (psutil, else /proc/<pid>/status)."""
    try:
        import psutil
    except ImportError:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        raise RuntimeError(f"no VmRSS for process {pid}") from None
    return psutil.Process(pid).memory_info().rss / 1e6 / 1.048576


#: Chromium resolves no host name but this machine's, so nothing leaves it (map tiles fail)
#: while the HTTP cache still works (Playwright's request routing, which the tests use to
#: block requests, turns the cache off).
OFFLINE_RESOLVER = "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"


@contextmanager
def browser_page() -> Iterator:
    """A page of a fresh headless Chromium (empty cache), recording page errors."""
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM_ARGS, CHROMIUM_PATH

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM_PATH), headless=True,
                                             args=[*CHROMIUM_ARGS, OFFLINE_RESOLVER])
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.errors = []  # type: ignore[attr-defined]
            page.on("pageerror", lambda error: page.errors.append(str(error)))
            yield page
        finally:
            browser.close()


def time_to_map(page, url: str) -> float:
    """Seconds from navigating ``page`` to ``url`` to a ready map."""
    frame = page.frame_locator(MAP_IFRAME)
    start = time.perf_counter()
    page.goto(url)
    frame.locator(READY_SELECTOR).first.wait_for(timeout=LOAD_TIMEOUT_S * 1000)
    seconds = time.perf_counter() - start
    if page.errors:
        raise RuntimeError(f"the page reported errors: {page.errors[:3]}")
    return seconds


def events_listed(page) -> int:
    """Rows of the Events table (its grid's aria-rowcount, minus the header row)."""
    page.get_by_role("tab", name="Events").click()
    grid = page.get_by_role("tabpanel", name="Events").locator('[role="grid"]')
    grid.wait_for(state="attached", timeout=LOAD_TIMEOUT_S * 1000)
    return int(grid.get_attribute("aria-rowcount")) - 1


def measure_app(label: str, env: dict[str, str], log_dir: Path) -> dict:
    """Start a server, load the page cold, then as first and as returning visits."""
    from tests.browser import streamlit_server

    with streamlit_server(APP, env, cwd=ROOT, log_path=log_dir / f"{label}.log") as server:
        with browser_page() as page:
            cold = time_to_map(page, server.url)
            events = events_listed(page)
        first = []
        for _ in range(WARM_LOADS):
            with browser_page() as page:
                first.append(time_to_map(page, server.url))
        with browser_page() as page:
            time_to_map(page, server.url)  # fills the browser's cache
            returning = [time_to_map(page, server.url) for _ in range(WARM_LOADS)]
        figures = {
            "load_average_1min": round(os.getloadavg()[0], 2),
            "events_listed": events,
            "cold_seconds": round(cold, 2),
            "first_visit_seconds": round(statistics.median(first), 2),
            "returning_visit_seconds": round(statistics.median(returning), 2),
            "first_visit_best_seconds": round(min(first), 2),
            "returning_visit_best_seconds": round(min(returning), 2),
            "first_visit_runs": [round(s, 2) for s in first],
            "returning_visit_runs": [round(s, 2) for s in returning],
            "server_rss_mb": round(rss_mb(server.pid), 1),
        }
    print(f"{label:>13}: {events:>6} events listed; map ready in "
          f"{figures['first_visit_seconds']:.2f} s on a first visit (best "
          f"{figures['first_visit_best_seconds']:.2f} s), "
          f"{figures['returning_visit_seconds']:.2f} s returning (best "
          f"{figures['returning_visit_best_seconds']:.2f} s; medians of {WARM_LOADS}), "
          f"{figures['cold_seconds']:.2f} s right after the server started; "
          f"server RSS {figures['server_rss_mb']:.0f} MB; load average "
          f"{figures['load_average_1min']:.1f} on {os.cpu_count()} CPUs")
    return figures


def main() -> dict:
    from tests.browser import CHROMIUM_PATH

    if not CHROMIUM_PATH.is_file():
        print(f"skipped: Chromium not found at {CHROMIUM_PATH}")
        return {"skipped": f"no Chromium at {CHROMIUM_PATH}"}
    with tempfile.TemporaryDirectory(prefix="bench-app-") as folder:
        folder = Path(folder)
        start = time.perf_counter()
        synthetic = write_synthetic(folder / "seeds")
        print(f"synthetic: {synthetic.reports} reports, {synthetic.events} events "
              f"({synthetic.path.stat().st_size / 1e6:.1f} MB JSONL, written and counted in "
              f"{time.perf_counter() - start:.1f} s)")
        seed = measure_app("seed", {}, folder)
        big = measure_app(f"{N_EVENTS} events",
                          {"FRONTLINE_SEEDS_DIR": str(synthetic.path.parent)}, folder)
    first_met = big["first_visit_seconds"] < TARGET_SECONDS
    returning_met = big["returning_visit_seconds"] < TARGET_SECONDS
    print(f"target: map ready < {TARGET_SECONDS:g} s with {synthetic.events:,} events: "
          f"{'met' if returning_met else 'NOT met'} for a returning visit, "
          f"{'met' if first_met else 'NOT met'} for a first visit")
    return {
        "seed": seed,
        "synthetic": {"reports": synthetic.reports, "events": synthetic.events, **big},
        "target_seconds": TARGET_SECONDS,
        "target_met_returning_visit": returning_met,
        "target_met_first_visit": first_met,
    }
