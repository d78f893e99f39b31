"""Property-based fuzzing of every entry point a byte from the outside reaches (hypothesis).

The property is the same everywhere: whatever the input, the code under test
returns a result or raises a coded :class:`~tidings.errors.TidingsError`
(readers yield :class:`~tidings.errors.InputError` items); any other exception
is a bug. Targets:

- ``text``, ``html``, ``jsonl``, ``feed``, ``warc``, ``urls``: files of that
  format, near-valid and mangled, read by the :class:`~tidings.readers.Reader`
  as ``tidings process`` reads them (``gzip``: any of them gzip-compressed,
  whole or cut short);
- ``clean``: the cleaner on raw text;
- ``times``: the time normaliser (:func:`tidings.times.normalise` and
  :func:`tidings.times.find_times`) on expressions and texts;
- ``places``: the toponym recogniser (the parse, then the places stage);
- ``pipeline``: every stage on one text, then its rows into a SQLite store.

Texts are drawn from an adversarial alphabet: control characters, right-to-left
marks, combining characters, zero-width joiners, mixed scripts, lone
surrogates (through JSON escapes), unbalanced quote marks and brackets,
10,000-character "words" and megabyte-long lines.

``tests/test_fuzz.py`` runs a few dozen inputs per target in ``make test``;
``make fuzz`` runs the long profile, at least 100,000 inputs in all, and
reports the count, the uncaught exceptions, peak memory and time per input::

    python tests/fuzzing.py --total 100000
    python tests/fuzzing.py --target jsonl --examples 500
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import io
import json
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tidings.config import Settings, load_settings  # noqa: E402
from tidings.errors import InputError, TidingsError  # noqa: E402
from tidings.model import Article, Context  # noqa: E402

# -- the alphabet of hostile text ------------------------------------------------------------
HOSTILE_CHARS = (
    [chr(c) for c in range(32)]
    + ["\x7f", "\x85", "\u00a0", "\u2028", "\u2029"]  # controls, NEL, no-break space, line/para separators
    + ["\u200e", "\u200f", "\u202a", "\u202b", "\u202e", "\u2066", "\u2067", "\u2069"]  # direction marks
    + ["\u0301", "\u0300", "\u0308", "\u0327", "\u20dd", "\u0489"]  # combining marks
    + ["\u200b", "\u200c", "\u200d", "\ufeff", "\u2060", "\ufffd", "\ufffe"]  # zero-width, BOM, replacement
    + ['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "`", "\u2014", "\u2013"]
    + ["(", ")", "[", "]", "{", "}", "<", ">", "&", ":", ";", ",", ".", "!", "?", "-", "/", "\\", "#"]
)
SCRIPTS = "Москва Київ القاهرة תל אביב 北京 東京 서울 नई दिल्ली Αθήνα İstanbul Łódź 🇺🇦🔥 ǅemal ﬁnal"
WORDS = [
    "the",
    "minister",
    "said",
    "police",
    "arrested",
    "protesters",
    "in",
    "Paris",
    "on",
    "Monday",
    "last",
    "week",
    "Kenya",
    "accused",
    "Russia",
    "of",
    "talks",
    "will",
    "go",
    "on",
    "President",
    "Maria",
    "Lopez",
    "told",
    "reporters",
    "on",
    "Friday",
    "that",
    "the",
    "government",
    "would",
    "meet",
    "NAIROBI,",
    "March",
    "3",
    "(tidings)",
    "-",
    "according",
    "to",
    "officials",
    "in",
    "Kyiv",
    "and",
    "Washington",
    "rebels",
    "attacked",
    "troops",
    "1999",
    "2020-08-15",
    "10:30",
    "a.m.",
    "5'11\"",
    "$5",
    "a",
    "day",
    "two",
    "years",
    "ago",
    "next",
    "Tuesday",
    "Q3",
    "the",
    "1990s",
]


# One pool to draw words from in a single step each (hypothesis draws are the fuzzer's main cost):
# English words, other scripts, hostile characters alone and glued to words.
POOL = (
    WORDS
    + SCRIPTS.split()
    + HOSTILE_CHARS
    + [w + c for w, c in zip(WORDS * 3, HOSTILE_CHARS * 3, strict=False)]
    + [c + w for w, c in zip(reversed(WORDS * 3), HOSTILE_CHARS * 3, strict=False)]
)
SEPARATORS = [" ", " ", " ", " ", "\n", "\n\n", "\t", "\r\n", "  ", "", "\u3000"]


@st.composite
def hostile_text(draw: Any, max_words: int = 120) -> str:
    """Prose-like text with hostile characters, long words, unbalanced marks and odd line breaks."""
    words = draw(st.lists(st.sampled_from(POOL), max_size=max_words))
    seps = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(words), max_size=len(words)))
    if draw(st.integers(0, 4)) == 0:
        words.append(draw(st.text(max_size=20)))  # any Unicode at all (lone surrogates cannot be files)
        seps.append(" ")
    text = "".join(w + s for w, s in zip(words, seps, strict=True))
    extra = draw(st.integers(0, 9))
    if extra == 0:  # a 10,000-character "word", or thousands of one mark
        text += draw(st.sampled_from(["a", "\u0301", "x\u0301", "'", '"', "(", "Z"])) * draw(st.integers(1000, 10000))
    elif extra == 1:
        text = '"' * draw(st.integers(1, 300)) + text
    elif extra == 2:
        text = text.replace(" ", '" ')
    return text


def _maybe_gzip(draw: Any, data: bytes) -> bytes:
    how = draw(st.integers(0, 9))
    if how == 0:
        return gzip.compress(data)
    if how == 1:
        packed = gzip.compress(data)
        return packed[: draw(st.integers(0, len(packed)))]  # cut short
    return data


def _mangle(draw: Any, data: bytes) -> bytes:
    """Now and then: flip, drop or insert bytes."""
    if not data or draw(st.integers(0, 3)):
        return data
    at = draw(st.integers(0, len(data) - 1))
    kind = draw(st.integers(0, 2))
    if kind == 0:
        return data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1 :]
    if kind == 1:
        return data[:at] + data[at + draw(st.integers(1, 64)) :]
    return data[:at] + draw(st.binary(min_size=1, max_size=32)) + data[at:]


def _encoded(draw: Any, text: str) -> bytes:
    enc = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "utf-16", "latin-1", "cp1252"]))
    return text.encode(enc, errors="replace")


# -- one strategy per input format: (file name, bytes) ----------------------------------------
@st.composite
def text_file(draw: Any) -> tuple[str, bytes]:
    data = draw(st.one_of(st.builds(lambda t: t.encode("utf-8"), hostile_text()), st.binary(max_size=2000)))
    if draw(st.integers(0, 40)) == 0:
        data = b"word " * draw(st.integers(100_000, 220_000))  # a megabyte-long line (over the limit)
    return draw(st.sampled_from(["a.txt", "a.text", "noext", "a.txt.gz"])), _maybe_gzip(draw, _mangle(draw, data))


@st.composite
def _html_node(draw: Any, depth: int = 0) -> str:
    tag = draw(st.sampled_from(["p", "div", "article", "span", "h1", "a", "script", "style", "table", "td", "b"]))
    attrs = draw(st.sampled_from(["", ' class="x"', ' href="javascript:x"', " id=a b=c", ' style="x:<"']))
    inner = draw(hostile_text(max_words=30))
    kids = "".join(draw(st.lists(_html_node(depth + 1), max_size=3))) if depth < 3 else ""
    close = draw(st.sampled_from([f"</{tag}>", f"</{tag}>", "", "</p>"]))
    return f"<{tag}{attrs}>{inner}{kids}{close}"


@st.composite
def html_file(draw: Any) -> tuple[str, bytes]:
    body = "".join(draw(st.lists(_html_node(), max_size=5)))
    head = draw(
        st.sampled_from(
            [
                "<!DOCTYPE html><html><head><meta charset=utf-8><title>T</title></head>",
                '<html><head><meta http-equiv="Content-Type" content="text/html; charset=bogus-9">',
                "<html><head><meta charset=iso-8859-1>",
                "",
            ]
        )
    )
    nest = draw(st.integers(0, 30))
    if nest == 0:
        body = "<div>" * draw(st.integers(300, 3000)) + body  # deeply nested
    data = (head + "<body>" + body + "</body></html>").encode("utf-8", errors="replace")
    return draw(st.sampled_from(["a.html", "a.htm", "a.txt", "a.html.gz"])), _maybe_gzip(draw, _mangle(draw, data))


_JSON_VALUE = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=30),
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)  # fmt: skip


@st.composite
def jsonl_file(draw: Any) -> tuple[str, bytes]:
    lines: list[str] = []
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.integers(0, 5))
        if kind <= 2:
            record: dict[str, Any] = {"text": draw(hostile_text())}
            for key in ("id", "date", "title", "url", "source", "author"):
                if draw(st.booleans()):
                    record[key] = draw(st.one_of(_JSON_VALUE, st.sampled_from(["2020-02-30", "2020-08-15T10:00", ""])))
            line = json.dumps(record, ensure_ascii=draw(st.booleans()))
            if draw(st.integers(0, 6)) == 0:
                line = line.replace('"text": "', '"text": "\\ud800 \\udfff ', 1)  # lone surrogates
        elif kind == 3:
            line = json.dumps(draw(_JSON_VALUE))
        elif kind == 4:
            line = draw(st.text(max_size=80))
        else:
            line = json.dumps({"text": draw(_JSON_VALUE)})
        lines.append(line)
    data = "\n".join(lines).encode("utf-8", errors="replace")
    return draw(st.sampled_from(["a.jsonl", "a.jsonl.gz", "a.txt"])), _maybe_gzip(draw, _mangle(draw, data))


@st.composite
def feed_file(draw: Any) -> tuple[str, bytes]:
    items = []
    for _ in range(draw(st.integers(0, 4))):
        desc = draw(hostile_text(max_words=80)).replace("]]>", "")
        link = draw(st.sampled_from(["https://example.org/a", "", "file:///etc/passwd", "javascript:x", "http://[::1"]))
        day = draw(st.sampled_from(["Tue, 05 Mar 2024 08:00:00 GMT", "yesterday", "", "Mon, 31 Feb 2024 99:99:99"]))
        wrap = draw(st.sampled_from(["<![CDATA[{}]]>", "{}"]))
        text = wrap.format(desc) if "CDATA" in wrap else desc.replace("&", "&amp;").replace("<", "&lt;")
        items.append(f"<item><title>{draw(st.text(max_size=20))}</title><link>{link}</link>"
                     f"<pubDate>{day}</pubDate><description>{text}</description></item>")  # fmt: skip
    atom = draw(st.booleans())
    if atom:
        doc = (
            '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title>'
            + "".join(i.replace("item>", "entry>").replace("description>", "content>") for i in items)
            + "</feed>"
        )
    else:
        doc = '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>' + "".join(items) + "</channel></rss>"
    if draw(st.integers(0, 15)) == 0:
        doc = doc.replace('<?xml version="1.0"?>', '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]>')
    data = _encoded(draw, doc)
    return draw(st.sampled_from(["a.xml", "a.rss", "a.atom", "a.xml.gz"])), _maybe_gzip(draw, _mangle(draw, data))


@st.composite
def warc_file(draw: Any) -> tuple[str, bytes]:
    out = io.BytesIO()
    for n in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(["response", "resource", "conversion", "request", "metadata"]))
        body = draw(hostile_text(max_words=60)).encode("utf-8", errors="replace")
        if kind == "response":
            status = draw(st.sampled_from([200, 200, 404, 301, 999]))
            ctype = draw(
                st.sampled_from(["text/html", "text/html; charset=utf-8", "image/png", "", "text/html; charset=x"])
            )
            payload = f"HTTP/1.1 {status} OK\r\nContent-Type: {ctype}\r\n\r\n".encode() + b"<p>" + body + b"</p>"
        else:
            payload = body
        length = len(payload)
        lie = draw(st.integers(0, 9))
        claimed = {0: length + draw(st.integers(1, 10**12)), 1: max(0, length - 5)}.get(lie, length)
        headers = (
            f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{n}>\r\n"
            f"WARC-Target-URI: {draw(st.sampled_from(['https://example.org/a', '', 'x']))}\r\n"
            f"Content-Type: {'application/http; msgtype=response' if kind == 'response' else 'text/plain'}\r\n"
            f"Content-Length: {draw(st.sampled_from([str(claimed), str(claimed), '-1', 'x']))}\r\n\r\n"
        )
        out.write(headers.encode() + payload + b"\r\n\r\n")
    data = out.getvalue()
    return draw(st.sampled_from(["a.warc", "a.warc.gz", "a.wet", "noext"])), _maybe_gzip(draw, _mangle(draw, data))


@st.composite
def urls_file(draw: Any) -> tuple[str, bytes]:
    lines = draw(
        st.lists(
            st.sampled_from(
                [
                    "http://127.0.0.1:1/a", "http://10.0.0.1/x", "http://169.254.169.254/latest/meta-data/",
                    "file:///etc/passwd", "ftp://example.org/x", "http://[::1]:1/", "http://localhost:1/",
                    "# a comment", "http://0.0.0.0:1/", "https://", "http://%zz/", "http://a b/",
                ]
            ),
            min_size=1, max_size=6,
        )
    )  # fmt: skip
    data = "\n".join(lines).encode()
    return draw(st.sampled_from(["a.urls", "a.txt", "a.urls.gz"])), _maybe_gzip(draw, data)


FORMATS: dict[str, st.SearchStrategy[tuple[str, bytes]]] = {
    "text": text_file(),
    "html": html_file(),
    "jsonl": jsonl_file(),
    "feed": feed_file(),
    "warc": warc_file(),
    "urls": urls_file(),
}


# -- the targets -------------------------------------------------------------------------------
def _settings() -> Settings:
    from dataclasses import replace

    # No waiting on the network: every URL the fuzzer names is refused or unreachable at once.
    return replace(load_settings(), fetch_timeout=0.2, fetch_retries=0, fetch_backoff=0.0)


_SETTINGS = _settings()
_DIR = Path(tempfile.mkdtemp(prefix="tidings-fuzz-"))


def read_file(name: str, data: bytes, fetch: bool = False) -> list[Article | InputError]:
    """The reader on one file: every item an article or a coded error."""
    from tidings.readers import Reader

    path = _DIR / name
    path.write_bytes(data)
    reader = Reader(_SETTINGS, published="2024-05-01", fetch=fetch)
    try:
        items = list(reader.read([str(path)]))
    finally:
        reader.close()
    for item in items:
        assert isinstance(item, (Article, InputError)), item
        if isinstance(item, Article):
            assert item.raw and item.id
    return items


def clean_target(text: str) -> None:
    from tidings.clean import Cleaner

    article = Cleaner()(Article(raw=text, id="fuzz"), Context())
    assert isinstance(article.text, str)


def times_target(text: str, base: date | None) -> None:
    from tidings.times import find_times, normalise

    for hint in (None, "set", "stretch"):
        value, kind, _rule = normalise(text[:200], base, hint=hint)
        assert value is None or isinstance(value, str)
        assert kind in ("date", "duration", "time", "set")
    for t in find_times(Article(raw=text, text=text, id="fuzz", published=base.isoformat() if base else None)):
        assert 0 <= t.start <= t.end <= len(text) and text[t.start : t.end] == t.text


_PIPELINE: Any = None


def _pipeline() -> Any:
    global _PIPELINE
    if _PIPELINE is None:
        from tidings.pipeline import Pipeline

        _PIPELINE = Pipeline(_SETTINGS)
    return _PIPELINE


def places_target(text: str) -> None:
    stages = {s.name: s for s in _pipeline().stages}
    article, ctx = Article(raw=text, id="fuzz", published="2024-05-01"), Context()
    for name in ("clean", "nlp", "places"):
        article = stages[name](article, ctx)
    for p in article.places:
        assert 0 <= p.start <= p.end <= len(article.text), p


def pipeline_target(text: str, published: str | None) -> None:
    from tidings.sinks import save

    article, ctx = Article(raw=text, id="fuzz", published=published), Context()
    for stage in _pipeline().stages:
        article = stage(article, ctx)
    for group in (article.events, article.quotes, article.places, article.times):
        for item in group:
            start, end = getattr(item, "start", None), getattr(item, "end", None)
            if start is None and hasattr(item, "trigger"):
                start, end = item.trigger.start, item.trigger.end
            assert start is not None and end is not None and 0 <= start <= end <= len(article.text), item
    conn = sqlite3.connect(":memory:", isolation_level=None)
    from tidings.sinks.migrations import migrate

    migrate(conn, ":memory:")
    save(conn, article)
    conn.close()


def _coded(call: Callable[[], object]) -> None:
    """Run ``call``: a coded error is a fine answer; anything else propagates (a bug)."""
    with contextlib.suppress(TidingsError):
        call()


# -- hypothesis tests, built for any number of examples ---------------------------------------
COUNTS: dict[str, int] = {}


def _count(name: str) -> None:
    COUNTS[name] = COUNTS.get(name, 0) + 1


def build(target: str, examples: int) -> Callable[[], None]:
    """A hypothesis test running ``examples`` inputs through ``target``."""
    config = settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=False,
        suppress_health_check=list(HealthCheck),
        print_blob=True,
    )
    if target in FORMATS:

        @config
        @given(FORMATS[target], st.booleans())
        def reader(item: tuple[str, bytes], fetch: bool) -> None:
            _count(target)
            _coded(lambda: read_file(*item, fetch=fetch))

        return reader
    if target == "gzip":

        @config
        @given(st.one_of(*FORMATS.values()), st.binary(max_size=64))
        def gzipped(item: tuple[str, bytes], junk: bytes) -> None:
            _count(target)
            name, data = item
            packed = gzip.compress(data) + junk
            _coded(lambda: read_file(name + ".gz", packed))

        return gzipped
    if target == "clean":

        @config
        @given(hostile_text(max_words=300))
        def clean(text: str) -> None:
            _count(target)
            _coded(lambda: clean_target(text))

        return clean
    if target == "times":

        @config
        @given(hostile_text(max_words=60), st.one_of(st.none(), st.dates()))
        def times(text: str, base: date | None) -> None:
            _count(target)
            _coded(lambda: times_target(text, base))

        return times
    if target == "places":

        @config
        @given(hostile_text(max_words=150))
        def places(text: str) -> None:
            _count(target)
            _coded(lambda: places_target(text))

        return places
    if target == "pipeline":

        @config
        @given(hostile_text(max_words=150), st.sampled_from([None, "2024-05-01", "1999-12-31"]))
        def pipeline(text: str, published: str | None) -> None:
            _count(target)
            _coded(lambda: pipeline_target(text, published))

        return pipeline
    raise ValueError(f"unknown target {target!r}")


TARGETS = [*FORMATS, "gzip", "clean", "times", "places", "pipeline"]
# The long profile's share of inputs per target (the parse makes places and the pipeline slow).
SHARE = {
    "text": 0.10, "html": 0.03, "jsonl": 0.10, "feed": 0.08, "warc": 0.12, "urls": 0.07, "gzip": 0.085,
    "clean": 0.17, "times": 0.20, "places": 0.01, "pipeline": 0.015,
}  # fmt: skip


def run_one(target: str, examples: int) -> dict[str, Any]:
    """Run one target in this process; the report's figures."""
    t0 = time.perf_counter()
    error = None
    try:
        build(target, examples)()
    except Exception:  # noqa: BLE001 - the report says what hypothesis found; the exit status fails
        error = traceback.format_exc(limit=30)
    seconds = time.perf_counter() - t0
    n = COUNTS.get(target, 0)
    return {
        "target": target,
        "inputs": n,
        "uncaught": 0 if error is None else 1,
        "seconds": round(seconds, 1),
        "ms_per_input": round(1000 * seconds / max(n, 1), 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "error": error,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--total", type=int, default=100_000, help="inputs over all targets (default 100,000)")
    parser.add_argument("--target", choices=TARGETS, help="run one target only, in this process")
    parser.add_argument("--examples", type=int, help="with --target: how many inputs")
    parser.add_argument("--jobs", type=int, default=2, help="targets run at once, one process each (default 2)")
    parser.add_argument("--json", type=Path, help="also write the report as JSON here")
    args = parser.parse_args()
    if args.target:
        print(json.dumps(run_one(args.target, args.examples or 100)))
        return 0
    plan = {t: max(1, round(args.total * SHARE[t] / sum(SHARE.values()))) for t in TARGETS}
    running: list[tuple[str, subprocess.Popen[str]]] = []
    reports: list[dict[str, Any]] = []
    queue = sorted(TARGETS, key=lambda t: -plan[t] * (20 if t in ("places", "pipeline") else 1))
    t0 = time.perf_counter()
    while queue or running:
        while queue and len(running) < max(1, args.jobs):
            t = queue.pop(0)
            cmd = [sys.executable, __file__, "--target", t, "--examples", str(plan[t])]
            running.append((t, subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)))
        time.sleep(0.5)
        for t, proc in list(running):
            if proc.poll() is None:
                continue
            running.remove((t, proc))
            out = (proc.stdout.read() if proc.stdout else "").strip().splitlines()
            report = json.loads(out[-1]) if out else {"target": t, "inputs": 0, "uncaught": 1, "error": "crashed"}
            reports.append(report)
            print(
                f"{report['target']:9} {report['inputs']:>7,} inputs  {report['uncaught']} uncaught  "
                f"{report.get('ms_per_input', 0):>7.2f} ms/input  peak RSS {report.get('peak_rss_mb', 0):>5} MB",
                flush=True,
            )
            if report.get("error"):
                print(report["error"], flush=True)
    total = sum(r["inputs"] for r in reports)
    uncaught = sum(r["uncaught"] for r in reports)
    wall = time.perf_counter() - t0
    print(f"total     {total:>7,} inputs  {uncaught} uncaught  {wall:.0f} s wall, {args.jobs} process(es) at once")
    if args.json:
        args.json.write_text(json.dumps({"total": total, "uncaught": uncaught, "wall_s": wall, "targets": reports}))
    return 1 if uncaught or total < args.total else 0


if __name__ == "__main__":
    sys.exit(main())
