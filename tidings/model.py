"""The one data model every stage reads and writes.

An :class:`Article` starts as raw text, the clean stage fills ``text`` (every
offset below indexes it), and each later stage adds its own records: actors,
events, quotes, places, times. ``Article.to_dict`` is the record that
``tidings process --json`` prints (see ``shared/contract/article.schema.json``).

An Article is plain data: it pickles, so it crosses process and Dask
boundaries as it is. What the stages share that is no part of the record (the
spaCy parse) rides beside it in a :class:`Context`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # spaCy is heavy; only the nlp stage imports it for real
    from spacy.tokens import Doc


@dataclass(slots=True)
class Span:
    """A run of characters in the cleaned text (end exclusive)."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(slots=True)
class EventMention:
    """One more report of an event: the word that tells it and the sentence it is in."""

    trigger: Span
    sentence: Sentence
    headline: bool = False  # the report is the article's headline

    def to_dict(self) -> dict[str, Any]:
        return {
            "trigger": self.trigger.to_dict(),
            "sentence": self.sentence.text,
            "sentence_start": self.sentence.start,
            "headline": self.headline,
        }


@dataclass(slots=True)
class Actor:
    """An actor of the article, resolved once, with every mention of it."""

    id: int
    name: str
    code: str
    country: str | None = None
    sector: str | None = None
    wikidata: str | None = None
    kind: str = "agent"  # country, person, organisation, agent, igo, group
    mentions: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "code": self.code,
            "country": self.country,
            "sector": self.sector,
            "wikidata": self.wikidata,
            "kind": self.kind,
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass(slots=True)
class ActorRef:
    """An actor as it takes part in one event or quote: the words that stand for it here."""

    actor: Actor
    span: Span

    def to_dict(self) -> dict[str, Any]:
        a = self.actor
        return {
            "actor_id": a.id,
            "name": a.name,
            "code": a.code,
            "country": a.country,
            "sector": a.sector,
            "wikidata": a.wikidata,
            **self.span.to_dict(),
        }


@dataclass(slots=True)
class Place:
    text: str
    start: int
    end: int
    name: str
    country: str | None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None
    feature: str | None = None
    # "location" where something happens; "metonym" when the name stands for a
    # government ("Moscow said") and so must not become an event's place.
    role: str = "location"

    @property
    def span(self) -> Span:
        return Span(self.text, self.start, self.end)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "name": self.name,
            "country": self.country,
            "geonameid": self.geonameid,
            "lat": self.lat,
            "lon": self.lon,
            "admin1": self.admin1,
            "feature": self.feature,
            "role": self.role,
        }


@dataclass(slots=True)
class TimeExpr:
    text: str
    start: int
    end: int
    value: str | None  # ISO 8601 at the text's precision: 2020-08-15, 2020-08, 2020, P26Y
    kind: str = "date"  # date, duration, time, set
    rule: str = ""  # which rule produced the value, for error analysis

    @property
    def span(self) -> Span:
        return Span(self.text, self.start, self.end)

    @property
    def day(self) -> str | None:
        """The calendar day the value names ("2020-08-14", also of "2020-08-14TNI" or
        "2020-08-15T21:00"), else None."""
        v = self.value
        if v is None or len(v) < 10 or not (v[:4].isdigit() and v[4] == "-" and v[7] == "-" and v[8:10].isdigit()):
            return None
        return v[:10] if len(v) == 10 or v[10] == "T" else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "kind": self.kind,
            "rule": self.rule,
        }


