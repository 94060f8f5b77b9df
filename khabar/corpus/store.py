"""The corpus store: one SQLite file (WAL mode) holding articles, every fact layer, a corpus-level
entity table, a full-text index and the corpus analyses (near-duplicates, stories, related).

>>> from khabar.corpus import Store
>>> st = Store.open("khabar.db")
>>> st.add(khabar.extract(text, meta={"source": "bbc"}))       # True when new
>>> st.search("الفلسطينيين", source="bbc", date_from="2018-01-01")
>>> st.figures(category="killed", where="غزة")

Articles are keyed by ``khabar.document.content_id`` (a hash of the normalised content): adding
the same article twice adds nothing. Layer tables are named as the layer and hold one row per
record: ``doc``, ``ord``, the main columns of the contract (``khabar.corpus.rows``) and ``data``
(the full record as JSON), so a layer added by a new stage is stored without code changes.
Writes of one batch are one transaction: a process killed mid-batch leaves the previous batches
whole and nothing of the killed one.
"""

from __future__ import annotations

import datetime as dt
import json
import operator
import re
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from . import rows as R
from .textindex import facet_query, facet_tokens, fts_query, index_fields, query_terms, stemmer

SCHEMA_VERSION = 4


def _script(db: sqlite3.Connection, sql: str) -> None:
    # statement by statement: executescript would commit the migration's transaction
    for stmt in sql.split(";"):
        if stmt.strip():
            db.execute(stmt)


def _m1(db: sqlite3.Connection) -> None:
    _script(db, 
        """
        CREATE TABLE IF NOT EXISTS articles(
            n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, source TEXT, url TEXT, title TEXT,
            date TEXT, reference_date TEXT, category TEXT, author TEXT, path TEXT, text TEXT NOT NULL,
            meta TEXT, stages TEXT, errors TEXT, added TEXT);
        CREATE INDEX IF NOT EXISTS articles_date ON articles(date);
        CREATE INDEX IF NOT EXISTS articles_source ON articles(source, date);
        CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
            title, norm, stem, content='', tokenize='unicode61 remove_diacritics 0');
        CREATE TABLE IF NOT EXISTS entity(
            id TEXT PRIMARY KEY, type TEXT, norm TEXT, kb_id TEXT, canonical TEXT,
            articles INTEGER NOT NULL DEFAULT 0, mentions INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX IF NOT EXISTS entity_norm ON entity(norm);
        """
    )


def _m2(db: sqlite3.Connection) -> None:
    _script(db, 
        """
        CREATE TABLE IF NOT EXISTS minhash(doc TEXT PRIMARY KEY, sig BLOB NOT NULL, terms TEXT) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS dups(doc TEXT PRIMARY KEY, of TEXT NOT NULL, score REAL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS stories(doc TEXT PRIMARY KEY, story TEXT NOT NULL) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS stories_story ON stories(story);
        CREATE TABLE IF NOT EXISTS related(doc TEXT NOT NULL, other TEXT NOT NULL, score REAL,
            PRIMARY KEY(doc, other)) WITHOUT ROWID;
        """
    )


def _m3(db: sqlite3.Connection) -> None:
    """Full-text index gains ``facets`` (source and month tokens) so filters intersect inside
    the index; a contentless index cannot add a column, so it is rebuilt from the articles."""
    db.execute("DROP TABLE IF EXISTS articles_fts")
    db.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(title, norm, stem, facets, content='', tokenize='unicode61 remove_diacritics 0')")
    cur = db.execute("SELECT n, title, text, source, date FROM articles ORDER BY n")
    while True:
        rows = cur.fetchmany(2000)
        if not rows:
            break
        db.executemany("INSERT INTO articles_fts(rowid, title, norm, stem, facets) VALUES(?,?,?,?,?)",
                       [(n, *index_fields(t, x), facet_tokens(src, d)) for n, t, x, src, d in rows])


