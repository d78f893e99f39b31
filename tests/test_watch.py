"""`tidings watch` against a local HTTP server on 127.0.0.1 whose feeds change between cycles.

Conditional GET and 304s, new items only, a failing feed backed off (and a Retry-After obeyed),
robots.txt for --fetch pages, a watched folder, alerts, and a SIGTERM in the middle of a cycle.
Every article is a short story written for the tests (``ingest_fixtures.story``).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner
from ingest_fixtures import html_page, rss, story

from tidings.config import Settings, load_settings
from tidings.contrib.watch import AlertFilter, Watcher, parse_span, sources
from tidings.errors import TidingsError
from tidings.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[1]


class Site:
    """What the server serves (changed by the tests between cycles), and what it was asked."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.base = ""
        self.feeds: dict[str, list[int]] = {}  # path -> the stories it lists, newest last
        self.linked: dict[str, str] = {}  # path -> where its items link: "news" pages or "mixed"
        self.failing: dict[str, tuple[int, str | None]] = {}  # path -> (status, Retry-After)
        self.robots = "User-agent: *\nDisallow: /private/\n"
        self.hits: Counter[str] = Counter()
        self.requests: list[tuple[str, int, dict[str, str]]] = []  # (path, status answered, request headers)

    def seen(self, path: str) -> list[tuple[int, dict[str, str]]]:
        with self.lock:
            return [(status, headers) for p, status, headers in self.requests if p == path]


SITE = Site()


def item_link(path: str, n: int) -> str:
    if SITE.linked.get(path) == "mixed":
        return f"{SITE.base}/{'private' if n % 2 == 0 else 'news'}/{n}"
    return f"{SITE.base}/news/{n}"


