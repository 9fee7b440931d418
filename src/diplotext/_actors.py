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
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import attrs
import regex

from ._gazetteer import Gazetteer, Organization, Person
from ._model import Actor, ActorKind, Span
from ._text import Sentence
from ._tokens import PhraseTable, Token, tokenize

__all__ = ["ActorResult", "Mention", "PlaceMention", "find_actor_mentions"]


@attrs.frozen
class Mention:
    """One stretch of text that refers to an actor.

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
class PlaceMention:
    """A place named in the text, with its country.

    Attributes:
        start: Offset of the name.
        end: Offset just past it.
        name: The name as written.
        country: ISO alpha-3 code, or ``None``.
        kind: "place", "capital", "seat" or "country".
    """

    start: int
    end: int
    name: str
    country: str | None
    kind: str


@attrs.frozen
class ActorResult:
    """What the actors stage found.

    Attributes:
        actors: The actors, ids "A1", "A2", ... in order of first mention.
        mentions: Every mention, in text order.
        places: Every place name, in text order.
        tokens: The article's tokens (shared with the later stages).
        home: The country of the article's dateline, if any.
        dateline: The dateline's place, if any.
        dateline_end: Offset just past the dateline ("WASHINGTON, March 31 -"), or 0.
        guessed: Ids of the actors whose country is only the dateline's guess.
    """

    actors: tuple[Actor, ...]
    mentions: tuple[Mention, ...]
    places: tuple[PlaceMention, ...]
    tokens: tuple[Token, ...]
    home: str | None
    dateline: PlaceMention | None = None
    dateline_end: int = 0
    guessed: frozenset[str] = frozenset()

    def actor(self, actor_id: str) -> Actor:
        """The actor with this id."""
        return self._by_id[actor_id]

    @property
    def _by_id(self) -> Mapping[str, Actor]:
        return {a.id: a for a in self.actors}


# --------------------------------------------------------------------------
# The lexicon: the gazetteer compiled into phrase tables, once per gazetteer.

# Capitalised words that never start or continue a name.
_STOP = frozenset(
    """
    The A An This That These Those There Here In On At For From With By And But Or Nor As If
    When While After Before Since Until Also Still Yet So Then Thus However Meanwhile
    Moreover It He She They We I You His Her Their Our Its My Your Him Them Who What Where
    Why How Which Whose Mr Mrs Ms Dr Monday Tuesday Wednesday Thursday Friday Saturday
    Sunday January February March April May June July August September October November
    December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Today Yesterday Tomorrow
    Tonight Reuter Reuters AP AFP Xinhua CNN BBC Not No Yes All Both Each Every Some Many
    Most Other Another Such Only Even Just Now Later Earlier Last Next First Second Third
    New Old Western Eastern Northern Southern Central Government Ministry President Minister
    Secretary Officials Official State Party Army Some Among During Despite Under Over
    Through Against Without Within Between Across Including According Asked Speaking Told
    Said Says Those Is Was Are Were Will Would Can Could Should May Might Must Has Have Had
    Does Did Be Been Being Let Please Thank Dear God Islam Islamic Muslim Christian Jewish
    Arab Arabs Europe Asia Africa America Americas Pacific Atlantic Middle East West East
    North South Gulf Internet Web
    """.split()
)

_PARTICLES = frozenset(
    """
    de da di du del della des van von der den ter bin ibn al el ben la le dos das
    """.split()
)
_HONORIFICS = frozenset(
    ["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "madam", "sir", "dame", "lord"]
)
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
# Nouns that end the names of organisations ("Pasteur Institute").
_ORG_HEADS = frozenset(
    """
    Institute Academy Force Institution Party Ministry Council Committee Commission Agency
    Bank Corporation Corp. Company Co. Group Association Union Organization Organisation
    Front Movement Army Authority Fund Foundation University Court Assembly Parliament
    Office Department Federation League Alliance Coalition Inc. Ltd. Forces Service Bureau
    Secretariat Center Centre Board Tribunal Congress Senate Airlines Airways
    """.split()
)
_GOV_RANKS = frozenset(
    {"head_of_state", "head_of_government", "minister", "diplomat", "official", "military"}
)
_LEADER_RANKS = frozenset({"head_of_state", "head_of_government"})
_PAIRED = frozenset("leaders presidents sides men ministers delegations governments".split())


@attrs.frozen
class _Lexicon:
    proper: PhraseTable[tuple[str, Any]]
    heads: PhraseTable[tuple[str, str]]
    portfolios: PhraseTable[str]
    modifiers: PhraseTable[str]
    abbreviations: Mapping[str, tuple[str, str]]
    unnamed: PhraseTable[str]
    govwords: PhraseTable[str]
    given: frozenset[str]
    family_first: frozenset[str]
    country_names: Mapping[str, str]
    capitals: Mapping[str, str]
    people: Mapping[str, tuple[Person, ...]]
    people_by_word: Mapping[str, tuple[Person, ...]]
    compound_parts: Mapping[str, str]
    former: Mapping[str, tuple[str, dt.date]]


def _build_lexicon(g: Gazetteer) -> _Lexicon:
    proper: list[tuple[str, tuple[str, Any]]] = []
    country_names: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for c in g.countries:
        country_names[c.code] = c.name
        for n in (c.name, *c.aliases):
            proper.append((n.removeprefix("the "), ("state", c.code)))
        for a in c.adjectives:
            proper.append((a, ("adj", c.code)))
        for d in c.demonyms:
            proper.append((d, ("demonym", c.code)))
        if c.capital:
            capitals[c.capital] = c.code
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
    return _Lexicon(
        proper=PhraseTable(proper),
        heads=PhraseTable(heads, fold=True),
        portfolios=PhraseTable(
            ((w, w) for w in titles.get("portfolios", {}).get("words", ())), fold=True
        ),
        modifiers=PhraseTable(
            ((w, w) for w in titles.get("modifiers", {}).get("words", ())), fold=True
        ),
        abbreviations=abbreviations,
        unnamed=PhraseTable(
            [(w, "person") for w in unnamed.get("person", ())]
            + [(w, "group") for w in unnamed.get("group", ())],
            fold=True,
        ),
        govwords=PhraseTable(((w, w) for w in unnamed.get("government_words", ())), fold=True),
        given=frozenset(g.names.get("given", ())),
        family_first=frozenset(g.names.get("family_first", ())),
        country_names=country_names,
        capitals=capitals,
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


# --------------------------------------------------------------------------
# Items: one sentence's tokens cut into gazetteer phrases, titles, names, words.


@attrs.frozen
class _Item:
    kind: str  # gaz, title, hon, name, word
    i: int  # first token
    j: int  # past the last token
    data: Any = None


def _title_at(toks: Sequence[Token], i: int, lex: _Lexicon) -> tuple[int, str, str] | None:
    """A title starting at token ``i``: ``(end token, title text, rank)``."""
    tok = toks[i]
    full = lex.abbreviations.get(tok.text)
    if full is not None:
        return i + 1, full[0], full[1]
    if not (lex.modifiers.starts(tok) or lex.portfolios.starts(tok) or lex.heads.starts(tok)):
        return None
    n = len(toks)
    starts = [i]  # where modifiers may end: "Deputy Foreign Minister", "Chief of Staff"
    while starts[-1] < n:
        k, _ = lex.modifiers.match(toks, starts[-1])
        if not k:
            break
        starts.append(starts[-1] + k)
    best = None
    for start_head in reversed(starts):  # the most modifiers first, then fewer
        k, _ = lex.portfolios.match(toks, start_head) if start_head < n else (0, ())
        for skip in (k, 0) if k else (0,):
            p = start_head + skip
            if p >= n:
                continue
            h, heads = lex.heads.match(toks, p)
            if h:
                best = (p + h, heads[0][1])
                break
        if best is not None:
            break
    if best is None:
        return None
    end, rank = best
    # "Minister of Foreign Affairs", "Secretary of the Treasury", "Minister for Trade"
    if end + 1 < n and toks[end].lower in ("of", "for"):
        q = end + 1
        if q < n and toks[q].lower == "the":
            q += 1
        if q < n:
            k2, _ = lex.portfolios.match(toks, q)
            if k2 and toks[q].is_cap:
                end = q + k2
    # Lower-case titles count only as a whole ("the foreign minister"); a
    # lone capitalised word like "Head" or "Chair" must look like a title.
    words = toks[i:end]
    if any(not t.is_word and t.text not in ("-", "'", "’") for t in words):
        return None
    text = " ".join(t.text for t in words).replace(" - ", "-")
    return end, text, rank


# Lower-case prefixes of a surname: "al-Sisi", "el-Baradei".
_NAME_PREFIXES = ("al-", "el-", "ad-", "as-", "an-", "ar-", "at-", "az-")


def _name_at(toks: Sequence[Token], i: int, lex: _Lexicon) -> int:
    """End of a run of capitalised name words starting at ``i`` (``i`` if none)."""
    n = len(toks)
    j = i
    while j < n:
        t = toks[j]
        particle_name = j > i and t.lower.startswith(_NAME_PREFIXES) and t.text[3:4].isupper()
        if particle_name or (
            t.is_word and t.is_cap and t.text.rstrip(".") not in _STOP and t.text not in _ORG_HEADS
        ):
            if j > i and lex.proper.match(toks, j)[0]:
                break
            j += 1
            continue
        if (
            j > i
            and t.lower in _PARTICLES
            and j + 1 < n
            and toks[j + 1].is_cap
            and toks[j + 1].is_word
        ):
            j += 1
            continue
        break
    return j


def _compound(tok: Token, lex: _Lexicon) -> list[tuple[int, int, str]] | None:
    """The countries of "Franco-German" or "Israeli-Palestinian": ``(start, end, code)`` each."""
    parts: list[tuple[int, int, str]] = []
    pos = tok.start
    for word in tok.text.split("-"):
        code = lex.compound_parts.get(word)
        if code is None:
            return None
        parts.append((pos, pos + len(word), code))
        pos += len(word) + 1
    return parts if len(parts) > 1 else None


def _items(toks: Sequence[Token], lex: _Lexicon) -> list[_Item]:
    out: list[_Item] = []
    i = 0
    n = len(toks)
    while i < n:
        t = toks[i]
        if t.lower in _HONORIFICS and i + 1 < n and toks[i + 1].is_cap:
            out.append(_Item("hon", i, i + 1))
            i += 1
            continue
        g_len, g_vals = lex.proper.match(toks, i) if t.is_cap else (0, ())
        title = _title_at(toks, i, lex) if t.is_word else None
        t_len = title[0] - i if title else 0
        if title and t_len > g_len:
            out.append(_Item("title", i, title[0], (title[1], title[2])))
            i = title[0]
            continue
        if g_len:
            out.append(_Item("gaz", i, i + g_len, g_vals))
            i += g_len
            continue
        pair = _compound(t, lex) if t.is_cap and "-" in t.text else None
        if pair:
            out.append(_Item("pair", i, i + 1, pair))
            i += 1
            continue
        if t.is_cap and t.is_word:
            j = _name_at(toks, i, lex)
            if j > i:
                # an organisation: a capitalised run ending in "Institute", "Party" ...
                if j < n and toks[j].text in _ORG_HEADS:
                    j += 1
                    if j + 1 < n and toks[j].lower == "of" and toks[j + 1].is_cap:
                        j = max(_name_at(toks, j + 1, lex), j + 2)
                    out.append(_Item("orgname", i, j))
                else:
                    out.append(_Item("name", i, j))
                i = j
                continue
            if t.text in _ORG_HEADS and out and out[-1].kind == "name" and out[-1].j == i:
                prev = out.pop()
                out.append(_Item("orgname", prev.i, i + 1))
                i += 1
                continue
        out.append(_Item("word", i, i + 1))
        i += 1
    return out


# --------------------------------------------------------------------------
# Raw mentions, before merging.


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


def _gaz_kind(vals: tuple[tuple[str, Any], ...], kinds: tuple[str, ...]) -> tuple[str, Any] | None:
    for v in vals:
        if v[0] in kinds:
            return v
    return None


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
                prefix = prefix or " ".join(t.text for t in toks[it.i : it.j])
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
                    if raws[ri].start <= start < raws[ri].end and raws[ri].kind is ActorKind.PERSON:
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
                ActorKind.PERSON,
                "name",
                name=" ".join(t.text for t in toks[nm.i : nm.j]),
                title=title,
                rank=rank,
            )
        )
        m += 2


# Words between a name and its appositive title: "X, the", "X, who is a", "X, now the first".
_APPOSITIVE_GLUE = _DETERMINERS | {"who", "is", "was", "has", "been", "now", "first", "also"}


def _listed_title(items: list[_Item], k: int, toks: Sequence[Token]) -> tuple[str, str] | None:
    """The singular title of a list a name stands in: "five presidents, including A, B and C"."""
    m = k - 1
    steps = 0
    while m >= 0 and steps < 30:
        it = items[m]
        steps += 1
        if it.kind == "title":
            title, rank = it.data
            if not title.lower().endswith("s"):
                return None
            gap = " ".join(t.lower for t in toks[it.j : items[k].i])
            if "including" in gap or ":" in gap or "namely" in gap:
                singular = title[:-1]
                return singular[:1].upper() + singular[1:], rank
            return None
        if it.kind == "word" and toks[it.i].text in (".", ";"):
            return None
        m -= 1
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
) -> None:
    """Append the raw mentions of one sentence's tokens."""
    if not any(any(c.islower() for c in t.text) for t in toks):
        return  # an all-capitals headline: no reliable names, titles or case
    items = _items(toks, lex)
    n_items = len(items)
    used: set[int] = set()
    for k, it in enumerate(items):
        if k in used:
            continue
        s, e = toks[it.i].start, toks[it.j - 1].end
        prev_word = toks[it.i - 1].lower if it.i > 0 else ""
        nxt = items[k + 1] if k + 1 < n_items else None

        if it.kind == "title":
            title, rank = it.data
            if nxt is not None and nxt.kind == "name" and _plural(title):
                title = _singular(title)
                _share_title(items, k + 1, toks, title, rank, raws)
            country, _prefix, possessor, first = _country_before(items, k, toks, raws)
            if nxt is not None and nxt.kind == "name" and toks[nxt.i].start - e <= 1:
                end = toks[nxt.j - 1].end
                name = " ".join(t.text for t in toks[nxt.i : nxt.j])
                after = _country_after(items, k + 1, toks)
                raws.append(
                    _Raw(
                        toks[items[first].i].start,
                        end,
                        ActorKind.PERSON,
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
                        ActorKind.PERSON,
                        "name",
                        name=" ".join(t.text for t in toks[nm.i : nm.j]),
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
                        ActorKind.GROUP if plural else ActorKind.PERSON,
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
                name = " ".join(t.text for t in toks[nxt.i : nxt.j])
                raw = _Raw(s, toks[nxt.j - 1].end, ActorKind.PERSON, "surname", name=name)
                raws.append(raw)
                pending.append(raw)
                used.add(k + 1)
            continue

        if it.kind == "name":
            name = " ".join(t.text for t in toks[it.i : it.j])
            listed = _listed_title(items, k, toks)
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
                            ActorKind.PERSON,
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
                            ActorKind.PERSON,
                            "name",
                            name=name,
                        )
                    )
                    used.add(r)
                    continue
            after = _country_after(items, k, toks)
            epithet = _adjective_before(items, k, toks)
            before_speech = it.j < len(toks) and toks[it.j].lower in _SPEECH
            if (
                _is_person_name(toks, it, lex)
                or (after and it.j - it.i >= 2)
                or (before_speech and it.j - it.i >= 2)
                or (listed is not None and it.j - it.i >= 2)
            ):
                raws.append(
                    _Raw(
                        s,
                        e,
                        ActorKind.PERSON,
                        "name",
                        name=name,
                        country=after or epithet,
                        country_explicit=(after or epithet) is not None,
                        title=listed[0] if listed else None,
                        rank=listed[1] if listed else None,
                    )
                )
                continue
            raw = _Raw(s, e, ActorKind.PERSON, "surname", name=name)
            pending.append(raw)
            continue

        if it.kind == "pair":
            for ps, pe, code in it.data:
                raws.append(
                    _Raw(ps, pe, ActorKind.STATE, "pair", country=code, country_explicit=True)
                )
            continue

        if it.kind == "orgname":
            name = " ".join(t.text for t in toks[it.i : it.j])
            country, _p, _pos, first = _country_before(items, k, toks, raws)
            raws.append(
                _Raw(
                    s,
                    e,
                    ActorKind.ORGANIZATION,
                    "organization",
                    name=name,
                    country=country,
                    country_explicit=country is not None,
                )
            )
            continue

        if it.kind == "gaz":
            vals = it.data
            surface = text[s:e]
            # "in Beijing", "to the United States", "in refugee-flooded Jordan"
            located = prev_word in _LOCATIVE or (
                it.i > 1
                and (toks[it.i - 1].lower == "the" or "-" in toks[it.i - 1].lower)
                and toks[it.i - 2].lower in _LOCATIVE
            )
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
                        ActorKind.ORGANIZATION,
                        "organization",
                        name=o.name,
                        country=country,
                        country_explicit=True,
                        org=o,
                    )
                )
                if located and o.country and o.type in ("government", "legislature"):
                    # "talks at the White House": the seat is also the place
                    places.append(PlaceMention(s, e, surface, o.country, "venue"))
                continue
            place = _gaz_kind(vals, ("place", "capital", "seat", "state"))
            if place is not None:
                places.append(
                    PlaceMention(
                        s, e, surface, place[1], place[0] if place[0] != "state" else "country"
                    )
                )
            following = toks[it.j].lower if it.j < len(toks) else ""
            adj = _gaz_kind(vals, ("adj",))
            state = _gaz_kind(vals, ("state",))
            shared = _shared_noun(items, k, toks, lex) if adj is not None else None
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
                    and following
                    not in (
                        "and",
                        "has",
                        "is",
                        "was",
                        "will",
                        "had",
                        "have",
                        "would",
                        "does",
                        "did",
                    )
                )
            ):
                # "the Chinese government" / "the Chinese side": the state itself
                if following in _STATE_NOUNS:
                    raws.append(
                        _Raw(
                            s,
                            toks[it.j].end,
                            ActorKind.STATE,
                            "state",
                            country=adj[1],
                            country_explicit=True,
                        )
                    )
                # "Chinese officials", "a senior U.S. official", "her Chinese counterpart"
                if nxt is not None and nxt.kind == "title":
                    continue
                un_len, un_vals = lex.unnamed.match(toks, it.j) if it.j < len(toks) else (0, ())
                if un_len:
                    _unnamed(toks, items, k, it.j, un_len, un_vals[0], adj[1], raws)
                continue
            if state is not None:
                # "visited China": the state is mentioned, as a place
                form = "place" if located else "state"
                raws.append(
                    _Raw(s, e, ActorKind.STATE, form, country=state[1], country_explicit=True)
                )
                continue
            dem = _gaz_kind(vals, ("demonym",))
            if dem is not None:
                raws.append(
                    _Raw(s, e, ActorKind.STATE, "state", country=dem[1], country_explicit=True)
                )
                continue
            metonym = _gaz_kind(vals, ("capital", "seat"))
            if metonym is not None and _speaks_for_state(toks, it.i, located, following):
                raws.append(
                    _Raw(
                        s, e, ActorKind.STATE, "metonym", country=metonym[1], country_explicit=True
                    )
                )
            continue

        if it.kind == "word":
            un_len, un_vals = lex.unnamed.match(toks, it.i)
            if un_len:
                _unnamed(toks, items, k, it.i, un_len, un_vals[0], None, raws)


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
        noun = " ".join(t.text for t in toks[i : i + length]).lower()
        kind = ActorKind.GROUP if which == "group" else ActorKind.PERSON
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
        if t.lower in (
            "administration",
            "government",
            "state",
            "white",
            "house",
            "senior",
            "top",
            "high-ranking",
            "high-level",
            "treasury",
            "defense",
            "defence",
            "military",
            "security",
            "intelligence",
            "foreign",
            "trade",
            "ministry",
            "embassy",
            "-",
            "u.s.",
            "'s",
            "’s",
        ):
            gov = gov or t.lower in (
                "administration",
                "government",
                "white",
                "house",
                "treasury",
                "defense",
                "defence",
                "military",
                "security",
                "intelligence",
                "foreign",
                "trade",
                "ministry",
                "embassy",
            )
            start = t.start
            q -= 1
            continue
        if t.is_cap and t.is_word:
            start = t.start
            q -= 1
            continue
        break
    end = toks[i + length - 1].end
    noun = " ".join(t.text for t in toks[i : i + length])
    if i > 0 and toks[i - 1].lower in ("two", "both") and noun.lower() in _PAIRED:
        return  # "the two leaders", "both sides": the meeting's people, not a group
    if country is None:
        country = _country_in(items, k, toks, i)
    kind = ActorKind.GROUP if which == "group" else ActorKind.PERSON
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


