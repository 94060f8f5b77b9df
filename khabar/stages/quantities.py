"""``quantities``: every figure of the body, normalised, with its hedges.

Parsing lives in ``khabar.numbers``. Numbers inside a time expression (the day and year of
«5 نوفمبر 2023») are part of that time, not quantities: when ``times`` ran first they are left out.
"""

from __future__ import annotations

import bisect

from ..document import Document
from ..facts import Quantity
from ..numbers import find_quantities
from ..pipeline import Stage


class Quantities(Stage):
    name = "quantities"
    version = "4"
    requires = ("tokens", "view")
    assigns = ("quantities",)

    def __call__(self, doc: Document) -> None:
        view = doc.view
        vt = view.text
        regions = [(view.from_source(b.start), view.from_source(b.end)) for b in doc.body_blocks()] if doc.blocks else [(0, len(vt))]
        times = sorted((t.start, t.end) for t in doc.times if hasattr(t, "start")) if "times" in doc.stages else []
        t_starts = [s for s, _ in times]
        out = []
        skip = [(view.from_source(s), view.from_source(e)) for s, e in times]
        for f in find_quantities(vt, regions=regions, skip=skip):
            ns, ne = view.to_source(f.number_start, f.number_end)
            if times:
                i = bisect.bisect_right(t_starts, ns) - 1
                if i >= 0 and times[i][0] <= ns < times[i][1]:
                    continue
            s, e = view.to_source(f.start, f.end)
            out.append(Quantity(s, e, f.value, f.approximate, f.bound, f.vague, f.kind, f.unit, f.high, ns, ne))
        doc.quantities = out
