"""Field-by-field comparison of a document against an analyst's expected extraction.

Each ``check_<layer>`` returns a list of readable problems (empty means the layer matches).
Surface strings compare on the normalised view (alef forms, ya, teh marbuta folded), so
«الإسرائيلي» and «الاسرائيلي» are the same evidence.
"""

from __future__ import annotations

from khabar.normalise import normalise


def n(s: str | None) -> str:
    return " ".join(normalise(s or "").split())


def line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def lines_of_kind(doc, kinds, reasons=None):
    out = set()
    for b in doc["blocks"]:
        if b["kind"] in kinds and (reasons is None or b.get("reason") in reasons):
            out.add(line_of(doc["text"], b["start"]))
    return out


def ref_text(doc, ref) -> str | None:
    """The surface of a <ref>: an entity's canonical name, or a span's text."""
    if ref is None or ref == "article":
        return ref
    if isinstance(ref, str):
        for e in doc["entities"]:
            if e["id"] == ref:
                return e["canonical"]
        return f"<unknown entity {ref}>"
    if isinstance(ref, dict):
        return ref.get("text") or doc["text"][ref["start"] : ref["end"]]
    return str(ref)


def ref_matches(doc, ref, expected: str | None) -> bool:
    if expected is None:
        return ref in (None, "article")
    got = ref_text(doc, ref)
    if got is None or got == "article":
        return False
    if n(got) == n(expected):
        return True
    # an entity ref also matches any of its mentions' surfaces (الضفة الغربية ~ الضفة)
    if isinstance(ref, str):
        for e in doc["entities"]:
            if e["id"] == ref:
                return any(n(doc["text"][m["start"] : m["end"]]) == n(expected) for m in e["mentions"])
    return False


def check_structure(doc, exp) -> list[str]:
    s = exp["structure"]
    probs = []
    got_bp = lines_of_kind(doc, {"boilerplate"})
    if got_bp != set(s["boilerplate_lines"]):
        probs.append(f"boilerplate lines: expected {sorted(s['boilerplate_lines'])}, got {sorted(got_bp)}")
    got_h = lines_of_kind(doc, {"heading"})
    if got_h != set(s["heading_lines"]):
        probs.append(f"heading lines: expected {sorted(s['heading_lines'])}, got {sorted(got_h)}")
    got_p = lines_of_kind(doc, {"paragraph"})
    if got_p != set(s["body_lines"]):
        probs.append(f"body (paragraph) lines: expected {sorted(s['body_lines'])}, got {sorted(got_p)}")
    return probs


def check_entities(doc, exp) -> list[str]:
    probs = []
    text = doc["text"]
    for want in exp["entities"]:
        cands = [e for e in doc["entities"] if n(e["canonical"]) == n(want["canonical"])]
        if not cands:
            probs.append(f"entity missing: {want['canonical']} ({want['type']})")
            continue
        e = cands[0]
        if e["type"] != want["type"]:
            probs.append(f"entity {want['canonical']}: type {e['type']}, expected {want['type']}")
        surfaces = {n(text[m["start"] : m["end"]]) for m in e["mentions"]}
        for m in want["mentions"]:
            # a clitic-attached mention (للعراق) counts for its bare form when the span covers the word
            if n(m) not in surfaces and not any(s.endswith(n(m)) for s in surfaces):
                probs.append(f"entity {want['canonical']}: mention «{m}» missing (got {sorted(surfaces)})")
        for t in want.get("titles", []):
            if n(t) not in {n(x) for x in e.get("titles", [])}:
                probs.append(f"entity {want['canonical']}: title «{t}» missing (got {e.get('titles')})")
        if len(e["mentions"]) < want.get("min_mentions", 1):
            probs.append(f"entity {want['canonical']}: {len(e['mentions'])} mentions, expected >= {want['min_mentions']}")
    return probs


def check_times(doc, exp) -> list[str]:
    probs = []
    text = doc["text"]
    for want in exp["times"]:
        hits = [
            t
            for t in doc["times"]
            if n(text[t["start"] : t["end"]]) == n(want["text"])
            and ("line" not in want or line_of(text, t["start"]) == want["line"])
        ]
        if not hits:
            if not want.get("optional"):
                probs.append(f"time «{want['text']}» (line {want.get('line', '?')}) not found")
        elif hits[0]["value"] != want["date"]:
            probs.append(f"time «{want['text']}»: value {hits[0]['value']}, expected {want['date']}")
    return probs


