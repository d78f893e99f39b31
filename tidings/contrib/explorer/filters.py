"""The filters every list page shares (events, map, timeline): parsed, checked, turned into SQL.

A page's query string is read once into :class:`Filters`; a value that is not
what its parameter takes is refused with ``[T110]`` naming the parameter, so
a typo never silently widens a count. :func:`where` turns the filters into a
parameterised ``WHERE`` clause over the columns of an :class:`EventSource`:
the per-article event rows (``events``, one row per event an article codes)
or, when the store has them, the cross-article ``global_event_view``.

Example::

    f = parse({"root": "14", "country": "blr", "from": "2020-08"})
    clause, params = where(f, MENTIONS)
    # "e.root = :root AND (e.source_country = :country OR ...) AND e.date >= :date_from"
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace
from importlib import resources
from typing import Any

from tidings.errors import TidingsError

#: Query-string names, in the order links write them.
PARAMS = ("q", "from", "to", "country", "source", "target", "root", "quad", "min_conf", "negated", "article")

QUAD_NAMES = {1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict", 4: "Material conflict"}

_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_COUNTRY = re.compile(r"[A-Z]{3}")
_CODE = re.compile(r"[A-Z0-9]{3,15}")
_ROOT = re.compile(r"\d{2}")
MAX_TEXT = 200


@dataclass(frozen=True)
class Filters:
    """What a list page is narrowed to; empty strings and ``None`` mean "any"."""

    q: str = ""
    date_from: str = ""
    date_to: str = ""
    country: str = ""
    source: str = ""
    target: str = ""
    root: str = ""
    quad: int | None = None
    min_conf: float | None = None
    negated: str = ""  # "" any, "yes" only negated events, "no" only asserted ones
    article: str = ""

    def query(self) -> dict[str, str]:
        """The filters as query-string pairs (only those set), for links."""
        values = {
            "q": self.q,
            "from": self.date_from,
            "to": self.date_to,
            "country": self.country,
            "source": self.source,
            "target": self.target,
            "root": self.root,
            "quad": "" if self.quad is None else str(self.quad),
            "min_conf": "" if self.min_conf is None else f"{self.min_conf:g}",
            "negated": self.negated,
            "article": self.article,
        }
        return {k: v for k, v in values.items() if v}

    def with_(self, **changes: Any) -> Filters:
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class EventSource:
    """Where a list page's events come from, and the SQL expression of each filtered column."""

    name: str  # "mentions" or "global"
    from_sql: str
    date: str
    root: str
    quad: str
    confidence: str
    source_code: str
    target_code: str
    source_country: str
    target_country: str
    place_country: str
    negated: str | None
    article: str | None
    search: tuple[str, ...]


#: The per-article event rows, with the article's title.
MENTIONS = EventSource(
    name="mentions",
    from_sql="events e JOIN articles a ON a.id = e.article_id",
    date="e.date",
    root="e.root",
    quad="e.quad_class",
    confidence="e.confidence",
    source_code="e.source_code",
    target_code="e.target_code",
    source_country="e.source_country",
    target_country="e.target_country",
    place_country="e.place_country",
    negated="e.negated",
    article="e.article_id",
    search=("e.trigger", "e.sentence", "e.source_name", "e.target_name", "e.event_name", "a.title"),
)


def root_quads() -> dict[str, int]:
    """CAMEO root code -> QuadClass, from the packaged codebook (``tidings/data/cameo.tsv``)."""
    text = resources.files("tidings").joinpath("data", "cameo.tsv").read_text(encoding="utf-8")
    return {
        r["code"]: int(r["quad_class"])
        for r in csv.DictReader(text.splitlines(), delimiter="\t")
        if len(r["code"]) == 2
    }


_QUAD_OF_ROOT = "(CASE g.root " + " ".join(f"WHEN '{r}' THEN {q}" for r, q in sorted(root_quads().items())) + " END)"

#: Events merged across articles (``global_event_view``), when the store has them.
GLOBAL = EventSource(
    name="global",
    from_sql="global_event_view g",
    date="g.date",
    root="g.root",
    quad=_QUAD_OF_ROOT,
    confidence="g.confidence",
    source_code="g.source_code",
    target_code="g.target_code",
    source_country="substr(g.source_code, 1, 3)",
    target_country="substr(g.target_code, 1, 3)",
    place_country="g.country",
    negated=None,
    article=None,
    search=("g.cameo", "g.source_code", "g.target_code", "g.place"),
)


