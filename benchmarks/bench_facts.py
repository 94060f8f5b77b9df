"""Speed of the fact stages (quotes, claims, events) on the example corpus, in ms per article.

The stages before them run once; then quotes+claims+events run over every article RUNS times
(their per-document caches cleared each time, so each run pays the full cost). The baseline,
timed alternately in the same runs, is one regex pass over each article's normalised view: the
least any reader of the words must do. The budget is about 1 ms per article for the three.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 7
WORD = re.compile(r"\w+")
FACTS = ("quotes", "claims", "events")


def _docs():
    from khabar import Document, Pipeline, registry

    pre = Pipeline([n for n in registry.DEFAULT_PIPELINE if n not in FACTS])
    docs = []
    with gzip.open(ROOT / "examples" / "ant-sample.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            docs.append(pre(Document(row["text"], reference_date=(row.get("date") or "")[:10] or None)))
    return docs


def main() -> int:
    from khabar import registry

    docs = _docs()
    stages = [registry.get(n)() for n in FACTS]
    for d in docs[:20]:  # load lexicons once
        for st in stages:
            st(d)
    per_stage = {st.name: [] for st in stages}
    fact_runs, base_runs, cpu_runs = [], [], []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        for d in docs:
            WORD.findall(d.view.text)
        base_runs.append(time.perf_counter() - t0)
        spent = dict.fromkeys(per_stage, 0.0)
        c0 = time.process_time()
        t0 = time.perf_counter()
        for d in docs:
            d.__dict__.pop("_fact_sents", None)
            d.__dict__.pop("_fact_mentions", None)
            for st in stages:
                t = time.perf_counter()
                st(d)
                spent[st.name] += time.perf_counter() - t
        fact_runs.append(time.perf_counter() - t0)
        cpu_runs.append(time.process_time() - c0)
        for k, v in spent.items():
            per_stage[k].append(v)
    n = len(docs)
    ms = lambda xs: statistics.median(xs) / n * 1000  # noqa: E731
    facts = ms(fact_runs)
    base = ms(base_runs)
    print(f"example corpus: {n} articles; median of {RUNS} runs")
    print(f"baseline (one regex pass over the view): {base:.3f} ms/article")
    print(f"quotes+claims+events: {facts:.3f} ms/article wall ({1000 / facts:,.0f} articles/s/core for the three), {facts / base:.1f}x baseline")
    # on a shared machine the wall clock counts other processes' turns; CPU time does not
    print(f"quotes+claims+events: {ms(cpu_runs):.3f} ms/article CPU time of this process")
    for k, v in per_stage.items():
        print(f"  stage {k:<8} {ms(v):.3f} ms/article")
    counts = {k: sum(len(getattr(d, k)) for d in docs) for k in FACTS}
    print("facts found: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(ROOT))
    sys.exit(main())
