"""Hand-checkable cases for every scorer in :mod:`tidings.eval.metrics`.

Each scorer gets a perfect case (1.0), an empty/all-wrong case (0.0) and a
partial case whose value is worked out by hand in a comment, so a change to
a formula shows up as a specific broken number.
"""

from __future__ import annotations

import pytest

from tidings.eval.metrics import (
    PRF,
    accuracy,
    b_cubed,
    exact_span_prf,
    extraction_corpus_prf,
    haversine_km,
    macro_f1,
    muc,
    prf,
    span_overlap_prf,
    token_prf,
)

approx = pytest.approx


def assert_prf(score: PRF, precision: float, recall: float, f1: float) -> None:
    assert (score.precision, score.recall, score.f1) == approx((precision, recall, f1))


# --------------------------------------------------------------------------- prf


def test_prf_perfect_empty_partial() -> None:
    assert_prf(prf(5, 0, 0), 1.0, 1.0, 1.0)
    assert_prf(prf(0, 0, 0), 0.0, 0.0, 0.0)  # undefined ratios are 0.0, not NaN
    assert_prf(prf(0, 0, 4), 0.0, 0.0, 0.0)  # nothing predicted
    # tp=2 fp=1 fn=3: P = 2/3, R = 2/5, F1 = 2tp / (2tp + fp + fn) = 4/8 = 0.5
    score = prf(2, 1, 3)
    assert_prf(score, 2 / 3, 0.4, 0.5)
    assert (score.tp, score.fp, score.fn) == (2, 1, 3)


def test_prf_rejects_negative_counts() -> None:
    with pytest.raises(ValueError):
        prf(-1, 0, 0)


# --------------------------------------------------------------------------- accuracy


def test_accuracy() -> None:
    assert accuracy([("AGREE", "AGREE"), ("ASSAULT", "ASSAULT")]) == 1.0
    assert accuracy([]) == 0.0
    assert accuracy([("AGREE", "ASSAULT")]) == 0.0
    # 2 of 4 pairs equal -> 0.5
    assert accuracy([("a", "a"), ("b", "c"), ("d", "d"), ("e", "f")]) == 0.5
    assert accuracy(iter([(1, 1), (2, 3)])) == 0.5  # any iterable of pairs


# --------------------------------------------------------------------------- macro_f1


def test_macro_f1() -> None:
    assert macro_f1(["a", "b", "c"], ["a", "b", "c"]) == approx(1.0)
    assert macro_f1([], []) == 0.0
    assert macro_f1(["a", "a"], ["b", "b"]) == 0.0
    # gold a a b b, pred a b b b:
    #   a: tp1 fp0 fn1 -> P 1, R 1/2, F1 2/3
    #   b: tp2 fp1 fn0 -> P 2/3, R 1, F1 4/5
    #   macro = (2/3 + 4/5) / 2 = 11/15
    assert macro_f1(["a", "a", "b", "b"], ["a", "b", "b", "b"]) == approx(11 / 15)


def test_macro_f1_pinned_labels() -> None:
    # A pinned label nobody used scores 0 and pulls the mean down: (1 + 1 + 0) / 3
    assert macro_f1(["a", "b"], ["a", "b"], labels=["a", "b", "c"]) == approx(2 / 3)
    with pytest.raises(ValueError):
        macro_f1(["a"], ["a", "b"])


# --------------------------------------------------------------------------- spans


def test_span_overlap_prf() -> None:
    gold = [(0, 10), (20, 30)]
    assert_prf(span_overlap_prf(gold, [(2, 9), (25, 31)]), 1.0, 1.0, 1.0)
    assert_prf(span_overlap_prf(gold, []), 0.0, 0.0, 0.0)
    assert_prf(span_overlap_prf(gold, [(10, 20)]), 0.0, 0.0, 0.0)  # touching is not overlapping
    # pred (5,12) overlaps gold0 by 5; (8,25) overlaps gold0 by 2, gold1 by 5; (40,50) none.
    # Greedy by overlap: gold0<-(5,12), gold1<-(8,25). tp 2, fp 1, fn 0:
    # P 2/3, R 1, F1 = 4/5
    assert_prf(span_overlap_prf(gold, [(5, 12), (8, 25), (40, 50)]), 2 / 3, 1.0, 0.8)


