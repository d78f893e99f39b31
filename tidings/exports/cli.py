"""``tidings export``, ``tidings series`` and ``tidings plot``: thin commands over :mod:`tidings.exports`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from tidings.errors import TidingsError

_DB = click.option(
    "--db", default="tidings.db", show_default=True, type=click.Path(dir_okay=False), help="SQLite file to read."
)


def _filters(command: Callable[..., Any]) -> Callable[..., Any]:
    """The filters every export, series and plot takes."""
    options = [
        click.option("--since", help="Events on or after this day (YYYY-MM-DD)."),
        click.option("--until", help="Events on or before this day (YYYY-MM-DD)."),
        click.option("--country", multiple=True, help="ISO3 country as source, target or place (repeatable)."),
        click.option("--dyad", help="Events between two countries, either way round: ARM:AZE."),
        click.option("--root", multiple=True, help="CAMEO root code 01..20 (repeatable)."),
        click.option("--min-confidence", help="Only events with at least this confidence (0..1)."),
        click.option("--include-negated", is_flag=True, help="Keep negated events (left out by default)."),
        click.option("--global", "per_global", is_flag=True, help="One row per global event instead of per mention."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _make_filters(kw: dict[str, Any]) -> Any:
    from tidings.exports.filters import Filters

    return Filters.of(
        since=kw.pop("since"),
        until=kw.pop("until"),
        country=kw.pop("country"),
        dyad=kw.pop("dyad"),
        root=kw.pop("root"),
        min_confidence=kw.pop("min_confidence"),
        include_negated=kw.pop("include_negated"),
    )


@click.command("export")
@click.option("--format", "fmt", required=True, help="gdelt, gdelt-mentions, icews, plover, csv, jsonl or parquet.")
@click.option("--out", type=click.Path(), help="File (or folder, for a Parquet dataset) to write; stdout if absent.")
@_DB
@click.option(
    "--from-parquet",
    type=click.Path(exists=True, file_okay=False),
    help="Read the Parquet folder of a `process --dask` run instead of --db.",
)
@_filters
def export_command(fmt: str, out: str | None, db: str, from_parquet: str | None, per_global: bool, **kw: Any) -> None:
    """Export the stored events as GDELT, ICEWS, PLOVER, CSV, JSON lines or Parquet.

    Per mention (one row per stored event) unless --global; negated events are
    left out unless --include-negated. The file is written whole or not at all.

    Examples:

    \b
        tidings export --format gdelt --out events.export.CSV
        tidings export --format parquet --out export/ --since 2020-01-01
        tidings export --format plover --country BLR --min-confidence 0.5
        tidings export --format gdelt --from-parquet cc-news.parquet --out events.CSV
    """
    from tidings.exports.writing import export

    try:
        if from_parquet is not None:
            n = _export_parquet(from_parquet, fmt, out, filters=_make_filters(kw), per_global=per_global)
        else:
            n = export(db, fmt, out, filters=_make_filters(kw), per_global=per_global)
    except TidingsError as exc:
        raise click.ClickException(str(exc)) from exc
    if out:
        click.echo(f"tidings: {n} row(s) written to {out}", err=True)


def _export_parquet(folder: str, fmt: str, out: str | None, **options: Any) -> int:
    """Export from a Parquet folder: its rows loaded into a temporary store (stories joined), then exported."""
    import tempfile
    from pathlib import Path

    from tidings.exports.writing import export
    from tidings.sinks import SQLiteSink
    from tidings.sinks.parquet import load

    with tempfile.TemporaryDirectory(prefix="tidings-parquet-") as tmp:
        db = str(Path(tmp) / "from-parquet.db")
        load(folder, SQLiteSink(db))
        return export(db, fmt, out, **options)


@click.command("series")
@click.option("--by", default="dyad", show_default=True, help="dyad, source, target, country, root or quad.")
@click.option("--freq", default="month", show_default=True, help="day, week or month.")
@click.option("--format", "fmt", default="csv", show_default=True, help="csv or json.")
@click.option("--out", type=click.Path(dir_okay=False), help="File to write; stdout if absent.")
@_DB
@_filters
def series_command(by: str, freq: str, fmt: str, out: str | None, db: str, per_global: bool, **kw: Any) -> None:
    """Count events per period and key: a tidy table of counts, Goldstein sums and means, QuadClass counts.

    Examples:

    \b
        tidings series --by dyad --freq month --out dyads.csv
        tidings series --by quad --freq week --country UKR --format json
    """
    from tidings.exports.series import check, series, write

    try:
        check(by, freq)
        rows = series(db, by=by, freq=freq, filters=_make_filters(kw), per_global=per_global)
        write(rows, by, fmt, out)
    except TidingsError as exc:
        raise click.ClickException(str(exc)) from exc


@click.command("plot")
@click.argument("kind")
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="The chart: a .png or .svg file.")
@click.option("--freq", default="month", show_default=True, help="timeline: day, week or month.")
@click.option("--top", default=15, show_default=True, type=int, help="network: how many actors; map: names shown.")
@click.option("--title", help="The chart's title (each kind has its own default).")
@_DB
@_filters
def plot_command(
    kind: str, out: str, freq: str, top: int, title: str | None, db: str, per_global: bool, **kw: Any
) -> None:
    """Draw a chart of the stored events: KIND is timeline, network or map.

    timeline: events per period stacked by QuadClass (for a --country or
    --dyad, say); network: the --top actors, arrows weighted by events and
    coloured by mean Goldstein score; map: event places, sized by events.

    Examples:

    \b
        tidings plot timeline --dyad ARM:AZE --out arm-aze.png
        tidings plot network --top 12 --out network.svg
        tidings plot map --since 2024-01-01 --out places.png
    """
    from tidings.exports.plots import plot

    try:
        n = plot(db, kind, out, filters=_make_filters(kw), per_global=per_global, freq=freq, top=top, title=title)
    except TidingsError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"tidings: {kind} of {n} event(s) written to {out}", err=True)


COMMANDS = (export_command, series_command, plot_command)
