"""Dates and durations: what is found, and what it resolves to."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplotext import _date_resolve as date_resolve
from diplotext import _date_words as date_words
from diplotext import _dates as dates_module
from diplotext._dates import (
    DateExpr,
    DateParser,
    DurationExpr,
    find_dates,
    find_durations,
    resolve,
)
from diplotext._dates import _Finder as Finder
from diplotext._model import DateRange, Span

# Publication dates used below (2024 is a leap year).
MON = dt.date(2024, 4, 1)
TUE = dt.date(2024, 4, 2)  # the seed article: "spoke by phone ... on Tuesday"
THU = dt.date(2024, 4, 4)
SUN = dt.date(2024, 4, 7)
JAN = dt.date(2024, 1, 15)  # a Monday
DEC = dt.date(2023, 12, 20)  # a Wednesday
SEP = dt.date(2024, 9, 15)


def one(sentence: str) -> DateExpr:
    """The only date expression in ``sentence``."""
    found = find_dates(sentence)
    assert len(found) == 1, found
    return found[0]


def days(
    sentence: str,
    published: dt.date | None,
    future: bool | None = None,
    parser: DateParser | None = None,
) -> tuple[str, str] | None:
    """The resolved range of the only date in ``sentence``, as ISO strings."""
    found = resolve(one(sentence), published, future=future, parser=parser)
    return None if found is None else (found.start.isoformat(), found.end.isoformat())


# ---------------------------------------------------------------------------
# Finding: the words, the kind, the direction the phrase itself gives
# ---------------------------------------------------------------------------

FOUND = [
    # weekdays
    pytest.param("They spoke on Tuesday.", "on Tuesday", "weekday", 0, id="on-weekday"),
    pytest.param("Tuesday's call lasted long.", "Tuesday", "weekday", 0, id="weekday-possessive"),
    pytest.param("They talked Tuesday night.", "Tuesday night", "weekday", 0, id="weekday-night"),
    pytest.param("They met last Tuesday.", "last Tuesday", "weekday", -1, id="last-weekday"),
    pytest.param("They meet next Tuesday.", "next Tuesday", "weekday", 1, id="next-weekday"),
    pytest.param("They meet this Tuesday.", "this Tuesday", "weekday", 0, id="this-weekday"),
    pytest.param("It was this past Sunday.", "this past Sunday", "weekday", -1, id="this-past"),
    pytest.param("It is this coming Friday.", "this coming Friday", "weekday", 1, id="this-coming"),
    # days relative to publication
    pytest.param("He said today.", "today", "relative", 0, id="today"),
    pytest.param("He speaks tonight.", "tonight", "relative", 0, id="tonight"),
    pytest.param("He said this morning.", "this morning", "relative", 0, id="this-morning"),
    pytest.param("He said earlier today.", "earlier today", "relative", 0, id="earlier-today"),
    pytest.param("He said yesterday.", "yesterday", "relative", -1, id="yesterday"),
    pytest.param("They spoke last night.", "last night", "relative", -1, id="last-night"),
    pytest.param("They meet tomorrow.", "tomorrow", "relative", 1, id="tomorrow"),
    pytest.param("They met three days ago.", "three days ago", "relative", -1, id="days-ago"),
    # months
    pytest.param("They met in November.", "in November", "month", 0, id="in-month"),
    pytest.param("The November summit.", "November", "month", 0, id="bare-month"),
    pytest.param("They met last November.", "last November", "month", -1, id="last-month-name"),
    pytest.param("They meet next November.", "next November", "month", 1, id="next-month-name"),
    pytest.param("They meet this November.", "this November", "month", 0, id="this-month-name"),
    pytest.param("They spoke in July 2022.", "in July 2022", "month", 0, id="month-year"),
    pytest.param("They spoke July of 2022.", "July of 2022", "month", 0, id="month-of-year"),
    pytest.param("They met in mid-March.", "in mid-March", "month", 0, id="mid-month"),
    pytest.param("The visit ends late April.", "late April", "month", 0, id="late-month"),
    pytest.param("They meet in early May.", "in early May", "month", 0, id="early-may"),
    pytest.param("Talks stalled since May.", "May", "month", 0, id="since-may"),
    pytest.param("A report from Dec. 2023.", "Dec. 2023", "month", 0, id="abbreviated-month-year"),
    # days of the month
    pytest.param("The March 31 deadline.", "March 31", "day", 0, id="month-day"),
    pytest.param("By 31 March they agreed.", "31 March", "day", 0, id="day-month"),
    pytest.param("They met Nov. 4.", "Nov. 4", "day", 0, id="abbreviated"),
    pytest.param("Born November 4, 2006.", "November 4, 2006", "day", 0, id="full-date"),
    pytest.param("The summit on Nov. 4-5.", "on Nov. 4-5", "day", 0, id="range"),
    pytest.param("The summit 4-5 November.", "4-5 November", "day", 0, id="range-day-first"),
    pytest.param("Talks Nov. 30-Dec. 2.", "Nov. 30-Dec. 2", "day", 0, id="range-two-months"),
    pytest.param("On the 4th of July.", "On the 4th of July", "day", 0, id="ordinal-of"),
    pytest.param(
        "On Tuesday, March 31, they met.", "On Tuesday, March 31", "day", 0, id="weekday-date"
    ),
    pytest.param("Wed., Nov. 4 was quiet.", "Wed., Nov. 4", "day", 0, id="abbreviated-weekday"),
    pytest.param("Filed 1996-08-22.", "1996-08-22", "day", 0, id="iso"),
    # ranges: two dates joined by "or", "to", "between ... and" are one expression
    pytest.param(
        "He will visit Ottawa sometime in late April or early May, an official said.",
        "in late April or early May",
        "month",
        0,
        id="months-or",
    ),
    pytest.param("They may meet in July or August.", "in July or August", "month", 0, id="or"),
    pytest.param("They meet in April or May.", "in April or May", "month", 0, id="or-may"),
    pytest.param(
        "Exports from January to March rose.",
        "from January to March",
        "month",
        0,
        id="to-march",
    ),
    pytest.param(
        "Trade from January to September rose.",
        "from January to September",
        "month",
        0,
        id="from-month-to-month",
    ),
    pytest.param(
        "He visits Israel from September 2 to 4, the ministry said.",
        "from September 2 to 4",
        "day",
        0,
        id="from-day-to-bare-day",
    ),
    pytest.param(
        "He toured China from Oct. 29 to Nov. 2.",
        "from Oct. 29 to Nov. 2",
        "day",
        0,
        id="from-day-to-day",
    ),
    pytest.param(
        "Talks are set for between May 4 and 6.",
        "between May 4 and 6",
        "day",
        0,
        id="between-and-bare-day",
    ),
    pytest.param(
        "The summit on April 24 and 25, officials said.",
        "on April 24 and 25",
        "day",
        0,
        id="day-and-day",
    ),
    pytest.param(
        "Plans for the September 30 to October 3 visit.",
        "September 30 to October 3",
        "day",
        0,
        id="day-to-day",
    ),
    pytest.param(
        "They met from March 3 until March 5.",
        "from March 3 until March 5",
        "day",
        0,
        id="from-until",
    ),
    pytest.param(
        "Talks are scheduled for Thursday and Friday.",
        "Thursday and Friday",
        "weekday",
        0,
        id="weekday-and-next-day",
    ),
    pytest.param(
        "It is held either on Friday or Sunday.",
        "on Friday or Sunday",
        "weekday",
        0,
        id="weekday-or-weekday",
    ),
    pytest.param(
        "He visits from Monday to Wednesday.",
        "from Monday to Wednesday",
        "weekday",
        0,
        id="from-weekday-to-weekday",
    ),
    pytest.param(
        "He visits Kabul from 7th to 9th December, he said.",
        "from 7th to 9th December",
        "day",
        0,
        id="from-bare-day-to-day-month",
    ),
    pytest.param(
        "Talks between 4 and 6 May 2020.",
        "between 4 and 6 May 2020",
        "day",
        0,
        id="between-bare-day-and-day-month",
    ),
    # weeks, months and years relative to publication
    pytest.param("They met last week.", "last week", "relative", -1, id="last-week"),
    pytest.param("They meet this week.", "this week", "relative", 0, id="this-week"),
    pytest.param("They meet next week.", "next week", "relative", 1, id="next-week"),
    pytest.param(
        "She goes later this week.", "later this week", "relative", 1, id="later-this-week"
    ),
    pytest.param(
        "She went earlier this week.", "earlier this week", "relative", -1, id="earlier-this-week"
    ),
    pytest.param(
        "She goes later in the week.", "later in the week", "relative", 1, id="later-in-the-week"
    ),
    pytest.param("They meet this weekend.", "this weekend", "relative", 0, id="this-weekend"),
    pytest.param(
        "A summit held at the weekend in Bamako.",
        "at the weekend",
        "relative",
        0,
        id="at-the-weekend",
    ),
    pytest.param(
        "Officials over the weekend said so.",
        "over the weekend",
        "relative",
        0,
        id="over-the-weekend",
    ),
    pytest.param("They met last month.", "last month", "relative", -1, id="last-month"),
    pytest.param("They meet next month.", "next month", "relative", 1, id="next-month"),
    pytest.param("Last year's summit.", "Last year", "relative", -1, id="last-year-possessive"),
    pytest.param(
        "He spoke earlier this year.", "earlier this year", "relative", -1, id="earlier-this-year"
    ),
    pytest.param(
        "He goes later this year.", "later this year", "relative", 1, id="later-this-year"
    ),
    pytest.param(
        "He goes early next year.", "early next year", "relative", 1, id="early-next-year"
    ),
    pytest.param("The test early last month.", "early last month", "relative", -1, id="early-last"),
    pytest.param(
        "He arrives early next week.", "early next week", "relative", 1, id="early-next-week"
    ),
    pytest.param(
        "Talks are held in the third week of this month.",
        "in the third week of this month",
        "relative",
        0,
        id="week-of-this-month",
    ),
    pytest.param(
        "A visit in the first week of next month.",
        "in the first week of next month",
        "relative",
        1,
        id="week-of-next-month",
    ),
    pytest.param(
        "They met the last week of March.",
        "the last week of March",
        "month",
        0,
        id="last-week-of-month",
    ),
    pytest.param(
        "He comes at the end of the month for talks.",
        "at the end of the month",
        "relative",
        0,
        id="end-of-the-month",
    ),
    pytest.param(
        "They talk by the middle of next week.",
        "the middle of next week",
        "relative",
        1,
        id="middle-of-next-week",
    ),
    pytest.param(
        "Talks resumed at the beginning of December.",
        "at the beginning of December",
        "month",
        0,
        id="beginning-of-month",
    ),
    pytest.param(
        "Relief lasts until the end of 2005.", "the end of 2005", "year", 0, id="end-of-year"
    ),
    pytest.param(
        "Exports rose in the first quarter of 1987.",
        "in the first quarter of 1987",
        "year",
        0,
        id="quarter-of-year",
    ),
    pytest.param(
        "A summit in the second half of next year.",
        "in the second half of next year",
        "relative",
        1,
        id="half-of-next-year",
    ),
    pytest.param("They met in 2022.", "in 2022", "year", 0, id="in-year"),
    pytest.param("They met in early 2023.", "in early 2023", "year", 0, id="in-early-year"),
    pytest.param("They met by mid-2023.", "mid-2023", "year", 0, id="mid-year"),
    # seasons
    pytest.param("They met last fall.", "last fall", "season", -1, id="last-fall"),
    pytest.param("They met last autumn.", "last autumn", "season", -1, id="last-autumn"),
    pytest.param("They meet this spring.", "this spring", "season", 0, id="this-spring"),
    pytest.param("They meet next summer.", "next summer", "season", 1, id="next-summer"),
    pytest.param("They meet in the fall.", "in the fall", "season", 0, id="in-the-fall"),
    pytest.param(
        "They met in the fall of 2019.", "in the fall of 2019", "season", 0, id="fall-of-year"
    ),
    pytest.param("They met in winter 2021.", "in winter 2021", "season", 0, id="winter-year"),
    # vague: a direction, never a date
    pytest.param(
        "They meet in the coming weeks.", "in the coming weeks", "vague", 1, id="coming-weeks"
    ),
    pytest.param(
        "Talks in the coming weeks and months.",
        "in the coming weeks and months",
        "vague",
        1,
        id="coming-weeks-and-months",
    ),
    pytest.param(
        "A meeting in the near future.", "in the near future", "vague", 1, id="near-future"
    ),
    pytest.param("They will meet soon.", "soon", "vague", 1, id="soon"),
    pytest.param("They will talk later.", "later", "vague", 1, id="later"),
    pytest.param("They met recently.", "recently", "vague", -1, id="recently"),
    pytest.param("As he said earlier, no.", "earlier", "vague", -1, id="earlier"),
    pytest.param("He was minister at the time.", "at the time", "vague", -1, id="at-the-time"),
    pytest.param(
        "Ties improved in recent weeks.", "in recent weeks", "vague", -1, id="recent-weeks"
    ),
    pytest.param("Gains over the past year.", "over the past year", "vague", -1, id="past-year"),
    pytest.param("They met two weeks ago.", "two weeks ago", "vague", -1, id="weeks-ago"),
]


@pytest.mark.parametrize(("sentence", "text", "kind", "direction"), FOUND)
def test_found(sentence: str, text: str, kind: str, direction: int) -> None:
    """Each form is found whole, with its kind and the direction it says."""
    expr = one(sentence)
    assert (expr.text, expr.kind, expr.direction) == (text, kind, direction)
    assert sentence[expr.start : expr.end] == expr.text
    assert expr.vague is (kind == "vague")


NOT_DATES = [
    pytest.param("We will continue to examine the results.", id="we"),
    pytest.param("Officials may meet again.", id="may-modal"),
    pytest.param("May I ask a question?", id="may-sentence-start"),
    pytest.param("Theresa May said so.", id="may-name"),
    pytest.param("Protesters joined the march.", id="march-noun"),
    pytest.param("March organisers were arrested.", id="march-capitalised"),
    pytest.param("The hour-and-45-minute meeting was candid.", id="compound-duration"),
    pytest.param("It sent 2,000 troops in 2,000 trucks.", id="counts"),
    pytest.param("Ties frayed in the 1990s.", id="decade"),
    pytest.param("The Sun reported it. Sat on it.", id="sun-sat"),
    pytest.param("The second meeting went well.", id="second"),
    pytest.param("A day of talks lasted two days.", id="durations"),
    pytest.param("Two days later they left.", id="days-later"),
    pytest.param("They left soon after the vote, as soon as they could.", id="soon-after"),
    pytest.param("The 2024 US election.", id="year-as-adjective"),
    pytest.param("He called on 8/22/1996.", id="us-numeric"),
    pytest.param("Primaries on Super Tuesday.", id="super-tuesday"),
    pytest.param("They meet on Tuesdays.", id="weekday-plural"),
    pytest.param("The Arab Spring and the fall of Kabul.", id="season-words"),
    pytest.param("The last week of talks, the last year of his term.", id="the-last-week"),
    pytest.param("Jan Smith and Dec Jones.", id="month-abbreviations-as-names"),
    pytest.param("The late president met the late king.", id="late-adjective"),
    pytest.param("Early voting began; a late surge followed.", id="early-late-adjectives"),
    pytest.param("In the first week of talks they agreed.", id="first-week-of-talks"),
    pytest.param("At the end of the war, the start of talks.", id="end-of-a-noun"),
    pytest.param("The end of the 1990s.", id="end-of-a-decade"),
    pytest.param("In the first half of the game, the third half of 2005.", id="half-of-a-noun"),
]


NOT_JOINED = [
    pytest.param(
        "The talks were moved from May 4 to May 6.", ["May 4", "May 6"], id="moved-from-to"
    ),
    pytest.param(
        "The vote was postponed from March to June.", ["March", "June"], id="postponed-from-to"
    ),
    pytest.param("He was in Paris in June and in July.", ["in June", "in July"], id="and-two"),
    pytest.param("On May 4 and 6 people died.", ["On May 4"], id="bare-count"),
    pytest.param("In May until June it rained.", ["In May", "June"], id="until-needs-from"),
    pytest.param("On May 4 or 2 ...", ["On May 4"], id="backwards-bare-day"),
    pytest.param("On Monday and Friday.", ["On Monday", "Friday"], id="weekdays-and-apart"),
    pytest.param("On Monday and May 4.", ["On Monday", "May 4"], id="weekday-and-day"),
    pytest.param(
        "Mutinies in April and May, bombings in February and March.",
        ["in April", "May", "in February", "March"],
        id="and-licenses-may-march",
    ),
    pytest.param("In April, May said so.", ["In April"], id="comma-no-license"),
    pytest.param("It was moved from 3 to 5 May.", ["5 May"], id="moved-bare-day"),
    pytest.param("Votes on 3 and 4 May.", ["4 May"], id="bare-day-needs-from"),
]


@pytest.mark.parametrize("sentence", NOT_DATES)
def test_not_a_date(sentence: str) -> None:
    """Words that look like dates but are not are not found."""
    assert find_dates(sentence) == ()


@pytest.mark.parametrize(("sentence", "texts"), NOT_JOINED)
def test_not_joined(sentence: str, texts: list[str]) -> None:
    """Two dates that are not one range stay two ("moved from May to June")."""
    assert [d.text for d in find_dates(sentence)] == texts


def test_range_keeps_both_ends() -> None:
    """A range is its first expression with the last as ``until``, the whole phrase its span."""
    text = "He visits in late April or early May."
    (expr,) = find_dates(text)
    assert (expr.kind, expr.month, expr.mod) == ("month", 4, "late")
    assert expr.until is not None
    assert (expr.until.text, expr.until.month, expr.until.mod) == ("early May", 5, "early")
    assert text[expr.start : expr.end] == expr.text == "in late April or early May"


def test_several_in_order_longest_wins() -> None:
    """Several expressions come back in text order, the longest of overlapping ones."""
    text = "He met Xi last fall and will see him later this week, and in the fall of 2025."
    assert [d.text for d in find_dates(text)] == [
        "last fall",
        "later this week",
        "in the fall of 2025",
    ]


def test_window_offsets_are_into_the_full_text() -> None:
    """start and end limit the search; offsets stay those of the full text."""
    text = "They met on Monday. They will meet on Friday."
    second = text.index("They will")
    found = find_dates(text, second, len(text))
    assert [(d.text, d.start, d.end) for d in found] == [
        ("on Friday", text.index("on Friday"), len(text) - 1)
    ]
    assert find_dates(text, 0, second) == find_dates(text)[:1]
    assert find_dates(text, 10, 5) == ()
    assert find_dates(text, -5, 10_000) == find_dates(text)


def test_seed_sentence() -> None:
    """The seed article's first sentence: one weekday, one month."""
    text = (
        "President Joe Biden spoke by phone with Chinese President Xi Jinping on Tuesday, "
        "the first meeting between the leaders since their historic face-to-face summit "
        "in November."
    )
    found = find_dates(text)
    assert [d.text for d in found] == ["on Tuesday", "in November"]
    assert [days(d.text, TUE) for d in found] == [
        ("2024-04-02", "2024-04-02"),
        ("2023-11-01", "2023-11-30"),
    ]


