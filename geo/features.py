"""Shipped geographic features: country borders, oblast polygons and river centre lines.

Each ``data/*.parquet`` file is a GeoParquet table in WGS84 (lon/lat), built by
``scripts/build_data.py`` and read here once per process (cached):

- ``borders.parquet``: ``iso_a3``, ``name``, ``geometry`` for Ukraine and its neighbours
  (UKR RUS BLR POL SVK HUN ROU MDA), Natural Earth 10 m admin-0;
- ``oblasts.parquet``: ``admin1_code`` (GeoNames admin1, "05" = Donetsk), ``name``,
  ``iso_code``, ``geometry``, geoBoundaries ADM1 (simplified);
- ``rivers.parquet``: ``name``, ``key``, ``skeleton``, ``geometry``, Natural Earth 10 m river
  centre lines ("Oskol", "Seversky Donets", "Dnipro (Dnieper)").

Lookups speak names and codes; geometries are shapely objects in (lon, lat) order.
"""

from __future__ import annotations

import heapq
import math
import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path

import shapely
from rapidfuzz import fuzz
from shapely.geometry.base import BaseGeometry

from geo import text
from geo.datafiles import DATA_DIR, checked
from geo.errors import DataError

__all__ = [
    "BORDER_COUNTRIES",
    "COUNTRY_ISO3",
    "JUNCTION_DEG",
    "RIVER_MIN_SCORE",
    "RiverIndex",
    "border_country",
    "country_adjective",
    "country_geometry",
    "country_name",
    "find_river",
    "load_borders",
    "load_oblasts",
    "load_rivers",
    "oblast_geometry",
    "river_course",
    "river_index",
]

BORDER_COUNTRIES = ("UKR", "RUS", "BLR", "POL", "SVK", "HUN", "ROU", "MDA")
"""ISO 3166-1 alpha-3 codes of the countries in ``data/borders.parquet``."""

RIVER_MIN_SCORE = 75.0
"""Fuzzy score (rapidfuzz ratio of the name keys, 0..100) a river matched only by its phonetic
skeleton needs: "Oskil" ~ "Oskol" scores 80, "Dnepr" ~ "Dnieper" 83, while unrelated rivers
that share a short skeleton ("Donets" / "Dunajec", both "dnc") score about 60."""

# Names, adjectives and codes of the neighbouring countries, in the languages the claim reader
# understands, folded with text.name_key. One lexicon, used for "the Russian border", "the border
# with the Russian Federation", "der russischen Grenze", "la frontière avec la Russie",
# "la frontera rusa", "границы с Россией", "od granicy z Rosją", "dal confine russo" alike.
_COUNTRY_WORDS: dict[str, tuple[str, ...]] = {
    "RUS": ("russia", "russian", "russian federation", "russland", "russischen", "russische",
            "russischer", "russie", "russe", "rusia", "rusa", "ruso", "rossiia", "rossii",
            "россия", "россии", "россией", "российской", "российская", "росія", "росії", "росією",
            "російської", "російського", "российского", "ru", "rus",
            "rosja", "rosji", "rosją", "rosyjskiej", "rosyjską", "rosyjska", "rusko", "ruska",
            "ruskem", "ruské", "ruskom", "ruskej", "ryssland", "ryska", "rusland", "russisk",
            "russiske", "rusijos", "rusija", "russo", "russa", "rusă", "rusiei", "rusijom",
            "rusije", "venäjän", "venäjä", "orosz", "oroszország", "venemaa", "русия", "русията",
            "руската", "русијом", "русије", "расіяй", "расіі", "расійскай"),
    "BLR": ("belarus", "belarusian", "belarussian", "byelorussian", "belorussian",
            "weissrussland", "weissrussischen", "belarussischen", "bielorussie", "bielorusse",
            "bielorrusia", "bielorrusa", "беларусь", "беларуси", "беларусью", "белоруссией",
            "белорусской", "білорусь", "білорусі", "білоруссю", "білоруської", "білоруського",
            "by", "blr",
            "białoruś", "białorusi", "białorusią", "białoruskiej", "bělorusko", "běloruska",
            "běloruskem", "bielorusko", "bieloruska", "bieloruskom", "vitryssland", "wit-rusland",
            "baltarusijos", "valko-venäjän", "belarusz", "bielorussia", "беларуссю", "беларусі"),
    "POL": ("poland", "polish", "polen", "polnischen", "pologne", "polonaise", "polonia",
            "polaca", "польшей", "польской", "польщею", "польської", "pl", "pol",
            "polska", "polski", "polską", "polsko", "polskem"),
    "SVK": ("slovakia", "slovak", "slowakei", "slowakischen", "slovaquie", "slovaque",
            "eslovaquia", "eslovaca", "sk", "svk"),
    "HUN": ("hungary", "hungarian", "ungarn", "ungarischen", "hongrie", "hongroise", "hungria",
            "hungara", "венгрией", "угорщиною", "hu", "hun",
            "węgry", "węgrami", "węgier", "maďarsko", "maďarskem", "maďarskom", "ungern",
            "hongarije", "ungheria", "magyarország"),
    "ROU": ("romania", "romanian", "rumanien", "rumaenien", "rumanischen", "roumanie",
            "roumaine", "rumania", "rumana", "румынией", "румунією", "ro", "rou",
            "rumunia", "rumunią", "rumunii", "rumunsko", "rumunskem", "rumunskom", "rumänien",
            "roemenië", "românia"),
    "MDA": ("moldova", "moldovan", "moldavia", "moldavian", "moldawien", "moldauischen",
            "moldavie", "moldave", "молдовой", "молдовою", "md", "mda",
            "mołdawia", "mołdawią", "moldavsko", "moldavskem", "moldávia"),
    "UKR": ("ukraine", "ukrainian", "ukrainischen", "ukrainienne", "ucrania", "ucraniana",
            "украина", "украины", "україна", "україни", "ua", "ukr"),
}
COUNTRY_ISO3: dict[str, str] = {
    text.name_key(word): iso for iso, words in _COUNTRY_WORDS.items() for word in words
}
"""Name key of a country name, adjective or ISO code (2 or 3 letters) -> ISO alpha-3."""

