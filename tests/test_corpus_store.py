"""The corpus store: layers stored generically, entity views, figures, search as people type,
near-duplicates, stories, related articles, exports, migrations."""

from __future__ import annotations

import json
import sqlite3

import pytest

from corpus_fakes import FACTS, fact_docs, fake_pipeline
from khabar.corpus import Store
from khabar.document import Document


@pytest.fixture(scope="module")
def docs():
    return fact_docs()


@pytest.fixture()
def st(docs, tmp_path):
    s = Store.open(tmp_path / "k.db")
    for d in docs:
        assert s.add(d) is True
    s.analyse()
    yield s
    s.close()


def test_store_is_wal_and_versioned(st):
    assert st.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert st.schema_version >= 3


def test_layers_stored_row_per_record_and_full_json(st, docs):
    for layer in ("blocks", "sentences", "entities", "quotes", "claims", "events"):
        assert st.count(layer) == sum(len(getattr(d, layer)) for d in docs), layer
    d = docs[0]
    got = st.get(d.id)
    want = d.to_dict()
    for layer in ("blocks", "sentences", "entities", "quotes", "claims", "events"):
        assert got[layer] == want[layer], layer
    assert got["text"] == d.text and got["meta"] == want["meta"]
    row = st.db.execute("SELECT speaker, speaker_entity, text FROM quotes WHERE doc=? AND ord=0", (d.id,)).fetchone()
    assert row["speaker"] == FACTS[0]["quotes"][0]["speaker"]
    assert row["speaker_entity"] is not None
    assert row["text"] == FACTS[0]["quotes"][0]["content"]


def test_adding_again_adds_nothing(st, docs):
    before = st.counts()
    assert st.add(docs[1]) is False
    assert st.add(Document(text=docs[1].text + "  ", meta={"source": "other"})) is False  # same normalised content
    assert st.counts() == before


def test_a_new_layer_gets_its_own_table(st, docs):
    d = docs[3].to_dict()
    d["text"] = d["text"] + "\nسطر جديد."
    d["id"] = ""
    d = Document.from_dict(d).to_dict()  # fresh content id
    d["stances"] = [{"start": 0, "end": 4, "label": "neutral"}]
    assert st.add(d)
    assert "stances" in st.layers()
    row = st.db.execute("SELECT start, \"end\", text, data FROM stances").fetchone()
    assert (row["start"], row["end"]) == (0, 4) and json.loads(row["data"])["label"] == "neutral"
    assert st.get(d["id"])["stances"] == d["stances"]


def test_entity_table_across_articles(st):
    ents = {e["canonical"]: e for e in st.entities()}
    # «غزة» and «غزه» with the same kb id are one corpus entity; the ministry is in two articles
    gaza = [e for e in st.entities(type="LOC") if e["kb_id"] == "GZA"]
    assert len(gaza) == 1 and gaza[0]["articles"] == 3
    moh = st.entities(q="وزارة الصحة")[0]
    assert moh["articles"] == 2 and moh["mentions"] == 2
    view = st.entity(moh["id"])
    assert [m["articles"] for m in view["timeline"]] == [2]
    co = {c["canonical"]: c["articles"] for c in view["cooccurring"]}
    assert co["أشرف القدرة"] == 2
    assert ents  # names are listed
    # a name finds the entity as people type it (hamza, teh marbuta)
    assert st.resolve_entity("اشرف القدره") == st.resolve_entity("أشرف القدرة") != []


def test_quotes_by_speaker(st):
    qs = st.quotes(speaker="أشرف القدرة")
    assert [q["text"] for q in qs] == [FACTS[1]["quotes"][0]["content"], FACTS[0]["quotes"][0]["content"]]  # newest first
    assert st.quotes(speaker="حماس") == []


def test_figures_one_series_per_source_side_by_side(st):
    f = st.figures(category="killed", where="غزة")
    assert set(f["series"]) == {"outlet-a", "outlet-b"}
    a = {p["date"]: p["value"] for p in f["series"]["outlet-a"]}
    assert a == {"2023-10-20": 4137, "2023-10-21": 4300}
    row = next(r for r in f["table"] if r["date"] == "2023-10-21")
    assert row["outlet-a"] == 4300 and row["outlet-b"] == 4385
    by = st.figures(category="killed", where="غزه", by="claimed_by")  # place typed without teh marbuta
    assert set(by["series"]) == {"وزارة الصحة الفلسطينية", "مصادر طبية"}
    assert st.figures(category="killed", where="نيويورك")["series"] == {}
    assert st.figures(category="injured")["series"]["outlet-a"][0]["value"] == 13000


