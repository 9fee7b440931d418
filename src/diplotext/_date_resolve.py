"""Resolving a found date expression to a range of days.

:func:`resolve` turns a :class:`~diplotext._date_exprs.DateExpr` into a
:class:`~diplotext.DateRange` against the publication date and the tense of
the event it belongs to, with the range arithmetic of days, weeks, months,
seasons and years. :class:`DateParser` reads the short absolute month-name
phrases the patterns found; it is the only user of ``dateparser``, which it
imports only for a phrase in a form it does not read itself.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

import attrs

from ._date_exprs import DateExpr, Mod
from ._date_words import _MONTH_NUMBERS, _patterns
from ._model import DateRange

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

__all__ = ["DateParser", "resolve"]

# ---------------------------------------------------------------------------
# Absolute month-name phrases: read here, dateparser for the rest
# ---------------------------------------------------------------------------

# What DateParser gives for a phrase: (year, month, day), each None if not written.
_Parts = tuple[int | None, int | None, int | None]

# The year against which a day written without one is checked: a leap year,
# so "Feb. 29" is a day (dateparser's RELATIVE_BASE below).
_ANY_LEAP_YEAR: Final = 2000


def _read(phrase: str) -> _Parts | None:
    """The written parts of a phrase in one of the forms read without dateparser.

    Returns ``None`` when the phrase is not in one of those forms, else its
    ``(year, month, day)`` as written, not yet checked to be a real day.
    """
    m = _patterns().absolute.match(phrase)
    if m is None:
        return None
    name, number, year, day = m["month"], m["month_number"], m["year"], m["day"]
    month = _MONTH_NUMBERS[name] if name is not None else int(number)
    return (
        None if year is None else int(year),
        month,
        None if day is None else int(day),
    )


def _is_day(parts: _Parts) -> bool:
    """Whether written parts name a real month or day ("February 30" does not)."""
    year, month, day = parts
    try:
        dt.date(_ANY_LEAP_YEAR if year is None else year, month or 1, day or 1)
    except ValueError:
        return False
    return True


def _new_date_data_parser() -> DateDataParser:
    """A DateDataParser for short English absolute phrases (imports dateparser)."""
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            "PARSERS": ["absolute-time"],  # no "yesterday", no timestamps
            "DATE_ORDER": "MDY",
            "PREFER_DAY_OF_MONTH": "first",
            "REQUIRE_PARTS": ["month"],
            # Only the parts the phrase writes are read back, so the base never
            # leaks in; a leap year lets "Feb. 29" parse.
            "RELATIVE_BASE": dt.datetime(_ANY_LEAP_YEAR, 1, 1),
        },
    )


@functools.lru_cache(maxsize=1024)
def _dateparser_parts(phrase: str) -> _Parts | None:
    """What ``dateparser`` reads in a phrase, cached per process.

    The settings are fixed, so the phrase is the whole key. A parser is built
    per phrase (no shared mutable state): this is only reached by the rare
    phrases :func:`_read` leaves, and each once.
    """
    try:
        data = _new_date_data_parser().get_date_data(phrase)
    except Exception:  # dateparser is not ours: never let it raise
        return None
    if data is None or data.date_obj is None:
        return None
    written = getattr(data, "parts", None)
    if written is None:  # dateparser < 1.2 does not report parts
        written = ("year", "month", "day") if data.period == "day" else ("year", "month")
    date = data.date_obj
    return (
        date.year if "year" in written else None,
        date.month if "month" in written else None,
        date.day if "day" in written else None,
    )


@attrs.define
class DateParser:
    """A reader of absolute month-name phrases with a cache: make one per article.

    :func:`resolve` uses it, when given one, to read the absolute month-name
    phrases ("November 4, 2006", "Nov. 4", "July 2022") instead of the
    pattern's own pieces. The forms the patterns build, ordinals ("4th") and
    ISO days are read here, exactly as ``dateparser`` reads them; any other
    phrase goes to ``dateparser``, imported then, and its answers are cached
    per process.
    """

    _cache: dict[str, _Parts | None] = attrs.field(factory=dict, init=False, repr=False)

    def parse(self, phrase: str) -> _Parts | None:
        """Parse a short absolute phrase.

        Args:
            phrase: A month name with a day and/or a year ("Nov. 4, 2006").

        Returns:
            ``(year, month, day)`` with ``None`` for the parts the phrase
            does not write, or ``None`` if it is not a date ("February 30").

        >>> DateParser().parse("Nov. 4th, 2006")
        (2006, 11, 4)
        """
        if phrase in self._cache:
            return self._cache[phrase]
        parts = _read(phrase)
        if parts is None:
            parts = _dateparser_parts(phrase)
        elif not _is_day(parts):
            parts = None
        self._cache[phrase] = parts
        return parts


# ---------------------------------------------------------------------------
# Resolving
# ---------------------------------------------------------------------------

_Range = tuple[dt.date, dt.date]

# "Within about two months" of publication: a day with no year and no tense
# goes to the nearest year when it falls this close.
_NEAR: Final = dt.timedelta(days=62)

_SEASON_MONTHS: Final = MappingProxyType({"spring": 3, "summer": 6, "fall": 9, "winter": 12})


def _month_range(year: int, month: int) -> _Range:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _year_range(year: int) -> _Range:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _season_range(season: str, year: int) -> _Range:
    """Meteorological seasons: spring Mar-May, summer Jun-Aug, fall Sep-Nov, winter Dec-Feb."""
    first = _SEASON_MONTHS[season]
    last_year, last_month = (year + 1, 2) if first == 12 else (year, first + 2)
    return dt.date(year, first, 1), _month_range(last_year, last_month)[1]


# "early", "mid", "late" April: days 1-15, 11-20, 16 to the end.
_MONTH_PARTS: Final[MappingProxyType[Mod, tuple[int, int | None]]] = MappingProxyType(
    {"early": (1, 15), "mid": (11, 20), "late": (16, None)}
)
# ... of a week (Monday 0 .. Sunday 6): Monday-Wednesday, Tuesday-Thursday, Thursday-Sunday.
_WEEK_PARTS: Final[MappingProxyType[Mod, tuple[int, int]]] = MappingProxyType(
    {"early": (0, 2), "mid": (1, 3), "late": (3, 6)}
)
# ... of a longer period, in thirds of its months: "early 2023" January-April.
_THIRDS: Final[MappingProxyType[Mod, int]] = MappingProxyType({"early": 0, "mid": 1, "late": 2})


def _part_of_month(bounds: _Range, mod: Mod | None, week: int | None) -> _Range:
    """Days of a month: its ``week`` ("the third week": 15-21, -1: the last 7), or ``mod``."""
    first, last = bounds
    if week is not None:
        if week < 0:
            return last - dt.timedelta(days=6), last
        start = first + dt.timedelta(weeks=week - 1)
        return start, start + dt.timedelta(days=6)
    if mod is None:
        return bounds
    low, high = _MONTH_PARTS[mod]
    return first.replace(day=low), last if high is None else first.replace(day=high)


def _part_of_months(
    bounds: _Range, mod: Mod | None, share: tuple[int, int] | None = None
) -> _Range:
    """Part of a range of whole months (a year, a season): a third by ``mod``
    ("early": the first), or the n-th of ``share``'s equal parts ("the first
    quarter")."""
    if share is not None:
        n, parts = share
    elif mod is not None:
        n, parts = _THIRDS[mod] + 1, 3
    else:
        return bounds
    first, last = bounds
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    size = months // parts
    if not (1 <= n <= parts and size):
        return bounds
    start = _shift_month(first.year, first.month, (n - 1) * size)
    end = _shift_month(first.year, first.month, n * size - 1)
    return dt.date(*start, 1), _month_range(*end)[1]