# ---------------------------------------------------------------------------
# Resolving against the publication date and the tense
# ---------------------------------------------------------------------------

RESOLVED = [
    # weekdays: past → on or before publication; future → on or after
    pytest.param(
        "on Tuesday", TUE, False, ("2024-04-02", "2024-04-02"), id="tuesday-story-tuesday"
    ),
    pytest.param("on Tuesday", TUE, None, ("2024-04-02", "2024-04-02"), id="no-tense-is-past"),
    pytest.param("Tuesday's call", TUE, None, ("2024-04-02", "2024-04-02"), id="possessive"),
    pytest.param("Tuesday night", TUE, False, ("2024-04-02", "2024-04-02"), id="night"),
    pytest.param("on Monday", TUE, False, ("2024-04-01", "2024-04-01"), id="day-before"),
    pytest.param("on Wednesday", TUE, False, ("2024-03-27", "2024-03-27"), id="past-week-ago"),
    pytest.param(
        "on Thursday",
        THU,
        True,
        ("2024-04-04", "2024-04-04"),
        id="thursday-story-will-meet-thursday",
    ),
    pytest.param(
        "on Thursday", TUE, True, ("2024-04-04", "2024-04-04"), id="future-later-this-week"
    ),
    pytest.param("on Monday", TUE, True, ("2024-04-08", "2024-04-08"), id="future-next-week"),
    pytest.param("on Tuesday", THU, True, ("2024-04-09", "2024-04-09"), id="future-tense-decides"),
    pytest.param(
        "last Tuesday", TUE, None, ("2024-03-26", "2024-03-26"), id="last-is-strictly-before"
    ),
    pytest.param("last Monday", TUE, True, ("2024-04-01", "2024-04-01"), id="last-wins-over-tense"),
    pytest.param(
        "next Tuesday", TUE, None, ("2024-04-09", "2024-04-09"), id="next-is-strictly-after"
    ),
    pytest.param(
        "next Wednesday", TUE, False, ("2024-04-03", "2024-04-03"), id="next-wins-over-tense"
    ),
    pytest.param("this Friday", TUE, True, ("2024-04-05", "2024-04-05"), id="this-future"),
    pytest.param("this past Sunday", TUE, None, ("2024-03-31", "2024-03-31"), id="this-past"),
    pytest.param("on Tuesday", None, False, None, id="weekday-needs-published"),
    # days relative to publication
    pytest.param("today", TUE, None, ("2024-04-02", "2024-04-02"), id="today"),
    pytest.param("tonight", TUE, True, ("2024-04-02", "2024-04-02"), id="tonight"),
    pytest.param("this morning", TUE, None, ("2024-04-02", "2024-04-02"), id="this-morning"),
    pytest.param("this evening", TUE, None, ("2024-04-02", "2024-04-02"), id="this-evening"),
    pytest.param("yesterday", TUE, None, ("2024-04-01", "2024-04-01"), id="yesterday"),
    pytest.param("last night", TUE, None, ("2024-04-01", "2024-04-01"), id="last-night"),
    pytest.param("tomorrow", TUE, None, ("2024-04-03", "2024-04-03"), id="tomorrow"),
    pytest.param(
        "yesterday",
        dt.date(2024, 1, 1),
        None,
        ("2023-12-31", "2023-12-31"),
        id="yesterday-new-year",
    ),
    pytest.param("three days ago", TUE, None, ("2024-03-30", "2024-03-30"), id="days-ago"),
    pytest.param("yesterday", None, None, None, id="yesterday-needs-published"),
    # months: past → on or before the publication month; future → on or after
    pytest.param("in November", TUE, False, ("2023-11-01", "2023-11-30"), id="month-past"),
    pytest.param("in November", TUE, None, ("2023-11-01", "2023-11-30"), id="month-no-tense-past"),
    pytest.param("in April", TUE, False, ("2024-04-01", "2024-04-30"), id="same-month-past"),
    pytest.param("in November", TUE, True, ("2024-11-01", "2024-11-30"), id="month-future"),
    pytest.param("in April", TUE, True, ("2024-04-01", "2024-04-30"), id="same-month-future"),
    pytest.param("in March", TUE, True, ("2025-03-01", "2025-03-31"), id="month-future-next-year"),
    pytest.param("in December", JAN, False, ("2023-12-01", "2023-12-31"), id="december-in-january"),
    pytest.param("in January", DEC, True, ("2024-01-01", "2024-01-31"), id="january-in-december"),
    pytest.param("in February", TUE, False, ("2024-02-01", "2024-02-29"), id="leap-february"),
    pytest.param("last November", TUE, None, ("2023-11-01", "2023-11-30"), id="last-month-name"),
    pytest.param("last April", TUE, None, ("2023-04-01", "2023-04-30"), id="last-same-month"),
    pytest.param("last March", TUE, True, ("2024-03-01", "2024-03-31"), id="last-previous-month"),
    pytest.param("next November", TUE, None, ("2024-11-01", "2024-11-30"), id="next-month-name"),
    pytest.param("next April", TUE, None, ("2025-04-01", "2025-04-30"), id="next-same-month"),
    pytest.param("this November", TUE, None, ("2024-11-01", "2024-11-30"), id="this-month-name"),
    # early, mid, late in a month: days 1-15, 11-20, 16 to the end
    pytest.param("in mid-November", TUE, False, ("2023-11-11", "2023-11-20"), id="mid-month"),
    pytest.param("in early May", TUE, True, ("2024-05-01", "2024-05-15"), id="early-month"),
    pytest.param("in late April", TUE, True, ("2024-04-16", "2024-04-30"), id="late-month"),
    pytest.param("late February", TUE, False, ("2024-02-16", "2024-02-29"), id="late-leap-month"),
    pytest.param("late July 2022", None, None, ("2022-07-16", "2022-07-31"), id="late-month-year"),
    pytest.param("early last month", TUE, None, ("2024-03-01", "2024-03-15"), id="early-last"),
    pytest.param("late next month", TUE, None, ("2024-05-16", "2024-05-31"), id="late-next"),
    pytest.param("mid-this month", TUE, None, ("2024-04-11", "2024-04-20"), id="mid-this"),
    # the beginning, middle, end of a period: as early, mid, late
    pytest.param(
        "at the end of the month", TUE, None, ("2024-04-16", "2024-04-30"), id="end-of-the-month"
    ),
    pytest.param(
        "the beginning of December",
        TUE,
        False,
        ("2023-12-01", "2023-12-15"),
        id="beginning-of-month",
    ),
    pytest.param(
        "the middle of next week", TUE, None, ("2024-04-09", "2024-04-11"), id="middle-of-week"
    ),
    pytest.param(
        "at the end of the year", TUE, None, ("2024-09-01", "2024-12-31"), id="end-of-the-year"
    ),
    pytest.param("the start of 2019", None, None, ("2019-01-01", "2019-04-30"), id="start-of-year"),
    # quarters and halves of a year
    pytest.param(
        "the first quarter of 1987", None, None, ("1987-01-01", "1987-03-31"), id="quarter-1"
    ),
    pytest.param(
        "the last quarter of 2005", None, None, ("2005-10-01", "2005-12-31"), id="quarter-last"
    ),
    pytest.param(
        "the first half of this year", TUE, None, ("2024-01-01", "2024-06-30"), id="half-1"
    ),
    pytest.param(
        "the second half of next year", TUE, None, ("2025-07-01", "2025-12-31"), id="half-2"
    ),
    # the weeks of a month: 1-7, 8-14, 15-21, 22-28, the last seven days
    pytest.param("the first week of April", TUE, True, ("2024-04-01", "2024-04-07"), id="week-1"),
    pytest.param("the second week of April", TUE, True, ("2024-04-08", "2024-04-14"), id="week-2"),
    pytest.param("the third week of April", TUE, True, ("2024-04-15", "2024-04-21"), id="week-3"),
    pytest.param("the fourth week of April", TUE, True, ("2024-04-22", "2024-04-28"), id="week-4"),
    pytest.param(
        "the last week of February", TUE, False, ("2024-02-23", "2024-02-29"), id="last-week-of"
    ),
    pytest.param(
        "the final week of March 2023", None, None, ("2023-03-25", "2023-03-31"), id="final-week"
    ),
    pytest.param(
        "in the third week of this month",
        TUE,
        None,
        ("2024-04-15", "2024-04-21"),
        id="week-of-this-month",
    ),
    pytest.param(
        "the first week of next month",
        TUE,
        None,
        ("2024-05-01", "2024-05-07"),
        id="week-of-next-month",
    ),
    pytest.param(
        "the last week of last month",
        JAN,
        None,
        ("2023-12-25", "2023-12-31"),
        id="week-of-last-month",
    ),
    # ranges: from the first's start to the last's end, the year from either side
    pytest.param(
        "in late April or early May", TUE, True, ("2024-04-16", "2024-05-15"), id="months-or"
    ),
    pytest.param(
        "in late April or early May",
        dt.date(1987, 3, 23),
        True,
        ("1987-04-16", "1987-05-15"),
        id="months-or-answer",
    ),
    pytest.param("in July or August", TUE, False, ("2023-07-01", "2023-08-31"), id="or-past"),
    pytest.param(
        "from January to September", SEP, False, ("2024-01-01", "2024-09-30"), id="from-to"
    ),
    pytest.param("from March 3 to March 5", TUE, None, ("2024-03-03", "2024-03-05"), id="days-to"),
    pytest.param("between May 4 and 6", TUE, True, ("2024-05-04", "2024-05-06"), id="bare-day"),
    pytest.param(
        "Thursday and Friday", TUE, True, ("2024-04-04", "2024-04-05"), id="weekdays-future"
    ),
    pytest.param(
        "on Friday or Sunday", TUE, False, ("2024-03-29", "2024-03-31"), id="weekdays-past"
    ),
    pytest.param(
        "from Monday to Wednesday",
        TUE,
        True,
        ("2024-04-08", "2024-04-10"),
        id="weekdays-from-the-first",
    ),
    pytest.param(
        "last Tuesday or Wednesday", TUE, None, ("2024-03-26", "2024-03-27"), id="last-weekdays"
    ),
    pytest.param(
        "from 7th to 9th December",
        dt.date(2006, 11, 21),
        True,
        ("2006-12-07", "2006-12-09"),
        id="bare-day-first",
    ),
    pytest.param("from June 3 to 6, 2019", TUE, None, ("2019-06-03", "2019-06-06"), id="bare-year"),
    pytest.param(
        "from Dec. 30 to Jan. 2", JAN, False, ("2023-12-30", "2024-01-02"), id="over-new-year"
    ),
    pytest.param(
        "from Dec. 30 to Jan. 2, 2024",
        None,
        None,
        ("2023-12-30", "2024-01-02"),
        id="year-of-the-last",
    ),
    pytest.param(
        "from Nov. 30, 2023 to Dec. 2",
        None,
        None,
        ("2023-11-30", "2023-12-02"),
        id="year-of-the-first",
    ),
    pytest.param(
        "from late 2022 to early 2023", None, None, ("2022-09-01", "2023-04-30"), id="years-to"
    ),
    pytest.param("from March 5 to March 3, 2024", None, None, None, id="backwards"),
    pytest.param("in July 2022", TUE, True, ("2022-07-01", "2022-07-31"), id="year-wins"),
    pytest.param(
        "in July 2022", None, None, ("2022-07-01", "2022-07-31"), id="month-year-unpublished"
    ),
    pytest.param(
        "Dec. 2023", None, None, ("2023-12-01", "2023-12-31"), id="abbreviated-month-year"
    ),
    pytest.param("in November", None, False, None, id="month-needs-published"),
    # days of the month: nearest if within ~2 months and no tense; else by tense
    pytest.param("March 31", TUE, None, ("2024-03-31", "2024-03-31"), id="near-past"),
    pytest.param("May 4", TUE, None, ("2024-05-04", "2024-05-04"), id="near-future"),
    pytest.param("May 4", TUE, False, ("2023-05-04", "2023-05-04"), id="tense-past"),
    pytest.param("Nov. 4", TUE, None, ("2023-11-04", "2023-11-04"), id="far-defaults-past"),
    pytest.param("Nov. 4", TUE, True, ("2024-11-04", "2024-11-04"), id="far-future"),
    pytest.param("April 2", TUE, True, ("2024-04-02", "2024-04-02"), id="publication-day-future"),
    pytest.param("April 2", TUE, False, ("2024-04-02", "2024-04-02"), id="publication-day-past"),
    pytest.param("31 March", TUE, None, ("2024-03-31", "2024-03-31"), id="day-first"),
    pytest.param("Nov. 4-5", TUE, True, ("2024-11-04", "2024-11-05"), id="range"),
    pytest.param("4-5 November", TUE, False, ("2023-11-04", "2023-11-05"), id="range-day-first"),
    pytest.param("Nov. 30-Dec. 2", TUE, None, ("2023-11-30", "2023-12-02"), id="range-two-months"),
    pytest.param("Dec. 30-Jan. 2", JAN, None, ("2023-12-30", "2024-01-02"), id="range-new-year"),
    pytest.param("December 28", JAN, None, ("2023-12-28", "2023-12-28"), id="nearest-last-year"),
    pytest.param("January 5", DEC, None, ("2024-01-05", "2024-01-05"), id="nearest-next-year"),
    pytest.param("the 4th of July", TUE, True, ("2024-07-04", "2024-07-04"), id="ordinal"),
    pytest.param(
        "Feb. 29", dt.date(2023, 6, 1), False, ("2020-02-29", "2020-02-29"), id="leap-day-past"
    ),
    pytest.param(
        "Feb. 29", dt.date(2023, 6, 1), True, ("2024-02-29", "2024-02-29"), id="leap-day-future"
    ),
    pytest.param("November 4, 2006", TUE, True, ("2006-11-04", "2006-11-04"), id="explicit-year"),
    pytest.param(
        "November 4, 2006", None, None, ("2006-11-04", "2006-11-04"), id="full-unpublished"
    ),
    pytest.param("1996-08-22", None, None, ("1996-08-22", "1996-08-22"), id="iso"),
    pytest.param("February 30", TUE, None, None, id="impossible-day"),
    pytest.param("February 30, 2023", None, None, None, id="impossible-full-date"),
    pytest.param("Nov. 5-4", TUE, None, None, id="backwards-range"),
    pytest.param("March 31", None, None, None, id="day-needs-published"),
    # years, months and weeks relative to publication (weeks run Monday-Sunday)
    pytest.param("in 2022", TUE, None, ("2022-01-01", "2022-12-31"), id="in-year"),
    pytest.param("in 2022", None, None, ("2022-01-01", "2022-12-31"), id="year-unpublished"),
    # early, mid, late in a year: January-April, May-August, September-December
    pytest.param("in early 2023", TUE, None, ("2023-01-01", "2023-04-30"), id="early-year"),
    pytest.param("by mid-2023", TUE, None, ("2023-05-01", "2023-08-31"), id="mid-year"),
    pytest.param("in late 2023", TUE, None, ("2023-09-01", "2023-12-31"), id="late-year"),
    pytest.param("early next year", TUE, None, ("2025-01-01", "2025-04-30"), id="early-next-year"),
    pytest.param("late this year", TUE, None, ("2024-09-01", "2024-12-31"), id="late-this-year"),
    # early, mid, late in a week: Monday-Wednesday, Tuesday-Thursday, Thursday-Sunday
    pytest.param("early next week", TUE, None, ("2024-04-08", "2024-04-10"), id="early-week"),
    pytest.param("mid-next week", TUE, None, ("2024-04-09", "2024-04-11"), id="mid-week"),
    pytest.param("late this week", TUE, None, ("2024-04-04", "2024-04-07"), id="late-week"),
    # early, mid, late in a season: its first, second, third month
    pytest.param("in late spring", SEP, False, ("2024-05-01", "2024-05-31"), id="late-spring"),
    pytest.param("in early winter", SEP, True, ("2024-12-01", "2024-12-31"), id="early-winter"),
    pytest.param("last year", TUE, None, ("2023-01-01", "2023-12-31"), id="last-year"),
    pytest.param("this year", TUE, None, ("2024-01-01", "2024-12-31"), id="this-year"),
    pytest.param("next year", TUE, None, ("2025-01-01", "2025-12-31"), id="next-year"),
    pytest.param(
        "earlier this year", TUE, None, ("2024-01-01", "2024-04-02"), id="earlier-this-year"
    ),
    pytest.param("later this year", TUE, None, ("2024-04-03", "2024-12-31"), id="later-this-year"),
    pytest.param("this month", TUE, None, ("2024-04-01", "2024-04-30"), id="this-month"),
    pytest.param("last month", TUE, None, ("2024-03-01", "2024-03-31"), id="last-month"),
    pytest.param("next month", TUE, None, ("2024-05-01", "2024-05-31"), id="next-month"),
    pytest.param("last month", JAN, None, ("2023-12-01", "2023-12-31"), id="last-month-new-year"),
    pytest.param("next month", DEC, None, ("2024-01-01", "2024-01-31"), id="next-month-new-year"),
    pytest.param(
        "earlier this month", TUE, None, ("2024-04-01", "2024-04-02"), id="earlier-this-month"
    ),
    pytest.param(
        "later this month", TUE, None, ("2024-04-03", "2024-04-30"), id="later-this-month"
    ),
    pytest.param("this week", TUE, None, ("2024-04-01", "2024-04-07"), id="this-week"),
    pytest.param("last week", TUE, None, ("2024-03-25", "2024-03-31"), id="last-week"),
    pytest.param("next week", TUE, None, ("2024-04-08", "2024-04-14"), id="next-week"),
    pytest.param("last week", JAN, None, ("2024-01-08", "2024-01-14"), id="last-week-monday-story"),
    pytest.param("later this week", TUE, None, ("2024-04-03", "2024-04-07"), id="later-this-week"),
    pytest.param("later this week", SUN, None, None, id="later-this-week-sunday-story"),
    pytest.param(
        "earlier this week", TUE, None, ("2024-04-01", "2024-04-02"), id="earlier-this-week"
    ),
    pytest.param(
        "earlier this week", MON, None, ("2024-04-01", "2024-04-01"), id="earlier-monday-story"
    ),
    pytest.param("this weekend", TUE, None, ("2024-04-06", "2024-04-07"), id="this-weekend"),
    pytest.param("last weekend", TUE, None, ("2024-03-30", "2024-03-31"), id="last-weekend"),
    # "over the weekend": the last one (or the one under way) in the past, else the next
    pytest.param("over the weekend", TUE, False, ("2024-03-30", "2024-03-31"), id="weekend-past"),
    pytest.param("over the weekend", TUE, True, ("2024-04-06", "2024-04-07"), id="weekend-future"),
    pytest.param("at the weekend", SUN, False, ("2024-04-06", "2024-04-07"), id="weekend-sunday"),
    pytest.param("at the weekend", None, False, None, id="weekend-needs-published"),
    pytest.param("last year", None, None, None, id="relative-needs-published"),
    # seasons: spring Mar-May, summer Jun-Aug, fall Sep-Nov, winter Dec-Feb
    pytest.param("last fall", TUE, None, ("2023-09-01", "2023-11-30"), id="last-fall"),
    pytest.param("last autumn", TUE, None, ("2023-09-01", "2023-11-30"), id="last-autumn"),
    pytest.param("last winter", TUE, None, ("2023-12-01", "2024-02-29"), id="last-winter"),
    pytest.param(
        "last summer", SEP, None, ("2024-06-01", "2024-08-31"), id="last-summer-just-ended"
    ),
    pytest.param(
        "this spring", TUE, None, ("2024-03-01", "2024-05-31"), id="this-spring-under-way"
    ),
    pytest.param("this summer", TUE, None, ("2024-06-01", "2024-08-31"), id="this-summer"),
    pytest.param("this fall", TUE, None, ("2024-09-01", "2024-11-30"), id="this-fall"),
    pytest.param(
        "this winter", JAN, None, ("2023-12-01", "2024-02-29"), id="this-winter-under-way"
    ),
    pytest.param("this winter", TUE, False, ("2023-12-01", "2024-02-29"), id="this-winter-past"),
    pytest.param("this winter", TUE, True, ("2024-12-01", "2025-02-28"), id="this-winter-future"),
    pytest.param("next spring", TUE, None, ("2025-03-01", "2025-05-31"), id="next-spring"),
    pytest.param("in the fall", TUE, True, ("2024-09-01", "2024-11-30"), id="fall-future"),
    pytest.param("in the fall", TUE, False, ("2023-09-01", "2023-11-30"), id="fall-past"),
    pytest.param("in the spring", TUE, False, ("2024-03-01", "2024-05-31"), id="spring-under-way"),
    pytest.param(
        "in the fall of 2019", None, None, ("2019-09-01", "2019-11-30"), id="fall-of-year"
    ),
    pytest.param("in winter 2021", TUE, None, ("2021-12-01", "2022-02-28"), id="winter-year"),
    pytest.param("last fall", None, None, None, id="season-needs-published"),
    # vague: never a date
    pytest.param("in the coming weeks", TUE, True, None, id="coming-weeks"),
    pytest.param("in the near future", TUE, True, None, id="near-future-vague"),
    pytest.param("soon", TUE, None, None, id="soon"),
    pytest.param("recently", TUE, None, None, id="recently"),
    pytest.param("at the time", TUE, False, None, id="at-the-time"),
    pytest.param("two weeks ago", TUE, None, None, id="weeks-ago"),
]


