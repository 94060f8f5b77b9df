"""HTML pages: trafilatura finds the main text and the metadata (title, date, site, author);
the clean stage then marks what boilerplate trafilatura kept (inline «اقرأ أيضاً» labels...)."""

from __future__ import annotations

import gzip

from .base import Failure, Item, ItemError


def read(path: str, *, max_bytes: int = 5_000_000):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as fh:
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield Failure(path, "too large", f"over {max_bytes} bytes")
        return
    yield Item(origin=path, html=data, meta={"path": path})


def extract_main(html: bytes | str, url: str | None = None, max_date: str | None = None) -> tuple[str, dict]:
    """(main text, metadata) of one page; raises ``ItemError("no main text")``."""
    import trafilatura

    # dates only from the page's markup, never guessed from its text; not after the crawl
    params = {"extensive_search": False, "original_date": True}
    if max_date:
        params["max_date"] = max_date[:10]
    try:
        res = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_recall=True, date_extraction_params=params)
    except Exception as exc:
        raise ItemError("html extraction failed") from exc
    if res is None:
        raise ItemError("no main text")
    d = res.as_dict() if hasattr(res, "as_dict") else dict(res)
    text = d.get("text") or ""
    if not text.strip():
        raise ItemError("no main text")
    meta = {}
    for k in ("title", "date", "author", "url", "sitename", "description", "hostname"):
        v = d.get(k)
        if v:
            meta[k] = v
    if "sitename" in meta or "hostname" in meta:
        meta.setdefault("source", meta.get("sitename") or meta.get("hostname"))
    return text, meta
