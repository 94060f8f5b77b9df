"""``khabar boilerplate FILE.jsonl[.gz]...``: lines flagged per source, and repeated lines proposed
for per-source boilerplate lists."""

from __future__ import annotations

import gzip
import json


def register(sub) -> None:
    p = sub.add_parser("boilerplate", help="find boilerplate lines repeated across a source's articles")
    p.add_argument("paths", nargs="+", metavar="FILE", help="JSON Lines articles with `source` and `text`")
    p.add_argument("--min-articles", type=int, default=5, help="a line must recur in at least this many articles")
    p.add_argument("--min-share", type=float, default=0.005, help="... and in at least this share of the source's articles")
    p.add_argument("--write", metavar="DIR", help="write proposed per-source lists (YAML) into DIR")
    p.add_argument("--sample", type=int, default=0, metavar="N", help="print N random rule-flagged lines (fixed seed) for a precision check")
    p.add_argument("--top", type=int, default=15, help="proposals shown per source")
    p.set_defaults(func=run)


def _rows(paths):
    for path in paths:
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    row = json.loads(line)
                    yield row.get("source") or "unknown", row.get("text") or ""


def run(args) -> int:
    from ..clean_corpus import propose, scan, write_source_lists

    stats = scan(_rows(args.paths))
    props = propose(stats, min_articles=args.min_articles, min_share=args.min_share)
    print(f"{'source':<14}{'articles':>9}{'lines':>9}{'flagged':>9}  by rule")
    for source, st in sorted(stats.items()):
        kinds = ", ".join(f"{k} {n}" for k, n in st.flagged.most_common())
        print(f"{source:<14}{st.articles:>9}{st.lines:>9}{sum(st.flagged.values()):>9}  {kinds}")
    by_source: dict[str, list] = {}
    for p in props:
        by_source.setdefault(p.source, []).append(p)
    for source, ps in by_source.items():
        print(f"\n{source}: {len(ps)} repeated lines ({sum(1 for p in ps if not p.already)} not yet flagged)")
        for p in ps[: args.top]:
            tag = f"[{p.already}]" if p.already else "[new]"
            print(f"  {p.articles:>6} ({p.share:6.1%}) {tag:<14} {p.line[:90]}")
    if args.sample:
        import random

        pool = [(s, k, line) for s, st in sorted(stats.items()) for k, line in st.flagged_lines]
        print(f"\n{args.sample} random flagged lines of {len(pool)} (seed 0):")
        for s, k, line in random.Random(0).sample(pool, min(args.sample, len(pool))):
            print(f"  {s:<10} {k:<11} {line[:110]}")
    if args.write:
        for path in write_source_lists(props, args.write):
            print(f"proposed list written: {path}")
    return 0
