"""Pick and split the facts development set (quotes, claims, events) from the ANT corpus.

The articles are chosen by fixed rules (``eval/data/facts_select.yaml``) in the order of a hash of
their ids, so the choice does not depend on how the extractor behaves. Half go to ``tune`` (free
to look at while building), half to ``heldout`` (only scored). The split is written once, before
any annotation or tuning, to ``eval/data/facts_split.json``.

Usage: python eval/facts_select.py [DATA_DIR]
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


def select(data_dir: Path) -> dict:
    rules = yaml.safe_load((ROOT / "eval/data/facts_select.yaml").read_text(encoding="utf-8"))
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
    chosen, per = [], {}
    for aid in cands:
        src = aid.split("-")[0]
        if per.get(src, 0) >= rules["per_source"]:
            continue
        per[src] = per.get(src, 0) + 1
        chosen.append(aid)
        if len(chosen) == rules["count"]:
            break
    # alternate in hash order: each half gets the same mix of outlets
    return {
        "corpus": rules["corpus"],
        "rule": "eval/data/facts_select.yaml, hash order, alternate",
        "candidates": len(cands),
        "tune": chosen[0::2],
        "heldout": chosen[1::2],
    }


if __name__ == "__main__":
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data"
    out = ROOT / "eval/data/facts_split.json"
    if out.exists():
        sys.exit(f"{out} exists: the split is fixed once, before tuning")
    split = select(data)
    out.write_text(json.dumps(split, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{split['candidates']} candidates; tune {len(split['tune'])}, heldout {len(split['heldout'])}")
