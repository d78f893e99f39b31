"""Confidence of a coded event: a small additive score over how it was found.

The weights are the first version's hand-set ones; see ``confidence``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Features:
    """What the coder knew when it coded an event."""

    origin: str  # "hand" (event_lexicon.tsv, built-in frames) or "cameo" (converted dictionary)
    specificity: int  # constraints the pattern checked (Pattern.specificity)
    has_source: bool
    has_target: bool
    inherited: bool  # the source came from another verb ("agreed to X": X's subject) or is a guess
    modality: str
    main: bool  # the sentence's own predicate (root verb and its "and"/"to" chain)
    noun: bool  # an event noun ("protests") rather than a verb


def confidence(f: Features) -> float:
    score = 0.3 + 0.025 * min(f.specificity, 4) + (0.25 if f.has_source else 0) + (0.15 if f.has_target else 0)
    score -= 0.1 if f.inherited else 0
    score -= 0.1 if f.modality in ("hypothetical", "reported_claim", "demanded") else 0
    score += 0.15 if f.main else 0
    score -= 0.1 if f.noun else 0
    return max(0.05, min(0.95, score))
