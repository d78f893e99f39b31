"""Whom it was done to: the targets of an event.

The pattern names the slots its target may sit in (object, dative, "with",
"against" ...); a verb may also use the usual ones, an event noun only its own.
Slots near the trigger are tried first. Failing those, the target is the one a
demand is made of ("demanded that the US cancel"), the one a threat's condition or
a protest's demand names ("unless Israel rescinds", "calling for independence
from Y"), the object of the purpose clause ("to disperse the demonstrators"), the
country of the place the event is aimed at ("arrived in Amman"), or the object of
a clause the trigger governs ("sent troops to curb the protests").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tidings.events.arguments import (
    antecedent,
    arg_tokens,
    depth_below,
    infinitive,
    objects,
    pobjs,
    subject,
    verb_lemmas,
)
from tidings.events.lexicon import DEFAULT_TARGETS, Pattern, default_lexicon
from tidings.events.modality import DEMAND_NOUNS, refused
from tidings.events.parties import ensure_actor, home_ref, protest_noun, protesters, unique
from tidings.events.sources import noun_source, of_object
from tidings.events.sources import sources as find_sources
from tidings.events.state import ArticleState
from tidings.model import ActorRef, Article, Span
from tidings.syntax import clause_head, conjuncts, phrase_tokens
from tidings.words import words

if TYPE_CHECKING:
    from spacy.tokens import Token

MUTUAL_VERBS = words("events", "mutual_verbs")
PATIENT_NOUNS = words("events", "patient_nouns")
OBJECT_CONTROL_VERBS = words("events", "object_control_verbs")
PROTEST_AIM_VERBS = words("events", "protest_aim_verbs")
EMBLEM_NOUNS = words("events", "emblem_nouns")
MISSION_NOUNS = words("events", "mission_nouns")
MEDIUM_NOUNS = words("events", "medium_nouns")
GIVE_VERBS = words("events", "give_verbs")
RECEIVE_VERBS = words("events", "receive_verbs")
TAKE_VERBS = words("events", "take_verbs")
SEND_VERBS = words("events", "send_verbs")
ATTITUDE_NOUNS = words("events", "attitude_nouns")
EXPRESSING_VERBS = words("events", "expressing_verbs")
# Possessive pronouns: in a protest's target phrase ("a cut to their pay") they are the protesters.
POSSESSIVE_PRONOUNS = frozenset({"their", "its", "his", "her", "our"})
# Determiners by which an event noun refers back to an act already told ("condemned the drills").
ANAPHORIC_DETS = frozenset({"the", "this", "these", "those", "such"})
# Giving aid (economic, military, humanitarian): with no recipient named, the story's country receives it.
AID_CODES = frozenset({"070", "071", "072", "073"})
# Acts of saying (statements, appeals, talks, praise, demands, disapproval, rejection, threats): the
# place they were said in is not whom they were said to ("In Tehran, a spokesman condemned ...",
# "the leaders met in Vilnius"), though a place inside what they are about may be ("pressed for
# the release of nationals held in Iran"); a visit's place is its target (042, 043).
SPOKEN_ROOTS = frozenset({"01", "02", "04", "05", "10", "11", "12", "13"})
VISIT_CODES = frozenset({"042", "043"})
# Nouns that refer back to an act without naming its kind, and the kinds of act (CAMEO roots) each
# list may stand for: "condemned the measures" after "imposed sanctions", "welcomed the deal".
REFERRING_NOUNS: tuple[tuple[frozenset[str], frozenset[str]], ...] = (
    (words("events", "decision_nouns"), frozenset({"06", "07", "08", "15", "16", "17", "18", "19", "20"})),
    (words("events", "accord_nouns"), frozenset({"03", "05", "06", "08"})),
    (words("events", "verdict_nouns"), frozenset({"11"})),
    (words("events", "violence_nouns"), frozenset({"18", "19", "20"})),
)
# Kinds of act whose two sides are both parties to what a referring noun names ("the deal").
PARTY_ROOTS = frozenset({"03", "05", "06"})
# How far below the trigger "each other" may sit: "expelled [six] of each other's diplomats".
RECIPROCAL_DEPTH = 4
_DEMANDS = DEMAND_NOUNS | {"demand"}


def targets(
    p: Pattern, trigger: Token, st: ArticleState, source: ActorRef | None = None
) -> tuple[list[ActorRef], bool]:
    """The targets and whether they are only the place the event happened in."""
    refs, from_place = _targets(p, trigger, st, source)
    aid = p.code in AID_CODES or p.code.startswith("033")
    if not refs and source is not None and aid and (p.obj or p.has):
        # "China said it would provide $4 million in emergency assistance": aid (the pattern
        # names what is given) with no recipient named goes to the country the story is about.
        recipient = _story_country(st.article, source)
        return ([recipient] if recipient is not None else []), False
    return refs, from_place


def _talks_parties(noun: Token, st: ArticleState, not_source: int, source: ActorRef | None) -> list[ActorRef]:
    """The parties of talks: "talks between X and Y", else the doers of the clause the talks
    are told in ("X and Y signed a truce after talks ...")."""
    between = [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "between" for o in pobjs(c)]
    toks = [x for o in between for x in conjuncts(o)]
    if not toks:
        subj, _ = subject(clause_head(noun))
        toks = conjuncts(subj) if subj is not None else []
    mediators = {source.actor.country} if source is not None and source.actor.country else set()
    refs = [
        r
        for t in toks
        for r in st.index.resolve_all(t)
        if r.actor.id != not_source and (not r.actor.country or r.actor.country not in mediators)
    ]
    countries = {r.actor.country for r in refs}
    if len(refs) > 1 and len(countries) == 1 and None not in countries:
        # "between Sudan's army and the RSF": a mediation in one country's conflict is aimed at it
        return [home_ref(st.article, refs[0])]
    return unique(refs)


def _channel(tok: Token, trigger: Token, st: ArticleState) -> bool:
    """The phrase on the trigger's "on" names a news outlet or medium the words went out on
    ("on MSNBC", "on social media"), not whom they were aimed at."""
    if tok.head.head.i != trigger.i:
        return False
    if tok.lemma_.lower() in MEDIUM_NOUNS:
        return True
    return any(r.actor.sector == "MED" for r in st.index.all_at(tok))


def _story_country(article: Article, source: ActorRef | None) -> ActorRef | None:
    """The country the article is about, as an actor, when it is not the source's own."""
    country = article.focus_country
    if not country or (source is not None and source.actor.country == country):
        return None
    home = next((a for a in article.actors if a.kind == "country" and a.code == country and a.mentions), None)
    return ActorRef(home, home.mentions[0]) if home is not None else None


