"""Find the places a text names, and decide which place each one means.

:func:`find_mentions` scans capitalised word runs (Latin or Cyrillic), longest match first,
against the gazetteer's key index: exact keys, then possessives ("Kupiansk's"), then inflected
forms (Купянска, Donecko) through the phonetic skeleton. A name followed by "oblast", "region",
"raion" or "district" is an admin-unit mention whose text is the bare name ("Donetsk" of
"Donetsk oblast"), as the annotation convention has it; so is every name of a list that a
plural unit word follows or leads ("Kharkiv, Sumy and Chernihiv oblasts"). English declines no
name, so in English text a word met only through the skeleton must be a spelling variant of a
place's name ("Kharkov"; not "Prime" for Perm, see SPELLING_VARIANT_MIN_SCORE). Czech, Polish
and German spellings are also tried in the English style GeoNames mostly has ("Šachtarsk"), and
a few strong cues admit a name written in lower case ("the village of hrakove", Polish "obwód
charkowski"). Ukrainian and Russian case forms that change a consonant of the name are read
back to it ("біля Селидового", "в Авдіївці"), as are nouns' case forms ("у Волчанска", "біля
Суджі") and names of two words that both inflect ("в районі Часового Яру"). Warships,
streets and military units named after places are not the places ("the landing ship
Novocherkassk", "Sumska Street", "the Vostok battalion"), and in a headline, which
capitalises every word, a word needs more than a hamlet's name to be a place ("Drones Hit
Refinery").

:func:`resolve_mentions` then picks one candidate per mention, in order of what the text says:
a raion or oblast named nearby, other places of the report (coherence), then prominence. Every
choice carries a confidence and a one-line reason. Relations ("south of Pokrovsk") refine the
choice later, in :mod:`geo.reports`, once claims are parsed.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Collection, Sequence
from dataclasses import replace
from functools import lru_cache
from itertools import islice
from typing import NamedTuple

from geo import geodesy, text
from geo.errors import UnknownPlaceError
from geo.event_languages import CYRILLIC, LANGUAGES
from geo.gazetteer import (
    COUNTRY_NAMES,
    FACILITY_KIND_AFTER,
    AdminUnit,
    Candidate,
    Gazetteer,
    MatchRule,
    Place,
    facility_kind_before,
)
from geo.geocoder import HOME_COUNTRY, rank_candidates, rank_score
from geo.models import Mention, MentionKind
from geo.prescan import word_alternation

# The mention kinds as module constants: Python 3.11's EnumType defines __getattr__, which
# sends every ``MentionKind.X`` lookup down the slow attribute path (about 4 times a
# global's cost), and the finder and resolver ask each mention's kind several times.
_SETTLEMENT, _OBLAST, _RAION, _RIVER, _COUNTRY, _FACILITY = (
    MentionKind.SETTLEMENT, MentionKind.OBLAST, MentionKind.RAION, MentionKind.RIVER,
    MentionKind.COUNTRY, MentionKind.FACILITY)

#: Longest run of words tried as one name ("Novoselivka Druha", "Kupiansk-Vuzlovyi" is one).
MAX_NAME_WORDS = 4
#: Skeleton (inflection / spelling-variant) matches need this rapidfuzz ratio to the name.
INFLECTED_MIN_SCORE = 80.0
#: Distinct names whose candidates a finder keeps in memory (an LRU cache).
NAME_CACHE_SIZE = 50_000
#: Score given to an inflected form whose consonant frame equals the name's (see _prefix_score).
SAME_FRAME_SCORE = 85.0
#: Coherence: a namesake within this many km of the report's other places is preferred.
COHERENCE_MAX_KM = 120.0
#: Namesakes this much farther from the report's places than the nearest one count as just as
#: near; the likelier of them (rank order) wins: Bakhmut the city, not a hamlet 1 km closer.
COHERENCE_SLACK_KM = 10.0
#: A namesake this populous is what the name means unless the text names another oblast or
#: raion: coherence with nearby villages does not override a major city.
MAJOR_CITY_POPULATION = 100_000
#: Confidence in a namesake chosen by an oblast or raion named in an earlier sentence
#: ("In Donetsk oblast, ... . Later, X was shelled"): it often still applies, but less surely
#: than one named beside the place, so a stated relation ("south of Pokrovsk") may override it.
UNIT_BEFORE_CONFIDENCE = 0.85
#: How a reason says that the text itself names the unit a place lies in.
TEXT_SAYS = "as the text says"
#: A Cyrillic name that a dominant town has among its names letter for letter names it
#: unless more places with people than this bear it as their own name (see _spelt_town).
SPELT_TOWN_MAX_BEARERS = 3
#: A town (>= DOMINANT_TOWN_POPULATION) this many times as populous as every namesake is what
#: the name means, as a major city is (Avdiivka, Lyman, Huliaipole: not the hamlets so called).
DOMINANT_TOWN_RATIO = 5
DOMINANT_TOWN_POPULATION = 10_000
#: ... unless it lies far from all the report's other places and a namesake within this many
#: km of one of them (see _town_far_off).
TOWN_YIELD_KM = 30.0
#: GeoNames codes of a section of a populated place (a city district: Shevchenko, Poltava's
#: district of 147,600): never the usual meaning of a name that villages bear as their own,
#: though coherence may still choose it ("in Kyiv's Obolon").
CITY_SECTION_CODES = frozenset({"PPLX"})
#: Confidence in a major city or dominant town as the usual meaning of its name: enough for
#: it to anchor the coherence of the report's other places.
USUAL_MEANING_CONFIDENCE = 0.85
#: A resolved place anchors the coherence of the others from this confidence up.
ANCHOR_MIN_CONFIDENCE = 0.85
#: Coherence looks at most at this many distinct anchors, those named closest in the text to
#: the mention: a report's context is local, and the cost stays linear on huge inputs.
COHERENCE_MAX_ANCHORS = 24
#: A small place (below this population) found without any cue is kept only if coherent.
WEAK_PLACE_POPULATION = 20_000
#: A name written with a case ending added to some place's name ("Красноармейску":
#: Krasnoarmeysk + у) has at most this many letters after it.
CASE_ENDING_MAX_LETTERS = 3
#: Coherence: a namesake that bears the name only as an alias (Sukhanivka, once Andriivka)
#: counts as this many km farther from the report's places than it is, so that it wins only
#: where clearly nearer than every place really so called (an alias may also be the Russian
#: spelling of the place's own name: Konstantinovka, Kostyantynivka).
ALIAS_COHERENCE_KM = 30.0
#: An alias that shares this many first and last letters with a place's own name, and
#: this rapidfuzz ratio, is a spelling of it (see _respelling), not another name.
RESPELLING_EDGE = 2
RESPELLING_MIN_SCORE = 75.0
#: The oblasts by GeoNames admin1 code, as English-language reports name them: a reason names
#: the oblast so, whatever the language and case the text names it in ("Донецкой области").
OBLAST_NAMES = {
    "01": "Cherkasy", "02": "Chernihiv", "03": "Chernivtsi", "04": "Dnipropetrovsk",
    "05": "Donetsk", "06": "Ivano-Frankivsk", "07": "Kharkiv", "08": "Kherson",
    "09": "Khmelnytskyi", "10": "Kirovohrad", "11": "Crimea", "12": "Kyiv city", "13": "Kyiv",
    "14": "Luhansk", "15": "Lviv", "16": "Mykolaiv", "17": "Odesa", "18": "Poltava",
    "19": "Rivne", "20": "Sevastopol", "21": "Sumy", "22": "Ternopil", "23": "Vinnytsia",
    "24": "Volyn", "25": "Zakarpattia", "26": "Zaporizhzhia", "27": "Zhytomyr"}
#: A foreign namesake this populous is what "X region" means when no Ukrainian one is a
#: town ("Rostov region", "Kursk region": the Russian regions' capitals, not a hamlet).
REGION_CAPITAL_POPULATION = 100_000
#: A foreign city is also met by an exact alias in Latin script ("Warschau", "Genève",
#: "Varsovie": the name other languages give it) if it is a capital, of its country or of a
#: first-order region (ALIAS_CITY_CODES), of MAJOR_CITY_POPULATION, or any city of
#: ALIAS_CITY_POPULATION; a smaller place's alias is too often a word of some language.
ALIAS_CITY_CODES = frozenset({"PPLC", "PPLA"})
ALIAS_CITY_POPULATION = 200_000
#: Polish (and Czech) case endings of a Latin name and the nominative endings tried in their
#: place, longest first: "w Warszawie" Warszawa, "w Kursku" Kursk, "pod Hulajpolem"
#: Hulajpole, "w Dnieprze" Dniepr, "Pokrowskiem" Pokrowsk, "w Kijowie" Kijów. A one-word
#: Latin name that no place bears as written is read as these nominatives, exactly, before
#: its phonetic skeleton is: a case form of Kursk is Kursk, not Kurskoye, which the
#: skeleton also meets.
LATIN_CASE_ENDINGS = (
    ("owie", ("ów", "ow")), ("rze", ("r",)), ("iem", ("",)), ("em", ("e", "")),
    ("ie", ("a", "")), ("ą", ("a",)), ("u", ("",)))

# Invisible format characters (soft hyphen, zero-width space/joiners, word joiner, BOM) may
# sit inside a name pasted from the web ("Char\u00adkiw"); name keys drop them.
_INVISIBLE = "\u00ad\u200b-\u200d\u2060\ufeff"
# Capitals a name may start with: Latin, Latin-1, Latin Extended-A and -B (Czech "Čuhujiv",
# Polish "Łyman", "Śnihurivka", Croatian "Šostka", Romanian "Ștefan") and Cyrillic.
_LATIN_EXTENDED_CAPITALS = "".join(ch for ch in map(chr, range(0x100, 0x250)) if ch.isupper())
_CAPITAL = f"A-ZÀ-ÖØ-Þ{_LATIN_EXTENDED_CAPITALS}А-ЯЁІЇЄҐ"
_WORD = rf"[{_CAPITAL}][\w'’ʼ`{_INVISIBLE}]*(?:-[\w'’ʼ`{_INVISIBLE}]+)*"
_RUN = re.compile(rf"{_WORD}(?:[ \u00a0]+{_WORD})*")
_POSSESSIVE = re.compile(r"(?:['’ʼ]s|s['’])$")
_LOWERCASE_WORD = re.compile(r"\b[a-zа-яіїєґ][\w'’]*")
# The vowels of a text.spelling_key, which writes y as i.
_VOWEL_RUNS = re.compile("[aeiou]+")
#: The countries the war is fought in: a headline may name a town of theirs without a cue
#: ("Ukraine Takes Sudzha"), not one of another country (see _settlement_reason).
THEATRE_COUNTRIES = frozenset({"UA", "RU", "BY"})
#: The foreign regions along Ukraine's border, as (country, GeoNames admin1 code): Belgorod
#: 09, Bryansk 10, Kursk 41, Rostov 61, Voronezh 86 (Russia); Brest 01, Homyel 02 (Belarus).
#: Their towns are the war's places (Sudzha, Glushkovo, Shebekino): one of them of at least
#: BORDER_TOWN_MIN_POPULATION named by its own name, of BORDER_TOWN_MIN_LETTERS letters or
#: more and no given name, is a place even first in a sentence (not "Star", "Tim", "Anna").
BORDER_REGIONS = frozenset({("RU", "09"), ("RU", "10"), ("RU", "41"), ("RU", "61"),
                            ("RU", "86"), ("BY", "01"), ("BY", "02")})
BORDER_TOWN_MIN_POPULATION = 3_000
BORDER_TOWN_MIN_LETTERS = 5
#: Ukraine and the countries bordering it, whose small towns a war report may name (a drone's
#: debris in Romania, a missile in Poland); a town of any other country that is not a city
#: (< MAJOR_CITY_POPULATION) is a place only after a cue word: without one it is a word or
#: a name that the town bears ("European Union": Union, New Jersey; "Bradley" vehicles).
WAR_REGION_COUNTRIES = frozenset(COUNTRY_NAMES)
#: English writes no case endings, so in English text a Latin word that meets places only by
#: its phonetic skeleton is one of them only as a spelling variant of a name of theirs
#: ("Kharkov", "Gulyaipole"): a rapidfuzz ratio of at least this between text.spelling_key of
#: the word and of the place's own name or of the transliteration of its Cyrillic name, and
#: as many vowel runs (syllables); a hamlet (< WEAK_PLACE_POPULATION) so spelt also needs a
#: cue word before it. Ordinary words share a consonant frame with many names but not their
#: vowels: "Prime" (Perm), "Alaska" (Olesko), "Korean" (Kurgan), "Tower" (Tver).
SPELLING_VARIANT_MIN_SCORE = 80.0
#: Ukrainian and Russian masculine adjective endings in Latin letters: in English text such a
#: word met only by its skeleton is the adjective that names a city district, a raion or a
#: street ("Darnytskyi district", "Pokrovskyi"), not the village named in -e (Darnytske).
LATIN_ADJECTIVE_ENDINGS = ("yi", "iy", "yy", "ii", "yj", "ij")
#: English function words that no other language of the reports writes as a word (not
#: "was", German's "what", nor "to", Czech's "it"): a text that writes one is English.
ENGLISH_WORDS = frozenset("the and of with were has have from said which that".split())
#: A line without a lower-case word this long is a headline (see _Vocabulary.headline):
#: Title Case leaves only short function words ("of", "in", "and") in lower case, if any.
HEADLINE_WORD_LENGTH = 4
_LOWERCASE_LONG_WORD = re.compile(
    rf"(?<![^\W\d_])[a-zа-яёіїєґß-ÿ][^\W\d_]{{{HEADLINE_WORD_LENGTH - 1}}}")


def _backwards(words: str) -> str:
    """An alternation (see :func:`geo.prescan.word_alternation`) of the space-separated
    ``words``, each spelt backwards."""
    return word_alternation(word[::-1] for word in words.split())


_SENTENCE_END = re.compile(r"[.!?…]\s+|\n\s*\n|\n-\s")
# What a name before one of these words names instead of a place (see _NOUN_AFTER): a
# military unit, a warship, a street.
_UNIT_NOUNS = ("corps brigade regiment battalion division fleet infantry guard guards squadron "
               "detachment legion group grouping")
_SHIP_CLASSES = "cruiser frigate corvette submarine warship minesweeper"
_SHIP_MODIFIERS = "missile patrol large guided-missile reconnaissance"
_STREET_WORDS_AFTER = ("street avenue boulevard lane prospekt prospect square embankment "
                       "вулиця вулиці вулицю вулицею улица улицы улице улицу проспект площа "
                       "площі площу площе бульвар")
_NOUNS_AFTER = (f"{_UNIT_NOUNS} {_SHIP_CLASSES} landing {_SHIP_MODIFIERS} {_STREET_WORDS_AFTER} "
                "st. ave. blvd.")
# The words for an oblast after its name, in the languages that describe Ukrainian places:
# "Donetsk oblast", Czech "Doněcké oblasti", Lithuanian "Donecko srityje", Hungarian
# "Donyecki területen", Finnish "Donetskin alueella".
_OBLAST_WORDS_AFTER = (
    "oblast oblast's oblast’s oblasts region regions regional province provinces oblasti "
    "oblastí oblasť oblastu "
    "sritis srities srityje sritį terület területen területi megye alue alueen alueella")
# "the Donetsk People's Republic", "the self-proclaimed Luhansk People's Republic": the names
# Russia gives the occupied Donetsk and Luhansk oblasts.
_OBLAST_AFTER = re.compile(
    rf"^[\s,-]*(?:{word_alternation(_OBLAST_WORDS_AFTER.split())}|oblast['’]?|"
    r"people['’]s\s+republic)\b", re.I)
# "Донецкой области", "Херсонської обл."; "Донецкой Народной Республики", "Луганської народної
# республіки": the names Russia gives the occupied Donetsk and Luhansk oblasts.
_CYRILLIC_OBLAST_AFTER = re.compile(
    r"^\s*(?:област(?:[ьиіею]|ях|ям|ями)|обл\.|народн\w+\s+республік?\w*|"
    r"народн\w+\s+республик\w*)", re.I)
_CYRILLIC_RAION_AFTER = re.compile(
    r"^\s*(?:район(?:ах|ами|ам|ів|ов|[ауеіи])?|р-н[ау]?)\b", re.I)
# "Харьковщина", "Донеччини", "на Донетчине", "Kharkivshchyna", "Donechchyna": the oblast by
# its colloquial name (Cyrillic, or transliterated as the English-language press writes it).
_REGION_SUFFIX = re.compile(
    r"(?:щин[аиуіеою]|щиной|щині|чин[аиуіе]|чиной|(?:shch|ch)[yi]n(?:a|y|i|u|e|oiu|oyu))$", re.I)
#: A colloquial oblast name's stem (see _REGION_SUFFIX) names the oblast whose English name
#: shares all of it but its last letters, at most this many ("Донеч" of Donetsk, "Віннич"
#: of Vinnytsia, "Рівнен" of Rivne), and at least COLLOQUIAL_STEM_MIN_LETTERS ("Сум": Sumy).
COLLOQUIAL_STEM_SLACK = 2
COLLOQUIAL_STEM_MIN_LETTERS = 3
_RAION_WORDS_AFTER = ("raion raions rayon rayons rajon rajón rajone rajony rajono rajonas "
                      "district districts distrikt")
_RAION_AFTER = re.compile(rf"^[\s,-]*{word_alternation(_RAION_WORDS_AFTER.split())}\b", re.I)
_RIVER_AFTER = re.compile(r"[\s,]*+river\b", re.I)
# Every *_AFTER pattern here starts (after spaces or commas) with one of these words: when
# this fails, none of them can match, and _match skips them all.
_ANY_CUE_AFTER = re.compile(r"[\s,-]*+" + word_alternation(
    f"{_OBLAST_WORDS_AFTER} {_RAION_WORDS_AFTER} river sea reservoir lake bay gulf estuary "
    "lagoon spit canal strait straits lyman coast coastline shore meer see stausee море моря "
    "водохранилище водосховище лиман обл район народн people "
    f"р-н {_NOUNS_AFTER}".split()), re.I)
_BARE_NAME_END = re.compile(
    r"^\s*(?:[,.;:)!?]|[-–—](?:\s|$)|$|"
    r"(?:river|in|at|and|near|to|from|on|which|that|where|including)\b)",
    re.I)
# A case form of a name declined as an adjective ("Селидового") is that place before a pause
# or a conjunction ("біля Селидового та Гірника"), or before a lower-case word that is no
# noun or adjective agreeing with it (see _ends_phrase); before one that is, it is an
# adjective ("Західного військового округу"), and before a capitalised word, too ("Червоного
# Хреста").
_PAUSE_AFTER = re.compile(r"\s*+(?:[,.;:!?)»”\"]|[-–—]\s|\Z|(?:і|й|та|и|або|или|чи)\s)")
_NEXT_LOWER_WORD = re.compile(r"[ \u00a0]++([а-яёіїєґ'’ʼ]++)(?![^\W\d_])")
#: The endings of the nouns and adjectives that agree with an adjective in each case ending
#: of ADJECTIVE_CASE_ENDINGS (genitive, dative and locative, instrumental, masculine and
#: neuter, Ukrainian and Russian): "Західного фронту", "Південному угрупованню", "Західним
#: військам", "у Степовому селі". A lower-case word without one, or one of PHRASE_WORDS,
#: ends the adjective's phrase: "під Роботиним тривають бої", "Степового под Авдеевкой".
AGREEING_ENDINGS = {
    "ого": ("ого", "а", "я", "у", "ю"),
    "ому": ("ому", "у", "ю", "і", "е"),
    "ім": ("ім", "ому", "у", "ю", "і"),
    "им": ("им", "ом", "ем", "єм", "ам", "ям", "ами", "ями"),
    "ым": ("ым", "ом", "ем", "ём", "ам", "ям", "ами", "ями")}
#: Prepositions, particles, conjunctions and auxiliaries, Ukrainian and Russian, which some
#: agreeing endings end (на, була, було): no noun an adjective agrees with. Written for
#: this project.
PHRASE_WORDS = frozenset("""
на за до від от по при для без про через між между перед після после біля возле около
поблизу вздовж вдоль поруч рядом із зі со під под над не ні ни вже уже ще еще також тоже теж
та і й и а але но або или чи що что як как де где коли когда був була було були был была
было были буде будет є
""".split())
# "Kerch Strait", "Dnipro-Buh lyman" (lower case: "Lyman" is also a town).
_WATER_AFTER = re.compile(
    r"^\s+(?:sea|reservoir|lake|bay|gulf|estuary|lagoon|spit|canal|straits?|(?-i:lyman)|meer|"
    r"see|stausee|море|моря|водохранилище|водосховище|лиман)\b", re.I)
# "the Azov coast": the coast of a sea, or of an oblast ("the Odesa coast"), not a town.
_COAST_AFTER = re.compile(r"\s+(?:coast|coastline|shore)\b", re.I)

# "Kharkiv, Sumy and Chernihiv oblasts", "Харьковской и Сумской областях": every name of a
# list before a plural unit word is a unit of that level. The last one is cued as usual;
# _PLURAL_UNIT_AFTER tells it is plural, _LIST_ITEM_BEFORE finds the item before an item.
# Not the forms that are also singular ("області", "области", Czech "oblasti"): "у Харкові
# та Харківській області" names the city and the oblast.
_LIST_WORDS = "and or und oder et ou y o e i a та і и або или"
_PLURAL_UNIT_AFTER = re.compile(r"[\s,-]*+" + word_alternation(
    "oblasts regions provinces oblasten regionen gebiete obwody областях областей областям "
    "областями raions rayons districts rajony районах районов районів райони".split())
    + r"(?![^\W\d_])", re.I)
# A one-word name and what separates it from the next item, at the end of the text searched.
_LIST_WORD = word_alternation(_LIST_WORDS.split())
_LIST_ITEM_BEFORE = re.compile(
    rf"(?<![\w'’ʼ-])((?-i:[{_CAPITAL}])[\w'’ʼ-]*+)"
    rf"(?:\s*+,\s*+(?:{_LIST_WORD}\s++)?|\s++{_LIST_WORD}\s++)\Z", re.I)


# "obwód charkowski", "w obwodzie sumskim": Polish writes an oblast's adjective in lower case.
_POLISH_OBLAST = re.compile(
    r"obw(?:ód|od(?:u|zie|em|owi|y|ach|ów|om|ami))[ \u00a0]+([a-ząćęłńóśźż]{4,})\b")
# "rejon pokrowski", "w rejonie pokrowskim": so a raion's, an adjective in -ski or -cki (not
# "w rejonie frontu", "in the area of the front").
_POLISH_RAION = re.compile(
    r"rejon(?:u|ie|em|owi|y|ach|ów|ami)?[ \u00a0]+"
    r"([a-ząćęłńóśźż]{2,}[sc]k(?:i|im|iego|iej|a|ą|ie|ich|iemu))\b")
# The ending of a Polish adjective made of a name with -sk- ("zaporoskim" of Zaporoże,
# "chersońskiego"), read off when the whole adjective meets no unit's stem.
_POLISH_ADJECTIVE_ENDING = re.compile(r"k(?:i|im|iego|iej|a|ą|ie|ich|iemu)$")
# "the village of hrakove": a lower-case word (_LOWER_NAME) after this. Only the usual cue
# for a village, whose name a hasty text may write in lower case: one fast search per text.
_SETTLEMENT_OF = "village of "
_LOWER_NAME = re.compile(r"[a-z][a-z'’-]{3,}\b")

# The name after a list item and what separates them ("Kharkiv and Sumy", "et de Soumy").
_LIST_ITEM_AFTER = re.compile(
    rf"(?:\s*+,\s*+(?:{_LIST_WORD}\s++)?|\s++{_LIST_WORD}\s++)(?:(?:de|di|du)\s++)?"
    rf"((?-i:[{_CAPITAL}])[\w'’ʼ-]*+)", re.I)
#: The admin level of the units a list may name, by mention kind (see _units_of_lists).
_LIST_LEVELS = {_OBLAST: 1, _RAION: 2}

# Cues in the text before a name are read backwards, from the name on: each pattern below is
# matched (``.match``) at the start of the reversed text before the name, and holds exactly
# when the forward pattern in its comment is found right before the name (``search(...$)``).
# A failing test then stops at the first character instead of trying every position.
# "oblast of", French "l'oblast de", Spanish "óblast de", Italian "oblast' di", German
# "Oblast" and "Gebiet", Romanian "regiunea": the word for an oblast, or for a raion, before
# its name, and the words for "of" that may follow it. Not English "district of": a city's
# district too.
# The plural ones ("the oblasts of", German "Oblasten") may lead a list of oblasts.
_PLURAL_OBLAST_WORDS_BEFORE = "oblasts oblasten regions provinces régions regiones regioni"
_OBLAST_WORDS_BEFORE = (
    "oblast oblast' oblast’ óblast region province regiunea regione región région provincia "
    "gebiet "
    f"{_PLURAL_OBLAST_WORDS_BEFORE}")
_RAION_WORDS_BEFORE = (
    "raion rayon rajon raïon raión rayón raionul rajonu rejon distretto distrito distrikt")
_UNIT_OF = "of de di du del"
# Forward: \b(?:OBLAST_WORDS_BEFORE)\s+(?:(?:UNIT_OF)\s+)?$
_OBLAST_BEFORE = re.compile(
    rf"(?:\s+{_backwards(_UNIT_OF)})?\s+(?:{_backwards(_OBLAST_WORDS_BEFORE)})\b", re.I)
# Forward: \b(?:PLURAL_OBLAST_WORDS_BEFORE)\s+(?:(?:UNIT_OF)\s+)?$ ("the oblasts of", "in den
# Oblasten"): a list of oblasts may follow (see ToponymFinder._units_of_lists).
_PLURAL_UNIT_BEFORE = re.compile(
    rf"(?:\s+{_backwards(_UNIT_OF)})?\s+(?:{_backwards(_PLURAL_OBLAST_WORDS_BEFORE)})\b", re.I)
# Forward: \b(?:RAION_WORDS_BEFORE)\s+(?:(?:UNIT_OF)\s+)?$
_RAION_BEFORE = re.compile(
    rf"(?:\s+{_backwards(_UNIT_OF)})?\s+(?:{_backwards(_RAION_WORDS_BEFORE)})\b", re.I)
# Forward: \b(?:river|the)\s+$
_RIVER_BEFORE = re.compile(rf"\s+(?:{_backwards('river the')})\b", re.I)
# Forward: \ble\s+$ ("sur le Dniepr", "le long du Donets" aside): French gives a river, never
# a town, the article; a name a stream bears is that stream after it, whatever follows.
_ARTICLE_RIVER_BEFORE = re.compile(rf"\s+{_backwards('le')}\b", re.I)
# "crossed the Dnipro 35 km east of Kherson", "along the Oskil", "the left bank of the
# Dnipro": one crosses or follows a river, or stands on its bank, whatever follows its name
# (forward: \b(?:crossed|across|...)\s+the\s+$ or \bbanks?\s+of\s+the\s+$).
_CROSSING_BEFORE = re.compile(
    rf"\s+eht\s+(?:{_backwards('crossed cross crosses crossing across along forded fording')})"
    r"\b"
    # "the left bank of the Dnipro", "both banks of the Oskil": a bank is a river's
    rf"|\s+eht\s+fo\s+(?:{_backwards('banks bank')})\b", re.I)
#: How far before a name _RIVER_WORD_BEFORE is looked for by ToponymFinder._unlisted_river.
RIVER_WORD_WINDOW = 40
# "на Дніпрі", "на Днепре", "на Осколі" (read backwards: forward, \bна\s+$): a Cyrillic
# locative after "на" that a river bears names the river; a town's is "у Дніпрі".
_ON_BEFORE = re.compile(r"[ \u00a0]+ан(?![^\W\d_])", re.I)
#: GeoNames codes of a river (a stream, its branches), as _ON_BEFORE reads them.
RIVER_CODES = frozenset({"STM", "STMS", "STMI", "STMA", "STMB", "STMD", "STMM", "STMX"})
# The word for a river before its name, in Latin script (Italian "fiume", Dutch "rivier de",
# Czech "řece", Polish "rzeki", Romanian "râul", Swedish "floden", Lithuanian "upės").
# The bank of one too: German "am Ufer der Wowtscha", French "sur la rive droite du Dniepr",
# Polish "na lewym brzegu Dniepru".
_RIVER_WORDS = ("river rivière fluss flusses río rio fiume rivier řeka řece řeky rzeka rzece "
                "rzeki râul raul floden upė upės upe ufer rive rives brzeg brzegu brzegiem")
# The side of a bank, between the word for it and "du" ("la rive gauche du Dniepr").
_BANK_SIDES = "droite gauche"
_RIVER_WORD_SET = frozenset(_RIVER_WORDS.split())
# Russian and Ukrainian river words, and the bank of one: "на левом берегу Молочной", "на
# березі Вовчі" name the river, not a village Molochnyy.
_CYRILLIC_RIVER_WORDS = ("река реки реке рекой річка річки річці ріки ріка берегу берега березі "
                         "берег")
# Forward: (?:\b(?:RIVER_WORDS)|(?<![^\W\d_])(?:река|...|ріка))\s+(?:de\s+la\s+|du\s+|...)?$
_RIVER_WORD_BEFORE = re.compile(
    rf"(?:\s++(?:{_backwards('la')}\s++{_backwards('de')}|{_backwards('du des del de der')}))?"
    rf"(?:\s++{_backwards(_BANK_SIDES)})?"
    rf"\s++(?:(?:{_backwards(_RIVER_WORDS)})\b|"
    rf"(?:{_backwards(_CYRILLIC_RIVER_WORDS)})(?![^\W\d_]))",
    re.I)
# Forward: \b(?:WATER_WORDS_BEFORE)\s+(?:(?:of|de|di|del)\s+(?:the\s+)?|d['’])?$ ("the sea
# of", French "réservoir de", "la mer d'Azov", Spanish "embalse de", "el mar Negro", Polish
# "morze Czarne"): a name right after a sea word, with or without "of", names the water
_WATER_WORDS_BEFORE = ("sea gulf bay lake reservoir mar mare mer réservoir embalse lac lago "
                       "golfe golfo baie bahía morze morza morzu")
_WATER_BEFORE = re.compile(
    rf"(?:['’]d|(?:\s+{_backwards('the')})?\s+{_backwards('of de di del')})?\s+"
    rf"(?:{_backwards(_WATER_WORDS_BEFORE)})\b", re.I)
# Each of the five patterns above ends, read forwards, with one of these words then spaces:
# when this fails, none of them can match, and _match skips them all.
_ANY_CUE_BEFORE = re.compile(
    r"['’]d\s|\s++" + _backwards(
        f"{_UNIT_OF} the la le des der del {_OBLAST_WORDS_BEFORE} {_RAION_WORDS_BEFORE} "
        f"{_RIVER_WORDS} {_CYRILLIC_RIVER_WORDS} {_WATER_WORDS_BEFORE}")
    + r"(?![^\W\d_])", re.I)  # a whole word: "made" does not end in the cue "de"
# A word of the event lexicons of the Latin-script languages (geo.event_languages: German,
# French, Spanish, Polish), lower case: "Walki" (fighting), "Ataki" (attacks). Capitalised
# first in its sentence, such a word is the word, not the village Valky or Ataky, unless a
# cue says otherwise (see _settlement_reason).
_LEXICON_WORD = re.compile("|".join(
    f"(?:{pattern})" for language in LANGUAGES if language not in CYRILLIC
    for _, pattern in language.triggers))
# Forward: (?:^|[.!?:;\"“”«»\n(\[]|\s[-–—])\s*$
_SENTENCE_START = re.compile(r"\s*(?:\Z|[.!?:;\"“”«»\n(\[]|[-–—]\s)")
# German nouns for a settlement, which German writes before its name ("das Dorf Robotyne",
# "die Kleinstadt Wuhledar", "in der Ortschaft Tonenke") and capitalises, as every noun.
_GERMAN_PLACE_NOUNS = ("dorf dorfes dörfer ortschaft ortschaften siedlung stadt kleinstadt "
                       "großstadt grossstadt hafenstadt frontstadt bergbaustadt industriestadt "
                       "städtchen gemeinde")
# The same nouns in other languages of the region's press and encyclopedias, which write them
# before the name too ("Miasto Wołczańsk leży", "El pueblo de Robotyne", "Obec Bohorodychne").
_OTHER_PLACE_NOUNS = ("miasto miasta mieście wieś wsi miejscowość miejscowości osada město "
                      "města obec obce vesnice ville commune bourg pueblo ciudad localidad "
                      "aldea città villaggio paese cittadina cidade aldeia vila dorp stad "
                      "staden byn orten miestas kaimas orașul satul")
_CUE_WORDS = (
    "in near at of from to toward towards into outside around on by via between and or "
    "village town city settlement hamlet suburb direction liberation capture captured seized "
    "took entered shelled struck hit attacked recaptured liberated east west north south "
    "northeast northwest southeast southwest north-east north-west south-east south-west "
    f"richtung bei nach von vom im près в у под возле біля около поблизу {_GERMAN_PLACE_NOUNS} "
    f"{_OTHER_PLACE_NOUNS}")
_CUE_ADJECTIVES = (
    "besieged occupied embattled frontline front-line key small eastern western northern "
    "southern northeastern southeastern northwestern southwestern nearby neighbouring "
    "neighboring strategic industrial border ukrainian russian")
# Forward: \b(?:CUE_WORDS)\W*(?:the\s+)?(?:(?:CUE_ADJECTIVES)\s+)*$
_CUE_BEFORE = re.compile(
    rf"(?:\s++{_backwards(_CUE_ADJECTIVES)})*(?:\s++{_backwards('the')})?\W*+"
    rf"{_backwards(_CUE_WORDS)}\b", re.I)
# Forward: ([^\W\d_]+)[ \u00a0]*$ (the word right before a name; $ may precede a final \n).
_LAST_WORD = re.compile(r"\n?[ \u00a0]*([^\W\d_]+)")

#: Capitalised words that are never place names in news prose, however a gazetteer spells
#: some village. Written for this project: English function words, titles, calendar words,
#: demonyms and institutions that start sentences or precede names.
STOPWORDS = frozenset("""
a an the and or but if in on at of to for from by with as into onto over under after before
since until while during about above across against along among around behind below beneath
beside besides between beyond despite down inside near off out outside past per through
throughout toward towards upon via within without it its he she his her they their them we
our us you your i me my this that these those there here then than so such what which who
whom whose when where why how all any both each few more most other some no nor not only own
same too very can will just should now also however meanwhile further furthermore moreover
according earlier later today yesterday tomorrow tonight ok okay yes
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december jan feb mar apr jun jul aug sep sept oct nov
dec januar februar märz juni juli oktober dezember mai
russian russians ukrainian ukrainians belarusian american americans european europeans
ruské ruská ruský ruští ruskí ruskou ruského ruskému ruských ruskými
western eastern northern southern soviet british french german polish chinese
president minister ministry ambassador mayor governor general commander chief head deputy
spokesman spokeswoman spokesperson officials official army forces force troops military navy
defense defence staff command armed brigade battalion regiment division corps unit units
kremlin parliament government administration council office service security intelligence
agency news reuters afp dpa ap tass ukrinform interfax nato un eu us usa isw
north south east west northeast northwest southeast southwest centre center central
osten westen norden süden nordosten nordwesten südosten südwesten zentrum
oblast region raion district hromada city town village settlement republic people peoples
river sea lake bay house square street avenue palace hall gate bridge station airport port plant
reservoir fleet group grouping
what you need know summary update updates live breaking background details quote source
photo video footage reports report said says told
село селище місто город поселок посёлок деревня пгт смт область район река річка
""".split())

#: Common Ukrainian and Russian given names in the spellings the press uses. A capitalised word
#: right after one of these is a surname, and one of these before a capitalised word is a
#: person, not a village (several villages share these names). Written for this project.
GIVEN_NAMES = frozenset("""
oleksandr aleksandr alexander alexandr andrii andriy andrey andrei anatolii anatoliy anatoly
artem artyom bohdan bogdan borys boris danylo daniil denys denis dmytro dmitry dmitri dmytriy
fedir fyodor gennady gennadiy hennadii heorhii georgy georgiy hryhorii grigory ihor igor illia
ilya ivan kostiantyn konstantin kyrylo kirill leonid maksym maxim maksim mykhailo mikhail
mykola nikolai nikolay oleh oleg oleksii oleksiy alexei alexey aleksei pavlo pavel petro pyotr
petr roman ruslan serhii serhiy sergei sergey sergiy stanislav stepan taras valerii valeriy
valery vasyl vasily vasiliy viktor victor vitalii vitaliy vitaly volodymyr vladimir vadym
vadim vyacheslav viacheslav yevhen yevgeny evgeny yurii yuriy yuri zakhar anna olena elena
yelena olha olga iryna irina kateryna ekaterina yekaterina maria mariia natalia nataliya
natalya oksana svitlana svetlana tetiana tatiana tatyana yulia yuliia yuliya liudmyla
lyudmila daria darya halyna galina larysa larisa ludmila valentyna valentina viktoriia
viktoriya victoria inna alla nadiia nadezhda vira vera lesia ramzan dmitriy donald joe kamala
emmanuel olaf keir recep antonio jens mark marco rishi ursula josep kaja
""".split())
#: Surnames of people the war's news names again and again, in the spellings the press uses,
#: which GeoNames' villages bear or resemble (Putin: Putyatintsy, Lavrov: Lavrove, Budanov:
#: Budaniv): the person, unless a settlement noun leads the name ("the village of Medvedev").
#: Written for this project.
PUBLIC_FIGURES = frozenset("""
putin medvedev lavrov peskov shoigu gerasimov belousov ushakov dmitriev zakharova kadyrov
prigozhin lukashenko gladkov khinshtein zelensky zelenskyy budanov syrskyi zaluzhnyi umerov
yermak sybiha kuleba shmyhal svyrydenko klitschko podolyak lubinets terekhov syniehubov lysak
biden trump vance rubio witkoff kellogg orban fico tusk macron scholz merz starmer meloni rutte
erdogan
""".split())
#: The ending of a surname in -sky/-skyi/-skiy/-skyy, folded to one spelling.
_SKY_ENDING = re.compile(r"(?<=sk)(?:yi|iy|yy|y|i)$")
_PUBLIC_FIGURE_KEYS = frozenset(_SKY_ENDING.sub("y", name) for name in PUBLIC_FIGURES)
# Forward: \b(?:village|town|city|settlement|hamlet)\s+(?:of\s+)?$ (read backwards).
_SETTLEMENT_NOUN_BEFORE = re.compile(
    rf"\s++(?:{_backwards('of')}\s++)?{_backwards('village town city settlement hamlet')}"
    r"(?![^\W\d_])", re.I)
#: German articles: a capitalised word right after one is a noun (German capitalises them
#: all), not a place, which German names without an article.
GERMAN_ARTICLES = frozenset("der die das den dem des ein eine einer eines einem einen".split())
_SPEECH_AFTER = re.compile(r"^['’]?s?\s++" + word_alternation([
    *"said says stated states told added adds noted wrote writes claimed claims reported "
     "reports announced insisted explained warned confirmed denied sagte erklärte fügte fügt "
     "dijo заявил сказал заявив сказав".split(), "a déclaré"]) + r"\b", re.I)
# Spelt backwards, to match the reversed text before a name: forward, \b(?:said|...)\s+$.
_SPEECH_WORDS = "fügt fügte sagte erklärte заявил сказал"
#: English speech verbs (group 1 of _SPEECH_BEFORE), after which a name can also start what
#: was said ("said Nikopol was hit"); the others put the speaker after them ("fügte X hinzu"),
#: and their languages set a comma before a reported clause.
_SPEECH_WORDS_EN = "said says added adds told wrote"
_SPEECH_BEFORE = re.compile(
    rf"\s++(?:({_backwards(_SPEECH_WORDS_EN)})|{_backwards(_SPEECH_WORDS)})\b", re.I)
#: After "said X", what makes X the speaker ("..., said Voloshyn." / "said Voloshyn, the
#: spokesman" / "said Oleh Syniehubov"): the clause ends there or a second name follows. A
#: verb, a list or an appositive naming a place after it makes X the subject of what was said
#: ("said Nikopol was hit", "said Vorozhba, a town near the border, was hit"), and so does a
#: distance or a direction ("said Kupiansk, 120 km east of Kharkiv, was hit").
_SPEAKER_AFTER_SAID = re.compile(
    r"['’]?s?(?:\s*(?:\Z|,(?!\s*(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:town|city|village|"
    r"settlement|hamlet|port|district|region)\b|\s*(?:(?:some|about|around|roughly|nearly|"
    r"just|only|barely|approximately|less\s+than|more\s+than)\s+)?\d|\s*(?:just\s+)?"
    r"(?:north|south|east|west)\w*(?:[\s-](?:east|west)\w*)?\s+of\b)"
    r"|[.;:!?)(\]\"”»\n]|[-–—]\s)|"
    r"[ \u00a0]+[A-ZА-ЯІЇЄҐ])")
# "the landing ship Novocherkassk", "the submarine Rostov-on-Don", "крейсер «Москва»": a
# warship named after a place; "вулиця Сумська", "на улице Пушкинской", "вул. Сумська": a
# street or a square named after a place or a person. Neither is the place.
_SHIP_WORDS = ("cruiser frigate corvette submarine ship warship minesweeper крейсер крейсера "
               "корабль корабля корабель корвет корвета фрегат фрегата бдк вдк")
_STREET_WORDS = ("вулиця вулиці вулицю вулицею вул улица улицы улице улицу ул проспект "
                 "проспекту проспекті проспекте просп площа площі площу площе пл бульвар "
                 "бульвару бульварі бульваре")
#: The words of _SHIP_WORDS and _STREET_WORDS, as the word right before a name is compared.
NAMED_AFTER_WORDS = frozenset(f"{_SHIP_WORDS} {_STREET_WORDS}".split())
# The same after a quote or an abbreviation's dot ("крейсер «Москва»", "вул. Сумська").
# Forward: \b(?:SHIP_WORDS|STREET_WORDS)\.?\s*["«“„]?$ (read backwards).
_QUOTE_OR_DOT = "\"«“„."
_OPENING_QUOTES = "\"«“„"
_NAMED_AFTER_BEFORE = re.compile(
    rf"[\"«“„]?\s*+\.?(?:{_backwards(f'{_SHIP_WORDS} {_STREET_WORDS}')})(?![^\W\d_])", re.I)
# What a name before it names instead of a place: "Marine Corps", "Azov Brigade", "the
# Vostok battalion", "the Dnepr Group of Forces" (group "unit": a military unit, read so
# unless a Ukrainian town bears that very name); "the Moskva cruiser",
# "the Ivanovets missile corvette" (a warship); "Peremohy Avenue", "Sumska St.", "Сумська
# вулиця" (a street).
_NOUN_AFTER = re.compile(
    rf"[ \u00a0]++(?:(?P<unit>{word_alternation(_UNIT_NOUNS.split())})\b|"
    rf"(?:{word_alternation(_SHIP_MODIFIERS.split())}[ \u00a0]++)?"
    rf"{word_alternation([*_SHIP_CLASSES.split(), 'landing ship', *_STREET_WORDS_AFTER.split()])}"
    r"(?![^\W\d_])|(?:st|ave|blvd)\.)", re.I)
# "Antonov airport", "Azot plant", "Zaporizhzhia nuclear plant": a facility named after a
# place or a firm. A name before one of these means no hamlet that bears it only as an alias
# (Antoniv, once "Antonov"); a place known by that very name, or a town, is still meant.
_FACILITY_AFTER = re.compile(
    r"[ \u00a0]++(?:(?:nuclear|thermal|hydroelectric|hydro|power|steel|chemical|coke|oil|"
    r"fuel|gas|railway|rail|train|bus|military|air|sea|river|cargo)[ \u00a0]++){0,2}"
    r"(?:airport|airfield|airbase|base|plant|station|dam|bridge|refinery|depot|factory|works|"
    r"mine|port|terminal|NPP|TPP|HPP|CHPP|CHP)\b", re.I)
#: Every match of FACILITY_KIND_AFTER and FACILITY_KIND_BEFORE contains one of these, in
#: lower case (the abbreviations "TES", "HES", "AKW" as written: their lower-case letters are in
#: too many words): a text without one names no facility. Substring tests, not a regex: an
#: alternation this long costs sre a millisecond per report.
_FACILITY_STEMS = ("plant", "station", "dam", "airport", "airfield", "air base", "airbase",
                   "base a", "kraftwerk", "flughafen", "flugplatz", "central", "barrage",
                   "presa", "diga", "aeropuerto", "aeroporto", "aeroport", "aéroport", "npp",
                   "hpp", "tpp", "gres", "аес", "аэс", "гес", "гэс", "тес", "тэс", "аэропорт",
                   "аеропорт", "аэродром", "аеродром")
_FACILITY_ABBREVIATIONS = ("TES", "HES", "AKW")
_NEXT_CAPITALISED = re.compile(rf"[ \u00a0]+([{_CAPITAL}][^\W\d_]+)")
_TITLES = frozenset("""president minister ambassador mayor governor general commander chief head
deputy spokesman spokeswoman colonel lieutenant major sergeant captain mr mrs ms dr sir
envoy secretary senator chancellor premier prime patriarch pope king queen prince
губернатор губернатора мэр мэра мер мера глава голова президент президента министр міністр
генерал генерала командующий командувач спикер речник депутат полковник майор""".split())
#: What joins a country to a place it holds: "Russia's Rostov region", "Russia's border town
#: of Shebekino" (country first), "Shebekino, Russia", "the Kursk region of Russia", "Bryansk
#: in Russia", "Azov, a port town in Russia" (country after; also before a foreign region).
_COUNTRY_HOLDS_BEFORE = re.compile(r"['’]s?\s+(?:[a-z-]+\s+){0,3}?(?:of\s+)?")
_COUNTRY_HOLDS_AFTER = re.compile(
    r"(?:\s*,\s*(?:(?:a|an|the)\s+(?:[a-z-]+\s+){0,3}?"
    r"(?:town|city|village|settlement|hamlet|port|capital|centre|center)\s+(?:of|in)\s+"
    r"(?:the\s+)?)?|\s+(?:(?:region|oblast|province|district)\s+)?(?:of|in)\s+(?:the\s+)?)")
#: "the Russian city of Belgorod", "the Belarusian border town of Mazyr": an adjective of a
#: country, a place noun and "of" right before a name. "Russian-occupied Melitopol" has none.
DEMONYM_COUNTRIES = {"russian": "RU", "belarusian": "BY", "belarussian": "BY", "polish": "PL",
                     "moldovan": "MD", "romanian": "RO", "hungarian": "HU", "slovak": "SK"}
_DEMONYM_PLACE_BEFORE = re.compile(
    rf"\b({'|'.join(DEMONYM_COUNTRIES)})\s+(?:[a-z-]+\s+){{0,2}}?(?:city|town|village|"
    r"settlement|region|oblast|province|port|capital)\s+of\s+$", re.I)
# _DEMONYM_PLACE_BEFORE read backwards from the name, without the word boundary before the
# adjective: a fast test that fails wherever that search would, which tries each of the 60
# characters before the name in turn.
_DEMONYM_PLACE_BACKWARDS = re.compile(
    rf"\s+{_backwards('of')}\s+"
    rf"{_backwards('city town village settlement region oblast province port capital')}"
    rf"(?:\s+[a-z-]+){{0,2}}\s+{_backwards(' '.join(DEMONYM_COUNTRIES))}", re.I)
#: A capital standing for its government ("Kyiv did not confirm", "Kyiv has denied"): not a
#: place the report is about, so no anchor for the coherence of the others.
_GOVERNMENT_AFTER = re.compile(
    r"['’]?s?\s+(?:(?:did|does|has|have|had|would|will|could|was|is)\s+)?(?:not\s+|never\s+|"
    r"also\s+|quickly\s+)?(?:said|says|say|claim(?:s|ed)?|den(?:y|ies|ied)|confirm(?:s|ed)?|"
    r"announc(?:e|es|ed)|report(?:s|ed)?|insist(?:s|ed)?|accus(?:e|es|ed)|respond(?:s|ed)?|"
    r"comment(?:s|ed)?|reject(?:s|ed)?|welcom(?:e|es|ed)|warn(?:s|ed)?|dismiss(?:es|ed)?|"
    r"refus(?:e|es|ed))\b")
#: What says that the name before it is a place: an appositive ("Sudzha, a town in Kursk
#: region", "Glushkovo, a district centre near the border") or the region it lies in
#: ("Теткино Курской области", "Тёткино в Курской области").
_PLACE_APPOSITIVE_AFTER = re.compile(
    r"\s*,\s*(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:town|city|village|settlement|hamlet|port|"
    r"centre|center)\b|\s+(?:(?:в|у|во)\s+)?[А-ЯЁІЇЄҐ][\w'’]+\s+(?:област[иіь]|обл\.)", re.I)
#: An oblast's adjective and the word "oblast" after a name ("Вільнянськ Запорізької
#: області", "Александровку Донецкой обл."): the name is a place in that oblast, as after a
#: cue word, even next to a capitalised verb that starts the sentence ("Обстріляли ...").
_CYRILLIC_OBLAST_OF_AFTER = re.compile(
    r"[ \u00a0]+[А-ЯЁІЇЄҐ][\w'’-]+[ \u00a0]+(?:област[иіь]|обл\.)", re.I)
#: A region word after a name: "Rostov region", "Kursk oblast", "Курской области",
#: "Брянской обл.".
_REGION_AFTER = re.compile(
    r"\s+(?:(?:region|oblast|province)\b|област(?:[ьиіею]|ях|ям|ями)|обл\.)", re.I)
#: What joins a place to a Cyrillic region named after it, besides _COUNTRY_HOLDS_AFTER: a
#: space (the genitive: "Глушково Курской области") or "in" ("Глушкове у Курській області").
_CYRILLIC_REGION_HOLDS_AFTER = re.compile(r"\s+(?:(?:в|у|во)\s+)?")
#: Adjective endings of a region named after its capital, in Russian and Ukrainian
#: ("Курской", "Белгородская", "Брянської", "Курській"), longest first.
REGION_ADJECTIVE_ENDINGS = ("ого", "ому", "ой", "ая", "ую", "ом", "ої", "ій", "а", "у")
#: The suffix of such an adjective that some capitals' names end in too (Курск: Курская;
#: Белгород: Белгородская).
_REGION_ADJECTIVE_SUFFIX = re.compile(r"сь?к$")


#: Case endings that add a consonant to a name, so that its phonetic skeleton no longer
#: meets the name's: Slavic instrumental and locative (Bachmutem, Бахмутом, Сумах),
#: Hungarian and Finnish cases (Harkivot, Harkivban, Harkivassa). Not a bare -s or -n: too
#: many ordinary words end so ("Drones").
#: Longest first; a name is tried without one of these when it matches nothing as written.
CASE_ENDINGS = tuple(sorted("""
iem em om ach ami ot et ban ben ból ből hoz nál ról tól ssa ssä sta stä lla llä
ом ем ём ам ами ах ях ям ями
""".split(), key=len, reverse=True))
#: A town's name in one of these vowels drops it in the name of its raion, which adds one of
#: RAION_ADJECTIVE_SUFFIXES: Sumy, Sumskyi Raion; Odesa, Odeskyi Raion.
RAION_DROPPED_VOWELS = "aeiouy"
RAION_ADJECTIVE_SUFFIXES = ("skyi", "kyi")
#: What remains of a name without its case ending must be at least this long.
CASE_STEM_MIN_LENGTH = 4
#: Letters of Czech, Slovak, Polish, Croatian and German spellings of Ukrainian names and
#: their English-style transliteration, in the order they are replaced: "ch" is kh in all
#: of them, so it goes before the letters that become "ch".
ENGLISH_SPELLING = (("ch", "kh"), ("sz", "sh"), ("cz", "ch"), ("rz", "zh"), ("š", "sh"),
                    ("č", "ch"), ("ž", "zh"), ("ż", "zh"), ("ł", "l"), ("ś", "s"), ("ź", "z"),
                    ("ć", "ch"), ("ř", "r"), ("j", "y"), ("w", "v"))
#: A name without a Czech or Polish letter is respelt only from this length: short words of
#: German sentences ("Wir", "Wie") would otherwise become hamlets (Vir).
ENGLISH_SPELLING_MIN_LENGTH = 5
# A letter that only Czech, Slovak, Polish or Croatian spellings have (see ENGLISH_SPELLING).
_DIACRITIC_SPELLING = re.compile("[šžčżłśźćřŠŽČŻŁŚŹĆŘ]")
#: Russian prepositional and Ukrainian locative endings that make a town's name into some
#: hamlet's: "в Харькове" is Kharkiv, though hamlets are called Kharkove (Харькове).
LOCATIVE_ENDINGS = "еі"
#: The Russian and Ukrainian genitive endings of names in -а (Кам'янки, Каменки): such a
#: form is also read as that name where only places without people bear it as written.
GENITIVE_ENDINGS = "иыі"
#: Such a town must be this many times as populous as the hamlets to be read there too.
LOCATIVE_TOWN_RATIO = 2
#: Plural case endings of names that are plural (Sumy, Romny: "w Sumach", "в Ромнах",
#: "под Сумами"), read off before the nominative plural -y (-и, -ы) is put back.
PLURAL_CASE_ENDINGS = ("ach", "ami", "ах", "ами", "ях", "ями")
#: What remains of such a name without its ending must be at least this long ("Sum").
PLURAL_STEM_MIN_LENGTH = 3
#: Cyrillic case endings that change a consonant of the name, so that neither the phonetic
#: skeleton nor a stem finds it, and the nominative endings tried in their place: names
#: declined as adjectives (Селидове, Іванівське, Невельское, Первомайський) in the genitive,
#: dative and instrumental ("біля Селидового", "в Іванівському", "у Невельского",
#: "під Селидовим"), and the Ukrainian dative and locative of names in -ка ("в Авдіївці").
#: The stem left must be CASE_STEM_MIN_LENGTH long.
DECLINED_ENDINGS = (("ого", ("е", "ое", "ий", "ый")), ("ому", ("е", "ое", "ий", "ый")),
                    ("ім", ("е", "ий")), ("им", ("е", "ий")), ("ым", ("ое", "ый")),
                    ("ці", ("ка",)))
#: The endings of DECLINED_ENDINGS that an adjective has too (-ім: the Ukrainian locative,
#: "у Степовім").
ADJECTIVE_CASE_ENDINGS = ("ого", "ому", "ім", "им", "ым")
#: In a name of several words, also the Ukrainian genitive, dative and locative of a
#: feminine adjective: "у Великій Новосілці" is Велика Новосілка, "біля Новоселівки Першої"
#: Новоселівка Перша.
FEMININE_ENDINGS = (("ій", ("а",)), ("ої", ("а",)))
#: In a name of several words, also the Russian prepositional of an adjective ("в Красном
#: Лимане" Красный Лиман, "в Большой Новоселке" Большая Новоселка) and the locative of a
#: noun, Russian -е and Ukrainian -і, which drop an ending or put back -а ("Лимане" Лиман,
#: "Новоселке" Новоселка); the noun is also tried as written.
PREPOSITIONAL_ENDINGS = (("ом", ("ый", "ий", "ой")), ("ой", ("ая",)))
NOUN_LOCATIVE_ENDINGS = (("е", ("", "а")), ("і", ("",)))
#: "в Каменском" (Каменское), "в Днепровском": the Russian prepositional of a one-word name
#: declined as an adjective, read so only where a town (>= WEAK_PLACE_POPULATION) is so
#: called: else "-ом" is more often a noun's instrumental ("под Покровском", Pokrovsk).
ADJECTIVE_PREPOSITIONAL = (("ом", ("ое", "ий", "ый")),)
#: The case endings of nouns, Russian and Ukrainian, and the nominative endings tried in
#: their place: a name in a consonant (Волчанск, Лиман: "у Волчанска", "к Лиману", "под
#: Лиманом", Ukrainian "біля Вовчанська"), in -а or -я (Суджа: "Суджи", "Суджі", "Судже",
#: "Суджу", "Суджей") or in -о (Глушково: "Глушкова"), and the Ukrainian locative in -і
#: that turns к, г, х into ц, з, с ("у Великому Бурлуці", "у Кривому Розі"). Every ending
#: the word has is read off ("Вінниці": Вінниця, not only a name in -к). A one-word name
#: that no place bears as written is read as these nominatives, with all the places that
#: bear them, as the nominative would be: "Дзержинска" is also Toretsk, once Дзержинск, not
#: only the Russian city of that name.
NOUN_CASE_ENDINGS = (
    ("ом", ("", "о")), ("ем", ("", "е")), ("ём", ("",)), ("єм", ("",)), ("ой", ("а",)),
    ("ою", ("а",)), ("ей", ("а", "я")), ("ею", ("а", "я")), ("єю", ("я",)), ("а", ("", "о")),
    ("у", ("", "а", "о")), ("ю", ("ь", "я")), ("я", ("ь",)), ("и", ("а", "я")), ("ы", ("а",)),
    ("ці", ("к", "ка")), ("зі", ("г", "га")), ("сі", ("х", "ха")), ("і", ("а", "", "я")),
    ("е", ("", "а", "о")))
#: A Ukrainian name in a consonant turns the о or е (є) of its last syllable into і (ї) in
#: the nominative only: Харків, Харкова; Миколаїв, Миколаєва; Часів Яр, Часового
#: Яру. A nominative read back as the stem is also tried so (see _noun_nominatives).
_CLOSED_SYLLABLE = re.compile(r"[оеє](?=[бвгджзклмнпрстфхцчшщ]$)", re.I)
#: The case endings of a possessive adjective in a name of several words (Часов Яр: "Часова
#: Яра", "Часовом Яре"; Часів Яр: "Часового Яру", "Часовому Яру", "під Часовим Яром"), whose
#: nominative is the stem, in -ов, -ев, -ин (_POSSESSIVE_STEM).
POSSESSIVE_ENDINGS = ("ого", "ому", "ом", "им", "ым", "а", "у")
_POSSESSIVE_STEM = re.compile(r"(?:[оеє]в|[иі]н)$", re.I)
#: A word of a name of several words keeps a stem of at least this many letters ("Яр").
NAME_WORD_STEM_MIN_LENGTH = 2
#: At most this many nominatives are tried for a name of several words.
MAX_DECLINED_FORMS = 32
#: The names of Ukraine and Russia in the languages (and cases) that describe Ukrainian
#: places, as name keys: "Ukraina", "Україна", "Ukrajině" are the country, not the villages
#: that bear its name. Written for this project.
COUNTRY_EXONYMS = {
    "Ukraine": frozenset("""
