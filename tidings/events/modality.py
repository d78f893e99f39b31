"""How an event is told: negated, announced, intended, asked for, hypothetical, reported.

The modality of a trigger comes from its auxiliaries ("will", "must", "might") and
the frames above it: "agreed to lift" is intended, "urged X to withdraw" demanded,
"X said that Y attacked" a reported claim, "refused to meet" negated. ``recode``
turns the pattern's code into the one CAMEO gives the act so told: a cooperative
act declined is a rejection (12x), one announced or intended an intention (03x),
force announced a threat (13x). The frame helpers say which verb a clause
completes, who said it, and whether the event is the sentence's main predicate.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tidings.events.arguments import infinitive
from tidings.mentions import MentionIndex
from tidings.model import ActorRef
from tidings.words import words

if TYPE_CHECKING:
    from spacy.tokens import Token

SAY_VERBS = words("events", "say_verbs")
ANNOUNCE_VERBS = words("events", "announce_verbs")
INTENT_VERBS = words("events", "intent_verbs")
INTENT_ADJECTIVES = words("events", "intent_adjectives")
DEMAND_VERBS = words("events", "demand_verbs")
DEMAND_NOUNS = words("events", "demand_nouns")
WANT_VERBS = words("events", "want_verbs")
NEGATING_VERBS = words("events", "negating_verbs")
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may"})

# A stated intention recodes an event to CAMEO's "express intent to ..." code.
INTENT_CODES = {
    "04": "036",
    "05": "032",
    "06": "031",
    "07": "033",
    "08": "035",
    "0841": "0353",
    "085": "0354",
    "0871": "0356",
    "0874": "0356",
}
# A cooperative act refused: CAMEO's 12x codes.
REJECT_CODES = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124"}
# A coercive or violent act announced for later ("will extend the curfew", "may halt
# mediation if ...") is a threat: CAMEO's 13x codes.
THREAT_CODES = {
    "16": "130",
    "161": "130",
    "162": "131",
    "163": "132",
    "164": "134",
    "165": "135",
    "166": "136",
    "17": "137",
    "172": "132",
    "18": "138",
    "19": "138",
    "20": "138",
}
# An intended act of force is a threat ("wants to attack", "plans to impose sanctions").
INTENDED_THREAT_ROOTS = frozenset({"16", "18", "19", "20"})


def modality_of(trigger: Token, source: ActorRef | None, index: MentionIndex) -> tuple[str, bool]:
    """The trigger's modality ("asserted", "future", "demanded", "hypothetical", "intended",
    "reported_claim") and whether it is negated."""
    negated = any(c.dep_ == "neg" for c in trigger.children) or (
        trigger.dep_ == "pcomp" and trigger.head.lower_ == "without"
    )
    aux = {c.lower_ for c in trigger.children if c.dep_ in ("aux", "auxpass")}
    modality = "asserted"
    if aux & {"will", "shall", "'ll"}:
        modality = "future"
    elif aux & {"must"}:
        modality = "demanded"  # "Libya must hand over the suspects": asked of Libya, not done by it
    elif aux & HYPOTHETICAL_AUX or any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in trigger.children):
        modality = "hypothetical"
    t = trigger
    for _ in range(4):
        if t.dep_ == "acl" and infinitive(t) and t.head.lemma_.lower() in DEMAND_NOUNS:
            if modality == "asserted":
                modality = "demanded"  # "faces pressure from Congress to help Iran"
            break
        if t.dep_ not in ("xcomp", "ccomp", "conj", "advcl") or t.head.i == t.i:
            break
        frame, frame_negates = _frame_modality(t, source, index)
        negated = negated or frame_negates
        if frame is not None and modality == "asserted":
            modality = frame  # the nearest frame wins: "said it agreed to resign" is an intention
        head = t.head
        if head.pos_ == "ADJ" and head.head.i != head.i:
            head = head.head  # "is willing to": climb past the adjective
        t = head
    return modality, negated


def _frame_modality(t: Token, source: ActorRef | None, index: MentionIndex) -> tuple[str | None, bool]:
    """What the verb above a clause makes of it, and whether it negates it: "agreed to"
    intends, "urged X to" demands, "said that" reports, "refused to" negates."""
    head = t.head
    lemma = head.lemma_.lower()
    found = None
    negated = t.dep_ == "xcomp" and lemma in NEGATING_VERBS
    purpose = t.dep_ == "advcl" and infinitive(t)
    if lemma in DEMAND_VERBS and (t.dep_ in ("xcomp", "ccomp") or purpose):
        found = "demanded"
    elif lemma in WANT_VERBS and (t.dep_ == "ccomp" or any(c.dep_ == "dobj" for c in head.children)):
        found = "demanded"  # "wants Putin to attack": asked of Putin, not intended by Obama
    elif (t.dep_ == "xcomp" and (lemma in INTENT_VERBS or lemma in INTENT_ADJECTIVES)) or (
        t.dep_ == "ccomp" and lemma in ("agree", "decide", "pledge", "promise", "vow")
    ):
        found = "intended"  # "agreed to resign", "is willing to send", "agreed that they should"
    elif purpose:
        found = "intended"  # "sent troops to help": the help is the aim, not yet done
    elif lemma in SAY_VERBS and t.dep_ == "ccomp":
        speaker = next((c for c in head.children if c.dep_ == "nsubj"), None)
        sref = index.resolve(speaker) if speaker is not None else None
        if sref is None or source is None or sref.actor.id != source.actor.id:
            found = "reported_claim"
        if lemma == "deny":
            negated = True
    return found, negated


def recode(code: str, trigger: Token, modality: str, negated: bool) -> tuple[str, bool]:
    """The code of the act as told, and whether it is still negated: "refused to allow",
    "will not accept" reject (12x); "agreed to lift" intends (03x); "will impose a
    curfew", "wants to attack" threaten (13x)."""
    if (
        negated
        and code[:2] in REJECT_CODES
        and (modality in ("future", "intended", "hypothetical") or refused(trigger))
    ):
        # "refused to allow", "will not accept": a cooperative act declined is a rejection.
        code, negated = REJECT_CODES[code[:2]], False
    elif modality in ("future", "intended") or (modality == "hypothetical" and code[:2] in INTENT_CODES):
        code = INTENT_CODES.get(code, INTENT_CODES.get(code[:3], INTENT_CODES.get(code[:2], code)))
    if (
        not negated
        and not code.startswith("12")
        and (modality in ("future", "hypothetical") or (modality == "intended" and code[:2] in INTENDED_THREAT_ROOTS))
    ):
        # "will impose a curfew", "wants to attack": force announced is a threat.
        code = THREAT_CODES.get(code[:3], THREAT_CODES.get(code[:2], code))
    return code, negated


