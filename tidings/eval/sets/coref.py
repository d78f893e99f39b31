"""Coreference set: MEANTIME, tidings' actor chains against gold PER/ORG/LOC chains, on gold mentions (MUC, B³)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from tidings.eval import metrics
from tidings.eval.datasets import EntityMention, MeantimeDoc, load_meantime
from tidings.eval.harness import EvalSet, Result, Scores, Tally
from tidings.eval.scoring import align_text, clip, iso_day, prf_metrics, ratio
from tidings.model import Article, Context

#: MEANTIME entity types an actor can be: people, organisations, places
#: (countries and cities act in news). Products and financial entities are not actors.
ACTOR_ENTITY_TYPES = frozenset({"PER", "ORG", "LOC"})

#: A mention as scored: (document number, start, end) in the gold text.
Key = tuple[int, int, int]


@dataclass
class _MeantimeTally(Tally):
    gold_chains: list[list[Key]] = field(default_factory=list)
    pred_chains: list[list[Key]] = field(default_factory=list)
    n_docs: int = 0
    n_gold: int = 0
    n_matched: int = 0
    skipped_groups: int = 0


def _add_gold(t: _MeantimeTally, di: int, chains: list[list[EntityMention]]) -> None:
    t.gold_chains.extend([[(di, m.start, m.end) for m in ch] for ch in chains])
    t.n_gold += sum(len(ch) for ch in chains)


def _gold_heads(
    t: _MeantimeTally, item: MeantimeDoc, res: Article, doc: Any, chains: list[list[EntityMention]]
) -> dict[str, int | None]:
    """Each gold mention's head token in tidings' parse: None when unplaced, -1 for a coordinated group."""
    al = align_text(item.text, res)
    heads: dict[str, int | None] = {}
    for ch in chains:
        for m in ch:
            mapped = al.to_target(m.start, m.end)
            sp = doc.char_span(*mapped, alignment_mode="expand") if mapped else None
            if sp is None or not len(sp):
                heads[m.id] = None
            elif any(tok.dep_ == "cc" and tok.head.i == sp.root.i for tok in sp):
                t.skipped_groups += 1  # "Alpha and Beta": a group, shares its head with "Alpha"
                heads[m.id] = -1
            else:
                heads[m.id] = sp.root.i
    return heads


def _owners(
    di: int, res: Article, doc: Any, chains: list[list[EntityMention]], heads: dict[str, int | None]
) -> dict[Key, int]:
    """Gold mention -> the actor with a mention containing its head (same head first, then the shortest)."""
    # every actor mention as (actor id, token start, token end, head token)
    spans: list[tuple[int, int, int, int]] = []
    for actor in res.actors:
        for mention in actor.mentions:
            sp = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if sp is not None and len(sp):
                spans.append((actor.id, sp.start, sp.end, sp.root.i))
    owner: dict[Key, int] = {}
    for ch in chains:
        for m in ch:
            head = heads[m.id]
            if head is None:
                continue
            cands = [s for s in spans if s[1] <= head < s[2]]
            if cands:
                best = min(cands, key=lambda s: (s[3] != head, s[2] - s[1]))
                owner[(di, m.start, m.end)] = best[0]
    return owner


def _errors(
    t: _MeantimeTally,
    item: MeantimeDoc,
    di: int,
    res: Article,
    chains: list[list[EntityMention]],
    owner: dict[Key, int],
    response: dict[int, list[Key]],
) -> None:
    """Error analysis: gold mentions no actor covers, gold chains split over actors, actors merging chains."""
    chain_of = {(di, m.start, m.end): ci for ci, ch in enumerate(chains) for m in ch}
    names = {a.id: a.name for a in res.actors}
    for ch in chains:
        keys = [(di, m.start, m.end) for m in ch]
        actors = {owner[k] for k in keys if k in owner}
        missed = [m.text for m, k in zip(ch, keys, strict=True) if k not in owner]
        if missed:
            t.errors.append(
                {"id": item.id, "kind": "miss", "expected": [m.text for m in ch], "got": None, "text": missed}
            )
        if len(actors) > 1:
            t.errors.append(
                {
                    "id": item.id,
                    "kind": "split",
                    "expected": [m.text for m in ch],
                    "got": sorted(names.get(a, str(a)) for a in actors),
                    "text": clip(ch[0].text),
                }
            )
    for actor_id, keys in response.items():
        if len({chain_of[k] for k in keys}) > 1:
            t.errors.append(
                {
                    "id": item.id,
                    "kind": "merge",
                    "expected": sorted({item.text[k[1] : k[2]] for k in keys}),
                    "got": names.get(actor_id),
                    "text": names.get(actor_id),
                }
            )


def _score_meantime(t: _MeantimeTally, item: MeantimeDoc, res: Result, ctx: Context | None) -> None:
    di = t.n_docs
    t.n_docs += 1
    by_id = {m.id: m for m in item.mentions}
    chains = [
        [by_id[i] for i in ch.mention_ids if i in by_id] for ch in item.chains if ch.entity_type in ACTOR_ENTITY_TYPES
    ]
    if not isinstance(res, Article) or ctx is None or ctx.doc is None:
        _add_gold(t, di, [ch for ch in chains if ch])
        return
    doc = ctx.doc
    heads = _gold_heads(t, item, res, doc, chains)
    chains = [[m for m in ch if heads[m.id] != -1] for ch in chains]
    chains = [ch for ch in chains if ch]
    _add_gold(t, di, chains)
    owner = _owners(di, res, doc, chains, heads)
    t.n_matched += len(owner)
    response: dict[int, list[Key]] = defaultdict(list)
    for key, actor_id in owner.items():
        response[actor_id].append(key)
    t.pred_chains.extend(response.values())
    _errors(t, item, di, res, chains, owner, response)


def _finish_meantime(t: _MeantimeTally, n_items: int) -> Scores:
    muc = metrics.muc(t.gold_chains, t.pred_chains)
    b3 = metrics.b_cubed(t.gold_chains, t.pred_chains)
    return Scores(
        {
            **prf_metrics("muc_", muc),
            **prf_metrics("b3_", b3),
            "conll_f1": (muc.f1 + b3.f1) / 2,
            "mention_recall": ratio(t.n_matched, t.n_gold),
            "n_gold_mentions": float(t.n_gold),
            "n_group_mentions_skipped": float(t.skipped_groups),
        }
    )


MEANTIME = EvalSet[MeantimeDoc, _MeantimeTally](
    name="meantime",
    doc="""MUC and B³ of tidings' actor chains against gold PER/ORG/LOC entity chains, on gold mentions.

    A gold mention's head is the syntactic root of its words in tidings' own
    parse (coordinated mentions, whose root is their first conjunct, are left
    out of the gold); the mention belongs to the actor with a mention that contains that
    head (one whose head is the same token first, then the shortest). Each
    actor's gold mentions form one response chain; gold mentions no actor
    covers are missing from the response (they cost recall, not precision).
    """,
    load=load_meantime,
    headline=("muc_f1", "b3_f1", "mention_recall"),
    notes=(
        "gold chains: MEANTIME entities of type PER, ORG, LOC; scored on gold mentions only",
        "a gold mention is matched when an actor mention contains its head token (tidings' parse)",
        "coordinated gold mentions ('Alpha and Beta') are left out: their head is the first conjunct's",
        "conll_f1 here is (MUC + B3) / 2 (no CEAF)",
    ),
    tally=lambda pipe: _MeantimeTally(),
    score=_score_meantime,
    finish=_finish_meantime,
    article=lambda it: Article(raw=it.text, published=iso_day(it.dct)),
)
