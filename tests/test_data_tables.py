"""The generated data tables are exactly what their converters produce, and the lexicons load."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tidings.events.lexicon import DATA, default_lexicon, load, parse_line
from tidings.events.ontology import codebook

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT.parent / "shared" / "eval" / "reference"


@pytest.mark.parametrize(
    "tool", ["build_cameo_table.py", "build_actor_tables.py", "build_phoenix_actors.py", "convert_cameo_verbs.py"]
)
def test_generated_tables_are_up_to_date(tool: str) -> None:
    if not REFERENCE.is_dir():
        pytest.skip("the converters read ../shared/eval/reference")
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tools" / tool), "--check"], capture_output=True, text=True, cwd=ROOT
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_every_lexicon_code_is_in_the_codebook() -> None:
    book = codebook()
    for name in ("event_lexicon.tsv", "event_lexicon_cameo.tsv"):
        lex = load(DATA / name)
        for table in (lex.verbs, lex.nouns):
            for patterns in table.values():
                assert all(p.code in book for p in patterns)


def test_hand_patterns_come_first_unless_a_converted_one_is_much_more_specific() -> None:
    lex = default_lexicon()
    for patterns in (*lex.verbs.values(), *lex.nouns.values()):
        hand = [i for i, p in enumerate(patterns) if p.origin == "event_lexicon.tsv"]
        if not hand:
            continue
        first_hand = patterns[hand[0]]
        for p in patterns[: hand[0]]:
            assert p.specificity >= first_hand.specificity + 2, (p.text, first_hand.text)
        for p in patterns[hand[0] :]:
            if p.origin != "event_lexicon.tsv":
                assert p.specificity < first_hand.specificity + 2 or p in patterns[: hand[0]]
    assert any(p.origin != "event_lexicon.tsv" for ps in lex.verbs.values() for p in ps)


def test_bad_pattern_lines_get_coded_errors() -> None:
    from tidings.errors import TidingsError

    for line in ("meet", "meet\t999", "meet wth=x\t040"):
        with pytest.raises(TidingsError, match=r"\[T040\]"):
            parse_line(line, "test")


def test_office_holder_table_passes_its_checks() -> None:
    # dates in order and before the cut-off, no two holders of one office at once, no name shared by two people
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "phoenix_officeholders.py"), "check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_phoenix_armed_groups_filed_by_region_or_old_code_are_kept() -> None:
    # Phoenix files some groups under a legacy country code (ANG for Angola) or a region / INT;
    # the builder maps the old code to ISO, takes the country a group's name names, and keeps the rest.
    rows = {}
    for line in (DATA / "phoenix_actors.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and not line.startswith("name\t"):
            cells = line.split("\t")
            rows[cells[0].lower()] = cells[3]
    if not rows.get("national patriotic front of liberia"):
        pytest.skip("table built without ../shared reference data")
    assert rows["national patriotic front of liberia"] == "LBRREB"  # filed under AFR; the name says Liberia
    assert rows["unita"] == "AGOREB"  # legacy ANG
    assert rows["islamic salvation front"] == "INTREB"  # no country in its names: the story gives it
    codes = "|".join(rows.values()).split("|")
    assert not any(c.startswith(("ANG", "KKL")) for c in codes)


def test_peoples_table_is_well_formed() -> None:
    from tidings.actors.lexicon import _rows

    countries = {r["iso3"] for r in _rows("countries.tsv")}
    rows = list(_rows("peoples.tsv"))
    assert len(rows) >= 10
    for row in rows:
        assert row["forms"] and row["name"] in row["forms"].split("|")
        assert row["iso3"] == "" or row["iso3"] in countries, row
