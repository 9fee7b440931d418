"""Draw the meetings between two countries on a timeline picture (PNG).

A meeting belongs to the pair when its participants include an actor of each
country (a person, a state, an organisation or unnamed officials). Each
meeting is a marker at the first day of its date (``meeting.date.start``) in
the row of its mode, coloured by its status and labelled with its
participants; a pale bar from start to end shows a date known only roughly
("in November" spans the month). Meetings the articles give no date for are
listed in a footnote under the picture.

Relative dates ("on Tuesday") need the publication date: the seed article's
is built in (2024-04-02); give others with ``--index`` (a TSV with the
columns ``file`` and ``publication_date``, as for ``corpus_to_csv.py``) or
``--published``. Needs the ``examples`` extra (matplotlib). Run from the
repository root::

    pip install -e '.[examples]'
    python examples/timeline.py seeds --pair USA CHN --out timeline.png
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import matplotlib
from _dates_index import read_index
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

import diplotext
from diplotext import MeetingMode, MeetingStatus

#: Publication dates of the articles in seeds/, by file name.
KNOWN_DATES = {"000_858710e13cbfc5e3.txt": dt.date(2024, 4, 2)}

STATUS_COLORS = {
    MeetingStatus.HELD: "tab:green",
    MeetingStatus.PLANNED: "tab:blue",
    MeetingStatus.PROPOSED: "tab:orange",
    MeetingStatus.CANCELLED: "tab:red",
}
MODES = list(MeetingMode)
FOOTNOTE_LINES = 12
#: Heights of the labels over their markers, in points, taken in turn along
#: each row, so that the labels of neighbouring meetings do not overlap.
LABEL_HEIGHTS = (8, -26, 30)


def who(meeting: diplotext.Meeting) -> str:
    """The participants, by name where they have one: "Joe Biden – Xi Jinping"."""
    return " – ".join(
        a.name or f"{a.title or a.kind.value} ({a.country})" for a in meeting.participants
    )


def draw(
    dated: list[tuple[diplotext.DateRange, diplotext.Meeting]],
    undated: list[str],
    title: str,
    out: Path,
) -> None:
    """Draw the dated meetings on a timeline, with the undated ones in a footnote."""
    matplotlib.use("Agg")  # files only: no window, no display needed
    matplotlib.rcParams["date.converter"] = "concise"  # "Apr", "2024" rather than "2024-04"
    footnote = min(len(undated), FOOTNOTE_LINES + 1)
    fig = Figure(figsize=(12, 2 + 1.1 * len(MODES) + 0.15 * footnote), layout="constrained")
    ax = fig.subplots()
    ax.set_title(title)
    labels_in_row = Counter[MeetingMode]()
    for date, m in sorted(dated, key=lambda pair: pair[0].start):
        y = MODES.index(m.mode)
        color = STATUS_COLORS[m.status]
        # matplotlib puts dates on a date axis, though its type hints admit only numbers
        start: Any = date.start
        end: Any = date.end
        if end > start:
            ax.hlines(y, start, end, color=color, lw=6, alpha=0.3)
        ax.scatter(start, y, s=80, color=color, edgecolors="black", zorder=3)
        ax.annotate(
            f"{who(m)}\n{date.text}",
            (start, y),
            xytext=(6, LABEL_HEIGHTS[labels_in_row[m.mode] % len(LABEL_HEIGHTS)]),
            textcoords="offset points",
            fontsize=7,
        )
        labels_in_row[m.mode] += 1
    ax.set_yticks(range(len(MODES)), [mode.value for mode in MODES])
    ax.set_ylim(-0.5, len(MODES))
    ax.grid(axis="x", alpha=0.3)
    ax.legend(
        handles=[
            Line2D([], [], marker="o", ls="", color=c, markeredgecolor="black", label=s.value)
            for s, c in STATUS_COLORS.items()
        ],
        loc="upper left",
        fontsize=8,
    )
    if undated:
        lines = undated[:FOOTNOTE_LINES]
        if len(undated) > FOOTNOTE_LINES:
            lines.append(f"and {len(undated) - FOOTNOTE_LINES} more")
        note = "No date given:\n" + "\n".join(f"  • {line}" for line in lines)
        ax.set_xlabel(note, loc="left", fontsize=8, labelpad=12)
    fig.savefig(out, dpi=120)


def main(argv: Sequence[str] | None = None) -> None:
    """Find the pair's meetings in every article under the folder and draw them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?", default=Path("seeds"))
    parser.add_argument("--pair", nargs=2, default=["USA", "CHN"], metavar="ISO3")
    parser.add_argument("--out", type=Path, default=Path("timeline.png"), help="PNG file")
    parser.add_argument("--index", type=Path, help="TSV with file and publication_date columns")
    parser.add_argument(
        "--published",
        type=dt.date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="publication date of the articles not otherwise dated",
    )
    args = parser.parse_args(argv)
    first, second = (code.upper() for code in args.pair)

    dates = read_index(args.index) if args.index else {}
    paths = sorted(args.folder.rglob("*.txt"))
    texts = (
        (
            p.read_text(encoding="utf-8"),
            dates.get(p.resolve()) or KNOWN_DATES.get(p.name) or args.published,
        )
        for p in paths
    )
    dated: list[tuple[diplotext.DateRange, diplotext.Meeting]] = []
    undated: list[str] = []
    for path, article in zip(paths, diplotext.parse_many(texts), strict=True):
        for m in article.meetings:
            if {first, second} <= {a.country for a in m.participants}:
                if m.date is None:
                    undated.append(f"{who(m)} ({m.mode.value}, {m.status.value}) in {path.name}")
                else:
                    dated.append((m.date, m))

    names = {c.code: c.name for c in diplotext.Gazetteer.default().countries}
    title = f"Meetings of {names.get(first, first)} and {names.get(second, second)}"
    draw(dated, undated, title, args.out)
    print(f"{len(dated)} dated meetings drawn, {len(undated)} without a date: wrote {args.out}")


if __name__ == "__main__":
    main()
