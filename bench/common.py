"""Helpers shared by the benchmarks: where the dev set lives, timing, memory."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV_DIR = Path(os.environ.get("FRONTLINE_DEV_DIR", ROOT.parent / "shared" / "eval" / "dev"))


def dev_available() -> bool:
    """True when the development set is beside the project (../shared/eval/dev)."""
    return (DEV_DIR / "places.csv").exists()


def median_seconds(run: Callable[[], object], repeats: int = 5) -> float:
    """Median wall time of ``repeats`` calls of ``run``."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
