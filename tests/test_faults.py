"""Faults of the store and the network: each is a clear coded error, and nothing committed is lost.

The store full (SQLite's ``max_page_count``, and a real 1 MB file system when the
machine lets a test mount one), read-only, locked by another process, truncated
or no database at all; two ``tidings process`` runs writing one file at once; a
connection that drops mid-download. After each: ``PRAGMA integrity_check`` is
``ok``, the foreign keys hold, and every article stored is whole (its rows are
those a clean store gets) or absent.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from ingest_fixtures import html_page

from tidings.config import load_settings
from tidings.errors import StoreError
from tidings.model import Article
from tidings.pipeline import Pipeline, default_pipeline
from tidings.readers import read_jsonl
from tidings.runner import run
from tidings.sinks import SQLiteSink, connect

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "tidings" / "data" / "sample" / "articles.jsonl"
TABLES = ("articles", "actors", "events", "quotes", "places", "times", "event_mentions")
STORED = Pipeline(stages=())  # the articles below are processed already: the run only stores them


@pytest.fixture(scope="module")
def processed() -> list[Article]:
    """The sample corpus, processed once."""
    read = [a for a in read_jsonl(SAMPLE, load_settings(), None) if isinstance(a, Article)]
    out = [r for r in default_pipeline().pipe(read) if isinstance(r, Article)]
    assert len(out) == len(read) >= 10
    return out


def rows_of(db: Path) -> dict[str, tuple[int, ...]]:
    """Per stored article, its number of rows in each table."""
    conn = sqlite3.connect(db)
    try:
        out: dict[str, tuple[int, ...]] = {}
        for (aid,) in conn.execute("SELECT id FROM articles"):
            counts = []
            for t in TABLES:
                col = "id" if t == "articles" else "article_id"
                counts.append(conn.execute(f"SELECT COUNT(*) FROM {t} WHERE {col} = ?", (aid,)).fetchone()[0])
            out[aid] = tuple(counts)
        return out
    finally:
        conn.close()


def sound(db: Path) -> None:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()


@pytest.fixture(scope="module")
def reference(processed: list[Article], tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[int, ...]]:
    """The rows each article has in a store with no fault."""
    db = tmp_path_factory.mktemp("ref") / "ref.db"
    summary = run(processed, sink=SQLiteSink(db), pipeline=STORED)
    assert summary.done == len(processed)
    return rows_of(db)


class Capped(SQLiteSink):
    """A store that may grow to ``pages`` pages of 4 KB: a full disk, on any machine."""

    def __init__(self, path: Path, pages: int) -> None:
        super().__init__(path)
        self.pages = pages

    def open(self) -> None:
        super().open()
        assert self.conn is not None
        self.conn.execute(f"PRAGMA max_page_count = {self.pages}")


def test_full_store_stops_the_run_and_keeps_what_was_committed(
    processed: list[Article], reference: dict[str, tuple[int, ...]], tmp_path: Path
) -> None:
    db = tmp_path / "full.db"
    connect(db).close()
    pages = sqlite3.connect(db).execute("PRAGMA page_count").fetchone()[0]
    with pytest.raises(StoreError) as caught:
        run(processed, sink=Capped(db, pages + 40), pipeline=STORED)
    assert caught.value.code == "T090" and "full" in str(caught.value)
    sound(db)
    kept = rows_of(db)
    assert 0 < len(kept) < len(processed)  # it stopped part-way
    assert all(kept[a] == reference[a] for a in kept)  # every article stored is whole
    # Room again: the same run goes on where it stopped; each article once.
    summary = run(processed, sink=SQLiteSink(db), pipeline=STORED)
    assert summary.skipped == len(kept) and summary.done == len(processed) - len(kept)
    assert rows_of(db) == reference
    sound(db)


def test_locked_store_waits_then_stops_clearly(processed: list[Article], tmp_path: Path) -> None:
    db = tmp_path / "locked.db"
    connect(db).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    t0 = time.monotonic()
    with pytest.raises(StoreError) as caught:
        run(processed[:2], sink=SQLiteSink(db, busy_timeout=0.5), pipeline=STORED)
    waited = time.monotonic() - t0
    assert caught.value.code == "T092" and "locked" in str(caught.value) and "0.5 s" in str(caught.value)
    assert waited >= 0.5  # it waited its turn before giving up
    holder.execute("ROLLBACK")
    holder.close()
    assert run(processed[:2], sink=SQLiteSink(db, busy_timeout=0.5), pipeline=STORED).done == 2
    sound(db)


def test_a_writer_that_lets_go_in_time_is_waited_for(processed: list[Article], tmp_path: Path) -> None:
    db = tmp_path / "busy.db"
    connect(db).close()
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    threading.Timer(0.4, lambda: holder.execute("COMMIT")).start()
    assert run(processed[:2], sink=SQLiteSink(db, busy_timeout=10), pipeline=STORED).done == 2
    holder.close()
    sound(db)


def test_not_a_database_and_a_truncated_one(processed: list[Article], tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is no database at all, only some bytes " * 500)
    with pytest.raises(StoreError) as caught:
        SQLiteSink(junk).open()
    assert caught.value.code == "T093" and "not a SQLite database" in str(caught.value)

    whole = tmp_path / "whole.db"
    run(processed, sink=SQLiteSink(whole), pipeline=STORED)
    conn = sqlite3.connect(whole)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    cut = tmp_path / "cut.db"
    data = whole.read_bytes()
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(StoreError) as caught:
        run(processed, sink=SQLiteSink(cut), pipeline=STORED, force=True)
    assert caught.value.code == "T093" and "corrupt" in str(caught.value)


def _cli(*args: str, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "tidings", "process", *args, "--quiet"]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=REPO, timeout=timeout)


def _few(tmp_path: Path, n: int, tag: str = "") -> tuple[Path, list[str]]:
    """The first ``n`` sample articles as a JSONL file (ids tagged so two files do not overlap)."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()[:n]
    records = [dict(json.loads(line), id=json.loads(line)["id"] + tag) for line in lines]
    path = tmp_path / f"few{tag}.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path, [r["id"] for r in records]