def check_quantities(doc, exp) -> list[str]:
    probs = []
    got = [(q.get("value"), q.get("bound"), bool(q.get("approximate"))) for q in doc["quantities"]]
    for c in exp["claims"]:
        key = (c["value"], c.get("bound"), bool(c.get("approximate")))
        if key not in got:
            probs.append(f"quantity {key} («{c['text']}») not found")
    return probs


def check_quotes(doc, exp) -> list[str]:
    probs = []
    text = doc["text"]
    for want in exp["quotes"]:
        hits = [
            q
            for q in doc["quotes"]
            if n(want["content_contains"]) in n(text[q["content"]["start"] : q["content"]["end"]])
            and ("line" not in want or line_of(text, q["content"]["start"]) == want["line"])
        ]
        label = f"quote «{want['content_contains'][:40]}…»"
        if not hits:
            if not want.get("optional"):
                probs.append(f"{label} not found")
            continue
        q = hits[0]
        if q["kind"] != want["kind"]:
            probs.append(f"{label}: kind {q['kind']}, expected {want['kind']}")
        if not ref_matches(doc, q["speaker"], want["speaker"]):
            probs.append(f"{label}: speaker {ref_text(doc, q['speaker'])!r}, expected {want['speaker']!r}")
        if "cue" in want:
            cue = text[q["cue"]["start"] : q["cue"]["end"]] if q.get("cue") else None
            if cue is None or n(want["cue"]) not in n(cue):
                probs.append(f"{label}: cue {cue!r}, expected {want['cue']!r}")
    for bad in exp.get("not_quotes", []):
        for q in doc["quotes"]:
            if n(text[q["content"]["start"] : q["content"]["end"]]).strip() == n(bad["text"]):
                probs.append(f"«{bad['text']}» is reported as a quote; it is not speech")
    return probs


def check_claims(doc, exp) -> list[str]:
    probs = []
    text = doc["text"]
    for want in exp["claims"]:
        label = f"claim {want['value']} {want['category']} («{want['text']}»)"
        hits = [
            c
            for c in doc["claims"]
            if c["value"] == want["value"]
            and c["category"] == want["category"]
            and (want.get("line") is None or line_of(text, c["evidence"]["start"]) == want["line"])
        ]
        if not hits:
            probs.append(f"{label} not found")
            continue
        # several claims may share value and category (9770 twice): take the one matching the source
        best = next((c for c in hits if ref_matches(doc, c["source"], want["source"])), hits[0])
        if best.get("bound") != want.get("bound"):
            probs.append(f"{label}: bound {best.get('bound')}, expected {want.get('bound')}")
        if bool(best.get("approximate")) != bool(want.get("approximate")):
            probs.append(f"{label}: approximate {best.get('approximate')}, expected {bool(want.get('approximate'))}")
        if not ref_matches(doc, best["source"], want["source"]):
            probs.append(f"{label}: source {ref_text(doc, best['source'])!r}, expected {want['source'] or 'article'!r}")
        if "where" in want and not ref_matches(doc, best.get("where"), want["where"]):
            probs.append(f"{label}: where {ref_text(doc, best.get('where'))!r}, expected {want['where']!r}")
    return probs


def check_events(doc, exp) -> list[str]:
    probs = []
    for want in exp["events_plover"]:
        if want.get("optional"):
            continue
        label = f"event {want['type']}/{want.get('mode')} {want['actor']} -> {want.get('target')}"
        hits = [
            e
            for e in doc["events"]
            if e["type"] == want["type"]
            and ("mode" not in want or e.get("mode") == want["mode"])
            and ref_matches(doc, e.get("actor"), want["actor"])
            and ("target" not in want or ref_matches(doc, e.get("target"), want["target"]))
        ]
        if not hits:
            probs.append(f"{label} not found")
            continue
        e = hits[0]
        if "when" in want and e.get("when") != want["when"]:
            probs.append(f"{label}: when {e.get('when')}, expected {want['when']}")
        if "where" in want and not ref_matches(doc, e.get("where"), want["where"]):
            probs.append(f"{label}: where {ref_text(doc, e.get('where'))!r}, expected {want['where']!r}")
    return probs


CHECKS = {
    "structure": check_structure,
    "entities": check_entities,
    "times": check_times,
    "quantities": check_quantities,
    "quotes": check_quotes,
    "claims": check_claims,
    "events": check_events,
}
