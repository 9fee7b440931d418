"""Dates and durations in news sentences: find the words, then resolve them.

Finding and resolving are separate steps. :func:`find_dates` returns
:class:`DateExpr` records: where a date expression is, what it says ("last
fall", "on Tuesday", "Nov. 4-5") and which way in time the phrase itself
points. :func:`resolve` turns one into a :class:`~diplotext.DateRange`
against the publication date and the tense of the event it belongs to, at the
precision the words give: a day, a week, a month, a season or a year.

Nothing here reads the clock: without a publication date only expressions that
carry their own year resolve. ``dateparser`` is imported lazily, only by
:class:`DateParser`, and only ever sees the short absolute phrases the
patterns found ("November 4, 2006"), never a sentence.

>>> text = "Biden and Xi last spoke by phone in July 2022."
>>> [d.text for d in find_dates(text)]
['in July 2022']
>>> resolve(find_dates(text)[0], None).start
datetime.date(2022, 7, 1)
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from collections.abc import Callable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, Literal

import attrs
import regex

from ._model import DateRange, Span

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

__all__ = [
    "DateExpr",
    "DateParser",
    "DurationExpr",
    "find_dates",
    "find_durations",
    "resolve",
]

DateKind = Literal["day", "weekday", "month", "season", "year", "relative", "vague"]
"""What a :class:`DateExpr` names (see its attributes)."""

Unit = Literal["day", "week", "weekend", "month", "year"]
"""The calendar unit of a relative expression ("last *week*")."""

Season = Literal["spring", "summer", "fall", "winter"]
"""A season of the Northern hemisphere."""

Part = Literal["earlier", "later"]
"""The half of a unit an expression keeps ("*earlier* this year")."""

DurationUnit = Literal["minutes", "hours", "days"]
"""The smallest unit a :class:`DurationExpr` mentions."""


# ---------------------------------------------------------------------------
# Word lists
# ---------------------------------------------------------------------------

_MONTHS: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# Abbreviations, used only before a day or a year ("Nov. 4", "Dec. 2023").
_MONTH_ABBREVIATIONS: Final = MappingProxyType(
    {
        "Jan": 1,
        "Feb": 2,
        "Mar": 3,
        "Apr": 4,
        "Jun": 6,
        "Jul": 7,
        "Aug": 8,
        "Sep": 9,
        "Sept": 9,
        "Oct": 10,
        "Nov": 11,
        "Dec": 12,
    }
)
_MONTH_NUMBERS: Final = MappingProxyType(
    {name: i for i, name in enumerate(_MONTHS, 1)} | dict(_MONTH_ABBREVIATIONS)
)
# Month names that are also everyday words ("May" the modal, "March" the
# walk, "Theresa May"): months only with a day, a year or a licensing word.
_AMBIGUOUS_MONTHS: Final = frozenset({"May", "March"})

_WEEKDAYS: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Weekday abbreviations, used only with a dot before a month and day ("Wed., Nov. 4").
_WEEKDAY_ABBREVIATIONS: Final = (
    "Mon",
    "Tue",
    "Tues",
    "Wed",
    "Thu",
    "Thur",
    "Thurs",
    "Fri",
    "Sat",
    "Sun",
)
# Capitalised words that make a weekday a name ("Super Tuesday", "Good Friday").
_WEEKDAY_NAMES: Final = ("Super", "Black", "Good", "Cyber", "Ash", "Holy", "Easter", "Bloody")

_SEASONS: Final[Mapping[str, Season]] = MappingProxyType(
    {"spring": "spring", "summer": "summer", "fall": "fall", "autumn": "fall", "winter": "winter"}
)
_UNITS: Final[Mapping[str, Unit]] = MappingProxyType(
    {"day": "day", "week": "week", "weekend": "weekend", "month": "month", "year": "year"}
)
_PARTS: Final[Mapping[str, Part]] = MappingProxyType({"earlier": "earlier", "later": "later"})

# Units before which "later" and "earlier" are not vague ("two days later").
_TIME_UNITS: Final = (
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "month",
    "year",
    "moment",
    "decade",
    "time",
)

_UNITS_1_19: Final = (
    *("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"),
    *("eighteen", "nineteen"),
)
_TENS: Final = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def _number_words() -> MappingProxyType[str, int]:
    """Number words 1..99 ("one", "forty five": hyphens as spaces), plus "a" and "an"."""
    words = {"a": 1, "an": 1}
    words |= {w: i for i, w in enumerate(_UNITS_1_19, 1)}
    for t, tens in enumerate(_TENS, 2):
        words[tens] = t * 10
        for u, unit in enumerate(_UNITS_1_19[:9], 1):
            words[f"{tens} {unit}"] = t * 10 + u
    return MappingProxyType(words)


_NUMBER_WORDS: Final = _number_words()

# Words after which a capitalised "May" or "March" is a month.
_LICENSING_WORDS: Final = (
    *("in", "on", "since", "until", "till", "by", "from", "through", "during", "before"),
    *("after", "of", "early", "late", "mid", "last", "next", "this"),
)

# Qualifiers kept in a duration's span ("for *nearly* an hour").
_QUALIFIERS: Final = (
    "nearly",
    "almost",
    "about",
    "around",
    "roughly",
    "approximately",
    "some",
    "over",
    "just over",
    "just under",
    "more than",
    "less than",
    "under",
    "at least",
    "up to",
    "close to",
)


# ---------------------------------------------------------------------------
# Patterns. Every quantifier is possessive or bounded, and every pattern
# starts with a word or a digit behind a boundary, so a scan is linear.
# ---------------------------------------------------------------------------


# A count, written in "{number}" in the patterns below: digits, a number word
# one..ninety-nine ("forty-five", "forty five") or "a"/"an".
_NUMBER: Final = r"(?:\d{1,3}|\L<tens>(?:[\s-]\L<ones>)?+|\L<small_numbers>)"


def _compile(pattern: str) -> regex.Pattern[str]:
    """Compile a verbose pattern with the shared word lists as ``\\L<name>``.

    ``{number}`` in the pattern stands for a count (see ``_NUMBER``).
    """
    return regex.compile(
        pattern.replace("{number}", _NUMBER),
        regex.VERBOSE,
        ignore_unused=True,
        months=list(_MONTHS),
        month_abbreviations=list(_MONTH_ABBREVIATIONS),
        weekdays=list(_WEEKDAYS),
        weekday_abbreviations=list(_WEEKDAY_ABBREVIATIONS),
        weekday_names=list(_WEEKDAY_NAMES),
        seasons=list(_SEASONS),
        tens=list(_TENS),
        ones=list(_UNITS_1_19[:9]),
        small_numbers=["a", "an", *_UNITS_1_19],
        licensing=list(_LICENSING_WORDS),
        time_units=[f"{unit}{s}" for unit in _TIME_UNITS for s in ("", "s")],
        qualifiers=list(_QUALIFIERS),
    )


# 1996-08-22
_ISO: Final = r"""
    \b                                                     # a word start (fails fast)
    (?:\b(?i:on)\s++)?                                     # "on", kept in the span
    (?<![\p{N}\-/.])                                       # not inside a longer number or code
    (?P<year>\d{4})                                        # year
    -(?P<month>0[1-9]|1[0-2])                              # month, two digits
    -(?P<day>0[1-9]|[12]\d|3[01])                          # day, two digits
    (?!\p{N}|-\p{N})                                       # nothing numeric after
    """

# Nov. 4 / March 31 / November 4, 2006 / Nov. 4-5 / Nov. 30-Dec. 2 / Tuesday, March 31
_MONTH_DAY: Final = r"""
    \b                                                     # a word start (fails fast)
    (?:\b(?i:on)\s++)?                                     # "on", kept in the span
    (?:(?:\b\L<weekdays>\b|\b\L<weekday_abbreviations>\.),?+\s++)?  # "Tuesday, " / "Wed., "
    \b(?P<month>\L<months>\b|\L<month_abbreviations>(?:\.|\b))      # month name
    \s*+                                                   # "Nov.4" happens
    (?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?+         # day, optional ordinal ending
    (?![\p{L}\p{N}]|[.,]\p{N})                             # not "March 310", "May 2,000"
    (?:                                                    # a range: "-5", "-Dec. 2"
        \s*+[-–—]\s*+
        (?:(?P<end_month>\L<months>\b|\L<month_abbreviations>(?:\.|\b))\s*+)?
        (?P<end_day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?+
        (?![\p{L}\p{N}]|[.,]\p{N})
    )?
    (?:,?+\s++(?P<year>\d{4})(?![\p{L}\p{N}]|[.,]\p{N}))?  # ", 2006"
    """

# 31 March / 4-5 November / the 4th of July / 4 November 2006
_DAY_MONTH: Final = r"""
    \b                                                     # a word start (fails fast)
    (?:\b(?i:on)\s++)?                                     # "on", kept in the span
    (?:\b(?i:the)\s++)?                                    # "the 4th of July"
    (?<![\p{N}\-.,/:])                                     # not inside a number
    (?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?+         # day
    (?:\s*+[-–—]\s*+(?P<end_day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?+)?  # range "4-5"
    (?:\s++(?i:of))?\s++                                   # "of"
    (?P<month>\L<months>\b|\L<month_abbreviations>(?:\.|\b))  # month name
    (?:,?+\s++(?P<year>\d{4})(?![\p{L}\p{N}]|[.,]\p{N}))?  # year
    """

# in November / last November / mid-November / July 2022 / in early May
_MONTH: Final = r"""
    \b                                                     # a word start (fails fast)
    (?:
        \b(?P<prep>(?i:in|during))\s++                     # "in", kept in the span
        (?:(?P<mod>(?i:early|late|mid))(?:-|\s++))?        # "in early", "in mid-"
      | \b(?P<rel>(?i:last|next|this(?:\s++(?:past|coming))?))\s++  # "last", "this past"
      | \b(?P<mod>(?i:early|late|mid))(?:-|\s++)           # "early", "mid-"
    )?
    \b(?P<month>\L<months>\b|\L<month_abbreviations>\.)    # month name (abbreviated: year needed)
    (?:,?+\s++(?:(?i:of)\s++)?(?P<year>\d{4})(?![\p{L}\p{N}]|[.,]\p{N}))?  # "2022", "of 2022"
    """

# on Tuesday / last Tuesday / Tuesday night / this coming Tuesday
_WEEKDAY: Final = r"""
    \b                                                     # a word start (fails fast)
    (?:\b(?P<rel>(?i:on|last|next|this(?:\s++(?:past|coming))?|early|late))\s++  # kept in the span
       (?:(?i:early|late)\s++)?                            # "on late Tuesday" (rare)
    )?
    (?<!\b\L<weekday_names>\s)                             # not "Super Tuesday"
    \b(?P<weekday>\L<weekdays>)\b                          # the day
    (?:\s++(?P<time>(?i:morning|afternoon|evening|night))\b)?  # "Tuesday night"
    """

# today / yesterday / last night / this morning / last week / later this month /
# early next year / three days ago
_RELATIVE: Final = r"""
    (?i)                                                   # any case
    \b
    (?:
        (?P<part>earlier|later)\s++(?:this|in\s++the)\s++  # "later this week"
        (?P<unit>week|month|year)\b
      | (?:(?P<mod>early|late|mid)(?:-|\s++))?             # "early next year"
        (?<!\bthe\s)                                       # not "the last week"
        (?P<rel>last|next|this(?:\s++(?:past|coming))?)\s++
        (?P<unit>weekend|week|month|year)\b                # the unit
        (?!\s++of\b)                                       # not "last week of March"
      | (?:earlier|later)\s++(?P<today>today|tonight)\b    # "earlier today"
      | (?P<today>today|tonight)\b                         # "today"
      | (?P<yesterday>yesterday)\b(?:\s++(?:morning|afternoon|evening|night)\b)?
      | (?P<tomorrow>tomorrow)\b(?:\s++(?:morning|afternoon|evening|night)\b)?
      | this\s++(?P<today>morning|afternoon|evening)\b     # "this morning"
      | last\s++(?P<yesterday>night)\b                     # "last night"
      | (?P<count>{number})\s++                             # "three days ago"
        (?P<ago_unit>days?|weeks?|months?|years?)\s++ago\b
    )
    """

# in 2022 / during 2019 / in early 2023 / mid-2023 (not "the 1990s", not "2,000")
_YEAR: Final = r"""
    \b
    (?:
        (?P<prep>(?i:in|during))\s++                       # "in", kept in the span
        (?:(?P<mod>(?i:early|late|mid))(?:-|\s++))?        # "in early", "in mid-"
      | (?P<mod>(?i:early|late|mid))(?:-|\s++)             # "early", "mid-"
    )
    (?P<year>(?:1[89]|2[01])\d\d)                          # 1800..2199
    (?![\p{L}\p{N}]|[.,]\p{N}|['’]\p{L}|-[\p{L}\p{N}])     # not "1990s", "2,000", "2022-23"
    """

# last fall / this spring / in the fall of 2019 / winter 2021
_SEASON: Final = r"""
    \b                                                     # a word start (fails fast)
    (?:\b(?P<prep>(?i:in|during))\s++)?                    # "in", kept in the span
    (?:\b(?i:the)\s++)?                                    # "the"
    (?:\b(?P<rel>(?i:last|next|this(?:\s++(?:past|coming))?|early|late|mid))(?:-|\s++))?
    \b(?P<season>(?i:\L<seasons>))\b                       # the season
    (?:                                                    # its year
        \s++(?i:of)\s++(?P<year>\d{4})(?![\p{L}\p{N}]|[.,]\p{N})
      | ,?+\s++(?P<year>\d{4})(?![\p{L}\p{N}]|[.,]\p{N})
    )?
    """

# Vague: the phrase tells past or future, not when.
_VAGUE: Final = r"""
    (?i)                                                   # any case
    \b
    (?:
        (?P<future>
            (?:in|over|within|during|for)\s++the\s++      # "in the coming weeks"
            (?:coming|next|near|foreseeable|not[\s-]++too[\s-]++distant)\s++
            (?:few\s++|several\s++|couple\s++of\s++)?
            (?:future|days|weeks|months|years)\b
            (?:\s++and\s++(?:days|weeks|months|years)\b)?  # "... weeks and months"
          | in\s++the\s++future\b                          # "in the future"
          | (?<!\bas\s)(?:soon|shortly)\b                  # "soon", not "as soon as"
            (?!\s++(?:after|before|as|thereafter)\b)
          | (?<!\b(?:\L<time_units>|much|even|no|not|far|little)\s)
            later\b(?!\s++than\b)                          # "later", not "days later"
        )
      | (?P<past>
            in\s++recent\s++(?:days|weeks|months|years)\b  # "in recent weeks"
          | (?:over|in|during)\s++the\s++(?:past|last)\s++ # "over the past few weeks"
            (?:few\s++|several\s++|couple\s++of\s++)?
            (?:days?|weeks?|months?|years?|decades?)\b
          | (?:recently|lately|previously)\b
          | in\s++the\s++past\b
          | at\s++(?:the|that)\s++time\b                   # "at the time"
          | (?<!\b(?:\L<time_units>|much|even|no|not|far|little)\s)
            earlier\b(?!\s++than\b)                        # "earlier", not "a year earlier"
        )
    )
    """

# The word before a capitalised "May" or "March" that makes it a month.
_LICENSING_BEFORE: Final = r"""
    \b(?i:\L<licensing>)-?\s*+\Z                           # "since May", "mid-March"
    """

# " of" right after a season with no year: "the fall of Kabul".
_OF_AFTER: Final = r"""\s++(?i:of)\b"""


@attrs.frozen
class _Patterns:
    """The compiled patterns of this module."""

    iso: regex.Pattern[str]
    month_day: regex.Pattern[str]
    day_month: regex.Pattern[str]
    month: regex.Pattern[str]
    weekday: regex.Pattern[str]
    relative: regex.Pattern[str]
    year: regex.Pattern[str]
    season: regex.Pattern[str]
    vague: regex.Pattern[str]
    licensing_before: regex.Pattern[str]
    of_after: regex.Pattern[str]
    duration: regex.Pattern[str]


@functools.cache
def _patterns() -> _Patterns:
    """The compiled patterns, compiled on first use, once per process.

    Compiling them all takes ~25 ms, too much to spend on ``import diplotext``;
    the cache holds one immutable value, built from the constants above.
    """
    return _Patterns(
        iso=_compile(_ISO),
        month_day=_compile(_MONTH_DAY),
        day_month=_compile(_DAY_MONTH),
        month=_compile(_MONTH),
        weekday=_compile(_WEEKDAY),
        relative=_compile(_RELATIVE),
        year=_compile(_YEAR),
        season=_compile(_SEASON),
        vague=_compile(_VAGUE),
        licensing_before=_compile(_LICENSING_BEFORE),
        of_after=_compile(_OF_AFTER),
        duration=_compile(_DURATION),
    )


# ---------------------------------------------------------------------------
# Records
# ---------------------------------------------------------------------------


def _non_negative(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 0:
        raise ValueError(f"{attribute.name} must be >= 0, not {value}")


@attrs.frozen
class DateExpr:
    """A date expression found in a text, not yet resolved.

    Attributes:
        start: Offset of its first character in the full text.
        end: Offset just past its last character.
        text: ``text[start:end]``.
        direction: Which way the phrase itself points: -1 past ("last
            fall", "yesterday", "earlier this year"), +1 future ("next
            month", "tomorrow", "in the coming weeks"), 0 neither ("on
            Tuesday", "in November").
        kind: ``"day"`` (a calendar day or range of days: "March 31",
            "Nov. 4-5", ISO), ``"weekday"``, ``"month"``, ``"season"``,
            ``"year"``, ``"relative"`` (to the publication day: "today",
            "last week", "later this month", "three days ago") or ``"vague"``.
        year: The year written, if any.
        month: The month (1-12) of a day, range or month.
        day: The day of the month of a day or of the first day of a range.
        end_month: The month of a range's last day, if written ("Nov. 30-Dec. 2").
        end_day: The day of a range's last day ("Nov. 4-5" → 5).
        weekday: 0 (Monday) .. 6 (Sunday) of a weekday.
        season: The season of a season.
        unit: The unit of a relative expression.
        offset: -1 "last", 0 "this", +1 "next" (days: the count, "three
            days ago" → -3); ``None`` when the phrase says neither.
        part: ``"earlier"`` or ``"later"`` ("later this week"), else ``None``.
        phrase: The absolute month-name phrase :class:`DateParser` may parse
            ("Nov. 4, 2006"), or ``""``.
    """

    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field()
    text: str
    direction: int = attrs.field(validator=attrs.validators.in_((-1, 0, 1)))
    kind: DateKind
    year: int | None = None
    month: int | None = None
    day: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    weekday: int | None = None
    season: Season | None = None
    unit: Unit | None = None
    offset: int | None = None
    part: Part | None = None
    phrase: str = ""

    @end.validator
    def _check_end(self, attribute: attrs.Attribute[int], value: int) -> None:
        if value - self.start != len(self.text):
            raise ValueError(f"span {self.start}:{value} does not fit text {self.text!r}")

    @property
    def vague(self) -> bool:
        """Whether the phrase only tells past or future ("soon"): it never resolves."""
        return self.kind == "vague"

    @property
    def span(self) -> Span:
        """Where the expression is in the text."""
        return Span(self.start, self.end, self.text)


@attrs.frozen
class DurationExpr:
    """A length of time found in a text ("hour-and-45-minute", "two-day").

    Attributes:
        start: Offset of its first character in the full text.
        end: Offset just past its last character.
        text: ``text[start:end]``.
        duration: How long.
        unit: The smallest unit the words mention: ``"minutes"``,
            ``"hours"`` or ``"days"`` (a meeting's length uses the first two).
        qualifier: The hedge written before it, lower-cased ("nearly",
            "more than"), else ``None``; the duration is the number as written.
    """

    start: int
    end: int
    text: str
    duration: dt.timedelta
    unit: DurationUnit
    qualifier: str | None = None

    @property
    def span(self) -> Span:
        """Where the expression is in the text."""
        return Span(self.start, self.end, self.text)


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
    return _patterns().licensing_before.search(text[max(0, start - 12) : start]) is not None


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
    if m["ago_unit"] is not None:
        n = _number(m["count"])
        if n is None:
            return None
        if not m["ago_unit"].lower().startswith("day"):
            return DateExpr(*_where(text, m), -1, "vague")
        return DateExpr(*_where(text, m), -1, "relative", unit="day", offset=-n)
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
    return DateExpr(*_where(text, m), _direction(offset), "relative", unit=unit, offset=offset)


def _from_year(text: str, m: regex.Match[str]) -> DateExpr | None:
    return DateExpr(*_where(text, m), 0, "year", year=int(m["year"]))


def _from_season(text: str, m: regex.Match[str]) -> DateExpr | None:
    offset = _rel_offset(m["rel"])
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
    )


def _from_vague(text: str, m: regex.Match[str]) -> DateExpr | None:
    return DateExpr(*_where(text, m), 1 if m["future"] is not None else -1, "vague")


# A date pattern, the function that reads its matches, its hints and whether
# they are lower-case (compared with the lower-cased window).
_Finder = tuple[
    regex.Pattern[str], Callable[[str, regex.Match[str]], DateExpr | None], tuple[str, ...], bool
]

# Hints: strings one of which every match of a pattern holds. A window with
# none of them is not scanned with that pattern (a sentence with no month
# name skips the month patterns); they save time, not decide anything.
_MONTH_HINTS: Final = tuple(name[:3] for name in _MONTHS)  # "Jan" .. "Dec", as cased
_RELATIVE_HINTS: Final = (
    *("today", "tonight", "yesterday", "tomorrow", "week", "month", "year"),
    *("morning", "afternoon", "evening", "night", "ago"),
)
_VAGUE_HINTS: Final = (
    *("soon", "shortly", "later", "earlier", "recent", "lately", "previously"),
    *("past", "last", "time", "future", "coming", "next", "near", "foreseeable"),
)
_DURATION_HINTS: Final = ("hour", "minute", "half", "-day", " day", "daylong")


def _finders(patterns: _Patterns) -> tuple[_Finder, ...]:
    """Each date pattern with the function that reads its matches, and its hints."""
    return (
        (patterns.iso, _from_iso, ("-",), False),
        (patterns.month_day, _from_day, _MONTH_HINTS, False),
        (patterns.day_month, _from_day, _MONTH_HINTS, False),
        (patterns.month, _from_month, _MONTH_HINTS, False),
        (patterns.weekday, _from_weekday, _WEEKDAYS, False),
        (patterns.relative, _from_relative, _RELATIVE_HINTS, True),
        (patterns.year, _from_year, ("1", "2"), False),
        (patterns.season, _from_season, tuple(_SEASONS), True),
        (patterns.vague, _from_vague, _VAGUE_HINTS, True),
    )


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


def find_dates(text: str, start: int = 0, end: int | None = None) -> tuple[DateExpr, ...]:
    """Find the date expressions in ``text[start:end]``.

    Args:
        text: The full text; offsets in the results are into it.
        start: Where to start looking (usually a sentence's start).
        end: Where to stop looking, or ``None`` for the end of ``text``.

    Returns:
        The expressions in text order, non-overlapping: of overlapping
        candidates the longest wins ("later this week" over "later").

    >>> found = find_dates("They met last fall and will meet on Tuesday.")
    >>> [(d.text, d.kind, d.direction) for d in found]
    [('last fall', 'season', -1), ('on Tuesday', 'weekday', 0)]
    """
    start, end = _window(text, start, end)
    if start >= end:
        return ()
    window = text[start:end]
    lowered = window.lower()
    found: list[DateExpr] = []
    for pattern, build, hints, folded in _finders(_patterns()):
        if not any(hint in (lowered if folded else window) for hint in hints):
            continue
        for m in pattern.finditer(text, start, end):
            expr = build(text, m)
            if expr is not None:
                found.append(expr)
    return _longest(found)


# ---------------------------------------------------------------------------
# dateparser, for absolute month-name phrases only
# ---------------------------------------------------------------------------

# What DateParser gives for a phrase: (year, month, day), each None if not written.
_Parts = tuple[int | None, int | None, int | None]


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
            "RELATIVE_BASE": dt.datetime(2000, 1, 1),
        },
    )


@attrs.define
class DateParser:
    """A lazily built ``dateparser`` parser with a cache: make one per article.

    :func:`resolve` uses it, when given one, to read the absolute month-name
    phrases ("November 4, 2006", "Nov. 4", "July 2022") instead of the
    pattern's own pieces. ``dateparser`` is imported on the first parse, and
    each distinct phrase is parsed once.
    """

    _parser: DateDataParser | None = attrs.field(default=None, init=False, repr=False)
    _cache: dict[str, _Parts | None] = attrs.field(factory=dict, init=False, repr=False)

    def parse(self, phrase: str) -> _Parts | None:
        """Parse a short absolute phrase.

        Args:
            phrase: A month name with a day and/or a year ("Nov. 4, 2006").

        Returns:
            ``(year, month, day)`` with ``None`` for the parts the phrase
            does not write, or ``None`` if it is not a date ("February 30").
        """
        if phrase in self._cache:
            return self._cache[phrase]
        if self._parser is None:
            self._parser = _new_date_data_parser()
        try:
            data = self._parser.get_date_data(phrase)
        except Exception:  # dateparser is not ours: never let it raise
            data = None
        parts: _Parts | None = None
        if data is not None and data.date_obj is not None:
            written = getattr(data, "parts", None)
            if written is None:  # dateparser < 1.2 does not report parts
                written = ("year", "month", "day") if data.period == "day" else ("year", "month")
            date = data.date_obj
            parts = (
                date.year if "year" in written else None,
                date.month if "month" in written else None,
                date.day if "day" in written else None,
            )
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


def _relative(expr: DateExpr, published: dt.date | None) -> _Range | None:
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
    return first, last


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


def _bounds(
    expr: DateExpr,
    published: dt.date | None,
    future: bool | None,
    parser: DateParser | None,
) -> _Range | None:
    tense = future if future is not None else expr.direction > 0
    if expr.kind == "weekday":
        return _weekday(expr, published, tense)
    if expr.kind == "relative":
        return _relative(expr, published)
    if expr.kind == "year":
        return None if expr.year is None else _year_range(expr.year)
    if expr.kind == "season":
        return _season(expr, published, future)
    if expr.kind not in ("day", "month"):
        return None
    parts = _parts(expr, parser)
    if parts is None:
        return None
    if expr.kind == "month":
        return None if parts[1] is None else _month(expr, parts[0], parts[1], published, tense)
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
            phrases with ``dateparser``; ``None`` uses the pattern's pieces
            (faster, same results).

    Returns:
        The range at the precision the words give (one day, a week, a
        month, a season, a year), its ``text`` and ``span`` those of the
        expression; ``None`` for vague expressions ("soon"), impossible
        dates ("February 30") and relative ones without ``published``.
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


# ---------------------------------------------------------------------------
# Durations
# ---------------------------------------------------------------------------

_DURATION: Final = r"""
    (?i)                                                   # any case
    (?<![\p{L}\p{N}\-])                                    # a word start
    (?:(?P<qualifier>\L<qualifiers>)\s++)?                 # "nearly", "more than"
    (?>                                                    # atomic: no second reading
        # hours and minutes: "hour-and-45-minute", "an hour and 45 minutes", "1 hour 45 minutes"
        (?:(?P<hours>{number})[\s-]{1,3}+)?
        hours?[\s-]{1,3}+(?:and[\s-]{1,3}+)?
        (?P<minutes>{number})[\s-]{1,3}+minutes?
      | # "an hour and a half", "a day and a half"
        (?P<count>{number})[\s-]{1,3}+(?P<unit>minute|hour|day)s?
        [\s-]{1,3}+and[\s-]{1,3}+a[\s-]{1,3}+(?P<half>half)
      | # "two and a half hours", "one-and-a-half-hour"
        (?P<count>{number})[\s-]{1,3}+and[\s-]{1,3}+a[\s-]{1,3}+(?P<half>half)
        [\s-]{1,3}+(?P<unit>minute|hour|day)s?
      | # "half-hour", "half an hour", "a half hour", "half a day"
        (?:an?[\s-]{1,3}+)?(?P<only_half>half)[\s-]{1,3}+(?:an?[\s-]{1,3}+)?(?P<unit>hour|day)
      | # "two-hour", "55-minute", "2 hours", "an hour", "three days", "1.5 hours"
        (?P<count>\d{1,3}\.\d{1,2}|{number})(?P<sep>[\s-]{1,3}+)
        (?P<unit>minute|hour|day)s?
      | # "hour-long", "daylong"
        (?P<unit>minute|hour|day)(?=-?long\b)
    )
    (?P<long>-?long)?                                      # "-long"
    \b
    (?!\s++(?:later|earlier|ago|after|before|into|away|old|from\s++now)\b)  # not a point in time
    """


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


def _durations(text: str, start: int, end: int) -> Iterator[DurationExpr]:
    for m in _patterns().duration.finditer(text, start, end):
        try:
            found = _duration(m)
        except (ValueError, OverflowError):
            continue
        if found is None:
            continue
        qualifier = m["qualifier"]
        s, e = m.span()
        yield DurationExpr(
            s,
            e,
            text[s:e],
            found[0],
            found[1],
            None if qualifier is None else " ".join(qualifier.lower().split()),
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
    lowered = text[start:end].lower()
    if not any(hint in lowered for hint in _DURATION_HINTS):
        return ()
    return tuple(_durations(text, start, end))
