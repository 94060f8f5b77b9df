"""NER speed: tagging throughput per core, model load time, resident memory, and the entities
stage's time per article.

Texts: the articles of examples/ant-sample.jsonl.gz (in the repo), tokenised by the segment
stage, body sentences only. Figures are medians of 5 runs on one thread.
- ``tag cold``: new feature cache each run (every distinct word featurised once per run).
- ``tag warm``: the per-word feature cache already filled (the steady state of a long batch).
- baseline in the same run: the CRF alone on precomputed features (the floor the features add to).
Load time and memory are measured in a fresh subprocess (import + load of the shipped model).
Usage: python benchmarks/run.py ner
"""

from __future__ import annotations

import gzip
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "ant-sample.jsonl.gz"

_PROBE = r"""
import json, resource, sys, time
def rss():
    for line in open('/proc/self/status'):
        if line.startswith('VmRSS:'):
            return int(line.split()[1]) / 1024
r0 = rss()
t0 = time.perf_counter()
from khabar.ner.tagger import NerTagger
t = NerTagger().load()
t1 = time.perf_counter()
import khabar
doc = khabar.extract(sys.stdin.read())
print(json.dumps({"load_s": t1 - t0, "rss_start_mb": r0, "rss_loaded_mb": rss(), "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "entities": len(doc.entities)}))
"""


def _docs(n=200):
    import khabar
    from khabar.pipeline import Pipeline

    texts = []
    with gzip.open(EXAMPLES, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row.get("text"):
                texts.append(row["text"])
            if len(texts) >= n:
                break
    pipe = Pipeline(["normalise", "clean", "segment"])
    from khabar.document import Document

    del khabar
    return [pipe(Document(t)) for t in texts]


def main() -> int:
    from khabar.ner.features import Featurizer
    from khabar.ner.tagger import shipped
    from khabar.stages.entities import Entities

    docs = _docs()
    tagger = shipped()
    st = Entities()
    sents = []
    for d in docs:
        for a, b in st._body_sentences(d):
            sents.append([d.text[t.start : t.end] for t in d.tokens[a:b]])
    ntok = sum(map(len, sents))
    base_feat = tagger.featurizer
    pre = [base_feat.sentence(s) for s in sents]
    crf = tagger._tagger

    def run_crf():
        for x in pre:
            crf.tag(x)

    def run_cold():
        f = Featurizer(base_feat.gaz, base_feat.clusters, base_feat.groups)
        for s in sents:
            crf.tag(f.sentence(s))

    def run_warm():
        for s in sents:
            tagger.tag(s)

    def med(fn):
        ts = []
        for _ in range(5):
            t0 = time.perf_counter()
            fn()
            ts.append(time.perf_counter() - t0)
        return statistics.median(ts)

    t_crf, t_cold, t_warm = med(run_crf), med(run_cold), med(run_warm)
    print(f"{len(docs)} articles, {len(sents)} body sentences, {ntok} tokens")
    print(f"baseline CRF alone (features precomputed): {ntok / t_crf:,.0f} tokens/s")
    print(f"tag cold (features from scratch each run):  {ntok / t_cold:,.0f} tokens/s")
    print(f"tag warm (per-word feature cache filled):   {ntok / t_warm:,.0f} tokens/s")

    def run_stage():
        for d in docs:
            st(d)

    t_stage = med(run_stage)
    print(f"entities stage: {1000 * t_stage / len(docs):.2f} ms/article ({len(docs) / t_stage:,.0f} articles/s, {ntok / len(docs):.0f} body tokens/article)")

    seed = (ROOT / "tests" / "golden" / "blinken-iraq-2023-11-05.txt").read_text(encoding="utf-8")
    loads, probe = [], None
    for _ in range(5):
        out = subprocess.run([sys.executable, "-c", _PROBE], input=seed, capture_output=True, text=True, cwd=ROOT, check=True)
        probe = json.loads(out.stdout.strip().splitlines()[-1])
        loads.append(probe["load_s"])
    print(f"model load (fresh process, import + load): {statistics.median(loads):.3f} s (median of 5)")
    print(f"resident memory: {probe['rss_loaded_mb']:.0f} MB after load (process start {probe['rss_start_mb']:.0f} MB), "
          f"peak {probe['maxrss_mb']:.0f} MB after extracting the seed article")
    ok = ntok / t_warm >= 100_000 and statistics.median(loads) < 1.0 and probe["maxrss_mb"] < 300
    print("targets (>=100k tokens/s warm, load < 1 s, RSS < 300 MB):", "met" if ok else "NOT met")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