def _targets(
    p: Pattern, trigger: Token, st: ArticleState, source: ActorRef | None = None
) -> tuple[list[ActorRef], bool]:
    args = arg_tokens(trigger)
    # "Russia closed its borders with Iran": a slot that only names the source again
    # ("its") gives no target; the next slot may.
    not_source = source.actor.id if source is not None else -1
    protest = p.code[:2] == "14"
    if protest:
        # A protest's own demand names whom it is aimed at better than where it happened
        # ("rioted at a jail in Dili, demanding independence from Indonesian rule").
        aimed = _aimed_at(p, trigger, st, not_source) or _mission_of(args, st, not_source)
        if aimed:
            return aimed, False
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("nsubj", "nsubjpass"):
        # "protests broke out against X": the target hangs on the verb of the noun.
        args += [c for c in trigger.head.children if c.dep_ == "prep"]
    if p.code.startswith("045") and trigger.dep_ == "acl" and trigger.head.pos_ in ("NOUN", "PROPN"):
        # "signed a truce after talks brokered by Cuba and Norway": the mediators act between
        # the parties of the talks (named with "between", else the clause's doers).
        parties = _talks_parties(trigger.head, st, not_source, source)
        if parties:
            return parties, False
    if p.code[:2] == "11":
        # "claims that officers of a foreign state took part in attacks on X": the one accused
        # is the clause's subject, not an actor deep inside the clause.
        refs = _slot_targets(p, trigger, args, st, source, far=False) or _accused_in_clause(trigger, st, source)
        if refs:
            return refs, False
        if trigger.pos_ == "VERB" and any(o.pos_ in ("NOUN", "PROPN") for o in objects(trigger)):
            # "accused the chiefs of being on the firm's payroll", "criticised the decision to sell
            # arms to Taiwan": the one disapproved of is the object, even when no table knows it;
            # an actor deeper in what they are accused of is not.
            return [], False
    refs = _slot_targets(p, trigger, args, st, source)
    if refs:
        return refs, False
    if (
        trigger.pos_ in ("NOUN", "PROPN")
        and trigger.lemma_.lower() in PATIENT_NOUNS
        and not of_object(trigger)  # "X's arrest of Y": X did it
    ):
        # "his arrest", "their release by the authorities": the possessor is the one it was done to.
        refs = [r for c in trigger.children if c.dep_ == "poss" for r in st.index.resolve_all(c)]
        refs = [r for r in refs if r.actor.id != not_source]
        if refs:
            return unique(refs), False
    if p.code[:2] == "13":
        # "warned that if Iran attacked, Israel would strike": whom the condition names, not the
        # side the warning says will act
        aimed = _aimed_at(p, trigger, st, not_source)
        if aimed:
            return aimed, False
    refs = _asked_in_clause(trigger, args, st)
    if refs:
        return refs, False
    aimed = _aimed_at(p, trigger, st, not_source) if not protest else []
    if aimed:
        return aimed, False
    if trigger.dep_ in ("advcl", "xcomp") and infinitive(trigger) and set(verb_lemmas(trigger.head)) & SEND_VERBS:
        # "sent 21 personnel to Bosnia to investigate": where they were sent to act.
        args = args + [t for t in arg_tokens(trigger.head) if t.i < trigger.i]
    if p.code[:2] in ("10", "12"):
        # "rejected a call for its forces to be deployed in East Timor": the place the
        # proposal or demand is about.
        args = args + [x for o in objects(trigger) for c in o.children if c.dep_ in ("relcl", "acl") for x in c.subtree]
    # A target may sit in the purpose clause ("opened fire to disperse the demonstrators",
    # "mobilized lobby groups to help support the Palestinians"): whom the act is for
    # outranks where it happened.
    purposes = [c for c in trigger.children if c.dep_ == "advcl" and infinitive(c)]
    refs = clause_objects(p, purposes, st)
    if refs:
        return refs, False
    if p.code[:2] in SPOKEN_ROOTS and p.code[:3] not in VISIT_CODES:
        args = [t for t in args if t.head.head.i != trigger.i]
    place = _place_target(args, st.article)
    if place is not None:
        return [place], True
    # ... or in a clause it governs ("sent troops to curb the protests").
    return clause_objects(p, args, st), False


