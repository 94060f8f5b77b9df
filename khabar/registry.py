"""Every stage, registered in one place under a versioned name.

Entries are import paths so that listing the registry imports nothing heavy; a stage's
resources (models, gazetteers) load on first use, once per process.
"""

from __future__ import annotations

import importlib

# name -> "module:Class". Order here is the default pipeline order.
STAGES: dict[str, str] = {
    "normalise": "khabar.stages.normalise:Normalise",
    "clean": "khabar.stages.clean:Clean",
    "segment": "khabar.stages.segment:Segment",
    "entities": "khabar.stages.entities:Entities",
    "times": "khabar.stages.times:Times",
    "quantities": "khabar.stages.quantities:Quantities",
    "quotes": "khabar.stages.quotes:Quotes",
    "claims": "khabar.stages.claims:Claims",
    "events": "khabar.stages.events:Events",
}

DEFAULT_PIPELINE: tuple[str, ...] = tuple(STAGES)


def register(name: str, target: str, *, default: bool = True) -> None:
    """Add a stage (for plugins and tests). ``target`` is ``"module:Class"``."""
    global DEFAULT_PIPELINE
    STAGES[name] = target
    if default and name not in DEFAULT_PIPELINE:
        DEFAULT_PIPELINE = (*DEFAULT_PIPELINE, name)


def get(name: str):
    """The stage class registered as ``name``."""
    from .errors import PipelineConfigError

    try:
        module, cls = STAGES[name].split(":")
    except KeyError:
        raise PipelineConfigError(f"unknown stage {name!r}; known: {', '.join(STAGES)}") from None
    return getattr(importlib.import_module(module), cls)
