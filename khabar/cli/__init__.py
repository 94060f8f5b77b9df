"""The ``khabar`` command. Each subcommand is a thin wrapper over a library call, in its own module
under ``khabar/cli/`` exposing ``register(subparsers)``; add the module name to ``COMMANDS``."""

from __future__ import annotations

import argparse
import importlib
import sys

from ..errors import KhabarError

COMMANDS = ["extract", "batch", "boilerplate", "serve", "ingest", "search", "figures", "export", "spark", "corpus", "train"]


def build_parser() -> argparse.ArgumentParser:
    from .. import __version__

    parser = argparse.ArgumentParser(prog="khabar", description="Arabic news to sourced, structured, searchable facts.")
    parser.add_argument("--version", action="version", version=f"khabar {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"{__name__}.{name.replace('-', '_')}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args) or 0
    except KhabarError as exc:
        print(f"khabar: error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
