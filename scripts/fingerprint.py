"""Fingerprint the reader's output, to prove a refactor changed nothing (or show what it did).

``python scripts/fingerprint.py dump OUT.json [--corpus N] [--extra FILE ...]`` analyses a fixed
set of texts with ``Reader().analyse`` and writes every analysis as ``geo.exports.analysis_to_dict``
gives it (the CLI's ``--json``), keyed by a stable text label:

- ``seed:<file>``: each report in ``seeds/``;
- ``dev:<n>`` and ``dev-claim:<n>``: the dev set's report texts and claim sentences
  (``../shared/eval/dev``, skipped where absent);
- ``corpus:<n>``: the synthetic corpus of ``bench.make_corpus`` (``--corpus`` records, seed 7);
- ``extra:<file>:<line>``: each non-empty line of each ``--extra`` text file (your own probes).

``python scripts/fingerprint.py diff A.json B.json [--part mentions|claims|events|warnings]``
prints, per label, which parts differ and the first differing items, then a count.
Exit status 1 when anything differs, so a refactor can be checked in one line.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import DEV_DIR, dev_available  # noqa: E402
from bench.make_corpus import make_corpus  # noqa: E402
from geo.exports import analysis_to_dict  # noqa: E402
from geo.reports import Reader, load_reports, parse_record, parse_report  # noqa: E402

PARTS = ("mentions", "claims", "events", "warnings")
CORPUS_SEED = 7


def labelled_reports(corpus: int, extra: list[Path]):
    """(label, Report) pairs of every text fingerprinted, in a fixed order."""
    for path in sorted((ROOT / "seeds").iterdir()):
        for n, report in enumerate(load_reports(path)):
            yield f"seed:{path.name}:{n}", report
    if dev_available():
        with open(DEV_DIR / "reports.jsonl", encoding="utf-8") as lines:
            for n, line in enumerate(lines):
                if line.strip():
                    yield f"dev:{n}", parse_report(json.loads(line)["text"])
        with open(DEV_DIR / "claims.csv", encoding="utf-8", newline="") as rows:
            for n, row in enumerate(csv.DictReader(rows)):
                yield f"dev-claim:{n}", parse_report(row["text"])
    for n, record in enumerate(make_corpus(corpus, seed=CORPUS_SEED)):
        yield f"corpus:{n}", parse_record(
            {key: record[key] for key in ("text", "date", "title", "source")})
    for path in extra:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            if line.strip():
                yield f"extra:{path.name}:{n}", parse_report(line)


def dump(out: Path, corpus: int, extra: list[Path]) -> int:
    reader = Reader()
    data = {}
    for label, report in labelled_reports(corpus, extra):
        result = analysis_to_dict(reader.analyse(report))
        data[label] = {part: result[part] for part in PARTS}
    out.write_text(json.dumps(data, ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"{len(data)} texts fingerprinted into {out}")
    return 0


def diff(a: Path, b: Path, parts: tuple[str, ...]) -> int:
    old = json.loads(a.read_text(encoding="utf-8"))
    new = json.loads(b.read_text(encoding="utf-8"))
    differing = 0
    for label in sorted(set(old) | set(new)):
        if label not in old or label not in new:
            print(f"{label}: only in {'new' if label in new else 'old'}")
            differing += 1
            continue
        changed = [p for p in parts if old[label][p] != new[label][p]]
        if not changed:
            continue
        differing += 1
        for part in changed:
            before, after = old[label][part], new[label][part]
            gone = [x for x in before if x not in after][:3]
            came = [x for x in after if x not in before][:3]
            print(f"{label} {part}:")
            for item in gone:
                print("  -", json.dumps(item, ensure_ascii=False)[:300])
            for item in came:
                print("  +", json.dumps(item, ensure_ascii=False)[:300])
    print(f"{differing} of {len(set(old) | set(new))} texts differ in {', '.join(parts)}")
    return 1 if differing else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    dumping = sub.add_parser("dump", help="analyse the fixed texts and write their output")
    dumping.add_argument("out", type=Path)
    dumping.add_argument("--corpus", type=int, default=1500,
                         help="synthetic corpus records (default 1500)")
    dumping.add_argument("--extra", type=Path, nargs="*", default=[],
                         help="text files, one probe text per line")
    diffing = sub.add_parser("diff", help="compare two dumps")
    diffing.add_argument("old", type=Path)
    diffing.add_argument("new", type=Path)
    diffing.add_argument("--part", choices=PARTS, action="append",
                         help="only these parts (default: all)")
    args = parser.parse_args(argv)
    if args.command == "dump":
        return dump(args.out, args.corpus, args.extra)
    return diff(args.old, args.new, tuple(args.part or PARTS))


if __name__ == "__main__":
    sys.exit(main())
