"""Time-expression gold set: TimeBank and AQUAINT TimeML (``time/TBAQ-cleaned``), tags stripped to standoff."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tidings.eval.gold.common import check_split, iso_date, require, take

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
    check_split("timebank", split, [None, *_TIMEBANK_SPLITS])
    root_dir = require(Path(data_dir) / "time" / "TBAQ-cleaned")
    corpora = [_TIMEBANK_SPLITS[split]] if split else list(_TIMEBANK_SPLITS.values())

    def items() -> Iterator[TimebankDoc]:
        for corpus in corpora:
            for path in sorted(require(root_dir / corpus).glob("*.tml")):
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
                    dct=iso_date(dct_value),
                    dct_value=dct_value,
                    timexes=tuple(sorted(timexes, key=lambda t: (t.start, t.end))),
                )

    return take(items(), limit)