_ENGLISH = {"RUS": ("Russia", "Russian"), "BLR": ("Belarus", "Belarusian"),
            "POL": ("Poland", "Polish"), "SVK": ("Slovakia", "Slovak"),
            "HUN": ("Hungary", "Hungarian"), "ROU": ("Romania", "Romanian"),
            "MDA": ("Moldova", "Moldovan"), "UKR": ("Ukraine", "Ukrainian")}


def country_name(iso_a3: str) -> str:
    """English name of a country by ISO alpha-3 code ("RUS" -> "Russia"); the code if unknown."""
    return _ENGLISH.get(iso_a3, (iso_a3, iso_a3))[0]


def country_adjective(iso_a3: str) -> str:
    """English adjective of a country ("RUS" -> "Russian"); the code if unknown."""
    return _ENGLISH.get(iso_a3, (iso_a3, iso_a3))[1]


def border_country(phrase: str) -> str | None:
    """ISO alpha-3 code of the country a border phrase names, or None if it names none.

    "the Russian border", "the border with the Russian Federation", "Russia's border",
    "der russischen Grenze", "RU" -> "RUS"; "the border" -> None. The longest country word found
    wins, so "the Russian Federation" is Russia, not a stray "RU"; Ukraine counts only when no
    other country is named ("the Ukrainian-Russian border" is Russia's border).
    """
    if not isinstance(phrase, str):
        return None
    key = text.name_key(phrase.replace("'s", " ").replace("’s", " "))
    words = key.split()
    found: list[tuple[bool, int, int, str]] = []  # (is Ukraine, -length, position, iso)
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            iso = COUNTRY_ISO3.get(" ".join(words[i:i + size]))
            if iso:
                found.append((iso == "UKR", -size, i, iso))
    return min(found)[3] if found else None


# --------------------------------------------------------------------------------------------
# Loaders


def _read(name: str, data_dir: str | None, columns: set[str]):
    import geopandas as gpd  # heavy: imported on first use only

    path = Path(data_dir) if data_dir else DATA_DIR
    path = checked(path / name)
    try:
        frame = gpd.read_parquet(path)
    except Exception as exc:  # pyarrow and geopandas raise several kinds for a damaged file
        raise DataError(f"cannot read {path}: {exc}; rebuild with `make data`.") from exc
    missing = columns - set(frame.columns)
    if missing:
        raise DataError(f"{path} lacks columns {sorted(missing)}; rebuild with `make data`.")
    return frame


@cache
def load_borders(data_dir: str | None = None):
    """``data/borders.parquet`` as a GeoDataFrame (iso_a3, name, geometry), read once."""
    return _read("borders.parquet", data_dir, {"iso_a3", "name", "geometry"})


@cache
def load_oblasts(data_dir: str | None = None):
    """``data/oblasts.parquet`` as a GeoDataFrame (admin1_code, name, iso_code, geometry)."""
    return _read("oblasts.parquet", data_dir, {"admin1_code", "name", "iso_code", "geometry"})


