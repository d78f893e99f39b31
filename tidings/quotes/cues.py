"""Cues: the verb of saying (or the word standing for one) that attributes a quote.

A quoted piece looks for its cue in the words around it, outside the marks: a
verb of saying after it ('"...," the minister said'), before it ('X said:
"..."'), the verb it hangs on ('X called it "a disgrace"'), "according to X",
a dash and a name signing it, "as X put it", or a statement noun ('in a
statement: "..."'). A quote opening a paragraph may take its cue from the
sentence just before it or from a paragraph ending in a colon.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from tidings.quotes.lexicon import (
    CUE_LEMMAS,
    CUE_WORDS,
    DASHES,
    NAMING_LEMMAS,
    NOT_SPEAKERS,
    SENT_END,
    STATEMENT_NOUNS,
    WEAK_CUES,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from tidings.quotes.state import ArticleState


def is_dash(tok: Token) -> bool:
    """A dash, also when the tokenizer glued it to a closing mark ('"\u2015')."""
    return tok.text.strip('"') in DASHES


def so_called(tok: Token) -> bool:
    """'so-called': a scare quote's marker, not a verb of saying."""
    return tok.lower_ == "called" and tok.i >= 2 and tok.nbor(-1).text == "-" and tok.nbor(-2).lower_ == "so"


def naming(tok: Token) -> bool:
    """A verb of naming ('called', 'dubbed'), but not 'so-called'."""
    return tok.lemma_.lower() in NAMING_LEMMAS and not so_called(tok)


def subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def is_cue(tok: Token) -> bool:
    if so_called(tok):
        return False
    return (tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in CUE_LEMMAS) or tok.lower_ in CUE_WORDS


def weak(tok: Token) -> bool:
    """A weak verb of saying, unless its particle makes it a plain one ('points out')."""
    if tok.lemma_.lower() not in WEAK_CUES:
        return False
    return not (tok.lemma_.lower() == "point" and any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children))


def _as_put_it(tok: Token) -> bool:
    """'as the memo put it': a clause that names who said the quote beside it."""
    return (
        tok.lemma_.lower() == "put"
        and tok.pos_ == "VERB"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)
        and any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children)
        and any(c.dep_ == "nsubj" for c in tok.children)
    )


def adjacent_cue(st: ArticleState, start: int, end: int) -> bool:
    """A short quote someone said or named: a verb of naming just before it ("what she
    called 'baseless rumours'"), a verb of saying with a colon or comma before it
    ('he said: "No."'), or one right after it ('"Never," he said')."""
    doc = st.doc
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    before = [t for t in doc[max(0, span.start - 5) : span.start] if t.text != '"']
    words = [t for t in before if not t.is_punct][-3:]
    if any(naming(t) for t in words):
        return True
    if before and before[-1].text in (":", ",") and any(is_cue(t) for t in before[-3:]):
        return True
    closing = st.text[max(start, end - 1) : end + 1]
    if not any(ch in closing for ch in ",?!"):
        return False  # '"problems" in Belarus': the sentence goes on, nobody says the word
    after = [t for t in doc[span.end : span.end + 5] if not t.is_punct][:3]
    return any(is_cue(t) for t in after)


def _around(st: ArticleState, inside: Span, start: int, end: int) -> tuple[list[Token], list[Token]]:
    """The words of the piece's sentence before and after it, up to the marks of its neighbours."""
    doc, marks = st.doc, st.marks
    # (``st.text``, not ``doc.text``: spaCy rebuilds the whole text from every token on each call)
    before = bisect_left(marks, start - 1)  # the marks are sorted: the neighbours by bisection
    after = bisect_right(marks, end)
    prev_mark = marks[before - 1] if before > 0 else -1
    next_mark = marks[after] if after < len(marks) else len(st.text)
    left: list[Token] = []
    for t in reversed(doc[: inside.start]):
        if t.idx < prev_mark or t.text in SENT_END or "\n" in t.text:
            break
        if t.text != '"':
            left.append(t)
    left.reverse()
    right: list[Token] = []
    for t in doc[inside.end :]:
        if t.idx >= next_mark or "\n" in t.text:
            break
        if t.text == '"':
            continue
        right.append(t)
        if t.text in SENT_END:
            break
    return left, right


def _cue_before(left: list[Token]) -> Token | None:
    """The verb of saying before a piece ('X said: "..."')."""
    before = next((t for t in reversed(left) if is_cue(t) and not weak(t)), None)
    if before is None and left and left[-1].text in (":", ","):
        # 'Stated Stone:', 'He continued:', 'The statement:' — a weak cue or a statement noun.
        before = next(
            (
                t
                for t in reversed(left[-4:])
                if is_cue(t) or (left[-1].text == ":" and t.lemma_.lower() in STATEMENT_NOUNS)
            ),
            None,
        )
    return before


def _hung_on(st: ArticleState, inside: Span, right: list[Token]) -> Token | None:
    """The verb of saying or naming a piece inside a sentence hangs on."""
    first, last = inside.start, inside.end
    below = inside.root
    for anc in inside.root.ancestors:
        via, below = below, anc
        if anc.i >= first and anc.i < last:
            continue
        if via.dep_ in ("nsubj", "nsubjpass", "advmod", "npadvmod", "neg", "aux"):
            continue  # 'the ad "unmistakably" suggests': the quote is no complement of the verb
        if weak(anc):
            continue  # 'agreed to continue contact and their "intention ..."': not saying
        if is_cue(anc) or naming(anc):
            same_sentence = anc.sent.start == st.doc[first].sent.start or anc.i >= last
            if not st.in_quote(anc.idx) and same_sentence and (anc.i < first or anc in right):
                return anc
            break
    return None


