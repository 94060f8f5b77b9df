"""Times side by side: Khabar's ``times`` stage and dateparser's ``search_dates`` (languages=['ar'],
the same reference date as RELATIVE_BASE), on the same inputs, in the same run.

Measures:
1. the seed article's times (tests/golden), and whether counts turn into dates;
2. DATE spans of the Wojood sample, test split (exact and overlapping span P/R/F1);
3. value accuracy on hand-resolved expressions from ANT articles (eval/data/times_gold.jsonl,
   see eval/data/README-times.md), on the held-back ``test`` half (``dev`` shown apart, as tuned);
4. throughput on ANT articles (expressions/s and articles/s), one core.

Writes build/eval/times.md and times.json.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PRE = ("normalise", "clean", "segment")


def _pipe(stages=("times",)):
    from khabar.pipeline import Pipeline

    return Pipeline([*PRE, *stages])


def _dateparser():
    warnings.filterwarnings("ignore")
    from dateparser.search import search_dates

    return search_dates


def dp_spans(search_dates, text: str, ref: dt.date | None):
    """dateparser's finds as (start, end, datetime), located in ``text`` left to right."""
    settings = {"RELATIVE_BASE": dt.datetime(ref.year, ref.month, ref.day)} if ref else {}
    try:
        res = search_dates(text, languages=["ar"], settings=settings) or []
    except Exception:  # a crash counts as finding nothing
        res = []
    out, pos = [], 0
    for sub, when in res:
        i = text.find(sub, pos)
        if i < 0:
            i = text.find(sub)
        if i < 0:
            continue
        out.append((i, i + len(sub), when))
        pos = i + len(sub)
    return out


def _fmt(when, precision: str) -> str:
    d = when.date() if hasattr(when, "date") else when
    return {"day": d.isoformat(), "month": f"{d.year:04d}-{d.month:02d}", "year": f"{d.year:04d}"}[precision]


def _overlap(a, b, c, d) -> int:
    return max(0, min(b, d) - max(a, c))


# 1. seed -----------------------------------------------------------------------------------------
def eval_seed(search_dates) -> dict:
    import khabar
    from khabar.normalise import normalise

    text = (ROOT / "tests/golden/blinken-iraq-2023-11-05.txt").read_text(encoding="utf-8")
    exp = json.loads((ROOT / "tests/golden/blinken-iraq-2023-11-05.expected.json").read_text(encoding="utf-8"))
    ref = dt.date.fromisoformat(exp["reference_date"])
    doc = _pipe(("times", "quantities"))(khabar.Document(text=text, reference_date=ref))
    dps = dp_spans(search_dates, text, ref)
    rows = []
    lines = text.split("\n")
    line_start = [0]
    for ln in lines:
        line_start.append(line_start[-1] + len(ln) + 1)

    def where(want):
        from khabar.normalise import View

        n = normalise(want["text"])
        for i, ln in enumerate(lines, 1):
            if "line" in want and want["line"] != i:
                continue
            v = View(ln)
            j = v.text.find(n)
            if j >= 0:
                a, b = v.to_source(j, j + len(n))
                return line_start[i - 1] + a, line_start[i - 1] + b
        return None

    for want in exp["times"]:
        if want.get("optional"):
            continue
        span = where(want)
        k = next((t for t in doc.times if span and _overlap(t.start, t.end, *span)), None)
        d = next((x for x in dps if span and _overlap(x[0], x[1], *span)), None)
        rows.append({
            "text": want["text"], "expected": want["date"],
            "khabar": k.value if k else None, "khabar_span": text[k.start:k.end] if k else None,
            "dateparser": d[2].date().isoformat() if d else None, "dateparser_span": text[d[0]:d[1]] if d else None,
        })
    counts = [str(c["value"]) for c in exp["claims"]]

    def count_dates(spans):
        return sorted({text[a:b] for a, b in spans if text[a:b].strip().isdigit() and text[a:b].strip() in counts})

    return {
        "rows": rows,
        "khabar_correct": sum(r["khabar"] == r["expected"] for r in rows),
        "dateparser_correct": sum(r["dateparser"] == r["expected"] for r in rows),
        "dateparser_exact_span": sum(r["dateparser"] == r["expected"] and r["dateparser_span"] == r["text"] for r in rows),
        "khabar_exact_span": sum(r["khabar"] == r["expected"] and r["khabar_span"] == r["text"] for r in rows),
        "n": len(rows),
        "khabar_counts_as_dates": count_dates([(t.start, t.end) for t in doc.times]),
        "dateparser_counts_as_dates": count_dates([(a, b) for a, b, _ in dps]),
        "dateparser_all": [(text[a:b], w.isoformat()) for a, b, w in dps],
    }