@cache
def load_rivers(data_dir: str | None = None):
    """``data/rivers.parquet`` as a GeoDataFrame (name, key, skeleton, geometry), read once."""
    return _read("rivers.parquet", data_dir, {"name", "key", "skeleton", "geometry"})


@cache
def _geometry_by(kind: str, data_dir: str | None) -> dict[str, BaseGeometry]:
    if kind == "country":
        frame, column = load_borders(data_dir), "iso_a3"
    else:
        frame, column = load_oblasts(data_dir), "admin1_code"
    out: dict[str, BaseGeometry] = {}
    for code, geometry in zip(frame[column], frame.geometry, strict=True):
        if geometry is not None and not geometry.is_empty:
            geometry = shapely.make_valid(geometry)
            shapely.prepare(geometry)
            out[str(code)] = geometry
    return out


def country_geometry(iso_a3: str, data_dir: str | None = None) -> BaseGeometry | None:
    """The (multi)polygon of a country by ISO alpha-3 code, lon/lat; None if not shipped."""
    return _geometry_by("country", data_dir).get(str(iso_a3).upper())


#: Seas a report may measure from, as lon/lat boxes (min lon, min lat, max lon, max lat) that
#: select their part of the coast; "the coast" and the Black Sea take the rest.
SEA_BOXES = {"Sea of Azov": (34.6, 45.2, 39.5, 47.4)}
#: The shipped neighbour polygons are clipped to a box; coast within this many degrees of its
#: edges is an artefact of the clip, not a shore.
_CLIP_MARGIN_DEG = 0.05


@cache
def coastline(sea: str = "") -> BaseGeometry | None:
    """The sea coast around Ukraine (lon/lat lines): the outline of the union of the shipped
    land polygons, less the edges of their clip box. ``sea`` ("Sea of Azov", "Black Sea",
    "" for any) keeps only that sea's shore (see :data:`SEA_BOXES`). None without data."""
    borders = load_borders()
    if borders.empty:
        return None
    land = shapely.union_all(shapely.make_valid(borders.geometry.values))
    xmin, ymin, xmax, ymax = land.bounds
    inner = shapely.box(xmin + _CLIP_MARGIN_DEG, ymin + _CLIP_MARGIN_DEG,
                        xmax - _CLIP_MARGIN_DEG, ymax - _CLIP_MARGIN_DEG)
    # Exterior rings only: the shores of lakes and reservoirs (holes) are no sea coast.
    rings = [shapely.get_exterior_ring(part) for part in shapely.get_parts(land)
             if part.geom_type == "Polygon"]
    coast = shapely.intersection(shapely.multilinestrings(rings), inner)
    for name, box in SEA_BOXES.items():
        part = shapely.box(*box)
        if sea == name:
            return shapely.intersection(coast, part)
        if sea:
            coast = shapely.difference(coast, part)
    return coast


def sea_name(phrase: str) -> str:
    """The sea a phrase names: "Sea of Azov", "Black Sea" or "" (the coast in general)."""
    low = phrase.lower()
    if re.search(r"azov|asow|азов", low):
        return "Sea of Azov"
    if re.search(r"black|schwarz|noire|negro|черн|чорн|svarta", low):
        return "Black Sea"
    return ""


def oblast_geometry(admin1_code: str, data_dir: str | None = None) -> BaseGeometry | None:
    """The polygon of an oblast by GeoNames admin1 code ("07" = Kharkiv), lon/lat; or None."""
    code = str(admin1_code).strip()
    if code.isdigit():
        code = code.zfill(2)
    return _geometry_by("oblast", data_dir).get(code)


# --------------------------------------------------------------------------------------------
# Rivers

# Words that say "river" around a name, in the languages the claim reader understands; they
# are stripped before the name is keyed ("the Oskil River", "r. Oskil", "Fluss Krynka").
_RIVER_WORDS = re.compile(
    r"\b(?:the|river|rivers|r|fluss|flusses|riviere|rivière|fleuve|rio|río|reka|reki|"
    r"река|реки|реке|рекой|річка|річки|річці)\b\.?",
    re.IGNORECASE,
)


# English and Ukrainian names the Natural Earth rows do not carry: extra name -> row name.
_EXTRA_RIVER_NAMES = {
    "Southern Bug": "Pivd. Buh", "Pivdennyi Buh": "Pivd. Buh", "Western Bug": "Zakhidnyy Buh",
    "Zakhidnyi Buh": "Zakhidnyy Buh", "Siverskyi Donets": "Seversky Donets",
    "Dnister": "Dniester", "Dnestr": "Dniester", "Prut": "Prut", "Tysa": "Tisa",
}


