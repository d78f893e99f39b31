"""The quotes stage itself: from the quoted pieces to ``article.quotes``.

Each group of pieces (a quote carried over paragraphs) becomes a quotation
with its first piece's cue and speaker (a transcript label, a verb of saying, a
headline's name); titles and scare quotes are dropped; quotations with no cue
of their own are joined to the quote they belong to; the rest become
:class:`~tidings.model.Quote` objects linked to the events whose trigger lies
inside them, and the indirect quotes are added.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tidings.model import Article, Context, Quote, Span
from tidings.quotes.cues import find_cue
from tidings.quotes.headline import headline_speaker
from tidings.quotes.indirect import indirect_quotes
from tidings.quotes.joining import merge
from tidings.quotes.kinds import kind, not_a_quote, scare_quote
from tidings.quotes.speakers import label_speaker, speaker
from tidings.quotes.state import ArticleState, Quotation

if TYPE_CHECKING:
    from tidings.quotes.marks import Piece


class QuoteFinder:
    """Pipeline stage: sets ``article.quotes`` (needs ``doc``, ``actors`` and ``events``).

    It keeps nothing between articles: what one article's steps share is an
    :class:`~tidings.quotes.state.ArticleState` made for it.
    """

    name = "quotes"
    requires: tuple[str, ...] = ("doc", "actors", "events")
    assigns: tuple[str, ...] = ("quotes", "actors")

    def __call__(self, article: Article, ctx: Context) -> Article:
        doc = ctx.doc
        if doc is None:
            return article
        st = ArticleState.read(article, doc)
        # One quotation per group (a quote carried over paragraphs), its first piece's cue.
        groups: dict[int, list[Piece]] = {}
        for p in st.pieces:
            groups.setdefault(p.group, []).append(p)
        quotations = [_quotation(st, group) for group in groups.values()]
        quotations.sort(key=lambda q: q.parts[0].start)
        quotations = [q for q in quotations if not not_a_quote(st, q)]
        quotations = merge(st, quotations)
        quotes: list[Quote] = []
        for q in quotations:
            quote = _quote(st, q)
            if quote is not None:
                quotes.append(quote)
        quotes.extend(indirect_quotes(st, quotes))
        article.quotes = sorted(quotes, key=lambda q: q.start)
        return article


def _quotation(st: ArticleState, group: list[Piece]) -> Quotation:
    """A quotation of a group of pieces, with its first piece's cue and speaker."""
    text = st.text
    q = Quotation(group)
    first = group[0]
    if first.label is not None:
        a, b = first.label
        colon = text.find(":", a, b)
        q.cue = Span(":", colon, colon + 1) if colon >= 0 else None
        q.speaker = label_speaker(st, a, b)
        q.has_own_cue = True
        return q
    cue = find_cue(st, first.start, first.end)
    if cue is None and len(group) > 1:
        # '"We rebuilt the school. ¶ "Nobody is left behind," Holt said.'
        cue = find_cue(st, group[-1].start, group[-1].end)
    if cue is not None:
        q.has_own_cue = True
        lead = len(cue.text) - len(cue.text.lstrip('"'))
        q.cue = Span(cue.text[lead:], cue.idx + lead, cue.idx + len(cue.text))
        q.speaker = speaker(st, cue)
    elif first.start < st.headline_end:
        headline_speaker(st, q)
    return q


def _quote(st: ArticleState, q: Quotation) -> Quote | None:
    """The quote a quotation makes, linked to the events it states; None for scare quotes."""
    text = st.text
    words = sum(len(text[p.start : p.end].split()) for p in q.parts)
    if scare_quote(st, q, words):
        return None  # scare quotes: the "problems", so-called "experts"
    spans = [Span(text[p.start : p.end], p.start, p.end) for p in q.parts]
    events = st.events_within([(p.start, p.end) for p in spans])
    return Quote(
        text=" ".join(p.text for p in spans),
        start=spans[0].start,
        end=spans[-1].end,
        speaker=q.speaker,
        cue=q.cue,
        kind=kind(text, q.parts[0], words),
        parts=spans if len(spans) > 1 else [],
        event_ids=events,
    )