def _bad(name: str, value: str, wants: str) -> TidingsError:
    shown = value if len(value) <= 40 else value[:40] + "…"
    return TidingsError("T110", f"parameter {name}={shown!r}: {wants}")


def _text(args: Mapping[str, str], name: str) -> str:
    value = (args.get(name) or "").strip()
    if len(value) > MAX_TEXT:
        raise _bad(name, value, f"at most {MAX_TEXT} characters")
    return value


def _match(args: Mapping[str, str], name: str, pattern: re.Pattern[str], wants: str, upper: bool = False) -> str:
    value = _text(args, name)
    if upper:
        value = value.upper()
    if value and not pattern.fullmatch(value):
        raise _bad(name, value, wants)
    return value


def parse(args: Mapping[str, str]) -> Filters:
    """The filters of a query string; ``[T110]`` for a value its parameter does not take."""
    quad_s = _text(args, "quad")
    if quad_s and quad_s not in ("1", "2", "3", "4"):
        raise _bad("quad", quad_s, "a QuadClass, 1 to 4")
    conf_s = _text(args, "min_conf")
    min_conf = None
    if conf_s:
        try:
            min_conf = float(conf_s)
        except ValueError:
            min_conf = -1.0
        if not 0.0 <= min_conf <= 1.0:
            raise _bad("min_conf", conf_s, "a number from 0 to 1")
    negated = _text(args, "negated").lower()
    if negated not in ("", "yes", "no"):
        raise _bad("negated", negated, "yes or no")
    dates = "a date: YYYY, YYYY-MM or YYYY-MM-DD"
    return Filters(
        q=_text(args, "q"),
        date_from=_match(args, "from", _DATE, dates),
        date_to=_match(args, "to", _DATE, dates),
        country=_match(args, "country", _COUNTRY, "an ISO 3166 alpha-3 country code", upper=True),
        source=_match(args, "source", _CODE, "a CAMEO actor or country code", upper=True),
        target=_match(args, "target", _CODE, "a CAMEO actor or country code", upper=True),
        root=_match(args, "root", _ROOT, "a two-digit CAMEO root code"),
        quad=int(quad_s) if quad_s else None,
        min_conf=min_conf,
        negated=negated,
        article=_text(args, "article"),
    )


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def where(f: Filters, src: EventSource, *, skip: str = "") -> tuple[str, dict[str, Any]]:
    """A ``WHERE`` clause (``"1"`` when nothing is set) and its parameters; ``skip`` leaves one filter out
    (a facet counts its own column over the other filters)."""
    parts: list[str] = []
    params: dict[str, Any] = {}

    def add(name: str, sql: str, **values: Any) -> None:
        if name != skip:
            parts.append(sql)
            params.update(values)

    if f.q:
        add("q", "(" + " OR ".join(f"{c} LIKE :q ESCAPE '\\'" for c in src.search) + ")", q=_like(f.q))
    if f.date_from:
        add("from", f"{src.date} >= :date_from", date_from=f.date_from)
    if f.date_to:  # "2020-08" takes in every day of August: compare below the next character after it
        add("to", f"{src.date} <= :date_to", date_to=f.date_to + "\uffff")
    if f.country:
        cols = (src.source_country, src.target_country, src.place_country)
        add("country", "(" + " OR ".join(f"{c} = :country" for c in cols) + ")", country=f.country)
    if f.source:
        add("source", f"({src.source_code} = :source OR {src.source_country} = :source)", source=f.source)
    if f.target:
        add("target", f"({src.target_code} = :target OR {src.target_country} = :target)", target=f.target)
    if f.root:
        add("root", f"{src.root} = :root", root=f.root)
    if f.quad is not None:
        add("quad", f"{src.quad} = :quad", quad=f.quad)
    if f.min_conf is not None:
        add("min_conf", f"{src.confidence} >= :min_conf", min_conf=f.min_conf)
    if f.negated and src.negated:
        add("negated", f"{src.negated} = :negated", negated=1 if f.negated == "yes" else 0)
    if f.article and src.article:
        add("article", f"{src.article} = :article", article=f.article)
    return (" AND ".join(parts) or "1"), params