def met_between(verb: Token) -> bool:
    """The verb is told as done at a meeting of parties: "discussed at a meeting between X and
    Y", "agreed during talks between X and Y"."""
    return verb.pos_ == "VERB" and any(
        c.dep_ == "prep"
        and c.lower_ in ("at", "during", "in")
        and any(n.dep_ == "pobj" and reciprocal(n) for n in c.children)
        for c in verb.children
    )


def reciprocal(trigger: Token) -> bool:
    """The doers act on one another: "blamed each other", "expelled each other's diplomats",
    "clashed with one another", "clashes between X and Y". Each of them is the other's target."""
    if trigger.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "prep" and c.lower_ == "between" for c in trigger.children):
        return True  # the sources are then the parties, unless the noun names its doer
    if (
        trigger.pos_ == "VERB"
        and trigger.lemma_.lower() in MUTUAL_VERBS
        and not objects(trigger)
        and not any(c.dep_ == "prep" and c.lower_ in ("with", "against") for c in trigger.children)
    ):
        # "the army and the rebels clashed", "police and protesters fought": with no one else
        # named, the doers are each other's targets (with one doer, "clashed with X" names X).
        return True
    for t in arg_tokens(trigger):
        prev = t.doc[t.i - 1] if t.i > 0 else None
        if (
            prev is not None
            and (prev.lower_, t.lower_) in (("each", "other"), ("one", "another"))
            and depth_below(t, trigger) <= RECIPROCAL_DEPTH
        ):
            return True
    return False


