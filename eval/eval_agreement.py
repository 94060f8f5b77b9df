"""How far two people agree: the facts development set's measures between two blind annotations of
the same articles.

Round 11's `heldout11` articles were annotated a second time (``eval/data/facts_gold_src11_second.yaml``,
built into ``facts_gold11_second.jsonl``) by two sessions that saw neither the system nor the first
annotation. Scoring the second annotation against the first with exactly the measures of
``eval_facts.py`` (value + category + source for claims, quote found by overlapping content and its
speaker, event type + actor + target, every who matched leniently on form) says how much of the
issue's targets is agreement between careful readers at all, the ceiling the system is measured
under. Articles ``NOT_BLIND`` to the system are left out here as there (some were aligned to an
earlier round's annotation).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "eval"))

from eval_facts import ACC_KEYS, NOT_BLIND, measures, same_who  # noqa: E402

# (first annotation, second annotation, the half they share)
PAIRS = (("eval/data/facts_gold11.jsonl", "eval/data/facts_gold11_second.jsonl", "heldout11"),)


def _who(pred: str | None, gold: str | None) -> bool:
    return not pred if not gold else same_who(pred, gold)


def compare(ref: dict, other: dict, acc: dict) -> None:
    """Score ``other`` as if it were the system's output against ``ref`` as the gold."""
    used = set()
    for gc in ref["claims"]:
        acc["claims_gold"] += 1
        k = next((k for k, c in enumerate(other["claims"]) if k not in used and c["value"] == gc["value"] and c["category"] == gc["category"] and _who(c.get("source"), gc.get("source"))), None)
        if k is not None:
            used.add(k)
            acc["claims_tp"] += 1
    acc["claims_pred"] += len(other["claims"])
    qused = set()
    for gq in ref["quotes"]:
        acc["quotes_gold"] += 1
        a, b = gq["content"]["start"], gq["content"]["end"]
        k = next((k for k, q in enumerate(other["quotes"]) if k not in qused and q["content"]["start"] < b and a < q["content"]["end"]), None)
        if k is None:
            continue
        qused.add(k)
        acc["quotes_found"] += 1
        acc["quotes_speaker_ok"] += _who(other["quotes"][k]["speaker"], gq["speaker"])
    acc["quotes_pred"] += len(other["quotes"])
    eused, tused = set(), set()
    for ge in ref["events"]:
        acc["events_gold"] += 1
        k = next((k for k, e in enumerate(other["events"]) if k not in eused and e["type"] == ge["type"] and _who(e.get("actor"), ge.get("actor")) and _who(e.get("target"), ge.get("target"))), None)
        if k is not None:
            eused.add(k)
            acc["events_tp"] += 1
        k = next((k for k, e in enumerate(other["events"]) if k not in tused and e["type"] == ge["type"]), None)
        if k is not None:
            tused.add(k)
            acc["events_type_tp"] += 1
    acc["events_pred"] += len(other["events"])


def _load(path: Path) -> dict[str, dict]:
    return {g["id"]: g for g in (json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip())}


def agreement(first: Path, second: Path, half: str) -> dict:
    a, b = _load(first), _load(second)
    ids = sorted(i for i in b if i in a and a[i]["split"] == half and i not in NOT_BLIND)
    out = {"articles": len(ids)}
    for name, (ref, other) in {"second_vs_first": (a, b), "first_vs_second": (b, a)}.items():
        acc = dict.fromkeys(ACC_KEYS, 0)
        for i in ids:
            compare(ref[i], other[i], acc)
        out[name] = measures(acc)
    return out


def main(data_dir: Path | None = None, report_dir: Path | None = None) -> int:
    report = {}
    for first, second, half in PAIRS:
        if not (ROOT / second).exists():
            continue
        r = report[half] = agreement(ROOT / first, ROOT / second, half)
        m = r["second_vs_first"]
        print(
            f"agreement {half} ({r['articles']} articles, second annotation scored against the first): "
            f"claims exact F1 {m['claims_exact']['f1']}; quote speaker accuracy {m['quote_speaker_accuracy']} "
            f"({m['quote_speaker_accuracy_on_found']} on those found; the other way {r['first_vs_second']['quote_speaker_accuracy']}); "
            f"events F1 {m['events_type_actor_target']['f1']} (type alone {m['events_type']['f1']})"
        )
    if report_dir is not None:
        (report_dir / "agreement.json").write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
        lines = ["# Agreement between two blind annotations", "", "| half | articles | claims exact F1 | quote speaker accuracy (on found) | events type+actor+target F1 (type alone) |", "|---|---|---|---|---|"]
        for half, r in report.items():
            m = r["second_vs_first"]
            lines.append(f"| {half} | {r['articles']} | {m['claims_exact']['f1']} | {m['quote_speaker_accuracy']} ({m['quote_speaker_accuracy_on_found']}) | {m['events_type_actor_target']['f1']} ({m['events_type']['f1']}) |")
        (report_dir / "agreement.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(None, ROOT / "build" / "eval"))
