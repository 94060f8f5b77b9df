"""Features of a sentence's words for the CRF.

A word's own features depend only on the word, so they are computed once per distinct word
(``_own``) together with the shorter sets its neighbours see (``_ctx``); a sentence only
concatenates cached tuples, plus the few features that need the sentence (gazetteer matches,
word pairs). Groups can be switched off for the ablation.
"""

from __future__ import annotations

import unicodedata

import numpy as np

from ..lexicon import clitics, load
from .words import loose, norm, split

_DET = clitics()["det"]

GROUPS = ("lexical", "affix", "ngrams", "shape", "context", "trigger", "window", "gazetteer", "clusters", "corecl",
          "xclusters", "vectors")
# prefixes of a word's cluster bit path seen as features (Brown-style granularities), for cluster
# files that have the path (clusters.learn(depth=14)); not in the shipped model (docs/entities.md)
BIT_PREFIXES = (4, 6, 8, 10, 12, 14)
# "vectors": the word's SVD vector (clusters.VECTOR_FILE; its first VECTOR_DIMS components, unit
# length, times VECTOR_SCALE) as real-valued attributes v0, v1, ... of the word and, seen from its
# neighbours, -1v0 ... and +1v0 ... In 5-fold cross-validation over train: +1.2 F1 (tagger),
# +1.0 (with propagation); 100 dimensions or scale 1 the same within noise (docs/entities.md)
VECTOR_DIMS = 50
VECTOR_SCALE = 5.0
# also the clitic-split core's vector (vc0 ...) when the word and its core both have one: no gain
# in cross-validation, off
VECTOR_CORE = False
# also the vectors of the neighbours at ±2 (-2v0 ..., +2v0 ...): -0.45 / -0.44 F1 (tagger / with
# propagation) in 5-fold cross-validation over train, off (docs/entities.md); the compiled model
# (fastcrf) does not read them
VECTOR_FAR = False


def _trigger_table() -> dict[str, str]:
    out = {}
    for kind, words in load("ar/ner.yaml")["triggers"].items():
        for w in words:
            out.setdefault(loose(norm(w)), kind)
    return out


def shape(word: str) -> str:
    c = word[0]
    if c.isdigit():
        return "num"
    if "\u0600" <= c <= "\u06ff":
        return "ar"
    if c.isalpha():
        return "Lu" if c.isupper() else "lat"
    cat = unicodedata.category(c)
    return "p" + c if cat.startswith("P") or cat.startswith("S") else "o"


def _scaled(x: np.ndarray) -> np.ndarray:
    """x (float32) at length VECTOR_SCALE; the norm as np.linalg.norm computes it (sqrt of x.dot(x))."""
    return x * np.float32(VECTOR_SCALE / max(float(np.sqrt(x.dot(x))), 1e-9))


