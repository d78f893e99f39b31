"""Loaders for the public gold sets described in ``shared/eval/README.md``.

Every loader has the same shape,
``load_<name>(data_dir, *, split=None, limit=None) -> list[<Item>]``, where
``data_dir`` is the ``shared/eval`` folder. They use the standard library only
(no pipeline code, no spaCy) so that a score never depends on the thing being
scored, and so that tests can run them on a bare checkout.

Conventions shared by all loaders:

* Offsets are Python ``str`` indices (code points), end exclusive, over the
  item's ``text`` exactly as stored here; a loader that has to rebuild the text
  (TimeML, CoNLL, MEANTIME) says how.
* Items come back in a deterministic order (file name or file order), and
  ``limit`` keeps the first ``limit`` items of that order, reading no more
  files than it needs to.
* A missing file raises :class:`FileNotFoundError` naming the path, so a
  benchmark run with a wrong ``--data`` path fails loudly rather than scoring
  an empty set; a ``split`` a set does not have raises :class:`ValueError`.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

__all__ = [
    "CONFLIBERT_LABELS",
    "DATASETS",
    "DEFAULT_SPLITS",
    "PLOVER_LABEL_MAP",
    "QUOTE_DIGRAPHS",
    "QUOTE_MARKS",
    "BratSpan",
    "CameoEvent",
    "ConflibertItem",
    "ConflibertSpan",
    "ConllSentence",
    "CorefChain",
    "EntityMention",
    "ExtractItem",
    "GeoArticle",
    "GoldSpan",
    "MeantimeDoc",
    "NgecActorItem",
    "Petr2Item",
    "PloverActor",
    "PloverItem",
    "PolnearArticle",
    "PolnearQuote",
    "TimebankDoc",
    "Timex",
    "Toponym",
    "WarcItem",
    "load_conflibert",
    "load_conll",
    "load_extract",
    "load_geo_gwn",
    "load_geo_trnews",
    "load_meantime",
    "load_ngec_actors",
    "load_petr2_gsr",
    "load_plover_gsr",
    "load_polnear",
    "load_timebank",
    "load_warc",
]

T = TypeVar("T")


# --------------------------------------------------------------------------- #
# shared records and helpers
# --------------------------------------------------------------------------- #


@dataclass(frozen=True, slots=True)
class GoldSpan:
    """A labelled run of characters in an item's ``text`` (end exclusive)."""

    start: int
    end: int
    text: str
    label: str = ""


def _require(path: Path) -> Path:
    """Fail with the missing path in the message rather than deep inside a parser."""
    if not path.exists():
        raise FileNotFoundError(f"gold data not found: {path}")
    return path


def _check_split(name: str, split: str | None, allowed: Iterable[str | None]) -> None:
    allowed = list(allowed)
    if split not in allowed:
        shown = ", ".join(repr(s) for s in allowed)
        raise ValueError(f"{name} has no split {split!r}; choose one of {shown}")


def _take(items: Iterable[T], limit: int | None) -> list[T]:
    """First ``limit`` items of a (lazy) iterable; all of them when ``limit`` is None."""
    if limit is not None and limit < 0:
        raise ValueError(f"limit must be >= 0, got {limit}")
    out: list[T] = []
    if limit == 0:
        return out
    for item in items:
        out.append(item)
        if limit is not None and len(out) >= limit:
            break
    return out


def _read_text(path: Path) -> str:
    """Read UTF-8 text without newline translation, so standoff offsets stay valid."""
    with _require(path).open(encoding="utf-8", newline="") as fh:
        return fh.read()


def _iter_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with _require(path).open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{lineno}: not valid JSON: {exc}") from exc


def _iso_date(value: str | None) -> date | None:
    """``YYYY-MM-DD`` / ``YYYYMMDD`` prefix as a date, else None (gold dates are messy)."""
    if not value:
        return None
    value = value.strip()
    for candidate in (value[:10], value[:8]):
        try:
            if len(candidate) == 10:
                return date.fromisoformat(candidate)
            if len(candidate) == 8 and candidate.isdigit():
                return date(int(candidate[:4]), int(candidate[4:6]), int(candidate[6:8]))
        except ValueError:
            continue
    return None


def _float(value: str | None) -> float | None:
    if value is None or not value.strip():
        return None
    return float(value)


def _int(value: str | None) -> int | None:
    if value is None or not value.strip():
        return None
    return int(value)


