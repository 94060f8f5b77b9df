"""Khabar: Arabic news to sourced, structured, searchable facts.

>>> import khabar
>>> doc = khabar.extract("قال وزير الخارجية ...", reference_date="2023-11-05")
>>> doc.to_dict()["sentences"]
"""

from __future__ import annotations

from .document import SCHEMA, Document
from .pipeline import Pipeline, Stage
from .settings import Settings

__version__ = "0.1.0"

_default: Pipeline | None = None


def pipeline() -> Pipeline:
    """The default pipeline, built once per process (stages load their resources lazily)."""
    global _default
    if _default is None:
        _default = Pipeline()
    return _default


def extract(text: str, reference_date=None, meta: dict | None = None) -> Document:
    """Run the default pipeline on one text."""
    doc = Document(text=text, reference_date=reference_date, meta=dict(meta or {}))
    return pipeline()(doc)


__all__ = ["Document", "Pipeline", "Stage", "Settings", "extract", "pipeline", "SCHEMA", "__version__"]
