"""Pathological shapes: time and memory of the whole pipeline, per stage, against input length.

Each shape is a project-written text built to the length asked (nothing is taken
from anyone's news): thousands of quote marks, most of them unbalanced (the
issue's case: a 276 KB text with about 7,500 marks), of brackets, of datelines,
of capitalised names, and one sentence with no full stop. Each shape is run at
a quarter, a half and the whole of ``--kb`` kilobytes, each run in a fresh
process so that its peak memory is its own. The table gives the seconds each
stage took (wall clock; the JSON has each stage's CPU seconds too, which a
shared, loaded machine changes less), the peak RSS, and the growth exponent of
the total time (log(t_full / t_quarter) / log 4: 1 is linear, 2 quadratic).

Example:

    python benchmarks/pathological.py --kb 276
    python benchmarks/pathological.py --shape quotes --sizes 276 --json /tmp/quotes.json
"""

from __future__ import annotations

import argparse
import json
import math
import random
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

FIRST = ["Maria", "John", "Ahmed", "Olena", "Kwame", "Sofia", "Rahul", "Chen", "Lucia", "Tomas", "Amara", "Ivan"]
LAST = ["Lopez", "Smith", "Khan", "Petrenko", "Mensah", "Rossi", "Gupta", "Wei", "Silva", "Novak", "Okafor", "Popov"]
TOWNS = ["Paris", "Nairobi", "Lagos", "Kyiv", "Lima", "Quito", "Hanoi", "Accra", "Dakar", "Oslo", "Minsk", "Tunis"]
VERBS = ["said", "warned", "added", "told reporters", "argued", "insisted"]
DOERS = ["the minister", "officials", "the army", "police", "protesters", "the president", "the government"]
ACTS = ["met", "criticised", "accused", "thanked", "threatened", "visited", "praised", "arrested"]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _fill(make: Callable[[random.Random], str], kb: float, seed: int) -> str:
    rng = random.Random(seed)
    parts: list[str] = []
    size, target = 0, int(kb * 1000)
    while size < target:
        part = make(rng)
        parts.append(part)
        size += len(part)
    return "".join(parts)[:target]


def _quotes(rng: random.Random) -> str:
    """A sentence with quote marks, a third of them left unbalanced, and now and then a paragraph break."""
    who, other = _person(rng), rng.choice(DOERS)
    s = rng.choice(
        [
            f'"We will not {rng.choice(ACTS)} {other}," {who} {rng.choice(VERBS)}. ',
            f'{who} {rng.choice(VERBS)} "the talks with {other} go on" and "{rng.choice(ACTS)}" them. ',
            f'{other.capitalize()} called it "a {rng.choice(["disgrace", "farce", "plan"])}". ',
            f"{who} spoke of '{rng.choice(['baseless', 'old'])} rumours' in {rng.choice(TOWNS)}. ",
            f"{who} {rng.choice(ACTS)} {other} in {rng.choice(TOWNS)} on Monday. ",
        ]
    )
    if rng.random() < 0.35:
        s = s.replace('"', "", 1)  # an unbalanced mark
    if rng.random() < 0.08:
        s += "\n\n"
    return s


def _brackets(rng: random.Random) -> str:
    who = _person(rng)
    opener = "".join(rng.choice("([{") for _ in range(rng.randint(1, 4)))
    closer = "".join(rng.choice(")]}") for _ in range(rng.randint(0, 3)))
    s = f"{who} {rng.choice(ACTS)} {rng.choice(DOERS)} {opener}in {rng.choice(TOWNS)}{closer} on Monday. "
    return s + ("\n\n" if rng.random() < 0.1 else "")


def _datelines(rng: random.Random) -> str:
    town = rng.choice(TOWNS).upper()
    month = rng.choice(["Jan", "March", "May", "Aug", "Oct", "Dec"])
    return (
        f"{town}, {month} {rng.randint(1, 28)} (tidings) - {_person(rng)} {rng.choice(ACTS)} "
        f"{rng.choice(DOERS)} last {rng.choice(['Friday', 'Sunday', 'week'])}.\n\n"
    )


