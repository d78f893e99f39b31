"""The toponym record and what every step of recognition shares.

A :class:`Mention` is a toponym found in the text, before resolution;
:class:`Found` holds the mentions of one article as the steps of
:func:`tidings.places.recognize.find_mentions` find them, and the tokens they
cover. The word sets and helpers here say what the words around a name make of
it (a division, a town, a direction, a locative preposition before it), and
:func:`strong` and :func:`supported` say when a name the gazetteer knows may be
taken for a place.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tidings.places.gazetteer import REGION_FEATURES, Candidate
from tidings.words import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PLACE_LABELS = frozenset({"GPE", "LOC"})

# Entities that can hold a place name inside them ("Toronto Police Services Board").
CONTAINER_LABELS = frozenset({"ORG", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})

# "Donetsk region", "Idlib province": the word says the name is a division.
ADMIN_WORDS = words("places", "division_words")

# "Kansas City", "Umemger village": the word says the name is a town.
CITY_WORDS = words("places", "settlement_words")
_HINT_WORDS = ADMIN_WORDS | CITY_WORDS

# Offices and bodies of a division, written after its name ("Washington Gov. Jay Inslee", "the Ohio Legislature").
DIVISION_OFFICES = words("places", "division_offices")

# With directions, words that make generic names which GeoNames also has as divisions
# ("Central" in Uganda, "Gulf" in Papua New Guinea): these need the article's country.
GENERIC = words("places", "generic_words")

# "eastern Congo", "northern Syria": the direction narrows the place, it is not part of the name.
DIRECTIONS = frozenset(
    {
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
        "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
        "southeastern", "southwestern", "north-east", "north-west", "south-east", "south-west",
        "north-eastern", "north-western", "south-eastern", "south-western", "upper", "lower", "greater",
        "middle", "far", "near",
    }
)  # fmt: skip

# Prepositions before a place name ("in Red Deer", "from Kfraya", "between Homs and Hama").
LOCATIVE = frozenset(
    {"in", "at", "near", "from", "to", "across", "around", "outside", "inside", "throughout", "into", "of", "toward",
     "towards", "between", "via", "through", "off", "within", "along"}
)  # fmt: skip

# Common words that GeoNames also has as place names; never matched from capitalisation alone.
COMMON = words("places", "common_words")

# Titles, holidays and days: an unknown name starting with one is no place ("Ms Raggi", "Easter").
TITLES = words("places", "titles")

# A name ending in one of these is a feature GeoNames' populated places do not hold.
FEATURE_WORDS = words("places", "feature_words")

# Words that make a region of the name after them ("Latin America", "Central Asia").
REGION_PREFIXES = words("places", "region_prefixes")

# Words after a name that make it a place ("the Riverdale area", "Umemger village").
AREA_WORDS = ADMIN_WORDS | CITY_WORDS | words("places", "area_words")

DASHES = frozenset({"-", "–", "—", "--"})


@dataclass(slots=True)
class Mention:
    """A toponym found in the text, before resolution."""

    start: int  # token indices in the doc
    end: int
    start_char: int
    end_char: int
    text: str
    query: str  # the name to look up ("Donetsk" for "Donetsk region")
    source: str  # ner, entity, run, embedded, dateline
    label: str = ""  # the spaCy label of the entity it came from
    hint: str | None = None  # admin, city: what the words around it say it is
    cands: tuple[Candidate, ...] = ()
    parent: Mention | None = None  # "Springfield, Illinois": Illinois
    child: Mention | None = None  # and Springfield for Illinois
    extra: dict[str, float] = field(default_factory=dict)


@dataclass(slots=True)
class Found:
    """The toponyms of one article found so far, and the tokens they cover (one per article)."""

    doc: Doc
    mentions: list[Mention] = field(default_factory=list)
    taken: set[int] = field(default_factory=set)

    def add(
        self, tokens: list[Token], source: str, label: str, hint: str | None, query: str, cands: tuple[Candidate, ...]
    ) -> Mention:
        """Take ``tokens`` as a toponym; an entity or run takes the division or city word next to it as its hint."""
        if hint is None and source in ("entity", "run"):
            hint, tokens = hint_around(self.doc, tokens)
        first, last = tokens[0], tokens[-1]
        m = Mention(
            first.i,
            last.i + 1,
            first.idx,
            last.idx + len(last.text),
            text_of(tokens),
            query,
            source,
            label,
            hint,
            cands,
        )
        self.mentions.append(m)
        self.taken.update(range(first.i, last.i + 1))
        return m


def core_and_hint(tokens: list[Token]) -> tuple[list[Token], str | None]:
    """Leading articles and directions off, a trailing division/city word noted as a hint."""
    hint = None
    while tokens and tokens[0].lower_ in ("the", "a"):
        tokens = tokens[1:]
    if len(tokens) > 1 and tokens[-1].lower_ in ADMIN_WORDS:
        tokens, hint = tokens[:-1], "admin"
    elif len(tokens) > 1 and tokens[-1].lower_ in CITY_WORDS:
        tokens, hint = tokens[:-1], "city"
    while tokens and tokens[-1].text in ("'s", "’s", "'", "’"):
        tokens = tokens[:-1]
    return tokens, hint


def text_of(tokens: list[Token]) -> str:
    """The text of consecutive tokens, as written."""
    if not tokens:
        return ""
    # the span's own text: ``doc.text`` would rebuild the whole article on every call
    return tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text


def capitalised(tok: Token) -> bool:
    """A token that opens with a capital and holds a letter ("Paris", "U.S.")."""
    t = tok.text
    return t[:1].isupper() and any(c.isalpha() for c in t)


def generic(text: str) -> bool:
    """Names made only of directions and landform words ("Central", "West Coast", "Gulf")."""
    words = text.lower().replace("-", " ").split()
    return bool(words) and all(w in DIRECTIONS or w in GENERIC for w in words)


def strong(cands: tuple[Candidate, ...], text: str) -> bool:
    """Names safe to take without support: countries, continents, divisions, big cities."""
    for c in cands:
        f = c.entry.feature
        if f in ("country", "continent") and (len(text) >= 4 or "." in text or text.isupper()):
            return True
        if f in REGION_FEATURES and not c.alternate and len(text) >= 4:
            return True  # "Niger Delta", "Red Sea": the region, not the country or word inside it
        if f == "admin1" and not c.alternate and len(text) >= 4:
            return True
        if f == "city" and not c.alternate and c.entry.population >= 100_000:
            return True
        if f == "admin2" and not c.alternate and text.split()[-1].lower() in ADMIN_WORDS:
            return True  # "Metcalfe County"
    return False


def supported(cands: tuple[Candidate, ...], text: str, context: Counter[str], locative: bool) -> bool:
    """Weaker names need the article's countries or a locative preposition ("in Red Deer")."""
    if strong(cands, text):
        return True
    for c in cands:
        e = c.entry
        in_context = e.country is not None and context.get(e.country, 0) > 0
        if in_context and (locative or e.population >= 15_000) and not c.alternate:
            return True
    return False


