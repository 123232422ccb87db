"""Read checkable location facts out of report text: distance, direction, border, front line,
river and region claims.

``parse_claims(text, mentions)`` scans the whole text with small multilingual lexicons (English,
German, French, Spanish, Russian/Ukrainian; units, compass words, borders and rivers in the other
European languages Wikipedias describe Ukrainian places in, compound number words in all of
them; Hungarian and Finnish "from" as a case ending; a little Chinese) and returns one
:class:`Claim` per fact, in text order:

- "120 kilometers (75 miles) east of Kharkiv" -> DISTANCE (120 km, alt 75 mi, E, Kharkiv);
- "south of the besieged town of Pokrovsk" -> DIRECTION (S, Pokrovsk);
- "45 kilometers south of the Russian border" -> BORDER_DISTANCE ("the Russian border", S:
  the subject lies south of the border);
- "less than 10 kilometers from the positions of the Russian occupiers" -> FRONTLINE_DISTANCE;
- "on the Oskil River" -> RIVER; "in Kharkiv oblast" -> REGION (reference: the OBLAST mention).

Each claim has a *subject*, the place the fact is about (see :func:`parse_claims` for the rule),
and its evidence span ``text[start:end]``. Parsing never raises on any text: what cannot be read
is left out, and what can be read only in part carries a ``note``.
"""

from __future__ import annotations

import bisect
import logging
import math
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from operator import attrgetter

from geo import features, geodesy
from geo.datelines import dateline_spans, in_spans
from geo.gazetteer import FACILITY_KIND_AFTER, facility_kind_before
from geo.models import Claim, ClaimKind, Mention, MentionKind, StatedDistance
from geo.prescan import Starts, finditer_at, word_alternation

log = logging.getLogger(__name__)

# As module constants: under Python 3.11 each ``MentionKind.SETTLEMENT`` lookup goes through the
# enum class, and the passes compare kinds for every mention.
_SETTLEMENT, _OBLAST, _RAION, _RIVER, _COUNTRY, _FACILITY = (
    MentionKind.SETTLEMENT, MentionKind.OBLAST, MentionKind.RAION, MentionKind.RIVER,
    MentionKind.COUNTRY, MentionKind.FACILITY)
_ADMIN_UNITS = (_OBLAST, _RAION)
_START_END = attrgetter("start", "end")

__all__ = [
    "DIRECTION_REFERENCE_WINDOW",
    "FRONTED_MAX_WORDS",
    "REFERENCE_WINDOW",
    "REGION_ATTACH_MAX_WORDS",
    "REGION_WINDOW",
    "direction_of",
    "parse_claims",
    "parse_number",
]

REFERENCE_WINDOW = 80
"""A distance claim's reference must start within this many characters after its "of"/"from":
room for framing words such as "the strategically important logistical hub city" but not for
the next clause (the search also stops at the sentence end, ";", "and" and the next claim)."""

DIRECTION_REFERENCE_WINDOW = 60
"""The same window for a direction without a figure ("south of the besieged town of Pokrovsk"):
a bare compass word is weaker evidence, so its reference must follow more closely."""

REGION_WINDOW = 80
"""An "in" may stand at most this many characters before an oblast or raion mention for a
region claim ("in the east of Ukraine's northern Kharkiv oblast")."""

REGION_ATTACH_MAX_WORDS = 8
"""A region phrase belongs to a place named at most this many words before it (not counting
parentheses and other claims): "Kupiansk, located on the Oskil River in ... Kharkiv oblast"."""

FRONTED_MAX_WORDS = 3
#: A "sentence" longer than this (a run-on line, a list without full stops) is cut at a
#: clause break or space, so that the work per fact stays bounded on any input.
MAX_SENTENCE_CHARS = 1500
"""A fact with no place before it in its sentence is about the first place after it only when it
opens the sentence, after at most this many words: "Located nearly 140 km south of the
border, Sievierodonetsk ...", "Further south in Donetsk oblast, ... Voznesenka"."""

# --------------------------------------------------------------------------------------------
# Lexicons

# Number words by value and by the part they play in a compound, in every language read, with
# the oblique forms that stand before a unit ("в двадцати пяти километрах", "dwudziestu km").
_ONES: dict[int, str] = {
    1: "one ein einen un une uno um один одного jeden jednego een unu vienas egy yksi",
    2: "two zwei deux dos due dois duas два двух двох dwa dwóch dva dvou dvě dve twee två doi "
       "două kettő két kaksi",
    3: "three drei trois tres tre tré três три трех трёх трьох trzy trzech tři tří tri drie "
       "trei trys három kolme",
    4: "four vier quatre cuatro quattro quatro четыре четырех четырёх чотири чотирьох cztery "
       "czterech čtyři čtyř štyri fyra patru keturi négy neljä",
    5: "five fünf cinq cinco cinque пять пяти п'ять п’ять п'яти п’яти pięć pięciu pět pěti "
       "päť vijf fem cinci penki öt viisi",
    6: "six sechs seis sei шесть шести шість sześć sześciu šest šesti šesť zes seks șase şase "
       "šeši kuusi",
    7: "seven sieben sept siete sette sete семь семи сім siedem siedmiu sedm sedmi sedem "
       "zeven sju syv șapte şapte septyni hét seitsemän",
    8: "eight acht huit ocho otto oito восемь восьми вісім osiem ośmiu osm osmi åtta åtte opt "
       "aštuoni nyolc kahdeksan",
    9: "nine neun neuf nueve nove девять девяти дев'ять дев’ять дев'яти дев’яти dziewięć "
       "dziewięciu devět devíti deväť negen nio nouă devyni kilenc yhdeksän",
}
_TEENS: dict[int, str] = {  # and the compounds below 100 that are words of their own
    10: "ten zehn dix diez dieci dez десять десяти dziesięć dziesięciu deset deseti desať tien "
        "tio zece dešimt tíz kymmenen",
    11: "eleven elf onze once undici одиннадцать одиннадцати одинадцять одинадцяти jedenaście "
        "jedenastu jedenáct jedenásť elva unsprezece vienuolika",
    12: "twelve zwölf douze doce dodici doze двенадцать двенадцати дванадцять дванадцяти "
        "dwanaście dwunastu dvanáct dvanásť twaalf tolv doisprezece douăsprezece dvylika",
    13: "thirteen dreizehn treize trece tredici treze тринадцать тринадцати тринадцять "
        "тринадцяти trzynaście trzynastu třináct trinásť dertien tretton treisprezece trylika",
    14: "fourteen vierzehn quatorze catorce quattordici catorze четырнадцать четырнадцати "
        "чотирнадцять чотирнадцяти czternaście czternastu čtrnáct štrnásť veertien fjorton "
        "paisprezece keturiolika",
    15: "fifteen fünfzehn quinze quince quindici пятнадцать пятнадцати п'ятнадцять п’ятнадцять "
        "п'ятнадцяти п’ятнадцяти piętnaście piętnastu patnáct pätnásť vijftien femton femten "
        "cincisprezece penkiolika",
    16: "sixteen sechzehn seize dieciséis sedici dezasseis dezesseis шестнадцать шестнадцати "
        "шістнадцять шістнадцяти szesnaście szesnastu šestnáct šestnásť zestien sexton "
        "șaisprezece şaisprezece šešiolika",
    17: "seventeen siebzehn dix-sept diecisiete diciassette dezassete dezessete семнадцать "
        "семнадцати сімнадцять сімнадцяти siedemnaście siedemnastu sedmnáct sedemnásť "
        "zeventien sjutton șaptesprezece şaptesprezece septyniolika",
    18: "eighteen achtzehn dix-huit dieciocho diciotto dezoito восемнадцать восемнадцати "
        "вісімнадцять вісімнадцяти osiemnaście osiemnastu osmnáct osemnásť achttien arton "
        "optsprezece aštuoniolika",
    19: "nineteen neunzehn dix-neuf diecinueve diciannove dezanove dezenove девятнадцать "
        "девятнадцати дев'ятнадцять дев’ятнадцять дев'ятнадцяти дев’ятнадцяти dziewiętnaście "
        "dziewiętnastu devatenáct devätnásť negentien nitton nouăsprezece devyniolika",
    21: "veintiuno veintiún", 22: "veintidós", 23: "veintitrés", 26: "veintiséis",
}
_TENS: dict[int, str] = {
    20: "twenty zwanzig vingt veinte venti vinte двадцать двадцати двадцять двадцяти "
        "dwadzieścia dwudziestu dvacet dvaceti dvadsať twintig tjugo tjue douăzeci dvidešimt "
        "húsz",
    30: "thirty dreißig dreissig trente treinta trenta trinta тридцать тридцати тридцять "
        "тридцяти trzydzieści trzydziestu třicet třiceti tridsať dertig trettio tretti "
        "treizeci trisdešimt harminc",
    40: "forty vierzig quarante cuarenta quaranta quarenta сорок сорока czterdzieści "
        "czterdziestu čtyřicet čtyřiceti štyridsať veertig fyrtio førti patruzeci "
        "keturiasdešimt negyven",
    50: "fifty fünfzig cinquante cincuenta cinquanta пятьдесят пятидесяти п'ятдесят п’ятдесят "
        "п'ятдесяти п’ятдесяти pięćdziesiąt pięćdziesięciu padesát padesáti päťdesiat "
        "vijftig femtio femti cincizeci penkiasdešimt ötven",
    60: "sixty sechzig soixante sesenta sessanta sessenta шестьдесят шестидесяти шістдесят "
        "шістдесяти sześćdziesiąt sześćdziesięciu šedesát šedesáti šesťdesiat zestig sextio "
        "șaizeci şaizeci šešiasdešimt hatvan",
    70: "seventy siebzig septante setenta settanta семьдесят семидесяти сімдесят сімдесяти "
        "siedemdziesiąt siedemdziesięciu sedmdesát sedemdesiat zeventig sjuttio șaptezeci "
        "şaptezeci septyniasdešimt hetven",
    80: "eighty achtzig quatre-vingt quatre-vingts huitante octante ochenta ottanta oitenta "
        "восемьдесят восьмидесяти вісімдесят вісімдесяти osiemdziesiąt osiemdziesięciu "
        "osmdesát osemdesiat tachtig åttio optzeci aštuoniasdešimt nyolcvan",
    90: "ninety neunzig nonante noventa novanta девяносто девяноста дев'яносто дев’яносто "
        "дев'яноста дев’яноста dziewięćdziesiąt dziewięćdziesięciu devadesát deväťdesiat "
        "negentig nittio nouăzeci devyniasdešimt kilencven",
}
# One and a half, which counts like a unit ("в полутора километрах", "полтора десятка",
# "півтори тисячі").
_ONE_AND_A_HALF = "полтора полторы полутора півтора півтори".split()
# A couple, which counts like two: "в паре километров от", "пару десятков километров".
_COUPLE = "пару паре пары".split()
_COUNTS_AS_ONES = {**dict.fromkeys(_ONE_AND_A_HALF, 1.5), **dict.fromkeys(_COUPLE, 2)}
# Russian and Ukrainian count tens with a noun, as English counts dozens: "два десятка
# километров" (20), "в полутора десятках километров" (15). The plural forms stand only after a
# count ("десятки километров" alone is "tens of kilometres", a vague count below); the singular
# ones also alone ("в десятке километров": about ten).
_DECADE_SINGULAR = "десяток десятка десятке десятку".split()
_DECADE_PLURAL = "десятков десятках десятки десятків".split()
# Tens (and Hungarian "tizen", ten) that stand only joined to a unit: "veinticinco",
# "ventuno", "trentotto", "huszonöt", "tizenöt".
_TENS_JOINED = {"veinti": 20, "vent": 20, "trent": 30, "quarant": 40, "cinquant": 50,
                "sessant": 60, "settant": 70, "ottant": 80, "novant": 90, "huszon": 20,
                "tizen": 10}
# A hundred: alone or after a unit ("two hundred", "cent", "сто", "duecento"); those in
# _HUNDRED_AFTER_ONE only after a unit ("deux cents", "tři sta", "pět set", "două sute").
_HUNDRED = ("hundred hundert cent cento ciento cien cem сто ста sto stu honderd hundra hundre "
            "száz sata šimtas šimtą sută").split()
_HUNDRED_AFTER_ONE = ("cents sta set stě sute").split()
_HUNDREDS: dict[int, str] = {  # 200 to 900 as one word
    200: "doscientos duzentos двести двухсот двісті двохсот dwieście dwustu dvesto",
    300: "trescientos trezentos триста трехсот трёхсот трьохсот trzysta trzystu tristo",
    400: "cuatrocientos quatrocentos четыреста чотириста czterysta štyristo",
    500: "quinientos quinhentos пятьсот пятисот п'ятсот п’ятсот pięćset päťsto",
    600: "seiscientos seiscentos шестьсот шістсот sześćset",
    700: "setecientos setecentos семьсот сімсот siedemset",
    800: "ochocientos oitocentos восемьсот вісімсот osiemset",
    900: "novecientos novecentos девятьсот дев'ятсот дев’ятсот dziewięćset",
}
_THOUSAND = ("thousand tausend mille mil mila тысяча тысячи тысяч тысячу тисяча тисячі тисяч "
             "tysiąc tysiące tysięcy tisíc tisíce tisícov duizend tusen mie mii ezer tuhat "
             "tūkstantis").split()
# Words counting as one before a hundred or a thousand: "a hundred", "o sută" (Romanian).
_ONE_ARTICLES = ("a", "o")
_ONE_ARTICLE = r"(?:a(?=[\s\-]+(?:hundred|thousand))|o(?=\s+(?:sută|mie)))"
# Joints inside a compound: unit first in one word ("fünfundzwanzig", "vijfentwintig",
# "pětadvacet"); tens first ("treinta y cinco", "vinte e cinco", "vingt et un", "douăzeci și
# cinci", "vint-i-cinc"); after a hundred ("one hundred and twenty", "cento e vinte").
_JOINT_BEFORE_TENS = ("und", "ën", "en", "a")
_JOINT_AFTER_TENS = ("y", "e", "et", "și", "şi", "i")
_JOINT_AFTER_HUNDRED = ("and", "und", "e", "y", "și", "şi", "i")
# Counting words that stand whole: "a dozen", "à une dizaine de kilomètres", "half a mile".
_COUNT_PHRASES: dict[str, float] = {
    "a dozen": 12, "half a dozen": 6, "two dozen": 24, "three dozen": 36, "a couple of": 2,
    "half a": 0.5, "half an": 0.5, "einen halben": 0.5, "ein halber": 0.5, "un demi": 0.5,
    "une demi": 0.5, "medio": 0.5, "pół": 0.5, "пів": 0.5,
    "une dizaine de": 10, "une quinzaine de": 15, "une vingtaine de": 20,
    "une douzaine de": 12, "une trentaine de": 30, "une quarantaine de": 40,
    "une cinquantaine de": 50, "une soixantaine de": 60, "une centaine de": 100,
    "una decena de": 10, "una quincena de": 15, "una veintena de": 20,
    "una treintena de": 30, "un centenar de": 100, "una decina di": 10, "una quindicina di": 15,
    "una ventina di": 20, "una trentina di": 30, "una quarantina di": 40,
    "una cinquantina di": 50, "un centinaio di": 100,
}

# Counts that give no figure, read as the range they leave open: "a few kilometres" (2-10 km),
# "dozens of kilometres" (20-99 km). The verdict then judges the range, with a note saying so.
_VAGUE_COUNTS: dict[str, tuple[float, float]] = {
    **dict.fromkeys(("a few", "several", "einige", "ein paar", "wenige", "quelques", "plusieurs",
                     "unos pocos", "unos cuantos", "varios", "несколько", "нескольких",
                     "кілька", "декілька", "кількох", "kilka", "kilku"), (2.0, 10.0)),
    **dict.fromkeys(("kilkanaście", "kilkunastu"), (11.0, 19.0)),
    **dict.fromkeys(("dozens of", "tens of", "des dizaines de", "decenas de", "dutzende",
                     "десятки", "десятков", "десятках", "десятків", "kilkadziesiąt",
                     "kilkudziesięciu"),
                    (20.0, 99.0)),
}


def _by_word(table: dict[int, str]) -> dict[str, int]:
    return {word: value for value, words in table.items() for word in words.split()}


_NUMBER_WORDS: dict[str, float] = {
    **_by_word(_ONES), **_COUNTS_AS_ONES, **_by_word(_TEENS),
    **_by_word(_TENS), **_TENS_JOINED, **dict.fromkeys(_HUNDRED + _HUNDRED_AFTER_ONE, 100),
    **_by_word(_HUNDREDS), **dict.fromkeys(_THOUSAND, 1000),
    **dict.fromkeys(_DECADE_SINGULAR + _DECADE_PLURAL, 10),
}
"""Every number word -> its value (a hundred, ten ("десяток") or thousand word multiplies what
precedes it)."""
_MULTIPLIERS = frozenset(_HUNDRED + _HUNDRED_AFTER_ONE + _THOUSAND + _DECADE_SINGULAR
                         + _DECADE_PLURAL)
# "полкилометра", "в полукилометре", "півкілометра": a half written as one word with the unit.
_FUSED_HALVES = {"пол": 0.5, "полу": 0.5, "пів": 0.5}
_FUSED_HALF = r"(?:полу?|пів)(?=(?:километр|кілометр|метр|мил))"
_JOINTS = frozenset(_ONE_ARTICLES + _JOINT_BEFORE_TENS + _JOINT_AFTER_TENS
                    + _JOINT_AFTER_HUNDRED)


def _alternation(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+")
                    for w in sorted(set(words), key=len, reverse=True))


def _first_character_guard(words) -> str:
    """A lookahead on the first characters of ``words``, to stand before their alternation:
    sre tries the branches of an alternation one by one (a case-free literal has no fast
    reject), so a long word list is slow to fail where none of its words starts."""
    return "(?=[" + "".join(sorted({re.escape(word[0]) for word in words})) + "])"


def _words_re(words) -> str:
    return f"(?:{word_alternation(words)})"


