"""``khabar export --db khabar.db --format jsonl|csv|parquet|plover OUT``."""

from __future__ import annotations

import os


def register(sub) -> None:
    p = sub.add_parser("export", help="export a store: jsonl (document contract), csv or parquet (one file per layer), plover (events)")
    p.add_argument("out", help="output file (jsonl, plover) or folder (csv, parquet)")
    p.add_argument("--db", default="khabar.db")
    p.add_argument("--format", choices=["jsonl", "csv", "parquet", "plover"], default="jsonl")
    p.add_argument("--layer", action="append", default=None, help="csv/parquet: only these tables (repeatable)")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..corpus import Store
    from ..corpus import export as ex
    from ..errors import KhabarError

    if not os.path.exists(args.db):
        raise KhabarError(f"no store at {args.db}", code="K003")
    st = Store.open(args.db)
    if args.format == "jsonl":
        print(f"{ex.export_jsonl(st, args.out)} documents -> {args.out}")
    elif args.format == "plover":
        print(f"{ex.export_plover(st, args.out)} PLOVER events -> {args.out}")
    else:
        fn = ex.export_csv if args.format == "csv" else ex.export_parquet
        counts = fn(st, args.out, args.layer)
        print(f"{args.format} -> {args.out}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return 0
