"""How an event is told: negated, announced, intended, asked for, hypothetical, reported.

The modality of a trigger comes from its auxiliaries ("will", "must", "might") and
the frames above it: "agreed to lift" is intended, "urged X to withdraw" demanded,
"X said that Y attacked" a reported claim, "refused to meet" negated. ``recode``
turns the pattern's code into the one CAMEO gives the act so told: a cooperative
act declined is a rejection (12x), one announced or intended an intention (03x),
force announced a threat (13x). The frame helpers say which verb a clause
completes, who said it, and whether the event is the sentence's main predicate.

Some acts are not told as events at all (:data:`UNREAL`, dropped by the coder): a
condition ("if Iran attacked"), a question, a comparison ("like a kidnapper whose
demands are met"), a counterfactual ("would have upended"), an act talked about as a
subject ("freeing him would anger hardliners"), what a threat threatens, a generic or
usual statement, an act that only may happen ("could send aid"). Others are negated
though no "not" says so: "no pressure", "no country has recognised", "held off on
imposing". The word lists are in ``data/words/modality.toml``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tidings.events.arguments import infinitive, is_passive, subject, verb_lemmas
from tidings.mentions import MentionIndex
from tidings.model import ActorRef
from tidings.syntax import doc_text, sentence_of
from tidings.words import words

if TYPE_CHECKING:
    from spacy.tokens import Token

SAY_VERBS = words("events", "say_verbs")
ANNOUNCE_VERBS = words("events", "announce_verbs")
REPORTING_VERBS = SAY_VERBS | ANNOUNCE_VERBS
INTENT_VERBS = words("events", "intent_verbs")
INTENT_ADJECTIVES = words("events", "intent_adjectives")
DEMAND_VERBS = words("events", "demand_verbs")
DEMAND_NOUNS = words("events", "demand_nouns")
WANT_VERBS = words("events", "want_verbs")
NEGATING_VERBS = words("events", "negating_verbs")
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may"})
#: Auxiliaries of mere possibility: "could send", "might meet".
POSSIBLE_AUX = frozenset({"could", "might", "may"})
#: Roots of force and coercion: possible, they are threatened (13x); other acts that only
#: may happen are no event.
COERCIVE_ROOTS = frozenset({"16", "17", "18", "19", "20"})
HOLDING_BACK_VERBS = words("modality", "holding_back_verbs")
HABITUAL_ADVERBS = words("modality", "habitual_adverbs")
STANCE_VERBS = words("modality", "stance_verbs")
CONDITION_MARKS = words("modality", "condition_marks")
SUPPOSING_VERBS = words("modality", "supposing_verbs")
COMPARISON_WORDS = words("modality", "comparison_words")
THREAT_FRAMES = words("modality", "threat_frames")
ENACTING_VERBS = words("modality", "enacting_verbs")
_CAUTION_FRAMES = THREAT_FRAMES | {"caution"}
ACCUSING_FRAMES = words("modality", "accusing_frames")
ACCUSING_NOUNS = words("modality", "accusing_nouns")
#: Verbs whose "saying ..." clause gives the grounds of an accusation.
ACCUSING_GROUNDS = frozenset({"accuse", "blame", "charge", "allege", "fault"})
TOPIC_NOUNS = words("modality", "topic_nouns")
TOPIC_VERBS = words("modality", "topic_verbs")
AIM_NOUNS = words("modality", "aim_nouns")
PROSPECT_NOUNS = words("modality", "prospect_nouns")
SCHEDULE_WORDS = words("modality", "schedule_words")
#: Verbs whose negation holds back the act of their clause: "would not allow demonstrators to block roads".
ENABLING_VERBS = words("modality", "enabling_verbs")
#: Frames that, negated, hold back their clause's act ("did not agree to lift", "did not ask X to
#: leave"); a refusal or "did not hesitate to" is told otherwise.
FRAMES_HELD_BACK = ENABLING_VERBS | INTENT_VERBS | DEMAND_VERBS | WANT_VERBS
#: Auxiliaries by which an act is asked of its doer: "must", "should", "ought to".
DEMANDING_AUX = frozenset({"must", "should", "ought"})
#: The modality of an act that is not told as happening, intended, asked for or threatened:
#: a condition, a question, a comparison, a generic or habitual statement, a counterfactual,
#: the content of a threat. It is no event (the coder drops it).
UNREAL = "unreal"
_PRESENT = frozenset({"VBZ", "VBP"})
NOBODY = frozenset({"nobody", "none", "nothing", "neither", "noone"})
_TERMINAL = re.compile(r"[?!]|\.(?=[\s\"'\u201d\u2019)]|$)")

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


def modality_of(trigger: Token, source: ActorRef | None, index: MentionIndex, code: str = "") -> tuple[str, bool]:
    """The trigger's modality ("asserted", "future", "demanded", "hypothetical", "intended",
    "reported_claim", or :data:`UNREAL`) and whether it is negated. With the pattern's
    ``code``: an act that only may happen ("could send aid", "might criticise") is unreal
    unless it is force or coercion, which said of oneself is a threat."""
    negated = (
        any(c.dep_ == "neg" for c in trigger.children)
        or _shared_negation(trigger)
        or (trigger.dep_ in ("pcomp", "pobj") and trigger.head.lower_ == "without")
        or _no_noun(trigger)
        or held_back(trigger)
    )
    if unreal(trigger, index):
        return UNREAL, negated
    aux = {c.lower_ for c in trigger.children if c.dep_ in ("aux", "auxpass")}
    modality = "asserted"
    if aux & {"will", "shall", "'ll"}:
        modality = "future"
    elif aux & DEMANDING_AUX:
        # "Libya must hand over the suspects", "Western countries should pressure Israel":
        # asked of them, not done by them
        modality = "demanded"
    elif aux & HYPOTHETICAL_AUX or any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in trigger.children):
        modality = "hypothetical"
        if code and aux & POSSIBLE_AUX and not aux & {"would"} and code[:2] not in COERCIVE_ROOTS:
            return UNREAL, negated
        if aux == {"would"} and _reported_own_plan(trigger, source, index):
            modality = "future"  # "Japan announced it would provide aid": its own plan, told
    elif imperative(trigger):
        return UNREAL, negated  # "Fund our schools," teachers chanted: asked of someone, done by no one
    return _framed(trigger, source, index, modality, negated)


def _framed(
    trigger: Token, source: ActorRef | None, index: MentionIndex, modality: str, negated: bool
) -> tuple[str, bool]:
    """The modality the frames above the trigger give it: the nearest frame wins, save that
    an aim ("sent troops to help") yields to a demand above it ("called on the West to supply
    arms to help it")."""
    aim = False
    t = trigger
    for _ in range(4):
        if t.dep_ == "acl" and infinitive(t) and t.head.lemma_.lower() in DEMAND_NOUNS:
            if modality == "asserted" or aim:
                modality = "demanded"  # "faces pressure from Congress to help Iran"
            break
        if t.dep_ == "acl" and infinitive(t) and t.head.lemma_.lower() in AIM_NOUNS:
            if modality == "asserted":
                modality = "intended"  # "a rescue mission to free the hostages", "a measure to limit aid"
            break
        if t.dep_ not in ("xcomp", "ccomp", "conj", "advcl") or t.head.i == t.i:
            break
        if t.dep_ in ("advcl", "xcomp") and infinitive(t) and unreal(t.head, index):
            return UNREAL, negated  # "it detains people to finance its operations": a practice's aim
        if t.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ in DEMANDING_AUX for c in t.head.children):
            return UNREAL, negated  # "the US should stop interfering": what is asked to stop is no act told
        necessity = _needed(t)
        if necessity is not None:
            if necessity == UNREAL:
                return UNREAL, negated  # "would have to collaborate": a condition, no act
            if modality == "asserted":
                modality = necessity  # "Iran has to release them": asked of Iran
        frame, frame_negates = _frame_modality(t, source, index)
        negated = negated or frame_negates or _negated_frame(t)
        if frame == "demanded" and any(c.dep_ == "aux" and c.lower_ in DEMANDING_AUX for c in t.head.children):
            # "Western countries should pressure Israel to end the war": what the pressure
            # would ask is not asked of Israel by anyone yet
            return UNREAL, negated
        if frame is not None and (modality == "asserted" or (aim and frame == "demanded")):
            aim = frame == "intended" and t.dep_ == "advcl"
            modality = frame  # the nearest frame wins: "said it agreed to resign" is an intention
        head = t.head
        if head.pos_ == "ADJ" and head.head.i != head.i:
            head = head.head  # "is willing to": climb past the adjective
        t = head
    return modality, negated


