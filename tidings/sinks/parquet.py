"""Parquet shards: the rows of one shard of a run, partitioned by publication month; and loading them.

A :class:`ParquetShardSink` is what a Dask task writes into (``tidings process
--dask``): it keeps the rows of its shard's articles (:func:`tidings.records.rows`,
the one flattening) and, on close, writes one file per table and month::

    DIR/events/month=2024-05/part-<shard>.parquet
    DIR/articles/month=unknown/part-<shard>.parquet      (no publication date)
    DIR/failures/part-<shard>.parquet
    DIR/_done/<shard>.json                               (written last, by the task)

File names depend only on the shard, so a retried or repeated shard writes
the same files again (each through a temporary file and a rename: a reader
never sees half a file), never a second copy. :func:`load` brings finished
shards (those with a ``_done`` marker) into a SQLite store through
:class:`~tidings.sinks.sqlite.SQLiteSink`, a month at a time and in
publication order within it, so stories and global events are joined as if
the articles had arrived in that order; an article stored already is skipped
(``force`` writes it again), so loading twice changes nothing.

``pyarrow`` is the optional ``tidings[dask]`` / ``tidings[export]`` extra.
"""

from __future__ import annotations

import json
import os
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from tidings.errors import TidingsError
from tidings.model import Article
from tidings.records import COLUMNS, Row, failure_row, now, rows
from tidings.sinks.base import BaseSink
from tidings.sinks.sqlite import SQLiteSink

DONE = "_done"
TABLES = tuple(t for t in COLUMNS if t != "failures")
_MONTH = re.compile(r"^\d{4}-\d{2}")


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise TidingsError("T132", "Parquet needs pyarrow: pip install 'tidings[dask]'") from exc
    return pa, pq


def month_of(published: str | None) -> str:
    """The partition of an article: its publication month ``YYYY-MM``, else ``unknown``."""
    return published[:7] if published and _MONTH.match(published) else "unknown"


def write_atomic(path: Path, write: Callable[[Path], object]) -> None:
    """``write(tmp)`` then rename ``tmp`` to ``path``: the file is whole or absent."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


class ParquetShardSink(BaseSink):
    """The rows of one shard, written as Parquet files named for the shard on close.

    Example::

        run(["part-00.jsonl"], sink=ParquetShardSink("out/", "a1b2c3"), pipeline=pipe)
    """

    def __init__(self, root: str | Path, shard: str) -> None:
        self.root = Path(root)
        self.shard = shard
        self.tables: dict[tuple[str, str], list[Row]] = defaultdict(list)
        self.failures: list[Row] = []
        self.articles = 0

    def write(self, article: Article) -> None:
        month = month_of(article.published)
        for table, table_rows in rows(article, processed_at=now()).items():
            self.tables[table, month].extend(table_rows)
        self.articles += 1

    def write_failure(self, input_name: str, message: str) -> None:
        self.failures.append(failure_row(input_name, message))

    def close(self) -> None:
        """Write the shard's files (replacing any an earlier try of this shard left)."""
        pa, pq = _pyarrow()
        name = f"part-{self.shard}.parquet"
        keep = {self.root / t / f"month={m}" / name for (t, m) in self.tables}
        for old in self.root.glob(f"*/month=*/{name}"):
            if old not in keep:
                old.unlink()  # an earlier try put rows in a month this one has none in
        for (table, month), table_rows in sorted(self.tables.items()):
            data = pa.Table.from_pylist(table_rows) if table_rows else _empty(pa, table)
            write_atomic(self.root / table / f"month={month}" / name, partial(_write_table, pq, data))
        data = pa.Table.from_pylist(self.failures) if self.failures else _empty(pa, "failures")
        write_atomic(self.root / "failures" / name, partial(_write_table, pq, data))


def _write_table(pq: Any, data: Any, path: Path) -> None:
    pq.write_table(data, path)


def _empty(pa: Any, table: str) -> Any:
    return pa.table({c: pa.array([], type=pa.string()) for c in COLUMNS[table]})


