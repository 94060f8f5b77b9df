"""``khabar spark INPUT... --out DIR [--master local[2]]``: the pipeline on Apache Spark, Parquet per layer."""

from __future__ import annotations

import json


def register(sub) -> None:
    p = sub.add_parser("spark", help="run the pipeline with Apache Spark over JSONL, Parquet or WARC inputs (paths or Hadoop URIs); Parquet per layer out")
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("--out", required=True, help="output folder or URI (one Parquet folder per table)")
    p.add_argument("--master", default=None, help="Spark master (default: from spark-submit, else local[*])")
    p.add_argument("--partitions", type=int, default=None)
    p.add_argument("--format", default=None, choices=["jsonl", "parquet", "warc"])
    p.add_argument("--stages", default=None, help="comma-separated stage names (default: the whole default pipeline)")
    p.set_defaults(func=run)


def run(args) -> int:
    try:
        from ..runners.spark import run as spark_run
        from ..runners.spark import session
    except ImportError as exc:  # pyspark is the optional extra [spark]
        from ..errors import KhabarError

        raise KhabarError(f"pyspark is not installed (pip install 'khabar[spark]'): {exc}", code="K004") from None
    spark = session(args.master or "local[*]")
    try:
        stages = [x.strip() for x in (args.stages or "").split(",") if x.strip()] or None
        rep = spark_run(spark, args.inputs, args.out, fmt=args.format, partitions=args.partitions, stages=stages)
    finally:
        spark.stop()
    print(json.dumps(rep, ensure_ascii=False))
    return 0
