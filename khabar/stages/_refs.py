"""Finding who a span of words refers to: an entity id when a named entity is there, else the
words themselves as a ``SpanRef``. Shared by the quotes, claims and events stages."""

from __future__ import annotations

import bisect

from ..document import Document
from ..facts import SpanRef
from ..lexicon import punct


def mentions_of(doc: Document) -> "Mentions":
    """The mentions index of ``doc``, built once for the three fact stages."""
    cached = doc.__dict__.get("_fact_mentions")
    if cached is None or cached[0] is not doc.entities:
        cached = (doc.entities, Mentions(doc))
        doc.__dict__["_fact_mentions"] = cached
    return cached[1]


class Mentions:
    """Entity mentions of a document in text order, for lookups by source offsets."""

    def __init__(self, doc: Document):
        rows = []
        self.clitic: set[int] = set()  # starts of mentions written with a clitic («لحماس»)
        for e in doc.entities:
            for m in getattr(e, "mentions", ()):
                rows.append((m.start, m.end, e))
                if m.head_start is not None and m.head_start > m.start:
                    self.clitic.add(m.start)
        rows.sort(key=lambda r: (r[0], -r[1]))
        self.rows = rows
        self.starts = [r[0] for r in rows]
        self.by_id = {e.id: e for e in doc.entities}

    def within(self, start: int, end: int) -> list[tuple[int, int, object]]:
        """Mentions inside [start, end)."""
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.rows) and self.rows[i][0] < end:
            if self.rows[i][1] <= end:
                out.append(self.rows[i])
            i += 1
        return out

    def at(self, pos: int) -> tuple[int, int, object] | None:
        """The mention covering source offset ``pos``."""
        i = bisect.bisect_right(self.starts, pos) - 1
        while i >= 0 and i >= bisect.bisect_right(self.starts, pos) - 4:
            r = self.rows[i]
            if r[0] <= pos < r[1]:
                return r
            i -= 1
        return None

    def in_name(self, pos: int, types: tuple[str, ...], inner: bool = False) -> bool:
        """Whether ``pos`` is inside the name of an entity of ``types`` (past its first letter
        when ``inner``: «هيئة تحرير الشام» holds «تحرير», not «هيئة»)."""
        r = self.at(pos)
        return r is not None and r[2].type in types and (not inner or r[0] < pos)


_TRIM = punct()["span_trim"]


def span_ref(doc: Document, start: int, end: int) -> SpanRef | None:
    """A ``SpanRef`` over the trimmed source text [start, end)."""
    text = doc.text
    trim = _TRIM
    while start < end and text[start] in trim:
        start += 1
    while end > start and text[end - 1] in trim:
        end -= 1
    if end <= start:
        return None
    if end < len(text) and text[end] == ")" and text.count("(", start, end) > text.count(")", start, end):
        end += 1  # «وكالة الأنباء السورية (سانا)»: a bracket opened in the span closes in it
    return SpanRef(start, end, text[start:end])


def best_entity(rows, prefer=("PER", "ORG", "LOC", "MISC")):
    """The entity to name for a phrase holding these mentions: a person first, then an
    organisation (the spokesman of the UN speaks for himself only when named)."""
    for t in prefer:
        for _, _, e in rows:
            if e.type == t:
                return e
    return None


def ref_text(doc: Document, ref) -> str | None:
    if ref is None or ref == "article":
        return None
    if isinstance(ref, SpanRef):
        return ref.text
    for e in doc.entities:
        if e.id == ref:
            return e.canonical
    return None
