"""HTML pages -> article text and metadata, with trafilatura.

The main text is what a reader of the page sees as the article: no
navigation, no related links, no comments. Metadata (title, author, date,
site name, canonical URL) come from the page's own markup. Saved pages, WARC
records, downloads and fetched feed items all go through :func:`page_article`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from tidings.config import Settings
from tidings.errors import InputError
from tidings.model import Article
from tidings.readers.common import Source, article_id, check_text, lead, read_capped

NAME = "html"
PRIORITY = 40  # after feeds (which also open with "<") and URL lists

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def detect(head: bytes, name: str) -> bool:
    """Markup ("<" first), or a file called ``*.html`` with markup in its head."""
    return lead(head).startswith(b"<") or (
        name.lower().removesuffix(".gz").endswith((".html", ".htm", ".xhtml")) and b"<" in head
    )


def read(stream: BinaryIO, source: Source) -> Iterator[Article | InputError]:
    s, where = source.settings, source.where
    if source.size is not None and source.size > s.max_html_bytes:
        raise InputError("T004", f"{where}: page too large ({source.size:,} bytes; the limit is {s.max_html_bytes:,})")
    data = read_capped(stream, s.max_html_bytes, where, what="page")
    yield page_article(data, where, s, published=source.published)


@dataclass(frozen=True, slots=True)
class Page:
    text: str
    title: str | None
    author: str | None
    date: str | None  # YYYY-MM-DD
    site: str | None
    url: str | None


def extract_html(html: str, *, url: str | None = None, where: str = "html") -> Page:
    """The main text and metadata of an HTML page; InputError when it has no readable text."""
    import trafilatura  # imported here: only HTML inputs need it, and it costs ~0.3 s to load

    try:
        result = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    except Exception as exc:
        # One malformed page fails, never the batch.
        raise InputError("T006", f"{where}: unreadable HTML ({type(exc).__name__}: {exc})") from exc
    if result is None:
        raise InputError("T006", f"{where}: no article text found in the HTML")
    doc = result if isinstance(result, dict) else result.as_dict()
    text = (doc.get("text") or "").strip()
    if not text:
        raise InputError("T006", f"{where}: no article text found in the HTML")
    raw_date = doc.get("date")
    date = raw_date[:10] if isinstance(raw_date, str) and len(raw_date) >= 10 else None
    return Page(
        text=text,
        title=doc.get("title"),
        author=doc.get("author"),
        date=date,
        site=doc.get("sitename"),
        url=doc.get("url") or url,
    )


def decode_html(data: bytes, where: str, charset: str | None = None) -> str:
    """Bytes of a page -> text: the declared charset (HTTP, then <meta>), else UTF-8, else cp1252.

    Binary data (an image or archive served as a page) is refused with T002.
    """
    sample = data[:8192]
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    if b"\x00" in sample or controls > len(sample) * 0.05:
        raise InputError("T002", f"{where}: binary data, not an HTML page")
    candidates = [charset] if charset else []
    m = _META_CHARSET.search(data[:4096])
    if m:
        candidates.append(m.group(1).decode("ascii", "replace"))
    for name in [*candidates, "utf-8"]:
        try:
            return data.decode(name.strip().lower().replace("utf8", "utf-8"))
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("cp1252", errors="replace")


def page_article(
    data: bytes,
    where: str,
    settings: Settings,
    *,
    url: str | None = None,
    charset: str | None = None,
    published: str | None = None,
    input_name: str | None = None,
) -> Article:
    """An article from the bytes of an HTML page.

    ``url`` is the address the page came from (a download, a WARC record's
    target); the article's id comes from the page's canonical URL when it
    declares one, else from ``url``, else from its text, so the same story
    read from a WARC and from the web is stored once.
    """
    if len(data) > settings.max_html_bytes:
        raise InputError(
            "T004", f"{where}: page too large ({len(data):,} bytes; the limit is {settings.max_html_bytes:,})"
        )
    if not data.strip():
        raise InputError("T001", f"{where}: empty input")
    page = extract_html(decode_html(data, where, charset), url=url, where=where)
    if len(page.text.encode("utf-8")) > settings.max_bytes:
        raise InputError("T004", f"{where}: article text too large (limit {settings.max_bytes:,} bytes)")
    check_text(page.text, where, settings)
    canonical = page.url if page.url and page.url.startswith(("http://", "https://")) else None
    return Article(
        raw=page.text,
        id=article_id(page.text, canonical or url),
        published=page.date or published,
        title=page.title,
        url=url or canonical,
        source=page.site,
        author=page.author,
        input=input_name or where,
    )
