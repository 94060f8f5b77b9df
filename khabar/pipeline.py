"""Stages and the pipeline that runs them.

A stage declares a contract (name, version, requires, assigns) and enriches one document in
place. The pipeline checks the contracts before the first document; a stage that raises on a
document is recorded on that document as a coded error and the batch goes on.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from . import registry
from .document import Document, StageError
from .errors import KhabarError, PipelineConfigError
from .settings import Settings

# What exists on a document before any stage runs.
BASE = frozenset({"text", "reference_date", "meta"})


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
        broken: set[str] = set()
        for st in self.stages:
            if broken.intersection(st.requires):
                doc.errors.append(StageError(st.name, "K021", f"skipped: requires {sorted(broken & set(st.requires))} from a failed stage"))
                broken.update(st.assigns)
                continue
            try:
                st(doc)
                doc.stages[st.name] = st.version
            except Exception as exc:  # one bad document is data, not a crash
                code = exc.code if isinstance(exc, KhabarError) else "K020"
                doc.errors.append(StageError(st.name, code, f"{type(exc).__name__}: {exc}"))
                broken.update(st.assigns)
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Run over many documents; ``self.report`` counts documents and errors."""
        t0 = time.perf_counter()
        for doc in docs:
            self(doc)
            self.report.documents += 1
            if doc.errors:
                self.report.failed_documents += 1
                for e in doc.errors:
                    self.report.errors[(e.stage, e.code)] += 1
            self.report.seconds = time.perf_counter() - t0
            yield doc