@pytest.mark.parametrize(("sentence", "published", "future", "expected"), RESOLVED)
def test_resolved(
    sentence: str, published: dt.date | None, future: bool | None, expected: tuple[str, str] | None
) -> None:
    """Each form resolves to the range the hand-made answers give."""
    assert days(sentence, published, future) == expected


def test_resolved_record() -> None:
    """The range carries the expression's words and span."""
    text = "Biden and Xi last spoke by phone in July 2022."
    expr = one(text)
    assert resolve(expr, TUE) == DateRange(
        dt.date(2022, 7, 1),
        dt.date(2022, 7, 31),
        "in July 2022",
        Span(text.index("in July"), len(text) - 1, "in July 2022"),
    )


def test_direction_is_the_default_tense() -> None:
    """Without a tense a future-pointing phrase resolves forward, others backward."""
    assert days("next Tuesday", THU) == ("2024-04-09", "2024-04-09")
    assert days("on Tuesday", THU) == ("2024-04-02", "2024-04-02")
    assert days("on Tuesday", THU, future=True) == ("2024-04-09", "2024-04-09")


def test_published_datetime_is_a_day() -> None:
    """A datetime publication date counts as its day."""
    assert resolve(one("yesterday"), dt.datetime(2024, 4, 2, 23, 59)) == resolve(
        one("yesterday"), TUE
    )


