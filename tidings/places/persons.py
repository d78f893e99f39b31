"""People, teams and news sources that the small model's entities confuse with places.

"Georgia" of "Georgia Smith", "Burton Albion", "Xinhua reported", "Charles
Murphy, M.D.": the recogniser asks these before it takes a name for a place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tidings.places.mentions import DASHES, text_of
from tidings.words import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Verbs whose subject is a news source ("Xinhua reported").
REPORTING = words("places", "reporting_verbs")


def degree_after_name(toks: list[Token], doc: Doc) -> bool:
    """ "Charles Murphy, M.D.": a degree after a person's name, not Maryland."""
    first = toks[0]
    if text_of(toks).replace(".", "").upper() not in ("MD", "PHD", "DO", "BA", "MA"):
        return False
    return first.i >= 2 and doc[first.i - 1].text == "," and doc[first.i - 2].ent_type_ == "PERSON"


def news_source(start: int, end: int, doc: Doc) -> bool:
    """An organisation that reports: "X news agency", "X reported", "according to X" ("X said" may be a metonym)."""
    after = [t.lower_ for t in doc[end : end + 2]]
    if after[:1] == ["agency"] or after[:2] == ["news", "agency"]:
        return True
    if start >= 2 and doc[start - 2].lower_ == "according" and doc[start - 1].lower_ == "to":
        return True
    root = doc[start:end].root
    return root.dep_ == "nsubj" and root.head.lemma_ in REPORTING


_PERSON_WORDS = "tidings.places.person_words"


def person_words(doc: Doc) -> set[str]:
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
        if e.label_ == "PERSON" and len(words) >= 2 and not no_person(e):
            out.update((words[0].lower_, words[-1].lower_))
    return out


# Last words of British football club names, which are no surnames.
CLUB_WORDS = words("places", "club_words")


def no_person(e: Span) -> bool:
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
