"""Stories and global events (issue 19): what the SQLite sink joins across articles, on articles coded by
hand (tests/stories_fixtures.py), so that every decision is known."""

from __future__ import annotations

import csv
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from stories_fixtures import KHARKIV, ODESA, SOCHI, UKRAINE, act, article, sink, standin, store

from tidings.config import load_settings
from tidings.errors import TidingsError
from tidings.exports.writing import export
from tidings.sinks import SQLiteSink, connect, save
from tidings.stories import Joiner, Options, Similarity
from tidings.stories.actors import compatible
from tidings.stories.acts import span
from tidings.stories.text import MinHash, body, lead, shingles

RUS, RUSGOV, RUSMIL = ("RUS", "Russia"), ("RUSGOV", "Russia government"), ("RUSMIL", "Russian forces")
UKR = ("UKR", "Ukraine")
PUTIN, ERDOGAN = ("RUSGOV", "Vladimir Putin", "person"), ("TURGOV", "Recep Tayyip Erdogan", "person")
LAVROV, FIDAN = ("RUSGOV", "Sergei Lavrov", "person"), ("TURGOV", "Hakan Fidan", "person")

STRIKE_BODY = "Russian missiles struck a power plant in Kharkiv on Monday, killing two workers, officials said."


def _rows(db: Path, sql: str, params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def _gids(db: Path) -> dict[tuple[str, int], int | None]:
    return {
        (r["article_id"], r["event_index"]): r["global_event_id"]
        for r in _rows(db, "SELECT article_id, event_index, global_event_id FROM events")
    }


def _strike(aid: str, source: tuple[str, ...], target: tuple[str, ...] | None, **kw: Any) -> Any:
    return article(
        aid,
        kw.pop("title", "Missiles hit Kharkiv power plant"),
        kw.pop("body", STRIKE_BODY),
        kw.pop("published", "2025-11-03"),
        [act("struck", "195", source, target, kw.pop("date", "2025-11-03"), place=kw.pop("place", KHARKIV), **kw)],
    )


# --------------------------------------------------------------------------------------------- pieces


@pytest.mark.parametrize(
    ("a", "b", "ok"),
    [
        ("RUS", "RUSGOV", True),  # a country and its government
        ("RUS", "RUSOPP", True),  # "Russia" may be any of its parts
        ("RUSGOV", "RUSMIL", True),  # organs of one state
        ("RUSGOV", "TURGOV", False),
        ("GEOCOP", "GEOOPP", False),  # the two sides of a crackdown
        ("SDNMIL", "SDNREB", False),  # the two sides of a war
        ("NGAEDU", "NGACVL", True),  # students and children: the same victims
        ("OPP", "GEOOPP", True),
        ("IGOEUR", "IGOEUREEC", True),
        ("IGOUNO", "IGOEUREEC", False),
        (None, "RUS", True),
        ("---", "SDNREB", True),  # the coder's code for an actor it could not code says nothing
    ],
)
def test_actor_codes_that_may_name_one_party(a: str | None, b: str, ok: bool) -> None:
    assert compatible(a, b) is ok and compatible(b, a) is ok


def test_the_days_an_act_may_have_happened_on() -> None:
    pub = date(2025, 11, 4)
    assert span("2025-11-03", "clause", pub, 1) == (date(2025, 11, 3), date(2025, 11, 3))
    assert span("2025-11-03", "sentence", pub, 1) == (date(2025, 11, 2), date(2025, 11, 4))
    assert span("2025-11-04", "lede", pub, 1) == (date(2025, 11, 3), date(2025, 11, 4))
    assert span("2025-11-04", "published", pub, 2) == (date(2025, 11, 2), date(2025, 11, 4))
    assert span("2025-11", "sentence", pub, 1) == (date(2025, 11, 1), pub)  # not after its publication
    assert span("2024", "clause", pub, 1) == (date(2024, 1, 1), date(2024, 12, 31))
    assert span(None, None, pub, 1) == (date(2025, 11, 3), pub)
    assert span(None, None, None, 1) is None and span("P26Y", "clause", None, 1) is None


def test_minhash_finds_a_retitled_copy_and_not_a_rewrite() -> None:
    mh = MinHash()
    text = "Title one\n\n" + STRIKE_BODY + " Repair crews worked through the night to restore power to homes."
    copy = "Another title\n\n" + STRIKE_BODY + " Repair crews worked through the night to restore power to homes."
    rewrite = "Title\n\nKharkiv lost power after a Russian missile attack hit its plant; two workers died there."
    a, b, c = (mh.signature(shingles(body(t, t.split("\n\n")[0]))) for t in (text, copy, rewrite))
    assert MinHash.jaccard(a, b) == 1.0 and MinHash.jaccard(a, c) < 0.2
    assert set(mh.buckets(a)) == set(mh.buckets(b)) and not set(mh.buckets(a)) & set(mh.buckets(c))
    assert lead(text, "Title one").startswith("Title one\n\nRussian missiles")


def test_options_are_checked() -> None:
    with pytest.raises(TidingsError, match=r"\[T010\].*similarity"):
        Options(similarity="tfidf")
    with pytest.raises(TidingsError, match=r"\[T010\].*near_duplicate"):
        Options(near_duplicate=1.5)
    assert Options.from_settings(load_settings()).window_days == 2


# --------------------------------------------------------------------------------------------- global events


def test_reports_of_one_act_in_several_articles_are_one_global_event(tmp_path: Path) -> None:
    """A country, its government and its forces are one party; a report without the target, or dated only
    by its publication the next day, fits too. Counts run over every report."""
    db = store(
        tmp_path / "s.db",
        [
            _strike("a1", RUS, UKR, confidence=0.6),
            _strike("a2", RUSGOV, UKR, confidence=0.5),
            _strike("a3", RUSMIL, None, published="2025-11-04", date="2025-11-04", date_source="published"),
            _strike("a4", RUS, ("UKRCVL", "Ukrainian civilians"), confidence=0.8, place=UKRAINE),
        ],
    )
    [g] = _rows(db, "SELECT * FROM global_event_view")
    assert (g["num_articles"], g["num_sources"], g["num_mentions"], g["num_independent"]) == (4, 4, 4, 4)
    assert g["date"] == "2025-11-03" and g["place"] == "Kharkiv" and g["country"] == "UKR" and g["root"] == "19"
    assert g["source_code"] == "RUS" and g["first_seen"] == "2025-11-03" and g["last_seen"] == "2025-11-04"
    rep = _rows(db, "SELECT article_id FROM events WHERE id = ?", (g["representative_event_id"],))[0]
    assert rep["article_id"] == "a4"  # the most confident report
    assert g["confidence"] == pytest.approx(1 - 0.4 * 0.5 * 0.3 * 0.2)  # rises with each independent report


@pytest.mark.parametrize(
    ("second", "why"),
    [
        (_strike("b", RUS, UKR, date="2025-11-04", published="2025-11-04"), "the next day's strike, same place"),
        (_strike("b", RUS, UKR, place=ODESA), "the same day, another city"),
        (_strike("b", UKR, RUS, place=None), "the retaliation"),
        (_strike("b", ("TUR", "Turkey"), UKR), "another country"),
        (_strike("b", RUS, UKR, negated=True), "a denied strike"),
        (_strike("b", RUS, UKR, modality="future"), "a threat to strike"),
        (_strike("b", ("UKRMIL", "Ukrainian army"), ("UKROPP", "Ukrainian opposition")), "other parties"),
    ],
)
def test_distinct_acts_never_merge(tmp_path: Path, second: Any, why: str) -> None:
    db = store(tmp_path / "s.db", [_strike("a", RUS, UKR), second])
    assert len(set(_gids(db).values())) == 2, why


def test_a_mutual_act_matches_either_way_round_and_a_visit_from_the_hosts_side(tmp_path: Path) -> None:
    met = "Putin and Erdogan met in Sochi on Tuesday."
    db = store(
        tmp_path / "s.db",
        [
            article("m1", "Leaders meet", met, "2025-11-04",
                    [act("met", "040", PUTIN, ERDOGAN, "2025-11-04", place=SOCHI, symmetric=True)]),
            article("m2", "Talks in Sochi", "Erdogan held talks with Putin in Sochi on Tuesday.", "2025-11-04",
                    [act("held", "040", ERDOGAN, PUTIN, "2025-11-04", place=SOCHI)]),
            article("m3", "Putin hosts Erdogan", "Putin hosted Erdogan in Sochi on Tuesday.", "2025-11-04",
                    [act("hosted", "043", RUS, ("TURGOV", "Turkey government"), "2025-11-04", place=SOCHI)]),
            article("m4", "Erdogan visits Sochi", "Erdogan visited Sochi on Tuesday.", "2025-11-05",
                    [act("visited", "042", ERDOGAN, ("RUS", "Russia"), "2025-11-04")]),
        ],
    )  # fmt: skip
    assert len(set(_gids(db).values())) == 1


def test_named_people_keep_two_meetings_apart(tmp_path: Path) -> None:
    """Erdogan meeting Putin is not Fidan meeting Lavrov, although both pairs are TURGOV and RUSGOV."""
    db = store(
        tmp_path / "s.db",
        [
            article("m1", "Leaders meet", "Putin and Erdogan met on Tuesday.", "2025-11-04",
                    [act("met", "040", PUTIN, ERDOGAN, "2025-11-04", symmetric=True)]),
            article("m2", "Ministers meet", "Lavrov and Fidan met on Tuesday.", "2025-11-04",
                    [act("met", "040", LAVROV, FIDAN, "2025-11-04", symmetric=True)]),
        ],
    )  # fmt: skip
    assert len(set(_gids(db).values())) == 2


def test_one_trigger_coded_once_per_pair_of_parties_is_one_act(tmp_path: Path) -> None:
    army, rsf, gov = ("SDNMIL", "Sudan army"), ("SDNREB", "RSF"), ("SDNGOV", "Sudan government")
    text = "Sudan's government, army and the RSF agreed on Thursday to a truce."
    pairs = [(gov, army), (gov, rsf), (army, rsf)]
    db = store(
        tmp_path / "s.db",
        [article("t1", "Truce", text, "2025-11-13",
                 [act("agreed", "0871", s, t, "2025-11-13", symmetric=True) for s, t in pairs])],
    )  # fmt: skip
    assert len(set(_gids(db).values())) == 1


def test_blocking_finds_candidates_by_country_root_and_days_only(tmp_path: Path) -> None:
    from tidings.stories import global_events
    from tidings.stories.acts import Act

    db = store(
        tmp_path / "s.db",
        [
            _strike("a", RUS, UKR),
            _strike("b", ("TUR", "Turkey"), ("SYR", "Syria"), place=None),
            _strike("c", RUS, UKR, date="2025-11-20", published="2025-11-20"),
        ],
    )
    conn = connect(db)
    probe = Act(0, "x", 0, "19", "190", "RUSMIL", None, False, "asserted", span("2025-11-03", "clause", None, 1),
                None, 0.5)  # fmt: skip
    found = global_events.candidates(conn, probe)
    conn.close()
    assert [t.source for t in found] == ["RUS"] and found[0].span == (date(2025, 11, 3), date(2025, 11, 3))


# --------------------------------------------------------------------------------------------- copies, re-runs


def test_a_syndicated_copy_is_one_story_and_adds_no_global_event(tmp_path: Path) -> None:
    body_ = STRIKE_BODY + " Repair crews worked through the night. The governor asked residents to save power."
    original = article(
        "orig",
        "Missiles hit Kharkiv power plant",
        body_,
        "2025-11-03",
        [act("struck", "195", RUS, UKR, "2025-11-03", place=KHARKIV)],
        source="Northwire",
    )
    copy = article("copy", "Two dead as missiles slam into Kharkiv", body_, "2025-11-03",
                   [act("slam", "111", ("UKRGOV", "Ukraine"), RUS, None),
                    act("struck", "195", RUS, UKR, "2025-11-03", place=KHARKIV)], source="Gazette")  # fmt: skip
    s = sink(tmp_path / "s.db")
    s.open()
    s.write(original)
    before = _rows(tmp_path / "s.db", "SELECT count(*) AS n FROM global_events")[0]["n"]
    s.write(copy)
    s.close()
    db = tmp_path / "s.db"
    assert _rows(db, "SELECT count(*) AS n FROM global_events")[0]["n"] == before == 1
    arts = {r["id"]: r for r in _rows(db, "SELECT id, story_id, copy_of FROM articles")}
    assert arts["copy"]["copy_of"] == "orig" and arts["copy"]["story_id"] == arts["orig"]["story_id"]
    gids = _gids(db)
    assert gids[("copy", 1)] == gids[("orig", 0)] and gids[("copy", 0)] is None  # its new headline adds nothing
    [g] = _rows(db, "SELECT * FROM global_event_view")
    assert (g["num_articles"], g["num_sources"], g["num_independent"]) == (2, 2, 1)
    [st] = _rows(db, "SELECT * FROM story_view")
    assert (st["num_articles"], st["num_copies"], st["title"]) == (2, 1, "Missiles hit Kharkiv power plant")


def _state(db: Path) -> tuple[Any, ...]:
    """Every global event (its representative as article and position: event row ids change when an
    article is written again) and every article's story."""
    events = [
        {**dict(r), "representative_event_id": tuple(_rows(db, "SELECT article_id, event_index FROM events"
                                                         " WHERE id = ?", (r["representative_event_id"],))[0])}
        for r in _rows(db, "SELECT * FROM global_events ORDER BY global_event_id")
    ]  # fmt: skip
    return _gids(db), events, sorted(map(tuple, _rows(db, "SELECT id, story_id FROM articles")))


def test_processing_again_never_counts_twice_and_keeps_ids(tmp_path: Path) -> None:
    arts = [_strike("a1", RUS, UKR), _strike("a2", RUSGOV, UKR), _strike("a3", RUSMIL, UKR)]
    db = store(tmp_path / "s.db", arts)
    first = _state(db)
    store(db, [arts[0], arts[2], arts[1]])  # every article again, in another order
    assert _state(db) == first
    assert _rows(db, "SELECT num_articles FROM global_events")[0][0] == 3


def test_an_article_processed_again_as_another_act_leaves_its_old_global_event(tmp_path: Path) -> None:
    db = store(tmp_path / "s.db", [_strike("a1", RUS, UKR), _strike("a2", RUS, UKR)])
    store(db, [_strike("a2", RUS, UKR, place=ODESA, title="Missiles hit Odesa port")])
    counts = sorted(r[0] for r in _rows(db, "SELECT num_articles FROM global_events"))
    assert counts == [1, 1]


def test_later_runs_join_earlier_stories_and_events_with_the_same_ids(tmp_path: Path) -> None:
    arts = [_strike("a1", RUS, UKR), _strike("a2", RUSGOV, UKR), _strike("a3", RUSMIL, UKR)]
    one = store(tmp_path / "one.db", arts)
    two = store(tmp_path / "two.db", arts[:2])
    store(two, arts[2:])  # a later run into the same store
    assert _gids(one) == _gids(two)
    assert _rows(one, "SELECT id, story_id FROM articles ORDER BY id") == _rows(
        two, "SELECT id, story_id FROM articles ORDER BY id"
    )
    assert len({r[0] for r in _rows(one, "SELECT story_id FROM articles")}) == 1


def test_a_store_written_without_stories_is_joined_when_opened_with_them(tmp_path: Path) -> None:
    db = store(tmp_path / "s.db", [_strike("a1", RUS, UKR), _strike("a2", RUSGOV, UKR)], enabled=False)
    assert {r[0] for r in _rows(db, "SELECT story_id FROM articles")} == {None}
    with pytest.raises(TidingsError, match=r"\[T082\]"):
        export(db, "csv", tmp_path / "g.csv", per_global=True)
    s = SQLiteSink(db, joiner=Joiner(Options(), Similarity.lexical()))
    s.open()
    s.close()
    assert len({r[0] for r in _rows(db, "SELECT story_id FROM articles")}) == 1
    assert len(set(_gids(db).values())) == 1


def test_a_failed_join_stores_nothing_of_the_article(tmp_path: Path) -> None:
    class Broken(Joiner):
        def attach(self, conn: sqlite3.Connection, article_id: str, prepared: Any, before: Any) -> int:
            super().attach(conn, article_id, prepared, before)
            raise sqlite3.OperationalError("disk I/O error")

    s = SQLiteSink(tmp_path / "s.db", joiner=Broken(Options(), Similarity.lexical()))
    s.open()
    with pytest.raises(TidingsError, match=r"\[T030\] a1: could not store"):
        s.write(_strike("a1", RUS, UKR))
    s.close()
    for table in ("articles", "events", "global_events", "stories", "article_signatures", "article_lsh"):
        assert _rows(tmp_path / "s.db", f"SELECT count(*) FROM {table}")[0][0] == 0, table


# --------------------------------------------------------------------------------------------- stories


def test_the_next_days_strike_starts_its_own_story_however_alike_the_words(tmp_path: Path) -> None:
    """The stand-in embedding makes every headline about strikes identical; the acts decide."""
    sim = standin({"Missiles": 0, "Strike": 0})
    db = store(
        tmp_path / "s.db",
        [
            _strike("a1", RUS, UKR),
            _strike("a2", RUSGOV, UKR, title="Missiles: two dead in Kharkiv"),
            _strike("b1", RUS, UKR, title="Strike on Odesa port", place=ODESA, date="2025-11-04",
                    published="2025-11-04"),
            _strike("c1", UKR, RUS, title="Missiles fired at Belgorod", place=None),
        ],
        similarity=sim,
    )  # fmt: skip
    stories = {r["id"]: r["story_id"] for r in _rows(db, "SELECT id, story_id FROM articles")}
    assert stories["a1"] == stories["a2"] and len({stories["a1"], stories["b1"], stories["c1"]}) == 3


def test_a_follow_up_that_tells_the_same_act_joins_its_story(tmp_path: Path) -> None:
    sim = standin({"Missiles": 0, "Kharkiv counts": (0, 1, 2), "Kharkiv theatre": (0, 3, 4)})  # 0.58: topic only
    follow = article("f", "Kharkiv counts the cost", "Engineers repaired the plant after the strike of Monday.",
                     "2025-11-04", [act("strike", "195", RUS, None, "2025-11-03", place=KHARKIV)])  # fmt: skip
    unrelated = article("u", "Kharkiv theatre reopens", "The theatre reopened on Tuesday.", "2025-11-04", [])
    db = store(tmp_path / "s.db", [_strike("a1", RUS, UKR), follow, unrelated], similarity=sim)
    stories = {r["id"]: r["story_id"] for r in _rows(db, "SELECT id, story_id FROM articles")}
    assert stories["f"] == stories["a1"] and stories["u"] != stories["a1"]


def test_similarity_alone_joins_within_the_window_only(tmp_path: Path) -> None:
    sim = standin({"Talks": 3})
    arts = [article(f"t{i}", f"Talks go on, day {i}", "Negotiators met again.", day, [])
            for i, day in enumerate(["2025-11-01", "2025-11-02", "2025-11-09"])]  # fmt: skip
    db = store(tmp_path / "s.db", arts, similarity=sim)
    stories = {r["id"]: r["story_id"] for r in _rows(db, "SELECT id, story_id FROM articles")}
    assert stories["t0"] == stories["t1"] != stories["t2"]
    st = _rows(db, "SELECT * FROM story_view WHERE story_id = ?", (stories["t0"],))[0]
    assert (st["first_seen"], st["last_seen"], st["num_articles"], st["title"]) == (
        "2025-11-01",
        "2025-11-02",
        2,
        "Talks go on, day 0",
    )


def test_the_model_similarity_is_the_shipped_one() -> None:
    assert Options().similarity == "model" and Options.from_settings(load_settings()).similarity == "model"
    try:
        sim = Similarity.model()
    except (TidingsError, ImportError) as exc:
        pytest.skip(f"sentence-embedding model not installed: {exc}")
    v = sim.encode(["Russian missiles hit a power plant in Kharkiv", "A Russian strike knocked out Kharkiv's plant",
                    "Japan pledges aid for Sudan"])  # fmt: skip
    assert v.shape[0] == 3 and np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-3)
    assert v[0] @ v[1] > v[0] @ v[2] + 0.2