class Featurizer:
    def __init__(self, gazetteer=None, clusters=None, groups=GROUPS, rare=frozenset(), vectors=None):
        # ``rare``: words whose identity is hidden while training, so that the model learns
        # what unseen words look like (their affixes, clusters, gazetteer hits) instead of
        # memorising names seen once
        self.rare = rare
        self.groups = frozenset(groups)
        self.gaz = gazetteer if "gazetteer" in self.groups else None
        self.clusters = clusters if "clusters" in self.groups else None
        self.triggers = _trigger_table() if "trigger" in self.groups else {}
        self._cache: dict[str, tuple[tuple, tuple, tuple]] = {}
        # word -> unit vector (clusters.read_vectors), for the "vectors" group
        self.vectors = vectors if "vectors" in self.groups else None
        self.vector_names = {c: [f"{c}v{d}" for d in range(VECTOR_DIMS)] for c in ("", "-1", "+1", "-2", "+2")}
        self.vector_names["c"] = [f"vc{d}" for d in range(VECTOR_DIMS)]
        self.vector_core = VECTOR_CORE
        self.vector_far = VECTOR_FAR
        self._vcache: dict = {}

    def __getstate__(self):
        d = dict(self.__dict__)
        d["_cache"] = {}
        d["_vcache"] = {}
        return d

    def vector(self, word: str):
        """The word's real-valued attribute values (float32, VECTOR_DIMS of them), or None."""
        if self.vectors is None:
            return None
        try:
            return self._vcache[word]
        except KeyError:
            pass
        return self._vectors_of(word, norm(word), split(word)[1])

    def _vectors_of(self, word: str, n: str, core: str):
        """Fill the word's vector (and its core's) in the cache; ``_word`` calls this with the
        normal form and core it has already computed."""
        v = self.vectors.get(n)
        vc = self.vectors.get(core) if self.vector_core and core != n and v is not None else None
        if v is None:
            v = self.vectors.get(core)
        if v is not None:
            v = _scaled(v[:VECTOR_DIMS])
        self._vcache[word] = v
        if self.vector_core:
            self._vcache[(word,)] = None if vc is None else _scaled(vc[:VECTOR_DIMS])
        return v

    def core_vector(self, word: str):
        """The clitic-split core's values (VECTOR_CORE), when the word and its core both have a vector."""
        if not self.vector_core:
            return None
        self.vector(word)
        return self._vcache.get((word,))

    def _word(self, word: str) -> tuple[tuple, tuple, tuple]:
        """(own, near-context, far-context) features of one word."""
        g = self.groups
        n = norm(word)
        pro, core, stem = split(word)
        own: list[str] = []
        near: list[str] = []
        far: list[str] = []
        if "lexical" in g and word not in self.rare:
            fw, fc = "w=" + n, "c=" + core
            own += (fw, fc, "s=" + stem)
            near += (fw, fc)
            far.append(fc)
        if "ngrams" in g:
            own += ["g3=" + stem[k : k + 3] for k in range(max(1, len(stem) - 2))]
        if "affix" in g:
            x2, pc = "x2=" + n[-2:], "pc=" + pro
            own += ("p1=" + core[:1], "p2=" + core[:2], "p3=" + core[:3], "x1=" + n[-1:], x2,
                    "x3=" + n[-3:], pc, "al=True" if core.startswith(_DET) else "al=False")
            near += (x2, pc)
        if "shape" in g:
            sh = shape(word)
            fs = "sh=" + sh
            own += (fs, "len=" + str(min(len(stem), 9)))
            near.append(fs)
            if sh != "ar":
                far.append(fs)
        if self.triggers:
            t = self.triggers.get(loose(core))
            if t:
                ft = "t=" + t
                own.append(ft)
                near.append(ft)
                far.append(ft)
        if self.clusters is not None:
            cl = self.clusters.get(n) or self.clusters.get(core)
            if cl:
                k1, k2 = "k1=" + cl[0], "k2=" + cl[1]
                own += (k1, k2, "k3=" + cl[2], "fq=" + str(min(len(str(cl[3])), 6)))
                near += (k1, k2)
                far.append(k2)
                if "xclusters" in g and len(cl) > 4:  # prefixes of the word's bit path (clusters._bisect)
                    path = cl[4]
                    for b in BIT_PREFIXES:
                        own.append(f"b{b}=" + path[:b])
                        near.append(f"b{b}=" + path[:b])
            else:
                own.append("k=oov")
                near.append("k=oov")
            # the word without its clitics, when that is another word (وبغداد -> بغداد)
            if core != n and "corecl" in g:
                cc = self.clusters.get(core)
                if cc:
                    kc2 = "kc2=" + cc[1]
                    own += ("kc1=" + cc[0], kc2)
                    near.append(kc2)
        if self.gaz is not None:
            for t in sorted(self.gaz.word_types.get(loose(core), ())):
                fg = "gw=" + t
                own.append(fg)
                near.append(fg)
        if self.vectors is not None and word not in self._vcache:
            self._vectors_of(word, n, core)
        return tuple(own), tuple(near), tuple(far)

    def core(self, word: str) -> str:
        return "" if word in self.rare else split(word)[1]

    def sentence(self, words: list[str]) -> list[list[str]]:
        cache = self._cache
        info = []
        for w in words:
            x = cache.get(w)
            if x is None:
                x = cache[w] = self._word(w)
            info.append(x)
        n = len(words)
        ctx = "context" in self.groups
        out = []
        for i in range(n):
            f = ["b"]
            f.extend(info[i][0])
            if ctx:
                if i > 0:
                    f.extend(["-1" + x for x in info[i - 1][1]])
                    if i > 1:
                        f.extend(["-2" + x for x in info[i - 2][2]])
                    else:
                        f.append("BOS2")
                else:
                    f.append("BOS")
                if i + 1 < n:
                    f.extend(["+1" + x for x in info[i + 1][1]])
                    if i + 2 < n:
                        f.extend(["+2" + x for x in info[i + 2][2]])
                    else:
                        f.append("EOS2")
                else:
                    f.append("EOS")
            out.append(f)
        if "window" in self.groups and self.triggers:
            # a trigger word among the three before (a title may run over several words)
            for i in range(n):
                for k in range(max(0, i - 3), max(0, i - 1)):
                    for x in info[k][2]:
                        if x.startswith("t="):
                            out[i].append("w3" + x)
        if ctx and "lexical" in self.groups:
            cores = [self.core(w) for w in words]
            for i in range(n):
                if i > 0:
                    out[i].append("bg-=" + cores[i - 1] + "|" + cores[i])
                if i + 1 < n:
                    out[i].append("bg+=" + cores[i] + "|" + cores[i + 1])
        if self.gaz is not None:
            for i, j, types, stripped in self.gaz.match(words):
                for t in types:
                    t = t + ("+" if j - i > 1 else "")  # names of several words are surer
                    out[i].append("g=B" + t)
                    if i > 0:
                        out[i - 1].append("+1g=B" + t)
                    for k in range(i + 1, j):
                        out[k].append("g=I" + t)
                    if j < n:
                        out[j].append("-1g=" + t)
        if self.vectors is not None:
            return self._with_vectors(words, out)
        return out

    def _with_vectors(self, words: list[str], out: list[list[str]]) -> list[dict[str, float]]:
        """The items as {attribute: value}: each string feature with its count (a feature twice is
        one attribute of value 2, as the compiled model adds it twice), and the vector attributes."""
        vecs = [self.vector(w) for w in words]
        names = self.vector_names
        ctx = "context" in self.groups
        n = len(words)
        items = []
        for i, f in enumerate(out):
            d: dict[str, float] = {}
            for x in f:
                d[x] = d.get(x, 0.0) + 1.0
            for c, j in (("", i), ("-1", i - 1), ("+1", i + 1)) + ((("-2", i - 2), ("+2", i + 2)) if self.vector_far else ()):
                if 0 <= j < n and vecs[j] is not None and (ctx or not c):
                    d.update(zip(names[c], vecs[j].tolist()))
            vc = self.core_vector(words[i])
            if vc is not None:
                d.update(zip(names["c"], vc.tolist()))
            items.append(d)
        return items
