"""Places stage: find toponyms and resolve them to GeoNames offline.

* :mod:`tidings.places.gazetteer` builds (once) and reads the GeoNames index:
  countries, first-order divisions, cities and continents from packaged data.
* :mod:`tidings.places.recognize` finds the toponyms: spaCy's GPE/LOC
  entities, place names the small model mislabelled or missed, names inside
  organisation names, the dateline, and adjectival demonyms ("Syrian",
  "European"), kept with ``role="demonym"`` so that no event is placed there.
* :mod:`tidings.places.resolve` picks one entry per toponym from population,
  feature class, the article's countries and the admin hierarchy.

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
from tidings.model import Article, Context, Place, Span

# Imported under other names so that tidings.places.gazetteer / .resolve stay the modules.
from tidings.places.gazetteer import Gazetteer, GeoEntry, distance_km
from tidings.places.gazetteer import gazetteer as load_gazetteer
from tidings.places.recognize import Mention, find_mentions, given_mentions, link_parents
from tidings.places.resolve import resolve as resolve_mentions

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

__all__ = ["Gazetteer", "GeoEntry", "Geoparser", "focus_country", "load_gazetteer"]

ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "agent", "dative", "poss", "appos"})
# Prepositions that put something at a place ("in Minsk", "across Belarus").
LOCATIVE_PREPS = frozenset(
    {
        "in",
        "at",
        "near",
        "across",
        "around",
        "inside",
        "outside",
        "throughout",
        "into",
        "within",
        "along",
        "off",
        "through",
    }
)


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
        chosen = resolve_mentions(mentions, context, _lists(mentions, doc))
        places: list[Place] = []
        kept: list[Mention] = []
        for m in mentions:
            if m.source == "abbreviation" and m.child is None:
                continue  # "Man.", "Ky." only as the division of the town before them
            places.append(_place(m, chosen.get(id(m)), _mention_role(m, doc, article)))
            kept.append(m)
        article.places = _place_facilities(places, kept, doc, article)
        article.focus_country = focus_country(article)
        _country_of_unknown(article)
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
        for tok in doc:
            entry = country if tok.lower_ == "country" else capital if tok.lower_ == "capital" else None
            if entry is None or tok.i == 0 or doc[tok.i - 1].lower_ != "the":
                continue
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is not None and (nxt.lower_ in ("of", "'s", "’s", "city") or nxt.pos_ in ("NOUN", "PROPN")):
                continue  # "the capital of Syria", "the country's north", "the capital city Minsk"
            if tok.dep_ != "pobj" or tok.head.lower_ not in LOCATIVE_PREPS:
                continue
            start, end = doc[tok.i - 1].idx, tok.idx + len(tok.text)
            article.places.append(_place_at(article.text[start:end], start, end, entry))
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
        chosen = resolve_mentions(pool, context, _lists(pool, doc))
        placed = {id(m): _place(m, chosen.get(id(m)), _mention_role(m, doc, article)) for m in pool}
        towns = _towns(list(placed.values()))
        dateline = next((p for p in placed.values() if article.dateline and p.start == article.dateline.start), None)
        focus = _focus(article.text, list(placed.values()), article.dateline)
        out: list[Place | None] = []
        for m in given:
            if m is None:
                out.append(None)
                continue
            p = placed[id(m)]
            if m.source == "facility" or (p.geonameid is None and not m.cands):
                host = _host(p, m, doc, towns, dateline, focus)
                if host is not None:
                    p = _at_host(p, host)
            if p.country is None and p.geonameid is None and p.feature is None and not _supranational(p.text):
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


def _lists(mentions: list[Mention], doc: Doc) -> dict[int, list[Mention]]:
    """Per mention (by id), the mentions coordinated with it: "Oregon and Washington", "Ohio, Texas or Utah"."""
    at = {i: m for m in mentions if m.source != "demonym" for i in range(m.start, m.end)}
    out: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.source == "demonym":
            continue
        root = doc[m.end - 1]
        heads = [root.head] if root.dep_ == "conj" else []
        near = [t for t in (*heads, *(c for c in root.children if c.dep_ == "conj")) if t.i in at]
        others = [at[t.i] for t in near if at[t.i] is not m]
        if others:
            out[id(m)] = others
    return out


def _mention_role(m: Mention, doc: Doc, article: Article) -> str:
    if m.source == "demonym":
        return "demonym"
    if m.source == "embedded":
        return "mention"
    if m.source == "dateline":
        return "location"  # where the reporter files from, at the top or a later paragraph
    # "Baltimore, Maryland": the state plays the role of the town it follows.
    named = m.child if m.child is not None and m.source != "abbreviation" else m
    return _role(doc[named.start : named.end], article)


HOST_FEATURES = ("city", "admin2")
HOST_KM = 100.0  # towns this close count as one cluster when finding a building's town
# Words of names that need not lie in the story's country ("Indian Ocean", "Middle East").
SUPRANATIONAL = frozenset(
    {"ocean", "sea", "gulf", "east", "west", "north", "south", "union", "republic", "america", "americas", "africa",
     "asia", "europe", "pacific", "atlantic", "mediterranean", "arctic", "antarctic", "caribbean", "balkans",
     "peninsula", "world", "international", "global"}
)  # fmt: skip


def _supranational(text: str) -> bool:
    return any(w.lower() in SUPRANATIONAL for w in text.replace("-", " ").split())


def _country_of_unknown(article: Article) -> None:
    """A name the gazetteer lacks ("Khayelitsha", "Portroe") most likely lies in the story's country.

    Only the country is filled in: ``geonameid``, ``lat`` and ``lon`` stay None.
    """
    if article.focus_country is None:
        return
    for i, p in enumerate(article.places):
        if p.country is not None or p.geonameid is not None or p.feature is not None:
            continue
        if _supranational(p.text):
            continue
        article.places[i] = replace(p, country=article.focus_country)


def _towns(places: list[Place]) -> list[Place]:
    return [p for p in places if p.feature in HOST_FEATURES and p.lat is not None and p.role != "demonym"]


def _host(
    p: Place, m: Mention, doc: Doc, towns: list[Place], dateline: Place | None, focus: str | None
) -> Place | None:
    """The town a street or building is in: the one named right after ("Collins Avenue in Miami
    Beach", "the Convention Centre, Dublin"), or the town owning it ("Brooklyn's Barclays
    Center", "Toronto-Pearson"), else the heart of the story: the town of the story's country
    with the most of the story's town mentions within 100 km of it, itself included (the last
    before the building among equals, else the first after), else the dateline, else the last
    town before it, else the first town after it.

    The heart, not the last town named: streets are often named after towns ("Lafayette",
    "Franklin"), a town of another country named in passing ("Liverpool" in a Cairo story) is
    no host, and the schools and malls of a story lie around the towns it names together
    (Manassas, Centreville, Gainesville), not at a town it names once for comparison.
    """
    i = m.end
    while i < min(len(doc), m.end + 2) and doc[i].lower_ in ("in", "at", ",", "near"):
        i += 1  # "the Farmers Service Centre, in Goodlands"
    if i > m.end and i < len(doc):
        host = next((t for t in towns if t.start == doc[i].idx), None)
        if host is not None:
            return host
    # "Paris' iconic Champs-Elysees", "Brooklyn's Barclays Center": the town that owns it.
    for j in range(m.start - 1, max(0, m.start - 4), -1):
        if doc[j].text in ("'s", "’s", "'", "’"):
            owner = next((t for t in towns if t.end == doc[j - 1].idx + len(doc[j - 1].text)), None)
            if owner is not None:
                return owner
            break
    host = next((t for t in towns if t.end <= p.start and doc.text[t.end : p.start] == "-"), None)
    if host is not None:
        return host
    pool = [t for t in towns if focus is None or t.country == focus]
    if pool:
        near = {t.start: sum(1 for u in pool if _km(t, u) < HOST_KM) for t in pool}
        order = [t for t in reversed(pool) if t.end <= p.start] + [t for t in pool if t.end > p.start]
        return max(order, key=lambda t: near[t.start])
    if dateline is not None and dateline.lat is not None:
        return dateline
    last = next((t for t in reversed(towns) if t.end <= p.start), None)
    if last is not None:
        return last
    # "at Barclays Center" in the lede, Brooklyn named later: the story's first town after it.
    after = [t for t in towns if t.start >= p.end]
    return next((t for t in after if focus is None or t.country == focus), after[0] if after else None)


def _km(a: Place, b: Place) -> float:
    return distance_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]


def _at_host(p: Place, host: Place) -> Place:
    """``p`` at its town's point; ``geonameid`` stays None (GeoNames does not hold the street)."""
    return Place(
        p.text, p.start, p.end, p.text, host.country, None, host.lat, host.lon, host.admin1, "facility", p.role
    )


