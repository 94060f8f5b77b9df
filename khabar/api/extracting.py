"""Turn a request body (text or HTML) into an extracted document."""

from __future__ import annotations

import datetime as dt

from ..document import Document
from ..errors import InputTooLarge
from .errors import ApiError


def html_to_text(html: str) -> tuple[str, dict]:
    """Main text and metadata of an HTML page (trafilatura drops navigation, share bars, footers)."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not text or not text.strip():
        raise ApiError(422, "no_text", "no article text found in the HTML")
    meta = {}
    info = trafilatura.extract_metadata(html)
    if info is not None:
        for key in ("title", "url", "date", "sitename"):
            value = getattr(info, key, None)
            if value:
                meta["source" if key == "sitename" else key] = value
    return text, meta


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
