"""Reports in, Analysis out: loading every supported format and running the stages.

Formats: the seeds' format (first line ``date YYYY-MM-DD <title>``, then the body), plain text,
Markdown (a leading ``# Title`` becomes the title), and JSON / JSONL records with ``text`` and
optional ``date``, ``title``, ``source``. Bytes are decoded as UTF-8 (BOMs honoured, UTF-16
with a BOM too); other encodings are refused with a message rather than guessed silently.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import json
import math
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import replace
from functools import cache
from pathlib import Path

from geo import geodesy
from geo.claims import NEAR_BETWEEN, seat_reference
from geo.errors import BadInputError
from geo.gazetteer import TRANSCRIBED_COUNTRIES, Gazetteer, MatchRule, Place, load_gazetteer
from geo.geocoder import HOME_COUNTRY
from geo.models import Analysis, Claim, ClaimKind, Mention, MentionKind, Report, Status
from geo.toponyms import (
    MAJOR_CITY_POPULATION,
    TEXT_SAYS,
    USUAL_MEANING_CONFIDENCE,
    ToponymFinder,
    resolve_mentions,
)

# As a module constant: under Python 3.11 each ``MentionKind.SETTLEMENT`` lookup takes the
# slow attribute path of EnumType (which defines __getattr__), and the refiners ask it of
# every mention.
_SETTLEMENT = MentionKind.SETTLEMENT

#: Where a claim's reference may be a spelling variant of a place's name (see Reader._reference).
WAR_COUNTRIES = TRANSCRIBED_COUNTRIES
#: Largest report accepted, in bytes of UTF-8 (a long live blog is ~200 kB).
MAX_REPORT_BYTES = 2_000_000
#: Share of control characters above which input is taken for binary data.
MAX_CONTROL_SHARE = 0.01
#: Relation refinement: the subject of "X km <dir> of Y" must lie within this factor of the
#: stated figure (or, with no figure, within RELATION_MAX_KM) and within the direction sector.
RELATION_MAX_KM = 60.0
RELATION_DIRECTION_TOLERANCE_DEG = 67.5
#: A choice that only coherence or prominence made, and that fits a stated "N km <dir> of Y"
#: loosely, yields to the namesake that fits it far better: fit error = |measured - stated| /
#: stated + bearing error / RELATION_DIRECTION_TOLERANCE_DEG, lower by at least this much.
RELATION_BETTER_FIT = 0.4
#: A namesake fits a "N km from the oblast/raion centre" claim when the stated figure is within
#: this ratio range of the straight line to its own seat (roads run longer; figures are rounded).
SEAT_RATIO_RANGE = (0.8, 1.6)
#: Namesakes tried for a border-distance or river claim the chosen place does not fit (most
#: likely first; each costs one border or river measurement the first time it is seen).
MAX_BORDER_CANDIDATES = 40
#: A claim stating at most this many km ("1 km from the village of Y") speaks of neighbours:
#: a namesake of Y that close to X is what it means (see _refine_neighbours).
NEIGHBOUR_MAX_KM = 5.0
#: ... and a namesake whose point (a village's centre) lies within this many km of X fits it:
#: neighbouring villages' centres lie some km apart however close their edges are.
NEIGHBOUR_REACH_KM = 10.0
#: ... trying this many namesakes of each (most likely first) for the pair that fits.
NEIGHBOUR_MAX_CANDIDATES = 80
#: "X near Y": the namesake of X within this many km of Y is meant, when the one chosen is not.
NEAR_MAX_KM = 25.0
#: "In the Kupiansk direction, troops attacked near A, B and C": A, B and C are namesakes
#: within this many km of the town the direction (axis, sector) is named after, when the ones
#: chosen lie farther off. A front sector reaches some tens of km from its town.
SECTOR_MAX_KM = 50.0
#: A town named as a sector: "the Pokrovsk direction", "Kupiansk axis", "Lyman sector".
_SECTOR_AFTER = re.compile(r"(?:['’]s)?\s+(?:direction|axis|sector|front)\b", re.I)
#: "a village near the border with Russia": the namesake within this many km of that border
#: is meant, when the one chosen lies farther off.
NEAR_BORDER_KM = 25.0
#: "near / on / along the (Russian) border (with Russia)", "біля кордону з Росією": a place by
#: a national border, named without a figure (the words must name the country, or the border
#: be a state's: "у границы с Луганской областью" is an oblast's border).
_NEAR_BORDER_RE = re.compile(
    r"\b(?:near|on|along|close\s+to|by|at|next\s+to)\s+the\s+(?:(?:russian|belarusian|"
    r"state|ukrainian-russian|russia-ukraine|ukraine-russia)\s+)?border\b(?!\s+with\s+"
    r"(?!(?:the\s+)?(?:russian\s+federation|russia|belarus)\b))(?:\s+with\s+(?:the\s+)?"
    r"(?:russian\s+federation|russia|belarus))?|(?<![^\W\d_])(?:біля|поблизу|вздовж|на)\s+"
    r"(?:державного\s+кордону|кордону\s+з\s+(?:росією|білоруссю))|(?<![^\W\d_])(?:у|возле|"
    r"вблизи|вдоль|на)\s+(?:государственной\s+границы|границы\s+с\s+(?:россией|белоруссией))",
    re.IGNORECASE)
#: The words every _NEAR_BORDER_RE match holds, and how far around one it may reach.
_BORDER_WORDS = ("border", "Border", "BORDER", "кордон", "Кордон", "границ", "Границ")
NEAR_BORDER_REACH = 60
#: Where a sentence ends (a cheap split: the sector rule looks only within its sentence).
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")

_SEED_HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s*(.*)$")
_MD_TITLE = re.compile(r"^\s*#\s+(.+)$")


def decode(data: bytes, name: str = "input") -> str:
    """Bytes to text: UTF-8 (BOM optional) or UTF-16 with a BOM; refuse binary data."""
    if len(data) > MAX_REPORT_BYTES:
        raise BadInputError(f"{name} is {len(data) / 1e6:.1f} MB; the limit for one report is "
                            f"{MAX_REPORT_BYTES / 1e6:.0f} MB (split it into several reports)")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise BadInputError(f"{name} starts with a UTF-16 BOM but is not UTF-16") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if b"\x00" in data:
            raise BadInputError(f"{name} is binary data, not text") from exc
        raise BadInputError(f"{name} is not UTF-8 text (byte {exc.start}: "
                            f"{data[exc.start:exc.start + 1]!r}); save it as UTF-8") from exc


def check_text(text: str, name: str = "input") -> str:
    """Validate report text: not empty, not binary, within the size limit."""
    if not isinstance(text, str):
        raise BadInputError(f"{name} must be text, not {type(text).__name__}")
    if len(text.encode("utf-8", "surrogatepass")) > MAX_REPORT_BYTES:
        raise BadInputError(f"{name} is {len(text) / 1e6:.1f} M characters; the limit for one "
                            f"report is {MAX_REPORT_BYTES / 1e6:.0f} MB")
    if not text.strip():
        raise BadInputError(f"{name} is empty")
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f")
    if controls > max(2, MAX_CONTROL_SHARE * len(text)):
        raise BadInputError(f"{name} looks like binary data ({controls} control characters)")
    return text


def _parse_date(value, name: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise BadInputError(f"{name}: date {value!r} is not YYYY-MM-DD") from exc


def report_id(text: str) -> str:
    """Stable id of a report: the first 16 hex digits of the SHA-256 of its text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def parse_report(text: str, *, name: str = "input", date=None, title: str = "",
                 source: str = "") -> Report:
    """A Report from text in the seeds' format, Markdown or plain text.

    A seeds header ``date YYYY-MM-DD <title>`` gives date and title; a malformed one (a bad
    date) raises :class:`BadInputError` naming it. Arguments override what the text says.
    """
    text = check_text(text, name)
    body = text
    first, _, rest = text.partition("\n")
    header = _SEED_HEADER.match(first)
    found_date, found_title = None, ""
    if header:
        found_date = _parse_date(header.group(1), f"{name} (seeds header)")
        found_title, body = header.group(2).strip(), rest
    elif first.strip().lower().startswith("date ") and re.match(r"\s*date\s+\S", first):
        raise BadInputError(f"{name}: malformed header {first.strip()[:60]!r}; expected "
                            "'date YYYY-MM-DD <title>'")
    elif md := _MD_TITLE.match(first):
        found_title = md.group(1).strip()
    check_text(body, f"{name} (body)")
    return Report(text=body, date=_parse_date(date, name) or found_date,
                  title=title or found_title, source=source or name, report_id=report_id(body))


