"""The actors stage: people, states, organisations and groups, one Actor each.

The stage reads each sentence's tokens once and cuts them into items — a
gazetteer phrase (a country's name or adjective, a capital, a place, an
organisation), a title ("Deputy Foreign Minister"), an honorific ("Mr."), a
run of capitalised words (a possible name) or a plain word. Patterns over
those items make mentions:

- title + name ("Chinese President Xi Jinping"), honorific + name
  ("Mr. Sullivan"), name + appositive title ("Jake Sullivan, the national
  security adviser"), name + "of" + country ("Paul Kagame of Rwanda"),
  given name + surname ("Sam Fossum");
- descriptions ("the president", "the Chinese leader", "her Chinese
  counterpart", "a senior administration official", "Chinese officials");
- states by name, adjective + "government", demonym or metonym ("Beijing
  said", "the Kremlin"); organisations by name.

Mentions are then merged: surnames and descriptions go to the person they
refer to, and each person's country comes from the article's own words
before any bundled knowledge.

The stage's parts, one module each: :mod:`diplotext._lexicon` (the
gazetteer compiled into phrase tables), :mod:`diplotext._items` (a
sentence's tokens cut into items), :mod:`diplotext._mentions` (the patterns
that make raw mentions). This module holds the stage's entry point and
results, the dateline, and the merging of raw mentions into actors.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

import attrs
import regex

from ._gazetteer import Gazetteer, Person
from ._items import _item_starts
from ._lexicon import _gaz_kind, _Lexicon, lexicon
from ._mentions import PlaceMention, _Raw, _sentence_raws
from ._model import _ORGANIZATION, _PERSON, _STATE, Actor, ActorKind, Span
from ._text import Sentence
from ._tokens import Token, Tokens, tokenize, tokens_of

__all__ = ["ActorResult", "Mention", "PlaceMention", "find_actor_mentions"]


class Mention(NamedTuple):
    """One stretch of text that refers to an actor.

    A named tuple rather than a frozen record, as :class:`PlaceMention`: an
    article has many.

    Attributes:
        start: Offset of the mention.
        end: Offset just past it.
        actor: The id of the actor it refers to.
        form: How it refers: "name", "surname", "description", "state",
            "metonym", "organization", "unnamed" or "group".
    """

    start: int
    end: int
    actor: str
    form: str


@attrs.frozen
class ActorResult:
    """What the actors stage found.

    Attributes:
        actors: The actors, ids "A1", "A2", ... in order of first mention.
        mentions: Every mention, in text order.
        places: Every place name, in text order.
        tokens: The article's tokens, stored compactly (shared with the later stages).
        home: The country of the article's dateline, if any.
        dateline: The dateline's place, if any.
        dateline_end: Offset just past the dateline ("WASHINGTON, March 31 -"), or 0.
        guessed: Ids of the actors whose country is only the dateline's guess.
    """

    actors: tuple[Actor, ...]
    mentions: tuple[Mention, ...]
    places: tuple[PlaceMention, ...]
    tokens: Tokens
    home: str | None
    dateline: PlaceMention | None = None
    dateline_end: int = 0
    guessed: frozenset[str] = frozenset()


# --------------------------------------------------------------------------
# The dateline, and former states' seats.


# A dateline by its shape, for places the gazetteer does not know:
# "SANTA BARBARA, April 13 -", "KYIV (AP) —" at the start of a line.
_DATELINE_SHAPE = regex.compile(
    r"""
    (?m)^[ \t]*+
    \p{Lu}[\p{Lu}.'’-]*+(?:[ ]\p{Lu}[\p{Lu}.'’-]*+){0,4}+  # the place, in capitals
    (?:,[ ]\p{Lu}[\p{L}.]{2,9}+[ ]\d{1,2})?+  # ", April 13"
    (?:[ ]\([\p{L} ]{1,20}\))?+           # " (AP)"
    [ ]?[-—–_]                             # the dash
    """,
    regex.VERBOSE,
)


def _dateline_shape_end(text: str) -> int:
    """Offset just past a dateline found by its shape in the first lines, or 0."""
    m = _DATELINE_SHAPE.search(text, 0, min(len(text), 400))
    return m.end() if m else 0


def _dateline(text: str, toks: Tokens, lex: _Lexicon) -> tuple[PlaceMention, int] | None:
    """The country of a dateline: "WASHINGTON, March 31 -", "BONN 1996-08-22", "Washington\\nCNN".

    A dateline is a place at the start of one of the first lines, followed
    by a comma, a dash, a parenthesis, a date or the line's end.
    """
    line_starts = [0]
    pos = 0
    while len(line_starts) < 4:
        nl = text.find("\n", pos, 400)
        if nl < 0:
            break
        pos = nl + 1
        if text[pos : pos + 1].strip():
            line_starts.append(pos)
    starts = toks.starts
    n = len(toks)
    for offset in line_starts:
        i = bisect.bisect_left(starts, offset)
        if i >= n or starts[i] > offset + 4 or not toks.is_word(i):
            continue
        probe = [toks[q] for q in range(i, min(i + 4, n))]
        probe = [
            Token(x.start, x.end, x.text.title(), x.lower, x.is_cap, x.is_word)
            if x.text.isupper() and len(x.text) > 1
            else x
            for x in probe
        ]
        k, vals = lex.proper.match(probe, 0)
        if not k:
            continue
        hit = _gaz_kind(vals, ("capital", "place"))
        if hit is None:
            continue
        after = text[probe[k - 1].end : probe[k - 1].end + 3]
        if (
            after[:1] in (",", "(", "-", "—", "–", "\n")
            or after.strip()[:1].isdigit()
            or after.startswith((" -", " —", " –", " ("))
        ):
            s, e = probe[0].start, probe[k - 1].end
            # the dateline runs to its dash or line end: "WASHINGTON, March 31 -"
            stop = e
            for q in range(i + k, min(i + k + 12, n)):
                m = toks[q]
                if m.text in ("-", "—", "–") or "\n" in text[stop : m.start]:
                    stop = m.end if m.text in ("-", "—", "–") else stop
                    break
                stop = m.end
            return PlaceMention(s, e, text[s:e], str(hit[1]), "dateline"), stop
    return None


def _former_seats(lex: _Lexicon, published: dt.date | None) -> dict[str, str]:
    """Successor -> former state, for former states that still stood at ``published``."""
    if published is None:
        return {}
    return {seat: code for seat, (code, until) in lex.former.items() if published <= until}


def _date_seats(
    text: str, raws: list[_Raw], places: list[PlaceMention], former: Mapping[str, str]
) -> None:
    """In 1987, "the Kremlin" and "Moscow" speak for the Soviet Union, not Russia.

    Names of the successor state itself ("Russia") keep their country.
    """
    for raw in raws:
        if raw.country is not None and raw.form not in ("state", "place"):
            raw.country = former.get(raw.country, raw.country)
    for n, p in enumerate(places):
        if p.country is not None and p.country in former and p.kind != "country":
            places[n] = p._replace(country=former[p.country])


def find_actor_mentions(
    text: str,
    sentences: Sequence[Sentence],
    gazetteer: Gazetteer,
    published: dt.date | None = None,
) -> ActorResult:
    """Find every actor of ``text`` and every mention of it."""
    lex = lexicon(gazetteer)
    tokens = tokens_of(text)
    starts = tokens.starts
    raws: list[_Raw] = []
    places: list[PlaceMention] = []
    pending: list[_Raw] = []
    # the tokens that may start an item other than a plain word, decided once
    # per distinct token text: a sentence of plain words only says nothing
    hits = tokens.flagged(_item_starts(lex, tokens.distinct_forms()), 0, len(tokens))
    n_hits = len(hits)
    for sent in sentences:
        a = bisect.bisect_left(starts, sent.start)
        b = bisect.bisect_left(starts, sent.end)
        at_a = bisect.bisect_left(hits, a)
        if at_a == n_hits or hits[at_a] >= b:
            continue  # plain words only
        if not tokens.any_lower(a, b):
            continue  # an all-capitals headline: no reliable names, titles or case
        for lo, hi in _pieces(tokens, a, b) if b - a > _LONG else ((a, b),):
            first = bisect.bisect_left(hits, lo)
            last = bisect.bisect_left(hits, hi, first)
            if first < last:
                at = [k - lo for k in hits[first:last]]
                toks = tokens.between(lo, hi)
                _sentence_raws(text, toks, lex, raws, places, pending, at)
    dateline = _dateline(text, tokens, lex)
    former = _former_seats(lex, published)
    if former:
        _date_seats(text, raws, places, former)
        if dateline is not None:
            line = dateline[0]
            if line.country is not None:
                line = line._replace(country=former.get(line.country, line.country))
            dateline = (line, dateline[1])
    home = dateline[0].country if dateline else None
    actors, mentions, guessed = _merge(text, raws, pending, lex, home, published)
    return ActorResult(
        actors,
        mentions,
        tuple(places),
        tokens,
        home,
        dateline[0] if dateline else None,
        dateline[1] if dateline else _dateline_shape_end(text),
        guessed,
    )


# A sentence of more tokens than this is read in pieces (see _pieces).
_LONG = 2000
# Tokens kept on either side of a cut: more than any pattern looks across
# punctuation (the longest phrase, four items back for a country, thirty
# for a list's title).
_MARGIN = 64


def _pieces(tokens: Tokens, a: int, b: int) -> list[tuple[int, int]]:
    """Tokens ``a`` to ``b`` of one long sentence, cut inside long runs of punctuation.

    No pattern of the stage reaches over more than ``_MARGIN`` tokens that
    are not words, so a run of punctuation longer than twice that can lose
    its middle: each piece keeps ``_MARGIN`` tokens of it, and reads as the
    whole sentence would. A sentence of "((((‘“...Biden...”’))))" costs
    then no more than its words.
    """
    out: list[tuple[int, int]] = []
    lo = a
    run = a  # where the current run of non-words began
    for k in range(a, b + 1):
        if k < b and not tokens.is_word(k):
            continue
        if k - run > 2 * _MARGIN:
            if run + _MARGIN > lo:
                out.append((lo, run + _MARGIN))
            lo = k - _MARGIN
        run = k + 1
    if b > lo:
        out.append((lo, b))
    return out


# --------------------------------------------------------------------------
# Merging raw mentions into actors.


_GOV_RANKS = frozenset(
    {"head_of_state", "head_of_government", "minister", "diplomat", "official", "military"}
)
_LEADER_RANKS = frozenset({"head_of_state", "head_of_government"})
_CIVIL_RANKS = _GOV_RANKS - {"military"}


@attrs.define
class _Entity:
    kind: ActorKind
    name: str | None
    title: str | None
    rank: str | None
    country: str | None
    explicit: bool
    key: tuple[Any, ...]
    spans: list[tuple[int, int, str]] = attrs.field(factory=list)
    possessor: int | None = None
    guessed: bool = False  # the country is only the dateline's


def _merge(
    text: str,
    raws: list[_Raw],
    pending: list[_Raw],
    lex: _Lexicon,
    home: str | None,
    published: dt.date | None,
) -> tuple[tuple[Actor, ...], tuple[Mention, ...], frozenset[str]]:
    entities: list[_Entity] = []
    by_key: dict[tuple[Any, ...], int] = {}

    def add(raw: _Raw, key: tuple[Any, ...], name: str | None) -> int:
        idx = by_key.get(key)
        if idx is None:
            idx = len(entities)
            by_key[key] = idx
            entities.append(
                _Entity(raw.kind, name, raw.title, raw.rank, raw.country, raw.country_explicit, key)
            )
        ent = entities[idx]
        if ent.title is None and raw.title is not None:
            ent.title, ent.rank = raw.title, raw.rank
        if raw.country_explicit and not ent.explicit:
            ent.country, ent.explicit = raw.country, True
        if raw.possessor is not None and ent.possessor is None:
            ent.possessor = raw.possessor
        ent.spans.append((raw.start, raw.end, raw.form))
        raw.entity = idx
        return idx

    # 1. full names, longest first, so that "Xi" joins "Xi Jinping"
    persons = _Persons()
    named = [r for r in raws if r.kind is _PERSON and r.form == "name" and r.name]
    for raw in sorted(named, key=lambda r: -len(r.name.split())):  # type: ignore[union-attr]
        words = set(raw.name.split())  # type: ignore[union-attr]
        target = persons.find(words, lex)
        if target is not None:
            add(raw, entities[target].key, None)
            continue
        idx = add(raw, ("person", raw.name), raw.name)
        persons.add(tuple(raw.name.split()), idx)  # type: ignore[union-attr]
    # 2. surnames and honorific forms ("Biden", "Mr. Xi") to the person they name
    for raw in sorted(pending, key=lambda r: r.start):
        words = set(raw.name.split())  # type: ignore[union-attr]
        target = persons.find(words, lex)
        aliased = lex.people.get(raw.name) if target is None and raw.name else None
        if aliased:
            # "Saddam" for the "Saddam Hussein" of the text, by the bundled alias
            fulls = {p.name for p in aliased}
            target = next(
                (by_key[("person", f)] for f in sorted(fulls) if ("person", f) in by_key), None
            )
        if target is not None:
            add(raw, entities[target].key, None)
        elif raw.name and (
            text[raw.start : raw.start + 2].lower() in ("mr", "ms", "dr") or raw.name in lex.people
        ):
            idx = add(raw, ("person", raw.name), raw.name)
            persons.add(tuple(raw.name.split()), idx)
    _join_halves(entities, raws, lex)
    # 3. states, organisations
    for raw in raws:
        if raw.kind is _STATE:
            add(raw, ("state", raw.country), lex.country_names.get(raw.country or "", raw.country))
        elif raw.kind is _ORGANIZATION:
            add(
                raw,
                ("org", raw.name, raw.country if raw.org is None or raw.org.generic else None),
                raw.name,
            )
    # bundled knowledge, where the article's words give no country
    for ent in entities:
        if ent.kind is _PERSON and not ent.explicit:
            known = _known(ent.name, lex, published)
            if known is not None:
                ent.country = known.country
                if ent.title is None and known.title:
                    ent.title, ent.rank = known.title, _rank_of(known.title, lex)
    # 4. descriptions, unnamed officials and groups, in text order
    person_spans = sorted(
        (span[0], idx)
        for idx, e in enumerate(entities)
        if e.kind is _PERSON and e.name
        for span in e.spans
    )
    described = [r for r in raws if r.form in ("description", "unnamed", "group")]
    for raw in sorted(described, key=lambda r: r.start):
        if raw.entity >= 0:
            continue
        if raw.kind is _PERSON and raw.form == "description" and raw.definite:
            target = _described(raw, entities, person_spans)
            if target is not None:
                add(raw, entities[target].key, None)
                continue
        country = raw.country
        if country is None and raw.rank == "official" and home:
            country = home
            raw.country = home
        if country is None:
            continue
        title = (raw.title or "").lower() or None
        raw.title = title
        add(raw, ("unnamed", raw.kind, title, country), None)

    # countries: possessor's ("Biden's adviser"), then bundled knowledge, then
    # the dateline's for officials
    for ent in entities:
        if ent.kind is not _PERSON or ent.explicit:
            continue
        if _known(ent.name, lex, published) is not None:
            continue
        if ent.possessor is not None:
            owner = raws[ent.possessor].entity
            if owner >= 0 and entities[owner].country:
                ent.country = entities[owner].country
                continue
        if ent.country is None and ent.rank in _CIVIL_RANKS and home:
            ent.country, ent.guessed = home, True

    live = [i for i, e in enumerate(entities) if e.spans]
    order = sorted(live, key=lambda i: min(entities[i].spans)[0])
    actors: list[Actor] = []
    mentions: list[Mention] = []
    guessed_ids: list[str] = []
    for n, idx in enumerate(order, 1):
        ent = entities[idx]
        aid = f"A{n}"
        spans = ent.spans if len(ent.spans) == 1 else _dedupe(sorted(set(ent.spans)))
        actors.append(
            Actor(
                id=aid,
                kind=ent.kind,
                name=ent.name,
                title=ent.title,
                country=ent.country,
                mentions=tuple([Span(s, e, text[s:e]) for s, e, _f in spans]),
            )
        )
        mentions.extend([Mention(s, e, aid, f) for s, e, f in spans])
        if ent.guessed:
            guessed_ids.append(aid)
    mentions.sort(key=lambda m: (m.start, -m.end))
    guessed = frozenset(guessed_ids)
    return tuple(actors), tuple(mentions), guessed


def _join_halves(entities: list[_Entity], raws: list[_Raw], lex: _Lexicon) -> None:
    """Join "national security adviser Jake" and "Mr. Sullivan" when both halves
    belong to one known name (bundled "Jake Sullivan"), and to no other."""
    halves: dict[str, list[int]] = {}
    for idx, ent in enumerate(entities):
        if ent.kind is not _PERSON or not ent.name or " " in ent.name:
            continue
        fulls = {p.name for p in lex.people_by_word.get(ent.name, ())}
        if len(fulls) == 1:
            halves.setdefault(fulls.pop(), []).append(idx)
    for full, idxs in halves.items():
        if len(idxs) < 2 or len({entities[i].name for i in idxs}) < 2:
            continue
        keep, *rest = idxs
        target = entities[keep]
        target.name = full
        for i in rest:
            other = entities[i]
            target.spans.extend(other.spans)
            other.spans = []
            if target.title is None:
                target.title, target.rank = other.title, other.rank
            if not target.explicit and other.explicit:
                target.country, target.explicit = other.country, True
        for raw in raws:
            if raw.entity in rest:
                raw.entity = keep


def _rank_of(title: str, lex: _Lexicon) -> str:
    toks = tokenize(title)
    for i in range(len(toks)):
        k, vals = lex.heads.match(toks, i)
        if k and i + k == len(toks):
            return vals[0][1]
    return "official"


def _known(name: str | None, lex: _Lexicon, published: dt.date | None) -> Person | None:
    """The bundled person of this name, preferring one in office at ``published``."""
    if not name:
        return None
    found = lex.people.get(name, ())
    if not found:
        return None
    if published is not None:
        for p in found:
            if (p.valid_from is None or p.valid_from <= published) and (
                p.valid_to is None or published <= p.valid_to
            ):
                return p
    countries = {p.country for p in found}
    return found[0] if len(countries) == 1 else None


def _dedupe(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for s, e, f in spans:
        if out and out[-1][0] == s and out[-1][1] == e:
            continue
        out.append((s, e, f))
    return out


class _Persons:
    """The full names met so far, with their entities, found by any of their words."""

    __slots__ = ("_all", "_by_word")

    def __init__(self) -> None:
        self._all: list[tuple[tuple[str, ...], int]] = []
        self._by_word: dict[str, list[tuple[tuple[str, ...], int]]] = {}

    def add(self, words: tuple[str, ...], idx: int) -> None:
        """A full name (its words) of entity ``idx``."""
        entry = (words, idx)
        self._all.append(entry)
        for w in dict.fromkeys(words):
            self._by_word.setdefault(w, []).append(entry)

    def find(self, words: set[str], lex: _Lexicon) -> int | None:
        """The one entity whose full name contains all of ``words`` (by surname rules).

        Only the names holding one of the words are read, so the look-up
        costs the few names that share a word, not all the names so far.
        """
        found = self._by_word.get(next(iter(words)), []) if words else self._all
        hits = [idx for pw, idx in found if words <= set(pw) and _surname_ok(words, pw, lex)]
        if len(hits) == 1:
            return hits[0]
        return None


def _surname_ok(words: set[str], full: tuple[str, ...], lex: _Lexicon) -> bool:
    """Whether a partial name is a fair reference: a surname, not a lone given name ("Joe")."""
    if len(words) > 1 or words == set(full):
        return True
    (word,) = words
    rest = set(full) - words
    if rest and all(w.rstrip(".") in _REGNAL for w in rest):
        return True  # "Abdullah" for "Abdullah II"
    if word == full[-1]:
        return True  # "Abbas" for "Mahmud Abbas", though Abbas is a given name too
    if word == full[0]:
        return word in lex.family_first or word not in lex.given  # "Xi", not "Joe"
    return word not in lex.given


_REGNAL = frozenset(
    ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "Jr", "Sr"]
)


# How many person mentions before (and after) a description are searched.
_LOOKBACK = 60


def _described(
    raw: _Raw, entities: list[_Entity], person_spans: list[tuple[int, int]]
) -> int | None:
    """The named person a definite description refers to ("the president", "the Chinese leader")."""
    title = (raw.title or "").lower()
    head = title.split()[-1] if title else ""
    if head in ("counterpart", "counterparts"):
        return None

    def fits(ent: _Entity) -> bool:
        if ent.kind is not _PERSON or not ent.name:
            return False
        if raw.country and ent.country and raw.country != ent.country:
            return False
        et = (ent.title or "").lower()
        if ("former" in title.split()) != ("former" in et.split()):
            return False
        if not et:
            # "the Palestinian leader" for a leader whose title the text never gave
            return (
                bool(raw.country)
                and raw.country == ent.country
                and raw.rank in _LEADER_RANKS | {"official"}
            )
        if head == "leader":
            return ent.rank in _LEADER_RANKS or et.endswith("leader")
        return bool(et) and (
            et in (title, head)
            or et.endswith(" " + head)
            or title.endswith(et)
            or (title == head and head in et.split())  # "the secretary": Secretary of State
        )

    # the nearest fitting person before the description, else the first after it,
    # among the few mentions around it (a reader looks back only so far)
    at = bisect.bisect_left(person_spans, (raw.start, -1))
    for start, idx in reversed(person_spans[max(0, at - _LOOKBACK) : at]):
        if start < raw.start and fits(entities[idx]):
            return idx
    for start, idx in person_spans[at : at + _LOOKBACK]:
        if start > raw.start and fits(entities[idx]):
            return idx
    return None
