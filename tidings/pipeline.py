"""The pipeline: stages in order, each declaring what it reads and what it writes.

Stages are registered by name with :func:`stage`; a factory takes the stage's
own section of the settings (``[places]`` for ``places``, as a spaCy component
takes its config block) and returns a callable ``(Article, Context) -> Article``
with ``requires`` and ``assigns``: the article fields (and ``doc``, the parse
in the :class:`~tidings.model.Context`) it reads and every one it writes.
:class:`Pipeline` checks the order once, at construction, so a stage that reads
``times`` before the time stage has run fails loudly.

The order differs from the reading order of the README's diagram in one way:
places and times run before actors and events, because an event takes the
date and place of its own clause and an agent with no country clue takes the
country of the place it acts in.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from tidings.config import Settings, load_settings
from tidings.errors import TidingsError
from tidings.model import Article, Context

INPUT_FIELDS = ("raw", "published", "title", "url", "id", "source", "author", "input")
DEFAULT_STAGES = ("clean", "nlp", "places", "times", "actors", "events", "quotes")

Config = Mapping[str, Any]


class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, article: Article, ctx: Context) -> Article: ...


FACTORIES: dict[str, Callable[[Config], Stage]] = {}


def stage(name: str) -> Callable[[Callable[[Config], Stage]], Callable[[Config], Stage]]:
    """Register a stage factory under ``name``; it is called with the settings' ``[name]`` section."""

    def register(factory: Callable[[Config], Stage]) -> Callable[[Config], Stage]:
        FACTORIES[name] = factory
        return factory

    return register


@stage("clean")
def _clean(config: Config) -> Stage:
    from tidings.clean import Cleaner

    return Cleaner(**config)


@stage("nlp")
def _nlp(config: Config) -> Stage:
    from tidings.nlp import Parser

    return Parser(**config)


@stage("places")
def _places(config: Config) -> Stage:
    from tidings.places import Geoparser

    return Geoparser(min_population=config["city_min_population"])


@stage("times")
def _times(config: Config) -> Stage:
    from tidings.times import TimeTagger

    return TimeTagger(**config)


@stage("actors")
def _actors(config: Config) -> Stage:
    from tidings.actors import ActorResolver

    return ActorResolver(**config)


@stage("events")
def _events(config: Config) -> Stage:
    from tidings.events import EventCoder

    return EventCoder(**config)


@stage("quotes")
def _quotes(config: Config) -> Stage:
    from tidings.quotes import QuoteFinder

    return QuoteFinder(**config)


@dataclass
class Failure:
    """An input or article that could not be processed, with a one-line reason."""

    input: str
    message: str


class Pipeline:
    def __init__(self, settings: Settings | None = None, *, stages: Iterable[str] = DEFAULT_STAGES) -> None:
        self.settings = settings or load_settings()
        names = list(stages)
        unknown = [n for n in names if n not in FACTORIES]
        if unknown:
            raise TidingsError("T013", f"unknown stage(s): {', '.join(unknown)}")
        self.stages: list[Stage] = [FACTORIES[n](self.settings.section(n)) for n in names]
        available = set(INPUT_FIELDS)
        for s in self.stages:
            missing = [r for r in s.requires if r not in available]
            if missing:
                raise TidingsError("T014", f"stage {s.name!r} needs {', '.join(missing)}, set by no earlier stage")
            available.update(s.assigns)

    def __call__(self, article: Article) -> Article:
        """Run every stage on one article and return it (the parse is dropped)."""
        return self.apply(article)[0]

    def apply(self, article: Article, ctx: Context | None = None) -> tuple[Article, Context]:
        """Run every stage on one article; the context keeps what the stages shared (the parse).

        Example::

            article, ctx = Pipeline(stages=["clean", "nlp"]).apply(Article(raw=text))
            ctx.doc.ents
        """
        ctx = ctx if ctx is not None else Context()
        for s in self.stages:
            article = s(article, ctx)
        return article, ctx

    def pipe(
        self, articles: Iterable[Article], *, batch_size: int | None = None, n_process: int = 1
    ) -> Iterator[Article | Failure]:
        """Process a stream of articles, yielding results in input order.

        The parse is one streaming ``nlp.pipe`` (batches of ``batch_size``,
        ``n_process`` worker processes), so memory stays flat however long the
        stream. An article whose processing raises is yielded as a
        :class:`Failure` in its own place; the others go on. The parse of each
        article is dropped once its stages have run.
        """
        for result in self.pipe_with_context(articles, batch_size=batch_size, n_process=n_process):
            yield result if isinstance(result, Failure) else result[0]

    def pipe_with_context(
        self, articles: Iterable[Article], *, batch_size: int | None = None, n_process: int = 1
    ) -> Iterator[tuple[Article, Context] | Failure]:
        """As :meth:`pipe`, each article with its context (for callers that read the parse)."""
        names = [s.name for s in self.stages]
        if "nlp" not in names:
            for article in articles:
                yield self._safe((article, Context()), self.stages)
            return
        cut = names.index("nlp")
        before, parser, after = self.stages[:cut], self.stages[cut], self.stages[cut + 1 :]
        # The parser reads ahead; failures wait here with their position until the
        # articles before them have come out of the parse.
        waiting: deque[tuple[int, Failure]] = deque()
        order: deque[int] = deque()

        def ready() -> Iterator[tuple[Article, Context]]:
            for seq, article in enumerate(articles):
                result = self._safe((article, Context()), before)
                if isinstance(result, Failure):
                    waiting.append((seq, result))
                else:
                    order.append(seq)
                    yield result

        pipe = getattr(parser, "pipe", None)
        parsed: Iterable[tuple[Article, Context]] = (
            pipe(ready(), batch_size=batch_size, n_process=n_process)
            if pipe is not None
            else ((parser(a, c), c) for a, c in ready())
        )
        for item in parsed:
            seq = order.popleft()
            while waiting and waiting[0][0] < seq:
                yield waiting.popleft()[1]
            yield self._safe(item, after)
        while waiting:
            yield waiting.popleft()[1]

    @staticmethod
    def _safe(item: tuple[Article, Context], stages: list[Stage]) -> tuple[Article, Context] | Failure:
        article, ctx = item
        try:
            for s in stages:
                article = s(article, ctx)
        except TidingsError as exc:
            return Failure(article.input or article.id, str(exc))
        except (ValueError, KeyError, IndexError, TypeError, AttributeError, RecursionError) as exc:
            # A bug on one article must not sink a batch of thousands: report it and go on.
            return Failure(
                article.input or article.id, f"[T099] internal error in pipeline: {type(exc).__name__}: {exc}"
            )
        return article, ctx


_DEFAULTS: dict[float | None, Pipeline] = {}


def default_pipeline(min_confidence: float | None = None) -> Pipeline:
    """One pipeline per process (the spaCy model and tables are loaded once); with
    ``min_confidence``, one whose events stage outputs events scored at least that instead
    of the settings' ``[events] min_confidence`` (0: every candidate)."""
    if min_confidence not in _DEFAULTS:
        settings = load_settings()
        if min_confidence is not None:
            settings = settings.with_section("events", min_confidence=min_confidence)
        _DEFAULTS[min_confidence] = Pipeline(settings)
    return _DEFAULTS[min_confidence]