def _by_last_character(phrases: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """Lowercase ``phrases`` (words, or words joined by single spaces) grouped by their last
    character, for :meth:`_Scan.may_end_with`."""
    groups: dict[str, list[str]] = {}
    for phrase in dict.fromkeys(phrase.lower() for phrase in phrases):
        groups.setdefault(phrase[-1], []).append(phrase)
    return {last: tuple(group) for last, group in groups.items()}


_SEP = r"(?:[\s\-]+|)"
_ONE_W = _words_re({**_by_word(_ONES), **_COUNTS_AS_ONES})
_TENS_W = _words_re(_by_word(_TENS))
_BELOW_100 = (
    rf"(?:{_ONE_W}\s+{_words_re(_DECADE_PLURAL + _DECADE_SINGULAR)}"
    rf"|{_words_re(_DECADE_SINGULAR)}"
    rf"|{_TENS_W}(?:(?:{_SEP}|\s+(?:{_alternation(_JOINT_AFTER_TENS)})\s+|-(?:et|i)-)"
    rf"{_words_re({**_by_word(_ONES), **_by_word(_TEENS)})})?"
    rf"|{_words_re(_TENS_JOINED)}{_ONE_W}"
    rf"|{_ONE_W}(?:(?:{_alternation(_JOINT_BEFORE_TENS)}){_TENS_W})?"
    rf"|{_words_re(_by_word(_TEENS))})"
)
_HUNDRED_HEAD = (
    rf"(?:(?:(?:{_ONE_W}|{_ONE_ARTICLE}){_SEP})?{_words_re(_HUNDRED)}"
    rf"|{_ONE_W}{_SEP}{_words_re(_HUNDRED_AFTER_ONE)}|{_words_re(_by_word(_HUNDREDS))})"
)
_AFTER_HUNDRED = rf"(?:{_SEP}|\s+(?:{_alternation(_JOINT_AFTER_HUNDRED)})\s+)"
_BELOW_1000 = rf"(?:(?:{_HUNDRED_HEAD}{_AFTER_HUNDRED})?{_BELOW_100}|{_HUNDRED_HEAD})"
_WORD_NUMBER = (
    rf"(?:(?:(?:{_BELOW_100}|{_ONE_ARTICLE}){_SEP})?{_words_re(_THOUSAND)}"
    rf"(?:{_AFTER_HUNDRED}{_BELOW_1000})?"
    rf"|{_BELOW_1000}|{_alternation([*_COUNT_PHRASES, *_VAGUE_COUNTS])})(?![^\W\d_])"
)
# One piece of a written number, for reading its value: a word, a joint or a separator.
_NUMBER_PIECE_RE = re.compile(
    rf"[\s\-]+|{_alternation([*_NUMBER_WORDS, *_JOINTS, *_COUNT_PHRASES])}", re.IGNORECASE)
# Thousands are grouped with commas ("1,500") or, in French, Polish, Russian and Ukrainian
# typesetting, with a (thin, no-break) space ("1 500", "1\u202f500"): at most three groups,
# which keeps the white space an anchor can hold bounded (see _ANCHOR_MAX_SPACES).
_THOUSANDS_SPACE = "[ \u00a0\u2009\u202f]"
_DIGIT_NUMBER = (r"\d{1,3}(?:,\d{3})+(?![\d,])"
                 rf"|\d{{1,3}}(?:{_THOUSANDS_SPACE}\d{{3}}){{1,3}}(?![\d,.])"
                 r"|\d+(?:[.,]\d+)?")
# Figures that are no distance, kept so the claim is answered rather than dropped: a negative
# number, NaN or infinity, a power ("10^9") or an exponent ("1e9").
_BAD_NUMBER = (r"[\-−–]\s?\d+(?:[.,]\d+)?|(?i:nan|inf(?:inity)?)|\d+\s?\^\s?\d+"
               r"|\d+(?:\.\d+)?[eE][+\-]?\d+")
_NUM_BODY = rf"(?:{_DIGIT_NUMBER}|{_WORD_NUMBER}|{_FUSED_HALF})"
_NUM = rf"(?<![\w.,\-–−/^])(?<![\-−–]\s)(?:{_BAD_NUMBER}|{_NUM_BODY})"
# The second figure of a range and a converted figure ("(75 miles)"): digits or one word, which
# keeps the big compound pattern above to one copy in each regex (it is slow to compile).
_NUM_SHORT_BODY = rf"(?:{_DIGIT_NUMBER}|{_words_re(_NUMBER_WORDS)}(?![^\W\d_]))"
_NUM_SHORT = rf"(?<![\w.,\-–−/^])(?<![\-−–]\s)(?:{_BAD_NUMBER}|{_NUM_SHORT_BODY})"

# Hedges, by what they say about the true figure: (0, v] below, [v, inf) above, or about v.
_HEDGES_BELOW = (
    "less than", "fewer than", "under", "up to", "within", "no more than", "not more than",
    "at most", "just under", "a little less than", "little less than", "slightly less than",
    "weniger als", "unter", "bis zu", "höchstens", "knapp unter", "moins de", "jusqu'à",
    "à moins de", "menos de", "hasta", "a menos de", "менее чем в", "менее чем", "менее",
    "меньше", "не более", "не больше", "менше ніж", "менш ніж", "до", "niecałe", "niecałych",
    "niespełna", "mniej niż", "poniżej",
)
_HEDGES_ABOVE = (
    "more than", "over", "at least", "upwards of", "no less than", "not less than", "just over",
    "a little over", "slightly more than", "mehr als", "über", "mindestens", "plus de",
    "au moins", "más de", "al menos", "более чем в", "более чем", "более", "больше", "свыше",
    "не менее", "понад", "більше ніж", "більш ніж", "ponad", "przeszło", "więcej niż",
)
_HEDGES_ABOUT = (
    "about", "approximately", "approx.", "approx", "around", "roughly", "some", "circa", "ca.",
    "nearly", "almost", "just", "only", "barely", "an estimated", "estimated", "close to",
    "etwa", "rund", "ungefähr", "zirka", "knapp", "fast", "nur", "gut", "environ", "près de",
    "presque", "quelque", "à peine", "unos", "unas", "aproximadamente", "alrededor de",
    "cerca de", "casi", "apenas", "около", "примерно", "почти", "приблизительно", "порядка",
    "всего", "лишь", "близько", "приблизно", "майже", "約", "约", "大約", "大约",
    "mintegy", "körülbelül", "nagyjából", "noin", "lähes", "umbes", "ligikaudu", "około",
    "ok.", "blisko", "prawie", "zaledwie", "mniej więcej",
)
_HEDGE_KIND = {h: "below" for h in _HEDGES_BELOW} | {h: "above" for h in _HEDGES_ABOVE} | {
    h: "about" for h in _HEDGES_ABOUT}
_HEDGE = (rf"{_first_character_guard(_HEDGE_KIND)}(?:{_alternation(_HEDGE_KIND)})"
          r"(?:(?<=[.'])|(?![^\W\d_]))")
# A word between a hedge and its figure: "менее чем в 10 км", "приблизно за 30 км", "at about".
_HEDGE_JOINT = r"(?:в\s+|за\s+|at\s+)"

_UNIT_KM = (r"kilomet(?:er|re)s?|klicks?|kilometern|kilomètres?|kil[oó]metros?|quil[oóô]metros?|"
            r"chilometr[io]|kilometr(?:ów|ach|ami|ech|ara|ov|iä|in|[iyuaůų])?|kms?|"
            r"kilom[ée]ter(?:re|nyire)|kilomeetri[tl]?|"  # Hungarian, Estonian
            r"километр(?:а|ов|ах|ами|и|ара|е|у)?|кілометр(?:а|ів|ах|і|у)?|кіламетр(?:аў|ы|а)?|км")
# (the scan for anchors finds "nautical miles" by its "miles")
_UNIT_NMI = (r"nautical\s+miles?|milles?\s+nautiques|millas?\s+náuticas|miglia\s+nautiche|"
             r"морск(?:их|ие|ая|ую)\s+мил(?:ях|ь|и)|морських\s+мил(?:ях|ь|і)")
_UNIT_MI = r"miles?|mi|millas?|meilen|milles?|мил[ьи]|миль"
_UNIT_M = r"met(?:er|re)s?|mètres?|metros?|метр(?:а|ов|ах)?|метрів"
_UNIT = (rf"(?:(?:{_UNIT_KM}|{_UNIT_NMI}|{_UNIT_MI}|{_UNIT_M})(?![^\W\d_])(?!/)|公里|千米|英里)")

_EN_CARD = r"(?:north|south|east|west)"
_EN_DIR = (rf"{_EN_CARD}(?:[\s\-]?{_EN_CARD}){{0,2}}(?:\s+by\s+{_EN_CARD}(?:[\s\-]?{_EN_CARD})?)?"
           r"(?:ern|erly|wards?)?")
_EN_ABBR = r"(?-i:\b(?:[NS][EW]b[NSEW]|[NSEW]b[NSEW]|[NSEW]{1,3})\b)"
_DE_DIR = r"(?:(?:nord|nörd|süd|sued|ost|öst|oest|west)-?){1,3}lich(?:en|er|es|em|e)?"
_FR_CARD = r"(?:nord|sud|est|ouest|oest)"  # Catalan "a l'oest"
_FR_DIR = rf"{_FR_CARD}(?:-{_FR_CARD}){{0,2}}"
_ES_CARD = r"(?:norte|nord|nor|sud|sur|oeste|oest|este|est)"  # Catalan: nord, est, oest
_ES_DIR = rf"{_ES_CARD}(?:-?{_ES_CARD}){{0,3}}"
_RU_K = (r"(?:(?:північн|південн)(?:ий|ому)\s+(?:схід|захід|сходу|заходу)|"
         r"(?:(?:северо|юго|півн[іо]чно|південно)-?)?"
         r"(?:северу|югу|востоку|западу|півночі|півдню|сходу|заходу|південь|північ|схід|"
         r"захід)|(?:паўночн|паўднёв)[ыа][\s\-](?:усход|ўсход|захад)|поўнач|поўдзень|"
         r"[уў]сход|захад)")  # Belarusian from "паўночны"
_LT_DIR = (r"(?:(?:šiaurės|pietų)\s+)?(?:vakarus|rytus)|šiaurę|pietus|pietvakarius|"
           r"pietryčius")
_SV_DIR = r"(?:nord|syd)?(?:väst|öst)|(?:nord|syd)ost|norr|söder|öster|väster"
_NO_DIR = r"(?:nord|syd|sør)(?:øst|vest)|nord|syd|sør|øst|vest"  # Norwegian, Danish: "for"
_PL_DIR = (r"(?:północn|południow)(?:y|o)[\s\-]?(?:wschód|zachód)|północ|południe|wschód|"
           r"zachód")
_IT_DIR = r"(?:nord|sud)(?:-?(?:est|ovest))?|est|ovest"
_PT_DIR = r"nor(?:oeste|deste|te)|su(?:doeste|deste|l)|leste|oeste"
_NL_DIR = r"(?:noord|zuid)(?:oosten|westen)|noorden|zuiden|oosten|westen"
# a bare "est" only after "la" or a unit: French "est de" is "is of"
_RO_DIR = r"(?:nord|sud)(?:-?(?:est|vest))?|vest|(?<=la\s)est|(?<=km\s)est"
_CS_DIR = r"(?:severo|jiho|juho)?(?:východn|západn)[ěe]|severn[ěe]|jižně|južne"  # and Slovak
# Bulgarian, Serbian, Croatian, Slovene: "югоизточно от", "југоисточно од", "jugoistočno od"
_SS_DIR = (r"(?:(?:северо|сјеверо|юго|југо)-?)?(?:източно|источно|западно)|северно|сјеверно|южно|"
           r"јужно|(?:(?:severo|sjevero|jugo)-?)?(?:istočno|zapadno|vzhodno|zahodno)|severno|"
           r"sjeverno|južno")
_RU_CMP = r"(?:(?:северо|юго)-?)?(?:север|юж|восточ|запад)нее"
_UK_CMP = r"(?:(?:північно|південно)-?)?(?:північніше|південніше|східніше|західніше)"
_DIRECTION = (
    rf"(?:(?:(?:to\s+the|due|directly|almost\s+due|roughly|just|further|farther)\s+)?"
    rf"(?P<d_en>{_EN_DIR})"
    rf"|(?P<d_abbr>{_EN_ABBR})"
    rf"|(?P<d_de>{_DE_DIR})"
    rf"|(?:au|à\s+l['’]|a\s+l['’])\s*(?P<d_fr>{_FR_DIR})"
    rf"|al\s+(?P<d_es>{_ES_DIR})"
    rf"|(?:к|на)\s+(?P<d_ruk>{_RU_K})"
    rf"|į\s+(?P<d_lt>{_LT_DIR})"
    rf"|(?P<d_sv>{_SV_DIR})(?=\s+om\b)"
    rf"|na\s+(?P<d_pl>{_PL_DIR})"
    rf"|ad?\s+(?P<d_it>{_IT_DIR})(?=\s+d(?:[ai]|al|el|ell[ao])\b)"
    rf"|ao?\s+(?P<d_pt>{_PT_DIR})(?=\s+d[eoa]\b)"
    rf"|ten\s+(?P<d_nl>{_NL_DIR})(?=\s+van\b)"
    rf"|(?P<d_ro>{_RO_DIR})(?=\s+de\b)"
    rf"|(?P<d_cs>{_CS_DIR})(?=\s+od\b)"
    rf"|(?P<d_ss>{_SS_DIR})(?=\s+(?:od|от|од)\b)"
    rf"|(?P<d_no>{_NO_DIR})(?=\s+for\b)"
    rf"|(?P<d_cmp>{_RU_CMP}|{_UK_CMP}))(?![^\W\d_])"
)
#: The named groups of _DIRECTION, one per language family.
_DIRECTION_GROUPS = ("d_en", "d_abbr", "d_de", "d_fr", "d_es", "d_ruk", "d_lt", "d_sv", "d_pl",
                     "d_it", "d_pt", "d_nl", "d_ro", "d_cs", "d_ss", "d_no", "d_cmp")
_ABBR_PAREN = r"(?:\s*[(\[]\s*(?P<abbr>[NSEWOnsewob]{1,4})\s*[)\]])?"
_PREP = (r"(?P<prep>(?:away\s+)?from|of|off|outside(?:\s+of)?|short\s+of|von\s+der|vom|von|des|der|"
         r"vor|fra|"  # "20 km vor Charkiw" (short of it), Norwegian and Danish "fra"
         r"de\s+la|de\s+l['’]|du|della|dalla|dal|del|de|d['’]|di|da|do|van|från|om|nuo|od|"
         r"от|від|з|од|ад|"
         r"(?:(?<=øst\s)|(?<=ord\s)|(?<=syd\s)|(?<=sør\s)|(?<=vest\s))for"  # "sydøst for"
         r")(?:(?<=['’])|(?![^\W\d_]))")
# How the text says a figure was measured: along a road, or in a straight line.
_ROUTE_ROAD = (r"by\s+road|along\s+the\s+road|auf\s+der\s+Straße|"
               r"per\s+Straße|par\s+la\s+route|por\s+carretera|su\s+strada|"
               r"per\s+strada|por\s+estrada|over\s+de\s+weg|по\s+дороге|по\s+трассе|"
               r"по\s+автодороге|по\s+дорозі|по\s+трасі|дорогою|автошляхом|drogą")
_ROUTE_STRAIGHT = (r"as\s+the\s+crow\s+flies|in\s+a\s+(?:straight|direct)\s+line|"
                   r"in\s+Luftlinie|Luftlinie|à\s+vol\s+d['’]oiseau|en\s+línea\s+recta|"
                   r"in\s+linea\s+d['’]aria|em\s+linha\s+reta|hemelsbreed|по\s+прямой|"
                   r"по\s+прямій|w\s+linii\s+prostej")
_ROUTE = rf"(?:{_ROUTE_ROAD}|{_ROUTE_STRAIGHT})(?![^\W\d_])"
_ROUTE_STRAIGHT_RE = re.compile(_ROUTE_STRAIGHT, re.IGNORECASE)
# The same words right after a fact's reference ("100 km east of Kharkiv as the crow flies")
# or right before its figure ("по прямой — 100 км").
_ROUTE_AFTER_RE = re.compile(rf"\s*,?\s*(?P<route>{_ROUTE})", re.IGNORECASE)
_ROUTE_BEFORE_RE = re.compile(rf"(?<![^\W\d_])(?P<route>{_ROUTE})[\s,:—–-]*$", re.IGNORECASE)
# "Kramatorsk and Sloviansk lie 12 km apart": the figure is the distance between two places.
_APART = (r"apart|voneinander(?:\s+entfernt)?|друг\s+от\s+друга|один\s+від\s+одного|"
          r"одне\s+від\s+одного|l['’]une?\s+de\s+l['’]autre|entre\s+sí|"
          r"l['’]una\s+dall['’]altra|uma\s+da\s+outra|van\s+elkaar")
# Between the two places of such a pair: "and", perhaps with words such as "the town of".
_PAIR_JOINT_RE = re.compile(
    r"\s*,?\s*(?:and|und|et|y|e|en|i|и|і|та)\s+(?:[^\W\d_]+\s+){0,3}?", re.IGNORECASE)
_RANGE_SEP = (r"(?:-|–|—|to|or|and|bis|und|à|et|a|y|e|i|en|och|og|ir|și|şi|do|до|или|і|и|"
              r"та)(?![^\W\d_])")
_DISTANCE_RE = re.compile(
    rf"(?:(?<![^\W\d_])(?P<hedge>{_HEDGE})\s*{_HEDGE_JOINT}?)?"
    rf"(?P<num>{_NUM})(?:\s*{_RANGE_SEP}\s*(?P<num2>{_NUM_SHORT_BODY}))?"
    rf"\s*-?\s*(?P<unit>{_UNIT})"  # "120 km", "120km", "a 120-kilometre drive"
    rf"(?:\s*[(\[]\s*(?:{_HEDGE}\s*)?(?P<alt>{_NUM_SHORT})\s*(?P<alt_unit>{_UNIT})\s*[)\]]"
    rf"|\s+or\s+(?:{_HEDGE}\s*)?(?P<alt2>{_NUM_SHORT})\s*(?P<alt_unit2>{_UNIT}))?"
    rf"(?:\s+(?:drive|ride|journey|trip|walk))?"
    rf"(?:\s*,?\s*(?P<route>{_ROUTE}))?"  # "130 km by road from", "30 Kilometer Luftlinie"
    rf"(?:\s+(?P<apart>{_APART})(?![^\W\d_])|\s+(?P<away>away|entfernt))?"
    rf"(?:\s*,?\s*(?:la\s+)?{_DIRECTION})?{_ABBR_PAREN}"  # Romanian "la nord-est de"
    rf"(?:\s+(?:away|entfernt))?"
    rf"(?:\s*{_PREP})?",
    re.IGNORECASE,
)
# A figure that measures no position: the depth of an advance ("advanced up to 2 km west of
# Pokrovsk", "продвинулись на 2 км"), a weapon's range or a strike's depth ("drones with a range
# of 1,500 km from Sumy"). Looked for right before the figure (or its hedge); "advanced to within
# 5 km of X" states where the forces are and is kept.
_MEASURE_BEFORE_RE = re.compile(
    r"(?<![^\W\d_])(?:(?:advanced|advancing|advances|advance|pushed|pushing|progressed|"
    r"penetrated|gained|vorgerückt|vorgestoßen|avancé|avancées?|progressé|avanzaron|avanzado|"
    r"avanzó|avances|продвинулись|продвинулся|продвинулась|продвижение|просунулися|"
    r"просунулись|просунувся|просунулася|просування|posunęli\s+się|posunął\s+się|"
    r"przesunęli\s+się|postąpili)(?:\s+(?:by|forward|deeper|further|of|um|de|на|o))?"
    r"|(?:range|depth|reach)\s+of|Reichweite\s+von|Tiefe\s+von|portée\s+de|profondeur\s+de|"
    r"alcance\s+de|profundidad\s+de|дальност(?:ью|ь)|дальністю|дальність|глубину|глибину|"
    r"zasięgu|zasięg|głębokość|głębokości)"
    rf"\s+(?:{_HEDGE}\s*)?$",
    re.IGNORECASE,
)
# Cheap anchors for the distance regex: a figure and its unit; a hedge is looked for just before.
_ANCHOR_RE = re.compile(rf"{_NUM}(?:\s*{_RANGE_SEP}\s*{_NUM_SHORT_BODY})?\s*-?\s*{_UNIT}",
                        re.IGNORECASE)
_HEDGE_BEFORE_RE = re.compile(rf"(?<![^\W\d_])(?:{_HEDGE})\s*{_HEDGE_JOINT}?$", re.IGNORECASE)
_HEDGE_LAST_WORDS = _by_last_character([hedge.split()[-1] for hedge in _HEDGE_KIND]
                                       + ["в", "за", "at"])  # and _HEDGE_JOINT's
_HEDGE_REACH = 30  # characters before a figure searched for its hedge ("a little less than ")
_CJK_REF_GAP = 4  # a Chinese reference ends at most this far before 以 ("頓涅茨克市以東")
_LOOKBEHIND = 30  # characters looked at before a word for "the", "formerly", "Rajon", ...
#: "on the northern outskirts of Avdiivka", "the western edge of Donetsk": the direction from
#: the town's centre of a place beside it.
_OUTSKIRTS = r"(?:\s+(?P<outskirts>outskirts|edge|suburbs|fringes?|approaches))?"
_BARE_DIRECTION_RE = re.compile(
    rf"(?<![\w\-])(?:(?:immediately|just|directly|slightly|further|farther|far|a\s+little)\s+)?"
    rf"{_DIRECTION}{_ABBR_PAREN}{_OUTSKIRTS}(?:\s*{_PREP}|(?=\s))",
    re.IGNORECASE,
)
_CJK_DIST_RE = re.compile(
    r"以(?P<dir>[東西南北东]{1,2})(?P<hedge>約|约|大約|大约)?(?P<num>\d+(?:[.,]\d+)?)\s*"
    r"(?P<unit>公里|千米|英里)")
_CJK_FROM_RE = re.compile(
    r"(?:距離|距离|離|离)(?P<between>[^，。,;；]{1,30}?)(?P<hedge>約|约|大約|大约)?"
    r"(?P<num>\d+(?:[.,]\d+)?)\s*(?P<unit>公里|千米|英里)")
_CJK_DIST_CUES = "以"  # a character every _CJK_DIST_RE match holds
_CJK_FROM_CUES = "距離离"  # characters one of which every _CJK_FROM_RE match holds

# Hungarian and Finnish: "from" as a case ending of the place, the direction after the figure
# ("Harkivtól 120 kilométerre keletre", "120 kilometriä Harkovasta itään").
_FROM_CASE_RE = re.compile(r"(?:tól|től|sta|stä)$")
_CASE_DIRECTIONS = {
    "északra": "north", "délre": "south", "keletre": "east", "nyugatra": "west",
    "északkeletre": "north-east", "északnyugatra": "north-west", "délkeletre": "south-east",
    "délnyugatra": "south-west", "pohjoiseen": "north", "etelään": "south", "itään": "east",
    "länteen": "west", "koilliseen": "north-east", "luoteeseen": "north-west",
    "kaakkoon": "south-east", "lounaaseen": "south-west",
}
_CASE_DIRECTION_RE = re.compile(
    rf"\s+(?P<dir>{_alternation(_CASE_DIRECTIONS)})(?![^\W\d_])", re.IGNORECASE)
_SPACE_RE = re.compile(r"\s*")

# "the distance to X is N km": the reference named before the figure; "the distance between X
# and Y is N km": a pair of places, as "X and Y lie N km apart".
_DISTANCE_TO_RE = re.compile(
    r"(?<![^\W\d_])(?:distance|distances|Entfernung|Distanz|distancia|distância|расстояние|"
    r"расстоянии|відстань|відстані|odległości|vzdálenosti)\s+"
    r"(?:(?:\w+\s+){0,2}?(?:(?P<between>between|zwischen|entre|между|між)|"
    r"(?P<from>from|von|de|desde|от|від)|to|of|"
    r"nach|zu|zur|zum|bis|à|jusqu['’]à|a|hasta|до)\s"
    # "на відстані 3 км розташоване село X", "на расстоянии около 2 км": the figure follows
    # (searches end at the figure, so the figure may be the end of the searched text)
    r"|(?=(?:[^\W\d_]+\s+)?(?:\d|\Z)))", re.IGNORECASE)
#: "The front line is now only 18 km away", "the border is 5 km away": the feature is the
#: reference of a bare "N km away", the subject the place the text is about.
_FEATURE_AWAY_RE = re.compile(
    r"(?<![^\W\d_])(?P<feature>(?:the|die|der|la|le|el)\s+(?:(?:russian|nearest|"
    r"russische|russischen)\s+)?(?:front[\s\-]?line|frontline|front|border|frontier|"
    r"contact\s+line|Front(?:linie)?|Grenze|ligne\s+de\s+front|frontière|frente|frontera)|"
    r"линия\s+фронта|лінія\s+фронту|фронт|граница|кордон)\s+"
    r"(?:is|lies|runs|was|remains|ist|liegt|verläuft|est|se\s+trouve|está|находится|"
    r"проходит|проходить|знаходиться|—|-)\s+"
    r"(?:(?:now|only|just|still|already|barely|nur|noch|bereits|seulement|désormais|solo|ya|"
    r"сейчас|всего|лишь|уже|вже|лише|всього)\s+)*$"
    # German puts the verb first after an adverbial: "In Pokrowsk ist die Front nur 10 km"
    r"|(?<![^\W\d_])(?:ist|liegt|verläuft)\s+(?P<feature_de>(?:die|der)\s+(?:russische\s+)?"
    r"(?:Front(?:linie)?|Grenze))\s+(?:(?:jetzt|nun|nur|noch|bereits|schon)\s+)*$",
    re.IGNORECASE)
#: Up- or downstream right after a figure: the place the river reaches there follows ("в 1
#: км ниже по течению лежит Константиновка", "2 km downstream is X").
_STREAM_AFTER_RE = re.compile(
    r"\s*,?\s*(?:upstream|downstream|up\s+the\s+river|down\s+the\s+river|"
    r"ниже\s+по\s+течению|выше\s+по\s+течению|вниз\s+по\s+течению|вверх\s+по\s+течению|"
    r"нижче\s+за\s+течією|вище\s+за\s+течією|вниз\s+за\s+течією|вгору\s+за\s+течією|"
    r"en\s+aval|en\s+amont|flussabwärts|flussaufwärts|stromabwärts|stromaufwärts|"
    r"aguas\s+abajo|aguas\s+arriba|w\s+dół\s+rzeki|w\s+górę\s+rzeki)(?![^\W\d_])",
    re.IGNORECASE)
#: What joins the two ends of "the distance from X to Y", "between X and Y".
#: "From Kramatorsk to Bakhmut is about 40 km": a sentence opening with "from", read as
#: "the distance from" (see :meth:`_Parser._distance_cue`).
_FROM_OPENING_RE = re.compile(r"(?:^|(?<=[.!?;]\s)|(?<=\n))\s*(?:from|von|desde|от|від)\s",
                              re.IGNORECASE)
_FROM_TO_JOINT_RE = re.compile(
    r"\s*,?\s*(?:to|and|nach|bis|zu|zur|zum|und|à|jusqu['’]à|et|a|hasta|y|до|и|і|та)\s+",
    re.IGNORECASE)
DISTANCE_TO_WINDOW = 60
"""A "distance to X" cue must start at most this many characters before its figure."""

# "... near the border with Russia. That is, only 40 km away.": the reference of a bare
# "N km away" is what the text just said the place is near.
_NEAR_RE = re.compile(
    r"(?<![^\W\d_])(?:near|close\s+to|not\s+far\s+from|next\s+to|nahe|unweit|"
    r"in\s+der\s+Nähe\s+(?:von|der|des)|près\s+de|cerca\s+de|недалеко\s+от|рядом\s+с|"
    r"поблизу|біля|неподалік\s+від)\s+",
    re.IGNORECASE,
)
_CLAUSE_END_RE = re.compile(r"\s*(?:[.!?;,)]|$)")
# Between "near X" and "N km away" in one sentence: punctuation only ("near the border, 5 km
# away"). A sentence of its own must say nothing else ("That is, only 40 km away.", "It lies
# just 5 km away."): "Shelling hit a school 3 km away" is about the school.
_NEAR_GAP_RE = re.compile(r"[\s,;:—–-]*")
#: "Bakhmut is 12 km to the east.", "Kramatorsk, 13 km further south, was spared": a figure
#: and a direction closing the clause name no reference; the place named before is meant
#: (see :meth:`_Parser._implied_reference`). Not after a verb of motion ("advanced 2 km to
#: the west": how far, not where).
_MOTION_BEFORE_RE = re.compile(
    r"\b(?:advanc\w*|mov(?:e|ed|es|ing)|push\w*|retreat\w*|withdr\w*|dr[oi]ve\w*|driven|shift\w*|"
    r"gain\w*|progress\w*|penetrat\w*|fell|pulled|flew|fl(?:y|ies|ying)|travel\w*|march\w*|"
    r"walk\w*|ran|run\w*|sail\w*|deep|further|farther|another|more)\s+(?:[\w'’-]+\s+){0,3}$",
    re.IGNORECASE)
#: "Seen from Nova Kakhovka, Kherson lies 60 km to the west", "From Donetsk, Mariupol is ...".
_SEEN_FROM_RE = re.compile(r"\s*(?:(?:seen|viewed|looking|counting)\s+)?from\s",
                           re.IGNORECASE)
_IMPLIED_GROUPS = tuple(g for g in _DIRECTION_GROUPS if g != "d_cmp")
_AWAY_SENTENCE_RE = re.compile(
    r"\W*(?:(?:that\s+is|i\.\s?e\.|in\s+fact|namely|indeed|so)\W+)?"
    r"(?:(?:it|this|that|the\s+(?:town|city|village|settlement))\s+"
    r"(?:is|lies|sits|stands|was)\s+)?(?:(?:located|situated)\s+)?\W*",
    re.IGNORECASE,
)

# Seas and the coast as references ("from the Black Sea", "of the Sea of Azov").
_SEA_RE = re.compile(
    r"\s*(?:the\s+|dem\s+|der\s+|la\s+|le\s+|el\s+|du\s+|del\s+)?"
    r"(?P<sea>(?:Black|Azov|Azov's)\s+Sea|Sea\s+of\s+Azov|(?:sea\s*)?coast(?:line)?|"
    r"shore|seashore|Schwarz\w*\s+Meer\w*|Asowsch\w*\s+Meer\w*|Küste|"
    r"mer\s+(?:Noire|d['’]Azov)|côte|mar\s+(?:Negro|de\s+Azov)|costa|"
    r"Черн\w+\s+мор\w+|Чорн\w+\s+мор\w+|Азовск\w+\s+мор\w+|Азовськ\w+\s+мор\w+|"
    r"побережь\w+|узбережж\w+)(?![^\W\d_])",
    re.IGNORECASE,
)

# Reference phrases that are features, not places.
_FRONT_RE = re.compile(
    r"\s*(?:the\s+|der\s+|den\s+|die\s+|la\s+|el\s+|les\s+|de\s+)?"
    r"(?P<adj>(?:(?:current|nearest|closest|active|russian|ukrainian|enemy|russischen|"
    r"russische|feindlichen|russes|ennemies|rusas|enemigas)\s+)*)"
    r"(?P<head>front[\s\-]?lines?|frontlines?|front|contact\s+line|line\s+of\s+contact|"
    r"zero\s+line|line\s+of\s+combat|combat\s+zone|fighting|hostilities|"
    r"positions(?:\s+of\s+(?:the\s+)?(?:[\w\-]+\s+){0,3}?(?:occupiers|troops|forces|army|"
    r"invaders|military|enemy))?|troops|forces|lines|"
    r"frontlinie|kontaktlinie|stellungen|ligne\s+de\s+front|ligne\s+de\s+contact|"
    r"l[ií]nea\s+del?\s+frente|frente|линии\s+фронта|линии\s+соприкосновения|фронта|"
    r"позиций\s+\w+|лінії\s+фронту|лінії\s+зіткнення|фронту|позицій\s+\w+|"
    r"lini[ia]\s+frontu|linea\s+del\s+fronte|linia\s+frontului|frontov[éá]\s+lini[ei]|"
    r"frontlijn|frontlinjen|fronto\s+linijos)"
    r"(?![^\W\d_])",
    re.IGNORECASE,
)
_FRONT_NEEDS_ADJ = re.compile(r"^(?:positions|troops|forces|lines|stellungen)$", re.I)

_BORDER_WORD = (r"border|borders|borderline|frontier|grenze|staatsgrenze|frontière|frontera|"
                r"границы|граница|границе|кордону|кордон|granic[ayą]|hranic[eií]?|hranicí|confine|"
                r"frontiera|grens|gränsen|granița|granita|graniţa|fronteira|sienos|мяжы|grensen|"
                r"grense|grænsen|grænse|границата|границе|granice|granica")
_BORDER_RE = re.compile(
    rf"\s*(?:the\s+|der\s+|die\s+|la\s+|el\s+|de\s+|del\s+|dal\s+|da\s+)?"
    rf"(?P<lead>(?:[\w'’\-]+\s+){{0,2}}?)"
    rf"(?P<word>{_BORDER_WORD})(?![^\W\d_])"
    r"(?P<tail>\s+(?:with|of|zu|zur|zum|mit|avec|con|com|cu|met|mot|med|su|ze|z|s|с|з|til|са|sa)"
    r"\s+(?:the\s+|la\s+|le\s+|l['’]|el\s+|a\s+)?"
    r"[\w\-]+(?:\s+(?:Federation|Föderation|Fédération|Federación))?"
    r"|(?P<after>\s+[^\W\d_][\w\-]*))?",  # "confine russo", "frontière russe": kept if a country
    re.IGNORECASE,
)
_BORDER_WITH_RE = re.compile(r"\s+(?:with|mit|avec|con|com|з|с)\s+(?:the\s+)?[\w\-]+"
                             r"(?:\s+(?:Federation|Föderation|Fédération|Federación))?",
                             re.IGNORECASE)
#: "Kharkiv's border with Russia", "Sumy's state border with Russia": after a place, the
#: border of the country named, not the place.
_OWN_BORDER_RE = re.compile(r"['’]s\s+(?:state\s+|national\s+)?border\s+with\s+(?:the\s+)?"
                            r"(?P<country>[\w\-]+(?:\s+Federation)?)", re.IGNORECASE)
_ADMIN_BORDER = re.compile(r"administrative|oblast|region|raion|district|internal|"
                           r"Verwaltungs|administrativ|административн|адміністратив", re.I)
# "the state border", "державного кордону": a national border, its country named or not
_STATE_BORDER = re.compile(r"state|national|державн|государственн|państwow|státní|statale",
                           re.I)

_GENERIC_WORDS = (
    r"\s*(?:the\s+|this\s+|that\s+|dem\s+|der\s+|die\s+|la\s+|le\s+|l['’]|el\s+)?"
    r"(?P<g>(?:raion|district|regional|oblast|administrative)\s+(?:centre|center|capital)|"
    # "15 km from the city centre": the centre of the city just named
    r"(?:city|town)\s+(?:centre|center)|centre\s+of\s+the\s+(?:city|town)|"
    r"center\s+of\s+the\s+(?:city|town)|Stadtzentrum|Ortszentrum|центра\s+города|"
    r"центру\s+міста|"
    r"village|town|city|settlement|hamlet|Dorf|Ort|Ortschaft|Stadt|Siedlung|Rajonzentrum|"
    r"Oblastzentrum|Gebietshauptstadt|Oblasthauptstadt|ville|localité|pueblo|ciudad|localidad|"
    r"города|села|посёлка|поселка|райцентра|районного\s+центра|областного\s+центра|міста|"
    r"селища|райцентру|районного\s+центру|обласного\s+центру)(?![^\W\d_])")
_GENERIC_RE = re.compile(
    _GENERIC_WORDS + r"(?=\s*(?:$|[.;:!?)\]]|,(?!\s*(?-i:[A-ZА-ЯІЇЄҐ]))"
    r"|\s+(?:and|und|et|y|и|і|та|entfernt|away)\b))",
    re.IGNORECASE,
)
# After "the distance to" the words need no such end: "Відстань до райцентру становить 12 км".
_GENERIC_AFTER_CUE_RE = re.compile(_GENERIC_WORDS, re.IGNORECASE)
_RAION_SEAT = re.compile(r"raion|district|rajon|райцентр|районн", re.I)
_OBLAST_SEAT = re.compile(r"oblast|regional|administrative|gebiets|областн|обласн", re.I)

_RIVER_NAME = (r"(?!(?:Flusses|Fluss|River|Rivière|Río)\b)(?P<name>[A-ZА-ЯІЇЄҐ][\w'’\-]*"
               r"(?:\s+(?!(?-i:River)\b)[A-ZА-ЯІЇЄҐ][\w'’\-]*){0,2})")
_RIVER_LEAD_EXPLICIT = (
    r"\b(?:[Oo]n|[Aa]long|[Aa]stride|[Ss]traddling)\s+(?:both\s+)?(?:the\s+)?"
    r"(?:(?:left|right|high|low|steep|eastern|western|northern|southern|east|west|north|south|"
    r"opposite)\s+){0,2}(?:bank|banks|shore|shores)\s+of\s+(?:the\s+)?(?:[Rr]iver\s+)?"
    r"|\bin\s+the\s+(?:upper|lower|middle)\s+(?:reaches|course|part)\s+of\s+the\s+(?:river\s+)?"
    r"|\b(?:[Oo]n|[Aa]long|[Aa]stride)\s+the\s+river\s+"
    r"|\b(?:am|an\s+der|an\s+dem)\s+(?:(?:linken|rechten|hohen|östlichen|westlichen)\s+){0,2}"
    r"(?:Ufer\s+(?:des|der)\s+(?:Flusses\s+)?|Fluss\s+)"
    r"|\b(?:sur\s+la\s+rive\s+(?:gauche|droite)|sur\s+les\s+rives|au\s+bord|sur\s+les\s+bords)"
    r"\s+(?:de\s+la\s+|du\s+|de\s+l['’]|des\s+|de\s+)(?:rivière\s+|fleuve\s+)?"
    r"|\bsur\s+(?:la\s+rivière|le\s+fleuve)\s+"
    r"|\b(?:a\s+orillas|en\s+la\s+(?:orilla|ribera)\s+(?:izquierda|derecha))\s+del\s+(?:río\s+)?"
    r"|\ben\s+el\s+río\s+|\bjunto\s+al\s+río\s+"
    r"|\bна\s+(?:(?:левом|правом|высоком|лівому|правому|високому)\s+)?(?:берегу|березі)\s+"
    r"(?:реки\s+|річки\s+)?|\bна\s+(?:реке|річці|рацэ)\s+"
    r"|\bnad\s+rzek[ąa]\s+|\bna\s+(?:řece|rieke)\s+|\bpe\s+(?:r[âîa]ul)\s+"
    r"|\baan\s+de\s+rivier\s+(?:de\s+)?|\bvid\s+(?:floden|ån)\s+"
    r"|\b(?:sul|lungo\s+il)\s+fiume\s+|\bsulla\s+riva\s+(?:destra|sinistra)\s+del\s+(?:fiume\s+)?"
    r"|\b(?:às\s+margens\s+do|junto\s+ao)\s+rio\s+"
)
_RIVER_LEAD_BARE = (r"\b(?:[Oo]n|[Aa]long|[Aa]stride|[Ss]traddling)\s+the\s+"
                    r"|\b(?:am|an\s+der)\s+")
_RIVER_PHRASE_RE = re.compile(
    rf"(?P<lead>{_RIVER_LEAD_EXPLICIT}|(?P<bare>{_RIVER_LEAD_BARE})){_RIVER_NAME}"
    r"(?P<word>\s+(?-i:[Rr]iver)\b)?",
)
_RIVER_REF_RE = re.compile(  # a river as the reference of a distance: "5 km from the Oskil River"
    rf"\s*(?:the\s+|la\s+|el\s+)?(?:(?:[Rr]iver|Flusses|Fluss|rivière|fleuve|río|реки|річки)"
    rf"\s+{_RIVER_NAME}|"
    r"(?P<name2>[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)?)\s+(?-i:[Rr]iver)\b)",
)
# The mouth of a river as a point reference: GeoNames places a river (feature class H, STM) at
# its mouth, so "15 km from the mouth of the Dnipro" is measured to that point.
_MOUTH_WORD = (r"mouth|estuary|Mündung|embouchure|desembocadura|desembocadura|устья|устье|"
               r"устя|гирла|гирло")
_MOUTH_RE = re.compile(
    rf"\s*(?:the\s+|der\s+|la\s+|l['’]|el\s+)?(?:{_MOUTH_WORD})\s+"
    r"(?:of\s+(?:the\s+)?|des\s+|der\s+|du\s+|de\s+la\s+|de\s+l['’]|del\s+|de\s+)?"
    r"(?:river\s+|Flusses\s+|rivière\s+|fleuve\s+|río\s+|реки\s+|річки\s+)?"
    r"(?P<name>(?-i:[A-ZА-ЯІЇЄҐ])[\w'’\-]*)(?:\s+(?-i:River)\b)?"
    r"|\s*(?P<name2>(?-i:[A-ZÅÄÖ])[\w'’\-]*)\s+(?:mynning|munning)\b",
    re.IGNORECASE,
)
# "between Kharkiv and Sloviansk": the places a third one lies between.
_BETWEEN_RE = re.compile(
    r"(?<![^\W\d_])(?:between|zwischen|entre|между|між)\s+[^.;:!?]{1,80}?\s"
    r"(?:and|und|et|y|и|і|та)\s+(?:the\s+)?[\w'’\-]+(?:\s+(?-i:[A-ZА-ЯІЇЄҐ])[\w'’\-]*)?",
    re.IGNORECASE,
)

# A pronoun standing for the text's topic: "The Sea of Azov lies 95 km south of it."
_PRONOUN_REF_RE = re.compile(
    r"\s*(?P<pron>it|him|ihm|ihr|него|неё|нее|нього|неї)"
    r"(?=\s*(?:$|[.,;:!?)\]]|(?:and|und|и|і|та)(?![^\W\d_])))",
    re.IGNORECASE,
)

_IN_RE = re.compile(r"(?<![\w\-])(?:in|within|im|dans|en|w|we|nella|nel|в|во|у)(?![\w\-])",
                    re.IGNORECASE)
_REGION_FILLER = re.compile(
    r"^(?:the|of|part|parts|far|central|centre|center|middle|outskirts|area|areas|"
    r"(?:north|south)(?:[\-]?(?:east|west))?(?:ern)?|(?:east|west)(?:ern)?|"
    r"oblast|oblasts|region|regions|province|raion|district|hromada|settlement|urban|rural|"
    r"municipality|community|territorial|city|town|village|of|der|des|die|im|norden|süden|"
    r"osten|westen|nordosten|nordwesten|südosten|südwesten|nördlichen|südlichen|östlichen|"
    r"westlichen|zentrum|rajon|rajons|l|la|le|de|du|el|del|región|région|óblast|provincia|"
    r"nord|sud|est|ouest|norte|sur|este|oeste|центре|севере|юге|востоке|западе|области|"
    r"район|районе|півночі|півдні|сході|заході|області|gebiet|gebietes|bezirk|obwodzie|"
    r"obwodu|rejonie|rejonu|regione|provincia|di|della|dell)$",
    re.IGNORECASE,
)
_ADMIN_WORD_AFTER = re.compile(
    r"\s*(?:oblast|region|province|raion|district|rajon|óblast|région|región|область|"
    r"области|обл\.|район|районе|області)\b\.?",
    re.IGNORECASE,
)
_HROMADA_AFTER = re.compile(r"\s*(?:\w+\s+)?(?:hromada|municipality|community|raion|district)\b",
                            re.IGNORECASE)

# Sentences that talk about a place named before: "It is ...", "The village is ...".
_NOT_NAMED = r"(?!\s+(?:of\s+|de\s+)?(?-i:[A-ZА-ЯІЇЄҐ]))"  # "The village", not "The village of X"
_ANAPHOR_OPENER = re.compile(
    r"^\W*(?:(?:it(?!\s+(?:is|was|has\s+been|had\s+been)\s+(?:\w+\s+){0,2}(?:that|to)\b)|"
    r"its|this|that|he|she|they|there|sie|es|er|il|elle|se\s+encuentra|está|он|она|оно|воно)"
    r"\b|(?:(?:the|this)\s+(?:village|town|city|settlement|hamlet|locality|community|place|"
    r"municipality)|die\s+(?:stadt|siedlung|ortschaft|gemeinde)|das\s+dorf|der\s+ort|"
    r"la\s+(?:ville|localité|commune)|le\s+village|la\s+ciudad|el\s+pueblo|город|село|"
    rf"посёлок|поселок|місто|селище)\b{_NOT_NAMED})",
    re.IGNORECASE,
)
#: Words of a sentence that point back at a place named before ("Sumy's mayor said the city,
#: 30 km from the border, ...").
_POINTING_BACK = re.compile(
    r"\b(?:(?:the|this|that)\s+(?:village|town|city|settlement|hamlet)|it)\b", re.IGNORECASE)
#: "the town", "der Kleinstadt", "городка": a generic reference that means a town, which a
#: village named after it is not (see TOWN_MIN_POPULATION).
_TOWN_WORD_RE = re.compile(r"\btown|stadt|ville|городк|містечк", re.IGNORECASE)
TOWN_MIN_POPULATION = 5_000
"""A place "the town" may mean, in people (Siversk, 11,000; the villages around it far fewer)."""
#: "the city", "the regional capital", "der Stadt", "города": a generic reference that means
#: a city, which a village named after it is not (see CITY_MIN_POPULATION).
_CITY_WORD_RE = re.compile(r"city|capital|stadt|ville|ciudad|город|міст", re.IGNORECASE)
CITY_MIN_POPULATION = 50_000
"""A place "the city" may mean, in people (Vovchansk, 17,000, is a town; Kramatorsk a city)."""
_ANAPHOR_ANYWHERE = re.compile(
    r"\b(?:it|the\s+(?:village|town|city|settlement))\s+(?:is|lies|was|sits|stands|remains)\b",
    re.IGNORECASE,
)
# "Hostomel, a town near Bucha, home to an airport, lies ...": up to three comma-delimited
# appositives or relative clauses, each opening with an article, a relative word or a word such
# as "home", "once", then the fact's own verb.
_APPOSITION_OPENERS = (
    r"a|an|the|one|once|home|now|formerly|population|which|who|where|whose|"
    r"ein|eine|einer|einem|eines|der|die|das|wo|welche[rs]?|einst|heute|un|une|la|le|les|qui|"
    r"où|dont|ville|commune|una|el|que|donde|ciudad|localidad|il|lo|che|dove|città|cittadina|"
    r"uma|um|o|onde|cidade|город|посёлок|поселок|который|которая|которое|где|місто|селище|"
    r"який|яка|яке|де|miasto|wieś|miejscowość|który|która|które|gdzie|město|mesto|obec|"
    r"který|která|ktoré|kde|een|het|dat|waar|en|ett|som|där|село|"
    # where the head lies: "Voznesenka, near Melitopol, is 1 km from ..."
    r"near|outside|on|in|at|close|next|not\s+far|just|bei|nahe|nahe\s+bei|im|am|an|près|dans|"
    r"sur|au|cerca|junto|en\s+las?|под|возле|около|близ|біля|поблизу|під|koło|obok|pod|u"
)
_APPOSITION_RE = re.compile(
    r"\s*(?:\([^()]*\)\s*)?"
    rf"(?:,\s*(?:(?:{_APPOSITION_OPENERS})(?![^\W\d_])|l['’])(?:[^,;:()]|(?<=\d),(?=\d)|\([^()]*\))*)"
    r"{1,3},\s*(?P<tail>[^\W\d_][^,;:()\d]*?)\s*",
    re.IGNORECASE,
)
APPOSITION_TAIL_MAX_WORDS = 4
"""Words the fact's own verb may take after the last appositive ("is located some")."""
#: What stands between X and Y in "X near Y", "X, close to the town of Y", "X outside Y".
NEAR_BETWEEN = re.compile(
    r",?\s+(?:near|close\s+to|next\s+to|outside|not\s+far\s+from|just\s+(?:outside|north|"
    r"south|east|west)\s+of)\s+(?:the\s+)?(?:(?:town|city|village|settlement)\s+of\s+)?",
    re.I)
#: The fact's own verb after "X near Y" with no comma: "Voznesenka near Melitopol lies ...".
_VERB_TAIL_RE = re.compile(r"\s+(?P<tail>[^\W\d_][^,;:()\d]*?)\s*")
_WHICH_RE = re.compile(r"^[\s,]*(?:\([^)]*\)[\s,]*)?(?:which|that|where|der|die|das|qui|que|"
                       r"который|которая|которое|який|яка|яке)\b", re.IGNORECASE)
_FORCES_VERBS = (
    "were are was is had have been stood stand remained remain now already only just reportedly "
    "then still came come got get advanced approached waren sind standen stehen steht étaient "
    "sont estaban están находились находятся были стояли стоят були перебували перебувають "
    "знаходяться знаходилися стоять").split()
_FORCES_JOINTS = ["to", "в", "у", "за"]  # "войска находятся в 2 км от", "війська за 5 км від"
_FORCES_RE = re.compile(
    r"\b(?:forces|troops|army|units|occupiers|invaders|soldiers|truppen|streitkräfte|troupes|"
    r"fuerzas|tropas|войска|силы|війська|сили)\s+"
    rf"(?:(?:{'|'.join(_FORCES_VERBS)})\s+){{1,3}}(?:(?:{'|'.join(_FORCES_JOINTS)})\s+)?$",
    re.IGNORECASE,
)
_FORCES_LAST_WORDS = _by_last_character(_FORCES_VERBS + _FORCES_JOINTS)
# "Kramatorsk and Sloviansk, both about 25 km from the front", "Hirnyk and Ukrainsk are each
# 10 km from Kurakhove": the fact holds for every place of the list before "both"/"each".
_SHARED_BEFORE_FACT_RE = re.compile(
    # "Kotlyne, Udachne and Novoserhiivka (all southwest of Pokrovsk)": the war summaries' form
    r"\s*,?\s*\(?\s*(?:(?:are|lie|sit|stand|liegen|sind|se\s+trouvent|están|находятся|"
    r"знаходяться)\s+)?"
    r"(?:both|each|all(?:\s+(?:three|four|five))?|beide|jeweils|tous\s+(?:deux|les\s+deux)|"
    r"toutes\s+(?:deux|les\s+deux)|ambos|ambas|оба|обе|обидва|обидві|"
    # "Staromaiorske and Urozhaine, two villages south of ...", "..., the two largest cities"
    r"(?:the\s+)?(?:two|three|four|five)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:villages|towns|cities|settlements|hamlets|places))"
    r"(?:\s+(?:are|lie|lying|sit|located|situated|liegen|sind|situés|situées|se\s+trouvent|"
    r"situados|situadas|están|находятся|расположены|знаходяться|розташовані))?\s*",
    re.IGNORECASE)
#: "attacks near Kurylivka and Pishchane, southeast of Kupiansk": a direction right after a
#: list (a comma at most between) holds for each of its places, as "both" would say.
_LIST_DIRECTION_GAP_RE = re.compile(r"\s*,?\s*")
#: "attacked north of Kupiansk near Holubivka", "and southeast of Kupiansk near Pishchane": the
#: war summaries' form, where the place after "near" is the one the relation places.
_NEAR_AFTER_FACT_RE = re.compile(
    r"\s+(?:near|in\s+the\s+(?:vicinity|area|direction)\s+of)\s+(?:the\s+)?"
    r"(?:(?:town|city|village|settlement)s?\s+of\s+)?", re.IGNORECASE)
#: What sets a relation off as a place's appositive: "Holubivka, north of Kupiansk near ...".
_APPOSITIVE_GAP_RE = re.compile(r"\s*[,(\[]\s*")
_LIST_JOINT_RE = re.compile(r"\s*(?:,|,?\s+(?P<and>and|und|et|y|и|та|і)\s+|\s*&\s*)\s*",
                            re.IGNORECASE)
# ";" or a joining word between white space; written to open with a character class, which
# lets the regex engine skip quickly from one candidate character to the next.
_CLAUSE_STOP = re.compile(
    r"[;\s](?:(?<=;)|(?:and|und|et|y|и|та|but|while|whereas|aber|mais|pero)\s)")
_ALIAS_BEFORE = re.compile(  # "formerly Oktiabr", "Izium or Izyum": another name of the same place
    r"\b(?:formerly|or|also\s+known\s+as|known\s+as|a\.?k\.?a\.?|previously|renamed(?:\s+to)?|"
    r"until\s+\d{4}(?:\s+called)?|called|ehemals|früher|auch|anciennement|antes|ранее|бывш\w*|"
    r"колишн\w*)\s*[(,:]?\s*$", re.IGNORECASE)
_ADMIN_BEFORE = re.compile(  # "im Rajon Bachmut", "der Oblast Luhansk": an admin unit, not the town
    r"\b(?:rajons?|raions?|oblast|gebiet|bezirk|district\s+of|raion\s+of|région\s+de|"
    r"óblast\s+de|oblast\s+de|область|района?|області|районі?)\s+$", re.IGNORECASE)
_ADMIN_LAST_WORDS = _by_last_character(  # the words _ADMIN_BEFORE's matches end with
    "rajon rajons raion raions oblast gebiet bezirk область район района області районі".split()
    + ["district of", "raion of", "région de", "óblast de", "oblast de"])
_UNIT_AFTER = re.compile(  # "Krasnorichenske hromada", "Pokrovsk Raion": a unit's name
    r"\s+(?:(?:settlement|urban|rural|territorial|city)\s+)?(?:hromada|community|municipality|"
    r"raion|rayon|district|oblast|region|province|громада|громади|район|области|області)\b",
    re.IGNORECASE)
# An oblast or raion named as the reference of a distance, "30 km from the Dnipropetrovsk
# region": its unit word, then the end of the phrase ("the Donetsk region's capital", "the
# Donetsk region town of Kramatorsk" name a place in it).
_UNIT_WORD_RE = re.compile(
    r"\s+(?:oblast|region|raion|rayon|district|області|области|району|района)(?![^\W\d_])",
    re.IGNORECASE)
_AREA_END_RE = re.compile(
    r"\s*(?:$|[.,;:!?)\]\"”»—–])|\s+(?:and|or|but|in|on|at|to|where|which|that|while|as|after|"
    r"before|since|und|et|и|та|і|в|у|-)(?![^\W\d_])", re.IGNORECASE)
_WATER_AFTER = re.compile(r"\s+(?:Sea|Reservoir|Lake|Bay|Gulf|Strait|Lagoon|Estuary)\b")
# A facility named after a town lies off its centre point, often far off (the Zaporizhzhia
# nuclear power plant is 50 km from Zaporizhzhia), so the town is no reference for it:
# "the Zaporizhzhia NPP", "the Kakhovka dam", "Kramatorsk airfield", "Запорожской АЭС"; in
# German, French and Spanish the facility word stands before the name ("vom AKW Saporischschja",
# "de la centrale nucléaire de Zaporijia"). geo.gazetteer.FACILITY_KIND_AFTER has the words.
# Either a unit's or a facility's word after a name: a settlement mention followed by one names
# no settlement.
#: A place named for whoever speaks ("Kharkiv police reported", "Sumy's mayor said", "a
#: Kyiv-based analyst", "officials in Zaporizhzhia"): the speaker's, not the claim's subject.
_SPEAKER_AFTER = re.compile(
    r"(?:['’]s)?(?:-based\b|\s+(?:(?:regional|city|oblast|military|state|local|district|"
    r"municipal)\s+)?(?:police|mayor|governor|officials?|authorities|administration|council|"
    r"prosecutors?|prosecutor['’]s\s+office|spokes(?:man|woman|person)|emergency\s+services|"
    r"analysts?|journalists?|correspondents?)\b)", re.IGNORECASE)
_SPEAKER_BEFORE = re.compile(
    r"\b(?:officials?|authorities|mayor|governor|police|prosecutors?|spokes(?:man|woman|person)|"
    r"administration|head|chief|analysts?|journalists?|correspondents?)\s+(?:in|of|from)\s+"
    r"(?:the\s+)?(?:(?:city|town|region)\s+of\s+)?$", re.IGNORECASE)
_UNIT_OR_FACILITY_AFTER = re.compile(rf"{_UNIT_AFTER.pattern}|{FACILITY_KIND_AFTER.pattern}",
                                     re.IGNORECASE)
_NAME_RE = re.compile(r"(?<![\w'’\-])[A-ZА-ЯІЇЄҐ][\w'’\-]*(?:\s+[A-ZА-ЯІЇЄҐ][\w'’\-]*){0,2}")
_NAME_STOP = {
    "the", "a", "an", "this", "that", "russian", "ukrainian", "russia's", "ukraine's",
    "russia", "ukraine", "oblast", "raion", "region", "city", "town", "village", "centre",
    "center", "river", "state", "armed", "forces", "defense", "defence", "ministry", "army",
    "general", "staff", "das", "der", "die", "dem", "den", "le", "la", "les", "el", "los",
    "city's", "capital", "administrative", "regional", "district",
}
_NAME_STOP_SUFFIX = re.compile(
    r"(?:zentrum|zentrums|hauptstadt|stadt|dorf|gebiet|siedlung|grenze|ufer|fluss|flusses|"
    r"rajon|rajons|oblast|-occupied|-controlled|-held|ian|ish)$", re.IGNORECASE)
# A sentence break: ".", "!" or "?" (one or more) and closing quotes before white space, a CJK
# full stop, or line breaks; written to open with a character class, which lets the regex engine
# skip quickly from one candidate character to the next.
_SENTENCE_BREAK = re.compile(
    r"[.!?。！？\n](?:(?<=[.!?])[.!?]*[\"'”’»)\]]*\s+|(?<=[。！？])|(?<=\n)\n*)")
_WORD_BEFORE_RE = re.compile(r"([\w.]+)$")
_ABBREVIATIONS = {
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mr",
    "mrs", "ms", "dr", "st", "gen", "lt", "col", "maj", "capt", "sgt", "no", "approx", "ca",
    "vs", "etc", "r", "obl", "e.g", "i.e", "km", "bzw", "vgl", "z.b", "ul", "g", "gg", "p",
}
# Characters before a full stop searched for an abbreviation: a longer word is none, and two
# more show where a shorter one starts (past a line break, which "$" may stand before).
_ABBREVIATION_REACH = max(map(len, _ABBREVIATIONS)) + 2

# Tokens of compass words, longest first, in every language read: -> English cardinal.
_DIR_TOKENS = (
    ("північно", "north"), ("південно", "south"), ("північ", "north"), ("півден", "south"),
    ("півдн", "south"), ("северо", "north"), ("север", "north"), ("восто", "east"),
    ("запад", "west"), ("сход", "east"), ("заход", "west"), ("схід", "east"),
    ("захід", "west"), ("юго", "south"), ("югу", "south"),
    ("юж", "south"), ("юг", "south"), ("north", "north"), ("south", "south"), ("ouest", "west"),
    ("oeste", "west"), ("norte", "north"), ("east", "east"), ("west", "west"),
    ("este", "east"), ("nord", "north"), ("nörd", "north"), ("süd", "south"),
    ("sued", "south"), ("oestl", "east"), ("oesten", "east"), ("oest", "west"),  # Catalan
    ("öst", "east"), ("ost", "east"), ("nor", "north"),
    ("sud", "south"), ("sur", "south"), ("est", "east"),
    ("šiaur", "north"), ("piet", "south"), ("ryt", "east"), ("ryč", "east"), ("vakar", "west"),
    ("norr", "north"), ("söder", "south"), ("syd", "south"), ("väst", "west"),
    ("półn", "north"), ("połud", "south"), ("wsch", "east"), ("zach", "west"),
    ("ovest", "west"), ("vest", "west"), ("sul", "south"), ("noord", "north"),
    ("zuid", "south"), ("oost", "east"), ("sever", "north"), ("jih", "south"), ("již", "south"),
    ("východ", "east"), ("západ", "west"), ("juh", "south"), ("juž", "south"),
    ("øst", "east"), ("sør", "south"), ("источ", "east"), ("източ", "east"),
    ("сјевер", "north"), ("југ", "south"), ("јуж", "south"), ("istoč", "east"),
    ("sjever", "north"), ("jug", "south"), ("zapad", "west"), ("vzhod", "east"),
    ("zahod", "west"), ("паўноч", "north"), ("поўнач", "north"), ("паўдн", "south"),
    ("поўдз", "south"), ("захад", "west"),
)
_DIR_CARD = dict(_DIR_TOKENS)
# The tokens as one regex, tried in the same order as the tuple at every position.
_DIR_TOKEN_RE = re.compile("|".join(re.escape(token) for token, _ in _DIR_TOKENS))
_BY_RE = re.compile(r"\s+by\s+")
_CJK_DIR = {"北": "north", "南": "south", "東": "east", "东": "east", "西": "west"}


_SPACES_RE = re.compile(r"\s+")
_THE_BEFORE_RE = re.compile(r"\bthe\s+$")
_PARENTHESES_RE = re.compile(r"\([^)]*\)")
_FILLER_WORD_RE = re.compile(r"[^\s,]+")
_POSSESSIVE_RE = re.compile(r"[\w\-]+['’]s")
_OPEN_BRACKET_RE = re.compile(r"\s*[(\[]\s*")
_WORD_RE = re.compile(r"\w+")
_WORD_START_RE = re.compile(r"(?<![^\W\d_])(?=[^\W\d_])")


# --------------------------------------------------------------------------------------------
# Fast scanning
#
# CPython's regex engine tries a pattern at every position of a text unless the pattern opens
# with a literal or a case-free character class, and a big case-insensitive alternation costs
# about a microsecond at every word. The big patterns above are therefore tried (with .match)
# only where a cheap scan says one of their matches can start, mostly a scan of a lowercased
# copy of the text; the matches found are exactly those of the pattern's finditer.

_FOLD_ODD = "ıſ" + "".join(map(chr, range(0x1C80, 0x1C89)))
"""Characters that IGNORECASE matches to a letter other than their lowercase ("ſ" matches "s"):
the lowercased copy cannot stand in for a text holding one. Looked for one by one (a plain
search for a character is much faster than a regex scan of the text)."""

# The words a bare direction (_BARE_DIRECTION_RE) can open with, lowercase: the adverbs, the
# prepositions before a direction word and the stems of the direction words themselves ("a",
# "to the" and "sever" with what can follow them there: "a summary", "to the United" and
# "several" open none, and each start tried costs a match of the big pattern). An abbreviation
# ("NE") is case-sensitive and looked for in the text itself.
_DIRECTION_OPENERS = (
    r"immediately|just|directly|slightly|far|further|a\s+[lneo]|a\s+su[dl]|ao\s|to\s+the\s+[nsew]"
    r"|due\s|almost\s|roughly\s|north|south|east|west|nord|nörd|süd|sued|ost|öst|oest|sud|vest"
    r"|syd|väst|norr|söder|au\s*[nseo]|à\s|al\s|к\s|на\s|į\s|na\s|ten\s|sever[no]|jiho"
    r"|východn|západn|jižně"
    r"|север|юго|юж|восточ|запад|півн|півд|східн|західн|est\s+de|ad\s|juho|južn|sør|øst"
    r"|источно|източно|сјевер|југо|јужно|istočno|zapadno|vzhodno|zahodno|sjever|jugo")


def _by_first_character(branches: str) -> str:
    """An alternation of ``branches`` (each opening with a plain character) grouped by that
    character, behind a lookahead on the first characters: sre rejects most positions after
    one test, and the rest after one test per first character, not per branch."""
    groups: dict[str, list[str]] = {}
    for branch in branches.split("|"):
        groups.setdefault(branch[0], []).append(branch[1:])
    firsts = "".join(re.escape(first) for first in groups)
    return f"(?=[{firsts}])(?:" + "|".join(
        f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items()) + ")"


# Positions after a character other than an ASCII letter, digit, "_" or "-" (a cheap bitmap
# test; a letter outside ASCII before a word also passes, where _BARE_DIRECTION_RE's
# "(?<![\w\-])" then fails) where an opener stands.
_DIRECTION_START_RE = re.compile(
    rf"[^A-Za-z0-9_\-](?={_by_first_character(_DIRECTION_OPENERS)})")
_ABBR_START_RE = re.compile(r"[NSEW](?<![\w\-].)(?=[NSEWb]{0,3}\b)")

# A river phrase (_RIVER_PHRASE_RE, case-sensitive) opens with "\b" and a word: geo.prescan
# reads where it can start from the pattern itself.
_RIVER_STARTS = Starts.of(_RIVER_PHRASE_RE)

_BETWEEN_WORDS = ("between", "zwischen", "entre", "между", "між")
"""The words a _BETWEEN_RE match opens with, lowercase."""

# A distance anchor (_ANCHOR_RE) ends in a unit: units are found in the lowercased copy, and the
# figure is looked for in the stretch before each one. In an anchor the unit follows white space,
# a hyphen, a digit, the "n", "f" or "y" of "nan", "inf", "infinity" or the "л", "у" or "в" of
# a half joined to it ("полкилометра", "полукилометре", "півкілометра"), never another letter.
_UNIT_START_RE = re.compile(
    rf"[kmcqкм公千英](?<![^\W\d_nfyлув].)(?<=(?=[^cq]|chil|quil)(?={_UNIT}).)")
_ANCHOR_MAX_SPACES = 12
"""Runs of white space an anchor can hold before its unit: 4 in a figure ("a hundred and
twenty five"; 3 in "1 500 000"), 6 in a range ("to" and a second figure), 2 around a hyphen."""
_BACK_OVER_SPACES_RE = re.compile(rf"\S*(?:\s+\S+){{0,{_ANCHOR_MAX_SPACES}}}")  # reversed text
# Where an anchor's figure can start, in the lowercased copy; the one-word numbers as a trie,
# which sre rejects at the first letter no word continues with.
_NUM_START_RE = re.compile(
    rf"(?<![\w.,\-–−/^])(?=[\d\-−–]|nan|inf|"
    rf"{_alternation([*_COUNT_PHRASES, *_VAGUE_COUNTS])}|"
    rf"{_ONE_ARTICLE}|пол|пів|"  # a joined half: its unit lies past the stretch searched
    rf"{word_alternation(_NUMBER_WORDS)})")


def _find_all(text: str, word: str) -> Iterator[int]:
    """Every position where ``word`` occurs in ``text``."""
    i = text.find(word)
    while i >= 0:
        yield i
        i = text.find(word, i + 1)


def _matches_at(pattern: re.Pattern, text: str, starts: list[int]) -> list[re.Match]:
    """``list(pattern.finditer(text))`` given ``starts``, ascending positions among which are
    all those where ``pattern`` can match (see :func:`geo.prescan.finditer_at`)."""
    return list(finditer_at(pattern, text, starts, 0, len(text)))


class _Scan:
    """The text and its lowercased copy, with the positions where the big patterns can match."""

    def __init__(self, text: str):
        self.text = text
        self.low = text.lower()
        # the copy stands in for the text only when its characters correspond one to one
        self.fast = len(self.low) == len(text) and not any(
            char in text for char in _FOLD_ODD)

    def may_end_with(self, lo: int, hi: int, last_words: dict[str, tuple[str, ...]]) -> bool:
        """False when ``text[lo:hi]``, white space stripped off its end, ends in none of the
        phrases of ``last_words`` (see :func:`_by_last_character`; any run of white space
        between their words) in any case; a cheap test before a case-free regex whose every
        match ends, up to white space, with one of them at ``hi`` ("...$"), which the regex
        engine would try at every position."""
        if not self.fast:
            return True
        tail = " ".join(self.low[lo:hi].split())
        return tail.endswith(last_words.get(tail[-1:], ()))

    def directions(self) -> list[re.Match]:
        """The matches of _BARE_DIRECTION_RE."""
        text = self.text
        if not self.fast:
            return list(_BARE_DIRECTION_RE.finditer(text))
        starts = {0}
        starts.update(m.start() + 1 for m in _DIRECTION_START_RE.finditer(self.low))
        starts.update(m.start() for m in _ABBR_START_RE.finditer(text))
        return _matches_at(_BARE_DIRECTION_RE, text, sorted(starts))

    def rivers(self) -> list[re.Match]:
        """The matches of _RIVER_PHRASE_RE."""
        return _matches_at(_RIVER_PHRASE_RE, self.text, _RIVER_STARTS.find(self.text))

    def betweens(self) -> list[re.Match]:
        """The matches of _BETWEEN_RE."""
        if not self.fast:
            return list(_BETWEEN_RE.finditer(self.text))
        starts = sorted(i for word in _BETWEEN_WORDS for i in _find_all(self.low, word))
        return _matches_at(_BETWEEN_RE, self.text, starts)

    def anchors(self) -> list[re.Match]:
        """The matches of _ANCHOR_RE."""
        text = self.text
        if not self.fast:
            return list(_ANCHOR_RE.finditer(text))
        starts: list[int] = []
        rev = ""
        n = len(text)
        done = 0  # the stretches before the units met so far are searched up to here
        for unit in _UNIT_START_RE.finditer(self.low):
            u = unit.start()
            rev = rev or text[::-1]
            lo = max(done, n - _BACK_OVER_SPACES_RE.match(rev, n - u).end())
            starts.extend(m.start() for m in _NUM_START_RE.finditer(self.low, lo, u))
            done = max(done, u)
        return _matches_at(_ANCHOR_RE, text, starts)


# --------------------------------------------------------------------------------------------
# Numbers and directions


_BAD_NUMBER_RE = re.compile(_BAD_NUMBER)
_POINT_GROUPED_RE = re.compile(r"\d{1,3}\.\d{3}")
_COMMA_GROUPED_RE = re.compile(r"\d{1,3}(?:,\d{3})+")
_SPACE_GROUPED_RE = re.compile(rf"\d{{1,3}}(?:{_THOUSANDS_SPACE}\d{{3}})+")
_THOUSANDS_SPACE_RE = re.compile(_THOUSANDS_SPACE)
_PLAIN_NUMBER_RE = re.compile(r"\d+[.,]\d+|\d+")
_UNIT_NMI_RE = re.compile(_UNIT_NMI)
_UNIT_MI_RE = re.compile(_UNIT_MI)
_UNIT_M_RE = re.compile(_UNIT_M)


def parse_number(s: str) -> tuple[float, str]:
    """Value of a number as news writes it, and a note on how a comma was read.

    "120" -> 120; "25.4" and "57,61" -> decimals; "12,000" -> 12000 (comma before exactly three
    digits: a thousands separator); "1,20" -> 1.2; "twelve", "twenty-five", "a hundred",
    "zwölf", "vingt", "cinco", "пять" -> words. Returns (nan, note) for anything else.
    """
    s = s.strip()
    if _BAD_NUMBER_RE.fullmatch(s):
        value = s.replace("−", "-").replace("–", "-").replace(" ", "")
        try:
            return float(value), f"'{s}' is no plain distance figure"
        except ValueError:
            return math.nan, f"cannot read the number '{s}'"
    if _POINT_GROUPED_RE.fullmatch(s):
        return float(s), (f"'{s}' read as a decimal point; with a thousands point it would be "
                          f"{s.replace('.', '')}")
    if _COMMA_GROUPED_RE.fullmatch(s):
        return float(s.replace(",", "")), f"'{s}' read with a thousands comma"
    if _SPACE_GROUPED_RE.fullmatch(s):
        return float(_THOUSANDS_SPACE_RE.sub("", s)), ""
    if _PLAIN_NUMBER_RE.fullmatch(s):
        if "," in s:
            return float(s.replace(",", ".")), f"'{s}' read with a decimal comma"
        return float(s), ""
    return _word_number(s)


_parsed_number = lru_cache(maxsize=1024)(parse_number)
"""parse_number, cached per figure for the parser: the same few figures recur."""


def _word_number(s: str) -> tuple[float, str]:
    """The value of a number written in words: the pieces add up, and a hundred, ten or
    thousand word multiplies what stands before it ("deux cents", "zweihundertfünfundzwanzig",
    "one thousand two hundred", "полтора десятка")."""
    phrase = " ".join(s.lower().split())
    if phrase in _COUNT_PHRASES:
        return float(_COUNT_PHRASES[phrase]), ""
    if phrase in _FUSED_HALVES:
        return _FUSED_HALVES[phrase], ""
    total = current = pos = 0
    for m in _NUMBER_PIECE_RE.finditer(phrase):
        if m.start() != pos:
            break
        pos = m.end()
        word = m.group()
        value = _NUMBER_WORDS.get(word)
        if value is None:
            continue  # a joint or a separator
        if word in _MULTIPLIERS and value == 1000:
            total += max(current, 1) * 1000
            current = 0
        elif word in _MULTIPLIERS:
            current = max(current, 1) * value
        else:
            current += value
    if pos != len(phrase) or not phrase:
        return math.nan, f"cannot read the number '{s}'"
    return float(total + current), ""


@lru_cache(maxsize=256)
def _unit_of(s: str) -> str:
    """"km", "nmi", "mi" or "m" for a unit word; cached per word, as a few units recur."""
    s = s.lower()
    if s in ("km", "км"):
        return "km"
    if _UNIT_NMI_RE.fullmatch(s):
        return "nmi"
    if _UNIT_MI_RE.fullmatch(s) or s == "英里":
        return "mi"
    if _UNIT_M_RE.fullmatch(s):
        return "m"
    return "km"


_KM_PER_NAUTICAL_MILE = 1.852  # by definition
_KM_PER_UNIT = {"km": 1.0, "mi": geodesy.KM_PER_MILE, "m": 0.001, "nmi": _KM_PER_NAUTICAL_MILE}


def direction_of(words: str) -> tuple[str, float] | None:
    """Compass point (COMPASS_32 name) and bearing of a direction in any language read.

    "east" -> ("E", 90.0); "north-west", "nordwestlich", "au nord-ouest", "al noroeste",
    "северо-западнее", "к северо-западу" -> ("NW", 315.0); "southwest by south" -> ("SWbS",
    213.75); "SSO" (Spanish/French abbreviation) -> ("SSW", 202.5); "東北" -> ("NE", 45.0).
    """
    if not isinstance(words, str) or not words.strip():
        return None
    return _direction_of_words(words.strip())


@lru_cache(maxsize=4096)
def _direction_of_words(s: str) -> tuple[str, float] | None:
    """:func:`direction_of` of a stripped, non-empty string; cached per phrase, as the same few
    compass words recur in every text."""
    if re.fullmatch(r"[NSEWOnsewob]{1,4}", s):
        bearing = geodesy.parse_compass(s)
        if bearing is None and re.fullmatch(r"[NSEOnseob]{1,4}", s):
            bearing = geodesy.parse_compass(s.replace("O", "W").replace("o", "w"))
        return None if bearing is None else (geodesy.compass_point(bearing, 32), bearing)
    if all(ch in _CJK_DIR for ch in s):
        cards = [_CJK_DIR[ch] for ch in s]
        cards.sort(key=lambda c: c in ("east", "west"))  # 東北 is north-east
        tokens = cards
    else:
        tokens = []
        for part_no, part in enumerate(_BY_RE.split(s.lower())):
            if part_no:
                tokens.append("by")
            tokens.extend(_DIR_CARD[m.group()] for m in _DIR_TOKEN_RE.finditer(part))
    if not tokens:
        return None
    bearing = geodesy.parse_compass(" ".join(tokens))
    if bearing is None and "by" in tokens:
        # "north by north-east" is no point of the compass; news means north-north-east
        bearing = geodesy.parse_compass(" ".join(t for t in tokens if t != "by"))
    return None if bearing is None else (geodesy.compass_point(bearing, 32), bearing)


def _distance_matches(scan: _Scan, anchors: list[re.Match]) -> list[re.Match]:
    """Every match of the distance regex, found from cheap figure-and-unit anchors (the matches
    of _ANCHOR_RE: the full regex tried at every position of a long text is slow)."""
    text = scan.text
    out: list[re.Match] = []
    last_end = -1
    for anchor in anchors:
        start = anchor.start()
        if start < last_end:
            continue
        m = None
        lo = max(0, start - _HEDGE_REACH)
        if scan.may_end_with(lo, start, _HEDGE_LAST_WORDS) and (
                hedge := _HEDGE_BEFORE_RE.search(text, lo, start)):
            m = _DISTANCE_RE.match(text, hedge.start())
        if m is None or m.end() <= start:
            m = _DISTANCE_RE.match(text, start)
        if m is not None:
            out.append(m)
            last_end = m.end()
    return out


def _stated_distance(text: str, m: re.Match, notes: list[str]) -> StatedDistance:
    """StatedDistance of a distance match (groups hedge, num, num2, unit, alt...)."""
    vague = _VAGUE_COUNTS.get(" ".join(m.group("num").lower().split()))
    value, note = _parsed_number(m.group("num")) if vague is None else (sum(vague) / 2, "")
    if note:
        notes.append(note)
    unit = _unit_of(m.group("unit"))
    factor = _KM_PER_UNIT[unit]
    hedge = (m.group("hedge") or "").strip()
    kind = _HEDGE_KIND.get(_SPACES_RE.sub(" ", hedge.lower()), "about") if hedge else ""
    if vague is not None:
        low, high = vague[0] * factor, vague[1] * factor
        low, high = (0.0 if kind == "below" else low), (math.inf if kind == "above" else high)
        notes.append(f"'{m.group('num')}' gives no figure: read as {vague[0]:g}-{vague[1]:g} "
                     f"{unit}")
    elif m.group("num2"):
        value2, note2 = _parsed_number(m.group("num2"))
        if note2:
            notes.append(note2)
        low, high = sorted((value * factor, value2 * factor))
        value = (value + value2) / 2
    elif kind == "below":
        low, high = 0.0, value * factor
    elif kind == "above":
        low, high = value * factor, math.inf
    else:
        low = high = value * factor
    alt_num = m.group("alt") or m.group("alt2")
    alt_km = alt_value = None
    alt_unit = ""
    if alt_num:
        alt_value, note = _parsed_number(alt_num)
        if note:
            notes.append(note)
        alt_unit = _unit_of(m.group("alt_unit") or m.group("alt_unit2"))
        alt_km = alt_value * _KM_PER_UNIT[alt_unit]
    end = m.end("alt_unit") if m.group("alt_unit") else (
        m.end("alt_unit2") if m.group("alt_unit2") else m.end("unit"))
    if m.group("alt_unit"):
        close = text.find(")", end)
        close = text.find("]", end) if close < 0 else close
        end = close + 1 if 0 <= close - end <= 2 else end
    return StatedDistance(text=text[m.start():end].strip(), value=value, unit=unit,
                          low_km=low, high_km=high, hedge=hedge, alt_km=alt_km,
                          alt_value=alt_value, alt_unit=alt_unit,
                          route=_route_of(m.group("route")))


@lru_cache(maxsize=1024)
def _border_country(phrase: str) -> str | None:
    """:func:`geo.features.border_country` of a phrase the text gives, cached per phrase: the
    same few border phrases and country adjectives recur in every text."""
    return features.border_country(phrase)


def _route_of(phrase: str | None) -> str:
    """"road", "straight" or "" for the words saying how a figure was measured."""
    if not phrase:
        return ""
    return "straight" if _ROUTE_STRAIGHT_RE.fullmatch(phrase) else "road"


def _match_direction(m: re.Match, notes: list[str]) -> tuple[str, float | None]:
    """(compass name, bearing) of a match's direction groups; the parenthesised abbreviation
    wins when it parses ("noreste ( NbE )" is NbE)."""
    word = next((w for w in m.group(*_DIRECTION_GROUPS) if w), None)
    from_word = direction_of(word) if word else None
    abbr = m.group("abbr")
    from_abbr = direction_of(abbr) if abbr else None
    if from_abbr:
        if from_word and from_word[0] != from_abbr[0]:
            notes.append(f"direction word '{word}' ({from_word[0]}) and abbreviation "
                         f"'{abbr}' ({from_abbr[0]}) differ: used {from_abbr[0]}")
        return from_abbr
    if from_word:
        return from_word
    return "", None


# --------------------------------------------------------------------------------------------
# The parser


@dataclass
class _Ref:
    """What stands after a fact's "of"/"from"."""

    kind: str  # mention | front | border | sea | river | generic | name | pronoun | facility
    start: int
    end: int
    mention: Mention | None = None
    feature: str = ""
    name: str = ""
    generic: str = ""


@dataclass
class _Fact:
    kind: ClaimKind
    start: int
    end: int
    distance: StatedDistance | None = None
    direction: str = ""
    direction_deg: float | None = None
    reference: Mention | None = None
    reference_feature: str = ""
    subject: Mention | None = None
    subject_fixed: bool = False
    subject_from_context: bool = False  # "The distance to X is N km": the text's topic
    generic: str = ""
    generic_span: tuple[int, int] = (0, 0)
    pronoun: str = ""  # "of it": the reference is the text's topic
    notes: list[str] = field(default_factory=list)


class _Topics:
    """Sentence index -> its topic (see :meth:`_Parser._topics`) while a subject pass runs,
    worked out when first asked for (most facts find their subject in their own sentence); a
    sentence without a topic of its own takes the first subject given to a fact in it."""

    def __init__(self, parser: _Parser, candidates: list[Mention]):
        self.parser = parser
        self.candidates = candidates
        self.topics: dict[int, Mention] | None = None
        self.subjects: dict[int, Mention] = {}

    def get(self, si: int) -> Mention | None:
        if self.topics is None:
            self.topics = self.parser._topics(self.candidates)
        topic = self.topics.get(si)
        return topic if topic is not None else self.subjects.get(si)

    def add_subject(self, si: int, subject: Mention) -> None:
        self.subjects.setdefault(si, subject)


def _cut_long(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """``(start, end)``, or pieces of at most MAX_SENTENCE_CHARS cut after a ";" or ",", else
    at a space, else anywhere."""
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        half = start + MAX_SENTENCE_CHARS // 2
        cut = max(text.rfind("; ", half, limit), text.rfind(", ", half, limit))
        cut = cut + 2 if cut > 0 else text.rfind(" ", half, limit) + 1
        if cut <= start:
            cut = limit
        yield start, cut
        start = cut
    yield start, end


class _Parser:
    def __init__(self, text: str, mentions: Sequence[Mention],
                 resolve_reference: Callable[[str], Mention | None] | None):
        self.text = text
        n = len(text)
        self.mentions = sorted(
            (m for m in mentions
             if isinstance(m, Mention) and isinstance(m.start, int) and isinstance(m.end, int)
             and 0 <= m.start < m.end <= n),
            key=_START_END)
        self.starts = [m.start for m in self.mentions]
        self.resolve_reference = resolve_reference
        self.sentences, self.paragraph_of = self._split_sentences()
        self.sentence_starts = [s for s, _ in self.sentences]
        self.facts: list[_Fact] = []
        self.settlement_mentions: list[Mention] | None = None  # see _settlement_mentions
        self.aliases: dict[int, bool] = {}  # see _is_alias
        self.settlement_points: list[tuple[float, float]] | None = None  # _settlement_points
        self.scan = _Scan(text)
        # Phrases whose places are no subject: river and region phrases (even if dropped), and
        # "midway between Kharkiv and Sloviansk".
        self.area_spans: list[tuple[int, int]] = [m.span() for m in self.scan.betweens()]

    # ---- text structure

    def _split_sentences(self) -> tuple[list[tuple[int, int]], list[int]]:
        text = self.text
        spans, paragraphs = [], []
        start, paragraph = 0, 0
        for m in _SENTENCE_BREAK.finditer(text):
            at, end = m.span()
            newline = "\n" in m.group()
            if not newline and not self._is_break(m):
                continue
            sentence = text[start:at]
            if sentence and not sentence.isspace():
                if end - start <= MAX_SENTENCE_CHARS:
                    spans.append((start, end))
                    paragraphs.append(paragraph)
                else:
                    for piece in _cut_long(text, start, end):
                        spans.append(piece)
                        paragraphs.append(paragraph)
            start = end
            if newline:
                paragraph += 1
        if text[start:].strip():
            for piece in _cut_long(text, start, len(text)):
                spans.append(piece)
                paragraphs.append(paragraph)
        if not spans:
            spans, paragraphs = [(0, len(text))], [0]
        return spans, paragraphs

    def _is_break(self, m: re.Match) -> bool:
        text = self.text
        if m.group()[0] in "。！？":
            return True
        following = text[m.end():m.end() + 1]
        if following and not (following.isupper() or following.isdigit()
                              or following in "\"'“«‘(["):
            return False
        if m.group()[0] != ".":
            return True
        before = _WORD_BEFORE_RE.search(text[max(0, m.start() - _ABBREVIATION_REACH):m.start()])
        if before:
            word = before.group(1)
            if word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper()):
                return False
        return True

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, pos) - 1)

    def sentence_span(self, pos: int) -> tuple[int, int]:
        return self.sentences[self.sentence_index(pos)]

    def _last_settlement(self, start: int, end: int, other: Mention | None) -> Mention | None:
        """The last settlement mention within ``text[start:end]`` that is neither ``other`` nor
        names the same place."""
        mentions = self.mentions
        i = bisect.bisect_left(self.starts, end)
        while i > 0:
            i -= 1
            m = mentions[i]
            if m.start < start:
                break
            if m.kind == _SETTLEMENT and m.end <= end and m is not other \
                    and not _same_place(m, other):
                return m
        return None

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            out.append(self.mentions[i])
            i += 1
        return out

    # ---- passes

    def run(self) -> list[Claim]:
        self.all_distance_matches = _distance_matches(self.scan, self.scan.anchors())
        self.distance_matches = [m for m in self.all_distance_matches
                                 if m.group("prep") or m.group("d_cmp") or m.group("apart")
                                 or _DISTANCE_TO_RE.search(
                                     self.text, max(0, m.start() - DISTANCE_TO_WINDOW),
                                     m.start())
                                 or (m.group("away")
                                     and _CLAUSE_END_RE.match(self.text, m.end()))
                                 or _STREAM_AFTER_RE.match(self.text, m.end())
                                 or _FROM_OPENING_RE.match(self.text,
                                                           self.sentence_span(m.start())[0],
                                                           m.start())
                                 or self._implies_reference(m)]
        measures = [m for m in self.distance_matches if _MEASURE_BEFORE_RE.search(
            self.text, max(0, m.start() - _LOOKBEHIND), m.start())]
        if measures:
            self.distance_matches = [m for m in self.distance_matches if m not in measures]
        self.measure_spans = [m.span() for m in measures]
        self.direction_matches = self.scan.directions()
        self.triggers = sorted({m.start() for m in self.distance_matches + measures}
                               | {m.start() for m in self.direction_matches})
        self._distance_pass()
        self._cjk_pass()
        self._case_ending_pass()
        self._direction_pass()
        self._river_pass()
        self._region_pass()
        self.facts.sort(key=lambda f: (f.start, f.end))
        self._subject_pass()
        self._pronoun_pass()
        self._generic_pass()
        self._feature_subject_pass()
        self._shared_subject_pass()
        return [self._claim(f) for f in self.facts]

    def _overlaps(self, start: int, end: int) -> bool:
        return any(f.start < end and start < f.end for f in self.facts)

    def _limit(self, p: int, window: int, sentence_end: int) -> int:
        """End of the stretch after position p (in a sentence ending at ``sentence_end``) in
        which a reference may start."""
        limit = min(sentence_end, p + window, len(self.text))
        stop = _CLAUSE_STOP.search(self.text, p, limit)
        if stop:
            limit = stop.start()
        i = bisect.bisect_right(self.triggers, p)
        if i < len(self.triggers):
            limit = min(limit, self.triggers[i])
        return limit

    def _find_reference(self, p: int, window: int) -> _Ref | None:
        text = self.text
        _, sentence_end = self.sentence_span(p)
        limit = self._limit(p, window, sentence_end)
        if m := _PRONOUN_REF_RE.match(text, p, sentence_end):
            return _Ref("pronoun", m.start("pron"), m.end("pron"), name=m.group("pron"))
        if (m := _FRONT_RE.match(text, p, sentence_end)) and (
                not _FRONT_NEEDS_ADJ.match(m.group("head")) or m.group("adj").strip()
                or " of " in m.group("head")):
            return _Ref("front", p + len(m.group()) - len(m.group().lstrip()), m.end(),
                        feature="the front line")
        if (m := _BORDER_RE.match(text, p, sentence_end)) and (
                not m.group("lead").strip() or _border_country(m.group("lead"))
                or _ADMIN_BORDER.search(m.group("lead")) or _STATE_BORDER.search(m.group("lead"))):
            end = m.end()
            if m.group("after") and not _border_country(m.group("after")):
                end = m.start("after")
            country = bool(m.group("tail")) and _border_country(m.group("tail"))
            unit = None if country else self._unit_in_border(m.start(), end)
            if unit is not None:
                if unit.end >= end and (after := _UNIT_AFTER.match(text, unit.end)):
                    end = after.end()
                # "the border of Kharkiv Oblast with Russia" is Russia's border
                tail = _BORDER_WITH_RE.match(text, end)
                country = bool(tail) and _border_country(tail.group())
                if not country:
                    phrase = text[m.start():end].strip()
                    return _Ref("border", end - len(phrase), end, mention=unit, feature=phrase)
                end = tail.end()
            phrase = text[m.start():end].strip()
            iso = _border_country(phrase)
            if _ADMIN_BORDER.search(phrase) and not country:
                feature = phrase
            elif iso:
                feature = f"the {features.country_adjective(iso)} border"
            else:
                feature = "the border"
            return _Ref("border", end - len(phrase), end, feature=feature)
        if m := _SEA_RE.match(text, p, sentence_end):
            sea = features.sea_name(m.group("sea"))
            return _Ref("sea", m.start("sea"), m.end("sea"),
                        feature=f"the {sea}" if sea else "the coast")
        if m := _GENERIC_RE.match(text, p, sentence_end):
            return _Ref("generic", m.start("g"), m.end("g"), generic=m.group("g"))
        if (m := _MOUTH_RE.match(text, p, sentence_end)) and (
                river := _river_point(m.group("name") or m.group("name2"),
                                      self._settlement_points())):
            start = m.end() - len(m.group().lstrip())
            mention = Mention(text=text[start:m.end()], start=start, end=m.end(),
                              kind=_RIVER, place=river, candidates=(river,),
                              confidence=0.8, reason=f"the mouth of the {river.name}: "
                                                     f"GeoNames' point for a river")
            return _Ref("mention", start, m.end(), mention=mention)
        if m := _RIVER_REF_RE.match(text, p, sentence_end):
            name = m.group("name") or m.group("name2")
            return _Ref("river", m.end() - len(m.group().lstrip()), m.end(),
                        feature=f"the {name} River", name=name)
        for mention in self.mentions_between(p, limit):
            after = text[mention.end:mention.end + 2]
            if mention.kind == _COUNTRY:
                if after[:2] in ("'s", "’s"):
                    continue
                iso = features.border_country(mention.admin_code) or features.border_country(
                    mention.text)
                feature = (f"the {features.country_adjective(iso)} border" if iso
                           else f"the border of {mention.text}")
                return _Ref("border", mention.start, mention.end, mention=mention,
                            feature=feature)
            if mention.kind in _ADMIN_UNITS:
                word = _UNIT_WORD_RE.match(text, mention.end)
                end = word.end() if word else mention.end
                if _AREA_END_RE.match(text, end):
                    # "20 km from Dnipropetrovsk Oblast": from the unit's border
                    phrase = text[mention.start:end]
                    if text[max(0, mention.start - 4):mention.start].lower() == "the ":
                        phrase = "the " + phrase
                    return _Ref("border", mention.start, end, mention=mention,
                                feature=f"the border of {phrase}")
                continue
            if mention.kind == _RIVER:
                return _Ref("river", mention.start, mention.end, mention=mention,
                            feature=f"the {mention.text} River"
                            if "river" not in mention.text.lower() else mention.text,
                            name=mention.text)
            if mention.kind == _FACILITY:
                # the gazetteer holds it: measured to the facility, not to its town
                return _Ref("mention", mention.start, self._facility_at(mention) or mention.end,
                            mention=mention)
            if mention.kind == _SETTLEMENT:
                if _WATER_AFTER.match(text, mention.end):
                    continue  # "the Black Sea", "the Kakhovka Reservoir": not the settlement
                if facility := self._facility_at(mention):
                    return _Ref("facility", mention.start, facility, name=text[
                        mention.start:facility] if facility > mention.end else mention.text)
                if (border := _OWN_BORDER_RE.match(text, mention.end)) and (
                        iso := _border_country(border.group("country"))):
                    # "Kharkiv's border with Russia": that country's border near the place
                    return _Ref("border", mention.start, border.end(),
                                feature=f"the {features.country_adjective(iso)} border")
                return _Ref("mention", mention.start, mention.end, mention=mention)
        for m in _NAME_RE.finditer(text, p, limit):
            words = m.group().split()
            while words and (words[0].lower() in _NAME_STOP
                             or _NAME_STOP_SUFFIX.search(words[0])):
                words.pop(0)
            while words and words[-1].lower() in _NAME_STOP:
                words.pop()
            if words:
                name = " ".join(words)
                start = m.start() + m.group().index(words[0])
                return _Ref("name", start, start + len(name), name=name)
        return None

    def _facility_at(self, mention: Mention) -> int:
        """End of the facility phrase a settlement mention names ("the Zaporizhzhia nuclear power
        plant", "AKW Saporischschja"), 0 when the mention names the settlement itself."""
        if after := FACILITY_KIND_AFTER.match(self.text, mention.end):
            return after.end()
        return mention.end if self._facility_word_before(mention.start) else 0

    def _facility_word_before(self, start: int) -> bool:
        """Whether the words before ``start`` are a facility's ("AKW Saporischschja", "la
        centrale nucléaire de Zaporijia"): geo.gazetteer.facility_kind_before, which the
        toponym finder reads them with too."""
        return facility_kind_before(self.text, start) is not None

    def _unit_in_border(self, start: int, end: int) -> Mention | None:
        """The oblast or raion a border phrase names: "the border with Dnipropetrovsk Oblast",
        "the Donetsk region border" are the unit's border, measured to its polygon (a foreign
        region, "the border with Belgorod region", is a settlement mention here and stays a
        national border)."""
        for mention in self.mentions_between(start, end):
            if mention.kind in _ADMIN_UNITS:
                return mention
        return None

    def _fact_from_reference(self, kind_if_place: ClaimKind, start: int, ref: _Ref,
                             notes: list[str]) -> _Fact:
        fact = _Fact(kind_if_place, start, ref.end, notes=notes)
        if ref.kind == "front":
            fact.kind = ClaimKind.FRONTLINE_DISTANCE
            fact.reference_feature = ref.feature
        elif ref.kind == "border":
            fact.kind = ClaimKind.BORDER_DISTANCE
            fact.reference_feature = ref.feature
            fact.reference = ref.mention
        elif ref.kind == "sea":
            fact.kind = ClaimKind.COAST_DISTANCE
            fact.reference_feature = ref.feature
        elif ref.kind == "river":
            fact.kind = ClaimKind.RIVER
            fact.reference_feature = ref.feature
            fact.reference = ref.mention
        elif ref.kind == "mention":
            fact.reference = ref.mention
        elif ref.kind == "facility":
            fact.notes.append(f"reference '{ref.name}' is a facility named after a place, "
                              f"not the place")
        elif ref.kind == "pronoun":
            fact.pronoun = ref.name
        elif ref.kind == "generic":
            fact.generic = ref.generic
            fact.generic_span = (ref.start, ref.end)
        elif ref.kind == "name":
            resolved = None
            if self.resolve_reference is not None:
                try:
                    resolved = self.resolve_reference(ref.name)
                except Exception as exc:  # a caller's resolver must not break parsing
                    log.warning("resolve_reference(%r) failed: %s", ref.name, exc)
                    resolved = None
            if isinstance(resolved, Mention):
                fact.reference = resolved
                fact.notes.append(f"reference '{ref.name}' resolved by the caller")
                if resolved.kind in _ADMIN_UNITS:
                    # "150 km from Crimea": from the unit's border, as "from Donetsk oblast"
                    fact.kind = ClaimKind.BORDER_DISTANCE
                    fact.reference_feature = f"the border of {ref.name}"
            else:
                fact.notes.append(f"unknown reference '{ref.name}'")
        return fact

    def _implies_reference(self, m: re.Match) -> bool:
        """Whether a figure with a direction and no "of" closes its clause ("Bakhmut is 12 km
        to the east."), not after a verb of motion: its reference is implied."""
        return not m.group("prep") and not m.group("away") and any(m.group(*_IMPLIED_GROUPS)) \
            and _CLAUSE_END_RE.match(self.text, m.end()) is not None \
            and _MOTION_BEFORE_RE.search(self.text, max(0, m.start() - 50), m.start()) is None

    def _implied_reference(self, figure_start: int) -> _Ref | None:
        """The place a figure with a direction and no "of" is measured from: the place after
        an opening "(Seen) from" ("From Donetsk, Mariupol is 100 km to the south"), else the
        place named before the subject in its sentence ("Sloviansk was hit; Kramatorsk, 13 km
        further south, was spared"), else the last place of the sentence before in the
        paragraph ("Ukrainian forces hold Chasiv Yar. Bakhmut is 12 km to the east."). None
        when the subject is one of a list ("Pokrovsk and Myrnohrad lie 60 km to the north")."""
        si = self.sentence_index(figure_start)
        s_start, _ = self.sentences[si]
        before = [x for x in self.mentions_between(s_start, figure_start)
                  if x.kind == _SETTLEMENT and x.end <= figure_start]
        opening = _SEEN_FROM_RE.match(self.text, s_start, figure_start)
        if opening is not None and before and before[0].start >= opening.end() \
                and len(before) >= 2:
            first = before[0]
            return _Ref("mention", first.start, first.end, mention=first)
        if not before:
            return None
        subject = before[-1]
        if len(before) >= 2:
            other = before[-2]
            if _LIST_JOINT_RE.fullmatch(self.text, other.end, subject.start) \
                    or _same_place(other, subject):
                return None
            return _Ref("mention", other.start, other.end, mention=other)
        if si == 0 or self.paragraph_of[si - 1] != self.paragraph_of[si]:
            return None
        p_start, p_end = self.sentences[si - 1]
        earlier = [x for x in self.mentions_between(p_start, p_end)
                   if x.kind == _SETTLEMENT and not _same_place(x, subject)]
        if not earlier:
            return None
        last = earlier[-1]
        return _Ref("mention", last.start, last.end, mention=last)

    def _reference_before(self, figure_start: int) -> _Ref | None:
        """The place of a "distance to X is N km" phrase ending just before a figure."""
        sent_start, _ = self.sentence_span(figure_start)
        lo = max(sent_start, figure_start - DISTANCE_TO_WINDOW)
        for cue in reversed(list(_DISTANCE_TO_RE.finditer(self.text, lo, figure_start))):
            if cue.group("between"):
                continue  # a pair of places: see _pair_fact
            places = [x for x in self.mentions_between(cue.end(), figure_start)
                      if x.kind == _SETTLEMENT]
            if places:
                first = places[0]
                return _Ref("mention", first.start, first.end, mention=first)
            if (m := _GENERIC_AFTER_CUE_RE.match(self.text, cue.end(), figure_start)):
                return _Ref("generic", m.start("g"), m.end("g"), generic=m.group("g"))
        return None

    def _direction_before(self, figure_start: int) -> tuple[re.Match, _Ref] | None:
        """The direction phrase and its reference a bare "N km away" follows with nothing but
        punctuation between: "südöstlich von Kupjansk, etwa 20 km entfernt"."""
        s_start, _ = self.sentence_span(figure_start)
        before = [d for d in self.direction_matches
                  if s_start <= d.start() and d.end() <= figure_start and d.group("prep")]
        if not before:
            return None
        direction = before[-1]
        ref = self._find_reference(direction.end(), DIRECTION_REFERENCE_WINDOW)
        if ref is None or ref.kind in ("pronoun", "generic", "name") \
                or not _NEAR_GAP_RE.fullmatch(self.text, ref.end, figure_start):
            return None
        return direction, ref

    def _near_reference(self, figure_start: int) -> _Ref | None:
        """What a "near X" before a bare "N km away" names: right before the figure in its
        sentence, else in the sentence before it when the figure's sentence says nothing
        else (see _AWAY_SENTENCE_RE)."""
        si = self.sentence_index(figure_start)
        s_start = self.sentences[si][0]
        for near in reversed(list(_NEAR_RE.finditer(self.text, s_start, figure_start))):
            ref = self._find_reference(near.end(), REFERENCE_WINDOW)
            if ref is not None and ref.kind not in ("pronoun", "generic", "name"):
                return ref if _NEAR_GAP_RE.fullmatch(self.text, ref.end, figure_start) \
                    else None
        if si == 0 or self.paragraph_of[si - 1] != self.paragraph_of[si] \
                or not _AWAY_SENTENCE_RE.fullmatch(self.text, s_start, figure_start):
            return None
        lo, hi = self.sentences[si - 1]
        for near in reversed(list(_NEAR_RE.finditer(self.text, lo, hi))):
            ref = self._find_reference(near.end(), REFERENCE_WINDOW)
            if ref is not None and ref.kind not in ("pronoun", "generic", "name"):
                return ref
        return None

    def _distance_pass(self) -> None:
        text = self.text
        for m in self.distance_matches:
            prep = (m.group("prep") or "").lower()
            direction_given = any(m.group(*_DIRECTION_GROUPS, "abbr"))
            if prep in ("der", "des") and not direction_given:
                continue  # German genitive without a direction: not a distance phrase
            if prep == "of" and not direction_given and _HEDGE_KIND.get(
                    " ".join((m.group("hedge") or "").lower().split())) != "below":
                continue  # "50 km of trenches near Tokmak": a length ("within 5 km of" is kept)
            notes: list[str] = []
            if m.group("apart"):
                self._pair_fact(m, self.sentence_span(m.start())[0], notes)
                continue
            if not (prep or m.group("d_cmp") or m.group("away")) and (
                    cue := self._distance_cue(m.start(), "between")) is not None:
                if not self._from_to_fact(m, cue, notes):
                    self._pair_fact(m, cue, notes)
                continue
            if not (prep or m.group("d_cmp") or m.group("away")) and (
                    cue := self._distance_cue(m.start(), "from")) is not None \
                    and self._from_to_fact(m, cue, notes):
                continue
            # a place after a bare "N km away" is no reference: "etwa 25 km entfernt, liegt
            # Torezk" (but "à une distance de 0,5 km se trouve X" and "севернее X" have one)
            ref = (self._find_reference(m.end(), REFERENCE_WINDOW)
                   if prep or m.group("d_cmp") or not m.group("away") else None)
            start = m.start()
            from_context = False
            direction_match = None
            if ref is None and not prep:
                # "The distance to Kyiv is 444 km": the reference comes before the figure,
                # and the subject is the place the text is about.
                ref = self._reference_before(m.start())
                start = ref.start if ref is not None else start
                from_context = True
                if ref is None and m.group("away") and (
                        found := self._direction_before(m.start())):
                    direction_match, ref = found
                    start, from_context = direction_match.start(), False
                if ref is None and m.group("away"):
                    ref = self._feature_away(m.start())
                if ref is None and m.group("away"):
                    ref = self._near_reference(m.start())
                    if ref is not None:
                        notes.append(f"reference '{text[ref.start:ref.end]}' taken from what "
                                     f"the text says the place is near")
                if ref is None and self._implies_reference(m):
                    ref = self._implied_reference(m.start())
                    if ref is not None:
                        from_context = False
                        notes.append(f"reference '{text[ref.start:ref.end]}' implied: the "
                                     f"place named before")
            if ref is None:
                continue
            try:
                stated = _stated_distance(text, m, notes)
            except (ValueError, TypeError):
                continue
            fact = self._fact_from_reference(ClaimKind.DISTANCE, min(start, m.start()), ref,
                                             notes)
            fact.end = max(fact.end, m.end())
            fact.subject_from_context = from_context
            if not stated.route:
                stated, fact.end = self._route_around(stated, m.start(), fact.end)
            fact.distance = stated
            fact.direction, fact.direction_deg = _match_direction(m, notes)
            if direction_match is not None and fact.direction_deg is None:
                fact.direction, fact.direction_deg = _match_direction(direction_match, notes)
            sent_start, _ = self.sentence_span(m.start())
            if ref.kind == "mention" and self.scan.may_end_with(
                    sent_start, m.start(), _FORCES_LAST_WORDS) and _FORCES_RE.search(
                    text, sent_start, m.start()):
                fact.kind = ClaimKind.FRONTLINE_DISTANCE
                fact.subject, fact.subject_fixed = ref.mention, True
                fact.reference = None
                fact.reference_feature = "the front line"
                fact.notes.append("distance between the forces and the place")
            self.facts.append(fact)

    def _distance_cue(self, figure_start: int, kind: str) -> int | None:
        """The end of the last "distance between" (``kind`` "between") or "distance from"
        ("from") cue before a figure in its sentence, if it is of that kind; a sentence
        opening with "From" is a "from" cue too ("From Kramatorsk to Bakhmut is 40 km")."""
        sent_start, _ = self.sentence_span(figure_start)
        lo = max(sent_start, figure_start - DISTANCE_TO_WINDOW)
        cues = list(_DISTANCE_TO_RE.finditer(self.text, lo, figure_start))
        if cues and cues[-1].group(kind):
            return cues[-1].end()
        if kind == "from" and not cues:
            opening = _FROM_OPENING_RE.match(self.text, sent_start, figure_start)
            if opening is not None and opening.start() >= lo - DISTANCE_TO_WINDOW:
                return opening.end()
        return None

    def _feature_away(self, figure_start: int) -> _Ref | None:
        """The front line or border a bare "N km away" measures to, when the clause makes it
        the figure's subject: "Kramatorsk is under threat: the front line is 18 km away"."""
        sent_start, _ = self.sentence_span(figure_start)
        lo = max(sent_start, figure_start - DISTANCE_TO_WINDOW)
        found = _FEATURE_AWAY_RE.search(self.text, lo, figure_start)
        if found is None:
            return None
        start = found.start("feature") if found.group("feature") else found.start("feature_de")
        ref = self._find_reference(start, figure_start - start)
        return ref if ref is not None and ref.kind in ("front", "border") else None

    def _from_to_fact(self, m: re.Match, cue: int, notes: list[str]) -> bool:
        """"The distance from Kherson to the front line is 5 km", "the distance between
        Pokrovsk and the border is ...", "расстояние от Купянска до Харькова — 100 км": the
        first place after the cue is the subject, what follows "to"/"and" the reference (a
        place, the front line, a border, the sea). False when the words are not so."""
        text = self.text
        place = next((x for x in self.mentions_between(cue, m.start())
                      if x.kind == _SETTLEMENT and x.end <= m.start()), None)
        if place is None or text[cue:place.start].strip(" \t\"'«»“”").lower() not in (
                "", "the", "der", "die", "das", "la", "le", "el", "the city of",
                "the town of", "the village of"):
            return False
        joint = _FROM_TO_JOINT_RE.match(text, place.end, m.start())
        if joint is None:
            return False
        ref = self._find_reference(joint.end(), m.start() - joint.end())
        if ref is None or ref.start >= m.start() or ref.kind in ("pronoun", "generic") or (
                ref.kind == "mention" and (ref.mention.kind != _SETTLEMENT
                                           or _same_place(ref.mention, place))):
            return False
        try:
            stated = _stated_distance(text, m, notes)
        except (ValueError, TypeError):
            return False
        fact = self._fact_from_reference(ClaimKind.DISTANCE, place.start, ref, notes)
        fact.end = max(fact.end, m.end())
        fact.distance = stated
        fact.subject, fact.subject_fixed = place, True
        self.facts.append(fact)
        return True

    def _pair_fact(self, m: re.Match, lo: int, notes: list[str]) -> None:
        """"Kramatorsk and Sloviansk lie 12 km apart", "the distance between Kramatorsk and
        Sloviansk is 12 km": a distance between the two places joined by "and" last between
        ``lo`` and the figure (the first is the subject); nothing when there is no such pair
        ("two strikes 5 km apart")."""
        places = [x for x in self.mentions_between(lo, m.start())
                  if x.kind == _SETTLEMENT and x.end <= m.start()]
        for first, second in reversed(list(zip(places, places[1:], strict=False))):
            if _PAIR_JOINT_RE.fullmatch(self.text, first.end, second.start) \
                    and not _same_place(first, second):
                break
        else:
            return
        try:
            stated = _stated_distance(self.text, m, notes)
        except (ValueError, TypeError):
            return
        self.facts.append(_Fact(ClaimKind.DISTANCE, first.start, m.end(), distance=stated,
                                reference=second, subject=first, subject_fixed=True,
                                notes=notes))

    def _route_around(self, stated: StatedDistance, figure_start: int, end: int
                      ) -> tuple[StatedDistance, int]:
        """``stated`` with the route the words right after the fact ("... of Kharkiv as the
        crow flies", its end moved past them) or right before its figure ("по прямой — 100
        км") give, if any."""
        s_start, s_end = self.sentence_span(figure_start)
        if (after := _ROUTE_AFTER_RE.match(self.text, end, s_end)) is not None:
            return replace(stated, route=_route_of(after.group("route"))), after.end()
        lo = max(s_start, figure_start - _LOOKBEHIND)
        if (before := _ROUTE_BEFORE_RE.search(self.text, lo, figure_start)) is not None:
            return replace(stated, route=_route_of(before.group("route"))), end
        return stated, end

    def _cjk_pass(self) -> None:
        text = self.text
        for regex, cues in ((_CJK_DIST_RE, _CJK_DIST_CUES), (_CJK_FROM_RE, _CJK_FROM_CUES)):
            if not any(cue in text for cue in cues):
                continue  # a plain search for a character is much faster than the regex's
            for m in regex.finditer(text):
                if self._overlaps(m.start(), m.end()):
                    continue
                if regex is _CJK_DIST_RE:
                    lo = max(0, m.start() - _LOOKBEHIND)
                    before = [x for x in self.mentions_between(lo, m.start())
                              if m.start() - _CJK_REF_GAP <= x.end <= m.start()]
                    start = before[-1].start if before else m.start()
                else:
                    before = self.mentions_between(m.start("between"), m.end("between"))
                    start = m.start()
                refs = [x for x in before if x.kind == _SETTLEMENT]
                if not refs:
                    continue
                notes: list[str] = []
                value, note = _parsed_number(m.group("num"))
                if note:
                    notes.append(note)
                unit = _unit_of(m.group("unit"))
                km = value * _KM_PER_UNIT[unit]
                stated = StatedDistance(text=text[m.start("num") if m.group("hedge") is None
                                                  else m.start("hedge"):m.end()],
                                        value=value, unit=unit, low_km=km, high_km=km,
                                        hedge=m.group("hedge") or "")
                fact = _Fact(ClaimKind.DISTANCE, min(start, m.start()), m.end(),
                             distance=stated, reference=refs[-1], notes=notes)
                if "dir" in regex.groupindex:
                    found = direction_of(m.group("dir"))
                    if found:
                        fact.direction, fact.direction_deg = found
                self.facts.append(fact)

    def _case_ending_pass(self) -> None:
        """Hungarian and Finnish, which say "from" with a case ending and put the direction
        after the figure: "Harkivtól 120 kilométerre keletre", "120 kilometriä Harkovasta
        itään" (the reference is the place in the ablative or elative next to the figure)."""
        text = self.text
        for m in self.all_distance_matches:
            if m.group("prep") or self._overlaps(m.start(), m.end()):
                continue
            ref = after = None
            before = [x for x in self.mentions_between(max(0, m.start() - _LOOKBEHIND),
                                                       m.start())
                      if x.kind == _SETTLEMENT and not text[x.end:m.start()].strip()]
            if before and _FROM_CASE_RE.search(before[-1].text):
                ref, pos = before[-1], m.end()
            else:
                gap = _SPACE_RE.match(text, m.end())
                following = self.mentions_between(gap.end(), gap.end() + 1)
                if following and following[0].kind == _SETTLEMENT \
                        and _FROM_CASE_RE.search(following[0].text):
                    ref, pos = following[0], following[0].end
            if ref is None:
                continue
            after = _CASE_DIRECTION_RE.match(text, pos)
            if after is None and not (m.group("unit").lower().endswith("rre")
                                      or text.startswith("-re", m.end("unit"))):
                continue  # "120 kilométerre", "120 km-re" say "at"; else a direction is needed
            notes: list[str] = []
            try:
                stated = _stated_distance(text, m, notes)
            except (ValueError, TypeError):
                continue
            end = after.end() if after else max(pos, m.end())
            fact = _Fact(ClaimKind.DISTANCE, min(ref.start, m.start()), end, distance=stated,
                         reference=ref, notes=notes)
            if after is not None:
                fact.direction, fact.direction_deg = direction_of(
                    _CASE_DIRECTIONS[after.group("dir").lower()]) or ("", None)
            self.facts.append(fact)

    def _direction_pass(self) -> None:
        text = self.text
        for m in self.direction_matches:
            if self._overlaps(m.start(), m.end()) or any(
                    s < m.end() and m.start() < e for s, e in self.measure_spans):
                continue  # within a fact, or the direction of an advance
            if not m.group("prep") and not m.group("d_cmp"):
                continue
            if m.group("d_en") or m.group("d_abbr"):
                before = text[max(0, m.start() - _LOOKBEHIND):m.start()].lower()
                if _THE_BEFORE_RE.search(before) and not m.group().lower().startswith("to") \
                        and not m.group("outskirts"):
                    continue  # "in the east of Ukraine": a part of an area, not a direction
            notes: list[str] = []
            direction, bearing = _match_direction(m, notes)
            if bearing is None:
                continue
            ref = self._find_reference(m.end(), DIRECTION_REFERENCE_WINDOW)
            if ref is None:
                continue
            fact = self._fact_from_reference(ClaimKind.DIRECTION, m.start(), ref, notes)
            fact.direction, fact.direction_deg = direction, bearing
            self.facts.append(fact)

    def _river_pass(self) -> None:
        for m in self.scan.rivers():
            name = m.group("name")
            end = m.end()
            # "the Oskil River in the east": the name is the capitalised words only
            words = name.split()
            while len(words) > 1 and words[-1].lower() in _NAME_STOP:
                words.pop()
            name = " ".join(words)
            end = m.start("name") + len(name) if not m.group("word") else m.end()
            if self._overlaps(m.start(), end):
                continue
            covering = [x for x in self.mentions_between(m.start("name"), end)
                        if x.kind == _RIVER]
            explicit = not m.group("bare") or bool(m.group("word"))
            if not explicit and not covering:
                try:
                    known = features.find_river(name)
                except Exception:  # river data missing: a bare name cannot be confirmed
                    known = None
                if known is None:
                    continue
            lead = m.group("lead")
            start = m.start() + (len(lead) - len(lead.lstrip()))
            self.facts.append(_Fact(ClaimKind.RIVER, start, end,
                                    reference=covering[0] if covering else None,
                                    reference_feature=f"the {name} River"))

    def _region_pass(self) -> None:
        text = self.text
        for mention in self.mentions:
            if mention.kind not in _ADMIN_UNITS:
                continue
            if self._overlaps(mention.start, mention.end):
                continue
            sent_start, _ = self.sentence_span(mention.start)
            lo = max(sent_start, mention.start - REGION_WINDOW)
            found = None
            for m in _IN_RE.finditer(text, lo, mention.start):
                if self._region_filler(m.end(), mention.start):
                    found = m
                    break
            if found is None:
                continue
            end = mention.end
            if tail := _ADMIN_WORD_AFTER.match(text, end):
                end = tail.end()
            self.facts.append(_Fact(ClaimKind.REGION, found.start(), end, reference=mention))

    def _region_filler(self, start: int, end: int) -> bool:
        """True if text[start:end] holds only framing words, countries and admin units."""
        text = self.text
        pieces, pos = [], start
        for other in self.mentions_between(start, end):
            if other.kind in (_COUNTRY, _RAION, _OBLAST) or (
                    other.kind == _SETTLEMENT
                    and _HROMADA_AFTER.match(text, other.end)):
                pieces.append(text[pos:other.start])
                pos = other.end
            else:
                return False
        pieces.append(text[pos:end])
        between = _PARENTHESES_RE.sub(" ", " ".join(pieces))
        for word in _FILLER_WORD_RE.findall(between):
            word = word.strip("\"“”«»")
            if word in ("'s", "’s"):
                continue
            if _POSSESSIVE_RE.fullmatch(word) and _border_country(word[:-2]):
                continue
            if word and not _REGION_FILLER.match(word.strip("'’").lower()):
                return False
        return True

    # ---- subjects

    def _candidates(self) -> list[Mention]:
        references = {id(f.reference) for f in self.facts if f.reference is not None}
        spans = sorted([(f.start, f.end) for f in self.facts] + self.area_spans)
        span_starts = [s for s, _ in spans]
        reach, furthest = [], -1  # furthest end among spans starting at or before each one
        for _, e in spans:
            furthest = max(furthest, e)
            reach.append(furthest)
        subjects_fixed = {id(f.subject) for f in self.facts if f.subject_fixed}
        out = []
        for m in self._settlement_mentions():
            if id(m) in references or id(m) in subjects_fixed:
                continue
            i = bisect.bisect_right(span_starts, m.start) - 1
            if i >= 0 and reach[i] >= m.end:
                continue
            out.append(m)
        return out

    def _settlement_mentions(self) -> list[Mention]:
        """The settlement mentions that do not name an administrative unit ("im Rajon Bachmut",
        "Pokrovsk Raion") or a facility ("the Zaporizhzhia NPP", which is a subject only as a
        FACILITY mention, where the gazetteer holds it) nor stand in a dateline, up to the end
        of the last sentence holding a fact: no subject is looked for past it. Worked out on the
        first call of the subject pass (the passes ask often; facts are only dropped or copied
        after it)."""
        if self.settlement_mentions is None:
            text = self.text
            last = max((f.start for f in self.facts), default=-1)
            reach = self.sentence_span(last)[1] if last >= 0 else 0
            datelines = dateline_spans(text)
            self.settlement_mentions = [
                m for m in self.mentions[:bisect.bisect_left(self.starts, reach)]
                if not (datelines and in_spans(m.start, datelines)) and (
                    m.kind == _FACILITY or m.kind == _SETTLEMENT
                    and not (self.scan.may_end_with(lo := max(0, m.start - _LOOKBEHIND),
                                                    m.start, _ADMIN_LAST_WORDS)
                             and _ADMIN_BEFORE.search(text, lo, m.start))
                    and not _UNIT_OR_FACILITY_AFTER.match(text, m.end)
                    and not self._facility_word_before(m.start))]
        return self.settlement_mentions

    def _settlement_points(self) -> list[tuple[float, float]]:
        """(lat, lon) of the resolved settlements of the text, worked out on the first call."""
        if self.settlement_points is None:
            self.settlement_points = [(m.place.lat, m.place.lon) for m in self.mentions
                                      if m.kind == _SETTLEMENT
                                      and m.place is not None]
        return self.settlement_points

    def _is_alias(self, m: Mention) -> bool:
        """Whether ``m`` follows "formerly", "or", ... (another name of the place before it);
        worked out once per mention in this parse."""
        alias = self.aliases.get(id(m))
        if alias is None:
            alias = self.aliases[id(m)] = bool(
                _ALIAS_BEFORE.search(self.text, max(0, m.start - _LOOKBEHIND), m.start))
        return alias

    def _listed_with(self, m: Mention, subject: Mention | None) -> bool:
        """Whether ``m`` and ``subject`` are places of one list ("near Vyimka and Pereizne"):
        settlements joined by commas or "and" only, ``m`` before ``subject``."""
        if subject is None or m.end > subject.start:
            return False
        chain = [x for x in self.mentions_between(m.start, subject.start + 1)
                 if x.kind == _SETTLEMENT]
        return all(_LIST_JOINT_RE.fullmatch(self.text, a.end, b.start)
                   for a, b in zip(chain, chain[1:], strict=False)) and len(chain) >= 2

    def _speakers_place(self, m: Mention) -> bool:
        """Whether ``m`` names a speaker's place ("Kharkiv police", "officials in Sumy"): a
        claim of the sentence is about another place, or about something that is no place ("a
        strike on a petrol station 3 km from Zolochiv"). "The city" may still point back at
        it (the subject then comes from the context)."""
        return _SPEAKER_AFTER.match(self.text, m.end) is not None or _SPEAKER_BEFORE.search(
            self.text, max(0, m.start - _LOOKBEHIND), m.start) is not None

    def _subject_pass(self) -> None:
        """Give every fact its subject; facts without one that need one are dropped, which can
        free their references to be subjects, so the pass runs again until nothing changes."""
        for _ in range(3):
            before = len(self.facts)
            for fact in self.facts:
                if not fact.subject_fixed:
                    fact.subject = None
                    fact.notes = [n for n in fact.notes if not n.startswith(_SUBJECT_NOTES)]
            self._subject_round()
            if len(self.facts) == before:
                return

    def _subject_round(self) -> None:
        candidates = self._candidates()
        cand_starts = [c.start for c in candidates]
        topics = _Topics(self, candidates)
        keep = []
        for fact in self.facts:
            if fact.subject_fixed:
                keep.append(fact)
                continue
            si = self.sentence_index(fact.start)
            s_start, s_end = self.sentences[si]
            subject, how = self._subject_for(fact, si, candidates, cand_starts, topics)
            if subject is None and how == "drop":
                if fact.kind in (ClaimKind.RIVER, ClaimKind.REGION):
                    self.area_spans.append((fact.start, fact.end))
                continue
            fact.subject = subject
            if how:
                fact.notes.append(how)
            if subject is not None:
                topics.add_subject(si, subject)
            keep.append(fact)
        self.facts = keep

    def _topics(self, candidates: list[Mention]) -> dict[int, Mention]:
        """Sentence index -> its topic: its first place, but a sentence that opens with "It",
        "This", "The town", ... keeps the topic of the sentence before it in the paragraph."""
        topics: dict[int, Mention] = {}
        for c in candidates:
            topics.setdefault(self.sentence_index(c.start), c)
        for si in range(1, len(self.sentences)):
            prev = topics.get(si - 1)
            s_start, s_end = self.sentences[si]
            if prev is not None and self.paragraph_of[si - 1] == self.paragraph_of[si] \
                    and _ANAPHOR_OPENER.match(self.text[s_start:s_end]):
                topics[si] = prev
        return topics

    def _subject_for(self, fact: _Fact, si: int, candidates: list[Mention],
                     cand_starts: list[int], topics: _Topics
                     ) -> tuple[Mention | None, str]:
        text = self.text
        s_start, s_end = self.sentences[si]
        prefix = text[s_start:fact.start]
        ref = fact.reference
        # "... Pokrovsk, which is 50 km from Donetsk": the place the relative clause hangs on
        settlement = self._last_settlement(s_start, fact.start, ref)
        if settlement is not None and (
                _WHICH_RE.match(text[settlement.end:fact.start])
                or _OPEN_BRACKET_RE.fullmatch(text, settlement.end, fact.start)):
            return settlement, ""
        if (near := self._placed_near_after(fact, settlement, s_end)) is not None:
            fact.subject_fixed = True  # no feature turns it round ("Fighting ... north of")
            return near, ""
        if fact.kind == ClaimKind.REGION and settlement is not None \
                and not text[settlement.end:fact.start].strip() \
                and any(f.reference is settlement for f in self.facts if f is not fact):
            # "Torske, a village west of Kreminna in the Luhansk region": the region phrase
            # right after a relation's reference places that reference (after a comma it
            # goes on describing the subject: "X, 25 km south of Y, in Donetsk oblast")
            return settlement, ""
        anaphoric = bool(_ANAPHOR_OPENER.match(prefix))
        if anaphoric or (fact.subject_from_context and settlement is None):
            # "The settlement lies south-east of Khartsyzk, 15 km from ...": "the settlement"
            # points before the sentence, never to a place the sentence names after it
            return self._context_subject(fact, si, topics, candidates,
                                         before=s_start if anaphoric else fact.start)
        lo = bisect.bisect_left(cand_starts, s_start)
        hi = bisect.bisect_left(cand_starts, fact.start)
        preceding = [c for c in candidates[lo:hi] if c.end <= fact.start and c is not ref
                     and not _same_place(c, ref)]
        preceding = [c for c in preceding if not self._speakers_place(c)]
        if preceding:
            # alternative names ("Vovche (Russian: Волчье)", "formerly Oktiabr") give way to
            # the name they follow
            plain = [c for c in preceding if not self._in_parentheses(s_start, c.start)
                     and not self._is_alias(c)]
            pool = plain or preceding
            head = self._appositive_head(pool, fact.start)
            if head is not None:
                return head, ""
            subject = pool[-1]
            if fact.kind == ClaimKind.REGION and not self._attached(subject.end, fact.start):
                return None, "drop"
            return subject, ""
        if _ANAPHOR_ANYWHERE.search(prefix):
            return self._context_subject(fact, si, topics, candidates)
        following = [c for c in candidates[hi:] if c.start >= fact.end and c.start < s_end
                     and c is not ref and not _same_place(c, ref)
                     and not self._speakers_place(c)]
        if following and len(_WORD_RE.findall(prefix)) <= FRONTED_MAX_WORDS:
            if fact.kind == ClaimKind.RIVER and prefix.strip() \
                    and "," not in text[fact.end:following[0].start]:
                # "Russian artillery on the left bank of the Dnipro shelled Kherson": the
                # bank is where the artillery stands; a fronted phrase ends with a comma
                # ("On the Oskil, Kupiansk ...")
                return None, "drop"
            return following[0], ""
        if fact.kind in (ClaimKind.DIRECTION, ClaimKind.REGION, ClaimKind.RIVER):
            return None, "drop"
        region = self._region_named_before(s_start, fact)
        if region is not None:
            # "Residents of the Sumy region live 30 km from the front line": the clause is
            # about an area, not about the place an earlier sentence named
            return None, f"no subject: the sentence speaks of the area '{region.text}'"
        return self._context_subject(fact, si, topics, candidates,
                                     pointed=_POINTING_BACK.search(prefix) is not None)

    def _placed_near_after(self, fact: _Fact, before: Mention | None, s_end: int
                           ) -> Mention | None:
        """The settlement a direction or distance places when "near" follows it ("attacked
        north of Kupiansk near Holubivka": Holubivka), unless the fact is the appositive of
        the place ``before`` it ("Holubivka, north of Kupiansk near ..."); else None."""
        if fact.kind not in (ClaimKind.DIRECTION, ClaimKind.DISTANCE) \
                or not isinstance(fact.reference, Mention) \
                or (before is not None
                    and _APPOSITIVE_GAP_RE.fullmatch(self.text, before.end, fact.start)):
            return None
        for m in self.mentions_between(fact.end, s_end):
            if m.start < fact.end or m is fact.reference:
                continue
            if m.kind == _SETTLEMENT and m.place is not None \
                    and _NEAR_AFTER_FACT_RE.fullmatch(self.text, fact.end, m.start):
                return m
            return None
        return None

    def _shared_subject_pass(self) -> None:
        """A fact after "X and Y, both"/"each" holds for X as for Y: one more fact per place of
        the list, the same evidence, in text order ("Druzhkivka and Kostiantynivka, both within
        25 km of Kramatorsk"); so does a direction right after the list ("near Kurylivka and
        Pishchane, southeast of Kupiansk"), and one before a list its subject opens ("north of
        Kupiansk near Holubivka and Kindrashivka")."""
        shared = []
        for fact in self.facts:
            subject = fact.subject
            if subject is None:
                continue
            if subject.start >= fact.end:
                if not _NEAR_AFTER_FACT_RE.fullmatch(self.text, fact.end, subject.start):
                    continue
                places = self._list_around(fact, subject, self.mentions_between(
                    subject.end, self.sentence_span(subject.start)[1]), forward=True)
            elif subject.end <= fact.start and (
                    _SHARED_BEFORE_FACT_RE.fullmatch(self.text, subject.end, fact.start)
                    or fact.kind == ClaimKind.DIRECTION
                    and _LIST_DIRECTION_GAP_RE.fullmatch(self.text, subject.end, fact.start)):
                places = self._list_around(fact, subject, reversed(self.mentions_between(
                    self.sentence_span(fact.start)[0], subject.start)), forward=False)[::-1]
            else:
                continue
            shared.extend(replace(fact, subject=place, subject_fixed=True,
                                  notes=list(fact.notes)) for place in places)
        if shared:
            self.facts = sorted(self.facts + shared, key=lambda f: (
                f.start, f.end, f.subject.start if f.subject is not None else -1))

    def _list_around(self, fact: _Fact, subject: Mention, neighbours: Iterable[Mention],
                     forward: bool) -> list[Mention]:
        """The settlements listed with ``subject`` among ``neighbours`` (the mentions after it,
        or before it nearest first, as ``forward`` says), walking away from it while only a
        comma, "and" or "&" stands between two (not the fact's reference); [] unless an "and"
        or "&" joins some two."""
        places, joined, current = [], False, subject
        for other in neighbours:
            if forward and other.start < subject.end:
                continue
            left, right = (current, other) if forward else (other, current)
            joint = _LIST_JOINT_RE.fullmatch(self.text, left.end, right.start)
            if joint is None or other.kind != _SETTLEMENT or other is fact.reference \
                    or _same_place(other, fact.reference):
                break
            joined = joined or joint.group("and") is not None or "&" in joint.group()
            places.append(other)
            current = other
        return places if joined else []

    def _region_named_before(self, s_start: int, fact: _Fact) -> Mention | None:
        """An oblast or raion named in the fact's sentence before it (not its reference)."""
        for m in self.mentions_between(s_start, fact.start):
            if m.end <= fact.start and m is not fact.reference and (
                    m.kind in _ADMIN_UNITS
                    or (m.kind == _SETTLEMENT
                        and _UNIT_AFTER.match(self.text, m.end))):
                return m
        return None

    def _appositive_head(self, pool: list[Mention], end: int) -> Mention | None:
        """The place whose appositives stand between it and the fact's own verb: "Hostomel, a
        town near Bucha, lies 25 km north-west of Kyiv", "Kupiansk, which lies near Kurylivka,
        is 120 km east of Kharkiv", "Voznesenka near Melitopol lies 70 km ..." (not Bucha,
        Kurylivka, Melitopol); None when there is none."""
        text = self.text
        last = pool[-1]
        if len(pool) > 1 and NEAR_BETWEEN.fullmatch(text, pool[-2].end, last.start) \
                and (verb := _VERB_TAIL_RE.fullmatch(text, last.end, end)) is not None \
                and len(verb.group("tail").split()) <= APPOSITION_TAIL_MAX_WORDS:
            return pool[-2]
        for head in pool[:-1]:
            m = _APPOSITION_RE.fullmatch(text, head.end, end)
            if m is None or len(m.group("tail").split()) > APPOSITION_TAIL_MAX_WORDS:
                continue
            tail_start = m.start("tail")
            if any(head.end < x.start < end and x.end > tail_start
                   for x in self.mentions_between(head.end, end)):
                continue  # the verb's clause names a place of its own
            return head
        return None

    def _in_parentheses(self, start: int, pos: int) -> bool:
        text = self.text
        return (text.count("(", start, pos) + text.count("[", start, pos)
                > text.count(")", start, pos) + text.count("]", start, pos))

    def _context_subject(self, fact: _Fact, si: int, topics: _Topics,
                         candidates: list[Mention], before: int | None = None,
                         pointed: bool = True) -> tuple[Mention | None, str]:
        """The topic of an earlier sentence of the paragraph, else the text's first place
        before ``before`` (default: the fact's start), else None with the reason. ``pointed``:
        the sentence points back ("the city", "it"), which may mean a speaker's place."""
        paragraph = self.paragraph_of[si]
        for prev in range(si - 1, -1, -1):
            if self.paragraph_of[prev] != paragraph:
                break
            topic = topics.get(prev)
            if topic is not None and topic is not fact.reference:
                return topic, "subject taken from the previous sentence"
        limit = fact.start if before is None else before
        # a speaker's place in the fact's own sentence ("Kharkiv police reported a strike 3 km
        # from Zolochiv") is no subject, unless "the city" points back at it
        s_start = self.sentences[si][0]
        first = next((c for c in candidates if c.start < limit and c is not fact.reference
                      and (pointed or c.start < s_start or not self._speakers_place(c))),
                     None)
        if first is not None:
            return first, "subject taken from the text's first place"
        return None, "no subject: the sentence names no place the fact is about"

    def _attached(self, start: int, end: int) -> bool:
        """A region phrase at ``end`` is about the place ending at ``start``: few words between,
        no clause break (not counting parentheses and other claims' evidence)."""
        pieces, pos = [], start
        for f in self.facts:
            if start <= f.start and f.end <= end:
                pieces.append(self.text[pos:f.start])
                pos = f.end
        pieces.append(self.text[pos:end])
        between = _PARENTHESES_RE.sub(" ", " ".join(pieces))
        if _CLAUSE_STOP.search(f" {between} "):
            return False
        return len(_WORD_RE.findall(between)) <= REGION_ATTACH_MAX_WORDS

    # ---- generic references ("vom Dorf", "от райцентра")

    def _pronoun_pass(self) -> None:
        """Resolve "of it": the topic of an earlier sentence of the paragraph (else the text's
        first place). When the sentence's own subject is a sea, border or front line ("The Sea
        of Azov lies 95 km south of it"), the fact is turned round: the topic lies 95 km north
        of the Sea of Azov."""
        if not any(fact.pronoun for fact in self.facts):
            return
        candidates = self._candidates()
        for fact in self.facts:
            if not fact.pronoun:
                continue
            si = self.sentence_index(fact.start)
            s_start, _ = self.sentences[si]
            topic = self._pronoun_in_sentence(fact, s_start) or self._topic_before(si,
                                                                                  candidates)
            if topic is None:
                fact.notes.append(f"unknown reference '{fact.pronoun}': no place named before")
                continue
            feature = self._feature_subject(fact, candidates)
            if feature is not None:
                self._turn_round(fact, feature, topic, f"'{fact.pronoun}' is {topic.text}")
            elif fact.subject is not None and not _same_place(fact.subject, topic):
                fact.reference = topic
                fact.notes.append(f"reference '{fact.pronoun}' read as '{topic.text}'")
            else:
                fact.notes.append(f"unknown reference '{fact.pronoun}'")

    def _pronoun_in_sentence(self, fact: _Fact, s_start: int) -> Mention | None:
        """"Stepnohirsk lies 35 km southeast of Zaporizhzhia and Vasylivka 47 km south of it":
        "it" is the place an earlier fact of the same sentence measured from (else that
        fact's subject), when it is not this fact's own subject; None without such a fact."""
        for other in reversed(self.facts):
            if other is fact or other.end > fact.start or other.start < s_start:
                continue
            for place in (other.reference, other.subject):
                if isinstance(place, Mention) and place.kind == _SETTLEMENT \
                        and place is not fact.subject and not _same_place(place, fact.subject):
                    return place
        return None

    def _feature_subject_pass(self) -> None:
        """"The front line is now 10 km from Kramatorsk", "... 20 km from the city": a sea,
        border or front line is the sentence's subject and the place the reference; the fact
        is turned round (Kramatorsk lies 10 km from the front line)."""
        candidates = None  # worked out when first needed, before any fact is turned round
        for fact in self.facts:
            if fact.kind not in _PLACE_TO_PLACE or fact.pronoun \
                    or fact.subject_fixed:
                continue
            if fact.reference is not None and fact.reference.kind is _SETTLEMENT:
                place, why = fact.reference, "the sentence is about the feature"
            elif fact.generic and fact.reference is None and fact.subject is not None:
                place, why = fact.subject, f"'{fact.generic}' is {fact.subject.text}"
            else:
                continue
            if candidates is None:
                candidates = self._candidates()
            feature = self._feature_subject(fact, candidates, exclude=place)
            if feature is not None:
                fact.notes = [n for n in fact.notes if not n.startswith("unknown reference")]
                self._turn_round(fact, feature, place, why)

    def _feature_subject(self, fact: _Fact, candidates: list[Mention],
                         exclude: Mention | None = None) -> _Ref | None:
        """The sea, border or front-line phrase the fact's sentence opens with, when no other
        place stands before the fact in that sentence."""
        s_start, _ = self.sentences[self.sentence_index(fact.start)]
        if any(s_start <= c.start < fact.start and c is not exclude for c in candidates):
            return None
        return self._feature_ref_in(s_start, fact.start)

    @staticmethod
    def _turn_round(fact: _Fact, feature: _Ref, place: Mention, why: str) -> None:
        """Make ``place`` the subject and ``feature`` the reference of ``fact``; a stated
        direction (the feature's from the place) is reversed."""
        fact.kind = {"sea": ClaimKind.COAST_DISTANCE, "border": ClaimKind.BORDER_DISTANCE,
                     "front": ClaimKind.FRONTLINE_DISTANCE}[feature.kind]
        fact.reference_feature = feature.feature
        fact.reference = feature.mention
        fact.subject, fact.subject_fixed = place, True
        fact.notes = [n for n in fact.notes if not n.startswith(_SUBJECT_NOTES)]
        if fact.direction_deg is not None:
            fact.direction_deg = (fact.direction_deg + 180.0) % 360.0
            fact.direction = geodesy.compass_point(fact.direction_deg, 32)
        where = (f"lies {fact.direction} of {feature.feature}" if fact.direction
                 else f"measured from {feature.feature}")
        fact.notes.append(f"read the other way round ({why}): {place.text} {where}")

    def _topic_before(self, si: int, candidates: list[Mention]) -> Mention | None:
        """The first place of the closest earlier sentence of the paragraph naming one, else
        the text's first place before sentence ``si``."""
        s_start, _ = self.sentences[si]
        before = [c for c in candidates if c.start < s_start]
        paragraph = self.paragraph_of[si]
        for prev in range(si - 1, -1, -1):
            if self.paragraph_of[prev] != paragraph:
                break
            p_start, p_end = self.sentences[prev]
            in_prev = [c for c in before if p_start <= c.start < p_end]
            if in_prev:
                return in_prev[0]
        return before[0] if before else None

    def _feature_ref_in(self, start: int, end: int) -> _Ref | None:
        """A sea, border or front-line phrase between ``start`` and ``end``, read as a
        reference would be."""
        for m in _WORD_START_RE.finditer(self.text[start:end]):
            ref = self._find_reference(start + m.start(), 0)
            if ref is not None and ref.kind in ("sea", "border", "front") \
                    and ref.end <= end:
                return ref
        return None

    def _generic_pass(self) -> None:
        for fact in self.facts:
            if not fact.generic:
                continue
            ref = self._generic_reference(fact)
            if ref is None:
                fact.notes.append(f"unknown reference '{fact.generic}'")
            else:
                fact.reference = ref

    def _generic_reference(self, fact: _Fact) -> Mention | None:
        subject = fact.subject
        start, end = fact.generic_span
        surface = self.text[start:end]
        if subject is not None and subject.place is not None:
            seat = seat_reference(subject.place, surface, start, end)
            if seat is not None:
                fact.notes.append(seat.reason)
                return seat
        s_start, _ = self.sentence_span(fact.start)
        areas = [(f.start, f.end) for f in self.facts
                 if f.kind in (ClaimKind.RIVER, ClaimKind.REGION)]

        def usable(m: Mention) -> bool:
            return (m.kind == _SETTLEMENT and m is not subject
                    and not any(a <= m.start and m.end <= b for a, b in areas)
                    and (subject is None or m.place is None or subject.place is None
                         or m.place.id != subject.place.id))

        same_sentence = [m for m in self.mentions_between(s_start, fact.start) if usable(m)
                         and not self._listed_with(m, subject)]
        if _TOWN_WORD_RE.search(surface):
            # "near Vyimka and Pereizne south of the town": the town, not a village named
            towns = [m for m in same_sentence
                     if m.place is not None and m.place.population >= TOWN_MIN_POPULATION]
            same_sentence = towns[-1:] or same_sentence
        if _CITY_WORD_RE.search(surface):
            # "pressing toward Vovchansk, about 60 km northeast of the city": the city named
            # last, not a village named after it ("seizing villages near Lyptsi")
            cities = [m for m in same_sentence
                      if m.place is not None and m.place.population >= CITY_MIN_POPULATION]
            same_sentence = cities[-1:] or same_sentence
        if same_sentence:
            chosen = same_sentence[-1]
        else:
            earlier = [m for m in self.mentions_between(0, fact.start) if usable(m)]
            chosen = earlier[0] if earlier else None
        if chosen is not None:
            fact.notes.append(f"reference '{surface}' read as '{chosen.text}'")
        return chosen

    # ---- output

    def _claim(self, fact: _Fact) -> Claim:
        text = self.text
        start, end = fact.start, fact.end
        span = text[start:end]
        stripped = span.rstrip(" ,;:")
        end -= len(span) - len(stripped)
        return Claim(kind=fact.kind, subject=fact.subject, text=text[start:end], start=start,
                     end=end, reference=fact.reference,
                     reference_feature=fact.reference_feature, distance=fact.distance,
                     direction=fact.direction, direction_deg=fact.direction_deg,
                     note="; ".join(dict.fromkeys(fact.notes)))


