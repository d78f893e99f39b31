"""Dask: ``tidings process INPUT... --dask SCHEDULER --parquet DIR``, past one machine.

The inputs are cut into shards (:func:`plan`): a large uncompressed JSONL file
into byte ranges of about ``shard_bytes`` that end at line ends; other files
(WARC, gzip, HTML, text) whole, small ones grouped. Each shard is one Dask
task (:func:`run_shard`): it reads its articles, runs them through the
pipeline that :class:`PipelinePlugin` built once on its worker, and writes
their rows as Parquet files partitioned by publication month
(:class:`tidings.sinks.parquet.ParquetShardSink`), then a ``_done`` marker.
A shard's id and file names depend only on its file(s) and byte range, so a
retried task or a re-run overwrites the same files; a shard whose marker is
written is skipped (``force`` runs it again). ``tidings load DIR --db FILE``
then brings the rows into SQLite, joining stories and global events in
publication order.

``SCHEDULER`` is a scheduler's address (``tcp://10.0.0.5:8786``) or
``local:N`` for a :class:`distributed.LocalCluster` of N one-thread worker
processes on this machine. Needs the ``tidings[dask]`` extra.

Example::

    summary = process(["crawl/"], "crawl.parquet", scheduler="local:2")
    print(summary.articles, summary.skipped_shards)
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tidings.config import Settings, load_settings
from tidings.errors import InputError, TidingsError
from tidings.model import Article
from tidings.pipeline import Pipeline
from tidings.readers.jsonl import jsonl_articles
from tidings.runner import run
from tidings.sinks.parquet import ParquetShardSink, is_done, mark_done

#: A JSONL file larger than this is cut into byte ranges of about this size; smaller files are grouped up to it.
SHARD_BYTES = 64 << 20
PLUGIN = "tidings-pipeline"
_BLOCK = 16 << 20


@dataclass(frozen=True)
class Shard:
    """Files processed whole, or one byte range ``[start, end)`` of one JSONL file (``first_line`` lines before)."""

    files: tuple[str, ...]
    start: int | None = None
    end: int | None = None
    first_line: int = 0

    @property
    def id(self) -> str:
        """Stable for the same files and range: the name of the shard's Parquet files and marker."""
        key = json.dumps([[str(Path(f).resolve()) for f in self.files], self.start, self.end])
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _files(inputs: Iterable[str]) -> Iterator[Path]:
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        elif path.is_file():
            yield path
        else:
            raise TidingsError("T134", f"{name}: --dask reads files and folders only (no such file, URL or stdin)")


def _splittable(path: Path) -> bool:
    if path.suffix.lower() != ".jsonl":
        return False
    with path.open("rb") as f:
        return f.read(2) != b"\x1f\x8b"  # a gzip file called .jsonl is read whole


def _ranges(path: Path, size: int, shard_bytes: int) -> Iterator[Shard]:
    """Byte ranges of about ``shard_bytes`` ending at line ends, each with the number of lines before it."""
    start, lines, pos, cut_lines = 0, 0, 0, 0
    target = shard_bytes
    with path.open("rb") as f:
        while block := f.read(_BLOCK):
            offset = 0
            while pos + len(block) > target:
                nl = block.find(b"\n", max(offset, target - pos))
                if nl < 0:
                    break
                lines += block.count(b"\n", offset, nl + 1)
                offset = nl + 1
                end = pos + offset
                yield Shard((str(path),), start, end, cut_lines)
                start, cut_lines = end, lines
                target = end + shard_bytes
            lines += block.count(b"\n", offset)
            pos += len(block)
    if start < size:
        yield Shard((str(path),), start, size, cut_lines)


def plan(inputs: Iterable[str], shard_bytes: int = SHARD_BYTES) -> list[Shard]:
    """The shards of ``inputs``, in input order."""
    shards: list[Shard] = []
    group: list[str] = []
    group_bytes = 0
    for path in _files(inputs):
        size = path.stat().st_size
        if size > shard_bytes and _splittable(path):
            shards.extend(_ranges(path, size, shard_bytes))
            continue
        if group and (group_bytes + size > shard_bytes or len(group) >= 1000):
            shards.append(Shard(tuple(group)))
            group, group_bytes = [], 0
        group.append(str(path))
        group_bytes += size
    if group:
        shards.append(Shard(tuple(group)))
    return shards


def _items(shard: Shard, settings: Settings, date: str | None) -> Iterable[str | Article | InputError]:
    if shard.start is None or shard.end is None:
        return list(shard.files)
    path = shard.files[0]
    with open(path, "rb") as f:
        f.seek(shard.start)
        data = f.read(shard.end - shard.start)
    return jsonl_articles(io.BytesIO(data), path, settings, date, first_line=shard.first_line)


