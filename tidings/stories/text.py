"""What the story layer reads of an article's text: its body, its lead, near-duplicate signatures.

- :func:`body` is the text without the headline paragraph (a syndicated copy changes the title,
  not the body); :func:`lead` the headline and first paragraph (what similarity compares).
- :class:`MinHash` turns a body's word 5-shingles into 128 minimum hashes; the share of equal
  positions estimates the Jaccard similarity of two bodies, and 32 bands of 4 hashes are the
  LSH buckets that find candidate copies without comparing every pair.
- :func:`lexical_vectors` is the similarity used where the sentence-embedding model is not
  installed (and by tests): hashed content-word counts, unit length.

Example::

    mh = MinHash()
    a, b = mh.signature(shingles(body(text1, title1))), mh.signature(shingles(body(text2, title2)))
    MinHash.jaccard(a, b)          # about 1.0 for a copy, about 0.0 for two write-ups
"""

from __future__ import annotations

import hashlib
import re
import zlib
from urllib.parse import urlsplit

import numpy as np

WORD = re.compile(r"\w+", re.UNICODE)
#: Characters of the lead that similarity reads (the model reads 256 word pieces at most).
LEAD_CHARS = 1200
_PRIME = (1 << 61) - 1
_MASK = (1 << 32) - 1
#: Function words left out of lexical vectors (closed-class: they say nothing about the news).
_FUNCTION_WORDS = """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself no nor not now of off on once only or other our ours ourselves out over own said same
    says she should so some such than that the their theirs them themselves then there these they this
    those through to too under until up very was we were what when where which while who whom why will
    with would you your yours yourself yourselves"""
STOPWORDS = frozenset(_FUNCTION_WORDS.split())


def body(text: str, title: str | None) -> str:
    """The text after its headline paragraph (the cleaner opens the text with the title)."""
    t = (title or "").strip()
    if t and text.startswith(t):
        return text[len(t) :].lstrip()
    return text


def lead(text: str, title: str | None) -> str:
    """The headline and the first paragraph after it, at most :data:`LEAD_CHARS` characters."""
    rest = body(text, title)
    first = next((p.strip() for p in rest.split("\n\n") if p.strip()), "")
    head = (title or "").strip()
    return (f"{head}\n\n{first}" if head else first)[:LEAD_CHARS]


def lead_end(text: str, title: str | None) -> int:
    """The offset in ``text`` where the lead (headline and first paragraph) ends."""
    t = (title or "").strip()
    start = 0
    if t and text.startswith(t):
        start = len(t)
        while start < len(text) and text[start] in "\n \t":
            start += 1
    end = text.find("\n\n", start)
    return len(text) if end < 0 else end


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def shingles(text: str, k: int = 5) -> set[int]:
    """32-bit hashes of the text's runs of ``k`` words (the whole text when it is shorter)."""
    w = words(text)
    if not w:
        return set()
    if len(w) < k:
        return {zlib.crc32(" ".join(w).encode("utf-8"))}
    return {zlib.crc32(" ".join(w[i : i + k]).encode("utf-8")) for i in range(len(w) - k + 1)}


class MinHash:
    """MinHash signatures over 32-bit shingle hashes, with LSH bands (``bands`` x ``rows`` = ``num_perm``)."""

    def __init__(self, num_perm: int = 128, bands: int = 32, seed: int = 19) -> None:
        if num_perm % bands:
            raise ValueError("num_perm must be a multiple of bands")
        rng = np.random.default_rng(seed)
        self.num_perm, self.bands, self.rows = num_perm, bands, num_perm // bands
        self._a = rng.integers(1, _MASK, size=num_perm, dtype=np.uint64)
        self._b = rng.integers(0, _MASK, size=num_perm, dtype=np.uint64)

    def signature(self, hashes: set[int]) -> np.ndarray:
        """The ``num_perm`` minima of ``(a * x + b) mod (2^61 - 1)``, as uint32 (all ones for no shingles)."""
        if not hashes:
            return np.full(self.num_perm, _MASK, dtype=np.uint32)
        x = np.fromiter(hashes, dtype=np.uint64, count=len(hashes))
        # a, x < 2^32, so a * x + b < 2^64: no overflow before the modulus.
        values = (np.outer(self._a, x) + self._b[:, None]) % np.uint64(_PRIME)
        return (values.min(axis=1) & np.uint64(_MASK)).astype(np.uint32)

    def buckets(self, signature: np.ndarray) -> list[tuple[int, int]]:
        """(band, bucket) for each band: two signatures that share one are candidate copies."""
        out = []
        for band in range(self.bands):
            chunk = signature[band * self.rows : (band + 1) * self.rows].tobytes()
            digest = hashlib.blake2b(chunk, digest_size=8).digest()
            out.append((band, int.from_bytes(digest, "big", signed=True)))
        return out

    @staticmethod
    def jaccard(a: np.ndarray, b: np.ndarray) -> float:
        """The estimated Jaccard similarity of the two shingle sets."""
        return float(np.mean(a == b))


def lexical_vectors(texts: list[str], dim: int = 512) -> np.ndarray:
    """Hashed counts of content words (log-scaled), one unit-length row per text."""
    out = np.zeros((len(texts), dim), dtype=np.float32)
    for i, text in enumerate(texts):
        for w in words(text):
            if len(w) > 2 and w not in STOPWORDS and not w.isdigit():
                out[i, zlib.crc32(w.encode("utf-8")) % dim] += 1.0
    out = np.log1p(out)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.where(norms == 0, 1.0, norms)


def source_key(source: str | None, url: str | None, article_id: str) -> str:
    """Who published an article: its source, else its URL's host, else the article itself.

    The same rule as the exports' ``source_key``, so that ``num_sources`` agrees everywhere.
    """
    if source:
        return source
    if url:
        return urlsplit(url).netloc.lower() or url
    return article_id
