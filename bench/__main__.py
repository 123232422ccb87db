"""Run every benchmark: ``python -m bench [name ...]`` (``make bench`` runs them all).

Runs the ``main()`` of each module of this package in turn (geocode, reader, quality first,
then any other ``bench/*.py`` exposing ``main()``, in name order; modules without one are
helpers and are passed over), prints a header per section, and writes what each returns,
with the machine and commit, to ``bench/results/latest.json``.
Names on the command line restrict the run to those modules. A section that fails is reported
and recorded, the others still run, and the exit status is then 1.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import math
import os
import pkgutil
import platform
import subprocess
import sys
import time
import traceback
from pathlib import Path

import bench

FIRST = ("geocode", "reader", "quality")
NOT_BENCHES = {"common", "__main__", "make_corpus"}
RESULTS = Path(__file__).resolve().parent / "results" / "latest.json"


def bench_modules() -> list[str]:
    """Names of the bench modules, in run order."""
    found = {m.name for m in pkgutil.iter_modules(bench.__path__) if not m.ispkg} - NOT_BENCHES
    return [n for n in FIRST if n in found] + sorted(found - set(FIRST))


def _jsonable(value):
    """Results as strict JSON: tuples to lists, non-finite floats to None, the rest as str."""
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_jsonable(v) for v in value]
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if value is None or isinstance(value, bool | int | str):
        return value
    if hasattr(value, "item"):  # numpy scalars
        return _jsonable(value.item())
    return str(value)


def _commit() -> str:
    try:
        done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=bench.__path__[0],
                              capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip()


def main(argv: list[str]) -> int:
    available = bench_modules()
    unknown = [n for n in argv if n not in available]
    if unknown:
        print(f"unknown bench module(s) {unknown}; available: {available}", file=sys.stderr)
        return 2
    names = argv or available
    sections: dict[str, dict] = {}
    failed = []
    for name in names:
        start = time.perf_counter()
        record: dict = {}
        try:
            module = importlib.import_module(f"bench.{name}")
        except Exception as exc:  # a bench that cannot even be imported is a failure
            print(f"\n=== {name} " + "=" * max(3, 70 - len(name)), flush=True)
            traceback.print_exc()
            failed.append(name)
            sections[name] = {"error": f"{type(exc).__name__}: {exc}"}
            continue
        run = getattr(module, "main", None)
        if not callable(run):
            continue  # a helper module (data generator, shared code), not a bench
        print(f"\n=== {name} " + "=" * max(3, 70 - len(name)), flush=True)
        try:
            record["figures"] = run() or {}
        except SystemExit as exc:  # a bench that exits to skip
            if exc.code not in (None, 0):
                failed.append(name)
                record["error"] = f"exit {exc.code}"
        except Exception as exc:  # one failing bench must not hide the others
            traceback.print_exc()
            failed.append(name)
            record["error"] = f"{type(exc).__name__}: {exc}"
        record["seconds"] = round(time.perf_counter() - start, 2)
        sections[name] = record
        sys.stdout.flush()
    payload = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "commit": _commit(),
        "python": platform.python_version(),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs",
        "sections": sections,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(_jsonable(payload), indent=2, ensure_ascii=False,
                                  allow_nan=False) + "\n", encoding="utf-8")
    shown = RESULTS.relative_to(Path.cwd()) if RESULTS.is_relative_to(Path.cwd()) else RESULTS
    print(f"\nfigures written to {shown}")
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
