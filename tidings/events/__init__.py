"""Events stage: who did what to whom, from the dependency parse and the event lexicon.

For every verb (and event noun: "protests", "crackdown") whose lemma is in
the lexicon, the most specific matching pattern gives the CAMEO code; the
source comes from the subject (each of several conjoined ones, the "by" agent
of a passive, the attack a passive happened in, the subject inherited through
"and"/"to" chains, the one asked in "urged X to"), the target from the slots
the pattern names. Coordinated targets make one event each; parties of a joint
act ("X and Y met") are each other's targets. Modality and negation come from
the verb's auxiliaries and the verbs above it; a frame and the act it frames
are one event ("agreed to lift" -> intent to ease sanctions, "urged X to
withdraw" -> appeal to yield); "X claimed/alleged that Y attacked" adds the
claim or accusation. The date and place come from the event's own clause
first, then its sentence, then the story. ``confidence`` is the calibrated
score of tidings.events.scoring; one happening told twice (the headline and
the body, or later again) is one event with several mentions.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from tidings.actors import LOCATIVE_PREPS, country_on
from tidings.actors import default_lexicon as default_actor_lexicon
from tidings.events.lexicon import DEFAULT_TARGETS, EventLexicon, Pattern, default_lexicon
from tidings.events.ontology import lookup
from tidings.events.scoring import Features, confidence
from tidings.model import Actor, ActorRef, Article, Context, Event, EventMention, Place, Sentence, Span
from tidings.syntax import clause_head, conjuncts, phrase_tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SAY_VERBS = frozenset(
    {
        "say",
        "allege",
        "claim",
        "report",
        "tell",
        "state",
        "insist",
        "accuse",
        "add",
        "assert",
        "argue",
        "suggest",
        "deny",
    }
)
INTENT_VERBS = frozenset(
    {"agree", "plan", "intend", "promise", "pledge", "vow", "want", "seek", "decide", "aim", "hope", "prepare", "offer"}
)
DEMAND_VERBS = frozenset(
    {"demand", "urge", "call", "ask", "press", "request", "pressure", "push", "encourage", "persuade", "implore"}
)
NEGATING_VERBS = frozenset({"refuse", "decline", "fail", "deny", "reject"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may"})
# People named by their tie to someone else: the phrase does not stand for that someone.
RELATIONAL_NOUNS = frozenset(
    {
        "ally",
        "friend",
        "relative",
        "wife",
        "husband",
        "son",
        "daughter",
        "brother",
        "sister",
        "aide",
        "associate",
        "rival",
        "critic",
        "opponent",
        "supporter",
        "lawyer",
        "widow",
        "mother",
        "father",
        "adviser",
        "advisor",
        "partner",
        "counterpart",
    }
)
SPEECH_ACT_VERBS = frozenset(
    {"say", "declare", "announce", "insist", "reiterate", "state", "stress", "warn", "tell", "conclude", "add"}
)
DEMAND_NOUNS = frozenset({"pressure", "call", "demand", "appeal", "request", "plea", "ultimatum", "order"})
ANNOUNCE_VERBS = frozenset({"announce", "declare", "warn", "promise", "pledge", "vow", "confirm", "threaten"})
INTENT_ADJECTIVES = frozenset({"willing", "prepared", "ready", "determined", "eager", "keen", "set", "poised"})
PROTEST_NOUNS = frozenset({"protest", "demonstration", "rally", "march", "unrest", "riot"})
# Verbs that say an event noun happened ("protests broke out"): such a noun is an
# event even with no actor named; elsewhere ("curb the protests") it only refers to one.
OCCUR_VERBS = frozenset(
    {
        "break",
        "erupt",
        "take",
        "continue",
        "spread",
        "hold",
        "stage",
        "organise",
        "organize",
        "rage",
        "begin",
        "start",
        "sweep",
        "flare",
        "escalate",
        "resume",
        "occur",
        "happen",
        "call",
        "join",
        "lead",
        "draw",
    }
)
# Nouns for people held or handed over, actors or not: "handed over the suspects".
PEOPLE_NOUNS = frozenset(
    {
        "suspect",
        "prisoner",
        "detainee",
        "hostage",
        "captive",
        "fugitive",
        "soldier",
        "national",
        "citizen",
        "refugee",
        "migrant",
        "body",
        "remains",
        "militant",
        "activist",
        "journalist",
        "dissident",
    }
)
# "asked X to help": X is the one who would help.
OBJECT_CONTROL_VERBS = frozenset(
    {
        "ask",
        "urge",
        "call",
        "press",
        "pressure",
        "force",
        "persuade",
        "tell",
        "want",
        "allow",
        "encourage",
        "invite",
        "order",
        "compel",
        "request",
        "push",
        "require",
        "wish",
    }
)
# "wants Putin to attack": what one wants of another is asked of them, not intended.
WANT_VERBS = frozenset({"want", "wish", "expect"})
# Deps under a trigger whose words are still its arguments (for has= and target search).
ARG_DEPS_BLOCKED = frozenset({"nsubj", "csubj", "relcl", "advcl", "ccomp", "conj", "parataxis", "punct", "mark", "cc"})
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


# Roots of acts done together: with no target named, conjoined subjects are each
# other's counterparts ("Brazil and the US agreed to deepen ties").
JOINT_ROOTS = frozenset({"03", "04", "05", "06"})
# An intended act of force is a threat ("wants to attack", "plans to impose sanctions").
INTENDED_THREAT_ROOTS = frozenset({"16", "18", "19", "20"})
#: Roots whose doer, when unnamed, is the country the act happened in: investigations, arrests, attacks,
#: fighting, mass violence ("a bomb killed three soldiers in Samarra").
UNNAMED_DOER_ROOTS = frozenset({"09", "17", "18", "19", "20"})
#: Verbs whose subject does the act named by their object noun: "sped up the withdrawal",
#: "launched an offensive", "stepped up its attacks".
CONDUCT_VERBS = frozenset(
    {
        "begin",
        "start",
        "launch",
        "continue",
        "resume",
        "speed",
        "step",
        "intensify",
        "escalate",
        "conduct",
        "stage",
        "mount",
        "complete",
        "carry",
        "expand",
        "extend",
        "widen",
        "accelerate",
        "order",
    }
)
#: Verbs of taking, whose "from" names who loses the thing: "confiscated weapons from militias".
TAKE_VERBS = frozenset({"seize", "confiscate", "steal", "take", "grab", "snatch", "withdraw", "expel", "evict", "loot"})
#: Verbs of giving, whose recipient ("to X", dative) is the target rather than the thing given.
GIVE_VERBS = frozenset(
    {"provide", "give", "send", "supply", "deliver", "offer", "grant", "sell", "ship", "extend", "donate", "hand"}
)
#: Clause verbs through which a protest says what it wants, and from whom: "marched to demand
#: the resignation of X", "blocked roads, calling for independence from Y".
PROTEST_AIM_VERBS = frozenset({"demand", "call", "press", "urge", "seek", "push", "protest", "denounce", "show"})
#: Verbs that send people somewhere to do what their purpose clause says.
SEND_VERBS = frozenset({"send", "dispatch", "deploy", "despatch", "fly"})
# Verbs by which the subject undergoes an event noun: "faced criticism from X".
UNDERGO_VERBS = frozenset({"face", "receive", "get", "draw", "attract", "suffer", "endure", "win", "earn"})
# Verbs whose other party gives rather than receives: "received weapons from X".
RECEIVE_VERBS = frozenset({"receive", "obtain", "get", "accept", "buy", "purchase"})
# Nouns of violence that can carry its doer when a passive names none
# ("were killed in Israeli shelling", "in an air strike by government forces").
ATTACK_NOUNS = frozenset(
    {
        "tank",
        "artillery",
        "mortar",
        "helicopter",
        "gunship",
        "warplane",
        "jet",
        "drone",
        "sniper",
        "attack",
        "strike",
        "airstrike",
        "shelling",
        "bombing",
        "bombardment",
        "raid",
        "fire",
        "gunfire",
        "shooting",
        "assault",
        "offensive",
        "crackdown",
        "ambush",
        "barrage",
        "missile",
        "rocket",
        "shell",
    }
)
# What kills or destroys without a doer: "killed by the crash" names no actor.
NON_AGENT_NOUNS = frozenset(
    {"crash", "accident", "earthquake", "quake", "flood", "flooding", "storm", "landslide", "disease", "virus"}
)
# Verbs of saying whose clause, when it reports another actor's act of force, is an
# accusation by the speaker (CAMEO 112); "claim"/"admit" of one's own act claims it (015).
ACCUSING_SAY_VERBS = frozenset({"claim", "allege", "charge", "assert", "insist", "contend", "maintain"})
CLAIMING_VERBS = frozenset({"claim", "admit", "acknowledge", "confirm"})
DENYING_VERBS = frozenset({"deny"})
# Appeals by what is asked for: CAMEO's 02 tree by the root of the act asked for.
APPEAL_CODES = {"04": "026", "05": "022", "06": "021", "07": "023", "08": "025"}
DEMAND_CODES = {"04": "106", "05": "102", "06": "101", "07": "103", "08": "105"}


def _arg_tokens(trigger: Token) -> list[Token]:
    """Words among the trigger's arguments: objects, prepositional phrases, xcomp chains."""
    out: list[Token] = []
    stack = [c for c in trigger.children if c.dep_ not in ARG_DEPS_BLOCKED]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in ("relcl", "advcl", "ccomp", "parataxis", "punct"))
    return sorted(out, key=lambda t: t.i)  # nearest first: "relations with Congo over their ties with Israel"


