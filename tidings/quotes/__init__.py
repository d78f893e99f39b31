"""Quotes stage: who said what.

Direct and partial quotes are found from the quote marks (the clean stage has
made them all straight), their speaker from the cue verb next to them ("...,"
a statement from the Kremlin read / the ministry said, "...") and the actor
its subject refers to. Indirect quotes are the "that"-clauses of verbs of
saying. A speaker that cannot be found stays ``None``: a wrong speaker is worse
than none. One or two words in quotes with no verb of saying near them are
scare quotes, not quotes.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tidings.actors import speaker_actor
from tidings.events import MentionIndex
from tidings.model import ActorRef, Article, Quote, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

CUE_LEMMAS = frozenset(
    {
        "say",
        "tell",
        "add",
        "warn",
        "insist",
        "write",
        "tweet",
        "read",
        "state",
        "declare",
        "announce",
        "note",
        "report",
        "stress",
        "claim",
        "explain",
        "argue",
        "reply",
        "respond",
        "comment",
        "allege",
        "acknowledge",
        "admit",
        "call",
        "describe",
        "post",
        "quote",
        "conclude",
        "urge",
        "vow",
        "promise",
        "deny",
        "emphasise",
        "emphasize",
        "underline",
        "ask",
    }
)
# Cue words as written, for when the tagger misreads the cue ("the Kremlin read" as a noun).
CUE_WORDS = frozenset(
    {"said", "says", "read", "reads", "added", "told", "wrote", "tweeted", "stated", "declared", "warned"}
)
# Verbs that introduce a short partial quote ("what she called 'baseless rumours'").
NAMING_LEMMAS = frozenset({"call", "dub", "term", "describe", "label", "brand"})


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Content spans (start, end) between quote marks; a quote left open at a paragraph's
    end continues when the next paragraph opens with a quote mark (news convention)."""
    spans: list[tuple[int, int]] = []
    paras: list[tuple[int, int]] = []
    pos = 0
    for part in text.split("\n\n"):
        paras.append((pos, pos + len(part)))
        pos += len(part) + 2
    open_at: int | None = None  # a quote carried over from an earlier paragraph
    for pstart, pend in paras:
        marks = [m.start() for m in re.finditer('"', text[pstart:pend])]
        marks = [pstart + m for m in marks]
        if open_at is not None:
            if marks and marks[0] == pstart:
                marks = marks[1:]
                if len(marks) % 2 == 1:  # the continued quote closes here
                    spans.append((open_at, marks[0]))
                    marks = marks[1:]
                    open_at = None
                else:
                    continue  # still open: goes on into the next paragraph
            else:
                spans.append((open_at, paras[paras.index((pstart, pend)) - 1][1]))
                open_at = None
        for a, b in zip(marks[0::2], marks[1::2], strict=False):
            spans.append((a + 1, b))
        if len(marks) % 2 == 1:
            open_at = marks[-1] + 1
    # Single-quoted phrases ("what she called 'baseless rumours'") outside double quotes.
    for m in re.finditer(r"(?<![\w])'([^'\n]{2,300}?)'(?![\w])", text):
        s, e = m.start(1), m.end(1)
        if not any(a <= s < b for a, b in spans):
            spans.append((s, e))
    return sorted(spans)


