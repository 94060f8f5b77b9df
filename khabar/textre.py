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
