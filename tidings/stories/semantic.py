"""Semantic similarity of articles: one unit vector per article's headline and lede.

The shipped measure is the sentence-embedding model of :mod:`tidings.embed`
(all-MiniLM-L6-v2 run in numpy, loaded once per process); a dot product of two
rows is their cosine. Where the model is not installed, or ``[stories]
similarity = "lexical"``, the vectors are hashed content-word counts
(:func:`tidings.stories.text.lexical_vectors`), with thresholds of their own;
a store records which kind made each vector and never compares two kinds.

Example::

    sim = Similarity.from_name("model")
    v = sim.encode(["Putin and Erdogan meet in Sochi", "Erdogan, Putin hold talks in Sochi"])
    float(v[0] @ v[1])
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from tidings.errors import TidingsError
from tidings.stories.text import lexical_vectors

#: A function from texts to an (n, d) array of unit rows.
Encode = Callable[[Sequence[str]], np.ndarray]


@dataclass(frozen=True)
class Similarity:
    """How article vectors are made: ``kind`` names it in the store, ``encode`` makes them."""

    kind: str
    encode: Encode

    @classmethod
    def lexical(cls) -> Similarity:
        return cls("lexical", lambda texts: lexical_vectors(list(texts)))

    @classmethod
    def model(cls) -> Similarity:
        """The sentence-embedding model; ``[T021]`` (from tidings.embed) when it is not installed."""
        from tidings.embed import get_embedder

        embedder = get_embedder()

        def encode(texts: Sequence[str]) -> np.ndarray:
            return np.asarray(embedder.encode(list(texts)), dtype=np.float32)

        return cls("model", encode)

    @classmethod
    def from_name(cls, name: str) -> Similarity:
        """``"model"`` (falling back to lexical, with a warning, when the model is missing) or ``"lexical"``."""
        if name == "lexical":
            return cls.lexical()
        try:
            return cls.model()
        except (TidingsError, ImportError) as exc:
            warnings.warn(
                f"stories: sentence-embedding model unavailable ({exc}); using lexical similarity",
                RuntimeWarning,
                stacklevel=2,
            )
            return cls.lexical()


def to_blob(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=np.float32).tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype=np.float32)
