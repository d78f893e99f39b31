"""Page-reader sets: main text of saved HTML pages and of WARC records against the benchmark's gold body.

Neither runs the pipeline: they measure the readers in front of it (the one
place the eval sets import ``tidings.readers``), then the clean stage's text
(``cleaned_f1``). Token P/R/F1 follow the article-extraction benchmark's rules.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace

from tidings.config import Settings, load_settings
from tidings.errors import InputError
from tidings.eval import metrics
from tidings.eval.datasets import ExtractItem, WarcItem, load_extract, load_warc
from tidings.eval.harness import EvalSet, Result, Scores, Tally
from tidings.eval.scoring import clip, prf_metrics
from tidings.model import Context


@dataclass
class _PagesTally(Tally):
    scores: list[metrics.PRF] = field(default_factory=list)
    cleaned: list[metrics.PRF] = field(default_factory=list)
    t_read: float = 0.0


def _score_text(t: _PagesTally, gold: str, text: str) -> metrics.PRF:
    """Score a page's main text, and the same text after the clean stage, against its gold body."""
    from tidings.clean import clean_text

    s = metrics.token_prf(gold, text)
    t.scores.append(s)
    t.cleaned.append(metrics.token_prf(gold, clean_text(text).text if text else ""))
    return s


def _extraction_metrics(t: _PagesTally, n: int) -> dict[str, float]:
    """The benchmark's corpus P/R/F1, the cleaned F1 and pages read per second."""
    m = prf_metrics("", metrics.extraction_corpus_prf(t.scores))
    m["cleaned_f1"] = metrics.extraction_corpus_prf(t.cleaned).f1
    m["pages_per_second"] = n / t.t_read if t.t_read else 0.0
    return m


# --------------------------------------------------------------------------- #
# saved HTML pages
# --------------------------------------------------------------------------- #


def _score_extract(t: _PagesTally, item: ExtractItem, res: Result, ctx: Context | None) -> None:
    # Imported before the clock starts: the reader's speed is measured, not its import.
    from tidings.readers.html import extract_html

    t1 = time.perf_counter()
    try:
        text = extract_html(item.html, url=item.url or None, where=item.id).text
    except InputError:
        text = ""
    t.t_read += time.perf_counter() - t1
    s = _score_text(t, item.article_body, text)
    if s.f1 < 0.9:
        t.errors.append(
            {
                "id": item.id,
                "kind": "low f1",
                "expected": clip(item.article_body),
                "got": clip(text),
                "text": item.url,
                "f1": round(s.f1, 3),
            }
        )


def _finish_extract(t: _PagesTally, n_items: int) -> Scores:
    return Scores(_extraction_metrics(t, n_items))


EXTRACT = EvalSet[ExtractItem, _PagesTally](
    name="extract",
    doc="""Token P/R/F1 of tidings' HTML reader against the gold ``articleBody`` (benchmark rules).

    ``f1`` scores the reader's main text; ``cleaned_f1`` the same text after the
    clean stage (promo lines dropped, wraps mended), which must not cost more
    than 0.01. Pages per second are the reader's.
    """,
    load=load_extract,
    headline=("f1", "precision", "recall"),
    notes=("main text by tidings.readers.html (trafilatura); cleaned_f1 after the clean stage",),
    tally=lambda pipe: _PagesTally(),
    score=_score_extract,
    finish=_finish_extract,
)


# --------------------------------------------------------------------------- #
# WARC records
# --------------------------------------------------------------------------- #


@dataclass
class _WarcTally(_PagesTally):
    settings: Settings = field(default_factory=load_settings)
    any_language: Settings = field(init=False)
    non_english: int = 0

    def __post_init__(self) -> None:
        self.any_language = replace(self.settings, min_english=0.0)


def _score_warc(t: _WarcTally, item: WarcItem, res: Result, ctx: Context | None) -> None:
    # Imported before the clock starts: the reader's speed is measured, not its import.
    from tidings.readers import looks_english
    from tidings.readers.html import page_article

    t1 = time.perf_counter()
    text = ""
    problem = item.error
    if problem is None:
        try:
            text = page_article(
                item.body.encode("latin-1"), item.id, t.any_language, url=item.url, charset=item.charset
            ).raw
        except InputError as exc:
            problem = str(exc)
    t.t_read += time.perf_counter() - t1
    if problem is not None:
        t.failures += 1
    elif not looks_english(text[:20000], t.settings.min_english)[0]:
        t.non_english += 1
    s = _score_text(t, item.article_body, text)
    if s.f1 < 0.9:
        t.errors.append(
            {
                "id": item.id,
                "kind": "read error" if problem else "low f1",
                "expected": clip(item.article_body),
                "got": clip(problem or text),
                "f1": round(s.f1, 3),
            }
        )


def _finish_warc(t: _WarcTally, n_items: int) -> Scores:
    m = _extraction_metrics(t, n_items)
    m["non_english"] = float(t.non_english)
    return Scores(m)


WARC = EvalSet[WarcItem, _WarcTally](
    name="warc",
    doc="""Token P/R/F1 of the text ``tidings process`` reads from a WARC, against the extract gold.

    Each record goes through :func:`tidings.readers.html.page_article`, the
    function the WARC reader hands its records to, with the English check off
    (as ``--lang-any``; the gold has 21 non-English pages, counted in
    ``non_english``). ``f1`` scores the article's raw text, ``cleaned_f1`` its
    cleaned ``text`` (what the store keeps and every offset indexes).
    """,
    load=load_warc,
    headline=("f1", "cleaned_f1"),
    notes=(
        "records read by tidings.readers.warc (fastwarc), text by the same HTML reader as `tidings process`",
        "non_english: pages the default English check would skip (scored here as with --lang-any)",
    ),
    tally=lambda pipe: _WarcTally(),
    score=_score_warc,
    finish=_finish_warc,
)
