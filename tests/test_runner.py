"""The run loop, the sink protocol, the readers registry, the record flattening and the store's
migrations: each seam of issue 16 exercised through its public door."""

from __future__ import annotations

import io
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import pytest

import tidings
from tidings.errors import InputError, TidingsError
from tidings.model import Article
from tidings.readers import Source, formats, register, sniff, unregister
from tidings.records import COLUMNS, rows
from tidings.sinks import BaseSink, JsonlSink, SQLiteSink, connect
from tidings.sinks.migrations import INITIAL, LATEST

STORY = (
    "Georgian police detained 40 opposition supporters in Tbilisi on Saturday, the interior ministry said. "
    "The European Union condemned the arrests on Sunday."
)
OTHER = "Kenyan police fired tear gas at protesters in Nairobi on Tuesday as lawmakers debated a tax bill."


class Collect(BaseSink):
    """A toy sink: keeps what it is given in memory."""

    def __init__(self) -> None:
        self.articles: list[Article] = []
        self.failures: list[tuple[str, str]] = []
        self.opened = self.closed = 0

    def open(self) -> None:
        self.opened += 1

    def has_article(self, article_id: str) -> bool:
        return any(a.id == article_id for a in self.articles)

    def write(self, article: Article) -> None:
        self.articles.append(article)

    def write_failure(self, input_name: str, message: str) -> None:
        self.failures.append((input_name, message))

    def close(self) -> None:
        self.closed += 1


def test_a_toy_sink_gets_every_article_and_failure_once(tmp_path: Path) -> None:
    missing = str(tmp_path / "nowhere.txt")
    sink = Collect()
    seen: list[str] = []
    summary = tidings.run(
        [Article(raw=STORY, id="ge-1", published="2021-02-21"), missing, Article(raw=STORY, id="ge-1")],
        sink=sink,
        on_failure=lambda where, message: seen.append(message),
    )
    assert [a.id for a in sink.articles] == ["ge-1"]  # the repeat in the same run is skipped
    assert (summary.done, summary.failed, summary.skipped) == (1, 1, 1)
    assert sink.failures[0][0] == missing and "[T008]" in sink.failures[0][1] and seen == [sink.failures[0][1]]
    assert sink.opened == sink.closed == 1
    assert any(e.cameo.startswith("17") for e in sink.articles[0].events)
    again = tidings.run([Article(raw=STORY, id="ge-1", published="2021-02-21")], sink=sink)
    assert (again.done, again.skipped) == (0, 1)  # the sink holds it: skipped
    forced = tidings.run([Article(raw=STORY, id="ge-1", published="2021-02-21")], sink=sink, force=True)
    assert forced.done == 1


def test_a_sink_that_cannot_keep_an_article_fails_it_and_the_batch_goes_on() -> None:
    class Picky(Collect):
        def write(self, article: Article) -> None:
            if article.id == "bad":
                raise TidingsError("T030", f"{article.id}: could not store: disk full")
            super().write(article)

    sink = Picky()
    summary = tidings.run([Article(raw=STORY, id="bad"), Article(raw=OTHER, id="good")], sink=sink)
    assert [a.id for a in sink.articles] == ["good"] and summary.failed == 1
    assert sink.failures == [("bad", "[T030] bad: could not store: disk full")]


