"""The shipped NER tagger: loads the compiled CRF (``fastcrf``), gazetteer and clusters from
``khabar/models/ner`` on first use, once per process. Objects holding it pickle without the native tagger (Spark ships
stages to executors) and reopen it there."""

from __future__ import annotations

import functools
import threading
from pathlib import Path

from . import MODEL_DIR, clusters, conll
from .features import GROUPS, Featurizer
from .gazetteer import GAZ_FILE, Gazetteer
from .fastcrf import WEIGHTS_FILE, CompiledCRF
from .train import MODEL_FILE


class NerTagger:
    def __init__(self, model_dir: Path = MODEL_DIR):
        self.model_dir = Path(model_dir)
        self._tagger = None
        self._feat = None
        self._gaz = None
        self._crf = None
        self._lock = threading.Lock()

    def __getstate__(self):
        return {"model_dir": self.model_dir}

    def __setstate__(self, state):
        self.__init__(state["model_dir"])

    def load(self) -> "NerTagger":
        with self._lock:
            if self._tagger is None:
                gaz = Gazetteer.from_file(self.model_dir / GAZ_FILE)
                cl = clusters.read(self.model_dir / clusters.CLUSTER_FILE)
                import json

                manifest = json.loads((self.model_dir / "MANIFEST.json").read_text(encoding="utf-8"))
                groups = manifest.get("feature_groups") or GROUPS
                vec = clusters.read_vectors(self.model_dir / clusters.VECTOR_FILE) if "vectors" in groups else None
                self._feat = Featurizer(gaz, cl, groups, vectors=vec)
                self._gaz = gaz
                self._crf = CompiledCRF(self.model_dir / WEIGHTS_FILE, self._feat)
                self._tagger = self._crf
        return self

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gaz is None:
            self.load()
        return self._gaz

    @property
    def featurizer(self) -> Featurizer:
        if self._feat is None:
            self.load()
        return self._feat

    def tag(self, words: list[str]) -> list[str]:
        """BIO tags (PER, ORG, LOC, MISC) of one sentence's words."""
        if not words:
            return []
        if self._tagger is None:
            self.load()
        return self._crf.tag(words)

    def tag_many(self, sentences: list[list[str]], matches=None) -> list[list[str]]:
        """Tags of several sentences (a document's), decoded together."""
        if self._tagger is None:
            self.load()
        return self._crf.tag_many(sentences, matches)

    def tag_crfsuite(self, words: list[str]) -> list[str]:
        """The same tags through crfsuite itself (the reference the compiled model must equal)."""
        import pycrfsuite

        if self._tagger is None:
            self.load()
        t = pycrfsuite.Tagger()
        t.open(str(self.model_dir / MODEL_FILE))
        return t.tag(self._feat.sentence(words))

    def spans(self, words: list[str]) -> list[tuple[int, int, str]]:
        return sorted(conll.spans(self.tag(words)))


@functools.cache
def shipped() -> NerTagger:
    return NerTagger().load()
