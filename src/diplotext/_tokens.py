"""Tokens with offsets, and phrase look-up over them.

The actor and meeting stages work on tokens rather than raw characters: a
word, an abbreviation ("U.S.", "Mr."), a possessive "'s", a number or one
punctuation mark. Phrase tables map tuples of token texts to values, so a
whole gazetteer is looked up in one left-to-right pass, linear in the text.
"""

from __future__ import annotations

import functools
import operator
import re
from array import array
from collections.abc import Iterable, Iterator, Sequence
from functools import partial
from itertools import compress, count, filterfalse, islice
from operator import itemgetter
from typing import Any, Final, Generic, TypeVar, overload

import regex

__all__ = [
    "PhraseTable",
    "Token",
    "Tokens",
    "tokenize",
    "tokenize_phrase",
    "tokens_of",
]

V = TypeVar("V")

_TOKEN = regex.compile(
    r"""
      (?:\p{Lu}\.){2,}+                      # U.S., U.N., U.S.A.
    | \p{L}[\p{L}\p{M}\p{N}]*+               # a word ...
      (?:['’]\p{Lu}[\p{L}\p{M}]*+)?+         # ... O'Brien, d'Ivoire
      (?:[-‐][\p{L}\p{N}][\p{L}\p{M}\p{N}]*+)*+   # ... Sassou-Nguesso, Ki-moon
    | ['’]s(?![\p{L}\p{N}])                  # possessive 's
    | \p{N}++(?:[,.:/-]\p{N}++)*+            # numbers: 1,000  1996-08-22  3.5
    | [^\s\p{L}\p{N}]                        # any other single character
    """,
    regex.VERBOSE,
)

# The same tokens in a text of ASCII characters, for the faster ``re`` engine.
# Each character beyond ASCII stands in for its class in the copy it reads
# (see _stand_in): "A" a capital letter, "a" another letter, "0" a digit,
# "\x01" a combining mark, "\x02" the hyphen "‐", "'" the apostrophe "’", " " a
# space, and "#" any other character (as do "\x00" to "\x02" themselves).
_ASCII_TOKEN = re.compile(
    r"""
      (?:[A-Z]\.){2,}+
    | [A-Za-z][A-Za-z\x01\d]*+
      (?:'[A-Z][A-Za-z\x01]*+)?+
      (?:[-\x02][A-Za-z\d][A-Za-z\x01\d]*+)*+
    | 's(?![A-Za-z\d])
    | \d++(?:[,.:/-]\d++)*+
    | [^\t\n\v\f\r\x20A-Za-z\d]
    """,
    re.VERBOSE | re.ASCII,
)
_BEYOND_ASCII = re.compile(r"[^\x03-\x7f]")
_START = operator.methodcaller("start")
_GROUP = operator.methodcaller("group")


@functools.cache
def _class_of(char: str) -> str:
    """The ASCII stand-in of a character beyond ASCII (see :data:`_ASCII_TOKEN`)."""
    if char in "’‐":
        return "'" if char == "’" else "\x02"
    for pattern, stand_in in _CLASSES:
        if pattern.match(char):
            return stand_in
    return "#"


_CLASSES = [
    (regex.compile(r"\p{Lu}"), "A"),
    (regex.compile(r"\p{L}"), "a"),
    (regex.compile(r"\p{N}"), "0"),
    (regex.compile(r"\p{M}"), "\x01"),
    (regex.compile(r"\s"), " "),
]


def _stand_in(m: re.Match[str]) -> str:
    return _class_of(m.group())


# Words whose following "." belongs to them ("Mr.", "Gen.").
_DOTTED = frozenset(
    [
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Gen",
        "Lt",
        "Col",
        "Maj",
        "Capt",
        "Adm",
        "Sen",
        "Rep",
        "Gov",
        "Amb",
        "Pres",
        "Sec",
        "St",
        "Prof",
        "Sgt",
        "Brig",
        "Cmdr",
        "Jr",
        "Sr",
        "Rev",
        "Mt",
        "No",
        "Nov",
        "Dec",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
    ]
)