def test_span_overlap_is_one_to_one_and_greedy() -> None:
    # Two halves of one gold span: only one can claim it. tp1 fp1 fn0 -> P 1/2, R 1, F1 2/3
    assert_prf(span_overlap_prf([(0, 10)], [(0, 5), (5, 10)]), 0.5, 1.0, 2 / 3)
    # One prediction (5,15) overlaps gold (0,10) by 5 and gold (8,20) by 7: it goes
    # to the larger overlap, so exactly one gold is found. tp1 fp0 fn1 -> P 1, R 1/2
    score = span_overlap_prf([(0, 10), (8, 20)], [(5, 15)])
    assert_prf(score, 1.0, 0.5, 2 / 3)


def test_span_labels_must_agree_when_both_present() -> None:
    assert span_overlap_prf([(0, 4, "PER")], [(0, 4, "LOC")]).f1 == 0.0
    assert span_overlap_prf([(0, 4, "PER")], [(1, 3)]).f1 == 1.0


def test_exact_span_prf() -> None:
    gold = [(0, 4, "PER"), (10, 14, "LOC")]
    assert_prf(exact_span_prf(gold, list(gold)), 1.0, 1.0, 1.0)
    assert_prf(exact_span_prf(gold, []), 0.0, 0.0, 0.0)
    assert_prf(exact_span_prf(gold, [(0, 5, "PER")]), 0.0, 0.0, 0.0)  # off by one
    # (0,4,PER) exact; (10,14,ORG) wrong label; (20,24,LOC) spurious.
    # tp1 fp2 fn1: P 1/3, R 1/2, F1 = 2/(2+2+1) = 0.4
    assert_prf(
        exact_span_prf(gold, [(0, 4, "PER"), (10, 14, "ORG"), (20, 24, "LOC")]),
        1 / 3,
        0.5,
        0.4,
    )
    # A duplicate prediction cannot be credited twice: tp1 fp1 fn0
    assert_prf(exact_span_prf([(0, 4)], [(0, 4), (0, 4)]), 0.5, 1.0, 2 / 3)


# --------------------------------------------------------------------------- haversine


def test_haversine_km() -> None:
    assert haversine_km(48.8566, 2.3522, 48.8566, 2.3522) == 0.0
    paris_london = haversine_km(48.8566, 2.3522, 51.5074, -0.1278)
    assert paris_london == approx(343, abs=2)
    assert haversine_km(51.5074, -0.1278, 48.8566, 2.3522) == approx(paris_london)
    # One degree along a meridian = R * pi / 180 = 6371.0088 * 0.0174533 = 111.195 km
    assert haversine_km(0, 0, 1, 0) == approx(111.195, abs=0.01)
    # Antipodes: half the circumference, pi * R = 20015.1 km
    assert haversine_km(0, 0, 0, 180) == approx(20015.1, abs=0.1)


# --------------------------------------------------------------------------- token_prf


def test_token_prf_benchmark_shingles() -> None:
    text = "one two three four five six"
    assert_prf(token_prf(text, text), 1.0, 1.0, 1.0)
    assert_prf(token_prf(text, ""), 0.0, 0.0, 0.0)
    assert_prf(token_prf("", ""), 1.0, 1.0, 1.0)  # benchmark: nothing to find, nothing wrong
    # 4-gram shingles: gold a-b-c-d, b-c-d-e; pred a-b-c-d, b-c-d-x.
    # tp1 fp1 fn1 -> P 1/2, R 1/2, F1 1/2; counts normalised to sum 1.
    score = token_prf("a b c d e", "a b c d x")
    assert_prf(score, 0.5, 0.5, 0.5)
    assert (score.tp, score.fp, score.fn) == approx((1 / 3, 1 / 3, 1 / 3))


