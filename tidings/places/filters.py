"""The last sieve of recognition: drop what is more likely a person, a source or a word than a place.

:func:`keep` drops a mention that names a person of the article ("Buhari" after
"Muhammadu Buhari"), a speaker ("Xinhua reported"), an institution acting
("the Kremlin denies") or a generic word; :func:`placed_unknowns` drops the
NER's place names the gazetteer lacks unless the words around make them places
("in Khayelitsha", "raided Qzorvenkatal").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tidings.places.gazetteer import Candidate, Gazetteer
from tidings.places.mentions import (
    ADMIN_WORDS,
    AREA_WORDS,
    CITY_WORDS,
    FEATURE_WORDS,
    GENERIC,
    LOCATIVE,
    PLACE_LABELS,
    TITLES,
    Mention,
    after_locative,
    capitalised,
    generic,
)
from tidings.places.persons import person_words
from tidings.words import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def keep(m: Mention, doc: Doc, gaz: Gazetteer) -> bool:
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
    named = m.end - m.start == 1 and m.text.lower() in person_words(doc) and not m.extra.get("called")
    if not m.cands and (generic(m.text) or named):
        return False  # "the Centre"; "Buhari" after "Muhammadu Buhari" (but "the suburb of Madinaty")
    first = doc[m.start]
    if m.end - m.start == 1 and m.parent is None and _speaker(first) and not _notable(m.cands):
        return False  # "Xinhua reported", "Brent told CTV": a small town does not speak, a person or agency does
    if not m.cands and (not first.text[:1].isupper() or first.lower_.rstrip(".") in TITLES):
        return False  # "meth", "Easter", "Ms Raggi", "Nurse Campbell": no name the gazetteer lacks looks like that
    if m.end - m.start == 1 and m.text.lower() in person_words(doc):
        # "Georgia" after "Georgia Smith": a place only with a preposition or "Name, Region".
        return after_locative(doc, m.start) or m.parent is not None
    return True


# Verbs of saying: their subject is a person or an agency, not a small town ("Brent told CTV").
SPEECH_VERBS = words("places", "speech_verbs")


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


# Words of a name that make it a place or feature whatever the gazetteer holds ("Lake Manassas",
# "Colton Way", "the Soviet Union", "Peace River Valley").
PLACE_NAME_WORDS = FEATURE_WORDS | ADMIN_WORDS | CITY_WORDS | GENERIC | words("places", "place_name_words")

# Verbs whose direct object is a place ("gunmen raided Qzorvenkatal", "troops entered Kfraya").
PLACE_VERBS = words("places", "place_verbs")


def placed_unknowns(mentions: list[Mention], doc: Doc) -> list[Mention]:
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
    if ends and m.start >= 2 and doc[m.start - 1].text == "," and capitalised(doc[m.start - 2]):
        return True  # "Rockingham, Northamptonshire.": the county of the site before it
    before = m.start - 1
    if before >= 0 and doc[before].lower_ in ("the", "a"):
        before -= 1
    if before >= 0 and doc[before].lower_ in LOCATIVE and doc[before].lower_ != "of":
        return True  # "of" is too loose: "co-founder of Zalando", "shares of Coincheck"
    if after_locative(doc, m.start) and doc[m.start - 1].lower_ != "of":
        return True  # "in Nitra and Kosice"
    root = doc[m.start : m.end].root
    if root.dep_ == "dobj" and root.head.lemma_ in PLACE_VERBS:
        return True
    # "Alberta, Saskatchewan and Newfoundland": listed with a place the gazetteer knows.
    partners = [c for c in root.children if c.dep_ == "conj"]
    if root.dep_ == "conj":
        partners.append(root.head)
    return any(p.i in known and p.ent_type_ in PLACE_LABELS for p in partners) and first.ent_type_ in PLACE_LABELS