def _objects(trigger: Token) -> list[Token]:
    """Direct objects (or passive subjects) of a verb, through 'to using X' style chains."""
    if trigger.pos_ in ("NOUN", "PROPN"):
        return []
    subj_deps = ("nsubjpass",) if not _stative(trigger) else ()
    objs = [c for c in trigger.children if c.dep_ in ("dobj", "attr", "oprd", *subj_deps)]
    if not objs and trigger.dep_ == "acl" and trigger.tag_ == "VBN":
        objs = [trigger.head]  # "detainees beaten by police": the noun is the patient
    if not objs:
        # "denounced as an ugly crime Serbia's suppression of ...": the object moved after "as".
        objs = [
            a
            for c in trigger.children
            if c.dep_ == "prep" and c.lower_ == "as"
            for o in c.children
            if o.dep_ == "pobj"
            for a in o.children
            if a.dep_ == "appos"
        ]
    if not objs:
        for c in trigger.children:
            if c.dep_ in ("xcomp", "pcomp") or (c.dep_ == "prep" and c.children):
                for cc in c.children:
                    if cc.dep_ in ("dobj", "pcomp"):
                        objs.extend(x for x in ([cc] if cc.dep_ == "dobj" else cc.children) if x.dep_ == "dobj")
    return [o for obj in objs for o in conjuncts(obj)]


def _pobjs(prep: Token) -> list[Token]:
    """A preposition's objects; when the parser hung the noun phrase elsewhere ("granted
    asylum to [five officers] holed up in ..." with "officers" the subject of "holed"),
    the phrase that starts right after it."""
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    if objs or prep.i + 1 >= len(prep.doc):
        return objs
    for t in prep.doc[prep.i + 1 : prep.i + 8]:
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ not in ("compound", "poss") and t.left_edge.i == prep.i + 1:
            return [t]
    return []


def _depth(tok: Token, top: Token) -> int:
    """How many arcs lead down from ``top`` to ``tok`` (99 when ``tok`` is not below it)."""
    n = 0
    while tok.i != top.i:
        if tok.head.i == tok.i or n > 30:
            return 99
        tok, n = tok.head, n + 1
    return n


def _infinitive(verb: Token) -> bool:
    return any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children)


def _stative(verb: Token) -> bool:
    """ "X is opposed to Y": an adjective in passive form, whose subject is the doer."""
    return (
        verb.lower_ == "opposed"
        and any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)
        and not any(c.dep_ == "agent" for c in verb.children)
    )


def _is_passive(verb: Token) -> bool:
    if _stative(verb):
        return False
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (verb.dep_ == "acl" and verb.tag_ == "VBN")


def _subject(verb: Token, depth: int = 0) -> tuple[Token | None, bool]:
    """The subject of a verb and whether it was inherited from another verb."""
    if depth > 4:
        return None, True
    if _is_passive(verb):
        for c in verb.children:
            if c.dep_ == "agent":
                for cc in c.children:
                    if cc.dep_ == "pobj":
                        return cc, depth > 0
        return None, depth > 0
    for c in verb.children:
        if c.dep_ in ("nsubj", "csubj") or (c.dep_ == "nsubjpass" and _stative(verb)):
            return c, depth > 0
    if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):
        head = verb.head
        # "Obama is scheduled to attend", "was pressured by Congress to help": the passive's subject.
        passive_subj = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
        if passive_subj is not None:
            return passive_subj, True
        # "asked Obama to help", "urged Russia to withdraw": the one asked does it.
        obj = next((c for c in head.children if c.dep_ == "dobj"), None)
        if obj is not None and head.lemma_.lower() in OBJECT_CONTROL_VERBS:
            return obj, True
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and _is_passive(verb.head):
        # "was indicted by the court and will resign": the one indicted resigns, not the court.
        passive_subj = next((c for c in verb.head.children if c.dep_ == "nsubjpass"), None)
        if passive_subj is not None:
            return passive_subj, True
    if verb.dep_ in ("conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head, depth + 1)
    if verb.dep_ == "acomp" and _stative(verb) and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head, depth + 1)  # "Japan is opposed to ...", parsed with a copula head
    if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head.head, depth + 1)  # "Norway is willing to send ..."
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return verb.head, True
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        outer = verb.head.head
        if outer.pos_ not in ("VERB", "AUX"):
            return None, True
        obj = next((c for c in outer.children if c.dep_ == "dobj"), None)
        if obj is not None and verb.head.lower_ in ("for", "of"):
            return obj, True  # "jailed a student for helping", "accused Uganda of arming": the object did it
        return _subject(outer, depth + 1)
    if verb.dep_ == "advcl" and (verb.tag_ == "VBG" or _infinitive(verb)):
        passive_subj = next((c for c in verb.head.children if c.dep_ == "nsubjpass"), None)
        if _infinitive(verb) and passive_subj is not None:
            return passive_subj, True  # "was pressured by Congress to help": the one pressed
        return _subject(verb.head, depth + 1)  # "..., sending troops", "... to help defend X"
    return None, True


class MentionIndex:
    """Answers 'which actor does this token stand for?' from the actors stage's mentions."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.spans: list[tuple[Span, Actor]] = sorted(
            ((m, a) for a in article.actors for m in a.mentions), key=lambda x: (x[0].start, -(x[0].end - x[0].start))
        )

    def at(self, tok: Token) -> ActorRef | None:
        """The mention containing the token, preferring the smallest span."""
        best: tuple[Span, Actor] | None = None
        for span, actor in self.spans:
            if span.start <= tok.idx < span.end and (
                best is None or span.end - span.start < best[0].end - best[0].start
            ):
                best = (span, actor)
        return ActorRef(best[1], best[0]) if best else None

    def all_at(self, tok: Token) -> list[ActorRef]:
        """Every actor of the smallest mention containing the token (several for
        "agitators from Poland and the Netherlands")."""
        best = self.at(tok)
        if best is None:
            return []
        return [ActorRef(a, s) for s, a in self.spans if s.start == best.span.start and s.end == best.span.end]

    def resolve(self, tok: Token) -> ActorRef | None:
        """The actor a phrase stands for: its head's mention, else the first mention inside it."""
        refs = self.resolve_all(tok)
        return refs[0] if refs else None

    def resolve_all(self, tok: Token) -> list[ActorRef]:
        refs = self.all_at(tok)
        if refs:
            return refs
        if tok.lemma_.lower() in RELATIONAL_NOUNS:
            # "a close ally of Putin" is not Putin; but "its EU partners", "NATO allies" are
            # the members of the body the compound names.
            return [r for c in tok.children if c.dep_ == "compound" for r in self.all_at(c) if r.actor.kind == "igo"][
                :1
            ]
        for t in sorted(_phrase_not_located(tok), key=lambda t: t.i):
            refs = self.all_at(t)
            if refs:
                # "action against the United States and South Korea": both.
                head = tok.doc.char_span(refs[0].span.start, refs[0].span.end, alignment_mode="expand")
                for c in conjuncts(head.root if head is not None else t)[1:]:
                    refs += [r for r in self.all_at(c) if all(r.actor.id != x.actor.id for x in refs)]
                return refs
        return []


