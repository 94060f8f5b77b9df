"""The same pipeline on Apache Spark: JSON Lines, Parquet or WARC inputs (local paths or any
Hadoop-compatible URI: hdfs://, s3a://, gs://...), Parquet out, one folder per table (``articles``,
``entity`` and one per layer), with the columns of ``khabar.corpus.rows``, the same as
``khabar export --format parquet`` writes from a local store.

Each partition runs ``khabar.runners.local.process_many`` (reader item -> Document -> default pipeline
-> prepared rows) inside ``mapPartitions``; the Python worker keeps its pipeline across tasks.
Articles are deduplicated by content id (the copy with the smallest origin wins, so the result
does not depend on partitioning); the corpus-level entity table is aggregated across articles.

Run: ``khabar spark INPUT... --out DIR [--master local[2]]`` or, on a cluster, ``spark-submit``
this file (see docs/spark.md).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator

from khabar.corpus import rows as R  # absolute: spark-submit runs this file as a script

TABLES_FIXED = ("articles", "entity")


def _items_from_lines(rows: Iterator, fields_json: str) -> Iterator:
    """JSON Lines rows ``((order key, path), line)`` -> reader items (same mapping as the local reader)."""
    from khabar.ingest.base import Failure, Item, JsonlFields, clean_meta
    from khabar.ingest.jsonl import _first

    f = JsonlFields(**{k: tuple(v) for k, v in json.loads(fields_json).items()})
    for (key, path), line in rows:
        if not line or not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            yield key, Failure(path, "bad json", str(exc))
            continue
        if not isinstance(row, dict):
            yield key, Failure(path, "bad json", "line is not an object")
            continue
        yield key, _item_from_record(row, path, f, Item, clean_meta, _first)


def _item_from_record(row: dict, path: str, f, Item, clean_meta, _first):
    tk, text = _first(row, f.text)
    hk, html = (None, None) if text else _first(row, f.html)
    meta = clean_meta({k: v for k, v in row.items() if k not in (tk, hk)})
    for name, keys in (("title", f.title), ("source", f.source), ("url", f.url), ("date", f.date)):
        if name not in meta:
            k, v = _first(row, keys)
            if v is not None:
                meta[name] = v
    meta.setdefault("path", path)
    return Item(origin=path, text=text if text is not None else ("" if html is None else None), html=html, meta=meta)


def _items_from_warc(files: Iterator, n: int = 0) -> Iterator:
    import io

    from fastwarc.warc import ArchiveIterator, WarcRecordType

    from khabar.ingest.base import Failure, Item

    for path, data in files:
        try:
            for i, rec in enumerate(ArchiveIterator(io.BytesIO(data), record_types=WarcRecordType.response, parse_http=True)):
                origin = f"{path}#{rec.record_id or i}"
                key = (n, path, i)
                http = rec.http_headers
                ctype = (http.get("Content-Type") if http is not None else "") or ""
                if http is not None and http.status_code and http.status_code >= 400:
                    yield key, Failure(origin, "http error", str(http.status_code))
                    continue
                if "html" not in ctype.lower():
                    continue
                meta = {"url": rec.headers.get("WARC-Target-URI"), "path": path}
                if rec.headers.get("WARC-Date"):
                    meta["crawl_date"] = rec.headers.get("WARC-Date")
                yield key, Item(origin=origin, html=rec.reader.read(), meta=meta)
        except Exception as exc:
            yield (n, path, -1), Failure(path, "unreadable warc", f"{type(exc).__name__}: {exc}")


_PIPES: dict = {}


def _pipeline(stages: tuple[str, ...] | None):
    """One pipeline per Python worker and stage list (Spark reuses workers across tasks)."""
    if stages not in _PIPES:
        from khabar import pipeline
        from khabar.pipeline import Pipeline

        _PIPES[stages] = pipeline() if stages is None else Pipeline(list(stages))
    return _PIPES[stages]


def _process_partition(pairs: Iterator, stages: tuple[str, ...] | None = None) -> Iterator:
    """(key, item) -> ("new", id, key, prepared-json) | ("fail", reason, origin, detail)."""
    from itertools import islice

    from khabar.runners.local import process_many

    pipe = _pipeline(stages)
    pairs = iter(pairs)
    while True:
        chunk = list(islice(pairs, 16))
        if not chunk:
            return
        for (key, _), r in zip(chunk, process_many([item for _, item in chunk], pipe)):
            yield from _result(key, r)


def _result(key, r) -> Iterator:
    if r[0] == "new":
        p = r[1]
        p.pop("minhash", None)
        p.pop("terms", None)
        p.pop("fts", None)
        yield ("new", p["article"]["id"], key, json.dumps(p, ensure_ascii=False))
    else:
        yield tuple(str(x) for x in r) + ("",) * (4 - len(r))


def _table_rows(prepared_json: str) -> Iterator:
    p = json.loads(prepared_json)
    yield ("articles", p["article"])
    for layer, rws in p["layers"].items():
        for r in rws:
            yield (layer, r)
    mentions: dict[str, int] = {}
    for r in p["layers"].get("entities", []):
        mentions[r["entity"]] = mentions.get(r["entity"], 0) + (r["mentions"] or 0)
    for e in p["entities"]:
        yield ("entity", {**e, "articles": 1, "mentions": mentions.get(e["id"], 0)})


def spark_schema(cols: dict[str, str]):
    from pyspark.sql import types as T

    t = {"str": T.StringType(), "int": T.LongType(), "float": T.DoubleType(), "bool": T.BooleanType()}
    return T.StructType([T.StructField(c, t[k], True) for c, k in cols.items()])


def table_columns(table: str) -> dict[str, str]:
    if table == "articles":
        return dict(R.ARTICLE_COLUMNS)
    if table == "entity":
        return {**R.ENTITY_COLUMNS, "articles": "int", "mentions": "int"}
    return {"doc": "str", "ord": "int", **R.columns(table), "data": "str"}


def _is_parquet(p: str) -> bool:
    return p.rstrip("/").endswith(".parquet") or p.rstrip("/").endswith(".pq")


def run(spark, inputs: list[str], out: str, *, fields=None, fmt: str | None = None, partitions: int | None = None,
        stages: list[str] | None = None) -> dict:
    """Extract ``inputs`` and write Parquet per table under ``out``; returns counts."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    from khabar.ingest.base import JsonlFields, detect_format

    sc = spark.sparkContext
    fields_json = json.dumps((fields or JsonlFields()).__dict__)
    parts = partitions or sc.defaultParallelism * 2
    rdds = []
    for n, path in enumerate(inputs):
        kind = fmt or ("parquet" if _is_parquet(path) else detect_format(path)) or "jsonl"
        if kind == "parquet":
            df = spark.read.parquet(path)

            def from_parquet(rows, path=path, n=n, fj=fields_json):
                from khabar.ingest.base import Item, JsonlFields, clean_meta
                from khabar.ingest.jsonl import _first

                f = JsonlFields(**{k: tuple(v) for k, v in json.loads(fj).items()})
                for r, i in rows:
                    d = r.asDict(recursive=True)
                    for k, v in list(d.items()):
                        if hasattr(v, "isoformat"):
                            d[k] = v.isoformat()
                    yield (n, path, i), _item_from_record(d, path, f, Item, clean_meta, _first)

            rdds.append(df.rdd.zipWithIndex().mapPartitions(from_parquet))
        elif kind == "warc":
            files = sc.binaryFiles(path)
            if detect_format(path) == "warc":  # one file: name it as given, like the local reader
                files = files.map(lambda kv, p=path: (p, kv[1]))
            rdds.append(files.mapPartitions(lambda fs, n=n: _items_from_warc(fs, n)))
        else:
            lines = spark.read.text(path).rdd.map(lambda r: r[0]).zipWithIndex()
            lines = lines.map(lambda li, n=n, path=path: (((n, path, li[1]), path), li[0]))
            rdds.append(lines.mapPartitions(lambda rows, fj=fields_json: _items_from_lines(rows, fj)))
    items = sc.union(rdds) if len(rdds) > 1 else rdds[0]
    st = tuple(stages) if stages else None
    results = items.repartition(parts).mapPartitions(lambda it: _process_partition(it, st)).persist(StorageLevel.MEMORY_AND_DISK)
    outcome = results.map(lambda r: (r[0], r[1] if r[0] == "fail" else "")).countByValue()
    failed = {reason: n for (kind, reason), n in outcome.items() if kind == "fail"}
    read = sum(outcome.values())
    # one copy per content id: the smallest origin wins (independent of partitioning)
    docs = (results.filter(lambda r: r[0] == "new").map(lambda r: (r[1], (r[2], r[3])))
            .reduceByKey(lambda a, b: a if a[0] <= b[0] else b).map(lambda kv: kv[1][1]))
    rows = docs.flatMap(_table_rows).persist(StorageLevel.MEMORY_AND_DISK)
    per_table = dict(rows.map(lambda r: r[0]).countByValue())
    tables = set(per_table) | set(R.layer_names()) | set(TABLES_FIXED)
    counts = {}
    for table in sorted(tables):
        cols = table_columns(table)
        sub = rows.filter(lambda r, t=table: r[0] == t).map(lambda r, c=tuple(cols): tuple(r[1].get(k) for k in c))
        df = spark.createDataFrame(sub, schema=spark_schema(cols))
        if table == "entity":
            df = (df.groupBy("id").agg(F.first("type").alias("type"), F.min("norm").alias("norm"), F.first("kb_id").alias("kb_id"),
                                      F.min("canonical").alias("canonical"), F.sum("articles").alias("articles"),
                                      F.sum("mentions").alias("mentions")))
        df.write.mode("overwrite").parquet(f"{out.rstrip('/')}/{table}")
        counts[table] = per_table.get(table, 0)
    if counts.get("entity"):
        counts["entity"] = spark.read.parquet(f"{out.rstrip('/')}/entity").count()
    new = counts.get("articles", 0)
    ok = read - sum(failed.values())
    report = {"read": read, "new": new, "duplicate": ok - new, "failed": failed, "tables": counts}
    results.unpersist()
    rows.unpersist()
    return report


