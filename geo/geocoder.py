"""Offline geocoding with geopy's interface.

``OfflineGeocoder().geocode("Voznesenka, Pokrovsk raion")`` returns a
``geopy.location.Location(address, (lat, lon), raw)`` exactly as ``Nominatim`` would, so the two
can be swapped. The query may carry context after commas or in parentheses: an oblast
("Donetsk oblast"), a raion ("Pokrovsk raion"), a country ("Russia"), or a nearby place
("Lyman, Donetsk" reads Donetsk as the oblast; a name that is no admin unit is read as "near").

The online fallback (Nominatim) is used only when a caller passes one in: see
:func:`nominatim_fallback`. Nothing here touches the network by default.
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from geopy.exc import (
    GeocoderAuthenticationFailure,
    GeocoderInsufficientPrivileges,
    GeocoderParseError,
    GeocoderQueryError,
    GeocoderQuotaExceeded,
    GeocoderRateLimited,
    GeocoderServiceError,
    GeocoderTimedOut,
    GeocoderUnavailable,
    GeopyError,
)
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from geo import geodesy
from geo.errors import BadInputError
from geo.gazetteer import AdminUnit, Candidate, Gazetteer, MatchRule, Place, load_gazetteer

log = logging.getLogger(__name__)

#: Longest query accepted, in characters; a place name with its context is far shorter.
MAX_QUERY_CHARS = 200
#: Ranking bonus by match rule, added to a place's prominence (log10 population + admin rank):
#: a query that spells a place's own name beats a namesake found only through an alias.
MATCH_RULE_BONUS = {MatchRule.NAME: 2.0, MatchRule.ALTERNATE: 0.5,
                    MatchRule.TRANSLIT_NATIONAL: 0.5, MatchRule.TRANSLIT_RUSSIAN: 0.3,
                    MatchRule.TRANSLIT_FOREIGN: 0.3, MatchRule.SKELETON: -1.0}
#: Taken off a place found through an alias unlike its own name, when a namesake really so
#: called is about as large (see rank_candidates): more than a raion seat's rank (PPLA2, 2.0).
UNLIKE_ALIAS_PENALTY = 2.5
#: Ranking bonus for a place in Ukraine: the reports are about Ukraine, so a Ukrainian namesake
#: wins over a foreign one of similar prominence (a foreign capital still wins on population).
HOME_COUNTRY = "UA"
HOME_COUNTRY_BONUS = 1.0
#: A "near X" qualifier keeps only candidates within this many km of X.
NEAR_QUALIFIER_MAX_KM = 150.0

# The words for oblast and raion in the languages queries come in ("Rajon Pokrowsk, Oblast
# Donezk", "raïon de Pokrovsk", "obwód doniecki", "Донецкая область").
_OBLAST_WORDS = re.compile(
    r"\b(oblast|oblasti|oblastí|óblast|obl|region|regione|región|région|regiunea|province|"
    r"provincia|obwód|obwodu|sritis|srities|область|области|обл|oblast'|oblastʹ)\b\.?", re.I)
_RAION_WORDS = re.compile(
    r"\b(raion|rayon|rajon|raión|raïon|rayón|raionul|rejon|rejonu|distretto|distrito|"
    r"distrikt|district|район|района|р-н)\b\.?", re.I)
_LOCAL_WORDS = re.compile(
    r"\b((?:urban|rural|settlement|city|village|territorial)\s+)*"
    r"(hromada|hromady|community|municipality|municipal|miskrada|city council|area|"
    r"громада|громади)\b", re.I)
_FORMER = re.compile(r"\b(former|formerly|old|ex|until \d{4})\b", re.I)
_FILLER_WORDS = re.compile(r"\b(former|formerly|the|old|ex|of|de|di|du|del)\b", re.I)
_SPLIT_QUERY = re.compile(r"[,;()\[\]]")


@dataclass(frozen=True)
class Query:
    """A parsed geocoder query: the name and the context qualifiers that follow it."""

    name: str
    qualifiers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Context:
    """Constraints read from qualifiers: admin units by level and places to be near."""

    units: tuple[AdminUnit, ...] = ()
    near: tuple[Place, ...] = ()
    unresolved: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=(), compare=False)


def check_query(query: object) -> str:
    """Validate a free-text query; return it stripped or raise :class:`BadInputError`."""
    if isinstance(query, bytes | bytearray):
        try:
            query = bytes(query).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise BadInputError("the query is binary data, not UTF-8 text") from exc
    if not isinstance(query, str):
        raise BadInputError(f"the query must be text, not {type(query).__name__}")
    if len(query) > MAX_QUERY_CHARS:
        raise BadInputError(f"the query is {len(query):,} characters long; a place name with "
                            f"its context is at most {MAX_QUERY_CHARS}")
    controls = sum(1 for ch in query if unicodedata.category(ch) in {"Cc", "Cs", "Co", "Cn"}
                   and ch not in "\t\n\r")
    if controls:
        raise BadInputError(f"the query contains {controls} control or binary character(s)")
    query = query.strip()
    if not query:
        raise BadInputError("the query is empty")
    return query


def parse_query(query: str) -> Query:
    """Split "Voznesenka, Donetsk oblast" into the name and its qualifiers."""
    parts = [p.strip() for p in _SPLIT_QUERY.split(query) if p.strip()]
    if not parts:
        raise BadInputError("the query holds no name")
    return Query(parts[0], tuple(parts[1:]))


def rank_score(candidate: Candidate) -> float:
    """Ranking score of a candidate when nothing in the text decides: higher is likelier."""
    place = candidate.place
    bonus = HOME_COUNTRY_BONUS if place.country_code == HOME_COUNTRY else 0.0
    return place.prominence + MATCH_RULE_BONUS[candidate.rule] + bonus


def rank_candidates(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Best first: populated places before other features, then :func:`rank_score`.

    A place matched only through an alias unlike its own name (score
    :data:`~geo.gazetteer.UNLIKE_ALIAS_SCORE`) loses :data:`UNLIKE_ALIAS_PENALTY` when a
    namesake that is really called so has at least half its population: "Sloviansk" is
    Slovyansk, not Nikopol (which GeoNames also lists as "Slov'iansk"); "Krasnyi Lyman" is
    still the town of Lyman, not a village of 592 that kept the name."""
    like = [c.place.population for c in candidates if c.score >= 100.0]
    biggest_like = max(like, default=-1)

    def score(c: Candidate) -> float:
        penalty = UNLIKE_ALIAS_PENALTY if (
            c.rule is not MatchRule.SKELETON and c.score < 100.0
            and biggest_like * 2 >= c.place.population) else 0.0
        return rank_score(c) - penalty

    return sorted(candidates, key=lambda c: (not c.place.is_populated, -score(c), c.place.id))


