"""Chart geometry for the explorer's pages, drawn as SVG by the templates.

The charts are computed here and written as plain SVG elements (no script,
no inline style: colours come from the ``q1``…``q4`` classes of the
stylesheet), so they show under the pages' Content-Security-Policy and in a
screenshot without waiting for anything.

- :func:`stacked_bars`: counts per period, stacked by QuadClass (timeline, actor page);
- :func:`network`: an actor in the middle, its counterparts around it (actor page).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

QUADS = (1, 2, 3, 4)


def stacked_bars(series: Sequence[dict[str, Any]], *, width: int = 900, height: int = 240) -> dict[str, Any]:
    """Rectangles for ``[{"period", "counts": {quad: n}, "total"}]``, one column per period, bottom to top by quad."""
    left, bottom, top = 40, 40, 10
    plot_w, plot_h = width - left - 10, height - bottom - top
    peak = max((s["total"] for s in series), default=0) or 1
    n = max(len(series), 1)
    step = plot_w / n
    bar_w = max(step * 0.8, 1.0)
    bars: list[dict[str, Any]] = []
    labels: list[dict[str, Any]] = []
    every = max(1, math.ceil(n / 12))  # at most about 12 period labels
    for i, s in enumerate(series):
        x = left + i * step + (step - bar_w) / 2
        y = float(top + plot_h)
        for q in QUADS:
            count = int(s["counts"].get(q, 0) or s["counts"].get(str(q), 0))
            if not count:
                continue
            h = plot_h * count / peak
            y -= h
            bars.append(
                {"x": round(x, 2), "y": round(y, 2), "w": round(bar_w, 2), "h": round(h, 2), "quad": q, "n": count}
                | {"period": s["period"]}
            )
        if i % every == 0:
            labels.append({"x": round(x + bar_w / 2, 2), "y": height - bottom + 16, "text": s["period"]})
    ticks = [
        {"y": round(top + plot_h - plot_h * v / peak, 2), "value": v} for v in sorted({0, peak // 2, peak}) if v >= 0
    ]
    return {
        "width": width,
        "height": height,
        "left": left,
        "axis_y": top + plot_h,
        "right": width - 10,
        "bars": bars,
        "labels": labels,
        "ticks": ticks,
    }


def network(code: str, label: str, others: Sequence[dict[str, Any]], *, size: int = 420) -> dict[str, Any]:
    """The actor at the centre and up to a dozen counterparts on a circle around it.

    An edge's width grows with the events between the two; its class is the
    QuadClass most of them have. ``others`` are :func:`queries.counterparts` rows.
    """
    c = size / 2
    radius = size / 2 - 60
    peak = max((o["total"] for o in others), default=1) or 1
    nodes = []
    edges = []
    for i, o in enumerate(others):
        angle = -math.pi / 2 + 2 * math.pi * i / max(len(others), 1)
        x, y = c + radius * math.cos(angle), c + radius * math.sin(angle)
        edges.append(
            {
                "x1": c,
                "y1": c,
                "x2": round(x, 2),
                "y2": round(y, 2),
                "width": round(1.5 + 6 * o["total"] / peak, 2),
                "quad": o["quad"],
                "title": f"{label} → {o['name']}: {o['outgoing']}; {o['name']} → {label}: {o['incoming']}",
            }
        )
        nodes.append(
            {
                "x": round(x, 2),
                "y": round(y, 2),
                "r": round(6 + 8 * math.sqrt(o["total"] / peak), 2),
                "code": o["code"],
                "name": o["name"],
                "total": o["total"],
                "label_y": round(y + (26 if y >= c else -18), 2),
            }
        )
    return {"size": size, "cx": c, "cy": c, "code": code, "label": label, "nodes": nodes, "edges": edges}
