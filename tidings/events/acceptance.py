"""Whether a coded event is one a researcher should count: the article-level evidence.

The coder proposes events trigger by trigger; whether one stands as an event
depends on the whole article too:

- **who** acts: at least one side should be a political actor (a state, its
  agencies and officials, an IGO, an armed group, a party, protesters); two
  firms or two clubs are no political event;
- **what kind of story** it is: a football report's "attacked" or a takeover's
  "raid" is no event, so the article's share of political vocabulary against
  sport, business, weather, science and culture vocabulary
  (``data/words/domains.toml``) is weighed;
- **when**: an act dated weeks before publication, or told in the pluperfect,
  is background, not the news;
- **how it is told**: inside a quotation, only in the headline, repeated in
  several mentions, in the lede, in a sentence crowded with other candidates.

These become features of the event's evidence; :func:`tidings.events.scoring.confidence`
weighs them (weights fitted on the whole-article dev sets, see
``tools/fit_event_confidence.py``), and the stage drops events below its
``min_confidence``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from tidings.events.scoring import confidence_of
from tidings.events.senses import domain_counts
from tidings.model import ActorRef, Article, Event, TimeExpr
from tidings.syntax import clause_head, sentence_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

DOMAINS = ("sport", "business", "weather", "science", "culture")
#: Sectors of actors that make an act political: governments and their arms, parties,
#: opposition and protesters, armed groups, intelligence, elites; IGOs and bare states too.
POLITICAL_SECTORS = frozenset(
    {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "INS", "UAF", "SPY", "PTY", "ELI", "PRM", "PRE", "IMG", "SEP"}
)
#: An act dated more than this many days before publication is background.
BACKGROUND_DAYS = 31
_QUOTED = re.compile(r'"[^"\n]{1,2000}"')
#: Prepositions under which an event noun refers to an act told before, not a new one:
#: "anger over the crackdown", "after the killing of", "since the invasion".
REFERRING_PREPS = frozenset({"over", "after", "following", "since", "amid", "despite", "for", "about", "before"})
_YEAR = re.compile(r"^(\d{3,4})")


@dataclass(frozen=True)
class Story:
    """What the article as a whole says about its events."""

    published: date | None
    headline_end: int
    lede_end: int
    political_share: float  # political words / (political + other domains' words), 0.5 when there are none
    quoted: tuple[tuple[int, int], ...]


def political_share(doc: Doc) -> float:
    """The share of the article's domain words (nouns and adjectives) that are political."""
    counts = domain_counts(doc)
    other = sum(counts[d] for d in DOMAINS)
    return (counts["political"] + 1) / (counts["political"] + other + 2)


def story(article: Article, doc: Doc, headline_end: int) -> Story:
    published = None
    if article.published:
        try:
            published = date.fromisoformat(article.published)
        except ValueError:
            published = None
    body = [s for s in article.sentences if s.start >= headline_end]
    lede_end = body[min(1, len(body) - 1)].end if body else 0
    quoted = tuple((m.start(), m.end()) for m in _QUOTED.finditer(article.text))
    return Story(published, headline_end, lede_end, political_share(doc), quoted)


def political(ref: ActorRef | None) -> bool:
    """A state (a bare country code), an IGO, or an actor of a political sector."""
    if ref is None:
        return False
    code = ref.actor.code or ""
    if code.startswith("IGO") or (len(code) == 3 and code.isalpha() and code.isupper()):
        return True
    return any(code[i : i + 3] in POLITICAL_SECTORS for i in range(3, len(code), 3))


def _unknown(ref: ActorRef | None) -> bool:
    return ref is not None and not (ref.actor.code or "").strip("-")


def _days_before(e: Event, published: date | None) -> int | None:
    if published is None or not e.date or e.date_source not in ("clause", "sentence"):
        return None
    try:
        return (published - date.fromisoformat(e.date[:10])).days
    except ValueError:
        return None


def assess(events: list[Event], article: Article, doc: Doc, story_: Story) -> None:
    """Add the article-level features to each event's evidence and score it again."""
    crowd = Counter(e.sentence.start for e in events)
    for e in events:
        days = _days_before(e, story_.published)
        at = e.trigger.start
        tok = _token(doc, at)
        e.evidence.update(
            political_sides=int(political(e.source)) + int(political(e.target)),
            unknown_side=_unknown(e.source) or _unknown(e.target),
            background=(days is not None and days > BACKGROUND_DAYS)
            or e.date_source == "unknown"  # the dates stage found only an older, vaguer time for it
            or _dated_before(tok, article, story_),
            pluperfect=tok is not None and _pluperfect(tok),
            referenced=tok is not None and _referenced(tok),
            relative=tok is not None and tok.dep_ == "relcl",
            in_quote=any(s < at < t for s, t in story_.quoted),
            headline_only=e.headline,
            repeated=len(e.mentions) > 0,
            lede=story_.headline_end <= at < story_.lede_end,
            political_share=story_.political_share,
            crowded=crowd[e.sentence.start] >= 3,
            quad_class=e.quad_class,
            root=e.root,
        )
        e.confidence = confidence_of(e.evidence)


def _token(doc: Doc, at: int) -> Token | None:
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    return None if span is None else span.root


def _pluperfect(tok: Token) -> bool:
    """ "had imposed", "had been shelved": the act is told as earlier than the story's time."""
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d") for c in tok.children) and tok.tag_ == "VBN"


def _referenced(tok: Token) -> bool:
    """An event noun named as the reason or time of something else: "anger over the crackdown"."""
    return tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "pobj" and tok.head.lower_ in REFERRING_PREPS


def _latest_day(t: TimeExpr) -> date | None:
    """The last day a date expression can mean ("2019" -> 2019-12-31, "2023-05" -> 2023-05-31)."""
    v = t.value or ""
    if t.kind not in ("date", "time") or not _YEAR.match(v):
        return None
    try:
        if len(v) >= 10 and v[4] == "-" and v[7] == "-":
            return date.fromisoformat(v[:10])
        if len(v) >= 7 and v[4] == "-" and v[5:7].isdigit():
            y, m = int(v[:4]), int(v[5:7])
            return date(y + m // 12, m % 12 + 1, 1) - timedelta(days=1)  # the day before the next month
        digits = _YEAR.match(v).group(1)  # type: ignore[union-attr]
        return date(int(digits.ljust(4, "9")), 12, 31)
    except ValueError:
        return None


def _dated_before(tok: Token | None, article: Article, st: Story) -> bool:
    """A time expression in the act's own clause puts it weeks or years before publication:
    "in May", "in 2014", "40 years ago", "in the 1970s"."""
    if tok is None or st.published is None:
        return False
    doc = tok.doc
    clause = clause_head(tok) if tok.pos_ in ("NOUN", "PROPN") else tok
    sent = sentence_of(tok)
    for t in article.times:
        if not (sent.start_char <= t.start < sent.end_char):
            continue
        latest = _latest_day(t)
        if latest is None or (st.published - latest).days <= BACKGROUND_DAYS:
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is not None and clause_head(span.root).i == clause.i:
            return True
    return False
