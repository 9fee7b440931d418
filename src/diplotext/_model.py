"""The records diplotext returns: frozen attrs classes and enums, no parsing.

Every class here is immutable and hashable, so records can be put in sets,
used as dictionary keys and shared between threads. ``Article.to_dict`` and
``Article.from_dict`` give and read the JSON form fixed in the design
contract; records refer to each other there by id (``A1``, ``M1``, ``I1``).
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from collections.abc import Mapping
from typing import Any

import attrs

__all__ = [
    "Actor",
    "ActorKind",
    "Article",
    "DateRange",
    "Issue",
    "Location",
    "Meeting",
    "MeetingMode",
    "MeetingStatus",
    "Span",
    "Stance",
]


class ActorKind(enum.StrEnum):
    """What kind of participant an :class:`Actor` is."""

    PERSON = "person"
    """A person, named ("Joe Biden") or not ("a senior administration official")."""
    STATE = "state"
    """A country or its government, also by metonym ("China", "Beijing", "the Kremlin")."""
    ORGANIZATION = "organization"
    """A named body: international ("NATO"), governmental ("White House"), private ("ByteDance")."""
    GROUP = "group"
    """Several unnamed people spoken of together ("Chinese officials", "the Russian delegation")."""


class MeetingMode(enum.StrEnum):
    """How an encounter took place: PLOVER's CONSULT modes."""

    PHONE = "phone"
    """A telephone or video call, or any other remote contact (CAMEO 041)."""
    VISIT = "visit"
    """One side travelled to the other; :attr:`Meeting.host` says who hosted (CAMEO 042/043)."""
    THIRD_PARTY = "third_party"
    """A meeting on neutral ground or on the sidelines of a summit (CAMEO 044)."""
    MULTILATERAL = "multilateral"
    """A summit or conference of many parties, as such (no CAMEO code of its own: 040)."""
    UNSPECIFIED = "unspecified"
    """A meeting whose manner the article does not tell (CAMEO 040)."""


class MeetingStatus(enum.StrEnum):
    """Whether an encounter took place."""

    HELD = "held"
    """It took place (or is taking place)."""
    PLANNED = "planned"
    """It is scheduled, announced or expected."""
    PROPOSED = "proposed"
    """It is hoped for, offered, invited or called for, but not agreed."""
    CANCELLED = "cancelled"
    """It was called off or postponed."""


class Stance(enum.StrEnum):
    """The tone in which an :class:`Issue` is raised."""

    CONCERN = "concern"
    """Concern, warning, criticism or dispute."""
    COOPERATION = "cooperation"
    """Cooperation, agreement or progress."""
    NEUTRAL = "neutral"
    """Raised or discussed, with no stance stated."""


# The kinds, modes and statuses the stages compare in their inner loops, as
# module globals: Python 3.11 looks up an enum's member (``ActorKind.PERSON``)
# several times slower than a global.
_PERSON = ActorKind.PERSON
_STATE = ActorKind.STATE
_ORGANIZATION = ActorKind.ORGANIZATION
_GROUP = ActorKind.GROUP
_PHONE = MeetingMode.PHONE
_VISIT = MeetingMode.VISIT
_MULTILATERAL = MeetingMode.MULTILATERAL
_UNSPECIFIED = MeetingMode.UNSPECIFIED
_THIRD_PARTY = MeetingMode.THIRD_PARTY
_HELD = MeetingStatus.HELD
_PLANNED = MeetingStatus.PLANNED
_PROPOSED = MeetingStatus.PROPOSED
_CANCELLED = MeetingStatus.CANCELLED


#: CAMEO codes of the consultation modes (CAMEO 04 "Consult").
CAMEO_CODES: Mapping[MeetingMode, str] = {
    MeetingMode.UNSPECIFIED: "040",
    MeetingMode.PHONE: "041",
    MeetingMode.VISIT: "042",
    MeetingMode.THIRD_PARTY: "044",
    MeetingMode.MULTILATERAL: "040",
}

