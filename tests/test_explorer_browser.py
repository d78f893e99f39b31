"""The web explorer in a real browser: Debian's Chromium driven by Playwright, against ``tidings serve``.

A scratch store (the sample corpus, the hostile articles of
``explorer_store`` and, when ``../shared`` is there, the seed article) is
served by the real command on a loopback port. The tests open each page,
hover and click highlights, apply a facet, read the JSON twins, run the
hostile articles and the paste form, and save a screenshot of each page
(in pytest's temporary folder). Every request the browser makes is checked
to stay on 127.0.0.1, and every page to raise no Content-Security-Policy
violation. They skip, saying why, where no Chromium is installed
(``.ci/run`` installs Debian's ``chromium``); no browser is ever downloaded.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import SEED
from explorer_store import VISIBLE, XSS_ARTICLES, make_store

CHROMIUM = os.environ.get("TIDINGS_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TOKEN = "browser-test-token-42"

if not Path(CHROMIUM).is_file():
    pytest.skip(
        f"no Chromium at {CHROMIUM}: these tests drive Debian's chromium package (apt-get install chromium; "
        ".ci/run installs it), and never download a browser",
        allow_module_level=True,
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = make_store(tmp_path_factory.mktemp("served") / "news.db", SEED if SEED.is_file() else None)
    port = _free_port()
    cmd = [sys.executable, "-m", "tidings", "serve", str(db), "--port", str(port), "--allow-process"]
    env = {**os.environ, "TIDINGS_SERVE_TOKEN": TOKEN}
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            with urllib.request.urlopen(base + "/-/tidings/events.json", timeout=5) as r:
                if r.status == 200:
                    break
        except OSError as exc:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                out = proc.stdout.read() if proc.stdout else ""
                raise RuntimeError(f"tidings serve did not start: {out}") from exc
            time.sleep(0.3)
    yield base
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


class Watch:
    """What a page did: requests off the loopback, CSP violations, dialogs (an alert() that ran)."""

    def __init__(self) -> None:
        self.outside: list[str] = []
        self.console: list[str] = []
        self.dialogs: list[str] = []

    def check(self) -> None:
        assert not self.outside, f"requests left the machine: {self.outside}"
        assert not self.dialogs, f"a script opened dialogs: {self.dialogs}"
        violations = [m for m in self.console if "Content Security Policy" in m or "Refused to" in m]
        assert not violations, violations


@pytest.fixture()
def page(browser: Any) -> Iterator[tuple[Any, Watch]]:
    ctx = browser.new_context(viewport={"width": 1400, "height": 900})
    watch = Watch()

    def route(r: Any) -> None:
        if urlsplit(r.request.url).hostname not in ("127.0.0.1", None):
            watch.outside.append(r.request.url)
            r.abort()
        else:
            r.continue_()

    ctx.route("**/*", route)
    pg = ctx.new_page()
    pg.on("console", lambda m: watch.console.append(m.text))
    pg.on("dialog", lambda d: (watch.dialogs.append(d.message), d.dismiss()))
    yield pg, watch
    watch.check()
    ctx.close()


def _json(pg: Any, url: str) -> Any:
    r = pg.request.get(url)
    assert r.ok and r.headers["content-type"].startswith("application/json")
    return r.json()


def _article_url(server: str, article_id: str) -> str:
    return f"{server}/-/tidings/article/" + quote(article_id, safe="").replace(".", "%2E")


def test_events_page_applies_a_facet_and_matches_its_json(server: str, page: Any, shots: Path) -> None:
    pg, _ = page
    pg.goto(server + "/-/tidings/events")
    pg.screenshot(path=str(shots / "events.png"))
    first = pg.locator('section[data-facet="root"] li a').first
    root = first.get_attribute("data-value")
    count = int(first.locator("xpath=following-sibling::span[@class='count']").inner_text().replace(",", ""))
    first.click()
    pg.wait_for_url(f"**root={root}**")
    assert pg.locator('section[data-facet="root"] li.selected a').get_attribute("data-value") == root
    codes = pg.locator("table.events tbody tr td:nth-child(3) span.code").all_inner_texts()
    assert codes and all(c.startswith(root or "??") for c in codes)
    twin = _json(pg, pg.url + "&_format=json")
    assert twin["total"] == count and len(twin["rows"]) == len(codes)
    assert all(r["root"] == root for r in twin["rows"])


def _event_article(server: str, pg: Any) -> str:
    if SEED.is_file():
        rows = _json(pg, server + "/-/tidings/events.json?from=2020-08-09&to=2020-08-15")["rows"]
        seeded = [r["article_id"] for r in rows if r["article_id"].startswith("t")]
        if seeded:
            return str(seeded[0])
    return str(_json(pg, server + "/-/tidings/events.json?sort=confidence")["rows"][0]["article_id"])


def test_article_highlights_hover_click_and_link(server: str, page: Any, shots: Path) -> None:
    pg, _ = page
    article_id = _event_article(server, pg)
    pg.goto(_article_url(server, article_id))
    pg.wait_for_selector("body[data-tidings-ready]")
    for kind in ("event", "actor", "place"):
        assert pg.locator(f"#article-text mark.hl-{kind}").count() > 0, kind
    twin = _json(pg, _article_url(server, article_id) + ".json")
    event = twin["events"][0]
    trigger = pg.locator(f"#event-{event['trigger_start']}-{event['trigger_end']}")
    assert trigger.inner_text() == event["trigger"]
    trigger.hover()
    assert pg.locator("#tip").is_visible()
    assert event["cameo"] in pg.locator("#tip").inner_text()
    trigger.focus()
    assert pg.locator("#tip").is_visible()
    trigger.click()
    assert pg.locator('#details dd[data-field="confidence"]').first.inner_text() == f"{event['confidence']:.2f}"
    pg.screenshot(path=str(shots / "article.png"))
    last = twin["events"][-1]
    pg.locator(f'a.span-link[data-ref="event:{last["id"]}"]').click()
    assert "linked" in (pg.locator(f"#row-event-{last['id']}").get_attribute("class") or "")
    assert pg.locator(f"#event-{last['trigger_start']}-{last['trigger_end']}.pinned").count() == 1
    if twin["removed"]:
        pg.locator("#toggle-removed").click()
        pg.wait_for_url("**removed=1**")
        assert pg.locator("#article-text .removed").count() == len(twin["removed"])


def test_actor_page_draws_its_counterparts(server: str, page: Any, shots: Path) -> None:
    pg, _ = page
    pg.goto(server + "/-/tidings/actor/BLRGOV")
    twin = _json(pg, server + "/-/tidings/actor/BLRGOV.json")
    assert pg.locator("svg.network circle.node").count() == len(twin["counterparts"]) + 1
    assert pg.locator("svg.bars rect").count() > 0
    pg.screenshot(path=str(shots / "actor.png"))
    other = twin["counterparts"][0]["code"]
    pg.locator("table.counterparts a").first.click()
    pg.wait_for_url(f"**/actor/{other}")
    assert other in pg.locator("h1").inner_text()


def test_map_is_drawn_offline(server: str, page: Any, shots: Path) -> None:
    pg, _ = page
    pg.goto(server + "/-/tidings/map")
    pg.wait_for_selector("#map[data-ready]")
    twin = _json(pg, server + "/-/tidings/map.json")
    assert pg.locator("#map path.country").count() > 150  # Natural Earth's countries, from the package
    markers = pg.locator("#map .leaflet-overlay-pane path.q1, #map .leaflet-overlay-pane path.q2,"
                         " #map .leaflet-overlay-pane path.q3, #map .leaflet-overlay-pane path.q4")  # fmt: skip
    assert markers.count() == len(twin["points"]) > 0
    assert pg.locator("#map img.leaflet-tile").count() == 0  # no tiles unless a tile URL is configured
    pg.screenshot(path=str(shots / "map.png"))
    markers.first.click(force=True)
    assert pg.locator(".leaflet-popup-content").is_visible()


def test_timeline_by_week_matches_its_json(server: str, page: Any, shots: Path) -> None:
    pg, _ = page
    pg.goto(server + "/-/tidings/timeline")
    pg.locator("p.buckets a", has_text="week").click()
    pg.wait_for_url("**bucket=week**")
    twin = _json(pg, pg.url + "&_format=json")
    totals = [int(t) for t in pg.locator("table.timeline tbody td:last-child").all_inner_texts()]
    assert sum(totals) == sum(s["total"] for s in twin["series"]) > 0
    assert pg.locator("svg.bars rect").count() == sum(1 for s in twin["series"] for n in s["counts"].values() if n)
    pg.screenshot(path=str(shots / "timeline.png"))


def test_hostile_articles_render_inert(server: str, page: Any, shots: Path) -> None:
    pg, _ = page
    for a in XSS_ARTICLES:
        pg.goto(_article_url(server, a.id))
        pg.wait_for_selector("body[data-tidings-ready]")
        assert pg.evaluate("() => window.__xss") is None, a.id
        assert VISIBLE[a.id] in pg.locator("#article-text").inner_text(), a.id
        assert a.title and a.title in pg.locator("h1").inner_text()
        assert pg.locator("#article-text img, #article-text script, a[href^='javascript']").count() == 0
        pg.screenshot(path=str(shots / f"xss-{a.id[:10].replace('/', '_')}.png"))
    pg.goto(server + "/-/tidings/events?q=" + quote("protesters"))
    assert pg.evaluate("() => window.__xss") is None
    assert "<script>window.__xss='title'</script>" in pg.locator("table.events").inner_text()


def test_paste_form_needs_the_token_then_shows_the_article(server: str, page: Any) -> None:
    pg, _ = page
    pg.goto(server + "/-/tidings/process")
    pg.fill('input[name="token"]', "not-the-token")
    pg.click(".token-form button")
    assert pg.locator("#error").inner_text().startswith("[T112]")
    pg.goto(server + "/-/tidings/process")
    pg.fill('input[name="token"]', TOKEN)
    pg.click(".token-form button")
    text = (
        "Officials in Ghana said on Wednesday that police arrested twelve protesters in Accra after a rally "
        "against rising fuel prices. The opposition condemned the arrests and demanded their release."
    )
    pg.fill('textarea[name="text"]', text)
    pg.fill('input[name="title"]', "Ghana police <b>arrest</b> protesters")
    pg.fill('input[name="date"]', "2024-02-07")
    pg.click(".process-form button")
    pg.wait_for_url("**/-/tidings/article/**", timeout=120_000)
    assert pg.locator("h1").inner_text() == "Ghana police <b>arrest</b> protesters"
    assert pg.locator("#article-text mark.hl-event").count() > 0
    stored = json.loads(pg.request.get(pg.url.split("#")[0] + ".json").text())
    assert stored["article"]["input"] == "pasted article" and stored["article"]["published"] == "2024-02-07"
