"""The meetings stage's vocabulary: ``meetings.toml`` compiled into phrase tables.

The words that report an encounter, by mode ("phone", "visit", "meet",
"multilateral") and part of speech; the phrases that rule a trigger out;
the wording of each status and of tone; each former state's kin; country
names and the names of media organisations. :func:`vocabulary` builds it
once per gazetteer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ._gazetteer import Gazetteer
from ._tokens import PhraseTable, tokenize_phrase

__all__ = ["vocabulary"]


@attrs.frozen
class _Vocabulary:
    triggers: PhraseTable[tuple[str, str]]  # (mode section, "verb" | "noun")
    exclude: PhraseTable[str]
    # the status words by their first word: (status, its phrases, the words that may
    # follow the first when none is that word alone, else None) in the order they are tried
    said: Mapping[str, tuple[tuple[str, PhraseTable[str], frozenset[str] | None], ...]]
    tone: PhraseTable[str]
    hedged: PhraseTable[str]
    kin: Mapping[str, frozenset[str]]
    country_names: Mapping[str, str]
    media: frozenset[str]
    ongoing: frozenset[str]  # "current visit": under way on the day of the story
    travel: frozenset[str]  # "arrived ... for talks": talks still to come
    firsts: frozenset[str]  # the first words of the triggers
    tone_firsts: frozenset[str]  # ... of the tone words
    hedged_firsts: frozenset[str]  # ... of the hedges
    # ... of the status words and the hedges, and "scheduled", "set" and the like
    status_cues: frozenset[str]
    exclude_firsts: frozenset[str]  # ... and of the excluded phrases
    keys: frozenset[str]  # one word of each trigger: a sentence with none has no trigger
    # for a word that begins triggers but is none alone ("held"), the words that may follow it
    seconds: Mapping[str, frozenset[str]]
    seated: frozenset[str]  # "consulate in", "ambassador to": a seat, not a scene
    # as ``seconds``, for the tone words ("in depth") and the excluded phrases ("told reporters")
    tone_seconds: Mapping[str, frozenset[str]]
    exclude_seconds: Mapping[str, frozenset[str]]


def _build(g: Gazetteer) -> _Vocabulary:
    words: Mapping[str, Any] = g.meeting_words
    triggers: list[tuple[str, tuple[str, str]]] = []
    for section in ("phone", "visit", "meet", "multilateral"):
        for pos in ("verbs", "nouns"):
            for w in words.get(section, {}).get(pos, ()):
                triggers.append((w, (section, pos[:-1])))
    phone = words.get("phone", {})
    for verb in phone.get("speech", ()):
        for means in phone.get("means", ()):
            triggers.append((f"{verb} {means}", ("phone", "verb")))
    status = words.get("status", {})
    table = PhraseTable(triggers, fold=True)
    phrases = [tokenize_phrase(w.lower()) for w, _ in triggers]  # as the table reads them
    tone_words = words.get("tone", {}).get("words", ())
    tone = PhraseTable(((w, w) for w in tone_words), fold=True)
    said_names = ("cancelled", "proposed", "planned", "negation")
    said = {
        name: PhraseTable(((w, w) for w in status.get(name, ())), fold=True) for name in said_names
    }
    said_seconds = {
        name: _seconds([tokenize_phrase(w.lower()) for w in status.get(name, ())])
        for name in said_names
    }
    excluded = words.get("exclude", {}).get("phrases", ())
    exclude = PhraseTable(((w, w) for w in excluded), fold=True)
    hedged = PhraseTable(((w, w) for w in status.get("hedged", ())), fold=True)
    return _Vocabulary(
        triggers=table,
        exclude=exclude,
        said={
            w: tuple(
                (name, t, said_seconds[name].get(w)) for name, t in said.items() if w in t.firsts
            )
            for w in frozenset().union(*(t.firsts for t in said.values()))
        },
        tone=tone,
        hedged=hedged,
        kin=_kin(g),
        country_names={c.code: c.name for c in g.countries},
        media=frozenset(
            n for o in g.organizations if o.type == "media" for n in (o.name, *o.aliases)
        ),
        ongoing=frozenset(w.lower() for w in status.get("ongoing", ())),
        travel=frozenset(w.lower() for w in status.get("travel", ())),
        firsts=table.firsts,
        tone_firsts=tone.firsts,
        hedged_firsts=hedged.firsts,
        status_cues=frozenset().union(
            *(t.firsts for t in said.values()), hedged.firsts, _SCHEDULING
        ),
        exclude_firsts=exclude.firsts,
        keys=_keys(phrases),
        seconds=_seconds(phrases),
        seated=frozenset(w.lower() for w in words.get("places", {}).get("seated", ())),
        tone_seconds=_seconds([tokenize_phrase(w.lower()) for w in tone_words]),
        exclude_seconds=_seconds([tokenize_phrase(w.lower()) for w in excluded]),
    )


# Words after a trigger that make it planned: "scheduled", "due", and "set" or
# "planned" before "for" or "to" (read by ``_participants._status_words``).
_DUE = frozenset({"scheduled", "slated", "due"})
_SCHEDULING = _DUE | {"set", "planned"}

# Words too common to stand for a trigger phrase in :func:`_keys`.
_COMMON = frozenset(
    "a an the to in into on by with of for out down over via each other will have has had".split()
)


def _keys(phrases: list[tuple[str, ...]]) -> frozenset[str]:
    """One word of each phrase, so that a sentence that has none of them has no trigger:
    a word that is a trigger by itself ("peace talks": "talks"), else its longest word
    that is not too common ("arrived in": "arrived")."""
    alone = {p[0] for p in phrases if len(p) == 1}
    out = set()
    for phrase in filter(None, phrases):
        words = (
            [w for w in phrase if w in alone]
            or [w for w in phrase if w not in _COMMON]
            or list(phrase)
        )
        out.add(max(words, key=len))
    return frozenset(out)


def _seconds(phrases: list[tuple[str, ...]]) -> Mapping[str, frozenset[str]]:
    """For each first word of the phrases that is no phrase alone, the second words of
    its phrases: "held" may begin "held talks" or "held a meeting", not "held up"."""
    alone = {p[0] for p in phrases if len(p) == 1}
    out: dict[str, set[str]] = {}
    for p in phrases:
        if len(p) > 1 and p[0] not in alone:
            out.setdefault(p[0], set()).add(p[1])
    return {w: frozenset(v) for w, v in out.items()}


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


def vocabulary(g: Gazetteer) -> _Vocabulary:
    """The compiled meeting vocabulary of a gazetteer."""
    return g.cached("meetings.vocabulary", _build)