class Token:
    """One token: ``text[start:end]``. Not to be changed once made.

    A plain class with slots rather than a frozen record: the stages make
    tokens afresh for each sentence from the compact :class:`Tokens` of the
    article, and read their attributes often, so both must be cheap.

    Attributes:
        start: Offset of its first character.
        end: Offset just past it.
        text: The characters.
        lower: ``text.lower()``, computed once.
        is_cap: Whether the token starts with a capital letter.
        is_word: Whether the token is a word (starts with a letter).
    """

    __slots__ = ("end", "is_cap", "is_word", "lower", "start", "text")

    def __init__(
        self, start: int, end: int, text: str, lower: str, is_cap: bool, is_word: bool
    ) -> None:
        self.start: Final = start
        self.end: Final = end
        self.text: Final = text
        self.lower: Final = lower
        self.is_cap: Final = is_cap
        self.is_word: Final = is_word

    def _key(self) -> tuple[int, int, str, str, bool, bool]:
        return (self.start, self.end, self.text, self.lower, self.is_cap, self.is_word)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Token) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.text!r})"


# A sentence of more tokens than this is read through a lazy view, a token
# at a time, rather than as a tuple of Token objects.
_MATERIALISE = 50_000
# Tokens of an article kept once made, for the stages that read the same
# sentences (about 100 bytes each): more than a long article holds, and a
# bound on the memory of a huge input.
_KEPT = 100_000


class Tokens(Sequence[Token]):
    """An article's tokens, stored compactly: a start offset and a form number each.

    Each distinct token text is stored once; a :class:`Token` is made only
    when one is asked for, so the memory is about 12 bytes a token however
    many punctuation marks or short lines the text holds. A slice of up to a
    few ten thousand tokens is a tuple of tokens; a longer one a lazy view.
    """

    __slots__ = ("_budget", "_cased", "_forms", "_ids", "_kept", "starts")

    def __init__(self, starts: array[int], ids: array[int], forms: list[_Form]) -> None:
        #: Start offset of each token, in order (for :mod:`bisect`).
        self.starts = starts
        self._ids = ids
        self._forms = forms
        # whether each form has a lower-case letter: any(map(str.islower, text)), at C speed
        self._cased = list(map(any, map(partial(map, str.islower), map(itemgetter(0), forms))))
        # Tuples made by :meth:`between`, kept for the next stage that asks for
        # the same sentence, up to _KEPT tokens in all.
        self._kept: dict[tuple[int, int], tuple[Token, ...]] = {}
        self._budget = _KEPT

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, i: int) -> Token: ...

    @overload
    def __getitem__(self, i: slice) -> Sequence[Token]: ...

    def __getitem__(self, i: int | slice) -> Token | Sequence[Token]:
        if isinstance(i, slice):
            a, b, step = i.indices(len(self.starts))
            if step != 1:
                return tuple(self[k] for k in range(a, b, step))
            return self.between(a, b)
        s = self.starts[i]
        text, lower, cap, word, n = self._forms[self._ids[i]]
        return Token(s, s + n, text, lower, cap, word)

    def __iter__(self) -> Iterator[Token]:
        return iter(self.between(0, len(self.starts)))

    def between(self, a: int, b: int) -> Sequence[Token]:
        """Tokens ``a`` to ``b``: a tuple, or a lazy view when there are many."""
        b = max(a, b)
        if b - a > _MATERIALISE:
            return _View(self, a, b)
        kept = self._kept.get((a, b))
        if kept is not None:
            return kept
        forms = self._forms
        made = tuple(
            [
                Token(s, s + n, text, lower, cap, word)
                for s, (text, lower, cap, word, n) in zip(
                    self.starts[a:b], [forms[k] for k in self._ids[a:b]], strict=True
                )
            ]
        )
        if b - a <= self._budget:
            self._kept[a, b] = made
            self._budget -= b - a
        return made

    def is_word(self, i: int) -> bool:
        """Whether token ``i`` is a word, without making the token."""
        return self._forms[self._ids[i]][3]

    def flags(self, lowers: frozenset[str]) -> list[bool]:
        """For each distinct form, whether its lower case is in ``lowers``: an
        argument of :meth:`flagged`."""
        return list(map(lowers.__contains__, map(itemgetter(1), self._forms)))

    def any_lower(self, a: int, b: int) -> bool:
        """Whether a token from ``a`` to ``b`` has a lower-case letter."""
        cased = self._cased
        return any(map(cased.__getitem__, self._ids[a:b]))

    def distinct_forms(self) -> Sequence[_Form]:
        """Each distinct token text once, as ``(text, lower, is_cap, is_word, length)``:
        a list of flags made from these, in this order, is an argument of :meth:`flagged`."""
        return self._forms

    def flagged(self, flags: list[bool], a: int, b: int) -> list[int]:
        """Which tokens from ``a`` to ``b`` have a flagged form (see :meth:`flags` and
        :meth:`distinct_forms`), counted from ``a``, without making the tokens."""
        return list(compress(range(b - a), map(flags.__getitem__, self._ids[a:b])))


