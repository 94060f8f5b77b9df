"""``/v1``: the JSON API. Thin: each route validates, calls the library or the store, answers."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from .. import __version__
from ..web import queries
from ..document import SCHEMA
from .auth import check_write
from .errors import ApiError
from .extracting import build
from .limits import bounded

router = APIRouter(prefix="/v1")


class ExtractIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str | None = Field(None, description="the article as plain text (give text or html)")
    html: str | None = Field(None, description="the article page as HTML; its main text is extracted first")
    reference_date: dt.date | None = Field(None, description="YYYY-MM-DD the article was published, anchors relative dates")
    tokens: bool = Field(False, description="include the tokens layer")


class ArticleIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(..., min_length=1)
    title: str | None = None
    url: str | None = None
    date: str | None = Field(None, description="publication date, YYYY-MM-DD or ISO 8601 date-time")
    source: str | None = Field(None, description="the outlet, e.g. BBC")


class Created(BaseModel):
    id: str
    url: str
    created: bool = True


# The store wraps query hits in snippets with these; they become markup only after escaping.
MARK = ("\x02", "\x03")


def split_marks(s: str | None) -> list[tuple[str, bool]]:
    """A snippet as (text, is_hit) parts."""
    parts = (s or "").replace(MARK[1], MARK[0]).split(MARK[0])
    return [(p, i % 2 == 1) for i, p in enumerate(parts) if p]


def snippet_html(s: str | None) -> str | None:
    """A search snippet as safe HTML: the article text escaped, query hits in ``<mark>``."""
    if s is None:
        return None
    return "".join(f"<mark>{html.escape(p)}</mark>" if hit else html.escape(p) for p, hit in split_marks(s))


def _config(request: Request):
    return request.app.state.config


def _store(request: Request):
    return request.app.state.store


async def _run(request: Request, fn, *args, **kw):
    return await bounded(_config(request).request_timeout, fn, *args, **kw)


def _limit(request: Request, limit: int) -> int:
    return max(1, min(limit, _config(request).max_page))


def iso_date(value: str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        raise ApiError(422, "invalid_request", f"{name}: expected YYYY-MM-DD, got {value!r}") from None


@router.post("/extract", summary="Extract facts from one article", response_description="the document contract khabar.document/1")
async def extract(body: ExtractIn, request: Request) -> dict[str, Any]:
    cfg = request.app.state.settings
    doc = await _run(request, build, body.text, body.html, body.reference_date, {}, cfg.max_input_bytes)
    return doc.to_dict(tokens=body.tokens)


@router.post("/articles", status_code=201, dependencies=[Depends(check_write)], summary="Ingest one article into the store",
             responses={200: {"description": "the article was already stored (same content): nothing added", "model": Created}})
async def add_article(body: ArticleIn, request: Request, response: Response) -> Created:
    store = _store(request)
    store.handle()  # 503 before any work when no store is configured
    if body.date is not None:
        iso_date(body.date, "date")
    meta = {"title": body.title, "url": body.url, "date": body.date, "source": body.source}
    cfg = request.app.state.settings

    def work():
        doc = build(body.text, None, None, meta, cfg.max_input_bytes)
        return doc.id, store.add(doc)

    doc_id, new = await _run(request, work)
    if not new:
        response.status_code = 200
    return Created(id=doc_id, url=f"/v1/articles/{doc_id}", created=new)


@router.get("/articles", summary="Search articles")
async def search_articles(
    request: Request,
    q: str | None = Query(None, description="full-text query (Arabic, any spelling variant)"),
    entity: str | None = Query(None, description="corpus entity id"),
    date_from: str | None = Query(None, alias="from", description="YYYY-MM-DD"),
    date_to: str | None = Query(None, alias="to", description="YYYY-MM-DD"),
    source: str | None = Query(None, description="outlet"),
    limit: int = Query(20, ge=1),
) -> dict[str, Any]:
    access = _store(request)
    store = access.handle()
    kw = {"entity": entity or None, "date_from": iso_date(date_from, "from"), "date_to": iso_date(date_to, "to"), "source": source or None, "limit": _limit(request, limit)}
    if q and q.strip():
        items = await _run(request, store.search, q, mark=MARK, **kw)
        for it in items:
            it["snippet"] = snippet_html(it.get("snippet"))
    else:
        items = await _run(request, queries.browse, store, **kw)
    return {"items": items, "count": len(items)}


@router.get("/articles/{article_id}", summary="One article as the document contract")
async def get_article(article_id: str, request: Request) -> dict[str, Any]:
    store = _store(request).handle()
    doc = await _run(request, store.get, article_id)
    if doc is None:
        raise ApiError(404, "not_found", f"no article with id {article_id!r}")
    return doc.to_dict() if hasattr(doc, "to_dict") else doc


@router.get("/entities", summary="Entities of the corpus, most mentioned first")
async def list_entities(request: Request, q: str | None = None, type: str | None = Query(None, description="PER | ORG | LOC | MISC"), limit: int = Query(50, ge=1)) -> dict[str, Any]:
    store = _store(request).handle()
    items = await _run(request, store.entities, q=q or None, type=type or None, limit=_limit(request, limit))
    return {"items": items, "count": len(items)}


@router.get("/entities/{entity_id}", summary="One entity: mentions over time, quotes, co-occurring entities")
async def get_entity(entity_id: str, request: Request) -> dict[str, Any]:
    store = _store(request).handle()
    ent = await _run(request, store.entity, entity_id)
    if ent is None:
        raise ApiError(404, "not_found", f"no entity with id {entity_id!r}")
    return ent


@router.get("/quotes", summary="Quotes, optionally by one speaker")
async def list_quotes(request: Request, speaker: str | None = Query(None, description="entity id or speaker name"), limit: int = Query(50, ge=1)) -> dict[str, Any]:
    store = _store(request).handle()
    items = await _run(request, store.quotes, speaker=speaker or None, limit=_limit(request, limit))
    return {"items": items, "count": len(items)}


@router.get("/figures", summary="Figure timelines: claims of a category and place over time, one series per source")
async def list_figures(
    request: Request,
    category: str | None = Query(None, description="e.g. killed, injured, hostages"),
    where: str | None = Query(None, description="place name or entity id"),
    by: Literal["source", "claimed_by"] = Query("source", description="one series per outlet (source) or per who gave the figure (claimed_by)"),
) -> dict[str, Any]:
    access = _store(request)
    return await _run(request, access.handle().figures, category=category or None, where=where or None, by=by)


@router.get("/events", summary="Events (PLOVER types)")
async def list_events(request: Request, type: str | None = None, limit: int = Query(50, ge=1)) -> dict[str, Any]:
    access = _store(request)
    items = await _run(request, access.handle().events, type=type or None, limit=_limit(request, limit))
    return {"items": items, "count": len(items)}


@router.get("/stories", summary="Stories: reports of one event across articles and outlets")
async def list_stories(request: Request, limit: int = Query(50, ge=1)) -> dict[str, Any]:
    store = _store(request).handle()
    items = await _run(request, store.stories, limit=_limit(request, limit))
    return {"items": items, "count": len(items)}


@router.get("/health", summary="Liveness, version and store status")
async def health(request: Request) -> dict[str, Any]:
    from .. import pipeline

    access = _store(request)
    store: dict[str, Any] | None = None
    if access.configured:
        store = {"path": access.path, "ok": False}
        try:
            handle = access.handle()
            count = getattr(handle, "count", None)
            store["articles"] = await _run(request, count) if callable(count) else None
            store["ok"] = True
        except ApiError:
            raise
        except Exception as exc:  # health reports a broken store instead of failing itself
            store["error"] = f"{type(exc).__name__}: {exc}"
    return {"status": "ok", "version": __version__, "schema": SCHEMA, "stages": pipeline().names, "store": store}
