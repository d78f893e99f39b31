"""Readers: inputs into articles, refusing bad ones with a one-line reason.

An input is a file, a directory (read recursively), ``-`` for stdin, or an
``http(s)://`` URL. What a file holds is decided by its first bytes, with the
extension as a tie-breaker, so a saved page called ``story.txt`` is still read
as HTML and a gzip file of any kind is opened transparently. Each format is a
module of this package, found by :mod:`~tidings.readers.registry`:

- ``text``: plain text (``.txt``);
- ``html``: HTML pages (``.html``/``.htm``: main text and metadata by trafilatura);
- ``jsonl``: one ``{"id", "text", "date", "title", "url"}`` record per line;
- ``feed``: RSS/Atom (items become articles; ``fetch=True`` downloads each item's page);
- ``warc``: WARC files (``.warc``/``.warc.gz``/WET: HTML responses and text conversions);
- ``urls``: a file of URLs, one a line (downloaded, then read by what they turn out to be).

Every problem (empty, binary, not UTF-8, too large, not English, a malformed
record, a truncated archive, a failed download) becomes an
:class:`~tidings.errors.InputError` naming the input; the caller reports it
and goes on with the rest. Everything streams: a 10 GB WARC or a JSONL of
100,000 articles is read one record at a time.
"""

from __future__ import annotations

from tidings.readers.common import (
    Source,
    article_id,
    canonical_url,
    check_text,
    decode,
    english_share,
    looks_english,
    valid_date,
)
from tidings.readers.jsonl import read_jsonl
from tidings.readers.reader import Reader, read_inputs, read_txt
from tidings.readers.registry import formats, register, sniff, unregister

__all__ = [
    "Reader",
    "Source",
    "article_id",
    "canonical_url",
    "check_text",
    "decode",
    "english_share",
    "formats",
    "looks_english",
    "read_inputs",
    "read_jsonl",
    "read_txt",
    "register",
    "sniff",
    "unregister",
    "valid_date",
]