def _phrase_not_located(head: Token) -> list[Token]:
    """A noun phrase's tokens without the places it is located by: "streets in Hong Kong"
    are streets, "a jail in Dili" a jail, not Hong Kong or Dili ("police in Kharkiv" stay
    police of Kharkiv through the actor's own mention)."""
    out: list[Token] = []
    for t in phrase_tokens(head):
        a, located = t, False
        while a.i != head.i:
            if a.dep_ == "pobj" and a.head.lower_ in LOCATIVE_PREPS and a.head.lower_ != "into":
                located = True
                break
            a = a.head
        if not located:
            out.append(t)
    return out


def ensure_actor(article: Article, *, country: str | None, sector: str | None, name: str, span: Span) -> Actor:
    """The actor with this code, created when the article has none, with ``span`` as a mention."""
    country = country_on(country, article.published)
    code = (country or "") + (sector or "")
    kind = "agent" if sector else "country"
    return article.adopt_actor(
        lambda a: a.code == code and a.kind == kind,
        lambda n: Actor(n, name, code or "---", country, sector, None, kind),
        span,
    )


_PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves", "each other", "one another"})


class EventCoder:
    """Pipeline stage: sets ``article.events`` (needs ``doc``, ``actors``, ``times``, ``places``)."""

    name = "events"
    requires: tuple[str, ...] = ("doc", "actors", "times", "places")
    assigns: tuple[str, ...] = ("events", "actors")

    def __init__(self, *, lexicon: EventLexicon | None = None) -> None:
        self.lex = lexicon or default_lexicon()
        # Event nouns whose doer a verb took ("killed in Israeli shelling"): their event is the verb's.
        self._consumed: set[int] = set()

    # -- matching -------------------------------------------------------
    def _candidates(self, tok: Token) -> list[Pattern]:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB":
            for form in verb_lemmas(tok):
                if form in self.lex.verbs:
                    return self.lex.verbs[form]
            return []
        if tok.pos_ in ("NOUN", "PROPN"):
            pats = list(self.lex.nouns.get(lemma, []))
            prev = tok.doc[tok.i - 1] if tok.i > 0 else None
            if prev is not None and prev.dep_ == "compound":
                pats = self.lex.nouns.get(f"{prev.lemma_.lower()} {lemma}", []) + pats
            return pats
        return []

    def _fits(self, p: Pattern, tok: Token, index: MentionIndex) -> bool:
        # "crack down on": the particle may be parsed as a preposition or adverb too.
        if p.particle and not any(c.lower_ == p.particle and c.dep_ in ("prt", "prep", "advmod") for c in tok.children):
            return False
        if p.prep and not any(c.dep_ in ("prep", "dative") and c.lower_ == p.prep for c in tok.children):
            return False
        objs = _objects(tok)
        if p.obj:
            # The object's head, its compounds and what it measures: "aid deliveries",
            # "25,000 tons of food aid", "part of a military aid programme".
            heads = list(objs)
            for o in objs:
                heads += [c for c in o.children if c.dep_ == "compound"]
                heads += [
                    g
                    for c in o.children
                    if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children
                    if g.dep_ == "pobj"
                ]
                heads += [c for g in heads[len(objs) :] for c in g.children if c.dep_ == "compound"]
            lemmas = {o.lemma_.lower() for o in heads} | {o.lower_ for o in heads}
            lemmas |= {f"{o.doc[o.i - 1].lower_} {o.lower_}" for o in heads if o.i > 0}
            if not lemmas & p.obj:
                return False
        if p.people:
            refs = [index.resolve(o) for o in objs]
            if not any(r and (r.actor.kind in ("person", "agent")) for r in refs) and not any(
                o.lemma_.lower() in PEOPLE_NOUNS for o in objs
            ):
                return False
        if p.has:
            args = _arg_tokens(tok)
            words = {t.lemma_.lower() for t in args} | {t.lower_ for t in args}
            if tok.pos_ in ("NOUN", "PROPN"):
                words |= {t.lemma_.lower() for t in tok.sent}
            if not words & p.has:
                return False
        return True

    # -- arguments ------------------------------------------------------
    def _targets(
        self, p: Pattern, trigger: Token, index: MentionIndex, article: Article, source: ActorRef | None = None
    ) -> tuple[list[ActorRef], bool]:
        """The targets and whether they are only the place the event happened in."""
        args = _arg_tokens(trigger)
        # "Russia closed its borders with Iran": a slot that only names the source again
        # ("its") gives no target; the next slot may.
        not_source = source.actor.id if source is not None else -1
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
        protest = p.code[:2] == "14"
        if protest and "over" not in slots:
            slots.append("over")  # "stopped work ... in a strike over a bill"
        if protest:
            # A protest's own demand names whom it is aimed at better than where it happened
            # ("rioted at a jail in Dili, demanding independence from Indonesian rule").
            aimed = self._aimed_at(p, trigger, index, article, not_source)
            if aimed:
                return aimed, False
        # "Britain mobilized army reservists": a mobilisation's object is the source's own force.
        own_country = source.actor.country if source is not None and p.code[:2] == "15" else None
        if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("nsubj", "nsubjpass"):
            # "protests broke out against X": the target hangs on the verb of the noun.
            args += [c for c in trigger.head.children if c.dep_ == "prep"]
        # Slots near the trigger first: "is opposed to French mediation in talks with Syria"
        # is aimed at France, not at Syria three phrases down.
        # A pattern's own slots ("launch ... tgt=against") count at any depth.
        own = list(p.targets) if p.targets != DEFAULT_TARGETS else []
        for near, tried in ((None, own), (True, slots), (False, slots)):
            for slot in tried:
                if slot == "dobj":
                    toks = _objects(trigger)
                elif slot == "dative":
                    toks = [c for c in trigger.children if c.dep_ == "dative" and c.pos_ != "ADP"]
                else:
                    preps = [
                        t
                        for t in [*trigger.children, *args]
                        if t.dep_ in ("prep", "dative", "agent")
                        and t.lower_ == slot
                        and (not near or _depth(t, trigger) <= 2)
                    ]
                    toks = [o for pr in preps for c in _pobjs(pr) for o in conjuncts(c)]
                refs = [
                    r
                    for t in toks
                    for r in self._refs(t, index, article)
                    if r.actor.id != not_source
                    and (own_country is None or r.actor.country != own_country)
                    and not (protest and r.actor.sector == "OPP")  # protesters are not a protest's target
                ]
                if refs:
                    return _unique(refs), False
        # "demanded that the US cancel ...", "insisted on its demands that Burundi's government
        # grant ...": the one asked is the subject of the clause.
        demands = [t for t in args if t.lemma_.lower() in DEMAND_NOUNS | {"demand"}]
        for c in [*trigger.children, *(c for d in demands for c in d.children if c.dep_ == "acl")]:
            if c.dep_ in ("ccomp", "acl"):
                subj = next((x for x in c.children if x.dep_ in ("nsubj", "nsubjpass")), None)
                refs = self._refs(subj, index, article) if subj is not None else []
                if refs:
                    return _unique(refs), False
        aimed = self._aimed_at(p, trigger, index, article, not_source) if not protest else []
        if aimed:
            return aimed, False
        if trigger.dep_ in ("advcl", "xcomp") and _infinitive(trigger) and set(verb_lemmas(trigger.head)) & SEND_VERBS:
            # "sent 21 personnel to Bosnia to investigate": where they were sent to act.
            args = args + [t for t in _arg_tokens(trigger.head) if t.i < trigger.i]
        if p.code[:2] in ("10", "12"):
            # "rejected a call for its forces to be deployed in East Timor": the place the
            # proposal or demand is about.
            args = args + [
                x for o in _objects(trigger) for c in o.children if c.dep_ in ("relcl", "acl") for x in c.subtree
            ]
        # A target may sit in the purpose clause ("opened fire to disperse the demonstrators",
        # "mobilized lobby groups to help support the Palestinians"): whom the act is for
        # outranks where it happened.
        purposes = [c for c in trigger.children if c.dep_ == "advcl" and _infinitive(c)]
        refs = self._clause_objects(p, purposes, index, article)
        if refs:
            return refs, False
        # "arrived in Amman", "protested in Minsk": a place stands for its country.
        for t in args:
            if t.dep_ == "pobj" and t.head.lower_ in ("in", "to", "into"):
                # The place itself or one its phrase names ("in the northern city of Kirkuk").
                idx = [t.idx, *sorted(x.idx for x in phrase_tokens(t) if x.i != t.i)]
                place = next((pl for i in idx for pl in article.places if pl.start <= i < pl.end and pl.country), None)
                if place is not None and place.country:
                    span = Span(place.text, place.start, place.end)
                    actor = ensure_actor(article, country=place.country, sector=None, name=place.name, span=span)
                    return [ActorRef(actor, span)], True
        # ... or in a clause it governs ("sent troops to curb the protests").
        return self._clause_objects(p, args, index, article), False

    def _clause_objects(
        self, p: Pattern, clauses: list[Token], index: MentionIndex, article: Article
    ) -> list[ActorRef]:
        """The actors object of the first verb clause among ``clauses`` that has any."""
        for c in clauses:
            if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB":
                refs = [r for o in _objects(c) for r in self._refs(o, index, article)]
                if p.code[:2] == "14":
                    # "rioted following a demonstration": protesters are not a protest's target.
                    refs = [r for r in refs if r.actor.sector != "OPP"]
                if refs:
                    return _unique(refs)
        return []

    def _aimed_at(
        self, p: Pattern, trigger: Token, index: MentionIndex, article: Article, not_source: int
    ) -> list[ActorRef]:
        """Whom a threat or a protest is aimed at when no slot of the trigger names it.

        A threat names it in its condition ("threatened to strike unless Israel rescinds",
        "if the United States goes ahead"); a protest in the demand it carries ("went on
        hunger strike to demand the resignation of X", "blocked roads, calling for
        independence from Y") or in "in defiance of X".
        """
        root = p.code[:2]
        holders = [trigger, *(c for c in trigger.children if c.dep_ == "xcomp")]  # "threatened to stop X if Y ..."
        if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("dobj", "pobj"):
            # "continued their hunger strike to demand ...": the clause hangs on the verb.
            holders.append(trigger.head.head if trigger.dep_ == "pobj" else trigger.head)
        if root == "14":
            # "rioted following a demonstration calling for ...": the demand of the protest it joined.
            holders += [t for t in _arg_tokens(trigger) if t.lemma_.lower() in PROTEST_NOUNS]
        for h in holders:
            for c in h.children:
                if (
                    root == "13"
                    and c.dep_ == "advcl"
                    and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
                ):
                    subj, _ = _subject(c)
                    refs = [
                        r for r in (index.resolve_all(subj) if subj is not None else []) if r.actor.id != not_source
                    ]
                    if refs:
                        return _unique(refs)
                if c.dep_ == "prep" and c.lower_ == "in":
                    # "in defiance of Chinese authorities": whom the act defies.
                    for n in c.children:
                        if n.dep_ == "pobj" and n.lemma_.lower() == "defiance":
                            refs = [r for x in phrase_tokens(n) if x.i != n.i for r in index.all_at(x)]
                            refs = [r for r in refs if r.actor.id != not_source]
                            if refs:
                                return _unique(refs)[:1]
                if (
                    (root == "12" or _refused(trigger))
                    and c.dep_ == "prep"
                    and c.lower_ in ("despite", "under", "amid")
                ):
                    # "declined to resign despite pressure by the commission": whom it defies.
                    for n in c.children:
                        if n.dep_ == "pobj" and n.lemma_.lower() in DEMAND_NOUNS | {"demand"}:
                            refs = [
                                r
                                for g in n.children
                                if g.dep_ in ("prep", "agent") and g.lower_ in ("by", "from")
                                for o in g.children
                                if o.dep_ == "pobj"
                                for r in index.resolve_all(o)
                                if r.actor.id != not_source
                            ]
                            if refs:
                                return _unique(refs)
                if root != "14":
                    continue
                aims = [c] if c.dep_ in ("advcl", "xcomp", "acl") else []
                if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VBG":
                    # "rioted ..., joining demonstrators in demanding X"
                    aims += [g for x in c.children if x.dep_ == "prep" for g in x.children if g.dep_ == "pcomp"]
                for a in aims:
                    if a.lemma_.lower() not in PROTEST_AIM_VERBS:
                        continue
                    # the first actor the demand names, nearest first, leaving out the protesters
                    for t in _arg_tokens(a):
                        refs = [r for r in index.all_at(t) if r.actor.id != not_source and r.actor.sector != "OPP"]
                        if refs:
                            return _unique(refs)
        return []

    def _refs(self, tok: Token, index: MentionIndex, article: Article) -> list[ActorRef]:
        refs = index.resolve_all(tok)
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
                    refs = [r for o in agents for r in index.resolve_all(o)]
                    if refs:
                        return refs
        if not refs and tok.lemma_.lower() in PROTEST_NOUNS:
            refs = [self._protesters(tok, article)]
        return refs

    def _protesters(self, tok: Token, article: Article) -> ActorRef:
        """Protests with no named protesters: the protesters of the place they happen in."""
        country = _phrase_country(article, tok) or article.focus_country
        cname = next((a.name for a in article.actors if a.kind == "country" and a.country == country), country or "")
        span = Span(tok.text, tok.idx, tok.idx + len(tok.text))
        actor = ensure_actor(article, country=country, sector="OPP", name=f"{cname} protesters".strip(), span=span)
        return ActorRef(actor, span)

    def _sources(
        self, trigger: Token, index: MentionIndex, article: Article, p: Pattern
    ) -> tuple[list[ActorRef | None], bool]:
        """Who did it: one actor per conjoined subject ("Brazil and the United States")."""
        if trigger.pos_ in ("NOUN", "PROPN"):
            ref, inherited = self._source(trigger, index, article, p)
            return [ref], inherited
        subj, inherited = _subject(trigger)
        if subj is None and trigger.dep_ in ("acl", "relcl") and trigger.head.dep_ == "dobj":
            # "introduced measures to remove restrictions": who introduced them removes them.
            subj, inherited = _subject(trigger.head.head)
            inherited = True
        if subj is None:
            ref = self._instrument_agent(trigger, index, article) if _is_passive(trigger) else None
            return [ref], ref is None
        if subj.lemma_.lower() in NON_AGENT_NOUNS:
            return [None], True  # "killed by the crash": no one did it
        refs = _unique([r for c in conjuncts(subj) for r in index.resolve_all(c)])
        refs = _unique(refs + self._listed_with(refs, trigger.doc, index, article))
        if not refs and subj.pos_ == "PRON":
            # "Assad's regime said it would allow access": "it" is the speaker.
            speaker = _speaker_of(trigger)
            refs = index.resolve_all(speaker) if speaker is not None else []
        if not refs and trigger.dep_ == "acl" and subj.i == trigger.head.i and subj.dep_ == "dobj":
            # "issued a declaration demanding ...": the issuer demands.
            outer, _ = _subject(subj.head)
            refs = _unique(index.resolve_all(outer)) if outer is not None else []
        if not refs and _is_passive(trigger) and subj.dep_ == "pobj":
            # "blown up by a missile believed to be fired by rebels": the weapon's user.
            ref = self._weapon_user(subj, index, article)
            refs = [ref] if ref is not None else []
        return (list(refs) or [None]), inherited

    def _listed_with(self, refs: list[ActorRef], doc: Doc, index: MentionIndex, article: Article) -> list[ActorRef]:
        """Actors coordinated inside a subject the parser or the actor mentions split
        unevenly: "Barack Obama and Vladimir Putin" with the "and" under "Obama";
        "The US, Russia, and Switzerland" with "Russia" taken into the first mention."""
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

    def _instrument_agent(self, verb: Token, index: MentionIndex, article: Article) -> ActorRef | None:
        """A passive with no "by" agent may name its doer on the attack it happened in:
        "were killed in Israeli shelling", "died in an air strike by government forces"."""
        for c in verb.children:
            if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "by", "during"):
                for n in c.children:
                    if n.dep_ == "pobj" and n.lemma_.lower() in ATTACK_NOUNS:
                        ref = self._weapon_user(n, index, article)
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
                        ref = index.resolve(n)
                        if ref is not None:
                            return ref
        return None

    def _weapon_user(self, noun: Token, index: MentionIndex, article: Article) -> ActorRef | None:
        """Who wielded an attack or weapon noun: its own agent, or the one its participle names."""
        ref, inherited = self._source(noun, index, article)
        if ref is None or inherited:
            ref = None
            for c in noun.children:
                if c.dep_ == "acl" and _is_passive(c):  # "a missile believed to be fired by rebels"
                    for v in [c, *(x for x in c.subtree if x.dep_ == "xcomp")]:
                        s, _ = _subject(v)
                        if s is not None and s.i != noun.i:
                            ref = index.resolve(s)
                            if ref is not None:
                                break
        if ref is not None:
            self._consumed.add(noun.i)  # the noun's event is the verb's
        return ref

    def _source(
        self, noun: Token, index: MentionIndex, article: Article, p: Pattern | None = None
    ) -> tuple[ActorRef | None, bool]:
        """Who an event noun's act is by: "the crackdown by riot police", "Russian pressure",
        "pressure from Congress" (unless the pattern takes its target from "from")."""
        preps = ("by",) if p is not None and "from" in p.targets else ("by", "from")
        holders = [noun]
        light = _light_verb(noun)
        if light is not None:
            holders.append(light)  # "received assurances from the government"
        for h in holders:
            for c in h.children:
                if c.dep_ in ("prep", "agent") and c.lower_ in preps:
                    for cc in c.children:
                        if cc.dep_ == "pobj":
                            return index.resolve(cc), False
        for c in noun.children:
            if c.dep_ in ("poss", "compound", "amod", "nmod"):
                ref = index.at(c)
                if ref is not None:
                    return ref, False
        if noun.dep_ == "dobj" and set(verb_lemmas(noun.head)) & CONDUCT_VERBS:
            # "The United States speeded up the withdrawal", "landowners began a hunger strike".
            subj, _ = _subject(noun.head)
            ref = index.resolve(subj) if subj is not None else None
            if ref is not None:
                return ref, True
        if noun.lemma_.lower() in PROTEST_NOUNS:
            return self._protesters(noun, article), True
        return None, True

    # -- modality -------------------------------------------------------
    @staticmethod
    def _modality(trigger: Token, source: ActorRef | None, index: MentionIndex) -> tuple[str, bool]:
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
            if t.dep_ == "acl" and _infinitive(t) and t.head.lemma_.lower() in DEMAND_NOUNS:
                if modality == "asserted":
                    modality = "demanded"  # "faces pressure from Congress to help Iran"
                break
            if t.dep_ not in ("xcomp", "ccomp", "conj", "advcl") or t.head.i == t.i:
                break
            head = t.head
            lemma = head.lemma_.lower()
            found = None  # the nearest frame wins: "said it agreed to resign" is an intention
            if t.dep_ == "xcomp" and lemma in NEGATING_VERBS:
                negated = True
            purpose = t.dep_ == "advcl" and _infinitive(t)
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
            if found is not None and modality == "asserted":
                modality = found
            if head.pos_ == "ADJ" and head.head.i != head.i:
                head = head.head  # "is willing to": climb past the adjective
            t = head
        return modality, negated

    # -- date and place -------------------------------------------------
    @staticmethod
    def _date(article: Article, trigger: Token, sentence: Sentence, lede: str | None) -> tuple[str | None, str | None]:
        doc = trigger.doc
        own, sent = None, None
        root = trigger.sent.root
        for t in article.times:
            if t.day is None or not (sentence.start <= t.start < sentence.end):
                continue
            span = doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is None:
                continue
            head = clause_head(span.root)
            event_clause = clause_head(trigger) if trigger.pos_ in ("NOUN", "PROPN") else trigger
            if head.i == event_clause.i and own is None:
                own = t.day
            elif head.i == root.i and sent is None:
                sent = t.day
        if own:
            return own, "clause"
        if sent:
            return sent, "sentence"
        if lede:
            return lede, "lede"
        return article.published, "published" if article.published else None

    @staticmethod
    def _place(article: Article, trigger: Token, sentence: Sentence) -> tuple[Place | None, str | None]:
        doc = trigger.doc
        event_clause = clause_head(trigger) if trigger.pos_ in ("NOUN", "PROPN") else trigger
        # the clause itself, then the clauses it is coordinated with or embedded in ("In Minsk, thousands marched
        # and police detained 200"); never across a report ("X said in Moscow that police in Minsk ...")
        scope = [event_clause]
        t = event_clause
        while t.head.i != t.i and t.dep_ not in ("ccomp", "parataxis") and len(scope) < 6:
            t = clause_head(t.head)
            scope.append(t)
        in_sentence = [p for p in article.places if p.role == "location" and sentence.start <= p.start < sentence.end]
        heads: dict[int, int] = {}
        for p in in_sentence:
            span = doc.char_span(p.start, p.end, alignment_mode="expand")
            if span is not None:
                heads[id(p)] = clause_head(span.root).i
        if trigger.pos_ in ("NOUN", "PROPN"):
            # "protests in Minsk", "demonstrations held across the country": the noun's own phrase
            # places it before the clause it sits in does.
            lo, hi = trigger.left_edge.idx, trigger.right_edge.idx + len(trigger.right_edge)
            own = next((p for p in in_sentence if lo <= p.start and p.end <= hi), None)
            if own is not None:
                return own, "clause"
        for level, c in enumerate(scope):
            for p in in_sentence:
                if heads.get(id(p)) == c.i:
                    return p, "clause" if level == 0 else "enclosing clause"
        if article.dateline is not None:
            d = next((p for p in article.places if p.start == article.dateline.start), None)
            if d is not None:
                return d, "dateline"
        return None, None

    # -- the stage ------------------------------------------------------
    def __call__(self, article: Article, ctx: Context) -> Article:
        doc = ctx.doc
        if doc is None:
            return article
        index = MentionIndex(article)
        lede = next((t.day for t in article.times[:4] if t.day and t.start < _lede_end(article)), None)
        seen: set[tuple[str, int, int, int]] = set()
        fired: dict[int, list[Event]] = {}
        self._consumed = set()
        for tok in doc:
            if tok.pos_ in ("NOUN", "PROPN") and (tok.head.i in fired or tok.i in self._consumed):
                continue  # "staged a protest": the verb's event already covers the noun
            for p in [*self._candidates(tok), *_frame_patterns(tok)]:
                if not self._fits(p, tok, index):
                    continue
                found = self._events(p, tok, index, article, lede, seen)
                if found:
                    fired[tok.i] = found
                break
        fired = {i: evs for i, evs in fired.items() if i not in self._consumed or doc[i].pos_ not in ("NOUN", "PROPN")}
        _fold_frames(doc, fired)
        self._speech_events(doc, fired, index, article, lede, seen)
        events = [e for i in sorted(fired) for e in fired[i]]
        article.events = merge_mentions(events, headline_end(article))
        return article

    def _speech_events(
        self,
        doc: Doc,
        fired: dict[int, list[Event]],
        index: MentionIndex,
        article: Article,
        lede: str | None,
        seen: set[tuple[str, int, int, int]],
    ) -> None:
        """What a speaker does by reporting an act of force: "Israel said Hamas fired the
        rockets" accuses Hamas (112); "the group claimed it had attacked" claims it (015).
        The reported act stays an event of its own, marked as a claim."""
        for i in sorted(fired):
            link = doc[i]
            while link.dep_ == "conj" and link.head.i != link.i:
                link = link.head
            gov = _governor(doc[i])
            # Only "X claimed that Y ...": a trailing "..., police said" attributes, it does not accuse.
            if gov is None or link.dep_ != "ccomp" or link.i < gov.i:
                continue
            if gov.i in fired:
                # "The army alleged that Israeli forces shelled ...": the allegation is against them.
                doer = next((e.source for e in fired[i] if e.source is not None), None)
                for e in fired[gov.i]:
                    if (
                        e.root == "11"
                        and e.target is None
                        and doer is not None
                        and (e.source is None or e.source.actor.id != doer.actor.id)
                    ):
                        e.target = doer
                continue
            lemma = gov.lemma_.lower()
            if lemma not in ACCUSING_SAY_VERBS | CLAIMING_VERBS | DENYING_VERBS:
                continue
            speaker_tok = next((c for c in gov.children if c.dep_ == "nsubj"), None)
            speaker = index.resolve(speaker_tok) if speaker_tok is not None else None
            if speaker is None:
                continue
            for ev in fired[i]:
                denied = lemma in DENYING_VERBS and ev.negated
                if (
                    ev.quad_class != 4
                    or (ev.negated and not denied)
                    or ev.modality not in ("asserted", "reported_claim")
                ):
                    continue
                if ev.source is None:
                    continue
                if ev.source.actor.id == speaker.actor.id:
                    if lemma in DENYING_VERBS:
                        code, target = "016", ev.target  # "Iran denied that it had attacked the tanker"
                    elif lemma in CLAIMING_VERBS:
                        code, target = "015", ev.target
                    else:
                        continue
                elif lemma in ACCUSING_SAY_VERBS:
                    code, target = "112", ev.source
                else:
                    continue
                key = (code, speaker.actor.id, target.actor.id if target else 0, ev.sentence.index)
                if key in seen:
                    continue
                seen.add(key)
                date, date_source = self._date(article, gov, ev.sentence, lede)
                place, place_source = self._place(article, gov, ev.sentence)
                features = Features(
                    origin="frame",
                    specificity=2,
                    has_source=True,
                    has_target=target is not None,
                    inherited=False,
                    modality="asserted",
                    negated=False,
                    main=_main_predicate(gov),
                    attributed=_attributed(gov),
                    noun=False,
                )
                fired.setdefault(gov.i, []).append(
                    _coded_event(
                        code,
                        gov,
                        features,
                        source=speaker,
                        target=target,
                        sentence=ev.sentence,
                        date=date,
                        date_source=date_source,
                        place=place,
                        place_source=place_source,
                        pattern=f"{lemma} that X did {ev.cameo} -> {code}",
                    )
                )
                break

    def _events(
        self,
        p: Pattern,
        trigger: Token,
        index: MentionIndex,
        article: Article,
        lede: str | None,
        seen: set[tuple[str, int, int, int]],
    ) -> list[Event]:
        sentence = article.sentence_at(trigger.idx)
        if sentence is None:
            return []
        sources, inherited = self._sources(trigger, index, article, p)
        source = sources[0]
        found, from_place = self._targets(p, trigger, index, article, source) if p.targets else ([], False)
        light = _light_verb(trigger)
        if light is not None and not found:
            # "Obama faces pressure from Congress": Obama is pressed.
            subj, _ = _subject(light)
            found = index.resolve_all(subj) if subj is not None else []
        targets: list[ActorRef | None] = list(found) or [None]
        if trigger.pos_ in ("NOUN", "PROPN") and inherited and targets == [None] and not _occurs(trigger):
            return []  # a noun that only refers back to an event ("blame for the protests")
        modality, negated = self._modality(trigger, source, index)
        if source is None and (
            from_place
            or modality in ("hypothetical", "demanded", "future", "intended")
            or trigger.dep_ == "relcl"
            or (
                trigger.dep_ == "acl"
                and trigger.tag_ in ("VBN", "VBG")
                and not _existential(trigger.head)
                # "reports of detainees being beaten" tells the beating; "a member jailed
                # a year ago" only describes the member.
                and not any(c.dep_ == "auxpass" and c.lower_ == "being" for c in trigger.children)
            )
            or p.need_source
        ):
            # Nobody named as the doer and the event is background ("a member jailed a
            # year ago"), unreal ("hoped they would be indicted") or its other side is
            # only a place: too little to stand as an event.
            return []
        if targets == [None] and source is not None and p.code.startswith("172") and source.actor.country:
            # "the government is prepared to impose martial law": a curfew, state of emergency
            # or martial law with no one named falls on the source's own country.
            targets = [_home_ref(article, source)]
        pairs: list[tuple[ActorRef | None, ActorRef | None]]
        one_mention = len(sources) > 1 and len({(s.span.start, s.span.end) for s in sources if s is not None}) == 1
        joint = p.code[:2] in JOINT_ROOTS or p.code == "0871"  # a truce is agreed between its parties
        # "the two sides agreed to strengthen their relations": a pronoun there is the sides themselves.
        own = one_mention and all(t is not None and t.span.text.lower() in _PLURAL_PRONOUNS for t in targets)
        if (targets == [None] or from_place or own) and len(sources) > 1 and (joint or one_mention):
            # "The US, Russia and Switzerland met": each party meets each other one;
            # "the two sides clashed": one mention standing for two actors acts between them.
            pairs = [(s, t) for s in sources for t in sources if s is not t]
        else:
            pairs = [(s, t) for s in sources for t in targets]
        if p.need_target and all(t is None for _, t in pairs):
            return []
        code = p.code
        if (
            negated
            and code[:2] in REJECT_CODES
            and (modality in ("future", "intended", "hypothetical") or _refused(trigger))
        ):
            # "refused to allow", "will not accept": a cooperative act declined is a rejection.
            code, negated = REJECT_CODES[code[:2]], False
        elif modality in ("future", "intended") or (modality == "hypothetical" and p.code[:2] in INTENT_CODES):
            code = INTENT_CODES.get(code, INTENT_CODES.get(code[:3], INTENT_CODES.get(code[:2], code)))
        if (
            not negated
            and not code.startswith("12")
            and (
                modality in ("future", "hypothetical") or (modality == "intended" and code[:2] in INTENDED_THREAT_ROOTS)
            )
        ):
            # "will impose a curfew", "wants to attack": force announced is a threat.
            code = THREAT_CODES.get(code[:3], THREAT_CODES.get(code[:2], code))
        entry = lookup(code)
        date, date_source = self._date(article, trigger, sentence, lede)
        place, place_source = self._place(article, trigger, sentence)
        if source is None and code[:2] in UNNAMED_DOER_ROOTS:
            # "was killed in a car bomb explosion in Beirut", "was arrested in Lebanon": force
            # with no named doer is coded to the country it happened in (ICEWS-style).
            doer = _place_actor(article, _where(article, sentence, trigger.doc))
            if doer is not None:
                sources = [doer]
                pairs = [(doer, t) for _, t in pairs]
        out: list[Event] = []
        for source, target in pairs:
            if target is not None and source is not None and target.actor.id == source.actor.id:
                target = None
            if source is None and target is None:
                continue
            key = (code, source.actor.id if source else 0, target.actor.id if target else 0, sentence.index)
            if key in seen:
                continue
            seen.add(key)
            features = Features(
                origin={"event_lexicon_cameo.tsv": "cameo", "": "frame"}.get(p.origin, "hand"),
                specificity=p.specificity,
                has_source=source is not None,
                has_target=target is not None,
                inherited=inherited,
                modality=modality,
                negated=negated,
                main=_main_predicate(trigger),
                attributed=_attributed(trigger),
                noun=trigger.pos_ in ("NOUN", "PROPN"),
            )
            out.append(
                _coded_event(
                    entry.code,
                    trigger,
                    features,
                    source=source,
                    target=target,
                    sentence=sentence,
                    negated=negated,
                    modality=modality,
                    date=date,
                    date_source=date_source,
                    place=place,
                    place_source=place_source,
                    pattern=p.text if p.origin in ("", "event_lexicon.tsv") else f"{p.origin}: {p.text}",
                )
            )
        return out


