"""When and where an event happened, and how that was found.

The date is the one in the event's own clause, else the one on the sentence's main
verb, else the lede's first date, else the article's publication date. The place
is the location in the event noun's own phrase or in the event's clause, then in
the clauses it is coordinated with or embedded in (never across a report), else the
dateline. ``where`` finds the place a doerless act of force is coded to.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tidings.model import Article, Place, Sentence
from tidings.syntax import LOCATIVE_PREPS, clause_head

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def lede_date(article: Article) -> str | None:
    """The first day named in the lede (the first two sentences), among the first four times."""
    return next((t.day for t in article.times[:4] if t.day and t.start < _lede_end(article)), None)


def _lede_end(article: Article) -> int:
    """The end of the lede: the first two sentences."""
    return article.sentences[min(1, len(article.sentences) - 1)].end if article.sentences else 0


def date_of(article: Article, trigger: Token, sentence: Sentence, lede: str | None) -> tuple[str | None, str | None]:
    """The event's day and where it came from: "clause", "sentence", "lede" or "published"."""
    doc = trigger.doc
    own, sent = None, None
    root = trigger.sent.root
    for t in article.times:
        if not (sentence.start <= t.start < sentence.end) or t.day is None:  # (the cheap test first)
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            continue
        head = clause_head(span.root)
        event_clause = clause_head(trigger) if trigger.pos_ in ("NOUN", "PROPN") else trigger
        if head.i == event_clause.i and own is None:
            own = t.day
        elif head.i == root.i and sent is None:
            sent = t.day
    if own:
        return own, "clause"
    if sent:
        return sent, "sentence"
    if lede:
        return lede, "lede"
    return article.published, "published" if article.published else None


def place_of(article: Article, trigger: Token, sentence: Sentence) -> tuple[Place | None, str | None]:
    """The event's place and where it came from: "clause", "enclosing clause" or "dateline"."""
    doc = trigger.doc
    event_clause = clause_head(trigger) if trigger.pos_ in ("NOUN", "PROPN") else trigger
    # the clause itself, then the clauses it is coordinated with or embedded in ("In Minsk, thousands marched
    # and police detained 200"); never across a report ("X said in Moscow that police in Minsk ...")
    scope = [event_clause]
    t = event_clause
    while t.head.i != t.i and t.dep_ not in ("ccomp", "parataxis") and len(scope) < 6:
        t = clause_head(t.head)
        scope.append(t)
    in_sentence = [p for p in article.places if p.role == "location" and sentence.start <= p.start < sentence.end]
    heads: dict[int, int] = {}
    for p in in_sentence:
        span = doc.char_span(p.start, p.end, alignment_mode="expand")
        if span is not None:
            heads[id(p)] = clause_head(span.root).i
    if trigger.pos_ in ("NOUN", "PROPN"):
        # "protests in Minsk", "demonstrations held across the country": the noun's own phrase
        # places it before the clause it sits in does.
        lo, hi = trigger.left_edge.idx, trigger.right_edge.idx + len(trigger.right_edge)
        own = next((p for p in in_sentence if lo <= p.start and p.end <= hi), None)
        if own is not None:
            return own, "clause"
    for level, c in enumerate(scope):
        for p in in_sentence:
            if heads.get(id(p)) == c.i:
                return p, "clause" if level == 0 else "enclosing clause"
    if article.dateline is not None:
        d = next((p for p in article.places if p.start == article.dateline.start), None)
        if d is not None:
            return d, "dateline"
    return None, None


def where(article: Article, sentence: Sentence, doc: Doc) -> Place | None:
    """The first place of the sentence that says where things happen: a location, or a name
    inside a locative phrase ("near the town of Samarra", "outside the Iraqi city of Basra",
    "in a residential sector of eastern Beirut")."""
    for p in article.places:
        if not (sentence.start <= p.start < sentence.end) or not p.country or p.role in ("demonym", "metonym"):
            continue
        if p.role == "location":
            return p
        span = doc.char_span(p.start, p.end, alignment_mode="expand")
        t = span.root if span is not None else None
        for _ in range(6):
            if t is None:
                break
            if t.dep_ in ("compound", "appos", "conj", "amod"):
                t = t.head
            elif t.dep_ == "pobj" and t.head.lower_ in LOCATIVE_PREPS:
                return p
            elif t.dep_ == "pobj" and t.head.lower_ == "of":
                # "the town of X" climbs to "town"; "outside of X" to "outside".
                t = t.head.head
                if t.dep_ == "prep" and t.lower_ in LOCATIVE_PREPS:
                    return p
            else:
                break
    return None
