"""Sentences with offsets, and small text helpers shared by the stages.

Nothing here changes the text: every result is a pair of offsets into the
caller's string, so spans stay exact whatever the input holds (Windows line
ends, NUL, lone surrogates, right-to-left text).
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs
import regex

from ._model import Span

__all__ = ["Sentence", "span", "split_sentences"]


@attrs.frozen
class Sentence:
    """One sentence: ``text[start:end]``, trimmed of surrounding white space.

    Attributes:
        index: Position among the article's sentences (0-based).
        start: Offset of its first character.
        end: Offset just past its last character.
        paragraph: Index of the paragraph it belongs to (a blank line or an
            indented line starts a new one).
    """

    index: int
    start: int
    end: int
    paragraph: int = 0


def span(text: str, start: int, end: int) -> Span:
    """The :class:`Span` of ``text[start:end]``."""
    return Span(start, end, text[start:end])


# Abbreviations whose final dot does not end a sentence (compared lowercased,
# without the dot). Titles, initials of months and common Latin forms.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cmdr",
        "adm",
        "sgt",
        "rep",
        "sen",
        "gov",
        "pres",
        "sec",
        "amb",
        "rev",
        "fr",
        "sr",
        "jr",
        "st",
        "mt",
        "ft",
        "no",
        "nos",
        "vol",
        "pp",
        "co",
        "corp",
        "inc",
        "ltd",
        "bros",
        "dept",
        "univ",
        "assn",
        "est",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "vs",
        "etc",
        "al",
        "approx",
        "cf",
        "ie",
        "eg",
    ]
)

# A candidate sentence end: terminal punctuation, optional closing quotes or
# brackets, then white space. Possessive quantifiers keep it linear.
_END = regex.compile(r"""[.!?]++[\"'”’)\]]*+(?=\s)""")

# A line that is only a headline, dateline or byline: no lower-case letter.
_NO_LOWER = regex.compile(r"^[^\p{Ll}]*+$")


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the '.' at ``dot`` closes an abbreviation or an initial."""
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot]
    if not word:
        return False
    if "." in word:  # U.S. / U.N. / a.m.
        return len(word.replace(".", "")) <= 4
    if len(word) == 1 and word.isupper():  # an initial: "John F. Kennedy"
        return True
    return word.lower() in _ABBREVIATIONS


def _next_starts_sentence(text: str, pos: int) -> bool:
    """Whether the text after white space at ``pos`` can begin a sentence."""
    n = len(text)
    while pos < n and text[pos].isspace():
        pos += 1
    if pos >= n:
        return True
    ch = text[pos]
    return ch.isupper() or ch.isdigit() or ch in "\"'“‘(["


def _line_breaks(text: str) -> Iterator[tuple[int, bool]]:
    """Break points at line ends: ``(end_of_previous_line, new_paragraph)``, in order.

    A blank line, an indented line, or a line with no lower-case letters
    (headlines, datelines) ends a sentence. A plain wrapped line does not.
    A run of blank lines gives one break, so that a text of line ends costs
    no more than its lines of words.
    """
    n = len(text)
    a0 = 0
    a1 = text.find("\n")
    if a1 < 0:
        return
    while a1 >= 0:
        b0 = a1 + 1
        b1 = text.find("\n", b0)
        if b1 < 0:
            b1 = n
        prev = text[a0:a1].strip()
        if not prev:
            a0, a1 = b0, (b1 if b1 < n else -1)
            continue  # the break before this blank line was given already
        nxt = text[b0:b1]
        blank = not nxt.strip()
        indented = nxt[:1] in (" ", "\t")
        headline = _NO_LOWER.match(prev) is not None and len(prev) < 120
        ends = prev.endswith((".", "!", "?", ":", '"', "”", "’"))
        short = len(prev) < 40 and not prev.endswith((",", ";"))
        if blank or indented or headline or ends or short:
            yield a1, blank or indented
        a0, a1 = b0, (b1 if b1 < n else -1)


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Split ``text`` into sentences, keeping offsets.

    >>> [(s.start, s.end) for s in split_sentences("Mr. Biden met Mr. Xi. They talked.")]
    [(0, 21), (22, 34)]
    """
    cuts: list[tuple[int, bool]] = []  # (offset where a sentence ends, paragraph break after)
    for m in _END.finditer(text):
        dot = m.start()
        if text[dot] == "." and m.end() - dot == 1 and _is_abbreviation(text, dot):
            # "U.S. officials" goes on; "... in the U.S. The next" ends.
            after = m.end()
            while after < len(text) and text[after] in " \t":
                after += 1
            nxt = text[after : after + 1]
            word_before = text[max(0, dot - 4) : dot]
            if not (nxt.isupper() and "." in word_before and _starts_sentence(text, after)):
                continue
        if _next_starts_sentence(text, m.end()):
            cuts.append((m.end(), False))
    cuts.extend(_line_breaks(text))
    cuts.sort()
    sentences: list[Sentence] = []
    pos = 0
    paragraph = 0
    for end, para in [*cuts, (len(text), False)]:
        if end < pos:
            continue
        s, e = _trim(text, pos, end)
        if e > s:
            sentences.append(Sentence(len(sentences), s, e, paragraph))
        if para and sentences:
            paragraph = sentences[-1].paragraph + 1
        pos = end
    return tuple(sentences)


def _starts_sentence(text: str, pos: int) -> bool:
    """Whether the capitalised word at ``pos``, after "U.S." or "U.N.", begins a sentence.

    Only words that commonly begin one do ("... in the U.S. The talks"); any
    other goes on with the phrase ("U.S. Commerce Secretary", "U.N. envoy").
    """
    word = regex.match(r"\p{Lu}\p{L}*+", text[pos : pos + 40])
    return word is not None and word.group() in _STARTERS


# Capitalised words that after "U.S." or "U.N." begin a new sentence.
_STARTERS = frozenset(
    """
    The A An He She It They We I You His Her Its Their Our This That These Those There
    In On At But And However Meanwhile Yet So Then Still Also Both After Before When While
    Some Many Most No Asked Speaking According
    """.split()
)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