# 2. Wojood ----------------------------------------------------------------------------------------
def wojood_sentences(path: Path):
    sents, cur = [], []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            if cur:
                sents.append(cur)
            cur = []
            continue
        cur.append(line.split("\t"))
    if cur:
        sents.append(cur)
    out = []
    for toks in sents:
        words = [t[0] for t in toks if t[0] != "$#$"]
        keep = [t for t in toks if t[0] != "$#$"]
        offs, pos = [], 0
        for w in words:
            offs.append((pos, pos + len(w)))
            pos += len(w) + 1
        text = " ".join(words)
        gold = set()
        ncol = max((len(t) for t in keep), default=1)
        for c in range(1, ncol):
            start = None
            for i, t in enumerate(keep + [["", "O"]]):
                tag = t[c] if c < len(t) else "O"
                if start is not None and tag != "I-DATE":
                    gold.add((offs[start][0], offs[i - 1][1]))
                    start = None
                if tag == "B-DATE":
                    start = i
        out.append((text, gold))
    return out


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_spans(gold_sets, pred_sets):
    ex = [0, 0, 0]
    ov = [0, 0, 0]
    for gold, pred in zip(gold_sets, pred_sets):
        ex[0] += len(gold & pred)
        ex[1] += len(pred - gold)
        ex[2] += len(gold - pred)
        used = set()
        for g in gold:
            hit = next((p for p in pred if p not in used and _overlap(*g, *p)), None)
            if hit:
                used.add(hit)
                ov[0] += 1
            else:
                ov[2] += 1
        ov[1] += len(pred - used)
    return {"exact": prf(*ex), "overlap": prf(*ov), "counts": {"tp": ex[0], "fp": ex[1], "fn": ex[2]}}


def eval_wojood(data: Path, search_dates, split="test") -> dict:
    from khabar.document import Document

    sents = wojood_sentences(data / "ner/wojood_sample" / f"{split}.conll")
    pipe = _pipe()
    gold_sets, k_sets, d_sets, misses = [], [], [], []
    for text, gold in sents:
        doc = pipe(Document(text=text))
        k = {(t.start, t.end) for t in doc.times}
        d = {(a, b) for a, b, _ in dp_spans(search_dates, text, None)}
        gold_sets.append(gold)
        k_sets.append(k)
        d_sets.append(d)
        for g in gold - k:
            misses.append(("missed", text[g[0]:g[1]]))
        for p in k - gold:
            misses.append(("extra", text[p[0]:p[1]]))
    return {
        "sentences": len(sents),
        "gold_spans": sum(map(len, gold_sets)),
        "khabar": score_spans(gold_sets, k_sets),
        "dateparser": score_spans(gold_sets, d_sets),
        "khabar_errors": misses,
    }


