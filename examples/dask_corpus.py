"""Parse a folder of articles on Dask and write one JSON line per article.

The route for corpora that outgrow one process or one machine: a
``dask.bag`` of file paths is mapped with ``parse_file`` (read, ``parse``,
``to_dict``) on a local cluster of worker processes (``dask.distributed``'s
``LocalCluster`` when distributed is installed, else Dask's multiprocessing
scheduler), or on a running cluster given with ``--scheduler ADDRESS``; its
workers need diplotext installed and the files at the same paths (a shared
file system). Each output line is ``Article.to_dict()`` plus ``"article"``
(the file name without ``.txt``) and ``"source"`` (the path), in the order
of the files; read one back with ``diplotext.Article.from_dict``.

Only paths travel to the workers, and what each task needs pickles cheaply:
``diplotext.parse`` pickles as a reference to the function, and a
``Gazetteer`` as its word lists alone (the default one as a reference to
itself), so each worker builds its patterns once and keeps them.

Publication dates come from ``--index`` and ``--published``, as for
``corpus_to_csv.py``. Needs the ``examples`` extra (``dask[bag]``;
``distributed`` is optional). Run from the repository root::

    pip install -e '.[examples]' distributed
    python examples/dask_corpus.py seeds --published 2024-04-02 --out articles.jsonl
    python examples/dask_corpus.py corpus/ --scheduler tcp://10.0.0.5:8786 --out articles.jsonl
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
from collections.abc import Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import Any

import dask.bag
from _dates_index import read_index

import diplotext

#: One article to parse: its id, its path and its publication date.
Job = tuple[str, str, dt.date | None]


def parse_file(job: Job) -> str:
    """Parse one article file; its JSON line (without the newline)."""
    article_id, path, published = job
    article = diplotext.parse(Path(path).read_text(encoding="utf-8"), published=published)
    record = {"article": article_id, "source": path, **article.to_dict()}
    return json.dumps(record, ensure_ascii=False)


def run(jobs: list[Job], scheduler: str | None, workers: int) -> list[str]:
    """The JSON lines of the jobs, in order, computed on Dask."""
    # dask's functions have no type hints: hence the "type: ignore[no-untyped-call]"
    lines = dask.bag.from_sequence(jobs).map(parse_file)  # type: ignore[no-untyped-call]
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        if scheduler:
            raise SystemExit("--scheduler needs distributed: pip install distributed") from None
        print(f"Dask's multiprocessing scheduler, {workers} processes")
        return list(lines.compute(scheduler="processes", num_workers=workers))
    if scheduler:
        cluster: Any = nullcontext(scheduler)
    else:
        cluster = LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers, threads_per_worker=1, dashboard_address=None
        )
    with cluster as address, Client(address) as client:  # type: ignore[no-untyped-call]
        print(f"Dask cluster at {client.scheduler.address}")
        return list(lines.compute())


def main(argv: Sequence[str] | None = None) -> None:
    """Parse every article under the folder on Dask and write the JSON Lines file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?", default=Path("seeds"))
    parser.add_argument("--out", type=Path, default=Path("articles.jsonl"), help="JSON Lines")
    parser.add_argument("--scheduler", metavar="ADDRESS", help="a running Dask scheduler")
    parser.add_argument(
        "--workers", type=int, default=os.cpu_count() or 1, help="local worker processes"
    )
    parser.add_argument("--index", type=Path, help="TSV with file and publication_date columns")
    parser.add_argument(
        "--published",
        type=dt.date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="publication date of the articles the index does not date",
    )
    args = parser.parse_args(argv)

    dates = read_index(args.index) if args.index else {}
    jobs = [
        (p.stem, str(p), dates.get(p.resolve()) or args.published)
        for p in sorted(args.folder.rglob("*.txt"))
    ]
    lines = run(jobs, args.scheduler, args.workers)
    with args.out.open("w", encoding="utf-8") as f:
        f.writelines(line + "\n" for line in lines)
    print(f"Articles parsed: {len(lines)}; written to {args.out}")


if __name__ == "__main__":
    main()
