"""The tense of the clause a time expression belongs to, from spaCy's parse.

"Friday" in "will meet on Friday" is the coming Friday and in "met on Friday"
the last one; "Nov. 21" in "the rights expire Nov. 21" is this year's. The
clause verb's auxiliaries and tag say which, and so does the verb above an
infinitive ("planned to leave on Thursday", "scheduled to close Monday").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tidings.syntax import VERBAL_POS, clause_head
from tidings.times.lexicon import words
from tidings.times.values import SETTLED_PAST

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "ll"})
# "could" is as often past ability ("could not be reached Friday") as a possibility ahead.
MODALS = frozenset({"would", "may", "might", "should", "can", "must", "'d", "ca"})
# Verbs whose past tense is spelt as their present: a "present" tag on them is often the past.
SAME_PAST = words("hurt cut set put hit quit spread cost let shut cast split bid")
# Verbs above an infinitive that put it ahead: "planned to leave Thursday", "is to resume Monday".
AHEAD = words(
    "schedule plan expect due intend aim slate propose prepare hope want seek promise pledge vow threaten agree "
    "decide set postpone delay adjourn defer reschedule be have need suppose try wish ask urge call"
)
# Nouns of what is scheduled or recurs, which a date before them can put ahead ("the Nov. 5 election").
SCHEDULED_NOUNS = words(
    "election elections vote poll polls referendum ballot runoff summit meeting meetings talks deadline ultimatum "
    "hearing trial session sitting conference visit trip tour ceremony inauguration debate match game final race "
    "launch opening start date deadline anniversary festival celebration holiday parade rally march strike budget "
    "plenary congress convention forum event release verdict sentencing"
)
# Adjectives above an infinitive that put it ahead: "is due to arrive Monday", "is likely to vote Friday".
AHEAD_ADJECTIVES = words("due set ready poised likely unlikely expected scheduled slated about sure certain eager keen")
# Verbs whose own date lies ahead: "a summit scheduled for Thursday", "talks due Monday".
SCHEDULED = words("schedule slate postpone adjourn defer reschedule due expect plan")
# "extended the deadline until Friday", "gave them until Tuesday": the new date lies ahead.
DEADLINE = words("extend postpone delay adjourn defer give push move suspend reschedule")
# A date that modifies a noun ("Wednesday's ruling", "a June agreement") dates that noun, not the clause.
NOMINAL_DEPS = frozenset({"poss", "compound", "nmod", "amod"})
REPORTING = words("say tell report announce state claim add note confirm deny write")


def clause_tense(doc: Doc, start: int, end: int) -> str | None:
    """The clause's tense: "past", "future", "present", or None when no verb says."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root = span.root
    if root.dep_ in NOMINAL_DEPS and root.head.pos_ in ("NOUN", "PROPN"):
        # (a day: "the Oct. 7 attacks"; a month alone, "the March accession", is left undecided)
        return _nominal_tense(root.head) if any(c.isdigit() for c in span.text) else None
    verb = clause_head(root)
    if verb.pos_ not in VERBAL_POS:
        return None
    prep = root.head if root.dep_ == "pobj" else None
    if prep is not None and prep.lower_ in ("until", "till") and verb.lemma_ in DEADLINE:
        return "future"
    return _tense(verb, 0)


def _nominal_tense(noun: Token) -> str | None:
    """A date that modifies a noun dates that noun. A happening named by the date it took
    place on ("the Oct. 7 attacks", "the July 31 killing") is past; one that is scheduled
    ("the Nov. 5 election", "Friday's deadline") is as its clause says, else undecided."""
    if noun.lemma_.lower() not in SCHEDULED_NOUNS:
        return SETTLED_PAST
    verb = clause_head(noun)
    if verb.pos_ not in VERBAL_POS:
        return None
    return "future" if _tense(verb, 0) == "future" else None


def _tense(verb: Token, depth: int) -> str | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if any(a.lemma_ == "have" for a in auxes):  # "may have been", "had met": done by now
        return "past"
    if words & FUTURE_AUX or words & MODALS:
        return "future"
    if verb.lemma_ in SCHEDULED and verb.tag_ != "VBD":
        return "future"
    governor = verb.head
    if ("to" in words or verb.dep_ == "xcomp") and governor.i != verb.i and depth < 3:
        if governor.lemma_ in AHEAD or governor.pos_ in ("NOUN", "PROPN"):
            return "future"
        if governor.pos_ == "ADJ":
            # "is set to meet on Friday", "was due to land Monday": ahead; "was unable to push the
            # motion through on Thursday", "were quick to condemn it Monday": the copula's tense.
            if governor.lemma_ in AHEAD_ADJECTIVES:
                return "future"
            copula = governor.head if governor.dep_ == "acomp" else None
            return _tense(copula, depth + 1) if copula is not None and copula.pos_ in VERBAL_POS else "future"
        if governor.pos_ in VERBAL_POS:
            return _tense(governor, depth + 1)
    tag = verb.tag_
    if tag == "VBD" or any(a.lemma_ == "have" for a in auxes):
        return "past"
    if tag == "VBN":
        if verb.lemma_ in SCHEDULED:
            return "future"
        # "is heard in May" speaks of the present or what is ahead; "was heard", "heard Friday" of the past.
        return "present" if any(a.tag_ in ("VBZ", "VBP") for a in auxes) else "past"
    if tag == "VBG":
        be = [a for a in auxes if a.lemma_ == "be"]
        if be:
            return "past" if be[0].tag_ == "VBD" else "future"  # "is meeting on Friday"
        if governor.i != verb.i and governor.pos_ in VERBAL_POS and depth < 3:
            return _tense(governor, depth + 1)
        return None
    if tag in ("VBZ", "VBP"):
        if any(a.tag_ == "VBD" for a in auxes) or verb.lower_ in SAME_PAST:
            return "past"
        return None if verb.lemma_ in REPORTING else "present"
    if any(a.tag_ == "VBD" for a in auxes):  # "did not meet"
        return "past"
    return None
