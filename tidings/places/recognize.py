"""Toponym recognition: spaCy's GPE/LOC entities plus what the small model misses.

The small English model labels many place names ORG or PERSON ("in Red Deer",
"Tamil Nadu accused ..."), misses upper-case datelines and drops names inside
organisation names ("Kentucky State Police"). Besides every GPE/LOC entity,
a name is taken from

* any other entity, or a run of capitalised words outside entities, whose
  text is a gazetteer name the article supports (see :func:`supported`);
* inside organisation-like entities, the longest capitalised word run that
  names a country, a first-order division or a large city (role "mention":
  the organisation is not a place, but the name tells where it belongs);
* the dateline, which the clean stage found;
* sites no gazetteer holds, placed later at their town: names ending in a street,
  building or water word, institutions after "at", a name between "at" and
  "in Town", names before a lower-case street noun, British road numbers.

A GPE/LOC name the gazetteer lacks is kept only where the words around make it
a place (:func:`_placed_unknowns`): the small model tags firms and people GPE.

Demonyms give country context (:func:`demonym_countries`). Adjectival ones
("Syrian troops", "European airlines") are also kept as records with role
``demonym``: they name a country or continent, but never where something
happened. Plural nouns for people ("Russians") and languages ("speaks French")
give context only.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tidings.places.gazetteer import REGION_FEATURES, Candidate, Gazetteer, demonyms

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from tidings.model import Article

PLACE_LABELS = frozenset({"GPE", "LOC"})
# Entities that can hold a place name inside them ("Toronto Police Services Board").
CONTAINER_LABELS = frozenset({"ORG", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
# "Donetsk region", "Idlib province": the word says the name is a division.
ADMIN_WORDS = frozenset(
    {
        "region", "province", "governorate", "oblast", "state", "district", "prefecture", "department",
        "territory", "county", "municipality", "emirate", "raion", "krai", "kray", "canton", "voivodeship",
        "provinces", "regions", "states",
    }
)  # fmt: skip
CITY_WORDS = frozenset({"city", "town", "village"})
# Offices and bodies of a division, written after its name ("Washington Gov. Jay Inslee", "the Ohio Legislature").
DIVISION_OFFICES = frozenset({"gov.", "gov", "governor", "legislature", "statehouse"})
# With directions, words that make generic names which GeoNames also has as divisions
# ("Central" in Uganda, "Gulf" in Papua New Guinea): these need the article's country.
GENERIC = frozenset(
    {"gulf", "valley", "coast", "coastal", "capital", "islands", "island", "highlands", "lakes", "river",
     "mountains", "plains", "delta", "interior", "midlands", "borders", "atlantic", "pacific", "coastline",
     "centre", "center", "mainland", "heartland"}
)  # fmt: skip
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
LOCATIVE = frozenset(
    {"in", "at", "near", "from", "to", "across", "around", "outside", "inside", "throughout", "into", "of", "toward",
     "towards", "between", "via", "through", "off", "within", "along"}
)  # fmt: skip
# Common words that GeoNames also has as place names; never matched from capitalisation alone.
COMMON = frozenset(
    {
        "of", "and", "the", "police", "city", "state", "union", "university", "college", "school", "street",
        "road", "centre", "center", "house", "court", "church", "park", "hospital", "airport", "bank",
        "company", "news", "post", "times", "department", "ministry", "council", "party", "group",
        "national", "international", "federal", "royal", "republic", "club", "association", "service",
        "board", "commission", "office", "agency", "county", "town", "village", "mount",
        "president", "minister", "mr", "mrs", "ms", "dr", "said", "says", "new", "old", "great", "little",
        "may", "march", "june", "july", "august", "april", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "god", "christmas", "easter", "north", "south", "east", "west",
        "premier", "governor", "mayor", "senator", "king", "queen", "prince", "general", "captain", "sir",
    }
)  # fmt: skip
# Titles, holidays and days: an unknown name starting with one is no place ("Ms Raggi", "Easter").
TITLES = frozenset(
    {"ms", "miss", "nurse", "dr", "doctor", "prof", "professor", "sgt", "sergeant", "officer", "judge",
     "justice", "rev", "reverend", "father", "sister", "brother", "pastor", "imam", "rabbi", "lord", "lady",
     "sheikh", "chief", "coach", "detective", "lt", "col", "gen", "maj", "capt", "cpl", "pte", "constable",
     "mr", "mrs", "president", "minister", "premier", "governor", "mayor", "senator", "king", "queen", "prince",
     "general", "captain", "sir", "easter", "christmas", "god", "monday", "tuesday", "wednesday", "thursday",
     "friday", "saturday", "sunday"}
)  # fmt: skip
# AP-style and postal abbreviations of US states, Canadian provinces and two Australian states, read only
# after "City," ("Churchill, Man.", "Edmonton, Ky."), where they cannot be words.
ABBREVIATIONS = {
    "ala": "Alabama", "ariz": "Arizona", "ark": "Arkansas", "calif": "California", "colo": "Colorado",
    "conn": "Connecticut", "del": "Delaware", "fla": "Florida", "ga": "Georgia", "ill": "Illinois",
    "ind": "Indiana", "kan": "Kansas", "kans": "Kansas", "ky": "Kentucky", "la": "Louisiana", "md": "Maryland",
    "mass": "Massachusetts", "mich": "Michigan", "minn": "Minnesota", "miss": "Mississippi", "mo": "Missouri",
    "mont": "Montana", "neb": "Nebraska", "nev": "Nevada", "nh": "New Hampshire", "nj": "New Jersey",
    "nm": "New Mexico", "ny": "New York", "nc": "North Carolina", "nd": "North Dakota", "okla": "Oklahoma",
    "ore": "Oregon", "pa": "Pennsylvania", "ri": "Rhode Island", "sc": "South Carolina",
    "sd": "South Dakota", "tenn": "Tennessee", "tex": "Texas", "vt": "Vermont", "va": "Virginia",
    "wash": "Washington", "wva": "West Virginia", "wis": "Wisconsin", "wyo": "Wyoming",
    "dc": "District of Columbia", "alta": "Alberta", "bc": "British Columbia", "man": "Manitoba",
    "nb": "New Brunswick", "nfld": "Newfoundland and Labrador", "ns": "Nova Scotia", "ont": "Ontario",
    "pei": "Prince Edward Island", "que": "Quebec", "sask": "Saskatchewan",
    "nsw": "New South Wales", "qld": "Queensland",
}  # fmt: skip


# A name ending in one of these is a feature GeoNames' populated places do not hold.
FEATURE_WORDS = frozenset(
    {"river", "lake", "lakes", "sea", "ocean", "bay", "gulf", "island", "islands", "peninsula", "valley", "desert",
     "park", "street", "st", "avenue", "ave", "road", "rd", "square", "bridge", "airport", "university", "school",
     "college", "hospital", "mountains", "mountain", "mount", "hills", "canal", "creek", "beach", "forest",
     "strait", "channel", "coast", "plaza", "boulevard", "tower", "center", "centre", "stadium", "station"}
)  # fmt: skip
BARE_ABBREVIATIONS = frozenset({"bc", "ny", "nj", "dc", "ont", "que", "pei", "nsw", "qld"})


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


def _strip(tokens: list[Token]) -> tuple[list[Token], str | None]:
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


def _text(tokens: list[Token]) -> str:
    if not tokens:
        return ""
    # the span's own text: ``doc.text`` would rebuild the whole article on every call
    return tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text


def _lookup(gaz: Gazetteer, tokens: list[Token], ner: bool = False) -> tuple[str, tuple[Candidate, ...]]:
    """The longest reading of ``tokens`` the gazetteer knows: whole, else without directions."""
    text = _text(tokens)
    if text.endswith(".") and len(text) <= 6:
        abbr = "".join(ch for ch in text.lower() if ch.isalpha())
        # Unless the NER calls it a place, only abbreviations that are no common word or
        # title ("M.D.", "P.A.", "Man.").
        if abbr in ABBREVIATIONS and (ner or len(abbr) >= 4 or abbr in BARE_ABBREVIATIONS):
            return ABBREVIATIONS[abbr], _abbreviated(gaz, ABBREVIATIONS[abbr])
    if _bare_abbreviation(tokens):
        name = ABBREVIATIONS[text.lower()]
        return name, _abbreviated(gaz, name)
    cands = gaz.candidates(text) if text else ()
    if cands:
        return text, cands
    rest = tokens
    while len(rest) > 1 and rest[0].lower_ in DIRECTIONS:
        rest = rest[1:]
        while rest and rest[0].text in ("-",):
            rest = rest[1:]
        t = _text(rest)
        c = gaz.candidates(t)
        if c:
            return t, c
    return text, ()


def _bare_abbreviation(tokens: list[Token]) -> bool:
    """ "BC", "NY", "NJ" written without dots, in capitals, not after a number ("500 BC")."""
    if len(tokens) != 1 or not tokens[0].is_upper or tokens[0].lower_ not in BARE_ABBREVIATIONS:
        return False
    tok = tokens[0]
    return not (tok.i > 0 and tok.doc[tok.i - 1].like_num)


def _abbreviated(gaz: Gazetteer, name: str) -> tuple[Candidate, ...]:
    return tuple(
        c for c in gaz.candidates(name) if c.entry.feature == "admin1" and c.entry.country in ("USA", "CAN", "AUS")
    )


def _capitalised(tok: Token) -> bool:
    t = tok.text
    return t[:1].isupper() and any(c.isalpha() for c in t)


def generic(text: str) -> bool:
    """Names made only of directions and landform words ("Central", "West Coast", "Gulf")."""
    words = text.lower().replace("-", " ").split()
    return bool(words) and all(w in DIRECTIONS or w in GENERIC for w in words)


def demonym_countries(doc: Doc) -> Counter[str]:
    """Countries named by demonyms and nationality adjectives ("Syrian", "Britons")."""
    table = demonyms()
    out: Counter[str] = Counter()
    for tok in doc:
        if tok.text[:1].isupper():
            iso3 = table.get(tok.lower_)
            if iso3:
                out[iso3] += 1
    return out


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


def find_mentions(doc: Doc, article: Article, gaz: Gazetteer) -> tuple[list[Mention], Counter[str]]:
    """Every toponym of the doc, and the country context its sure names and demonyms give."""
    mentions: list[Mention] = []
    taken: set[int] = set()

    def add(
        tokens: list[Token], source: str, label: str, hint: str | None, query: str, cands: tuple[Candidate, ...]
    ) -> Mention:
        if hint is None and source in ("entity", "run"):
            hint, tokens = _hint_around(doc, tokens)
        first, last = tokens[0], tokens[-1]
        m = Mention(
            first.i, last.i + 1, first.idx, last.idx + len(last.text), _text(tokens), query, source, label, hint, cands
        )
        mentions.append(m)
        taken.update(range(first.i, last.i + 1))
        return m

    # 1. spaCy's place entities, with the division/city word in or around them.
    for toks, label in _place_entities(doc, gaz):
        if _degree_after_name(toks, doc):
            continue  # "Charles Murphy, M.D.": a degree, not Maryland
        while toks and toks[0].lower_ in ("the", "a"):
            toks = toks[1:]
        while toks and toks[-1].text in ("'s", "’s", "'", "’"):
            toks = toks[:-1]
        if not toks:
            continue
        # "Baja California": a capitalised word the NER left out may belong to the name.
        start = toks[0].i
        before = doc[start - 1] if start > 0 else None
        if before is not None and _capitalised(before) and before.pos_ == "PROPN" and not before.ent_type_:
            longer = [before, *toks]
            if gaz.candidates(_text(longer)) and before.i not in taken:
                toks = longer
        # "Kansas City" and "Western Cape" are names as they stand: look the whole up first.
        query, cands = _lookup(gaz, toks, ner=True)
        hint: str | None = None
        span = toks
        if not cands:
            core, hint = _strip(toks)
            query, cands = _lookup(gaz, core, ner=True) if core else (query, ())
        if not cands and toks[-1].lower_ not in FEATURE_WORDS:
            # "Greece Italy", "St. Louis Police": the NER span is wider than the name
            # (but "Mississippi River" and "Washington Square" are other places).
            before_n = len(mentions)
            _embedded(toks, gaz, add, label)
            if len(mentions) > before_n:
                continue
        if hint is None:
            hint, span = _hint_around(doc, toks)
        if hint is None and query.split()[-1].lower() in ADMIN_WORDS:
            hint = "admin"  # "Plymouth County" found as it stands
        add(span, "ner", label, hint, query, cands)

    context = _context(mentions, doc)
    # What the NER's own place names resolve to is context too ("Gloucester" in an English story).
    from tidings.places.resolve import resolve  # here: resolve imports this module

    for e in resolve(mentions, Counter(context)).values():
        if e is not None and e.country:
            context[e.country] += 1
    # Datelines opening a later paragraph ("TORRINGTON — The mayor ..."), which the clean stage
    # only looks for at the top; found before the names below so that they vouch for the same
    # name there ("for Torrington businesses" after "TORRINGTON —").
    _paragraph_datelines(doc, gaz, taken, add)
    seen = {m.text.lower() for m in mentions if m.cands}
    if article.dateline is not None and gaz.candidates(article.dateline.text):
        seen.add(article.dateline.text.lower())  # "MINSK, Aug. 16 -" vouches for "Minsk" below
    # Single names that a locative preposition introduces but the context above does not
    # support yet: a second look once the names found below have resolved ("to Cirencester"
    # after "Cheltenham" in an English story).
    deferred: list[tuple[list[Token], str, str | None, str, tuple[Candidate, ...]]] = []

    # 2. Names inside other entities and in capitalised runs the NER left alone.
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS or taken.intersection(range(ent.start, ent.end)):
            continue
        toks = list(ent)
        while toks and toks[0].lower_ in ("the", "a"):
            toks = toks[1:]
        # "United States", "Kansas City": a name that ends in a division or city word as it stands.
        core, hint = (toks, None) if toks and gaz.candidates(_text(toks)) else _strip(toks)
        if not core:
            continue
        text = _text(core)
        if core[0].lower_ in demonyms() and len(core) == 1:
            continue
        if ent.label_ == "ORG" and _news_source(ent.start, ent.end, doc):
            # "Xinhua reported": an agency named like a town; "the Suffolk Times reported" holds one.
            name = core
            while name and name[-1].lower_ in ("news", "agency", "'s", "’s"):
                name = name[:-1]
            if len(name) > 1:
                _embedded(name, gaz, add, ent.label_, context)
            continue
        query, cands = _lookup(gaz, core)
        if cands and _whole_ok(ent.label_, core, cands, text, context, doc, gaz, seen):
            add(core, "entity", ent.label_, hint, query, cands)
            continue
        if cands and ent.label_ == "PERSON" and len(core) == 1 and _locative(doc, core[0].i):
            deferred.append((core, ent.label_, hint, query, cands))
        if ent.label_ != "MONEY" and _called_a_place(doc, core):
            add(core, "entity", ent.label_, hint, query, cands).extra["called"] = 1.0
            continue
        if (
            ent.label_ in CONTAINER_LABELS
            or ent.label_ in ("NORP", "MONEY")
            or (ent.label_ == "PERSON" and _no_person(ent))
        ):
            # "the towns of Haris and Varzaqan": a list of names the NER took for one organisation.
            listed = any(t.lower_ in ("and", "or", ",") for t in core) and _locative(doc, core[0].i)
            seat = _court_seat(core)
            if seat:
                # "Bantam Superior Court": a court is named after the town it sits in ("Superior" is no town)
                _embedded(seat, gaz, add, ent.label_, context, True)
            else:
                _embedded(core, gaz, add, ent.label_, context, listed)

    for run in _runs(doc, taken):
        core, hint = _strip(run)
        if not core:
            continue
        if (
            len(core) == 1
            and core[0].i > 0
            and doc[core[0].i - 1].text == ","
            and _after_comma(doc, core[0].i - 1, gaz)
        ):
            continue  # "Churchill, Man.": the abbreviation is linked to the name before it below
        text = _text(core)
        query, cands = _lookup(gaz, core)
        if cands and _whole_ok("", core, cands, text, context, doc, gaz, seen):
            add(core, "run", "", hint, query, cands)
        elif cands and len(core) == 1 and _locative(doc, core[0].i):
            deferred.append((core, "", hint, query, cands))
        elif _called_a_place(doc, core):
            add(core, "run", "", hint, query, cands).extra["called"] = 1.0
        elif len(core) > 1:
            # "Owensboro Public Schools", "CTV Saskatoon": a name inside a run the NER left alone.
            _embedded(core, gaz, add, "", context, _locative(doc, core[0].i))

    # One sense per discourse: a name taken for a place above is a place wherever else it is
    # written the same way, inside an organisation's name too ("the Glenrock Trust" after "in Glenrock").
    _elsewhere(doc, mentions, taken, add)
    if deferred:
        later = Counter(context)
        for e in resolve(mentions, Counter(context)).values():
            if e is not None and e.country:
                later[e.country] += 1
        for core, label, hint, query, cands in deferred:
            if not taken.intersection(t.i for t in core) and supported(cands, _text(core), later, True):
                add(core, "entity" if label else "run", label, hint, query, cands)

    # Streets, buildings and venues ("Royal Street", "Jamsil Stadium"): no gazetteer holds
    # them; the places stage puts them in the town the article places them in.
    _facilities(doc, taken, add)
    _venues_in_towns(doc, mentions, taken, add)
    _road_numbers(doc, taken, add)
    _named_before_street_noun(doc, {m.text for m in mentions if m.cands}, taken, add)
    _before_division(doc, mentions, taken, add)
    mentions.extend(_hyphenated(doc, gaz, taken))

    # 3. Demonyms and other adjectives of a place ("Syrian", "European", "EU"): kept with
    # role "demonym" (they name a country or continent, never where something happened).
    _adjectives(doc, gaz, taken, add)

    # 4. The dateline ("MINSK, Aug. 16 (Reuters) -") when nothing above covers it.
    dl = article.dateline
    if dl is not None:
        inside = [m for m in mentions if m.start_char < dl.end and dl.start < m.end_char]
        cands = gaz.candidates(dl.text)
        toks = [t for t in doc if dl.start <= t.idx < dl.end and not t.is_space]
        # "MEXICO CITY (AP) -": the dateline is the whole name where the NER kept a part.
        if toks and cands and all(m.end_char - m.start_char < dl.end - dl.start for m in inside):
            for m in inside:
                mentions.remove(m)
            add(toks, "dateline", "", None, dl.text, cands)

    link_parents(mentions, doc, gaz)
    mentions = [m for m in mentions if _keep(m, doc, gaz)]
    mentions = _placed_unknowns(mentions, doc)
    mentions.sort(key=lambda m: m.start)
    return mentions, context


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


def _adjectives(doc: Doc, gaz: Gazetteer, taken: set[int], add: Callable[..., Mention]) -> None:
    """Capitalised demonyms outside every toponym found so far, each with its country or continent."""
    table = demonyms()
    i = 0
    while i < len(doc):
        tok = doc[i]
        if i in taken or not tok.text[:1].isupper() or (tok.is_upper and len(tok.text) > 2):
            i += 1
            continue
        if tok.lower_ in REGION_PREFIXES and i + 1 < len(doc) and doc[i + 1].text[:1].isupper():
            pair = f"{tok.lower_} {doc[i + 1].lower_}"
            if pair not in table and pair not in CONTINENT_ADJECTIVES and pair not in REGION_ADJECTIVES:
                i += 2  # "Central American", "Latin American": a region's adjective, not a country's
                continue
        for n in (2, 1):
            toks = list(doc[i : i + n])
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


# The last word of a named street, landmark or venue. Hospitals, "centers" and jails are
# left out: they are mostly institutions ("Cancer Center", "Regional Jail"), not places.
FACILITY_WORDS = frozenset(
    {"street", "st", "avenue", "ave", "road", "rd", "drive", "lane", "boulevard", "square", "plaza", "bridge",
     "airport", "church", "cathedral", "chapel", "mosque", "temple", "stadium", "arena", "station", "hotel",
     "theatre", "theater", "library", "museum", "embassy", "courthouse", "tower", "mall", "racecourse", "castle",
     "palace", "basilica", "estate",
     # natural and water features no gazetteer of towns holds ("Glenrock Lagoon", "Marigny Canal")
     "lagoon", "canal", "creek", "cove", "reservoir", "lake", "river", "bay", "beach", "island", "valley",
     "forest", "hills", "mountains", "falls", "gorge", "harbour", "harbor", "pier", "wharf", "marina", "dam"}
)  # fmt: skip


# Last words of institutions that are first of all buildings or grounds. "Center", "University"
# and the like are left out: the organisation is meant far more often than the site.
INSTITUTION_WORDS = frozenset(
    {"hospital", "court", "hall", "school", "prison", "jail", "park", "inn", "restaurant", "cottage", "lodge",
     "center", "centre", "university", "college", "club", "campus"}
)  # fmt: skip
AT_PREPOSITIONS = frozenset({"at", "in", "inside", "outside", "near", "into", "to"})


DASHES = frozenset({"-", "–", "—", "--"})


def _paragraph_datelines(doc: Doc, gaz: Gazetteer, taken: set[int], add: Callable[..., Mention]) -> None:
    """Capitalised place names opening a paragraph or sentence, followed by a dash, "CITY, Month"
    or "CITY, State" ("PLEASANTON, Calif.--", "SOUTH WAZIRISTAN, April 5 (APP):")."""
    for tok in doc:
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
        state = nxt.text == "," and paragraph and bool(_after_comma(doc, end, gaz))
        if nxt.text not in DASHES and not month and not state:
            continue
        toks = list(doc[tok.i : end])
        found = gaz.candidates(_text(toks))
        # An alternate name only when the name has no own entry ("South Waziristan" in capitals).
        cands = tuple(c for c in found if not c.alternate) or (found if len(toks) > 1 else ())
        if cands:
            add(toks, "dateline", "", None, _text(toks).title(), cands)


NOT_A_NAME = frozenset(
    {"city", "town", "state", "county", "national", "federal", "international", "regional", "local", "central",
     "main", "police", "train", "bus", "fire", "power", "gas", "petrol", "radio", "space", "prison"}
)  # fmt: skip


def _facilities(doc: Doc, taken: set[int], add: Callable[..., Mention]) -> None:
    """Capitalised names ending in a facility word, outside every toponym found so far."""
    for tok in doc:
        word = tok.lower_.rstrip(".")
        if tok.i in taken or word not in FACILITY_WORDS | INSTITUTION_WORDS or not tok.text[:1].isupper():
            continue
        start = tok.i
        while start > 0:
            prev = doc[start - 1]
            if prev.i in taken or not (_capitalised(prev) or prev.text in ("'s", "’s", "&", "-")):
                break
            start -= 1
        while start < tok.i and (doc[start].lower_ in ("the", "a") or not _capitalised(doc[start])):
            start += 1
        civic = word == "hall" and doc[start].lower_ in ("city", "town")  # "at City Hall": the town's seat
        if start == tok.i or (start == tok.i - 1 and doc[start].lower_ in NOT_A_NAME and not civic):
            continue  # "The Street", "Police Station": no name
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and _capitalised(nxt) and nxt.pos_ == "PROPN" and nxt.lower_ not in DIRECTIONS:
            continue  # "the Wall Street Journal", "North Summit School District": the name goes on
        goes_on = nxt is not None and nxt.lower_ in ("of", "for") and tok.i + 2 < len(doc)
        if word in INSTITUTION_WORDS and goes_on and _capitalised(doc[tok.i + 2]):
            continue  # "University School of Law", "Trust Centre for Mitochondrial Research"
        if word not in FACILITY_WORDS:
            # An institution is a place where something happens at it ("at Barclays Center",
            # "to Thomas Memorial Hospital"), not where it acts ("Cornell University said").
            before = start - 1
            if before >= 1 and doc[before].text in ("'s", "’s") and before - 1 in taken:
                before -= 1  # "at Derry's Altnagelvin Hospital": past the town that owns it
                while before >= 0 and before in taken:
                    before -= 1
            if before >= 0 and doc[before].lower_ in ("the", "a"):
                before -= 1
            if before < 0 or doc[before].lower_ not in AT_PREPOSITIONS or _affiliation(doc[before]):
                continue
            if before >= 1 and doc[before - 1].lower_ == "according":
                continue  # "according to the Cancer Centre": a source, not a site
        toks = list(doc[start : tok.i + 1])
        add(toks, "facility", tok.ent_type_, None, _text(toks), ())


# People named by where they work or study: "professor at X University" is an affiliation, not a place.
ROLE_NOUNS = frozenset(
    {"professor", "lecturer", "researcher", "student", "scientist", "fellow", "director", "dean", "chair", "head",
     "president", "doctor", "physician", "surgeon", "nurse", "coach", "teacher", "staff", "member", "graduate",
     "alumnus", "official", "spokesman", "spokeswoman", "spokesperson", "worker", "employee", "expert", "analyst",
     "chancellor", "principal", "manager", "chief", "instructor", "resident", "pharmacist", "psychologist"}
)  # fmt: skip


def _affiliation(prep: Token) -> bool:
    """A preposition that ties a person's role to an institution ("a professor of law at", "oncologist at")."""
    head = prep.head
    for _ in range(3):
        word = head.lower_.split("-")[-1]
        if head.pos_ in ("NOUN", "PROPN") and (head.lemma_.lower() in ROLE_NOUNS or word.endswith(("ist", "ician"))):
            return True
        # "professor of trade policy at": climb from the object of "of" to the noun it modifies
        if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head.head
            continue
        break
    return False