_SUBJECT_NOTES = ("subject taken", "no subject")
_PLACE_TO_PLACE = (ClaimKind.DISTANCE, ClaimKind.DIRECTION)


def _same_place(a: Mention | None, b: Mention | None) -> bool:
    return (a is not None and b is not None and a.place is not None and b.place is not None
            and a.place.id == b.place.id)


def _shipped_gazetteer():
    """The shipped gazetteer (loaded once), or None where it cannot be loaded: the parser then
    goes without river points and administrative seats."""
    try:
        from geo.gazetteer import load_gazetteer

        return load_gazetteer()
    except Exception:  # gazetteer missing or corrupt
        return None


def _river_point(name: str, near: Sequence[tuple[float, float]] = ()):
    """The GeoNames stream (its point is the river's mouth) a name, or its genitive ("Dneprs",
    "Dnipros"), denotes; None when there is none or the gazetteer is missing. Of several
    streams of that name ("Vovcha", "Kamianka"), the one whose mouth lies nearest one of the
    points ``near`` (the text's places), else the largest."""
    gazetteer = _shipped_gazetteer()
    if gazetteer is None:
        return None
    for form in dict.fromkeys((name, name[:-1] if name.endswith("s") else name)):
        streams = [c.place for c in gazetteer.candidates(form, feature_class="H")
                   if c.place.feature_code in ("STM", "STMD")]
        if len(streams) > 1 and near:
            return min(streams, key=lambda p: (min(geodesy.distance_km(p.lat, p.lon, lat, lon)
                                                   for lat, lon in near), p.id))
        if streams:
            return max(streams, key=lambda p: (p.population, -p.id))
    return None


