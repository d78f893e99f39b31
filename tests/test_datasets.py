"""Structure checks for the gold-set loaders, run against the real files in ``../shared/eval``.

The data is read at test time and never copied here; tests that need it take
the ``eval_data_dir`` fixture and are skipped on a checkout without
``../shared``. Counts are those of the pinned copies listed in
``shared/eval/README.md``; a changed count means the data or a loader changed.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

from tidings.eval import datasets as ds
from tidings.eval.datasets import (
    DATASETS,
    DEFAULT_SPLITS,
    PLOVER_LABEL_MAP,
    QUOTE_DIGRAPHS,
    QUOTE_MARKS,
    load_conflibert,
    load_conll,
    load_extract,
    load_geo_gwn,
    load_geo_trnews,
    load_meantime,
    load_ngec_actors,
    load_petr2_gsr,
    load_plover_gsr,
    load_polnear,
    load_timebank,
    load_warc,
)

# --------------------------------------------------------------------------- no data needed


def test_registry_names_and_defaults() -> None:
    assert set(DATASETS) == {
        "plover-gsr",
        "petr2-gsr",
        "conflibert",
        "ngec-actors",
        "geo-gwn",
        "geo-trnews",
        "polnear",
        "timebank",
        "conll",
        "meantime",
        "extract",
        "docs",
        "realdocs",
        "warc",
    }
    assert DEFAULT_SPLITS["polnear"] == "dev"
    assert set(DEFAULT_SPLITS) == set(DATASETS)


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_missing_data_names_the_path(name: str, tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=re.escape(str(tmp_path))):
        DATASETS[name](tmp_path)


def test_iob1_decoding() -> None:
    # IOB1: I- continues, B- only separates two adjacent entities of one type.
    text, ents = ds._iob1_entities(["A", "B", "C", "D", "E"], ["I-PER", "I-PER", "B-PER", "O", "I-LOC"])
    assert text == "A B C D E"
    assert [(e.start, e.end, e.label) for e in ents] == [
        (0, 3, "PER"),
        (4, 5, "PER"),
        (8, 9, "LOC"),
    ]
    _, ents = ds._iob1_entities(["A", "B"], ["I-ORG", "I-MISC"])
    assert [e.label for e in ents] == ["ORG", "MISC"]


def test_timeml_flattening() -> None:
    body = ET.fromstring(
        '<TEXT>On <TIMEX3 tid="t1" type="DATE" value="1998-01-08">Monday</TIMEX3> it <EVENT>fell</EVENT>.</TEXT>'
    )
    parts: list[str] = []
    timexes: list[ds.Timex] = []
    ds._flatten_timeml(body, parts, 0, timexes)
    text = "".join(parts)
    assert text == "On Monday it fell."
    assert [(t.start, t.end, t.text, t.value) for t in timexes] == [(3, 9, "Monday", "1998-01-08")]


# --------------------------------------------------------------------------- helpers

T = TypeVar("T")


def _limit_and_split_checks(loader: Callable[..., list[T]], data: Path, n: int = 3) -> list[T]:
    items = loader(data, limit=n)
    assert len(items) == n
    assert loader(data, limit=0) == []
    assert loader(data, limit=n) == items  # deterministic order
    return items


# --------------------------------------------------------------------------- events


def test_plover_gsr(eval_data_dir: Path) -> None:
    items = load_plover_gsr(eval_data_dir)
    assert len(items) == 322  # header record dropped
    assert _limit_and_split_checks(load_plover_gsr, eval_data_dir) == items[:3]
    assert all(item.text and item.id.startswith("PLOVER-") for item in items)
    events = Counter(item.event for item in items)
    assert not set(events) & set(PLOVER_LABEL_MAP)  # old labels all mapped
    assert events["ACCUSE"] == sum(1 for i in items if i.original_event in ("DISAPPROVE", "INVESTIGATE"))
    assert {i.mode for i in items if i.original_event == "INVESTIGATE"} == {"investigate"}
    assert all(a.code for i in items for a in (*i.sources, *i.targets))
    assert sum(1 for i in items if i.sources) >= 320
    with pytest.raises(ValueError):
        load_plover_gsr(eval_data_dir, split="dev")


def test_petr2_gsr(eval_data_dir: Path) -> None:
    items = load_petr2_gsr(eval_data_dir)
    assert len(items) == 78
    assert sum(len(i.events) for i in items) == 80
    _limit_and_split_checks(load_petr2_gsr, eval_data_dir)
    for item in items:
        assert item.no_events == (not item.events)
        assert item.conllu.startswith("1\t")
        for event in item.events:
            assert event.code.isdigit() and event.root_code == event.code[:2]
            assert event.source and event.target
    assert sum(1 for i in items if i.date is None) == 1  # the one six-digit stamp


def test_conflibert(eval_data_dir: Path) -> None:
    items = load_conflibert(eval_data_dir)
    assert len(items) == 1349
    _limit_and_split_checks(load_conflibert, eval_data_dir)
    assert set(Counter(i.label for i in items)) == {0, 1, 2, 3, 4}
    spans = [(i.text, s) for i in items for s in i.spans]
    assert {s.role for _, s in spans} <= {"S", "T", "R"}
    located = [(t, s) for t, s in spans if s.start is not None and s.end is not None]
    assert len(located) == len(spans)  # tokenised span text found again in every sentence
    assert all(t[s.start : s.end] == s.text for t, s in located)


def test_ngec_actors(eval_data_dir: Path) -> None:
    items = load_ngec_actors(eval_data_dir)
    assert len(items) == 333
    _limit_and_split_checks(load_ngec_actors, eval_data_dir)
    assert sum(1 for i in items if "country" in i.expected) == 305
    plain = [i.country for i in items if i.country]
    assert plain and all(len(c) == 3 and c.isupper() for c in plain)  # ISO3 or IGO
    assert all(i.text for i in items)
    # check() honours plain values, "expect nothing" and the NotEq/In constraints.
    for item in items:
        assert item.check("no-such-field", "X") is None
        if item.country:
            assert item.check("country", item.country) is True
        if item.country == "":
            assert item.check("country", None) is True
        constraint = item.expected.get("country")
        if isinstance(constraint, dict) and "NotEq" in constraint:
            assert item.check("country", constraint["NotEq"]) is False
        code = item.expected.get("code_1")
        if isinstance(code, dict) and "In" in code:
            assert all(item.check("code_1", c) for c in code["In"])
            assert item.check("code_1", "ZZZ") is False


# --------------------------------------------------------------------------- places


def test_geo_gwn(eval_data_dir: Path) -> None:
    articles = load_geo_gwn(eval_data_dir)
    assert len(articles) == 200
    _limit_and_split_checks(load_geo_gwn, eval_data_dir)
    toponyms = [(a, t) for a in articles for t in a.toponyms]
    assert len(toponyms) == 6607  # 6,612 less 5 with negative (title) offsets
    assert all(a.text[t.start : t.end] == t.name for a, t in toponyms)
    resolved = [t for _, t in toponyms if t.lat is not None and t.lon is not None]
    assert len(resolved) == 2599
    assert sum(1 for _, t in toponyms if t.geonameid is not None) == 2399
    assert all(-90 <= t.lat <= 90 and -180 <= t.lon <= 180 for t in resolved)  # type: ignore[operator]


def test_geo_trnews(eval_data_dir: Path) -> None:
    articles = load_geo_trnews(eval_data_dir)
    assert len(articles) == 118
    _limit_and_split_checks(load_geo_trnews, eval_data_dir)
    toponyms = [(a, t) for a in articles for t in a.toponyms]
    assert len(toponyms) == 1319
    # After re-anchoring drifted offsets every phrase is its own slice.
    assert all(a.text[t.start : t.end] == t.name for a, t in toponyms)
    assert sum(1 for _, t in toponyms if t.geonameid is not None) == 1275
    assert all(a.url.startswith("http") for a in articles)


# --------------------------------------------------------------------------- quotes


def test_polnear_dev_direct_quotes(eval_data_dir: Path) -> None:
    articles = load_polnear(eval_data_dir)  # default split: dev
    assert len(articles) == 84
    assert {a.split for a in articles} == {"dev"}
    _limit_and_split_checks(load_polnear, eval_data_dir)
    quotes = [(a, q) for a in articles for q in a.quotes]
    assert len(quotes) > 500
    for article, quote in quotes:
        before = article.text[max(0, quote.content[0].start - 45) : quote.content[0].start]
        assert (
            any(ch in QUOTE_MARKS for ch in quote.content_text)
            or any(d in quote.content_text for d in QUOTE_DIGRAPHS)
            # a transcript turn inside marks: '"WALLACE: Let us start ...'
            or re.search(r'(?:^|\s)["\u201c](?:[A-Z][A-Z.\'\- ]{1,40}:\s*)?$', before) is not None
        )
        for span in (*quote.content, *quote.cue, *quote.source):
            assert span.text == " ".join(article.text[s:e] for s, e in span.fragments)
        assert quote.cue
    assert all(a.date is not None for a in articles)
    # The New York Times writes ''quotes'' with doubled apostrophes: they are direct quotes too.
    assert any("''" in q.content_text for _a, q in quotes)
    assert sum(1 for _, q in quotes if q.source) > 0.9 * len(quotes)


def test_polnear_picks_first_annotator(eval_data_dir: Path) -> None:
    ann_dir = eval_data_dir / "quotes" / "polnear" / "dev" / "attributions"
    by_article: dict[str, list[str]] = {}
    for path in sorted(ann_dir.glob("*.ann")):
        by_article.setdefault(path.name[:-9], []).append(path.name[-8:-4])
    multi = {name: annotators for name, annotators in by_article.items() if len(annotators) > 1}
    assert multi  # the dev split does contain multiply-annotated articles
    chosen = {a.id: a.annotator for a in load_polnear(eval_data_dir, split="dev")}
    for name, annotators in multi.items():
        assert chosen[name] == annotators[0]


def test_polnear_train_and_bad_split(eval_data_dir: Path) -> None:
    assert len(load_polnear(eval_data_dir, split="train", limit=5)) == 5
    with pytest.raises(ValueError):
        load_polnear(eval_data_dir, split="test")


# --------------------------------------------------------------------------- times


def test_timebank(eval_data_dir: Path) -> None:
    docs = load_timebank(eval_data_dir)
    assert len(docs) == 256
    assert Counter(d.corpus for d in docs) == {"TimeBank": 183, "AQUAINT": 73}
    _limit_and_split_checks(load_timebank, eval_data_dir)
    timexes = [(d, t) for d in docs for t in d.timexes]
    assert len(timexes) == 1822
    assert all(d.text[t.start : t.end] == t.text for d, t in timexes)
    assert all("<" not in t.text for _, t in timexes)
    assert {t.type for _, t in timexes} == {"DATE", "TIME", "DURATION", "SET"}
    assert all(d.dct is not None for d in docs)
    assert len(load_timebank(eval_data_dir, split="aquaint")) == 73


# --------------------------------------------------------------------------- NER


def test_conll(eval_data_dir: Path) -> None:
    sentences = load_conll(eval_data_dir)
    assert len(sentences) == 3250
    _limit_and_split_checks(load_conll, eval_data_dir)
    entities = [(s, e) for s in sentences for e in s.entities]
    assert len(entities) == 5942
    assert {e.label for _, e in entities} == {"PER", "LOC", "ORG", "MISC"}
    assert all(s.text[e.start : e.end] == e.text for s, e in entities)
    assert all(s.text == " ".join(s.tokens) and len(s.tokens) == len(s.tags) for s in sentences)


# --------------------------------------------------------------------------- coreference


def test_meantime(eval_data_dir: Path) -> None:
    docs = load_meantime(eval_data_dir)
    assert len(docs) == 120
    assert Counter(d.topic for d in docs) == {
        "airbus": 30,
        "apple": 30,
        "gm": 30,
        "stock": 30,
    }
    _limit_and_split_checks(load_meantime, eval_data_dir)
    for doc in docs:
        ids = {m.id for m in doc.mentions}
        assert all(doc.text[m.start : m.end] == m.text and m.text for m in doc.mentions)
        in_chains = [i for c in doc.chains for i in c.mention_ids]
        assert len(in_chains) == len(set(in_chains)) and set(in_chains) <= ids
        assert len(doc.chain_spans()) == len(doc.chains)
    assert sum(len(d.chains) for d in docs) == 1266
    assert sum(1 for d in docs for c in d.chains if len(c.mention_ids) > 1) == 551
    assert len(load_meantime(eval_data_dir, split="gm")) == 30


# --------------------------------------------------------------------------- extraction


def test_extract(eval_data_dir: Path) -> None:
    items = load_extract(eval_data_dir)
    assert len(items) == 181
    _limit_and_split_checks(load_extract, eval_data_dir)
    assert len({i.id for i in items}) == 181
    for item in items:
        assert "<" in item.html and item.article_body
        assert item.url.startswith("http")


def test_warc(eval_data_dir: Path) -> None:
    items = load_warc(eval_data_dir)
    assert len(items) == 181 and not any(i.error for i in items)
    truth = {i.url: i.article_body for i in load_extract(eval_data_dir)}
    assert {i.url: i.article_body for i in items} == truth  # every record found its gold page by URL
    assert all(i.body.lstrip().startswith("<") or "<html" in i.body[:2000].lower() for i in items)
    _limit_and_split_checks(load_warc, eval_data_dir)
