"""State and province abbreviations, and the division written after a town's name.

"Churchill, Man.", "Edmonton, Ky.", "PLEASANTON, Calif.--": AP-style and postal
abbreviations of US states, Canadian provinces and two Australian states, read
only where they cannot be words. :func:`link_parents` links a town to the
division or country after its comma ("Springfield, Illinois"), adding the
abbreviation as a mention of its own.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tidings.places.gazetteer import Candidate, Gazetteer
from tidings.places.mentions import Mention, text_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

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

BARE_ABBREVIATIONS = frozenset({"bc", "ny", "nj", "dc", "ont", "que", "pei", "nsw", "qld"})


def bare_abbreviation(tokens: list[Token]) -> bool:
    """ "BC", "NY", "NJ" written without dots, in capitals, not after a number ("500 BC")."""
    if len(tokens) != 1 or not tokens[0].is_upper or tokens[0].lower_ not in BARE_ABBREVIATIONS:
        return False
    tok = tokens[0]
    return not (tok.i > 0 and tok.doc[tok.i - 1].like_num)


def abbreviated(gaz: Gazetteer, name: str) -> tuple[Candidate, ...]:
    """The US, Canadian or Australian division ``name`` (an abbreviation's full name)."""
    return tuple(
        c for c in gaz.candidates(name) if c.entry.feature == "admin1" and c.entry.country in ("USA", "CAN", "AUS")
    )


_DASHED = re.compile(r"^([A-Z][A-Za-z.]*\.|[A-Z]{2})(?:--|[–—])")


def _dashed(text: str) -> str:
    """An abbreviation run into the dash after it ("Calif.--(BUSINESS WIRE)", "Calif.--The")."""
    m = _DASHED.match(text)
    return m.group(1) if m else text


def after_comma(doc: Doc, end: int, gaz: Gazetteer) -> tuple[Candidate, ...]:
    """Divisions and countries named right after "Name," ("Churchill, Man.", "Atlanta, Georgia")."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return ()
    tok = doc[end + 1]
    if not tok.text[:1].isupper():
        return ()
    word = _dashed(tok.text)
    abbr = "".join(ch for ch in word.lower() if ch.isalpha())
    if abbr in ABBREVIATIONS and len(word) <= 6:
        return abbreviated(gaz, ABBREVIATIONS[abbr])
    for n in (3, 2, 1):
        toks = [t for t in doc[end + 1 : end + 1 + n] if t.text[:1].isupper()]
        if len(toks) == n:
            cands = tuple(c for c in gaz.candidates(text_of(toks)) if c.entry.feature in ("admin1", "country"))
            if cands:
                return cands
    return ()


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
            cands = abbreviated(gaz, name)
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
