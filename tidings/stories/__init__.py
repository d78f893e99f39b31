"""Stories and global events: each real-world event once, with all its mentions.

tidings codes each article apart; this layer joins articles across the store
as they arrive (the SQLite sink calls it for every article it writes):

- a **story** is the articles about one piece of news: syndicated copies
  (near-duplicate bodies, MinHash/LSH), write-ups of the same act (they lead
  with the same global event), or close enough in headline and lede (sentence
  embeddings) within a few days; never one that leads with a different act of
  the same kind (the next day's strike, the retaliation);
- a **global event** is the reports of one act in different articles: the same
  CAMEO root, compatible parties (a country matches its government or a named
  official; mutual acts either way round), days and place the texts allow;
  blocked by root, country and days so that each report costs the same however
  big the store.

Modules: :mod:`~tidings.stories.text` (bodies, leads, MinHash, lexical
vectors), :mod:`~tidings.stories.semantic` (sentence embeddings),
:mod:`~tidings.stories.actors` (actor code compatibility),
:mod:`~tidings.stories.acts` (when a report fits a global event),
:mod:`~tidings.stories.global_events`, :mod:`~tidings.stories.clusters`
(stories), :mod:`~tidings.stories.join` (one article, one transaction),
:mod:`~tidings.stories.options` (``[stories]`` settings).

Example::

    from tidings.sinks import SQLiteSink
    tidings.run(["news/"], sink=SQLiteSink("news.db"))   # stories and global events included
    # SELECT * FROM global_event_view ORDER BY num_sources DESC LIMIT 10
"""

from __future__ import annotations

from tidings.stories.join import Joiner, Previous
from tidings.stories.options import Options
from tidings.stories.semantic import Similarity

__all__ = ["Joiner", "Options", "Previous", "Similarity"]
