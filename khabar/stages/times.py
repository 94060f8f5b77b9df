"""``times``: dates and times of the article, each resolved to a calendar value.

The reference date is the caller's, else the article's metadata date, else a dateline found at
the head of the text (recorded in ``doc.meta["reference_date_source"]``); never the clock.
Parsing lives in ``khabar.temporal``; this stage chooses the reference, reads the body blocks
only and maps view offsets back to the source.
"""

from __future__ import annotations

import datetime as dt

from ..document import Document
from ..facts import Time
from ..pipeline import Stage
from ..temporal import find_times

# a dateline sits in the first characters of the body
_DATELINE_WINDOW = 160


def _meta_date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and len(value) >= 10:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


class Times(Stage):
    name = "times"
    version = "1"
    requires = ("sentences", "view")
    assigns = ("times",)

    def __call__(self, doc: Document) -> None:
        view = doc.view
        vt = view.text
        blocks = doc.body_blocks() if doc.blocks else []
        regions = [(view.from_source(b.start), view.from_source(b.end)) for b in blocks] if doc.blocks else [(0, len(vt))]
        sents = None  # sentence bounds are found on the view where needed
        ref = doc.reference_date
        if ref is None:
            ref = _meta_date(doc.meta.get("date"))
            if ref is not None:
                doc.reference_date = ref
                doc.meta["reference_date_source"] = "meta"
        if ref is None:
            ref = self._dateline(vt, regions, sents)
            if ref is not None:
                doc.reference_date = ref
                doc.meta["reference_date_source"] = "dateline"
        found = find_times(vt, ref, regions=regions, sentences=sents, day_first=self.settings.day_first)
        out = []
        for f in found:
            s, e = view.to_source(f.start, f.end)
            out.append(Time(s, e, f.value, f.precision, f.anchor, f.calendar, f.flags, f.kind))
        doc.times = out

    def _dateline(self, vt: str, regions, sents) -> dt.date | None:
        if not regions:
            return None
        a = regions[0][0]
        head = [(s, min(e, a + _DATELINE_WINDOW)) for s, e in regions if s < a + _DATELINE_WINDOW]
        for f in find_times(vt, None, regions=head, sentences=sents, day_first=self.settings.day_first):
            if f.precision == "day" and f.anchor == "absolute" and f.value:
                return dt.date.fromisoformat(f.value)
        return None
