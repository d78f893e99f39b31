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

    result = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
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
