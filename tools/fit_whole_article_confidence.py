#!/usr/bin/env python3
"""Fit the event confidence on whole articles, checked across the two whole-article dev sets.

    .venv/bin/python tools/fit_whole_article_confidence.py [--data-dir ../shared/eval] [--l2 1.0]

Runs the pipeline (every candidate kept: ``min_confidence`` 0) over
``events/docs`` and ``events/realdocs``, labels each candidate event right when
the sets' scoring rule matches it to a gold event (``tidings.eval.wholedoc``:
maximum one-to-one matching, so a second report of one act is wrong), and fits
an L2-regularised logistic regression over ``tidings.events.scoring.vector`` of
each event's evidence:

- fit on docs, check on realdocs, and the reverse: precision, required recall
  and F1 of the set NOT fitted, at each threshold — the figures that say
  whether the weights carry over to text they were not fitted on;
- fit on both: the weights to paste into ``WEIGHTS`` in
  ``tidings/events/scoring.py``, and the same table on both sets (fitted, so
  optimistic).
"""

from __future__ import annotations

import argparse
import math
from pathlib import Path

import numpy as np

from tidings.config import load_settings
from tidings.eval.wholedoc import WholeDoc, load_wholedocs, max_matching, score
from tidings.events.scoring import vector
from tidings.model import Article
from tidings.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[1]
THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)


def collect(items: list[WholeDoc], pipe: Pipeline) -> list[tuple[WholeDoc, Article]]:
    return list(zip(items, pipe.pipe(Article(raw=i.text, id=i.id, published=i.date) for i in items), strict=True))


def rows(pairs: list[tuple[WholeDoc, Article]]) -> tuple[list[str], np.ndarray, np.ndarray]:
    xs, ys = [], []
    for item, art in pairs:
        out = [e for e in art.events if not e.negated]
        right = set(max_matching(item.events, out).values())
        for j, e in enumerate(out):
            xs.append(vector(e.evidence))
            ys.append(float(j in right))
    names = sorted({k for x in xs for k in x}, key=lambda k: (k != "bias", k))
    return names, np.array([[x.get(k, 0.0) for k in names] for x in xs]), np.array(ys)


def fit(x: np.ndarray, y: np.ndarray, l2: float) -> np.ndarray:
    """Newton's method on the penalised log-likelihood (the intercept, column 0, unpenalised)."""
    w = np.zeros(x.shape[1])
    pen = np.full(x.shape[1], l2)
    pen[0] = 0.0
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        grad = x.T @ (p - y) + pen * w
        hess = (x.T * (p * (1 - p))) @ x + np.diag(pen) + 1e-9 * np.eye(x.shape[1])
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def rescore(pairs: list[tuple[WholeDoc, Article]], names: list[str], w: np.ndarray) -> None:
    weights = dict(zip(names, w, strict=True))
    for _, art in pairs:
        for e in art.events:
            x = vector(e.evidence)
            e.confidence = 1.0 / (1.0 + math.exp(-sum(weights.get(k, 0.0) * v for k, v in x.items())))


def table(label: str, pairs: list[tuple[WholeDoc, Article]]) -> None:
    for t in THRESHOLDS:
        m = score(pairs, t).metrics()
        print(
            f"  {label} at >= {t:.1f}: precision {m['precision']:.3f}  recall {m['recall']:.3f}  "
            f"F1 {m['f1']:.3f}  events {m['output_events']:.0f}  non-political {m['nonpolitical_events']:.0f}  "
            f"violations {m['violations']:.0f}"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", type=Path, default=REPO.parent / "shared" / "eval")
    ap.add_argument("--l2", type=float, default=1.0)
    args = ap.parse_args()
    pipe = Pipeline(load_settings().with_section("events", min_confidence=0.0))
    sets = {name: collect(load_wholedocs(args.data_dir / "events" / name), pipe) for name in ("docs", "realdocs")}
    data = {name: rows(pairs) for name, pairs in sets.items()}
    names = sorted({n for ns, _, _ in data.values() for n in ns}, key=lambda k: (k != "bias", k))

    def matrix(name: str) -> tuple[np.ndarray, np.ndarray]:
        ns, x, y = data[name]
        return np.array([[row[ns.index(k)] if k in ns else 0.0 for k in names] for row in x]), y

    for fitted, checked in (("docs", "realdocs"), ("realdocs", "docs")):
        x, y = matrix(fitted)
        w = fit(x, y, args.l2)
        rescore(sets[checked], names, w)
        print(f"fit on {fitted} ({len(y)} candidates, {y.mean():.2f} right), checked on {checked}:")
        table(checked, sets[checked])
    x = np.vstack([matrix(n)[0] for n in sets])
    y = np.concatenate([matrix(n)[1] for n in sets])
    w = fit(x, y, args.l2)
    print(f"fit on both ({len(y)} candidates, {y.mean():.2f} right):")
    for name, pairs in sets.items():
        rescore(pairs, names, w)
        table(name, pairs)
    print("WEIGHTS: dict[str, float] = {")
    for k, v in zip(names, w, strict=True):
        print(f'    "{k}": {v:.3f},')
    print("}")


if __name__ == "__main__":
    main()
