"""The actors stage's lexicon: the gazetteer compiled into phrase tables.

Country names, adjectives, demonyms, capitals and seats, places and
organisations go into one table of proper phrases; titles into tables of
heads, portfolios and modifiers; bundled people are kept by full name and by
each word of their names. :func:`lexicon` builds it once per gazetteer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from ._gazetteer import Gazetteer, Person
from ._tokens import PhraseTable, tokenize_phrase

__all__ = ["lexicon"]

# Honorifics, lower-cased: "Mr." before a name.
_HONORIFICS = frozenset(
    ["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "madam", "sir", "dame", "lord"]
)


@attrs.frozen
class _Lexicon:
    proper: PhraseTable[tuple[str, Any]]
    heads: PhraseTable[tuple[str, str]]
    portfolios: PhraseTable[str]
    modifiers: PhraseTable[str]
    abbreviations: Mapping[str, tuple[str, str]]
    unnamed: PhraseTable[str]
    unnamed_firsts: frozenset[str]  # first words of unnamed officials, lower-cased
    given: frozenset[str]
    family_first: frozenset[str]
    country_names: Mapping[str, str]
    people: Mapping[str, tuple[Person, ...]]
    people_by_word: Mapping[str, tuple[Person, ...]]
    compound_parts: Mapping[str, str]
    former: Mapping[str, tuple[str, dt.date]]
    title_words: frozenset[str]  # first words of heads, portfolios and modifiers, lower-cased
    head_words: frozenset[str]  # first words of heads, lower-cased
    # What may follow the first word of a title that is not a head's:
    # the first words of titles, and the second words of all their phrases
    title_follows: frozenset[str]
    # Tokens that may start an item other than a plain word, or an unnamed
    # official: by lower case (honorifics, titles, unnamed officials) and by
    # text (gazetteer phrases, abbreviated titles). Capitalised words are
    # judged by :func:`diplotext._items._item_starts`.
    start_lowers: frozenset[str]
    start_texts: frozenset[str]


def _build_lexicon(g: Gazetteer) -> _Lexicon:
    proper: list[tuple[str, tuple[str, Any]]] = []
    country_names: dict[str, str] = {}
    for c in g.countries:
        country_names[c.code] = c.name
        for n in (c.name, *c.aliases):
            proper.append((n.removeprefix("the "), ("state", c.code)))
        for a in c.adjectives:
            proper.append((a, ("adj", c.code)))
        for d in c.demonyms:
            proper.append((d, ("demonym", c.code)))
        if c.capital:
            proper.append((c.capital, ("capital", c.code)))
        for s in c.seats:
            proper.append((s.removeprefix("the "), ("seat", c.code)))
    for p in g.places:
        proper.append((p.name, ("place", p.country)))
    for o in g.organizations:
        for n in (o.name, *o.aliases):
            proper.append((n, ("org", o)))
    people: dict[str, list[Person]] = {}
    for person in g.people:
        for n in (person.name, *person.aliases):
            people.setdefault(n, []).append(person)

    titles = g.titles
    heads: list[tuple[str, tuple[str, str]]] = []
    for rank, words in titles.get("heads", {}).items():
        for w in words:
            heads.append((w, (w, rank)))
            if " of " not in w and not w.endswith("s"):
                plural = w[:-1] + "ies" if w.endswith("y") and w[-2:-1] not in "aeiou" else w + "s"
                heads.append((plural, (plural, rank)))
    abbreviations = {}
    for abbr, full in titles.get("abbreviations", {}).items():
        rank = next((r for r, ws in titles.get("heads", {}).items() if full in ws), "official")
        abbreviations[abbr] = (full, rank)
    unnamed = titles.get("unnamed", {})
    head_table = PhraseTable(heads, fold=True)
    portfolios = PhraseTable(
        ((w, w) for w in titles.get("portfolios", {}).get("words", ())), fold=True
    )
    modifiers = PhraseTable(
        ((w, w) for w in titles.get("modifiers", {}).get("words", ())), fold=True
    )
    proper_table = PhraseTable(proper)
    title_words = head_table.firsts | portfolios.firsts | modifiers.firsts
    seconds = {
        key[1]
        for w in (
            *(h for h, _v in heads),
            *titles.get("portfolios", {}).get("words", ()),
            *titles.get("modifiers", {}).get("words", ()),
        )
        if len(key := tokenize_phrase(w.lower())) > 1
    }
    unnamed_table = PhraseTable(
        [(w, "person") for w in unnamed.get("person", ())]
        + [(w, "group") for w in unnamed.get("group", ())],
        fold=True,
    )
    return _Lexicon(
        proper=proper_table,
        heads=head_table,
        portfolios=portfolios,
        modifiers=modifiers,
        title_words=title_words,
        head_words=head_table.firsts,
        title_follows=title_words | seconds,
        start_lowers=_HONORIFICS | title_words | unnamed_table.firsts,
        start_texts=proper_table.firsts | frozenset(abbreviations),
        abbreviations=abbreviations,
        unnamed=unnamed_table,
        unnamed_firsts=unnamed_table.firsts,
        given=frozenset(g.names.get("given", ())),
        family_first=frozenset(g.names.get("family_first", ())),
        country_names=country_names,
        people={k: tuple(v) for k, v in people.items()},
        people_by_word=_by_word(g.people),
        former={c.seat_of: (c.code, c.until) for c in g.countries if c.seat_of and c.until},
        compound_parts={
            w: c.code
            for c in g.countries
            for w in (*c.combining, *c.adjectives, c.name)
            if " " not in w and "." not in w
        },
    )


def _by_word(people: Sequence[Person]) -> Mapping[str, tuple[Person, ...]]:
    """Known people by each word of their full names ("Sullivan" -> Jake Sullivan)."""
    out: dict[str, list[Person]] = {}
    for p in people:
        words = p.name.split()
        if len(words) > 1:
            for w in words:
                out.setdefault(w, []).append(p)
    return {k: tuple(v) for k, v in out.items()}


def lexicon(g: Gazetteer) -> _Lexicon:
    """The compiled lexicon of a gazetteer (built once per gazetteer)."""
    return g.cached("actors.lexicon", _build_lexicon)


def _gaz_kind(vals: tuple[tuple[str, Any], ...], kinds: tuple[str, ...]) -> tuple[str, Any] | None:
    for v in vals:
        if v[0] in kinds:
            return v
    return None