def _shared_negation(trigger: Token) -> bool:
    """ "had never encouraged or supported cyberattacks": a verb joined to a negated one, with
    no subject or auxiliary of its own, shares its negation; "neither confirmed nor denied"
    negates both."""
    head = trigger.head
    if any(c.dep_ == "preconj" and c.lower_ == "neither" for c in trigger.children):
        return True
    if trigger.dep_ == "conj" and any(c.dep_ == "preconj" and c.lower_ == "neither" for c in head.children):
        return True
    return (
        trigger.dep_ == "conj"
        and trigger.pos_ == "VERB"
        and head.pos_ == "VERB"
        and any(c.dep_ == "neg" for c in head.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in trigger.children)
        and not any(c.lower_ in ("but", "yet", "instead") for c in trigger.doc[head.i + 1 : trigger.i])
    )


def _needed(t: Token) -> str | None:
    """ "has to release", "needs to withdraw": the act is asked of its doer (demanded); "would
    have to collaborate", "might need to": only a condition of something else (unreal)."""
    head = t.head
    if t.dep_ != "xcomp" or not infinitive(t) or head.lemma_.lower() not in ("have", "need") or head.pos_ != "VERB":
        return None
    if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX for c in head.children):
        return UNREAL
    return "demanded"


def _negated_frame(t: Token) -> bool:
    """A negated frame holds back the act of its clause: "did not agree to lift", "would not
    allow demonstrators to block roads" (a refusal, "refused to", is told by the frame itself)."""
    head = t.head
    if t.dep_ not in ("xcomp", "ccomp") or not any(c.dep_ == "neg" for c in head.children):
        return False
    return bool(set(verb_lemmas(head)) & FRAMES_HELD_BACK)


