"""When two CAMEO actor codes can stand for the same party of one act.

Reports of one act name its parties differently: "Russia", "the Kremlin",
"Vladimir Putin" and "Russian forces" are ``RUS``, ``RUSGOV``, ``RUSGOV`` and
``RUSMIL``. Two codes are compatible when

- either is unknown (no actor, or the coder's ``---``: an actor it could not
  code), or they are equal;
- they are of one country and one of them is the bare country (``RUS`` ~
  ``RUSGOV``, ``RUS`` ~ ``RUSOPP``: "Russia" may stand for any of its parts);
- they are of one country and of one side of it: both organs of the state
  (government, military, police, intelligence, judiciary, legislature:
  ``RUSGOV`` ~ ``RUSMIL``), both armed groups outside it (rebels,
  insurgents, separatists, militias), or both its society (civilians,
  students, opposition, parties, unions, media...: reports call the same
  victims "students" and "children", ``NGAEDU`` ~ ``NGACVL``);
- a code without a country (``OPP``) meets one with a country and the same
  sector (``GEOOPP``);
- an international or non-state code (``IGO``, ``NGO``, ``MNC``...) is a
  prefix of the other (``IGOEUR`` ~ ``IGOEUREEC``).

Two countries are never compatible, nor two sides of one country (``GEOCOP``
and ``GEOOPP`` are the two sides of a crackdown, ``SDNMIL`` and ``SDNREB`` of
a war).

Example::

    compatible("RUS", "RUSGOV"), compatible("RUSGOV", "TURGOV"), compatible("POLCOP", "POLOPP")
    # (True, False, False)
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

#: Organs of the state: any two of one country may stand for the state that acted.
STATE = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
#: Armed groups outside the state.
ARMED = frozenset({"REB", "INS", "SEP", "UAF", "PRM"})


def side(sector: str) -> str:
    """Which side of a country a sector is on: state, armed, or society (everything else)."""
    return "state" if sector in STATE else "armed" if sector in ARMED else "society"


_DATA = Path(__file__).resolve().parent.parent / "data"


@cache
def _types() -> frozenset[str]:
    """CAMEO's type codes (``GOV``, ``OPP``, ``IGO``...): a code starting with one names no country."""
    with (_DATA / "cameo_actor_codes.tsv").open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        return frozenset(r["code"] for r in rows if r["kind"] == "type")


#: The code the coder gives an actor it cannot code: it says nothing about the party.
UNKNOWN = "---"


def known(code: str | None) -> str | None:
    """The code, or None when it says nothing (no actor, or ``---``)."""
    return None if not code or code.startswith(UNKNOWN) else code


def split(code: str) -> tuple[str | None, str]:
    """(country or region, first sector) of a code: ``RUSGOV`` -> (``RUS``, ``GOV``), ``OPP`` -> (None, ``OPP``)."""
    head = code[:3]
    if head in _types():
        return None, head
    return head, code[3:6]


def block(code: str | None) -> str:
    """The key global events are looked up by: the country (``RUS``), else the type (``IGO``), else ''."""
    code = known(code)
    if not code:
        return ""
    country, sector = split(code)
    return country or (sector if sector in ("IGO", "NGO", "MNC", "IMG", "NGM") else "")


def compatible(a: str | None, b: str | None) -> bool:
    """True when the two codes may name the same party of one act (see the module's rules)."""
    a, b = known(a), known(b)
    if not a or not b or a == b:
        return True
    ca, sa = split(a)
    cb, sb = split(b)
    if ca is None and cb is None:
        return a.startswith(b) or b.startswith(a) if sa == sb else False
    if ca is None or cb is None:
        return sa == sb and sa not in ("IGO", "NGO", "MNC")
    if ca != cb:
        return False
    return not sa or not sb or side(sa) == side(sb)


def known_match(a: str | None, b: str | None) -> bool:
    """Both codes known and compatible: evidence that the two reports share this party."""
    return bool(known(a)) and bool(known(b)) and compatible(a, b)
