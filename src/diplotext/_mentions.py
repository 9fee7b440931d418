"""Raw mentions: what one sentence's items say about actors and places.

Patterns over the items of :mod:`diplotext._items` make raw mentions:
title + name ("Chinese President Xi Jinping"), honorific + name, name +
appositive title, name + "of" + country, descriptions ("the Chinese
leader"), unnamed officials and groups ("Chinese officials"), states,
metonyms ("Beijing said") and organisations; each place name becomes a
:class:`PlaceMention`. Merging raw mentions into actors is the job of
:mod:`diplotext._actors`.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import NamedTuple

import attrs

from ._gazetteer import Organization
from ._items import _PARTICLES, _Item, _items, _joined
from ._lexicon import _gaz_kind, _Lexicon
from ._model import _GROUP, _ORGANIZATION, _PERSON, _STATE, ActorKind
from ._tokens import Token

__all__ = ["PlaceMention"]


class PlaceMention(NamedTuple):
    """A place named in the text, with its country.

    A named tuple rather than a frozen record: the stage makes one for every
    place named, and a named tuple is made in half the time.

    Attributes:
        start: Offset of the name.
        end: Offset just past it.
        name: The name as written.
        country: ISO alpha-3 code, or ``None``.
        kind: "place", "capital", "seat", "country", "venue" (a government seat
            named as where talks are held) or "dateline".
    """

    start: int
    end: int
    name: str
    country: str | None
    kind: str


_DETERMINERS = frozenset(
    """
    the a an his her its their our your this that these those one two three four five six
    several some many both other another
    """.split()
)
_DEFINITE = frozenset(
    ["the", "his", "her", "its", "their", "our", "your", "this", "that", "these", "those"]
)
_LOCATIVE = frozenset(
    """
    in at near from inside outside across around throughout within into to via toward
    towards visit visited visiting visits arrived arrives arriving reached leaving left
    """.split()
)
_SPEECH = frozenset(
    """
    said says told added stated wrote explained noted stressed warned argued insisted
    declared announced replied urged asked
    """.split()
)
_STATE_NOUNS = frozenset(
    """
    government governments side administration authorities leadership regime state cabinet
    delegation
    """.split()
)


_PAIRED = frozenset("leaders presidents sides men ministers delegations governments".split())


@attrs.define
class _Raw:
    start: int
    end: int
    kind: ActorKind
    form: str  # name, surname, description, unnamed, group, state, metonym, organization
    name: str | None = None
    title: str | None = None
    rank: str | None = None
    country: str | None = None
    country_explicit: bool = False
    possessor: int | None = None  # index of the raw mention whose country this one takes
    definite: bool = False
    org: Organization | None = None
    entity: int = -1  # filled by merging


def _country_before(
    items: list[_Item], k: int, toks: Sequence[Token], raws: list[_Raw]
) -> tuple[str | None, str | None, int | None, int]:
    """Country words just before item ``k``.

    Returns ``(country, organisation prefix, possessor raw, first item)``.

    Reads back over "Chinese", "China's", "U.S.", an organisation
    ("State Department"), a person's possessive ("Biden's"), "former".
    """
    country: str | None = None
    prefix: str | None = None
    possessor: int | None = None
    first = k
    m = k - 1
    steps = 0
    while m >= 0 and steps < 4:
        it = items[m]
        steps += 1
        if it.kind == "gaz":
            adj = _gaz_kind(it.data, ("adj", "state", "seat", "capital"))
            org = _gaz_kind(it.data, ("org",))
            if adj is not None and country is None:
                country = adj[1]
                first = m
                m -= 1
                continue
            if org is not None:
                o: Organization = org[1]
                prefix = prefix or _joined(toks, it.i, it.j)
                if country is None and o.country:
                    country = o.country
                first = m
                m -= 1
                continue
            break
        if it.kind == "word" and toks[it.i].lower in ("'s", "’s") and m > 0:
            owner = items[m - 1]
            if owner.kind == "gaz":
                adj = _gaz_kind(owner.data, ("state", "adj", "capital", "seat", "demonym"))
                if adj is not None and country is None:
                    country = adj[1]
                first = m - 1
                m -= 2
                continue
            if owner.kind in ("name", "title"):
                start = toks[owner.i].start
                for ri in range(len(raws) - 1, -1, -1):
                    if raws[ri].start <= start < raws[ri].end and raws[ri].kind is _PERSON:
                        possessor = ri
                        break
                first = m - 1
            break
        if it.kind == "word" and toks[it.i].lower in (
            "former",
            "then",
            "acting",
            "new",
            "top",
            "senior",
        ):
            first = m
            m -= 1
            continue
        if it.kind == "word" and toks[it.i].text in ("-", "–"):
            m -= 1
            continue
        break
    return country, prefix, possessor, first


def _plural(title: str) -> bool:
    last = title.split()[-1].lower()
    return last.endswith("s") and not last.endswith(("ss", "us"))


def _singular(title: str) -> str:
    head, _, last = title.rpartition(" ")
    one = last[:-3] + "y" if last.lower().endswith("ies") else last[:-1]
    return f"{head} {one}" if head else one


def _share_title(
    items: list[_Item], k: int, toks: Sequence[Token], title: str, rank: str, raws: list[_Raw]
) -> None:
    """The names after the first of "Presidents Boris Yeltsin and Leonid Kuchma" get the title."""
    m = k + 1
    while (
        m + 1 < len(items)
        and toks[items[m].i].lower in ("and", ",")
        and items[m + 1].kind == "name"
    ):
        nm = items[m + 1]
        raws.append(
            _Raw(
                toks[nm.i].start,
                toks[nm.j - 1].end,
                _PERSON,
                "name",
                name=_joined(toks, nm.i, nm.j),
                title=title,
                rank=rank,
            )
        )
        m += 2


# Words between a name and its appositive title: "X, the", "X, who is a", "X, now the first".
_APPOSITIVE_GLUE = _DETERMINERS | {"who", "is", "was", "has", "been", "now", "first", "also"}


def _listed_title(
    items: list[_Item], k: int, toks: Sequence[Token], titles: list[int]
) -> tuple[str, str] | None:
    """The singular title of a list a name stands in: "five presidents, including A, B and C".

    ``titles`` are the indices of the sentence's title items, in order: the
    list's title is the last one before item ``k``, at most thirty items back
    and with no "." or ";" after it.
    """
    at = bisect.bisect_left(titles, k)
    if not at or k - titles[at - 1] > 30:
        return None
    m = titles[at - 1]
    if any(
        items[x].kind == "word" and toks[items[x].i].text in (".", ";") for x in range(m + 1, k)
    ):
        return None
    it = items[m]
    title, rank = it.data
    if not title.lower().endswith("s"):
        return None
    gap = " ".join([t.lower for t in toks[it.j : items[k].i]])
    if "including" in gap or ":" in gap or "namely" in gap:
        singular = title[:-1]
        return singular[:1].upper() + singular[1:], rank
    return None


def _country_after(items: list[_Item], k: int, toks: Sequence[Token]) -> str | None:
    """A country named by "of China" / "of the Republic of Congo" right after item ``k``."""
    if k + 1 < len(items) and items[k + 1].kind == "word" and toks[items[k + 1].i].lower == "of":
        q = k + 2
        if q < len(items) and items[q].kind == "word" and toks[items[q].i].lower == "the":
            q += 1
        if q < len(items) and items[q].kind == "gaz":
            # "of China", "of the Republic of Congo", "Representative X of Missouri"
            hit = _gaz_kind(items[q].data, ("state", "place"))
            if hit is not None:
                return str(hit[1])
    return None


def _adjective_before(items: list[_Item], k: int, toks: Sequence[Token]) -> str | None:
    """A country adjective a few plain words before a name: "visiting Russian
    ultra-nationalist Vladimir Zhirinovsky", "retired Tutsi major X"."""
    m = k - 1
    while m >= 0 and k - m <= 3:
        it = items[m]
        if it.kind == "gaz":
            hit = _gaz_kind(it.data, ("adj",))
            return str(hit[1]) if hit is not None else None
        word = toks[it.i].text
        if it.kind != "word" or not word.islower() or word in _NOT_EPITHETS:
            return None
        m -= 1
    return None


