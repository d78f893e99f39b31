"""The ``tidings`` command line."""

from __future__ import annotations

import json
import sys
from datetime import date as _date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.console import Console
from rich.table import Table

from tidings.errors import TidingsError
from tidings.version import __version__

if TYPE_CHECKING:
    from tidings.runner import Summary

err = Console(stderr=True, highlight=False, soft_wrap=True)


def _check_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return _date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from exc


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tidings")
def cli() -> None:
    """tidings: news articles in, political event data out.

    Who did what to whom, when, where, and who said what, each field traced
    to its characters in the cleaned text.

    Example:

        tidings process article.txt --date 2020-08-16 --json
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--date", "published", callback=_check_date, help="Publication date (YYYY-MM-DD) for inputs without one.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON record per article instead of storing it.")
@click.option(
    "--db", default="tidings.db", show_default=True, type=click.Path(dir_okay=False), help="SQLite file to write."
)
@click.option(
    "--config", type=click.Path(exists=True, dir_okay=False), help="A TOML file overriding the packaged settings."
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary (errors still go to stderr).")
@click.option("--fetch", is_flag=True, help="For feeds: download each item's page instead of using the feed's text.")
@click.option("--force", is_flag=True, help="Process articles again even when the database already holds them.")
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Worker processes, each running the whole pipeline (1: all in this process).",
)
@click.option("--lang-any", is_flag=True, help="Process articles that do not look English instead of skipping them.")
@click.option(
    "--min-confidence",
    type=click.FloatRange(0.0, 1.0),
    help="Output only events scored at least this (default: [events] min_confidence).",
)
@click.option("--all", "all_events", is_flag=True, help="Output every event the coder proposes, whatever its score.")
@click.option(
    "--dask", "scheduler", metavar="SCHEDULER", help="Run on Dask: a scheduler address, or local:N (a LocalCluster)."
)
@click.option(
    "--parquet",
    "parquet_dir",
    default="tidings.parquet",
    show_default=True,
    type=click.Path(file_okay=False),
    help="With --dask: the folder of Parquet partitions to write (then: tidings load).",
)
@click.option(
    "--shard-mb",
    default=64.0,
    show_default=True,
    type=click.FloatRange(0.001, 100_000),
    help="With --dask: cut JSONL files larger than this into byte ranges of about this size.",
)
def process(
    paths: tuple[str, ...],
    published: str | None,
    as_json: bool,
    db: str,
    config: str | None,
    quiet: bool,
    fetch: bool,
    force: bool,
    workers: int,
    lang_any: bool,
    min_confidence: float | None,
    all_events: bool,
    scheduler: str | None,
    parquet_dir: str,
    shard_mb: float,
) -> None:
    """Process articles: text, HTML, JSONL, feeds, WARC files, URLs, directories, or - for stdin.

    What a file holds is read from its first bytes (its extension breaks ties);
    gzip-compressed files of every kind are opened as they are. A directory is
    read recursively. An http(s) URL, or a file of URLs one a line, is
    downloaded (timeouts, retries with backoff, at most [fetch] per_host
    downloads to one host, pages over [input] max_html_bytes refused). A feed's
    items become articles; --fetch downloads each item's page. A WARC file's
    HTML responses (and a WET file's text) are articles. A JSONL line is
    {"id", "text", "date", "title", "url"}; its id and date are kept.

    An article's id comes from its canonical URL, else its normalised text, so
    one story read twice is stored once. Each article is committed on its own:
    a run that is stopped can simply be started again, and articles already
    in the database are skipped (--force processes them again). Bad inputs are
    reported on stderr and in the database's failures table, and skipped; the
    exit status is 1 only when every input failed. A progress bar (articles/s,
    failures) shows on a terminal unless --quiet.

    With --dask the inputs (files and folders) are cut into shards run on a
    Dask cluster, each shard's rows written as Parquet files by publication
    month under --parquet; finished shards are skipped by a re-run. `tidings
    load` then brings them into a store.

    Examples:

    \b
        tidings process ../shared/seed/000_8f90abbaab45254c.txt --date 2020-08-16 --json
        tidings process news/ saved-pages/ crawl.warc.gz --db news.db --workers 2
        tidings process https://example.org/world/rss.xml --fetch --db news.db
        cat urls.txt | tidings process - --lang-any --force --quiet
        tidings process cc-news/ --dask local:2 --parquet cc-news.parquet
    """
    from dataclasses import replace

    from tidings.config import load_settings
    from tidings.runner import run
    from tidings.sinks import JsonlSink, SQLiteSink

    try:
        settings = load_settings(config)
        if lang_any:
            settings = replace(settings, min_english=0.0)
        if all_events or min_confidence is not None:
            settings = settings.with_section("events", min_confidence=0.0 if all_events else min_confidence)
        if scheduler is not None:
            _process_dask(paths, scheduler, parquet_dir, shard_mb, settings, published, force, quiet)
            return
        with _progress(quiet) as progress:
            summary = run(
                paths,
                sink=JsonlSink() if as_json else SQLiteSink(db, settings=settings),
                settings=settings,
                force=force,
                workers=workers,
                progress=progress.update,
                on_failure=lambda where, message: err.print(f"tidings: {message}", markup=False),
                date=published,
                fetch=fetch,
            )
    except TidingsError as exc:
        raise click.ClickException(str(exc)) from exc
    if not as_json and not quiet:
        _summary(summary, db)
    if summary.failed and not summary.done and not summary.skipped:
        sys.exit(1)


def _process_dask(
    paths: tuple[str, ...],
    scheduler: str,
    parquet_dir: str,
    shard_mb: float,
    settings: Any,
    published: str | None,
    force: bool,
    quiet: bool,
) -> None:
    from tidings.contrib.dask import process as dask_process

    summary = dask_process(
        paths, parquet_dir, scheduler=scheduler, settings=settings, date=published, force=force,
        shard_bytes=int(shard_mb * (1 << 20)),
    )  # fmt: skip
    for line in summary.errors:
        err.print(f"tidings: {line}", markup=False)
    if not quiet:
        err.print(
            f"tidings: {summary.shards} shard(s), {summary.skipped_shards} already done; "
            f"{summary.articles} article(s), {summary.failed} failed, into {parquet_dir}",
            markup=False,
        )
    if summary.errors:
        sys.exit(1)


@cli.command()
@click.argument("parquet_dir", type=click.Path(exists=True, file_okay=False))
@click.option(
    "--db", default="tidings.db", show_default=True, type=click.Path(dir_okay=False), help="SQLite file to write."
)
@click.option("--force", is_flag=True, help="Write articles again even when the database already holds them.")
@click.option(
    "--config", type=click.Path(exists=True, dir_okay=False), help="A TOML file overriding the packaged settings."
)
def load(parquet_dir: str, db: str, force: bool, config: str | None) -> None:
    """Load the Parquet partitions of a `process --dask` run into a store.

    Only finished shards are read. Articles go in a month at a time, in order
    of publication, each joined to the stories and global events on the way
    in; an article the store holds is skipped, so loading twice changes nothing.

    Example:

        tidings load cc-news.parquet --db news.db
    """
    from tidings.config import load_settings
    from tidings.sinks import SQLiteSink
    from tidings.sinks.parquet import load as load_parquet

    try:
        settings = load_settings(config)
        done = load_parquet(parquet_dir, SQLiteSink(db, settings=settings), force=force)
    except TidingsError as exc:
        raise click.ClickException(str(exc)) from exc
    if done.unfinished:
        err.print(f"tidings: {len(done.unfinished)} unfinished shard(s) left out (run process --dask again)")
    err.print(
        f"tidings: {done.stored} article(s) loaded into {db}, {done.skipped} already there, "
        f"{done.failures} failure(s), from {done.shards} shard(s)",
        markup=False,
    )


class _Progress:
    """A one-line rich progress display on stderr (articles, articles/s, failures), or nothing."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._bar: Any = None  # a rich Progress once entered
        self._task: Any = None
        self._t0 = 0.0

    def __enter__(self) -> _Progress:
        import time

        self._t0 = time.perf_counter()
        if self.enabled:
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self._bar = Progress(
                SpinnerColumn(),
                TextColumn("{task.completed:,.0f} articles"),
                TextColumn("{task.fields[rate]:.1f} articles/s"),
                TextColumn("[red]{task.fields[failed]:,} failed"),
                TextColumn("{task.fields[skipped]:,} skipped"),
                TimeElapsedColumn(),
                console=err,
                transient=False,
            )
            self._bar.__enter__()
            self._task = self._bar.add_task("process", total=None, rate=0.0, failed=0, skipped=0)
        return self

    def update(self, batch: Summary) -> None:
        if self._bar is None or self._task is None:
            return
        import time

        elapsed = max(time.perf_counter() - self._t0, 1e-6)
        self._bar.update(
            self._task, completed=batch.done, rate=batch.done / elapsed, failed=batch.failed, skipped=batch.skipped
        )

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)