ODD_RECORDS = [
    pytest.param(DateExpr(0, 3, "odd", 0, "day", year=0, month=1, day=1), id="year-0"),
    pytest.param(DateExpr(0, 3, "odd", 0, "day", year=99999, month=1, day=1), id="year-99999"),
    pytest.param(DateExpr(0, 3, "odd", 0, "year", year=99999), id="year-kind-99999"),
    pytest.param(DateExpr(0, 3, "odd", 0, "month", year=2024, month=13), id="month-13"),
    pytest.param(DateExpr(0, 3, "odd", 0, "month"), id="month-missing"),
    pytest.param(DateExpr(0, 3, "odd", 0, "day", month=2, day=30), id="february-30"),
    pytest.param(DateExpr(0, 3, "odd", 0, "weekday", weekday=9), id="weekday-9"),
    pytest.param(DateExpr(0, 3, "odd", 0, "season"), id="season-missing"),
    pytest.param(DateExpr(0, 3, "odd", 0, "relative", unit="day", offset=10**9), id="huge-offset"),
    pytest.param(
        DateExpr(0, 3, "odd", 0, "relative", unit="year", offset=-(10**6)), id="year-offset"
    ),
    pytest.param(DateExpr(0, 3, "odd", 0, "vague"), id="vague"),
    pytest.param(
        DateExpr(0, 3, "odd", 0, "month", month=4, until=DateExpr(0, 3, "odd", 0, "vague")),
        id="range-to-vague",
    ),
    pytest.param(
        DateExpr(0, 3, "odd", 0, "day", month=2, day=30, until=DateExpr(0, 3, "odd", 0, "year")),
        id="range-of-odd-ends",
    ),
]


