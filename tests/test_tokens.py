"""Tokens: words, abbreviations, possessives and names, with exact offsets; phrase look-up."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplotext import _tokens
from diplotext._tokens import PhraseTable, tokenize, tokenize_phrase, tokens_of


def texts(text: str) -> list[str]:
    """The token texts of ``text``."""
    return [t.text for t in tokenize(text)]


# ---------------------------------------------------------------------------
# What one token is
# ---------------------------------------------------------------------------

TOKENS = [
    # dotted abbreviations of countries and bodies
    pytest.param("U.S. officials", ["U.S.", "officials"], id="us"),
    pytest.param("the U.N. chief", ["the", "U.N.", "chief"], id="un"),
    pytest.param("back in the U.S.", ["back", "in", "the", "U.S."], id="us-at-sentence-end"),
    pytest.param("U.S.-China talks", ["U.S.", "-", "China", "talks"], id="us-hyphen-china"),
    # honorifics and titles keep their dot
    pytest.param("Mr. Biden", ["Mr.", "Biden"], id="mr"),
    pytest.param(
        "Mrs. Clinton and Ms. Yellen", ["Mrs.", "Clinton", "and", "Ms.", "Yellen"], id="mrs-ms"
    ),
    pytest.param("Gen. Milley", ["Gen.", "Milley"], id="gen"),
    pytest.param("Dr. Tedros", ["Dr.", "Tedros"], id="dr"),
    pytest.param("on Nov. 15", ["on", "Nov.", "15"], id="month-abbreviation"),
    pytest.param("John F. Kennedy", ["John", "F.", "Kennedy"], id="initial"),
    # a sentence's full stop is its own token
    pytest.param("met Xi.", ["met", "Xi", "."], id="full-stop"),
    pytest.param("met Mr. Xi.", ["met", "Mr.", "Xi", "."], id="mr-and-full-stop"),
    # possessives
    pytest.param(
        "China's foreign minister", ["China", "'s", "foreign", "minister"], id="possessive"
    ),
    pytest.param("Russia’s defense", ["Russia", "’s", "defense"], id="curly-possessive"),
    pytest.param("Biden's call", ["Biden", "'s", "call"], id="possessive-person"),
    pytest.param(
        "the U.S.'s concerns", ["the", "U.S.", "'s", "concerns"], id="possessive-after-us"
    ),
    # names with hyphens, apostrophes and particles
    pytest.param("Denis Sassou-Nguesso", ["Denis", "Sassou-Nguesso"], id="hyphenated-surname"),
    pytest.param("Ban Ki-moon", ["Ban", "Ki-moon"], id="hyphenated-given-name"),
    pytest.param("Kim Kye-gwan", ["Kim", "Kye-gwan"], id="korean-given-name"),
    pytest.param("Sean O'Brien", ["Sean", "O'Brien"], id="o-apostrophe"),
    pytest.param("Conor O’Brien", ["Conor", "O’Brien"], id="o-curly-apostrophe"),
    pytest.param("Côte d'Ivoire", ["Côte", "d'Ivoire"], id="d-apostrophe"),
    pytest.param("Abdel Fattah al-Sisi", ["Abdel", "Fattah", "al-Sisi"], id="al-prefix"),
    pytest.param("Recep Tayyip Erdoğan", ["Recep", "Tayyip", "Erdoğan"], id="non-ascii-letter"),
    # numbers
    pytest.param("1,000 troops", ["1,000", "troops"], id="thousands"),
    pytest.param("3.5 percent", ["3.5", "percent"], id="decimal"),
    pytest.param("on 2024-04-02", ["on", "2024-04-02"], id="iso-date"),
    # punctuation
    pytest.param(
        "“candid and constructive”", ["“", "candid", "and", "constructive", "”"], id="curly-quotes"
    ),
    pytest.param("Xi, Biden", ["Xi", ",", "Biden"], id="comma"),
    pytest.param("", [], id="empty"),
    pytest.param(" \r\n\t", [], id="only-white-space"),
]


@pytest.mark.parametrize(("text", "expected"), TOKENS)
def test_tokens(text: str, expected: list[str]) -> None:
    """Abbreviations, honorifics, initials, hyphenated and apostrophe names are one token each."""
    assert texts(text) == expected


@pytest.mark.parametrize("text", [p.values[0] for p in TOKENS])
def test_token_offsets_are_exact(text: str) -> None:
    """Every token is ``text[start:end]``, in order, with its lower-cased form."""
    pos = 0
    for t in tokenize(text):
        assert text[t.start : t.end] == t.text
        assert t.lower == t.text.lower()
        assert t.start >= pos
        assert not text[pos : t.start].strip(), "no character is skipped"
        pos = t.end
    assert not text[pos:].strip()


def test_the_dot_of_an_honorific_is_not_a_token_of_its_own() -> None:
    """ "Mr." keeps its dot: no "." token stands at its offset."""
    text = "Mr. Biden spoke with Mr. Xi."
    dots = [t.start for t in tokenize(text) if t.text == "."]
    assert dots == [len(text) - 1]


def test_tokenize_a_slice_keeps_offsets_into_the_whole_text() -> None:
    """Tokens of ``text[start:end]`` carry offsets into ``text`` itself."""
    text = "WASHINGTON - Mr. Biden met Mr. Xi in Woodside."
    start = text.index("Mr. Biden")
    end = text.index(" in Woodside")
    found = tokenize(text, start, end)
    assert [t.text for t in found] == ["Mr.", "Biden", "met", "Mr.", "Xi"]
    assert all(text[t.start : t.end] == t.text for t in found)


def test_compact_tokens_are_the_tokens() -> None:
    """The compact store of an article gives the same tokens, one by one, sliced or iterated."""
    text = "WASHINGTON - Mr. Biden met Mr. Xi (“candid”) in Woodside, the U.S. said. " * 5
    expected = tokenize(text)
    found = tokens_of(text)
    assert len(found) == len(expected)
    assert list(found) == list(expected)
    assert [found[k] for k in range(-len(found), len(found))] == [*expected, *expected]
    assert tuple(found[3:40]) == expected[3:40]
    assert tuple(found[::7]) == expected[::7]
    assert list(found.starts) == [t.start for t in expected]


def test_a_long_slice_is_a_lazy_view_of_the_same_tokens(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past a few ten thousand tokens a slice is made a chunk at a time; it reads the same."""
    monkeypatch.setattr(_tokens, "_MATERIALISE", 10)
    monkeypatch.setattr(_tokens, "_CHUNK", 4)
    text = "“(‘[Biden met Xi]’)” in Beijing, said Mr. Wang. " * 3
    expected = tokenize(text)
    view = tokens_of(text)[2:-1]
    assert not isinstance(view, tuple)
    want = expected[2:-1]
    assert len(view) == len(want)
    assert list(view) == list(want)
    order = [5, 0, 17, 16, 3, 30, -1, -len(want), 12, 11, 10, 2]
    assert [view[k] for k in order] == [want[k] for k in order]
    assert tuple(view[4:9]) == want[4:9]
    assert tuple(view[3:25]) == want[3:25]
    assert tuple(view[::5]) == want[::5]
    with pytest.raises(IndexError):
        view[len(want)]


