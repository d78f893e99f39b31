"""Event records: a CAMEO code and a trigger made into an ``Event``, or an event recoded.

The codebook (tidings.events.ontology) gives the name, root, Goldstein score,
QuadClass and PLOVER type; tidings.events.scoring the calibrated confidence from
how the event was found.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tidings.events.ontology import lookup
from tidings.events.scoring import Features, confidence
from tidings.model import Event, Span

if TYPE_CHECKING:
    from spacy.tokens import Token


def coded_event(code: str, trigger: Token, features: Features, **fields: Any) -> Event:
    """An event with its codebook fields, trigger span and calibrated confidence filled in."""
    entry = lookup(code)
    return Event(
        cameo=entry.code,
        root=entry.root,
        plover=entry.plover,
        plover_mode=entry.plover_mode,
        quad_class=entry.quad_class,
        goldstein=entry.goldstein,
        name=entry.name,
        trigger=Span(trigger.text, trigger.idx, trigger.idx + len(trigger.text)),
        confidence=confidence(features),
        evidence=features.as_dict(),
        **fields,
    )


def recode(ev: Event, code: str) -> None:
    """Give an event another code, with that code's codebook fields."""
    entry = lookup(code)
    ev.cameo, ev.root, ev.name = entry.code, entry.root, entry.name
    ev.plover, ev.plover_mode = entry.plover, entry.plover_mode
    ev.quad_class, ev.goldstein = entry.quad_class, entry.goldstein
