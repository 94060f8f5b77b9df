"""Request limits: body size (413), body upload time (408), and time per unit of work (504)."""

from __future__ import annotations

import asyncio
import json

from starlette.concurrency import run_in_threadpool

from .errors import ApiError, error_body

_WITH_BODY = {"POST", "PUT", "PATCH"}


class BodyLimit:
    """Pure ASGI middleware: buffers a request body up to ``max_bytes`` and replays it.

    Refusing on the size before the framework parses anything keeps a large or endless body
    from costing memory or time; buffering here is bounded by the same limit.
    """

    def __init__(self, app, max_bytes: int, timeout: float):
        self.app, self.max_bytes, self.timeout = app, max_bytes, timeout

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] not in _WITH_BODY:
            return await self.app(scope, receive, send)
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    return await _reject(send, 400, "bad_request", "invalid Content-Length header")
                if declared > self.max_bytes:
                    return await _reject(send, 413, "payload_too_large", self._too_large(declared))
        chunks, size = [], 0
        try:
            async with asyncio.timeout(self.timeout):
                while True:
                    msg = await receive()
                    if msg["type"] == "http.disconnect":
                        return None
                    body = msg.get("body", b"")
                    size += len(body)
                    if size > self.max_bytes:
                        return await _reject(send, 413, "payload_too_large", self._too_large(size, at_least=True))
                    chunks.append(body)
                    if not msg.get("more_body"):
                        break
        except TimeoutError:
            return await _reject(send, 408, "request_timeout", f"request body not received within {self.timeout:g} s")
        replayed = False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        return await self.app(scope, replay, send)

    def _too_large(self, size: int, at_least: bool = False) -> str:
        more = "at least " if at_least else ""
        return f"request body of {more}{size} bytes is over the limit of {self.max_bytes} bytes"


async def _reject(send, status: int, code: str, message: str):
    body = json.dumps(error_body(status, code, message)).encode()
    await send({"type": "http.response.start", "status": status, "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()), (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


async def bounded(timeout: float, fn, *args, **kw):
    """Run blocking work in the thread pool; answer 504 if it takes longer than ``timeout``.

    The thread itself finishes in the background (Python threads cannot be killed); the client
    gets its answer on time and the work's result is dropped.
    """
    try:
        return await asyncio.wait_for(run_in_threadpool(fn, *args, **kw), timeout)
    except TimeoutError:
        raise ApiError(504, "timeout", f"the request took longer than {timeout:g} s") from None
