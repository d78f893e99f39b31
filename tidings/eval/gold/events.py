"""Event and actor gold sets: PLOVER GSR, PETRARCH2 validation, ConfliBERT CAMEO classes, NGEC actors.

Each loader reads one file under ``events/`` of the gold-set folder.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from tidings.eval.gold.common import check_split, iso_date, iter_jsonl, require, take

# --------------------------------------------------------------------------- #
# events: PLOVER GSR
# --------------------------------------------------------------------------- #

#: PLOVER 0.5b1 labels that the current ontology renamed or merged. INVESTIGATE
#: became a mode of ACCUSE, so it also sets ``mode="investigate"``.
PLOVER_LABEL_MAP: dict[str, str] = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "FIGHT": "ASSAULT",
    "INVESTIGATE": "ACCUSE",
}


@dataclass(frozen=True, slots=True)
class PloverActor:
    """A coded actor: its text in the sentence, a country/IGO code, and a sector if given."""

    text: str
    code: str
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class PloverItem:
    """One PLOVER gold-standard record (a CAMEO-manual example recoded to PLOVER).

    ``event`` is already mapped to the current ontology (:data:`PLOVER_LABEL_MAP`);
    ``original_event`` keeps the 0.5b1 label for error analysis.
    """

    id: str
    text: str
    event: str
    original_event: str
    mode: str | None
    context: str | None
    sources: tuple[PloverActor, ...]
    targets: tuple[PloverActor, ...]
    event_text: str
    markup: str
    date: date | None


def _plover_actors(value: Any) -> tuple[PloverActor, ...]:
    # A few records hold "" or a stray word instead of an actor list: no actor.
    if not isinstance(value, list):
        return ()
    return tuple(
        PloverActor(
            text=a.get("actorText", ""),
            code=a.get("code", ""),
            sector=a.get("sector") or None,
        )
        for a in value
        if isinstance(a, dict)
    )


def _plover_markup(value: Any) -> str:
    # textInfo is {"markup": ...} except in one record that holds the markup string itself.
    if isinstance(value, dict):
        return str(value.get("markup", ""))
    return value if isinstance(value, str) else ""


def load_plover_gsr(data_dir: Path, *, split: str | None = None, limit: int | None = None) -> list[PloverItem]:
    """Load ``events/plover_gsr.json`` (322 records after the DOCUMENT header).

    The first record only documents the file, so it is skipped. Empty ``mode``
    and ``context`` strings become None so "no mode" has one spelling.
    """
    check_split("plover-gsr", split, [None])
    path = require(Path(data_dir) / "events" / "plover_gsr.json")
    records = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(records, list):
        raise TypeError(f"{path}: expected a JSON list of records, got {type(records).__name__}")

    def items() -> Iterator[PloverItem]:
        for rec in records:
            if rec.get("event") == "DOCUMENT":
                continue
            original = rec["event"]
            mode = rec.get("mode") or None
            if original == "INVESTIGATE" and mode is None:
                mode = "investigate"
            yield PloverItem(
                id=rec["id"],
                text=rec["text"],
                event=PLOVER_LABEL_MAP.get(original, original),
                original_event=original,
                mode=mode,
                context=rec.get("context") or None,
                sources=_plover_actors(rec.get("source")),
                targets=_plover_actors(rec.get("target")),
                event_text=rec.get("eventText", ""),
                markup=_plover_markup(rec.get("textInfo")),
                date=iso_date(rec.get("date")),
            )

    return take(items(), limit)


# --------------------------------------------------------------------------- #
# events: PETRARCH2 validation GSR
# --------------------------------------------------------------------------- #


@dataclass(frozen=True, slots=True)
class CameoEvent:
    """An expected CAMEO event: Phoenix actor codes and a CAMEO code such as ``"042"``."""

    source: str
    target: str
    code: str

    @property
    def root_code(self) -> str:
        """The two-digit CAMEO root (``"0421"`` -> ``"04"``), for root-code matching."""
        return self.code[:2]


@dataclass(frozen=True, slots=True)
class Petr2Item:
    """A PETRARCH2 validation sentence and the events it should yield (none when ``no_events``)."""

    id: str
    text: str
    date: date | None
    date_raw: str
    category: str
    events: tuple[CameoEvent, ...]
    no_events: bool
    conllu: str


def load_petr2_gsr(data_dir: Path, *, split: str | None = None, limit: int | None = None) -> list[Petr2Item]:
    """Load ``events/petr2_gsr_validation.jsonl`` (78 sentences, 80 expected events).

    ``date`` parses the ``YYYYMMDD`` stamp; the one malformed stamp in the file
    (six digits) gives None, and ``date_raw`` keeps it as written.
    """
    check_split("petr2-gsr", split, [None])
    path = Path(data_dir) / "events" / "petr2_gsr_validation.jsonl"

    def items() -> Iterator[Petr2Item]:
        for rec in iter_jsonl(path):
            raw = str(rec.get("date") or "")
            yield Petr2Item(
                id=rec["id"],
                text=rec["text"],
                date=iso_date(raw) if len(raw) == 8 else None,
                date_raw=raw,
                category=rec.get("category", ""),
                events=tuple(
                    CameoEvent(source=e["source"], target=e["target"], code=e["event"])
                    for e in rec.get("expected_events") or []
                ),
                no_events=bool(rec.get("noevents")),
                conllu=rec.get("conllu", ""),
            )

    return take(items(), limit)


# --------------------------------------------------------------------------- #
# events: ConfliBERT CAMEO classes
# --------------------------------------------------------------------------- #


@dataclass(frozen=True, slots=True)
class ConflibertSpan:
    """A source (S), target (T) or other (R) span, located in the sentence where possible.

    The gold spans come as tokenised text (``"Trump 's"``), not offsets; the loader
    finds them again in the sentence allowing any whitespace between tokens.
    ``start``/``end`` are None for the few it cannot find.
    """

    role: str
    text: str
    start: int | None
    end: int | None


@dataclass(frozen=True, slots=True)
class ConflibertItem:
    """A news sentence with its 5-way CAMEO class.

    ``label``: 0 none, 1 verbal cooperation, 2 material cooperation,
    3 verbal conflict, 4 material conflict.
    """

    index: int
    text: str
    label: int
    spans: tuple[ConflibertSpan, ...]


CONFLIBERT_LABELS: dict[int, str] = {
    0: "none",
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


def _find_tokens(text: str, tokenised: str) -> tuple[int, int] | None:
    tokens = tokenised.split()
    if not tokens:
        return None
    pattern = r"\s*".join(re.escape(tok) for tok in tokens)
    match = re.search(pattern, text)
    return (match.start(), match.end()) if match else None


def load_conflibert(data_dir: Path, *, split: str | None = None, limit: int | None = None) -> list[ConflibertItem]:
    """Load ``events/conflibert_cameo_train.jsonl`` (1,349 sentences, label 0-4)."""
    check_split("conflibert", split, [None])
    path = Path(data_dir) / "events" / "conflibert_cameo_train.jsonl"

    def items() -> Iterator[ConflibertItem]:
        for index, rec in enumerate(iter_jsonl(path)):
            text = rec["text"]
            spans: list[ConflibertSpan] = []
            for span in rec.get("spans") or []:
                found = _find_tokens(text, span["text"])
                spans.append(
                    ConflibertSpan(
                        role=span["role"],
                        text=text[found[0] : found[1]] if found else span["text"],
                        start=found[0] if found else None,
                        end=found[1] if found else None,
                    )
                )
            yield ConflibertItem(index=index, text=text, label=int(rec["pentaclass"]), spans=tuple(spans))

    return take(items(), limit)


# --------------------------------------------------------------------------- #
# actors: NGEC actor-resolution cases
# --------------------------------------------------------------------------- #


@dataclass(frozen=True, slots=True)
class NgecActorItem:
    """An actor string to resolve, with what NGEC's own tests expect.

    For ``country``, ``code_1``, ``code_2`` and ``wiki``: None means the case does
    not expect a plain value for that field; ``""`` means it expects *no*
    value. A few cases expect a constraint instead (``{"NotEq": "GBR"}``,
    ``{"In": ["PTY", "REB"]}``); those stay in ``expected`` and are honoured by
    :meth:`check`, which is the way to score a case. ``date`` is kept as
    written ("Today", "2022-01-01", "1 july 2021").
    """

    name: str
    text: str
    context: str
    date: str | None
    country: str | None
    code_1: str | None
    code_2: str | None
    wiki: str | None
    xfail: str | None
    expected: dict[str, Any] = field(default_factory=dict)

    def check(self, key: str, predicted: str | None) -> bool | None:
        """Whether ``predicted`` satisfies this case for ``key``; None when the case does not test it."""
        if key not in self.expected:
            return None
        want = self.expected[key]
        if isinstance(want, dict):
            if "NotEq" in want:
                return bool(predicted != want["NotEq"])
            if "In" in want:
                return predicted in list(want["In"])
            raise ValueError(f"{self.name}: unknown expectation {want!r} for {key}")
        if want == "":
            return not predicted
        return bool(predicted == want)


def load_ngec_actors(data_dir: Path, *, split: str | None = None, limit: int | None = None) -> list[NgecActorItem]:
    """Load ``events/ngec_actor_gold.jsonl`` (333 cases)."""
    check_split("ngec-actors", split, [None])
    path = Path(data_dir) / "events" / "ngec_actor_gold.jsonl"

    def items() -> Iterator[NgecActorItem]:
        for rec in iter_jsonl(path):
            expected = dict(rec.get("expected") or {})

            def plain(key: str, expected: dict[str, Any] = expected) -> str | None:
                value = expected.get(key)
                return value if isinstance(value, str) else None

            yield NgecActorItem(
                name=rec.get("test", ""),
                text=rec["text"],
                context=rec.get("context") or "",
                date=rec.get("date") or None,
                country=plain("country"),
                code_1=plain("code_1"),
                code_2=plain("code_2"),
                wiki=plain("wiki"),
                xfail=rec.get("xfail") or None,
                expected=expected,
            )

    return take(items(), limit)