@pytest.mark.parametrize("expr", ODD_RECORDS)
@pytest.mark.parametrize("published", [TUE, dt.date.min, dt.date.max, None])
def test_resolve_never_raises(expr: DateExpr, published: dt.date | None) -> None:
    """Impossible or out-of-range values give None, never an exception."""
    assert resolve(expr, published) is None


@pytest.mark.parametrize("sentence", ["tomorrow", "next year", "next week", "Jan. 1"])
def test_calendar_edges(sentence: str) -> None:
    """Arithmetic past the last representable day gives None."""
    assert resolve(one(sentence), dt.date.max, future=True) is None
    assert resolve(one("yesterday"), dt.date.min) is None


def test_expr_must_fit_its_text() -> None:
    """A DateExpr whose offsets do not fit its text is refused."""
    with pytest.raises(ValueError, match="does not fit"):
        DateExpr(0, 5, "abc", 0, "vague")
    with pytest.raises(ValueError, match="direction"):
        DateExpr(0, 3, "abc", 2, "vague")


# ---------------------------------------------------------------------------
# dateparser, for absolute month-name phrases
# ---------------------------------------------------------------------------

PARSED = [
    # the forms the patterns build, read without dateparser
    pytest.param("November 4, 2006", (2006, 11, 4), id="full"),
    pytest.param("Nov. 4", (None, 11, 4), id="no-year"),
    pytest.param("Nov 4", (None, 11, 4), id="abbreviation-no-dot"),
    pytest.param("Sept. 12, 2001", (2001, 9, 12), id="sept"),
    pytest.param("Sep 12", (None, 9, 12), id="sep"),
    pytest.param("4 November", (None, 11, 4), id="day-first"),
    pytest.param("4 Nov. 2006", (2006, 11, 4), id="day-first-year"),
    pytest.param("04 November", (None, 11, 4), id="leading-zero"),
    pytest.param("July 2022", (2022, 7, None), id="month-year"),
    pytest.param("Dec. 2023", (2023, 12, None), id="abbreviated-month-year"),
    pytest.param("May 0999", (999, 5, None), id="early-year"),
    pytest.param("Feb. 29", (None, 2, 29), id="leap-day"),
    pytest.param("Feb. 29, 2024", (2024, 2, 29), id="leap-day-leap-year"),
    # more forms read without dateparser
    pytest.param("Nov. 4th", (None, 11, 4), id="ordinal"),
    pytest.param("21st March 2023", (2023, 3, 21), id="ordinal-day-first"),
    pytest.param("Nov. 4 2006", (2006, 11, 4), id="year-without-comma"),
    pytest.param("November, 2022", (2022, 11, None), id="month-comma-year"),
    pytest.param("2024-03-05", (2024, 3, 5), id="iso"),
    # not days
    pytest.param("February 30, 2023", None, id="impossible"),
    pytest.param("February 30", None, id="impossible-no-year"),
    pytest.param("Feb. 29, 2023", None, id="leap-day-common-year"),
    pytest.param("June 31", None, id="june-31"),
    pytest.param("2023-02-29", None, id="impossible-iso"),
    pytest.param("May 0000", None, id="year-zero"),
    pytest.param("2024", None, id="no-month"),
]


