"""Pages of the web reader. Every page is rendered on the server from the store; article text
and metadata are untrusted and reach the page only through the template engine's escaping."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.templating import Jinja2Templates

from ..api.errors import ApiError
from ..api.limits import bounded
from ..api.routes import MARK, iso_date, split_marks
from . import queries
from .chart import line_chart
from .highlight import number, reading

HERE = Path(__file__).parent

router = APIRouter(include_in_schema=False)


def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True, default_for_string=True))
    env.filters["marks"] = split_marks
    env.filters["safe_url"] = safe_url
    env.filters["num"] = number
    return env


def safe_url(url: str | None) -> str | None:
    """Only http(s) links from article metadata become links (no javascript:, data:...)."""
    if not isinstance(url, str):
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


templates = Jinja2Templates(env=_env())


def page(request: Request, name: str, status_code: int = 200, **ctx) -> HTMLResponse:
    ctx.setdefault("has_store", request.app.state.store.configured)
    return templates.TemplateResponse(request, name, ctx, status_code=status_code)


def html_error(request: Request, status: int, code: str, message: str) -> HTMLResponse:
    return page(request, "error.html", status, status=status, code=code, message=message, title=str(status))


async def _call(request: Request, fn, *args, **kw):
    return await bounded(request.app.state.config.request_timeout, fn, *args, **kw)


def entity_link(e: dict) -> str:
    from ..corpus.rows import entity_key

    return "/entities/" + entity_key(e.get("type"), e.get("canonical"), e.get("kb_id"))


@router.get("/", response_class=HTMLResponse)
async def search_page(
    request: Request, q: str = "", entity: str = "", date_from: str = Query("", alias="from"), date_to: str = Query("", alias="to"), source: str = "", limit: int = 30,
):
    access = request.app.state.store
    store = access.handle()
    limit = max(1, min(limit, request.app.state.config.max_page))
    filters = {"q": q, "entity": entity, "from": date_from, "to": date_to, "source": source}
    kw = {"entity": entity or None, "date_from": iso_date(date_from, "from"), "date_to": iso_date(date_to, "to"), "source": source or None, "limit": limit}
    if q.strip():
        results = await _call(request, store.search, q, mark=MARK, **kw)
    else:
        results = await _call(request, queries.browse, store, **kw)
    sources = await _call(request, store.sources)
    entity_name = None
    if entity:
        ent = await _call(request, store.entity, entity, limit=1)
        entity_name = ent["canonical"] if ent else entity
    total = await _call(request, store.count)
    return page(request, "search.html", title="بحث", filters=filters, results=results, sources=sources, entity_name=entity_name, total=total)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
async def article_page(article_id: str, request: Request):
    store = request.app.state.store.handle()
    d = await _call(request, store.get, article_id)
    if d is None:
        raise ApiError(404, "not_found", f"no article with id {article_id!r}")
    view = await _call(request, reading, d, entity_link)
    related = await _call(request, store.related, article_id)
    stories = await _call(request, store.stories, doc=article_id)
    meta = d.get("meta") or {}
    title = meta.get("title") or (d["text"].strip().splitlines() or [""])[0][:90]
    return page(request, "article.html", title=title, doc=d, meta=meta, view=view, related=related, story=stories[0] if stories else None)


@router.get("/entities", response_class=HTMLResponse)
async def entities_page(request: Request, q: str = "", type: str = ""):
    store = request.app.state.store.handle()
    items = await _call(request, store.entities, q=q or None, type=type or None, limit=100)
    return page(request, "entities.html", title="الكيانات", items=items, q=q, type=type)


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
async def entity_page(entity_id: str, request: Request):
    store = request.app.state.store.handle()
    e = await _call(request, store.entity, entity_id, limit=30)
    if e is None:
        raise ApiError(404, "not_found", f"no entity with id {entity_id!r}")
    timeline = [(m["month"], m["mentions"] or 0, f"{m['articles']} articles") for m in e.get("timeline") or [] if m.get("month")]
    chart = line_chart({"mentions": timeline}, height=200)
    return page(request, "entity.html", title=e["canonical"], e=e, chart=chart)


@router.get("/figures", response_class=HTMLResponse)
async def figures_page(request: Request, category: str = "", where: str = "", by: str = "claimed_by"):
    access = request.app.state.store
    store = access.handle()
    if by not in ("claimed_by", "source"):
        raise ApiError(422, "invalid_request", "by: expected 'claimed_by' or 'source'")
    groups = await _call(request, queries.figure_groups, store, category=category or None, where=where or None, by=by)
    for g in groups:
        g["chart"] = line_chart({name: [(p["date"], p["value"], p["text"]) for p in pts.values()] for name, pts in g["series"].items()})
        g["rows"] = sorted(((day, name, p) for name, pts in g["series"].items() for day, p in pts.items()), key=lambda r: (r[0], r[1]))
    categories = sorted({g["category"] for g in await _call(request, queries.figure_groups, store, category=None, where=None, limit=1000)})
    return page(request, "figures.html", title="الأرقام", groups=groups, categories=categories, category=category, where=where, by=by)


@router.get("/stories", response_class=HTMLResponse)
async def stories_page(request: Request):
    store = request.app.state.store.handle()
    items = await _call(request, store.stories, limit=100)
    return page(request, "stories.html", title="القصص", items=items)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
async def story_page(story_id: str, request: Request):
    store = request.app.state.store.handle()
    s = await _call(request, queries.story, store, story_id)
    if s is None:
        raise ApiError(404, "not_found", f"no story with id {story_id!r}")
    return page(request, "story.html", title="قصة", s=s)
