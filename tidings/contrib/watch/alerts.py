"""Alerts: a small, safe filter language over global events, and the JSON lines it sends.

``--alert "root in (18,19,20) and country = 'SDN'"`` is parsed here, never
handed to SQLite as text: names must be columns of ``global_event_view`` (an
allow-list), values become ``?`` parameters, and only these forms exist::

    filter     := or
    or         := and ("or" and)*
    and        := not ("and" not)*
    not        := "not" not | "(" or ")" | comparison
    comparison := COLUMN op VALUE
                | COLUMN ["not"] "in" "(" VALUE ("," VALUE)* ")"
                | COLUMN ["not"] "like" STRING
                | COLUMN "is" ["not"] "null"
    op         := "=" | "!=" | "<>" | "<" | "<=" | ">" | ">="
    VALUE      := NUMBER | 'STRING' (a quote inside doubled: 'O''Brien')

A number compared with ``root`` means the two-digit CAMEO root (``18`` is
``'18'``, ``4`` is ``'04'``); with ``cameo`` the code as written (``0231``).
Anything else (an unknown column, a semicolon, a sub-query, a function call)
is ``[T120]`` naming the filter and the spot.

Example::

    flt = AlertFilter.parse("root in (18,19,20) and country = 'SDN'")
    flt.sql, flt.params   # ('("root" IN (?, ?, ?) AND "country" = ?)', ('18', '19', '20', 'SDN'))
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from tidings.errors import TidingsError

#: The columns of ``global_event_view`` a filter may name (and that an alert line carries).
COLUMNS = (
    "global_event_id",
    "date",
    "root",
    "cameo",
    "event_name",
    "source_code",
    "source_name",
    "target_code",
    "target_name",
    "place",
    "country",
    "num_mentions",
    "num_articles",
    "num_sources",
    "num_independent",
    "confidence",
    "first_seen",
    "last_seen",
    "symmetric",
    "realis",
    "story_id",
    "representative_title",
    "sources",
)
MAX_CHARS = 2000
MAX_TERMS = 200
MAX_DEPTH = 32

_TOKEN = re.compile(
    r"\s*(?:(?P<string>'(?:[^']|'')*')|(?P<number>-?\d+(?:\.\d+)?)(?![A-Za-z_])"
    r"|(?P<word>[A-Za-z_][A-Za-z0-9_]*)|(?P<op><=|>=|!=|<>|=|<|>)|(?P<punct>[(),]))"
)
_KEYWORDS = frozenset({"and", "or", "not", "in", "like", "is", "null"})


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # string, number, word, op, punct, end
    text: str
    pos: int


def _tokens(text: str, bad: Callable[[str, int], TidingsError]) -> list[_Token]:
    out: list[_Token] = []
    pos = 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        m = _TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            at = pos + len(text[pos:]) - len(text[pos:].lstrip())
            raise bad(f"unexpected {text[at]!r}", at)
        kind = m.lastgroup or ""
        out.append(_Token(kind, m.group(kind), m.start(kind)))
        pos = m.end()
    out.append(_Token("end", "", len(text)))
    return out


@dataclass(frozen=True)
class AlertFilter:
    """A parsed filter: a parameterised SQL condition over ``global_event_view``."""

    text: str
    sql: str
    params: tuple[Any, ...]

    @classmethod
    def parse(cls, text: str) -> AlertFilter:
        """The filter of ``text``, or ``[T120]`` (one line) saying what is wrong and where."""
        return _Parser(text).parse()

    def new_events(self, conn: sqlite3.Connection, article_ids: Iterable[str]) -> list[dict[str, Any]]:
        """Global events that the articles ``article_ids`` report, that match, and that no alert named yet."""
        ids = json.dumps(sorted(set(article_ids)))
        columns = ", ".join(f'v."{c}"' for c in COLUMNS)
        sql = (
            f"SELECT {columns} FROM global_event_view v "
            "WHERE v.global_event_id IN (SELECT e.global_event_id FROM events e "
            "  WHERE e.article_id IN (SELECT value FROM json_each(?)) AND e.global_event_id IS NOT NULL) "
            "AND v.global_event_id NOT IN (SELECT global_event_id FROM watch_alerts) "
            f"AND ({self.sql}) ORDER BY v.date, v.global_event_id"
        )
        cur = conn.execute(sql, (ids, *self.params))
        return [dict(zip(COLUMNS, row, strict=True)) for row in cur.fetchall()]


def mark_alerted(conn: sqlite3.Connection, global_event_id: int, when: float | None = None) -> None:
    """Remember that an alert named this global event: it is not sent again."""
    conn.execute(
        "INSERT OR IGNORE INTO watch_alerts (global_event_id, alerted_at) VALUES (?, ?)",
        (global_event_id, time.time() if when is None else when),
    )


def alert_line(event: dict[str, Any]) -> str:
    """One alert as one JSON line (no newline)."""
    return json.dumps(event, ensure_ascii=False, sort_keys=False)


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.params: list[Any] = []
        self.terms = 0
        self.i = 0
        if len(text) > MAX_CHARS:
            raise self.bad(f"too long ({len(text):,} characters; at most {MAX_CHARS:,})", 0)
        self.toks = _tokens(text, self.bad)

    def bad(self, what: str, pos: int) -> TidingsError:
        shown = self.text if len(self.text) <= 120 else self.text[:117] + "..."
        return TidingsError("T120", f"--alert {shown!r}: {what} (at character {pos + 1})")

    def parse(self) -> AlertFilter:
        if self.toks[0].kind == "end":
            raise self.bad("empty filter", 0)
        sql = self._or(0)
        tok = self.toks[self.i]
        if tok.kind != "end":
            raise self.bad(f"unexpected {tok.text!r}", tok.pos)
        return AlertFilter(self.text, sql, tuple(self.params))

    def _peek(self) -> _Token:
        return self.toks[self.i]

    def _word(self, *words: str) -> bool:
        tok = self.toks[self.i]
        if tok.kind == "word" and tok.text.lower() in words:
            self.i += 1
            return True
        return False

    def _expect(self, kind: str, text: str) -> _Token:
        tok = self.toks[self.i]
        if tok.kind != kind or (text and tok.text.lower() != text):
            seen = repr(tok.text) if tok.kind != "end" else "the end"
            raise self.bad(f"expected {text or kind!r}, found {seen}", tok.pos)
        self.i += 1
        return tok

    def _or(self, depth: int) -> str:
        if depth > MAX_DEPTH:
            raise self.bad(f"nested deeper than {MAX_DEPTH}", self._peek().pos)
        parts = [self._and(depth)]
        while self._word("or"):
            parts.append(self._and(depth))
        return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"

    def _and(self, depth: int) -> str:
        parts = [self._not(depth)]
        while self._word("and"):
            parts.append(self._not(depth))
        return parts[0] if len(parts) == 1 else "(" + " AND ".join(parts) + ")"

    def _not(self, depth: int) -> str:
        if self._word("not"):
            return f"NOT {self._not(depth + 1)}"
        tok = self._peek()
        if tok.kind == "punct" and tok.text == "(":
            self.i += 1
            inner = self._or(depth + 1)
            self._expect("punct", ")")
            return f"({inner})"
        return self._comparison()

    def _column(self) -> str:
        tok = self._peek()
        if tok.kind != "word" or tok.text.lower() in _KEYWORDS:
            seen = repr(tok.text) if tok.kind != "end" else "the end"
            raise self.bad(f"expected a column name, found {seen}", tok.pos)
        name = tok.text.lower()
        if name not in COLUMNS:
            raise self.bad(f"unknown column {tok.text!r} (one of: {', '.join(COLUMNS)})", tok.pos)
        self.i += 1
        return name

    def _value(self, column: str, *, strings_only: bool = False) -> None:
        tok = self._peek()
        if tok.kind == "string":
            value: Any = tok.text[1:-1].replace("''", "'")
        elif tok.kind == "number" and not strings_only:
            if column == "root":
                value = f"{int(float(tok.text)):02d}" if float(tok.text).is_integer() else tok.text
            elif column == "cameo":
                value = tok.text
            else:
                value = float(tok.text) if "." in tok.text else int(tok.text)
        else:
            seen = repr(tok.text) if tok.kind != "end" else "the end"
            want = "a 'quoted string'" if strings_only else "a number or a 'quoted string'"
            raise self.bad(f"expected {want}, found {seen}", tok.pos)
        self.i += 1
        self.params.append(value)

    def _comparison(self) -> str:
        self.terms += 1
        if self.terms > MAX_TERMS:
            raise self.bad(f"more than {MAX_TERMS} comparisons", self._peek().pos)
        column = self._column()
        quoted = f'"{column}"'
        if self._word("is"):
            negated = self._word("not")
            self._expect("word", "null")
            return f"{quoted} IS {'NOT ' if negated else ''}NULL"
        negated = self._word("not")
        if self._word("in"):
            self._expect("punct", "(")
            count = 0
            while True:
                self._value(column)
                count += 1
                if self._peek().kind == "punct" and self._peek().text == ",":
                    self.i += 1
                    continue
                break
            self._expect("punct", ")")
            return f"{quoted} {'NOT ' if negated else ''}IN ({', '.join('?' * count)})"
        if self._word("like"):
            self._value(column, strings_only=True)
            return f"{quoted} {'NOT ' if negated else ''}LIKE ?"
        if negated:
            tok = self._peek()
            raise self.bad(f"expected 'in' or 'like' after 'not', found {tok.text!r}", tok.pos)
        tok = self._peek()
        if tok.kind != "op":
            seen = repr(tok.text) if tok.kind != "end" else "the end"
            raise self.bad(f"expected a comparison (=, !=, <, <=, >, >=, in, like, is), found {seen}", tok.pos)
        self.i += 1
        self._value(column)
        op = "!=" if tok.text == "<>" else tok.text
        return f"{quoted} {op} ?"