def _reported_own_plan(trigger: Token, source: ActorRef | None, index: MentionIndex) -> bool:
    """ "Japan announced it would provide aid", "the minister said Turkey would relax its ban":
    "would" in what the doer itself (or its government) said, with no condition, tells its plan."""
    if source is None or conditioned(trigger):
        return False
    t = trigger
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if t.dep_ != "ccomp" or not set(verb_lemmas(t.head)) & REPORTING_VERBS:
        return False
    speaker = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
    ref = index.resolve(speaker) if speaker is not None else None
    return ref is not None and same_party(ref, source)


def same_party(a: ActorRef, b: ActorRef) -> bool:
    """The same actor, or a state and its own government ("Turkey" and the Turkish minister)."""
    x, y = a.actor, b.actor
    if x.id == y.id:
        return True
    country = x.country
    return bool(country) and country == y.country and {x.code, y.code} <= {country, f"{country}GOV"}


def imperative(trigger: Token) -> bool:
    """A bare verb that opens its clause with no subject: "Fund our schools," they chanted."""
    if trigger.tag_ != "VB" or any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for c in trigger.children
    ):
        return False
    if trigger.dep_ == "conj" and trigger.head.i != trigger.i:
        return imperative(trigger.head)
    doc = trigger.doc
    before = doc[trigger.i - 1] if trigger.i > sentence_of(trigger).start else None
    opens = before is None or before.tag_ in ("``", "''") or before.text in ('"', "\u201c", "'", "\u2018")
    return opens and trigger.dep_ in ("ROOT", "ccomp", "parataxis", "xcomp")


