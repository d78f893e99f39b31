"""HTML pages -> article text and metadata, with trafilatura.

The main text is what a reader of the page sees as the article: no
navigation, no related links, no comments. Metadata (title, author, date,
site name, canonical URL) come from the page's own markup. A later issue
(10) builds the readers for feeds, WARC files and URLs on this function.
"""

from __future__ import annotations

from dataclasses import dataclass

from tidings.errors import InputError


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

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    if doc is None:
        raise InputError("T006", f"{where}: no article text found in the HTML")
    text = (doc.text or "").strip()
    if not text:
        raise InputError("T006", f"{where}: no article text found in the HTML")
    date = doc.date[:10] if isinstance(doc.date, str) and len(doc.date) >= 10 else None
    return Page(text=text, title=doc.title, author=doc.author, date=date, site=doc.sitename, url=doc.url or url)
