"""Chart geometry for the HTML pack: numbers in, shapes out, drawn as SVG by the templates.

No JavaScript and no plotting library: the templates draw rectangles and lines at the
positions computed here, so charts print, scale, and carry their own text alternative.
Every colour is at least 6:1 against white, and series differ by pattern as well as colour.
"""

from __future__ import annotations

from typing import Any

PALETTE = ("#1d4f91", "#a64200", "#5b2a86", "#2d6a1f", "#5c5c5c")
DASHES = ("", "6 4", "2 3", "10 3 2 3", "1 5")

WIDTH = 640
LABEL_WIDTH = 190
BAR_HEIGHT = 26
BAR_GAP = 10
LEGEND_HEIGHT = 30
MAX_LABELS = 12
"""Axis labels beyond this would overlap; the rest are left to the data table."""


def stacked_bars(rows: list[tuple[str, dict[str, int]]], series: list[str]) -> dict[str, Any]:
    """Horizontal bars, one per row, split into ``series`` segments, scaled to the longest."""
    longest = max((sum(counts.values()) for _, counts in rows), default=0) or 1
    plot = WIDTH - LABEL_WIDTH - 40
    bars = []
    for index, (label, counts) in enumerate(rows):
        x = LABEL_WIDTH
        segments = []
        for s_index, name in enumerate(series):
            count = counts.get(name, 0)
            width = round(plot * count / longest, 1)
            if count:
                segments.append({"series": name, "count": count, "x": x, "width": width, "colour": PALETTE[s_index % len(PALETTE)]})
            x = round(x + width, 1)
        total = sum(counts.values())
        bars.append({"label": label, "y": LEGEND_HEIGHT + index * (BAR_HEIGHT + BAR_GAP), "total": total, "end": x, "segments": segments})
    legend = [{"series": name, "colour": PALETTE[i % len(PALETTE)], "x": LABEL_WIDTH + i * 110} for i, name in enumerate(series)]
    height = LEGEND_HEIGHT + len(rows) * (BAR_HEIGHT + BAR_GAP) + 4
    return {"width": WIDTH, "height": height, "bar_height": BAR_HEIGHT, "label_width": LABEL_WIDTH, "bars": bars, "legend": legend if len(series) > 1 else []}


def round_ticks(highest: int, most: int = 5) -> list[int]:
    """Axis ticks from 0 at a round step (1, 2 or 5 times a power of ten) reaching ``highest``.

    Readers compare lines against gridlines: 0/10/20/30/40 reads at a glance, 0/16/33 does not.
    """
    scale = 1
    while True:
        for unit in (1, 2, 5):
            step = unit * scale
            count = -(-max(highest, 1) // step)
            if count <= most - 1:
                return [step * n for n in range(count + 1)]
        scale *= 10


def lines(points: list[tuple[str, dict[str, int]]], series: list[str], height: int = 240) -> dict[str, Any]:
    """A line per series across ``points`` (label, values), on a shared axis from zero."""
    top, bottom, left, right = LEGEND_HEIGHT + 10, 40, 50, 20
    ticks_at = round_ticks(max((v for _, values in points for v in values.values()), default=0))
    highest = ticks_at[-1]
    step = (WIDTH - left - right) / max(len(points) - 1, 1)
    plot = height - top - bottom

    def y(value: int) -> float:
        return round(top + plot - plot * value / highest, 1)

    drawn = []
    for i, name in enumerate(series):
        dots = [{"x": round(left + n * step, 1), "y": y(values.get(name, 0)), "value": values.get(name, 0)} for n, (_, values) in enumerate(points)]
        drawn.append({
            "series": name,
            "colour": PALETTE[i % len(PALETTE)],
            "dash": DASHES[i % len(DASHES)],
            "points": " ".join(f"{d['x']},{d['y']}" for d in dots),
            "dots": dots,
        })
    every = -(-len(points) // MAX_LABELS)
    labels = [
        {"x": round(left + n * step, 1), "label": label}
        for n, (label, _) in enumerate(points)
        if (len(points) - 1 - n) % every == 0
    ]
    ticks = [{"y": y(v), "value": v} for v in ticks_at]
    legend = [{"series": name, "colour": PALETTE[i % len(PALETTE)], "dash": DASHES[i % len(DASHES)], "x": left + i * 150} for i, name in enumerate(series)]
    return {"width": WIDTH, "height": height, "left": left, "right": WIDTH - right, "bottom": top + plot, "lines": drawn, "labels": labels, "ticks": ticks, "legend": legend}
