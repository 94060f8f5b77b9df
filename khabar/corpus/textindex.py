"""What the full-text index holds for an article, and how a typed query becomes an FTS5 query.

Two columns: ``norm`` (the normalised view: alef, ya, teh marbuta folded, diacritics and tatweel
removed, digits western, lower case), and ``stem`` (for each word, tashaphyne's light stem and a
conservative stem that only strips the article, leading conjunctions and plural/feminine
endings, because tashaphyne alone is noisy: it takes «فلسطيني» to «سطي»). A query word matches
its normalised form in ``norm`` or either of its stems in ``stem``.
"""

from __future__ import annotations

import functools
import re

from ..lexicon import load
from ..normalise import normalise

WORD = re.compile(r"\w+")
_ARABIC = re.compile(r"[\u0621-\u064A]")


@functools.cache
def _stem_rules():
    r = load("ar/search.yaml")["light_stem"]
    return r["min_stem"], tuple(r["prefixes"]), tuple(r["conj"]), tuple(r["suffixes"]), frozenset(r["restore_nisba"])


@functools.cache
def _tashaphyne():
    from tashaphyne.stemming import ArabicLightStemmer

    return ArabicLightStemmer()


def light_stem(word: str) -> str:
    """Conservative stem of a normalised word."""
    min_stem, prefixes, conj, suffixes, nisba = _stem_rules()
    w = word
    for p in prefixes:
        if w.startswith(p) and len(w) - len(p) >= min_stem:
            w = w[len(p):]
            break
    else:
        for c in conj:
            if w.startswith(c) and len(w) - 1 >= min_stem + 1:
                rest = w[1:]
                # only when what follows is itself a word start we know (the article) or long
                if any(rest.startswith(p) for p in prefixes) or len(rest) >= 5:
                    w = rest
                    for p in prefixes:
                        if w.startswith(p) and len(w) - len(p) >= min_stem:
                            w = w[len(p):]
                            break
                break
    for s in suffixes:
        if w.endswith(s) and len(w) - len(s) >= min_stem:
            w = w[: -len(s)] + ("ي" if s in nisba else "")
            break
    return w


class Stemmer:
    """Both stems of a word, cached (news vocabulary is Zipfian: most lookups hit)."""

    def __init__(self, max_cache: int = 500_000):
        self.cache: dict[str, str] = {}
        self.max_cache = max_cache

    def stems(self, word: str) -> str:
        s = self.cache.get(word)
        if s is None:
            if not _ARABIC.search(word) or len(word) < 3:
                s = word
            else:
                a = _tashaphyne().light_stem(word) or word
                b = light_stem(word)
                s = a if a == b else f"{a} {b}"
            if len(self.cache) < self.max_cache:
                self.cache[word] = s
        return s

    def stem_text(self, norm_text: str) -> str:
        st = self.stems
        return " ".join(st(w) for w in WORD.findall(norm_text))


_default_stemmer: Stemmer | None = None


def stemmer() -> Stemmer:
    global _default_stemmer
    if _default_stemmer is None:
        _default_stemmer = Stemmer()
    return _default_stemmer


def norm_text(text: str) -> str:
    return normalise(text).lower()


def index_fields(title: str | None, text: str) -> tuple[str, str, str]:
    """(title_norm, norm, stem) for the FTS row of an article."""
    t = norm_text(title or "")
    n = norm_text(text)
    st = stemmer()
    return t, n, st.stem_text(t + "\n" + n)


def query_terms(q: str) -> list[str]:
    return WORD.findall(norm_text(q))


def fts_query(q: str) -> str | None:
    """FTS5 MATCH expression for a typed query: every word must match (as typed, normalised, or
    by stem); a "quoted phrase" must match as a phrase in the normalised text."""
    parts = []
    st = stemmer()
    for m in re.finditer(r'"([^"]+)"|(\S+)', q):
        if m.group(1):
            words = query_terms(m.group(1))
            if words:
                parts.append('norm:"' + " ".join(words) + '"')
            continue
        for w in query_terms(m.group(2)):
            alts = {f'norm:"{w}"', f'title:"{w}"'}
            for s in st.stems(w).split():
                alts.add(f'stem:"{s}"')
            parts.append("(" + " OR ".join(sorted(alts)) + ")")
    return " AND ".join(parts) if parts else None
