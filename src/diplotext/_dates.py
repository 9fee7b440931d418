"""Dates and durations in news sentences: find the words, then resolve them.

Finding and resolving are separate steps. :func:`find_dates` returns
:class:`DateExpr` records: where a date expression is, what it says ("last
fall", "on Tuesday", "Nov. 4-5") and which way in time the phrase itself
points. :func:`resolve` turns one into a :class:`~diplotext.DateRange`
against the publication date and the tense of the event it belongs to, at the
precision the words give: a day, a week, a month, a season or a year.

Nothing here reads the clock: without a publication date only expressions that
carry their own year resolve. :class:`DateParser` reads the short absolute
phrases the patterns found ("November 4, 2006") itself, exactly as
``dateparser`` does; ``dateparser`` is imported lazily, only by it, and only
for a phrase in another form, never a sentence.

>>> text = "Biden and Xi last spoke by phone in July 2022."
>>> [d.text for d in find_dates(text)]
['in July 2022']
>>> resolve(find_dates(text)[0], None).start
datetime.date(2022, 7, 1)

The work is split by job: the records live in :mod:`._date_exprs`, the word
lists and patterns in :mod:`._date_words`, resolving and ``dateparser`` in
:mod:`._date_resolve`; this module finds expressions and is the stage's one
entry point, re-exporting :class:`DateExpr`, :class:`DurationExpr`,
:func:`resolve` and :class:`DateParser`.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Final, Generic, TypeVar

import attrs
import regex

from ._date_exprs import DateExpr, DurationExpr, DurationUnit, Mod
from ._date_resolve import DateParser, resolve
from ._date_words import (
    _AGO,
    _AMBIGUOUS_MONTHS,
    _DAY_MONTH,
    _DURATION,
    _ISO,
    _LETTERS_AND_DIGITS,
    _MODS,
    _MONTH,
    _MONTH_ABBREVIATIONS,
    _MONTH_DAY,
    _MONTH_NUMBERS,
    _MONTHS,
    _NUMBER_WORDS,
    _PART_OF,
    _PART_OF_WORDS,
    _PARTS,
    _RELATIVE,
    _SEASON,
    _SEASONS,
    _SHARE_OF,
    _SHARES,
    _UNITS,
    _VAGUE,
    _WEEK_OF,
    _WEEKDAY,
    _WEEKDAYS,
    _WEEKS_OF_MONTH,
    _WORD_CHARACTERS,
    _YEAR,
    _compile,
    _from_anchor,
    _patterns,
    _Words,
    _words_back,
)

__all__ = [
    "DateExpr",
    "DateParser",
    "DurationExpr",
    "find_dates",
    "find_durations",
    "resolve",
]


# ---------------------------------------------------------------------------
# Finding dates
# ---------------------------------------------------------------------------


def _month_number(name: str | None) -> int | None:
    """1..12 for a month name or abbreviation ("Nov." → 11), else None."""
    if name is None:
        return None
    return _MONTH_NUMBERS.get(name.rstrip("."))


def _int(value: str | None) -> int | None:
    return None if value is None else int(value)


def _rel_offset(rel: str | None) -> int | None:
    """-1 for "last", "this past"; +1 for "next", "this coming"; 0 for "this"."""
    if rel is None:
        return None
    words = rel.lower().split()
    if words[0] == "last" or words[-1] == "past":
        return -1
    if words[0] == "next" or words[-1] == "coming":
        return 1
    if words[0] == "this":
        return 0
    return None


def _mod(m: regex.Match[str]) -> Mod | None:
    """The modifier a match captured in its ``mod`` group ("late April"), if any."""
    word = m["mod"]
    return None if word is None else _MODS[word.lower()]


def _direction(offset: int | None) -> int:
    return 0 if offset is None else (offset > 0) - (offset < 0)


def _where(text: str, m: regex.Match[str]) -> tuple[int, int, str]:
    """A match's start, end and text, the first fields of a record."""
    start, end = m.span()
    return start, end, text[start:end]