# Words that break the link between an adjective and a later name:
# "the Russian government and Putin", "Chinese officials said Wang ...".
_NOT_EPITHETS = frozenset(
    """
    and or but of to in on at for with by from said says told the a an that which who
    officials official government side
    """.split()
)


def _is_person_name(toks: Sequence[Token], it: _Item, lex: _Lexicon) -> bool:
    words = [t.text for t in toks[it.i : it.j] if t.lower not in _PARTICLES]
    if len(words) < 2:
        return False
    if words[0] in lex.given or words[0].rstrip(".") in lex.given:
        return True
    return words[0] in lex.family_first and len(words) <= 3


def _sentence_raws(
    text: str,
    toks: Sequence[Token],
    lex: _Lexicon,
    raws: list[_Raw],
    places: list[PlaceMention],
    pending: list[_Raw],
    starts: Sequence[int],
) -> None:
    """Append the raw mentions of one sentence's tokens.

    ``starts`` are the tokens that may start an item other than a plain word
    (see :func:`diplotext._items._item_starts`). The caller passes over an
    all-capitals headline, whose names, titles and case are not reliable.
    """
    items, hot = _items(toks, lex, starts)
    titles = [k for k in hot if items[k].kind == "title"]
    n_items = len(items)
    used: set[int] = set()
    unnamed = lex.unnamed
    # plain words say nothing by themselves: only the other items are read
    for k in hot:
        if k in used:
            continue
        it = items[k]
        if it.kind == "word":  # it starts an unnamed official: "officials"
            un_len, un_vals = unnamed.match(toks, it.i)
            if un_len:
                _unnamed(toks, items, k, it.i, un_len, un_vals[0], None, raws)
            continue
        s, e = toks[it.i].start, toks[it.j - 1].end
        nxt = items[k + 1] if k + 1 < n_items else None

        if it.kind == "title":
            title, rank = it.data
            if nxt is not None and nxt.kind == "name" and _plural(title):
                title = _singular(title)
                _share_title(items, k + 1, toks, title, rank, raws)
            country, _prefix, possessor, first = _country_before(items, k, toks, raws)
            if nxt is not None and nxt.kind == "name" and toks[nxt.i].start - e <= 1:
                end = toks[nxt.j - 1].end
                name = _joined(toks, nxt.i, nxt.j)
                after = _country_after(items, k + 1, toks)
                raws.append(
                    _Raw(
                        toks[items[first].i].start,
                        end,
                        _PERSON,
                        "name",
                        name=name,
                        title=title,
                        rank=rank,
                        country=country or after,
                        country_explicit=(country or after) is not None,
                        possessor=possessor,
                    )
                )
                used.add(k + 1)
                continue
            # "the national security adviser, Jake Sullivan" / "the special envoy to
            # Burundi, Howard Wolpe": the title's "to"-phrase may come first
            c = k + 1
            if (
                c + 1 < n_items
                and toks[items[c].i].lower in ("to", "for")
                and items[c + 1].kind == "gaz"
            ):
                c += 2
            if (
                c + 1 < n_items
                and items[c].kind == "word"
                and toks[items[c].i].text == ","
                and items[c + 1].kind == "name"
                and _is_person_name(toks, items[c + 1], lex)
            ):
                nm = items[c + 1]
                raws.append(
                    _Raw(
                        toks[items[first].i].start,
                        toks[nm.j - 1].end,
                        _PERSON,
                        "name",
                        name=_joined(toks, nm.i, nm.j),
                        title=title,
                        rank=rank,
                        country=country,
                        country_explicit=country is not None,
                        possessor=possessor,
                    )
                )
                used.add(c + 1)
                continue
            # a description: "the president", "her Chinese counterpart",
            # "the defense minister of China"
            det = (
                toks[items[first - 1].i].lower
                if first > 0 and items[first - 1].kind == "word"
                else ""
            )
            after = _country_after(items, k, toks)
            if det in _DETERMINERS or after or country:
                plural = title.lower().endswith("s") and not title.lower().endswith(("ss", "us"))
                raws.append(
                    _Raw(
                        toks[items[first].i].start if first < k else s,
                        e,
                        _GROUP if plural else _PERSON,
                        "description",
                        title=title,
                        rank=rank,
                        country=country or after,
                        country_explicit=(country or after) is not None,
                        possessor=possessor,
                        definite=det in _DEFINITE or not det,
                    )
                )
            continue

        if it.kind == "hon":
            if nxt is not None and nxt.kind == "name":
                name = _joined(toks, nxt.i, nxt.j)
                raw = _Raw(s, toks[nxt.j - 1].end, _PERSON, "surname", name=name)
                raws.append(raw)
                pending.append(raw)
                used.add(k + 1)
            continue

        if it.kind == "name":
            name = _joined(toks, it.i, it.j)
            # "Jake Sullivan, the national security adviser" / "Wang Yi, China's foreign minister"
            # / "Taro Aso as foreign minister" / "Rubin, who is the first US treasury secretary"
            if nxt is not None and toks[nxt.i].lower in (",", "as") and k + 2 < n_items:
                q = k + 2
                while (
                    q < n_items
                    and items[q].kind == "word"
                    and toks[items[q].i].lower in _APPOSITIVE_GLUE
                ):
                    q += 1
                r = q
                while r < n_items and items[r].kind != "title" and r - q < 3:
                    r += 1
                if (
                    r < n_items
                    and items[r].kind == "title"
                    and (
                        r == q
                        or all(
                            items[x].kind == "gaz"
                            or toks[items[x].i].lower in ("'s", "’s", "former")
                            for x in range(q, r)
                        )
                    )
                ):
                    country, _prefix, _pos, _first = _country_before(items, r, toks, raws)
                    country = country or _country_after(items, r, toks)
                    title, rank = items[r].data
                    raws.append(
                        _Raw(
                            s,
                            e,
                            _PERSON,
                            "name",
                            name=name,
                            title=title,
                            rank=rank,
                            country=country,
                            country_explicit=country is not None,
                        )
                    )
                    # the appositive itself is a mention of the same person
                    raws.append(
                        _Raw(
                            toks[items[q].i].start,
                            toks[items[r].j - 1].end,
                            _PERSON,
                            "name",
                            name=name,
                        )
                    )
                    used.add(r)
                    continue
            if it.j - it.i < 2:
                # one word is at most a surname ("Biden"): a person's name has two
                pending.append(_Raw(s, e, _PERSON, "surname", name=name))
                continue
            after = _country_after(items, k, toks)
            listed = _listed_title(items, k, toks, titles)
            if (
                _is_person_name(toks, it, lex)
                or after
                or (it.j < len(toks) and toks[it.j].lower in _SPEECH)
                or listed is not None
            ):
                epithet = _adjective_before(items, k, toks)
                raws.append(
                    _Raw(
                        s,
                        e,
                        _PERSON,
                        "name",
                        name=name,
                        country=after or epithet,
                        country_explicit=(after or epithet) is not None,
                        title=listed[0] if listed else None,
                        rank=listed[1] if listed else None,
                    )
                )
                continue
            raw = _Raw(s, e, _PERSON, "surname", name=name)
            pending.append(raw)
            continue

        if it.kind == "pair":
            for ps, pe, code in it.data:
                raws.append(_Raw(ps, pe, _STATE, "pair", country=code, country_explicit=True))
            continue

        if it.kind == "orgname":
            name = _joined(toks, it.i, it.j)
            country, _p, _pos, first = _country_before(items, k, toks, raws)
            raws.append(
                _Raw(
                    s,
                    e,
                    _ORGANIZATION,
                    "organization",
                    name=name,
                    country=country,
                    country_explicit=country is not None,
                )
            )
            continue

        if it.kind == "gaz":
            vals = it.data
            org = _gaz_kind(vals, ("org",))
            if org is not None:
                o: Organization = org[1]
                country = o.country
                if o.generic:
                    country, _p, _pos, _f = _country_before(items, k, toks, raws)
                    country = country or _country_after(items, k, toks)
                    if country is None:
                        continue
                raws.append(
                    _Raw(
                        s,
                        e,
                        _ORGANIZATION,
                        "organization",
                        name=o.name,
                        country=country,
                        country_explicit=True,
                        org=o,
                    )
                )
                if o.country and o.type in ("government", "legislature") and _located(toks, it.i):
                    # "talks at the White House": the seat is also the place
                    places.append(PlaceMention(s, e, text[s:e], o.country, "venue"))
                continue
            place = _gaz_kind(vals, ("place", "capital", "seat", "state"))
            if place is not None:
                places.append(
                    PlaceMention(
                        s, e, text[s:e], place[1], place[0] if place[0] != "state" else "country"
                    )
                )
            following = toks[it.j].lower if it.j < len(toks) else ""
            adj = _gaz_kind(vals, ("adj",))
            state = _gaz_kind(vals, ("state",))
            # (a shared noun only after "and", "," or "or")
            shared = (
                _shared_noun(items, k, toks, lex)
                if adj is not None
                and k + 2 < n_items
                and toks[items[k + 1].i].lower in ("and", ",", "or")
                else None
            )
            if adj is not None and shared is not None:
                # "Israeli and Palestinian negotiators", "U.S. and Chinese officials"
                noun_i, noun_len, which = shared
                _unnamed(toks, items, k, noun_i, noun_len, which, adj[1], raws, start=s, end=e)
                continue
            if adj is not None and (
                state is None
                or (
                    following
                    and following[0].isalpha()
                    and following not in _SPEECH
                    and following not in _NOT_STATE_FOLLOWERS
                )
            ):
                # "the Chinese government" / "the Chinese side": the state itself
                if following in _STATE_NOUNS:
                    raws.append(
                        _Raw(
                            s,
                            toks[it.j].end,
                            _STATE,
                            "state",
                            country=adj[1],
                            country_explicit=True,
                        )
                    )
                # "Chinese officials", "a senior U.S. official", "her Chinese counterpart"
                if nxt is not None and nxt.kind == "title":
                    continue
                un_len, un_vals = (
                    lex.unnamed.match(toks, it.j) if following in lex.unnamed_firsts else (0, ())
                )
                if un_len:
                    _unnamed(toks, items, k, it.j, un_len, un_vals[0], adj[1], raws)
                continue
            if state is not None:
                # "visited China": the state is mentioned, as a place
                form = "place" if _located(toks, it.i) else "state"
                raws.append(_Raw(s, e, _STATE, form, country=state[1], country_explicit=True))
                continue
            dem = _gaz_kind(vals, ("demonym",))
            if dem is not None:
                raws.append(_Raw(s, e, _STATE, "state", country=dem[1], country_explicit=True))
                continue
            metonym = _gaz_kind(vals, ("capital", "seat"))
            if metonym is not None and _speaks_for_state(
                toks, it.i, _located(toks, it.i), following
            ):
                raws.append(
                    _Raw(s, e, _STATE, "metonym", country=metonym[1], country_explicit=True)
                )
            continue