# Last words of bodies, not sites ("North Summit School District", "the Fire Department").
BODY_WORDS = frozenset(
    {"district", "department", "council", "agency", "commission", "company", "inc", "ltd", "corp", "police", "group",
     "party", "ministry", "office", "board", "authority", "association", "service", "services", "team", "committee"}
)  # fmt: skip
NAME_JOINERS = frozenset({"of", "de", "des", "du", "la", "le", "'s", "’s", "&", "-"})


def _venues_in_towns(doc: Doc, mentions: list[Mention], taken: set[int], add: Callable[..., Mention]) -> None:
    """ "at Terra Kulture in Lagos", "at the Palais des Nations in Geneva": a capitalised name
    between a preposition of place and "in Town" is a site in that town, whatever its last word.

    Not a person ("spoke to Ann Tobin in Leeds") nor an affiliation ("a researcher at Loyola
    University in Los Angeles").
    """
    towns = [
        m
        for m in mentions
        if any(c.entry.feature in ("city", "admin2") for c in m.cands) and m.source not in ("demonym", "union")
    ]
    for town in towns:
        end = town.start - 1  # the "in"
        if end < 2 or doc[end].lower_ != "in" or end - 1 in taken:
            continue
        start = end
        while start > 0 and end - start < 6:
            prev = doc[start - 1]
            if prev.i in taken or not (_capitalised(prev) or (prev.lower_ in NAME_JOINERS and start < end)):
                break
            start -= 1
        while start < end and not _capitalised(doc[start]):
            start += 1
        toks = list(doc[start:end])
        if not toks or not _capitalised(toks[-1]) or start == 0:
            continue
        before = start - 1
        if doc[before].lower_ in ("the", "a"):
            before -= 1
        if before < 0 or doc[before].lower_ not in AT_PREPOSITIONS | {"from"} or _affiliation(doc[before]):
            continue
        if any(t.ent_type_ in ("PERSON", "DATE", "TIME", "NORP", "CARDINAL") for t in toks):
            continue
        words = [t.lower_.rstrip(".") for t in toks]
        if words[0] in TITLES or words[-1] in BODY_WORDS or all(w in COMMON or w in NAME_JOINERS for w in words):
            continue
        add(toks, "facility", toks[0].ent_type_, None, _text(toks), ())


