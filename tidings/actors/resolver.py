"""The actors stage: find the units of an article, code each, and join the mentions of one actor.

Units are found in the parse (``units.py``) and given the countries that places
and provinces add (``clues.py``); then, in text order, each is coded
(``coding.py``) with the country an unplaced one takes from the actors just
named, and recorded in the article's ``ArticleActors`` (``coref.py``), which
joins surnames, acronyms, "the company", "the two sides" and pronouns to the
actor they refer to. One ``ActorResolver`` serves any number of articles: all
that one article needs lives in its own ``ArticleActors``.
"""

from __future__ import annotations

from collections import Counter

from tidings.actors.clues import Unit, admin1_clues, place_clues
from tidings.actors.coding import as_of, code_unit, regional_group, variants
from tidings.actors.coref import ArticleActors, is_pair, left_edge
from tidings.actors.lexicon import ActorLexicon, default_lexicon
from tidings.actors.units import find_units
from tidings.model import Article, Context
from tidings.syntax import tokens


class ActorResolver:
    """Pipeline stage: sets ``article.actors`` (needs ``doc``; uses ``places`` and ``published``)."""

    name = "actors"
    requires: tuple[str, ...] = ("doc", "text", "published", "places", "focus_country", "dateline")
    assigns: tuple[str, ...] = ("actors",)

    def __init__(self, *, lexicon: ActorLexicon | None = None) -> None:
        self.lex = lexicon or default_lexicon()

    def __call__(self, article: Article, ctx: Context) -> Article:
        doc = ctx.doc
        if doc is None:
            return article
        day = article.published
        units = find_units(self.lex, doc)
        place_clues(doc, units, article.places)
        admin1_clues(doc, units)
        focus = article.focus_country or _focus(units)
        state = ArticleActors(doc, focus)
        # "the two sides", "both leaders": phrases that stand for the last two parties named.
        pairs = {t.i for t in tokens(doc) if is_pair(t)}
        heads = {u.head for u in units}
        queue: list[tuple[int, Unit | None]] = [(u.head, u) for u in units]
        queue += [(i, None) for i in pairs if i not in heads]
        for head, unit in sorted(queue, key=lambda q: q[0]):
            if head in pairs and state.pair(head):
                continue
            if unit is None or state.definite_org(unit):
                continue
            self._resolve(state, unit, day, focus)
        state.merge_partial_names()
        state.titles_and_employers()
        state.pronouns()
        article.actors = state.coded()
        return article

    def _resolve(self, state: ArticleActors, unit: Unit, day: str | None, focus: str | None) -> None:
        """Code ``unit`` (one actor per country where it names several) and record it in ``state``."""
        doc = state.doc
        start = min(min(unit.tokens | {unit.head}), left_edge(doc, unit.head))
        end = max(unit.tokens | {unit.head})
        fallback = state.same_kind_country(unit, state.government_country(unit, focus))
        if fallback is None and not unit.countries and regional_group(self.lex, unit, day):
            # "President Bouteflika ... lift the ban on the Islamic Salvation Front": a group
            # Phoenix files under a region is of the state the same sentence names.
            fallback = state.sentence_country(unit.head)
        for variant in variants(unit):
            coded = code_unit(self.lex, variant, day, fallback)
            if coded is None:
                continue
            key, actor = coded
            state.add(unit, key, as_of(actor, day), start, end)


def _focus(units: list[Unit]) -> str | None:
    """Without places (the places stage did not run), the most named country."""
    counts: Counter[str] = Counter()
    for unit in units:
        counts.update(unit.countries)
    return counts.most_common(1)[0][0] if counts else None
