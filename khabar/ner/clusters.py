"""Distributional word clusters learned from unlabelled news (ANT corpora only: their licence
lets the derived clusters ship).

Each normalised word seen at least five times gets a vector from the positive
PMI of its left and right neighbours, reduced by truncated SVD; spherical k-means groups the
vectors into fine clusters, whose centroids are grouped again into coarser ones; optionally a
binary tree of bisecting spherical 2-means gives every word a bit path. The tagger sees the three
granularities, the way Brown-cluster bit prefixes are used (the bit path, with clusters for
words seen twice or more, is optional: it helped on dev but not in cross-validation or on test,
docs/entities.md).
"""

from __future__ import annotations

import functools
import gzip
import json
import time
from collections import Counter
from pathlib import Path

import numpy as np

from ..normalise import View
from ..stages.segment import TOKEN_RE
from . import MODEL_DIR

CLUSTER_FILE = "clusters.tsv.gz"
VECTOR_FILE = "vectors.npz"  # the words' SVD vectors themselves (feature group "vectors"), when learnt with vectors > 0
SOURCES = ("ant_multisource", "ant_jawharafm")  # SaudiNewsNet is non-commercial: never used here


def corpus_tokens(news_dir: Path, limit: int | None = None):
    """Normalised words of the ANT news as written (clitics attached, as the tagger sees them:
    splitting them off blindly would cut a name like بوتين into a preposition and a stem), one list
    per article."""
    n = 0
    for src in SOURCES:
        for path in sorted((news_dir / src).glob("*.jsonl.gz")):
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                for line in fh:
                    d = json.loads(line)
                    text = View((d.get("title") or "") + "\n" + (d.get("text") or "")).text
                    yield [m.group() for m in TOKEN_RE.finditer(text)]
                    n += 1
                    if limit and n >= limit:
                        return


def _kmeans(x: np.ndarray, k: int, iters: int, seed: int, weights=None) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    cent = x[rng.choice(len(x), size=k, replace=False)].copy()
    assign = np.zeros(len(x), dtype=np.int32)
    for _ in range(iters):
        sims = np.empty(len(x), dtype=np.float32)
        for a in range(0, len(x), 20000):
            s = x[a : a + 20000] @ cent.T
            assign[a : a + 20000] = s.argmax(1)
            sims[a : a + 20000] = s.max(1)
        w = np.ones(len(x), dtype=np.float32) if weights is None else weights
        new = np.zeros_like(cent)
        np.add.at(new, assign, x * w[:, None])
        empty = np.linalg.norm(new, axis=1) == 0
        if empty.any():  # reseed empty clusters with the worst-fitting points
            worst = np.argsort(sims)[: int(empty.sum())]
            new[empty] = x[worst]
        cent = new / np.maximum(np.linalg.norm(new, axis=1, keepdims=True), 1e-9)
    return assign, cent


def _bisect(x: np.ndarray, depth: int) -> list[str]:
    """Bit paths of a binary tree over the vectors, split by spherical 2-means level by level
    (the way Brown clusters are used: prefixes of the path are coarser clusters)."""
    groups = {0: np.arange(len(x))}
    for d in range(depth):
        new = {}
        for code, idx in groups.items():
            if len(idx) < 8:
                new[code * 2] = idx
                continue
            a, _ = _kmeans(x[idx], 2, 8, d * 7919 + code % 1000)
            new[code * 2] = idx[a == 0]
            new[code * 2 + 1] = idx[a == 1]
        groups = new
    out = [""] * len(x)
    for code, idx in groups.items():
        s = format(code, f"0{depth}b")
        for i in idx:
            out[i] = s
    return out


