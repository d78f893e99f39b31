"""Speakers: the actor a quote's cue names as the one who spoke.

The speaker is the actor the cue's subject stands for ('the minister said' ->
the minister named before); a pronoun the actor stage left alone takes the
latest person (or organisation) named before it. Other cues name the speaker
their own way: "according to X", a dash and a name, the maker of a statement, a
transcript label. When the parse fails, the first name between the quote and
the cue speaks. A speaker no table knows still becomes an actor of its own; a
speaker that cannot be found stays ``None``: a wrong speaker is worse than none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tidings.actors import speaker_actor
from tidings.model import Actor, ActorRef, Article, Span
from tidings.quotes.cues import is_cue, is_dash, subject
from tidings.quotes.lexicon import NOT_SPEAKERS, NOT_SUBJECTS, PRONOUNS, STATEMENT_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from tidings.quotes.state import ArticleState, Quotation


def cue_for(st: ArticleState, q: Quotation, cue: Token) -> None:
    """Make ``cue`` the quote's own cue and its subject the speaker."""
    q.cue = Span(cue.text, cue.idx, cue.idx + len(cue.text))
    q.speaker = speaker(st, cue)
    q.has_own_cue = True


def speaker(st: ArticleState, cue: Token) -> ActorRef | None:
    """The actor the cue names as the one who spoke, if any."""
    if cue.lower_ == "according":
        return _according(st, cue)
    if is_dash(cue):
        if cue.i + 1 >= len(cue.doc):
            return None  # a dash that ends the text names no one
        name = name_head(cue.nbor(1))
        return st.index.at(name) or speaker_actor(st.article, name)
    if cue.lemma_.lower() in STATEMENT_NOUNS and cue.pos_ in ("NOUN", "PROPN"):
        return _statement_maker(st, cue)
    verb, subj = _cue_subject(st, cue)
    if subj is not None and subj.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
        return _described(st, verb, subj)
    if subj is not None and st.in_quote(subj.idx):
        subj = None  # the parser took quoted words for the subject
    if subj is not None and subj.lower_ in PRONOUNS and any(c.lower_ == "what" for c in verb.children):
        ref = _what_it_calls(st, verb, subj)
        if ref is not None:
            return ref
    if subj is not None:
        return _subject_speaker(st, subj)
    return _unparsed(st, cue)


def _according(st: ArticleState, cue: Token) -> ActorRef | None:
    """'according to X': the first actor after 'according to' in the sentence."""
    for t in st.doc[cue.i + 2 : cue.sent.end]:
        ref = st.index.at(t)
        if ref is not None:
            return ref
        if t.is_punct and t.text != "'s":
            break
    return None


def _statement_maker(st: ArticleState, cue: Token) -> ActorRef | None:
    """ "In a statement, the ministry: ..." / "Kremlin's statement:": who made it."""
    for t in reversed(st.doc[cue.sent.start : cue.i + 1]):
        if st.in_quote(t.idx):
            break
        ref = st.index.at(t)
        if ref is not None:
            return ref
    return None


def _cue_subject(st: ArticleState, cue: Token) -> tuple[Token, Token | None]:
    """The verb whose subject speaks for the cue, and that subject."""
    verb = cue
    subj = subject(verb)
    while subj is None and verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.i != verb.i:
        verb = verb.head  # "..., adding that": the subject of the verb it hangs on
        subj = subject(verb)
    if verb is not cue and cue.tag_ == "VBG" and verb.dep_ == "ccomp" and verb.head.i < verb.i and is_cue(verb.head):
        # 'Holt said the talks could be "long," adding, "..."': the parser hung 'adding' on
        # what was said; it is the one who said it who adds.
        outer_subj = subject(verb.head)
        if outer_subj is not None and not st.in_quote(outer_subj.idx):
            verb, subj = verb.head, outer_subj
    return verb, subj


def _described(st: ArticleState, verb: Token, subj: Token) -> ActorRef | None:
    """ "Smith, who said ...": the noun the clause describes, standing here as "who"."""
    rel = Span(subj.text, subj.idx, subj.idx + len(subj.text))
    head = verb.head
    ref = st.index.at(head) or st.index.resolve(head)
    if ref is None and head.pos_ in ("PROPN", "NOUN") and head.ent_type_ not in NOT_SPEAKERS:
        ref = speaker_actor(st.article, head)
    return ActorRef(ref.actor, rel) if ref is not None else None


