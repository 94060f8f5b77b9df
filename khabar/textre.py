"""Regex building blocks shared by the number and time parsers.

Word lists become tries before they become alternations: Python's ``re`` tries every branch of
``a|b|c`` at every position, while a trie fails on the first character that no word shares.
"""

from __future__ import annotations

import re

from .normalise import View


def fold(s: str) -> str:
    """A data-file phrase as it appears in the normalised view, spaces collapsed."""
    return " ".join(View(s).text.split())


def trie_pattern(words) -> str:
    """A regex alternation of ``words`` (already folded), as a trie; a space matches any run of
    spaces. Longest words win because the trie keeps going before it accepts."""
    trie: dict = {}
    for w in {w for w in words if w}:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True
    return _node(trie)


def _node(node: dict) -> str:
    end = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        piece = r"\s+" if ch == " " else re.escape(ch)
        branches.append(piece + _node(node[ch]))
    if not branches:
        return ""
    if len(branches) == 1 and not end:
        return branches[0]
    body = "(?:" + "|".join(branches) + ")"
    return body + "?" if end else body


def word(pattern: str) -> str:
    """``pattern`` as whole words: no letter or digit right before or right after."""
    return rf"(?<![^\W_])(?:{pattern})(?![^\W_])"


# where a word (or a bracketed group) may begin: candidate starts of an expression
_WORD_START = re.compile(r"(?<![^\W_])[^\W_]|(?<=[^\W\d_])\d|[(\$]")  # «و16» may start at 16

# punctuation that separates words (the view keeps it); everything else stays in the word
_SEP_AFTER = re.compile(r"\d*\s*[/.-]\s*\d")
_YEARISH = re.compile(r"\d{3,4}(?!\d)")

# clitics a trigger word may carry, and the article
_PREFIXES = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل")


def trigger_vocab(groups: dict[str, set[str]]) -> dict[str, tuple[str, ...]]:
    """Every surface a trigger word may take (clitics, article, «لل») -> the groups it triggers."""
    out: dict[str, set[str]] = {}
    for name, words in groups.items():
        for w in words:
            forms = {w, "لل" + w[2:]} if w.startswith("ال") and len(w) > 3 else {w, "ال" + w, "لل" + w}
            for f in forms:
                for p in _PREFIXES:
                    out.setdefault(p + f, set()).add(name)
    return {k: tuple(sorted(v)) for k, v in out.items()}


_TOKEN = re.compile(r"\w+")
# the first digit of a number, after a letter (a clitic: «بـ3.5») or a non-word character
_NUM_JOIN = ".,\u066B\u066C"
_LAST: dict = {}
_KEYS: dict = {}


def _distinct(text: str, a: int, b: int):
    """The distinct words of ``text[a:b]`` and the starts of its numbers; the last few are kept,
    as the times and quantities stages scan the same view one after the other."""
    key = (id(text), a, b)
    hit = _LAST.get(key)
    if hit is not None and hit[0] is text:
        return hit[1], hit[2]
    distinct = set(_TOKEN.findall(text, a, b))
    if "$" in text:
        distinct.add("$")
    numbers = _number_starts(text, a, b)
    if len(_LAST) > 8:
        _LAST.clear()
    _LAST[key] = (text, distinct, numbers)
    return distinct, numbers


def _number_starts(text: str, a: int, b: int) -> list[int]:
    """Where numbers begin (the first digit after a non-digit, not after a decimal or thousands
    mark), found with ``str.find`` per digit character: far fewer steps than a regex scan over
    every character, as digits are rare in prose."""
    pos = []
    for ch in "0123456789":
        i = text.find(ch, a, b)
        while i >= 0:
            pos.append(i)
            i = text.find(ch, i + 1, b)
    if not pos:
        return pos
    pos.sort()
    out = []
    prev = -2
    for i in pos:
        if i != prev + 1 and (i == 0 or text[i - 1] not in _NUM_JOIN):
            out.append(i)
        prev = i
    return out