def _frame_modality(t: Token, source: ActorRef | None, index: MentionIndex) -> tuple[str | None, bool]:
    """What the verb above a clause makes of it, and whether it negates it: "agreed to"
    intends, "urged X to" demands, "said that" reports, "refused to" negates."""
    head = t.head
    lemma = head.lemma_.lower()
    found = None
    negated = t.dep_ == "xcomp" and lemma in NEGATING_VERBS
    purpose = t.dep_ == "advcl" and infinitive(t)
    if t.dep_ == "xcomp" and lemma in SCHEDULE_WORDS:
        found = "future"  # "is due to discuss", "is expected to pass", "is scheduled to meet"
    elif lemma in DEMAND_VERBS and (t.dep_ in ("xcomp", "ccomp") or purpose):
        found = "demanded"
    elif lemma in WANT_VERBS and (
        t.dep_ == "ccomp" or (t.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in head.children))
    ):
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
        and not (code[:2] == "16" and _decided(trigger, modality))
    ):
        # "will impose a curfew", "wants to attack": force announced is a threat.
        code = THREAT_CODES.get(code[:3], THREAT_CODES.get(code[:2], code))
    return code, negated


def _decided(verb: Token, modality: str) -> bool:
    """A cut in relations told as decided ("decided to end the status") or scheduled ("will
    end the status in July 2019") is the reduction itself (16x), not a threat of one, unless a
    condition hangs on it. ("Russia will impose sanctions on Estonia", with no day, threatens.)"""
    if modality == "intended":
        decided = verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "decide"
    elif modality == "future":
        decided = any(
            c.dep_ in ("prep", "npadvmod") and any(t.ent_type_ == "DATE" for t in c.subtree) for c in verb.children
        )
    else:
        decided = False
    return decided and not conditioned(verb)


def conditioned(verb: Token) -> bool:
    """The act is told under a condition ("will cut aid if ...", "unless ...")."""
    return any(c.dep_ == "advcl" and any(m.lower_ in CONDITION_MARKS for m in c.children) for c in verb.children)


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
        if t.dep_ == "ccomp" and t.head.lemma_.lower() in REPORTING_VERBS:
            return next((c for c in t.head.children if c.dep_ == "nsubj"), None)
        t = t.head
    return None


def attributed(tok: Token) -> bool:
    """Told in the clause of a verb of saying: "..., police said", "X said that ..."."""
    t = tok
    for _ in range(6):
        if t.head.i == t.i:
            return False
        if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_.lower() in REPORTING_VERBS:
            return True
        if t.dep_ not in ("xcomp", "ccomp", "conj", "advcl", "acl", "relcl", "pcomp", "prep", "pobj", "dobj"):
            return False
        t = t.head
    return False


def main_predicate(tok: Token) -> bool:
    """True for the root verb and the verbs it chains to by "and" or "to", or by "with" and a
    subject of its own ("criticised Moscow, with Minsk detaining 33 nationals": told as done,
    as "and Minsk detained" would be)."""
    t = tok
    while t.head.i != t.i:
        if t.dep_ == "pcomp" and t.head.lower_ == "with" and any(c.dep_ == "nsubj" for c in t.children):
            t = t.head  # (then "with" hangs on the verb it goes with)
        elif _news_after(t):
            pass
        elif _enacted(t):
            t = t.head  # (then the object hangs on the verb that enacted it)
        elif t.dep_ not in ("conj", "xcomp"):
            return False
        t = t.head
    return True


def _enacted(clause: Token) -> bool:
    """ "approved a bill providing $26 billion for Israel": what the measure a main verb
    enacts does is done by whoever enacted it."""
    return (
        clause.dep_ == "acl"
        and clause.tag_ == "VBG"
        and clause.head.dep_ == "dobj"
        and clause.head.head.lemma_.lower() in ENACTING_VERBS
    )


def _news_after(clause: Token) -> bool:
    """ "The release came hours after the government freed three prisoners", "It comes as
    police detained two men": the clause a light "came after / comes as" hangs on is the news."""
    return (
        clause.dep_ == "advcl"
        and clause.head.lemma_.lower() in ("come", "follow")
        and any(c.dep_ == "mark" and c.lower_ in ("after", "as", "when") for c in clause.children)
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
    )


