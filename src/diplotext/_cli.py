"""The command line: ``diplotext FILE... [--published DATE] [--format text|json|jsonl]``.

Inputs are read and checked here, one at a time: a failing input is reported
on standard error and the others go on. Each article's output is built as one
string before it is written, so nothing partial is ever written for an input.
"""

from __future__ import annotations

import argparse
import codecs
import datetime as dt
import json
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import NoReturn

import attrs

from . import __version__
from ._many import parse_many
from ._model import Actor, Article, Issue, Meeting

__all__ = ["main"]

PROG = "diplotext"

DESCRIPTION = """\
Read English news articles about diplomacy and write the meetings, actors and
issues found in them.

Each FILE is a UTF-8 text file holding one article; '-' reads one article
from standard input; a directory reads every *.txt file in it (sorted by
name); a .jsonl file holds one article per line as {"text": ..., "published":
"YYYY-MM-DD"} ("published" may be left out: --published is used instead)."""

EPILOG = """\
output formats:
  text   a readable summary of each article: meetings, actors, issues
  json   the JSON form of Article.to_dict(), indented: one document for one
         text file or '-', an array for anything else (each element then
         also has a "source" key naming its input)
  jsonl  one compact JSON object per line and article, with a "source" key

exit status:
  0  every input was read and written
  1  some inputs failed (each reported on standard error); the others were
     written
  2  a usage error, or no input could be read

examples:
  diplotext article.txt --published 2024-04-02
  diplotext article.txt --published 2024-04-02 --format json > article.json
  curl -s https://example.org/story.txt | diplotext - --published 2024-04-02
  diplotext corpus/ --format jsonl --workers 4 > records.jsonl
  diplotext articles.jsonl --published 2024-01-01 --format jsonl
  diplotext scraped/ --errors replace --format jsonl"""


class InputError(Exception):
    """An input that cannot be read; the message names it."""


@attrs.frozen
class Source:
    """One article to parse.

    Attributes:
        name: Where it came from: a path, ``<stdin>`` or ``FILE.jsonl:LINE``.
        text: The article's text.
        published: Its publication date, if known.
    """

    name: str
    text: str
    published: dt.date | None


