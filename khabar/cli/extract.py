"""``khabar extract PATH|- ...``: print each document as JSON (JSON Lines for several)."""

from __future__ import annotations

import datetime as dt
import json
import sys

from ..decode import read_path
from ..document import Document
from ..errors import DecodeError, InputTooLarge, KhabarError


def register(sub) -> None:
    p = sub.add_parser("extract", help="extract facts from text files (or - for stdin) as JSON")
    p.add_argument("paths", nargs="+", metavar="PATH", help="text file(s), or - for standard input")
    p.add_argument("--date", type=_date, default=None, help="reference date YYYY-MM-DD for relative times")
    p.add_argument("--pretty", action="store_true", help="readable terminal view instead of JSON")
    p.add_argument("--tokens", action="store_true", help="include the tokens layer in the JSON")
    p.set_defaults(func=run)


def _date(s: str) -> dt.date:
    try:
        return dt.date.fromisoformat(s)
    except ValueError:
        raise SystemExit(f"khabar: error: --date must be YYYY-MM-DD, got {s!r}") from None


def run(args) -> int:
    from .. import pipeline

    pipe = pipeline()
    failures = 0
    one = len(args.paths) == 1
    for path in args.paths:
        try:
            text, _enc = read_path(path, max_bytes=pipe.settings.max_input_bytes)
        except (DecodeError, InputTooLarge) as exc:
            print(f"khabar: error: {exc}", file=sys.stderr)
            failures += 1
            continue
        except OSError as exc:
            print(f"khabar: error: [K003] {path}: {exc.strerror}", file=sys.stderr)
            failures += 1
            continue
        doc = pipe(Document(text=text, reference_date=args.date, meta={"path": path}))
        if args.pretty:
            from .pretty import render

            sys.stdout.write(render(doc))
        else:
            d = doc.to_dict(tokens=args.tokens)
            sys.stdout.write(json.dumps(d, ensure_ascii=False, indent=2 if one else None) + "\n")
    if failures:
        print(f"khabar: {failures} of {len(args.paths)} input(s) failed", file=sys.stderr)
        return 1
    return 0


__all__ = ["register", "run", "KhabarError"]