def _m4(db: sqlite3.Connection) -> None:
    """Signatures and layer rows move to rowid tables. Keyed by a random content hash, a WITHOUT
    ROWID table put every article's rows into a random page (a signature row is about 1 KB, so a
    page split nearly every time); a rowid table appends them, and an article's rows still sit
    side by side, since they are written together. Ingest writes 0.2-0.3 ms less an article."""
    tables = ["minhash"] + [v for (v,) in db.execute("SELECT value FROM meta WHERE key LIKE 'layer:%'")]
    for t in tables:
        row = db.execute("SELECT sql FROM sqlite_master WHERE type='table' AND name=?", (t,)).fetchone()
        if row is None or not re.search(r"WITHOUT\s+ROWID\s*$", row[0], re.I):
            continue
        indexes = [r[0] for r in db.execute("SELECT sql FROM sqlite_master WHERE type='index' AND tbl_name=? AND sql IS NOT NULL", (t,))]
        tmp = t + "__rowid"
        sql = re.sub(r"\s*WITHOUT\s+ROWID\s*$", "", row[0], flags=re.I)
        sql = re.sub(r'^CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:"(?:[^"]|"")*"|[^\s(]+)\s*\(', f"CREATE TABLE {_q(tmp)}(", sql, flags=re.I)
        db.execute(sql)
        db.execute(f"INSERT INTO {_q(tmp)} SELECT * FROM {_q(t)}")
        db.execute(f"DROP TABLE {_q(t)}")
        db.execute(f"ALTER TABLE {_q(tmp)} RENAME TO {_q(t)}")
        for ix in indexes:
            db.execute(ix)


