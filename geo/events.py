"""Events: who did what, where, when, and who says so, read sentence by sentence.

:func:`extract_events` turns a report and its resolved mentions into :class:`~geo.models.Event`
records. It works with lexicons and a few general patterns, never with rules for one sentence:

1. **Sentences.** :func:`split_sentences` cuts at sentence punctuation (not after titles such as
   "Gen." or initials) and at line breaks, except where a line break only wraps a sentence (the
   next line starts in lower case, or the line ends on "of", "the", ...). Every line break starts a
   new paragraph: live blogs and wire summaries put one paragraph (or one headline) per line.
2. **Triggers.** :data:`TRIGGERS` maps phrases to an :class:`~geo.models.EventKind`; patterns are
   tried most specific first and a matched span is not matched again ("drone attack" is a strike,
   not an assault; "withdrew after" is a repelled entry, not a withdrawal; "attempted to
   capture" is an assault, not a capture). A trigger under a hypothetical cue ("could", "plans
   to", "demanded", "to avoid") is dropped, and so are weapons supplied rather than used
   ("pledged Patriot missiles"); a negated one ("no casualties", "have not captured") is dropped
   or, for a capture, entry or withdrawal, read as a denial. "took"/"taken" is a capture only
   right before a settlement ("took Vuhledar", not "took part"); a capitalized trigger word in a
   unit's name ("the 3rd Assault Brigade") is no trigger. Air defence at work ("shot down 45
   drones", "intercepted three missiles") is an INTERCEPTION; what it counters stays an event of
   its own, as an attack stays an ASSAULT after "repelled" ("halted six Russian assaults").
3. **Place.** Each trigger takes the settlement mention nearest after it (before it costs more),
   then an oblast or raion (precision REGION). Countries and rivers are never event places; a
   place named only as a reference ("south of Pokrovsk"), used for its government ("Moscow
   would welcome") or inside a speaker's title ("Kharkiv Governor ...") is avoided. Places
   listed together ("Kupiansk and Izium") share the trigger.
   "near", "outskirts", "in the vicinity", "toward" ... give precision NEAR. A sentence naming no
   place takes the place of the previous sentence of its paragraph, or, when it says "the town",
   "the village" ..., the last place named in the two paragraphs before.
4. **Actor.** A passive agent ("recaptured by Ukraine", "attacks by the armed forces of
   Ukraine"), else a side named as an adjective of the trigger ("seven Russian attempts",
   "a Russian drone attack" -> "Russian"; not "Russian artillery", which names the arm), else the
   military noun phrase nearest to the trigger ("Russian infantry", "the Ukrainian Army", "the
   enemy", "the 3rd Assault Brigade", "the Center group of forces", "air defences"; not one the
   trigger acts on: "surrendered to Russian troops", "drones were shot down"), else a country
   right before the verb; "" if none. The attackers of an attack repelled, or of a strike shot
   down, are looked for after the countering verb only. "its/their/our troops" are the
   troops of the speaker's side ("Ukraine's General Staff said its troops ..." -> "Ukrainian
   troops"). Casualties and evacuations look only in their own clause.
5. **Claimed by.** Attributions: "X said/told/announced/insisted/reported/claimed/assessed/
   estimated/wrote ...", "according to X", "per X", '"...," said X', a headline's "... – X",
   "This was reported by X" (which attributes the sentence before); evidence that shows
   something ("geolocated footage shows", "unconfirmed reports suggest"). A passive say-verb
   ("explosions were reported", "footage posted by X") names no speaker before it. Roles given
   as appositives are kept ("Andriy Besedin, the town's mayor"). "it/he/she/they said" resolve
   to the last named claimant of that kind; a bare surname or "the ministry" resolves to the
   fuller form named before; a quote continuing the previous sentence keeps its speaker.
6. **Denials.** "... is not true", "denied claims that ...", "false", a negated capture: an Event of
   kind CONTROL_AFFIRMED claimed and denied by the speaker, with the denying words in ``denial``.
   A claim the denial names ("Russian claims that ...") is kept as a separate Event of its own kind
   with ``denied_by`` filled: a claim and its denial are two events, never merged. So is a claim
   a speaker makes before "a claim X denied" / "a claim that was rejected by X" / ", which X has
   denied"; there the denier is X (or nobody named), not the speaker.
7. **Statements.** A sentence with no military event and no troops named, but with a statement
   cue ("said", "talks", "negotiations", "visited" ...), gives one STATEMENT event at the place
   it names, preferring one introduced by "in"/"at" ("told reporters in Geneva"); a foreign
   city counts only when so introduced (otherwise it is mostly its government).

**Other languages.** Reports in Ukrainian, Russian, German, French, Spanish or Polish go through
the same steps with their own lexicons (:mod:`geo.event_languages`: triggers, say-verbs such as
"повідомив"/"сообщил"/"teilte ... mit", "за словами X"/"laut X"/"selon X", denials such as
"спростував"/"не соответствует действительности"/"dementierte", negations, "російські війська"
as actors, "біля"/"под"/"bei" for NEAR), run on a fully lowered copy of the text and only on
reports a cheap test finds written in them (Cyrillic letters; a few function words).

``Event.when`` keeps a time the sentence gives that is not the report's ("in September 2022",
"last week", "on Dec. 3", "Nov. 29-30", "late on Wednesday" in a report dated another day); the
event's ``date`` stays the report date.

Every event's ``evidence`` is its sentence verbatim: ``text[event.start:event.end]``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import NamedTuple

from geo.datelines import dateline_spans, in_spans
from geo.event_languages import COMPILED, CompiledLanguage, active_languages
from geo.gazetteer import FACILITY_KIND_AFTER
from geo.geocoder import HOME_COUNTRY
from geo.models import Event, EventKind, Mention, MentionKind, Precision
from geo.prescan import Starts, finditer_at, prefixes

log = logging.getLogger(__name__)

#: A "sentence" longer than this (a list, a table, text with no punctuation) is cut at a space,
#: so that every pattern runs on bounded text and extraction stays linear in the report's length.
MAX_SENTENCE_CHARS = 1500
#: A military noun phrase farther than this from its trigger is not taken as the actor.
ACTOR_MAX_CHARS = 160
#: A place named before its trigger counts this many times its distance (places usually follow:
#: "the liberation of the village of X", "shelled X"); plus a fixed step for being before.
BEFORE_COST_FACTOR = 1.5
BEFORE_COST_STEP = 20
#: Extra cost of an oblast or raion over a settlement, and of a place named only as a
#: reference ("south of Pokrovsk") or as a government ("Moscow would welcome").
REGION_COST = 400
REFERENCE_COST = 1000
#: Extra cost of a place that only names a front sector ("in the Pokrovsk direction"): the
#: places the sentence names within it are where it happened, when it names any.
SECTOR_COST = 300
#: Extra cost of a place named inside a speaker's title ("Kharkiv Governor Oleh Syniehubov").
SPEAKER_COST = 300
#: Extra cost of a place in a clause after the trigger's ("Russische Truppen haben Torezk
#: erobert, Kiew kommentierte das nicht": Torezk, not Kiew).
LATER_CLAUSE_COST = 100
#: Speakers remembered for "he said" and bare surnames; attributions read per sentence.
MAX_SPEAKERS = 40
MAX_ATTRIBUTIONS = 12
#: "repelled 12 Russian attacks", "shot down 50 of the 73 drones launched": at most this many
#: characters between the verb and its object.
COUNTERED_OBJECT_CHARS = 30
#: How far from a denying verb of another language its object pointing back may stand ("в ЗСУ
#: цю інформацію спростували", "Kiew dementierte dies").
BACK_OBJECT_CHARS = 25
#: How far before a place the words naming it as a reference ("south of", "на північ від")
#: are looked for.
REFERENCE_REACH = 70
#: "the town", "the village" may refer back this many paragraphs.
ANAPHOR_MAX_PARAGRAPHS = 2
#: Hypothetical and negation cues must stand within this many words before the trigger, and
#: in its clause within this many characters.
CUE_MAX_WORDS = 3
CUE_MAX_CHARS = 60
#: A clause starts at most this many characters before a position, and ends at most this many
#: after it.
CLAUSE_BACK_CHARS = 200
CLAUSE_AHEAD_CHARS = 300

K = EventKind

# --- lexicons ---------------------------------------------------------------------------------
# Written for this project. Each entry is (kind, pattern); order matters: earlier entries are
# more specific and claim their span first.

_ATTEMPT_VERBS = (r"(?:re)?(?:enter|storm|capture|take|seize|occupy|encircle|surround|cross|"
                  r"advance|infiltrate|breach|break\s+(?:through|into)|gain\s+a\s+foothold|"
                  r"cut\s+off|push\s+(?:into|through))")
_NOT_A_DEAL = (r"(?!\s+(?:a|an|the)\s+(?:deal|balance|chord|note|tone|agreement|compromise|"
               r"bargain|pose)\b)")

_NOT_A_WEAPON_USE = (r"(?![\s-]+(?:defen[cs]es?|systems?|launchers?|deliver\w*|suppl\w*|"
                     r"production|producers?|stocks?|stockpiles?|programs?|programmes?|"
                     r"shields?|interceptors?|packages?|factory|factories|plants?|makers?)\b)")

#: What air defence shoots down ("shot down 45 drones", "intercepted three missiles").
_AERIAL = (r"(?:drones?|uavs?|missiles?|rockets?|shaheds?|aircraft|(?:war|air)?planes?|jets?|"
           r"bombers?|helicopters?|(?:aerial|air)\s+targets?|bombs?)")
#: Aircraft "destroyed" in a sentence about an airfield stood on it: "hit the Saky airbase,
#: destroying several aircraft" is a strike, not an interception (see :func:`_triggers`).
_AIRFIELD_WORDS = re.compile(r"\b(?:air\s*bases?|airfields?|airports?|aerodromes?|airstrips?|"
                             r"hangars?)\b")
_GROUNDED_AIRCRAFT = re.compile(r"\bdestroy\w*\s+(?:[\w-]+\s+){0,3}?(?:aircraft|"
                                r"(?:war|air)?planes?|jets?|bombers?|helicopters?)\b")

#: A trigger opening on a past participle: after a form of "be" (see :func:`_passive`), a
#: passive ("were driven back"); not "have been trying", "have been unsuccessful".
_PARTICIPLE = re.compile(r"\w+(?:ed|en|wn)\b|(?:shot|hit|struck|held|fought|hurt|dead)\b", re.I)
#: A pronoun standing as a trigger's subject ("said it had shot down", "they repelled").
_PRONOUN_SUBJECT = re.compile(r"\b(?:it|they|we|he|she)\s+(?:(?:had|has|have|also|reportedly|"
                              r"successfully|then|later|again|been)\s+){0,3}$", re.I)
_OWN_PRONOUN = re.compile(r"\b(?:its|their|our)\b", re.I)
_AERIAL_LAST = re.compile(rf"\b{_AERIAL}$", re.I)

#: "attacked Odesa with missiles", "attacked by 30 drones": after "attack", the weapon that
#: makes it a strike, not an assault.
_BY_AERIAL = rf"(?:\s+[\w-]+){{0,3}}?\s+(?:by|with)\s+(?:[\w-]+\s+){{0,3}}?{_AERIAL}\b"

TRIGGERS: tuple[tuple[EventKind, str], ...] = (
    # attempts: an attack, whatever it aimed at
    (K.ASSAULT, rf"\b(?:attempt(?:s|ed|ing)?|tr(?:y|ies|ied|ying)|sought|seeking|seeks|bids?|"
                rf"efforts?|striv(?:e|es|ing)|strove|aim(?:s|ed|ing)?)\s+to\s+{_ATTEMPT_VERBS}\b"),
    (K.ENTRY_REPELLED, rf"\bfail(?:s|ed|ing)?\s+to\s+{_ATTEMPT_VERBS}\b"),
    (K.ENTRY_REPELLED,
     r"\bwithdr(?:ew|awn|aw)\s+after\b|\bdriven\s+(?:back|out|off|away)\b|"
     r"\bdr(?:ove|ive|ives|iving)\s+(?:\w+\s+){0,3}?(?:back|out)\b|\brepel\w*|\brepuls\w*|"
     # "pushed Russian forces out of Zatyshshia", "cleared the village of infiltrators"
     r"\b(?:push(?:ed|es|ing)?|forc(?:e|ed|es|ing)|kick(?:ed|s|ing)?|chas(?:e|ed|es|ing)|"
     r"knock(?:ed|s|ing)?|oust(?:ed|s|ing)?|expel(?:led|s|ling)?|threw|thrown)\s+"
     r"(?:[\w'’-]+\s+){0,3}?out\s+of\b|"
     r"\bclear(?:ed|s|ing)?\b(?=\s+(?:[\w'’-]+\s+){1,4}?of\s+(?:[\w'’-]+\s+){0,3}?"
     r"(?:troops|forces|units|soldiers|infiltrat\w+|sabot\w+|(?:assault\s+)?groups|occupiers|"
     r"invaders|enemy|russians)\b)|"
     r"\bpush(?:ed|ing)?\s+(?:\w+\s+){0,2}?back\b|\bbeat(?:en)?\s+(?:\w+\s+)?back\b|"
     r"\b(?:fought|fend(?:ed)?|fight(?:ing)?)\s+off\b|\bthwart\w*|\bfoil(?:s|ed)?\b|"
     r"\bunsuccessful(?:ly)?\b|\bfailed\s+(?:attack|assault|attempt|offensive|push|advance)s?\b|"
     # "halted six Russian assaults": the assaults stay an ASSAULT of their own, as after
     # "repelled"
     r"\b(?:stopped|halted|stopping|halting)\b(?=\s+(?:[\w-]+\s+){0,3}?"
     r"(?:advances?|assaults?|attacks?|offensives?|push(?:es)?|attempts?)\b)"),
    # air defence at work: the weapon shot down is its object, not a strike of its own
    (K.INTERCEPTION,
     rf"\bshot\s+down\b(?:\s+(?:[\w-]+\s+){{0,3}}?{_AERIAL}\b)?|"
     rf"\b(?:down(?:ed|s|ing)|intercept(?:ed|s|ing)|neutrali[sz](?:ed|es|ing)|"
     rf"destroy(?:ed|s|ing))\s+(?:[\w-]+\s+){{0,3}}?{_AERIAL}\b{_NOT_A_WEAPON_USE}"
     r"(?!\s+on\s+the\s+ground)|"
     r"\bintercept(?:ed|ions?)\b|\b(?<=was |ere |een |ing )downed\b"),
    (K.STRIKE,
     rf"\battack(?:ed|ing|s)?\b(?={_BY_AERIAL})|"
     # "destroyed a Russian S-400 launcher": a strike on what it names (drones and missiles
     # destroyed in the air are interceptions, above)
     r"\bdestroy(?:ed|s|ing)?\s+(?:[\w'’-]+\s+){0,4}?(?:launchers?|radars?|depots?|"
     r"warehouses?|command\s+posts?|headquarters|systems?|tanks?|vehicles?|bridges?|"
     r"substations?|refiner(?:y|ies)|batter(?:y|ies)|howitzers?|trains?|ships?|vessels?|"
     r"boats?|airfields?|aircraft\s+on\s+the\s+ground)\b|"
     r"\b(?:drone|missile|rocket|air|artillery|mortar|bomb|glide[-\s]bomb|kamikaze|shahed|"
     r"mlrs)s?[-\s]?(?:attacks?|strikes?|raids?|fire|barrages?)\b|\bair\s*strikes?\b|"
     rf"\bstrik(?:e|es|ing)\b{_NOT_A_DEAL}|\bstruck\b{_NOT_A_DEAL}|\bshell(?:ed|ing|s)\b|"
     rf"\b(?:missiles?|rockets?|bombs?|shaheds?)\b{_NOT_A_WEAPON_USE}|"
     r"\bdrones?\s+(?:\w+\s+){0,2}?(?:attack(?:ed|s|ing)?|hit|hits|target(?:ed|s|ing)?|"
     r"launched)\b|\blaunch(?:ed|es|ing)?\s+(?:\w+\s+){0,3}?drones\b|"
     r"\bbomb(?:ed|ing|ings|ardment|ardments|arded)\b|"
     r"\bexplosions?\b|\bblasts?\b|"
     r"\bhit\s+(?:(?:again|overnight|twice|repeatedly|also|directly|once\s+more)\s+)?by\b|"
     r"\bbarrages?\b|\btargeted\b(?!\s+sanctions)|"
     r"\bfir(?:ed|ing)\s+(?:at|on|upon)\b|\bopened\s+fire\b|\bunder\s+fire\b"),
    (K.CAPTURE_CLAIM,
     r"\bliberat(?:ion|ed|e|es|ing)\b|\b(?:re)?captur(?:ed|es|ing)\b|\b(?:re)?capture\s+of\b|"
     r"\bseiz(?:ed|es|ing|ure\s+of)\b|\bretook\b|\bretaken\b|\bde-?occup(?:ied|ation)\b|"
     r"\b(?:took|taken|take|takes|taking|claim(?:ed|s|ing)?|gain(?:ed|s)?|regain(?:ed|s)?|"
     r"establish(?:ed|es)?|restor(?:ed|es))\s+(?:full\s+|complete\s+|total\s+)?control\b|"
     r"\bfell\s+to\b|\b(?:has|had|have)\s+fallen\b|"
     r"\btook\s+over\b|\b(?:took|taken)\s+the\s+(?:village|town|city|settlement)\b|"
     # "came under Russian control", "fell under the control of"
     r"\b(?:came|comes?|coming|fell|falls?|fallen)\s+under\s+(?:[\w'’-]+\s+){0,2}?control\b|"
     r"\boccupied\s+the\s+(?:village|town|city|settlement)\b|"
     r"\brais(?:ed|ing)\s+(?:the|their|a)\s+(?:\w+\s+)?flag\b|"
     # "is now almost entirely under Russian control": a change of hands, as "came under"
     r"\b(?:is|are|was|were)\s+now\s+(?:[\w'’-]+\s+){0,2}?under\s+(?:[\w'’-]+\s+){0,2}?"
     r"(?<!fire\s)control\b"),
    (K.CONTROL_AFFIRMED,
     r"\bremain(?:s|ed|ing)?\W+(?:\w+\W+){0,3}?(?:under|in)\W+(?:\w+\W+){0,2}?"
     r"(?:control|hands)\b|"
     r"\b(?:fully|firmly|completely|still)\W+(?:under|in)\W+(?:\w+\W+){0,2}?control\b|"
     # "Toretsk is largely under Russian control": who holds a place, as the text states it
     r"\b(?:is|are)\s+(?!not\b|no\s+longer\b)(?:[\w'’-]+\s+){0,2}?under\s+"
     r"(?:[\w'’-]+\s+){0,2}?(?<!fire\s)control\b|"
     r"\bin\s+(?:ukrainian|russian|our|their)\s+hands\b|"
     r"\bcontinu(?:e|es|ed|ing)\s+to\s+(?:control|hold|defend)\b|"
     r"\bstill\s+(?:controls?|holds?)\b|\b(?:maintain|retain|keep)(?:s|ed|ing)?\s+control\b|"
     r"\bkept\s+control\b|"
     r"\b(?:holds?|holding|held)\b(?!\s+(?:talks|a|an|meetings?|elections?|referend\w*|on|up|"
     r"back|out|off|onto|hostage|accountable|responsible|captive|prisoners?|consultations|"
     r"negotiations|discussions|the\s+(?:talks|meeting|summit|elections?|referendum|post|"
     r"office|title|record|view|line\s+that))\b)|"
     r"\bdefend(?:s|ed|ing)?\s+(?:the\s+)?(?:town|city|village|positions?)\b"),
    (K.WITHDRAWAL,
     r"\b(?:forced|forcing|ordered)\s+(?:\w+\s+)?to\s+(?:leave|withdraw|retreat|pull\s+back)\b|"
     r"\bwithdr(?:ew|awn|aw|awing|aws|awal)\b|\bretreat(?:ed|ing|s)?\b|"
     r"\bpull(?:ed|s|ing)?\s+(?:\w+\s+)?(?:out|back)\b|\bsurrender(?:ed|s)?\b|"
     r"\babandon(?:ed|s|ing)?\b|\bleft\s+the\s+(?:town|city|village|settlement)\b"),
    (K.ASSAULT,
     r"\b(?:partially\s+)?enter(?:ed|ing|s)\b(?!\s+(?:into|office|the\s+(?:race|market|talks|war|"
     r"conflict|negotiations)|service|politics))|"
     r"\benter(?:ing)?\s+(?:the\s+)?(?:town|city|village)\b|\bstorm(?:ed|ing|s)?\b|"
     rf"\battack(?:ed|ing|s)?\b(?!{_BY_AERIAL})|"
     r"\bassault(?:ed|ing|s)?\b|\bcounter-?attack\w*|"
     r"\bcounter-?offensive\w*|\boffensive\b|\b(?<!in\s)advanc(?:e|ed|es|ing)\b|"
     r"\b(?:mov|push|head|press)(?:e|es|ed|ing)?\s+(?:\w+\s+){0,3}?(?:toward|towards|into)\b|"
     r"\bon\s+the\s+approaches\s+to\b|\bfighting\b|\bfought\b|\bclash(?:es|ed)?\b|"
     r"\breach(?:ed|es|ing)?\s+(?:the\s+)?(?:outskirts|edge|approaches|suburbs|cent(?:re|er))\b|"
     r"\bfights?\s+(?:for|over)\b|"
     r"\bbattles?\b|\bcombat\b|\binfiltrat\w+|\bencircl\w+|\bbreach(?:ed|es|ing)?\b|"
     r"\bbr(?:eak|oke)\s+through\b|\bgain(?:ed|ing)\s+ground\b|"
     r"\b(?:made|make|makes|making|achieved|reported)\s+(?:[\w-]+\s+){0,2}?gains\b"),
    (K.EVACUATION, r"\bevacuat\w+"),
    (K.CASUALTIES,
     r"\bkill(?:ed|ing|s)\b|\bwound(?:ed|ing)\b|\binjur(?:ed|ing|ies|y)\b|"
     r"\bcasualt(?:y|ies)\b|\bdeath\s+toll\b|\bdead\b|\bdied\b|\bdies\b|\bdeaths?\b|"
     r"\blost\s+their\s+lives\b|\bfatalit(?:y|ies)\b|\bhurt\b|"
     # "the Ukrainian army lost up to 500 servicemen", "losses of over 300 troops"
     r"\b(?:lost|losing|loses|losses\s+of)\s+(?:up\s+to\s+|about\s+|around\s+|over\s+|"
     r"more\s+than\s+|as\s+many\s+as\s+|nearly\s+|almost\s+)?[\d,]+\s+(?:[\w-]+\s+)?"
     r"(?:servicemen|soldiers|troops|personnel|men|fighters|militants|mercenaries)\b"),
)

#: "took Vuhledar", "have taken the town of Toretsk": "take" is a capture only when a settlement
#: is its object (not "took part", "taken into account").
TAKEN_MAX_CHARS = 40
_TAKEN_ENDS = ("took", "taken", "take", "takes", "taking", "occupied", " of")
_TAKEN_BEFORE = re.compile(r"\b((?:re)?(?:took|taken|take|takes|taking))\s+(?:the\s+(?:town|city|"
                           r"village|settlement)\s+of\s+)?$")
#: "hit Kharkiv", "hit the Saky airbase", "hitting the town of Kupiansk": "hit" is a strike
#: when a place is its object (not "hit a record", "hit hard by the blackouts").
_HIT_ENDS = ("hit", "hits", "hitting", "the", " of")
_HIT_BEFORE = re.compile(r"\b(hit|hits|hitting)\s+(?:the\s+(?:(?:town|city|village|"
                         r"settlement)\s+of\s+)?)?$")
#: "troops occupied Novotoretske", "have occupied X": a capture when troops or an auxiliary
#: stand before "occupied" (not "Russian-occupied Melitopol", "the occupied Nova Kakhovka").
_OCCUPIED_BEFORE = re.compile(
    r"\b(?:forces|troops|units|army|soldiers|enemy|occupiers|invaders|they|russia|russians|"
    r"has|have|had)\s+((?:re-?)?occupied)\s+"
    r"(?:the\s+(?:town|city|village|settlement)\s+of\s+)?$")

#: The rest of a unit's name after a capitalized trigger word ("Assault" in "3rd Assault
#: Brigade", "Strike" in "Strike Group").
_UNIT_NAME_REST = re.compile(r"[\w-]*(?:\s+[A-Z][\w-]*){0,2}\s+(?:Brigade|Battalion|Regiment|"
                             r"Division|Corps|Group|Detachment|Company|Unit|Forces)s?\b")

#: Political or diplomatic cues: a STATEMENT event when the sentence has no military event.
STATEMENT_CUES = (
    r"\b(?:told\s+reporters|said|says|told|announced|negotiations?|talks|statement|stated|"
    r"insisted|urged|called\s+for|warned|meeting|met|meets|summit|visit(?:ed|ing|s)?|peace|"
    r"ceasefire|truce|sanctions|dialogue|diplomat\w*|discussions?|agreement|welcomed?|promised|"
    r"pledged|speech|addressed|conference|condemned|proposed|demanded)\b")

#: Kinds whose actor must stand in the trigger's own clause (the troops of the clause before
#: did not evacuate anyone).
CLAUSE_ACTOR_KINDS = frozenset({K.EVACUATION, K.CASUALTIES})
#: Kinds a denial can deny (a denied strike or casualty is not turned into a control claim).
DENIABLE = frozenset({K.CAPTURE_CLAIM, K.ASSAULT, K.WITHDRAWAL})


def _caseless(pattern: str) -> re.Pattern[str]:
    """A lower-case pattern that ignores case by running over a report's folded copy
    (:attr:`_Doc.folded`), where it matches exactly what it would match with re.I over the text;
    case-sensitive, sre scans two to four times faster."""
    return re.compile(pattern)


# The lexicons are lower case and ASCII: they run case-sensitively over an ASCII-lowered copy
# of the text (same length, same offsets), which sre scans about twice as fast as with re.I.
_TRIGGER_RES = tuple((kind, re.compile(pattern)) for kind, pattern in TRIGGERS)
_TRIGGER_PREFIXES = tuple(prefixes(pattern) for _, pattern in _TRIGGER_RES)
#: Where some trigger pattern can match: one scan of the text instead of one per pattern (see
#: :func:`_trigger_spans`).
_TRIGGER_STARTS = Starts(None if None in _TRIGGER_PREFIXES
                         else frozenset().union(*_TRIGGER_PREFIXES))


def _triggers_by_prefix() -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
    """The trigger patterns (indices in :data:`_TRIGGER_RES`) that can match where the text
    starts with a given prefix (the plain characters a pattern's prefix starts with), and those
    with a prefix that does not start with one (tried wherever some trigger can match)."""
    table: dict[str, set[int]] = {}
    anywhere = []
    for i, starts in enumerate(_TRIGGER_PREFIXES):
        plain = [] if starts is None else ["".join(itertools.takewhile(
            lambda atom: len(atom) == 1, atoms)) for atoms in starts]
        if not plain or not all(plain):
            anywhere.append(i)
            continue
        for prefix in plain:
            if not any(prefix[:n] in plain for n in range(1, len(prefix))):
                table.setdefault(prefix, set()).add(i)
    return {prefix: tuple(sorted(ids)) for prefix, ids in table.items()}, tuple(anywhere)


_TRIGGERS_BY_PREFIX, _TRIGGERS_ANYWHERE = _triggers_by_prefix()
_TRIGGER_PREFIX_LENGTHS = sorted({len(prefix) for prefix in _TRIGGERS_BY_PREFIX})
#: The characters outside ASCII that re.I matches to an ASCII letter ("İ" and "ı" to "i", long
#: "ſ" to "s", the Kelvin sign to "k"): the folded copy has that letter in their place.
_FOLD = {ord("İ"): "i", ord("ı"): "i", ord("ſ"): "s", ord("\u212a"): "k"}
_STATEMENT_RE = _caseless(STATEMENT_CUES)

_HYPOTHETICAL = _caseless(
    r"\b(?:could|might|may|should|must|would|will|shall|if|unless|plans?\s+to|planning\s+to|"
    r"planned\s+to|intends?\s+to|intending\s+to|threat\w*|wants?\s+to|wanted\s+to|urg\w+|"
    r"call(?:s|ed|ing)?\s+(?:on|for)|ask\w*|expects?\s+to|expected\s+to|refus\w+\s+to|"
    r"ready\s+to|prepar\w+\s+to|until|prevent\w*|avoid\w*|avert\w*|possible|potential|"
    r"demand\w*|fears?|feared|verge\s+of|brink\s+of|about\s+to)\b"
    rf"(?:\s+[\w'’-]+){{0,{CUE_MAX_WORDS}}}\s*[\"“”'‘’]?$")
#: "were urged to evacuate", "called on residents to evacuate", "ordered to evacuate": a call
#: to evacuate is an evacuation under way, not a hypothetical one.
_EVACUATION_CALL = _caseless(
    r"\b(?:urg\w+|call(?:s|ed|ing)?\s+on|ask\w*|order\w*|told)\b(?:\s+[\w'’-]+){0,3}\s+to\s+$")
#: Weapons supplied, sold or pledged are not weapons used.
_SUPPLY = _caseless(
    r"\b(?:suppl(?:y|ied|ies|ying)|deliver\w*|send(?:s|ing)?|sent|provid\w*|pledg\w*|"
    r"giv(?:e|es|ing)|gave|transfer\w*|sell(?:s|ing)?|sold|buy(?:s|ing)?|bought|produc\w*|"
    r"ship(?:s|ped|ping)?|approv\w*|request\w*|receiv\w*|acquir\w*|aid|stocks?\s+of)\b"
    rf"(?:\s+[\w'’-]+){{0,{CUE_MAX_WORDS}}}\s*$")
#: "may have pulled out", "could have been killed": hedged past, not hypothetical.
_HEDGED_PAST = _caseless(r"\b(?:could|might|may|must|would)\s+have\b")
#: What every match of :data:`_NEGATION` contains (a cheap test before it).
_NEGATION_WORDS = ("no", "never", "without", "neither", "n't", "n’t")
_NEGATION = _caseless(
    r"(?:\b(?:not(?!\s+only)|never|no(?!\s+(?:fewer|less|more|sooner|doubt))|without|nor|"
    r"neither|none|nobody|no\s+longer)\b|n['’]t\b)"
    rf"(?:\s+[\w'’-]+){{0,{CUE_MAX_WORDS}}}\s*[\"“”'‘’]?$")

_DENIAL = _caseless(
    r"\b(?:(?:is|are|was|were)\s+(?:not|n['’]t)\s+(?:true|correct|accurate)|not\s+true|untrue|"
    r"false|fake|disinformation|no\s+truth|fabricat\w+|does\s+not\s+correspond\s+to\s+reality|"
    r"(?:denied|denies|deny|denying|refuted|refutes|rejected|rejects|dismissed|dismisses|"
    r"debunked|disputed|disputes)\s+(?:\w+\s+){0,3}?(?:claims?|reports?|allegations?|statements?|assertions?|"
    r"information|that|this|it|them|capture|fall|seizure|loss|takeover|occupation|"
    r"encirclement)|"
    r"(?P<claim>claims?|reports?|allegations?|assertions?|(?<=,\s)which)\s+(?:that\s+|which\s+)?"
    r"(?:(?:was|were|has\s+been|have\s+been|had\s+been|is\s+being)\s+"
    r"(?:(?:later|since|also|\w+ly)\s+)?(?:denied|rejected|dismissed|refuted|disputed)"
    r"(?P<by>\s+by\s)?|"
    r"(?P<denier>(?:(?!(?:not|never|was|were|is|are|been|be|has|have|had)\b)[\w'’.-]+\s+)"
    r"{1,4}?)(?:(?:has|have|had)\s+)?(?:(?:\w+ly|also|later|quickly|again)\s+)?"
    r"(?:denied|denies|rejected|rejects|dismissed|"
    r"dismisses|refuted|refutes|disputed|disputes)))\b")
#: The last words of a denial whose object points back ("denied it", "rejected the claim"),
#: when the clause ends right after them (:data:`_CLAUSE_END_AFTER`), or after a label of
#: a few words ("dismissed the reports as fake", "rejected it as Kremlin propaganda").
_BACK_OBJECTS = (" it", " that", " this", " them", " claim", " claims", " report", " reports")
_CLAUSE_END_AFTER = re.compile(
    r"(?:\s+as\s+(?:[\w'’-]+\s+){0,3}[\w'’-]+)?"
    # "denied the claim on the same day", "... outright", "... and said ..."
    r"(?:\s+(?:on\s+the\s+same\s+day|the\s+same\s+day|on\s+[A-Z]\w+(?:\s+\d{1,2})?|later|"
    r"again|too|also|immediately|quickly|swiftly|outright|flatly|publicly|strongly))*"
    r"\s*(?:[,.;:!?)\"”’]|$|(?:and|but)\s)")
#: "called the claim false", "described these reports as fake", "said the report was false": a
#: verb that labels a claim, right before a denying adjective of :data:`_DENIAL`; its subject
#: is the denier, and its
#: object ("the claim", "it") points back at the claims before it.
_LABELLED_BEFORE = _caseless(
    r"\b(?P<verb>called|calls|call|described|describes|branded|brands|labell?ed|labels|termed|"
    r"terms|dismissed|dismisses|said|says|insisted|insists|stated)\s+(?:that\s+)?"
    r"(?:(?:the|this|that|these|those|such|its|their|"
    r"[\w'’]+['’]s)\s+)?(?:[\w-]+\s+)?(?:claims?|reports?|statements?|allegations?|"
    # "said the report was false": a say-verb with its object's "be"
    r"assertions?|it|this|that|them)\s+(?:as\s+|(?:was|were|is|are)\s+)?"
    r"(?:(?:entirely|completely|totally|"
    r"absolutely|simply|utterly|blatantly)\s+)?$")
#: How far before a denying adjective :data:`_LABELLED_BEFORE` looks (characters).
LABELLED_REACH = 80
_DENIAL_VERB = re.compile(r"^(?:denied|denies|deny|denying|refut|reject|dismiss|debunk|disput)",
                          re.I)
_CLAIMS_OF = re.compile(
    r"(?:\b(?:claims?|reports?|assertions?|statements?)\s+(?:by|from|of)\s+"
    r"((?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*){0,4})"
    r"|((?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4})(?:['’]s)?\s+"
    r"(?:claims?|reports?|assertions?))")

_NEAR_BEFORE = _caseless(
    r"\b(?:near|nearby|outside|around|outskirts\s+of|vicinity\s+of|close\s+to|approaches\s+to|"
    r"toward|towards|direction\s+of|areas?\s+of|edge\s+of|flanks?\s+of)\s+"
    r"(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:(?:town|city|village|settlement|hamlet)\s+of\s+)?$")
_NEAR_AFTER = _caseless(r"['’]?s?\s+(?:direction|axis|sector|front|outskirts|area)\b")
_SECTOR_AFTER = _caseless(r"['’]?s?\s+(?:direction|axis|sector|front)\b")
#: Words every match of :data:`_NEAR_CLAUSE` contains (a cheap test before it).
_NEAR_CLAUSE_WORDS = ("near", "vicinity", "outskirts", "approaches", "area", "around")
_NEAR_CLAUSE = _caseless(
    r"\b(?:in\s+the\s+vicinity|nearby|outskirts|on\s+the\s+approaches|in\s+the\s+area|"
    r"around\s+the\s+(?:town|city|village)|near\s+the\s+(?:town|city|village))\b")
#: Words every match of :data:`_RELATION_BEFORE` contains (a cheap test before it).
_RELATION_WORDS = ("north", "south", "east", "west", "km", "kilomet", "mi", "across", "opposite",
                   "stream", "road", "highway")
_RELATION_BEFORE = _caseless(
    r"(?:\b(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|"
    r"north-west|south-east|south-west)(?:ern|ward|wards)?\s+of|"
    # "on the northern edge of Avdiivka", "upstream of Kherson", "on the road to Chasiv Yar":
    # what locates another place
    r"\b(?:north|south|east|west)[\w-]*\s+(?:edge|outskirts|fringes?|flank)\s+of|"
    r"\b(?:up|down)stream\s+(?:of|from)|"
    r"\b(?:on|along)\s+the\s+(?:[\w-]+\s+)?(?:road|highway)\s+(?:to|from|towards?)|"
    r"\b(?:km|kilometers|kilometres|miles|mi)\s+(?:\w+\s+)?(?:from|of)|"
    r"\bacross\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?from|\bopposite)\s+"
    r"(?:the\s+)?(?:(?!(?:near|in|at|and|or|to|from|by|on|toward|towards)\b)[\w'’-]+\s+){0,2}?"
    r"(?:(?:town|city|village|settlement|hamlet)\s+of\s+)?$")
#: A place used for its government: "Moscow would welcome", "[Washington] pursues",
#: 'Moscow "open" to talks', "containing Moscow".
_METONYMY_AFTER = _caseless(
    r"[\]\"”’']?\s+(?:\w+ly\s+)?(?:(?:would|will)(?!\s+be\b)|wants?|says|said|insists?|"
    r"insisted|claims?|claimed|accuse[sd]?|denies|denied|demands?|demanded|hopes?|hoped|"
    r"welcome[sd]?|pursues?|rejects?|rejected|warns?|warned|believes?|refuses?|refused|"
    r"considers?|is\s+(?:ready|open|willing)|[\"“'‘])")
_METONYMY_BEFORE = _caseless(
    r"\b(?:containing|contain|pressure\s+on|sanctions\s+(?:on|against)|relations\s+with|"
    r"ties\s+with|talks\s+with|between|accused|urged)\s+\[?$")
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|visit(?:ed|ing|s)?|arrived\s+in|trip\s+to|summit\s+in|talks\s+in)\s+"
    r"(?:the\s+)?(?:(?:city|capital|town)\s+of\s+)?$", re.I)
_COUNTRY_LOCATIVE = _caseless(r"\b(?:in|across|at|on|into|over|throughout|against)\s+$")
_COORDINATION = re.compile(
    r"^\s*(?:,|(?:,\s*)?(?:and|or)(?:\s+(?:also\s+)?(?:near|in|around|at|outside|towards?))?|"
    r"&)\s*(?:the\s+)?(?:(?:town|city|village|settlement)s?\s+of\s+)?$", re.I)
#: "near Stupochky and Predtechyne, east of Kostiantynivka, and near Bila Hora": a list goes on
#: past a place named only as a reference when that reference closes an aside of the list's
#: last place (text from that place up to the reference: a comma and a relation, no stop) ...
_ASIDE_BEFORE = re.compile(r"^\s*,[^,;.!?]{0,40}$")
#: ... and the aside ends with a comma and a coordination.
_ASIDE_AFTER = re.compile(
    r"^[^,;.!?]{0,20},\s*(?:and|or)\s+(?:(?:also\s+)?(?:near|in|around|at|outside|towards?)"
    r"\s+)?(?:the\s+)?(?:(?:town|city|village|settlement)s?\s+of\s+)?$", re.I)
#: The war summaries' list by sectors: "north of Kupiansk near Holubivka and southeast of
#: Kupiansk near Pishchane"; what stands before and after the sector's reference.
_SECTOR_BEFORE = re.compile(r"\s*,?\s+and\s+(?:north|south|east|west)[a-z-]*\s+of\s+"
                            r"(?:the\s+)?", re.I)
_SECTOR_NEAR = re.compile(r"\s+near\s+(?:the\s+)?(?:(?:town|city|village|settlement)s?\s+of\s+)?",
                          re.I)
#: A settlement name used for a unit around it ("the Krasnorichenske hromada").
_UNIT_AFTER = re.compile(r"\s+(?:hromada|community|district|raion|rayon|region|oblast|"
                         r"direction|axis|sector|front)\b", re.I)
#: A region's word after or before a name the gazetteer knows only as its capital ("the Kursk
#: region", "в Курской области", "im Gebiet Kursk"): the event is placed in the region.
_REGION_WORD_AFTER = re.compile(r"\s+(?:region|oblast|област\w*|обл\.)(?![^\W\d_])")
_REGION_WORD_BEFORE = re.compile(r"(?<![^\W\d_])(?:region|oblast|gebiet)\s+$")
#: Words every match of :data:`_ANAPHOR` contains (a cheap test before it).
_ANAPHOR_NOUNS = ("town", "city", "village", "settlement", "hamlet", "community")
_ANAPHOR = _caseless(
    r"\b(?:the|this|that)\s+(?:[a-z-]+\s+)?(?:town|city|village|settlement|hamlet|community)"
    r"(?:['’]s)?\b")
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–]|\s-\s|\b(?:but|while|whereas|although)\b", re.I)
#: Where a match of :data:`_CLAUSE_BREAK` can start (or, for "-", the character after), in any
#: part of the ASCII-lowered text. Found once per report, so that only these places are tried
#: (see :meth:`_Doc.clause_start`). Every alternative starts with a literal, so sre skips to
#: them quickly; "ı", "İ" and "ſ" are there because re.I matches them to "i" and "s".
_CLAUSE_BREAK_START = re.compile(r",|;|:|\(|\)|\[|\]|—|–|-|but|wh[iıİ]le|wherea[sſ]|although")
#: The one-character clause breaks (a match wherever they stand).
_CLAUSE_PUNCTUATION = frozenset(",;:()[]—–")

_MONTHS = ("january february march april may june july august september october november "
           "december").split()
_MONTH = "(?:" + "|".join(m.capitalize() for m in _MONTHS) + ")"
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_WEEKDAY = "(?:" + "|".join(d.capitalize() for d in _WEEKDAYS) + ")"
#: Months' usual abbreviations ("Dec. 3"; May has none), lower case; which end no sentence when
#: a day follows, and the same as written, with their dot, in a pattern.
_MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
_MONTH_ABBREVIATION = "(?:" + "|".join(sorted((a.capitalize() for a in _MONTH_ABBREVIATIONS),
                                              key=lambda a: (-len(a), a))) + r")\."
#: A day of the month, or a range of days ("3", "3rd", "29-30").
_DAYS = r"\d{1,2}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{1,2}(?:st|nd|rd|th)?)?"
_WHEN = re.compile(
    rf"\b(?:(?i:in|since|during|by|until|from|on|early|late|mid)[-\s]+)?"
    rf"(?:(?:early|late|mid)[-\s]+)?{_MONTH}(?:\s+{_DAYS})?(?:,?\s+\d{{4}})?\b|"
    rf"\b(?:(?i:since|by|until|from|on)\s+)?{_MONTH_ABBREVIATION}\s+{_DAYS}(?:,?\s+\d{{4}})?\b|"
    rf"\b(?:{_DAYS}\s+)" + _MONTH + r"(?:\s+\d{4})?\b|"
    r"\b(?i:(?:in|since|during|by|until)\s+(?:19|20)\d{2}\b|"
    r"last\s+(?:week|month|year|winter|summer|spring|autumn|fall|weekend)\b|"
    r"(?:\w+|\d+)\s+(?:days|weeks|months|years)\s+ago\b|"
    r"earlier\s+this\s+(?:week|month|year)\b)")
#: A weekday's name as written (it opens with a character class, so sre skips to it quickly),
#: and the words that may stand before and after it: "late on Wednesday", "on Monday morning".
_WEEKDAY_RE = re.compile(_WEEKDAY + r"\b")
_WEEKDAY_BEFORE = re.compile(r"\b(?:(?:early|late|overnight)\s+(?:on\s+)?|(?:on|since|by|until|"
                             r"last)\s+)$", re.I)
_WEEKDAY_AFTER = re.compile(r"\s+(?:morning|afternoon|evening|night)\b", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
#: A month, by the first three letters of its name or abbreviation, in a lowered phrase.
_MONTH_PREFIXES = [month[:3] for month in _MONTHS]
_MONTH_PREFIX = re.compile(r"\b(" + "|".join(_MONTH_PREFIXES) + ")")
_DAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\b")
#: What every match of :data:`_WHEN` contains: a month's name or abbreviation as written (they are
#: case-sensitive, so "mayor" is no cue), else, in the ASCII-lowered text, a year, "last" and a
#: space ("oblast," is no cue), "ago" or "earlier" (re.I matches "ſ" to "s"). A literal starts
#: each alternative, so sre skips to them quickly.
_MONTH_CUE = re.compile(_MONTH + "|" + _MONTH_ABBREVIATION)
_WHEN_CUE = re.compile(r"19\d\d|20\d\d|la[sſ]t\s|ago|earl")

# --- noun phrases -----------------------------------------------------------------------------

_SIDE = (r"(?:Russian|Ukrainian|Russia['’]s|Ukraine['’]s|Kyiv['’]s|Moscow['’]s|Belarusian|"
         r"North\s+Korean|Chechen|[Pp]ro-Russian|[Pp]ro-Kremlin|Kremlin-backed|[Ss]eparatist|"
         r"[Ee]nemy|[Oo]ccupying|[Ii]nvading|Wagner)")
_FORCE = (r"(?:troops|forces|[Aa]rmy|infantry(?:men)?|soldiers|servicemen|units?|military|"
          r"[Mm]arines|paratroopers|artillery|aviation|[Aa]ir\s+[Ff]orce|[Nn]avy|brigades?|"
          r"battalions?|regiments?|assault\s+(?:groups?|units?|troops|teams?|detachments?)|"
          r"sabotage\s+(?:groups?|units?)|(?:reconnaissance|recon)\s+(?:groups?|units?)|"
          r"fighters|defenders|(?:[Aa]rmed|[Dd]efen[cs]e|[Ss]pecial|[Aa]irborne|[Gg]round|"
          r"[Bb]order)\s+(?:[Ff]orces|troops|[Gg]uards?)|[Gg]eneral\s+[Ss]taff|mercenaries|"
          r"tanks|armou?red\s+vehicles|drones|helicopters|(?:war)?planes|jets|aircraft|"
          r"gunners|sappers|[Gg]rouping\s+of\s+[Ff]orces|invaders|occupiers|occupants|"
          r"aggressors?|armou?r)")
#: The groupings Russia's defence ministry credits in its reports (the "Center group of
#: forces", "Vostok grouping of troops") and Ukraine's operational-strategic groups, by the
#: names they go by in English.
_GROUPING = (r"(?:Sever|Zapad|Yug|Tsentr|Vostok|Dnepr|Dnieper|Dnipro|North|Northern|West|Western|"
             r"South|Southern|East|Eastern|Cent(?:er|re)|Central|Khortytsia|Khortytsya|Tavria|"
             r"Tavriia|Kursk)")
_ACTOR_RE = re.compile(
    rf"\b(?:(?:the|a|an)\s+)?{_SIDE}(?:\s+[a-z][\w-]*)?\s+{_FORCE}\b|"
    r"\b(?:the\s+)?(?:enemy|occupiers|invaders|Russians|Ukrainians|AFU|ZSU|Ruscists)\b|"
    r"\b(?:the\s+)?[Dd]efen[cs]e\s+[Ff]orces(?:\s+of\s+Ukraine)?\b|"
    r"\b(?:the\s+)?[Aa]rmed\s+[Ff]orces\s+of\s+(?:Ukraine|Russia|the\s+Russian\s+Federation)\b|"
    r"\b(?:the\s+)?\d+(?:st|nd|rd|th)\s+(?:[A-Z][\w-]*\s+){0,3}"
    r"(?:Brigade|Battalion|Regiment|Division|Corps|Army)\b|"
    rf"\b(?:the\s+)?(?:{_SIDE}\s+)?{_GROUPING}\s+(?:[Gg]roup(?:ing)?\s+of\s+(?:[Ff]orces|[Tt]roops)|"
    r"Group(?:ing)?)\b|"
    # air defence acts as "air defences", "air defence units" or "Ukrainian air defence"; bare
    # "air defence" is mostly a topic ("talks on air defence")
    rf"\b(?:the\s+)?(?:{_SIDE}\s+)?(?:[Aa]ir[-\s][Dd]efen[cs]e|[Aa]nti-?aircraft)"
    r"(?:s|\s+(?:units?|systems?|forces|crews?|gunners|teams?))\b|"
    rf"\b(?:the\s+)?{_SIDE}\s+[Aa]ir[-\s][Dd]efen[cs]e\b")
#: "its troops", "our soldiers": forces of the side of whoever speaks (see :func:`_own_forces`);
#: tried only where one of :data:`_OWN_WORDS` starts a word (see :meth:`_Doc.own_forces`).
_OWN_FORCES = re.compile(rf"\b(?:[Ii]ts|[Tt]heir|[Oo]ur)\s+(?:own\s+)?({_FORCE})\b")
_OWN_WORDS = ("its ", "their ", "our ")
#: The side a speaker or a sentence names: Ukraine's (group 1) or Russia's (group 2).
_SIDE_NAMED = re.compile(r"\b(?:(ukrain\w*|kyiv|kiev|zsu|afu)|(russia\w*|moscow|kremlin|wagner|"
                         r"chechen\w*))\b", re.I)
_AGENT_AFTER = re.compile(r"\W{0,3}(?:\w+\s+){0,2}?by\s+")
#: "Avdiivka fell to Russian forces": who took it follows.
_FELL_TO = re.compile(r"fell\s+to\s+", re.I)
_OBJECT_BEFORE = re.compile(r"\b(?:to|against|toward|towards|at|on|upon)\s+$", re.I)
_COUNTRY = re.compile(r"(?:the\s+)?(Russia|Ukraine|Kyiv|Moscow)\b")
_COUNTRY_SUBJECT = re.compile(
    r"\b(Russia|Ukraine|Kyiv|Moscow)\s+(?:(?:has|have|had|is|was|were|also|reportedly)\s+)?$")
#: What every match of :data:`_SIDE_BEFORE` contains in the folded copy (a cheap test first).
_SIDE_WORDS = ("russia", "ukrain", "enemy", "belarusian")
#: "is now under Russian control", "remains under Ukrainian control": the side whose control a
#: capture or control trigger names is its actor.
_CONTROL_HOLDER = re.compile(r"\bunder\s+(?:the\s+)?(?:full\s+|complete\s+|total\s+)?"
                             r"(Russian|Ukrainian|Russia['’]s|Ukraine['’]s)\s+control\b", re.I)
_CONTROL_KINDS = (EventKind.CAPTURE_CLAIM, EventKind.CONTROL_AFFIRMED)
#: A casualty trigger opening on one of these names its victims' side before it, not who
#: inflicted them.
_LOSS_WORDS = ("lost", "losing", "loses", "losses")
#: "seven Russian attempts", "a Russian drone attack": the side named as an adjective.
_SIDE_BEFORE = re.compile(
    r"\b(Russian|Ukrainian|Belarusian|Russia['’]s|Ukraine['’]s|enemy)\s+"
    rf"(?!(?:{_FORCE}|officials|authorities)\b)"
    r"(?:(?!(?:also|again|then|later|still|\w+ly)\b)[a-z-]+\s+)?$", re.I)

#: Words that can sit in a speaker's noun phrase in lower case (roles, bodies, adjectives).
ROLE_WORDS = frozenset("""
official officials spokesman spokeswoman spokesperson mayor governor ministry army forces military
minister ambassador envoy president head chief commander command staff administration office
authorities police service agency media sources source analysts analyst observers representative
representatives secretary adviser advisor aide leader leaders general lawmaker lawmakers deputy
prosecutor prosecutors council government residents witnesses correspondent journalists blogger
bloggers milblogger milbloggers monitor monitors group institute experts expert officer officers
soldier soldiers servicemen commanders spokespeople diplomat diplomats negotiator chancellor
premier foreign defense defence interior regional local senior top state press presidential former
acting exiled city town village district oblast military-civilian civil-military kremlin parliament
committee directorate headquarters operator operators outlet channel brigade battalion regiment
unit news state television tv newspaper website agency telegram network force air navy intelligence
guard guards troops sides project security border emergency emergencies rescue rescuers energy
""".split())
#: Roles of one person (for "he/she" and for "the mayor" to find its earlier full form).
PERSON_ROLES = frozenset("""
spokesman spokeswoman spokesperson mayor governor minister ambassador envoy president head chief
commander representative secretary adviser advisor aide leader general lawmaker deputy prosecutor
correspondent blogger milblogger analyst expert officer soldier diplomat negotiator chancellor
premier
""".split())
ORG_WORDS = frozenset("""
ministry army staff command office administration service agency council government kremlin
parliament committee directorate headquarters institute outlet channel police navy military
brigade battalion regiment unit group project
""".split())
#: Speakers named by a country, capital or body: "it", not "he".
ORG_NAMES = frozenset("""
russia ukraine kyiv moscow kremlin washington nato eu un pentagon belarus minsk beijing
""".split())
PLURAL_WORDS = frozenset("""
officials authorities sources analysts observers representatives forces troops residents
witnesses prosecutors journalists bloggers milbloggers monitors experts officers soldiers servicemen
commanders leaders lawmakers diplomats sides
""".split())
_DEMONYMS = frozenset("""
russian ukrainian russians ukrainians belarusian american european western british french german
polish chinese turkish israeli iranian north korean chechen soviet kremlin-backed
""".split())
_LEAD_STRIP = frozenset("""
but and also meanwhile however earlier later separately then further so yet in on at after before
while today yesterday tonight this that thus still moreover additionally instead
""".split()) | frozenset(_MONTHS) | frozenset(
    "monday tuesday wednesday thursday friday saturday sunday".split())
_SKIP_BEFORE_VERB = frozenset("""
has have had was were is are also repeatedly earlier later previously again then further reportedly
had would will separately publicly officially once
""".split())
_PRONOUNS = frozenset({"it", "he", "she", "they"})
_ANY_PRONOUN = _PRONOUNS | {"him", "her", "them"}
_CONNECTORS = frozenset({"of", "to", "for", "in", "at"})
_LEAD_OR_CONNECTOR = _LEAD_STRIP | _CONNECTORS
_POSSESSIVE = ("'s", "’s")

_SAY_VERB = re.compile(
    r"\b(?:said|says|say|told|tells|announced|announces|insisted|insists|reported|"
    r"reports(?!\s+(?:suggest|indicate|show|say|said)\w*)|"
    r"claimed|claims|claim(?=\s+(?:to\s+have|that|(?:full\s+|complete\s+|total\s+)?control)\b)|"
    r"stated|states|confirmed|confirms|added|adds|wrote|writes|posted|noted|notes|"
    r"assessed|assesses|estimated|estimates|concluded|concludes|indicated|suggested|"
    r"shows|showed|show|shown|indicates|indicate|suggests|suggest|"
    r"appears?\s+to\s+show|"
    r"denied|denies|warned|warns|declared|declares|acknowledged|acknowledges|admitted|admits|"
    r"explained|asserted|alleged|reiterated|stressed|emphasi[sz]ed|argued|tweeted|commented|"
    r"assured|maintained|maintains|conceded|informs|informed|rejected|rejects|dismissed|"
    r"dismisses|refuted|refutes|disputed|disputes|credited|credits)\b")
#: A source named before what it says ("according to X"). The "\b" adds nothing to the
#: lookbehind, but lets :class:`Starts` find where the pattern can match.
_ACCORDING = _caseless(
    r"\b(?<![\w-])(?:source:\s*|according\s+to|per|citing|cited\s+by|quoted\s+by|"
    r"(?:reported|stated|announced|claimed|said|confirmed|posted)\s+by)\s+")
#: What footage, imagery or reports are said to show: evidence is the source of what it shows
#: ("geolocated footage shows", "satellite images indicate", "unconfirmed reports suggest").
#: These are matches of :data:`_SAY_VERB`; those also in :data:`_SAY_VERBS` say something
#: whoever their subject is ("the ministry confirmed").
_EVIDENCE_VERBS = frozenset("""
shows showed show shown indicates indicate indicated suggests suggest suggested confirms confirmed
""".split())
_SAY_VERBS = frozenset("indicated suggested confirms confirmed".split())
#: What every evidence source names (a cheap test before :data:`_EVIDENCE_SOURCE`).
_EVIDENCE_NOUNS = ("footage", "video", "image", "photo", "picture", "report")
#: How far before its verb an evidence source may stand.
EVIDENCE_MAX_CHARS = 120
_EVIDENCE_SOURCE = re.compile(
    r"((?:(?:(?i:the|a|an|new|recent|latest|further|geo-?located|verified|unverified|unconfirmed|"
    r"published|released|satellite|drone|combat|aerial|media|social\s+media|amateur|several|"
    r"some|other)|[A-Z][\w'’-]*)\s+){0,3}"
    r"(?i:footage|videos?|imagery|images|photos|photographs|pictures|reports))"
    r"(?:\s+[\w'’-]+){0,5}?\s+$")
#: "Explosions were reported", "shelling was heard": a passive say-verb names no speaker
#: before it (its agent follows "by", which :data:`_ACCORDING` reads).
_BE_FORMS = frozenset("was were is are been being be".split())
_BE_ENDS = tuple(f" {word} " for word in _BE_FORMS)
#: What stands right before a passive say-verb: a form of "be", or an adverb after one.
_PASSIVE_ENDS = (*_BE_ENDS, "ly ", "also ")
_BACK_REFERENCE = re.compile(
    r"\W*(?:this|that|it|these|the\s+(?:news|information))\s+(?:was|were|has\s+been|had\s+been|"
    r"is)\s+(?:reported|stated|announced|confirmed|said|claimed|posted)\s+by\b", re.I)
#: What is left of a sentence that only names who said the sentences before it.
_ONLY_SAYS = re.compile(r"[\s,)]*(?:\([^()]{1,20}\))?[\s,]*" + _SAY_VERB.pattern
                        + r"(?:\s+(?:on|in|via)\s+[\w.' ]{1,30})?\W*")
#: What may stand between two speakers of such a sentence ("X and Y said", "X, Y reported").
_ONLY_JOINS = re.compile(r"[\s,;]*(?:(?:and|or|as\s+well\s+as)\b[\s,]*)?", re.I)
_ACTOR_STARTS = Starts.of(_ACTOR_RE)
#: Where a say-verb, "according to" or a denial can start in the folded copy: one scan finds the
#: places of all three (each is then also tried where only another can match, which costs less
#: than a scan each; see :meth:`_Doc.speech_cues`). The say-verbs are lower case and run over
#: the text: where one matches, the folded copy has the same letters after the same non-word
#: character.
_SPEECH_PREFIXES = (prefixes(_SAY_VERB), prefixes(_ACCORDING), prefixes(_DENIAL))
_SPEECH_STARTS = Starts(None if None in _SPEECH_PREFIXES
                        else frozenset().union(*_SPEECH_PREFIXES))
_PRONOUN_AFTER = re.compile(r"(?:him|her|them|it)\b", re.I)
#: A headline's source after a dash ("... – Ukrainska Pravda"), and a sentence's closing mark.
_HEADLINE_SOURCE = re.compile(r"\s[–—-]\s+([^–—\-.!?]{2,60})$")
_CLOSING_MARKS = ".!?\"”"
_TOKEN = re.compile(r"[\w'’-]+(?:\.[\w'’-]+)*|\S")
_QUOTE_CHARS = "\"“”«»"
_QUOTED = re.compile(r"[\"“«]([^\"“”«»]{3,}?)[\"”»]")


# --- sentences --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Sentence:
    """A sentence's span in the text (trimmed) and the paragraph it belongs to."""

    start: int
    end: int
    paragraph: int


#: Sentence punctuation (with closing quotes or brackets) before a space, or a line break. It
#: opens with a character class so that sre skips quickly to where it can match; the same as
#: ``[.!?…]+[\"'”’»)\]]*(?=\s)|\n``.
_BOUNDARY = re.compile(r"[.!?…\n](?:(?<=[.!?…])[.!?…]*[\"'”’»)\]]*(?=\s)|(?<=\n))")
_ABBREVIATIONS = frozenset("""
mr mrs ms dr gen lt col maj sgt capt cpt st prof sen rep gov adm cmdr jr sr vs etc no nos fig
approx est dept corp inc ltd co u.s u.k e.g i.e
""".split())
_WRAPPED_LINE_END = re.compile(
    r"(?:\b(?:of|the|a|an|and|or|to|in|on|at|by|for|from|with|near|into|that|as|than)|[-(/])"
    r"[ \t]*$", re.I)
_LEADING_JUNK = re.compile(r"[\s\-*•·–—>#]+")
#: The longest word :data:`_WRAPPED_LINE_END` ends a line on ("from", "into", ...).
_WRAP_WORD_CHARS = 4
_VISIBLE = re.compile(r"\S")
_WORD_BEFORE_DOT = re.compile(r"([\w.]+)[.]$")
#: A character for which ``str.isalnum`` is true (a word character other than "_").
_ALNUM = re.compile(r"[^\W_]")


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` with their paragraph numbers (see the module docstring)."""
    out: list[Sentence] = []
    paragraph = 0
    start = 0
    for match in _BOUNDARY.finditer(text):
        at, end = match.span()
        mark = text[at]  # "\n" is a match of its own, the others start with punctuation
        nxt = _next_visible(text, end)
        if mark == "\n":
            if nxt < 0:
                break
            blank = "\n" in text[end:nxt]
            if not blank and (text[nxt].islower() or _wrapped_line_end(text, at)):
                continue  # a wrapped line, the sentence goes on
            _emit(text, start, at, paragraph, out)
            start = end
            paragraph += 1
            continue
        if nxt >= 0 and text[nxt].islower():
            continue
        if mark == ".":
            word = _WORD_BEFORE_DOT.search(text[max(0, at - 12):at + 1])
            if word and (word.group(1).lower() in _ABBREVIATIONS
                         or (len(word.group(1)) == 1 and word.group(1).isupper())
                         or (nxt >= 0 and text[nxt].isdigit()
                             and word.group(1).lower() in _MONTH_ABBREVIATIONS)):
                continue
        _emit(text, start, end, paragraph, out)
        start = end
    _emit(text, start, len(text), paragraph, out)
    return out


def _next_visible(text: str, position: int) -> int:
    """Where the first character at or after ``position`` that is not a space stands, or -1.
    Most boundaries are followed by one space and a word: tested first, without a regex
    (``str.isspace`` is what ``\\s`` matches)."""
    if position + 1 < len(text) and text[position].isspace() \
            and not text[position + 1].isspace():
        return position + 1
    match = _VISIBLE.search(text, position)
    return match.start() if match else -1


def _wrapped_line_end(text: str, end: int) -> bool:
    """Whether the line ending at ``end`` ends on a word that wraps it ("of", "the", "-").

    Only the line's last word can match, so the search starts a few characters before it
    instead of at the start of the line (a paragraph can be one long line)."""
    line_start = text.rfind("\n", 0, end) + 1
    last = end
    while last > line_start and text[last - 1] in " \t":
        last -= 1
    return bool(_WRAPPED_LINE_END.search(text, max(line_start, last - _WRAP_WORD_CHARS), end))


def _emit(text: str, start: int, end: int, paragraph: int, out: list[Sentence]) -> None:
    while start < end:
        lead = _LEADING_JUNK.match(text, start, end) if not text[start].isalnum() else None
        if lead:
            start = lead.end()
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            return
        cut = end
        if end - start > MAX_SENTENCE_CHARS:
            space = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
            cut = space if space > start else start + MAX_SENTENCE_CHARS
        if text[start].isalnum() or _ALNUM.search(text, start, cut):
            piece_end = cut
            while piece_end > start and text[piece_end - 1].isspace():
                piece_end -= 1
            out.append(Sentence(start, piece_end, paragraph))
        start = cut


# --- triggers ---------------------------------------------------------------------------------

class _Trigger(NamedTuple):
    kind: EventKind
    start: int
    end: int
    negated: bool = False


def find_triggers(text: str, start: int = 0, end: int | None = None) -> list[tuple[EventKind,
                                                                                   int, int]]:
    """(kind, start, end) of every event trigger in ``text[start:end]``, in text order, with
    hypothetical ones left out (negated ones included)."""
    end = len(text) if end is None else end
    return [(t.kind, t.start, t.end) for t in _triggers(_Doc(text[:end]), start, end)]


class _Doc:
    """A report's text with what is found in it once per report: each trigger pattern's matches
    (on an ASCII-lowered copy) and the places where a clause break can start. Sentences and
    mentions look these up instead of rescanning the text.

    ``folded`` is the lowered copy with the few other characters re.I matches to an ASCII letter
    replaced by it (see :data:`_FOLD`); :func:`_caseless` patterns run over it."""

    def __init__(self, text: str) -> None:
        self.text = text
        encoded = text.encode("utf-8", "surrogatepass")
        self.lowered = lowered = _ascii_lower(encoded)
        self.folded = lowered.translate(_FOLD) if any(c in lowered for c in "İıſ\u212a") \
            else lowered
        #: The other languages the report is written in (see :mod:`geo.event_languages`), and
        #: the text fully lowered for their lexicons (the lowered copy when there are none).
        self.languages: tuple[CompiledLanguage, ...] = tuple(
            COMPILED[language.name] for language in active_languages(encoded, lowered))
        self.native = _full_lower(text) if self.languages else lowered
        self.trigger_spans = _trigger_spans(lowered) + _foreign_trigger_spans(self.native,
                                                                              self.languages)
        self.break_starts = _break_starts(text, lowered)
        self._reference: dict[int, bool] = {}
        self._speech: list[int] | None = None
        self._own: tuple[list[int], list[re.Match[str]]] | None = None
        #: Whether "took", "taken", "take", "occupied" ... can stand anywhere (see
        #: :data:`_TAKEN_BEFORE`, :data:`_OCCUPIED_BEFORE`).
        self.may_take = "too" in lowered or "tak" in lowered or "occupied" in lowered
        #: Whether "hit" can stand anywhere (see :data:`_HIT_BEFORE`).
        self.may_hit = "hit" in lowered
        self._aside: dict[tuple[int, int, MentionKind], bool] = {}

    def is_reference(self, mention: Mention) -> bool:
        """Whether a place is named only as a reference ("south of Pokrovsk"); worked out
        once per mention, not once per trigger that weighs it."""
        known = self._reference.get(mention.start)
        if known is None:
            known = self._reference[mention.start] = _is_reference(self.folded, mention) \
                or (bool(self.languages) and self._foreign_reference(mention))
        return known

    def _foreign_reference(self, mention: Mention) -> bool:
        """Whether another language of the report names the place as a reference ("на північ
        від Донецька", "в 50 км от Донецка"; see ``Language.reference_before``)."""
        lo = max(0, mention.start - REFERENCE_REACH)
        return any(language.reference_before.search(self.native, lo, mention.start)
                   for language in self.languages)

    def anaphor(self, s: int, e: int) -> bool:
        """Whether ``text[s:e]`` points back at a place in another language of the report
        ("захопили місто", "бои за город"; see ``Language.anaphor``)."""
        return any(language.anaphor.search(self.native, s, e) for language in self.languages)

    def is_aside(self, mention: Mention) -> bool:
        """Whether a place is named only as a reference or for its government."""
        key = (mention.start, mention.end, mention.kind)
        known = self._aside.get(key)
        if known is None:
            known = self._aside[key] = self.is_reference(mention) \
                or _is_metonymy(self.folded, mention) \
                or bool(self.languages) and self._foreign_metonymy(mention)
        return known

    def _foreign_metonymy(self, mention: Mention) -> bool:
        """Whether a settlement is a speaker in another language of the report: a say-verb or
        denying verb right after it ("Moskau meldete", "ce que Kiev dément", "Kiev
        desmintió"), as English "Kyiv denied" (:data:`_METONYMY_AFTER`)."""
        if mention.kind is not MentionKind.SETTLEMENT:
            return False
        native, at = self.native, mention.end
        if not native[at:at + 1].isspace():
            return False
        at += 1
        for language in self.languages:
            if language.say.match(native, at):
                return True
            found = language.denial.match(native, at)
            if found and found.group("verb"):
                return True
        return False

    def speech_cues(self, pattern: re.Pattern[str], text: str, lo: int, hi: int
                    ) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text, lo, hi)`` for :data:`_SAY_VERB` over the text, or
        :data:`_ACCORDING` or :data:`_DENIAL` over the folded copy, tried only where one of the
        three can start (:data:`_SPEECH_STARTS`, found in the folded copy at the first call)."""
        if self._speech is None:
            self._speech = _SPEECH_STARTS.find(self.folded)
        return finditer_at(pattern, text, self._speech, lo, hi)

    def own_forces(self) -> tuple[list[int], list[re.Match[str]]]:
        """The starts and matches of :data:`_OWN_FORCES` ("its troops") in the text, in order,
        tried only where one of :data:`_OWN_WORDS` starts a word of the lowered copy (a few
        string searches cost less than a regex scan); found at the first call."""
        if self._own is None:
            text, lowered = self.text, self.lowered
            found = []
            for word in _OWN_WORDS:
                at = lowered.find(word)
                while at >= 0:
                    if at == 0 or not text[at - 1].isalnum():
                        match = _OWN_FORCES.match(text, at)
                        if match:
                            found.append(match)
                    at = lowered.find(word, at + 1)
            found.sort(key=lambda match: match.start())
            self._own = [match.start() for match in found], found
        return self._own

    def clause_start(self, s: int, position: int) -> int:
        """End of the last clause break before ``position`` (at most CLAUSE_BACK_CHARS back,
        not before ``s``), else ``s``: what ``_CLAUSE_BREAK.finditer`` over that window gives,
        tried only where a break can start."""
        text, starts = self.text, self.break_starts
        lo = max(s, position - CLAUSE_BACK_CHARS)
        last, cursor = s, lo
        for i in range(bisect.bisect_left(starts, lo), len(starts)):
            at = starts[i]
            if at >= position:
                break
            if at < cursor:
                continue  # inside the break found before (finditer does not overlap)
            if text[at] in _CLAUSE_PUNCTUATION:
                cursor = at + 1
            else:
                match = _CLAUSE_BREAK.match(text, at, position)
                if match is None:
                    continue
                cursor = match.end()
            last = cursor
        return last

    def next_break(self, lo: int, hi: int) -> int:
        """Start of the first clause break in ``text[lo:hi]`` (``_CLAUSE_BREAK.search``), or -1."""
        text, starts = self.text, self.break_starts
        for i in range(bisect.bisect_left(starts, lo), len(starts)):
            at = starts[i]
            if at >= hi:
                break
            if text[at] in _CLAUSE_PUNCTUATION or _CLAUSE_BREAK.match(text, at, hi):
                return at
        return -1

    def clause_bounds(self, s: int, e: int, position: int) -> tuple[int, int]:
        """The clause of the sentence ``text[s:e]`` that holds ``position``."""
        following = self.next_break(position, min(e, position + CLAUSE_AHEAD_CHARS))
        return self.clause_start(s, position), following if following >= 0 else e


def _ascii_lower(encoded: bytes) -> str:
    """The text (``encoded``: in UTF-8) with A-Z lowered and every other character kept (same
    length, same offsets).

    ``bytes.lower`` lowers only A-Z, and in UTF-8 every other character is made of bytes
    above 0x7f, so lowering the encoded text does it (much faster than ``str.translate``, and
    than ``str.lower`` once a dash or a quote makes the text non-ASCII). "surrogatepass" lets
    lone surrogates (which can come from a JSON input) through unchanged."""
    return encoded.lower().decode("utf-8", "surrogatepass")


def _full_lower(text: str) -> str:
    """``text`` lowered letter by letter (Cyrillic, umlauts ...), same length, same offsets: a
    letter whose lower case is longer ("İ") is kept."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _foreign_trigger_spans(native: str, languages: Sequence[CompiledLanguage]
                           ) -> tuple[tuple[EventKind, tuple[tuple[int, int], ...]], ...]:
    """Each of the other languages' trigger patterns' matches in the fully lowered text, after
    the English ones (an English match claims its span first). The languages' lexicons are
    interleaved, each one's first entry, then each one's second ...: every lexicon lists the
    specific before the general, and Ukrainian and Russian share many words, so a Russian
    "атаковали беспилотниками" (a strike) is not claimed by the Ukrainian "атак" (an assault)
    that would come first if the lexicons were tried one after the other."""
    entries = [entry for rank in itertools.zip_longest(*(language.triggers
                                                          for language in languages))
               for entry in rank if entry is not None]
    return tuple((kind, tuple(match.span() for match in pattern.finditer(native)))
                 for kind, pattern in entries)


def _trigger_spans(lowered: str) -> tuple[tuple[EventKind, tuple[tuple[int, int], ...]], ...]:
    """Each trigger pattern's matches in the lowered text, as its ``finditer`` gives them.

    One scan finds the word starts where some pattern can match; each pattern is then tried
    only at those where its own prefixes stand."""
    tries: list[list[int]] = [[] for _ in _TRIGGER_RES]
    for at in _TRIGGER_STARTS.find(lowered):
        for n in _TRIGGER_PREFIX_LENGTHS:
            for i in _TRIGGERS_BY_PREFIX.get(lowered[at:at + n], ()):
                tries[i].append(at)
        for i in _TRIGGERS_ANYWHERE:
            tries[i].append(at)
    end = len(lowered)
    return tuple((kind, tuple(match.span() for match in finditer_at(pattern, lowered, ats, 0, end)))
                 for (kind, pattern), ats in zip(_TRIGGER_RES, tries, strict=True))


def _break_starts(text: str, lowered: str) -> list[int]:
    """Every place where a match of :data:`_CLAUSE_BREAK` can start (and a few where none
    does), in text order."""
    starts = []
    for match in _CLAUSE_BREAK_START.finditer(lowered):
        at = match.start()
        if lowered[at] != "-":
            starts.append(at)
        elif at > 0 and text[at - 1].isspace():  # the space of " - "
            starts.append(at - 1)
    return starts


def _triggers(doc: _Doc, s: int, e: int, places: Sequence[Mention] = ()) -> list[_Trigger]:
    """The triggers of the sentence ``text[s:e]``: the lexicons' (see :data:`TRIGGERS`),
    "took"/"taken" (or troops' "occupied") right before one of its settlements (``places``), a
    capture, and "hit" right before one of its settlements or facilities, a strike."""
    taken: list[tuple[int, int]] = []
    found: list[_Trigger] = []

    def add(kind: EventKind, a: int, b: int) -> None:
        taken.append((a, b))
        if doc.text[a].isupper() and _UNIT_NAME_REST.match(doc.text, b, e):
            return  # "the 3rd Assault Brigade": a unit's name, not an assault
        before = doc.folded[max(doc.clause_start(s, a), a - CUE_MAX_CHARS):a]
        if kind is not K.CONTROL_AFFIRMED and _HYPOTHETICAL.search(before) \
                and not _HEDGED_PAST.search(before) \
                and not (kind is K.EVACUATION and _EVACUATION_CALL.search(before)):
            return
        if kind is K.STRIKE and _SUPPLY.search(before):
            return
        native = doc.native[max(doc.clause_start(s, a), a - CUE_MAX_CHARS):a] \
            if doc.languages else ""
        if native and kind is not K.CONTROL_AFFIRMED and any(
                language.hypothetical.search(native) for language in doc.languages):
            return  # "щоб уникнути оточення": a purpose, no encirclement
        negated = _has_any(before, _NEGATION_WORDS, 0, len(before)) \
            and _NEGATION.search(before) is not None
        if native and not negated:
            negated = any(language.negation.search(native)
                          or language.negation_after.match(doc.native, b, e)
                          for language in doc.languages)
        found.append(_Trigger(kind, a, b, negated=negated))

    airfield: bool | None = None
    for kind, spans in doc.trigger_spans:
        lo = bisect.bisect_left(spans, (s, -1))
        for a, b in spans[lo:]:
            if a >= e:
                break
            if b > e:
                continue
            if any(a < y and x < b for x, y in taken):
                continue
            if kind is K.INTERCEPTION and _GROUNDED_AIRCRAFT.fullmatch(doc.folded, a, b):
                if airfield is None:
                    airfield = _AIRFIELD_WORDS.search(doc.folded, s, e) is not None
                if airfield:
                    kind = K.STRIKE
            add(kind, a, b)
    for kind, may, kinds, ends, verbs in (
            (K.CAPTURE_CLAIM, doc.may_take, (MentionKind.SETTLEMENT,), _TAKEN_ENDS,
             (_TAKEN_BEFORE, _OCCUPIED_BEFORE)),
            (K.STRIKE, doc.may_hit, _POINT_KINDS, _HIT_ENDS, (_HIT_BEFORE,))):
        for mention in places if may else ():
            if mention.kind in kinds and (verb := _verb_before(doc, s, mention, ends, verbs)) \
                    and not any(verb.start() < y and x < verb.end() for x, y in taken):
                add(kind, *verb.span(1))
    found.sort(key=lambda t: t.start)
    return found


def _verb_before(doc: _Doc, s: int, mention: Mention, ends: tuple[str, ...],
                 verbs: Sequence[re.Pattern[str]]) -> re.Match[str] | None:
    """The first of ``verbs`` (patterns over the folded text, the verb in group 1) that ends
    right before ``mention``, within TAKEN_MAX_CHARS and its sentence (from ``s``): "took
    Vuhledar", "hit the Saky airbase"; tried only when that text ends with one of ``ends``."""
    lo = max(s, mention.start - TAKEN_MAX_CHARS)
    if not doc.folded[lo:mention.start].rstrip().endswith(ends):
        return None
    return next((verb for pattern in verbs
                 if (verb := pattern.search(doc.folded, lo, mention.start))), None)


# --- speakers ---------------------------------------------------------------------------------

class _Attribution(NamedTuple):
    who: str
    anchor: int   # where the attribution stands in the text (its verb or phrase)
    span: tuple[int, int] = (0, 0)  # the speaker's words in this sentence (empty if carried)
    # Set off by commas after what it attributes (", the mayor said,", ", according to X."):
    # it speaks for the clause before it, not for what follows. Worked out only in sentences
    # of two attributions or more, the only ones where it matters (see _claimant_before).
    trailing: bool = False
    end: int = 0  # where the attribution's words end (its say-verb or phrase)


#: What ends the clause an attribution closes: a comma, a full stop, a closing quote...
_ATTRIBUTION_END = re.compile(r"\s*(?:[,.;:!?)\"”’]|$)")


#: The words before a speaker's name that may stand between it and the comma setting the
#: attribution off (", the port's mayor said,").
_SET_OFF_BEFORE = re.compile(r"[,—–]\s*(?:[\w'’.-]+\s+){0,3}$")


def _is_trailing(text: str, s: int, e: int, start: int, end: int) -> bool:
    """Whether the attribution ``text[start:end]`` (speaker and verb) is set off after what it
    attributes: a comma or dash before it (a few words of its noun phrase between), the
    clause's end after it."""
    return _ATTRIBUTION_END.match(text, end, e) is not None \
        and _SET_OFF_BEFORE.search(text, max(s, start - 40), start) is not None


class _Speakers:
    """Claimants named so far: resolves pronouns, bare surnames and "the ministry"."""

    def __init__(self) -> None:
        self.named: list[str] = []
        self.last = {"any": "", "person": "", "org": "", "group": ""}

    def resolve(self, who: str) -> str:
        low = who.lower().strip()
        if low in _PRONOUNS or low in {"him", "her", "them"}:
            kind = {"it": "org", "he": "person", "she": "person", "him": "person",
                    "her": "person", "they": "group", "them": "group"}[low]
            found = self.last[kind] or (self.last["org"] if kind == "group" else "")
            return found or self.last["any"]
        return self._expand(who)

    def _expand(self, who: str) -> str:
        words = who.split()
        caps = [w for w in words if w[:1].isupper()]
        if caps and len(words) <= 3:
            surname = caps[-1].rstrip(",")
            if surname.lower() not in ROLE_WORDS and surname.lower() not in _DEMONYMS:
                for earlier in reversed(self.named):
                    name_part = earlier.split(",")[0].split()
                    earlier_words = {w.strip(",.()") for w in earlier.split()}
                    if len(earlier) > len(who) and name_part and name_part[-1] == surname \
                            and all(c.strip(",.()") in earlier_words for c in caps):
                        return earlier
        if len(words) == 2 and words[0].lower() == "the" and words[1].lower() in ROLE_WORDS:
            role = words[1].lower()
            for earlier in reversed(self.named):
                if earlier.lower() != who.lower() and role in earlier.lower().replace(",", " ") \
                        .split():
                    return earlier
        return who

    def add(self, who: str) -> None:
        if not who:
            return
        if who in self.named:
            self.named.remove(who)
        self.named.append(who)
        del self.named[:-MAX_SPEAKERS]
        self.last["any"] = who
        self.last[_speaker_kind(who)] = who


@lru_cache(maxsize=4096)
def _speaker_kind(who: str) -> str:
    """"person", "org" or "group": what a claimant's name names (a pure function of the
    name, cached: reports name the same speakers again and again)."""
    raw = [w.strip(",.()") for w in who.split(",")[0].split()]
    words = [w.lower() for w in raw]
    if any(w in ORG_NAMES for w in words):
        return "org"
    if raw and all(w.isupper() or "." in w for w in raw if w[:1].isupper()) \
            and any(len(w) > 1 and (w.isupper() or "." in w) for w in raw):
        return "org"  # "RIA", "ISW", "Censor.NET"
    if any(w in PERSON_ROLES for w in words):
        return "person"
    if any(w in PLURAL_WORDS for w in words):
        return "group"
    if any(w.rstrip("'’s") in ORG_WORDS or w in ORG_WORDS for w in words):
        return "org"
    caps = [w for w in who.split(",")[0].split() if w[:1].isupper()]
    if caps and all(c.lower() in _DEMONYMS for c in caps):
        return "group"
    return "person" if caps else "org"


def _tokens(text: str, s: int, e: int) -> list[re.Match]:
    return list(_TOKEN.finditer(text, s, e))


def _without_possessive(word: str) -> str:
    """``word`` without a final "'s" (a word, so no line break for "$" to stop before)."""
    return word[:-2] if word.endswith(_POSSESSIVE) else word


def _np_word(token: str) -> bool:
    low = token.lower()
    base = _without_possessive(low)
    return (token[:1].isupper() or base in ROLE_WORDS or low in {"the", "a", "an"}
            or ("-" in token and token.replace("-", "").isalpha())
            or (low[:1].isdigit() and bool(_ORDINAL.fullmatch(low))))


#: How far before its verb a subject is looked for.
SUBJECT_MAX_CHARS = 250
#: The window read first: the whole SUBJECT_MAX_CHARS only when what :func:`_subject_ending`
#: reads may reach the start of it (see :data:`_SUBJECT_REACH`).
SUBJECT_NEAR_CHARS = 100
#: :func:`_subject_ending` reads at most 11 tokens before the last word it does not skip; a
#: window starting inside a word cuts it into up to two tokens. So where that word is token 13
#: or later of the near window, both windows give the same subject.
_SUBJECT_REACH = 13


def _subject_before(text: str, s: int, verb_start: int) -> tuple[int, int] | None:
    """Span of the noun phrase right before a reporting verb (skipping "has repeatedly",
    "on Thursday", "(MoD)"), or None. Tokenizes the near window first: most subjects are
    found there, and tokenizing costs by the character."""
    lo = max(s, verb_start - SUBJECT_MAX_CHARS)
    near = verb_start - SUBJECT_NEAR_CHARS
    if near > lo:
        toks = _tokens(text, near, verb_start)
        i = _skip_before_verb(toks)
        if i >= _SUBJECT_REACH:
            return _subject_ending(toks, i)
    toks = _tokens(text, lo, verb_start)
    return _subject_ending(toks, _skip_before_verb(toks))


def _skip_before_verb(toks: Sequence[re.Match[str]]) -> int:
    """Index of the last token before a verb that is not skipped ("has repeatedly", "on
    Thursday", "(MoD)"); -1 if none."""
    i = len(toks) - 1
    while i >= 0:
        low = toks[i].group().lower()
        if low in _SKIP_BEFORE_VERB or (low.endswith("ly") and low.isalpha() and len(low) > 4):
            i -= 1
        elif toks[i].group() == ")" and i >= 2 and toks[i - 2].group() == "(":
            i -= 3
        elif low in _LEAD_STRIP and i > 0 and toks[i - 1].group().lower() == "on":
            i -= 2
        else:
            break
    return i


def _subject_ending(toks: Sequence[re.Match[str]], i: int) -> tuple[int, int] | None:
    """Span of the noun phrase ending with token ``i`` (a pronoun alone), or None."""
    if i < 0:
        return None
    if toks[i].group().lower() in _PRONOUNS:
        return toks[i].start(), toks[i].end()
    end_index = i
    first = None
    while i >= 0 and end_index - i < 10:
        tok = toks[i].group()
        low = tok.lower()
        if low in _CONNECTORS and first is not None and i > 0 and _np_word(toks[i - 1].group()) \
                and toks[i - 1].group().lower() not in {"the", "a", "an"}:
            i -= 1
            continue
        if not _np_word(tok) or low in _CONNECTORS:
            break
        first = i
        if low in {"the", "a", "an"}:
            if i >= 2 and toks[i - 1].group().lower() in _CONNECTORS \
                    and _np_word(toks[i - 2].group()) \
                    and toks[i - 2].group().lower() not in {"the", "a", "an"}:
                i -= 2
                continue
            break
        i -= 1
    if first is None:
        return None
    while first <= end_index and toks[first].group().lower() in _LEAD_OR_CONNECTOR:
        first += 1
    if first > end_index:
        return None
    return toks[first].start(), toks[end_index].end()


def _phrase_after(text: str, position: int, e: int) -> tuple[int, int] | None:
    """Span of the noun phrase starting at ``position`` (for "according to X", "said X")."""
    toks = _tokens(text, position, min(e, position + 250))
    last = None
    for n, match in enumerate(toks):
        tok = match.group()
        low = tok.lower()
        if n > 10:
            break
        if low in _CONNECTORS and last is not None and n + 1 < len(toks) \
                and _np_word(toks[n + 1].group()):
            continue
        if not _np_word(tok) or low in _CONNECTORS:
            break
        if low in _LEAD_STRIP and last is None:
            break
        last = n
    if last is None:
        return None
    return toks[0].start(), toks[last].end()


#: "the 47th Mechanized Brigade": an ordinal may stand in a speaker's name.
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
_APPOSITIVE = re.compile(r",\s*((?:the|a|an|its|his|her)\s+|(?=[a-z]))([^,;.!?\"“”()]{2,90}?)"
                         r"(?=\s*(?:\([^()]{1,20}\)\s*)?(?:[,;.!?\"”]|$|\s+(?:said|told|to)\b))")


_NAME_AFTER = re.compile(r",\s*([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})(?=\s*(?:[,;.!?)]|$))")


def _with_appositive(text: str, span: tuple[int, int], e: int) -> tuple[int, int]:
    """Extend a name with a following appositive that gives a role ("X, the town's mayor"),
    or a role with the name that follows it ("the head of the RMA, Serhii Haidai")."""
    match = _APPOSITIVE.match(text, span[1], e)
    if match and any(w.strip("'’s").lower() in ROLE_WORDS or w.lower() in ROLE_WORDS
                     for w in match.group(2).split()):
        return span[0], match.end(2)
    name = _NAME_AFTER.match(text, span[1], e)
    if name and any(w.lower() in PERSON_ROLES for w in text[span[0]:span[1]].split()):
        return span[0], name.end(1)
    return span


@lru_cache(maxsize=4096)
def _is_speaker(phrase: str) -> bool:
    """Whether a noun phrase can name a speaker: a role, or a name that is not only a
    demonym (cached per phrase, as :func:`_speaker_kind`)."""
    words = [w.strip(",.()'’") for w in phrase.split()]
    lows = [_without_possessive(w.lower()) for w in words]
    if not words or all(w in {"the", "a", "an"} for w in lows):
        return False
    if any(w in ROLE_WORDS for w in lows):
        return True
    caps = [w for w in words if w[:1].isupper()]
    if not caps or all(c.lower().rstrip("'’s") in _DEMONYMS or c.lower() in _DEMONYMS
                       for c in caps):
        return False
    return not (len(caps) == 1 and caps[0].lower() in _LEAD_STRIP)


def _attributions(doc: _Doc, s: int, e: int, speakers: _Speakers) -> list[_Attribution]:
    text = doc.text
    found: list[_Attribution] = []

    def add(span: tuple[int, int] | None, anchor: int, appositive: bool,
            verb_end: int | None = None) -> None:
        """``verb_end``: where the say-verb ends (None: the phrase is the attribution's end)."""
        if span is None:
            return
        phrase = text[span[0]:span[1]]
        if phrase.lower() in _ANY_PRONOUN:
            who = speakers.resolve(phrase)
            if who:
                found.append(_Attribution(who, anchor, span, end=ending(span, verb_end)))
            return
        if not _is_speaker(phrase):
            return
        if appositive:
            span = _with_appositive(text, span, e)
        # "Moscow's claim that ...": the speaker is Moscow
        who = speakers.resolve(_without_possessive(text[span[0]:span[1]].strip(" ,")))
        found.append(_Attribution(who, anchor, span, end=ending(span, verb_end)))
        speakers.add(who)

    def ending(span: tuple[int, int], verb_end: int | None) -> int:
        return max(span[1], verb_end if verb_end is not None else span[1])

    for match in doc.speech_cues(_ACCORDING, doc.folded, s, e):
        pronoun = _PRONOUN_AFTER.match(text[match.end():e])
        if pronoun:
            add((match.end(), match.end() + pronoun.end()), match.start(), False)
        else:
            add(_phrase_after(text, match.end(), e), match.start(), True)
    for n, match in enumerate(doc.speech_cues(_SAY_VERB, text, s, e)):
        if n >= MAX_ATTRIBUTIONS:
            break
        verb = match.group()
        if verb in _EVIDENCE_VERBS or verb.startswith("appear"):
            lo = max(s, match.start() - EVIDENCE_MAX_CHARS)
            source = _EVIDENCE_SOURCE.search(text, lo, match.start()) \
                if any(doc.lowered.find(noun, lo, match.start()) >= 0 for noun in _EVIDENCE_NOUNS) \
                else None
            if source:
                found.append(_Attribution(source.group(1), source.start(1), source.span(1)))
                continue
            if verb not in _SAY_VERBS:
                continue  # "the map shows": nobody says anything
        before = text[max(s, match.start() - 3):match.start()]
        if _passive(text, s, match.start()) or text.startswith(" by ", match.end(), e):
            continue  # "explosions were reported", "footage posted by X": passive
        span = _subject_before(text, s, match.start())
        if span is None and before.strip()[-1:] == ",":
            span = _subject_with_appositive(text, s, match.start())
        if span is None and (not before.strip() or before.strip()[-1:] in ",\"”’'—–-"):
            add(_phrase_after(text, match.end(), e), match.start(), True, match.end())
        else:
            add(span, match.start(), False, match.end())
    for language in doc.languages:
        for who, anchor, span in _foreign_attributions(doc, language, s, e):
            found.append(_Attribution(who, anchor, span))
            speakers.add(who)
    headline = None if _closed(text, s, e) \
        else _HEADLINE_SOURCE.search(text, s, e)
    if headline:
        start = headline.start(1)
        tail = _phrase_after(text, start, e)
        if tail is not None and tail[1] == e:  # the whole tail names the source
            add(tail, start, False)
    found.sort(key=lambda a: a.anchor)
    if len(found) > 1:
        found = [a._replace(trailing=_is_trailing(text, s, e, min(a.span[0], a.anchor), a.end))
                 if a.end else a for a in found]
    return found


def _closed(text: str, s: int, e: int) -> bool:
    """Whether ``text[s:e]`` ends with a closing mark (:data:`_CLOSING_MARKS`), or with one
    and a line break."""
    last = text[e - 1]
    return last in _CLOSING_MARKS or (last == "\n" and e - 2 >= s
                                      and text[e - 2] in _CLOSING_MARKS)


def _has_any(text: str, words: Sequence[str], lo: int, hi: int) -> bool:
    """Whether one of ``words`` stands in ``text[lo:hi]``: a few string searches, much cheaper
    than a regex search that tries every position, to skip one that cannot match. A loop:
    any() over a generator would cost about twice as much."""
    for word in words:  # noqa: SIM110
        if text.find(word, lo, hi) >= 0:
            return True
    return False


#: What may stand right before a say-verb whose speaker follows it (", повідомив X").
_SPEAKER_AFTER_MARKS = ",\"”’'—–-:«»"
#: At most this many words, and characters, in a speaker's phrase in another language.
FOREIGN_SPEAKER_WORDS = 6
FOREIGN_SPEAKER_CHARS = 200


def _foreign_attributions(doc: _Doc, language: CompiledLanguage, s: int, e: int
                          ) -> list[tuple[str, int, tuple[int, int]]]:
    """(speaker, anchor, span) of each attribution of the sentence ``text[s:e]`` in
    ``language``: "за словами X", "laut X"; "X заявило", ", повідомив X", "teilte X mit"."""
    text, native = doc.text, doc.native
    found = []
    covered: list[tuple[int, int]] = []
    for match in language.according.finditer(native, s, e):
        covered.append(match.span())
        span = _foreign_speaker(doc, language, match.end(), e, forward=True)
        if span is not None:
            found.append((text[span[0]:span[1]], match.start(), span))
    for match in language.say.finditer(native, s, e):
        if any(a <= match.start() < b for a, b in covered):
            continue  # "як повідомив X": read as "according to X"
        before = text[s:match.start()].rstrip()
        span = None
        if before and before[-1] not in _SPEAKER_AFTER_MARKS:
            span = _foreign_speaker(doc, language, match.start(), s, forward=False)
        if span is None:
            span = _foreign_speaker(doc, language, match.end(), e, forward=True)
        if span is not None:
            found.append((text[span[0]:span[1]], match.start(), span))
    return found


def _foreign_speaker(doc: _Doc, language: CompiledLanguage, position: int, limit: int,
                     forward: bool) -> tuple[int, int] | None:
    """Span of the speaker's noun phrase after (``forward``) or before a cue at ``position``,
    not past ``limit``: names (capitalized words) and the language's role words, at most
    FOREIGN_SPEAKER_WORDS of them; skipping words such as "також" between it and the cue."""
    text, native, lexicon = doc.text, doc.native, language.language
    window = (position, min(limit, position + FOREIGN_SPEAKER_CHARS)) if forward \
        else (max(limit, position - FOREIGN_SPEAKER_CHARS), position)
    tokens = list(_TOKEN.finditer(text, *window))
    if not forward:
        tokens.reverse()
    words: list[re.Match[str]] = []
    for token in tokens:
        low = native[token.start():token.end()]
        if not words and low in lexicon.skip_words:
            continue
        if forward and low in lexicon.leading and all(
                native[w.start():w.end()] in lexicon.leading for w in words):
            words.append(token)  # "заявили в Генштабі": left off below
            continue
        if low in lexicon.particles or len(words) >= FOREIGN_SPEAKER_WORDS:
            break
        if not (token.group()[:1].isupper() or language.role_words.fullmatch(low)) \
                or not token.group()[:1].isalnum():
            break
        words.append(token)
    if not forward:
        words.reverse()
    while words and native[words[0].start():words[0].end()] in lexicon.leading:
        del words[0]
    if not words:
        return None
    return words[0].start(), words[-1].end()


def _passive(text: str, s: int, verb_start: int) -> bool:
    """Whether the verb at ``verb_start`` (a say-verb, a trigger) follows a form of "be"
    ("were reported", "was also confirmed"): see :data:`_BE_FORMS`."""
    lo = max(s, verb_start - 30)
    if not text.endswith(_PASSIVE_ENDS, lo, verb_start):
        return False  # most say-verbs: one test
    if text.endswith(_BE_ENDS, lo, verb_start):
        return True
    words = text[lo:verb_start].lower().split()
    return len(words) > 1 and words[-2] in _BE_FORMS


def _only_attribution(text: str, s: int, e: int, attributions: Sequence[_Attribution]) -> bool:
    """"This was reported by X." / "X, the head of Y, reported.": the sentence only says who
    said what the sentences before it said."""
    if not attributions or attributions[0].span[1] <= attributions[0].span[0]:
        return False  # none, or a speaker carried over from the sentence before
    if _BACK_REFERENCE.match(text, s, e):
        return True
    first, last = attributions[0].span, attributions[-1].span
    if text[s:first[0]].strip():
        return False  # something is said before the speaker
    for before, after in itertools.pairwise(attributions):
        gap = text[before.span[1]:after.span[0]]
        if not (_ONLY_JOINS.fullmatch(gap) or _ONLY_SAYS.fullmatch(gap)):
            return False  # "X said they had taken Y, a claim Z denied": something is said
    rest = text[last[1]:e]
    return bool(_ONLY_SAYS.fullmatch(rest))


def _subject_with_appositive(text: str, s: int, verb_start: int) -> tuple[int, int] | None:
    """"Andriy Besedin, the town's mayor, said" / "the head of X, Oleh Syniehubov, said"."""
    comma = text.rfind(",", s, verb_start)
    previous = text.rfind(",", s, comma)
    if comma < 0 or previous < 0 or comma - previous > 100:
        return None
    inner = _subject_before(text, s, comma)
    outer = _subject_before(text, s, previous)
    if inner is None or outer is None:
        return None
    return outer[0], inner[1]


#: A clause opening with its own speaker right before the speaker's words (", and Russian
#: sources claimed", ", while Russian authorities said"), read up to NEW_CLAUSE_REACH back.
_NEW_CLAUSE_BEFORE = re.compile(r",\s+(?:and|while|whereas|but)\s+(?:the\s+)?\Z", re.I)
NEW_CLAUSE_REACH = 20


def _claimant_before(position: int, attributions: Sequence[_Attribution]) -> str:
    """Who says what stands at ``position``: the last attribution before it, else "". When
    that one closes the clause before ("A hit X, the mayor said, while B shot down Y,
    according to the governor"), a trailing attribution after ``position`` speaks for it."""
    last = None
    for attribution in attributions:
        if attribution.anchor <= position:
            last = attribution
        elif last is not None and last.trailing and attribution.trailing:
            return attribution.who
    return last.who if last is not None else ""


def _claimant_for(position: int, attributions: Sequence[_Attribution],
                  text: str = "") -> str:
    """Who says what stands at ``position``: the last attribution before it, else the first
    after it, unless ``text`` shows a clause opening between them with its own speaker
    ("Fighting continued near X, and Russian sources claimed ...": not theirs)."""
    before = _claimant_before(position, attributions)
    if before or not attributions:
        return before
    first = attributions[0]
    opening = min(first.anchor, first.span[0] or first.anchor)
    if text and _NEW_CLAUSE_BEFORE.search(text, max(position, opening - NEW_CLAUSE_REACH),
                                          opening):
        return ""
    return first.who


# --- places -----------------------------------------------------------------------------------

#: Kinds of mention that are a point on the map: a settlement or a facility named after one
#: ("the Zaporizhzhia nuclear power plant").
_POINT_KINDS = (MentionKind.SETTLEMENT, MentionKind.FACILITY)
_EVENT_PLACE_KINDS = (*_POINT_KINDS, MentionKind.OBLAST, MentionKind.RAION)


def _is_reference(folded: str, mention: Mention) -> bool:
    lo = max(0, mention.start - REFERENCE_REACH)
    return _has_any(folded, _RELATION_WORDS, lo, mention.start) \
        and bool(_RELATION_BEFORE.search(folded, lo, mention.start))


def _is_metonymy(folded: str, mention: Mention) -> bool:
    if mention.kind is not MentionKind.SETTLEMENT:
        return False
    return bool(_METONYMY_AFTER.match(folded, mention.end, mention.end + 40)
                or _METONYMY_BEFORE.search(folded, max(0, mention.start - 40), mention.start))


def _precision(doc: _Doc, mention: Mention, clause: tuple[int, int] | None) -> Precision:
    folded = doc.folded
    if mention.kind in (MentionKind.OBLAST, MentionKind.RAION):
        return Precision.REGION
    if _named_as_region(folded, mention):
        return Precision.REGION  # "the Kursk region", "im Gebiet Kursk": a region abroad
    if doc.is_reference(mention) \
            or _NEAR_BEFORE.search(folded, max(0, mention.start - 50), mention.start) \
            or _NEAR_AFTER.match(folded, mention.end, mention.end + 25):
        return Precision.NEAR
    if clause and _near_clause(folded, clause):
        return Precision.NEAR
    if doc.languages and any(language.near_before.search(doc.native, max(0, mention.start - 40),
                                                         mention.start)
                             for language in doc.languages):
        return Precision.NEAR
    return Precision.PLACE


def _named_as_region(folded: str, mention: Mention) -> bool:
    """A place named for the region around it ("the Kursk region", "im Gebiet Kursk"; see
    :data:`_REGION_WORD_AFTER`)."""
    return _REGION_WORD_AFTER.match(folded, mention.end) is not None \
        or _REGION_WORD_BEFORE.search(folded, max(0, mention.start - 12), mention.start) is not None


def _in_spans(mention: Mention, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= mention.start and mention.end <= b for a, b in spans)


def _place_cost(doc: _Doc, mention: Mention, trigger: _Trigger,
                speaker_spans: Sequence[tuple[int, int]] = ()) -> float:
    if mention.start >= trigger.end:
        cost = float(mention.start - trigger.end)
        if doc.next_break(trigger.end, mention.start) >= 0:
            cost += LATER_CLAUSE_COST
    elif mention.end <= trigger.start:
        cost = (trigger.start - mention.end) * BEFORE_COST_FACTOR + BEFORE_COST_STEP
    else:
        cost = 0.0
    if mention.kind not in _POINT_KINDS or _named_as_region(doc.folded, mention):
        cost += REGION_COST
    elif _SECTOR_AFTER.match(doc.folded, mention.end, mention.end + 25):
        cost += SECTOR_COST
    if doc.is_aside(mention):
        cost += REFERENCE_COST
    if _in_spans(mention, speaker_spans):
        cost += SPEAKER_COST
    return cost


def _places_for(doc: _Doc, trigger: _Trigger, places: Sequence[Mention],
                speaker_spans: Sequence[tuple[int, int]] = (),
                carried: Mention | None = None) -> list[Mention]:
    """The place of a trigger and the places listed together with it (``places``: in text
    order); a place carried over from an earlier sentence stands in for places named only as
    references or titles."""
    if not places:
        return []
    if carried is not None:
        return [carried]
    if len(places) == 1:
        return [places[0]]
    best = min(places, key=lambda m: (_place_cost(doc, m, trigger, speaker_spans), m.start))
    i = places.index(best)
    if i and places[i - 1].kind is best.kind and not doc.is_reference(places[i - 1]) \
            and _locates(doc, places[i - 1], best):
        i -= 1  # "Andriivka near Bakhmut was shelled": Bakhmut only says where Andriivka is
        best = places[i]
    chosen = [best]
    for step in (1, -1):
        j = i
        while 0 <= j + step < len(places):
            new = places[j + step]
            if step == 1 and doc.is_aside(new) and j + 2 < len(places) \
                    and _aside_between(doc, places[j], new, places[j + 2]):
                j += 1  # past the reference closing an aside: the list goes on after it
                new = places[j + 1]
                if new.kind is not best.kind or _in_spans(new, speaker_spans) \
                        or doc.is_aside(new):
                    break
                chosen.append(new)
                j += 1
                continue
            left, right = (places[j], new) if step == 1 else (new, places[j])
            if new.kind is not best.kind or _in_spans(new, speaker_spans) \
                    or doc.is_aside(new) \
                    or not _listed_together(doc, left, right):
                break
            chosen.append(new)
            j += step
    return sorted(chosen, key=lambda m: m.start)


def _aside_between(doc: _Doc, left: Mention, reference: Mention, right: Mention) -> bool:
    """Whether ``reference`` closes an aside of ``left`` after which ``right`` goes on with the
    list ("Predtechyne, east of Kostiantynivka, and near Bila Hora"), or opens the next part
    of a list by sector ("near Kindrashivka and southeast of Kupiansk near Pishchane")."""
    text = doc.text
    if _SECTOR_BEFORE.fullmatch(text, left.end, reference.start) \
            and _SECTOR_NEAR.fullmatch(text, reference.end, right.start):
        return True
    return _ASIDE_BEFORE.match(text[left.end:reference.start]) is not None \
        and _ASIDE_AFTER.match(text[reference.end:right.start]) is not None


def _listed_together(doc: _Doc, left: Mention, right: Mention) -> bool:
    """Whether two places are listed together ("Kupiansk and Izium", "Куп'янська та Ізюма",
    "the Burshtyn thermal power plant and the Dniester hydroelectric plant"): only a comma,
    "and", "or" ... stand between them (and the words that make the left one a facility)."""
    end = left.end
    if left.kind is MentionKind.FACILITY and (kind := FACILITY_KIND_AFTER.match(
            doc.text, end, right.start)):
        end = kind.end()
    if _COORDINATION.match(doc.text[end:right.start]):
        return True
    return any(language.coordination.fullmatch(doc.native, end, right.start)
               for language in doc.languages)


# --- the reader -------------------------------------------------------------------------------

@dataclass
class _State:
    paragraph: int = -1
    paragraph_first_event: int = 0               # index of this paragraph's first event
    paragraph_place: Mention | None = None       # place of the previous sentence, this paragraph
    last_place: Mention | None = None            # last settlement named for itself
    last_place_paragraph: int = -10
    previous_claimant: str = ""


def extract_events(text: str, mentions: Sequence[Mention], date: dt.date | None
                   ) -> list[Event]:
    """Events of a report: one per (sentence, kind, place, claimant), in text order.

    Never raises: text it cannot read gives no events (the error is logged).
    """
    try:
        if not isinstance(text, str) or not text:
            return []
        return _extract(text, list(mentions or ()), date)
    except Exception:  # a report must never break the pipeline
        log.exception("event extraction failed; no events for this report")
        return []


def _extract(text: str, mentions: list[Mention], date: dt.date | None) -> list[Event]:
    usable = sorted((m for m in mentions if isinstance(m, Mention)
                     and 0 <= m.start < m.end <= len(text)), key=lambda m: m.start)
    # A dateline's place is where the story was filed: no event's own place, yet what "the
    # city" or "there" after it means ("KHERSON (AP) - Shelling killed two in the city").
    datelines = dateline_spans(text)
    filed_from = [m for m in usable if m.kind in _POINT_KINDS and in_spans(m.start, datelines)]
    if datelines:
        usable = [m for m in usable if not in_spans(m.start, datelines)]
    starts = [m.start for m in usable]
    speakers = _Speakers()
    doc = _Doc(text)
    state = _State()
    events: list[Event] = []
    previous_first = 0  # where the events of the sentence before start in ``events``
    for sentence in split_sentences(text):
        s, e = sentence.start, sentence.end
        if sentence.paragraph != state.paragraph:
            state.paragraph, state.paragraph_place = sentence.paragraph, None
            state.paragraph_first_event = len(events)
        in_sentence = usable[bisect.bisect_left(starts, s):bisect.bisect_left(starts, e)]
        while filed_from and filed_from[0].start < e:
            state.last_place = filed_from.pop(0)
            state.last_place_paragraph = sentence.paragraph
        attributions = _attributions(doc, s, e, speakers)
        if not attributions and text[s] in _QUOTE_CHARS and state.previous_claimant:
            attributions = [_Attribution(state.previous_claimant, s)]
        if _only_attribution(text, s, e, attributions):
            _attribute_back(events, state.paragraph_first_event, attributions[0].who)
            state.previous_claimant = attributions[0].who
            continue
        new, own, back = _sentence_events(doc, sentence, in_sentence, attributions, state,
                                          date)
        if back:
            _deny_back(events, max(previous_first, state.paragraph_first_event), new,
                       same_place=back == _BACK_SAME_PLACE)
        previous_first = len(events)
        events.extend(new)
        state.previous_claimant = attributions[-1].who if attributions else ""
        _remember_places(doc, sentence, own, new, state)
    return events


#: How a sentence's denial points back at the claims of the sentence before (see _deny_back):
#: at any of them ("Ukraine rejected the claim"), or at those made at the places it names
#: ("Ukraine denied the capture of Rivnopillia").
_BACK_ANY, _BACK_SAME_PLACE = "any", "same place"
#: A denial naming the event it denies ("denied the fall of Siversk"), a claim made before.
_DENIED_EVENT = re.compile(
    r"(?:denied|denies|deny|denying|refuted|refutes|rejected|rejects|dismissed|dismisses|"
    r"debunked|disputed|disputes)\s+(?:\w+\s+){0,3}?(?:capture|fall|seizure|loss|takeover|"
    r"occupation|encirclement)\b", re.IGNORECASE)


def _deny_back(events: list[Event], first: int, new: Sequence[Event],
               same_place: bool = False) -> None:
    """"Russia said it took Siversk. Ukraine rejected the claim.": a sentence whose denial
    points back ("rejected the claim", "denied it", "У ЗСУ цю інформацію спростували"; its
    events ``new``) and denies no claim of its own denies the claims of the sentence before
    (``events[first:]``, same paragraph), whoever made them; with ``same_place`` only those
    at the places the denial names ("denied the capture of Rivnopillia")."""
    denial = next((event for event in new if event.kind is K.CONTROL_AFFIRMED
                   and event.denied_by), None)
    if denial is None or any(event.kind in DENIABLE and event.denied_by for event in new):
        return
    places = {event.place.id for event in new if event.kind is K.CONTROL_AFFIRMED
              and event.place is not None}
    for i in range(first, len(events)):
        event = events[i]
        if event.kind in DENIABLE and not event.denied_by \
                and event.claimed_by != denial.denied_by \
                and not (same_place and (event.place is None or event.place.id not in places)):
            events[i] = replace(event, denied_by=denial.denied_by, denial=denial.denial)


def _attribute_back(events: list[Event], first: int, who: str) -> None:
    for i in range(first, len(events)):
        if not events[i].claimed_by:
            events[i] = replace(events[i], claimed_by=who)


def _own_places(doc: _Doc, places: Sequence[Mention],
                attributions: Sequence[_Attribution]) -> list[Mention]:
    """Places a sentence names for themselves: not references, governments or titles."""
    spans = [a.span for a in attributions]
    return [m for m in places if not doc.is_aside(m) and not _in_spans(m, spans)]


#: "Andriivka near Bakhmut": what stands between a place and another that only locates it
#: (in other languages, ``Language.locator``).
_LOCATOR_BETWEEN = _caseless(r"\s*,?\s*(?:near|outside|close\s+to|not\s+far\s+from|"
                             r"in\s+the\s+vicinity\s+of)\s+(?:the\s+(?:town|city)\s+of\s+)?")
#: At most this many characters between a place and the place locating it.
LOCATOR_MAX_CHARS = 40


def _locates(doc: _Doc, left: Mention, right: Mention) -> bool:
    """Whether the settlement ``right`` only locates ``left`` named right before it ("Andriivka
    near Bakhmut", "Андреевку под Бахмутом")."""
    if right.start - left.end > LOCATOR_MAX_CHARS or left.kind not in _POINT_KINDS:
        return False
    if _LOCATOR_BETWEEN.fullmatch(doc.folded, left.end, right.start):
        return True
    return any(language.locator.match(doc.native, left.end, right.start)
               for language in doc.languages)


def _remember_places(doc: _Doc, sentence: Sentence, own: Sequence[Mention],
                     new: Sequence[Event], state: _State) -> None:
    """Remember a sentence's places (``own``: those it names for themselves) for the next; a
    place that only locates the one before it ("Andriivka near Bakhmut") is not the one the
    sentence speaks of."""
    text = doc.text
    settlements = [m for i, m in enumerate(own) if m.kind in _POINT_KINDS
                   and not _UNIT_AFTER.match(text, m.end, m.end + 20)
                   and not (i and _locates(doc, own[i - 1], m))]
    if settlements:
        state.paragraph_place = settlements[-1]
    elif new:
        state.paragraph_place = new[-1].mention
    elif own:
        state.paragraph_place = own[-1]
    if settlements:
        state.last_place = settlements[-1]
        state.last_place_paragraph = sentence.paragraph
    elif new and new[-1].mention.kind in _POINT_KINDS:
        state.last_place = new[-1].mention
        state.last_place_paragraph = sentence.paragraph


def _carried_place(doc: _Doc, sentence: Sentence, in_sentence: Sequence[Mention],
                   state: _State, references: bool) -> Mention | None:
    """The place a sentence naming none for itself speaks of (see the module docstring), or
    None. ``references``: the sentence names a place as a reference ("west of Toretsk")."""
    s, e = sentence.start, sentence.end
    folded = doc.folded
    if any(m.kind is MentionKind.COUNTRY
           and _COUNTRY_LOCATIVE.search(folded, max(0, m.start - 15), m.start)
           for m in in_sentence):
        return None  # the sentence places itself in a whole country
    if state.last_place is not None and (_has_any(folded, _ANAPHOR_NOUNS, s, e)
                                         and _ANAPHOR.search(folded, s, e)
                                         or doc.languages and doc.anaphor(s, e)) \
            and sentence.paragraph - state.last_place_paragraph <= ANAPHOR_MAX_PARAGRAPHS:
        return state.last_place
    if references:
        return None  # "advanced west of Toretsk": near Toretsk, not at the place before
    return state.paragraph_place


def _sentence_events(doc: _Doc, sentence: Sentence, in_sentence: Sequence[Mention],
                     attributions: Sequence[_Attribution], state: _State,
                     date: dt.date | None) -> tuple[list[Event], list[Mention], str]:
    """The sentence's events, the places it names for themselves, and how its denial points
    back at the claims before it: _BACK_ANY ("but Kyiv denied it"), _BACK_SAME_PLACE ("Kyiv
    denied the fall of Siversk": those at the places it names) or "" (it does not)."""
    text = doc.text
    s, e = sentence.start, sentence.end
    places = [m for m in in_sentence if m.kind in _EVENT_PLACE_KINDS]
    spans = [a.span for a in attributions]
    own = _own_places(doc, places, attributions)
    carried = None
    if not own:
        carried = _carried_place(doc, sentence, in_sentence, state,
                                 any(doc.is_reference(m) for m in places))
    candidates = list(places) if carried is None else [*places, carried]
    if not candidates:
        return [], own, False
    triggers = _triggers(doc, s, e, places)
    denial = _denial(doc, s, e, triggers)
    if not triggers and denial is None and not own:
        return [], own, False  # no event, and a statement needs a place the sentence names
    actors = _Actors(text, s, e)
    evidence = text[s:e]
    out: list[Event] = []
    seen: set[tuple] = set()
    times: list[tuple[int, int, str]] | None = None  # read at the sentence's first event
    names_claim = False  # the denial names a claim made before it ("denied the capture of Y")

    def precision(mention: Mention, clause: tuple[int, int]) -> Precision:
        if mention is carried:
            return _carried_precision(doc.folded, mention, clause)
        return _precision(doc, mention, clause)

    def emit(kind: EventKind, mention: Mention, position: int, **fields) -> None:
        nonlocal times
        key = (kind, mention.start, mention.end, fields.get("claimed_by", ""),
               fields.get("denied_by", ""))
        if key in seen:
            return
        seen.add(key)
        if times is None:
            times = _times(doc, s, e, date)
        clause = doc.clause_bounds(s, e, position)
        out.append(Event(kind=kind, mention=mention, evidence=evidence, start=s, end=e,
                         date=date, precision=precision(mention, clause),
                         when=_when(times, position, clause), **fields))

    for trigger in triggers:
        if trigger.negated or (denial is not None and denial.covers(trigger)):
            continue  # dropped, or the denial event below speaks for it
        # "Ukrainian troops repelled 12 attacks": the attackers are not the troops named
        # before "repelled"; look for them only after it ("12 Russian attacks").
        counter = _countering(doc, trigger, triggers)
        claimant = _claimant_for(trigger.start, attributions, text)
        actor = _actor(doc, actors, counter.end if counter else s, e, trigger, claimant, spans)
        for mention in _places_for(doc, trigger, candidates, spans, carried):
            emit(trigger.kind, mention, trigger.start, actor=actor, claimed_by=claimant)
    if denial is not None:
        denier = denial.who if denial.who is not None \
            else _claimant_for(denial.position, attributions)
        probe = _Trigger(K.CONTROL_AFFIRMED, denial.position, denial.position)
        for mention in _places_for(doc, probe, candidates, spans, carried):
            emit(K.CONTROL_AFFIRMED, mention, denial.position,
                 actor=denier if _ACTOR_RE.search(denier) else "",
                 claimed_by=denier, denied_by=denier, denial=denial.text)
        claimed = _CLAIMS_OF.search(text, s, e)
        for trigger in denial.denied:
            # Who made the claim denied: "claims by X", else the speaker before it ("X said
            # it took Y, a claim Z denied"); nobody named when the denial names its own
            # speaker ("Russian troops took Y, a claim Z denied"). A claim denied as "it" is
            # made by the sentence's other speaker, wherever it stands ("Y fell, X said, but Z
            # denied it"), or by nobody named.
            if claimed:
                claimant = (claimed.group(1) or claimed.group(2)).strip()
            elif denial.refers_back:
                claimant = next((a.who for a in attributions if a.who != denier), "")
            else:
                claimant = _claimant_before(trigger.start, attributions)
            if claimant == denier or not (claimant or denial.who is not None
                                          or denial.refers_back):
                # "Kyiv denied the capture of Y": the claim it names was made before, by
                # whoever made a claim at Y in the sentence before (see _deny_back)
                names_claim = True
                continue
            actor = _actor(doc, actors, s, e, trigger, claimant, spans)
            for mention in _places_for(doc, trigger, candidates, spans, carried):
                emit(trigger.kind, mention, trigger.start,
                     actor="" if actor == denier else actor, claimed_by=claimant,
                     denied_by=denier, denial=denial.text)
    if not out:
        statement = _statement(doc, actors, s, e, own, attributions)
        if statement is not None:
            mention, position = statement
            emit(K.STATEMENT, mention, position,
                 claimed_by=_claimant_for(position, attributions))
    if denial is not None and denial.refers_back:
        return out, own, _BACK_ANY
    if denial is not None and (names_claim or _DENIED_EVENT.match(text, denial.position)):
        return out, own, _BACK_SAME_PLACE
    return out, own, ""


def _carried_precision(folded: str, mention: Mention, clause: tuple[int, int]) -> Precision:
    if mention.kind in (MentionKind.OBLAST, MentionKind.RAION):
        return Precision.REGION
    return Precision.NEAR if _near_clause(folded, clause) else Precision.PLACE


def _near_clause(folded: str, clause: tuple[int, int]) -> bool:
    """Whether the clause says "in the vicinity", "on the outskirts" ... (:data:`_NEAR_CLAUSE`)."""
    return _has_any(folded, _NEAR_CLAUSE_WORDS, *clause) \
        and _NEAR_CLAUSE.search(folded, *clause) is not None


def _statement(doc: _Doc, actors: _Actors, s: int, e: int, usable: Sequence[Mention],
               attributions: Sequence[_Attribution]) -> tuple[Mention, int] | None:
    """Where a political statement was made (``usable``: the sentence's own places)."""
    text = doc.text
    cue = _STATEMENT_RE.search(doc.folded, s, e)
    if cue is None and not attributions:
        return None
    position = cue.start() if cue else attributions[0].anchor
    if not usable or actors.matches(s, e):
        return None  # troops are named: military news of a kind the lexicons do not know
    located = [m for m in usable
               if _LOCATIVE_BEFORE.search(text, max(0, m.start - 30), m.start)]
    home = [m for m in usable if m.place is None or m.place.country_code == HOME_COUNTRY]
    pool = located or home  # a foreign city without "in"/"at" is mostly its government
    if not pool:
        return None
    best = min(pool, key=lambda m: (m.kind not in _POINT_KINDS,
                                    abs(m.start - position)))
    return best, position


class _Actors:
    """The matches of :data:`_ACTOR_RE` (military noun phrases) in one sentence ``text[s:e]``.

    Where they can start is found in the sentence itself, at the first look: actors are looked
    for around triggers, in well under half of a report, so scanning each sentence that needs
    it costs less than scanning the whole report. The matches of a window are kept: the
    triggers of a short sentence all look in the same one (the whole sentence)."""

    def __init__(self, text: str, s: int, e: int) -> None:
        self.text, self.s, self.e = text, s, e
        self._starts: list[int] | None = None
        self._found: dict[tuple[int, int], list[re.Match[str]]] = {}

    def matches(self, lo: int, hi: int) -> list[re.Match[str]]:
        """``list(_ACTOR_RE.finditer(text, lo, hi))``, for ``s <= lo <= hi <= e``."""
        found = self._found.get((lo, hi))
        if found is None:
            if self._starts is None:
                s = self.s
                self._starts = [s + at for at in _ACTOR_STARTS.find(self.text[s:self.e])]
            found = self._found[lo, hi] = list(
                finditer_at(_ACTOR_RE, self.text, self._starts, lo, hi))
        return found


#: The kind of trigger that counters a trigger of each kind, taking it as its object.
_COUNTERED_BY = {K.ASSAULT: K.ENTRY_REPELLED, K.STRIKE: K.INTERCEPTION}


def _countering(doc: _Doc, trigger: _Trigger, triggers: Sequence[_Trigger]) -> _Trigger | None:
    """The "repelled"/"thwarted" whose object an attack trigger is ("repelled 12 attacks"), or
    the "shot down" whose object a strike is ("shot down 50 of the 73 drones launched"): a
    trigger of the countering kind ending at most COUNTERED_OBJECT_CHARS before it, in its
    clause."""
    counter = _COUNTERED_BY.get(trigger.kind)
    if counter is None:
        return None
    for other in triggers:
        if other.kind is counter and other.end <= trigger.start \
                and trigger.start - other.end <= COUNTERED_OBJECT_CHARS \
                and doc.next_break(other.end, trigger.start) < 0:
            return other
    return None


def _actor(doc: _Doc, actors: _Actors, s: int, e: int, trigger: _Trigger,
           speaker: str = "", speaker_spans: Sequence[tuple[int, int]] = ()) -> str:
    """Who did it (see the module docstring); ``speaker``: who says so, whose side "its
    troops" are; ``speaker_spans``: where the sentence names its speakers, who report the
    trigger rather than act it ("the General Staff reported 150 clashes"), unless a pronoun
    makes them its subject or owner ("the air force said it shot down ...", "remained under
    their control")."""
    text = doc.text
    if trigger.kind is K.CASUALTIES and doc.folded.startswith(_LOSS_WORDS, trigger.start) \
            and not doc.folded.startswith("lost their lives", trigger.start):
        return ""  # "the Ukrainian army lost 500 servicemen": who lost them did not do it
    if trigger.kind in _CONTROL_KINDS and (
            holder := _CONTROL_HOLDER.search(text, trigger.start, trigger.end)):
        return holder.group(1)  # "came under Russian control": whose control it says
    agent = _AGENT_AFTER.match(text, trigger.end, min(e, trigger.end + 40)) \
        or _FELL_TO.match(text, trigger.start, e)
    if agent:
        named = _ACTOR_RE.match(text, agent.end(), e) or _COUNTRY.match(text, agent.end(), e)
        if named:
            return named.group()
    lo = max(s, trigger.start - 30)
    side = _SIDE_BEFORE.search(text, lo, trigger.start) \
        if _has_any(doc.folded, _SIDE_WORDS, lo, trigger.start) else None
    if side:
        return side.group(1)
    for language in doc.languages:
        side = language.side_before.search(doc.native, max(s, trigger.start - 40), trigger.start)
        if side:
            return text[side.start(1):side.end(1)]
    if trigger.kind in CLAUSE_ACTOR_KINDS:
        s, e = doc.clause_bounds(s, e, trigger.start)
    passive: bool | None = None  # read at the first actor named before the trigger
    speaker_acts: bool | None = None  # read at the first actor that is a speaker
    best: re.Match[str] | None = None
    best_cost = float("inf")
    lo, hi = max(s, trigger.start - ACTOR_MAX_CHARS), min(e, trigger.end + ACTOR_MAX_CHARS)
    candidates: Iterable[re.Match[str]] = actors.matches(lo, hi)
    if doc.languages:
        candidates = itertools.chain(candidates, *(language.actors.finditer(doc.native, lo, hi)
                                                   for language in doc.languages))
    own_starts, own = doc.own_forces()
    if own:
        first = bisect.bisect_left(own_starts, lo)
        candidates = itertools.chain(candidates, (match for match in own[first:]
                                                  if match.end() <= hi))
    for match in candidates:
        if trigger.kind is K.INTERCEPTION and _AERIAL_LAST.search(match.group()):
            continue  # "45 Russian drones were shot down": what was shot down, not who
        if speaker_spans and any(a <= match.start() and match.end() <= b
                                 for a, b in speaker_spans):
            if speaker_acts is None:
                speaker_acts = _speaker_acts(text, s, trigger)
            if not speaker_acts:
                continue
        if match.end() <= trigger.start:
            if passive is None:
                passive = _passive_trigger(text, s, trigger)
            if passive:
                continue
            cost = trigger.start - match.end()
        elif match.start() >= trigger.end:
            if _OBJECT_BEFORE.search(text, max(s, match.start() - 12), match.start()):
                continue  # "surrendered to Russian troops", "attacks against Ukrainian units"
            if doc.next_break(trigger.end, match.start()) >= 0:
                continue  # "captured X, a claim Ukraine's army denied": another clause's
            cost = (match.start() - trigger.end) * BEFORE_COST_FACTOR + BEFORE_COST_STEP
        else:
            continue
        if cost < best_cost:
            best, best_cost = match, cost
    if best is not None:
        return _own_forces(text, actors.s, best, speaker) if best.re is _OWN_FORCES \
            else text[best.start():best.end()]
    subject = _COUNTRY_SUBJECT.search(text, max(s, trigger.start - 25), trigger.start)
    return subject.group(1) if subject and not _passive_trigger(text, s, trigger) else ""


def _passive_trigger(text: str, s: int, trigger: _Trigger) -> bool:
    """Whether ``trigger`` is a passive verb ("were driven back", "were killed"): before it
    stands who it was done to, and who did it follows "by"."""
    return _PARTICIPLE.match(text, trigger.start, trigger.end) is not None \
        and _passive(text, s, trigger.start)


def _speaker_acts(text: str, s: int, trigger: _Trigger) -> bool:
    """Whether a pronoun makes the sentence's speaker the trigger's subject or owner ("said it
    shot down", "remained under their control"); otherwise the speaker only reports it."""
    return _PRONOUN_SUBJECT.search(text, max(s, trigger.start - 30), trigger.start) is not None \
        or _OWN_PRONOUN.search(text, trigger.start, trigger.end) is not None


def _own_forces(text: str, s: int, actor: re.Match[str], speaker: str) -> str:
    """"its/their/our troops" (a match of :data:`_OWN_FORCES`) as the troops of the side of the
    speaker ("Ukraine's General Staff said its troops ..." -> "Ukrainian troops"), else of the
    last side the sentence names before them; as written when no side is named."""
    side = _SIDE_NAMED.search(speaker)
    if side is None:
        side = next(reversed(list(_SIDE_NAMED.finditer(text, s, actor.start()))), None)
    if side is None:
        return actor.group()
    return ("Ukrainian " if side.group(1) else "Russian ") + actor.group(1)


@dataclass(frozen=True)
class _Denial:
    text: str
    position: int
    span: tuple[int, int]
    denied: tuple[_Trigger, ...]
    # The denier a denial of "a claim" names itself ("a claim Kyiv denied"; "" when it names
    # none: "a claim that was disputed"); None for the other denials, whose denier is the
    # sentence's speaker.
    who: str | None = None
    # Whether the denial's object points back at a claim before it ("but Kyiv denied it").
    refers_back: bool = False

    def covers(self, trigger: _Trigger) -> bool:
        return self.span[0] <= trigger.start and trigger.end <= self.span[1] \
            or trigger in self.denied


def _denial(doc: _Doc, s: int, e: int, triggers: Iterable[_Trigger]) -> _Denial | None:
    """The sentence's denial: a denial phrase, or a negated capture, entry or withdrawal."""
    text = doc.text
    triggers = list(triggers)
    marker = next(doc.speech_cues(_DENIAL, doc.folded, s, e), None)
    foreign = None if marker is not None or not doc.languages else next(
        ((language, found) for language in doc.languages
         for found in (language.denial.search(doc.native, s, e),) if found), None)
    who = None
    refers_back = False
    if foreign is not None:
        language, found = foreign
        # a denying verb denies what follows it ("спростував заяви про ..."), or, with no
        # claim after it and an object pointing back ("в ЗСУ це спростували"), the claim
        # before it; a phrase such as "не соответствует действительности" what stands
        # before it
        span = (found.start(), e) if found.group("verb") else (s, found.end())
        position = found.start()
        refers_back = bool(found.group("verb")) and not any(
            t.kind in DENIABLE and t.start >= found.end() for t in triggers) \
            and language.back_object.search(doc.native, max(s, found.start() - BACK_OBJECT_CHARS),
                                            min(e, found.end() + BACK_OBJECT_CHARS)) is not None
        cue = found.span()
        if refers_back:
            # "Kiew wies dies zurück", "ce que Kiev dément": the verb's subject denies
            named = _foreign_speaker(doc, language, found.start(), s, forward=False)
            who = text[named[0]:named[1]] if named else None
    elif marker is not None:
        if marker.group("claim"):
            named = marker.span("denier") if marker.group("denier") else \
                _phrase_after(text, marker.end(), e) if marker.group("by") else None
            phrase = text[named[0]:named[1]] if named else ""
            who = phrase.strip() if _is_speaker(phrase) else ""
        quote = next((q for q in _QUOTED.finditer(text, s, e)
                      if q.start(1) <= marker.start() < q.end(1)), None)
        labelled = None if quote is not None or marker.group("claim") \
            else _LABELLED_BEFORE.search(doc.folded, max(s, marker.start() - LABELLED_REACH),
                                         marker.start())
        if quote is not None:
            span = quote.span(1)
        elif labelled is not None:
            # "Kyiv called the claim false": Kyiv denies the claims before the verb
            verb = labelled.start("verb")
            named = _subject_before(text, s, verb)
            phrase = text[named[0]:named[1]] if named else ""
            who = phrase.strip() if _is_speaker(phrase) else None
            refers_back = True
            span = (verb, e)
        elif _DENIAL_VERB.match(marker.group()):
            # "but Kyiv denied it.": the denied claim stands before; "denied that X took Y"
            # and "denied claims that ...": after
            refers_back = marker.group().lower().endswith(_BACK_OBJECTS) \
                and _CLAUSE_END_AFTER.match(text, marker.end(), e) is not None
            span = (marker.start(), e)
        else:
            span = (s, marker.end())
        position = marker.start()
        cue = marker.span()
    else:
        negated = [t for t in triggers if t.negated and t.kind in DENIABLE]
        if not negated:
            return None
        first = negated[0]
        clause = doc.clause_bounds(s, e, first.start)
        span = (clause[0], max(clause[1], first.end))
        position = first.start
        cue = (first.start, first.end)
    a, b = span
    while a < b and (text[a].isspace() or text[a] in ",;:"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:."):
        b -= 1
    # The claims a denial of "it" denies stand before it; what follows is still the denier's
    # (", saying the town remained under Ukrainian control").
    lo, hi = (s, position) if refers_back else (a, b)
    denied = tuple(t for t in triggers if t.kind in DENIABLE and lo <= t.start and t.end <= hi)
    # A denial of "a claim" or of "it" quotes its own words ("claim Kyiv denied"), not the
    # claim it covers.
    words = text[cue[0]:cue[1]] if who is not None or refers_back else text[a:b]
    return _Denial(words, position, (a, b), denied, who, refers_back)


def _times(doc: _Doc, s: int, e: int, date: dt.date | None) -> list[tuple[int, int, str]]:
    """(start, end, phrase) of each time the sentence ``text[s:e]`` gives that is not the
    report's date. Most sentences give none: a cheap scan for the words every time phrase
    needs comes first."""
    text = doc.text
    found = [(match.start(), match.end(), match.group())
             for match in _WHEN.finditer(text, s, e) if _differs_from(match.group(), date)] \
        if _MONTH_CUE.search(text, s, e) or _WHEN_CUE.search(doc.lowered, s, e) else []
    for day in _WEEKDAY_RE.finditer(text, s, e) if text.find("day", s, e) >= 0 else ():
        if date is not None and _WEEKDAYS.index(day.group().lower()) == date.weekday():
            continue  # the report's day
        before = _WEEKDAY_BEFORE.search(text, max(s, day.start() - 20), day.start())
        after = _WEEKDAY_AFTER.match(text, day.end(), e)
        start = before.start() if before else day.start()
        end = after.end() if after else day.end()
        found.append((start, end, text[start:end]))
    if doc.languages and _FOREIGN_TIME_CUE.search(doc.native, s, e):
        for language in doc.languages:
            if language.when is not None:
                found += _foreign_times(doc, language.when, s, e, date)
    return found


#: What every time of another language has: a digit, or a word of a relative time (a cheap
#: test, once per sentence, before the languages' time patterns).
_FOREIGN_TIME_CUE = re.compile(r"[0-9]|минул|тому|прошл|назад")
_NUMBER = re.compile(r"\d+")


def _foreign_times(doc: _Doc, when: re.Pattern[str], s: int, e: int, date: dt.date | None
                   ) -> list[tuple[int, int, str]]:
    """(start, end, phrase) of each time of another language (``when``: its
    :func:`~geo.event_languages.compile_when`) in the sentence ``text[s:e]`` that is not the
    report's date."""
    found = []
    for match in when.finditer(doc.native, s, e):
        if match.group("relative"):
            found.append((match.start(), match.end(), doc.text[match.start():match.end()]))
            continue
        year_text = match.group("year") or match.group("year_only")
        year = int(year_text) if year_text else None
        month = next((n for n in range(1, 13) if match.group(f"m{n}")), None)
        day = match.group("day")
        if month is not None and not (day or year or match.group("before")):
            continue  # "лютого опору": a word, no time
        days = [int(d) for d in _NUMBER.findall(day)] if day else []
        if _date_differs(month, days, year, date):
            found.append((match.start(), match.end(), doc.text[match.start():match.end()]))
    return found



def _when(times: Sequence[tuple[int, int, str]], position: int, clause: tuple[int, int]) -> str:
    """The time (of the sentence's ``times``) for the trigger at ``position`` in ``clause``."""
    best, best_cost = "", float("inf")
    for start, end, phrase in times:
        cost = start - position if start >= position \
            else (position - end) * BEFORE_COST_FACTOR
        if not clause[0] <= start < clause[1]:
            cost += 60
        if cost < best_cost and cost <= 120:
            best, best_cost = phrase, cost
    return best


def _differs_from(phrase: str, date: dt.date | None) -> bool:
    low = phrase.lower()
    if any(w in low for w in ("last", "ago", "earlier", "since")):
        return True
    if date is None:
        return True
    year = _YEAR.search(phrase)
    if year and int(year.group()) != date.year:
        return True
    month = _MONTH_PREFIX.search(low)
    days = [int(day) for day in _DAY.findall(phrase.replace(year.group() if year else "", ""))] \
        if month else []
    return _date_differs(_MONTH_PREFIXES.index(month.group(1)) + 1 if month else None, days,
                         int(year.group()) if year else None, date)


def _date_differs(month: int | None, days: Sequence[int], year: int | None,
                  date: dt.date | None) -> bool:
    """Whether a time phrase's month (1-12), days and year, each None or empty when it gives
    none, name a time other than the report's ``date``."""
    if date is None:
        return True
    if year is not None and year != date.year:
        return True
    if month is None:
        return False
    if month != date.month:
        return True
    return bool(days) and not min(days) <= date.day <= max(days)