# Lower-case street nouns after the names they complete ("Bourbon and Dauphine streets").
STREET_NOUNS = frozenset(
    {"street", "streets", "avenue", "avenues", "boulevard", "boulevards", "road", "roads",
     # and sites: "the Air Balloon roundabout", "the Pioneer cinema", "Seasons restaurant"
     "roundabout", "intersection", "junction", "restaurant", "cinema", "pub"}
)  # fmt: skip


def _named_before_street_noun(doc: Doc, towns: set[str], taken: set[int], add: Callable[..., Mention]) -> None:
    """Names before a lower-case street noun, one or a list: "the Champs-Elysees boulevard",
    "at the corner of State and Hubbard streets". Each name is a site of the story's town;
    not a place named elsewhere ("the Cirencester junction": the junction at that town) nor a modifier
    ("the MIFF cinema awards")."""
    for tok in doc:
        if tok.i in taken or tok.lower_ not in STREET_NOUNS or not tok.text.islower() or tok.i == 0:
            continue
        if tok.dep_ == "compound":
            continue
        names: list[list[Token]] = []
        cur: list[Token] = []
        i = tok.i - 1
        while i >= 0 and i not in taken:
            t = doc[i]
            if _capitalised(t) or (t.text == "-" and cur):
                cur.insert(0, t)
            elif t.lower_ in ("and", ",", "&") and cur and tok.lower_.endswith("s"):
                names.insert(0, cur)  # a plural noun: a list of streets
                cur = []
            else:
                break
            i -= 1
        if cur:
            names.insert(0, cur)
        for name in names:
            while name and name[0].text == "-":
                name = name[1:]
            words = [t.lower_ for t in name]
            if not name or len(name) > 4 or len(_text(name)) < 3 or words[0] in TITLES or words[0] in demonyms():
                continue
            if all(w in COMMON or w in DIRECTIONS for w in words) or name[0].ent_type_ == "DATE":
                continue
            if any(t.pos_ in ("DET", "PRON", "AUX", "VERB") for t in name):  # "This avenue"
                continue
            if _text(name) in towns:
                continue
                continue
            add(name, "facility", name[0].ent_type_, None, _text(name), ())


