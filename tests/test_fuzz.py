"""The fast profile of the fuzzer (``tests/fuzzing.py``): a few dozen generated inputs per target.

Every entry point a byte from the outside reaches (each reader, gzip, the cleaner, the
time normaliser, the toponym recogniser, the whole pipeline and the store) must give a
result or a coded error for any input; ``make fuzz`` runs the long profile. The inputs
that found bugs are kept below as plain regression tests.
"""

from __future__ import annotations

import gzip
import json
from datetime import date

import pytest

pytest.importorskip("hypothesis")

import fuzzing

from tidings.errors import InputError

FAST = {"places": 6, "pipeline": 8, "html": 20}


@pytest.mark.parametrize("target", fuzzing.TARGETS)
def test_fast_profile(target: str) -> None:
    fuzzing.build(target, FAST.get(target, 40))()


def test_lone_surrogates_in_jsonl_are_a_coded_error() -> None:
    line = json.dumps({"id": "x", "text": "The minister said on Monday that the talks would go on."})
    bad = line.replace('"text": "', '"text": "\\ud800 ', 1)
    items = fuzzing.read_file("s.jsonl", (bad + "\n" + line + "\n").encode())
    assert isinstance(items[0], InputError) and items[0].code == "T003" and "U+D800" in str(items[0])
    assert not isinstance(items[1], InputError)  # the next line is read


def test_dates_at_the_ends_of_the_calendar_have_no_value() -> None:
    from tidings.times import normalise

    assert normalise("Friday", date(1, 1, 1)) == (None, "date", "out-of-range")
    assert normalise("next Friday", date(9999, 12, 31)) == (None, "date", "out-of-range")
    assert normalise("Friday", date(2020, 8, 16))[0] == "2020-08-14"


def test_gzip_cut_short_is_one_coded_error() -> None:
    packed = gzip.compress(b"The minister said on Monday that the talks would go on for weeks. " * 50)
    items = fuzzing.read_file("cut.txt.gz", packed[: len(packed) // 2])
    assert [i.code for i in items if isinstance(i, InputError)] == ["T061"]


def test_a_feed_link_with_an_unclosed_bracket_is_no_crash() -> None:
    from ingest_fixtures import rss

    body = "The minister said on Monday that the talks with the union would go on for another week at least."
    items = fuzzing.read_file("bracket.xml", rss([("A title", "http://[::1", body)]).encode())
    assert len(items) == 1 and not isinstance(items[0], InputError)
    assert items[0].id.startswith("t")  # an id from the text: the link is no URL
