"""A run killed with SIGKILL midway and started again ends with exactly the store of a clean run."""

from __future__ import annotations

import gzip
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

EXAMPLES = Path(__file__).parent.parent / "examples" / "ant-sample.jsonl.gz"


def _ingest(db, src, **kw):
    cmd = [sys.executable, "-m", "khabar", "ingest", str(src), "--db", str(db), "--quiet", "--workers", "2", "--commit-every", "16"]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True, **kw)


def _snapshot(db) -> dict:
    c = sqlite3.connect(db)
    tables = [r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'articles_fts%' AND name != 'meta'")]
    snap = {t: c.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    snap["ids"] = sorted(r[0] for r in c.execute("SELECT id FROM articles"))
    snap["entity"] = sorted(c.execute("SELECT id, articles, mentions FROM entity").fetchall())
    snap["fts"] = c.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'norm:في'").fetchone()[0]
    snap["stories"] = sorted(c.execute("SELECT doc, story FROM stories").fetchall())
    c.close()
    return snap


def test_sigkill_midway_then_rerun_equals_clean_run(tmp_path):
    with gzip.open(EXAMPLES, "rt", encoding="utf-8") as fh:
        lines = fh.readlines()[:160]
    src = tmp_path / "part.jsonl"
    src.write_text("".join(lines + lines[:20]), encoding="utf-8")  # 20 repeats: duplicates count too

    killed = tmp_path / "killed.db"
    p = _ingest(killed, src)
    deadline = time.time() + 300
    n = 0
    while time.time() < deadline and p.poll() is None:
        time.sleep(0.2)
        if killed.exists():
            try:
                c = sqlite3.connect(f"file:{killed}?mode=ro", uri=True, timeout=1)
                n = c.execute("SELECT count(*) FROM articles").fetchone()[0]
                c.close()
            except sqlite3.Error:
                n = 0
        if n >= 30:
            os.killpg(p.pid, signal.SIGKILL)
            break
    p.wait(timeout=30)
    assert p.returncode == -signal.SIGKILL, "the ingest ended before it could be killed midway"
    assert 30 <= n < 160
    rerun = _ingest(killed, src)
    out, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err
    assert "failed 0" in out

    clean = tmp_path / "clean.db"
    c = _ingest(clean, src)
    out_clean, err = c.communicate(timeout=600)
    assert c.returncode == 0, err
    assert "read 180, new 160, duplicate 20, failed 0" in out_clean
    a, b = _snapshot(killed), _snapshot(clean)
    assert a == b
    assert a["articles"] == 160 and a["sentences"] > 160
