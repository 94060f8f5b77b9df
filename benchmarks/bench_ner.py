"""NER speed: tagging throughput per core, model load time, resident memory, and the entities
stage's time per article.

Texts: the articles of examples/ant-sample.jsonl.gz (in the repo), tokenised by the segment
stage, body sentences only. Figures are medians of 5 runs on one thread, timed in CPU seconds of
this process (the machine is shared: wall time would count the other processes).
- ``tag cold``: new feature cache each run (every distinct word featurised once per run).
- ``tag warm``: the per-word feature cache already filled (the steady state of a long batch).
- baseline in the same run: the CRF alone on precomputed features (the floor the features add to).
Load time and memory are measured in a fresh subprocess (import + load of the shipped model);
the peak is VmHWM (ru_maxrss would report the parent's peak inherited across fork).
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
import json, sys, time
def rss(field='VmRSS:'):
    for line in open('/proc/self/status'):
        if line.startswith(field):
            return int(line.split()[1]) / 1024
r0 = rss()
w0, c0 = time.perf_counter(), time.process_time()
from khabar.ner.tagger import NerTagger
t = NerTagger().load()
w1, c1 = time.perf_counter(), time.process_time()
r1 = rss()
from khabar.pipeline import Pipeline
from khabar.document import Document
doc = Pipeline(["normalise", "clean", "segment", "entities"])(Document(sys.stdin.read()))
print(json.dumps({"load_wall_s": w1 - w0, "load_cpu_s": c1 - c0, "rss_start_mb": r0, "rss_loaded_mb": r1,
                  "rss_after_doc_mb": rss(), "maxrss_mb": rss('VmHWM:'),
                  "entities": len(doc.entities)}))
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
    import pycrfsuite

    from khabar.ner.train import MODEL_FILE

    crf = pycrfsuite.Tagger()
    crf.open(str(tagger.model_dir / MODEL_FILE))

    def run_crf():
        for x in pre:
            crf.tag(x)

    from khabar.ner.fastcrf import WEIGHTS_FILE, CompiledCRF

    by_doc = []
    for d in docs:
        by_doc.append([[d.text[t.start : t.end] for t in d.tokens[a:b]] for a, b in st._body_sentences(d)])

    def run_cold():
        f = Featurizer(base_feat.gaz, base_feat.clusters, base_feat.groups, vectors=base_feat.vectors)
        c = CompiledCRF(tagger.model_dir / WEIGHTS_FILE, f)
        for ds in by_doc:
            c.tag_many(ds)

    def run_warm():
        for ds in by_doc:
            tagger.tag_many(ds)

    def med(fn):
        # CPU seconds of this process: the figure per core, whatever else the machine runs
        ts = []
        for _ in range(5):
            t0 = time.process_time()
            fn()
            ts.append(time.process_time() - t0)
        return statistics.median(ts)

    t_crf, t_cold, t_warm = med(run_crf), med(run_cold), med(run_warm)
    print(f"{len(docs)} articles, {len(sents)} body sentences, {ntok} tokens")
    print(f"baseline: crfsuite tagger on precomputed feature strings: {ntok / t_crf:,.0f} tokens/s per core")
    print(f"compiled CRF, cold (feature cache empty each run):  {ntok / t_cold:,.0f} tokens/s per core")
    print(f"compiled CRF, warm (per-word cache filled):         {ntok / t_warm:,.0f} tokens/s per core")

    def run_stage():
        for d in docs:
            st(d)

    t_stage = med(run_stage)
    print(f"entities stage: {1000 * t_stage / len(docs):.2f} ms/article ({len(docs) / t_stage:,.0f} articles/s, {ntok / len(docs):.0f} body tokens/article)")

    seed = (ROOT / "tests" / "golden" / "blinken-iraq-2023-11-05.txt").read_text(encoding="utf-8")
    probes = []
    for _ in range(5):
        out = subprocess.run([sys.executable, "-c", _PROBE], input=seed, capture_output=True, text=True, cwd=ROOT, check=True)
        probes.append(json.loads(out.stdout.strip().splitlines()[-1]))
    load_cpu = statistics.median(p["load_cpu_s"] for p in probes)
    load_wall = statistics.median(p["load_wall_s"] for p in probes)
    probe = probes[-1]
    print(f"model load (fresh process, import + load, median of 5): {load_cpu:.3f} s CPU, {load_wall:.3f} s wall")
    print(f"resident memory: {probe['rss_loaded_mb']:.0f} MB after load (interpreter alone {probe['rss_start_mb']:.0f} MB), "
          f"{probe['rss_after_doc_mb']:.0f} MB after normalise+clean+segment+entities on the seed, peak {probe['maxrss_mb']:.0f} MB")
    ok = ntok / t_warm >= 100_000 and load_cpu < 1.0 and probe["maxrss_mb"] < 300
    print("targets (>=100k tokens/s warm, load < 1 s, RSS < 300 MB):", "met" if ok else "NOT met")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