try:
    from distributed import WorkerPlugin as _WorkerPlugin
except ImportError:  # the dask extra is absent: the module still imports, process() says what is missing
    _WorkerPlugin = object  # type: ignore[assignment,misc]


class PipelinePlugin(_WorkerPlugin):
    """A Dask worker plugin: the pipeline is built once per worker, when the worker starts."""

    name = PLUGIN

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.pipeline: Pipeline | None = None

    def setup(self, worker: Any) -> None:
        self.pipeline = Pipeline(self.settings)

    def teardown(self, worker: Any) -> None:
        self.pipeline = None


_LOCAL: Pipeline | None = None


def _pipeline(settings: Settings) -> Pipeline:
    """The pipeline of this worker (its plugin's), else one built here once."""
    global _LOCAL
    try:
        from distributed import get_worker

        plugin: Any = get_worker().plugins.get(PLUGIN)
        if plugin is not None and plugin.pipeline is not None:
            pipe: Pipeline = plugin.pipeline
            return pipe
    except (ImportError, ValueError):
        pass
    if _LOCAL is None:
        _LOCAL = Pipeline(settings)
    return _LOCAL


def run_shard(
    shard: Shard, root: str, settings: Settings, date: str | None = None, force: bool = False
) -> dict[str, Any]:
    """Process one shard into Parquet files under ``root``; skipped when its marker is there (unless ``force``)."""
    if not force and is_done(root, shard.id):
        return {"shard": shard.id, "skipped": True}
    sink = ParquetShardSink(root, shard.id)
    summary = run(_items(shard, settings, date), sink=sink, settings=settings, date=date, pipeline=_pipeline(settings))
    info = {
        "shard": shard.id,
        "files": list(shard.files),
        "start": shard.start,
        "end": shard.end,
        "articles": summary.done,
        "failed": summary.failed,
        "skipped": False,
    }
    mark_done(root, shard.id, info)
    return info


@dataclass
class DaskSummary:
    """What a Dask run did."""

    shards: int = 0
    skipped_shards: int = 0
    articles: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)  #: shards that could not be run (their tasks failed)


def client_for(scheduler: str) -> Any:
    """A Dask client for ``local:N`` (a LocalCluster here) or a scheduler's address."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise TidingsError("T132", "--dask needs the dask extra: pip install 'tidings[dask]'") from exc
    if scheduler.startswith("local:"):
        try:
            n = int(scheduler.removeprefix("local:"))
        except ValueError:
            n = 0
        if n < 1:
            raise TidingsError("T134", f"{scheduler}: local:N needs a number of workers N >= 1")
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None)
        return Client(cluster)
    try:
        return Client(scheduler, timeout=30)
    except (OSError, TimeoutError) as exc:
        raise TidingsError("T132", f"{scheduler}: cannot reach the Dask scheduler ({exc})") from exc


def process(
    inputs: Iterable[str],
    root: str | Path,
    *,
    scheduler: str | None = None,
    client: Any = None,
    settings: Settings | None = None,
    date: str | None = None,
    force: bool = False,
    shard_bytes: int = SHARD_BYTES,
    progress: Callable[[DaskSummary], None] | None = None,
) -> DaskSummary:
    """Run the shards of ``inputs`` on a Dask cluster (``client``, or one for ``scheduler``) into ``root``."""
    settings = settings or load_settings()
    root = str(root)
    Path(root).mkdir(parents=True, exist_ok=True)
    shards = plan(inputs, shard_bytes)
    summary = DaskSummary(shards=len(shards))
    todo = [s for s in shards if force or not is_done(root, s.id)]
    summary.skipped_shards = len(shards) - len(todo)
    if not todo:
        return summary
    own = client is None
    if own:
        client = client_for(scheduler or "local:1")
    try:
        from distributed import as_completed

        client.register_plugin(PipelinePlugin(settings), name=PLUGIN)
        futures = client.map(run_shard, todo, root=root, settings=settings, date=date, force=force, pure=False)
        for future in as_completed(futures):
            try:
                info = future.result()
            except Exception as exc:  # noqa: BLE001 - a shard whose task failed (a worker killed on it each try)
                summary.errors.append(f"[T134] a shard failed: {type(exc).__name__}: {exc}")
                continue
            if info.get("skipped"):
                summary.skipped_shards += 1
            else:
                summary.articles += info["articles"]
                summary.failed += info["failed"]
            if progress is not None:
                progress(summary)
    finally:
        if own:
            cluster = getattr(client, "cluster", None)
            client.close()
            if cluster is not None:
                cluster.close()
    return summary
