"""Documents for the API and web reader tests: the seed article run through the pipeline, a
document with every layer filled by hand (so rendering is tested whatever the stages find), figure
reports from two outlets over three weeks, and an article made of script-injection payloads."""

from __future__ import annotations

import copy
import json
from pathlib import Path

HERE = Path(__file__).parent
FIXTURES = json.loads((HERE / "fixtures" / "web" / "documents.json").read_text(encoding="utf-8"))
SEED = HERE / "golden" / "blinken-iraq-2023-11-05.txt"

PAYLOADS = [
    "<script>window.__xss = 'script'</script>",
    '<img src=x onerror="window.__xss=\'img\'">',
    "<svg/onload=window.__xss='svg'>",
    '"><iframe src="javascript:window.__xss=\'iframe\'"></iframe>',
    "</span></div><script>window.__xss='close'</script>",
]


def seed_document():
    import khabar

    text = SEED.read_text(encoding="utf-8")
    doc = khabar.extract(text, reference_date="2023-11-05", meta={"source": "seed", "date": "2023-11-05"})
    heading = next((b for b in doc.blocks if b.kind == "heading"), None)
    doc.meta["title"] = text[heading.start : heading.end] if heading else text.strip().splitlines()[0]
    return doc


def reader_document() -> dict:
    return copy.deepcopy(FIXTURES["reader"])


def figure_documents() -> list[dict]:
    return copy.deepcopy(FIXTURES["figures"])


def xss_document() -> dict:
    """Every field a page shows carries a payload: title, text, outlet, url, entity names,
    a speaker, a figure's source; the spans point at payload text too."""
    text = "\n".join(f"{i}: {p}" for i, p in enumerate(PAYLOADS)) + "\n"
    first = text.index(PAYLOADS[0])
    second = text.index(PAYLOADS[1])
    evil = PAYLOADS[1]
    return {
        "schema": "khabar.document/1",
        "id": "fixture-xss-1",
        "text": text,
        "reference_date": "2023-11-05",
        "meta": {"title": PAYLOADS[0] + PAYLOADS[1], "source": "<b onmouseover=window.__xss=1>Evil</b>", "date": "2023-11-05", "url": "javascript:window.__xss='url'"},
        "blocks": [{"start": 0, "end": len(text) - 1, "kind": "paragraph"}],
        "sentences": [],
        "entities": [{"id": "E1", "type": "PER", "canonical": evil, "titles": [PAYLOADS[0]], "mentions": [{"start": first, "end": first + len(PAYLOADS[0])}], "kb_id": None}],
        "times": [{"start": second, "end": second + len(evil), "value": "<script>1</script>", "precision": "day", "anchor": None, "kind": "date"}],
        "quantities": [],
        "quotes": [{"kind": "direct", "speaker": {"start": second, "end": second + len(evil), "text": evil}, "cue": None, "content": {"start": first, "end": first + len(PAYLOADS[0])}}],
        "claims": [{"value": 3, "bound": None, "approximate": False, "unit": "person", "category": "<script>c</script>", "group": None, "where": None, "when": "2023-11-05",
                    "actor": None, "source": {"start": second, "end": second + len(evil), "text": evil}, "evidence": {"start": second, "end": second + len(evil)}}],
        "events": [],
        "stages": {},
        "errors": [],
    }


def build_store(path) -> dict:
    """A store holding all the fixtures; returns their ids."""
    from khabar.corpus.store import Store

    seed = seed_document()
    with Store.open(str(path)) as st:
        st.add(seed)
        st.add(reader_document())
        for d in figure_documents():
            st.add(d)
        st.add(xss_document())
        st.analyse()  # stories and related articles, as `khabar ingest` does
    return {"seed": seed.id, "reader": "fixture-reader-1", "xss": "fixture-xss-1", "figures": [d["id"] for d in FIXTURES["figures"]]}
