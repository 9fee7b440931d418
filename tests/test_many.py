"""parse_many: streaming, order-preserving, the same results in one process or many."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from diplotext import Article, Gazetteer, Person, _many, _parse, parse
from diplotext._many import parse_many

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

SHORT = [
    "President Joe Biden spoke by phone with Chinese President Xi Jinping on Tuesday.",
    "Secretary of State Antony Blinken met Wang Yi in Beijing last week.",
    "",
    "Russian President Vladimir Putin hosted Indian Prime Minister Narendra Modi in Moscow.",
    "The two leaders discussed trade, Taiwan and fentanyl.",
    "   \n\t ",
    "French President Emmanuel Macron called Ukrainian President Volodymyr Zelensky.",
]


def _texts() -> list[str]:
    """The short texts, each repeated with the seed article between them."""
    seed = (SEEDS / "000_858710e13cbfc5e3.txt").read_text(encoding="utf-8")
    return [*SHORT, seed, *SHORT[::-1], seed[:2000]]


# --- order and equality ------------------------------------------------------------------------


@pytest.mark.parametrize("workers", [1, 2])
def test_order_preserved(workers: int) -> None:
    """The n-th result is the Article of the n-th input."""
    texts = _texts()
    articles = list(parse_many(texts, workers=workers, chunksize=2))
    assert [a.text for a in articles] == texts


def test_workers_one_and_two_agree() -> None:
    """One process and a pool of two give equal Articles, equal to parse()."""
    texts = _texts()
    serial = list(parse_many(texts))
    pooled = list(parse_many(texts, workers=2))
    assert serial == pooled
    assert serial == [parse(t) for t in texts]


@pytest.mark.parametrize("chunksize", [None, 1, 3, 100])
def test_chunksize_does_not_change_results(chunksize: int | None) -> None:
    """Any batch size gives the same Articles, in order."""
    texts = SHORT * 3
    assert list(parse_many(texts, workers=2, chunksize=chunksize)) == [parse(t) for t in texts]


def test_empty_input() -> None:
    """No texts, no Articles, in both modes."""
    assert list(parse_many([])) == []
    assert list(parse_many([], workers=2)) == []


# --- published ---------------------------------------------------------------------------------


@pytest.mark.parametrize("workers", [1, 2])
def test_tuples_with_published(workers: int) -> None:
    """``(text, published)`` pairs resolve dates against their own publication date."""
    text = SHORT[0]
    items: list[str | tuple[str, dt.date | str | None]] = [
        (text, "2024-04-02"),
        (text, dt.date(2023, 11, 15)),
        (text, dt.datetime(2024, 1, 5, 12, 30)),
        (text, None),
        text,
    ]
    articles = list(parse_many(items, workers=workers))
    assert [a.published for a in articles] == [
        dt.date(2024, 4, 2),
        dt.date(2023, 11, 15),
        dt.date(2024, 1, 5),
        None,
        None,
    ]
    assert articles[0] == parse(text, published="2024-04-02")
    assert articles[1] == parse(text, published=dt.date(2023, 11, 15))


def test_custom_gazetteer_reaches_the_workers() -> None:
    """An extended gazetteer is used in the pool just as in one process."""
    g = Gazetteer.default().extended(people=[Person("Kaja Kallas", "High Representative", None)])
    texts = ["Kaja Kallas met Wang Yi in Brussels on Tuesday.", *SHORT[:2]]
    serial = list(parse_many(texts, gazetteer=g))
    assert serial == [parse(t, gazetteer=g) for t in texts]
    assert list(parse_many(texts, workers=2, gazetteer=g)) == serial


# --- streaming ---------------------------------------------------------------------------------


@pytest.mark.parametrize("workers", [1, 2])
def test_reads_input_lazily(workers: int) -> None:
    """An endless generator is read only a bounded way ahead of the results."""
    read = 0

    def endless() -> Iterator[str]:
        nonlocal read
        for n in itertools.count():
            read += 1
            yield SHORT[n % len(SHORT)]

    articles = parse_many(endless(), workers=workers, chunksize=2)
    first = list(itertools.islice(articles, 5))
    assert [a.text for a in first] == SHORT[:5]
    assert read < 5 + 2 * 4 * workers + 2
    articles.close()  # type: ignore[attr-defined]


def test_nothing_read_before_iteration() -> None:
    """The returned iterator starts reading only when iterated."""
    read = []

    def texts() -> Iterator[str]:
        read.append(1)
        yield "Biden met Xi."

    articles = parse_many(texts())
    assert read == []
    assert [a.text for a in articles] == ["Biden met Xi."]


# --- errors ------------------------------------------------------------------------------------


@pytest.mark.parametrize("workers", [0, -1])
def test_workers_below_one(workers: int) -> None:
    """Fewer than one worker is a ValueError, raised at the call."""
    with pytest.raises(ValueError, match="workers must be at least 1"):
        parse_many(SHORT, workers=workers)


@pytest.mark.parametrize("workers", [1.5, "2", True])
def test_workers_not_an_int(workers: object) -> None:
    """A worker count that is not an int is a TypeError."""
    with pytest.raises(TypeError, match="workers must be an int"):
        parse_many(SHORT, workers=workers)  # type: ignore[arg-type]


def test_chunksize_below_one() -> None:
    """A batch size below one is a ValueError."""
    with pytest.raises(ValueError, match="chunksize must be at least 1"):
        parse_many(SHORT, workers=2, chunksize=0)


def test_a_single_string_is_not_a_corpus() -> None:
    """A str given as ``texts`` is a TypeError, not one article per character."""
    with pytest.raises(TypeError, match="iterable of texts"):
        parse_many("Biden met Xi.")


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        pytest.param(b"Biden met Xi.", r"item 2: .*bytes.*decode", id="bytes"),
        pytest.param(
            42, r"item 2: expected a str or a \(text, published\) tuple, not int", id="int"
        ),
        pytest.param(None, r"item 2: .*NoneType", id="none"),
        pytest.param(("a", "b", "c"), r"item 2: .*tuple", id="triple"),
        pytest.param((b"x", None), r"item 2: the text must be str, not bytes", id="bytes-in-pair"),
        pytest.param(["Biden met Xi.", None], r"item 2: .*list", id="list"),
    ],
)
@pytest.mark.parametrize("workers", [1, 2])
def test_bad_item_type(bad: object, message: str, workers: int) -> None:
    """A bad item is a TypeError naming its index, after the items before it."""
    items = [SHORT[0], SHORT[1], bad, SHORT[3]]
    out: list[Article] = []
    with pytest.raises(TypeError, match=message):
        out.extend(parse_many(items, workers=workers, chunksize=1))  # type: ignore[arg-type]
    assert [a.text for a in out] == SHORT[:2]


@pytest.mark.parametrize("published", ["yesterday", "2024-13-01", 20240402])
@pytest.mark.parametrize("workers", [1, 2])
def test_bad_published(published: object, workers: int) -> None:
    """A bad publication date is a ValueError naming the item and the value."""
    items = [SHORT[0], (SHORT[1], published)]
    with pytest.raises(ValueError, match=rf"item 1: .*{published!r}"):
        list(parse_many(items, workers=workers))  # type: ignore[arg-type]


@pytest.mark.parametrize("workers", [1, 2])
def test_error_in_parse_names_the_item(workers: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """An exception inside parse comes out as it is, with a note naming the item."""
    if workers > 1 and _many._context().get_start_method() != "fork":
        pytest.skip("the patched parse reaches the workers only when they are forked")
    real = _parse.parse

    def broken(text: str, **kwargs: Any) -> Article:
        if text == "boom":
            raise RuntimeError("stage bug")
        return real(text, **kwargs)

    monkeypatch.setattr(_parse, "parse", broken)
    out: list[Article] = []
    with pytest.raises(RuntimeError, match="stage bug") as info:
        out.extend(parse_many([SHORT[0], "boom", SHORT[1]], workers=workers, chunksize=1))
    assert [a.text for a in out] == SHORT[:1]
    assert "while parsing item 1" in "".join(getattr(info.value, "__notes__", []))


@pytest.mark.parametrize("workers", [1, 2])
def test_error_in_the_input_iterator(workers: int) -> None:
    """An exception raised by the caller's iterator comes out after the items before it."""

    def texts() -> Iterator[str]:
        yield SHORT[0]
        raise RuntimeError("disk gone")

    out: list[Article] = []
    with pytest.raises(RuntimeError, match="disk gone"):
        out.extend(parse_many(texts(), workers=workers))
    assert [a.text for a in out] == SHORT[:1]