# Rows of the data that are one river cut in pieces: each name finds them all. Natural Earth
# draws the Siverskyi Donets' upper course in Russia as "Seversky Donets" and the rest, through
# Ukraine past Siversk and Lysychansk, as "Donets"; the Prypiat's upper course in Volyn as
# "Prypyat", its course through Belarus as "Pripyat"; a stretch of the Western Bug near Busk
# apart from the rest ("Bug").
_SAME_RIVER = (("Seversky Donets", "Donets"), ("Prypyat", "Pripyat"),
               ("Zakhidnyy Buh", "Bug"))


@dataclass(frozen=True)
class _RiverAlias:
    key: str
    skeleton: str
    rank: int  # 0: primary name or its parenthesised form; 1: further comma-listed names
    row: int


class RiverIndex:
    """River rows indexed by every name they carry, by exact key and by skeleton."""

    def __init__(self, frame):
        self.names: list[str] = [str(n) for n in frame["name"]]
        self.geometries: list[BaseGeometry] = list(frame.geometry)
        self.aliases: list[_RiverAlias] = []
        for row, name in enumerate(self.names):
            first, *others = [part.strip() for part in name.split(",")]
            primary = [re.sub(r"\s*\(.*?\)\s*", " ", first).strip(),
                       *re.findall(r"\((.*?)\)", first)]
            for rank, group in ((0, primary), (1, others)):
                for alias in group:
                    key = text.name_key(alias)
                    if key:
                        self.aliases.append(
                            _RiverAlias(key, text.skeleton_key(alias), rank, row))
        # a row by its whole name or by its first ("Zakhidnyy Buh" of "Zakhidnyy Buh, Narew,
        # Wisla")
        row_of = {n.split(",")[0].strip(): i for i, n in enumerate(self.names)}
        row_of.update((n, i) for i, n in enumerate(self.names))
        for alias, target in _EXTRA_RIVER_NAMES.items():
            if target in row_of:
                self.aliases.append(_RiverAlias(text.name_key(alias), text.skeleton_key(alias),
                                                0, row_of[target]))
        for group in _SAME_RIVER:
            rows = [row_of[name] for name in group if name in row_of]
            self.aliases += [replace(alias, row=row) for alias in list(self.aliases)
                             if alias.row in rows for row in rows if row != alias.row]

    def lookup(self, name: str) -> tuple[str, BaseGeometry] | None:
        """(display name, geometry) of the river ``name`` means, or None; see find_river."""
        if not isinstance(name, str):
            return None
        bare = _RIVER_WORDS.sub(" ", name)
        key = text.name_key(bare)
        if not key:
            return None
        skeleton = text.skeleton_key(bare)
        for rank in (0, 1):
            rows = [a.row for a in self.aliases if a.rank == rank and a.key == key]
            if rows:
                return self._result(rows)
            found = self._by_skeleton(key, skeleton, rank, lambda a: a.skeleton)
            if found is not None:
                return found
        # A German or French spelling ("Siwerskyj Donez"): its letters read back in English
        # style, with s and z one letter, as German writes both so.
        for scheme in text.FOREIGN_SCHEMES:
            respelt = text.respelling(bare, scheme)
            if respelt == key:
                continue
            skeleton = text.foreign_skeleton(bare, scheme)
            for rank in (0, 1):
                found = self._by_skeleton(respelt, skeleton, rank,
                                          lambda a: text.fold_sibilants(a.skeleton))
                if found is not None:
                    return found
        return None

    def _by_skeleton(self, key: str, skeleton: str, rank: int, skeleton_of
                     ) -> tuple[str, BaseGeometry] | None:
        """The aliases of ``rank`` whose skeleton (as ``skeleton_of`` gives it) is
        ``skeleton``, best fuzzy match of their key with ``key`` if at least RIVER_MIN_SCORE."""
        if len(skeleton.replace(" ", "")) < 2:
            return None
        scored = [(fuzz.ratio(key, a.key), a.row) for a in self.aliases
                  if a.rank == rank and skeleton_of(a) == skeleton]
        scored = [(s, r) for s, r in scored if s >= RIVER_MIN_SCORE]
        if not scored:
            return None
        best = max(s for s, _ in scored)
        return self._result([r for s, r in scored if s == best])

    def _result(self, rows: list[int]) -> tuple[str, BaseGeometry]:
        rows = list(dict.fromkeys(rows))
        geometry = (self.geometries[rows[0]] if len(rows) == 1
                    else shapely.union_all([self.geometries[r] for r in rows]))
        return self.names[rows[0]], geometry


