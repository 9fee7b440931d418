"""How fast diplotext reads a folder of articles, beside a peer and a floor, in one run.

Run it from the project root (it is not part of the test suite)::

    python benchmarks/bench.py                       # the seed article(s) in seeds/
    python benchmarks/bench.py ../shared/corpus      # every *.txt below a folder
    python benchmarks/bench.py ../shared/corpus --repeat 5 --workers 2 --json

It reports, after a warm-up and in this order:

* import time of ``diplotext`` and time of the first ``parse`` (gazetteer
  loading, pattern compilation), each in fresh subprocesses, best of several;
* articles/s and words/s of :func:`diplotext.parse` (best of ``--repeat`` passes,
  taken in turn with those of the peer and the floor below, so that a slow
  spell of a shared machine falls on all three alike);
* time per stage (sentences, actors, dates, meetings, issues, merge), taken
  by wrapping the stage functions that ``_parse.parse`` calls (see
  ``stage_table``), best of ``--repeat`` passes for each stage;
* the peer, ``dateparser.search.search_dates(text, languages=["en"])``, and
  the floor, one ``regex`` alternation of every gazetteer name (about 4,500)
  factored as a trie, run with ``finditer``, on the same texts; beside it the
  same names as a ``regex`` named list (``\\L<names>``, many times slower:
  ``regex`` tries the names one by one), and ``str.lower`` for scale;
* ``parse_many`` with one worker against ``--workers`` workers;
* peak memory: ``tracemalloc`` over one ``parse`` pass, and the process's
  maximum resident set size.

Publication dates are read from an ``INDEX.tsv`` in the folder when there is
one (columns ``file`` and ``publication_date``), so relative dates are
resolved as in real use. ``--json`` prints one machine-readable line on
standard output (the report then goes to standard error).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import gc
import inspect
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

#: Issue #8's acceptance thresholds, printed beside the measured numbers.
TARGETS = {
    "parse_vs_peer": 10.0,  # parse at least 10x the throughput of search_dates
    "parse_vs_floor": 15.0,  # within 15x of the single-pass floor (stretch: 5x)
    "import_ms": 150.0,
    "first_parse_s": 1.0,
    "peak_mb": 150.0,
    "speedup": 1.6,  # parse_many workers=2 against workers=1
}


# --- the corpus ----------------------------------------------------------------------------------

#: ``(file relative to the folder, text, publication date)`` of each article.
Corpus = list[tuple[str, str, dt.date | None]]


def load_folder(folder: Path) -> Corpus:
    """``(name, text, published)`` of every ``*.txt`` below ``folder``, sorted by path."""
    dates: dict[str, dt.date] = {}
    index = folder / "INDEX.tsv"
    if index.is_file():
        with index.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                with contextlib.suppress(KeyError, TypeError, ValueError):
                    dates[row["file"]] = dt.date.fromisoformat(row["publication_date"][:10])
    out = []
    for path in sorted(folder.rglob("*.txt")):
        rel = path.relative_to(folder).as_posix()
        out.append((rel, path.read_text(encoding="utf-8"), dates.get(rel)))
    return out


# --- per-stage timing -----------------------------------------------------------------------------


class Clock:
    """Exclusive time per label: a nested section pauses the one around it."""

    def __init__(self) -> None:
        self.totals: dict[str, float] = {}
        self._stack: list[list[Any]] = []  # [label, when it last started or resumed]

    def _add(self, label: str, seconds: float) -> None:
        self.totals[label] = self.totals.get(label, 0.0) + seconds

    @contextlib.contextmanager
    def section(self, label: str) -> Iterator[None]:
        now = time.perf_counter()
        if self._stack:
            outer = self._stack[-1]
            self._add(outer[0], now - outer[1])
        self._stack.append([label, now])
        try:
            yield
        finally:
            end = time.perf_counter()
            _, resumed = self._stack.pop()
            self._add(label, end - resumed)
            if self._stack:
                self._stack[-1][1] = end

    def wrap(self, label: str, func: Callable[..., Any]) -> Callable[..., Any]:
        """``func``, timed under ``label``."""

        def timed(*args: Any, **kwargs: Any) -> Any:
            with self.section(label):
                return func(*args, **kwargs)

        return timed


def stage_table() -> list[tuple[str, ModuleType, str]]:
    """The stage functions ``_parse.parse`` calls: (label, module, attribute).

    This is the one place to update when the pipeline changes. The wrappers
    are installed on these module attributes, so ``parse`` itself runs
    unchanged; time spent in a stage called from inside another (dates,
    from the meetings stage) is counted for the inner one only.
    """
    from diplotext import _actors, _dates, _issues, _meetings, _parse

    return [
        ("sentences", _parse, "split_sentences"),
        ("actors", _actors, "find_actor_mentions"),
        ("meetings", _meetings, "find_meeting_drafts"),
        ("dates", _dates, "find_dates"),
        ("dates", _dates, "find_durations"),
        ("dates", _dates, "resolve"),
        ("issues", _issues, "find_issue_mentions"),
        ("issues", _issues, "merge_issues"),
        ("merge", _parse, "_kept_hosts"),
        ("merge", _parse, "_discussion_context"),
        ("merge", _parse, "_freeze_meetings"),
    ]


STAGE_ORDER = ("sentences", "actors", "dates", "meetings", "issues", "merge", "other")


def check_stage_table() -> list[str]:
    """Warnings for stage functions that the current sources no longer have or call.

    Reads ``_parse.py`` (and the stage modules, which call the dates stage) at
    run time, so a renamed or bypassed stage shows up in the report.
    """
    from diplotext import _actors, _issues, _meetings, _parse

    callers = "".join(inspect.getsource(m) for m in (_parse, _actors, _meetings, _issues))
    warnings = []
    for label, module, name in stage_table():
        if not hasattr(module, name):
            warnings.append(f"stage {label}: {module.__name__}.{name} no longer exists")
        elif f"{name}(" not in callers:
            warnings.append(f"stage {label}: nothing calls {module.__name__}.{name} any more")
    return warnings


@contextlib.contextmanager
def stages_timed(clock: Clock) -> Iterator[None]:
    """Install the timing wrappers of :func:`stage_table` for the duration."""
    saved = []
    for label, module, name in stage_table():
        if hasattr(module, name):
            func = getattr(module, name)
            saved.append((module, name, func))
            setattr(module, name, clock.wrap(label, func))
    try:
        yield
    finally:
        for module, name, func in reversed(saved):
            setattr(module, name, func)


# --- measurements ---------------------------------------------------------------------------------


def best_of(repeat: int, run: Callable[[], object]) -> tuple[float, float]:
    """(best, median) wall time of ``repeat`` calls of ``run``."""
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def in_turn(runs: dict[str, tuple[int, Callable[[], object]]]) -> dict[str, tuple[float, float]]:
    """(best, median) wall time of each run, given as ``(repeat, run)``.

    The passes are taken in turn (one of each, then again), so that a slow
    spell of a shared machine falls on every run alike and their ratios hold.
    """
    times: dict[str, list[float]] = {name: [] for name in runs}
    for k in range(max(repeat for repeat, _ in runs.values())):
        for name, (repeat, run) in runs.items():
            if k < repeat:
                gc.collect()
                start = time.perf_counter()
                run()
                times[name].append(time.perf_counter() - start)
    return {name: (min(t), statistics.median(t)) for name, t in times.items()}


def python_in_fresh_process(code: str) -> float:
    """Run ``code`` in a fresh interpreter; it prints one float, returned here."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    return float(out.stdout.strip().splitlines()[-1])


