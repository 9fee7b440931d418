"""The scripts in examples/ run as their docstrings say, on the seed article.

Each example runs in a subprocess, as a user would run it, from the
repository root, writing into a temporary folder. The checks are about
structure (files, headers, ids that resolve, pictures that are PNG images),
not about which meetings the stages find, except that the seed article has
at least one (the Biden–Xi call of 2 April 2024). Examples that need the
``examples`` extra are skipped when it is not installed.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
import struct
import subprocess
import sys
from pathlib import Path

import pytest

import diplotext

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEEDS = ROOT / "seeds"
SEED = SEEDS / "000_858710e13cbfc5e3.txt"
SEED_ID = SEED.stem

# Runs a script with one module made unimportable: sys.modules[name] = None.
# As `python examples/x.py` would, it puts the script's folder first on sys.path.
WITHOUT = (
    "import os, runpy, sys; sys.modules[sys.argv[1]] = None; sys.argv = sys.argv[2:]; "
    "sys.path.insert(0, os.path.dirname(sys.argv[0])); "
    "runpy.run_path(sys.argv[0], run_name='__main__')"
)


def run(
    script: str, *args: str | Path, without: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``examples/<script>`` from the repository root; fail with its stderr if it fails."""
    command = [sys.executable, str(EXAMPLES / script), *map(str, args)]
    if without is not None:
        command[1:1] = ["-c", WITHOUT, without]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "MPLBACKEND": "Agg"}
    result = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, encoding="utf-8", timeout=300, check=False
    )
    assert result.returncode == 0, f"{script} failed:\n{result.stdout}\n{result.stderr}"
    return result


def assert_png(path: Path) -> None:
    """``path`` is a PNG image of more than 1 KB and of a sensible size."""
    data = path.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n"), f"{path} is not a PNG file"
    assert len(data) > 1024, f"{path} is nearly empty ({len(data)} bytes)"
    width, height = struct.unpack(">II", data[16:24])  # the IHDR chunk
    assert width >= 400, f"{path} is only {width} pixels wide"
    assert height >= 300, f"{path} is only {height} pixels high"


def read_csv(path: Path, columns: set[str]) -> list[dict[str, str]]:
    """The rows of a CSV file, after checking its header has ``columns``."""
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames is not None, f"{path} has no header"
        assert columns <= set(reader.fieldnames), f"{path}: {reader.fieldnames}"
        return list(reader)


def ids(cell: str) -> list[str]:
    """The ids of a ';'-joined cell."""
    return [i for i in cell.split(";") if i]


# --- parse_article.py -------------------------------------------------------


def test_parse_article_summary() -> None:
    """The summary lists meetings, actors and issues, with at least one meeting."""
    out = run("parse_article.py", SEED, "--published", "2024-04-02").stdout
    for section in ("Meetings", "Actors", "Issues"):
        assert re.search(rf"^{section} \(\d+\)$", out, re.MULTILINE), out
    match = re.search(r"^Meetings \((\d+)\)$", out, re.MULTILINE)
    assert match is not None
    assert int(match.group(1)) >= 1
    assert "participants:" in out


def test_parse_article_default_path() -> None:
    """Without a path the script reads the seed article."""
    assert run("parse_article.py").stdout.startswith("Published: unknown")


def test_parse_article_json() -> None:
    """--json prints the JSON form, which reads back into an equal Article."""
    out = run("parse_article.py", SEED, "--published", "2024-04-02", "--json").stdout
    data = json.loads(out)
    assert data["published"] == "2024-04-02"
    article = diplotext.Article.from_dict(data)  # raises if an id does not resolve
    assert article.text == SEED.read_text(encoding="utf-8")
    assert len(article.meetings) >= 1


# --- corpus_to_csv.py -------------------------------------------------------


MEETING_COLUMNS = {
    "meeting_id",
    "article",
    "published",
    "date_start",
    "mode",
    "status",
    "participants",
    "host",
    "issues",
}
ACTOR_COLUMNS = {"actor_id", "article", "kind", "name", "title", "country"}
ISSUE_COLUMNS = {"issue_id", "article", "topic", "subject", "stance", "actors", "meetings"}


