"""RSS 2.0 and Atom feed files: one article per ``item``/``entry`` (title, link, date, and the
full content when the feed carries it, else the description), HTML markup turned into lines."""

from __future__ import annotations

import email.utils
import gzip
import re
import xml.etree.ElementTree as ET

from .base import Failure, Item, clean_meta

_ATOM = "{http://www.w3.org/2005/Atom}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_DC_DATE = "{http://purl.org/dc/elements/1.1/}date"
_BLOCK = re.compile(r"(?i)<\s*(?:br|/p|/div|/h[1-6]|/li|/blockquote)\s*/?\s*>")


def html_to_text(s: str) -> str:
    """Markup to text lines (block ends become line breaks)."""
    if "<" not in s:
        return s.strip()
    import lxml.html

    s = _BLOCK.sub("\n", s)
    try:
        txt = lxml.html.fromstring(f"<div>{s}</div>").text_content()
    except Exception:
        txt = re.sub(r"<[^>]+>", " ", s)
    lines = [" ".join(x.split()) for x in txt.splitlines()]
    return "\n".join(x for x in lines if x)


def _date(v: str | None) -> str | None:
    if not v:
        return None
    v = v.strip()
    if re.match(r"\d{4}-\d{2}-\d{2}", v):
        return v
    try:
        return email.utils.parsedate_to_datetime(v).isoformat()
    except (TypeError, ValueError):
        return None


def _t(el, tag):
    x = el.find(tag)
    return (x.text or "").strip() if x is not None and x.text else None


def read(path: str, *, max_bytes: int = 5_000_000):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as fh:
        data = fh.read(max_bytes + 1)
    root = ET.fromstring(data)
    channel_title = _t(root.find("channel"), "title") if root.find("channel") is not None else _t(root, f"{_ATOM}title")
    entries = root.iter("item") if root.find(f"{_ATOM}entry") is None else root.iter(f"{_ATOM}entry")
    n = 0
    for i, it in enumerate(entries):
        n += 1
        origin = f"{path}#{i}"
        if it.tag == "item":
            title, link = _t(it, "title"), _t(it, "link")
            date = _date(_t(it, "pubDate") or _t(it, _DC_DATE))
            body = _t(it, _CONTENT) or _t(it, "description") or ""
            author = _t(it, "author")
        else:
            title = _t(it, f"{_ATOM}title")
            ln = it.find(f"{_ATOM}link")
            link = ln.get("href") if ln is not None else None
            date = _date(_t(it, f"{_ATOM}published") or _t(it, f"{_ATOM}updated"))
            body = _t(it, f"{_ATOM}content") or _t(it, f"{_ATOM}summary") or ""
            a = it.find(f"{_ATOM}author")
            author = _t(a, f"{_ATOM}name") if a is not None else None
        text = html_to_text(body)
        if not text:
            yield Failure(origin, "empty text")
            continue
        meta = clean_meta({"title": title, "url": link, "date": date, "author": author, "source": channel_title, "path": path})
        yield Item(origin=origin, text=text, meta=meta)
    if n == 0:
        yield Failure(path, "no feed items")