def parse_record(record: dict, name: str = "record") -> Report:
    """A Report from a JSON record ``{"text", "date", "title", "source"}``."""
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise BadInputError(f"{name}: a JSON report needs a 'text' string")
    return parse_report(record["text"], name=name, date=record.get("date"),
                        title=str(record.get("title") or ""),
                        source=str(record.get("source") or name))


def load_reports(path: Path | str, data: bytes | None = None) -> Iterator[Report]:
    """Every report in a file: one for .txt/.md, one per record for .json/.jsonl.

    ``data`` lets a caller pass uploaded bytes with their file name (the name is used only
    for the format and messages, never as a path).
    """
    path = Path(path)
    name = path.name
    if data is None:
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise BadInputError(f"cannot read {name}: {exc.strerror or exc}") from exc
        if size > MAX_REPORT_BYTES * 50:
            raise BadInputError(f"{name} is {size / 1e6:.0f} MB; too large to read")
        if path.suffix.lower() not in {".jsonl", ".ndjson"} and size > MAX_REPORT_BYTES:
            raise BadInputError(f"{name} is {size / 1e6:.1f} MB; the limit for one report is "
                                f"{MAX_REPORT_BYTES / 1e6:.0f} MB")
        data = path.read_bytes()
    suffix = path.suffix.lower()
    if suffix in {".jsonl", ".ndjson"}:
        for number, line in enumerate(data.splitlines(), 1):
            if line.strip():
                yield parse_record(_json(line, f"{name} line {number}"), f"{name}:{number}")
        return
    if suffix == ".json":
        if len(data) > MAX_REPORT_BYTES:
            decode(data, name)
        record = _json(data, name)
        records = record if isinstance(record, list) else [record]
        for number, item in enumerate(records, 1):
            yield parse_record(item, f"{name}[{number}]" if len(records) > 1 else name)
        return
    yield parse_report(decode(data, name), name=name)


