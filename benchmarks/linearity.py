"""Is parse() linear in the length of its input? Seconds per MB from 10 KB to 10 MB.

Run it from the project root (it is not part of the test suite)::

    python benchmarks/linearity.py                  # every input, 10 KB to 10 MB
    python benchmarks/linearity.py --max-mb 1       # stop at 1 MB (quicker)
    python benchmarks/linearity.py --only real,president
    python benchmarks/linearity.py --profile president --size 1000000

Each input is generated at 10 KB, 100 KB, 1 MB and 10 MB (characters; all
ASCII but for the quotes) and parsed once by :func:`diplotext.parse` in a
fresh subprocess, after a warm-up parse there (gazetteer, patterns,
dateparser), so that one slow input cannot stall the others: a run that
would take longer than ``--budget`` seconds (projected from the size before)
is skipped, and one that overruns twice the budget is stopped. Small inputs
are parsed repeatedly and the best time kept.

The table gives seconds per MB at each size, and for each input the largest
ratio between its seconds per MB at two sizes: about 1 for linear work, 10
per step of size for quadratic work. A ratio of 3 or more is flagged; find
the cause with ``--profile NAME --size N`` (cProfile, the top functions by
own time and by cumulative time). The peak memory of the largest input of each
kind is its subprocess's maximum resident set size, beside the size after
the warm-up.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import itertools
import json
import pstats
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_858710e13cbfc5e3.txt"
SIZES = (10_000, 100_000, 1_000_000, 10_000_000)
FLAG = 3.0


def _repeat(unit: str, n: int) -> str:
    """``unit`` repeated to exactly ``n`` characters."""
    return (unit * (n // len(unit) + 1))[:n]


def _seed() -> str:
    return SEED.read_text(encoding="utf-8")


def _nested(n: int) -> str:
    """One nest of brackets and quotes, ``n // 2`` deep, around one word."""
    opens = "((“‘[«\"'"
    closes = {"(": ")", "“": "”", "‘": "’", "[": "]", "«": "»", '"': '"', "'": "'"}
    depth = max(1, (n - 6) // 2)
    left = "".join(itertools.islice(itertools.cycle(opens), depth))
    right = "".join(closes[c] for c in reversed(left))
    return (left + "Biden" + right)[:n]


#: name -> (what it is, generator of a text of n characters)
INPUTS: dict[str, tuple[str, Callable[[int], str]]] = {
    "real": ("the seed article repeated", lambda n: _repeat(_seed() + "\n\n", n)),
    "one-letter": ('"a" repeated', lambda n: "a" * n),
    "capitalised": ('"Abc Def Ghi ..." repeated', lambda n: _repeat("Abc Def Ghi Jkl Mno ", n)),
    "president": ('"President " repeated', lambda n: _repeat("President ", n)),
    "digits-dashes": ('"12-34-56-..." repeated', lambda n: _repeat("12-34-56-78-90-", n)),
    "nested": ("((((“‘...Biden...’”)))) one nest", _nested),
    "nested-short": ("“(‘Biden’)” repeated", lambda n: _repeat("“(‘[Biden met Xi]’)” ", n)),
    "one-line": (
        "the seed article with no line ends",
        lambda n: _repeat(_seed().replace("\n", " ") + " ", n),
    ),
    "newlines": ('"\\n" repeated', lambda n: "\n" * n),
    "short-lines": ('"Biden met Xi\\n" repeated', lambda n: _repeat("Biden met Xi\n", n)),
    "abbreviations": ('"Mr. U.S. Gen. " repeated', lambda n: _repeat("Mr. U.S. Gen. ", n)),
    "meeting-words": (
        '"President Biden met President Xi on Tuesday and " repeated',
        lambda n: _repeat("President Biden met President Xi on Tuesday and ", n),
    ),
}

PUBLISHED = dt.date(2024, 4, 2)


def _maxrss_mb() -> float:
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb / (2**20 if sys.platform == "darwin" else 2**10)


def run_one(name: str, size: int) -> dict[str, float]:
    """In the subprocess: warm up, then time ``parse`` of one input at one size."""
    import diplotext

    diplotext.parse(_seed(), published=PUBLISHED)
    text = INPUTS[name][1](size)
    baseline = _maxrss_mb()
    times = []
    spent = 0.0
    while not times or (spent < 0.5 and len(times) < 20):
        start = time.perf_counter()
        article = diplotext.parse(text, published=PUBLISHED)
        times.append(time.perf_counter() - start)
        spent += times[-1]
    return {
        "seconds": min(times),
        "runs": len(times),
        "baseline_mb": baseline,
        "maxrss_mb": _maxrss_mb(),
        "actors": len(article.actors),
        "meetings": len(article.meetings),
    }


def measure(name: str, size: int, timeout: float) -> dict[str, float] | str:
    """``run_one`` in a fresh interpreter; a string says why there is no result."""
    try:
        out = subprocess.run(
            [sys.executable, __file__, "--one", name, "--size", str(size)],
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return f"stopped after {timeout:.0f} s"
    if out.returncode != 0:
        last = (out.stderr.strip().splitlines() or ["?"])[-1]
        return f"failed: {last}"
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def profile(name: str, size: int, top: int) -> None:
    """cProfile one parse of one input; print the top functions."""
    import diplotext

    diplotext.parse(_seed(), published=PUBLISHED)
    text = INPUTS[name][1](size)
    prof = cProfile.Profile()
    start = time.perf_counter()
    prof.enable()
    diplotext.parse(text, published=PUBLISHED)
    prof.disable()
    print(f"{name} at {size:,} characters: {time.perf_counter() - start:.2f} s")
    stats = pstats.Stats(prof).strip_dirs()
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)


def _label(size: int) -> str:
    return f"{size // 1_000_000} MB" if size >= 1_000_000 else f"{size // 1000} KB"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--max-mb", type=float, default=10, help="largest size in MB (default 10)")
    p.add_argument("--only", default="", help="comma-separated input names (default: all)")
    p.add_argument("--budget", type=float, default=240, help="seconds a run may take (default 240)")
    p.add_argument("--json", action="store_true", help="also print the results as one JSON line")
    p.add_argument("--profile", metavar="NAME", help="cProfile one input instead")
    p.add_argument("--size", type=int, default=1_000_000, help="size for --profile / --one")
    p.add_argument("--top", type=int, default=25, help="functions listed by --profile")
    p.add_argument("--one", metavar="NAME", help=argparse.SUPPRESS)
    args = p.parse_args(argv)

    if args.one:
        print(json.dumps(run_one(args.one, args.size)))
        return 0
    if args.profile:
        profile(args.profile, args.size, args.top)
        return 0

    names = [n for n in args.only.split(",") if n] or list(INPUTS)
    unknown = [n for n in names if n not in INPUTS]
    if unknown:
        p.error(f"unknown input {', '.join(unknown)}; known: {', '.join(INPUTS)}")
    sizes = [s for s in SIZES if s <= args.max_mb * 1_000_000]

    print(f"seconds per MB of parse(text, published={PUBLISHED}), one fresh process per run")
    header = f"{'input':<15}" + "".join(f"{_label(s):>10}" for s in sizes)
    print(header + f"{'max ratio':>11}  {'peak RSS (base) @size':<24} {'':3} what")
    results: dict[str, dict[int, dict[str, float] | str]] = {}
    flagged = []
    for name in names:
        row: dict[int, dict[str, float] | str] = {}
        last: tuple[int, float] | None = None
        for size in sizes:
            if any(isinstance(r, str) for r in row.values()):
                row[size] = "skipped: a smaller size was not measured"
                continue
            if last is not None and last[1] * size / last[0] > args.budget:
                row[size] = f"skipped: {_label(last[0])} took {last[1]:.1f} s"
                continue
            got = measure(name, size, timeout=2 * args.budget + 30)
            row[size] = got
            if isinstance(got, dict):
                last = (size, got["seconds"])
        results[name] = row
        spm = [r["seconds"] / (s / 1e6) for s, r in row.items() if isinstance(r, dict)]
        ratio = max(spm) / min(spm) if spm and min(spm) > 0 else float("nan")
        skipped = any(isinstance(r, str) for r in row.values())
        bad = ratio >= FLAG or skipped
        if bad:
            flagged.append(name)
        biggest = max((s for s, r in row.items() if isinstance(r, dict)), default=None)
        mem = ""
        if biggest is not None:
            r = row[biggest]
            assert isinstance(r, dict)
            mem = f"{r['maxrss_mb']:.0f} MB ({r['baseline_mb']:.0f}) @{_label(biggest)}"
        cells = "".join(
            f"{r['seconds'] / (s / 1e6):10.2f}" if isinstance(r, dict) else f"{'-':>10}"
            for s, r in row.items()
        )
        print(
            f"{name:<15}{cells}{ratio:11.2f}  {mem:<24} {'<<<' if bad else '':3} {INPUTS[name][0]}",
            flush=True,
        )
    for name in names:
        for size, r in results[name].items():
            if isinstance(r, str):
                print(f"  {name} at {_label(size)}: {r}")
    if flagged:
        print(
            f"non-linear or slow (ratio >= {FLAG:g} or a size not measured): {', '.join(flagged)}"
        )
        print("profile one with: python benchmarks/linearity.py --profile NAME --size 1000000")
    else:
        print(f"every input within a ratio of {FLAG:g}")
    if args.json:
        print(json.dumps({"sizes": sizes, "results": results}, default=str))
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
