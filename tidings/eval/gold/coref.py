"""Coreference gold set: MEANTIME English, CAT XML rebuilt into text, mentions and entity chains."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tidings.eval.gold.common import check_split, iso_date, require, take

# --------------------------------------------------------------------------- #
# coreference: MEANTIME English (CAT XML)
# --------------------------------------------------------------------------- #


@dataclass(frozen=True, slots=True)
class EntityMention:
    """An ENTITY_MENTION over ``MeantimeDoc.text``; ``entity_type`` comes from the entity it refers to."""

    id: str
    start: int
    end: int
    text: str
    syntactic_type: str
    entity_type: str | None


@dataclass(frozen=True, slots=True)
class CorefChain:
    """The mentions (ids) that REFERS_TO one ENTITY; singletons included."""

    id: str
    entity_type: str
    descriptor: str
    external_ref: str
    mention_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MeantimeDoc:
    """A MEANTIME article rebuilt from its tokens, with entity mentions and chains.

    The CAT files hold tokens only, so ``text`` joins the tokens of a sentence
    with single spaces and sentences with a newline. ``dct`` is the
    CREATION_TIME TIMEX3 value: None for the two documents without one and
    for one whose value is not ISO (``03-02-2009``, day/month order unknown).
    """

    id: str
    name: str
    topic: str
    url: str
    text: str
    dct: date | None
    mentions: tuple[EntityMention, ...]
    chains: tuple[CorefChain, ...]

    def chain_spans(self) -> list[list[tuple[int, int]]]:
        """Chains as lists of ``(start, end)`` keys, the shape :func:`metrics.muc` takes."""
        by_id = {m.id: m for m in self.mentions}
        return [[(by_id[i].start, by_id[i].end) for i in c.mention_ids if i in by_id] for c in self.chains]


def _token_text(root: ET.Element) -> tuple[str, dict[str, tuple[int, int]]]:
    """The text rebuilt from the tokens (one space within a sentence, a newline between), and each token's span."""
    parts: list[str] = []
    token_span: dict[str, tuple[int, int]] = {}
    offset = 0
    sentence: str | None = None
    for tok in root.iter("token"):
        if sentence is not None:
            sep = " " if tok.get("sentence") == sentence else "\n"
            parts.append(sep)
            offset += 1
        sentence = tok.get("sentence")
        word = tok.text or ""
        token_span[tok.get("t_id", "")] = (offset, offset + len(word))
        parts.append(word)
        offset += len(word)
    return "".join(parts), token_span


def _entity_members(root: ET.Element, entities: dict[str, ET.Element]) -> dict[str, list[str]]:
    """Entity id -> the ids of the mentions that REFERS_TO it (event coreference is left out)."""
    members: dict[str, list[str]] = defaultdict(list)
    relations = root.find("Relations")
    for rel in relations.iter("REFERS_TO") if relations is not None else ():
        target = rel.find("target")
        if target is None or target.get("m_id") not in entities:
            continue  # event coreference; only entities are loaded
        for src in rel.iter("source"):
            members[target.get("m_id", "")].append(src.get("m_id", ""))
    return members


def _chains(
    members: dict[str, list[str]], entities: dict[str, ET.Element], mention_ids: set[str]
) -> tuple[list[CorefChain], dict[str, str]]:
    """The entity chains (in entity id order), and each chained mention's entity type."""
    entity_of: dict[str, str] = {}
    chains: list[CorefChain] = []
    claimed: set[str] = set()
    # Chains must partition the mentions; the two mentions in the corpus that
    # refer to two entities stay with the entity of lower id.
    for ent_id in sorted(members, key=int):
        ids = sorted({i for i in members[ent_id] if i in mention_ids} - claimed, key=int)
        claimed.update(ids)
        if not ids:
            continue
        ent = entities[ent_id]
        for i in ids:
            entity_of[i] = ent.get("ent_type", "")
        chains.append(
            CorefChain(
                id=ent_id,
                entity_type=ent.get("ent_type", ""),
                descriptor=ent.get("TAG_DESCRIPTOR", ""),
                external_ref=ent.get("external_ref", ""),
                mention_ids=tuple(ids),
            )
        )
    return chains, entity_of


def _parse_meantime(path: Path, topic: str) -> MeantimeDoc:
    root = ET.parse(path).getroot()
    text, token_span = _token_text(root)

    markables = root.find("Markables")
    raw_mentions: list[tuple[str, int, int, str]] = []
    entities: dict[str, ET.Element] = {}
    dct: date | None = None
    for elem in markables if markables is not None else ():
        if elem.tag == "ENTITY_MENTION":
            anchors = [token_span[a.get("t_id", "")] for a in elem.iter("token_anchor") if a.get("t_id") in token_span]
            if not anchors:  # one mention in the corpus has no tokens
                continue
            # Ten mentions skip a token; the span covers first..last token.
            start, end = min(a[0] for a in anchors), max(a[1] for a in anchors)
            raw_mentions.append((elem.get("m_id", ""), start, end, elem.get("syntactic_type", "")))
        elif elem.tag == "ENTITY":
            entities[elem.get("m_id", "")] = elem
        elif elem.tag == "TIMEX3" and elem.get("functionInDocument") == "CREATION_TIME":
            dct = iso_date(elem.get("value"))

    chains, entity_of = _chains(_entity_members(root, entities), entities, {m[0] for m in raw_mentions})
    mentions = tuple(
        EntityMention(
            id=mid,
            start=s,
            end=e,
            text=text[s:e],
            syntactic_type=syn,
            entity_type=entity_of.get(mid),
        )
        for mid, s, e, syn in sorted(raw_mentions, key=lambda m: (m[1], m[2], int(m[0])))
    )
    first_start = {m.id: m.start for m in mentions}
    chains.sort(key=lambda c: (first_start[c.mention_ids[0]], int(c.id)))
    return MeantimeDoc(
        id=root.get("doc_id", path.stem),
        name=root.get("doc_name", path.stem),
        topic=topic,
        url=root.get("url", ""),
        text=text,
        dct=dct,
        mentions=mentions,
        chains=tuple(chains),
    )


def load_meantime(data_dir: Path, *, split: str | None = None, limit: int | None = None) -> list[MeantimeDoc]:
    """Load MEANTIME English document-level annotation (``coref/meantime_en/intra-doc_annotation``).

    ``split`` picks one topic folder (``airbus``, ``apple``, ``gm``, ``stock``)
    or None for all 120 articles. Only entity coreference is loaded: chains are
    the ENTITY_MENTIONs grouped by the ENTITY they REFERS_TO; a mention that
    refers to no entity is kept in ``mentions`` but is in no chain, and a
    mention that refers to two entities (two in the corpus) joins the first.
    """
    base = require(Path(data_dir) / "coref" / "meantime_en" / "intra-doc_annotation")
    topics = sorted(p.name.removeprefix("corpus_") for p in base.iterdir() if p.is_dir())
    check_split("meantime", split, [None, *topics])
    chosen = [split] if split else topics

    def items() -> Iterator[MeantimeDoc]:
        for topic in chosen:
            for path in sorted((base / f"corpus_{topic}").glob("*.xml")):
                yield _parse_meantime(path, topic)

    return take(items(), limit)