# British road numbers ("the A417", "the M4", "the A1(M)"); read only after "the" (or in a list
# that opens with one) in a story about roads, where they cannot be paper sizes or aircraft.
ROAD_NUMBER = re.compile(r"^[AM]\d{1,4}(?:\(M\))?$")
ROAD_WORDS = frozenset(
    {"road", "roads", "carriageway", "roundabout", "junction", "motorway", "traffic", "diversion", "southbound",
     "northbound", "eastbound", "westbound", "lane", "lanes", "lorry", "motorist", "motorists", "closure",
     "collision", "roadworks"}
)  # fmt: skip


def _road_numbers(doc: Doc, taken: set[int], add: Callable[..., Mention]) -> None:
    """Numbered roads ("a crash on the A120", "via the A436, A40 and A429"), kept as sites of their town."""
    if not any(t.lower_ in ROAD_WORDS for t in doc):
        return
    last = -10  # the token index of the last road number taken
    for tok in doc:
        if tok.i in taken or tok.i == 0 or not ROAD_NUMBER.match(tok.text):
            continue
        prev = doc[tok.i - 1]
        listed = prev.lower_ in (",", "and", "or") and tok.i - last <= 2
        if prev.lower_ == "the" or listed:
            add([tok], "facility", tok.ent_type_, None, tok.text, ())
            last = tok.i


