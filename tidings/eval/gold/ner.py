"""Named-entity gold set: the CoNLL-2003 English dev set (``ner/conll2003_eng.testa``)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tidings.eval.gold.common import GoldSpan, check_split, require, take

# --------------------------------------------------------------------------- #
# NER: CoNLL-2003 English dev (testa)
# --------------------------------------------------------------------------- #


@dataclass(frozen=True, slots=True)
class ConllSentence:
    """A CoNLL sentence; ``text`` is its tokens joined by single spaces.

    ``entities`` are char spans over ``text`` labelled PER/LOC/ORG/MISC.
    ``doc_index`` counts ``-DOCSTART-`` blocks from 0.
    """

    doc_index: int
    index: int
    tokens: tuple[str, ...]
    tags: tuple[str, ...]
    text: str
    entities: tuple[GoldSpan, ...]


def _iob1_entities(tokens: list[str], tags: list[str]) -> tuple[str, list[GoldSpan]]:
    """Decode IOB1 (``I-X`` continues or starts, ``B-X`` only splits two adjacent X)."""
    starts: list[int] = []
    pos = 0
    for tok in tokens:
        starts.append(pos)
        pos += len(tok) + 1
    text = " ".join(tokens)
    entities: list[GoldSpan] = []
    current: tuple[str, int, int] | None = None  # label, first token, last token
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        continues = current is not None and prefix == "I" and label == current[0]
        if current is not None and not continues:
            lab, first, last = current
            start, end = starts[first], starts[last] + len(tokens[last])
            entities.append(GoldSpan(start, end, text[start:end], lab))
            current = None
        if prefix in ("I", "B") and not continues:
            current = (label, i, i)
        elif continues and current is not None:
            current = (current[0], current[1], i)
    return text, entities


def load_conll(data_dir: Path, *, split: str | None = None, limit: int | None = None) -> list[ConllSentence]:
    """Load the CoNLL-2003 English dev set ``ner/conll2003_eng.testa`` (IOB1, 4 columns).

    The original whitespace is not in the file, so ``text`` is the tokens joined
    by one space; a tagger is scored on that text, not on the Reuters original.
    """
    check_split("conll", split, [None])
    path = require(Path(data_dir) / "ner" / "conll2003_eng.testa")

    def items() -> Iterator[ConllSentence]:
        doc_index = -1
        index = 0
        tokens: list[str] = []
        tags: list[str] = []

        def flush() -> ConllSentence:
            text, entities = _iob1_entities(tokens, tags)
            return ConllSentence(doc_index, index, tuple(tokens), tuple(tags), text, tuple(entities))

        with path.open(encoding="utf-8") as fh:
            for line in fh:
                cols = line.split()
                if not cols:
                    if tokens:
                        yield flush()
                        index += 1
                        tokens, tags = [], []
                    continue
                if cols[0] == "-DOCSTART-":
                    doc_index += 1
                    continue
                tokens.append(cols[0])
                tags.append(cols[-1])
        if tokens:
            yield flush()

    return take(items(), limit)