class OfflineGeocoder(Geocoder):
    """Geocoder over the shipped GeoNames gazetteer, with geopy's interface.

    :param gazetteer: the gazetteer to search (default: the shipped one, loaded once).
    :param fallback: optional online geocoder (any geopy geocoder, or a callable taking the
        query) asked only when the offline gazetteer has no answer. Its failures (timeouts,
        HTTP errors, malformed replies, answers that are no :class:`Location`) are logged as
        warnings naming the query and the kind of fault, appended to :attr:`warnings`, and
        answered with ``None`` (``[]`` when not ``exactly_one``); they never raise.
    """

    def __init__(self, gazetteer: Gazetteer | None = None, *,
                 fallback: Geocoder | Callable[[str], Location | None] | None = None):
        super().__init__(timeout=1)
        self.gazetteer = gazetteer or load_gazetteer()
        self.fallback = fallback
        self.warnings: list[str] = []

    def resolve_context(self, qualifiers: Sequence[str]) -> Context:
        """Read qualifiers as admin units (oblast, raion, country) or as places to be near.

        "Pokrovsk raion" is a current raion; a raion that no longer exists ("former Yasynuvata
        raion") and a hromada or municipality ("Novohrodivka hromada") are read as "near" their
        namesake town, since both are named after their centre. Near-anchors are themselves
        resolved inside the units the query names.
        """
        units: list[AdminUnit] = []
        pending: list[tuple[str, str]] = []
        unresolved: list[str] = []
        notes: list[str] = []
        for qualifier in qualifiers:
            level = None
            former = bool(_FORMER.search(qualifier))
            bare = _FILLER_WORDS.sub(" ", qualifier)
            if _OBLAST_WORDS.search(bare):
                level, bare = 1, _OBLAST_WORDS.sub(" ", bare)
            elif _RAION_WORDS.search(bare):
                level, bare = 2, _RAION_WORDS.sub(" ", bare)
            elif _LOCAL_WORDS.search(bare):
                level, bare = 3, _LOCAL_WORDS.sub(" ", bare)
            bare = " ".join(bare.split())
            found = self.gazetteer.admin_units(bare, level) \
                if bare and level != 3 and not former else []
            if level is None and found:
                top = min(u.level for u in found)
                found = [u for u in found if u.level == top]
            if found:
                units.extend(found)
                notes.append(f"in {' or '.join(u.name for u in found)} as the query says")
            elif bare and level != 1:
                pending.append((qualifier, bare))
            else:
                unresolved.append(qualifier)
        near: list[Place] = []
        scope = Context(tuple(units))
        for qualifier, bare in pending:
            if not bare[:1].isupper():
                unresolved.append(qualifier)  # "city", "village": a description, not a name
                continue
            named = self.gazetteer.candidates(bare, phonetic=False)
            ranked = rank_candidates(apply_context(named, scope) or named)
            populated = [c for c in ranked if c.place.is_populated]
            if populated:
                near.append(populated[0].place)
                notes.append(f"near {populated[0].place.name} as the query says")
            else:
                unresolved.append(qualifier)
        return Context(tuple(units), tuple(near), tuple(unresolved), tuple(notes))

    def candidates(self, query: str) -> tuple[list[Candidate], Context]:
        """All candidates for a query, context applied, best first (nearest to the query's
        anchor places when it names some)."""
        parsed = parse_query(check_query(query))
        context = self.resolve_context(parsed.qualifiers)
        cands = self.gazetteer.candidates(parsed.name)
        cands = apply_context(cands, context)
        if context.near:
            def remoteness(c: Candidate) -> float:
                return sum(geodesy.distance_km(a.lat, a.lon, c.place.lat, c.place.lon)
                           for a in context.near)

            return sorted(cands, key=remoteness), context
        return rank_candidates(cands), context

    def geocode(self, query, *, exactly_one: bool = True, timeout=None):  # noqa: D401
        """Resolve ``query``: a Location (best) or None; a list, best first, when not exactly_one.

        ``raw`` holds the place (``geonameid``, ``admin1``, ``admin2``, ``feature_code``,
        ``population``, ...) plus ``match_rule``, ``ambiguous``, ``candidate_count`` and
        ``reason``. Raises :class:`BadInputError` for empty, binary or oversized queries.
        """
        cands, context = self.candidates(query)
        if context.unresolved and not cands:
            self.warnings.append(f"unknown context {', '.join(context.unresolved)!r} in {query!r}")
        if not cands:
            return self._ask_fallback(query, exactly_one)
        locations = [self._location(c, len(cands), context) for c in cands]
        return locations[0] if exactly_one else locations

    def _location(self, cand: Candidate, count: int, context: Context) -> Location:
        raw = cand.place.to_raw()
        why = [cand.rule.label]
        why += list(context.notes)
        if count > 1 and not context.units and not context.near:
            why.append(f"ranked first of {count} by type, population and administrative rank")
        raw.update(match_rule=cand.rule.name.lower(), ambiguous=count > 1,
                   candidate_count=count, reason="; ".join(why), source="GeoNames (offline)")
        return Location(cand.place.address, (cand.place.lat, cand.place.lon), raw)

    def _ask_fallback(self, query: str, exactly_one: bool):
        if self.fallback is None:
            return None if exactly_one else []
        ask = getattr(self.fallback, "geocode", self.fallback)
        try:
            answer = ask(query) if ask is self.fallback else ask(query, exactly_one=exactly_one)
            if answer is None:
                return None if exactly_one else []
            answers = answer if isinstance(answer, list) else [answer]
            if not all(isinstance(location, Location) for location in answers):
                raise GeocoderParseError(f"the answer is no geopy Location: {answer!r}")
        except (GeopyError, OSError, ValueError, LookupError, TypeError, AttributeError) as exc:
            message = f"the online geocoder failed for {query!r}: {describe_failure(exc)}; " \
                      "keeping the offline answer"
            log.warning(message)
            self.warnings.append(message)
            return None if exactly_one else []
        if not answers:
            return None if exactly_one else []
        for location in answers:
            if isinstance(location, Location) and isinstance(location.raw, dict):
                location.raw.setdefault("source", "online fallback")
                location.raw.setdefault("reason", f"online fallback: {location.address}")
        return answers[0] if exactly_one else answers

    def reverse(self, query, *, exactly_one: bool = True, timeout=None, max_km: float = 50.0):
        """Nearest populated place(s) to a (lat, lon) pair; None when none within ``max_km``."""
        lat, lon = _parse_point(query)
        nearest = self.gazetteer.nearest(lat, lon, k=1 if exactly_one else 10, max_km=max_km)
        locations = []
        for place, distance in nearest:
            raw = place.to_raw()
            raw.update(distance_km=round(distance, 3), source="GeoNames (offline)")
            locations.append(Location(place.address, (place.lat, place.lon), raw))
        if exactly_one:
            return locations[0] if locations else None
        return locations