def test_flagged_forms_are_found_without_making_tokens() -> None:
    """A sentence can be tested for a set of words (any case) before its tokens are made."""
    text = "Biden MET Xi. Markets fell."
    found = tokens_of(text)
    flags = found.flags(frozenset({"met"}))
    assert found.flagged(flags, 0, 4)
    assert not found.flagged(flags, 4, len(found))


def test_token_properties() -> None:
    """A token knows whether it is a word and whether it is capitalised."""
    biden, comma, met = tokenize("Biden, met")
    assert biden.is_word
    assert biden.is_cap
    assert not comma.is_word
    assert not comma.is_cap
    assert met.is_word
    assert not met.is_cap


def test_tokenize_phrase() -> None:
    """A phrase's key is the tuple of its token texts."""
    assert tokenize_phrase("Secretary of State") == ("Secretary", "of", "State")
    assert tokenize_phrase("the U.S.") == ("the", "U.S.")


# ---------------------------------------------------------------------------
# Phrase tables
# ---------------------------------------------------------------------------

TITLES = PhraseTable(
    [
        ("Minister", "minister"),
        ("Foreign Minister", "foreign minister"),
        ("Minister of Foreign Affairs", "minister of foreign affairs"),
        ("Secretary", "secretary"),
        ("Secretary of State", "secretary of state"),
        ("Secretary", "secretary (second entry)"),
    ],
    fold=True,
)

PLACES = PhraseTable(
    [
        ("White House", "USA"),
        ("Woodside", "USA"),
        ("Woodside, California", "USA"),
        ("U.S.", "USA"),
    ]
)

FOLDED = [
    pytest.param("Foreign Minister Wang Yi", 0, 2, ("foreign minister",), id="longest-of-two"),
    pytest.param("foreign minister Wang Yi", 0, 2, ("foreign minister",), id="lower-case"),
    pytest.param("FOREIGN MINISTER WANG YI", 0, 2, ("foreign minister",), id="upper-case"),
    pytest.param(
        "the Minister of Foreign Affairs said",
        1,
        4,
        ("minister of foreign affairs",),
        id="longest-of-three",
    ),
    pytest.param("the Minister of Defense", 1, 1, ("minister",), id="falls-back-to-shorter"),
    pytest.param(
        "Secretary of State Blinken", 0, 3, ("secretary of state",), id="secretary-of-state"
    ),
    pytest.param(
        "Treasury Secretary Yellen",
        1,
        1,
        ("secretary", "secretary (second entry)"),
        id="every-value-of-a-phrase",
    ),
    pytest.param("Foreign Ministry", 0, 0, (), id="no-match"),
    pytest.param("the Foreign", 1, 0, (), id="prefix-is-no-match"),
]


