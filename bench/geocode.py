"""Gazetteer and geocoder speed and memory, side by side with what a user might write instead.

Measured, in one run:

- Cold load: a fresh ``python -c`` subprocess imports ``geo.gazetteer`` and builds
  ``Gazetteer()``; import and load times are timed separately, RSS (psutil, else
  /proc/self/status) is read before the import, after it and after the load (then once more
  after building every Place object, the worst case a long session reaches). Median of
  :data:`COLD_RUNS` subprocesses. Targets: load < 1 s; the gazetteer's memory (RSS after the
  load minus before it) < 300 MB; the process total is printed beside it.
- Throughput: :data:`SAMPLE_NAMES` real names drawn with a fixed seed from populated places of
  the shipped table (primary names, ASCII names, Latin and Cyrillic alternate names, the kind
  picked uniformly among those a place has). Names/s of ``Gazetteer.candidates(name)`` and of
  ``OfflineGeocoder.geocode(name)``: median of :data:`PASSES` passes over all names, one
  thread (CPU/wall is printed). Target: >= 200,000 names/s for candidates. A breakdown times
  the parts of one lookup: ``text.name_key`` alone and ``exact_candidates`` (no filtering).
- Baselines on prefixes of the same name list: (a) a pandas boolean filter over the table
  (:data:`PANDAS_NAMES` names; per-name cost extrapolated to names/s), (b) rapidfuzz
  ``process.extractOne(name, all_names)`` over every distinct name string
  (:data:`RAPIDFUZZ_NAMES` names). Ratios are ours / baseline.
- Accuracy on the same names: does the answer hold the place the name was drawn from?
  candidates(): drawn id among the candidates; geocode(): top answer is the drawn place (and
  drawn id among all answers); pandas: drawn id among the filtered rows; rapidfuzz: drawn id
  among the places bearing the best-matching string.
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import time
from collections import Counter

from bench.common import ROOT, median_seconds
from geo import text
from geo.errors import BadInputError
from geo.gazetteer import Gazetteer, MatchRule, load_gazetteer
from geo.geocoder import OfflineGeocoder, check_query

SEED = 20240101
SAMPLE_NAMES = 10_000
PASSES = 5
COLD_RUNS = 5
PANDAS_NAMES = 200
PANDAS_PASSES = 3
RAPIDFUZZ_NAMES = 100
RAPIDFUZZ_PASSES = 3
TARGET_LOAD_S = 1.0
TARGET_MEMORY_MB = 300.0
TARGET_NAMES_PER_S = 200_000

# Runs in a fresh interpreter; prints one JSON line. RSS from psutil when installed (the
# ``bench`` extra), else from /proc/self/status, so the figure exists either way.
_COLD_SCRIPT = r"""
import json, time
try:
    import psutil
    _proc = psutil.Process()
    def rss():
        return _proc.memory_info().rss / 2**20
    how = "psutil"
except ImportError:
    def rss():
        with open("/proc/self/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    how = "/proc/self/status"
rss_start = rss()
t0 = time.perf_counter()
import geo.gazetteer
t1 = time.perf_counter()
rss_imported = rss()
gaz = geo.gazetteer.Gazetteer()
t2 = time.perf_counter()
rss_loaded = rss()
gaz.candidates("Kupiansk")
t3 = time.perf_counter()
gaz.all_places()
t4 = time.perf_counter()
rss_all = rss()
print(json.dumps({"import_s": t1 - t0, "load_s": t2 - t1, "first_query_s": t3 - t2,
                  "all_places_s": t4 - t3, "rss_start_mb": rss_start,
                  "rss_imported_mb": rss_imported, "rss_loaded_mb": rss_loaded,
                  "rss_all_places_mb": rss_all, "rss_via": how, "places": len(gaz)}))
"""


def cold_load(runs: int = COLD_RUNS) -> dict:
    """Median figures of ``runs`` fresh subprocesses loading the gazetteer."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", _COLD_SCRIPT], cwd=ROOT, check=True,
                              capture_output=True, text=True)
        sample = json.loads(done.stdout.strip().splitlines()[-1])
        sample["subprocess_wall_incl_all_places_s"] = time.perf_counter() - start
        samples.append(sample)
    out = {key: statistics.median(s[key] for s in samples)
           for key in samples[0] if isinstance(samples[0][key], float)}
    out["load_delta_mb"] = statistics.median(s["rss_loaded_mb"] - s["rss_imported_mb"]
                                             for s in samples)
    out["import_delta_mb"] = statistics.median(s["rss_imported_mb"] - s["rss_start_mb"]
                                               for s in samples)
    out["all_places_delta_mb"] = statistics.median(s["rss_all_places_mb"] - s["rss_loaded_mb"]
                                                   for s in samples)
    out["runs"] = runs
    out["rss_via"] = samples[0]["rss_via"]
    out["places"] = samples[0]["places"]
    out["load_samples_s"] = [round(s["load_s"], 4) for s in samples]
    out["load_target_met"] = out["load_s"] < TARGET_LOAD_S
    out["memory_target_met"] = out["load_delta_mb"] < TARGET_MEMORY_MB
    out["memory_total_under_target"] = out["rss_loaded_mb"] < TARGET_MEMORY_MB
    return out


