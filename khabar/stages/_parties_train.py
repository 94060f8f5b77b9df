"""``khabar train parties``: the actor/target model of the events stage (``_parties.py``), trained
on the tuning halves of the project's annotated development set.

Each event the rules keep in a tuning article is aligned with the annotated event of its type whose
trigger is in the same sentence (the nearest); every candidate of the sentence is then labelled
actor or target when it matches the annotated words by the guide's test. One logistic model per
role, L2-regularised, fitted by full-batch gradient descent (numpy); leaving a role empty is one more
choice with features of its own; cross-validation over articles reports what the model gets right
against the rules. The held-back halves (``heldout``,
``heldout4``) are never read.
"""

from __future__ import annotations

import datetime
import gzip
import json
import platform
import random
import subprocess
from pathlib import Path

import numpy as np

from . import _parties
from ._parties import ROLES, matches

ROOT = Path(__file__).resolve().parent.parent.parent
# (split file, gold file, the halves that may be trained on)
TRAIN_SETS = (
    ("eval/data/facts_split.json", "eval/data/facts_gold.jsonl", ("tune",)),
    ("eval/data/facts_split2.json", "eval/data/facts_gold2.jsonl", ("tune2", "heldout2")),
    ("eval/data/facts_split3.json", "eval/data/facts_gold3.jsonl", ("tune3", "heldout3")),
    ("eval/data/facts_split4.json", "eval/data/facts_gold4.jsonl", ("tune4",)),
)
HELD_BACK = frozenset({"heldout", "heldout4"})
PARAMS = {"l2": 1.0, "steps": 300, "lr": 0.05, "folds": 5, "seed": 13}


