"""``khabar serve``: the HTTP API (/v1) and the web reader."""

from __future__ import annotations

import dataclasses
import json
import os
import sys


def register(sub) -> None:
    p = sub.add_parser("serve", help="serve the HTTP API (/v1) and the web reader over a corpus store")
    p.add_argument("--db", default=None, help="corpus store (SQLite file made by 'khabar ingest'); without it only /v1/extract and /v1/health work")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1; elsewhere, writes need KHABAR_API_TOKEN)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--token-file", default=None, help="file holding the bearer token for write endpoints (else KHABAR_API_TOKEN)")
    p.add_argument("--max-body", type=int, default=2_000_000, help="largest request body in bytes (413 above)")
    p.add_argument("--timeout", type=float, default=30.0, help="seconds per request before 504")
    p.add_argument("--workers", type=int, default=1, help="server processes (each runs extraction on its own core)")
    p.add_argument("--log-level", default="warning")
    p.set_defaults(func=run)


def run(args) -> int:
    import uvicorn

    from ..api import ApiConfig, create_app
    from ..api.app import CONFIG_ENV
    from ..api.config import is_loopback
    from ..errors import SettingsError

    token = None
    if args.token_file:
        with open(args.token_file, encoding="utf-8") as fh:
            token = fh.read().strip() or None
    config = ApiConfig.from_env(db=args.db, host=args.host, port=args.port, token=token, max_body_bytes=args.max_body, request_timeout=args.timeout)
    if not is_loopback(config.host) and not config.token:
        print("khabar: warning: listening beyond loopback without a token: write endpoints are refused (set KHABAR_API_TOKEN)", file=sys.stderr)
    if args.workers < 1:
        raise SettingsError(f"--workers must be >= 1, got {args.workers}")
    shown = f"[{config.host}]" if ":" in config.host else config.host
    print(f"Khabar is serving {args.db or '(no store)'} on http://{shown}:{config.port}/", flush=True)
    common = {"host": config.host, "port": config.port, "log_level": args.log_level, "timeout_keep_alive": 30, "limit_concurrency": 1000}
    if args.workers == 1:
        uvicorn.run(create_app(config), **common)
    else:
        # the token travels to the workers through this process's environment, not argv
        os.environ[CONFIG_ENV] = json.dumps(dataclasses.asdict(config))
        uvicorn.run("khabar.api.app:app_from_env", factory=True, workers=args.workers, **common)
    return 0