def test_events_and_counting_events_not_reports(st):
    ev = st.events(type="ASSAULT")
    assert len(ev) == 3
    assert st.events(actor="حماس")[0]["actor_entity"]
    # the three Gaza reports are one story: their three ASSAULT mentions count once
    assert st.events_count() == 2


def test_search_as_people_type(st, docs):
    gaza = {docs[0].id, docs[1].id, docs[2].id}
    assert {r["id"] for r in st.search("غزه", limit=10)} == gaza  # teh marbuta folded
    assert {r["id"] for r in st.search("اسرائيلي")} >= {docs[0].id}  # hamza folded
    assert docs[0].id in {r["id"] for r in st.search("قُتِلوا")}  # diacritics in the query
    assert docs[0].id in {r["id"] for r in st.search("قتلوا")}  # diacritics in the text
    assert docs[3].id in {r["id"] for r in st.search("الفلسطينيين")}  # stem: «الفلسطينية»
    assert st.search("غزة", source="outlet-b")[0]["id"] == docs[1].id
    assert {r["id"] for r in st.search("غزة", date_from="2023-10-21")} == {docs[1].id, docs[2].id}
    assert {r["id"] for r in st.search("غزة", entity="أشرف القدرة")} == {docs[0].id, docs[1].id}
    assert st.search('"مجلس الأمن الدولي"')[0]["id"] == docs[3].id
    assert st.search("كلمةلاتوجد") == []
    top = st.search("وزارة الصحة", mark=("[", "]"))[0]
    assert "[وزارة]" in top["snippet"] and "[الصحة]" in top["snippet"]


def test_stemmed_search_finds_other_forms(tmp_path):
    s = Store.open(tmp_path / "s.db")
    a = Document(text="التقى الوزير بمزارع فلسطيني في القرية.", meta={"source": "x"})
    b = Document(text="زار الوزير مدرسة في المدينة.", meta={"source": "x"})
    s.add(a)
    s.add(b)
    assert [r["id"] for r in s.search("الفلسطينيين")] == [a.id]
    assert [r["id"] for r in s.search("فلسطينيون")] == [a.id]


def test_near_duplicates_stories_related(tmp_path, docs):
    s = Store.open(tmp_path / "d.db")
    pipe = fake_pipeline()
    base = docs[0].text
    copy = base.replace("منذ السابع من أكتوبر", "منذ السابع من أكتوبر الماضي")
    for d in docs:
        s.add(d)
    s.add(pipe(Document(text=copy, meta={"source": "outlet-z", "date": "2023-10-20"})))
    res = s.analyse()
    assert res["near_duplicates"] == 1
    dup = s.duplicates()[0]
    assert dup["of"] == docs[0].id and dup["score"] >= 0.8
    stories = s.stories()
    gaza = {docs[0].id, docs[1].id, docs[2].id, dup["doc"]}
    assert {a["id"] for a in stories[0]["articles"]} == gaza
    assert stories[0]["sources"] == ["outlet-a", "outlet-b", "outlet-z"]
    assert docs[3].id not in {a["id"] for st_ in stories for a in st_["articles"]}
    rel = [r["id"] for r in s.related(docs[1].id)]
    assert set(rel[:3]) <= gaza and docs[1].id not in rel  # the other reports of its story come first
    assert dup["doc"] not in [r["id"] for r in s.related(docs[0].id)]  # a near-copy is no further reading


def test_migration_from_an_older_schema(tmp_path, docs):
    path = tmp_path / "old.db"
    s = Store.open(path)
    s.add(docs[0])
    s.db.execute("DROP TABLE minhash")
    s.db.execute("DROP TABLE related")
    s.db.execute("UPDATE meta SET value='1' WHERE key='schema_version'")
    s.close()
    s = Store.open(path)
    assert s.schema_version == 4
    assert s.count("articles") == 1 and s.count("related") == 0
    # the full-text index was rebuilt from the articles, with the filter facets
    assert [r["id"] for r in s.search("غزة", source="outlet-a", date_from="2023-10-01")] == [docs[0].id]
    s.db.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    with pytest.raises(RuntimeError, match="newer"):
        Store.open(path)