#: Suffixes of report files; an argument ending in one that is no file is a missing file.
REPORT_SUFFIXES = frozenset({".txt", ".md", ".json", ".jsonl", ".ndjson"})
#: Longer arguments, or ones with a line break, are report text, never a path.
MAX_PATH_CHARS = 4096


def _existing_file(item: str) -> Path | None:
    """``item`` as a path if it names an existing file; None for text (a name the system
    refuses, e.g. a long Cyrillic sentence over 255 bytes, is text too)."""
    if len(item) >= MAX_PATH_CHARS or "\n" in item or "\0" in item:
        return None
    path = Path(item)
    try:
        return path if path.is_file() else None
    except (OSError, ValueError):
        return None


def _is_directory(item: str) -> bool:
    """Whether ``item`` is a short, single-line argument naming an existing directory."""
    if len(item) >= MAX_PATH_CHARS or "\n" in item or "\0" in item:
        return False
    try:
        return Path(item).is_dir()
    except (OSError, ValueError):
        return False


def reports_from_arguments(items: list[str]) -> list[Report]:
    """Reports from command-line style arguments, each a report file (.txt, .md, .json,
    .jsonl) or the text of a report. Raises BadInputError for a missing ``*.txt``-like path,
    which is almost surely a typo rather than a one-word report."""
    reports: list[Report] = []
    for item in items:
        path = _existing_file(item)
        if path is None and _is_directory(item):
            raise BadInputError(f"{item} is a directory: name its report files (e.g. "
                                f"{item.rstrip('/')}/*.txt), or read a corpus with "
                                "'frontline batch'")
        if path is not None:
            reports.extend(load_reports(path))
        elif (len(item) < MAX_PATH_CHARS and "\n" not in item
              and Path(item.strip()).suffix.lower() in REPORT_SUFFIXES):
            raise BadInputError(f"no such file: {item}")
        else:
            reports.append(parse_report(item, name="text argument"))
    return reports


def _json(data: bytes, name: str):
    try:
        return json.loads(decode(data, name) if isinstance(data, bytes) else data)
    except json.JSONDecodeError as exc:
        raise BadInputError(f"{name} is not valid JSON ({exc.msg} at line {exc.lineno})") from exc


def report_warnings(report: Report, mentions) -> list[str]:
    """What a reader should know about a report before trusting its analysis."""
    warnings = []
    today = dt.date.today()
    if report.date is not None and report.date > today:
        warnings.append(f"the report is dated {report.date}, after today ({today}): "
                        "front-line checks use the latest map")
    unresolved = sorted({m.text for m in mentions
                         if m.kind is _SETTLEMENT and m.place is None})
    if unresolved:
        warnings.append(f"places not resolved: {', '.join(unresolved)}")
    return warnings


class Reader:
    """Runs the stages over reports with one loaded gazetteer (build once, reuse)."""

    def __init__(self, gazetteer: Gazetteer | None = None):
        self.gazetteer = gazetteer or load_gazetteer()
        self.finder = ToponymFinder(self.gazetteer)

    def analyse(self, report: Report | str, *, overrides: dict[int, int] | None = None
                ) -> Analysis:
        """Mentions, claims, verdicts and events of a report.

        ``overrides`` maps a mention's start offset to the GeoNames id the user chose for it;
        claims and verdicts are computed with that choice.
        """
        from geo.checks import check_claims
        from geo.claims import parse_claims
        from geo.events import extract_events

        if isinstance(report, str):
            report = parse_report(report)
        text = report.text
        mentions = resolve_mentions(self.finder.find(text), text, self.gazetteer)
        claims = parse_claims(text, mentions, resolve_reference=self._reference)
        mentions, claims = refine_by_sector(*refine_by_relations(*refine_by_border_words(
            *refine_by_nearness(mentions, claims, text), text), text), text)
        if overrides:
            mentions, claims = apply_overrides(mentions, claims, overrides)
        verdicts = check_claims(claims, report.date)
        events = extract_events(text, mentions, report.date)
        return Analysis(report, tuple(mentions), tuple(claims), tuple(verdicts), tuple(events),
                        warnings=tuple(report_warnings(report, mentions)))

    def _reference(self, name: str) -> Mention | None:
        """Resolve a claim's reference the reader did not list as a mention: by its exact
        name anywhere, by a spelling variant (phonetic skeleton) only in the countries of the
        war ("Crimean" is no Ciudad del Carmen, "Donbas" no Danvers). An oblast so named
        ("150 km from Crimea") is an OBLAST mention: its outline, not a point, is measured."""
        from geo.geocoder import rank_candidates

        cands = [c for c in rank_candidates(self.gazetteer.candidates(name))
                 if c.rule is not MatchRule.SKELETON or c.place.country_code in WAR_COUNTRIES]
        if not cands:
            return None
        place = cands[0].place
        if place.feature_code == "ADM1" and place.country_code == HOME_COUNTRY:
            return Mention(name, -1, -1, MentionKind.OBLAST, (), None, 0.5,
                           f"reference resolved by name only: {place.name}",
                           admin_code=place.admin1_code)
        return Mention(name, -1, -1, _SETTLEMENT, tuple(c.place for c in cands),
                       place, 0.5, "reference resolved by name only")


def _swap(mention: Mention, chosen: Mention, claims: list[Claim]) -> list[Claim]:
    out = []
    for claim in claims:
        if claim.subject is not None and claim.subject.start == mention.start:
            claim = replace(claim, subject=chosen)
        if claim.reference is not None and claim.reference.start == mention.start:
            claim = replace(claim, reference=chosen)
        out.append(claim)
    return out


