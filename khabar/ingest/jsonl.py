"""JSON Lines (``.jsonl``, ``.jsonl.gz``): one article per line, fields mapped by ``JsonlFields``.
A broken line is a failure of that line only; a truncated gzip stops the file, keeping what was read."""

from __future__ import annotations

import gzip
import json

from .base import Failure, Item, JsonlFields, clean_meta


def _first(row: dict, keys: tuple[str, ...]):
    for k in keys:
        v = row.get(k)
        if v not in (None, "", "None"):
            return k, v
    return None, None


def read(path: str, fields: JsonlFields = JsonlFields()):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", errors="strict") as fh:
        for i, line in enumerate(fh, 1):
            if not line.strip():
                continue
            origin = f"{path}:{i}"
            try:
                row = json.loads(line)
            except ValueError as exc:
                yield Failure(origin, "bad json", str(exc))
                continue
            if not isinstance(row, dict):
                yield Failure(origin, "bad json", "line is not an object")
                continue
            tk, text = _first(row, fields.text)
            hk, html = (None, None) if text else _first(row, fields.html)
            meta = clean_meta({k: v for k, v in row.items() if k not in (tk, hk)})
            for name, keys in (("title", fields.title), ("source", fields.source), ("url", fields.url), ("date", fields.date)):
                if name not in meta:
                    k, v = _first(row, keys)
                    if v is not None:
                        meta[name] = v
            meta.setdefault("path", path)
            if text is not None and not isinstance(text, str):
                yield Failure(origin, "bad json", f"field {tk!r} is not a string")
                continue
            yield Item(origin=origin, text=text if text is not None else ("" if html is None else None), html=html, meta=meta)
