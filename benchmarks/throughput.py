"""Throughput: the full tidings pipeline against bare spaCy parsing, and 2 workers against 1, in one run.

Four configurations on the same articles, each in a fresh subprocess:

- ``bare``: ``nlp.pipe`` of the very spaCy pipeline tidings' nlp stage loads,
  on the cleaned texts (what the nlp stage parses), one process;
- ``full``: ``Pipeline.pipe`` of every stage (clean → … → quotes) in one
  process (``tidings process --workers 1``);
- ``workers1`` / ``workers2``: the same through :class:`tidings.workers.Pool`
  (``tidings process --workers N``: the main process hands articles to N
  worker processes and takes their results back in input order).

Models are loaded (and, for the pools, every worker started and ready) before
the clock starts. The four run one after another ``--rounds`` times (default 3),
each time in fresh processes, and each configuration's figures are the median of
its rounds: on a shared machine another tenant's load comes and goes within a
minute, and the median of interleaved rounds is what one configuration against
another can fairly be compared on (each round's own ratios are printed too).
Peak RSS is each process's own high-water mark (``VmHWM``).
The articles are the realdocs development set (real news, read from
``../shared/eval/events/realdocs`` and never copied) when it is there,
repeated ``--repeat`` times; else the packaged sample corpus.

Example:

    python benchmarks/throughput.py --repeat 2 --rounds 3
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
REALDOCS = ROOT.parent / "shared" / "eval" / "events" / "realdocs"
SAMPLE = ROOT / "tidings" / "data" / "sample" / "articles.jsonl"
CONFIGS = ("bare", "full", "workers1", "workers2")


def corpus(repeat: int) -> tuple[str, list[Any]]:
    """The articles: realdocs (``repeat`` times over, distinct ids) if present, else the sample corpus."""
    from tidings.model import Article

    if REALDOCS.is_dir():
        files = sorted(REALDOCS.glob("n*.txt"))
        name = f"realdocs ({len(files)} real articles x {repeat})"
        texts = [(f.stem, f.read_text(encoding="utf-8")) for f in files]
    else:
        lines = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
        name = f"sample corpus ({len(lines)} articles x {repeat})"
        texts = [(r["id"], r["text"]) for r in lines]
    return name, [Article(raw=t, id=f"{i}#{k}") for k in range(repeat) for i, t in texts]


def _hwm_mb(pid: int | str = "self") -> float:
    """A process's peak resident set size in MiB (Linux ``VmHWM``)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _cpu_s(pid: int) -> float:
    """CPU seconds (user + system) a process has used so far (Linux ``/proc/PID/stat``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(config: str, repeat: int) -> dict[str, Any]:
    """Time one configuration in this process (called in a fresh subprocess by :func:`main`)."""
    from tidings.config import load_settings
    from tidings.nlp import load
    from tidings.pipeline import Failure, Pipeline
    from tidings.workers import Pool

    name, articles = corpus(repeat)
    settings = load_settings()
    cleaned = list(Pipeline(settings, stages=["clean"]).pipe(a for a in articles))
    words = sum(len(a.text.split()) for a in cleaned if not isinstance(a, Failure))
    workers_rss: list[float] = []
    failures = 0
    if config == "bare":
        nlp = load(settings.model)
        list(nlp.pipe(["Warm-up: police detained two men in Lima on Monday."]))
        texts = [a.text for a in cleaned if not isinstance(a, Failure)]
        t0, c0 = time.perf_counter(), time.process_time()
        for _doc in nlp.pipe(texts, batch_size=settings.batch_size):
            pass
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    elif config == "full":
        pipe = Pipeline(settings)
        list(pipe.pipe(a for a in corpus(1)[1][:2]))  # warm-up
        t0, c0 = time.perf_counter(), time.process_time()
        failures = sum(isinstance(r, Failure) for r in pipe.pipe(iter(articles)))
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    else:
        with Pool(partial(Pipeline, settings), processes=int(config.removeprefix("workers"))) as pool:
            pool.start()
            before = sum(_cpu_s(pid) for pid in pool.pids())
            t0, c0 = time.perf_counter(), time.process_time()
            failures = sum(isinstance(r, Failure) for r in pool.map(iter(articles)))
            seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
            cpu += sum(_cpu_s(pid) for pid in pool.pids()) - before  # no worker died in this run
            workers_rss = [_hwm_mb(pid) for pid in pool.pids()]
    return {
        "config": config,
        "corpus": name,
        "articles": len(articles),
        "words": words,
        "seconds": seconds,
        "cpu_seconds": cpu,
        "failures": failures,
        "articles_per_s": len(articles) / seconds,
        "words_per_s": words / seconds,
        "rss_main_mb": _hwm_mb(),
        "rss_workers_mb": workers_rss,
    }


def _median_row(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """One configuration's figures over its rounds: the run of median time (so that its
    articles/s, words/s and CPU belong together), with the highest peak RSS of any round."""
    ordered = sorted(runs, key=lambda r: r["seconds"])
    row = dict(ordered[len(ordered) // 2])
    row["rss_main_mb"] = max(r["rss_main_mb"] for r in runs)
    row["rss_workers_mb"] = max((r["rss_workers_mb"] for r in runs), key=lambda w: max(w, default=0.0))
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=2, help="passes over the corpus (default 2)")
    parser.add_argument("--configs", default=",".join(CONFIGS), help=f"which to run (default {','.join(CONFIGS)})")
    parser.add_argument("--rounds", type=int, default=3, help="runs of every configuration, interleaved (default 3)")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.one:  # a child run: one configuration, JSON on stdout
        print(json.dumps(measure(args.one, args.repeat)))
        return 0

    rounds: list[dict[str, dict[str, Any]]] = []
    load = os.getloadavg()
    for _ in range(max(1, args.rounds)):
        done: dict[str, dict[str, Any]] = {}
        for config in args.configs.split(","):
            cmd = [sys.executable, __file__, "--repeat", str(args.repeat), "--one", config]
            proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
            if proc.returncode != 0:
                sys.stderr.write(proc.stderr)
                return proc.returncode
            done[config] = json.loads(proc.stdout.strip().splitlines()[-1])
        rounds.append(done)
    rows = {config: _median_row([r[config] for r in rounds]) for config in rounds[0]}
    first = next(iter(rows.values()))
    print(f"{first['corpus']}: {first['articles']} articles, {first['words']:,} words")
    print(f"load average before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; after: {os.getloadavg()[0]:.2f}")
    print(
        f"{'config':<10}{'seconds':>9}{'articles/s':>12}{'words/s':>10}{'CPU s':>8}{'fail':>6}"
        "  peak RSS MiB (main; workers)"
    )
    for r in rows.values():
        workers = ", ".join(f"{m:.0f}" for m in r["rss_workers_mb"]) or "-"
        print(
            f"{r['config']:<10}{r['seconds']:>9.1f}{r['articles_per_s']:>12.2f}{r['words_per_s']:>10.0f}"
            f"{r['cpu_seconds']:>8.1f}{r['failures']:>6}  {r['rss_main_mb']:.0f}; {workers}"
        )

    def ratio(a: str, b: str, what: str, target: float) -> None:
        if a in rows and b in rows:
            x = rows[a]["articles_per_s"] / rows[b]["articles_per_s"]
            print(f"{what}: {x:.2f} (target >= {target:.2f})")

    if len(rounds) > 1:
        print(f"medians of {len(rounds)} interleaved rounds; each round's throughput ratios:")
        for k, r in enumerate(rounds, 1):
            parts = [
                f"{a} ÷ {b} {r[a]['articles_per_s'] / r[b]['articles_per_s']:.2f}"
                for a, b in (("full", "bare"), ("workers2", "workers1"))
                if a in r and b in r
            ]
            print(f"  round {k}: " + ", ".join(parts))
    ratio("full", "bare", "full pipeline ÷ bare nlp.pipe, 1 process (throughput)", 0.80)
    ratio("workers2", "workers1", "full pipeline, 2 workers ÷ 1 worker (throughput)", 1.6)
    ratio("workers2", "full", "full pipeline, 2 workers ÷ in-process (throughput)", 1.6)
    if "full" in rows and "bare" in rows:
        x = rows["bare"]["cpu_seconds"] / rows["full"]["cpu_seconds"]
        print(f"CPU time: bare nlp.pipe ÷ full pipeline, 1 process: {x:.2f} (less hurt by other load)")
    if "workers2" in rows and "workers1" in rows:
        x = rows["workers1"]["cpu_seconds"] / rows["workers2"]["cpu_seconds"]
        print(f"CPU time: 1 worker ÷ 2 workers (all processes): {x:.2f} (1.00: no work added by the second)")
    if args.json:
        args.json.write_text(json.dumps(list(rows.values()), indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
