"""Event extraction: the seed report through the real pipeline, sentences of our own, and
inputs that must not break it."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.events import extract_events, find_triggers, split_sentences
from geo.models import Event, EventKind, Mention, MentionKind, Precision
from geo.toponyms import ToponymFinder, resolve_mentions

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_014aeed3c577199d.txt"
KUPIANSK, VOZNESENKA, GENEVA = 703656, 9112507, 2660646
DAY = dt.date(2024, 11, 14)


@pytest.fixture(scope="module")
def read(gazetteer):
    finder = ToponymFinder(gazetteer)

    def run(text: str, date: dt.date | None = DAY) -> list[Event]:
        mentions = resolve_mentions(finder.find(text), text, gazetteer)
        events = extract_events(text, mentions, date)
        for event in events:
            assert text[event.start:event.end] == event.evidence
        return events

    return run


@pytest.fixture(scope="module")
def seed_events(read):
    body = SEED.read_text(encoding="utf-8").split("\n", 1)[1]  # skip "date 2024-11-14 ..."
    return read(body)


def at(events: list[Event], geonameid: int, kind: EventKind | None = None) -> list[Event]:
    return [e for e in events if e.place is not None and e.place.id == geonameid
            and (kind is None or e.kind is kind)]


def named(events: list[Event], name: str, kind: EventKind | None = None) -> list[Event]:
    return [e for e in events if e.place is not None
            and name in (e.place.name, e.place.ascii_name, e.mention.text)
            and (kind is None or e.kind is kind)]


# --- the seed report ------------------------------------------------------------------------

def test_seed_kupiansk_entry_attempt_claimed_by_ukrainian_officials(seed_events):
    assaults = at(seed_events, KUPIANSK, EventKind.ASSAULT)
    assert any("Ukrainian officials" in e.claimed_by or "Besedin" in e.claimed_by
               for e in assaults)
    assert any(e.actor in ("Russian troops", "Russian infantry") for e in assaults)


def test_seed_kupiansk_entry_repelled(seed_events):
    repelled = at(seed_events, KUPIANSK, EventKind.ENTRY_REPELLED)
    assert repelled
    assert any("driven back" in e.evidence for e in repelled)


def test_seed_kupiansk_control_affirmed_with_the_armys_denial(seed_events):
    affirmed = at(seed_events, KUPIANSK, EventKind.CONTROL_AFFIRMED)
    denials = [e for e in affirmed if "Ukrainian Army" in e.claimed_by and "not true" in e.denial]
    assert denials, affirmed
    denial = denials[0]
    assert "Ukrainian Army" in denial.denied_by
    assert denial.denial.startswith("The alleged presence of Russian troops")
    # the affirmation of the sentence before stands as its own event
    assert any("remained" in e.evidence and not e.denial and "Ukrainian Army" in e.claimed_by
               for e in affirmed)


def test_seed_besedin_keeps_his_role(seed_events):
    besedin = [e for e in at(seed_events, KUPIANSK) if "Besedin" in e.claimed_by]
    assert besedin
    assert all("mayor" in e.claimed_by for e in besedin)  # the bare surname finds his role


def test_seed_fighting_in_the_vicinity_is_near(seed_events):
    near = [e for e in at(seed_events, KUPIANSK) if "in the vicinity" in e.evidence
            and e.kind is EventKind.ASSAULT]
    assert near and all(e.precision is Precision.NEAR for e in near)


def test_seed_voznesenka_capture_claimed_by_russian_defense_ministry(seed_events):
    captures = at(seed_events, VOZNESENKA, EventKind.CAPTURE_CLAIM)
    if not captures:  # another Voznesenka chosen: the mention still has to carry the claim
        captures = named(seed_events, "Voznesenka", EventKind.CAPTURE_CLAIM)
    assert captures
    assert any("Russian Defense Ministry" in e.claimed_by for e in captures)
    assert not named(seed_events, "Pokrovsk")  # named only as a reference ("south of")


def test_seed_geneva_statement_abroad_by_gatilov(seed_events):
    statements = at(seed_events, GENEVA, EventKind.STATEMENT)
    assert statements
    assert all(e.abroad for e in statements)
    assert any("Gatilov" in e.claimed_by for e in statements)


def test_seed_historic_events_keep_their_stated_time(seed_events):
    recaptured = [e for e in at(seed_events, KUPIANSK, EventKind.CAPTURE_CLAIM)
                  if "recaptured" in e.evidence]
    assert recaptured and recaptured[0].when == "in September 2022"
    assert recaptured[0].date == DAY  # the report date, as the contract says


def test_seed_governments_are_not_places(seed_events):
    # "Moscow would welcome", "[Washington] consistently pursues": capitals as governments
    assert not [e for e in seed_events if e.mention.text in ("Moscow", "Washington")]
    assert all(e.mention.kind is not MentionKind.COUNTRY for e in seed_events)


def test_seed_every_event_quotes_its_sentence(seed_events):
    body = SEED.read_text(encoding="utf-8").split("\n", 1)[1]
    assert seed_events
    for event in seed_events:
        assert body[event.start:event.end] == event.evidence
        assert event.date == DAY


# --- sentences of our own -------------------------------------------------------------------

def test_strike_on_a_town(read):
    events = read("Russian forces shelled Kramatorsk overnight, the regional governor said.")
    strikes = named(events, "Kramatorsk", EventKind.STRIKE)
    assert len(strikes) == 1
    assert strikes[0].actor == "Russian forces"
    assert strikes[0].claimed_by == "the regional governor"
    assert strikes[0].precision is Precision.PLACE


def test_strike_and_casualties_in_one_sentence(read):
    events = read("Two civilians were killed and five were wounded in a drone attack on Kherson "
                  "on Tuesday, according to the regional administration.")
    assert named(events, "Kherson", EventKind.STRIKE)
    casualties = named(events, "Kherson", EventKind.CASUALTIES)
    assert casualties
    assert casualties[0].claimed_by == "the regional administration"


def test_evacuation(read):
    events = read("Volunteers evacuated forty residents from Pokrovsk as the front drew closer.")
    assert named(events, "Pokrovsk", EventKind.EVACUATION)


def test_withdrawal_with_a_hypothetical_left_out(read):
    events = read("Ukrainian troops withdrew from Avdiivka to avoid encirclement, the General "
                  "Staff said on Saturday.")
    withdrawals = named(events, "Avdiivka", EventKind.WITHDRAWAL)
    assert len(withdrawals) == 1
    assert withdrawals[0].actor == "Ukrainian troops"
    assert withdrawals[0].claimed_by == "the General Staff"
    assert not [e for e in events if e.kind is EventKind.ASSAULT]  # "to avoid encirclement"


def test_casualties_in_the_next_sentence_carry_the_place(read):
    events = read("A missile struck a school in Izium on Monday. Three people were injured.")
    injured = [e for e in events if e.kind is EventKind.CASUALTIES]
    assert injured and injured[0].mention.text == "Izium"
    assert injured[0].evidence == "Three people were injured."


def test_no_places_no_events(read):
    assert read("Officials said the talks would continue next week. Nobody was hurt, they "
                "added, and the shelling had stopped by the evening.") == []
    assert read("") == []


def test_negated_casualties_are_not_events(read):
    events = read("No one was killed when shells hit Izium, the mayor said.")
    assert named(events, "Izium", EventKind.STRIKE)
    assert not [e for e in events if e.kind is EventKind.CASUALTIES]


def test_hypothetical_attack_is_not_an_event(read):
    events = read("Officials warned that Russian troops could attack Kharkiv again.")
    assert not [e for e in events if e.kind is EventKind.ASSAULT]


def test_claim_and_denial_are_two_events(read):
    events = read("The Russian Defense Ministry claimed its forces had captured Kurakhove. "
                  "Ukraine's General Staff denied the claims, saying the town remained under "
                  "Ukrainian control.")
    claims = named(events, "Kurakhove", EventKind.CAPTURE_CLAIM)
    affirmed = named(events, "Kurakhove", EventKind.CONTROL_AFFIRMED)
    assert len(claims) == 1 and claims[0].claimed_by == "The Russian Defense Ministry"
    # two events, not merged; "the claims" of the next sentence are this claim
    assert claims[0].denied_by == "Ukraine's General Staff"
    assert len(affirmed) == 1
    assert affirmed[0].claimed_by == affirmed[0].denied_by == "Ukraine's General Staff"
    assert "denied the claims" in affirmed[0].denial


def test_denial_naming_the_claim_keeps_both_sides(read):
    events = read("Ukraine's General Staff rejected Russian claims that its troops had captured "
                  "Kurakhove.")
    kinds = {e.kind: e for e in named(events, "Kurakhove")}
    assert kinds[EventKind.CONTROL_AFFIRMED].denied_by == "Ukraine's General Staff"
    claim = kinds[EventKind.CAPTURE_CLAIM]
    assert claim.claimed_by == "Russian" and claim.denied_by == "Ukraine's General Staff"


def test_a_claim_denied_in_the_same_sentence_keeps_both_sides(read):
    # The claimant speaks first, the denier names itself after "a claim": two events, each with
    # its side; the denier is not the capture's actor, and not the sentence's speaker.
    events = read("Russia's Defence Ministry said on Tuesday its forces had captured "
                  "Novoselivka in Donetsk oblast, a claim Ukraine's General Staff rejected.")
    kinds = {e.kind: e for e in named(events, "Novoselivka")}
    claim, affirmed = kinds[EventKind.CAPTURE_CLAIM], kinds[EventKind.CONTROL_AFFIRMED]
    assert claim.claimed_by == "Russia's Defence Ministry"
    assert claim.denied_by == affirmed.denied_by == affirmed.claimed_by == "Ukraine's General Staff"
    assert "General Staff" not in claim.actor
    assert claim.denial == affirmed.denial == "claim Ukraine's General Staff rejected"
    events = read("Moscow said its troops captured Novoselivka in Donetsk oblast, a claim that "
                  "was later dismissed by Ukraine's army.")
    kinds = {e.kind: e for e in named(events, "Novoselivka")}
    assert kinds[EventKind.CAPTURE_CLAIM].claimed_by == "Moscow"
    assert kinds[EventKind.CONTROL_AFFIRMED].denied_by == "Ukraine's army"
    # an adverb before the denying verb is no part of the denier's name
    events = read("Moscow said its troops captured Novoselivka in Donetsk oblast, a claim "
                  "Ukraine's army flatly rejected.")
    kinds = {e.kind: e for e in named(events, "Novoselivka")}
    assert kinds[EventKind.CAPTURE_CLAIM].denied_by == "Ukraine's army"


def test_claims_and_counterclaims_keep_their_speakers(read):
    events = read("Russian forces claim to have entered Kurakhove, but Ukrainian troops say they "
                  "still hold the town.")
    assert [(e.kind, e.claimed_by) for e in events] == [
        (EventKind.ASSAULT, "Russian forces"), (EventKind.CONTROL_AFFIRMED, "Ukrainian troops")]
    events = read("Moscow's claim that it had seized Vuhledar could not be verified.")
    assert [(e.kind, e.claimed_by) for e in events] == [(EventKind.CAPTURE_CLAIM, "Moscow")]
    events = read("Ukraine's military said Russian claims of capturing Selydove were false.")
    capture = [e for e in events if e.kind is EventKind.CAPTURE_CLAIM]
    assert [(e.claimed_by, e.denied_by, e.actor) for e in capture] == [
        ("Russian", "Ukraine's military", "")]  # the denier did not capture anything


def test_a_claim_not_disputed_is_no_denial(read):
    for text in ("Russian troops captured Novoselivka in Donetsk oblast, a claim Kyiv has not "
                 "disputed.", "Russian troops captured Novoselivka in Donetsk oblast, a claim "
                                "that has not been disputed."):
        events = named(read(text), "Novoselivka")
        assert [(e.kind, e.denied_by) for e in events] == [(EventKind.CAPTURE_CLAIM, "")]


def test_a_front_sector_yields_to_the_places_named_in_it(read):
    events = read("Ukrainian defenders repelled 14 Russian attacks in the Pokrovsk direction, "
                  "near Myroliubivka, Lysivka and Novotoretske.")
    repelled = {e.mention.text for e in events if e.kind is EventKind.ENTRY_REPELLED}
    assert repelled == {"Myroliubivka", "Lysivka", "Novotoretske"}
    assert [e.mention.text for e in read("Fighting continues in the Pokrovsk direction.")] \
        == ["Pokrovsk"]  # a sector alone still places its event


def test_a_sentence_naming_only_a_reference_happens_near_it(read):
    # "west of Toretsk" names no place for itself, but it does say where: near Toretsk, not at
    # the place of the sentence before.
    events = read("Ukrainian troops repelled an assault near Lozova. Russian forces recently "
                  "advanced west of Toretsk, geolocated footage shows.")
    advances = [e for e in events if "Toretsk" in e.evidence]
    assert [(e.mention.text, e.precision) for e in advances] == [("Toretsk", Precision.NEAR)]
    # "the town" still refers back
    events = read("Russian troops shelled Lozova overnight. They attacked the town again, "
                  "10 km north of Kupiansk.")
    assert {e.mention.text for e in events} == {"Lozova"}


def test_places_listed_after_a_reference_are_places_of_their_own(read):
    events = read("Russian milbloggers claimed that Russian forces advanced north of Kupiansk "
                  "near Holubivka and Kindrashivka.")
    assert {e.mention.text for e in events} == {"Holubivka", "Kindrashivka"}
    assert {e.claimed_by for e in events} == {"Russian milbloggers"}


def test_a_meeting_abroad_is_a_statement_there_and_an_air_force_speaks(read):
    events = read("Zelensky met Emmanuel Macron in Paris on Friday to discuss air defence.")
    assert [(e.kind, e.mention.text, e.abroad) for e in events] == [
        (EventKind.STATEMENT, "Paris", True)]
    events = read("Ukraine's air force said it had shot down 50 of the 73 drones launched "
                  "overnight at Odesa.")
    # two things: the drones launched at Odesa (by whom, the sentence does not say; not by
    # the air force that shot them down), and the air force shooting 50 of them down
    assert [(e.kind, e.mention.text, e.actor, e.claimed_by) for e in events] == [
        (EventKind.INTERCEPTION, "Odesa", "Ukraine's air force", "Ukraine's air force"),
        (EventKind.STRIKE, "Odesa", "", "Ukraine's air force")]


def test_region_and_near_precision(read):
    events = read("Fighting continued near Bakhmut. Russian drones struck targets in Kharkiv "
                  "oblast, officials said.")
    assert [e.precision for e in named(events, "Bakhmut")] == [Precision.NEAR]
    region = [e for e in events if e.mention.kind is MentionKind.OBLAST]
    assert region and region[0].kind is EventKind.STRIKE
    assert region[0].precision is Precision.REGION


def test_places_listed_together_share_the_event(read):
    events = read("Russian artillery shelled Kupiansk, Izium and Balakliia on Sunday.")
    assert {e.mention.text for e in events if e.kind is EventKind.STRIKE} == {
        "Kupiansk", "Izium", "Balakliia"}


def test_pronoun_and_quote_continuation_keep_the_speaker(read):
    text = ('Mayor Ihor Terekhov said Russian missiles struck Kharkiv overnight. '
            '"Two districts were hit," he said. "Rescue teams are working in Kharkiv."')
    events = read(text)
    assert events
    assert all(e.claimed_by == "Mayor Ihor Terekhov" for e in events)


def test_back_reference_attributes_the_sentence_before(read):
    events = read("Russian troops shelled Vovchansk at dawn. This was reported by Oleh "
                  "Syniehubov, the head of the regional military administration.")
    strikes = named(events, "Vovchansk", EventKind.STRIKE)
    assert strikes and strikes[0].claimed_by.startswith("Oleh Syniehubov, the head")


def test_a_place_across_the_water_from_the_subject_is_only_a_reference(read):
    # The place a town is described by ("across the river from X", "opposite X") is not where
    # the strike happened, though it stands nearer the trigger than the town does.
    events = read("Nikopol, across the Dnipro from the Zaporizhzhia nuclear power plant, was "
                  "shelled overnight.")
    assert named(events, "Nikopol", EventKind.STRIKE)
    assert not named(events, "Zaporizhzhia") and not named(events, "Zaporizhzhya")
    events = read("Marhanets, opposite Enerhodar, came under drone attack on Sunday.")
    assert named(events, "Marhanets", EventKind.STRIKE)
    assert not named(events, "Enerhodar")


def test_unresolved_and_hand_made_mentions():
    text = "Russian troops stormed Foo village. Residents were evacuated."
    mention = Mention("Foo", text.index("Foo"), text.index("Foo") + 3)  # no place chosen
    events = extract_events(text, [mention], None)
    assert [(e.kind, e.mention.text) for e in events] == [
        (EventKind.ASSAULT, "Foo"), (EventKind.EVACUATION, "Foo")]
    assert all(e.place is None and not e.abroad and e.date is None for e in events)


# --- the parts -------------------------------------------------------------------------------

def test_split_sentences_keeps_headlines_apart_and_titles_together():
    text = ("Russian troops driven out of Kupiansk – officials\n"
            "Gen. Oleksandr Syrskyi said the town held. U.S. officials agreed.\n"
            "A line wrapped at the end of\nKupiansk goes on.")
    pieces = [text[s.start:s.end] for s in split_sentences(text)]
    assert pieces == ["Russian troops driven out of Kupiansk – officials",
                      "Gen. Oleksandr Syrskyi said the town held.",
                      "U.S. officials agreed.",
                      "A line wrapped at the end of\nKupiansk goes on."]
    paragraphs = [s.paragraph for s in split_sentences(text)]
    assert paragraphs == [0, 1, 1, 2]


@pytest.mark.parametrize(("phrase", "kind"), [
    ("drone attack", EventKind.STRIKE), ("withdrew after", EventKind.ENTRY_REPELLED),
    ("attempted to capture", EventKind.ASSAULT), ("took control of", EventKind.CAPTURE_CLAIM),
    ("pulled out of", EventKind.WITHDRAWAL), ("remains under our control",
                                             EventKind.CONTROL_AFFIRMED),
])
def test_specific_phrases_win_over_their_parts(phrase, kind):
    assert [k for k, _, _ in find_triggers(f"Troops {phrase} the town.")] == [kind]


@pytest.mark.parametrize(("sentence", "kinds"), [
    ("Germany pledged more air defence missiles to Ukraine.", []),
    ("The allies will send rockets next month.", []),
    ("Russia fired 40 missiles overnight.", [EventKind.STRIKE]),
    ("Russian troops may have pulled out of the village.", [EventKind.WITHDRAWAL]),
    ("Russian troops plan to storm the village.", []),
    ("No fewer than 12 people were killed.", [EventKind.CASUALTIES]),
    ("Russian drones overnight attacked the port.", [EventKind.STRIKE]),  # not a ground assault
    ("Russian troops attacked the village.", [EventKind.ASSAULT]),
    ("Russia launched 120 drones at the city overnight.", [EventKind.STRIKE]),
])
def test_supplied_planned_and_hedged(sentence, kinds):
    assert [k for k, _, _ in find_triggers(sentence)] == kinds


def test_when_is_empty_for_the_report_day(read):
    events = read("Russian drones struck Sumy on November 14, officials said. In March 2022 "
                  "Russian forces shelled Sumy.")
    assert [e.when for e in events if e.kind is EventKind.STRIKE] == ["", "In March 2022"]


# --- inputs that must not break it -----------------------------------------------------------

class _Errors(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextlib.contextmanager
def no_swallowed_errors():
    """extract_events logs and swallows an internal error; here it must not have any."""
    handler = _Errors()
    logger = logging.getLogger("geo.events")
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
    assert not handler.records, handler.records[0].exc_info


@pytest.mark.parametrize("text", [
    "", " ", "\n\n\n", ".", "\"", "“”", "- ", "\u200b" * 50, "\ufeff\x00\x01", "🙂" * 1000,
    "Ⅻ" + "\u0301" * 500, "a." * 5000, "Kupiansk" * 10_000, ")" * 3000 + "said",
    "according to " * 500, " – " * 1000, "\r\n" * 1000, "İ" * 300 + " said",
])
def test_odd_text_never_raises(text):
    with no_swallowed_errors():
        events = extract_events(text, [Mention("x", 0, 1), Mention("bad", -1, 5),
                                       Mention("late", 10**9, 10**9 + 1)], DAY)
    assert all(text[e.start:e.end] == e.evidence for e in events)


def test_large_report_is_linear_enough():
    sentence = ("Russian troops shelled Kupiansk overnight and attacked it again, the Ukrainian "
                "Army said. ")
    text = sentence * 4000
    first = text.index("Kupiansk")
    mentions = [Mention("Kupiansk", first + i * len(sentence), first + i * len(sentence) + 8)
                for i in range(4000)]
    assert all(text[m.start:m.end] == "Kupiansk" for m in mentions)
    with no_swallowed_errors():
        events = extract_events(text, mentions, DAY)
    assert len(events) == 8000


_ALPHABET = st.sampled_from(list("abcKXz .,;:!?\"“”'’()[]-–—\n\t") + [
    "Kupiansk", " said", " according to ", "shelled", "not true", "the town", "Russian troops",
    "Ж", "\u0301", "🙂", "\u200b", "İ", "ß"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parts=st.lists(_ALPHABET, max_size=80), spans=st.lists(
    st.tuples(st.integers(-5, 400), st.integers(0, 50)), max_size=8),
    kinds=st.lists(st.sampled_from(list(MentionKind)), min_size=8, max_size=8))
def test_any_text_and_mentions_never_raise(parts, spans, kinds):
    text = "".join(parts)
    mentions = [Mention(text[a:a + n] or "x", a, a + n, kind=kind)
                for (a, n), kind in zip(spans, kinds, strict=False)]
    with no_swallowed_errors():
        events = extract_events(text, mentions, DAY)
    for event in events:
        assert text[event.start:event.end] == event.evidence
        assert event.mention in mentions


def test_triggers_match_whatever_the_case():
    from geo.events import TRIGGERS, find_triggers

    # The lexicons run case-sensitively on an ASCII-lowered copy: they must be lower case.
    assert [k for k, p in TRIGGERS if re.search(r"(?<!\\)[A-Z]", p)] == []
    for text in ("Shelled overnight, Kupiansk burned.", "SHELLED OVERNIGHT, KUPIANSK BURNED.",
                 "shelled overnight, Kupiansk burned."):
        assert [(k.value, s, e) for k, s, e in find_triggers(text)] == [("strike", 0, 7)]


def test_repelled_attacks_are_not_the_repellers(read):
    events = read("Ukrainian troops repelled 12 attacks near Pokrovsk over the past day.")
    (repelled,) = named(events, "Pokrovsk", EventKind.ENTRY_REPELLED)
    (attacks,) = named(events, "Pokrovsk", EventKind.ASSAULT)
    assert repelled.actor == "Ukrainian troops" and attacks.actor == ""
    (attacks,) = named(read("Ukrainian troops repelled 12 Russian attacks near Pokrovsk."),
                       "Pokrovsk", EventKind.ASSAULT)
    assert attacks.actor == "Russian"


# --- who says so: passives, assessments, evidence; own forces; weekdays ---------------------

def test_a_passive_report_names_no_claimant(read):
    # DAY is a Thursday: "late on Wednesday" is another day, kept as the events' time
    events = read("Explosions were reported in Odesa and Kherson late on Wednesday.")
    assert [(e.kind, e.mention.text, e.claimed_by, e.when) for e in events] == [
        (EventKind.STRIKE, "Odesa", "", "late on Wednesday"),
        (EventKind.STRIKE, "Kherson", "", "late on Wednesday")]
    events = read("Shelling was also reported in Kupiansk, the regional governor said.")
    assert [(e.mention.text, e.claimed_by) for e in events] == [
        ("Kupiansk", "the regional governor")]


def test_assessments_attribute_what_they_assess(read):
    events = read("The ISW assessed that Russian forces likely advanced near Siversk but had not "
                  "captured the town.")
    assert [(e.kind, e.actor, e.claimed_by, e.denied_by) for e in events] == [
        (EventKind.ASSAULT, "Russian forces", "The ISW", ""),
        (EventKind.CONTROL_AFFIRMED, "", "The ISW", "The ISW")]
    for text, speaker in (
            ("Analysts estimated that Russian forces advanced near Vuhledar.", "Analysts"),
            ("Kyiv's military concluded that Russian forces had breached defences near Toretsk.",
             "Kyiv's military"),
            ("Russian forces have captured Novohrodivka, per the Russian Defence Ministry.",
             "the Russian Defence Ministry")):
        assert {e.claimed_by for e in read(text)} == {speaker}


def test_evidence_is_the_source_of_what_it_shows(read):
    events = read("Geolocated footage shows Russian armour advancing west of Toretsk.")
    assert [(e.mention.text, e.actor, e.claimed_by) for e in events] == [
        ("Toretsk", "Russian armour", "Geolocated footage")]
    events = read("Unconfirmed reports suggest Ukrainian forces retreated from Vuhledar.")
    assert [(e.kind, e.claimed_by) for e in events] == [
        (EventKind.WITHDRAWAL, "Unconfirmed reports")]
    # whoever posted the footage is its source; a map is no source
    events = read("Footage posted by Russian milbloggers shows Russian forces entering Ukrainsk.")
    assert [(e.kind, e.claimed_by) for e in events] == [
        (EventKind.ASSAULT, "Russian milbloggers")]
    assert {e.claimed_by for e in read("The map shows Russian forces advancing near Toretsk.")} \
        == {""}


def test_its_troops_are_the_speakers_side(read):
    events = read("Ukraine's General Staff said its troops repelled 14 assaults near Kurakhove.")
    (repelled,) = named(events, "Kurakhove", EventKind.ENTRY_REPELLED)
    assert (repelled.actor, repelled.claimed_by) == ("Ukrainian troops", "Ukraine's General Staff")
    events = read("The Russian Defence Ministry said its forces had liberated Novohrodivka.")
    assert [e.actor for e in events] == ["Russian forces"]
    events = read("Moscow said its troops had repelled a Ukrainian attack near Kreminna.")
    assert {(e.kind, e.actor) for e in events} == {
        (EventKind.ENTRY_REPELLED, "Russian troops"), (EventKind.ASSAULT, "Ukrainian")}


def test_a_units_name_speaks_and_attacks_nothing(read):
    events = read("Ukraine's 3rd Assault Brigade said its fighters had pushed Russian troops back "
                  "near Kupiansk.")
    assert [(e.kind, e.actor, e.claimed_by) for e in events] == [
        (EventKind.ENTRY_REPELLED, "Ukrainian fighters", "Ukraine's 3rd Assault Brigade")]


def test_a_side_named_with_its_arm_is_the_actor(read):
    events = read("Russian artillery shelled Kherson on Monday, AFP reported, citing the regional "
                  "governor.")
    assert [(e.actor, e.claimed_by, e.when) for e in events] == [
        ("Russian artillery", "AFP", "on Monday")]
    events = read("Ukraine's army said it had repelled 12 attacks near Pokrovsk. The enemy also "
                  "shelled Myrnohrad, it added.")
    assert [e.actor for e in named(events, "Myrnohrad")] == ["enemy"]


def test_both_sides_claim_and_the_report_day_is_no_time(read):
    events = read("Both sides claim control of Robotyne after days of fighting.")
    assert {(e.kind, e.claimed_by) for e in events} == {
        (EventKind.CAPTURE_CLAIM, "Both sides"), (EventKind.ASSAULT, "Both sides")}
    events = read("Ukrainian troops repelled an attack near Kupiansk on Thursday, the General "
                  "Staff said.")
    assert events and {e.when for e in events} == {""}  # DAY is that Thursday
    assert {e.when for e in read("Russian troops shelled Kherson on Sunday evening.")} == {
        "on Sunday evening"}


def test_took_a_settlement_is_a_capture(read):
    events = read("Russian forces took Vuhledar after weeks of fighting, the Russian Defence "
                  "Ministry said.")
    (capture,) = named(events, "Vuhledar", EventKind.CAPTURE_CLAIM)
    assert (capture.actor, capture.claimed_by) == ("Russian forces", "the Russian Defence Ministry")
    assert named(read("Russia's Defence Ministry said its troops had taken the town of Toretsk."),
                 "Toretsk", EventKind.CAPTURE_CLAIM)
    # not when it is planned, or when what is taken is no place
    assert not [e for e in read("Russia plans to take Pokrovsk by the end of the year.")
                if e.kind is EventKind.CAPTURE_CLAIM]
    assert not [e for e in read("Officials from Kharkiv took part in talks, the mayor said.")
                if e.kind is EventKind.CAPTURE_CLAIM]


# --- air defence, groupings, "which X denied", abbreviated dates, German speakers ------------

def test_air_defence_shooting_down_drones_is_an_interception_by_the_defenders(read):
    events = read("Air defences downed 12 Russian drones over Odesa, the regional governor said.")
    assert [(e.kind, e.mention.text, e.actor, e.claimed_by) for e in events] == [
        (EventKind.INTERCEPTION, "Odesa", "Air defences", "the regional governor")]
    # passive: the drones shot down are what was intercepted, never who intercepted
    events = read("Overnight, 45 Russian drones were shot down over Kharkiv oblast, the air "
                  "force said.")
    assert [(e.kind, e.mention.text, e.actor, e.precision) for e in events] == [
        (EventKind.INTERCEPTION, "Kharkiv", "", Precision.REGION)]
    events = read("Overnight 40 drones were downed over Sumy.")
    assert [(e.kind, e.mention.text) for e in events] == [(EventKind.INTERCEPTION, "Sumy")]
    # a factory making drones is no interception: the strike on it is a strike
    events = read("A Russian strike destroyed a drone factory in Dnipro.")
    assert [(e.kind, e.actor) for e in events] == [(EventKind.STRIKE, "Russian")]


def test_a_place_attacked_by_drones_or_missiles_is_struck_not_assaulted(read):
    events = read("Kyiv was attacked by 30 Shahed drones overnight, the city administration "
                  "said.")
    assert [(e.kind, e.mention.text) for e in events] == [(EventKind.STRIKE, "Kyiv")]
    events = read("Russia attacked Odesa with ballistic missiles on Monday.")
    assert [(e.kind, e.mention.text) for e in events] == [(EventKind.STRIKE, "Odesa")]
    # troops attacking with tanks assault
    events = read("Russian troops attacked Robotyne with tanks and infantry.")
    assert [(e.kind, e.mention.text) for e in events] == [(EventKind.ASSAULT, "Robotyne")]


def test_troops_that_occupied_a_settlement_captured_it(read):
    events = read("DeepState says Russian troops occupied Novotoretske and advanced near "
                  "Myrnohrad.")
    assert [(e.kind, e.mention.text, e.actor) for e in events] == [
        (EventKind.CAPTURE_CLAIM, "Novotoretske", "Russian troops"),
        (EventKind.ASSAULT, "Myrnohrad", "Russian troops")]
    # "occupied" describing a place is no capture
    events = read("A drone hit a depot in Russian-occupied Melitopol, the mayor said.")
    assert [e.kind for e in events] == [EventKind.STRIKE]
    events = read("Residents of the occupied Nova Kakhovka were evacuated.")
    assert EventKind.CAPTURE_CLAIM not in {e.kind for e in events}


def test_a_region_known_only_by_its_capital_is_placed_as_a_region(read):
    """Russia's regions are not in the gazetteer's admin units: "the Kursk region" resolves to
    Kursk, and the event says it happened somewhere in the region, not in the city."""
    events = read("Ukrainian drones attacked the Kursk region overnight, the Russian Defence "
                  "Ministry said.")
    assert [(e.kind, e.precision) for e in events] == [(EventKind.STRIKE, Precision.REGION)]
    events = read("Ukrainian drones attacked Kursk overnight, the Russian Defence Ministry said.")
    assert [(e.kind, e.precision) for e in events] == [(EventKind.STRIKE, Precision.PLACE)]
    # a place the region holds is where it happened
    events = read("Ukrainian troops are fighting in the Kursk region near Sudzha.")
    assert [(e.kind, e.mention.text) for e in events] == [(EventKind.ASSAULT, "Sudzha")]


def test_fighting_for_a_place_is_an_assault_there(read):
    events = read("Ukrainian troops continue to fight for Sudzha, the General Staff said.")
    assert [(e.kind, e.mention.text) for e in events] == [(EventKind.ASSAULT, "Sudzha")]
    assert not read("Officials in Kharkiv vowed to fight corruption.")


def test_gebiet_before_a_name_is_its_oblast(read):
    """German "im Gebiet Donezk" is Donetsk oblast: the capture is of the village, not of
    the city of Donetsk."""
    events = read("Die russische Armee hat nach eigenen Angaben das Dorf Pokrowka im Gebiet "
                  "Donezk erobert, teilte das Verteidigungsministerium mit.")
    assert [(e.kind, e.mention.text) for e in events] == [(EventKind.CAPTURE_CLAIM, "Pokrowka")]


def test_air_defence_in_ukrainian_russian_and_german(read):
    cases = {
        "Сили ППО збили 40 дронів над Одесою, повідомили у Повітряних силах.": "Одесою",
        "Средства ПВО сбили 12 беспилотников над Херсоном, сообщило Минобороны.": "Херсоном",
        "Über Odessa wurden 25 Drohnen abgeschossen, teilte die Luftwaffe mit.": "Odessa",
    }
    for text, place in cases.items():
        kinds = {(e.kind, e.mention.text) for e in read(text)}
        assert (EventKind.INTERCEPTION, place) in kinds, text


@pytest.mark.parametrize("text, expected", [
    ("Russian missiles hit Kharkiv overnight, the mayor said.", [(EventKind.STRIKE, "Kharkiv")]),
    ("A drone hit the town of Kupiansk at dawn.", [(EventKind.STRIKE, "Kupiansk")]),
    ("The bridge near Zatoka was hit again by Russian missiles.", [(EventKind.STRIKE, "Zatoka")]),
    # "hit" with no place for its object is no strike
    ("Prices in Odesa hit a record high in November.", []),
    ("Ukraine's economy was hit hard by the power cuts in Kyiv.", []),
    # a helicopter destroyed near the front, no airfield named: shot down
    ("Ukrainian forces destroyed a Russian Ka-52 helicopter near Robotyne.",
     [(EventKind.INTERCEPTION, "Robotyne")]),
])
def test_hit_is_a_strike_on_the_place_it_names(read, text, expected):
    assert [(e.kind, e.mention.text) for e in read(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("KYIV, Nov 20 (Reuters) - Russian drones struck energy facilities in the Lviv region.",
     [(EventKind.STRIKE, "Lviv")]),
    ("KHARKIV -- Russian missiles struck Kupiansk overnight.", [(EventKind.STRIKE, "Kupiansk")]),
    ("Kyiv, 3 March (AFP) - Russian troops captured Krasnohorivka, Moscow said.",
     [(EventKind.CAPTURE_CLAIM, "Krasnohorivka")]),
    # "the city" after a dateline is the city the story was filed from
    ("KHERSON, Ukraine (AP) — Russian shelling killed two people in the city on Monday.",
     [(EventKind.STRIKE, "KHERSON"), (EventKind.CASUALTIES, "KHERSON")]),
    # prose, not a dateline: a name not in capitals, with no date nor news agency
    ("Kupiansk - the town on the Oskil - was shelled again.", [(EventKind.STRIKE, "Kupiansk")]),
    ("Kupiansk (Kupyansk) - the town on the Oskil - was shelled again.",
     [(EventKind.STRIKE, "Kupyansk")]),
])
def test_a_datelines_place_is_where_the_story_was_filed_not_the_event(read, text, expected):
    assert [(e.kind, e.mention.text) for e in read(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Toretsk is now almost entirely under Russian control, analysts said.",
     [(EventKind.CAPTURE_CLAIM, "Toretsk", "Russian")]),
    ("Kupiansk is under Ukrainian control, the General Staff said.",
     [(EventKind.CONTROL_AFFIRMED, "Kupiansk", "Ukrainian")]),
    ("Kupiansk remains under Ukrainian control, the General Staff said.",
     [(EventKind.CONTROL_AFFIRMED, "Kupiansk", "Ukrainian")]),
    ("Avdiivka fell to Russian forces in February.",
     [(EventKind.CAPTURE_CLAIM, "Avdiivka", "Russian forces")]),
    # a road under fire control changes no hands; a place no longer held is no affirmation
    ("The road to Pokrovsk is under Russian fire control.", []),
    ("Velyka Novosilka is no longer under Ukrainian control.", []),
])
def test_whose_control_a_place_is_under(read, text, expected):
    assert [(e.kind, e.mention.text, e.actor) for e in read(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("The Ukrainian army lost up to 500 servicemen near Pokrovsk, the ministry said.",
     [(EventKind.CASUALTIES, "Pokrovsk", "")]),
    ("Russia lost 1,200 soldiers near Kupiansk in a week, Kyiv said.",
     [(EventKind.CASUALTIES, "Kupiansk", "")]),
    ("The team lost 3 games in Kharkiv.", []),
])
def test_troops_lost_are_casualties_of_the_side_that_lost_them(read, text, expected):
    # the side that lost them is no actor: it did not inflict them
    assert [(e.kind, e.mention.text, e.actor) for e in read(text)] == expected


@pytest.mark.parametrize("text", [
    "Russian forces made marginal gains near Siversk.",
    "Russian forces have been gaining ground near Siversk for weeks.",
])
def test_gains_are_an_advance(read, text):
    assert [(e.kind, e.mention.text, e.actor) for e in read(text)] == [
        (EventKind.ASSAULT, "Siversk", "Russian forces")]


@pytest.mark.parametrize("text", [
    "The village of Zaitseve near Horlivka was shelled overnight.",
    "Zaitseve, near Horlivka, was shelled overnight.",
    "Russian forces shelled Zaitseve near Horlivka overnight.",
])
def test_a_place_located_by_another_is_the_events_place(read, text):
    # Horlivka only says which Zaitseve (there are four in GeoNames) is meant
    assert [(e.kind, e.mention.text) for e in read(text)] == [(EventKind.STRIKE, "Zaitseve")]


def test_a_named_grouping_of_forces_is_the_actor(read):
    events = read("Russia's Defence Ministry said the Center group of forces had captured "
                  "the village of Novopavlivka.")
    assert [(e.kind, e.actor, e.claimed_by) for e in events] == [
        (EventKind.CAPTURE_CLAIM, "the Center group of forces", "Russia's Defence Ministry")]
    events = read("Units of the Russian Vostok Grouping took control of Uspenivka, the "
                  "ministry said.")
    assert [e.actor for e in events] == ["the Russian Vostok Grouping"]
    # a firm that is a "group" is no grouping of forces
    events = read("The Kursk group of companies opened a shop, and Russian troops shelled "
                  "Sumy.")
    assert [e.actor for e in events] == ["Russian troops"]


def test_halted_assaults_are_repelled_and_stay_assaults_of_the_other_side(read):
    events = read("Ukrainian troops halted six Russian assaults near Pokrovsk, the General "
                  "Staff said.")
    assert [(e.kind, e.actor, e.precision) for e in events] == [
        (EventKind.ENTRY_REPELLED, "Ukrainian troops", Precision.NEAR),
        (EventKind.ASSAULT, "Russian", Precision.NEAR)]
    # "halted" with no attack as its object repels nothing
    assert read("Trains halted at Kupiansk station for an hour.") == []


def test_a_claim_followed_by_which_x_denied_is_two_events(read):
    events = read("Moscow said its forces had taken Kurakhove, which Kyiv denied.")
    assert [(e.kind, e.claimed_by, e.denied_by) for e in events] == [
        (EventKind.CONTROL_AFFIRMED, "Kyiv", "Kyiv"),
        (EventKind.CAPTURE_CLAIM, "Moscow", "Kyiv")]
    events = read("The ministry claimed Ukrainian units had withdrawn from Kurakhove, which "
                  "Ukraine's General Staff has rejected.")
    assert {(e.kind, e.denied_by) for e in events} == {
        (EventKind.CONTROL_AFFIRMED, "Ukraine's General Staff"),
        (EventKind.WITHDRAWAL, "Ukraine's General Staff")}
    events = read("Russian officials said their troops had captured Bohdanivka, which was "
                  "denied by Ukraine's army.")
    assert {e.denied_by for e in events} == {"Ukraine's army"}
    # "which" with no denying verb is no denial
    events = read("Russian forces captured Pishchane, which is five kilometres from the river.")
    assert [(e.kind, e.denied_by) for e in events] == [(EventKind.CAPTURE_CLAIM, "")]


def test_abbreviated_months_and_day_ranges_are_times_and_end_no_sentence(read):
    text = "Russian forces shelled Kherson on Dec. 3, killing two civilians, the governor said."
    assert [s.end - s.start for s in split_sentences(text)] == [len(text)]
    events = read(text, dt.date(2024, 12, 5))
    assert {(e.claimed_by, e.when) for e in events} == {("the governor", "on Dec. 3")}
    events = read("Fighting continued around Chasiv Yar on Nov. 29-30, the General Staff said.",
                  dt.date(2024, 12, 2))
    assert [(e.claimed_by, e.when) for e in events] == [("the General Staff", "on Nov. 29-30")]
    # the report's own day, inside the range, is no other time
    events = read("Fighting continued around Chasiv Yar on Nov. 29-30.", dt.date(2024, 11, 30))
    assert [e.when for e in events] == [""]
    events = read("Russian troops shelled Kherson on 4-5 December.", dt.date(2024, 12, 9))
    assert [e.when for e in events] == ["4-5 December"]
    # "Dec." followed by no day still ends its sentence
    assert len(split_sentences("Shelling went on until Dec. The town is quiet now.")) == 2


def test_german_speakers_after_zufolge_and_after_sagte(read):
    events = read("Dem ukrainischen Generalstab zufolge wurden bei Pokrowsk 30 Angriffe "
                  "abgewehrt.")
    assert {e.claimed_by for e in events} == {"ukrainischen Generalstab"}
    events = read("Russische Truppen haben Kupjansk angegriffen, sagte ein Sprecher der Armee.")
    assert [(e.actor, e.claimed_by) for e in events] == [
        ("Russische Truppen", "Sprecher der Armee")]


def test_a_denial_of_it_denies_the_claim_before_it(read):
    events = read("Russian forces captured Kupiansk, Moscow said, but Kyiv disputed it.")
    assert [(e.kind, e.claimed_by, e.denied_by, e.denial) for e in events] == [
        (EventKind.CONTROL_AFFIRMED, "Kyiv", "Kyiv", "disputed it"),
        (EventKind.CAPTURE_CLAIM, "Moscow", "Kyiv", "disputed it")]
    # a claim nobody is named for is still kept, denied
    events = read("Russian forces captured Kupiansk, but Kyiv denied it.")
    assert [(e.kind, e.claimed_by, e.denied_by) for e in events] == [
        (EventKind.CONTROL_AFFIRMED, "Kyiv", "Kyiv"),
        (EventKind.CAPTURE_CLAIM, "", "Kyiv")]
    # "denied that" opening a clause denies what follows: no claim of its own is made
    events = read("Kyiv denied that Russian forces had captured Kupiansk.")
    assert [(e.kind, e.denied_by) for e in events] == [(EventKind.CONTROL_AFFIRMED, "Kyiv")]


def test_before_a_passive_verb_stands_who_it_was_done_to_not_who_did_it(read):
    events = read("Russian troops were driven back from Kupiansk, the mayor said.")
    assert [(e.kind, e.actor) for e in events] == [(EventKind.ENTRY_REPELLED, "")]
    events = read("Two Ukrainian soldiers were wounded in Kherson.")
    assert [(e.kind, e.actor) for e in events] == [(EventKind.CASUALTIES, "")]
    # the agent after "by" is who did it; "were advancing" is no passive
    events = read("Russia was attacked near Belgorod by Ukrainian drones.")
    assert [e.actor for e in events] == ["Ukrainian drones"]
    events = read("Russian troops were advancing on Pokrovsk, the General Staff said.")
    assert [e.actor for e in events] == ["Russian troops"]
    # "have been trying to recapture" is still theirs
    events = read("The enemy has been trying to recapture Kupiansk for weeks.")
    assert [(e.kind, e.actor.lower()) for e in events] == [(EventKind.ASSAULT, "enemy")]


def test_a_ministry_crediting_a_unit_with_a_capture_claims_it(read):
    events = read("The Russian MoD credited elements of the 90th Tank Division with seizing "
                  "Petropavlivka.")
    assert [(e.kind, e.actor, e.claimed_by) for e in events] == [
        (EventKind.CAPTURE_CLAIM, "the 90th Tank Division", "The Russian MoD")]


def test_a_speaker_reports_an_event_rather_than_acts_it(read):
    events = read("Ukraine's General Staff reported 150 combat clashes near Pokrovsk.")
    assert [(e.kind, e.actor, e.claimed_by) for e in events] == [
        (EventKind.ASSAULT, "", "Ukraine's General Staff")]
    # unless a pronoun makes the speaker the subject or the owner
    events = read("Ukraine's air force said it shot down 30 drones over Sumy.")
    assert [(e.kind, e.actor) for e in events] == [
        (EventKind.INTERCEPTION, "Ukraine's air force")]
    events = read("The Ukrainian Army said Kupiansk remained under their control.")
    assert [(e.kind, e.actor) for e in events] == [
        (EventKind.CONTROL_AFFIRMED, "Ukrainian Army")]  # as the actor pattern reads it


def test_a_denial_of_the_claim_in_the_next_sentence_denies_it(read):
    events = read("Russia said it had taken Siversk. Ukraine rejected the claim.")
    assert [(e.kind, e.claimed_by, e.denied_by) for e in events] == [
        (EventKind.CAPTURE_CLAIM, "Russia", "Ukraine"),
        (EventKind.CONTROL_AFFIRMED, "Ukraine", "Ukraine")]
    # a sentence that denies nothing, or a denial in another paragraph, leaves the claim be
    events = read("Russian forces captured Kupiansk. Kyiv said the town was quiet.")
    assert [e.denied_by for e in events if e.kind is EventKind.CAPTURE_CLAIM] == [""]
    events = read("Russian forces captured Kupiansk.\n\nIn Kupiansk, Kyiv denied it.")
    assert [e.denied_by for e in events if e.kind is EventKind.CAPTURE_CLAIM] == [""]


def test_a_claim_called_false_is_denied_by_whoever_calls_it_so(read):
    # the denier is the subject of "called"/"described ... as", not the sentence's first speaker
    for text in ("Russia's Defence Ministry said its troops had liberated Yablunivka. "
                 "Ukraine's General Staff called the claim false.",
                 "Russia's Defence Ministry said its troops had liberated Yablunivka, but "
                 "Ukraine's General Staff called the claim false."):
        events = read(text)
        claims = named(events, "Yablunivka", EventKind.CAPTURE_CLAIM)
        affirmed = named(events, "Yablunivka", EventKind.CONTROL_AFFIRMED)
        assert [(e.claimed_by, e.denied_by) for e in claims] == [
            ("Russia's Defence Ministry", "Ukraine's General Staff")]
        assert [(e.claimed_by, e.denied_by) for e in affirmed] == [
            ("Ukraine's General Staff", "Ukraine's General Staff")]
    events = read("Moscow said its forces had taken Kurakhove. Ukrainian commanders dismissed "
                  "the reports as fake.")
    assert [e.denied_by for e in events if e.kind is EventKind.CAPTURE_CLAIM] == [
        "Ukrainian commanders"]
    # a label that denies nothing is no denial
    events = read("The governor called the strike on Kharkiv a war crime.")
    assert not [e for e in events if e.denied_by]


def test_forces_pushed_out_of_a_village_are_driven_back(read):
    events = read("Ukrainian troops pushed Russian forces out of Zatyshshia, the brigade said.")
    assert [(e.kind, e.actor, e.claimed_by) for e in named(events, "Zatyshshia")] == [
        (EventKind.ENTRY_REPELLED, "Ukrainian troops", "the brigade")]
    events = read("Ukrainian units cleared Kupiansk of Russian infiltration groups.")
    assert EventKind.ENTRY_REPELLED in {e.kind for e in named(events, "Kupiansk")}
    # clearing mines is no fighting
    assert not read("Sappers cleared the fields near Kupiansk of mines.")


def test_reaching_the_outskirts_is_an_assault_near_the_place(read):
    events = read("Russian troops have reached the outskirts of Stupochky, according to "
                  "Ukrainian military bloggers.")
    assert [(e.kind, e.precision, e.actor) for e in named(events, "Stupochky")] == [
        (EventKind.ASSAULT, Precision.NEAR, "Russian troops")]


def test_an_attribution_after_its_clause_speaks_for_that_clause(read):
    events = read("Ukrainian drones hit an oil depot in Novorossiysk overnight, the port's mayor "
                  "said, while air defences over Bryansk shot down 14 drones, according to "
                  "the regional governor.")
    assert [(e.kind, e.claimed_by) for e in named(events, "Bryansk")] == [
        (EventKind.INTERCEPTION, "the regional governor")]
    assert "mayor" in named(events, "Novorossiysk")[0].claimed_by
    # an attribution that opens a sentence speaks for what follows it
    events = read("On Monday, the governor said drones hit Sumy, and missiles struck Konotop.")
    assert {e.claimed_by for e in events if e.kind is EventKind.STRIKE} == {"the governor"}


def test_destroying_equipment_on_the_ground_is_a_strike(read):
    events = read("Ukraine's military said it had destroyed a Russian S-400 launcher near "
                  "Dzhankoi in occupied Crimea.")
    assert [(e.kind, e.precision) for e in named(events, "Dzhankoi")] == [
        (EventKind.STRIKE, Precision.NEAR)]
    # drones destroyed in the air stay an interception
    events = read("Air defences destroyed 20 drones over Kharkiv overnight.")
    assert [e.kind for e in named(events, "Kharkiv")] == [EventKind.INTERCEPTION]


@pytest.mark.parametrize(("text", "kind", "place"), [
    # a place that only locates another ("on the road to", "upstream of", "on the southern
    # edge of") is not where the event happened
    ("Russian troops stormed Klishchiivka, south of Bakhmut on the road to Horlivka.",
     EventKind.ASSAULT, "Klishchiivka"),
    ("Ukrainian forces shelled Oleshky, downstream of Nova Kakhovka.", EventKind.STRIKE, "Oleshky"),
    ("Krasnohorivka, on the western edge of Donetsk, was attacked again by Russian infantry.",
     EventKind.ASSAULT, "Krasnohorivka"),
])
def test_a_place_that_only_locates_another_is_not_the_event_place(read, text, kind, place):
    events = read(text)
    assert [(e.kind, e.mention.text) for e in events] == [(kind, place)]


@pytest.mark.parametrize(("text", "kind", "place"), [
    ("Kupiansk came under Russian occupation control in February 2022.",
     EventKind.CAPTURE_CLAIM, "Kupiansk"),
    ("Russian shelling hit Kupiansk. Moscow claimed to have taken the town.",
     EventKind.CAPTURE_CLAIM, "Kupiansk"),
    # a call to evacuate is an evacuation
    ("Families in Kupiansk were ordered to evacuate.", EventKind.EVACUATION, "Kupiansk"),
])
def test_control_changes_and_evacuation_calls(read, text, kind, place):
    assert (kind, place) in [(e.kind, e.mention.text) for e in read(text)]


def test_a_hypothetical_capture_is_still_no_event(read):
    events = read("Fighting went on near Kupiansk. Analysts said Russia could take the town.")
    assert EventKind.CAPTURE_CLAIM not in [e.kind for e in events]


def test_a_claim_said_to_be_untrue_is_denied_back(read):
    events = read("Moscow said its troops had captured Kupiansk. Kyiv insisted the claims were "
                  "untrue.")
    assert sorted((e.kind, e.mention.text, e.claimed_by, e.denied_by) for e in events) == [
        (EventKind.CAPTURE_CLAIM, "Kupiansk", "Moscow", "Kyiv"),
        (EventKind.CONTROL_AFFIRMED, "Kupiansk", "Kyiv", "Kyiv")]


def test_a_denial_naming_the_event_denies_the_claim_made_before_at_that_place(read):
    events = read("Russia's Defence Ministry claimed the capture of Rivnopillia. Ukraine's "
                  "Southern Defense Forces denied the capture of Rivnopillia.")
    # the denier makes no claim of its own: one capture claim, Russia's, denied
    assert [(e.kind, e.claimed_by, e.denied_by) for e in events] == [
        (EventKind.CAPTURE_CLAIM, "Russia's Defence Ministry",
         "Ukraine's Southern Defense Forces"),
        (EventKind.CONTROL_AFFIRMED, "Ukraine's Southern Defense Forces",
         "Ukraine's Southern Defense Forces")]
    # only the claims at the place it names
    events = read("Russia claimed to have taken Siversk and Rivnopillia. Kyiv denied the fall "
                  "of Siversk.")
    denied = {e.mention.text: e.denied_by for e in events if e.kind is EventKind.CAPTURE_CLAIM}
    assert denied == {"Siversk": "Kyiv", "Rivnopillia": ""}


@pytest.mark.parametrize("text", [
    "Russia said it had taken Synkivka. Ukraine denied the claim on the same day.",
    "Russia said it had taken Synkivka. Ukraine denied the claim and said its troops still "
    "hold positions in the village.",
])
def test_a_denial_of_the_claim_may_say_more_after_it(read, text):
    claims = [e for e in read(text) if e.kind is EventKind.CAPTURE_CLAIM]
    assert [(e.claimed_by, e.denied_by) for e in claims] == [("Russia", "Ukraine")]


def test_a_speaker_opening_a_later_clause_does_not_speak_for_the_one_before(read):
    events = read("Fighting continued near Dvorichna and Synkivka, and Russian sources claimed "
                  "the capture of Petropavlivka.")
    by = {e.mention.text: e.claimed_by for e in events}
    assert by == {"Dvorichna": "", "Synkivka": "", "Petropavlivka": "Russian sources"}
    # a speaker after a quote or at the sentence's end speaks for all of it
    events = read("Russian forces captured Marinka and attacked Krasnohorivka, the ministry said.")
    assert {e.claimed_by for e in events} == {"the ministry"}


def test_a_list_goes_on_past_an_aside_and_a_repeated_near(read):
    text = ("Ukrainian forces repelled assaults near Stupochky and Predtechyne, east of "
            "Kostiantynivka, and near Bila Hora and Oleksandro-Shultyne to the southeast.")
    repelled = {e.mention.text for e in read(text) if e.kind is EventKind.ENTRY_REPELLED}
    assert repelled == {"Stupochky", "Predtechyne", "Bila Hora", "Oleksandro-Shultyne"}
    events = read("Russian forces captured Zvirove, southwest of Pokrovsk, and Novopavlivka, "
                  "southeast of the city.")
    assert {e.mention.text for e in events if e.kind is EventKind.CAPTURE_CLAIM} == {
        "Zvirove", "Novopavlivka"}
    # the reference itself is no place of the list, and a locative aside lists nothing
    assert "Kostiantynivka" not in {e.mention.text for e in read(text)}
    events = read("Russian troops attacked Makiivka, in the Krasnorichenske hromada.")
    assert {e.mention.text for e in events} == {"Makiivka"}
