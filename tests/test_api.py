"""The HTTP API (/v1) through FastAPI's TestClient: contract, store routes, errors, limits, auth."""

from __future__ import annotations

import asyncio
import time

import pytest
from fastapi.testclient import TestClient

from khabar.api import ApiConfig, create_app
from khabar.api.limits import BodyLimit
from web_fixtures import SEED, build_store, reader_document

SEED_TEXT = SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def store_ids(tmp_path_factory):
    db = tmp_path_factory.mktemp("api") / "khabar.db"
    ids = build_store(db)
    ids["db"] = str(db)
    return ids


@pytest.fixture(scope="module")
def client(store_ids):
    with TestClient(create_app(ApiConfig(db=store_ids["db"]))) as c:
        yield c


@pytest.fixture()
def fresh(tmp_path):
    """A client over an empty store of its own (for writes)."""
    with TestClient(create_app(ApiConfig(db=str(tmp_path / "k.db")))) as c:
        yield c


def err(r, status: int, code: str) -> dict:
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"} and body["error"]["code"] == code and body["error"]["status"] == status
    assert body["error"]["message"]
    return body["error"]


def test_api_extract_returns_document_contract(client):
    r = client.post("/v1/extract", json={"text": SEED_TEXT, "reference_date": "2023-11-05"})
    assert r.status_code == 200
    d = r.json()
    assert d["schema"] == "khabar.document/1" and d["text"] == SEED_TEXT and d["reference_date"] == "2023-11-05"
    import khabar

    assert d == khabar.extract(SEED_TEXT, reference_date="2023-11-05").to_dict()
    for layer in ("blocks", "sentences", "entities", "times", "quotes", "claims", "events"):
        assert layer in d
    assert "tokens" not in d
    assert "tokens" in client.post("/v1/extract", json={"text": SEED_TEXT, "tokens": True}).json()


def test_api_extract_html_reads_main_text(client):
    body = " ".join(SEED_TEXT.split("\n")[1:4])
    html = f"<html><head><title>T</title></head><body><nav>a b c</nav><article><h1>T</h1><p>{body}</p></article><footer>f</footer></body></html>"
    d = client.post("/v1/extract", json={"html": html, "reference_date": "2023-11-05"}).json()
    assert "<p>" not in d["text"] and SEED_TEXT.split("\n")[1][:40] in d["text"]
    assert d["meta"]["title"] == "T"
    err(client.post("/v1/extract", json={"html": "<html><head><title>t</title></head><body></body></html>"}), 422, "no_text")


@pytest.mark.parametrize("body", [{}, {"text": "a", "html": "<p>a</p>"}, {"text": 3}, {"text": "a", "reference_date": "05/11/2023"}, {"text": "a", "extra": 1}])
def test_api_extract_rejects_bad_bodies(client, body):
    err(client.post("/v1/extract", json=body), 422, "invalid_request")


def test_api_invalid_json_and_unknown_routes(client):
    e = err(client.post("/v1/extract", content=b"{not json", headers={"content-type": "application/json"}), 422, "invalid_request")
    assert "JSON" in e["message"]
    err(client.get("/v1/nothing"), 404, "not_found")
    err(client.delete("/v1/health"), 405, "method_not_allowed")
    err(client.get("/v1/articles/nope"), 404, "not_found")
    err(client.get("/v1/entities/nope"), 404, "not_found")
    err(client.get("/v1/articles", params={"from": "yesterday"}), 422, "invalid_request")


def test_api_body_limit_413_before_parsing(store_ids):
    with TestClient(create_app(ApiConfig(db=store_ids["db"], max_body_bytes=1000))) as c:
        err(c.post("/v1/extract", json={"text": "ا" * 2000}), 413, "payload_too_large")
        # without Content-Length (chunked), the limit holds while reading
        chunks = (b'{"text": "' + b"a" * 600, b"a" * 600 + b'"}')
        err(c.post("/v1/extract", content=iter(chunks), headers={"content-type": "application/json"}), 413, "payload_too_large")
        assert c.post("/v1/extract", json={"text": "short"}).status_code == 200


def test_api_input_over_settings_limit_is_413(store_ids):
    from khabar.settings import Settings

    with TestClient(create_app(ApiConfig(db=store_ids["db"]), Settings(max_input_bytes=100))) as c:
        e = err(c.post("/v1/extract", json={"text": "ب" * 200}), 413, "K002")
        assert "limit" in e["message"]


def test_api_slow_body_408():
    sent = []

    async def app(scope, receive, send):  # pragma: no cover - never reached
        raise AssertionError("the app must not see a body that never finished")

    async def receive():
        await asyncio.sleep(5)

    async def send(msg):
        sent.append(msg)

    scope = {"type": "http", "method": "POST", "headers": []}
    asyncio.run(BodyLimit(app, max_bytes=100, timeout=0.05)(scope, receive, send))
    assert sent[0]["status"] == 408 and b"request_timeout" in sent[1]["body"]


