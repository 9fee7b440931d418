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
import operator
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from . import _dates
from ._actors import ActorResult
from ._drafts import (
    MeetingDraft,
    _antecedent,
    _drop_domestic,
    _merge,
    _recent,
    _same,
    add_sentence,
    fold_state_visits,
)
from ._gazetteer import Gazetteer
from ._meeting_words import _same_country, _Vocabulary, vocabulary
from ._mentions import PlaceMention
from ._model import (
    _GROUP,
    _HELD,
    _MULTILATERAL,
    _ORGANIZATION,
    _PERSON,
    _PHONE,
    _PLANNED,
    _STATE,
    _THIRD_PARTY,
    _UNSPECIFIED,
    _VISIT,
    Actor,
    DateRange,
    Location,
    MeetingMode,
    MeetingStatus,
    Span,
)
from ._participants import (
    _CLAUSE_END,
    _MONTHS_AND_DAYS,
    _NEW_DETS,
    _NOUN_MODIFIERS,
    _among,
    _attendees,
    _Clause,
    _Ctx,
    _mentions_between,
    _of_reporting,
    _participants,
    _positions,
    _read_clause,
    _resolve_date,
    _sentence_people,
    _tone,
    _tone_starts,
)
from ._text import Sentence
from ._tokens import Token, Tokens

__all__ = ["MeetingDraft", "find_meeting_drafts"]


_PAST_VERBS = frozenset(
    """
    met visited held spoke talked phoned telephoned called hosted received welcomed arrived
    travelled traveled flew opened began resumed conferred negotiated had paid went spent
    sat rolled
    """.split()
)
_SIDELINES = frozenset({"sidelines", "margins", "sideline"})
# the words of a clause that _one looks for anywhere in it
_CLAUSE_CUES = _SIDELINES | {"visiting", "separately", "together", "jointly"}
_MODES = {
    "phone": _PHONE,
    "visit": _VISIT,
    "multilateral": _MULTILATERAL,
    "meet": _UNSPECIFIED,
}
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


def _excluded(
    toks: Sequence[Token], lows: Sequence[str], i: int, length: int, voc: _Vocabulary
) -> bool:
    """Whether the trigger at ``toks[i:i+length]`` sits inside an excluded phrase."""
    if voc.exclude_firsts.isdisjoint(lows[max(0, i - 3) : i + 1]):
        return False
    seconds = voc.exclude_seconds
    for back in range(4):
        p = i - back
        if p < 0:
            break
        w = lows[p]
        if w not in voc.exclude_firsts:
            continue
        nexts = seconds.get(w)
        if nexts is not None and (p + 1 >= len(lows) or lows[p + 1] not in nexts):
            continue  # "told" begins only "told reporters"
        k, _ = voc.exclude.match(toks, p)
        if k and p + k > i:
            # "called on Tuesday" is a call; "called on Iran to" is not
            after = toks[p + k].text if p + k < len(toks) else ""
            return not (toks[p + k - 1].lower == "on" and after in _MONTHS_AND_DAYS)
    return False


_LOWER = operator.attrgetter("lower")
_START = operator.attrgetter("start")


def _triggers(
    toks: Sequence[Token], lows: Sequence[str], voc: _Vocabulary
) -> list[tuple[int, int, tuple[str, str]]]:
    """The triggers of a sentence: ``(first token, end, reading)`` each, in order."""
    out: list[tuple[int, int, tuple[str, str]]] = []
    n = len(toks)
    seconds = voc.seconds
    p = 0
    # only a word that may begin a trigger is looked up, and one that begins only
    # longer ones when the next word may follow it
    for q in _positions(lows, voc.firsts):
        if q < p:
            continue
        after = seconds.get(lows[q])
        if after is not None and (q + 1 >= n or lows[q + 1] not in after):
            continue
        k, vals = voc.triggers.match(toks, q)
        if not k or _excluded(toks, lows, q, k, voc):
            continue
        p = q + k
        # "face-to-face summit", "phone call": the head noun speaks
        k2, vals2 = voc.triggers.match(toks, p) if p < n and lows[p] in voc.firsts else (0, ())
        if k2 and any(v[1] == "noun" for v in vals2) and not _excluded(toks, lows, p, k2, voc):
            continue
        out.append((q, p, _reading(toks, q, vals)))
    return out


