"""Candidate names: which entities and capitalised runs name places the gazetteer knows.

The small English model labels many place names ORG or PERSON ("in Red Deer",
"Tamil Nadu accused ...") and drops names inside organisation names ("Kentucky
State Police"). Here are the tests that take such a name for a place:
:func:`look_up` reads a name in the gazetteer, :func:`whole_ok` weighs a whole
entity or run, :func:`embedded` finds the place inside an organisation's name,
:func:`called_a_place` trusts the words around a name ("the Riverdale area"),
:func:`elsewhere` takes every other writing of a name already taken (one sense
per discourse), and :func:`hyphenated` the country opening "U.S.-led".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

from tidings.places.abbreviations import (
    ABBREVIATIONS,
    BARE_ABBREVIATIONS,
    abbreviated,
    after_comma,
    bare_abbreviation,
)
from tidings.places.gazetteer import Candidate, Gazetteer, demonyms
from tidings.places.mentions import (
    ADMIN_WORDS,
    AREA_WORDS,
    COMMON,
    CONTAINER_LABELS,
    DIRECTIONS,
    PLACE_LABELS,
    REGION_PREFIXES,
    TITLES,
    Mention,
    after_locative,
    capitalised,
    generic,
    strong,
    supported,
    text_of,
)
from tidings.places.persons import news_source, person_words
from tidings.syntax import sentence_of, tokens
from tidings.words import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def look_up(gaz: Gazetteer, tokens: list[Token], ner: bool = False) -> tuple[str, tuple[Candidate, ...]]:
    """The longest reading of ``tokens`` the gazetteer knows: whole, else without directions."""
    text = text_of(tokens)
    if text.endswith(".") and len(text) <= 6:
        abbr = "".join(ch for ch in text.lower() if ch.isalpha())
        # Unless the NER calls it a place, only abbreviations that are no common word or
        # title ("M.D.", "P.A.", "Man.").
        if abbr in ABBREVIATIONS and (ner or len(abbr) >= 4 or abbr in BARE_ABBREVIATIONS):
            return ABBREVIATIONS[abbr], abbreviated(gaz, ABBREVIATIONS[abbr])
    if bare_abbreviation(tokens):
        name = ABBREVIATIONS[text.lower()]
        return name, abbreviated(gaz, name)
    cands = gaz.candidates(text) if text else ()
    if cands:
        return text, cands
    rest = tokens
    while len(rest) > 1 and rest[0].lower_ in DIRECTIONS:
        rest = rest[1:]
        while rest and rest[0].text in ("-",):
            rest = rest[1:]
        t = text_of(rest)
        c = gaz.candidates(t)
        if c:
            return t, c
    return text, ()


def place_entities(doc: Doc, gaz: Gazetteer) -> list[tuple[list[Token], str]]:
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


def whole_ok(
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
        sent = sentence_of(core[0])
        shouting = sum(t.is_upper for t in sent if t.is_alpha) > 0.5 * max(1, sum(t.is_alpha for t in sent))
        if bare_abbreviation(core):
            return not shouting
        return text.isupper() and not shouting and any(c.entry.feature == "country" for c in cands)
    if text.lower() in seen:
        return True  # one sense per discourse: the NER took the same name for a place elsewhere
    first = core[0]
    locative = after_locative(doc, first.i) or _region_follows(doc, core[-1].i + 1) or _origin(doc, core[-1].i + 1)
    parents = after_comma(doc, core[-1].i + 1, gaz)
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
        return len(core) == 1 and strong(cands, text) and _place_slot(first) and text.lower() not in person_words(doc)
    if label == "" and len(core) == 1 and first.is_sent_start and not locative:
        if strong(cands, text) and any(c.entry.feature in ("country", "admin1") for c in cands):
            return True
        # "Hampshire racing driver ...": a division or town of the article's country, modifying a noun.
        return first.dep_ == "compound" and supported(cands, text, context, False)
    return supported(cands, text, context, locative)


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


# Participles hyphenated to where someone comes from ("Kent-based", "Dublin-born").
ORIGIN_PARTICIPLES = words("places", "origin_participles")


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


# Adjectives of direction that only narrow a place ("eastern Ghouta"), lower-case.
AREA_DIRECTIONS = frozenset(
    {"northern", "southern", "eastern", "western", "northeastern", "northwestern", "southeastern", "southwestern",
     "north-eastern", "north-western", "south-eastern", "south-western"}
)  # fmt: skip


def called_a_place(doc: Doc, core: list[Token]) -> bool:
    """A short capitalised name the words around call a place, known to the gazetteer or not.

    "eastern Ghouta", "the Riverdale area", "Umemger village", "the town of Kasba Bonli".
    """
    words = [t for t in core if t.text != "-"]  # "the state of Rhineland-Palatinate"
    if not words or len(words) > 3 or not all(capitalised(t) and t.pos_ == "PROPN" for t in words):
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


# Words between a town's name and "Court" in a court's name ("Bantam Superior Court", "Wood Green Crown Court").
COURT_KINDS = words("places", "court_kinds")


def court_seat(core: list[Token]) -> list[Token]:
    """The town's words opening a court's name: "Bantam" of "Bantam Superior Court", else nothing."""
    if len(core) < 3 or core[-1].lower_ not in ("court", "courthouse"):
        return []
    i = len(core) - 1
    while i > 0 and core[i - 1].lower_ in COURT_KINDS:
        i -= 1
    seat = core[:i]
    if i == len(core) - 1 or not seat or not all(capitalised(t) for t in seat) or len(seat) > 3:
        return []
    return seat


def embedded(
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
            if not all(capitalised(t) or t.lower_ in ("of", "-") for t in sub) or not capitalised(sub[0]):
                continue
            if not capitalised(sub[-1]):
                continue
            text = text_of(sub)
            if text.lower() in demonyms() or generic(text) or (len(sub) == 1 and sub[0].lower_ in COMMON):
                continue
            if bare_abbreviation(sub):
                add(
                    sub,
                    "embedded",
                    label,
                    None,
                    ABBREVIATIONS[text.lower()],
                    abbreviated(gaz, ABBREVIATIONS[text.lower()]),
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


def capitalised_runs(doc: Doc, taken: set[int]) -> list[list[Token]]:
    """Maximal runs of capitalised proper-noun tokens outside every entity."""
    ent_tokens = {i for e in doc.ents for i in range(e.start, e.end)}
    runs: list[list[Token]] = []
    cur: list[Token] = []
    for tok in tokens(doc):
        ok = (
            tok.i not in ent_tokens
            and tok.i not in taken
            and capitalised(tok)
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


def elsewhere(doc: Doc, mentions: list[Mention], taken: set[int], add: Callable[..., Mention]) -> None:
    """Other capitalised occurrences of the names already taken for places, as mentions."""
    names: dict[tuple[str, ...], Mention] = {}
    people = person_words(doc)
    for m in mentions:
        # Names the NER itself took for places, or the words around called places; no person's name.
        sure = (m.source == "ner" and m.cands) or m.extra.get("called")
        low = m.text.lower()
        plain = not m.text.isupper() and not generic(m.text) and low not in people and low not in COMMON
        if sure and plain:
            words = tuple(t.text for t in doc[m.start : m.end])
            if len(words) <= 3 and all(w[:1].isupper() for w in words if w.isalpha()):
                names.setdefault(words, m)
    if not names:
        return
    longest = max(len(k) for k in names)
    # The token texts once, and the first words of the names: most tokens open none of them.
    texts = [t.text for t in tokens(doc)]
    firsts = {k[0] for k in names if k}
    i = 0
    while i < len(texts):
        if texts[i] not in firsts:
            i += 1
            continue
        for n in range(longest, 0, -1):
            words = tuple(texts[i : i + n])
            first = names.get(words)
            if first is None or taken.intersection(range(i, i + n)) or news_source(i, i + n, doc):
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


_HYPHENATED = re.compile(r"^([A-Z][A-Za-z.]*[A-Za-z.])-[a-z]+$")


def hyphenated(doc: Doc, gaz: Gazetteer, taken: set[int]) -> list[Mention]:
    """A country or big place that opens a hyphenated adjective the tokenizer kept whole ("U.S.-led")."""
    out: list[Mention] = []
    for tok in tokens(doc):
        m = _HYPHENATED.match(tok.text)
        if tok.i in taken or m is None:
            continue
        name = m.group(1)
        cands = gaz.candidates(name)
        if cands and strong(cands, name):
            out.append(Mention(tok.i, tok.i + 1, tok.idx, tok.idx + len(name), name, name, "embedded", "", None, cands))
            taken.add(tok.i)
    return out
