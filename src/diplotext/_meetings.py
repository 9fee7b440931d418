"""The meetings stage: every encounter once, with participants, mode, status, date and place.

For each sentence the stage finds the words that report an encounter
(``meetings.toml``: "spoke by phone", "held talks", "visit", "summit" ...),
reads the participants from the sentence's structure (the actor before the
trigger and the one after "with", "between ... and ...", or the object of
"met"), the status from the words around it ("will", "hope", "postponed"),
the date and place nearest to it, and the length and tone of the encounter.
Sentences that speak again of an encounter already found ("the call", "the
meeting between Biden and Xi") are merged into it, so that one encounter
told in five sentences is one record.

The stage's parts, one module each: :mod:`diplotext._meeting_words` (the
vocabulary), :mod:`diplotext._participants` (what one trigger's clause
says), :mod:`diplotext._drafts` (the draft record and merging). This
module finds the triggers, makes or merges a draft for each, and gives
held encounters the scene's place and the story's date.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from . import _dates
from ._actors import ActorResult
from ._drafts import MeetingDraft, _antecedent, _drop_domestic, _merge, _recent, _same, add_sentence
from ._gazetteer import Gazetteer
from ._meeting_words import _same_country, _Vocabulary, vocabulary
from ._model import (
    Actor,
    ActorKind,
    DateRange,
    Location,
    MeetingMode,
    MeetingStatus,
    Span,
)
from ._participants import (
    _NEW_DETS,
    _NOUN_MODIFIERS,
    _attendees,
    _clause_bounds,
    _Ctx,
    _mentions_between,
    _participants,
    _place_near,
    _resolve_date,
    _sentence_people,
    _status_words,
    _tone,
)
from ._text import Sentence
from ._tokens import Token

__all__ = ["MeetingDraft", "find_meeting_drafts"]


_VISITING = frozenset({"visiting"})
_PAST_VERBS = frozenset(
    """
    met visited held spoke talked phoned telephoned called hosted received welcomed arrived
    travelled traveled flew opened began resumed conferred negotiated had paid went spent
    sat rolled
    """.split()
)
_SIDELINES = ("sidelines", "margins", "sideline")
_PRESENT_VERBS = frozenset(
    """
    meet meets visit visits hold holds host hosts arrive arrives travel travels fly flies
    receive receives welcome welcomes
    """.split()
)
# before a verb, words that make it no finite present: "to meet", "did meet", "would meet"
_NOT_FINITE = frozenset(
    """
    to did didn't would could should might may will can must not never shall
    """.split()
)


def _excluded(toks: Sequence[Token], i: int, length: int, voc: _Vocabulary) -> bool:
    """Whether the trigger at ``toks[i:i+length]`` sits inside an excluded phrase."""
    for back in range(4):
        p = i - back
        if p < 0:
            break
        k, _ = voc.exclude.match(toks, p)
        if k and p + k > i:
            return True
    return False


def find_meeting_drafts(
    text: str,
    sentences: Sequence[Sentence],
    found: ActorResult,
    gazetteer: Gazetteer,
    published: dt.date | None,
) -> tuple[list[MeetingDraft], tuple[Actor, ...]]:
    """The encounters of an article, merged, as drafts in order of first mention.

    Also returns the states the stage had to add: the host country of a visit
    told only by its place ("arrived in Beijing") when the article never
    names that state otherwise.
    """
    voc = vocabulary(gazetteer)
    tokens = found.tokens
    starts = tokens.starts
    actors = {a.id: a for a in found.actors}
    known = len(actors)
    parser = _dates.DateParser()
    drafts: list[MeetingDraft] = []
    scenes: list[tuple[int, Location, DateRange | None]] = []
    anchors: list[tuple[int, DateRange]] = []
    media = voc.media
    mention_starts = [m.start for m in found.mentions]  # both in text order
    place_starts = [p.start for p in found.places]
    clock = 0
    for sent in sentences:
        lo = bisect.bisect_left(starts, sent.start)
        hi = bisect.bisect_left(starts, sent.end)
        toks = tokens[lo:hi]
        if not toks:
            continue
        m_lo = bisect.bisect_left(mention_starts, sent.start)
        m_hi = bisect.bisect_left(mention_starts, sent.end)
        p_lo = bisect.bisect_left(place_starts, sent.start)
        p_hi = bisect.bisect_left(place_starts, sent.end)
        ctx = _Ctx(
            text,
            toks,
            found.mentions[m_lo:m_hi],
            found.places[p_lo:p_hi],
            actors,
            voc,
            published,
            parser,
            found.home,
            found.guessed,
            mention_starts[m_lo:m_hi],
        )
        p = 0
        found_here: list[tuple[int, int, tuple[str, str]]] = []
        while p < len(toks):
            k, vals = voc.triggers.match(toks, p)
            if not k or _excluded(toks, p, k, voc):
                p += 1
                continue
            # "face-to-face summit", "phone call": the head noun speaks
            k2, vals2 = voc.triggers.match(toks, p + k) if p + k < len(toks) else (0, ())
            if k2 and any(v[1] == "noun" for v in vals2) and not _excluded(toks, p + k, k2, voc):
                p += k
                continue
            found_here.append((p, p + k, _reading(toks, p, vals)))
            p += k
        exprs = [
            e
            for e in _dates.find_dates(text, sent.start, sent.end)
            if e.start >= found.dateline_end
        ]
        for e in exprs:
            when = _dates.resolve(e, published, future=False, parser=parser)
            if when is not None:
                anchors.append((sent.index, when))
        if not found_here:
            continue
        durations = _dates.find_durations(text, sent.start, sent.end)
        centres = [toks[i].start for i, _j, _r in found_here]
        # each date and length goes to the trigger nearest to it
        dates_of: dict[int, list[Any]] = {}
        for e in exprs:
            dates_of.setdefault(_nearest(centres, e.start), []).append(e)
        lengths_of: dict[int, list[Any]] = {}
        for d in durations:
            lengths_of.setdefault(_nearest(centres, d.start), []).append(d)
        for i, j, reading in found_here:
            mine = dates_of.get(toks[i].start, [])
            lengths = lengths_of.get(toks[i].start, [])
            clock += 1
            _one(ctx, drafts, sent, i, j, reading, mine, lengths, clock, media)
            a, b = _clause_bounds(toks, i, j)
            loc = _place_near(ctx, a, i, b)
            # only what took place sets a scene, not a plan or a hope
            if loc is not None and _status_words(ctx, a, i, b)[0] is None:
                when, _dir = _resolve_date(ctx, mine, i, None)
                if when is None and scenes and scenes[-1][0] == sent.index:
                    when = scenes[-1][2]
                scenes.append((sent.index, loc, when))
    _set_scenes(drafts, scenes, found, actors, voc.kin)
    _anchor_dates(drafts, anchors, published)
    added = tuple(a for a in list(actors.values())[known:])
    return _drop_domestic(drafts, actors, found.guessed), added


def _anchor_dates(
    drafts: list[MeetingDraft], anchors: list[tuple[int, DateRange]], published: dt.date | None
) -> None:
    """A held encounter told with no date of its own takes the story's time.

    That is the last day named in its sentence or the two before it, if that
    day lies in the week before publication ("Obama arrived on Friday ... It
    happened in a phone call during a final meeting"); else, early in the
    article, the day its lead names if that is the day of publication or
    the one or two before.
    """
    if published is None:
        return
    for d in drafts:
        if d.date is not None or d.status is not MeetingStatus.HELD:
            continue
        first = min(d.sentences)
        near = [
            when
            for sent, when in anchors
            if first - 2 <= sent <= first
            and when.start == when.end
            and 0 <= (published - when.end).days <= 7
        ]
        if not near and first < 10:
            # else the story's own day, when its lead names one ("signed ... Friday")
            near = [
                when
                for sent, when in anchors
                if sent < 3 and when.start == when.end and 0 <= (published - when.end).days <= 2
            ]
        if near:
            d.date = near[-1]


def _set_scenes(
    drafts: list[MeetingDraft],
    scenes: list[tuple[int, Location, DateRange | None]],
    found: ActorResult,
    actors: Mapping[str, Actor],
    kin: Mapping[str, frozenset[str]],
) -> None:
    """Held encounters with no place of their own take the scene's: the place of a
    meeting just told ("at the Great Hall of the People ... Hu met X"), or the
    dateline's for the article's first paragraph ("WASHINGTON - X met Y")."""
    line = found.dateline
    if line is not None:
        name = line.name.title() if line.name.isupper() else line.name
        scenes.insert(
            0, (-1, Location(name, line.country, Span(line.start, line.end, line.name)), None)
        )
    for d in drafts:
        if (
            d.location is not None
            or d.mode is MeetingMode.PHONE
            or d.status is not MeetingStatus.HELD
        ):
            continue
        first = min(d.sentences)
        countries = {actors[p].country for p in d.participants}
        for sent, loc, when in reversed(scenes):
            if sent > first or first - sent > (3 if sent < 0 else 8):
                continue
            # the dateline's place holds for the lead; a later scene needs a host there
            if sent < 0 or any(_same_country(kin, loc.country, c) for c in countries):
                d.location = loc
                if d.date is None and when is not None:
                    d.date = when
                if d.mode in (MeetingMode.UNSPECIFIED, MeetingMode.VISIT) or not d.explicit_mode:
                    d.mode, d.host = _mode_and_host(
                        actors, kin, d.participants, loc, d.mode, d.sidelines, d.visiting, d.section
                    )
                break


_NOUN_CUES = frozenset(
    """
    the a an this that their his her its our 's ’s another first second last latest next
    phone telephone video of during after before since in at on for
    """.split()
)


def _reading(toks: Sequence[Token], i: int, vals: tuple[tuple[str, str], ...]) -> tuple[str, str]:
    """Noun or verb: "the call" / "Tuesday's call" are nouns, "Biden called" a verb."""
    if len({v[1] for v in vals}) == 1:
        return vals[0]
    prev = toks[i - 1].lower if i > 0 else ""
    noun = (
        prev in _NOUN_CUES
        or prev in _NOUN_MODIFIERS
        or ("-" in prev and prev[:1].isalnum())  # "an hour-long call", "two-day visit"
    )
    want = "noun" if noun else "verb"
    return next((v for v in vals if v[1] == want), vals[0])


def _one(
    ctx: _Ctx,
    drafts: list[MeetingDraft],
    sent: Sentence,
    i: int,
    j: int,
    reading: tuple[str, str],
    exprs: Sequence[Any],
    durations: Sequence[Any],
    clock: int,
    media: frozenset[str] = frozenset(),
) -> int | None:
    """Read one trigger; add or merge a draft. Returns the draft's index."""
    toks = ctx.toks
    section, pos = reading
    words = " ".join(t.lower for t in toks[i:j])
    a, b = _clause_bounds(toks, i, j)
    status, negated = _status_words(ctx, a, i, b)
    if negated and status is None:
        return None
    left, right, _anaphoric = _participants(ctx, drafts, a, i, j, b, pos)
    left = [p for p in left if ctx.actors[p].name not in media]
    right = [p for p in right if ctx.actors[p].name not in media]
    if section == "visit" and words in _HOSTING and not right:
        return None  # "received assurances", "welcomed the decision"
    if section == "phone" and pos == "verb" and words in _BARE_CALLS and not right:
        return None  # "talks both sides called candid": no one was called
    parts = [*left, *right]
    # people speak for their states: drop a state whose person is already there
    parts = _prune_states(parts, ctx.actors)

    # "Arafat meets Albright Monday": the news present with a day is a schedule
    present = (
        pos == "verb"
        and toks[i].lower in _PRESENT_VERBS
        and (i == 0 or toks[i - 1].lower not in _NOT_FINITE)
        and any(e.kind in ("weekday", "day") for e in exprs)
    )
    if status is None and present:
        status = MeetingStatus.PLANNED
    date, direction = _resolve_date(ctx, exprs, i, status)
    past_verb = toks[i].lower in _PAST_VERBS and pos == "verb"
    if status is None:
        status = MeetingStatus.PLANNED if direction > 0 else MeetingStatus.HELD
    elif past_verb and status is MeetingStatus.PLANNED and direction < 0:
        status = MeetingStatus.HELD
    if (
        date is not None
        and ctx.published is not None
        and date.end < ctx.published
        and status is MeetingStatus.PLANNED
    ):
        status = MeetingStatus.HELD  # a plan dated in the past was carried out
    location = _place_near(ctx, a, i, b)
    duration = None
    for d in durations:
        if d.unit in ("minutes", "hours") and a <= _tok_index(toks, d.start) <= b:
            duration = d.duration
    tone = _tone(ctx, a, b)
    sidelines = any(t.lower in _SIDELINES for t in toks[a:b])
    # "held talks with visiting X": who is visiting
    visit_ends = [t.end for t in toks[a:b] if t.lower in _VISITING]
    visiting = [
        m.actor
        for m in (_mentions_between(ctx, toks[a].start, toks[b - 1].end) if visit_ends else ())
        if any(0 <= m.start - end <= 30 for end in visit_ends)
    ]

    mode = {
        "phone": MeetingMode.PHONE,
        "visit": MeetingMode.VISIT,
        "multilateral": MeetingMode.MULTILATERAL,
        "meet": MeetingMode.UNSPECIFIED,
    }[section]
    explicit_mode = section in ("phone", "visit")
    # a visit to a place abroad: the host country joins if nobody of it is named
    if section == "visit" and location is not None and location.country:
        kin = ctx.voc.kin
        if not any(_same_country(kin, ctx.actors[p].country, location.country) for p in parts):
            # "Reagan's invitation to Gorbachev to visit the United States": the
            # nearest person of the host country in the clause hosts; else the state
            hosts = [
                m.actor
                for m in _mentions_between(ctx, toks[a].start, toks[b - 1].end)
                if m.actor not in parts
                and ctx.actors[m.actor].kind is ActorKind.PERSON
                and ctx.actors[m.actor].name
                and m.actor not in ctx.guessed
                and _same_country(kin, ctx.actors[m.actor].country, location.country)
            ]
            host_id = (
                min(hosts, key=lambda h: abs(_first_mention(ctx, h) - toks[i].start))
                if hosts
                else _state_actor(ctx, location.country, location.span)
            )
            if host_id is not None:
                parts.append(host_id)
    fresh = any(t.lower in _NEW_DETS for t in toks[max(a, i - 3) : i])
    if len(parts) == 1 and section == "visit" and location is None:
        # "MOSCOW - Kuchma's four-day state visit": the dateline's country hosts
        host_state = _dateline_host(ctx, parts[0])
        if host_state is not None:
            parts.append(host_state)
    if len(parts) < 2:
        # "the call", "this meeting", "the hour-and-45-minute meeting": an encounter already told
        target = _antecedent(drafts, section, parts, sent.index)
        attendees = _attendees(ctx, j, b)
        if target is None:
            # "After the talks, Yeltsin and Kuchma called for ...": the people of the sentence
            people = attendees or _sentence_people(ctx)
            if len(people) < 2:
                return None
            parts = people
        else:
            d = drafts[target]
            for p in attendees:
                _merge(d, MeetingDraft(participants=[p], mode=d.mode, status=d.status), ctx.actors)
            if fresh and len(d.participants) >= 2:
                # "another face-to-face meeting": the same people, a new encounter
                drafts.append(
                    MeetingDraft(
                        participants=list(d.participants),
                        mode=MeetingMode.UNSPECIFIED,
                        status=status,
                        date=date,
                        sentences=[sent.index],
                        explicit_status=True,
                        touched=clock,
                    )
                )
                return len(drafts) - 1
            d.touched = clock
            _absorb(d, sent.index, duration, tone)
            return target

    host = None
    if section != "phone":
        mode, host = _mode_and_host(
            ctx.actors, ctx.voc.kin, parts, location, mode, sidelines, visiting, section
        )
        if mode in (MeetingMode.VISIT, MeetingMode.THIRD_PARTY, MeetingMode.MULTILATERAL):
            explicit_mode = True
    # one visitor meeting several people in turn: one encounter each
    people = [r for r in right if ctx.actors[r].kind is ActorKind.PERSON and ctx.actors[r].name]
    groups = (
        [[*left, r] for r in right]
        if (
            len(left) == 1
            and len(people) >= 2
            and len(people) == len(right)
            and section != "multilateral"
            and not any(t.lower in ("together", "jointly") for t in toks[a:b])
        )
        else [parts]
    )
    idx = None
    for group in groups:
        idx = _add(
            ctx,
            drafts,
            group,
            mode,
            status,
            host if len(groups) == 1 else None,
            date,
            location,
            duration,
            tone,
            sent,
            words,
            explicit_mode,
            past_verb,
            clock,
            section,
            sidelines,
            visiting,
        )
    return idx


_BARE_CALLS = frozenset({"call", "calls", "called", "calling", "phone", "phones", "telephone"})
_HOSTING = frozenset(
    """
    hosted host hosts hosting received receives receiving welcomed welcome welcomes
    welcoming
    """.split()
)


def _add(
    ctx: _Ctx,
    drafts: list[MeetingDraft],
    parts: list[str],
    mode: MeetingMode,
    status: MeetingStatus,
    host: str | None,
    date: DateRange | None,
    location: Location | None,
    duration: dt.timedelta | None,
    tone: list[str],
    sent: Sentence,
    words: str,
    explicit_mode: bool,
    past_verb: bool,
    clock: int,
    section: str,
    sidelines: bool,
    visiting: list[str],
) -> int:
    """Add a draft, or merge it into the one it repeats."""

    draft = MeetingDraft(
        participants=parts,
        mode=mode,
        status=status,
        host=host,
        date=date,
        location=location if mode is not MeetingMode.PHONE else None,
        duration=duration,
        tone=tone,
        sentences=[sent.index],
        explicit_mode=explicit_mode,
        explicit_status=status is not MeetingStatus.HELD or past_verb,
        touched=clock,
        section=section,
        sidelines=sidelines,
        visiting=list(visiting),
    )
    for idx in _recent(drafts):
        if _same(drafts[idx], draft, ctx.actors, ctx.published):
            _merge(drafts[idx], draft, ctx.actors)
            drafts[idx].touched = clock
            return idx
    drafts.append(draft)
    return len(drafts) - 1


def _absorb(d: MeetingDraft, sent: int, duration: dt.timedelta | None, tone: list[str]) -> None:
    """A sentence that speaks again of an encounter adds its evidence, length and tone."""
    add_sentence(d, sent)
    if d.duration is None and duration is not None:
        d.duration = duration
    for t in tone:
        if t not in d.tone:
            d.tone.append(t)


def _dateline_host(ctx: _Ctx, visitor: str) -> str | None:
    """The state of the dateline's country, for a visitor from elsewhere."""
    home = ctx.home
    if home is None or ctx.actors[visitor].country in (None, home):
        return None
    return _state_actor(ctx, home)


def _nearest(centres: list[int], offset: int) -> int:
    """The centre nearest ``offset`` (the earlier on a tie); ``centres`` is sorted."""
    at = bisect.bisect_left(centres, offset)
    near = centres[max(0, at - 1) : at + 1]
    return min(near, key=lambda c: (abs(c - offset), c))


def _tok_index(toks: Sequence[Token], offset: int) -> int:
    return bisect.bisect_left(toks, offset, key=lambda t: t.start)


def _first_mention(ctx: _Ctx, actor: str) -> int:
    return next((m.start for m in ctx.mentions if m.actor == actor), 0)


def _state_actor(ctx: _Ctx, country: str, where: Span | None = None) -> str | None:
    """The state actor of a country; inferred from the place ``where`` if the text names none."""
    for a in ctx.actors.values():
        if a.kind is ActorKind.STATE and a.country == country:
            return a.id
    for a in ctx.actors.values():
        if a.kind is ActorKind.GROUP and a.country == country:
            return a.id
    name = ctx.voc.country_names.get(country)
    if name is None:
        return None
    if where is None:
        return None
    # inferred, not named: it has no mention of its own (the place has the span)
    new = Actor(id=f"A{len(ctx.actors) + 1}", kind=ActorKind.STATE, name=name, country=country)
    ctx.actors[new.id] = new
    return new.id


def _prune_states(parts: list[str], actors: Mapping[str, Actor]) -> list[str]:
    people = {actors[p].country for p in parts if actors[p].kind is not ActorKind.STATE}
    return [
        p for p in parts if actors[p].kind is not ActorKind.STATE or actors[p].country not in people
    ]


def _mode_and_host(
    actors: Mapping[str, Actor],
    kin: Mapping[str, frozenset[str]],
    parts: list[str],
    location: Location | None,
    mode: MeetingMode,
    sidelines: bool,
    visiting: list[str],
    section: str,
) -> tuple[MeetingMode, str | None]:
    countries = [actors[p].country for p in parts]
    orgs = [p for p in parts if actors[p].kind is ActorKind.ORGANIZATION and not actors[p].country]
    if section == "multilateral" and (len(parts) > 2 or orgs):
        return MeetingMode.MULTILATERAL, None
    if sidelines:
        return MeetingMode.THIRD_PARTY, None
    if visiting:
        hosts = [p for p in parts if p not in visiting]
        if hosts:
            return MeetingMode.VISIT, hosts[0]
    if location is not None and location.country:
        hosts = [
            p
            for p, c in zip(parts, countries, strict=True)
            if _same_country(kin, c, location.country)
        ]
        if hosts:
            return MeetingMode.VISIT, hosts[0]
        # "talks with Prime Minister X in Hanoi": the one side of unknown country
        # is taken to be at home
        unknown = [p for p, c in zip(parts, countries, strict=True) if c is None]
        if (
            len(unknown) == 1
            and actors[unknown[0]].kind is ActorKind.PERSON
            and section != "multilateral"
        ):
            return MeetingMode.VISIT, unknown[0]
        if any(c for c in countries):
            return MeetingMode.THIRD_PARTY, None
    if section == "visit":
        return MeetingMode.VISIT, None
    if mode is MeetingMode.MULTILATERAL:
        return MeetingMode.UNSPECIFIED, None  # a "summit" of two is no multilateral meeting
    return mode, None
