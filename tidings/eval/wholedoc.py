"""Whole-article event coding (``../shared/eval/events/docs`` and ``realdocs``), scored by the sets' rule.

The gold of each article lists CAMEO events (the 2-digit roots it accepts,
regular expressions the source and target codes must satisfy, the dates it
accepts, whether it is required, and ``sym`` when either side may be the
source), acts the text denies (``negated_events``) and lines from which
nothing may come (``forbidden_text``).

- Output events: those tidings outputs (not negated, confidence at or above
  the threshold).
- An output event fits a gold event when the root is one of the gold's, both
  codes pass their patterns (in either order under ``sym``) and, where the
  gold gives dates, the date is one of them. An actor with no code, or the
  unknown code ``---``, passes a pattern that admits no actor: one whose
  ``|``-separated alternatives include ``null``, ``^$`` or ``.*``.
- Gold and output events are paired one to one by a maximum matching that
  serves required gold events first (augmenting paths: a required event once
  paired stays paired).
- Precision: paired output events over all output events. Recall: paired
  required gold events over all required gold events.
- Violations: output events that fit a denied act (root and actors) or come
  from a sentence holding a forbidden line.
- Articles whose gold requires no event are the non-political ones (sport,
  business, weather, science, culture); every event output on them counts.
- Date accuracy, apart from the matching: events that fit a gold event with
  their dates are paired first, then the rest by root and actors alone; the
  share of pairs with a gold date whose date is right.
- Unknown actors: among filled source and target slots of output events, the
  share whose actor has no code or ``---``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from tidings.model import ActorRef, Article, Event

SETS = ("docs", "realdocs")
_MISSING_OK = ("null", "^$", ".*")


@dataclass(frozen=True)
class WholeDoc:
    """One article of a whole-article set and its gold."""

    id: str
    text: str
    date: str | None
    events: tuple[dict[str, Any], ...]
    negated: tuple[dict[str, Any], ...]
    forbidden: tuple[str, ...]

    @property
    def political(self) -> bool:
        return any(g.get("required") for g in self.events)


def load_wholedocs(folder: Path) -> list[WholeDoc]:
    """The articles of ``docs/`` or ``realdocs/``, in file-name order."""
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))["articles"]
    return [
        WholeDoc(
            id=name,
            text=(folder / name).read_text(encoding="utf-8"),
            date=g.get("date"),
            events=tuple(g.get("events", [])),
            negated=tuple(g.get("negated_events", [])),
            forbidden=tuple(g.get("forbidden_text", [])),
        )
        for name, g in sorted(gold.items())
    ]


@lru_cache(maxsize=4096)
def _compiled(pattern: str) -> tuple[re.Pattern[str], bool]:
    alternatives = [a.strip() for a in pattern.split("|")]
    return re.compile(pattern), any(a in _MISSING_OK for a in alternatives)


def code_of(ref: ActorRef | None) -> str | None:
    """The actor code an event slot holds, None when it holds none or an unknown (``---``)."""
    if ref is None:
        return None
    code = ref.actor.code or ""
    return code if code.strip("-") else None


def actor_fits(pattern: str | None, code: str | None) -> bool:
    if pattern is None:
        return True
    regex, missing_ok = _compiled(pattern)
    return missing_ok if code is None else regex.search(code) is not None


def event_fits(e: Event, gold: dict[str, Any], *, use_date: bool = True) -> bool:
    """Whether an output event matches a gold event (root, actors either way with ``sym``, date)."""
    if e.root not in gold.get("root", []):
        return False
    if use_date and gold.get("date") and e.date not in gold["date"]:
        return False
    src, tgt = code_of(e.source), code_of(e.target)
    if actor_fits(gold.get("source"), src) and actor_fits(gold.get("target"), tgt):
        return True
    return bool(gold.get("sym")) and actor_fits(gold.get("source"), tgt) and actor_fits(gold.get("target"), src)


def max_matching(gold: Sequence[dict[str, Any]], out: Sequence[Event], *, use_date: bool = True) -> dict[int, int]:
    """gold index -> output index: a maximum one-to-one matching, required gold events first."""
    fits = [[j for j, e in enumerate(out) if event_fits(e, g, use_date=use_date)] for g in gold]
    owner: dict[int, int] = {}  # output index -> gold index

    def augment(i: int, seen: set[int]) -> bool:
        for j in fits[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    order = sorted(range(len(gold)), key=lambda i: not gold[i].get("required"))
    for i in order:
        augment(i, set())
    return {i: j for j, i in owner.items()}


@dataclass
class WholeDocCounts:
    output: int = 0
    matched: int = 0
    required: int = 0
    required_matched: int = 0
    violations: int = 0
    nonpolitical_articles: int = 0
    nonpolitical_events: int = 0
    dated: int = 0  # events matched by root and actors whose gold fixes a date
    dated_right: int = 0  # of those, the ones with a date the gold gives
    slots: int = 0  # source and target slots of output events that hold an actor
    unknown_slots: int = 0  # of those, the ones whose actor has no code or "---"
    errors: list[dict[str, Any]] = field(default_factory=list)

    def metrics(self) -> dict[str, float]:
        p = self.matched / self.output if self.output else 0.0
        r = self.required_matched / self.required if self.required else 0.0
        return {
            "precision": p,
            "recall": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "violations": float(self.violations),
            "nonpolitical_events": float(self.nonpolitical_events),
            "events_per_nonpolitical_article": (
                self.nonpolitical_events / self.nonpolitical_articles if self.nonpolitical_articles else 0.0
            ),
            "output_events": float(self.output),
            "date_accuracy": self.dated_right / self.dated if self.dated else 0.0,
            "dated_events": float(self.dated),
            "unknown_actor_share": self.unknown_slots / self.slots if self.slots else 0.0,
        }


def describe(e: Event) -> dict[str, Any]:
    return {
        "cameo": e.cameo,
        "source": code_of(e.source),
        "target": code_of(e.target),
        "date": e.date,
        "trigger": e.trigger.text,
        "confidence": round(e.confidence, 3),
        "modality": e.modality,
        "sentence": e.sentence.text,
    }


def output_events(article: Article, min_confidence: float) -> list[Event]:
    return [e for e in article.events if not e.negated and e.confidence >= min_confidence]


def score_article(item: WholeDoc, article: Article, counts: WholeDocCounts, min_confidence: float = 0.0) -> None:
    """Add one article's matches, misses, false alarms and violations to ``counts``."""
    out = output_events(article, min_confidence)
    matching = max_matching(item.events, out)
    matched_out = set(matching.values())
    counts.output += len(out)
    counts.matched += len(matched_out)
    for i, g in enumerate(item.events):
        if not g.get("required"):
            continue
        counts.required += 1
        if i in matching:
            counts.required_matched += 1
        else:
            near = [describe(e) for e in out if e.root in g.get("root", [])]
            counts.errors.append({"id": item.id, "kind": "miss", "expected": g, "same_root": near})
    for j, e in enumerate(out):
        if j not in matched_out:
            counts.errors.append({"id": item.id, "kind": "false alarm", "got": describe(e)})
        reasons = [
            f"negated {n.get('root')} {n.get('source')} -> {n.get('target')}"
            for n in item.negated
            if event_fits(e, n, use_date=False)
        ] + [f"forbidden line {f!r}" for f in item.forbidden if f in e.sentence.text]
        if reasons:
            counts.violations += 1
            counts.errors.append({"id": item.id, "kind": "violation", "why": reasons, "got": describe(e)})
    if not item.political:
        counts.nonpolitical_articles += 1
        counts.nonpolitical_events += len(out)
    _dates_and_slots(item, out, counts)


