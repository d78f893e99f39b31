"""Character alignment between two versions of one text (raw gold text <-> tidings' cleaned text).

Gold offsets index the text as the gold set stores it; tidings reports offsets
into ``article.text``, which the clean stage has rewrapped, re-quoted and
stripped of promo lines. Comparing the two sets of offsets directly would
score a correct answer as a miss wherever the cleaner changed the length of
what came before it, so every runner that compares spans maps them through an
:class:`Alignment` first.

The alignment ignores whitespace (the cleaner rewrites nearly all of it) and
folds the quote and space characters the cleaner normalises, then matches the
remaining characters word by word with :class:`difflib.SequenceMatcher` (fast,
because words are a large alphabet), falling back to a character-level match
only inside the short runs of words that differ (a hyphen mended across a
line wrap, a zero-width space dropped). Characters that exist on one side only
(whitespace, removed promo lines) map to nothing, and a span is mapped through
its first and last characters that do map.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from tidings.clean import QUOTE_MAP

__all__ = ["Alignment", "fold"]

#: Quote marks the clean stage rewrites, folded to one spelling on both sides
#: (the clean stage's own table, so the two never drift apart).
_FOLD = {k: v for k, v in QUOTE_MAP.items() if v in ('"', "'")}
#: Characters that carry no text: never aligned, like whitespace.
_INVISIBLE = frozenset("\u200b\ufeff\u00ad")

#: Above this many character pairs a differing run is left unaligned rather
#: than matched character by character (quadratic; only whole replaced
#: paragraphs get this big, and those have nothing to align anyway).
_MAX_CHAR_BLOCK = 400_000


def fold(text: str) -> str:
    """``text`` with curly quotes made straight, as the clean stage does (length kept)."""
    return text.translate(_FOLD)


def _units(text: str) -> tuple[list[str], list[list[int]]]:
    """Words of ``text`` (folded) and, for each, the original index of each of its characters."""
    words: list[str] = []
    positions: list[list[int]] = []
    folded = fold(text)
    current: list[int] = []
    for i, ch in enumerate(folded):
        if ch.isspace() or ch in _INVISIBLE:
            if current:
                words.append("".join(folded[j] for j in current))
                positions.append(current)
                current = []
            continue
        current.append(i)
    if current:
        words.append("".join(folded[j] for j in current))
        positions.append(current)
    return words, positions


@dataclass(frozen=True, slots=True)
class Alignment:
    """A one-to-one map between characters of ``source`` and ``target`` that spell the same text.

    Build it with :meth:`between`; map spans with :meth:`to_target` and
    :meth:`to_source`. ``src_idx[k]`` and ``tgt_idx[k]`` are the
    k-th aligned pair of character indices, increasing on both sides.
    """

    source_len: int
    target_len: int
    src_idx: tuple[int, ...]
    tgt_idx: tuple[int, ...]
    source_chars: int = 0  # characters that could align (not whitespace) on each side
    target_chars: int = 0

    @classmethod
    def between(cls, source: str, target: str) -> Alignment:
        """Align ``source`` to ``target`` (e.g. a gold set's raw text to ``article.text``)."""
        s_words, s_pos = _units(source)
        t_words, t_pos = _units(target)
        src: list[int] = []
        tgt: list[int] = []
        if s_words == t_words:
            blocks: Sequence[tuple[str, int, int, int, int]] = [("equal", 0, len(s_words), 0, len(t_words))]
        else:
            blocks = SequenceMatcher(None, s_words, t_words, autojunk=False).get_opcodes()
        for tag, i1, i2, j1, j2 in blocks:
            if tag == "equal":
                for k in range(i2 - i1):
                    src.extend(s_pos[i1 + k])
                    tgt.extend(t_pos[j1 + k])
            elif tag == "replace":
                a_pos = [p for w in s_pos[i1:i2] for p in w]
                b_pos = [p for w in t_pos[j1:j2] for p in w]
                if len(a_pos) * len(b_pos) > _MAX_CHAR_BLOCK:
                    continue
                a = "".join(s_words[i1:i2])
                b = "".join(t_words[j1:j2])
                for blk in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks():
                    for k in range(blk.size):
                        src.append(a_pos[blk.a + k])
                        tgt.append(b_pos[blk.b + k])
        return cls(
            len(source),
            len(target),
            tuple(src),
            tuple(tgt),
            sum(len(p) for p in s_pos),
            sum(len(p) for p in t_pos),
        )

    @staticmethod
    def _map(keys: tuple[int, ...], values: tuple[int, ...], start: int, end: int) -> tuple[int, int] | None:
        lo = bisect_left(keys, start)
        hi = bisect_right(keys, end - 1) - 1
        if lo > hi or lo >= len(keys):
            return None
        return values[lo], values[hi] + 1

    def to_target(self, start: int, end: int) -> tuple[int, int] | None:
        """The target span spelled by source ``[start, end)``; None when none of it aligns."""
        return self._map(self.src_idx, self.tgt_idx, start, end)

    def to_source(self, start: int, end: int) -> tuple[int, int] | None:
        """The source span spelled by target ``[start, end)``; None when none of it aligns."""
        return self._map(self.tgt_idx, self.src_idx, start, end)

    @property
    def coverage(self) -> float:
        """Share of the shorter side's visible characters that align (1.0 when it has none); a sanity check."""
        shorter = min(self.source_chars, self.target_chars)
        return len(self.src_idx) / shorter if shorter else 1.0