def find_cue(st: ArticleState, start: int, end: int) -> Token | None:
    """The verb of saying for a quoted piece, looked for outside the marks.

    A piece that opens its sentence takes the cue right after it ('"...," the
    minister said'), else the one before it ('X said: "..."'). A piece inside a
    sentence takes the verb of saying (or naming) it depends on.
    """
    doc = st.doc
    inside = doc.char_span(start, end, alignment_mode="expand")
    if inside is None:
        return None
    left, right = _around(st, inside, start, end)
    if len(right) > 1 and is_dash(right[0]) and right[1].pos_ == "PROPN":
        return right[0]  # '"..." \u2015 Sonya Herridge': a name signs the quote
    content = st.text[start:end].rstrip(" '\"")
    ends_clause = content.endswith((",", "?", "!", "\u2014", "\u2013", "-", "\u2026", ":")) or (
        bool(right) and right[0].is_lower
    )
    opening = not [t for t in left if not t.is_punct]
    after = None
    if ends_clause or (not opening and not content.endswith((".", "!", "?"))):
        for t in right[:40]:
            if is_cue(t) or (t.lower_ == "according" and t.i + 1 < len(t.doc) and t.nbor(1).lower_ == "to"):
                after = t
                break
    put_it = next((t for t in [*left, *right] if _as_put_it(t)), None)
    if put_it is not None:
        return put_it  # '"...," as the memo put it' / 'As Smith put it, X is "..."'
    before = _cue_before(left)
    if not opening:
        # Inside a sentence: the verb of saying or naming the piece hangs on.
        hung = _hung_on(st, inside, right)
        if hung is not None:
            return hung
    found = (after or before) if opening else (before or after)
    if found is not None:
        return found
    for t in left:  # "According to X, '...'"
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            return t
    if not opening:
        return _main_verb(st, inside.root, inside.start, left)
    return None


def _main_verb(st: ArticleState, root: Token, first: int, left: list[Token]) -> Token | None:
    """The main verb of a sentence a quote is an argument of ('Moore thanked him for
    "stepping up"'; 'Politico reveals a few facts: "..."'), when a named actor is its subject."""
    verb = root.sent.root
    if verb.pos_ != "VERB" or verb.i >= first or st.in_quote(verb.idx):
        return None
    if not (left and left[-1].text == ":"):
        node = root
        while node.i != verb.i:
            if node.dep_ in ("relcl", "ccomp", "csubj", "advcl", "parataxis", "nsubj", "nsubjpass", "acl"):
                return None  # the quote sits in a clause of its own, or in the subject
            node = node.head
    subj = subject(verb)
    if subj is None or st.in_quote(subj.idx) or subj.pos_ != "PROPN" or subj.ent_type_ in NOT_SPEAKERS:
        return None
    return verb


def previous_sentence_cue(doc: Doc, start: int, pstart: int) -> Token | None:
    """The verb of saying of the sentence that ends right before a quote opening a sentence."""
    mark = doc.char_span(start - 1, start, alignment_mode="expand")
    if mark is None:
        return None
    i = mark.start - 1
    while i >= 0 and (doc[i].is_space or doc[i].text == '"'):
        i -= 1
    if i < 0 or doc[i].text not in SENT_END or doc[i].idx < pstart:
        return None
    sent: list[Token] = []
    j = i - 1
    while j >= 0 and doc[j].idx >= pstart and doc[j].text not in SENT_END and doc[j].text != '"':
        sent.append(doc[j])
        j -= 1
    if j >= 0 and doc[j].text == '"':
        return None  # the sentence before ends a quote: not narrative
    cues = [t for t in sent if is_cue(t) and not weak(t) and t.pos_ == "VERB"]
    # The main verb of saying ('..., Schiff said.'), not one inside a clause of it.
    main = [t for t in cues if t.dep_ in ("ROOT", "parataxis") or not any(a in cues for a in t.ancestors)]
    return main[0] if main else None


def colon_intro(text: str, doc: Doc, paras: list[tuple[int, int]], para: int) -> Token | None:
    """'He said:' or 'The New York Times reports:' ending the paragraph before a quote."""
    if para == 0:
        return None
    pstart, pend = paras[para - 1]
    prev_text = text[pstart:pend].rstrip()
    if not prev_text.endswith(":") or '"' in prev_text[-3:]:
        return None
    colon = doc.char_span(pstart + len(prev_text) - 1, pstart + len(prev_text), alignment_mode="expand")
    if colon is None:
        return None
    sent = doc[colon.start].sent
    toks = [t for t in doc[sent.start : colon.start] if t.idx >= pstart]
    cue = next((t for t in reversed(toks) if is_cue(t)), None)
    if cue is None:  # 'Sanders made the following comment:'
        cue = next((t for t in reversed(toks) if t.lemma_.lower() in STATEMENT_NOUNS and t.pos_ == "NOUN"), None)
    return cue
