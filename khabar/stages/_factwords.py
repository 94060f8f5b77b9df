"""Word-level matching shared by the fact stages (quotes, claims, events).

The fact stages look words up rather than scan regexes: the segment stage already split the text
into tokens, so a phrase list becomes a dict keyed by its first word and each token costs a few
dict lookups (the word as written, then without its proclitics و/ف, ب/ل/ك, ال). Phrases of
several words are checked word by word from there.
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass

from ..document import Document
from ..lexicon import clitics, load
from ..normalise import View

_CL = clitics()
_CONJ = "".join(_CL["conj"])  # و، ف
_PREP = _CL["bi"] + _CL["li"] + _CL["ka"]  # the prepositions written on a noun (not the verbs' س)
_DET, _LIL = _CL["det"], _CL["lil"]


def fold(s: str) -> str:
    """A data-file phrase as the view writes it, spaces collapsed."""
    return " ".join(View(s).text.split())


@functools.lru_cache(maxsize=1 << 16)
def variants(w: str) -> tuple[tuple[str, int], ...]:
    """``w`` and its forms without proclitics, each with the number of letters taken off."""
    out = [(w, 0)]
    i = 0
    if len(w) > 3 and w[0] in _CONJ:
        i = 1
        out.append((w[1:], 1))
    if len(w) - i > 3 and w[i] in _PREP:
        if w.startswith(_LIL, i) and len(w) - i > 4:
            out.append((w[i + 1 :], i + 1))
            out.append((_DET + w[i + 2 :], i + 1))
            out.append((w[i + 2 :], i + 2))
            return tuple(out)
        i += 1
        out.append((w[i:], i))
    if w.startswith(_DET, i) and len(w) - i > 4:
        out.append((w[i + 2 :], i + 2))
    return tuple(out)


@functools.lru_cache(maxsize=1 << 16)
def verb_variants(w: str) -> tuple[tuple[str, int], ...]:
    """``variants`` without the forms that drop an article: verbs take none («التابع» is no «تابع»)."""
    return tuple((v, cut) for v, cut in variants(w) if not w[:cut].endswith((_DET, _LIL)))


class PhraseIndex:
    """Phrases (one or more words) under canonical keys, looked up token by token."""

    def __init__(self, entries: dict[str, list[str]] | list[str], bare: bool = False, short_conj: bool = False, verbs: bool = False):
        if isinstance(entries, list):
            entries = {"": entries}
        self.bare = bare  # match only as written, no clitics stripped
        self.verbs = verbs  # verbs take no article: «التابع» is not «تابع»
        self.first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for key, forms in entries.items():
            for f in forms or ():
                words = tuple(fold(f).split())
                if words:
                    self.first.setdefault(words[0], []).append((words, key))
                    if short_conj and len(words[0]) == 2:
                        # ``variants`` strips no و/ف from a three-letter word: «وفر» is و + «فر»
                        for conj in _CONJ:
                            self.first.setdefault(conj + words[0], []).append((words, key))
        for lst in self.first.values():
            lst.sort(key=lambda x: -len(x[0]))

    def surfaces(self) -> frozenset[str]:
        """Every written form a phrase's first word may take with proclitics (a superset: ``match``
        has the last word); testing membership in it is one set lookup per token."""
        out = set()
        for f in self.first:
            out.add(f)
            if self.bare:
                continue
            for conj in ("", *_CONJ):
                for prep in ("", *_PREP):
                    for det in ("", _DET):
                        out.add(conj + prep + det + f)
                out.add(conj + _LIL + f)
                if f.startswith(_DET):
                    out.add(conj + _LIL + f[len(_DET):])
        return frozenset(out)

    def _cands(self, word: str):
        if self.bare:
            return ((word, 0),)
        return verb_variants(word) if self.verbs else variants(word)

    def may_start(self, word: str) -> bool:
        """Whether some phrase could start at ``word`` (cheap test before ``match``)."""
        return any(w in self.first for w, _ in self._cands(word))

    def match(self, words: list[str], i: int) -> tuple[str, int, int] | None:
        """(key, number of words, letters of proclitic) of the longest phrase starting at word i."""
        cands = self._cands(words[i])
        best = None
        for w, cut in cands:
            for phrase, key in self.first.get(w, ()):
                n = len(phrase)
                if n > 1 and tuple(words[i + 1 : i + n]) != phrase[1:]:
                    continue
                if best is None or n > best[1]:
                    best = (key, n, cut)
                break
        return best

    def match_all(self, words: list[str], i: int) -> list[tuple[str, int, int]]:
        """Every phrase starting at word i, as (key, number of words, letters of proclitic)."""
        cands = self._cands(words[i])
        out = []
        for w, cut in cands:
            for phrase, key in self.first.get(w, ()):
                n = len(phrase)
                if n == 1 or tuple(words[i + 1 : i + n]) == phrase[1:]:
                    out.append((key, n, cut))
        out.sort(key=lambda x: -x[1])
        return out

    def __contains__(self, word: str) -> bool:
        return any(w in self.first for w, _ in self._cands(word))


_HASH = "#"


@functools.cache
def _names_like_function_words() -> tuple[frozenset[str], frozenset[str]]:
    """The names of `clitics.yaml` that fold like a function word: as written and as folded."""
    names = load("ar/clitics.yaml")["names_like_function_words"]
    return frozenset(names), frozenset(fold(w) for w in names)


class Maksura(str):
    """A word written with a final alef maksura («المبنى», «القتلى»): equal to (and hashed as) its
    folded form («المبني»), so every lookup finds it, while the rules can tell it from a nisba.
    Body sentences stay plain lists of words: a list subclass would slow every index."""

    __slots__ = ()


def nisba_like(words: list[str], x: int, endings: tuple[str, ...]) -> bool:
    """Word x ends like a nisba adjective (``endings``) and was not written with an alef maksura."""
    w = words[x]
    return w.endswith(endings) and w.__class__ is not Maksura


@dataclass(slots=True)
class Sent:
    """One body sentence: its source span and its tokens (source spans and view text)."""

    start: int
    end: int
    starts: list[int]
    ends: list[int]
    words: list[str]
    # tokens written as a name that folds like a function word («علي», not the preposition «على»)
    names: frozenset[int] = frozenset()

    def index_at(self, pos: int) -> int:
        """Index of the first token starting at or after source offset ``pos``."""
        return bisect.bisect_left(self.starts, pos)


def body(doc: Document) -> list[Sent]:
    """Body sentences with their tokens, built once per document and shared by the fact stages."""
    cached = doc.__dict__.get("_fact_sents")
    if cached is not None and cached[0] is doc.tokens:
        return cached[1]
    view = doc.view
    vtext = view.text
    tokens = doc.tokens
    tok_starts = [t.start for t in tokens]
    src_at = view._src_at
    out = []
    for s in doc.body_sentences():
        a = bisect.bisect_left(tok_starts, s.start)
        b = bisect.bisect_left(tok_starts, s.end)
        starts = tok_starts[a:b]
        ends = [t.end for t in tokens[a:b]]
        if bisect.bisect_left(src_at, s.start) == bisect.bisect_left(src_at, s.end):
            # no edit inside the sentence (alef and ya folds keep lengths): one shift for all
            d = view.from_source(s.start) - s.start
            words = [vtext[x + d : y + d] for x, y in zip(starts, ends)]
        else:
            words = [vtext[x:y] for x, y in zip(_to_view(view, starts), _to_view(view, ends))]
        if _HASH in words:
            # «عقوبات على #روسيا»: a hashtag's mark is no word between a preposition and its name
            keep = [k for k, w in enumerate(words) if w != _HASH or k + 1 == len(words) or ends[k] != starts[k + 1]]
            starts, ends, words = [starts[k] for k in keep], [ends[k] for k in keep], [words[k] for k in keep]
        if not _elision()[0].isdisjoint(words):
            _mark_elisions(words)
        if "." in words:
            _join_acronyms(words, starts, ends)
        written, folded = _names_like_function_words()
        names = frozenset(k for k, w in enumerate(words) if w in folded and doc.text[starts[k] : ends[k]] in written)
        maksura = _CL["alef_maksura"]
        if maksura in doc.text[s.start : s.end]:
            nisba = _CL["nisba"]
            for k, e in enumerate(ends):
                if doc.text[e - 1] == maksura and words[k].endswith(nisba):
                    words[k] = Maksura(words[k])
        out.append(Sent(s.start, s.end, starts, ends, words, names))
    doc.__dict__["_fact_sents"] = (doc.tokens, out)
    return out


_ELIDED = "…"  # what an elision's full stops read as: no fact stage stops at it


@functools.cache
def _elision() -> tuple[frozenset, frozenset, frozenset]:
    seg = load("ar/segment.yaml")
    return frozenset(seg["elision_open"]), frozenset(seg["elision_marks"]), frozenset(seg["closers"])


def _mark_elisions(words: list[str]) -> None:
    """«(...)» leaves words out of a quotation: its full stops are no sentence end."""
    opens, marks, closers = _elision()
    for i, w in enumerate(words):
        if w in opens:
            j = i + 1
            while j < len(words) and words[j] in marks:
                j += 1
            if j > i + 1 and j < len(words) and words[j] in closers:
                words[i + 1 : j] = [_ELIDED] * (j - i - 1)


def _join_acronyms(words: list[str], starts: list[int], ends: list[int]) -> None:
    """«سي.إن.إن»: letters joined by full stops with no space are one word to the fact stages (its
    «إن» is no complementizer); every token of it reads as the whole."""
    n = len(words)
    i = 1
    while i < n - 1:
        if words[i] == "." and ends[i - 1] == starts[i] and ends[i] == starts[i + 1] and words[i - 1][:1].isalpha() and words[i + 1][:1].isalpha():
            a = i - 1
            b = i + 2
            while b + 1 < n and words[b] == "." and ends[b - 1] == starts[b] and ends[b] == starts[b + 1] and words[b + 1][:1].isalpha():
                b += 2
            whole = "".join(words[a:b])
            words[a:b] = [whole] * (b - a)
            i = b
        else:
            i += 1


def _to_view(view: View, positions: list[int]) -> list[int]:
    """``view.from_source`` of ascending source offsets, in one walk over the view's edits."""
    src_at, edits = view._src_at, view._edits
    out = []
    k = bisect.bisect_right(src_at, positions[0]) - 1 if positions else -1
    m = len(src_at)
    for pos in positions:
        while k + 1 < m and src_at[k + 1] <= pos:
            k += 1
        if k < 0:
            out.append(pos)
            continue
        e = edits[k]
        out.append(e.view_at if pos < e.src_at + e.src_len else e.view_at + e.view_len + (pos - e.src_at - e.src_len))
    return out


def stem_of(word: str) -> str:
    """The word without proclitics (the last variant)."""
    return variants(word)[-1][0]
