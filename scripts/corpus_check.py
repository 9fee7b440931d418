"""Parse every article of a corpus folder; report failures, the slowest articles and the total.

Run it from the project root::

    python scripts/corpus_check.py                   # ../shared/corpus
    python scripts/corpus_check.py path/to/folder --slowest 10

Every ``*.txt`` below the folder is read as UTF-8 and given to
:func:`diplotext.parse`, with its publication date from the folder's
``INDEX.tsv`` when there is one (tab-separated, with a header; the ``file``
column is relative to the folder, ``publication_date`` an ISO date or
date-time). A file that cannot be read or parsed is a failure: its name and
the last frames of the traceback are printed. The exit status is 1 if any
article failed, else 0.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
import time
import traceback
from pathlib import Path

import diplotext

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FOLDER = ROOT.parent / "shared" / "corpus"
WARM_UP = (  # meets every stage, dateparser included (a month name with a day)
    "President Joe Biden spoke by phone with Chinese President Xi Jinping on Nov. 15, 2023, "
    "about trade and Taiwan. They will meet in Beijing next month."
)


def to_date(value: str) -> dt.date | None:
    """An ISO date or date-time, or a Reuters-21578 date ("2-JUN-1987"); else None."""
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    try:
        return dt.datetime.strptime(value.split()[0].title(), "%d-%b-%Y").date()
    except (ValueError, IndexError):
        return None


def read_index(folder: Path) -> tuple[dict[str, dt.date], list[str]]:
    """Publication dates by file, from ``INDEX.tsv``; and the values that are not dates."""
    index = folder / "INDEX.tsv"
    dates: dict[str, dt.date] = {}
    undated: list[str] = []
    if not index.is_file():
        return dates, undated
    with index.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            name = (row.get("file") or "").strip()
            value = (row.get("publication_date") or "").strip()
            if not name:
                continue
            day = to_date(value) if value else None
            if day is None:
                undated.append(value)
            else:
                dates[name] = day
    return dates, undated


def summary(exc: BaseException, frames: int = 3) -> str:
    """The exception and the last few frames of its traceback, indented."""
    tb = traceback.extract_tb(exc.__traceback__)[-frames:]
    lines = [f"    {Path(f.filename).name}:{f.lineno} in {f.name}: {f.line or ''}" for f in tb]
    lines.append(f"    {type(exc).__name__}: {exc}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument(
        "folder", nargs="?", type=Path, default=DEFAULT_FOLDER, help="default: ../shared/corpus"
    )
    p.add_argument("--slowest", type=int, default=5, help="how many of the slowest to list")
    args = p.parse_args(argv)
    folder: Path = args.folder
    if not folder.is_dir():
        print(f"corpus_check: not a directory: {folder}", file=sys.stderr)
        return 2
    paths = sorted(folder.rglob("*.txt"))
    if not paths:
        print(f"corpus_check: no *.txt files below {folder}", file=sys.stderr)
        return 2
    dates, undated = read_index(folder)

    # the first parse loads the gazetteer and compiles the patterns: not an article's cost
    t = time.perf_counter()
    diplotext.parse(WARM_UP, published=dt.date(2024, 4, 2))
    warm_up = time.perf_counter() - t

    timings: list[tuple[float, str, int]] = []
    failures: list[tuple[str, BaseException]] = []
    dated = 0
    start = time.perf_counter()
    for path in paths:
        rel = path.relative_to(folder).as_posix()
        published = dates.get(rel)
        dated += published is not None
        try:
            text = path.read_text(encoding="utf-8")
            t = time.perf_counter()
            diplotext.parse(text, published=published)
            timings.append((time.perf_counter() - t, rel, len(text.split())))
        except Exception as exc:
            failures.append((rel, exc))
    total = time.perf_counter() - start

    parse_time = sum(t for t, _, _ in timings)
    words = sum(w for _, _, w in timings)
    print(f"{len(paths)} articles in {folder}, {dated} with a publication date from INDEX.tsv")
    if undated:
        examples = ", ".join(repr(v) for v in sorted(set(undated))[:3])
        print(f"  ({len(undated)} INDEX.tsv rows give no exact date, e.g. {examples})")
    print(
        f"parsed {len(timings)} in {parse_time:.2f} s of parse time ({total:.2f} s in all, "
        f"reading included): {parse_time * 1000 / max(len(timings), 1):.1f} ms/article, "
        f"{words / parse_time if parse_time else 0:,.0f} words/s; warm-up parse {warm_up:.2f} s"
    )
    if timings:
        print(f"slowest {min(args.slowest, len(timings))}:")
        for seconds, rel, n_words in sorted(timings, reverse=True)[: args.slowest]:
            print(f"  {seconds * 1000:8.1f} ms  {n_words:6,} words  {rel}")
    if failures:
        print(f"FAILED: {len(failures)} of {len(paths)}")
        # the same error in many files is shown once, with the files it hit
        groups: dict[tuple[str, str], list[str]] = {}
        shown: dict[tuple[str, str], BaseException] = {}
        for rel, exc in failures:
            key = (type(exc).__name__, str(exc))
            groups.setdefault(key, []).append(rel)
            shown.setdefault(key, exc)
        for key, files in groups.items():
            more = f" and {len(files) - 1} more" if len(files) > 1 else ""
            print(f"  {files[0]}{more}:\n{summary(shown[key])}")
            if len(files) > 1:
                print("    also in: " + ", ".join(files[1:6]) + (" ..." if len(files) > 6 else ""))
        return 1
    print("no failures")
    return 0


if __name__ == "__main__":
    sys.exit(main())
