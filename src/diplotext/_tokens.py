"""Tokens with offsets, and phrase look-up over them.

The actor and meeting stages work on tokens rather than raw characters: a
word, an abbreviation ("U.S.", "Mr."), a possessive "'s", a number or one
punctuation mark. Phrase tables map tuples of token texts to values, so a
whole gazetteer is looked up in one left-to-right pass, linear in the text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Generic, TypeVar

import attrs
import regex

__all__ = ["PhraseTable", "Token", "tokenize", "tokenize_phrase"]

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


@attrs.frozen
class Token:
    """One token: ``text[start:end]``.

    Attributes:
        start: Offset of its first character.
        end: Offset just past it.
        text: The characters.
        lower: ``text.lower()``, computed once.
    """

    start: int
    end: int
    text: str
    lower: str

    @property
    def is_cap(self) -> bool:
        """Whether the token starts with a capital letter."""
        return self.text[:1].isupper()

    @property
    def is_word(self) -> bool:
        """Whether the token is a word (starts with a letter)."""
        return self.text[:1].isalpha()


def tokenize(text: str, start: int = 0, end: int | None = None) -> tuple[Token, ...]:
    """The tokens of ``text[start:end]``, with offsets into ``text``."""
    stop = len(text) if end is None else end
    out: list[Token] = []
    for m in _TOKEN.finditer(text, start, stop):
        s, e = m.span()
        if out and s < out[-1].end:  # the "." already taken by "Mr."
            continue
        word = m.group()
        if e < stop and text[e] == "." and (word in _DOTTED or (len(word) == 1 and word.isupper())):
            e += 1
            word += "."
        out.append(Token(s, e, word, word.lower()))
    return tuple(out)


def tokenize_phrase(phrase: str) -> tuple[str, ...]:
    """The token texts of a phrase, as a key for :class:`PhraseTable`."""
    return tuple(t.text for t in tokenize(phrase))


class PhraseTable(Generic[V]):
    """Phrases (tuples of token texts) mapped to values, for longest-match look-up.

    With ``fold=True`` phrases are compared lower-cased.
    """

    __slots__ = ("_firsts", "_fold", "_longest", "_table")

    def __init__(self, items: Iterable[tuple[str, V]], *, fold: bool = False) -> None:
        table: dict[tuple[str, ...], list[V]] = {}
        for phrase, value in items:
            key = tokenize_phrase(phrase.lower() if fold else phrase)
            if key:
                table.setdefault(key, []).append(value)
        self._fold = fold
        self._table: Mapping[tuple[str, ...], tuple[V, ...]] = {
            k: tuple(v) for k, v in table.items()
        }
        self._firsts = frozenset(k[0] for k in table)
        self._longest = max((len(k) for k in table), default=0)

    def match(self, tokens: Sequence[Token], i: int) -> tuple[int, tuple[V, ...]]:
        """The longest phrase starting at token ``i``: ``(length, values)``, or ``(0, ())``."""
        first = tokens[i].lower if self._fold else tokens[i].text
        if first not in self._firsts:
            return 0, ()
        top = min(self._longest, len(tokens) - i)
        for n in range(top, 0, -1):
            if self._fold:
                key = tuple(t.lower for t in tokens[i : i + n])
            else:
                key = tuple(t.text for t in tokens[i : i + n])
            values = self._table.get(key)
            if values is not None:
                return n, values
        return 0, ()

    def starts(self, token: Token) -> bool:
        """Whether some phrase begins with this token (a cheap test before :meth:`match`)."""
        return (token.lower if self._fold else token.text) in self._firsts

    def __contains__(self, phrase: str) -> bool:
        return tokenize_phrase(phrase.lower() if self._fold else phrase) in self._table