def draw_names(gaz: Gazetteer, count: int = SAMPLE_NAMES, seed: int = SEED
               ) -> list[tuple[str, int, str]]:
    """``count`` (name, geonameid, kind) from distinct populated places, seeded.

    kind is one of name / ascii_name / alt_latin / alt_cyrillic, picked uniformly among the
    kinds the place has.
    """
    frame = gaz.frame
    rng = random.Random(seed)
    populated = [int(i) for i in (frame["feature_class"] == "P").to_numpy().nonzero()[0]]
    rows = rng.sample(populated, min(count, len(populated)))
    ids = frame["geonameid"].to_numpy()
    names, ascii_names, alts = (frame[c].to_numpy() for c in ("name", "ascii_name", "alt_names"))
    drawn = []
    for row in rows:
        latin = [a for a in (alts[row].split("|") if alts[row] else ()) if a]
        cyrillic = [a for a in latin if text.has_cyrillic(a)]
        latin = [a for a in latin if not text.has_cyrillic(a)]
        options = [("name", names[row]), ("ascii_name", ascii_names[row])]
        if latin:
            options.append(("alt_latin", rng.choice(latin)))
        if cyrillic:
            options.append(("alt_cyrillic", rng.choice(cyrillic)))
        kind, name = rng.choice(options)
        drawn.append((name, int(ids[row]), kind))
    return drawn


def _cpu_share(run, repeats: int) -> tuple[float, float]:
    """(median wall seconds, process CPU seconds / wall seconds over all repeats)."""
    cpu0, wall0 = time.process_time(), time.perf_counter()
    median = median_seconds(run, repeats)
    return median, (time.process_time() - cpu0) / (time.perf_counter() - wall0)


def _valid_query(name: str) -> bool:
    try:
        check_query(name)
    except BadInputError:
        return False
    return True


def ours(gaz: Gazetteer, geocoder: OfflineGeocoder, names: list[str]) -> dict:
    def run_candidates():
        for name in names:
            gaz.candidates(name)

    queries = [name for name in names if _valid_query(name)]

    def run_geocode():
        for name in queries:
            geocoder.geocode(name)

    def run_name_key():
        for name in names:
            text.name_key(name)

    def run_exact():
        for name in names:
            gaz.exact_candidates(name)

    first = time.perf_counter()
    run_candidates()
    first = time.perf_counter() - first
    cand_s, cand_cpu = _cpu_share(run_candidates, PASSES)
    key_s = median_seconds(run_name_key, PASSES)
    exact_s = median_seconds(run_exact, PASSES)
    run_geocode()
    geo_s, geo_cpu = _cpu_share(run_geocode, PASSES)
    return {"names": len(names),
            "candidates_first_pass_names_per_s": len(names) / first,
            "candidates_names_per_s": len(names) / cand_s, "candidates_cpu_per_wall": cand_cpu,
            "name_key_names_per_s": len(names) / key_s,
            "exact_candidates_names_per_s": len(names) / exact_s,
            "geocode_names_per_s": len(queries) / geo_s, "geocode_cpu_per_wall": geo_cpu,
            "candidates_target_met": len(names) / cand_s >= TARGET_NAMES_PER_S}


