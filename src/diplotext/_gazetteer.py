"""The data the parsers use, loaded from the package's TOML files into one frozen record.

:class:`Gazetteer` is the only cache in diplotext: the bundled data is read
once, on first use, and the patterns built from a gazetteer are kept on that
gazetteer (not in module globals), so a user's extended gazetteer gets
patterns of its own and pickles without them.
"""

from __future__ import annotations

import datetime as dt
import functools
import threading
import tomllib
from collections.abc import Callable, Iterable, Mapping
from importlib import resources
from typing import Any, TypeVar

import attrs

__all__ = [
    "Country",
    "Gazetteer",
    "Organization",
    "Person",
    "Place",
    "Subject",
    "Topic",
]

T = TypeVar("T")


def _strings(value: Iterable[str] = ()) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen
class Country:
    """A state, with the words that name it.

    Attributes:
        code: ISO 3166-1 alpha-3 code ("USA"; "SUN" for the Soviet Union).
        name: Short English name ("United States").
        aliases: Other names of the state ("U.S.", "America").
        adjectives: Adjectives and attributive forms ("American", "U.S.").
        demonyms: Nouns for its people ("Americans").
        capital: The capital city, also used as a metonym ("Washington").
        seats: Seats of government used as metonyms ("the Kremlin").
        successors: For a former state, the states that now hold its
            territory (the Soviet Union: Russia, Ukraine ...).
        combining: Forms that begin compounds ("Franco" of "Franco-German").
        until: For a former state, its last day.
        seat_of: For a former state, the successor whose capital and seats
            were its own until then (the Soviet Union: Russia's Moscow).
    """

    code: str
    name: str
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    adjectives: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    demonyms: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    capital: str | None = None
    seats: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    successors: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    combining: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    until: dt.date | None = None
    seat_of: str | None = None


@attrs.frozen
class Place:
    """A city, region or venue, with the country it lies in.

    Attributes:
        name: The place's name ("Bangkok", "Great Hall of the People").
        country: ISO 3166-1 alpha-3 code.
    """

    name: str
    country: str


@attrs.frozen
class Organization:
    """A named organisation.

    Attributes:
        name: Canonical name ("North Atlantic Treaty Organization").
        aliases: Other names and abbreviations ("NATO").
        country: ISO code for national bodies and companies; ``None`` for
            international ones, and for generic bodies whose country comes
            from the text ("Foreign Ministry").
        type: "international", "government", "legislature", "party",
            "armed_group", "company", "media" or "other".
        generic: Whether the name needs a country from the text
            ("the Chinese Foreign Ministry").
    """

    name: str
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    country: str | None = None
    type: str = "other"
    generic: bool = False


@attrs.frozen
class Person:
    """A person known beforehand, for names the text alone cannot settle.

    The article's own words (title, country adjective) always win over this.

    Attributes:
        name: Full name ("Xi Jinping").
        title: Title ("President").
        country: ISO 3166-1 alpha-3 code.
        aliases: Other forms of the name ("Xi").
        valid_from: First day the title held, if known.
        valid_to: Last day the title held, if known.
    """

    name: str
    title: str | None = None
    country: str | None = None
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None


@attrs.frozen
class Subject:
    """A named matter that belongs to a topic ("Taiwan" to territorial disputes).

    Attributes:
        name: The canonical name given as ``Issue.subject``.
        aliases: Other words for it, matched case-insensitively unless
            capitalised ("Strait of Taiwan").
    """

    name: str
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strings)


def _subjects(value: Iterable[Subject]) -> tuple[Subject, ...]:
    return tuple(value)


@attrs.frozen
class Topic:
    """One topic of the vocabulary, with the words that signal it.

    Attributes:
        key: The topic key ("trade").
        cues: Words and phrases that signal the topic without naming a
            specific matter ("tariffs", "trade practices").
        subjects: Named matters that belong to it.
    """

    key: str
    cues: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    subjects: tuple[Subject, ...] = attrs.field(default=(), converter=_subjects)


def _countries(value: Iterable[Country]) -> tuple[Country, ...]:
    return tuple(value)


def _places(value: Iterable[Place]) -> tuple[Place, ...]:
    return tuple(value)


def _organizations(value: Iterable[Organization]) -> tuple[Organization, ...]:
    return tuple(value)


def _people(value: Iterable[Person]) -> tuple[Person, ...]:
    return tuple(value)


def _topics(value: Iterable[Topic]) -> tuple[Topic, ...]:
    return tuple(value)


def _read(name: str) -> dict[str, Any]:
    data = resources.files("diplotext").joinpath("data", name).read_text(encoding="utf-8")
    return tomllib.loads(data)


