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


def _time_ticks(d0: dt.date, d1: dt.date, shown, most: int = 6, monthly: bool = False) -> list[tuple[dt.date, str]]:
    """Ticks on calendar boundaries: days for short spans, month starts, then year starts."""
    span = (d1 - d0).days
    if span <= 45 and not monthly:
        step = max(1, span // (most - 1))
        return [(d0 + dt.timedelta(days=i), shown(d0 + dt.timedelta(days=i))) for i in range(0, span + 1, step)]
    if span <= 900:
        months = [dt.date(y, m, 1) for y in range(d0.year, d1.year + 1) for m in range(1, 13)]
        months = [m for m in months if d0 <= m <= d1]
        step = max(1, -(-len(months) // most))
        return [(m, m.isoformat()[:7]) for m in months[::step]]
    years = [dt.date(y, 1, 1) for y in range(d0.year, d1.year + 1) if d0 <= dt.date(y, 1, 1) <= d1]
    step = max(1, -(-len(years) // most))
    return [(y, str(y.year)) for y in years[::step]]


def line_chart(series: dict[str, list[tuple]], width: int = 640, height: int = 260) -> dict | None:
    """``series``: label -> [(date, value, tip), ...]. Returns the layout, or None if nothing to draw."""
    monthly = all(isinstance(d, str) and len(d) == 7 for rows in series.values() for d, _, _ in rows)
    shown = (lambda d: d.isoformat()[:7]) if monthly else (lambda d: d.isoformat())
    pts = {k: sorted(((_day(d), float(v), tip) for d, v, tip in rows if _day(d) is not None and v is not None), key=lambda p: p[0]) for k, rows in series.items()}
    pts = {k: v for k, v in pts.items() if v}
    if not pts:
        return None
    days = [p[0] for rows in pts.values() for p in rows]
    vals = [p[1] for rows in pts.values() for p in rows]
    d0, d1 = min(days), max(days)
    if d0 == d1:
        pad = 15 if monthly else 1
        d0, d1 = d0 - dt.timedelta(days=pad), d1 + dt.timedelta(days=pad)
    yt = _nice_ticks(min(0.0, min(vals)), max(vals))
    y0, y1 = yt[0], yt[-1]
    left, right, top, bottom = 64, 44, 12, 36
    pw, ph = width - left - right, height - top - bottom

    def x(d: dt.date) -> float:
        return round(left + pw * (d - d0).days / max(1, (d1 - d0).days), 1)

    def y(v: float) -> float:
        return round(top + ph * (1 - (v - y0) / (y1 - y0 or 1)), 1)

    xticks = [{"x": x(d), "label": label} for d, label in _time_ticks(d0, d1, shown, monthly=monthly)]
    out = []
    for i, (label, rows) in enumerate(sorted(pts.items(), key=lambda kv: (-len(kv[1]), kv[0]))):
        dots = [{"x": x(d), "y": y(v), "tip": f"{label}: {_fmt(v)} ({shown(d)})" + (f" — {tip}" if tip else "")} for d, v, tip in rows]
        out.append({"label": label, "cls": f"s{i % SERIES_CLASSES}", "points": " ".join(f"{p['x']},{p['y']}" for p in dots), "dots": dots})
    return {
        "width": width, "height": height, "left": left, "right": width - right, "top": top, "bottom": height - bottom,
        "xticks": xticks, "yticks": [{"y": y(v), "label": _fmt(v)} for v in yt], "series": out,
    }