# Verbs after an adjective that make it the country's name: "the American has".
_NOT_STATE_FOLLOWERS = frozenset(
    ["and", "has", "is", "was", "will", "had", "have", "would", "does", "did"]
)


def _located(toks: Sequence[Token], i: int) -> bool:
    """Whether the phrase at token ``i`` is a place one is in or goes to:
    "in Beijing", "to the United States", "in refugee-flooded Jordan"."""
    if i == 0:
        return False
    prev = toks[i - 1].lower
    return prev in _LOCATIVE or (
        i > 1 and (prev == "the" or "-" in prev) and toks[i - 2].lower in _LOCATIVE
    )


# "the ire of Beijing", "on behalf of Moscow": a capital after these speaks for its state
_OF_STATE = frozenset(
    """
    ire anger wrath part side position stance view views behalf support criticism
    """.split()
)
# words after a capital that show it acting: "Beijing said", "Moscow's", "Kremlin has"
_ACTING = frozenset(("'s", "’s", "has", "is", "was", "will", "and", "had", "would"))


def _speaks_for_state(toks: Sequence[Token], i: int, located: bool, following: str) -> bool:
    """Whether a capital or seat at token ``i`` stands for its state ("Beijing said")."""
    prev = toks[i - 1].lower if i > 0 else ""
    if prev == "of":
        return i > 1 and toks[i - 2].lower in _OF_STATE
    if located:
        return False
    # "Tehran rejected the proposal": a past-tense verb after it
    return i > 0 or following in _SPEECH or following in _ACTING or following.endswith("ed")