@dataclass(slots=True)
class Event:
    cameo: str
    root: str
    plover: str
    plover_mode: str | None
    quad_class: int
    goldstein: float
    source: ActorRef | None
    target: ActorRef | None
    trigger: Span
    sentence: Sentence
    negated: bool = False
    modality: str = "asserted"
    date: str | None = None
    date_source: str | None = None  # clause, sentence, lede, published; unknown: background with no day
    place: Place | None = None
    place_source: str | None = None  # clause, enclosing clause, dateline
    confidence: float = 0.5
    pattern: str = ""  # the lexicon entry that fired, for error analysis
    name: str = ""  # CAMEO name of the code
    # Other reports of this same event in the article (the headline's, "the protests"
    # again): one event, several mentions, as GDELT separates events from mentions.
    mentions: list[EventMention] = field(default_factory=list)
    headline: bool = False  # told only in the headline (a body report would be the event itself)
    # A joint act between its two parties ("X and Y met", "agreed", "signed"): told once, source and
    # target interchangeable; a dyadic tally in the PETRARCH manner counts it once each way.
    symmetric: bool = False
    # How the coder found it (tidings.events.scoring.Features as a dict), for fitting and
    # checking ``confidence``; not part of the record.
    evidence: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "cameo": self.cameo,
            "root": self.root,
            "name": self.name,
            "plover": self.plover,
            "plover_mode": self.plover_mode,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "trigger": self.trigger.to_dict(),
            "sentence": self.sentence.text,
            "sentence_start": self.sentence.start,
            "date": self.date,
            "date_source": self.date_source,
            "place": self.place.to_dict() if self.place else None,
            "place_source": self.place_source,
            "negated": self.negated,
            "modality": self.modality,
            "confidence": round(self.confidence, 3),
            "pattern": self.pattern,
            "mentions": [m.to_dict() for m in self.mentions],
            "headline": self.headline,
            "symmetric": self.symmetric,
        }


@dataclass(slots=True)
class Quote:
    text: str
    start: int
    end: int
    speaker: ActorRef | None
    cue: Span | None
    kind: str  # direct, partial, indirect
    # A quote the attribution interrupts ('"A," she said. "B."') or that runs on over
    # paragraphs: its pieces in order; ``text`` joins them and start/end span them all.
    parts: list[Span] = field(default_factory=list)
    # Indexes into ``Article.events`` of the events the quote states (their trigger lies inside it).
    event_ids: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "kind": self.kind,
            "parts": [p.to_dict() for p in self.parts],
            "event_ids": list(self.event_ids),
        }


@dataclass
class Context:
    """What the stages hand on beside one article that is not part of its record.

    The nlp stage puts its spaCy parse here and later stages read it; it never
    leaves the process that made it, so the article itself stays picklable.
    """

    doc: Doc | None = field(default=None, repr=False)


def text_id(text: str) -> str:
    """A stable id for an article without one: a digest of its normalised text."""
    norm = " ".join(text.split()).lower()
    return "t" + hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


@dataclass
class Article:
    raw: str
    id: str = ""
    published: str | None = None  # YYYY-MM-DD
    title: str | None = None
    url: str | None = None
    source: str | None = None  # the site or agency that published it
    author: str | None = None  # from the page's markup or a byline line the cleaner took out
    input: str | None = None  # the file path or URL it was read from
    text: str = ""  # the cleaned text; every offset indexes it
    removed: list[str] = field(default_factory=list)  # promo/navigation lines the cleaner dropped
    dateline: Span | None = None  # the place of a "CITY, Date -" opening, when there is one
    focus_country: str | None = None  # ISO3 of the country the story happens in (set by places)
    sentences: list[Sentence] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what a stage wants the reader to know

    def adopt_actor(self, matches: Callable[[Actor], bool], make: Callable[[int], Actor], span: Span) -> Actor:
        """The first actor that ``matches``, else a new one from ``make(next_id)``; ``span``
        becomes one of its mentions (once). Stages that meet an actor late use this."""
        actor = next((a for a in self.actors if matches(a)), None)
        if actor is None:
            actor = make(len(self.actors) + 1)
            self.actors.append(actor)
        if all(m.start != span.start for m in actor.mentions):
            actor.mentions.append(span)
        return actor

    def sentence_at(self, offset: int) -> Sentence | None:
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "source": self.source,
            "author": self.author,
            "published": self.published,
            "input": self.input,
            "text": self.text,
            "focus_country": self.focus_country,
            "actors": [a.to_dict() for a in self.actors],
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
            "places": [p.to_dict() for p in self.places],
            "times": [t.to_dict() for t in self.times],
            "notes": list(self.notes),
        }
