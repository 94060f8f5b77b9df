"""Server-side rendering of the reader: span segmentation, escaping, charts."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.api import ApiConfig, create_app
from khabar.web.chart import line_chart
from khabar.web.highlight import Ann, reading, segments
from khabar.api.routes import split_marks as marks
from khabar.web.views import safe_url
from web_fixtures import PAYLOADS, build_store, reader_document


@st.composite
def text_and_spans(draw):
    text = draw(st.text(alphabet="ابت ثج\n<>&\"'", min_size=0, max_size=60))
    n = len(text)
    spans = draw(st.lists(st.tuples(st.integers(-2, n + 2), st.integers(-2, n + 2)), max_size=12))
    return text, [Ann(a, b, "entity", f"f{i}", (f"c{i % 3}",), f"tip{i}") for i, (a, b) in enumerate(spans)]


@settings(max_examples=300, deadline=None)
@given(text_and_spans())
def test_web_segments_cover_text_and_carry_covering_facts(case):
    text, anns = case
    segs = segments(text, anns)
    assert "".join(s.text for s in segs) == text
    valid = [a for a in anns if 0 <= a.start < a.end <= len(text)]
    pos, anchored = 0, []
    for s in segs:
        assert s.text  # no empty segments
        start, end = pos, pos + len(s.text)
        expected = {a.fact for a in valid if a.start <= start and end <= a.end}
        assert set(s.facts) == expected
        # a segment never straddles a span boundary
        assert not any(start < a.start < end or start < a.end < end for a in valid)
        anchored.extend(s.anchors)
        pos = end
    assert sorted(anchored) == sorted({a.fact for a in valid})


def test_web_reading_of_hand_made_document():
    d = reader_document()
    view = reading(d, entity_link=lambda e: f"/entities/{e['id']}")
    p = view["panel"]
    assert [len(p[k]) for k in ("entities", "times", "quotes", "figures", "events")] == [5, 2, 1, 1, 1]
    fig = p["figures"][0]
    assert fig["label"] == "9,770" and fig["source"] == d["entities"][2]["canonical"] and fig["where"] == d["entities"][3]["canonical"]
    assert p["quotes"][0]["speaker"] == d["entities"][0]["canonical"] and p["quotes"][0]["speaker_link"] == "/entities/E1"
    assert p["events"][0]["actor"] == d["entities"][0]["canonical"] and p["events"][0]["target"] == d["entities"][4]["canonical"]
    t1 = [s for s in view["segments"] if "t1" in s.facts]
    assert "".join(s.text for s in t1) == d["text"][d["times"][1]["start"] : d["times"][1]["end"]] and "2023-10-07" in t1[0].tip


def test_web_reading_tolerates_broken_records():
    d = {"text": "abc", "entities": [{"id": "E1", "type": "PER", "mentions": [{"start": 2, "end": 99}]}, "junk"], "times": [{"start": 0}], "claims": [{"evidence": None}]}
    view = reading(d)
    assert "".join(s.text for s in view["segments"]) == "abc" and not any(s.marked for s in view["segments"])


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = tmp_path_factory.mktemp("web") / "k.db"
    ids = build_store(db)
    with TestClient(create_app(ApiConfig(db=str(db)))) as c:
        c.ids = ids
        yield c


def test_web_article_page_escapes_everything(client):
    html = client.get(f"/articles/{client.ids['xss']}").text
    for p in PAYLOADS:
        assert p not in html
    assert "&lt;script&gt;window.__xss" in html
    assert len(re.findall(r"<script\b", html)) == 1  # the reader's own script only
    assert not re.search(r'(href|src)="\s*javascript', html, re.I)


def test_web_pages_render(client):
    for url in ("/", "/?q=بلينكن", "/entities", "/figures", "/figures?by=source", "/stories", f"/articles/{client.ids['seed']}", f"/articles/{client.ids['reader']}"):
        r = client.get(url)
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html"), url
        assert '<html lang="ar" dir="rtl">' in r.text
    r = client.get("/articles/missing")
    assert r.status_code == 404 and 'data-code="not_found"' in r.text
    assert client.get("/static/reader.css").status_code == 200
    assert client.get("/static/fonts/noto-naskh-arabic-arabic-400-normal.woff2").status_code == 200


def test_web_pages_load_nothing_from_elsewhere(client):
    for url in ("/", f"/articles/{client.ids['reader']}", "/figures"):
        html = client.get(url).text
        for ref in re.findall(r'(?:src|href)="([^"]+)"', html):
            assert not re.match(r"(https?:)?//", ref) or ref == "https://example.org/a", ref  # only the article's own link


def test_web_search_snippet_marks_are_escaped_text(client):
    html = client.get("/", params={"q": "بلينكن"}).text
    assert "<mark>" in html and "\x02" not in html


def test_web_marks_filter_and_safe_url():
    assert marks("a\x02b\x03c") == [("a", False), ("b", True), ("c", False)]
    assert marks(None) == []
    assert safe_url("https://x.org/a") == "https://x.org/a"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "vbscript:x", None, 3):
        assert safe_url(bad) is None


def test_web_chart_layout():
    chart = line_chart({"A": [("2023-10-01", 10, ""), ("2023-10-03", 30, "x")], "B": [("2023-10-02", 20, ""), ("bad", 5, ""), ("2023-10-04", None, "")]})
    assert [s["label"] for s in chart["series"]] == ["A", "B"]
    xs = [d["x"] for s in chart["series"] for d in s["dots"]]
    ys = [d["y"] for s in chart["series"] for d in s["dots"]]
    assert all(chart["left"] <= x <= chart["right"] for x in xs) and all(chart["top"] <= y <= chart["bottom"] for y in ys)
    a = chart["series"][0]["dots"]
    assert a[0]["x"] < a[1]["x"] and a[0]["y"] > a[1]["y"]  # later is right, larger is higher
    assert len(chart["series"][1]["dots"]) == 1  # undated and valueless points are dropped
    assert line_chart({"A": []}) is None
    one = line_chart({"A": [("2023-10", 5, "")]})
    assert one and one["series"][0]["dots"][0]["x"] > one["left"]