class QuoteFinder:
    """Pipeline stage: sets ``article.quotes`` (needs ``doc`` and ``actors``)."""

    name = "quotes"
    requires: tuple[str, ...] = ("doc", "actors")
    assigns: tuple[str, ...] = ("quotes",)

    def __call__(self, article: Article) -> Article:
        doc = article.doc
        if doc is None:
            return article
        index = MentionIndex(article)
        quotes: list[Quote] = []
        for start, end in _quote_spans(article.text):
            content = article.text[start:end].strip()
            if not content:
                continue
            lead = len(article.text[start:end]) - len(article.text[start:end].lstrip())
            start, end = start + lead, start + lead + len(content)
            cue = self._cue(doc, start, end)
            words = len(content.split())
            if words <= 3 and not self._adjacent_cue(doc, start, end):
                continue  # scare quotes: the "problems", so-called "experts"
            speaker = self._speaker(doc, cue, index, article) if cue is not None else None
            kind = self._kind(article.text, start, end, words)
            quotes.append(
                Quote(
                    text=content,
                    start=start,
                    end=end,
                    speaker=speaker,
                    cue=Span(cue.text, cue.idx, cue.idx + len(cue.text)) if cue is not None else None,
                    kind=kind,
                )
            )
        quotes.extend(self._indirect(doc, quotes, index))
        article.quotes = sorted(quotes, key=lambda q: q.start)
        return article

    def _adjacent_cue(self, doc: Doc, start: int, end: int) -> bool:
        """A verb of saying or naming within three words of a short quote."""
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return False
        near = [t for t in doc[max(0, span.start - 4) : span.start] if not t.is_punct]
        near += [t for t in doc[span.end : span.end + 4] if not t.is_punct][:3]
        return any(self._is_cue(t) or t.lemma_.lower() in NAMING_LEMMAS for t in near)

    @staticmethod
    def _is_cue(tok: Token) -> bool:
        return (tok.pos_ == "VERB" and tok.lemma_.lower() in CUE_LEMMAS) or tok.lower_ in CUE_WORDS

    def _cue(self, doc: Doc, start: int, end: int) -> Token | None:
        """The verb of saying for a quote.

        A quote that opens its sentence takes the cue after it ('"...," the minister
        said'), else one before it. A quote inside a sentence takes the verb of saying
        it depends on ('It said that these forces "are striving..."').
        """
        inside = doc.char_span(start, end, alignment_mode="expand")
        if inside is None:
            return None
        first, last = inside.start, inside.end
        sent_start = doc[first].sent.start
        sent_end = doc[max(last - 1, 0)].sent.end
        opening = all(t.is_punct or t.is_space for t in doc[sent_start:first])
        if not opening:
            for anc in inside.root.ancestors:
                if self._is_cue(anc):
                    return anc
        after = None
        for tok in doc[last:sent_end]:
            if tok.text == '"' and tok.i > last:
                break
            if self._is_cue(tok):
                after = tok
                break
        before = next((t for t in reversed(doc[sent_start:first]) if self._is_cue(t)), None)
        found = (after or before) if opening else (before or after)
        if found is not None:
            return found
        for tok in doc[sent_start:sent_end]:  # "According to X, ..."
            if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                return tok
        return None

    @staticmethod
    def _speaker(doc: Doc, cue: Token, index: MentionIndex, article: Article) -> ActorRef | None:
        if cue.lower_ == "according":
            for t in doc[cue.i + 2 : cue.sent.end]:
                ref = index.at(t)
                if ref is not None:
                    return ref
                if t.is_punct:
                    break
            return None
        verb = cue
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        while subj is None and verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.i != verb.i:
            verb = verb.head  # "..., adding that": the subject of the verb it hangs on
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            ref = index.resolve(subj)
            if ref is not None:
                return ref
        # The parse failed ("a statement from the Kremlin read"): read the words around the cue.
        left = []
        for t in reversed(doc[cue.sent.start : cue.i]):
            if t.text in ('"', ",", ":", ";") or t.is_space:
                break
            left.append(t)
        for t in reversed(left):
            ref = index.at(t)
            if ref is not None:
                return ref
        for t in doc[cue.i + 1 : cue.sent.end]:  # inverted: '..., said Kremlin spokesman Dmitry Peskov'
            if t.text in ('"', ",", ".", ";") or t.dep_ == "mark" or t.pos_ in ("VERB", "SCONJ"):
                break
            ref = index.at(t)
            if ref is not None:
                return ref
        if subj is not None and subj.pos_ != "PRON" and subj.dep_ != "nsubjpass":
            # A speaker the actor stage did not know ("the announcer", "Caddell"): it is
            # still who spoke, so it becomes an actor of its own.
            return speaker_actor(article, subj)
        return None

    @staticmethod
    def _kind(text: str, start: int, end: int, words: int) -> str:
        """Direct when the quote stands as a sentence of its own; partial when it sits in one."""
        before = text[max(0, start - 3) : start - 1].rstrip()
        at_sentence_start = not before or before[-1] in ".:,\n" or start <= 1
        closes_sentence = text[end : end + 2].startswith(('."', ',"', '?"', '!"', '"')) and (
            end > 0 and text[end - 1] in ".,?!"
        )
        if at_sentence_start and words >= 4 and (closes_sentence or text[start : start + 1].isupper()):
            return "direct"
        return "partial"

    @staticmethod
    def _indirect(doc: Doc, direct: list[Quote], index: MentionIndex) -> list[Quote]:
        """'X said that ...': the clause of a verb of saying, when no quote marks cover it."""
        out: list[Quote] = []
        for tok in doc:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in (
                "say",
                "tell",
                "add",
                "warn",
                "insist",
                "claim",
                "allege",
            ):
                continue
            comp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
            if comp is None or comp.i < tok.i:
                continue
            toks = list(comp.subtree)
            if toks and toks[0].dep_ == "mark":
                toks = toks[1:]
            if not toks:
                continue
            start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
            if any(q.start < end and start < q.end for q in direct) or '"' in doc.text[start:end]:
                continue
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            speaker = index.resolve(subj) if subj is not None else None
            out.append(
                Quote(
                    text=doc.text[start:end],
                    start=start,
                    end=end,
                    speaker=speaker,
                    cue=Span(tok.text, tok.idx, tok.idx + len(tok.text)),
                    kind="indirect",
                )
            )
        return out