def ends_with(words, digits: bool = False) -> re.Pattern:
    """A pattern finding one of ``words`` (folded), or a number, as the last word before a
    position."""
    num = r"|\d" if digits else ""
    return re.compile(rf"(?:(?<![^\W_])[وفبلك]?(?:{trie_pattern(words)}){num})[\s(:/،,-]*$")


def scan_words(text: str, a: int, b: int, vocab: dict, digit_group: str | None, sep_group: str | None = None,
               year_group: str | None = None):
    """Hits ``(position, groups)`` of vocabulary words in ``text[a:b]``, in order. Words are
    listed by one C-level ``findall`` and met with the vocabulary by a set intersection; Python
    runs only per hit, never per character or per word of the text. Each number hits
    ``digit_group`` at its first digit, or ``sep_group`` when a date separator follows its first
    run of digits («5/11», «2023-11»), or ``year_group`` when that run has three or four digits;
    a group of None leaves those numbers out."""
    distinct, numbers = _distinct(text, a, b)
    hits = []
    keys = _KEYS.get(id(vocab))
    if keys is None or keys[0] is not vocab:
        keys = _KEYS[id(vocab)] = (vocab, frozenset(vocab))
    for w in distinct & keys[1]:  # iterates the smaller of the two
        groups = vocab[w]
        lw = len(w)
        i = text.find(w, a, b)
        while i >= 0:
            if (i == a or not text[i - 1].isalnum()) and (i + lw == b or not text[i + lw].isalnum()):
                hits.append((i, groups))
            i = text.find(w, i + lw, b)
    if digit_group or sep_group or year_group:
        dg = (digit_group,) if digit_group else None
        sg = (sep_group,) if sep_group else dg
        yg = (year_group,) if year_group else dg
        for i in numbers:
            if sep_group and _SEP_AFTER.match(text, i):
                g = sg
            elif year_group and _YEARISH.match(text, i):
                g = yg
            else:
                g = dg
            if g is not None:
                hits.append((i, g))
    hits.sort()
    return hits


def anchored_matches(hits, kinds: dict, text: str, a: int, b: int):
    """Matches of detailed patterns, tried only around trigger hits (see :func:`scan_words`).

    ``kinds`` maps a trigger group to ``(patterns, back, reach, left)``: ``patterns`` is a list
    of ``(priority, pattern)``, tried with ``match`` at the hit and, farthest first, at the word
    starts up to ``back`` characters before it; the longest match that covers the hit is kept.
    ``left`` (a pattern or None) must find a word that may open an expression in those
    characters before they are tried.
    Without ``reach`` a pattern that fails at the hit itself is not tried further back (its
    trigger word can begin an expression on its own). Scanning a whole text with patterns that
    open with optional words tries every option at every character; this costs a few anchored
    tries per hit. Returns ``(start, -length, priority, match)`` tuples.
    """
    out = []
    done: dict[int, tuple[int, int]] = {}  # priority -> span of its last match
    for hs, groups in hits:
        if len(groups) == 1:
            pats, back, reach, left = kinds[groups[0]]
        else:
            pats, back, reach, left = [], 0, False, None
            for gname in groups:
                p, bk, r, lf = kinds[gname]
                pats = pats + [x for x in p if x not in pats]
                back, reach = max(back, bk), reach or r
                left = left or lf
        if left is not None and left.search(text, max(a, hs - back), hs) is None:
            back = 0  # no word that may open the expression stands before the hit
        starts = None
        lo = max(a, hs - back)
        for prio, pat in pats:
            ds, de = done.get(prio, (-1, -1))
            if de > hs and ds <= lo:
                continue  # a match from as far back already covers this hit
            here = pat.match(text, hs, b)
            if here is not None and here.end() == hs:
                here = None
            if here is None and not reach:
                continue
            if starts is None:
                starts = [m.start() for m in _WORD_START.finditer(text, lo, hs)] if back else []
            best = here
            for s in starts:
                m = pat.match(text, s, b)
                if m is not None and m.end() > hs:
                    if best is None or m.end() - m.start() > best.end() - best.start():
                        best = m
                    break  # the farthest start that covers the hit gives the longest match
            if best is not None:
                out.append((best.start(), best.start() - best.end(), prio, best))
                done[prio] = (best.start(), best.end())
    return out
