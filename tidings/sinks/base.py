"""The base of every sink: where a run's articles and failures go.

A sink is opened once, written one article (or failure) at a time, and closed
once, all by :func:`tidings.runner.run` (whose :class:`~tidings.runner.Sink`
protocol says what it needs). It may also say what it already
holds, so that a re-run skips stored articles and stored URLs. Subclass
:class:`BaseSink` and write :meth:`BaseSink.write`; the rest has sensible defaults.

Example::

    class Count(BaseSink):
        def __init__(self):
            self.events = 0
        def write(self, article):
            self.events += len(article.events)
"""

from __future__ import annotations

from types import TracebackType

from tidings.model import Article


class BaseSink:
    """Receives the articles and failures of a run. ``write`` is the one method a sink must have."""

    def open(self) -> None:
        """Called once before the first write."""

    def has_article(self, article_id: str) -> bool:
        """True when an article with this id is held already (a re-run skips it)."""
        return False

    def has_url(self, url: str) -> bool:
        """True when an article read from (or published at) this URL is held (no need to download it)."""
        return False

    def write(self, article: Article) -> None:
        """Keep one processed article; all of it or, on an exception, none of it."""
        raise NotImplementedError

    def write_failure(self, input_name: str, message: str) -> None:
        """Keep the one-line coded reason an input or article failed."""

    def close(self) -> None:
        """Called once after the last write, also when the run stops on an error."""

    def __enter__(self) -> BaseSink:
        self.open()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()