def _from_iso(text: str, m: regex.Match[str]) -> DateExpr | None:
    return DateExpr(
        *_where(text, m),
        0,
        "day",
        year=int(m["year"]),
        month=int(m["month"]),
        day=int(m["day"]),
    )


def _from_day(text: str, m: regex.Match[str]) -> DateExpr | None:
    month = _month_number(m["month"])
    if month is None:
        return None
    end_month = _month_number(m.groupdict().get("end_month"))
    day, year = m["day"], m["year"]
    month_first = "end_month" in m.re.groupindex  # only _MONTH_DAY writes the month first
    core = f"{m['month']} {day}" if month_first else f"{day} {m['month']}"
    if year is not None:
        core += f", {year}" if month_first else f" {year}"
    return DateExpr(
        *_where(text, m),
        0,
        "day",
        year=_int(year),
        month=month,
        day=int(day),
        end_month=end_month,
        end_day=_int(m["end_day"]),
        phrase=core,
    )


def _licensed(text: str, start: int) -> bool:
    """Whether the word just before ``start`` makes "May" or "March" a month."""
    return _patterns().licensing_before.search(text[max(0, start - 32) : start]) is not None


def _from_month(text: str, m: regex.Match[str]) -> DateExpr | None:
    name = m["month"]
    month = _month_number(name)
    year = m["year"]
    if month is None or (name.endswith(".") and year is None):
        return None
    licensed = m["prep"] or m["rel"] or m["mod"] or year
    if name in _AMBIGUOUS_MONTHS and not licensed and not _licensed(text, m.start()):
        return None
    offset = _rel_offset(m["rel"])
    return DateExpr(
        *_where(text, m),
        _direction(offset),
        "month",
        year=_int(year),
        month=month,
        offset=offset,
        phrase="" if year is None else f"{name} {year}",
        mod=_mod(m),
    )


def _from_weekday(text: str, m: regex.Match[str]) -> DateExpr | None:
    offset = _rel_offset(m["rel"])
    return DateExpr(
        *_where(text, m),
        _direction(offset),
        "weekday",
        weekday=_WEEKDAYS.index(m["weekday"]),
        offset=offset,
    )


def _from_relative(text: str, m: regex.Match[str]) -> DateExpr | None:
    if m["today"] is not None:
        return DateExpr(*_where(text, m), 0, "relative", unit="day", offset=0)
    if m["yesterday"] is not None:
        return DateExpr(*_where(text, m), -1, "relative", unit="day", offset=-1)
    if m["tomorrow"] is not None:
        return DateExpr(*_where(text, m), 1, "relative", unit="day", offset=1)
    unit = _UNITS[m["unit"].lower()]
    if m["part"] is not None:
        part = _PARTS[m["part"].lower()]
        return DateExpr(
            *_where(text, m),
            -1 if part == "earlier" else 1,
            "relative",
            unit=unit,
            offset=0,
            part=part,
        )
    offset = _rel_offset(m["rel"])
    return DateExpr(
        *_where(text, m), _direction(offset), "relative", unit=unit, offset=offset, mod=_mod(m)
    )


def _from_week_of(text: str, m: regex.Match[str]) -> DateExpr | None:
    week = _WEEKS_OF_MONTH[m["ordinal"].lower()]
    if m["rel"] is not None:
        offset = _rel_offset(m["rel"])
        return DateExpr(
            *_where(text, m), _direction(offset), "relative", unit="month", offset=offset, week=week
        )
    return _named_month(text, m, week=week)


def _from_ago(text: str, m: regex.Match[str]) -> DateExpr | None:
    n = _number(m["count"])
    if n is None:
        return None
    if not m["unit"].lower().startswith("day"):
        return DateExpr(*_where(text, m), -1, "vague")  # "two weeks ago": no day
    return DateExpr(*_where(text, m), -1, "relative", unit="day", offset=-n)


def _from_part_of(text: str, m: regex.Match[str]) -> DateExpr | None:
    mod = _PART_OF_WORDS[m["part"].lower()]
    if m["unit"] is not None:
        rel = m["rel"].lower()
        offset = 0 if rel == "the" else _rel_offset(rel)
        unit = _UNITS[m["unit"].lower()]
        return DateExpr(
            *_where(text, m), _direction(offset), "relative", unit=unit, offset=offset, mod=mod
        )
    if m["month"] is None:
        return DateExpr(*_where(text, m), 0, "year", year=int(m["year"]), mod=mod)
    return _named_month(text, m, mod=mod)