def _locate(text: str, needle: str, near: int, window: int) -> int | None:
    """Start of the occurrence of ``needle`` closest to ``near`` within ``window`` chars."""
    best: int | None = None
    lo = max(0, near - window)
    pos = text.find(needle, lo)
    while pos != -1 and pos <= near + window:
        if best is None or abs(pos - near) < abs(best - near):
            best = pos
        pos = text.find(needle, pos + 1)
    return best


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
    _check_split("plover-gsr", split, [None])
    path = _require(Path(data_dir) / "events" / "plover_gsr.json")
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
                date=_iso_date(rec.get("date")),
            )

    return _take(items(), limit)


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
    _check_split("petr2-gsr", split, [None])
    path = Path(data_dir) / "events" / "petr2_gsr_validation.jsonl"

    def items() -> Iterator[Petr2Item]:
        for rec in _iter_jsonl(path):
            raw = str(rec.get("date") or "")
            yield Petr2Item(
                id=rec["id"],
                text=rec["text"],
                date=_iso_date(raw) if len(raw) == 8 else None,
                date_raw=raw,
                category=rec.get("category", ""),
                events=tuple(
                    CameoEvent(source=e["source"], target=e["target"], code=e["event"])
                    for e in rec.get("expected_events") or []
                ),
                no_events=bool(rec.get("noevents")),
                conllu=rec.get("conllu", ""),
            )

    return _take(items(), limit)


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
    _check_split("conflibert", split, [None])
    path = Path(data_dir) / "events" / "conflibert_cameo_train.jsonl"

    def items() -> Iterator[ConflibertItem]:
        for index, rec in enumerate(_iter_jsonl(path)):
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

    return _take(items(), limit)


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
    _check_split("ngec-actors", split, [None])
    path = Path(data_dir) / "events" / "ngec_actor_gold.jsonl"

    def items() -> Iterator[NgecActorItem]:
        for rec in _iter_jsonl(path):
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

    return _take(items(), limit)


# --------------------------------------------------------------------------- #
# places: GeoWebNews and TR-News
# --------------------------------------------------------------------------- #


@dataclass(frozen=True, slots=True)
class Toponym:
    """A gold toponym: its offsets in the article text and, where resolved, GeoNames data.

    ``geonameid`` is None where the annotators gave coordinates without a GeoNames
    entry (GWN streets and buildings) or did not resolve the name at all.
    ``kind`` is GWN's fine-grained type (Literal, Metonymic, Demonym, ...) and
    ``non_locational`` its flag; TR-News has neither (None).
    """

    start: int
    end: int
    name: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    kind: str | None = None
    non_locational: bool | None = None
    feature_code: str | None = None
    country_geonameid: int | None = None


@dataclass(frozen=True, slots=True)
class GeoArticle:
    """A news article with its gold toponyms; ``date`` only where the set records one."""

    id: str
    title: str
    url: str
    text: str
    toponyms: tuple[Toponym, ...]
    date: str | None = None


def load_geo_gwn(data_dir: Path, *, split: str | None = None, limit: int | None = None) -> list[GeoArticle]:
    """Load ``geo/GWN.xml`` (GeoWebNews: 200 articles).

    Offsets are code-point offsets into ``<text>`` as parsed. Five toponyms in
    two articles carry negative offsets (they were annotated in the title, at an
    offset that does not match it); they cannot be aligned to the text and are
    dropped, leaving 6,607 of 6,612.
    """
    _check_split("geo-gwn", split, [None])
    path = _require(Path(data_dir) / "geo" / "GWN.xml")
    root = ET.parse(path).getroot()

    def items() -> Iterator[GeoArticle]:
        for art in root.iter("article"):
            text = art.findtext("text") or ""
            toponyms: list[Toponym] = []
            for tp in art.iterfind("toponyms/toponym"):
                start = int(tp.findtext("start") or -1)
                end = int(tp.findtext("end") or -1)
                if start < 0 or end > len(text) or end < start:
                    continue
                toponyms.append(
                    Toponym(
                        start=start,
                        end=end,
                        name=tp.findtext("extractedName") or text[start:end],
                        geonameid=_int(tp.findtext("geonamesID")),
                        lat=_float(tp.findtext("latitude")),
                        lon=_float(tp.findtext("longitude")),
                        kind=tp.findtext("type") or None,
                        non_locational=(tp.findtext("nonLocational") or "").strip().lower() == "yes",
                    )
                )
            yield GeoArticle(
                id=art.get("file", ""),
                title=(art.findtext("title") or "").strip(),
                url=(art.findtext("link") or "").strip(),
                text=text,
                toponyms=tuple(sorted(toponyms, key=lambda t: (t.start, t.end))),
            )

    return _take(items(), limit)


