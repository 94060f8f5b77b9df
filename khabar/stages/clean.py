"""``clean``: the structure of scraped text, as blocks (paragraph, heading, boilerplate).

Each non-empty line is a block. Boilerplate (share buttons, related links, app promos, end
markers, contact blocks, navigation, separators, credits, disclaimers) stays in the text, so
offsets hold, but is marked and fact stages skip it. Phrases live in
``data/ar/boilerplate.yaml``; per-source lines proposed by ``khabar.clean_corpus`` can be added
to ``data/sources/<source>.yaml``.
"""

from __future__ import annotations

import functools
import re

from ..document import Block, Document
from ..lexicon import data_path, load
from ..normalise import View
from ..pipeline import Stage

_TRIM = " \t\r\u00a0:：.-–—|»«\"'()[]"
_SENT_END = tuple(".!?؟؛…")


def _norm(s: str) -> str:
    return " ".join(View(s).text.strip(_TRIM).split()).lower()


@functools.cache
def _rules():
    bp = load("ar/boilerplate.yaml")
    lines: dict[str, str] = {}
    prefixes: list[tuple[str, str]] = []
    patterns: list[tuple[re.Pattern, str]] = []
    markers: list[str] = []
    for kind, rule in bp.items():
        for phrase in rule.get("line", []):
            lines[_norm(phrase)] = kind
        for phrase in rule.get("prefix", []):
            prefixes.append((_norm(phrase), kind))
        for pat in rule.get("pattern", []):
            patterns.append((re.compile(View(pat).text, re.I), kind))
        for phrase in rule.get("marker", []):
            markers.append(_norm(phrase))
    markers.sort(key=len, reverse=True)
    return lines, prefixes, patterns, markers


@functools.cache
def _continuations() -> dict[str, list[re.Pattern]]:
    """Per kind, lines that continue a block of that kind (the phone lines of an SMS block)."""
    return {
        kind: [re.compile(View(p).text) for p in rule["continuation"]]
        for kind, rule in load("ar/boilerplate.yaml").items()
        if rule.get("continuation")
    }


@functools.cache
def _tails() -> tuple[re.Pattern | None, dict[str, str]]:
    kinds = {}
    for kind, rule in load("ar/boilerplate.yaml").items():
        for phrase in rule.get("tail", []):
            kinds[" ".join(View(phrase).text.split())] = kind
    if not kinds:
        return None, {}
    return re.compile("|".join(re.escape(k) for k in sorted(kinds, key=len, reverse=True))), kinds


@functools.cache
def source_lines(source: str) -> frozenset[str]:
    """Normalised boilerplate lines learned for one source (``data/sources/<source>.yaml``)."""
    path = data_path(f"sources/{source}.yaml")
    if not path.exists():
        return frozenset()
    data = load(f"sources/{source}.yaml") or {}
    return frozenset(_norm(x) for x in data.get("lines", []))


def classify_line(line: str, source: str | None = None, vline: str | None = None) -> tuple[str | None, bool]:
    """Boilerplate kind of one line (or None), and whether it is a bare related-links marker.

    ``vline`` is the line's normalised view when the caller has it already."""
    lines, prefixes, patterns, markers = _rules()
    if vline is None:
        vline = View(line).text
    n = " ".join(vline.strip(_TRIM).split()).lower()
    if not n:
        return ("separator" if line.strip() else None), False
    if n in lines:
        return lines[n], False
    if source and n in source_lines(source):
        return "source", False
    for m in markers:
        if n == m:
            return "related", True
        if n.startswith(m) and len(n) > len(m):
            return "related", False  # «اقرأ أيضا: <headline>» inline
    for p, kind in prefixes:
        if n.startswith(p):
            return kind, False
    for pat, kind in patterns:
        if pat.search(vline):
            return kind, False
    return None, False


class Clean(Stage):
    name = "clean"
    version = "1"
    requires = ("text", "view")
    assigns = ("blocks",)

    def __call__(self, doc: Document) -> None:
        text = doc.text
        source = doc.meta.get("source")
        max_words = self.settings.heading_max_words
        blocks: list[Block] = []
        view = doc.view
        after_marker = False
        for m in re.finditer(r"[^\n]+", text):
            a, b = m.span()
            line = m.group()
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if a == b:
                continue
            va, vb = view.from_source(a), view.from_source(b)
            tail_re, tail_kinds = _tails()
            t = tail_re.search(view.text, va, vb) if tail_re else None
            if t and t.start() > va:
                cut = view.to_source(t.start(), t.start() + 1)[0]
                head_end = cut
                while head_end > a and text[head_end - 1].isspace():
                    head_end -= 1
                if head_end > a:
                    tail = Block(cut, b, "boilerplate", tail_kinds[t.group()])
                    b, vb = head_end, view.from_source(head_end)
                else:
                    tail = None
            else:
                tail = None
            line = text[a:b]
            vline = view.text[va:vb]
            kind, marker = classify_line(line, source, vline)
            prev = blocks[-1] if blocks else None
            if not kind and prev is not None and prev.kind == "boilerplate" and prev.reason in _continuations():
                if any(p.match(vline) for p in _continuations()[prev.reason]):
                    kind = prev.reason
            if tail is not None:
                # the line goes on after its body: classify the body, then mark the tail
                blocks.append(self._block(a, b, line, kind, marker, after_marker, max_words))
                blocks.append(tail)
                after_marker = False
                continue
            blocks.append(self._block(a, b, line, kind, marker, after_marker, max_words))
            after_marker = marker
        doc.blocks = blocks

    @staticmethod
    def _block(a: int, b: int, line: str, kind: str | None, marker: bool, after_marker: bool, max_words: int) -> Block:
        if kind:
            return Block(a, b, "boilerplate", kind)
        short = len(line.split()) <= max_words and not line.endswith(_SENT_END)
        if after_marker and short:
            return Block(a, b, "heading", "related_title")
        return Block(a, b, "heading" if short else "paragraph")
