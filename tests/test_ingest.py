"""Readers chosen by content: text, HTML, JSONL, feeds, WARC, gzip, stdin, directories; bad input never crashes."""

from __future__ import annotations

import gzip
import io
import json
import os
from dataclasses import replace
from pathlib import Path

import pytest
from ingest_fixtures import atom, html_page, read, response_record, rss, story, warc_record

from tidings.config import Settings, load_settings
from tidings.readers import article_id, canonical_url, sniff


@pytest.fixture(scope="module")
def settings() -> Settings:
    return replace(load_settings(), max_html_bytes=300_000)


def test_sniffing_uses_content_before_the_name() -> None:
    assert sniff(b"WARC/1.0\r\nWARC-Type: warcinfo", "crawl.bin") == "warc"
    assert sniff(b"<!DOCTYPE html><html><body>", "story.txt") == "html"
    assert sniff(b'<?xml version="1.0"?><rss version="2.0"><channel>', "news.xml") == "feed"
    assert sniff(b'<feed xmlns="http://www.w3.org/2005/Atom">', "x") == "feed"
    assert sniff(b'{"id": "a", "text": "..."}\n', "batch.txt") == "jsonl"
    assert sniff(b"https://example.org/a\n# a comment\nhttp://example.org/b\n", "list.txt") == "urls"
    assert sniff(b"Police in the capital said on Monday", "story.html") == "text"
    assert sniff(b"not xml at all", "news.rss") == "feed"
    assert sniff(b"Police said", "a.txt") == "text"


def test_ids_come_from_the_canonical_url_else_the_text() -> None:
    a = article_id("x", "HTTPS://Example.org:443/world/story?utm_source=tw&id=7#comments")
    assert a == article_id("y", "https://example.org/world/story?id=7")
    assert a != article_id("x", "https://example.org/world/story?id=8")
    assert canonical_url("http://EXAMPLE.org") == "http://example.org/"
    assert article_id("Some  Text", None) == article_id("some text", None)


def test_html_file_gives_text_and_metadata(tmp_path: Path, settings: Settings) -> None:
    page = tmp_path / "saved.html"
    page.write_text(html_page(1, url="https://ledger.example.org/world/talks-1"), encoding="utf-8")
    arts, errs = read(settings, str(page))
    assert not errs
    (a,) = arts
    assert "Negotiators from the two governments" in a.raw and "Hauliers" in a.raw
    assert "Markets rise" not in a.raw and "Copyright" not in a.raw and "World" not in a.raw.split("\n")[0]
    assert a.title and a.title.startswith("Talks in")
    assert a.author == "Mara Ionescu" and a.published == "2024-03-05" and a.source == "The Daily Ledger"
    assert a.input == str(page) and a.id == article_id("", "https://ledger.example.org/world/talks-1")


def test_gzip_of_every_kind_and_a_directory(tmp_path: Path, settings: Settings) -> None:
    _, body0 = story(0)
    _, body1 = story(1)
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(body0.encode()))
    (tmp_path / "sub" / "b.html.gz").write_bytes(gzip.compress(html_page(2).encode()))
    records = [json.dumps({"id": f"j{n}", "text": story(n)[1], "date": "2024-01-02"}) for n in (3, 4)]
    (tmp_path / "sub" / "c.jsonl.gz").write_bytes(gzip.compress("\n".join(records).encode()))
    (tmp_path / "d.rss.gz").write_bytes(gzip.compress(rss([("T", "https://ex.org/5", story(5)[1])]).encode()))
    (tmp_path / "notes.md").write_text(body1, encoding="utf-8")  # not a file kind tidings reads
    arts, errs = read(settings, str(tmp_path))
    assert not errs
    assert [Path(a.input or "").name for a in arts] == ["a.txt.gz", "d.rss.gz", "b.html.gz", "c.jsonl.gz", "c.jsonl.gz"]
    assert [a.id for a in arts if a.id.startswith("j")] == ["j3", "j4"]
    assert arts[1].url == "https://ex.org/5" and arts[1].published == "2024-03-05"


