"""Who did it: the source of an event.

A verb's source is the actor its subject stands for (each of several conjoined
subjects; the "by" agent of a passive; the subject inherited through "and"/"to"
chains or the one asked in "urged X to"; the speaker a pronoun refers to). A
passive with no agent may name its doer on the attack it happened in ("killed in
Israeli shelling"); an event noun names it by "by"/"from", a possessive or
modifier ("Russian pressure"), or the verb that conducts it ("began a hunger
strike"). Nouns whose doer a verb took are recorded in ``ArticleState.consumed``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tidings.events.arguments import (
    antecedent,
    dateline_end,
    is_passive,
    light_verb,
    nominal,
    pobjs,
    subject,
    under_phrase,
    verb_lemmas,
)
from tidings.events.lexicon import Pattern
from tidings.events.modality import speaker_of
from tidings.events.parties import ensure_actor, protest_noun, protesters, unique
from tidings.events.state import ArticleState
from tidings.model import ActorRef, Span
from tidings.syntax import conjuncts
from tidings.words import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

ATTACK_NOUNS = words("events", "attack_nouns")
NON_AGENT_NOUNS = words("events", "non_agent_nouns")
CONDUCT_VERBS = words("events", "conduct_verbs")
PATIENT_NOUNS = words("events", "patient_nouns")
# Prepositions by which an event noun sets the scene for the clause's verb: "in talks with X, Y said".
SETTING_PREPS = ("in", "during", "at", "after", "before", "following")


def sources(trigger: Token, st: ArticleState, p: Pattern) -> tuple[list[ActorRef | None], bool]:
    """Who did it: one actor per conjoined subject ("Brazil and the United States"), and
    whether the doer was inherited from another verb or guessed."""
    index = st.index
    if nominal(trigger):
        ref, inherited = noun_source(trigger, st, p)
        parties = between(trigger, st)
        if (ref is None or inherited) and len(parties) > 1:
            return list(parties), False  # "clashes between the army and the RSF": each of them
        if ref is not None and inherited and _conducted(trigger):
            # "The United States and Britain carried out strikes": each of the doers.
            subj, _ = subject(trigger.head)
            refs = unique([r for c in conjuncts(subj) for r in index.resolve_all(c)]) if subj is not None else []
            refs = unique(refs + _listed_with(refs, trigger.doc, st))
            if any(r.actor.id == ref.actor.id for r in refs):
                return list(refs), inherited
        return [ref], inherited
    subj, inherited = subject(trigger)
    if subj is None and trigger.dep_ in ("acl", "relcl") and trigger.head.dep_ == "dobj" and not is_passive(trigger):
        # "introduced measures to remove restrictions": who introduced them removes them.
        subj, inherited = subject(trigger.head.head)
        inherited = True
    if subj is None and trigger.dep_ == "acl" and trigger.head.pos_ == "NOUN" and not is_passive(trigger):
        # "Poland's decision to expel three diplomats", "Moscow's plan to annex": the decider acts.
        subj = next((c for c in trigger.head.children if c.dep_ == "poss"), None)
        inherited = subj is not None
    if subj is None:
        ref = _instrument_agent(trigger, st) if is_passive(trigger) else None
        under = under_phrase(trigger)
        if under is not None:
            # "came under heavy Azerbaijani shelling", "Azerbaijani" taken for the object of "under".
            ref = next((r for o in pobjs(under) for r in index.resolve_all(o)), None)
        return [ref], ref is None
    if subj.lemma_.lower() in NON_AGENT_NOUNS:
        return [None], True  # "killed by the crash": no one did it
    if antecedent(subj) is not None and _dated(subj.head, st):
        # "the leaders of the party who led a march on Friday": the relative pronoun is the
        # noun it stands for. Undated, such a clause only describes ("a group that has staged
        # attacks") and is no event of its own.
        subj = antecedent(subj) or subj
    refs = unique([r for c in [*conjuncts(subj), *_cut_off(subj)] for r in index.resolve_all(c)])
    refs = unique(refs + _listed_with(refs, trigger.doc, st))
    if all(r.actor.code in ("", "---") for r in refs):
        # "Yevgeny Prigozhin, the founder of the Wagner group, ordered": who he is, by his title.
        titled = [r for c in subj.children if c.dep_ == "appos" for r in index.resolve_all(c)]
        refs = unique([r for r in titled if r.actor.code not in ("", "---")]) or refs
    if not refs and subj.pos_ == "PRON":
        # "Assad's regime said it would allow access": "it" is the speaker.
        speaker = speaker_of(trigger)
        refs = index.resolve_all(speaker) if speaker is not None else []
    if not refs and trigger.dep_ == "acl" and subj.i == trigger.head.i and subj.dep_ == "dobj":
        # "issued a declaration demanding ...": the issuer demands.
        outer, _ = subject(subj.head)
        refs = unique(index.resolve_all(outer)) if outer is not None else []
    if not refs and is_passive(trigger) and subj.dep_ == "pobj":
        # "blown up by a missile believed to be fired by rebels": the weapon's user.
        ref = _weapon_user(subj, st)
        refs = [ref] if ref is not None else []
    return (list(refs) or [None]), inherited


def _dated(verb: Token, st: ArticleState) -> bool:
    """The clause of ``verb`` is dated by a time phrase of its own: "on Friday", "last week"."""
    times = [t for t in st.article.times if t.kind == "date" and t.value]
    heads = [c for c in verb.children if c.dep_ in ("npadvmod", "tmod")]
    heads += [o for c in verb.children if c.dep_ == "prep" for o in pobjs(c)]
    return any(t.start <= h.idx < t.end for h in heads for t in times)


def noun_source(noun: Token, st: ArticleState, p: Pattern | None = None) -> tuple[ActorRef | None, bool]:
    """Who an event noun's act is by: "the crackdown by riot police", "Russian pressure",
    "pressure from Congress" (unless the pattern takes its target from "from")."""
    index = st.index
    preps = ("by",) if p is not None and "from" in p.targets else ("by", "from")
    holders = [noun]
    light = light_verb(noun)
    if light is not None:
        holders.append(light)  # "received assurances from the government"
    light_i = light.i if light is not None else -1
    # "the expulsion of the ambassador by Kinshasa", with "by" hung on the ambassador.
    holders += [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for o in pobjs(c)]
    if noun.dep_ == "dobj" and not is_passive(noun.head):
        # "condemned the expulsion of its consul by Algeria", with "by" hung on the verb.
        holders.append(noun.head)
    for h in holders:
        for c in h.children:
            verb = h.i == noun.head.i and h.i != light_i  # only "by", and after the noun
            if c.dep_ in ("prep", "agent") and c.lower_ in (("by",) if verb else preps) and (not verb or c.i > noun.i):
                for cc in c.children:
                    ref = index.resolve(cc) if cc.dep_ == "pobj" else None
                    if cc.dep_ == "pobj" and (ref is not None or h.i == noun.i or h.i == light_i):
                        return ref, False
    for c in noun.children:
        if c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in ATTACK_NOUNS:
            continue  # "drone strikes": the weapon, not who used it
        if c.dep_ == "poss" and noun.lemma_.lower() in PATIENT_NOUNS and not of_object(noun):
            continue  # "his arrest", "their release": the one it was done to ("Poland's expulsion of X": by)
        if c.dep_ in ("poss", "compound", "amod", "nmod"):
            # "stiff international and Palestinian criticism": each of the joined modifiers.
            for m in conjuncts(c) if c.dep_ == "amod" else [c]:
                ref = index.at(m)
                if ref is not None:
                    return ref, False
    if _conducted(noun):
        # "The United States speeded up the withdrawal", "landowners began a hunger strike".
        subj, _ = subject(noun.head)
        ref = index.resolve(subj) if subj is not None else None
        if ref is not None:
            return ref, True
    if (
        noun.dep_ == "pobj"
        and noun.head.lower_ in SETTING_PREPS
        and noun.head.head.pos_ in ("VERB", "AUX")
        and not protest_noun(noun)  # "backed him during the protests": not a protester
    ):
        # "In a telephone call with Macron, Putin said ...": the one who said it took part.
        subj, _ = subject(noun.head.head)
        ref = index.resolve(subj) if subj is not None else None
        if ref is not None:
            return ref, True
    if protest_noun(noun):
        # "Ruto, whose government faced street protests at home": Kenyans protested.
        faced, _ = subject(light) if light is not None else (None, True)
        facing = index.resolve(faced) if faced is not None else None
        return protesters(noun, st.article, facing.actor.country if facing is not None else None), True
    return None, True


def of_object(noun: Token) -> bool:
    """The event noun names what it was done to with "of" ("the expulsion of three diplomats")."""
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)


def own_act(noun: Token, doers: list[ActorRef | None], st: ArticleState) -> bool:
    """The object noun of a verb that already made events names an act of other doers than
    the verb's (``doers``): "condemned the expulsion of its consul by Algeria", "reported
    clashes between the army and the RSF". It is an event of its own, not the verb's."""
    if len(between(noun, st)) > 1:
        return True
    ref, inherited = noun_source(noun, st)
    if ref is None or inherited:
        return False
    return all(d is None or (d.actor.id != ref.actor.id and d.actor.code != ref.actor.code) for d in doers)


