"""Load check of ``tidings serve`` on loopback: the events page and an article page at a fixed rate.

Serves a scratch store (the sample corpus, and the seed article when
``../shared`` has it) with the real ``tidings serve`` command on a free
127.0.0.1 port, then sends each page ``--rate`` requests a second for
``--seconds`` seconds from a small asyncio client (httpx), open loop: request
``i`` is due at ``i / rate`` seconds whatever happened to the earlier ones,
and its latency counts from when it was due, so a server that falls behind
shows it. Each request gives up after ``--timeout`` seconds; at most
``--max-in-flight`` are open at once; the run stops by itself. Each page is
loaded twice: as a browser would (the same URL again, so the server's page
cache answers after the first), then with every URL different (an ignored
``_n`` parameter), so every request is read from the store and rendered. It
prints, per page and mode, the requests sent, errors, the rate reached and
the latency percentiles (p50, p90, p99, max), the server's CPU time per
request (from ``/proc``: what the page costs, whatever else the machine is
doing), and the machine's load average.

Nothing here is a test: run it by hand (it takes about ``4 × seconds``).

Example:

    python benchmarks/serve_load.py --rate 50 --seconds 30
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import httpx

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seed" / "000_8f90abbaab45254c.txt"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _store(db: Path) -> None:
    from tidings.runner import run
    from tidings.sinks import SQLiteSink

    run([str(REPO / "tidings" / "data" / "sample" / "articles.jsonl")], sink=SQLiteSink(db))
    if SEED.is_file():
        run([str(SEED)], sink=SQLiteSink(db), date="2020-08-16")


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


class _Pool:
    """Keep-alive HTTP/1.1 connections to one host: a raw asyncio client that leaves the cores to the server."""

    def __init__(self, host: str, port: int, size: int) -> None:
        self.host, self.port = host, port
        self.idle: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = []
        self.gate = asyncio.Semaphore(size)

    async def get(self, path: str) -> int:
        """GET ``path``; the status code. A kept-alive connection the server has closed is replaced once."""
        async with self.gate:
            for attempt in (0, 1):
                reused = bool(self.idle) and attempt == 0
                reader, writer = self.idle.pop() if reused else await asyncio.open_connection(self.host, self.port)
                try:
                    status = await self._exchange(reader, writer, path)
                except (OSError, asyncio.IncompleteReadError):
                    writer.close()
                    if reused:
                        continue
                    raise
                except BaseException:
                    writer.close()
                    raise
                self.idle.append((reader, writer))
                return status
        raise OSError("no connection")

    async def _exchange(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str) -> int:
        writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n\r\n".encode("ascii"))
        await writer.drain()
        head = await reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = re.search(rb"(?i)\r\ncontent-length: *(\d+)", head)
        if length:
            await reader.readexactly(int(length.group(1)))
            return status
        while True:  # chunked
            size = int((await reader.readline()).strip().split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                return status

    def close(self) -> None:
        for _, writer in self.idle:
            writer.close()


async def _load(
    url: str, rate: float, seconds: float, timeout: float, max_in_flight: int, fresh: bool
) -> dict[str, float]:
    """Open-loop load on one URL; latencies in ms from each request's due time.

    ``fresh``: each request's URL differs (an ignored ``_n`` parameter), so none is served from the page cache.
    """
    parts = urlsplit(url)
    pool = _Pool(parts.hostname or "127.0.0.1", parts.port or 80, max_in_flight)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    latencies: list[float] = []
    errors = 0

    async def one(due: float, i: int) -> None:
        nonlocal errors
        target = f"{path}{'&' if '?' in path else '?'}_n={i}" if fresh else path
        try:
            ok = await asyncio.wait_for(pool.get(target), timeout) == 200
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError):
            ok = False
        if ok:
            latencies.append((time.perf_counter() - due) * 1000)
        else:
            errors += 1

    start = time.perf_counter()
    tasks = []
    n = int(rate * seconds)
    for i in range(n):
        due = start + i / rate
        delay = due - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(one(due, i)))
    await asyncio.gather(*tasks)
    elapsed = time.perf_counter() - start
    pool.close()
    return {
        "sent": n,
        "errors": errors,
        "rate": n / elapsed,
        "p50": _percentile(latencies, 50),
        "p90": _percentile(latencies, 90),
        "p99": _percentile(latencies, 99),
        "max": max(latencies, default=float("nan")),
    }


def _cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process so far (Linux ``/proc``; NaN elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _wait(url: str, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"tidings serve did not answer at {url}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=50.0, help="requests per second, per page")
    parser.add_argument("--seconds", type=float, default=30.0, help="how long each page is loaded")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds before a request is an error")
    parser.add_argument("--max-in-flight", type=int, default=200)
    parser.add_argument("--db", type=Path, help="serve this store instead of a scratch one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "load.db"
        if args.db is None:
            _store(db)
        port = _port()
        base = f"http://127.0.0.1:{port}"
        proc = subprocess.Popen(
            [sys.executable, "-m", "tidings", "serve", str(db), "--port", str(port)], env=os.environ
        )
        try:
            _wait(base + "/-/tidings/events.json", proc)
            rows = httpx.get(base + "/-/tidings/events.json?sort=confidence").json()["rows"]
            counts: dict[str, int] = {}
            for r in httpx.get(base + "/-/tidings/events.json?page=1").json()["rows"] + rows:
                counts[r["article_id"]] = counts.get(r["article_id"], 0) + 1
            article = max(counts, key=lambda k: counts[k])
            if SEED.is_file():
                seeded = httpx.get(base + "/-/tidings/events.json?from=2020-08-09&to=2020-08-15").json()["rows"]
                article = next((r["article_id"] for r in seeded if r["article_id"].startswith("t")), article)
            pages = {"events": base + "/-/tidings/events", "article": base + f"/-/tidings/article/{article}"}
            for url in pages.values():  # warm: templates compiled, connections opened
                httpx.get(url).raise_for_status()
            print(f"tidings serve on {base}: {args.rate:g} requests/s for {args.seconds:g} s per page (open loop)")
            print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} ({os.cpu_count()} cores)")
            head = f"{'page':<9}{'cache':<7}{'sent':>6}{'errors':>8}{'req/s':>8}"
            print(head + f"{'p50 ms':>9}{'p90 ms':>9}{'p99 ms':>9}{'max ms':>9}{'server CPU ms/req':>19}")
            for fresh in (False, True):
                for name, url in pages.items():
                    cpu = _cpu_seconds(proc.pid)
                    s = asyncio.run(_load(url, args.rate, args.seconds, args.timeout, args.max_in_flight, fresh))
                    cpu_ms = (_cpu_seconds(proc.pid) - cpu) * 1000 / s["sent"]
                    print(
                        f"{name:<9}{'off' if fresh else 'on':<7}{s['sent']:>6}{s['errors']:>8}{s['rate']:>8.1f}"
                        f"{s['p50']:>9.1f}{s['p90']:>9.1f}{s['p99']:>9.1f}{s['max']:>9.1f}{cpu_ms:>19.2f}",
                        flush=True,
                    )
            print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
