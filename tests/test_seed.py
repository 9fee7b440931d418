"""The seed article end to end: a CNN report of the Biden–Xi call of 2 April 2024.

The article tells of ten encounters: the call itself, the November summit in
Woodside, the call of July 2022, Xi's call with Putin, Sullivan's talks in
Bangkok, Blinken's in Munich, Yellen's and Blinken's planned visits to China,
Austin's planned call and the face-to-face meeting both sides hope for.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest

from diplotext import (
    Actor,
    ActorKind,
    Article,
    Meeting,
    MeetingMode,
    MeetingStatus,
    Span,
    Stance,
    parse,
)

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_858710e13cbfc5e3.txt"
PUBLISHED = dt.date(2024, 4, 2)

HELD = MeetingStatus.HELD
PLANNED = MeetingStatus.PLANNED
PROPOSED = MeetingStatus.PROPOSED


def miss(reason: str) -> pytest.MarkDecorator:
    """A known miss on the seed article: strict, so that a fix is noticed."""
    return pytest.mark.xfail(strict=True, reason=reason)


@pytest.fixture(scope="module")
def article() -> Article:
    """The seed article, parsed once for this module."""
    return parse(SEED.read_text(encoding="utf-8"), published=PUBLISHED)


# ---------------------------------------------------------------------------
# Matching helpers: names and titles as a reader compares them
# ---------------------------------------------------------------------------

_STOP = {"the", "a", "an", "of", "mr", "mrs", "ms", "dr"}
_COUNTRY_WORDS = {"us", "u.s", "american", "chinese", "china", "russian", "united", "states"}


def _words(s: str | None) -> set[str]:
    s = (s or "").lower().replace("’", "'").replace(".", "")
    return {w for w in re.split(r"[^\w']+", s) if w and w not in _STOP}


def same_name(pred: str | None, gold: str) -> bool:
    """One name's words are a subset of the other's ("Sullivan" and "Jake Sullivan")."""
    p, g = _words(pred), _words(gold)
    return bool(p) and (p <= g or g <= p)


def title_fits(pred: str | None, gold: str) -> bool:
    """One title's words, without country words, contain the other's."""
    p, g = _words(pred) - _COUNTRY_WORDS, _words(gold) - _COUNTRY_WORDS
    return bool(p) and (p <= g or g <= p)


def is_named(actor: Actor, name: str) -> bool:
    return actor.kind is ActorKind.PERSON and same_name(actor.name, name)


def is_unnamed_of(actor: Actor, country: str) -> bool:
    """An unnamed official, a group or the state itself, of ``country``."""
    unnamed = actor.kind is not ActorKind.PERSON or actor.name is None
    return unnamed and actor.country == country


# ---------------------------------------------------------------------------
# The ten encounters
# ---------------------------------------------------------------------------

AHEAD = "ahead"  # undated, or dated on or after publication


@dataclasses.dataclass(frozen=True)
class Encounter:
    """An encounter of the article, as a careful reader tells it apart from the others.

    Attributes:
        people: Named participants.
        countries: Participants named only by country (officials, groups, the state).
        status: The status it must have.
        phone: Whether it is a call (``None``: either).
        when: A range its date must overlap, or ``AHEAD`` for a future or undated one,
            or ``None`` when the date does not tell it apart.
    """

    people: tuple[str, ...]
    countries: tuple[str, ...]
    status: MeetingStatus
    phone: bool | None = None
    when: tuple[str, str] | str | None = None

    def matches(self, m: Meeting) -> bool:
        """Whether ``m`` is this encounter (whatever its status)."""
        for name in self.people:
            if not any(is_named(p, name) for p in m.participants):
                return False
        for country in self.countries:
            if not any(is_unnamed_of(p, country) for p in m.participants):
                return False
        if self.phone is not None and (m.mode is MeetingMode.PHONE) != self.phone:
            return False
        if self.when == AHEAD:
            return m.date is None or m.date.start >= PUBLISHED
        if isinstance(self.when, tuple):
            start, end = (dt.date.fromisoformat(d) for d in self.when)
            return m.date is not None and m.date.start <= end and start <= m.date.end
        return True


ENCOUNTERS = {
    "biden-xi-call": Encounter(
        ("Joe Biden", "Xi Jinping"), (), HELD, phone=True, when=("2024-04-02", "2024-04-02")
    ),
    "woodside-summit": Encounter(
        ("Joe Biden", "Xi Jinping"), (), HELD, phone=False, when=("2023-09-01", "2023-12-31")
    ),
    "july-2022-call": Encounter(
        ("Joe Biden", "Xi Jinping"), (), HELD, phone=True, when=("2022-07-01", "2022-07-31")
    ),
    "face-to-face-hoped-for": Encounter(
        ("Joe Biden", "Xi Jinping"), (), PROPOSED, phone=False, when=AHEAD
    ),
    "xi-putin-call": Encounter(("Xi Jinping", "Vladimir Putin"), (), HELD, phone=True),
    "sullivan-bangkok": Encounter(("Jake Sullivan",), ("CHN",), HELD, phone=False),
    "blinken-munich": Encounter(
        ("Antony Blinken",), ("CHN",), HELD, phone=False, when=("2024-02-01", "2024-02-29")
    ),
    "blinken-visit-planned": Encounter(
        ("Antony Blinken",), ("CHN",), PLANNED, phone=False, when=AHEAD
    ),
    "yellen-visit-planned": Encounter(("Janet Yellen",), ("CHN",), PLANNED, phone=False),
    "austin-call-planned": Encounter(("Lloyd Austin",), ("CHN",), PLANNED, phone=True),
}


def found_once(article: Article, e: Encounter) -> Meeting | None:
    """The one meeting that is ``e``, or ``None`` if there is none or more than one."""
    hits = [m for m in article.meetings if e.matches(m)]
    return hits[0] if len(hits) == 1 else None


def describe(article: Article) -> list[tuple[list[str], str, str, str | None]]:
    """The meetings, briefly, for assertion messages."""
    return [
        (
            [p.name or f"{p.kind.value}:{p.country}" for p in m.participants],
            m.mode.value,
            m.status.value,
            None if m.date is None else f"{m.date.start}/{m.date.end}",
        )
        for m in article.meetings
    ]


@pytest.mark.parametrize("key", list(ENCOUNTERS))
def test_each_encounter_once_with_its_status(article: Article, key: str) -> None:
    """Each encounter of the article is one Meeting, with the right status."""
    e = ENCOUNTERS[key]
    m = found_once(article, e)
    assert m is not None, describe(article)
    assert m.status is e.status


def test_at_least_nine_of_the_ten_encounters(article: Article) -> None:
    """At least 9 of the 10 encounters come out once each, with the right status."""
    right = [
        k for k, e in ENCOUNTERS.items() if (m := found_once(article, e)) and m.status is e.status
    ]
    assert len(right) >= 9, (sorted(set(ENCOUNTERS) - set(right)), describe(article))


# ---------------------------------------------------------------------------
# The call of 2 April 2024
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def call(article: Article) -> Meeting:
    m = found_once(article, ENCOUNTERS["biden-xi-call"])
    assert m is not None, describe(article)
    return m


def test_the_call_is_a_held_phone_meeting_on_the_day(call: Meeting) -> None:
    """The Biden–Xi call: held, by phone, on Tuesday 2 April 2024."""
    assert call.mode is MeetingMode.PHONE
    assert call.status is HELD
    assert call.date is not None
    assert (call.date.start, call.date.end) == (PUBLISHED, PUBLISHED)
    assert call.location is None
    assert call.host is None


def test_the_call_lasted_an_hour_and_45_minutes(call: Meeting) -> None:
    """ "The hour-and-45-minute meeting" gives the call its length."""
    assert call.duration == dt.timedelta(minutes=105)


def test_the_call_was_candid_and_constructive(call: Meeting) -> None:
    """The White House's words characterise the call."""
    assert {"candid", "constructive"} <= set(call.tone)


