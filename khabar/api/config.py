"""Server configuration: one frozen object, validated at construction."""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass

from ..errors import SettingsError

TOKEN_ENV = "KHABAR_API_TOKEN"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class ApiConfig:
    db: str | None = None  # corpus store path; None serves /v1/extract and /v1/health only
    host: str = "127.0.0.1"
    port: int = 8000
    # Bearer token for write endpoints. Required for writes when the server listens beyond
    # loopback; with no token configured there, writes are refused (never silently open).
    token: str | None = None
    # JSON bodies above this are refused with 413 before any parsing.
    max_body_bytes: int = 2_000_000
    # Seconds an extraction or a store query may take before the request answers 504.
    request_timeout: float = 30.0
    # Seconds a client may take to send its body (slow senders answer 408).
    body_timeout: float = 10.0
    max_page: int = 200

    def __post_init__(self):
        if not 1 <= self.port <= 65535:
            raise SettingsError(f"port must be within 1..65535, got {self.port}")
        if self.max_body_bytes <= 0:
            raise SettingsError(f"max_body_bytes must be > 0, got {self.max_body_bytes}")
        if self.request_timeout <= 0 or self.body_timeout <= 0:
            raise SettingsError("request_timeout and body_timeout must be > 0 seconds")

    @property
    def writes_need_token(self) -> bool:
        return bool(self.token) or not is_loopback(self.host)

    @classmethod
    def from_env(cls, **kw) -> "ApiConfig":
        """Build from keyword arguments, taking the token from ``KHABAR_API_TOKEN`` unless given."""
        if not kw.get("token"):
            kw["token"] = os.environ.get(TOKEN_ENV) or None
        return cls(**kw)