def _named_month(
    text: str, m: regex.Match[str], *, mod: Mod | None = None, week: int | None = None
) -> DateExpr:
    """The month group ``m`` names, with its year if given and the part of it
    meant ("the end of May 2023", "the third week of April")."""
    name, year = m["month"], m["year"]
    return DateExpr(
        *_where(text, m),
        0,
        "month",
        year=_int(year),
        month=_month_number(name),
        phrase="" if year is None else f"{name} {year}",
        mod=mod,
        week=week,
    )


def _from_share_of(text: str, m: regex.Match[str]) -> DateExpr | None:
    parts = _SHARES[m["share"].lower()]
    ordinal = _WEEKS_OF_MONTH[m["ordinal"].lower()]  # first .. fourth, last: -1
    n = parts if ordinal < 0 else ordinal
    if n > parts:
        return None  # "the third half"
    if m["rel"] is not None:
        offset = _rel_offset(m["rel"])
        return DateExpr(
            *_where(text, m),
            _direction(offset),
            "relative",
            unit="year",
            offset=offset,
            share=(n, parts),
        )
    return DateExpr(*_where(text, m), 0, "year", year=int(m["year"]), share=(n, parts))


def _from_year(text: str, m: regex.Match[str]) -> DateExpr | None:
    return DateExpr(*_where(text, m), 0, "year", year=int(m["year"]), mod=_mod(m))


def _from_season(text: str, m: regex.Match[str]) -> DateExpr | None:
    rel = m["rel"]
    mod = None if rel is None else _MODS.get(rel.lower())
    offset = _rel_offset(rel)
    year = m["year"]
    if year is None:
        if m["prep"] is None and offset is None:
            return None  # "the spring", "an early spring", "prices fall"
        if _patterns().of_after.match(text, m.end()) is not None:
            return None  # "in the fall of Kabul"
    return DateExpr(
        *_where(text, m),
        _direction(offset),
        "season",
        year=_int(year),
        season=_SEASONS[m["season"].lower()],
        offset=offset,
        mod=mod,
    )


def _from_vague(text: str, m: regex.Match[str]) -> DateExpr | None:
    return DateExpr(*_where(text, m), 1 if m["future"] is not None else -1, "vague")


_T = TypeVar("_T", DateExpr, DurationExpr)
_Build = Callable[[str, regex.Match[str]], _T | None]


@attrs.frozen
class _Finder(Generic[_T]):
    """Patterns scanned from the same anchors (see ``_date_words``).

    Attributes:
        anchors: Strings one of which starts a word of every match, at most
            its pattern's reach words after the match's start ("May" in "in
            early May": 2).
        words: Words one of which every match holds whole, lower-cased,
            each starting where an anchor does and as few words after the
            match's start (see ``_words``).
        spelled: Each of ``words`` as spelled in the window (or in the
            lower-cased window if ``folded``): the anchors looked for in a
            window that holds the word.
        folded: Whether ``anchors`` and ``hints`` are lower-case, looked for
            in the lower-cased window.
        back: Reaches back from an anchor over the most words a match has
            before one (``_words_back``).
        patterns: For each pattern, its source (for ``finditer``, see
            ``_plain``), the pattern from an anchor (``_from_anchor``), the
            most words a match has before an anchor, and the function that
            reads a match (into a record, or None).
        hints: Strings one of which the window must also hold for the
            patterns to be tried, if any: kept for the vague and duration
            patterns, always tried only in a window with one, though a match
            may have none ("in the not too distant weeks", "two\tdays").
    """

    anchors: tuple[str, ...]
    words: frozenset[bytes]
    spelled: Mapping[bytes, str]
    folded: bool
    back: regex.Pattern[str]
    patterns: tuple[tuple[str, regex.Pattern[str], int, _Build[_T]], ...]
    hints: tuple[str, ...] = ()


