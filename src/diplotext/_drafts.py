"""Meeting drafts: the record of an encounter under construction, and its merging.

A :class:`MeetingDraft` is made for each trigger; this module decides whether
two drafts tell of one encounter (``_same``), folds one into the other
(``_merge``), finds the draft a bare "the call" refers to
(``_antecedent``) and drops the encounters within one country
(``_drop_domestic``).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Mapping

import attrs

from ._model import (
    _CANCELLED,
    _HELD,
    _MULTILATERAL,
    _ORGANIZATION,
    _PERSON,
    _PHONE,
    _PLANNED,
    _STATE,
    _UNSPECIFIED,
    _VISIT,
    Actor,
    DateRange,
    Location,
    MeetingMode,
    MeetingStatus,
)

__all__ = ["MeetingDraft"]


@attrs.define
class MeetingDraft:
    """A meeting under construction; :func:`diplotext._parse` freezes it into a Meeting."""

    participants: list[str]
    mode: MeetingMode
    status: MeetingStatus
    host: str | None = None
    date: DateRange | None = None
    location: Location | None = None
    duration: dt.timedelta | None = None
    tone: list[str] = attrs.field(factory=list)
    sentences: list[int] = attrs.field(factory=list)
    explicit_mode: bool = False
    explicit_status: bool = False
    touched: int = 0
    section: str = "meet"
    sidelines: bool = False
    visiting: list[str] = attrs.field(factory=list)


def _recent(drafts: list[MeetingDraft]) -> list[int]:
    """Draft indices, the most recently mentioned first."""
    return sorted(range(len(drafts)), key=lambda n: -drafts[n].touched)


def _antecedent(
    drafts: list[MeetingDraft], section: str, parts: list[str], sent: int
) -> int | None:
    for idx in _recent(drafts):
        d = drafts[idx]
        if section == "phone" and d.mode is not _PHONE:
            continue
        if parts and parts[0] not in d.participants:
            continue
        return idx
    return None


def _compatible_dates(x: DateRange | None, y: DateRange | None) -> bool:
    if x is None or y is None:
        return True
    return x.start <= y.end and y.start <= x.end


def _covers(big: list[str], small: list[str], actors: Mapping[str, Actor]) -> bool:
    """Whether every participant of ``small`` is in ``big``, a state standing for its people."""
    for p in small:
        if p in big:
            continue
        ap = actors[p]
        loose = ap.kind is not _PERSON or not ap.name
        if not any(
            actors[q].country == ap.country
            and ap.country is not None
            and (actors[q].kind is _STATE or (loose and not actors[q].name))
            for q in big
        ):
            return False
    return True


def _same(
    old: MeetingDraft,
    new: MeetingDraft,
    actors: Mapping[str, Actor],
    published: dt.date | None = None,
) -> bool:
    """Whether two drafts tell of one encounter."""
    a, b = old.participants, new.participants
    if not (_covers(a, b, actors) or _covers(b, a, actors)):
        return False
    if not _compatible_dates(old.date, new.date):
        return False
    # an undated held encounter is the story's own, not one dated long before
    dated = old.date or new.date
    undated = new if old.date else old
    if (
        published is not None
        and dated is not None
        and (old.date is None) != (new.date is None)
        and undated.status is _HELD
        and (published - dated.end).days > 31
    ):
        return False
    modes = {old.mode, new.mode}
    if len(modes) == 2 and _UNSPECIFIED not in modes and old.explicit_mode and new.explicit_mode:
        return False
    if _PHONE in modes and len(modes) == 2 and (old.location or new.location):
        return False
    if (old.mode is _MULTILATERAL) != (new.mode is _MULTILATERAL) and (
        old.explicit_mode and new.explicit_mode
    ):
        return False
    # a plan and its postponement are one encounter; other stated statuses differ
    statuses = {old.status, new.status}
    return (
        len(statuses) == 1
        or not (old.explicit_status and new.explicit_status)
        or statuses == {_PLANNED, _CANCELLED}
    )


def _merge(old: MeetingDraft, new: MeetingDraft, actors: Mapping[str, Actor]) -> None:
    for p in new.participants:
        if p in old.participants:
            continue
        # a person or an official takes the place of the state they stand for
        ap = actors[p]
        same = [
            q
            for q in old.participants
            if actors[q].kind is _STATE and actors[q].country == ap.country
        ]
        if same and ap.kind is not _STATE:
            old.participants[old.participants.index(same[0])] = p
            if old.host == same[0]:
                old.host = p
        elif not any(actors[q].country == ap.country for q in old.participants) or (
            ap.kind is _PERSON and ap.name
        ):
            old.participants.append(p)
    if old.mode is _UNSPECIFIED or (new.explicit_mode and not old.explicit_mode):
        old.mode, old.explicit_mode = new.mode, new.explicit_mode
    if old.host is None:
        old.host = new.host
    if (not old.explicit_status and new.explicit_status) or new.status is _CANCELLED:
        old.status, old.explicit_status = new.status, True
    if old.date is None or (
        new.date is not None and new.date.end - new.date.start < old.date.end - old.date.start
    ):
        old.date = new.date or old.date
    if old.mode is not _PHONE and (old.location is None or _finer(new, old.location, actors)):
        old.location = new.location or old.location
    if old.duration is None:
        old.duration = new.duration
    for t in new.tone:
        if t not in old.tone:
            old.tone.append(t)
    for s in new.sentences:
        add_sentence(old, s)


def _finer(new: MeetingDraft, old: Location, actors: Mapping[str, Actor]) -> bool:
    """Whether ``new`` tells of talks with someone of a country at a place inside
    it, where ``old`` names only the country: "visit Vietnam ... talks with Vo Van
    Kiet in Hanoi" (not "will visit Chongqing before arriving in Beijing")."""
    where = new.location
    if where is None or where.country != old.country or where.name == old.name:
        return False
    if not any(
        actors[p].kind is not _STATE and actors[p].country == where.country
        for p in new.participants
    ):
        return False
    return _names_a_state(old, actors)


