"""The command line: formats, inputs and error paths.

The parsing stages are still being written, so these tests check structure
(keys, exit status, messages), not which meetings are found. Comments marked
"content check" say where a check of the seed's records belongs once they are.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

import diplotext
from diplotext import Article
from diplotext._cli import main

PUBLISHED = "2024-04-02"
ARTICLE_KEYS = {"published", "actors", "meetings", "issues", "text"}


class Result(NamedTuple):
    status: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    """Run ``main`` with the given arguments; return exit status, stdout and stderr."""

    def run(*argv: str | Path) -> Result:
        status = main([str(a) for a in argv])
        captured = capsys.readouterr()
        return Result(status, captured.out, captured.err)

    return run


def write(path: Path, data: str | bytes) -> Path:
    """Write ``data`` (UTF-8 if text) to ``path`` and return the path."""
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def set_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    """Make ``data`` the bytes of standard input."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


# --- formats on the seed article ------------------------------------------------


def test_text_format(cli: Callable[..., Result], seed_path: Path) -> None:
    """The default format gives a header with file and date, then the three sections."""
    result = cli(seed_path, "--published", PUBLISHED)
    assert (result.status, result.err) == (0, "")
    lines = result.out.splitlines()
    assert lines[0] == f"{seed_path} (published {PUBLISHED})"
    assert set(lines[1]) == {"="}
    sections = [m[1] for line in lines if (m := re.fullmatch(r"([A-Z]+) \(\d+\)", line))]
    assert sections == ["MEETINGS", "ACTORS", "ISSUES"]
    # content check: the Tuesday call, "phone, held", "2024-04-02", "1 h 45 min",
    # "candid, constructive", with Joe Biden and Xi Jinping among the participants.


def test_text_format_without_date(cli: Callable[..., Result], seed_path: Path) -> None:
    """Without --published the header says the date is unknown."""
    result = cli(seed_path)
    assert result.status == 0
    assert result.out.startswith(f"{seed_path} (published unknown)\n")


def test_text_format_shows_every_field(
    cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch, article: Article, tmp_path: Path
) -> None:
    """Every field of meetings, actors and issues appears in the text format."""
    monkeypatch.setattr(
        "diplotext._cli.parse_many", lambda texts, workers: (article for _ in texts)
    )
    result = cli(write(tmp_path / "a.txt", article.text))
    assert result.status == 0
    for expected in [
        "MEETINGS (1)",
        "M1  visit, held (CAMEO 042)",
        'date:         2024-04-02 ("on Tuesday")',
        "participants: Joe Biden [A1], Xi Jinping [A2]",
        "host:         Joe Biden [A1]",
        "location:     Woodside, California (USA)",
        "duration:     1 h 45 min",
        "tone:         candid, constructive",
        "issues:       territorial_dispute (Taiwan) [I1]",
        "ACTORS (4)",
        "A3  person  -           senior administration official  USA  1 mention",
        "A4  state   China       -",
        "ISSUES (1)",
        "I1  territorial_dispute  Taiwan  concern  raised by Joe Biden [A1]",
    ]:
        assert expected in result.out


def test_json_format(cli: Callable[..., Result], seed_path: Path, seed_text: str) -> None:
    """--format json gives one document: Article.to_dict(), indented, readable back."""
    result = cli(seed_path, "--published", PUBLISHED, "--format", "json")
    assert (result.status, result.err) == (0, "")
    assert result.out.startswith('{\n  "published": "2024-04-02",')
    data = json.loads(result.out)
    assert set(data) == ARTICLE_KEYS
    assert data["text"] == seed_text
    assert Article.from_dict(data) == diplotext.parse(seed_text, published=PUBLISHED)
    # content check: data["meetings"][0]["cameo_code"] == "041", "duration_minutes" == 105.


def test_json_format_several_inputs(
    cli: Callable[..., Result], seed_path: Path, tmp_path: Path
) -> None:
    """With several inputs --format json gives an array, each element naming its source."""
    other = write(tmp_path / "other.txt", "Blinken met Wang Yi in Munich.")
    result = cli(seed_path, other, "--format", "json")
    assert result.status == 0
    data = json.loads(result.out)
    assert [d["source"] for d in data] == [str(seed_path), str(other)]
    assert all(set(d) == ARTICLE_KEYS | {"source"} for d in data)


