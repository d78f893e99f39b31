"""Speed of tidings' sentence embeddings (tidings/embed.py): texts per second by batch size.

The texts are the sentences of the synthetic corpus (benchmarks/make_corpus.py,
project-written and deterministic) and, as a longer kind, article leads (the first
three sentences of each article, what story clustering would embed). Each batch size
embeds the same texts after a warm-up, with numpy's BLAS capped at 1 thread (the
default of ``Embedder``) and at 2; the table gives texts per second and the share of
that time spent tokenising. The machine's load average is printed before and after:
on a shared machine the figures move with it. The last line is the ceiling: the
model's floating-point work per text against numpy's own matrix product measured in
the same run (the forward pass is almost all matrix products). Embeddings are the
same at every batch size (texts are sorted by length and each batch is padded to its
own longest), so only speed differs.

Example:

    python benchmarks/embed_speed.py                  # 256 sentences, 64 leads; batch 1, 16, 64; 1 and 2 threads
    python benchmarks/embed_speed.py --n 1000 --batch-sizes 1,8,32,128 --threads 1
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_corpus import make_corpus

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")


def texts(n_sentences: int, n_leads: int) -> dict[str, list[str]]:
    """Sentences and three-sentence leads of the synthetic corpus."""
    sentences: list[str] = []
    leads: list[str] = []
    for article in make_corpus(n=max(n_leads, n_sentences // 10 + 1), seed=4):
        parts = [p.strip() for p in _SENTENCE_END.split(" ".join(article["text"].split())) if p.strip()]
        sentences.extend(parts)
        leads.append(" ".join(parts[:3]))
    return {"sentence": sentences[:n_sentences], "lead (3 sentences)": leads[:n_leads]}


def measure(embedder: object, items: list[str], batch_size: int, repeat: int) -> tuple[float, float]:
    """Best-of-``repeat`` texts per second, and the share of that run spent tokenising."""
    from tidings.embed import Embedder

    assert isinstance(embedder, Embedder)
    best, tok_share = 0.0, 0.0
    for _ in range(repeat):
        t0 = time.perf_counter()
        embedder.encode(items, batch_size=batch_size)
        elapsed = time.perf_counter() - t0
        t1 = time.perf_counter()
        for start in range(0, len(items), batch_size):
            embedder.tokenize(items[start : start + batch_size])
        tokenising = time.perf_counter() - t1
        if len(items) / elapsed > best:
            best, tok_share = len(items) / elapsed, tokenising / elapsed
    return best, tok_share


def model_flops(lengths: Any) -> float:
    """Floating-point operations of the forward pass over texts of these word-piece lengths."""
    per_token = 2 * (384 * 3 * 384 + 384 * 384 + 2 * 384 * 1536)  # QKV, attention output, feed-forward
    per_pair = 2 * 2 * 384  # attention scores and context, per (query, key) pair, all heads
    return float(6 * sum(n * per_token + n * n * per_pair for n in lengths))


def sgemm_rate(threads: int) -> float:
    """FLOP/s of numpy's float32 matrix product at the feed-forward's shape, best of 5."""
    import numpy as np

    from tidings.embed import _blas_threads

    rng = np.random.default_rng(0)
    x = rng.random((1024, 384), dtype=np.float32)
    w = rng.random((384, 1536), dtype=np.float32)
    best = float("inf")
    with _blas_threads(threads):
        for _ in range(5):
            t0 = time.perf_counter()
            x @ w
            best = min(best, time.perf_counter() - t0)
    return 2 * 1024 * 384 * 1536 / best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=256, help="sentences to embed (leads: a quarter as many)")
    parser.add_argument("--batch-sizes", default="1,16,64")
    parser.add_argument("--threads", default="1,2", help="BLAS thread caps to compare (Embedder(threads=...))")
    parser.add_argument("--repeat", type=int, default=2, help="runs per cell; the best counts")
    args = parser.parse_args(argv)

    import numpy as np

    from tidings.embed import Embedder

    t0 = time.perf_counter()
    embedder = Embedder()
    embedder.load()
    load_s = time.perf_counter() - t0
    kinds = texts(args.n, max(1, args.n // 4))
    embedder.encode(kinds["sentence"][:64], batch_size=16)  # warm-up: allocator, BLAS threads
    sizes = [int(b) for b in args.batch_sizes.split(",")]

    print(f"model load {load_s:.2f} s; numpy {np.__version__}; {os.cpu_count()} CPUs; load average {_load()}")
    print(f"| texts | n | word pieces (mean) | BLAS threads | {' | '.join(f'batch {b}' for b in sizes)} |")
    print("|" + "---|" * (4 + len(sizes)))
    flops: dict[str, float] = {}
    for kind, items in kinds.items():
        _, mask = embedder.tokenize(items)
        pieces = float(mask.sum(axis=1).mean())
        flops[kind] = model_flops(mask.sum(axis=1).astype(int).tolist()) / len(items)
        for threads in [int(t) for t in args.threads.split(",")]:
            embedder.threads = threads
            cells = []
            for b in sizes:
                rate, share = measure(embedder, items, b, args.repeat)
                cells.append(f"{rate:,.1f}/s ({share:.0%} tokenising)")
            print(f"| {kind} | {len(items)} | {pieces:.0f} | {threads} | {' | '.join(cells)} |", flush=True)
    rate = sgemm_rate(1)
    print(f"load average after: {_load()}")
    ceilings = "; ".join(f"{kind} {f / 1e9:.2f} GFLOP, at most {rate / f:,.0f}/s" for kind, f in flops.items())
    print(f"numpy sgemm (1024x384 @ 384x1536), 1 thread, now: {rate / 1e9:.1f} GFLOP/s. Per text: {ceilings}")
    return 0


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


if __name__ == "__main__":
    sys.exit(main())