def refine_by_relations(mentions: list[Mention], claims: list[Claim], text: str = ""
                        ) -> tuple[list[Mention], list[Claim]]:
    """Re-choose ambiguous subjects with the relation a claim states ("south of Pokrovsk"):
    the candidate that lies in the stated direction from the reference, and at the stated
    distance (or near it), wins; same-named mentions elsewhere in the text follow. A choice
    that fits the relation is kept; where it is also the relation's best, the relation
    becomes its reason. A choice made by an oblast or raion named in the subject's sentence
    (``text`` tells sentences apart), or settled by the text (confidence 0.9 and up), moves
    only within that oblast ("Novoselivka, a village in Donetsk Oblast, lies 45 km north-east
    of Pokrovsk"), and not at all when the text settled it otherwise ("X, near Y, is ..."); a
    unit named in an earlier sentence is a weaker cue, which the relation overrides."""
    mentions = list(mentions)
    claims = list(claims)
    ends: list[int] = []  # sentence ends of ``text`` and the sentences naming a unit,
    unit_sentences: set[int] | None = None  # found once, when first needed
    for claim in list(claims):
        subject, reference = claim.subject, claim.reference
        if claim.kind not in (ClaimKind.DISTANCE, ClaimKind.DIRECTION) or subject is None \
                or reference is None or reference.place is None or len(subject.candidates) < 2:
            continue
        candidates = subject.candidates
        in_unit = TEXT_SAYS in subject.reason and subject.place is not None
        if subject.confidence >= 0.9 and not in_unit:
            continue
        if in_unit and unit_sentences is None and subject.confidence < 0.9:
            ends = _sentence_ends(text)
            unit_sentences = {bisect.bisect_right(ends, m.start) for m in mentions
                              if m.kind in (MentionKind.OBLAST, MentionKind.RAION)
                              and text}
        if in_unit and (subject.confidence >= 0.9
                        or bisect.bisect_right(ends, subject.start) in unit_sentences):
            candidates = [c for c in candidates if c.admin1_code == subject.place.admin1_code]
        best = _best_by_relation(candidates, reference.place, claim)
        if best is None or subject.confidence >= 0.9 and best[0] == subject.place:
            continue
        if best[0] != subject.place and subject.place is not None and _best_by_relation(
                (subject.place,), reference.place, claim) is not None \
                and not _fits_far_better(best[0], subject, reference.place, claim):
            continue  # the choice fits the relation too: keep it (and its reason)
        place, km, bearing = best
        reason = (f"{km:.0f} km {geodesy.compass_point(bearing, 16)} of {reference.place.name}, "
                  f"as '{claim.text}' implies")
        if TEXT_SAYS in subject.reason and subject.place is not None and (
                place.admin1_code, place.admin2_code) == (subject.place.admin1_code,
                                                          subject.place.admin2_code):
            # keep what the text said of it too: "in Donetsk oblast as the text says; 25 km..."
            reason = f"{subject.reason.split(';')[0]}; {reason}"
        mentions, claims = _rechoose(mentions, claims, subject, place, reason)
    return _refine_neighbours(*_refine_by_rivers(*_refine_by_borders(
        *_refine_by_seats(mentions, claims))))


def _sentence_ends(text: str) -> list[int]:
    """Offsets where the sentences of ``text`` end (see _SENTENCE_END), in order: the
    sentence holding offset p is number ``bisect.bisect_right(ends, p)``."""
    return [m.end() for m in _SENTENCE_END.finditer(text)]


def refine_by_nearness(mentions: list[Mention], claims: list[Claim], text: str
                       ) -> tuple[list[Mention], list[Claim]]:
    """Re-choose an ambiguous X of "X near Y" (Y a resolved place named right after it): the
    namesake nearest Y wins, if within NEAR_MAX_KM and the one chosen is not; a choice within
    it is confirmed, with the text's words as its reason, so that a relation stated later
    ("X, near Y, is 70 km from Z") does not move X away from Y. A choice the text settled
    itself (confidence 0.9 and up) is kept."""
    for i in range(len(mentions) - 1):
        subject, other = mentions[i], mentions[i + 1]
        if subject.kind is not _SETTLEMENT or other.kind is not _SETTLEMENT \
                or subject.place is None or other.place is None or subject.confidence >= 0.9 \
                or len(subject.candidates) < 2 \
                or not NEAR_BETWEEN.fullmatch(text, subject.end, other.start):
            continue
        anchor = other.place
        km = geodesy.distance_km(anchor.lat, anchor.lon, subject.place.lat, subject.place.lon)
        if km <= NEAR_MAX_KM and subject.place.id != anchor.id:
            place = subject.place
        elif (found := _nearest_within(subject, anchor, NEAR_MAX_KM)) is not None:
            place, km = found
        else:
            continue
        reason = f"{km:.0f} km from {anchor.name}, as '{text[subject.start:other.end]}' says"
        mentions, claims = _rechoose(mentions, claims, subject, place, reason)
    return mentions, claims