def _names_a_state(where: Location, actors: Mapping[str, Actor]) -> bool:
    """Whether a place is named by a state's name ("China"), not a city's."""
    return any(a.kind is _STATE and a.name == where.name for a in actors.values())


def fold_state_visits(
    drafts: list[MeetingDraft], actors: Mapping[str, Actor], published: dt.date | None
) -> list[MeetingDraft]:
    """A visit to a state is the visit of the talks held there with its people.

    "Downer arrived in Beijing on Thursday for a four-day visit. Downer was to
    meet Chinese Foreign Minister Qian Qichen": one encounter, the talks with
    Qian, dated and placed by the visit. With several counterparts, each keeps
    its own talks and the visit adds no record of its own.
    """
    out = list(drafts)
    for v in drafts:
        states = [p for p in v.participants if actors[p].kind is _STATE]
        if v.mode is not _VISIT or len(states) != 1 or len(v.participants) != 2:
            continue
        country = actors[states[0]].country
        (visitor,) = [p for p in v.participants if p != states[0]]
        talks = [
            m
            for m in out
            if m is not v
            and visitor in m.participants
            and m.mode in (_VISIT, _UNSPECIFIED)
            and m.status in (_HELD, _PLANNED)
            and _compatible_dates(m.date, v.date)
            and not _long_before(m.date or v.date, published)
            and any(
                actors[q].kind is not _STATE and actors[q].country == country
                for q in m.participants
            )
        ]
        if not talks:
            continue
        out.remove(v)
        if len(talks) == 1:
            m = talks[0]
            status = m.status
            _merge(m, v, actors)
            m.status = status
            m.mode, m.explicit_mode = _VISIT, True
            if v.location is not None and (
                m.location is None
                or m.location.country != v.location.country
                or (_names_a_state(m.location, actors) and not _names_a_state(v.location, actors))
            ):
                # the talks are where the visitor went: "will visit Guangzhou and
                # Beijing ... talks with her counterpart in China"
                m.location = v.location
            if m.host not in m.participants:
                m.host = next(q for q in m.participants if actors[q].country == country)
        elif v.location is not None:
            # several counterparts: each talk without a place of its own was in the
            # country visited ("On his New Zealand leg, Tsang will meet A, B and C")
            for m in talks:
                if m.location is None:
                    m.location = v.location
                    m.mode, m.explicit_mode = _VISIT, True
                    m.host = next(q for q in m.participants if actors[q].country == country)
    return out


def _long_before(when: DateRange | None, published: dt.date | None) -> bool:
    """Whether a date lies more than a month before publication ("visited Iraq in 1995")."""
    return when is not None and published is not None and (published - when.end).days > 31


def _drop_domestic(
    drafts: list[MeetingDraft], actors: Mapping[str, Actor], guessed: frozenset[str]
) -> list[MeetingDraft]:
    """Keep encounters between different countries or with international bodies.

    A country that is only the dateline's guess does not make a meeting domestic.
    """
    out = []
    for d in drafts:
        if any(p in guessed for p in d.participants):
            out.append(d)
            continue
        countries = {actors[p].country for p in d.participants}
        intl = any(
            actors[p].kind is _ORGANIZATION and not actors[p].country for p in d.participants
        )
        if len(countries) == 1 and None not in countries and not intl:
            continue
        out.append(d)
    return out


def add_sentence(draft: MeetingDraft, sentence: int) -> None:
    """Add a sentence to a draft's evidence, kept sorted and without repeats."""
    at = bisect.bisect_left(draft.sentences, sentence)
    if at == len(draft.sentences) or draft.sentences[at] != sentence:
        draft.sentences.insert(at, sentence)