def _slots(p: Pattern, trigger: Token) -> list[str]:
    """The slots a target may sit in, in the order they are tried."""
    # A verb may take its target from any usual slot; an event noun only from its own
    # ("protests against X"), not from "blame for the protests on agitators".
    noun = trigger.pos_ in ("NOUN", "PROPN")
    slots = list(p.targets) if noun else list(dict.fromkeys([*p.targets, *DEFAULT_TARGETS]))
    lemmas = set(verb_lemmas(trigger))
    if not noun and lemmas & RECEIVE_VERBS:
        slots.insert(0, "from")  # "received weapons from the government"
    elif not noun and lemmas & GIVE_VERBS:
        # "is providing intelligence to Macedonia": the recipient, not the thing given.
        slots = ["dative", "to", *(x for x in slots if x not in ("dative", "to"))]
    elif not noun and lemmas & TAKE_VERBS:
        slots.append("from")  # "confiscated weapons from armed groups"
    if not noun:
        slots.append("between")  # "launched a mediation effort between X and Y"
    if not noun and p.code[:2] in ("02", "10"):
        slots.append("from")  # "called for more respect from the government": whom it is asked of
    if p.code[:2] == "14" and "over" not in slots:
        slots.append("over")  # "stopped work ... in a strike over a bill"
    return slots


def _slot_targets(
    p: Pattern, trigger: Token, args: list[Token], st: ArticleState, source: ActorRef | None, *, far: bool = True
) -> list[ActorRef]:
    """The actors in the first slot that names any: the pattern's own slots at any depth,
    then every slot near the trigger, then (``far``) every slot further down."""
    slots = _slots(p, trigger)
    not_source = source.actor.id if source is not None else -1
    protest = p.code[:2] == "14"
    spoken = p.code[:2] in SPOKEN_ROOTS
    # "Britain mobilized army reservists": a mobilisation's object is the source's own force.
    own_country = source.actor.country if source is not None and p.code[:2] == "15" else None
    # Slots near the trigger first: "is opposed to French mediation in talks with Syria"
    # is aimed at France, not at Syria three phrases down.
    # A pattern's own slots ("launch ... tgt=against") count at any depth.
    own = list(p.targets) if p.targets != DEFAULT_TARGETS else []
    rounds = ((None, own), (True, slots), (False, slots)) if far else ((True, slots),)
    # The prepositions among the trigger's children and arguments, with their word and depth,
    # found once for every slot and round tried.
    preps_at = [
        (t, t.lower_, depth_below(t, trigger))
        for t in [*trigger.children, *args]
        if t.dep_ in ("prep", "dative", "agent")
    ]
    for near, tried in rounds:
        for slot in tried:
            if slot == "dobj":
                toks = [x for o in _objects(trigger) for x in _expressed(trigger, o, st)]
            elif slot == "dative":
                toks = [c for c in trigger.children if c.dep_ == "dative" and c.pos_ != "ADP"]
            else:
                preps = [t for t, word, depth in preps_at if word == slot and (not near or depth <= 2)]
                toks = [o for pr in preps for c in pobjs(pr) for o in conjuncts(c)]
                if spoken and slot == "on":
                    # "insisted on MSNBC", "warned on social media": where the words went out
                    toks = [t for t in toks if not _channel(t, trigger, st)]
            refs = [
                r
                for t in toks
                for r in refs_of(t, st)
                if r.actor.id != not_source
                and (own_country is None or r.actor.country != own_country)
                # protesters are not a protest's target, nor are they in "a cut to their pay"
                and not (protest and (r.actor.sector == "OPP" or r.span.text.lower() in POSSESSIVE_PRONOUNS))
            ]
            if refs:
                return unique(refs)
    return []


def _objects(trigger: Token) -> list[Token]:
    """The objects of a verb; for one of asking or telling with a "to" clause, only its own:
    in "asked to convey its thanks" the one asked is not named, "its thanks" is what is conveyed."""
    if set(verb_lemmas(trigger)) & OBJECT_CONTROL_VERBS and any(c.dep_ == "xcomp" for c in trigger.children):
        return [o for c in trigger.children if c.dep_ in ("dobj", "nsubjpass") for o in conjuncts(c)]
    return objects(trigger)