def _finder(
    anchors: tuple[str, ...],
    folded: bool,
    *patterns: tuple[str, int, _Build[_T]],
    words: tuple[str, ...] | None = None,
    hints: tuple[str, ...] = (),
    run: _Words = _WORD_CHARACTERS,
) -> _Finder[_T]:
    """A finder for ``patterns``: (source, most words before an anchor, build).

    ``words`` defaults to ``anchors``, as spelled; ``run`` is what a word is
    (see ``_date_words``).
    """
    spelled = {word.lower().encode("ascii"): word for word in words or anchors}
    return _Finder(
        anchors,
        frozenset(spelled),
        MappingProxyType(spelled),
        folded,
        _words_back(run, max(reach for _source, reach, _build in patterns)),
        tuple(
            (source, _from_anchor(source, run, reach), reach, build)
            for source, reach, build in patterns
        ),
        hints,
    )


_RELATIVE_ANCHORS: Final = (
    *("today", "tonight", "yesterday", "tomorrow", "week", "month", "year"),
    *("morning", "afternoon", "evening", "night"),
)
_VAGUE_HINTS: Final = (
    *("soon", "shortly", "later", "earlier", "recent", "lately", "previously"),
    *("past", "last", "time", "future", "coming", "next", "near", "foreseeable"),
)


@functools.cache
def _plain(source: str) -> regex.Pattern[str]:
    """A finder's pattern as it is, compiled on first use (rarely: see ``_scan``)."""
    return _compile(source)


@functools.cache
def _finders() -> tuple[_Finder[DateExpr], ...]:
    """The date patterns, grouped by anchors, in the order their ties are kept.

    Built once per process: one immutable value. Beside each reach, the
    most words a match has before its anchor.
    """
    return (
        _finder(
            tuple(f"{month:02}" for month in range(1, 13)),  # "05" in "2024-05-01"
            False,
            (_ISO, 2, _from_iso),  # "on 2024"-05-01
        ),
        _finder(
            tuple(name[:3] for name in _MONTHS),  # "Jan" .. "Dec", as cased
            False,
            (_MONTH_DAY, 2, _from_day),  # "on Tuesday," Nov. 4
            (_DAY_MONTH, 5, _from_day),  # "on the 4th-5th of" November
            (_MONTH, 2, _from_month),  # "in early" May
            words=(*_MONTHS, *_MONTH_ABBREVIATIONS),
        ),
        _finder(_WEEKDAYS, False, (_WEEKDAY, 3, _from_weekday)),  # "this coming late" Tuesday
        _finder(
            _RELATIVE_ANCHORS,
            True,
            (_RELATIVE, 3, _from_relative),  # "early this coming" week
            words=(*_RELATIVE_ANCHORS, "weekend"),
        ),
        _finder(("ago",), True, (_AGO, 3, _from_ago)),  # "forty five days" ago
        _finder(("week",), True, (_WEEK_OF, 3, _from_week_of)),  # "in the third" week
        _finder(
            ("beginning", "start", "middle", "end"), True, (_PART_OF, 2, _from_part_of)
        ),  # "at the" end
        _finder(("quarter", "half"), True, (_SHARE_OF, 3, _from_share_of)),  # "in the first" half
        _finder(
            ("18", "19", "20", "21"),
            False,
            (_YEAR, 2, _from_year),  # "in early" 2023
            words=tuple(str(year) for year in range(1800, 2200)),
        ),
        _finder(tuple(_SEASONS), True, (_SEASON, 4, _from_season)),  # "in the this coming" fall
        _finder(
            (*_VAGUE_HINTS, "distant"),
            True,
            (_VAGUE, 4, _from_vague),  # "in the not too" distant
            words=(*_VAGUE_HINTS, "distant", "recently"),
            hints=_VAGUE_HINTS,
        ),
    )


def _holds(haystack: str, hints: tuple[str, ...]) -> bool:
    """Whether ``haystack`` holds one of ``hints``."""
    # A plain loop: any() over a generator takes about 1.7x as long here.
    for hint in hints:  # noqa: SIM110
        if hint in haystack:
            return True
    return False


