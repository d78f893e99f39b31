"""Finding the noun phrases that name actors (``Unit``s) in a parsed article.

Dictionary phrases are matched on the tokens (longest first); a match that is
money ("US $50 million"), part of a longer name ("Karen Bass") or a product
("a Boeing 777") is dropped, and names the parser tags PERSON or ORG that no
table knows are added. Each match is then a *piece* rooted at one token: a piece
that can head a phrase ("police", "Lukashenko", "the Kremlin") starts a unit,
and the others ("Belarusian", "riot", "of Poland") join the unit of the noun
they modify, adding their clues (``clues.add_clues``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tidings.actors.clues import KIN_NOUNS, NP_DEPS, NP_PREPS, Unit, add_clues
from tidings.actors.lexicon import ActorLexicon, Entry
from tidings.syntax import sentence_tokens, tokens
from tidings.words import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Nouns for people or groups that an agent word can qualify ("opposition candidates").
GROUP_HEADS = words("actors", "group_heads")
#: Plural nouns for members of a people ("Ibo elders"), besides GROUP_HEADS.
PEOPLE_MEMBERS = words("actors", "people_members")
_GROUPS_OR_MEMBERS = GROUP_HEADS | PEOPLE_MEMBERS
#: Last words of a name that make it a thing, not an actor ("Temporary Protected Status").
THING_HEADS = words("actors", "thing_heads")
#: Nouns of settlements and areas: a name before one is a place's ("Bela Bela villages").
PLACE_NOUNS = frozenset({"village", "town", "city", "district", "province", "region", "camp", "settlement"})
#: Names the parser takes for people or bodies that news uses for a policy or a process.
NOT_ACTOR_NAMES = words("actors", "not_actor_names")
#: Name words of parties, fronts and militias ("the Ennahda party").
MOVEMENT_WORDS = words("actors", "movement_words")
#: Nouns that say a name is a company's ("packaging maker Svea Pack").
COMPANY_NOUNS = words("actors", "company_nouns")
# Heads of an organisation: "the president of the European Council" acts for the organisation.
OFFICE_HEADS = words("actors", "office_heads")

#: A dictionary match: the token it is rooted at, its entries, and the tokens it covers.
Piece = tuple["Token", list[Entry], set[int]]


def find_units(lex: ActorLexicon, doc: Doc, skip: frozenset[int] = frozenset()) -> list[Unit]:
    """The units of ``doc`` in text order, each with the clues of the pieces it holds; no name
    on a token of ``skip`` (the dateline: where the reporter files from) is an actor's."""
    pieces = [p for p in _promote(_pieces(lex, doc)) if not skip.intersection(p[2] | {p[0].i})]
    heads: dict[int, Unit] = {}
    piece_at = {root.i: (entries, toks) for root, entries, toks in pieces}
    # Heads first, so modifiers can find the unit they belong to.
    for root, entries, _ in pieces:
        host = _host(root, piece_at)
        top = host
        for _ in range(4):  # the head the host itself hangs on ("Putin's spokesman Dmitry Peskov")
            above = _host(doc[top], piece_at) if top is not None else None
            if above is None:
                break
            top = above
        if _can_head(root, entries) and (top is None or _two_people(lex, entries, piece_at[top][0])):
            heads[root.i] = Unit(head=root.i)
    for root, entries, toks in pieces:
        _attach(lex, doc, heads, piece_at, (root, entries, toks))
    before_movement = _MovementMemo()
    for unit in heads.values():
        unit.company = _company_name(doc[unit.head], unit)
        unit.movement = _movement_word(doc, unit, before_movement)
    return [heads[i] for i in sorted(heads)]


@dataclass(slots=True)
class _MovementMemo:
    """Per article: where its party and front words are, and per name length the words before each."""

    at: list[int] | None = None
    by_length: dict[int, dict[tuple[str, ...], str]] = field(default_factory=dict)


