"""What the event coder knows and has done so far in one article.

One ``ArticleState`` is made per article by ``EventCoder.__call__`` and handed to
the parts that find an event's sides, date and place, so that one coder instance
holds no per-article data and can serve many articles.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tidings.mentions import MentionIndex
from tidings.model import Article


@dataclass
class ArticleState:
    """The article being coded and the coder's bookkeeping for it."""

    article: Article
    index: MentionIndex  # which actor a token stands for
    lede: str | None  # the first date of the lede: the date of events whose own sentence has none
    # (code, source id, target id, sentence index) of every event coded so far: each is coded once.
    seen: set[tuple[str, int, int, int]] = field(default_factory=set)
    # Event nouns whose doer a verb took ("killed in Israeli shelling"): their event is the verb's.
    consumed: set[int] = field(default_factory=set)
