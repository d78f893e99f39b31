"""The SQLite store: one transaction per article, re-processing replaces, read-only queries."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import tidings
from tidings.errors import TidingsError
from tidings.sinks import connect, query, save

TEXT = (
    "Georgian police detained 40 opposition supporters in Tbilisi on Saturday, the interior ministry said. "
    '"We will not be intimidated," opposition leader Nika Melia told reporters.'
)


@pytest.fixture(scope="module")
def article() -> tidings.Article:
    return tidings.process_text(TEXT, date="2021-02-21", id="ge-1", title="Arrests in Tbilisi")


def _counts(conn: sqlite3.Connection) -> tuple[int, ...]:
    return tuple(
        conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
        for t in ("articles", "actors", "events", "quotes", "places", "times")
    )


def test_save_then_save_again_replaces(tmp_path: Path, article: tidings.Article) -> None:
    conn = connect(tmp_path / "t.db")
    save(conn, article)
    first = _counts(conn)
    assert first[0] == 1 and first[2] >= 1 and first[3] >= 1
    save(conn, article)
    assert _counts(conn) == first


def test_event_rows_carry_codes_and_readable_names(tmp_path: Path, article: tidings.Article) -> None:
    conn = connect(tmp_path / "t.db")
    save(conn, article)
    _, rows = query(
        conn, "SELECT source_code, cameo, target_code, date, place_name FROM event_view WHERE cameo = '173'"
    )
    assert rows, "the detention was not stored"
    source, _, target, day, place = rows[0]
    assert source == "GEOCOP" and target.startswith("GEO") and day == "2021-02-20" and place == "Tbilisi"


def test_failed_write_leaves_nothing_half_written(tmp_path: Path, article: tidings.Article) -> None:
    conn = connect(tmp_path / "t.db")
    broken = tidings.process_text(TEXT, date="2021-02-21", id="ge-2")
    broken.quotes[0].text = None  # type: ignore[assignment]  # NOT NULL fails after other rows went in
    with pytest.raises(sqlite3.IntegrityError):
        save(conn, broken)
    assert conn.execute("SELECT COUNT(*) FROM articles WHERE id = 'ge-2'").fetchone()[0] == 0
    assert conn.execute("SELECT COUNT(*) FROM events WHERE article_id = 'ge-2'").fetchone()[0] == 0


def test_readonly_connection_refuses_writes(tmp_path: Path, article: tidings.Article) -> None:
    db = tmp_path / "t.db"
    save(connect(db), article)
    ro = connect(db, readonly=True)
    with pytest.raises(TidingsError):
        query(ro, "DELETE FROM articles")
    with pytest.raises(TidingsError):
        connect(tmp_path / "missing.db", readonly=True)


def test_a_quote_links_to_the_event_it_states(tmp_path: Path) -> None:
    text = (
        "Defence Minister Anna Kovac visited the border on Monday. "
        '"Our army will attack the rebel positions at dawn," the minister said.'
    )
    article = tidings.process_text(text, date="2024-03-04", id="q-1")
    conn = connect(tmp_path / "t.db")
    save(conn, article)
    rows = conn.execute(
        "SELECT q.text, e.trigger FROM quote_events l JOIN quotes q ON q.id = l.quote_id "
        "JOIN events e ON e.id = l.event_id"
    ).fetchall()
    assert rows and all(trigger in quote for quote, trigger in rows)
    save(conn, article)  # re-processing replaces the links too
    assert conn.execute("SELECT COUNT(*) FROM quote_events").fetchone()[0] == len(rows)
