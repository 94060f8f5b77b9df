"""Stages and the pipeline that runs them.

A stage declares a contract (name, version, requires, assigns) and enriches one document in
place. The pipeline checks the contracts before the first document; a stage that raises on a
document is recorded on that document as a coded error and the batch goes on.
"""

from __future__ import annotations

import gc
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice

from . import registry
from .document import Document, StageError
from .errors import KhabarError, PipelineConfigError
from .settings import Settings

# What exists on a document before any stage runs.
BASE = frozenset({"text", "reference_date", "meta"})


@contextmanager
def collector_paused():
    """Pause Python's cycle collector for a batch.

    The stages make no reference cycles (a test checks), so reference counting frees all a
    batch allocates; the collector would only walk the young tokens and spans again and again,
    about a fifth of the pipeline's time. A cycle a plugin stage makes is still collected once
    the batch is over.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


class Stage:
    """Base of all stages. Subclasses set the contract and implement ``__call__``."""

    name: str = ""
    version: str = "1"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings()

    def __call__(self, doc: Document) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<stage {self.name} v{self.version}>"


@dataclass
class BatchReport:
    documents: int = 0
    failed_documents: int = 0
    errors: Counter = field(default_factory=Counter)  # (stage, code) -> count
    seconds: float = 0.0

    def summary(self) -> str:
        rate = self.documents / self.seconds if self.seconds else 0.0
        lines = [f"{self.documents} documents in {self.seconds:.2f}s ({rate:.1f}/s), {self.failed_documents} with errors"]
        for (stage, code), n in sorted(self.errors.items()):
            lines.append(f"  {stage} [{code}]: {n}")
        return "\n".join(lines)


class Pipeline:
    """An ordered list of stages, checked once, run per document."""

    def __init__(self, stages: Iterable[str | Stage] | None = None, settings: Settings | None = None):
        self.settings = settings or Settings()
        names = registry.DEFAULT_PIPELINE if stages is None else stages
        self.stages: list[Stage] = [s if isinstance(s, Stage) else registry.get(s)(self.settings) for s in names]
        self.check()
        self.report = BatchReport()

    def check(self) -> None:
        have = set(BASE)
        seen = set()
        for st in self.stages:
            if not st.name:
                raise PipelineConfigError(f"{st!r} has no name")
            if st.name in seen:
                raise PipelineConfigError(f"stage {st.name!r} appears twice")
            seen.add(st.name)
            missing = [r for r in st.requires if r not in have]
            if missing:
                raise PipelineConfigError(
                    f"stage {st.name!r} requires {missing} but no earlier stage assigns it "
                    f"(order: {[s.name for s in self.stages]})"
                )
            have.update(st.assigns)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def __call__(self, doc: Document) -> Document:
        return self.run_many([doc])[0]

    def run_many(self, docs: list[Document]) -> list[Document]:
        """Run a batch stage by stage. A stage with a ``prepare_batch(docs)`` hook first does the
        work its documents can share (the NER decoder runs once over all their sentences);
        each document is then enriched and its errors recorded exactly as by ``__call__``, so
        the results equal running the documents one at a time."""
        with collector_paused():
            return self._run_many(docs)

    def _run_many(self, docs: list[Document]) -> list[Document]:
        broken: list[set[str]] = [set() for _ in docs]
        for st in self.stages:
            ready = []
            for doc, br in zip(docs, broken):
                if br.intersection(st.requires):
                    doc.errors.append(StageError(st.name, "K021", f"skipped: requires {sorted(br & set(st.requires))} from a failed stage"))
                    br.update(st.assigns)
                else:
                    ready.append((doc, br))
            hook = getattr(st, "prepare_batch", None)
            if hook is not None and len(ready) > 1:
                try:
                    hook([doc for doc, _ in ready])
                except Exception:  # the shared step failed: each document does its own work below
                    pass
            for doc, br in ready:
                try:
                    st(doc)
                    doc.stages[st.name] = st.version
                except Exception as exc:
                    code = exc.code if isinstance(exc, KhabarError) else "K020"
                    doc.errors.append(StageError(st.name, code, f"{type(exc).__name__}: {exc}"))
                    br.update(st.assigns)
        return docs

    def pipe(self, docs: Iterable[Document], batch_size: int = 16) -> Iterator[Document]:
        """Run over many documents, ``batch_size`` at a time (``run_many``); ``self.report``
        counts documents and errors."""
        t0 = time.perf_counter()
        it = iter(docs)
        while True:
            batch = list(islice(it, max(1, batch_size)))
            if not batch:
                return
            for doc in self.run_many(batch):
                self.report.documents += 1
                if doc.errors:
                    self.report.failed_documents += 1
                    for e in doc.errors:
                        self.report.errors[(e.stage, e.code)] += 1
                self.report.seconds = time.perf_counter() - t0
                yield doc
