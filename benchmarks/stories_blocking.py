"""Blocking benchmark: the cost of merging event mentions into global events as the store grows.

Synthetic mentions of synthetic acts go through the very code the SQLite sink runs for each
article (:func:`tidings.stories.global_events.assign` and :func:`~tidings.stories.global_events.refresh`
on a real store), at 1k, 10k and 50k mentions, and the table prints the time per 10k mentions:
with blocking (root, a party's country, a reaching span of days, through three indexes) each
mention looks at the global events of its block only, so that time stays about flat however
many mentions the store already holds.

The stream is a news stream: about 250 acts a day, each told by 1 to 9 mentions in articles
published that day or the next (five mentions an article); 20 CAMEO roots, 40 countries, a state
or non-state sector or the bare country for each party, a tenth of the targets unknown; dates from
the clause (60%), the lede (20%) or the publication (20%); a place from the clause (half), the
dateline or none. So the store spans more days as it grows, as a real one does, and a block (one
root, one country, a few days) holds about the same number of acts at every size. Only the
merging is timed, not writing the synthetic rows. ``last 10%`` is the time per 10k mentions of the
last tenth of the stream, when the store is (nearly) full: the marginal cost at that size. The last
columns check the merging: global events per act, and global events holding mentions of two acts
(acts the coded fields cannot tell apart: one root, the same countries, overlapping days, no place
told in either clause; a real stream has them too, fewer, as real acts are less uniformly random).

Example:

    python benchmarks/stories_blocking.py --sizes 1000,10000,50000
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ACTS_PER_DAY = 250
MENTIONS_PER_ARTICLE = 5
COUNTRIES = [
    "RUS", "UKR", "TUR", "GEO", "ARM", "AZE", "IRN", "ISR", "LBN", "SYR", "IRQ", "SAU", "EGY", "SDN", "NGA",
    "KEN", "ETH", "ZAF", "IND", "PAK", "AFG", "CHN", "JPN", "KOR", "PRK", "PHL", "IDN", "AUS", "USA", "CAN",
    "MEX", "VEN", "COL", "BRA", "ARG", "FRA", "DEU", "GBR", "POL", "ITA",
]  # fmt: skip
SECTORS = ["", "GOV", "MIL", "COP", "OPP", "CVL", "REB"]
ROOTS = [f"{r:02d}" for r in range(1, 21)]


@dataclass
class Mention:
    act: int
    root: str
    source: str | None
    target: str | None
    date: str
    date_source: str
    place: tuple[int, float, float, str] | None  # geonameid, lat, lon, source
    published: str


def _code(country: str, sector: str, rng: random.Random) -> str:
    return country if rng.random() < 0.3 else country + sector


def synthesize(n: int, seed: int = 19) -> list[list[Mention]]:
    """``n`` mentions in articles (lists of mentions), in order of publication."""
    rng = random.Random(seed)
    start = date(2024, 1, 1)
    cities = [(1000 + i, rng.uniform(-40, 60), rng.uniform(-120, 140)) for i in range(800)]
    mentions: list[Mention] = []
    act = 0
    while len(mentions) < n:
        day = start + timedelta(days=act // ACTS_PER_DAY)
        root = rng.choice(ROOTS)
        cs, ct = rng.sample(COUNTRIES, 2)
        ss, st = rng.choice(SECTORS), rng.choice(SECTORS)
        city = rng.choice(cities)
        for _ in range(rng.randint(1, 9)):
            pub = day + timedelta(days=rng.choice((0, 0, 1)))
            u = rng.random()
            date_source = "clause" if u < 0.6 else "lede" if u < 0.8 else "published"
            told = day if date_source == "clause" else pub
            v = rng.random()
            place = (*city, "clause") if v < 0.5 else (*rng.choice(cities), "dateline") if v < 0.8 else None
            target = None if rng.random() < 0.1 else _code(ct, st, rng)
            mentions.append(
                Mention(act, root, _code(cs, ss, rng), target, told.isoformat(), date_source, place, pub.isoformat())
            )
        act += 1
    mentions = mentions[:n]
    by_day: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_day[m.published].append(m)
    articles = []
    for day in sorted(by_day):
        ms = by_day[day]
        rng.shuffle(ms)
        articles += [ms[i : i + MENTIONS_PER_ARTICLE] for i in range(0, len(ms), MENTIONS_PER_ARTICLE)]
    return articles


def _write(conn: sqlite3.Connection, aid: str, ms: list[Mention]) -> None:
    conn.execute(
        "INSERT INTO articles (id, published, source, text, processed_at, tidings_version) VALUES (?, ?, ?, '', ?, '')",
        (aid, ms[0].published, f"outlet{hash(aid) % 50}", ms[0].published),
    )
    conn.execute(
        "INSERT INTO article_signatures (article_id, day, source_key, lead_end, shingles, minhash)"
        " VALUES (?, ?, ?, 0, 0, x'')",
        (aid, ms[0].published, f"outlet{hash(aid) % 50}"),
    )
    for i, m in enumerate(ms):
        place = m.place or (None, None, None, None)
        conn.execute(
            "INSERT INTO events (article_id, event_index, cameo, root, plover, quad_class, goldstein, source_code,"
            " target_code, trigger, trigger_start, trigger_end, sentence, sentence_start, date, date_source,"
            " place_name, place_geonameid, place_lat, place_lon, place_source, negated, modality, confidence,"
            " mention_count, symmetric) VALUES (?, ?, ?, ?, 'X', 1, 0, ?, ?, 'x', ?, ?, 'x', 0, ?, ?, ?, ?, ?, ?,"
            " ?, 0, 'asserted', 0.6, 1, 0)",
            (aid, i, m.root + "0", m.root, m.source, m.target, 10 * i, 10 * i + 1, m.date, m.date_source,
             place[0] and f"city{place[0]}", place[0], place[1], place[2], place[3]),
        )  # fmt: skip


def run(n: int, workdir: Path) -> dict[str, float]:
    """Merge ``n`` synthetic mentions article by article into a fresh store; time the merging alone."""
    from tidings.sinks import connect
    from tidings.stories import global_events
    from tidings.stories.options import Options

    articles = synthesize(n)
    db = workdir / f"blocking-{n}.db"
    conn = connect(db)
    options = Options()
    spent, looked, tail, tail_mentions = 0.0, 0, 0.0, 0
    last_tenth = len(articles) - max(1, len(articles) // 10)
    found = global_events.candidates

    def counting(c: sqlite3.Connection, act: object) -> list[object]:
        nonlocal looked
        out = found(c, act)  # type: ignore[arg-type]
        looked += len(out)
        return out  # type: ignore[return-value]

    global_events.candidates = counting  # type: ignore[assignment]
    try:
        for k, ms in enumerate(articles):
            aid = f"a{k:07d}"
            conn.execute("BEGIN")
            _write(conn, aid, ms)
            t = time.perf_counter()
            touched = global_events.assign(conn, aid, None, options)
            global_events.refresh(conn, touched, options)
            took = time.perf_counter() - t
            spent += took
            if k >= last_tenth:  # the marginal cost, with the store at (nearly) its full size
                tail += took
                tail_mentions += len(ms)
            conn.execute("COMMIT")
    finally:
        global_events.candidates = found  # type: ignore[assignment]
    truth = {}
    for k, ms in enumerate(articles):
        for i, m in enumerate(ms):
            truth[(f"a{k:07d}", i)] = m.act
    holders: dict[int, set[int]] = defaultdict(set)
    per_act: dict[int, set[int]] = defaultdict(set)
    for aid, idx, gid in conn.execute("SELECT article_id, event_index, global_event_id FROM events"):
        holders[gid].add(truth[(aid, idx)])
        per_act[truth[(aid, idx)]].add(gid)
    days = conn.execute("SELECT count(DISTINCT day) FROM article_signatures").fetchone()[0]
    conn.close()
    return {
        "mentions": n,
        "articles": len(articles),
        "days": days,
        "global_events": len(holders),
        "seconds": spent,
        "per_10k": spent * 10_000 / n,
        "tail_per_10k": tail * 10_000 / tail_mentions,
        "candidates": looked / n,
        "overcount": sum(len(g) for g in per_act.values()) / len(per_act),
        "mixed": sum(len(a) > 1 for a in holders.values()),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000,50000", help="mention counts, comma-separated")
    args = ap.parse_args(argv)
    sizes = [int(x) for x in args.sizes.split(",")]
    print(
        f"{'mentions':>9} {'articles':>9} {'days':>5} {'global ev.':>10} {'seconds':>8} {'s / 10k':>8}"
        f" {'last 10%: s / 10k':>17} {'cand./mention':>13} {'g.ev./act':>9} {'mixed':>6}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            r = run(n, Path(tmp))
            print(
                f"{r['mentions']:>9,} {r['articles']:>9,} {r['days']:>5} {r['global_events']:>10,} {r['seconds']:>8.1f}"
                f" {r['per_10k']:>8.1f} {r['tail_per_10k']:>17.1f} {r['candidates']:>13.1f} {r['overcount']:>9.2f}"
                f" {r['mixed']:>6}"
            )
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