#: How far (characters) to look for a TR-News phrase whose offsets drifted.
_TRNEWS_WINDOW = 64


def load_geo_trnews(data_dir: Path, *, split: str | None = None, limit: int | None = None) -> list[GeoArticle]:
    """Load ``geo/TR-News.xml`` (118 articles, 1,319 toponyms).

    About a tenth of TR-News offsets drift a few characters left of the phrase
    they label (the text was edited after annotation), and two have an end one
    short. Each toponym is therefore re-anchored on the occurrence of its
    ``phrase`` nearest to the stated start (within 64 characters) and its end
    set to ``start + len(phrase)``; a phrase not found nearby keeps its offsets.
    After this every toponym's text equals its slice of the article.
    """
    _check_split("geo-trnews", split, [None])
    path = _require(Path(data_dir) / "geo" / "TR-News.xml")
    root = ET.parse(path).getroot()

    def items() -> Iterator[GeoArticle]:
        for art in root.iter("article"):
            text = art.findtext("text") or ""
            toponyms: list[Toponym] = []
            for tp in art.iterfind("toponyms/toponym"):
                phrase = tp.findtext("phrase") or ""
                start = int(tp.findtext("start") or 0)
                end = int(tp.findtext("end") or 0)
                if text[start:end] != phrase and phrase:
                    found = _locate(text, phrase, start, _TRNEWS_WINDOW)
                    if found is not None:
                        start, end = found, found + len(phrase)
                gaz = tp.find("gaztag")
                country = gaz.find("country") if gaz is not None else None
                toponyms.append(
                    Toponym(
                        start=start,
                        end=end,
                        name=phrase,
                        geonameid=_int(gaz.get("geonameid")) if gaz is not None else None,
                        lat=_float(gaz.findtext("lat")) if gaz is not None else None,
                        lon=_float(gaz.findtext("lon")) if gaz is not None else None,
                        feature_code=(gaz.findtext("fcode") or None) if gaz is not None else None,
                        country_geonameid=_int(country.get("geonameid")) if country is not None else None,
                    )
                )
            yield GeoArticle(
                id=art.get("docid", ""),
                title=(art.findtext("title") or "").strip(),
                url=(art.findtext("url") or "").strip(),
                text=text,
                toponyms=tuple(sorted(toponyms, key=lambda t: (t.start, t.end))),
                date=(art.findtext("dltime") or "").strip() or None,
            )

    return _take(items(), limit)


# --------------------------------------------------------------------------- #
# quotes: PolNeAR (BRAT standoff)
# --------------------------------------------------------------------------- #

#: Characters that open or close a direct quotation. The right single quote ’
#: and the ASCII apostrophe are left out: in this news text they are nearly
#: always apostrophes ("Clinton’s"), and counting them would make most
#: paraphrases look like direct quotes.
QUOTE_MARKS = frozenset('"“”„«»‘')
#: Two-character quote marks: the New York Times writes ''quotes'' with doubled
#: apostrophes, and PTB-style text opens them with ``. A doubled apostrophe is
#: never a possessive or a contraction, so it is always a quote mark.
QUOTE_DIGRAPHS = ("''", "``")


@dataclass(frozen=True, slots=True)
class BratSpan:
    """A BRAT text-bound annotation; discontinuous ones keep every fragment.

    ``text`` joins the fragments with a space, as BRAT itself does.
    """

    id: str
    label: str
    fragments: tuple[tuple[int, int], ...]
    text: str

    @property
    def start(self) -> int:
        return self.fragments[0][0]

    @property
    def end(self) -> int:
        return self.fragments[-1][1]


@dataclass(frozen=True, slots=True)
class PolnearQuote:
    """One attribution whose content is a direct quote.

    ``content`` lists the Content span and any Content2 continuation in text
    order; ``source`` is empty for Attribution-no-source relations.
    """

    id: str
    content: tuple[BratSpan, ...]
    cue: tuple[BratSpan, ...]
    source: tuple[BratSpan, ...]

    @property
    def content_text(self) -> str:
        return " ".join(span.text for span in self.content)

    @property
    def content_spans(self) -> list[tuple[int, int]]:
        """Every content fragment as ``(start, end)``, ready for the span scorers."""
        return [frag for span in self.content for frag in span.fragments]

    @property
    def source_text(self) -> str:
        return " ".join(span.text for span in self.source)


