"""The clues one noun phrase gives about its actor, gathered into a ``Unit``.

A ``Unit`` is a noun phrase that names an actor (``units.py`` finds them). Each
dictionary match inside it adds a clue: a country or its adjective, a seat of
government that acts ("the Kremlin said"), an agent noun's sector ("riot
police": COP), a person, an organisation, a people. After the units are found,
two more clues may give a country the phrase does not name: a place the places
stage resolved ("police in Kharkiv") and a state or province ("Rakhine rebels").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tidings.actors.lexicon import ActorLexicon, Entry, admin1_countries, fold_name, swaps
from tidings.model import Place
from tidings.syntax import LOCATIVE_PREPS, sentence_tokens
from tidings.words import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Modifier dependencies that tie a word to the noun phrase of its head.
NP_DEPS = frozenset({"compound", "amod", "nmod", "appos", "poss", "npadvmod"})
# Prepositions whose object still describes the noun above ("agitators from Poland").
NP_PREPS = frozenset({"of", "from", "in"})
# Dependencies of a seat of government that acts ("the Kremlin said"), not where things happen.
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "agent", "dative", "conj", "appos", "attr"})
# Modifiers that make an office holder an ex-office holder ("ousted president").
FORMER = words("actors", "former_words")
# Nouns of sites in a city: a capital that names one is the city, not its government.
_SITE_HEADS = words("actors", "thing_heads") | {"city", "district", "suburb", "province", "region", "outskirts"}
#: Nouns for a person's relatives: "the sister of the Uzbek immigrant" is a civilian of his country.
KIN_NOUNS = words("actors", "kin_nouns")
# Words in an unknown organisation's name that give its sector.
ORG_SECTOR_WORDS = {
    "ministry": "GOV",
    "government": "GOV",
    "police": "COP",
    "army": "MIL",
    "military": "MIL",
    "forces": "MIL",
    "party": "PTY",
    "court": "JUD",
    "parliament": "LEG",
    "assembly": "LEG",
    "university": "EDU",
    "company": "BUS",
    "union": "LAB",
    "church": "REL",
    "agency": "GOV",
    "council": "GOV",
    "institute": "EDU",
    "college": "EDU",
    "school": "EDU",
    "academy": "EDU",
    "hospital": "HLH",
    "clinic": "HLH",
    "newspaper": "MED",
    "television": "MED",
    "radio": "MED",
    "corporation": "BUS",
    "airlines": "BUS",
    "cartel": "CRM",
    "medical": "HLH",
    "health": "HLH",
    "treasury": "GOV",
    "provincial": "GOV",
    "municipal": "GOV",
    "municipality": "GOV",
    "prosecution": "JUD",
    "department": "GOV",
    "intelligence": "SPY",
}


@dataclass(slots=True)
class Unit:
    """One noun phrase that names an actor, with the clues collected for it."""

    head: int  # token index
    tokens: set[int] = field(default_factory=set)
    countries: list[str] = field(default_factory=list)
    government: bool = False  # a seat-of-government metonym ("the Kremlin")
    sectors: list[tuple[str, str]] = field(default_factory=list)  # (sector, phrase)
    persons: list[str] = field(default_factory=list)  # canonical names from the office table
    person_text: str = ""  # the name as written
    igo: str = ""
    demonym: bool = False
    org_text: str = ""
    former: bool = False
    movement: str = ""  # "party", "front": the word the article writes after the name elsewhere ("Ennahda party")
    company: bool = False  # a name a company noun introduces ("packaging maker Svea Pack")
    kin: bool = False  # headed by a relative ("the wife of the ambassador"): a civilian, whoever the relative
    coordinated: bool = False  # "agitators from Poland and the Netherlands": one actor per country
    head_kind: str = ""  # what the head word itself is (country, person, agent, igo...)
    known: list[int] = field(default_factory=list)  # rows of the Phoenix table (``ActorLexicon.known``)
    ethnic: bool = False  # "ethnic Albanians": a people whose country is where they live
    igo_later: str = ""  # codes the group takes later ("AFGGOV@2021-08-15": the Taliban in power)
    igo_name: str = ""  # the body's own name in igos.tsv
    region: tuple[str, str] = ("", "")  # a world region's CAMEO code and words ("WAF", "West African")


def add_clues(lex: ActorLexicon, doc: Doc, unit: Unit, root: Token, entries: list[Entry], toks: set[int]) -> None:
    """Add what the matched phrase ``toks`` (rooted at ``root``) says to ``unit``."""
    text = doc[min(toks) : max(toks) + 1].text
    if root.dep_ == "conj" and any(e.kind in ("country", "adjective") for e in entries):
        unit.coordinated = True
    if root.i == unit.head and entries and not unit.head_kind:
        unit.head_kind = entries[0].kind
    first = min(toks)
    # "an anti-Syria journalist", "pro-Russian separatists": the country is what they oppose
    # or favour, not theirs.
    stance = stance_at(doc, first)
    # "ethnic Albanians in Serbia": an ethnic group, whose country is where they live.
    ethnic = any(t.lower_ == "ethnic" for t in (*root.children, *doc[unit.head].children)) or (
        first >= 1 and doc[first - 1].lower_ == "ethnic"
    )
    for e in entries:
        if e.kind in ("country", "adjective") and (stance or (ethnic and e.kind == "adjective")):
            unit.ethnic = unit.ethnic or ethnic
            continue
        if e.kind == "country":
            unit.countries.append(e.key)
        elif e.kind == "adjective":
            unit.countries.append(e.key)
            if root.i == unit.head and root.pos_ in ("NOUN", "PROPN") and root.dep_ not in ("amod", "compound"):
                unit.demonym = True  # "Belarusians", not "Belarusian elections"
        elif e.kind == "region":
            # "West African leaders", "Western diplomats": of a region, not of one state.
            if not stance:
                unit.region = (e.key, text)
        elif e.kind == "people":
            # "the Karen", "Uyghur activists": a people of its country; one that lives in
            # several ("Kurds", "Tamil refugees") takes the country where it lives.
            if e.key and not stance:
                unit.countries.append(e.key)
            else:
                unit.ethnic = True
            if root.i == unit.head and root.dep_ not in ("amod", "compound"):
                unit.demonym = bool(unit.countries) or unit.demonym
        elif e.kind == "metonym":
            # A capital city is a government only when it acts, not where things happen.
            if root.i == unit.head and not _acts(root):
                continue
            unit.countries.append(e.key)
            unit.government = True
        elif e.kind == "agent" and root.i == unit.head and root.lemma_.lower() in KIN_NOUNS:
            unit.kin = True
            unit.sectors.append(("CVL", text.lower()))
        elif e.kind == "agent":
            # The primary sector codes the actor ("defence minister": GOV, not MIL); a
            # legislature or intelligence service is a sector of its own (CAMEO LEG, SPY)
            # that Phoenix writes under GOV or MIL ("military intelligence" MIL+SPY).
            primary = e.sector2 if (e.key, e.sector2) in (("GOV", "LEG"), ("MIL", "SPY")) else e.key
            unit.sectors.append((primary, text.lower()))
            if any(t.lower_ in FORMER for t in root.children) or text.lower().startswith("ex-"):
                unit.former = True
        elif e.kind == "person":
            if e.key in lex.offices:
                unit.persons.append(e.key)
            unit.person_text = unit.person_text or text
            _name_title(doc, first, unit)
        elif e.kind == "igo":
            unit.igo = e.key
            unit.igo_later = e.later
            unit.igo_name = e.name
        elif e.kind == "org":
            unit.org_text = text
        elif e.kind == "known":
            unit.known.append(int(e.key))
            if lex.known[int(e.key)].kind == "person" or root.ent_type_ == "PERSON":
                # the name as the text writes it: "Carlos Menem", matched on "Menem"
                ent = next((x for x in doc.ents if x.label_ == "PERSON" and x.start <= root.i < x.end), None)
                unit.person_text = unit.person_text or (ent.text if ent is not None else text)
            else:
                unit.org_text = unit.org_text or text
    for child in doc[unit.head].children:
        if child.lower_ in FORMER:
            unit.former = True


#: Capitalised titles written before a name, with the sector they give ("Justice Brett
#: Kavanaugh": JUD); as words they are too common to be agent nouns ("seek justice").
NAME_TITLES = dict(w.split("=") for w in words("actors", "name_titles"))


def _name_title(doc: Doc, first: int, unit: Unit) -> None:
    """A capitalised title right before a name gives the person's sector."""
    if first == 0 or unit.sectors:
        return
    word = doc[first - 1].text
    sector = NAME_TITLES.get(word.lower()) if word[:1].isupper() else None
    if sector:
        unit.sectors.append((sector, word.lower()))
        unit.tokens.add(first - 1)