def _progress(quiet: bool) -> _Progress:
    return _Progress(enabled=not quiet and err.is_terminal)


def _summary(batch: Summary, db: str) -> None:
    out = Console(highlight=False)
    if not out.is_terminal:
        out = Console(highlight=False, width=140)  # a log file has no width; keep rows on one line
    counts = Table(title=f"tidings: {batch.done} article(s) into {db}", show_header=True)
    for col in ("articles", "failed", "skipped", "actors", "events", "quotes", "places", "times"):
        counts.add_column(col, justify="right")
    counts.add_row(str(batch.done), str(batch.failed), str(batch.skipped), *(str(v) for v in batch.counts.values()))
    out.print(counts)
    if not batch.top:
        return
    top = Table(title="Top events (by confidence)")
    for col in ("date", "source", "event", "target", "place", "article"):
        top.add_column(col, overflow="fold")
    for row in batch.top:
        top.add_row(*row)
    out.print(top)


@cli.command()
@click.argument("sql")
@click.option(
    "--db", default="tidings.db", show_default=True, type=click.Path(dir_okay=False), help="SQLite file to read."
)
@click.option("--json", "as_json", is_flag=True, help="Print rows as JSON objects, one per line.")
def query(sql: str, db: str, as_json: bool) -> None:
    """Run read-only SQL against the store and print the rows as a table.

    Example:

        tidings query "SELECT date, source_code, cameo, target_code FROM events ORDER BY date"
    """
    from tidings.sinks import connect
    from tidings.sinks import query as run_query

    try:
        conn = connect(db, readonly=True)
        cols, rows = run_query(conn, sql)
    except TidingsError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        for row in rows:
            click.echo(json.dumps(dict(zip(cols, row, strict=True)), ensure_ascii=False, default=str))
        return
    table = Table(show_header=True)
    for col in cols:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    Console(highlight=False).print(table)
    err.print(f"{len(rows)} row(s)")


