"""Corpus-scale reading: throughput with 1 and 2 local workers, peak memory, accuracy at scale.

A synthetic corpus (``bench.make_corpus``, seed :data:`SEED`) is read by ``geo.batch.run_batch``
with the local engine, once with 1 worker process and once with 2, into GeoParquet folders
under a temporary directory. Measured:

- reports/s for each run (wall time of the whole run: pool start, Reader load in each worker,
  reading, analysis, writing) and the scaling ratio 2 workers / 1 worker;
- peak memory: RSS summed over the process tree of ``frontline batch`` (run as a subprocess:
  the parent and its worker processes), sampled every :data:`SAMPLE_SECONDS` from ``/proc``
  (the tree found with psutil, or ``/proc`` when psutil is missing), and the largest worker;
  plus the RSS of one idle worker after the Reader loaded (what to plan per worker);
- accuracy on the generated truth, from the 2-worker output: the share of inserted places found
  at their exact span, and the share resolved to the right GeoNames id; the share of generated
  distance claims checked with the right subject and reference, and how many of those the
  checker found consistent.

The target is :data:`TARGET_REPORTS` reports. A probe of :data:`PROBE_REPORTS` (1 and 2 workers)
estimates the full run first (a worker's start-up once, then the probe's pace per report); when
the estimate exceeds :data:`MAX_MINUTES`, the run uses :data:`FALLBACK_REPORTS` reports instead
and says so in its output. ``FRONTLINE_BENCH_BATCH_N`` forces a size.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

import pyarrow.parquet as pq

from bench.common import ROOT
from bench.make_corpus import write_corpus
from geo.batch import _init_worker, read_table

TARGET_REPORTS = 100_000
PROBE_REPORTS = 2_000
FALLBACK_REPORTS = 20_000
MAX_MINUTES = 20.0
SEED = 2024
SAMPLE_SECONDS = 0.25


def _rss_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far, from /proc (0 when gone)."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def _children(pid: int) -> list[int]:
    try:
        import psutil

        return [c.pid for c in psutil.Process(pid).children(recursive=True)]
    except ImportError:
        found, frontier = [], [pid]
        while frontier:
            parent = frontier.pop()
            try:
                tasks = os.listdir(f"/proc/{parent}/task")
            except OSError:
                continue
            for task in tasks:
                try:
                    with open(f"/proc/{parent}/task/{task}/children") as handle:
                        kids = [int(k) for k in handle.read().split()]
                except OSError:
                    continue
                found.extend(kids)
                frontier.extend(kids)
        return found
    except Exception:  # the process tree changed while we looked
        return []


class TreeMemory:
    """Samples the RSS of process ``pid`` and its descendants in a thread; keeps the peaks, and
    the last CPU time seen of each process (their sum: the tree's CPU seconds, less at most one
    sampling interval per process)."""

    def __init__(self, pid: int, every: float = SAMPLE_SECONDS):
        self.pid = pid
        self.every = every
        self.peak_total = 0
        self.peak_worker = 0
        self.peak_parent = 0
        self.cpu: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> None:
        parent = _rss_bytes(self.pid)
        kids = _children(self.pid)
        workers = [_rss_bytes(pid) for pid in kids]
        for pid in (self.pid, *kids):
            self.cpu[pid] = max(self.cpu.get(pid, 0.0), _cpu_seconds(pid))
        self.peak_parent = max(self.peak_parent, parent)
        self.peak_worker = max([self.peak_worker, *workers])
        self.peak_total = max(self.peak_total, parent + sum(workers))

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            self._sample()

    @property
    def cpu_seconds(self) -> float:
        return sum(self.cpu.values())

    def __enter__(self) -> TreeMemory:
        self._sample()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def _worker_rss() -> dict:
    """In a worker process after the pool initializer: RSS with the Reader loaded, then after
    analysing the seed report (which loads borders, rivers and the line of contact)."""
    from bench.make_corpus import _seed_body
    from geo.reports import default_reader, parse_report

    loaded = _rss_bytes(os.getpid())
    default_reader().analyse(parse_report(_seed_body(), date="2024-11-14"))
    return {"reader_loaded_mb": loaded / 1e6, "after_first_report_mb":
            _rss_bytes(os.getpid()) / 1e6}


def worker_memory() -> dict:
    """RSS of one fresh local worker process (spawned like the local engine's)."""
    with ProcessPoolExecutor(1, mp_context=get_context("spawn"), initializer=_init_worker) as pool:
        return pool.submit(_worker_rss).result()


def timed_run(corpus: Path, out: Path, workers: int) -> dict:
    """``frontline batch corpus -o out --workers N`` in a subprocess, as a user runs it, with
    the memory of its process tree sampled. reports/s is over the run_batch call (pool start
    and Reader loads included, interpreter start and imports not)."""
    command = [sys.executable, "-m", "geo.cli", "batch", str(corpus), "-o", str(out),
               "--engine", "local", "--workers", str(workers), "--overwrite", "--json"]
    load = os.getloadavg()[0]
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    with TreeMemory(proc.pid) as memory:
        stdout, stderr = proc.communicate()
    wall = time.perf_counter() - start
    if proc.returncode:
        raise RuntimeError(f"frontline batch failed ({proc.returncode}): {stderr[-2000:]}")
    summary = json.loads(stdout)
    return {"workers": workers, "reports": summary["reports"],
            "failed": summary["reports_failed"], "seconds": summary["seconds"],
            "wall_seconds_with_start": wall, "reports_per_s": summary["reports_per_s"],
            "partitions": summary["partitions"], "peak_tree_rss_mb": memory.peak_total / 1e6,
            "peak_worker_rss_mb": memory.peak_worker / 1e6,
            "peak_parent_rss_mb": memory.peak_parent / 1e6,
            "tree_cpu_seconds": memory.cpu_seconds,
            "cpu_per_wall": memory.cpu_seconds / wall,
            "reports_per_cpu_s": summary["reports"] / max(memory.cpu_seconds, 1e-9),
            "load_avg_before": load, "load_avg_after": os.getloadavg()[0]}


def accuracy(corpus: Path, out: Path) -> dict:
    """Inserted places found / resolved right, and generated claims checked, from ``out``."""
    reports = pq.read_table(out / "reports", columns=["report_id", "locator"]).to_pydict()
    ids = dict(zip(reports["locator"], reports["report_id"], strict=True))
    places = pq.read_table(out / "places", columns=["report_id", "start", "end", "geonameid"])
    spans = {(r, s, e): g for r, s, e, g in zip(*(places.column(c).to_pylist() for c in (
        "report_id", "start", "end", "geonameid")), strict=True)}
    del places
    verdicts = read_table(out, "verdicts")[["report_id", "subject_id", "reference_id",
                                            "status"]]
    checked: dict[tuple, str] = {}
    for r, s, ref, status in verdicts.itertuples(index=False, name=None):
        if s is not None and ref is not None and str(s) != "<NA>" and str(ref) != "<NA>":
            checked.setdefault((r, int(s), int(ref)), status)
    del verdicts
    total = found = right = claims = matched = consistent = 0
    with corpus.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            rid = ids.get(f"{corpus}:{number}")
            truth = json.loads(line)["truth"]
            for place in truth["places"]:
                total += 1
                got = spans.get((rid, place["start"], place["end"]), -1) if rid else -1
                found += got != -1
                right += got == place["geonameid"]
            for claim in truth["claims"]:
                claims += 1
                status = checked.get((rid, claim["subject_id"], claim["reference_id"]))
                matched += status is not None
                consistent += status == "consistent"
    return {"places": total, "found": found / total, "right_id": right / total,
            "claims": claims, "claims_checked_right_places": matched / claims,
            "claims_consistent_of_checked": consistent / max(matched, 1)}


def main() -> dict:
    forced = os.environ.get("FRONTLINE_BENCH_BATCH_N")
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="frontline-bench-batch-") as tmp:
        tmp = Path(tmp)
        start = time.perf_counter()
        per_worker = worker_memory()
        startup = time.perf_counter() - start  # spawn a worker, import, load the Reader
        print(f"one worker: {per_worker['reader_loaded_mb']:.0f} MB RSS with the Reader loaded, "
              f"{per_worker['after_first_report_mb']:.0f} MB after its first report")
        probe = None
        if forced:
            n, why = int(forced), "FRONTLINE_BENCH_BATCH_N"
        else:
            start = time.perf_counter()
            corpus = write_corpus(PROBE_REPORTS, tmp / "probe.jsonl", seed=SEED)
            gen_rate = PROBE_REPORTS / (time.perf_counter() - start)
            probe = [timed_run(corpus, tmp / f"probe-{w}.parquet", w) for w in (1, 2)]
            # start-up once, then the probe's pace after start-up, per run; plus generation
            estimate = TARGET_REPORTS / gen_rate + sum(
                startup + TARGET_REPORTS * max(r["seconds"] - startup, 1e-3) / PROBE_REPORTS
                for r in probe)
            print(f"probe of {PROBE_REPORTS:,} reports: "
                  + ", ".join(f"{r['workers']} worker(s) {r['reports_per_s']:.0f} reports/s"
                              for r in probe)
                  + f"; {TARGET_REPORTS:,} reports would take ~{estimate / 60:.0f} min")
            if estimate / 60 > MAX_MINUTES:
                n = FALLBACK_REPORTS
                why = (f"{TARGET_REPORTS:,} reports would take ~{estimate / 60:.0f} min here "
                       f"(> {MAX_MINUTES:.0f} min): measured on {FALLBACK_REPORTS:,} instead")
                print(f"NOTE: {why}")
            else:
                n, why = TARGET_REPORTS, "target size"
        start = time.perf_counter()
        corpus = write_corpus(n, tmp / "corpus.jsonl", seed=SEED)
        generated_s = time.perf_counter() - start
        print(f"corpus: {n:,} reports, {corpus.stat().st_size / 1e6:.0f} MB, generated in "
              f"{generated_s:.0f} s")
        runs = []
        for workers in (1, 2):
            run = timed_run(corpus, tmp / f"out-{workers}.parquet", workers)
            runs.append(run)
            print(f"{workers} worker(s): {run['reports_per_s']:.1f} reports/s "
                  f"({run['seconds']:.0f} s, {run['failed']} failed; CPU/wall "
                  f"{run['cpu_per_wall']:.2f}, {run['reports_per_cpu_s']:.0f} reports per "
                  f"CPU-second), peak RSS "
                  f"{run['peak_tree_rss_mb']:.0f} MB over the process tree "
                  f"(largest worker {run['peak_worker_rss_mb']:.0f} MB, parent "
                  f"{run['peak_parent_rss_mb']:.0f} MB); load average "
                  f"{run['load_avg_before']:.1f} before, {run['load_avg_after']:.1f} after")
        scaling = runs[1]["reports_per_s"] / runs[0]["reports_per_s"]
        print(f"scaling 2 workers / 1 worker: {scaling:.2f}x on {cores} CPU(s) (CPU/wall "
              f"{runs[0]['cpu_per_wall']:.2f} and {runs[1]['cpu_per_wall']:.2f}: below ~1.9 "
              "with 2 workers means other processes took the cores)")
        quality = accuracy(corpus, tmp / "out-2.parquet")
        print(f"accuracy on the generated truth: {quality['places']:,} inserted places, "
              f"{quality['found']:.1%} found, {quality['right_id']:.1%} resolved to the right "
              f"GeoNames id; {quality['claims']:,} claims, "
              f"{quality['claims_checked_right_places']:.1%} checked between the right places, "
              f"{quality['claims_consistent_of_checked']:.1%} of those consistent")
    return {"reports": n, "size_reason": why, "worker_startup_s": startup, "cpus": cores,
            "probe": probe, "runs": runs, "scaling_2_over_1": scaling,
            "worker_memory": per_worker, "accuracy": quality, "corpus_generated_s": generated_s}
