"""Sides of an event that the actors stage did not name as such: made from places and context.

A protest with no protesters named is done by the protesters of the place it happens
in; an act aimed only at a place ("arrived in Amman") or with no doer named ("was
killed in Beirut") is between the countries those places lie in; a curfew with no
one named falls on the source's own country. Each such actor is the article's own
when it has one, else added to ``article.actors``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tidings.actors import country_on
from tidings.actors import default_lexicon as default_actor_lexicon
from tidings.model import Actor, ActorRef, Article, Place, Span
from tidings.syntax import phrase_tokens
from tidings.words import words

if TYPE_CHECKING:
    from spacy.tokens import Token


def ensure_actor(article: Article, *, country: str | None, sector: str | None, name: str, span: Span) -> Actor:
    """The actor with this code, created when the article has none, with ``span`` as a mention."""
    country = country_on(country, article.published)
    code = (country or "") + (sector or "")
    kind = "agent" if sector else "country"
    return article.adopt_actor(
        lambda a: a.code == code and a.kind == kind,
        lambda n: Actor(n, name, code or "---", country, sector, None, kind),
        span,
    )


PROTEST_NOUNS = words("events", "protest_nouns")


def protest_noun(tok: Token) -> bool:
    """The word names a protest ("the protests", "a march"), not a day ("on March 12")."""
    return tok.lemma_.lower() in PROTEST_NOUNS and tok.ent_type_ not in ("DATE", "TIME")


def protesters(tok: Token, article: Article, facing: str | None = None) -> ActorRef:
    """Protests with no named protesters: the protesters of the place they happen in, else
    of the country whose government ``facing`` them is told ("whose government faced
    protests at home"), else of the story's country."""
    country = _phrase_country(article, tok) or facing or article.focus_country
    cname = next((a.name for a in article.actors if a.kind == "country" and a.country == country), country or "")
    span = Span(tok.text, tok.idx, tok.idx + len(tok.text))
    actor = ensure_actor(article, country=country, sector="OPP", name=f"{cname} protesters".strip(), span=span)
    return ActorRef(actor, span)


def place_actor(article: Article, place: Place | None) -> ActorRef | None:
    """The country a place lies in, as an actor mentioned by the place's name."""
    if place is None or not place.country:
        return None
    span = Span(place.text, place.start, place.end)
    return ActorRef(ensure_actor(article, country=place.country, sector=None, name=place.name, span=span), span)


def home_ref(article: Article, ref: ActorRef) -> ActorRef:
    """The country of an actor, as the article's actor for it: an existing one at its first
    mention, else a new one (with no mention of its own) referred to through ``ref``."""
    country = ref.actor.country or ""
    home = next((a for a in article.actors if a.kind == "country" and a.code == country), None)
    if home is not None and home.mentions:
        return ActorRef(home, home.mentions[0])
    if home is None:
        entry = default_actor_lexicon().countries.get(country)
        home = Actor(len(article.actors) + 1, entry.name if entry else country, country, country, None, None, "country")
        article.actors.append(home)
    return ActorRef(home, ref.span)


def unique(refs: list[ActorRef]) -> list[ActorRef]:
    """The references with one per actor, first kept."""
    seen: set[int] = set()
    out = []
    for r in refs:
        if r.actor.id not in seen:
            seen.add(r.actor.id)
            out.append(r)
    return out


def _phrase_country(article: Article, tok: Token) -> str | None:
    """The country of a place named inside the noun's own phrase ("protests in Minsk")."""
    idx = {t.idx for t in phrase_tokens(tok)}
    for p in article.places:
        if p.country and p.role == "location" and p.start in idx:
            return p.country
    return None