def _where(article: Article, sentence: Sentence, doc: Doc) -> Place | None:
    """The first place of the sentence that says where things happen: a location, or a name
    inside a locative phrase ("near the town of Samarra", "outside the Iraqi city of Basra",
    "in a residential sector of eastern Beirut")."""
    for p in article.places:
        if not (sentence.start <= p.start < sentence.end) or not p.country or p.role in ("demonym", "metonym"):
            continue
        if p.role == "location":
            return p
        span = doc.char_span(p.start, p.end, alignment_mode="expand")
        t = span.root if span is not None else None
        for _ in range(6):
            if t is None:
                break
            if t.dep_ in ("compound", "appos", "conj", "amod"):
                t = t.head
            elif t.dep_ == "pobj" and t.head.lower_ in LOCATIVE_PREPS:
                return p
            elif t.dep_ == "pobj" and t.head.lower_ == "of":
                # "the town of X" climbs to "town"; "outside of X" to "outside".
                t = t.head.head
                if t.dep_ == "prep" and t.lower_ in LOCATIVE_PREPS:
                    return p
            else:
                break
    return None


def _home_ref(article: Article, ref: ActorRef) -> ActorRef:
    """The country of an actor, as the article's actor for it: an existing one at its first
    mention, else a new one (with no mention of its own) referred to through ``ref``."""
    country = ref.actor.country or ""
    home = next((a for a in article.actors if a.kind == "country" and a.code == country), None)
    if home is not None and home.mentions:
        return ActorRef(home, home.mentions[0])
    if home is None:
        entry = default_actor_lexicon().countries.get(country)
        home = Actor(len(article.actors) + 1, entry.name if entry else country, country, country, None, None, "country")
        article.actors.append(home)
    return ActorRef(home, ref.span)