@dataclass(frozen=True, slots=True)
class PolnearArticle:
    """A PolNeAR article with its direct quotes; ``annotator`` says whose .ann was used."""

    id: str
    split: str
    annotator: str
    text: str
    date: date | None
    publisher: str
    title: str
    quotes: tuple[PolnearQuote, ...]


_BRAT_T = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t")
_BRAT_E = re.compile(r"^(E\d+)\t(\S+)(.*)$")


# An opening quote mark, then at most a transcript label ('"WALLACE: '), right before a Content:
# the annotator left the mark outside the span, and the Content is still a direct quote.
_MARK_BEFORE = re.compile(r"""(?:^|\s)["“„«‘](?:[A-Z][A-Z.'\- ]{1,40}:\s*)?$""")


def _opens_after_mark(text: str, start: int) -> bool:
    return bool(_MARK_BEFORE.search(text[max(0, start - 45) : start]))


def _is_direct(text: str) -> bool:
    return any(ch in QUOTE_MARKS for ch in text) or any(d in text for d in QUOTE_DIGRAPHS)


def _parse_brat(ann_path: Path, text: str) -> list[PolnearQuote]:
    spans: dict[str, BratSpan] = {}
    relations: list[tuple[str, str, list[tuple[str, str]]]] = []
    with _require(ann_path).open(encoding="utf-8", newline="") as fh:
        for line in fh:
            line = line.rstrip("\r\n")
            # Lines that match neither shape are continuation lines of a span
            # whose text contains a newline, or annotator notes: not needed,
            # because span text is re-read from the .txt.
            if m := _BRAT_T.match(line):
                frags = tuple((int(a), int(b)) for a, b in (part.split() for part in m.group(3).split(";")))
                spans[m.group(1)] = BratSpan(
                    id=m.group(1),
                    label=m.group(2),
                    fragments=frags,
                    text=" ".join(text[a:b] for a, b in frags),
                )
            elif m := _BRAT_E.match(line):
                trigger = m.group(2)
                roles = [tuple(arg.split(":", 1)) for arg in m.group(3).split() if ":" in arg]
                relations.append((m.group(1), trigger, [(r, v) for r, v in roles]))

    quotes: list[PolnearQuote] = []
    for rel_id, _trigger, roles in relations:
        by_role: dict[str, list[BratSpan]] = defaultdict(list)
        for role, ref in roles:
            if ref in spans:
                # Content2 continues the Content of the same attribution.
                by_role["Content" if role.startswith("Content") else role.rstrip("0123456789")].append(spans[ref])
        content = tuple(sorted(by_role["Content"], key=lambda s: s.fragments))
        if not content or not (
            _is_direct(" ".join(s.text for s in content)) or _opens_after_mark(text, content[0].start)
        ):
            continue
        quotes.append(
            PolnearQuote(
                id=rel_id,
                content=content,
                cue=tuple(sorted(by_role["Cue"], key=lambda s: s.fragments)),
                source=tuple(sorted(by_role["Source"], key=lambda s: s.fragments)),
            )
        )
    quotes.sort(key=lambda q: (q.content[0].start, q.id))
    return quotes


def _polnear_metadata(path: Path) -> dict[tuple[str, str], dict[str, str]]:
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        return {(row["compartment"], row["filename"]): row for row in csv.DictReader(fh, delimiter="\t")}


_ANNOTATOR_SUFFIX = re.compile(r"^(?P<base>.+)_(?P<annotator>[0-9a-f]{4})\.ann$")


def load_polnear(data_dir: Path, *, split: str | None = None, limit: int | None = None) -> list[PolnearArticle]:
    """Load PolNeAR articles from ``quotes/polnear/<split>`` (default split ``dev``).

    Only direct quotes are kept: attributions whose Content (with any Content2
    continuation) contains one of :data:`QUOTE_MARKS` or :data:`QUOTE_DIGRAPHS`, or
    opens right after a mark (past a transcript label: '"WALLACE: ...'). Articles are kept even
    when they have no direct quote, because a quote extractor's false positives
    there count too.

    Some articles were annotated by several people (one ``<name>_<annotator>.ann``
    each). Mixing them would double-count quotes, so the loader takes the first
    ``.ann`` file in sorted file-name order for every article, which is
    deterministic and independent of the file system's listing order.
    Publication dates come from ``quotes/polnear/metadata.tsv`` (None if absent).
    """
    split = "dev" if split is None else split
    _check_split("polnear", split, ["dev", "train"])
    base = Path(data_dir) / "quotes" / "polnear"
    text_dir = _require(base / split / "text")
    ann_dir = _require(base / split / "attributions")
    metadata = _polnear_metadata(base / "metadata.tsv")

    chosen: dict[str, tuple[str, Path | None]] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        m = _ANNOTATOR_SUFFIX.match(ann.name)
        name, annotator = (m.group("base"), m.group("annotator")) if m else (ann.stem, "")
        chosen.setdefault(name, (annotator, ann))

    def items() -> Iterator[PolnearArticle]:
        for txt in sorted(text_dir.glob("*.txt")):
            name = txt.stem
            text = _read_text(txt)
            annotator, ann = chosen.get(name, ("", None))
            meta = metadata.get((split, name), {})
            yield PolnearArticle(
                id=name,
                split=split,
                annotator=annotator,
                text=text,
                date=_iso_date(meta.get("publication_date")),
                publisher=meta.get("publisher", ""),
                title=meta.get("title", ""),
                quotes=tuple(_parse_brat(ann, text)) if ann is not None else (),
            )

    return _take(items(), limit)


