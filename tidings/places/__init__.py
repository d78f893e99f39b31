"""Places stage: find toponyms and resolve them to GeoNames offline.

* :mod:`tidings.places.gazetteer` builds (once) and reads the GeoNames index:
  countries, first-order divisions, cities and continents from packaged data.
* :mod:`tidings.places.recognize` finds the toponyms: spaCy's GPE/LOC
  entities, place names the small model mislabelled or missed, names inside
  organisation names, the dateline, and adjectival demonyms ("Syrian",
  "European"), kept with ``role="demonym"`` so that no event is placed there.
  Its steps live beside it: :mod:`~tidings.places.mentions` (the record and
  shared tests), :mod:`~tidings.places.candidates` (entities and runs that
  name places), :mod:`~tidings.places.sites` (streets, buildings, venues),
  :mod:`~tidings.places.abbreviations` ("Churchill, Man."),
  :mod:`~tidings.places.context` (demonyms, datelines, the article's
  countries), :mod:`~tidings.places.persons` and
  :mod:`~tidings.places.filters` (what is a person or a word, not a place).
* :mod:`tidings.places.resolve` picks one entry per toponym from population,
  feature class, the article's countries and the admin hierarchy.
* :mod:`tidings.places.records` makes the place records and their roles,
  :mod:`tidings.places.hosts` puts streets and buildings at their town, and
  :mod:`tidings.places.focus` finds the story's country.

A toponym that acts ("Moscow said", "Russia has backed") is kept with
``role="metonym"`` so that no event is placed there; one inside an
organisation's name ("Kentucky State Police") is a ``mention``. A toponym the
gazetteer does not know is kept with ``geonameid=None`` (and takes the story's
country, unless it names a sea or a region). A named street or landmark
("Royal Street") is kept with feature ``facility``, ``geonameid=None`` and the
point of its town; one with no town in the article is dropped. "Across the
country" and "in the capital" become the story's country and its capital.

:meth:`Geoparser.resolve_spans` resolves toponyms someone else found (gold
annotations, another tagger) with the same context.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from tidings.errors import TidingsError
from tidings.model import Article, Context, Place
from tidings.places.abbreviations import link_parents
from tidings.places.focus import country_of_unknown, focus_country, story_country, supranational

# gazetteer() and resolve() are imported under other names so that tidings.places.gazetteer
# and tidings.places.resolve stay the modules.
from tidings.places.gazetteer import Gazetteer, GeoEntry
from tidings.places.gazetteer import gazetteer as load_gazetteer
from tidings.places.hosts import at_host, host_of, place_facilities, towns_of
from tidings.places.mentions import Mention
from tidings.places.recognize import find_mentions, given_mentions
from tidings.places.records import LOCATIVE_PREPS, coordinated, mention_role, place_at, place_record
from tidings.places.resolve import resolve as resolve_mentions
from tidings.syntax import tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Gazetteer", "GeoEntry", "Geoparser", "focus_country", "load_gazetteer"]


class Geoparser:
    """Pipeline stage: sets ``article.places`` and ``article.focus_country`` (needs ``doc``)."""

    name = "places"
    requires: tuple[str, ...] = ("doc", "text", "dateline")
    assigns: tuple[str, ...] = ("places", "focus_country")

    def __init__(self, *, min_population: int = 15000) -> None:
        self.gaz = load_gazetteer(min_population)

    def __call__(self, article: Article, ctx: Context) -> Article:
        doc = ctx.doc
        if doc is None:
            return article
        mentions, context = self._find(doc, article)
        chosen = resolve_mentions(mentions, context, coordinated(mentions, doc))
        places: list[Place] = []
        kept: list[Mention] = []
        for m in mentions:
            if m.source == "abbreviation" and m.child is None:
                continue  # "Man.", "Ky." only as the division of the town before them
            places.append(place_record(m, chosen.get(id(m)), mention_role(m, doc, article)))
            kept.append(m)
        article.places = place_facilities(places, kept, doc, article)
        article.focus_country = focus_country(article)
        country_of_unknown(article)
        self._story_country_and_capital(article, doc)
        return article

    def _story_country_and_capital(self, article: Article, doc: Doc) -> None:
        """ "Protests spread across the country", "marched in the capital": the story's country and
        its capital, as places where something happens (only after a locative preposition, and
        only when the story's country is known; "the capital of Syria" names its place itself)."""
        if article.focus_country is None:
            return
        country = self.gaz.countries.get(article.focus_country)
        capital = self.gaz.capital(article.focus_country)
        added = False
        for tok in tokens(doc):
            entry = country if tok.lower_ == "country" else capital if tok.lower_ == "capital" else None
            if entry is None or tok.i == 0 or doc[tok.i - 1].lower_ != "the":
                continue
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is not None and (nxt.lower_ in ("of", "'s", "’s", "city") or nxt.pos_ in ("NOUN", "PROPN")):
                continue  # "the capital of Syria", "the country's north", "the capital city Minsk"
            if tok.dep_ != "pobj" or tok.head.lower_ not in LOCATIVE_PREPS:
                continue
            start, end = doc[tok.i - 1].idx, tok.idx + len(tok.text)
            article.places.append(place_at(article.text[start:end], start, end, entry))
            added = True
        if added:
            article.places.sort(key=lambda p: p.start)

    def resolve_spans(self, article: Article, ctx: Context, spans: Sequence[tuple[int, int]]) -> list[Place | None]:
        """Resolve toponyms found by someone else: one place per ``(start, end)`` span of ``article.text``.

        For a gold standard or another tagger's output: the spans are taken as
        places, and each is resolved with the whole article as context (the
        toponyms this stage finds elsewhere in it, its demonyms and dateline),
        as :meth:`__call__` resolves its own. A span the gazetteer lacks
        ("Buckland Elementary") takes the point of the town the article puts it
        in, as a street does (feature ``facility``), else the story's country.
        None where a span covers no word. ``article`` is left as it was.

        Example::

            parser = Geoparser()
            article, ctx = Pipeline(stages=["clean", "nlp"]).apply(Article(raw=text))
            places = parser.resolve_spans(article, ctx, [(0, 5), (31, 42)])
        """
        doc = ctx.doc
        if doc is None:
            raise TidingsError("T070", f"article {article.id or article.input!r} has no parse: run the nlp stage first")
        found, context = self._find(doc, article)
        given = given_mentions(doc, list(spans), found, self.gaz)
        new = [g for g in given if g is not None and all(g is not m for m in found)]
        # Found toponyms overlapping a new span give way to it; the rest stay as context.
        pool = [m for m in found if not any(m.start < g.end and g.start < m.end for g in new)] + new
        link_parents(pool, doc, self.gaz, only=new)
        chosen = resolve_mentions(pool, context, coordinated(pool, doc))
        placed = {id(m): place_record(m, chosen.get(id(m)), mention_role(m, doc, article)) for m in pool}
        towns = towns_of(list(placed.values()))
        dateline = next((p for p in placed.values() if article.dateline and p.start == article.dateline.start), None)
        focus = story_country(article.text, list(placed.values()), article.dateline)
        out: list[Place | None] = []
        for m in given:
            if m is None:
                out.append(None)
                continue
            p = placed[id(m)]
            if m.source == "facility" or (p.geonameid is None and not m.cands):
                host = host_of(p, m, doc, towns, dateline, focus)
                if host is not None:
                    p = at_host(p, host)
            if p.country is None and p.geonameid is None and p.feature is None and not supranational(p.text):
                p = replace(p, country=focus)
            out.append(p)
        return out

    def _find(self, doc: Doc, article: Article) -> tuple[list[Mention], Counter[str]]:
        """The toponyms of the doc and the country context they, the demonyms and the dateline give."""
        mentions, context = find_mentions(doc, article, self.gaz)
        if article.dateline is not None:
            for c in self.gaz.candidates(article.dateline.text):
                if c.entry.country:
                    context[c.entry.country] += 3
                    break
        return mentions, context
