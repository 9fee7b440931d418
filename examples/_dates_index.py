"""Publication dates for the examples that read a folder of articles.

Shared by ``corpus_to_csv.py``, ``timeline.py`` and ``dask_corpus.py``; not
an example itself. Run the examples from the repository root, as their
docstrings say, and Python finds this module beside them.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

__all__ = ["read_date", "read_index"]


def read_date(value: str) -> dt.date | None:
    """A date written "2024-04-02", "2024-04-02T10:34" or "02-APR-2024", else None."""
    word = value.strip().split(" ")[0].split("T")[0]
    for form in ("%Y-%m-%d", "%d-%b-%Y"):
        try:
            return dt.datetime.strptime(word, form).date()
        except ValueError:
            pass
    return None


def read_index(index: Path) -> dict[Path, dt.date | None]:
    """Publication dates by file path, from a TSV with file and publication_date columns."""
    with index.open(encoding="utf-8", newline="") as f:
        return {
            (index.parent / row["file"]).resolve(): read_date(row["publication_date"] or "")
            for row in csv.DictReader(f, delimiter="\t")
        }