_ASCII: Final = frozenset(map(chr, range(128)))
# ASCII letters and digits as they are, lower-cased; any other byte a space.
_WORD_BYTES: Final = bytes(
    byte if chr(byte).isascii() and chr(byte).isalnum() else ord(" ") for byte in range(256)
).lower()


# Characters that may read as an ASCII letter or digit of a word: "K" (Kelvin),
# "ſ" and "İ" match "k", "s" and "i" under (?i); and the digits of other scripts.
_ODD_CHARACTERS: Final = "\u212a\u017f\u0130"


def _words(window: str) -> list[bytes] | None:
    """The ASCII words (runs of letters and digits) of a window, lower-cased.

    Every word a pattern needs whole ("week" in "last week", "2023" in
    "mid-2023") is one of these, unless the window holds one of
    ``_ODD_CHARACTERS`` or a digit of another script: then None.
    """
    if not window.isascii():
        for char in set(window).difference(_ASCII):
            if char.isdecimal() or char in _ODD_CHARACTERS:
                return None
    return window.encode("ascii", "replace").translate(_WORD_BYTES).split()


@functools.cache
def _date_words() -> frozenset[bytes]:
    """The words of all the date finders: a window with none (``_words``) has no date."""
    return frozenset().union(*(finder.words for finder in _finders()))


# An anchor found: where it is, the starts of the words before it (the
# nearest first, as many as the finder reaches back), and the first of them
# (the anchor's own start if none).
_Anchor = tuple[int, list[int], int]


def _anchors(
    text: str,
    finder: _Finder[_T],
    haystack: str,
    start: int,
    held: Iterable[bytes] | None,
) -> list[_Anchor]:
    """The finder's anchors in ``haystack`` (``text`` from ``start``) that start a word,
    in text order; the finder's words the window ``held``, if known, else all its anchors.
    """
    if held is None:
        anchors: Iterable[str] = finder.anchors
    else:
        anchors = [finder.spelled[word] for word in held]
    found = set()
    for anchor in anchors:
        i = haystack.find(anchor)
        while i >= 0:
            found.add(i)
            i = haystack.find(anchor, i + 1)
    out = []
    for i in sorted(found):
        m = finder.back.match(text, start, start + i)
        if m is not None:
            out.append((start + i, m.starts(1), m.start()))
    return out


def _from_anchors(
    pattern: regex.Pattern[str], reach: int, text: str, anchors: list[_Anchor], end: int
) -> Iterator[regex.Match[str]]:
    """The matches of a ``_from_anchor`` pattern: those of ``finditer`` over the window.

    Every match has an anchor and starts at most ``reach`` words before it,
    so trying from each anchor in turn (from a match's end on) finds them all.
    """
    pos = 0
    for anchor, before, first in anchors:
        if anchor < pos:
            continue
        low = before[reach - 1] if 0 < reach <= len(before) else first if reach else anchor
        m = pattern.match(text, max(low, pos), end)
        if m is not None:
            yield m
            pos = m.end()


def _exotic(window: str, lowered: str) -> bool:
    """Whether the lower-cased window is no place to look for lower-case anchors.

    Its offsets are the window's only when lower-casing keeps every length
    ("İ" gives two characters), and only "ſ" matches a letter of an anchor
    under ``(?i)`` ("s") but lower-cases to another.
    """
    return len(lowered) != len(window) or "ſ" in window


def _scan(
    finder: _Finder[_T],
    text: str,
    start: int,
    end: int,
    haystack: str,
    held: Iterable[bytes] | None,
) -> list[_T]:
    """What the finder's patterns find in ``text[start:end]``, pattern by pattern.

    ``haystack`` is the window, lower-cased if the finder's anchors are;
    ``held`` the finder's words it holds, None if not known (``_words``).
    When they are not and lower-casing the window is ``_exotic``, the
    patterns scan it whole if it holds an anchor.
    """
    found: list[_T] = []
    if finder.hints and not _holds(haystack, finder.hints):
        return found
    if held is None and finder.folded and _exotic(text[start:end], haystack):
        if finder.hints or _holds(haystack, finder.anchors):
            for source, _anchored, _reach, build in finder.patterns:
                for m in _plain(source).finditer(text, start, end):
                    record = build(text, m)
                    if record is not None:
                        found.append(record)
        return found
    anchors = _anchors(text, finder, haystack, start, held)
    if anchors:
        for _source, anchored, reach, build in finder.patterns:
            for m in _from_anchors(anchored, reach, text, anchors, end):
                record = build(text, m)
                if record is not None:
                    found.append(record)
    return found


