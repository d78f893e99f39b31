"""The pipeline: stages in order, each declaring what it needs and what it sets.

Stages are registered by name with :func:`stage`; a factory takes the
settings and returns a callable ``Article -> Article`` with ``requires`` and
``assigns``. :class:`Pipeline` checks the order once, at construction, so a
stage that reads ``times`` before the time stage has run fails loudly.

The order differs from the reading order of the README's diagram in one way:
places and times run before actors and events, because an event takes the
date and place of its own clause and an agent with no country clue takes the
country of the place it acts in.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from tidings.config import Settings, load_settings
from tidings.errors import TidingsError
from tidings.model import Article

INPUT_FIELDS = ("raw", "published", "title", "url", "id")
DEFAULT_STAGES = ("clean", "nlp", "places", "times", "actors", "events", "quotes")


class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, article: Article) -> Article: ...


FACTORIES: dict[str, Callable[[Settings], Stage]] = {}


def stage(name: str) -> Callable[[Callable[[Settings], Stage]], Callable[[Settings], Stage]]:
    """Register a stage factory under ``name``."""

    def register(factory: Callable[[Settings], Stage]) -> Callable[[Settings], Stage]:
        FACTORIES[name] = factory
        return factory

    return register


@stage("clean")
def _clean(settings: Settings) -> Stage:
    from tidings.clean import Cleaner

    return Cleaner()


@stage("nlp")
def _nlp(settings: Settings) -> Stage:
    from tidings.nlp import Parser

    return Parser(model=settings.model, batch_size=settings.batch_size)


@stage("places")
def _places(settings: Settings) -> Stage:
    from tidings.places import Geoparser

    return Geoparser(min_population=settings.city_min_population)


@stage("times")
def _times(settings: Settings) -> Stage:
    from tidings.times import TimeTagger

    return TimeTagger()


@stage("actors")
def _actors(settings: Settings) -> Stage:
    from tidings.actors import ActorResolver

    return ActorResolver()


@stage("events")
def _events(settings: Settings) -> Stage:
    from tidings.events import EventCoder

    return EventCoder()


@stage("quotes")
def _quotes(settings: Settings) -> Stage:
    from tidings.quotes import QuoteFinder

    return QuoteFinder()


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
        self.stages: list[Stage] = [FACTORIES[n](self.settings) for n in names]
        available = set(INPUT_FIELDS)
        for s in self.stages:
            missing = [r for r in s.requires if r not in available]
            if missing:
                raise TidingsError("T014", f"stage {s.name!r} needs {', '.join(missing)}, set by no earlier stage")
            available.update(s.assigns)

    def __call__(self, article: Article) -> Article:
        for s in self.stages:
            article = s(article)
        return article

    def pipe(
        self, articles: Iterable[Article], *, batch_size: int | None = None, n_process: int = 1
    ) -> Iterator[Article | Failure]:
        """Process a stream of articles, yielding results in input order.

        The parse is one streaming ``nlp.pipe`` (batches of ``batch_size``,
        ``n_process`` worker processes), so memory stays flat however long the
        stream. An article whose processing raises is yielded as a
        :class:`Failure` in its own place; the others go on.
        """
        names = [s.name for s in self.stages]
        if "nlp" not in names:
            for article in articles:
                yield self._safe(article, self.stages)
            return
        cut = names.index("nlp")
        before, parser, after = self.stages[:cut], self.stages[cut], self.stages[cut + 1 :]
        # The parser reads ahead; failures wait here with their position until the
        # articles before them have come out of the parse.
        waiting: deque[tuple[int, Failure]] = deque()
        order: deque[int] = deque()

        def ready() -> Iterator[Article]:
            for seq, article in enumerate(articles):
                result = self._safe(article, before)
                if isinstance(result, Failure):
                    waiting.append((seq, result))
                else:
                    order.append(seq)
                    yield result

        pipe = getattr(parser, "pipe", None)
        parsed: Iterable[Article] = (
            pipe(ready(), batch_size=batch_size, n_process=n_process) if pipe is not None else map(parser, ready())
        )
        for article in parsed:
            seq = order.popleft()
            while waiting and waiting[0][0] < seq:
                yield waiting.popleft()[1]
            yield self._safe(article, after)
        while waiting:
            yield waiting.popleft()[1]

    @staticmethod
    def _safe(article: Article, stages: list[Stage]) -> Article | Failure:
        try:
            for s in stages:
                article = s(article)
        except TidingsError as exc:
            return Failure(article.input or article.id, str(exc))
        except (ValueError, KeyError, IndexError, TypeError, AttributeError, RecursionError) as exc:
            # A bug on one article must not sink a batch of thousands: report it and go on.
            return Failure(
                article.input or article.id, f"[T099] internal error in pipeline: {type(exc).__name__}: {exc}"
            )
        return article


_DEFAULT: Pipeline | None = None


def default_pipeline() -> Pipeline:
    """One pipeline per process (the spaCy model is loaded once)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT
