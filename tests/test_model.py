"""The records: immutability, validation, the JSON form and the vocabularies."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import attrs
import pytest

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
from diplotext._model import PLOVER_CONTEXTS

# --- frozen -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("record", "field"),
    [
        pytest.param(Span(0, 5, "Biden"), "start", id="span"),
        pytest.param(
            DateRange(dt.date(2024, 4, 2), dt.date(2024, 4, 2), "Tuesday"), "end", id="date-range"
        ),
        pytest.param(Location("Bangkok", "THA"), "name", id="location"),
        pytest.param(Actor("A1", ActorKind.STATE, "China"), "country", id="actor"),
        pytest.param(Issue("I1", "trade"), "stance", id="issue"),
        pytest.param(Meeting("M1", ()), "mode", id="meeting"),
        pytest.param(Article("text"), "published", id="article"),
    ],
)
def test_records_are_frozen(record: object, field: str) -> None:
    """Assigning to a field of any record raises FrozenInstanceError."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(record, field, None)


def test_records_are_hashable(article: Article) -> None:
    """Records can be set members: equal records hash alike."""
    again = Article.from_dict(article.to_dict())
    assert {article, again} == {article}
    assert len({*article.actors, *again.actors}) == len(article.actors)


# --- validation ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        pytest.param(5, 3, "", id="end-before-start"),
        pytest.param(0, 3, "ab", id="text-too-short"),
        pytest.param(0, 1, "ab", id="text-too-long"),
        pytest.param(-1, 0, "", id="negative-start"),
    ],
)
def test_span_rejects_inconsistent_offsets(start: int, end: int, text: str) -> None:
    """A Span whose offsets are reversed, negative or do not fit its text raises ValueError."""
    with pytest.raises(ValueError, match=r"\d"):
        Span(start, end, text)


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        pytest.param(0, 0, "", id="empty"),
        pytest.param(10, 15, "Biden", id="word"),
    ],
)
def test_span_accepts_consistent_offsets(start: int, end: int, text: str) -> None:
    """A Span whose text is end - start characters long is accepted."""
    assert Span(start, end, text).text == text


def test_date_range_rejects_end_before_start() -> None:
    """A DateRange that ends before it starts raises ValueError naming both days."""
    with pytest.raises(ValueError, match=r"2024-04-01.*2024-04-02"):
        DateRange(dt.date(2024, 4, 2), dt.date(2024, 4, 1), "Tuesday")


def test_date_range_may_be_one_day_or_longer() -> None:
    """A one-day range and a month-long range are both valid."""
    day = DateRange(dt.date(2024, 4, 2), dt.date(2024, 4, 2), "on Tuesday")
    month = DateRange(dt.date(2023, 11, 1), dt.date(2023, 11, 30), "in November")
    assert (day.end - day.start, month.end - month.start) == (dt.timedelta(0), dt.timedelta(29))


def test_issue_rejects_unknown_topic() -> None:
    """An Issue with a topic outside the vocabulary raises ValueError naming it."""
    with pytest.raises(ValueError, match="'weather'"):
        Issue("I1", "weather")


# --- the JSON form ------------------------------------------------------------

SPAN_KEYS = {"start", "end", "text"}
ACTOR_KEYS = {"id", "kind", "name", "title", "country", "mentions"}
MEETING_KEYS = {
    "id",
    "participants",
    "host",
    "mode",
    "status",
    "date",
    "location",
    "duration_minutes",
    "issues",
    "tone",
    "cameo_code",
    "evidence",
}
ISSUE_KEYS = {"id", "topic", "subject", "stance", "actors", "plover_context", "evidence"}
ARTICLE_KEYS = {"published", "actors", "meetings", "issues"}
DATE_KEYS = {"start", "end", "text"}
LOCATION_KEYS = {"name", "country"}


