"""Exports against the official column lists: GDELT 2.0 events and mentions, ICEWS, PLOVER; CSV, JSONL, Parquet."""

from __future__ import annotations

import csv
import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from export_fixtures import TEXT_1, TEXT_2, build_store, empty_store

from tidings.cli import cli
from tidings.errors import TidingsError
from tidings.exports import Filters, export, registry
from tidings.exports.table import csv_dtypes

ROOT = Path(__file__).resolve().parents[1]
TEXTS = {"exp-1": TEXT_1, "exp-2": TEXT_2}

# The GDELT Event Database Data Format Codebook V2.0 (2015-02-19): the events table, in order.
GDELT_EVENT_COLUMNS = [
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_Fullname",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_Fullname",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_Fullname",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
]
# Its types (the codebook's and GDELT's BigQuery schema's): the rest are strings.
GDELT_INTEGERS = {
    "GlobalEventID", "Day", "MonthYear", "Year", "IsRootEvent", "QuadClass", "NumMentions", "NumSources",
    "NumArticles", "Actor1Geo_Type", "Actor2Geo_Type", "ActionGeo_Type", "DATEADDED",
}  # fmt: skip
GDELT_FLOATS = {
    "FractionDate", "GoldsteinScale", "AvgTone", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor2Geo_Lat",
    "Actor2Geo_Long", "ActionGeo_Lat", "ActionGeo_Long",
}  # fmt: skip
# The codebook's mentions table: 16 columns.
GDELT_MENTION_COLUMNS = [
    "GlobalEventID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras",
]
MENTION_FLOATS = {"MentionDocTone"}
MENTION_STRINGS = {"MentionSourceName", "MentionIdentifier", "MentionDocTranslationInfo", "Extras"}
# ICEWS Coded Event Data (Harvard Dataverse doi:10.7910/DVN/28075), in order.
ICEWS_COLUMNS = [
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
    "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher",
    "City", "District", "Province", "Country", "Latitude", "Longitude",
]  # fmt: skip
# PLOVER manual, "Data Fields": the event record, the actor object and GeoNames' location fields.
PLOVER_FIELDS = {
    "id", "has_event", "date", "time", "enddate", "endtime", "source", "recipient", "event", "event_loc",
    "event_text", "quad_code", "event_scale", "mode", "context", "link", "text", "text_info", "cite_info", "coder",
    "coded_date", "coded_time", "comment",
}  # fmt: skip
PLOVER_ACTOR_FIELDS = {"code", "sector", "actor_text", "identifier_id", "identifier_text", "actor_loc"}
GEONAMES_FIELDS = {"geonameid", "name", "latitude", "longitude", "feature class", "country code", "cc3", "admin1 code"}

INT_RE = re.compile(r"-?\d+")
FLOAT_RE = re.compile(r"-?\d+(\.\d+)?")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("exp") / "t.db")


def _events(db: Path) -> dict[int, sqlite3.Row]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    rows = {
        int(r["id"]): r
        for r in conn.execute("SELECT e.*, a.processed_at FROM events e JOIN articles a ON a.id = e.article_id")
    }
    conn.close()
    return rows


