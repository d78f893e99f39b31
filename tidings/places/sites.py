"""Sites no gazetteer holds: streets, buildings, venues, institutions and numbered roads.

"Royal Street", "Jamsil Stadium", "at Terra Kulture in Lagos", "Bourbon and
Dauphine streets", "the A417", "Brands Hatch, Kent": each is kept with source
``facility`` and no candidate; the places stage puts it at the town the article
places it in. An institution is a site only where something happens at it ("at
Barclays Center"), not where it acts ("Cornell University said") nor where
someone works ("a professor at Loyola University").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from tidings.places.gazetteer import demonyms
from tidings.places.mentions import COMMON, DIRECTIONS, TITLES, Mention, capitalised, text_of
from tidings.syntax import tokens
from tidings.words import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# The last word of a named street, landmark or venue ("Royal Street", "Glenrock Lagoon"). Hospitals,
# "centers" and jails are left out: they are mostly institutions ("Cancer Center", "Regional Jail"), not places.
FACILITY_WORDS = words("places", "facility_words")

# Last words of institutions that are first of all buildings or grounds. "Center", "University"
# and the like are left out: the organisation is meant far more often than the site.
INSTITUTION_WORDS = words("places", "institution_words")
# Both lists in one set, made once: ``facilities`` tests every token of the article against it.
_SITE_WORDS = FACILITY_WORDS | INSTITUTION_WORDS

AT_PREPOSITIONS = frozenset({"at", "in", "inside", "outside", "near", "into", "to"})

# Words that alone before a facility word make no name ("Police Station").
NOT_A_NAME = words("places", "not_a_name_words")


def facilities(doc: Doc, taken: set[int], add: Callable[..., Mention]) -> None:
    """Capitalised names ending in a facility word, outside every toponym found so far."""
    for tok in tokens(doc):
        word = tok.lower_.rstrip(".")
        if tok.i in taken or word not in _SITE_WORDS or not tok.text[:1].isupper():
            continue
        start = tok.i
        while start > 0:
            prev = doc[start - 1]
            if prev.i in taken or not (capitalised(prev) or prev.text in ("'s", "’s", "&", "-")):
                break
            start -= 1
        while start < tok.i and (doc[start].lower_ in ("the", "a") or not capitalised(doc[start])):
            start += 1
        civic = word == "hall" and doc[start].lower_ in ("city", "town")  # "at City Hall": the town's seat
        if start == tok.i or (start == tok.i - 1 and doc[start].lower_ in NOT_A_NAME and not civic):
            continue  # "The Street", "Police Station": no name
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and capitalised(nxt) and nxt.pos_ == "PROPN" and nxt.lower_ not in DIRECTIONS:
            continue  # "the Wall Street Journal", "North Summit School District": the name goes on
        goes_on = nxt is not None and nxt.lower_ in ("of", "for") and tok.i + 2 < len(doc)
        if word in INSTITUTION_WORDS and goes_on and capitalised(doc[tok.i + 2]):
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
        add(toks, "facility", tok.ent_type_, None, text_of(toks), ())


# People named by where they work or study: "professor at X University" is an affiliation, not a place.
ROLE_NOUNS = words("places", "role_nouns")


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
BODY_WORDS = words("places", "body_words")

NAME_JOINERS = frozenset({"of", "de", "des", "du", "la", "le", "'s", "’s", "&", "-"})


def venues_in_towns(doc: Doc, mentions: list[Mention], taken: set[int], add: Callable[..., Mention]) -> None:
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
            if prev.i in taken or not (capitalised(prev) or (prev.lower_ in NAME_JOINERS and start < end)):
                break
            start -= 1
        while start < end and not capitalised(doc[start]):
            start += 1
        toks = list(doc[start:end])
        if not toks or not capitalised(toks[-1]) or start == 0:
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
        add(toks, "facility", toks[0].ent_type_, None, text_of(toks), ())


# Lower-case street nouns after the names they complete ("Bourbon and Dauphine streets").
STREET_NOUNS = words("places", "street_nouns")


def named_before_street_noun(doc: Doc, towns: set[str], taken: set[int], add: Callable[..., Mention]) -> None:
    """Names before a lower-case street noun, one or a list: "the Champs-Elysees boulevard",
    "at the corner of State and Hubbard streets". Each name is a site of the story's town;
    not a place named elsewhere ("the Cirencester junction": the junction at that town) nor a modifier
    ("the MIFF cinema awards")."""
    for tok in tokens(doc):
        if tok.i in taken or tok.lower_ not in STREET_NOUNS or not tok.text.islower() or tok.i == 0:
            continue
        if tok.dep_ == "compound":
            continue
        names: list[list[Token]] = []
        cur: list[Token] = []
        i = tok.i - 1
        while i >= 0 and i not in taken:
            t = doc[i]
            if capitalised(t) or (t.text == "-" and cur):
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
            if not name or len(name) > 4 or len(text_of(name)) < 3 or words[0] in TITLES or words[0] in demonyms():
                continue
            if all(w in COMMON or w in DIRECTIONS for w in words) or name[0].ent_type_ == "DATE":
                continue
            if any(t.pos_ in ("DET", "PRON", "AUX", "VERB") for t in name):  # "This avenue"
                continue
            if text_of(name) in towns:
                continue
            add(name, "facility", name[0].ent_type_, None, text_of(name), ())


# British road numbers ("the A417", "the M4", "the A1(M)"); read only after "the" (or in a list
# that opens with one) in a story about roads, where they cannot be paper sizes or aircraft.
ROAD_NUMBER = re.compile(r"^[AM]\d{1,4}(?:\(M\))?$")

# Words of a story about roads.
ROAD_WORDS = words("places", "road_words")


def road_numbers(doc: Doc, taken: set[int], add: Callable[..., Mention]) -> None:
    """Numbered roads ("a crash on the A120", "via the A436, A40 and A429"), kept as sites of their town."""
    if not any(t.lower_ in ROAD_WORDS for t in tokens(doc)):
        return
    last = -10  # the token index of the last road number taken
    for tok in tokens(doc):
        if tok.i in taken or tok.i == 0 or not ROAD_NUMBER.match(tok.text):
            continue
        prev = doc[tok.i - 1]
        listed = prev.lower_ in (",", "and", "or") and tok.i - last <= 2
        if prev.lower_ == "the" or listed:
            add([tok], "facility", tok.ent_type_, None, tok.text, ())
            last = tok.i


def before_division(doc: Doc, mentions: list[Mention], taken: set[int], add: Callable[..., Mention]) -> None:
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
        while begin > 0 and begin - 1 not in taken and capitalised(doc[begin - 1]) and end - begin < 4:
            begin -= 1
        toks = list(doc[begin:end])
        if not toks or toks[0].ent_type_ in ("PERSON", "DATE", "NORP") or toks[0].lower_.rstrip(".") in TITLES:
            continue
        if begin > 0 and (capitalised(doc[begin - 1]) or doc[begin - 1].like_num) and doc[begin - 1].text not in ":":
            continue  # part of a longer name, or "25 Main Street" style addresses handled elsewhere
        add(toks, "facility", toks[0].ent_type_, None, text_of(toks), ())
