"""The web reader in headless Chromium: highlights on the original text, the facts panel,
entity and figures pages, and script-injection payloads that must stay inert."""

from __future__ import annotations

import json

import httpx
import pytest
from browser_helpers import WAIT, open_page
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def _marked(driver) -> list[dict]:
    """Every highlighted segment of the article text: its text, classes, facts and tooltip."""
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('#text [data-facts]')).map(e => ({text: e.textContent, cls: e.className, facts: e.dataset.facts.split(' '), tip: e.dataset.tip || ''}))"
    )


def _stored(server, doc_id) -> dict:
    r = httpx.get(f"{server}/v1/articles/{doc_id}", timeout=10)
    r.raise_for_status()
    return r.json()


def _check_layers_rendered(driver, d: dict) -> None:
    """Each entity mention, date, quote, figure and event of the stored document is highlighted
    with exactly its evidence text, and the panel lists each fact once."""
    text = d["text"]
    # the page shows the original text, character for character
    shown = driver.execute_script("return document.getElementById('text').textContent")
    assert shown.strip() == text.strip()
    segs = _marked(driver)

    def covered(fact: str) -> str:
        return "".join(s["text"] for s in segs if fact in s["facts"])

    for e in d.get("entities", []):
        pieces = [s for s in segs if e["id"] in s["facts"] and f"ent-{e['type']}" in s["cls"]]
        assert pieces, f"entity {e['id']} not highlighted"
        joined = "".join(p["text"] for p in pieces)
        for m in e["mentions"]:
            assert text[m["start"] : m["end"]] in joined
    for i, t in enumerate(d.get("times", [])):
        assert covered(f"t{i}") == text[t["start"] : t["end"]]
        assert any(f"t{i}" in s["facts"] and (t["value"] or "?") in s["tip"] for s in segs), "resolved date not in the hover text"
    for i, q in enumerate(d.get("quotes", [])):
        assert text[q["content"]["start"] : q["content"]["end"]] in covered(f"q{i}")
    for i, c in enumerate(d.get("claims", [])):
        assert covered(f"c{i}") == text[c["evidence"]["start"] : c["evidence"]["end"]]
    for i, v in enumerate(d.get("events", [])):
        assert covered(f"v{i}") == text[v["trigger"]["start"] : v["trigger"]["end"]]
    panel = {
        section: len(driver.find_elements(By.CSS_SELECTOR, f"#facts-{section} li.fact"))
        for section in ("entities", "times", "quotes", "figures", "events")
    }
    assert panel == {"entities": len(d.get("entities", [])), "times": len(d.get("times", [])), "quotes": len(d.get("quotes", [])),
                     "figures": len(d.get("claims", [])), "events": len(d.get("events", []))}


def test_browser_seed_article_page(browser, server, reader_ids, artifacts):
    d = _stored(server, reader_ids["seed"])
    open_page(browser, f"{server}/articles/{reader_ids['seed']}")
    WebDriverWait(browser, WAIT).until(lambda b: b.execute_script("return document.documentElement.dataset.reader") == "ready")
    assert browser.execute_script("return getComputedStyle(document.getElementById('text')).direction") == "rtl"
    _check_layers_rendered(browser, d)
    # boilerplate lines (share buttons, «read also») are shown, marked as such
    if any(b["kind"] == "boilerplate" for b in d["blocks"]):
        assert browser.find_elements(By.CSS_SELECTOR, "#text .blk-boilerplate")
    assert browser.find_element(By.ID, "facts").is_displayed()
    browser.save_screenshot(str(artifacts / "article-seed.png"))
    # an entity in the panel links to its corpus page
    if d.get("entities"):
        link = browser.find_element(By.CSS_SELECTOR, "#facts-entities li.fact a[href^='/entities/']")
        name = link.text
        link.click()
        WebDriverWait(browser, WAIT).until(lambda b: b.find_elements(By.ID, "entity"))
        assert browser.find_element(By.CSS_SELECTOR, "#entity h1").text.endswith(name)


def test_browser_highlights_and_facts_panel(browser, server, reader_ids, artifacts):
    d = _stored(server, reader_ids["reader"])
    open_page(browser, f"{server}/articles/{reader_ids['reader']}")
    _check_layers_rendered(browser, d)
    segs = _marked(browser)
    # nested spans stay separate facts: «غزة» inside «وزارة الصحة في غزة» carries both entities
    gaza = [s for s in segs if "E3" in s["facts"] and "E4" in s["facts"]]
    assert gaza and gaza[0]["text"] == d["text"][d["entities"][3]["mentions"][0]["start"] : d["entities"][3]["mentions"][0]["end"]]
    # hovering a date shows its resolved value
    assert any("2023-10-07" in s["tip"] for s in segs if "t1" in s["facts"])
    # the figure names its source, the quote its speaker
    fig = browser.find_element(By.CSS_SELECTOR, '#facts-figures li[data-fact="c0"]').text
    assert "9,770" in fig and d["entities"][2]["canonical"] in fig
    quote = browser.find_element(By.CSS_SELECTOR, '#facts-quotes li[data-fact="q0"] .speaker').text
    assert quote == d["entities"][0]["canonical"]
    # hovering a fact in the panel outlines its evidence in the text
    from selenium.webdriver import ActionChains

    ActionChains(browser).move_to_element(browser.find_element(By.CSS_SELECTOR, '#facts-figures li[data-fact="c0"]')).perform()
    WebDriverWait(browser, WAIT).until(lambda b: b.find_elements(By.CSS_SELECTOR, '#text [data-facts~="c0"].focus'))
    browser.save_screenshot(str(artifacts / "article-fixture.png"))