def _movement_word(doc: Doc, unit: Unit, memo: _MovementMemo) -> str:
    """The party or front word the article writes after a bare name elsewhere: "Ennahda" after "the
    Islamist Ennahda party" is that party. ``memo`` keeps, per name length, the words before each
    party or front word of the doc (the first time each is written), built once per article."""
    if not (unit.org_text or unit.person_text) or unit.sectors or unit.igo or unit.known or unit.persons:
        return ""
    if unit.countries:
        return ""
    name = (unit.org_text or unit.person_text).split()
    if any(w.lower() in MOVEMENT_WORDS for w in name):
        return ""
    n = len(name)
    if n not in memo.by_length:
        found: dict[tuple[str, ...], str] = {}
        toks = tokens(doc)
        if memo.at is None:
            memo.at = [t.i for t in toks if t.lower_ in MOVEMENT_WORDS]
        for k in (k for k in memo.at if k >= n):
            found.setdefault(tuple(x.text for x in toks[k - n : k]), toks[k].lower_)
        memo.by_length[n] = found
    return memo.by_length[n].get(tuple(name), "")


def _company_name(head: Token, unit: Unit) -> bool:
    """A name no table knows that a company noun introduces: "packaging maker Svea Pack", "the
    mining company Moruo", "Acme, a German retailer"."""
    if not (unit.person_text or unit.org_text) or unit.persons or unit.known or unit.igo or unit.sectors:
        return False
    near = [c for c in head.children if c.dep_ in ("compound", "amod", "appos", "nmod")]
    if head.dep_ == "appos":
        near.append(head.head)
    return any(t.lemma_.lower() in COMPANY_NOUNS and t.pos_ == "NOUN" for t in near)


#: The end of a dateline's place words: "PRETORIA, South Africa (WNS) —", "KYIV (AP) -", "WASHINGTON —".
_DATELINE_END = re.compile(r"[^\n]{0,80}?(?:\([^()\n]{1,40}\)\s*(?:[-–—]+)?|\s[-–—]+)(?=\s)")


def dateline_tokens(doc: Doc, start: int | None) -> frozenset[int]:
    """The tokens of the dateline that starts at character ``start``: its place, date and wire
    ("JEDDAH, Saudi Arabia —"), never an actor nor part of the subject the parser glues it to."""
    if start is None:
        return frozenset()
    m = _DATELINE_END.match(doc.text, start)
    if m is None:
        return frozenset()
    return frozenset(t.i for t in doc if start <= t.idx < m.end())


def _matches(lex: ActorLexicon, doc: Doc) -> dict[int, tuple[int, list[Entry]]]:
    """Dictionary matches by start token: (end, entries), longest first, not overlapping."""
    text = [t.text for t in tokens(doc)]
    out: dict[int, tuple[int, list[Entry]]] = {}
    memo: dict[int, tuple[int, list[Entry]]] = {}

    def at(j: int) -> tuple[int, list[Entry]]:
        if j not in memo:
            memo[j] = lex.match(text, j)
        return memo[j]

    def longer_name_inside(i: int, end: int) -> bool:
        # "Premier Li" is not the name in "Premier Li Keqiang": a capitalised name that starts
        # inside the match and runs past it wins ("Jewish community leader" keeps its people).
        return any(
            at(j)[1] and at(j)[0] > end and all(w[:1].isupper() for w in text[j : at(j)[0]]) for j in range(i + 1, end)
        )

    i = 0
    while i < len(doc):
        end, entries = at(i)
        if entries and not longer_name_inside(i, end):
            out[i] = (end, entries)
            i = end
        else:
            i += 1
    return out


def _root(doc: Doc, start: int, end: int) -> Token:
    """The token of a span whose head lies outside it (never a determiner: "the Kremlin")."""
    outside = [t for t in doc[start:end] if not (start <= t.head.i < end) or t.head.i == t.i]
    content = [t for t in outside if t.dep_ not in ("det", "punct", "case")]
    return (content or outside or [doc[end - 1]])[-1]


def _same_person(lex: ActorLexicon, name: Sequence[Token], entries: list[Entry]) -> bool:
    """Whether a longer name holding a Phoenix name is that person: it ends in it and its other
    words are the person's ("Carlos Saul Menem" for "Carlos Menem"), not another first name
    ("Anna Kovac" is not Michal Kovac)."""
    full = {w.lower() for e in entries for w in lex.known[int(e.key)].name.split()}
    return all(t.lower_ in full or not t.text[:1].isupper() for t in name)


