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
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from . import _dates
from ._actors import ActorResult, Mention, PlaceMention
from ._gazetteer import Gazetteer
from ._model import (
    Actor,
    ActorKind,
    DateRange,
    Location,
    MeetingMode,
    MeetingStatus,
    Span,
)
from ._text import Sentence
from ._tokens import PhraseTable, Token

__all__ = ["MeetingDraft", "find_meeting_drafts"]


@attrs.frozen
class _Vocabulary:
    triggers: PhraseTable[tuple[str, str]]  # (mode section, "verb" | "noun")
    exclude: PhraseTable[str]
    planned: PhraseTable[str]
    proposed: PhraseTable[str]
    cancelled: PhraseTable[str]
    negation: PhraseTable[str]
    tone: PhraseTable[str]


def _build(g: Gazetteer) -> _Vocabulary:
    words: Mapping[str, Any] = g.meeting_words
    triggers: list[tuple[str, tuple[str, str]]] = []
    for section in ("phone", "visit", "meet", "multilateral"):
        for pos in ("verbs", "nouns"):
            for w in words.get(section, {}).get(pos, ()):
                triggers.append((w, (section, pos[:-1])))
    status = words.get("status", {})
    return _Vocabulary(
        triggers=PhraseTable(triggers, fold=True),
        exclude=PhraseTable(((w, w) for w in words.get("exclude", {}).get("phrases", ())), fold=True),
        planned=PhraseTable(((w, w) for w in status.get("planned", ())), fold=True),
        proposed=PhraseTable(((w, w) for w in status.get("proposed", ())), fold=True),
        cancelled=PhraseTable(((w, w) for w in status.get("cancelled", ())), fold=True),
        negation=PhraseTable(((w, w) for w in status.get("negation", ())), fold=True),
        tone=PhraseTable(((w, w) for w in words.get("tone", {}).get("words", ())), fold=True),
    )


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
    trigger: str = ""
    explicit_mode: bool = False
    explicit_status: bool = False


_CLAUSE_END = frozenset({";", ":", "—", "–", "(", ")", "\"", "“", "”"})
_PAIR_WORDS = frozenset({"two", "both"})
_PAIR_NOUNS = frozenset(
    {"leaders", "presidents", "sides", "countries", "men", "ministers", "governments", "nations"}
)
_PRONOUNS = frozenset({"he", "she"})
_VISITING = frozenset({"visiting"})
_PAST_VERBS = frozenset(
    {"met", "visited", "held", "spoke", "talked", "phoned", "telephoned", "called", "hosted",
     "received", "welcomed", "arrived", "travelled", "traveled", "flew", "opened", "began",
     "resumed", "conferred", "negotiated", "had", "paid", "went", "spent", "sat", "rolled"}
)
_SIDELINES = ("sidelines", "margins", "sideline")
_MULTI_ORGS = frozenset({"international"})


def vocabulary(g: Gazetteer) -> _Vocabulary:
    """The compiled meeting vocabulary of a gazetteer."""
    return g.cached("meetings.vocabulary", _build)


def _excluded(toks: Sequence[Token], i: int, length: int, voc: _Vocabulary) -> bool:
    """Whether the trigger at ``toks[i:i+length]`` sits inside an excluded phrase."""
    for back in range(0, 4):
        p = i - back
        if p < 0:
            break
        k, _ = voc.exclude.match(toks, p)
        if k and p + k > i:
            return True
    return False


def _clause_bounds(toks: Sequence[Token], i: int, j: int) -> tuple[int, int]:
    """The tokens of the clause around ``toks[i:j]``: stops at ; : dashes and quotes."""
    a = i
    while a > 0 and toks[a - 1].text not in _CLAUSE_END:
        a -= 1
    b = j
    while b < len(toks) and toks[b].text not in _CLAUSE_END:
        b += 1
    return a, b


@attrs.frozen
class _Ctx:
    text: str
    toks: Sequence[Token]
    mentions: Sequence[Mention]
    places: Sequence[PlaceMention]
    actors: Mapping[str, Actor]
    voc: _Vocabulary
    published: dt.date | None
    parser: Any
    home: str | None


def _mentions_between(ctx: _Ctx, start: int, end: int) -> list[Mention]:
    return [m for m in ctx.mentions if start <= m.start and m.end <= end]