def _window(text: str, start: int, end: int | None) -> tuple[int, int]:
    n = len(text)
    end = n if end is None else max(0, min(end, n))
    return max(0, min(start, n)), end


def _longest(found: list[DateExpr]) -> tuple[DateExpr, ...]:
    """Keep the longest of overlapping expressions (the earlier one on a tie), in text order."""
    chosen: list[DateExpr] = []
    for expr in sorted(found, key=lambda e: (e.start, e.start - e.end)):
        if chosen and expr.start < chosen[-1].end:
            last = chosen[-1]
            if expr.end - expr.start > last.end - last.start:
                chosen[-1] = expr
            continue
        chosen.append(expr)
    return tuple(chosen)


# Kinds of expressions two of which join into one range ("in late April or
# early May"): days and periods of the calendar, not weekdays or vague words.
_JOINABLE_KINDS: Final = frozenset({"day", "month", "year", "season"})
_JOINABLE_UNITS: Final = frozenset({"week", "month", "year"})


def _joinable(first: DateExpr, last: DateExpr, word: str) -> bool:
    """Whether two dates joined by ``word`` may be one range.

    Weekdays join only weekdays, with "and" only the next day ("on Monday and
    Tuesday", not "on Monday and Friday": two days).
    """
    if first.kind == "weekday" or last.kind == "weekday":
        if first.kind != last.kind or first.weekday is None or last.weekday is None:
            return False
        return word != "and" or (last.weekday - first.weekday) % 7 == 1
    for expr in (first, last):
        if expr.until is not None or expr.part is not None:
            return False
        if expr.kind == "relative":
            if expr.unit not in _JOINABLE_UNITS or expr.offset is None:
                return False
        elif expr.kind not in _JOINABLE_KINDS:
            return False
    return True


def _opener(text: str, start: int, low: int) -> tuple[int, str, bool] | None:
    """The "from" or "between" just before ``start`` (not before ``low``), if any.

    Returns where the word starts, the word lower-cased, and whether a verb
    of change comes before it ("moved from May to June": two dates, no range).
    """
    m = _patterns().range_opener.search(text, max(low, start - 48), start)
    if m is None:
        return None
    return m.start("opener"), m["opener"].lower(), m["change"] is not None


def _range_start(text: str, first: DateExpr, word: str, low: int, *, pair: bool) -> int | None:
    """Where a range that opens with ``first`` and joins with ``word`` starts, or None.

    The range keeps a "from" or "between" before it in its span. "until" and
    "till" need "from"; "and" between two dates needs "between" ("in April
    and May" are two), not between a day and a bare day ("April 24 and 25");
    a verb of change before "from" makes two dates ("moved from May to June").
    """
    opened = _opener(text, first.start, low)
    opener = None if opened is None else opened[1]
    if word in ("until", "till") and opener != "from":
        return None
    if pair and word == "and" and opener != "between":
        return None
    if opened is None:
        return first.start
    return None if opened[2] else opened[0]


def _with_day_after(text: str, expr: DateExpr, low: int, high: int) -> DateExpr | None:
    """A day and the bare day after it as one range ("May 4 and 6", "from March 3 to 5")."""
    if expr.kind != "day" or expr.end_day is not None or expr.year is not None:
        return None
    if expr.day is None or not expr.phrase[:1].isalpha():  # month first: "May 4", not "4 May"
        return None
    m = _patterns().day_after.match(text, expr.end, high)
    if m is None:
        return None
    end_day = int(m["day"])
    if end_day <= expr.day:
        return None  # "May 4 and 2": not a range
    start = _range_start(text, expr, m["word"].lower(), low, pair=False)
    if start is None:
        return None
    year = m["year"]
    return attrs.evolve(
        expr,
        start=start,
        end=m.end(),
        text=text[start : m.end()],
        end_day=end_day,
        year=_int(year),
        phrase=expr.phrase if year is None else f"{expr.phrase}, {year}",
    )


