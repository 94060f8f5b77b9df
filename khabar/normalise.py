"""The normalised view: a folded copy of the text for matching, with an exact map back to the source.

Stages match on ``view.text`` and report ``view.to_source(a, b)``. The map is stored as a sorted
list of edits (places where lengths differ); between edits the view and the source run in step,
so building it costs one regex pass and mapping costs one bisect.
"""

from __future__ import annotations

import bisect
import functools
import re
import sys
import unicodedata
from typing import NamedTuple

from .lexicon import load


class Edit(NamedTuple):
    view_at: int
    view_len: int
    src_at: int
    src_len: int
    mark: bool  # a deleted run of combining marks: spans ending before it stretch over it


@functools.cache
def _tables():
    chars = load("ar/chars.yaml")
    one_to_one: dict[int, str] = {}
    for rule in chars["fold"].values():
        to = rule["to"] if len(rule["to"]) == len(rule["from"]) else rule["to"] * len(rule["from"])
        for a, b in zip(rule["from"], to, strict=True):
            one_to_one[ord(a)] = b
    deleted = "".join(chars["delete"].values())
    delete_re = f"[{deleted}]+"
    expand_re = f"[{chars['expand_nfkc']}]"
    special = re.compile(f"(?P<d>{delete_re})|(?P<x>{expand_re})")
    marks_only = re.compile(f"[{chars['delete']['diacritics']}]+")
    return str.maketrans(one_to_one), special, re.compile(delete_re), marks_only


# The named normalisers, each usable on its own (CAMeL-style exact names).
def fold_alef(text: str) -> str:
    r = load("ar/chars.yaml")["fold"]["alef"]
    return text.translate(str.maketrans(r["from"], r["to"] * len(r["from"])))


def fold_alef_maksura(text: str) -> str:
    r = load("ar/chars.yaml")["fold"]["alef_maksura"]
    return text.translate(str.maketrans(r["from"], r["to"]))


def fold_teh_marbuta(text: str) -> str:
    r = load("ar/chars.yaml")["fold"]["teh_marbuta"]
    return text.translate(str.maketrans(r["from"], r["to"]))


def strip_diacritics(text: str) -> str:
    return re.sub(f"[{load('ar/chars.yaml')['delete']['diacritics']}]+", "", text)


def strip_tatweel(text: str) -> str:
    return text.replace(load("ar/chars.yaml")["delete"]["tatweel"], "")


def western_digits(text: str) -> str:
    f = load("ar/chars.yaml")["fold"]
    return text.translate(str.maketrans(f["eastern_digits"]["from"] + f["persian_digits"]["from"], "0123456789" * 2))


def normalise(text: str) -> str:
    """The view's string for ``text`` (all normalisers, NFC first)."""
    return View(text).text


@functools.cache
def _composing_re() -> re.Pattern:
    """Characters that NFC may merge with what precedes them, or that change alone."""
    ranges: list[tuple[int, int]] = []
    second: set[int] = set(range(0x1161, 0x1176)) | set(range(0x11A8, 0x11C3))  # Hangul V and T jamo
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        dec = unicodedata.decomposition(c)
        if dec and not dec.startswith("<"):
            parts = dec.split()
            if len(parts) == 2:
                second.add(int(parts[1], 16))
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        if 0xD800 <= cp <= 0xDFFF:
            continue
        if cp in second or unicodedata.combining(c) or unicodedata.normalize("NFC", c) != c:
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1] = (ranges[-1][0], cp)
            else:
                ranges.append((cp, cp))
    cls = "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)
    # a cluster: an optional starter followed by composing characters
    return re.compile(f"[^{cls}]?[{cls}]+", re.S)