def test_the_call_is_between_the_two_presidents(call: Meeting) -> None:
    """Its participants are exactly the two presidents, with titles and countries right."""
    people = {p.name: p for p in call.participants}
    assert set(people) == {"Joe Biden", "Xi Jinping"}
    assert (people["Joe Biden"].title, people["Joe Biden"].country) == ("President", "USA")
    assert (people["Xi Jinping"].title, people["Xi Jinping"].country) == ("President", "CHN")


@pytest.mark.parametrize(
    "phrase",
    [
        pytest.param("President Joe Biden spoke by phone", id="first-sentence"),
        pytest.param("This call comes amid", id="this-call"),
        pytest.param("the hour-and-45-minute meeting", id="hour-and-45-minute-meeting"),
        pytest.param("during Tuesday's call", id="tuesdays-call"),
        pytest.param("who previewed the call", id="previewed-the-call"),
    ],
)
def test_the_call_is_read_from_every_sentence_about_it(call: Meeting, phrase: str) -> None:
    """Each sentence that speaks of the call is part of its evidence."""
    assert any(phrase in s.text for s in call.evidence), [s.text[:50] for s in call.evidence]


def test_the_call_raised_taiwan(call: Meeting) -> None:
    """Taiwan is among the issues discussed on the call."""
    assert "Taiwan" in {i.subject for i in call.issues}