def _part_of_week(bounds: _Range, mod: Mod | None) -> _Range:
    """Days of a week (Monday-Sunday) by ``mod``: "early next week" Monday-Wednesday."""
    if mod is None:
        return bounds
    low, high = _WEEK_PARTS[mod]
    return bounds[0] + dt.timedelta(days=low), bounds[0] + dt.timedelta(days=high)


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + by
    return index // 12, index % 12 + 1


def _weekday(expr: DateExpr, published: dt.date | None, future: bool) -> _Range | None:
    if published is None or expr.weekday is None or not 0 <= expr.weekday <= 6:
        return None
    back = (published.weekday() - expr.weekday) % 7  # days since it last was, 0 today
    ahead = (expr.weekday - published.weekday()) % 7  # days until it next is, 0 today
    if expr.offset is not None and expr.offset < 0:
        day = published - dt.timedelta(days=back or 7)
    elif expr.offset is not None and expr.offset > 0:
        day = published + dt.timedelta(days=ahead or 7)
    elif future:
        day = published + dt.timedelta(days=ahead)
    else:
        day = published - dt.timedelta(days=back)
    return day, day


def _weekend(published: dt.date, future: bool) -> _Range:
    """ "Over the weekend": the last one (the one under way) or the next one, by the tense."""
    saturday = published + dt.timedelta(days=5 - published.weekday())  # this week's
    if not future and saturday > published:
        saturday -= dt.timedelta(weeks=1)
    return saturday, saturday + dt.timedelta(days=1)


