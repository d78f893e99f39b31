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
from dataclasses import replace
from typing import TYPE_CHECKING

from tidings.actors.clues import Unit, admin1_clues, place_clues
from tidings.actors.coding import as_of, code_unit, join_code, regional_group, variants
from tidings.actors.coref import ArticleActors, is_neighbour, is_pair, left_edge
from tidings.actors.lexicon import ActorLexicon, default_lexicon
from tidings.actors.units import dateline_tokens, find_units
from tidings.model import Actor, Article, Context, Place
from tidings.words import words

if TYPE_CHECKING:
    from spacy.tokens import Doc
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
        dateline = dateline_tokens(doc, article.dateline.start if article.dateline else None)
        units = find_units(self.lex, doc, dateline)
        place_clues(doc, units, article.places)
        admin1_clues(doc, units)
        focus = article.focus_country or _focus(units)
        state = ArticleActors(
            doc, focus, dateline=dateline, openers=_openers(doc, article.places), sites=_sites(doc, article.places)
        )
        # "the two sides", "both leaders": phrases that stand for the last two parties named.
        pairs = {t.i for t in tokens(doc) if is_pair(t)}
        heads = {u.head for u in units}
        # "accusing its neighbour of arming the rebels": the other country just named
        neighbours = {t.i for t in doc if is_neighbour(t)} - heads
        taken = {t: u.head for u in units for t in u.tokens | {u.head}}
        queue: list[tuple[int, Unit | None]] = [(u.head, u) for u in units]
        queue += [(i, None) for i in (pairs | neighbours) if i not in heads]
        for head, unit in sorted(queue, key=lambda q: q[0]):
            if head in pairs and state.pair(head):
                continue
            if head in neighbours:
                state.neighbour(head)
                continue
            if unit is None or state.definite_org(unit):
                continue
            self._resolve(state, unit, day, focus, taken)
        state.merge_partial_names()
        state.spokespeople()
        state.titles_and_employers()
        state.pronouns()
        article.actors = state.coded()
        return article

    def _resolve(
        self, state: ArticleActors, unit: Unit, day: str | None, focus: str | None, taken: dict[int, int]
    ) -> None:
        """Code ``unit`` (one actor per country where it names several) and record it in ``state``;
        ``taken`` says which unit each token of a unit belongs to."""
        doc = state.doc
        start = min(min(unit.tokens | {unit.head}), left_edge(doc, unit.head))
        # "Foreign Minister Mohamed Siyala and Deputy Secretary Elaine Duke": not the other's words
        others = [i for i in range(start, unit.head) if taken.get(i, unit.head) != unit.head]
        if others:
            start = max(others) + 1
            while start < unit.head and (doc[start].is_punct or doc[start].dep_ in ("cc", "case")):
                start += 1
        end = max(unit.tokens | {unit.head})
        fallback = state.context_country(unit, focus)
        if fallback is None and not unit.countries and regional_group(self.lex, unit, day):
            # "President Bouteflika ... lift the ban on the Islamic Salvation Front": a group
            # Phoenix files under a region is of the state the same sentence names.
            fallback = state.sentence_country(unit.head)
        for variant in variants(unit):
            coded = code_unit(self.lex, variant, day, fallback)
            if coded is None:
                continue
            key, actor = coded
            firm = _firm_of(state, doc[start : unit.head].text) if key[0] == "person" else None
            if firm is not None:
                # "Svea Pack Chief Executive Henrik Lindgren": the firm's man, not a state's
                actor = replace(actor, country=firm.country, sector="BUS", code=join_code(firm.country, "BUS"))
            state.add(unit, key, as_of(actor, day), start, end)


def _firm_of(state: ArticleActors, title: str) -> Actor | None:
    """The company a person's title words name ("Svea Pack Chief Executive"), if one was named before."""
    firms = [a for k, a in state.actors.items() if k[0] == "org" and a.sector == "BUS" and len(a.name) > 2]
    return next((a for a in firms if a.name in title), None)


#: Cities where international bodies sit: "In Geneva, diplomats said" says nothing of theirs.
_HUBS = words("places", "international_hubs")


def _located(places: list[Place]) -> list[Place]:
    """Places that say where something happens: with a country, not a demonym, not an
    international hub where bodies merely sit."""
    return [p for p in places if p.country and p.role != "demonym" and p.text.lower() not in _HUBS]


def _openers(doc: Doc, places: list[Place]) -> dict[int, tuple[int, str]]:
    """Sentences that open with where they happen ("In Tehran, a foreign ministry spokesman said"),
    by number: the comma that ends the opening and the country of its place."""
    located = _located(places)
    out: dict[int, tuple[int, str]] = {}
    for n, sent in enumerate(doc.sents):
        if sent[0].lower_ not in ("in", "at", "from"):
            continue
        comma = next((t for t in sent[1:10] if t.text == ","), None)
        if comma is None:
            continue
        opening = (sent[0].idx, comma.idx)
        country = next((p.country for p in located if opening[0] <= p.start < opening[1]), None)
        if country is not None:
            out[n] = (comma.i, country)
    return out


def _sites(doc: Doc, places: list[Place]) -> dict[int, str]:
    """Where acts happen: the verb or noun a located place hangs on through "in", "at" or
    "inside" ("detained 40 supporters in Tbilisi": both "detained" and "supporters" may carry
    it, as the parser attaches it), mapped to the place's country."""
    out: dict[int, str] = {}
    for p in _located(places):
        span = doc.char_span(p.start, p.end, alignment_mode="expand")
        if span is None:
            continue
        prep = span.root.head
        on_site = span.root.dep_ == "pobj" and prep.lower_ in ("in", "at", "inside")
        if on_site and prep.head.pos_ in ("VERB", "NOUN") and p.country:  # (``_located`` kept only these)
            out.setdefault(prep.head.i, p.country)
    return out


def _focus(units: list[Unit]) -> str | None:
    """Without places (the places stage did not run), the most named country."""
    counts: Counter[str] = Counter()
    for unit in units:
        counts.update(unit.countries)
    return counts.most_common(1)[0][0] if counts else None
