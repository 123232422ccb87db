"""geo.prescan tries a pattern only where its matches can start: the prefixes it reads from a
pattern are checked against patterns read by hand, and what it finds against the pattern's own
finditer, over random texts and windows."""

from __future__ import annotations

import random
import re

import pytest

from geo import claims, events
from geo.prescan import Starts, finditer_at, prefixes, word_alternation


def test_prefixes_of_a_word_alternation_are_its_words_first_letters():
    pattern = re.compile(r"\b(?:said|says|told|tweeted|in)\b")
    assert prefixes(pattern) == {tuple("said"), tuple("says"), tuple("told"), tuple("twee"),
                                 tuple("in")}


def test_prefixes_stop_at_an_optional_part_and_a_character_class():
    assert prefixes(re.compile(r"\b(?:re)?take[ns]\b")) == {tuple("reta"), tuple("take")}
    assert prefixes(re.compile(r"\bshell(?:ed|ing)\b")) == {tuple("shel")}
    assert prefixes(re.compile(r"\b[0-9]+\s+km")) is None  # a range is not read


def test_a_pattern_that_may_start_anywhere_has_no_prefixes():
    assert prefixes(re.compile(r"(?<!\w)said")) is None  # no "\b" before the word
    assert prefixes(re.compile(r"\b(?:said|,)")) is None  # "," is no word character
    assert Starts.of(re.compile(r"x+")).find("abc") == [0, 1, 2]


def test_case_insensitive_prefixes_match_either_case():
    pattern = re.compile(r"\bkyiv\b", re.I)
    starts = Starts.of(pattern)
    text = "From KYIV to Kyiv, not kyivan: (kyiv)"
    found = starts.find(text)
    assert [m.start() for m in finditer_at(pattern, text, found, 0, len(text))] == [
        m.start() for m in pattern.finditer(text)] == [5, 13, 32]


PIECES = ["said", "says", "Said", "according to", "According  to", "citing", "Source:", "denied",
          "denies the claims", "not true", "Russian troops", "Ukrainian forces", "attacked",
          "shelling", "captured", "advance", "in advance", "withdrew", "ſaid", "ıt", "İn",
          "\u212aharkiv", "the", "of", "Kupiansk", "-", "—", "(", ")", "\"", "“", "\n", "\n\n",
          ",", ".", " ", "  ", "\t", "\u00a0", "x", "9", "_", "'s", "Ministry", "army", "killed",
          "wounded", "evacuated", "repelled", "remains under", "Ukrainian control", "failed to",
          "enter", "on the", "along the", "Oskil", "River", "am", "на річці", "sur la rivière",
          "shot down", "intercepted", "drones", "air defences", "the Vostok Grouping"]


def _texts(count: int, seed: int):
    rng = random.Random(seed)
    for _ in range(count):
        parts = [rng.choice(PIECES) for _ in range(rng.randint(0, 14))]
        yield "".join(p + rng.choice(["", " ", " ", "\n", "-"]) for p in parts)


PATTERNS = {"river phrase": claims._RIVER_PHRASE_RE, "actor": events._ACTOR_RE,
            "say verb": events._SAY_VERB, "according": events._ACCORDING,
            "denial": events._DENIAL,
            **{f"trigger {kind.value}": pattern for kind, pattern in events._TRIGGER_RES}}


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_finditer_at_the_found_starts_is_the_patterns_finditer(name):
    pattern = PATTERNS[name]
    starts = Starts.of(pattern)
    rng = random.Random(name)
    matched = 0
    for text in _texts(3000, seed=len(name)):
        for subject in (text, text.lower()):
            found = starts.find(subject)
            lo = rng.randint(0, len(subject))
            hi = rng.randint(lo, len(subject))
            for a, b in ((0, len(subject)), (lo, hi)):
                want = [(m.span(), m.groups()) for m in pattern.finditer(subject, a, b)]
                got = [(m.span(), m.groups()) for m in finditer_at(pattern, subject, found, a, b)]
                assert got == want, (name, subject, a, b)
                matched += len(want)
    assert matched > 0  # the generator reaches the pattern, so agreement means something


def test_word_alternation_matches_where_the_plain_alternation_does():
    rng = random.Random(5)
    alphabet = "abеoр -"
    for _ in range(300):
        words = {"".join(rng.choice(alphabet[:5]) for _ in range(rng.randint(1, 4)))
                 for _ in range(rng.randint(1, 6))}
        plain = re.compile(r"\s(?:" + "|".join(map(re.escape, words)) + r")\b", re.I)
        trie = re.compile(r"\s" + word_alternation(words) + r"\b", re.I)
        text = "".join(rng.choice(alphabet + "AB") for _ in range(40))
        for at in range(len(text)):
            assert bool(plain.match(text, at)) == bool(trie.match(text, at)), (words, text, at)


def test_word_alternation_turns_down_a_word_it_only_begins():
    trie = re.compile(word_alternation(["oblast", "of", "river"]) + r"\b", re.I)
    assert trie.match("Oblast") and trie.match("of") and trie.match("RIVER")
    assert not trie.match("ob") and not trie.match("rivers") and not trie.match("often")