SPEAKING = frozenset(
    {"speak", "speaks", "spoke", "speaking", "teach", "teaches", "taught", "teaching", "learn", "learning",
     "learned", "translate", "translated", "fluent"}
)  # fmt: skip


# Nouns an adjective of a place describes as part of it ("English city", "Catalan coast").
PLACE_NOUNS = frozenset({"city", "town", "village", "county", "countryside", "coast", "port", "capital", "region"})


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


REPORTING = frozenset({"report"})


def _degree_after_name(toks: list[Token], doc: Doc) -> bool:
    first = toks[0]
    if _text(toks).replace(".", "").upper() not in ("MD", "PHD", "DO", "BA", "MA"):
        return False
    return first.i >= 2 and doc[first.i - 1].text == "," and doc[first.i - 2].ent_type_ == "PERSON"


def _news_source(start: int, end: int, doc: Doc) -> bool:
    """An organisation that reports: "X news agency", "X reported", "according to X" ("X said" may be a metonym)."""
    after = [t.lower_ for t in doc[end : end + 2]]
    if after[:1] == ["agency"] or after[:2] == ["news", "agency"]:
        return True
    if start >= 2 and doc[start - 2].lower_ == "according" and doc[start - 1].lower_ == "to":
        return True
    root = doc[start:end].root
    return root.dep_ == "nsubj" and root.head.lemma_ in REPORTING


def _person_words(doc: Doc) -> set[str]:
    """Given names and surnames of the people the NER found ("Georgia" of "Georgia Smith").

    Kept on the doc: the recogniser asks for every name it weighs, and the entities do not change.
    """
    cached: set[str] | None = doc.user_data.get(_PERSON_WORDS)
    if cached is not None:
        return cached
    out: set[str] = set()
    doc.user_data[_PERSON_WORDS] = out
    for e in doc.ents:
        # Capitals are no name ("Henry Lazenby US": the NER ran the byline into the text).
        words = [t for t in e if t.text[:1].isupper() and not (t.is_upper and len(t.text) <= 3)]
        if e.label_ == "PERSON" and len(words) >= 2 and not _no_person(e):
            out.update((words[0].lower_, words[-1].lower_))
    return out


_PERSON_WORDS = "tidings.places.person_words"
# Last words of British football club names, which are no surnames.
CLUB_WORDS = frozenset(
    {"albion", "wanderers", "rovers", "athletic", "hotspur", "argyle", "orient", "wednesday", "rangers", "harriers",
     "academicals", "alexandra"}
)  # fmt: skip


def _no_person(e: Span) -> bool:
    """An organisation or team the NER called a person, by its form."""
    # "Abuja Chamber of Commerce and Industry", "New Brunswick RCMP".
    joined = any(t.is_lower and t.lower_ in ("of", "and", "for", "the") for t in e)
    acronym = any(t.is_upper and t.is_alpha and len(t.text) >= 3 for t in e[1:])
    # "a Seattle Seahawks home game": names do not modify nouns.
    team = e.root.dep_ == "compound" and e.root.head.pos_ == "NOUN"
    # "Burton Albion", "Bolton Wanderers": a town's football club
    club = len(e) > 1 and e[-1].lower_ in CLUB_WORDS
    # "won by Mr Trump - Wisconsin and Pennsylvania": a spaced dash joins two things, not a name's parts
    dashed = any(t.text in DASHES and t.whitespace_ and e.doc[t.i - 1].whitespace_ for t in e[1:-1])
    return joined or acronym or team or club or dashed


def _keep(m: Mention, doc: Doc, gaz: Gazetteer) -> bool:
    """Drop what is more likely a person or a generic word than a place."""
    if m.source in ("dateline", "abbreviation"):
        return True
    if any(c.entry.feature == "landmark" for c in m.cands):
        # "White House aides", "the Kremlin denies", "condemned by the White House": the
        # institution (an actor), not the building; "at the White House" is the place.
        root = doc[m.start : m.end].root
        if root.dep_ in ("compound", "nmod") and root.head.pos_ in ("NOUN", "PROPN"):
            return False
        if root.dep_ in ("nsubj", "nsubjpass", "poss") or (root.dep_ == "pobj" and root.head.dep_ == "agent"):
            return False
    named = m.end - m.start == 1 and m.text.lower() in _person_words(doc) and not m.extra.get("called")
    if not m.cands and (generic(m.text) or named):
        return False  # "the Centre"; "Buhari" after "Muhammadu Buhari" (but "the suburb of Madinaty")
    first = doc[m.start]
    if m.end - m.start == 1 and m.parent is None and _speaker(first) and not _notable(m.cands):
        return False  # "Xinhua reported", "Brent told CTV": a small town does not speak, a person or agency does
    if not m.cands and (not first.text[:1].isupper() or first.lower_.rstrip(".") in TITLES):
        return False  # "meth", "Easter", "Ms Raggi", "Nurse Campbell": no name the gazetteer lacks looks like that
    if m.end - m.start == 1 and m.text.lower() in _person_words(doc):
        # "Georgia" after "Georgia Smith": a place only with a preposition or "Name, Region".
        return _locative(doc, m.start) or m.parent is not None
    return True


# Words of a name that make it a place or feature whatever the gazetteer holds ("Lake Manassas",
# "Colton Way", "the Soviet Union", "Peace River Valley").
PLACE_NAME_WORDS = (
    FEATURE_WORDS
    | ADMIN_WORDS
    | CITY_WORDS
    | GENERIC
    | frozenset({"way", "cape", "republic", "union", "heights", "parade", "lane", "drive", "place", "crescent",
                 "borough", "hill", "port", "harbour", "harbor", "fjord", "glacier", "canyon", "falls", "reef"})
)  # fmt: skip
# Verbs whose direct object is a place ("gunmen raided Qzorvenkatal", "troops entered Kfraya").
PLACE_VERBS = frozenset(
    {"visit", "raid", "reach", "enter", "leave", "attack", "shell", "bomb", "storm", "capture", "seize", "besiege",
     "invade", "occupy", "tour", "flee", "cross", "evacuate", "recapture", "liberate", "encircle", "surround"}
)  # fmt: skip


def _placed_unknowns(mentions: list[Mention], doc: Doc) -> list[Mention]:
    """Drop the NER's place names the gazetteer lacks unless the words around make them places.

    The small model tags many companies, people and products GPE/LOC ("Coincheck",
    "Dropbox", "Guhdar said"); a real place the gazetteer lacks is nearly always
    introduced as one: after a locative preposition ("in Khayelitsha"), with a word
    that calls it a place ("Torkula village", "Peace River Valley", "the Soviet
    Union"), as the object of a verb of movement or attack ("raided Qzorvenkatal"),
    next to its region ("Thruxton, Hampshire"), or listed with a known place
    ("Alberta, Saskatchewan and Newfoundland"). One such use vouches for every
    other of the same name (one sense per discourse).
    """
    known = {m.start for m in mentions if m.cands}
    unknown = [m for m in mentions if m.source == "ner" and not m.cands and not m.extra.get("called")]
    if not unknown:
        return mentions
    vouched = {m.text for m in unknown if _unknown_placed(m, doc, known)}
    return [m for m in mentions if m not in unknown or m.text in vouched]


