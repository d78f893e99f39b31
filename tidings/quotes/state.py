"""What the quotes stage's steps share while they read one article.

:class:`ArticleState` is made afresh for each article (so one
:class:`~tidings.quotes.QuoteFinder` serves any number of them): the article
and its parse, the index of the actor stage's mentions, the quoted pieces and
their marks, and where a Title Case headline ends. :class:`Quotation` is a
quote being put together from its pieces.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tidings.mentions import MentionIndex
from tidings.model import ActorRef, Article, Span
from tidings.quotes.marks import Piece, quoted_pieces, split_labels

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass
class Quotation:
    """A quote being put together: its pieces, cue and speaker."""

    parts: list[Piece]
    cue: Span | None = None
    speaker: ActorRef | None = None
    has_own_cue: bool = False  # a cue found next to it, not lent by a neighbour


@dataclass
class ArticleState:
    """One article in hand: its parse, mentions, quoted pieces and headline."""

    article: Article
    doc: Doc
    index: MentionIndex  # the actor stage's mentions, as they stood when the stage began
    pieces: list[Piece]  # the quoted pieces, transcript turns split off
    marks: list[int]  # the offsets of the quote marks around the pieces
    quoted: list[tuple[int, int]]  # the (start, end) of each piece
    headline_end: int  # where the article's Title Case headline ends (0: it has none)

    @classmethod
    def read(cls, article: Article, doc: Doc) -> ArticleState:
        text = article.text
        index = MentionIndex(article)
        pieces = split_labels(text, quoted_pieces(text))
        marks = sorted({p.start - 1 for p in pieces} | {p.end for p in pieces})
        quoted = [(p.start, p.end) for p in pieces]
        return cls(article, doc, index, pieces, marks, quoted, _headline_end(text))

    @property
    def text(self) -> str:
        return self.article.text

    def __post_init__(self) -> None:
        # The pieces' union as sorted, disjoint runs: ``in_quote`` is a bisection, not a scan.
        self._runs: list[tuple[int, int]] = []
        for a, b in sorted(self.quoted):
            if a >= b:
                continue
            if self._runs and a <= self._runs[-1][1]:
                self._runs[-1] = (self._runs[-1][0], max(b, self._runs[-1][1]))
            else:
                self._runs.append((a, b))
        self._run_starts = [a for a, _ in self._runs]
        # The events by where their trigger starts, for the quotes that state them.
        self._triggers = sorted((e.trigger.start, e.trigger.end, i) for i, e in enumerate(self.article.events))
        self._trigger_starts = [t[0] for t in self._triggers]

    def events_within(self, spans: list[tuple[int, int]]) -> list[int]:
        """The indices (ascending) of the events whose trigger lies inside one of the spans."""
        found: set[int] = set()
        for a, b in spans:
            lo, hi = bisect_left(self._trigger_starts, a), bisect_right(self._trigger_starts, b)
            found.update(i for _start, end, i in self._triggers[lo:hi] if end <= b)
        return sorted(found)

    def in_quote(self, offset: int) -> bool:
        """The offset lies inside one of the quoted pieces."""
        i = bisect_right(self._run_starts, offset) - 1
        return i >= 0 and offset < self._runs[i][1]


def _headline_end(text: str) -> int:
    """The end of a Title Case headline opening the text ('Pence: Flowers Won't Be at
    Debate'), else 0."""
    end = text.find("\n")
    line = text[: end if end >= 0 else len(text)]
    words = re.findall(r"[A-Za-z][\w'\-]*", line)
    long = [w for w in words if len(w) > 3]
    if not 2 <= len(words) <= 30 or not long:
        return 0
    return len(line) if sum(w[0].isupper() for w in long) >= 0.8 * len(long) else 0
