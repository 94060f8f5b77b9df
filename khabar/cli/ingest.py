"""``khabar ingest PATH... [--db khabar.db]``: read news in any supported format into a store."""

from __future__ import annotations

import json
import sys


def register(sub) -> None:
    p = sub.add_parser("ingest", help="ingest articles (.txt, .jsonl[.gz], .html, .warc[.gz], RSS/Atom; folders walked) into a store")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--db", default="khabar.db", help="store file (SQLite, WAL mode); default khabar.db")
    p.add_argument("--workers", type=int, default=None, help="worker processes (default: one per core)")
    p.add_argument("--format", choices=["txt", "jsonl", "html", "warc", "rss"], default=None, help="force a reader (default: by extension)")
    p.add_argument("--text-field", action="append", default=None, help="JSON Lines: field holding the text (repeatable; default text, content, body)")
    p.add_argument("--title-field", action="append", default=None)
    p.add_argument("--date-field", action="append", default=None, help="default date, then date_extracted")
    p.add_argument("--source-field", action="append", default=None)
    p.add_argument("--url-field", action="append", default=None)
    p.add_argument("--limit", type=int, default=None, help="read at most N articles")
    p.add_argument("--stages", default=None, help="comma-separated stage names to run (default: the whole default pipeline)")
    p.add_argument("--no-analyse", action="store_true", help="skip near-duplicates, stories and related articles at the end")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--commit-every", type=int, default=256, metavar="N",
                   help="articles per transaction (default 256; a killed run redoes at most N)")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..corpus import Store
    from ..ingest.base import JsonlFields
    from ..runners.local import ingest

    f = JsonlFields()
    over = {k: tuple(v) for k, v in (("text", args.text_field), ("title", args.title_field), ("date", args.date_field),
                                      ("source", args.source_field), ("url", args.url_field)) if v}
    fields = JsonlFields(**{**f.__dict__, **over}) if over else f
    pipe = None
    if args.stages:
        from ..pipeline import Pipeline

        pipe = Pipeline([s.strip() for s in args.stages.split(",") if s.strip()])
    store = Store.open(args.db)
    try:
        rep = ingest(args.paths, store, pipeline=pipe, workers=args.workers, fmt=args.format, fields=fields,
                     progress=not args.quiet, analyse=not args.no_analyse, limit=args.limit,
                     commit_every=max(1, args.commit_every))
        if args.json:
            print(json.dumps({**rep.to_dict(), "store": store.counts()}, ensure_ascii=False))
        else:
            print(rep.summary())
            c = store.counts()
            print(f"store {args.db}: " + ", ".join(f"{k} {v}" for k, v in c.items()))
    finally:
        store.close()
    return 0 if rep.read and rep.failed_total < rep.read else (1 if rep.read else 1)


__all__ = ["register", "run", "sys"]