def _expressed(trigger: Token, obj: Token, st: ArticleState) -> list[Token]:
    """The object of a verb, or, when the verb expresses an attitude ("voiced U.S. concern to
    X about ..."), the first phrase the attitude is aimed at: what is voiced is no one."""
    if obj.lemma_.lower() not in ATTITUDE_NOUNS or not set(verb_lemmas(trigger)) & EXPRESSING_VERBS:
        return [obj]
    for c in obj.children:
        if c.dep_ == "prep":
            aimed = [o for o in pobjs(c) if refs_of(o, st)]
            if aimed:
                return aimed
    return []


def _asked_in_clause(trigger: Token, args: list[Token], st: ArticleState) -> list[ActorRef]:
    """ "demanded that the US cancel ...", "insisted on its demands that Burundi's government
    grant ...": the one asked is the subject of the clause."""
    demands = [t for t in args if t.lemma_.lower() in _DEMANDS]
    for c in [*trigger.children, *(c for d in demands for c in d.children if c.dep_ == "acl")]:
        if c.dep_ in ("ccomp", "acl"):
            subj = next((x for x in c.children if x.dep_ in ("nsubj", "nsubjpass")), None)
            refs = refs_of(subj, st) if subj is not None else []
            if refs:
                return unique(refs)
    return []