def test_to_dict_has_the_design_keys(article: Article) -> None:
    """Every record's JSON form has the keys DESIGN.md fixes (extra keys are allowed)."""
    data = article.to_dict()
    assert set(data) >= ARTICLE_KEYS
    for actor in data["actors"]:
        assert set(actor) >= ACTOR_KEYS
        for mention in actor["mentions"]:
            assert set(mention) >= SPAN_KEYS
    for meeting in data["meetings"]:
        assert set(meeting) >= MEETING_KEYS
        assert set(meeting["date"]) >= DATE_KEYS
        assert set(meeting["location"]) >= LOCATION_KEYS
    for issue in data["issues"]:
        assert set(issue) >= ISSUE_KEYS


def test_to_dict_values_follow_the_design(article: Article) -> None:
    """Ids for references, enum strings, ISO dates and minutes, as in DESIGN.md's example."""
    data = article.to_dict()
    assert data["published"] == "2024-04-02"
    assert data["actors"][0] == {
        "id": "A1",
        "kind": "person",
        "name": "Joe Biden",
        "title": "President",
        "country": "USA",
        "mentions": [
            {"start": 0, "end": 19, "text": "President Joe Biden"},
            {"start": 153, "end": 158, "text": "Biden"},
        ],
    }
    meeting = data["meetings"][0]
    assert {k: meeting[k] for k in MEETING_KEYS - {"date", "location", "evidence"}} == {
        "id": "M1",
        "participants": ["A1", "A2"],
        "host": "A1",
        "mode": "visit",
        "status": "held",
        "duration_minutes": 105,
        "issues": ["I1"],
        "tone": ["candid", "constructive"],
        "cameo_code": "042",
    }
    assert {k: meeting["date"][k] for k in DATE_KEYS} == {
        "start": "2024-04-02",
        "end": "2024-04-02",
        "text": "on Tuesday",
    }
    assert meeting["location"]["country"] == "USA"
    assert data["issues"][0] == {
        "id": "I1",
        "topic": "territorial_dispute",
        "subject": "Taiwan",
        "stance": "concern",
        "actors": ["A1"],
        "plover_context": "territory",
        "evidence": [{"start": 153, "end": 172, "text": "Biden raised Taiwan"}],
    }


def test_unnamed_actor_has_null_name(article: Article) -> None:
    """An unnamed official is written with "name": null and its title and country."""
    official = article.to_dict()["actors"][2]
    assert (official["name"], official["title"], official["country"]) == (
        None,
        "senior administration official",
        "USA",
    )


def test_to_json_round_trips(article: Article) -> None:
    """to_json, json.loads and Article.from_dict give back an equal Article."""
    assert Article.from_dict(json.loads(article.to_json())) == article


def test_to_json_keeps_non_ascii() -> None:
    """to_json writes non-ASCII characters as they are, not as \\u escapes."""
    assert "—" in Article("Washington — CNN").to_json()


def test_to_json_indent(article: Article) -> None:
    """to_json(indent=2) is the same document, indented."""
    indented = article.to_json(indent=2)
    assert "\n  " in indented
    assert json.loads(indented) == json.loads(article.to_json())


def test_from_dict_reads_text_argument(article: Article) -> None:
    """A mapping without "text" is read with text=..., and refused without it."""
    data = article.to_dict()
    del data["text"]
    assert Article.from_dict(data, text=article.text) == article
    with pytest.raises(ValueError, match="text"):
        Article.from_dict(data)


@pytest.mark.parametrize(
    ("section", "field", "value", "message"),
    [
        pytest.param("meetings", "participants", ["A9"], "A9", id="unknown-participant"),
        pytest.param("meetings", "host", "A9", "A9", id="unknown-host"),
        pytest.param("issues", "actors", ["A9"], "A9", id="unknown-raiser"),
        pytest.param("meetings", "issues", ["I9"], "I9", id="unknown-issue"),
    ],
)
def test_from_dict_rejects_dangling_ids(
    article: Article, section: str, field: str, value: Any, message: str
) -> None:
    """from_dict raises ValueError naming an id that no record has."""
    data = article.to_dict()
    data[section][0][field] = value
    with pytest.raises(ValueError, match=message):
        Article.from_dict(data)