ukraina ukrainy ukrainie ukrainu ukrainoi ukrainoiu ukrainos ukrainoje ukrainai
ukrainan ukrainassa ukrainas ukrajina ukrajiny ukrajine ukrajinu ukrajinou ukrajna
ukrajnaban ukrajnat ucraina ucrainei ucrania oekraine ukrayina ukrainoy ukrainoyu
""".split()),
    "Russia": frozenset("""
rosja rosji rosje rusija rusijos rusijoje rusijai rusko rusku ruskem russland russlands
ryssland rysslands rusland ruslands rusia rusiei russie rossiia rossii rossiiu rossiiei
rosiia rosii rosiiu rosiieiu oroszorszag venaja venajan
""".split()),
}


_COUNTRY_EXONYM_KEYS = frozenset().union(*COUNTRY_EXONYMS.values())
#: Other countries in Russian and Ukrainian, in every case ("в Турции", "до Туреччини", "в
#: Польшу", "над Молдовой", "у Румунії"): the country, not a village whose name's case form or
#: skeleton it resembles (Turytsia, Moldove). Written for this project.
_CYRILLIC_COUNTRY = re.compile(
    r"(?:турц|туреччин|польш|польщ|молдов|румын|румун|беларус|білорус|белорусс|венгр|"
    r"угорщин|словак|словаччин|германи|німеччин|франц|британи|британі|америк|грузи|грузі|"
    r"литв|латви|латві|эстони|естоні|финлянди|фінлянді|чехи|чехі)"
    r"(?:ия|ии|ию|ией|ія|ії|ію|ією|ей|ой|ою|а|ы|и|е|у|ю|я|і|ї|ь)?")
#: Regions that span oblasts (name keys of their starts): "the Donbas region" names no oblast,
#: though GeoNames lists "Donbas City" among Donetsk Oblast's aliases.
REGIONS_NOT_OBLASTS = ("donbas",)
#: How the names of Ukraine and Russia, their people and adjectives begin in the languages
#: of COUNTRY_EXONYMS (name keys): a word so begun is read as a place only by an exact name.
#: The endings of a Ukrainian or Russian adjective in -ськ-/-ск- ("Українські", "Украинских",
#: "российской"): a country's adjective, where "Украинска" (of the town Ukrainsk) is a noun.
_ADJECTIVE_ENDINGS = tuple(
    [f"ськ{ending}" for ending in "ий ій ого ому им ім ими их і а ої ою у е".split()]
    + [f"ск{ending}" for ending in "ий ой ого ому им ими их ие ая ую ое ые ых ым ыми ей".split()])
COUNTRY_WORD_STEMS = ("ukrai", "ukraj", "ucrai", "ucran", "oekrai", "rosj", "rosyj", "rossi",
                      "rossy", "rosii", "russi", "rusij", "ryss", "rysk")
#: Russian spellings of Ukrainian names' suffixes that no transliteration turns into each
#: other: "Андреевка" is the Russian of Андріївка, which GeoNames lists for some villages
#: only in Ukrainian (Andriivka of Bakhmut raion): a Cyrillic name with the first is also
#: looked up with the second, in Ukraine.
RUSSIAN_SUFFIX_SPELLINGS = (("еевк", "іївк"),)
#: Ukrainian and Russian common nouns that villages were named after (Перемога, Світанок,
#: Дружба): first in a sentence and without a cue word, such a word names a place only if
#: one of TINY_VILLAGE_POPULATION people or more bears it ("Перемога буде за нами", not the
#: hamlet Peremoha; the town Druzhba stays). Written for this project.
COMMON_NOUN_NAMES = frozenset("""
перемога победа мир світанок рассвет зоря заря дружба надія надежда воля свобода слава
прогрес нива зірка звезда сонце солнце весна мрія мечта єдність единство праця труд
""".split())
TINY_VILLAGE_POPULATION = 2_000
#: A quoted name right after one of these words (Ukrainian and Russian stems of "grouping",
#: "brigade", "battalion", "regiment", "operation", "troops"...) names a military unit or an
#: operation, not a place: "угруповання «Хортиця»", "группировка войск «Днепр»", and each
#: quoted name listed after it ("угруповань «Хортиця» та «Таврія»").
_UNIT_WORD_STEMS = ("угрупов угрупув группиров бригад батальйон батальон полк операці "
                    "операци загін загон отряд дивізі дивизи корпус військ войск осув осгв оту")
# Forward: a unit word, then quoted names each followed by a list word, then a quote, at
# the end of the text searched (the text before the name).
_UNIT_NAME_BEFORE = re.compile(
    rf"(?<![^\W\d_])(?:{word_alternation(_UNIT_WORD_STEMS.split())})[^\W\d_]*+\s*+"
    r"(?:[«\"“„][^»\"”\n]{1,40}?[»\"”]\s*+(?:,|та|і|й|и|а)\s*+)*[«\"“„]\Z", re.I)
#: How far before a quoted name _UNIT_NAME_BEFORE looks for the unit word.
UNIT_NAME_WINDOW = 160


class _Name(NamedTuple):
    """A span of capitalised words read by itself, before its context is looked at."""

    text: str  # the span without a possessive ending or trailing hyphens and apostrophes
    indexed: bool  # Gazetteer.might_name: some place, unit or country has a key like it
    cyrillic: bool
    region_suffix: bool  # "Харьковщина": an oblast by its colloquial name
    contextual: bool  # indexed, Cyrillic or colloquial: else only a river cue after it makes
    #                   it a place
    country: AdminUnit | None  # the country it names, unless a cue makes it something else
    oblasts: tuple[AdminUnit, ...]  # the oblasts it names when a cue says it is one
    raions: tuple[AdminUnit, ...]  # the raions it names when a cue says it is one


class _Unit(NamedTuple):
    """An oblast or raion a name is cued as."""

    kind: MentionKind
    code: str


#: Ways a name meets a place that mean the place is called so (not an old or odd alias).
_OWN_NAME_RULES = frozenset(
    (MatchRule.NAME, MatchRule.TRANSLIT_NATIONAL, MatchRule.TRANSLIT_RUSSIAN,
     MatchRule.TRANSLIT_FOREIGN))


class _Settlements(NamedTuple):
    """The populated places a name may mean, as the scan weighs them."""

    places: tuple[Place, ...]  # best first
    likeliest: Place  # of highest rank_score
    one_word: bool
    lower: str
    given_name: bool  # one word that is a common given name ("Roman")
    public_figure: bool  # one word that is a public figure's surname (see _public_figure)
    title: bool  # one word that is a title (_TITLES: "Prime", "King")
    named: frozenset[int]  # ids of the places met by their own name, not by an alias
    inflected: bool  # met as an inflected form or spelling variant only, by no exact name
    case_form: bool  # inflected, and a place's whole name but its last two letters begins it
    peopled_case_form: bool  # so of a place with people (GeoNames gives it a population)
    alias_hamlets: bool  # some small place is met by an alias only (see _FACILITY_AFTER)
    adjective_form: bool  # a case form of a name declined as an adjective (see _PAUSE_AFTER)
    variants: frozenset[int]  # inflected and Latin: ids of the places it spells a name of
    #                           (see SPELLING_VARIANT_MIN_SCORE)
    far_from_war: bool  # every place is a town (< MAJOR_CITY_POPULATION) outside
    #                     WAR_REGION_COUNTRIES (see _settlement_reason)
    country_word: bool  # Cyrillic, begun as a country's name (COUNTRY_WORD_STEMS) and no
    #                     place's own name as written: its adjective ("Українські", "Украинские")
    common_noun: bool  # a Cyrillic nominative of COMMON_NOUN_NAMES that only villages of
    #                    fewer than TINY_VILLAGE_POPULATION people bear ("Перемога")
    lexicon_word: bool  # one Latin word that is a word of an event lexicon (_LEXICON_WORD)


class _Vocabulary:
    """The words a text writes in lower case, gathered on the first question that needs them:
    a word that is not even a substring of the text is not one of them, and most names
    (Kupiansk) never appear in lower case."""

    def __init__(self, text_: str):
        self._text = text_
        # The text reversed: the cues before a name are read backwards (see _match), in a
        # slice of this rather than in a reversed copy of each name's slice.
        self.backwards = text_[::-1]
        self._words: set[str] | None = None
        # Whether some name is followed by a plural unit word (set by the scan).
        self.unit_list = False
        self._headlines: dict[int, bool] = {}  # by line start
        self._english: bool | None = None
        # The answers given, by word: a name asked about again is not searched for again.
        self._answers: dict[str, bool] = {}
        self._facility_words: bool | None = None

    def headline(self, position: int) -> bool:
        """True if the line at ``position`` is a headline or a wire slug ("Russian Troops
        Advance Near Pokrovsk", "HEAVY FIGHTING IN TORETSK"): no word of HEADLINE_WORD_LENGTH
        letters or more in lower case, so capitals there tell no name from a word."""
        start = self._text.rfind("\n", 0, position) + 1
        known = self._headlines.get(start)
        if known is None:
            end = self._text.find("\n", position)
            known = _LOWERCASE_LONG_WORD.search(
                self._text, start, len(self._text) if end < 0 else end) is None
            self._headlines[start] = known
        return known

    @property
    def english(self) -> bool:
        """True if the text is English: it writes one of ENGLISH_WORDS (asked only of the
        rare names met by their skeleton alone)."""
        if self._english is None:
            self._english = any(word in self for word in ENGLISH_WORDS)
        return self._english

    @property
    def facility_words(self) -> bool:
        """True if the text may name a facility (see _FACILITY_STEMS): most reports do not,
        and ToponymFinder._facility is then not asked of each name."""
        if self._facility_words is None:
            lower = self._text.lower()
            self._facility_words = any(stem in lower for stem in _FACILITY_STEMS) or any(
                abbreviation in self._text for abbreviation in _FACILITY_ABBREVIATIONS)
        return self._facility_words

    def after_word(self, position: int) -> bool:
        """True if a word ends right before ``position`` (but for spaces) on its line."""
        before = self._text[max(0, position - 2):position].rstrip(" \u00a0")
        return before[-1:].isalpha()

    def sentence_start(self, position: int) -> bool:
        """True if a sentence starts at ``position`` (see _SENTENCE_START)."""
        return _SENTENCE_START.match(self._text[max(0, position - 8):position][::-1]) is not None

    def __contains__(self, word: str) -> bool:
        answer = self._answers.get(word)
        if answer is None:
            answer = self._answers[word] = self._has(word)
        return answer

    def _has(self, word: str) -> bool:
        if word not in self._text:
            return False
        if self._words is None:
            self._words = set(_LOWERCASE_WORD.findall(self._text))
        if word not in self._words:
            return False
        # "the village of zaytsevo": a name written in lower case after a word for a
        # settlement is still the name, not an ordinary word of the text
        end = len(self._text)
        return any(not _SETTLEMENT_NOUN_BEFORE.match(self.backwards, end - m.start())
                   for m in re.finditer(rf"(?<![^\W\d_]){re.escape(word)}(?![^\W\d_])",
                                        self._text))


#: "the Seversky Donets": the article right before a name (a string test, not a regex).
_THE_ENDINGS = ("the ", "The ", "THE ")


def _mapped_river(name: str) -> bool:
    """Whether ``name`` is a river of the shipped map (Natural Earth: "Seversky Donets",
    "Donets", "Oskol"), which the gazetteer may lack; False without the map."""
    from geo import features

    try:
        return features.find_river(name) is not None
    except Exception:  # river data missing or unreadable: no river to name
        return False


def _strip_possessive(name: str) -> str:
    return _POSSESSIVE.sub("", name)


class ToponymFinder:
    """Finds place mentions in text with one gazetteer (load it once, reuse the finder)."""

    def __init__(self, gazetteer: Gazetteer, cache_size: int = NAME_CACHE_SIZE):
        self.gazetteer = gazetteer
        # Names repeat across a corpus: look each one up once (bounded memory).
        self._settlements = lru_cache(maxsize=cache_size)(self._settlements_uncached)
        self._read_name = lru_cache(maxsize=cache_size)(self._read_name_uncached)
        self._admin_units = lru_cache(maxsize=cache_size)(self._admin_units_uncached)
        self._rivers = lru_cache(maxsize=cache_size)(self._rivers_uncached)
        self._mapped_river = lru_cache(maxsize=cache_size)(_mapped_river)

    def find(self, text_: str) -> list[Mention]:
        """Every place mention of ``text_``, in order, unresolved (candidates only)."""
        vocabulary = _Vocabulary(text_)
        read_name = self._read_name
        found: list[Mention] = []
        for run in _RUN.finditer(text_):
            surface = run.group()
            if " " in surface or "\u00a0" in surface:
                found.extend(self._scan_words(text_, run.start(), surface, vocabulary))
                continue
            # One word, the usual case.
            read = read_name(surface)
            if read is not None:
                hit = self._match(text_, run.start(), read, vocabulary)
                if hit:
                    found.append(hit)
                    continue
            if "-" in surface:
                found.extend(self._hyphen_parts(text_, run.start(), surface, vocabulary))
        if vocabulary.unit_list:
            found = self._units_of_lists(text_, found)
        lower = self._lowercase_names(text_)
        if lower:
            found = sorted(found + lower, key=lambda m: m.start)
        return found

    def _lowercase_names(self, text_: str) -> list[Mention]:
        """Names written in lower case where a cue leaves no doubt: the Polish adjective of an
        oblast after "obwód" ("w obwodzie charkowskim") or of a raion after "rejon" ("w
        rejonie pokrowskim"), a settlement after "village of" ("the
        village of hrakove")."""
        found = []
        for word, pattern, kind, level in (("obw", _POLISH_OBLAST, _OBLAST, 1),
                                           ("rejon", _POLISH_RAION, _RAION, 2)):
            for match in pattern.finditer(text_) if word in text_ else ():
                if match.start() and text_[match.start() - 1].isalpha():
                    continue  # "obw" or "rejon" inside a word
                units = self._polish_units(match.group(1), level)
                if units:
                    found.append(Mention.found(match.group(1), match.start(1), match.end(1),
                                               kind, reason="cue", admin_code=units[0].code))
        at = text_.find(_SETTLEMENT_OF)
        while at >= 0:
            at += len(_SETTLEMENT_OF)
            match = _LOWER_NAME.match(text_, at)
            at = text_.find(_SETTLEMENT_OF, at)
            if match is None or match.group() in STOPWORDS:
                continue
            settlements = self._settlements(match.group())
            if settlements is not None and not settlements.inflected and any(
                    place.country_code == HOME_COUNTRY for place in settlements.places):
                found.append(Mention.found(match.group(), match.start(), match.end(),
                                      _SETTLEMENT, settlements.places, reason="cue"))
        return found

    def _polish_units(self, adjective: str, level: int) -> tuple[AdminUnit, ...]:
        """The units of ``level`` a lower-case Polish adjective names ("charkowskim"), also
        by its stem without the adjective's ending ("zaporoskim": "zaporos", of Zaporizhzhia),
        whose skeleton the whole word's would not start."""
        units = self.gazetteer.admin_units_by_stem(adjective, level)
        stem = _POLISH_ADJECTIVE_ENDING.sub("", adjective)
        if not units and stem != adjective and len(stem) >= CASE_STEM_MIN_LENGTH:
            units = self.gazetteer.admin_units_by_stem(stem, level)
        return tuple(units)

    def _scan_words(self, text_: str, offset: int, run: str, vocabulary: _Vocabulary
                    ) -> list[Mention]:
        """The mentions of a run of several words: longest name first, left to right."""
        words = run.split()  # the words of _RUN, which never hold a space
        starts, ends = [], []
        position = offset
        for word in words:
            position = text_.find(word, position)
            starts.append(position)
            position += len(word)
            ends.append(position)
        read_name = self._read_name
        found = []
        count = len(words)
        i = 0
        while i < count:
            start = starts[i]
            hit = None
            for j in range(min(count, i + MAX_NAME_WORDS), i, -1):
                read = read_name(text_[start:ends[j - 1]])
                if read is not None:
                    hit = self._match(text_, start, read, vocabulary)
                    if hit:
                        break
            if hit:
                found.append(hit)
                i = j
                continue
            if "-" in words[i]:
                found.extend(self._hyphen_parts(text_, start, words[i], vocabulary))
            i += 1
        return _drop_embedded(starts, ends, words, found, vocabulary) if found else found

    def _facility(self, text_: str, start: int, end: int, name: str) -> Mention | None:
        """A facility named after the place ``name`` ("the Zaporizhzhia nuclear power plant",
        "AKW Saporischschja") that the gazetteer holds, as a FACILITY mention of the bare name;
        None where no facility word is there or the gazetteer has no such facility (the name
        then stays the town's, the nearest the text lets us come)."""
        kinds = FACILITY_KIND_AFTER.match(text_, end, end + 40) \
            or facility_kind_before(text_, start)
        if kinds is None:
            return None
        kind = kinds.lastgroup
        facility = self.gazetteer.facilities_named(name, kind)
        if not facility and (settlements := self._settlements(name)) is not None:
            # a spelling GeoNames does not give the facility ("AKW Saporischschja"): by the
            # own name of the town the spelling means
            facility = self.gazetteer.facilities_named(settlements.likeliest.name, kind)
        return Mention.found(name, start, end, _FACILITY, facility, reason="cue") \
            if facility else None

    def _hyphen_parts(self, text_: str, start: int, word: str, vocabulary: _Vocabulary
                      ) -> list[Mention]:
        """"Lysivka-Pishchane" (a line between two villages): each part, if all are places."""
        if "-" not in word.strip("-") or _WATER_AFTER.match(
                text_[start + len(word):start + len(word) + 30]):
            return []  # no parts, or a water body named after its rivers ("Dnipro-Buh lyman")
        parts, position = [], start
        for piece in word.split("-"):
            read = self._read_name(piece) if piece else None
            hit = self._match(text_, position, read, vocabulary) if read else None
            position += len(piece) + 1
            if hit is not None:
                parts.append(hit)
        return parts if len(parts) >= 1 and all(p.kind is not _COUNTRY
                                                  for p in parts) else []

    def _match(self, text_: str, start: int, read: _Name, vocabulary: _Vocabulary
               ) -> Mention | None:
        """The mention the span ``read`` (at ``start``) makes in its context, if any."""
        name = read.text
        end = start + len(name)
        if " " in name and text_.endswith(_THE_ENDINGS, max(0, start - 4), start) \
                and name.rsplit(None, 1)[-1].lower() not in _RIVER_WORD_SET \
                and self._mapped_river(name):
            # "on the Seversky Donets": a river of the shipped map, not the town Severskaya
            # and the village Donets
            return Mention.found(name, start, end, _RIVER, self._rivers(name), reason="cue")
        if not read.contextual and not _ANY_CUE_AFTER.match(text_, end, end + 30):
            return None  # the usual case: most capitalised words name nothing; a river or
            # an oblast word after one may make it a river ("Oskil river") or an oblast
            # ("Harkovan alueella")
        after = text_[end:end + 30]
        if not read.indexed and not read.region_suffix and not _RIVER_AFTER.match(after) \
                and not (read.cyrillic and (_CYRILLIC_OBLAST_AFTER.match(after)
                                            or _CYRILLIC_RAION_AFTER.match(after)
                                            or self._unlisted_river(text_, start, name))) \
                and not _OBLAST_AFTER.match(after):
            return None  # fast path: no place, unit or river has a key like this
        # The text before the name (60 characters), reversed.
        back = vocabulary.backwards[len(text_) - start:len(text_) - start + 60]
        # Unit, water and river cues: most names have none. Every cue after the name fails
        # unless _ANY_CUE_AFTER holds, every cue before it unless _ANY_CUE_BEFORE does.
        cue_after = read.region_suffix or _ANY_CUE_AFTER.match(after) is not None
        cue_before = read.region_suffix or _ANY_CUE_BEFORE.match(back) is not None
        if cue_after or cue_before:
            unit = self._cued_unit(name, read, after, back, cue_after, cue_before)
            if unit is not None:
                if (cue_after and _PLURAL_UNIT_AFTER.match(after)) or (
                        cue_before and _PLURAL_UNIT_BEFORE.match(back)):
                    vocabulary.unit_list = True  # "... Sumy and Chernihiv oblasts": see find
                return Mention.found(name, start, end, unit.kind, reason="cue",
                                     admin_code=unit.code)
            if cue_after and _RAION_AFTER.match(after):
                if read.raions:
                    if _PLURAL_UNIT_AFTER.match(after):
                        vocabulary.unit_list = True  # "Kupiansk and Izium raions"
                    return Mention.found(name, start, end, _RAION, reason="cue",
                                    admin_code=read.raions[0].code)
                return None  # a city district ("Novyi district"), not a settlement
            if cue_before and read.raions and _RAION_BEFORE.match(back):
                # "Rajon Pokrowsk", "raïon de Pokrovsk", "raionul Pokrovsk"
                return Mention.found(name, start, end, _RAION, reason="cue",
                                admin_code=read.raions[0].code)
            if (cue_before and _WATER_BEFORE.match(back)) or (
                    cue_after and _WATER_AFTER.match(after)):
                return None  # "Sea of Azov", "Kakhovka Reservoir": a water body, not the town
            if cue_after and not read.oblasts and _COAST_AFTER.match(after):
                return None  # "the Azov coast": a sea's; "the Odesa coast" is its oblast's
            if (cue_after and _RIVER_AFTER.match(after)) or (
                    cue_before and _RIVER_WORD_BEFORE.match(back)):
                if name.lower() in _RIVER_WORD_SET:
                    return None  # "am Ufer des Flusses": the word for a river, no name
                return Mention.found(name, start, end, _RIVER, self._rivers(name), reason="cue")
            # "the Oskil": a river only if one is called so, and the name ends a phrase.
            if cue_before and (self._rivers(name) or self._mapped_river(name)) and (
                    _CROSSING_BEFORE.match(back)
                    or (_RIVER_BEFORE.match(back) and _BARE_NAME_END.match(after))):
                return Mention.found(name, start, end, _RIVER, self._rivers(name), reason="cue")
            if cue_before and _ARTICLE_RIVER_BEFORE.match(back) and any(
                    place.feature_code in RIVER_CODES for place in self._rivers(name)):
                return Mention.found(name, start, end, _RIVER, self._rivers(name), reason="cue")
        if read.cyrillic and name[-1:] in LOCATIVE_ENDINGS and _ON_BEFORE.match(back) \
                and any(place.feature_code in RIVER_CODES for place in self._rivers(name)):
            # "на Дніпрі", "на Осколі": one is on a river, in a town ("у Дніпрі")
            return Mention.found(name, start, end, _RIVER, self._rivers(name), reason="cue")
        if read.country is not None:
            if back.startswith(" weN"):
                return None  # "New Jersey", "New Mexico": no country ("New" read backwards)
            return Mention.found(name, start, end, _COUNTRY, reason="cue",
                            admin_code=read.country.code)
        if read.cyrillic and cue_after and _CYRILLIC_OBLAST_AFTER.match(after):
            capitals = self._region_capitals(name)
            if capitals:  # "Курской области": Kursk's region, not the Crimean Kurskoye
                return Mention.found(name, start, end, _SETTLEMENT, capitals, reason="cue")
        if vocabulary.facility_words and (
                facility := self._facility(text_, start, end, name)) is not None:
            return facility
        settlements = self._settlements(name)
        if settlements is None:
            return None
        reason = _settlement_reason(text_, end, after, back, settlements, vocabulary,
                                    cue_after)
        if reason is None:
            return None
        if not settlements.named and settlements.likeliest.population < WEAK_PLACE_POPULATION \
                and self._listed_with_word(text_, start, end):
            return None  # "met Yermak and Budanov": a surname that a hamlet has as an alias
        places = settlements.places
        if settlements.inflected and not read.cyrillic and vocabulary.english:
            if settlements.one_word and settlements.lower.endswith(LATIN_ADJECTIVE_ENDINGS):
                return None  # "Darnytskyi district": an adjective, not the village Darnytske
            places = tuple(place for place in places if place.id in settlements.variants)
            if not places or (reason != "cue" and all(
                    place.population < WEAK_PLACE_POPULATION for place in places)):
                return None  # "Korean troops", "the Geran drone": a word, not Kurgan nor the
                # hamlet Hrani, which only a cue word makes a variant spelling's likelier sense
        if settlements.alias_hamlets and _FACILITY_AFTER.match(text_, end, end + 40):
            places = tuple(place for place in places if place.id in settlements.named
                           or place.population >= WEAK_PLACE_POPULATION)
            if not places:
                return None  # "Antonov airport": not the hamlet once called Antonov
        return Mention.found(name, start, end, _SETTLEMENT, places, reason=reason)

    @staticmethod
    def _unlisted_river(text_: str, start: int, name: str) -> bool:
        """True if ``name`` (Cyrillic), of two words, follows a river word ("на березі
        Сіверського Дінця"): a river, whether or not the gazetteer lists it, not the
        villages its words' case forms resemble."""
        return name.count(" ") == 1 and _RIVER_WORD_BEFORE.match(
            text_[max(0, start - RIVER_WORD_WINDOW):start][::-1]) is not None

    def _listed_with_word(self, text_: str, start: int, end: int) -> bool:
        """True if the name at ``start``:``end`` is listed ("X and Y", "X, Y") next to a
        capitalised word that names no place (a person's name: "Yermak and Budanov")."""
        for item in (_LIST_ITEM_BEFORE.search(text_, max(0, start - 40), start),
                     _LIST_ITEM_AFTER.match(text_, end, end + 40)):
            if item is not None and item.group(1).lower() not in STOPWORDS \
                    and self._read_name(item.group(1)) is not None \
                    and self._settlements(item.group(1)) is None \
                    and not self._read_name(item.group(1)).oblasts:
                return True
        return False

    def _cued_unit(self, name: str, read: _Name, after: str, back: str, cue_after: bool,
                   cue_before: bool) -> _Unit | None:
        """The oblast or raion a cue around the name makes it ("Donetsk oblast", "oblast of
        Donetsk", "Харьковщина", "Купянский район"), if any, but for "raion" or "district"
        after it (see _match). ``cue_after`` and ``cue_before`` tell whether any cue after or
        before the name may hold."""
        if read.oblasts and ((cue_after and _OBLAST_AFTER.match(after))
                             or (cue_before and _OBLAST_BEFORE.match(back))):
            return _Unit(_OBLAST, read.oblasts[0].code)
        if not read.oblasts and cue_after and _OBLAST_AFTER.match(after) \
                and not text.name_key(name).startswith(REGIONS_NOT_OBLASTS):
            # A case or adjectival form of an oblast's name: "Charkivo srityje", "Charkovské
            # oblasti", "Kharkivska oblast".
            units = self.gazetteer.admin_units_by_stem(name, 1)
            if units:
                return _Unit(_OBLAST, units[0].code)
        if read.region_suffix and (read.cyrillic or not self._bears_own_name(name)):
            stem = _REGION_SUFFIX.sub("", name)
            units = self.gazetteer.admin_units_by_stem(stem, 1)
            if units:
                return _Unit(_OBLAST, units[0].code)
            code = _colloquial_oblast(stem) if not self._bears_own_name(name) else ""
            if code:
                return _Unit(_OBLAST, code)
        if not cue_after:
            return None
        if _CYRILLIC_OBLAST_AFTER.match(after) and " " not in name:
            # One word: an oblast's adjective ("Херсонської області"); before it, a place
            # in that oblast ("Олександрівку Херсонської області"), whatever oblast's
            # aliases it shares a stem with.
            units = self.gazetteer.admin_units_by_stem(name, 1)
            if units:
                return _Unit(_OBLAST, units[0].code)
        if _CYRILLIC_RAION_AFTER.match(after):
            units = self.gazetteer.admin_units_by_stem(name, 2)
            if units:
                return _Unit(_RAION, units[0].code)
        return None

    def _bears_own_name(self, name: str) -> bool:
        """True if a populated place bears ``name`` as its own name: "Ternivshchyna", a
        village, not an oblast's colloquial name (see _REGION_SUFFIX)."""
        return any(c.place.is_populated and c.rule in _OWN_NAME_RULES
                   for c in self._exact(name))

    def _region_capitals(self, adjective: str) -> tuple[Place, ...]:
        """The foreign regional capitals (population >= REGION_CAPITAL_POPULATION) that a
        Cyrillic adjective before "области" names its region after ("Курской": Kursk,
        "Белгородской": Belgorod, "Брянської": Bryansk), best first; () for none."""
        lower = adjective.lower()
        ending = next((e for e in REGION_ADJECTIVE_ENDINGS if lower.endswith(e)), None)
        if ending is None:
            return ()
        stem = adjective[:-len(ending)]
        forms = (stem, _REGION_ADJECTIVE_SUFFIX.sub("", stem))
        return tuple(c.place for c in rank_candidates(
            [c for form in dict.fromkeys(forms) if len(form) >= CASE_STEM_MIN_LENGTH
             for c in self.gazetteer.candidates(form, phonetic=False)
             if c.place.is_populated and c.place.country_code != HOME_COUNTRY
             and c.place.population >= REGION_CAPITAL_POPULATION]))

    def _units_of_lists(self, text_: str, found: list[Mention]) -> list[Mention]:
        """``found`` with the names listed next to a unit mention that a plural unit word
        follows or leads ("Kharkiv, Sumy and Chernihiv oblasts", "the oblasts of Kharkiv and
        Sumy") made units of its kind too."""
        by_end = {m.end: m for m in found}
        listed: dict[int, Mention] = {}  # by start
        for unit in found:
            if unit.kind not in _LIST_LEVELS:
                continue
            if _PLURAL_UNIT_AFTER.match(text_, unit.end, unit.end + 30):
                position = unit.start
                while item := _LIST_ITEM_BEFORE.search(text_, max(0, position - 80), position):
                    mention = self._list_item(item, unit, by_end)
                    if mention is None:
                        break
                    listed[mention.start] = mention
                    position = mention.start
            elif _PLURAL_UNIT_BEFORE.match(text_[max(0, unit.start - 40):unit.start][::-1]):
                position = unit.end
                while item := _LIST_ITEM_AFTER.match(text_, position, position + 80):
                    mention = self._list_item(item, unit, by_end)
                    if mention is None:
                        break
                    listed[mention.start] = mention
                    position = mention.end
        if not listed:
            return found
        return sorted([m for m in found if m.start not in listed] + list(listed.values()),
                      key=lambda m: m.start)

    def _list_item(self, item: re.Match[str], unit: Mention, by_end: dict[int, Mention]
                   ) -> Mention | None:
        """The unit (of ``unit``'s kind) that the name of ``item`` (its group 1) is as a list
        item, or None; nor where a longer mention (``by_end``, by its end) holds the name."""
        name, start, end = item.group(1), item.start(1), item.end(1)
        level = _LIST_LEVELS[unit.kind]
        units = self._admin_units(name, level) if level == 1 else self._raions_named_after(name)
        if not units and (level == 1 or text.has_cyrillic(name)) \
                and not text.name_key(name).startswith(REGIONS_NOT_OBLASTS):
            # a case or adjectival form ("Сумской"), or a city whose oblast is named otherwise
            units = self.gazetteer.admin_units_by_stem(name, level)
        if end in by_end and by_end[end].start != start:
            return None
        if not units and level == 1:
            # "the Rostov and Voronezh regions": a foreign region the gazetteer names after its
            # capital, which is what the name then means (as "the Rostov region" does)
            settlements = self._settlements(name)
            places = settlements.places if settlements is not None else ()
            capital = None if any(p.population >= WEAK_PLACE_POPULATION for p in places
                                  if p.country_code == HOME_COUNTRY) else _foreign_capital(
                _with_foreign_aliases(Mention.found(name, start, end, _SETTLEMENT, places),
                                      self.gazetteer).candidates)
            if capital is not None:
                return Mention.found(name, start, end, _SETTLEMENT, (capital,), reason="cue")
        if not units:
            return None
        return Mention.found(name, start, end, unit.kind, reason="cue", admin_code=units[0].code)

    def _read_name_uncached(self, surface: str) -> _Name | None:
        """What a span may name by itself, or None for a stopword or a too short name. Pure,
        so it is cached per span: the same spans recur window after window."""
        name = _strip_possessive(surface).rstrip("-'’")
        if not name or name.lower() in STOPWORDS or len(name) < 3 or name[1:2] == " " \
                or _is_country_exonym(name):
            return None  # a stopword, too short, led by a one-letter word ("У Харкові"), or
            # the name of Ukraine or Russia in another language ("Україна", not the village)
        indexed = self.gazetteer.might_name(name)
        if not indexed:
            stem = _case_stem(name)
            english = _english_spelling(name)
            indexed = (stem is not None and self.gazetteer.might_name(stem)) or any(
                self.gazetteer.might_name(form) for form in
                (*_plural_stems(name), *_declined_nominatives(name))) or (
                english is not None and self.gazetteer.might_name(english)) or (
                " " not in name and any(self.gazetteer.might_name(form) for form in
                                        _word_nominatives_all(name, LATIN_CASE_ENDINGS)))
        cyrillic = text.has_cyrillic(name)
        region_suffix = _REGION_SUFFIX.search(name) is not None
        countries = self._admin_units(name, 0)
        return _Name(name, indexed, cyrillic, region_suffix,
                     indexed or cyrillic or region_suffix,
                     countries[0] if countries and (" " not in name or name.istitle())
                     else None,
                     self._admin_units(name, 1), self._raions_named_after(name))

    def _raions_named_after(self, name: str) -> tuple[AdminUnit, ...]:
        """The raions a name names as a raion ("Pokrovsk raion": Pokrovskyi Raion), also a
        town's name in a vowel, which the raion's adjective drops ("Sumy district": Sumskyi,
        "Odesa raion": Odeskyi)."""
        raions = self._admin_units(name, 2)
        if raions or name[-1:] not in RAION_DROPPED_VOWELS or len(name) < 4:
            return raions
        return next(filter(None, (self._admin_units(name[:-1] + suffix, 2)
                                  for suffix in RAION_ADJECTIVE_SUFFIXES)), ())

    def _admin_units_uncached(self, name: str, level: int) -> tuple[AdminUnit, ...]:
        """Gazetteer.admin_units of one level, as a tuple (pure, so cached per name)."""
        return tuple(self.gazetteer.admin_units(name, level=level))

    def _rivers_uncached(self, name: str) -> tuple[Place, ...]:
        """Rivers of that name, best first (pure, so cached per name). The exact name of a
        town is no spelling variant of a river's: "Bryansk" and the stream Barans'ka share a
        phonetic skeleton only (a case form, "на Дніпрі", is met by its skeleton)."""
        rivers = rank_candidates(self.gazetteer.candidates(name, feature_class="H"))
        if any(c.rule is MatchRule.SKELETON for c in rivers) and any(
                c.place.is_populated and c.place.population >= WEAK_PLACE_POPULATION
                for c in self._exact(name)):
            rivers = [c for c in rivers if c.rule is not MatchRule.SKELETON]
        return tuple(c.place for c in rivers)

    def _settlements_uncached(self, name: str) -> _Settlements | None:
        """Populated places a name may mean, or None: exact keys (a foreign place only by its
        own name, never by an alias; in Russia or Belarus also by a transliteration of it,
        "Теткино" of Tëtkino), else the English-style spelling of a Czech, Polish or
        German one ("Šachtarsk", Shakhtarsk), else inflected forms. Pure, so it is cached
        per name."""
        cyrillic = text.has_cyrillic(name)
        variants = text.translit_variants(name) if cyrillic else ()
        if not _COUNTRY_EXONYM_KEYS.isdisjoint(variants):
            return None  # "Украина", "Украиной": the country, never the village Ukraina
        cands = tuple(c for c in self._exact(name) if c.place.is_populated
                      and (_admitted(name, c) or (c.place.country_code in THEATRE_COUNTRIES
                                                  and _spells_own_name(name, c.place))))
        if not cands:
            cands = tuple(c for c in self._exact(name) if c.place.is_populated
                          and _alias_city(name, c))
        own_name = any(c.rule in _OWN_NAME_RULES for c in cands)
        if cands and name[-1:] in LOCATIVE_ENDINGS and cyrillic:
            cands += self._locative_of(name[:-1], max(c.place.population for c in cands))
        if cands and name[-1:] in GENITIVE_ENDINGS and cyrillic \
                and not any(c.place.population for c in cands):
            # "Кам'янки": Кам'янка's genitive, unless a place with people is so called
            known = {c.place.id for c in cands}
            cands += tuple(c for c in self._exact(name[:-1] + "а") if c.place.is_populated
                           and c.place.country_code == HOME_COUNTRY
                           and c.place.id not in known)
        if not cands and cyrillic and " " not in name:
            cands = self._prepositional(name)
        latin_case = () if cands or cyrillic else self._latin_case_of(name)
        cands = cands or latin_case
        english = None if text.name_key(name).startswith(COUNTRY_WORD_STEMS) \
            else _english_spelling(name)
        if not cands and english:
            cands = tuple(c for c in self._exact(english) if c.place.is_populated
                          and c.place.country_code in (HOME_COUNTRY, "RU"))
        if not cands and english:
            # a Czech or Polish letter (š, ł) spells the name more surely than its skeleton
            forms = (english, name) if _DIACRITIC_SPELLING.search(name) else (name, english)
            cands = tuple(self._inflected(forms[0])) or tuple(self._inflected(forms[1]))
        declined = () if cands else tuple(self._declined(name))
        noun_case = () if cands or declined else self._noun_case_of(name)
        cands = cands or declined or noun_case or tuple(self._inflected(name))
        if not cands:
            return None
        words = name.split()
        inflected = all(c.rule is MatchRule.SKELETON for c in cands)
        return _Settlements(
            places=tuple(c.place for c in rank_candidates(cands)),
            likeliest=max(cands, key=rank_score).place,
            one_word=len(words) == 1, lower=name.lower(),
            given_name=len(words) == 1 and _is_given_name(words[0].lower()),
            public_figure=len(words) == 1 and _public_figure(name.lower(), inflected),
            title=len(words) == 1 and name.lower() in _TITLES,
            named=frozenset(c.place.id for c in cands if c.rule in _OWN_NAME_RULES),
            inflected=inflected,
            case_form=inflected and self._case_form(name, cands),
            peopled_case_form=inflected and (any(
                c.place.population and c.score >= 100.0 for c in (*noun_case, *latin_case))
                or self._case_form(
                name, [c for c in _drop_unlike(cands, text.skeleton_key(name), every=True)
                       if c.place.population])),
            alias_hamlets=any(c.rule not in _OWN_NAME_RULES
                              and c.place.population < WEAK_PLACE_POPULATION for c in cands),
            adjective_form=bool(declined) and name.lower().endswith(ADJECTIVE_CASE_ENDINGS),
            variants=frozenset(c.place.id for c in cands if self._spells(name, c.place))
            if inflected and not cyrillic else frozenset(),
            far_from_war=all(c.place.country_code not in WAR_REGION_COUNTRIES
                             and c.place.population < MAJOR_CITY_POPULATION for c in cands),
            country_word=not own_name and name.lower().endswith(_ADJECTIVE_ENDINGS) and any(
                variant.startswith(COUNTRY_WORD_STEMS) for variant in variants),
            common_noun=own_name and name.lower() in COMMON_NOUN_NAMES and all(
                c.place.population < TINY_VILLAGE_POPULATION for c in cands),
            lexicon_word=len(words) == 1 and not cyrillic
            and _LEXICON_WORD.fullmatch(name.lower()) is not None)

    @staticmethod
    def _spells(name: str, place: Place) -> bool:
        """True if the Latin ``name`` is a spelling variant (see SPELLING_VARIANT_MIN_SCORE)
        of ``place``'s own name or of a transliteration of its Cyrillic name, itself such a
        variant of the own name (Гуляйполе of Hulyaypole; not Kurgan's Kazakh "Қорған" or
        Olesko's "Алеська", nor any Latin alias in another language): "Gulyaipole" is one,
        "Korean" and "Alaska" are not."""
        from rapidfuzz import fuzz

        def spelt(key: str, own: str) -> bool:
            return fuzz.ratio(key, own) >= SPELLING_VARIANT_MIN_SCORE \
                and len(_VOWEL_RUNS.findall(key)) == len(_VOWEL_RUNS.findall(own))

        owns = {text.spelling_key(own) for own in (place.name, place.ascii_name) if own}
        spellings = owns | {
            form for alias in place.alt_names if text.has_cyrillic(alias)
            for form in map(text.spelling_key, text.translit_variants(alias))
            if any(spelt(form, own) for own in owns)}
        key = text.spelling_key(name)
        return any(spelt(key, own) for own in spellings)


    def _case_form(self, name: str, cands: Sequence[Candidate]) -> bool:
        """True if ``name`` holds all of some candidate's name but its last two letters
        ("Андріївку" of Andriivka, "Pokrovsku" of Pokrovsk): a case form of that name, not
        merely a word like it ("Rakety", "Дроны")."""
        keys = text.translit_variants(name)
        return any(len(own) >= CASE_STEM_MIN_LENGTH
                   and text.common_prefix(key, own) >= len(own) - 2
                   for c in cands for own in self.gazetteer.name_keys(c.place) for key in keys)

    def _prepositional(self, name: str) -> tuple[Candidate, ...]:
        """The places a one-word Cyrillic ``name`` that no place bears is the locative
        (prepositional) of, read as exactly as the nominative would be: "в Дзержинске" is
        what "Дзержинск" means (Toretsk, once so called), not its skeleton's likenesses
        abroad; "в Каменском" Каменское, where a town is so called (see
        ADJECTIVE_PREPOSITIONAL). () for none."""
        forms = _word_nominatives(name, ADJECTIVE_PREPOSITIONAL)
        if forms:
            cands = tuple(c for form in forms for c in self._exact(form)
                          if c.place.is_populated and c.place.country_code == HOME_COUNTRY)
            if any(c.place.population >= WEAK_PLACE_POPULATION for c in cands):
                return cands
        if name[-1:] not in LOCATIVE_ENDINGS or len(name) <= CASE_STEM_MIN_LENGTH:
            return ()
        return tuple(c for c in self._exact(name[:-1]) if c.place.is_populated and (
            c.place.country_code == HOME_COUNTRY or c.rule is MatchRule.NAME))

    def _locative_of(self, stem: str, population: int) -> tuple[Candidate, ...]:
        """Towns that a Cyrillic name is the locative of ("Харькове", "Покровске"), besides
        the hamlets really so called: those called ``stem`` (a Russian one not by an alias
        unlike its own name, as Engels is once "Pokrovsk"; a Ukrainian one by a former name
        too: "в Дзержинске" is Toretsk), of at least WEAK_PLACE_POPULATION and
        LOCATIVE_TOWN_RATIO times ``population``, the hamlets' largest."""
        skeleton = text.skeleton_key(stem)
        return tuple(c for c in self._exact(stem) if c.place.is_populated
                     and (c.place.country_code == HOME_COUNTRY and c.rule is not
                          MatchRule.SKELETON or c.place.country_code == "RU"
                          and text.skeleton_key(c.place.ascii_name or c.place.name) == skeleton)
                     and c.place.population >= max(WEAK_PLACE_POPULATION,
                                                   LOCATIVE_TOWN_RATIO * population))

    def _exact(self, name: str) -> list[Candidate]:
        """Exact-key candidates of a name; a Cyrillic name also under its Russian-style
        transliteration, the spelling many Latin aliases are written in (Зайцево, Zaytsevo),
        and the own name of many a Russian place: "Старый Оскол" is Staryy Oskol by its name,
        not only by the alias "Staryi Oskol" that the national spelling meets."""
        cands = self.gazetteer.candidates(name, phonetic=False)
        if any(c.rule is MatchRule.TRANSLIT_FOREIGN for c in cands) \
                and text.name_key(name).startswith(COUNTRY_WORD_STEMS):
            # "Ukrajinské" (Czech: Ukrainian) is no German spelling of Українське
            cands = [c for c in cands if c.rule is not MatchRule.TRANSLIT_FOREIGN]
        if text.has_cyrillic(name):
            seen = {c.place.id: i for i, c in enumerate(cands)}
            for c in self.gazetteer.candidates(text.transliterate_russian_style(name),
                                               phonetic=False):
                if c.place.id not in seen:
                    seen[c.place.id] = len(cands)
                    cands.append(c)
                elif c.rule is MatchRule.NAME and c.place.country_code in THEATRE_COUNTRIES \
                        and c.place.country_code != HOME_COUNTRY:
                    cands[seen[c.place.id]] = c
            for russian, ukrainian in RUSSIAN_SUFFIX_SPELLINGS:
                if russian in name:
                    cands.extend(c for c in self.gazetteer.candidates(
                        name.replace(russian, ukrainian), phonetic=False)
                        if c.place.country_code == HOME_COUNTRY and c.place.id not in seen)
        return cands

    def _declined(self, name: str) -> list[Candidate]:
        """Places of which ``name`` is a case form whose ending changes a consonant of the
        name ("Селидового", "Невельского", "Авдіївці"; see DECLINED_ENDINGS): every place in
        Ukraine (or Russia) so called in the nominative, by its own name or an alias of the
        same phonetic frame (Авдіївка, GeoNames' Avdiyivka)."""
        if text.name_key(name).startswith(COUNTRY_WORD_STEMS):
            return []  # "Українського", "Российского": the countries' adjectives
        return list({c.place.id: Candidate(c.place, MatchRule.SKELETON, 100.0)
                     for form in _declined_nominatives(name) for c in self._exact(form)
                     if c.place.is_populated and c.place.country_code in (HOME_COUNTRY, "RU")
                     and (c.rule in _OWN_NAME_RULES or text.skeleton_key(
                         c.place.ascii_name or c.place.name) == text.skeleton_key(form))
                     }.values())

    def _noun_case_of(self, name: str) -> tuple[Candidate, ...]:
        """The places a one-word Cyrillic ``name`` is a noun's case form of (see
        NOUN_CASE_ENDINGS), marked as inflected: those that bear one of its nominatives, as
        that nominative would find them ("Суджи": Sudzha; "Дзержинска": Dzerzhinsk and
        Toretsk, once Дзержинск; "Курахову": Kurakhove, Курахово, and Kurakhivka, Курахов);
        () for none."""
        if " " in name or not text.has_cyrillic(name) \
                or text.name_key(name).startswith(COUNTRY_WORD_STEMS):
            return ()
        return tuple({c.place.id: Candidate(c.place, MatchRule.SKELETON, c.score)
                      for form in _noun_nominatives(name) for c in self._exact(form)
                      if c.place.is_populated and _admitted(form, c)}.values())

    def _latin_case_of(self, name: str) -> tuple[Candidate, ...]:
        """The places a one-word Latin ``name`` is a Polish or Czech case form of (see
        LATIN_CASE_ENDINGS), marked as inflected: those a nominative, or its English-style
        spelling, meets exactly and that it admits (a big foreign city by its alias too:
        "Warszawie" Warsaw, "Kursku" Kursk, "Hulajpolem" the Hulyaypole towns); () for
        none."""
        if " " in name:
            return ()
        forms = _word_nominatives_all(name, LATIN_CASE_ENDINGS)
        found: dict[int, Candidate] = {}
        for form in dict.fromkeys(forms):
            english = _english_spelling(form)
            for spelt in (form, english) if english else (form,):
                for c in self._exact(spelt):
                    if c.place.is_populated and c.place.id not in found and (
                            _admitted(spelt, c) or _alias_city(spelt, c)):
                        found[c.place.id] = Candidate(c.place, MatchRule.SKELETON, 100.0)
            if found:
                break  # the longest ending that names a place: "-iem", not also "-em"
        return tuple(found.values())

    def _inflected(self, name: str) -> list[Candidate]:
        """Inflected or variant spellings (Купянска, Donecko): skeleton candidates in Ukraine
        (or Russia) whose name is close enough."""
        if len(name) < 5:
            return []
        key = text.name_key(name)
        if key.startswith(COUNTRY_WORD_STEMS):
            return []  # "Rosjanie", "Российские", "Ukrajinské": the countries' people
        # "Ukrainoje" is Ukraine's case form, not the village Ukrainske; "Украинска" is
        # Ukrainsk's: a place must share more of the word than a country name does.
        country_prefix = self.gazetteer.country_prefix(name)
        # A Cyrillic form is compared under both schemes: Белгородом ~ Belgorod, not Bilhorod.
        query_keys = text.translit_variants(name) if text.has_cyrillic(name) else (key,)
        for plural in _plural_stems(name):  # "w Sumach", "в Сумах": Sumy, a plural name
            cands = [Candidate(c.place, MatchRule.SKELETON, 100.0) for c in self._exact(plural)
                     if c.place.is_populated and c.place.country_code in (HOME_COUNTRY, "RU")
                     and c.rule in _OWN_NAME_RULES]
            if cands:
                return cands
        cands = self._close(name, key, query_keys, country_prefix, from_stem=False)
        stem = None if cands else _case_stem(name)
        if stem:  # "Bachmutem", "Белгородом": the name without its case ending
            cands = self._close(stem, key, query_keys, country_prefix, from_stem=True)
        return _drop_unlike(cands, text.skeleton_key(name))

    def _close(self, name: str, key: str, query_keys: Collection[str], country_prefix: int,
               *, from_stem: bool) -> list[Candidate]:
        """Places in Ukraine (or Russia) that ``name`` (the form as written, or its stem when
        ``from_stem``) may be a spelling of: skeleton matches, or any match of a stem, whose
        name is close enough to the form's keys (``key``, ``query_keys``)."""
        cands = []
        for cand in self.gazetteer.candidates(name, phonetic=True):
            place = cand.place
            if not place.is_populated or (cand.rule is not MatchRule.SKELETON and not from_stem) \
                    or place.country_code not in (HOME_COUNTRY, "RU"):
                continue
            if country_prefix and max(text.common_prefix(key, k) for k in
                                      self.gazetteer.name_keys(place)) <= country_prefix:
                continue
            best = max(_prefix_score(q, k) for k in self.gazetteer.name_keys(place)
                       for q in query_keys)
            if best >= INFLECTED_MIN_SCORE:
                cands.append(Candidate(place, MatchRule.SKELETON, best))
        return cands


def _english_spelling(name: str) -> str | None:
    """A Latin name in the English-style spelling GeoNames mostly has, when the Czech,
    Slovak, Polish, Croatian or German one differs ("Šachtarsk" Shakhtarsk, "Čuhujiv"
    Chuhuyiv, "Mykolajiv" Mykolayiv, "Charkiw" Kharkiv), else None."""
    if text.has_cyrillic(name) or (len(name) < ENGLISH_SPELLING_MIN_LENGTH
                                   and not _DIACRITIC_SPELLING.search(name)):
        return None
    lower = name.lower()
    english = lower
    for old, new in ENGLISH_SPELLING:
        english = english.replace(old, new)
    return english if english != lower else None


def _plural_stems(name: str) -> tuple[str, ...]:
    """The plural name ("Sumy", "Суми", "Сумы") of which ``name`` may be a locative,
    instrumental or dative plural ("Sumach", "Сумах", "Romnami"), or ()."""
    lower = name.lower()
    for ending in PLURAL_CASE_ENDINGS:
        if lower.endswith(ending) and len(name) - len(ending) >= PLURAL_STEM_MIN_LENGTH:
            stem = name[:-len(ending)]
            return (stem + "и", stem + "ы") if text.has_cyrillic(name) else (stem + "y",)
    return ()


def _declined_nominatives(name: str) -> tuple[str, ...]:
    """The nominatives (see DECLINED_ENDINGS) of which a Cyrillic ``name`` may be a case
    form: "Селидового" Селидове (or Селидовое, Селидовий, Селидовый), "Авдіївці" Авдіївка,
    "Великій Новосілці" Велика Новосілка (see FEMININE_ENDINGS); else ()."""
    if not text.has_cyrillic(name):
        return ()
    words = name.split(" ")
    if len(words) == 1:
        return _word_nominatives(name, DECLINED_ENDINGS)
    forms = [""]
    for word in words:
        options = _word_nominatives(word, DECLINED_ENDINGS + FEMININE_ENDINGS
                                    + PREPOSITIONAL_ENDINGS, NAME_WORD_STEM_MIN_LENGTH)
        if not options:
            options = (word, *_word_nominatives(word, NOUN_LOCATIVE_ENDINGS, min_stem=3))
        options = tuple(dict.fromkeys((*options, *_possessive_nominatives(word),
                                       *_noun_nominatives(word, NAME_WORD_STEM_MIN_LENGTH))))
        forms = [f"{form} {option}".lstrip() for form in forms for option in options]
    return tuple(form for form in forms[:MAX_DECLINED_FORMS] if form != name)


def _noun_nominatives(word: str, min_stem: int = CASE_STEM_MIN_LENGTH) -> tuple[str, ...]:
    """The nominatives of which a Cyrillic ``word`` may be a noun's case form (see
    NOUN_CASE_ENDINGS), a stem of ``min_stem`` letters left: "Суджи" Суджа, "Волчанска"
    Волчанск, "Вовчанська" Вовчанськ, "Харкова" Харков and Харків; else ()."""
    lower = word.lower()
    forms = [word[:-len(ending)] + nominative for ending, nominatives in NOUN_CASE_ENDINGS
             if lower.endswith(ending) and len(word) - len(ending) >= min_stem
             for nominative in nominatives]
    return tuple(form for stem in forms
                 for form in (stem, *([_CLOSED_SYLLABLE.sub(_closed_vowel, stem)]
                                      if _CLOSED_SYLLABLE.search(stem) else ())))


def _closed_vowel(match: re.Match[str]) -> str:
    """The і (ї for є) that a Ukrainian nominative has for the о, е or є of its case forms'
    stem (see _CLOSED_SYLLABLE)."""
    return "ї" if match.group() in "єЄ" else "і"


def _possessive_nominatives(word: str) -> tuple[str, ...]:
    """The nominatives of which ``word`` may be a possessive adjective's case form (see
    POSSESSIVE_ENDINGS): "Часового" Часов and Часів, "Часова" Часов; else ()."""
    lower = word.lower()
    for ending in POSSESSIVE_ENDINGS:
        if lower.endswith(ending):
            stem = word[:-len(ending)]
            if _POSSESSIVE_STEM.search(stem):
                return (stem, _CLOSED_SYLLABLE.sub(_closed_vowel, stem))
            return ()
    return ()


def _word_nominatives(word: str, endings: tuple[tuple[str, tuple[str, ...]], ...],
                      min_stem: int = CASE_STEM_MIN_LENGTH) -> tuple[str, ...]:
    """The nominatives of one word by the first of ``endings`` it has (leaving a stem of
    ``min_stem`` letters), or ()."""
    lower = word.lower()
    for ending, nominatives in endings:
        if lower.endswith(ending) and len(word) - len(ending) >= min_stem:
            stem = word[:-len(ending)]
            return tuple(stem + nominative for nominative in nominatives)
    return ()


def _word_nominatives_all(word: str, endings: tuple[tuple[str, tuple[str, ...]], ...],
                          min_stem: int = CASE_STEM_MIN_LENGTH) -> tuple[str, ...]:
    """The nominatives of one word by every one of ``endings`` it has (leaving a stem of
    ``min_stem`` letters), longest ending first: "Pokrowskiem" is read without "-iem" and
    without "-em"."""
    lower = word.lower()
    return tuple(word[:-len(ending)] + nominative for ending, nominatives in endings
                 if lower.endswith(ending) and len(word) - len(ending) >= min_stem
                 for nominative in nominatives)


def _case_stem(name: str) -> str | None:
    """The name without its case ending (see CASE_ENDINGS), or None."""
    lower = name.lower()
    for ending in CASE_ENDINGS:
        if lower.endswith(ending) and len(name) - len(ending) >= CASE_STEM_MIN_LENGTH:
            return name[:-len(ending)]
    return None


def _drop_unlike(cands: Sequence[Candidate], skeleton: str, every: bool = False
                 ) -> list[Candidate]:
    """Of the places an inflected form may mean, drop those whose own name has another
    phonetic frame (matched through an odd alias: Nikopol is also listed as "Slov'iansk")
    when a place that really is called so has at least half their population, or, with
    ``every``, whatever it has: "Славянску" is Sloviansk's dative."""
    def like(c: Candidate) -> bool:
        own = text.skeleton_key(c.place.ascii_name or c.place.name)
        return skeleton.startswith(own) or own.startswith(skeleton)

    biggest_like = max((c.place.population for c in cands if like(c)), default=-1)
    return [c for c in cands if like(c) or not every and biggest_like * 2 < c.place.population]


def _drop_embedded(starts: list[int], ends: list[int], words: list[str],
                   found: list[Mention], vocabulary: _Vocabulary) -> list[Mention]:
    """Drop a small, uncued village name that sits inside a longer proper name: next to an
    unmatched capitalised word ("Marine Corps") or to another such name ("Ukrainska
    Pravda"). Generic words (City, Military, Oblast) do not count as neighbours, nor, in a
    headline, which capitalises every word, does an unmatched word before a name ("Troops
    Seize Sudzha") or after one that a function word leads ("Battle For Chasiv Yar Could
    Shape", "Battle for Chasiv Yar Could"; not "Radio Svoboda Says"). ``starts``, ``ends``
    and ``words`` are the run's words, ``found`` its mentions."""
    def weak(f: Mention) -> bool:
        return (not f.reason and f.kind is _SETTLEMENT
                and max(place.population for place in f.candidates) < WEAK_PLACE_POPULATION)

    owner = {}
    for f in found:
        for k, (w_start, w_end) in enumerate(zip(starts, ends, strict=True)):
            if f.start < w_end and w_start < f.end:
                owner[k] = f
    keep = []
    for f in found:
        if not weak(f):
            keep.append(f)
            continue
        mine = [k for k, v in owner.items() if v is f]
        neighbours = {min(mine) - 1, max(mine) + 1} if mine else set()
        suspicious = False
        led = None  # whether a function word leads the name (only asked in a headline)
        for k in neighbours:
            if not 0 <= k < len(words):
                continue
            other = owner.get(k)
            word = words[k].lower().strip(".,;:'’")
            if other is None and k == 0 < min(mine) and _cyrillic_case_form(f) \
                    and text.has_cyrillic(word) and vocabulary.sentence_start(starts[0]):
                continue  # "Обстріл Вовчанська", "Освобождение Волчанска": Cyrillic writes
                # only names and a sentence's first word in capitals
            if other is None and word not in STOPWORDS and vocabulary.headline(starts[k]):
                if k < min(mine):
                    continue  # "Troops Seize Sudzha": a headline's verb before its object
                if led is None:
                    lead = min(mine) - 1
                    led = words[lead].lower() in STOPWORDS if lead >= 0 \
                        else vocabulary.after_word(starts[0])
                if led:
                    continue
            if (other is None and word not in STOPWORDS) or (
                    other is not None and other is not f and weak(other)):
                suspicious = True
        if not suspicious:
            keep.append(f)
    return keep


def _cyrillic_case_form(mention: Mention) -> bool:
    """True if ``mention`` is a Cyrillic case form of the name of one of its places with
    people ("Вовчанська" of Вовчанськ, "Суджи" of Суджа), not a nominative that a longer
    proper name may hold ("Радио Свобода"), a word merely like a name ("Гладков") nor a
    surname that an empty hamlet bears ("К Лаврову", Лавров)."""
    if not text.has_cyrillic(mention.text):
        return False
    forms = {form.lower() for form in (*_noun_nominatives(mention.text),
                                        *_declined_nominatives(mention.text))}
    return any(alias.lower() in forms for place in mention.candidates if place.population
               for alias in place.alt_names)


def _settlement_reason(text_: str, end: int, after: str, back: str,
                       settlements: _Settlements, vocabulary: _Vocabulary,
                       cue_after: bool) -> str | None:
    """The reason of a settlement mention ("cue" after a cue word, else ""), or None when the
    name reads as an ordinary word or a person's name here. ``end`` is where the name ends,
    ``after`` the text after it (30 characters), ``back`` the text before it, reversed (see
    ToponymFinder._match), ``cue_after`` whether _ANY_CUE_AFTER holds. The tests that need
    no cue come first."""
    before_word = _LAST_WORD.match(back, 0, 40)
    before = before_word.group(1)[::-1].lower() if before_word else ""
    if before in _TITLES or _is_given_name(before):
        return None  # "Ambassador Gatilov", "Roman Padun": a surname
    if settlements.public_figure and not _SETTLEMENT_NOUN_BEFORE.match(back):
        return None  # "talks with Putin", "Budanov said", "Песков заявил": a person
    if settlements.title:
        return None  # "Prime Minister", "King Charles": a title
    if before in GERMAN_ARTICLES:
        return None  # "Die Lage", "der Bund": a German noun, which is written capitalised
    if settlements.given_name and _NEXT_CAPITALISED.match(text_, end, end + 40):
        return None  # "Serhii Haidai": a first name and a surname
    best = settlements.likeliest
    noun = cue_after and _NOUN_AFTER.match(after)
    if noun and (noun.group("unit") is None or best.population < WEAK_PLACE_POPULATION
                 or best.country_code != HOME_COUNTRY or best.id not in settlements.named):
        return None  # "Marine Corps", "Vostok battalion", "Azov Brigade", "Moskva cruiser",
        # "Sumska Street": a unit, a warship or a street, not the place (a unit: unless a
        # Ukrainian town is so called)
    if before in NAMED_AFTER_WORDS or (back[:1] in _QUOTE_OR_DOT
                                       and _NAMED_AFTER_BEFORE.match(back)):
        return None  # "the landing ship Novocherkassk", "вулиця Сумська": a warship or a
        # street named after the place
    if back[:1] in _OPENING_QUOTES and _UNIT_NAME_BEFORE.search(
            text_, max(0, end - len(settlements.lower) - UNIT_NAME_WINDOW),
            end - len(settlements.lower)):
        return None  # "угруповання «Хортиця»", "группировка «Днепр»": a unit's name
    if settlements.adjective_form and not _PAUSE_AFTER.match(after) \
            and not _ends_phrase(settlements.lower, after):
        return None  # "Західного військового округу": an adjective, not "Західне"
    if _CUE_BEFORE.match(back) or _CYRILLIC_OBLAST_OF_AFTER.match(after):
        return "cue"
    if settlements.country_word:
        return None  # "Українські сили", "Украинские военные": the country's adjective
    if settlements.common_noun and _SENTENCE_START.match(back):
        return None  # "Перемога буде за нами": a noun first in its sentence
    if settlements.lexicon_word and _SENTENCE_START.match(back):
        return None  # "Walki toczą się", "Ataki dronów": a word of the text's language
        # first in its sentence, without a cue
    if settlements.one_word and settlements.lower in vocabulary:
        return None  # the text also uses it as an ordinary word ("Bar", "Mir")
    said = _SPEECH_BEFORE.match(back, 0, 30)
    if _SPEECH_AFTER.match(after) or (said and (said.group(1) is None
                                                or _SPEAKER_AFTER_SAID.match(after))):
        return None  # "Voloshyn said", ", said Voloshyn.": a person speaks
    if best.country_code != HOME_COUNTRY and (
            (best.population < WEAK_PLACE_POPULATION and _SENTENCE_START.match(back)
             and not _PLACE_APPOSITIVE_AFTER.match(text_, end, end + 60)
             and not (_border_town(best, settlements.named | (
                          {best.id} if settlements.peopled_case_form else set()))
                      and len(settlements.lower) >= BORDER_TOWN_MIN_LETTERS
                      and not settlements.given_name))
            or (best.population < MAJOR_CITY_POPULATION and best.country_code
                not in THEATRE_COUNTRIES and vocabulary.headline(end))):
        return None  # a small foreign place first in its sentence, unless the text says
        # what it is, or a town far from the war in a headline ("Drones Hit Refinery", Hīt in
        # Iraq): a capitalised word
    if settlements.far_from_war:
        return None  # "the European Union", "Bradley fighting vehicles": a word or a name,
        # not a small town far from the war (after a cue word it would be one: see above)
    if settlements.inflected and settlements.one_word \
            and (_SENTENCE_START.match(back) and (not settlements.case_form or (
                text.has_cyrillic(settlements.lower) and not settlements.peopled_case_form))
                 or vocabulary.headline(end)) \
            and not any(place.population >= WEAK_PLACE_POPULATION
                        and place.country_code == HOME_COUNTRY for place in settlements.places):
        return None  # "Rakety", "Дроны", a headline's "Opens" or "Denies": a noun first in
        # its sentence, or any word of a headline, like some hamlet's name or its case form;
        # a Cyrillic word first in its sentence, like a case form of hamlets' names that
        # have no people ("Бойові дії", "Кілька сіл": not Boiove, Kilky)
    return ""


def _ends_phrase(adjective: str, after: str) -> bool:
    """True if the lower-case word that starts ``after`` ends the phrase of the adjective
    case form ``adjective`` (lower case) before it: a word of PHRASE_WORDS or one without an
    ending that agrees with it (see AGREEING_ENDINGS): a verb ("під Роботиним тривають"), a
    preposition ("Степового под Авдеевкой"), a noun of another case ("під Очеретиним бої")."""
    match = _NEXT_LOWER_WORD.match(after)
    if match is None:
        return False
    word = match.group(1)
    ending = next((e for e in ADJECTIVE_CASE_ENDINGS if adjective.endswith(e)), "")
    return word in PHRASE_WORDS or not word.endswith(AGREEING_ENDINGS.get(ending, ()))


def _public_figure(word: str, inflected: bool) -> bool:
    """True if the one word ``word`` (lower case) is the surname of one of PUBLIC_FIGURES:
    in Latin letters as listed, in Cyrillic by its transliterations ("Песков"), and in a
    case form ("Путина", "Зеленського") when no place bears the word as written
    (``inflected``: "Лаврове" is the village Lavrove, not Lavrov's locative)."""
    if not text.has_cyrillic(word):
        return _SKY_ENDING.sub("y", word) in _PUBLIC_FIGURE_KEYS
    forms = (word, *_noun_nominatives(word), *_declined_nominatives(word)) if inflected \
        else (word,)
    return any(_SKY_ENDING.sub("y", key) in _PUBLIC_FIGURE_KEYS
               for form in forms for key in text.translit_variants(form))


def _border_town(place: Place, named: Collection[int]) -> bool:
    """True if ``place`` is a town of a foreign region along Ukraine's border (BORDER_REGIONS,
    at least BORDER_TOWN_MIN_POPULATION people) that the text names by its own name
    (``named``: the ids so named)."""
    return place.id in named and place.population >= BORDER_TOWN_MIN_POPULATION \
        and (place.country_code, place.admin1_code) in BORDER_REGIONS


_OBLAST_KEYS = tuple((code, text.name_key(name)) for code, name in OBLAST_NAMES.items())


def _colloquial_oblast(stem: str) -> str:
    """The admin1 code of the one oblast a colloquial name's stem names, where the stem is
    not a case form of the oblast's name ("Донеч" of "Донеччина", "Сум" of "Сумщина"), else
    "": the suffix often alters the name's last consonants (Donetsk, Donech-chyna)."""
    key = text.name_key(stem)
    if len(key) < COLLOQUIAL_STEM_MIN_LETTERS:
        return ""
    least = max(COLLOQUIAL_STEM_MIN_LETTERS, len(key) - COLLOQUIAL_STEM_SLACK)
    codes = [code for code, oblast in _OBLAST_KEYS if text.common_prefix(key, oblast) >= least]
    return codes[0] if len(codes) == 1 else ""


def _is_country_exonym(name: str) -> bool:
    """True if ``name`` is Ukraine or Russia called as in another language (see
    COUNTRY_EXONYMS), or another country in Russian or Ukrainian (_CYRILLIC_COUNTRY)."""
    return text.name_key(name) in _COUNTRY_EXONYM_KEYS or (
        text.has_cyrillic(name) and _CYRILLIC_COUNTRY.fullmatch(name.lower()) is not None)


@lru_cache(maxsize=NAME_CACHE_SIZE)
def _is_given_name(word: str) -> bool:
    return bool(word) and text.name_key(word) in GIVEN_NAMES


def _prefix_score(query_key: str, name_key: str) -> float:
    """Similarity that forgives case endings: the shared prefix over the longer length, or the
    rapidfuzz ratio, whichever is higher (Купянска ~ Купянск, Donecko ~ Donetsk)."""
    from rapidfuzz import fuzz

    shared = text.common_prefix(query_key, name_key)
    prefix = 100.0 * shared / max(len(query_key), len(name_key))
    stem_ok = shared >= len(name_key) - 2 and len(query_key) - shared <= 4
    # Russian and Ukrainian spellings differ in vowels (Синьковки ~ Synkivka): equal consonant
    # frames with the same first three letters count as a close match.
    same_frame = shared >= 3 and text.skeleton_key(query_key) == text.skeleton_key(name_key)
    return max(fuzz.ratio(query_key, name_key), 100.0 if stem_ok else prefix,
               SAME_FRAME_SCORE if same_frame else 0.0)


def resolve_mentions(mentions: Sequence[Mention], text_: str, gazetteer: Gazetteer
                     ) -> list[Mention]:
    """Choose a place for every settlement mention; admin, river and country mentions keep
    their unit. Order of evidence: raion or oblast named nearby, the report's other places,
    then prominence (population and administrative rank)."""
    resolved: list[Mention] = []
    named: dict[MentionKind, list[Mention]] = {_RAION: [], _OBLAST: []}
    for mention in mentions:
        if mention.kind is _SETTLEMENT:
            resolved.append(mention)
            continue
        resolved.append(_resolve_unit(mention, gazetteer))
        if mention.admin_code and mention.kind in named and not _BORDER_WITH_BEFORE.search(
                text_, max(0, mention.start - BORDER_WITH_WINDOW), mention.start):
            named[mention.kind].append(resolved[-1])
    units = {kind: _Units.of(found, gazetteer) for kind, found in named.items()}
    countries = _country_cues(resolved, text_, gazetteer)
    resolved = [_with_foreign_aliases(m, gazetteer, countries[m.start][0])
                if m.start in countries else _with_foreign_capitals(m, gazetteer, text_)
                for m in resolved]
    # First pass: what the text settles by itself (no coherence, see _resolve_settlement).
    first = [_resolve_settlement(m, units, None, text_, countries.get(m.start))
             if m.kind is _SETTLEMENT else m for m in resolved]
    # Second pass: places settled with high confidence anchor the rest (coherence).
    confident = [m for m in first if m.kind is _SETTLEMENT and m.place is not None
                 and m.confidence >= ANCHOR_MIN_CONFIDENCE]
    anchors = _Anchors([(m.start, m.place) for m in confident
                        if m.place.country_code == HOME_COUNTRY
                        and not _GOVERNMENT_AFTER.match(text_, m.end)],
                       abroad=[m.place for m in confident
                               if m.place.country_code != HOME_COUNTRY])
    abroad = {m.place.country_code for m in confident
              if m.place.country_code in THEATRE_COUNTRIES
              and m.place.country_code != HOME_COUNTRY}
    # A mention the first pass settled would be settled alike again: only the rest are left,
    # and a town chosen as its name's usual meaning that lies far from all of them.
    return [_resolve_settlement(m, units, anchors, text_, countries.get(m.start), abroad)
            if settled is m and m.kind is _SETTLEMENT else _town_far_off(settled, anchors)
            for m, settled in zip(resolved, first, strict=True)]


def _dominant_town(home: Sequence[Place]) -> Place | None:
    """The first of ``home`` (Ukrainian namesakes, own name first: see _own_name_first) when
    it is a town under MAJOR_CITY_POPULATION as dominant among them, or the only one (its
    foreign namesakes not far more prominent): "под Артемовском" is Bakhmut, not Artyomovsky
    (RU). None otherwise."""
    lead = home[0] if home and home[0].feature_code not in CITY_SECTION_CODES else None
    if lead is None or not DOMINANT_TOWN_POPULATION <= lead.population < MAJOR_CITY_POPULATION \
            or lead.population < DOMINANT_TOWN_RATIO * max((c.population for c in home[1:]),
                                                          default=0):
        return None
    return lead


def _town_far_off(mention: Mention, anchors: _Anchors) -> Mention:
    """A town the first pass chose as its name's usual meaning (under MAJOR_CITY_POPULATION)
    that lies farther than COHERENCE_MAX_KM from every other place of the report, while a
    namesake bearing the name lies within TOWN_YIELD_KM of two of them: that namesake
    ("attacks on Novotroitske and Dachenske" by Pokrovsk are on the village there, not on the
    town of 10,600 in Kherson oblast). Anything else is returned as it is."""
    town = mention.place
    if mention.kind is not _SETTLEMENT or town is None or TEXT_SAYS in mention.reason \
            or not DOMINANT_TOWN_POPULATION <= town.population < MAJOR_CITY_POPULATION \
            or not anchors or _dominant_town(_own_name_first(
                [c for c in mention.candidates if c.country_code == HOME_COUNTRY],
                mention.text)) is not town:
        return mention
    others = anchors.near(mention.start, {c.id for c in mention.candidates})
    if len(others) < 2 or any(geodesy.distance_km(town.lat, town.lon, a.lat, a.lon)
                              <= COHERENCE_MAX_KM for a in others):
        return mention
    # a namesake bearing the name beside two of them: the report's area, not a chance match
    best = None
    for i, place in enumerate(_named_places(mention.candidates, mention.text)):
        if place.country_code != HOME_COUNTRY or place.id == town.id:
            continue
        km = sorted((geodesy.distance_km(place.lat, place.lon, a.lat, a.lon), a.name)
                    for a in others)
        if km[1][0] <= TOWN_YIELD_KM and (best is None or (km[0][0], i) < best[0]):
            best = ((km[0][0], i), place, km[0])
    if best is None:
        return mention
    _, chosen, (km, name) = best
    return mention.choose(chosen, 0.7, f"near {name} ({km:.0f} km), another place of the "
                                       f"report; not {town.name}, a town of "
                                       f"{town.population:,} far from all of them")


def _with_foreign_aliases(mention: Mention, gazetteer: Gazetteer, country: str = ""
                          ) -> Mention:
    """``mention`` with the places it names by an alias added to its candidates (after them,
    in rank order): those in ``country``, else foreign regional capitals (population >=
    REGION_CAPITAL_POPULATION). The finder keeps a foreign place only by its own name, but
    where the text says the place is abroad ("Russia's Rostov", "the Rostov region"),
    "Rostov" is Rostov-on-Don."""
    known = {place.id for place in mention.candidates}
    extra = tuple(c.place for c in rank_candidates(gazetteer.candidates(mention.text,
                                                                        phonetic=False))
                  if c.place.is_populated and c.place.id not in known and (
                      c.place.country_code == country if country else
                      c.place.country_code != HOME_COUNTRY
                      and c.place.population >= REGION_CAPITAL_POPULATION))
    if not extra:
        return mention
    return replace(mention, candidates=mention.candidates + extra)


def _with_foreign_capitals(mention: Mention, gazetteer: Gazetteer, text_: str) -> Mention:
    """A settlement mention followed by "region" ("the Rostov region") whose Ukrainian
    namesakes are all small, with the foreign regional capitals it names by an alias added
    (see _with_foreign_aliases); any other mention as it is."""
    if mention.kind is not _SETTLEMENT or not _REGION_AFTER.match(text_, mention.end) \
            or any(p.population >= WEAK_PLACE_POPULATION for p in mention.candidates
                   if p.country_code == HOME_COUNTRY):
        return mention
    return _with_foreign_aliases(mention, gazetteer)


def _country_cues(mentions: Sequence[Mention], text_: str, gazetteer: Gazetteer
                  ) -> dict[int, tuple[str, str, str]]:
    """Settlement mentions the text places in a foreign country, by start offset: (ISO code,
    the words that say so, the region's admin1 code where they name one, else ""). A country
    named beside the place ("Russia's Rostov region", "Shebekino, Russia"), a country
    adjective before it ("the Russian city of Belgorod") or a foreign region named right
    after it ("Klimovo, Bryansk region", "Azov, a port town in Rostov region": its capital
    bears the region's name, as an alias too, see _with_foreign_capitals)."""
    cues: dict[int, tuple[str, str, str]] = {}
    for i, mention in enumerate(mentions):
        if mention.kind is not _SETTLEMENT:
            continue
        before = mentions[i - 1] if i else None
        after = mentions[i + 1] if i + 1 < len(mentions) else None
        if before is not None and before.kind is _COUNTRY and \
                _COUNTRY_HOLDS_BEFORE.fullmatch(text_, before.end, mention.start):
            cues[mention.start] = (before.admin_code, text_[before.start:mention.end], "")
        elif after is not None and after.kind is _COUNTRY and \
                _COUNTRY_HOLDS_AFTER.fullmatch(text_, mention.end, after.start):
            cues[mention.start] = (after.admin_code, text_[mention.start:after.end], "")
        elif after is not None and after.kind is _SETTLEMENT and \
                (region := _REGION_AFTER.match(text_, after.end)) and \
                (_COUNTRY_HOLDS_AFTER.fullmatch(text_, mention.end, after.start) or (
                    text.has_cyrillic(after.text) and _CYRILLIC_REGION_HOLDS_AFTER.fullmatch(
                        text_, mention.end, after.start))) and \
                (capital := _foreign_capital(_with_foreign_capitals(
                    after, gazetteer, text_).candidates)) is not None:
            # "Klimovo, Bryansk region", "Tetkino in the Kursk region": a foreign region
            cues[mention.start] = (capital.country_code, text_[mention.start:region.end()],
                                   capital.admin1_code)
        elif text_.endswith("of", 0, mention.start - 1) and _DEMONYM_PLACE_BACKWARDS.match(
                text_[max(0, mention.start - 60):mention.start][::-1]) and (
                demonym := _DEMONYM_PLACE_BEFORE.search(text_, max(0, mention.start - 60),
                                                        mention.start)):
            cues[mention.start] = (DEMONYM_COUNTRIES[demonym.group(1).lower()],
                                   text_[demonym.start():mention.end], "")
    _framed_abroad(mentions, text_, gazetteer, cues)
    return {start: cue for start, cue in cues.items() if cue[0] and cue[0] != HOME_COUNTRY}


#: "In Belgorod region, ...", "In Russia, ...": a sentence opening in a place (read backwards).
_FRAME_BACKWARDS = re.compile(r"\s*(?:eht\s+)?(?:ni|ssorca|в|у)\s*(?:\Z|[.!?\n]|[-–—]\s)",
                              re.I)
#: How the text before a frame ends, at least (a string test before _FRAME_BACKWARDS).
_FRAME_WORD_ENDINGS = ("In ", "in ", "IN ", "the ", "The ", "cross ", "в ", "В ", "у ", "У ")
#: Where the sentence a frame opens ends (an English full stop, or a line break).
_FRAME_END = re.compile(r"[.!?](?=\s)|\n")


def _framed_abroad(mentions: Sequence[Mention], text_: str, gazetteer: Gazetteer,
                   cues: dict[int, tuple[str, str, str]]) -> None:
    """Add to ``cues`` the settlements of a sentence that opens in a foreign country or region
    ("In Belgorod region, the villages of Zhuravlevka and Nekhoteevka were evacuated"): each
    lies there unless a cue of its own says otherwise, up to the next unit, country or region
    the sentence names ("..., while in Sumy region ...")."""
    for i, frame in enumerate(mentions):
        if frame.kind not in (_COUNTRY, _SETTLEMENT) \
                or not text_.endswith(_FRAME_WORD_ENDINGS, max(0, frame.start - 6), frame.start) \
                or not _FRAME_BACKWARDS.match(text_[max(0, frame.start - 12):frame.start][::-1]):
            continue
        if frame.kind is _COUNTRY:
            cue = (frame.admin_code, text_[frame.start:frame.end], "")
        else:
            region = _REGION_AFTER.match(text_, frame.end)
            capital = _foreign_capital(_with_foreign_capitals(frame, gazetteer, text_).candidates) \
                if region else None
            if capital is None:
                continue
            cue = (capital.country_code, text_[frame.start:region.end()], capital.admin1_code)
        if not cue[0] or cue[0] == HOME_COUNTRY:
            continue
        end = _FRAME_END.search(text_, frame.end)
        stop = end.start() if end else len(text_)
        for mention in mentions[i + 1:]:
            if mention.start >= stop or mention.kind is not _SETTLEMENT \
                    or _REGION_AFTER.match(text_, mention.end):
                break
            cues.setdefault(mention.start, cue)


def _foreign_bearer(cands: Sequence[Place], home: Sequence[Place], name: str,
                    abroad: Collection[str]) -> Place | None:
    """The place of one of the ``abroad`` countries (Russia, Belarus) whose own name is
    ``name`` as written, when no Ukrainian namesake's (``home``) is (they have it only as an
    alias, or as the Russian spelling of their own): "Lgov" beside Korenevo and Kurchatov is
    L'gov in Kursk oblast, not the Chernihiv hamlet Lhiv. None otherwise."""
    key = text.name_key(name)

    def own(place: Place) -> bool:
        return key in (text.name_key(place.name), text.name_key(place.ascii_name))

    if any(own(place) for place in home):
        return None
    return next((place for place in cands if place.country_code in abroad and own(place)),
                None)


def _foreign_capital(places: Sequence[Place]) -> Place | None:
    """The foreign regional capital (population >= REGION_CAPITAL_POPULATION) that a name
    followed by "region" means when none of its Ukrainian namesakes is a town, else None."""
    capital = next((p for p in places if p.country_code != HOME_COUNTRY
                    and p.population >= REGION_CAPITAL_POPULATION), None)
    if capital is None or any(p.population >= WEAK_PLACE_POPULATION for p in places
                              if p.country_code == HOME_COUNTRY):
        return None
    return capital


class _Anchors:
    """Places settled elsewhere in the text, by text position, for coherence; and those
    settled abroad (``abroad``), which only tell a foreign namesake (see _named_so_abroad)."""

    def __init__(self, placed: list[tuple[int, Place]], abroad: Sequence[Place] = ()):
        placed.sort(key=lambda item: item[0])
        self.starts = [start for start, _ in placed]
        self.places = [place for _, place in placed]
        self.abroad = abroad

    def near_abroad(self, place: Place) -> Place | None:
        """A place settled abroad within COHERENCE_MAX_KM of ``place`` (not itself), or None."""
        return next((other for other in self.abroad if other.id != place.id
                     and geodesy.distance_km(place.lat, place.lon, other.lat, other.lon)
                     <= COHERENCE_MAX_KM), None)

    def __bool__(self) -> bool:
        return bool(self.places)

    def near(self, position: int, exclude: set[int]) -> list[Place]:
        """Up to COHERENCE_MAX_ANCHORS distinct places named closest to ``position``, none
        of the ``exclude``d ids, among the 8 x COHERENCE_MAX_ANCHORS mentions closest to it
        (a place named again and again is looked at once)."""
        right = bisect.bisect_left(self.starts, position)
        left = right - 1
        out: dict[int, Place] = {}
        budget = 8 * COHERENCE_MAX_ANCHORS
        while len(out) < COHERENCE_MAX_ANCHORS and budget and (
                left >= 0 or right < len(self.starts)):
            budget -= 1
            take_left = right >= len(self.starts) or (
                left >= 0 and position - self.starts[left] <= self.starts[right] - position)
            if take_left:
                place, left = self.places[left], left - 1
            else:
                place, right = self.places[right], right + 1
            if place.id not in exclude:
                out.setdefault(place.id, place)
        return list(out.values())


_UNIT_REASONS = {kind: f"{kind.value} named as such in the text"
                 for kind in (_OBLAST, _RAION, _COUNTRY, _RIVER)}
#: What a facility is, by GeoNames feature code, as a reason says it.
FACILITY_LABELS = {"PS": "power station", "PSH": "hydroelectric power station", "DAM": "dam",
                   "AIRP": "airport", "AIRB": "air base", "AIRF": "airfield",
                   "AIRH": "heliport"}
#: Confidence in a facility the text names by a facility word and its place's name.
FACILITY_CONFIDENCE = 0.9


#: The units a text may place a settlement in, as (mention kind, Place field, word).
_UNIT_LEVELS = ((_RAION, "admin2_code", "raion"), (_OBLAST, "admin1_code", "oblast"))


def _resolve_unit(mention: Mention, gazetteer: Gazetteer) -> Mention:
    if mention.kind is _FACILITY:
        place = mention.candidates[0]
        label = FACILITY_LABELS.get(place.feature_code, "facility")
        return mention.choose(place, FACILITY_CONFIDENCE,
                              f"the {label} named after {mention.text}, as the words around "
                              f"the name say: GeoNames' {place.name}")
    reason = _UNIT_REASONS[mention.kind]
    if mention.kind is _RIVER:
        place = mention.candidates[0] if mention.candidates else None
        return mention.choose(place, 0.9 if place else 0.0, reason)
    return mention.choose(mention.place, 0.95, reason)


def _resolve_settlement(mention: Mention, units: dict[MentionKind, _Units],
                        anchors: _Anchors | None, text_: str,
                        country: tuple[str, str, str] | None = None,
                        abroad: Collection[str] = ()) -> Mention:
    """The mention resolved. Without ``anchors`` (the first pass, which only gathers anchors)
    a mention that coherence or prominence would settle is returned as it is: neither gives
    the confidence an anchor needs, so the geodesy is left to the second pass. ``country``:
    the foreign country the text puts it in (see _country_cues), as (ISO code, words, the
    region's admin1 code or ""); ``abroad``: the foreign countries of the war where the
    first pass settled other places of the report (see _foreign_bearer)."""
    cands = mention.candidates
    if country is not None:
        # The text puts the place abroad: a namesake there, else none (a Russian village the
        # gazetteer lacks is no Ukrainian namesake of it), unless a Ukrainian town is so
        # called (the words may be a list's: "Sumy, Belgorod region and Kursk").
        abroad = [c for c in cands if c.country_code == country[0]
                  and country[2] in ("", c.admin1_code)]
        if abroad:
            which = "the only place of that name there" if len(abroad) == 1 else \
                f"most prominent of {len(abroad)} there"
            return mention.choose(abroad[0], 0.9 if len(abroad) == 1 else 0.85,
                                  f"in {country[0]}, as '{country[1]}' says; {which}")
        if not any(c.population >= WEAK_PLACE_POPULATION for c in cands
                   if c.country_code == HOME_COUNTRY):
            return mention.choose(None, 0.0, f"in {country[0]}, as '{country[1]}' says; no "
                                             f"place of that name there in the gazetteer")
    if len(cands) == 1:
        return mention.choose(cands[0], 0.95, "only candidate of that name in the gazetteer")
    top = cands[0]
    home = [c for c in cands if c.country_code == HOME_COUNTRY]
    foreign_is_clear = top.country_code != HOME_COUNTRY and (
        not home or top.prominence >= max(c.prominence for c in home) + 2)
    if not foreign_is_clear and _REGION_AFTER.match(text_, mention.end):
        # "Rostov region": no Ukrainian oblast is so called (else this would be an oblast
        # mention), so a foreign regional capital, unless a Ukrainian town bears the name.
        capital = _foreign_capital(cands)
        if capital is not None:
            return mention.choose(capital, 0.85, f"{capital.name}, {capital.country_code}: "
                                                 f"a regional capital, as 'region' implies")
    home = _own_name_first(home, mention.text)
    lead = home[0] if home and home[0].feature_code not in CITY_SECTION_CODES else None
    major = lead if lead is not None and lead.population >= MAJOR_CITY_POPULATION else None
    town = None if major is not None else _dominant_town(home)
    usual = major or town
    renamed = None if foreign_is_clear else _named_so_abroad(cands, home, mention.text)
    # Only a Ukrainian namesake can lie in a raion or oblast the text names: without one, the
    # units are not looked for.
    for kind, field_name, label in _UNIT_LEVELS if home else ():
        unit, same_sentence = _nearest_unit(mention, units[kind], text_)
        if unit is None:
            continue
        inside = [c for c in home if getattr(c, field_name) == unit.admin_code]
        # a unit named for other places earlier does not move a city or town that is the
        # usual meaning of its name
        if (usual is not None and usual not in inside or foreign_is_clear) \
                and not same_sentence:
            continue
        if not inside:
            continue
        where = f"in {_unit_name(unit, units[kind].gazetteer)} {label} {TEXT_SAYS}"
        if usual in inside:
            # the city or town the name usually means lies in the unit named: not a village
            # of it that coherence with the report's other villages would pick
            return mention.choose(usual, 0.9 if same_sentence else UNIT_BEFORE_CONFIDENCE,
                                  f"{where}; {usual.name}, population {usual.population:,}: "
                                  f"the usual meaning")
        if len(inside) == 1:
            return mention.choose(inside[0], 0.9 if same_sentence else UNIT_BEFORE_CONFIDENCE,
                                  where)
        if anchors is None:
            return mention
        chosen, why = _by_coherence(inside, anchors, mention,
                                    _named_places(inside, mention.text))
        return mention.choose(chosen, 0.75, f"{where}; {why}")
    if renamed is not None:
        # "у Дзержинска": Toretsk near the report's Ukrainian places, Dzerzhinsk (RU) near
        # its Russian ones; else the largest Ukrainian town once so called, the war's
        # meaning, if any
        if anchors is None:
            return mention
        still = f"as {renamed.name}, {renamed.country_code} still is"
        if anchors:
            chosen, why = _by_coherence(home, anchors, mention)
            if "near" in why:
                return mention.choose(chosen, 0.7, f"{why}; once so called ({still})")
        beside = anchors.near_abroad(renamed)
        if beside is not None:
            return mention.choose(renamed, 0.8, f"{renamed.name}, {renamed.country_code}, "
                                                f"near {beside.name}, another place of the "
                                                f"report")
        largest = max(home, key=lambda place: place.population)
        if largest.population >= WEAK_PLACE_POPULATION:
            return mention.choose(largest, 0.6, f"{largest.name}, a town of "
                                                f"{largest.population:,} once so called "
                                                f"({still})")
        return mention.choose(renamed, 0.6, f"{renamed.name}, {renamed.country_code}: so "
                                            f"called; no Ukrainian town once so called")
    if foreign_is_clear:
        return mention.choose(top, 0.8, f"{top.name}, {top.country_code}: far more "
                                         f"prominent than any Ukrainian namesake")
    if major is not None:
        return mention.choose(major, USUAL_MEANING_CONFIDENCE,
                              f"{major.name}, a city of {major.population:,}: the usual "
                              f"meaning among {len(cands)} namesakes")
    if town is not None:
        than = f"over {DOMINANT_TOWN_RATIO} times any namesake" if len(home) > 1 else \
            "the only Ukrainian place of that name"
        return mention.choose(town, USUAL_MEANING_CONFIDENCE,
                              f"{town.name}, a town of {town.population:,}, {than}: the usual "
                              f"meaning")
    if anchors is None:
        return mention
    if home and anchors:
        chosen, why = _by_coherence(home, anchors, mention,
                                    _named_places(home, mention.text))
        if chosen is not None and "near" in why:
            return mention.choose(chosen, 0.7, why)
    if home and abroad:
        bearer = _foreign_bearer(cands, home, mention.text, abroad)
        if bearer is not None:
            return mention.choose(bearer, 0.6, f"{bearer.name}, {bearer.country_code}: so "
                                               f"called there, where the report's other "
                                               f"places are; the Ukrainian namesakes only by "
                                               f"an alias")
    ranked = home or cands
    confidence = 0.6 if len(ranked) == 1 else 0.4
    best = ranked[0]
    return mention.choose(best, confidence,
                 f"most prominent of {len(cands)} places of that name "
                 f"(population {best.population:,}, {best.feature_code})")


#: "near the border with Luhansk oblast", "недалеко от административной границы с Луганской
#: областью": the unit across a border locates nothing named beside it.
_BORDER_WITH_BEFORE = re.compile(
    r"(?:border|frontier|boundary|boundaries|границ\w*|кордон\w*|меж\w*|Grenze\w*|frontière|"
    r"frontera|granic\w*)\s+(?:[\w-]+\s+){0,2}?(?:with|of|с|со|з|із|зі|zu|zur|zum|mit|avec|"
    r"de|con|z)\s+(?:the\s+|der\s+|la\s+)?$", re.IGNORECASE)
#: How far before a unit's name such a border phrase is looked for, in characters.
BORDER_WITH_WINDOW = 48


class _Units(NamedTuple):
    """Admin-unit mentions of one level, in text order, with their start offsets and the
    gazetteer that names their units (see _unit_name)."""

    mentions: list[Mention]
    starts: list[int]
    gazetteer: Gazetteer

    @classmethod
    def of(cls, mentions: list[Mention], gazetteer: Gazetteer) -> _Units:
        return cls(mentions, [m.start for m in mentions], gazetteer)


def _unit_name(mention: Mention, gazetteer: Gazetteer) -> str:
    """An oblast or raion mention's unit as English-language reports name it, whatever the
    language and case of the text: "Donetsk" for "Донецкой" (области), "Kramatorskyi" for
    "Краматорского" (района). A reason says so: "in Donetsk oblast as the text says"."""
    if mention.kind is _OBLAST:
        return OBLAST_NAMES.get(mention.admin_code, mention.text)
    try:
        name = gazetteer.raion(mention.admin_code).name
    except UnknownPlaceError:
        return mention.text
    return name.removesuffix(" Raion")


@lru_cache(maxsize=NAME_CACHE_SIZE)
def _bears(place: Place, skeleton: str) -> bool:
    """True if ``place`` bears the name of phonetic ``skeleton`` as its own name (or a
    spelling of it: Gorlovka for Horlivka, Konstantinovka for Kostiantynivka), not only as
    an alias (a former name: Andriivka for Sukhanivka). Pure, so cached: a common name
    (Oleksandrivka) asks it of the same hundred namesakes at every mention."""
    if skeleton in (text.skeleton_key(place.name), text.skeleton_key(place.ascii_name)):
        return True
    own = text.name_key(place.ascii_name or place.name)
    return any(text.skeleton_key(key) == skeleton and _respelling(key, own)
               for key in map(text.name_key, place.alt_names))


def _admitted(name: str, candidate: Candidate) -> bool:
    """Whether the finder keeps a place that ``name`` met: any Ukrainian one; a foreign one
    by its own name (in Russia or Belarus also by a transliteration of it, "Теткино"), or, a
    foreign city of MAJOR_CITY_POPULATION, by its Cyrillic alias or the transliteration of a
    Cyrillic name ("Женева", "Вашингтон"):
    Russian and Ukrainian text names foreign cities so (a big one also by a Latin alias where
    nothing else is admitted: see _alias_city). Never a small foreign place by an alias,
    which is often a word of some language."""
    place, rule = candidate.place, candidate.rule
    return place.country_code == HOME_COUNTRY or rule is MatchRule.NAME \
        or (rule in _OWN_NAME_RULES and place.country_code in THEATRE_COUNTRIES) \
        or (rule is not MatchRule.SKELETON and place.population >= MAJOR_CITY_POPULATION
            and text.has_cyrillic(name))


def _alias_city(name: str, candidate: Candidate) -> bool:
    """True if ``candidate`` is a foreign city that ``name``, one Latin word, names by an
    exact alias: a capital (ALIAS_CITY_CODES) of MAJOR_CITY_POPULATION or a city of
    ALIAS_CITY_POPULATION, which other languages call by names of their own ("Warschau",
    "Genf", "Varsovie"). Asked only where no place is admitted (see _admitted): never
    against a Ukrainian place's own name. Not an alias of several words, often a phrase
    translated word for word ("White House", Casablanca)."""
    place = candidate.place
    return candidate.rule is not MatchRule.SKELETON and " " not in name \
        and not text.has_cyrillic(name) and place.population >= MAJOR_CITY_POPULATION \
        and (place.feature_code in ALIAS_CITY_CODES or place.population >= ALIAS_CITY_POPULATION)


def _respelling(alias: str, own: str, head: int = RESPELLING_EDGE) -> bool:
    """True if the name key ``alias`` spells the name key ``own`` another way (the Russian
    spelling of a Ukrainian name: konstantinovka, kostiantynivka): the same first ``head``
    and last RESPELLING_EDGE letters and a rapidfuzz ratio of RESPELLING_MIN_SCORE; a
    former name (artemovsk, bakhmut) or another village's (novooleksandrivka) is none."""
    from rapidfuzz import fuzz

    return alias[:head] == own[:head] \
        and alias[-RESPELLING_EDGE:] == own[-RESPELLING_EDGE:] \
        and fuzz.ratio(alias, own) >= RESPELLING_MIN_SCORE


def _spells_own_name(name: str, place: Place) -> bool:
    """True if ``name`` (an alias of ``place``) spells the place's own name another way, as
    a Russian or Belarusian name is transliterated in several ways (Tyotkino, Tetkino for
    Tëtkino): the same phonetic skeleton, and a _respelling from the first letter on; a
    former or another place's name is none. A Russian "ë" is also read "yo", as English
    writes it (Oryol for Orël)."""
    key = text.name_key(name)
    owns = [place.ascii_name or place.name]
    if "ë" in place.name or "Ë" in place.name:
        owns.append(place.name.replace("ë", "yo").replace("Ë", "Yo"))
    return bool(key) and any(
        text.skeleton_key(key) == text.skeleton_key(own) and _respelling(key, own, head=1)
        for own in map(text.name_key, owns))


def _named_places(places: list[Place], name: str) -> list[Place]:
    """Of ``places`` (in rank order), those that ``name`` names most surely: the ones that
    bear it as their own name; all of them when none does, or when the name is written as a
    case form of the first place's name (an alias too) and of no bearer's: "Красноармейску"
    is Krasnoarmeysk, Pokrovsk's former name, with a case ending added, and the village
    Krasnoarmeyskoye is not declined so."""
    skeleton = text.skeleton_key(text.name_key(name))
    bearers = [place for place in places if _bears(place, skeleton)]
    if not bearers or bearers[0] is places[0]:
        return bearers or places
    keys = text.translit_variants(name)
    if _case_form_of(places[0], keys) and \
            not any(_case_form_of(place, keys) for place in bearers):
        return places
    return bearers


def _own_name_first(places: list[Place], name: str) -> list[Place]:
    """``places`` (in rank order) with those ``name`` names most surely (see _named_places)
    first, when the first is not one of them: a city known by the name only as a former name
    (Oleksandrivka for Donetsk) is not what a hundred villages' own name means. But a
    Cyrillic name that one town alone has among its names, letter for letter, names that
    town first: "Красный Лиман" is Lyman, not the hamlets whose Latin name spells it."""
    if len(places) < 2:
        return places
    spelt = _spelt_town(places, name)
    if spelt is not None:
        return [spelt, *(place for place in places if place is not spelt)]
    if _bears(places[0], text.skeleton_key(text.name_key(name))):
        return places
    named = _named_places(places, name)
    if named[0] is places[0]:
        return places
    ids = {place.id for place in named}
    return named + [place for place in places if place.id not in ids]


def _spelt_town(places: Sequence[Place], name: str) -> Place | None:
    """The town (>= DOMINANT_TOWN_POPULATION) that has the Cyrillic ``name``, or the
    nominative it is a case form of, among its names letter for letter (but for case and ё),
    DOMINANT_TOWN_RATIO times as populous as every other place of ``places`` so spelt, where
    at most SPELT_TOWN_MAX_BEARERS places with people have it as their own name: "Николаев"
    is Mykolaiv, "Красный Лиман" Lyman, not the hamlets whose Latin name spells them; but
    "Олександрівка" is one of scores of villages, not Donetsk, once so called. Else None."""
    if not text.has_cyrillic(name):
        return None
    written = {form.lower().replace("ё", "е") for form in (
        name, *_noun_nominatives(name), *_declined_nominatives(name))}
    spelt = sorted((place for place in places if any(
        alias.lower().replace("ё", "е") in written for alias in place.alt_names)),
        key=lambda place: -place.population)
    if not spelt or spelt[0].population < DOMINANT_TOWN_POPULATION or any(
            spelt[0].population < DOMINANT_TOWN_RATIO * place.population
            for place in spelt[1:]):
        return None
    skeleton = text.skeleton_key(text.name_key(name))
    bearers = (place for place in places if place.population and skeleton in (
        text.skeleton_key(place.name), text.skeleton_key(place.ascii_name)))
    return spelt[0] if next(islice(bearers, SPELT_TOWN_MAX_BEARERS, None), None) is None \
        else None


def _named_so_abroad(cands: Sequence[Place], home: Sequence[Place], name: str) -> Place | None:
    """The foreign city (>= MAJOR_CITY_POPULATION) of ``cands`` that bears ``name`` as its own
    name, where the Ukrainian namesakes (``home``, none a city so large) bear it only as an
    alias, a former name: "Дзержинск" is Dzerzhinsk (RU), and Toretsk, once so called, only
    near the report's other places. Else None."""
    large = [place for place in cands if place.population >= MAJOR_CITY_POPULATION]
    if not large or not home:
        return None
    skeleton = text.skeleton_key(text.name_key(name))
    city = next((place for place in large if place.country_code != HOME_COUNTRY
                 and _bears(place, skeleton)), None)
    if city is None or any(
            place.population >= MAJOR_CITY_POPULATION or _bears(place, skeleton)
            for place in home):
        return None
    return city


def _case_form_of(place: Place, keys: Collection[str]) -> bool:
    """True if one of ``keys`` (a written name's keys) is one of ``place``'s names, aliases
    too, with a case ending of at most CASE_ENDING_MAX_LETTERS letters added."""
    return any(len(key) - CASE_ENDING_MAX_LETTERS <= len(own) < len(key)
               and len(own) >= CASE_STEM_MIN_LENGTH and key.startswith(own)
               for own in map(text.name_key, (place.name, *place.alt_names)) for key in keys)


#: A place named as the reference of a relation ("North of Huliaipole, ..."): a unit named
#: after it beyond a comma belongs to the clause that follows ("North of Huliaipole, Russian
#: forces attacked in Dnipropetrovsk Oblast near Danylivka": that unit places Danylivka).
_RELATION_BEFORE = re.compile(
    r"\b(?:(?:north|south|east|west)(?:[\s-]?(?:north|south|east|west))?(?:ern|ward|wards)?"
    r"\s+of|from|towards?)\s+(?:the\s+(?:[\w-]+\s+)?(?:town|city|village)\s+of\s+)?\Z",
    re.IGNORECASE)


def _nearest_unit(mention: Mention, units: _Units, text_: str
                  ) -> tuple[Mention | None, bool]:
    """The admin-unit mention (of ``units``) that governs ``mention``: in the same sentence
    (either side; no sentence end between them; after a comma not for a relation's reference,
    see _RELATION_BEFORE), else the closest one before it, else any in the text; and whether
    it is in the same sentence."""
    units, starts, _ = units
    if not units:
        return None, False
    before = bisect.bisect_left(starts, mention.start)
    near = []
    if before:
        unit = units[before - 1]
        if not _SENTENCE_END.search(text_, unit.end, mention.start):
            near.append(unit)
    if before < len(units):
        unit = units[before]
        if not _SENTENCE_END.search(text_, mention.end, unit.start) and not (
                "," in text_[mention.end:unit.start] and _RELATION_BEFORE.search(
                    text_, max(0, mention.start - 40), mention.start)):
            near.append(unit)
    if near:
        return min(near, key=lambda m: abs(m.start - mention.start)), True
    return (units[before - 1] if before else units[0]), False


def _by_coherence(cands: Sequence[Place], anchors: _Anchors, mention: Mention,
                  named: Sequence[Place] | None = None) -> tuple[Place, str]:
    """The candidate nearest to the report's settled places (those named closest to it in
    the text, see COHERENCE_MAX_ANCHORS), if within COHERENCE_MAX_KM; of candidates within
    COHERENCE_SLACK_KM of that distance, the first (``cands`` are in rank order). Those not
    ``named`` (see _named_places) count as ALIAS_COHERENCE_KM farther than they are.

    A place the text names under another name is still an anchor for the rest (Donetsk, once
    called Oleksandrivka, anchors the Oleksandrivka "of the Petrovsky district of Donetsk");
    a candidate is never near itself. Only the candidates that bear the name as their own are
    no anchors: the Kupiansk named before is no evidence for the Kupiansk named again."""
    bearers = cands if named is None else named
    others = anchors.near(mention.start, {c.id for c in bearers})
    if not others:
        return cands[0], "most prominent of them"
    # One pyproj call per pair: most mentions have some tens of pairs or fewer, which numpy's
    # set-up (about 30 pairs' worth) would cost several times over.
    km = [[math.inf if c.id == a.id else geodesy.distance_km(c.lat, c.lon, a.lat, a.lon)
           for a in others] for c in cands]
    nearest = [min(row) for row in km]
    if named is not None and len(named) < len(cands):
        ids = {place.id for place in named}
        nearest = [d if c.id in ids else d + ALIAS_COHERENCE_KM
                   for d, c in zip(nearest, cands, strict=True)]
    best_km = min(nearest)
    if best_km > COHERENCE_MAX_KM:
        return cands[0], "most prominent of them"
    ci = next(i for i, d in enumerate(nearest) if d <= best_km + COHERENCE_SLACK_KM)
    row = km[ci]
    ai = row.index(min(row))
    return cands[ci], (f"near {others[ai].name} ({row[ai]:.0f} km), another place of the "
                       f"report")
