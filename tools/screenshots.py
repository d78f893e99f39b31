#!/usr/bin/env python3
"""Take the README's screenshots of the web explorer (``docs/explorer-*.png``).

    .venv/bin/python tools/screenshots.py [--seed ../shared/seed/000_8f90abbaab45254c.txt] [--out docs]

Processes the sample corpus and the seed article (``--date 2020-08-16``) into
a scratch database in a temporary folder (nothing of the seed is kept but
the pictures), serves it with ``tidings serve`` on a loopback port, and
photographs the events list (Belarus), the seed's article page with an event
clicked, an actor page (BLRGOV), the map and the timeline with Debian's
Chromium driven by Playwright.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
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


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait(url: str, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"tidings serve did not answer at {url}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=Path, default=REPO.parent / "shared" / "seed" / "000_8f90abbaab45254c.txt")
    parser.add_argument("--out", type=Path, default=REPO / "docs")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from tidings.runner import run
    from tidings.sinks import SQLiteSink

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "explorer.db"
        run([str(REPO / "tidings" / "data" / "sample" / "articles.jsonl")], sink=SQLiteSink(db))
        seed = os.path.relpath(args.seed) if args.seed.is_absolute() else str(args.seed)  # stored as its input name
        run([seed], sink=SQLiteSink(db), date="2020-08-16")
        port = _port()
        base = f"http://127.0.0.1:{port}"
        cmd = [sys.executable, "-m", "tidings", "serve", str(db), "--port", str(port)]
        proc = subprocess.Popen(cmd, env=dict(os.environ))
        try:
            _wait(base + "/-/tidings/events.json", proc)
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=args.chromium, args=FLAGS)
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                page.goto(base + "/-/tidings/events?country=BLR")
                page.screenshot(path=str(args.out / "explorer-events.png"))
                rows = page.request.get(base + "/-/tidings/events.json?from=2020-08-09&to=2020-08-15").json()["rows"]
                seed_id = next(r["article_id"] for r in rows if r["article_id"].startswith("t"))
                page.goto(base + "/-/tidings/article/" + seed_id)
                page.wait_for_selector("body[data-tidings-ready]")
                page.locator("#article-text mark.hl-event").first.click()
                page.locator("#article-text mark.hl-event").first.hover()
                page.screenshot(path=str(args.out / "explorer-article.png"))
                page.goto(base + "/-/tidings/actor/BLRGOV")
                page.screenshot(path=str(args.out / "explorer-actor.png"))
                page.goto(base + "/-/tidings/map")
                page.wait_for_selector("#map[data-ready]")
                page.wait_for_timeout(500)
                page.screenshot(path=str(args.out / "explorer-map.png"))
                page.goto(base + "/-/tidings/timeline?bucket=week&from=2020-08&to=2020-10")
                page.screenshot(path=str(args.out / "explorer-timeline.png"))
                browser.close()
        finally:
            proc.terminate()
            proc.wait(10)
    for name in ("events", "article", "actor", "map", "timeline"):
        print(args.out / f"explorer-{name}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