def _status_words(ctx: _Ctx, a: int, i: int, b: int) -> tuple[MeetingStatus | None, bool]:
    """Status from words of the clause: ``(status or None, negated)``."""
    toks = ctx.toks
    lo = max(a, i - 9)
    found: dict[str, int] = {}
    negated = False
    for p in range(lo, min(b, i + 8)):
        for name, table in (
            ("cancelled", ctx.voc.cancelled),
            ("proposed", ctx.voc.proposed),
            ("planned", ctx.voc.planned),
            ("negation", ctx.voc.negation),
        ):
            k, _ = table.match(toks, p)
            if not k:
                continue
            if name == "cancelled":
                found.setdefault(name, p)
            elif p < i:
                if name == "negation" and i - p <= 3:
                    negated = True
                elif name != "negation":
                    found.setdefault(name, p)
            elif name == "planned" and p >= i and toks[p].lower in (
                "next", "later", "tomorrow", "upcoming", "in",
            ):
                found.setdefault(name, p)
    if "cancelled" in found:
        return MeetingStatus.CANCELLED, negated
    # a past-tense trigger verb speaks for itself: "met", "visited"
    if "proposed" in found:
        return MeetingStatus.PROPOSED, negated
    if "planned" in found:
        return MeetingStatus.PLANNED, negated
    return None, negated


def _pair(drafts: list[MeetingDraft], ctx: _Ctx, before: int) -> list[str]:
    """Who "the two leaders" are: the last two-party meeting's people, or the last two people."""
    for d in reversed(drafts):
        if len(d.participants) == 2:
            return list(d.participants)
    people: list[str] = []
    for m in reversed([m for m in ctx.mentions if m.start < before]):
        actor = ctx.actors[m.actor]
        if actor.kind is ActorKind.PERSON and actor.name and m.actor not in people:
            people.append(m.actor)
        if len(people) == 2:
            return people[::-1]
    return []


def _last_person(ctx: _Ctx, before: int) -> str | None:
    for m in reversed(ctx.mentions):
        if m.start >= before:
            continue
        actor = ctx.actors[m.actor]
        if actor.kind is ActorKind.PERSON and actor.name:
            return m.actor
    return None


def _side(ctx: _Ctx, ms: list[Mention]) -> list[str]:
    out: list[str] = []
    for m in ms:
        if m.actor not in out:
            out.append(m.actor)
    return out


def _participants(
    ctx: _Ctx, drafts: list[MeetingDraft], a: int, i: int, j: int, b: int, pos: str
) -> tuple[list[str], list[str]]:
    """``(left side, right side)`` of a trigger at ``toks[i:j]`` in clause ``[a, b)``."""
    toks = ctx.toks
    left_ms = _mentions_between(ctx, toks[a].start, toks[i].start)
    right_ms = _mentions_between(ctx, toks[j - 1].end, toks[b - 1].end) if b > j else []
    left: list[str] = []
    # the nearest actor before the trigger, and one joined to it by "and"
    if left_ms:
        last = left_ms[-1]
        left.append(last.actor)
        for m in reversed(left_ms[:-1]):
            gap = ctx.text[m.end : last.start].strip().lower()
            if gap in ("and", ",", "and his", "and her") or gap.endswith(" and"):
                left.insert(0, m.actor)
                last = m
            else:
                break
    # "the two leaders" / "both sides" / "he"
    for p in range(max(a, i - 6), i):
        w = toks[p].lower
        if w in _PAIR_WORDS and p + 1 < len(toks) and toks[p + 1].lower in _PAIR_NOUNS:
            if not left or left_ms[-1].end < toks[p].start:
                left = _pair(drafts, ctx, toks[p].start)
    if not left:
        for p in range(max(a, i - 4), i):
            if toks[p].lower in _PRONOUNS and not left_ms:
                who = _last_person(ctx, toks[p].start)
                if who:
                    left = [who]
    right: list[str] = []
    if right_ms:
        # "with Y", "between X and Y", "met Y", "Y's"; up to the clause end
        first = right_ms[0]
        gap = ctx.text[toks[j - 1].end : first.start].lower()
        gap_words = gap.split()
        if len(gap_words) <= 6:
            right.append(first.actor)
            last = first
            for m in right_ms[1:]:
                between = ctx.text[last.end : m.start].strip().lower()
                if between in ("and", ",", ", and") or between.endswith(" and"):
                    right.append(m.actor)
                    last = m
                else:
                    break
    for p in range(j, min(b, j + 5)):
        w = toks[p].lower
        if w in _PAIR_WORDS and p + 1 < len(toks) and toks[p + 1].lower in _PAIR_NOUNS:
            right = _pair(drafts, ctx, toks[p].start)
            break
    # "between X and Y" sits after the trigger: both are on the right
    return left, right


