"""``--format gdelt-mentions``: the GDELT 2.0 mentions table, 16 tab-separated columns, no header.

One line per telling of an event in an article: the event's own trigger and
each of its other mentions (headline, lede, body). Character offsets index the
article's cleaned text (``articles.text``): ``ActionCharOffset`` is the
trigger's, ``Actor1CharOffset``/``Actor2CharOffset`` the source's and target's
in the event's own sentence (-1 where there is none, and for the other
mentions, which store only their trigger). ``Confidence`` is the event's
calibrated confidence in percent; ``SentenceID`` is empty (the store keeps
sentence offsets, not sentence numbers).

Example::

    tidings export --format gdelt-mentions --out events.mentions.CSV
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TextIO
from urllib.parse import urlsplit

from tidings.exports.gdelt_fields import citation, line, timestamp
from tidings.exports.store import Reader, Record

NAME = "gdelt-mentions"
KIND = "text"
DESCRIPTION = "GDELT 2.0 mentions table: 16 tab-separated columns, no header, character offsets"


def write(records: Iterable[Record], reader: Reader, target: TextIO, options: dict[str, Any]) -> int:
    n = 0
    for rec in records:
        first = timestamp(reader.story(rec.row["article_id"]).processed_at)
        for row in rec.members:
            story = reader.story(row["article_id"])
            for i, m in enumerate(reader.mentions(row)):
                own = i == 0
                source = row["source_start"] if own and row["source_start"] is not None else -1
                target_offset = row["target_start"] if own and row["target_start"] is not None else -1
                values = [
                    rec.id,
                    first,
                    timestamp(story.processed_at),
                    1 if story.url else 2,  # WEB, else CITATIONONLY
                    story.source or (urlsplit(story.url).netloc if story.url else None),
                    citation(story),
                    None,
                    source,
                    target_offset,
                    m.trigger_start,
                    1,  # coded from the article's own words: tidings rewrites no text
                    round(float(row["confidence"]) * 100),
                    story.text_length,
                    story.tone,
                    None,
                    None,
                ]
                target.write(line(values))
                n += 1
    return n
