"""The records of the dates stage: found expressions, not yet resolved.

:class:`DateExpr` is a date expression as :func:`~diplotext._dates.find_dates`
finds it, :class:`DurationExpr` a length of time as
:func:`~diplotext._dates.find_durations` finds it; the ``Literal`` types name
the values their fields take. Dumb records: no patterns, no parsing.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

import attrs

from ._model import Span

__all__ = [
    "DateExpr",
    "DateKind",
    "DurationExpr",
    "DurationUnit",
    "Mod",
    "Part",
    "Season",
    "Unit",
]

DateKind = Literal["day", "weekday", "month", "season", "year", "relative", "vague"]
"""What a :class:`DateExpr` names (see its attributes)."""

Unit = Literal["day", "week", "weekend", "month", "year"]
"""The calendar unit of a relative expression ("last *week*")."""

Season = Literal["spring", "summer", "fall", "winter"]
"""A season of the Northern hemisphere."""

Part = Literal["earlier", "later"]
"""The half of a unit an expression keeps ("*earlier* this year")."""

Mod = Literal["early", "mid", "late"]
"""The part of a month, season, year or week a modifier keeps ("*late* April")."""

DurationUnit = Literal["minutes", "hours", "days"]
"""The smallest unit a :class:`DurationExpr` mentions."""


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
        mod: ``"early"``, ``"mid"`` or ``"late"`` before a month ("late
            April": days 16 to the end), a season or a week (its first,
            middle or last third) or a year ("early 2023": January-April),
            else ``None``.
        week: The week of a month ("the third week of April" → 3, days
            15-21), ``-1`` for its last seven days, else ``None``.
        share: ``(n, parts)``: the n-th of ``parts`` equal parts of a year
            ("the first quarter of 1987" → ``(1, 4)``, "the second half of
            next year" → ``(2, 2)``), else ``None``.
        until: The expression a range runs to ("in late April or *early
            May*", "from March 3 to *March 5*"), else ``None``; the range
            covers both, and ``start``/``end``/``text`` are the whole phrase's.
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
    mod: Mod | None = None
    week: int | None = None
    share: tuple[int, int] | None = None
    until: DateExpr | None = None

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