def _key_sentences(
    sentences: Sequence[Sentence], tokens: Tokens, keys: frozenset[str]
) -> Iterator[tuple[Sentence, int, int]]:
    """The sentences with a key word in them, with their first token and the one after."""
    starts = tokens.starts
    flags = tokens.flags(keys)
    firsts = [s.start for s in sentences]
    end = -1  # of the sentence given last
    for h in tokens.flagged(flags, 0, len(tokens)):
        at = starts[h]
        if at < end:
            continue
        k = bisect.bisect_right(firsts, at) - 1
        if k < 0 or at >= sentences[k].end:
            continue
        sent = sentences[k]
        end = sent.end
        yield sent, bisect.bisect_left(starts, sent.start), bisect.bisect_left(starts, end)


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
    exprs_of: dict[int, list[Any]] = {}
    resolved: dict[tuple[int, bool | None], DateRange | None] = {}  # see _participants._resolved
    anchors: dict[int, list[DateRange]] = {}
    scene_places: dict[tuple[int, int], bool] = {}  # see _participants._place_near

    def dates_in(sent: Sentence) -> list[Any]:
        """The date expressions of a sentence after the dateline, found once."""
        if sent.index not in exprs_of:
            exprs_of[sent.index] = [
                e
                for e in _dates.find_dates(text, sent.start, sent.end)
                if e.start >= found.dateline_end
            ]
        return exprs_of[sent.index]

    def anchors_in(index: int) -> list[DateRange]:
        """The days a sentence names, resolved as past ("said on Thursday" excepted)."""
        if not 0 <= index < len(sentences):
            return []
        if index not in anchors:
            out = anchors[index] = []
            for e in dates_in(sentences[index]):
                if _of_reporting(text, e.start):
                    continue  # "newspapers said on Thursday": the day of the saying
                when = _dates.resolve(e, published, future=False, parser=parser)
                if when is not None:
                    out.append(when)
        return anchors[index]

    media = voc.media
    mention_starts = list(map(_START, found.mentions))  # both in text order
    place_starts = list(map(_START, found.places))
    clock = 0
    links: list[tuple[int, int]] = []  # (an encounter, the gathering it is held during)
    plans: list[tuple[int, Location, DateRange]] = []  # the places of planned encounters
    # only sentences with a word of some trigger's (its key) are read
    for sent, lo, hi in _key_sentences(sentences, tokens, voc.keys):
        toks = tokens.between(lo, hi)
        lows = list(map(_LOWER, toks))
        found_here = _triggers(toks, lows, voc)
        if not found_here:
            continue
        # where the sentence before this one (of some token) starts
        previous = 0
        for k in range(sent.index - 1, -1, -1):
            before = sentences[k]
            if bisect.bisect_left(starts, before.start) < bisect.bisect_left(starts, before.end):
                previous = before.start
                break
        m_lo = bisect.bisect_left(mention_starts, sent.start)
        m_hi = bisect.bisect_left(mention_starts, sent.end)
        p_lo = bisect.bisect_left(place_starts, sent.start)
        p_hi = bisect.bisect_left(place_starts, sent.end)
        here = found.mentions[m_lo:m_hi]
        named = [m for m in here if m.form != "place"]
        ctx = _Ctx(
            text,
            toks,
            here,
            found.places[p_lo:p_hi],
            actors,
            voc,
            published,
            parser,
            found.home,
            found.guessed,
            mention_starts[m_lo:m_hi],
            found.mentions,
            mention_starts,
            previous,
            lows,
            _positions(lows, _CLAUSE_END),
            _tone_starts(lows, voc),
            resolved,
            named,
            list(map(_START, named)),
            scene_places,
        )
        exprs = dates_in(sent)
        durations = _dates.find_durations(text, sent.start, sent.end)
        centres = [toks[i].start for i, _j, _r in found_here]
        # each date and length goes to the trigger nearest to it
        dates_of: dict[int, list[Any]] = {}
        for e in exprs:
            dates_of.setdefault(_nearest(centres, e.start), []).append(e)
        lengths_of: dict[int, list[Any]] = {}
        for d in durations:
            lengths_of.setdefault(_nearest(centres, d.start), []).append(d)
        told: list[tuple[int, tuple[str, str], int | None]] = []
        negated: set[str] = set()
        for i, j, reading in found_here:
            mine = dates_of.get(toks[i].start, [])
            # a visit's length in days belongs to every trigger of its clause
            nearest = lengths_of.get(toks[i].start, [])
            lengths = (
                nearest + [d for d in durations if d.unit == "days" and d not in nearest]
                if durations
                else []
            )
            clock += 1
            clause = _read_clause(ctx, i, j, mine)
            loc = clause.location
            told.append(
                (
                    i,
                    reading,
                    _one(
                        ctx,
                        drafts,
                        sent,
                        i,
                        j,
                        reading,
                        clause,
                        mine,
                        lengths,
                        clock,
                        media,
                        negated,
                    ),
                )
            )
            # only what took place sets a scene, not a plan or a hope; a plan
            # sets the scene of the plans dated inside it
            said = clause.status if loc is not None else None
            if loc is not None and said is None:
                when, _dir = _resolve_date(ctx, clause.date, None)
                if when is None and scenes and scenes[-1][0] == sent.index:
                    when = scenes[-1][2]
                scenes.append((sent.index, loc, when))
            elif loc is not None and said is _PLANNED and not _stops(ctx, loc, []):
                when, _dir = _resolve_date(ctx, clause.date, said)
                if when is not None:
                    plans.append((sent.index, loc, when))
        links.extend(_held_during(toks, told))
    for inner, outer in links:
        _inherit_event(drafts[inner], drafts[outer], actors, voc.kin)
    drafts = fold_state_visits(drafts, actors, published)
    _set_scenes(drafts, scenes, found, actors, voc.kin, published)
    dated_scenes = [(n, loc, when) for n, loc, when in scenes if when is not None and n >= 0]
    _set_planned_scenes(drafts, sorted(plans + dated_scenes, key=lambda x: x[0]), actors, voc.kin)
    _anchor_dates(drafts, anchors_in, published)
    added = tuple(a for a in list(actors.values())[known:])
    return _drop_domestic(drafts, actors, found.guessed), added


