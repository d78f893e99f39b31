"""Project-written inputs for the ingest tests: articles, HTML pages, feeds and WARC records.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import gzip
import uuid
from html import escape

from tidings.config import Settings
from tidings.errors import InputError
from tidings.model import Article
from tidings.readers import Reader

CITIES = ("Vilnius", "Tbilisi", "Chisinau", "Yerevan", "Riga", "Skopje", "Podgorica", "Tirana")


def story(n: int) -> tuple[str, str]:
    """A title and a three-paragraph English news story, different for each ``n``."""
    city = CITIES[n % len(CITIES)]
    title = f"Talks in {city} end without a deal on the border crossing ({n})"
    body = (
        f"Negotiators from the two governments met in {city} on Tuesday for a {n + 2}th round of talks "
        "about reopening the border crossing, but the meeting ended after five hours without an agreement, "
        "officials from both delegations said in the evening.\n\n"
        "The foreign ministry said the sides had agreed to meet again next month and that the technical "
        "committees would keep working on the customs rules in the meantime. Opposition lawmakers accused "
        "the government of giving away too much and called for a vote in parliament on any final text.\n\n"
        f"Hauliers who have waited for weeks at the closed crossing staged a protest outside the venue, "
        f"blocking a road for about an hour before police asked them to move. Their union said {n + 40} trucks "
        "were still stuck on the wrong side of the border."
    )
    return title, body


def html_page(n: int, *, url: str | None = None, author: str = "Mara Ionescu", date: str = "2024-03-05") -> str:
    """A news page with navigation, a related-links box and a footer around the story."""
    title, body = story(n)
    paras = "".join(f"<p>{escape(p)}</p>" for p in body.split("\n\n"))
    canonical = f'<link rel="canonical" href="{url}">' if url else ""
    return (
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8>"
        f"<title>{escape(title)} | The Daily Ledger</title>{canonical}"
        f'<meta name="author" content="{author}"><meta property="article:published_time" content="{date}T08:00:00Z">'
        '<meta property="og:site_name" content="The Daily Ledger"></head><body>'
        "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/sport'>Sport</a></nav>"
        f"<article><h1>{escape(title)}</h1>{paras}</article>"
        "<aside><h2>Related</h2><ul><li><a href='/x'>Markets rise on rate hopes</a></li>"
        "<li><a href='/y'>Storm closes schools</a></li></ul></aside>"
        "<footer>Copyright The Daily Ledger. All rights reserved.</footer></body></html>"
    )


def rss(items: list[tuple[str, str, str]]) -> str:
    """An RSS 2.0 feed of ``(title, link, html description)`` items."""
    entries = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(link)}</link>"
        f"<pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate><author>desk@example.org (News desk)</author>"
        f"<description>{escape(d)}</description></item>"
        for t, link, d in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>The Daily Ledger</title>'
        f"<link>https://example.org/</link><description>News</description>{entries}</channel></rss>"
    )


def atom(items: list[tuple[str, str, str]]) -> str:
    entries = "".join(
        f'<entry><title>{escape(t)}</title><link href="{escape(link)}"/><id>{escape(link)}</id>'
        f'<updated>2024-03-06T09:00:00Z</updated><content type="html">{escape(d)}</content></entry>'
        for t, link, d in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Ledger</title><id>urn:ledger</id><updated>2024-03-06T09:00:00Z</updated>{entries}</feed>"
    )


def warc_record(kind: str, uri: str, payload: bytes, content_type: str) -> bytes:
    """One gzip member holding one WARC/1.0 record."""
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\n"
        f"WARC-Date: 2024-03-05T10:00:00Z\r\nWARC-Target-URI: {uri}\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {len(payload)}\r\n\r\n"
    ).encode()
    return gzip.compress(head + payload + b"\r\n\r\n")


def http_response(body: bytes, *, status: str = "200 OK", content_type: str = "text/html; charset=utf-8") -> bytes:
    return (f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n").encode() + body


def response_record(uri: str, body: bytes, **kw: str) -> bytes:
    return warc_record("response", uri, http_response(body, **kw), "application/http; msgtype=response")


def read(settings: Settings, *inputs: str, **kw: object) -> tuple[list[Article], list[InputError]]:
    """Every article and every error the reader yields for ``inputs``."""
    reader = Reader(settings, **kw)  # type: ignore[arg-type]
    try:
        items = list(reader.read(list(inputs)))
    finally:
        reader.close()
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, InputError)]
