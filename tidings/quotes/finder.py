"""Quotes stage: who said what.

Quote marks (the clean stage has made them all straight) give the quoted
pieces, paragraph by paragraph; a piece left open at a paragraph's end goes on
in the next paragraph when that one opens with a mark (news convention). Each
piece then looks for its cue in the words around it, outside the marks: a verb
of saying after it ('"...," the minister said'), before it ('X said: "..."'),
the verb it hangs on ('X called it "a disgrace"'), "according to X", or a
transcript label ('WALLACE: ...'). A piece with no cue of its own belongs to the
quote next to it in the same paragraph ('"A," she said. "B."' is one quote of
two parts), to the speaker a paragraph ending in a colon announces, or to the
quote of the paragraph before it that it continues. The speaker is the actor
the cue's subject stands for; a pronoun the actor stage left alone takes the
latest person (or organisation) named before it. A speaker that cannot be found
stays ``None``: a wrong speaker is worse than none. One to three words in quotes
with no cue beside them are scare quotes, and Title Case words with none are a
title ("Shark Tank"): neither is a quote. Indirect quotes are the "that"-clauses
of verbs of saying. A quote links to the events whose trigger lies inside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tidings.actors import speaker_actor
from tidings.events import MentionIndex
from tidings.model import Actor, ActorRef, Article, Context, Quote, Span

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
        "continue",
        "recall",
        "joke",
        "quip",
        "observe",
        "remark",
        "answer",
        "assert",
        "suggest",
        "predict",
        "complain",
        "concede",
        "counter",
        "scream",
        "shout",
        "yell",
        "exclaim",
        "proclaim",
        "boast",
        "confirm",
        "caution",
        "lament",
        "muse",
        "mutter",
        "whisper",
        "echo",
        "testify",
        "maintain",
        "contend",
        "point",
        "recount",
        "chant",
        "sing",
        "interject",
        "retort",
        "demand",
        "charge",
        "agree",
        "wonder",
        "begin",
        "put",
        "summarize",
        "summarise",
        "plead",
        "offer",
        "inform",
        "reiterate",
        "repeat",
        "threaten",
        "blast",
        "slam",
        "accuse",
        "thunder",
        "mock",
        "criticize",
        "criticise",
        "dismiss",
        "pledge",
        "estimate",
        "bemoan",
        "bark",
        "boom",
        "snap",
        "scoff",
        "sneer",
        "rant",
        "gush",
        "grumble",
        "opine",
        "speak",
        "advise",
        "hint",
    }
)
# Verbs of saying that need a quote or clause right next to them to be cues
# ("he began", "as she put it"): only counted when the quote is adjacent.
WEAK_CUES = frozenset({"begin", "continue", "put", "agree", "offer", "speak", "point", "charge", "sing", "chant"})
# Cue words as written, for when the tagger misreads the cue ("the Kremlin read" as a noun).
CUE_WORDS = frozenset(
    {
        "said",
        "says",
        "read",
        "reads",
        "added",
        "adds",
        "told",
        "tells",
        "wrote",
        "writes",
        "tweeted",
        "tweets",
        "stated",
        "states",
        "declared",
        "warned",
        "asked",
        "asks",
        "continued",
        "posted",
        "reported",
        "reports",
        "noted",
    }
)
# Verbs that introduce a short partial quote ("what she called 'baseless rumours'").
NAMING_LEMMAS = frozenset(
    {"call", "dub", "term", "describe", "label", "brand", "refer", "characterize", "characterise"}
)
# Nouns that carry a quote in place of a verb ("in a statement: '...'").
STATEMENT_NOUNS = frozenset(
    {"statement", "tweet", "post", "interview", "letter", "memo", "message", "remarks", "remark", "comment"}
)
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "him", "her", "them", "who"})
# A transcript turn: 'WALLACE: ...', 'SEN. JOHN SMITH: ...'.
LABEL_RE = re.compile(r"^\s*((?:[A-Z][A-Z.'\-]+\s){0,3}[A-Z][A-Z'\-]{2,})\s?:\s+")
SENT_END = frozenset({".", "!", "?"})
DASHES = frozenset({"\u2015", "\u2014", "\u2013", "-", "--"})
# Entity types that never speak ('said Thursday morning').
_NOT_SPEAKERS = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "WORK_OF_ART", "EVENT", "LAW"}
)

# ... but a share of a poll is the subject that speaks ('63 percent said').
_NOT_SUBJECTS = _NOT_SPEAKERS - {"PERCENT"}


@dataclass
class _Piece:
    """One run of quoted words inside one paragraph."""

    start: int
    end: int
    para: int
    group: int  # pieces of one quotation carried over paragraph breaks share a group
    single: bool = False  # in single quote marks
    label: tuple[int, int] | None = None  # a transcript label's span, when it opens the piece


@dataclass
class _Quotation:
    """A quote being put together: its pieces, cue and speaker."""

    parts: list[_Piece]
    cue: Span | None = None
    speaker: ActorRef | None = None
    has_own_cue: bool = False  # a cue found next to it, not lent by a neighbour


def _paragraphs(text: str) -> list[tuple[int, int]]:
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


def _pieces(text: str) -> list[_Piece]:
    """The quoted pieces of the text, paragraph by paragraph."""
    paras = _paragraphs(text)
    pieces: list[_Piece] = []
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
            pieces.append(_Piece(open_at, m, pi, cur_group or 0))
            open_at = None
        if open_at is not None:
            pieces.append(_Piece(open_at, pend, pi, cur_group or 0))
            nxt = paras[pi + 1] if pi + 1 < len(paras) else None
            if nxt is not None and text[nxt[0] : nxt[1]].lstrip().startswith('"'):
                carried = cur_group
    # Single-quoted phrases ("what she called 'baseless rumours'") outside double quotes.
    for sm in re.finditer(r"(?<![\w'])'([^'\n]{2,300}?)'(?![\w])", text):
        s, e = sm.start(1), sm.end(1)
        if text[s].isspace() or text[e - 1].isspace():
            continue
        if not any(p.start <= s < p.end for p in pieces):
            pi = next(i for i, (a, b) in enumerate(paras) if a <= s <= b)
            group += 1
            pieces.append(_Piece(s, e, pi, group, single=True))
    out: list[_Piece] = []
    for p in sorted(pieces, key=lambda p: p.start):
        raw = text[p.start : p.end]
        lead = len(raw) - len(raw.lstrip())
        s, e = p.start + lead, p.start + lead + len(raw.strip())
        if e > s:
            out.append(_Piece(s, e, p.para, p.group, p.single))
    return out


def _is_dash(tok: Token) -> bool:
    """A dash, also when the tokenizer glued it to a closing mark ('"\u2015')."""
    return tok.text.strip('"') in DASHES


def _so_called(tok: Token) -> bool:
    """'so-called': a scare quote's marker, not a verb of saying."""
    return tok.lower_ == "called" and tok.i >= 2 and tok.nbor(-1).text == "-" and tok.nbor(-2).lower_ == "so"


