"""Which actor does this token stand for? Answered from the actors stage's mentions.

``MentionIndex`` is built once per article from ``article.actors`` and used by the
events and quotes stages: the mention containing a token (the smallest one), every
actor of that mention ("agitators from Poland and the Netherlands"), and the actor a
whole noun phrase stands for (its head's mention, else the first mention inside it,
leaving out the places it is located by and the people named by their tie to someone).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from tidings.model import Actor, ActorRef, Article, Span
from tidings.syntax import LOCATIVE_PREPS, conjuncts, phrase_tokens
from tidings.words import words

if TYPE_CHECKING:
    from spacy.tokens import Token

# People named by their tie to someone else: the phrase does not stand for that someone.
RELATIONAL_NOUNS = words("events", "relational_nouns")


class MentionIndex:
    """Answers 'which actor does this token stand for?' from the actors stage's mentions."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.spans: list[tuple[Span, Actor]] = sorted(
            ((m, a) for a in article.actors for m in a.mentions), key=lambda x: (x[0].start, -(x[0].end - x[0].start))
        )
        # A token's mentions start at most ``longest`` characters before it: a bisection over the
        # starts finds them without a scan of every mention (which made the stages quadratic).
        self._starts = [s.start for s, _ in self.spans]
        self._longest = max((s.end - s.start for s, _ in self.spans), default=0)

    def at(self, tok: Token) -> ActorRef | None:
        """The mention containing the token, preferring the smallest span (the first of equals)."""
        idx = tok.idx
        best: tuple[Span, Actor] | None = None
        lo = bisect_left(self._starts, idx - self._longest)
        hi = bisect_right(self._starts, idx)
        for span, actor in self.spans[lo:hi]:
            if idx < span.end and (best is None or span.end - span.start < best[0].end - best[0].start):
                best = (span, actor)
        return ActorRef(best[1], best[0]) if best else None

    def all_at(self, tok: Token) -> list[ActorRef]:
        """Every actor of the smallest mention containing the token (several for
        "agitators from Poland and the Netherlands")."""
        best = self.at(tok)
        if best is None:
            return []
        start, end = best.span.start, best.span.end
        same_start = self.spans[bisect_left(self._starts, start) : bisect_right(self._starts, start)]
        return [ActorRef(a, s) for s, a in same_start if s.end == end]

    def resolve(self, tok: Token) -> ActorRef | None:
        """The actor a phrase stands for: its head's mention, else the first mention inside it."""
        refs = self.resolve_all(tok)
        return refs[0] if refs else None

    def resolve_all(self, tok: Token) -> list[ActorRef]:
        refs = self.all_at(tok)
        if refs:
            return refs
        if tok.lemma_.lower() in RELATIONAL_NOUNS:
            # "a close ally of Putin" is not Putin; but "its EU partners", "NATO allies" are
            # the members of the body the compound names.
            return [r for c in tok.children if c.dep_ == "compound" for r in self.all_at(c) if r.actor.kind == "igo"][
                :1
            ]
        for t in sorted(phrase_not_located(tok), key=lambda t: t.i):
            refs = self.all_at(t)
            if refs:
                # "action against the United States and South Korea": both.
                head = tok.doc.char_span(refs[0].span.start, refs[0].span.end, alignment_mode="expand")
                for c in conjuncts(head.root if head is not None else t)[1:]:
                    refs += [r for r in self.all_at(c) if all(r.actor.id != x.actor.id for x in refs)]
                return refs
        return []


def phrase_not_located(head: Token) -> list[Token]:
    """A noun phrase's tokens without the places it is located by: "streets in Hong Kong"
    are streets, "a jail in Dili" a jail, not Hong Kong or Dili ("police in Kharkiv" stay
    police of Kharkiv through the actor's own mention)."""
    out: list[Token] = []
    for t in phrase_tokens(head):
        a, located = t, False
        while a.i != head.i:
            if a.dep_ == "pobj" and a.head.lower_ in LOCATIVE_PREPS and a.head.lower_ != "into":
                located = True
                break
            a = a.head
        if not located:
            out.append(t)
    return out