def _place_actor(article: Article, place: Place | None) -> ActorRef | None:
    """The country a place lies in, as an actor mentioned by the place's name."""
    if place is None or not place.country:
        return None
    span = Span(place.text, place.start, place.end)
    return ActorRef(ensure_actor(article, country=place.country, sector=None, name=place.name, span=span), span)


def _coded_event(code: str, trigger: Token, features: Features, **fields: Any) -> Event:
    """An event with its codebook fields, trigger span and calibrated confidence filled in."""
    entry = lookup(code)
    return Event(
        cameo=entry.code,
        root=entry.root,
        plover=entry.plover,
        plover_mode=entry.plover_mode,
        quad_class=entry.quad_class,
        goldstein=entry.goldstein,
        name=entry.name,
        trigger=Span(trigger.text, trigger.idx, trigger.idx + len(trigger.text)),
        confidence=confidence(features),
        evidence=features.as_dict(),
        **fields,
    )


def _refused(tok: Token) -> bool:
    """The verb is what someone refused or declined to do ("refused to allow")."""
    t = tok
    while t.dep_ in ("xcomp", "conj") and t.head.i != t.i:
        if t.head.lemma_.lower() in NEGATING_VERBS:
            return True
        t = t.head
    return False


def _speech_act(tok: Token) -> list[Pattern]:
    """What a verb of saying does by its clause: "X said Y must go" demands (100) of Y,
    "X warned that Y would pay" threatens (130) Y. Used when the lexicon has no pattern."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB" or lemma not in SPEECH_ACT_VERBS:
        return []
    comp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
    if comp is None:
        return []
    aux = {c.lower_ for c in comp.children if c.dep_ == "aux"}
    if lemma == "warn":
        code = "130"
    elif aux & {"must", "should"}:
        code = "100"
    else:
        return []
    return [
        Pattern(
            lemma,
            "",
            False,
            code,
            frozenset(),
            frozenset(),
            "",
            ("ccomp",),
            False,
            f"{lemma} that ... {code}",
            need_source=True,
        )
    ]


def _speaker_of(verb: Token) -> Token | None:
    """The subject of the verb of saying whose clause holds this verb."""
    t = verb
    for _ in range(4):
        if t.dep_ not in ("ccomp", "conj", "xcomp") or t.head.i == t.i:
            return None
        if t.dep_ == "ccomp" and t.head.lemma_.lower() in SAY_VERBS | ANNOUNCE_VERBS:
            return next((c for c in t.head.children if c.dep_ == "nsubj"), None)
        t = t.head
    return None


def _existential(noun: Token) -> bool:
    """ "There were ten soldiers killed": the noun is what the sentence is about."""
    return noun.dep_ == "attr" and any(c.dep_ == "expl" for c in noun.head.children)


def _light_verb(noun: Token) -> Token | None:
    """The verb by which its subject undergoes an event noun: "faces pressure",
    "received assurances", "came under fire"."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    head = noun.head
    if noun.dep_ == "dobj" and set(verb_lemmas(head)) & UNDERGO_VERBS:
        return head
    if noun.dep_ == "pobj" and head.lower_ == "under" and head.head.lemma_.lower() in ("come", "be", "remain"):
        return head.head
    return None