def _pieces(lex: ActorLexicon, doc: Doc) -> list[Piece]:
    """Every dictionary match that names something, then the parser's unknown names."""
    matches = _matches(lex, doc)
    pieces: list[Piece] = []
    covered: set[int] = set()
    # A Phoenix name inside a longer name ("Hussein" in "Mohammed Hussein Roble") is not that person.
    names = [(e.start, e.end) for e in doc.ents if e.label_ == "PERSON"]
    org_names = [(e.start, e.end) for e in doc.ents if e.label_ == "ORG" and e.end - e.start > 1]
    for start, (end, found) in matches.items():
        # The project's own tables (current to 2026) outrank the old Phoenix rows.
        entries = [e for e in found if e.kind != "known"] or found
        if _not_an_actor(lex, doc, matches, (start, end, entries), names, org_names):
            continue
        if {e.kind for e in entries} == {"igo"}:
            # "Apple Computer", "Boeing Co.": the organisation's name as the text writes it in full
            end = max([end, *(b for a, b in org_names if a == start and b > end)])
        pieces.append((_root(doc, start, end), entries, set(range(start, end))))
        covered.update(range(start, end))
    for ent in doc.ents:
        if ent.label_ in ("PERSON", "ORG") and not covered.intersection(range(ent.start, ent.end)):
            if _names_a_thing(ent):
                continue
            kind = "person" if ent.label_ == "PERSON" else "org"
            pieces.append((ent.root, [Entry(kind, ent.text)], set(range(ent.start, ent.end))))
            covered.update(range(ent.start, ent.end))
    return pieces


def _not_an_actor(
    lex: ActorLexicon,
    doc: Doc,
    matches: dict[int, tuple[int, list[Entry]]],
    match: tuple[int, int, list[Entry]],
    names: list[tuple[int, int]],
    org_names: list[tuple[int, int]],
) -> bool:
    """Whether a dictionary match is money, part of another name or a product, not an actor."""
    start, end, entries = match
    kinds = {e.kind for e in entries}
    if _currency(doc, end, entries):
        return True  # "US $50 million", "U.S. dollars": money, not the country
    if (
        kinds in ({"people"}, {"region"})
        and end < len(doc)
        and doc[end].pos_ == "PROPN"
        and doc[end].text[:1].isupper()
    ):
        return True  # "Karen Bass", "Tamil Nadu", "Western Cape": a given name or part of a place name
    if kinds == {"agent"} and doc[start].text == "National" and end < len(doc) and doc[end].text[:1].isupper():
        return True  # "National Union for ...": the adjective of a name, not "a national" (citizen)
    if kinds == {"agent"} and doc[start].text[:1].isupper():
        # "Government Accountability Office": a word inside a name whose head is another
        # word is no agent of its own; the name is the actor (an organisation).
        inside = [(a, b) for a, b in org_names if a <= start and end < b]
        if inside and not any(
            a <= i < b and {e.kind for e in es} != {"agent"} for a, b in inside for i, (_, es) in matches.items()
        ):
            return True
    kin = kinds == {"agent"} and doc[start].text[:1].isupper() and doc[start].lower_.rstrip("s") in KIN_NOUNS
    if kin and any(a < start and end <= b for a, b in org_names):
        return True  # "Lehman Brothers": a firm's name, no relative
    # A Phoenix person inside a longer name is another person, unless the longer name is that
    # person's ("Carlos Saul Menem" for Phoenix's "Carlos Menem": the same man).
    if all(e.kind == "known" and lex.known[int(e.key)].kind == "person" for e in entries) and any(
        a <= start and end <= b and (a, b) != (start, end) and not _same_person(lex, list(doc[a:b]), entries)
        for a, b in names
    ):
        return True
    return (
        kinds == {"igo"}
        and all(e.key.endswith("BUS") for e in entries)
        and end < len(doc)
        and any(c.isdigit() for c in doc[end].text)
    )  # "a Boeing 777", "Airbus A320": a company's product, not the company