@attrs.frozen(getstate_setstate=False)
class Gazetteer:
    """The word lists and knowledge the parsers use; extend it with :meth:`extended`.

    Build the bundled one with :meth:`default` (read once, then shared), and
    pass an extended copy to :func:`diplotext.parse`::

        >>> from diplotext import Gazetteer, Person
        >>> g = Gazetteer.default().extended(
        ...     people=[Person("Kaja Kallas", "High Representative", None)])
        >>> g is Gazetteer.default()
        False

    Attributes:
        countries: Every state, keyed by nothing: use :meth:`country`.
        places: Cities, regions and venues.
        organizations: International, governmental and other bodies.
        people: People known beforehand (empty in the bundled data).
        titles: The title vocabulary: the data of ``titles.toml``.
        meeting_words: The meeting vocabulary: the data of ``meetings.toml``.
        topics: The topic vocabulary.
        stance_words: Words of each stance: the data of ``stance.toml``.
        names: Given names and family-first surnames (``names.toml``).
    """

    countries: tuple[Country, ...] = attrs.field(converter=_countries)
    places: tuple[Place, ...] = attrs.field(converter=_places)
    organizations: tuple[Organization, ...] = attrs.field(converter=_organizations)
    people: tuple[Person, ...] = attrs.field(default=(), converter=_people)
    titles: Mapping[str, Any] = attrs.field(factory=dict, eq=False)
    meeting_words: Mapping[str, Any] = attrs.field(factory=dict, eq=False)
    topics: tuple[Topic, ...] = attrs.field(default=(), converter=_topics)
    stance_words: Mapping[str, Any] = attrs.field(factory=dict, eq=False)
    names: Mapping[str, Any] = attrs.field(factory=dict, eq=False)
    _cache: dict[str, Any] = attrs.field(factory=dict, init=False, eq=False, repr=False)
    _lock: threading.Lock = attrs.field(factory=threading.Lock, init=False, eq=False, repr=False)

    @classmethod
    def default(cls) -> Gazetteer:
        """The bundled gazetteer, read from the package data on first use."""
        return _default()

    def extended(
        self,
        *,
        countries: Iterable[Country] = (),
        places: Iterable[Place] = (),
        organizations: Iterable[Organization] = (),
        people: Iterable[Person] = (),
        topics: Iterable[Topic] = (),
    ) -> Gazetteer:
        """A new gazetteer with these records added (a topic with a known key is merged).

        The original is unchanged; the new one builds its patterns afresh.
        """
        merged = {t.key: t for t in self.topics}
        for t in topics:
            old = merged.get(t.key)
            if old is not None:
                t = Topic(t.key, old.cues + t.cues, old.subjects + t.subjects)
            merged[t.key] = t
        return Gazetteer(
            countries=(*self.countries, *countries),
            places=(*self.places, *places),
            organizations=(*self.organizations, *organizations),
            people=(*self.people, *people),
            titles=self.titles,
            meeting_words=self.meeting_words,
            topics=tuple(merged.values()),
            stance_words=self.stance_words,
            names=self.names,
        )

    def cached(self, key: str, build: Callable[[Gazetteer], T]) -> T:
        """``build(self)``, computed once per gazetteer and kept under ``key``.

        Stages keep their compiled patterns here, so that they are built once
        per gazetteer and never shared between gazetteers.
        """
        try:
            return self._cache[key]  # type: ignore[no-any-return]
        except KeyError:
            pass
        with self._lock:
            if key not in self._cache:
                self._cache[key] = build(self)
            return self._cache[key]  # type: ignore[no-any-return]

    def __getstate__(self) -> dict[str, Any]:
        """Pickle the data only: patterns are rebuilt where it is unpickled."""
        return {
            f.name: getattr(self, f.name)
            for f in attrs.fields(type(self))
            if f.name not in ("_cache", "_lock")
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)
        object.__setattr__(self, "_cache", {})
        object.__setattr__(self, "_lock", threading.Lock())

    def __reduce__(self) -> tuple[Any, ...]:
        if self is _default():
            return (_default, ())
        return (_rebuild, (self.__getstate__(),))


def _rebuild(state: dict[str, Any]) -> Gazetteer:
    g: Gazetteer = object.__new__(Gazetteer)
    g.__setstate__(state)
    return g


def _date_or_none(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


@functools.cache
def _default() -> Gazetteer:
    countries = tuple(
        Country(
            code=code,
            name=entry["name"],
            aliases=entry.get("aliases", ()),
            adjectives=entry.get("adjectives", ()),
            demonyms=entry.get("demonyms", ()),
            capital=entry.get("capital"),
            seats=entry.get("seats", ()),
            successors=entry.get("successors", ()),
            combining=entry.get("combining", ()),
            until=_date_or_none(entry.get("until")),
            seat_of=entry.get("seat_of"),
        )
        for code, entry in _read("countries.toml").items()
    )
    places = tuple(Place(name, code) for name, code in _read("places.toml")["places"].items())
    organizations = tuple(
        Organization(
            name=entry["name"],
            aliases=entry.get("aliases", ()),
            country=entry.get("country"),
            type=entry.get("type", "other"),
            generic=entry.get("generic", False),
        )
        for entry in _read("organizations.toml")["organization"]
    )
    people = tuple(
        Person(
            name=entry["name"],
            title=entry.get("title"),
            country=entry.get("country"),
            aliases=entry.get("aliases", ()),
            valid_from=_date_or_none(entry.get("valid_from")),
            valid_to=_date_or_none(entry.get("valid_to")),
        )
        for name in ("people.toml", "leaders.toml")
        for entry in _read(name).get("person", ())
    )
    topics = tuple(
        Topic(
            key=key,
            cues=entry.get("cues", ()),
            subjects=tuple(
                Subject(s["name"], s.get("aliases", ())) for s in entry.get("subjects", ())
            ),
        )
        for key, entry in _read("topics.toml").items()
    )
    return Gazetteer(
        countries=countries,
        places=places,
        organizations=organizations,
        people=people,
        titles=_read("titles.toml"),
        meeting_words=_read("meetings.toml"),
        topics=topics,
        stance_words=_read("stance.toml"),
        names=_read("names.toml"),
    )
