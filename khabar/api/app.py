"""The FastAPI application: ``create_app(ApiConfig(db=...))`` serves ``/v1`` and the web reader."""

from __future__ import annotations

import contextlib
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from .. import __version__
from ..settings import Settings
from . import errors
from .config import ApiConfig
from .limits import BodyLimit
from .store import StoreAccess

STATIC = Path(__file__).resolve().parent.parent / "web" / "static"

# Pages load only their own files: article text that slipped past escaping could still not run
# script or pull anything from elsewhere.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class SecurityHeaders:
    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def with_headers(msg):
            if msg["type"] == "http.response.start":
                have = {k.lower() for k, _ in msg.get("headers", [])}
                msg = {**msg, "headers": [*msg.get("headers", []), *((k, v) for k, v in SECURITY_HEADERS if k not in have)]}
            await send(msg)

        return await self.app(scope, receive, with_headers)


def _warm(store: StoreAccess) -> None:
    """Load every stage's resources once, before the first request pays for it."""
    from .. import extract

    store.warm(extract("قال المتحدث إن الاجتماع عقد يوم الأحد في بغداد."))


def create_app(config: ApiConfig | None = None, settings: Settings | None = None, *, warm: bool = True) -> FastAPI:
    config = config or ApiConfig()

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        if warm:
            await run_in_threadpool(_warm, app.state.store)
        yield
        app.state.store.close()

    app = FastAPI(
        title="Khabar",
        version=__version__,
        summary="Arabic news to sourced, structured facts, each pointing at its evidence in the original text.",
        openapi_url="/v1/openapi.json",
        docs_url=None,  # the interactive docs load scripts from a CDN; the server stays offline
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.config = config
    app.state.settings = settings or Settings()
    app.state.store = StoreAccess(config.db)

    from ..web.views import html_error
    from ..web.views import router as web_router
    from .routes import router as api_router

    errors.install(app, html_error)
    app.include_router(api_router)
    app.include_router(web_router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(BodyLimit, max_bytes=config.max_body_bytes, timeout=config.body_timeout)
    app.add_middleware(SecurityHeaders)
    return app


CONFIG_ENV = "KHABAR_SERVE_CONFIG"


def app_from_env() -> FastAPI:
    """App factory for multi-process serving: each worker process builds its app from the
    configuration that ``khabar serve`` put in the environment (JSON of ``ApiConfig``)."""
    import json
    import os

    return create_app(ApiConfig(**json.loads(os.environ[CONFIG_ENV])))

