"""The toponym finder reads the text before a name backwards (one ``match`` at the name instead
of a ``search`` over the whole window). Each backward pattern must hold exactly when its forward
form, written out here as the specification, is found right before the name."""

from __future__ import annotations

import random
import re

import pytest

from geo import toponyms

CUE_WORDS = toponyms._CUE_WORDS.replace(" ", "|")
CUE_ADJECTIVES = toponyms._CUE_ADJECTIVES.replace(" ", "|")
SPEECH_WORDS = f"{toponyms._SPEECH_WORDS_EN} {toponyms._SPEECH_WORDS}".replace(" ", "|")
OBLAST_WORDS = toponyms._OBLAST_WORDS_BEFORE.replace(" ", "|")
PLURAL_OBLAST_WORDS = toponyms._PLURAL_OBLAST_WORDS_BEFORE.replace(" ", "|")
RAION_WORDS = toponyms._RAION_WORDS_BEFORE.replace(" ", "|")
UNIT_OF = toponyms._UNIT_OF.replace(" ", "|")
RIVER_WORDS = toponyms._RIVER_WORDS.replace(" ", "|")
WATER_WORDS = toponyms._WATER_WORDS_BEFORE.replace(" ", "|")

#: (backward pattern, forward specification searched in the window before the name, window).
PAIRS = {
    "oblast": (toponyms._OBLAST_BEFORE,
               rf"\b(?:{OBLAST_WORDS})\s+(?:(?:{UNIT_OF})\s+)?$", 60),
    "plural oblast": (toponyms._PLURAL_UNIT_BEFORE,
                      rf"\b(?:{PLURAL_OBLAST_WORDS})\s+(?:(?:{UNIT_OF})\s+)?$", 60),
    "raion": (toponyms._RAION_BEFORE, rf"\b(?:{RAION_WORDS})\s+(?:(?:{UNIT_OF})\s+)?$", 60),
    "river": (toponyms._RIVER_BEFORE, r"\b(?:river|the)\s+$", 60),
    "river word": (toponyms._RIVER_WORD_BEFORE,
                   rf"(?:\b(?:{RIVER_WORDS})|(?<![^\W\d_])(?:река|реки|"
                   r"реке|рекой|річка|річки|річці|ріки|ріка))\s+(?:de\s+la\s+|du\s+|des\s+|"
                   r"del\s+|de\s+)?$", 60),
    # "the Sea of Azov", "la mer d'Azov", "el mar Negro": a water word, then "of (the)",
    # "de", "d'" or nothing
    "water": (toponyms._WATER_BEFORE,
              rf"\b(?:{WATER_WORDS})(?:\s+(?:(?:of|de|di|del)\s+(?:the\s+)?)?|\s+d['’])\Z", 60),
    "sentence start": (toponyms._SENTENCE_START, r"(?:^|[.!?:;\"“”«»\n(\[]|\s[-–—])\s*$", 60),
    "cue": (toponyms._CUE_BEFORE,
            rf"\b(?:{CUE_WORDS})\W*(?:the\s+)?(?:(?:{CUE_ADJECTIVES})\s+)*$", 60),
    "speech": (toponyms._SPEECH_BEFORE, rf"\b(?:{SPEECH_WORDS})\s+$", 30),
    "crossing": (toponyms._CROSSING_BEFORE,
                 r"\b(?:crossed|cross|crosses|crossing|across|along|forded|fording)\s+the\s+$",
                 60),
    "frame": (toponyms._FRAME_BACKWARDS,
              r"(?:^|[.!?\n]|\s[-–—])\s*(?:in|across|в|у)(?:\s+the)?\s*$", 12),
}

PIECES = (CUE_WORDS.split("|") + CUE_ADJECTIVES.split("|") + SPEECH_WORDS.split("|") + [
    "oblast", "Region", "of", "the", "The", "river", "River", "de la", "du", "Sea", "gulf",
    "sea of", "Gulf of the", "lake of", "province", "Province of", "region of", "rivière",
    "oblasts of", "Oblasten", "regions", "régions de",
    "Rajon", "raïon de", "óblast de", "oblast' di", "oblast’", "regiunea", "raionul", "di",
    "de", "fiume", "rivier de", "řece", "Mar de", "mare di", "distretto di", "district of",
    "Fluss", "flusses", "río", "rio", "des", "del", "bay of", "reservoir of", "реке", "рекой",
    "река", "Річки", "ſ", "ı", "İ", "\u212a", "x", "Kharkiv", "2024", "_", "-", "–", "—", ".",
    ":", ";", "\"", "«", "(", "[", "\n", " ", "  ", "\u00a0", "\t", ",", "'s", "’", "a",
    "In", "in", "across", "crossed", "Along", "fording", "crossed the", "across the", "mer",
    "mer d'", "mar", "morze", "del", "lac", "d'", "d’",
    "along the", "в", "У"])


def _windows(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        parts = [rng.choice(PIECES) for _ in range(rng.randint(0, 8))]
        seps = [rng.choice(["", " ", " ", "  ", "\n", ", "]) for _ in parts]
        text = "".join(p + s for p, s in zip(parts, seps, strict=True))
        out.append(text[-rng.randint(0, 70):] if rng.random() < 0.3 else text)
    return out


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_backward_cue_agrees_with_its_forward_form(name):
    backward, forward, window = PAIRS[name]
    forward = re.compile(forward, re.I)
    hits = 0
    for before in _windows(20_000, seed=len(name)):
        before = before[-window:]
        want = forward.search(before) is not None
        assert (backward.match(before[::-1]) is not None) == want, (name, before)
        hits += want
    assert hits > 100  # the generator does reach the pattern, so agreement means something


def test_last_word_before_a_name_agrees_with_its_forward_form():
    forward = re.compile(r"([^\W\d_]+)[ \u00a0]*$")
    for before in _windows(20_000, seed=99):
        before = before[-40:]
        want = forward.search(before)
        got = toponyms._LAST_WORD.match(before[::-1])
        assert (got.group(1)[::-1] if got else None) == (want.group(1) if want else None), before