@pytest.mark.parametrize(("text", "i", "length", "values"), FOLDED)
def test_folded_table_finds_the_longest_phrase(
    text: str, i: int, length: int, values: tuple[str, ...]
) -> None:
    """A folded table matches regardless of case, the longest phrase first."""
    assert TITLES.match(tokenize(text), i) == (length, values)


EXACT = [
    pytest.param("at the White House", 2, 2, ("USA",), id="exact-case"),
    pytest.param("at the white house", 2, 0, (), id="other-case-is-no-match"),
    pytest.param("in Woodside, California, on", 1, 3, ("USA",), id="longest-with-comma"),
    pytest.param("in Woodside on", 1, 1, ("USA",), id="shorter-when-alone"),
    pytest.param("in the U.S.", 2, 1, ("USA",), id="dotted-abbreviation"),
]


@pytest.mark.parametrize(("text", "i", "length", "values"), EXACT)
def test_exact_table_matches_case(text: str, i: int, length: int, values: tuple[str, ...]) -> None:
    """A table that does not fold matches only the case it was given."""
    assert PLACES.match(tokenize(text), i) == (length, values)


def test_table_membership() -> None:
    """``in`` asks whether a phrase is in the table, folded or not as the table is."""
    assert "foreign minister" in TITLES
    assert "SECRETARY OF STATE" in TITLES
    assert "Foreign Ministry" not in TITLES
    assert "White House" in PLACES
    assert "white house" not in PLACES


def test_match_at_the_last_token() -> None:
    """A match is never looked for past the end of the tokens."""
    toks = tokenize("met the Foreign")
    assert TITLES.match(toks, 2) == (0, ())
    toks = tokenize("with the Secretary")
    assert TITLES.match(toks, 2) == (1, ("secretary", "secretary (second entry)"))


def test_empty_table() -> None:
    """An empty table matches nothing."""
    table: PhraseTable[str] = PhraseTable([])
    assert table.match(tokenize("Xi Jinping"), 0) == (0, ())
    assert "Xi" not in table


def test_a_table_holds_whole_phrases_only() -> None:
    """The start of a longer phrase is not itself in the table."""
    table = PhraseTable([("Foreign Minister", "minister"), ("Prime Minister", "premier")])
    assert "Foreign Minister" in table
    assert "Foreign" not in table
    assert "Foreign Minister Wang" not in table


# --- the ASCII stand-ins give the tokens of the pattern itself -----------------------------------


def _reference_tokens(text: str, start: int, stop: int) -> list[tuple[int, str]]:
    """The tokens as the documented pattern reads them, a match at a time: the
    specification that the faster reading of :func:`tokens_of` must keep."""
    out: list[tuple[int, str]] = []
    last_end = -1
    for m in _tokens._TOKEN.finditer(text, start, stop):
        s, e = m.span()
        if s < last_end:  # the "." already taken by "Mr."
            continue
        word = m.group()
        if e < stop and text[e] == "." and _tokens._takes_dot(word):
            e += 1
            word += "."
        out.append((s, word))
        last_end = e
    return out


def _compact(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, str]]:
    found = tokens_of(text, start, end)
    return [(t.start, t.text) for t in found]


# Characters each class of the stand-ins holds, and the ones that look alike.
_TRICKY = "aZs .’'‐-0123,:/MrGen.ÉéⒶ\u0301\u0903\u00a0\u2028\x00\x01\x02\x1c\x85\n\t½²Ⅻ中文ǅ"
_tricky_text = st.text(alphabet=st.sampled_from(_TRICKY), max_size=80)


@given(st.one_of(_tricky_text, st.text(max_size=200)), st.data())
def test_tokens_are_those_of_the_pattern(text: str, data: st.DataObject) -> None:
    """Whatever the text, and whichever way it is read (ASCII stand-ins or the
    pattern itself), the tokens are the pattern's."""
    start = data.draw(st.integers(0, len(text)))
    stop = data.draw(st.integers(start, len(text)))
    assert _compact(text) == _reference_tokens(text, 0, len(text))
    assert _compact(text, start, stop) == _reference_tokens(text, start, stop)


@pytest.mark.parametrize(
    "text",
    [
        "Mr. " * 5_000,  # many chunks of matches, each ending on a word that takes a dot
        "Mr" + "." * 9_000,
        "A " * 3_000 + "Mr.",
        "Erdoğan met Mr. Ó Cuív ‐ the 1‐2 vote" * 300,  # a few letters beyond ASCII
        "“(‘Biden’)”" * 800,  # many: read by the pattern itself
    ],
)
def test_long_texts_are_read_as_the_pattern_reads_them(text: str) -> None:
    """Chunks of matches join a "." across their edges as one reading would."""
    assert _compact(text) == _reference_tokens(text, 0, len(text))


@given(st.one_of(_tricky_text, st.text(max_size=100)))
def test_a_phrase_is_read_as_a_text(phrase: str) -> None:
    """A table's phrase has the tokens it has in a text."""
    assert tokenize_phrase(phrase) == tuple(word for _, word in _compact(phrase))
