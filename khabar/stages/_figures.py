"""A learned second opinion on figures the casualty rules leave out.

The rules of ``claims`` know the casualty words of ``data/ar/casualties.yaml`` in the constructions
they were written for; a figure of people in a phrasing they never saw («أسفر عن سقوط 12 بين قتيل
وجريح» aside) is lost. This model reads the words around a figure (their stems and first letters, so
«قتلوا», «قتيلا» and «القتلى» share evidence) and says which category it counts, or none. It is a
multinomial logistic regression trained by ``scripts/train_figures.py`` on the project's annotated
development set (the opened halves only); its weights are a small JSON file in
``khabar/models/claims/`` with their provenance. ``claims`` asks it only about figures its rules
reject, and keeps its answer only above a threshold the training script chose on held-out rounds.
"""

from __future__ import annotations

import functools
import gzip
import json
import math
from pathlib import Path

from ..lexicon import punct
from ._factwords import Sent, stem_of

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "claims"
MODEL_FILE = MODEL_DIR / "figures.json.gz"
NONE = "none"
_WINDOW = 8
_STOP = punct()["stop"]


def _digits(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


def _near(d: int) -> str:
    return "1" if d <= 1 else "3" if d <= 3 else "far"


def features(s: Sent, ta: int, tb: int, q, text: str, lx: dict) -> list[str]:
    """Feature strings of the figure at tokens ``ta:tb`` of sentence ``s``; ``lx`` is the claims
    lexicon, whose casualty words and nouns of people become features with their distance."""
    words = s.words
    n = len(words)
    f = ["bias"]
    forms = lx["forms"]
    for x in range(ta - 1, max(-1, ta - 1 - _WINDOW), -1):
        if words[x] in _STOP:
            break
        hit = lx["before"].match(words, x) if words[x] in forms else None
        if hit:
            f += [f"Lcat={hit[0]}", f"Lcat{_near(ta - x)}={hit[0]}"]
    for y in range(tb, min(n, tb + _WINDOW)):
        if words[y] in _STOP:
            break
        if words[y] in forms:
            hit = lx["after"].match(words, y)
            if hit:
                f += [f"Rcat={hit[0]}", f"Rcat{_near(y - tb + 1)}={hit[0]}"]
            if y - tb < 2 and (lx["persons"].match(words, y) or lx["groups"].match(words, y)):
                f.append("people+")
    for k in (1, 2, 3):
        x = ta - k
        if x >= 0:
            w = stem_of(words[x])
            f += [f"w-{k}={w}", f"p-{k}={w[:3]}"]
        y = tb + k - 1
        if y < n:
            w = stem_of(words[y])
            f += [f"w+{k}={w}", f"p+{k}={w[:3]}"]
    for x in range(ta - 1, max(-1, ta - 1 - _WINDOW), -1):
        if words[x] in _STOP:
            break
        w = stem_of(words[x])
        f += [f"L={w}", f"Lp={w[:3]}"]
    for y in range(tb, min(n, tb + _WINDOW)):
        if words[y] in _STOP:
            break
        w = stem_of(words[y])
        f += [f"R={w}", f"Rp={w[:3]}"]
    f.append("digits" if _digits(text[q.start : q.end]) else "words")
    if q.bound:
        f.append(f"bound={q.bound}")
    if q.approximate:
        f.append("approx")
    if isinstance(q.value, (int, float)) and q.value >= 1:
        f.append(f"mag={len(str(int(q.value)))}")
    return f


class FigureModel:
    """Weights per feature and label; ``predict`` gives the best label and its probability."""

    def __init__(self, labels: list[str], weights: dict[str, list[float]], threshold: float, meta: dict | None = None):
        self.labels = labels
        self.weights = weights
        self.threshold = threshold
        self.meta = meta or {}

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> FigureModel:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            d = json.load(fh)
        return cls(d["labels"], d["weights"], d["threshold"], d.get("meta"))

    def save(self, path: Path = MODEL_FILE) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        d = {"labels": self.labels, "threshold": self.threshold, "meta": self.meta,
             "weights": {k: [round(x, 5) for x in v] for k, v in sorted(self.weights.items())}}
        with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as fh:
            json.dump(d, fh, ensure_ascii=False, separators=(",", ":"))

    def predict(self, feats: list[str]) -> tuple[str, float]:
        m = len(self.labels)
        score = [0.0] * m
        for ft in feats:
            w = self.weights.get(ft)
            if w is not None:
                for k in range(m):
                    score[k] += w[k]
        top = max(score)
        z = sum(math.exp(x - top) for x in score)
        best = max(range(m), key=score.__getitem__)
        return self.labels[best], 1.0 / z


@functools.cache
def model() -> FigureModel | None:
    return FigureModel.load() if MODEL_FILE.exists() else None