def _frame_patterns(tok: Token) -> list[Pattern]:
    """Events a verb does by the clause below it, when the lexicon has no pattern for it."""
    return _speech_act(tok) or _want_of(tok)


def _want_of(tok: Token) -> list[Pattern]:
    """ "Obama wants Putin to attack": an appeal (020) to the one who is to act."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in WANT_VERBS or tok.lemma_.lower() == "expect":
        return []
    if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX for c in tok.children):
        return []  # "might want X to": not yet an appeal
    own_subject = any(c.dep_ == "ccomp" and any(x.dep_ == "nsubj" for x in c.children) for c in tok.children)
    object_control = any(c.dep_ == "dobj" for c in tok.children) and any(c.dep_ == "xcomp" for c in tok.children)
    if not (own_subject or object_control):
        return []
    lemma = tok.lemma_.lower()
    return [
        Pattern(
            lemma,
            "",
            False,
            "020",
            frozenset(),
            frozenset(),
            "",
            ("dobj",),
            False,
            f"{lemma} X to ... 020",
            need_source=True,
            need_target=True,
        )
    ]


def _governor(tok: Token) -> Token | None:
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


def _fold_frames(doc: Doc, fired: dict[int, list[Event]]) -> None:
    """One event per frame and the act it frames.

    "agreed to lift the sanctions": the lifting, as an intention, not a bare 030 too;
    "urged Russia to withdraw": the appeal, made specific by what is asked (025), not
    the withdrawal as well; "bombarded the city, killing eight", "met to discuss": the
    clause that only goes on to tell the same act of the same kind adds no event.
    """
    for i in sorted(fired):
        if i not in fired:
            continue
        tok, evs = doc[i], fired[i]
        gov = _governor(tok)
        if gov is None and tok.dep_ in ("acl", "advcl") and _infinitive(tok):
            gov = tok.head  # "pressure from Congress to help Iran", "pressured by Congress to help"
        if gov is not None and gov.i in fired and gov.i != i:
            frame = fired[gov.i]
            lemma = gov.lemma_.lower()
            if (
                lemma in INTENT_VERBS
                and all(e.root == "03" for e in frame)
                and (all(e.root == "03" for e in evs) or all(e.quad_class == 4 for e in evs))
            ):
                _absorb(evs, fired.pop(gov.i))
                continue
            if (
                lemma in INTENT_VERBS
                and all(e.root not in ("03", "12") for e in frame)
                and all(e.root == "03" for e in evs)
            ):
                # "agreed to extend the truce" coded by the frame's own pattern (agree has=truce,
                # 0871) already; the extension as a bare intention (035) would tell it twice.
                del fired[i]
                continue
            if lemma in NEGATING_VERBS and all(e.root == "12" for e in frame + evs):
                _absorb(evs, fired.pop(gov.i))  # "refused to meet": the refusal to meet (125), not a bare 120 too
                continue
            asks = all(e.root in ("02", "10") for e in frame)
            if all(e.modality == "demanded" for e in evs) and (asks or lemma not in SAY_VERBS):
                if asks:
                    table = APPEAL_CODES if frame[0].root == "02" else DEMAND_CODES
                    for e in frame:
                        if e.cameo in ("020", "100") and evs[0].root in table:
                            _recode(e, table[evs[0].root])
                del fired[i]
                continue
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.i in fired:
            # "blocked roads in protest against X": the protest is the blocking.
            roots = {_kind(e.root) for e in fired[tok.head.head.i]}
            if all(_kind(e.root) in roots for e in evs):
                del fired[i]
                continue
        if tok.dep_ == "advcl" and tok.head.i in fired and tok.head.i != i:
            roots = {_kind(e.root) for e in fired[tok.head.i]}
            if all(_kind(e.root) in roots for e in evs):
                del fired[i]


def _absorb(events: list[Event], frame: list[Event]) -> None:
    """The act told through a frame ("agreed to lift") is as sure as the frame was."""
    best = max(frame, key=lambda e: e.confidence)
    for e in events:
        if best.confidence > e.confidence:
            e.confidence, e.evidence = best.confidence, best.evidence


def _kind(root: str) -> str:
    """The kind of act a root is, an announced one counted as the act: "will meet ... to
    discuss" is one meeting though the meeting is coded 036 and the discussion 040."""
    if root == "03":
        return "04"
    if root == "13":
        return "19"
    return root


