"""Build the bundled example corpus from the ANT multi-source corpus (Apache-2.0 + citation).

    python scripts/make_examples.py ../shared/data/news/ant_multisource/ant_multisource.jsonl.gz

Takes 120 articles per source (600 in all), drawn with a fixed seed, weighted towards the news
categories that carry facts (middleEast, internationalNews), keeping every field as published.
"""

from __future__ import annotations

import gzip
import json
import random
import sys
from collections import defaultdict

PER_SOURCE = 120


def main(src: str, out: str = "examples/ant-sample.jsonl.gz") -> None:
    by_source = defaultdict(list)
    with gzip.open(src, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row.get("text", "").strip():
                by_source[row["source"]].append(row)
    rng = random.Random(20231105)
    picked = []
    for source in sorted(by_source):
        rows = sorted(by_source[source], key=lambda r: r["id"])
        news = [r for r in rows if r["category"] in ("middleEast", "internationalNews")]
        other = [r for r in rows if r["category"] not in ("middleEast", "internationalNews")]
        k_news = min(len(news), PER_SOURCE * 3 // 4)
        picked += rng.sample(news, k_news) + rng.sample(other, PER_SOURCE - k_news)
    picked.sort(key=lambda r: (r["source"], r["id"]))
    with gzip.GzipFile(out, "wb", mtime=0) as raw:
        for row in picked:
            raw.write((json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8"))
    print(f"{len(picked)} articles -> {out}")


if __name__ == "__main__":
    main(*sys.argv[1:])