def mark_done(root: str | Path, shard: str, info: dict[str, Any]) -> None:
    """The marker that a shard is finished (written after its files)."""
    text = json.dumps(info, sort_keys=True)
    write_atomic(Path(root) / DONE / f"{shard}.json", lambda p: p.write_text(text, encoding="utf-8"))


def is_done(root: str | Path, shard: str) -> bool:
    return (Path(root) / DONE / f"{shard}.json").is_file()


def done_shards(root: str | Path) -> set[str]:
    """The shards whose marker is written: only their files are read."""
    return {p.stem for p in (Path(root) / DONE).glob("*.json")}


@dataclass
class Loaded:
    """What :func:`load` did."""

    stored: int = 0
    skipped: int = 0
    failures: int = 0
    shards: int = 0
    unfinished: list[str] = field(default_factory=list)  #: shards with files but no marker (not read)


def _shard_of(path: Path) -> str:
    return path.stem.removeprefix("part-")


def read_rows(root: str | Path, table: str, month: str | None, shards: set[str]) -> list[tuple[str, Row]]:
    """The rows of ``table`` (in ``month``; ``None`` for failures) from the finished ``shards``, each with its shard."""
    _pa, pq = _pyarrow()
    folder = Path(root) / table / (f"month={month}" if month else "")
    out: list[tuple[str, Row]] = []
    for path in sorted(folder.glob("part-*.parquet")):
        shard = _shard_of(path)
        if shard in shards:
            try:
                out.extend((shard, row) for row in pq.read_table(path).to_pylist())
            except (OSError, ValueError) as exc:
                raise TidingsError("T133", f"{path}: cannot read this Parquet file ({exc})") from exc
    return out


def months(root: str | Path) -> list[str]:
    """The months of the articles partitions, oldest first, ``unknown`` last."""
    found = {p.name.removeprefix("month=") for p in (Path(root) / "articles").glob("month=*")}
    return sorted(found - {"unknown"}) + (["unknown"] if "unknown" in found else [])


def load(
    root: str | Path,
    sink: SQLiteSink,
    *,
    force: bool = False,
    progress: Callable[[Loaded], None] | None = None,
) -> Loaded:
    """Bring the finished shards under ``root`` into ``sink``, a month at a time, in publication order.

    Example::

        load("cc-news.parquet", SQLiteSink("news.db"))
    """
    root = Path(root)
    if not (root / DONE).is_dir():
        raise TidingsError("T133", f"{root}: not a Parquet folder of tidings (no {DONE}/ markers)")
    shards = done_shards(root)
    summary = Loaded(shards=len(shards))
    started = {_shard_of(p) for p in root.glob("*/month=*/part-*.parquet")}
    summary.unfinished = sorted(started - shards)
    sink.open()
    try:
        for month in months(root):
            # One story in two shards (two files held it): the copy of the first shard is kept.
            by_article: dict[str, tuple[str, dict[str, list[Row]]]] = {}
            articles = read_rows(root, "articles", month, shards)
            for shard, art in sorted(articles, key=lambda sr: (sr[1]["published"] or "", sr[1]["id"], sr[0])):
                if art["id"] not in by_article:
                    by_article[art["id"]] = (shard, {t: [] for t in TABLES})
                    by_article[art["id"]][1]["articles"].append(art)
            for table in TABLES[1:]:
                for shard, row in read_rows(root, table, month, shards):
                    owner, tables = by_article.get(row["article_id"], ("", {}))
                    if owner == shard:
                        tables[table].append(row)
            for article_id, (_shard, tables) in by_article.items():
                if not force and sink.has_article(article_id):
                    summary.skipped += 1
                else:
                    _order(tables)
                    sink.write_rows(tables)
                    summary.stored += 1
                if progress is not None:
                    progress(summary)
        for _shard, row in read_rows(root, "failures", None, shards):
            sink.write_failure(row["input"], row["error"])
            summary.failures += 1
    finally:
        sink.close()
    return summary


def _order(tables: dict[str, list[Row]]) -> None:
    """Rows in the order the article had them (SQLite row ids follow it)."""
    tables["events"].sort(key=lambda r: r["event_index"])
    tables["quotes"].sort(key=lambda r: r["quote_index"])
    tables["event_mentions"].sort(key=lambda r: (r["event_index"], r["mention_index"]))
