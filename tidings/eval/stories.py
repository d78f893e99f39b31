"""Scoring stories and global events against a gold corpus (``tests/fixtures/stories``).

The gold (``gold.json``, written by ``tools/make_stories_corpus.py``) says, for every article,
the story it belongs to (the real-world event it was written to report), whether it is a
syndicated copy and of which article, and its *mentions*: phrases of its text that tell a gold
event. A stored event is a mention of a gold event when its trigger (or one of its other
mentions' triggers) lies inside such a phrase; events in no phrase are left out of the event
figures, whatever the coder made of them.

Story figures (over articles): **purity** (each story counted by its commonest gold story),
**completeness** (each gold story counted by the story holding most of it), B-cubed F1.

Event figures (over gold events that tidings coded at least once):

- **over-count ratio**: global events holding a gold event's mentions ÷ gold events (1.0 is
  one global event per real-world event; GDELT's per-article counting is the number of
  articles). Given three ways: over every coded mention; over asserted mentions (a report coded
  as a threat or a denial is another global event by design); over *well-coded* mentions, those
  whose CAMEO root, parties and date agree with the gold event's (what the merging can be asked
  to merge: a mention coded with another root is, in CAMEO terms, another act, and one dated to
  another day cannot join its act without two acts on two days joining too).
- **wrongly merged**: global events holding mentions of two different gold events, over the same
  three sets of mentions (a mis-coded mention can carry its act into another one's global event).
- **copies**: copies in their original's story, and global events that only copies hold (a copy
  must add none).

Example::

    report = score(connect("stories.db", readonly=True), json.loads(Path("gold.json").read_text()))
    report.story_purity, report.overcount["well_coded"], report.wrong_merges
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from tidings.stories.actors import compatible
from tidings.stories.acts import day_of, span

#: The over-count figures, from the widest set of mentions to the narrowest.
MENTION_SETS = ("coded", "asserted", "well_coded")


@dataclass
class Report:
    """The figures of one scored store (see the module)."""

    articles: int = 0
    stories: int = 0
    gold_stories: int = 0
    story_purity: float = 0.0
    story_completeness: float = 0.0
    bcubed_f1: float = 0.0
    gold_events: int = 0
    phrases: int = 0
    phrases_coded: int = 0
    events_coded: dict[str, int] = field(default_factory=dict)  # gold events with a mention, per mention set
    global_events: dict[str, int] = field(default_factory=dict)  # sum over gold events of their global events
    overcount: dict[str, float] = field(default_factory=dict)
    wrong: dict[str, int] = field(default_factory=dict)  # wrongly merged global events, per mention set
    wrong_examples: list[str] = field(default_factory=list)
    copies: int = 0
    copies_in_story: int = 0
    copies_found: int = 0
    copy_only_global_events: int = 0
    per_event: dict[str, dict[str, Any]] = field(default_factory=dict)

    def table(self) -> list[tuple[str, str]]:
        """(figure, value) rows for printing."""
        rows = [
            ("articles / stories / gold stories", f"{self.articles} / {self.stories} / {self.gold_stories}"),
            ("story purity", f"{self.story_purity:.3f}"),
            ("story completeness", f"{self.story_completeness:.3f}"),
            ("story B-cubed F1", f"{self.bcubed_f1:.3f}"),
            ("gold mention phrases coded", f"{self.phrases_coded} / {self.phrases}"),
        ]
        for name in MENTION_SETS:
            rows.append(
                (
                    f"over-count ratio ({name} mentions)",
                    f"{self.overcount.get(name, 0.0):.3f}  ({self.global_events.get(name, 0)} global events"
                    f" / {self.events_coded.get(name, 0)} of {self.gold_events} gold events)",
                )
            )
        for name in MENTION_SETS:
            rows.append((f"wrongly merged global events ({name} mentions)", str(self.wrong.get(name, 0))))
        rows += [
            ("copies in their original's story", f"{self.copies_in_story} / {self.copies}"),
            ("copies recognised (copy_of)", f"{self.copies_found} / {self.copies}"),
            ("global events only copies hold", str(self.copy_only_global_events)),
        ]
        return rows


def _clusters(assign: Mapping[str, Any]) -> dict[Any, set[str]]:
    out: dict[Any, set[str]] = defaultdict(set)
    for item, label in assign.items():
        out[label].add(item)
    return out


def purity(found: Mapping[str, Any], gold: Mapping[str, Any]) -> float:
    """Share of items in the commonest gold class of their found cluster."""
    if not found:
        return 0.0
    return sum(max(Counter(gold[i] for i in c).values()) for c in _clusters(found).values()) / len(found)


def bcubed(found: Mapping[str, Any], gold: Mapping[str, Any]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering."""
    fc, gc = _clusters(found), _clusters(gold)
    p = sum(len(fc[found[i]] & gc[gold[i]]) / len(fc[found[i]]) for i in found) / len(found)
    r = sum(len(fc[found[i]] & gc[gold[i]]) / len(gc[gold[i]]) for i in found) / len(found)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _well_coded(row: sqlite3.Row, event: Mapping[str, Any], published: str | None) -> bool:
    """Root, parties (either way round for a mutual act) and date agree with the gold event."""
    if row["root"] != event["root"]:
        return False
    days = span(row["date"], row["date_source"], day_of(published), 1)
    gold_day = day_of(event["date"])
    if days is None or gold_day is None or not days[0] <= gold_day <= days[1]:
        return False
    s, t = row["source_code"], row["target_code"]
    straight = compatible(s, event["source"]) and compatible(t, event["target"])
    reverse = bool(event.get("symmetric")) and compatible(t, event["source"]) and compatible(s, event["target"])
    return straight or reverse