def examples(data: Path) -> list[dict]:
    """One row per kept event aligned with an annotated one: its candidates' features and labels."""
    import khabar
    from khabar import Document

    pipe = khabar.pipeline()
    ev = next(st for st in pipe.stages if st.name == "events")
    ev.use_parties, ev.record = False, []
    rows = []
    for split_file, gold_file, halves in TRAIN_SETS:
        assert not HELD_BACK & set(halves)
        split = json.loads((ROOT / split_file).read_text(encoding="utf-8"))
        golds = [json.loads(x) for x in (ROOT / gold_file).read_text(encoding="utf-8").splitlines() if x.strip()]
        golds = [g for g in golds if any(g["id"] in split[h] for h in halves)]
        want = {g["id"] for g in golds}
        arts = {}
        with gzip.open(data / split["corpus"], "rt", encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                if d["id"] in want:
                    arts[d["id"]] = d
        for g in golds:
            a = arts[g["id"]]
            ev.record.clear()
            pipe(Document(a["text"], reference_date=(a.get("date") or "")[:10] or None))
            for rec in ev.record:
                s, e = rec["sent"], rec["event"]
                same = [ge for ge in g["events"] if ge["type"] == e.type and s.start <= ge["trigger"]["start"] < s.end]
                if not same:
                    continue
                ge = min(same, key=lambda x: abs(x["trigger"]["start"] - e.trigger.start))
                doc = rec["doc"]
                labels = {r: [matches(doc, c.ref, ge.get(r)) if ge.get(r) else False for c in rec["cands"]] for r in ROLES}
                rule_ok = {r: matches(doc, rec["rule"][r], ge.get(r)) for r in ROLES}
                rows.append({"article": g["id"], "feats": rec["feats"], "nulls": rec["nulls"], "labels": labels, "gold": {r: ge.get(r) for r in ROLES}, "rule_ok": rule_ok})
    ev.record = None
    return rows


def fit(rows: list[dict], role: str, params: dict) -> dict[str, float]:
    """Softmax over each event's candidates and the empty choice, with the annotated choice (any
    matching candidate, or empty) as the target; L2, full-batch Adam."""
    groups = []
    for r in rows:
        labels = r["labels"][role]
        if r["gold"][role] and not any(labels):
            continue  # the annotated words are not among the candidates: nothing to learn here
        groups.append((r["feats"] + [r["nulls"][role]], labels + [not r["gold"][role]]))
    vocab: dict[str, int] = {}
    for feats, _ in groups:
        for f in feats:
            for x in f:
                vocab.setdefault(x, len(vocab))
    nrow = sum(len(f) for f, _ in groups)
    X = np.zeros((nrow, len(vocab)), dtype=np.float64)
    y = np.zeros(nrow)
    starts = []
    i = 0
    for feats, labels in groups:
        starts.append(i)
        pos = sum(labels)
        for f, lab in zip(feats, labels):
            X[i, [vocab[x] for x in f]] = 1.0
            y[i] = lab / pos
            i += 1
    starts_a = np.array(starts)
    group_of = np.repeat(np.arange(len(groups)), np.diff(np.append(starts_a, nrow)))
    w = np.zeros(len(vocab))
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for t in range(1, params["steps"] + 1):
        z = X @ w
        zmax = np.maximum.reduceat(z, starts_a)[group_of]
        ez = np.exp(z - zmax)
        p = ez / np.add.reduceat(ez, starts_a)[group_of]
        grad = X.T @ (p - y) / len(groups) + params["l2"] * w / len(groups)
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= params["lr"] * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    return {x: float(w[k]) for x, k in vocab.items() if abs(w[k]) > 1e-4}


def _right(r: dict, role: str, k: int | None) -> bool:
    return (k is not None and r["labels"][role][k]) if r["gold"][role] else k is None


def _correct(rows, model: _parties.PartyModel) -> dict:
    """Events with each role and with both right (by the guide's test), by the model and by the rules."""
    out = {"model_both": 0, "rules_both": 0, "model_actor": 0, "rules_actor": 0, "model_target": 0, "rules_target": 0}
    for r in rows:
        pick = model.pick(r["feats"], r["nulls"])
        a, t = _right(r, "actor", pick["actor"]), _right(r, "target", pick["target"])
        out["model_actor"] += a
        out["model_target"] += t
        out["model_both"] += a and t
        out["rules_actor"] += r["rule_ok"]["actor"]
        out["rules_target"] += r["rule_ok"]["target"]
        out["rules_both"] += r["rule_ok"]["actor"] and r["rule_ok"]["target"]
    return out


def cross_validate(rows: list[dict], params: dict) -> dict:
    arts = sorted({r["article"] for r in rows})
    random.Random(params["seed"]).shuffle(arts)
    fold_of = {a: k % params["folds"] for k, a in enumerate(arts)}
    total: dict[str, int] = {}
    for k in range(params["folds"]):
        train = [r for r in rows if fold_of[r["article"]] != k]
        test = [r for r in rows if fold_of[r["article"]] == k]
        model = _parties.PartyModel({"weights": {role: fit(train, role, params) for role in ROLES}})
        for key, v in _correct(test, model).items():
            total[key] = total.get(key, 0) + v
    return {"events": len(rows), "articles": len(arts), **total}


def train_parties(data: Path, out: Path = _parties.MODEL_DIR, params: dict | None = None) -> dict:
    params = {**PARAMS, **(params or {})}
    rows = examples(data)
    cv = cross_validate(rows, params)
    weights = {role: fit(rows, role, params) for role in ROLES}
    out.mkdir(parents=True, exist_ok=True)
    model = {"weights": {r: {k: round(v, 4) for k, v in sorted(w.items())} for r, w in weights.items()}}
    (out / "model.json").write_text(json.dumps(model, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        commit = ""
    manifest = {
        "model": "logistic regression per role (actor, target) over candidate features (khabar/stages/_parties.py), L2, full-batch Adam in numpy",
        "command": "khabar train parties --data ../shared/data",
        "params": params,
        "trained_on": {split: list(halves) for split, _, halves in TRAIN_SETS},
        "never_read": sorted(HELD_BACK),
        "events": cv["events"],
        "articles": cv["articles"],
        "cross_validation": {"folds": params["folds"], **{k: v for k, v in cv.items() if k not in ("events", "articles")}},
        "features": sum(len(w) for w in weights.values()),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "code_commit": commit,
        "date": datetime.date.today().isoformat(),
    }
    (out / "MANIFEST.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return manifest


if __name__ == "__main__":
    import sys

    data = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data"
    rows = examples(data)
    for l2 in (0.1, 1.0, 5.0, 20.0):
        print(f"l2 {l2}:", cross_validate(rows, {**PARAMS, "l2": l2, "steps": 600, "lr": 0.1}))