def test_from_dict_of_minimal_mapping() -> None:
    """Optional keys may be left out of the JSON form."""
    data = {
        "text": "Biden called Xi.",
        "actors": [{"id": "A1", "kind": "person"}],
        "meetings": [{"id": "M1", "participants": ["A1"]}],
        "issues": [{"id": "I1", "topic": "trade"}],
    }
    article = Article.from_dict(data)
    assert article.published is None
    assert article.meetings[0].mode is MeetingMode.UNSPECIFIED
    assert article.meetings[0].status is MeetingStatus.HELD
    assert article.issues[0].stance is Stance.NEUTRAL


def test_duration_is_written_in_minutes() -> None:
    """A duration is written as whole minutes, and None as null."""
    call = Meeting("M1", (), mode=MeetingMode.PHONE, duration=dt.timedelta(hours=1, minutes=45))
    assert call.to_dict()["duration_minutes"] == 105
    assert Meeting("M2", ()).to_dict()["duration_minutes"] is None


# --- vocabularies -------------------------------------------------------------

TOPICS = [
    pytest.param("armed_conflict", "military", id="armed_conflict"),
    pytest.param("nuclear_weapons", "cbrn", id="nuclear_weapons"),
    pytest.param("territorial_dispute", "territory", id="territorial_dispute"),
    pytest.param("military_relations", "military", id="military_relations"),
    pytest.param("terrorism", "terrorism", id="terrorism"),
    pytest.param("trade", "economic", id="trade"),
    pytest.param("economy", "economic", id="economy"),
    pytest.param("sanctions", "economic", id="sanctions"),
    pytest.param("energy", "natural_resource", id="energy"),
    pytest.param("climate", "environment", id="climate"),
    pytest.param("health", "health", id="health"),
    pytest.param("migration", "migration", id="migration"),
    pytest.param("human_rights", "human_rights", id="human_rights"),
    pytest.param("narcotics", "illegal_drugs", id="narcotics"),
    pytest.param("technology", "technology", id="technology"),
    pytest.param("cybersecurity", "cyber", id="cybersecurity"),
    pytest.param("election_interference", "election", id="election_interference"),
    pytest.param("humanitarian", "human_security", id="humanitarian"),
    pytest.param("diplomatic_relations", "diplomatic", id="diplomatic_relations"),
    pytest.param("detainees", "legal", id="detainees"),
]


@pytest.mark.parametrize(("topic", "context"), TOPICS)
def test_plover_context(topic: str, context: str) -> None:
    """Each topic maps to the PLOVER context of DESIGN.md's table, in the JSON form too."""
    issue = Issue("I1", topic)
    assert issue.plover_context == context
    assert issue.to_dict()["plover_context"] == context


def test_topic_vocabulary_is_the_design_table() -> None:
    """The package knows exactly the 20 topics of DESIGN.md."""
    assert set(PLOVER_CONTEXTS) == {p.values[0] for p in TOPICS}
    assert len(PLOVER_CONTEXTS) == 20


MODES = [
    pytest.param(MeetingMode.PHONE, "041", id="phone"),
    pytest.param(MeetingMode.VISIT, "042", id="visit"),
    pytest.param(MeetingMode.THIRD_PARTY, "044", id="third_party"),
    pytest.param(MeetingMode.MULTILATERAL, "040", id="multilateral"),
    pytest.param(MeetingMode.UNSPECIFIED, "040", id="unspecified"),
]


@pytest.mark.parametrize(("mode", "code"), MODES)
def test_cameo_code(mode: MeetingMode, code: str) -> None:
    """Each meeting mode has its CAMEO 04x code, in the JSON form too."""
    meeting = Meeting("M1", (), mode=mode)
    assert meeting.cameo_code == code
    assert meeting.to_dict()["cameo_code"] == code


def test_cameo_table_covers_every_mode() -> None:
    """The table above names every MeetingMode."""
    assert {p.values[0] for p in MODES} == set(MeetingMode)