# A distinct token text: (text, lower, is_cap, is_word, length).
_Form = tuple[str, str, bool, bool, int]


class _View(Sequence[Token]):
    """Tokens ``lo`` to ``hi`` of a :class:`Tokens`, made a chunk at a time.

    The stages read a sentence left to right, looking only a few tokens
    back or ahead, so only the chunk read last and the one before it are
    kept: memory stays bounded however long the sentence.
    """

    __slots__ = ("_chunk", "_hi", "_lo", "_n", "_off", "_prev", "_prev_at", "_tokens")

    def __init__(self, tokens: Tokens, lo: int, hi: int) -> None:
        self._tokens = tokens
        self._lo = lo
        self._hi = hi
        self._chunk: tuple[Token, ...] = ()  # the chunk read last ...
        self._off = 0  # ... at ``self[i] == self._chunk[i + self._off]``
        self._n = 0  # its length
        self._prev: tuple[Token, ...] = ()  # the one before, from token ``_prev_at``
        self._prev_at = 0

    def __len__(self) -> int:
        return self._hi - self._lo

    @overload
    def __getitem__(self, i: int) -> Token: ...

    @overload
    def __getitem__(self, i: slice) -> Sequence[Token]: ...

    def __getitem__(self, i: int | slice) -> Token | Sequence[Token]:
        if type(i) is int:
            k = i + self._off
            if 0 <= k < self._n and i >= 0:
                return self._chunk[k]
            return self._load(i)
        assert isinstance(i, slice)
        a, b, step = i.indices(self._hi - self._lo)
        if step != 1:
            return tuple(self[k] for k in range(a, b, step))
        b = max(a, b)
        off = self._off
        if a + off >= 0 and b + off <= self._n:
            return self._chunk[a + off : b + off]
        return self._tokens.between(self._lo + a, self._lo + b)

    def _load(self, i: int) -> Token:
        """Token ``i``, from the chunk before or a new one."""
        k = i + (self._lo if i >= 0 else self._hi)
        if not self._lo <= k < self._hi:
            raise IndexError("token index out of range")
        if 0 <= k - self._prev_at < len(self._prev):
            return self._prev[k - self._prev_at]
        start = max(self._lo, k - k % _CHUNK)
        self._prev, self._prev_at = self._chunk, self._lo - self._off
        self._chunk = tuple(self._tokens.between(start, min(start + _CHUNK, self._hi)))
        self._off = self._lo - start
        self._n = len(self._chunk)
        return self._chunk[k - start]

    def __iter__(self) -> Iterator[Token]:
        for k in range(self._lo, self._hi, _CHUNK):
            yield from self._tokens.between(k, min(k + _CHUNK, self._hi))


