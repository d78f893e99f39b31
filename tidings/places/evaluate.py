"""Score the places stage on GeoWebNews and TR-News (``python -m tidings.places.evaluate``).

Gold offsets index the raw gold text; tidings' offsets index the cleaned text,
so each gold span is mapped through :class:`tidings.eval.align.Alignment`.
A gold toponym is *found* when a predicted place overlaps its mapped span
(the one overlapping most wins). Figures, over gold toponyms with coordinates
(a missed toponym counts wrong in every accuracy):

* recall: found / gold; precision: predicted places that overlap a gold
  toponym with coordinates / predicted places;
* country: predicted ISO3 equals the gold's (the gold geonameid's country when
  the gazetteer knows the id, else the country of the nearest gazetteer city);
* exact: predicted geonameid equals the gold's (over gold with an id);
* acc@161: predicted point within 161 km of the gold point; ``acc161_id`` also
  counts a predicted geonameid equal to the gold's (tidings' country and
  division points are not GeoNames' own, see tidings/data/README.md);
  ``found_acc161`` is acc@161 over the toponyms found (resolution alone).

``--subset`` also reports the figures without gold spans whose text is a
nationality adjective ("Syrian forces"): GWN annotates those as toponyms,
tidings treats them as country context, not places.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tidings.eval.align import Alignment
from tidings.eval.datasets import GeoArticle, Toponym, load_geo_gwn, load_geo_trnews
from tidings.eval.metrics import haversine_km
from tidings.model import Article, Place
from tidings.places.gazetteer import Gazetteer, gazetteer, nationality_words

DEFAULT_DATA = Path(__file__).resolve().parents[3] / "shared" / "eval"


@dataclass
class Tally:
    gold: int = 0
    gold_with_id: int = 0
    gold_with_country: int = 0
    found: int = 0
    country: int = 0
    exact: int = 0
    acc161: int = 0
    acc161_id: int = 0
    predicted: int = 0
    predicted_hit: int = 0
    errors: list[dict[str, object]] = field(default_factory=list)

    def row(self) -> dict[str, float | int]:
        def r(a: int, b: int) -> float:
            return round(a / b, 4) if b else 0.0

        return {
            "gold": self.gold,
            "recall": r(self.found, self.gold),
            "precision": r(self.predicted_hit, self.predicted),
            "country_acc": r(self.country, self.gold_with_country),
            "exact_id": r(self.exact, self.gold_with_id),
            "acc161": r(self.acc161, self.gold),
            "acc161_id": r(self.acc161_id, self.gold),
            "found_acc161": r(self.acc161, self.found),
        }


def _gold_countries(gaz: Gazetteer) -> tuple[dict[int, str], list[tuple[float, float, str]]]:
    """Country of every id the gazetteer knows, and city points for a nearest-city fallback."""
    by_id: dict[int, str] = {}
    points: list[tuple[float, float, str]] = []
    for e in gaz.iter_entries():
        if e.geonameid is not None and e.country:
            by_id[e.geonameid] = e.country
        if e.feature == "city" and e.country and e.lat is not None and e.lon is not None:
            points.append((e.lat, e.lon, e.country))
    return by_id, points


class _Nearest:
    """Nearest city by a coarse 1-degree grid (the eval's reverse geocoder)."""

    def __init__(self, points: list[tuple[float, float, str]]) -> None:
        self.grid: dict[tuple[int, int], list[tuple[float, float, str]]] = {}
        for p in points:
            self.grid.setdefault((math.floor(p[0]), math.floor(p[1])), []).append(p)

    def country(self, lat: float, lon: float) -> str | None:
        best: tuple[float, str] | None = None
        for r in range(4):
            for dy in range(-r, r + 1):
                for dx in range(-r, r + 1):
                    if max(abs(dy), abs(dx)) != r:
                        continue
                    for p in self.grid.get((math.floor(lat) + dy, math.floor(lon) + dx), ()):
                        d = haversine_km(lat, lon, p[0], p[1])
                        if best is None or d < best[0]:
                            best = (d, p[2])
            if best is not None and best[0] < 111 * r:
                break
        return best[1] if best is not None and best[0] < 300 else None


def _parsed(items: Sequence[GeoArticle], cache: Path | None) -> Iterator[Article]:
    """Articles after clean + nlp, parsed once and cached as a DocBin when ``cache`` is given."""
    from spacy.tokens import DocBin

    from tidings.clean import Cleaner
    from tidings.config import load_settings
    from tidings.nlp import load, sentences

    settings = load_settings()
    nlp = load(settings.model)
    cleaner = Cleaner()
    arts = [cleaner(Article(raw=g.text, id=g.id, title=g.title)) for g in items]
    docs = None
    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if len(docs) != len(arts) or any(d.text != a.text for d, a in zip(docs, arts, strict=True)):
            docs = None
    if docs is None:
        docs = list(nlp.pipe((a.text for a in arts), batch_size=settings.batch_size))
        if cache is not None:
            cache.parent.mkdir(parents=True, exist_ok=True)
            DocBin(docs=docs).to_disk(cache)
    for a, d in zip(arts, docs, strict=True):
        a.doc = d
        a.sentences = sentences(d)
        yield a


def _best(places: list[Place], start: int, end: int) -> Place | None:
    best: Place | None = None
    overlap = 0
    for p in places:
        o = min(end, p.end) - max(start, p.start)
        if o > overlap:
            best, overlap = p, o
    return best


def score(
    name: str,
    items: Sequence[GeoArticle],
    geoparser: Callable[[Article], Article],
    gold_gaz: Gazetteer,
    cache: Path | None,
    adjectives: frozenset[str],
) -> dict[str, Tally]:
    by_id, points = _gold_countries(gold_gaz)
    nearest = _Nearest(points)
    all_t, noadj = Tally(), Tally()
    for g, art in zip(items, _parsed(items, cache), strict=True):
        geoparser(art)
        al = Alignment.between(g.text, art.text)
        gold: list[tuple[Toponym, tuple[int, int] | None]] = [
            (t, al.to_target(t.start, t.end)) for t in g.toponyms if t.lat is not None and t.lon is not None
        ]
        for tally, keep_adj in ((all_t, True), (noadj, False)):
            kept = [(t, s) for t, s in gold if keep_adj or g.text[t.start : t.end].strip().lower() not in adjectives]
            spans = [s for _, s in kept if s is not None]
            tally.predicted += len(art.places)
            pl: Place
            for pl in art.places:
                if any(pl.start < e and s < pl.end for s, e in spans):
                    tally.predicted_hit += 1
                elif keep_adj:
                    tally.errors.append(
                        {
                            "set": name,
                            "doc": g.id,
                            "fp": pl.text,
                            "name": pl.name,
                            "country": pl.country,
                            "feature": pl.feature,
                            "context": art.text[max(0, pl.start - 60) : pl.end + 60].replace("\n", " "),
                        }
                    )
            for t, s in kept:
                tally.gold += 1
                gold_country = None
                if t.country_geonameid is not None:
                    gold_country = by_id.get(t.country_geonameid)
                if gold_country is None and t.geonameid is not None:
                    gold_country = by_id.get(t.geonameid)
                if gold_country is None:
                    gold_country = nearest.country(t.lat or 0.0, t.lon or 0.0)
                tally.gold_with_id += t.geonameid is not None
                tally.gold_with_country += gold_country is not None
                p = _best(art.places, *s) if s is not None else None
                ok161 = False
                if p is not None:
                    tally.found += 1
                    tally.country += gold_country is not None and p.country == gold_country
                    tally.exact += t.geonameid is not None and p.geonameid == t.geonameid
                    if p.lat is not None and p.lon is not None:
                        ok161 = haversine_km(p.lat, p.lon, t.lat or 0.0, t.lon or 0.0) <= 161
                tally.acc161 += ok161
                same_id = p is not None and t.geonameid is not None and p.geonameid == t.geonameid
                tally.acc161_id += ok161 or same_id
                if keep_adj and not ok161:
                    tally.errors.append(
                        {
                            "set": name,
                            "doc": g.id,
                            "gold": g.text[t.start : t.end],
                            "kind": t.kind,
                            "gold_id": t.geonameid,
                            "gold_country": gold_country,
                            "gold_ll": [t.lat, t.lon],
                            "pred": None
                            if p is None
                            else {
                                "text": p.text,
                                "name": p.name,
                                "id": p.geonameid,
                                "country": p.country,
                                "feature": p.feature,
                                "ll": [p.lat, p.lon],
                                "km": None
                                if p.lat is None or p.lon is None
                                else round(haversine_km(p.lat, p.lon, t.lat or 0.0, t.lon or 0.0)),
                            },
                            "context": art.text[max(0, (s or (0, 0))[0] - 60) : (s or (0, 0))[1] + 60].replace(
                                "\n", " "
                            ),
                        }
                    )
    return {"all": all_t, "no_adjectives": noadj}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--sets", default="gwn,trnews")
    ap.add_argument("--min-population", type=int, default=None)
    ap.add_argument("--cache", type=Path, default=None, help="folder for parsed DocBins (speeds up reruns)")
    ap.add_argument("--errors", type=Path, default=None, help="write misses and wrong resolutions here (JSONL)")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument(
        "--baseline", type=Path, default=None, help="a module file with an older Geoparser to score instead"
    )
    args = ap.parse_args(argv)

    from tidings.config import load_settings

    settings = load_settings()
    min_pop = args.min_population or settings.city_min_population
    t0 = time.perf_counter()
    if args.baseline:
        import importlib.util

        spec = importlib.util.spec_from_file_location("baseline_places", args.baseline)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
        spec.loader.exec_module(module)
        gp = module.Geoparser(min_population=min_pop)
    else:
        from tidings.places import Geoparser

        gp = Geoparser(min_population=min_pop)
    print(f"geoparser ready in {time.perf_counter() - t0:.2f}s")
    gold_gaz = gazetteer(1000)
    adjectives = nationality_words()
    loaders = {"gwn": load_geo_gwn, "trnews": load_geo_trnews}
    errors: list[dict[str, object]] = []
    for name in args.sets.split(","):
        items = loaders[name](args.data, limit=args.limit)
        cache = args.cache / f"{name}-{args.limit or 'all'}.spacy" if args.cache else None
        t0 = time.perf_counter()
        result = score(name, items, gp, gold_gaz, cache, adjectives)
        took = time.perf_counter() - t0
        for subset, tally in result.items():
            print(name, subset, json.dumps(tally.row()), f"({took:.1f}s)")
        errors.extend(result["all"].errors)
    errors.sort(key=lambda e: "fp" in e)
    if args.errors:
        with args.errors.open("w", encoding="utf-8") as fh:
            for e in errors:
                fh.write(json.dumps(e, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