def _shared_noun(
    items: list[_Item], k: int, toks: Sequence[Token], lex: _Lexicon
) -> tuple[int, int, str] | None:
    """For the first adjectives of "Israeli and Palestinian negotiators", the shared noun:
    ``(token, length, "person" | "group")``."""
    m = k + 1
    seen = False
    while m + 1 < len(items) and toks[items[m].i].lower in ("and", ",", "or"):
        nxt = items[m + 1]
        if nxt.kind != "gaz" or _gaz_kind(nxt.data, ("adj",)) is None:
            return None
        seen = True
        m += 2
    if not seen or m >= len(items):
        return None
    length, vals = lex.unnamed.match(toks, items[m - 1].j)
    return (items[m - 1].j, length, vals[0]) if length else None


# Words of government before an unnamed official: "a senior administration official".
_GOVERNMENT = frozenset(
    """
    administration government white house treasury defense defence military security
    intelligence foreign trade ministry embassy
    """.split()
)
# Everything that may stand between the determiner and the official's noun.
_BEFORE_UNNAMED = _GOVERNMENT | {
    "senior",
    "top",
    "high-ranking",
    "high-level",
    "-",
    "u.s.",
    "'s",
    "’s",
}


def _unnamed(
    toks: Sequence[Token],
    items: list[_Item],
    k: int,
    i: int,
    length: int,
    which: str,
    country: str | None,
    raws: list[_Raw],
    *,
    start: int | None = None,
    end: int | None = None,
) -> None:
    """An unnamed official or group: "a senior administration official", "Chinese officials".

    ``start`` and ``end`` give the mention's span when it is only the adjective
    of a shared noun ("Israeli" of "Israeli and Palestinian negotiators").
    """
    if start is not None and end is not None:
        noun = _joined(toks, i, i + length).lower()
        kind = _GROUP if which == "group" else _PERSON
        form = "group" if which == "group" else "unnamed"
        raws.append(
            _Raw(start, end, kind, form, title=noun, country=country, country_explicit=True)
        )
        return
    start = toks[i].start
    # read back over determiners, government words and a country adjective
    q = i - 1
    gov = False
    definite = False
    while q >= 0 and i - q <= 5:
        t = toks[q]
        if t.lower in _DEFINITE:
            definite = True
            start = t.start
            break
        if t.lower in _DETERMINERS:
            start = t.start
            break
        if t.lower in _BEFORE_UNNAMED:
            gov = gov or t.lower in _GOVERNMENT
            start = t.start
            q -= 1
            continue
        if t.is_cap and t.is_word:
            start = t.start
            q -= 1
            continue
        break
    end = toks[i + length - 1].end
    noun = _joined(toks, i, i + length)
    if i > 0 and toks[i - 1].lower in ("two", "both") and noun.lower() in _PAIRED:
        return  # "the two leaders", "both sides": the meeting's people, not a group
    if country is None:
        country = _country_in(items, k, toks, i)
    kind = _GROUP if which == "group" else _PERSON
    raws.append(
        _Raw(
            start,
            end,
            kind,
            "group" if which == "group" else "unnamed",
            title=noun.lower(),
            country=country,
            country_explicit=country is not None,
            definite=definite,
            rank="official" if gov else None,
        )
    )


def _country_in(items: list[_Item], k: int, toks: Sequence[Token], i: int) -> str | None:
    """A country adjective or organisation among the few items before token ``i``."""
    for m in range(k, max(-1, k - 5), -1):
        it = items[m]
        if it.i >= i:
            continue
        if it.kind == "gaz":
            hit = _gaz_kind(it.data, ("adj", "state"))
            if hit is not None:
                return str(hit[1])
            org = _gaz_kind(it.data, ("org",))
            if org is not None and org[1].country:
                return str(org[1].country)
        if it.kind == "word" and toks[it.i].text in (".", ";", ","):
            break
    return None
