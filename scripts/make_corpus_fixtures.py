"""Build the small corpus fixtures in tests/fixtures/corpus/ from examples/ant-sample.jsonl.gz
(ANT Corpus, Apache-2.0). Run once; the outputs are committed."""

from __future__ import annotations

import gzip
import json
import html as htmllib
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "corpus"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with gzip.open(ROOT / "examples" / "ant-sample.jsonl.gz", "rt", encoding="utf-8") as fh:
        rows = [json.loads(x) for x in fh]
    rows = [r for r in rows if 400 < len(r["text"]) < 2500]
    art = rows[:12]
    # txt: one article per file
    (OUT / "article.txt").write_text(art[0]["text"], encoding="utf-8")
    # jsonl.gz in the ANT layout: 5 articles, one exact repeat, one with empty text, one broken line
    lines = [json.dumps(r, ensure_ascii=False) for r in art[1:6]]
    lines.append(json.dumps(art[1], ensure_ascii=False))  # exact duplicate
    lines.append(json.dumps({**art[6], "text": ""}, ensure_ascii=False))  # empty text
    lines.append('{"id": "broken", "text": "unterminated')
    with gzip.open(OUT / "ant.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    # SaudiNewsNet layout: date null, date_extracted set, author "None"
    snn = {"id": "saudinewsnet-x-0", "source": "sabq", "url": art[7]["url"], "date": None,
           "date_extracted": "2015-07-21 02:51:32", "title": art[7]["title"], "category": None, "author": "None",
           "text": art[7]["text"], "origin_path": "dataset/x.zip:x.json[0]"}
    with gzip.open(OUT / "snn.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps(snn, ensure_ascii=False) + "\n")
    # HTML page: navigation, the article, a related-links block, footer
    a = art[8]
    paras = "".join(f"<p>{p}</p>" for p in a["text"].split("\n") if p.strip())
    html = (
        '<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">'
        f'<title>{htmllib.escape(a["title"])}</title><meta property="og:title" content="{htmllib.escape(a["title"])}">'
        '<meta property="article:published_time" content="2018-04-06T14:48:31+00:00"></head><body>'
        '<nav><a href="/">الرئيسية</a> | <a href="/world">العالم</a> | <a href="/sport">رياضة</a></nav>'
        f'<article><h1>{a["title"]}</h1>{paras}</article>'
        '<aside><h3>اقرأ أيضاً</h3><ul><li><a href="/x">خبر آخر لا علاقة له</a></li></ul></aside>'
        '<footer>جميع الحقوق محفوظة © 2018</footer></body></html>'
    )
    (OUT / "page.html").write_text(html, encoding="utf-8")
    # WARC.gz: warcinfo, two HTML responses, one image, one 404
    recs = [_warc("warcinfo", None, b"software: hand-written fixture\r\n", "application/warc-fields")]
    for r in art[9:11]:
        body = "".join(f"<p>{p}</p>" for p in r["text"].split("\n") if p.strip())
        page = f'<html><head><meta charset="utf-8"><title>{r["title"]}</title></head><body><article><h1>{r["title"]}</h1>{body}</article></body></html>'
        recs.append(_warc("response", r["url"], _http(200, "text/html; charset=utf-8", page.encode("utf-8"))))
    recs.append(_warc("response", "http://example.com/logo.png", _http(200, "image/png", b"\x89PNG\r\n\x1a\n")))
    recs.append(_warc("response", "http://example.com/gone", _http(404, "text/html", b"<html>not found</html>")))
    with open(OUT / "crawl.warc.gz", "wb") as fh:
        for rec in recs:
            fh.write(gzip.compress(rec))
    # RSS 2.0 with content:encoded, and Atom
    r = art[11]
    body = "".join(f"<p>{p}</p>" for p in r["text"].split("\n") if p.strip())
    rss = (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        '<channel><title>موجز الأخبار</title><link>http://example.com</link>'
        f'<item><title>{r["title"]}</title><link>{r["url"]}</link><pubDate>Fri, 06 Apr 2018 14:48:31 GMT</pubDate>'
        f'<description>{_esc(r.get("abstract") or "")}</description><content:encoded><![CDATA[{body}]]></content:encoded></item>'
        '<item><title>بلا نص</title><link>http://example.com/empty</link><description></description></item>'
        '</channel></rss>'
    )
    (OUT / "feed.rss").write_text(rss, encoding="utf-8")
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>موجز</title>'
        f'<entry><title>{art[2]["title"]}</title><link href="{art[2]["url"]}"/><published>2018-04-07T10:00:00Z</published>'
        f'<content type="html">{_esc(art[2]["text"])}</content></entry></feed>'
    )
    (OUT / "feed.atom").write_text(atom, encoding="utf-8")
    # broken files: a truncated gzip and a file that is not a WARC
    data = gzip.compress(("\n".join(lines[:3]) + "\n").encode("utf-8"))
    (OUT / "broken").mkdir(exist_ok=True)
    (OUT / "broken" / "truncated.jsonl.gz").write_bytes(data[: len(data) // 2])
    (OUT / "broken" / "notes.warc").write_bytes(b"this is not a warc file\n")
    print("fixtures written to", OUT)


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _http(status: int, ctype: str, body: bytes) -> bytes:
    reason = {200: "OK", 404: "Not Found"}[status]
    return f"HTTP/1.1 {status} {reason}\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body


def _warc(kind: str, uri: str | None, payload: bytes, ctype: str = "application/http; msgtype=response") -> bytes:
    head = [
        "WARC/1.0", f"WARC-Type: {kind}", f"WARC-Record-ID: <urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, (uri or kind) + str(len(payload)))}>",
        "WARC-Date: 2018-04-06T15:00:00Z", f"Content-Type: {ctype}", f"Content-Length: {len(payload)}",
    ]
    if uri:
        head.insert(3, f"WARC-Target-URI: {uri}")
    return ("\r\n".join(head) + "\r\n\r\n").encode() + payload + b"\r\n\r\n"


if __name__ == "__main__":
    main()
