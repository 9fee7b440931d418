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
import itertools
from collections.abc import Mapping, Sequence
from typing import Any

import attrs
import regex

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
    hedged: PhraseTable[str]
    kin: Mapping[str, frozenset[str]]
    country_names: Mapping[str, str]
    media: frozenset[str]


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
        exclude=PhraseTable(
            ((w, w) for w in words.get("exclude", {}).get("phrases", ())), fold=True
        ),
        planned=PhraseTable(((w, w) for w in status.get("planned", ())), fold=True),
        proposed=PhraseTable(((w, w) for w in status.get("proposed", ())), fold=True),
        cancelled=PhraseTable(((w, w) for w in status.get("cancelled", ())), fold=True),
        negation=PhraseTable(((w, w) for w in status.get("negation", ())), fold=True),
        tone=PhraseTable(((w, w) for w in words.get("tone", {}).get("words", ())), fold=True),
        hedged=PhraseTable(((w, w) for w in status.get("hedged", ())), fold=True),
        kin=_kin(g),
        country_names={c.code: c.name for c in g.countries},
        media=frozenset(
            n for o in g.organizations if o.type == "media" for n in (o.name, *o.aliases)
        ),
    )


def _kin(g: Gazetteer) -> Mapping[str, frozenset[str]]:
    """Each former state with its successors, both ways: a Moscow talk of 1987 was Soviet."""
    kin: dict[str, set[str]] = {}
    for c in g.countries:
        for s in c.successors:
            kin.setdefault(c.code, {c.code}).add(s)
            kin.setdefault(s, {s}).add(c.code)
    return {k: frozenset(v) for k, v in kin.items()}


