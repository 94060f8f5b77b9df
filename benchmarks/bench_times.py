"""Time and quantity extraction speed on the example corpus, one core.

The two stages run over the example articles already normalised, cleaned and segmented (their
cost is measured by bench_pipeline). The baseline, in the same runs and over the same view texts,
is one regex pass that finds every number and word. RUNS alternate; medians are reported, in
CPU seconds of this process (``time.process_time``: per core, and steady when other jobs share
the machine) and in wall-clock seconds.
Target: >= 20,000 time and quantity extractions per second per core, and under ~1 ms per
typical article for the two stages together.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
RUNS = 7
BASELINE = re.compile(r"\d+|\w+")


def _docs():
    from khabar.document import Document
    from khabar.pipeline import Pipeline

    pre = Pipeline(["normalise", "clean", "segment"])
    docs = []
    with gzip.open(ROOT / "examples" / "ant-sample.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            docs.append(pre(Document(text=row["text"], reference_date=(row.get("date") or "")[:10] or None)))
    return docs


def main() -> int:
    from khabar.registry import get

    docs = _docs()
    times, quantities = get("times")(), get("quantities")()
    for d in docs[:20]:  # compile the patterns outside the timing
        times(d)
        quantities(d)
    ours, base, ours_wall, base_wall = [], [], [], []
    n = 0
    for _ in range(RUNS):
        w0, t0 = time.perf_counter(), time.process_time()
        k = 0
        for d in docs:
            d.stages.pop("times", None)
            times(d)
            d.stages["times"] = times.version
            quantities(d)
            k += len(d.times) + len(d.quantities)
        ours.append(time.process_time() - t0)
        ours_wall.append(time.perf_counter() - w0)
        n = k
        w0, t0 = time.perf_counter(), time.process_time()
        m = 0
        for d in docs:
            m += len(BASELINE.findall(d.view.text))
        base.append(time.process_time() - t0)
        base_wall.append(time.perf_counter() - w0)
    o, b = statistics.median(ours), statistics.median(base)
    ow, bw = statistics.median(ours_wall), statistics.median(base_wall)
    chars = sum(len(d.text) for d in docs)
    nt = sum(len(d.times) for d in docs)
    print(f"{len(docs)} articles, {chars} characters ({chars / len(docs):.0f} per article), {RUNS} runs, medians")
    print(f"CPU time, times + quantities: {o * 1000:.1f} ms -> {n / o:,.0f} extractions/s ({nt} times, {n - nt} quantities), "
          f"{len(docs) / o:,.0f} articles/s, {1000 * o / len(docs):.3f} ms/article, {1000 * o / (chars / 1500):.3f} ms per 1,500 characters")
    print(f"baseline (one regex pass, numbers and words): {b * 1000:.1f} ms -> {len(docs) / b:,.0f} articles/s; stages / baseline = {o / b:.1f}x")
    print(f"wall clock: times + quantities {ow * 1000:.1f} ms ({n / ow:,.0f} extractions/s), baseline {bw * 1000:.1f} ms")
    ok = n / o >= 20000
    print(f"target >= 20,000 extractions/s: {'met' if ok else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
