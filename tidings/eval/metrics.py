"""Pure scorers for the evaluation harness.

Everything here takes plain values (labels, ``(start, end)`` tuples, strings,
chains of hashable mention keys) and returns numbers, so a scorer can be
checked by hand on a three-item example and reused by every benchmark
regardless of how the pipeline represents its output.

Convention: a ratio whose denominator is zero is 0.0, never NaN and never an
exception, so an empty prediction scores 0.0 rather than crashing a report.
The one deliberate exception is :func:`token_prf`, which follows the
article-extraction benchmark's own rules so its numbers stay comparable.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

__all__ = [
    "PRF",
    "Span",
    "accuracy",
    "b_cubed",
    "exact_span_prf",
    "extraction_corpus_prf",
    "haversine_km",
    "macro_f1",
    "muc",
    "prf",
    "span_overlap_prf",
    "token_prf",
]

H = TypeVar("H", bound=Hashable)

#: A character span ``(start, end)`` (end exclusive), optionally with a label
#: ``(start, end, label)``. Labels are compared only when both spans carry one.
Span = tuple[int, int] | tuple[int, int, str]

#: Mean Earth radius (IUGG), the usual constant for great-circle distances.
EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True, slots=True)
class PRF:
    """Precision, recall and F1; ``tp``/``fp``/``fn`` are kept when the score came from counts.

    Keeping the counts lets a benchmark sum them over documents (micro
    average) instead of averaging per-document ratios.
    """

    precision: float
    recall: float
    f1: float
    tp: float = 0.0
    fp: float = 0.0
    fn: float = 0.0


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def _f1(precision: float, recall: float) -> float:
    return _ratio(2 * precision * recall, precision + recall)


def prf(tp: float, fp: float, fn: float) -> PRF:
    """Precision/recall/F1 from counts; each is 0.0 where its denominator is 0."""
    if min(tp, fp, fn) < 0:
        raise ValueError(f"counts must be >= 0, got tp={tp} fp={fp} fn={fn}")
    precision = _ratio(tp, tp + fp)
    recall = _ratio(tp, tp + fn)
    return PRF(precision, recall, _f1(precision, recall), float(tp), float(fp), float(fn))


def accuracy(pairs: Iterable[tuple[object, object]]) -> float:
    """Share of ``(gold, predicted)`` pairs that are equal; 0.0 for no pairs."""
    total = correct = 0
    for gold, pred in pairs:
        total += 1
        correct += gold == pred
    return _ratio(correct, total)


def macro_f1(
    gold_labels: Sequence[H],
    pred_labels: Sequence[H],
    labels: Iterable[H] | None = None,
) -> float:
    """Unweighted mean of per-label F1, so rare event types count as much as common ones.

    ``labels`` defaults to every label seen in gold or prediction (as
    scikit-learn does); pass the ontology's labels to pin the set. A label
    never seen on either side scores F1 0.0. Raises ValueError on a length
    mismatch, which would otherwise silently misalign the pairs.
    """
    if len(gold_labels) != len(pred_labels):
        raise ValueError(f"{len(gold_labels)} gold labels but {len(pred_labels)} predicted")
    label_set = list(dict.fromkeys(labels)) if labels is not None else list(dict.fromkeys([*gold_labels, *pred_labels]))
    if not label_set:
        return 0.0
    tp: Counter[H] = Counter()
    fp: Counter[H] = Counter()
    fn: Counter[H] = Counter()
    for gold, pred in zip(gold_labels, pred_labels, strict=True):
        if gold == pred:
            tp[gold] += 1
        else:
            fp[pred] += 1
            fn[gold] += 1
    return sum(prf(tp[lab], fp[lab], fn[lab]).f1 for lab in label_set) / len(label_set)


# --------------------------------------------------------------------------- #
# spans
# --------------------------------------------------------------------------- #


def _labels_agree(a: Span, b: Span) -> bool:
    return len(a) < 3 or len(b) < 3 or a[-1] == b[-1]


def _greedy_match(gold: Sequence[Span], pred: Sequence[Span], score: Callable[[Span, Span], int]) -> int:
    """Pair gold and predicted spans one-to-one, best-scoring pairs first; return the pair count.

    Ties break on gold then prediction order so the result is deterministic.
    """
    candidates = sorted(
        (-s, gi, pi)
        for gi, g in enumerate(gold)
        for pi, p in enumerate(pred)
        if _labels_agree(g, p) and (s := score(g, p)) > 0
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for _neg, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
    return len(used_gold)


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def span_overlap_prf(gold_spans: Sequence[Span], pred_spans: Sequence[Span]) -> PRF:
    """Lenient span P/R/F1: a gold span counts as found if a predicted span overlaps it.

    Matching is one-to-one (a predicted span can credit only one gold span
    and vice versa), taken greedily by largest character overlap, so one
    sentence-long prediction cannot claim every quote inside it.
    """
    tp = _greedy_match(gold_spans, pred_spans, _overlap)
    return prf(tp, len(pred_spans) - tp, len(gold_spans) - tp)


def exact_span_prf(gold_spans: Sequence[Span], pred_spans: Sequence[Span]) -> PRF:
    """Strict span P/R/F1: same start and end (and label, where both have one), one-to-one."""
    tp = _greedy_match(gold_spans, pred_spans, lambda g, p: int(g[0] == p[0] and g[1] == p[1]))
    return prf(tp, len(pred_spans) - tp, len(gold_spans) - tp)


# --------------------------------------------------------------------------- #
# places
# --------------------------------------------------------------------------- #


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points given in degrees (for acc@161km)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlam = math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlam / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


# --------------------------------------------------------------------------- #
# main-text extraction
# --------------------------------------------------------------------------- #

_WORD = re.compile(r"\w+", re.UNICODE)


def _shingles(text: str, n: int, lowercase: bool) -> Counter[tuple[str, ...]]:
    tokens = _WORD.findall(text.lower() if lowercase else text)
    # As the benchmark: a text shorter than n yields one short shingle.
    return Counter(shingle for i in range(max(1, len(tokens) - n + 1)) if (shingle := tuple(tokens[i : i + n])))


def token_prf(gold_text: str, pred_text: str, *, ngram_n: int = 4, lowercase: bool = False) -> PRF:
    """Per-document text-overlap P/R/F1 as the Scrapinghub article-extraction benchmark scores it.

    This follows ``evaluate.py`` of scrapinghub/article-extraction-benchmark:
    word tokens are ``\\w+`` matches (case kept: the benchmark's IGNORECASE
    flag does not fold case), grouped into overlapping ``ngram_n``-token
    shingles (4 there), and compared as multisets. ``ngram_n=1,
    lowercase=True`` gives a plain lower-cased bag-of-words score instead.

    ``tp``/``fp``/``fn`` are normalised to sum to 1, as the benchmark does so
    long pages do not dominate. Two empty texts score 1.0 (nothing to find,
    nothing wrong); an empty prediction against a non-empty gold scores 0.0.
    Use :func:`extraction_corpus_prf` to aggregate documents the same way.
    """
    if ngram_n < 1:
        raise ValueError(f"ngram_n must be >= 1, got {ngram_n}")
    gold = _shingles(gold_text, ngram_n, lowercase)
    pred = _shingles(pred_text, ngram_n, lowercase)
    tp = float(sum((gold & pred).values()))
    fp = float(sum((pred - gold).values()))
    fn = float(sum((gold - pred).values()))
    total = tp + fp + fn
    if total:
        tp, fp, fn = tp / total, fp / total, fn / total
    precision = _benchmark_precision(tp, fp, fn)
    recall = _benchmark_recall(tp, fp, fn)
    return PRF(precision, recall, _f1(precision, recall), tp, fp, fn)


def _benchmark_precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return _ratio(tp, tp + fp)


def _benchmark_recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return _ratio(tp, tp + fn)


def extraction_corpus_prf(doc_scores: Iterable[PRF]) -> PRF:
    """Corpus score from :func:`token_prf` results, aggregated as the benchmark does.

    Precision is the mean over documents with any predicted shingle
    (``tp + fp > 0``), recall the mean over documents with any gold shingle,
    and F1 the harmonic mean of those two means (not the mean of per-document
    F1s). Note the benchmark's consequence: an empty extraction lowers recall
    but not precision.
    """
    precisions: list[float] = []
    recalls: list[float] = []
    for s in doc_scores:
        if s.tp + s.fp > 0:
            precisions.append(_benchmark_precision(s.tp, s.fp, s.fn))
        if s.tp + s.fn > 0:
            recalls.append(_benchmark_recall(s.tp, s.fp, s.fn))
    precision = _ratio(sum(precisions), len(precisions))
    recall = _ratio(sum(recalls), len(recalls))
    return PRF(precision, recall, _f1(precision, recall))


# --------------------------------------------------------------------------- #
# coreference
# --------------------------------------------------------------------------- #


def _clean_chains(chains: Iterable[Iterable[H]]) -> list[set[H]]:
    """Deduplicate mentions; a mention listed in two chains stays in the first only."""
    seen: set[H] = set()
    out: list[set[H]] = []
    for chain in chains:
        members = {m for m in chain if m not in seen}
        seen |= members
        if members:
            out.append(members)
    return out


def _muc_side(key: list[set[H]], response: list[set[H]]) -> tuple[int, int]:
    owner = {m: i for i, chain in enumerate(response) for m in chain}
    num = den = 0
    for chain in key:
        # Mentions the response leaves out each form a partition of their own.
        parts = {owner[m] for m in chain if m in owner}
        missing = sum(1 for m in chain if m not in owner)
        num += len(chain) - (len(parts) + missing)
        den += len(chain) - 1
    return num, den


def muc(gold_chains: Iterable[Iterable[H]], pred_chains: Iterable[Iterable[H]]) -> PRF:
    """MUC link-based coreference score (Vilain et al. 1995).

    Recall is the share of gold links the prediction keeps; precision is the
    same with the roles swapped. Singleton chains carry no links, so a set
    of singletons alone scores 0.0.
    """
    gold = _clean_chains(gold_chains)
    pred = _clean_chains(pred_chains)
    r_num, r_den = _muc_side(gold, pred)
    p_num, p_den = _muc_side(pred, gold)
    precision, recall = _ratio(p_num, p_den), _ratio(r_num, r_den)
    return PRF(precision, recall, _f1(precision, recall))


def _b3_side(key: list[set[H]], response: list[set[H]]) -> float:
    owner = {m: i for i, chain in enumerate(response) for m in chain}
    total = sum(len(chain) for chain in key)
    score = 0.0
    for chain in key:
        # |K ∩ R| for every response chain R that shares a mention with K.
        shared = Counter(owner[m] for m in chain if m in owner)
        score += sum(n * n for n in shared.values()) / len(chain)
    return _ratio(score, total)


def b_cubed(gold_chains: Iterable[Iterable[H]], pred_chains: Iterable[Iterable[H]]) -> PRF:
    """B-cubed mention-based coreference score (Bagga & Baldwin 1998), CoNLL-scorer style.

    Recall averages, over gold mentions, the share of the mention's gold chain
    found in its predicted chain; precision averages, over predicted mentions,
    the share of its predicted chain that is in its gold chain. A mention
    missing from one side contributes 0 on the other side's average.
    """
    gold = _clean_chains(gold_chains)
    pred = _clean_chains(pred_chains)
    recall = _b3_side(gold, pred)
    precision = _b3_side(pred, gold)
    return PRF(precision, recall, _f1(precision, recall))
