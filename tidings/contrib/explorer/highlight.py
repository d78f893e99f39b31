"""An article's cleaned text as HTML, every span the pipeline found highlighted.

Spans nest and cross: a quote holds actor mentions and event triggers, an
actor mention ("his Belarusian counterpart") holds a place, two actors can
share one phrase. :func:`render` turns them into properly nested ``<mark>``
elements: spans with the same extent and kind become one mark naming all
their records, and a span that crosses the end of an enclosing one is cut in
two at that point. Every character of text and every attribute value goes
through :func:`markupsafe.escape`, so an article holding ``<script>`` shows it
as text.

Example::

    html = render("Putin called Lukashenko.", [Ann(0, 5, "actor", ("actor:1",), "Vladimir Putin (RUSGOV)")])
    # '<mark class="hl hl-actor" ... title="Vladimir Putin (RUSGOV)">Putin</mark> called Lukashenko.'
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from markupsafe import Markup, escape

#: Kinds of span, outermost first when two have the same extent.
KINDS = ("quote", "actor", "place", "time", "event")
_ORDER = {k: i for i, k in enumerate(KINDS)}


@dataclass(frozen=True)
class Ann:
    """One highlighted span of the cleaned text."""

    start: int
    end: int
    kind: str
    refs: tuple[str, ...]  # the records it stands for: "event:12", "actor:3", "quote:5", "place:7", "time:2"
    title: str  # plain-text summary: the tooltip without script
    anchor: bool = field(default=True, compare=False)  # only a span's first piece carries its id
    whole: tuple[int, int] | None = field(default=None, compare=False)  # a piece's whole span, when cut

    @property
    def extent(self) -> tuple[int, int]:
        return self.whole or (self.start, self.end)


def merge(anns: Iterable[Ann]) -> list[Ann]:
    """One span per (start, end, kind), naming every record it stands for; empty or reversed spans dropped."""
    grouped: dict[tuple[int, int, str], tuple[list[str], list[str]]] = {}
    for a in anns:
        if a.end <= a.start or a.kind not in _ORDER:
            continue
        refs, titles = grouped.setdefault((a.start, a.end, a.kind), ([], []))
        refs.extend(r for r in a.refs if r not in refs)
        if a.title and a.title not in titles:
            titles.append(a.title)
    return [Ann(s, e, k, tuple(refs), " | ".join(titles)) for (s, e, k), (refs, titles) in grouped.items()]


def _open(a: Ann) -> str:
    """The opening tag of a span's mark. Kinds, refs and offsets are the code's own; the title is escaped."""
    start, end = a.extent
    anchor = f'id="{span_id(a.kind, start, end)}" ' if a.anchor else ""
    return (
        f'<mark {anchor}class="hl hl-{a.kind}" data-refs="{escape(" ".join(a.refs))}" data-kind="{a.kind}"'
        f' data-start="{start}" data-end="{end}" tabindex="0" title="{escape(a.title)}">'
    )


def span_id(kind: str, start: int, end: int) -> str:
    """The element id of a span's mark: the target of links from the tables beside the text."""
    return f"{kind}-{start}-{end}"


def render(text: str, anns: Iterable[Ann], inserts: Sequence[tuple[int, Markup]] = ()) -> Markup:
    """``text`` escaped, with a ``<mark>`` per span (nested) and each ``inserts`` markup placed at its offset."""
    spans = [a for a in merge(anns) if a.start >= 0 and a.end <= len(text)]
    heap: list[tuple[int, int, int, int, Ann]] = []
    for n, a in enumerate(spans):
        heapq.heappush(heap, (a.start, -a.end, _ORDER[a.kind], n, a))
    extra = sorted(inserts, key=lambda i: i[0])
    out: list[str] = []
    stack: list[Ann] = []
    pos = 0
    nxt = len(spans)

    def text_to(upto: int) -> None:
        nonlocal pos, extra
        while extra and extra[0][0] <= upto:
            at, markup = extra.pop(0)
            at = max(at, pos)
            out.append(str(escape(text[pos:at])))
            out.append(str(markup))
            pos = at
        out.append(str(escape(text[pos:upto])))
        pos = max(pos, upto)

    while heap:
        start, _, order, _, a = heapq.heappop(heap)
        while stack and stack[-1].end <= start:
            text_to(stack[-1].end)
            out.append("</mark>")
            stack.pop()
        text_to(start)
        if stack and a.end > stack[-1].end:  # crosses its parent's end: the rest is a piece of its own
            nxt += 1
            rest = replace(a, start=stack[-1].end, anchor=False, whole=a.extent)
            heapq.heappush(heap, (rest.start, -rest.end, order, nxt, rest))
            a = replace(a, end=stack[-1].end, whole=a.extent)
        out.append(_open(a))
        stack.append(a)
    while stack:
        text_to(stack.pop().end)
        out.append("</mark>")
    text_to(len(text))
    for _, markup in extra:
        out.append(str(markup))
    return Markup("".join(out))


