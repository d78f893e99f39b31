"""RSS and Atom feeds (feedparser): each item becomes an article.

Without ``--fetch`` an item's text is what the feed carries (its full
``content`` when there is one, else its summary), which is often a teaser too
short to pass the ingest checks. With ``--fetch`` each item's page is
downloaded and read like any other HTML page; the item's own title, date and
author fill what the page lacks.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import BinaryIO

from tidings.config import Settings
from tidings.errors import InputError
from tidings.model import Article
from tidings.readers.common import Source, article_id, check_text, lead, read_capped

NAME = "feed"
PRIORITY = 30  # before HTML: both open with "<"

FEED_MARKERS = (b"<rss", b"<feed", b"<rdf:rdf", b"<channel")
_BLOCK_END = re.compile(r"(?i)<\s*(?:br\s*/?|/p|/div|/li|/h[1-6]|/blockquote|/tr)\s*>")
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True, slots=True)
class FeedItem:
    link: str | None
    title: str | None
    published: str | None
    author: str | None
    text: str


def html_to_text(fragment: str) -> str:
    """An HTML fragment (a feed item's content) as paragraphs of plain text."""
    text = _BLOCK_END.sub("\n\n", fragment)
    text = html.unescape(_TAG.sub("", text))
    paras = (" ".join(p.split()) for p in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paras if p)


def detect(head: bytes, name: str) -> bool:
    """Markup that opens like RSS/Atom (not an HTML page), or a file called ``*.rss``/``*.atom``."""
    start = lead(head)
    if start.startswith(b"<"):
        first = start[:2048].lower()
        return looks_like_feed(first) and b"<html" not in first
    return name.lower().removesuffix(".gz").endswith((".rss", ".atom"))


def read(stream: BinaryIO, source: Source) -> Iterator[Article | InputError]:
    data = read_capped(stream, source.settings.max_html_bytes, source.where, what="feed")
    downloads = source.downloads
    pages = downloads.pages if downloads is not None and downloads.fetch_pages else None
    yield from feed_articles(data, source.where, source.settings, published=source.published, fetch_pages=pages)


def looks_like_feed(head: bytes) -> bool:
    low = head[:2048].lower()
    return any(m in low for m in FEED_MARKERS)


# A document type that declares entities: the way to a "billion laughs" expansion or an external
# entity (file:///etc/passwd). No news feed needs one; such a feed is refused unparsed.
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)


def parse_feed(data: bytes, where: str) -> list[FeedItem]:
    """The items of an RSS/Atom document; T062 when it is no feed at all, T096 when it declares entities."""
    import feedparser

    if _DOCTYPE.search(data) and _ENTITY.search(data):
        raise InputError("T096", f"{where}: the feed declares XML entities (entity expansion or external entities)")
    parsed = feedparser.parse(data)
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        detail = f" ({type(reason).__name__}: {reason})" if reason else ""
        raise InputError("T062", f"{where}: not a readable RSS or Atom feed{detail}")
    items: list[FeedItem] = []
    for entry in parsed.entries:
        body = ""
        for content in entry.get("content") or []:
            value = content.get("value") or ""
            if len(value) > len(body):
                body = value
        summary = entry.get("summary") or ""
        if len(summary) > len(body):
            body = summary
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        day = date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday).isoformat() if stamp else None
        link = entry.get("link")
        items.append(
            FeedItem(
                link=link if isinstance(link, str) and link else None,
                title=entry.get("title") or None,
                published=day,
                author=entry.get("author") or None,
                text=html_to_text(body),
            )
        )
    return items


def feed_articles(
    data: bytes,
    where: str,
    settings: Settings,
    *,
    published: str | None = None,
    fetch_pages: Callable[[list[str]], Iterator[tuple[str, Article | InputError]]] | None = None,
) -> Iterator[Article | InputError]:
    """Articles of a feed: from the items' own text, or (``fetch_pages``) from each item's page."""
    items = parse_feed(data, where)
    if not items:
        yield InputError("T062", f"{where}: the feed has no items")
        return
    if fetch_pages is not None:
        by_link = {i.link: i for i in items if i.link}
        for missing in (i for i in items if not i.link):
            yield InputError("T062", f"{where}: item {missing.title or '(untitled)'!r} has no link to fetch")
        for link, result in fetch_pages(list(by_link)):
            item = by_link[link]
            if isinstance(result, Article):
                result = replace(
                    result,
                    title=result.title or item.title,
                    published=result.published or item.published or published,
                    author=result.author or item.author,
                    input=where,
                )
            yield result
        return
    for n, item in enumerate(items, 1):
        here = f"{where} item {n}" + (f" <{item.link}>" if item.link else "")
        try:
            check_text(item.text, here, settings)
        except InputError as exc:
            yield exc
            continue
        yield Article(
            raw=item.text,
            id=article_id(item.text, item.link),
            published=item.published or published,
            title=item.title,
            url=item.link,
            author=item.author,
            input=where,
        )