def _accused_in_clause(trigger: Token, st: ArticleState, source: ActorRef | None) -> list[ActorRef]:
    """ "allegations that agents of X were involved", "criticised it as ...": the subject of
    the "that" clause an accusation or criticism carries."""
    not_source = source.actor.id if source is not None else -1
    for c in trigger.children:
        if c.dep_ in ("ccomp", "acl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            subj = next((x for x in c.children if x.dep_ in ("nsubj", "nsubjpass")), None)
            refs = [r for r in (refs_of(subj, st) if subj is not None else []) if r.actor.id != not_source]
            if refs:
                return unique(refs)
    return []


def _place_target(args: list[Token], article: Article) -> ActorRef | None:
    """ "arrived in Amman", "protested in Minsk": a place stands for its country."""
    for t in args:
        if t.dep_ == "pobj" and t.head.lower_ in ("in", "to", "into"):
            # The place itself or one its phrase names ("in the northern city of Kirkuk").
            idx = [t.idx, *sorted(x.idx for x in phrase_tokens(t) if x.i != t.i)]
            place = next((pl for i in idx for pl in article.places if pl.start <= i < pl.end and pl.country), None)
            if place is not None and place.country:
                span = Span(place.text, place.start, place.end)
                actor = ensure_actor(article, country=place.country, sector=None, name=place.name, span=span)
                return ActorRef(actor, span)
    return None


def _mission_of(args: list[Token], st: ArticleState, not_source: int) -> list[ActorRef]:
    """ "rallied outside the French embassy": a protest at a state's mission is aimed at that state."""
    for t in args:
        if t.dep_ == "pobj" and t.lemma_.lower() in MISSION_NOUNS:
            refs = [r for r in st.index.resolve_all(t) if r.actor.id != not_source and r.actor.country]
            if refs:
                return unique(refs)[:1]
    return []


def clause_objects(p: Pattern, clauses: list[Token], st: ArticleState) -> list[ActorRef]:
    """The actors object of the first verb clause among ``clauses`` that has any (not what a
    protester carries: "waving Russian flags")."""
    for c in clauses:
        if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB":
            refs = [r for o in objects(c) if o.lemma_.lower() not in EMBLEM_NOUNS for r in refs_of(o, st)]
            if p.code[:2] == "14":
                # "rioted following a demonstration": protesters are not a protest's target.
                refs = [r for r in refs if r.actor.sector != "OPP"]
            if refs:
                return unique(refs)
    return []


def refs_of(tok: Token, st: ArticleState) -> list[ActorRef]:
    """The actors a target phrase stands for: its mentions, whoever did the act or thing it
    names, or the protesters of a protest."""
    tok = antecedent(tok) or tok  # "two aides, who were shot dead": the aides
    doer = _doer_of_act(tok, st)
    if doer is not None:
        # "condemned the expulsion of its ambassador by the junta": aimed at the junta.
        return [doer]
    told = _told_before(tok, st)
    if told:
        # "voiced concern over the arrests of American citizens": at who made the arrests.
        return told
    refs = st.index.resolve_all(tok)
    if not refs and tok.pos_ == "NOUN":
        # "an investigation into crimes committed by Croat forces", "a strike over a bill
        # signed by the minister", "demanded the return of property seized by the army":
        # an act or thing is aimed at through whoever did it.
        nouns = [t for t in phrase_tokens(tok) if t.pos_ == "NOUN"]
        for c in (c for n in nouns for c in n.children):
            if c.dep_ == "acl" and c.tag_ == "VBN":
                agents = [o for a in c.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
                if not agents and set(verb_lemmas(c)) & TAKE_VERBS:
                    # "will return weapons seized from UN peacekeepers": to whom they were taken from.
                    agents = [o for a in c.children if a.lower_ == "from" for o in a.children if o.dep_ == "pobj"]
                refs = [r for o in agents for r in st.index.resolve_all(o)]
                if refs:
                    return refs
    if not refs and protest_noun(tok):
        refs = [protesters(tok, st.article)]
    return refs


def _told_before(noun: Token, st: ArticleState) -> list[ActorRef]:
    """ "Taiwan condemned the drills", "Iran condemned the measures": the doers of the act a
    definite event noun refers back to: the latest one told by the same word before it, else
    the latest event of its kind coded before it in the article (a noun that names no kind,
    "the move", "the deal", stands for the first act of the kinds it may refer to: the news
    the article leads with)."""
    lemma = noun.lemma_.lower()
    pats = default_lexicon().nouns.get(lemma) if noun.pos_ == "NOUN" else None
    roots = {p.code[:2] for p in pats} if pats else _referred_roots(noun)
    if not roots or not any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETS for c in noun.children):
        return []
    sentence = st.article.sentence_at(noun.idx)
    if sentence is None:
        return []
    for t in reversed(noun.doc[: noun.i]) if pats else ():
        # The same word first: "carried out strikes ... Iran condemned the strikes".
        if pats and t.pos_ in ("NOUN", "VERB") and lemma in verb_lemmas(t):
            doers = [r for r in find_sources(t, st, pats[0])[0] if r is not None]
            if doers:
                return doers
    told = [
        (i, side)
        for code, src, tgt, i in st.seen
        if code[:2] in roots and src and i <= sentence.index
        for side in ((src, tgt) if code[:2] in PARTY_ROOTS and not pats else (src,))
        if side
    ]
    if not told:
        return []
    # An event noun is the latest act of its kind; a noun that names no kind ("the measures") is
    # the news the article leads with, to which the reactions it reports respond.
    latest = max(i for i, _ in told) if pats else min(i for i, _ in told)
    actors = {a.id: a for a in st.article.actors}
    out = []
    for src in dict.fromkeys(src for i, src in told if i == latest):
        actor = actors.get(src)
        before = [m for m in actor.mentions if m.start < noun.idx] if actor is not None else []
        if actor is not None and before:
            out.append(ActorRef(actor, before[-1]))
    return out


def _referred_roots(noun: Token) -> frozenset[str]:
    """The kinds of act a noun that names no kind of its own may refer back to ("the move")."""
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or any(c.dep_ in ("poss", "prep", "acl", "relcl") for c in noun.children):
        return frozenset()  # "Russia's move", "the decision to withdraw": the phrase says whose, or what
    return next((roots for nouns, roots in REFERRING_NOUNS if lemma in nouns), frozenset())


def _doer_of_act(tok: Token, st: ArticleState) -> ActorRef | None:
    """Who did the act an event noun names, when the noun names its doer ("the expulsion of
    its ambassador by the junta", "Russia's invasion")."""
    pats = default_lexicon().nouns.get(tok.lemma_.lower()) if tok.pos_ == "NOUN" else None
    if not pats:
        return None
    ref, inherited = noun_source(tok, st, pats[0])  # "withdrawal from Bosnia" is where from
    return ref if ref is not None and not inherited else None


def _aimed_at(p: Pattern, trigger: Token, st: ArticleState, not_source: int) -> list[ActorRef]:
    """Whom a threat or a protest is aimed at when no slot of the trigger names it.

    A threat names it in its condition ("threatened to strike unless Israel rescinds",
    "if the United States goes ahead"); a protest in the demand it carries ("went on
    hunger strike to demand the resignation of X", "blocked roads, calling for
    independence from Y") or in "in defiance of X".
    """
    root = p.code[:2]
    holders = [trigger, *(c for c in trigger.children if c.dep_ == "xcomp")]  # "threatened to stop X if Y ..."
    if root == "13":
        # "warned that if Iran attacked, Israel would strike back": the condition of what is said
        holders += [c for c in trigger.children if c.dep_ == "ccomp"]
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("dobj", "pobj"):
        # "continued their hunger strike to demand ...": the clause hangs on the verb.
        holders.append(trigger.head.head if trigger.dep_ == "pobj" else trigger.head)
    if root == "14":
        # "rioted following a demonstration calling for ...": the demand of the protest it joined.
        holders += [t for t in arg_tokens(trigger) if protest_noun(t)]
    for h in holders:
        for c in h.children:
            refs = (
                (_condition_of(c, st, not_source) if root == "13" else [])
                or _defied(c, st, not_source)
                or (_defied_pressure(c, st, not_source) if root == "12" or refused(trigger) else [])
                or (_protest_demand(c, st, not_source) if root == "14" else [])
            )
            if refs:
                return refs
    return []


def _condition_of(c: Token, st: ArticleState, not_source: int) -> list[ActorRef]:
    """ "threatened to strike unless Israel rescinds": the subject of the condition."""
    if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children):
        subj, _ = subject(c)
        refs = [r for r in (st.index.resolve_all(subj) if subj is not None else []) if r.actor.id != not_source]
        if refs:
            return unique(refs)
    return []


