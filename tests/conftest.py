"""Shared fixtures, and the Hypothesis profiles.

``HYPOTHESIS_PROFILE=fuzz python -m pytest tests/test_properties.py`` runs
the property tests for much longer than the default ``dev`` profile.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from hypothesis import settings

from diplotext import (
    Actor,
    ActorKind,
    Article,
    DateRange,
    Issue,
    Location,
    Meeting,
    MeetingMode,
    MeetingStatus,
    Span,
    Stance,
)

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_858710e13cbfc5e3.txt"
SEED_PUBLISHED = "2024-04-02"

# No deadline: the first parse of a run loads the gazetteer, which is slow
# once and would make a deadline flaky.
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile("fuzz", max_examples=20_000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture
def seed_path() -> Path:
    """The seed article, a CNN report of the Biden-Xi call of 2 April 2024."""
    return SEED


@pytest.fixture
def seed_text() -> str:
    """The seed article's text."""
    return SEED.read_text(encoding="utf-8")


# A hand-made article that sets every field, for tests of the records and of
# the output formats that must not depend on what the parser finds.
ARTICLE_TEXT = (
    "President Joe Biden hosted Chinese President Xi Jinping in Woodside, California, "
    "on Tuesday. The hour-and-45-minute meeting was candid and constructive. "
    "Biden raised Taiwan, a senior administration official said."
)


def span_of(text: str, phrase: str, occurrence: int = 1) -> Span:
    """The Span of the ``occurrence``-th ``phrase`` in ``text``."""
    start = -1
    for _ in range(occurrence):
        start = text.index(phrase, start + 1)
    return Span(start, start + len(phrase), phrase)


@pytest.fixture
def article() -> Article:
    """An Article built by hand: two leaders, an unnamed official, a state, one visit, one issue."""
    text = ARTICLE_TEXT
    biden = Actor(
        "A1",
        ActorKind.PERSON,
        "Joe Biden",
        "President",
        "USA",
        (span_of(text, "President Joe Biden"), span_of(text, "Biden", 2)),
    )
    xi = Actor(
        "A2",
        ActorKind.PERSON,
        "Xi Jinping",
        "President",
        "CHN",
        (span_of(text, "Chinese President Xi Jinping"),),
    )
    official = Actor(
        "A3",
        ActorKind.PERSON,
        None,
        "senior administration official",
        "USA",
        (span_of(text, "a senior administration official"),),
    )
    china = Actor("A4", ActorKind.STATE, "China", None, "CHN", (span_of(text, "Chinese"),))
    taiwan = Issue(
        "I1",
        "territorial_dispute",
        "Taiwan",
        Stance.CONCERN,
        (biden,),
        (span_of(text, "Biden raised Taiwan"),),
    )
    meeting = Meeting(
        "M1",
        (biden, xi),
        mode=MeetingMode.VISIT,
        status=MeetingStatus.HELD,
        host=biden,
        date=DateRange(
            dt.date(2024, 4, 2), dt.date(2024, 4, 2), "on Tuesday", span_of(text, "on Tuesday")
        ),
        location=Location("Woodside, California", "USA", span_of(text, "Woodside, California")),
        duration=dt.timedelta(minutes=105),
        issues=(taiwan,),
        tone=("candid", "constructive"),
        evidence=(
            span_of(text, text[: text.index("Tuesday.") + 8]),
            span_of(text, "The hour-and-45-minute meeting was candid and constructive."),
        ),
    )
    return Article(
        text=text,
        published=dt.date(2024, 4, 2),
        actors=(biden, xi, official, china),
        meetings=(meeting,),
        issues=(taiwan,),
    )