def labelled(conn: sqlite3.Connection, gold: Mapping[str, Any]) -> tuple[dict[int, str], dict[int, sqlite3.Row], int]:
    """Stored events that tell a gold event (event id -> gold event), their rows, and phrases coded.

    A phrase counts as coded when some stored event is labelled through it."""
    labels: dict[int, str] = {}
    rows: dict[int, sqlite3.Row] = {}
    coded = 0
    for aid, g in gold["articles"].items():
        art = conn.execute("SELECT text FROM articles WHERE id = ?", (aid,)).fetchone()
        if art is None:
            continue
        events = conn.execute("SELECT * FROM events WHERE article_id = ?", (aid,)).fetchall()
        others: dict[int, list[int]] = defaultdict(list)
        for m in conn.execute("SELECT event_id, trigger_start FROM event_mentions WHERE article_id = ?", (aid,)):
            others[int(m["event_id"])].append(int(m["trigger_start"]))
        spans = []
        for mention in g["mentions"]:
            start = art["text"].find(mention["phrase"])
            if start >= 0:
                spans.append((start, start + len(mention["phrase"]), mention["event"]))
        # An event is labelled by its own trigger first, by its other mentions only when its trigger is in no
        # phrase: the coder may have joined two acts of one article into one event, which is not this layer's doing.
        for use_others in (False, True):
            for e in events:
                if int(e["id"]) in labels:
                    continue
                starts = others.get(int(e["id"]), []) if use_others else [int(e["trigger_start"])]
                for start, end, ev in spans:
                    if any(start <= x < end for x in starts):
                        labels[int(e["id"])] = ev
                        rows[int(e["id"])] = e
                        break
        triggers = [int(e["trigger_start"]) for e in events] + [x for v in others.values() for x in v]
        coded += sum(any(start <= x < end for x in triggers) for start, end, _ in spans)
    return labels, rows, coded


def _story_figures(conn: sqlite3.Connection, gold: Mapping[str, Any], report: Report) -> None:
    found: dict[str, Any] = {}
    copy_of: dict[str, str | None] = {}
    for r in conn.execute("SELECT id, story_id, copy_of FROM articles"):
        if r["id"] in gold["articles"]:
            found[r["id"]] = r["story_id"]
            copy_of[r["id"]] = r["copy_of"]
    truth = {a: gold["articles"][a]["story"] for a in found}
    report.articles = len(found)
    report.stories = len(set(found.values()))
    report.gold_stories = len(set(truth.values()))
    if found:
        report.story_purity = purity(found, truth)
        report.story_completeness = purity(truth, found)
        report.bcubed_f1 = bcubed(found, truth)[2]
    for aid, g in gold["articles"].items():
        if g.get("copy_of") and aid in found:
            report.copies += 1
            report.copies_in_story += found[aid] is not None and found[aid] == found.get(g["copy_of"])
            report.copies_found += copy_of.get(aid) == g["copy_of"]


def score(conn: sqlite3.Connection, gold: Mapping[str, Any]) -> Report:
    """Every figure of the module for one store (already processed) and its gold."""
    conn.row_factory = sqlite3.Row
    report = Report(gold_events=len(gold["events"]))
    _story_figures(conn, gold, report)
    labels, rows, report.phrases_coded = labelled(conn, gold)
    report.phrases = sum(len(g["mentions"]) for g in gold["articles"].values())
    published = {r["id"]: r["published"] for r in conn.execute("SELECT id, published FROM articles")}
    sets: dict[str, dict[str, set[int]]] = {name: defaultdict(set) for name in MENTION_SETS}
    holders: dict[str, dict[int, set[str]]] = {name: defaultdict(set) for name in MENTION_SETS}
    for eid, ev in labels.items():
        row = rows[eid]
        gid = row["global_event_id"]
        if gid is None:
            continue
        kinds = ["coded"]
        if not row["negated"] and row["modality"] in ("asserted", "reported_claim"):
            kinds.append("asserted")
            if _well_coded(row, gold["events"][ev], published.get(row["article_id"])):
                kinds.append("well_coded")
        for name in kinds:
            sets[name][ev].add(int(gid))
            holders[name][int(gid)].add(ev)
    for name, by_event in sets.items():
        report.events_coded[name] = len(by_event)
        report.global_events[name] = sum(len(v) for v in by_event.values())
        report.overcount[name] = report.global_events[name] / len(by_event) if by_event else 0.0
        report.wrong[name] = sum(len(evs) > 1 for evs in holders[name].values())
    report.wrong_examples = [
        f"global event {gid}: {', '.join(sorted(evs))}" for gid, evs in sorted(holders["coded"].items()) if len(evs) > 1
    ]
    copies = {aid for aid, g in gold["articles"].items() if g.get("copy_of")}
    for (gid,) in conn.execute("SELECT global_event_id FROM global_events"):
        arts = {r[0] for r in conn.execute("SELECT article_id FROM events WHERE global_event_id = ?", (gid,))}
        report.copy_only_global_events += bool(arts) and arts <= copies
    for ev in gold["events"]:
        report.per_event[ev] = {name: sorted(sets[name].get(ev, set())) for name in MENTION_SETS}
    return report
