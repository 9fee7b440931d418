"""Read one article and print what diplotext found in it, as a summary or as JSON.

Shows how to walk the records of an ``Article``: each meeting with its date,
mode, status, participants, location, duration, tone and issues; then the
actors and the issues. With ``--json`` it prints ``Article.to_json()``, the
JSON form in which records refer to each other by id.

Run from the repository root::

    python examples/parse_article.py --published 2024-04-02
    python examples/parse_article.py seeds/000_858710e13cbfc5e3.txt --published 2024-04-02 --json

Without ``--published`` only dates that carry their own year are resolved
("in July 2022" is, "on Tuesday" is not).
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import diplotext

SEED = Path("seeds/000_858710e13cbfc5e3.txt")


def actor_label(actor: diplotext.Actor) -> str:
    """An actor as 'President Joe Biden (USA)', or 'officials (CHN)' if unnamed."""
    words = " ".join(w for w in (actor.title, actor.name) if w) or actor.kind.value
    return f"{words} ({actor.country})" if actor.country else words


def issue_label(issue: diplotext.Issue) -> str:
    """An issue as 'territorial_dispute: Taiwan', or its topic alone."""
    return f"{issue.topic}: {issue.subject}" if issue.subject else issue.topic


def date_label(date: diplotext.DateRange | None) -> str:
    """A date as '2024-04-02 (on Tuesday)', or a range for 'in November'."""
    if date is None:
        return "no date"
    days = str(date.start) if date.start == date.end else f"{date.start} to {date.end}"
    return f"{days} ({date.text})"


def duration_label(duration: dt.timedelta | None) -> str:
    """A duration as '1 h 45 min', or '-' when the article does not say."""
    if duration is None:
        return "-"
    hours, minutes = divmod(round(duration.total_seconds() / 60), 60)
    return f"{hours} h {minutes} min" if hours else f"{minutes} min"


def summary(article: diplotext.Article) -> str:
    """A readable summary: meetings, then actors, then issues."""
    lines = [f"Published: {article.published or 'unknown'}", ""]
    lines.append(f"Meetings ({len(article.meetings)})")
    for m in article.meetings:
        host = f", hosted by {actor_label(m.host)}" if m.host else ""
        where = "-"
        if m.location is not None:
            where = m.location.name + (f" ({m.location.country})" if m.location.country else "")
        lines += [
            f"  {m.id}  {date_label(m.date)}: {m.mode.value}, {m.status.value}{host}",
            f"      participants: {'; '.join(actor_label(a) for a in m.participants)}",
            f"      location: {where}   duration: {duration_label(m.duration)}"
            f"   tone: {', '.join(m.tone) or '-'}",
            f"      issues: {', '.join(issue_label(i) for i in m.issues) or '-'}",
        ]
    lines += ["", f"Actors ({len(article.actors)})"]
    for a in article.actors:
        lines.append(f"  {a.id:<4} {a.kind.value:<13} {actor_label(a)}")
    lines += ["", f"Issues ({len(article.issues)})"]
    for i in article.issues:
        raised = f"  raised by {', '.join(actor_label(a) for a in i.actors)}" if i.actors else ""
        lines.append(f"  {i.id:<4} {issue_label(i)} [{i.stance.value}]{raised}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    """Parse the article named on the command line and print it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=SEED, help=f"default: {SEED}")
    parser.add_argument(
        "--published", metavar="YYYY-MM-DD", help="publication date, for 'on Tuesday'"
    )
    parser.add_argument("--json", action="store_true", help="print the JSON form instead")
    args = parser.parse_args(argv)

    text = args.path.read_text(encoding="utf-8")
    article = diplotext.parse(text, published=args.published)
    print(article.to_json(indent=2) if args.json else summary(article))


if __name__ == "__main__":
    main()