def test_cli_faults_are_one_line_not_a_traceback(tmp_path: Path) -> None:
    few, _ = _few(tmp_path, 2)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\x00garbage" * 1000)
    proc = _cli(str(few), "--db", str(junk))
    assert proc.returncode == 1 and "[T093]" in proc.stderr and "Traceback" not in proc.stderr
    folder = tmp_path / "a-folder.db"
    folder.mkdir()
    proc = _cli(str(few), "--db", str(folder))
    assert proc.returncode != 0 and "Traceback" not in proc.stderr
    # Locked past the busy timeout of the user's config.
    db = tmp_path / "held.db"
    connect(db).close()
    cfg = tmp_path / "c.toml"
    cfg.write_text("[store]\nbusy_timeout = 1.0\n", encoding="utf-8")
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        proc = _cli(str(few), "--db", str(db), "--config", str(cfg))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert proc.returncode == 1 and "[T092]" in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
    sound(db)


def test_two_processes_writing_one_store(tmp_path: Path) -> None:
    a, ids_a = _few(tmp_path, 4, "#a")
    b, ids_b = _few(tmp_path, 4, "#b")
    db = tmp_path / "shared.db"
    cmds = [[sys.executable, "-m", "tidings", "process", str(f), "--db", str(db), "--quiet"] for f in (a, b)]
    procs = [subprocess.Popen(c, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) for c in cmds]
    for p in procs:
        _, err = p.communicate(timeout=600)
        assert p.returncode == 0, err
    sound(db)
    stored = sorted(r[0] for r in sqlite3.connect(db).execute("SELECT id FROM articles"))
    assert stored == sorted(ids_a + ids_b)