#: PLOVER contexts of the issue topics (DESIGN.md's topic vocabulary).
PLOVER_CONTEXTS: Mapping[str, str] = {
    "armed_conflict": "military",
    "nuclear_weapons": "cbrn",
    "territorial_dispute": "territory",
    "military_relations": "military",
    "terrorism": "terrorism",
    "trade": "economic",
    "economy": "economic",
    "sanctions": "economic",
    "energy": "natural_resource",
    "climate": "environment",
    "health": "health",
    "migration": "migration",
    "human_rights": "human_rights",
    "narcotics": "illegal_drugs",
    "technology": "technology",
    "cybersecurity": "cyber",
    "election_interference": "election",
    "humanitarian": "human_security",
    "diplomatic_relations": "diplomatic",
    "detainees": "legal",
}


def _non_negative(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 0:
        raise ValueError(f"{attribute.name} must be >= 0, not {value}")


@attrs.frozen
class Span:
    """A stretch of the caller's text: ``text[start:end] == span.text``.

    Attributes:
        start: Offset of the first character.
        end: Offset just past the last character.
        text: The characters themselves.
    """

    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field()
    text: str = attrs.field()

    @end.validator
    def _check_end(self, attribute: attrs.Attribute[int], value: int) -> None:
        if value < self.start:
            raise ValueError(f"end ({value}) must be >= start ({self.start})")
        if value - self.start != len(self.text):
            raise ValueError(f"span {self.start}:{value} does not fit text {self.text!r}")

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: ``{"start": ..., "end": ..., "text": ...}``."""
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Span:
        """Read the JSON form back."""
        return cls(int(data["start"]), int(data["end"]), str(data["text"]))


@attrs.frozen
class DateRange:
    """When something happened, at the precision the article gives.

    A day is a range of one day; "in November" is the whole month.

    Attributes:
        start: First day of the range.
        end: Last day of the range (``>= start``).
        text: The words the date was read from ("on Tuesday", "in July 2022").
        span: Where those words are in the text, if known.
    """

    start: dt.date = attrs.field()
    end: dt.date = attrs.field()
    text: str = attrs.field()
    span: Span | None = attrs.field(default=None)

    @end.validator
    def _check_end(self, attribute: attrs.Attribute[dt.date], value: dt.date) -> None:
        if value < self.start:
            raise ValueError(f"date range ends ({value}) before it starts ({self.start})")

    def to_dict(self) -> dict[str, Any]:
        """The JSON form, with ISO 8601 dates."""
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "text": self.text,
            "span": None if self.span is None else self.span.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DateRange:
        """Read the JSON form back."""
        span = data.get("span")
        return cls(
            dt.date.fromisoformat(data["start"]),
            dt.date.fromisoformat(data["end"]),
            str(data.get("text", "")),
            None if span is None else Span.from_dict(span),
        )


@attrs.frozen
class Location:
    """Where a meeting took place.

    Attributes:
        name: The place as the article names it ("Woodside, California").
        country: ISO 3166-1 alpha-3 code of the country it lies in, if known.
        span: Where the name is in the text, if known.
    """

    name: str
    country: str | None = None
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        return {
            "name": self.name,
            "country": self.country,
            "span": None if self.span is None else self.span.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Location:
        """Read the JSON form back."""
        span = data.get("span")
        return cls(
            str(data["name"]),
            data.get("country"),
            None if span is None else Span.from_dict(span),
        )


@attrs.frozen
class Actor:
    """One real-world participant, merged over all its mentions.

    Attributes:
        id: Identifier within one article ("A1").
        kind: Person, state, organisation or group.
        name: Canonical full name as the article gives it ("Joe Biden"), or
            ``None`` for unnamed people and groups.
        title: Role as written, normalised ("President", "foreign minister").
        country: ISO 3166-1 alpha-3 code of the country it belongs to or
            speaks for; ``None`` for international bodies and unknowns.
        mentions: Every stretch of text that refers to it, in text order.
    """

    id: str
    kind: ActorKind
    name: str | None = None
    title: str | None = None
    country: str | None = None
    mentions: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        return {
            "id": self.id,
            "kind": self.kind.value,
            "name": self.name,
            "title": self.title,
            "country": self.country,
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Actor:
        """Read the JSON form back."""
        return cls(
            id=str(data["id"]),
            kind=ActorKind(data["kind"]),
            name=data.get("name"),
            title=data.get("title"),
            country=data.get("country"),
            mentions=tuple(Span.from_dict(m) for m in data.get("mentions", ())),
        )


@attrs.frozen
class Issue:
    """One matter on the diplomatic agenda.

    Attributes:
        id: Identifier within one article ("I1").
        topic: A key of the topic vocabulary ("trade", "territorial_dispute").
        subject: The specific matter when the article names one ("Taiwan"),
            else ``None``.
        stance: Concern, cooperation or neutral.
        actors: The actors who raised it, where the article says so.
        evidence: Where it is mentioned.
    """

    id: str = attrs.field()
    topic: str = attrs.field()
    subject: str | None = attrs.field(default=None)
    stance: Stance = attrs.field(default=Stance.NEUTRAL)
    actors: tuple[Actor, ...] = attrs.field(default=())
    evidence: tuple[Span, ...] = attrs.field(default=())

    @topic.validator
    def _check_topic(self, attribute: attrs.Attribute[str], value: str) -> None:
        if value not in PLOVER_CONTEXTS:
            raise ValueError(f"unknown topic {value!r}; known: {', '.join(PLOVER_CONTEXTS)}")

    @property
    def plover_context(self) -> str:
        """The PLOVER context of the topic ("territory" for territorial disputes)."""
        return PLOVER_CONTEXTS[self.topic]

    def to_dict(self) -> dict[str, Any]:
        """The JSON form; actors are given by id."""
        return {
            "id": self.id,
            "topic": self.topic,
            "subject": self.subject,
            "stance": self.stance.value,
            "actors": [a.id for a in self.actors],
            "plover_context": self.plover_context,
            "evidence": [s.to_dict() for s in self.evidence],
        }


@attrs.frozen
class Meeting:
    """One diplomatic encounter, merged over every sentence that mentions it.

    Attributes:
        id: Identifier within one article ("M1").
        participants: The actors who met or talked.
        mode: Phone, visit, third party, multilateral or unspecified.
        status: Held, planned, proposed or cancelled.
        host: The hosting actor of a visit, else ``None``.
        date: When, resolved against the publication date, or ``None``.
        location: Where, or ``None``.
        duration: How long, when the article says, or ``None``.
        issues: The issues discussed there.
        tone: The words the article uses to characterise it ("candid").
        evidence: The sentences it was read from.
    """

    id: str
    participants: tuple[Actor, ...]
    mode: MeetingMode = MeetingMode.UNSPECIFIED
    status: MeetingStatus = MeetingStatus.HELD
    host: Actor | None = None
    date: DateRange | None = None
    location: Location | None = None
    duration: dt.timedelta | None = None
    issues: tuple[Issue, ...] = ()
    tone: tuple[str, ...] = ()
    evidence: tuple[Span, ...] = ()

    @property
    def cameo_code(self) -> str:
        """The CAMEO code of the encounter: 040-044 (043 never: one record, both sides)."""
        return CAMEO_CODES[self.mode]

    def to_dict(self) -> dict[str, Any]:
        """The JSON form; actors and issues are given by id."""
        minutes = None
        if self.duration is not None:
            minutes = round(self.duration.total_seconds() / 60)
        return {
            "id": self.id,
            "participants": [a.id for a in self.participants],
            "host": None if self.host is None else self.host.id,
            "mode": self.mode.value,
            "status": self.status.value,
            "date": None if self.date is None else self.date.to_dict(),
            "location": None if self.location is None else self.location.to_dict(),
            "duration_minutes": minutes,
            "issues": [i.id for i in self.issues],
            "tone": list(self.tone),
            "cameo_code": self.cameo_code,
            "evidence": [s.to_dict() for s in self.evidence],
        }


def _to_date(value: dt.date | str | None) -> dt.date | None:
    """Check and convert a publication date: ``date``, ``datetime``, ISO string or None."""
    if value is None or type(value) is dt.date:
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            raise ValueError(
                f"published must be an ISO date like '2024-04-02', not {value!r}"
            ) from None
    raise ValueError(
        f"published must be a date, a datetime or an ISO date string, "
        f"not {type(value).__name__}: {value!r}"
    )


@attrs.frozen
class Article:
    """Everything diplotext read from one article.

    Attributes:
        text: The text as given.
        published: The publication date the relative dates were resolved
            against, or ``None``.
        actors: Every person, state, organisation and group, in order of
            first mention.
        meetings: Every encounter, in order of first mention.
        issues: Every agenda item, in order of first mention.
    """

    text: str
    published: dt.date | None = attrs.field(default=None, converter=_to_date)
    actors: tuple[Actor, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    issues: tuple[Issue, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the design contract (plus the ``text`` itself)."""
        return {
            "published": None if self.published is None else self.published.isoformat(),
            "actors": [a.to_dict() for a in self.actors],
            "meetings": [m.to_dict() for m in self.meetings],
            "issues": [i.to_dict() for i in self.issues],
            "text": self.text,
        }

    def to_json(self, *, indent: int | None = None) -> str:
        """``to_dict()`` as a JSON string (UTF-8 characters kept as they are)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, text: str | None = None) -> Article:
        """Rebuild an Article from :meth:`to_dict`'s form.

        Args:
            data: The mapping, as ``to_dict`` gives it or as read from JSON.
            text: The article's text, if ``data`` has no ``"text"`` key.

        Raises:
            ValueError: If a record refers to an id that is not there.
        """
        actors = {a["id"]: Actor.from_dict(a) for a in data.get("actors", ())}

        def actor(ref: str) -> Actor:
            try:
                return actors[ref]
            except KeyError:
                raise ValueError(f"unknown actor id {ref!r}") from None

        issues = {
            i["id"]: Issue(
                id=i["id"],
                topic=i["topic"],
                subject=i.get("subject"),
                stance=Stance(i.get("stance", "neutral")),
                actors=tuple(actor(r) for r in i.get("actors", ())),
                evidence=tuple(Span.from_dict(s) for s in i.get("evidence", ())),
            )
            for i in data.get("issues", ())
        }

        def issue(ref: str) -> Issue:
            try:
                return issues[ref]
            except KeyError:
                raise ValueError(f"unknown issue id {ref!r}") from None

        meetings = []
        for m in data.get("meetings", ()):
            minutes = m.get("duration_minutes")
            meetings.append(
                Meeting(
                    id=m["id"],
                    participants=tuple(actor(r) for r in m.get("participants", ())),
                    mode=MeetingMode(m.get("mode", "unspecified")),
                    status=MeetingStatus(m.get("status", "held")),
                    host=None if m.get("host") is None else actor(m["host"]),
                    date=None if m.get("date") is None else DateRange.from_dict(m["date"]),
                    location=(
                        None if m.get("location") is None else Location.from_dict(m["location"])
                    ),
                    duration=None if minutes is None else dt.timedelta(minutes=minutes),
                    issues=tuple(issue(r) for r in m.get("issues", ())),
                    tone=tuple(m.get("tone", ())),
                    evidence=tuple(Span.from_dict(s) for s in m.get("evidence", ())),
                )
            )
        body = data.get("text", text)
        if body is None:
            raise ValueError("the mapping has no 'text': pass text=...")
        return cls(
            text=body,
            published=data.get("published"),
            actors=tuple(actors.values()),
            meetings=tuple(meetings),
            issues=tuple(issues.values()),
        )
