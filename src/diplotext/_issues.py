"""Issues: the matters on the diplomatic agenda, read from topic cues and named subjects.

Two pure steps. :func:`find_issue_mentions` finds every place where an
article raises a topic, with the stance of the words around it and the
actors who raised it; :func:`merge_issues` folds the mentions into one
:class:`~diplotext.Issue` per topic and subject.

A topic word ("trade", "human rights") raises a topic without a subject; a
subject is a specific matter, either a name ("Taiwan", "INF") or a common
noun for a concrete instrument, commodity, disease or process ("tariffs",
"peace process", "fentanyl"). Near-synonyms are aliases of one subject
("truce" is "ceasefire"), so one matter is one issue.

The words come from the gazetteer: ``gazetteer.topics`` (``topics.toml``:
cues and named subjects of each topic) and ``gazetteer.stance_words``
(``stance.toml``: stance, agenda and speech words). Each list becomes a
:class:`~diplotext._issue_phrases.PhraseIndex`, which finds its phrases by
their first words; a :class:`~diplotext._issue_phrases.Lexicon` of them
looks each word of an article up once for them all. The indexes are kept
on the gazetteer under ``"issues"``, so an extended gazetteer gets indexes
of its own. Every pattern is linear: possessive quantifiers, no
nested unbounded repetition.

>>> from diplotext._gazetteer import Gazetteer, Subject, Topic
>>> from diplotext._text import split_sentences
>>> gazetteer = Gazetteer(countries=(), places=(), organizations=(),
...     topics=[Topic("narcotics", cues=["counternarcotics"], subjects=[Subject("fentanyl")])],
...     stance_words={"cooperation": ["cooperation"], "agenda": ["discussed"]})
>>> text = "The leaders discussed cooperation on counternarcotics and fentanyl."
>>> mentions = find_issue_mentions(text, split_sentences(text), (), gazetteer)
>>> [(m.topic, m.subject, m.stance.value) for m in mentions]
[('narcotics', 'fentanyl', 'cooperation')]
>>> [(i.id, i.subject, [s.text for s in i.evidence]) for i in merge_issues(mentions, ())]
[('I1', 'fentanyl', ['fentanyl'])]
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, cast

import attrs
import regex

from ._gazetteer import Gazetteer
from ._issue_phrases import (
    PLACEHOLDER,
    Lexicon,
    PhraseIndex,
    Words,
    phrase_source,
    sorted_phrases,
)
from ._model import Actor, ActorKind, Issue, Span, Stance
from ._text import Sentence, span

__all__ = ["IssueMention", "find_issue_mentions", "merge_issues"]


@attrs.frozen
class IssueMention:
    """One place where an article raises an issue.

    Attributes:
        topic: A key of the topic vocabulary ("trade").
        subject: The named matter ("Taiwan"), or ``None`` for a generic cue.
        stance: The stance of the words around it in its sentence.
        span: The cue or subject words in the text.
        sentence: Index of its sentence (:attr:`Sentence.index`).
        actors: Ids of the actors who raised it in this sentence, if any.
        referred: Whether a generic cue in another sentence than its subject
            ("the war" for "the war in Ukraine") gave it its subject: its
            stance counts only where the subject's own mentions state none.
    """

    topic: str
    subject: str | None
    stance: Stance
    span: Span
    sentence: int
    actors: tuple[str, ...] = ()
    referred: bool = False


# --- patterns ---------------------------------------------------------------

# An alias with the context it needs in its sentence: "Ukraine [cues, troops]".
_WITH_CONTEXT = regex.compile(r"^(?P<words>[^\[\]]*+)\[(?P<context>[^\[\]]*+)\]\s*+$")

# A dateline opening a sentence: "HANOI, Vietnam (AP) —", "MOSCOW (AP)_",
# "WASHINGTON, March 31 -". A place named there is not an issue.
_DATELINE = regex.compile(
    r"""
    \p{Lu}[\p{Lu}\p{Zs}.'’\-]{2,40}+    # a place in capitals: "HANOI", "NEW YORK"
    (?:,[^\n—–_()]{1,40}?)?              # a region or a date: ", Vietnam", ", March 31"
    \s*+(?:\([^()\n]{1,20}\)\s*+)?       # an agency: "(AP)"
    (?:[—–_]|-)                          # the dash before the story
    """,
    regex.VERBOSE,
)

# What may stand between a speaker and the speech verb: "Biden also stressed",
# "Xi on Tuesday warned", "the minister has repeatedly urged".
_SPEAKER_GAP = regex.compile(
    r"""
    [\s,]*+
    (?:
        (?:also|has|have|had|was|were|is|are|again|then|later|earlier|once|both|
           himself|herself|themselves|itself|on\s++\p{Lu}\p{Ll}++|\p{L}++(?<=ly))
        [\s,]++
    )*+
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# A hyphen before a suffix that makes a cue a description: "war-torn".
_HYPHENS = "-‐‑"

# Where a list item or a clause ends.
_ITEM_BREAK = regex.compile(r"[,;:]|\s(?:and|or)\s")
_AND = regex.compile(r"(?<!\w)and(?!\w)")
_CLAUSE_BREAK = regex.compile(r"[;:]|\s(?:but(?!\s++also)|while|whereas)\s")
# What a clause break holds, one of them at least: most sentences have none.
_CLAUSE_MARKS = (";", ":", "but", "while", "whereas")

# How far (in words) a stance word may be from the mention it colours.
_STANCE_WINDOW = 20
# How far (in words) an open question ("whether") reaches in its clause.
_QUESTION_WINDOW = 6
# How many names, beginning last before a mention, may hold it.
_HOLDERS = 4


@attrs.frozen
class _Entry:
    """What a matched phrase stands for: a topic's cue or subject, with its context."""

    topic: str
    subject: str | None
    named: bool = False  # a name ("Taiwan"), not a common noun ("fentanyl"): counts anywhere
    specific: bool = False  # a specific matter ("tariffs"): a subject named by a common noun
    needs_cue: bool = False  # a cue of the topic must be in the sentence ("[cues]")
    context: PhraseIndex | None = None  # or one of these words must be
    state: str | None = None  # the phrase's pattern, to find its "{state}" in a match


@attrs.frozen
class _Patterns:
    """The compiled patterns of one gazetteer."""

    terms: PhraseIndex  # every cue, alias and background phrase, longest first
    entries: tuple[tuple[_Entry, ...], ...]  # what each phrase of ``terms`` stands for
    states: Mapping[str, str]  # lower-cased names, adjectives, capitals -> the state's name
    standalone: frozenset[str]  # topics whose generic cues never refer to a subject
    # topics whose named subjects take in the specific matters told with them
    absorbing: frozenset[str]
    descriptive: PhraseIndex  # "-torn" after a cue: a description, not an agenda item
    stance: PhraseIndex  # the concern words, then the cooperation words
    concerns: int  # how many of ``stance`` are concern words
    negators: PhraseIndex
    hedges: PhraseIndex
    questions: PhraseIndex
    remedies: PhraseIndex
    agenda: PhraseIndex
    continuations: PhraseIndex
    # the pattern of each phrase with a "{state}" seen so far, by its source
    state_patterns: dict[str, regex.Pattern[str]]
    speech: PhraseIndex
    list_heads: PhraseIndex
    # the indexes above that are looked for all through sentences, and those of
    # the contexts, all read at once
    lexicon: Lexicon


def _is_name(phrase: str) -> bool:
    """Whether a phrase is a name ("Taiwan", "5G"), not a common noun ("tariffs")."""
    return any(map(str.isupper, phrase)) or any(map(str.isdigit, phrase))


def _words(data: Mapping[str, Any], key: str) -> list[str]:
    value = data.get(key, ())
    return [str(v) for v in value] if isinstance(value, list | tuple) else []


def _index(phrases: Iterable[str]) -> PhraseIndex:
    """The index of a word list, in the order of its alternation (longest first)."""
    return PhraseIndex.build([(p, True) for p in sorted_phrases(phrases)])


def _build(gazetteer: Gazetteer) -> _Patterns:
    """Compile the patterns of the issues stage from the gazetteer's word lists."""
    contexts: dict[str, PhraseIndex] = {}

    def make_entry(topic: str, subject: str, phrase: str, need: str | None) -> _Entry:
        named = _is_name(phrase)
        specific = not _is_name(subject) and PLACEHOLDER not in subject
        if need is None:
            return _Entry(topic, subject, named, specific)
        words = [w.strip() for w in need.split(",") if w.strip()]
        others = [w for w in words if w != "cues"]
        key = ",".join(others)
        if others and key not in contexts:
            contexts[key] = _index(others)
        return _Entry(
            topic,
            subject,
            named,
            specific,
            "cues" in words,
            contexts.get(key) if others else None,
        )

    # Every phrase by its pattern, with its length: the longest is tried
    # first, and a background phrase before a cue of the same length.
    by_source: dict[str, tuple[float, tuple[str, bool], list[_Entry]]] = {}

    def add(phrase: str, entry: _Entry | None, *, inflect: bool) -> None:
        phrase = phrase.strip()
        if phrase:
            size = len(phrase) + (0.5 if entry is None else 0.0)
            source = phrase_source(phrase, inflect=inflect)
            _, _, entries = by_source.setdefault(source, (size, (phrase, inflect), []))
            if entry is not None:
                entries.append(entry)

    for topic in gazetteer.topics:
        for cue in topic.cues:
            add(cue, _Entry(topic.key, None), inflect=True)
        for subject in topic.subjects:
            for alias in subject.aliases or (subject.name,):
                m = _WITH_CONTEXT.match(alias)
                words = m.group("words") if m else alias
                found = make_entry(
                    topic.key, subject.name, words, m.group("context") if m else None
                )
                if PLACEHOLDER in words:
                    found = attrs.evolve(found, state=phrase_source(words, inflect=False))
                # A common noun ("tariff") also in its plural; a name as written.
                add(words, found, inflect=not found.named)
    words = gazetteer.stance_words
    for phrase in _words(words, "background"):
        add(phrase, None, inflect=True)
    ordered = sorted(by_source.items(), key=lambda kv: (-kv[1][0], kv[0]))
    states: dict[str, str] = {}
    for country in gazetteer.countries:
        forms = (country.name, *country.aliases, *country.adjectives, country.capital or "")
        for form in forms:
            if form:
                states.setdefault(form.lower(), country.name)
    concern = sorted_phrases(_words(words, "concern"))
    cooperation = sorted_phrases(_words(words, "cooperation"))
    terms = PhraseIndex.build(
        [phrase for _, (_, phrase, _) in ordered], [source for source, _ in ordered]
    )
    # The concern words first, as the alternation of the two lists tried them.
    stance = PhraseIndex.build([(p, True) for p in (*concern, *cooperation)])
    negators = _index(_words(words, "negators"))
    hedges = _index(_words(words, "hedges"))
    questions = _index(_words(words, "questions"))
    remedies = _index(_words(words, "remedies"))
    agenda = _index(_words(words, "agenda"))
    speech = _index(_words(words, "raise_verbs"))
    list_heads = _index(_words(words, "list_heads"))
    return _Patterns(
        terms=terms,
        entries=tuple(tuple(entries) for _, (_, _, entries) in ordered),
        states=states,
        standalone=frozenset(_words(words, "standalone_topics")),
        absorbing=frozenset(_words(words, "absorbing_topics")),
        descriptive=_index(_words(words, "descriptive_suffixes")),
        stance=stance,
        concerns=len(concern),
        negators=negators,
        hedges=hedges,
        questions=questions,
        remedies=remedies,
        agenda=agenda,
        continuations=_index(_words(words, "continuations")),
        state_patterns={},
        speech=speech,
        list_heads=list_heads,
        # Not "descriptive" and "continuations", looked for at one place only.
        lexicon=Lexicon.build(
            [
                terms,
                stance,
                negators,
                hedges,
                questions,
                remedies,
                agenda,
                speech,
                list_heads,
                *contexts.values(),
            ]
        ),
    )


# --- finding mentions ---------------------------------------------------------


def find_issue_mentions(
    text: str,
    sentences: Sequence[Sentence],
    actors: Sequence[Actor],
    gazetteer: Gazetteer,
    *,
    agenda_sentences: frozenset[int] = frozenset(),
) -> tuple[IssueMention, ...]:
    """Every place where ``text`` raises an issue, in text order.

    A generic cue ("trade") counts only where its sentence is about the
    agenda: a sentence in ``agenda_sentences`` (those the meetings stage
    found to talk about a meeting), a sentence with agenda language
    ("discussed", "raised", "relations", "urged"...), or a sentence that
    goes on from such a sentence in the same paragraph ("They also ...").
    A named subject ("Taiwan") counts in any sentence, but an alias with a
    required context counts only next to it ("Ukraine" is the war only next
    to "war", "ceasefire"...), and nothing in a dateline or a description
    ("war-torn") counts. A subject that is a common noun ("tariffs", "oil")
    rather than a name counts only where a cue would.

    In topics listed as ``absorbing_topics`` in stance.toml, a specific
    matter told in one sentence with a name of its topic ("the ceasefire in
    Chechnya", "the arms embargo against Iraq") is part of that name, there
    and wherever else the article mentions it.

    A generic cue of a topic whose subjects the article names refers to one
    of them ("the war" after "the war in Ukraine", "trade" beside
    "tariffs"): in the sentence of a subject it is only that subject's
    context and no mention of its own; elsewhere it takes the subject
    mentioned nearest before it (or the first after it), marked
    ``referred``. Topics listed as ``standalone_topics`` in stance.toml
    ("relations" is the relationship as a whole) keep their generic cues.

    Args:
        text: The article.
        sentences: Its sentences (:func:`diplotext._text.split_sentences`).
        actors: Its actors, whose mentions tell who raised an issue.
        gazetteer: The word lists.
        agenda_sentences: Indices of the sentences about a meeting.
    """
    patterns = gazetteer.cached("issues", _build)
    words = patterns.lexicon.read(text)
    speakers = sorted([(m.start, m.end, a.id) for a in actors for m in a.mentions])
    starts = [s[0] for s in speakers]
    states = {
        (m.start, m.end): a.name
        for a in actors
        if a.kind is ActorKind.STATE and a.name
        for m in a.mentions
    }
    found: list[IssueMention] = []

    def agenda(sentence: Sentence) -> bool:
        return sentence.index in agenda_sentences or bool(
            patterns.agenda.findall(words, sentence.start, sentence.end)
        )

    # The cues and subjects of every sentence, found in one go.
    terms = patterns.terms.findall_each(words, [(s.start, s.end) for s in sentences])
    for n, sentence in enumerate(sentences):
        if not terms[n]:
            continue  # most sentences: nothing to read the agenda for
        matches = _terms(text, words, sentence, terms[n], patterns)
        if not matches:
            continue
        previous = sentences[n - 1] if n else None
        relevant = agenda(sentence) or (
            previous is not None
            and sentence.paragraph == previous.paragraph
            and agenda(previous)
            and patterns.continuations.match(words, sentence.start, sentence.end) is not None
        )
        hits = _topic_hits(text, words, sentence, matches, patterns, states, relevant=relevant)
        if not hits:
            continue
        stances = _stance_hits(text, words, sentence, patterns)
        # A stance word inside the name of a matter ("joint exercises") speaks
        # of that matter only, not of the others of its sentence.
        names = sorted((a, b) for a, b, _, subject in hits if subject is not None)
        free: list[tuple[int, int, Stance]] = []
        owned: dict[tuple[int, int], list[tuple[int, int, Stance]]] = {}
        for hit in stances:
            holders = _holders(names, hit[0], hit[1])
            if not holders:
                free.append(hit)
            for holder in holders:
                owned.setdefault(holder, []).append(hit)
        # Without a stance word in the sentence, every mention in it is neutral.
        clause = _clause(text, words, sentence, patterns, free) if stances else None
        low = bisect.bisect_left(starts, sentence.start)
        high = bisect.bisect_left(starts, sentence.end)
        raisers = _raisers(text, words, sentence, patterns, speakers[low:high])
        raised_at = [at for at, _ in raisers]
        for start, end, topic, subject in hits:
            stance = Stance.NEUTRAL
            if clause is not None:
                extra = [h for holder in _holders(names, start, end) for h in owned.get(holder, ())]
                stance = _stance_of(text, sentence, clause, extra, start, end)
            n = bisect.bisect_right(raised_at, start)
            who = raisers[n - 1][1] if n else ()
            found.append(
                IssueMention(topic, subject, stance, span(text, start, end), sentence.index, who)
            )
    return _resolve(_absorb(found, patterns.absorbing), patterns.standalone)


def _absorb(mentions: list[IssueMention], absorbing: frozenset[str]) -> list[IssueMention]:
    """Fold the specific matters of a named subject into it, in topics that are ``absorbing``.

    A specific matter ("ceasefire") told in one sentence with a named subject
    of its topic ("the ceasefire in Chechnya") is that subject's context
    there, and names that subject wherever else the article mentions it ("the
    ceasefire is holding"). A specific matter never told with a name stays
    an issue of its own. The mentions are in text order, so that every
    look-up is a binary search.
    """
    names: dict[tuple[str, int], list[IssueMention]] = {}
    for m in mentions:
        if m.topic in absorbing and m.subject is not None and _is_name(m.subject):
            names.setdefault((m.topic, m.sentence), []).append(m)
    if not names:
        return mentions
    links: dict[tuple[str, str], list[tuple[int, str]]] = {}
    kept: list[IssueMention] = []
    for m in mentions:
        told_with = names.get((m.topic, m.sentence))
        if m.subject is not None and told_with and not _is_name(m.subject):
            nearest = _nearest(told_with, m.span.start)
            links.setdefault((m.topic, m.subject), []).append((m.span.start, str(nearest.subject)))
            continue
        kept.append(m)
    resolved: list[IssueMention] = []
    for m in kept:
        link = links.get((m.topic, m.subject)) if m.subject is not None else None
        if link:
            # The name linked last before it, else the first.
            i = bisect.bisect_right(link, m.span.start, key=lambda at_name: at_name[0])
            subject = link[i - 1 if i else 0][1]
            m = attrs.evolve(m, subject=subject)
        resolved.append(m)
    return resolved


def _nearest(names: Sequence[IssueMention], start: int) -> IssueMention:
    """The first of ``names`` (in text order) that begins nearest to ``start``."""
    i = bisect.bisect_left(names, start, key=lambda n: n.span.start)
    if i == len(names) or (i and start - names[i - 1].span.start <= names[i].span.start - start):
        # The one before is as near or nearer: the first that begins where it begins.
        return names[bisect.bisect_left(names, names[i - 1].span.start, key=lambda n: n.span.start)]
    return names[i]


def _resolve(mentions: list[IssueMention], standalone: frozenset[str]) -> tuple[IssueMention, ...]:
    """Give each generic mention the subject of its topic it refers to, if the article names one.

    The mentions are in text order, so that every look-up is a binary search.
    """
    named: dict[str, list[IssueMention]] = {}
    said: dict[str, set[int]] = {}  # the sentences of each topic's subjects
    for m in mentions:
        if m.subject is not None and m.topic not in standalone:
            named.setdefault(m.topic, []).append(m)
            said.setdefault(m.topic, set()).add(m.sentence)
    resolved: list[IssueMention] = []
    for m in mentions:
        candidates = named.get(m.topic)
        if m.subject is None and candidates:
            if m.sentence in said[m.topic]:
                continue  # the context of a subject in its own sentence
            # The subject mentioned last before it, else the first.
            i = bisect.bisect_right(candidates, m.span.start, key=lambda n: n.span.start)
            subject = candidates[i - 1 if i else 0].subject
            m = attrs.evolve(m, subject=subject, referred=True)
        resolved.append(m)
    return tuple(resolved)


def _bounds(sentence: Sentence) -> tuple[int, int]:
    return sentence.start, sentence.end


def _terms(
    text: str,
    words: Words,
    sentence: Sentence,
    found: Sequence[tuple[int, int, int]],
    patterns: _Patterns,
) -> list[tuple[int, int, tuple[_Entry, ...]]]:
    """The cues and subjects ``found`` in a sentence by ``patterns.terms``, with their entries."""
    return [
        (start, end, patterns.entries[index])
        for start, end, index in found
        # A description is no cue at all: "war-torn", "refugee-flooded".
        if not (
            end < sentence.end
            and text[end] in _HYPHENS
            and patterns.descriptive.match(words, end + 1, sentence.end)
        )
    ]


def _topic_hits(
    text: str,
    words: Words,
    sentence: Sentence,
    matches: Sequence[tuple[int, int, tuple[_Entry, ...]]],
    patterns: _Patterns,
    states: Mapping[tuple[int, int], str],
    *,
    relevant: bool,
) -> list[tuple[int, int, str, str | None]]:
    """The cues and subjects of a sentence, of its ``matches``: ``(start, end, topic, subject)``."""
    begin = sentence.start
    # A dateline opens with a place in capitals: not "The", "He"... (most sentences).
    if not text[begin + 1 : begin + 2].islower():
        dateline = _DATELINE.match(text, sentence.start, sentence.end)
        begin = dateline.end() if dateline else sentence.start
    # A cue of a topic, for "[cues]": a generic cue or a specific matter ("ceasefire"),
    # found when first needed.
    cued: set[str] | None = None
    # Whether ``hits`` may be out of text order (they are found in text order, each
    # match once, but for matters within a name and deferred ones).
    mixed = False
    hits: list[tuple[int, int, str, str | None]] = []
    # Specific matters of a sentence off the agenda: only the context of a name there.
    deferred: list[tuple[int, int, str, str | None]] = []
    # The words of each required context in the sentence, found once.
    contexts: dict[PhraseIndex, list[tuple[int, int]]] = {}
    for start, end, entries in matches:
        if start < begin:
            continue  # in a dateline
        for entry in entries:
            subject = entry.subject
            target = None
            if entry.state is not None:
                target = _state_pattern(patterns, entry.state).fullmatch(text, start, end)
                subject = _state(text, target, patterns.states, states)
            if entry.needs_cue or entry.context is not None:
                if entry.needs_cue and cued is None:
                    cued = {
                        e.topic
                        for _, _, entries in matches
                        for e in entries
                        if e.subject is None
                        or (e.specific and not e.needs_cue and e.context is None)
                    }
                if not (
                    (entry.needs_cue and entry.topic in cast("set[str]", cued))
                    or (
                        entry.context is not None
                        and _has_context(words, sentence, entry.context, start, end, contexts)
                    )
                ):
                    continue
            if not relevant and (subject is None or not entry.named):
                if entry.specific and entry.topic in patterns.absorbing:
                    deferred.append((start, end, entry.topic, subject))
                continue
            hits.append((start, end, entry.topic, subject))
            if target is not None and subject is not None and entry.topic in patterns.absorbing:
                # "the arms embargo against Iraq": the matter before the state is its context.
                mixed = True
                hits.extend(
                    _matters_within(
                        text, words, patterns, entry.topic, start, target.start("state")
                    )
                )
    if deferred:
        named = {
            topic for _, _, topic, subject in hits if subject is not None and _is_name(subject)
        }
        hits.extend(hit for hit in deferred if hit[2] in named)
        mixed = True
    if mixed:
        hits.sort(key=lambda hit: (hit[0], hit[1]))
    return hits


def _matters_within(
    text: str, words: Words, patterns: _Patterns, topic: str, start: int, end: int
) -> list[tuple[int, int, str, str | None]]:
    """The specific matters of ``topic`` named in ``text[start:end]`` ("arms embargo")."""
    return [
        (a, b, topic, entry.subject)
        for a, b, index in patterns.terms.findall(words, start, end)
        for entry in patterns.entries[index]
        if entry.topic == topic and entry.specific and not entry.needs_cue and entry.context is None
    ]


def _state(
    text: str,
    match: regex.Match[str] | None,
    names: Mapping[str, str],
    actors: Mapping[tuple[int, int], str],
) -> str | None:
    """The state that the ``{state}`` of a match names: a state actor's or the gazetteer's."""
    if match is None:
        return None
    start, end = match.span("state")
    for (a, b), name in actors.items():
        if a < end and start < b:
            return name
    words = text[start:end].split()
    if words and words[0].lower() == "the":
        words = words[1:]
    for size in range(len(words), 0, -1):  # the longest known name first
        name = " ".join(words[:size])
        bare = name.rstrip(".,").removesuffix("'s").removesuffix("’s")
        for form in (name, bare):
            if form.lower() in names:
                return names[form.lower()]
    return None  # an unknown name: the words before it are a generic cue


def _state_pattern(patterns: _Patterns, source: str) -> regex.Pattern[str]:
    """The pattern of a phrase with a "{state}", compiled on first use."""
    found = patterns.state_patterns.get(source)
    if found is None:
        found = patterns.state_patterns[source] = regex.compile(source)
    return found


def _has_context(
    words: Words,
    sentence: Sentence,
    context: PhraseIndex,
    start: int,
    end: int,
    seen: dict[PhraseIndex, list[tuple[int, int]]],
) -> bool:
    """Whether the sentence holds a context word outside the matched alias itself.

    The context words of the sentence are found once per context and kept in
    ``seen``; they are in text order and apart, so the first or the last of
    them is outside the alias if any is.
    """
    spans = seen.get(context)
    if spans is None:
        spans = seen[context] = [
            (a, b) for a, b, _ in context.findall(words, sentence.start, sentence.end)
        ]
    return bool(spans) and (spans[0][1] <= start or spans[-1][0] >= end)


# --- stance ---------------------------------------------------------------------


def _gap_words(text: str, start: int, end: int) -> int:
    return len(text[start:end].split())


def _preceded_by(
    text: str, spans: Sequence[tuple[int, int]], ends: Sequence[int], pos: int, words: int
) -> bool:
    """Whether the last of ``spans`` (with their ``ends``) before ``pos`` ends at most
    ``words`` words before it, in the same clause."""
    i = bisect.bisect_right(ends, pos) - 1
    if i < 0:
        return False
    end = spans[i][1]
    gap = text[end:pos]
    return _gap_words(text, end, pos) <= words and not any(c in gap for c in ",;:.")


def _stance_hits(
    text: str, words: Words, sentence: Sentence, patterns: _Patterns
) -> list[tuple[int, int, Stance]]:
    """The stance words of a sentence, turned by negators and remedies before them."""
    bounds = _bounds(sentence)
    found = patterns.stance.findall(words, *bounds)
    if not found:
        return []  # most sentences: no stance word to turn

    def spans(index: PhraseIndex) -> list[tuple[int, int]]:
        return [(a, b) for a, b, _ in index.findall(words, *bounds)]

    negators = [
        (a, b)
        for a, b in spans(patterns.negators)
        if not text[b : b + 6].lstrip().lower().startswith("only")
    ]
    remedies = spans(patterns.remedies)
    hedges = spans(patterns.hedges)
    questions = spans(patterns.questions)
    if not (negators or remedies or hedges or questions):
        # Most sentences with stance words: nothing turns them.
        return [
            (start, end, Stance.CONCERN if index < patterns.concerns else Stance.COOPERATION)
            for start, end, index in found
        ]
    ends = {id(spans): [e for _, e in spans] for spans in (negators, remedies, hedges, questions)}

    def before(spans: list[tuple[int, int]], pos: int, words: int) -> bool:
        return bool(spans) and _preceded_by(text, spans, ends[id(spans)], pos, words)

    hits: list[tuple[int, int, Stance]] = []
    for start, end, index in found:
        stance = Stance.CONCERN if index < patterns.concerns else Stance.COOPERATION
        if before(negators, start, 3):
            if stance is Stance.CONCERN:
                continue  # "not worried": no stance
            stance = Stance.CONCERN  # "no progress", "failed to make any progress"
        elif before(hedges, start, 1):
            continue  # "any agreement": no stance stated
        elif before(questions, start, _QUESTION_WINDOW):
            continue  # "no word on whether they would resume the exercises": a question
        elif stance is Stance.CONCERN and before(remedies, start, 2):
            stance = Stance.COOPERATION  # "ease tensions"
        hits.append((start, end, stance))
    return hits


def _holders(names: Sequence[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The ``names`` (spans in text order) that hold ``text[start:end]``.

    Names overlap only where one holds another ("arms embargo" in "the arms
    embargo against Iraq"), so the few that begin last before ``start`` are
    the only ones to look at.
    """
    i = bisect.bisect_right(names, start, key=lambda n: n[0])
    return [n for n in names[max(0, i - _HOLDERS) : i] if n[0] <= start and end <= n[1]]


class _Clause:
    """The stance words of one sentence and the words that cut it, indexed for lookups.

    Every lookup is a binary search, so that a sentence with many mentions
    costs no more than their number times its logarithm. A plain slotted
    class: one is made for each sentence with stance words, and only read.

    Attributes:
        hits: Stance words ``(start, end, stance)`` in text order, apart.
        hit_ends: Their ends, in the same order.
        break_starts: Starts of the clause breaks ("; ", " but "), every match.
        break_min_ends: For each break, the least end of it and those after it.
        item_starts: Starts of the breaks between list items (", ", " and "),
            where there are ``heads`` (else none is looked for).
        item_ends: Their ends.
        heads: Words that open a list ("including"), as spans.
        head_ends: Their ends.
        end: Where the sentence ends.
    """

    __slots__ = (
        "break_min_ends",
        "break_starts",
        "end",
        "head_ends",
        "heads",
        "hit_ends",
        "hits",
        "item_ends",
        "item_starts",
    )

    def __init__(
        self,
        *,
        hits: Sequence[tuple[int, int, Stance]],
        hit_ends: Sequence[int],
        break_starts: Sequence[int],
        break_min_ends: Sequence[int],
        item_starts: Sequence[int],
        item_ends: Sequence[int],
        heads: Sequence[tuple[int, int]],
        head_ends: Sequence[int],
        end: int,
    ) -> None:
        self.hits = hits
        self.hit_ends = hit_ends
        self.break_starts = break_starts
        self.break_min_ends = break_min_ends
        self.item_starts = item_starts
        self.item_ends = item_ends
        self.heads = heads
        self.head_ends = head_ends
        self.end = end

    def broken(self, lo: int, hi: int) -> bool:
        """Whether a clause break lies inside ``text[lo:hi]``."""
        i = bisect.bisect_left(self.break_starts, lo)
        return i < len(self.break_starts) and self.break_min_ends[i] <= hi

    def near(self, start: int, end: int, lo: int, hi: int) -> list[tuple[int, int, Stance]]:
        """The stance words inside ``text[lo:hi]`` that may be the nearest to ``start:end``.

        The last before it, those that overlap it and the first after it: a
        farther one is no nearer, and a clause break that cuts off the
        nearest cuts it off too.
        """
        hits = self.hits
        i = bisect.bisect_right(self.hit_ends, start)
        found = [hits[i - 1]] if i and hits[i - 1][0] >= lo else []
        while i < len(hits) and hits[i][0] < end:
            if lo <= hits[i][0] and hits[i][1] <= hi:
                found.append(hits[i])
            i += 1
        if i < len(hits) and hits[i][1] <= hi:
            found.append(hits[i])
        return found


def _clause(
    text: str,
    words: Words,
    sentence: Sentence,
    patterns: _Patterns,
    hits: Sequence[tuple[int, int, Stance]],
) -> _Clause:
    """The lookups of one sentence for the stance of its mentions."""
    bounds = _bounds(sentence)
    chunk = text[sentence.start : sentence.end]
    breaks = (
        [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(text, *bounds, overlapped=True)]
        if any(mark in chunk for mark in _CLAUSE_MARKS)
        else []
    )
    least = len(text)
    min_ends = []
    for _, stop in reversed(breaks):
        least = min(least, stop)
        min_ends.append(least)
    heads = [(a, b) for a, b, _ in patterns.list_heads.findall(words, *bounds)]
    # The items of a list, only where a list may be (most sentences: none).
    items = [(m.start(), m.end()) for m in _ITEM_BREAK.finditer(text, *bounds)] if heads else []
    return _Clause(
        hits=hits,
        hit_ends=[h[1] for h in hits],
        break_starts=[a for a, _ in breaks],
        break_min_ends=min_ends[::-1],
        item_starts=[a for a, _ in items],
        item_ends=[b for _, b in items],
        heads=heads,
        head_ends=[b for _, b in heads],
        end=sentence.end,
    )


def _stance_of(
    text: str,
    sentence: Sentence,
    clause: _Clause,
    extra: Sequence[tuple[int, int, Stance]],
    start: int,
    end: int,
) -> Stance:
    """The stance of a mention at ``start:end``: the nearest stance word of its clause.

    An item of a list ("including A, B and C") takes a stance word inside
    its own item, else the stance word nearest before the list's head. The
    stance words are those of ``clause`` and the ``extra`` ones inside the
    mention's own name.
    """
    h = bisect.bisect_right(clause.head_ends, start) - 1
    if h >= 0:
        head = clause.heads[h]
        k = bisect.bisect_right(clause.item_ends, start) - 1
        item_start = clause.item_ends[k] if k >= 0 and clause.item_starts[k] >= head[1] else head[1]
        k = bisect.bisect_left(clause.item_starts, end)
        item_end = clause.item_starts[k] if k < len(clause.item_starts) else sentence.end
        inside = [
            *clause.near(start, end, item_start, item_end),
            *(x for x in extra if x[0] >= item_start and x[1] <= item_end),
        ]
        if inside:
            inside.sort(key=lambda x: x[0])
            return min(inside, key=lambda x: _distance(text, x, start, end))[2]
        i = bisect.bisect_right(clause.hit_ends, head[0])
        before = clause.hits[i - 1] if i else None
        for x in extra:
            if x[1] <= head[0] and (before is None or x[0] > before[0]):
                before = x
        if before is not None and not clause.broken(before[1], head[0]):
            return before[2]
    candidates = [*clause.near(start, end, sentence.start, sentence.end), *extra]
    candidates.sort(key=lambda x: x[0])
    best: tuple[int, int] | None = None
    stance = Stance.NEUTRAL
    for hit in candidates:
        lo, hi = (hit[1], start) if hit[1] <= start else (end, hit[0])
        if lo < hi and clause.broken(lo, hi):
            continue
        key = (_distance(text, hit, start, end), 0 if hit[0] <= start else 1)
        if key[0] <= _STANCE_WINDOW and (best is None or key < best):
            best, stance = key, hit[2]
    return stance


def _distance(text: str, hit: tuple[int, int, Stance], start: int, end: int) -> int:
    """Words between a stance word and a mention (0 when they touch or overlap)."""
    if hit[1] <= start:
        return _gap_words(text, hit[1], start)
    if hit[0] >= end:
        return _gap_words(text, end, hit[0])
    return 0


# --- who raised it ----------------------------------------------------------------


def _raisers(
    text: str,
    words: Words,
    sentence: Sentence,
    patterns: _Patterns,
    speakers: Sequence[tuple[int, int, str]],
) -> list[tuple[int, tuple[str, ...]]]:
    """Each speech verb of the sentence with the actors who are its subject: ``(end, ids)``.

    The subject is the actor mention just before the verb ("Biden stressed",
    "Xi on Tuesday warned"), with those coordinated with it ("Biden and Xi
    agreed"); a verb joined by "and" to an earlier one shares its subject
    ("Biden stressed ... and also expressed ...").
    """
    if not speakers:
        return []  # no one to raise anything
    verbs = patterns.speech.findall(words, sentence.start, sentence.end)
    if not verbs:
        return []
    inside = [s for s in speakers if s[1] <= sentence.end]
    if not inside:
        return []
    starts = [s[0] for s in inside]
    result: list[tuple[int, tuple[str, ...]]] = []
    last_end = sentence.start
    last_ids: tuple[str, ...] = ()
    for at, verb_end, _ in verbs:
        # The mentions that end before the verb, last first (they are in order of start).
        before = (s for s in reversed(inside[: bisect.bisect_left(starts, at)]) if s[1] <= at)
        last = next(before, None)
        ids: tuple[str, ...] = ()
        if last is not None and _SPEAKER_GAP.fullmatch(text, last[1], at):
            chain = [last]
            for earlier in before:
                joint = text[earlier[1] : chain[-1][0]].strip(" ,")
                if joint not in ("and", "", "&"):
                    break
                chain.append(earlier)
            ids = tuple(dict.fromkeys(s[2] for s in reversed(chain)))
        elif (
            last_ids
            and _AND.search(text, last_end, at)
            and bisect.bisect_left(starts, last_end) == bisect.bisect_left(starts, at)
        ):
            ids = last_ids
        if ids:
            result.append((verb_end, ids))
            last_ids = ids
        last_end = verb_end
    return result


# --- merging ----------------------------------------------------------------------


def merge_issues(mentions: Sequence[IssueMention], actors: Sequence[Actor]) -> tuple[Issue, ...]:
    """One :class:`~diplotext.Issue` per topic and subject, in order of first mention.

    The stance is the one stated most often; a stated
    stance beats neutral, and a tie goes to the one stated first. The
    actors are every raiser of every mention; the evidence every mention's
    span, in text order. Ids run "I1", "I2"...
    """
    groups: dict[tuple[str, str | None], list[IssueMention]] = {}
    for m in sorted(mentions, key=lambda m: (m.span.start, m.span.end)):
        groups.setdefault((m.topic, m.subject), []).append(m)
    by_id = {a.id: a for a in actors}
    issues: list[Issue] = []
    # The groups came in order of their first mentions.
    for number, ((topic, subject), group) in enumerate(groups.items(), start=1):
        raisers = dict.fromkeys(i for m in group for i in m.actors if i in by_id)
        evidence = tuple(dict.fromkeys(m.span for m in group))
        issues.append(
            Issue(
                id=f"I{number}",
                topic=topic,
                subject=subject,
                stance=_overall_stance(group),
                actors=tuple(by_id[i] for i in raisers),
                evidence=evidence,
            )
        )
    return tuple(issues)


def _overall_stance(group: Sequence[IssueMention]) -> Stance:
    """The stance stated most often; a tie goes to concern; else neutral.

    A matter on which concern was voiced as often as cooperation is still a
    point of contention.

    Mentions that name the matter come first: the stance of a generic cue
    that only refers to it from another sentence counts where they state none.
    """
    stated = [m.stance for m in group if m.stance is not Stance.NEUTRAL and not m.referred]
    stated = stated or [m.stance for m in group if m.stance is not Stance.NEUTRAL]
    if not stated:
        return Stance.NEUTRAL
    concern = stated.count(Stance.CONCERN)
    cooperation = len(stated) - concern
    return Stance.COOPERATION if cooperation > concern else Stance.CONCERN