@pytest.mark.parametrize(("phrase", "expected"), PARSED)
def test_date_parser(phrase: str, expected: tuple[int | None, ...] | None) -> None:
    """DateParser gives the written parts only: never today's year."""
    assert DateParser().parse(phrase) == expected


# Phrases DateParser reads itself, each beside the same form in lower case,
# which it leaves to dateparser: both must say the same.
OWN_AND_DATEPARSER = [
    "November 4, 2006",
    "Nov. 4",
    "Sept 30",
    "4th November 2006",
    "1st May",
    "July 2022",
    "Feb. 29",
    "Feb. 29, 2023",
    "June 31",
]


@pytest.mark.parametrize("phrase", OWN_AND_DATEPARSER)
def test_date_parser_reads_as_dateparser(phrase: str) -> None:
    """The forms read without dateparser give what dateparser gives."""
    assert date_resolve._read(phrase) is not None
    assert date_resolve._read(phrase.lower()) is None
    ours = DateParser().parse(phrase)
    assert ours == date_resolve._dateparser_parts(phrase)
    assert ours == DateParser().parse(phrase.lower())


@pytest.mark.parametrize(
    "phrase",
    ["Nov. 32", "Nov. 0", "4 novembre", "2024-13-01", "in November 2023", "Tuesday"],
)
def test_date_parser_leaves_other_forms_to_dateparser(phrase: str) -> None:
    """A phrase in any other form is dateparser's to read."""
    assert date_resolve._read(phrase) is None
    assert DateParser().parse(phrase) == date_resolve._dateparser_parts(phrase)


