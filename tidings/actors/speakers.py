"""Actors for speakers that the quotes stage meets and no actor mention covers.

``speaker_actor`` turns the noun phrase of a speaker ("a spokesman for the
ministry", "Pat Caddell") into an actor of the article, reusing the one with
the same name (or whose surname it is) when the article already has it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tidings.actors.coding import join_code, strip_the
from tidings.actors.lexicon import default_lexicon
from tidings.model import Actor, ActorRef, Article, Span
from tidings.syntax import phrase_tokens

if TYPE_CHECKING:
    from spacy.tokens import Token


def speaker_actor(article: Article, head: Token) -> ActorRef:
    """An actor for a speaker no table knows, from the noun phrase headed by ``head``.

    Its sector comes from the agent table when the head noun is an agent
    ("spokesman" -> GOV); it gets no country, as an unknown name must not be guessed.
    """
    toks = sorted(phrase_tokens(head), key=lambda t: t.i)
    toks = [t for t in toks if t.dep_ not in ("relcl", "acl", "prep") or t.i < head.i]
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    span = Span(article.text[start:end], start, end)
    name = strip_the(span.text)
    lex = default_lexicon()
    sector = lex.agents.get(head.lemma_.lower(), ("", ""))[0] or None
    kind = "person" if head.pos_ == "PROPN" or head.ent_type_ == "PERSON" else "agent"
    actor = article.adopt_actor(
        # the same name, or a surname after the full name ("Caddell" after "Pat Caddell")
        lambda a: a.name.lower() == name.lower() or (kind == "person" == a.kind and a.name.split()[-1:] == [name]),
        lambda n: Actor(n, name, join_code(None, sector), None, sector, None, kind),
        span,
    )
    return ActorRef(actor, span)