@cli.command()
@click.argument("db", default="tidings.db", type=click.Path(dir_okay=False))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback unless told).")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--allow-process", is_flag=True, help="Turn on the paste-an-article form (it needs the token).")
@click.option(
    "--token", envvar="TIDINGS_SERVE_TOKEN", help="Token for the paste form (else $TIDINGS_SERVE_TOKEN, else made up)."
)
@click.option(
    "--tiles", "tile_url", help="A tile URL template for the map, e.g. https://tiles.example/{z}/{x}/{y}.png."
)
@click.option("--tiles-attribution", default="", help="Attribution shown for --tiles.")
@click.option(
    "--max-chars", default=100_000, show_default=True, type=click.IntRange(100, 5_000_000), help="Longest paste."
)
@click.option(
    "--process-timeout", default=60.0, show_default=True, type=click.FloatRange(1, 3600), help="Seconds per paste."
)
@click.option(
    "--config", type=click.Path(exists=True, dir_okay=False), help="A TOML file overriding the packaged settings."
)
def serve(
    db: str,
    host: str,
    port: int,
    allow_process: bool,
    token: str | None,
    tile_url: str | None,
    tiles_attribution: str,
    max_chars: int,
    process_timeout: float,
    config: str | None,
) -> None:
    """Explore a store in the browser: Datasette with the tidings pages (events, article, actor, map, timeline).

    The store is only read, and the server listens on 127.0.0.1, unless told
    otherwise. --allow-process turns on /-/tidings/process (paste an article
    or a URL), for holders of the token only.

    Example:

        tidings serve news.db --port 8001
    """
    from tidings.contrib.explorer import serve as run_server

    try:
        run_server(
            db,
            host=host,
            port=port,
            allow_process=allow_process,
            token=token,
            tile_url=tile_url,
            tile_attribution=tiles_attribution,
            max_chars=max_chars,
            timeout=process_timeout,
            config=config,
            say=lambda line: err.print(line, markup=False),
        )
    except TidingsError as exc:
        raise click.ClickException(str(exc)) from exc


def _register_eval() -> None:
    from tidings.eval.cli import eval_command

    cli.add_command(eval_command)


_register_eval()


def _register_exports() -> None:
    from tidings.exports.cli import COMMANDS

    for command in COMMANDS:
        cli.add_command(command)


_register_exports()


def _register_watch() -> None:
    from tidings.contrib.watch.cli import watch_command

    cli.add_command(watch_command)


_register_watch()


def main() -> None:  # pragma: no cover - entry point for python -m
    cli()


if __name__ == "__main__":  # pragma: no cover
    cli()


__all__ = ["Path", "cli"]