def test_corpus_to_csv(tmp_path: Path) -> None:
    """Three CSV tables, one row per record, whose ids all resolve."""
    index = tmp_path / "INDEX.tsv"
    index.write_text(f"file\tpublication_date\n{SEED}\t2024-04-02T10:00\n", encoding="utf-8")
    out = tmp_path / "csv"
    result = run("corpus_to_csv.py", SEEDS, "--index", index, "--out", out, "--workers", "2")
    assert result.stderr, "no progress on stderr"

    meetings = read_csv(out / "meetings.csv", MEETING_COLUMNS)
    actors = read_csv(out / "actors.csv", ACTOR_COLUMNS)
    issues = read_csv(out / "issues.csv", ISSUE_COLUMNS)
    assert len(meetings) >= 1
    assert len(actors) >= 2
    actor_ids = {row["actor_id"] for row in actors}
    issue_ids = {row["issue_id"] for row in issues}
    meeting_ids = {row["meeting_id"] for row in meetings}
    assert len(actor_ids) == len(actors)
    assert len(issue_ids) == len(issues)
    assert len(meeting_ids) == len(meetings)
    for row in [*meetings, *actors, *issues]:
        assert row["article"] == SEED_ID
    for row in meetings:
        assert row["published"] == "2024-04-02"  # read from the index
        assert row["meeting_id"].startswith(f"{SEED_ID}:M")
        assert ids(row["participants"]), row
        assert set(ids(row["participants"])) | set(ids(row["host"])) <= actor_ids
        assert set(ids(row["issues"])) <= issue_ids
    for row in issues:
        assert set(ids(row["actors"])) <= actor_ids
        assert set(ids(row["meetings"])) <= meeting_ids
    assert all(row["actor_id"].startswith(f"{SEED_ID}:A") for row in actors)


def test_corpus_to_csv_without_tqdm(tmp_path: Path) -> None:
    """Without tqdm the progress is a counter on stderr."""
    result = run("corpus_to_csv.py", SEEDS, "--out", tmp_path, without="tqdm")
    assert "parsed 1/1" in result.stderr
    assert (tmp_path / "meetings.csv").is_file()


# --- pictures ---------------------------------------------------------------


def test_meeting_network(tmp_path: Path) -> None:
    """The network of the seed article is drawn as a PNG image."""
    pytest.importorskip("matplotlib")
    pytest.importorskip("networkx")
    picture = tmp_path / "network.png"
    run("meeting_network.py", SEEDS, "--out", picture)
    assert_png(picture)


def test_timeline(tmp_path: Path) -> None:
    """The USA–China meetings of the seed article are drawn on a timeline PNG."""
    pytest.importorskip("matplotlib")
    picture = tmp_path / "timeline.png"
    out = run("timeline.py", SEEDS, "--pair", "USA", "CHN", "--out", picture).stdout
    assert re.search(r"\d+ dated meetings drawn, \d+ without a date", out), out
    assert_png(picture)


# --- custom_gazetteer.py ----------------------------------------------------


def test_custom_gazetteer() -> None:
    """The extended gazetteer makes a person known beforehand appear."""
    out = run("custom_gazetteer.py").stdout
    assert "with it (+)" in out
    assert re.search(r"^  \+ actor +Tomas Reyna: person", out, re.MULTILINE), out


# --- dask_corpus.py ---------------------------------------------------------


def read_jsonl(path: Path) -> list[diplotext.Article]:
    """The articles of a JSON Lines file written by dask_corpus.py."""
    articles = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        assert record["article"] == SEED_ID
        assert Path(record["source"]).name == SEED.name
        articles.append(diplotext.Article.from_dict(record))
    return articles


def test_dask_corpus(tmp_path: Path) -> None:
    """The seed folder runs on a local Dask cluster into one JSON line."""
    pytest.importorskip("dask.bag")
    out = tmp_path / "articles.jsonl"
    run("dask_corpus.py", SEEDS, "--published", "2024-04-02", "--out", out, "--workers", "1")
    [article] = read_jsonl(out)
    assert article.published == dt.date(2024, 4, 2)
    assert len(article.meetings) >= 1


def test_dask_corpus_multiprocessing(tmp_path: Path) -> None:
    """Without dask.distributed the multiprocessing scheduler gives the same lines."""
    pytest.importorskip("dask.bag")
    out = tmp_path / "articles.jsonl"
    result = run("dask_corpus.py", SEEDS, "--out", out, "--workers", "2", without="distributed")
    assert "multiprocessing" in result.stdout
    assert len(read_jsonl(out)) == 1


def test_dask_corpus_scheduler(tmp_path: Path) -> None:
    """--scheduler connects to a running cluster, which does the parsing."""
    pytest.importorskip("dask.bag")
    distributed = pytest.importorskip("distributed")
    out = tmp_path / "articles.jsonl"
    with distributed.LocalCluster(
        n_workers=1, processes=False, protocol="tcp", dashboard_address=None
    ) as cluster:
        address = cluster.scheduler_address
        result = run("dask_corpus.py", SEEDS, "--scheduler", address, "--out", out)
    assert address in result.stdout
    assert len(read_jsonl(out)) == 1
