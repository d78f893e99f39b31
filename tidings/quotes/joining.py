"""Joining: quotations with no cue of their own go to the quote they belong to.

A piece with no cue of its own is more of the quote next to it in the same
paragraph ('"A," she said. "B."' is one quote of two parts), or of the quote
ending the paragraph before it that it goes on with; one cue before two quoted
phrases ('called Machado "disgusting" and "a con"') makes one quote of both.
Else the piece takes the cue of the sentence just before it, the speaker a
paragraph ending in a colon announces, or the named subject of the sentence
(or paragraph) before it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tidings.quotes.cues import colon_intro, previous_sentence_cue
from tidings.quotes.kinds import kind
from tidings.quotes.marks import paragraphs
from tidings.quotes.speakers import cue_for, previous_subject

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from tidings.quotes.marks import Piece
    from tidings.quotes.state import ArticleState, Quotation

Paras = list[tuple[int, int]]


def merge(st: ArticleState, quotations: list[Quotation]) -> list[Quotation]:
    """Give quotations with no cue of their own to the quote they belong to."""
    paras = paragraphs(st.text)
    out: list[Quotation] = []
    for q in quotations:
        prev = out[-1] if out else None
        if q.has_own_cue:
            if (
                prev is not None
                and prev.cue is not None
                and q.cue is not None
                and prev.cue.start == q.cue.start
                and q.parts[0].label is None
            ):
                # 'called Machado "disgusting" and "a con"': one cue, one quote of two parts.
                prev.parts.extend(q.parts)
            else:
                out.append(q)
            continue
        goes_on = _goes_on(st, paras, prev, q)
        if goes_on is not None:
            goes_on.parts.extend(q.parts)
        else:
            out.append(q)
    return out


def _goes_on(st: ArticleState, paras: Paras, prev: Quotation | None, q: Quotation) -> Quotation | None:
    """The quotation that one with no cue of its own goes on (``prev``), else None; a quotation
    that stands alone is given the cue or the speaker the text before it names, if any."""
    first = q.parts[0]
    if first.single:
        return None
    pstart, _pend = paras[first.para]
    if prev is not None and prev.parts[-1].para == first.para:
        # '"A," she said. "B."': the second piece is more of the first quote.
        between = st.text[prev.parts[-1].end : first.start].strip(" \"'")
        sentence_like = not between or between.endswith((".", ",", ":", "!", "?", "\u2014"))
        if sentence_like and len(between) < 300 and prev.has_own_cue and not _new_subject(st.doc, prev, first):
            return prev
    if first.start - pstart > 1:
        _sentence_before(st, paras, prev, q)
        return None
    return _paragraph_before(st, paras, prev, q)


def _sentence_before(st: ArticleState, paras: Paras, prev: Quotation | None, q: Quotation) -> None:
    """A quote inside its paragraph: the cue or the subject of the sentence before it."""
    text = st.text
    first = q.parts[0]
    pstart, _pend = paras[first.para]
    if prev is None or prev.parts[-1].para != first.para:
        # 'The administration may wait, Schiff said. "The other factor ..."': the
        # sentence just before names who goes on speaking.
        cue = previous_sentence_cue(st.doc, first.start, pstart)
        if cue is not None:
            cue_for(st, q, cue)
            return
    if (
        (prev is None or prev.parts[-1].para != first.para or not prev.has_own_cue)
        and text[pstart : first.start - 1].rstrip().endswith((".", "!", "?"))
        and _whole_paragraph(text, paras, q)
    ):
        # 'Grant toured the school. "It is the best we have had."': the quote ending the
        # paragraph is the named subject's of the sentence before it.
        q.speaker = previous_subject(st, (pstart, first.start - 1))


def _paragraph_before(st: ArticleState, paras: Paras, prev: Quotation | None, q: Quotation) -> Quotation | None:
    """A quote opening its paragraph: the paragraph before announces it ('He said:'), or is a
    quote it goes on (``prev`` is returned), or names its speaker."""
    text = st.text
    first = q.parts[0]
    intro = colon_intro(text, st.doc, paras, first.para)
    if intro is not None:
        cue_for(st, q, intro)
        return None
    last = prev.parts[-1] if prev is not None else None
    if (
        prev is not None
        and last is not None
        and prev.has_own_cue
        and last.para == first.para - 1
        and kind(text, last, len(text[last.start : last.end].split())) == "direct"
        and _ends_paragraph(text, paras, prev)
    ):
        # A paragraph that only goes on quoting the speaker of the one before it.
        return prev
    if q.speaker is None and _whole_paragraph(text, paras, q):
        # 'Holt praised the plan on Monday. ¶ "It is the best we have had."': the
        # paragraph before names who speaks as the subject of its last sentence.
        q.speaker = previous_subject(st, paras[first.para - 1] if first.para else None)
    return None


def _whole_paragraph(text: str, paras: Paras, q: Quotation) -> bool:
    """The quotation is its paragraph: nothing outside the marks but punctuation."""
    last = q.parts[-1]
    _pstart, pend = paras[last.para]
    return not text[last.end : pend].strip(" \"'.,")


def _new_subject(doc: Doc, prev: Quotation, piece: Piece) -> bool:
    """Narrative between two pieces that names someone else doing something."""
    if prev.cue is None:
        return False
    gap = doc.char_span(prev.cue.end, piece.start - 1, alignment_mode="contract")
    if gap is None:
        return False
    speaker = prev.speaker.span if prev.speaker is not None else None
    return any(
        t.dep_ == "nsubj"
        and t.pos_ in ("PROPN", "NOUN")
        and t.head.pos_ == "VERB"
        and t.head.idx != prev.cue.start  # the inverted speaker: '," said Caddell. "'
        and t.head.dep_ not in ("relcl", "acl", "advcl")  # '..., who served as director'
        and not (speaker is not None and speaker.start <= t.idx < speaker.end)
        for t in gap
    )


def _ends_paragraph(text: str, paras: Paras, prev: Quotation) -> bool:
    """The last sentence of the quote's paragraph is the quote or its attribution."""
    _pstart, pend = paras[prev.parts[-1].para]
    tail_start = max(prev.parts[-1].end, prev.cue.end if prev.cue is not None else 0)
    tail = text[tail_start:pend]
    # Nothing after it but the end of the attribution sentence ('," she said, smiling.').
    return not re.search(r"[.!?]\s+[A-Z]", tail)