def between(noun: Token, st: ArticleState) -> list[ActorRef]:
    """The parties an event noun is between: "talks between Hamas and Fatah", "clashes
    between the two forces"."""
    preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"]
    return unique([r for pr in preps for o in pobjs(pr) for c in conjuncts(o) for r in st.index.resolve_all(c)])


def _conducted(noun: Token) -> bool:
    """The noun is the object of a verb by which its subject does it ("launched an offensive")."""
    return noun.dep_ == "dobj" and bool(set(verb_lemmas(noun.head)) & CONDUCT_VERBS)


def _cut_off(subj: Token) -> list[Token]:
    """Conjoined subjects the parser cut off after a dateline: in "BAKU, Azerbaijan — Serbia
    and Kosovo accused ...", "Serbia and" left hanging before the subject "Kosovo"."""
    end = dateline_end(subj)
    first = subj.left_edge.i
    if end < 0 or first - 2 <= end:
        return []
    cc, name = subj.doc[first - 1], subj.doc[first - 2]
    if cc.lower_ == "and" and cc.head.i != subj.i and name.pos_ == "PROPN" and name.head.i not in (subj.i, subj.head.i):
        return [name]
    return []


def _listed_with(refs: list[ActorRef], doc: Doc, st: ArticleState) -> list[ActorRef]:
    """Actors coordinated inside a subject the parser or the actor mentions split
    unevenly: "Barack Obama and Vladimir Putin" with the "and" under "Obama";
    "The US, Russia, and Switzerland" with "Russia" taken into the first mention."""
    index, article = st.index, st.article
    out: list[ActorRef] = []
    for r in refs:
        span = doc.char_span(r.span.start, r.span.end, alignment_mode="expand")
        if span is None:
            continue
        for t in span:
            for c in t.children:
                if c.dep_ == "conj" and not (r.span.start <= c.idx < r.span.end):
                    out += index.resolve_all(c)
            if t.dep_ == "appos" and t.pos_ == "PROPN" and any(c.dep_ == "conj" for c in t.children):
                place = next((pl for pl in article.places if pl.start <= t.idx < pl.end and pl.country), None)
                if place is not None and place.country != r.actor.country:
                    pspan = Span(place.text, place.start, place.end)
                    actor = ensure_actor(article, country=place.country, sector=None, name=place.name, span=pspan)
                    out.append(ActorRef(actor, pspan))
    return out