@pytest.mark.parametrize(
    ("member", "value"),
    [
        # ActorKind
        pytest.param(ActorKind.PERSON, "person", id="person"),
        pytest.param(ActorKind.STATE, "state", id="state"),
        pytest.param(ActorKind.ORGANIZATION, "organization", id="organization"),
        pytest.param(ActorKind.GROUP, "group", id="group"),
        # MeetingMode
        pytest.param(MeetingMode.PHONE, "phone", id="phone"),
        pytest.param(MeetingMode.VISIT, "visit", id="visit"),
        pytest.param(MeetingMode.THIRD_PARTY, "third_party", id="third_party"),
        pytest.param(MeetingMode.MULTILATERAL, "multilateral", id="multilateral"),
        pytest.param(MeetingMode.UNSPECIFIED, "unspecified", id="unspecified"),
        # MeetingStatus
        pytest.param(MeetingStatus.HELD, "held", id="held"),
        pytest.param(MeetingStatus.PLANNED, "planned", id="planned"),
        pytest.param(MeetingStatus.PROPOSED, "proposed", id="proposed"),
        pytest.param(MeetingStatus.CANCELLED, "cancelled", id="cancelled"),
        # Stance
        pytest.param(Stance.CONCERN, "concern", id="concern"),
        pytest.param(Stance.COOPERATION, "cooperation", id="cooperation"),
        pytest.param(Stance.NEUTRAL, "neutral", id="neutral"),
    ],
)
def test_enum_values(member: Any, value: str) -> None:
    """Each enum member's value, str() and lookup by value are DESIGN.md's string."""
    assert member.value == value
    assert str(member) == value
    assert type(member)(value) is member


@pytest.mark.parametrize(
    ("enum", "count"),
    [
        pytest.param(ActorKind, 4, id="ActorKind"),
        pytest.param(MeetingMode, 5, id="MeetingMode"),
        pytest.param(MeetingStatus, 4, id="MeetingStatus"),
        pytest.param(Stance, 3, id="Stance"),
    ],
)
def test_enums_have_no_extra_members(enum: Any, count: int) -> None:
    """Each enum has exactly the members DESIGN.md lists."""
    assert len(enum) == count


# --- Article.published ----------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(None, None, id="none"),
        pytest.param(dt.date(2024, 4, 2), dt.date(2024, 4, 2), id="date"),
        pytest.param(dt.datetime(2024, 4, 2, 23, 59), dt.date(2024, 4, 2), id="datetime"),
        pytest.param(
            dt.datetime(2024, 4, 2, 9, tzinfo=dt.UTC), dt.date(2024, 4, 2), id="aware-datetime"
        ),
        pytest.param("2024-04-02", dt.date(2024, 4, 2), id="iso-string"),
        pytest.param(" 2024-04-02\n", dt.date(2024, 4, 2), id="iso-string-padded"),
        pytest.param("2024-04-02T10:30:00Z", dt.date(2024, 4, 2), id="iso-timestamp"),
    ],
)
def test_published_is_converted(value: object, expected: dt.date | None) -> None:
    """Article(published=...) accepts a date, a datetime or an ISO string, and keeps a date."""
    published = Article("text", published=value).published  # type: ignore[arg-type]
    assert published == expected
    assert published is None or type(published) is dt.date


@pytest.mark.parametrize(
    "value",
    [
        pytest.param("April 2, 2024", id="prose"),
        pytest.param("2024-13-01", id="no-such-month"),
        pytest.param("02/04/2024", id="slashes"),
        pytest.param("", id="empty"),
    ],
)
def test_published_rejects_bad_string(value: str) -> None:
    """A string that is not an ISO date raises ValueError naming the value."""
    with pytest.raises(ValueError, match=re.escape(repr(value))):
        Article("text", published=value)


@pytest.mark.parametrize(
    "value",
    [
        pytest.param(20240402, id="int"),
        pytest.param(2024.0, id="float"),
        pytest.param(("2024", "04", "02"), id="tuple"),
    ],
)
def test_published_rejects_other_types(value: object) -> None:
    """A number or any other non-date raises ValueError naming its type."""
    with pytest.raises(ValueError, match=type(value).__name__):
        Article("text", published=value)  # type: ignore[arg-type]
