"""The pipeline as straight-line code: sentences, actors, dates, meetings, issues, merge."""

from __future__ import annotations

import bisect
import datetime as dt
from typing import TYPE_CHECKING

import attrs

from ._gazetteer import Gazetteer
from ._model import Actor, Article, Issue, Meeting, Span, _to_date
from ._text import Sentence, split_sentences

if TYPE_CHECKING:
    from . import _actors, _issues, _meetings

__all__ = ["find_actors", "find_issues", "find_meetings", "parse"]


def _check_text(text: object) -> str:
    if isinstance(text, str):
        return text
    if isinstance(text, bytes | bytearray | memoryview):
        raise TypeError(
            f"text must be str, not {type(text).__name__}: decode it first, "
            "e.g. data.decode('utf-8')"
        )
    raise TypeError(f"text must be str, not {type(text).__name__}")


def parse(
    text: str,
    *,
    published: dt.date | str | None = None,
    gazetteer: Gazetteer | None = None,
) -> Article:
    """Read one article: its actors, meetings and issues.

    Args:
        text: The article as plain text.
        published: Its publication date (``date``, ``datetime`` or ISO
            string), against which "on Tuesday" or "next month" are resolved.
            Without it only dates that carry their own year are resolved.
        gazetteer: The data to use; the bundled :meth:`Gazetteer.default` if
            not given.

    Raises:
        TypeError: If ``text`` is not a ``str`` (bytes must be decoded first).
        ValueError: If ``published`` is not a usable date.
    """
    body = _check_text(text)
    day = _to_date(published)
    # The stages are imported on first use, to keep `import diplotext` light.
    from . import _actors, _issues, _meetings

    g = Gazetteer.default() if gazetteer is None else gazetteer
    sentences = split_sentences(body)
    found = _actors.find_actor_mentions(body, sentences, g, day)
    drafts, hosts = _meetings.find_meeting_drafts(body, sentences, found, g, day)
    actors = found.actors + _kept_hosts(drafts, hosts, len(found.actors))
    agenda = frozenset(s for d in drafts for s in d.sentences)
    mentions = _issues.find_issue_mentions(
        body, sentences, found.actors, g, agenda_sentences=agenda
    )
    issues = _issues.merge_issues(mentions, found.actors)
    context = _discussion_context(sentences, drafts, found.mentions)
    meetings = _freeze_meetings(body, sentences, drafts, actors, issues, mentions, context)
    return Article(text=body, published=day, actors=actors, meetings=meetings, issues=issues)


def _kept_hosts(
    drafts: list[_meetings.MeetingDraft], hosts: tuple[Actor, ...], first: int
) -> tuple[Actor, ...]:
    """The inferred host states that a meeting still names, renumbered after the others."""
    used = {p for d in drafts for p in (*d.participants, d.host) if p}
    kept = [a for a in hosts if a.id in used]
    renamed = {a.id: f"A{first + n}" for n, a in enumerate(kept, 1)}
    for d in drafts:
        d.participants = [renamed.get(p, p) for p in d.participants]
        d.host = renamed.get(d.host, d.host) if d.host else None
    return tuple(attrs.evolve(a, id=renamed[a.id]) for a in kept)


def _discussion_context(
    sentences: tuple[Sentence, ...],
    drafts: list[_meetings.MeetingDraft],
    mentions: tuple[_actors.Mention, ...],
) -> dict[int, list[int]]:
    """Which meetings each sentence speaks of, for the issues discussed there.

    A sentence that tells of meetings speaks of them. Another speaks of the
    latest told meetings one of whose participants it names ("Biden also
    raised TikTok"; "Hu thanked the five presidents" after five meetings told
    together), or else of the meetings told just before it, for two sentences
    ("This call comes ... Topics of discussion included ...").
    """
    owners: dict[int, list[int]] = {}
    for n, d in enumerate(drafts):
        for s in d.sentences:
            owners.setdefault(s, []).append(n)
    starts = [s.start for s in sentences]
    named: dict[int, set[str]] = {}
    for m in mentions:
        named.setdefault(bisect.bisect_right(starts, m.start) - 1, set()).add(m.actor)
    context: dict[int, list[int]] = {}
    last_told: dict[int, int] = {}  # meeting -> the last sentence that told of it
    current: list[int] = []
    since = 0
    for sent in sentences:
        if sent.index in owners:
            current, since = owners[sent.index], 0
            for n in current:
                last_told[n] = sent.index
            context[sent.index] = current
            continue
        since += 1
        people = named.get(sent.index, set())
        hits = [n for n in last_told if people & set(drafts[n].participants)]
        if hits:
            # the meeting just told, else the one the article tells most of
            latest = max(last_told[n] for n in hits)
            if latest >= sent.index - 1:
                context[sent.index] = [n for n in hits if last_told[n] == latest]
            else:
                most = max(len(drafts[n].sentences) for n in hits)
                context[sent.index] = [n for n in hits if len(drafts[n].sentences) == most]
        elif current and since <= 2:
            context[sent.index] = current
    return context


def _freeze_meetings(
    text: str,
    sentences: tuple[Sentence, ...],
    drafts: list[_meetings.MeetingDraft],
    actors: tuple[Actor, ...],
    issues: tuple[Issue, ...],
    mentions: tuple[_issues.IssueMention, ...],
    context: dict[int, list[int]],
) -> tuple[Meeting, ...]:
    """Meetings from drafts, with ids in order of first mention and the issues discussed."""
    by_id = {a.id: a for a in actors}
    by_key = {(i.topic, i.subject): i for i in issues}
    discussed: dict[int, list[Issue]] = {}
    for m in mentions:
        issue = by_key.get((m.topic, m.subject))
        if issue is None:
            continue
        for n in context.get(m.sentence, ()):
            bucket = discussed.setdefault(n, [])
            if issue not in bucket:
                bucket.append(issue)
    out = []
    for n, d in enumerate(sorted(drafts, key=lambda d: min(d.sentences))):
        spans = tuple(
            Span(s.start, s.end, text[s.start : s.end])
            for s in sorted((sentences[i] for i in d.sentences), key=lambda s: s.start)
        )
        out.append(
            Meeting(
                id=f"M{n + 1}",
                participants=tuple(by_id[p] for p in d.participants),
                mode=d.mode,
                status=d.status,
                host=None if d.host is None else by_id[d.host],
                date=d.date,
                location=d.location,
                duration=d.duration,
                issues=tuple(discussed.get(drafts.index(d), ())),
                tone=tuple(d.tone),
                evidence=spans,
            )
        )
    return tuple(out)


def find_actors(text: str, *, gazetteer: Gazetteer | None = None) -> tuple[Actor, ...]:
    """The actors of ``text``: :attr:`Article.actors` of :func:`parse`."""
    return parse(text, gazetteer=gazetteer).actors


def find_meetings(
    text: str,
    *,
    published: dt.date | str | None = None,
    gazetteer: Gazetteer | None = None,
) -> tuple[Meeting, ...]:
    """The meetings of ``text``: :attr:`Article.meetings` of :func:`parse`."""
    return parse(text, published=published, gazetteer=gazetteer).meetings


def find_issues(text: str, *, gazetteer: Gazetteer | None = None) -> tuple[Issue, ...]:
    """The issues of ``text``: :attr:`Article.issues` of :func:`parse`."""
    return parse(text, gazetteer=gazetteer).issues
