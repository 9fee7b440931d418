"""Turn a folder of articles into three linked CSV tables: meetings, actors and issues.

Every ``*.txt`` file under the folder (searched recursively) is one article;
its id is the file name without ``.txt`` (the path under the folder when two
files share a name). Each record becomes one row of ``meetings.csv``,
``actors.csv`` or ``issues.csv`` in the output folder, with an id made
unique across the corpus by the article id: ``<article>:A1``, ``<article>:M1``,
``<article>:I1``. A meeting row lists its participants' actor ids joined by
``;`` (and its host's and issues' ids); an issue row lists the ids of the
actors who raised it and of the meetings where it was discussed. Load the
tables into pandas, R or a spreadsheet and join them on these ids.

Publication dates (for "on Tuesday") come from ``--index``, a tab-separated
file with the columns ``file`` (a path relative to the index file's folder)
and ``publication_date`` (``2024-04-02``, ``2024-04-02T10:34`` or
``02-APR-2024``; other values count as no date); ``--published`` gives a date
to every article the index does not date. A progress bar is drawn on standard
error (with tqdm when it is installed, else a counter).

Run from the repository root::

    python examples/corpus_to_csv.py seeds --published 2024-04-02 --out csv
    python examples/corpus_to_csv.py path/to/corpus --index path/to/corpus/INDEX.tsv \\
        --workers 4 --out csv
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import Any, TypeVar

from _dates_index import read_index

import diplotext

T = TypeVar("T")

MEETING_COLUMNS = [
    "meeting_id", "article", "published", "date_start", "date_end", "date_text", "mode",
    "cameo_code", "status", "participants", "host", "location", "location_country",
    "duration_minutes", "tone", "issues", "evidence",
]  # fmt: skip
ACTOR_COLUMNS = ["actor_id", "article", "kind", "name", "title", "country", "mentions"]
ISSUE_COLUMNS = [
    "issue_id", "article", "topic", "plover_context", "subject", "stance", "actors", "meetings",
]  # fmt: skip


def article_ids(paths: Sequence[Path], root: Path) -> list[str]:
    """The file stems, or the paths under ``root`` for stems that occur twice."""
    counts = Counter(p.stem for p in paths)
    return [
        p.stem if counts[p.stem] == 1 else p.relative_to(root).with_suffix("").as_posix()
        for p in paths
    ]


def progress(items: Iterable[T], total: int) -> Iterator[T]:
    """``items``, drawing a progress bar on standard error as they go by."""
    try:
        from tqdm import tqdm  # type: ignore[import-untyped]  # tqdm has no type hints
    except ImportError:
        for n, item in enumerate(items, start=1):
            print(f"\rparsed {n}/{total} articles", end="", file=sys.stderr, flush=True)
            yield item
        print(file=sys.stderr)
    else:
        yield from tqdm(items, total=total, unit="article", file=sys.stderr)


def rows(
    article_id: str, article: diplotext.Article
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """The meeting, actor and issue rows of one article."""

    def ids(records: Iterable[diplotext.Actor | diplotext.Meeting | diplotext.Issue]) -> str:
        return ";".join(f"{article_id}:{r.id}" for r in records)

    meetings = []
    for m in article.meetings:
        date, place = m.date, m.location
        minutes = None if m.duration is None else round(m.duration.total_seconds() / 60)
        meetings.append(
            {
                "meeting_id": f"{article_id}:{m.id}",
                "article": article_id,
                "published": article.published,
                "date_start": None if date is None else date.start,
                "date_end": None if date is None else date.end,
                "date_text": None if date is None else date.text,
                "mode": m.mode.value,
                "cameo_code": m.cameo_code,
                "status": m.status.value,
                "participants": ids(m.participants),
                "host": ids([m.host] if m.host else []),
                "location": None if place is None else place.name,
                "location_country": None if place is None else place.country,
                "duration_minutes": minutes,
                "tone": ";".join(m.tone),
                "issues": ids(m.issues),
                "evidence": " ".join(" ".join(s.text for s in m.evidence).split()),
            }
        )
    actors = [
        {
            "actor_id": f"{article_id}:{a.id}",
            "article": article_id,
            "kind": a.kind.value,
            "name": a.name,
            "title": a.title,
            "country": a.country,
            "mentions": len(a.mentions),
        }
        for a in article.actors
    ]
    issues = [
        {
            "issue_id": f"{article_id}:{i.id}",
            "article": article_id,
            "topic": i.topic,
            "plover_context": i.plover_context,
            "subject": i.subject,
            "stance": i.stance.value,
            "actors": ids(i.actors),
            "meetings": ids(m for m in article.meetings if i in m.issues),
        }
        for i in article.issues
    ]
    return meetings, actors, issues


def main(argv: Sequence[str] | None = None) -> None:
    """Parse every article under the folder and write the three tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="folder of *.txt articles (recursive)")
    parser.add_argument("--out", type=Path, default=Path("csv"), help="output folder")
    parser.add_argument("--index", type=Path, help="TSV with file and publication_date columns")
    parser.add_argument(
        "--published",
        type=dt.date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="publication date of the articles the index does not date",
    )
    parser.add_argument("--workers", type=int, default=1, help="processes parsing in parallel")
    args = parser.parse_args(argv)

    paths = sorted(args.folder.rglob("*.txt"))
    if not paths:
        parser.error(f"no *.txt files under {args.folder}")
    dates = read_index(args.index) if args.index else {}
    texts = (
        (p.read_text(encoding="utf-8"), dates.get(p.resolve()) or args.published) for p in paths
    )
    articles = diplotext.parse_many(texts, workers=args.workers)

    args.out.mkdir(parents=True, exist_ok=True)
    counts = Counter[str]()
    with ExitStack() as stack:
        writers = {}
        for table, columns in [
            ("meetings", MEETING_COLUMNS),
            ("actors", ACTOR_COLUMNS),
            ("issues", ISSUE_COLUMNS),
        ]:
            f = stack.enter_context(
                (args.out / f"{table}.csv").open("w", encoding="utf-8", newline="")
            )
            writers[table] = csv.DictWriter(f, columns)
            writers[table].writeheader()
        for article_id, article in zip(
            article_ids(paths, args.folder), progress(articles, len(paths)), strict=True
        ):
            for table, records in zip(writers, rows(article_id, article), strict=True):
                writers[table].writerows(records)
                counts[table] += len(records)
    print(
        f"Articles read: {len(paths)}. Rows written to {args.out}/: {counts['meetings']} "
        f"meetings, {counts['actors']} actors, {counts['issues']} issues.",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