def _names(rng: random.Random) -> str:
    """Capitalised names, people and towns, most of them met once: many actors, many places."""
    who = f"{rng.choice(FIRST)}{rng.randint(1, 9999)} {rng.choice(LAST)}"
    town = f"{rng.choice(TOWNS)} {rng.choice(['North', 'South', 'Heights', 'Springs', 'Bay'])}"
    s = f"{who} of {town} {rng.choice(ACTS)} {_person(rng)} at the {town} Convention Center in {rng.choice(TOWNS)}. "
    return s + ("\n\n" if rng.random() < 0.1 else "")


def _run_on(rng: random.Random) -> str:
    """Words and commas with no full stop: one endless sentence."""
    return f"{_person(rng)} {rng.choice(ACTS)} {rng.choice(DOERS)} in {rng.choice(TOWNS)} and, "


SHAPES: dict[str, Callable[[random.Random], str]] = {
    "quotes": _quotes,
    "brackets": _brackets,
    "datelines": _datelines,
    "names": _names,
    "run-on": _run_on,
}


def text_of(shape: str, kb: float, seed: int = 7) -> str:
    """The text of a shape at about ``kb`` kilobytes (deterministic)."""
    return _fill(SHAPES[shape], kb, seed)


def _one(shape: str, kb: float) -> dict[str, object]:
    """Run the pipeline once, stage by stage, in this process."""
    from tidings.model import Article, Context
    from tidings.pipeline import Pipeline

    pipe = Pipeline()
    text = text_of(shape, kb)
    article, ctx = Article(raw=text, id=shape, published="2024-05-01"), Context()
    stages: dict[str, float] = {}
    cpu: dict[str, float] = {}  # CPU seconds: what a shared, loaded machine changes least
    for stage in pipe.stages:
        t0, c0 = time.perf_counter(), time.process_time()
        article = stage(article, ctx)
        stages[stage.name] = time.perf_counter() - t0
        cpu[stage.name] = time.process_time() - c0
    return {
        "shape": shape,
        "kb": round(len(text) / 1000, 1),
        "quote_marks": text.count('"'),
        "stages": stages,
        "seconds": sum(stages.values()),
        "cpu_stages": cpu,
        "cpu_seconds": sum(cpu.values()),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "counts": {k: len(getattr(article, k)) for k in ("actors", "events", "quotes", "places", "times")},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kb", type=float, default=276.0, help="the largest size, in KB (default 276)")
    parser.add_argument("--sizes", help="comma-separated sizes in KB (default: a quarter, a half and all of --kb)")
    parser.add_argument("--shape", action="append", choices=sorted(SHAPES), help="only these shapes (repeatable)")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    parser.add_argument("--one", nargs=2, metavar=("SHAPE", "KB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(_one(args.one[0], float(args.one[1]))))
        return
    sizes = [float(s) for s in args.sizes.split(",")] if args.sizes else [args.kb / 4, args.kb / 2, args.kb]
    results: list[dict[str, object]] = []
    print(
        "| shape | KB | quote marks | clean | nlp | places | times | actors | events | quotes | total s | peak RSS MB |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for shape in args.shape or list(SHAPES):
        runs = []
        for kb in sizes:
            cmd = [sys.executable, __file__, "--one", shape, str(kb)]
            out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
            r = json.loads(out.strip().splitlines()[-1])
            runs.append(r)
            st = r["stages"]
            cells = " | ".join(
                f"{st.get(n, 0.0):.2f}" for n in ("clean", "nlp", "places", "times", "actors", "events", "quotes")
            )
            head = f"| {shape} | {r['kb']} | {r['quote_marks']:,} | {cells}"
            print(f"{head} | {r['seconds']:.1f} | {r['peak_rss_mb']:.0f} |", flush=True)
        if len(runs) > 1 and runs[0]["seconds"] > 0:
            ratio = runs[-1]["kb"] / runs[0]["kb"]
            exponent = math.log(runs[-1]["seconds"] / runs[0]["seconds"]) / math.log(ratio)
            print(f"| {shape}: growth exponent of the time, {runs[0]['kb']} to {runs[-1]['kb']} KB | {exponent:.2f} |")
            for r in runs:
                r["growth_exponent"] = exponent
        results.extend(runs)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