def session(master: str | None = None, app: str = "khabar"):
    """A Spark session whose Python workers use this interpreter (the one khabar is installed in)."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    b = SparkSession.builder.appName(app)
    if master:
        b = b.master(master)
    b = (b.config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "8")
         .config("spark.driver.bindAddress", "127.0.0.1") if (master or "").startswith("local") else b)
    return b.getOrCreate()


def main(argv: list[str] | None = None) -> int:
    """Entry point for ``spark-submit khabar/runners/spark.py INPUT... --out DIR``."""
    import argparse

    ap = argparse.ArgumentParser(prog="khabar-spark")
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--out", required=True)
    ap.add_argument("--master", default=None)
    ap.add_argument("--partitions", type=int, default=None)
    ap.add_argument("--format", default=None, choices=["jsonl", "parquet", "warc"])
    ap.add_argument("--stages", default=None, help="comma-separated stage names (default: the default pipeline)")
    a = ap.parse_args(argv)
    spark = session(a.master)
    stages = [x for x in (a.stages or "").split(",") if x] or None
    rep = run(spark, a.inputs, a.out, fmt=a.format, partitions=a.partitions, stages=stages)
    print(json.dumps(rep, ensure_ascii=False))
    return 0


if __name__ == "__main__":  # spark-submit runs this file as a script
    sys.exit(main())
