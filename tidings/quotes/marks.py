"""Quote marks: the quoted pieces of a text, found from the marks alone (no parse).

The clean stage has made every mark straight, so whether a ``"`` opens or
closes a quote is read from the characters beside it. Marks are paired
paragraph by paragraph; a piece left open at a paragraph's end goes on in the
next paragraph when that one opens with a mark (news convention), and the
pieces of one quotation carried so share a group. Single-quoted phrases
outside double quotes ("what she called 'baseless rumours'") are pieces too,
and a transcript label opening a piece ('"WALLACE: ...') makes it a quote of
its own.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from tidings.quotes.lexicon import LABEL_RE


@dataclass
class Piece:
    """One run of quoted words inside one paragraph."""

    start: int
    end: int
    para: int
    group: int  # pieces of one quotation carried over paragraph breaks share a group
    single: bool = False  # in single quote marks
    label: tuple[int, int] | None = None  # a transcript label's span, when it opens the piece


def paragraphs(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each paragraph (text between blank lines)."""
    paras: list[tuple[int, int]] = []
    pos = 0
    for part in text.split("\n\n"):
        paras.append((pos, pos + len(part)))
        pos += len(part) + 2
    return paras


def _opens(text: str, i: int) -> bool | None:
    """True for a mark that opens a quote, False for one that closes it, None if unclear."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    open_like = (before.isspace() or before in "([{\u2014\u2013-/") and not after.isspace()
    close_like = not before.isspace() and (after.isspace() or after in ".,;:!?)]}\u2014\u2013-'")
    if open_like and not close_like:
        return True
    if close_like and not open_like:
        return False
    return None


def quoted_pieces(text: str) -> list[Piece]:
    """The quoted pieces of the text, paragraph by paragraph."""
    paras = paragraphs(text)
    pieces: list[Piece] = []
    group = 0
    carried: int | None = None  # the group of a quote left open at the end of the previous paragraph
    for pi, (pstart, pend) in enumerate(paras):
        marks = [pstart + m.start() for m in re.finditer('"', text[pstart:pend])]
        open_at: int | None = None
        cur_group: int | None = None
        if carried is not None:
            if marks and text[pstart : marks[0]].strip() == "":
                open_at, cur_group = marks[0] + 1, carried
                marks = marks[1:]
            carried = None
        depth = 0  # a second opening mark inside a quote: a nested quote the straightening merged
        for m in marks:
            kind = _opens(text, m)
            if open_at is None:
                if kind is False and m > 0 and text[m - 1].isdigit():
                    continue  # an inch mark: 5'11"
                open_at = m + 1
                group += 1
                cur_group = group
                continue
            if kind is True and text[open_at:m].strip():
                depth += 1
                continue
            if depth:
                depth -= 1
                continue
            pieces.append(Piece(open_at, m, pi, cur_group or 0))
            open_at = None
        if open_at is not None:
            pieces.append(Piece(open_at, pend, pi, cur_group or 0))
            nxt = paras[pi + 1] if pi + 1 < len(paras) else None
            if nxt is not None and text[nxt[0] : nxt[1]].lstrip().startswith('"'):
                carried = cur_group
    # Single-quoted phrases ("what she called 'baseless rumours'") outside double quotes. The
    # double-quoted pieces are in text order and never overlap, and so are the paragraphs:
    # bisections, not scans, say which piece and paragraph an offset falls in.
    double_starts = [p.start for p in pieces]
    para_starts = [a for a, _ in paras]
    for sm in re.finditer(r"(?<![\w'])'([^'\n]{2,300}?)'(?![\w])", text):
        s, e = sm.start(1), sm.end(1)
        if text[s].isspace() or text[e - 1].isspace():
            continue
        inside = bisect_right(double_starts, s) - 1
        if inside < 0 or s >= pieces[inside].end:
            pi = bisect_right(para_starts, s) - 1
            group += 1
            pieces.append(Piece(s, e, pi, group, single=True))
    out: list[Piece] = []
    for p in sorted(pieces, key=lambda p: p.start):
        raw = text[p.start : p.end]
        lead = len(raw) - len(raw.lstrip())
        s, e = p.start + lead, p.start + lead + len(raw.strip())
        if e > s:
            out.append(Piece(s, e, p.para, p.group, p.single))
    return out


def split_labels(text: str, pieces: list[Piece]) -> list[Piece]:
    """Transcript turns inside quote marks ('"WALLACE: ...') become quotes of their own."""
    out: list[Piece] = []
    next_group = max((p.group for p in pieces), default=0) + 1
    for p in pieces:
        m = LABEL_RE.match(text[p.start : p.end])
        if m is None or p.single:
            out.append(p)
            continue
        label = (p.start + m.start(1), p.start + m.end())
        out.append(Piece(p.start + m.end(), p.end, p.para, next_group, label=label))
        next_group += 1
    # A turn carried over paragraphs keeps its label's group; pieces after it stay in it.
    fixed: list[Piece] = []
    remap: dict[int, int] = {}
    first_group: dict[tuple[int, int], int] = {}  # (end, paragraph) -> the group of the first piece so placed
    for q in pieces:
        first_group.setdefault((q.end, q.para), q.group)
    for p in out:
        if p.label is not None:
            original = first_group.get((p.end, p.para))
            if original is not None:
                remap[original] = p.group
            fixed.append(p)
        else:
            fixed.append(Piece(p.start, p.end, p.para, remap.get(p.group, p.group), p.single, p.label))
    return fixed
