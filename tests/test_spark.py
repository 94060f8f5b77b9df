"""The Spark runner (local[2]) writes the same Parquet tables as the local runner plus export."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

pyspark = pytest.importorskip("pyspark")  # the [spark] extra; installed by make setup

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "examples" / "ant-sample.jsonl.gz"
WARC = ROOT / "tests" / "fixtures" / "corpus" / "crawl.warc.gz"


@pytest.fixture(scope="session")
def spark():
    from khabar.runners.spark import session

    s = session("local[2]", app="khabar-tests")
    s.sparkContext.setLogLevel("ERROR")
    yield s
    s.stop()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    d = tmp_path_factory.mktemp("sp")
    with gzip.open(EXAMPLES, "rt", encoding="utf-8") as fh:
        lines = fh.readlines()[:12]
    src = d / "part.jsonl"
    src.write_text("".join(lines + lines[3:5] + ['{"broken\n']), encoding="utf-8")
    return d, [str(src), str(WARC)]


def _table(path) -> list[tuple]:
    import pyarrow.parquet as pq

    t = pq.read_table(path)
    cols = sorted(t.column_names)
    rows = t.select(cols).to_pylist()
    return cols, sorted((tuple((k, r[k]) for k in cols) for r in rows), key=repr)


def test_spark_output_equals_local_output(spark, inputs, tmp_path):
    from khabar.corpus import Store
    from khabar.corpus.export import export_parquet
    from khabar.runners.local import ingest
    from khabar.runners.spark import run

    d, srcs = inputs
    st = Store.open(tmp_path / "local.db")
    rep_local = ingest(srcs, st, workers=1, progress=False, analyse=False)
    export_parquet(st, tmp_path / "local")
    rep = run(spark, srcs, str(tmp_path / "spark"), partitions=4)
    assert rep["read"] == rep_local.read and rep["new"] == rep_local.new == 14
    assert rep["duplicate"] == rep_local.duplicate == 2 and rep["failed"] == dict(rep_local.failed) == {"bad json": 1, "http error": 1}
    tables = sorted(p.stem for p in (tmp_path / "local").glob("*.parquet"))
    assert {"articles", "entity", "blocks", "sentences"} <= set(tables)
    for t in tables:
        lc, lrows = _table(tmp_path / "local" / f"{t}.parquet")
        sc, srows = _table(tmp_path / "spark" / t)
        assert lc == sc, t
        assert lrows == srows, t
    assert len(_table(tmp_path / "spark" / "articles")[1]) == 14


def test_spark_reads_parquet_input(spark, inputs, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from khabar.runners.spark import run

    d, srcs = inputs
    import json

    rows = [json.loads(x) for x in Path(srcs[0]).read_text(encoding="utf-8").splitlines()[:3]]
    pq.write_table(pa.Table.from_pylist([{k: r[k] for k in ("id", "source", "url", "date", "title", "text")} for r in rows]), tmp_path / "in.parquet")
    rep = run(spark, [str(tmp_path / "in.parquet")], str(tmp_path / "out"), stages=["normalise", "clean", "segment"])
    assert rep["new"] == 3 and rep["failed"] == {}
    arts = pq.read_table(tmp_path / "out" / "articles").to_pylist()
    assert sorted(a["title"] for a in arts) == sorted(r["title"] for r in rows)
