"""The document: the original text, never modified, and layers of spans into it.

Every fact is a span ``(start, end)`` of ``Document.text``; ``doc.text[start:end]`` is its
evidence. Layers are filled by stages (see ``khabar.stages``); the JSON form is the versioned
contract ``khabar.document/1`` documented in ``docs/document-contract.md``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from typing import Any

from .normalise import View

SCHEMA = "khabar.document/1"

# The layers of the contract, in pipeline order. Stages assign these names.
LAYERS = ("blocks", "sentences", "tokens", "entities", "times", "quantities", "quotes", "claims", "events")


@dataclass(slots=True)
class Span:
    start: int
    end: int

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end}


@dataclass(slots=True)
class Block:
    start: int
    end: int
    kind: str  # paragraph | heading | boilerplate
    reason: str | None = None  # for boilerplate: which rule flagged it (e.g. "share", "related")

    def to_dict(self) -> dict:
        d = {"start": self.start, "end": self.end, "kind": self.kind}
        if self.reason:
            d["reason"] = self.reason
        return d


class Token:
    """A word, number or punctuation token ``(start, end)``.

    ``parts`` gives its clitic boundaries as ``(start, end, role)`` in source offsets (roles:
    conj, prep, det, stem, pron), or () when nothing splits off. They are candidates for
    matching: code tries the whole word first.
    """

    __slots__ = ("start", "end", "_rel")

    def __init__(self, start: int, end: int, rel: tuple = ()):
        self.start = start
        self.end = end
        self._rel = rel  # parts relative to start: shared, cached per spelling

    @property
    def parts(self) -> tuple[tuple[int, int, str], ...]:
        a = self.start
        return tuple((a + x, a + y, r) for x, y, r in self._rel)

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end})"

    def __eq__(self, other) -> bool:
        return isinstance(other, Token) and (self.start, self.end, self._rel) == (other.start, other.end, other._rel)

    def to_dict(self) -> dict:
        d = {"start": self.start, "end": self.end}
        if self._rel:
            d["parts"] = [{"start": s, "end": e, "role": r} for s, e, r in self.parts]
        return d


@dataclass(slots=True)
class StageError:
    stage: str
    code: str
    message: str

    def to_dict(self) -> dict:
        return {"stage": self.stage, "code": self.code, "message": self.message}


def _plain(value: Any) -> Any:
    """Turn a fact record into JSON-ready data (dataclasses, spans, dates, tuples)."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def content_id(text: str) -> str:
    """Stable id of an article: a hash of its normalised content, whitespace collapsed."""
    return view_content_id(View(text))


def view_content_id(view: View) -> str:
    """``content_id`` from an already built view."""
    norm = " ".join(view.text.split())
    return hashlib.blake2b(norm.encode("utf-8"), digest_size=10).hexdigest()


@dataclass
class Document:
    text: str
    id: str = ""
    reference_date: dt.date | None = None
    meta: dict[str, Any] = field(default_factory=dict)  # title, url, source, date, path...
    blocks: list[Block] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    entities: list[Any] = field(default_factory=list)
    times: list[Any] = field(default_factory=list)
    quantities: list[Any] = field(default_factory=list)
    quotes: list[Any] = field(default_factory=list)
    claims: list[Any] = field(default_factory=list)
    events: list[Any] = field(default_factory=list)
    errors: list[StageError] = field(default_factory=list)
    stages: dict[str, str] = field(default_factory=dict)  # name -> version that ran
    _view: View | None = field(default=None, repr=False, compare=False)

    def __post_init__(self):
        if not isinstance(self.text, str):
            raise TypeError("Document.text must be str (decode bytes with khabar.decode first)")
        if not self.id:
            self._view = View(self.text)  # the id needs the view: the normalise stage reuses it
            self.id = view_content_id(self._view)
        if isinstance(self.reference_date, str):
            self.reference_date = dt.date.fromisoformat(self.reference_date)

    @property
    def view(self) -> View:
        """The normalised view (built once, on first use)."""
        if self._view is None:
            self._view = View(self.text)
        return self._view

    def span_text(self, span) -> str:
        return self.text[span.start : span.end]

    def body_blocks(self) -> list[Block]:
        """Blocks that name things (entities): paragraphs and headings, not boilerplate nor
        the titles of related links."""
        return [b for b in self.blocks if b.kind == "paragraph" or (b.kind == "heading" and b.reason != "related_title")]

    def body_sentences(self) -> list[Span]:
        """Sentences that fact stages (quotes, claims, events) read: those of the blocks that name
        things, paragraphs and headings (a headline «مقتل امرأة وإصابة 13 شخصا» states figures too),
        not boilerplate nor the titles of related links."""
        paras = [(b.start, b.end) for b in self.body_blocks()]
        out, i = [], 0
        for s in self.sentences:
            while i < len(paras) and paras[i][1] < s.start:
                i += 1
            if i < len(paras) and paras[i][0] <= s.start and s.end <= paras[i][1]:
                out.append(s)
        return out

    def in_boilerplate(self, start: int, end: int | None = None) -> bool:
        end = start if end is None else end
        for b in self.blocks:
            if b.kind == "boilerplate" and b.start <= start and end <= b.end:
                return True
        return False

    def to_dict(self, *, tokens: bool = False) -> dict:
        d: dict[str, Any] = {
            "schema": SCHEMA,
            "id": self.id,
            "text": self.text,
            "reference_date": self.reference_date.isoformat() if self.reference_date else None,
        }
        if self.meta:
            d["meta"] = _plain(self.meta)
        for layer in LAYERS:
            if layer == "tokens" and not tokens:
                continue
            d[layer] = _plain(getattr(self, layer))
        d["stages"] = dict(self.stages)
        d["errors"] = [e.to_dict() for e in self.errors]
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Document":
        """Rebuild the base of a document (text, id, date, meta, structure). Fact layers stay dicts."""
        doc = cls(text=d["text"], id=d.get("id", ""), reference_date=d.get("reference_date"), meta=d.get("meta") or {})
        doc.blocks = [Block(b["start"], b["end"], b["kind"], b.get("reason")) for b in d.get("blocks", [])]
        doc.sentences = [Span(s["start"], s["end"]) for s in d.get("sentences", [])]
        for layer in ("entities", "times", "quantities", "quotes", "claims", "events"):
            setattr(doc, layer, list(d.get(layer, [])))
        doc.stages = dict(d.get("stages", {}))
        doc.errors = [StageError(**e) for e in d.get("errors", [])]
        return doc

    def spans(self):
        """Every (layer, start, end) the document holds; used by the span-validity checks."""
        yield from _walk_spans(self.to_dict(tokens=True))


def _walk_spans(obj, layer=None):
    if isinstance(obj, dict):
        if "start" in obj and "end" in obj and isinstance(obj["start"], int):
            yield layer, obj["start"], obj["end"]
        for k, v in obj.items():
            if k in ("text", "schema", "id", "meta"):
                continue
            yield from _walk_spans(v, layer or k)
    elif isinstance(obj, list):
        for v in obj:
            yield from _walk_spans(v, layer)


__all__ = ["Document", "Span", "Block", "Token", "StageError", "LAYERS", "SCHEMA", "content_id", "asdict"]
