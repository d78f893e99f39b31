"""Main-text gold sets: the article-extraction benchmark's pages, as HTML files and as WARC records.

The WARC loader reads the records with the reader ``tidings process`` uses;
it is the one loader that imports tidings code (the readers package).
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tidings.eval.gold.common import check_split, require, take

# --------------------------------------------------------------------------- #
# main-text extraction: Scrapinghub article-extraction benchmark
# --------------------------------------------------------------------------- #


@dataclass(frozen=True, slots=True)
class ExtractItem:
    """A saved web page and the gold ``articleBody`` its main text should match."""

    id: str
    url: str
    html: str
    article_body: str


def load_extract(data_dir: Path, *, split: str | None = None, limit: int | None = None) -> list[ExtractItem]:
    """Load the 181 pages of ``extract/html/<key>.html.gz`` with ``extract/ground-truth.json``.

    Pages are decoded as UTF-8 (all 181 are) with replacement for stray bytes,
    as the benchmark's own extractors read them. Items are in key order.
    """
    check_split("extract", split, [None])
    base = Path(data_dir) / "extract"
    truth_path = require(base / "ground-truth.json")
    html_dir = require(base / "html")
    truth: dict[str, dict[str, str]] = json.loads(truth_path.read_text(encoding="utf-8"))

    def items() -> Iterator[ExtractItem]:
        for key in sorted(truth):
            page = require(html_dir / f"{key}.html.gz")
            with gzip.open(page, "rb") as fh:
                html = fh.read().decode("utf-8", errors="replace")
            yield ExtractItem(
                id=key,
                url=truth[key].get("url", ""),
                html=html,
                article_body=truth[key].get("articleBody", ""),
            )

    return take(items(), limit)


# --------------------------------------------------------------------------- #
# WARC ingest: the extract pages as WARC records
# --------------------------------------------------------------------------- #


@dataclass(frozen=True, slots=True)
class WarcItem:
    """One HTML record of a WARC file, as tidings' WARC reader hands it on, and its gold ``articleBody``.

    ``body`` is the record's payload decoded as latin-1 (a lossless byte-for-byte
    mapping) so that the item stays plain JSON for the gate's digest; ``error``
    is the reader's message when the record could not be read.
    """

    id: str
    url: str
    body: str
    charset: str | None
    article_body: str
    error: str | None = None


WARC_FILES: dict[str | None, str] = {None: "synthetic-news-aeb181.warc.gz"}


def load_warc(data_dir: Path, *, split: str | None = None, limit: int | None = None) -> list[WarcItem]:
    """The HTML records of ``warc/synthetic-news-aeb181.warc.gz`` with the gold of ``extract/ground-truth.json``.

    Records are read by :func:`tidings.readers.warc.warc_pages`, the reader
    ``tidings process`` uses, and matched to the gold by their WARC-Target-URI.
    Items are in file order.
    """
    from tidings.config import load_settings
    from tidings.errors import InputError
    from tidings.readers.warc import warc_pages

    check_split("warc", split, WARC_FILES)
    path = require(Path(data_dir) / "warc" / WARC_FILES[split])
    truth_path = require(Path(data_dir) / "extract" / "ground-truth.json")
    truth: dict[str, dict[str, str]] = json.loads(truth_path.read_text(encoding="utf-8"))
    gold = {v.get("url", ""): v.get("articleBody", "") for v in truth.values()}

    def items() -> Iterator[WarcItem]:
        for n, page in enumerate(warc_pages(str(path), str(path), load_settings()), 1):
            if isinstance(page, InputError):
                yield WarcItem(id=f"record-{n}", url="", body="", charset=None, article_body="", error=str(page))
                continue
            url = page.uri or ""
            if url not in gold:
                continue  # a record with no gold page cannot be scored
            yield WarcItem(
                id=url, url=url, body=page.body.decode("latin-1"), charset=page.charset, article_body=gold[url]
            )

    return take(items(), limit)