def feed_body(path: str) -> bytes:
    items = []
    for n in SITE.feeds[path]:
        title, body = story(n)
        text = "".join(f"<p>{escape(p)}</p>" for p in body.split("\n\n"))
        items.append((title, item_link(path, n), text))
    return rss(items).encode()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def _send(self, status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8", **headers: str) -> None:
        with SITE.lock:
            SITE.hits[self.path] += 1
            SITE.requests.append((self.path, status, {k.lower(): v for k, v in self.headers.items()}))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers.items():
            self.send_header(k.replace("_", "-"), v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path
        if path in SITE.failing:
            status, after = SITE.failing[path]
            self._send(status, b"down", **({"Retry-After": after} if after else {}))
        elif path in SITE.feeds:
            body = feed_body(path)
            etag = '"' + hashlib.sha256(body).hexdigest()[:12] + '"'
            modified = "Tue, 05 Mar 2024 08:00:00 GMT"
            if self.headers.get("If-None-Match") == etag:
                self._send(304, ETag=etag, Last_Modified=modified)
            else:
                self._send(200, body, "application/rss+xml", ETag=etag, Last_Modified=modified)
        elif path == "/robots.txt":
            self._send(200, SITE.robots.encode(), "text/plain")
        elif path.startswith(("/news/", "/private/")):
            n = int(path.rsplit("/", 1)[1])
            self._send(200, html_page(n, url=f"{SITE.base}{path}").encode())
        else:
            self._send(404)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    SITE.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield SITE.base
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def settings() -> Settings:
    return replace(load_settings(), fetch_timeout=5.0, fetch_retries=0, fetch_backoff=0.01)


@pytest.fixture(scope="module")
def pipeline(settings: Settings) -> Pipeline:
    return Pipeline(settings)  # the spaCy model loads once for the whole file


class Log(list[str]):
    def __call__(self, line: str) -> None:
        self.append(line)


def urls(db: Path) -> Counter[str]:
    with sqlite3.connect(db) as conn:
        return Counter(r[0] for r in conn.execute("SELECT url FROM articles"))


def test_second_cycle_is_conditional_and_only_new_items_are_processed(
    server: str, settings: Settings, pipeline: Pipeline, tmp_path: Path
) -> None:
    SITE.feeds["/world.xml"] = [1, 2]
    db = tmp_path / "w.db"
    log = Log()
    w = Watcher([f"{server}/world.xml"], db=db, settings=settings, every=60, log=log, pipeline=pipeline)

    first = w.cycle()
    assert (first.new, first.skipped, first.failed, first.unchanged) == (2, 0, 0, 0)
    ((status, headers),) = SITE.seen("/world.xml")
    assert status == 200 and "if-none-match" not in headers and "if-modified-since" not in headers
    assert urls(db) == {f"{server}/news/1": 1, f"{server}/news/2": 1}

    second = w.cycle()  # the feed has not changed: a 304, nothing read
    status, headers = SITE.seen("/world.xml")[-1]
    assert status == 304 and headers["if-none-match"].startswith('"')
    assert headers["if-modified-since"] == "Tue, 05 Mar 2024 08:00:00 GMT"
    assert (second.new, second.skipped, second.unchanged) == (0, 0, 1)

    SITE.feeds["/world.xml"] = [1, 2, 3]  # one new item
    third = w.cycle()
    assert SITE.seen("/world.xml")[-1][0] == 200
    assert (third.new, third.skipped, third.failed) == (1, 2, 0)
    assert urls(db) == {f"{server}/news/{n}": 1 for n in (1, 2, 3)}
    lines = [ln for ln in log if ln.startswith("tidings watch: cycle")]
    assert len(lines) == 3 and "1 new, 2 skipped, 0 failed in" in lines[2]

    # State survives a restart: a new watcher (a new process) sends the kept validators.
    again = Watcher([f"{server}/world.xml"], db=db, settings=settings, every=60, log=Log(), pipeline=pipeline)
    assert again.cycle().unchanged == 1 and SITE.seen("/world.xml")[-1][0] == 304


def test_a_failing_feed_is_backed_off_up_to_the_cap(server: str, settings: Settings, tmp_path: Path) -> None:
    SITE.failing["/broken.xml"] = (500, None)
    now = [1_000_000.0]
    log = Log()
    w = Watcher(
        [f"{server}/broken.xml"], db=tmp_path / "b.db", settings=settings, every=60, max_backoff=200,
        log=log, clock=lambda: now[0], pipeline=Pipeline(settings, stages=["clean"]),
    )  # fmt: skip
    asked = []
    for step in range(9):  # one cycle a minute
        before = SITE.hits["/broken.xml"]
        report = w.cycle()
        if SITE.hits["/broken.xml"] > before:
            asked.append(step)
            assert report.failed == 1 and not report.backed_off
        else:
            assert report.backed_off and report.backed_off[0][0] == f"{server}/broken.xml"
            assert "1 backed off" in log[-1]
        now[0] += 60
    # Failures 1 and 2 wait 1 and 2 intervals; the 3rd and 4th the cap (200 s, not 4 intervals).
    assert asked == [0, 1, 3, 7]
    reports = [ln for ln in log if "[T121]" in ln]
    assert "failed 1 time(s) in a row; next try in 1m" in reports[0]
    assert "failed 3 time(s) in a row; next try in 3m20s" in reports[2]  # 4 intervals, capped at 200 s
    with sqlite3.connect(tmp_path / "b.db") as conn:
        failures, last_error = conn.execute("SELECT failures, last_error FROM watch_feeds").fetchone()
        assert failures == 4 and "HTTP 500" in last_error and "[T060]" in last_error
        assert conn.execute("SELECT count(*) FROM failures WHERE input = ?", (f"{server}/broken.xml",)).fetchone()[0]

    SITE.failing.pop("/broken.xml")
    SITE.feeds["/broken.xml"] = []
    now[0] += 1000
    w.cycle()  # it answers again: its failures are forgiven
    with sqlite3.connect(tmp_path / "b.db") as conn:
        assert conn.execute("SELECT failures, next_try FROM watch_feeds").fetchone() == (0, None)


def test_retry_after_is_obeyed_without_waiting_in_the_cycle(server: str, settings: Settings, tmp_path: Path) -> None:
    SITE.failing["/busy.xml"] = (503, "3600")
    now = [2_000_000.0]
    log = Log()
    patient = replace(settings, fetch_retries=2)  # `tidings process` would wait (up to 30 s) and retry
    w = Watcher(
        [f"{server}/busy.xml"], db=tmp_path / "r.db", settings=patient, every=60, log=log,
        clock=lambda: now[0], pipeline=Pipeline(settings, stages=["clean"]),
    )  # fmt: skip
    t0 = time.monotonic()
    w.cycle()
    assert time.monotonic() - t0 < 5 and SITE.hits["/busy.xml"] == 1
    assert "Retry-After" in log[-2] and "next try in 1h" in log[-2]
    now[0] += 1800
    assert w.cycle().backed_off  # half an hour later: still waiting
    now[0] += 1800
    w.cycle()
    assert SITE.hits["/busy.xml"] == 2
    SITE.failing.pop("/busy.xml")


def test_robots_txt_keeps_disallowed_pages_unfetched(
    server: str, settings: Settings, pipeline: Pipeline, tmp_path: Path
) -> None:
    SITE.feeds["/mixed.xml"] = [11, 12, 13]
    SITE.linked["/mixed.xml"] = "mixed"  # 12 links to /private/12, which robots.txt disallows
    db = tmp_path / "f.db"
    log = Log()
    w = Watcher([f"{server}/mixed.xml"], db=db, settings=settings, fetch=True, every=60, log=log, pipeline=pipeline)
    report = w.cycle()
    assert SITE.hits["/news/11"] == 1 and SITE.hits["/news/13"] == 1
    assert SITE.hits["/private/12"] == 0
    assert report.new == 2 and report.failed == 1
    assert any("[T122]" in ln and "/private/12" in ln for ln in log)
    assert urls(db) == {f"{server}/news/11": 1, f"{server}/news/13": 1}
    assert SITE.hits["/robots.txt"] == 1

    SITE.feeds["/mixed.xml"] = [11, 12, 13, 15]
    again = Watcher([f"{server}/mixed.xml"], db=db, settings=settings, fetch=True, log=Log(), pipeline=pipeline)
    report = again.cycle()  # a restart, the same day: robots.txt comes from the store
    assert SITE.hits["/robots.txt"] == 1 and again.robots_fetched == []
    assert SITE.hits["/news/15"] == 1 and SITE.hits["/news/11"] == 1 and SITE.hits["/private/12"] == 0
    assert report.new == 1 and report.skipped == 2


def test_a_watched_folder_reads_each_file_once(settings: Settings, pipeline: Pipeline, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()

    def record(n: int) -> str:
        title, body = story(n)
        return json.dumps({"id": f"doc-{n}", "text": body, "title": title, "date": "2024-03-05"}) + "\n"

    (inbox / "a.jsonl").write_text(record(21) + record(22), encoding="utf-8")
    (inbox / "saved").mkdir()
    (inbox / "saved" / "page.html").write_text(html_page(25, url="https://example.org/news/25"), encoding="utf-8")
    (inbox / "notes.bin").write_bytes(b"\x00\x01")  # not a kind tidings reads: left alone
    w = Watcher([str(inbox)], db=tmp_path / "d.db", settings=settings, every=60, log=Log(), pipeline=pipeline)
    first = w.cycle()
    assert (first.new, first.files, first.failed) == (3, 2, 0)
    second = w.cycle()
    assert (second.new, second.files, second.skipped) == (0, 0, 0)
    (inbox / "b.jsonl").write_text(record(23), encoding="utf-8")
    with (inbox / "a.jsonl").open("a", encoding="utf-8") as f:
        f.write(record(24))  # grown: read again, its stored records skipped
    third = w.cycle()
    assert (third.new, third.files, third.skipped) == (2, 2, 2)
    with sqlite3.connect(tmp_path / "d.db") as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM articles WHERE id LIKE 'doc-%' ORDER BY id")]
        pages = [r[0] for r in conn.execute("SELECT url FROM articles WHERE id NOT LIKE 'doc-%'")]
        done = {Path(r[0]).name for r in conn.execute("SELECT path FROM watch_files")}
    assert ids == ["doc-21", "doc-22", "doc-23", "doc-24"] and pages == ["https://example.org/news/25"]
    assert done == {"a.jsonl", "b.jsonl", "page.html"}


def test_sigterm_mid_cycle_leaves_a_consistent_store_and_the_next_run_resumes(server: str, tmp_path: Path) -> None:
    total = 10
    SITE.feeds["/long.xml"] = list(range(31, 31 + total))
    db = tmp_path / "s.db"
    config = tmp_path / "slow.toml"
    config.write_text("[nlp]\nbatch_size = 1\n", encoding="utf-8")  # no read-ahead: the stop comes quickly
    cmd = [sys.executable, "-m", "tidings", "watch", f"{server}/long.xml", "--once", "--db", str(db)]
    cmd += ["--config", str(config)]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 240
        stored = 0
        while stored == 0 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
            stored = _count(db)
        assert stored >= 1, "the watcher stored nothing"
        proc.send_signal(signal.SIGTERM)
        err = proc.communicate(timeout=120)[1]
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "stopped by a signal" in err and "the next start goes on" in err
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        kept = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert 1 <= kept < total  # stopped part-way
        # Nothing half-written: each stored article has its signature (written in its own transaction, last).
        unjoined = conn.execute(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS "
            "(SELECT 1 FROM article_signatures s WHERE s.article_id = a.id)"
        ).fetchone()[0]
        orphans = conn.execute(
            "SELECT count(*) FROM events e WHERE e.global_event_id IS NOT NULL "
            "AND NOT EXISTS (SELECT 1 FROM global_events g WHERE g.global_event_id = e.global_event_id)"
        ).fetchone()[0]
        assert unjoined == 0 and orphans == 0
        assert conn.execute("SELECT count(*) FROM failures").fetchone()[0] == 0
        # The feed's validators wait until every item is stored: the next run asks for the whole feed.
        assert conn.execute("SELECT etag FROM watch_feeds").fetchone()[0] is None

    before = len(SITE.seen("/long.xml"))
    resumed = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    status, headers = SITE.seen("/long.xml")[before]
    assert status == 200 and "if-none-match" not in headers
    assert f"{total - kept} new, {kept} skipped, 0 failed" in resumed.stderr
    assert urls(db) == {f"{server}/news/{n}": 1 for n in range(31, 31 + total)}
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT etag FROM watch_feeds").fetchone()[0] is not None

    # The long-running loop, asleep between cycles, also ends at once on SIGTERM.
    looping = [c for c in cmd if c != "--once"] + ["--every", "1h"]
    proc = subprocess.Popen(looping, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        assert "cycle 1" in line and "0 new, 0 skipped, 0 failed" in line and "1 feed(s) unchanged" in line
        proc.send_signal(signal.SIGTERM)
        rest = proc.communicate(timeout=30)[1]
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0 and "stopped" in rest


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


# Alerts


def test_alert_filter_becomes_parameterised_sql() -> None:
    f = AlertFilter.parse("root in (18,19,20) and country = 'SDN'")
    assert f.sql == '("root" IN (?, ?, ?) AND "country" = ?)'
    assert f.params == ("18", "19", "20", "SDN")
    f = AlertFilter.parse("NOT (num_sources < 2 or realis != 'asserted') AND source_name LIKE '%army%'")
    assert f.sql == '(NOT (("num_sources" < ? OR "realis" != ?)) AND "source_name" LIKE ?)'
    assert f.params == (2, "asserted", "%army%")
    f = AlertFilter.parse("root = 4 and cameo not in (0231, '042') and place is not null and confidence >= 0.5")
    assert f.params == ("04", "0231", "042", 0.5) and '"place" IS NOT NULL' in f.sql
    assert AlertFilter.parse("target_name = 'O''Brien'").params == ("O'Brien",)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "empty filter"),
        ("rooot = 18", "unknown column 'rooot'"),
        ("root = ", "expected a number or a 'quoted string', found the end"),
        ("root == 18", "found '=' (at character 7)"),
        ("root in 18", "expected '('"),
        ("country = 'SDN' and", "expected a column name, found the end"),
        ("(root = 18", "expected ')', found the end"),
        ("root = 18 country = 'SDN'", "unexpected 'country'"),
        ('country = "SDN"', "unexpected '\"'"),
        ("root not = 18", "expected 'in' or 'like' after 'not'"),
        ("source_name like 5", "expected a 'quoted string'"),
    ],
)
def test_a_bad_alert_filter_is_one_coded_line(text: str, says: str) -> None:
    with pytest.raises(TidingsError) as caught:
        AlertFilter.parse(text)
    assert caught.value.code == "T120" and says in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.parametrize(
    "text",
    [
        "country = 'SDN'; DROP TABLE events",
        "country = 'SDN' -- comment",
        "1 = 1",
        "root in (SELECT root FROM global_events)",
        "country = lower('SDN')",
        "sqlite_master = 1",
        "country = 'SDN' union select * from articles",
        "(" * 40 + "root = 18" + ")" * 40,
    ],
)
def test_injection_attempts_are_refused(text: str) -> None:
    with pytest.raises(TidingsError) as caught:
        AlertFilter.parse(text)
    assert caught.value.code == "T120"


def test_a_quote_inside_a_string_stays_a_value(tmp_path: Path) -> None:
    f = AlertFilter.parse("country = 'x'' OR 1=1 --'")
    assert f.params == ("x' OR 1=1 --",) and f.sql == '"country" = ?'
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE global_event_view (country TEXT)")
    conn.execute("INSERT INTO global_event_view VALUES ('SDN')")
    assert conn.execute(f"SELECT count(*) FROM global_event_view WHERE {f.sql}", f.params).fetchone() == (0,)


def test_alerts_name_each_new_matching_global_event_once(
    server: str, settings: Settings, pipeline: Pipeline, tmp_path: Path
) -> None:
    SITE.feeds["/alerts.xml"] = [41, 42]
    db = tmp_path / "a.db"
    out = io.StringIO()
    text = "root in (4, 11, 14) and realis = 'asserted'"
    w = Watcher(
        [f"{server}/alerts.xml"], db=db, settings=settings, every=60, log=Log(), pipeline=pipeline,
        alert=AlertFilter.parse(text), alert_out=out,
    )  # fmt: skip

    def matching() -> set[int]:  # the same question asked in Python, over every global event
        with sqlite3.connect(db) as conn:
            rows = conn.execute("SELECT global_event_id, root, realis FROM global_event_view").fetchall()
        return {gid for gid, root, realis in rows if root in ("04", "11", "14") and realis == "asserted"}

    first = w.cycle()
    sent = [json.loads(line) for line in out.getvalue().splitlines()]
    assert sent and first.alerts == len(sent)
    assert {e["global_event_id"] for e in sent} == matching()
    assert {"root", "country", "event_name", "num_sources", "representative_title"} <= set(sent[0])

    before = matching()
    SITE.feeds["/alerts.xml"] = [41, 42, 43]
    out.truncate(0)
    out.seek(0)
    w.cycle()
    again = [json.loads(line) for line in out.getvalue().splitlines()]
    assert {e["global_event_id"] for e in again} == matching() - before
    with sqlite3.connect(db) as conn:
        assert {r[0] for r in conn.execute("SELECT global_event_id FROM watch_alerts")} == matching()


# The command line


def test_command_line_refusals_are_one_coded_line(tmp_path: Path) -> None:
    from tidings.cli import cli

    runner = CliRunner()
    bad = runner.invoke(cli, ["watch", str(tmp_path), "--alert", "root = 18; DROP TABLE events", "--once"])
    assert bad.exit_code == 1 and "[T120]" in bad.output and len(bad.output.strip().splitlines()) == 1
    bad = runner.invoke(cli, ["watch", str(tmp_path), "--every", "soon", "--once"])
    assert bad.exit_code == 1 and "[T125]" in bad.output
    bad = runner.invoke(cli, ["watch", str(tmp_path / "nowhere"), "--once"])
    assert bad.exit_code == 1 and "[T124]" in bad.output
    bad = runner.invoke(
        cli, ["watch", str(tmp_path), "--alert", "root = 18", "--alert-out", str(tmp_path / "no/a.jsonl")]
    )
    assert bad.exit_code == 1 and "[T126]" in bad.output
    listing = tmp_path / "feeds.txt"
    listing.write_text("# my feeds\nhttps://example.org/a.xml\nnot a url\n", encoding="utf-8")
    bad = runner.invoke(cli, ["watch", str(listing), "--once"])
    assert bad.exit_code == 1 and "[T124]" in bad.output and "line 3" in bad.output


def test_sources_and_spans(tmp_path: Path) -> None:
    listing = tmp_path / "feeds.txt"
    listing.write_text("https://example.org/a.xml\n\n# later\nhttps://example.org/b.xml\n", encoding="utf-8")
    found = sources([str(listing), "https://example.org/a.xml", str(tmp_path)])
    assert [(s.kind, s.name) for s in found] == [
        ("feed", "https://example.org/a.xml"),
        ("feed", "https://example.org/b.xml"),
        ("folder", str(tmp_path)),
    ]
    assert parse_span("15m") == 900 and parse_span("1h30m") == 5400 and parse_span("90") == 90
    with pytest.raises(TidingsError, match="T125"):
        parse_span("0s")
