"""The trained CRF compiled for fast tagging.

crfsuite looks up every feature string of every token in its dictionary; with ~80 features a
token that costs ~100 µs. But nearly all features depend on one word only (its own, or a
neighbour's seen from one or two positions away), so their summed weights are a per-word
vector: the compiled model keeps the state weights as a matrix, each distinct word's five
contributions (own, to the next, to the previous, to two after, to two before) are summed once
and cached, and a sentence only adds a few rows and runs Viterbi. Sentences of a document are
decoded together, one numpy step per position. ``tests/test_entities.py`` checks that the tags
equal crfsuite's own.
"""

from __future__ import annotations

import threading
from itertools import repeat

import numpy as np

WEIGHTS_FILE = "weights.npz"


def compile_model(crfsuite_path, out_path) -> None:
    """Dump a crfsuite model's labels, transitions and state weights to an .npz."""
    import pycrfsuite

    t = pycrfsuite.Tagger()
    t.open(str(crfsuite_path))
    info = t.info()
    labels = sorted(info.labels, key=info.labels.get)
    li = {lab: k for k, lab in enumerate(labels)}
    attrs: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for (attr, lab), w in info.state_features.items():
        if w == 0.0:
            continue
        a = attrs.setdefault(attr, len(attrs))
        rows.append(a)
        cols.append(li[lab])
        vals.append(w)
    W = np.zeros((len(attrs), len(labels)), dtype=np.float32)
    W[rows, cols] = vals
    T = np.zeros((len(labels), len(labels)), dtype=np.float32)
    for (a, b), w in info.transitions.items():
        T[li[a], li[b]] = w
    names = sorted(attrs, key=attrs.get)
    _save_npz(out_path, {"W": W, "T": T, "labels": np.array(labels), "attrs": np.array("\n".join(names))})


