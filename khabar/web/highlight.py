"""Facts on the original text: spans of every layer become non-overlapping segments.

Spans nest and overlap (a mention inside a quote inside a claim's sentence), and HTML cannot
overlap elements. Cutting the text at every span boundary gives segments that each carry the set
of facts covering them; the template renders each as one element with the text escaped. Nothing
here builds HTML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Ann:
    start: int
    end: int
    kind: str  # entity | title | time | quantity | quote | cue | figure | event | boilerplate | heading
    fact: str  # id of the fact in the panel: E1, t0, q0, c0, v0
    classes: tuple[str, ...]
    tip: str = ""


@dataclass(slots=True)
class Segment:
    text: str
    classes: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)
    tips: list[str] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)

    @property
    def marked(self) -> bool:
        return bool(self.classes)

    @property
    def tip(self) -> str:
        return " · ".join(t for t in self.tips if t)


def segments(text: str, anns: list[Ann]) -> list[Segment]:
    """Cut ``text`` at every boundary; each segment lists the annotations covering it, outer first."""
    n = len(text)
    valid = [a for a in anns if 0 <= a.start < a.end <= n]
    opens: dict[int, list[Ann]] = {}
    closes: dict[int, list[Ann]] = {}
    for a in valid:
        opens.setdefault(a.start, []).append(a)
        closes.setdefault(a.end, []).append(a)
    points = sorted({0, n, *opens, *closes})
    active: list[Ann] = []
    anchored: set[str] = set()
    out: list[Segment] = []
    for i in range(len(points) - 1):
        a, b = points[i], points[i + 1]
        if a in closes:
            gone = {id(x) for x in closes[a]}
            active = [x for x in active if id(x) not in gone]
        if a in opens:
            active.extend(opens[a])
            active.sort(key=lambda x: (x.start, -x.end))
        seg = Segment(text[a:b])
        for x in active:
            for c in x.classes:
                if c not in seg.classes:
                    seg.classes.append(c)
            if x.fact and x.fact not in seg.facts:
                seg.facts.append(x.fact)
                if x.fact not in anchored:
                    anchored.add(x.fact)
                    seg.anchors.append(x.fact)
            if x.tip and x.tip not in seg.tips:
                seg.tips.append(x.tip)
        out.append(seg)
    return out


def _span(rec: Any, key: str | None = None) -> tuple[int, int] | None:
    v = rec.get(key) if key else rec
    if isinstance(v, dict) and isinstance(v.get("start"), int) and isinstance(v.get("end"), int):
        return v["start"], v["end"]
    return None


def number(v) -> str:
    """A figure as people read it: 9,770 (not 9770.0); a dash when there is none."""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return f"{v:,}" if isinstance(v, (int, float)) else "—"


BOUND_SIGNS = {"more_than": ">", "at_least": "≥", "less_than": "<", "up_to": "≤"}


class Refs:
    """Names of references inside one document: entity ids, spans with text, "article"."""

    def __init__(self, d: dict, outlet: str | None, entity_link=None):
        self.entities = {e["id"]: e for e in d.get("entities") or [] if isinstance(e, dict) and e.get("id")}
        self.outlet = outlet
        self.entity_link = entity_link

    def name(self, ref: Any, *, article_is: str | None = None) -> str | None:
        if ref is None:
            return None
        if ref == "article":
            return article_is or self.outlet or "article"
        if isinstance(ref, str):
            e = self.entities.get(ref)
            return e.get("canonical") if e else ref
        if isinstance(ref, dict):
            return ref.get("text") or ref.get("canonical")
        return str(ref)

    def link(self, ref: Any) -> str | None:
        if isinstance(ref, str) and ref in self.entities and self.entity_link:
            return self.entity_link(self.entities[ref])
        return None


def figure_label(c: dict) -> str:
    sign = BOUND_SIGNS.get(c.get("bound") or "", "")
    approx = "~" if c.get("approximate") else ""
    high = f"–{number(c['high'])}" if c.get("high") is not None else ""
    return f"{sign}{approx}{number(c.get('value'))}{high}"


def reading(d: dict, entity_link=None) -> dict:
    """Everything the article page shows: segments of the text and the facts panel."""
    text = d.get("text") or ""
    meta = d.get("meta") or {}
    refs = Refs(d, meta.get("source"), entity_link)
    anns: list[Ann] = []
    panel: dict[str, list[dict]] = {"entities": [], "times": [], "quotes": [], "figures": [], "events": []}

    for b in d.get("blocks") or []:
        if isinstance(b, dict) and b.get("kind") in ("boilerplate", "heading") and _span(b):
            anns.append(Ann(b["start"], b["end"], b["kind"], "", (f"blk-{b['kind']}",), b.get("reason") or ""))

    for e in d.get("entities") or []:
        if not isinstance(e, dict):
            continue
        eid, etype = str(e.get("id", "")), str(e.get("type") or "MISC")
        tip = f"{e.get('canonical') or ''} ({etype})"
        spans = [s for s in (_span(m) for m in e.get("mentions") or []) if s]
        for s, t in spans:
            anns.append(Ann(s, t, "entity", eid, ("hl", "ent", f"ent-{etype}"), tip))
        for ts in e.get("title_spans") or []:
            if _span(ts):
                anns.append(Ann(ts["start"], ts["end"], "title", eid, ("hl", "etitle"), tip))
        panel["entities"].append({
            "fact": eid, "type": etype, "canonical": e.get("canonical"), "count": len(spans),
            "titles": e.get("titles") or [], "kb_id": e.get("kb_id"), "link": entity_link(e) if entity_link else None,
        })
    panel["entities"].sort(key=lambda x: (-x["count"], x["type"]))

    for i, t in enumerate(d.get("times") or []):
        if not isinstance(t, dict) or not _span(t):
            continue
        fid = f"t{i}"
        value = t.get("value") or "?"
        anns.append(Ann(t["start"], t["end"], "time", fid, ("hl", "time"), f"= {value}"))
        panel["times"].append({"fact": fid, "text": text[t["start"]:t["end"]], "value": t.get("value"), "precision": t.get("precision"), "flags": t.get("flags") or []})

    for i, q in enumerate(d.get("quantities") or []):
        if isinstance(q, dict) and _span(q):
            anns.append(Ann(q["start"], q["end"], "quantity", "", ("qty",), f"{number(q.get('value'))} ({q.get('kind') or ''})"))

    for i, q in enumerate(d.get("quotes") or []):
        if not isinstance(q, dict) or not _span(q, "content"):
            continue
        fid = f"q{i}"
        speaker = refs.name(q.get("speaker")) or "?"
        s, e = _span(q, "content")
        anns.append(Ann(s, e, "quote", fid, ("hl", "quote", f"quote-{q.get('kind') or 'direct'}"), f"{speaker}"))
        if _span(q, "cue"):
            cs, ce = _span(q, "cue")
            anns.append(Ann(cs, ce, "cue", fid, ("hl", "cue"), ""))
        panel["quotes"].append({"fact": fid, "speaker": speaker, "speaker_link": refs.link(q.get("speaker")), "kind": q.get("kind"), "text": text[s:e], "via": refs.name(q.get("via"))})

    for i, c in enumerate(d.get("claims") or []):
        if not isinstance(c, dict) or not _span(c, "evidence"):
            continue
        fid = f"c{i}"
        s, e = _span(c, "evidence")
        source = refs.name(c.get("source"), article_is=meta.get("source")) or refs.outlet or "article"
        label = figure_label(c)
        anns.append(Ann(s, e, "figure", fid, ("hl", "fig"), f"{label} {c.get('category') or ''} ← {source}"))
        panel["figures"].append({
            "fact": fid, "label": label, "category": c.get("category"), "unit": c.get("unit"), "group": c.get("group"),
            "where": refs.name(c.get("where")), "when": c.get("when"), "source": source, "actor": refs.name(c.get("actor")), "text": text[s:e],
        })

    for i, v in enumerate(d.get("events") or []):
        if not isinstance(v, dict) or not _span(v, "trigger"):
            continue
        fid = f"v{i}"
        s, e = _span(v, "trigger")
        kind = v.get("type") or "?"
        anns.append(Ann(s, e, "event", fid, ("hl", "evt"), f"{kind} {v.get('mode') or ''}".strip()))
        panel["events"].append({
            "fact": fid, "type": kind, "mode": v.get("mode"), "actor": refs.name(v.get("actor")), "target": refs.name(v.get("target")),
            "where": refs.name(v.get("where")), "when": v.get("when"), "text": text[s:e],
        })

    return {"segments": segments(text, anns), "panel": panel}
