"""Turn the hand annotation (``eval/data/facts_gold_src.yaml``: verbatim anchors) into
``eval/data/facts_gold.jsonl`` with character offsets into each article's text.

Usage: python eval/facts_gold_build.py [DATA_DIR]
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def find(text: str, anchor: str, nth: int = 0) -> dict:
    pos = -1
    for _ in range(nth + 1):
        pos = text.find(anchor, pos + 1)
        if pos < 0:
            raise ValueError(f"anchor not found: {anchor!r}")
    return {"start": pos, "end": pos + len(anchor)}


def main(data: Path) -> None:
    src = yaml.safe_load((ROOT / "eval/data/facts_gold_src.yaml").read_text(encoding="utf-8"))
    split = json.loads((ROOT / "eval/data/facts_split.json").read_text(encoding="utf-8"))
    arts = {}
    with gzip.open(data / split["corpus"], "rt", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if d["id"] in src:
                arts[d["id"]] = d["text"]
    out = []
    for aid, g in src.items():
        text = arts[aid]
        half = "tune" if aid in split["tune"] else "heldout"
        rec = {"id": aid, "split": half, "quotes": [], "claims": [], "events": []}
        for q in g.get("quotes") or []:
            rec["quotes"].append({**{k: v for k, v in q.items() if k not in ("content", "nth")}, "content": find(text, q["content"], q.get("nth", 0))})
        for c in g.get("claims") or []:
            rec["claims"].append({**{k: v for k, v in c.items() if k not in ("text", "nth")}, "evidence": find(text, c["text"], c.get("nth", 0))})
        for e in g.get("events") or []:
            rec["events"].append({**{k: v for k, v in e.items() if k not in ("trigger", "nth")}, "trigger": find(text, e["trigger"], e.get("nth", 0))})
        out.append(rec)
    with (ROOT / "eval/data/facts_gold.jsonl").open("w", encoding="utf-8") as fh:
        for rec in out:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{len(out)} articles annotated")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data")