def _with_day_before(text: str, expr: DateExpr, low: int) -> DateExpr | None:
    """A bare day and the day and month after it as one range ("from 7th to 9th December")."""
    if expr.kind != "day" or expr.end_day is not None or expr.day is None:
        return None
    if not expr.phrase[:1].isdigit() or not expr.text[:1].isdigit():  # "9 December", as written
        return None
    m = _patterns().day_before.search(text, max(low, expr.start - 16), expr.start)
    if m is None:
        return None
    day = int(m["day"])
    opened = _opener(text, m.start(), low)
    if day >= expr.day or opened is None or opened[2]:
        return None  # "from 3 to 5 May" only, not "moved from 3 to 5 May"
    start = opened[0]
    return attrs.evolve(
        expr,
        start=start,
        text=text[start : expr.end],
        day=day,
        end_day=expr.day,
        phrase=f"{day}{expr.phrase.lstrip('0123456789')}",
    )


def _joined_pair(text: str, first: DateExpr, last: DateExpr, low: int) -> DateExpr | None:
    """Two expressions joined by "or", "to", "and" ... as one range, or None."""
    if last.start - first.end > 12:
        return None
    m = _patterns().joint.match(text, first.end, last.start)
    if m is None:
        return None
    word = (m["word"] or "-").lower()
    if not _joinable(first, last, word):
        return None
    # "and" between weekdays needs no "between": "on Monday and Tuesday"
    start = _range_start(text, first, word, low, pair=first.kind != "weekday")
    if start is None:
        return None
    return attrs.evolve(first, start=start, end=last.end, text=text[start : last.end], until=last)


def _ranges(text: str, found: tuple[DateExpr, ...], low: int, high: int) -> tuple[DateExpr, ...]:
    """Join the expressions that make one range ("in late April or early May")."""
    out: list[DateExpr] = []
    i = 0
    while i < len(found):
        expr = found[i]
        nxt = found[i + 1] if i + 1 < len(found) else None
        floor = out[-1].end if out else low  # a range never reaches into the one before
        longer = _with_day_after(text, expr, floor, high if nxt is None else nxt.start)
        if longer is None:
            longer = _with_day_before(text, expr, floor)
        if longer is None and nxt is not None:
            longer = _joined_pair(text, expr, nxt, floor)
            if longer is not None:
                i += 1
        out.append(expr if longer is None else longer)
        i += 1
    return tuple(out)


def find_dates(text: str, start: int = 0, end: int | None = None) -> tuple[DateExpr, ...]:
    """Find the date expressions in ``text[start:end]``.

    Args:
        text: The full text; offsets in the results are into it.
        start: Where to start looking (usually a sentence's start).
        end: Where to stop looking, or ``None`` for the end of ``text``.

    Returns:
        The expressions in text order, non-overlapping: of overlapping
        candidates the longest wins ("later this week" over "later"). Two
        dates that make one range ("in late April or early May", "from
        March 3 to 5", "between May 4 and 6") are one expression, the whole
        phrase; the first with the last as ``until``, or a range of days.

    >>> found = find_dates("They met last fall and will meet on Tuesday.")
    >>> [(d.text, d.kind, d.direction) for d in found]
    [('last fall', 'season', -1), ('on Tuesday', 'weekday', 0)]
    """
    start, end = _window(text, start, end)
    if start >= end:
        return ()
    window = text[start:end]
    words = _words(window)
    held = None if words is None else _date_words().intersection(words)
    if held is not None and not held:
        return ()  # a window without a date's word: the common case
    lowered = window.lower()
    found: list[DateExpr] = []
    for finder in _finders():
        mine = None if held is None else finder.words & held
        if mine is None or mine:
            found += _scan(finder, text, start, end, lowered if finder.folded else window, mine)
    chosen = _longest(found)
    return _ranges(text, chosen, start, end) if chosen else chosen


