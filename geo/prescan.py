"""Where a regex can match: try a pattern only at the few places its matches can start.

CPython's regex engine (sre) tries a pattern at every position of a text unless the pattern
opens with a literal or a case-free character class; a pattern opening with ``\b`` and a big
word alternation costs about a microsecond at every character. Most of the event lexicons open
that way. For such a pattern, :func:`prefixes` reads from its syntax tree, once, the first few
characters every match must start with; per text, :class:`Starts` finds the word starts where
one of them stands (one scan that sre runs fast), and :func:`finditer_at` tries the pattern only
there, giving exactly what ``pattern.finditer(text, lo, hi)`` gives. :func:`word_alternation`
writes a word list as a trie, for patterns that test whether one of many words stands somewhere.

The syntax tree comes from the standard library's regex parser (``re._parser``, as Hypothesis's
``from_regex`` reads it too). Where that parser is missing or a pattern's form is not understood,
:func:`prefixes` returns None and the pattern is tried at every position: slower, never wrong.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence

try:  # the standard library's regex parser: private, but stable since Python 3.11
    import re._constants as _sre
    import re._parser as _sre_parse
except ImportError:  # pragma: no cover - a Python without it: patterns are tried everywhere
    _sre = _sre_parse = None

#: How many characters of a match's start :func:`prefixes` reads.
PREFIX_CHARS = 4
_CLASS_ESCAPES = {} if _sre is None else {
    _sre.CATEGORY_DIGIT: r"\d", _sre.CATEGORY_NOT_DIGIT: r"\D", _sre.CATEGORY_SPACE: r"\s",
    _sre.CATEGORY_NOT_SPACE: r"\S", _sre.CATEGORY_WORD: r"\w", _sre.CATEGORY_NOT_WORD: r"\W"}
_WORD_CLASSES = () if _sre is None else (_sre.CATEGORY_DIGIT, _sre.CATEGORY_WORD)
_Head = tuple[bool, tuple[str, ...], bool]  # (after "\b", atoms read so far, can read more)


def prefixes(pattern: re.Pattern[str]) -> frozenset[tuple[str, ...]] | None:
    """The starts of ``pattern``'s matches, up to PREFIX_CHARS characters: a set of atom
    sequences (an atom is a character, or a regex for one) one of which every match starts
    with; None unless every match starts with "\\b" and a word character (then a match can
    only start at a word's first character)."""
    if _sre_parse is None or pattern.flags & (re.ASCII | re.LOCALE):
        return None
    heads = _follow({(False, (), True)}, _sre_parse.parse(pattern.pattern, pattern.flags),
                    bool(pattern.flags & re.IGNORECASE))
    if not all(anchored and atoms for anchored, atoms, _ in heads):
        return None
    found = {atoms for _, atoms, _ in heads}
    # "air" already covers "airs": a match starts with at most one of the prefixes left
    return frozenset(atoms for atoms in found
                     if not any(atoms[:n] in found for n in range(1, len(atoms))))


def _follow(heads: set[_Head], items: Iterable, caseless: bool) -> set[_Head]:
    for op, av in items:
        heads = {new for head in heads
                 for new in (_step(head, op, av, caseless) if head[2] else (head,))}
    return heads


def _step(head: _Head, op: object, av: object, caseless: bool) -> Iterable[_Head]:
    """Where one node of a syntax tree takes a match's start (cut short where unsure)."""
    anchored, atoms, _ = head
    if op is _sre.LITERAL or op is _sre.IN:
        atom = _atom(op, av, caseless)
        if atom is None:
            return ((anchored and bool(atoms), atoms, False),)
        fragment, word = atom
        if not atoms and not (anchored and word):
            return ((False, atoms, False),)
        atoms = (*atoms, fragment)
        return ((True, atoms, len(atoms) < PREFIX_CHARS),)
    if op is _sre.AT:
        return ((True, atoms, True),) if av is _sre.AT_BOUNDARY and not atoms \
            else ((anchored, atoms, False),)
    if op is _sre.ASSERT or op is _sre.ASSERT_NOT:
        return (head,)  # a lookaround only narrows the match
    if op is _sre.SUBPATTERN:
        _, add, remove, sub = av
        if (add | remove) & ~re.IGNORECASE:
            return ((anchored, atoms, False),)
        return _follow({head}, sub, bool(add & re.IGNORECASE)
                       or (caseless and not remove & re.IGNORECASE))
    if op is _sre.BRANCH:
        return set().union(*(_follow({head}, branch, caseless) for branch in av[1]))
    if op is _sre.MAX_REPEAT or op is _sre.MIN_REPEAT:
        least, most, sub = av
        once = _follow({head}, sub, caseless)
        if most != 1:
            once = {(a, t, False) for a, t, _ in once}
        return once | {head} if least == 0 else once
    return ((anchored, atoms, False),)


def _atom(op: object, av, caseless: bool) -> tuple[str, bool] | None:
    """(atom, whether it is a word character) of a LITERAL or IN node, or None. An atom is the
    character itself if matched case-sensitively, else a regex for it (never one character)."""
    if op is _sre.LITERAL:
        char = chr(av)
        fragment, word = (char if not caseless else re.escape(char)), _is_word(char)
    else:
        parts, word = [], True
        for kind, value in av:
            if kind is _sre.LITERAL:
                parts.append(re.escape(chr(value)))
                word = word and _is_word(chr(value))
            elif kind is _sre.CATEGORY and value in _CLASS_ESCAPES:
                parts.append(_CLASS_ESCAPES[value])
                word = word and value in _WORD_CLASSES
            else:
                return None
        fragment = "[" + "".join(parts) + "]"
    return (f"(?i:{fragment})" if caseless else fragment), word


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _atom_regex(atom: str) -> str:
    return re.escape(atom) if len(atom) == 1 else atom


def _trie(sequences: Iterable[Sequence[str]]) -> dict:
    """The sequences (of atoms or characters) as a trie of nested dicts, in the order given;
    the key "" marks where a sequence ends."""
    trie: dict = {}
    for sequence in sequences:
        node = trie
        for item in sequence:
            node = node.setdefault(item, {})
        node[""] = {}
    return trie


def _alternation(prefixes: Iterable[tuple[str, ...]]) -> str:
    """A regex for any of ``prefixes``, as a trie, so that sre tries few alternatives."""
    return _trie_regex(_trie(sorted(prefixes)))


def _trie_regex(node: dict) -> str:
    if "" in node:
        return ""  # a shorter prefix already matches
    branches = [_atom_regex(atom) + _trie_regex(rest) for atom, rest in node.items()]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def word_alternation(words: Iterable[str]) -> str:
    """A regex for any one of ``words``, factored by common prefixes (a trie) behind a
    lookahead on their first characters.

    sre tries the branches of a plain alternation (``a|b|...``) one by one, and a
    case-insensitive literal has no fast reject, so a long word list is slow to fail; a trie
    fails at the first character that no word continues with. Whether some word matches is
    the same as with the plain alternation, not which one (the trie prefers longer words).
    """
    trie = _trie(words)

    def branches(node: dict) -> str:
        alternatives = [re.escape(char) + branches(child)
                        for char, child in sorted(node.items()) if char]
        if not alternatives:
            return ""
        if len(alternatives) == 1 and "" not in node:
            return alternatives[0]
        return "(?:" + "|".join(alternatives) + ")" + ("?" if "" in node else "")

    first_characters = "".join(re.escape(char) for char in sorted(trie))
    return f"(?=[{first_characters}])" + branches(trie)


class Starts:
    """Where matches of ``pattern`` (see :func:`prefixes`) can start in a text: the start of
    the text and every word start that holds one of its prefixes, found by one scan for a
    character other than an ASCII letter, digit or "_" before a prefix, which sre runs fast
    (it opens with an ASCII character class, cheaper to test than ``\\W``). That also finds a
    few places after a letter outside ASCII, where a pattern opening with ``\\b`` does not
    match. A pattern without prefixes can start anywhere."""

    def __init__(self, prefixes: frozenset[tuple[str, ...]] | None,
                 pattern: re.Pattern[str] | None = None) -> None:
        self.pattern = pattern
        alternation = None if prefixes is None else _alternation(prefixes)
        self._prefix = None if alternation is None else re.compile(alternation)
        self._after_non_word = None if alternation is None \
            else re.compile(rf"[^A-Za-z0-9_](?={alternation})")

    @classmethod
    def of(cls, pattern: re.Pattern[str]) -> Starts:
        return cls(prefixes(pattern), pattern)

    def find(self, text: str) -> list[int]:
        """Positions of ``text`` where a match can start, in order (and a few where none does:
        a prefix is only the first characters of a match)."""
        if self._prefix is None or self._after_non_word is None:
            return list(range(len(text)))
        found = [match.end() for match in self._after_non_word.finditer(text)]
        if self._prefix.match(text):
            found.insert(0, 0)
        return found


def finditer_at(pattern: re.Pattern[str], text: str, starts: Sequence[int], lo: int, hi: int
                ) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text, lo, hi)`` gives, trying the pattern only at ``starts``
    (every place where it can match, in order; see :class:`Starts`). Patterns whose matches
    are never empty only."""
    cursor = lo
    for i in range(bisect.bisect_left(starts, lo), len(starts)):
        at = starts[i]
        if at >= hi:
            break
        if at >= cursor and (match := pattern.match(text, at, hi)):
            yield match
            cursor = match.end()
