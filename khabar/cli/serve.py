"""``khabar serve``: the HTTP API (/v1) and the web reader."""

from __future__ import annotations

import sys


def register(sub) -> None:
    p = sub.add_parser("serve", help="serve the HTTP API (/v1) and the web reader over a corpus store")
    p.add_argument("--db", default=None, help="corpus store (SQLite file made by 'khabar ingest'); without it only /v1/extract and /v1/health work")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1; elsewhere, writes need KHABAR_API_TOKEN)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--token-file", default=None, help="file holding the bearer token for write endpoints (else KHABAR_API_TOKEN)")
    p.add_argument("--max-body", type=int, default=2_000_000, help="largest request body in bytes (413 above)")
    p.add_argument("--timeout", type=float, default=30.0, help="seconds per request before 504")
    p.add_argument("--log-level", default="warning")
    p.set_defaults(func=run)


def run(args) -> int:
    import uvicorn

    from ..api import ApiConfig, create_app
    from ..api.config import is_loopback

    token = None
    if args.token_file:
        with open(args.token_file, encoding="utf-8") as fh:
            token = fh.read().strip() or None
    config = ApiConfig.from_env(db=args.db, host=args.host, port=args.port, token=token, max_body_bytes=args.max_body, request_timeout=args.timeout)
    if not is_loopback(config.host) and not config.token:
        print("khabar: warning: listening beyond loopback without a token: write endpoints are refused (set KHABAR_API_TOKEN)", file=sys.stderr)
    app = create_app(config)
    shown = f"[{config.host}]" if ":" in config.host else config.host
    print(f"Khabar is serving {args.db or '(no store)'} on http://{shown}:{config.port}/", flush=True)
    uvicorn.run(app, host=config.host, port=config.port, log_level=args.log_level, timeout_keep_alive=5, limit_concurrency=1000)
    return 0