# ---------------------------------------------------------------------------
# The other encounters, field by field
# ---------------------------------------------------------------------------


def _one(article: Article, key: str) -> Meeting:
    m = found_once(article, ENCOUNTERS[key])
    assert m is not None, describe(article)
    return m


def _within(m: Meeting, start: str, end: str) -> bool:
    return (
        m.date is not None
        and dt.date.fromisoformat(start) <= m.date.start
        and m.date.end <= dt.date.fromisoformat(end)
    )


def test_the_november_summit_in_woodside(article: Article) -> None:
    """The summit "in November" in Woodside, California: November 2023, in the USA."""
    m = _one(article, "woodside-summit")
    assert _within(m, "2023-11-01", "2023-11-30")
    assert m.location is not None
    assert "Woodside" in m.location.name
    assert m.location.country == "USA"


def test_the_july_2022_call(article: Article) -> None:
    """ "Biden and Xi last spoke by phone in July 2022.\""""
    m = _one(article, "july-2022-call")
    assert _within(m, "2022-07-01", "2022-07-31")


def test_xis_call_with_putin_earlier_this_year(article: Article) -> None:
    """Xi's phone call with Putin "earlier this year": held, in 2024 before publication."""
    m = _one(article, "xi-putin-call")
    assert m.status is HELD
    assert _within(m, "2024-01-01", "2024-04-02")
    putin = next(p for p in m.participants if is_named(p, "Vladimir Putin"))
    assert putin.country == "RUS"


def test_sullivan_in_bangkok_in_january(article: Article) -> None:
    """Sullivan met the Chinese foreign minister in Bangkok in January 2024."""
    m = _one(article, "sullivan-bangkok")
    assert _within(m, "2024-01-01", "2024-01-31")
    assert m.location is not None
    assert (m.location.name, m.location.country) == ("Bangkok", "THA")
    minister = next(p for p in m.participants if is_unnamed_of(p, "CHN"))
    assert title_fits(minister.title, "foreign minister")


def test_blinken_in_munich_in_february(article: Article) -> None:
    """Blinken met Chinese officials in Munich in February 2024."""
    m = _one(article, "blinken-munich")
    assert m.location is not None
    assert (m.location.name, m.location.country) == ("Munich", "DEU")
    assert m.mode is MeetingMode.THIRD_PARTY


def test_yellens_planned_visit_to_china(article: Article) -> None:
    """Yellen "is scheduled to visit China later this week": a planned visit, hosted by China."""
    m = _one(article, "yellen-visit-planned")
    assert m.mode is MeetingMode.VISIT
    assert _within(m, "2024-04-02", "2024-04-07")
    assert m.location is not None
    assert m.location.country == "CHN"
    assert m.host is not None
    assert m.host.country == "CHN"


def test_blinkens_planned_visit_to_china(article: Article) -> None:
    """Blinken "planned to visit China in the coming weeks"."""
    m = _one(article, "blinken-visit-planned")
    assert m.mode is MeetingMode.VISIT
    assert m.host is not None
    assert m.host.country == "CHN"


def test_austins_planned_call_with_the_chinese_defense_minister(article: Article) -> None:
    """Austin "planned to participate in a telephone conversation with the Chinese defense minister"."""
    m = _one(article, "austin-call-planned")
    minister = next(p for p in m.participants if is_unnamed_of(p, "CHN"))
    assert minister.kind is ActorKind.PERSON
    assert title_fits(minister.title, "defense minister")


def test_the_hoped_for_face_to_face_meeting(article: Article) -> None:
    """ "We hope that we will have ... another face-to-face meeting": proposed, not a call."""
    m = _one(article, "face-to-face-hoped-for")
    assert m.status is PROPOSED
    assert m.mode is not MeetingMode.PHONE


# ---------------------------------------------------------------------------
# Actors
# ---------------------------------------------------------------------------

