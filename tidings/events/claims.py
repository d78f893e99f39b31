"""What a speaker does by reporting an act of force.

"Israel said Hamas fired the rockets" accuses Hamas (112); "the group claimed it
had attacked" claims the attack (015); "Iran denied that it had attacked the
tanker" denies it (016). The reported act stays an event of its own, marked as a
claim. A frame that is an event already ("The army alleged that Israeli forces
shelled ...") takes the reported act's doer as its target.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tidings.events.anchoring import date_of, place_of
from tidings.events.coded import coded_event
from tidings.events.modality import attributed, governor, main_predicate
from tidings.events.scoring import Features
from tidings.events.state import ArticleState
from tidings.model import ActorRef, Event
from tidings.words import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

ACCUSING_SAY_VERBS = words("events", "accusing_say_verbs")
CLAIMING_VERBS = words("events", "claiming_verbs")
DENYING_VERBS = words("events", "denying_verbs")
_CLAIM_VERBS = ACCUSING_SAY_VERBS | CLAIMING_VERBS | DENYING_VERBS


def claim_events(doc: Doc, fired: dict[int, list[Event]], st: ArticleState) -> None:
    """Add to ``fired`` the accusation, claim or denial a speaker makes by reporting an
    act of force, at the verb of saying."""
    for i in sorted(fired):
        link = doc[i]
        while link.dep_ == "conj" and link.head.i != link.i:
            link = link.head
        gov = governor(doc[i])
        # Only "X claimed that Y ...": a trailing "..., police said" attributes, it does not accuse.
        if gov is None or link.dep_ != "ccomp" or link.i < gov.i:
            continue
        if gov.i in fired:
            _aim_allegation(fired[gov.i], fired[i])
            continue
        lemma = gov.lemma_.lower()
        if lemma not in _CLAIM_VERBS:
            continue
        speaker_tok = next((c for c in gov.children if c.dep_ == "nsubj"), None)
        speaker = st.index.resolve(speaker_tok) if speaker_tok is not None else None
        if speaker is None:
            continue
        for ev in fired[i]:
            said = _what_is_said(lemma, ev, speaker)
            if said is None:
                continue
            code, target = said
            key = (code, speaker.actor.id, target.actor.id if target else 0, ev.sentence.index)
            if key in st.seen:
                continue
            st.seen.add(key)
            fired.setdefault(gov.i, []).append(_claim_event(code, gov, ev, speaker, target, st))
            break


def _aim_allegation(frame: list[Event], reported: list[Event]) -> None:
    """ "The army alleged that Israeli forces shelled ...": the allegation is against them."""
    doer = next((e.source for e in reported if e.source is not None), None)
    for e in frame:
        if (
            e.root == "11"
            and e.target is None
            and doer is not None
            and (e.source is None or e.source.actor.id != doer.actor.id)
        ):
            e.target = doer


def _what_is_said(lemma: str, ev: Event, speaker: ActorRef) -> tuple[str, ActorRef | None] | None:
    """The code and target of what saying (``lemma``) the act ``ev`` does, if anything."""
    denied = lemma in DENYING_VERBS and ev.negated
    if ev.quad_class != 4 or (ev.negated and not denied) or ev.modality not in ("asserted", "reported_claim"):
        return None
    if ev.source is None:
        return None
    if ev.source.actor.id == speaker.actor.id:
        if lemma in DENYING_VERBS:
            return "016", ev.target  # "Iran denied that it had attacked the tanker"
        if lemma in CLAIMING_VERBS:
            return "015", ev.target
        return None
    if lemma in ACCUSING_SAY_VERBS:
        return "112", ev.source
    return None


def _claim_event(
    code: str, gov: Token, ev: Event, speaker: ActorRef, target: ActorRef | None, st: ArticleState
) -> Event:
    """The speaker's accusation, claim or denial, told at the verb of saying ``gov``."""
    date, date_source = date_of(st.article, gov, ev.sentence, st.lede)
    place, place_source = place_of(st.article, gov, ev.sentence)
    features = Features(
        origin="frame",
        specificity=2,
        has_source=True,
        has_target=target is not None,
        inherited=False,
        modality="asserted",
        negated=False,
        main=main_predicate(gov),
        attributed=attributed(gov),
        noun=False,
    )
    return coded_event(
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
        pattern=f"{gov.lemma_.lower()} that X did {ev.cameo} -> {code}",
    )