def _unknown_placed(m: Mention, doc: Doc, known: set[int]) -> bool:
    words = [t.lower_.rstrip(".") for t in doc[m.start : m.end]]
    if m.hint is not None or m.parent is not None or m.child is not None:
        return True
    if any(w in PLACE_NAME_WORDS for w in words) or "," in words:
        return True  # "Thruxton, Hampshire" taken as one name: a site and its county
    first = doc[m.start]
    after = doc[m.end] if m.end < len(doc) else None
    if after is not None and after.lower_ in AREA_WORDS and after.tag_ == "NN":
        return True  # "Cairo's Abbasiya neighbourhood"
    ends = after is None or after.text in (".", ";") or "\n" in after.text
    if ends and m.start >= 2 and doc[m.start - 1].text == "," and _capitalised(doc[m.start - 2]):
        return True  # "Rockingham, Northamptonshire.": the county of the site before it
    before = m.start - 1
    if before >= 0 and doc[before].lower_ in ("the", "a"):
        before -= 1
    if before >= 0 and doc[before].lower_ in LOCATIVE and doc[before].lower_ != "of":
        return True  # "of" is too loose: "co-founder of Zalando", "shares of Coincheck"
    if _locative(doc, m.start) and doc[m.start - 1].lower_ != "of":
        return True  # "in Nitra and Kosice"
    root = doc[m.start : m.end].root
    if root.dep_ == "dobj" and root.head.lemma_ in PLACE_VERBS:
        return True
    # "Alberta, Saskatchewan and Newfoundland": listed with a place the gazetteer knows.
    partners = [c for c in root.children if c.dep_ == "conj"]
    if root.dep_ == "conj":
        partners.append(root.head)
    return any(p.i in known and p.ent_type_ in PLACE_LABELS for p in partners) and first.ent_type_ in PLACE_LABELS


SPEECH_VERBS = frozenset({"say", "tell", "report", "add", "continue", "explain", "write", "announce"})


def _speaker(tok: Token) -> bool:
    """The subject of a verb of saying, or the source after "according to"."""
    if tok.dep_ == "nsubj" and tok.head.lemma_ in SPEECH_VERBS:
        return True
    return tok.i >= 2 and tok.doc[tok.i - 2].lower_ == "according" and tok.doc[tok.i - 1].lower_ == "to"


def _notable(cands: tuple[Candidate, ...]) -> bool:
    """Places that speak in the news as metonyms: countries, divisions, capitals, big cities."""
    return any(
        c.entry.feature in ("country", "continent", "admin1") or c.entry.capital or c.entry.population >= 100_000
        for c in cands
    )


def _hint_around(doc: Doc, toks: list[Token]) -> tuple[str | None, list[Token]]:
    """ "Donetsk region", "the province of Idlib": the word next to a name says what it is.

    A following division or city word joins the span; a preceding "X of" does not.
    """
    start, end = toks[0].i, toks[-1].i + 1
    nxt = doc[end] if end < len(doc) else None
    if nxt is not None and nxt.lower_ in ADMIN_WORDS | CITY_WORDS and nxt.text.islower():
        return ("admin" if nxt.lower_ in ADMIN_WORDS else "city"), [*toks, nxt]
    if start >= 2 and doc[start - 1].lower_ == "of":
        word = doc[start - 2].lower_
        if word in ADMIN_WORDS | CITY_WORDS:
            return ("admin" if word in ADMIN_WORDS else "city"), toks
    if nxt is not None and nxt.lower_ in DIVISION_OFFICES:
        return "admin", toks  # "New York Gov. Andrew Cuomo": a governor heads a division, not a town
    return None, toks


def _place_entities(doc: Doc, gaz: Gazetteer) -> list[tuple[list[Token], str]]:
    """GPE/LOC entities, two adjacent ones merged when together they are one name ("Baja" "California")."""
    ents = [e for e in doc.ents if e.label_ in PLACE_LABELS]
    out: list[tuple[list[Token], str]] = []
    i = 0
    while i < len(ents):
        e = ents[i]
        if i + 1 < len(ents) and ents[i + 1].start == e.end and gaz.candidates(doc[e.start : ents[i + 1].end].text):
            out.append((list(doc[e.start : ents[i + 1].end]), e.label_))
            i += 2
            continue
        out.append((list(e), e.label_))
        i += 1
    return out


def _context(mentions: list[Mention], doc: Doc) -> Counter[str]:
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


def _locative(doc: Doc, start: int) -> bool:
    """A locative preposition right before the name, or before the list it ends ("in Nitra and Kosice")."""
    if start > 0 and doc[start - 1].lower_ in LOCATIVE:
        return True
    if start < 2 or doc[start - 1].lower_ not in ("and", "or", ","):
        return False
    tok = doc[start]
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    return tok.i != start and tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE


# Words between a town's name and "Court" in a court's name ("Bantam Superior Court", "Wood Green Crown Court").
COURT_KINDS = frozenset(
    {"superior", "district", "crown", "magistrates", "magistrates'", "circuit", "municipal", "county", "regional",
     "family", "juvenile", "sheriff", "trial", "city", "justice", "provincial"}
)  # fmt: skip


def _court_seat(core: list[Token]) -> list[Token]:
    """The town's words opening a court's name: "Bantam" of "Bantam Superior Court", else nothing."""
    if len(core) < 3 or core[-1].lower_ not in ("court", "courthouse"):
        return []
    i = len(core) - 1
    while i > 0 and core[i - 1].lower_ in COURT_KINDS:
        i -= 1
    seat = core[:i]
    if i == len(core) - 1 or not seat or not all(_capitalised(t) for t in seat) or len(seat) > 3:
        return []
    return seat


ORIGIN_PARTICIPLES = frozenset({"based", "born", "bred", "headquartered", "registered", "raised"})


def _origin(doc: Doc, end: int) -> bool:
    """ "the Kent-based outfit": a name joined by a hyphen to "based", "born" is where someone comes from."""
    return (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and doc[end - 1].whitespace_ == ""
        and doc[end].whitespace_ == ""
        and doc[end + 1].lower_ in ORIGIN_PARTICIPLES
    )


def _region_follows(doc: Doc, end: int) -> bool:
    """ "Croft, Yorkshire.": a place name closing the sentence after the comma, which places the name before it."""
    if end + 1 >= len(doc) or doc[end].text != "," or doc[end + 1].ent_iob_ != "B":
        return False
    if doc[end + 1].ent_type_ not in PLACE_LABELS:
        return False
    stop = end + 2
    while stop < len(doc) and doc[stop].ent_iob_ == "I":
        stop += 1
    return stop >= len(doc) or doc[stop].text in (".", ";", ")", "(") or "\n" in doc[stop].text


_DASHED = re.compile(r"^([A-Z][A-Za-z.]*\.|[A-Z]{2})(?:--|[–—])")


def _dashed(text: str) -> str:
    """An abbreviation run into the dash after it ("Calif.--(BUSINESS WIRE)", "Calif.--The")."""
    m = _DASHED.match(text)
    return m.group(1) if m else text