def _place_near(ctx: _Ctx, a: int, i: int, b: int) -> Location | None:
    """The place of the encounter: a place after "in"/"at"/"to" in the clause."""
    toks = ctx.toks
    start, end = toks[a].start, toks[b - 1].end
    cands = [p for p in ctx.places if start <= p.start and p.end <= end]
    if not cands:
        return None
    text = ctx.text
    best: list[PlaceMention] = []
    for p in cands:
        before = text[max(start, p.start - 12) : p.start].lower().split()
        if before and before[-1] in ("in", "at", "to", "the", "into", "visit", "visited", "visiting", "near"):
            if before[-1] == "the" and (len(before) < 2 or before[-2] not in ("in", "at", "to", "near")):
                continue
            best.append(p)
    if not best:
        return None
    # the place nearest the trigger; join "Woodside, California" and "Guangzhou and Beijing"
    trig = toks[i].start
    best.sort(key=lambda p: abs(p.start - trig))
    first = best[0]
    group = [first]
    for p in sorted(cands, key=lambda p: p.start):
        if p.start > group[-1].end and text[group[-1].end : p.start] in (", ", " and "):
            group.append(p)
    s, e = group[0].start, group[-1].end
    country = next((p.country for p in group if p.kind != "country" and p.country), first.country)
    if first.kind == "country":
        country = first.country
    return Location(text[s:e], country, Span(s, e, text[s:e]))


def _tone(ctx: _Ctx, a: int, b: int) -> list[str]:
    toks = ctx.toks
    out: list[str] = []
    p = a
    while p < b:
        k, vals = ctx.voc.tone.match(toks, p)
        if k:
            prev = toks[p - 1].lower if p > 0 else ""
            prev2 = toks[p - 2].lower if p > 1 else ""
            quoted = prev in ("“", '"') or prev2 in ("“", '"')
            copula = prev in ("was", "were", "as", "been", "and", "very", "quite", "extremely") or prev2 in ("was", "were", "as")
            before_noun = p + k < len(toks) and ctx.voc.triggers.match(toks, p + k)[0]
            if quoted or copula or before_noun:
                word = " ".join(t.text for t in toks[p : p + k]).lower()
                if word not in out:
                    out.append(word)
            p += k
            continue
        p += 1
    return out


def _resolve_date(
    ctx: _Ctx, exprs: Sequence[Any], i: int, status: MeetingStatus | None
) -> tuple[DateRange | None, int]:
    """The date nearest the trigger, resolved, and the expression's own direction."""
    if not exprs:
        return None, 0
    trig = ctx.toks[i].start
    expr = min(exprs, key=lambda e: abs(e.start - trig))
    future = None
    if status in (MeetingStatus.PLANNED, MeetingStatus.PROPOSED):
        future = True
    elif status is MeetingStatus.HELD:
        future = False
    rng = _dates.resolve(expr, ctx.published, future=future, parser=ctx.parser)
    return rng, int(expr.direction)


def find_meeting_drafts(
    text: str,
    sentences: Sequence[Sentence],
    found: ActorResult,
    gazetteer: Gazetteer,
    published: dt.date | None,
) -> list[MeetingDraft]:
    """The encounters of an article, merged, as drafts in order of first mention."""
    voc = vocabulary(gazetteer)
    tokens = found.tokens
    starts = [t.start for t in tokens]
    actors = {a.id: a for a in found.actors}
    parser = _dates.DateParser()
    drafts: list[MeetingDraft] = []
    for sent in sentences:
        lo = bisect.bisect_left(starts, sent.start)
        hi = bisect.bisect_left(starts, sent.end)
        toks = tokens[lo:hi]
        if not toks:
            continue
        m_lo = bisect.bisect_left([m.start for m in found.mentions], sent.start)
        m_hi = bisect.bisect_left([m.start for m in found.mentions], sent.end)
        ctx = _Ctx(
            text, toks, found.mentions[m_lo:m_hi],
            [p for p in found.places if sent.start <= p.start < sent.end],
            actors, voc, published, parser, found.home,
        )
        exprs: Sequence[Any] | None = None
        durations: Sequence[Any] | None = None
        p = 0
        seen_here: set[int] = set()
        while p < len(toks):
            k, vals = voc.triggers.match(toks, p)
            if not k or _excluded(toks, p, k, voc):
                p += 1
                continue
            if exprs is None:
                exprs = _dates.find_dates(text, sent.start, sent.end)
                durations = _dates.find_durations(text, sent.start, sent.end)
            idx = _one(ctx, drafts, sent, p, p + k, vals, exprs, durations or ())
            if idx is not None:
                seen_here.add(idx)
            p += k
    return _drop_domestic(drafts, actors)


