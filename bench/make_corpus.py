"""A reproducible synthetic corpus of war reports, with the truth stored beside each text.

``python -m bench.make_corpus N out.jsonl --seed S`` writes ``N`` JSONL records
``{"text", "date", "title", "source", "truth"}``. The same ``N`` and ``S`` always give the same
file, byte for byte.

The texts are built from templates written for this project (no news text is copied) over real
gazetteer places: Ukrainian towns and villages (:data:`FEATURE_CODES`) drawn from
``load_gazetteer().frame`` with a population weighting (weight = sqrt(population), so cities
come up often and villages still appear), named as GeoNames names them or, now and then, as a
transliteration of one of their Cyrillic names (national or Russian-style, as the press writes
them). Reference places of distance claims are towns (>= :data:`TOWN_POPULATION`) within
:data:`CLAIM_KM` of the subject; the stated distance and the 8-point direction are the real
geodesic figures, rounded as news rounds them. Every :data:`SEED_EVERY`-th record is the seed
report (``seeds/``) after a generated lead paragraph, with its places annotated by hand below.

``truth``: ``{"places": [{geonameid, name, start, end}], "claims": [{subject_id, reference_id,
stated_km, direction}]}``; offsets index ``text`` (``text[start:end] == name``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from geo import geodesy, text
from geo.gazetteer import Place, load_gazetteer
from geo.reports import parse_report, report_id
from geo.toponyms import OBLAST_NAMES

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT / "seeds"

#: Population a reference place of a distance claim needs (a town readers know).
TOWN_POPULATION = 15_000
#: Distance range (km) between a claim's subject and its reference.
CLAIM_KM = (8.0, 80.0)
#: Every SEED_EVERY-th record (index 7, 57, 107, ...) carries a seed report.
SEED_EVERY = 50
#: GeoNames feature codes of the places drawn: towns and villages (not city sections, historical,
#: abandoned or destroyed places).
FEATURE_CODES = ("PPL", "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLC")
#: Share of place names written as a transliteration of a Cyrillic name instead of GeoNames'.
VARIANT_SHARE = 0.15
#: Report dates are drawn from this range (the span of the shipped line of contact).
FIRST_DATE, LAST_DATE = dt.date(2024, 7, 8), dt.date(2026, 8, 22)

#: GeoNames admin1 code -> the oblast as English-language reports name it (the reader's own
#: table), without Crimea, Sevastopol and Kyiv city, which the generator does not report on.
OBLASTS = {code: name for code, name in OBLAST_NAMES.items() if code not in ("11", "12", "20")}
DIRECTIONS = {"N": "north", "NE": "northeast", "E": "east", "SE": "southeast", "S": "south",
              "SW": "southwest", "W": "west", "NW": "northwest"}

# Templates: {P} the place, {O} its oblast, {R} a reference town, {D} the distance phrase,
# {DIR} the direction word, {N}/{M} small numbers, {WHEN} a time phrase, {WHO} a source.
PLACE_SENTENCES = (
    "Russian forces attacked {P} in {O} oblast {WHEN}, {WHO} said.",
    "Ukrainian units repelled an assault near {P}, {D} {DIR} of {R}, {WHO} reported.",
    "The Russian Defense Ministry claimed the capture of the village of {P} in the {O} region; "
    "Kyiv did not confirm the claim.",
    "A drone strike hit {P}, about {D} {DIR} of {R}, damaging {N} houses, {WHO} said.",
    "Authorities ordered the evacuation of families with children from {P} in {O} oblast.",
    "Shelling of {P} in {O} oblast killed {N} civilians and wounded {M}, {WHO} said.",
    "Fighting continued in the vicinity of {P}, {D} {DIR} of {R}.",
    "Residents of {P} in {O} oblast spent the night in shelters after a missile strike on the "
    "area.",
    "Ukrainian forces withdrew from positions near {P} in {O} oblast to avoid encirclement, "
    "{WHO} said.",
    "A glide bomb struck an apartment block in {P}, some {D} {DIR} of {R}, injuring {N} people.",
    "{WHO} said Russian troops tried to advance towards {P} in {O} oblast but were pushed back.",
    "The village of {P}, {D} {DIR} of {R}, remains under Ukrainian control, {WHO} said.",
)
FILLERS = (
    "The claims could not be independently verified.",
    "Power was restored to most homes by the evening.",
    "Emergency crews worked through the night to clear the rubble.",
    "Neither side commented on losses.",
    "Air raid alerts sounded across the east for several hours.",
    "Officials urged the remaining residents to leave while roads are still open.",
    "Humanitarian convoys were delayed by the fighting.",
    "The local water supply was cut after a pumping station was damaged.",
    "Military analysts said the pace of the advance had slowed in recent weeks.",
    "Schools in the area switched to remote lessons until further notice.",
)
WHO = ("the regional governor", "the General Staff", "local officials", "the military "
       "administration", "a military spokesman", "the prosecutor's office", "police")
WHEN = ("overnight", "on Tuesday", "early on Friday", "on Sunday evening", "late on Wednesday",
        "the whole night", "on Monday morning")
TITLES = ("Strikes and evacuations in the east", "Fighting near {P}", "Overnight attacks on {P}",
          "Front-line update: {P}", "Shelling in {O} oblast", "Daily war summary")
SOURCES = ("synthetic wire", "synthetic regional desk", "synthetic briefing notes")
NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")

#: The seed report's places, annotated by hand: surface -> (GeoNames id, the words that must
#: follow it for the occurrence to be the settlement; "" for every occurrence).
SEED_TRUTH = {
    "Kupiansk": (703656, ""),
    "Kharkiv": (706483, " city"),
    "Voznesenka": (9112507, ""),
    "Pokrovsk": (704422, ""),
    "Geneva": (2660646, ""),
    "Budapest": (3054643, ""),
}
#: The seed report's place-to-place claim, annotated by hand.
SEED_CLAIMS = ({"subject_id": 703656, "reference_id": 706483, "stated_km": 120.0,
                "direction": "E"},)


@dataclass(frozen=True)
class Pools:
    """Places to draw from: subjects (population-weighted) and claim references (towns)."""

    places: list[Place]
    cum_weights: np.ndarray
    towns: list[Place]
    town_lats: np.ndarray
    town_lons: np.ndarray


@cache
def pools() -> Pools:
    gazetteer = load_gazetteer()
    frame = gazetteer.frame
    rows = np.flatnonzero(((frame["country_code"] == "UA")
                           & frame["feature_code"].isin(FEATURE_CODES)
                           & (frame["population"] > 0)
                           & frame["admin1_code"].isin(list(OBLASTS))).to_numpy())
    rows = rows[np.argsort(frame["geonameid"].to_numpy()[rows], kind="stable")]
    places = gazetteer.all_places(rows.tolist())
    weights = np.sqrt(np.array([p.population for p in places], dtype=float))
    towns = [p for p in places if p.population >= TOWN_POPULATION]
    return Pools(places, np.cumsum(weights) / weights.sum(), towns,
                 np.array([p.lat for p in towns]), np.array([p.lon for p in towns]))


def _variant(place: Place, rng: np.random.Generator) -> str:
    """The name a report writes: GeoNames' name, or a transliteration of a Cyrillic one."""
    if rng.random() >= VARIANT_SHARE:
        return place.name
    forms = sorted({f(alt) for alt in place.alt_names if text.has_cyrillic(alt)
                    for f in (text.transliterate_national, text.transliterate_russian_style)}
                   - {place.name})
    forms = [f for f in forms if re.fullmatch(r"[A-Z][a-z]+(?:[- ][A-Z]?[a-z]+)*", f)]
    return forms[int(rng.integers(len(forms)))] if forms else place.name