# Words before a gathering that put an encounter inside it: "meet Putin during a
# planned summit", "talks on the sidelines of the APEC forum".
_DURING = frozenset({"during", "at", "sidelines", "sideline", "margins", "margin", "fringes"})


def _held_during(
    toks: Sequence[Token], told: list[tuple[int, tuple[str, str], int | None]]
) -> list[tuple[int, int]]:
    """Pairs (encounter, gathering) of one sentence: an encounter told before
    "during/at/on the sidelines of" a summit, conference or forum."""
    out: list[tuple[int, int]] = []
    for e, (section, _pos), outer in told:
        if section != "multilateral" or outer is None:
            continue
        cue = next((p for p in range(e - 1, max(-1, e - 7), -1) if toks[p].lower in _DURING), None)
        if cue is None:
            continue
        out.extend(
            (inner, outer)
            for t, (sec, _p), inner in told
            if t < cue
            and inner is not None
            and inner != outer
            and sec != "multilateral"
            # not "an invitation to visit, made at their first summit"
            and not any(x.text in (",", ";", ":") for x in toks[t:cue])
        )
    return out


def _inherit_event(
    d: MeetingDraft,
    event: MeetingDraft,
    actors: Mapping[str, Actor],
    kin: Mapping[str, frozenset[str]],
) -> None:
    """An encounter held during a gathering takes its date and place when it has none."""
    if d.mode is _PHONE:
        return
    if d.date is None:
        d.date = event.date
    if d.location is None and event.location is not None:
        d.location = event.location
        _rehost(d, actors, kin, sidelines=True)


