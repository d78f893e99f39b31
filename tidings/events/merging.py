"""One event per happening: folding frames into the acts they frame, merging repeated mentions.

Within a sentence, a frame and the act it frames are one event ("agreed to lift
the sanctions", "urged Russia to withdraw"), and a clause that only goes on to tell
the same act adds none (``fold_frames``). Across the article, a later report of
the same code between the same actors on a compatible date is a mention of the
earlier event; the headline's report yields to the body's (``merge_mentions``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tidings.events.arguments import infinitive
from tidings.events.coded import recode
from tidings.events.modality import INTENT_VERBS, NEGATING_VERBS, SAY_VERBS, governor
from tidings.model import ActorRef, Article, Event, EventMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Appeals by what is asked for: CAMEO's 02 tree by the root of the act asked for.
APPEAL_CODES = {"04": "026", "05": "022", "06": "021", "07": "023", "08": "025"}
DEMAND_CODES = {"04": "106", "05": "102", "06": "101", "07": "103", "08": "105"}


def fold_frames(doc: Doc, fired: dict[int, list[Event]]) -> None:
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
        gov = governor(tok)
        if gov is None and tok.dep_ in ("acl", "advcl") and infinitive(tok):
            gov = tok.head  # "pressure from Congress to help Iran", "pressured by Congress to help"
        if gov is not None and gov.i in fired and gov.i != i and _fold_into_frame(i, gov, evs, fired):
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


def _fold_into_frame(i: int, gov: Token, evs: list[Event], fired: dict[int, list[Event]]) -> bool:
    """Fold the events of token ``i`` and those of the frame ``gov`` above it into one;
    True when one of them was dropped."""
    frame = fired[gov.i]
    lemma = gov.lemma_.lower()
    if (
        lemma in INTENT_VERBS
        and all(e.root == "03" for e in frame)
        and (all(e.root == "03" for e in evs) or all(e.quad_class == 4 for e in evs))
    ):
        _absorb(evs, fired.pop(gov.i))
        return True
    if lemma in INTENT_VERBS and all(e.root not in ("03", "12") for e in frame) and all(e.root == "03" for e in evs):
        # "agreed to extend the truce" coded by the frame's own pattern (agree has=truce,
        # 0871) already; the extension as a bare intention (035) would tell it twice.
        del fired[i]
        return True
    if lemma in NEGATING_VERBS and all(e.root == "12" for e in frame + evs):
        _absorb(evs, fired.pop(gov.i))  # "refused to meet": the refusal to meet (125), not a bare 120 too
        return True
    asks = all(e.root in ("02", "10") for e in frame)
    if all(e.modality == "demanded" for e in evs) and (asks or lemma not in SAY_VERBS):
        if asks:
            table = APPEAL_CODES if frame[0].root == "02" else DEMAND_CODES
            for e in frame:
                if e.cameo in ("020", "100") and evs[0].root in table:
                    recode(e, table[evs[0].root])
        del fired[i]
        return True
    return False


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


def _same_side(a: ActorRef | None, b: ActorRef | None) -> bool:
    """Two reports' sides can be one party: the same actor, one side untold, or the same country
    told once as the state and once as its government or police ("U.S." and "the U.S. Treasury")."""
    if a is None or b is None or a.actor.id == b.actor.id:
        return True
    x, y = a.actor, b.actor
    if not x.country or x.country != y.country:
        return False
    return x.code == x.country or y.code == y.country or x.sector == y.sector


def _same_parties(a: Event, b: Event) -> bool:
    """The two reports are between the same parties (either way round when one is a mutual act)."""
    if _same_side(a.source, b.source) and _same_side(a.target, b.target):
        return True
    return (a.symmetric or b.symmetric) and _same_side(a.source, b.target) and _same_side(a.target, b.source)


def _fill_sides(keep: Event, other: Event) -> None:
    """A side the kept report leaves untold, from the other report, unless that would make one
    party act on itself ("the members were released", told elsewhere as released by them)."""
    if keep.source is None and other.source is not None and not _one_party(other.source, keep.target):
        keep.source = other.source
    if keep.target is None and other.target is not None and not _one_party(other.target, keep.source):
        keep.target = other.target


def _one_party(a: ActorRef | None, b: ActorRef | None) -> bool:
    return a is not None and b is not None and (a.actor.id == b.actor.id or a.actor.code == b.actor.code)


def merge_mentions(events: list[Event], headline_end: int = 0) -> list[Event]:
    """One event per happening in an article: a later report of the same code between
    the same parties (a missing side matches any; a state its own government) on a
    compatible date becomes a mention; a headline's report joins a body's of the same
    root (headlines use other words: "blacklists" for "sanctioned").

    Events told in the headline (text before ``headline_end``) are marked so; when the
    body tells the same event, the body's report is the event (its sentence has the
    date, place and actors in full) and the headline's is one of its mentions.
    """
    out: list[Event] = []
    for ev in events:
        ev.headline = ev.sentence.start < headline_end
        for n, prior in enumerate(out):
            if (
                (prior.cameo == ev.cameo or (prior.root == ev.root and (prior.headline or ev.headline)))
                and prior.negated == ev.negated
                # two triggers of one sentence are two acts ("fired tear gas and detained dozens")
                and prior.sentence.start != ev.sentence.start
                and _same_parties(prior, ev)
                # a headline tells news, not an act of an undated past ("closed a consulate last year")
                and not (prior.headline and ev.date_source == "unknown")
                and not (ev.headline and prior.date_source == "unknown")
                # nor is an act of an undated past the same as one told as of now ("had pressed")
                and (prior.date_source == "unknown") == (ev.date_source == "unknown")
                and (
                    prior.date == ev.date
                    or "clause" not in (prior.date_source, ev.date_source)
                    # A headline states no date of its own: the body's is the event's.
                    or (prior.headline and prior.date_source != "clause")
                )
            ):
                keep, other = (ev, prior) if prior.headline and not ev.headline else (prior, ev)
                _fill_sides(keep, other)
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