# 3. value accuracy ---------------------------------------------------------------------------------
def load_articles(data: Path, ids: set[str]) -> dict[str, dict]:
    out = {}
    for rel in ("news/ant_multisource/ant_multisource.jsonl.gz", "news/ant_jawharafm/ant_jawharafm.jsonl.gz"):
        with gzip.open(data / rel, "rt", encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                if d["id"] in ids:
                    out[d["id"]] = d
    return out


def eval_values(data: Path, search_dates) -> dict:
    from khabar.document import Document

    gold = [json.loads(line) for line in (ROOT / "eval/data/times_gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    arts = load_articles(data, {g["id"] for g in gold})
    pipe = _pipe()
    by_article: dict[str, list[dict]] = {}
    for g in gold:
        by_article.setdefault(g["id"], []).append(g)
    res = {"dev": [], "test": []}
    for aid, gs in by_article.items():
        text = arts[aid]["text"]
        ref = dt.date.fromisoformat(gs[0]["reference_date"])
        doc = pipe(Document(text=text, reference_date=ref))
        dps = dp_spans(search_dates, text, ref)
        for g in gs:
            k = max(doc.times, key=lambda t: _overlap(t.start, t.end, g["start"], g["end"]), default=None)
            if k is not None and not _overlap(k.start, k.end, g["start"], g["end"]):
                k = None
            d = max(dps, key=lambda x: _overlap(x[0], x[1], g["start"], g["end"]), default=None)
            if d is not None and not _overlap(d[0], d[1], g["start"], g["end"]):
                d = None
            kv = k.value if k else None
            dv = _fmt(d[2], g["precision"]) if d else None
            res[g["split"]].append({
                "id": aid, "text": g["text"], "gold": g["value"], "reference_date": g["reference_date"],
                "khabar": kv, "khabar_span": text[k.start:k.end] if k else None,
                "dateparser": dv, "dateparser_span": text[d[0]:d[1]] if d else None, "note": g.get("note", ""),
            })
    # later tuned-on sets, resolved blind between tuning rounds (eval/data/README-times.md)
    for rnd in ("dev2", "dev3", "dev4", "dev5"):
        _extra_round(rnd, data, pipe, search_dates, res)
    summary = {}
    for split, rows in res.items():
        n = len(rows)
        summary[split] = {
            "n": n,
            "khabar_accuracy": sum(r["khabar"] == r["gold"] for r in rows) / n if n else 0.0,
            "khabar_found": sum(r["khabar_span"] is not None for r in rows) / n if n else 0.0,
            "dateparser_accuracy": sum(r["dateparser"] == r["gold"] for r in rows) / n if n else 0.0,
            "dateparser_found": sum(r["dateparser_span"] is not None for r in rows) / n if n else 0.0,
        }
    return {"summary": summary, "rows": res}


def _extra_round(rnd: str, data: Path, pipe, search_dates, res: dict) -> None:
    """A later tuning round: triggers resolved blind (eval/data/times_<rnd>_*)."""
    from khabar.document import Document

    sel = [json.loads(line) for line in (ROOT / f"eval/data/times_{rnd}_candidates.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    gold2 = {}
    for line in (ROOT / f"eval/data/times_{rnd}_raw.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            k, v = line.split("\t")[:2]
            gold2[int(k)] = v.strip()
    arts2 = load_articles(data, {c["id"] for c in sel})
    res[rnd] = []
    for c in sel:
        if c["candidate"] not in gold2:
            continue
        text = arts2[c["id"]]["text"]
        ref = dt.date.fromisoformat(c["reference_date"])
        doc = pipe(Document(text=text, reference_date=ref))
        g = {"start": c["trigger_start"], "end": c["trigger_end"], "value": gold2[c["candidate"]]}
        none = g["value"] == "none"  # a count: right when no time holds it
        g["precision"] = "year" if none else {4: "year", 7: "month", 10: "day"}[len(g["value"])]
        k = next((t for t in doc.times if t.start <= g["start"] < t.end), None)
        d = next((x for x in dp_spans(search_dates, text, ref) if x[0] <= g["start"] < x[1]), None)
        kv = (k.value if k else "none") if none else (k.value if k else None)
        dv = ("none" if d is None else _fmt(d[2], g["precision"])) if none else (_fmt(d[2], g["precision"]) if d else None)
        res[rnd].append({
            "id": c["id"], "text": c["trigger"], "gold": g["value"], "reference_date": c["reference_date"],
            "khabar": kv, "khabar_span": text[k.start:k.end] if k else ("" if none else None),
            "dateparser": dv, "dateparser_span": text[d[0]:d[1]] if d else ("" if none else None), "note": "",
        })


# 4. throughput -------------------------------------------------------------------------------------
def eval_speed(data: Path, search_dates, n_articles=200, runs=5) -> dict:
    from khabar.document import Document

    texts = []
    with gzip.open(data / "news/ant_multisource/ant_multisource.jsonl.gz", "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i % 50:
                continue
            d = json.loads(line)
            if d.get("text") and d.get("date"):
                texts.append((d["text"], dt.date.fromisoformat(d["date"][:10])))
            if len(texts) >= n_articles:
                break
    pre = _pipe(())
    docs = [pre(Document(text=t, reference_date=r)) for t, r in texts]
    from khabar.registry import get

    times_stage = get("times")()
    q_stage = get("quantities")()
    k_times, k_all, n_t, n_q = [], [], 0, 0
    for _ in range(runs):
        t0 = time.process_time()
        for doc in docs:
            times_stage(doc)
        k_times.append(time.process_time() - t0)
        t0 = time.process_time()
        for doc in docs:
            times_stage(doc)
            doc.stages["times"] = "1"
            q_stage(doc)
        k_all.append(time.process_time() - t0)
    n_t = sum(len(d.times) for d in docs)
    n_q = sum(len(d.quantities) for d in docs)
    dp_runs, n_dp = [], 0
    dp_n = min(len(texts), 60)  # dateparser is slow: a sub-sample, fewer runs
    for _ in range(3):
        t0 = time.process_time()
        n_dp = 0
        for text, ref in texts[:dp_n]:
            n_dp += len(dp_spans(search_dates, text, ref))
        dp_runs.append(time.process_time() - t0)
    kt, ka, dpt = statistics.median(k_times), statistics.median(k_all), statistics.median(dp_runs)
    return {
        "articles": len(docs), "chars": sum(len(t) for t, _ in texts),
        "khabar_times_articles_per_s": len(docs) / kt, "khabar_times_expr_per_s": n_t / kt,
        "khabar_times_ms_per_article": 1000 * kt / len(docs),
        "khabar_times_quantities_extractions_per_s": (n_t + n_q) / ka,
        "khabar_times_quantities_ms_per_article": 1000 * ka / len(docs),
        "dateparser_articles": dp_n, "dateparser_articles_per_s": dp_n / dpt, "dateparser_expr_per_s": n_dp / dpt,
        "khabar_times_found": n_t, "khabar_quantities_found": n_q, "dateparser_found": n_dp,
    }


def report(seed, woj, woj_dev, values, speed) -> str:
    L = ["# Times: Khabar vs dateparser", "", "Generated by `make eval` (`python eval/run.py times`). dateparser 1.5.0 `search_dates(text, "
         "languages=['ar'], settings={'RELATIVE_BASE': <reference date>})`; Khabar: pipeline normalise, clean, segment, times.", ""]
    L += ["## 1. Seed article (tests/golden)", "", "| expression | expected | Khabar | dateparser (its span) |", "|---|---|---|---|"]
    for r in seed["rows"]:
        L.append(f"| {r['text']} | {r['expected']} | {r['khabar']} | {r['dateparser']} ({r['dateparser_span'] or '-'}) |")
    L += ["", f"Correct values: Khabar {seed['khabar_correct']}/{seed['n']} ({seed['khabar_exact_span']} with the exact span); "
          f"dateparser {seed['dateparser_correct']}/{seed['n']} ({seed['dateparser_exact_span']} with the exact span).", "",
          f"Counts read as dates: Khabar {seed['khabar_counts_as_dates'] or 'none'}; dateparser {seed['dateparser_counts_as_dates'] or 'none'}.",
          "", "All of dateparser's finds on the seed: " + "; ".join(f"«{a}» → {b[:10]}" for a, b in seed["dateparser_all"]), ""]
    L += ["## 2. Wojood sample, DATE spans", ""]
    for name, w in (("test", woj), ("train (tuned on)", woj_dev)):
        L += [f"**{name}**: {w['sentences']} sentences, {w['gold_spans']} gold DATE spans.", "",
              "| system | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 |", "|---|---|---|---|---|---|---|"]
        for sysname in ("khabar", "dateparser"):
            e, o = w[sysname]["exact"], w[sysname]["overlap"]
            L.append(f"| {sysname} | {e[0]:.3f} | {e[1]:.3f} | {e[2]:.3f} | {o[0]:.3f} | {o[1]:.3f} | {o[2]:.3f} |")
        L.append("")
    errs = woj["khabar_errors"]
    L += ["Khabar's span errors on the test split (gold spans missed or extra spans, exact match):", ""]
    L += [f"- {k}: «{t}»" for k, t in errs[:80]]
    L += ["", "## 3. Value accuracy on hand-resolved ANT expressions", "",
          "A system's value counts when its time overlapping the gold span has the gold value at the gold precision "
          "(dateparser always answers a day; it is compared at the gold precision, which favours it).", "",
          "| half | n | Khabar accuracy | Khabar found | dateparser accuracy | dateparser found |", "|---|---|---|---|---|---|"]
    for split in ("test", "dev", "dev2", "dev3", "dev4", "dev5"):
        s = values["summary"][split]
        label = {"test": "test (held back)", "dev": "dev (tuned on)", "dev2": "dev2 (second round, tuned on)",
                 "dev3": "dev3 (third round, tuned on)", "dev4": "dev4 (fourth round, tuned on)",
                 "dev5": "dev5 (four-digit numbers: years and counts, tuned on)"}[split]
        L.append(f"| {label} | {s['n']} | {s['khabar_accuracy']:.3f} | {s['khabar_found']:.3f} | {s['dateparser_accuracy']:.3f} | {s['dateparser_found']:.3f} |")
    L += ["", "Khabar's errors on the held-back half:", ""]
    for r in values["rows"]["test"]:
        if r["khabar"] != r["gold"]:
            L.append(f"- {r['id']} «{r['text']}» (ref {r['reference_date']}): gold {r['gold']}, Khabar {r['khabar']} "
                     f"(span «{r['khabar_span']}»){' — ' + r['note'] if r['note'] else ''}")
    L += ["", "## 4. Throughput (one core)", "",
          f"{speed['articles']} ANT multisource articles ({speed['chars']} characters), already segmented; CPU seconds of this "
          "process (time.process_time, steady when other jobs share the machine), medians of 5 runs "
          "(dateparser: 3 runs on the first "
          f"{speed['dateparser_articles']} articles).", "",
          "| system | articles/s | expressions/s | found |", "|---|---|---|---|",
          f"| Khabar times | {speed['khabar_times_articles_per_s']:.0f} | {speed['khabar_times_expr_per_s']:.0f} | {speed['khabar_times_found']} |",
          f"| Khabar times + quantities | {1000 / speed['khabar_times_quantities_ms_per_article']:.0f} | "
          f"{speed['khabar_times_quantities_extractions_per_s']:.0f} | {speed['khabar_times_found'] + speed['khabar_quantities_found']} |",
          f"| dateparser search_dates | {speed['dateparser_articles_per_s']:.1f} | {speed['dateparser_expr_per_s']:.1f} | {speed['dateparser_found']} (on its sub-sample) |",
          "", f"Khabar times + quantities: {speed['khabar_times_quantities_ms_per_article']:.3f} ms per article.", ""]
    return "\n".join(L)


def main(data_dir: Path, report_dir: Path) -> int:
    search_dates = _dateparser()
    seed = eval_seed(search_dates)
    woj = eval_wojood(data_dir, search_dates, "test")
    woj_dev = eval_wojood(data_dir, search_dates, "train")
    values = eval_values(data_dir, search_dates)
    speed = eval_speed(data_dir, search_dates)
    md = report(seed, woj, woj_dev, values, speed)
    report_dir.mkdir(parents=True, exist_ok=True)
    (report_dir / "times.md").write_text(md, encoding="utf-8")
    (report_dir / "times.json").write_text(
        json.dumps({"seed": seed, "wojood_test": {k: v for k, v in woj.items() if k != "khabar_errors"},
                    "values": values["summary"], "speed": speed}, ensure_ascii=False, indent=1, default=str),
        encoding="utf-8",
    )
    s = values["summary"]["test"]
    print(f"seed: Khabar {seed['khabar_correct']}/{seed['n']}, dateparser {seed['dateparser_correct']}/{seed['n']}")
    print(f"wojood test DATE exact F1: Khabar {woj['khabar']['exact'][2]:.3f}, dateparser {woj['dateparser']['exact'][2]:.3f}; "
          f"overlap F1: Khabar {woj['khabar']['overlap'][2]:.3f}, dateparser {woj['dateparser']['overlap'][2]:.3f}")
    print(f"values (test, n={s['n']}): Khabar {s['khabar_accuracy']:.3f}, dateparser {s['dateparser_accuracy']:.3f}")
    print(f"speed: Khabar times {speed['khabar_times_articles_per_s']:.0f} art/s, dateparser {speed['dateparser_articles_per_s']:.1f} art/s")
    print(f"report: {report_dir / 'times.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(ROOT.parent / "shared" / "data", ROOT / "build" / "eval"))