def import_time(runs: int = 5) -> dict[str, Any]:
    """Best wall time of ``import diplotext`` in fresh interpreters, and what it pulls in."""
    code = (
        "import time, sys; t = time.perf_counter(); import diplotext; "
        "print(time.perf_counter() - t)"
    )
    best = min(python_in_fresh_process(code) for _ in range(runs))
    heavy = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, diplotext; "
            "print(' '.join(m for m in ('dateparser', 'regex', 'attrs', 'tomllib', 'json') "
            "if m in sys.modules))",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return {"import_ms": best * 1000, "imports": heavy}


def first_parse_time(path: Path, published: dt.date | None, runs: int = 3) -> float:
    """Best time of the first ``parse`` after ``import diplotext``, in fresh interpreters."""
    day = None if published is None else published.isoformat()
    code = (
        "import time, diplotext\n"
        f"text = open({str(path)!r}, encoding='utf-8').read()\n"
        "t = time.perf_counter()\n"
        f"diplotext.parse(text, published={day!r})\n"
        "print(time.perf_counter() - t)\n"
    )
    return min(python_in_fresh_process(code) for _ in range(runs))


def floor_names() -> list[str]:
    """Every name of the bundled gazetteer: countries, capitals, places, organisations."""
    from diplotext import Gazetteer

    g = Gazetteer.default()
    names: set[str] = set()
    for c in g.countries:
        names.update([c.name, *c.aliases, *c.adjectives, *c.demonyms, *c.seats])
        if c.capital:
            names.add(c.capital)
    names.update(p.name for p in g.places)
    for o in g.organizations:
        names.update([o.name, *o.aliases])
    names.discard("")
    return sorted(names)


