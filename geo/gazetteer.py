"""The offline gazetteer: GeoNames places loaded once from ``data/`` and indexed by name key.

``Gazetteer.candidates("Kup'yans'k")`` returns every place a name can mean, each with the rule
that matched it (exact name, alternate name, a transliteration, the phonetic skeleton). Lookups
are one dict access on the normalised key; the key index is precomputed by
``scripts/build_data.py`` and stored beside the places, so a cold load is a Parquet read.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from enum import IntEnum
from functools import cache, cached_property
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import shapely
from rapidfuzz import fuzz

from geo import text
from geo.datafiles import DATA_DIR, checked
from geo.errors import DataError, UnknownPlaceError

#: Fuzzy score (rapidfuzz ratio, 0..100) a skeleton-only match needs to count as a candidate.
SKELETON_MIN_SCORE = 75.0
#: Score of an exact match through an alias that is not a spelling of the place's own name
#: (Nikopol is also listed as "Slov'iansk", Bakhmut as "Artemivsk"): a weaker reading of the
#: name when a namesake that really is called so is about as large (see rank_candidates).
UNLIKE_ALIAS_SCORE = 60.0
#: German and French transcriptions of Cyrillic names (text.FOREIGN_SCHEMES) are indexed from
#: this many letters: shorter ones are words ("Wir" would be the village Вир read the German
#: way).
FOREIGN_KEY_MIN_LENGTH = 5
#: Countries whose places German and French name by transcribing their Cyrillic names
#: (Glasgow is no "Glasgou", Глазгоу).
TRANSCRIBED_COUNTRIES = frozenset({"UA", "RU", "BY"})
#: What a facility of ``facilities.parquet`` is, read from its GeoNames feature code and the
#: words of its names: a report names "the X nuclear power plant", "the X dam", "X airport".
#: Kinds: "nuclear", "hydro" (a hydroelectric station or its dam), "thermal", "air" (an airport
#: or airfield); "power" is any power station of the first three.
FACILITY_CODE_KINDS = {"PSH": "hydro", "DAM": "hydro", "AIRP": "air", "AIRB": "air",
                       "AIRF": "air", "AIRH": "air"}
FACILITY_NAME_WORDS = {
    "nuclear": ("nuclear", "aes", "aehs", "атомна", "атомная", "аес", "аэс"),
    "hydro": ("hydroelectric", "hydropower", "ges", "gidroelektrostantsiya",
              "hidroelektrostantsiia", "гес", "гэс"),
    "thermal": ("thermal", "tes", "tets", "tec", "tets5", "gres", "тес", "тэс", "тэц", "тец",
                "грэс"),
}
#: A report's name for a facility is its town's name or that name's adjective: what may follow
#: the town's phonetic skeleton in a facility name's word ("Zaporozhskaya", "Zaporiz'ka",
#: "Burshtynska").
FACILITY_ADJECTIVE_ENDINGS = ("", "k", "sk", "ck")
#: Words of a facility's name that say what it is, not which one it is.
FACILITY_GENERIC_WORDS = frozenset(
    "international airport airfield air base airbase aeroport aeroporto aerodrom nuclear power "
    "plant station hydroelectric hydropower thermal dam npp hpp tpp aes aehs ges tes gres tets "
    "imeni".split())
#: Two facilities a name and kind fit that lie this far apart make the name ambiguous ("Kyiv
#: airport": Boryspil or Zhuliany): none is chosen.
FACILITY_SAME_SITE_KM = 10.0
#: The words after a place's name that name a facility of one of those kinds, each in the
#: group of its kind: "the Zaporizhzhia nuclear power plant" (nuclear), "the Kakhovka dam"
#: (hydro), "Kramatorsk airfield" (air), "Запорізька АЕС"; matched right after the name.
FACILITY_KIND_AFTER = re.compile(
    r"[ \u00a0]++(?:(?P<nuclear>(?:nuclear|atomic)[ \u00a0]++(?:power[ \u00a0]++)?"
    r"(?:plant|station)|NPP|АЕС|АЭС)|(?P<hydro>hydro(?:-?electric|power)?[ \u00a0]++"
    r"(?:power[ \u00a0]++)?(?:plant|station|dam)|HPP|HES|dam|ГЕС|ГЭС)|"
    r"(?P<thermal>(?:thermal|coal-fired)[ \u00a0]++(?:power[ \u00a0]++)?(?:plant|station)|TPP|"
    r"TES|GRES|ТЕС|ТЭС)|(?P<power>power[ \u00a0]++(?:plant|station))|"
    r"(?P<air>(?:international[ \u00a0]++|military[ \u00a0]++)?"
    r"(?:airport|airfield|air[ \u00a0]*base)|"
    r"аэропорт\w*|аеропорт\w*|аэродром\w*|аеродром\w*))(?![^\W\d_])", re.I)
#: The words before a place's name that name a facility of one of those kinds, in German,
#: French, Spanish and Italian ("AKW Saporischschja", "la centrale nucléaire de Zaporijjia",
#: "la presa de Kajovka", "l'aéroport d'Odessa"); matched right before the name.
FACILITY_KIND_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:(?P<nuclear>AKW|Atomkraftwerks?|Kernkraftwerks?|"
    r"centrale[ \u00a0]+nucl[ée]aire[ \u00a0]+d[ei]?|central[ \u00a0]+nuclear[ \u00a0]+de)|"
    r"(?P<hydro>Wasserkraftwerks?|Staudamms?|barrage[ \u00a0]+de?|"
    r"centrale[ \u00a0]+(?:hydro[ée]lectrique|idroelettrica)[ \u00a0]+d[ei]?|"
    r"central[ \u00a0]+hidroel[ée]ctrica[ \u00a0]+de|presa[ \u00a0]+de|diga[ \u00a0]+di)|"
    r"(?P<air>Flughafens?|Flugplatz(?:es)?|Militärflugplatz(?:es)?|a[ée]roport[ \u00a0]+de?|"
    r"aeropuerto[ \u00a0]+de|aeroporto[ \u00a0]+di?|"
    r"base[ \u00a0]+a[ée]r(?:ienne|ea)[ \u00a0]+d[ei]?)|"
    # "la centrale de Zaporijjia": a power station, of no kind said
    r"(?P<power>centrale[ \u00a0]+d[ei]?))"
    r"(?:[ \u00a0]+|['’])$", re.I)
#: Last letters of the word before a name that a facility word before it ends in (see
#: FACILITY_KIND_BEFORE): the regex runs only after one of these.
FACILITY_BEFORE_ENDS = ("kw", "werk", "werks", "damm", "damms", "hafen", "hafens", "platz",
                        "platzes", "de", "di", "d'", "d’")
#: Administrative rank of GeoNames feature codes, used to rank namesakes (higher = more prominent).
ADMIN_RANK = {"PPLC": 4, "PPLA": 3, "ADM1": 3, "PPLA2": 2, "ADM2": 2, "PPLA3": 1, "PPLA4": 0.5}


class MatchRule(IntEnum):
    """How a query met a place's name; lower is more certain."""

    NAME = 0
    ALTERNATE = 1
    TRANSLIT_NATIONAL = 2
    TRANSLIT_RUSSIAN = 3
    TRANSLIT_FOREIGN = 4
    SKELETON = 5

    @property
    def label(self) -> str:
        return {
            MatchRule.NAME: "exact name",
            MatchRule.ALTERNATE: "alternate name",
            MatchRule.TRANSLIT_NATIONAL: "national transliteration of a Cyrillic name",
            MatchRule.TRANSLIT_RUSSIAN: "Russian-style transliteration of a Cyrillic name",
            MatchRule.TRANSLIT_FOREIGN: "German, French, Spanish or Polish transcription of a "
                                        "Cyrillic name",
            MatchRule.SKELETON: "phonetic skeleton (spelling variant)",
        }[self]


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry (a GeoNames feature). Coordinates are WGS84 degrees."""

    id: int
    name: str
    ascii_name: str
    alt_names: tuple[str, ...]
    lat: float
    lon: float
    country_code: str
    admin1: str
    admin2: str
    admin1_code: str
    admin2_code: str
    feature_class: str
    feature_code: str
    population: int

    @property
    def point(self) -> tuple[float, float]:
        """(lat, lon), geopy's order."""
        return (self.lat, self.lon)

    @property
    def is_populated(self) -> bool:
        return self.feature_class == "P"

    @property
    def address(self) -> str:
        """Human-readable address: name, raion, oblast, country."""
        parts = [self.name, self.admin2, self.admin1, COUNTRY_NAMES.get(self.country_code,
                                                                         self.country_code)]
        return ", ".join(p for p in parts if p)

    @property
    def prominence(self) -> float:
        """Ranking score among namesakes: log10 of population plus administrative rank."""
        return math.log10(self.population + 10) + ADMIN_RANK.get(self.feature_code, 0.0)

    def to_raw(self) -> dict:
        """The place as a plain dict (geopy's ``Location.raw``), keyed ``geonameid``."""
        raw = asdict(self)
        raw["geonameid"] = raw.pop("id")
        raw["alt_names"] = list(self.alt_names)
        return raw


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place a name may mean, with the rule that matched and a 0..100 string score."""

    place: Place
    rule: MatchRule
    score: float


@dataclass(frozen=True, slots=True)
class AdminUnit:
    """A country (level 0), oblast (level 1) or raion (level 2) a query or text can name."""

    level: int
    code: str
    admin1_code: str
    name: str


COUNTRY_NAMES = {"UA": "Ukraine", "RU": "Russia", "BY": "Belarus", "PL": "Poland",
                 "MD": "Moldova", "RO": "Romania", "HU": "Hungary", "SK": "Slovakia"}


def build_name_index(places: pd.DataFrame) -> pd.DataFrame:
    """Key table for ``places``: one row per (key, place row, best rule), plus skeletons.

    Columns: ``key`` (str), ``row`` (int32 row of ``places``), ``rule`` (int8 MatchRule) and
    ``skeleton`` (bool: the row belongs to the skeleton index, not the exact one).
    """
    best: dict[tuple[str, int], int] = {}
    skeletons: set[tuple[str, int]] = set()

    def add(key: str, row: int, rule: MatchRule) -> None:
        if key and best.get((key, row), 99) > rule:
            best[(key, row)] = rule

    for row, (name, ascii_name, alts, country) in enumerate(
            zip(places["name"], places["ascii_name"], places["alt_names"],
                places["country_code"], strict=True)):
        for primary in (name, ascii_name):
            add(text.name_key(primary), row, MatchRule.NAME)
            skeletons.add((text.skeleton_key(primary), row))
        for alt in alts.split("|") if alts else ():
            if text.has_cyrillic(alt):
                add(text.name_key(alt), row, MatchRule.TRANSLIT_NATIONAL)
                add(text.name_key(text.transliterate_russian_style(alt)), row,
                    MatchRule.TRANSLIT_RUSSIAN)
                if country not in TRANSCRIBED_COUNTRIES:
                    continue
                for scheme in text.FOREIGN_SCHEMES:
                    for key in map(text.name_key, text.transcribe(alt, scheme)):
                        if len(key) >= FOREIGN_KEY_MIN_LENGTH:
                            add(key, row, MatchRule.TRANSLIT_FOREIGN)
            else:
                add(text.name_key(alt), row, MatchRule.ALTERNATE)
            skeletons.add((text.skeleton_key(alt), row))
    exact = pd.DataFrame([(k, r, int(rule)) for (k, r), rule in best.items()],
                         columns=["key", "row", "rule"])
    exact["skeleton"] = False
    skel = pd.DataFrame(sorted((k, r) for k, r in skeletons if k), columns=["key", "row"])
    skel["rule"] = int(MatchRule.SKELETON)
    skel["skeleton"] = True
    index = pd.concat([exact, skel], ignore_index=True)
    index["row"] = index["row"].astype("int32")
    index["rule"] = index["rule"].astype("int8")
    return index.sort_values(["skeleton", "key", "rule", "row"], ignore_index=True)


def write_name_index(index: pd.DataFrame, path: Path) -> None:
    """Store the key table with the key version it was built with."""
    table = pa.Table.from_pandas(index, preserve_index=False)
    meta = dict(table.schema.metadata or {})
    meta[b"frontline_key_version"] = str(text.KEY_VERSION).encode()
    pq.write_table(table.replace_schema_metadata(meta), path, compression="zstd")


class _KeyIndex:
    """Sorted (key -> rows) table with an O(1) dict from key to its slice."""

    def __init__(self, keys: np.ndarray, rows: np.ndarray, rules: np.ndarray):
        self.rows, self.rules = rows, rules
        unique, starts = np.unique(keys, return_index=True)
        ends = np.append(starts[1:], len(keys))
        self.slices = dict(zip(unique.tolist(), zip(starts.tolist(), ends.tolist(), strict=True),
                               strict=True))

    def get(self, key: str) -> tuple[list[int], list[int]]:
        """Rows of the places indexed under ``key`` and the rule of each (empty if none)."""
        span = self.slices.get(key)
        if span is None:
            return [], []
        # Plain lists: iterating them is far cheaper than iterating numpy scalars.
        return self.rows[span[0]:span[1]].tolist(), self.rules[span[0]:span[1]].tolist()


_RULES = tuple(MatchRule)
_PLACE_COLUMNS = ("geonameid", "name", "ascii_name", "alt_names", "lat", "lon", "country_code",
                  "admin1", "admin2", "admin1_code", "admin2_code", "feature_class",
                  "feature_code", "population")


class _Facility(NamedTuple):
    place: Place
    kinds: frozenset[str]
    names: tuple[tuple[tuple[str, ...], tuple[bool, ...]], ...]  # word skeletons, generic?


def _place(gid, name, ascii_name, alts, lat, lon, country, admin1, admin2, admin1_code,
           admin2_code, feature_class, feature_code, population) -> Place:
    """A Place from the values of one row of the places table, in _PLACE_COLUMNS order."""
    return Place(id=gid, name=name, ascii_name=ascii_name,
                 alt_names=tuple(alts.split("|")) if alts else (), lat=lat, lon=lon,
                 country_code=country, admin1=admin1, admin2=admin2, admin1_code=admin1_code,
                 admin2_code=admin2_code, feature_class=feature_class,
                 feature_code=feature_code, population=population)


def facility_kind_before(text_: str, start: int) -> re.Match[str] | None:
    """The facility words right before a name at ``start`` (FACILITY_KIND_BEFORE: "AKW
    Saporischschja", "l'aéroport d'Odessa"), their kind the match's ``lastgroup``; None when
    there are none. The regex runs only after a word ending as FACILITY_BEFORE_ENDS says."""
    if start < 2 or text_[start - 1] not in " \u00a0'’":
        return None
    word = text_[text_.rfind(" ", max(0, start - 30), start - 1) + 1:start].rstrip()
    if not word.lower().endswith(FACILITY_BEFORE_ENDS):
        return None
    return FACILITY_KIND_BEFORE.search(text_, max(0, start - 45), start)


class Gazetteer:
    """Places of ``data/places.parquet`` indexed by normalised name, admin unit and location.

    Load it once with :func:`load_gazetteer` (cached); every lookup after that is in memory.
    """

    def __init__(self, data_dir: Path | str = DATA_DIR):
        data_dir = Path(data_dir)
        try:
            self._frame = pd.read_parquet(checked(data_dir / "places.parquet"))
            index_file = pq.ParquetFile(checked(data_dir / "name_index.parquet"))
            units = pd.read_parquet(checked(data_dir / "admin_units.parquet"))
        except (OSError, pa.ArrowException) as exc:
            raise DataError(f"cannot read the gazetteer in {data_dir}: {exc}. "
                            "Rebuild it with `make data`.") from exc
        version = (index_file.schema_arrow.metadata or {}).get(b"frontline_key_version", b"")
        if version.decode() != str(text.KEY_VERSION):
            raise DataError(f"{data_dir / 'name_index.parquet'} was built with name-key version "
                            f"{version.decode() or '?'}, this code uses {text.KEY_VERSION}. "
                            "Rebuild it with `make data`.")
        index = index_file.read().to_pandas()
        exact = index[~index["skeleton"]]
        skel = index[index["skeleton"]]
        self._exact = _KeyIndex(exact["key"].to_numpy(), exact["row"].to_numpy(),
                                exact["rule"].to_numpy())
        self._skeleton = _KeyIndex(skel["key"].to_numpy(), skel["row"].to_numpy(),
                                   skel["rule"].to_numpy())
        self._places: list[Place | None] = [None] * len(self._frame)
        self._name_keys: dict[int, tuple[str, ...]] = {}
        self._own_skeletons: dict[int, str] = {}
        self._row_of_id = pd.Series(np.arange(len(self._frame)), index=self._frame["geonameid"])
        self._lats = self._frame["lat"].to_numpy()
        self._lons = self._frame["lon"].to_numpy()
        self._units_table = units
        self._data_dir = data_dir

    def __len__(self) -> int:
        return len(self._frame)

    @cached_property
    def _tree(self) -> shapely.STRtree:
        """Spatial index of the places' points (lon, lat), built on first nearest() call."""
        return shapely.STRtree(shapely.points(self._lons, self._lats))

    @cached_property
    def _admin_units(self) -> tuple[list[AdminUnit], dict[str, list[AdminUnit]],
                                    dict[str, list[AdminUnit]]]:
        """Admin units and their alias keys, indexed on first use."""
        by_key: dict[str, list[AdminUnit]] = {}
        by_skeleton: dict[str, list[AdminUnit]] = {}
        all_units = []
        for level, code, admin1_code, name, aliases in self._units_table[
                ["level", "code", "admin1_code", "name", "aliases"]].itertuples(index=False):
            unit = AdminUnit(int(level), code, admin1_code, name)
            all_units.append(unit)
            for alias in {name, *aliases.split("|")}:
                for key in text.translit_variants(alias):
                    bucket = by_key.setdefault(key, [])
                    if unit not in bucket:
                        bucket.append(unit)
                skeleton = text.skeleton_key(alias).replace(" ", "")
                bucket = by_skeleton.setdefault(skeleton, [])
                if unit not in bucket:
                    bucket.append(unit)
        return all_units, by_key, by_skeleton

    def place_at(self, row: int) -> Place:
        """The Place of a row of the table (built on first use, then kept)."""
        place = self._places[row]
        if place is None:
            place = _place(*(column[row] for column in self._columns))
            self._places[row] = place
        return place

    @cached_property
    def _facilities(self) -> tuple[_Facility, ...]:
        """The facilities of ``facilities.parquet``, each with its kinds and the phonetic
        skeletons of its names' words. Read on first use (149 rows)."""
        try:
            frame = pd.read_parquet(checked(self._data_dir / "facilities.parquet"))
        except (OSError, pa.ArrowException) as exc:
            raise DataError(f"cannot read the facilities in {self._data_dir}: {exc}. "
                            "Rebuild them with `make data`.") from exc
        out = []
        for values in zip(*(frame[c].tolist() for c in _PLACE_COLUMNS), strict=True):
            place = _place(*values)
            names = [text.name_key(n).replace("-", " ").split()
                     for n in (place.name, *place.alt_names)]
            words = {word for name in names for word in name}
            kinds = {kind for kind, marks in FACILITY_NAME_WORDS.items()
                     if words.intersection(marks)}
            if code_kind := FACILITY_CODE_KINDS.get(place.feature_code):
                kinds.add(code_kind)
            if kinds & set(FACILITY_NAME_WORDS) or {"power", "plant"} <= words \
                    or {"power", "station"} <= words:
                kinds.add("power")
            out.append(_Facility(place, frozenset(kinds), tuple(
                (tuple(text.skeleton_key(w) for w in name),
                 tuple(w in FACILITY_GENERIC_WORDS for w in name)) for name in names)))
        return tuple(out)

    def facilities_named(self, name: str, kind: str) -> tuple[Place, ...]:
        """The facility of ``kind`` ("nuclear", "hydro", "thermal", "power" or "air") that a
        report calls after the place ``name`` ("Zaporizhzhia" + "nuclear": GeoNames'
        Zaporizhia Nuclear Power Plant, also "Zaporiz'ka AES"), as a one-place tuple; empty
        when none fits.

        A name fits a facility's name when its phonetic skeleton is that of the name's words
        there (one word or a run), or their stem before an adjective ending ("Zaporozhskaya
        GRES"). Best is a name that says nothing else than the facility words ("Kharkiv
        International Airport", not "Kharkiv North Airport"), then one that starts with it,
        then a nuclear, hydro, thermal station in that order for a mere "power plant". When
        equally good fits lie over FACILITY_SAME_SITE_KM apart the name is ambiguous: none.
        """
        key = text.skeleton_key(name)
        size = len(key.split())
        key = key.replace(" ", "")
        if not key:
            return ()
        fits = []
        for facility in self._facilities:
            if kind not in facility.kinds:
                continue
            best = None
            for skeletons, generic in facility.names:
                for i in range(len(skeletons) - size + 1):
                    word = "".join(skeletons[i:i + size])
                    if word.startswith(key) and word[len(key):] in FACILITY_ADJECTIVE_ENDINGS \
                            and (len(key) >= 3 or word == key):
                        rest = generic[:i] + generic[i + size:]
                        grade = (not all(rest), i > 0)
                        best = grade if best is None else min(best, grade)
            if best is not None:
                rank = next((n for n, k in enumerate(FACILITY_NAME_WORDS) if k in facility.kinds),
                            len(FACILITY_NAME_WORDS))
                fits.append((best, rank, facility.place))
        if not fits:
            return ()
        fits.sort(key=lambda fit: fit[:2])
        grade, _, chosen = fits[0]
        from geo.geodesy import distance_km  # here: pyproj would slow the gazetteer's import

        if any(distance_km(chosen.lat, chosen.lon, other.lat, other.lon) > FACILITY_SAME_SITE_KM
               for fit_grade, _, other in fits[1:] if fit_grade == grade):
            return ()
        return (chosen,)

    @cached_property
    def _columns(self) -> tuple[list, ...]:
        """The place table as Python lists (built on the first place_at call)."""
        return tuple(self._frame[c].tolist() for c in _PLACE_COLUMNS)

    def name_keys(self, place: Place) -> tuple[str, ...]:
        """Distinct exact keys of a place's names (computed once per place, then kept)."""
        keys = self._name_keys.get(place.id)
        if keys is None:
            keys = tuple(dict.fromkeys(text.name_key(n) for n in (
                place.name, place.ascii_name, *place.alt_names)))
            self._name_keys[place.id] = keys
        return keys

    def get(self, geonameid: int) -> Place:
        """The place with this GeoNames id; :class:`UnknownPlaceError` if it is not shipped."""
        try:
            row = int(self._row_of_id.loc[int(geonameid)])
        except (KeyError, ValueError, TypeError) as exc:
            raise UnknownPlaceError(f"GeoNames id {geonameid!r} is not in the gazetteer") from exc
        return self.place_at(row)

    def exact_candidates(self, name: str) -> list[Candidate]:
        """Places whose name, alternate name or transliteration has the same key as ``name``.

        Score 100, or :data:`UNLIKE_ALIAS_SCORE` when several places match and this one only
        through an alias whose phonetic skeleton differs from that of its own name."""
        rows, rules = self._exact.get(text.name_key(name))
        place_at = self.place_at
        if len(rows) < 2 or not any(rules):  # one place, or every place so named (NAME = 0)
            return [Candidate(place_at(r), _RULES[rule], 100.0)
                    for r, rule in zip(rows, rules, strict=True)]
        query = text.skeleton_key(name)
        foreign: tuple[str, ...] = ()
        found = []
        for row, rule in zip(rows, rules, strict=True):
            place = place_at(row)
            if _RULES[rule] is MatchRule.TRANSLIT_FOREIGN:
                foreign = foreign or tuple(text.foreign_skeleton(name, scheme)
                                           for scheme in text.FOREIGN_SCHEMES)
                like = text.fold_sibilants(self._own_skeleton(place)) in foreign
            else:
                like = _RULES[rule] is MatchRule.NAME or query == self._own_skeleton(place)
            found.append(Candidate(place, _RULES[rule], 100.0 if like else UNLIKE_ALIAS_SCORE))
        return found

    def _own_skeleton(self, place: Place) -> str:
        """Phonetic skeleton of a place's own (ASCII) name, computed once per place."""
        skeleton = self._own_skeletons.get(place.id)
        if skeleton is None:
            skeleton = self._own_skeletons[place.id] = text.skeleton_key(place.ascii_name
                                                                         or place.name)
        return skeleton

    def might_name(self, name: str) -> bool:
        """Cheap test: could ``name`` be a place, admin unit or country? True when its exact key
        or its phonetic skeleton is indexed (a superset of what any lookup can find, except
        the prefix matching of inflected admin adjectives)."""
        key = text.name_key(name)
        return (key in self._exact.slices or key in self._admin_units[1]
                or text.skeleton_key(name) in self._skeleton.slices)

    def has_key(self, key: str) -> bool:
        """True if some place is indexed under this exact name key (see ``text.name_key``)."""
        return key in self._exact.slices

    def candidates(self, name: str, *, country: str | None = None,
                   admin1_code: str | None = None, admin2_code: str | None = None,
                   feature_class: str | None = None, phonetic: bool = True) -> list[Candidate]:
        """Every place ``name`` may mean, filtered; exact-key matches first, then skeleton ones.

        The skeleton is tried only when no exact key matches (after filtering) and ``phonetic``
        is true; its candidates carry a rapidfuzz ratio between the query key and the closest
        of the place's names, and need at least :data:`SKELETON_MIN_SCORE`.
        """
        found = self._filter(self.exact_candidates(name), country, admin1_code, admin2_code,
                             feature_class)
        if found or not phonetic:
            return found
        query_key = text.name_key(name)
        skeleton = text.skeleton_key(name)
        if len(skeleton.replace(" ", "")) < 2:
            return []
        rows, _ = self._skeleton.get(skeleton)
        scored = []
        for row in dict.fromkeys(rows):
            place = self.place_at(row)
            score = max(fuzz.ratio(query_key, key) for key in self.name_keys(place))
            if score >= SKELETON_MIN_SCORE:
                scored.append(Candidate(place, MatchRule.SKELETON, score))
        return self._filter(scored, country, admin1_code, admin2_code, feature_class)

    @staticmethod
    def _filter(cands: list[Candidate], country, admin1_code, admin2_code,
                feature_class) -> list[Candidate]:
        if country is None and admin1_code is None and admin2_code is None \
                and feature_class is None:
            return cands
        return [c for c in cands
                if (country is None or c.place.country_code == country)
                and (admin1_code is None or c.place.admin1_code == admin1_code)
                and (admin2_code is None or c.place.admin2_code == admin2_code)
                and (feature_class is None or c.place.feature_class == feature_class)]

    def admin_units(self, name: str, level: int | None = None) -> list[AdminUnit]:
        """Countries, oblasts or raions a name can denote: "Donetsk" -> Donetsk Oblast, ...

        Matches the unit's official name, its aliases and its seat's names by exact key.
        """
        units = []
        for key in text.translit_variants(name):
            for unit in self._admin_units[1].get(key, ()):
                if (level is None or unit.level == level) and unit not in units:
                    units.append(unit)
        return units

    def admin_units_by_stem(self, word: str, level: int) -> list[AdminUnit]:
        """Units of ``level`` whose name is an inflected or adjectival form of ``word``.

        For case forms such as "Харьковского" (района) or "Донецкой" (области): the phonetic
        skeleton of one must be a prefix of the other's, over at least 4 consonants.
        """
        exact = self.admin_units(word, level)
        if exact:
            return exact
        query = text.skeleton_key(word).replace(" ", "")
        if len(query) < 4:
            return []
        found = []
        for key, units in self._admin_units[2].items():
            if len(key) >= 4 and (query.startswith(key) or key.startswith(query)):
                found.extend(u for u in units if u.level == level and u not in found)
        return found

    @cached_property
    def _country_keys(self) -> dict[str, list[str]]:
        """Country name keys of at least 5 letters, by their first three letters."""
        keys: dict[str, list[str]] = {}
        for key, units in self._admin_units[1].items():
            if len(key) >= 5 and " " not in key and any(u.level == 0 for u in units):
                keys.setdefault(key[:3], []).append(key)
        return keys

    def country_prefix(self, word: str) -> int:
        """How many leading letters of ``word`` (as a name key) spell a country's name, when
        ``word`` reads as a case form of it ("Ukrainoje", "Україні": 6, for Ukraine); else 0.
        A case form keeps all of the name but at most its last two letters, then ends in at
        most four letters."""
        key = text.name_key(word)
        best = 0
        for country in self._country_keys.get(key[:3], ()):
            shared = text.common_prefix(key, country)
            if shared >= len(country) - 2 and shared >= 5 and len(key) - shared <= 4:
                best = max(best, shared)
        return best

    def oblast(self, admin1_code: str) -> AdminUnit:
        """The oblast unit with this GeoNames admin1 code."""
        for unit in self._admin_units[0]:
            if unit.level == 1 and unit.code == admin1_code:
                return unit
        raise UnknownPlaceError(f"no oblast with admin1 code {admin1_code!r}")

    def raion(self, admin2_code: str) -> AdminUnit:
        """The raion unit with this GeoNames admin2 code."""
        try:
            return self._raions[admin2_code]
        except KeyError:
            raise UnknownPlaceError(f"no raion with admin2 code {admin2_code!r}") from None

    @cached_property
    def _raions(self) -> dict[str, AdminUnit]:
        """The raion units by admin2 code, indexed on first use."""
        return {unit.code: unit for unit in self._admin_units[0] if unit.level == 2}

    def nearest(self, lat: float, lon: float, k: int = 1, *, max_km: float = 50.0,
                populated_only: bool = True) -> list[tuple[Place, float]]:
        """The ``k`` places nearest to (lat, lon), each with its geodesic distance in km.

        Candidates come from the STRtree within a box of ``max_km``; they are ranked by true
        geodesic distance (pyproj Geod on WGS84).
        """
        from geo.geodesy import distances_km

        dlat = max_km / 110.0
        dlon = max_km / (111.32 * max(math.cos(math.radians(lat)), 0.01))
        hits = self._tree.query(shapely.box(lon - dlon, lat - dlat, lon + dlon, lat + dlat))
        if populated_only:
            classes = self._frame["feature_class"].to_numpy()
            hits = hits[classes[hits] == "P"]
        if len(hits) == 0:
            return []
        dist = distances_km(np.full(len(hits), lat), np.full(len(hits), lon),
                            self._lats[hits], self._lons[hits])
        order = np.argsort(dist, kind="stable")[:k]
        return [(self.place_at(int(hits[i])), float(dist[i])) for i in order
                if dist[i] <= max_km]

    def all_places(self, rows: Sequence[int] | None = None) -> list[Place]:
        """Places of the given rows (all rows when None)."""
        rows = range(len(self)) if rows is None else rows
        return [self.place_at(int(r)) for r in rows]

    @property
    def frame(self) -> pd.DataFrame:
        """The underlying table (read-only use)."""
        return self._frame


@cache
def load_gazetteer(data_dir: str | None = None) -> Gazetteer:
    """The gazetteer of ``data_dir`` (default: the shipped ``data/``), loaded once per process."""
    return Gazetteer(Path(data_dir) if data_dir else DATA_DIR)

