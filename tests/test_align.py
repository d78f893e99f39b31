"""The raw <-> cleaned text alignment every span-comparing runner relies on.

Texts here are written for the tests; none comes from the gold sets.
"""

from __future__ import annotations

import random

from tidings.eval.align import Alignment, fold


def _slice(text: str, span: tuple[int, int] | None) -> str | None:
    return None if span is None else text[span[0] : span[1]]


def test_identical_texts_map_to_themselves() -> None:
    text = "The council met on Monday.\n\nIt adjourned at noon."
    al = Alignment.between(text, text)
    assert al.to_target(4, 11) == (4, 11)
    i = text.index("It")
    assert al.to_source(i, i + 2) == (i, i + 2)
    assert al.coverage == 1.0


def test_rewrapped_and_requoted_text() -> None:
    raw = "A spokesman said\n\u201cthe talks will\ngo on\u201d, adding\u00a0nothing."
    clean = 'A spokesman said "the talks will go on", adding nothing.'
    al = Alignment.between(raw, clean)
    start, end = raw.index("\u201c"), raw.index("\u201d") + 1
    assert _slice(clean, al.to_target(start, end)) == '"the talks will go on"'
    q = clean.index("adding")
    assert _slice(raw, al.to_source(q, q + len("adding"))) == "adding"


def test_dropped_line_and_mended_hyphen() -> None:
    raw = "Mayor Ostrowicz-\nmann spoke.\nRead more: other story\nThe vote is Friday."
    clean = "Mayor Ostrowiczmann spoke.\n\nThe vote is Friday."
    al = Alignment.between(raw, clean)
    i = clean.index("Ostrowiczmann")
    assert _slice(raw, al.to_source(i, i + len("Ostrowiczmann"))) == "Ostrowicz-\nmann"
    j = clean.index("Friday")
    assert _slice(raw, al.to_source(j, j + 6)) == "Friday"
    # the promo line exists only in the raw text: nothing to map to
    k = raw.index("other story")
    assert al.to_target(k, k + len("other story")) is None


def test_span_over_unaligned_edges_shrinks_to_aligned_part() -> None:
    raw = "  hello   world  "
    clean = "hello world"
    al = Alignment.between(raw, clean)
    assert al.to_target(0, len(raw)) == (0, len(clean))
    assert al.to_target(0, 2) is None  # only whitespace


def test_fold_keeps_length() -> None:
    s = "\u201cquote\u201d \u2018x\u2019"
    assert fold(s) == "\"quote\" 'x'"
    assert len(fold(s)) == len(s)


def test_random_whitespace_edits_keep_every_word() -> None:
    rng = random.Random(7)
    words = [f"w{i}x" for i in range(300)]
    raw = "".join(w + rng.choice([" ", "\n", "  ", "\u00a0", " \n "]) for w in words)
    clean = " ".join(words)
    al = Alignment.between(raw, clean)
    for w in rng.sample(words, 30):
        i = clean.index(w + " ") if w != words[-1] else clean.rindex(w)
        assert _slice(raw, al.to_source(i, i + len(w))) == w
