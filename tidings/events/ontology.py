"""CAMEO codebook and PLOVER crosswalk, read from ``tidings/data/cameo.tsv``."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str
    plover_mode: str | None
    plover_context: str | None

    @property
    def root(self) -> str:
        return self.code[:2]


@lru_cache(maxsize=1)
def codebook() -> dict[str, CameoCode]:
    """Every CAMEO code (2, 3 and 4 digits) with its Goldstein score, QuadClass and PLOVER type."""
    out: dict[str, CameoCode] = {}
    with (DATA / "cameo.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t"):
            out[row["code"]] = CameoCode(
                row["code"],
                row["name"],
                float(row["goldstein"]),
                int(row["quad_class"]),
                row["plover"],
                row["plover_mode"] or None,
                row["plover_context"] or None,
            )
    return out


def lookup(code: str) -> CameoCode:
    """The entry of a code; raises KeyError naming the code when the lexicon uses an unknown one."""
    book = codebook()
    if code not in book:
        raise KeyError(f"unknown CAMEO code {code!r}")
    return book[code]
