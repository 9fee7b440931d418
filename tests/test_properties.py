"""Properties of parse() on any text, and its input contract.

For any ``str`` — mixed scripts, control characters, NUL, lone surrogates,
diplomatic-looking word soup — ``parse`` returns an Article whose every Span
is exact, the same each time, that survives the JSON round trip, and that
does not change when many threads parse at once.

The number of examples comes from the Hypothesis profile (``tests/conftest.py``):
``HYPOTHESIS_PROFILE=fuzz python -m pytest tests/test_properties.py`` runs far more.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplotext import Article, Gazetteer, Span, parse

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_858710e13cbfc5e3.txt"

# --- strategies --------------------------------------------------------------------------------

# Any code point at all: every script, controls, NUL, private use, lone surrogates.
any_char = st.characters()
any_text = st.text(alphabet=any_char, max_size=300)

# Text that the stages have something to chew on: titles, names, countries,
# meeting verbs, dates, numbers, quotes and brackets, line ends of every kind.
WORDS = (
    # titles and people
    "President",
    "president",
    "Prime Minister",
    "Secretary of State",
    "Foreign Minister",
    "foreign minister",
    "Mr.",
    "Ms.",
    "Dr.",
    "Gen.",
    "King",
    "Chancellor",
    "spokesman",
    "Joe Biden",
    "Biden",
    "Xi Jinping",
    "Xi",
    "Vladimir Putin",
    "Wang Yi",
    "Antony Blinken",
    "Narendra Modi",
    "Emmanuel Macron",
    "Volodymyr Zelensky",
    "a senior administration official",
    "officials",
    "the two leaders",
    "both sides",
    "his counterpart",
    "he",
    "she",
    "they",
    # states, places, organisations
    "China",
    "Chinese",
    "U.S.",
    "United States",
    "American",
    "Russia",
    "Russian",
    "Ukraine",
    "Beijing",
    "Washington",
    "the Kremlin",
    "Moscow",
    "Kyiv",
    "Taiwan",
    "Gaza",
    "Israel",
    "North Korea",
    "NATO",
    "the United Nations",
    "U.N.",
    "White House",
    "EU",
    "Bangkok",
    "Woodside, California",
    "Munich",
    "the South China Sea",
    "ByteDance",
    "TikTok",
    "CNN",
    # meetings and status
    "met",
    "meets",
    "will meet",
    "met with",
    "called",
    "spoke by phone with",
    "held talks",
    "visited",
    "visit",
    "hosted",
    "summit",
    "on the sidelines of",
    "video call",
    "phone call",
    "talks",
    "meeting",
    "planned",
    "scheduled",
    "expected to",
    "hopes to",
    "postponed",
    "cancelled",
    "invited",
    "did not meet",
    "candid",
    "constructive",
    "between",
    "and",
    "with",
    "in",
    "on",
    "at",
    "the",
    "a",
    "of",
    "to",
    "said",
    "discussed",
    "raised",
    "concern",
    "cooperation",
    "trade",
    "tariffs",
    "sanctions",
    "fentanyl",
    "nuclear",
    "climate",
    "human rights",
    "ceasefire",
    "hostages",
    "semiconductors",
    "election interference",
    # dates and durations
    "Tuesday",
    "on Tuesday",
    "Monday",
    "last week",
    "next month",
    "later this week",
    "in November",
    "November 15",
    "Nov. 15, 2023",
    "2024",
    "in July 2022",
    "2024-04-02",
    "last fall",
    "this spring",
    "yesterday",
    "hour-and-45-minute",
    "two-hour",
    "90 minutes",
    "for three days",
    "1998",
    "15",
    "3",
    "0",
    "-1",
    "12-34",
    "1,000",
    "10:30 a.m.",
    # punctuation
    ".",
    ",",
    ";",
    ":",
    "—",
    "–",
    "-",
    "(",
    ")",
    "[",
    "]",
    '"',
    "'",
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "...",
    "?",
    "!",
    "/",
    "&",
    "<p>",
    "</p>",
    "<br/>",
    "&amp;",
)
SEPARATORS = (" ", " ", " ", "  ", "\n", "\n\n", "\r\n", "\t", ". ", ", ", "\u00a0", "\u2028", "")

diplomatic_text = st.lists(
    st.tuples(
        st.one_of(
            st.sampled_from(WORDS),
            st.sampled_from(WORDS).map(str.upper),
            st.sampled_from(WORDS).map(str.lower),
            st.text(alphabet=any_char, max_size=4),
        ),
        st.sampled_from(SEPARATORS),
    ),
    max_size=80,
).map(lambda pairs: "".join(w + s for w, s in pairs))

texts = st.one_of(any_text, diplomatic_text, st.text(max_size=300))


# --- helpers -----------------------------------------------------------------------------------


def spans(record: object) -> Iterator[Span]:
    """Every Span anywhere in a record: mentions, evidence, date and location spans."""
    if isinstance(record, Span):
        yield record
    elif isinstance(record, tuple | list):
        for item in record:
            yield from spans(item)
    elif attrs.has(type(record)):
        for field in attrs.fields(type(record)):
            yield from spans(getattr(record, field.name))


def assert_spans_exact(article: Article, text: str) -> None:
    """Every span of the article is the stretch of ``text`` it says it is."""
    for s in spans(article):
        assert 0 <= s.start <= s.end <= len(text), s
        assert text[s.start : s.end] == s.text, s


# --- properties --------------------------------------------------------------------------------


@given(texts)
def test_parse_returns_an_article_with_exact_spans(text: str) -> None:
    """For any str, parse returns an Article whose every span is exact."""
    article = parse(text)
    assert isinstance(article, Article)
    assert article.text == text
    assert_spans_exact(article, text)


@given(diplomatic_text, st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_parse_with_published_date(text: str, published: dt.date) -> None:
    """With a publication date too, spans are exact and dates are real ranges."""
    article = parse(text, published=published)
    assert article.published == published
    assert_spans_exact(article, text)
    for meeting in article.meetings:
        if meeting.date is not None:
            assert meeting.date.start <= meeting.date.end


@given(texts)
def test_parse_is_deterministic(text: str) -> None:
    """The same input gives the same output."""
    first = parse(text, published="2024-04-02")
    second = parse(text, published="2024-04-02")
    assert first == second
    assert first.to_dict() == second.to_dict()


@given(texts)
def test_json_round_trip(text: str) -> None:
    """``from_dict(to_dict())`` gives the Article back, and ``to_json`` is valid JSON."""
    article = parse(text, published="2024-04-02")
    assert Article.from_dict(article.to_dict()) == article
    data = json.loads(article.to_json())
    assert Article.from_dict(data) == article


# Each example builds a cold gazetteer's patterns (about 0.1 s): a fifth of the
# profile's examples keeps the default run short and the fuzz run long.
@settings(max_examples=max(10, settings.default.max_examples // 5))
@given(st.lists(texts, min_size=1, max_size=6))
def test_parse_is_thread_safe(batch: list[str]) -> None:
    """Several threads parsing at once give the same results as one after another."""
    serial = [parse(t) for t in batch]
    fresh = Gazetteer.default().extended()  # a cold gazetteer: the threads race to build patterns
    with ThreadPoolExecutor(max_workers=4) as pool:
        threaded = list(pool.map(lambda t: parse(t, gazetteer=fresh), batch * 2))
    assert threaded == serial * 2


def test_threads_on_real_articles() -> None:
    """Eight threads over the seed article and its variants, on one cold gazetteer."""
    seed = SEED.read_text(encoding="utf-8")
    batch = [seed, seed.replace("\n", "\r\n"), seed[:3000], seed.upper(), seed.replace("\n", " ")]
    serial = [parse(t, published="2024-04-02") for t in batch]
    g = Gazetteer.default().extended()
    with ThreadPoolExecutor(max_workers=8) as pool:
        threaded = list(
            pool.map(lambda t: parse(t, published="2024-04-02", gazetteer=g), batch * 4)
        )
    assert threaded == serial * 4


# --- the input contract ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"Biden met Xi.", id="bytes"),
        pytest.param(bytearray(b"Biden met Xi."), id="bytearray"),
        pytest.param(memoryview(b"Biden met Xi."), id="memoryview"),
    ],
)
def test_bytes_are_refused_with_a_hint(data: object) -> None:
    """Bytes are a TypeError that says to decode them."""
    with pytest.raises(TypeError, match=r"decode"):
        parse(data)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "type_name"),
    [
        pytest.param(42, "int", id="int"),
        pytest.param(None, "NoneType", id="none"),
        pytest.param(["Biden met Xi."], "list", id="list"),
        pytest.param(3.5, "float", id="float"),
    ],
)
def test_non_str_is_a_type_error(value: object, type_name: str) -> None:
    """Anything but a str is a TypeError naming the type."""
    with pytest.raises(TypeError, match=type_name):
        parse(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "published",
    [
        pytest.param("yesterday", id="word"),
        pytest.param("2024-13-45", id="bad-month"),
        pytest.param("", id="empty"),
        pytest.param("04/02/2024", id="us-format"),
    ],
)
def test_bad_published_string_is_a_value_error_naming_it(published: str) -> None:
    """A publication date that is not ISO is a ValueError quoting the value."""
    with pytest.raises(ValueError, match=repr(published)):
        parse("Biden met Xi on Tuesday.", published=published)


@pytest.mark.parametrize(
    "published",
    [pytest.param(20240402, id="int"), pytest.param(1.5, id="float"), pytest.param([], id="list")],
)
def test_published_of_another_type_is_a_value_error(published: object) -> None:
    """A publication date of another type is a ValueError naming the type."""
    with pytest.raises(ValueError, match=type(published).__name__):
        parse("Biden met Xi on Tuesday.", published=published)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "published",
    [
        pytest.param(dt.date(2024, 4, 2), id="date"),
        pytest.param(dt.datetime(2024, 4, 2, 9, 30), id="datetime"),
        pytest.param("2024-04-02", id="iso"),
        pytest.param("2024-04-02T09:30:00", id="iso-datetime"),
    ],
)
def test_published_accepted_forms(published: dt.date | str) -> None:
    """A date, a datetime or an ISO string all give the same day."""
    assert parse("Biden met Xi.", published=published).published == dt.date(2024, 4, 2)


@pytest.mark.parametrize("text", ["", " ", "\n", "\r\n\r\n", "\t \u00a0\u2003\n", " " * 10_000])
def test_empty_and_blank_text_give_an_empty_article(text: str) -> None:
    """Empty and whitespace-only text give an Article with nothing in it."""
    article = parse(text, published="2024-04-02")
    assert article == Article(text=text, published=dt.date(2024, 4, 2))


def _seed() -> str:
    return SEED.read_text(encoding="utf-8")


def _html(text: str) -> str:
    paras = "".join(f'<p class="story">{p}</p>\n' for p in text.split("\n"))
    return f"<html><head><title>Biden &amp; Xi</title></head><body>\n{paras}</body></html>"


def _rtl(text: str) -> str:
    arabic = "التقى الرئيس بايدن بالرئيس شي يوم الثلاثاء. "
    hebrew = "\u202bהנשיא ביידן שוחח עם שי\u202c "
    return "\n".join(arabic + p + " " + hebrew for p in text.split("\n"))


def _emoji(text: str) -> str:
    return text.replace(" ", " 🇺🇸 ", 40).replace(".", ". 🤝👨‍👩‍👧", 20)


def _straight_quotes(text: str) -> str:
    return text.translate(str.maketrans({"“": '"', "”": '"', "’": "'", "‘": "'"}))


def _controls(text: str) -> str:
    return text.replace(" the ", " the\x00 ").replace(",", ",\x07\x1b").replace("\n", "\x0b\x0c\n")


def _surrogates(text: str) -> str:
    return text.replace(". ", ". \ud83d ", 10).replace(" and ", " \udfff and ")


@pytest.mark.parametrize(
    "transform",
    [
        pytest.param(lambda t: t, id="as-is"),
        pytest.param(_html, id="html-tags"),
        pytest.param(lambda t: t.replace("\n", "\r\n"), id="windows-line-ends"),
        pytest.param(lambda t: t.replace("\n", "\r"), id="old-mac-line-ends"),
        pytest.param(lambda t: t.replace("\n", " "), id="no-line-ends"),
        pytest.param(_rtl, id="right-to-left"),
        pytest.param(_emoji, id="emoji"),
        pytest.param(_straight_quotes, id="straight-quotes"),
        pytest.param(lambda t: _straight_quotes(t).replace('"', "“", 1), id="mixed-quotes"),
        pytest.param(_controls, id="control-chars-and-nul"),
        pytest.param(_surrogates, id="lone-surrogates"),
        pytest.param(lambda t: "\ufeff" + t, id="byte-order-mark"),
        pytest.param(lambda t: t.replace(" ", "\u00a0"), id="no-break-spaces"),
    ],
)
def test_awkward_forms_of_a_real_article(transform: object) -> None:
    """The seed article in awkward dress still parses, with exact spans."""
    text = transform(_seed())  # type: ignore[operator]
    article = parse(text, published="2024-04-02")
    assert_spans_exact(article, text)
    assert article.actors, "nothing found: the stages gave up on this form"
    assert Article.from_dict(json.loads(article.to_json())) == article