def seat_reference(place, surface: str, start: int, end: int) -> Mention | None:
    """The raion or oblast seat of ``place`` that words such as "the regional centre",
    "от райцентра" (``surface``, at ``start:end`` of the text) name, as a reference mention;
    None when ``surface`` names no seat or the place is that seat itself."""
    if _RAION_SEAT.search(surface):
        seat, level = _seat(place.admin1_code, place.admin2_code), "raion"
    elif _OBLAST_SEAT.search(surface):
        seat, level = _seat(place.admin1_code, None), "oblast"
    else:
        return None
    if seat is None or seat.id == place.id:
        return None
    return Mention(text=surface, start=start, end=end, place=seat, candidates=(seat,),
                   confidence=0.6, reason=f"reference '{surface}' read as {seat.name}, the "
                                          f"seat of {place.name}'s {level}")


@cache
def _seat(admin1_code: str, admin2_code: str | None):
    """The administrative seat of an oblast (admin2_code None) or raion, from the gazetteer."""
    gazetteer = _shipped_gazetteer()
    if gazetteer is None or not admin1_code:
        return None
    frame = gazetteer.frame
    rows = frame[(frame["admin1_code"] == admin1_code) & (frame["feature_class"] == "P")]
    if admin2_code is None:
        codes = ("PPLA", "PPLC")
    else:
        if not admin2_code:
            return None
        rows = rows[rows["admin2_code"] == admin2_code]
        codes = ("PPLA2", "PPLA", "PPLC")
    for code in codes:
        hits = rows.index[rows["feature_code"] == code]
        if len(hits) == 1:
            return gazetteer.place_at(int(frame.index.get_loc(hits[0])))
    return None