def test_truncated_gzip_keeps_what_was_read(tmp_path: Path, settings: Settings) -> None:
    # Random bytes in each record keep the gzip stream long, so the cut falls after a few records.
    records = ({"id": f"r{n}", "text": story(n)[1], "ref": os.urandom(3000).hex()} for n in range(6))
    lines = "\n".join(json.dumps(r) for r in records).encode()
    packed = gzip.compress(lines)
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(packed[: len(packed) * 2 // 3])
    arts, errs = read(settings, str(path))
    assert 1 <= len(arts) < 6
    assert len(errs) == 1 and errs[0].code == "T061" and str(path) in str(errs[0])


def test_stdin(settings: Settings) -> None:
    _, body = story(6)
    arts, errs = read(settings, "-", stdin=io.BytesIO(gzip.compress(html_page(6).encode())))
    assert not errs and arts[0].input == "<stdin>" and "Hauliers" in arts[0].raw
    arts, errs = read(settings, "-", stdin=io.BytesIO(body.encode()))
    assert not errs and arts[0].raw == body


def test_bad_input_of_every_kind_is_one_clear_error(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "broken.html").write_text("<html><body><<p>>Half</ a <div><table><tr><td>&#xZZ;", encoding="utf-8")
    (tmp_path / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    (tmp_path / "huge.html").write_text("<html><body>" + "<p>word word word</p>" * 20_000, encoding="utf-8")
    (tmp_path / "bad.rss").write_text("this is not a feed, just words", encoding="utf-8")
    (tmp_path / "empty.xml").write_text('<?xml version="1.0"?><rss version="2.0"><channel/></rss>', encoding="utf-8")
    (tmp_path / "fr.html").write_text(
        "<html><body><article>"
        + "<p>La police a arrêté douze militants de l'opposition mardi après une manifestation dans la capitale, "
        "selon le ministère de l'Intérieur, qui a précisé que les militants seraient libérés mercredi.</p>"
        * 3
        + "</article></body></html>",
        encoding="utf-8",
    )
    arts, errs = read(settings, str(tmp_path))
    by_name = {Path(str(e).split(": ", 1)[0].removeprefix("[")[5:]).name: e.code for e in errs}
    assert not arts
    assert by_name.pop("broken.html") in ("T001", "T006")  # too short or no text: either is a clear reason
    assert by_name == {
        "image.html": "T002",
        "huge.html": "T004",
        "bad.rss": "T062",
        "empty.xml": "T062",
        "fr.html": "T005",
    }
    arts, errs = read(replace(settings, min_english=0.0), str(tmp_path / "fr.html"))
    assert len(arts) == 1 and not errs  # --lang-any


def test_feeds_rss_and_atom(tmp_path: Path, settings: Settings) -> None:
    items = [(story(n)[0], f"https://ex.org/{n}", story(n)[1].replace("\n\n", "<br/><br/>")) for n in (1, 2)]
    items.append(("Teaser", "https://ex.org/3", "Only a line."))
    (tmp_path / "f.xml").write_text(rss(items), encoding="utf-8")
    (tmp_path / "g.atom").write_text(atom(items[:1]), encoding="utf-8")
    arts, errs = read(settings, str(tmp_path / "f.xml"), str(tmp_path / "g.atom"))
    assert [a.url for a in arts] == ["https://ex.org/1", "https://ex.org/2", "https://ex.org/1"]
    assert arts[0].raw.count("\n\n") == 2 and arts[0].title == story(1)[0]
    assert arts[2].published == "2024-03-06" and arts[0].id == arts[2].id  # one story, two feeds, one id
    assert len(errs) == 1 and errs[0].code == "T001" and "https://ex.org/3" in str(errs[0])


def _warc(n_pages: int) -> bytes:
    out = [warc_record("warcinfo", "", b"software: tidings tests\r\n", "application/warc-fields")]
    for n in range(n_pages):
        uri = f"https://ledger.example.org/world/{n}"
        out.append(warc_record("request", uri, b"GET / HTTP/1.1\r\n\r\n", "application/http; msgtype=request"))
        out.append(response_record(uri, html_page(n).encode()))
    out.append(response_record("https://ledger.example.org/gone", b"gone", status="404 Not Found"))
    out.append(response_record("https://ledger.example.org/logo.png", b"\x89PNG", content_type="image/png"))
    return b"".join(out)


def test_warc_html_responses_become_articles(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(_warc(3))
    arts, errs = read(settings, str(path))
    assert not errs
    assert [a.url for a in arts] == [f"https://ledger.example.org/world/{n}" for n in range(3)]
    assert all(a.input == str(path) and "Hauliers" in a.raw for a in arts)
    wet = tmp_path / "crawl.warc.wet.gz"
    wet.write_bytes(warc_record("conversion", "https://ex.org/t", story(4)[1].encode(), "text/plain"))
    arts, errs = read(settings, str(wet))
    assert not errs and arts[0].raw == story(4)[1] and arts[0].url == "https://ex.org/t"


def test_truncated_warc_gives_its_records_and_one_error(tmp_path: Path, settings: Settings) -> None:
    data = _warc(4)
    last = response_record("https://ledger.example.org/world/cut", html_page(9).encode())
    path = tmp_path / "clipped.warc.gz"
    path.write_bytes(data + last[: len(last) // 2])
    arts, errs = read(settings, str(path))
    assert len(arts) == 4
    assert len(errs) == 1 and errs[0].code == "T061"
    plain = tmp_path / "clipped.warc"
    plain.write_bytes(gzip.decompress(data + last)[:-500])
    arts, errs = read(settings, str(plain))
    assert len(arts) == 4 and [e.code for e in errs] == ["T061"] and "truncated WARC record" in str(errs[0])


def test_shared_warc_excerpts(eval_data_dir: Path, settings: Settings) -> None:
    base = eval_data_dir / "warc"
    arts, errs = read(settings, str(base / "warcfile.warc.gz"))
    assert len(arts) + len(errs) == 16  # its 16 HTML responses, most of them not English
    assert all(e.code == "T005" for e in errs)
    arts, errs = read(settings, str(base / "clipped.warc.gz"))
    assert not arts and len(errs) == 1 and errs[0].code == "T061" and "truncated" in str(errs[0])
    arts, errs = read(replace(settings, min_english=0.0), str(base / "whirlwind.warc.wet.gz"))
    assert len(arts) == 1 and not errs


def test_list_like_english_is_read_and_foreign_prose_is_not() -> None:
    from tidings.readers import looks_english

    scores = (
        "Boys basketball: Viera 61, Rockledge 48. Leading scorers: for Viera, Sam Ortiz 22 and "
        "Jay Bell 14; for Rockledge, Tim Cole 19. Records: Viera 5-0, Rockledge 3-2. Next: Viera at "
        "Melbourne on Friday, Rockledge hosts Palm Bay."
    )
    spanish = (
        "El ministro dijo que la reunión con los sindicatos se celebrará en Madrid el lunes y que el "
        "gobierno no piensa cambiar la reforma de las pensiones."
    )
    japanese = "首相は月曜日に東京で記者会見を開き、Kindle と KeePass について話した。" * 3
    assert looks_english(scores, 0.12)[0]
    assert not looks_english(spanish, 0.12)[0]
    assert not looks_english(japanese, 0.12)[0]
    assert looks_english(spanish, 0.0)[0]  # --lang-any
