"""The phrases of the issues stage: their patterns, and an index that finds them fast.

A phrase of the data files ("human rights", "sanctions on {state}",
"co-operation") becomes a regex source (:func:`phrase_source`; the rules are
at the head of ``topics.toml``). A list of phrases, in order of preference,
becomes a :class:`PhraseIndex`: what one alternation of them all, tried in
that order, would match, found without trying them all at every word.

The index looks at the first word of each phrase. A phrase can only match
where a word of the text begins, and only a word that is the phrase's first
word ("human" in "human rights", "tariff" or "tariffs" for "tariff") or
begins with its first letters ("co" for "co-operation", whose hyphen is
optional); while the phrase's words are plain words, the text's next words
begin with theirs. The words of a text are found once (:func:`words_of`);
each index looks up each word in a dictionary, and tries only the few
phrases that pass these tests, each with its own pattern, compiled when it
is first needed. Nothing is compiled when an index is built. Indexes that
read the same texts make a :class:`Lexicon`, which looks each word up once
for them all, and keeps, for each index, only the words that may begin one
of its phrases (:class:`Places`): looking for phrases between two offsets
then costs a binary search, and a look at each of those words in between.

Folding (:func:`fold`) lower-cases the text offset for offset, so that a
word that a case-blind pattern matches folds to the key it is looked up by.

>>> index = PhraseIndex.build([("trade war", True), ("trade", True), ("co-operation", True)])
>>> text = "Trade wars, trade and cooperation."
>>> [(text[a:b], index.phrases[i]) for a, b, i in index.finditer(words_of(text))]
[('Trade wars', 'trade war'), ('trade', 'trade'), ('cooperation', 'co-operation')]
>>> words = Lexicon.build([index]).read(text)
>>> [words.folded[k] for k in words.places[index].words]
['trade', 'trade', 'cooperation']
>>> list(index.finditer(words, 11)) == list(index.finditer(words_of(text), 11))
True
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import NamedTuple, cast

import attrs
import regex

__all__ = [
    "PLACEHOLDER",
    "Candidates",
    "Lexicon",
    "PhraseIndex",
    "Places",
    "Words",
    "alternation",
    "compile_phrases",
    "fold",
    "phrase_source",
    "sorted_phrases",
    "words_of",
]

_JOIN = r"[\s\-‐‑–\"'“”‘’]++"  # a space in a phrase: spaces, line breaks, hyphens, quotes
_HYPHEN = r"[\s\-‐‑]?+"  # a hyphen in a phrase: optional, or a space
_WILDCARD = r"(?:\S++\s++){0,3}?"  # "*" in a phrase: up to three words
# "{state}" in a phrase: a capitalised name of up to four words ("the South
# African government", "Iraq"), read as a state by the actors or the gazetteer.
_STATE = r"(?P<state>(?:the\s++)?+\p{Lu}[\p{L}.'’\-]*+(?:\s++\p{Lu}[\p{L}.'’\-]*+){0,3}+)"
PLACEHOLDER = "{state}"

_WORD_CHAR = regex.compile(r"\w")

# The only characters that a case-blind regex matches to an ASCII letter and
# that ``str.lower`` does not lower to it ("İ" lowers to two characters).
_FOLD = str.maketrans({"\u0130": "i", "\u017f": "s"})


def fold(text: str) -> str:
    """``text`` lower-cased, offset for offset, as the keys of a :class:`PhraseIndex` are.

    A character that a case-blind pattern matches to an ASCII letter or
    digit folds to it, and a word character stays one.
    """
    if "\u0130" in text or "\u017f" in text:
        text = text.translate(_FOLD)
    return text.lower()


def _piece(piece: str, *, inflect: bool) -> str:
    """Regex source of one word (or one hyphen-separated part of a word)."""
    if piece.isascii() and piece.isalnum():
        source = piece  # nothing to escape: most words
    else:
        source = "['’]".join(map(regex.escape, piece.replace("’", "'").split("'")))
    if _inflects(piece, inflect=inflect):
        if piece[-1] == "y" and piece[-2] not in "aeiou":
            source = source[:-1] + "(?:y|ies)"
        elif piece.endswith(("s", "x", "z", "ch", "sh", "o")):
            source += "(?:es)?+"
        else:
            source += "s?+"
    if piece == piece.lower():  # no capital: any case
        return f"(?i:{source})"
    return source


def _inflects(piece: str, *, inflect: bool) -> bool:
    return inflect and piece.isalpha() and not piece.isupper() and len(piece) > 1


def phrase_source(phrase: str, *, inflect: bool = True) -> str:
    """Regex source of a phrase of the data files (see the head of topics.toml).

    Names (``inflect=False``) match as written; other phrases also in the
    plural of their last word.
    """
    tokens = phrase.split()
    parts: list[str] = []
    for i, token in enumerate(tokens):
        if i and tokens[i - 1] != "*":
            parts.append(_JOIN)
        if token == "*":
            parts.append(_WILDCARD)
            continue
        if token == PLACEHOLDER:
            parts.append(_STATE)
            continue
        pieces = token.split("-")
        last = inflect and i == len(tokens) - 1
        parts.append(
            _HYPHEN.join(
                _piece(p, inflect=last and j == len(pieces) - 1) for j, p in enumerate(pieces)
            )
        )
    return "".join(parts)


def sorted_phrases(phrases: Iterable[str]) -> list[str]:
    """The distinct phrases, longest first: the order an alternation tries them in."""
    return sorted({p.strip() for p in phrases if p.strip()}, key=lambda p: (-len(p), p))


def alternation(phrases: Iterable[str]) -> str:
    """One pattern source matching any of the phrases, longest first, on word boundaries."""
    unique = sorted_phrases(phrases)
    if not unique:
        return r"(?!)"
    return r"(?<!\w)(?:" + "|".join(phrase_source(p) for p in unique) + r")(?!\w)"


def compile_phrases(phrases: Iterable[str]) -> regex.Pattern[str]:
    """:func:`alternation`, compiled."""
    return regex.compile(alternation(phrases))


# --- the index --------------------------------------------------------------------

_WORDS = regex.compile(r"(\w++)")
# The same in the standard library's engine, which splits a text about twice as
# fast; its word characters are those of regex in ASCII, and mostly beyond.
_RE_WORDS = re.compile(r"(\w+)")
_RE_WORD_CHAR = re.compile(r"\w")
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")
# Each ASCII character that is no word character, as a space.
_GAPS = str.maketrans({c: " " for c in map(chr, range(128)) if not (c.isalnum() or c == "_")})
# How many other characters a text may have for its words to be found as if it
# were ASCII, each replaced in turn (a text of thousands of them is split by regex).
_FEW = 32

# How many words a PhraseIndex remembers the phrases of, before it forgets them
# all: the common words of a stream of news, in well under a megabyte per index.
_REMEMBERED = 1 << 14


@attrs.frozen(eq=False)  # compared as itself: a marker of words not yet looked up is one
class Candidates:
    """The phrases of a :class:`PhraseIndex` that may begin at one word, by the word after it.

    A phrase whose second word is a plain word ("trade war") is tried only
    where the next word of the text begins with it; most phrases that begin
    with a common word are thus never tried.

    Attributes:
        anyway: The phrases tried whatever the next word (one word, or no
            plain word after the first), in order.
        after: What the next folded word begins with -> the phrases that need it.
        keys: The keys of ``after``, for ``str.startswith``.
        lengths: Their lengths, ascending.
    """

    anyway: tuple[int, ...]
    after: Mapping[str, tuple[int, ...]]
    keys: tuple[str, ...]
    lengths: tuple[int, ...]

    def before(self, following: str) -> tuple[int, ...]:
        """The phrases to try before the (folded) word ``following``, in order."""
        if not following.startswith(self.keys):
            return self.anyway  # "trade talks" for the phrases "trade war", "trade deal"...
        found = self.anyway
        for n in self.lengths:
            if n > len(following):
                break
            more = self.after.get(following[:n])
            if more is not None:
                found = tuple(sorted((*found, *more))) if found else more
        return found


# What a dictionary of Candidates gives for a word it does not hold (never held).
_UNSEEN = Candidates((), MappingProxyType({}), (), ())


class Places(NamedTuple):
    """Where the phrases of one :class:`PhraseIndex` may begin in a text, in text order.

    A named tuple, not a frozen class: a text has one per index (made in a
    hurry), filled as its words are looked up, then only read.

    Attributes:
        words: The numbers of those words among the words of the text.
        phrases: The phrases to try at each (:meth:`Candidates.before` the next word).
        starts: Where each begins in the text.
    """

    words: list[int]
    phrases: list[tuple[int, ...]]
    starts: list[int]


_NOWHERE = Places([], [], [])  # never filled


class Words:
    """The words of a text, found once for every :class:`PhraseIndex` that reads it.

    A plain slotted class: one is made for every text, in a hurry, and only read.

    Attributes:
        text: The text.
        starts: Where each word (a run of word characters) begins, in order.
        folded: Each word, :func:`fold`-ed.
        places: The :class:`Places` of each index that has read the text
            (filled on use, or for many indexes at once by :meth:`Lexicon.read`).
    """

    __slots__ = ("folded", "places", "starts", "text")

    def __init__(self, text: str, starts: tuple[int, ...], folded: tuple[str, ...]) -> None:
        self.text = text
        self.starts = starts
        self.folded = folded
        self.places: dict[PhraseIndex, Places] = {}


def words_of(text: str) -> Words:
    """The :class:`Words` of ``text``."""
    folded = fold(text)
    others = () if folded.isascii() else set(_NOT_ASCII.findall(folded))
    if len(others) <= _FEW:
        # Most texts: with each other character as "_" if it is a word character
        # (as "é"), else as a space, the text is ASCII; with every ASCII character
        # that is no word character as a space, the pieces between single spaces
        # are the words and nothing ("", where two spaces meet), found at C speed.
        plain = folded
        for ch in others:
            plain = plain.replace(ch, " " if _WORD_CHAR.match(ch) is None else "_")
        pieces = plain.translate(_GAPS).split(" ")
        lengths = itertools.accumulate(map(len, pieces), initial=0)
        starts = tuple(
            itertools.compress(map(operator.add, lengths, itertools.count()), pieces)
        )  # each piece and the space after it
        words = tuple(filter(None, pieces))
        if plain is not folded and "_" in plain:  # some words are not as they were read
            words = tuple(
                folded[a : a + len(w)] if "_" in w else w
                for a, w in zip(starts, words, strict=True)
            )
        return Words(text, starts, words)
    split = _RE_WORDS.split
    for ch in others:
        if (_WORD_CHAR.match(ch) is None) != (_RE_WORD_CHAR.match(ch) is None):
            split = _WORDS.split  # the two engines see different words here
            break
    parts = split(folded)  # gap, word, gap, word, ..., gap
    ends = list(itertools.accumulate(map(len, parts)))
    return Words(text, tuple(ends[0:-1:2]), tuple(parts[1::2]))


def _lead(piece: str) -> str:
    """The ASCII letters and digits that begin ``piece``, lower-cased."""
    if piece.isascii() and piece.isalnum():
        return piece.lower()  # most words
    n = 0
    while n < len(piece) and piece[n].isascii() and piece[n].isalnum():
        n += 1
    return piece[:n].lower()


def _first_word(phrase: str, *, inflect: bool) -> list[tuple[str, bool]]:
    """What the folded word where ``phrase`` begins must be: ``(key, True)`` that
    word, ``(key, False)`` a word that begins with it ("" for any word)."""
    tokens = phrase.split()
    if not tokens or tokens[0] in ("*", PLACEHOLDER):
        return [("", False)]
    pieces = tokens[0].split("-")
    first = pieces[0]
    lead = _lead(first)
    if not lead:
        return [("", False)]
    if len(lead) < len(first):
        # A word character ("é") goes on with the word; anything else ends it ("U.S.").
        return [(lead, not _WORD_CHAR.fullmatch(first[len(lead)]))]
    if len(pieces) > 1:
        # "co-operation": "co" before a space or hyphen, or "cooperation"
        return [(lead, True), (lead + _lead(pieces[1]), False)]
    if len(tokens) > 1:
        return [(lead, True)]  # before a space
    return [(form.lower(), True) for form in _forms(first, inflect=inflect)]


def _forms(word: str, *, inflect: bool) -> tuple[str, ...]:
    """The forms :func:`_piece` matches of a word of ASCII letters and digits."""
    if not _inflects(word, inflect=inflect):
        return (word,)
    if word[-1] == "y" and word[-2] not in "aeiou":
        return word, word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh", "o")):
        return word, word + "es"
    return word, word + "s"


def _one_word(phrase: str, *, inflect: bool) -> tuple[bool, frozenset[str]] | None:
    """For a phrase of one plain word: whether it is in any case, and its forms.

    A word of ASCII letters and digits in lower case matches a word of the
    text whose folded form is one of its forms (a case-blind pattern matches
    an ASCII letter where folding gives it, and only there); one with a
    capital, a word written as one of its forms.
    """
    tokens = phrase.split()
    if len(tokens) != 1 or not (tokens[0].isascii() and tokens[0].isalnum()):
        return None
    word = tokens[0]
    return word == word.lower(), frozenset(_forms(word, inflect=inflect))


def _next_words(phrase: str) -> tuple[str, ...]:
    """What the folded words after the first must begin with, while words are words.

    A plain word of the phrase ("trade" in "trade war") matches one whole word
    of the text, and the space after it only characters that are no word
    characters, so the next word of the phrase is the next word of the text.
    """
    tokens = phrase.split()
    found: list[str] = []
    for before, token in itertools.pairwise(tokens):
        if before in ("*", PLACEHOLDER) or _lead(before) != before.lower():
            break  # "*", "{state}", "co-operation", "U.S.": not one word of the text
        lead = "" if token in ("*", PLACEHOLDER) else _lead(token)
        if not lead:
            break
        found.append(lead)
    return tuple(found)


def _begin(words: Sequence[str], at: int, leads: Sequence[str]) -> bool:
    """Whether the words from ``words[at]`` on begin with ``leads``, one each."""
    return at + len(leads) <= len(words) and all(
        map(str.startswith, words[at : at + len(leads)], leads)
    )


def _keyed(
    word: str,
    words: Mapping[str, tuple[int, ...]],
    starts: Mapping[str, tuple[int, ...]],
    lengths: tuple[int, ...],
    longest: int,
) -> set[int]:
    """The numbers that a (folded) word gets from ``words`` (keys it may be) and
    ``starts`` (keys it may begin with, of the given ``lengths``)."""
    # No key is longer than ``longest``: the rest of a longer word cannot matter.
    key = word[: longest + 1]
    found = set(words.get(key, ()))
    for n in lengths:
        if n > len(key):
            break
        found.update(starts.get(key[:n], ()))
    return found


@attrs.frozen(eq=False)  # compared and hashed as itself: a key of dictionaries
class PhraseIndex:
    """Phrases in order of preference, found as one alternation of them would find them.

    The alternation is ``(?<!\\w)(?:first|second|...)(?!\\w)``: at each
    place, the first phrase that matches there, and the next place after it.
    A phrase is looked for only where a word begins.

    Attributes:
        phrases: The phrases, in order.
        sources: Their regex sources, without groups.
        words: A whole word -> the phrases that may begin with it.
        starts: The beginning of a word -> the phrases that may begin with it.
        lengths: The lengths of the keys of ``starts``.
        longest: The length of the longest key.
        then: What the words after the first of each phrase must begin with.
        single: For each phrase of one plain word, whether it folds, and its forms:
            it matches without its pattern.
        compiled: Pattern of each phrase tried so far, by index (filled on use).
        seen: Words looked up so far -> the phrases that may begin with them
            (``None``: none).
    """

    phrases: tuple[str, ...]
    sources: tuple[str, ...]
    words: Mapping[str, tuple[int, ...]]
    starts: Mapping[str, tuple[int, ...]]
    lengths: tuple[int, ...]
    longest: int
    then: tuple[tuple[str, ...], ...]
    single: tuple[tuple[bool, frozenset[str]] | None, ...]
    compiled: dict[int, regex.Pattern[str]]
    seen: dict[str, Candidates | None]

    @classmethod
    def build(
        cls, phrases: Sequence[tuple[str, bool]], sources: Sequence[str] | None = None
    ) -> PhraseIndex:
        """The index of ``(phrase, inflect)`` pairs, in order of preference.

        ``sources`` are their :func:`phrase_source`, if already known.
        """
        words: dict[str, list[int]] = {}
        starts: dict[str, list[int]] = {}
        for i, (phrase, inflect) in enumerate(phrases):
            for key, whole in _first_word(phrase, inflect=inflect):
                (words if whole else starts).setdefault(key, []).append(i)
        if sources is None:
            sources = [phrase_source(p, inflect=f) for p, f in phrases]
        return cls(
            phrases=tuple(p for p, _ in phrases),
            sources=tuple(s.replace("(?P<state>", "(?:") for s in sources),
            words={k: tuple(v) for k, v in words.items()},
            starts={k: tuple(v) for k, v in starts.items()},
            lengths=tuple(sorted({len(k) for k in starts})),
            longest=max(map(len, (*words, *starts)), default=0),
            then=tuple(_next_words(p) for p, _ in phrases),
            single=tuple(_one_word(p, inflect=f) for p, f in phrases),
            compiled={},
            seen={},
        )

    def candidates(self, word: str) -> Candidates | None:
        """The phrases that may begin at a (folded) word, or ``None``."""
        found = self.seen.get(word, _UNSEEN)
        if found is _UNSEEN:
            indices = _keyed(word, self.words, self.starts, self.lengths, self.longest)
            anyway: list[int] = []
            after: dict[str, list[int]] = {}
            for index in sorted(indices):
                then = self.then[index]
                if then:
                    after.setdefault(then[0], []).append(index)
                else:
                    anyway.append(index)
            if len(self.seen) >= _REMEMBERED:
                self.seen.clear()
            found = self.seen[word] = (
                Candidates(
                    tuple(anyway),
                    {k: tuple(v) for k, v in after.items()},
                    tuple(after),
                    tuple(sorted(set(map(len, after)))),
                )
                if indices
                else None
            )
        return found

    def pattern(self, index: int) -> regex.Pattern[str]:
        """The pattern of one phrase, compiled on first use (thousands exist; few are seen)."""
        found = self.compiled.get(index)
        if found is None:
            found = self.compiled[index] = regex.compile(rf"(?:{self.sources[index]})(?!\w)")
        return found

    def places(self, words: Words) -> Places:
        """Where the phrases of the index may begin in ``words``: looked up once per text."""
        found = words.places.get(self)
        if found is None:
            known = list(map(self.seen.get, words.folded, itertools.repeat(_UNSEEN)))
            if _UNSEEN in known:
                known = [
                    self.candidates(w) if f is _UNSEEN else f
                    for f, w in zip(known, words.folded, strict=True)
                ]
            found = words.places[self] = Places([], [], [])
            following = (*words.folded[1:], "")
            for k in itertools.compress(range(len(known)), known):
                phrases = cast("Candidates", known[k]).before(following[k])
                if phrases:
                    found.words.append(k)
                    found.phrases.append(phrases)
                    found.starts.append(words.starts[k])
        return found

    def finditer(
        self, words: Words, start: int = 0, end: int | None = None
    ) -> Iterator[tuple[int, int, int]]:
        """The phrases in ``text[start:end]``, apart, in text order: ``(start, end, index)``."""
        return iter(self.findall(words, start, end))

    def findall(
        self, words: Words, start: int = 0, end: int | None = None
    ) -> list[tuple[int, int, int]]:
        """:meth:`finditer`, as a list."""
        stop = len(words.text) if end is None else end
        return self._within(words, self.places(words), start, stop)

    def findall_each(
        self, words: Words, bounds: Iterable[tuple[int, int]]
    ) -> list[list[tuple[int, int, int]]]:
        """:meth:`findall` between each pair of offsets: the sentences of a text, say."""
        places = self.places(words)
        at, text = places.starts, words.text
        size = len(text)
        return [
            self._within(words, places, start, stop)
            # none of the places inside, and no word cut at the end: most sentences
            if bisect.bisect_left(at, start) != bisect.bisect_left(at, stop)
            or (0 < stop < size and not text[stop].isspace())
            else []
            for start, stop in bounds
        ]

    def _within(
        self, words: Words, places: Places, start: int, stop: int
    ) -> list[tuple[int, int, int]]:
        """The phrases in ``text[start:stop]``, as :meth:`finditer` gives them."""
        text = words.text
        if not places.starts and (not 0 < stop < len(text) or text[stop].isspace()):
            return []  # no phrase of the index in the text, and no word cut at the end
        first = bisect.bisect_left(places.starts, start)
        last = bisect.bisect_left(places.starts, stop, first)
        # The word that the end cuts, if any: its phrases are those of what is left of it.
        # No word goes on past a space (the end of most sentences).
        cut = -1
        if 0 < stop < len(text) and not text[stop].isspace():
            starts, folded = words.starts, words.folded
            hi = bisect.bisect_left(starts, stop)
            if hi and starts[hi - 1] >= start and starts[hi - 1] + len(folded[hi - 1]) > stop:
                cut = hi - 1
                if last > first and places.words[last - 1] == cut:
                    last -= 1
        if first == last and cut < 0:
            return []  # most sentences, for most indexes
        folded = words.folded
        found: list[tuple[int, int, int]] = []
        after = start
        for j in range(first, last):
            at = places.starts[j]
            if at >= after:
                k = places.words[j]
                match = self._first(words, k, at, folded[k], places.phrases[j], stop)
                if match is not None:
                    found.append(match)
                    after = match[1]
        if cut >= 0 and words.starts[cut] >= after:
            word = folded[cut][: stop - words.starts[cut]]
            match = self._first(
                words, cut, words.starts[cut], word, self._try(words, cut, word), stop
            )
            if match is not None:
                found.append(match)
        return found

    def search(
        self, words: Words, start: int = 0, end: int | None = None
    ) -> tuple[int, int, int] | None:
        """The first phrase in ``text[start:end]``, as :meth:`finditer` gives it, or ``None``."""
        return next(self.finditer(words, start, end), None)

    def match(
        self, words: Words, start: int, end: int | None = None
    ) -> tuple[int, int, int] | None:
        """The phrase that begins at ``start`` (and ends by ``end``), or ``None``."""
        starts = words.starts
        stop = len(words.text) if end is None else end
        i = bisect.bisect_left(starts, start)
        if i == len(starts) or starts[i] != start or start >= stop:
            return None  # no word begins there
        word = words.folded[i][: stop - start]
        return self._first(words, i, start, word, self._try(words, i, word), stop)

    def _try(self, words: Words, i: int, word: str) -> tuple[int, ...]:
        """The phrases to try at word ``i`` of ``words``, (folded and) cut to ``word``."""
        candidates = self.candidates(word)
        if candidates is None:
            return ()
        return candidates.before(words.folded[i + 1] if i + 1 < len(words.folded) else "")

    def _first(
        self, words: Words, i: int, at: int, word: str, candidates: Sequence[int], stop: int
    ) -> tuple[int, int, int] | None:
        """The first of ``candidates`` that matches from word ``i`` on: ``(start, end, index)``.

        The word begins at ``at``; ``word`` is the folded word, cut at
        ``stop``; the candidates are those to try before the next word
        (:meth:`Candidates.before`).
        """
        folded = words.folded
        for index in candidates:
            single = self.single[index]
            if single is not None:
                folds, forms = single
                if (word if folds else words.text[at : at + len(word)]) in forms:
                    return at, at + len(word), index
                continue
            then = self.then[index]
            if len(then) > 1 and not _begin(folded, i + 1, then):
                continue  # the words after the next one are not the phrase's
            m = self.pattern(index).match(words.text, at, stop)
            if m is not None:
                return at, m.end(), index
        return None


class _Plan(NamedTuple):
    """What a :class:`Lexicon` does at one word: its phrases in each index.

    Attributes:
        usual: ``(index, phrases)`` where the next word begins with none of
            ``keys``: the phrases of each index whatever the next word, if any.
        keys: What the next word must begin with for the phrases of some
            index to depend on it (most words: nothing).
        fixed: ``(index, phrases)`` of the indexes whose phrases never depend
            on the next word.
        depending: ``(index, candidates)`` of the others.
    """

    usual: tuple[tuple[int, tuple[int, ...]], ...]
    keys: tuple[str, ...]
    fixed: tuple[tuple[int, tuple[int, ...]], ...]
    depending: tuple[tuple[int, Candidates], ...]


@attrs.frozen(eq=False)  # compared and hashed as itself, like its indexes
class Lexicon:
    """Several :class:`PhraseIndex` that read the same texts: one look-up per word for all.

    Attributes:
        indexes: The indexes, each once.
        words: A whole word -> the indexes (by number) with phrases that may begin with it.
        starts: The beginning of a word -> the indexes with phrases that may begin with it.
        lengths: The lengths of the keys of ``starts``.
        longest: The length of the longest key.
        seen: Words looked up so far -> the indexes (by number) whose phrases
            may begin with them, with those phrases (:meth:`lookup`).
    """

    indexes: tuple[PhraseIndex, ...]
    words: Mapping[str, tuple[int, ...]]
    starts: Mapping[str, tuple[int, ...]]
    lengths: tuple[int, ...]
    longest: int
    seen: dict[str, _Plan | tuple[()]]

    @classmethod
    def build(cls, indexes: Iterable[PhraseIndex]) -> Lexicon:
        """The lexicon of ``indexes`` (one that comes twice is read once)."""
        unique = tuple(dict.fromkeys(indexes))
        words: dict[str, list[int]] = {}
        starts: dict[str, list[int]] = {}
        for n, index in enumerate(unique):
            for key in index.words:
                words.setdefault(key, []).append(n)
            for key in index.starts:
                starts.setdefault(key, []).append(n)
        return cls(
            indexes=unique,
            words={k: tuple(v) for k, v in words.items()},
            starts={k: tuple(v) for k, v in starts.items()},
            lengths=tuple(sorted({len(k) for k in starts})),
            longest=max((index.longest for index in unique), default=0),
            seen={},
        )

    def lookup(self, word: str) -> _Plan | tuple[()]:
        """The indexes (by number) whose phrases may begin at a (folded) word, and those
        phrases: a :class:`_Plan`, or ``()`` for none (most words)."""
        found = self.seen.get(word)
        if found is None:
            # The indexes with a key that the word may be or begin with (most
            # words: none), then those of them with phrases that it may begin.
            numbers = _keyed(word, self.words, self.starts, self.lengths, self.longest)
            some = [
                (n, phrases)
                for n in sorted(numbers)
                if (phrases := self.indexes[n].candidates(word)) is not None
            ]
            found = (
                _Plan(
                    tuple((n, c.anyway) for n, c in some if c.anyway),
                    tuple({k: None for _, c in some for k in c.keys}),
                    tuple((n, c.anyway) for n, c in some if not c.keys),
                    tuple((n, c) for n, c in some if c.keys),
                )
                if some
                else ()
            )
            if len(self.seen) >= _REMEMBERED:
                self.seen.clear()
            self.seen[word] = found
        return found

    def read(self, text: str) -> Words:
        """The :class:`Words` of ``text``, with the :class:`Places` of every index filled."""
        words = words_of(text)
        folded = words.folded
        known = list(map(self.seen.get, folded))
        if None in known:
            known = [self.lookup(w) if f is None else f for f, w in zip(known, folded, strict=True)]
        found = cast("list[_Plan]", known)  # or () where no index has phrases: skipped
        starts = words.starts
        # The word numbers, phrases and starts of each index's places.
        numbers: list[list[int]] = [[] for _ in self.indexes]
        phrases: list[list[tuple[int, ...]]] = [[] for _ in self.indexes]
        offsets: list[list[int]] = [[] for _ in self.indexes]
        last = len(folded) - 1
        for k in itertools.compress(range(len(found)), found):
            usual, keys, fixed, depending = found[k]
            if keys and (following := folded[k + 1] if k < last else "").startswith(keys):
                # "trade" before "war": phrases "trade war" may begin here
                for n, tried in fixed:
                    numbers[n].append(k)
                    phrases[n].append(tried)
                    offsets[n].append(starts[k])
                for n, candidates in depending:
                    tried = candidates.before(following)
                    if tried:
                        numbers[n].append(k)
                        phrases[n].append(tried)
                        offsets[n].append(starts[k])
            else:
                for n, tried in usual:  # most words ("the" before "talks": none)
                    numbers[n].append(k)
                    phrases[n].append(tried)
                    offsets[n].append(starts[k])
        words.places.update(
            (index, Places(numbers[n], phrases[n], offsets[n]) if numbers[n] else _NOWHERE)
            for n, index in enumerate(self.indexes)
        )
        return words
