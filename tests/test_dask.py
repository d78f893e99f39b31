"""``tidings process --dask``, ``tidings load`` and ``export --from-parquet``.

The code: tidings.contrib.dask (shards, the worker plugin), tidings.sinks.parquet (files, load).

Runs on a LocalCluster: in-process workers for the comparison with the serial
path, two worker processes in a subprocess for the kill-and-restart test.
"""

from __future__ import annotations

import csv
import itertools
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("distributed", reason="the dask extra (pip install 'tidings[dask]') is not installed")
pytest.importorskip("pyarrow", reason="pyarrow (the dask extra) is not installed")

from distributed import Client, LocalCluster

import tidings
from tidings.contrib.dask import plan, process
from tidings.errors import TidingsError
from tidings.records import COLUMNS
from tidings.sinks import SQLiteSink
from tidings.sinks.parquet import done_shards, load, read_rows

SAMPLE = Path(__file__).resolve().parents[1] / "tidings" / "data" / "sample" / "articles.jsonl"
SHARD = 6000  # bytes: the sample's 30 kB in five or six byte ranges


def _rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table of the records, sorted, without the stamp of when it was processed."""
    conn = sqlite3.connect(db)
    out = {}
    for table in ("articles", "actors", "events", "event_mentions", "quotes", "places", "times"):
        cols = [c for c in COLUMNS[table] if c not in ("processed_at", "event_index", "quote_index")]
        out[table] = sorted((tuple(r) for r in conn.execute(f"SELECT {', '.join(cols)} FROM {table}")), key=repr)
    conn.close()
    return out


def test_the_plan_cuts_a_large_jsonl_file_at_line_ends(tmp_path: Path) -> None:
    data = SAMPLE.read_bytes()
    shards = plan([str(SAMPLE)], shard_bytes=SHARD)
    assert len(shards) >= 4
    assert shards[0].start == 0 and shards[-1].end == len(data)
    for a, b in itertools.pairwise(shards):
        assert a.end == b.start and data[a.end - 1 : a.end] == b"\n"
        assert b.first_line == data[: b.start].count(b"\n")
    assert [s.id for s in shards] == [s.id for s in plan([str(SAMPLE)], shard_bytes=SHARD)]
    # Small files are grouped whole; a gzip file is never cut.
    (tmp_path / "a.txt").write_text("Police in Lima detained two men on Monday.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Police in Quito detained three men on Monday.", encoding="utf-8")
    whole = plan([str(tmp_path)], shard_bytes=SHARD)
    assert len(whole) == 1 and len(whole[0].files) == 2 and whole[0].start is None
    with pytest.raises(TidingsError, match=r"\[T134\]"):
        plan([str(tmp_path / "missing.jsonl")])


def test_dask_gives_the_rows_of_the_serial_path_and_a_rerun_changes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "parquet"
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None)
    with cluster, Client(cluster) as client:
        first = process([str(SAMPLE)], out, client=client, shard_bytes=SHARD)
        again = process([str(SAMPLE)], out, client=client, shard_bytes=SHARD)
    assert first.articles == 16 and first.failed == 0 and not first.errors
    assert first.shards == again.shards == again.skipped_shards >= 4 and again.articles == 0
    assert len(done_shards(out)) == first.shards
    # Partitioned by publication month, one file per shard and table and month.
    assert (out / "events" / "month=2020-09").is_dir()
    loaded = load(out, SQLiteSink(tmp_path / "dask.db"))
    assert (loaded.stored, loaded.skipped) == (16, 0)
    assert load(out, SQLiteSink(tmp_path / "dask.db")).stored == 0  # idempotent
    serial = tidings.run([str(SAMPLE)], sink=SQLiteSink(tmp_path / "serial.db"))
    assert serial.done == 16
    a, b = _rows(tmp_path / "dask.db"), _rows(tmp_path / "serial.db")
    assert a["events"] and a["quotes"] and a["places"]
    for table in a:
        assert a[table] == b[table], table
    # The exports read the Parquet folder too, and give what they give from the store.
    from tidings.exports.writing import export

    export(str(tmp_path / "serial.db"), "csv", str(tmp_path / "serial.csv"))
    cli = subprocess.run(
        [sys.executable, "-m", "tidings", "export", "--format", "csv", "--from-parquet", str(out),
         "--out", str(tmp_path / "parquet.csv")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert cli.returncode == 0, cli.stderr
    assert _csv(tmp_path / "parquet.csv") == _csv(tmp_path / "serial.csv")


def _csv(path: Path) -> list[str]:
    """An export's rows without the store's own numbering (row ids follow the order of loading) and time stamps."""
    with path.open(newline="", encoding="utf-8") as f:
        table = list(csv.DictReader(f))
    assert table
    drop = {c for c in table[0] if (c.endswith("_id") and c != "article_id") or c.endswith("processed_at")}
    return sorted(repr(sorted((k, v) for k, v in r.items() if k not in drop)) for r in table)


def test_killed_midway_and_restarted_every_article_is_stored_once(tmp_path: Path) -> None:
    out = tmp_path / "parquet"
    cmd = [sys.executable, "-m", "tidings", "process", str(SAMPLE), "--dask", "local:2", "--parquet", str(out),
           "--shard-mb", str(SHARD / (1 << 20)), "-q"]  # fmt: skip
    total = len(plan([str(SAMPLE)], shard_bytes=int(SHARD / (1 << 20) * (1 << 20))))
    proc = subprocess.Popen(cmd, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 240
    while not done_shards(out) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)  # the client and its LocalCluster's worker processes
    proc.wait()
    finished = len(done_shards(out))
    assert 1 <= finished < total, f"{finished} of {total} shards were done when the run was killed"
    rerun = subprocess.run(cmd, capture_output=True, text=True, check=False, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert len(done_shards(out)) == total
    ids = [row["id"] for _shard, row in read_rows(out, "articles", "2020-09", done_shards(out))]
    assert len(ids) == len(set(ids)) > 0
    loaded = subprocess.run(
        [sys.executable, "-m", "tidings", "load", str(out), "--db", str(tmp_path / "k.db")],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert "16 article(s) loaded" in loaded.stderr
    conn = sqlite3.connect(tmp_path / "k.db")
    assert conn.execute("SELECT COUNT(*), COUNT(DISTINCT id) FROM articles").fetchone() == (16, 16)
    markers = [json.loads(p.read_text()) for p in (out / "_done").glob("*.json")]
    assert sum(m["articles"] for m in markers) == 16
