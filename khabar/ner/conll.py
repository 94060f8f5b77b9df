"""CoNLL files and exact-span scoring (the conlleval definition: a span counts when its type
and both boundaries match)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..lexicon import clitics

# coarse types of the corpora's tag sets
_COARSE = {"PERS": "PER", "PER": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC", "MIS": "MISC"}


def read(path: Path, mapper=None) -> list[tuple[list[str], list[str]]]:
    """Sentences as (words, BIO tags). ``mapper`` turns a corpus type into a coarse one (or None
    for O)."""
    sents, words, tags = [], [], []
    for line in Path(path).open(encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip():
            if words:
                sents.append((words, tags))
            words, tags = [], []
            continue
        parts = line.split("\t")
        if len(parts) < 2:
            parts = line.split(" ")
        w, t = parts[0].replace("\u200f", "").replace("\u200e", ""), parts[1].strip()
        if not w:
            continue
        words.append(w)
        tags.append(coarse_tag(t, mapper))
    if words:
        sents.append((words, tags))
    return sents


def coarse_tag(tag: str, mapper=None) -> str:
    if tag in ("O", "") or "-" not in tag:
        return "O"
    bio, _, typ = tag.partition("-")
    typ = typ.lstrip("-")
    if bio not in ("B", "I"):
        return "O"
    c = mapper(typ) if mapper else _COARSE.get(typ)
    if c is None and typ.startswith("MIS"):
        c = "MISC"
    return f"{bio}-{c}" if c else "O"


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """Spans of a BIO sequence; an I- without a matching opener starts a span (conlleval)."""
    out = set()
    start, typ = None, None
    for i, t in enumerate(tags):
        if t == "O":  # most tags: close an open span, open none
            if start is not None:
                out.add((start, i, typ))
                start = None
            continue
        bio, _, ty = t.partition("-")
        if start is not None and (bio != "I" or ty != typ):
            out.add((start, i, typ))
            start = None
        if bio == "B" or (bio == "I" and start is None):
            start, typ = i, ty
    if start is not None:
        out.add((start, len(tags), typ))
    return out


def score(gold: list[list[str]], pred: list[list[str]]) -> dict:
    tp, fp, fn = Counter(), Counter(), Counter()
    for g, p in zip(gold, pred, strict=True):
        gs, ps = spans(g), spans(p)
        for s in ps & gs:
            tp[s[2]] += 1
        for s in ps - gs:
            fp[s[2]] += 1
        for s in gs - ps:
            fn[s[2]] += 1

    def prf(a, b, c):
        p = a / (a + b) if a + b else 0.0
        r = a / (a + c) if a + c else 0.0
        return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "support": a + c}

    out = {t: prf(tp[t], fp[t], fn[t]) for t in sorted(set(tp) | set(fp) | set(fn))}
    out["micro"] = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return out


# FANE fine classes -> coarse ANERcorp types (ACE-style taxonomy of Alotaibi & Lee 2014;
# «Group» (groups of people) has no ANERcorp counterpart)
FANE_COARSE = {
    **dict.fromkeys(["Politician", "Athlete", "Artist", "Other_PER", "Religious_PER", "Scientist", "Businessperson",
                     "Lawyer", "Engineer", "Police"], "PER"),
    **dict.fromkeys(["Government", "Non-Governmental", "Media", "Sports", "Commercial", "Educational", "Religious_ORG",
                     "Medical-Science", "Entertainment"], "ORG"),
    **dict.fromkeys(["Nation", "Population-Center", "State-or-Province", "GPE-Cluster", "Continent", "Water-Body", "Land",
                     "County-or-District", "Land-Region-Natural", "Path", "Celestial", "Building-Grounds", "Airport",
                     "Subarea-Facility"], "LOC"),
    **dict.fromkeys(["Book", "Movie", "Software", "Hardware", "Air", "Projectile", "Shooting", "Food", "Drug", "Plant", "Water",
                     "Sound", "Blunt", "Sharp", "Exploding", "Nuclear", "Chemical", "Biological", "Land-Vehicle", "Subarea-Vehicle",
                     "Spacecraft", "Water-Vehicle", "Nuclear"], "MISC"),
}


def join_clitics(words: list[str], tags: list[str]) -> tuple[list[str], list[str]]:
    """Re-attach clitics split off as tokens (FANE corpora) so the text looks like news as
    written: a lone conjunction or preposition joins the next word, a lone pronoun the previous
    one (a teh marbuta before it opens to teh)."""
    from ..lexicon import load

    ner = load("ar/ner.yaml")
    _PROCLITICS, _ENCLITICS = set(ner["fane_proclitics"]), set(ner["fane_enclitics"])
    out_w: list[str] = []
    out_t: list[str] = []
    pending, ptag = "", None
    for w, t in zip(words, tags):
        if w in _PROCLITICS and t == "O":
            pending += w
            continue
        if w in _ENCLITICS and t == "O" and out_w and not pending and out_w[-1][-1:].isalpha():
            prev = out_w[-1]
            c = clitics()
            out_w[-1] = (prev[:-1] + c["teh"] if prev.endswith(c["teh_marbuta"]) else prev) + w
            continue
        if pending:
            if pending.endswith(clitics()["li"]) and w.startswith(clitics()["det"]):
                w = pending + w[1:]  # li + al- is written lil-
            else:
                w = pending + w
            pending = ""
        out_w.append(w)
        out_t.append(t)
    if pending:
        out_w.append(pending)
        out_t.append("O")
    return out_w, out_t


def read_fane(path: Path, join: bool = True) -> list[tuple[list[str], list[str]]]:
    sents = read(path, mapper=lambda t: FANE_COARSE.get(t))
    return [join_clitics(w, t) if join else (w, t) for w, t in sents]
