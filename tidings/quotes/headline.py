"""Quotes in a Title Case headline: who says them.

A headline's quotes are short and Title Case and still quotes; the name before
a headline's colon ('Pence: ...') speaks them, else the headline's subject
('Black Lawmakers Rip Trump As A "Disgusting Fraud"'), else a person the story
names whose full name opens the headline.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tidings.actors import speaker_actor
from tidings.model import Actor, ActorRef, Span
from tidings.quotes.cues import subject
from tidings.quotes.lexicon import NOT_SPEAKERS

if TYPE_CHECKING:
    from tidings.quotes.state import ArticleState, Quotation


def headline_speaker(st: ArticleState, q: Quotation) -> None:
    """'Pence: ... 'Mocking' Clinton Camp': the name before a headline's colon speaks."""
    doc = st.doc
    m = re.match(r"([A-Z][\w.'\-]+(?: [A-Z][\w.'\-]+){0,3}):\s", st.text[: st.headline_end])
    if m is None:
        _headline_subject(st, q)
        return
    name = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
    if name is None:
        return
    ref = st.index.at(name.root)
    if ref is None and name.root.ent_type_ in ("PERSON", "ORG", "NORP"):
        ref = speaker_actor(st.article, name.root)
    if ref is not None:
        q.speaker = ref
        q.cue = Span(":", m.end(1), m.end(1) + 1)
        q.has_own_cue = True


def _headline_subject(st: ArticleState, q: Quotation) -> None:
    """'Black Lawmakers Rip Trump As A 'Disgusting Fraud'': the headline's subject."""
    doc = st.doc
    first = doc.char_span(0, min(st.headline_end, len(st.text)), alignment_mode="contract")
    if first is None:
        return
    root = first[0].sent.root
    subj = subject(root) if root.pos_ == "VERB" else None
    if subj is None or subj.pos_ == "PRON" or st.in_quote(subj.idx) or subj.idx >= q.parts[0].start:
        _headline_name(st, q)
        return
    ref = st.index.resolve(subj)
    if ref is None and subj.ent_type_ not in NOT_SPEAKERS:
        ref = speaker_actor(st.article, subj)
    if ref is not None:
        q.speaker = ref
        q.cue = Span(root.text, root.idx, root.idx + len(root.text))
        q.has_own_cue = True


def _headline_name(st: ArticleState, q: Quotation) -> None:
    """'Jane Doe Slams Budget Plan: "..."': a Title Case headline the tagger cannot parse, that
    opens with the full name of a person the article names, is that person's (but not
    'Jane Doe Is A "..."', which says what she is)."""
    text = st.text
    start = st.headline_end
    best: Actor | None = None
    for actor in st.article.actors:
        name = actor.name
        if (
            actor.kind == "person"
            and len(name.split()) >= 2
            and len(name) < q.parts[0].start
            and text.startswith(name + " ")
            and text[len(name) + 1 :].split(" ", 1)[0].lower() not in ("is", "was", "are", "were", "be")
            and any(m.start >= start for m in actor.mentions)  # named in the story, not a misread headline
            and (best is None or len(name) > len(best.name))
        ):
            best = actor
    if best is None:
        return
    span = Span(best.name, 0, len(best.name))
    if all(m.start != 0 for m in best.mentions):
        best.mentions.append(span)
    q.speaker = ActorRef(best, span)
    q.has_own_cue = True