def test_browser_entity_page(browser, server, reader_ids, artifacts):
    ents = httpx.get(f"{server}/v1/entities", params={"q": "بلينكن"}, timeout=10).json()["items"]
    assert ents, "the fixture person is in the entity table"
    open_page(browser, f"{server}/entities/{ents[0]['id']}")
    assert browser.find_element(By.CSS_SELECTOR, "#entity h1").text.endswith(ents[0]["canonical"])
    assert browser.find_elements(By.CSS_SELECTOR, "#entity svg.linechart circle")  # mentions over time
    quotes = browser.find_elements(By.CSS_SELECTOR, "#entity-quotes li:not(.none)")
    assert len(quotes) >= 1
    cooc = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "#cooccurring a")]
    assert any("السوداني" in c for c in cooc)
    browser.save_screenshot(str(artifacts / "entity.png"))


def test_browser_figures_chart(browser, server, reader_ids, artifacts):
    open_page(browser, f"{server}/figures?category=killed")
    groups = browser.find_elements(By.CSS_SELECTOR, ".figure-group")
    assert groups
    series = browser.execute_script(
        "return Array.from(document.querySelectorAll('.figure-group')[0].querySelectorAll('svg g.series')).map(g => [g.dataset.series, g.querySelectorAll('circle').length, g.querySelector('polyline').getAttribute('points').split(' ').length])"
    )
    figs = httpx.get(f"{server}/v1/figures", params={"category": "killed", "where": "غزة", "by": "claimed_by"}, timeout=10).json()
    expected = {name: len(points) for name, points in figs["series"].items()}
    assert {name: n for name, n, _ in series} == expected
    assert len(series) >= 2, "one line per source"
    assert all(n == p for _, n, p in series)
    # the chart is drawn: its lines have a size on screen
    box = browser.execute_script("const r = document.querySelector('.figure-group svg').getBoundingClientRect(); return [r.width, r.height]")
    assert box[0] > 300 and box[1] > 100
    browser.save_screenshot(str(artifacts / "figures.png"))


def test_browser_story_page(browser, server, reader_ids, artifacts):
    stories = httpx.get(f"{server}/v1/stories", timeout=10).json()["items"]
    seed_story = next(s for s in stories if reader_ids["seed"] in [a["id"] for a in s["articles"]])
    # the article page links to its story, the story page lists every report of it
    open_page(browser, f"{server}/articles/{reader_ids['seed']}")
    browser.find_element(By.CSS_SELECTOR, f'#meta a[href="/stories/{seed_story["story"]}"]').click()
    WebDriverWait(browser, WAIT).until(lambda b: b.find_elements(By.ID, "story"))
    links = [a.get_attribute("href").rsplit("/", 1)[-1] for a in browser.find_elements(By.CSS_SELECTOR, "#story .reports a")]
    assert links == [a["id"] for a in seed_story["articles"]]
    meta = browser.find_element(By.CSS_SELECTOR, "#story .meta").text
    assert all(src in meta for src in seed_story["sources"])
    open_page(browser, f"{server}/stories")
    assert len(browser.find_elements(By.CSS_SELECTOR, "#stories li a")) == len(stories)


@pytest.mark.parametrize("path", ["/articles/{xss}", "/?q=script", "/entities", "/figures", "/?source=<b onmouseover=window.__xss=1>Evil</b>"])
def test_browser_xss_payloads_stay_inert(browser, server, reader_ids, artifacts, path):
    url = server + path.format(xss=reader_ids["xss"])
    open_page(browser, url)
    assert browser.execute_script("return typeof window.__xss") == "undefined"
    # no element from the payloads exists: only the reader's own script and no injected tags
    scripts = browser.execute_script("return Array.from(document.scripts).map(s => s.getAttribute('src'))")
    assert scripts == ["/static/reader.js"]
    assert not browser.find_elements(By.CSS_SELECTOR, "main iframe, main img, main [onerror], main [onload], main [onmouseover], main svg:not(.linechart)")
    assert not browser.find_elements(By.CSS_SELECTOR, 'a[href^="javascript:"]')
    if path.startswith("/articles"):
        from web_fixtures import PAYLOADS

        body = browser.find_element(By.ID, "text").text
        for p in PAYLOADS:
            assert p in body  # shown as text, character for character
        assert browser.find_element(By.ID, "title").text.startswith("<script>")
        browser.save_screenshot(str(artifacts / "xss-article.png"))
    logs = [e for e in browser.get_log("browser") if "Content Security Policy" in e.get("message", "")]
    assert not logs, json.dumps(logs)[:500]  # escaping, not the CSP, kept the payloads from running