def refine_by_border_words(mentions: list[Mention], claims: list[Claim], text: str
                           ) -> tuple[list[Mention], list[Claim]]:
    """Re-choose the ambiguous place a sentence puts "near the border with Russia" (no figure):
    the namesake in Ukraine nearest that border wins, if within NEAR_BORDER_KM and the one
    chosen is not ("Andriivka, a village in the Sumy region near the border with Russia" is
    the Andriivka 5 km from it, not one 95 km off). The place is the last settlement named
    before the words in their sentence; an oblast the text names for it bounds the choice; a
    choice the text settled otherwise (confidence 0.9 and up) stays. A border phrase naming
    no country means the nearer of Russia and Belarus."""
    from geo.checks import border_distance_km
    from geo.features import border_country

    for found in _near_border_phrases(text):
        start = max((e.end() for e in _SENTENCE_END.finditer(text, 0, found.start())),
                    default=0)
        subject = next((m for m in reversed(mentions) if start <= m.start < found.start()
                        and m.kind is _SETTLEMENT), None)
        if subject is None or subject.place is None or len(subject.candidates) < 2:
            continue
        in_unit = TEXT_SAYS in subject.reason
        if subject.confidence >= 0.9 and not in_unit:
            continue
        named = border_country(found.group())
        countries = (named,) if named else ("RUS", "BLR")

        def km(place: Place, countries: tuple[str, ...] = countries) -> float:
            return min(border_distance_km(place.lat, place.lon, iso) for iso in countries)

        if km(subject.place) <= NEAR_BORDER_KM:
            continue
        pool = [place for place in subject.candidates
                if place.country_code == HOME_COUNTRY and place.id != subject.place.id
                and not (in_unit and place.admin1_code != subject.place.admin1_code)]
        near = min(((km(place), place.id, place) for place in pool[:MAX_BORDER_CANDIDATES]),
                   default=None)
        if near is None or near[0] > NEAR_BORDER_KM:
            continue
        reason = f"{near[0]:.0f} km from the border, as '{found.group()}' says"
        if in_unit:
            reason = f"{subject.reason.split(';')[0]}; {reason}"
        mentions, claims = _rechoose(mentions, claims, subject, near[2], reason)
    return mentions, claims


def _near_border_phrases(text: str) -> list[re.Match]:
    """The matches of _NEAR_BORDER_RE, tried only around the words for a border (a regex scan
    of every position of a report costs far more than a few string searches)."""
    found: list[re.Match] = []
    for word in _BORDER_WORDS:
        at = text.find(word)
        while at >= 0:
            for match in _NEAR_BORDER_RE.finditer(text, max(0, at - NEAR_BORDER_REACH),
                                                  at + len(word) + NEAR_BORDER_REACH):
                if match.start() <= at < match.end() \
                        and all(match.span() != other.span() for other in found):
                    found.append(match)
            at = text.find(word, at + len(word))
    return sorted(found, key=lambda match: match.start())


def refine_by_sector(mentions: list[Mention], claims: list[Claim], text: str
                     ) -> tuple[list[Mention], list[Claim]]:
    """Re-choose ambiguous places of a sentence that names a front sector after a town ("In
    the Kupiansk direction, troops attacked near Synkivka and Holubivka"): a namesake within
    SECTOR_MAX_KM of that town beats one chosen farther off, the nearest winning, even a major
    city ("Kamianske in the Zaporizhzhia direction" is the village 38 km from Zaporizhzhia, not
    the city of 227,000 85 km off, behind the front). Choices the text settled (confidence 0.9
    and up) and the sector towns are kept."""
    sectors = [m for m in mentions if m.kind is _SETTLEMENT and m.place is not None
               and _SECTOR_AFTER.match(text, m.end)]
    for sector in sectors:
        start = max((e.end() for e in _SENTENCE_END.finditer(text, 0, sector.start)),
                    default=0)
        after = _SENTENCE_END.search(text, sector.end)
        end = after.start() if after else len(text)
        town = sector.place
        for subject in [m for m in mentions if start <= m.start < end]:
            if subject.kind is not _SETTLEMENT or subject.place is None \
                    or subject.confidence >= 0.9 or len(subject.candidates) < 2 \
                    or _SECTOR_AFTER.match(text, subject.end):
                continue
            if (found := _nearest_within(subject, town, SECTOR_MAX_KM)) is None:
                continue
            place, km = found
            reason = (f"{km:.0f} km from {town.name}, in the sector "
                      f"'{text[sector.start:_SECTOR_AFTER.match(text, sector.end).end()]}' "
                      "the sentence names")
            mentions, claims = _rechoose(mentions, claims, subject, place, reason)
    return mentions, claims


def _nearest_within(subject: Mention, anchor: Place, max_km: float
                    ) -> tuple[Place, float] | None:
    """The candidate of ``subject`` nearest ``anchor`` and its distance in km, when the one
    chosen lies farther than ``max_km`` from ``anchor`` and that candidate within it (and is
    not ``anchor`` itself); else None."""
    km = [geodesy.distance_km(anchor.lat, anchor.lon, c.lat, c.lon) for c in subject.candidates]
    if km[subject.candidates.index(subject.place)] <= max_km:
        return None
    nearest = min(range(len(km)), key=km.__getitem__)
    if km[nearest] > max_km or subject.candidates[nearest].id == anchor.id:
        return None
    return subject.candidates[nearest], km[nearest]