class QuoteFinder:
    """Pipeline stage: sets ``article.quotes`` (needs ``doc``, ``actors`` and ``events``)."""

    name = "quotes"
    requires: tuple[str, ...] = ("doc", "actors", "events")
    assigns: tuple[str, ...] = ("quotes", "actors")

    def __init__(self) -> None:
        self._quoted: list[tuple[int, int]] = []  # the quoted pieces of the article in hand
        self._headline_end = 0  # where the article's headline ends (0: it has none)

    def __call__(self, article: Article, ctx: Context) -> Article:
        doc = ctx.doc
        if doc is None:
            return article
        text = article.text
        index = MentionIndex(article)
        pieces = self._split_labels(text, _pieces(text))
        mark_starts = sorted({p.start - 1 for p in pieces} | {p.end for p in pieces})
        quoted = [(p.start, p.end) for p in pieces]
        self._quoted = quoted
        self._headline_end = self._headline(text)
        # One quotation per group (a quote carried over paragraphs), its first piece's cue.
        groups: dict[int, list[_Piece]] = {}
        for p in pieces:
            groups.setdefault(p.group, []).append(p)
        quotations: list[_Quotation] = []
        for group in groups.values():
            q = _Quotation(group)
            first = group[0]
            if first.label is not None:
                a, b = first.label
                colon = text.find(":", a, b)
                q.cue = Span(":", colon, colon + 1) if colon >= 0 else None
                q.speaker = self._label_speaker(doc, a, b, index, article)
                q.has_own_cue = True
            else:
                cue = self._cue(doc, first.start, first.end, mark_starts, quoted)
                if cue is None and len(group) > 1:
                    # '"We rebuilt the school. ¶ "Nobody is left behind," Holt said.'
                    cue = self._cue(doc, group[-1].start, group[-1].end, mark_starts, quoted)
                if cue is not None:
                    q.has_own_cue = True
                    lead = len(cue.text) - len(cue.text.lstrip('"'))
                    q.cue = Span(cue.text[lead:], cue.idx + lead, cue.idx + len(cue.text))
                    q.speaker = self._speaker(doc, cue, index, article)
                elif first.start < self._headline_end:
                    self._headline_speaker(doc, q, index, article)
            quotations.append(q)
        quotations.sort(key=lambda q: q.parts[0].start)
        quotations = [q for q in quotations if not self._not_a_quote(text, doc, q)]
        quotations = self._merge(text, doc, quotations, index, article)
        quotes: list[Quote] = []
        for q in quotations:
            words = sum(len(text[p.start : p.end].split()) for p in q.parts)
            if not q.has_own_cue and words <= 3 and q.parts[0].start >= self._headline_end:
                continue  # scare quotes: the "problems", so-called "experts"
            spans = [Span(text[p.start : p.end], p.start, p.end) for p in q.parts]
            events = [
                i
                for i, e in enumerate(article.events)
                if any(p.start <= e.trigger.start and e.trigger.end <= p.end for p in spans)
            ]
            quotes.append(
                Quote(
                    text=" ".join(p.text for p in spans),
                    start=spans[0].start,
                    end=spans[-1].end,
                    speaker=q.speaker,
                    cue=q.cue,
                    kind=self._kind(text, doc, q.parts[0], words),
                    parts=spans if len(spans) > 1 else [],
                    event_ids=events,
                )
            )
        quotes.extend(self._indirect(doc, quotes, index, article))
        article.quotes = sorted(quotes, key=lambda q: q.start)
        return article

    # -- pieces --------------------------------------------------------
    @staticmethod
    def _split_labels(text: str, pieces: list[_Piece]) -> list[_Piece]:
        """Transcript turns inside quote marks ('"WALLACE: ...') become quotes of their own."""
        out: list[_Piece] = []
        next_group = max((p.group for p in pieces), default=0) + 1
        for p in pieces:
            m = LABEL_RE.match(text[p.start : p.end])
            if m is None or p.single:
                out.append(p)
                continue
            label = (p.start + m.start(1), p.start + m.end())
            out.append(_Piece(p.start + m.end(), p.end, p.para, next_group, label=label))
            next_group += 1
        # A turn carried over paragraphs keeps its label's group; pieces after it stay in it.
        fixed: list[_Piece] = []
        remap: dict[int, int] = {}
        for p in out:
            if p.label is not None:
                original = next((q.group for q in pieces if q.end == p.end and q.para == p.para), None)
                if original is not None:
                    remap[original] = p.group
                fixed.append(p)
            else:
                fixed.append(_Piece(p.start, p.end, p.para, remap.get(p.group, p.group), p.single, p.label))
        return fixed

    def _not_a_quote(self, text: str, doc: Doc, q: _Quotation) -> bool:
        """Titles ("Shark Tank", "Contract with America") and scare quotes: words in marks
        that nobody says."""
        piece = q.parts[0]
        if piece.start < self._headline_end:
            return False  # a headline's quotes are short and Title Case, and still quotes
        words = len(text[piece.start : piece.end].split())
        if self._is_title(text, piece) and not self._named(doc, piece.start):
            return True
        return (
            q.has_own_cue
            and words == 1
            and piece.label is None
            and not self._adjacent_cue(doc, piece.start, piece.end)
            and self._scare_word(text, piece)
        )

    @staticmethod
    def _scare_word(text: str, piece: _Piece) -> bool:
        """One quoted word that names a thing ('the "problems" in Belarus') rather than
        words someone said ('was "disgusting"', 'called it "true"')."""
        before = re.findall(r"[\w']+", text[max(0, piece.start - 30) : piece.start])
        return bool(before) and (
            before[-1].lower() in ("the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her")
            or before[-1].endswith("'s")
        )

    @staticmethod
    def _is_title(text: str, piece: _Piece) -> bool:
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

    @staticmethod
    def _named(doc: Doc, start: int) -> bool:
        """A verb of naming just before a quote ('called him "Crooked Hillary"')."""
        tok = doc.char_span(start, start + 1, alignment_mode="expand")
        if tok is None:
            return False
        before = [t for t in doc[max(0, tok.start - 4) : tok.start] if not t.is_punct]
        return any(t.lemma_.lower() in NAMING_LEMMAS and not _so_called(t) for t in before)

    # -- cues ----------------------------------------------------------
    @staticmethod
    def _is_cue(tok: Token) -> bool:
        if _so_called(tok):
            return False
        return (tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in CUE_LEMMAS) or tok.lower_ in CUE_WORDS

    @staticmethod
    def _weak(tok: Token) -> bool:
        """A weak verb of saying, unless its particle makes it a plain one ('points out')."""
        if tok.lemma_.lower() not in WEAK_CUES:
            return False
        return not (tok.lemma_.lower() == "point" and any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children))

    @staticmethod
    def _as_put_it(tok: Token) -> bool:
        """'as the memo put it': a clause that names who said the quote beside it."""
        return (
            tok.lemma_.lower() == "put"
            and tok.pos_ == "VERB"
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)
            and any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children)
            and any(c.dep_ == "nsubj" for c in tok.children)
        )

    def _adjacent_cue(self, doc: Doc, start: int, end: int) -> bool:
        """A short quote someone said or named: a verb of naming just before it ("what she
        called 'baseless rumours'"), a verb of saying with a colon or comma before it
        ('he said: "No."'), or one right after it ('"Never," he said')."""
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return False
        before = [t for t in doc[max(0, span.start - 5) : span.start] if t.text != '"']
        words = [t for t in before if not t.is_punct][-3:]
        if any(t.lemma_.lower() in NAMING_LEMMAS and not _so_called(t) for t in words):
            return True
        if before and before[-1].text in (":", ",") and any(self._is_cue(t) for t in before[-3:]):
            return True
        closing = doc.text[max(start, end - 1) : end + 1]
        if not any(ch in closing for ch in ",?!"):
            return False  # '"problems" in Belarus': the sentence goes on, nobody says the word
        after = [t for t in doc[span.end : span.end + 5] if not t.is_punct][:3]
        return any(self._is_cue(t) for t in after)

    def _cue(self, doc: Doc, start: int, end: int, marks: list[int], quoted: list[tuple[int, int]]) -> Token | None:
        """The verb of saying for a quoted piece, looked for outside the marks.

        A piece that opens its sentence takes the cue right after it ('"...," the
        minister said'), else the one before it ('X said: "..."'). A piece inside a
        sentence takes the verb of saying (or naming) it depends on.
        """
        inside = doc.char_span(start, end, alignment_mode="expand")
        if inside is None:
            return None
        first, last = inside.start, inside.end
        # The words between this piece and the marks of its neighbours.
        prev_mark = max((m for m in marks if m < start - 1), default=-1)
        next_mark = min((m for m in marks if m > end), default=len(doc.text))
        left: list[Token] = []
        for t in reversed(doc[:first]):
            if t.idx < prev_mark or t.text in SENT_END or "\n" in t.text:
                break
            if t.text != '"':
                left.append(t)
        left.reverse()
        right: list[Token] = []
        for t in doc[last:]:
            if t.idx >= next_mark or "\n" in t.text:
                break
            if t.text == '"':
                continue
            right.append(t)
            if t.text in SENT_END:
                break
        if len(right) > 1 and _is_dash(right[0]) and right[1].pos_ == "PROPN":
            return right[0]  # '"..." \u2015 Sonya Herridge': a name signs the quote
        content = doc.text[start:end].rstrip(" '\"")
        ends_clause = content.endswith((",", "?", "!", "\u2014", "\u2013", "-", "\u2026", ":")) or (
            bool(right) and right[0].is_lower
        )
        opening = not [t for t in left if not t.is_punct]
        after = None
        if ends_clause or (not opening and not content.endswith((".", "!", "?"))):
            for t in right[:40]:
                if self._is_cue(t) or (t.lower_ == "according" and t.nbor(1).lower_ == "to"):
                    after = t
                    break
        put_it = next((t for t in [*left, *right] if self._as_put_it(t)), None)
        if put_it is not None:
            return put_it  # '"...," as the memo put it' / 'As Smith put it, X is "..."'
        before = next((t for t in reversed(left) if self._is_cue(t) and not self._weak(t)), None)
        if before is None and left and left[-1].text in (":", ","):
            # 'Stated Stone:', 'He continued:', 'The statement:' — a weak cue or a statement noun.
            before = next(
                (
                    t
                    for t in reversed(left[-4:])
                    if self._is_cue(t) or (left[-1].text == ":" and t.lemma_.lower() in STATEMENT_NOUNS)
                ),
                None,
            )
        if not opening:
            # Inside a sentence: the verb of saying or naming the piece hangs on.
            below = inside.root
            for anc in inside.root.ancestors:
                via, below = below, anc
                if anc.i >= first and anc.i < last:
                    continue
                if via.dep_ in ("nsubj", "nsubjpass", "advmod", "npadvmod", "neg", "aux"):
                    continue  # 'the ad "unmistakably" suggests': the quote is no complement of the verb
                if self._weak(anc):
                    continue  # 'agreed to continue contact and their "intention ..."': not saying
                if self._is_cue(anc) or (anc.lemma_.lower() in NAMING_LEMMAS and not _so_called(anc)):
                    in_quote = any(a <= anc.idx < b for a, b in quoted)
                    same_sentence = anc.sent.start == doc[first].sent.start or anc.i >= last
                    if not in_quote and same_sentence and (anc.i < first or anc in right):
                        return anc
                    break
        found = (after or before) if opening else (before or after)
        if found is not None:
            return found
        for t in left:  # "According to X, '...'"
            if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
                return t
        if not opening:
            return self._main_verb(inside.root, first, left)
        return None

    def _main_verb(self, root: Token, first: int, left: list[Token]) -> Token | None:
        """The main verb of a sentence a quote is an argument of ('Moore thanked him for
        "stepping up"'; 'Politico reveals a few facts: "..."'), when a named actor is its subject."""
        verb = root.sent.root
        if verb.pos_ != "VERB" or verb.i >= first or self._in_quote(verb.idx):
            return None
        if not (left and left[-1].text == ":"):
            node = root
            while node.i != verb.i:
                if node.dep_ in ("relcl", "ccomp", "csubj", "advcl", "parataxis", "nsubj", "nsubjpass", "acl"):
                    return None  # the quote sits in a clause of its own, or in the subject
                node = node.head
        subj = self._subject(verb)
        if subj is None or self._in_quote(subj.idx) or subj.pos_ != "PROPN" or subj.ent_type_ in _NOT_SPEAKERS:
            return None
        return verb

    @staticmethod
    def _headline(text: str) -> int:
        """The end of a Title Case headline opening the text ('Pence: Flowers Won't Be at
        Debate'), else 0."""
        end = text.find("\n")
        line = text[: end if end >= 0 else len(text)]
        words = re.findall(r"[A-Za-z][\w'\-]*", line)
        long = [w for w in words if len(w) > 3]
        if not 2 <= len(words) <= 30 or not long:
            return 0
        return len(line) if sum(w[0].isupper() for w in long) >= 0.8 * len(long) else 0

    def _headline_speaker(self, doc: Doc, q: _Quotation, index: MentionIndex, article: Article) -> None:
        """'Pence: ... 'Mocking' Clinton Camp': the name before a headline's colon speaks."""
        m = re.match(r"([A-Z][\w.'\-]+(?: [A-Z][\w.'\-]+){0,3}):\s", doc.text[: self._headline_end])
        if m is None:
            # 'Black Lawmakers Rip Trump As A 'Disgusting Fraud'': the headline's subject.
            first = doc.char_span(0, min(self._headline_end, len(doc.text)), alignment_mode="contract")
            if first is None:
                return
            root = first[0].sent.root
            subj = self._subject(root) if root.pos_ == "VERB" else None
            if subj is None or subj.pos_ == "PRON" or self._in_quote(subj.idx) or subj.idx >= q.parts[0].start:
                self._headline_name(doc, q, article)
                return
            ref = index.resolve(subj)
            if ref is None and subj.ent_type_ not in _NOT_SPEAKERS:
                ref = speaker_actor(article, subj)
            if ref is not None:
                q.speaker = ref
                q.cue = Span(root.text, root.idx, root.idx + len(root.text))
                q.has_own_cue = True
            return
        name = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if name is None:
            return
        ref = index.at(name.root)
        if ref is None and name.root.ent_type_ in ("PERSON", "ORG", "NORP"):
            ref = speaker_actor(article, name.root)
        if ref is not None:
            q.speaker = ref
            q.cue = Span(":", m.end(1), m.end(1) + 1)
            q.has_own_cue = True

    def _headline_name(self, doc: Doc, q: _Quotation, article: Article) -> None:
        """'Jane Doe Slams Budget Plan: "..."': a Title Case headline the tagger cannot parse, that
        opens with the full name of a person the article names, is that person's (but not
        'Jane Doe Is A "..."', which says what she is)."""
        start = self._headline_end
        best: Actor | None = None
        for actor in article.actors:
            name = actor.name
            if (
                actor.kind == "person"
                and len(name.split()) >= 2
                and len(name) < q.parts[0].start
                and doc.text.startswith(name + " ")
                and doc.text[len(name) + 1 :].split(" ", 1)[0].lower() not in ("is", "was", "are", "were", "be")
                and any(m.start >= start for m in actor.mentions)  # named in the story, not a misread headline
                and (best is None or len(name) > len(best.name))
            ):
                best = actor
        if best is None:
            return
        span = Span(best.name, 0, len(best.name))
        if all(m.start != 0 for m in best.mentions):
            best.mentions.append(span)
        q.speaker = ActorRef(best, span)
        q.has_own_cue = True

    # -- speakers ------------------------------------------------------
    def _cue_for(self, q: _Quotation, cue: Token, doc: Doc, index: MentionIndex, article: Article) -> None:
        """Make ``cue`` the quote's own cue and its subject the speaker."""
        q.cue = Span(cue.text, cue.idx, cue.idx + len(cue.text))
        q.speaker = self._speaker(doc, cue, index, article)
        q.has_own_cue = True

    def _speaker(self, doc: Doc, cue: Token, index: MentionIndex, article: Article) -> ActorRef | None:
        if cue.lower_ == "according":
            for t in doc[cue.i + 2 : cue.sent.end]:
                ref = index.at(t)
                if ref is not None:
                    return ref
                if t.is_punct and t.text != "'s":
                    break
            return None
        if _is_dash(cue):
            name = cue.nbor(1)
            while name.dep_ == "compound" and name.head.i > name.i and name.head.pos_ == "PROPN":
                name = name.head
            return index.at(name) or speaker_actor(article, name)
        if cue.lemma_.lower() in STATEMENT_NOUNS and cue.pos_ in ("NOUN", "PROPN"):
            # "In a statement, the ministry: ..." / "Kremlin's statement:": who made it.
            for t in reversed(doc[cue.sent.start : cue.i + 1]):
                if self._in_quote(t.idx):
                    break
                ref = index.at(t)
                if ref is not None:
                    return ref
            return None
        verb = cue
        subj = self._subject(verb)
        while subj is None and verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.i != verb.i:
            verb = verb.head  # "..., adding that": the subject of the verb it hangs on
            subj = self._subject(verb)
        if (
            verb is not cue
            and cue.tag_ == "VBG"
            and verb.dep_ == "ccomp"
            and verb.head.i < verb.i
            and self._is_cue(verb.head)
        ):
            # 'Holt said the talks could be "long," adding, "..."': the parser hung 'adding' on
            # what was said; it is the one who said it who adds.
            outer_subj = self._subject(verb.head)
            if outer_subj is not None and not self._in_quote(outer_subj.idx):
                verb, subj = verb.head, outer_subj
        if subj is not None and subj.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
            # "Smith, who said ...": the noun the clause describes, standing here as "who".
            rel = Span(subj.text, subj.idx, subj.idx + len(subj.text))
            head = verb.head
            ref = index.at(head) or index.resolve(head)
            if ref is None and head.pos_ in ("PROPN", "NOUN") and head.ent_type_ not in _NOT_SPEAKERS:
                ref = speaker_actor(article, head)
            return ActorRef(ref.actor, rel) if ref is not None else None
        if subj is not None and self._in_quote(subj.idx):
            subj = None  # the parser took quoted words for the subject
        if subj is not None and subj.lower_ in PRONOUNS and any(c.lower_ == "what" for c in verb.children):
            # 'The campaign attacked what it calls "..."': the pronoun stands for the subject of the
            # clause above, whoever was named last.
            outer = self._outer_subject(verb, subj)
            ref = None if outer is None else index.at(outer) or index.resolve(outer)
            if ref is None and outer is not None and outer.lower_ in PRONOUNS:
                ref = self._antecedent(article, outer)
            if ref is None and outer is not None and outer.pos_ == "PROPN" and outer.ent_type_ not in _NOT_SPEAKERS:
                ref = speaker_actor(article, outer)
            if ref is not None:
                span = Span(subj.text, subj.idx, subj.idx + len(subj.text))
                if all(m.start != span.start for m in ref.actor.mentions):
                    ref.actor.mentions.append(span)
                return ActorRef(ref.actor, span)
        if subj is not None:
            ref = index.at(subj)
            if ref is None and subj.pos_ == "PROPN" and subj.ent_type_ in ("PERSON", ""):
                # 'Clinton spokesman Jesse Lehrich': a person no table knows, not the name inside.
                return speaker_actor(article, subj)
            ref = ref or index.resolve(subj)
            if ref is None or ref.actor.kind == "agent":
                # "the minister" after "Defence Minister Anna Kovac": the person so titled.
                titled = self._title_antecedent(article, subj)
                if titled is not None:
                    return titled
            if ref is not None:
                return ref
            if subj.lower_ in PRONOUNS:
                return self._antecedent(article, subj)
            if subj.pos_ != "PRON" and subj.dep_ != "nsubjpass" and subj.ent_type_ not in _NOT_SUBJECTS:
                # A speaker the actor stage did not know ("the announcer", "Caddell"): it is
                # still who spoke, so it becomes an actor of its own.
                return speaker_actor(article, subj)
            return None
        # The parse failed ('"...," Flynn, a top surrogate, said'; "a statement from the Kremlin
        # read"): the first name between the quote and the cue, else the first one after the cue.
        seg = cue.sent.start
        for t in reversed(doc[cue.sent.start : cue.i]):
            if t.text == '"' or self._in_quote(t.idx):
                seg = t.i + 1
                break
        left = list(doc[seg : cue.i])
        for t in left:
            ref = index.at(t)
            if ref is not None:
                return ref
        for t in left:
            if t.pos_ == "PROPN" and t.ent_type_ not in _NOT_SPEAKERS:
                return speaker_actor(article, self._name_head(t))
        for t in doc[cue.i + 1 : cue.sent.end]:  # inverted: '..., said Kremlin spokesman Dmitry Peskov'
            if t.text in ('"', ",", ".", ";") or self._in_quote(t.idx) or t.dep_ == "mark":
                break
            if t.pos_ in ("VERB", "SCONJ", "ADP"):
                break
            ref = index.at(t)
            if ref is not None:
                return ref
            if t.pos_ == "PROPN" and t.ent_type_ not in _NOT_SPEAKERS:
                return speaker_actor(article, self._name_head(t))
        return None

    @staticmethod
    def _name_head(tok: Token) -> Token:
        """The last word of a name ('Dmitry' -> 'Peskov' in 'Dmitry Peskov')."""
        while tok.dep_ == "compound" and tok.head.i > tok.i and tok.head.pos_ == "PROPN":
            tok = tok.head
        return tok

    def _in_quote(self, offset: int) -> bool:
        return any(a <= offset < b for a, b in self._quoted)

    @staticmethod
    def _subject(verb: Token) -> Token | None:
        return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)

    def _outer_subject(self, verb: Token, pron: Token) -> Token | None:
        """The subject of the clause a 'what ... call(s)' clause sits in, when a pronoun can stand for it."""
        for anc in verb.ancestors:
            outer = self._subject(anc)
            if outer is None:
                continue
            if self._in_quote(outer.idx) or (outer.lower_ in PRONOUNS and outer.lower_ != pron.lower_):
                return None
            return outer
        return None

    @staticmethod
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
                words = {w.lower().rstrip(".,") for w in m.text.split()}
                if (
                    m.end <= subj.idx
                    and (title in words or subj.lower_ in words)
                    and (best is None or m.start > best[0])
                ):
                    best = (m.start, a)
        if best is None:
            return None
        start = det[0].idx
        span = Span(article.text[start : subj.idx + len(subj.text)], start, subj.idx + len(subj.text))
        return ActorRef(best[1], span)

    @staticmethod
    def _antecedent(article: Article, pron: Token) -> ActorRef | None:
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

    def _label_speaker(self, doc: Doc, a: int, b: int, index: MentionIndex, article: Article) -> ActorRef | None:
        """The actor a transcript label names ('PENCE:' after Mike Pence)."""
        name = doc.text[a:b].rstrip(": ")
        for actor in article.actors:
            if actor.kind != "person":
                continue
            words = {w.lower() for w in actor.name.split()}
            if name.split()[-1].lower() in words:
                span = Span(name, a, a + len(name))
                if all(m.start != a for m in actor.mentions):
                    actor.mentions.append(span)
                return ActorRef(actor, span)
        tok = doc.char_span(a, a + len(name), alignment_mode="expand")
        if tok is None:
            return None
        return speaker_actor(article, tok.root)

    # -- merging -------------------------------------------------------
    def _merge(
        self, text: str, doc: Doc, quotations: list[_Quotation], index: MentionIndex, article: Article
    ) -> list[_Quotation]:
        """Give quotations with no cue of their own to the quote they belong to."""
        paras = _paragraphs(text)
        out: list[_Quotation] = []
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
                    continue
                out.append(q)
                continue
            first = q.parts[0]
            pstart, _pend = paras[first.para]
            if prev is not None and prev.parts[-1].para == first.para and not first.single:
                # '"A," she said. "B."': the second piece is more of the first quote.
                between = text[prev.parts[-1].end : first.start].strip(" \"'")
                sentence_like = not between or between.endswith((".", ",", ":", "!", "?", "\u2014"))
                if (
                    sentence_like
                    and len(between) < 300
                    and prev.has_own_cue
                    and not self._new_subject(doc, prev, first)
                ):
                    prev.parts.extend(q.parts)
                    continue
            if first.start - pstart > 1 and not first.single and (prev is None or prev.parts[-1].para != first.para):
                # 'The administration may wait, Schiff said. "The other factor ..."': the
                # sentence just before names who goes on speaking.
                cue = self._previous_sentence_cue(doc, first.start, pstart)
                if cue is not None:
                    self._cue_for(q, cue, doc, index, article)
                    out.append(q)
                    continue
            if (
                first.start - pstart > 1
                and not first.single
                and (prev is None or prev.parts[-1].para != first.para or not prev.has_own_cue)
                and text[pstart : first.start - 1].rstrip().endswith((".", "!", "?"))
                and self._whole_paragraph(text, paras, q)
            ):
                # 'Grant toured the school. "It is the best we have had."': the quote ending the
                # paragraph is the named subject's of the sentence before it.
                q.speaker = self._previous_subject(doc, (pstart, first.start - 1), index, article)
            if first.start - pstart <= 1 and not first.single:
                intro = self._colon_intro(text, doc, paras, first.para)
                if intro is not None:
                    self._cue_for(q, intro, doc, index, article)
                    out.append(q)
                    continue
                last = prev.parts[-1] if prev is not None else None
                if (
                    prev is not None
                    and last is not None
                    and prev.has_own_cue
                    and last.para == first.para - 1
                    and self._kind(text, doc, last, len(text[last.start : last.end].split())) == "direct"
                    and self._ends_paragraph(text, doc, paras, prev)
                ):
                    # A paragraph that only goes on quoting the speaker of the one before it.
                    prev.parts.extend(q.parts)
                    continue
                if q.speaker is None and self._whole_paragraph(text, paras, q):
                    # 'Holt praised the plan on Monday. ¶ "It is the best we have had."': the
                    # paragraph before names who speaks as the subject of its last sentence.
                    q.speaker = self._previous_subject(
                        doc, paras[first.para - 1] if first.para else None, index, article
                    )
            out.append(q)
        return out

    @staticmethod
    def _whole_paragraph(text: str, paras: list[tuple[int, int]], q: _Quotation) -> bool:
        """The quotation is its paragraph: nothing outside the marks but punctuation."""
        last = q.parts[-1]
        _pstart, pend = paras[last.para]
        return not text[last.end : pend].strip(" \"'.,")

    def _previous_subject(
        self, doc: Doc, para: tuple[int, int] | None, index: MentionIndex, article: Article
    ) -> ActorRef | None:
        """The named subject of the last sentence of a stretch of text (a paragraph), when it is a
        person, or a pronoun or organisation standing for one; never a subject inside quote marks."""
        if para is None:
            return None
        pstart, pend = para
        end = doc.char_span(pstart, pend, alignment_mode="contract")
        if end is None or not len(end):
            return None
        sent = end[-1].sent
        root = sent.root
        subj = self._subject(root) if root.pos_ in ("VERB", "AUX") else None
        if subj is None or subj.idx < pstart or self._in_quote(subj.idx):
            return None
        ref = index.at(subj) or index.resolve(subj)
        if ref is None and subj.lower_ in ("he", "she"):
            ref = self._antecedent(article, subj)
        if ref is None and subj.pos_ == "PROPN" and subj.ent_type_ in ("PERSON", "ORG"):
            ref = speaker_actor(article, subj)
        if ref is None or ref.actor.kind not in ("person", "organisation", "group"):
            return None
        return ref

    def _previous_sentence_cue(self, doc: Doc, start: int, pstart: int) -> Token | None:
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
        cues = [t for t in sent if self._is_cue(t) and not self._weak(t) and t.pos_ == "VERB"]
        # The main verb of saying ('..., Schiff said.'), not one inside a clause of it.
        main = [t for t in cues if t.dep_ in ("ROOT", "parataxis") or not any(a in cues for a in t.ancestors)]
        return main[0] if main else None

    @staticmethod
    def _new_subject(doc: Doc, prev: _Quotation, piece: _Piece) -> bool:
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

    @staticmethod
    def _ends_paragraph(text: str, doc: Doc, paras: list[tuple[int, int]], prev: _Quotation) -> bool:
        """The last sentence of the quote's paragraph is the quote or its attribution."""
        _pstart, pend = paras[prev.parts[-1].para]
        tail_start = max(prev.parts[-1].end, prev.cue.end if prev.cue is not None else 0)
        tail = text[tail_start:pend]
        # Nothing after it but the end of the attribution sentence ('," she said, smiling.').
        return not re.search(r"[.!?]\s+[A-Z]", tail)

    def _colon_intro(self, text: str, doc: Doc, paras: list[tuple[int, int]], para: int) -> Token | None:
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
        cue = next((t for t in reversed(toks) if self._is_cue(t)), None)
        if cue is None:  # 'Sanders made the following comment:'
            cue = next((t for t in reversed(toks) if t.lemma_.lower() in STATEMENT_NOUNS and t.pos_ == "NOUN"), None)
        return cue

    # -- kinds ---------------------------------------------------------
    @staticmethod
    def _kind(text: str, doc: Doc, piece: _Piece, words: int) -> str:
        """Direct when the quote stands as a sentence of its own; partial when it sits in one."""
        head = text[max(0, piece.start - 40) : piece.start].rstrip(" \"'")
        at_start = not head or head.endswith(("\n", ".", "!", "?", ":", ",", "\u2014")) or piece.label is not None
        first = text[piece.start : piece.start + 1]
        if at_start and words >= 3 and (first.isupper() or first.isdigit() or not first.isalpha()):
            return "direct"
        return "partial"

    # -- indirect quotes -----------------------------------------------
    @staticmethod
    def _indirect(doc: Doc, direct: list[Quote], index: MentionIndex, article: Article) -> list[Quote]:
        """'X said that ...': the clause of a verb of saying, when no quote marks cover it."""
        out: list[Quote] = []
        covered = [(p.start, p.end) for q in direct for p in (q.parts or [Span(q.text, q.start, q.end)])]
        for tok in doc:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in (
                "say",
                "tell",
                "add",
                "warn",
                "insist",
                "claim",
                "allege",
                "argue",
                "announce",
                "state",
                "declare",
            ):
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
            if any(a < end and start < b for a, b in covered) or '"' in doc.text[start:end]:
                continue
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            speaker = index.resolve(subj) if subj is not None else None
            if speaker is None and subj is not None and subj.lower_ in PRONOUNS:
                speaker = QuoteFinder._antecedent(article, subj)
            events = [i for i, e in enumerate(article.events) if start <= e.trigger.start and e.trigger.end <= end]
            out.append(
                Quote(
                    text=doc.text[start:end],
                    start=start,
                    end=end,
                    speaker=speaker,
                    cue=Span(tok.text, tok.idx, tok.idx + len(tok.text)),
                    kind="indirect",
                    event_ids=events,
                )
            )
        return out
