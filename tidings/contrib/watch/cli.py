"""The ``tidings watch`` command: a thin click layer over :class:`tidings.contrib.watch.Watcher`."""

from __future__ import annotations

import threading
from contextlib import ExitStack
from typing import TextIO

import click

from tidings.errors import TidingsError


@click.command("watch")
@click.argument("names", metavar="SOURCE...", nargs=-1, required=True)
@click.option("--every", default="15m", show_default=True, help="Time between cycles (15m, 1h30m, 90s, 90).")
@click.option(
    "--db", default="tidings.db", show_default=True, type=click.Path(dir_okay=False), help="SQLite file to write."
)
@click.option("--fetch", is_flag=True, help="Download each feed item's page (robots.txt honoured).")
@click.option("--once", is_flag=True, help="Run one cycle and exit (for cron).")
@click.option("--alert", "alert_text", help="Filter over global_event_view; each new match is one JSON line.")
@click.option(
    "--alert-out", type=click.Path(dir_okay=False), help="Append the alert lines to this file instead of stdout."
)
@click.option("--max-backoff", default="6h", show_default=True, help="Longest a failing feed waits between tries.")
@click.option(
    "--config", type=click.Path(exists=True, dir_okay=False), help="A TOML file overriding the packaged settings."
)
def watch_command(
    names: tuple[str, ...],
    every: str,
    db: str,
    fetch: bool,
    once: bool,
    alert_text: str | None,
    alert_out: str | None,
    max_backoff: str,
    config: str | None,
) -> None:
    """Follow feeds and folders: every --every, process what is new into the store.

    A SOURCE is a feed URL, a file of feed URLs (one a line) or a folder where
    another tool drops JSONL, WARC or HTML files. Each cycle asks every feed
    with a conditional GET (ETag / If-Modified-Since kept in the store), skips
    items whose URL the store holds, processes the new ones as `tidings process`
    does (stories and global events joined), and logs one line: new, skipped,
    failed, duration. A feed that keeps failing waits twice as long each time
    (up to --max-backoff, or what its Retry-After asks). SIGINT or SIGTERM
    finish the article in hand and exit; the next start goes on from there.

    Examples:

    \b
        tidings watch https://example.org/world/rss.xml feeds.txt inbox/ --every 15m --db news.db
        tidings watch feeds.txt --once --fetch --db news.db
        tidings watch feeds.txt --alert "root in (18,19,20) and country = 'SDN'" --alert-out alerts.jsonl
    """
    from tidings.config import load_settings
    from tidings.contrib.watch.alerts import AlertFilter
    from tidings.contrib.watch.loop import Watcher, parse_span, stop_on_signals

    def log(line: str) -> None:
        click.echo(line, err=True)

    stop = threading.Event()
    try:
        settings = load_settings(config)
        interval = parse_span(every, "--every")
        cap = parse_span(max_backoff, "--max-backoff")
        alert = AlertFilter.parse(alert_text) if alert_text is not None else None
        with ExitStack() as stack:
            out: TextIO | None = None
            if alert_out is not None:
                try:
                    out = stack.enter_context(open(alert_out, "a", encoding="utf-8"))
                except OSError as exc:
                    raise TidingsError("T126", f"{alert_out}: cannot append alerts ({exc.strerror})") from exc
            watcher = Watcher(
                names, db=db, settings=settings, every=interval, fetch=fetch, max_backoff=cap,
                alert=alert, alert_out=out, log=log, stop=stop,
            )  # fmt: skip
            with stop_on_signals(stop):
                watcher.loop(once=once)
    except TidingsError as exc:
        raise click.ClickException(str(exc)) from exc
    if stop.is_set():
        log("tidings watch: stopped; the next start goes on from here")