def _place_facilities(places: list[Place], mentions: list[Mention], doc: Doc, article: Article) -> list[Place]:
    """Streets and buildings take the point of their town (:func:`_host`); one with no town is dropped."""
    out: list[Place] = []
    towns = _towns(places)
    dateline = next((p for p in places if article.dateline is not None and p.start == article.dateline.start), None)
    focus = _focus(article.text, places, article.dateline)
    for p, m in zip(places, mentions, strict=True):
        if m.source != "facility":
            out.append(p)
            continue
        host = _host(p, m, doc, towns, dateline, focus)
        if host is None:
            continue
        if p.role == "mention" and m.start > 0 and doc[m.start - 1].lower_ == "on":
            p = replace(p, role="location")  # "on Collins Avenue": on a street is at a place
        out.append(_at_host(p, host))
    return out


def _place_at(text: str, start: int, end: int, e: GeoEntry) -> Place:
    admin1 = e.name if e.feature == "admin1" else e.admin1
    return Place(text, start, end, e.name, e.country, e.geonameid, e.lat, e.lon, admin1, e.feature, "location")


def _place(m: Mention, e: GeoEntry | None, role: str) -> Place:
    if e is None:
        return Place(m.text, m.start_char, m.end_char, m.query, None, role=role)
    admin1 = e.name if e.feature == "admin1" else e.admin1
    return Place(
        m.text, m.start_char, m.end_char, e.name, e.country, e.geonameid, e.lat, e.lon, admin1, e.feature, role
    )


