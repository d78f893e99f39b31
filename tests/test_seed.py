"""The walking skeleton's acceptance test on the specimen article (issue 3).

The article is read from ../shared at test time (its text never enters the
repository); the test is skipped on a clone without ../shared.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def record(seed_path: Path) -> dict[str, Any]:
    """The --json record of the seed, produced by the real CLI."""
    out = subprocess.run(
        [sys.executable, "-m", "tidings", "process", str(seed_path), "--date", "2020-08-16", "--json"],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    lines = [ln for ln in out.stdout.splitlines() if ln.strip()]
    assert len(lines) == 1, out.stderr
    rec: dict[str, Any] = json.loads(lines[0])
    return rec


def _country(ref: dict[str, Any] | None) -> str | None:
    return None if ref is None else (ref.get("country") or ref["code"][:3])


def _has(
    events: list[dict[str, Any]], src: set[str], tgt: set[str] | None, roots: set[str], date: str | None = None
) -> bool:
    for e in events:
        if e["root"] not in roots or e["negated"]:
            continue
        if _country(e["source"]) not in src:
            continue
        if tgt is not None and _country(e["target"]) not in tgt:
            continue
        if date is not None and e["date"] != date:
            continue
        return True
    return False


def test_record_validates_against_the_contract(record: dict[str, Any], article_schema: dict[str, Any]) -> None:
    jsonschema.validate(record, article_schema)
    assert record["published"] == "2020-08-16"
    assert record["input"].endswith("000_8f90abbaab45254c.txt")


def test_seed_events(record: dict[str, Any]) -> None:
    ev = record["events"]
    found = {
        "call 04 BLR<->RUS on 2020-08-15": _has(ev, {"BLR"}, {"RUS"}, {"04"}, "2020-08-15")
        or _has(ev, {"RUS"}, {"BLR"}, {"04"}, "2020-08-15"),
        "Russia backs Lukashenko 05": _has(ev, {"RUS"}, {"BLR"}, {"05"}),
        "Belarusians protest 14": _has(ev, {"BLR"}, None, {"14"}),
        "riot police violence 17/18": _has(ev, {"BLR"}, {"BLR"}, {"17", "18"}),
        "opposes unification with Russia 12/11": _has(ev, {"BLR"}, {"RUS"}, {"12", "11"}),
        "criticised Russia 11": _has(ev, {"BLR"}, {"RUS"}, {"11"}),
        "detained 33 Russians 17": _has(ev, {"BLR"}, {"RUS"}, {"17"}),
        "blame on Poland 11": _has(ev, {"BLR"}, {"POL"}, {"11"}),
        "returned the Russians 08 on 2020-08-14": _has(ev, {"BLR"}, {"RUS"}, {"08"}, "2020-08-14"),
    }
    missing = [k for k, ok in found.items() if not ok]
    # The issue asks for 7 of 9; all 9 are coded today, so hold that line.
    assert not missing, f"not coded: {missing}"


def test_event_offsets_point_into_the_cleaned_text(record: dict[str, Any]) -> None:
    text = record["text"]
    for e in record["events"]:
        t = e["trigger"]
        assert text[t["start"] : t["end"]] == t["text"]
        for side in ("source", "target"):
            ref = e[side]
            if ref is not None:
                assert text[ref["start"] : ref["end"]] == ref["text"]
    for item in record["quotes"] + record["places"] + record["times"]:
        assert text[item["start"] : item["end"]] == item["text"]


def test_kremlin_quotes_have_speaker_rusgov(record: dict[str, Any]) -> None:
    marked = [q for q in record["quotes"] if q["kind"] in ("direct", "partial")]
    kremlin = [q for q in marked if q["speaker"] and q["speaker"]["code"] == "RUSGOV"]
    assert len(kremlin) >= 2
    # The first words of each of the two full quotes, read from the seed itself.
    assert any(q["text"].startswith("Both sides") for q in kremlin)
    assert any(q["text"].startswith("the most important thing") for q in kremlin)


def test_partial_quotes_after_it_also_said_are_rusgov(record: dict[str, Any]) -> None:
    # "It" there is the Kremlin of the sentence before: its partial quotes are the Kremlin's too.
    at = record["text"].index("It also said")
    later = [q for q in record["quotes"] if q["kind"] in ("direct", "partial") and q["start"] > at]
    assert len(later) >= 2
    assert all(q["speaker"] and q["speaker"]["code"] == "RUSGOV" for q in later)


def test_no_scare_quote_is_a_quote(record: dict[str, Any]) -> None:
    assert all(len(q["text"].split()) > 1 for q in record["quotes"])


def test_places_have_iso3(record: dict[str, Any]) -> None:
    # The toponym as written ("the Netherlands" may be named "The Netherlands" by GeoNames).
    places = {(p["text"], p["country"]) for p in record["places"] if p["geonameid"]}
    for name, iso3 in [("Belarus", "BLR"), ("Moscow", "RUS"), ("Poland", "POL"), ("Netherlands", "NLD")]:
        assert (name, iso3) in places, f"{name} not resolved to {iso3}"


def test_relative_dates(record: dict[str, Any]) -> None:
    values = {t["text"]: t["value"] for t in record["times"]}
    assert values.get("Saturday") == "2020-08-15"
    assert values.get("Friday") == "2020-08-14"
    assert values.get("last Sunday") == "2020-08-09"


def test_nothing_from_promo_lines(record: dict[str, Any], seed_path: Path) -> None:
    raw = seed_path.read_text(encoding="utf-8")
    promo = [ln.strip() for ln in raw.splitlines() if ln.strip().lower().startswith("also read")]
    assert promo, "the seed has promo lines; this test must see them"
    for line in promo:
        assert line not in record["text"]
    # Nothing can point into text that is not there; and the promo words are gone.
    assert "Also Read" not in record["text"]
