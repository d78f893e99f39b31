"""NER set: CoNLL-2003 dev, scoring the entities of the spaCy parse every stage reads (clean and nlp only)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tidings.eval import metrics
from tidings.eval.datasets import ConllSentence, load_conll
from tidings.eval.harness import EvalSet, Result, Scores, Tally
from tidings.eval.scoring import align_text, prf_metrics
from tidings.model import Article, Context

#: spaCy (OntoNotes) labels -> CoNLL labels. NORP (nationalities, parties)
#: and the name-like OntoNotes types go to MISC, as CoNLL tags them; numbers,
#: dates and quantities are not CoNLL entities and are dropped.
CONLL_LABELS: dict[str, str] = {
    "PERSON": "PER",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "ORG": "ORG",
    "NORP": "MISC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
}

#: The labels ``f1`` is over; MISC only counts in ``f1_with_misc``.
_MAIN = ("PER", "LOC", "ORG")

Ent = tuple[int, int, str]


@dataclass
class _ConllTally(Tally):
    counts: dict[str, list[int]] = field(
        default_factory=lambda: {k: [0, 0, 0] for k in ("all", "overlap", "misc", *_MAIN)}
    )


def _conll_id(item: ConllSentence) -> str:
    return f"{item.doc_index}:{item.index}"


def _predicted(item: ConllSentence, res: Result, ctx: Context | None) -> list[Ent]:
    """The parse's entities with a CoNLL label, in the sentence's own offsets."""
    pred4: list[Ent] = []
    if isinstance(res, Article) and ctx is not None and ctx.doc is not None:
        al = align_text(item.text, res)
        for ent in ctx.doc.ents:
            label = CONLL_LABELS.get(ent.label_)
            sp = al.to_source(ent.start_char, ent.end_char) if label else None
            if label and sp is not None:
                pred4.append((sp[0], sp[1], label))
    return pred4


def _errors(t: _ConllTally, item: ConllSentence, gold: list[Ent], pred: list[Ent]) -> None:
    """Misses (with what overlaps them) and false alarms, over PER/LOC/ORG."""
    item_id = _conll_id(item)
    gs, ps = set(gold), set(pred)
    for e in sorted(gs - ps):
        near = [p for p in pred if p[0] < e[1] and e[0] < p[1]]
        same_span = (e[0], e[1]) in {(p[0], p[1]) for p in near}
        t.errors.append(
            {
                "id": item_id,
                "kind": "miss" if not near else ("wrong label" if same_span else "wrong span"),
                "expected": {"text": item.text[e[0] : e[1]], "label": e[2]},
                "got": [{"text": item.text[p[0] : p[1]], "label": p[2]} for p in near] or None,
                "text": item.text,
            }
        )
    for p in sorted(ps - gs):
        if not any(g[0] < p[1] and p[0] < g[1] for g in gold):
            t.errors.append(
                {
                    "id": item_id,
                    "kind": "false alarm",
                    "expected": None,
                    "got": {"text": item.text[p[0] : p[1]], "label": p[2]},
                    "text": item.text,
                }
            )


def _score_conll(t: _ConllTally, item: ConllSentence, res: Result, ctx: Context | None) -> None:
    gold4 = [(e.start, e.end, e.label) for e in item.entities]
    pred4 = _predicted(item, res, ctx)
    gold = [g for g in gold4 if g[2] in _MAIN]
    pred = [p for p in pred4 if p[2] in _MAIN]
    views: dict[str, tuple[list[Ent], list[Ent], Callable[..., Any]]] = {
        "all": (gold, pred, metrics.exact_span_prf),
        "overlap": (gold, pred, metrics.span_overlap_prf),
        "misc": (gold4, pred4, metrics.exact_span_prf),
        **{
            lab: ([g for g in gold if g[2] == lab], [p for p in pred if p[2] == lab], metrics.exact_span_prf)
            for lab in _MAIN
        },
    }
    for key, (gold_side, pred_side, scorer) in views.items():
        s = scorer(gold_side, pred_side)
        t.counts[key][0] += int(s.tp)
        t.counts[key][1] += int(s.fp)
        t.counts[key][2] += int(s.fn)
    _errors(t, item, gold, pred)


def _finish_conll(t: _ConllTally, n_items: int) -> Scores:
    counts = t.counts
    return Scores(
        {
            **prf_metrics("", metrics.prf(*counts["all"])),
            "overlap_f1": metrics.prf(*counts["overlap"]).f1,
            "f1_with_misc": metrics.prf(*counts["misc"]).f1,
            **{f"{lab.lower()}_f1": metrics.prf(*counts[lab]).f1 for lab in _MAIN},
        }
    )


CONLL = EvalSet[ConllSentence, _ConllTally](
    name="conll",
    doc="""Entity F1 of the spaCy model tidings runs, on CoNLL's space-joined tokens.

    Only the clean and nlp stages run (this measures the parser every stage
    reads, not tidings' own logic). Headline ``f1`` is exact-span, labelled,
    over PER/LOC/ORG on both sides (:data:`CONLL_LABELS`); ``f1_with_misc``
    adds MISC.
    """,
    load=load_conll,
    headline=("f1", "per_f1", "loc_f1", "org_f1"),
    notes=(
        "labels: PERSON->PER; GPE, LOC, FAC->LOC; ORG->ORG; NORP, EVENT, PRODUCT, WORK_OF_ART, LAW, "
        "LANGUAGE->MISC; others dropped",
        "f1 = exact span and label over PER/LOC/ORG; sentences are parsed one by one, without document context",
    ),
    tally=lambda pipe: _ConllTally(),
    score=_score_conll,
    finish=_finish_conll,
    article=lambda it: Article(raw=it.text),
    stages=("clean", "nlp"),
    item_id=_conll_id,
)