def _what_it_calls(st: ArticleState, verb: Token, subj: Token) -> ActorRef | None:
    """'The campaign attacked what it calls "..."': the pronoun stands for the subject of the
    clause above, whoever was named last."""
    outer = _outer_subject(st, verb, subj)
    ref = None if outer is None else st.index.at(outer) or st.index.resolve(outer)
    if ref is None and outer is not None and outer.lower_ in PRONOUNS:
        ref = antecedent(st.article, outer)
    if ref is None and outer is not None and outer.pos_ == "PROPN" and outer.ent_type_ not in NOT_SPEAKERS:
        ref = speaker_actor(st.article, outer)
    if ref is None:
        return None
    span = Span(subj.text, subj.idx, subj.idx + len(subj.text))
    if all(m.start != span.start for m in ref.actor.mentions):
        ref.actor.mentions.append(span)
    return ActorRef(ref.actor, span)


def _subject_speaker(st: ArticleState, subj: Token) -> ActorRef | None:
    """The actor the cue's subject stands for."""
    ref = st.index.at(subj)
    if ref is None and subj.pos_ == "PROPN" and subj.ent_type_ in ("PERSON", ""):
        # 'Clinton spokesman Jesse Lehrich': a person no table knows, not the name inside.
        return speaker_actor(st.article, subj)
    ref = ref or st.index.resolve(subj)
    if ref is None or ref.actor.kind == "agent":
        # "the minister" after "Defence Minister Anna Kovac": the person so titled.
        titled = _title_antecedent(st.article, subj)
        if titled is not None:
            return titled
    if ref is not None:
        return ref
    if subj.lower_ in PRONOUNS:
        return antecedent(st.article, subj)
    if subj.pos_ != "PRON" and subj.dep_ != "nsubjpass" and subj.ent_type_ not in NOT_SUBJECTS:
        # A speaker the actor stage did not know ("the announcer", "Caddell"): it is
        # still who spoke, so it becomes an actor of its own.
        return speaker_actor(st.article, subj)
    return None


def _unparsed(st: ArticleState, cue: Token) -> ActorRef | None:
    """The parse failed ('"...," Flynn, a top surrogate, said'; "a statement from the Kremlin
    read"): the first name between the quote and the cue, else the first one after the cue."""
    doc, index, article = st.doc, st.index, st.article
    seg = cue.sent.start
    for t in reversed(doc[cue.sent.start : cue.i]):
        if t.text == '"' or st.in_quote(t.idx):
            seg = t.i + 1
            break
    left = list(doc[seg : cue.i])
    for t in left:
        ref = index.at(t)
        if ref is not None:
            return ref
    for t in left:
        if t.pos_ == "PROPN" and t.ent_type_ not in NOT_SPEAKERS:
            return speaker_actor(article, name_head(t))
    for t in doc[cue.i + 1 : cue.sent.end]:  # inverted: '..., said Kremlin spokesman Dmitry Peskov'
        if t.text in ('"', ",", ".", ";") or st.in_quote(t.idx) or t.dep_ == "mark":
            break
        if t.pos_ in ("VERB", "SCONJ", "ADP"):
            break
        ref = index.at(t)
        if ref is not None:
            return ref
        if t.pos_ == "PROPN" and t.ent_type_ not in NOT_SPEAKERS:
            return speaker_actor(article, name_head(t))
    return None


def name_head(tok: Token) -> Token:
    """The last word of a name ('Dmitry' -> 'Peskov' in 'Dmitry Peskov')."""
    while tok.dep_ == "compound" and tok.head.i > tok.i and tok.head.pos_ == "PROPN":
        tok = tok.head
    return tok


def _outer_subject(st: ArticleState, verb: Token, pron: Token) -> Token | None:
    """The subject of the clause a 'what ... call(s)' clause sits in, when a pronoun can stand for it."""
    for anc in verb.ancestors:
        outer = subject(anc)
        if outer is None:
            continue
        if st.in_quote(outer.idx) or (outer.lower_ in PRONOUNS and outer.lower_ != pron.lower_):
            return None
        return outer
    return None