def _rehost(
    d: MeetingDraft,
    actors: Mapping[str, Actor],
    kin: Mapping[str, frozenset[str]],
    *,
    sidelines: bool | None = None,
) -> None:
    """Mode and host of a draft from the place it was just given; ``sidelines``
    overrides the draft's own (an encounter held during a gathering)."""
    d.mode, d.host = _mode_and_host(
        actors,
        kin,
        d.participants,
        d.location,
        d.mode,
        d.sidelines if sidelines is None else sidelines,
        d.visiting,
        d.section,
    )


def _anchor_dates(
    drafts: list[MeetingDraft],
    anchors: Callable[[int], list[DateRange]],
    published: dt.date | None,
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
        if d.date is not None or d.status is not _HELD:
            continue
        first = min(d.sentences)
        near = [
            when
            for sent in range(first - 2, first + 1)
            for when in anchors(sent)
            if when.start == when.end and 0 <= (published - when.end).days <= 7
        ]
        if not near and first < 10:
            # else the story's own day, when its lead names one ("signed ... Friday")
            near = [
                when
                for sent in range(3)
                for when in anchors(sent)
                if when.start == when.end and 0 <= (published - when.end).days <= 2
            ]
        if near:
            d.date = near[-1]


def _set_scenes(
    drafts: list[MeetingDraft],
    scenes: list[tuple[int, Location, DateRange | None]],
    found: ActorResult,
    actors: Mapping[str, Actor],
    kin: Mapping[str, frozenset[str]],
    published: dt.date | None,
) -> None:
    """Held encounters with no place of their own take the scene's: the place of a
    meeting just told ("at the Great Hall of the People ... Hu met X"), or the
    dateline's for the article's first paragraph ("WASHINGTON - X met Y") and,
    anywhere in the story, for a visitor's encounter with the dateline's country."""
    line = found.dateline
    if line is not None:
        name = line.name.title() if line.name.isupper() else line.name
        scenes.insert(
            0, (-1, Location(name, line.country, Span(line.start, line.end, line.name)), None)
        )
    home = None if line is None else line.country
    for d in drafts:
        if d.location is not None or d.mode is _PHONE:
            continue
        countries = {actors[p].country for p in d.participants}
        if home is not None and _visit_to_dateline(d, actors, countries, home, kin, published):
            # "HANOI - ... Esper met with several top government officials":
            # a visitor's encounter with the dateline country, told any time in
            # the story and dated to its week, took place at the dateline
            d.location = scenes[0][1]
            if d.mode is _UNSPECIFIED or not d.explicit_mode:
                _rehost(d, actors, kin)
            continue
        if d.status is not _HELD:
            continue
        first = min(d.sentences)
        for sent, loc, when in reversed(scenes):
            if sent > first or first - sent > (3 if sent < 0 else 8):
                continue
            # the dateline's place holds for the lead; a later scene needs a host there
            if sent < 0 or any(_same_country(kin, loc.country, c) for c in countries):
                d.location = loc
                if d.date is None and when is not None:
                    d.date = when
                if d.mode in (_UNSPECIFIED, _VISIT) or not d.explicit_mode:
                    _rehost(d, actors, kin)
                break


def _set_planned_scenes(
    drafts: list[MeetingDraft],
    plans: list[tuple[int, Location, DateRange]],
    actors: Mapping[str, Actor],
    kin: Mapping[str, frozenset[str]],
) -> None:
    """A planned encounter with no place, dated inside a plan or a scene told just
    before it, takes its place: "before next week's talks in London. He and Arafat
    meet separately Monday with Albright"; "Annan wrapped up a meeting with Saddam
    in Baghdad today. He's expected to meet Aziz later this afternoon"."""
    for d in drafts:
        if d.location is not None or d.status is not _PLANNED or d.date is None:
            continue
        if d.mode is _PHONE:
            continue
        first = min(d.sentences)
        for sent, loc, when in reversed(plans):
            if first - 2 <= sent <= first and when.start <= d.date.start <= d.date.end <= when.end:
                d.location = loc
                if d.mode is _UNSPECIFIED or not d.explicit_mode:
                    _rehost(d, actors, kin)
                break


def _told_again(toks: Sequence[Token], a: int, i: int, date: DateRange) -> bool:
    """Whether a dated mention with no participants speaks of an encounter already
    told and dates it: "The meetings, which end today", not "a visit ... last year"
    (perhaps another's) nor "their fourth meeting this year" (a count, not a day)."""
    if (date.end - date.start).days > 31:
        return False
    return not any(t.lower in _OTHER_ONE for t in toks[max(a, i - 3) : i])


# Words before an encounter's noun that make it another one than the last told:
# "a visit", "the earlier Reagan-Gorbachev summit", "a second meeting".
_OTHER_ONE = frozenset(
    """
    a an another earlier previous prior former first second third last next new fresh
    """.split()
)


def _possessor(ctx: _Ctx, a: int, i: int) -> str | None:
    """The actor whose possessive ("Nakasone's") stands in tokens ``a:i``, if any."""
    toks = ctx.toks
    for k in range(i - 1, a, -1):
        if toks[k].lower in ("'s", "’s"):
            found = _mentions_between(ctx, toks[k - 1].start, toks[k - 1].end)
            return found[-1].actor if found else None
    return None


def _make_visit(d: MeetingDraft, visitor: str, actors: Mapping[str, Actor]) -> None:
    """Mark a told encounter as ``visitor``'s visit to the other side."""
    home = actors[visitor].country
    hosts = [
        p for p in d.participants if home is not None and actors[p].country not in (None, home)
    ]
    if visitor not in d.participants or not hosts:
        return
    d.mode, d.host, d.explicit_mode = _VISIT, hosts[0], True
    if visitor not in d.visiting:
        d.visiting.append(visitor)


def _visit_to_dateline(
    d: MeetingDraft,
    actors: Mapping[str, Actor],
    countries: set[str | None],
    home: str,
    kin: Mapping[str, frozenset[str]],
    published: dt.date | None,
) -> bool:
    """Whether an encounter is a visitor's, held or due, with the dateline's country
    in the story's own days: one side is of that country, another from elsewhere."""
    if d.status not in (_HELD, _PLANNED):
        return False
    if d.date is not None and (published is None or abs((d.date.start - published).days) > 3):
        return False
    hosts = {c for c in countries if c is not None and _same_country(kin, home, c)}
    if any(actors[v].country in hosts for v in d.visiting):
        return False  # "TOKYO - Nakasone ... sets out on a mission to Washington"
    return bool(hosts) and any(c is not None and c not in hosts for c in countries)


_NOUN_CUES = frozenset(
    """
    the a an this that their his her its our 's ’s another first second last latest next
    phone telephone video of during after before since in at on for
    """.split()
)


def _reading(toks: Sequence[Token], i: int, vals: tuple[tuple[str, str], ...]) -> tuple[str, str]:
    """Noun or verb: "the call" / "Tuesday's call" are nouns, "Biden called" a verb."""
    if len(vals) == 1 or len({v[1] for v in vals}) == 1:
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
    clause: _Clause,
    exprs: Sequence[Any],
    durations: Sequence[Any],
    clock: int,
    media: frozenset[str] = frozenset(),
    negated_people: set[str] | None = None,
) -> int | None:
    """Read one trigger; add or merge a draft. Returns the draft's index.

    ``negated_people`` collects, across one sentence's triggers, the people of a
    negated encounter ("did not meet"), which a later bare noun ("during the
    trip") does not take as its own."""
    toks = ctx.toks
    section, pos = reading
    lows = ctx.lows
    words = " ".join(lows[i:j])
    a, b = clause.a, clause.b
    status, negated = clause.status, clause.negated
    left, right, _anaphoric = _participants(ctx, drafts, a, i, j, b, pos)
    if negated and status is None:
        if negated_people is not None:
            negated_people.update(left + right)
        return None
    left = [p for p in left if ctx.actors[p].name not in media]
    right = [p for p in right if ctx.actors[p].name not in media]
    if section == "visit" and words in _HOSTING and not right:
        return None  # "received assurances", "welcomed the decision"
    if section == "phone" and pos == "verb" and words in _BARE_CALLS and not right:
        return None  # "talks both sides called candid": no one was called
    if section == "phone" and words in _BARE_CALLS and not right and _demand(ctx, j, b):
        return None  # "his call last weekend for early elections": a demand
    parts = [*left, *right]
    # people speak for their states: drop a state whose person is already there
    parts = _prune_states(parts, ctx.actors)
    # only a visit gains participants below: with fewer than two, an encounter that is
    # neither told before nor told by the sentence's people yields nothing
    early: tuple[int | None, list[str]] | None = None
    if len(parts) < 2 and section != "visit":
        early = (_antecedent(drafts, section, parts, sent.index), _attendees(ctx, j, b))
        if early[0] is None and len(_others(ctx, early[1], negated_people)) < 2:
            return None

    # "Arafat meets Albright Monday": the news present with a day is a schedule
    present = (
        pos == "verb"
        and lows[i] in _PRESENT_VERBS
        and (i == 0 or lows[i - 1] not in _NOT_FINITE)
        and any(e.kind in ("weekday", "day") for e in exprs)
    )
    if status is None and present:
        status = _PLANNED
    # "landed in Belgrade on Friday for talks with ...": the trip's purpose, still
    # to come; a later "held talks" overrides it
    tentative = status is None and section == "meet" and _trip_for(ctx, a, i)
    if tentative:
        status = _PLANNED
    date, direction = _resolve_date(ctx, clause.date, status)
    if date is None and ctx.published is not None:
        # "Mr. Blair's current visit to Washington": under way on the day of the story
        at = next(_among(lows, max(a, i - 3), i, ctx.voc.ongoing), None)
        if at is not None:
            now = toks[at]
            date = DateRange(
                ctx.published, ctx.published, now.text, Span(now.start, now.end, now.text)
            )
    if section == "visit" and date is not None and date.start == date.end:
        # "arrived on Thursday for a four-day visit": the visit's days from then
        days = [
            d.duration.days + (d.duration.seconds > 0)
            for d in durations
            if d.unit == "days" and a <= _tok_index(toks, d.start) <= b
        ]
        if days and 1 < days[0] <= 31:
            date = attrs.evolve(date, end=date.start + dt.timedelta(days=days[0] - 1))
    past_verb = lows[i] in _PAST_VERBS and pos == "verb"
    if status is None:
        status = _PLANNED if direction > 0 else _HELD
    elif past_verb and status is _PLANNED and direction < 0:
        status = _HELD
    if (
        date is not None
        and ctx.published is not None
        and date.end < ctx.published
        and status is _PLANNED
    ):
        status = _HELD  # a plan dated in the past was carried out
    location = clause.location
    duration = None
    for d in durations:
        if d.unit in ("minutes", "hours") and a <= _tok_index(toks, d.start) <= b:
            duration = d.duration
    tone = _tone(ctx, a, b)
    clause_words = _CLAUSE_CUES.intersection(lows[a:b])
    sidelines = not clause_words.isdisjoint(_SIDELINES)
    # "held talks with visiting X": who is visiting
    visiting: list[str] = []
    if "visiting" in clause_words:
        visit_ends = [toks[p].end for p in range(a, b) if lows[p] == "visiting"]
        visiting = [
            m.actor
            for m in _mentions_between(ctx, toks[a].start, toks[b - 1].end)
            if any(0 <= m.start - end <= 30 for end in visit_ends)
        ]

    mode = _MODES[section]
    explicit_mode = section in ("phone", "visit")
    # a visit to a place abroad: the host country joins if nobody of it is named
    stops = _stops(ctx, location, parts) if section == "visit" else []
    if stops:
        # "will travel to Israel and Jordan next week": one visit to each country
        idx = None
        for place in stops:
            where = Location(place.name, place.country, Span(place.start, place.end, place.name))
            host_id = _state_actor(ctx, str(place.country), where.span)
            if host_id is None:
                continue
            idx = _add(
                ctx, drafts, [*parts, host_id], _VISIT, status, host_id, date, where,
                duration, tone, sent, words, True, past_verb, clock, section, sidelines,
                visiting, tentative,
            )  # fmt: skip
        return idx
    if section == "visit" and location is not None and location.country:
        kin = ctx.voc.kin
        if not any(_same_country(kin, ctx.actors[p].country, location.country) for p in parts):
            # "Reagan's invitation to Gorbachev to visit the United States": the
            # nearest person of the host country in the clause hosts; else the state
            hosts = [
                m.actor
                for m in _mentions_between(ctx, toks[a].start, toks[b - 1].end)
                if m.actor not in parts
                and ctx.actors[m.actor].kind is _PERSON
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
    fresh = not _NEW_DETS.isdisjoint(lows[max(a, i - 3) : i])
    if len(parts) == 1 and section == "visit" and location is None:
        # "MOSCOW - Kuchma's four-day state visit": the dateline's country hosts
        host_state = _dateline_host(ctx, parts[0])
        if host_state is not None:
            parts.append(host_state)
    if len(parts) < 2:
        # "the call", "this meeting", "the hour-and-45-minute meeting": an encounter already told
        target, attendees = early or (
            _antecedent(drafts, section, parts, sent.index),
            _attendees(ctx, j, b),
        )
        if target is None:
            people = _others(ctx, attendees, negated_people)
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
                        mode=_UNSPECIFIED,
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
            if (
                d.date is None
                and date is not None
                and (location is None or d.location is None or location.name == d.location.name)
                and status is d.status
                and _told_again(toks, a, i, date)
            ):
                # "After meetings with Bush, Shultz and Baldrige ... The meetings, which
                # end today": every encounter told together
                for other in drafts:
                    if (
                        other.date is None
                        and other.status is d.status
                        and other.sentences[:1] == d.sentences[:1]
                        and other.participants[:1] == d.participants[:1]
                    ):
                        other.date = date
            if past_verb and not d.explicit_status:
                d.status, d.explicit_status = status, True  # "... for talks. He held talks"
            if section == "visit" and parts and d.mode is _UNSPECIFIED:
                # "talks between Reagan and Nakasone ... Nakasone's visit": he travels
                owner = _possessor(ctx, max(a, i - 4), i)
                if owner == parts[0]:
                    _make_visit(d, owner, ctx.actors)
            return target

    host = None
    if section != "phone":
        mode, host = _mode_and_host(
            ctx.actors, ctx.voc.kin, parts, location, mode, sidelines, visiting, section
        )
        if mode in (_VISIT, _THIRD_PARTY, _MULTILATERAL):
            explicit_mode = True
    # one visitor meeting several people in turn: one encounter each
    people = [r for r in right if ctx.actors[r].kind is _PERSON and ctx.actors[r].name]
    separately = "separately" in clause_words
    groups = (
        # "He and Arafat meet separately Monday with Albright": one encounter each
        [[p, *right] for p in left]
        if separately and len(left) >= 2 and right
        else [[*left, r] for r in right]
        if (
            len(left) == 1
            and len(people) >= 2
            and len(people) == len(right)
            and section != "multilateral"
            and clause_words.isdisjoint(("together", "jointly"))
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
            tentative,
        )
    return idx


def _others(ctx: _Ctx, attendees: list[str], negated_people: set[str] | None) -> list[str]:
    """The people of an encounter told with none of its own: "The meeting was attended
    by A and B"; "After the talks, Yeltsin and Kuchma called for ...": the sentence's."""
    return attendees or [p for p in _sentence_people(ctx) if p not in (negated_people or ())]


def _stops(ctx: _Ctx, location: Location | None, parts: list[str]) -> list[PlaceMention]:
    """The places of a trip to several countries ("to Israel and Jordan"), one per
    country, when no participant is of any of them; else nothing."""
    if location is None or location.span is None:
        return []
    span = location.span
    places = [p for p in ctx.places if span.start <= p.start and p.end <= span.end and p.country]
    kin = ctx.voc.kin
    out: list[PlaceMention] = []
    for p in places:
        if not any(_same_country(kin, p.country, q.country) for q in out):
            out.append(p)
    if len(out) < 2 or any(
        _same_country(kin, ctx.actors[a].country, p.country) for a in parts for p in out
    ):
        return []
    return out


def _demand(ctx: _Ctx, j: int, b: int) -> bool:
    """Whether "for" follows a bare "call" within a few words, a date between:
    "his call last weekend for early elections"."""
    return "for" in ctx.lows[j : min(b, j + 4)]


def _trip_for(ctx: _Ctx, a: int, i: int) -> bool:
    """Whether the trigger at ``i`` is the purpose of a trip told before it:
    "arrived in Chile late Friday for talks", "heads for Baghdad for a meeting"."""
    lows = ctx.lows
    at = next((p for p in range(i - 1, max(a, i - 4) - 1, -1) if lows[p] == "for"), None)
    if at is None:
        return False
    return not ctx.voc.travel.isdisjoint(lows[a:at])


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
    tentative: bool = False,
) -> int:
    """Add a draft, or merge it into the one it repeats."""

    draft = MeetingDraft(
        participants=parts,
        mode=mode,
        status=status,
        host=host,
        date=date,
        location=location if mode is not _PHONE else None,
        duration=duration,
        tone=tone,
        sentences=[sent.index],
        explicit_mode=explicit_mode,
        explicit_status=not tentative and (status is not _HELD or past_verb),
        touched=clock,
        section=section,
        sidelines=sidelines,
        visiting=list(visiting),
    )
    # the most recent of the same status first: "postponed a visit ... had been due
    # to hold talks" joins the postponed visit, not a plan told in between
    order = _recent(drafts)
    order = [n for n in order if drafts[n].status is status] + [
        n for n in order if drafts[n].status is not status
    ]
    for idx in order:
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
        if a.kind is _STATE and a.country == country:
            return a.id
    for a in ctx.actors.values():
        if a.kind is _GROUP and a.country == country:
            return a.id
    name = ctx.voc.country_names.get(country)
    if name is None:
        return None
    if where is None:
        return None
    # inferred, not named: it has no mention of its own (the place has the span)
    new = Actor(id=f"A{len(ctx.actors) + 1}", kind=_STATE, name=name, country=country)
    ctx.actors[new.id] = new
    return new.id


def _prune_states(parts: list[str], actors: Mapping[str, Actor]) -> list[str]:
    people = {actors[p].country for p in parts if actors[p].kind is not _STATE}
    return [p for p in parts if actors[p].kind is not _STATE or actors[p].country not in people]


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
    orgs = [p for p in parts if actors[p].kind is _ORGANIZATION and not actors[p].country]
    if section == "multilateral" and (len(parts) > 2 or orgs):
        return _MULTILATERAL, None
    if sidelines:
        return _THIRD_PARTY, None
    if visiting:
        hosts = [p for p in parts if p not in visiting]
        if hosts:
            return _VISIT, hosts[0]
    if location is not None and location.country:
        hosts = [
            p
            for p, c in zip(parts, countries, strict=True)
            if _same_country(kin, c, location.country)
        ]
        if hosts:
            return _VISIT, hosts[0]
        # "talks with Prime Minister X in Hanoi": the one side of unknown country
        # is taken to be at home
        unknown = [p for p, c in zip(parts, countries, strict=True) if c is None]
        if len(unknown) == 1 and actors[unknown[0]].kind is _PERSON and section != "multilateral":
            return _VISIT, unknown[0]
        if any(c for c in countries):
            return _THIRD_PARTY, None
    if section == "visit":
        return _VISIT, None
    if mode is _MULTILATERAL:
        return _UNSPECIFIED, None  # a "summit" of two is no multilateral meeting
    return mode, None
