"""Articles coded by hand for the story and global-event tests (no spaCy): every value is known.

Each article is a headline and a short body written for these tests; its events are built as the
pipeline builds them (actors, spans, dates with their source, places with theirs) from a compact
spec, and stored through the SQLite sink with a :class:`~tidings.stories.Joiner`.

Example::

    a = article("a1", "Russia strikes Kharkiv", "Russian missiles struck Kharkiv on Monday.", "2025-11-03",
                [act("struck", "190", ("RUS", "Russia"), ("UKR", "Ukraine"), "2025-11-03", place=KHARKIV)])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from tidings.config import load_settings
from tidings.model import Actor, ActorRef, Article, Event, Place, Sentence, Span
from tidings.sinks import SQLiteSink
from tidings.stories import Joiner, Options, Similarity

KHARKIV = ("Kharkiv", "UKR", 706483, 49.98081, 36.25272, "city")
ODESA = ("Odesa", "UKR", 698740, 46.47747, 30.73262, "city")
SOCHI = ("Sochi", "RUS", 491422, 43.59917, 39.72569, "city")
MOSCOW = ("Moscow", "RUS", 524901, 55.75222, 37.61556, "city")
UKRAINE = ("Ukraine", "UKR", 690791, 49.0, 32.0, "country")
#: Party: (code, name) or (code, name, kind).
Party = tuple[str, ...]


@dataclass
class Act:
    trigger: str
    cameo: str
    source: Party | None
    target: Party | None
    date: str | None
    date_source: str = "clause"
    place: tuple[Any, ...] | None = None
    place_source: str = "clause"
    symmetric: bool = False
    confidence: float = 0.7
    modality: str = "asserted"
    negated: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def act(trigger: str, cameo: str, source: Party | None, target: Party | None, date: str | None, **kw: Any) -> Act:
    return Act(trigger, cameo, source, target, date, **kw)


def _actor(actors: dict[str, Actor], party: Party, text: str, span: Span) -> ActorRef:
    code, name = party[0], party[1]
    kind = party[2] if len(party) > 2 else ("country" if len(code) == 3 else "agent")
    if name not in actors:
        actors[name] = Actor(len(actors) + 1, name, code, code[:3], code[3:6] or None, None, kind)
    actors[name].mentions.append(span)
    return ActorRef(actors[name], span)


def article(
    aid: str, title: str, body: str, published: str | None, acts: list[Act], *, source: str | None = None
) -> Article:
    """An article whose text is the headline and the body, with the given acts as its events."""
    text = f"{title}\n\n{body}"
    a = Article(raw=text, id=aid, published=published, title=title, source=source or f"outlet-{aid}")
    a.text = text
    actors: dict[str, Actor] = {}
    sentence = Sentence(0, len(title) + 2, len(text), body)
    for x in acts:
        start = text.index(x.trigger, len(title) + 2) if x.trigger in body else text.index(x.trigger)
        trig = Span(x.trigger, start, start + len(x.trigger))
        place = None
        if x.place is not None:
            name, country, gid, lat, lon, feature = x.place
            p_at = text.find(name)
            place = Place(name, max(p_at, 0), max(p_at, 0) + len(name), name, country, gid, lat, lon, None, feature)
            if place not in a.places:
                a.places.append(place)
        a.events.append(
            Event(
                cameo=x.cameo,
                root=x.cameo[:2],
                plover="OTHER",
                plover_mode=None,
                quad_class=1,
                goldstein=0.0,
                source=_actor(actors, x.source, text, trig) if x.source else None,
                target=_actor(actors, x.target, text, trig) if x.target else None,
                trigger=trig,
                sentence=sentence,
                negated=x.negated,
                modality=x.modality,
                date=x.date,
                date_source=x.date_source if x.date or x.date_source == "unknown" else None,
                place=place,
                place_source=x.place_source if place else None,
                confidence=x.confidence,
                name=x.cameo,
                symmetric=x.symmetric,
            )
        )
    a.actors = list(actors.values())
    return a


def standin(groups: dict[str, int | tuple[int, ...]]) -> Similarity:
    """A stand-in for the sentence-embedding model (kind "model", so the model's thresholds apply):
    a text whose headline starts with a key of ``groups`` gets the unit vector along that basis
    direction (or the normalised sum of those directions: (0, 1, 2) is 0.58 similar to 0), others
    one of their own."""
    dim = 64

    def encode(texts: Any) -> np.ndarray:
        out = np.zeros((len(texts), dim), dtype=np.float32)
        for i, t in enumerate(texts):
            g = next((v for k, v in groups.items() if t.startswith(k)), None)
            axes = (g,) if isinstance(g, int) else g or ((hash(t) % (dim - 16)) + 16,)
            out[i, list(axes)] = 1.0
        return out / np.linalg.norm(out, axis=1, keepdims=True)

    return Similarity("model", encode)


def sink(path: Path, similarity: Similarity | None = None, **options: Any) -> SQLiteSink:
    """The SQLite sink with a joiner of these options (``enabled=False``: none, as the settings say)."""
    if options.get("enabled") is False:
        return SQLiteSink(path, settings=load_settings().with_section("stories", enabled=False))
    return SQLiteSink(path, joiner=Joiner(Options(**options), similarity or Similarity.lexical()))


def store(path: Path, articles: list[Article], similarity: Similarity | None = None, **options: Any) -> Path:
    """Write the articles, in order, through the SQLite sink and its joiner."""
    s = sink(path, similarity, **options)
    s.open()
    for a in articles:
        s.write(a)
    s.close()
    return path
