"""Flat rows of a document, one list per layer: the shape shared by the store, the exports and
the Spark runner (so the three agree column for column).

Every layer row has ``doc`` (article id), ``ord`` (position in the layer), the main columns of
the contract for that layer, and ``data`` (the full record as JSON). A layer this module does not
know yet (a stage added later) still flows: it gets ``start``/``end`` from the record when it has
them, and ``data``. References (``"E3"``, a span with text, ``"article"``) are resolved to a text
column plus, for entities, the corpus-level entity key.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from typing import Any

from ..document import LAYERS
from ..normalise import normalise

# column -> type ("str" | "int" | "float" | "bool"); doc, ord and data are on every table.
LAYER_COLUMNS: dict[str, dict[str, str]] = {
    "blocks": {"start": "int", "end": "int", "kind": "str", "reason": "str"},
    "sentences": {"start": "int", "end": "int"},
    "entities": {
        "eid": "str", "entity": "str", "type": "str", "canonical": "str", "kb_id": "str",
        "mentions": "int", "start": "int", "end": "int", "text": "str",
    },
    "times": {"start": "int", "end": "int", "value": "str", "precision": "str", "kind": "str", "anchor": "str", "text": "str"},
    "quantities": {
        "start": "int", "end": "int", "value": "float", "kind": "str", "unit": "str", "bound": "str",
        "approximate": "bool", "text": "str",
    },
    "quotes": {
        "start": "int", "end": "int", "kind": "str", "speaker": "str", "speaker_entity": "str",
        "cue_start": "int", "cue_end": "int", "text": "str",
    },
    "claims": {
        "start": "int", "end": "int", "value": "float", "category": "str", "unit": "str", "group": "str",
        "bound": "str", "approximate": "bool", "where": "str", "where_entity": "str", "when": "str",
        "source": "str", "source_entity": "str", "actor": "str", "actor_entity": "str", "text": "str",
    },
    "events": {
        "start": "int", "end": "int", "type": "str", "mode": "str", "actor": "str", "actor_entity": "str",
        "target": "str", "target_entity": "str", "where": "str", "where_entity": "str", "when": "str",
        "fatalities": "int", "injuries": "int", "arrests": "int", "text": "str",
    },
}
GENERIC_COLUMNS = {"start": "int", "end": "int", "text": "str"}

# The article row (table ``articles``).
ARTICLE_COLUMNS: dict[str, str] = {
    "id": "str", "source": "str", "url": "str", "title": "str", "date": "str", "reference_date": "str",
    "category": "str", "author": "str", "path": "str", "text": "str", "meta": "str", "stages": "str", "errors": "str",
}
ENTITY_COLUMNS: dict[str, str] = {"id": "str", "type": "str", "norm": "str", "kb_id": "str", "canonical": "str"}

_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
# layers that are not fact records (no evidence text column, no refs)
STRUCTURE = ("blocks", "sentences", "tokens")


def layer_names(d: dict | None = None) -> list[str]:
    """Stored layers: the contract's (without tokens) plus any list-of-records key a stage added."""
    names = [x for x in LAYERS if x != "tokens"]
    if d:
        for k, v in d.items():
            if k not in names and k not in ("tokens", "errors", "stages", "meta") and _NAME.match(k) and isinstance(v, list) and (not v or isinstance(v[0], dict)):
                names.append(k)
    return names


def columns(layer: str) -> dict[str, str]:
    return LAYER_COLUMNS.get(layer, GENERIC_COLUMNS)


@functools.lru_cache(maxsize=100_000)  # names recur across articles: most calls hit
def entity_key(type_: str | None, canonical: str | None, kb_id: str | None) -> str:
    """Corpus-level id of an entity: a hash of (type, normalised canonical, kb_id)."""
    norm = " ".join(normalise(canonical or "").split()).lower()
    raw = f"{type_ or ''}\x1f{norm if not kb_id else ''}\x1f{kb_id or ''}"
    return hashlib.blake2b(raw.encode("utf-8"), digest_size=8).hexdigest()


def article_date(d: dict) -> str | None:
    meta = d.get("meta") or {}
    for v in (meta.get("date"), d.get("reference_date"), meta.get("date_extracted")):
        if isinstance(v, str) and len(v) >= 10 and v[4] == "-":
            return v[:10]
    return None


def article_row(d: dict) -> dict:
    meta = dict(d.get("meta") or {})
    return {
        "id": d["id"],
        "source": _s(meta.get("source")),
        "url": _s(meta.get("url")),
        "title": _s(meta.get("title")),
        "date": article_date(d),
        "reference_date": d.get("reference_date"),
        "category": _s(meta.get("category")),
        "author": _s(meta.get("author")),
        "path": _s(meta.get("path")),
        "text": d["text"],
        "meta": _json(meta),
        "stages": _json(d.get("stages") or {}),
        "errors": _json(d.get("errors") or []),
    }