class View:
    """Normalised view of ``source`` with offsets back into it."""

    __slots__ = ("source", "text", "_edits", "_view_at", "_src_at")

    def __init__(self, source: str):
        self.source = source
        table, special, _, _ = _tables()
        edits: list[Edit] = []
        if unicodedata.is_normalized("NFC", source):
            parts = self._fold(source, 0, 0, edits, table, special)
        else:
            parts = []
            pos = n = 0
            for m in _composing_re().finditer(source):
                if m.start() > pos:
                    seg = self._fold(source[pos : m.start()], pos, n, edits, table, special)
                    parts.extend(seg)
                    n += sum(map(len, seg))
                cluster = m.group()
                composed = unicodedata.normalize("NFC", cluster)
                if composed == cluster:
                    seg = self._fold(cluster, m.start(), n, edits, table, special)
                    parts.extend(seg)
                    n += sum(map(len, seg))
                else:
                    rep = "".join(View(composed).text) if composed else ""
                    is_mark = bool(rep == "" and _tables()[3].fullmatch(cluster))
                    edits.append(Edit(n, len(rep), m.start(), len(cluster), is_mark))
                    parts.append(rep)
                    n += len(rep)
                pos = m.end()
            if pos < len(source):
                parts.extend(self._fold(source[pos:], pos, n, edits, table, special))
        self.text = "".join(parts)
        self._edits = edits
        self._view_at = [e.view_at for e in edits]
        self._src_at = [e.src_at for e in edits]

    @staticmethod
    def _fold(seg: str, src_off: int, view_off: int, edits: list, table, special) -> list[str]:
        parts = []
        pos = 0
        n = view_off
        marks = _tables()[3]
        for m in special.finditer(seg):
            s = m.start()
            if s > pos:
                chunk = seg[pos:s].translate(table)
                parts.append(chunk)
                n += len(chunk)
            ch = m.group()
            if m.lastgroup == "d":
                edits.append(Edit(n, 0, src_off + s, len(ch), bool(marks.fullmatch(ch))))
            else:
                rep = unicodedata.normalize("NFKC", ch)
                rep = special.sub(lambda x: "" if x.lastgroup == "d" else x.group(), rep).translate(table)
                edits.append(Edit(n, len(rep), src_off + s, 1, False))
                parts.append(rep)
                n += len(rep)
            pos = m.end()
        if pos < len(seg):
            parts.append(seg[pos:].translate(table))
        return parts

    def __len__(self) -> int:
        return len(self.text)

    def _start(self, i: int) -> int:
        k = bisect.bisect_right(self._view_at, i) - 1
        if k < 0:
            return i
        e = self._edits[k]
        if i < e.view_at + e.view_len:
            return e.src_at
        return e.src_at + e.src_len + (i - e.view_at - e.view_len)

    def _end(self, i: int) -> int:
        """Source end (exclusive) of view character ``i``."""
        k = bisect.bisect_right(self._view_at, i) - 1
        if k < 0:
            end = i + 1
        else:
            e = self._edits[k]
            if i < e.view_at + e.view_len:
                end = e.src_at + e.src_len
            else:
                end = e.src_at + e.src_len + (i - e.view_at - e.view_len) + 1
        # take in diacritics deleted right after the character (a word keeps its harakat)
        k = bisect.bisect_left(self._src_at, end)
        while k < len(self._edits) and self._edits[k].src_at == end and self._edits[k].mark:
            end += self._edits[k].src_len
            k += 1
        return end

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a view span to the source span that holds its evidence."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span ({start}, {end}) outside view of length {len(self.text)}")
        if start == end:
            s = self._start(start) if start < len(self.text) else len(self.source)
            return s, s
        return self._start(start), self._end(end - 1)

    def from_source(self, pos: int) -> int:
        """View offset of source offset ``pos`` (the first view character at or after it)."""
        k = bisect.bisect_right(self._src_at, pos) - 1
        if k < 0:
            return pos
        e = self._edits[k]
        if pos < e.src_at + e.src_len:
            return e.view_at
        return e.view_at + e.view_len + (pos - e.src_at - e.src_len)
