"""PLOVER records of a document's events, with the field names of the PLOVER manual (its "PLOVER
JSON" table and the entity, location, size, text and citation objects).

>>> from khabar.events import plover_records
>>> plover_records(khabar.extract(text, reference_date="2023-11-05"))[0]["event"]
['CONSULT']
"""

from __future__ import annotations

import bisect

from . import __version__
from .document import Document
from .facts import SpanRef
from .lexicon import load

CODEBOOK = "plover-base"


def _surface(doc: Document, e) -> str:
    """The first mention as written, without an attached clitic («وحركة» -> «حركة»)."""
    if not e.mentions:
        return e.canonical
    m = e.mentions[0]
    if m.head_start is not None:
        return doc.text[m.head_start : m.head_end]
    return doc.text[m.start : m.end]


def _entity_object(doc: Document, ref, by_id) -> dict | None:
    """PLOVER entity object: entity_text, and when the entity is known, its identifier and code."""
    if ref is None:
        return None
    if isinstance(ref, SpanRef):
        return {"entity_text": ref.text}
    if isinstance(ref, dict):  # a document read back from JSON
        return {"entity_text": ref.get("text")}
    e = by_id.get(ref)
    if e is None:
        return {"entity_text": str(ref)}
    obj = {"entity_text": _surface(doc, e), "identifier_text": e.canonical}
    if e.kb_id:
        obj["identifier_id"] = e.kb_id
    kb = e.kb or {}
    code = kb.get("iso3")
    codes = kb.get("codes") or []
    if not code and codes:
        c = codes[0].get("code", "") if isinstance(codes[0], dict) else str(codes[0])
        code = c[:3] or None
        if len(c) > 3:
            obj["sector"] = c[3:]
    if code:
        obj["code"] = code
    if e.titles:
        obj["office"] = e.titles[0]
    return obj


def _location_object(doc: Document, ref, by_id) -> dict | None:
    if ref is None:
        return None
    if isinstance(ref, SpanRef):
        return {"extracted_place": ref.text}
    e = by_id.get(ref)
    if e is None:
        return None
    loc = {"extracted_place": _surface(doc, e), "resolved_place": e.canonical}
    kb = e.kb or {}
    for src, dst in (("lat", "lat"), ("lon", "lon"), ("iso3", "country_code"), ("country", "country_code")):
        if kb.get(src) is not None and dst not in loc:
            loc[dst] = kb[src]
    if kb.get("kind") == "country":
        loc["country"] = e.canonical
        loc["resolution"] = 1
    elif kb.get("kind") == "city":
        loc["city"] = e.canonical
        loc["resolution"] = 4
    return loc


def plover_records(doc: Document) -> list[dict]:
    """One PLOVER record per event of ``doc`` (run the ``events`` stage first)."""
    quad = load("ar/events.yaml")["quad"]
    by_id = {e.id: e for e in doc.entities}
    sent_starts = [s.start for s in doc.sentences]
    cite = {"language": "ar", "coder": f"khabar {__version__}", "codebook": CODEBOOK}
    for k in ("url", "title", "source"):
        if doc.meta.get(k):
            cite["publication" if k == "source" else k] = doc.meta[k]
    out = []
    for i, ev in enumerate(doc.events, 1):
        rec = {
            "id": f"{doc.id}-{i}",
            "has_event": True,
            "date": ev.when,
            "actor": [o for o in [_entity_object(doc, ev.actor, by_id)] if o],
            "recipient": [o for o in [_entity_object(doc, ev.target, by_id)] if o],
            "event": [ev.type],
            "mode": [ev.mode] if ev.mode else [],
            "context": [],
            "event_text": [doc.text[ev.trigger.start : ev.trigger.end]],
            "quad_code": quad.get(ev.type),
            "coder": f"khabar-events/{ev.version}",
            "cite_info": dict(cite),
        }
        loc = _location_object(doc, ev.where, by_id)
        if loc:
            rec["event_loc"] = loc
        size = {k: v for k, v in (("dead", ev.fatalities), ("injured", ev.injuries), ("arrested", ev.arrests)) if v is not None}
        if size:
            rec["size"] = size
        j = bisect.bisect_right(sent_starts, ev.trigger.start) - 1
        if j >= 0:
            s = doc.sentences[j]
            rec["text_info"] = {"sequence": j, "start": s.start, "end": s.end}
        out.append(rec)
    return out


__all__ = ["plover_records", "CODEBOOK"]