def refused(tok: Token) -> bool:
    """The verb is what someone refused or declined to do ("refused to allow")."""
    t = tok
    while t.dep_ in ("xcomp", "conj") and t.head.i != t.i:
        if t.head.lemma_.lower() in NEGATING_VERBS:
            return True
        t = t.head
    return False


def governor(tok: Token) -> Token | None:
    """The verb whose clause this one completes: "agreed to [lift]", "urged X to [withdraw]",
    "said that Y [attacked]"; through "and" ("agreed to lift X and [free] Y")."""
    t = tok
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if t.dep_ not in ("xcomp", "ccomp") or t.head.i == t.i:
        return None
    head = t.head
    if head.pos_ == "ADJ" and head.head.i != head.i:
        head = head.head  # "is willing to send"
    return head


def speaker_of(verb: Token) -> Token | None:
    """The subject of the verb of saying whose clause holds this verb."""
    t = verb
    for _ in range(4):
        if t.dep_ not in ("ccomp", "conj", "xcomp") or t.head.i == t.i:
            return None
        if t.dep_ == "ccomp" and t.head.lemma_.lower() in SAY_VERBS | ANNOUNCE_VERBS:
            return next((c for c in t.head.children if c.dep_ == "nsubj"), None)
        t = t.head
    return None


def attributed(tok: Token) -> bool:
    """Told in the clause of a verb of saying: "..., police said", "X said that ..."."""
    t = tok
    for _ in range(6):
        if t.head.i == t.i:
            return False
        if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_.lower() in SAY_VERBS | ANNOUNCE_VERBS:
            return True
        if t.dep_ not in ("xcomp", "ccomp", "conj", "advcl", "acl", "relcl", "pcomp", "prep", "pobj", "dobj"):
            return False
        t = t.head
    return False


def main_predicate(tok: Token) -> bool:
    """True for the root verb and the verbs it chains to by "and" or "to"."""
    t = tok
    while t.head.i != t.i:
        if t.dep_ not in ("conj", "xcomp"):
            return False
        t = t.head
    return True