def describe_failure(exc: BaseException) -> str:
    """The kind of an online geocoder's failure in words, with its detail: "rate limited
    (HTTP 429) [GeocoderRateLimited: Non-successful status code 429]"."""
    status = getattr(exc.__cause__, "status_code", None)
    http = f" (HTTP {status})" if status else ""
    kinds = [(GeocoderRateLimited, "rate limited"), (GeocoderQuotaExceeded, "quota exceeded"),
             (GeocoderInsufficientPrivileges, "access refused"),
             (GeocoderAuthenticationFailure, "access refused"),
             (GeocoderTimedOut, "timed out"), (GeocoderParseError, "malformed reply"),
             (GeocoderUnavailable, "unreachable or connection closed"),
             (GeocoderQueryError, "query rejected"), (GeocoderServiceError, "server error"),
             (OSError, "network error"), (GeopyError, "geocoder error")]
    kind = next((words for cls, words in kinds if isinstance(exc, cls)), "malformed reply")
    if not isinstance(exc, GeocoderTimedOut | GeocoderParseError) and _timed_out(exc):
        kind = "timed out"  # geopy's requests adapter reports retried timeouts as unavailable
    retry_after = getattr(exc, "retry_after", None)
    if retry_after:
        kind += f", retry after {retry_after} s"
    detail = " ".join(str(exc).split())
    if len(detail) > 200:
        detail = detail[:199] + "…"
    return f"{kind}{http} [{type(exc).__name__}: {detail}]" if detail \
        else f"{kind}{http} [{type(exc).__name__}]"


