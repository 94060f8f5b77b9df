"""A fake fact stage for the corpus tests: fills entities, quotes, claims and events from the
hand annotations in fixtures/corpus/facts.yaml (the store must carry whatever layers exist)."""

from __future__ import annotations

from pathlib import Path

import yaml

from khabar.document import Document, Span
from khabar.facts import Claim, Entity, Event, Mention, Quote, SpanRef
from khabar.pipeline import Pipeline, Stage

FIX = Path(__file__).parent / "fixtures" / "corpus"
FACTS = yaml.safe_load((FIX / "facts.yaml").read_text(encoding="utf-8"))["docs"]
BY_TEXT = {d["text"]: d for d in FACTS}


class FakeFacts(Stage):
    name = "fakefacts"
    version = "1"
    requires = ("blocks",)
    assigns = ("entities", "quotes", "claims", "events")

    def __call__(self, doc: Document) -> None:
        ann = BY_TEXT.get(doc.text)
        if not ann:
            return
        t = doc.text
        ids = {}
        for i, e in enumerate(ann["entities"], 1):
            ms, pos = [], t.find(e["surface"])
            while pos >= 0:
                ms.append(Mention(pos, pos + len(e["surface"])))
                pos = t.find(e["surface"], pos + 1)
            ent = Entity(id=f"E{i}", type=e["type"], canonical=e["canonical"], mentions=ms, kb_id=e.get("kb_id"),
                         kb={"country": "PSE"} if e.get("kb_id") else None)
            doc.entities.append(ent)
            ids[e["surface"]] = ent.id
            ids[e["canonical"]] = ent.id

        def ref(name):
            if name is None:
                return None
            if name in ids:
                return ids[name]
            p = t.find(name)
            return SpanRef(p, p + len(name), name) if p >= 0 else None

        for q in ann["quotes"]:
            p = t.find(q["content"])
            doc.quotes.append(Quote(kind="direct", speaker=ref(q["speaker"]), cue=None, content=Span(p, p + len(q["content"]))))
        for c in ann["claims"]:
            p = t.find(c["surface"])
            doc.claims.append(Claim(value=c["value"], category=c["category"], evidence=Span(p, p + len(c["surface"])),
                                    source=ref(c["source"]), where=ref(c["where"]), approximate=c.get("approximate", False),
                                    when=ann["date"]))
        for e in ann["events"]:
            p = t.find(e["trigger"])
            doc.events.append(Event(type=e["type"], mode=e["mode"], trigger=Span(p, p + len(e["trigger"])),
                                    actor=ref(e["actor"]), where=ref(e["where"]), when=ann["date"]))


def fake_pipeline() -> Pipeline:
    from khabar import registry

    core = [n for n in registry.DEFAULT_PIPELINE if n in ("normalise", "clean", "segment")]
    return Pipeline([*core, FakeFacts()])


def fact_docs(pipe: Pipeline | None = None) -> list[Document]:
    pipe = pipe or fake_pipeline()
    out = []
    for d in FACTS:
        doc = Document(text=d["text"], reference_date=d["date"], meta={"source": d["source"], "date": d["date"], "title": d["title"]})
        out.append(pipe(doc))
    return out
