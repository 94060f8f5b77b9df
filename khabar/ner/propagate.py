"""Document-level consistency: a name the tagger found once in an article is the same name
where it missed it. Phrases (and a person's surname) tagged in the document, or in a window of
neighbouring sentences when there is no document boundary (ANERcorp), are tagged wherever they
recur untagged, with the type they got most often. Words compare by their loose key, clitics
off («لبلينكن» ~ «بلينكن»)."""

from __future__ import annotations

import functools
from collections import Counter

from ..lexicon import clitics, load
from .conll import spans
from .words import WORD_KEYS, loose, norm, word_keys


@functools.cache
def _skip() -> frozenset:
    ner = load("ar/ner.yaml")
    words = [w for ws in ner["triggers"].values() for w in ws] + list(ner["title_breaks"])
    return frozenset(loose(norm(w)) for w in words)


def propagate(sentences: list[list[str]], tags: list[list[str]], window: int | None = None) -> list[list[str]]:
    skip = _skip()
    get = WORD_KEYS.get
    forms = [[get(w) or word_keys(w) for w in ws] for ws in sentences]
    full = [[f[0] for f in fs] for fs in forms]
    core = [[f[1] for f in fs] for fs in forms]
    found: list[list[tuple[tuple[str, ...], str]]] = []
    for fs, cs, ts in zip(full, core, tags):
        sp = []
        # in text order: a phrase tagged as often with one type as another keeps its first
        # (a set's order would change with the process's string hashing)
        for a, b, ty in sorted(spans(ts)) if ts.count("O") != len(ts) else ():
            ph = tuple(fs[a:b])
            sp.append((ph, ty))
            if cs[a] != fs[a]:
                sp.append(((cs[a], *ph[1:]), ty))
            if ty == "PER" and b - a > 1:
                sp.append((ph[-1:], "PER"))
        found.append(sp)
    out = [list(t) for t in tags]
    n = len(sentences)
    doc_best = None
    if window is None:
        doc_best = _best(Counter(x for sp in found for x in sp), skip)
    for k in range(n):
        if doc_best is not None:
            best, by_first = doc_best
        else:
            best, by_first = _best(Counter(x for j in range(max(0, k - window), min(n, k + window + 1)) for x in found[j]), skip)
        if not best:
            continue
        fs, cs, o = full[k], core[k], out[k]
        for i in range(len(fs)):
            if o[i] != "O" or (fs[i] not in by_first and cs[i] not in by_first):
                continue
            done = False
            for first in (fs[i], cs[i]):
                for ph in by_first.get(first, ()):
                    L = len(ph)
                    if ph[1:] == tuple(fs[i + 1 : i + L]) and all(x == "O" for x in o[i : i + L]) and (i + L >= len(o) or not o[i + L].startswith("I-")):
                        ty = best[ph][0]
                        o[i] = "B-" + ty
                        for q in range(i + 1, i + L):
                            o[q] = "I-" + ty
                        done = True
                        break
                if done:
                    break
    return out


def _best(counts: Counter, skip) -> tuple[dict, dict]:
    """Each phrase's most frequent type, and the phrases by first word, longest first."""
    best: dict[tuple, tuple[str, int]] = {}
    for (ph, ty), c in counts.items():
        if len(ph) == 1 and (len(ph[0]) < 3 or ph[0] in skip):
            continue
        if ph not in best or c > best[ph][1]:
            best[ph] = (ty, c)
    by_first: dict[str, list[tuple]] = {}
    for ph in best:
        by_first.setdefault(ph[0], []).append(ph)
    for v in by_first.values():
        v.sort(key=len, reverse=True)
    return best, by_first


def extend_nisba(sentences: list[list[str]], tags: list[list[str]]) -> list[list[str]]:
    """A definite nisba right after a person's full name is the family name (نوري
    المالكي): Arabic puts nationality adjectives before the name, not after."""
    out = [list(t) for t in tags]
    skip = _skip()
    c = clitics()
    for ws, o in zip(sentences, out):
        if "B-PER" not in o and "I-PER" not in o:
            continue
        for a, b, ty in sorted(spans(o)):
            if ty != "PER" or b - a < 2 or b >= len(ws) or o[b] != "O":
                continue
            x = norm(ws[b])
            if x.startswith(c["det"]) and x.endswith(c["nisba"]) and len(x) >= 5 and loose(x) not in skip:
                o[b] = "I-PER"
    return out