def test_migration_moves_hash_keyed_tables_to_rowid(tmp_path, docs):
    # schema 3 kept signatures and layer rows in WITHOUT ROWID tables keyed by the article hash
    path = tmp_path / "v3.db"
    s = Store.open(path)
    s.add(docs[0])
    s.add(docs[1])
    before = {t: s.db.execute(f'SELECT * FROM "{t}" ORDER BY 1, 2').fetchall() for t in ("minhash", "quotes", "entities")}
    for t in before:
        sql = s.db.execute("SELECT sql FROM sqlite_master WHERE name=?", (t,)).fetchone()[0]
        s.db.execute(f'ALTER TABLE "{t}" RENAME TO "{t}_old"')
        s.db.execute(sql + " WITHOUT ROWID")
        s.db.execute(f'INSERT INTO "{t}" SELECT * FROM "{t}_old"')
        s.db.execute(f'DROP TABLE "{t}_old"')
    s.db.execute('CREATE INDEX IF NOT EXISTS "quotes_speaker" ON "quotes"("speaker")')
    s.db.execute("UPDATE meta SET value='3' WHERE key='schema_version'")
    s.close()
    s = Store.open(path)
    assert s.schema_version == 4
    for t, rows in before.items():
        sql = s.db.execute("SELECT sql FROM sqlite_master WHERE name=?", (t,)).fetchone()[0]
        assert "WITHOUT ROWID" not in sql.upper()
        assert s.db.execute(f'SELECT * FROM "{t}" ORDER BY 1, 2').fetchall() == rows
    assert s.db.execute("SELECT 1 FROM sqlite_master WHERE type='index' AND name='quotes_speaker'").fetchone()
    s.add(docs[2])
    assert s.count("articles") == 3 and s.count("minhash") == 3


def test_exports(st, docs, tmp_path):
    import csv

    import pyarrow.parquet as pq

    from khabar.corpus import export as ex

    assert ex.export_jsonl(st, tmp_path / "docs.jsonl") == len(docs)
    lines = [json.loads(x) for x in (tmp_path / "docs.jsonl").read_text(encoding="utf-8").splitlines()]
    assert lines[0]["schema"] == "khabar.document/1" and lines[0]["claims"] == docs[0].to_dict()["claims"]
    counts = ex.export_csv(st, tmp_path / "csv")
    with open(tmp_path / "csv" / "claims.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == counts["claims"] == st.count("claims")
    assert {r["value"] for r in rows} >= {"4137.0", "4385.0"}
    pc = ex.export_parquet(st, tmp_path / "pq")
    t = pq.read_table(tmp_path / "pq" / "claims.parquet")
    assert t.num_rows == pc["claims"] and t.schema.field("value").type.id == 12  # double
    assert pq.read_table(tmp_path / "pq" / "articles.parquet").num_rows == len(docs)
    n = ex.export_plover(st, tmp_path / "ev.jsonl")
    recs = [json.loads(x) for x in (tmp_path / "ev.jsonl").read_text(encoding="utf-8").splitlines()]
    assert n == 4 and recs[0]["event"] == ["ASSAULT"] and recs[0]["mode"] == ["aerial"]
    assert recs[0]["date"] == "2023-10-20" and recs[0]["event_loc"]["name"] == "غزة" and recs[0]["event_loc"]["country"] == "PSE"
    assert recs[0]["link"] == recs[1]["link"] is not None  # same story
    assert "القصف" in recs[0]["text"]


def test_readonly_open(st):
    ro = Store.open(st.path, readonly=True)
    assert ro.count() == st.count() and ro.search("غزة")
    with pytest.raises(sqlite3.OperationalError):
        ro.add(Document(text="نص جديد تماما للتجربة."))


def test_concurrent_reader_while_writing(tmp_path, docs):
    path = tmp_path / "c.db"
    w = Store.open(path)
    w.add(docs[0])
    r = sqlite3.connect(path)
    w.db.execute("BEGIN IMMEDIATE")
    w.db.execute("UPDATE articles SET title='x'")
    assert r.execute("SELECT count(*) FROM articles").fetchone()[0] == 1  # WAL: readers are not blocked
    w.db.execute("ROLLBACK")


def test_store_stemming_is_thread_safe():
    """The API indexes and searches from a thread pool; tashaphyne keeps per-word state."""
    from concurrent.futures import ThreadPoolExecutor

    from khabar.corpus.textindex import Stemmer

    roots = ("فلسطيني", "مستشفي", "حكومه", "مظاهره", "انتخابات", "مسؤول", "عسكري", "لاجئ")
    words = [p + w + x for p in ("", "وال", "بال", "لل") for w in roots for x in ("", "ين", "ون", "ها", "هم", "يه")]
    want = [Stemmer(preload=False, max_cache=0).pair(w) for w in words]
    st = Stemmer(preload=False, max_cache=0)  # no cache: every call stems
    with ThreadPoolExecutor(8) as pool:
        got = list(pool.map(st.pair, words * 30))
    assert got == want * 30