def _no_noun(trigger: Token) -> bool:
    """ "There was no pressure", "no talks were held": an event noun with "no"; "no
    country has recognised", "nobody was arrested": a verb whose subject is no one."""
    if trigger.pos_ in ("NOUN", "PROPN"):
        return any(c.dep_ == "det" and c.lower_ == "no" for c in trigger.children)
    subj = next((c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None and not is_passive(trigger):
        subj, _ = subject(trigger)  # "No government gets to send ...": the subject of the chain
    return subj is not None and (
        subj.lower_ in NOBODY or any(d.dep_ == "det" and d.lower_ == "no" for d in subj.children)
    )


def held_back(trigger: Token) -> bool:
    """The act of a clause held back: "held off on imposing", "refrained from criticising",
    "stopped short of recognising", "avoided meeting"."""
    t = trigger
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if t.dep_ == "xcomp" or (t.dep_ == "dobj" and t.tag_ == "VBG"):
        verb = t.head
    elif t.dep_ == "pcomp" and t.head.dep_ == "prep":
        verb = t.head.head
    else:
        return False
    keys = {verb.lemma_.lower()}
    keys |= {f"{verb.lemma_.lower()} {c.lower_}" for c in verb.children if c.dep_ in ("prt", "advmod", "acomp")}
    if verb.pos_ in ("ADV", "ADJ") and verb.head.i != verb.i:
        keys.add(f"{verb.head.lemma_.lower()} {verb.lower_}")  # "stopped [short] of"
    return bool(keys & HOLDING_BACK_VERBS)


def unreal(trigger: Token, index: MentionIndex | None = None) -> bool:
    """The act is not told as done, intended, asked for or threatened by anyone: a
    condition ("if Iran attacked"), a question, a comparison ("like a kidnapper whose
    demands are met"), a counterfactual ("would have upended"), an act talked about as
    a subject ("freeing him would anger hardliners"), the content of a threat
    ("threatened to launch an attack", coded as the threat), a generic or habitual
    statement ("parasites invade red blood cells", "is typically negotiated"), or a
    participle that only describes a noun ("the Russian-occupied plant")."""
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("dobj", "nsubjpass", "attr", "oprd"):
        verb = trigger.head
        if verb.pos_ == "VERB" and verb.i != trigger.i and (_subject_clause(verb) or _counterfactual(verb)):
            return True  # "imposing new sanctions would hurt ...": the noun is in the unreal act
    return (
        _described(trigger)
        or _pending(trigger)
        or accused_of(trigger)
        or _topic(trigger)
        or _question(trigger)
        or _conditional(trigger)
        or _counterfactual(trigger)
        or _subject_clause(trigger)
        or _threatened(trigger)
        or _generic(trigger, index)
    )


def _question(trigger: Token) -> bool:
    """The clause of the trigger ends with a question mark."""
    sent = sentence_of(trigger)
    m = _TERMINAL.search(doc_text(trigger.doc), trigger.idx, sent.end_char)
    return m is not None and m.group() == "?"


def _conditional(trigger: Token) -> bool:
    """Inside a condition or open question ("if", "unless", "whether"), a supposition
    ("imagine ..."), or a comparison ("it is like ...", "the equivalent of ...")."""
    t = trigger
    for _ in range(12):
        if any(c.dep_ in ("mark", "advmod") and c.lower_ in CONDITION_MARKS for c in t.children):
            return True
        head = t.head
        if head.i == t.i:
            return False
        if t.dep_ in ("ccomp", "acl") and head.lemma_.lower() in ("condition", "proviso", "stipulation"):
            return True  # "allowed to operate on the condition that it would provide water"
        if t.dep_ in ("ccomp", "acl") and _supposing(head):
            return True  # "hoped the swap would ...", "expressed hope that the meeting would ..."
        if t.dep_ == "xcomp" and head.pos_ == "VERB" and set(verb_lemmas(head)) & {"fear", "dread", "risk"}:
            return True  # "feared being extradited", "risked being arrested"
        if t.dep_ in ("pobj", "pcomp") and head.dep_ == "prep":
            word = head.lower_
            above = head.head
            if word == "of" and above.pos_ == "NOUN" and above.lemma_.lower() in PROSPECT_NOUNS:
                return True  # "his fear of being extradited", "the threat of sanctions"
            if word in COMPARISON_WORDS and above.pos_ in ("VERB", "AUX"):
                return True  # "is like a kidnapper ...", "behaved like ..." (not "countries like Iran")
            if above.lemma_.lower() in COMPARISON_WORDS:
                return True  # "the equivalent of hurling insults", "tantamount to an attack"
        if t.dep_ in ("advcl", "parataxis") or (t.dep_ == "ccomp" and not _supposing(head)):
            return False
        t = head
    return False


def _pending(trigger: Token) -> bool:
    """An act awaited in an "until" or "before" clause in the present: "will not go back until
    the sanctions are lifted", "before the troops withdraw"."""
    if not any(c.dep_ == "mark" and c.lower_ in ("until", "till", "before") for c in trigger.children):
        return False
    aux = [c for c in trigger.children if c.dep_ in ("aux", "auxpass")]
    return trigger.tag_ in _PRESENT or any(a.tag_ in _PRESENT for a in aux)


def _supposing(verb: Token) -> bool:
    """A verb of supposing, hoping or fearing (through a lemmatizer slip: "hoped" -> "hop")."""
    lemmas = set(verb_lemmas(verb)) if verb.pos_ == "VERB" else {verb.lemma_.lower()}
    return bool(lemmas & SUPPOSING_VERBS)


def accused_of(trigger: Token) -> bool:
    """What someone is accused, blamed, convicted or praised for: "accused the rebels of
    betraying Russia", "jailed for opposing the Kremlin", "blamed the attacks on Ukraine,
    saying Ukrainian drones had hit a canteen". The accusation (or the punishment) is the
    event; the act it names is not told by the article as done."""
    t = trigger
    for _ in range(8):
        head = t.head
        if head.i == t.i:
            return False
        if t.dep_ in ("pcomp", "pobj") and head.dep_ == "prep" and head.lower_ in ("of", "for", "including"):
            return _accusing_frame(head.head)
        # "blamed the attacks on Ukraine, saying Ukrainian drones had hit ...": the grounds of
        # the accusation ("condemned X and said it had dispatched forces" tells its own act)
        saying = t.dep_ == "ccomp" and head.lemma_.lower() in SAY_VERBS and head.dep_ == "advcl" and head.tag_ == "VBG"
        if saying and set(verb_lemmas(head.head)) & ACCUSING_GROUNDS:
            return True
        if t.dep_ not in ("conj", "xcomp", "advcl", "ccomp", "dobj", "pcomp"):
            return False
        t = head
    return False


def _accusing_frame(tok: Token) -> bool:
    """The word an "of"/"for" phrase hangs on accuses, convicts or punishes: the verb itself,
    or a noun of accusation; through the object ("accused [the rebels] of") and the phrase it
    sits in ("accused hackers backed by [the Chinese state] of targeting")."""
    for _ in range(5):
        if tok.pos_ == "VERB":
            if set(verb_lemmas(tok)) & ACCUSING_FRAMES:
                return True
            if not (tok.dep_ == "acl" and tok.tag_ == "VBN"):
                return False
        elif tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in ACCUSING_NOUNS:
            return True
        elif tok.pos_ not in ("NOUN", "PROPN", "ADP"):
            return False
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _topic(trigger: Token) -> bool:
    """An act that is only talked about: "talks on ending the war", "discussed lifting the
    sanctions", "is considering sanctions"."""
    head = trigger.head
    if head.i == trigger.i:
        return False
    if (
        trigger.dep_ in ("pcomp", "pobj")
        and head.dep_ == "prep"
        and head.lower_ in ("on", "about", "over", "regarding", "concerning")
    ):
        above = head.head
        return above.pos_ == "NOUN" and above.lemma_.lower() in TOPIC_NOUNS
    if trigger.dep_ in ("dobj", "xcomp") and (trigger.tag_ == "VBG" or trigger.pos_ == "NOUN") and head.pos_ == "VERB":
        return bool(set(verb_lemmas(head)) & TOPIC_VERBS)
    return False


def _counterfactual(trigger: Token) -> bool:
    """ "would have upended", "should have stopped": what did not happen ("may have
    launched" is a guess about what did)."""
    aux = [c.lower_ for c in trigger.children if c.dep_ == "aux"]
    return trigger.tag_ == "VBN" and "have" in aux and bool(set(aux) & {"would", "should"})


def _subject_clause(trigger: Token) -> bool:
    """An act talked about as the subject of an unreal or present verb: "freeing him would
    anger hardliners", "imposing sanctions is a mistake", "an attack could spark a war"."""
    head = trigger.head
    if head.i == trigger.i:
        return False
    modal = any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX for c in head.children)
    gerund = trigger.tag_ == "VBG" or infinitive(trigger)
    if gerund and trigger.dep_ in ("csubj", "csubjpass", "nsubj", "nsubjpass"):
        return modal or head.tag_ in _PRESENT or any(c.dep_ == "aux" and c.tag_ in _PRESENT for c in head.children)
    return trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("nsubj", "nsubjpass") and modal


def _threatened(trigger: Token) -> bool:
    """The act is what someone threatened to do, or warned against: the threat is the event
    ("warned the United States against sending missiles to Ukraine")."""
    gov = governor(trigger)
    if gov is not None and gov.lemma_.lower() in THREAT_FRAMES:
        return True
    t = trigger
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    head = t.head
    return (
        t.dep_ == "pcomp"
        and head.dep_ == "prep"
        and head.lower_ in ("against", "of")
        and head.head.lemma_.lower() in _CAUTION_FRAMES
    )


def _generic(trigger: Token, index: MentionIndex | None) -> bool:
    """A habitual or generic statement: an adverb of what is usual ("usually kidnap", "is
    typically negotiated"), a present of repeated occasions ("whenever residents protest,
    soldiers are deployed"), or, after the headline, a simple present whose doer is a bare
    plural that names no actor ("malaria parasites invade red blood cells")."""
    if trigger.pos_ != "VERB":
        return False
    aux = [c for c in trigger.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ("will", "shall", "'ll", "would") for a in aux):
        return False
    if any(c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS for c in trigger.children):
        return True
    present = (trigger.tag_ in _PRESENT and not aux) or (
        trigger.tag_ == "VBN" and len(aux) == 1 and aux[0].dep_ == "auxpass" and aux[0].tag_ in _PRESENT
    )
    if not present:
        return False
    if any(_every_time(c) for c in trigger.children):
        return True
    if (
        trigger.dep_ == "ccomp"
        and trigger.head.lemma_.lower() in SAY_VERBS
        and trigger.head.tag_ in ("VBD", "VBN", "VBZ", "VBP")  # "says it targets only military sites" too
        and trigger.lemma_.lower() not in STANCE_VERBS
    ):
        # "the militia has said before that it kidnaps travellers to fund its fighters": a
        # simple present kept under a verb of saying tells a practice, not an act
        return True
    head = trigger
    while head.dep_ in ("conj", "xcomp") and head.head.i != head.i:
        head = head.head  # "every time we complain, they pretend to listen and promise to act"
        if any(_every_time(c) for c in head.children):
            return True
    subj = next((c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.tag_ != "NNS" or "\n\n" not in doc_text(trigger.doc)[: trigger.idx]:
        return False
    if any(c.dep_ in ("det", "poss", "nummod") or c.pos_ == "PROPN" for c in subj.children):
        return False
    return index is None or index.resolve(subj) is None


def _every_time(clause: Token) -> bool:
    """A clause or phrase of repeated occasions: "whenever ...", "every time ..."."""
    if clause.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ == "whenever" for c in clause.children):
        return True
    if clause.dep_ == "advcl" and any(c.lower_ in ("time", "times") and _every_time(c) for c in clause.children):
        return True  # "every time we report our concerns, they promise to act"
    return clause.lower_ in ("time", "times") and any(c.lower_ in ("every", "each") for c in clause.children)


def _described(trigger: Token) -> bool:
    """A participle that only names a noun's state: "the Russian-occupied plant", "rebel-held
    areas", "a foreign occupying force", "the jailed opposition leader"; or a perfect
    infinitive that describes: "the only two states to have signed peace treaties"."""
    if trigger.dep_ == "amod" and trigger.tag_ in ("VBN", "VBG") and trigger.i < trigger.head.i:
        return True
    return (
        trigger.dep_ == "acl"
        and infinitive(trigger)
        and any(c.dep_ == "aux" and c.lower_ == "have" for c in trigger.children)
    )
