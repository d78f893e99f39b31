"""Quote set: PolNeAR's direct quotes, found by overlap with a gold Content and attributed to the right speaker."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from tidings.eval import metrics
from tidings.eval.align import Alignment
from tidings.eval.datasets import PolnearArticle, PolnearQuote, load_polnear
from tidings.eval.harness import EvalSet, Result, Scores, Tally
from tidings.eval.scoring import align_text, clip, greedy_pairs, iso_day, ratio
from tidings.model import ActorRef, Article, Context, Quote

_PRONOUNS = frozenset(
    {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", "hers", "their", "its"}
    | {"who", "which", "this", "that", "those", "these"}
)


def _overlap_total(span: tuple[int, int], frags: Iterable[tuple[int, int]]) -> int:
    return sum(max(0, min(span[1], b) - max(span[0], a)) for a, b in frags)


def _name_words(text: str) -> set[str]:
    """Capitalised words of a source, the ones that can identify a speaker by name."""
    return {w.lower() for w in re.findall(r"[A-Z][\w'\-]+", text) if w.lower() not in _PRONOUNS}


def speaker_matches(quote: PolnearQuote, ref: ActorRef | None, al: Alignment) -> str | None:
    """How a predicted speaker matches the gold Source: "span", "chain", "name", or None.

    "span": the speaker's words here overlap the Source; "chain": another
    mention of the same actor does (tidings' own coreference); "name": the
    Source's last capitalised word (a surname, "Post") is in the actor's name
    or one of its mentions. PolNeAR has no coreference of its own, so "name"
    stands in for it when the Source is a full name elsewhere.
    """
    if ref is None or not quote.source:
        return None
    frags = [f for s in quote.source for f in s.fragments]
    mapped = al.to_source(ref.span.start, ref.span.end)
    if mapped is not None and _overlap_total(mapped, frags):
        return "span"
    for mention in ref.actor.mentions:
        mm = al.to_source(mention.start, mention.end)
        if mm is not None and _overlap_total(mm, frags):
            return "chain"
    words = re.findall(r"[A-Z][\w'\-]+", quote.source_text)
    words = [w.lower() for w in words if w.lower() not in _PRONOUNS]
    if words:
        known = _name_words(ref.actor.name) | {w for m in ref.actor.mentions for w in _name_words(m.text)}
        known |= _name_words(ref.span.text)
        if words[-1] in known:
            return "name"
    return None


@dataclass
class _PolnearTally(Tally):
    c: Counter[str] = field(default_factory=Counter)
    how: Counter[str] = field(default_factory=Counter)


def _score_gold_quotes(
    t: _PolnearTally, item: PolnearArticle, preds: list[Quote], pairs: dict[int, int], al: Alignment
) -> None:
    """Each gold quote: missed, or matched with its speaker judged (over golds that name a Source)."""
    c = t.c
    for gi, g in enumerate(item.quotes):
        pi = pairs.get(gi)
        if pi is None:
            t.errors.append(
                {
                    "id": item.id,
                    "kind": "miss",
                    "expected": {"content": clip(g.content_text), "source": g.source_text},
                    "got": None,
                    "text": clip(g.content_text),
                }
            )
            continue
        c["matched"] += 1
        q = preds[pi]
        if not g.source:
            continue
        c["with_source"] += 1
        kind = speaker_matches(g, q.speaker, al)
        t.how[kind or "wrong"] += 1
        if kind is not None:
            c["speaker_ok"] += 1
            c["speaker_strict_ok"] += kind == "span"
        else:
            t.errors.append(
                {
                    "id": item.id,
                    "kind": "wrong speaker" if q.speaker else "no speaker",
                    "expected": g.source_text,
                    "got": None if q.speaker is None else {"text": q.speaker.span.text, "actor": q.speaker.actor.name},
                    "text": clip(q.text),
                }
            )


def _score_predicted_quotes(
    t: _PolnearTally, item: PolnearArticle, preds: list[Quote], pairs: dict[int, int], al: Alignment
) -> None:
    """Each predicted quote: a speaker true positive when matched and its speaker matches; else a false alarm."""
    matched_preds = set(pairs.values())
    for pi, q in enumerate(preds):
        if pi in matched_preds:
            g = item.quotes[next(gi for gi, p in pairs.items() if p == pi)]
            t.c["speaker_tp"] += speaker_matches(g, q.speaker, al) is not None
        else:
            t.errors.append(
                {
                    "id": item.id,
                    "kind": "false alarm",
                    "expected": None,
                    "got": {
                        "quote": clip(q.text),
                        "kind": q.kind,
                        "speaker": q.speaker.span.text if q.speaker else None,
                    },
                    "text": clip(q.text),
                }
            )


def _score_polnear(t: _PolnearTally, item: PolnearArticle, res: Result, ctx: Context | None) -> None:
    c = t.c
    c["gold"] += len(item.quotes)
    if not isinstance(res, Article):
        return
    al = align_text(item.text, res)
    preds = [q for q in res.quotes if q.kind in ("direct", "partial")]
    spans = [al.to_source(q.start, q.end) for q in preds]
    c["pred"] += len(preds)
    c["pred_with_speaker"] += sum(1 for q in preds if q.speaker is not None)
    scores = [
        (ov, gi, pi)
        for gi, g in enumerate(item.quotes)
        for pi, sp in enumerate(spans)
        if sp is not None and (ov := _overlap_total(sp, g.content_spans)) > 0
    ]
    pairs = dict(greedy_pairs(scores))
    _score_gold_quotes(t, item, preds, pairs, al)
    _score_predicted_quotes(t, item, preds, pairs, al)


def _finish_polnear(t: _PolnearTally, n_items: int) -> Scores:
    c = t.c
    quote = metrics.prf(c["matched"], c["pred"] - c["matched"], c["gold"] - c["matched"])
    speaker = metrics.prf(c["speaker_tp"], c["pred_with_speaker"] - c["speaker_tp"], c["gold"] - c["speaker_tp"])
    attributed = metrics.prf(c["speaker_tp"], c["pred"] - c["speaker_tp"], c["gold"] - c["speaker_tp"])
    m = {
        "quote_recall": quote.recall,
        "quote_precision": quote.precision,
        "quote_f1": quote.f1,
        "speaker_accuracy": ratio(c["speaker_ok"], c["with_source"]),
        "speaker_accuracy_strict": ratio(c["speaker_strict_ok"], c["with_source"]),
        "speaker_precision": speaker.precision,
        "speaker_recall": speaker.recall,
        "speaker_f1": speaker.f1,
        "attributed_f1": attributed.f1,
        "n_gold_quotes": float(c["gold"]),
        "n_predicted": float(c["pred"]),
    }
    return Scores(m, {"speaker_match_kinds": dict(t.how)})


POLNEAR = EvalSet[PolnearArticle, _PolnearTally](
    name="polnear",
    doc="""Direct quotes: found by overlap with a gold Content, and attributed to the right speaker.

    Predicted quotes of kind direct or partial are matched one-to-one with gold
    direct-quote Contents by character overlap (in raw-text offsets, via the
    alignment). ``speaker_accuracy`` is over matched quotes whose gold has a
    Source; ``speaker_f1`` counts a predicted quote right only when it is
    matched and its speaker matches (:func:`speaker_matches`). Speaker precision
    is over the quotes that name a speaker, as citron scores sources: a quote
    left with ``speaker: None`` claims no speaker, so it costs recall, not
    precision, while a wrong speaker costs both. ``attributed_f1`` is the
    stricter end-to-end figure that counts every predicted quote, speaker or not.
    """,
    load=load_polnear,
    headline=("quote_recall", "quote_precision", "speaker_accuracy", "speaker_f1", "attributed_f1"),
    notes=(
        "gold = attributions whose Content holds a quote mark (loader); predicted = kind direct or partial",
        "speaker_accuracy: span, same-actor mention, or surname match; _strict: span overlap only",
        "speaker_precision: over quotes with a speaker (citron's source P); attributed_f1: over all quotes",
    ),
    tally=lambda pipe: _PolnearTally(),
    score=_score_polnear,
    finish=_finish_polnear,
    article=lambda it: Article(raw=it.text, published=iso_day(it.date)),
)