def _relative(expr: DateExpr, published: dt.date | None, future: bool) -> _Range | None:
    if published is not None and expr.offset is None and expr.unit == "weekend":
        return _weekend(published, future)
    if published is None or (expr.offset is None and expr.unit != "day"):
        return None
    offset = expr.offset or 0
    if expr.unit == "day":
        day = published + dt.timedelta(days=offset)
        return day, day
    if expr.unit in ("week", "weekend"):
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=offset)
        sunday = monday + dt.timedelta(days=6)
        if expr.unit == "weekend":
            return sunday - dt.timedelta(days=1), sunday
        first, last = monday, sunday
    elif expr.unit == "month":
        first, last = _month_range(*_shift_month(published.year, published.month, offset))
    elif expr.unit == "year":
        first, last = _year_range(published.year + offset)
    else:
        return None
    if expr.part == "earlier":
        return first, published
    if expr.part == "later":  # "later this week/month/year": from tomorrow
        if expr.offset == 0:
            return (published + dt.timedelta(days=1), last) if published < last else None
        return first, last
    if expr.unit == "week":
        return _part_of_week((first, last), expr.mod)
    if expr.unit == "month":
        return _part_of_month((first, last), expr.mod, expr.week)
    return _part_of_months((first, last), expr.mod, expr.share)


def _month(
    expr: DateExpr, year: int | None, month: int, published: dt.date | None, future: bool
) -> _Range | None:
    if year is not None:
        return _month_range(year, month)
    if published is None:
        return None
    now = published.year
    if expr.offset == 0:
        year = now
    elif expr.offset is not None and expr.offset < 0:
        year = now if month < published.month else now - 1
    elif expr.offset is not None and expr.offset > 0:
        year = now if month > published.month else now + 1
    elif future:
        year = now if month >= published.month else now + 1
    else:
        year = now if month <= published.month else now - 1
    return _month_range(year, month)


def _infer_year(month: int, day: int, published: dt.date, future: bool | None) -> int | None:
    """The year of a month and day: nearest if close, else by the tense (past by default)."""
    candidates: list[dt.date] = []
    for year in range(published.year - 8, published.year + 9):  # 8: every Feb. 29 has a pair
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return None
    if future is None:
        nearest = min(candidates, key=lambda d: (abs(d - published), d > published))
        if abs(nearest - published) <= _NEAR:
            return nearest.year
        future = False
    if future:
        later = [d for d in candidates if d >= published]
        return min(later).year if later else None
    earlier = [d for d in candidates if d <= published]
    return max(earlier).year if earlier else None


def _day(
    expr: DateExpr,
    parts: _Parts,
    published: dt.date | None,
    future: bool | None,
) -> _Range | None:
    year, month, day = parts
    if month is None or day is None:
        return None
    if year is None:
        if published is None:
            return None
        year = _infer_year(month, day, published, future)
        if year is None:
            return None
    first = dt.date(year, month, day)
    if expr.end_day is None:
        return first, first
    end_month = expr.end_month or month
    end_year = year + 1 if end_month < month else year
    last = dt.date(end_year, end_month, expr.end_day)
    return (first, last) if first <= last else None


def _season(expr: DateExpr, published: dt.date | None, future: bool | None) -> _Range | None:
    """A season: its year if written, else by "last"/"this"/"next", else by the tense.

    ``future`` is the caller's tense, ``None`` if not given.
    """
    season = expr.season
    if season is None:
        return None
    if expr.year is not None:
        return _season_range(season, expr.year)
    if published is None:
        return None
    now = published.year
    ranges = [_season_range(season, year) for year in range(now - 2, now + 2)]
    if expr.offset is not None and expr.offset < 0:
        return max((r for r in ranges if r[1] < published), default=None)
    if expr.offset is not None and expr.offset > 0:
        return min((r for r in ranges if r[0] > published), default=None)
    if expr.offset == 0:
        # "this winter": the one under way; else, with no tense, the one that
        # starts in the publication year ("this fall" in April is the coming one).
        under_way = [r for r in ranges if r[0] <= published <= r[1]]
        if under_way:
            return under_way[0]
        if future is None:
            return _season_range(season, now)
    tense = future if future is not None else expr.direction > 0
    if tense:
        return min((r for r in ranges if r[1] >= published), default=None)
    return max((r for r in ranges if r[0] <= published), default=None)


def _parts(expr: DateExpr, parser: DateParser | None) -> _Parts | None:
    """The written (year, month, day): from the parser when given a phrase, else the pattern's."""
    if parser is not None and expr.phrase:
        return parser.parse(expr.phrase)
    return expr.year, expr.month, expr.day


# Kinds whose year, when not written, a range's other end gives ("from Dec. 30 to Jan. 2").
_YEARLESS_KINDS: Final = frozenset({"day", "month"})