def _role(span: SpacySpan, article: Article) -> str:
    """location: where something happens; metonym: the name acts ("Moscow said"); mention: anything else."""
    root = span.root
    if article.dateline is not None and span.start_char == article.dateline.start:
        return "location"
    if root.dep_ in ACTING_DEPS:
        return "metonym"
    head = root
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    if head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS:
        return "location"
    if head.dep_ in ("compound", "npadvmod") and head.head.lower_ in (
        "region",
        "province",
        "city",
        "capital",
        "border",
    ):
        return "location"
    return "mention"


def _not_a_setting(text: str, p: Place) -> bool:
    """Names that say nothing of where the story happens: a stance ("an anti-Syria
    journalist", "pro-Russian separatists") or a currency ("US $50 million", "U.S. dollars")."""
    before = text[max(0, p.start - 5) : p.start].lower()
    after = text[p.end : p.end + 10].lstrip().lower()
    return before.endswith(("anti-", "pro-")) or after.startswith(("$", "dollar"))


def focus_country(article: Article) -> str | None:
    """The country the story happens in: the commonest country of its locations.

    Agents with no country clue ("riot police") and implicit protesters take this
    country; counting every mention instead lets the country most talked *about*
    (Russia, in a story on Belarus) win. The dateline counts like a location in
    the lede, no more: it says where the reporter sits (Brussels, Doha), which is
    often not where the story happens.
    """
    return _focus(article.text, article.places, article.dateline)


def _focus(text: str, places: list[Place], dateline: Span | None) -> str | None:
    counts: dict[str, float] = {}
    lede_end = text.find("\n\n")
    lede_end = lede_end if lede_end > 0 else len(text)
    for p in places:
        if not p.country or p.role == "demonym" or p.feature == "facility" or p.geonameid is None:
            continue
        if _not_a_setting(text, p):
            continue
        if dateline is not None and p.start == dateline.start:
            weight = 4.0
        elif p.role == "location":
            weight = 4.0 if p.start < lede_end else 2.0
        else:
            weight = 0.5
        counts[p.country] = counts.get(p.country, 0.0) + weight
    return max(counts, key=lambda c: counts[c]) if counts else None
