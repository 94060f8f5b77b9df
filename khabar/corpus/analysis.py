"""Corpus analyses: near-duplicates (MinHash LSH over normalised word shingles), story clusters
(reports of the same event across sources and days) and related articles («اقرأ أيضاً»).

Per-article work (MinHash signature, salient-term bag) is done when the article is prepared, in
the ingest workers; ``analyse`` then only joins them, so it runs in seconds for tens of
thousands of articles.

Stories and related articles use a tf-idf cosine over each article's salient light stems (the
40 most frequent non-function words); rare shared terms (names, places, numbers) weigh most. Two
reports join a story when their cosine reaches ``story_threshold`` and their dates are at most
``story_days`` apart; stories are the connected components of that graph.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections import Counter

import numpy as np

from ..lexicon import load
from .textindex import stemmer

NUM_PERM = 128
SHINGLE = 3
_WORD = re.compile(r"\w+")


@functools.cache
def _stopwords() -> frozenset[str]:
    return frozenset(load("ar/search.yaml")["stopwords"])


@functools.cache
def _hasher():
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=1)


def shingles(norm: str, k: int = SHINGLE) -> set[bytes]:
    words = _WORD.findall(norm)
    if len(words) < k:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


def minhash_values(norm: str) -> np.ndarray:
    from datasketch import MinHash

    proto = _hasher()
    m = MinHash(num_perm=NUM_PERM, seed=1, permutations=proto.permutations, scheme="affine32")
    sh = shingles(norm)
    if sh:
        m.update_batch(list(sh))
    return m.hashvalues


def minhash_bytes(norm: str) -> bytes:
    # values are below 2**32 (datasketch's max hash), so 4 bytes each suffice
    return minhash_values(norm).astype(np.uint32).tobytes()


def term_bag(norm: str, k: int = 40) -> str:
    """The article's salient terms: the ``k`` most frequent light stems of content words."""
    stop = _stopwords()
    st = stemmer()
    get, pair = st.cache.get, st.pair
    c = Counter([(get(w) or pair(w))[1] for w in _WORD.findall(norm) if len(w) >= 3 and w not in stop and not w.isdigit()])
    return json.dumps(dict(c.most_common(k)), ensure_ascii=False, separators=(",", ":"))


def _ordinal(d: str | None) -> float:
    import datetime as dt

    try:
        return float(dt.date.fromisoformat(d[:10]).toordinal()) if d else float("nan")
    except ValueError:
        return float("nan")


def find_duplicates(items: list[tuple[str, bytes]], threshold: float = 0.8) -> list[tuple[str, str, float]]:
    """Near-duplicate pairs ``(doc, of, jaccard)``: each later copy points at the first stored."""
    from datasketch import MinHash, MinHashLSH

    # candidates at a lower threshold, then the estimated Jaccard decides: at the threshold
    # itself LSH bands miss about one pair in five just above it
    lsh = MinHashLSH(threshold=max(0.3, threshold - 0.25), num_perm=NUM_PERM)
    sigs: dict[str, np.ndarray] = {}
    out = []
    perms = _hasher().permutations
    for doc, blob in items:
        hv = np.frombuffer(blob, dtype=np.uint32).astype(np.uint64)
        m = MinHash(num_perm=NUM_PERM, seed=1, hashvalues=hv, permutations=perms, scheme="affine32")
        best, best_j = None, 0.0
        for cand in lsh.query(m):
            j = float(np.mean(sigs[cand] == hv))
            if j >= threshold and (j > best_j or (j == best_j and cand < best)):
                best, best_j = cand, j
        if best is not None:
            out.append((doc, best, round(best_j, 4)))
            continue
        sigs[doc] = hv
        lsh.insert(doc, m)
    return out


def similarity(bags: list[dict[str, int]], *, max_df: float = 0.05, top: int = 20):
    """Sparse cosine similarity of tf-idf term bags (rows normalised); returns a CSR matrix."""
    from scipy import sparse

    n = len(bags)
    df = Counter()
    for b in bags:
        df.update(b.keys())
    cap = max(50, int(max_df * n))  # in a small corpus every shared term counts (idf weighs it)
    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for i, b in enumerate(bags):
        weights = []
        for t, tf in b.items():
            d = df[t]
            if d < 2 or d > cap:
                continue  # a term no other article has, or one most have, links nothing
            weights.append((t, (1 + math.log(tf)) * math.log(1 + n / d)))
        weights.sort(key=lambda x: -x[1])
        weights = weights[:top]
        norm = math.sqrt(sum(w * w for _, w in weights)) or 1.0
        for t, w in weights:
            rows.append(i)
            cols.append(vocab.setdefault(t, len(vocab)))
            vals.append(w / norm)
    x = sparse.csr_matrix((vals, (rows, cols)), shape=(n, max(1, len(vocab))), dtype=np.float32)
    return x


