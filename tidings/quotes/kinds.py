"""Which quoted words are quotes, and of which kind.

Title Case words in marks with no verb of naming before them are a title
("Shark Tank"), and one quoted word after a determiner is a scare quote ('the
"problems" in Belarus'): neither is a quote (a headline's quotes always are).
A quote that stands as a sentence of its own is ``direct``; one that sits in a
sentence is ``partial``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tidings.quotes.cues import adjacent_cue, naming

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from tidings.quotes.marks import Piece
    from tidings.quotes.state import ArticleState, Quotation


def not_a_quote(st: ArticleState, q: Quotation) -> bool:
    """Titles ("Shark Tank", "Contract with America") and scare quotes: words in marks
    that nobody says."""
    text, doc = st.text, st.doc
    piece = q.parts[0]
    if piece.start < st.headline_end:
        return False  # a headline's quotes are short and Title Case, and still quotes
    words = len(text[piece.start : piece.end].split())
    if _is_title(text, piece) and not _named(doc, piece.start):
        return True
    return (
        q.has_own_cue
        and words == 1
        and piece.label is None
        and not adjacent_cue(st, piece.start, piece.end)
        and _scare_word(text, piece)
    )


def _scare_word(text: str, piece: Piece) -> bool:
    """One quoted word that names a thing ('the "problems" in Belarus') rather than
    words someone said ('was "disgusting"', 'called it "true"')."""
    before = re.findall(r"[\w']+", text[max(0, piece.start - 30) : piece.start])
    return bool(before) and (
        before[-1].lower() in ("the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her")
        or before[-1].endswith("'s")
    )


def _is_title(text: str, piece: Piece) -> bool:
    words = text[piece.start : piece.end].rstrip(".,!?").split()
    if not words or len(words) > 8:
        return False
    before = re.findall(r"[\w']+", text[max(0, piece.start - 30) : piece.start])
    if before and before[-1][:1].isupper() and text[piece.start - 2 : piece.start - 1] != ".":
        return False  # a Title Case headline all through: the quote is not a title in it
    content = [w for w in words if len(w) > 3 or w[:1].isupper()]
    return all(w[:1].isupper() or not w[:1].isalpha() for w in content) and not any(
        w.endswith((".", "?", "!")) for w in words[:-1]
    )


def _named(doc: Doc, start: int) -> bool:
    """A verb of naming just before a quote ('called him "Crooked Hillary"')."""
    tok = doc.char_span(start, start + 1, alignment_mode="expand")
    if tok is None:
        return False
    before = [t for t in doc[max(0, tok.start - 4) : tok.start] if not t.is_punct]
    return any(naming(t) for t in before)


def scare_quote(st: ArticleState, q: Quotation, words: int) -> bool:
    """One to three words in marks with no cue of their own: the "problems", so-called "experts"."""
    return not q.has_own_cue and words <= 3 and q.parts[0].start >= st.headline_end


def kind(text: str, piece: Piece, words: int) -> str:
    """Direct when the quote stands as a sentence of its own; partial when it sits in one."""
    head = text[max(0, piece.start - 40) : piece.start].rstrip(" \"'")
    at_start = not head or head.endswith(("\n", ".", "!", "?", ":", ",", "\u2014")) or piece.label is not None
    first = text[piece.start : piece.start + 1]
    if at_start and words >= 3 and (first.isupper() or first.isdigit() or not first.isalpha()):
        return "direct"
    return "partial"