def _tsv(path: Path, names: list[str]) -> list[dict[str, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [dict(zip(names, line.split("\t"), strict=True)) for line in lines]


def _check_types(rows: list[dict[str, str]], ints: set[str], floats: set[str]) -> None:
    for row in rows:
        for name, value in row.items():
            if value == "":
                continue
            if name in ints:
                assert INT_RE.fullmatch(value), f"{name}={value!r} is no integer"
            elif name in floats:
                assert FLOAT_RE.fullmatch(value), f"{name}={value!r} is no float"


def test_gdelt_events_have_the_codebook_columns_types_and_the_events_values(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.export.CSV"
    assert export(store, "gdelt", out) == 7  # 8 stored, the negated one left out
    rows = _tsv(out, GDELT_EVENT_COLUMNS)  # every line splits into exactly the 61 official columns
    _check_types(rows, GDELT_INTEGERS, GDELT_FLOATS)
    stored = _events(store)
    by_id = {int(r["GlobalEventID"]): r for r in rows}
    assert set(by_id) == {i for i, e in stored.items() if not e["negated"]}

    r, e = by_id[1], stored[1]  # the detention in Minsk
    assert (r["Day"], r["MonthYear"], r["Year"], r["FractionDate"]) == ("20200815", "202008", "2020", "2020.6164")
    assert (r["Actor1Code"], r["Actor1Name"], r["Actor1CountryCode"], r["Actor1Type1Code"]) == (
        e["source_code"],
        e["source_name"].upper(),
        "BLR",
        "COP",
    )
    assert (r["Actor2Code"], r["Actor2Type1Code"]) == (e["target_code"], "OPP")
    assert (r["EventCode"], r["EventBaseCode"], r["EventRootCode"]) == ("173", "173", "17")
    assert (int(r["QuadClass"]), float(r["GoldsteinScale"])) == (e["quad_class"], e["goldstein"])
    assert (int(r["NumMentions"]), r["NumSources"], r["NumArticles"]) == (e["mention_count"], "1", "1")
    assert e["mention_count"] == 2 and r["IsRootEvent"] == "1" and r["AvgTone"] == ""
    assert r["Actor1Geo_Type"] == r["Actor2Geo_Type"] == "0" and r["Actor1Geo_CountryCode"] == ""
    assert [r[f"ActionGeo_{f}"] for f in ("Type", "Fullname", "CountryCode", "ADM1Code", "ADM2Code")] == [
        "4", "Minsk, Horad Minsk, Belarus", "BO", "BO04", "",
    ]  # fmt: skip
    assert (float(r["ActionGeo_Lat"]), float(r["ActionGeo_Long"])) == (e["place_lat"], e["place_lon"])
    assert r["ActionGeo_FeatureID"] == str(e["place_geonameid"]) == "625144"
    assert r["DATEADDED"] == re.sub(r"\D", "", e["processed_at"][:19])
    assert r["SOURCEURL"] == "https://news.example.org/world/minsk-arrests"

    assert by_id[2]["EventCode"] == "051" and by_id[2]["EventRootCode"] == "05"  # codes keep their zero
    assert [by_id[2][f"ActionGeo_{f}"] for f in ("Type", "Fullname", "CountryCode", "FeatureID")] == [
        "1", "Belarus", "BO", "BO",
    ]  # fmt: skip
    ny = by_id[3]  # a US city; the UN as CAMEO splits it
    assert [ny[f"ActionGeo_{f}"] for f in ("Type", "CountryCode", "ADM1Code", "FeatureID")] == [
        "3",
        "US",
        "USNY",
        "5128581",
    ]
    assert (ny["Actor1Code"], ny["Actor1KnownGroupCode"], ny["Actor1Type1Code"], ny["IsRootEvent"]) == (
        "IGOUNO",
        "UNO",
        "IGO",
        "0",
    )
    assert ny["Day"] == "20200816"  # its date says only "2020-08": the publication day, which agrees
    assert [by_id[5][f"ActionGeo_{f}"] for f in ("Type", "CountryCode", "ADM1Code")] == ["5", "AM", "AM10"]
    assert by_id[5]["Actor1KnownGroupCode"] == "IRC" and by_id[5]["Actor1Type2Code"] == "HLH"
    assert [by_id[6][f"ActionGeo_{f}"] for f in ("Type", "ADM1Code")] == ["2", "USTX"]
    assert by_id[6]["Actor1Code"] == "" and by_id[7]["ActionGeo_Type"] == "0"
    assert by_id[7]["SOURCEURL"] == "Armenia and Azerbaijan trade fire (2021-11-17)"  # no URL: a citation


def test_gdelt_keeps_negated_events_only_when_asked(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.tsv"
    assert export(store, "gdelt", out, filters=Filters.of(include_negated=True)) == 8
    assert "4" in {line.split("\t")[0] for line in out.read_text().splitlines()}


def test_gdelt_mentions_have_the_codebook_columns_and_point_at_the_text(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "mentions.CSV"
    n = export(store, "gdelt-mentions", out)
    rows = _tsv(out, GDELT_MENTION_COLUMNS)
    ints = set(GDELT_MENTION_COLUMNS) - MENTION_FLOATS - MENTION_STRINGS
    _check_types(rows, ints, MENTION_FLOATS)
    stored = _events(store)
    assert n == len(rows) == sum(e["mention_count"] for e in stored.values() if not e["negated"])
    for r in rows:
        e = stored[int(r["GlobalEventID"])]
        text = TEXTS[e["article_id"]]
        action = int(r["ActionCharOffset"])
        assert text[action:].startswith(("detain", "fire")) or action == e["trigger_start"]
        if int(r["Actor1CharOffset"]) >= 0:
            assert text[int(r["Actor1CharOffset"]) :].startswith(e["source_text"])
        if int(r["Actor2CharOffset"]) >= 0:
            assert text[int(r["Actor2CharOffset"]) :].startswith(e["target_text"])
        assert int(r["Confidence"]) == round(e["confidence"] * 100)
        assert int(r["MentionDocLen"]) == len(text)
        assert r["EventTimeDate"] == r["MentionTimeDate"] == re.sub(r"\D", "", e["processed_at"][:19])
        assert r["SentenceID"] == "" and r["InRawText"] == "1"
    first = [r for r in rows if r["GlobalEventID"] == "1"]
    assert [r["ActionCharOffset"] for r in first] == [str(TEXT_1.index("detained")), str(TEXT_1.index("detain"))]
    assert first[0]["MentionType"] == "1" and first[0]["MentionSourceName"] == "Example News"
    assert {r["MentionType"] for r in rows if r["GlobalEventID"] == "7"} == {"2"}  # no URL: CITATIONONLY


def test_icews_has_the_coded_event_columns(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.tab"
    export(store, "icews", out)
    with out.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t")
        assert reader.fieldnames == ICEWS_COLUMNS
        rows = {r["Event ID"]: r for r in reader}
    r = rows["1"]
    assert (r["Event Date"], r["Source Name"], r["Source Sectors"], r["Source Country"]) == (
        "2020-08-15", "Belarus police", "Police forces", "Belarus",
    )  # fmt: skip
    assert (r["Event Text"], r["CAMEO Code"], float(r["Intensity"])) == (
        "Arrest, detain, or charge with legal action", "173", -5.0,
    )  # fmt: skip
    assert (r["Target Name"], r["Target Sectors"], r["Publisher"]) == (
        "Belarus protesters",
        "Political opposition",
        "Example News",
    )
    assert (r["City"], r["Province"], r["Country"], float(r["Latitude"])) == (
        "Minsk",
        "Horad Minsk",
        "Belarus",
        53.90019,
    )
    assert r["Story ID"].isdigit() and r["Story ID"] != rows["7"]["Story ID"]
    assert (rows["5"]["City"], rows["5"]["Province"]) == ("", "Vayots Dzor Province")


def test_plover_uses_the_specifications_field_names(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.plover.jsonl"
    export(store, "plover", out)
    records = {r["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    extras = {"cameo", "goldstein", "modality", "negated", "confidence"}
    for r in records.values():
        assert {"id", "date", "source", "event"} <= set(r) <= PLOVER_FIELDS | extras
        for actor in r["source"] + r["recipient"]:
            assert set(actor) - {"cameo_code", "start", "end"} <= PLOVER_ACTOR_FIELDS
        if r["event_loc"]:
            assert set(r["event_loc"]) - {"feature"} <= GEONAMES_FIELDS
    r = records["1"]
    assert (r["date"], r["event"], r["mode"], r["context"], r["quad_code"]) == (
        "2020-08-15",
        ["COERCE"],
        ["arrest"],
        ["legal"],
        4,
    )
    src = r["source"][0]
    assert (src["code"], src["sector"], src["actor_text"]) == ("BLR", "COP", "Belarusian police")
    assert TEXT_1[src["start"] : src["end"]] == src["actor_text"]
    loc = r["event_loc"]
    assert (loc["geonameid"], loc["country code"], loc["cc3"], loc["admin1 code"], loc["feature class"]) == (
        625144,
        "BY",
        "BLR",
        "04",
        "P",
    )
    assert TEXT_1[r["text_info"]["start"] : r["text_info"]["end"]] == r["text"]
    assert r["cite_info"]["url"] == "https://news.example.org/world/minsk-arrests"
    assert records["2"]["recipient"][0]["identifier_id"] == "Q39599"
    assert records["3"]["source"][0]["code"] == "IGO" and records["3"]["context"] == []


def test_csv_opens_in_pandas_with_typed_columns(store: Path, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    out = tmp_path / "events.csv"
    export(store, "csv", out)
    df = pd.read_csv(out, dtype=csv_dtypes())
    assert len(df) == 7
    assert str(df["event_id"].dtype) == "Int64" and str(df["trigger_start"].dtype) == "Int64"
    assert str(df["goldstein"].dtype) == "float64" and str(df["confidence"].dtype) == "float64"
    assert str(df["cameo"].dtype) == "string" and set(df["cameo"]) >= {"051", "073"}
    for row in df.itertuples():  # every offset points at its text
        text = TEXTS[row.article_id]
        assert text[row.trigger_start : row.trigger_end] == row.trigger
        assert text[row.sentence_start :].startswith(row.sentence)
        if not pd.isna(row.source_start):
            assert text[row.source_start : row.source_end] == row.source_text
    plain = pd.read_csv(out)  # without dtypes numbers are still numbers
    assert plain["goldstein"].dtype.kind == "f" and plain["event_id"].dtype.kind == "i"


def test_jsonl_keeps_every_field(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    export(store, "jsonl", out)
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    stored = _events(store)
    for r in rows:
        e = stored[r["event_id"]]
        assert all(r[k] == e[k] for k in e.keys() if k not in ("id", "processed_at"))  # noqa: SIM118
        assert r["article_processed_at"] == e["processed_at"]


def test_parquet_dataset_and_file_count_the_stored_events_in_duckdb(store: Path, tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    everything = Filters.of(include_negated=True)
    n = export(store, "parquet", tmp_path / "export", filters=everything)
    stored = sqlite3.connect(store).execute("SELECT count(*) FROM events").fetchone()[0]
    assert n == stored == 8
    assert sorted(p.relative_to(tmp_path).as_posix() for p in (tmp_path / "export").rglob("*.parquet")) == [
        "export/year=2020/month=08/part-0.parquet",
        "export/year=2021/month=11/part-0.parquet",
    ]
    glob = (tmp_path / "export").as_posix() + "/**/*.parquet"
    assert duckdb.sql(f"SELECT count(*) FROM '{glob}'").fetchall()[0][0] == stored
    assert duckdb.sql(f"SELECT cameo FROM '{glob}' WHERE event_id = 2").fetchall()[0][0] == "051"
    export(store, "parquet", tmp_path / "events.parquet", filters=everything)
    assert (tmp_path / "events.parquet").is_file()
    assert duckdb.sql(f"SELECT count(*) FROM '{tmp_path / 'events.parquet'}'").fetchall()[0][0] == stored


@pytest.mark.parametrize("fmt", ["gdelt", "gdelt-mentions", "icews", "plover", "csv", "jsonl", "parquet"])
def test_an_empty_store_exports_a_valid_empty_file(tmp_path: Path, fmt: str) -> None:
    db = empty_store(tmp_path / "empty.db")
    out = tmp_path / ("out.parquet" if fmt == "parquet" else f"out.{fmt}")
    assert export(db, fmt, out) == 0
    assert out.is_file()
    if fmt == "parquet":
        pq = pytest.importorskip("pyarrow.parquet")
        table = pq.read_table(out)
        assert table.num_rows == 0 and "event_id" in table.column_names
    elif fmt == "csv":
        pd = pytest.importorskip("pandas")
        df = pd.read_csv(out, dtype=csv_dtypes())
        assert len(df) == 0 and list(df.columns)[:2] == ["event_id", "global_event_id"]
    elif fmt == "icews":
        assert out.read_text().splitlines() == ["\t".join(ICEWS_COLUMNS)]
    else:
        assert out.read_text() == ""


def test_an_empty_partitioned_dataset_is_still_readable(tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    db = empty_store(tmp_path / "empty.db")
    export(db, "parquet", tmp_path / "export")
    assert duckdb.sql(f"SELECT count(*) FROM '{(tmp_path / 'export').as_posix()}/**/*.parquet'").fetchall()[0][0] == 0


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--format", "gdlet"], "T081"),
        (["--format", "gdelt", "--since", "2020-02-30"], "T080"),
        (["--format", "gdelt", "--until", "yesterday"], "T080"),
        (["--format", "gdelt", "--since", "2021-01-01", "--until", "2020-01-01"], "T080"),
        (["--format", "gdelt", "--country", "Belarus"], "T080"),
        (["--format", "gdelt", "--dyad", "ARM"], "T080"),
        (["--format", "gdelt", "--root", "21"], "T080"),
        (["--format", "gdelt", "--min-confidence", "high"], "T080"),
        (["--format", "gdelt", "--min-confidence", "1.5"], "T080"),
        (["--format", "gdelt", "--global"], "T082"),
        (["--format", "parquet"], "T084"),
    ],
)
def test_bad_filters_and_formats_give_one_coded_line(store: Path, tmp_path: Path, args: list[str], code: str) -> None:
    out = tmp_path / "never.txt"
    result = CliRunner().invoke(
        cli, ["export", "--db", str(store), *args, *(["--out", str(out)] * ("parquet" not in args))]
    )
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and f"[{code}]" in lines[0], result.output
    assert not out.exists() and not list(tmp_path.iterdir())


def test_the_cli_writes_to_stdout_without_out(store: Path) -> None:
    result = CliRunner().invoke(
        cli, ["export", "--db", str(store), "--format", "gdelt", "--root", "19", "--country", "arm"]
    )
    assert result.exit_code == 0
    assert [line.split("\t")[26] for line in result.output.splitlines()] == ["190"]


def test_filters_select_by_day_country_dyad_root_and_confidence(store: Path, tmp_path: Path) -> None:
    def ids(**kw: Any) -> list[int]:
        out = tmp_path / "f.jsonl"
        export(store, "jsonl", out, filters=Filters.of(**kw))
        return [json.loads(line)["event_id"] for line in out.read_text().splitlines()]

    assert ids(since="2021-01-01") == [7, 8]
    assert ids(until="2020-08-15") == [1, 2]
    assert ids(country="USA") == [3, 6]
    assert ids(dyad="AZE:ARM") == ids(dyad="ARM:AZE") == [7, 8]
    assert ids(root=["17", "5"]) == [1, 2]
    assert ids(min_confidence=0.7) == [1, 2, 7]
    assert ids(country="POL") == [] and ids(country="POL", include_negated=True) == [4]


def test_a_failed_export_leaves_the_previous_file(store: Path, tmp_path: Path) -> None:
    class Broken:
        NAME, KIND, DESCRIPTION = "broken", "text", "writes one line, then fails"

        def write(self, records: Any, reader: Any, target: Any, options: dict[str, Any]) -> int:
            target.write("half\n")
            raise OSError("disk full")

    out = tmp_path / "events.txt"
    out.write_text("previous\n")
    registry.register(Broken())
    try:
        with pytest.raises(TidingsError, match=r"\[T084\]"):
            export(store, "broken", out)
    finally:
        registry.unregister("broken")
    assert out.read_text() == "previous\n" and [p.name for p in tmp_path.iterdir()] == ["events.txt"]


def _with_global_events(db: Path) -> None:
    """Global events set by hand (the store's global_events table, each event's global id)."""
    conn = sqlite3.connect(db)
    conn.executemany(
        "INSERT INTO global_events (global_event_id, root, cameo, realis) VALUES (?, '17', '173', 'asserted')",
        [(100,), (101,)],
    )
    conn.execute("UPDATE events SET global_event_id = 100 WHERE id IN (1, 7)")  # one story told by both articles
    conn.execute("UPDATE events SET global_event_id = 101 WHERE id = 2")
    conn.commit()
    conn.close()


def test_global_exports_count_mentions_sources_and_articles_over_reports(tmp_path: Path) -> None:
    db = build_store(tmp_path / "g.db")
    _with_global_events(db)
    out = tmp_path / "global.tsv"
    assert export(db, "gdelt", out, per_global=True) == 2
    rows = {r["GlobalEventID"]: r for r in _tsv(out, GDELT_EVENT_COLUMNS)}
    assert set(rows) == {"100", "101"}
    g = rows["100"]
    assert (g["NumMentions"], g["NumSources"], g["NumArticles"]) == ("4", "2", "2")
    assert g["EventCode"] == "190"  # the most confident report (0.9, against 0.83) stands for the event
    mentions = tmp_path / "global.mentions"
    export(db, "gdelt-mentions", mentions, per_global=True)
    assert [r["GlobalEventID"] for r in _tsv(mentions, GDELT_MENTION_COLUMNS)] == ["100"] * 4 + ["101"]
    per_mention = tmp_path / "per.csv"
    export(db, "csv", per_mention)
    with per_mention.open() as f:
        assert {r["event_id"]: r["global_event_id"] for r in csv.DictReader(f)}["7"] == "100"


def test_export_codes_tables_are_up_to_date() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_export_codes.py"), "--check"], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_sample_corpus_exports_end_to_end(tmp_path: Path) -> None:
    """Articles through the whole pipeline into a store, then out as GDELT, CSV and Parquet."""
    import itertools

    from tidings.config import load_settings
    from tidings.readers import read_jsonl
    from tidings.runner import run
    from tidings.sinks import SQLiteSink

    sample = ROOT / "tidings" / "data" / "sample" / "articles.jsonl"
    few = tmp_path / "few.jsonl"
    few.write_text("".join(itertools.islice(sample.open(encoding="utf-8"), 3)), encoding="utf-8")
    assert len(list(read_jsonl(few, load_settings(), None))) == 3
    db = tmp_path / "sample.db"
    run([str(few)], sink=SQLiteSink(db))
    conn = sqlite3.connect(db)
    stored, kept = conn.execute("SELECT count(*), sum(negated = 0) FROM events").fetchone()
    countries = dict(conn.execute("SELECT id, place_country FROM events"))
    conn.close()
    assert stored > 10

    gdelt = tmp_path / "events.tsv"
    assert export(db, "gdelt", gdelt) == kept
    rows = _tsv(gdelt, GDELT_EVENT_COLUMNS)
    _check_types(rows, GDELT_INTEGERS, GDELT_FLOATS)
    from tidings.exports import codes

    for r in rows:
        assert r["ActionGeo_Type"] in {"0", "1", "2", "3", "4", "5"}
        if r["ActionGeo_Type"] != "0":
            assert r["ActionGeo_CountryCode"] == codes.fips(countries[int(r["GlobalEventID"])])
    pd = pytest.importorskip("pandas")
    export(db, "csv", tmp_path / "events.csv")
    assert len(pd.read_csv(tmp_path / "events.csv", dtype=csv_dtypes())) == kept
    duckdb = pytest.importorskip("duckdb")
    export(db, "parquet", tmp_path / "export", filters=Filters.of(include_negated=True))
    glob = (tmp_path / "export").as_posix() + "/**/*.parquet"
    assert duckdb.sql(f"SELECT count(*) FROM '{glob}'").fetchall()[0][0] == stored
