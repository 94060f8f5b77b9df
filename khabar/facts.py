"""Fact records of the layers after segmentation. Field names are the JSON contract
(``docs/document-contract.md``); extra fields are allowed, these names and meanings are fixed.

A ``Ref`` is an entity id (``"E3"``) or, for a speaker, source or place that is not a named entity
(«مصادر فلسطينية رسمية»), a ``SpanRef`` with its text. ``"article"`` as a claim's source means the
article states it without attribution.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Union

from .document import Span


@dataclass(slots=True)
class SpanRef:
    start: int
    end: int
    text: str

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}


Ref = Union[str, SpanRef, None]


def ref_dict(ref: Ref) -> Any:
    return ref.to_dict() if isinstance(ref, SpanRef) else ref


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    # the name inside a clitic-attached word: «لحماس» has start..end over the word, and the
    # optional head span over «حماس»
    head_start: int | None = None
    head_end: int | None = None

    def to_dict(self) -> dict:
        d = {"start": self.start, "end": self.end}
        if self.head_start is not None:
            d["head"] = {"start": self.head_start, "end": self.head_end}
        return d


@dataclass(slots=True)
class Entity:
    id: str
    type: str  # PER | ORG | LOC | MISC
    canonical: str
    mentions: list[Mention] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    kb_id: str | None = None
    kb: dict | None = None  # the canonical record (ISO code, coordinates, actor code...)
    title_spans: list[Span] = field(default_factory=list)
    stage: str = "entities"
    version: str = "1"

    def to_dict(self) -> dict:
        d = {
            "id": self.id,
            "type": self.type,
            "canonical": self.canonical,
            "titles": list(self.titles),
            "mentions": [m.to_dict() for m in self.mentions],
            "kb_id": self.kb_id,
        }
        if self.kb:
            d["kb"] = self.kb
        if self.title_spans:
            d["title_spans"] = [s.to_dict() for s in self.title_spans]
        return d


@dataclass(slots=True)
class Time:
    start: int
    end: int
    value: str | None  # YYYY-MM-DD | YYYY-MM | YYYY, None when unresolved
    precision: str | None  # day | month | year
    anchor: str | None = None  # what it was resolved against: "reference_date", "previous:<iso>", "absolute"
    calendar: str = "gregorian"  # or "hijri" when written in the Hijri calendar
    flags: tuple[str, ...] = ()  # e.g. "weekday_mismatch", "unresolved:no_reference_date"
    # date | weekday | relative | numeric: resolved to a day, month or year;
    # duration («لمدة ثلاثة أيام», value None, flag "duration:P3D"), vague («مؤخراً») and
    # set («كل يوم»): found, kept, never given a calendar value
    kind: str = "date"
    stage: str = "times"
    version: str = "1"

    def to_dict(self) -> dict:
        d = {"start": self.start, "end": self.end, "value": self.value, "precision": self.precision, "anchor": self.anchor, "kind": self.kind}
        if self.calendar != "gregorian":
            d["calendar"] = self.calendar
        if self.flags:
            d["flags"] = list(self.flags)
        return d


@dataclass(slots=True)
class Quantity:
    start: int
    end: int
    value: float | int | None  # None for vague amounts («عشرات»)
    approximate: bool = False
    bound: str | None = None  # more_than | at_least | less_than | up_to | None
    vague: bool = False
    kind: str = "cardinal"  # cardinal | ordinal | percent | money | range
    unit: str | None = None  # currency code for money
    high: float | int | None = None  # upper end of a range
    number_start: int | None = None  # span of the number itself, without the hedge words
    number_end: int | None = None
    stage: str = "quantities"
    version: str = "1"

    def to_dict(self) -> dict:
        d = {"start": self.start, "end": self.end, "value": self.value, "approximate": self.approximate, "bound": self.bound, "kind": self.kind}
        if self.vague:
            d["vague"] = True
        if self.unit:
            d["unit"] = self.unit
        if self.high is not None:
            d["high"] = self.high
        if self.number_start is not None:
            d["number"] = {"start": self.number_start, "end": self.number_end}
        return d


@dataclass(slots=True)
class Quote:
    kind: str  # direct | indirect
    speaker: Ref
    cue: Span | None
    content: Span
    via: Ref = None  # the conveyor in «نقل X عن Y قوله»
    stage: str = "quotes"
    version: str = "1"

    def to_dict(self) -> dict:
        d = {
            "kind": self.kind,
            "speaker": ref_dict(self.speaker),
            "cue": self.cue.to_dict() if self.cue else None,
            "content": self.content.to_dict(),
        }
        if self.via is not None:
            d["via"] = ref_dict(self.via)
        return d


@dataclass(slots=True)
class Claim:
    value: float | int | None
    category: str
    evidence: Span
    source: Ref | str = "article"
    bound: str | None = None
    approximate: bool = False
    unit: str | None = "person"
    group: str | None = None
    where: Ref = None
    when: str | None = None
    actor: Ref = None
    part_of: int | None = None  # index of the claim this one is part of («منهم 4800 طفل»)
    stage: str = "claims"
    version: str = "1"

    def to_dict(self) -> dict:
        d = {
            "value": self.value,
            "bound": self.bound,
            "approximate": self.approximate,
            "unit": self.unit,
            "category": self.category,
            "group": self.group,
            "where": ref_dict(self.where),
            "when": self.when,
            "actor": ref_dict(self.actor),
            "source": ref_dict(self.source),
            "evidence": self.evidence.to_dict(),
        }
        if self.part_of is not None:
            d["part_of"] = self.part_of
        return d


@dataclass(slots=True)
class Event:
    type: str  # PLOVER event type
    mode: str | None
    trigger: Span
    actor: Ref = None
    target: Ref = None
    where: Ref = None
    when: str | None = None
    fatalities: int | None = None
    injuries: int | None = None
    arrests: int | None = None
    # every trigger span of the happening when the article tells it more than once (the first is
    # ``trigger``); empty when it is told once
    triggers: list[Span] = field(default_factory=list)
    stage: str = "events"
    version: str = "1"

    def to_dict(self) -> dict:
        d = {
            "type": self.type,
            "mode": self.mode,
            "actor": ref_dict(self.actor),
            "target": ref_dict(self.target),
            "where": ref_dict(self.where),
            "when": self.when,
            "trigger": self.trigger.to_dict(),
        }
        for k in ("fatalities", "injuries", "arrests"):
            if getattr(self, k) is not None:
                d[k] = getattr(self, k)
        if len(self.triggers) > 1:
            d["triggers"] = [t.to_dict() for t in self.triggers]
        return d