def _recode(ev: Event, code: str) -> None:
    entry = lookup(code)
    ev.cameo, ev.root, ev.name = entry.code, entry.root, entry.name
    ev.plover, ev.plover_mode = entry.plover, entry.plover_mode
    ev.quad_class, ev.goldstein = entry.quad_class, entry.goldstein


def _attributed(tok: Token) -> bool:
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


def _main_predicate(tok: Token) -> bool:
    """True for the root verb and the verbs it chains to by "and" or "to"."""
    t = tok
    while t.head.i != t.i:
        if t.dep_ not in ("conj", "xcomp"):
            return False
        t = t.head
    return True


def verb_lemmas(tok: Token) -> list[str]:
    """The lemma, then forms rebuilt from the word when the lemmatizer slips ("staged" -> "stag")."""
    out = [tok.lemma_.lower()]
    w = tok.lower_
    if w.endswith("ied"):
        out.append(w[:-3] + "y")
    elif w.endswith("ed"):
        out += [w[:-1], w[:-2]]
        if len(w) > 4 and w[-3] == w[-4]:
            out.append(w[:-3])  # "planned" -> "plan"
    elif w.endswith("ing"):
        out += [w[:-3], w[:-3] + "e"]
        if len(w) > 5 and w[-4] == w[-5]:
            out.append(w[:-4])
    elif w.endswith("s") and not w.endswith("ss"):
        out.append(w[:-1])
    return out


