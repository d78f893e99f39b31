"""Hostile inputs: each gets a coded error (or a clean result) within bounded memory and time.

Decompression bombs of every format, a WARC record claiming a terabyte, HTML nested
100,000 deep, feeds that declare XML entities (a "billion laughs", an external entity
naming /etc/passwd), URL lists and feed links to file:// and private addresses, and a
JSONL line of 100 MB. Each input is read in a child process whose address space is
capped (``RLIMIT_AS``) and whose run is cut at a time limit: a bomb that got through
would die of either, and the child's peak RSS is checked too.
"""

from __future__ import annotations

import gzip
import io
import json
import resource
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from ingest_fixtures import html_page, rss

from tidings.config import load_settings
from tidings.errors import InputError
from tidings.model import Article
from tidings.readers import Reader

REPO = Path(__file__).resolve().parents[1]
AS_LIMIT = 3 << 30  # bytes of address space the child may map (Python, lxml, fastwarc and the data)
RSS_LIMIT_MB = 400  # the child's peak resident memory must stay under this
TIME_LIMIT = 120  # seconds

# The child: read the inputs as `tidings process` does; print each item's code (or "article"),
# its peak RSS and its time.
PROBE = """
import json, resource, sys, time
from dataclasses import replace
from tidings.config import load_settings
from tidings.readers import Reader
settings = replace(load_settings(), fetch_timeout=1.0, fetch_retries=0, fetch_backoff=0.0)
t0 = time.perf_counter()
reader = Reader(settings, fetch=True)
items = [i.code if hasattr(i, "code") else "article" for i in reader.read(sys.argv[1:])]
reader.close()
try:  # this process's own peak (ru_maxrss would count the forked parent's memory from before exec)
    with open("/proc/self/status") as fh:
        peak = next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:")) / 1024
except (OSError, StopIteration):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"items": items, "rss_mb": peak, "seconds": time.perf_counter() - t0}))
"""


def _cap() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (AS_LIMIT, AS_LIMIT))


def probe(*paths: Path) -> dict[str, object]:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, *map(str, paths)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=TIME_LIMIT,
        preexec_fn=_cap,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    result: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    assert float(result["rss_mb"]) < RSS_LIMIT_MB, result  # type: ignore[arg-type]
    return result


def gzip_bomb(path: Path, head: bytes, fill: bytes, size: int) -> Path:
    """A gzip file of ``head`` and then ``size`` bytes of ``fill``: a few hundred KB that expand to ``size``."""
    chunk = fill * (1 << 20)
    with gzip.open(path, "wb", compresslevel=1) as fh:
        fh.write(head)
        for _ in range(size // len(chunk)):
            fh.write(chunk)
    return path


BOMB = 300 << 20  # each bomb expands to 300 MB


def test_decompression_bombs_of_every_format_are_refused(tmp_path: Path) -> None:
    bombs = [
        gzip_bomb(tmp_path / "bomb.txt.gz", b"The minister said ", b"a", BOMB),
        gzip_bomb(tmp_path / "bomb.html.gz", b"<html><body><p>", b"a", BOMB),
        gzip_bomb(tmp_path / "bomb.xml.gz", b'<?xml version="1.0"?><rss><channel><item><description>', b"a", BOMB),
        gzip_bomb(tmp_path / "lines.jsonl.gz", b'{"text": "', b" ", BOMB),  # one endless line
        gzip_bomb(tmp_path / "empty.jsonl.gz", b"", b"{}\n", BOMB),  # millions of empty records
        gzip_bomb(tmp_path / "list.urls.gz", b"https://example.org/", b"a", BOMB),  # an endless URL
    ]
    assert all(b.stat().st_size < 2_000_000 for b in bombs)
    txt, page, feed, line, empty, urls = (probe(b)["items"] for b in bombs)
    assert txt == page == feed == ["T004"]  # past the caps of a text, a page, a feed: refused unread
    assert line == ["T097"]  # the endless JSONL line: the bomb is stopped while it is skipped
    assert empty == ["T007"] * 1000 + ["T098"]  # a thousand empty records in a row: the rest skipped
    assert urls == ["T097"]  # the endless URL


def test_a_warc_record_claiming_a_terabyte(tmp_path: Path) -> None:
    body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + html_page(3).encode()
    record = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
        b"WARC-Target-URI: https://example.org/big\r\nContent-Type: application/http; msgtype=response\r\n"
        b"Content-Length: 1000000000000\r\n\r\n" + body + b"\r\n\r\n"
    )
    plain = tmp_path / "huge.warc"
    plain.write_bytes(record)
    packed = tmp_path / "huge.warc.gz"
    packed.write_bytes(gzip.compress(record))
    items = probe(plain, packed)["items"]
    assert items == ["T004", "T004"], items  # refused unread, the rest of the file (none) goes on


