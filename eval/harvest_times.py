"""Draw candidate date expressions from the ANT news corpora for hand resolution.

Run once: ``python eval/harvest_times.py`` writes ``build/eval/times_candidates.jsonl`` (article
id, offsets of the trigger, context, reference date from the article's metadata). A person then
fixes each expression's span and value and writes ``eval/data/times_gold.jsonl``; see
``eval/data/README-times.md``. Sampling is seeded and independent of Khabar's word lists.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import random
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
CORPORA = ["news/ant_multisource/ant_multisource.jsonl.gz", "news/ant_jawharafm/ant_jawharafm.jsonl.gz"]
NEWS_CATEGORIES = {"middleEast", "internationalNews", "economy", "localNews", "politic", "society", "sport", "culture", "technology", "diverse"}


def main() -> int:
    trig = yaml.safe_load((ROOT / "eval/data/harvest_triggers.yaml").read_text(encoding="utf-8"))
    words = sorted({w for ws in trig.values() for w in ws}, key=len, reverse=True)
    pat = re.compile(r"(?<!\w)(?:[وفبل]?)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)|\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{2,4}")
    rng = random.Random(20231105)
    out = []
    for rel in CORPORA:
        arts = []
        with gzip.open(DATA / rel, "rt", encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                if d.get("date") and d.get("text") and d.get("category") in NEWS_CATEGORIES:
                    arts.append(d)
        rng.shuffle(arts)
        for d in arts[:400]:
            hits = list(pat.finditer(d["text"]))
            if not hits:
                continue
            for m in rng.sample(hits, min(2, len(hits))):
                a, b = m.span()
                out.append({
                    "id": d["id"], "corpus": rel.split("/")[1], "trigger_start": a, "trigger_end": b,
                    "trigger": m.group(), "reference_date": d["date"][:10],
                    "context": d["text"][max(0, a - 90) : b + 90].replace("\n", " "),
                })
    dest = ROOT / "build/eval/times_candidates.jsonl"
    dest.parent.mkdir(parents=True, exist_ok=True)
    with dest.open("w", encoding="utf-8") as fh:
        for c in out:
            fh.write(json.dumps(c, ensure_ascii=False) + "\n")
    print(f"{len(out)} candidates -> {dest}")
    return 0


def split_of(article_id: str) -> str:
    """dev or test, by a hash of the article id (an article never straddles the two)."""
    return "dev" if hashlib.sha1(article_id.encode()).digest()[0] % 2 == 0 else "test"





def build_gold() -> int:
    """Turn the hand-written ``eval/data/times_gold_raw.tsv`` (candidate number, expression as
    written, value, note) into ``eval/data/times_gold.jsonl`` with offsets into the article."""
    cands = {}
    with (ROOT / "eval/data/times_candidates.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            c = json.loads(line)
            cands[c["candidate"]] = c
    want = {c["id"] for c in cands.values()}
    texts = {}
    for rel in CORPORA:
        with gzip.open(DATA / rel, "rt", encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                if d["id"] in want:
                    texts[d["id"]] = d["text"]
    out, problems = [], []
    for line in (ROOT / "eval/data/times_gold_raw.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        idx, expr, value = int(cols[0]), cols[1], cols[2]
        note = cols[3] if len(cols) > 3 else ""
        c = cands[idx]
        text = texts[c["id"]]
        hits = [m.start() for m in re.finditer(re.escape(expr), text)]
        hits = [h for h in hits if abs(h - c["trigger_start"]) <= 300]
        if not hits:
            problems.append(f"{idx}: «{expr}» not found near the trigger")
            continue
        start = min(hits, key=lambda h: abs(h - c["trigger_start"]))
        precision = {4: "year", 7: "month", 10: "day"}[len(value)]
        out.append({
            "id": c["id"], "corpus": c["corpus"], "start": start, "end": start + len(expr), "text": expr,
            "reference_date": c["reference_date"], "value": value, "precision": precision,
            "note": note, "split": split_of(c["id"]),
        })
    with (ROOT / "eval/data/times_gold.jsonl").open("w", encoding="utf-8") as fh:
        for g in out:
            fh.write(json.dumps(g, ensure_ascii=False) + "\n")
    for p in problems:
        print(p)
    print(f"{len(out)} gold expressions ({sum(g['split'] == 'dev' for g in out)} dev, "
          f"{sum(g['split'] == 'test' for g in out)} test)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(build_gold() if sys.argv[1:] == ["build"] else main())