def test_api_timeout_504(store_ids, monkeypatch):
    import khabar.api.extracting as ex

    def slow(*a, **k):
        time.sleep(1.0)

    monkeypatch.setattr(ex, "build", slow)
    monkeypatch.setattr("khabar.api.routes.build", slow)
    with TestClient(create_app(ApiConfig(db=store_ids["db"], request_timeout=0.1))) as c:
        t0 = time.perf_counter()
        err(c.post("/v1/extract", json={"text": "x"}), 504, "timeout")
        assert time.perf_counter() - t0 < 0.9


def test_api_ingest_then_read_back(fresh):
    r = fresh.post("/v1/articles", json={"text": SEED_TEXT, "title": "T1", "url": "https://example.org/x", "date": "2023-11-05", "source": "Seed"})
    assert r.status_code == 201, r.text
    created = r.json()
    assert created["created"] is True and created["url"] == f"/v1/articles/{created['id']}"
    again = fresh.post("/v1/articles", json={"text": SEED_TEXT, "title": "T1"})
    assert again.status_code == 200 and again.json() == {**created, "created": False}
    d = fresh.get(created["url"]).json()
    assert d["text"] == SEED_TEXT and d["meta"]["title"] == "T1" and d["meta"]["source"] == "Seed"
    assert d["reference_date"] == "2023-11-05"  # taken from the date: relative dates are anchored
    hits = fresh.get("/v1/articles", params={"q": "بلينكن"}).json()
    assert [h["id"] for h in hits["items"]] == [created["id"]] and hits["count"] == 1
    assert fresh.get("/v1/articles", params={"q": "بلينكن", "source": "Other"}).json()["count"] == 0
    assert fresh.get("/v1/articles", params={"q": "بلينكن", "to": "2023-11-04"}).json()["count"] == 0
    assert fresh.get("/v1/articles", params={"from": "2023-11-05"}).json()["count"] == 1
    assert fresh.get("/v1/health").json()["store"]["articles"] == 1


def test_api_ingest_validates(fresh):
    err(fresh.post("/v1/articles", json={"title": "no text"}), 422, "invalid_request")
    err(fresh.post("/v1/articles", json={"text": ""}), 422, "invalid_request")
    err(fresh.post("/v1/articles", json={"text": "a", "date": "tomorrow"}), 422, "invalid_request")


def test_api_store_routes(client, store_ids):
    ents = client.get("/v1/entities", params={"type": "PER"}).json()["items"]
    assert ents and all(e["type"] == "PER" for e in ents)
    person = next(e for e in ents if e["canonical"] == reader_document()["entities"][0]["canonical"])
    one = client.get(f"/v1/entities/{person['id']}").json()
    assert one["canonical"] == person["canonical"] and one["quotes"] and one["cooccurring"]
    quotes = client.get("/v1/quotes", params={"speaker": person["id"]}).json()["items"]
    assert quotes and all(q["speaker_entity"] == person["id"] for q in quotes)
    figs = client.get("/v1/figures", params={"category": "killed", "where": "غزة"}).json()
    assert set(figs["series"]) >= {"BBC", "CNN"}
    by_claimant = client.get("/v1/figures", params={"category": "killed", "where": "غزة", "by": "claimed_by"}).json()
    assert set(by_claimant["series"]) != set(figs["series"])
    err(client.get("/v1/figures", params={"by": "nobody"}), 422, "invalid_request")
    events = client.get("/v1/events", params={"type": "CONSULT"}).json()["items"]
    assert any(e["doc"] == store_ids["reader"] for e in events)
    assert client.get("/v1/stories").status_code == 200
    filtered = client.get("/v1/articles", params={"entity": person["id"]}).json()["items"]
    assert store_ids["reader"] in [a["id"] for a in filtered]


def test_api_health_and_openapi(client):
    h = client.get("/v1/health").json()
    assert h["status"] == "ok" and h["store"]["ok"] and h["store"]["articles"] >= 9 and "segment" in h["stages"]
    spec = client.get("/v1/openapi.json").json()
    paths = set(spec["paths"])
    for p in ("/v1/extract", "/v1/articles", "/v1/articles/{article_id}", "/v1/entities", "/v1/entities/{entity_id}", "/v1/quotes",
              "/v1/figures", "/v1/events", "/v1/stories", "/v1/health"):
        assert p in paths
    assert not any(p.startswith("/articles") for p in paths)  # pages are not part of the API


def test_api_without_store_serves_extract_only():
    with TestClient(create_app(ApiConfig())) as c:
        assert c.get("/v1/health").json()["store"] is None
        assert c.post("/v1/extract", json={"text": "نص"}).status_code == 200
        err(c.get("/v1/articles"), 503, "no_store")
        err(c.post("/v1/articles", json={"text": "نص"}), 503, "no_store")


