"""WARC / WARC.gz archives (fastwarc): every HTTP response with an HTML body is one page.
Its main text is extracted later, in the workers (``Item.to_document``)."""

from __future__ import annotations

from .base import Failure, Item


def read(path: str, *, max_bytes: int = 5_000_000):
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    with open(path, "rb") as fh:
        for i, rec in enumerate(ArchiveIterator(fh, record_types=WarcRecordType.response, parse_http=True)):
            uri = rec.headers.get("WARC-Target-URI")
            origin = f"{path}#{rec.record_id or i}"
            http = rec.http_headers
            ctype = (http.get("Content-Type") if http is not None else "") or ""
            if http is not None and http.status_code and http.status_code >= 400:
                yield Failure(origin, "http error", str(http.status_code))
                continue
            if "html" not in ctype.lower():
                continue  # images, scripts, feeds: not articles
            body = rec.reader.read()
            if len(body) > max_bytes:
                yield Failure(origin, "too large", f"{len(body)} bytes")
                continue
            meta = {"url": uri, "path": path}
            date = rec.headers.get("WARC-Date")
            if date:
                meta["crawl_date"] = date
            yield Item(origin=origin, html=body, meta=meta)