def parse_claims(text: str, mentions: Sequence[Mention], *,
                 resolve_reference: Callable[[str], Mention | None] | None = None
                 ) -> list[Claim]:
    """Every distance, direction, border, front-line, river and region fact in ``text``.

    ``mentions`` are the place mentions found in the text (any order; kind and resolved place
    as the reader found them). A fact's *reference* is the first place mention that starts
    within :data:`REFERENCE_WINDOW` (:data:`DIRECTION_REFERENCE_WINDOW` for a bare direction)
    characters after its "of"/"from", not past the sentence, a ";", an "and" or the next fact;
    a border, front-line or river phrase there makes it a border, front-line or river claim.
    A capitalised name that no mention covers is handed to ``resolve_reference`` (if given);
    when that fails the claim keeps ``reference=None`` and a note "unknown reference 'X'".
    "the village", "vom Dorf", "от райцентра" name the raion or oblast seat of the subject,
    or the place last named before.

    The *subject* is the place the fact is about: the nearest settlement mention before the
    fact in the same sentence that is neither a reference nor part of another fact ("Tabaivka,
    a small village roughly 20 kilometers southeast of Kupiansk"), or the place a "which"
    clause hangs on. A sentence that opens with "It", "The village", "Die Stadt", ... takes the
    subject of the previous sentence in the paragraph, else the first place of the text. With
    no place before it, a fronted fact takes the first place after it in the sentence
    ("Located 140 km south of the border, Sievierodonetsk ..."). In "Russian forces were 15 km
    away from Kreminna" the place is the subject of a front-line claim.

    Never raises: text that cannot be read gives fewer claims, not an error.
    """
    if not isinstance(text, str) or not text.strip():
        return []
    try:
        return _Parser(text, list(mentions or ()), resolve_reference).run()
    except Exception:  # the contract is "never raise on any text"; log what went wrong
        log.exception("parse_claims failed on a text of %d characters", len(text))
        return []