def test_api_writes_need_token_beyond_loopback(tmp_path):
    doc = {"text": reader_document()["text"]}
    with TestClient(create_app(ApiConfig(db=str(tmp_path / "a.db"), host="0.0.0.0"))) as c:
        err(c.post("/v1/articles", json=doc), 403, "writes_disabled")
        assert c.get("/v1/articles").status_code == 200  # reads stay open
    with TestClient(create_app(ApiConfig(db=str(tmp_path / "b.db"), host="0.0.0.0", token="s3cret-token"))) as c:
        err(c.post("/v1/articles", json=doc), 401, "unauthorized")
        err(c.post("/v1/articles", json=doc, headers={"Authorization": "Bearer wrong"}), 401, "unauthorized")
        err(c.post("/v1/articles", json=doc, headers={"Authorization": "Basic s3cret-token"}), 401, "unauthorized")
        assert c.post("/v1/articles", json=doc, headers={"Authorization": "Bearer s3cret-token"}).status_code == 201
        assert c.post("/v1/extract", json=doc).status_code == 200  # extraction writes nothing
    with TestClient(create_app(ApiConfig(db=str(tmp_path / "c.db")))) as c:
        assert c.post("/v1/articles", json=doc).status_code == 201  # loopback without a token: open


def test_api_token_from_environment(monkeypatch):
    monkeypatch.setenv("KHABAR_API_TOKEN", "from-env")
    cfg = ApiConfig.from_env(host="10.0.0.5")
    assert cfg.token == "from-env" and cfg.writes_need_token
    assert not ApiConfig().writes_need_token and ApiConfig(host="::1").writes_need_token is False


def test_api_security_headers(client, store_ids):
    for url in ("/", f"/articles/{store_ids['reader']}", "/v1/health"):
        h = client.get(url).headers
        assert "script-src 'self'" in h["content-security-policy"] and h["x-content-type-options"] == "nosniff"


def test_api_every_route_is_documented(client):
    doc = (SEED.parents[2] / "docs" / "api.md").read_text(encoding="utf-8")
    for path, ops in client.get("/v1/openapi.json").json()["paths"].items():
        for method in ops:
            assert f"{method.upper()} {path}" in doc, f"{method.upper()} {path} is missing from docs/api.md"


def test_api_search_snippets_are_escaped_html(client, store_ids):
    items = client.get("/v1/articles", params={"q": "onerror"}).json()["items"]
    hit = next(i for i in items if i["id"] == store_ids["xss"])
    assert "<mark>onerror</mark>" in hit["snippet"]
    bare = hit["snippet"].replace("<mark>", "").replace("</mark>", "")
    assert "<" not in bare and ">" not in bare and "&lt;svg" in bare


def test_api_concurrent_ingest_and_search_match_sequential(tmp_path):
    import gzip
    import json
    from concurrent.futures import ThreadPoolExecutor

    from khabar.corpus.store import Store

    examples = SEED.parents[2] / "examples" / "ant-sample.jsonl.gz"
    with gzip.open(examples, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for _, line in zip(range(16), fh)]
    bodies = [{"text": r["text"], "title": r["title"], "date": r["date"][:10], "source": r["source"]} for r in rows]
    queries = ["السعودية", "الولايات المتحدة", "الرئيس", "الحكومة"]
    import sys

    switch = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads often, so that shared state shows its races
    try:
        with TestClient(create_app(ApiConfig(db=str(tmp_path / "conc.db")))) as c:
            with ThreadPoolExecutor(8) as pool:
                writes = pool.map(lambda b: c.post("/v1/articles", json=b).status_code, bodies)
                reads = pool.map(lambda q: c.get("/v1/articles", params={"q": q}).status_code, queries * 4)
                assert set(writes) == {201} and set(reads) == {200}
            concurrent = {q: sorted(i["id"] for i in c.get("/v1/articles", params={"q": q, "limit": 50}).json()["items"]) for q in queries}
    finally:
        sys.setswitchinterval(switch)
    import khabar

    with Store.open(str(tmp_path / "seq.db")) as st:
        for b in bodies:
            st.add(khabar.extract(b["text"], reference_date=b["date"], meta={k: b[k] for k in ("title", "date", "source")}))
        sequential = {q: sorted(r["id"] for r in st.search(q, limit=50)) for q in queries}
    assert concurrent == sequential and any(concurrent.values())


def test_api_serve_command_defaults_to_loopback_and_reads_token_file(tmp_path, monkeypatch, capsys):
    import uvicorn

    from khabar.cli import main

    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(app=app, **kw))
    monkeypatch.delenv("KHABAR_API_TOKEN", raising=False)
    assert main(["serve", "--db", str(tmp_path / "s.db")]) == 0
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8000
    assert "http://127.0.0.1:8000/" in capsys.readouterr().out
    token = tmp_path / "token"
    token.write_text("tok-123\n", encoding="utf-8")
    assert main(["serve", "--host", "0.0.0.0", "--port", "8123", "--token-file", str(token)]) == 0
    cfg = seen["app"].state.config
    assert (seen["host"], seen["port"], cfg.token, cfg.writes_need_token) == ("0.0.0.0", 8123, "tok-123", True)
