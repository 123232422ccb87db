"""Name normalisation and transliteration.

Place names reach us as Kupiansk, Kupyansk, Kup'yans'k, Kupjansk, Купʼянськ or Купянск. They meet
on *keys*, never on exact strings:

- :func:`name_key` is the exact key: case, diacritics, apostrophes, soft signs, hyphens and
  spacing folded away; Cyrillic transliterated under the Ukrainian national system (2010).
- :func:`translit_variants` gives every Latin spelling we index a Cyrillic name under: the
  national system and the common Russian-derived press scheme (Kupiansk / Kupyansk).
- :func:`transcribe` gives the German (Duden) and French spellings of a Cyrillic name
  (:data:`FOREIGN_SCHEMES`: Charzysk, Vovtchansk), which the name index also keys places under.
- :func:`skeleton_key` is the phonetic fallback: kh~h, zh~z, g~h, w~v, ya~ia~ja, doubled letters
  and vowels folded, so Kharkov/Kharkiv and Zaporozhye/Zaporizhzhia meet.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

#: Version of the key functions below; the shipped name index records the version it was built
#: with, and the gazetteer refuses a stale index. Bump it whenever a key function changes.
KEY_VERSION = 5

#: Characters read as an apostrophe or a soft-sign mark in Ukrainian and its transliterations.
APOSTROPHES = "'’‘ʼʹʺ`´″\"“”ˈ′"

_WORD_START_UK = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_INNER_UK = {"є": "ie", "ї": "i", "й": "i", "ю": "iu", "я": "ia"}
_COMMON_UK = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "ж": "zh", "з": "z",
    "и": "y", "і": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ь": "", "ъ": "",
    # Russian letters met in Ukrainian texts, read the national way.
    "ы": "y", "э": "e", "ё": "io",
}
_RUSSIAN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "є": "ye",
}
_RUSSIAN_WORD_START = {"е": "ye"}
# After a vowel, Russian е is iotated: Авдеевка -> Avdeyevka.
_RUSSIAN_IOTATED_E = re.compile(r"(?<=[аеёиоуыэюяіїєАЕЁИОУЫЭЮЯІЇЄ])е")

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_SPACES = re.compile(r"[\s\-‐‑‒–—_./,]+")
_NON_KEY = re.compile(r"[^0-9a-z ]+")
_DOUBLED = re.compile(r"(.)\1+")
_VOWELS = re.compile(r"[aeiouy]+")
_APOSTROPHE_TABLE = str.maketrans({c: "" for c in APOSTROPHES})

# Latin digraphs folded by the phonetic skeleton, longest first.
_SKELETON_RULES = (
    ("shch", "s"), ("sch", "s"), ("tsch", "c"), ("tch", "c"), ("kh", "h"), ("zh", "z"),
    ("ch", "c"), ("sh", "s"), ("ts", "c"), ("tz", "c"), ("cz", "c"), ("sz", "s"), ("ph", "f"),
    ("g", "h"), ("w", "v"), ("x", "h"), ("q", "k"), ("j", "i"),
)


def has_cyrillic(text: str) -> bool:
    """True if ``text`` holds at least one Cyrillic letter."""
    return _CYRILLIC.search(text) is not None


def _translit(text: str, table: dict[str, str], word_start: dict[str, str],
              inner: dict[str, str]) -> str:
    out: list[str] = []
    at_word_start = True
    for ch in text:
        low = ch.lower()
        if low in word_start and at_word_start:
            piece = word_start[low]
        elif low in inner:
            piece = inner[low]
        elif low in table:
            piece = table[low]
        else:
            piece = ch
        if ch != low and piece:
            piece = piece[0].upper() + piece[1:]
        out.append(piece)
        if ch.isalpha():
            at_word_start = False
        elif ch not in APOSTROPHES:
            at_word_start = True
    return "".join(out)


def transliterate_national(text: str) -> str:
    """Latin form of Cyrillic ``text`` under Ukraine's national system (CMU resolution 55, 2010).

    ``зг`` is written ``zgh``, ``ь`` and apostrophes are dropped, and є ї й ю я take their
    word-initial forms (ye yi y yu ya) only at the start of a word. Latin text passes unchanged.
    """
    text = re.sub("зг", "зґг", text)
    text = re.sub("Зг", "Зґг", text)
    text = text.replace("ґг", "\x00")
    latin = _translit(text, _COMMON_UK, _WORD_START_UK, _INNER_UK)
    return latin.replace("\x00", "gh").translate(_APOSTROPHE_TABLE)


def transliterate_russian_style(text: str) -> str:
    """Latin form of Cyrillic ``text`` under the common Russian-derived press scheme.

    This is how the wires long wrote Ukrainian places (Kupyansk, Avdeyevka, Artemovsk):
    г is g, я is ya, и is i, soft signs and apostrophes dropped.
    """
    text = _RUSSIAN_IOTATED_E.sub("й\\g<0>", text)
    return _translit(text, _RUSSIAN, _RUSSIAN_WORD_START, {}).translate(_APOSTROPHE_TABLE)


class Scheme(NamedTuple):
    """A national transcription of Ukrainian and Russian into another language's letters, as
    its encyclopedias and press spell the places: German (Duden) Charzysk, Wosnessenka;
    French Vovtchansk, Koupiansk; Spanish Orijiv, Bajmut; Polish Wowczańsk, Awdijiwka
    (Харцизьк, Вознесенка, Вовчанськ, Куп'янськ, Оріхів, Бахмут, Авдіївка)."""

    name: str
    letters: dict[str, str]     # letters read alike in Ukrainian and Russian
    ukrainian: dict[str, str]   # Ukrainian г и
    russian: dict[str, str]     # Russian г и
    soft_o: str                 # ь before о (Werchnjotorezke, Verkhniotoretske)
    iotated_e: str              # Russian е at a word's start or after a vowel
    to_english: dict[str, str]  # letter groups back to English-style letters (tsch -> ch)
    double_s: bool = True       # с between vowels also written ss (Wosnessenka)
    after_consonant: dict[str, str] = {}  # я ю є after a consonant, or after one (л + я)


_SHARED_LETTERS = {
    "а": "a", "б": "b", "ґ": "g", "д": "d", "е": "e", "і": "i", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "ф": "f", "ь": "", "ъ": "",
    "ы": "y", "э": "e",
}
#: г and и as each language reads them (Ukrainian h y, Russian g i), in both schemes.
_UKRAINIAN_READING = {"г": "h", "и": "y"}
_RUSSIAN_READING = {"г": "g", "и": "i"}
GERMAN = Scheme(
    "German",
    {**_SHARED_LETTERS, "в": "w", "ж": "sch", "з": "s", "ї": "ji", "й": "j", "у": "u",
     "х": "ch", "ц": "z", "ч": "tsch", "ш": "sch", "щ": "schtsch", "ё": "jo", "є": "je",
     "ю": "ju", "я": "ja"},
    _UKRAINIAN_READING, _RUSSIAN_READING, soft_o="j", iotated_e="je",
    to_english={"schtsch": "shch", "tsch": "ch", "sch": "sh", "ch": "kh", "ss": "s", "z": "ts",
                "w": "v", "j": "y"})
FRENCH = Scheme(
    "French",
    {**_SHARED_LETTERS, "в": "v", "ж": "j", "з": "z", "ї": "ï", "й": "ï", "у": "ou",
     "х": "kh", "ц": "ts", "ч": "tch", "ш": "ch", "щ": "chtch", "ё": "io", "є": "ie",
     "ю": "iou", "я": "ia"},
    _UKRAINIAN_READING, _RUSSIAN_READING, soft_o="i", iotated_e="ie",
    to_english={"chtch": "shch", "tch": "ch", "ch": "sh", "ou": "u", "ss": "s", "j": "zh"})
SPANISH = Scheme(
    "Spanish",
    {**_SHARED_LETTERS, "в": "v", "ж": "zh", "з": "z", "ї": "i", "й": "i", "у": "u",
     "х": "j", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ё": "io", "є": "ie",
     "ю": "iu", "я": "ia"},
    _UKRAINIAN_READING, _RUSSIAN_READING, soft_o="i", iotated_e="ie",
    to_english={"j": "kh"}, double_s=False)
POLISH = Scheme(
    "Polish",
    {**_SHARED_LETTERS, "в": "w", "ж": "ż", "з": "z", "ї": "ji", "й": "j", "у": "u",
     "х": "ch", "ц": "c", "ч": "cz", "ш": "sz", "щ": "szcz", "ё": "io", "є": "je",
     "ю": "ju", "я": "ja"},
    _UKRAINIAN_READING, _RUSSIAN_READING, soft_o="io", iotated_e="je",
    to_english={"szcz": "shch", "cz": "ch", "sz": "sh", "ch": "kh", "c": "ts", "w": "v",
                "j": "y"}, double_s=False,
    # Polish l is soft already: Berdiańsk, but Hulajpole (Бердянськ, Гуляйполе)
    after_consonant={"я": "ia", "ю": "iu", "є": "ie", "ля": "a", "лю": "u", "лє": "e"})
#: The transcriptions the name index keys every Cyrillic name under, besides the national and
#: Russian-style ones.
FOREIGN_SCHEMES = (GERMAN, FRENCH, SPANISH, POLISH)
_CYRILLIC_VOWELS = frozenset("аеёиіїоуыэюяєАЕЁИІЇОУЫЭЮЯЄ")
#: Letters only Ukrainian writes, and letters only Russian writes.
_UKRAINIAN_ONLY = re.compile("[іїєґІЇЄҐ]")
_RUSSIAN_ONLY = re.compile("[ыэёъЫЭЁЪ]")


def _transcribe(text: str, scheme: Scheme, russian: bool, double_s: bool) -> str:
    language = scheme.russian if russian else scheme.ukrainian
    out: list[str] = []
    previous = ""
    for i, ch in enumerate(text):
        low = ch.lower()
        following = text[i + 1:i + 2]
        piece = language.get(low) or scheme.letters.get(low)
        if piece is None:
            piece = ch
        elif low in scheme.after_consonant and previous.isalpha() \
                and previous.lower() not in _CYRILLIC_VOWELS and previous.lower() not in "ьъй":
            piece = scheme.after_consonant.get(previous.lower() + low,
                                               scheme.after_consonant[low])
        elif low == "с" and double_s and previous in _CYRILLIC_VOWELS \
                and following in _CYRILLIC_VOWELS:
            piece = "ss"  # Wosnessenka, Lyssytchansk: one s between vowels would read as з
        elif low == "ь" and following.lower() == "о":
            piece = scheme.soft_o
        elif low == "й" and russian and previous.lower() in "иы" and not following.isalpha():
            piece = ""  # Russian adjectives: Nowy Oskol (Новый Оскол)
        elif low == "е" and russian and (not previous.isalpha() or previous in _CYRILLIC_VOWELS
                                          or previous.lower() in "ьъ"):
            piece = scheme.iotated_e
        if ch != low and piece:
            piece = piece[0].upper() + piece[1:]
        out.append(piece)
        if ch not in APOSTROPHES:
            previous = ch
    return "".join(out).translate(_APOSTROPHE_TABLE)


def transcribe(text: str, scheme: Scheme) -> set[str]:
    """Spellings of Cyrillic ``text`` under ``scheme``: the Ukrainian reading, the Russian
    reading, or both when the letters do not tell the language apart. с between vowels is
    written both ss (Wosnessenka) and s, as the name joins two words (Nowoseliwka).
    ``transcribe("Сніжне", GERMAN) == {"Snischne"}``, ``transcribe("Харцизьк", GERMAN) ==
    {"Charzysk", "Charzisk"}``; Latin text passes unchanged.
    """
    if not has_cyrillic(text):
        return {text}
    readings = []
    if not _RUSSIAN_ONLY.search(text):
        readings.append(False)
    if not _UKRAINIAN_ONLY.search(text):
        readings.append(True)
    return {_transcribe(text, scheme, russian, double_s)
            for russian in readings for double_s in {scheme.double_s, False}}


#: Each scheme's letter groups (longest first), to read back in one pass.
_GROUPS = {scheme.name: re.compile("|".join(sorted(scheme.to_english, key=len, reverse=True)))
           for scheme in FOREIGN_SCHEMES}


def respelling(name: str, scheme: Scheme) -> str:
    """The name key of a spelling under ``scheme`` with its letter groups in English style:
    ``respelling("Siwerskyj Donez", GERMAN) == "siverskyy donets"``. German writes с and з
    alike (s), so compare :func:`foreign_skeleton` with the :func:`fold_sibilants` skeleton
    of the English name."""
    return _GROUPS[scheme.name].sub(lambda m: scheme.to_english[m.group()], name_key(name))


def fold_sibilants(skeleton: str) -> str:
    """A phonetic skeleton with z read as s, the one letter German writes for both."""
    return skeleton.replace("z", "s")


def foreign_skeleton(name: str, scheme: Scheme) -> str:
    """Phonetic skeleton of a spelling under ``scheme`` read back into English-style letters,
    s and z one letter: ``foreign_skeleton("Charzysk", GERMAN) ==
    fold_sibilants(skeleton_key("Khartsyzk"))``."""
    return fold_sibilants(skeleton_key(respelling(name, scheme)))


def _fold_latin(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHE_TABLE))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.casefold().replace("ß", "ss").replace("ı", "i").replace("ł", "l")


