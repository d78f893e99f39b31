"""tidings: English news articles -> structured political event data.

Who did what to whom, when, where, and who said what, every field traced to
its characters in the cleaned text.

>>> import tidings
>>> article = tidings.process_text("Police detained dozens of protesters in Minsk on Saturday.", date="2020-08-16")
>>> [(e.cameo, e.date) for e in article.events]  # doctest: +SKIP
[('173', '2020-08-15')]

A batch (files, directories, URLs, ready articles) goes through :func:`run`
into a sink (:mod:`tidings.sinks`):

>>> from tidings.sinks import SQLiteSink
>>> summary = tidings.run(["news/"], sink=SQLiteSink("news.db"))  # doctest: +SKIP

and :func:`open` reads the store back as pandas DataFrames (``pip install 'tidings[export]'``):

>>> tidings.open("news.db").events(country="BLR")  # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tidings.model import Actor, ActorRef, Article, Event, Place, Quote, Sentence, Span, TimeExpr
from tidings.version import __version__

if TYPE_CHECKING:
    from tidings.runner import run

__all__ = [
    "Actor",
    "ActorRef",
    "Article",
    "Event",
    "Place",
    "Quote",
    "Sentence",
    "Span",
    "TimeExpr",
    "__version__",
    "process_text",
    "run",
]


def process_text(
    text: str,
    *,
    date: str | None = None,
    title: str | None = None,
    url: str | None = None,
    id: str | None = None,
    min_confidence: float | None = None,
) -> Article:
    """Run the whole pipeline on one text and return the article record.

    ``date`` (YYYY-MM-DD) is the publication date that relative dates resolve
    against. The spaCy model is loaded on the first call and kept. Events scored
    below the settings' ``[events] min_confidence`` are left out unless
    ``min_confidence`` says otherwise (``min_confidence=0``: every candidate the
    coder proposed, as ``tidings process --all``).
    """
    from tidings.errors import TidingsError
    from tidings.pipeline import default_pipeline
    from tidings.readers import article_id, valid_date

    published = valid_date(date, "date")
    article = Article(raw=text, id=id or article_id(text, url), published=published, title=title, url=url)
    result = default_pipeline(min_confidence)(article)
    if not isinstance(result, Article):  # pragma: no cover - the pipeline returns articles
        raise TidingsError("T099", "pipeline returned no article")
    return result


def __getattr__(name: str) -> Any:
    # ``tidings.run`` is the runner's own function, imported on first use: ``import tidings``
    # stays cheap for a caller that only wants the data model.
    if name == "run":
        from tidings.runner import run

        return run
    if name == "open":  # tidings.open(db): the store as pandas DataFrames (tidings.exports.frames)
        from tidings.exports import open_store

        return open_store
    raise AttributeError(f"module 'tidings' has no attribute {name!r}")
