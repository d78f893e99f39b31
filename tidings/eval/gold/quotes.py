"""Quotation gold set: PolNeAR's direct quotes, read from BRAT standoff (``quotes/polnear``)."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tidings.eval.gold.common import check_split, iso_date, require, take


def _read_text(path: Path) -> str:
    """Read UTF-8 text without newline translation, so standoff offsets stay valid."""
    with require(path).open(encoding="utf-8", newline="") as fh:
        return fh.read()


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
    with require(ann_path).open(encoding="utf-8", newline="") as fh:
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
    check_split("polnear", split, ["dev", "train"])
    base = Path(data_dir) / "quotes" / "polnear"
    text_dir = require(base / split / "text")
    ann_dir = require(base / split / "attributions")
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
                date=iso_date(meta.get("publication_date")),
                publisher=meta.get("publisher", ""),
                title=meta.get("title", ""),
                quotes=tuple(_parse_brat(ann, text)) if ann is not None else (),
            )

    return take(items(), limit)
