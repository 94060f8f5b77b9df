"""A readable terminal view of a document: blocks marked, then each fact layer with its evidence."""

from __future__ import annotations

from ..document import LAYERS, Document

_MARK = {"paragraph": "¶", "heading": "#", "boilerplate": "✗"}


def _ev(doc: Document, d: dict) -> str:
    for key in ("evidence", "trigger", "content"):
        if isinstance(d.get(key), dict):
            d = d[key]
            break
    if "start" in d:
        return doc.text[d["start"] : d["end"]]
    if d.get("mentions"):
        m = d["mentions"][0]
        return doc.text[m["start"] : m["end"]]
    return ""


def render(doc: Document) -> str:
    out = [f"== {doc.id}  reference date: {doc.reference_date or '-'}"]
    for b in doc.blocks:
        tag = _MARK.get(b.kind, "?") + (f" ({b.reason})" if b.reason else "")
        out.append(f"{tag:>18}  {doc.text[b.start:b.end]}")
    d = doc.to_dict()
    for layer in LAYERS:
        if layer in ("blocks", "sentences", "tokens") or not d.get(layer):
            continue
        out.append(f"-- {layer} ({len(d[layer])})")
        for f in d[layer]:
            extra = {k: v for k, v in f.items() if k not in ("start", "end", "mentions", "evidence", "trigger", "content", "cue")}
            out.append(f"   «{_ev(doc, f)}»  {extra}")
    for e in doc.errors:
        out.append(f"!! {e.stage} [{e.code}] {e.message}")
    return "\n".join(out) + "\n"