# --------------------------------------------------------------------------
# Merging raw mentions into actors.


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


def _dateline(text: str, toks: Sequence[Token], lex: _Lexicon) -> tuple[PlaceMention, int] | None:
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
    starts = [t.start for t in toks]
    for offset in line_starts:
        i = bisect.bisect_left(starts, offset)
        if i >= len(toks) or toks[i].start > offset + 4 or not toks[i].is_word:
            continue
        probe = [
            Token(
                x.start,
                x.end,
                x.text.title() if x.text.isupper() and len(x.text) > 1 else x.text,
                x.lower,
            )
            for x in toks[i : i + 4]
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
            for m in toks[i + k : i + k + 12]:
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
            places[n] = attrs.evolve(p, country=former[p.country])


def find_actor_mentions(
    text: str,
    sentences: Sequence[Sentence],
    gazetteer: Gazetteer,
    published: dt.date | None = None,
) -> ActorResult:
    """Find every actor of ``text`` and every mention of it."""
    lex = lexicon(gazetteer)
    tokens = tokenize(text)
    starts = [t.start for t in tokens]
    raws: list[_Raw] = []
    places: list[PlaceMention] = []
    pending: list[_Raw] = []
    for sent in sentences:
        a = bisect.bisect_left(starts, sent.start)
        b = bisect.bisect_left(starts, sent.end)
        _sentence_raws(text, tokens[a:b], lex, raws, places, pending)
    dateline = _dateline(text, tokens, lex)
    former = _former_seats(lex, published)
    if former:
        _date_seats(text, raws, places, former)
        if dateline is not None:
            line = dateline[0]
            if line.country is not None:
                line = attrs.evolve(line, country=former.get(line.country, line.country))
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
    persons: list[tuple[tuple[str, ...], int]] = []
    named = [r for r in raws if r.kind is ActorKind.PERSON and r.form == "name" and r.name]
    for raw in sorted(named, key=lambda r: -len(r.name.split())):  # type: ignore[union-attr]
        words = set(raw.name.split())  # type: ignore[union-attr]
        target = _person_for(words, persons, lex)
        if target is not None:
            add(raw, entities[target].key, None)
            continue
        idx = add(raw, ("person", raw.name), raw.name)
        persons.append((tuple(raw.name.split()), idx))  # type: ignore[union-attr]
    # 2. surnames and honorific forms ("Biden", "Mr. Xi") to the person they name
    for raw in sorted(pending, key=lambda r: r.start):
        words = set(raw.name.split())  # type: ignore[union-attr]
        target = _person_for(words, persons, lex)
        if target is None and raw.name:
            # "Saddam" for the "Saddam Hussein" of the text, by the bundled alias
            fulls = {p.name for p in lex.people.get(raw.name, ())}
            target = next(
                (by_key[("person", f)] for f in sorted(fulls) if ("person", f) in by_key), None
            )
        if target is not None:
            add(raw, entities[target].key, None)
        elif raw.name and (
            text[raw.start : raw.start + 2].lower() in ("mr", "ms", "dr") or raw.name in lex.people
        ):
            idx = add(raw, ("person", raw.name), raw.name)
            persons.append((tuple(raw.name.split()), idx))
    _join_halves(entities, raws, lex)
    # 3. states, organisations
    for raw in raws:
        if raw.kind is ActorKind.STATE:
            add(raw, ("state", raw.country), lex.country_names.get(raw.country or "", raw.country))
        elif raw.kind is ActorKind.ORGANIZATION:
            add(
                raw,
                ("org", raw.name, raw.country if raw.org is None or raw.org.generic else None),
                raw.name,
            )
    # bundled knowledge, where the article's words give no country
    for ent in entities:
        if ent.kind is ActorKind.PERSON and not ent.explicit:
            known = _known(ent.name, lex, published)
            if known is not None:
                ent.country = known.country
                if ent.title is None and known.title:
                    ent.title, ent.rank = known.title, _rank_of(known.title, lex)
    # 4. descriptions, unnamed officials and groups, in text order
    person_spans = sorted(
        (span[0], idx)
        for idx, e in enumerate(entities)
        if e.kind is ActorKind.PERSON and e.name
        for span in e.spans
    )
    for raw in sorted(raws, key=lambda r: r.start):
        if raw.form not in ("description", "unnamed", "group") or raw.entity >= 0:
            continue
        if raw.kind is ActorKind.PERSON and raw.form == "description" and raw.definite:
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
        if ent.kind is not ActorKind.PERSON or ent.explicit:
            continue
        if _known(ent.name, lex, published) is not None:
            continue
        if ent.possessor is not None:
            owner = raws[ent.possessor].entity
            if owner >= 0 and entities[owner].country:
                ent.country = entities[owner].country
                continue
        if ent.country is None and ent.rank in _GOV_RANKS - {"military"} and home:
            ent.country, ent.guessed = home, True

    live = [i for i, e in enumerate(entities) if e.spans]
    order = sorted(live, key=lambda i: min(s[0] for s in entities[i].spans))
    ids = {idx: f"A{n}" for n, idx in enumerate(order, 1)}
    actors: list[Actor] = []
    mentions: list[Mention] = []
    for idx in order:
        ent = entities[idx]
        spans = sorted(set(ent.spans))
        actors.append(
            Actor(
                id=ids[idx],
                kind=ent.kind,
                name=ent.name,
                title=ent.title,
                country=ent.country,
                mentions=tuple(Span(s, e, text[s:e]) for s, e, _f in _dedupe(spans)),
            )
        )
        mentions.extend(Mention(s, e, ids[idx], f) for s, e, f in _dedupe(spans))
    mentions.sort(key=lambda m: (m.start, -m.end))
    guessed = frozenset(ids[idx] for idx in order if entities[idx].guessed)
    return tuple(actors), tuple(mentions), guessed


def _join_halves(entities: list[_Entity], raws: list[_Raw], lex: _Lexicon) -> None:
    """Join "national security adviser Jake" and "Mr. Sullivan" when both halves
    belong to one known name (bundled "Jake Sullivan"), and to no other."""
    halves: dict[str, list[int]] = {}
    for idx, ent in enumerate(entities):
        if ent.kind is not ActorKind.PERSON or not ent.name or " " in ent.name:
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


def _person_for(
    words: set[str], persons: list[tuple[tuple[str, ...], int]], lex: _Lexicon
) -> int | None:
    """The one known person whose name contains all of ``words`` (by surname rules)."""
    hits = [idx for pw, idx in persons if words <= set(pw) and _surname_ok(words, pw, lex)]
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


def _described(
    raw: _Raw, entities: list[_Entity], person_spans: list[tuple[int, int]]
) -> int | None:
    """The named person a definite description refers to ("the president", "the Chinese leader")."""
    title = (raw.title or "").lower()
    head = title.split()[-1] if title else ""
    if head in ("counterpart", "counterparts"):
        return None

    def fits(ent: _Entity) -> bool:
        if ent.kind is not ActorKind.PERSON or not ent.name:
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

    before = [idx for start, idx in person_spans if start < raw.start and fits(entities[idx])]
    if before:
        return before[-1]
    after = [idx for start, idx in person_spans if start > raw.start and fits(entities[idx])]
    return after[0] if after else None