def analyse(store, *, dup_threshold: float = 0.8, story_threshold: float = 0.35, story_days: int = 2,
            related_threshold: float = 0.15, related_k: int = 5, story_k: int = 5, story_span: int = 4,
            chunk: int = 1000) -> dict:
    db = store.db
    recs = db.execute(
        "SELECT a.id, a.date, a.source, m.sig, m.terms FROM articles a JOIN minhash m ON m.doc = a.id ORDER BY a.n"
    ).fetchall()
    ids = [r[0] for r in recs]
    dates = [r[1] for r in recs]
    dups = find_duplicates([(r[0], r[3]) for r in recs], threshold=dup_threshold)
    dup_of = {d: o for d, o, _ in dups}
    bags = [json.loads(r[4] or "{}") for r in recs]
    x = similarity(bags)
    xt = x.T.tocsc()
    parent = list(range(len(ids)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    index = {d: i for i, d in enumerate(ids)}
    day = np.array([_ordinal(d) for d in dates], dtype=np.float64)  # NaN when undated
    dup_pairs = {(index[d], index[o]) for d, o, _ in dups} | {(index[o], index[d]) for d, o, _ in dups}
    related = []
    best: set[tuple[int, int]] = set()
    edges: list[tuple[float, int, int]] = []
    for lo in range(0, len(ids), chunk):
        s = (x[lo : lo + chunk] @ xt).tocoo()
        keep = s.data >= min(related_threshold, story_threshold)
        r, c, v = s.row[keep] + lo, s.col[keep], s.data[keep]
        not_self = r != c
        r, c, v = r[not_self], c[not_self], v[not_self]
        # story candidates: similar enough and close in time; each article's best few
        dd = np.abs(day[r] - day[c])
        e = (v >= story_threshold) & (dd <= story_days)
        er, ec, ev = r[e], c[e], v[e]
        o = np.lexsort((ec, -ev, er))
        er, ec, ev = er[o], ec[o], ev[o]
        first = np.r_[0, np.flatnonzero(np.diff(er)) + 1] if len(er) else np.array([], dtype=int)
        rank = np.arange(len(er)) - np.repeat(first, np.diff(np.r_[first, len(er)])) if len(er) else np.array([], dtype=int)
        top = rank < story_k
        for i, j, val in zip(er[top].tolist(), ec[top].tolist(), ev[top].tolist()):
            best.add((i, j))
            edges.append((val, min(i, j), max(i, j)))
        # related: the best few per article, near-duplicates left out
        m = v >= related_threshold
        r, c, v = r[m], c[m], v[m]
        order = np.lexsort((c, -v, r))
        r, c, v = r[order], c[order], v[order]
        start = 0
        bounds = np.flatnonzero(np.diff(r)) + 1
        for end in [*bounds.tolist(), len(r)]:
            if end == start:
                continue
            i = int(r[start])
            n_ = 0
            for j, val in zip(c[start:end].tolist(), v[start:end].tolist()):
                if (i, j) in dup_pairs:
                    continue
                related.append((ids[i], ids[j], round(val, 4)))
                n_ += 1
                if n_ >= related_k:
                    break
            start = end
    # Stories: mutual best neighbours joined strongest first, a story spanning at most
    # story_span days (single links alone chain a whole news season into one story)
    lo_day = day.copy()
    hi_day = day.copy()

    def union(i, j, force=False):
        ri, rj = find(i), find(j)
        if ri == rj:
            return
        lo_, hi_ = np.fmin(lo_day[ri], lo_day[rj]), np.fmax(hi_day[ri], hi_day[rj])
        if not force and hi_ - lo_ > story_span:
            return
        a, b = min(ri, rj), max(ri, rj)
        parent[b] = a
        lo_day[a], hi_day[a] = lo_, hi_

    for d, o, _ in dups:  # a near-duplicate belongs to its original's story
        union(index[d], index[o], force=True)
    for val, i, j in sorted(set(edges), key=lambda t: (-t[0], t[1], t[2])):
        if (i, j) in best and (j, i) in best:
            union(i, j)
    groups: dict[int, list[int]] = {}
    for i in range(len(ids)):
        groups.setdefault(find(i), []).append(i)
    stories = []
    for members in groups.values():
        if len(members) < 2:
            continue
        sid = min(ids[i] for i in members)
        stories.extend((ids[i], sid) for i in members)
    db.execute("BEGIN IMMEDIATE")
    try:
        db.execute("DELETE FROM dups")
        db.execute("DELETE FROM stories")
        db.execute("DELETE FROM related")
        db.executemany("INSERT INTO dups VALUES(?,?,?)", dups)
        db.executemany("INSERT INTO stories VALUES(?,?)", stories)
        db.executemany("INSERT OR REPLACE INTO related VALUES(?,?,?)", related)
        db.execute("INSERT OR REPLACE INTO meta VALUES('analysed', ?)", (str(len(ids)),))
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return {
        "articles": len(ids), "near_duplicates": len(dups), "stories": len({s for _, s in stories}),
        "articles_in_stories": len(stories), "related_links": len(related),
    }
