"""``khabar figures --category killed --where غزة [--db]``: figure timelines, one series per source."""

from __future__ import annotations

import json
import os


def register(sub) -> None:
    p = sub.add_parser("figures", help="figures (claims) of a category over time, one column per source, side by side")
    p.add_argument("--db", default="khabar.db")
    p.add_argument("--category", default=None, help="claim category (killed, injured, ...)")
    p.add_argument("--where", default=None, help="place (entity id or name)")
    p.add_argument("--group", default=None)
    p.add_argument("--from", dest="date_from", default=None)
    p.add_argument("--to", dest="date_to", default=None)
    p.add_argument("--by", choices=["source", "claimed_by"], default="source", help="series per outlet (default) or per stated source")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..corpus import Store
    from ..errors import KhabarError

    if not os.path.exists(args.db):
        raise KhabarError(f"no store at {args.db}", code="K003")
    st = Store.open(args.db)
    f = st.figures(category=args.category, where=args.where, group=args.group, date_from=args.date_from, date_to=args.date_to, by=args.by)
    if args.json:
        print(json.dumps(f, ensure_ascii=False, indent=1))
        return 0
    names = list(f["series"])
    if not names:
        print(f"no figures ({f['claims']} claims matched)")
        return 1
    print(f"{f['claims']} claims; category={args.category or '*'} where={args.where or '*'}; one column per {args.by}")
    w = [max(len(n), 8) for n in names]
    print("date        " + "  ".join(n.rjust(x) for n, x in zip(names, w)))
    for row in f["table"]:
        cells = []
        for n, x in zip(names, w):
            v = row.get(n)
            cells.append(("" if v is None else f"{v:,.0f}" if float(v).is_integer() else f"{v:,.1f}").rjust(x))
        print(f"{row['date']:<10}  " + "  ".join(cells))
    return 0