def _stated_km(km: float) -> int:
    """A distance as news rounds it: to 5 km above 20 km, else to the kilometre."""
    return max(1, round(km / 5) * 5) if km > 20 else max(1, round(km))


class _Builder:
    """Text assembled piece by piece, recording where each inserted place lands."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.places: list[dict] = []

    def add(self, piece: str) -> None:
        self.parts.append(piece)
        self.length += len(piece)

    def add_place(self, place: Place, surface: str) -> None:
        self.places.append({"geonameid": place.id, "name": surface, "start": self.length,
                            "end": self.length + len(surface)})
        self.add(surface)

    @property
    def text(self) -> str:
        return "".join(self.parts)


class CorpusMaker:
    """Records from a seed: ``CorpusMaker(seed).record(i)`` depends only on ``seed`` and ``i``."""

    def __init__(self, seed: int = 0):
        self.seed = seed
        self.pools = pools()
        self.seed_text = _seed_body()

    def _rng(self, index: int) -> np.random.Generator:
        return np.random.default_rng([self.seed, index])

    def _pick(self, rng: np.random.Generator) -> Place:
        at = int(np.searchsorted(self.pools.cum_weights, rng.random(), side="right"))
        return self.pools.places[min(at, len(self.pools.places) - 1)]

    def _reference(self, place: Place, rng: np.random.Generator) -> tuple[Place, float, str]:
        """A town within CLAIM_KM of ``place``: (town, distance km, 8-point direction)."""
        p = self.pools
        cos = math.cos(math.radians(place.lat))
        approx = np.hypot(p.town_lats - place.lat, (p.town_lons - place.lon) * cos) * 111.2
        near = np.flatnonzero((approx >= CLAIM_KM[0]) & (approx <= CLAIM_KM[1]))
        if not len(near):
            near = np.argsort(approx)[1:6]
        town = p.towns[int(near[int(rng.integers(len(near)))])]
        leg = geodesy.inverse(town.lat, town.lon, place.lat, place.lon)
        return town, leg.distance_km, geodesy.compass_point(leg.bearing_deg, 8)

    def _sentence(self, out: _Builder, claims: list[dict], rng: np.random.Generator) -> Place:
        template = PLACE_SENTENCES[int(rng.integers(len(PLACE_SENTENCES)))]
        place = self._pick(rng)
        ref = None
        if "{R}" in template:
            ref, km, direction = self._reference(place, rng)
        for token in re.split(r"(\{\w+\})", template):
            if token == "{P}":
                out.add_place(place, _variant(place, rng))
            elif token == "{R}":
                out.add_place(ref, ref.name)
            elif token == "{O}":
                out.add(OBLASTS[place.admin1_code])
            elif token == "{D}":
                stated = _stated_km(km)
                if rng.random() < 0.2:
                    out.add(f"{stated} kilometers ({round(geodesy.km_to_miles(stated))} miles)")
                else:
                    out.add(f"{stated} km")
                claims.append({"subject_id": place.id, "reference_id": ref.id,
                               "stated_km": float(stated), "direction": direction})
            elif token == "{DIR}":
                out.add(DIRECTIONS[direction])
            elif token in ("{N}", "{M}"):
                out.add(NUMBER_WORDS[int(rng.integers(len(NUMBER_WORDS)))])
            elif token == "{WHEN}":
                out.add(WHEN[int(rng.integers(len(WHEN)))])
            elif token == "{WHO}":
                who = WHO[int(rng.integers(len(WHO)))]
                at_start = out.length == 0 or out.text.endswith((". ", "\n"))
                out.add(who[0].upper() + who[1:] if at_start else who)
            else:
                out.add(token)
        return place

    def record(self, index: int) -> dict:
        """Record ``index`` of the corpus (text, date, title, source, truth)."""
        rng = self._rng(index)
        out = _Builder()
        claims: list[dict] = []
        first = None
        for paragraph in range(int(rng.integers(1, 4))):
            if paragraph:
                out.add("\n\n")
            for k in range(int(rng.integers(2, 5))):
                if k:
                    out.add(" ")
                if rng.random() < 0.7:
                    place = self._sentence(out, claims, rng)
                    first = first or place
                else:
                    out.add(FILLERS[int(rng.integers(len(FILLERS)))])
        if first is None:
            out.add(" ")
            first = self._sentence(out, claims, rng)
        if index % SEED_EVERY == 7:
            out.add("\n\n")
            _add_seed(out, self.seed_text)
            claims.extend(SEED_CLAIMS)
        date = FIRST_DATE + dt.timedelta(days=int(rng.integers((LAST_DATE - FIRST_DATE).days)))
        title = TITLES[int(rng.integers(len(TITLES)))].format(
            P=first.name, O=OBLASTS[first.admin1_code])
        return {"text": out.text, "date": date.isoformat(), "title": title,
                "source": SOURCES[int(rng.integers(len(SOURCES)))],
                "truth": {"places": out.places, "claims": claims}}


@cache
def _seed_body() -> str:
    """The body (header removed) of the first seed report."""
    path = sorted(SEEDS_DIR.glob("*.txt"))[0]
    return parse_report(path.read_text(encoding="utf-8"), name=path.name).text


def _add_seed(out: _Builder, body: str) -> None:
    spans = []
    for name, (geonameid, after) in SEED_TRUTH.items():
        for match in re.finditer(rf"\b{re.escape(name)}\b", body):
            if body.startswith(after, match.end()):
                spans.append((match.start(), match.end(), geonameid, name))
    at = 0
    for start, end, geonameid, name in sorted(spans):
        out.add(body[at:start])
        out.places.append({"geonameid": geonameid, "name": name, "start": out.length,
                           "end": out.length + end - start})
        out.add(body[start:end])
        at = end
    out.add(body[at:])


def make_corpus(n: int, seed: int = 0) -> Iterator[dict]:
    """``n`` records; texts are unique (a rare repeat is drawn again under a new index)."""
    maker = CorpusMaker(seed)
    seen: set[str] = set()
    index = 0
    made = 0
    while made < n:
        record = maker.record(index)
        index += 1
        key = report_id(record["text"])
        if key in seen:
            continue
        seen.add(key)
        made += 1
        yield record


def write_corpus(n: int, path: Path | str, seed: int = 0) -> Path:
    """Write ``n`` records to ``path`` as JSONL (UTF-8); return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        for record in make_corpus(n, seed):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def run(argv: list[str] | None = None) -> int:
    """The command line (named ``run``, not ``main``: ``python -m bench`` runs every ``main``)."""
    parser = argparse.ArgumentParser(prog="python -m bench.make_corpus", description=__doc__
                                     .split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of reports")
    parser.add_argument("out", type=Path, help="output .jsonl file")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("N must be >= 0")
    path = write_corpus(args.n, args.out, args.seed)
    print(f"wrote {args.n} reports to {path} ({path.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(run())