def _rechoose(mentions: list[Mention], claims: list[Claim], subject: Mention, place: Place,
              reason: str) -> tuple[list[Mention], list[Claim]]:
    """Give ``subject`` and the same-named mentions elsewhere in the text ``place``, with
    ``reason``; mentions whose place the text settles itself (confidence 0.9 and up, e.g. "in
    Lviv oblast") keep it. The claims follow their mentions."""
    mentions = list(mentions)
    chosen = subject.choose(place, 0.9, reason)
    for i, mention in enumerate(mentions):
        if mention.kind is _SETTLEMENT and mention.text == subject.text \
                and place in mention.candidates and mention.confidence < 0.9:
            replacement = chosen if mention.start == subject.start else mention.choose(
                place, 0.85, f"same name as the mention at {subject.start}: {reason}")
            mentions[i] = replacement
            claims = _swap(mention, replacement, claims)
    return mentions, claims


def _refine_by_borders(mentions: list[Mention], claims: list[Claim]
                       ) -> tuple[list[Mention], list[Claim]]:
    """Re-choose an ambiguous subject of "N km from the Russian border" whose chosen place
    does not fit it: the namesake in Ukraine whose check is consistent (the stated figure
    nearest its measured distance) wins ("Zolochiv, 20 km from the Russian border" is the
    Zolochiv of Kharkiv oblast, not the larger one near Lviv)."""
    from geo.checks import check_claim

    for claim in list(claims):
        subject = claim.subject
        if claim.kind is not ClaimKind.BORDER_DISTANCE or claim.distance is None \
                or subject is None or subject.place is None or subject.confidence >= 0.9 \
                or len(subject.candidates) < 2 \
                or check_claim(claim).status is Status.CONSISTENT:
            continue
        fits = []
        for place in subject.candidates[:MAX_BORDER_CANDIDATES]:
            if place.country_code != HOME_COUNTRY or place.id == subject.place.id:
                continue
            verdict = check_claim(replace(claim, subject=subject.choose(place, 0.0, "")))
            if verdict.status is Status.CONSISTENT and verdict.ratio:
                fits.append((abs(math.log(verdict.ratio)), place.id, place, verdict))
        if fits:
            _, _, place, verdict = min(fits, key=lambda fit: fit[:2])
            reason = (f"{verdict.measured_km:.0f} km from {claim.reference_feature or 'the border'}"
                      f", as '{claim.text}' implies")
            mentions, claims = _rechoose(mentions, claims, subject, place, reason)
    return mentions, claims


def _refine_by_rivers(mentions: list[Mention], claims: list[Claim]
                      ) -> tuple[list[Mention], list[Claim]]:
    """Re-choose an ambiguous subject of "on the X river" whose chosen place lies off that
    river: the namesake in Ukraine nearest the river whose check is consistent wins
    ("Kamianka, a village on the Oskil river in the Kharkiv region" is the Kamianka on the
    Oskil, not a larger one 78 km from it). An oblast the text names for the place bounds the
    choice to that oblast; a choice the text settled otherwise (confidence 0.9 and up) stays.
    A river the data lacks moves nothing."""
    from geo.checks import check_claim

    for claim in list(claims):
        subject = claim.subject
        if claim.kind is not ClaimKind.RIVER or subject is None or subject.place is None \
                or len(subject.candidates) < 2:
            continue
        in_unit = TEXT_SAYS in subject.reason
        if subject.confidence >= 0.9 and not in_unit \
                or check_claim(claim).status is not Status.INCONSISTENT:
            continue
        pool = [place for place in subject.candidates
                if place.country_code == HOME_COUNTRY and place.id != subject.place.id
                and not (in_unit and place.admin1_code != subject.place.admin1_code)]
        fits = []
        for place in pool[:MAX_BORDER_CANDIDATES]:
            verdict = check_claim(replace(claim, subject=subject.choose(place, 0.0, "")))
            if verdict.status is Status.CONSISTENT and verdict.measured_km is not None:
                fits.append((verdict.measured_km, place.id, place))
        if fits:
            km, _, place = min(fits)
            reason = f"{km:.1f} km from {claim.reference_feature}, as '{claim.text}' says"
            if in_unit:
                reason = f"{subject.reason.split(';')[0]}; {reason}"
            mentions, claims = _rechoose(mentions, claims, subject, place, reason)
    return mentions, claims


def _seat_claims(claims: list[Claim]) -> dict[int, list[Claim]]:
    """Distance claims measured to the subject's own raion or oblast seat ("54 km from the
    regional centre"), by subject start offset, for subjects with several candidates."""
    by_subject: dict[int, list[Claim]] = {}
    for claim in claims:
        subject, reference = claim.subject, claim.reference
        if claim.kind is ClaimKind.DISTANCE and claim.distance is not None \
                and claim.distance.km > 0 and subject is not None and subject.place is not None \
                and len(subject.candidates) > 1 and reference is not None \
                and reference.place is not None and seat_reference(
                    subject.place, reference.text, reference.start, reference.end) is not None:
            by_subject.setdefault(subject.start, []).append(claim)
    return by_subject


