"""Turn a request body (text or HTML) into an extracted document."""

from __future__ import annotations

import datetime as dt

from ..document import Document
from ..errors import InputTooLarge
from .errors import ApiError


def html_to_text(html: str) -> tuple[str, dict]:
    """Main text and metadata of an HTML page, as ``khabar ingest`` reads one."""
    from ..ingest.base import ItemError
    from ..ingest.html import extract_main

    try:
        return extract_main(html)
    except ItemError as exc:
        raise ApiError(422, "no_text", f"no article text found in the HTML ({exc})") from None


def build(text: str | None, html: str | None, reference_date: dt.date | None, meta: dict, max_bytes: int) -> Document:
    from .. import pipeline

    if (text is None) == (html is None):
        raise ApiError(422, "invalid_request", "give exactly one of 'text' or 'html'")
    raw = text if text is not None else html
    if len(raw.encode("utf-8")) > max_bytes:
        raise InputTooLarge(f"input of {len(raw.encode('utf-8'))} bytes is over the limit of {max_bytes} (settings.max_input_bytes)")
    found: dict = {}
    if html is not None:
        text, found = html_to_text(html)
    meta = {**found, **{k: v for k, v in meta.items() if v is not None}}
    if reference_date is None and isinstance(meta.get("date"), str) and len(meta["date"]) >= 10:
        try:
            reference_date = dt.date.fromisoformat(meta["date"][:10])
        except ValueError:
            pass
    doc = Document(text=text, reference_date=reference_date, meta=meta)
    return pipeline()(doc)