def our_accuracy(gaz: Gazetteer, geocoder: OfflineGeocoder,
                 drawn: list[tuple[str, int, str]]) -> dict:
    """Hit kinds and whether the drawn place is found, overall and per name kind."""
    rules: Counter = Counter()
    found = top1 = any_geocode = bad = 0
    by_kind: dict[str, list[int]] = {}
    counts = []
    missed: list[str] = []
    for name, gid, kind in drawn:
        cands = gaz.candidates(name)
        counts.append(len(cands))
        best = min((c.rule for c in cands), default=None)
        rules["none" if best is None else
              "skeleton" if best is MatchRule.SKELETON else "exact/variant"] += 1
        hit = any(c.place.id == gid for c in cands)
        found += hit
        by_kind.setdefault(kind, [0, 0])
        by_kind[kind][0] += hit
        by_kind[kind][1] += 1
        try:
            locations = geocoder.geocode(name, exactly_one=False)
        except BadInputError:
            bad += 1
            continue
        top1 += bool(locations) and locations[0].raw["geonameid"] == gid
        if any(loc.raw["geonameid"] == gid for loc in locations):
            any_geocode += 1
        elif len(missed) < 5:
            missed.append(name)
    n = len(drawn)
    return {"names": n, "hit_rules": dict(rules), "candidates_found": found / n,
            "geocode_top1": top1 / n, "geocode_found": any_geocode / n,
            "geocode_bad_input": bad, "geocode_missed_examples": missed,
            "mean_candidates": statistics.fmean(counts),
            "found_by_kind": {k: v[0] / v[1] for k, v in sorted(by_kind.items())},
            "kinds": {k: v[1] for k, v in sorted(by_kind.items())}}


def pandas_baseline(gaz: Gazetteer, drawn: list[tuple[str, int, str]]) -> dict:
    frame = gaz.frame
    names = [d[0] for d in drawn]

    def query(n):
        return frame[(frame.name == n) | (frame.ascii_name == n)
                     | frame.alt_names.str.contains(n, regex=False)]

    def run():
        for name in names:
            query(name)

    seconds = median_seconds(run, PANDAS_PASSES)
    found, rows = 0, []
    for name, gid, _ in drawn:
        hits = query(name)
        rows.append(len(hits))
        found += bool((hits["geonameid"] == gid).any())
    return {"names": len(names), "passes": PANDAS_PASSES,
            "seconds_per_name": seconds / len(names), "names_per_s": len(names) / seconds,
            "found": found / len(names), "mean_rows": statistics.fmean(rows)}


def rapidfuzz_baseline(gaz: Gazetteer, drawn: list[tuple[str, int, str]]) -> dict:
    from rapidfuzz import process

    frame = gaz.frame
    ids_of: dict[str, set[int]] = {}
    for gid, name, ascii_name, alts in zip(frame["geonameid"], frame["name"],
                                           frame["ascii_name"], frame["alt_names"], strict=True):
        for each in (name, ascii_name, *(alts.split("|") if alts else ())):
            if each:
                ids_of.setdefault(each, set()).add(int(gid))
    all_names = list(ids_of)
    names = [d[0] for d in drawn]

    def run():
        for name in names:
            process.extractOne(name, all_names)

    seconds = median_seconds(run, RAPIDFUZZ_PASSES)
    found = 0
    for name, gid, _ in drawn:
        best = process.extractOne(name, all_names)
        found += best is not None and gid in ids_of[best[0]]
    return {"names": len(names), "passes": RAPIDFUZZ_PASSES, "choices": len(all_names),
            "seconds_per_name": seconds / len(names), "names_per_s": len(names) / seconds,
            "found": found / len(names)}