def _s(v) -> str | None:
    if v is None or v == "None" or v == "":
        return None
    return v if isinstance(v, str) else str(v)


# one encoder: json.dumps with options builds a new one per call, tens of thousands per second here
_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _span(rec: dict, *keys) -> tuple[int | None, int | None]:
    for k in keys:
        v = rec.get(k) if k else rec
        if isinstance(v, dict) and isinstance(v.get("start"), int) and isinstance(v.get("end"), int):
            return v["start"], v["end"]
    return None, None


class _Refs:
    """Resolve a record's references inside one document."""

    def __init__(self, d: dict):
        self.by_id: dict[str, dict] = {}
        for e in d.get("entities") or []:
            if isinstance(e, dict) and e.get("id"):
                self.by_id[e["id"]] = e

    def __call__(self, ref: Any) -> tuple[str | None, str | None]:
        if ref is None:
            return None, None
        if isinstance(ref, str):
            e = self.by_id.get(ref)
            if e is not None:
                return e.get("canonical"), entity_key(e.get("type"), e.get("canonical"), e.get("kb_id"))
            return ref, None
        if isinstance(ref, dict):
            return _s(ref.get("text") or ref.get("canonical")), None
        return str(ref), None


def doc_rows(d: dict) -> dict[str, list[dict]]:
    """All layer rows of one document dict (``Document.to_dict()``)."""
    text = d["text"]
    refs = _Refs(d)
    out: dict[str, list[dict]] = {}
    for layer in layer_names(d):
        rows = []
        for i, rec in enumerate(d.get(layer) or []):
            if not isinstance(rec, dict):
                continue
            row = {"doc": d["id"], "ord": i}
            row.update(_layer_row(layer, rec, text, refs))
            row["data"] = _json(rec)
            rows.append(row)
        out[layer] = rows
    return out


def _layer_row(layer: str, rec: dict, text: str, refs: _Refs) -> dict:
    cols = columns(layer)
    if layer in ("blocks", "sentences"):
        return {k: rec.get(k) for k in cols}
    r: dict[str, Any] = {}
    if layer == "entities":
        ms = rec.get("mentions") or []
        s, e = _span(ms[0]) if ms else (None, None)
        r = {
            "eid": rec.get("id"), "entity": entity_key(rec.get("type"), rec.get("canonical"), rec.get("kb_id")),
            "type": rec.get("type"), "canonical": rec.get("canonical"), "kb_id": rec.get("kb_id"),
            "mentions": len(ms), "start": s, "end": e,
        }
    elif layer == "quotes":
        s, e = _span(rec, "content")
        cs, ce = _span(rec, "cue")
        sp, spk = refs(rec.get("speaker"))
        r = {"start": s, "end": e, "kind": rec.get("kind"), "speaker": sp, "speaker_entity": spk, "cue_start": cs, "cue_end": ce}
    elif layer in ("claims", "events"):
        s, e = _span(rec, "evidence" if layer == "claims" else "trigger", "")
        r = {"start": s, "end": e}
        for k in cols:
            if k in r or k == "text" or k.endswith("_entity"):
                continue
            if k + "_entity" in cols:
                r[k], r[k + "_entity"] = refs(rec.get(k))
            else:
                r[k] = rec.get(k)
    else:
        s, e = _span(rec, "", "evidence", "content", "trigger")
        r = {k: rec.get(k) for k in cols if k not in ("text",)}
        r["start"], r["end"] = s, e
    if "text" in cols:
        s, e = r.get("start"), r.get("end")
        r["text"] = text[s:e] if isinstance(s, int) and isinstance(e, int) else None
    return {k: _coerce(r.get(k), t) for k, t in cols.items()}


def _coerce(v, t):
    if v is None:
        return None
    try:
        if t == "int":
            return int(v)
        if t == "float":
            return float(v)
        if t == "bool":
            return bool(v)
        if t == "str":
            return v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)
    except (TypeError, ValueError):
        return None
    return v


def entity_rows(d: dict) -> list[dict]:
    """Corpus-level entity records named by one document."""
    out = {}
    for e in d.get("entities") or []:
        if not isinstance(e, dict):
            continue
        k = entity_key(e.get("type"), e.get("canonical"), e.get("kb_id"))
        out[k] = {
            "id": k, "type": e.get("type"), "norm": " ".join(normalise(e.get("canonical") or "").split()).lower(),
            "kb_id": e.get("kb_id"), "canonical": e.get("canonical"),
        }
    return list(out.values())
