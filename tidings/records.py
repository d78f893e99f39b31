"""The one flattening of an article into rows, table by table, with named columns.

``Article.to_dict()`` is the nested record (``tidings process --json``, the
contract in ``shared/contract``); :func:`rows` is the flat one every table
store and export reads: the SQLite sink, the JSONL sink's row mode, and the
exports to come (CSV, Parquet, GDELT, ICEWS) all take these rows, so a column
is named and computed in one place only.

Rows of one article refer to each other by their position in the article:
``event_index`` (into ``Article.events``), ``quote_index``, ``actor_id``. A
store that gives rows ids of its own (SQLite's ``events.id``) maps them there.

Example::

    tables = rows(article, processed_at="2026-12-07T10:00:00+00:00")
    tables["events"][0]["source_code"]   # 'RUSGOV'
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from tidings.model import ActorRef, Article, Event, Place, Quote
from tidings.version import __version__

Row = dict[str, Any]

#: Every table and its columns, in order. A store creates its tables from these names.
COLUMNS: Mapping[str, tuple[str, ...]] = {
    "articles": (
        "id",
        "input",
        "url",
        "title",
        "source",
        "published",
        "focus_country",
        "text",
        "notes",
        "processed_at",
        "tidings_version",
        "author",
        "raw",
    ),
    "actors": (
        "article_id",
        "actor_id",
        "name",
        "code",
        "country",
        "sector",
        "wikidata",
        "kind",
        "mention_count",
        "mentions",
    ),
    "events": (
        "article_id",
        "event_index",
        "cameo",
        "root",
        "event_name",
        "plover",
        "plover_mode",
        "quad_class",
        "goldstein",
        "source_actor_id",
        "source_code",
        "source_name",
        "source_country",
        "source_text",
        "source_start",
        "source_end",
        "target_actor_id",
        "target_code",
        "target_name",
        "target_country",
        "target_text",
        "target_start",
        "target_end",
        "trigger",
        "trigger_start",
        "trigger_end",
        "sentence",
        "sentence_start",
        "date",
        "date_source",
        "place_name",
        "place_country",
        "place_geonameid",
        "place_lat",
        "place_lon",
        "place_source",
        "negated",
        "modality",
        "confidence",
        "pattern",
        "mention_count",
        "symmetric",
    ),
    "event_mentions": (
        "article_id",
        "event_index",
        "mention_index",
        "trigger",
        "trigger_start",
        "trigger_end",
        "sentence",
        "sentence_start",
        "headline",
    ),
    "quotes": (
        "article_id",
        "quote_index",
        "kind",
        "text",
        "start",
        "end",
        "speaker_actor_id",
        "speaker_code",
        "speaker_name",
        "speaker_text",
        "cue",
        "cue_start",
        "cue_end",
    ),
    "quote_events": ("article_id", "quote_index", "event_index"),
    "places": (
        "article_id",
        "text",
        "start",
        "end",
        "name",
        "country",
        "geonameid",
        "lat",
        "lon",
        "admin1",
        "feature",
        "role",
    ),
    "times": ("article_id", "text", "start", "end", "value", "kind", "rule"),
    "failures": ("input", "error", "failed_at"),
}


def now() -> str:
    """The time stamp stores write beside a row (UTC, to the second)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def rows(article: Article, *, processed_at: str | None = None) -> dict[str, list[Row]]:
    """Every row of one article, by table (every table but ``failures``; empty lists included)."""
    aid = article.id
    return {
        "articles": [_article(article, processed_at or now())],
        "actors": [
            {
                "article_id": aid,
                "actor_id": a.id,
                "name": a.name,
                "code": a.code,
                "country": a.country,
                "sector": a.sector,
                "wikidata": a.wikidata,
                "kind": a.kind,
                "mention_count": len(a.mentions),
                "mentions": json.dumps([m.to_dict() for m in a.mentions]),
            }
            for a in article.actors
        ],
        "events": [_event(aid, i, e) for i, e in enumerate(article.events)],
        "event_mentions": [
            {
                "article_id": aid,
                "event_index": i,
                "mention_index": j,
                "trigger": m.trigger.text,
                "trigger_start": m.trigger.start,
                "trigger_end": m.trigger.end,
                "sentence": m.sentence.text,
                "sentence_start": m.sentence.start,
                "headline": int(m.headline),
            }
            for i, e in enumerate(article.events)
            for j, m in enumerate(e.mentions)
        ],
        "quotes": [_quote(aid, i, q) for i, q in enumerate(article.quotes)],
        "quote_events": [
            {"article_id": aid, "quote_index": qi, "event_index": ei}
            for qi, q in enumerate(article.quotes)
            for ei in q.event_ids
            if 0 <= ei < len(article.events)
        ],
        "places": [_place(aid, p) for p in article.places],
        "times": [
            {
                "article_id": aid,
                "text": t.text,
                "start": t.start,
                "end": t.end,
                "value": t.value,
                "kind": t.kind,
                "rule": t.rule,
            }
            for t in article.times
        ],
    }