def main() -> dict:
    cold = cold_load()
    print(f"cold load (fresh subprocess, median of {cold['runs']}): import geo.gazetteer "
          f"{cold['import_s']:.3f} s, Gazetteer() {cold['load_s']:.3f} s "
          f"(target < {TARGET_LOAD_S:.0f} s: {'met' if cold['load_target_met'] else 'NOT met'}); "
          f"samples {cold['load_samples_s']}; first query {cold['first_query_s'] * 1e3:.1f} ms")
    print(f"memory ({cold['rss_via']}): RSS {cold['rss_start_mb']:.0f} MB at start, "
          f"{cold['rss_imported_mb']:.0f} MB after import (+{cold['import_delta_mb']:.0f}), "
          f"{cold['rss_loaded_mb']:.0f} MB after load: gazetteer +{cold['load_delta_mb']:.0f} MB "
          f"(target < {TARGET_MEMORY_MB:.0f} MB: "
          f"{'met' if cold['memory_target_met'] else 'NOT met'}; process total "
          f"{'under' if cold['memory_total_under_target'] else 'OVER'} it); all "
          f"{cold['places']:,} Place "
          f"objects built: {cold['rss_all_places_mb']:.0f} MB "
          f"(+{cold['all_places_delta_mb']:.0f}, {cold['all_places_s']:.2f} s)")

    gaz = load_gazetteer()
    geocoder = OfflineGeocoder(gaz)
    drawn = draw_names(gaz)
    names = [d[0] for d in drawn]
    speed = ours(gaz, geocoder, names)
    accuracy = our_accuracy(gaz, geocoder, drawn)
    print(f"names: {len(names):,} drawn (seed {SEED}) from populated places: "
          f"{accuracy['kinds']}; best match {accuracy['hit_rules']}")
    print(f"ours  Gazetteer.candidates: {speed['candidates_names_per_s']:,.0f} names/s "
          f"(median of {PASSES} passes; first pass, Place cache cold: "
          f"{speed['candidates_first_pass_names_per_s']:,.0f}/s; CPU/wall "
          f"{speed['candidates_cpu_per_wall']:.2f}; target >= {TARGET_NAMES_PER_S:,}: "
          f"{'met' if speed['candidates_target_met'] else 'NOT met'})")
    print(f"      breakdown: text.name_key alone {speed['name_key_names_per_s']:,.0f} names/s, "
          f"exact_candidates (key + index + Candidate objects, no filter) "
          f"{speed['exact_candidates_names_per_s']:,.0f} names/s")
    print(f"ours  OfflineGeocoder.geocode: {speed['geocode_names_per_s']:,.0f} names/s "
          f"(median of {PASSES}; CPU/wall {speed['geocode_cpu_per_wall']:.2f})")
    print(f"ours  accuracy on {accuracy['names']:,}: drawn place among candidates "
          f"{accuracy['candidates_found']:.2%} (by kind "
          + ", ".join(f"{k} {v:.1%}" for k, v in accuracy["found_by_kind"].items())
          + f"); geocode top answer is the drawn place {accuracy['geocode_top1']:.2%}, "
          f"among its answers {accuracy['geocode_found']:.2%}; mean candidates per name "
          f"{accuracy['mean_candidates']:.2f}; refused queries {accuracy['geocode_bad_input']}; "
          f"geocode misses e.g. {accuracy['geocode_missed_examples']} (parentheses and commas "
          "are read as context)")

    pandas_res = pandas_baseline(gaz, drawn[:PANDAS_NAMES])
    pandas_ours = our_accuracy(gaz, geocoder, drawn[:PANDAS_NAMES])
    print(f"pandas filter (name == n | ascii_name == n | alt_names.str.contains(n)) on "
          f"{pandas_res['names']} names, median of {pandas_res['passes']} passes: "
          f"{pandas_res['seconds_per_name'] * 1e3:.2f} ms/name -> "
          f"{pandas_res['names_per_s']:,.0f} names/s extrapolated; drawn place among rows "
          f"{pandas_res['found']:.1%} (mean {pandas_res['mean_rows']:.1f} rows/name; ours on the "
          f"same names {pandas_ours['candidates_found']:.1%}, "
          f"{pandas_ours['mean_candidates']:.2f} candidates/name)")
    rapid_res = rapidfuzz_baseline(gaz, drawn[:RAPIDFUZZ_NAMES])
    rapid_ours = our_accuracy(gaz, geocoder, drawn[:RAPIDFUZZ_NAMES])
    print(f"rapidfuzz process.extractOne over {rapid_res['choices']:,} name strings on "
          f"{rapid_res['names']} names, median of {rapid_res['passes']} passes: "
          f"{rapid_res['seconds_per_name'] * 1e3:.1f} ms/name -> "
          f"{rapid_res['names_per_s']:,.1f} names/s; drawn place among the best string's places "
          f"{rapid_res['found']:.1%} (ours on the same names {rapid_ours['candidates_found']:.1%})")
    ratios = {
        "candidates_vs_pandas": speed["candidates_names_per_s"] / pandas_res["names_per_s"],
        "candidates_vs_rapidfuzz": speed["candidates_names_per_s"] / rapid_res["names_per_s"],
        "geocode_vs_pandas": speed["geocode_names_per_s"] / pandas_res["names_per_s"],
        "geocode_vs_rapidfuzz": speed["geocode_names_per_s"] / rapid_res["names_per_s"],
    }
    print("ratios (ours / baseline, names/s): "
          + ", ".join(f"{k} {v:,.0f}x" for k, v in ratios.items()))
    return {"cold_load": cold, "throughput": speed, "accuracy": accuracy,
            "pandas": {**pandas_res, "ours_found_same_names": pandas_ours["candidates_found"]},
            "rapidfuzz": {**rapid_res, "ours_found_same_names": rapid_ours["candidates_found"]},
            "ratios": ratios}


if __name__ == "__main__":
    main()
