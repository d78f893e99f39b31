"""Place records from resolved mentions, and the role the syntax gives each.

A toponym that acts ("Moscow said", "Russia has backed") is a ``metonym``; one
after a locative preposition ("in Minsk") is a ``location``; anything else
("Kentucky State Police") a ``mention``. Also :func:`coordinated`, the names
listed with each ("Oregon and Washington"), which the resolver weighs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tidings.model import Article, Place
from tidings.places.gazetteer import GeoEntry
from tidings.places.mentions import Mention
from tidings.words import words

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

# Dependencies of a name that acts or is acted on as an actor ("Moscow said", "Russia's envoy").
ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "agent", "dative", "poss", "appos"})

# Prepositions that put something at a place ("in Minsk", "across Belarus").
LOCATIVE_PREPS = frozenset(
    {
        "in",
        "at",
        "near",
        "across",
        "around",
        "inside",
        "outside",
        "throughout",
        "into",
        "within",
        "along",
        "off",
        "through",
    }
)

# Nouns a name modifies that make it where something happens ("the Idlib province", "the Rafah border").
SETTING_NOUNS = words("places", "setting_nouns")


def coordinated(mentions: list[Mention], doc: Doc) -> dict[int, list[Mention]]:
    """Per mention (by id), the mentions coordinated with it: "Oregon and Washington", "Ohio, Texas or Utah"."""
    at = {i: m for m in mentions if m.source != "demonym" for i in range(m.start, m.end)}
    out: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.source == "demonym":
            continue
        root = doc[m.end - 1]
        heads = [root.head] if root.dep_ == "conj" else []
        near = [t for t in (*heads, *(c for c in root.children if c.dep_ == "conj")) if t.i in at]
        others = [at[t.i] for t in near if at[t.i] is not m]
        if others:
            out[id(m)] = others
    return out


def mention_role(m: Mention, doc: Doc, article: Article) -> str:
    if m.source == "demonym":
        return "demonym"
    if m.source == "embedded":
        return "mention"
    if m.source == "dateline":
        return "location"  # where the reporter files from, at the top or a later paragraph
    # "Baltimore, Maryland": the state plays the role of the town it follows.
    named = m.child if m.child is not None and m.source != "abbreviation" else m
    return _role(doc[named.start : named.end], article)


def _role(span: SpacySpan, article: Article) -> str:
    """location: where something happens; metonym: the name acts ("Moscow said"); mention: anything else."""
    root = span.root
    if article.dateline is not None and span.start_char == article.dateline.start:
        return "location"
    if root.dep_ in ACTING_DEPS:
        return "metonym"
    head = root
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    if head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS:
        return "location"
    if head.dep_ in ("compound", "npadvmod") and head.head.lower_ in SETTING_NOUNS:
        return "location"
    return "mention"


def place_at(text: str, start: int, end: int, e: GeoEntry) -> Place:
    admin1 = e.name if e.feature == "admin1" else e.admin1
    return Place(text, start, end, e.name, e.country, e.geonameid, e.lat, e.lon, admin1, e.feature, "location")


def place_record(m: Mention, e: GeoEntry | None, role: str) -> Place:
    if e is None:
        return Place(m.text, m.start_char, m.end_char, m.query, None, role=role)
    admin1 = e.name if e.feature == "admin1" else e.admin1
    return Place(
        m.text, m.start_char, m.end_char, e.name, e.country, e.geonameid, e.lat, e.lon, admin1, e.feature, role
    )