def _timed_out(exc: BaseException) -> bool:
    """Whether a failure, or an exception it was raised from, is a timeout."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, TimeoutError) or "timed out" in str(exc).lower():
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def apply_context(cands: list[Candidate], context: Context) -> list[Candidate]:
    """Keep candidates inside the context's admin units and near its anchor places."""
    if context.units:
        def inside(place: Place, unit: AdminUnit) -> bool:
            if unit.level == 0:
                return place.country_code == unit.code
            if unit.level == 1:
                return place.country_code == "UA" and place.admin1_code == unit.code
            return place.country_code == "UA" and place.admin2_code == unit.code

        # Within a level the units are alternatives ("Donetsk" may be the oblast or a raion);
        # across levels all must hold (the raion AND the oblast the query names).
        levels = {u.level for u in context.units}
        for level in levels:
            alternatives = [u for u in context.units if u.level == level]
            cands = [c for c in cands if any(inside(c.place, u) for u in alternatives)]
    for anchor in context.near:
        cands = [c for c in cands
                 if geodesy.distance_km(anchor.lat, anchor.lon, c.place.lat, c.place.lon)
                 <= NEAR_QUALIFIER_MAX_KM and c.place.id != anchor.id]
    return cands


def _parse_point(query) -> tuple[float, float]:
    if isinstance(query, str):
        parts = query.replace(";", ",").split(",")
        if len(parts) != 2:
            raise BadInputError(f"a point is 'lat, lon', got {query!r}")
        query = parts
    try:
        lat, lon = (float(v) for v in query)
    except (TypeError, ValueError) as exc:
        raise BadInputError(f"a point is two numbers (lat, lon), got {query!r}") from exc
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise BadInputError(f"({lat}, {lon}) is not a (lat, lon) point on Earth")
    return lat, lon


class _JsonCache:
    """A tiny on-disk cache of online answers (found or not found), so a query is never sent
    twice. Failures are never stored: they raise before :meth:`put`."""

    def __init__(self, path: Path):
        self.path = path
        self.data: dict[str, list | None] = {}
        if path.exists():
            try:
                self.data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, json.JSONDecodeError):
                log.warning("ignoring unreadable geocoder cache %s", path)

    def get(self, key: str):
        return self.data.get(key, "__missing__")

    def put(self, key: str, value) -> None:
        self.data[key] = value
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps(self.data, ensure_ascii=False), encoding="utf-8")


