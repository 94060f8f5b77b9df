"""Who did it and to whom: an event's actor and target chosen among the names and noun phrases of
its sentence by a small logistic model (``khabar/models/parties``).

The events stage's rules find the events and propose an actor and a target; the model scores every
candidate of the sentence with the rules' picks among its features, so it learns where the rules
are right and where a name nearer the trigger, after «على», or before a relative clause is. It is
trained by ``khabar train parties`` on the tuning halves of the project's annotated development
set (``eval/data/facts_gold*.jsonl``), never on a held-back half.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

from ..facts import SpanRef
from ..lexicon import clitics, punct
from ..normalise import normalise
from ._factwords import Sent
from ._refs import mentions_of, span_ref

_COMMA = frozenset(punct()["comma"])
_CL = clitics()
_BI, _LI, _WA = _CL["bi"], _CL["li"], _CL["wa"]

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "parties"
ROLES = ("actor", "target")
WINDOW = 15  # tokens either side of the trigger


@dataclass(slots=True)
class Cand:
    ref: object  # an entity id or a SpanRef
    start: int  # source offsets
    end: int
    x: int  # token range
    y: int
    kind: str  # PER/ORG/LOC/MISC or NP


def _bucket(d: int) -> str:
    return str(d) if d < 3 else "3-4" if d < 5 else "5-7" if d < 8 else "8+"


def candidates(doc, s: Sent, tr, lx, phrase) -> list[Cand]:
    """The names and noun phrases within ``WINDOW`` tokens of the trigger, outside it."""
    words, n = s.words, len(s.words)
    lo, hi = max(0, tr.a - WINDOW), min(n, tr.b + WINDOW)
    out: list[Cand] = []
    covered = [False] * n
    for r in mentions_of(doc).within(s.starts[lo], s.ends[hi - 1]):
        x, y = s.index_at(r[0]), s.index_at(r[1] - 1) + 1
        if x < tr.b and y > tr.a:
            continue
        for k in range(x, min(y, n)):
            covered[k] = True
        out.append(Cand(r[2].id, r[0], r[1], x, y, r[2].type))
    for x in range(lo, hi):
        if covered[x] or tr.a <= x < tr.b:
            continue
        y = phrase(words, x, lx)
        if not y:
            continue
        y = min(y, tr.a) if x < tr.a else y
        while y > x + 1 and covered[y - 1]:
            y -= 1
        ref = span_ref(doc, s.starts[x], s.ends[y - 1])
        if ref is not None:
            out.append(Cand(ref, ref.start, ref.end, x, y, "NP"))
    out.sort(key=lambda c: c.start)
    return out


def with_rules(doc, cands: list[Cand], rule: dict) -> list[Cand]:
    """The candidates, and each pick of the rules that none of them holds."""
    out = list(cands)
    for role in ROLES:
        ref = rule.get(role)
        if ref is None or ref == "article" or any(_overlaps(doc, ref, c) for c in out):
            continue
        out.append(Cand(ref, -1, -1, -1, -1, "OUT"))
    return out


def surfaces(doc, ref) -> list[str]:
    """The ways ``ref`` is written: an entity's canonical name and mentions, or the span's words."""
    if ref is None or ref == "article":
        return []
    if isinstance(ref, str):
        e = mentions_of(doc).by_id.get(ref)
        return [e.canonical] + [doc.text[m.start : m.end] for m in e.mentions] if e is not None else []
    return [ref.text]


def _norm(s: str | None) -> str:
    # annotators write hashtags without «#» («وزارة الداخلية_اليمنية»)
    return " ".join(normalise((s or "").replace("#", "")).split())


def matches(doc, ref, gold: str | None) -> bool:
    """The annotation guide's test for who: the annotated words and one way of writing ``ref``
    contain one another once normalised; no words annotated wants no one predicted."""
    if not gold:
        return ref is None or ref == "article"
    g = _norm(gold)
    return any(s and (g in s or s in g) for s in map(_norm, surfaces(doc, ref)))


def _overlaps(doc, ref, c: Cand) -> bool:
    if ref is None or ref == "article":
        return False
    if c.kind == "OUT":
        return ref == c.ref
    if isinstance(ref, SpanRef):
        return ref.start < c.end and c.start < ref.end
    if ref == c.ref:
        return True
    e = mentions_of(doc).by_id.get(ref)
    return e is not None and any(m.start < c.end and c.start < m.end for m in e.mentions)


def features(doc, s: Sent, tr, lx, cands: list[Cand], rule: dict) -> list[list[str]]:
    """Feature names of each candidate: where it is from the trigger, what comes before it, what
    it is, and whether the rules picked it."""
    words = s.words
    entry = tr.entry
    pos = entry.get("pos", "noun")
    etype = entry["type"]
    before = [c for c in cands if c.kind != "OUT" and c.y <= tr.a]
    after = [c for c in cands if c.kind != "OUT" and c.x >= tr.b]
    rank = {id(c): len(before) - k for k, c in enumerate(before)}
    rank.update({id(c): k + 1 for k, c in enumerate(after)})
    out = []
    for c in cands:
        if c.kind == "OUT":
            # the rules' pick named outside the window (an earlier speaker, a subject far before)
            roles = [r for r in ROLES if rule.get(r) == c.ref]
            out.append(["out", f"out|t={etype}", f"out|pos={pos}", *(f"out={r}" for r in roles), *(f"out={r}|pos={pos}" for r in roles)])
            continue
        d = "B" if c.y <= tr.a else "A"
        gap = tr.a - c.y if d == "B" else c.x - tr.b
        rk = min(rank.get(id(c), 9), 4)
        prev = words[c.x - 1] if c.x > 0 else "<s>"
        if prev in lx["preps"] or prev in lx["place_preps"] or prev in lx["relative"] or prev in lx["agent_next_words"]:
            pc = prev
        elif prev in _COMMA:
            pc = ","
        elif prev in lx["forms"]:
            pc = "TRIG"
        elif prev == "<s>":
            pc = "<s>"
        else:
            pc = "w"
        w0 = words[c.x]
        cl = "bi" if w0[:1] == _BI else "li" if w0[:1] == _LI else "wa" if w0[:1] == _WA else "-"
        clause = "same" if tr.clauses[min(c.x, len(words) - 1)] == tr.clause else "other"
        f = [
            "bias",
            f"d={d}|g={_bucket(gap)}",
            f"d={d}|r={rk}",
            f"d={d}|k={c.kind}",
            f"d={d}|pos={pos}|r={rk}",
            f"t={etype}|d={d}|r={rk}",
            f"t={etype}|k={c.kind}",
            f"p={pc}",
            f"d={d}|p={pc}",
            f"pos={pos}|p={pc}",
            f"cl={cl}|d={d}",
            f"c={clause}|d={d}",
            f"len={min(c.y - c.x, 4)}",
            f"mode={entry.get('mode')}|d={d}",
        ]
        for role in ROLES:
            if _overlaps(doc, rule.get(role), c):
                f += [f"rule={role}", f"rule={role}|pos={pos}", f"rule={role}|t={etype}", f"rule={role}|d={d}"]
        if any(q.start <= c.start < q.end for q in doc.quantities):
            f.append("quantity")
        out.append(f)
    return out


def null_features(tr, rule: dict, role: str) -> list[str]:
    """Features of leaving ``role`` empty («هجوم» with no one named, a passive verb)."""
    pos = tr.entry.get("pos", "noun")
    some = "none" if rule.get(role) is None else "some"
    return ["null", f"null|t={tr.entry['type']}", f"null|pos={pos}", f"null|rule={some}", f"null|rule={some}|pos={pos}", f"null|rule={some}|t={tr.entry['type']}"]


class PartyModel:
    """Per role, a linear score of each candidate and of leaving the role empty; the highest wins
    (a softmax over the sentence's candidates, trained as one)."""

    def __init__(self, data: dict):
        self.weights = {r: data["weights"][r] for r in ROLES}

    def score(self, f: list[str], role: str) -> float:
        w = self.weights[role]
        return sum(w.get(k, 0.0) for k in f)

    def pick(self, feats: list[list[str]], nulls: dict[str, list[str]]) -> dict[str, int | None]:
        """The index of the actor and of the target, or None; never one candidate for both."""
        picked: dict[str, int | None] = {}
        taken = None
        for role in ROLES:
            best, best_k = self.score(nulls[role], role), None
            for k, f in enumerate(feats):
                if k != taken:
                    z = self.score(f, role)
                    if z > best:
                        best, best_k = z, k
            picked[role] = best_k
            if best_k is not None:
                taken = best_k
        return picked

    def choose(self, cands: list[Cand], feats: list[list[str]], nulls: dict[str, list[str]]) -> dict:
        return {role: (cands[k].ref if k is not None else None) for role, k in self.pick(feats, nulls).items()}


@functools.cache
def model() -> PartyModel | None:
    path = MODEL_DIR / "model.json"
    if not path.exists():
        return None
    return PartyModel(json.loads(path.read_text(encoding="utf-8")))