# Tokens made at once by a lazy view (fewer than _MATERIALISE).
_CHUNK = 1024


def tokens_of(text: str, start: int = 0, end: int | None = None) -> Tokens:
    """The tokens of ``text[start:end]``, with offsets into ``text``, stored compactly."""
    stop = len(text) if end is None else end
    piece = text[start:stop]
    starts = array("q")
    ids = array("I")
    forms: list[_Form] = []
    numbers: dict[str, int] = {}
    held: tuple[list[int], list[str]] = ([], [])  # a word that may take the next chunk's "."
    chunks = _raw_tokens(piece)
    while True:
        chunk = next(chunks, None)
        found = (held[0] + chunk[0], held[1] + chunk[1]) if chunk else held
        at, words = _join_dots(*found)
        held = ([], [])
        if chunk and words and _takes_dot(words[-1]):
            held = ([at.pop()], [words.pop()])
        new = list(filterfalse(numbers.__contains__, dict.fromkeys(words)))
        numbers.update(zip(new, count(len(forms))))
        forms.extend(_forms(new))
        starts.extend(map(start.__add__, at) if start else at)
        ids.extend(map(numbers.__getitem__, words))
        if not chunk:
            return Tokens(starts, ids, forms)


def _forms(words: list[str]) -> Iterator[_Form]:
    """The :data:`_Form` of each (non-empty) token text."""
    firsts = list(map(itemgetter(0), words))
    return zip(
        words,
        map(str.lower, words),
        map(str.isupper, firsts),
        map(str.isalpha, firsts),
        map(len, words),
        strict=True,
    )


# Matches read at a time: a bound on the memory a text of many tokens takes.
_RAW_CHUNK = 4096


def _raw_tokens(text: str) -> Iterator[tuple[list[int], list[str]]]:
    """The matches of :data:`_TOKEN` in ``text``, a chunk at a time: their offsets and texts.

    Where at most one character in sixteen is beyond ASCII, the faster ``re``
    engine reads a copy of the text in which each such character stands in
    for its class (:data:`_ASCII_TOKEN`); the texts are then taken from
    ``text`` itself. The tests check that both ways give the same tokens.
    """
    scan = text
    if not text.isascii() or "\x00" in text or "\x01" in text or "\x02" in text:
        beyond = len(text.encode("utf-8", "surrogatepass")) - len(text)
        scan = _BEYOND_ASCII.sub(_stand_in, text) if beyond * 16 <= len(text) else ""
    if not scan:
        found: Iterator[Any] = _TOKEN.finditer(text)
        while chunk := list(islice(found, _RAW_CHUNK)):
            yield list(map(_START, chunk)), list(map(_GROUP, chunk))
        return
    found = _ASCII_TOKEN.finditer(scan)
    while chunk := list(islice(found, _RAW_CHUNK)):
        at = list(map(re.Match.start, chunk))
        if scan is text:
            yield at, list(map(re.Match.group, chunk))
        else:
            yield at, list(map(text.__getitem__, map(slice, at, map(re.Match.end, chunk))))


def _takes_dot(word: str) -> bool:
    """Whether a "." right after ``word`` belongs to it: "Mr.", "Gen.", an initial."""
    return word in _DOTTED or (len(word) == 1 and word.isupper())


def _join_dots(at: list[int], words: list[str]) -> tuple[list[int], list[str]]:
    """The tokens with a "." right after "Mr", "Gen" or an initial joined to it."""
    n = len(words)
    keep = bytearray(b"\x01") * n
    joined = False
    for i in compress(range(n - 1), map(".".__eq__, islice(words, 1, None))):
        word = words[i]
        if keep[i] and _takes_dot(word) and at[i + 1] == at[i] + len(word):
            words[i] = word + "."
            keep[i + 1] = 0
            joined = True
    if not joined:
        return at, words
    return list(compress(at, keep)), list(compress(words, keep))