def cached_rate_limited(geocoder: Geocoder, cache_path: Path, *, min_delay_seconds: float = 1.0
                        ) -> Callable[[str], Location | None]:
    """Wrap an online geocoder (anything with ``geocode(query)``): geopy's RateLimiter, at
    most one request per ``min_delay_seconds``, and a JSON disk cache at ``cache_path``.

    Only answers are cached (a Location, or ``None`` for "no such place"); a failure raises a
    :class:`geopy.exc.GeopyError` at once (no retry, nothing cached), so the next call asks
    again. A reply the geocoder cannot parse (geopy raises TypeError, ValueError,
    AttributeError, ... on JSON of the wrong shape) becomes :class:`GeocoderParseError`.
    """
    from geopy.extra.rate_limiter import RateLimiter

    limited = RateLimiter(geocoder.geocode, min_delay_seconds=min_delay_seconds,
                          max_retries=0, swallow_exceptions=False)
    cache = _JsonCache(cache_path)

    def lookup(query: str) -> Location | None:
        hit = cache.get(query)
        if hit != "__missing__":
            return None if hit is None else Location(hit[0], (hit[1], hit[2]), hit[3])
        try:
            location = limited(query)
        except (ValueError, LookupError, TypeError, AttributeError) as exc:
            raise GeocoderParseError(f"malformed reply from the online geocoder "
                                     f"({type(exc).__name__}: {exc})") from exc
        if location is not None and not isinstance(location, Location):
            raise GeocoderParseError(f"malformed reply from the online geocoder: {location!r}")
        cache.put(query, None if location is None else
                  [location.address, location.latitude, location.longitude, location.raw])
        return location

    return lookup


#: The public Nominatim server (usage policy: at most 1 request/s, an identifying User-Agent).
NOMINATIM_DOMAIN = "nominatim.openstreetmap.org"


class _CheckedNominatim:
    """Nominatim whose reply places must carry ``lat`` and ``lon``: geopy would put a place
    without them at (0, 0)."""

    def __init__(self, nominatim: Geocoder):
        self.nominatim = nominatim

    def geocode(self, query: str, exactly_one: bool = True):
        answer = self.nominatim.geocode(query, exactly_one=exactly_one)
        for location in answer if isinstance(answer, list) else [answer]:
            raw = getattr(location, "raw", None)
            if location is not None and not (isinstance(raw, dict) and raw.get("lat")
                                             is not None and raw.get("lon") is not None):
                raise GeocoderParseError(f"malformed reply from Nominatim, a place without "
                                         f"lat/lon: {raw!r}")
        return answer


def nominatim_fallback(user_agent: str = "frontline-map/0.1 (fact-checking tool)",
                       cache_path: Path | None = None, *, domain: str = NOMINATIM_DOMAIN,
                       scheme: str = "https", timeout: float = 10,
                       min_delay_seconds: float = 1.0) -> Callable[[str], Location | None]:
    """Opt-in online fallback: geopy's ``Nominatim`` with an identifying ``user_agent``, at
    most one request per ``min_delay_seconds``, answers cached on disk.

    :param domain: host[:port][/path] of the Nominatim server, ``scheme`` http or https.
    :param timeout: seconds per HTTP attempt (geopy's requests adapter retries a connection
        or read failure, a timeout included, up to twice before giving up).
    :param cache_path: the JSON cache; default ``~/.cache/frontline-map/nominatim.json`` for
        the public server and ``nominatim-<domain>.json`` beside it for another server.

    Failures (timeouts, HTTP errors such as 429 and 403, malformed replies) raise a
    :class:`geopy.exc.GeopyError`, are not cached and are not retried by the rate limiter;
    :class:`OfflineGeocoder` turns them into a warning and ``None``.
    """
    from geopy.geocoders import Nominatim

    if cache_path is None:
        name = "nominatim" if domain == NOMINATIM_DOMAIN else \
            "nominatim-" + re.sub(r"[^A-Za-z0-9.-]+", "_", domain).strip("_")
        cache_path = Path.home() / ".cache/frontline-map" / f"{name}.json"
    nominatim = Nominatim(user_agent=user_agent, domain=domain, scheme=scheme, timeout=timeout)
    return cached_rate_limited(_CheckedNominatim(nominatim), cache_path,
                               min_delay_seconds=min_delay_seconds)