def learn(news_dir: Path, out_dir: Path, *, vocab: int = 80_000, contexts: int = 12_000, dim: int = 120,
          ks: tuple[int, int, int] = (1000, 250, 60), depth: int = 0, limit: int | None = None,
          min_count: int = 5, vectors: int = 0, log=print) -> Path:
    """The shipped clusters come from the defaults; ``depth`` > 0 adds each word's bit path (the
    ``xclusters`` feature group), tried with ``vocab=200_000, min_count=2, depth=14``; ``vectors``
    > 0 also writes the words' vectors cut to their first ``vectors`` SVD components (the
    ``vectors`` feature group, ``write_vectors``); the clusters file is the same either way."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.linalg import svds

    t0 = time.time()
    docs = list(corpus_tokens(news_dir, limit))
    freq = Counter(w for d in docs for w in d)
    log(f"clusters: {len(docs)} articles, {sum(freq.values())} tokens, {len(freq)} types ({time.time() - t0:.0f}s)")
    words = [w for w, c in freq.most_common(vocab) if c >= min_count]
    ctx = [w for w, _ in freq.most_common(contexts)]
    wid = {w: i for i, w in enumerate(words)}
    cid = {w: i for i, w in enumerate(ctx)}
    rows, cols = [], []
    C = len(ctx)
    for d in docs:
        ids_w = np.fromiter((wid.get(w, -1) for w in d), dtype=np.int64, count=len(d))
        ids_c = np.fromiter((cid.get(w, -1) for w in d), dtype=np.int64, count=len(d))
        for off, base in ((-1, 0), (1, C), (-2, 2 * C), (2, 3 * C)):
            if off < 0:
                a, b = ids_w[-off:], ids_c[:off]
            else:
                a, b = ids_w[:-off], ids_c[off:]
            ok = (a >= 0) & (b >= 0)
            rows.append(a[ok])
            cols.append(b[ok] + base)
    r = np.concatenate(rows)
    c = np.concatenate(cols)
    m = coo_matrix((np.ones(len(r), dtype=np.float32), (r, c)), shape=(len(words), 4 * C)).tocsr()
    m.sum_duplicates()
    log(f"clusters: co-occurrence {m.shape} nnz={m.nnz} ({time.time() - t0:.0f}s)")
    total = m.sum()
    pw = np.asarray(m.sum(1)).ravel() / total
    pc = np.asarray(m.sum(0)).ravel() ** 0.75
    pc = pc / pc.sum()
    m = m.tocoo()
    pmi = np.log(m.data / total) - np.log(pw[m.row]) - np.log(pc[m.col])
    keep = pmi > 0
    ppmi = coo_matrix((pmi[keep].astype(np.float32), (m.row[keep], m.col[keep])), shape=m.shape).tocsr()
    u, s, _ = svds(ppmi, k=dim, random_state=0)
    vec = (u * np.sqrt(s)).astype(np.float32)
    if vectors:
        write_vectors(out_dir / VECTOR_FILE, words, vec[:, np.argsort(-s, kind="stable")[:vectors]])
    vec /= np.maximum(np.linalg.norm(vec, axis=1, keepdims=True), 1e-9)
    log(f"clusters: svd done ({time.time() - t0:.0f}s)")
    fine, cent = _kmeans(vec, ks[0], 12, 0)
    mid, cent2 = _kmeans(cent, ks[1], 20, 1)
    coarse, _ = _kmeans(cent2, ks[2], 20, 2)
    paths = _bisect(vec, depth) if depth else None
    log(f"clusters: k-means and bit paths done ({time.time() - t0:.0f}s)")
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / CLUSTER_FILE
    if paths:
        lines = [f"# word\tfine\tmid\tcoarse\tcount\tpath  (k={ks}, depth={depth}, dim={dim}, vocab={vocab}, min_count={min_count}, sources={','.join(SOURCES)})"]
    else:  # the header of the shipped file, byte for byte
        lines = [f"# word\tfine\tmid\tcoarse\tcount  (k={ks}, dim={dim}, sources={','.join(SOURCES)})"]
    for i, w in enumerate(words):
        f = int(fine[i])
        more = "\t" + paths[i] if paths else ""
        lines.append(f"{w}\t{f}\t{int(mid[f])}\t{int(coarse[mid[f]])}\t{freq[w]}{more}")
    raw = ("\n".join(lines) + "\n").encode("utf-8")
    with path.open("wb") as fh:
        with gzip.GzipFile(fileobj=fh, mode="wb", mtime=0, filename="") as gz:
            gz.write(raw)
    log(f"clusters: wrote {path} ({len(words)} words, {time.time() - t0:.0f}s)")
    return path


def write_vectors(path: Path, words: list[str], vec: np.ndarray) -> None:
    """Each word's vector, unit length, as float16 (reproducible bytes: fixed zip timestamps)."""
    from .fastcrf import _save_npz

    vec = vec / np.maximum(np.linalg.norm(vec, axis=1, keepdims=True), 1e-9)
    path.parent.mkdir(parents=True, exist_ok=True)
    _save_npz(path, {"words": np.array("\n".join(words)), "vectors": vec.astype(np.float16)})


def read_vectors(path: Path) -> dict[str, np.ndarray]:
    """word -> its unit vector (float32 rows of one array)."""
    z = np.load(path, allow_pickle=False)
    vec = z["vectors"].astype(np.float32)
    return dict(zip(str(z["words"]).split("\n"), vec))


def read(path: Path) -> dict[str, tuple]:
    """word -> (fine, mid, coarse, count in the news[, bit path])."""
    out = {}
    pool: dict[str, str] = {}  # cluster ids and bit paths repeat: one string object each
    share = pool.setdefault
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            w, f, m, c, n, *more = line.rstrip("\n").split("\t")
            out[w] = (share(f, f), share(m, m), share(c, c), int(n), *[share(x, x) for x in more])
    return out


@functools.cache
def shipped() -> dict[str, tuple[str, str, str, int]]:
    return read(MODEL_DIR / CLUSTER_FILE)