def _unshare() -> list[str]:
    """A command prefix that runs a shell in a mount namespace of its own, or a skip."""
    tool = shutil.which("unshare")
    if tool is None:
        pytest.skip("no unshare(1): cannot mount a small file system for the test")
    for prefix in ([tool, "--mount"], [tool, "--user", "--map-root-user", "--mount"]):
        probe = subprocess.run([*prefix, "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"], capture_output=True)
        if probe.returncode == 0:
            return prefix
    pytest.skip("this machine lets no test mount a file system (unshare --mount is refused)")


def test_a_real_full_disk_and_a_read_only_file_system(tmp_path: Path) -> None:
    prefix = _unshare()
    few, ids = _few(tmp_path, 6)
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    db = mnt / "t.db"
    py = f"{sys.executable} -m tidings process {few} --db {db} --quiet"
    # 600k: the empty schema (with the stories tables) and its write-ahead log fit, six articles do not.
    script = f"""
        mount -t tmpfs -o size=600k tmpfs {mnt} || exit 90
        {py}; echo "full-rc=$?"
        mkdir {tmp_path}/full {tmp_path}/resumed
        cp {mnt}/t.db* {tmp_path}/full/
        mount -o remount,size=20m {mnt}
        {py}; echo "resume-rc=$?"
        cp {mnt}/t.db* {tmp_path}/resumed/
        mount -o remount,ro {mnt}
        {py} --force; echo "ro-rc=$?"
    """
    proc = subprocess.run([*prefix, "sh", "-c", script], capture_output=True, text=True, cwd=REPO, timeout=900)
    out, err = proc.stdout, proc.stderr
    assert "full-rc=1" in out and "[T090]" in err, (out, err)
    assert "resume-rc=0" in out and "ro-rc=1" in out and "[T091]" in err, (out, err)
    assert "Traceback" not in err
    sound(tmp_path / "full" / "t.db")  # (the copy holds the write-ahead log too: what was committed)
    before = rows_of(tmp_path / "full" / "t.db")
    assert 0 < len(before) < len(ids)
    after = rows_of(tmp_path / "resumed" / "t.db")
    assert sorted(after) == sorted(ids) and all(after[a] == before[a] for a in before)
    sound(tmp_path / "resumed" / "t.db")


# -- the network dropping mid-download ----------------------------------------------------------
class Dropping(BaseHTTPRequestHandler):
    """``/drop`` sends half its page and hangs up, every time; ``/flaky`` does so once."""

    seen: ClassVar[dict[str, int]] = {}

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        n = self.seen[self.path] = self.seen.get(self.path, 0) + 1
        body = html_page(7, url=f"https://example.org{self.path}").encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.path == "/drop" or (self.path == "/flaky" and n == 1):
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        self.wfile.write(body)


@pytest.fixture()
def dropping() -> Iterator[str]:
    Dropping.seen = {}
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Dropping)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_a_dropped_download_is_retried_then_recorded(dropping: str, tmp_path: Path) -> None:
    settings = replace(load_settings(), fetch_timeout=2.0, fetch_retries=2, fetch_backoff=0.01)
    db = tmp_path / "web.db"
    failures: list[str] = []
    summary = run(
        [f"{dropping}/flaky", f"{dropping}/drop"],
        sink=SQLiteSink(db),
        settings=settings,
        pipeline=STORED,
        on_failure=lambda where, message: failures.append(message),
    )
    assert summary.done == 1 and summary.failed == 1
    assert Dropping.seen == {"/flaky": 2, "/drop": 3}  # dropped once then read; dropped three times
    assert len(failures) == 1 and "[T060]" in failures[0] and "dropped" in failures[0] and "3 tries" in failures[0]
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT input FROM failures").fetchall() == [(f"{dropping}/drop",)]
    assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 1
    conn.close()
