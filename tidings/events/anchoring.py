"""When and where an event happened, and how that was found.

The date (``date_of``) is, in this order:

- the day named in the event's own clause ("clause"); a clause that names only a
  longer or vaguer time ("in 2019", "last month", "since February") is background
  with no day of its own: ``None`` ("unknown");
- the day on the sentence's main verb ("sentence"), or the day the story last named
  when the sentence goes on from it ("Hours later, ...", "Later that day");
- ``None`` ("unknown") for an act told as background to the news: a past perfect
  outside reported speech ("the army had seized the town"), a perfect infinitive
  ("the only states to have signed a treaty"), "used to";
- the story's news peg ("lede"): the latest recent day of the lede (the headline and
  the first sentence of the body), else the recent day the story names most often;
- the publication date ("published").

The place is the location in the event noun's own phrase or in the event's clause,
then in the clauses it is coordinated with or embedded in (never across a report),
else the dateline. ``where`` finds the place a doerless act of force is coded to.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta
from typing import TYPE_CHECKING

from tidings.events.arguments import dateline_end
from tidings.model import Article, Place, Sentence, TimeExpr
from tidings.syntax import LOCATIVE_PREPS, clause_head, sentence_of
from tidings.words import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: How many days before publication a day still counts as the story's news (a weekly's "last Monday").
RECENT_DAYS = 8
#: Verbs of saying and announcing: a past perfect below one is the reported news, not background.
_REPORTING = words("events", "say_verbs") | words("events", "announce_verbs") | {"add", "note", "explain"}
#: "Hours later, ...", "Later that day", "Minutes earlier": the sentence goes on from the day just named.
_SAME_DAY = re.compile(
    r"^\W*(?:(?:a\s+few|several|some|two|three|\w+)\s+)?(?:hours?|minutes?)\s+(?:later|earlier|afterwards?)\b|"
    r"^\W*(?:later|earlier)\s+(?:that|the\s+same)\s+(?:day|morning|afternoon|evening|night)\b|"
    r"^\W*(?:later|earlier)\s+in\s+the\s+day\b|^\W*(?:on\s+)?the\s+same\s+day\b|^\W*shortly\s+(?:after|afterwards?|before)\b",
    re.IGNORECASE,
)
#: Verbs whose time is when something started ("protests that began in June"), not when it happened.
_INCEPTIVE = frozenset({"begin", "start", "erupt", "continue", "spread"})
#: Adverbs that put an act before the news: "has previously called for", "once ruled".
_ONCE = frozenset({"previously", "formerly", "once"})
#: Values that name no stretch of the calendar: the clause's own time says nothing of its day.
_NO_PERIOD = frozenset({"PRESENT_REF"})


def lede_date(article: Article) -> str | None:
    """The story's news peg: the latest recent day named in the lede (the headline and the first
    sentence of the body), else the recent day the article names most often (the first named
    on a tie). "Recent" is on or up to ``RECENT_DAYS`` before the publication date; without
    one, any day."""
    end = _lede_end(article)
    recent = [(t.start, t.day) for t in article.times if t.kind in ("date", "time") and t.day is not None]
    recent = [(start, day) for start, day in recent if _recent(day, article.published)]
    # the latest: a lede's other days tell what led to the news ("protests sparked by a price
    # hike on 15 November, Amnesty said on Tuesday")
    lede = max((day for start, day in recent if start < end), default=None)
    if lede is not None or not recent:
        return lede
    counts = Counter(day for _, day in recent)
    best = max(counts.values())
    return next(day for _, day in recent if counts[day] == best)


def _recent(day: str | None, published: str | None) -> bool:
    if day is None:
        return False
    if published is None:
        return True
    try:
        d, p = date.fromisoformat(day), date.fromisoformat(published)
    except ValueError:
        return False
    return p - timedelta(days=RECENT_DAYS) <= d <= p


def _lede_end(article: Article) -> int:
    """The end of the lede: the first sentence of the body (past a headline paragraph and a
    dateline standing as a sentence of its own), with the headline before it."""
    text = article.text or ""
    body = _headline_end(text)
    for s in article.sentences:
        if s.end <= body:
            continue
        if len(re.findall(r"[a-z]{2,}", s.text)) >= 4:  # not "PARIS" or "(Reuters) -" alone
            return s.end
    return len(text)


def _headline_end(text: str) -> int:
    """Where a headline paragraph ends (0 when the text opens with no headline): a first
    paragraph of at most about twenty words without closing punctuation."""
    end = text.find("\n\n")
    if end <= 0:
        return 0
    first = text[:end]
    if len(first.split()) <= 25 and not re.search(r"[.!?:;][\"')\]]?\s*$", first):
        return end
    return 0


def date_of(article: Article, trigger: Token, sentence: Sentence, lede: str | None) -> tuple[str | None, str | None]:
    """The event's day and where it came from: "clause", "sentence", "lede", "published" or
    "unknown" (a background act whose day the text does not give: the day is None)."""
    doc = trigger.doc
    event_clause = clause_head(trigger) if trigger.pos_ in ("NOUN", "PROPN") else trigger
    root = sentence_of(trigger).root
    own: TimeExpr | None = None
    sent: str | None = None
    filed: str | None = None  # the dateline's day ("DUBAI, April 11 (WNS) -"): when the story was filed
    dateline = dateline_end(trigger)
    for t in article.times:
        if not (sentence.start <= t.start < sentence.end) or t.kind not in ("date", "time") or t.value is None:
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or _dates_other_noun(span.root, trigger):
            continue
        if span.root.i < dateline:
            # The parser hangs the dateline on the first verb; "said on Wednesday" is the day.
            filed = filed or t.day
            continue
        head = _dated_clause(clause_head(span.root), event_clause)
        if head.i == event_clause.i and (own is None or (own.day is None and t.day is not None)):
            own = t
        elif head.i == root.i and sent is None and t.day is not None:
            sent = t.day
    if own is not None and own.day is not None:
        return own.day, "clause"
    if (
        own is not None
        and own.value not in _NO_PERIOD
        and not _ongoing(trigger, event_clause)
        and not _ahead(own.value, article.published)
    ):
        return None, "unknown"  # "in 2019", "last month", "since February": no day of its own
    if sent or filed:
        return sent or filed, "sentence"
    antecedent = _antecedent_day(article, event_clause)
    if antecedent is not None:
        return antecedent, "clause"
    if _SAME_DAY.match(sentence.text):
        before = _day_before(article, sentence.start)
        if before is not None:
            return before, "sentence"
    if _background(event_clause):
        return None, "unknown"
    if lede:
        return lede, "lede"
    return article.published, "published" if article.published else None


def _dated_clause(head: Token, event_clause: Token) -> Token:
    """The clause a time dates: "resumed issuing visas on Monday" dates the resuming, for an
    open complement without a subject of its own tells how the act went on, not a second act."""
    if (
        head.dep_ == "xcomp"
        and head.head.i == event_clause.i
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)
    ):
        return event_clause
    return head


def _ahead(value: str | None, published: str | None) -> bool:
    """ "will end the status in July 2019": a period after the story's day is when an announced
    act takes effect; the announcement is news on the day it is told."""
    if value is None or published is None or not re.fullmatch(r"\d{4}(-\d{2})?", value):
        return False
    return value > published[: len(value)]


def _dates_other_noun(word: Token, trigger: Token) -> bool:
    """ "blamed Hamas for the Oct. 7 attacks", "welcomed Sunday's vote": a date that modifies a
    noun dates that noun's happening, not the event of the clause (unless the noun is the trigger
    or the clause's subject)."""
    t = word
    for _ in range(3):
        if t.dep_ not in ("compound", "nmod", "poss", "amod", "nummod") or t.head.i == t.i:
            return False
        if t.head.i == trigger.i:
            return False
        if t.head.pos_ in ("NOUN", "PROPN"):
            # ("The April 1 strike destroyed the consulate and killed seven": the happening the
            # subject names is the act itself.)
            return t.head.dep_ not in ("nsubj", "nsubjpass")
        t = t.head
    return False