def _occurs(noun: Token) -> bool:
    if noun.dep_ in ("nsubj", "nsubjpass", "dobj") and set(verb_lemmas(noun.head)) & OCCUR_VERBS:
        return True
    return any(c.dep_ == "acl" and c.lemma_.lower() in OCCUR_VERBS for c in noun.children)


def _same_side(a: ActorRef | None, b: ActorRef | None) -> bool:
    return a is None or b is None or a.actor.id == b.actor.id


def merge_mentions(events: list[Event], headline_end: int = 0) -> list[Event]:
    """One event per happening in an article: a later report of the same code between
    the same actors (a missing side matches any) on a compatible date becomes a mention.

    Events told in the headline (text before ``headline_end``) are marked so; when the
    body tells the same event, the body's report is the event (its sentence has the
    date, place and actors in full) and the headline's is one of its mentions.
    """
    out: list[Event] = []
    for ev in events:
        ev.headline = ev.sentence.start < headline_end
        for n, prior in enumerate(out):
            if (
                prior.cameo == ev.cameo
                and prior.negated == ev.negated
                and _same_side(prior.source, ev.source)
                and _same_side(prior.target, ev.target)
                and (
                    prior.date == ev.date
                    or "clause" not in (prior.date_source, ev.date_source)
                    # A headline states no date of its own: the body's is the event's.
                    or (prior.headline and prior.date_source != "clause")
                )
            ):
                keep, other = (ev, prior) if prior.headline and not ev.headline else (prior, ev)
                keep.source = keep.source or other.source
                keep.target = keep.target or other.target
                keep.mentions = [
                    EventMention(other.trigger, other.sentence, other.headline),
                    *prior.mentions,
                    *ev.mentions,
                ]
                keep.mentions.sort(key=lambda m: m.trigger.start)
                keep.confidence = min(0.95, max(prior.confidence, ev.confidence) + 0.05)
                out[n] = keep
                break
        else:
            out.append(ev)
    return out


def headline_end(article: Article) -> int:
    """Where the headline ends in the text: the first paragraph when it is the article's
    title, or reads as one (no closing punctuation, a dozen or so words, more text after)."""
    text = article.text or ""
    end = text.find("\n\n")
    if end <= 0:
        return 0
    first = text[:end]
    norm = " ".join(re.sub(r"[^\w\s]", " ", first.lower()).split())
    if article.title:
        title = " ".join(re.sub(r"[^\w\s]", " ", article.title.lower()).split())
        return end if title and norm.startswith(title) else 0
    words = first.split()
    if len(words) <= 20 and not re.search(r"[.!?:;\"')]\s*$", first) and text[end:].strip():
        return end
    return 0


def _unique(refs: list[ActorRef]) -> list[ActorRef]:
    seen: set[int] = set()
    out = []
    for r in refs:
        if r.actor.id not in seen:
            seen.add(r.actor.id)
            out.append(r)
    return out


def _lede_end(article: Article) -> int:
    """The end of the lede: the first two sentences."""
    return article.sentences[min(1, len(article.sentences) - 1)].end if article.sentences else 0


def _phrase_country(article: Article, tok: Token) -> str | None:
    """The country of a place named inside the noun's own phrase ("protests in Minsk")."""
    idx = {t.idx for t in phrase_tokens(tok)}
    for p in article.places:
        if p.country and p.role == "location" and p.start in idx:
            return p.country
    return None