def test_every_month_spelling_reads_as_dateparser() -> None:
    """Each month name and abbreviation, in each form, at the edges of months and years."""
    spellings = [
        *date_words._MONTHS,
        *date_words._MONTH_ABBREVIATIONS,
        *(f"{name}." for name in date_words._MONTH_ABBREVIATIONS),
    ]
    forms = ["{m} 31", "30th {m}", "{m} 29, 1900", "29 {m} 2000", "{m} 0999", "{m}, 2024"]
    for spelling in spellings:
        for form in forms:
            phrase = form.format(m=spelling)
            assert date_resolve._read(phrase) is not None, phrase
            assert DateParser().parse(phrase) == date_resolve._dateparser_parts(phrase), phrase


def test_date_parser_caches() -> None:
    """Each phrase is parsed once per parser."""
    parser = DateParser()
    first = parser.parse("Nov. 4")
    assert parser.parse("Nov. 4") is first


ABSOLUTE = [
    "March 31",
    "May 4",
    "Nov. 4",
    "31 March",
    "Nov. 4-5",
    "4-5 November",
    "Nov. 30-Dec. 2",
    "the 4th of July",
    "Feb. 29",
    "February 30",
    "November 4, 2006",
    "Sept. 12, 2001",
    "in July 2022",
    "Dec. 2023",
    "1996-08-22",
]


@pytest.mark.parametrize("sentence", ABSOLUTE)
@pytest.mark.parametrize("future", [None, False, True])
def test_parser_agrees(sentence: str, future: bool | None) -> None:
    """Resolving with dateparser gives what the pattern's own pieces give."""
    parser = DateParser()
    assert days(sentence, TUE, future, parser) == days(sentence, TUE, future)


def test_month_name_phrases_do_not_import_dateparser() -> None:
    """The phrases the patterns build are read without importing dateparser."""
    src = Path(dates_module.__file__).resolve().parents[1]
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(src), os.environ.get("PYTHONPATH", "")]),
    }
    code = (
        "import sys, datetime as dt\n"
        "from diplotext._dates import DateParser, find_dates, resolve\n"
        "text = 'They met on Nov. 4-5, 2006, on 4 November, in July 2022 and on Sept 1st.'\n"
        "found = [resolve(e, dt.date(2024, 4, 2), parser=DateParser()) for e in find_dates(text)]\n"
        "assert all(found) and len(found) == 4, found\n"
        "print('dateparser' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    ).stdout
    assert out.strip() == "False"


def test_dateparser_is_imported_lazily() -> None:
    """Importing the module does not import dateparser (it costs ~70-200 ms)."""
    src = Path(dates_module.__file__).resolve().parents[1]
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(src), os.environ.get("PYTHONPATH", "")]),
    }
    code = "import sys, diplotext._dates; print('dateparser' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    ).stdout
    assert out.strip() == "False"


# ---------------------------------------------------------------------------
# Durations
# ---------------------------------------------------------------------------

DURATIONS = [
    # hours and minutes
    pytest.param(
        "the hour-and-45-minute call",
        "hour-and-45-minute",
        105,
        "minutes",
        None,
        id="hour-and-minutes",
    ),
    pytest.param(
        "an hour and 45 minutes",
        "an hour and 45 minutes",
        105,
        "minutes",
        None,
        id="hour-and-minutes-words",
    ),
    pytest.param("for 1 hour 45 minutes", "1 hour 45 minutes", 105, "minutes", None, id="digits"),
    pytest.param("a 55-minute meeting", "55-minute", 55, "minutes", None, id="minute-adjective"),
    pytest.param("a 90-minute call", "90-minute", 90, "minutes", None, id="ninety-minutes"),
    pytest.param("for about 40 minutes", "about 40 minutes", 40, "minutes", "about", id="about"),
    pytest.param("forty-five minutes", "forty-five minutes", 45, "minutes", None, id="forty-five"),
    pytest.param(
        "forty five minutes", "forty five minutes", 45, "minutes", None, id="forty-five-spaced"
    ),
    pytest.param("two-hour talks", "two-hour", 120, "hours", None, id="hour-adjective"),
    pytest.param("a 2-hour call", "2-hour", 120, "hours", None, id="hour-digits"),
    pytest.param("a three-hour meeting", "three-hour", 180, "hours", None, id="three-hour"),
    pytest.param(
        "for nearly an hour", "nearly an hour", 60, "hours", "nearly", id="nearly-an-hour"
    ),
    pytest.param(
        "for more than two hours", "more than two hours", 120, "hours", "more than", id="more-than"
    ),
    pytest.param("an hour-long call", "an hour-long", 60, "hours", None, id="an-hour-long"),
    pytest.param("the hour-long call", "hour-long", 60, "hours", None, id="hour-long"),
    pytest.param("a half-hour call", "a half-hour", 30, "hours", None, id="half-hour"),
    pytest.param("for half an hour", "half an hour", 30, "hours", None, id="half-an-hour"),
    pytest.param(
        "a one-and-a-half-hour call", "one-and-a-half-hour", 90, "hours", None, id="one-and-a-half"
    ),
    pytest.param(
        "two and a half hours", "two and a half hours", 150, "hours", None, id="two-and-a-half"
    ),
    pytest.param(
        "an hour and a half", "an hour and a half", 90, "hours", None, id="hour-and-a-half"
    ),
    pytest.param("1.5 hours", "1.5 hours", 90, "hours", None, id="decimal"),
    # days
    pytest.param("a two-day visit", "two-day", 2 * 1440, "days", None, id="two-day"),
    pytest.param("a three-day summit", "three-day", 3 * 1440, "days", None, id="three-day"),
    pytest.param("for three days", "three days", 3 * 1440, "days", None, id="three-days"),
    pytest.param("a daylong meeting", "a daylong", 1440, "days", None, id="daylong"),
]


