"""``tidings eval SET``: run one gold set through the pipeline and print its scores.

Registered into the main ``tidings`` group by ``cli.add_command(eval_command)``;
kept in the eval package so the command line of the pipeline does not import
the harness (and the harness can be run on its own while the group changes).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.console import Console
from rich.table import Table

from tidings.errors import TidingsError
from tidings.eval.datasets import DATASETS

if TYPE_CHECKING:
    from tidings.eval.runners import Report

#: Where the gold sets live when neither ``--data-dir`` nor ``TIDINGS_EVAL_DIR`` says:
#: beside the repository, as in the development checkout (``<repo>/../shared/eval``).
DEFAULT_DATA_DIR = Path("..") / "shared" / "eval"


def default_data_dir() -> Path:
    """``$TIDINGS_EVAL_DIR`` when set, else ``../shared/eval`` relative to the current directory."""
    env = os.environ.get("TIDINGS_EVAL_DIR")
    return Path(env) if env else DEFAULT_DATA_DIR


def _table(report: Report, headline: tuple[str, ...]) -> Table:
    """The metrics, headline ones first and in bold; counts (``n_*``) as integers."""
    table = Table(title=f"{report.set} ({report.split or 'all'})")
    table.add_column("metric")
    table.add_column("value", justify="right")
    metrics = report.metrics
    ordered = [k for k in headline if k in metrics] + [k for k in metrics if k not in headline]
    for key in ordered:
        value = metrics[key]
        shown = f"{value:.0f}" if key.startswith("n_") else f"{value:.3f}"
        table.add_row(f"[bold]{key}[/bold]" if key in headline else key, shown)
    return table


@click.command("eval", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("set_name", metavar="SET", type=click.Choice(sorted(DATASETS)))
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of the gold sets [default: $TIDINGS_EVAL_DIR, else ../shared/eval].",
)
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N items.")
@click.option("--split", help="A split of the set (polnear: dev|train; timebank: timebank|aquaint; meantime: topic).")
@click.option(
    "--out", type=click.Path(dir_okay=False, path_type=Path), help="Write the JSON report (metrics + errors) here."
)
@click.option(
    "--show-errors", type=click.IntRange(min=0), default=0, show_default=True, help="Print the first N errors."
)
def eval_command(
    set_name: str, data_dir: Path | None, limit: int | None, split: str | None, out: Path | None, show_errors: int
) -> None:
    """Measure tidings on a public gold set: run the pipeline, score it, report every error.

    SET is one of the sets of ../shared/eval/README.md. The table shows the
    set's headline metrics in bold; the JSON report (--out) also lists every
    miss and false alarm with its text, for error analysis.

    Examples:

        tidings eval plover-gsr

        tidings eval polnear --split dev --limit 20 --out polnear.json
    """
    from tidings.eval.runners import HEADLINE, run

    console = Console(highlight=False)
    data = data_dir or default_data_dir()
    if not data.is_dir():
        raise click.ClickException(f"no evaluation data at {data} (use --data-dir or TIDINGS_EVAL_DIR)")
    try:
        report = run(set_name, data, split=split, limit=limit)
    except TidingsError as exc:
        raise click.ClickException(str(exc)) from exc
    except (FileNotFoundError, ValueError) as exc:
        raise click.ClickException(f"{set_name}: {exc}") from exc
    console.print(_table(report, HEADLINE.get(set_name, ())))
    console.print(
        f"{report.set}: {report.n_items} items in {report.seconds:.1f} s, "
        f"{report.failures} pipeline failures, {len(report.errors)} errors listed",
        markup=False,
    )
    for note in report.notes:
        console.print(f"  note: {note}", markup=False)
    for error in report.errors[:show_errors]:
        console.print(json.dumps(error, ensure_ascii=False), markup=False, soft_wrap=True)
    if out is not None:
        out.write_text(json.dumps(report.to_dict(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        console.print(f"report written to {out}", markup=False)
