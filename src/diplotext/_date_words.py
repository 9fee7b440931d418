"""The dates stage's words and patterns, compiled on first use.

Month, weekday and season names, the units of relative expressions, number
words ("forty-five") and the hedges of durations, and the verbose ``regex``
patterns built from them: one for each kind of date expression, and one for
durations. :func:`_patterns` compiles them all once per process.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

import attrs
import regex

from ._date_exprs import Mod, Part, Season, Unit

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
_MODS: Final[Mapping[str, Mod]] = MappingProxyType({"early": "early", "mid": "mid", "late": "late"})
# "the first quarter of 1987", "the second half of next year": how many parts.
_SHARES: Final = MappingProxyType({"quarter": 4, "half": 2})
# "the beginning of April", "the middle of next week", "the end of 2005".
_PART_OF_WORDS: Final[Mapping[str, Mod]] = MappingProxyType(
    {"beginning": "early", "start": "early", "middle": "mid", "end": "late"}
)
# "the first week of April" .. "the last week of April" (-1: its last seven days).
_WEEKS_OF_MONTH: Final = MappingProxyType(
    {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1, "final": -1}
)

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
    \b(?=(?i:on|the)\s|\d)                                 # a word start: "on", "the" or the day
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
# early next year
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
      | (?:at|over|during)\s++the\s++(?P<unit>weekend)\b  # "over the weekend": by the tense
      | (?:earlier|later)\s++(?P<today>today|tonight)\b    # "earlier today"
      | (?P<today>today|tonight)\b                         # "today"
      | (?P<yesterday>yesterday)\b(?:\s++(?:morning|afternoon|evening|night)\b)?
      | (?P<tomorrow>tomorrow)\b(?:\s++(?:morning|afternoon|evening|night)\b)?
      | this\s++(?P<today>morning|afternoon|evening)\b     # "this morning"
      | last\s++(?P<yesterday>night)\b                     # "last night"
    )
    """

# the third week of April / in the last week of this month / the first week of next month
_WEEK_OF: Final = r"""
    (?i)                                                   # any case
    \b
    (?:(?:in|during)\s++)?                                 # "in", kept in the span
    the\s++
    (?P<ordinal>first|second|third|fourth|last|final)\s++  # which week
    week\s++(?:of|in)\s++
    (?:
        (?P<rel>this|next|last)\s++month\b                 # "of next month"
      | (?-i:(?P<month>\L<months>))\b                      # "of April" (as cased)
        (?:,?+\s++(?:of\s++)?(?P<year>\d{4})(?![\p{L}\p{N}]|[.,]\p{N}))?  # "April 2024"
    )
    """

# the end of the month / the beginning of December / the middle of next week / the end of 2005
_PART_OF: Final = r"""
    (?i)                                                   # any case
    \b
    (?:(?:in|at|during)\s++)?                              # "at", kept in the span
    the\s++
    (?P<part>beginning|start|middle|end)\s++of\s++          # which part
    (?:
        (?P<rel>the|this|next|last)\s++(?P<unit>week|month|year)\b  # "of next month"
      | (?-i:(?P<month>\L<months>))\b                      # "of April" (as cased)
        (?:,?+\s++(?:of\s++)?(?P<year>\d{4})(?![\p{L}\p{N}]|[.,]\p{N}))?  # "April 2024"
      | (?P<year>(?:1[89]|2[01])\d\d)                       # "of 2005", not "of 1990s"
        (?![\p{L}\p{N}]|[.,]\p{N}|['’]\p{L}|-[\p{L}\p{N}])
    )
    """

# the first quarter of 1987 / in the second half of next year
_SHARE_OF: Final = r"""
    (?i)                                                   # any case
    \b
    (?:(?:in|during)\s++)?                                 # "in", kept in the span
    the\s++
    (?P<ordinal>first|second|third|fourth|last|final)\s++  # which part
    (?P<share>quarter|half)\s++of\s++                      # how many parts
    (?:
        (?P<rel>this|next|last)\s++year\b                  # "of next year"
      | (?P<year>(?:1[89]|2[01])\d\d)                       # "of 1987", not "of 1990s"
        (?![\p{L}\p{N}]|[.,]\p{N}|['’]\p{L}|-[\p{L}\p{N}])
    )
    """

