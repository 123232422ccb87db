"""Quality on the development set (../shared/eval/dev): resolution, mentions, claims.

Prints resolution accuracy within 5 km and 161 km with median/mean error, mention precision,
recall and F1, and the share of claims parsed with the right figure and reference, with the
verdicts. Skips cleanly (exit 0, a message) where the dev set is absent.
"""

from __future__ import annotations

import csv
import json
import re
import statistics
from collections import Counter

from bench.common import DEV_DIR, dev_available
from geo import geodesy, text
from geo.geocoder import OfflineGeocoder
from geo.models import MentionKind
from geo.reports import Reader, parse_report

#: Kinds whose text is a toponym as the dev set annotates them: a settlement, an oblast or raion
#: named by its bare name ("Donetsk" of "Donetsk oblast"), a facility by the name of the place
#: it is named after ("Melitopol" of "the Melitopol airfield").
GOLD_MENTION_KINDS = {MentionKind.SETTLEMENT, MentionKind.OBLAST, MentionKind.RAION,
                      MentionKind.FACILITY}


def resolution(geocoder: OfflineGeocoder) -> dict:
    errors, missing = [], []
    with open(DEV_DIR / "places.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        query = ", ".join(part for part in (row["name"], row.get("raion", ""), row["oblast"])
                          if part)
        loc = geocoder.geocode(query)
        if loc is None:
            missing.append(query)
            errors.append(float("inf"))
            continue
        errors.append(geodesy.distance_km(float(row["lat"]), float(row["lon"]),
                                          loc.latitude, loc.longitude))
    finite = [e for e in errors if e != float("inf")]
    return {
        "places": len(rows),
        "within_5km": sum(e <= 5 for e in errors) / len(rows),
        "within_161km": sum(e <= 161 for e in errors) / len(rows),
        "median_error_km": statistics.median(finite) if finite else None,
        "mean_error_km": statistics.fmean(finite) if finite else None,
        "unresolved": missing,
        "worst": sorted(((round(e, 1), r["name"], r["oblast"]) for e, r in
                         zip(errors, rows, strict=True)), reverse=True)[:5],
    }


def _norm(surface: str) -> str:
    return re.sub(r"(['’]s)$", "", surface.strip())


def mention_scores(reader: Reader, records: list[dict]) -> dict:
    tp = fp = fn = 0
    misses, extras = Counter(), Counter()
    for record in records:
        analysis = reader.analyse(parse_report(record["text"]))
        predicted = Counter(_norm(m.text) for m in analysis.mentions
                            if m.kind in GOLD_MENTION_KINDS)
        gold = Counter(_norm(t) for t in record["toponyms"])
        hit = predicted & gold
        tp += sum(hit.values())
        fp += sum((predicted - gold).values())
        fn += sum((gold - predicted).values())
        misses.update(gold - predicted)
        extras.update(predicted - gold)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn,
            "missed": misses.most_common(12), "spurious": extras.most_common(12)}


def _number(value: str) -> float | None:
    match = re.match(r"\s*<?\s*(\d+(?:[.,]\d+)?)", value or "")
    return float(match.group(1).replace(",", ".")) if match else None


def _reference_matches(claim, expected: str) -> bool:
    expected_key = text.name_key(re.sub(r"\(.*?\)", "", expected))
    if claim.reference is not None:
        names = {claim.reference.text}
        if claim.reference.place is not None:
            place = claim.reference.place
            names |= {place.name, place.ascii_name, *place.alt_names}
        keys = {text.name_key(n) for n in names}
        skeletons = {text.skeleton_key(n) for n in names}
        first = expected_key.split(" ")[0] if expected_key else ""
        return any(k and (k in expected_key or first == k) for k in keys) or any(
            s and s == text.skeleton_key(first) for s in skeletons)
    feature = text.name_key(claim.reference_feature)
    if "border" in expected_key:
        return "border" in feature
    if "front" in expected_key or "positions" in expected_key:
        return claim.kind.value == "frontline_distance"
    return bool(feature) and feature.split(" ")[-1] in expected_key


def _figure_matches(distance, want_km: float) -> bool:
    """The stated figure as written, or its km value (a "60 miles or 100 km" claim), within
    the rounding of the dev set's column."""
    figures = [distance.value, distance.km, distance.alt_value, distance.alt_km]
    return any(f is not None and abs(f - want_km) <= max(1e-6, 0.05 * want_km)
               for f in figures)


def _inverse_matches(claim, place_a: str, place_b: str) -> bool:
    """"B is N km SW of A" states the same fact as "A is N km NE of B": accept it."""
    if claim.subject is None or claim.reference is None:
        return False
    swapped = type(claim)(kind=claim.kind, subject=claim.reference, text=claim.text,
                          start=claim.start, end=claim.end, reference=claim.subject)
    return _reference_matches(swapped, place_b) and _reference_matches(claim, place_a)


def claim_scores(reader: Reader) -> dict:
    with open(DEV_DIR / "claims.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    parsed_right = 0
    statuses = Counter()
    by_text: dict[str, object] = {}
    for row in rows:
        analysis = by_text.get(row["text"])
        if analysis is None:
            analysis = by_text[row["text"]] = reader.analyse(parse_report(row["text"]))
        want = _number(row["claimed_km"])
        found = [c for c in analysis.claims if c.distance is not None and want is not None
                 and _figure_matches(c.distance, want) and (
                     _reference_matches(c, row["place_b_or_feature"])
                     or _inverse_matches(c, row["place_a"], row["place_b_or_feature"]))]
        if found:
            parsed_right += 1
            verdict = next((v for v in analysis.verdicts if v.claim == found[0]), None)
            statuses[verdict.status.value if verdict else "none"] += 1
    return {"claims": len(rows), "parsed_right": parsed_right,
            "share": parsed_right / len(rows) if rows else 0.0, "verdicts": dict(statuses)}


def main() -> dict:
    if not dev_available():
        print(f"quality: dev set not found at {DEV_DIR}; skipped")
        return {}
    reader = Reader()
    geocoder = OfflineGeocoder(reader.gazetteer)
    with open(DEV_DIR / "reports.jsonl", encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    results = {"resolution": resolution(geocoder), "mentions": mention_scores(reader, records),
               "claims": claim_scores(reader)}
    res, men, cla = results["resolution"], results["mentions"], results["claims"]
    print(f"resolution ({res['places']} places): {res['within_5km']:.1%} within 5 km, "
          f"{res['within_161km']:.1%} within 161 km; error median {res['median_error_km']:.2f} "
          f"km, mean {res['mean_error_km']:.2f} km; worst {res['worst']}")
    print(f"mentions: P {men['precision']:.3f} R {men['recall']:.3f} F1 {men['f1']:.3f} "
          f"(tp {men['tp']}, fp {men['fp']}, fn {men['fn']})")
    print(f"  missed {men['missed']}\n  spurious {men['spurious']}")
    print(f"claims: {cla['parsed_right']}/{cla['claims']} parsed with the right figure and "
          f"reference ({cla['share']:.1%}); verdicts {cla['verdicts']}")
    return results


if __name__ == "__main__":
    main()
