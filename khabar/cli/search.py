"""``khabar search "…" [--db] [--entity] [--from --to] [--source]``: ranked articles with snippets."""

from __future__ import annotations

import json
import sys


def register(sub) -> None:
    p = sub.add_parser("search", help="full-text search of a store (Arabic as typed: variants, diacritics, stems)")
    p.add_argument("query")
    p.add_argument("--db", default="khabar.db")
    p.add_argument("--entity", default=None, help="only articles naming this entity (id or name)")
    p.add_argument("--from", dest="date_from", default=None, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", default=None, metavar="YYYY-MM-DD")
    p.add_argument("--source", default=None)
    p.add_argument("--limit", type=int, default=10)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..corpus import Store
    from ..errors import KhabarError

    import os

    if not os.path.exists(args.db):
        raise KhabarError(f"no store at {args.db} (run khabar ingest first)", code="K003")
    st = Store.open(args.db)
    tty = sys.stdout.isatty()
    mark = ("\033[1;33m", "\033[0m") if tty and not args.json else ("[", "]")
    res = st.search(args.query, entity=args.entity, date_from=args.date_from, date_to=args.date_to, source=args.source,
                    limit=args.limit, mark=mark if not args.json else ("<mark>", "</mark>"))
    if args.json:
        for r in res:
            print(json.dumps(r, ensure_ascii=False))
        return 0 if res else 1
    if not res:
        print("no results", file=sys.stderr)
        return 1
    for i, r in enumerate(res, 1):
        print(f"{i:>2}. {r['title'] or '(untitled)'}  [{r['source'] or '-'} {r['date'] or '-'}]  {r['id']}  score {r['score']:.2f}")
        print(f"    {r['snippet']}")
    return 0