# three days ago / a week ago (apart from _RELATIVE: the count's number words
# slow a scan, and "ago" is rare)
_AGO: Final = r"""
    (?i)                                                   # any case
    \b
    (?P<count>{number})\s++                                # "three"
    (?P<unit>days?|weeks?|months?|years?)\s++ago\b         # "days ago"
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

# What joins two dates into one range, between them: "in late April *or*
# early May", "from March 3 *to* March 5", "between May 4 *and* May 6", "-".
_JOINT: Final = r"""
    ,?+\s*+
    (?:
        (?P<dash>[-–—])
      | (?i:(?P<word>or|to|through|until|till|and))\s
    )
    \s*+\Z
    """

# A bare day after a day ("May 4 *and 6*", "March 3 *to 5*", "April 24 and 25"),
# not a count ("on May 4 and 6 people", "between March 3 and 5 p.m.").
_DAY_AFTER: Final = r"""
    ,?+\s++(?P<word>(?i:and|or|to|through|until|till))\s++
    (?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?+         # the day
    (?![\p{L}\p{N}]|[.,:]\p{N}|\s*+%)                      # not "5th-", "5.5", "5%"
    (?!\s++(?!(?:in|at|on|to|for|with|and|or|but|as|when|while|after|before|during
                |the|a|an|is|are|was|were|will|would|that|which)\b)\p{Ll})  # not "6 people"
    (?:,?+\s++(?P<year>\d{4})(?![\p{L}\p{N}]|[.,]\p{N}))?  # ", 2006"
    """

# A bare day and a joint before a day and month: "from *7th to* 9th December".
_DAY_BEFORE: Final = r"""
    (?<![\p{L}\p{N}\-.,/:])                                # a word start, not in a number
    (?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?+         # the first day
    \s++(?P<word>(?i:and|or|to|through|until|till))\s++\Z  # the joint, up to the day and month
    """

# The word before a range that opens it ("*from* March 3 to 5", "*between* ..."),
# and a verb before that which makes "from A to B" a change ("moved from May to June").
_RANGE_OPENER: Final = r"""
    (?i)
    (?P<change>\b(?:postpon|delay|mov|push|put\s++off|reschedul|brought|bring|advanc|shift
                 |chang|switch)\w*+(?:\s++\w++){0,3}?\s++)?
    \b(?P<opener>from|between)\s++\Z
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
          | (?:soon|shortly)\b                             # "soon", not "as soon as"
            (?<!\bas\s(?:soon|shortly))                    # (the word first, then the look-behind:
            (?!\s++(?:after|before|as|thereafter)\b)       #  faster than the other way round)
          | later\b                                        # "later", not "days later"
            (?<!\b(?:\L<time_units>|much|even|no|not|far|little)\slater)
            (?!\s++than\b)
        )
      | (?P<past>
            in\s++recent\s++(?:days|weeks|months|years)\b  # "in recent weeks"
          | (?:over|in|during)\s++the\s++(?:past|last)\s++ # "over the past few weeks"
            (?:few\s++|several\s++|couple\s++of\s++)?
            (?:days?|weeks?|months?|years?|decades?)\b
          | (?:recently|lately|previously)\b
          | in\s++the\s++past\b
          | at\s++(?:the|that)\s++time\b                   # "at the time"
          | earlier\b                                      # "earlier", not "a year earlier"
            (?<!\b(?:\L<time_units>|much|even|no|not|far|little)\searlier)
            (?!\s++than\b)
        )
    )
    """

# A whole absolute phrase as DateParser reads it without dateparser: the
# forms the patterns above build ("Nov. 4", "4 November 2006", "July 2022")
# and ISO days. Anything else (and a day past 31, which dateparser reads as a
# year) goes to dateparser.
_ABSOLUTE: Final = r"""
    \A
    (?:
        (?P<month>\L<months>|\L<month_abbreviations>)\.?+  # "Nov."
        \x20(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?+  # " 4", " 4th"
        (?:,?+\x20(?P<year>\d{4}))?                        # ", 2006"
      | (?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?+\x20  # "4 ", "4th "
        (?P<month>\L<months>|\L<month_abbreviations>)\.?+  # "November"
        (?:,?+\x20(?P<year>\d{4}))?                        # " 2006"
      | (?P<month>\L<months>|\L<month_abbreviations>)\.?+  # "July"
        ,?+\x20(?P<year>\d{4})                             # " 2022"
      | (?P<year>\d{4})                                    # 2006-11-04
        -(?P<month_number>0[1-9]|1[0-2])
        -(?P<day>0[1-9]|[12]\d|3[01])
    )
    \Z
    """

# The word before a capitalised "May" or "March" that makes it a month, or
# a month before it in a range ("from January to March", "April or May").
_LICENSING_BEFORE: Final = r"""
    (?:
        \b(?i:\L<licensing>)-?\s*+                          # "since May", "mid-March"
      | \b\L<months>(?:\s++\d{4})?+,?+                      # "April", "April 2019"
        (?:\s*+[-–—]|\s++(?i:or|to|and|through|until|till)\s)  # "or", "to", "-"
        \s*+(?:(?i:early|mid|late)(?:-|\s++))?+               # "late May"
    )
    \Z
    """

# " of" right after a season with no year: "the fall of Kabul" ("|(?!)", never:
# see _from_anchor).
_OF_AFTER: Final = r"""(?:\s++(?i:of)\b|(?!))"""

# hour-and-45-minute / for nearly an hour / two-day / half an hour / hour-long
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


# ---------------------------------------------------------------------------
# Scanning from anchors
# ---------------------------------------------------------------------------
# ``finditer`` tries a pattern at every position of a window, and most date
# patterns open with optional words ("on", "in the", "last", "early"), so
# every try costs. The dates stage looks instead for a pattern's *anchors*,
# strings one of which starts a word of every match at most ``reach`` words
# after the match's start ("May" in "in early May": 2), and tries the pattern
# only at the starts of the words from ``reach`` words before an anchor to
# it, in text order: the matches ``finditer`` finds, in less time. A word is
# a run of word characters (the date patterns start at a ``\b``) or, for
# durations, of letters and digits (they start after a look-behind for one).


@attrs.frozen
class _Words:
    """What a word is to a scan from anchors: a run of ``word`` between ``other`` characters."""

    word: str
    other: str


_WORD_CHARACTERS: Final = _Words(r"\w", r"\W")
_LETTERS_AND_DIGITS: Final = _Words(r"[\p{L}\p{N}]", r"[^\p{L}\p{N}]")


def _words_back(words: _Words, reach: int) -> regex.Pattern[str]:
    """A pattern that, matched backwards from an anchor, reaches back ``reach`` words.

    ``match(text, low, anchor)`` is None when ``anchor`` does not start a
    word, else its ``starts(1)`` are those of the words before ``anchor``
    (after ``low``), the nearest first, at most ``reach``. It reads at most
    ``reach`` words, so the scan stays linear.
    """
    w, o = words.word, words.other
    return regex.compile(rf"(?r)(?:({w}++){o}*+){{0,{reach}}}(?<!{w})")


def _from_anchor(pattern: str, words: _Words, reach: int) -> regex.Pattern[str]:
    """``pattern``, tried at the start of a word and of each of the next ``reach`` words.

    ``match(text, start)``, ``start`` a word's start (see :func:`_words_back`),
    gives the first match of ``pattern`` that starts at one of those words,
    as ``pattern.match`` would give it (``\\K`` drops the words skipped).
    """
    w, o = words.word, words.other
    # The pattern's own comments end at a line's end: the group closes after
    # one. "|(?!)" (never) keeps regex from first looking for a string every
    # match holds ("the" of "the third week") up to the end of the text, at
    # each of the many calls: that made a long text without it quadratic.
    return _compile(rf"(?:(?:{o}*+{w}++){{0,{reach}}}?{o}*+\K(?:{pattern}" + "\n)|(?!))")


@attrs.frozen
class _Patterns:
    """The compiled patterns of this module but those of the date and duration
    finders (``_dates`` compiles those, as they are and from an anchor)."""

    joint: regex.Pattern[str]
    day_after: regex.Pattern[str]
    day_before: regex.Pattern[str]
    range_opener: regex.Pattern[str]
    absolute: regex.Pattern[str]
    licensing_before: regex.Pattern[str]
    of_after: regex.Pattern[str]


@functools.cache
def _patterns() -> _Patterns:
    """The compiled patterns, compiled on first use, once per process.

    Compiling them all takes ~25 ms, too much to spend on ``import diplotext``;
    the cache holds one immutable value, built from the constants above.
    """
    return _Patterns(
        joint=_compile(_JOINT),
        day_after=_compile(_DAY_AFTER),
        day_before=_compile(_DAY_BEFORE),
        range_opener=_compile(_RANGE_OPENER),
        absolute=_compile(_ABSOLUTE),
        licensing_before=_compile(_LICENSING_BEFORE),
        of_after=_compile(_OF_AFTER),
    )