# --------------------------------------------------------------------------------------------- store and exports


def test_views_have_the_issue_columns_and_the_worked_query_runs(tmp_path: Path) -> None:
    db = store(tmp_path / "s.db", [_strike("a1", RUS, UKR), _strike("a2", RUSGOV, UKR), _strike("a3", RUSMIL, UKR)])
    cols = [r[1] for r in _rows(db, "PRAGMA table_info(global_event_view)")]
    for c in ("global_event_id", "date", "root", "cameo", "source_code", "target_code", "place", "country",
              "num_mentions", "num_articles", "num_sources", "confidence", "first_seen", "last_seen"):  # fmt: skip
        assert c in cols, c
    story_cols = [r[1] for r in _rows(db, "PRAGMA table_info(story_view)")]
    assert {"story_id", "title", "first_seen", "last_seen", "num_articles", "num_sources"} <= set(story_cols)
    assert "global_event_id" in [r[1] for r in _rows(db, "PRAGMA table_info(events)")]
    assert "story_id" in [r[1] for r in _rows(db, "PRAGMA table_info(articles)")]
    top = _rows(
        db,
        "SELECT date, source_code, cameo, target_code, place, num_sources, sources FROM global_event_view"
        " WHERE date BETWEEN '2025-11-03' AND '2025-11-09' AND realis = 'asserted'"
        " ORDER BY num_sources DESC, num_mentions DESC LIMIT 10",
    )
    assert [tuple(r) for r in top] == [
        ("2025-11-03", "RUS", "195", "UKR", "Kharkiv", 3, "outlet-a1, outlet-a2, outlet-a3")
    ]


