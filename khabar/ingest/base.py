"""Items, failures and the dispatch from a path to its reader."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..document import Document, view_content_id
from ..normalise import View


@dataclass(slots=True)
class Item:
    """One article as read: text (or raw HTML still to extract) plus metadata."""

    origin: str  # file path, with ":line" or "#record" inside containers
    text: str | None = None
    html: bytes | str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    reference_date: str | None = None

    def to_document(self) -> Document:
        """The document to run the pipeline on; raises ``ItemError`` with a reason."""
        meta = dict(self.meta)
        text = self.text
        if text is None and self.html is not None:
            from .html import extract_main

            text, extra = extract_main(self.html, url=meta.get("url"), max_date=meta.get("crawl_date"))
            for k, v in extra.items():
                meta.setdefault(k, v)
        if text is None or not text.strip():
            raise ItemError("empty text")
        ref = self.reference_date or _date_of(meta)
        view = View(text)  # built once: the id, the normalise stage and the index all use it
        doc_id = view_content_id(view)
        try:
            doc = Document(text=text, id=doc_id, reference_date=ref, meta=meta)
        except ValueError:
            doc = Document(text=text, id=doc_id, reference_date=None, meta=meta)
        doc._view = view
        return doc


@dataclass(slots=True)
class Failure:
    origin: str
    reason: str  # short and stable: counted by reason in the ingest summary
    detail: str = ""


class ItemError(Exception):
    """An item that yields no article; ``str(exc)`` is the reason."""


def _date_of(meta: dict) -> str | None:
    for k in ("date", "date_extracted", "published", "crawl_date"):
        v = meta.get(k)
        if isinstance(v, str) and len(v) >= 10 and v[4] == "-" and v[7] == "-":
            return v[:10]
    return None


def clean_meta(row: dict) -> dict:
    """Drop empty values (None, "", and the string "None" some corpora carry)."""
    return {k: v for k, v in row.items() if v is not None and v != "" and v != "None"}


@dataclass(frozen=True)
class JsonlFields:
    """Where a JSON Lines record keeps its parts. The defaults read the ANT and SaudiNewsNet
    layouts (``text``, ``title``, ``date`` or else ``date_extracted``, ``source``, ``url``)."""

    text: tuple[str, ...] = ("text", "content", "body", "article")
    title: tuple[str, ...] = ("title", "headline")
    date: tuple[str, ...] = ("date", "published", "date_extracted", "pubDate")
    source: tuple[str, ...] = ("source", "sitename", "outlet")
    url: tuple[str, ...] = ("url", "link")
    html: tuple[str, ...] = ("html",)


FORMATS = ("txt", "jsonl", "html", "warc", "rss")


def detect_format(path: str) -> str | None:
    p = path.lower()
    if p.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".json.gz", ".jsonl.bz2")):
        return "jsonl"
    if p.endswith((".warc", ".warc.gz", ".arc.gz")):
        return "warc"
    if p.endswith((".html", ".htm", ".html.gz", ".xhtml")):
        return "html"
    if p.endswith((".rss", ".atom", ".xml", ".rss.gz", ".xml.gz")):
        return "rss"
    if p.endswith((".txt", ".text", ".txt.gz")):
        return "txt"
    return None


def expand(paths: Iterable[str]) -> Iterator[str]:
    """Files under the given paths (folders walked in sorted order)."""
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs.sort()
                for f in sorted(files):
                    if detect_format(f):
                        yield os.path.join(root, f)
        else:
            yield p


def iter_items(paths: Iterable[str], *, fmt: str | None = None, fields: JsonlFields | None = None,
               max_bytes: int = 5_000_000) -> Iterator[Item | Failure]:
    from . import feed, html, jsonl, text, warc

    readers = {"txt": text.read, "jsonl": jsonl.read, "html": html.read, "warc": warc.read, "rss": feed.read}
    for path in expand(paths):
        kind = fmt or detect_format(path)
        if kind is None:
            yield Failure(path, "unknown format")
            continue
        if not os.path.exists(path):
            yield Failure(path, "not found")
            continue
        try:
            if kind == "jsonl":
                yield from readers[kind](path, fields or JsonlFields())
            else:
                yield from readers[kind](path, max_bytes=max_bytes)
        except Exception as exc:  # a broken file is reported and skipped, never fatal
            yield Failure(path, f"unreadable {kind}", f"{type(exc).__name__}: {exc}")


def count_items(paths: Iterable[str], *, fmt: str | None = None) -> int | None:
    """A cheap total for the progress bar (lines of JSON Lines files, one per other file)."""
    import gzip

    total = 0
    for path in expand(paths):
        kind = fmt or detect_format(path)
        if kind == "jsonl":
            try:
                opener = gzip.open if path.endswith(".gz") else open
                with opener(path, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except Exception:
                total += 1
        elif kind in ("warc", "rss"):
            return None  # records per file unknown without parsing them
        else:
            total += 1
    return total
