"""Whole-pipeline speed on the example corpus, in articles per second on one core.

The floor is the least any reader of these files must do: read the bytes, decode them, NFC, and
one regex pass over the text. Both run over the same files in the same process, alternately,
RUNS times, with the pipeline run a second way, in batches (``Pipeline.pipe``, as ingest runs
it); medians are reported with their ratio. Per-stage figures come from the one-by-one runs.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import tempfile
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 5
WORD = re.compile(r"\w+")


def _materialise(tmp: Path) -> list[tuple[Path, str | None]]:
    files = []
    with gzip.open(ROOT / "examples" / "ant-sample.jsonl.gz", "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            row = json.loads(line)
            p = tmp / f"{i:04d}.txt"
            p.write_text(row["text"], encoding="utf-8")
            files.append((p, (row.get("date") or "")[:10] or None))
    return files


def floor(files) -> int:
    from khabar.decode import decode

    n = 0
    for p, _ in files:
        text, _ = decode(p.read_bytes())
        n += len(WORD.findall(unicodedata.normalize("NFC", text)))
    return n


def full(files, pipe, stage_time) -> int:
    from khabar.decode import decode
    from khabar.document import Document
    from khabar.pipeline import collector_paused

    n = 0
    perf = time.perf_counter
    for p, date in files:
        text, _ = decode(p.read_bytes())
        doc = Document(text=text, reference_date=date)
        with collector_paused():  # as Pipeline.__call__ runs a document
            for st in pipe.stages:
                t0 = perf()
                st(doc)
                stage_time[st.name] += perf() - t0
        n += len(doc.tokens)
    return n


def batched(files, pipe, size: int = 16) -> int:
    """The same work through ``Pipeline.pipe`` (batches of ``size``: how ingest and the batch
    command run)."""
    from khabar.decode import decode
    from khabar.document import Document

    def docs():
        for p, date in files:
            text, _ = decode(p.read_bytes())
            yield Document(text=text, reference_date=date)

    return sum(len(d.tokens) for d in pipe.pipe(docs(), batch_size=size))


def main() -> int:
    import khabar

    pipe = khabar.pipeline()
    with tempfile.TemporaryDirectory() as tmp:
        files = _materialise(Path(tmp))
        full(files[:50], pipe, defaultdict(float))  # warm-up: lazy resources load here
        t_floor, t_full, t_batch = [], [], []
        stage_runs = []
        for _ in range(RUNS):
            t0 = time.perf_counter()
            floor(files)
            t_floor.append(time.perf_counter() - t0)
            st = defaultdict(float)
            t0 = time.perf_counter()
            full(files, pipe, st)
            t_full.append(time.perf_counter() - t0)
            stage_runs.append(st)
            t0 = time.perf_counter()
            batched(files, pipe)
            t_batch.append(time.perf_counter() - t0)
    n = len(files)
    f_med, p_med = statistics.median(t_floor), statistics.median(t_full)
    print(f"example corpus: {n} articles, stages: {', '.join(pipe.names)}")
    print(f"floor (read+decode+NFC+regex): {n / f_med:,.0f} articles/s (median of {RUNS}, min {n / max(t_floor):,.0f}, max {n / min(t_floor):,.0f})")
    print(f"pipeline (read+decode+all stages): {n / p_med:,.1f} articles/s/core (median of {RUNS}, min {n / max(t_full):,.1f}, max {n / min(t_full):,.1f})")
    b_med = statistics.median(t_batch)
    print(f"pipeline in batches of 16 (Pipeline.pipe, as ingest runs it): {n / b_med:,.1f} articles/s/core (median of {RUNS}, min {n / max(t_batch):,.1f}, max {n / min(t_batch):,.1f}); one by one / batched time: {p_med / b_med:.2f}x")
    print(f"ratio pipeline/floor time: {p_med / f_med:,.1f}x")
    for name in pipe.names:
        med = statistics.median(r[name] for r in stage_runs)
        print(f"  stage {name:<11} {1000 * med / n:7.3f} ms/article  ({n / med:,.0f} articles/s)")
    return 0


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
