"""Confidence of a coded event: a small logistic score over how it was found.

``confidence`` is calibrated on the project's dev sets so that an event at 0.5 or
more is right at least 80% of the time (``precision_at_conf_0.5`` in the
plover-gsr and petr2-gsr reports, where "right" is: the gold record's PLOVER type,
resp. a gold event's CAMEO root in that sentence). The weights are fitted by
``tools/fit_event_confidence.py`` (logistic regression on plover-gsr, checked on
petr2-gsr); rerun it after changing the coder and paste its output below.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any

ORIGINS = ("hand", "cameo", "frame")
MODALITIES = ("asserted", "future", "intended", "hypothetical", "demanded", "reported_claim")


@dataclass(frozen=True, slots=True)
class Features:
    """What the coder knew when it coded an event."""

    origin: str  # "hand" (event_lexicon.tsv), "cameo" (converted dictionary), "frame" (built-in: said X must)
    specificity: int  # constraints the pattern checked (Pattern.specificity)
    has_source: bool
    has_target: bool
    inherited: bool  # the source came from another verb ("agreed to X": X's subject) or is a guess
    modality: str
    negated: bool
    main: bool  # the sentence's own predicate (root verb and its "and"/"to" chain)
    attributed: bool  # told in a clause of a verb of saying ("..., police said")
    noun: bool  # an event noun ("protests") rather than a verb

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def vector(f: Features | dict[str, Any]) -> dict[str, float]:
    """The features as the numbers the weights multiply (asserted, hand: the baseline)."""
    d = f.as_dict() if isinstance(f, Features) else f
    out = {
        "bias": 1.0,
        "cameo": float(d["origin"] == "cameo"),
        "frame": float(d["origin"] == "frame"),
        "specificity": float(min(int(d["specificity"]), 4)),
        "source": float(d["has_source"]),
        "target": float(d["has_target"]),
        "inherited": float(d["inherited"]),
        "negated": float(d["negated"]),
        "main": float(d["main"]),
        "attributed": float(d.get("attributed", False)),
        "noun": float(d["noun"]),
    }
    for m in MODALITIES[1:]:
        out[m] = float(d["modality"] == m)
    # What the whole article says (tidings.events.acceptance); absent when an event is scored alone.
    if "political_share" in d:
        sides = int(d.get("political_sides", 0))
        out.update(
            political_one=float(sides == 1),
            political_both=float(sides == 2),
            unknown_side=float(d.get("unknown_side", False)),
            background=float(d.get("background", False)),
            pluperfect=float(d.get("pluperfect", False)),
            referenced=float(d.get("referenced", False)),
            relative=float(d.get("relative", False)),
            in_quote=float(d.get("in_quote", False)),
            headline_only=float(d.get("headline_only", False)),
            repeated=float(d.get("repeated", False)),
            lede=float(d.get("lede", False)),
            # what kind of story: mostly other domains' words (sport, business, weather...), or mixed
            story_other=float(d["political_share"] < 0.4),
            story_mixed=float(0.4 <= d["political_share"] < 0.6),
            # the kind of act (verbal cooperation is the baseline): coders find some kinds more surely
            material_cooperation=float(d.get("quad_class") == 2),
            verbal_conflict=float(d.get("quad_class") == 3),
            material_conflict=float(d.get("quad_class") == 4),
            crowded=float(d.get("crowded", False)),
        )
    return out


# Fitted by tools/fit_event_confidence.py (--target 0.82, --l2 1.0); it printed:
# fit on plover-gsr: plover-gsr (fitted): 449 events, 0.606 right; at >= 0.5: precision 0.822, coverage 0.577
# fit on plover-gsr: petr2-gsr (check): 81 events, 0.716 right; at >= 0.5: precision 0.762, coverage 0.778
# fit on petr2-gsr: plover-gsr (check): 449 events, 0.606 right; at >= 0.5: precision 0.684, coverage 0.726
# fit on petr2-gsr: petr2-gsr (fitted): 81 events, 0.716 right; at >= 0.5: precision 0.826, coverage 0.852
# fit on plover-gsr+petr2-gsr: plover-gsr (fitted): 449 events, 0.606 right; at >= 0.5: precision 0.832, coverage 0.530
# fit on plover-gsr+petr2-gsr: petr2-gsr (fitted): 81 events, 0.716 right; at >= 0.5: precision 0.828, coverage 0.716
WEIGHTS: dict[str, float] = {
    "bias": -1.479,
    "cameo": -0.900,
    "frame": 0.666,
    "specificity": 0.299,
    "source": 0.282,
    "target": 1.099,
    "inherited": -1.374,
    "negated": 0.000,
    "main": 1.091,
    "attributed": 0.142,
    "noun": 0.114,
    "future": -0.277,
    "intended": 0.644,
    "hypothetical": 0.213,
    "demanded": -0.297,
    "reported_claim": 1.001,
}


def confidence(f: Features) -> float:
    return confidence_of(f.as_dict())


def confidence_of(evidence: dict[str, Any]) -> float:
    """The probability that an event with this evidence is right."""
    x = vector(evidence)
    z = sum(WEIGHTS.get(k, 0.0) * v for k, v in x.items())
    return 1.0 / (1.0 + math.exp(-z))