def after_locative(doc: Doc, start: int) -> bool:
    """A locative preposition right before the name, or before the list it ends ("in Nitra and Kosice")."""
    if start > 0 and doc[start - 1].lower_ in LOCATIVE:
        return True
    if start < 2 or doc[start - 1].lower_ not in ("and", "or", ","):
        return False
    tok = doc[start]
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    return tok.i != start and tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE


def hint_around(doc: Doc, toks: list[Token]) -> tuple[str | None, list[Token]]:
    """ "Donetsk region", "the province of Idlib": the word next to a name says what it is.

    A following division or city word joins the span; a preceding "X of" does not.
    """
    start, end = toks[0].i, toks[-1].i + 1
    nxt = doc[end] if end < len(doc) else None
    if nxt is not None and nxt.lower_ in _HINT_WORDS and nxt.text.islower():
        return ("admin" if nxt.lower_ in ADMIN_WORDS else "city"), [*toks, nxt]
    if start >= 2 and doc[start - 1].lower_ == "of":
        word = doc[start - 2].lower_
        if word in _HINT_WORDS:
            return ("admin" if word in ADMIN_WORDS else "city"), toks
    if nxt is not None and nxt.lower_ in DIVISION_OFFICES:
        return "admin", toks  # "New York Gov. Andrew Cuomo": a governor heads a division, not a town
    return None, toks