def _seat_cost(place: Place, claims: list[Claim]) -> float | None:
    """How far ``place`` is from fitting every seat claim (sum of |ln(stated / measured)|),
    None when one of them does not fit within SEAT_RATIO_RANGE, or lies off its stated
    direction by more than RELATION_DIRECTION_TOLERANCE_DEG ("18 km east of the raion
    centre": not a namesake west of its own)."""
    cost = 0.0
    for claim in claims:
        seat = seat_reference(place, claim.reference.text, 0, 0)
        if seat is None:
            return None
        leg = geodesy.inverse(seat.place.lat, seat.place.lon, place.lat, place.lon)
        km = leg.distance_km
        if km <= 0 or claim.direction_deg is not None and geodesy.angle_between(
                leg.bearing_deg, claim.direction_deg) > RELATION_DIRECTION_TOLERANCE_DEG:
            return None
        ratio = claim.distance.km / km
        if not SEAT_RATIO_RANGE[0] <= ratio <= SEAT_RATIO_RANGE[1]:
            return None
        cost += abs(math.log(ratio))
    return cost


def _refine_by_seats(mentions: list[Mention], claims: list[Claim]
                     ) -> tuple[list[Mention], list[Claim]]:
    """Re-choose an ambiguous subject whose distances to its own seats are stated ("54 km
    from the oblast centre and 16 km from the raion centre"): the namesake whose seats lie at
    those distances wins, and the claims' references become its seats."""
    for start, seat_claims in _seat_claims(claims).items():
        subject = seat_claims[0].subject
        if _seat_cost(subject.place, seat_claims) is not None:
            continue  # the choice fits already
        scored = [(cost, place.id, place) for place in subject.candidates
                  if place.country_code == HOME_COUNTRY
                  and (cost := _seat_cost(place, seat_claims)) is not None]
        if not scored:
            continue
        _, _, place = min(scored)
        chosen = subject.choose(place, 0.85, f"its distances to its raion/oblast seats fit "
                                             f"{len(seat_claims)} stated figure(s)")
        mentions = [chosen if m.start == start and m.kind is _SETTLEMENT else m
                    for m in mentions]
        spans = {(c.start, c.end) for c in seat_claims}
        refreshed = []
        for claim in _swap(subject, chosen, claims):
            if (claim.start, claim.end) in spans:
                old = claim.reference
                seat = seat_reference(place, old.text, old.start, old.end)
                claim = replace(claim, reference=seat,
                                note=claim.note.replace(old.reason, seat.reason))
            refreshed.append(claim)
        claims = refreshed
    return mentions, claims


def _fit_error(place: Place, reference: Place, claim: Claim) -> float:
    """How far ``place`` lies from where a claim with a stated distance and direction puts
    it: relative distance error plus bearing error over RELATION_DIRECTION_TOLERANCE_DEG."""
    leg = geodesy.inverse(reference.lat, reference.lon, place.lat, place.lon)
    return (abs(leg.distance_km - claim.distance.km) / claim.distance.km
            + geodesy.angle_between(leg.bearing_deg, claim.direction_deg)
            / RELATION_DIRECTION_TOLERANCE_DEG)


def _fits_far_better(place: Place, subject: Mention, reference: Place, claim: Claim) -> bool:
    """Whether ``place`` fits the claim's stated distance and direction far better
    (RELATION_BETTER_FIT) than the subject's choice, when that choice is not the usual
    meaning of the name but only coherence with the report's other places or prominence, or
    an oblast or raion the text names that holds ``place`` too: "Ivanivka, about 20 km east of
    Kupiansk" is the one 20 km east, not one 28 km north-east nearer another place of the
    report."""
    chosen = subject.place
    if claim.distance is None or claim.distance.km <= 0 or claim.direction_deg is None \
            or subject.confidence >= USUAL_MEANING_CONFIDENCE and TEXT_SAYS not in subject.reason:
        return False
    if TEXT_SAYS in subject.reason and (place.admin1_code, place.admin2_code) != (
            chosen.admin1_code, chosen.admin2_code):
        return False  # the text put it in an oblast or raion that ``place`` is not in
    return _fit_error(chosen, reference, claim) - _fit_error(place, reference, claim) \
        >= RELATION_BETTER_FIT


def _relation_fit(place: Place, reference: Place, claim: Claim, floor_km: float = 5.0
                  ) -> tuple[float, float, float] | None:
    """(cost, km, bearing in degrees from ``reference`` to ``place``) when ``place`` lies
    where the claim puts its subject relative to ``reference``: in the stated direction
    (within RELATION_DIRECTION_TOLERANCE_DEG) and within twice the stated distance (at least
    ``floor_km``), else within RELATION_MAX_KM; cost is km off the stated figure (or km away).
    None when it does not fit."""
    leg = geodesy.inverse(reference.lat, reference.lon, place.lat, place.lon)
    if claim.direction_deg is not None and geodesy.angle_between(
            leg.bearing_deg, claim.direction_deg) > RELATION_DIRECTION_TOLERANCE_DEG:
        return None
    if claim.distance is not None and claim.distance.km > 0:
        if leg.distance_km > max(claim.distance.km * 2.0, floor_km):
            return None
        return abs(leg.distance_km - claim.distance.km), leg.distance_km, leg.bearing_deg
    if leg.distance_km > RELATION_MAX_KM:
        return None
    return leg.distance_km, leg.distance_km, leg.bearing_deg


def _best_by_relation(cands, reference: Place, claim: Claim):
    """(place, km, bearing) of the Ukrainian candidate that fits the claim's relation to
    ``reference`` best (see _relation_fit), or None."""
    scored = []
    for place in cands:
        if place.id == reference.id or place.country_code != HOME_COUNTRY:
            continue
        fit = _relation_fit(place, reference, claim)
        if fit is not None:
            scored.append((fit[0], place.id, place, fit[1], fit[2]))
    if not scored:
        return None
    _, _, place, km, bearing = min(scored, key=lambda item: item[:2])
    return place, km, bearing


