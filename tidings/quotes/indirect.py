"""Indirect quotes: the "that"-clause of a verb of saying ('X said that ...').

The clause (less its "that" and closing punctuation) is a quote of kind
``indirect`` when no quote marks cover it; its speaker is the verb's subject.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from tidings.model import Quote, Span
from tidings.quotes.lexicon import INDIRECT_LEMMAS, PRONOUNS
from tidings.quotes.speakers import antecedent
from tidings.syntax import tokens

if TYPE_CHECKING:
    from tidings.quotes.state import ArticleState


def indirect_quotes(st: ArticleState, direct: list[Quote]) -> list[Quote]:
    """'X said that ...': the clause of a verb of saying, when no quote marks cover it."""
    doc, article, text = st.doc, st.article, st.text
    out: list[Quote] = []
    covered = _runs([(p.start, p.end) for q in direct for p in (q.parts or [Span(q.text, q.start, q.end)])])
    covered_starts = [a for a, _ in covered]
    for tok in tokens(doc):
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in INDIRECT_LEMMAS:
            continue
        comp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
        if comp is None or comp.i < tok.i:
            continue
        toks = list(comp.subtree)
        if toks and toks[0].dep_ == "mark":
            toks = toks[1:]
        while toks and toks[-1].is_punct:
            toks = toks[:-1]
        if not toks:
            continue
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        last = bisect_left(covered_starts, end) - 1  # the last run opening before the clause ends
        if (last >= 0 and covered[last][1] > start) or '"' in text[start:end]:
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        speaker = st.index.resolve(subj) if subj is not None else None
        if speaker is None and subj is not None and subj.lower_ in PRONOUNS:
            speaker = antecedent(article, subj)
        events = [i for i, e in enumerate(article.events) if start <= e.trigger.start and e.trigger.end <= end]
        out.append(
            Quote(
                text=text[start:end],
                start=start,
                end=end,
                speaker=speaker,
                cue=Span(tok.text, tok.idx, tok.idx + len(tok.text)),
                kind="indirect",
                event_ids=events,
            )
        )
    return out


def _runs(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The union of the spans as sorted, disjoint runs (an overlap test is then one bisection)."""
    runs: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if runs and a < runs[-1][1]:
            runs[-1] = (runs[-1][0], max(b, runs[-1][1]))
        else:
            runs.append((a, b))
    return runs
