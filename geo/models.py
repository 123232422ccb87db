"""Data contracts travelling between the stages (see DESIGN.md): frozen, type-hinted dataclasses.

Coordinates are (lat, lon) in WGS84 degrees, distances in kilometres, bearings in degrees
clockwise from true north. Character offsets index the report's text: ``text[start:end]``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from geo.gazetteer import Place


class MentionKind(StrEnum):
    """What a mention names."""

    SETTLEMENT = "settlement"   # a populated place (town, village, city), in Ukraine or abroad
    OBLAST = "oblast"           # "Donetsk oblast", "Kharkiv region": text is the bare name
    RAION = "raion"             # "Pokrovsk raion", "Chuhuiv district"
    RIVER = "river"             # "the Oskil River"
    COUNTRY = "country"         # "Russia", "Ukraine" (used as border references)
    FACILITY = "facility"       # "the Zaporizhzhia nuclear power plant": text is the bare name,
    #                             the place a GeoNames power station, dam or airport


@dataclass(frozen=True)
class Mention:
    """A place named in the text, the candidates it may mean and the one chosen, with why."""

    text: str
    start: int
    end: int
    kind: MentionKind = MentionKind.SETTLEMENT
    candidates: tuple[Place, ...] = ()
    place: Place | None = None
    confidence: float = 0.0
    reason: str = ""
    admin_code: str = ""  # oblast (admin1) or raion (admin2) code for OBLAST/RAION mentions;
    #                       ISO country code for COUNTRY mentions

    @property
    def resolved(self) -> bool:
        return self.place is not None

    @property
    def ambiguous(self) -> bool:
        return len(self.candidates) > 1

    @classmethod
    def found(cls, text: str, start: int, end: int, kind: MentionKind,
              candidates: tuple[Place, ...] = (), reason: str = "", admin_code: str = ""
              ) -> Mention:
        """A mention as a finder finds it, not yet resolved: equal to ``Mention(...)`` with
        these fields, built as :meth:`choose` builds its copies (a finder makes one per name)."""
        mention = object.__new__(cls)
        mention.__dict__.update(text=text, start=start, end=end, kind=kind,
                                candidates=candidates, place=None, confidence=0.0,
                                reason=reason, admin_code=admin_code)
        return mention

    def choose(self, place: Place | None, confidence: float, reason: str) -> Mention:
        """A copy of this mention resolved to ``place`` (one of its candidates).

        Copies the fields' dict instead of calling the frozen dataclass's ``__init__``, which
        sets each of the nine fields through ``object.__setattr__``: half the cost (the reader
        calls this for every mention)."""
        chosen = object.__new__(Mention)
        chosen.__dict__.update(self.__dict__, place=place, confidence=confidence, reason=reason)
        return chosen


class ClaimKind(StrEnum):
    DISTANCE = "distance"                # km (and/or direction) from a place
    DIRECTION = "direction"              # "south of Pokrovsk", no figure
    BORDER_DISTANCE = "border_distance"  # "45 km south of the Russian border"
    FRONTLINE_DISTANCE = "frontline_distance"  # "about 10 km from the front line"
    RIVER = "river"                      # "on the Oskil River"
    COAST_DISTANCE = "coast_distance"    # "95 km north of the Sea of Azov"
    REGION = "region"                    # "in Kharkiv oblast"


@dataclass(frozen=True)
class StatedDistance:
    """A distance as the text gives it: figure(s), unit, hedge, and both units when given.

    ``low_km``/``high_km`` are equal unless a range ("15-20 km") or a bound ("less than 10 km")
    was stated; a bound leaves the open side as 0 or ``inf``. ``alt_km`` is the second figure
    of "120 kilometers (75 miles)", converted to km, and ``alt_text`` its words. ``route`` says
    how the text measured: "road" ("130 km by road"), "straight" ("as the crow flies") or "".
    """

    text: str
    value: float
    unit: str                    # "km" or "mi", as stated
    low_km: float
    high_km: float
    hedge: str = ""              # "about", "nearly", "some", "less than", ...
    alt_km: float | None = None
    alt_value: float | None = None
    alt_unit: str = ""
    route: str = ""              # "road" or "straight" when the text says how it measured

    @property
    def km(self) -> float:
        """The stated figure in km (midpoint of a range)."""
        if self.low_km and self.high_km != float("inf"):
            return (self.low_km + self.high_km) / 2
        return self.high_km if self.low_km == 0 else self.low_km


@dataclass(frozen=True)
class Claim:
    """A checkable statement about where a place lies."""

    kind: ClaimKind
    subject: Mention | None
    text: str                    # the evidence span, verbatim
    start: int
    end: int
    reference: Mention | None = None
    reference_feature: str = ""  # "the Russian border", "the front line", "the Oskil River"
    distance: StatedDistance | None = None
    direction: str = ""          # compass point as stated, normalised ("E", "SSW", "NbE")
    direction_deg: float | None = None
    note: str = ""               # why a part could not be read (e.g. unknown reference)


class Status(StrEnum):
    CONSISTENT = "consistent"
    INCONSISTENT = "inconsistent"
    UNVERIFIABLE = "unverifiable"


@dataclass(frozen=True)
class Verdict:
    """The check of one claim: measured figures, tolerance and a one-line explanation."""

    claim: Claim
    status: Status
    explanation: str
    measured_km: float | None = None
    bearing_deg: float | None = None
    ratio: float | None = None           # stated / measured
    tolerance: str = ""                  # the rule and constants applied, in words
    direction_status: Status | None = None
    units_status: Status | None = None
    extra: dict = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Report:
    """One report: text plus what is known about it."""

    text: str
    date: dt.date | None = None
    title: str = ""
    source: str = ""
    report_id: str = ""


class EventKind(StrEnum):
    """What happened, as the text tells it."""

    ASSAULT = "assault"                  # an attack or an attempt to enter / advance
    ENTRY_REPELLED = "entry_repelled"    # attackers driven back / withdrew
    CAPTURE_CLAIM = "capture_claim"      # "liberation", "captured", "took control of"
    CONTROL_AFFIRMED = "control_affirmed"  # "remains under our control"
    WITHDRAWAL = "withdrawal"
    STRIKE = "strike"                    # shelling, missile, drone strike
    INTERCEPTION = "interception"        # air defence shot down drones, missiles, aircraft
    EVACUATION = "evacuation"
    CASUALTIES = "casualties"
    STATEMENT = "statement"              # diplomatic or political statement


class Precision(StrEnum):
    """How exactly an event is located."""

    PLACE = "place"        # at the place itself
    NEAR = "near"          # in its vicinity ("fighting in the vicinity")
    REGION = "region"      # somewhere in the oblast / raion named


@dataclass(frozen=True)
class Event:
    """Who did what, where, when, and who says so."""

    kind: EventKind
    mention: Mention
    evidence: str
    start: int
    end: int
    date: dt.date | None = None
    actor: str = ""
    claimed_by: str = ""
    denied_by: str = ""
    denial: str = ""
    precision: Precision = Precision.PLACE
    when: str = ""  # a time the text gives that is not the report date ("in September 2022")

    @property
    def place(self) -> Place | None:
        return self.mention.place

    @property
    def abroad(self) -> bool:
        """True for events located outside Ukraine (e.g. a statement in Geneva)."""
        return self.place is not None and self.place.country_code != "UA"


@dataclass(frozen=True)
class Analysis:
    """Everything read from one report."""

    report: Report
    mentions: tuple[Mention, ...] = ()
    claims: tuple[Claim, ...] = ()
    verdicts: tuple[Verdict, ...] = ()
    events: tuple[Event, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def places(self) -> list[Place]:
        """Distinct resolved places, in order of first mention."""
        seen: dict[int, Place] = {}
        for mention in self.mentions:
            if mention.place is not None and mention.kind is not MentionKind.COUNTRY:
                seen.setdefault(mention.place.id, mention.place)
        return list(seen.values())