def test_global_exports_count_as_the_store_does(tmp_path: Path) -> None:
    db = store(
        tmp_path / "s.db",
        [_strike("a1", RUS, UKR), _strike("a2", RUSGOV, UKR, confidence=0.9), _strike("b", UKR, RUS, place=None)],
    )
    out = tmp_path / "g.csv"
    assert export(db, "csv", out, per_global=True) == 2
    with out.open() as f:
        exported = {int(r["global_event_id"]): r for r in csv.DictReader(f)}
    view = {r["global_event_id"]: r for r in _rows(db, "SELECT * FROM global_event_view")}
    assert set(exported) == set(view)
    for gid, r in exported.items():
        v = view[gid]
        assert (int(r["num_mentions"]), int(r["num_sources"]), int(r["num_articles"])) == (
            v["num_mentions"], v["num_sources"], v["num_articles"]
        )  # fmt: skip
        assert int(r["event_id"]) == v["representative_event_id"]


def test_save_without_a_joiner_leaves_articles_unjoined(tmp_path: Path) -> None:
    conn = connect(tmp_path / "s.db")
    save(conn, _strike("a1", RUS, UKR))
    assert conn.execute("SELECT story_id FROM articles").fetchone()[0] is None
    assert conn.execute("SELECT global_event_id FROM events").fetchone()[0] is None
    conn.close()