def _instrument_agent(verb: Token, st: ArticleState) -> ActorRef | None:
    """A passive with no "by" agent may name its doer on the attack it happened in ("were
    killed in Israeli shelling", "died in an air strike by government forces") or the court
    it happened in ("was sentenced in a Moscow court")."""
    for c in verb.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "by", "during"):
            for n in c.children:
                court = st.index.resolve(n) if n.dep_ == "pobj" and c.lower_ == "in" else None
                if court is not None and court.actor.sector == "JUD":
                    return court  # "was charged in a federal court": the court charged him
                if n.dep_ == "pobj" and n.lemma_.lower() in ATTACK_NOUNS:
                    ref = _weapon_user(n, st)
                    if ref is not None:
                        return ref
                nxt = n.doc[n.i + 1] if n.i + 1 < len(n.doc) else None
                if (
                    n.dep_ == "pobj"
                    and nxt is not None
                    and nxt.tag_ == "VBG"
                    and nxt.lemma_.lower() in ATTACK_NOUNS | {"bomb", "shoot"}
                ):
                    # "in Russian shelling" parsed as "in [Russian]" + a gerund "shelling".
                    ref = st.index.resolve(n)
                    if ref is not None:
                        return ref
    return None


def _weapon_user(noun: Token, st: ArticleState) -> ActorRef | None:
    """Who wielded an attack or weapon noun: its own agent, or the one its participle names.
    When found, the noun's event is the verb's: it is recorded as consumed."""
    ref, inherited = noun_source(noun, st)
    if ref is None or inherited:
        ref = None
        for c in noun.children:
            if c.dep_ == "acl" and is_passive(c):  # "a missile believed to be fired by rebels"
                for v in [c, *(x for x in c.subtree if x.dep_ == "xcomp")]:
                    s, _ = subject(v)
                    if s is not None and s.i != noun.i:
                        ref = st.index.resolve(s)
                        if ref is not None:
                            break
    if ref is not None:
        st.consumed.add(noun.i)  # the noun's event is the verb's
    return ref
