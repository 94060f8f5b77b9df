"""Build khabar/data/ar/stems.tsv.gz: the search stems of the most frequent normalised words of
the ANT corpora (Apache-2.0; cite the ANT papers, see examples/README.md), so ingest workers
start with a warm stem cache instead of calling tashaphyne (~140 µs a word) on every new word.
SaudiNewsNet (non-commercial licence) is deliberately not used.

Usage: python scripts/build_stem_cache.py /work/shared/data/news [N=150000]
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(news: str, n: int = 150_000) -> None:
    from khabar.corpus.textindex import Stemmer, norm_text

    counts: Counter = Counter()
    for name in ("ant_multisource/ant_multisource.jsonl.gz", "ant_jawharafm/ant_jawharafm.jsonl.gz"):
        with gzip.open(Path(news) / name, "rt", encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                counts.update(re.findall(r"\w+", norm_text((r.get("title") or "") + "\n" + (r.get("text") or ""))))
    st = Stemmer(preload=False)
    out = ROOT / "khabar" / "data" / "ar" / "stems.tsv.gz"
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("# word<TAB>index stems<TAB>light stem; built by scripts/build_stem_cache.py from the ANT corpora\n")
        for w, _ in counts.most_common(n):
            a, b = st.pair(w)
            fh.write(f"{w}\t{a}\t{b}\n")
    print(f"{out}: {min(n, len(counts))} of {len(counts)} words")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 150_000)