def _ascii_key_table() -> dict[int, str]:
    table = {}
    for code in range(128):
        ch = chr(code)
        if ch.isalnum():
            table[code] = ch.lower()
        elif ch.isspace() or ch in "-_./,":
            table[code] = " "
        else:
            table[code] = ""  # apostrophes, quotes and every other sign vanish
    return table


_ASCII_KEY_TABLE = _ascii_key_table()


def name_key(name: str) -> str:
    """Exact matching key of a place name.

    Casefolded, diacritics stripped, apostrophes and soft signs removed, hyphens, dots and runs
    of spaces turned into one space; Cyrillic transliterated with the national system first.
    ``name_key("Kup’yans’k") == name_key("Kupyansk") == "kupyansk"``.
    """
    if name.isascii():  # fast path, same result as the general one below
        return " ".join(name.translate(_ASCII_KEY_TABLE).split())
    if has_cyrillic(name):
        name = transliterate_national(name)
    folded = _SPACES.sub(" ", _fold_latin(name))
    return " ".join(_NON_KEY.sub("", folded).split())


def translit_variants(name: str) -> set[str]:
    """All name keys a (possibly Cyrillic) name is indexed under.

    A Latin name gives its own key; a Cyrillic one gives the national and the Russian-style keys,
    so a Ukrainian spelling is found by its national (Kupiansk) and press (Kupyansk) forms.
    """
    keys = {name_key(name)}
    if has_cyrillic(name):
        keys.add(name_key(transliterate_russian_style(name)))
    keys.discard("")
    return keys