@pytest.mark.parametrize(("sentence", "text", "minutes", "unit", "qualifier"), DURATIONS)
def test_durations(
    sentence: str, text: str, minutes: int, unit: str, qualifier: str | None
) -> None:
    """Each form gives its length, its unit and its hedge."""
    (found,) = find_durations(sentence)
    assert (found.text, found.duration, found.unit, found.qualifier) == (
        text,
        dt.timedelta(minutes=minutes),
        unit,
        qualifier,
    )
    assert sentence[found.start : found.end] == found.text


NOT_DURATIONS = [
    pytest.param("Two hours later they met.", id="later"),
    pytest.param("They met three days ago.", id="ago"),
    pytest.param("An hour before the call.", id="before"),
    pytest.param("A day of talks, one day.", id="a-day"),
    pytest.param("They spent several hours together.", id="no-number"),
    pytest.param("The second round on Tuesday, today.", id="second"),
]


@pytest.mark.parametrize("sentence", NOT_DURATIONS)
def test_not_a_duration(sentence: str) -> None:
    """Points in time and counts with no number are not durations."""
    assert find_durations(sentence) == ()


def test_duration_window() -> None:
    """start and end limit the search; offsets stay those of the full text."""
    text = "A two-hour call. A 55-minute meeting."
    found = find_durations(text, text.index("A 55"))
    assert found == (
        DurationExpr(
            text.index("55"),
            text.index(" meeting"),
            "55-minute",
            dt.timedelta(minutes=55),
            "minutes",
        ),
    )


# ---------------------------------------------------------------------------
# Robustness: any string, linear time
# ---------------------------------------------------------------------------

ADVERSARIAL = [
    pytest.param(("2024-12-" * 130_000)[:1_000_000], id="digits-and-dashes"),
    pytest.param("1" * 1_000_000, id="digits"),
    pytest.param("in" + " " * 1_000_000 + "2022", id="long-space"),
    pytest.param("May 1 " * 50_000, id="many-dates"),
    pytest.param("later " * 50_000, id="many-vague"),
    pytest.param("an hour and " * 50_000, id="unfinished-durations"),
    pytest.param("a-" * 300_000, id="hyphens"),
    pytest.param("x" * 500_000 + "s later", id="long-word"),
    pytest.param("\x00😀\ud800\udfff\u202e" * 100_000, id="nul-emoji-surrogates"),
]


@pytest.mark.parametrize("text", ADVERSARIAL)
def test_adversarial_input_returns(text: str) -> None:
    """Huge odd inputs come back (no timing asserted: the patterns are linear)."""
    for expr in find_dates(text):
        assert text[expr.start : expr.end] == expr.text
    for duration in find_durations(text):
        assert text[duration.start : duration.end] == duration.text


TOKENS = [
    *"0123456789-–,. \n",
    *("May", "March", "Nov.", "on", "in", "last", "Tuesday", "fall", "of", "early"),
    *("hour", "minute", "day", "two", "and", "a", "half", "later", "this", "week", "the"),
    *("\x00", "\ud800", "😀"),
]


@given(
    st.lists(st.sampled_from(TOKENS), max_size=40).map("".join),
    st.sampled_from([TUE, JAN, None, dt.date.min, dt.date.max]),
    st.sampled_from([None, True, False]),
)
def test_any_text(text: str, published: dt.date | None, future: bool | None) -> None:
    """Any text gives ordered, non-overlapping, exact expressions that resolve or not."""
    found = find_dates(text)
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start
    for expr in found:
        assert text[expr.start : expr.end] == expr.text
        resolved = resolve(expr, published, future=future)
        assert resolved is None or resolved.start <= resolved.end
    for duration in find_durations(text):
        assert duration.duration > dt.timedelta(0)


# ---------------------------------------------------------------------------
# Anchors save time, not decide anything
# ---------------------------------------------------------------------------


def _scanned_whole(text: str, finders: Sequence[Finder[Any]]) -> list[Any]:
    """What the finders' patterns find with ``finditer`` over the whole text,
    as the stage found them before it looked from anchors (the vague and
    duration patterns, as ever, only in a text with one of their hints)."""
    found: list[Any] = []
    lowered = text.lower()
    for finder in finders:
        if finder.hints and not any(hint in lowered for hint in finder.hints):
            continue
        for source, _anchored, _reach, build in finder.patterns:
            for m in dates_module._plain(source).finditer(text):
                record = build(text, m)
                if record is not None:
                    found.append(record)
    return found


ANCHOR_TOKENS = [
    *"0123456789-–,. \n_",
    *("ſ", "K", "İ", "²", "٢", "’", "é"),
    *("May", "March", "Nov.", "Sept", "Tuesday", "Wed.", "Super", "4th", "2019-05-01"),
    *("on", "in", "the", "of", "last", "next", "this", "past", "coming", "early", "mid"),
    *("week", "weekend", "month", "year", "today", "tonight", "night", "ago", "fall"),
    *("first", "third", "quarter", "half", "end", "start", "1999", "2024", "from", "to"),
    *("soon", "later", "recently", "at", "that", "time", "not", "too", "distant"),
    *("hour", "hours", "minute", "day", "days", "daylong", "long", "two", "forty", "five"),
    *("and", "a", "an", "more than", "nearly", "LAST", "WEEK"),
]


ANCHOR_TEXTS = st.lists(
    st.tuples(st.sampled_from(ANCHOR_TOKENS), st.sampled_from([" ", " ", " ", "", "-", ", "])),
    max_size=30,
).map(lambda pairs: "".join(token + after for token, after in pairs))


@settings(max_examples=400)
@given(ANCHOR_TEXTS)
def test_anchors_find_what_a_whole_scan_finds(text: str) -> None:
    """Trying each pattern only from its anchors finds what finditer over the text finds."""
    dates = dates_module._longest(_scanned_whole(text, dates_module._finders()))
    expected = dates_module._ranges(text, dates, 0, len(text)) if dates else dates
    assert find_dates(text) == expected
    durations = _scanned_whole(text, (dates_module._duration_finder(),))
    assert find_durations(text) == tuple(durations)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("They met on 2024-05-01.", id="iso"),
        pytest.param("They met on Tuesday, Nov. 4 in Rome.", id="month-day"),
        pytest.param("They met on the 4th-5th of November.", id="day-month"),
        pytest.param("They met in early May.", id="month"),
        pytest.param("They meet this coming late Tuesday.", id="weekday"),
        pytest.param("They meet early this coming week.", id="relative"),
        pytest.param("They met forty five days ago.", id="ago"),
        pytest.param("They meet in the third week of April.", id="week-of"),
        pytest.param("They meet at the end of May.", id="part-of"),
        pytest.param("They met in the first half of 2020.", id="share-of"),
        pytest.param("They met in early 2023.", id="year"),
        pytest.param("They meet in the this coming fall.", id="season"),
        pytest.param("They meet in the not too distant weeks, soon.", id="vague"),
        pytest.param("They met for more than forty five and a half hours.", id="duration"),
    ],
)
def test_anchors_reach_the_longest_leads(text: str) -> None:
    """A match with the most words a pattern allows before its anchor is found whole."""
    dates = dates_module._longest(_scanned_whole(text, dates_module._finders()))
    durations = _scanned_whole(text, (dates_module._duration_finder(),))
    assert dates or durations
    assert find_dates(text) == (dates_module._ranges(text, dates, 0, len(text)) if dates else ())
    assert find_durations(text) == tuple(durations)
