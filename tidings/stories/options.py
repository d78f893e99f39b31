"""The settings of the cross-article layer: ``[stories]`` of ``tidings/data/defaults.toml``.

Example::

    opts = Options.from_settings(load_settings())
    opts.window_days            # 2
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from tidings.config import Settings, load_settings
from tidings.errors import TidingsError


@dataclass(frozen=True)
class Options:
    """How articles join stories and event mentions join global events."""

    enabled: bool = True
    #: "model" (the sentence-embedding model of tidings.embed) or "lexical" (hashed content words).
    similarity: str = "model"
    #: Articles of one story are published within this many days of one of its articles.
    window_days: int = 2
    #: Cosine of headline-and-lede vectors at which an article joins a story on similarity alone.
    model_join: float = 0.6
    #: Cosine below which nothing joins an article to a story (topic gate for shared events).
    model_floor: float = 0.45
    #: The same two thresholds when the vectors are hashed content words (no model installed).
    lexical_join: float = 0.5
    lexical_floor: float = 0.2
    #: Events told at this confidence or more say what an article and a story lead with.
    key_confidence: float = 0.5
    #: Estimated Jaccard similarity of the bodies' word 5-shingles at which an article is a copy.
    near_duplicate: float = 0.6
    #: A body needs this many shingles to be compared as a copy (a one-line brief is not).
    min_shingles: int = 12
    #: An event dated only by its article's publication day happened up to this many days before it.
    lookback_days: int = 1
    #: Two places told in the events' own clauses farther apart than this are different places.
    place_km: float = 50.0

    def __post_init__(self) -> None:
        if self.similarity not in ("model", "lexical"):
            raise TidingsError("T010", f"[stories] similarity must be 'model' or 'lexical', not {self.similarity!r}")
        for name in ("window_days", "lookback_days", "min_shingles"):
            if int(getattr(self, name)) < 0:
                raise TidingsError("T010", f"[stories] {name} must be 0 or more")
        for name in ("model_join", "model_floor", "lexical_join", "lexical_floor", "near_duplicate", "key_confidence"):
            if not 0.0 <= float(getattr(self, name)) <= 1.0:
                raise TidingsError("T010", f"[stories] {name} must be between 0 and 1")

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> Options:
        """The ``[stories]`` section of the settings (packaged defaults with the user's file over them)."""
        section: dict[str, Any] = (settings or load_settings()).section("stories")
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in section.items() if k in names})

    def thresholds(self, kind: str) -> tuple[float, float]:
        """(join, floor) for vectors of this kind."""
        if kind == "model":
            return self.model_join, self.model_floor
        return self.lexical_join, self.lexical_floor
