"""No stage may crash on real text: odd sentence ends and cut-off articles included. A crash is
recorded on the document and its later layers are left empty, so the figures of that article
are lost to the user."""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

import khabar
from khabar.document import Document

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "ant-sample.jsonl.gz"


def _errors(docs):
    return [(d.text[:60], e.stage, e.message) for d in docs for e in d.errors]


def test_a_sentence_ending_in_a_comma_after_a_cue():
    # from a SaudiNewsNet column: «قالت» + a clause whose sentence ends in «،»
    text = "قلت لها ما زال هناك صعوبة في التفريق، قالت نحن نزلنا سوياً للشارع ونكتب بنفس المشاعر والروح والتأثير،"
    doc = khabar.pipeline()(Document(text))
    assert _errors([doc]) == []


def test_articles_cut_anywhere_run_without_stage_errors():
    rnd = random.Random(11)
    with gzip.open(EXAMPLES, "rt", encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh]
    cuts = []
    for text in rnd.sample(texts, 80):
        for _ in range(3):  # cut inside a word, after a comma, before a quote mark: whatever falls
            k = rnd.randrange(1, len(text))
            cuts.append(text[:k])
        cuts.append(text.replace("\n", " "))  # one block, no line ends
    docs = list(khabar.pipeline().pipe(Document(t, reference_date="2023-11-05") for t in cuts))
    assert _errors(docs) == []
