"""Ingest: every reader, the closing summary by reason, idempotency, bad files skipped."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from khabar.corpus import Store
from khabar.ingest import Failure, Item, iter_items
from khabar.runners.local import ingest

FIX = Path(__file__).parent / "fixtures" / "corpus"


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    db = tmp_path_factory.mktemp("ing") / "k.db"
    st = Store.open(db)
    rep = ingest([str(FIX)], st, workers=2, progress=False)
    yield st, rep, db
    st.close()


def test_summary_counts_by_reason(ingested):
    st, rep, _ = ingested
    # 8 jsonl lines (5 new, 1 repeat, 1 empty, 1 broken), SaudiNewsNet 1, txt 1, html 1, warc 2 pages +
    # one 404 (the image is no article), rss 1 + 1 empty item, atom 1 (same text as a jsonl line),
    # a non-WARC file, a truncated gzip (its one readable line repeats a jsonl line)
    assert (rep.read, rep.new, rep.duplicate) == (20, 11, 3)
    assert dict(rep.failed) == {"empty text": 2, "bad json": 1, "http error": 1, "unreadable warc": 1, "unreadable jsonl": 1}
    assert st.count("articles") == 11
    s = rep.summary()
    assert "read 20, new 11, duplicate 3, failed 6" in s and "unreadable warc: 1" in s


def test_every_format_lands_with_its_metadata(ingested):
    st, _, _ = ingested
    rows = {r["path"].rsplit("/", 1)[-1]: r for r in st.db.execute("SELECT * FROM articles")}
    assert set(rows) == {"ant.jsonl.gz", "snn.jsonl.gz", "article.txt", "page.html", "crawl.warc.gz", "feed.rss"}
    snn = rows["snn.jsonl.gz"]
    assert snn["source"] == "sabq" and snn["date"] == "2015-07-21" and snn["author"] is None  # "None" dropped
    page = rows["page.html"]
    assert page["date"] == "2018-04-06" and "كارثية" in page["title"]
    assert "الرئيسية" not in page["text"] and "جميع الحقوق" not in page["text"]  # nav and footer left out
    rss = rows["feed.rss"]
    assert rss["url"].startswith("http") and rss["date"] == "2018-04-06" and "\n" in rss["text"]
    warc = [r for r in st.db.execute("SELECT url, date FROM articles WHERE path LIKE '%warc.gz'")]
    assert len(warc) == 2 and all(r["date"] == "2018-04-06" for r in warc)  # crawl date when the page has none
    assert st.count("blocks") > 0 and st.count("sentences") > 0


def test_reingest_adds_nothing(ingested):
    st, _, _ = ingested
    before = st.counts()
    rep = ingest([str(FIX)], st, workers=1, progress=False)
    assert rep.new == 0 and rep.duplicate == 14 and rep.failed_total == 6
    assert st.counts() == before


def test_jsonl_field_mapping(tmp_path):
    from khabar.ingest import JsonlFields

    p = tmp_path / "x.jsonl"
    p.write_text(json.dumps({"body": "نص الخبر هنا.", "headline": "عنوان", "published": "2020-01-02", "outlet": "o"}) + "\n", encoding="utf-8")
    (it,) = list(iter_items([str(p)]))
    assert isinstance(it, Item) and it.text == "نص الخبر هنا." and it.meta["title"] == "عنوان"
    assert it.to_document().reference_date.isoformat() == "2020-01-02" and it.meta["source"] == "o"
    q = tmp_path / "y.jsonl"
    q.write_text(json.dumps({"story": "نص آخر.", "name": "ع"}) + "\n", encoding="utf-8")
    (it,) = list(iter_items([str(q)], fields=JsonlFields(text=("story",), title=("name",))))
    assert it.text == "نص آخر." and it.meta["title"] == "ع"


def test_missing_and_unknown_files_are_failures_not_crashes(tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    out = list(iter_items([str(tmp_path / "nope.jsonl"), str(tmp_path / "a.pdf")]))
    assert [(type(x), x.reason) for x in out] == [(Failure, "not found"), (Failure, "unknown format")]


def test_cli_ingest_then_search_and_figures(tmp_path):
    db = tmp_path / "c.db"
    run = lambda *a: subprocess.run([sys.executable, "-m", "khabar", *a], capture_output=True, text=True, timeout=240)
    r = run("ingest", str(FIX / "ant.jsonl.gz"), str(FIX / "feed.rss"), "--db", str(db), "--json", "--quiet")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert (out["read"], out["new"], out["duplicate"]) == (10, 6, 1) and out["store"]["articles"] == 6
    r = run("search", "باركليز", "--db", str(db), "--json")
    hits = [json.loads(x) for x in r.stdout.splitlines()]
    assert r.returncode == 0 and hits and all("<mark>" in h["snippet"] for h in hits)
    r = run("search", "كلمةلاتوجد", "--db", str(db))
    assert r.returncode == 1 and "no results" in r.stderr
    r = run("figures", "--db", str(db), "--category", "killed", "--json")
    assert r.returncode == 0 and "series" in json.loads(r.stdout)


def test_item_id_is_the_content_id():
    from khabar.document import content_id

    for it in iter_items([str(FIX / "ant.jsonl.gz")]):
        if isinstance(it, Item) and it.text:
            doc = it.to_document()
            assert doc.id == content_id(doc.text) and doc.view.source == doc.text
