"""Turn the hand annotation (``eval/data/facts_gold_src.yaml``: verbatim anchors) into
``eval/data/facts_gold.jsonl`` with character offsets into each article's text; likewise round 2
(``facts_gold_src2.yaml`` + ``facts_split2.json`` -> ``facts_gold2.jsonl``, splits tune2/heldout2)
and round 3 (``facts_gold_src3.yaml`` -> ``facts_gold3.jsonl``, tune3/heldout3).

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


# (annotation, split, output, split names) per round
ROUNDS = (
    ("eval/data/facts_gold_src.yaml", "eval/data/facts_split.json", "eval/data/facts_gold.jsonl", ("tune", "heldout")),
    ("eval/data/facts_gold_src2.yaml", "eval/data/facts_split2.json", "eval/data/facts_gold2.jsonl", ("tune2", "heldout2")),
    ("eval/data/facts_gold_src3.yaml", "eval/data/facts_split3.json", "eval/data/facts_gold3.jsonl", ("tune3", "heldout3")),
    ("eval/data/facts_gold_src4.yaml", "eval/data/facts_split4.json", "eval/data/facts_gold4.jsonl", ("tune4", "heldout4")),
    ("eval/data/facts_gold_src5.yaml", "eval/data/facts_split5.json", "eval/data/facts_gold5.jsonl", ("tune5", "heldout5")),
    ("eval/data/facts_gold_src6.yaml", "eval/data/facts_split6.json", "eval/data/facts_gold6.jsonl", ("tune6", "heldout6")),
    ("eval/data/facts_gold_src7.yaml", "eval/data/facts_split7.json", "eval/data/facts_gold7.jsonl", ("tune7", "heldout7")),
    ("eval/data/facts_gold_src8.yaml", "eval/data/facts_split8.json", "eval/data/facts_gold8.jsonl", ("tune8", "heldout8")),
    ("eval/data/facts_gold_src9.yaml", "eval/data/facts_split9.json", "eval/data/facts_gold9.jsonl", ("tune9", "heldout9")),
    ("eval/data/facts_gold_src10.yaml", "eval/data/facts_split10.json", "eval/data/facts_gold10.jsonl", ("tune10", "heldout10")),
    ("eval/data/facts_gold_src11.yaml", "eval/data/facts_split11.json", "eval/data/facts_gold11.jsonl", ("tune11", "heldout11")),
    ("eval/data/facts_gold_src12.yaml", "eval/data/facts_split12.json", "eval/data/facts_gold12.jsonl", ("tune12", "heldout12")),
    ("eval/data/facts_gold_src13.yaml", "eval/data/facts_split13.json", "eval/data/facts_gold13.jsonl", ("tune13", "heldout13")),
    ("eval/data/facts_gold_src14.yaml", "eval/data/facts_split14.json", "eval/data/facts_gold14.jsonl", ("tune14", "heldout14")),
    ("eval/data/facts_gold_src15.yaml", "eval/data/facts_split15.json", "eval/data/facts_gold15.jsonl", ("tune15", "heldout15")),
    # a second blind annotation of heldout11, for the agreement between annotators (eval_agreement.py)
    ("eval/data/facts_gold_src11_second.yaml", "eval/data/facts_split11.json", "eval/data/facts_gold11_second.jsonl", ("tune11", "heldout11")),
)


def build(data: Path, src_path: str, split_path: str, out_path: str, halves: tuple[str, str]) -> int:
    src = yaml.safe_load((ROOT / src_path).read_text(encoding="utf-8"))
    split = json.loads((ROOT / split_path).read_text(encoding="utf-8"))
    first, second = halves
    unknown = [aid for aid in src if aid not in split[first] and aid not in split[second]]
    if unknown:
        raise ValueError(f"{src_path}: ids not in {split_path}: {unknown}")
    arts = {}
    with gzip.open(data / split["corpus"], "rt", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if d["id"] in src:
                arts[d["id"]] = d["text"]
    out = []
    for aid, g in src.items():
        text = arts[aid]
        half = first if aid in split[first] else second
        rec = {"id": aid, "split": half, "quotes": [], "claims": [], "events": []}
        for q in g.get("quotes") or []:
            rec["quotes"].append({**{k: v for k, v in q.items() if k not in ("content", "nth")}, "content": find(text, q["content"], q.get("nth", 0))})
        for c in g.get("claims") or []:
            rec["claims"].append({**{k: v for k, v in c.items() if k not in ("text", "nth")}, "evidence": find(text, c["text"], c.get("nth", 0))})
        for e in g.get("events") or []:
            rec["events"].append({**{k: v for k, v in e.items() if k not in ("trigger", "nth")}, "trigger": find(text, e["trigger"], e.get("nth", 0))})
        out.append(rec)
    with (ROOT / out_path).open("w", encoding="utf-8") as fh:
        for rec in out:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return len(out)


def main(data: Path) -> None:
    for src_path, split_path, out_path, halves in ROUNDS:
        if not (ROOT / src_path).exists():
            continue
        n = build(data, src_path, split_path, out_path, halves)
        print(f"{out_path}: {n} articles annotated")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data")
