"""How the reader's cost grows with the size of one hostile report (no full stop, dense with
place names, events and distance claims), measured side by side in one run.

A run-on text of N characters is analysed once per size; the time per size and the ratio
between the largest and the smallest size are printed. Linear work gives a ratio close to the
ratio of the sizes (x8 here); quadratic work would give about x64. The texts are generated
here, so this bench needs no data beyond the shipped gazetteer.
"""

from __future__ import annotations

import time

from geo.reports import Reader

SIZES = (25_000, 50_000, 100_000, 200_000)
#: Written for this bench: a place list, an event and a distance claim, with no full stop.
UNITS = {
    "place list": "Kupiansk, Kharkiv, Pokrovsk, Izium, Lyman, Bakhmut, Avdiivka, Voznesenka, ",
    "events and claims": ("Russian forces attacked Kupiansk and shelled Kharkiv, 120 km east "
                          "of Kharkiv, the ministry said; "),
}


def _text(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def main() -> dict:
    reader = Reader()
    reader.analyse(_text(UNITS["place list"], 2_000))  # warm the caches
    results = {}
    for label, unit in UNITS.items():
        seconds = {}
        for size in SIZES:
            text = _text(unit, size)
            start = time.perf_counter()
            analysis = reader.analyse(text)
            seconds[size] = time.perf_counter() - start
            print(f"{label:>18}: {size:>7,} chars in {seconds[size]:6.2f} s "
                  f"({len(analysis.mentions):,} mentions, {len(analysis.events):,} events, "
                  f"{len(analysis.claims):,} claims)")
        growth = seconds[SIZES[-1]] / max(seconds[SIZES[0]], 1e-9)
        size_ratio = SIZES[-1] / SIZES[0]
        print(f"{label:>18}: x{size_ratio:.0f} the size took x{growth:.1f} the time "
              f"(linear ~x{size_ratio:.0f}, quadratic ~x{size_ratio ** 2:.0f})")
        results[label] = {"seconds": {str(k): v for k, v in seconds.items()},
                          "growth": growth, "size_ratio": size_ratio}
    return results


if __name__ == "__main__":
    main()
