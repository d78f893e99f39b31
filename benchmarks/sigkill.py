"""SIGKILL at random moments over one batch, then a resume: every article exactly once?

The sample corpus is copied ``--copies`` times under distinct ids into one JSONL
file; ``tidings process`` is started on it again and again, each run killed
with SIGKILL at a random moment, ``--kills`` times: one kill in five at a
random moment of its start (while Python and spaCy load, while the store opens
or migrates: uniform up to the start-up time last seen), the others at a random
moment after the run has stored its first article (uniform in 0 to
``--max-delay`` seconds more: between articles, inside a commit). A last run, not killed, finishes the batch. Then
the store must hold every article exactly once, ``PRAGMA integrity_check`` must
say ``ok``, the foreign keys must hold, nothing may be in ``failures``, and the
copies of one text must have the same rows (no article half-written).

Example:

    python benchmarks/sigkill.py --kills 50 --copies 15
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "tidings" / "data" / "sample" / "articles.jsonl"
TABLES = ("actors", "events", "quotes", "places", "times", "event_mentions")


def corpus(path: Path, copies: int) -> list[str]:
    records = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    ids: list[str] = []
    with path.open("w", encoding="utf-8") as fh:
        for c in range(copies):
            for r in records:
                r = dict(r, id=f"{r['id']}#{c}")
                ids.append(r["id"])
                fh.write(json.dumps(r) + "\n")
    return ids


def stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def check(db: Path, ids: list[str]) -> dict[str, object]:
    """What the store holds after the resume, and whether it is sound."""
    conn = sqlite3.connect(db)
    try:
        have = [r[0] for r in conn.execute("SELECT id FROM articles")]
        same_rows = True
        for table in TABLES:
            counts = dict(conn.execute(f"SELECT article_id, COUNT(*) FROM {table} GROUP BY article_id").fetchall())
            by_text: dict[str, set[int]] = {}
            for aid in ids:
                by_text.setdefault(aid.split("#")[0], set()).add(counts.get(aid, 0))
            same_rows &= all(len(v) == 1 for v in by_text.values())
        return {
            "articles": len(have),
            "distinct": len(set(have)),
            "expected": len(ids),
            "every_article_once": sorted(have) == sorted(ids),
            "integrity_check": conn.execute("PRAGMA integrity_check").fetchone()[0],
            "foreign_key_violations": len(conn.execute("PRAGMA foreign_key_check").fetchall()),
            "failures": conn.execute("SELECT COUNT(*) FROM failures").fetchone()[0],
            "copies_have_the_same_rows": same_rows,
        }
    finally:
        conn.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--copies", type=int, default=15, help="copies of the 16 sample articles (default 15)")
    parser.add_argument("--max-delay", type=float, default=4.0, help="seconds after the first article stored")
    parser.add_argument("--seed", type=int, default=23)
    parser.add_argument("--dir", type=Path, help="work here (default: a temporary folder)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    work = args.dir or Path(tempfile.mkdtemp(prefix="tidings-sigkill-"))
    work.mkdir(parents=True, exist_ok=True)
    data, db = work / "corpus.jsonl", work / "batch.db"
    for f in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        f.unlink(missing_ok=True)
    ids = corpus(data, args.copies)
    config = work / "one-at-a-time.toml"  # parse batches of one: an article is stored as soon as it is parsed
    config.write_text("[nlp]\nbatch_size = 1\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "tidings", "process", str(data), "--db", str(db), "--quiet", "--config", str(config)]
    t0 = time.monotonic()
    print(f"{len(ids)} articles; {args.kills} runs killed at random moments, then a resume")
    print("| kill | when | killed after s | stored before | stored after |")
    print("|---|---|---|---|---|")
    landed, startup = 0, 10.0
    for k in range(1, args.kills + 1):
        before = stored(db)
        early = rng.random() < 0.2
        start = time.monotonic()
        proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if early:  # while it starts: Python, spaCy, opening (and migrating) the store
            time.sleep(rng.uniform(0.0, startup))
        else:  # while it works: once its first article is stored, between articles or inside a commit
            while stored(db) == before and proc.poll() is None:
                time.sleep(0.02)
            startup = time.monotonic() - start
            time.sleep(rng.uniform(0.0, args.max_delay))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        after = stored(db)
        landed += after > before
        when = "start-up" if early else "working"
        print(f"| {k} | {when} | {time.monotonic() - start:.1f} | {before} | {after} |", flush=True)
    resume = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True)
    result = check(db, ids)
    result.update(
        kills=args.kills,
        kills_after_progress=landed,
        resume_exit_status=resume.returncode,
        minutes=round((time.monotonic() - t0) / 60, 1),
    )
    print(json.dumps(result, indent=1))
    ok = (
        result["every_article_once"]
        and result["integrity_check"] == "ok"
        and result["foreign_key_violations"] == 0
        and result["failures"] == 0
        and result["copies_have_the_same_rows"]
        and resume.returncode == 0
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
