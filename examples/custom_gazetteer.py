"""Teach diplotext names it does not know, and see what it then finds.

diplotext reads with a ``Gazetteer``: the countries, places, organisations,
people and topic words it knows. ``Gazetteer.default().extended(...)`` gives
a new gazetteer with your own records added (the bundled one is unchanged);
pass it to ``diplotext.parse(text, gazetteer=...)``. This example adds

- people (``Person``): a name with the title and country that the text
  leaves out (the text's own words win where it gives them);
- an organisation (``Organization``), with its country and type;
- a place (``Place``), so that a meeting gets its location;
- a subject of a topic (``Topic`` with ``subjects=[Subject(...)]``), so
  that an issue gets its specific matter, not only its topic;

then parses a short made-up article with and without them and prints the
records that change (``-`` without the extension, ``+`` with it).

Run from the repository root::

    python examples/custom_gazetteer.py
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

import diplotext
from diplotext import Gazetteer, Organization, Person, Place, Subject, Topic

TEXT = (
    "Special envoy Lena Marsh met Tomas Reyna in Hammerfest on Monday to discuss krill quotas. "
    "Marsh raised concerns about krill quotas, according to a statement by Polar Harvest."
)
PUBLISHED = "2025-03-05"

EXTENDED = Gazetteer.default().extended(
    people=[
        Person("Lena Marsh", title="special envoy", country="NOR"),
        Person("Tomas Reyna", title="fisheries minister", country="ISL"),
    ],
    organizations=[Organization("Polar Harvest", country="NOR", type="company")],
    places=[Place("Hammerfest", "NOR")],
    topics=[Topic("trade", subjects=[Subject("krill quotas")])],
)


def describe(article: diplotext.Article) -> list[str]:
    """One line per actor, meeting and issue."""
    lines = []
    for a in article.actors:
        fields = ", ".join(f or "-" for f in (a.kind.value, a.title, a.country))
        lines.append(f"actor    {a.name or '(unnamed)'}: {fields}")
    for m in article.meetings:
        who = " – ".join(a.name or str(a.title) for a in m.participants)
        where = f"in {m.location.name} ({m.location.country})" if m.location else "no place"
        when = m.date.start if m.date else "no date"
        about = ", ".join(i.subject or i.topic for i in m.issues) or "-"
        lines.append(
            f"meeting  {who}: {m.mode.value}, {m.status.value}, {when}, {where}, on {about}"
        )
    for i in article.issues:
        subject = f" ({i.subject})" if i.subject else ""
        lines.append(f"issue    {i.topic}{subject}: {i.stance.value}")
    return lines


def main(argv: Sequence[str] | None = None) -> None:
    """Parse the made-up article with both gazetteers and print the difference."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--text", default=TEXT, help="the article to read (default: made up)")
    args = parser.parse_args(argv)

    before = describe(diplotext.parse(args.text, published=PUBLISHED))
    after = describe(diplotext.parse(args.text, published=PUBLISHED, gazetteer=EXTENDED))
    print(f"{args.text}\n")
    print("Records without the extension (-) and with it (+); unchanged ones unmarked:")
    for kind in ("actor", "meeting", "issue"):
        for line in before:
            if line.startswith(kind):
                print(f"  {' ' if line in after else '-'} {line}")
        for line in after:
            if line.startswith(kind) and line not in before:
                print(f"  + {line}")


if __name__ == "__main__":
    main()