def _antecedent_day(article: Article, clause: Token) -> str | None:
    """ "his speech on Monday, in which he called on Beijing to ...": a relative clause tells what
    happened in the happening its noun names, on that noun's day."""
    if clause.dep_ != "relcl" or clause.head.pos_ not in ("NOUN", "PROPN"):
        return None
    noun = clause.head
    lo, hi = noun.left_edge.idx, clause.left_edge.idx
    return next((t.day for t in article.times if t.day is not None and lo <= t.start and t.end <= hi), None)


def _ongoing(trigger: Token, clause: Token) -> bool:
    """ "the protests that began in mid-June": the time is when the happening the noun names
    started, and it goes on."""
    return trigger.pos_ in ("NOUN", "PROPN") and clause.lemma_.lower() in _INCEPTIVE


def _day_before(article: Article, offset: int) -> str | None:
    """The last recent day the story named before ``offset``."""
    days = [t.day for t in article.times if t.end <= offset and t.kind in ("date", "time")]
    return next((d for d in reversed(days) if _recent(d, article.published)), None)


def _background(verb: Token) -> bool:
    """An act the grammar tells as background to the news: a past perfect not under a verb of
    saying ("the rebels had seized the town in 2012"), a perfect infinitive ("the only states
    to have signed a treaty") or "used to"."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    had = any(a.lower_ in ("had", "'d") and a.tag_ == "VBD" for a in auxes)
    perfect_inf = any(a.lower_ == "have" and a.tag_ == "VB" for a in auxes) and any(a.lower_ == "to" for a in auxes)
    if perfect_inf:
        return True
    if verb.head.lower_ == "used" and any(a.lower_ == "to" for a in auxes):
        return True
    if any(c.dep_ == "advmod" and c.lower_ in _ONCE for c in verb.children):
        return True  # "had previously allocated", "has previously called for", "once ruled"
    if not had:
        return False
    # "Joly said Ottawa had ordered ...": what a speaker reports is the news itself.
    t = verb
    for _ in range(4):
        if t.head.i == t.i:
            break
        if t.dep_ in ("ccomp", "parataxis", "xcomp") and t.head.lemma_.lower() in _REPORTING:
            return False
        t = t.head
    return True


def place_of(article: Article, trigger: Token, sentence: Sentence) -> tuple[Place | None, str | None]:
    """The event's place and where it came from: "clause", "enclosing clause" or "dateline"."""
    doc = trigger.doc
    event_clause = clause_head(trigger) if trigger.pos_ in ("NOUN", "PROPN") else trigger
    # the clause itself, then the clauses it is coordinated with or embedded in ("In Minsk, thousands marched
    # and police detained 200"); never across a report ("X said in Moscow that police in Minsk ...")
    scope = [event_clause]
    t = event_clause
    while t.head.i != t.i and t.dep_ not in ("ccomp", "parataxis") and len(scope) < 6:
        t = clause_head(t.head)
        scope.append(t)
    in_sentence = [p for p in article.places if p.role == "location" and sentence.start <= p.start < sentence.end]
    heads: dict[int, int] = {}
    for p in in_sentence:
        span = doc.char_span(p.start, p.end, alignment_mode="expand")
        if span is not None:
            heads[id(p)] = clause_head(span.root).i
    if trigger.pos_ in ("NOUN", "PROPN"):
        # "protests in Minsk", "demonstrations held across the country": the noun's own phrase
        # places it before the clause it sits in does.
        lo, hi = trigger.left_edge.idx, trigger.right_edge.idx + len(trigger.right_edge)
        own = next((p for p in in_sentence if lo <= p.start and p.end <= hi), None)
        if own is not None:
            return own, "clause"
    for level, c in enumerate(scope):
        for p in in_sentence:
            if heads.get(id(p)) == c.i:
                return p, "clause" if level == 0 else "enclosing clause"
    if article.dateline is not None:
        d = next((p for p in article.places if p.start == article.dateline.start), None)
        if d is not None:
            return d, "dateline"
    return None, None


def where(article: Article, sentence: Sentence, doc: Doc) -> Place | None:
    """The first place of the sentence that says where things happen: a location, or a name
    inside a locative phrase ("near the town of Samarra", "outside the Iraqi city of Basra",
    "in a residential sector of eastern Beirut")."""
    for p in article.places:
        if not (sentence.start <= p.start < sentence.end) or not p.country or p.role in ("demonym", "metonym"):
            continue
        if p.role == "location":
            return p
        span = doc.char_span(p.start, p.end, alignment_mode="expand")
        t = span.root if span is not None else None
        for _ in range(6):
            if t is None:
                break
            if t.dep_ in ("compound", "appos", "conj", "amod"):
                t = t.head
            elif t.dep_ == "pobj" and t.head.lower_ in LOCATIVE_PREPS:
                return p
            elif t.dep_ == "pobj" and t.head.lower_ == "of":
                # "the town of X" climbs to "town"; "outside of X" to "outside".
                t = t.head.head
                if t.dep_ == "prep" and t.lower_ in LOCATIVE_PREPS:
                    return p
            else:
                break
    return None
