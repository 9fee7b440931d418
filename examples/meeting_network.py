"""Draw who met whom across a folder of articles as a network picture (PNG).

Each node is a participant, merged across articles: people and organisations
by name ("Joe Biden"), states and unnamed officials by country ("China"
stands for "Beijing", "Chinese officials" and "the Chinese foreign
minister" alike). Each edge joins two participants of the same meeting; it
is coloured and labelled by the meeting's mode (phone, visit, third_party,
multilateral, unspecified), drawn wider for more meetings, and dashed when
none of its meetings is known to have been held (planned, proposed or
cancelled only). Big corpora keep only the ``--top`` busiest participants.

Needs the ``examples`` extra (networkx and matplotlib). Run from the
repository root::

    pip install -e '.[examples]'
    python examples/meeting_network.py seeds --out network.png
"""

from __future__ import annotations

import argparse
import itertools
import math
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import matplotlib
import networkx as nx  # type: ignore[import-untyped]  # networkx ships no type hints
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

import diplotext
from diplotext import ActorKind, MeetingMode, MeetingStatus

MODE_COLORS = {
    MeetingMode.PHONE: "tab:blue",
    MeetingMode.VISIT: "tab:green",
    MeetingMode.THIRD_PARTY: "tab:orange",
    MeetingMode.MULTILATERAL: "tab:purple",
    MeetingMode.UNSPECIFIED: "tab:gray",
}
NODE_COLORS = {"person": "#f2c14e", "country": "#9ecae1", "organization": "#c7e9c0"}


def node_of(actor: diplotext.Actor, countries: dict[str, str]) -> tuple[str, str, str] | None:
    """The node an actor merges into, as (key, label, kind); None if it has no name or country."""
    if actor.name and actor.kind in (ActorKind.PERSON, ActorKind.ORGANIZATION):
        return f"name:{actor.name}", actor.name, actor.kind.value
    if actor.country:
        return f"country:{actor.country}", countries.get(actor.country, actor.country), "country"
    return None


def build_graph(articles: Sequence[diplotext.Article]) -> nx.Graph:
    """Participants as nodes, meetings as edges: ``modes`` counts each edge's meeting modes."""
    countries = {c.code: c.name for c in diplotext.Gazetteer.default().countries}
    graph = nx.Graph()
    for article in articles:
        for meeting in article.meetings:
            sides: dict[str, str | None] = {}  # node key -> country of the participant
            for actor in meeting.participants:
                if node := node_of(actor, countries):
                    key, label, kind = node
                    graph.add_node(key, label=label, kind=kind)
                    sides[key] = actor.country
            for key in sides:
                graph.nodes[key]["meetings"] = graph.nodes[key].get("meetings", 0) + 1
            for u, v in itertools.combinations(sorted(sides), 2):
                if sides[u] == sides[v] and f"country:{sides[u]}" in (u, v):
                    continue  # Xi Jinping and "Chinese officials" are one side, not two
                graph.add_edge(u, v)
                edge = graph.edges[u, v]
                edge.setdefault("modes", Counter())[meeting.mode] += 1
                edge["held"] = edge.get("held", False) or meeting.status is MeetingStatus.HELD
    return graph


def draw(graph: nx.Graph, title: str, out: Path) -> None:
    """Draw the graph to a PNG file."""
    matplotlib.use("Agg")  # files only: no window, no display needed
    fig = Figure(figsize=(12, 9), layout="constrained")
    ax = fig.subplots()
    ax.set_title(title)
    ax.axis("off")
    pos = nx.spring_layout(graph, k=2 / math.sqrt(max(len(graph), 1)), seed=1)
    nx.draw_networkx_nodes(
        graph,
        pos,
        ax=ax,
        node_color=[NODE_COLORS[graph.nodes[n]["kind"]] for n in graph],
        node_size=[200 + 300 * math.sqrt(graph.nodes[n]["meetings"]) for n in graph],
        edgecolors="black",
        linewidths=0.5,
    )
    for held, style in [(True, "solid"), (False, "dashed")]:
        edges = [(u, v, d) for u, v, d in graph.edges(data=True) if d["held"] is held]
        nx.draw_networkx_edges(
            graph,
            pos,
            ax=ax,
            edgelist=[(u, v) for u, v, _ in edges],
            edge_color=[MODE_COLORS[d["modes"].most_common(1)[0][0]] for _, _, d in edges],
            width=[1 + sum(d["modes"].values()) for _, _, d in edges],
            style=style,
        )
    for mode, color in MODE_COLORS.items():
        labels = {
            (u, v): ", ".join(
                f"{m.value} ×{n}" if n > 1 else m.value for m, n in d["modes"].items()
            )
            for u, v, d in graph.edges(data=True)
            if d["modes"].most_common(1)[0][0] is mode
        }
        nx.draw_networkx_edge_labels(
            graph, pos, edge_labels=labels, ax=ax, font_size=7, font_color=color
        )
    nx.draw_networkx_labels(graph, pos, labels=dict(graph.nodes(data="label")), ax=ax, font_size=9)
    handles = [Line2D([], [], color=c, lw=3, label=m.value) for m, c in MODE_COLORS.items()]
    handles.append(Line2D([], [], color="black", ls="dashed", label="never held"))
    handles += [
        Line2D([], [], marker="o", ls="", markersize=10, markerfacecolor=c, color="black", label=k)
        for k, c in NODE_COLORS.items()
    ]
    fig.legend(handles=handles, loc="outside right center", fontsize=9, frameon=False)
    fig.savefig(out, dpi=120)


def main(argv: Sequence[str] | None = None) -> None:
    """Parse every article under the folder and draw the network of its meetings."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?", default=Path("seeds"))
    parser.add_argument("--out", type=Path, default=Path("network.png"), help="PNG file")
    parser.add_argument("--top", type=int, default=30, help="draw the N busiest participants")
    args = parser.parse_args(argv)

    paths = sorted(args.folder.rglob("*.txt"))
    texts = (p.read_text(encoding="utf-8") for p in paths)
    articles = list(diplotext.parse_many(texts))
    graph = build_graph(articles)
    busiest = sorted(graph, key=lambda n: (-graph.nodes[n]["meetings"], n))[: args.top]
    graph = nx.Graph(graph.subgraph(busiest))
    graph.remove_nodes_from(list(nx.isolates(graph)))
    meetings = sum(len(a.meetings) for a in articles)
    plural = "" if len(articles) == 1 else "s"
    draw(graph, f"Who met whom: {meetings} meetings in {len(articles)} article{plural}", args.out)
    print(f"{len(graph)} participants, {graph.number_of_edges()} pairs: wrote {args.out}")


if __name__ == "__main__":
    main()
