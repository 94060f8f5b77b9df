"""Pick and split the facts development set (quotes, claims, events) from the ANT corpus.

The articles are chosen by fixed rules (``eval/data/facts_select.yaml``) in the order of a hash of
their ids, so the choice does not depend on how the extractor behaves. Half go to ``tune`` (free
to look at while building), half to ``heldout`` (only scored). The split is written once, before
any annotation or tuning, to ``eval/data/facts_split.json``.

Round 2 (``--round 2``, rules in the ``round2`` block of the same YAML) takes the next articles in
the same hash order from the same candidates, leaving out the round-1 ids, with the per-source cap
counted within round 2 alone, and splits them alternately into ``tune2`` and ``heldout2``
(``eval/data/facts_split2.json``). Round 1 is unchanged by it. Round 3 (``--round 3``) does the
same with rounds 1 and 2 left out (``tune3``/``heldout3``, ``facts_split3.json``).

Usage: python eval/facts_select.py [--round N] [DATA_DIR]
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from khabar.normalise import normalise  # noqa: E402


def _key(article_id: str) -> str:
    return hashlib.blake2b(article_id.encode(), digest_size=8).hexdigest()


def _rules() -> dict:
    return yaml.safe_load((ROOT / "eval/data/facts_select.yaml").read_text(encoding="utf-8"))


def candidates(data_dir: Path, rules: dict) -> list[str]:
    """Ids that pass the rules, in hash order."""
    figure, speech = re.compile(rules["figure"]), re.compile(rules["speech"], re.M)
    cands = []
    with gzip.open(data_dir / rules["corpus"], "rt", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if d["category"] not in rules["categories"]:
                continue
            if not rules["min_chars"] <= len(d["text"]) <= rules["max_chars"]:
                continue
            v = normalise(d["text"])
            if figure.search(v) and speech.search(v):
                cands.append(d["id"])
    cands.sort(key=_key)
    return cands


def choose(cands: list[str], count: int, per_source: int, exclude: frozenset[str] = frozenset()) -> list[str]:
    """The first ``count`` ids in hash order, at most ``per_source`` per outlet, skipping ``exclude``."""
    chosen, per = [], {}
    for aid in cands:
        if aid in exclude:
            continue
        src = aid.split("-")[0]
        if per.get(src, 0) >= per_source:
            continue
        per[src] = per.get(src, 0) + 1
        chosen.append(aid)
        if len(chosen) == count:
            break
    return chosen


def select(data_dir: Path) -> dict:
    rules = _rules()
    cands = candidates(data_dir, rules)
    chosen = choose(cands, rules["count"], rules["per_source"])
    # alternate in hash order: each half gets the same mix of outlets
    return {
        "corpus": rules["corpus"],
        "rule": "eval/data/facts_select.yaml, hash order, alternate",
        "candidates": len(cands),
        "tune": chosen[0::2],
        "heldout": chosen[1::2],
    }


def select_round(data_dir: Path, rnd: int) -> dict:
    """Round 2 and later: same candidates and hash order, every earlier round's ids left out, the
    per-source cap counted within the round alone."""
    rules = _rules()
    r = rules[f"round{rnd}"]
    exclude: frozenset[str] = frozenset()
    for path in r["exclude"]:
        split = json.loads((ROOT / path).read_text(encoding="utf-8"))
        exclude |= frozenset(aid for key, ids in split.items() if isinstance(ids, list) for aid in ids)
    cands = candidates(data_dir, rules)
    chosen = choose(cands, r["count"], r["per_source"], exclude)
    if len(chosen) != r["count"]:
        raise SystemExit(f"only {len(chosen)} articles for round {rnd}")
    tune, held = (f"tune{rnd}", f"heldout{rnd}")
    return {
        "corpus": rules["corpus"],
        "rule": (
            f"eval/data/facts_select.yaml (same filters as round 1; round{rnd}: count {r['count']}, "
            f"per_source {r['per_source']}), same hash order (blake2b-8 of the id), the "
            f"{len(exclude)} ids of {', '.join(r['exclude'])} left out, per-source cap counted within "
            f"round {rnd} only, alternate {tune}/{held}"
        ),
        "candidates": len(cands),
        "excluded_earlier_rounds": len(exclude),
        tune: chosen[0::2],
        held: chosen[1::2],
    }


if __name__ == "__main__":
    args = sys.argv[1:]
    rnd = 1
    if args[:1] == ["--round"]:
        rnd, args = int(args[1]), args[2:]
    data = Path(args[0]) if args else ROOT.parent / "shared" / "data"
    out = ROOT / ("eval/data/facts_split.json" if rnd == 1 else f"eval/data/facts_split{rnd}.json")
    if out.exists():
        sys.exit(f"{out} exists: the split is fixed once, before tuning")
    if rnd == 1:
        split = select(data)
        print(f"{split['candidates']} candidates; tune {len(split['tune'])}, heldout {len(split['heldout'])}")
    elif f"round{rnd}" in _rules():
        split = select_round(data, rnd)
        print(f"{split['candidates']} candidates; tune{rnd} {len(split[f'tune{rnd}'])}, heldout{rnd} {len(split[f'heldout{rnd}'])}")
    else:
        sys.exit(f"no rules for round {rnd}")
    out.write_text(json.dumps(split, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
