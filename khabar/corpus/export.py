"""Exports of a store: JSON Lines of the document contract, CSV and Parquet per layer, PLOVER JSON
Lines for events. Column names and types come from ``khabar.corpus.rows`` so every export, the
store and the Spark runner agree."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

from . import rows as R


def export_jsonl(store, path: str | Path) -> int:
    n = 0
    with _open_out(path) as fh:
        for d in store.iter_documents():
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
            n += 1
    return n


def _open_out(path):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".gz":
        import gzip

        return gzip.open(path, "wt", encoding="utf-8")
    return open(path, "w", encoding="utf-8", newline="")


def tables(store) -> dict[str, dict[str, str]]:
    """Exported tables and their typed columns (layers with doc/ord/data around their columns)."""
    out = {"articles": dict(R.ARTICLE_COLUMNS), "entity": {**R.ENTITY_COLUMNS, "articles": "int", "mentions": "int"}}
    for layer in store.layers():
        cols = {"doc": "str", "ord": "int"}
        known = R.columns(layer)
        have = [c for c in store._layers[layer] if c not in ("doc", "ord", "data")]
        for c in have:
            cols[c] = known.get(c, "str")
        cols["data"] = "str"
        out[layer] = cols
    return out


def _rows(store, table: str, cols: list[str], batch: int = 5000) -> Iterator[list[tuple]]:
    order = "n" if table == "articles" else ("id" if table == "entity" else "doc, ord")
    cur = store.db.execute(f"SELECT {', '.join(_q(c) for c in cols)} FROM {_q(table)} ORDER BY {order}")
    while True:
        rows = cur.fetchmany(batch)
        if not rows:
            return
        yield [tuple(r) for r in rows]


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def export_csv(store, out_dir: str | Path, layers: list[str] | None = None) -> dict[str, int]:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    counts = {}
    for table, cols in tables(store).items():
        if layers and table not in layers:
            continue
        names = list(cols)
        n = 0
        with open(out_dir / f"{table}.csv", "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(names)
            for rows in _rows(store, table, names):
                w.writerows(rows)
                n += len(rows)
        counts[table] = n
    return counts


def arrow_schema(cols: dict[str, str]):
    import pyarrow as pa

    t = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    return pa.schema([(c, t[k]) for c, k in cols.items()])


def export_parquet(store, out_dir: str | Path, layers: list[str] | None = None) -> dict[str, int]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    counts = {}
    for table, cols in tables(store).items():
        if layers and table not in layers:
            continue
        schema = arrow_schema(cols)
        names = list(cols)
        n = 0
        with pq.ParquetWriter(out_dir / f"{table}.parquet", schema) as w:
            for rows in _rows(store, table, names):
                data = {c: [_cast(r[i], cols[c]) for r in rows] for i, c in enumerate(names)}
                w.write_table(pa.table(data, schema=schema))
                n += len(rows)
            if n == 0:
                w.write_table(schema.empty_table())
        counts[table] = n
    return counts


def _cast(v, t):
    if v is None:
        return None
    if t == "bool":
        return bool(v)
    if t == "int":
        return int(v)
    if t == "float":
        return float(v)
    return v if isinstance(v, str) else str(v)


def plover_records(store) -> Iterator[dict]:
    """Events as PLOVER JSON records (one per event mention; ``link`` groups reports of one story)."""
    if "events" not in store.layers():
        return
    db = store.db
    coded = dt.date.today().isoformat()
    sql = ("SELECT e.*, a.date AS adate, a.url, a.source AS outlet, a.title, a.text AS atext, s.story FROM events e"
           " JOIN articles a ON a.id = e.doc LEFT JOIN stories s ON s.doc = e.doc ORDER BY a.n, e.ord")
    for r in db.execute(sql):
        r = dict(r)
        kb = {}
        for k in ("actor", "target", "where"):
            key = r.get(f"{k}_entity")
            if key:
                row = db.execute("SELECT data FROM entities WHERE doc=? AND entity=?", (r["doc"], key)).fetchone()
                if row:
                    kb[k] = json.loads(row[0]).get("kb") or {}
        rec = {
            "id": f"{r['doc']}-{r['ord']}",
            "date": (r["when"] or r["adate"] or "")[:10] or None,
            "actor": [_actor(r["actor"], r["actor_entity"], kb.get("actor"))] if r["actor"] else [],
            "recipient": [_actor(r["target"], r["target_entity"], kb.get("target"))] if r["target"] else [],
            "event": [r["type"]],
            "mode": [r["mode"]] if r["mode"] else [],
            "event_loc": _loc(r["where"], kb.get("where")) if r["where"] else None,
            "event_text": [r["text"]] if r["text"] else [],
            "text": _sentence(r["atext"], r["start"], r["end"]),
            "text_info": {"doc": r["doc"], "url": r["url"], "source": r["outlet"], "title": r["title"], "start": r["start"], "end": r["end"]},
            "link": r["story"],
            "coder": "khabar",
            "coded_date": coded,
        }
        for k in ("fatalities", "injuries", "arrests"):
            if r.get(k) is not None:
                rec[k] = r[k]
        yield rec


def _actor(text, key, kb):
    a = {"actor": text, "entity": key}
    if kb:
        for k in ("country", "code", "actor_code", "iso3", "agent"):
            if kb.get(k):
                a[k] = kb[k]
    return a


def _loc(text, kb):
    loc = {"name": text}
    if kb:
        for k in ("country", "iso3", "lat", "lon", "geonameid", "admin1"):
            if kb.get(k) is not None:
                loc[k] = kb[k]
    return loc


def _sentence(text: str, start, end) -> str | None:
    if not isinstance(start, int) or not isinstance(end, int):
        return None
    lo = max(text.rfind("\n", 0, start), max(text.rfind(c, 0, start) for c in ".!؟?")) + 1
    hi = min([i for i in (text.find(c, end) for c in ".!؟?\n") if i >= 0] or [len(text)])
    return text[lo:hi + 1].strip()


def export_plover(store, path: str | Path) -> int:
    n = 0
    with _open_out(path) as fh:
        for rec in plover_records(store):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    return n