# --------------------------------------------------------------------------- #
# times: TimeBank + AQUAINT (TimeML)
# --------------------------------------------------------------------------- #


@dataclass(frozen=True, slots=True)
class Timex:
    """A TIMEX3 as standoff over the plain document text."""

    start: int
    end: int
    text: str
    type: str
    value: str
    tid: str


@dataclass(frozen=True, slots=True)
class TimebankDoc:
    """A TimeML document: the ``<TEXT>`` body with tags stripped, its TIMEX3s and creation date."""

    id: str
    corpus: str
    text: str
    dct: date | None
    dct_value: str
    timexes: tuple[Timex, ...]


def _flatten_timeml(elem: ET.Element, parts: list[str], offset: int, timexes: list[Timex]) -> int:
    """Append ``elem``'s inner text to ``parts``, recording TIMEX3 offsets; return the new offset."""
    if elem.text:
        parts.append(elem.text)
        offset += len(elem.text)
    for child in elem:
        start = offset
        offset = _flatten_timeml(child, parts, offset, timexes)
        if child.tag == "TIMEX3":
            timexes.append(
                Timex(
                    start=start,
                    end=offset,
                    text="".join(parts)[start:offset],
                    type=child.get("type", ""),
                    value=child.get("value", ""),
                    tid=child.get("tid", ""),
                )
            )
        if child.tail:
            parts.append(child.tail)
            offset += len(child.tail)
    return offset


_TIMEBANK_SPLITS = {"timebank": "TimeBank", "aquaint": "AQUAINT"}


def load_timebank(data_dir: Path, *, split: str | None = None, limit: int | None = None) -> list[TimebankDoc]:
    """Load TimeBank (183 docs) and AQUAINT (73 docs) from ``time/TBAQ-cleaned``.

    ``split`` is ``"timebank"``, ``"aquaint"`` or None for both. The
    ``testpipeline`` folder only repeats one TimeBank file and is not read.
    ``text`` is the content of ``<TEXT>`` with every tag removed and nothing
    else changed (leading/trailing newlines kept), so a TIMEX3's ``start:end``
    slices exactly its text. ``dct`` is the DCT TIMEX3 value as a date.
    """
    _check_split("timebank", split, [None, *_TIMEBANK_SPLITS])
    root_dir = _require(Path(data_dir) / "time" / "TBAQ-cleaned")
    corpora = [_TIMEBANK_SPLITS[split]] if split else list(_TIMEBANK_SPLITS.values())

    def items() -> Iterator[TimebankDoc]:
        for corpus in corpora:
            for path in sorted(_require(root_dir / corpus).glob("*.tml")):
                root = ET.parse(path).getroot()
                body = root.find("TEXT")
                if body is None:
                    raise ValueError(f"{path}: no <TEXT> element")
                parts: list[str] = []
                timexes: list[Timex] = []
                _flatten_timeml(body, parts, 0, timexes)
                dct_elem = root.find("DCT/TIMEX3")
                dct_value = dct_elem.get("value", "") if dct_elem is not None else ""
                yield TimebankDoc(
                    id=(root.findtext("DOCID") or path.stem).strip(),
                    corpus=corpus,
                    text="".join(parts),
                    dct=_iso_date(dct_value),
                    dct_value=dct_value,
                    timexes=tuple(sorted(timexes, key=lambda t: (t.start, t.end))),
                )

    return _take(items(), limit)


# --------------------------------------------------------------------------- #
# NER: CoNLL-2003 English dev (testa)
# --------------------------------------------------------------------------- #