def _save_npz(path, arrays: dict) -> None:
    """np.savez_compressed with fixed timestamps: the same model gives the same bytes."""
    import io
    import zipfile

    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, arr in arrays.items():
            buf = io.BytesIO()
            np.lib.format.write_array(buf, np.asanyarray(arr), allow_pickle=False)
            info = zipfile.ZipInfo(name + ".npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, buf.getvalue())


class CompiledCRF:
    def __init__(self, path, featurizer):
        z = np.load(path, allow_pickle=False)
        self.W = z["W"]
        self.T = z["T"]
        self.labels = [str(x) for x in z["labels"]]
        names = str(z["attrs"]).split("\n")
        self.attr = {a: i for i, a in enumerate(names)}
        self.L = len(self.labels)
        self.f = featurizer
        zero = np.zeros(self.L, dtype=np.float32)
        self.W = np.vstack([self.W, zero[None]])  # the zero row _add_words pads its gathers with
        self._zero_row = len(self.W) - 1
        self._zero = zero
        self._b = self._vec(["b"])
        self._bos, self._bos2, self._eos, self._eos2 = (self._vec([x]) for x in ("BOS", "BOS2", "EOS", "EOS2"))
        self._ids: dict[str, int] = {}
        self._cores: list[str] = []
        self._gvec: dict[str, tuple] = {}
        self._bg = {a: i for a, i in self.attr.items() if a.startswith("bg")}
        self._table = np.zeros((1024, 6, self.L), dtype=np.float32)
        self._frows = None
        self._lock = threading.Lock()
        # real-valued attributes (feature group "vectors"): a word's vector x adds x @ Wv to its
        # own scores (v0, v1, ...) and to its neighbours' (-1v..., +1v...): per word, one more
        # term of its cached score vectors (columns 0, 1, 2); the weights of the three side by side,
        # so that one pass over the dimensions gives all three
        self._wv = []
        if getattr(featurizer, "vectors", None) is not None:
            L, ctx = self.L, [(0, ""), (1, "-1"), (2, "+1")]
            W3 = np.hstack([self.W[[self.attr.get(a, self._zero_row) for a in featurizer.vector_names[c]]] for _, c in ctx])
            self._wv.append(([col for col, _ in ctx], W3.reshape(len(W3), 3, L), featurizer.vector))
            if featurizer.vector_core:  # the clitic-split core's (vc0 ...), to the word's own scores
                Wc = self.W[[self.attr.get(a, self._zero_row) for a in featurizer.vector_names["c"]]]
                self._wv.append(([0], Wc.reshape(len(Wc), 1, L), featurizer.core_vector))

    def __getstate__(self):  # pragma: no cover - the tagger owning this reloads instead
        raise TypeError("CompiledCRF is rebuilt per process")

    def _vec(self, feats) -> np.ndarray:
        attr = self.attr
        idx = [attr[x] for x in feats if x in attr]
        if not idx:
            return self._zero
        return self.W[idx].sum(0)

    MAX_WORDS = 500_000  # distinct words kept; a longer batch starts the cache afresh

    def _rows(self, words: list[str]) -> tuple[list[int], np.ndarray, list[str]]:
        """(table row of each word, their score vectors, the cores by row), adding new words first.
        Under the lock: the API's threads share one tagger, and a new word writes table rows."""
        with self._lock:
            get = self._ids.get
            ids = [get(w) for w in words]
            if None in ids:
                new = list(dict.fromkeys(w for w, k in zip(words, ids) if k is None))
                if len(self._ids) + len(new) > self.MAX_WORDS:
                    self._ids, self._cores = {}, []
                    new = list(dict.fromkeys(words))
                self._add_words(new)
                get = self._ids.get
                ids = [get(w) for w in words]
            return ids, self._table[ids], self._cores

    _CONTEXTS = ("", "-1", "+1", "-2", "+2", "w3")  # own, seen from the next, the previous, two after, two before, window

    def _feature_rows(self):
        """For each feature string, its six rows of W (own, and as seen from each neighbour
        position; the zero row where the model has no such feature): a new word then needs one
        look-up per feature, not one per feature and position."""
        if self._frows is None:
            zr = self._zero_row
            get = self.attr.get
            window = "window" in self.f.groups
            bases: dict[str, int] = {}
            for a in self.attr:
                bases.setdefault(a[2:] if a[:2] in self._CONTEXTS[1:] else a, len(bases))
            rows = np.full((len(bases) + 1, 6), zr, dtype=np.intp)  # the last row: a feature the model lacks
            for b, i in bases.items():
                rows[i, :5] = [get(c + b, zr) for c in self._CONTEXTS[:5]]
                if window and b.startswith("t="):
                    rows[i, 5] = get("w3" + b, zr)
            self._frows = (bases, rows)
        return self._frows

    def _add_words(self, words: list[str]) -> None:
        n = len(words)
        k0 = len(self._ids)
        while k0 + n > len(self._table):
            self._table = np.concatenate([self._table, np.zeros_like(self._table)])
        # each new word's six score vectors, for all the words at once: its features' rows of W
        # are added strictly left to right (a feature the model lacks adds the zero row), so a
        # word's scores never depend on which other words share its batch
        bases, frows = self._feature_rows()
        get, absent = bases.get, repeat(len(bases))
        feats: tuple[list[int], list[int], list[int]] = ([], [], [])
        counts: tuple[list[int], list[int], list[int]] = ([], [], [])
        cores = []
        for word in words:
            for fs, cn, group in zip(feats, counts, self.f._word(word)):
                fs.extend(map(get, group, absent))
                cn.append(len(group))
            cores.append(self.f.core(word))
        block = np.zeros((n, 6, self.L), dtype=np.float32)
        W = self.W
        # own features give the word's own scores; near ones its neighbours' at ±1; far ones at ±2 and the window
        for fs, cn, cols in zip(feats, counts, ((0,), (1, 2), (3, 4, 5))):
            cn_a = np.asarray(cn)
            width = int(cn_a.max()) if n else 0
            if not width:
                continue
            grid = np.full((n, width), len(bases), dtype=np.intp)  # word x feature slot, padded with the absent feature
            first = np.cumsum(cn_a) - cn_a
            grid[np.repeat(np.arange(n), cn_a), np.arange(len(fs)) - np.repeat(first, cn_a)] = fs
            for c in cols:
                rows = frows[grid, c]
                acc = W[rows[:, 0]]
                for g in range(1, width):
                    acc += W[rows[:, g]]
                block[:, c] = acc
        block[:, 0] += self._b
        for cols, Wc, get in self._wv:
            X = [get(w) for w in words]
            has = [k for k, x in enumerate(X) if x is not None]
            if has:
                X = np.stack([X[k] for k in has])[:, :, None, None]
                # dimension by dimension, in a fixed order: a word's sum never depends on the batch
                acc = X[:, 0] * Wc[0]
                for d in range(1, len(Wc)):
                    acc += X[:, d] * Wc[d]
                block[np.asarray(has)[:, None], cols] += acc
        if self._wv:  # the featurizer's copies of the vectors (``_word`` fills them): the table has them now
            vc = self.f._vcache
            for w in words:
                vc.pop(w, None)
                vc.pop((w,), None)
        self._table[k0 : k0 + n] = block
        self._ids.update(zip(words, range(k0, k0 + n)))
        self._cores.extend(cores)

    def emissions(self, words: list[str], matches=None) -> np.ndarray:
        """Per-word label scores of one sentence, gazetteer features included."""
        n = len(words)
        E, _ = self.emissions_doc([words])
        f = self.f
        if f.gaz is not None:
            for i, j, types, _ in f.gaz.match(words) if matches is None else matches:
                for t in types:
                    t = t + ("+" if j - i > 1 else "")
                    g = self._gvec.get(t)
                    if g is None:
                        g = self._gvec[t] = tuple(self._vec([x + t]) for x in ("g=B", "+1g=B", "g=I", "-1g="))
                    E[i] += g[0]
                    if i > 0:
                        E[i - 1] += g[1]
                    if j - i > 1:
                        E[i + 1 : j] += g[2]
                    if j < n:
                        E[j] += g[3]
        return E

    def emissions_doc(self, sentences: list[list[str]]) -> tuple[np.ndarray, list[int]]:
        """``emissions`` of every sentence of a document in one pass (without gazetteer
        features): neighbour terms are masked where they would cross a sentence boundary, and
        the terms are added in the same order, so the sums are the same to the bit."""
        lens = [len(x) for x in sentences]
        starts, acc = [], 0
        for n in lens:
            starts.append(acc)
            acc += n
        words = [w for x in sentences for w in x]
        N = len(words)
        ids, V, cores = self._rows(words)
        E = V[:, 0].copy()
        if N == 0:
            return E, starts
        f = self.f
        sid = np.repeat(np.arange(len(lens)), lens)
        st = np.array([a for a, n in zip(starts, lens) if n])
        en = np.array([a + n for a, n in zip(starts, lens) if n])
        multi = en - st > 1
        m1 = (sid[1:] == sid[:-1])[:, None]
        m2 = (sid[2:] == sid[:-2])[:, None]
        if "context" in f.groups:
            if N > 1:
                E[1:] += V[:-1, 1] * m1
                E[:-1] += V[1:, 2] * m1
                E[st[multi] + 1] += self._bos2
                E[en[multi] - 2] += self._eos2
            if N > 2:
                E[2:] += V[:-2, 3] * m2
                E[:-2] += V[2:, 4] * m2
            E[st] += self._bos
            E[en - 1] += self._eos
            if "lexical" in f.groups and N > 1:
                bg, W = self._bg, self.W
                same = m1[:, 0].tolist()
                prev = cores[ids[0]]
                for i in range(1, N):
                    cur = cores[ids[i]]
                    if same[i - 1]:
                        pair = prev + "|" + cur
                        a = bg.get("bg-=" + pair)
                        if a is not None:
                            E[i] += W[a]
                        a = bg.get("bg+=" + pair)
                        if a is not None:
                            E[i - 1] += W[a]
                    prev = cur
        if "window" in f.groups and N > 2:
            # per sentence this term exists only in sentences of three words or more
            long3 = np.repeat(np.array(lens) > 2, lens)
            E[2:] += V[:-2, 5] * (m2 & long3[2:, None])
            if N > 3:
                E[3:] += V[:-3, 5] * ((sid[3:] == sid[:-3]) & long3[3:])[:, None]
        return E, starts

    def tag_many(self, sentences: list[list[str]], matches=None) -> list[list[str]]:
        """Viterbi over several sentences at once (one numpy step per position)."""
        order = sorted((k for k in range(len(sentences)) if sentences[k]), key=lambda k: -len(sentences[k]))
        out: list[list[str]] = [[] for _ in sentences]
        if not order:
            return out
        lens = [len(sentences[k]) for k in order]
        B, N, L = len(order), lens[0], self.L
        E = np.zeros((N, B, L), dtype=np.float32)
        if self.f.gaz is None:
            Edoc, starts = self.emissions_doc(sentences)
            # every token's row of Edoc to its (position, sentence) cell, in one assignment
            ln = np.asarray(lens)
            b_idx = np.repeat(np.arange(B), ln)
            first = np.cumsum(ln) - ln
            pos = np.arange(len(b_idx)) - np.repeat(first, ln)
            src = np.repeat(np.asarray([starts[k] for k in order]), ln) + pos
            E[pos, b_idx] = Edoc[src]
        else:
            for b, k in enumerate(order):
                E[: lens[b], b] = self.emissions(sentences[k], None if matches is None else matches[k])
        active = np.searchsorted(-np.asarray(lens), -np.arange(1, N + 1), side="right")  # sentences longer than i
        T = self.T
        score = E[0].copy()
        bps = []
        for i in range(1, N):
            k = active[i]
            s = score[:k, :, None] + T  # k x L x L
            bps.append(s.argmax(1))
            score[:k] = s.max(1) + E[i, :k]
        # back through the pointers for all sentences at once: the first active[i] sentences
        # (the longest) have a position i
        path = np.zeros((B, N), dtype=np.intp)
        cur = score.argmax(1)
        for i in range(N - 1, 0, -1):
            k = active[i]
            path[:k, i] = cur[:k]
            cur[:k] = bps[i - 1][np.arange(k), cur[:k]]
        path[:, 0] = cur
        labels = self.labels
        for b, k in enumerate(order):
            out[k] = [labels[y] for y in path[b, : lens[b]].tolist()]
        return out

    def tag(self, words: list[str]) -> list[str]:
        return self.tag_many([words])[0] if words else []