OFFICIALS = [
    pytest.param("Joe Biden", "President", "USA", id="biden"),
    pytest.param("Xi Jinping", "President", "CHN", id="xi"),
    pytest.param("Antony Blinken", "Secretary of State", "USA", id="blinken"),
    pytest.param("John Kirby", "spokesman", "USA", id="kirby"),
    pytest.param("Vladimir Putin", "President", "RUS", id="putin"),
    pytest.param("Janet Yellen", "Treasury Secretary", "USA", id="yellen"),
    pytest.param("Jake Sullivan", "national security adviser", "USA", id="sullivan"),
    pytest.param("Lloyd Austin", "Defense Secretary", "USA", id="austin"),
]


@pytest.mark.parametrize(("name", "title", "country"), OFFICIALS)
def test_named_officials(article: Article, name: str, title: str, country: str) -> None:
    """Each of the eight named officials is one actor, with the right title and country."""
    found = [a for a in article.actors if is_named(a, name)]
    assert len(found) == 1, [(a.name, a.title, a.country) for a in found]
    assert title_fits(found[0].title, title), found[0].title
    assert found[0].country == country


UNNAMED = [
    pytest.param("China's foreign minister", "foreign minister", id="foreign-minister"),
    pytest.param("Chinese defense minister", "defense minister", id="defense-minister"),
    pytest.param("her Chinese counterpart", "counterpart", id="yellens-counterpart"),
]


@pytest.mark.parametrize(("phrase", "title"), UNNAMED)
def test_unnamed_chinese_officials(article: Article, phrase: str, title: str) -> None:
    """The Chinese officials the article does not name are unnamed Chinese persons."""
    start = article.text.index(phrase)
    end = start + len(phrase)
    found = [
        a
        for a in article.actors
        if any(m.start < end and start < m.end for m in a.mentions) and a.kind is ActorKind.PERSON
    ]
    assert [(a.name, a.country) for a in found] == [(None, "CHN")]
    assert title_fits(found[0].title, title)


@miss("'the two leaders' (Biden and Xi) becomes a group of the USA")
def test_the_two_leaders_are_no_american_group(article: Article) -> None:
    """ "The two leaders" are Biden and Xi, not a group of officials of one country."""
    groups = [a for a in article.actors if a.kind is ActorKind.GROUP]
    assert not any("leaders" in (a.title or "") for a in groups)


def test_organisations_are_no_people(article: Article) -> None:
    """CNN, the White House, TikTok and ByteDance are organisations, not people."""
    for name in ("CNN", "White House", "TikTok", "ByteDance"):
        found = [a for a in article.actors if a.name == name]
        assert [a.kind for a in found] == [ActorKind.ORGANIZATION], name


# ---------------------------------------------------------------------------
# Issues
# ---------------------------------------------------------------------------

ISSUES = [
    pytest.param("territorial_dispute", "Taiwan", Stance.CONCERN, id="taiwan-concern"),
    pytest.param("narcotics", "fentanyl", Stance.COOPERATION, id="fentanyl-cooperation"),
    pytest.param("technology", "TikTok", Stance.CONCERN, id="tiktok-concern"),
]


@pytest.mark.parametrize(("topic", "subject", "stance"), ISSUES)
def test_issues(article: Article, topic: str, subject: str, stance: Stance) -> None:
    """Taiwan is a concern, fentanyl a matter of cooperation, TikTok a concern."""
    found = [i for i in article.issues if i.topic == topic and i.subject == subject]
    assert [i.stance for i in found] == [stance], [(i.topic, i.subject) for i in article.issues]


# ---------------------------------------------------------------------------
# The record as a whole
# ---------------------------------------------------------------------------


def test_round_trip(article: Article) -> None:
    """``Article.from_dict(a.to_dict()) == a``."""
    assert Article.from_dict(article.to_dict()) == article


def _spans(article: Article) -> list[Span]:
    spans: list[Span] = []
    for a in article.actors:
        spans.extend(a.mentions)
    for m in article.meetings:
        spans.extend(m.evidence)
        if m.date is not None and m.date.span is not None:
            spans.append(m.date.span)
        if m.location is not None and m.location.span is not None:
            spans.append(m.location.span)
    for i in article.issues:
        spans.extend(i.evidence)
    return spans


def test_every_span_is_exact(article: Article) -> None:
    """Every span of every record is ``text[start:end]``."""
    spans = _spans(article)
    assert spans
    for s in spans:
        assert article.text[s.start : s.end] == s.text
