"""``khabar corpus VIEW``: views of a store: stats, entities, entity, quotes, stories, related,
duplicates, events, analyse."""

from __future__ import annotations

import json
import os


def register(sub) -> None:
    p = sub.add_parser("corpus", help="views of a store: stats | entities | entity NAME | quotes [SPEAKER] | stories | related ID | duplicates | events | analyse")
    p.add_argument("view", choices=["stats", "entities", "entity", "quotes", "stories", "related", "duplicates", "events", "analyse"])
    p.add_argument("arg", nargs="?", default=None, help="entity id or name, speaker, or article id")
    p.add_argument("--db", default="khabar.db")
    p.add_argument("--type", default=None, help="entity type or event type")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..corpus import Store
    from ..errors import KhabarError

    if not os.path.exists(args.db):
        raise KhabarError(f"no store at {args.db}", code="K003")
    st = Store.open(args.db)
    v = args.view
    if v == "stats":
        out = {"counts": st.counts(), "sources": st.sources(), "events_counted_once": st.events_count()}
    elif v == "entities":
        out = st.entities(type=args.type, q=args.arg, limit=args.limit)
    elif v == "entity":
        out = st.entity(args.arg or "", limit=args.limit)
    elif v == "quotes":
        out = st.quotes(speaker=args.arg, limit=args.limit)
    elif v == "stories":
        out = st.stories(limit=args.limit)
    elif v == "related":
        out = st.related(args.arg or "", limit=args.limit)
    elif v == "duplicates":
        out = st.duplicates(args.arg)[: args.limit]
    elif v == "events":
        out = st.events(type=args.type, actor=args.arg, limit=args.limit)
    else:
        out = st.analyse()
    if args.json or v in ("stats", "entity", "analyse"):
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0 if out else 1
    for r in out or []:
        if v == "stories":
            print(f"{r['size']:>3} reports  {r['first']}..{r['last']}  {', '.join(r['sources'])}")
            for a in r["articles"][:5]:
                print(f"      {a['date']}  {a['source']}: {a['title']}")
        else:
            print("  ".join(str(r.get(k)) for k in r if k not in ("data",)))
    return 0 if out else 1