# --- command line ---------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line: ``diplotext: error: ...``."""

    def error(self, message: str) -> NoReturn:
        """Print ``message`` as one line on standard error and exit with status 2."""
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def _iso_date(value: str) -> dt.date:
    """The ``--published`` value: a date written YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not a date: {value!r} (expected YYYY-MM-DD, e.g. 2024-04-02)"
        ) from None


def _positive(value: str) -> int:
    """The ``--workers`` value: a whole number of at least 1."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number >= 1, not {value!r}")
    return number


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="a text file, '-' for standard input, a directory of *.txt files, or a .jsonl file",
    )
    parser.add_argument(
        "--published",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="publication date, against which 'on Tuesday' or 'next month' are resolved "
        "(default: none, so only dates that carry their own year are resolved)",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json", "jsonl"),
        default="text",
        help="output format (default: text; see below)",
    )
    parser.add_argument(
        "--errors",
        choices=("strict", "replace"),
        default="strict",
        help="what to do with input that is not valid UTF-8: 'strict' reports the byte "
        "offset of the first bad byte and skips the input; 'replace' decodes bad bytes "
        "as U+FFFD and goes on (default: strict)",
    )
    parser.add_argument(
        "--workers",
        type=_positive,
        default=1,
        metavar="N",
        help="number of workers parsing articles in parallel; output keeps the input order "
        "(default: 1)",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


# --- reading inputs -------------------------------------------------------


def _decode(data: bytes, name: str, errors: str, warn: Callable[[str], None]) -> str:
    """Decode UTF-8 (a leading byte order mark is dropped); refuse binary data."""
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(f"{name}: binary file (NUL byte at offset {nul}); expected UTF-8 text")
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[bom:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = bom + exc.start
        if errors == "strict":
            raise InputError(
                f"{name}: not UTF-8: invalid byte 0x{data[offset]:02x} at byte offset "
                f"{offset} (use --errors replace to decode it anyway)"
            ) from None
        warn(f"{name}: not UTF-8 from byte offset {offset}: bad bytes replaced by U+FFFD")
        return data[bom:].decode("utf-8", errors="replace")


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file or directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None


def _read_stdin() -> bytes:
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        data: bytes = buffer.read()
        return data
    return sys.stdin.read().encode("utf-8", errors="surrogateescape")


def _record_date(value: object, name: str, fallback: dt.date | None) -> dt.date | None:
    """The "published" value of a JSON Lines record."""
    if value is None:
        return fallback
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise InputError(f'{name}: "published" must be a date like "2024-04-02", not {value!r}')


def _record(line: str, name: str, fallback: dt.date | None) -> Source:
    """One JSON Lines record: ``{"text": ..., "published": ...}``."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}: not JSON: {exc.msg} at column {exc.colno}") from None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise InputError(f'{name}: expected an object with a string "text"')
    published = _record_date(record.get("published"), name, fallback)
    return Source(name, record["text"], published)


def _jsonl(
    path: Path, args: argparse.Namespace, warn: Callable[[str], None]
) -> Iterator[Source | InputError]:
    """The records of a JSON Lines file; a bad line fails alone."""
    try:
        # Not splitlines(): a record may hold U+2028 or U+0085 unescaped.
        lines = _decode(_read_bytes(path), str(path), args.errors, warn).split("\n")
    except InputError as exc:
        yield exc
        return
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield _record(line, f"{path}:{number}", args.published)
        except InputError as exc:
            yield exc


def _text_file(
    path: Path, args: argparse.Namespace, warn: Callable[[str], None]
) -> Source | InputError:
    try:
        text = _decode(_read_bytes(path), str(path), args.errors, warn)
    except InputError as exc:
        return exc
    return Source(str(path), text, args.published)


def _stdin(args: argparse.Namespace, warn: Callable[[str], None]) -> Source | InputError:
    try:
        text = _decode(_read_stdin(), "<stdin>", args.errors, warn)
    except InputError as exc:
        return exc
    return Source("<stdin>", text, args.published)


def _directory(
    path: Path, args: argparse.Namespace, warn: Callable[[str], None]
) -> Iterator[Source | InputError]:
    files = sorted(p for p in path.glob("*.txt") if p.is_file())
    if not files:
        yield InputError(f"{path}: directory has no .txt files")
    for file in files:
        yield _text_file(file, args, warn)


def _sources(
    args: argparse.Namespace, warn: Callable[[str], None]
) -> Iterator[Source | InputError]:
    """Every input named on the command line, in order, or the error of each bad one."""
    for arg in args.files:
        if arg == "-":
            yield _stdin(args, warn)
            continue
        path = Path(arg)
        if path.is_dir():
            yield from _directory(path, args, warn)
        elif path.suffix.lower() == ".jsonl":
            yield from _jsonl(path, args, warn)
        else:
            yield _text_file(path, args, warn)


def _single(files: Sequence[str]) -> bool:
    """Whether the command line names exactly one article: one text file or '-'."""
    if len(files) != 1:
        return False
    path = Path(files[0])
    return files[0] == "-" or not (path.is_dir() or path.suffix.lower() == ".jsonl")


# --- formatting -----------------------------------------------------------


def _label(actor: Actor) -> str:
    """An actor by name, else by title or kind, with its country."""
    name = actor.name or actor.title or f"unnamed {actor.kind.value}"
    if actor.country and not actor.name:
        name = f"{name} ({actor.country})"
    return f"{name} [{actor.id}]"


def _minutes(duration: dt.timedelta) -> str:
    minutes = round(duration.total_seconds() / 60)
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"


def _issue_label(issue: Issue) -> str:
    subject = f" ({issue.subject})" if issue.subject else ""
    return f"{issue.topic}{subject} [{issue.id}]"


def _table(rows: Sequence[Sequence[str]]) -> list[str]:
    """Rows as left-aligned columns, indented by two spaces."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  " + "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]


def _meeting_lines(meeting: Meeting) -> list[str]:
    date = "-"
    if meeting.date is not None:
        d = meeting.date
        iso = d.start.isoformat() if d.start == d.end else f"{d.start}/{d.end}"
        date = f'{iso} ("{d.text}")' if d.text else iso
    location = "-"
    if meeting.location is not None:
        country = meeting.location.country
        location = meeting.location.name + (f" ({country})" if country else "")
    fields = [
        ("date", date),
        ("participants", ", ".join(_label(a) for a in meeting.participants) or "-"),
        ("host", "-" if meeting.host is None else _label(meeting.host)),
        ("location", location),
        ("duration", "-" if meeting.duration is None else _minutes(meeting.duration)),
        ("tone", ", ".join(meeting.tone) or "-"),
        ("issues", ", ".join(_issue_label(i) for i in meeting.issues) or "-"),
    ]
    head = (
        f"  {meeting.id}  {meeting.mode.value}, {meeting.status.value} (CAMEO {meeting.cameo_code})"
    )
    return [head, *(f"      {key + ':':<14}{value}" for key, value in fields)]


def _section(title: str, count: int, body: list[str]) -> list[str]:
    return ["", f"{title} ({count})", *(body or ["  none"])]


def _actor_rows(actors: Sequence[Actor]) -> list[str]:
    rows = [
        (a.id, a.kind.value, a.name or "-", a.title or "-", a.country or "-", _count(a.mentions))
        for a in actors
    ]
    return _table(rows) if rows else []


def _issue_rows(issues: Sequence[Issue]) -> list[str]:
    rows = [(i.id, i.topic, i.subject or "-", i.stance.value, _raisers(i.actors)) for i in issues]
    return _table(rows) if rows else []


def _count(mentions: Sequence[object]) -> str:
    return f"{len(mentions)} mention{'' if len(mentions) == 1 else 's'}"


def _raisers(actors: Sequence[Actor]) -> str:
    return ("raised by " + ", ".join(_label(a) for a in actors)) if actors else ""


def format_text(article: Article, name: str) -> str:
    """A readable summary of one article: header, meetings, actors, issues."""
    published = "unknown" if article.published is None else article.published.isoformat()
    header = f"{name} (published {published})"
    meetings = [line for m in article.meetings for line in _meeting_lines(m)]
    lines = [
        header,
        "=" * len(header),
        *_section("MEETINGS", len(article.meetings), meetings),
        *_section("ACTORS", len(article.actors), _actor_rows(article.actors)),
        *_section("ISSUES", len(article.issues), _issue_rows(article.issues)),
    ]
    return "\n".join(lines) + "\n"


def _render(article: Article, name: str, fmt: str, single: bool) -> str:
    """One article's output, complete, in the chosen format."""
    if fmt == "text":
        return format_text(article, name)
    data = article.to_dict()
    if fmt == "jsonl":
        return json.dumps({**data, "source": name}, ensure_ascii=False) + "\n"
    if not single:
        data["source"] = name
    return json.dumps(data, ensure_ascii=False, indent=2)


# --- running --------------------------------------------------------------


@attrs.define
class _Run:
    """What happened to the inputs of one run."""

    failed: int = 0
    written: int = 0

    def report(self, message: str) -> None:
        self.failed += 1
        print(f"{PROG}: error: {message}", file=sys.stderr)


def _warn(message: str) -> None:
    print(f"{PROG}: warning: {message}", file=sys.stderr)


def _articles(
    items: Iterable[Source | InputError], run: _Run, workers: int
) -> Iterator[tuple[Source, Article]]:
    """Parse the good inputs in order, reporting the bad ones as they come."""
    pending: deque[Source] = deque()

    def texts() -> Iterator[tuple[str, dt.date | None]]:
        for item in items:
            if isinstance(item, InputError):
                run.report(str(item))
                continue
            pending.append(item)
            yield item.text, item.published

    for article in parse_many(texts(), workers=workers):
        yield pending.popleft(), article


def _write(args: argparse.Namespace, run: _Run) -> None:
    single = _single(args.files)
    array = args.format == "json" and not single
    out = sys.stdout
    if array:
        out.write("[")
    for source, article in _articles(_sources(args, _warn), run, args.workers):
        rendered = _render(article, source.name, args.format, single)
        if array:
            rendered = ("\n" if run.written == 0 else ",\n") + _indent(rendered)
        elif args.format == "json":
            rendered += "\n"
        elif args.format == "text" and run.written:
            rendered = "\n" + rendered
        out.write(rendered)
        out.flush()
        run.written += 1
    if array:
        out.write("\n]\n" if run.written else "]\n")


def _indent(document: str) -> str:
    return "\n".join("  " + line for line in document.splitlines())


def _exit_status(run: _Run) -> int:
    if not run.failed:
        return 0
    return 1 if run.written else 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors
        return exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 2
    run = _Run()
    try:
        _write(args, run)
    except BrokenPipeError:  # the reader went away (`diplotext corpus/ | head`)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    return _exit_status(run)
