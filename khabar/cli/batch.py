"""``khabar batch FILE.jsonl[.gz]``: run the pipeline over a JSON Lines corpus and summarise."""

from __future__ import annotations

import gzip
import json
import sys
from collections import Counter
from pathlib import Path

from ..document import Document


def register(sub) -> None:
    p = sub.add_parser("batch", help="run the pipeline over JSON Lines articles ({text, date?, ...}) and print a summary")
    p.add_argument("paths", nargs="+", metavar="FILE")
    p.add_argument("--out", default=None, help="write documents as JSON Lines here")
    p.add_argument("--text-field", default="text")
    p.set_defaults(func=run)


def iter_jsonl(path: str, text_field: str = "text"):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            text = row.get(text_field) or ""
            meta = {k: v for k, v in row.items() if k != text_field and v is not None}
            date = (row.get("date") or "")[:10] or None
            yield Document(text=text, reference_date=date, meta=meta)


def run(args) -> int:
    from .. import pipeline

    pipe = pipeline()
    out = None
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        out = open(args.out, "w", encoding="utf-8")
    counts: Counter = Counter()
    kinds: Counter = Counter()
    try:
        for path in args.paths:
            for doc in pipe.pipe(iter_jsonl(path, args.text_field)):
                for layer in ("blocks", "sentences", "tokens", "entities", "times", "quantities", "quotes", "claims", "events"):
                    counts[layer] += len(getattr(doc, layer))
                kinds.update(b.reason or b.kind for b in doc.blocks if b.kind == "boilerplate")
                if out:
                    out.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
    finally:
        if out:
            out.close()
    print(pipe.report.summary())
    print("facts: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    if kinds:
        print("boilerplate blocks: " + ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
    if args.out:
        print(f"documents written to {args.out}")
    return 0 if not pipe.report.failed_documents else 0
