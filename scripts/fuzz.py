"""Fuzz the report reader and the claim parser for a while: `make fuzz` (FUZZ_MINUTES=2).

Mutates the seeds and a bank of tricky tokens (numbers such as "1,20 km", "NaN km", "10^9 km",
RTL and zero-width characters, HTML, Cyrillic, huge words) at random, runs the whole reader on
each input and records every exception that is not a clean BadInputError, with the input, under
`bench/results/fuzz/`. Keep each finding as a regression test in tests/.
"""

from __future__ import annotations

import os
import random
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.errors import BadInputError  # noqa: E402
from geo.reports import Reader, parse_report  # noqa: E402

TOKENS = [
    "1,20 km", "1.200 km", "-5 km", "NaN km", "10^9 km", "12000 km east of Kharkiv",
    "15-20 km", "(75 miles)", "about", "south of", "the Russian border", "front line",
    "\u200b", "\u200f", "\u202e", "\ufeff", "<script>alert(1)</script>", "Купʼянськ", "Харкова",
    "Kupiansk's", "oblast", "raion", "Sea of Azov", "north-north-east", "SWbS", "'s", "\n\n",
    "Voznesenka", "Pokrovsk", "x" * 3000, "km" * 50, "«", "»", "—", "0", "9" * 40,
    "south of it", "km away", "near the border with Russia", "between Kharkiv and",
    "120-kilometre drive", "the mouth of the Dnipro", "from the regional centre",
    "від райцентру", "The front line is", "The Sea of Azov lies", "{{ 7*7 }}", "{%", "\u00ad",
]


def mutate(text: str, rng: random.Random) -> str:
    chars = list(text)
    for _ in range(rng.randint(1, 12)):
        op = rng.random()
        pos = rng.randint(0, len(chars)) if chars else 0
        if op < 0.4:
            chars[pos:pos] = list(rng.choice(TOKENS))
        elif op < 0.6 and chars:
            del chars[pos:pos + rng.randint(1, 40)]
        elif op < 0.8:
            chars[pos:pos] = [chr(rng.randint(1, 0x2FFF))]
        else:
            chars[pos:pos] = [" ", rng.choice(TOKENS), " "]
    return "".join(chars)


def main() -> int:
    minutes = float(os.environ.get("FUZZ_MINUTES", "2"))
    rng = random.Random(int(os.environ.get("FUZZ_SEED", "0")) or None)
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    seeds += ["Kupiansk lies 120 km (75 miles) east of Kharkiv.", ""]
    out = ROOT / "bench/results/fuzz"
    out.mkdir(parents=True, exist_ok=True)
    reader = Reader()
    deadline = time.monotonic() + minutes * 60
    runs = refused = findings = 0
    while time.monotonic() < deadline:
        text = mutate(rng.choice(seeds), rng)
        runs += 1
        try:
            analysis = reader.analyse(parse_report(text))
            for m in analysis.mentions:
                assert analysis.report.text[m.start:m.end] == m.text, "mention offsets"
        except BadInputError:
            refused += 1
        except Exception:  # a finding: keep the input and the traceback
            findings += 1
            (out / f"finding-{findings}.txt").write_text(text, encoding="utf-8",
                                                          errors="surrogatepass")
            (out / f"finding-{findings}.trace").write_text(traceback.format_exc())
    print(f"fuzz: {runs} inputs in {minutes:g} min, {refused} refused with a message, "
          f"{findings} findings (saved under {out})")
    return 1 if findings else 0


if __name__ == "__main__":
    raise SystemExit(main())
