"""The phrase index of the issues stage finds what one alternation of its phrases finds.

:class:`PhraseIndex` stands for ``(?<!\\w)(?:p0|p1|...)(?!\\w)`` tried
with ``finditer``: at each place the first phrase in order that matches,
then the next place after it. These tests hold it to that pattern, built
here with a named group per phrase, on word soup made to trip it: plurals,
optional hyphens, apostrophes, capitals, characters that fold oddly.
"""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

from diplotext._gazetteer import Gazetteer
from diplotext._issue_phrases import Lexicon, PhraseIndex, fold, phrase_source, words_of

SEED = "seeds/000_858710e13cbfc5e3.txt"


def _alternation(phrases: list[tuple[str, bool]]) -> regex.Pattern[str]:
    """The alternation that the index stands for, with group ``p<i>`` for phrase ``i``."""
    branches = [
        f"(?P<p{i}>{phrase_source(p, inflect=f).replace('(?P<state>', '(?:')})"
        for i, (p, f) in enumerate(phrases)
    ]
    return regex.compile(r"(?<!\w)(?:" + "|".join(branches) + r")(?!\w)")


def _expected(
    phrases: list[tuple[str, bool]], text: str, start: int, end: int
) -> list[tuple[int, int, int]]:
    pattern = _alternation(phrases)
    return [
        (m.start(), m.end(), int(str(m.lastgroup)[1:])) for m in pattern.finditer(text, start, end)
    ]


# --- strategies --------------------------------------------------------------------------------

# Words of phrases: plain, hyphenated, plural-taking, capitalised, dotted,
# with apostrophes, non-ASCII, and the two placeholders.
PHRASE_WORDS = (
    "trade", "war", "co-op", "co", "op", "army", "ARMY", "Army", "policy", "box", "tax",
    "U.S.", "n't", "d'état", "état", "5G", "G7", "Kyiv", "sanctions", "on", "the", "kiss",
    "*", "{state}", "side-by-side", "ſkip", "İran", "be",
)  # fmt: skip

# Pieces of text: the same words in every case and inflection, joined by
# spaces, hyphens, quotes and punctuation, and characters that fold oddly.
TEXT_PIECES = (
    "trade", "Trade", "TRADE", "trades", "war", "wars", "Wars", "co", "op", "coop", "co-op",
    "co‐op", "army", "armies", "Armys", "ARMY", "ARMIES", "policies", "policy", "boxes", "box",
    "taxes", "U.S.", "U.S", "n't", "d'état", "d’état", "état", "ETAT", "5G", "5g", "G7",
    "Kyiv", "sanctions", "on", "the", "The", "Iraq", "South Africa", "kisses", "side",
    "by", "sidebyside", "skip", "ſkip", "İran", "iran", "be", "bee", "e\u0301", "K", "é",
    "_", "x", " ", " ", " ", "  ", "\n", "\n\n", "-", "‐", "‑", ",", ".", "'", "’", "“", "”",
    '"', "(", ")", "–", "—",
)  # fmt: skip


@st.composite
def phrase_lists(draw: st.DrawFn) -> list[tuple[str, bool]]:
    """Up to eight phrases of one to three words that begin with a word (not "*")."""
    phrase = st.lists(st.sampled_from(PHRASE_WORDS), min_size=1, max_size=3).filter(
        lambda ws: ws[0] != "*"
    )
    return draw(st.lists(st.tuples(phrase.map(" ".join), st.booleans()), min_size=1, max_size=8))


texts = st.lists(st.sampled_from(TEXT_PIECES), max_size=40).map("".join)


# --- properties ----------------------------------------------------------------------------


@given(phrase_lists(), texts, st.data())
def test_the_index_finds_what_the_alternation_finds(
    phrases: list[tuple[str, bool]], text: str, data: st.DataObject
) -> None:
    """Every match, its span and its phrase are the alternation's, within any bounds."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    index = PhraseIndex.build(phrases)
    words = words_of(text)
    assert list(index.finditer(words, start, end)) == _expected(phrases, text, start, end)


@given(st.lists(phrase_lists(), min_size=1, max_size=3), texts, st.data())
def test_a_lexicon_reads_for_each_of_its_indexes(
    lists: list[list[tuple[str, bool]]], text: str, data: st.DataObject
) -> None:
    """Indexes read together by a :class:`Lexicon` find what each finds alone."""
    indexes = [PhraseIndex.build(phrases) for phrases in lists]
    read = Lexicon.build(indexes).read(text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for phrases, index in zip(lists, indexes, strict=True):
        assert list(index.finditer(read, start, end)) == _expected(phrases, text, start, end)


@given(phrase_lists(), texts, st.data())
def test_match_is_the_alternations_match(
    phrases: list[tuple[str, bool]], text: str, data: st.DataObject
) -> None:
    """``match`` finds the phrase that begins right at ``start``, as ``pattern.match`` does."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    m = _alternation(phrases).match(text, start, end)
    expected = None if m is None else (m.start(), m.end(), int(str(m.lastgroup)[1:]))
    assert PhraseIndex.build(phrases).match(words_of(text), start, end) == expected


@given(st.text(max_size=200))
def test_folding_keeps_offsets_and_word_characters(text: str) -> None:
    """A folded text is as long as the text, with word characters in the same places."""
    folded = fold(text)
    assert len(folded) == len(text)
    word = regex.compile(r"\w")
    assert [bool(word.match(c)) for c in folded] == [bool(word.match(c)) for c in text]


@given(
    st.one_of(
        st.text(max_size=200),
        texts,  # mostly ASCII, with quotes and dashes: split at C speed
        st.text(st.characters(max_codepoint=0x7F), max_size=200),
        st.text(st.characters(max_codepoint=0x2100), max_size=200),
    )
)
def test_the_words_are_the_runs_of_word_characters(text: str) -> None:
    """``words_of`` finds the runs of ``regex``'s word characters, folded, where they begin."""
    found = words_of(text)
    runs = regex.finditer(r"\w++", fold(text))
    assert list(zip(found.starts, found.folded, strict=True)) == [(m.start(), m[0]) for m in runs]


def test_the_bundled_cues_are_found_as_by_their_alternation() -> None:
    """On the seed article, the index of every bundled cue and alias matches the alternation."""
    gazetteer = Gazetteer.default()
    phrases = sorted(
        {
            (alias.split("[")[0].strip(), True)
            for topic in gazetteer.topics
            for subject in topic.subjects
            for alias in subject.aliases or (subject.name,)
        }
        | {(cue, True) for topic in gazetteer.topics for cue in topic.cues},
        key=lambda p: (-len(p[0]), p[0]),
    )
    with open(SEED, encoding="utf-8") as f:
        text = f.read()
    found = list(PhraseIndex.build(phrases).finditer(words_of(text)))
    assert len(found) > 20
    assert found == _expected(phrases, text, 0, len(text))
