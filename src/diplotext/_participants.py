"""What the clause of one trigger says: participants, status, place, tone and date.

Given a trigger at ``toks[i:j]`` in its clause ``[a, b)`` and the sentence's
``_Ctx``, the readers here find the two sides of the encounter (the
actor before the trigger and the one after "with", "between ... and ...",
or the object of "met"; "the two leaders", "his visit"), the status words
around it ("will", "hope", "postponed"), the place nearest to it, the
words of its tone and its date. :mod:`diplotext._meetings` turns what they
read into drafts.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections.abc import Iterator, Sequence
from typing import Any

import attrs
import regex

from . import _dates
from ._actors import Mention, PlaceMention
from ._drafts import (
    MeetingDraft,
    _recent,
)
from ._meeting_words import _DUE, _SCHEDULING, _Vocabulary
from ._model import (
    _CANCELLED,
    _HELD,
    _ORGANIZATION,
    _PERSON,
    _PLANNED,
    _PROPOSED,
    _STATE,
    Actor,
    DateRange,
    Location,
    MeetingStatus,
    Span,
)
from ._tokens import Token

_CLAUSE_END = frozenset({";", ":", "—", "–", "(", ")"})
_PAIR_WORDS = frozenset({"two", "both"})
_PAIR_NOUNS = frozenset(
    {"leaders", "presidents", "sides", "countries", "men", "ministers", "governments", "nations"}
)
_PRONOUNS = frozenset({"he", "she"})


def _clause_bounds(ctx: _Ctx, i: int, j: int) -> tuple[int, int]:
    """The tokens of the clause around ``toks[i:j]``: stops at ; : dashes and brackets,
    and at most ``_CLAUSE_REACH`` tokens either way (no reader's clause is longer)."""
    breaks = ctx.breaks
    at = bisect.bisect_left(breaks, i)
    a = max(0, i - _CLAUSE_REACH, breaks[at - 1] + 1 if at else 0)
    n = len(ctx.toks)
    at = bisect.bisect_left(breaks, j, at)
    b = min(n, j + _CLAUSE_REACH, breaks[at] if at < len(breaks) else n)
    return a, b


def _positions(words: Sequence[str], among: frozenset[str]) -> list[int]:
    """The positions of the ``words`` that are ``among`` the given ones, in order."""
    if among.isdisjoint(words):
        return []
    return list(itertools.compress(itertools.count(), map(among.__contains__, words)))


def _among(words: Sequence[str], lo: int, hi: int, among: frozenset[str]) -> Iterator[int]:
    """The positions from ``lo`` to ``hi`` of the ``words`` that are ``among`` the given ones."""
    return itertools.compress(range(lo, hi), map(among.__contains__, words[lo:hi]))


_CLAUSE_REACH = 60


# Made for each sentence (and a _Clause for each trigger), so plain slotted classes:
# a frozen class's __init__ costs about four times as much. Neither is changed once made.
@attrs.define
class _Ctx:
    text: str
    toks: Sequence[Token]
    mentions: Sequence[Mention]
    places: Sequence[PlaceMention]
    actors: dict[str, Actor]  # the stage may add host states
    voc: _Vocabulary
    published: dt.date | None
    parser: Any
    home: str | None
    guessed: frozenset[str] = frozenset()
    mention_starts: Sequence[int] = ()  # of ``mentions``, for bisection
    all_mentions: Sequence[Mention] = ()  # the article's, for pronouns
    all_starts: Sequence[int] = ()
    previous_start: int = 0  # where the sentence before this one starts
    lows: Sequence[str] = ()  # the lower case of each token, read once
    breaks: Sequence[int] = ()  # the positions of the tokens that end a clause
    tone_at: Sequence[int] = ()  # the positions of the tokens that may begin a tone word
    # the article's resolved dates, by expression and direction (see ``_resolved``)
    resolved: dict[tuple[int, bool | None], DateRange | None] = attrs.field(factory=dict)
    # the sentence's mentions of actors not named as places, and their starts
    actor_mentions: Sequence[Mention] = ()
    actor_starts: Sequence[int] = ()
    # the article's places read as an encounter's, by (place start, clause start)
    scene_places: dict[tuple[int, int], bool] = attrs.field(factory=dict)


@attrs.define
class _Clause:
    """What the clause ``[a, b)`` of a trigger says of its status and place.

    Attributes:
        a: Its first token.
        b: The token after it.
        status: The status its words state, if any.
        negated: Whether it is negated ("did not meet").
        location: The place nearest the trigger in it (:func:`_place_near`).
        date: Its date expression (:func:`_date_expr`), not yet resolved.
    """

    a: int
    b: int
    status: MeetingStatus | None
    negated: bool
    location: Location | None
    date: Any | None


def _read_clause(ctx: _Ctx, i: int, j: int, exprs: Sequence[Any]) -> _Clause:
    """The clause of the trigger at ``toks[i:j]``, its status words, its place and
    which of the date expressions ``exprs`` is its."""
    a, b = _clause_bounds(ctx, i, j)
    status, negated = _status_words(ctx, a, i, b)
    return _Clause(a, b, status, negated, _place_near(ctx, a, i, b), _date_expr(ctx, exprs, i))


def _mentions_between(ctx: _Ctx, start: int, end: int) -> list[Mention]:
    """Actor mentions in ``[start, end)``; a country named as a place is no participant."""
    lo = bisect.bisect_left(ctx.actor_starts, start)
    hi = bisect.bisect_left(ctx.actor_starts, end, lo)
    return [m for m in ctx.actor_mentions[lo:hi] if m.end <= end]


def _mentions_within(ctx: _Ctx, start: int, end: int) -> list[Mention]:
    """All mentions of the sentence in ``[start, end)``, in order."""
    lo = bisect.bisect_left(ctx.mention_starts, start)
    hi = bisect.bisect_left(ctx.mention_starts, end, lo)
    return [m for m in ctx.mentions[lo:hi] if m.end <= end]


def _status_words(ctx: _Ctx, a: int, i: int, b: int) -> tuple[MeetingStatus | None, bool]:
    """Status from words of the clause: ``(status or None, negated)``."""
    toks = ctx.toks
    lows = ctx.lows
    voc = ctx.voc
    found: set[str] = set()
    negated = False
    # the hedge right before the trigger ("could soon meet"), or before an aside
    # that precedes it ("Lebed should, on his return to Moscow, meet Goldiman"),
    # not one of a verb between ("whether Perry should resign, met")
    k0: int | None = i
    if i - 1 > a and lows[i - 1] == ",":
        k0 = next((p for p in range(i - 2, max(a, i - 12), -1) if lows[p] == ","), None)
    hedge_from = -1 if k0 is None else max(a, k0 - 3)
    scheduled = False
    n = len(lows)
    # one pass over the words of the clause near the trigger that may say a status
    for p in _among(lows, max(a, i - 14), min(b, i + 12), voc.status_cues):
        w = lows[p]
        if k0 is not None and hedge_from <= p < k0 and w in voc.hedged_firsts:
            k = voc.hedged.match(toks, p)[0]
            if k and p + k >= k0 - 1:
                found.add("proposed")
        # "the meeting, scheduled for Monday", "talks set to begin"
        if (
            not scheduled
            and p > i
            and w in _SCHEDULING
            and (w in _DUE or (p + 1 < n and lows[p + 1] in ("for", "to")))
        ):
            found.add("planned")
            scheduled = True
        if p >= i + 8 or w not in voc.said:
            continue
        for name, table, seconds in voc.said[w]:
            if seconds is not None and (p + 1 >= n or lows[p + 1] not in seconds):
                continue  # "is" begins only "is to", "is due to" ...
            if not table.match(toks, p)[0]:
                continue
            if name == "cancelled":
                found.add(name)
            elif p < i:
                if name == "negation" and i - p <= 3:
                    negated = True
                elif name == "proposed" or (name == "planned" and i - p <= 9):
                    found.add(name)
            elif name == "planned" and w in _AHEAD:
                found.add(name)
    if "cancelled" in found:
        return _CANCELLED, negated
    # a past-tense trigger verb speaks for itself: "met", "visited"
    if "proposed" in found:
        return _PROPOSED, negated
    if "planned" in found:
        return _PLANNED, negated
    return None, negated


# planned words after the trigger that speak of its time: "meet next week"
_AHEAD = frozenset({"next", "later", "tomorrow", "upcoming", "in"})


def _is_pair(lows: Sequence[str], p: int) -> bool:
    """Whether the words from ``p`` start "the two leaders", "both sides", "the leaders"."""
    if p + 1 >= len(lows) or lows[p + 1] not in _PAIR_NOUNS:
        return False
    w = lows[p]
    return w in _PAIR_WORDS or (w == "the" and lows[p + 1] in ("leaders", "presidents", "sides"))


def _pair(drafts: list[MeetingDraft], ctx: _Ctx, before: int) -> list[str]:
    """Who "the two leaders" are: the last two-party meeting's people, or the last two people."""
    for n in _recent(drafts):
        d = drafts[n]
        if len(d.participants) == 2:
            return list(d.participants)
    people: list[str] = []
    for m in reversed([m for m in ctx.mentions if m.start < before]):
        actor = ctx.actors[m.actor]
        if actor.kind is _PERSON and actor.name and m.actor not in people:
            people.append(m.actor)
        if len(people) == 2:
            return people[::-1]
    return []


_RELATIVES = frozenset({"who", "whom", "whose", "which", "where", "when", "while"})


def _aside_start(toks: Sequence[Token], a: int, i: int) -> int | None:
    """The opening comma of a relative aside that ends right before ``toks[i]``:
    "Specter, who has asked whether Perry should resign, met ..."."""
    if i - 1 <= a or toks[i - 1].text != ",":
        return None
    for p in range(i - 2, max(a, i - _ASIDE_REACH) - 1, -1):
        if toks[p].text == ",":
            return p if p + 1 < i and toks[p + 1].lower in _RELATIVES else None
    return None


_ASIDE_REACH = 30  # tokens looked back for an aside's opening comma


def _pronoun_and(ctx: _Ctx, a: int, near: list[Mention]) -> bool:
    """Whether the clause opens "He and <the first of ``near``>"."""
    toks = ctx.toks
    if not near or a + 1 >= len(toks):
        return False
    first = min(m.start for m in near)
    head = ctx.text[toks[a].start : first].split(maxsplit=2)
    return len(head) >= 2 and head[0].lower() in _PRONOUNS and head[1].lower() == "and"


def _last_person(ctx: _Ctx, before: int) -> str | None:
    """The person a pronoun at ``before`` stands for: the named person mentioned
    last before it in its sentence, else the first (the subject) of the sentence
    before ("Specter met Abdullah and Sultan. He had earlier visited Japan")."""
    at = bisect.bisect_left(ctx.all_starts, before)
    here = ctx.toks[0].start if ctx.toks else before
    earlier: str | None = None
    for m in reversed(ctx.all_mentions[max(0, at - _PRONOUN_REACH) : at]):
        if m.start < ctx.previous_start:
            break
        actor = ctx.actors[m.actor]
        if actor.kind is _PERSON and actor.name:
            if m.start >= here:
                return m.actor
            earlier = m.actor
    return earlier


_PRONOUN_REACH = 40  # mentions looked back for a pronoun's person


_LIGHT_VERBS = frozenset(
    """
    held hold holds holding had have has having conducted began begin opened open resumed
    attended attend attends made make paid pay pays concluded wrapped ended started
    participate participated join joined took take
    """.split()
)
_NOUN_MODIFIERS = frozenset(
    """
    first second third last latest recent previous next historic face-to-face bilateral
    official state working brief lengthy long key rare high-level planned upcoming private
    separate closed-door phone telephone video virtual two-day one-day three-day surprise
    hastily arranged informal formal new another fresh direct trilateral summit scheduled
    """.split()
)
_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
_PRONOUN_POSSESSIVES = frozenset({"his", "her"})
_ANAPHORIC_DETS = frozenset({"the", "this", "that", "these", "those"})
_NEW_DETS = frozenset({"another", "new", "fresh", "second", "next"})
_DETS = frozenset({"a", "an"}) | _ANAPHORIC_DETS | _NEW_DETS


def _body_before(ctx: _Ctx, ms: list[Mention]) -> str | None:
    """An international body among the mentions right before a trigger noun: "the NATO summit"."""
    for m in ms:
        actor = ctx.actors[m.actor]
        if actor.kind is _ORGANIZATION and actor.country is None:
            return m.actor
    return None


def _pair_before(ctx: _Ctx, ms: list[Mention]) -> list[str]:
    """The two states of "Franco-German" or "U.S.-China" among the mentions right before
    a trigger noun."""
    if len(ms) < 2:
        return []
    states = [m for m in ms if ctx.actors[m.actor].kind is _STATE]
    for x, y in itertools.pairwise(states):
        if ctx.text[x.end : y.start] in ("-", "–") and x.actor != y.actor:
            return [x.actor, y.actor]
    return []


def _joined(ctx: _Ctx, ms: list[Mention], backwards: bool) -> list[str]:
    """The first mention of ``ms`` and those joined to it by "and" or commas."""
    if not ms:
        return []
    seq = list(reversed(ms)) if backwards else ms
    out = [seq[0].actor]
    last = seq[0]
    seen_and = False
    for m in seq[1:]:
        gap = ctx.text[m.end : last.start] if backwards else ctx.text[last.end : m.start]
        gap = gap.strip().lower()
        if not backwards and gap in ("of", "of the") and ctx.actors[m.actor].kind is _STATE:
            last = m  # "Paul Kagame of Rwanda": the country belongs to the name
            continue
        is_and = gap in ("and", ", and", "and his", "and her", "and their") or gap.endswith(" and")
        # "A, B and C": forwards, commas join until the "and"; backwards, after it
        comma_ok = seen_and if backwards else not seen_and
        if is_and or (gap == "," and comma_ok):
            seen_and = seen_and or is_and
            if m.actor not in out:
                out.append(m.actor)
            last = m
        else:
            break
    return out[::-1] if backwards else out


def _nearest_left(ctx: _Ctx, ms: list[Mention]) -> list[Mention]:
    """Left mentions (in text order), with states passed over when a person or group is
    nearer the verb, and a mention inside a longer one ("FBI" in "FBI Director Louis
    Freeh") dropped."""
    # in text order, one mention can hold another only where two next to each other overlap
    if any(x.end > y.start for x, y in itertools.pairwise(ms)):
        ms = [
            m
            for m in ms
            if not any(
                n is not m
                and n.start <= m.start
                and m.end <= n.end
                and n.end - n.start > m.end - m.start
                for n in ms
            )
        ]
    keep = [m for m in ms if ctx.actors[m.actor].kind is not _STATE]
    return keep or ms


def _noun_start(toks: Sequence[Token], i: int, a: int) -> int:
    """Start of the noun phrase of a trigger noun: back over modifiers, dates and numbers."""
    p = i
    while p > a:
        t = toks[p - 1]
        w = t.lower
        if (
            w in _NOUN_MODIFIERS
            or (t.is_word and t.text[:1].isupper() and t.text in _MONTHS_AND_DAYS)
            or ("-" in w and not t.is_cap)
            or w.isdigit()
        ):
            p -= 1
            continue
        break
    return p


_MONTHS_AND_DAYS = frozenset(
    """
    January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    """.split()
)


def _participants(
    ctx: _Ctx, drafts: list[MeetingDraft], a: int, i: int, j: int, b: int, pos: str
) -> tuple[list[str], list[str], bool]:
    """``(left side, right side, anaphoric)`` of a trigger at ``toks[i:j]`` in clause ``[a, b)``.

    Anaphoric: a noun like "the call" with no participants of its own.
    """
    toks = ctx.toks
    lows = ctx.lows
    left_ms = _mentions_between(ctx, toks[a].start, toks[i].start)
    right_ms = _mentions_between(ctx, toks[j - 1].end, toks[b - 1].end) if b > j else []
    left: list[str] = []
    right: list[str] = []
    anaphoric = False
    between = False
    # "meets Russia's Zhirinovsky": the person, not the possessive state
    right_ms = [
        m
        for n, m in enumerate(right_ms)
        if not (
            ctx.actors[m.actor].kind is _STATE
            and n + 1 < len(right_ms)
            and ctx.text[m.end : right_ms[n + 1].start].strip() in ("'s", "’s")
        )
    ]
    # the complement: "with Y", "between X and Y", "met Y", "to Y"
    if right_ms:
        gap_words = ctx.text[toks[j - 1].end : right_ms[0].start].lower().split()
        between = bool(gap_words) and gap_words[0] == "between"
        # "met Xi", "visited Russian gas giant Gazprom": an object after a few modifiers
        direct = (
            pos == "verb"
            and len(gap_words) <= 3
            and not any(w in _NOT_MODIFIERS or not w.replace("-", "").isalpha() for w in gap_words)
        )
        if (
            direct
            or (gap_words and gap_words[0] in _JOINERS and len(gap_words) <= 3)
            or (
                pos == "verb"
                and any(w in ("with", "between") for w in gap_words[:3])
                and len(gap_words) <= 5
            )
        ):
            right = _joined(ctx, right_ms, backwards=False)
    if not right:
        # "met, on separate occasions, with five presidents, including A, B and C";
        # "a summit in Ottawa next month between Reagan and Mulroney"; the noun's
        # own words end at a verb or another clause
        stops = _NOUN_STOPS if pos == "noun" else _COMPLEMENTS
        at = next(_among(lows, j, min(b, j + 12), stops), None)
        if at is not None and not (pos == "noun" and lows[at] in _NOUN_ENDS):
            later = [m for m in right_ms if m.start > toks[at].start]
            if later:
                gap = ctx.text[toks[at].end : later[0].start].lower().split()
                # "with the chief of the party and mayor X", "with five presidents, including"
                if "including" in gap or (len(gap) <= 8 and not any("," in w for w in gap)):
                    right = _joined(ctx, later, backwards=False)
    if not _PAIR_NOUNS.isdisjoint(lows[j + 1 : min(b, j + 4) + 1]):
        for p in range(j, min(b, j + 4)):
            if _is_pair(lows, p):
                right = _pair(drafts, ctx, toks[p].start)
                break
    if pos == "noun":
        n0 = _noun_start(toks, i, a)
        det = toks[n0 - 1].lower if n0 > a else ""
        before = _mentions_within(ctx, toks[max(a, n0 - 3)].start, toks[i].start)
        pair = _pair_before(ctx, before)
        body = _body_before(ctx, before)
        if pair and not right:
            left = pair  # "Franco-German meeting", "U.S.-China talks"
        elif body is not None and not right:
            # "Zelenskyy attended the NATO summit": the body, and who came to it
            people = [
                m
                for m in left_ms
                if m.end <= toks[n0].start and ctx.actors[m.actor].kind is _PERSON
            ]
            left = [*([people[-1].actor] if people else []), body]
        elif det in _POSSESSIVES:
            # "Blinken's visit", "Tuesday's call", "the two leaders' meeting"
            owner = [m for m in left_ms if m.end <= toks[n0 - 1].start + 1]
            if owner and ctx.text[owner[-1].end : toks[n0 - 1].start].strip() == "":
                left = _joined(ctx, owner, backwards=True)
            elif n0 - 2 >= a and toks[n0 - 2].lower in _PAIR_NOUNS:
                left = _pair(drafts, ctx, toks[n0 - 2].start)
            else:
                anaphoric = True
        elif det == "their":
            left = _pair(drafts, ctx, toks[n0 - 1].start)
        elif det in _PRONOUN_POSSESSIVES:
            who = _last_person(ctx, toks[n0 - 1].start)
            left = [who] if who else []
        else:
            light = n0 - 1 if det in _DETS else n0
            verb = toks[light - 1].lower if light > a else ""
            if verb in _LIGHT_VERBS or (
                verb in ("to",) and light - 2 >= a and toks[light - 2].lower in _LIGHT_VERBS
            ):
                near = _nearest_left(ctx, left_ms)
                left = _joined(ctx, near, backwards=True)
            elif det in ("a", "an") and not right:
                # "Abbas has postponed a visit to Jordan": the subject's visit
                people = [m for m in left_ms if ctx.actors[m.actor].kind is _PERSON]
                if people:
                    left = [people[-1].actor]
                else:
                    anaphoric = True
            elif not right:
                anaphoric = True
            else:
                # "the summit with Xi": the nearest person before it is the other side;
                # "After meetings with A, B and C, Clark said": or the one after the list
                people = [m for m in left_ms if ctx.actors[m.actor].kind is _PERSON]
                listed = [m for m in right_ms if m.actor in right]
                after = [
                    m
                    for m in right_ms
                    if m.actor not in right
                    and ctx.actors[m.actor].kind is _PERSON
                    and listed
                    and ctx.text[listed[-1].end : m.start].strip() == ","
                ]
                if between:
                    pass  # "a meeting between Obama and Netanyahu": both sides are named
                elif people:
                    left = [people[-1].actor]
                elif after:
                    left = [after[0].actor]
    else:
        aside = _aside_start(toks, a, i)
        if aside is not None:
            # "Specter, who asked whether Perry should resign, met ...": the subject
            # stands before the aside
            left_ms = [m for m in left_ms if m.end <= toks[aside].start]
        near = _nearest_left(ctx, left_ms)
        left = _joined(ctx, near, backwards=True)
        if left and _pronoun_and(ctx, a, near):
            # "He and Palestinian leader Yasser Arafat meet ...": he is the last person told
            who = _last_person(ctx, toks[a].start)
            if who and who not in left:
                left.insert(0, who)
        # "the two leaders met" / "both sides agreed to meet"
        if not _PAIR_NOUNS.isdisjoint(lows[max(a, i - 6) + 1 : i + 1]):
            for p in range(max(a, i - 6), i):
                if _is_pair(lows, p) and (not left_ms or left_ms[-1].end < toks[p].start):
                    left = _pair(drafts, ctx, toks[p].start)
        if not left:
            for p in range(max(a, i - 4), i):
                if toks[p].lower in _PRONOUNS:
                    who = _last_person(ctx, toks[p].start)
                    if who:
                        left = [who]
    return left, [r for r in right if r not in left], anaphoric


def _attendees(ctx: _Ctx, j: int, b: int) -> list[str]:
    """People after "attended by" following a trigger: "The meeting was attended by A, B and C"."""
    toks = ctx.toks
    for p in range(j, min(b, j + 4)):
        if toks[p].lower == "attended" and p + 1 < len(toks) and toks[p + 1].lower == "by":
            after = _mentions_between(ctx, toks[p + 1].end, toks[b - 1].end)
            people = [m for m in after if ctx.actors[m.actor].kind is _PERSON]
            return list(dict.fromkeys(m.actor for m in people))
    return []


def _sentence_people(ctx: _Ctx) -> list[str]:
    """The named people of the sentence, when they come from at least two countries."""
    people = list(
        dict.fromkeys(
            m.actor
            for m in ctx.mentions
            if ctx.actors[m.actor].kind is _PERSON and ctx.actors[m.actor].name
        )
    )
    countries = {ctx.actors[p].country for p in people}
    if 2 <= len(people) <= 4 and len(countries) == len(people) and None not in countries:
        return people
    return []


_ROLE_NOUNS = frozenset(
    """
    chief leader leaders officials official government spokesman spokeswoman regime
    authorities side delegation envoy ambassador representative emissary mission
    """.split()
)


_CLAUSE_LINKS = frozenset({"before", "after", "while", "when", "then", "where", "until"})
_PLACE_PREPOSITIONS = frozenset({"in", "at", "to", "into", "near", "visit", "visited", "visiting"})


_PLACE_NOUNS = frozenset(
    "capital city town port village province region state resort island".split()
)


def _after_preposition(words: list[str]) -> bool:
    """Whether the words before a place end in "in", "to the", "in refugee-flooded"."""
    if not words:
        return False
    if words[-1] == "to" and len(words) > 1 and words[-2] in _ROLE_NOUNS:
        return False  # "envoy to Burundi", "ambassador to China": a title, not a place
    if words[-1] in _PLACE_PREPOSITIONS:
        return True
    if words[-1] == "of" and len(words) > 2 and words[-2] in _PLACE_NOUNS:
        # "in the Egyptian capital of Cairo", "to the southern port city of Busan"
        return any(w in _PLACE_PREPOSITIONS for w in words[-7:-2])
    # one article or hyphenated adjective between: "to the", "in downtown", "in war-torn"
    return (
        len(words) > 1
        and words[-2] in _PLACE_PREPOSITIONS
        and (
            words[-1]
            in ("the", "downtown", "central", "northern", "southern", "eastern", "western")
            or "-" in words[-1]
        )
    )


def _place_near(ctx: _Ctx, a: int, i: int, b: int) -> Location | None:
    """The place of the encounter: a place after "in"/"at"/"to" in the clause.

    The nearest one after the trigger wins ("arrived in Jordan after ... Israel"),
    else the nearest before it; "Woodside, California" and "Guangzhou and
    Beijing" are joined.
    """
    toks = ctx.toks
    start, end = toks[a].start, toks[b - 1].end
    cands = [p for p in ctx.places if start <= p.start and p.end <= end]
    if not cands:
        return None
    text = ctx.text
    best: list[PlaceMention] = []
    trig_start, trig_end = toks[i].start, toks[i].end
    # a place beyond "before flying back to Washington" is another event's
    stop = next(_among(ctx.lows, i, b, _CLAUSE_LINKS), None)
    limit = end if stop is None else toks[stop].start
    seen = ctx.scene_places
    for p in cands:
        if p.start > limit:
            continue
        if 0 <= trig_start - p.end <= 1 and p.kind != "country":
            best.append(p)  # "Shultz' Moscow talks"
            continue
        ok = seen.get((p.start, start))
        if ok is None:
            ok = seen[p.start, start] = _scene_place(ctx, p, start)
        if ok:
            best.append(p)
    if not best:
        return None
    first = min(best, key=lambda p: (p.start < trig_end, abs(p.start - trig_start)))
    group = [first]
    for p in cands:  # in text order, as the places are
        if p.start > group[-1].end and text[group[-1].end : p.start] in (", ", " and "):
            group.append(p)
    s, e = group[0].start, group[-1].end
    country = next((p.country for p in group if p.kind != "country" and p.country), first.country)
    if first.kind == "country":
        country = first.country
    return Location(text[s:e], country, Span(s, e, text[s:e]))


def _scene_place(ctx: _Ctx, p: PlaceMention, start: int) -> bool:
    """Whether the place ``p`` of a clause from offset ``start`` may be its
    encounter's: after "in"/"at"/"to", and not a title ("Kremlin chief")."""
    text = ctx.text
    after = text[p.end : p.end + 16].lower().split()
    if after and after[0] in _ROLE_NOUNS:
        return False  # "Kremlin chief Mikhail Gorbachev": a title, not a place
    before = text[max(start, p.start - 48) : p.start].lower().split()
    return _after_preposition(before) and not (
        len(before) > 1 and before[-1] in ("in", "at", "to") and before[-2] in ctx.voc.seated
    )


# Words before a tone word that make it describe the encounter:
# "the talks were candid", "described as constructive", "called frank".
_TONE_LEADS = frozenset("was were as been and very quite extremely called described termed".split())


def _tone_starts(lows: Sequence[str], voc: _Vocabulary) -> list[int]:
    """The positions of the words that may begin a tone word: "in" only before "depth"."""
    at = _positions(lows, voc.tone_firsts)
    if not at:
        return at
    seconds = voc.tone_seconds
    n = len(lows)
    return [
        q
        for q in at
        if (after := seconds.get(lows[q])) is None or (q + 1 < n and lows[q + 1] in after)
    ]


def _tone(ctx: _Ctx, a: int, b: int) -> list[str]:
    """Words that characterise the encounter: quoted ("candid and constructive"),
    after a copula ("was frank"), or before its noun ("cordial and productive talks")."""
    toks = ctx.toks
    lows = ctx.lows
    out: list[str] = []
    found: list[tuple[int, int]] = []
    tone_at = ctx.tone_at
    p = a
    # only a word that may begin a tone phrase is looked up
    for q in tone_at[bisect.bisect_left(tone_at, a) : bisect.bisect_left(tone_at, b)]:
        if q < p:
            continue
        k, _ = ctx.voc.tone.match(toks, q)
        if k:
            found.append((q, k))
            p = q + k
    for n, (p, k) in enumerate(found):
        prev = lows[p - 1] if p > 0 else ""
        prev2 = lows[p - 2] if p > 1 else ""
        quoted = prev in ("“", '"') or prev2 in ("“", '"')
        lead = prev in _TONE_LEADS or prev2 in ("was", "were", "as")
        # the noun may follow after "and" or a comma and more tone words
        q = p + k
        for later_p, later_k in found[n + 1 :]:
            if later_p - q <= 1 and lows[q] in ("and", ",", "but"):
                q = later_p + later_k
        before_noun = q < len(toks) and bool(ctx.voc.triggers.match(toks, q)[0])
        if quoted or lead or before_noun:
            word = " ".join(t.text for t in toks[p : p + k]).lower()
            if word not in out:
                out.append(word)
    return out


# Words that may stand between an encounter's noun and its "with"/"between":
# its place and time ("talks in Ottawa next month between ...").
_SETTING_WORDS = frozenset({"in", "at", "on", "of", "during", "for", "after", "before"})
_NOT_MODIFIERS = frozenset(
    """
    in on at to for from with by of after before during and or but about over under
    was were is are has have had said says will would could then also
    """.split()
)
# Words after an encounter's noun that end its own words: "talks in Ottawa
# next month between ..." reads on, "talks were held with ..." does not.
_NOUN_ENDS = _NOT_MODIFIERS - _SETTING_WORDS
# The words after an encounter that open its other side when no mention follows
# right after it, and for a noun, those that end its own words first.
_COMPLEMENTS = frozenset({"with", "between"})
_NOUN_STOPS = _NOUN_ENDS | _COMPLEMENTS
# Words that join an encounter to its other side: "with Y", "between X and Y".
_JOINERS = frozenset({"with", "between", "by", "to", "of", "from", "for"})
# Words that open another clause: a date beyond them is that clause's
# ("the trade, which fell last year").
_OTHER_CLAUSE = (", which", ", who", ", where", ", when", ", while", " which ", " whose ")


def _date_expr(ctx: _Ctx, exprs: Sequence[Any], i: int) -> Any | None:
    """The date expression nearest the trigger at ``toks[i]`` in its clause, if any."""
    if not exprs:
        return None
    trig = ctx.toks[i].start
    exprs = [
        e
        for e in exprs
        if not _across_clause(ctx.text, trig, e.start)
        and not _of_reporting(ctx.text, e.start)
        and not _saying_between(ctx.text, e.start, trig)
    ]
    if not exprs:
        return None
    # the nearest that names a time: "later this afternoon" is "this afternoon"
    named = [e for e in exprs if e.kind != "vague"]
    return min(named or exprs, key=lambda e: abs(e.start - trig))


def _resolve_date(
    ctx: _Ctx, expr: Any | None, status: MeetingStatus | None
) -> tuple[DateRange | None, int]:
    """The date of a trigger's expression (:func:`_date_expr`) for its status, and the
    expression's own direction."""
    if expr is None:
        return None, 0
    future = None
    if status in (_PLANNED, _PROPOSED):
        future = True
    elif status is _CANCELLED and _after_for(ctx.text, expr.start):
        future = True  # "postponed a visit that had been scheduled for Sunday": still to come
    elif status is _HELD:
        future = False
    return _resolved(ctx, expr, future), int(expr.direction)


def _resolved(ctx: _Ctx, expr: Any, future: bool | None) -> DateRange | None:
    """``_dates.resolve`` of an expression, once per article for each ``future``."""
    key = (id(expr), future)  # the expressions live as long as the article's reading
    if key not in ctx.resolved:
        ctx.resolved[key] = _dates.resolve(expr, ctx.published, future=future, parser=ctx.parser)
    return ctx.resolved[key]


_REPORTING = regex.compile(
    r"(?:said|says|told[ ]reporters|told[ ]\p{Lu}\p{L}*+|reported|announced|added|stated"
    r"|request|requested|proposal|appeal|statement|announcement)[ ]*+$"
)


def _after_for(text: str, start: int) -> bool:
    """Whether " for" and only white space stand before offset ``start``, read
    backwards from it (not by copying the text before it)."""
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return text[max(0, end - 4) : end] == " for"


# The words that begin every match of _REPORTING, for ``re``'s quicker search.
_REPORTING_WORDS = re.compile(
    "said|says|told|reported|announce|added|stated|request|proposal|appeal|statement"
)

_SAYING = regex.compile(r"\b(?:said|says|told|announced|reported|stated|added)\b")


def _saying_between(text: str, a: int, b: int) -> bool:
    """Whether a verb of saying stands between a date and a trigger: "On Oct. 29, an
    official told Xinhua that Meshaal would visit Egypt" dates the telling."""
    return _SAYING.search(text, min(a, b), max(a, b)) is not None


def _of_reporting(text: str, start: int) -> bool:
    """Whether a date is the day of the reporting or asking: "newspapers said on
    Thursday", "Kinkel's request on Wednesday that Lebed should meet ..."."""
    lo = max(0, start - 24)
    if _REPORTING_WORDS.search(text, lo, start) is None:
        return False  # no word of one: the common case, told at a tenth of the cost
    return _REPORTING.search(text[lo:start]) is not None


def _across_clause(text: str, a: int, b: int) -> bool:
    """Whether another clause opens between offsets ``a`` and ``b``."""
    between = text[min(a, b) : max(a, b)]
    return any(w in between for w in _OTHER_CLAUSE)
