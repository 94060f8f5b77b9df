"""Arabic named-entity recognition: a CRF tagger over clitic-aware word features, gazetteers
compiled from public name lists, and word clusters learned from unlabelled news.

Modules: ``words`` (per-word normal forms), ``gazetteer`` (compile + match), ``clusters``
(learn + load), ``features``, ``train``, ``tagger`` (load the shipped model, tag sentences).
"""

from pathlib import Path

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "ner"
TYPES = ("PER", "ORG", "LOC", "MISC")