def test_token_prf_bag_of_words_and_case() -> None:
    # Unigrams: gold {the, cat, sat}, pred {the, cat, ran}: tp2 fp1 fn1 -> 2/3 each
    assert_prf(token_prf("the cat sat", "the cat ran", ngram_n=1), 2 / 3, 2 / 3, 2 / 3)
    # Multiset overlap: gold has "the" twice, pred once: tp1 fp0 fn1 -> P 1, R 1/2
    assert_prf(token_prf("the the", "the", ngram_n=1), 1.0, 0.5, 2 / 3)
    # The benchmark keeps case; lowercase=True folds it. Punctuation never counts.
    assert token_prf("The Cat", "the cat", ngram_n=1).f1 == 0.0
    assert token_prf("The Cat!", "the, cat", ngram_n=1, lowercase=True).f1 == 1.0


def test_extraction_corpus_prf() -> None:
    perfect = token_prf("a b c d e", "a b c d e")
    empty = token_prf("a b c d e", "")
    assert_prf(extraction_corpus_prf([perfect, perfect]), 1.0, 1.0, 1.0)
    assert_prf(extraction_corpus_prf([]), 0.0, 0.0, 0.0)
    # Benchmark averaging: the empty extraction has no predicted shingle, so it is left
    # out of the precision mean (P = 1) but counts in recall (R = (1 + 0) / 2 = 1/2);
    # F1 = 2 * 1 * 0.5 / 1.5 = 2/3.
    assert_prf(extraction_corpus_prf([perfect, empty]), 1.0, 0.5, 2 / 3)


# --------------------------------------------------------------------------- coreference


def test_muc() -> None:
    gold = [["a", "b", "c", "d"], ["e", "f"]]
    assert_prf(muc(gold, gold), 1.0, 1.0, 1.0)
    assert_prf(muc(gold, []), 0.0, 0.0, 0.0)
    # All singletons predicted: no links, so precision and recall are 0.
    assert_prf(muc(gold, [["a"], ["b"], ["c"], ["d"]]), 0.0, 0.0, 0.0)
    # Vilain et al.'s example: gold {a b c d}, pred {a b} {c d}.
    # Recall = (|K| - |p(K)|) / (|K| - 1) = (4 - 2) / 3 = 2/3.
    # Precision = ((2 - 1) + (2 - 1)) / ((2 - 1) + (2 - 1)) = 1. F1 = 0.8
    assert_prf(muc([["a", "b", "c", "d"]], [["a", "b"], ["c", "d"]]), 1.0, 2 / 3, 0.8)


def test_b_cubed() -> None:
    gold = [["a", "b", "c", "d"], ["e"]]
    assert_prf(b_cubed(gold, gold), 1.0, 1.0, 1.0)
    assert_prf(b_cubed(gold, []), 0.0, 0.0, 0.0)
    # gold {a b c d}, pred {a b} {c d}:
    # recall: each gold mention sees 2 of its 4 chain-mates -> 4 * (2/4) / 4 = 1/2
    # precision: each pred mention's chain is wholly correct -> 1
    # F1 = 2 * 1 * 0.5 / 1.5 = 2/3
    assert_prf(b_cubed([["a", "b", "c", "d"]], [["a", "b"], ["c", "d"]]), 1.0, 0.5, 2 / 3)


def test_coref_keys_can_be_spans() -> None:
    # MEANTIME chains come as (start, end) keys; a spurious mention only hurts precision.
    gold = [[(0, 5), (10, 15)]]
    pred = [[(0, 5), (10, 15), (20, 25)]]
    # B3 precision: the two true mentions each see 2/3 of their pred chain as correct, the
    # spurious one 0: (2/3 + 2/3 + 0) / 3 = 4/9. Recall: both gold mentions fully found = 1.
    assert_prf(b_cubed(gold, pred), 4 / 9, 1.0, 2 * (4 / 9) / (1 + 4 / 9))
    # MUC precision: pred chain of 3 splits into {gold chain} + {missing} = 2 parts: (3-2)/(3-1) = 1/2
    assert_prf(muc(gold, pred), 0.5, 1.0, 2 / 3)
