"""The web explorer without a browser: filters, highlighting, queries, pages and their JSON twins, safety.

Pages are fetched through Datasette's in-process client from a scratch store
(the sample corpus and the hostile articles of ``explorer_store``); the
browser tests (``test_explorer_browser.py``) drive the same pages in Chromium.
"""

from __future__ import annotations

import asyncio
import re
import sqlite3
import sys
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent))

from explorer_store import XSS_ARTICLES, make_store

from tidings.cli import cli
from tidings.contrib.explorer import build, charts, filters, highlight, queries
from tidings.contrib.explorer import state as st
from tidings.contrib.explorer.filters import GLOBAL, MENTIONS, Filters, parse, where
from tidings.contrib.explorer.metadata import TABLES
from tidings.errors import TidingsError
from tidings.records import COLUMNS

TOKEN = "test-token-0123456789"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_store(tmp_path_factory.mktemp("explorer") / "news.db")


@pytest.fixture(scope="module")
def ro(store: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{store}?mode=ro", uri=True)


@pytest.fixture(scope="module")
def ds(store: Path) -> Any:
    return build(store)


def get(ds: Any, path: str, **kw: Any) -> Any:
    return asyncio.run(ds.client.get(path, **kw))


def post(ds: Any, path: str, **kw: Any) -> Any:
    return asyncio.run(ds.client.post(path, **kw))


# -- filters ------------------------------------------------------------------------------------------------------


def test_filters_parse_and_refuse_with_the_parameter_named() -> None:
    f = parse({"root": "14", "country": "blr", "quad": "4", "min_conf": "0.5", "from": "2020-08", "negated": "no"})
    assert (f.root, f.country, f.quad, f.min_conf, f.date_from, f.negated) == ("14", "BLR", 4, 0.5, "2020-08", "no")
    assert parse(f.query()) == f
    for bad in ({"root": "1x"}, {"quad": "5"}, {"min_conf": "2"}, {"from": "Aug 2020"}, {"negated": "maybe"}):
        with pytest.raises(TidingsError) as err:
            parse(bad)
        name = next(iter(bad))
        assert err.value.code == "T110" and f"parameter {name}=" in str(err.value)


def test_where_escapes_like_and_takes_a_whole_month(ro: sqlite3.Connection) -> None:
    clause, params = where(Filters(q="100%_sure"), MENTIONS)
    assert params["q"] == "%100\\%\\_sure%" and "ESCAPE" in clause
    clause, params = where(Filters(date_from="2020-09", date_to="2020-09"), MENTIONS)
    n = ro.execute(f"SELECT COUNT(*) FROM {MENTIONS.from_sql} WHERE {clause}", params).fetchone()[0]
    expected = ro.execute("SELECT COUNT(*) FROM events WHERE date LIKE '2020-09%'").fetchone()[0]
    assert n == expected > 0


def test_global_quadclass_agrees_with_the_stored_events(ro: sqlite3.Connection) -> None:
    """A global event's QuadClass comes from its root: the same one the pipeline stores on each event row."""
    sql = f"SELECT COUNT(*), SUM({GLOBAL.quad.replace('g.root', 'root')} = quad_class) FROM events"
    n, same = ro.execute(sql).fetchone()
    assert n > 0 and same == n
    assert len(filters.root_quads()) == 20


# -- highlighting ---------------------------------------------------------------------------------------------------


def test_render_nests_merges_splits_and_escapes() -> None:
    text = "<b>Putin</b> & Lukashenko met"
    anns = [
        highlight.Ann(0, 12, "actor", ("actor:1",), "A"),
        highlight.Ann(0, 12, "actor", ("actor:2",), "B"),  # same extent: one mark, two records
        highlight.Ann(3, 8, "place", ("place:1",), 'P "x"'),  # inside
        highlight.Ann(10, 20, "event", ("event:1",), "E"),  # crosses the actor's end: split
    ]
    html = str(highlight.render(text, anns))
    assert "<b>" not in html and "&lt;b&gt;" in html and "&amp;" in html
    assert html.count("<mark") == html.count("</mark>") == 4
    assert 'data-refs="actor:1 actor:2"' in html and 'title="P &#34;x&#34;"' in html
    assert html.count('data-refs="event:1"') == 2 and html.count('id="event-10-20"') == 1
    assert re.sub(r"<[^>]+>", "", html) == str(highlight.escape(text))


def test_removed_lines_go_before_the_paragraph_that_followed_them() -> None:
    raw = "First paragraph here.\nAlso Read: something else\nSecond “paragraph” here."
    text = 'First paragraph here.\n\nSecond "paragraph" here.'
    inserts = highlight.removed_inserts(raw, text, lambda ln: "promo" if ln.startswith("Also Read") else None)
    assert [at for at, _ in inserts] == [text.index("Second")]
    assert "Also Read: something else" in str(inserts[0][1]) and "promo" in str(inserts[0][1])


# -- queries --------------------------------------------------------------------------------------------------------


def test_list_and_facets_agree_with_sql(ro: sqlite3.Connection) -> None:
    total, rows = queries.list_events(ro, MENTIONS, Filters(root="14"), per_page=5)
    assert total == ro.execute("SELECT COUNT(*) FROM events WHERE root = '14'").fetchone()[0] > 0
    assert len(rows) == min(5, total) and all(r["root"] == "14" for r in rows)
    facets = queries.facets(ro, MENTIONS, Filters(root="14"))
    assert {r["value"] for r in facets["root"]} > {"14"}  # a facet counts over every filter but its own
    assert sum(r["count"] for r in facets["quad"]) == total
    dates = [r["date"] for r in rows if r["date"]]
    assert dates == sorted(dates, reverse=True)


def test_timeline_fills_gaps_and_counts_every_dated_event(ro: sqlite3.Connection) -> None:
    months = queries.timeline(ro, MENTIONS, Filters(), "month")
    periods = [s["period"] for s in months]
    assert periods == sorted(periods) and len(periods) == len(set(periods))
    dated = ro.execute("SELECT COUNT(*) FROM events WHERE length(date) >= 7").fetchone()[0]
    assert sum(s["total"] for s in months) == dated
    weeks = queries.timeline(ro, MENTIONS, Filters(), "week")
    from datetime import date

    assert all(date.fromisoformat(s["period"]).weekday() == 0 for s in weeks)


def test_map_points_and_actor(ro: sqlite3.Connection) -> None:
    points = queries.map_points(ro, Filters())
    placed = ro.execute("SELECT COUNT(*) FROM events WHERE place_lat IS NOT NULL").fetchone()[0]
    assert sum(p["total"] for p in points) == placed and all(-90 <= p["lat"] <= 90 for p in points)
    found = queries.actor(ro, "BLRGOV")
    assert found is not None and found["event_count"] > 0
    assert sum(m["total"] for m in found["timeline"]) <= found["event_count"]
    assert all(c["code"] != "BLRGOV" and c["total"] == c["outgoing"] + c["incoming"] for c in found["counterparts"])
    assert queries.actor(ro, "NOSUCHCODE") is None


def test_global_events_are_listed_when_the_store_has_them(tmp_path: Path) -> None:
    from tidings.sinks import connect

    conn = connect(tmp_path / "g.db")
    assert queries.event_source(conn) is MENTIONS  # the store's own view, with no global event yet
    conn.execute("DROP VIEW global_event_view")
    conn.execute(
        "CREATE VIEW global_event_view AS SELECT 7 AS global_event_id, '2020-08-15' AS date, '04' AS root,"
        " '040' AS cameo, 'BLRGOV' AS source_code, 'RUSGOV' AS target_code, 'Minsk' AS place, 'BLR' AS country,"
        " 3 AS num_mentions, 2 AS num_articles, 2 AS num_sources, 0.9 AS confidence"
    )
    assert queries.event_source(conn) is GLOBAL
    total, rows = queries.list_events(conn, GLOBAL, Filters(source="BLR", quad=1))
    assert total == 1 and rows[0]["num_mentions"] == 3
    assert queries.list_events(conn, GLOBAL, Filters(quad=4))[0] == 0


def test_events_page_lists_global_events(tmp_path: Path) -> None:
    from tidings.sinks import connect

    db = tmp_path / "global.db"
    conn = connect(db)
    conn.execute("DROP VIEW global_event_view")  # a stand-in with one global event
    conn.execute(
        "CREATE VIEW global_event_view AS SELECT 7 AS global_event_id, '2020-08-15' AS date, '04' AS root,"
        " '040' AS cameo, 'BLRGOV' AS source_code, 'RUSGOV' AS target_code, 'Minsk' AS place, 'BLR' AS country,"
        " 3 AS num_mentions, 2 AS num_articles, 2 AS num_sources, 0.9 AS confidence"
    )
    conn.close()
    d = build(db)
    page = get(d, "/-/tidings/events.json").json()
    assert page["source"] == "global" and page["total"] == 1
    assert page["rows"][0]["mentions_url"].endswith("/global/events?global_event_id=7")
    html = get(d, "/-/tidings/events").text
    assert "1 global event<" in html and "global_event_id=7" in html


def test_charts_stack_to_the_totals() -> None:
    series = [
        {"period": "2020-08", "counts": {1: 2, 4: 3}, "total": 5},
        {"period": "2020-09", "counts": {}, "total": 0},
    ]
    bars = charts.stacked_bars(series, height=240)
    assert [b["quad"] for b in bars["bars"]] == [1, 4]
    assert abs(sum(b["h"] for b in bars["bars"]) - (240 - 50)) < 0.1  # the tallest column fills the plot
    net = charts.network("X", "X", [{"code": "Y", "name": "Y", "total": 2, "outgoing": 1, "incoming": 1, "quad": 3}])
    assert net["edges"][0]["quad"] == 3 and net["nodes"][0]["code"] == "Y"


def test_metadata_describes_real_columns(tmp_path: Path) -> None:
    from tidings.sinks import connect

    conn = connect(tmp_path / "m.db")
    for table, meta in TABLES.items():
        have = queries.columns(conn, table)
        assert have, table
        assert set(meta.get("columns", {})) <= have, table
    assert set(COLUMNS["events"]) <= set(TABLES["events"]["columns"])


# -- pages ----------------------------------------------------------------------------------------------------------


def test_every_page_and_its_json_twin(ds: Any, ro: sqlite3.Connection) -> None:
    art = ro.execute("SELECT article_id FROM events GROUP BY article_id ORDER BY COUNT(*) DESC").fetchone()[0]
    pages = {
        "/-/tidings/events": {"total", "rows", "facets", "filters"},
        f"/-/tidings/article/{quote(art, safe='')}": {"article", "events", "spans", "actors"},
        "/-/tidings/actor/BLRGOV": {"code", "timeline", "counterparts", "quotes"},
        "/-/tidings/map": {"points", "tile_url"},
        "/-/tidings/timeline?bucket=week": {"bucket", "series"},
    }
    for path, keys in pages.items():
        html = get(ds, path)
        assert html.status_code == 200 and "text/html" in html.headers["content-type"], path
        twin = get(ds, path + ("&" if "?" in path else "?") + "_format=json")
        assert twin.status_code == 200 and keys <= set(twin.json()), path
    bare = "/-/tidings/events"
    assert get(ds, bare + ".json").json()["total"] == get(ds, bare + "?_format=json").json()["total"]


def test_events_filters_facets_and_errors(ds: Any, ro: sqlite3.Connection) -> None:
    page = get(ds, "/-/tidings/events.json?root=17&country=BLR").json()
    expected = ro.execute(
        "SELECT COUNT(*) FROM events WHERE root = '17' AND 'BLR' IN (source_country, target_country, place_country)"
    ).fetchone()[0]
    assert page["total"] == expected > 0
    chosen = [i for i in page["facets"]["root"] if i["selected"]]
    assert chosen and "root=" not in chosen[0]["toggle_url"]  # choosing it again drops it
    bad = get(ds, "/-/tidings/events.json?quad=9")
    assert bad.status_code == 400 and bad.json()["code"] == "T110" and "quad=" in bad.json()["error"]
    missing = get(ds, "/-/tidings/article/no-such-article.json")
    assert missing.status_code == 404 and missing.json()["code"] == "T111"


def test_article_page_escapes_hostile_articles(ds: Any) -> None:
    for a in XSS_ARTICLES:
        path = "/-/tidings/article/" + quote(a.id, safe="").replace(".", "%2E")
        r = get(ds, path)
        assert r.status_code == 200, a.id
        body = r.text
        assert "window.__xss" in body  # the payload is there, as text
        assert not re.search(r"<script>window\.__xss|<img src=x|href=\"javascript:", body), a.id
        island = re.search(r'<script type="application/json" id="tidings-data">(.*?)</script>', body, re.S)
        assert island and "<" not in island.group(1)
        assert get(ds, path + ".json").json()["article"]["id"] == a.id


def test_security_headers_and_read_only_sql(ds: Any, ro: sqlite3.Connection) -> None:
    ours = get(ds, "/-/tidings/events").headers["content-security-policy"]
    assert "script-src 'self'" in ours and "'unsafe-inline'" not in ours and "default-src 'none'" in ours
    theirs = get(ds, "/news").headers["content-security-policy"]
    assert "frame-ancestors 'none'" in theirs and "default-src 'self'" in theirs
    before = ro.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    for sql in ("DELETE FROM events", "DROP TABLE events", "UPDATE events SET root = '00'"):
        r = get(ds, "/news.json?" + "sql=" + quote(sql))
        assert r.status_code >= 400 or not r.json().get("ok", True), sql
    assert ro.execute("SELECT COUNT(*) FROM events").fetchone()[0] == before


def test_process_is_off_by_default(ds: Any) -> None:
    page = get(ds, "/-/tidings/process.json").json()
    assert page["enabled"] is False
    r = post(ds, "/-/tidings/process.json", data={"text": "x"}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 403 and r.json()["code"] == "T112"


@pytest.fixture(scope="module")
def processing(store: Path) -> Any:
    d = build(store, allow_process=True, token=TOKEN, max_chars=5_000, timeout=120)
    yield d
    proc = st.get(d).processor
    if proc is not None:
        proc.close()


def test_process_needs_the_token_and_stores_through_the_run_loop(processing: Any, ro: sqlite3.Connection) -> None:
    text = (
        "The foreign minister of Kenya met his Ugandan counterpart in Nairobi on Tuesday to discuss the border "
        "dispute, and both governments agreed to open talks on trade next month, officials said."
    )
    assert TOKEN not in get(processing, "/-/metadata.json").text  # only the name of the variable that holds it
    anon = post(processing, "/-/tidings/process.json", data={"text": text})
    assert anon.status_code == 403 and anon.json()["code"] == "T112"
    wrong = post(processing, "/-/tidings/process.json", data={"text": text}, headers={"Authorization": "Bearer no"})
    assert wrong.status_code == 403
    auth = {"Authorization": f"Bearer {TOKEN}"}
    big = post(processing, "/-/tidings/process.json", data={"text": "word " * 2000}, headers=auth)
    assert big.status_code == 413 and big.json()["code"] == "T004"
    ok = post(processing, "/-/tidings/process.json", data={"text": text, "date": "2024-05-07"}, headers=auth)
    assert ok.status_code == 200, ok.text
    ids = ok.json()["ids"]
    assert len(ids) == 1
    stored = ro.execute("SELECT input, published FROM articles WHERE id = ?", (ids[0],)).fetchone()
    assert stored == ("pasted article", "2024-05-07")
    assert ro.execute("SELECT COUNT(*) FROM events WHERE article_id = ?", (ids[0],)).fetchone()[0] > 0
    assert get(processing, ok.json()["article_urls"][0]).status_code == 200


def test_process_one_at_a_time_and_bounded_in_time(processing: Any, ro: sqlite3.Connection) -> None:
    proc = st.get(processing).processor
    assert proc is not None
    auth = {"Authorization": f"Bearer {TOKEN}"}
    text = "The president of Chile visited Argentina on Friday and signed a trade agreement with its government."
    with proc._lock:  # another article is being processed
        busy = post(processing, "/-/tidings/process.json", data={"text": text}, headers=auth)
    assert busy.status_code == 429 and busy.json()["code"] == "T114"
    timeout, proc.timeout = proc.timeout, 0.01
    try:
        slow = post(processing, "/-/tidings/process.json", data={"text": text + " Again."}, headers=auth)
    finally:
        proc.timeout = timeout
    assert slow.status_code == 504 and slow.json()["code"] == "T113"
    from tidings.readers import article_id

    assert ro.execute("SELECT 1 FROM articles WHERE id = ?", (article_id(text + " Again.", None),)).fetchone() is None


def test_serve_refuses_what_is_no_store(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(cli, ["serve", str(tmp_path / "nope.db")])
    assert missing.exit_code != 0 and "[T030]" in missing.output
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)")
    res = runner.invoke(cli, ["serve", str(other)])
    assert res.exit_code != 0 and "[T115]" in res.output


def test_pages_are_cached_until_the_store_changes(ds: Any, store: Path) -> None:
    from tidings.model import Article
    from tidings.runner import run
    from tidings.sinks import SQLiteSink

    first = get(ds, "/-/tidings/events.json")
    again = get(ds, "/-/tidings/events.json")
    assert again.headers["x-tidings-cache"] == "hit" and again.json() == first.json()
    assert get(ds, "/-/tidings/events.json", cookies={"x": "1"}).headers.get("x-tidings-cache") is None
    text = "The army of Mali said on Sunday that its soldiers attacked a rebel camp near Kidal, killing ten fighters."
    run([Article(raw=text, id="cache-check", published="2024-03-03")], sink=SQLiteSink(store))
    after = get(ds, "/-/tidings/events.json")
    assert after.headers["x-tidings-cache"] == "miss" and after.json()["total"] > first.json()["total"]