def _one(
    ctx: _Ctx,
    drafts: list[MeetingDraft],
    sent: Sentence,
    i: int,
    j: int,
    vals: tuple[tuple[str, str], ...],
    exprs: Sequence[Any],
    durations: Sequence[Any],
) -> int | None:
    """Read one trigger; add or merge a draft. Returns the draft's index."""
    toks = ctx.toks
    section, pos = vals[0]
    words = " ".join(t.lower for t in toks[i:j])
    a, b = _clause_bounds(toks, i, j)
    status, negated = _status_words(ctx, a, i, b)
    if negated and status is None:
        return None
    left, right = _participants(ctx, drafts, a, i, j, b, pos)
    parts = [*left, *[r for r in right if r not in left]]
    # people speak for their states: drop a state whose person is already there
    parts = _prune_states(parts, ctx.actors)

    date, direction = _resolve_date(ctx, exprs, i, status)
    past_verb = toks[i].lower in _PAST_VERBS and pos == "verb"
    if status is None:
        if direction > 0:
            status = MeetingStatus.PLANNED
        else:
            status = MeetingStatus.HELD
    elif past_verb and status is MeetingStatus.PLANNED and direction < 0:
        status = MeetingStatus.HELD
    if date is not None and ctx.published is not None and status is not MeetingStatus.CANCELLED:
        if date.end < ctx.published and status is MeetingStatus.PLANNED:
            status = MeetingStatus.HELD
    location = _place_near(ctx, a, i, b)
    duration = None
    for d in durations:
        if d.unit in ("minutes", "hours") and a <= _tok_index(toks, d.start) <= b:
            duration = d.duration
    tone = _tone(ctx, a, b)
    sidelines = any(t.lower in _SIDELINES for t in toks[a:b])
    visiting = [m.actor for m in ctx.mentions if m.start > toks[a].start and any(
        t.lower in _VISITING and t.end <= m.start and m.start - t.end <= 30 for t in toks[a:b]
    )]

    mode = {
        "phone": MeetingMode.PHONE,
        "visit": MeetingMode.VISIT,
        "multilateral": MeetingMode.MULTILATERAL,
        "meet": MeetingMode.UNSPECIFIED,
    }[section]
    explicit_mode = section in ("phone", "visit")
    # a visit to a place abroad: the host country joins if nobody of it is named
    if section == "visit" and location is not None and location.country:
        if not any(_country_of(ctx.actors[p]) == location.country for p in parts):
            state = _state_actor(ctx, location.country)
            if state is not None:
                parts.append(state)
    if len(parts) < 2:
        # "the call", "this meeting", "the hour-and-45-minute meeting": an encounter already told
        target = _antecedent(drafts, section, parts, sent.index)
        if target is None:
            return None
        d = drafts[target]
        _absorb(d, sent.index, date, location, duration, tone, ctx)
        return target

    host = None
    if section != "phone":
        mode, host = _mode_and_host(ctx, parts, location, mode, sidelines, visiting, section)
        if mode in (MeetingMode.VISIT, MeetingMode.THIRD_PARTY):
            explicit_mode = True

    draft = MeetingDraft(
        participants=parts, mode=mode, status=status, host=host, date=date,
        location=location if mode is not MeetingMode.PHONE else None,
        duration=duration, tone=tone, sentences=[sent.index], trigger=words,
        explicit_mode=explicit_mode, explicit_status=status is not MeetingStatus.HELD or past_verb,
    )
    for idx in range(len(drafts) - 1, -1, -1):
        if _same(drafts[idx], draft):
            _merge(drafts[idx], draft)
            return idx
    drafts.append(draft)
    return len(drafts) - 1


def _tok_index(toks: Sequence[Token], offset: int) -> int:
    return bisect.bisect_left([t.start for t in toks], offset)


def _country_of(actor: Actor) -> str | None:
    return actor.country


def _state_actor(ctx: _Ctx, country: str) -> str | None:
    for a in ctx.actors.values():
        if a.kind is ActorKind.STATE and a.country == country:
            return a.id
    for a in ctx.actors.values():
        if a.kind is ActorKind.GROUP and a.country == country:
            return a.id
    return None