def _names_a_thing(ent: Span) -> bool:
    """A name the parser calls a person or organisation that names no actor: one that only
    qualifies a thing or a place ("the Search box", "Hoa Lo prison", "Bela Bela villages"), one whose
    last word says it is a thing ("Temporary Protected Status", "the Emilia Romagna Grand Prix"),
    or a word news uses for a policy or a process ("Brexit")."""
    root = ent.root
    if ent.text.lower().strip() in NOT_ACTOR_NAMES:
        return True
    if ent[-1].lower_ in THING_HEADS:
        return True
    return (
        root.dep_ == "compound"
        and root.head.pos_ == "NOUN"
        and root.head.i >= ent.end
        and (root.head.lemma_.lower() in THING_HEADS or root.head.lemma_.lower() in PLACE_NOUNS)
    )


def _promote(pieces: list[Piece]) -> list[Piece]:
    """ "opposition candidates", "Ugandan opposition candidates": an agent word that
    modifies a plain noun names the actor that noun heads."""
    promoted: list[Piece] = []
    roots = {root.i for root, _, _ in pieces}
    for root, entries, toks in pieces:
        head = root.head
        if (
            {e.kind for e in entries} == {"agent"}
            and root.dep_ in ("compound", "amod")
            and head.pos_ == "NOUN"
            and head.lemma_.lower() in GROUP_HEADS  # not "police violence"
            and head.i not in roots
            and head.i != root.i
        ):
            promoted.append((head, entries, toks | {head.i}))
            roots.add(head.i)
        else:
            promoted.append((root, entries, toks))
    return promoted


def _can_head(tok: Token, entries: list[Entry]) -> bool:
    """Whether a piece rooted at ``tok`` can head a unit of its own."""
    kinds = {e.kind for e in entries}
    if kinds == {"agent"} and tok.pos_ not in ("NOUN", "PROPN"):
        return False  # "protest" the verb, "general" the adjective
    if kinds & {"agent", "person", "org", "igo", "country", "metonym", "known"}:
        return True
    if "adjective" in kinds and tok.dep_ == "ROOT" and not any(t.pos_ in ("VERB", "AUX") for t in sentence_tokens(tok)):
        return True  # a bare "British" (a headline, a list, a caption): the country's people
    return (
        bool(kinds & {"adjective", "people"}) and tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("amod", "compound")
    )


def _is_person(lex: ActorLexicon, entries: list[Entry]) -> bool:
    return any(e.kind == "person" or (e.kind == "known" and lex.known[int(e.key)].kind == "person") for e in entries)


def _two_people(lex: ActorLexicon, entries: list[Entry], host: list[Entry]) -> bool:
    """Whether a named person the parser hung on another person's name is someone else: "Foreign
    Minister Mohamed Siyala and Deputy Secretary Elaine Duke", "Putin's spokesman Dmitry Peskov"."""
    return _is_person(lex, entries) and _is_person(lex, host)


def _attach(
    lex: ActorLexicon,
    doc: Doc,
    heads: dict[int, Unit],
    piece_at: dict[int, tuple[list[Entry], set[int]]],
    piece: Piece,
) -> None:
    """Add a piece's clues to the unit it heads or modifies (making one where it names a people)."""
    root, entries, toks = piece
    kinds = {e.kind for e in entries}
    host = None if root.i in heads else _host(root, piece_at)
    named = any(e.kind in ("person", "org", "igo", "known") for e in entries)
    if host is not None and root.dep_ == "pobj" and named and not _office_of(root, entries):
        # "the sister of leader Kim Jong Un": a named actor after "of" is another actor.
        host = None
        if _can_head(root, entries):
            heads.setdefault(root.i, Unit(head=root.i))
    if root.i in heads:
        unit = heads[root.i]
    elif host is not None and host in heads:
        unit = heads[host]
    elif host is not None:
        # The host is itself a modifier of another unit: climb to it.
        h: int | None = host
        while h is not None and h not in heads:
            h = _host(doc[h], piece_at)
        if h is None:
            return
        unit = heads[h]
    elif kinds == {"adjective"} and root.dep_ in ("amod", "compound"):
        # "Palestinian lorries", "Belarusian presidential elections": no actor
        # heads the phrase, but it still names the country.
        if _names_a_people(root):
            # "Iraqi Kurds", "Syrian Druze": a people of that country, not the state.
            _add_people(lex, doc, heads, piece)
            return
        unit = heads.setdefault(root.i, Unit(head=root.i))
    elif (
        kinds == {"people"}
        and root.dep_ in ("amod", "compound")
        and root.i + 1 in heads
        and doc[root.i + 1].head.i == root.head.i
    ):
        # "a Karen guerrilla stronghold", parsed as two modifiers of "stronghold":
        # the people qualifies the agent noun that follows it.
        unit = heads[root.i + 1]
    elif kinds == {"people"} and _people_of(root):
        # "Ibo elders", "Pashtun tribesmen": members of that people.
        _add_people(lex, doc, heads, piece)
        return
    else:
        return
    unit.tokens |= toks
    add_clues(lex, doc, unit, root, entries, toks)


