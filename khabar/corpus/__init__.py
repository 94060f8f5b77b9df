"""The corpus: a store of articles and their fact layers, full-text search and corpus analyses.

See ``docs/corpus.md``. ``Store`` is the library API (the HTTP API builds on it)."""

from __future__ import annotations

from .store import Store, prepare, snippet

__all__ = ["Store", "prepare", "snippet"]
