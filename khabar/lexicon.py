"""Language data files under ``khabar/data``. Code reads them; it never embeds word lists."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).parent / "data"


def data_path(name: str) -> Path:
    """Path of a packaged data file, e.g. ``data_path("ar/months.yaml")``."""
    return DATA_DIR / name


@functools.cache
def load(name: str) -> Any:
    """Load a packaged YAML/JSON/TSV data file once per process."""
    path = data_path(name)
    with path.open(encoding="utf-8") as fh:
        if path.suffix in (".yaml", ".yml"):
            return yaml.safe_load(fh)
        if path.suffix == ".json":
            return json.load(fh)
        if path.suffix == ".tsv":
            return [line.rstrip("\n").split("\t") for line in fh if line.strip() and not line.startswith("#")]
        return fh.read()


@functools.cache
def punct() -> dict[str, Any]:
    """``ar/punctuation.yaml`` as sets: ``comma``, ``semicolon``, ``stop``, ``colon``,
    ``quote_marks``, ``dashes``, ``brackets``; ``clause`` (commas and semicolons), ``boundary``
    (clause, stop or colon); the Arabic forms alone as ``ar_comma`` and ``ar_semicolon``;
    ``word_edges``, ``after_closing_quote`` and ``span_trim`` as strings."""
    p = load("ar/punctuation.yaml")
    out: dict[str, Any] = {k: frozenset(p[k]) for k in ("comma", "semicolon", "stop", "colon", "quote_marks", "dashes", "brackets")}
    out["clause"] = out["comma"] | out["semicolon"]
    out["boundary"] = out["clause"] | out["stop"] | out["colon"]
    out["ar_comma"], out["ar_semicolon"] = p["comma"][0], p["semicolon"][0]
    out["word_edges"] = "".join(p["word_edges"])
    out["after_closing_quote"] = "".join(p["after_closing_quote"])
    out["span_trim"] = "".join(p["span_trim"])
    return out


@functools.cache
def clitics() -> dict[str, Any]:
    """``ar/clitics.yaml`` with the forms rules test against: ``conj`` (و، ف), ``det`` (ال),
    ``conj_det`` (ال with or without a conjunction), ``wa``, ``fa``, ``bi``, ``li``, ``ka``, ``lil``, and the
    letters rules change or test (``det_alef``, ``teh_marbuta``/``teh``, ``nisba``/``nisba_fem``, ``alef_maksura``)."""
    c = load("ar/clitics.yaml")
    conj = tuple(c["proclitics"]["conj"])
    det = c["proclitics"]["det"][0]
    return {"conj": conj, "det": det, "conj_det": (det, *(x + det for x in conj)),
            "wa": c["wa"], "fa": c["fa"], "bi": c["bi"], "li": c["li"], "ka": c["ka"], "lil": c["lil"], "det_alef": c["det_alef"],
            "teh_marbuta": c["teh_marbuta"], "teh": c["teh"], "nisba": c["nisba"], "nisba_fem": c["nisba_fem"],
            "alef_maksura": c["alef_maksura"]}