def _same_country(kin: Mapping[str, frozenset[str]], a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and (a == b or b in kin.get(a, ()))


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
    touched: int = 0
    section: str = "meet"
    sidelines: bool = False
    visiting: list[str] = attrs.field(factory=list)


def _recent(drafts: list[MeetingDraft]) -> list[int]:
    """Draft indices, the most recently mentioned first."""
    return sorted(range(len(drafts)), key=lambda n: -drafts[n].touched)


_CLAUSE_END = frozenset({";", ":", "—", "–", "(", ")"})
_PAIR_WORDS = frozenset({"two", "both"})
_PAIR_NOUNS = frozenset(
    {"leaders", "presidents", "sides", "countries", "men", "ministers", "governments", "nations"}
)
_PRONOUNS = frozenset({"he", "she"})
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
_MULTI_ORGS = frozenset({"international"})


def vocabulary(g: Gazetteer) -> _Vocabulary:
    """The compiled meeting vocabulary of a gazetteer."""
    return g.cached("meetings.vocabulary", _build)


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
    actors: dict[str, Actor]  # the stage may add host states
    voc: _Vocabulary
    published: dt.date | None
    parser: Any
    home: str | None
    guessed: frozenset[str] = frozenset()


def _mentions_between(ctx: _Ctx, start: int, end: int) -> list[Mention]:
    """Actor mentions in ``[start, end)``; a country named as a place is no participant."""
    return [m for m in ctx.mentions if start <= m.start and m.end <= end and m.form != "place"]


def _status_words(ctx: _Ctx, a: int, i: int, b: int) -> tuple[MeetingStatus | None, bool]:
    """Status from words of the clause: ``(status or None, negated)``."""
    toks = ctx.toks
    lo = max(a, i - 14)
    found: dict[str, int] = {}
    negated = False
    for p in range(max(a, i - 3), i):
        if ctx.voc.hedged.match(toks, p)[0]:
            found.setdefault("proposed", p)
    for p in range(i + 1, min(b, i + 12)):
        if toks[p].lower in ("scheduled", "slated", "due") or (
            toks[p].lower in ("set", "planned")
            and p + 1 < len(toks)
            and toks[p + 1].lower in ("for", "to")
        ):
            found.setdefault("planned", p)
            break
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
                elif name == "proposed" or (name == "planned" and i - p <= 9):
                    found.setdefault(name, p)
            elif (
                name == "planned"
                and p >= i
                and toks[p].lower
                in (
                    "next",
                    "later",
                    "tomorrow",
                    "upcoming",
                    "in",
                )
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


def _is_pair(toks: Sequence[Token], p: int) -> bool:
    """Whether ``toks[p:]`` starts "the two leaders", "both sides", "the leaders"."""
    if p + 1 >= len(toks) or toks[p + 1].lower not in _PAIR_NOUNS:
        return False
    w = toks[p].lower
    return w in _PAIR_WORDS or (
        w == "the" and toks[p + 1].lower in ("leaders", "presidents", "sides")
    )


def _pair(drafts: list[MeetingDraft], ctx: _Ctx, before: int) -> list[str]:
    """Who "the two leaders" are: the last two-party meeting's people, or the last two people."""
    for n in _recent(drafts):
        d = drafts[n]
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


def _body_before(ctx: _Ctx, start: int, end: int) -> str | None:
    """An international body named right before a trigger noun: "the NATO summit"."""
    for m in ctx.mentions:
        if start <= m.start and m.end <= end:
            actor = ctx.actors[m.actor]
            if actor.kind is ActorKind.ORGANIZATION and actor.country is None:
                return m.actor
    return None


def _pair_before(ctx: _Ctx, start: int, end: int) -> list[str]:
    """The two states of "Franco-German" or "U.S.-China" right before a trigger noun."""
    states = [
        m
        for m in ctx.mentions
        if start <= m.start and m.end <= end and ctx.actors[m.actor].kind is ActorKind.STATE
    ]
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
        if (
            not backwards
            and gap in ("of", "of the")
            and ctx.actors[m.actor].kind is ActorKind.STATE
        ):
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
    """Left mentions, with states passed over when a person or group is nearer the verb."""
    keep = [m for m in ms if ctx.actors[m.actor].kind is not ActorKind.STATE]
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
            ctx.actors[m.actor].kind is ActorKind.STATE
            and n + 1 < len(right_ms)
            and ctx.text[m.end : right_ms[n + 1].start].strip() in ("'s", "’s")
        )
    ]
    # the complement: "with Y", "between X and Y", "met Y", "to Y"
    if right_ms:
        gap_words = ctx.text[toks[j - 1].end : right_ms[0].start].lower().split()
        between = bool(gap_words) and gap_words[0] == "between"
        joiners = {"with", "between", "by", "to", "of", "from", "for"}
        # "met Xi", "visited Russian gas giant Gazprom": an object after a few modifiers
        direct = (
            pos == "verb"
            and len(gap_words) <= 3
            and not any(w in _NOT_MODIFIERS or not w.replace("-", "").isalpha() for w in gap_words)
        )
        if (
            direct
            or (gap_words and gap_words[0] in joiners and len(gap_words) <= 3)
            or (
                pos == "verb"
                and any(w in ("with", "between") for w in gap_words[:3])
                and len(gap_words) <= 5
            )
        ):
            right = _joined(ctx, right_ms, backwards=False)
    if not right and pos == "verb":
        # "met, on separate occasions, with five presidents, including A, B and C"
        for p in range(j, min(b, j + 12)):
            if toks[p].lower in ("with", "between"):
                later = [m for m in right_ms if m.start > toks[p].start]
                if later:
                    gap = ctx.text[toks[p].end : later[0].start].lower().split()
                    # "with the chief of the party and mayor X", "with five presidents, including"
                    if "including" in gap or (len(gap) <= 8 and not any("," in w for w in gap)):
                        right = _joined(ctx, later, backwards=False)
                break
    for p in range(j, min(b, j + 4)):
        if _is_pair(toks, p):
            right = _pair(drafts, ctx, toks[p].start)
            break
    if pos == "noun":
        n0 = _noun_start(toks, i, a)
        det = toks[n0 - 1].lower if n0 > a else ""
        pair = _pair_before(ctx, toks[max(a, n0 - 3)].start, toks[i].start)
        body = _body_before(ctx, toks[max(a, n0 - 3)].start, toks[i].start)
        if pair and not right:
            left = pair  # "Franco-German meeting", "U.S.-China talks"
        elif body is not None and not right:
            # "Zelenskyy attended the NATO summit": the body, and who came to it
            people = [
                m
                for m in left_ms
                if m.end <= toks[n0].start and ctx.actors[m.actor].kind is ActorKind.PERSON
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
            light = n0 - 1 if det in ("a", "an", *_ANAPHORIC_DETS, *_NEW_DETS) else n0
            verb = toks[light - 1].lower if light > a else ""
            if verb in _LIGHT_VERBS or (
                verb in ("to",) and light - 2 >= a and toks[light - 2].lower in _LIGHT_VERBS
            ):
                near = _nearest_left(ctx, left_ms)
                left = _joined(ctx, near, backwards=True)
            elif det in ("a", "an") and not right:
                # "Abbas has postponed a visit to Jordan": the subject's visit
                people = [m for m in left_ms if ctx.actors[m.actor].kind is ActorKind.PERSON]
                if people:
                    left = [people[-1].actor]
                else:
                    anaphoric = True
            elif not right:
                anaphoric = True
            else:
                # "the summit with Xi": the nearest person before it is the other side;
                # "After meetings with A, B and C, Clark said": or the one after the list
                people = [m for m in left_ms if ctx.actors[m.actor].kind is ActorKind.PERSON]
                listed = [m for m in right_ms if m.actor in right]
                after = [
                    m
                    for m in right_ms
                    if m.actor not in right
                    and ctx.actors[m.actor].kind is ActorKind.PERSON
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
        near = _nearest_left(ctx, left_ms)
        left = _joined(ctx, near, backwards=True)
        # "the two leaders met" / "both sides agreed to meet"
        for p in range(max(a, i - 6), i):
            if _is_pair(toks, p) and (not left_ms or left_ms[-1].end < toks[p].start):
                left = _pair(drafts, ctx, toks[p].start)
        if not left:
            for p in range(max(a, i - 4), i):
                if toks[p].lower in _PRONOUNS:
                    who = _last_person(ctx, toks[p].start)
                    if who:
                        left = [who]
    return left, [r for r in right if r not in left], anaphoric


_ROLE_NOUNS = frozenset(
    """
    chief leader leaders officials official government spokesman spokeswoman regime
    authorities side delegation envoy ambassador representative emissary mission
    """.split()
)


_CLAUSE_LINKS = frozenset({"before", "after", "while", "when", "then", "where", "until"})
_PLACE_PREPOSITIONS = frozenset({"in", "at", "to", "into", "near", "visit", "visited", "visiting"})


def _after_preposition(words: list[str]) -> bool:
    """Whether the words before a place end in "in", "to the", "in refugee-flooded"."""
    if not words:
        return False
    if words[-1] == "to" and len(words) > 1 and words[-2] in _ROLE_NOUNS:
        return False  # "envoy to Burundi", "ambassador to China": a title, not a place
    if words[-1] in _PLACE_PREPOSITIONS:
        return True
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
    stops = [t.start for t in toks[i:b] if t.lower in _CLAUSE_LINKS]
    limit = stops[0] if stops else end
    for p in cands:
        if p.start > limit:
            continue
        if 0 <= trig_start - p.end <= 1 and p.kind != "country":
            best.append(p)  # "Shultz' Moscow talks"
            continue
        after = text[p.end : p.end + 16].lower().split()
        if after and after[0] in _ROLE_NOUNS:
            continue  # "Kremlin chief Mikhail Gorbachev": a title, not a place
        if _after_preposition(text[max(start, p.start - 24) : p.start].lower().split()):
            best.append(p)
    if not best:
        return None
    best.sort(key=lambda p: (p.start < trig_end, abs(p.start - trig_start)))
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


# Words before a tone word that make it describe the encounter:
# "the talks were candid", "described as constructive", "called frank".
_TONE_LEADS = frozenset("was were as been and very quite extremely called described termed".split())


def _tone(ctx: _Ctx, a: int, b: int) -> list[str]:
    """Words that characterise the encounter: quoted ("candid and constructive"),
    after a copula ("was frank"), or before its noun ("cordial and productive talks")."""
    toks = ctx.toks
    out: list[str] = []
    found: list[tuple[int, int]] = []
    p = a
    while p < b:
        k, _ = ctx.voc.tone.match(toks, p)
        if k:
            found.append((p, k))
            p += k
        else:
            p += 1
    for n, (p, k) in enumerate(found):
        prev = toks[p - 1].lower if p > 0 else ""
        prev2 = toks[p - 2].lower if p > 1 else ""
        quoted = prev in ("“", '"') or prev2 in ("“", '"')
        lead = prev in _TONE_LEADS or prev2 in ("was", "were", "as")
        # the noun may follow after "and" or a comma and more tone words
        q = p + k
        for later_p, later_k in found[n + 1 :]:
            if later_p - q <= 1 and toks[q].lower in ("and", ",", "but"):
                q = later_p + later_k
        before_noun = q < len(toks) and bool(ctx.voc.triggers.match(toks, q)[0])
        if quoted or lead or before_noun:
            word = " ".join(t.text for t in toks[p : p + k]).lower()
            if word not in out:
                out.append(word)
    return out


_NOT_MODIFIERS = frozenset(
    """
    in on at to for from with by of after before during and or but about over under
    was were is are has have had said says will would could then also
    """.split()
)
# Words that open another clause: a date beyond them is that clause's
# ("the trade, which fell last year").
_OTHER_CLAUSE = (", which", ", who", ", where", ", when", ", while", " which ", " whose ")


def _resolve_date(
    ctx: _Ctx, exprs: Sequence[Any], i: int, status: MeetingStatus | None
) -> tuple[DateRange | None, int]:
    """The date nearest the trigger in its clause, resolved, and the expression's own direction."""
    trig = ctx.toks[i].start
    exprs = [
        e
        for e in exprs
        if not _across_clause(ctx.text, trig, e.start) and not _of_reporting(ctx.text, e.start)
    ]
    if not exprs:
        return None, 0
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
) -> tuple[list[MeetingDraft], tuple[Actor, ...]]:
    """The encounters of an article, merged, as drafts in order of first mention.

    Also returns the states the stage had to add: the host country of a visit
    told only by its place ("arrived in Beijing") when the article never
    names that state otherwise.
    """
    voc = vocabulary(gazetteer)
    tokens = found.tokens
    starts = [t.start for t in tokens]
    actors = {a.id: a for a in found.actors}
    known = len(actors)
    parser = _dates.DateParser()
    drafts: list[MeetingDraft] = []
    scenes: list[tuple[int, Location, DateRange | None]] = []
    anchors: list[tuple[int, DateRange]] = []
    media = voc.media
    clock = 0
    for sent in sentences:
        lo = bisect.bisect_left(starts, sent.start)
        hi = bisect.bisect_left(starts, sent.end)
        toks = tokens[lo:hi]
        if not toks:
            continue
        m_lo = bisect.bisect_left([m.start for m in found.mentions], sent.start)
        m_hi = bisect.bisect_left([m.start for m in found.mentions], sent.end)
        ctx = _Ctx(
            text,
            toks,
            found.mentions[m_lo:m_hi],
            [p for p in found.places if sent.start <= p.start < sent.end],
            actors,
            voc,
            published,
            parser,
            found.home,
            found.guessed,
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
        for i, j, reading in found_here:
            # each date and length goes to the trigger nearest to it
            mine = [e for e in exprs if _nearest(centres, e.start) == toks[i].start]
            lengths = [d for d in durations if _nearest(centres, d.start) == toks[i].start]
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
    visiting = [
        m.actor
        for m in ctx.mentions
        if m.start > toks[a].start
        and any(
            t.lower in _VISITING and t.end <= m.start and m.start - t.end <= 30 for t in toks[a:b]
        )
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
                        trigger=words,
                        explicit_status=True,
                        touched=clock,
                    )
                )
                return len(drafts) - 1
            d.touched = clock
            _absorb(d, sent.index, date, location, duration, tone, ctx)
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
        trigger=words,
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


def _attendees(ctx: _Ctx, j: int, b: int) -> list[str]:
    """People after "attended by" following a trigger: "The meeting was attended by A, B and C"."""
    toks = ctx.toks
    for p in range(j, min(b, j + 4)):
        if toks[p].lower == "attended" and p + 1 < len(toks) and toks[p + 1].lower == "by":
            after = _mentions_between(ctx, toks[p + 1].end, toks[b - 1].end)
            people = [m for m in after if ctx.actors[m.actor].kind is ActorKind.PERSON]
            return list(dict.fromkeys(m.actor for m in people))
    return []


def _sentence_people(ctx: _Ctx) -> list[str]:
    """The named people of the sentence, when they come from at least two countries."""
    people = list(
        dict.fromkeys(
            m.actor
            for m in ctx.mentions
            if ctx.actors[m.actor].kind is ActorKind.PERSON and ctx.actors[m.actor].name
        )
    )
    countries = {ctx.actors[p].country for p in people}
    if 2 <= len(people) <= 4 and len(countries) == len(people) and None not in countries:
        return people
    return []


def _dateline_host(ctx: _Ctx, visitor: str) -> str | None:
    """The state of the dateline's country, for a visitor from elsewhere."""
    home = ctx.home
    if home is None or ctx.actors[visitor].country in (None, home):
        return None
    return _state_actor(ctx, home)


_REPORTING = regex.compile(
    r"(?:said|says|told[ ]reporters|told[ ]\p{Lu}\p{L}*+|reported|announced|added|stated)[ ]*+$"
)


def _of_reporting(text: str, start: int) -> bool:
    """Whether a date is the day of the reporting: "newspapers said on Thursday"."""
    return _REPORTING.search(text[max(0, start - 24) : start]) is not None


def _across_clause(text: str, a: int, b: int) -> bool:
    """Whether another clause opens between offsets ``a`` and ``b``."""
    between = text[min(a, b) : max(a, b)]
    return any(w in between for w in _OTHER_CLAUSE)


def _nearest(centres: list[int], offset: int) -> int:
    return min(centres, key=lambda c: (abs(c - offset), c))


def _tok_index(toks: Sequence[Token], offset: int) -> int:
    return bisect.bisect_left([t.start for t in toks], offset)


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


def _antecedent(
    drafts: list[MeetingDraft], section: str, parts: list[str], sent: int
) -> int | None:
    for idx in _recent(drafts):
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


def _covers(big: list[str], small: list[str], actors: Mapping[str, Actor]) -> bool:
    """Whether every participant of ``small`` is in ``big``, a state standing for its people."""
    for p in small:
        if p in big:
            continue
        ap = actors[p]
        loose = ap.kind is not ActorKind.PERSON or not ap.name
        if not any(
            actors[q].country == ap.country
            and ap.country is not None
            and (actors[q].kind is ActorKind.STATE or (loose and not actors[q].name))
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
        and undated.status is MeetingStatus.HELD
        and (published - dated.end).days > 31
    ):
        return False
    modes = {old.mode, new.mode}
    if (
        len(modes) == 2
        and MeetingMode.UNSPECIFIED not in modes
        and old.explicit_mode
        and new.explicit_mode
    ):
        return False
    if MeetingMode.PHONE in modes and len(modes) == 2 and (old.location or new.location):
        return False
    if (old.mode is MeetingMode.MULTILATERAL) != (new.mode is MeetingMode.MULTILATERAL) and (
        old.explicit_mode and new.explicit_mode
    ):
        return False
    # a plan and its postponement are one encounter; other stated statuses differ
    statuses = {old.status, new.status}
    return (
        len(statuses) == 1
        or not (old.explicit_status and new.explicit_status)
        or statuses == {MeetingStatus.PLANNED, MeetingStatus.CANCELLED}
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
            if actors[q].kind is ActorKind.STATE and actors[q].country == ap.country
        ]
        if same and ap.kind is not ActorKind.STATE:
            old.participants[old.participants.index(same[0])] = p
            if old.host == same[0]:
                old.host = p
        elif not any(actors[q].country == ap.country for q in old.participants) or (
            ap.kind is ActorKind.PERSON and ap.name
        ):
            old.participants.append(p)
    if old.mode is MeetingMode.UNSPECIFIED or (new.explicit_mode and not old.explicit_mode):
        old.mode, old.explicit_mode = new.mode, new.explicit_mode
    if old.host is None:
        old.host = new.host
    if (not old.explicit_status and new.explicit_status) or new.status is MeetingStatus.CANCELLED:
        old.status, old.explicit_status = new.status, True
    if old.date is None or (
        new.date is not None and new.date.end - new.date.start < old.date.end - old.date.start
    ):
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
            actors[p].kind is ActorKind.ORGANIZATION and not actors[p].country
            for p in d.participants
        )
        if len(countries) == 1 and None not in countries and not intl:
            continue
        out.append(d)
    return out
