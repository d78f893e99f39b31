"""Small helpers over spaCy's dependency parse that several stages share."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Dependencies that open a new clause: the words below them are not the
# arguments of the verb above.
CLAUSAL_DEPS = frozenset({"relcl", "advcl", "ccomp", "csubj", "parataxis", "acl", "conj", "xcomp", "pcomp"})
VERBAL_POS = frozenset({"VERB", "AUX"})
# Prepositions that locate an actor or event in a place ("police in Minsk", "clashed across the country").
LOCATIVE_PREPS = frozenset({"in", "at", "near", "across", "around", "inside", "outside", "throughout", "into"})


def doc_text(doc: Doc) -> str:
    """The whole text of ``doc``, built once per parse (spaCy's ``doc.text`` joins every token on each call)."""
    text = doc.user_data.get("tidings_text")
    if text is None:
        text = doc.user_data["tidings_text"] = doc.text
    return str(text)


_LAST: tuple[object, list[Token]] = (None, [])


def tokens(doc: Doc) -> list[Token]:
    """The tokens of ``doc`` as one list, made once per parse: each ``for tok in doc`` makes a new
    Python object per token, and the stages walk an article a score of times. The list of the
    last doc asked for is kept (one article at a time; a doc is never held past the next one)."""
    global _LAST
    last = _LAST
    if last[0] is doc:
        return last[1]
    toks = list(doc)
    _LAST = (doc, toks)
    return toks


_SENTS: tuple[object, list[Span]] = (None, [])


def sentence_of(token: Token) -> Span:
    """``token.sent``, from one list of the doc's sentences made once per parse: spaCy walks the
    sentence's tokens each time it is asked, and the event coder asks for every trigger a score
    of times. Kept, like :func:`tokens`, for the last doc asked for only."""
    global _SENTS
    doc = token.doc
    last = _SENTS
    if last[0] is not doc:
        by_token: list[Span] = []
        for sent in doc.sents:
            by_token.extend([sent] * len(sent))
        last = _SENTS = (doc, by_token)
    return last[1][token.i]


def sentence_tokens(token: Token) -> list[Token]:
    """The tokens of ``token``'s sentence, as a new list (``list(token.sent)``, without making them anew)."""
    sent = sentence_of(token)
    return tokens(token.doc)[sent.start : sent.end]


def clause_head(token: Token) -> Token:
    """The verb of the clause a token belongs to (itself when it is a verb)."""
    t = token
    while True:
        if t.pos_ in VERBAL_POS and t.dep_ != "aux" and t.dep_ != "auxpass":
            return t
        if t.head.i == t.i:
            return t
        t = t.head


def phrase_tokens(head: Token) -> Iterator[Token]:
    """The tokens of a noun phrase headed by ``head``, without its clauses or conjuncts."""
    yield head
    for child in head.children:
        if child.dep_ in CLAUSAL_DEPS or child.dep_ in ("cc", "punct"):
            continue
        yield from phrase_tokens(child)


def conjuncts(token: Token) -> list[Token]:
    """The token and every token coordinated with it ("Poland and the Netherlands")."""
    out = [token]
    for child in token.children:
        if child.dep_ == "conj":
            out.extend(conjuncts(child))
    return out


def negated(verb: Token) -> bool:
    """True when the verb carries a negation ("did not meet", "never met")."""
    return any(c.dep_ == "neg" for c in verb.children)
