"""Bearer token for write endpoints when the server listens beyond loopback."""

from __future__ import annotations

import hmac

from fastapi import Request

from .errors import ApiError


def check_write(request: Request) -> None:
    config = request.app.state.config
    if not config.writes_need_token:
        return
    if not config.token:
        raise ApiError(403, "writes_disabled", "write endpoints are disabled: the server listens beyond loopback and no token is configured (set KHABAR_API_TOKEN)")
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise ApiError(401, "unauthorized", "this endpoint needs an 'Authorization: Bearer <token>' header", {"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.strip().encode(), config.token.encode()):
        raise ApiError(401, "unauthorized", "invalid bearer token", {"WWW-Authenticate": "Bearer"})
