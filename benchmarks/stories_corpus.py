"""Stories and global events on the project's cross-article corpus (issue 19's Must-show figures).

Processes ``tests/fixtures/stories/articles.jsonl`` (70 articles about 22 invented events: 12
written up by 4-6 outlets each, with briefs and syndicated copies, and 10 distractors) through
``tidings.run`` into a fresh SQLite store, the way ``tidings process`` does, then scores the
stories and global events the sink made against ``gold.json`` (:mod:`tidings.eval.stories`)
and prints the figures. With ``--check`` it exits 1 when one misses its bar: over-count ratio
(well-coded mentions) at most 1.2, no wrongly merged global event, story purity and
completeness at least 0.9, every copy in its original's story and no global event held only by
copies.

A second pass processes every article again into the same store (``force``): the figures
must not change (re-processing never counts an article twice), nor the ids.

Examples:

    python benchmarks/stories_corpus.py
    python benchmarks/stories_corpus.py --similarity lexical --events --db /tmp/stories.db
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "fixtures" / "stories"
#: The bars of issue 19's Must-show.
BARS = {"overcount": 1.2, "wrong_merges": 0, "purity": 0.9, "completeness": 0.9}


def build(db: Path, similarity: str, *, again: bool = False) -> float:
    """Process the corpus into ``db`` (again: with ``force``); returns the seconds it took."""
    from tidings.config import load_settings
    from tidings.runner import run
    from tidings.sinks import SQLiteSink

    settings = load_settings().with_section("stories", similarity=similarity)
    start = time.perf_counter()
    summary = run([str(CORPUS / "articles.jsonl")], sink=SQLiteSink(db, settings=settings), force=again)
    if summary.failed:
        raise SystemExit(f"{summary.failed} articles failed")
    return time.perf_counter() - start


def ids(db: Path) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """(article, story) and (article, event index, global event) in a fixed order."""
    conn = sqlite3.connect(db)
    try:
        stories = conn.execute("SELECT id, story_id FROM articles ORDER BY id").fetchall()
        events = conn.execute(
            "SELECT article_id, event_index, global_event_id FROM events ORDER BY article_id, event_index"
        ).fetchall()
    finally:
        conn.close()
    return stories, events


def evaluate(db: Path) -> Any:
    from tidings.eval.stories import score

    conn = sqlite3.connect(db)
    try:
        return score(conn, json.loads((CORPUS / "gold.json").read_text(encoding="utf-8")))
    finally:
        conn.close()


def failures(report: Any) -> list[str]:
    """The Must-show bars the report misses."""
    out = []
    if report.overcount["well_coded"] > BARS["overcount"]:
        out.append(f"over-count ratio {report.overcount['well_coded']:.3f} > {BARS['overcount']}")
    if report.wrong["well_coded"] > BARS["wrong_merges"]:
        out.append(f"{report.wrong['well_coded']} wrongly merged global events: {report.wrong_examples}")
    if report.story_purity < BARS["purity"]:
        out.append(f"story purity {report.story_purity:.3f} < {BARS['purity']}")
    if report.story_completeness < BARS["completeness"]:
        out.append(f"story completeness {report.story_completeness:.3f} < {BARS['completeness']}")
    if report.copies_in_story < report.copies or report.copy_only_global_events:
        out.append(f"copies: {report.copies_in_story}/{report.copies} in story, {report.copy_only_global_events} new")
    return out


def _print(report: Any, seconds: float, per_event: bool) -> None:
    width = max(len(k) for k, _ in report.table())
    for name, value in report.table():
        print(f"{name:<{width}}  {value}")
    print(f"{'seconds to process the corpus':<{width}}  {seconds:.1f}")
    if per_event:
        print("\nglobal events per gold event (coded / asserted / well-coded mentions):")
        for ev, sets in report.per_event.items():
            print(f"  {ev}: " + " / ".join(str(len(sets[k])) for k in ("coded", "asserted", "well_coded")))
    for line in report.wrong_examples:
        print("wrong merge:", line)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--similarity", choices=("model", "lexical"), default="model")
    ap.add_argument("--db", type=Path, help="keep the store here (default: a temporary file)")
    ap.add_argument("--events", action="store_true", help="print the global events of each gold event")
    ap.add_argument("--check", action="store_true", help="exit 1 when a Must-show bar is missed")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "stories.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        seconds = build(db, args.similarity)
        report = evaluate(db)
        _print(report, seconds, args.events)
        first = ids(db)
        build(db, args.similarity, again=True)
        again = evaluate(db)
        same = first == ids(db) and again.table() == report.table()
        print(f"\nprocessed again (force): figures and ids {'unchanged' if same else 'CHANGED'}")
        missed = failures(report) + ([] if same else ["re-processing changed the figures or ids"])
    for line in missed:
        print("MISSED:", line)
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
