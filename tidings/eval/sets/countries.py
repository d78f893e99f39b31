"""Actor codes as the gold sets spell countries: ISO3 or ``IGO``, with PLOVER's and NGEC's variants.

Shared by the event sets (PLOVER GSR) and the actor set (NGEC): the gold side's
country is read from a CAMEO-style code, tidings' side from the resolved actor.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from tidings.model import Actor

DATA = Path(__file__).resolve().parents[2] / "data"


@lru_cache(maxsize=1)
def _iso3() -> frozenset[str]:
    """ISO 3166 alpha-3 codes from the packaged country table (codes are facts, not pipeline logic)."""
    codes: set[str] = set()
    with (DATA / "countries.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith(("#", "iso3\t")):
                continue
            code = line.split("\t", 1)[0].strip()
            if len(code) == 3:
                codes.add(code)
    return frozenset(codes)


def gold_country(code: str) -> str | None:
    """The country of a CAMEO-style actor code: its first three letters when an ISO3 code or IGO."""
    head = code[:3].upper()
    return head if head == "IGO" or head in _iso3() else None


#: NGEC's country table (reference/ngec_countries.csv) lists the United Nations and the
#: European Union as countries of their own, UNO and EUR; every other IGO is "IGO".
_NGEC_BLOCS = (("IGOUNO", "UNO"), ("IGOEUR", "EUR"))


def ngec_country(actor: Actor | None) -> str | None:
    """:func:`actor_country` in NGEC's vocabulary: UN and EU bodies (IGOUNO..., IGOEUR...) as UNO and EUR."""
    country = actor_country(actor)
    if actor is not None and country == "IGO":
        return next((bloc for prefix, bloc in _NGEC_BLOCS if actor.code.startswith(prefix)), country)
    return country


def plover_country(actor: Actor | None) -> str | None:
    """:func:`actor_country` in PLOVER's vocabulary, which writes every international body as
    ``IGO``, non-governmental ones too (the GSR codes Amnesty International and the Red Cross
    ``IGO``), where CAMEO writes a transnational NGO's code with ``NGO`` (NGOHRIAMN)."""
    country = actor_country(actor)
    if actor is not None and country is None and actor.code.startswith("NGO"):
        return "IGO"
    return country


def actor_country(actor: Actor | None) -> str | None:
    """The country tidings gives an actor, with IGOs as ``"IGO"`` (the gold sets' spelling)."""
    if actor is None:
        return None
    if actor.code.startswith("IGO") or actor.kind == "igo":
        return "IGO"
    return actor.country or gold_country(actor.code)