def failure_row(input_name: str, error: str, *, failed_at: str | None = None) -> Row:
    """The row of one input that could not be processed."""
    return {"input": input_name, "error": error, "failed_at": failed_at or now()}


def _article(a: Article, processed_at: str) -> Row:
    return {
        "id": a.id,
        "input": a.input,
        "url": a.url,
        "title": a.title,
        "source": a.source,
        "published": a.published,
        "focus_country": a.focus_country,
        "text": a.text,
        "notes": json.dumps(a.notes) if a.notes else None,
        "processed_at": processed_at,
        "tidings_version": __version__,
        "author": a.author,
        "raw": a.raw,
    }


def _ref(prefix: str, ref: ActorRef | None) -> Row:
    keys = ("actor_id", "code", "name", "country", "text", "start", "end")
    if ref is None:
        return {f"{prefix}_{k}": None for k in keys}
    a, s = ref.actor, ref.span
    return dict(
        zip((f"{prefix}_{k}" for k in keys), (a.id, a.code, a.name, a.country, s.text, s.start, s.end), strict=True)
    )


def _event(aid: str, index: int, e: Event) -> Row:
    p: Place | None = e.place
    return {
        "article_id": aid,
        "event_index": index,
        "cameo": e.cameo,
        "root": e.root,
        "event_name": e.name,
        "plover": e.plover,
        "plover_mode": e.plover_mode,
        "quad_class": e.quad_class,
        "goldstein": e.goldstein,
        **_ref("source", e.source),
        **_ref("target", e.target),
        "trigger": e.trigger.text,
        "trigger_start": e.trigger.start,
        "trigger_end": e.trigger.end,
        "sentence": e.sentence.text,
        "sentence_start": e.sentence.start,
        "date": e.date,
        "date_source": e.date_source,
        "place_name": p.name if p else None,
        "place_country": p.country if p else None,
        "place_geonameid": p.geonameid if p else None,
        "place_lat": p.lat if p else None,
        "place_lon": p.lon if p else None,
        "place_source": e.place_source,
        "negated": int(e.negated),
        "modality": e.modality,
        "confidence": e.confidence,
        "pattern": e.pattern,
        "mention_count": 1 + len(e.mentions),
        "symmetric": int(e.symmetric),
    }


def _quote(aid: str, index: int, q: Quote) -> Row:
    speaker = _ref("speaker", q.speaker)
    return {
        "article_id": aid,
        "quote_index": index,
        "kind": q.kind,
        "text": q.text,
        "start": q.start,
        "end": q.end,
        "speaker_actor_id": speaker["speaker_actor_id"],
        "speaker_code": speaker["speaker_code"],
        "speaker_name": speaker["speaker_name"],
        "speaker_text": speaker["speaker_text"],
        "cue": q.cue.text if q.cue else None,
        "cue_start": q.cue.start if q.cue else None,
        "cue_end": q.cue.end if q.cue else None,
    }


def _place(aid: str, p: Place) -> Row:
    return {
        "article_id": aid,
        "text": p.text,
        "start": p.start,
        "end": p.end,
        "name": p.name,
        "country": p.country,
        "geonameid": p.geonameid,
        "lat": p.lat,
        "lon": p.lon,
        "admin1": p.admin1,
        "feature": p.feature,
        "role": p.role,
    }