@cache
def river_index(data_dir: str | None = None) -> RiverIndex:
    """The river name index of ``data/rivers.parquet``, built once."""
    return RiverIndex(load_rivers(data_dir))


def find_river(name: str, data_dir: str | None = None) -> tuple[str, BaseGeometry] | None:
    """The river a name means, as (Natural Earth name, centre-line geometry), or None.

    "River", "r.", "the" and their German, French, Spanish, Russian and Ukrainian equivalents
    are stripped; the rest meets the data's names on :func:`geo.text.name_key`, then on the
    phonetic :func:`geo.text.skeleton_key` with a fuzzy score of at least
    :data:`RIVER_MIN_SCORE` ("Oskil River" finds "Oskol", "Siverskyi Donets" finds "Seversky
    Donets", "Dnieper" finds "Dnipro (Dnieper)"). Names listed after a comma in the data
    ("Haryn, Prypyat") are tried only when no river carries the name first.
    """
    return river_index(data_dir).lookup(name)


#: River ends (degrees) closer than this are one junction: Natural Earth leaves small gaps
#: where a river crosses a reservoir or changes its name.
JUNCTION_DEG = 0.02


@lru_cache(maxsize=128)
def river_course(name: str, data_dir: str | None = None
                 ) -> tuple[str, tuple[BaseGeometry, ...]] | None:
    """The river a name means (see :func:`find_river`) as (Natural Earth name, its lines each
    turned to run downstream), or None. Natural Earth draws most rivers from source to mouth
    but not all of their pieces (the lower Dnipro runs upstream), so the flow is worked out:
    the mouth is the loose end nearest the sea coast or another river, and every piece is
    turned to run towards it along the river's own network (pieces cut off from it, towards
    the mouth as the crow flies)."""
    found = find_river(name, data_dir)
    if found is None:
        return None
    data_name, geometry = found
    lines = [line for line in shapely.get_parts(shapely.line_merge(geometry))
             if line.geom_type == "LineString" and not line.is_closed and line.length > 0]
    if not lines:
        return None
    nodes: list[tuple[float, float]] = []

    def node(xy: tuple[float, float]) -> int:
        for i, (x, y) in enumerate(nodes):
            if abs(x - xy[0]) <= JUNCTION_DEG and abs(y - xy[1]) <= JUNCTION_DEG:
                return i
        nodes.append(xy)
        return len(nodes) - 1

    ends = [(node(line.coords[0]), node(line.coords[-1])) for line in lines]
    edges: dict[int, list[tuple[int, float]]] = {}
    for (a, b), line in zip(ends, lines, strict=True):
        edges.setdefault(a, []).append((b, line.length))
        edges.setdefault(b, []).append((a, line.length))
    loose = [i for i, links in edges.items() if len(links) == 1] or list(edges)
    mouth = min(loose, key=lambda i: _distance_to_other_water(nodes[i], geometry, data_dir))
    to_mouth = {mouth: 0.0}
    queue = [(0.0, mouth)]
    while queue:
        cost, i = heapq.heappop(queue)
        if cost > to_mouth.get(i, math.inf):
            continue
        for j, length in edges.get(i, ()):
            if cost + length < to_mouth.get(j, math.inf):
                to_mouth[j] = cost + length
                heapq.heappush(queue, (cost + length, j))
    mx, my = nodes[mouth]

    def remaining(i: int) -> float:
        return to_mouth.get(i, math.inf if len(to_mouth) > 1 else 0.0) \
            if i in to_mouth else 1e6 + math.hypot(nodes[i][0] - mx, nodes[i][1] - my)

    oriented = tuple(line if remaining(b) <= remaining(a) else shapely.reverse(line)
                     for (a, b), line in zip(ends, lines, strict=True))
    return data_name, oriented


def _distance_to_other_water(xy: tuple[float, float], river: BaseGeometry,
                             data_dir: str | None) -> float:
    """Degrees from a river end to the sea coast or to another river of the data (one that
    shares no stretch with ``river``: "Styr, Prypyat" is the Prypyat too): a mouth is close
    to one, a source seldom."""
    here = shapely.Point(xy)
    coast = coastline()
    best = coast.distance(here) if coast is not None and not coast.is_empty else math.inf
    for other in load_rivers(data_dir).geometry:
        if other is None or other.is_empty or shapely.intersection(river, other).length > 0:
            continue
        best = min(best, other.distance(here))
    return best