def date_pairs(gold: Sequence[dict[str, Any]], out: Sequence[Event]) -> dict[int, int]:
    """gold index -> output index for judging dates: the events that match with their dates
    first, then the rest by root and actors alone. (Matching by root and actors alone could pair
    two reports of two dated acts crosswise and call both dates wrong.)"""
    first = max_matching(gold, out)
    rest_gold = [i for i in range(len(gold)) if i not in first]
    taken = set(first.values())
    rest_out = [j for j in range(len(out)) if j not in taken]
    second = max_matching([gold[i] for i in rest_gold], [out[j] for j in rest_out], use_date=False)
    return {**first, **{rest_gold[a]: rest_out[b] for a, b in second.items()}}


def _dates_and_slots(item: WholeDoc, out: list[Event], counts: WholeDocCounts) -> None:
    for i, j in date_pairs(item.events, out).items():
        days = item.events[i].get("date")
        if not days:
            continue
        e = out[j]
        counts.dated += 1
        if e.date in days:
            counts.dated_right += 1
        else:
            counts.errors.append({"id": item.id, "kind": "wrong date", "expected": days, "got": describe(e)})
    for e in out:
        for ref in (e.source, e.target):
            if ref is not None:
                counts.slots += 1
                counts.unknown_slots += code_of(ref) is None


def score(pairs: Iterable[tuple[WholeDoc, Article]], min_confidence: float = 0.0) -> WholeDocCounts:
    counts = WholeDocCounts()
    for item, article in pairs:
        score_article(item, article, counts, min_confidence)
    return counts


def loader(name: str) -> Callable[..., list[WholeDoc]]:
    """The loader of ``events/<name>`` under an evaluation data folder (``limit``: the first articles)."""

    def load(data_dir: Path, *, split: str | None = None, limit: int | None = None) -> list[WholeDoc]:
        items = load_wholedocs(Path(data_dir) / "events" / name)
        return items[:limit] if limit else items

    load.__name__ = f"load_{name}"
    return load


load_docs = loader("docs")
load_realdocs = loader("realdocs")