def _add_people(lex: ActorLexicon, doc: Doc, heads: dict[int, Unit], piece: Piece) -> None:
    """Make the noun a people's name qualifies ("Iraqi Kurds", "Ibo elders") a unit for that people."""
    root, entries, toks = piece
    unit = heads.setdefault(root.head.i, Unit(head=root.head.i))
    unit.tokens |= toks | {root.head.i}
    add_clues(lex, doc, unit, root, entries, toks)
    unit.demonym = bool(unit.countries)


def _host(tok: Token, piece_at: dict[int, tuple[list[Entry], set[int]]]) -> int | None:
    """The unit head a modifier belongs to, if its phrase has one."""
    t = tok
    for _ in range(4):
        if t.dep_ in NP_DEPS and t.head.i != t.i:
            parent = t.head
        elif t.dep_ == "pobj" and t.head.lower_ in NP_PREPS and t.head.head.pos_ in ("NOUN", "PROPN"):
            parent = t.head.head
        elif t.dep_ == "conj" and t.head.dep_ == "pobj" and t.head.head.lower_ in NP_PREPS:
            parent = t.head
        elif t.dep_ == "conj" and t.head.dep_ in ("amod", "compound") and t.head.head.i != t.head.i:
            parent = t.head.head  # "Russian and Ukrainian negotiators": both qualify the noun
        else:
            return None
        if parent.i in piece_at:
            return parent.i
        if parent.lower_ in ("born", "based") and parent.dep_ == "amod" and t.dep_ == "npadvmod":
            t = parent  # "Australian-born Assange", "a Lagos-based lawyer": of that country
            continue
        if parent.pos_ not in ("NOUN", "PROPN"):
            return None
        t = parent
    return None


def _currency(doc: Doc, end: int, entries: list[Entry]) -> bool:
    """A country name that only says which money: "US $50 million", "U.S. dollars"."""
    if end >= len(doc) or not all(e.kind in ("country", "adjective") for e in entries):
        return False
    nxt = doc[end]
    return nxt.text.startswith("$") or nxt.lower_ in ("dollar", "dollars")


def _names_a_people(adjective: Token) -> bool:
    """A demonym before a plural people name is a people of that country: "Iraqi Kurds",
    "Ukrainian Catholics" (not "Belarusian elections" nor "Turkish Airlines")."""
    head = adjective.head
    # (the parser's NORP: a people or group, not "Turkish Airlines", an ORG)
    return (
        adjective.dep_ in ("amod", "compound")
        and head.i != adjective.i
        and head.tag_ in ("NNPS", "NNS")
        and head.ent_type_ == "NORP"
    )


def _people_of(word: Token) -> bool:
    """A people's name before a plural noun for its members: "Ibo elders", "Karen villagers"
    (not "Karen villages")."""
    head = word.head
    return (
        word.dep_ in ("amod", "compound")
        and head.i != word.i
        and head.tag_ in ("NNS", "NNPS")
        and (head.ent_type_ == "NORP" or head.lemma_.lower() in _GROUPS_OR_MEMBERS)
    )


def _office_of(tok: Token, entries: list[Entry]) -> bool:
    """Whether ``tok`` is the organisation in "the <office> of <organisation>"."""
    return all(e.kind == "igo" for e in entries) and tok.head.lower_ == "of" and tok.head.head.lower_ in OFFICE_HEADS