def test_jsonl_format(cli: Callable[..., Result], seed_path: Path) -> None:
    """--format jsonl gives one compact JSON object per line with a "source" key."""
    result = cli(seed_path, "--published", PUBLISHED, "--format", "jsonl")
    assert (result.status, result.err) == (0, "")
    lines = result.out.splitlines()
    assert len(lines) == 1
    assert ", " in lines[0]
    assert "\n  " not in result.out
    data = json.loads(lines[0])
    assert set(data) == ARTICLE_KEYS | {"source"}
    assert (data["source"], data["published"]) == (str(seed_path), PUBLISHED)


def test_help_runs_as_module() -> None:
    """``python -m diplotext --help`` documents every option, with examples."""
    result = subprocess.run(
        [sys.executable, "-m", "diplotext", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, "")
    for option in ["FILE", "--published", "--format", "--errors", "--workers", "--version"]:
        assert option in result.stdout
    for section in ["output formats:", "exit status:", "examples:"]:
        assert section in result.stdout


def test_help_and_version_return_zero(cli: Callable[..., Result]) -> None:
    """--help and --version print and return 0 instead of exiting."""
    assert cli("--help").status == 0
    version = cli("--version")
    assert (version.status, version.out) == (0, f"diplotext {diplotext.__version__}\n")


def test_main_reads_sys_argv(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, seed_path: Path
) -> None:
    """main() without arguments reads sys.argv[1:]."""
    monkeypatch.setattr(sys, "argv", ["diplotext", str(seed_path), "--format", "jsonl"])
    assert main() == 0
    assert json.loads(capsys.readouterr().out)["source"] == str(seed_path)


# --- inputs ---------------------------------------------------------------------


def test_stdin(cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch, seed_text: str) -> None:
    """'-' reads one article from standard input."""
    set_stdin(monkeypatch, seed_text.encode("utf-8"))
    result = cli("-", "--published", PUBLISHED, "--format", "jsonl")
    assert result.status == 0
    data = json.loads(result.out)
    assert (data["source"], data["text"]) == ("<stdin>", seed_text)


def test_stdin_is_one_json_document(
    cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    """'-' alone with --format json gives one document, not an array."""
    set_stdin(monkeypatch, b"Biden called Xi.")
    result = cli("-", "--format", "json")
    assert json.loads(result.out)["text"] == "Biden called Xi."


def test_directory(cli: Callable[..., Result], tmp_path: Path) -> None:
    """A directory reads every *.txt in it, sorted by name, and nothing else."""
    write(tmp_path / "b.txt", "Second.")
    write(tmp_path / "a.txt", "First.")
    write(tmp_path / "notes.md", "Not an article.")
    (tmp_path / "sub.txt").mkdir()
    result = cli(tmp_path, "--format", "jsonl")
    assert (result.status, result.err) == (0, "")
    records = [json.loads(line) for line in result.out.splitlines()]
    assert [(r["source"], r["text"]) for r in records] == [
        (str(tmp_path / "a.txt"), "First."),
        (str(tmp_path / "b.txt"), "Second."),
    ]


def test_directory_is_an_array_in_json(cli: Callable[..., Result], tmp_path: Path) -> None:
    """A directory gives a JSON array even when it holds one article."""
    write(tmp_path / "only.txt", "Only.")
    data = json.loads(cli(tmp_path, "--format", "json").out)
    assert [d["text"] for d in data] == ["Only."]


def test_jsonl_input(cli: Callable[..., Result], tmp_path: Path) -> None:
    """A .jsonl file gives one article per record; --published fills in a missing date."""
    corpus = write(
        tmp_path / "corpus.jsonl",
        '{"text": "Biden called Xi.", "published": "2024-04-02"}\n'
        "\n"
        '{"text": "Yellen will visit China."}\n'
        '{"text": "Blinken met Wang.", "published": null}\n',
    )
    result = cli(corpus, "--published", "2024-01-01", "--format", "jsonl")
    assert (result.status, result.err) == (0, "")
    records = [json.loads(line) for line in result.out.splitlines()]
    assert [(r["source"], r["published"]) for r in records] == [
        (f"{corpus}:1", "2024-04-02"),
        (f"{corpus}:3", "2024-01-01"),
        (f"{corpus}:4", "2024-01-01"),
    ]


def test_jsonl_input_keeps_unicode_line_separators(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    """A record's text may hold U+2028, U+0085 and CRLF line ends: only LF ends a record."""
    text = "Biden called Xi.\u2028Xi called back.\x85The end."
    corpus = write(tmp_path / "c.jsonl", json.dumps({"text": text}, ensure_ascii=False) + "\r\n")
    result = cli(corpus, "--format", "jsonl")
    assert (result.status, result.err) == (0, "")
    assert json.loads(result.out)["text"] == text


@pytest.mark.parametrize(
    ("line", "message"),
    [
        pytest.param("{not json", "not JSON", id="not-json"),
        pytest.param('["a list"]', 'string "text"', id="not-an-object"),
        pytest.param('{"body": "no text key"}', 'string "text"', id="no-text"),
        pytest.param('{"text": 42}', 'string "text"', id="text-not-a-string"),
        pytest.param('{"text": "x", "published": "April 2"}', "'April 2'", id="bad-published"),
        pytest.param('{"text": "x", "published": 20240402}', "20240402", id="published-number"),
    ],
)
def test_jsonl_input_bad_record(
    cli: Callable[..., Result], tmp_path: Path, line: str, message: str
) -> None:
    """A bad record is reported with its line number; the other records are still written."""
    corpus = write(tmp_path / "c.jsonl", f'{{"text": "one"}}\n{line}\n{{"text": "three"}}\n')
    result = cli(corpus, "--format", "jsonl")
    assert result.status == 1
    assert [json.loads(r)["text"] for r in result.out.splitlines()] == ["one", "three"]
    assert result.err.startswith(f"diplotext: error: {corpus}:2: ")
    assert message in result.err
    assert result.err.count("\n") == 1


def test_byte_order_mark_is_dropped(cli: Callable[..., Result], tmp_path: Path) -> None:
    """A UTF-8 byte order mark is not part of the text."""
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbfBiden called Xi.")
    assert json.loads(cli(path, "--format", "json").out)["text"] == "Biden called Xi."


def test_workers(cli: Callable[..., Result], seed_path: Path, tmp_path: Path) -> None:
    """--workers N gives the same output, in the same order, as one worker."""
    write(tmp_path / "a.txt", "Biden called Xi on Tuesday.")
    write(tmp_path / "b.txt", "Yellen will visit China.")
    args = (seed_path, tmp_path, "--published", PUBLISHED, "--format", "jsonl")
    one = cli(*args)
    two = cli(*args, "--workers", "2")
    assert (one.status, two.status) == (0, 0)
    assert two.out == one.out


# --- errors ---------------------------------------------------------------------


def _missing(tmp: Path) -> list[str]:
    return [str(tmp / "nope.txt")]


def _empty_directory(tmp: Path) -> list[str]:
    write(tmp / "readme.md", "no articles here")
    return [str(tmp)]


def _not_utf8(tmp: Path) -> list[str]:
    return [str(write(tmp / "latin1.txt", "Président Macron".encode("latin-1")))]


def _binary(tmp: Path) -> list[str]:
    return [str(write(tmp / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))]


def _bad_date(tmp: Path) -> list[str]:
    return [str(write(tmp / "a.txt", "x")), "--published", "2024-13-45"]


def _prose_date(tmp: Path) -> list[str]:
    return [str(write(tmp / "a.txt", "x")), "--published", "yesterday"]


def _no_workers(tmp: Path) -> list[str]:
    return [str(write(tmp / "a.txt", "x")), "--workers", "0"]


def _bad_format(tmp: Path) -> list[str]:
    return [str(write(tmp / "a.txt", "x")), "--format", "xml"]


def _no_file(tmp: Path) -> list[str]:
    return []


@pytest.mark.parametrize(
    ("make", "message"),
    [
        pytest.param(_missing, "nope.txt: no such file or directory", id="missing-file"),
        pytest.param(_empty_directory, "directory has no .txt files", id="empty-directory"),
        pytest.param(_not_utf8, "not UTF-8: invalid byte 0xe9 at byte offset 2", id="not-utf8"),
        pytest.param(_binary, "binary file (NUL byte at offset 8)", id="binary"),
        pytest.param(_bad_date, "--published: not a date: '2024-13-45'", id="bad-date"),
        pytest.param(_prose_date, "'yesterday' (expected YYYY-MM-DD", id="prose-date"),
        pytest.param(_no_workers, "--workers: must be a whole number >= 1", id="no-workers"),
        pytest.param(_bad_format, "invalid choice: 'xml'", id="bad-format"),
        pytest.param(_no_file, "required: FILE", id="no-file"),
    ],
)
def test_error(
    cli: Callable[..., Result], tmp_path: Path, make: Callable[[Path], list[str]], message: str
) -> None:
    """A bad input or option: one line 'diplotext: error: ...' on stderr, nothing on stdout, status 2."""
    result = cli(*make(tmp_path))
    assert (result.status, result.out) == (2, "")
    assert result.err.startswith("diplotext: error: ")
    assert result.err.count("\n") == 1
    assert message in result.err


def test_unreadable_file(
    cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A file that cannot be read is reported with the system's reason."""
    path = write(tmp_path / "secret.txt", "x")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    result = cli(path)
    assert (result.status, result.out) == (2, "")
    assert result.err == f"diplotext: error: {path}: cannot read: Permission denied\n"


def test_errors_replace(cli: Callable[..., Result], tmp_path: Path) -> None:
    """--errors replace decodes bad bytes as U+FFFD, warns with the offset and goes on."""
    path = write(tmp_path / "latin1.txt", "Président Macron".encode("latin-1"))
    result = cli(path, "--errors", "replace", "--format", "json")
    assert result.status == 0
    assert json.loads(result.out)["text"] == "Pr\ufffdsident Macron"
    assert result.err == (
        f"diplotext: warning: {path}: not UTF-8 from byte offset 2: bad bytes replaced by U+FFFD\n"
    )


def test_errors_replace_still_refuses_binary(cli: Callable[..., Result], tmp_path: Path) -> None:
    """--errors replace does not make a binary file readable."""
    result = cli(*_binary(tmp_path), "--errors", "replace")
    assert result.status == 2
    assert "binary file" in result.err


def test_stdin_not_utf8(cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch) -> None:
    """Bad bytes on standard input are reported like those of a file."""
    set_stdin(monkeypatch, b"abc\xffdef")
    result = cli("-")
    assert (result.status, result.out) == (2, "")
    assert result.err.startswith(
        "diplotext: error: <stdin>: not UTF-8: invalid byte 0xff at byte offset 3"
    )


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl"])
def test_batch_with_one_failing_input(
    cli: Callable[..., Result], tmp_path: Path, seed_path: Path, fmt: str
) -> None:
    """A failing input among several is reported; the others are written; status 1."""
    good = write(tmp_path / "good.txt", "Biden called Xi.")
    bad = write(tmp_path / "bad.txt", b"abc\xffdef")
    result = cli(seed_path, bad, tmp_path / "missing.txt", good, "--format", fmt)
    assert result.status == 1
    assert result.err.splitlines() == [
        f"diplotext: error: {bad}: not UTF-8: invalid byte 0xff at byte offset 3 "
        "(use --errors replace to decode it anyway)",
        f"diplotext: error: {tmp_path / 'missing.txt'}: no such file or directory",
    ]
    sources = list(_sources(result.out, fmt))
    assert sources == [str(seed_path), str(good)]


def _sources(out: str, fmt: str) -> Iterator[str]:
    """The names of the articles written in ``out``."""
    if fmt == "json":
        yield from (d["source"] for d in json.loads(out))
    elif fmt == "jsonl":
        yield from (json.loads(line)["source"] for line in out.splitlines())
    else:
        yield from (
            line.rsplit(" (published", 1)[0] for line in out.splitlines() if " (published " in line
        )


def test_batch_where_every_input_fails(cli: Callable[..., Result], tmp_path: Path) -> None:
    """When no input can be read, status is 2 and --format json still gives a valid, empty array."""
    result = cli(tmp_path / "a.txt", tmp_path / "b.txt", "--format", "json")
    assert result.status == 2
    assert json.loads(result.out) == []
    assert len(result.err.splitlines()) == 2