# ---------------------------------------------------------------------------
# Durations
# ---------------------------------------------------------------------------


def _number(word: str) -> int | None:
    """The value of a count as the patterns find it: "3", "three", "forty-five", "an"."""
    word = " ".join(word.lower().replace("-", " ").split())
    return int(word) if word.isdecimal() else _NUMBER_WORDS.get(word)


def _count(word: str) -> float | None:
    """The value of a duration's count, which may have decimals ("1.5")."""
    if "." in word:
        try:
            return float(word)
        except ValueError:
            return None
    value = _number(word)
    return None if value is None else float(value)


def _duration(m: regex.Match[str]) -> tuple[dt.timedelta, DurationUnit] | None:
    """The length and unit a duration match says, or None if it is not one."""
    if m["minutes"] is not None:
        hours = 1.0 if m["hours"] is None else _count(m["hours"])
        minutes = _count(m["minutes"])
        if hours is None or minutes is None:
            return None
        return dt.timedelta(hours=hours, minutes=minutes), "minutes"
    unit = m["unit"].lower()
    if m["only_half"] is not None:
        value = 0.5  # "half-hour"
    elif m["count"] is None:
        value = 1.0  # "hour-long"
    else:
        count = _count(m["count"])
        if count is None:
            return None
        value = count + (0.5 if m["half"] is not None else 0.0)  # "two and a half"
    if unit == "day":
        # Days only as an adjective ("two-day visit", "day-long") or a plural
        # count ("for three days"): "a day", "one day" are too often not spans.
        hyphenated = m["sep"] is not None and "-" in m["sep"]
        if not (hyphenated or m["long"] or m["half"] or m["only_half"] or value >= 2):
            return None
        return dt.timedelta(days=value), "days"
    if unit == "hour":
        return dt.timedelta(hours=value), "hours"
    return dt.timedelta(minutes=value), "minutes"


def _from_duration(text: str, m: regex.Match[str]) -> DurationExpr | None:
    try:
        found = _duration(m)
    except (ValueError, OverflowError):
        return None
    if found is None:
        return None
    qualifier = m["qualifier"]
    return DurationExpr(
        *_where(text, m),
        found[0],
        found[1],
        None if qualifier is None else " ".join(qualifier.lower().split()),
    )


@functools.cache
def _duration_finder() -> _Finder[DurationExpr]:
    """The duration pattern: its anchors start words of letters and digits."""
    units = ("minute", "hour", "day")
    return _finder(
        ("hour", "minute", "half", "day"),
        True,
        (_DURATION, 6, _from_duration),  # "more than forty five and a" half
        # "hours", "hour-long", "hourlong", "hourslong"; and "half", which
        # comes first in "two and a half hours" (the unit is 7 words in)
        words=("half", *(unit + end for unit in units for end in ("", "s", "long", "slong"))),
        hints=("hour", "minute", "half", "-day", " day", "daylong"),
        run=_LETTERS_AND_DIGITS,
    )


def find_durations(text: str, start: int = 0, end: int | None = None) -> tuple[DurationExpr, ...]:
    """Find the lengths of time in ``text[start:end]``.

    Args:
        text: The full text; offsets in the results are into it.
        start: Where to start looking.
        end: Where to stop looking, or ``None`` for the end of ``text``.

    Returns:
        The durations in text order: minutes and hours ("hour-and-45-minute
        call", "for nearly an hour") and days ("two-day visit"). Points in
        time ("two hours later", "three days ago") are not durations.

    >>> [(d.text, str(d.duration)) for d in find_durations("the hour-and-45-minute call")]
    [('hour-and-45-minute', '1:45:00')]
    """
    start, end = _window(text, start, end)
    window = text[start:end]
    lowered = window.lower()
    finder = _duration_finder()
    if not _holds(lowered, finder.hints):
        return ()  # most windows: decided before the words are read
    words = _words(window)
    held = None if words is None else finder.words.intersection(words)
    return tuple(_scan(finder, text, start, end, lowered, held))