def _after_comma(doc: Doc, end: int, gaz: Gazetteer) -> tuple[Candidate, ...]:
    """Divisions and countries named right after "Name," ("Churchill, Man.", "Atlanta, Georgia")."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return ()
    tok = doc[end + 1]
    if not tok.text[:1].isupper():
        return ()
    word = _dashed(tok.text)
    abbr = "".join(ch for ch in word.lower() if ch.isalpha())
    if abbr in ABBREVIATIONS and len(word) <= 6:
        return _abbreviated(gaz, ABBREVIATIONS[abbr])
    for n in (3, 2, 1):
        toks = [t for t in doc[end + 1 : end + 1 + n] if t.text[:1].isupper()]
        if len(toks) == n:
            cands = tuple(c for c in gaz.candidates(_text(toks)) if c.entry.feature in ("admin1", "country"))
            if cands:
                return cands
    return ()


def _whole_ok(
    label: str,
    core: list[Token],
    cands: tuple[Candidate, ...],
    text: str,
    context: Counter[str],
    doc: Doc,
    gaz: Gazetteer,
    seen: set[str],
) -> bool:
    """Whether a non-place entity or bare capitalised run is in fact a place name."""
    if not text[:1].isupper():
        return False
    if len(text) < 3:
        # "US tariffs", "UK officials": a country abbreviation, outside an all-capitals headline.
        sent = core[0].sent
        shouting = sum(t.is_upper for t in sent if t.is_alpha) > 0.5 * max(1, sum(t.is_alpha for t in sent))
        if _bare_abbreviation(core):
            return not shouting
        return text.isupper() and not shouting and any(c.entry.feature == "country" for c in cands)
    if text.lower() in seen:
        return True  # one sense per discourse: the NER took the same name for a place elsewhere
    first = core[0]
    locative = _locative(doc, first.i) or _region_follows(doc, core[-1].i + 1) or _origin(doc, core[-1].i + 1)
    parents = _after_comma(doc, core[-1].i + 1, gaz)
    if parents and any(
        p.entry.country == c.entry.country
        and (p.entry.feature == "country" or p.entry.admin1_code == c.entry.admin1_code)
        for p in parents
        for c in cands
    ):
        return True  # "Churchill, Man.": the division holds a place of this name
    if label == "PERSON":
        # "Jordan", "Nelson", "Churchill": a single name needs a preposition; "Tamil Nadu" is a division.
        if len(core) > 1 and any(c.entry.feature in ("admin1", "country") and not c.alternate for c in cands):
            return True
        if locative and supported(cands, text, context, True):
            return True
        # "Stanley Uzoaru, Owerri", "Kerala and Puducherry": a big city or division that names
        # no person of the article, where a place name can stand.
        return len(core) == 1 and strong(cands, text) and _place_slot(first) and text.lower() not in _person_words(doc)
    if label == "" and len(core) == 1 and first.is_sent_start and not locative:
        if strong(cands, text) and any(c.entry.feature in ("country", "admin1") for c in cands):
            return True
        # "Hampshire racing driver ...": a division or town of the article's country, modifying a noun.
        return first.dep_ == "compound" and supported(cands, text, context, False)
    return supported(cands, text, context, locative)


# Adjectives of direction that only narrow a place ("eastern Ghouta"), lower-case.
AREA_DIRECTIONS = frozenset(
    {"northern", "southern", "eastern", "western", "northeastern", "northwestern", "southeastern", "southwestern",
     "north-eastern", "north-western", "south-eastern", "south-western"}
)  # fmt: skip
# Words after a name that make it a place ("the Riverdale area", "Umemger village").
AREA_WORDS = ADMIN_WORDS | CITY_WORDS | frozenset({"area", "neighbourhood", "neighborhood", "suburb", "villages"})


def _called_a_place(doc: Doc, core: list[Token]) -> bool:
    """A short capitalised name the words around call a place, known to the gazetteer or not.

    "eastern Ghouta", "the Riverdale area", "Umemger village", "the town of Kasba Bonli".
    """
    words = [t for t in core if t.text != "-"]  # "the state of Rhineland-Palatinate"
    if not words or len(words) > 3 or not all(_capitalised(t) and t.pos_ == "PROPN" for t in words):
        return False
    after = doc[core[-1].i + 1] if core[-1].i + 1 < len(doc) else None
    if core[0].ent_type_ == "NORP" and (after is None or after.lower_ not in ADMIN_WORDS):
        # "the Shiite villages", "the Sikh area": people's, not places' names; but a people has
        # no county ("Maoxian county", which the NER took for one)
        return False
    if any(t.lower_ in demonyms() or t.lower_.rstrip(".") in TITLES for t in core):
        return False
    start, end = core[0].i, core[-1].i + 1
    before = start - 1
    if before >= 0 and doc[before].lower_ in ("the", "a"):
        before -= 1
    if before >= 0 and doc[before].text in AREA_DIRECTIONS:
        return True
    if end < len(doc) and doc[end].text in AREA_WORDS and doc[end].tag_ == "NN" and doc[end].dep_ != "compound":
        return True  # not "Boon states in", "the GOP state lawmaker"
    return before >= 1 and doc[before].lower_ == "of" and doc[before - 1].lower_ in AREA_WORDS


def _elsewhere(doc: Doc, mentions: list[Mention], taken: set[int], add: Callable[..., Mention]) -> None:
    """Other capitalised occurrences of the names already taken for places, as mentions."""
    names: dict[tuple[str, ...], Mention] = {}
    people = _person_words(doc)
    for m in mentions:
        # Names the NER itself took for places, or the words around called places; no person's name.
        sure = (m.source == "ner" and m.cands) or m.extra.get("called")
        plain = not m.text.isupper() and not generic(m.text) and m.text.lower() not in people | COMMON
        if sure and plain:
            words = tuple(t.text for t in doc[m.start : m.end])
            if len(words) <= 3 and all(w[:1].isupper() for w in words if w.isalpha()):
                names.setdefault(words, m)
    if not names:
        return
    longest = max(len(k) for k in names)
    i = 0
    while i < len(doc):
        for n in range(longest, 0, -1):
            words = tuple(t.text for t in doc[i : i + n])
            first = names.get(words)
            if first is None or taken.intersection(range(i, i + n)) or _news_source(i, i + n, doc):
                continue
            if doc[i].ent_type_ == "PERSON" and doc[i].ent_iob_ == "I":
                break  # a surname ("Seergeoh Villanueva"), not the place of that name
            add(
                list(doc[i : i + n]),
                "embedded" if doc[i].ent_type_ else "run",
                doc[i].ent_type_,
                first.hint,
                first.query,
                first.cands,
            )
            i += n - 1
            break
        i += 1


def _before_division(doc: Doc, mentions: list[Mention], taken: set[int], add: Callable[..., Mention]) -> None:
    """A name the gazetteer lacks right before ", County" ("Brands Hatch, Kent", "Thruxton, Hampshire").

    It is kept as a facility-like site that takes the division's point.
    """
    divisions = {
        m.start: m
        for m in mentions
        if any(c.entry.feature in ("admin1", "admin2") and not c.alternate for c in m.cands)
        and not any(c.entry.feature in ("country", "continent") for c in m.cands)
    }
    for start, div in divisions.items():
        if start < 2 or doc[start - 1].text != ",":
            continue
        if div.end < len(doc) and doc[div.end].text not in (".", ";", ",", ")") and "\n" not in doc[div.end].text:
            continue  # "Leeds, Yorkshire and Hull": a list, not a site and its county
        end = start - 1
        begin = end
        while begin > 0 and begin - 1 not in taken and _capitalised(doc[begin - 1]) and end - begin < 4:
            begin -= 1
        toks = list(doc[begin:end])
        if not toks or toks[0].ent_type_ in ("PERSON", "DATE", "NORP") or toks[0].lower_.rstrip(".") in TITLES:
            continue
        if begin > 0 and (_capitalised(doc[begin - 1]) or doc[begin - 1].like_num) and doc[begin - 1].text not in ":":
            continue  # part of a longer name, or "25 Main Street" style addresses handled elsewhere
        add(toks, "facility", toks[0].ent_type_, None, _text(toks), ())


_HYPHENATED = re.compile(r"^([A-Z][A-Za-z.]*[A-Za-z.])-[a-z]+$")


def _hyphenated(doc: Doc, gaz: Gazetteer, taken: set[int]) -> list[Mention]:
    """A country or big place that opens a hyphenated adjective the tokenizer kept whole ("U.S.-led")."""
    out: list[Mention] = []
    for tok in doc:
        m = _HYPHENATED.match(tok.text)
        if tok.i in taken or m is None:
            continue
        name = m.group(1)
        cands = gaz.candidates(name)
        if cands and strong(cands, name):
            out.append(Mention(tok.i, tok.i + 1, tok.idx, tok.idx + len(name), name, name, "embedded", "", None, cands))
            taken.add(tok.i)
    return out


def _place_slot(tok: Token) -> bool:
    """Whether the words around a lone name let it be a place rather than a person.

    It must open the sentence or follow punctuation, a preposition or a conjunction
    ("workers Brent", "Commander Peshawar", "pay Paul" are people); after "the" only
    as a modifier ("the Cairns district", not "the Duma"); in a list, with a place
    ("Kerala and Puducherry", not "Brent and Lynnette").
    """
    doc = tok.doc
    prev = doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and not tok.is_sent_start:
        if prev.lower_ in ("the", "a", "an"):
            if tok.i + 1 >= len(doc) or doc[tok.i + 1].pos_ not in ("NOUN", "PROPN"):
                return False
        elif prev.pos_ not in ("PUNCT", "ADP", "CCONJ", "SCONJ"):
            return False
    partners = [c for c in tok.children if c.dep_ == "conj"]
    if tok.dep_ == "conj":
        partners.append(tok.head)
    # "the Ministry of Information, Abuja": after a comma, an organisation's seat.
    seat = prev is not None and prev.text == ","
    return all(p.ent_type_ in PLACE_LABELS or (seat and p.ent_type_ in CONTAINER_LABELS) for p in partners)


# Words that make a region of the name after them ("Latin America", "Central Asia").
REGION_PREFIXES = frozenset({"latin", "central", "sub-saharan", "north", "south", "east", "west", "northern",
                             "southern", "eastern", "western"})  # fmt: skip


def _embedded(
    core: list[Token],
    gaz: Gazetteer,
    add: Callable[..., Mention],
    label: str,
    context: Counter[str] | None = None,
    locative: bool = False,
) -> None:
    """The longest capitalised sub-run naming a country, division or big city."""
    n = len(core)
    i = 0
    while i < n:
        found = False
        if i > 0 and core[i - 1].lower_ in REGION_PREFIXES:
            i += 1  # "Latin America", "Central Asia": a region, not the country or continent in it
            continue
        for j in range(min(n, i + 4), i, -1):
            sub = core[i:j]
            if not all(_capitalised(t) or t.lower_ in ("of", "-") for t in sub) or not _capitalised(sub[0]):
                continue
            if not _capitalised(sub[-1]):
                continue
            text = _text(sub)
            if text.lower() in demonyms() or generic(text) or (len(sub) == 1 and sub[0].lower_ in COMMON):
                continue
            if _bare_abbreviation(sub):
                add(
                    sub,
                    "embedded",
                    label,
                    None,
                    ABBREVIATIONS[text.lower()],
                    _abbreviated(gaz, ABBREVIATIONS[text.lower()]),
                )
                i = j
                found = True
                break
            cands = gaz.candidates(text)
            if cands and (strong(cands, text) or (context is not None and supported(cands, text, context, locative))):
                add(sub, "embedded", label, None, text, cands)
                i = j
                found = True
                break
        if not found:
            i += 1


def _runs(doc: Doc, taken: set[int]) -> list[list[Token]]:
    """Maximal runs of capitalised proper-noun tokens outside every entity."""
    ent_tokens = {i for e in doc.ents for i in range(e.start, e.end)}
    runs: list[list[Token]] = []
    cur: list[Token] = []
    for tok in doc:
        ok = (
            tok.i not in ent_tokens
            and tok.i not in taken
            and _capitalised(tok)
            # A capitalised noun inside a sentence is a name the tagger missed ("defeat to Reading").
            and (tok.pos_ == "PROPN" or tok.is_upper or (tok.pos_ == "NOUN" and not tok.is_sent_start))
            and tok.lower_ not in demonyms()
        )
        if ok:
            cur.append(tok)
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return [r for r in runs if len(r) <= 4 and not (len(r) == 1 and r[0].lower_ in COMMON)]


def link_parents(mentions: list[Mention], doc: Doc, gaz: Gazetteer, only: list[Mention] | None = None) -> None:
    """ "Springfield, Illinois", "Churchill, Man.": the second name contains the first.

    ``only``: link just these mentions (the others were linked before).
    """
    by_start = {m.start: m for m in mentions}
    for m in list(mentions) if only is None else only:
        if m.end + 1 >= len(doc) or doc[m.end].text != ",":
            continue
        nxt = by_start.get(m.end + 1)
        if nxt is not None and nxt.end < len(doc) and doc[nxt.end].lower_ in ("and", "or", "&"):
            continue  # "Washington, New York and Boston": a list, not a town and its state
        if nxt is not None:
            if any(c.entry.feature in ("admin1", "admin2", "country") for c in nxt.cands):
                m.parent, nxt.child = nxt, m
            continue
        # An abbreviation: "Ky." "B.C." "Man." right after the comma.
        tok = doc[m.end + 1]
        word = _dashed(tok.text)
        last = tok
        split = tok.whitespace_ == "" and tok.i + 1 < len(doc) and doc[tok.i + 1].text == "."
        if split and tok.is_alpha and not tok.is_upper:  # not "Newcastle, NSW.": that period ends the sentence
            # "Churchill, Man. her parents": the tokenizer split the period off at a sentence end
            last, word = doc[tok.i + 1], tok.text + "."
        abbr = "".join(ch for ch in word.lower() if ch.isalpha())
        name = ABBREVIATIONS.get(abbr) if word[:1].isupper() and len(word) <= 6 else None
        if name:
            cands = _abbreviated(gaz, name)
            if cands:
                p = Mention(
                    tok.i,
                    last.i + 1,
                    tok.idx,
                    tok.idx + len(word),
                    word,
                    name,
                    "abbreviation",
                    "",
                    "admin",
                    cands,
                )
                mentions.append(p)
                m.parent, p.child = p, m


def given_mentions(
    doc: Doc, spans: list[tuple[int, int]], found: list[Mention], gaz: Gazetteer
) -> list[Mention | None]:
    """One mention for each toponym span found by someone else (a gold standard, another tagger).

    The caller says each span is a place, so none is dropped as a likely person
    or generic word. A span this module found as it stands keeps that reading
    (hint, parent, demonym); any other is looked up whole, then without its
    division word ("Idlib province"), then as an adjective ("Syrian"); one the
    gazetteer still lacks borrows the reading of a toponym found inside it
    ("Kentucky" in "Kentucky State Police"), else keeps no candidate. None
    where a span covers no word of the doc.
    """
    by_span = {(m.start_char, m.end_char): m for m in found}
    out: list[Mention | None] = []
    for start, end in spans:
        if (start, end) in by_span:
            out.append(by_span[(start, end)])
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        toks = [t for t in span if not t.is_space] if span is not None else []
        while toks and toks[0].lower_ in ("the", "a"):
            toks = toks[1:]
        while toks and toks[-1].text in ("'s", "’s", "'", "’"):
            toks = toks[:-1]
        if not toks:
            out.append(None)
            continue
        query, cands = _lookup(gaz, toks, ner=True)
        hint: str | None = None
        source = "given"
        if not cands:
            core, hint = _strip(toks)
            if core:
                query, cands = _lookup(gaz, core, ner=True)
        if not cands:
            key = " ".join(t.lower_ for t in toks)
            cands = adjective_candidates(gaz, key)
            if cands:
                query, source = cands[0].entry.name, "demonym"
        if not cands:
            inner = [m for m in found if start <= m.start_char and m.end_char <= end and m.cands]
            if inner:
                # the largest place named inside it: "Kentucky State Police" is in Kentucky
                m = max(inner, key=lambda m: max(c.entry.population for c in m.cands))
                query, cands, hint = m.query, m.cands, m.hint
        if hint is None:
            hint, _ = _hint_around(doc, toks)
        first, last = toks[0], toks[-1]
        out.append(Mention(first.i, last.i + 1, start, end, _text(toks), query, source, "", hint, cands))
    return out