def test_inputs_mix_files_and_articles_in_order(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(OTHER, encoding="utf-8")
    sink = Collect()
    tidings.run([Article(raw=STORY, id="first"), str(path)], sink=sink, date="2024-07-03")
    assert sink.articles[0].id == "first" and sink.articles[1].input == str(path)
    assert sink.articles[1].published == "2024-07-03"


def test_jsonl_sink_prints_the_contract_record() -> None:
    out = io.StringIO()
    tidings.run([Article(raw=STORY, id="ge-1", published="2021-02-21")], sink=JsonlSink(out))
    (line,) = out.getvalue().splitlines()
    record = json.loads(line)
    assert record["id"] == "ge-1" and record["events"] and set(record) >= {"text", "actors", "quotes", "places"}


class Toy:
    """A toy input format: ``title | text`` lines in a ``.toy`` file, one article each."""

    NAME = "toy"
    PRIORITY = 5

    def detect(self, head: bytes, name: str) -> bool:
        return name.endswith(".toy")

    def read(self, stream: BinaryIO, source: Source) -> Iterator[Article | InputError]:
        for n, line in enumerate(stream.read().decode("utf-8").splitlines(), 1):
            if "|" not in line:
                yield InputError("T007", f"{source.where}:{n}: no '|' between title and text")
                continue
            title, text = (part.strip() for part in line.split("|", 1))
            yield Article(raw=text, id=f"toy-{n}", title=title, published=source.published, input=source.where)


def test_a_new_input_format_through_the_registry_alone(tmp_path: Path) -> None:
    path = tmp_path / "batch.toy"
    path.write_text(f"Arrests in Tbilisi | {STORY}\nbroken line\nTear gas in Nairobi | {OTHER}\n", encoding="utf-8")
    assert sniff(b"Arrests", "batch.toy") == "text"  # not known yet
    register(Toy())
    try:
        assert sniff(b"Arrests", "batch.toy") == "toy" and formats()[0].NAME == "toy"
        sink = Collect()
        summary = tidings.run([str(path)], sink=sink, date="2024-07-03")
    finally:
        unregister("toy")
    assert [a.title for a in sink.articles] == ["Arrests in Tbilisi", "Tear gas in Nairobi"]
    assert summary.failed == 1 and "[T007]" in sink.failures[0][1]
    assert sniff(b"Arrests", "batch.toy") == "text"


def test_every_format_module_is_found_in_priority_order() -> None:
    names = [f.NAME for f in formats()]
    assert names == ["warc", "jsonl", "feed", "urls", "html", "text"]
    with pytest.raises(TidingsError, match=r"\[T015\]"):
        register(object())


def test_rows_have_the_named_columns_of_every_table() -> None:
    article = tidings.process_text(STORY, date="2021-02-21", id="ge-1", title="Arrests in Tbilisi")
    tables = rows(article, processed_at="2026-01-01T00:00:00+00:00")
    assert set(tables) == set(COLUMNS) - {"failures"}
    for name, table_rows in tables.items():
        assert all(tuple(r) == COLUMNS[name] for r in table_rows), name
    event = article.events[0]
    first = tables["events"][0]
    assert (first["cameo"], first["trigger_start"], first["source_code"]) == (
        event.cameo,
        event.trigger.start,
        event.source.actor.code if event.source else None,
    )
    assert first["mention_count"] == 1 + len(event.mentions)


def test_sqlite_holds_every_record_column_and_the_event_mentions(tmp_path: Path) -> None:
    text = "Police detained protesters in Minsk. " + STORY + " Police detained more protesters in Minsk on Sunday."
    article = tidings.process_text(text, date="2021-02-21", id="m-1", title="Police detain protesters in Minsk")
    sink = SQLiteSink(tmp_path / "t.db")
    tidings.run([article], sink=sink)
    conn = connect(tmp_path / "t.db")
    for table, cols in COLUMNS.items():
        have = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
        # quote_events links row ids (quote_id, event_id) where the records link positions
        assert set(cols) <= have or table == "quote_events", (table, set(cols) - have)
    mentions = sum(len(e.mentions) for e in article.events)
    assert mentions > 0  # the headline and the body tell the same detentions
    assert conn.execute("SELECT COUNT(*) FROM event_mentions").fetchone()[0] == mentions
    linked = conn.execute(
        "SELECT COUNT(*) FROM event_mentions m JOIN events e ON e.id = m.event_id AND e.event_index = m.event_index"
    ).fetchone()[0]
    assert linked == mentions


def test_an_older_store_is_upgraded_and_a_newer_one_refused(tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    conn = sqlite3.connect(old)
    for statement in INITIAL:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO articles (id, text, processed_at, tidings_version) VALUES ('a', 'x', '2026-01-01', '0.1.0')"
    )
    for cameo in ("040", "173"):
        conn.execute(
            "INSERT INTO events (article_id, cameo, root, plover, quad_class, goldstein, trigger, trigger_start,"
            " trigger_end, sentence, sentence_start, negated, modality, confidence, mention_count)"
            " VALUES ('a', ?, ?, 'X', 1, 0, 't', 0, 1, 's', 0, 0, 'asserted', 0.5, 1)",
            (cameo, cameo[:2]),
        )
    conn.commit()
    conn.close()
    upgraded = connect(old)
    assert upgraded.execute("PRAGMA user_version").fetchone()[0] == LATEST
    assert [r[0] for r in upgraded.execute("SELECT event_index FROM events ORDER BY id")] == [0, 1]
    upgraded.close()
    newer = tmp_path / "newer.db"
    sqlite3.connect(newer).execute(f"PRAGMA user_version = {LATEST + 1}")
    for readonly in (False, True):
        with pytest.raises(TidingsError, match=r"\[T032\].*newer tidings"):
            connect(newer, readonly=readonly)
