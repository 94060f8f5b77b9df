"""JSON errors with stable codes: ``{"error": {"code", "message", "status"}}``.

Clients match on ``code``; the message is for people. Codes of the library (``K001``...) pass
through unchanged; HTTP-level ones are words (``not_found``, ``payload_too_large``...).
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import DecodeError, InputTooLarge, KhabarError

log = logging.getLogger("khabar.api")

# status -> code for errors raised by the framework itself (unknown route, wrong method...)
HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    408: "request_timeout",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    500: "internal_error",
    503: "unavailable",
    504: "timeout",
}


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, headers: dict | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers


def error_body(status: int, code: str, message: str) -> dict:
    return {"error": {"code": code, "message": message, "status": status}}


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/v1")


def install(app: FastAPI, html_error) -> None:
    """Register handlers. ``html_error(request, status, code, message)`` renders web pages."""

    def respond(request: Request, status: int, code: str, message: str, headers=None):
        if _is_api(request):
            return JSONResponse(error_body(status, code, message), status_code=status, headers=headers)
        return html_error(request, status, code, message)

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        return respond(request, exc.status, exc.code, exc.message, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no route {request.method} {request.url.path}"
        return respond(request, exc.status_code, HTTP_CODES.get(exc.status_code, f"http_{exc.status_code}"), message, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        parts = []
        for e in exc.errors()[:5]:
            if e.get("type") == "json_invalid":
                parts.append(f"body is not valid JSON ({e.get('ctx', {}).get('error', 'parse error')})")
                continue
            where = ".".join(str(p) for p in e.get("loc", ()) if p != "body") or "body"
            parts.append(f"{where}: {e.get('msg', 'invalid')}")
        return respond(request, 422, "invalid_request", "; ".join(parts) or "invalid request")

    @app.exception_handler(KhabarError)
    async def _khabar(request: Request, exc: KhabarError):
        status = 413 if isinstance(exc, InputTooLarge) else 400 if isinstance(exc, DecodeError) else 500
        return respond(request, status, exc.code, exc.message)

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception):
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return respond(request, 500, "internal_error", f"internal error ({type(exc).__name__}); see the server log")