def place_clues(doc: Doc, units: list[Unit], places: list[Place]) -> None:
    """A resolved place that qualifies an actor gives its country: "Rakhine rebels",
    "police in Kharkiv", "the Madras High Court" (names no country table lists)."""
    located = [(p.start, p.end, p.country) for p in places if p.country]
    if not located:
        return

    def country_at(tok: Token) -> str | None:
        if stance_at(tok.doc, tok.i):
            return None
        return next((c for a, b, c in located if a <= tok.idx < b), None)

    for unit in units:
        if unit.countries or unit.igo or unit.known or unit.persons or unit.person_text or unit.region[0]:
            continue  # ("Western diplomats in Kyiv" are not Ukraine's)
        head = doc[unit.head]
        # "ethnic Albanian guerrillas": the demonym names the people, not their country.
        qualifiers = [c for c in head.children if c.dep_ in ("compound", "amod", "nmod")] if not unit.ethnic else []
        qualifiers += [
            g
            for c in head.children
            if c.dep_ == "prep" and c.lower_ in NP_PREPS
            for g in c.children
            if g.dep_ == "pobj"
        ]
        qualifiers += _located_by_participle(head)
        # "the Wuhan-based company": the place a "-based" word names
        qualifiers += [
            g
            for c in head.children
            if c.lower_ == "based" and c.dep_ == "amod"
            for g in c.children
            if g.dep_ == "npadvmod"
        ]
        if head.dep_ == "ROOT" and not any(t.pos_ in ("VERB", "AUX") for t in sentence_tokens(head)):
            qualifiers.append(head)  # a bare name: "Mariupol"
        for w in qualifiers:
            country = country_at(w)
            if country:
                unit.countries.append(country)
                break


