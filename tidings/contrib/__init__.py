"""Optional integrations that sit on top of tidings: the web explorer (Datasette), and later others.

Nothing in :mod:`tidings` imports this package; it imports the library
(runner, sinks, records, stages' public packages) and adds what a third-party
tool needs. Each integration's dependencies are an optional extra of the
package, so the core install stays small.

- :mod:`tidings.contrib.explorer`: ``tidings serve``, Datasette with a tidings
  plugin (events, article, actor, map and timeline pages; paste an article).
- :mod:`tidings.contrib.watch`: ``tidings watch``, the long-running mode that follows feeds and
  folders into the store (conditional GET, backoff, robots.txt, alerts).
"""
