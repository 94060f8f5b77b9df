"""A small line chart over time, laid out in Python and drawn as SVG by the template.

Server-side layout keeps the page working without JavaScript and keeps every label escaped by
the template engine like the rest of the page.
"""

from __future__ import annotations

import datetime as dt
import math

SERIES_CLASSES = 8  # s0..s7 in reader.css


def _nice_ticks(lo: float, hi: float, n: int = 5) -> list[float]:
    if hi <= lo:
        hi = lo + 1
    raw = (hi - lo) / n
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    first = math.floor(lo / step) * step
    ticks, v = [], first
    while v <= hi + step * 1e-9:
        ticks.append(round(v, 10))
        v += step
    if ticks[-1] < hi:
        ticks.append(ticks[-1] + step)
    return ticks


def _fmt(v: float) -> str:
    if abs(v) >= 1000:
        return f"{v:,.0f}"
    return f"{v:g}"


def _day(value) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and len(value) >= 4:
        try:
            if len(value) >= 10:
                return dt.date.fromisoformat(value[:10])
            if len(value) >= 7:
                return dt.date.fromisoformat(value[:7] + "-01")
            return dt.date(int(value[:4]), 1, 1)
        except ValueError:
            return None
    return None


def line_chart(series: dict[str, list[tuple]], width: int = 640, height: int = 260) -> dict | None:
    """``series``: label -> [(date, value, tip), ...]. Returns the layout, or None if nothing to draw."""
    pts = {k: sorted(((_day(d), float(v), tip) for d, v, tip in rows if _day(d) is not None and v is not None), key=lambda p: p[0]) for k, rows in series.items()}
    pts = {k: v for k, v in pts.items() if v}
    if not pts:
        return None
    days = [p[0] for rows in pts.values() for p in rows]
    vals = [p[1] for rows in pts.values() for p in rows]
    d0, d1 = min(days), max(days)
    if d0 == d1:
        d0, d1 = d0 - dt.timedelta(days=1), d1 + dt.timedelta(days=1)
    yt = _nice_ticks(min(0.0, min(vals)), max(vals))
    y0, y1 = yt[0], yt[-1]
    left, right, top, bottom = 64, 44, 12, 36
    pw, ph = width - left - right, height - top - bottom

    def x(d: dt.date) -> float:
        return round(left + pw * (d - d0).days / max(1, (d1 - d0).days), 1)

    def y(v: float) -> float:
        return round(top + ph * (1 - (v - y0) / (y1 - y0 or 1)), 1)

    span = (d1 - d0).days
    nx = 5 if span >= 5 else span + 1
    xticks = []
    for i in range(nx):
        d = d0 + dt.timedelta(days=round(span * i / max(1, nx - 1)))
        xticks.append({"x": x(d), "label": d.isoformat() if span < 800 else str(d.year)})
    out = []
    for i, (label, rows) in enumerate(sorted(pts.items(), key=lambda kv: (-len(kv[1]), kv[0]))):
        dots = [{"x": x(d), "y": y(v), "tip": f"{label}: {_fmt(v)} ({d.isoformat()})" + (f" — {tip}" if tip else "")} for d, v, tip in rows]
        out.append({"label": label, "cls": f"s{i % SERIES_CLASSES}", "points": " ".join(f"{p['x']},{p['y']}" for p in dots), "dots": dots})
    return {
        "width": width, "height": height, "left": left, "right": width - right, "top": top, "bottom": height - bottom,
        "xticks": xticks, "yticks": [{"y": y(v), "label": _fmt(v)} for v in yt], "series": out,
    }