@dataclass(frozen=True, slots=True)
class ConllSentence:
    """A CoNLL sentence; ``text`` is its tokens joined by single spaces.

    ``entities`` are char spans over ``text`` labelled PER/LOC/ORG/MISC.
    ``doc_index`` counts ``-DOCSTART-`` blocks from 0.
    """

    doc_index: int
    index: int
    tokens: tuple[str, ...]
    tags: tuple[str, ...]
    text: str
    entities: tuple[GoldSpan, ...]


def _iob1_entities(tokens: list[str], tags: list[str]) -> tuple[str, list[GoldSpan]]:
    """Decode IOB1 (``I-X`` continues or starts, ``B-X`` only splits two adjacent X)."""
    starts: list[int] = []
    pos = 0
    for tok in tokens:
        starts.append(pos)
        pos += len(tok) + 1
    text = " ".join(tokens)
    entities: list[GoldSpan] = []
    current: tuple[str, int, int] | None = None  # label, first token, last token
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        continues = current is not None and prefix == "I" and label == current[0]
        if current is not None and not continues:
            lab, first, last = current
            start, end = starts[first], starts[last] + len(tokens[last])
            entities.append(GoldSpan(start, end, text[start:end], lab))
            current = None
        if prefix in ("I", "B") and not continues:
            current = (label, i, i)
        elif continues and current is not None:
            current = (current[0], current[1], i)
    return text, entities


def load_conll(data_dir: Path, *, split: str | None = None, limit: int | None = None) -> list[ConllSentence]:
    """Load the CoNLL-2003 English dev set ``ner/conll2003_eng.testa`` (IOB1, 4 columns).

    The original whitespace is not in the file, so ``text`` is the tokens joined
    by one space; a tagger is scored on that text, not on the Reuters original.
    """
    _check_split("conll", split, [None])
    path = _require(Path(data_dir) / "ner" / "conll2003_eng.testa")

    def items() -> Iterator[ConllSentence]:
        doc_index = -1
        index = 0
        tokens: list[str] = []
        tags: list[str] = []

        def flush() -> ConllSentence:
            text, entities = _iob1_entities(tokens, tags)
            return ConllSentence(doc_index, index, tuple(tokens), tuple(tags), text, tuple(entities))

        with path.open(encoding="utf-8") as fh:
            for line in fh:
                cols = line.split()
                if not cols:
                    if tokens:
                        yield flush()
                        index += 1
                        tokens, tags = [], []
                    continue
                if cols[0] == "-DOCSTART-":
                    doc_index += 1
                    continue
                tokens.append(cols[0])
                tags.append(cols[-1])
        if tokens:
            yield flush()

    return _take(items(), limit)


# --------------------------------------------------------------------------- #
# coreference: MEANTIME English (CAT XML)
# --------------------------------------------------------------------------- #


@dataclass(frozen=True, slots=True)
class EntityMention:
    """An ENTITY_MENTION over ``MeantimeDoc.text``; ``entity_type`` comes from the entity it refers to."""

    id: str
    start: int
    end: int
    text: str
    syntactic_type: str
    entity_type: str | None


@dataclass(frozen=True, slots=True)
class CorefChain:
    """The mentions (ids) that REFERS_TO one ENTITY; singletons included."""

    id: str
    entity_type: str
    descriptor: str
    external_ref: str
    mention_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MeantimeDoc:
    """A MEANTIME article rebuilt from its tokens, with entity mentions and chains.

    The CAT files hold tokens only, so ``text`` joins the tokens of a sentence
    with single spaces and sentences with a newline. ``dct`` is the
    CREATION_TIME TIMEX3 value: None for the two documents without one and
    for one whose value is not ISO (``03-02-2009``, day/month order unknown).
    """

    id: str
    name: str
    topic: str
    url: str
    text: str
    dct: date | None
    mentions: tuple[EntityMention, ...]
    chains: tuple[CorefChain, ...]

    def chain_spans(self) -> list[list[tuple[int, int]]]:
        """Chains as lists of ``(start, end)`` keys, the shape :func:`metrics.muc` takes."""
        by_id = {m.id: m for m in self.mentions}
        return [[(by_id[i].start, by_id[i].end) for i in c.mention_ids if i in by_id] for c in self.chains]