def tokenize(text: str, start: int = 0, end: int | None = None) -> tuple[Token, ...]:
    """The tokens of ``text[start:end]``, with offsets into ``text``."""
    found = tokens_of(text, start, end)
    return tuple(found[k] for k in range(len(found)))


def tokenize_phrase(phrase: str) -> tuple[str, ...]:
    """The token texts of a phrase, as a key for :class:`PhraseTable`.

    The tables are built from thousands of short phrases, so they are read a
    match at a time, without the chunks and stores of :func:`tokens_of`.
    """
    plain = phrase.isascii() and not ("\x00" in phrase or "\x01" in phrase or "\x02" in phrase)
    pattern: Any = _ASCII_TOKEN if plain else _TOKEN
    out: list[str] = []
    last_end = -1
    stop = len(phrase)
    for m in pattern.finditer(phrase):
        s, e = m.span()
        if s < last_end:  # the "." already taken by "Mr."
            continue
        word = m.group()
        if e < stop and phrase[e] == "." and _takes_dot(word):
            e += 1
            word += "."
        out.append(word)
        last_end = e
    return tuple(out)


# A node of a phrase trie: the values of the phrase that ends here, and the
# nodes of the next token's texts (``None`` when no phrase goes on).
_Node = tuple[tuple[V, ...], "dict[str, _Node[V]] | None"]


class PhraseTable(Generic[V]):
    """Phrases (tuples of token texts) mapped to values, for longest-match look-up.

    With ``fold=True`` phrases are compared lower-cased. The phrases are kept
    as a trie of token texts: a match reads one token and one dictionary per
    step and stops at the first token that no phrase continues with, so most
    words cost one look-up.
    """

    __slots__ = ("_fold", "_root")

    def __init__(self, items: Iterable[tuple[str, V]], *, fold: bool = False) -> None:
        root: dict[str, tuple[list[V], dict[str, Any]]] = {}
        for phrase, value in items:
            key = tokenize_phrase(phrase.lower() if fold else phrase)
            if not key:
                continue
            nodes = root
            for word in key:
                node = nodes.setdefault(word, ([], {}))
                nodes = node[1]
            node[0].append(value)

        def freeze(nodes: dict[str, tuple[list[V], dict[str, Any]]]) -> dict[str, _Node[V]]:
            return {w: (tuple(vs), freeze(nx) if nx else None) for w, (vs, nx) in nodes.items()}

        self._fold = fold
        self._root = freeze(root)

    @property
    def firsts(self) -> frozenset[str]:
        """The first words of the phrases (lower-cased if folded)."""
        return frozenset(self._root)

    def match(self, tokens: Sequence[Token], i: int) -> tuple[int, tuple[V, ...]]:
        """The longest phrase starting at token ``i``: ``(length, values)``, or ``(0, ())``."""
        fold = self._fold
        tok = tokens[i]
        node = self._root.get(tok.lower if fold else tok.text)
        if node is None:
            return 0, ()
        values, nodes = node
        found = (1, values) if values else (0, ())
        n = len(tokens)
        k = i + 1
        while nodes is not None and k < n:
            tok = tokens[k]
            node = nodes.get(tok.lower if fold else tok.text)
            if node is None:
                break
            k += 1
            values, nodes = node
            if values:
                found = (k - i, values)
        return found

    def __contains__(self, phrase: str) -> bool:
        node: _Node[V] | None = None
        nodes: dict[str, _Node[V]] | None = self._root
        for word in tokenize_phrase(phrase.lower() if self._fold else phrase):
            node = nodes.get(word) if nodes is not None else None
            if node is None:
                return False
            nodes = node[1]
        return node is not None and bool(node[0])