def _who(name: Any, code: Any) -> str:
    if not name and not code:
        return "—"
    return f"{name} ({code})" if name and code else str(name or code)


def _conf(value: Any) -> str:
    return "" if value is None else f"confidence {float(value):.2f}"


def spans_of(found: dict[str, Any]) -> list[Ann]:
    """The spans of one article as :func:`tidings.contrib.explorer.queries.article` returns it."""
    anns: list[Ann] = []
    events = {e["id"]: e for e in found["events"]}
    for e in found["events"]:
        anns.append(Ann(e["trigger_start"], e["trigger_end"], "event", (f"event:{e['id']}",), event_title(e)))
    for m in found.get("event_mentions", []):
        e = events.get(m["event_id"])
        if e is not None:
            anns.append(Ann(m["trigger_start"], m["trigger_end"], "event", (f"event:{e['id']}",), event_title(e)))
    for a in found["actors"]:
        title = f"actor {_who(a['name'], a['code'])}" + (f" · {a['kind']}" if a.get("kind") else "")
        for m in a["mentions"]:
            anns.append(Ann(int(m["start"]), int(m["end"]), "actor", (f"actor:{a['actor_id']}",), title))
    for q in found["quotes"]:
        title = f"{q['kind']} quote · speaker {_who(q['speaker_name'], q['speaker_code'])}"
        anns.append(Ann(q["start"], q["end"], "quote", (f"quote:{q['id']}",), title))
    for p in found["places"]:
        where = ", ".join(str(x) for x in (p["name"], p["country"]) if x)
        title = f"place {where} · {p['role'] or 'mention'}" + (
            f" · GeoNames {p['geonameid']}" if p["geonameid"] else ""
        )
        anns.append(Ann(p["start"], p["end"], "place", (f"place:{p['id']}",), title))
    for t in found["times"]:
        title = f"time {t['value'] or 'unresolved'} · {t['kind'] or ''}".rstrip(" ·")
        anns.append(Ann(t["start"], t["end"], "time", (f"time:{t['id']}",), title))
    return anns


def event_title(e: dict[str, Any]) -> str:
    """A one-line summary of an event row: code, dyad, date and its source, modality, confidence."""
    parts = [
        f"event {e['cameo']} {e.get('event_name') or ''}".rstrip(),
        f"{_who(e.get('source_name'), e.get('source_code'))} → {_who(e.get('target_name'), e.get('target_code'))}",
    ]
    if e.get("date"):
        parts.append(f"{e['date']} ({e.get('date_source') or 'date'})")
    parts.append(("negated " if e.get("negated") else "") + str(e.get("modality") or ""))
    parts.append(_conf(e.get("confidence")))
    return " · ".join(p for p in parts if p.strip())


def _alnum(text: str) -> str:
    """Only the letters and digits of ``text``: what survives the cleaner's mending of wraps and quotes."""
    return "".join(ch for ch in text if ch.isalnum())


def removed_lines(raw: str, kind_of: Callable[[str], str | None]) -> list[tuple[str, str]]:
    """The lines of ``raw`` the cleaner drops, each with why (``kind_of(line)``: promo, caption, byline…)."""
    out = []
    for line in raw.splitlines():
        stripped = " ".join(line.split())
        why = kind_of(stripped) if stripped else None
        if why:
            out.append((stripped, why))
    return out


def removed_inserts(raw: str, text: str, kind_of: Callable[[str], str | None]) -> list[tuple[int, Markup]]:
    """Where each line of ``raw`` that the cleaner dropped stood: ``(offset in text, greyed markup)``.

    ``kind_of(line)`` says why a line is dropped (promo, caption, byline...) or
    ``None`` for story text. A dropped line is placed before the paragraph of
    the cleaned text that the next kept line of ``raw`` begins, found by its
    first letters and digits (the cleaner mends wraps and straightens quotes,
    so the two texts differ in between); lines after the last one go at the end.
    """
    where = [i for i, ch in enumerate(text) if ch.isalnum()]
    norm_text = "".join(text[i] for i in where)
    out: list[tuple[int, Markup]] = []
    waiting: list[tuple[str, str]] = []
    cursor = 0
    for line in raw.splitlines():
        stripped = " ".join(line.split())
        if not stripped:
            continue
        why = kind_of(stripped)
        if why:
            waiting.append((stripped, why))
            continue
        key = _alnum(stripped)[:40]
        found = norm_text.find(key, cursor) if key else -1
        if found < 0:
            continue
        cursor = found + len(key)
        if waiting:
            at = text.rfind("\n", 0, where[found]) + 1
            out.extend((at, _removed_line(ln, why)) for ln, why in waiting)
            waiting = []
    out.extend((len(text), _removed_line(ln, why)) for ln, why in waiting)
    return out


def _removed_line(line: str, why: str) -> Markup:
    return Markup('<span class="removed" title="removed by the cleaner: {0}">{1}</span>\n').format(why, line)