def _parse_meantime(path: Path, topic: str) -> MeantimeDoc:
    root = ET.parse(path).getroot()
    parts: list[str] = []
    token_span: dict[str, tuple[int, int]] = {}
    offset = 0
    sentence: str | None = None
    for tok in root.iter("token"):
        if sentence is not None:
            sep = " " if tok.get("sentence") == sentence else "\n"
            parts.append(sep)
            offset += 1
        sentence = tok.get("sentence")
        word = tok.text or ""
        token_span[tok.get("t_id", "")] = (offset, offset + len(word))
        parts.append(word)
        offset += len(word)
    text = "".join(parts)

    markables = root.find("Markables")
    raw_mentions: list[tuple[str, int, int, str]] = []
    entities: dict[str, ET.Element] = {}
    dct: date | None = None
    for elem in markables if markables is not None else ():
        if elem.tag == "ENTITY_MENTION":
            anchors = [token_span[a.get("t_id", "")] for a in elem.iter("token_anchor") if a.get("t_id") in token_span]
            if not anchors:  # one mention in the corpus has no tokens
                continue
            # Ten mentions skip a token; the span covers first..last token.
            start, end = min(a[0] for a in anchors), max(a[1] for a in anchors)
            raw_mentions.append((elem.get("m_id", ""), start, end, elem.get("syntactic_type", "")))
        elif elem.tag == "ENTITY":
            entities[elem.get("m_id", "")] = elem
        elif elem.tag == "TIMEX3" and elem.get("functionInDocument") == "CREATION_TIME":
            dct = _iso_date(elem.get("value"))

    members: dict[str, list[str]] = defaultdict(list)
    relations = root.find("Relations")
    for rel in relations.iter("REFERS_TO") if relations is not None else ():
        target = rel.find("target")
        if target is None or target.get("m_id") not in entities:
            continue  # event coreference; only entities are loaded
        for src in rel.iter("source"):
            members[target.get("m_id", "")].append(src.get("m_id", ""))

    mention_ids = {m[0] for m in raw_mentions}
    entity_of: dict[str, str] = {}
    chains: list[CorefChain] = []
    claimed: set[str] = set()
    # Chains must partition the mentions; the two mentions in the corpus that
    # refer to two entities stay with the entity of lower id.
    for ent_id in sorted(members, key=int):
        ids = sorted({i for i in members[ent_id] if i in mention_ids} - claimed, key=int)
        claimed.update(ids)
        if not ids:
            continue
        ent = entities[ent_id]
        for i in ids:
            entity_of[i] = ent.get("ent_type", "")
        chains.append(
            CorefChain(
                id=ent_id,
                entity_type=ent.get("ent_type", ""),
                descriptor=ent.get("TAG_DESCRIPTOR", ""),
                external_ref=ent.get("external_ref", ""),
                mention_ids=tuple(ids),
            )
        )
    mentions = tuple(
        EntityMention(
            id=mid,
            start=s,
            end=e,
            text=text[s:e],
            syntactic_type=syn,
            entity_type=entity_of.get(mid),
        )
        for mid, s, e, syn in sorted(raw_mentions, key=lambda m: (m[1], m[2], int(m[0])))
    )
    first_start = {m.id: m.start for m in mentions}
    chains.sort(key=lambda c: (first_start[c.mention_ids[0]], int(c.id)))
    return MeantimeDoc(
        id=root.get("doc_id", path.stem),
        name=root.get("doc_name", path.stem),
        topic=topic,
        url=root.get("url", ""),
        text=text,
        dct=dct,
        mentions=mentions,
        chains=tuple(chains),
    )


def load_meantime(data_dir: Path, *, split: str | None = None, limit: int | None = None) -> list[MeantimeDoc]:
    """Load MEANTIME English document-level annotation (``coref/meantime_en/intra-doc_annotation``).

    ``split`` picks one topic folder (``airbus``, ``apple``, ``gm``, ``stock``)
    or None for all 120 articles. Only entity coreference is loaded: chains are
    the ENTITY_MENTIONs grouped by the ENTITY they REFERS_TO; a mention that
    refers to no entity is kept in ``mentions`` but is in no chain, and a
    mention that refers to two entities (two in the corpus) joins the first.
    """
    base = _require(Path(data_dir) / "coref" / "meantime_en" / "intra-doc_annotation")
    topics = sorted(p.name.removeprefix("corpus_") for p in base.iterdir() if p.is_dir())
    _check_split("meantime", split, [None, *topics])
    chosen = [split] if split else topics

    def items() -> Iterator[MeantimeDoc]:
        for topic in chosen:
            for path in sorted((base / f"corpus_{topic}").glob("*.xml")):
                yield _parse_meantime(path, topic)

    return _take(items(), limit)


