"""The buckets ``eval/eval_gaps.py`` sorts annotated events and claims into, on the seed article with
made-up gold records (the report itself reads ../shared/data and runs in ``make eval``)."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "eval"))

import eval_facts  # noqa: E402
import eval_gaps  # noqa: E402

from khabar import Document  # noqa: E402
from khabar.stages.events import lexicon  # noqa: E402


@pytest.fixture(scope="module")
def seed(seed_text, seed_expected):
    doc = eval_facts.pipeline()(Document(seed_text, reference_date=seed_expected["reference_date"]))
    return doc, eval_gaps._hits(doc, lexicon())


def _event(doc, type_, a, b, actor=None, target=None):
    return {"type": type_, "actor": actor, "target": target, "trigger": {"start": a, "end": b}}


def _bucket(seed, ge):
    doc, found = seed
    return eval_gaps._bucket(doc, ge, found, eval_facts.who_matches)


def test_event_buckets_follow_what_the_system_did_there(seed):
    doc, found = seed
    e = next(e for e in doc.events if e.actor is not None and e.target is not None)
    actor, target = eval_facts.surfaces(doc, e.actor)[0], eval_facts.surfaces(doc, e.target)[0]
    a, b = e.trigger.start, e.trigger.end
    assert _bucket(seed, _event(doc, e.type, a, b, actor, target)) == "full"
    assert _bucket(seed, _event(doc, e.type, a, b, "منظمة الصحة العالمية", target)) == "party"
    other = next(t for t in ("REJECT", "AID", "PROTEST") if t != e.type)
    assert _bucket(seed, _event(doc, other, a, b, actor, target)) == "other type"


def test_a_lexicon_word_the_rules_dropped_is_filtered_and_no_word_is_a_gap(seed):
    doc, found = seed
    st, _, types = next((st, x, t) for st, x, t in found if not any(e.trigger.start < st + 2 and st < e.trigger.end for e in doc.events))
    ty = sorted(types)[0]
    assert _bucket(seed, _event(doc, ty, st, st + 2)) == "filtered"
    unknown = next(t for t in ("RETREAT", "MOBILIZE", "CONCEDE", "SANCTION") if t not in types)
    assert _bucket(seed, _event(doc, unknown, st, st + 2)) == "lexicon, other type"
    first = min(st for st, _, _ in found)
    assert _bucket(seed, _event(doc, "ASSAULT", 0, first)) == "no lexicon word"


def test_claim_buckets(seed):
    doc, _ = seed
    c = next(c for c in doc.claims if c.source not in (None, "article"))
    src = eval_facts.surfaces(doc, c.source)[0]
    gold = {"value": c.value, "category": c.category, "source": src, "evidence": {"start": c.evidence.start, "end": c.evidence.end}}
    who = eval_facts.who_matches
    assert eval_gaps._claim_bucket(doc, gold, who) == "exact"
    assert eval_gaps._claim_bucket(doc, {**gold, "source": "منظمة الصحة العالمية"}, who) == "source"
    assert eval_gaps._claim_bucket(doc, {**gold, "category": "displaced" if c.category != "displaced" else "killed"}, who) == "category"
    assert eval_gaps._claim_bucket(doc, {**gold, "value": c.value + 7}, who) == "value"
    assert eval_gaps._claim_bucket(doc, {**gold, "evidence": {"start": 0, "end": 5}}, who) == "none, no figure read"


def test_the_filter_model_learns_a_separable_rule():
    rows = [[f"w={k % 5}", f"ty={'A' if k % 2 else 'B'}"] for k in range(200)]
    y = [r[1] == "ty=A" for r in rows]
    model = eval_gaps._LogReg(epochs=5).fit(rows, y)
    assert model.prob(["w=1", "ty=A"]) > 0.9 > 0.1 > model.prob(["w=1", "ty=B"])
    assert 0.0 < model.prob(["w=unseen"]) < 1.0
