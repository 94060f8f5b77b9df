"""What the full-text index holds for an article, and how a typed query becomes an FTS5 query.

Two columns: ``norm`` (the normalised view: alef, ya, teh marbuta folded, diacritics and tatweel
removed, digits western, lower case), and ``stem`` (for each word, tashaphyne's light stem and a
conservative stem that only strips the article, leading conjunctions and plural/feminine
endings, because tashaphyne alone is noisy: it takes «فلسطيني» to «سطي»). A query word matches
its normalised form in ``norm`` or either of its stems in ``stem``.
"""

from __future__ import annotations

import functools
import threading
import re

from ..lexicon import load
from ..normalise import normalise

WORD = re.compile(r"\w+")
_ARABIC = re.compile(f"[{load('ar/chars.yaml')['letters']}]")


@functools.cache
def _stem_rules():
    r = load("ar/search.yaml")["light_stem"]
    return (r["min_stem"], tuple(r["prefixes"]), tuple(r["conj"]), tuple(r["suffixes"]), frozenset(r["restore_nisba"]),
            r["nisba_ya"])


_local = threading.local()


def _tashaphyne():
    """This thread's tashaphyne stemmer: it keeps per-word state, so threads must not share one."""
    st = getattr(_local, "stemmer", None)
    if st is None:
        from tashaphyne.stemming import ArabicLightStemmer

        st = _local.stemmer = ArabicLightStemmer()
    return st


def light_stem(word: str) -> str:
    """Conservative stem of a normalised word."""
    min_stem, prefixes, _conj, suffixes, nisba, ya = _stem_rules()
    w = word
    # leading conjunctions are taken only together with the article (listed as prefixes):
    # a bare first و/ف is as often the word's own letter (فلسطيني, وزير)
    for p in prefixes:
        if w.startswith(p) and len(w) - len(p) >= min_stem:
            w = w[len(p):]
            break
    for s in suffixes:
        if w.endswith(s) and len(w) - len(s) >= min_stem:
            w = w[: -len(s)] + (ya if s in nisba else "")
            break
    return w


class Stemmer:
    """Both stems of a word, cached (news vocabulary is Zipfian: most lookups hit)."""

    def __init__(self, max_cache: int = 1_000_000, preload: bool = True):
        self.cache: dict[str, tuple[str, str]] = dict(_preloaded()) if preload else {}
        self.max_cache = max_cache + len(self.cache)

    def pair(self, word: str) -> tuple[str, str]:
        """(the index string: one or two stems, the conservative stem)."""
        s = self.cache.get(word)
        if s is None:
            if not _ARABIC.search(word) or len(word) < 3:
                s = (word, word)
            else:
                a = _tashaphyne().light_stem(word) or word
                b = light_stem(word)
                s = (a if a == b else f"{a} {b}", b)
            if len(self.cache) < self.max_cache:
                self.cache[word] = s
        return s

    def stems(self, word: str) -> str:
        return self.pair(word)[0]

    def light(self, word: str) -> str:
        return self.pair(word)[1]

    def stem_text(self, norm_text: str) -> str:
        get, pair = self.cache.get, self.pair
        return " ".join([(get(w) or pair(w))[0] for w in WORD.findall(norm_text)])


@functools.cache
def _preloaded() -> dict[str, tuple[str, str]]:
    """Stems of frequent news words, computed ahead (scripts/build_stem_cache.py); words absent
    from the file are their own stems or get stemmed on first sight."""
    import gzip

    from ..lexicon import data_path

    path = data_path("ar/stems.tsv.gz")
    out: dict[str, tuple[str, str]] = {}
    if path.exists():
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("#"):
                    continue
                w, a, b = line.rstrip("\n").split("\t")
                out[w] = (a, b)
    return out


_default_stemmer: Stemmer | None = None


def stemmer() -> Stemmer:
    global _default_stemmer
    if _default_stemmer is None:
        _default_stemmer = Stemmer()
    return _default_stemmer


def norm_text(text: str) -> str:
    return normalise(text).lower()


def index_fields(title: str | None, text: str, norm: str | None = None) -> tuple[str, str, str]:
    """(title_norm, norm, stem) for the FTS row of an article (``norm``: the text's view, lower-cased, if built)."""
    t = norm_text(title or "")
    n = norm if norm is not None else norm_text(text)
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
            index_stems, light = st.pair(w)
            for s in index_stems.split():
                # tashaphyne's three-letter stems collide with common words (إقالة -> قال):
                # a query uses them only when they are the conservative stem too
                if len(s) >= 4 or s == light:
                    alts.add(f'stem:"{s}"')
            parts.append("(" + " OR ".join(sorted(alts)) + ")")
    return " AND ".join(parts) if parts else None


def _facet(s: str) -> str:
    return re.sub(r"\W+", "", s.lower())


def facet_tokens(source: str | None, date: str | None) -> str:
    """Index tokens for the filters: ``src<source>``, ``ym<YYYYMM>``."""
    out = []
    if source:
        out.append("src" + _facet(source))
    if date and len(date) >= 7:
        out.append("ym" + date[:4] + date[5:7])
    return " ".join(out)


def facet_query(*, source: str | None = None, date_from: str | None = None, date_to: str | None = None,
                max_months: int = 240) -> str:
    """The MATCH terms for filters (appended with AND); months are a superset of the day range."""
    parts = []
    if source:
        parts.append(f'facets:"src{_facet(source)}"')
    if date_from or date_to:
        lo = str(date_from or "1900-01")[:7]
        hi = str(date_to or "2100-12")[:7]
        try:
            y, m = int(lo[:4]), int(lo[5:7])
            y2, m2 = int(hi[:4]), int(hi[5:7])
        except ValueError:
            return " AND ".join([""] + parts) if parts else ""
        months = []
        while (y, m) <= (y2, m2) and len(months) <= max_months:
            months.append(f'facets:"ym{y:04d}{m:02d}"')
            m += 1
            if m > 12:
                y, m = y + 1, 1
        if len(months) <= max_months:
            parts.append("(" + " OR ".join(months) + ")" if months else 'facets:"ymnone"')
    return "".join(" AND " + p for p in parts)