# --------------------------------------------------------------------------- #
# main-text extraction: Scrapinghub article-extraction benchmark
# --------------------------------------------------------------------------- #


@dataclass(frozen=True, slots=True)
class ExtractItem:
    """A saved web page and the gold ``articleBody`` its main text should match."""

    id: str
    url: str
    html: str
    article_body: str


def load_extract(data_dir: Path, *, split: str | None = None, limit: int | None = None) -> list[ExtractItem]:
    """Load the 181 pages of ``extract/html/<key>.html.gz`` with ``extract/ground-truth.json``.

    Pages are decoded as UTF-8 (all 181 are) with replacement for stray bytes,
    as the benchmark's own extractors read them. Items are in key order.
    """
    _check_split("extract", split, [None])
    base = Path(data_dir) / "extract"
    truth_path = _require(base / "ground-truth.json")
    html_dir = _require(base / "html")
    truth: dict[str, dict[str, str]] = json.loads(truth_path.read_text(encoding="utf-8"))

    def items() -> Iterator[ExtractItem]:
        for key in sorted(truth):
            page = _require(html_dir / f"{key}.html.gz")
            with gzip.open(page, "rb") as fh:
                html = fh.read().decode("utf-8", errors="replace")
            yield ExtractItem(
                id=key,
                url=truth[key].get("url", ""),
                html=html,
                article_body=truth[key].get("articleBody", ""),
            )

    return _take(items(), limit)


# --------------------------------------------------------------------------- #
# WARC ingest: the extract pages as WARC records
# --------------------------------------------------------------------------- #


@dataclass(frozen=True, slots=True)
class WarcItem:
    """One HTML record of a WARC file, as tidings' WARC reader hands it on, and its gold ``articleBody``.

    ``body`` is the record's payload decoded as latin-1 (a lossless byte-for-byte
    mapping) so that the item stays plain JSON for the gate's digest; ``error``
    is the reader's message when the record could not be read.
    """

    id: str
    url: str
    body: str
    charset: str | None
    article_body: str
    error: str | None = None


WARC_FILES: dict[str | None, str] = {None: "synthetic-news-aeb181.warc.gz"}


def load_warc(data_dir: Path, *, split: str | None = None, limit: int | None = None) -> list[WarcItem]:
    """The HTML records of ``warc/synthetic-news-aeb181.warc.gz`` with the gold of ``extract/ground-truth.json``.

    Records are read by :func:`tidings.ingest.warc.warc_pages`, the reader
    ``tidings process`` uses, and matched to the gold by their WARC-Target-URI.
    Items are in file order.
    """
    from tidings.config import load_settings
    from tidings.errors import InputError
    from tidings.readers.warc import warc_pages

    _check_split("warc", split, WARC_FILES)
    path = _require(Path(data_dir) / "warc" / WARC_FILES[split])
    truth_path = _require(Path(data_dir) / "extract" / "ground-truth.json")
    truth: dict[str, dict[str, str]] = json.loads(truth_path.read_text(encoding="utf-8"))
    gold = {v.get("url", ""): v.get("articleBody", "") for v in truth.values()}

    def items() -> Iterator[WarcItem]:
        for n, page in enumerate(warc_pages(str(path), str(path), load_settings()), 1):
            if isinstance(page, InputError):
                yield WarcItem(id=f"record-{n}", url="", body="", charset=None, article_body="", error=str(page))
                continue
            url = page.uri or ""
            if url not in gold:
                continue  # a record with no gold page cannot be scored
            yield WarcItem(
                id=url, url=url, body=page.body.decode("latin-1"), charset=page.charset, article_body=gold[url]
            )

    return _take(items(), limit)


# --------------------------------------------------------------------------- #
# registry
# --------------------------------------------------------------------------- #

#: CLI name -> loader. Every loader takes ``(data_dir, *, split=None, limit=None)``.
DATASETS: dict[str, Callable[..., list[Any]]] = {
    "plover-gsr": load_plover_gsr,
    "petr2-gsr": load_petr2_gsr,
    "conflibert": load_conflibert,
    "ngec-actors": load_ngec_actors,
    "geo-gwn": load_geo_gwn,
    "geo-trnews": load_geo_trnews,
    "polnear": load_polnear,
    "timebank": load_timebank,
    "conll": load_conll,
    "meantime": load_meantime,
    "extract": load_extract,
    "warc": load_warc,
}

#: The split each loader uses when ``split`` is None (None = the whole set).
DEFAULT_SPLITS: dict[str, str | None] = dict.fromkeys(DATASETS) | {"polnear": "dev"}