@lru_cache(maxsize=1 << 16)
def skeleton_key(name: str) -> str:
    """Phonetic skeleton of a name: the consonant frame after folding common spelling variants.

    kh~h, zh~z, g~h, w~v, ch~c, ts~c, j~i, doubled letters and every vowel (a e i o u y) removed;
    word breaks kept. Kharkiv and Kharkov both give ``"hrkv"``; Zaporizhzhia and Zaporozhye
    give ``"zprz"``. Deliberately lossy: use it only to gather candidates, then score them.
    """
    key = name_key(name)
    for old, new in _SKELETON_RULES:
        key = key.replace(old, new)
    key = _VOWELS.sub("", key)
    key = _DOUBLED.sub(r"\1", key)
    return " ".join(key.split())


@lru_cache(maxsize=1 << 16)
def spelling_key(name: str) -> str:
    """The name key with the phonetic skeleton's consonant folds (kh~h, zh~z, g~h, w~v, j~i,
    ...) and y~i, but its vowels kept: two transliterations of one name differ in few of them
    (Kharkov/Kharkiv give ``"harkov"``/``"harkiv"``), an ordinary word that shares a name's
    consonant frame in most ("Alaska"/Olesko). Compare such keys with a rapidfuzz ratio."""
    key = name_key(name)
    for old, new in _SKELETON_RULES:
        key = key.replace(old, new)
    return _DOUBLED.sub(r"\1", key.replace("y", "i"))


def common_prefix(a: str, b: str) -> int:
    """Length of the longest common prefix of two strings (compare name keys with it)."""
    shared = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        shared += 1
    return shared
