"""The ``tidings`` command line."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from datetime import date as _date
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from tidings import __version__
from tidings.errors import InputError, TidingsError
from tidings.model import Article

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


def _articles(items: Iterable[Article | InputError], failures: list[str], quiet: bool) -> Iterator[Article]:
    """Pass articles on; report each bad input on one line of stderr and go on."""
    for item in items:
        if isinstance(item, InputError):
            failures.append(str(item))
            err.print(f"tidings: {item.message} [{item.code}]", markup=False)
        else:
            yield item


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
@click.option("--quiet", "-q", is_flag=True, help="Print no summary (errors still go to stderr).")
def process(
    paths: tuple[str, ...], published: str | None, as_json: bool, db: str, config: str | None, quiet: bool
) -> None:
    """Process articles: .txt files, directories of them, or .jsonl records.

    A JSONL line is {"id", "text", "date", "title", "url"}; its id and date are
    kept. Bad inputs are reported on stderr and skipped; the exit status is 1
    only when every input failed.

    Examples:

        tidings process ../shared/seed/000_8f90abbaab45254c.txt --date 2020-08-16 --json

        tidings process news/ --db news.db
    """
    from tidings.config import load_settings
    from tidings.ingest import read_inputs
    from tidings.pipeline import Failure, Pipeline

    try:
        settings = load_settings(config)
        pipeline = Pipeline(settings)
    except TidingsError as exc:
        raise click.ClickException(str(exc)) from exc
    failures: list[str] = []
    done: list[Article] = []
    conn = None
    if not as_json:
        from tidings.store import connect

        try:
            conn = connect(db)
        except TidingsError as exc:
            raise click.ClickException(str(exc)) from exc
    source = _articles(read_inputs(list(paths), settings, published=published), failures, quiet)
    for result in pipeline.pipe(source):
        if isinstance(result, Failure):
            failures.append(result.message)
            err.print(f"tidings: {result.input}: {result.message}", markup=False)
            continue
        if as_json:
            click.echo(json.dumps(result.to_dict(), ensure_ascii=False))
        else:
            from tidings.store import record_failure, save

            assert conn is not None
            try:
                save(conn, result)
            except Exception as exc:  # noqa: BLE001 - any store error fails this article only
                failures.append(str(exc))
                err.print(f"tidings: {result.input or result.id}: [T030] could not store: {exc}", markup=False)
                continue
        result.doc = None  # the parse is not needed any more; keep memory flat
        done.append(result)
    if conn is not None:
        from tidings.store import record_failure

        for message in failures:
            record_failure(conn, message.split(":")[0], message)
        conn.close()
    if not as_json and not quiet:
        _summary(done, failures, db)
    if failures and not done:
        sys.exit(1)


def _summary(done: list[Article], failures: list[str], db: str) -> None:
    out = Console(highlight=False)
    if not out.is_terminal:
        out = Console(highlight=False, width=140)  # a log file has no width; keep rows on one line
    counts = Table(title=f"tidings: {len(done)} article(s) into {db}", show_header=True)
    for col in ("articles", "failed", "actors", "events", "quotes", "places", "times"):
        counts.add_column(col, justify="right")
    counts.add_row(
        str(len(done)),
        str(len(failures)),
        str(sum(len(a.actors) for a in done)),
        str(sum(len(a.events) for a in done)),
        str(sum(len(a.quotes) for a in done)),
        str(sum(len(a.places) for a in done)),
        str(sum(len(a.times) for a in done)),
    )
    out.print(counts)
    events = sorted(
        ((a, e) for a in done for e in a.events if not e.negated),
        key=lambda ae: (-ae[1].confidence, ae[1].date or ""),
    )[:15]
    if not events:
        return
    top = Table(title="Top events (by confidence)")
    for col in ("date", "source", "event", "target", "place", "article"):
        top.add_column(col, overflow="fold")
    for a, e in events:
        top.add_row(
            e.date or "",
            f"{e.source.actor.name} ({e.source.actor.code})" if e.source else "",
            f"{e.cameo} {e.name}",
            f"{e.target.actor.name} ({e.target.actor.code})" if e.target else "",
            e.place.name if e.place else "",
            (a.title or a.id)[:40],
        )
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
    from tidings.store import connect
    from tidings.store import query as run_query

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


def _register_eval() -> None:
    from tidings.eval.cli import eval_command

    cli.add_command(eval_command)


_register_eval()


def main() -> None:  # pragma: no cover - entry point for python -m
    cli()


if __name__ == "__main__":  # pragma: no cover
    cli()


__all__ = ["Path", "cli"]