# Ordered schema migrations; ``meta.schema_version`` says how many have run.
MIGRATIONS = [_m1, _m2, _m3, _m4]
_SQLTYPE = {"str": "TEXT", "int": "INTEGER", "float": "REAL", "bool": "INTEGER"}
_INDEXES = {
    "entities": ["entity"],
    "quotes": ["speaker_entity", "speaker"],
    "claims": ["category"],
    "events": ["type"],
    "times": ["value"],
}


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class Store:
    """A corpus on disk. Open with ``Store.open(path)``; ``":memory:"`` works for tests."""

    # ranked search scores at most this many matches (the newest) for very common words
    rank_cap = 10_000

    def __init__(self, db: sqlite3.Connection, path: str, readonly: bool = False):
        self.db = db
        self.path = path
        self.readonly = readonly
        self._layers: dict[str, list[str]] = {}
        self._inserts: dict[tuple, tuple] = {}
        self._migrate()

    # ---- opening and schema -------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path = "khabar.db", *, readonly: bool = False) -> "Store":
        path = str(path)
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        uri = f"file:{path}?mode=ro" if readonly else path
        db = sqlite3.connect(uri, uri=readonly, timeout=60, check_same_thread=False, isolation_level=None)
        db.row_factory = sqlite3.Row
        if path != ":memory:" and not readonly:
            db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("PRAGMA cache_size=-65536")
        db.execute("PRAGMA temp_store=MEMORY")
        return cls(db, path, readonly)

    def close(self) -> None:
        self.db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _migrate(self) -> None:
        db = self.db
        if not self.readonly:
            db.execute("CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT)")
        row = db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        have = int(row[0]) if row else 0
        if have > SCHEMA_VERSION:
            raise RuntimeError(f"store {self.path} has schema {have}, newer than this khabar ({SCHEMA_VERSION})")
        if have < len(MIGRATIONS) and self.readonly:
            raise RuntimeError(f"store {self.path} has schema {have}: open it writable once to migrate it to {SCHEMA_VERSION}")
        if have < len(MIGRATIONS):
            db.execute("BEGIN IMMEDIATE")
            try:
                for m in MIGRATIONS[have:]:
                    m(db)
                for layer in R.layer_names():
                    self._ensure_layer(layer, R.columns(layer))
                db.execute("INSERT OR REPLACE INTO meta VALUES('schema_version', ?)", (str(len(MIGRATIONS)),))
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        for (name,) in db.execute("SELECT value FROM meta WHERE key LIKE 'layer:%'").fetchall():
            cols = [r[1] for r in db.execute(f"PRAGMA table_info({_q(name)})")]
            self._layers[name] = cols

    def _ensure_layer(self, layer: str, cols: dict[str, str]) -> list[str]:
        """Create a layer table, or add the columns it lacks (a stage gained a main column)."""
        have = self._layers.get(layer)
        if have is None:
            have = [r[1] for r in self.db.execute(f"PRAGMA table_info({_q(layer)})")]
        if not have:
            defs = ", ".join(f"{_q(c)} {_SQLTYPE[t]}" for c, t in cols.items())
            self.db.execute(f"CREATE TABLE {_q(layer)}(doc TEXT NOT NULL, ord INTEGER NOT NULL, {defs}, data TEXT, PRIMARY KEY(doc, ord))")  # rowid: see _m4
            for c in _INDEXES.get(layer, []):
                self.db.execute(f"CREATE INDEX IF NOT EXISTS {_q(layer + '_' + c)} ON {_q(layer)}({_q(c)})")
            self.db.execute("INSERT OR REPLACE INTO meta VALUES(?, ?)", (f"layer:{layer}", layer))
        else:
            for c, t in cols.items():
                if c not in have:
                    self.db.execute(f"ALTER TABLE {_q(layer)} ADD COLUMN {_q(c)} {_SQLTYPE[t]}")
        cols_now = [r[1] for r in self.db.execute(f"PRAGMA table_info({_q(layer)})")]
        self._layers[layer] = cols_now
        return cols_now

    def _insert_sql(self, layer: str, keys: tuple[str, ...]):
        """The INSERT of a layer's rows with these keys, and a getter of their values (cached:
        every article of a batch writes the same shapes)."""
        hit = self._inserts.get((layer, keys))
        if hit is not None:
            return hit
        cols = self._layers.get(layer)
        if cols is None or any(c not in cols for c in keys):
            cols = self._ensure_layer(layer, R.columns(layer))
        keep = [c for c in keys if c in cols]
        sql = f"INSERT OR REPLACE INTO {_q(layer)}({', '.join(map(_q, keep))}) VALUES({', '.join('?' * len(keep))})"
        pick = operator.itemgetter(*keep)
        get = pick if len(keep) > 1 else (lambda r: (pick(r),))
        self._inserts[(layer, keys)] = (sql, get)
        return sql, get

    @property
    def schema_version(self) -> int:
        return int(self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0])

    def layers(self) -> list[str]:
        return list(self._layers)

    # ---- writing ------------------------------------------------------------------------
    def has(self, doc_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE id=?", (doc_id,)).fetchone() is not None

    def ids(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT id FROM articles")}

    def add(self, doc) -> bool:
        """Add one document (``Document`` or its dict). Returns False if it was already stored."""
        return self.add_prepared([prepare(doc)]) == 1

    def add_many(self, docs: Iterable) -> int:
        return self.add_prepared(prepare(d) for d in docs)

    def add_prepared(self, items: Iterable[dict]) -> int:
        """Write prepared documents (see ``prepare``) in one transaction; returns how many were new."""
        db = self.db
        new = 0
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        db.execute("BEGIN IMMEDIATE")
        try:
            for it in items:
                a = it["article"]
                cur = db.execute(
                    "INSERT OR IGNORE INTO articles(id, source, url, title, date, reference_date, category, author, path, text, meta, stages, errors, added)"
                    " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (a["id"], a["source"], a["url"], a["title"], a["date"], a["reference_date"], a["category"], a["author"],
                     a["path"], a["text"], a["meta"], a["stages"], a["errors"], now),
                )
                if cur.rowcount == 0:
                    continue
                new += 1
                n = cur.lastrowid
                db.execute("INSERT INTO articles_fts(rowid, title, norm, stem, facets) VALUES(?,?,?,?,?)",
                           (n, *it["fts"][:3], facet_tokens(a["source"], a["date"])))
                for layer, rws in it["layers"].items():
                    if not rws:
                        continue
                    sql, get = self._insert_sql(layer, tuple(rws[0]))  # a layer's rows share their keys (rows.doc_rows)
                    db.executemany(sql, [get(r) for r in rws])
                mentions = Counter()
                for r in it["layers"].get("entities", []):
                    mentions[r["entity"]] += r["mentions"] or 0
                if it["entities"]:
                    db.executemany(
                        "INSERT INTO entity(id, type, norm, kb_id, canonical, articles, mentions) VALUES(?,?,?,?,?,1,?)"
                        " ON CONFLICT(id) DO UPDATE SET articles=articles+1, mentions=mentions+excluded.mentions,"
                        " canonical=min(canonical, excluded.canonical), norm=min(norm, excluded.norm)",
                        [(e["id"], e["type"], e["norm"], e["kb_id"], e["canonical"], mentions[e["id"]]) for e in it["entities"]],
                    )
                if it.get("minhash") is not None:
                    db.execute("INSERT OR REPLACE INTO minhash VALUES(?, ?, ?)", (a["id"], it["minhash"], it.get("terms")))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return new

    # ---- reading ------------------------------------------------------------------------
    def count(self, layer: str = "articles") -> int:
        if layer != "articles" and layer not in self._layers and layer not in ("entity", "minhash", "dups", "stories", "related"):
            raise KeyError(layer)
        return self.db.execute(f"SELECT count(*) FROM {_q(layer)}").fetchone()[0]

    def counts(self) -> dict[str, int]:
        out = {"articles": self.count()}
        for layer in self._layers:
            out[layer] = self.count(layer)
        out["entity"] = self.count("entity")
        return out

    def get(self, doc_id: str, *, layers: bool = True) -> dict | None:
        """The stored document as the JSON contract (``Document.to_dict()`` shape)."""
        a = self.db.execute("SELECT * FROM articles WHERE id=?", (doc_id,)).fetchone()
        if a is None:
            return None
        d: dict[str, Any] = {"schema": "khabar.document/1", "id": a["id"], "text": a["text"], "reference_date": a["reference_date"]}
        meta = json.loads(a["meta"] or "{}")
        if meta:
            d["meta"] = meta
        if layers:
            for layer in self._layers:
                d[layer] = [json.loads(r[0]) for r in self.db.execute(f"SELECT data FROM {_q(layer)} WHERE doc=? ORDER BY ord", (doc_id,))]
        d["stages"] = json.loads(a["stages"] or "{}")
        d["errors"] = json.loads(a["errors"] or "[]")
        return d

    def articles(self, *, source: str | None = None, date_from: str | None = None, date_to: str | None = None,
                 limit: int | None = None, offset: int = 0) -> list[dict]:
        where, args = self._filters(source=source, date_from=date_from, date_to=date_to)
        sql = f"SELECT id, title, date, source, url, category FROM articles a {where} ORDER BY a.date DESC, a.n LIMIT ? OFFSET ?"
        return [dict(r) for r in self.db.execute(sql, (*args, limit if limit is not None else -1, offset))]

    def iter_documents(self, *, batch: int = 500):
        """Every stored document as a dict, in insertion order."""
        last = 0
        while True:
            ids = self.db.execute("SELECT n, id FROM articles WHERE n>? ORDER BY n LIMIT ?", (last, batch)).fetchall()
            if not ids:
                return
            for n, i in ids:
                yield self.get(i)
            last = ids[-1][0]

    def sources(self) -> list[dict]:
        return [dict(r) for r in self.db.execute("SELECT source, count(*) AS articles, min(date) AS first, max(date) AS last FROM articles GROUP BY source ORDER BY articles DESC")]

    def _filters(self, *, source=None, date_from=None, date_to=None, entity=None, alias="a"):
        where, args = [], []
        if source:
            where.append(f"{alias}.source = ?")
            args.append(source)
        if date_from:
            where.append(f"{alias}.date >= ?")
            args.append(str(date_from)[:10])
        if date_to:
            where.append(f"{alias}.date <= ?")
            args.append(str(date_to)[:10])
        if entity:
            keys = self.resolve_entity(entity)
            where.append(f"{alias}.id IN (SELECT doc FROM entities WHERE entity IN ({','.join('?' * len(keys)) or 'NULL'}))")
            args.extend(keys)
        return ("WHERE " + " AND ".join(where)) if where else "", args

    def search(self, q: str, *, entity: str | None = None, date_from: str | None = None, date_to: str | None = None,
               source: str | None = None, limit: int = 10, offset: int = 0, mark: tuple[str, str] = ("<mark>", "</mark>")) -> list[dict]:
        """Ranked articles for a typed query (bm25 over title, normalised text and stems), each with
        a snippet of the original text, query words wrapped in ``mark``."""
        match = fts_query(q)
        if not match:
            return []
        # source and months narrow inside the index; exact days and entities on the articles
        match += facet_query(source=source, date_from=date_from, date_to=date_to)
        where, args = self._filters(date_from=date_from, date_to=date_to, entity=entity)
        # the full-text match drives (CROSS JOIN keeps that order): the planner would otherwise
        # loop over the filtered articles and run one full-text query per article
        frm = "articles_fts CROSS JOIN articles a ON a.n = articles_fts.rowid" if where else "articles_fts"
        cond = (" AND " + where[6:]) if where else ""
        cargs = list(args)
        # A word in most articles matches 100,000s of rows and bm25 would score them all: rank
        # only the newest rank_cap matches then (the rowid order is the order of ingest).
        lo = self.db.execute(
            f"SELECT articles_fts.rowid FROM {frm} WHERE articles_fts MATCH ?{cond} ORDER BY articles_fts.rowid DESC LIMIT 1 OFFSET ?",
            (match, *cargs, self.rank_cap)).fetchone()
        if lo is not None:
            cond += " AND articles_fts.rowid > ?"
            cargs.append(lo[0])
        top = self.db.execute(
            f"SELECT articles_fts.rowid, bm25(articles_fts, 4.0, 1.0, 0.6, 0.0) AS score FROM {frm} WHERE articles_fts MATCH ?{cond}"
            " ORDER BY score LIMIT ? OFFSET ?", (match, *cargs, limit, offset)).fetchall()
        out = []
        for n, score in top:
            r = self.db.execute("SELECT id, title, date, source, url, text FROM articles WHERE n=?", (n,)).fetchone()
            d = dict(r)
            text = d.pop("text")
            d["score"] = -score
            d["snippet"] = snippet(text, q, mark=mark)
            out.append(d)
        return out

    # ---- entities -----------------------------------------------------------------------
    def resolve_entity(self, name_or_id: str) -> list[str]:
        """Entity keys for an id or a name (matched on the normalised canonical, then on mentions)."""
        if self.db.execute("SELECT 1 FROM entity WHERE id=?", (name_or_id,)).fetchone():
            return [name_or_id]
        norm = " ".join(query_terms(name_or_id))
        keys = [r[0] for r in self.db.execute("SELECT id FROM entity WHERE norm=? OR kb_id=?", (norm, name_or_id))]
        return keys

    def entities(self, *, type: str | None = None, q: str | None = None, limit: int = 50, offset: int = 0) -> list[dict]:
        where, args = [], []
        if type:
            where.append("type=?")
            args.append(type)
        if q:
            where.append("norm LIKE ?")
            args.append("%" + " ".join(query_terms(q)) + "%")
        w = ("WHERE " + " AND ".join(where)) if where else ""
        sql = f"SELECT id, type, canonical, kb_id, articles, mentions FROM entity {w} ORDER BY articles DESC, mentions DESC, id LIMIT ? OFFSET ?"
        return [dict(r) for r in self.db.execute(sql, (*args, limit, offset))]

    def entity(self, entity_id: str, *, limit: int = 20) -> dict | None:
        """One entity: its record, mentions over time (by month), its quotes and co-occurring entities."""
        keys = self.resolve_entity(entity_id)
        if not keys:
            return None
        e = dict(self.db.execute("SELECT * FROM entity WHERE id=?", (keys[0],)).fetchone())
        ph = ",".join("?" * len(keys))
        e["timeline"] = [dict(r) for r in self.db.execute(
            f"SELECT substr(a.date, 1, 7) AS month, count(DISTINCT x.doc) AS articles, sum(x.mentions) AS mentions"
            f" FROM entities x JOIN articles a ON a.id = x.doc WHERE x.entity IN ({ph}) GROUP BY month ORDER BY month", keys)]
        e["cooccurring"] = [dict(r) for r in self.db.execute(
            f"SELECT y.entity AS id, en.type, en.canonical, count(DISTINCT y.doc) AS articles FROM entities x"
            f" JOIN entities y ON y.doc = x.doc AND y.entity NOT IN ({ph}) JOIN entity en ON en.id = y.entity"
            f" WHERE x.entity IN ({ph}) GROUP BY y.entity ORDER BY articles DESC, y.entity LIMIT ?", (*keys, *keys, limit))]
        e["quotes"] = self.quotes(speaker=keys[0], limit=limit)
        e["articles_list"] = [dict(r) for r in self.db.execute(
            f"SELECT DISTINCT a.id, a.title, a.date, a.source FROM entities x JOIN articles a ON a.id = x.doc"
            f" WHERE x.entity IN ({ph}) ORDER BY a.date DESC LIMIT ?", (*keys, limit))]
        return e

    def quotes(self, *, speaker: str | None = None, q: str | None = None, date_from: str | None = None,
               date_to: str | None = None, source: str | None = None, limit: int = 50) -> list[dict]:
        """Quotes, newest first; ``speaker`` is an entity id or name, or the speaker's text."""
        if "quotes" not in self._layers:
            return []
        where, args = self._filters(source=source, date_from=date_from, date_to=date_to)
        cond = [where[6:]] if where else []
        if speaker:
            keys = self.resolve_entity(speaker)
            ph = ",".join("?" * len(keys))
            cond.append(f"(x.speaker_entity IN ({ph}) OR x.speaker = ?)" if keys else "x.speaker = ?")
            args.extend([*keys, speaker])
        if q:
            cond.append("x.text LIKE ?")
            args.append(f"%{q}%")
        w = ("WHERE " + " AND ".join(cond)) if cond else ""
        sql = (f"SELECT x.doc, x.ord, x.kind, x.speaker, x.speaker_entity, x.text, a.date, a.source, a.title FROM quotes x"
               f" JOIN articles a ON a.id = x.doc {w} ORDER BY a.date DESC, x.doc, x.ord LIMIT ?")
        return [dict(r) for r in self.db.execute(sql, (*args, limit))]

    # ---- figures and events -------------------------------------------------------------
    def claims(self, *, category: str | None = None, where: str | None = None, group: str | None = None,
               date_from: str | None = None, date_to: str | None = None, source: str | None = None, limit: int | None = None) -> list[dict]:
        if "claims" not in self._layers:
            return []
        fw, args = self._filters(source=source, date_from=date_from, date_to=date_to)
        cond = [fw[6:]] if fw else []
        if category:
            cond.append("x.category = ?")
            args.append(category)
        if group:
            cond.append("x.\"group\" = ?")
            args.append(group)
        w = ("WHERE " + " AND ".join(cond)) if cond else ""
        sql = (f"SELECT x.doc, x.ord, x.value, x.bound, x.approximate, x.unit, x.category, x.\"group\", x.\"where\","
               f" x.where_entity, x.\"when\", x.source AS claimed_by, x.source_entity, x.text, a.date, a.source, a.title"
               f" FROM claims x JOIN articles a ON a.id = x.doc {w} ORDER BY coalesce(x.\"when\", a.date), a.date, x.doc, x.ord")
        out = [dict(r) for r in self.db.execute(sql, args)]
        if where:
            m = _PlaceMatcher(self, where)
            out = [r for r in out if m(r["where"], r["where_entity"])]
        return out[:limit] if limit else out

    def figures(self, *, category: str | None = None, where: str | None = None, group: str | None = None,
                date_from: str | None = None, date_to: str | None = None, by: str = "source") -> dict:
        """Figure timelines: claims of a category (and place, group) over time, one series per
        ``by`` (``source``: the outlet; ``claimed_by``: who the article says gave the figure).
        Each point is the highest figure that series gave that day, with its evidence; ``table``
        lines the series up day by day so competing figures sit side by side."""
        cl = self.claims(category=category, where=where, group=group, date_from=date_from, date_to=date_to)
        series: dict[str, dict[str, dict]] = defaultdict(dict)
        for c in cl:
            if c["value"] is None:
                continue
            day = (c["when"] or c["date"] or "")[:10] or "undated"
            name = c.get(by) or "article"
            if by == "claimed_by" and name == "article":
                name = c["source"] or "article"
            cur = series[name].get(day)
            if cur is None or c["value"] > cur["value"]:
                series[name][day] = {"date": day, "value": c["value"], "bound": c["bound"], "doc": c["doc"], "text": c["text"],
                                     "where": c["where"], "group": c["group"], "claimed_by": c["claimed_by"]}
        days = sorted({d for s in series.values() for d in s})
        names = sorted(series)
        table = [{"date": d, **{n: (series[n][d]["value"] if d in series[n] else None) for n in names}} for d in days]
        return {
            "category": category, "where": where, "group": group, "claims": len(cl),
            "series": {n: [series[n][d] for d in sorted(series[n])] for n in names},
            "table": table,
        }

    def events(self, *, type: str | None = None, actor: str | None = None, where: str | None = None,
               date_from: str | None = None, date_to: str | None = None, source: str | None = None, limit: int | None = 100) -> list[dict]:
        if "events" not in self._layers:
            return []
        fw, args = self._filters(source=source, date_from=date_from, date_to=date_to)
        cond = [fw[6:]] if fw else []
        if type:
            cond.append("x.type = ?")
            args.append(type)
        if actor:
            keys = self.resolve_entity(actor)
            cond.append(f"(x.actor_entity IN ({','.join('?' * len(keys)) or 'NULL'}) OR x.actor = ?)")
            args.extend([*keys, actor])
        w = ("WHERE " + " AND ".join(cond)) if cond else ""
        sql = (f"SELECT x.*, a.date, a.source, a.title, a.url FROM events x JOIN articles a ON a.id = x.doc {w}"
               f" ORDER BY coalesce(x.\"when\", a.date), x.doc, x.ord")
        out = [dict(r) for r in self.db.execute(sql, args)]
        if where:
            m = _PlaceMatcher(self, where)
            out = [r for r in out if m(r["where"], r["where_entity"])]
        return out[:limit] if limit else out

    # ---- corpus analyses (computed by khabar.corpus.analysis.analyse) --------------------
    def stories(self, *, min_size: int = 2, limit: int = 100, doc: str | None = None) -> list[dict]:
        """Story clusters (reports of one event across sources and days), biggest first."""
        if doc:
            row = self.db.execute("SELECT story FROM stories WHERE doc=?", (doc,)).fetchone()
            if not row:
                return []
            ids = [row[0]]
        else:
            ids = [r[0] for r in self.db.execute(
                "SELECT story FROM stories GROUP BY story HAVING count(*) >= ? ORDER BY count(*) DESC, story LIMIT ?", (min_size, limit))]
        out = []
        for sid in ids:
            arts = [dict(r) for r in self.db.execute(
                "SELECT a.id, a.title, a.date, a.source FROM stories s JOIN articles a ON a.id = s.doc WHERE s.story=? ORDER BY a.date, a.id", (sid,))]
            out.append({"story": sid, "size": len(arts), "sources": sorted({a["source"] or "" for a in arts}),
                        "first": min((a["date"] for a in arts if a["date"]), default=None),
                        "last": max((a["date"] for a in arts if a["date"]), default=None), "articles": arts})
        return out

    def related(self, doc_id: str, *, limit: int = 5) -> list[dict]:
        """«اقرأ أيضاً»: the articles most like this one (near-duplicates excluded)."""
        return [dict(r) for r in self.db.execute(
            "SELECT r.other AS id, r.score, a.title, a.date, a.source FROM related r JOIN articles a ON a.id = r.other"
            " WHERE r.doc=? ORDER BY r.score DESC, r.other LIMIT ?", (doc_id, limit))]

    def duplicates(self, doc_id: str | None = None) -> list[dict]:
        """Near-duplicate pairs: ``doc`` is a near-copy of ``of`` (the first stored)."""
        if doc_id:
            sql, args = "SELECT * FROM dups WHERE doc=? OR of=? ORDER BY doc", (doc_id, doc_id)
        else:
            sql, args = "SELECT * FROM dups ORDER BY of, doc", ()
        return [dict(r) for r in self.db.execute(sql, args)]

    def analyse(self, **kw) -> dict:
        """Recompute near-duplicates, stories and related articles; returns counts."""
        from .analysis import analyse

        return analyse(self, **kw)

    def events_count(self) -> int:
        """Events counted once per story: reports of the same event in one story count once."""
        if "events" not in self._layers:
            return 0
        return self.db.execute(
            "SELECT count(*) FROM (SELECT DISTINCT coalesce(s.story, e.doc), e.type, coalesce(e.where_entity, e.\"where\", '')"
            " FROM events e LEFT JOIN stories s ON s.doc = e.doc)").fetchone()[0]


class _PlaceMatcher:
    """Does a claim's or event's place match the place asked for (entity id, name, or words)?"""

    def __init__(self, store: "Store", query: str):
        self.keys = set(store.resolve_entity(query))
        self.words = set(query_terms(query))
        st = stemmer()
        self.stems = {st.light(w) for w in self.words}

    def __call__(self, where: str | None, where_entity: str | None) -> bool:
        if where_entity and where_entity in self.keys:
            return True
        if not where:
            return False
        ws = set(query_terms(where))
        if self.words & ws:
            return True
        st = stemmer()
        return bool(self.stems & {st.light(w) for w in ws})


def prepare(doc, *, minhash: bool = True) -> dict:
    """Everything the store writes for one document, computed outside the writer (in workers)."""
    d = doc if isinstance(doc, dict) else doc.to_dict()
    art = R.article_row(d)
    view = getattr(doc, "_view", None)
    fts = index_fields(art["title"], d["text"], norm=view.text.lower() if view is not None else None)
    item = {"article": art, "fts": fts, "layers": R.doc_rows(d), "entities": R.entity_rows(d), "minhash": None, "terms": None}
    if minhash:
        from .analysis import minhash_bytes, term_bag

        item["minhash"] = minhash_bytes(fts[1])
        item["terms"] = term_bag(fts[0] + "\n" + fts[1])
    return item


def snippet(text: str, q: str, *, width: int = 28, mark: tuple[str, str] = ("<mark>", "</mark>")) -> str:
    """A window of the original text around the densest run of query words, words marked."""
    from ..normalise import View

    terms = set(query_terms(q))
    st = stemmer()
    stems = {s for t in terms for s in st.stems(t).split()}
    view = View(text)
    words = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\w+", view.text)]
    hits = [i for i, (_, _, w) in enumerate(words) if w in terms or (set(st.stems(w).split()) & stems)]
    if not words:
        return ""
    if hits:
        best, best_n = hits[0], 0
        j = 0
        for i, h in enumerate(hits):
            while hits[j] < h - width:
                j += 1
            if i - j + 1 > best_n:
                best_n, best = i - j + 1, hits[j]
        lo = max(0, best - 3)
    else:
        lo = 0
    hi = min(len(words), lo + width)
    hitset = set(hits)
    out, pos = [], view.to_source(words[lo][0], words[lo][1])[0]
    end = view.to_source(words[hi - 1][0], words[hi - 1][1])[1]
    for i in range(lo, hi):
        if i in hitset:
            s, e = view.to_source(words[i][0], words[i][1])
            out.append(text[pos:s])
            out.append(mark[0] + text[s:e] + mark[1])
            pos = e
    out.append(text[pos:end])
    s = "".join(out).replace("\n", " ")
    return ("… " if lo > 0 else "") + s + (" …" if hi < len(words) else "")
