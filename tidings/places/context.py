"""The article's countries: demonyms, datelines and the countries of its sure names.

Demonyms give country context (:func:`demonym_countries`). Adjectival ones
("Syrian troops", "European airlines") are also kept as mentions with source
``demonym`` (:func:`adjectives`): they name a country or continent, but never
where something happened. Plural nouns for people ("Russians") and languages
("speaks French") give context only. :func:`paragraph_datelines` finds the
datelines that open later paragraphs ("TORRINGTON — The mayor ..."), and
:func:`country_context` counts the countries the names found so far are sure of.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

from tidings.places.abbreviations import after_comma
from tidings.places.gazetteer import REGION_FEATURES, Candidate, Gazetteer, demonyms
from tidings.places.mentions import DASHES, REGION_PREFIXES, Mention, text_of
from tidings.syntax import tokens
from tidings.words import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def demonym_countries(doc: Doc) -> Counter[str]:
    """Countries named by demonyms and nationality adjectives ("Syrian", "Britons")."""
    table = demonyms()
    out: Counter[str] = Counter()
    for tok in tokens(doc):
        if tok.text[:1].isupper():
            iso3 = table.get(tok.lower_)
            if iso3:
                out[iso3] += 1
    return out


def country_context(mentions: list[Mention], doc: Doc) -> Counter[str]:
    ctx: Counter[str] = Counter()
    for m in mentions:
        countries = {c.entry.country for c in m.cands if c.entry.feature == "country" and c.entry.country}
        # A country's name that is also a division elsewhere ("Georgia") is not sure of its country.
        if len(countries) == 1 and not any(
            c.entry.feature == "admin1" and c.entry.country not in countries for c in m.cands
        ):
            ctx[next(iter(countries))] += 3
        elif len({c.entry.country for c in m.cands}) == 1 and m.cands[0].entry.country:
            ctx[m.cands[0].entry.country] += 1
    for iso3, n in demonym_countries(doc).items():
        ctx[iso3] += n
    return ctx


def paragraph_datelines(doc: Doc, gaz: Gazetteer, taken: set[int], add: Callable[..., Mention]) -> None:
    """Capitalised place names opening a paragraph or sentence, followed by a dash, "CITY, Month"
    or "CITY, State" ("PLEASANTON, Calif.--", "SOUTH WAZIRISTAN, April 5 (APP):")."""
    for tok in tokens(doc):
        if tok.i in taken or not (tok.is_upper and tok.is_alpha and len(tok.text) > 2):
            continue
        paragraph = tok.i == 0 or "\n" in doc[tok.i - 1].text_with_ws or "\n" in doc[tok.i - 1].text
        if not (paragraph or (tok.is_sent_start and doc[tok.i - 1].text in (".", "!", "?"))):
            continue
        end = tok.i + 1
        while end < len(doc) and end - tok.i < 3 and doc[end].is_upper and doc[end].is_alpha:
            end += 1
        if end >= len(doc) or taken.intersection(range(tok.i, end)):
            continue
        nxt = doc[end]
        month = nxt.text == "," and end + 1 < len(doc) and doc[end + 1].ent_type_ == "DATE"
        state = nxt.text == "," and paragraph and bool(after_comma(doc, end, gaz))
        if nxt.text not in DASHES and not month and not state:
            continue
        toks = list(doc[tok.i : end])
        found = gaz.candidates(text_of(toks))
        # An alternate name only when the name has no own entry ("South Waziristan" in capitals).
        cands = tuple(c for c in found if not c.alternate) or (found if len(toks) > 1 else ())
        if cands:
            add(toks, "dateline", "", None, text_of(toks).title(), cands)


# Adjectives of continents and of the union named after one, which the country table lacks.
CONTINENT_ADJECTIVES = {
    "european": "Europe", "europeans": "Europe", "african": "Africa", "africans": "Africa", "asian": "Asia",
    "asians": "Asia", "north american": "North America", "north americans": "North America",
    "south american": "South America", "south americans": "South America", "eu": "Europe",
}  # fmt: skip

# Adjectives of regions and of a few well-known divisions, each with the name the gazetteer
# knows it by ("Central American migrants", "Kurdish enclave", "Sicilian port").
REGION_ADJECTIVES = {
    "central american": "Central America", "latin american": "Latin America", "middle eastern": "Middle East",
    "scandinavian": "Scandinavia", "balkan": "Balkans", "kurdish": "Kurdistan", "kashmiri": "Kashmir",
    "siberian": "Siberia", "anatolian": "Anatolia", "himalayan": "Himalayas", "andean": "Andes",
    "iberian": "Iberian Peninsula", "patagonian": "Patagonia", "transylvanian": "Transylvania",
    "silesian": "Silesia", "darfuri": "Darfur", "sicilian": "Sicily", "sardinian": "Sardinia",
    "corsican": "Corsica", "tuscan": "Tuscany", "bavarian": "Bavaria", "catalan": "Catalonia",
    "basque": "Basque Country", "tibetan": "Tibet", "crimean": "Crimea", "chechen": "Chechnya",
    # The nations of the United Kingdom: "English" names England, not the whole kingdom.
    "english": "England", "scottish": "Scotland", "welsh": "Wales", "northern irish": "Northern Ireland",
}  # fmt: skip

# Adjectives two countries share: context and population decide, as for a bare "Congo".
SHARED_ADJECTIVES = {"korean": ("KOR", "PRK"), "koreans": ("KOR", "PRK"), "congolese": ("COD", "COG")}


def adjectives(doc: Doc, gaz: Gazetteer, taken: set[int], add: Callable[..., Mention]) -> None:
    """Capitalised demonyms outside every toponym found so far, each with its country or continent."""
    table = demonyms()
    toks_all = tokens(doc)
    i = 0
    while i < len(toks_all):
        tok = toks_all[i]
        if i in taken or not tok.text[:1].isupper() or (tok.is_upper and len(tok.text) > 2):
            i += 1
            continue
        if tok.lower_ in REGION_PREFIXES and i + 1 < len(toks_all) and toks_all[i + 1].text[:1].isupper():
            pair = f"{tok.lower_} {toks_all[i + 1].lower_}"
            if pair not in table and pair not in CONTINENT_ADJECTIVES and pair not in REGION_ADJECTIVES:
                i += 2  # "Central American", "Latin American": a region's adjective, not a country's
                continue
        for n in (2, 1):
            toks = toks_all[i : i + n]
            if len(toks) < n or taken.intersection(t.i for t in toks) or not all(t.text[:1].isupper() for t in toks):
                continue
            k = " ".join(t.lower_ for t in toks)
            cands = adjective_candidates(gaz, k) if k != "eu" or tok.text == "EU" else ()
            if cands and k != "eu" and not _adjectival(toks[-1], table, k):
                break
            if cands:
                # "EU" is a name, not an adjective: its role is read from the syntax like any name's.
                add(toks, "union" if k == "eu" else "demonym", tok.ent_type_, None, cands[0].entry.name, cands)
                i += n - 1
                break
        i += 1


def adjective_candidates(gaz: Gazetteer, key: str) -> tuple[Candidate, ...]:
    """What the adjective ``key`` (lower case: "syrian", "central american") names: a region, country or continent."""
    table = demonyms()
    if key in REGION_ADJECTIVES:
        return tuple(
            c for c in gaz.candidates(REGION_ADJECTIVES[key]) if c.entry.feature in REGION_FEATURES | {"admin1"}
        )
    if key in table and table[key] in gaz.countries:
        return (Candidate(gaz.countries[table[key]], False),)
    if key in SHARED_ADJECTIVES:
        return tuple(Candidate(gaz.countries[c], False) for c in SHARED_ADJECTIVES[key] if c in gaz.countries)
    if key in CONTINENT_ADJECTIVES:
        return tuple(c for c in gaz.candidates(CONTINENT_ADJECTIVES[key]) if c.entry.feature == "continent")
    return ()


# Verbs after which a demonym is a language ("speaks French", "taught English").
SPEAKING = words("places", "speaking_verbs")

# Nouns an adjective of a place describes as part of it ("English city", "Catalan coast").
PLACE_NOUNS = words("places", "place_nouns")


def _adjectival(tok: Token, table: dict[str, str], k: str) -> bool:
    """A demonym that names the country a thing belongs to ("Russian troops", "the Syrian").

    Plural nouns name people ("Russians", "Cubans") and a language is no place
    ("speaks French", "in Turkish"): those give country context only.
    """
    if tok.tag_ in ("NNS", "NNPS") or (k.endswith("s") and (k[:-1] in table or k[:-1] in CONTINENT_ADJECTIVES)):
        return False
    if tok.ent_type_ == "LANGUAGE" and not (tok.dep_ in ("amod", "compound") and tok.head.lower_ in PLACE_NOUNS):
        return False  # "in English", "English lessons"; but "the English city of Salisbury" is a place
    if tok.dep_ in ("dobj", "pobj", "conj", "attr") and not any(c.dep_ in ("compound", "amod") for c in tok.children):
        head = tok.head
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
        bare = tok.i + 1 >= len(tok.doc) or not tok.doc[tok.i + 1].is_alpha
        if head.lower_ in SPEAKING or (head.lower_ == "in" and bare):
            return False
    return True
