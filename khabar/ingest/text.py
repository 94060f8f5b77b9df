"""Plain-text files: one article per file, decoded with ``khabar.decode`` (UTF-8/16, Windows-1256...)."""

from __future__ import annotations

import gzip

from ..decode import decode
from ..errors import KhabarError
from .base import Failure, Item


def read(path: str, *, max_bytes: int = 5_000_000):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as fh:
        data = fh.read(max_bytes + 1)
    try:
        text, _enc = decode(data, max_bytes=max_bytes, name=path)
    except KhabarError as exc:
        yield Failure(path, "too large" if exc.code == "K002" else "undecodable", exc.message)
        return
    yield Item(origin=path, text=text, meta={"path": path})
