"""Quality gate: fail when a headline metric drops below its pinned floor.

``benchmarks/floors.json`` pins, for every gold set, a CI sample (the first
``limit`` items of ``split``), the sha256 digest of that sample's data, and a
floor for each headline metric (:data:`tidings.eval.runners.HEADLINE`). The
gate runs each set on its sample, prints a table and exits 1 when any metric
is below its floor, or when a sample's digest differs from the pinned one (the
floors were measured on other data and mean nothing for this one).

Counts where less is better (violations, events on non-political articles:
:data:`tidings.eval.runners.CEILINGS`) get a ceiling instead, pinned at the
value measured, that only comes down.

Floors only go up: ``--update`` raises each floor to the value measured now
minus the tolerance (0.01), and keeps any floor that is already higher. A
floor comes down only with ``--allow-lower --reason "..."``, which prints the
line to put in the commit message so the drop is on record. A set not yet in
the file, or whose data changed, is (re)pinned by ``--update`` at
:data:`CI_LIMITS`.

Without ``../shared/eval`` (a fresh clone) the gate has nothing to measure and
exits 0 with a message.

Examples:

    python benchmarks/gate.py
    python benchmarks/gate.py --sets plover-gsr,timebank
    python benchmarks/gate.py --update
    python benchmarks/gate.py --update --allow-lower --reason "new sentence splitter trades recall for precision"
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FLOORS = Path(__file__).resolve().parent / "floors.json"
DEFAULT_DATA = ROOT.parent / "shared" / "eval"
TOLERANCE = 0.01

#: CI sample sizes, used when a set is first pinned. The small sets run whole;
#: the three slow ones (long articles) are cut so that the gate takes about
#: 2 minutes on 2 cores today and stays under 5 as the stages grow.
CI_LIMITS: dict[str, int] = {
    "plover-gsr": 322,
    "petr2-gsr": 78,
    "conflibert": 1349,
    "ngec-actors": 333,
    "geo-gwn": 100,
    "geo-trnews": 118,
    "polnear": 40,
    "timebank": 120,
    "conll": 3250,
    "meantime": 120,
    "extract": 181,
    "warc": 181,
    "docs": 40,
    "realdocs": 40,
}


def _load_floors(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {"tolerance": TOLERANCE, "sets": {}}
    return json.loads(path.read_text(encoding="utf-8"))


ABOUT = (
    "Quality-gate floors for benchmarks/gate.py: per set, the CI sample (first `limit` items of `split`, "
    "null = the loader's default), the sha256 of that sample's data, and a floor per headline metric "
    "(measured minus `tolerance`). Raise with --update; lower only with --allow-lower --reason."
)


def _save_floors(path: Path, floors: dict[str, Any]) -> None:
    floors["about"] = ABOUT
    path.write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def _ceilings(
    name: str,
    metrics: tuple[str, ...],
    values: dict[str, float],
    entry: dict[str, Any],
    changed: bool,
    args: argparse.Namespace,
    table: Any,
    failed: list[str],
    lowered: list[str],
) -> dict[str, float]:
    """Counts that must not rise (violations, events on non-political articles): a ceiling each,
    pinned at the value measured (no tolerance: a count is exact), that only comes down."""
    old: dict[str, float] = {} if changed else dict(entry.get("ceilings", {}))
    new: dict[str, float] = {}
    for metric in metrics:
        value = values.get(metric, 0.0)
        ceiling = old.get(metric)
        ok = ceiling is None or value <= ceiling + 1e-9
        status = "ok (ceiling)" if ok else "[red]ABOVE[/]"
        if not ok:
            failed.append(f"{name} {metric}: {value:.4f} > ceiling {ceiling:.4f}")
        if args.update:
            if ceiling is None or value < ceiling:
                new[metric] = value
                status = "new ceiling" if ceiling is None else "lowered ceiling"
            elif value > ceiling and args.allow_lower:
                new[metric] = value
                lowered.append(f"{name} {metric} ceiling {ceiling:.4f} -> {value:.4f}")
                status = "raised ceiling"
            else:
                new[metric] = ceiling
        table.add_row(name, metric, f"{value:.4f}", "-" if ceiling is None else f"<= {ceiling:.4f}", status)
    return new


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, help="gold sets (default: $TIDINGS_EVAL_DIR, else ../shared/eval)")
    parser.add_argument("--floors", type=Path, default=FLOORS, help="floors file (default benchmarks/floors.json)")
    parser.add_argument("--sets", help="comma-separated sets to check (default: all pinned, or all with --update)")
    parser.add_argument("--update", action="store_true", help="raise floors to today's values minus the tolerance")
    parser.add_argument("--allow-lower", action="store_true", help="with --update: let floors come down")
    parser.add_argument("--reason", help="why floors come down (required with --allow-lower)")
    args = parser.parse_args(argv)
    if args.allow_lower and not (args.update and args.reason):
        parser.error("--allow-lower needs --update and --reason")

    env = os.environ.get("TIDINGS_EVAL_DIR")
    data_dir: Path = args.data_dir or (Path(env) if env else DEFAULT_DATA)
    if not data_dir.is_dir():
        print(f"gate: no evaluation data at {data_dir}; nothing to check (skipped)")
        return 0

    from rich.console import Console
    from rich.table import Table

    from tidings.errors import TidingsError
    from tidings.eval.datasets import DATASETS
    from tidings.eval.runners import CEILINGS, HEADLINE, items_digest, run

    floors = _load_floors(args.floors)
    tolerance = float(floors.get("tolerance", TOLERANCE))
    pinned: dict[str, Any] = floors.setdefault("sets", {})
    if args.sets:
        names = [s.strip() for s in args.sets.split(",") if s.strip()]
        unknown = [s for s in names if s not in DATASETS]
        if unknown:
            parser.error(f"unknown set(s): {', '.join(unknown)}")
    else:
        names = list(DATASETS) if args.update else list(pinned)

    console = Console(highlight=False)
    table = Table(title=f"quality gate ({data_dir})")
    for col in ("set", "metric", "value", "floor", "status"):
        table.add_column(col, justify="right" if col in ("value", "floor") else "left")
    failed: list[str] = []
    lowered: list[str] = []
    started = time.perf_counter()
    for name in names:
        entry = pinned.get(name, {})
        limit = int(entry.get("limit", CI_LIMITS.get(name, 50)))
        split = entry.get("split")
        items = DATASETS[name](data_dir, split=split, limit=limit)
        digest = items_digest(items)
        changed = bool(entry) and entry.get("digest") != digest
        if changed and not args.update:
            pinned_digest = str(entry.get("digest", ""))[:12]
            table.add_row(name, "(sample digest)", digest[:12], pinned_digest, "[red]DATA CHANGED[/]")
            failed.append(f"{name}: sample data changed; re-pin with --update")
            continue
        t0 = time.perf_counter()
        try:
            report = run(name, data_dir, split=split, items=items)
        except TidingsError as exc:
            table.add_row(name, "-", "-", "-", f"skipped: {exc}")
            continue
        seconds = time.perf_counter() - t0
        old: dict[str, float] = {} if changed else dict(entry.get("floors", {}))
        new_floors: dict[str, float] = {}
        for metric in HEADLINE[name]:
            value = report.metrics.get(metric, 0.0)
            floor = old.get(metric)
            ok = floor is None or value >= floor - 1e-9
            status = "ok" if ok else "[red]BELOW[/]"
            if not ok:
                failed.append(f"{name} {metric}: {value:.4f} < floor {floor:.4f}")
            if args.update:
                candidate = max(0.0, round(value - tolerance, 4))
                if floor is None or candidate > floor:
                    new_floors[metric] = candidate
                    status = "new" if floor is None else "raised"
                elif candidate < floor and args.allow_lower:
                    new_floors[metric] = candidate
                    lowered.append(f"{name} {metric} {floor:.4f} -> {candidate:.4f}")
                    status = "lowered"
                else:
                    new_floors[metric] = floor
            shown_floor = "-" if floor is None else f"{floor:.4f}"
            table.add_row(name, metric, f"{value:.4f}", shown_floor, status)
        new_ceilings = _ceilings(
            name, CEILINGS.get(name, ()), report.metrics, entry, changed, args, table, failed, lowered
        )
        table.add_row(name, "(seconds)", f"{seconds:.1f}", "", "")
        if args.update:
            pinned[name] = {
                **({"ceilings": new_ceilings} if new_ceilings else {}),
                "limit": limit,
                "split": split,
                "n_items": report.n_items,
                "digest": digest,
                "floors": new_floors,
                "measured": {m: round(report.metrics.get(m, 0.0), 4) for m in HEADLINE[name]},
                "measured_on": date.today().isoformat(),
            }
    console.print(table)
    console.print(f"gate ran in {time.perf_counter() - started:.0f} s", markup=False)
    if args.update:
        floors["tolerance"] = tolerance
        _save_floors(args.floors, floors)
        console.print(f"floors written to {args.floors}", markup=False)
        if lowered:
            console.print("Put this line in the commit message:", markup=False)
            console.print(f"Quality-gate-lowered: {'; '.join(lowered)} -- reason: {args.reason}", markup=False)
        # An update re-pins: the run is not judged against the floors it replaced,
        # except for drops that were not allowed.
        failed = [f for f in failed if "data changed" not in f]
        if not args.allow_lower:
            for f in failed:
                console.print(f"[red]below floor (kept; lowering needs --allow-lower --reason):[/] {f}")
            return 1 if failed else 0
        return 0
    for f in failed:
        console.print(f"[red]FAIL[/] {f}")
    console.print("gate: FAILED" if failed else "gate: passed", markup=False)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
