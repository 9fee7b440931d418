"""diplotext: structured records of diplomatic meetings, actors and issues from English news text.

>>> import diplotext
>>> article = diplotext.parse("U.S. President Joe Biden spoke by phone with Chinese "
...                           "President Xi Jinping on Tuesday.", published="2024-04-02")
>>> [(a.name, a.country) for a in article.actors if a.kind is diplotext.ActorKind.PERSON]
[('Joe Biden', 'USA'), ('Xi Jinping', 'CHN')]
"""

from ._gazetteer import Country, Gazetteer, Organization, Person, Place, Subject, Topic
from ._many import parse_many
from ._model import (
    Actor,
    ActorKind,
    Article,
    DateRange,
    Issue,
    Location,
    Meeting,
    MeetingMode,
    MeetingStatus,
    Span,
    Stance,
)
from ._parse import find_actors, find_issues, find_meetings, parse

__all__ = [
    "Actor",
    "ActorKind",
    "Article",
    "Country",
    "DateRange",
    "Gazetteer",
    "Issue",
    "Location",
    "Meeting",
    "MeetingMode",
    "MeetingStatus",
    "Organization",
    "Person",
    "Place",
    "Span",
    "Stance",
    "Subject",
    "Topic",
    "find_actors",
    "find_issues",
    "find_meetings",
    "parse",
    "parse_many",
]

__version__ = "0.1.0"
