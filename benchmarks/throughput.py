"""Throughput: the full tidings pipeline against bare spaCy parsing of the same texts.

The bare run is ``nlp.pipe`` of the very spaCy pipeline tidings' nlp stage
loads (same model, same components), so ``full ÷ bare`` is the cost of
tidings' own stages on top of the parse. Both run with 1 and 2 processes:
``n_process`` for ``nlp.pipe``, a forked process pool for the full pipeline
(each worker streams its share through ``Pipeline.pipe``).

Each configuration runs in a fresh subprocess, so its peak RSS
(``getrusage``, self and children) is its own. The model is loaded and
warmed on a few articles before the clock starts; process start-up of the
pool's workers is inside the timing (they fork from the loaded parent).

Example:

    python benchmarks/throughput.py --n 200 --processes 1,2
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_corpus import make_corpus

_PIPELINE: Any = None  # set in the parent before forking, inherited by pool workers


def _full_chunk(texts: list[tuple[str, str]]) -> tuple[int, int]:
    """Run the full pipeline on ``(text, date)`` pairs in a worker; return (articles, failures)."""
    from tidings.model import Article
    from tidings.pipeline import Failure

    ok = failed = 0
    for res in _PIPELINE.pipe(Article(raw=t, published=d) for t, d in texts):
        if isinstance(res, Failure):
            failed += 1
        else:
            ok += 1
    return ok, failed


def _peak_rss_mb() -> tuple[float, float]:
    """Peak RSS of this process and of its largest waited-for child, in MiB (Linux reports KiB)."""
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return me, kids


def measure(mode: str, processes: int, n: int, seed: int) -> dict[str, Any]:
    """Time one configuration in this process (called in a fresh subprocess by :func:`main`)."""
    from tidings.config import load_settings
    from tidings.model import Article
    from tidings.nlp import load
    from tidings.pipeline import Pipeline

    corpus = make_corpus(n, seed)
    texts = [(a["text"], a["date"]) for a in corpus]
    words = sum(len(t.split()) for t, _ in texts)
    settings = load_settings()
    failures = 0
    if mode == "bare":
        nlp = load(settings.model)
        list(nlp.pipe([t for t, _ in texts[:4]]))  # warm-up
        t0 = time.perf_counter()
        for _doc in nlp.pipe((t for t, _ in texts), batch_size=settings.batch_size, n_process=processes):
            pass
        seconds = time.perf_counter() - t0
    else:
        global _PIPELINE
        _PIPELINE = Pipeline(settings)
        list(_PIPELINE.pipe(Article(raw=t, published=d) for t, d in texts[:4]))  # warm-up
        t0 = time.perf_counter()
        if processes == 1:
            failures = _full_chunk(texts)[1]
        else:
            size = max(1, len(texts) // (processes * 4))
            chunks = [texts[i : i + size] for i in range(0, len(texts), size)]
            with multiprocessing.get_context("fork").Pool(processes) as pool:
                failures = sum(f for _ok, f in pool.imap_unordered(_full_chunk, chunks))
        seconds = time.perf_counter() - t0
    me, kids = _peak_rss_mb()
    return {
        "mode": mode,
        "processes": processes,
        "articles": len(texts),
        "words": words,
        "seconds": seconds,
        "failures": failures,
        "articles_per_s": len(texts) / seconds,
        "words_per_s": words / seconds,
        "peak_rss_mb": me,
        "peak_rss_children_mb": kids,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=200, help="articles in the synthetic corpus (default 200)")
    parser.add_argument("--seed", type=int, default=4, help="corpus seed (default 4)")
    parser.add_argument("--processes", default="1,2", help="comma-separated process counts (default 1,2)")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    parser.add_argument("--one", nargs=2, metavar=("MODE", "PROCESSES"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.one:  # a child run: one configuration, JSON on stdout
        print(json.dumps(measure(args.one[0], int(args.one[1]), args.n, args.seed)))
        return 0

    counts = [int(p) for p in args.processes.split(",") if p.strip()]
    rows: list[dict[str, Any]] = []
    for procs in counts:
        for mode in ("bare", "full"):
            cmd = [sys.executable, __file__, "--n", str(args.n), "--seed", str(args.seed), "--one", mode, str(procs)]
            proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
            if proc.returncode != 0:
                sys.stderr.write(proc.stderr)
                return proc.returncode
            rows.append(json.loads(proc.stdout.strip().splitlines()[-1]))

    print(f"{args.n} synthetic articles, {rows[0]['words']} words (seed {args.seed})")
    print(f"{'mode':<6}{'procs':>6}{'seconds':>9}{'articles/s':>12}{'words/s':>10}{'peak RSS MiB (self/child)':>28}")
    for r in rows:
        rss = f"{r['peak_rss_mb']:.0f}/{r['peak_rss_children_mb']:.0f}"
        print(
            f"{r['mode']:<6}{r['processes']:>6}{r['seconds']:>9.1f}{r['articles_per_s']:>12.1f}"
            f"{r['words_per_s']:>10.0f}{rss:>28}"
        )
    for procs in counts:
        full = next(r for r in rows if r["mode"] == "full" and r["processes"] == procs)
        bare = next(r for r in rows if r["mode"] == "bare" and r["processes"] == procs)
        print(
            f"ratio full ÷ bare (time), {procs} process(es): {full['seconds'] / bare['seconds']:.2f}x "
            f"({full['articles_per_s']:.1f} vs {bare['articles_per_s']:.1f} articles/s)"
        )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