def _in_year(expr: DateExpr, year: int) -> DateExpr:
    """``expr`` with a year written (its pattern pieces then read, not its phrase)."""
    return attrs.evolve(expr, year=year, phrase="")


def _range(
    expr: DateExpr,
    published: dt.date | None,
    future: bool | None,
    parser: DateParser | None,
) -> _Range | None:
    """A range's bounds: from its first expression's start to its last's end.

    A day or month without a year takes the other end's, the year before
    or after when its month comes later ("from Dec. 30 to Jan. 2, 2024");
    a weekday after a weekday is the first such day after it.
    """
    first, last = attrs.evolve(expr, until=None), expr.until
    if last is None:
        return None
    if first.weekday is not None and last.weekday is not None:
        head = _bounds(first, published, future, parser)
        if head is None:
            return None  # "on Monday and Tuesday": the next such day after the first
        return head[0], head[0] + dt.timedelta(days=(last.weekday - first.weekday) % 7)
    crosses = first.month is not None and last.month is not None and last.month < first.month
    head = _bounds(first, published, future, parser)
    tail = _bounds(last, published, future, parser)
    if first.year is None and first.kind in _YEARLESS_KINDS and last.year is not None:
        if tail is None:
            return None
        year = tail[0].year - int(crosses)
        head = _bounds(_in_year(first, year), published, future, parser)
    elif last.year is None and last.kind in _YEARLESS_KINDS and head is not None:
        year = head[0].year + int(crosses)
        tail = _bounds(_in_year(last, year), published, future, parser)
    if head is None or tail is None or tail[1] < head[0]:
        return None
    return head[0], max(head[1], tail[1])


def _bounds(
    expr: DateExpr,
    published: dt.date | None,
    future: bool | None,
    parser: DateParser | None,
) -> _Range | None:
    if expr.until is not None:
        return _range(expr, published, future, parser)
    tense = future if future is not None else expr.direction > 0
    if expr.kind == "weekday":
        return _weekday(expr, published, tense)
    if expr.kind == "relative":
        return _relative(expr, published, tense)
    if expr.kind == "year":
        if expr.year is None:
            return None
        return _part_of_months(_year_range(expr.year), expr.mod, expr.share)
    if expr.kind == "season":
        bounds = _season(expr, published, future)
        return None if bounds is None else _part_of_months(bounds, expr.mod)
    if expr.kind not in ("day", "month"):
        return None
    parts = _parts(expr, parser)
    if parts is None:
        return None
    if expr.kind == "month":
        if parts[1] is None:
            return None
        bounds = _month(expr, parts[0], parts[1], published, tense)
        return None if bounds is None else _part_of_month(bounds, expr.mod, expr.week)
    # A day with no tense from the caller keeps its own direction, if any.
    if future is None and expr.direction != 0:
        future = expr.direction > 0
    return _day(expr, parts, published, future)


def resolve(
    expr: DateExpr,
    published: dt.date | None,
    *,
    future: bool | None = None,
    parser: DateParser | None = None,
) -> DateRange | None:
    """Resolve a date expression to a range of days.

    Args:
        expr: An expression from :func:`find_dates`.
        published: The publication date, the base of relative expressions;
            ``None`` resolves only expressions that carry their own year.
        future: The tense of the event the date belongs to: ``True`` for
            "will meet", ``False`` for "met", ``None`` to go by the
            expression's own direction (past when it has none). A bare
            weekday, month or season goes to the most recent one on or
            before ``published`` for a past event and the next one on or
            after it for a future event. A day with no year and no tense
            goes to the nearest year when within about two months of
            publication.
        parser: A :class:`DateParser` to read the absolute month-name
            phrases as ``dateparser`` does; ``None`` uses the pattern's
            pieces (the same results).

    Returns:
        The range at the precision the words give (one day, a week, a
        month, a season, a year, or part of one: "late April" the 16th to
        the end, "early 2023" January-April, "early next week"
        Monday-Wednesday, "the third week of May" the 15th-21st; a range
        "in late April or early May" from the first's start to the last's
        end), its ``text`` and ``span`` those of the expression; ``None``
        for vague expressions ("soon"), impossible dates ("February 30")
        and relative ones without ``published``.
    """
    if isinstance(published, dt.datetime):
        published = published.date()
    try:
        bounds = _bounds(expr, published, future, parser)
        if bounds is None or bounds[1] < bounds[0]:
            return None
        return DateRange(bounds[0], bounds[1], expr.text, expr.span)
    except (ValueError, OverflowError, TypeError, KeyError, IndexError):
        return None  # impossible dates, years out of range, odd hand-made records