def admin1_clues(doc: Doc, units: list[Unit]) -> None:
    """A state or province that qualifies an actor and that the places stage did not take as a
    place ("Rakhine rebels": an adjective to the parser) gives the country it belongs to."""
    regions = admin1_countries()
    for unit in units:
        if unit.countries or unit.igo or unit.known or unit.persons or unit.person_text:
            continue
        if unit.org_text and not unit.sectors:
            # "Aboriginal Medical Services Alliance Northern Territory": a region in the name of
            # a body whose name says what it is (else the name would be coded as the country)
            name = unit.org_text.split()
            if not any(w.lower() in ORG_SECTOR_WORDS for w in name):
                continue
            grams = (" ".join(name[i : i + n]) for n in (3, 2, 1) for i in range(len(name) - n + 1))
            country = next((regions[g] for g in map(fold_name, grams) if g in regions), None)
            if country:
                unit.countries.append(country)
            continue
        if not unit.sectors:
            continue
        head = doc[unit.head]
        for child in head.children:
            if child.dep_ not in ("compound", "amod", "nmod") or not child.text[:1].isupper():
                continue
            if stance_at(doc, child.i):
                continue
            # "Khyber Pakhtunkhwa police": the whole name before the head, else the word itself
            span = doc[child.left_edge.i : child.i + 1].text
            country = regions.get(fold_name(span)) or regions.get(fold_name(child.text))
            if country is None and len(child.text) >= 5:
                # a slip of the keys ("Dehli police")
                country = next((regions[v] for v in map(fold_name, swaps(child.text)) if v in regions), None)
            if country:
                unit.countries.append(country)
                break


def _acts(tok: Token) -> bool:
    """Whether a seat of government acts in its sentence ("Moscow said"), not a place ("in Moscow")."""
    if tok.dep_ == "pobj" and (tok.head.lower_ in LOCATIVE_PREPS or tok.head.lower_ == "of"):
        return False  # "in Moscow", "the streets of Rome"
    if tok.dep_ == "ROOT" and not any(t.pos_ in ("VERB", "AUX") for t in sentence_tokens(tok)):
        return True  # a bare name (a headline, a list, a caption): "Beijing", "The Pentagon"
    if tok.dep_ == "compound" and tok.head.lemma_.lower() in _SITE_HEADS:
        return False  # "Kathmandu airport", "Moscow's Lefortovo prison": a place in the city
    if tok.dep_ == "compound" or tok.dep_ == "poss":
        return True
    return tok.dep_ in ARGUMENT_DEPS


def stance_at(doc: Doc, i: int) -> bool:
    """Whether token ``i`` follows "anti-" or "pro-" ("anti-Syria", "pro-Russian")."""
    if doc[i].lower_.startswith(("anti-", "pro-")):
        return True
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in ("anti", "pro")


def _located_by_participle(head: Token) -> list[Token]:
    """Places where a group is said to be by a participle: "guerrillas operating in
    Macedonia", "militants based in Waziristan"."""
    return [
        g
        for c in head.children
        if c.dep_ == "acl" and c.tag_ in ("VBG", "VBN")
        for p in c.children
        if p.dep_ == "prep" and p.lower_ in LOCATIVE_PREPS
        for g in p.children
        if g.dep_ == "pobj"
    ]
