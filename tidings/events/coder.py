"""The events stage: every trigger of the article coded, then folded and merged.

``EventCoder`` walks the tokens of the article. For each verb or event noun, the
first lexicon (or built-in frame) pattern that fits it is coded by ``code_trigger``:
its sources and targets are found, unreal or background acts are dropped, the code
is changed for how the act is told (intended, refused, threatened), and one event
is made per pair of sides, with its date, place and confidence. The events of one
article are then folded (a frame and the act it frames are one event), speakers'
accusations and claims are added, and repeated mentions merged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tidings.events.acceptance import assess, story
from tidings.events.anchoring import date_of, lede_date, place_of, where
from tidings.events.arguments import light_verb, subject, verb_lemmas
from tidings.events.claims import claim_events
from tidings.events.coded import coded_event
from tidings.events.lexicon import EventLexicon, Pattern, default_lexicon
from tidings.events.matching import candidates, fits, frame_patterns
from tidings.events.merging import fold_frames, headline_end, merge_mentions
from tidings.events.modality import UNREAL, attributed, main_predicate, modality_of, recode
from tidings.events.ontology import lookup
from tidings.events.parties import home_ref, place_actor
from tidings.events.scoring import Features
from tidings.events.sources import own_act
from tidings.events.sources import sources as find_sources
from tidings.events.state import ArticleState
from tidings.events.targets import met_between, reciprocal
from tidings.events.targets import targets as find_targets
from tidings.mentions import MentionIndex
from tidings.model import Actor, ActorRef, Article, Context, Event
from tidings.syntax import tokens
from tidings.words import words

if TYPE_CHECKING:
    from spacy.tokens import Token

OCCUR_VERBS = words("events", "occur_verbs")
# Roots of acts done together: with no target named, conjoined subjects are each
# other's counterparts ("Brazil and the US agreed to deepen ties").
JOINT_ROOTS = frozenset({"03", "04", "05", "06"})
#: Roots whose doer, when unnamed, is the country the act happened in: investigations, arrests, attacks,
#: fighting, mass violence ("a bomb killed three soldiers in Samarra").
UNNAMED_DOER_ROOTS = frozenset({"09", "17", "18", "19", "20"})
#: The parts of speech that may trigger an event (verbs by lexicon or frame, nouns by lexicon).
TRIGGER_POS = frozenset({"VERB", "NOUN", "PROPN"})
_PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves", "each other", "one another"})

Pair = tuple[ActorRef | None, ActorRef | None]


class EventCoder:
    """Pipeline stage: sets ``article.events`` (needs ``doc``, ``actors``, ``times``, ``places``)."""

    name = "events"
    requires: tuple[str, ...] = ("doc", "actors", "times", "places")
    assigns: tuple[str, ...] = ("events", "actors")

    def __init__(self, *, lexicon: EventLexicon | None = None, min_confidence: float = 0.0) -> None:
        self.lex = lexicon or default_lexicon()
        self.min_confidence = min_confidence

    def __call__(self, article: Article, ctx: Context) -> Article:
        doc = ctx.doc
        if doc is None:
            return article
        st = ArticleState(article, MentionIndex(article), lede_date(article))
        fired: dict[int, list[Event]] = {}
        for tok in tokens(doc):
            pos = tok.pos_
            if pos not in TRIGGER_POS:
                continue  # only verbs and nouns have lexicon or frame patterns
            if pos != "VERB" and (
                tok.i in st.consumed
                or (tok.head.i in fired and not own_act(tok, [e.source for e in fired[tok.head.i]], st))
                or (tok.dep_ == "dobj" and tok.head.i in fired and _answers(fired[tok.head.i]))
            ):
                continue  # "staged a protest": the verb's event already covers the noun
            p = _first_fit(self.lex, tok, st.index)
            if p is not None:
                found = code_trigger(p, tok, st)
                if found:
                    fired[tok.i] = found
        fired = {i: evs for i, evs in fired.items() if i not in st.consumed or doc[i].pos_ not in ("NOUN", "PROPN")}
        fold_frames(doc, fired)
        claim_events(doc, fired, st)
        events = [e for i in sorted(fired) for e in fired[i]]
        end = headline_end(article)
        events = merge_mentions(events, end)
        assess(events, article, doc, story(article, doc, end))
        article.events = [e for e in events if e.confidence >= self.min_confidence]
        return article


def _first_fit(lex: EventLexicon, tok: Token, index: MentionIndex) -> Pattern | None:
    """The first of the token's lexicon patterns that fits it, else the first built-in frame
    pattern that does (found only when no lexicon pattern fits: most tokens have none)."""
    for p in candidates(lex, tok, index):
        if fits(p, tok, index):
            return p
    return next((p for p in frame_patterns(tok, index) if fits(p, tok, index)), None)


def code_trigger(p: Pattern, trigger: Token, st: ArticleState) -> list[Event]:
    """The events a trigger tells by pattern ``p``: one per pair of sides, none when the
    act is background, unreal, or has too little to stand as an event."""
    article = st.article
    sentence = article.sentence_at(trigger.idx)
    if sentence is None:
        return []
    sources, inherited = find_sources(trigger, st, p)
    source = sources[0]
    found, from_place = find_targets(p, trigger, st, source) if p.targets else ([], False)
    light = light_verb(trigger)
    if light is not None and not found:
        # "Obama faces pressure from Congress": Obama is pressed.
        subj, _ = subject(light)
        found = st.index.resolve_all(subj) if subj is not None else []
    targets: list[ActorRef | None] = list(found) or [None]
    each_other = reciprocal(trigger)
    if sources == [None] and len(found) > 1 and met_between(trigger):
        # "The ban was discussed at a meeting between X and Y": with no doer named, the parties
        # of the meeting it was discussed at did it, with each other.
        sources, targets, each_other = list(found), [None], True
        source = sources[0]
    if trigger.pos_ in ("NOUN", "PROPN") and inherited and targets == [None] and not _occurs(trigger):
        return []  # a noun that only refers back to an event ("blame for the protests")
    modality, negated = modality_of(trigger, source, st.index, p.code)
    if modality == UNREAL:
        return []  # a condition, a question, a comparison, a generic statement: no event
    if source is None and _too_little(p, trigger, modality, from_place):
        return []
    if targets == [None] and source is not None and p.code.startswith("172") and source.actor.country:
        # "the government is prepared to impose martial law": a curfew, state of emergency
        # or martial law with no one named falls on the source's own country.
        targets = [home_ref(article, source)]
    pairs, mutual = _pairs(p, sources, targets, from_place, each_other=each_other)
    if p.need_target and all(t is None for _, t in pairs):
        return []
    code, negated = recode(p.code, trigger, modality, negated)
    entry = lookup(code)
    date, date_source = date_of(article, trigger, sentence, st.lede)
    place, place_source = place_of(article, trigger, sentence)
    if source is None and code[:2] in UNNAMED_DOER_ROOTS:
        # "was killed in a car bomb explosion in Beirut", "was arrested in Lebanon": force
        # with no named doer is coded to the country it happened in (ICEWS-style).
        doer = place_actor(article, where(article, sentence, trigger.doc))
        if doer is not None:
            pairs = [(doer, t) for _, t in pairs]
    out: list[Event] = []
    for source, target in pairs:
        if target is not None and source is not None and target.actor.id == source.actor.id:
            target = None
        if source is None and target is None:
            continue
        key = (code, source.actor.id if source else 0, target.actor.id if target else 0, sentence.index)
        if key in st.seen:
            continue
        st.seen.add(key)
        features = Features(
            origin={"event_lexicon_cameo.tsv": "cameo", "": "frame"}.get(p.origin, "hand"),
            specificity=p.specificity,
            has_source=source is not None,
            has_target=target is not None,
            inherited=inherited,
            modality=modality,
            negated=negated,
            main=main_predicate(trigger),
            attributed=attributed(trigger),
            noun=trigger.pos_ in ("NOUN", "PROPN"),
            occurs=trigger.pos_ in ("NOUN", "PROPN") and _occurs(trigger),
        )
        out.append(
            coded_event(
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
                symmetric=mutual and source is not None and target is not None,
            )
        )
    return out


def _too_little(p: Pattern, trigger: Token, modality: str, from_place: bool) -> bool:
    """With nobody named as the doer: the event is background ("a member jailed a year
    ago"), unreal ("hoped they would be indicted"), its other side is only a place, or
    the pattern needs a source. Too little to stand as an event."""
    return (
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
    )


def joint_act(p: Pattern) -> bool:
    """Acts done together, whose two sides are interchangeable: meeting, agreeing, cooperating, a truce."""
    return p.code[:2] in JOINT_ROOTS or p.code == "0871"


def _pairs(
    p: Pattern,
    sources: list[ActorRef | None],
    targets: list[ActorRef | None],
    from_place: bool,
    *,
    each_other: bool = False,
) -> tuple[list[Pair], bool]:
    """The (source, target) pairs the event is told between, and whether they are the parties of
    one mutual act (each pair then stands for the act both ways). ``each_other``: the act is done
    to each other ("blamed each other"): each side's own act, one each way."""
    one_mention = len(sources) > 1 and len({(s.span.start, s.span.end) for s in sources if s is not None}) == 1
    joint = joint_act(p)
    # "the two sides agreed to strengthen their relations": a pronoun there is the sides themselves.
    own = one_mention and all(t is not None and t.span.text.lower() in _PLURAL_PRONOUNS for t in targets)
    among = [(s, t) for s in sources for t in sources if s is not t]
    if len(sources) > 1 and each_other and not joint:
        # "Canada and India expelled each other's diplomats": two expulsions, one each way.
        return distinct_pairs(among, False, parties=True), False
    if len(sources) > 1 and (each_other or ((targets == [None] or from_place or own) and (joint or one_mention))):
        # "The US, Russia and Switzerland met": the parties meet each other;
        # "the two sides clashed": one mention standing for two actors acts between them.
        return distinct_pairs(among, True, parties=True), True
    return distinct_pairs([(s, t) for s in sources for t in targets], joint), False


def _one_party(a: ActorRef | None, b: ActorRef | None) -> bool:
    """Two sides that are one party: the same actor or code, or a state and its government."""
    if a is None or b is None:
        return a is b
    x, y = a.actor, b.actor
    if x.id == y.id or x.code == y.code:
        return True
    state = {x.country, f"{x.country}GOV"}
    return bool(x.country) and x.country == y.country and x.code in state and y.code in state


def distinct_pairs(pairs: list[Pair], joint: bool, *, parties: bool = False) -> list[Pair]:
    """One pair per distinct act a trigger tells.

    Sanctions on Iran and on China are two acts, strikes by the US and by Britain two
    more; but "Japan and the Philippines agreed" is one agreement, not one each way
    (``joint``), one act by or on several people of one country is one act, and among
    the ``parties`` named together a state and its own government are one party, not
    two (while two parties of one country acting on each other stay two acts).
    """
    out: list[Pair] = []
    for s, t in pairs:
        if parties and _one_party(s, t):
            continue
        if any(
            (
                (_one_party(s, s2) or (not parties and _compatriots(s, s2)))
                and (_one_party(t, t2) or (not parties and _compatriots(t, t2)))
            )
            or (joint and _one_party(s, t2) and _one_party(t, s2))
            for s2, t2 in out
        ):
            continue
        out.append((s, t))
    return out


def _compatriots(a: ActorRef | None, b: ActorRef | None) -> bool:
    """Two people or groups of people of one country ("freed a reporter, a former marine and a
    journalist", "workers, pensioners and activists marched"): one act done to or by that
    country's people, told once; acts on two states (sanctions on Iran and on China) stay two."""
    if a is None or b is None or not {a.actor.kind, b.actor.kind} <= {"person", "agent"}:
        return False  # states, bodies and groups named apart are each their own side
    x, y = _country(a.actor), _country(b.actor)
    return x is not None and x == y


def _country(actor: Actor) -> str | None:
    """An actor's country; a code's first three letters where the country was not set ("USAMED")."""
    if actor.country:
        return actor.country
    code = actor.code or ""
    return code[:3] if len(code) >= 3 and code[:3].isalpha() and code[:3].isupper() and code[:3] != "IGO" else None


def _existential(noun: Token) -> bool:
    """ "There were ten soldiers killed": the noun is what the sentence is about."""
    return noun.dep_ == "attr" and any(c.dep_ == "expl" for c in noun.head.children)


def _answers(events: list[Event]) -> bool:
    """The verb yields to or rejects what its object names ("met the strikers' demands",
    "rejected Kyiv's proposal"): the object is the earlier request answered, not news of its own."""
    return any(e.root in ("08", "12") for e in events)


def _occurs(noun: Token) -> bool:
    """The event noun is said to happen ("protests broke out"), not only referred to."""
    if noun.dep_ in ("nsubj", "nsubjpass", "dobj") and set(verb_lemmas(noun.head)) & OCCUR_VERBS:
        return True
    return any(c.dep_ == "acl" and c.lemma_.lower() in OCCUR_VERBS for c in noun.children)