def _defied(c: Token, st: ArticleState, not_source: int) -> list[ActorRef]:
    """ "in defiance of Chinese authorities": whom the act defies."""
    if c.dep_ == "prep" and c.lower_ == "in":
        for n in c.children:
            if n.dep_ == "pobj" and n.lemma_.lower() == "defiance":
                refs = [r for x in phrase_tokens(n) if x.i != n.i for r in st.index.all_at(x)]
                refs = [r for r in refs if r.actor.id != not_source]
                if refs:
                    return unique(refs)[:1]
    return []


def _defied_pressure(c: Token, st: ArticleState, not_source: int) -> list[ActorRef]:
    """ "declined to resign despite pressure by the commission": whom a refusal defies."""
    if c.dep_ == "prep" and c.lower_ in ("despite", "under", "amid"):
        for n in c.children:
            if n.dep_ == "pobj" and n.lemma_.lower() in _DEMANDS:
                refs = [
                    r
                    for g in n.children
                    if g.dep_ in ("prep", "agent") and g.lower_ in ("by", "from")
                    for o in g.children
                    if o.dep_ == "pobj"
                    for r in st.index.resolve_all(o)
                    if r.actor.id != not_source
                ]
                if refs:
                    return unique(refs)
    return []


def _protest_demand(c: Token, st: ArticleState, not_source: int) -> list[ActorRef]:
    """ "went on hunger strike to demand the resignation of X", "rioted ..., joining
    demonstrators in demanding X": the first actor the demand names, nearest first,
    leaving out the protesters."""
    aims = [c] if c.dep_ in ("advcl", "xcomp", "acl") else []
    if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VBG":
        # "rioted ..., joining demonstrators in demanding X"
        aims += [g for x in c.children if x.dep_ == "prep" for g in x.children if g.dep_ == "pcomp"]
    for a in aims:
        if a.lemma_.lower() not in PROTEST_AIM_VERBS:
            continue
        for t in arg_tokens(a):
            refs = [r for r in st.index.all_at(t) if r.actor.id != not_source and r.actor.sector != "OPP"]
            if refs:
                return unique(refs)
    return []
