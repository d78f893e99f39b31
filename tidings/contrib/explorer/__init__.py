"""The web explorer: ``tidings serve``, Datasette on a tidings store with a tidings plugin.

Datasette gives the SQL browser (tables, filters, facets, CSV and JSON); the
plugin (:mod:`~tidings.contrib.explorer.plugin`) adds the pages it lacks,
each with a JSON twin:

- ``/-/tidings/events``: events filtered by date, country, dyad, root, QuadClass,
  confidence and negation, with facets (global events when the store has them);
- ``/-/tidings/article/<id>``: the cleaned text with every span highlighted;
- ``/-/tidings/actor/<code>``: an actor's timeline, counterparts and quotes;
- ``/-/tidings/map`` and ``/-/tidings/timeline``: where and when, for the same filters;
- ``/-/tidings/process``: paste an article (``--allow-process`` and a token).

The parts: ``filters`` and ``queries`` (reads of the store), ``highlight``
and ``charts`` (what the pages draw), ``views`` and ``paste`` (the pages),
``process`` (the paste form's worker), ``security`` (CSP, token),
``metadata``, ``facet``, ``state``, ``server`` (``tidings serve``).

Example::

    from tidings.contrib.explorer import serve
    serve("news.db")
"""

from __future__ import annotations

from tidings.contrib.explorer.server import build, serve

__all__ = ["build", "serve"]