def test_an_act_left_undated_as_background_joins_nothing(tmp_path: Path) -> None:
    db = store(
        tmp_path / "s.db",
        [_strike("a1", RUS, UKR), _strike("a2", RUS, UKR, date=None, date_source="unknown")],
    )
    assert len(set(_gids(db).values())) == 2
    assert span(None, "unknown", date(2025, 11, 3), 1) is None


def test_the_explorer_lists_a_stores_global_events(tmp_path: Path) -> None:
    """The web explorer (tidings/contrib) lists global events when the store has them: the view has its columns."""
    from tidings.contrib.explorer import queries
    from tidings.contrib.explorer.filters import GLOBAL, Filters

    db = store(tmp_path / "s.db", [_strike("a1", RUS, UKR), _strike("a2", RUSGOV, UKR), _strike("b", UKR, RUS)])
    conn = sqlite3.connect(db)
    try:
        assert queries.event_source(conn) is GLOBAL
        total, rows = queries.list_events(conn, GLOBAL, Filters(source="RUS"))
        assert total == 1 and (rows[0]["num_articles"], rows[0]["place"]) == (2, "Kharkiv")
    finally:
        conn.close()


def test_one_day_of_strikes_on_two_cities_is_one_story_and_two_global_events(tmp_path: Path) -> None:
    sim = standin({"Missiles": 0, "Strike": 0})
    db = store(
        tmp_path / "s.db",
        [
            _strike("a1", RUS, UKR),
            _strike("b1", RUSMIL, UKR, title="Strike on Odesa port", place=ODESA),
            _strike("c1", RUS, UKR, title="Strike on Odesa again", place=ODESA, date="2025-11-04",
                    published="2025-11-04"),
        ],
        similarity=sim,
    )  # fmt: skip
    stories = {r["id"]: r["story_id"] for r in _rows(db, "SELECT id, story_id FROM articles")}
    assert stories["a1"] == stories["b1"] != stories["c1"]
    assert len(set(_gids(db).values())) == 3
