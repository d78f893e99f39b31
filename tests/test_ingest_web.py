"""Downloads against a local HTTP server on 127.0.0.1: pages, a feed, a 404, a 500, a slow answer,
a redirect loop, a 50 MB page, an image; per-host limits, User-Agent, and a CLI run that resumes.

Timeouts and backoffs are set short so the whole file runs in a few seconds (plus one pipeline run).
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from ingest_fixtures import html_page, read, rss, story

from tidings.config import Settings, load_settings
from tidings.errors import InputError
from tidings.readers.web import Fetcher

REPO = Path(__file__).resolve().parents[1]


class Site:
    """What the handler serves, and what it saw."""

    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.agents: set[str] = set()
        self.active = 0
        self.max_active = 0
        self.lock = threading.Lock()
        self.base = ""


SITE = Site()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass

    def _send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8", **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers.items():
            self.send_header(k.replace("_", "-"), v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path
        with SITE.lock:
            SITE.hits[path] += 1
            SITE.agents.add(self.headers.get("User-Agent", ""))
        if path.startswith("/story/"):
            n = int(path.rsplit("/", 1)[1])
            self._send(200, html_page(n, url=f"{SITE.base}/story/{n}").encode())
        elif path == "/feed.xml":
            items = [(story(n)[0], f"{SITE.base}/story/{n}", "A teaser line.") for n in (1, 2)]
            items.append(("Gone", f"{SITE.base}/missing", "Gone."))
            self._send(200, rss(items).encode(), "application/rss+xml")
        elif path == "/plain":
            self._send(200, story(3)[1].encode(), "text/plain; charset=utf-8")
        elif path == "/missing":
            self._send(404, b"not here")
        elif path == "/error":
            self._send(500, b"oops")
        elif path == "/slow":
            time.sleep(1.5)
            self._send(200, html_page(4).encode())
        elif path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no Content-Length: the client must count
            try:
                for _ in range(50):
                    self.wfile.write(b"<p>" + b"x" * (1 << 20) + b"</p>")
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif path == "/logo.png":
            self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "image/png")
        elif path.startswith("/busy/"):
            with SITE.lock:
                SITE.active += 1
                SITE.max_active = max(SITE.max_active, SITE.active)
            time.sleep(0.15)
            with SITE.lock:
                SITE.active -= 1
            self._send(200, html_page(int(path.rsplit("/", 1)[1])).encode())
        else:
            self._send(404, b"")


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
    return replace(
        load_settings(),
        fetch_timeout=0.5,
        fetch_retries=1,
        fetch_backoff=0.01,
        max_html_bytes=300_000,
        fetch_per_host=2,
        fetch_concurrency=6,
    )


def test_pages_and_every_kind_of_failure(server: str, settings: Settings) -> None:
    names = ["story/1", "missing", "error", "slow", "loop", "big", "logo.png", "plain", "story/2"]
    before = SITE.hits.copy()
    t0 = time.perf_counter()
    arts, errs = read(settings, *(f"{server}/{n}" for n in names))
    assert time.perf_counter() - t0 < 8
    assert [a.input for a in arts] == [f"{server}/story/1", f"{server}/plain", f"{server}/story/2"]
    assert arts[0].url == f"{server}/story/1" and arts[0].author == "Mara Ionescu"
    reasons = {str(e).split(": ", 1)[0].removeprefix("[").split("] ")[1]: str(e) for e in errs}
    assert "HTTP 404" in reasons[f"{server}/missing"] and "[T060]" in reasons[f"{server}/missing"]
    assert "HTTP 500" in reasons[f"{server}/error"] and "2 tries" in reasons[f"{server}/error"]
    assert "timed out" in reasons[f"{server}/slow"]
    assert "redirect" in reasons[f"{server}/loop"]
    assert "[T004]" in reasons[f"{server}/big"]
    assert "[T063]" in reasons[f"{server}/logo.png"] and "image/png" in reasons[f"{server}/logo.png"]
    hits = SITE.hits - before
    assert hits["/missing"] == 1 and hits["/error"] == 2  # a 404 is not retried; a 500 is, once
    assert any(a.startswith("tidings/") for a in SITE.agents)


def test_per_host_limit(server: str, settings: Settings) -> None:
    with Fetcher(settings) as fetcher:
        results = list(fetcher.fetch_many(f"{server}/busy/{n}" for n in range(6)))
    assert [url.rsplit("/", 1)[1] for url, _ in results] == [str(n) for n in range(6)]  # input order
    assert all(not isinstance(r, InputError) for _, r in results)
    assert SITE.max_active == 2  # concurrent, but never more than per_host at one host


def test_feed_url_with_and_without_fetch(server: str, settings: Settings) -> None:
    arts, errs = read(settings, f"{server}/feed.xml")
    assert not arts and len(errs) == 3 and all(e.code == "T001" for e in errs)  # teasers are too short
    arts, errs = read(settings, f"{server}/feed.xml", fetch=True)
    assert [a.url for a in arts] == [f"{server}/story/1", f"{server}/story/2"]
    assert all(a.input == f"{server}/feed.xml" for a in arts)
    assert len(errs) == 1 and "HTTP 404" in str(errs[0]) and f"{server}/missing" in str(errs[0])


def test_url_list_file_and_cli_resume(server: str, tmp_path: Path) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# tonight's list\n{server}/story/5\n{server}/missing\n{server}/story/5#comments\n", "utf-8")
    cfg = tmp_path / "fast.toml"
    # (the list names pages on 127.0.0.1: links a URL list names reach private addresses only when allowed)
    cfg.write_text("[fetch]\ntimeout = 2.0\nretries = 0\nbackoff = 0.01\nallow_private = true\n", encoding="utf-8")
    db = tmp_path / "web.db"
    cmd = [sys.executable, "-m", "tidings", "process", str(urls), f"{server}/feed.xml", "--fetch"]
    cmd += ["--db", str(db), "--config", str(cfg), "--quiet"]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.count("[T060]") == 2 and f"{server}/missing" in proc.stderr
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT input, url, author, raw FROM articles ORDER BY url").fetchall()
    # story/5 twice (the fragment does not make another story) and stories 1, 2 from the feed
    assert [r[1] for r in rows] == [f"{server}/story/{n}" for n in (1, 2, 5)]
    assert {r[0] for r in rows} == {f"{server}/story/5", f"{server}/feed.xml"}
    assert all(r[2] == "Mara Ionescu" and "Hauliers" in r[3] for r in rows)
    assert conn.execute("SELECT COUNT(*) FROM failures").fetchone()[0] == 1
    conn.close()
    before = SITE.hits.copy()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert SITE.hits["/story/1"] == before["/story/1"] and SITE.hits["/story/5"] == before["/story/5"]
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 3
    assert conn.execute("SELECT COUNT(*) FROM failures").fetchone()[0] == 1  # the same failure is not repeated