def _neighbour_claim(claim: Claim) -> bool:
    """Whether ``claim`` states a distance of at most NEIGHBOUR_MAX_KM (not 0)."""
    return claim.kind is ClaimKind.DISTANCE and claim.distance is not None \
        and 0 < claim.distance.km <= NEIGHBOUR_MAX_KM


def _settled(mention: Mention) -> bool:
    """Whether the text itself settled a mention's choice (an oblast or raion it names, a
    relation or nearness it states: confidence 0.9 and up)."""
    return mention.confidence >= 0.9 or TEXT_SAYS in mention.reason


def _neighbour_pair(subjects, references, claim: Claim
                    ) -> tuple[Place, Place, float, float] | None:
    """(subject, reference, km, bearing) of the pair of Ukrainian namesakes, among the first
    NEIGHBOUR_MAX_CANDIDATES of each, that fits a neighbour claim best (see _relation_fit),
    or None."""
    best = None
    for place in subjects[:NEIGHBOUR_MAX_CANDIDATES]:
        if place.country_code != HOME_COUNTRY:
            continue
        for other in references[:NEIGHBOUR_MAX_CANDIDATES]:
            # a cheap box of about 11 km first: most pairs lie hundreds of km apart
            if other.id == place.id or other.country_code != HOME_COUNTRY \
                    or abs(other.lat - place.lat) > 0.1 or abs(other.lon - place.lon) > 0.16:
                continue
            fit = _relation_fit(place, other, claim, NEIGHBOUR_REACH_KM)
            if fit is not None and (best is None or (fit[0], place.id, other.id) < best[0]):
                best = ((fit[0], place.id, other.id), place, other, fit[1], fit[2])
    return None if best is None else best[1:]


def _refine_neighbours(mentions: list[Mention], claims: list[Claim]
                       ) -> tuple[list[Mention], list[Claim]]:
    """Re-choose the places of a neighbour claim (a stated figure up to NEIGHBOUR_MAX_KM)
    whose choices lie too far apart for it (farther than NEIGHBOUR_REACH_KM): the pair of
    namesakes that fits it best wins. "Voznesenka ... 0.5 km downstream lies Konstantinovka"
    near Melitopol is the Kostiantynivka 6 km from that Voznesenka, not the town of 67,000 in
    Donetsk oblast 250 km off. The subject keeps its place if one of the reference's
    namesakes fits it; else it moves too (two villages "2 km apart" are the namesakes that
    are, not the largest of each name), unless it is the usual meaning of its name
    (USUAL_MEANING_CONFIDENCE). A longer figure never moves a reference: a wrong "70 km from
    X" is a claim to flag, not a reason to look for another X that fits it. What the text
    settled (see _settled) stays, and so does a reference that is a city of
    MAJOR_CITY_POPULATION and more."""
    for claim in list(claims):
        subject, reference = claim.subject, claim.reference
        if not _neighbour_claim(claim) \
                or subject is None or subject.place is None \
                or reference is None or reference.place is None or reference.start < 0 \
                or reference.kind is not _SETTLEMENT or _settled(reference) \
                or len(reference.candidates) < 2 \
                or reference.place.population >= MAJOR_CITY_POPULATION \
                or _relation_fit(subject.place, reference.place, claim,
                                 NEIGHBOUR_REACH_KM) is not None:
            continue
        best = _neighbour_pair((subject.place,), reference.candidates, claim)
        if best is None and subject.confidence < USUAL_MEANING_CONFIDENCE \
                and not _settled(subject):
            best = _neighbour_pair(subject.candidates, reference.candidates, claim)
        if best is None:
            continue
        place, other, km, bearing = best
        said = f"as '{claim.text}' implies"
        if place != subject.place:
            mentions, claims = _rechoose(mentions, claims, subject, place,
                                         f"{km:.0f} km from {other.name}, {said}")
        if other != reference.place:
            mentions, claims = _rechoose(
                mentions, claims, reference, other,
                f"{place.name} lies {km:.0f} km {geodesy.compass_point(bearing, 16)} of it, "
                f"{said}")
    return mentions, claims


def apply_overrides(mentions: list[Mention], claims: list[Claim], overrides: dict[int, int]
                    ) -> tuple[list[Mention], list[Claim]]:
    """Apply the user's choices: mention start offset -> GeoNames id among its candidates."""
    mentions = list(mentions)
    for i, mention in enumerate(mentions):
        wanted = overrides.get(mention.start)
        if wanted is None:
            continue
        picked = [p for p in mention.candidates if p.id == wanted]
        if not picked:
            raise BadInputError(f"GeoNames id {wanted} is not a candidate for "
                                f"{mention.text!r} at {mention.start}")
        chosen = mention.choose(picked[0], 1.0, "chosen by the user")
        mentions[i] = chosen
        claims = _swap(mention, chosen, claims)
    return mentions, claims


@cache
def default_reader() -> Reader:
    """One Reader per process over the shipped gazetteer."""
    return Reader()


def analyse(report: Report | str, **kwargs) -> Analysis:
    """Analyse one report (or text) with the shared reader."""
    return default_reader().analyse(report, **kwargs)