def _prune_states(parts: list[str], actors: Mapping[str, Actor]) -> list[str]:
    people = {actors[p].country for p in parts if actors[p].kind is not ActorKind.STATE}
    return [p for p in parts if actors[p].kind is not ActorKind.STATE or actors[p].country not in people]


def _mode_and_host(
    ctx: _Ctx,
    parts: list[str],
    location: Location | None,
    mode: MeetingMode,
    sidelines: bool,
    visiting: list[str],
    section: str,
) -> tuple[MeetingMode, str | None]:
    countries = [ctx.actors[p].country for p in parts]
    orgs = [p for p in parts if ctx.actors[p].kind is ActorKind.ORGANIZATION and not ctx.actors[p].country]
    if section == "multilateral" and (len(parts) > 2 or orgs):
        return MeetingMode.MULTILATERAL, None
    if sidelines:
        return MeetingMode.THIRD_PARTY, None
    if visiting:
        hosts = [p for p in parts if p not in visiting]
        if hosts:
            return MeetingMode.VISIT, hosts[0]
    if location is not None and location.country:
        hosts = [p for p, c in zip(parts, countries, strict=True) if c == location.country]
        if hosts:
            return MeetingMode.VISIT, hosts[0]
        if all(c for c in countries):
            return MeetingMode.THIRD_PARTY, None
    if section == "visit":
        return MeetingMode.VISIT, None
    return mode, None


def _antecedent(drafts: list[MeetingDraft], section: str, parts: list[str], sent: int) -> int | None:
    for idx in range(len(drafts) - 1, -1, -1):
        d = drafts[idx]
        if section == "phone" and d.mode is not MeetingMode.PHONE:
            continue
        if parts and parts[0] not in d.participants:
            continue
        return idx
    return None


def _absorb(
    d: MeetingDraft,
    sent: int,
    date: DateRange | None,
    location: Location | None,
    duration: dt.timedelta | None,
    tone: list[str],
    ctx: _Ctx,
) -> None:
    if sent not in d.sentences:
        d.sentences.append(sent)
    if d.duration is None and duration is not None:
        d.duration = duration
    for t in tone:
        if t not in d.tone:
            d.tone.append(t)


def _compatible_dates(x: DateRange | None, y: DateRange | None) -> bool:
    if x is None or y is None:
        return True
    return x.start <= y.end and y.start <= x.end


def _same(old: MeetingDraft, new: MeetingDraft) -> bool:
    """Whether two drafts tell of one encounter."""
    a, b = set(old.participants), set(new.participants)
    if not (a <= b or b <= a):
        return False
    if not _compatible_dates(old.date, new.date):
        return False
    modes = {old.mode, new.mode}
    if len(modes) == 2 and MeetingMode.UNSPECIFIED not in modes:
        if old.explicit_mode and new.explicit_mode:
            return False
    if MeetingMode.PHONE in modes and len(modes) == 2 and (old.location or new.location):
        return False
    statuses = {old.status, new.status}
    if len(statuses) == 2 and old.explicit_status and new.explicit_status:
        return False
    if old.date is not None and new.date is not None:
        return True
    return not (old.date is None) != (new.date is None) or True


def _merge(old: MeetingDraft, new: MeetingDraft) -> None:
    for p in new.participants:
        if p not in old.participants:
            old.participants.append(p)
    if old.mode is MeetingMode.UNSPECIFIED or (new.explicit_mode and not old.explicit_mode):
        old.mode, old.explicit_mode = new.mode, new.explicit_mode
    if old.host is None:
        old.host = new.host
    if not old.explicit_status and new.explicit_status:
        old.status, old.explicit_status = new.status, True
    if old.date is None or (new.date is not None and new.date.end - new.date.start < old.date.end - old.date.start):
        old.date = new.date or old.date
    if old.location is None and old.mode is not MeetingMode.PHONE:
        old.location = new.location
    if old.duration is None:
        old.duration = new.duration
    for t in new.tone:
        if t not in old.tone:
            old.tone.append(t)
    for s in new.sentences:
        if s not in old.sentences:
            old.sentences.append(s)


def _drop_domestic(drafts: list[MeetingDraft], actors: Mapping[str, Actor]) -> list[MeetingDraft]:
    """Keep encounters between different countries or with international bodies."""
    out = []
    for d in drafts:
        countries = {actors[p].country for p in d.participants}
        intl = any(actors[p].kind is ActorKind.ORGANIZATION and not actors[p].country for p in d.participants)
        if len(countries) == 1 and None not in countries and not intl:
            continue
        out.append(d)
    return out