def _title_antecedent(article: Article, subj: Token) -> ActorRef | None:
    """The latest person named with this title before 'the minister' / 'the senator'."""
    det = [c for c in subj.children if c.dep_ == "det"]
    if subj.pos_ != "NOUN" or not det or det[0].lower_ != "the" or any(c.dep_ == "poss" for c in subj.children):
        return None
    title = subj.lemma_.lower()
    best: tuple[int, Actor] | None = None
    for a in article.actors:
        if a.kind != "person":
            continue
        for m in a.mentions:
            if m.end > subj.idx or (best is not None and m.start <= best[0]):
                continue  # (the cheap tests first: the words of every mention made long texts slow)
            words = {w.lower().rstrip(".,") for w in m.text.split()}
            if title in words or subj.lower_ in words:
                best = (m.start, a)
    if best is None:
        return None
    start = det[0].idx
    span = Span(article.text[start : subj.idx + len(subj.text)], start, subj.idx + len(subj.text))
    return ActorRef(best[1], span)


def antecedent(article: Article, pron: Token) -> ActorRef | None:
    """The actor a pronoun the actor stage left alone stands for: the latest one named before it
    of the right kind (a person for he/she, an organisation or group for it/they)."""
    word = pron.lower_
    if word in ("he", "she", "him", "her"):
        kinds = {"person"}
    elif word in ("it",):
        kinds = {"organisation", "country", "igo", "group", "agent"}
    elif word in ("they", "them", "we"):
        kinds = {"organisation", "country", "igo", "group", "agent", "person"}
    else:
        return None
    best: tuple[int, Actor] | None = None
    same_pronoun: tuple[int, Actor] | None = None
    for a in article.actors:
        if a.kind not in kinds:
            continue
        for m in a.mentions:
            if m.end <= pron.idx and (best is None or m.start > best[0]):
                best = (m.start, a)
        if any(m.text.lower() == word for m in a.mentions):
            last = max((m.start for m in a.mentions if m.end <= pron.idx), default=-1)
            if last >= 0 and (same_pronoun is None or last > same_pronoun[0]):
                same_pronoun = (last, a)
    if best is None:
        return None
    # A he/she both of two people could take: the one already called so.
    chosen = best[1]
    if (
        same_pronoun is not None
        and word in ("he", "she")
        and best[1].mentions
        and not any(m.text.lower() == word for m in best[1].mentions)
    ):
        other = {"he": "she", "she": "he"}[word]
        if any(m.text.lower() == other for m in best[1].mentions):
            chosen = same_pronoun[1]
    span = Span(pron.text, pron.idx, pron.idx + len(pron.text))
    if all(m.start != span.start for m in chosen.mentions):
        chosen.mentions.append(span)
    return ActorRef(chosen, span)


def label_speaker(st: ArticleState, a: int, b: int) -> ActorRef | None:
    """The actor a transcript label names ('PENCE:' after Mike Pence)."""
    name = st.text[a:b].rstrip(": ")
    for actor in st.article.actors:
        if actor.kind != "person":
            continue
        words = {w.lower() for w in actor.name.split()}
        if name.split()[-1].lower() in words:
            span = Span(name, a, a + len(name))
            if all(m.start != a for m in actor.mentions):
                actor.mentions.append(span)
            return ActorRef(actor, span)
    tok = st.doc.char_span(a, a + len(name), alignment_mode="expand")
    if tok is None:
        return None
    return speaker_actor(st.article, tok.root)


def previous_subject(st: ArticleState, para: tuple[int, int] | None) -> ActorRef | None:
    """The named subject of the last sentence of a stretch of text (a paragraph), when it is a
    person, or a pronoun or organisation standing for one; never a subject inside quote marks."""
    if para is None:
        return None
    pstart, pend = para
    end = st.doc.char_span(pstart, pend, alignment_mode="contract")
    if end is None or not len(end):
        return None
    sent = end[-1].sent
    root = sent.root
    subj = subject(root) if root.pos_ in ("VERB", "AUX") else None
    if subj is None or subj.idx < pstart or st.in_quote(subj.idx):
        return None
    ref = st.index.at(subj) or st.index.resolve(subj)
    if ref is None and subj.lower_ in ("he", "she"):
        ref = antecedent(st.article, subj)
    if ref is None and subj.pos_ == "PROPN" and subj.ent_type_ in ("PERSON", "ORG"):
        ref = speaker_actor(st.article, subj)
    if ref is None or ref.actor.kind not in ("person", "organisation", "group"):
        return None
    return ref
