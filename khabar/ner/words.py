"""Normal forms of one word, cached: the tagger, the gazetteers and the entities stage all
look at words through these, so a word is folded and split once per process."""

from __future__ import annotations

import functools

from ..lexicon import clitics
from ..normalise import View
from ..stages.segment import clitic_split

_C = clitics()


@functools.lru_cache(maxsize=200_000)
def norm(word: str) -> str:
    """The normalised view of a word (alef, ya, teh marbuta folded; marks and tatweel gone)."""
    return View(word).text


@functools.lru_cache(maxsize=200_000)
def split(word: str) -> tuple[str, str, str]:
    """(proclitics, core, stem) of a word. ``core`` drops conjunctions and prepositions but keeps
    the article (للعراق -> العراق); ``stem`` drops the article too and any pronoun suffix."""
    n = norm(word)
    parts = clitic_split(n, word.endswith("\u0629"))
    if not parts:
        return "", n, n
    pro = ""
    core_at = None
    stem = n
    for s, e, role in parts:
        if role in ("conj", "prep"):
            pro += n[s:e]
        elif role == "det":
            if core_at is None:
                core_at = s
        elif role == "stem":
            stem = n[s:e]
            if core_at is None:
                core_at = s
    core = n[core_at:] if core_at is not None else n
    if pro.endswith(_C["li"]) and n[len(pro) : len(pro) + 1] == _C["li"] and any(r == "det" for _, _, r in parts):
        core = _C["det_alef"] + core  # lil-: the article's alef was dropped after the preposition
    # a pronoun suffix stays on the core (the word as it would stand alone)
    return pro, core, stem


def key(word: str) -> str:
    """Loose matching key of a word for name lists: clitics and article off, the feminine
    nisba ending folded (الفلسطينية ~ فلسطيني), as the lemma-style lists write names."""
    _, core, _ = split(word)
    return loose(core)


@functools.lru_cache(maxsize=200_000)
def loose(n: str) -> str:
    """``key`` of an already normalised word, without clitic splitting (for list entries)."""
    det, fem = _C["det"], _C["nisba_fem"]
    if n.startswith(det) and len(n) > 3:
        n = n[len(det) :]
    if n.endswith(fem) and len(n) > 3:
        n = n[:-1]
    return n


# word -> (loose key of the whole word, loose key of its clitic-free core): the gazetteer and
# document propagation look every token up by both, so one plain dict serves both (a look-up
# in it costs about half of two cached calls; callers bind ``WORD_KEYS.get`` in their loops)
WORD_KEYS: dict[str, tuple[str, str]] = {}


def word_keys(word: str) -> tuple[str, str]:
    k = WORD_KEYS.get(word)
    if k is None:
        if len(WORD_KEYS) >= 500_000:  # bounded by vocabulary; a guard for very long runs
            WORD_KEYS.clear()
        k = WORD_KEYS[word] = (loose(norm(word)), loose(split(word)[1]))
    return k