def test_html_nested_a_hundred_thousand_deep(tmp_path: Path) -> None:
    page = tmp_path / "deep.html"
    story = html_page(2).split("<article>")[1].split("</article>")[0]
    page.write_text("<html><body>" + "<div>" * 100_000 + story + "</div>" * 100_000 + "</body></html>")
    items = probe(page)["items"]
    assert items == ["T006"], items  # lxml stops at its depth limit: no article text, and no crash


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">' for i in range(1, 10))
    + ']><rss version="2.0"><channel><title>x</title><item><title>t</title><description>&lol9;</description>'
    "</item></channel></rss>"
)
EXTERNAL = (
    '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    '<rss version="2.0"><channel><title>x</title><item><title>t</title><description>&xxe; The minister said '
    "on Monday that the talks with the union would go on for another week at least.</description>"
    "</item></channel></rss>"
)


def test_feeds_declaring_entities_are_refused(tmp_path: Path) -> None:
    laughs, xxe = tmp_path / "laughs.xml", tmp_path / "xxe.rss"
    laughs.write_text(BILLION_LAUGHS)
    xxe.write_text(EXTERNAL)
    settings = load_settings()
    items = list(Reader(settings).read([str(laughs), str(xxe)]))
    assert [i.code for i in items if isinstance(i, InputError)] == ["T096", "T096"]
    assert not any("root:" in (i.raw if isinstance(i, Article) else str(i)) for i in items)
    assert probe(laughs)["items"] == ["T096"]


def test_links_to_files_and_private_addresses_are_refused(tmp_path: Path) -> None:
    urls = tmp_path / "list.urls"
    urls.write_text(
        "https://example.invalid/story\nfile:///etc/passwd\nhttp://127.0.0.1:9/admin\n"
        "http://169.254.169.254/latest/meta-data/\nhttp://[::1]:9/\nhttp://10.1.2.3/\nhttp://localhost:9/x\n"
    )
    feed = tmp_path / "feed.xml"
    feed.write_text(rss([("A", "http://192.168.1.1/router", "x"), ("B", "file:///etc/shadow", "y")]))
    settings = replace(load_settings(), fetch_timeout=1.0, fetch_retries=0, fetch_backoff=0.0)
    reader = Reader(settings, fetch=True)
    items = list(reader.read([str(urls), str(feed)]))
    reader.close()
    codes = [i.code for i in items if isinstance(i, InputError)]
    assert codes[0] == "T060"  # a public name that does not resolve: a failed download, not a refusal
    assert codes[1:] == ["T095"] * 8, [str(i) for i in items]
    assert "only http(s)" in str(items[1]) and "private, loopback or link-local" in str(items[2])
    # Allowed, a private address is tried (and here fails to connect): no refusal.
    allowed = Reader(replace(settings, allow_private=True), fetch=True)
    again = [i.code for i in allowed.read([str(urls)]) if isinstance(i, InputError)]
    allowed.close()
    assert again.count("T095") == 1 and again.count("T060") == 6  # only file:// stays refused


def test_a_url_named_on_the_command_line_is_followed_even_when_private() -> None:
    reader = Reader(replace(load_settings(), fetch_timeout=1.0, fetch_retries=0, fetch_backoff=0.0))
    items = list(reader.read(["http://127.0.0.1:9/story"]))
    reader.close()
    assert [i.code for i in items if isinstance(i, InputError)] == ["T060"]  # tried: nothing listens on port 9


def test_a_jsonl_line_of_100_mb(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    good = {"id": "ok", "text": "The minister said on Monday that the talks with the union would go on all week."}
    with path.open("wb") as fh:
        fh.write(b'{"id": "huge", "text": "')
        chunk = b"word " * (1 << 18)
        for _ in range(100 * (1 << 20) // len(chunk)):
            fh.write(chunk)
        fh.write(b'"}\n' + json.dumps(good).encode() + b"\n")
    assert path.stat().st_size > 100 << 20
    assert probe(path)["items"] == ["T004", "article"]


def test_gzip_ratio_cap_leaves_ordinary_compressed_files_alone(tmp_path: Path) -> None:
    from tidings.readers.common import open_stream

    text = ("The minister said on Monday that the talks with the union would go on all week. " * 200).encode()
    ordinary = tmp_path / "a.txt.gz"
    ordinary.write_bytes(gzip.compress(text))
    items = list(Reader(load_settings()).read([str(ordinary)]))
    assert len(items) == 1 and isinstance(items[0], Article)
    # The cap counts what it expands against what it read: zeros past 100 times are a bomb.
    with open_stream(io.BytesIO(gzip.compress(text)), max_ratio=100.0) as fh:
        assert fh.read() == text
    with pytest.raises(InputError, match=r"\[T097\]"):
        open_stream(io.BytesIO(gzip.compress(b"\0" * (20 << 20))), max_ratio=100.0).read()