def trie_alternation(words: list[str]) -> str:
    """A regular expression matching exactly ``words``, factored as a trie.

    The ``regex`` module tries the branches of a flat alternation (or of a
    named list) one by one at every position; factored by common prefixes
    the pattern rejects most positions at the first character.
    """
    import regex

    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [regex.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        if len(branches) == 1 and not ends:
            return branches[0]
        return "(?:" + "|".join(branches) + (")?" if ends else ")")

    return build(root)


def floor_patterns() -> tuple[Any, Any, int]:
    """The floor (a trie-built alternation of every gazetteer name) and the named-list form."""
    import regex

    names = floor_names()
    trie = regex.compile(r"\b" + trie_alternation(names) + r"\b")
    named = regex.compile(r"\b\L<names>\b", names=names)
    return trie, named, len(names)


def parse_pass(corpus: Corpus) -> int:
    """One ``parse`` over the corpus; returns the number of actors found."""
    from diplotext import parse

    return sum(len(parse(text, published=pub).actors) for _, text, pub in corpus)


def measure(args: argparse.Namespace, corpus: Corpus) -> dict[str, Any]:
    from diplotext import parse
    from diplotext._many import parse_many

    report: dict[str, Any] = {
        "folder": str(args.folder),
        "articles": len(corpus),
        "words": sum(len(t.split()) for _, t, _ in corpus),
        "chars": sum(len(t) for _, t, _ in corpus),
        "repeat": args.repeat,
        "python": sys.version.split()[0],
        "cpus": os.cpu_count(),
    }
    report.update(import_time())
    first = max(corpus, key=lambda c: len(c[1]))  # the longest article: the worst case
    report["first_parse_file"] = first[0]
    report["first_parse_s"] = first_parse_time(args.folder / first[0], first[2])

    # warm-up: the gazetteer, every pattern
    parse_pass(corpus)

    # per stage, over --repeat more passes with the wrappers in place; the best of each stage
    report["stage_warnings"] = check_stage_table()
    best_stage: dict[str, float] = {}
    staged: list[Any] = []
    for _ in range(args.repeat):
        clock = Clock()
        gc.collect()
        with stages_timed(clock):
            start = time.perf_counter()
            staged = [parse(text, published=pub) for _, text, pub in corpus]
            total = time.perf_counter() - start
        clock.totals["other"] = max(0.0, total - sum(clock.totals.values()))
        for k in STAGE_ORDER:
            best_stage[k] = min(best_stage.get(k, math.inf), clock.totals.get(k, 0.0))
    report["stages_ms_per_article"] = {k: v * 1000 / len(corpus) for k, v in best_stage.items()}
    if staged != [parse(text, published=pub) for _, text, pub in corpus]:
        report["stage_warnings"].append("parse gave other results with the stage wrappers")

    report["rss_after_parse_mb"] = maxrss_mb()
    tracemalloc.start()
    parse_pass(corpus)
    report["tracemalloc_peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()

    # the same names as a regex named list, and str.lower, for scale
    trie, named, n_names = floor_patterns()
    report["floor_names"] = n_names
    named.search(corpus[0][1])
    best, _ = best_of(3, lambda: [sum(1 for _ in named.finditer(t)) for _, t, _ in corpus])
    report["named_list_s"] = best
    best, _ = best_of(max(args.repeat, 5), lambda: [t.lower() for _, t, _ in corpus])
    report["lower_s"] = best

    # parse, the peer and the floor, their passes taken in turn
    from dateparser.search import search_dates

    search_dates(corpus[0][1][:2000], languages=["en"])
    trie.search(corpus[0][1])
    failures = 0

    def peer() -> None:
        nonlocal failures
        for _, text, _ in corpus:
            try:
                search_dates(text, languages=["en"])
            except Exception:
                failures += 1

    timed = in_turn(
        {
            "parse": (args.repeat, lambda: parse_pass(corpus)),
            "peer": (args.peer_repeat or args.repeat, peer),
            "floor": (
                max(args.repeat, 3),
                lambda: [sum(1 for _ in trie.finditer(t)) for _, t, _ in corpus],
            ),
        }
    )
    best, median = timed["parse"]
    report["parse_s"] = best
    report["parse_median_s"] = median
    report["articles_per_s"] = len(corpus) / best
    report["words_per_s"] = report["words"] / best
    report["ms_per_article"] = best * 1000 / len(corpus)
    report["peer_s"] = timed["peer"][0]
    report["peer_failures"] = failures
    report["floor_s"] = timed["floor"][0]

    # parse_many, one process against a pool, on at least ~200 articles
    copies = max(1, math.ceil(args.many_articles / len(corpus)))
    items = [(text, pub) for _, text, pub in corpus] * copies
    report["many_articles"] = len(items)
    ones, manys = [], []
    for _ in range(args.many_repeat):  # interleaved, so a burst of load hits both alike
        ones.append(best_of(1, lambda: sum(1 for _ in parse_many(items, workers=1)))[0])
        manys.append(best_of(1, lambda: sum(1 for _ in parse_many(items, workers=args.workers)))[0])
    one, many = min(ones), min(manys)
    report["many_workers"] = args.workers
    report["many_1_s"] = one
    report["many_n_s"] = many
    report["speedup"] = one / many

    report["parse_vs_peer"] = report["peer_s"] / report["parse_s"]
    report["parse_vs_floor"] = report["parse_s"] / report["floor_s"]
    report["parse_vs_named_list"] = report["parse_s"] / report["named_list_s"]
    report["parse_vs_lower"] = report["parse_s"] / report["lower_s"]
    report["peak_mb"] = maxrss_mb()
    return report


def maxrss_mb() -> float:
    """Maximum resident set size of this process so far, in MB."""
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb / (2**20 if sys.platform == "darwin" else 2**10)


def mark(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def render(r: dict[str, Any]) -> str:
    n: int = r["articles"]

    def per(seconds: float) -> float:
        return seconds * 1000 / n

    lines = [
        f"diplotext benchmark: {n} articles, {r['words']:,} words, {r['chars']:,} characters "
        f"from {r['folder']} (Python {r['python']}, {r['cpus']} CPUs, best of {r['repeat']})",
        "",
        f"import diplotext          {r['import_ms']:8.1f} ms   "
        f"(target < {TARGETS['import_ms']:.0f} ms: {mark(r['import_ms'] < TARGETS['import_ms'])}; "
        f"loaded: {' '.join(r['imports'])})",
        f"first parse (fresh proc.) {r['first_parse_s']:8.3f} s    "
        f"(target < {TARGETS['first_parse_s']:.0f} s: "
        f"{mark(r['first_parse_s'] < TARGETS['first_parse_s'])})",
        "",
        f"parse                     {r['articles_per_s']:8.1f} articles/s  "
        f"{r['words_per_s']:10,.0f} words/s   {r['ms_per_article']:7.2f} ms/article "
        f"(median pass {per(r['parse_median_s']):.2f})",
        "",
        "per stage (ms/article):",
    ]
    stages = r["stages_ms_per_article"]
    total = sum(stages.values()) or 1.0
    for k in STAGE_ORDER:
        lines.append(f"  {k:<10} {stages[k]:8.2f}   {100 * stages[k] / total:5.1f} %")
    for w in r["stage_warnings"]:
        lines.append(f"  warning: {w}")
    lines += [
        "",
        "same texts, side by side (ms/article):",
        f"  parse                          {per(r['parse_s']):9.3f}",
        f"  peer: search_dates(en)         {per(r['peer_s']):9.3f}   "
        f"({r['peer_failures']} failures)",
        f"  floor: regex trie of {r['floor_names']} names {per(r['floor_s']):9.3f}",
        f"  (the same names as \\L<names>)  {per(r['named_list_s']):9.3f}",
        f"  str.lower                      {per(r['lower_s']):9.3f}",
        "",
        f"parse vs search_dates   {r['parse_vs_peer']:7.2f}x the throughput   "
        f"(target >= {TARGETS['parse_vs_peer']:.0f}x: "
        f"{mark(r['parse_vs_peer'] >= TARGETS['parse_vs_peer'])})",
        f"parse vs floor          {r['parse_vs_floor']:7.1f}x the time         "
        f"(target <= {TARGETS['parse_vs_floor']:.0f}x: "
        f"{mark(r['parse_vs_floor'] <= TARGETS['parse_vs_floor'])}; stretch <= 5x)",
        f"parse vs str.lower      {r['parse_vs_lower']:7.0f}x the time",
        "",
        f"parse_many on {r['many_articles']} articles: workers=1 {r['many_1_s']:.2f} s, "
        f"workers={r['many_workers']} {r['many_n_s']:.2f} s: speed-up {r['speedup']:.2f}x "
        f"(target >= {TARGETS['speedup']}x on 2 workers: "
        f"{mark(r['speedup'] >= TARGETS['speedup'])})",
        "",
        f"memory: tracemalloc peak over one parse pass {r['tracemalloc_peak_mb']:.1f} MB; "
        f"max RSS after the parse runs {r['rss_after_parse_mb']:.1f} MB, "
        f"at the end (with dateparser's search and the pool) {r['peak_mb']:.1f} MB "
        f"(target < {TARGETS['peak_mb']:.0f} MB: "
        f"{mark(r['rss_after_parse_mb'] < TARGETS['peak_mb'])})",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("folder", nargs="?", type=Path, default=SEEDS, help="folder of *.txt articles")
    p.add_argument("--workers", type=int, default=2, help="pool size for parse_many (default 2)")
    p.add_argument("--repeat", type=int, default=3, help="timed passes of parse (default 3)")
    p.add_argument(
        "--peer-repeat", type=int, default=0, help="passes of search_dates (default: --repeat)"
    )
    p.add_argument(
        "--many-articles",
        type=int,
        default=200,
        help="repeat the folder up to this many articles for parse_many (default 200)",
    )
    p.add_argument(
        "--many-repeat",
        type=int,
        default=2,
        help="interleaved runs of parse_many with 1 and N workers, best kept (default 2)",
    )
    p.add_argument("--json", action="store_true", help="print one JSON line on stdout")
    args = p.parse_args(argv)
    corpus = load_folder(args.folder)
    if not corpus:
        p.error(f"no *.txt files below {args.folder}")
    report = measure(args, corpus)
    text = render(report)
    if args.json:
        print(text, file=sys.stderr)
        print(json.dumps(report, sort_keys=True))
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
