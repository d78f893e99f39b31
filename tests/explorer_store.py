"""A scratch store for the explorer's tests: the project's sample corpus, hostile articles, and the seed.

The hostile ("XSS") articles are written here: English news text carrying a
``<script>`` element, an ``<img onerror>``, a ``javascript:`` link and URL,
HTML entities, and a ``</script>`` meant to break out of the page's JSON, in
the text, the title and the id. Each payload, if it ever ran, would set
``window.__xss``; the browser tests check that it never does and that the
text shows as written.
"""

from __future__ import annotations

from pathlib import Path

from tidings.model import Article

SAMPLE = Path(__file__).resolve().parents[1] / "tidings" / "data" / "sample" / "articles.jsonl"

_BODY = (
    "The government of France said on Monday that police arrested dozens of protesters in Paris after a march "
    "against the pension reform turned violent. The interior minister condemned the violence and promised an "
    "inquiry into the arrests, while union leaders accused the police of using excessive force against peaceful "
    "demonstrators.\n\n"
)

XSS_ARTICLES = [
    Article(
        id="xss-script",
        title="Police <script>window.__xss='title'</script> arrest protesters",
        published="2023-03-20",
        raw=_BODY + "Witnesses said <script>window.__xss='script'</script> officers fired tear gas at the crowd. "
        "\"We will not tolerate </script><script>window.__xss='island'</script> attacks on officers,\" "
        "the minister said.",
    ),
    Article(
        id="xss-img",
        title="Unions <img src=x onerror=\"window.__xss='img-title'\"> call strike",
        published="2023-03-21",
        raw=_BODY + "The unions called <img src=x onerror=\"window.__xss='img'\"> a national strike for Thursday, "
        "and the prime minister said the government would meet their leaders next week.",
    ),
    Article(
        id='xss-id/"<b>.json',
        url="javascript:window.__xss='url'",
        title="Minister meets union leaders",
        published="2023-03-22",
        raw=_BODY + 'The minister met union leaders in Paris, a spokesman said. <a href="javascript:window.__xss='
        "'link'\">Read the statement</a> Entities stay text: &lt;b&gt;bold&lt;/b&gt; &amp; &#x3C;script&#x3E;.",
    ),
]

#: What each hostile article's page must show as plain text.
VISIBLE = {
    "xss-script": "<script>window.__xss='script'</script>",
    "xss-img": "<img src=x onerror=\"window.__xss='img'\">",
    'xss-id/"<b>.json': "&lt;b&gt;bold&lt;/b&gt; &amp; &#x3C;script&#x3E;",
}


def make_store(path: Path, seed: Path | None = None) -> Path:
    """Process the sample corpus, the hostile articles and (when given) the seed into ``path``.

    The store is written without stories (``[stories] enabled = false``), so its events are listed
    per article: the per-article pages and counts are what these tests check (the global events'
    listing is checked on a view of its own, and on a store with stories in tests/test_stories.py).
    """
    from tidings.config import load_settings
    from tidings.runner import run
    from tidings.sinks import SQLiteSink

    settings = load_settings().with_section("stories", enabled=False)
    inputs: list[str | Article] = [str(SAMPLE), *XSS_ARTICLES]
    run(inputs, sink=SQLiteSink(path, settings=settings))
    if seed is not None:
        run([str(seed)], sink=SQLiteSink(path, settings=settings), date="2020-08-16")
    return path
