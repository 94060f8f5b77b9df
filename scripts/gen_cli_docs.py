"""Regenerate docs/cli.md from the commands' own --help (run after adding or changing a command)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def render() -> str:
    os.environ["COLUMNS"] = "100"
    sys.path.insert(0, str(ROOT))
    from khabar.cli import build_parser

    parser = build_parser()
    out = ["# Command reference", "", "Generated from `--help` by `python scripts/gen_cli_docs.py`; do not edit by hand.", ""]
    out += ["```", parser.format_help().rstrip(), "```", ""]
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    for name, p in sub.choices.items():
        out += [f"## khabar {name}", "", "```", p.format_help().rstrip(), "```", ""]
    return "\n".join(out)


if __name__ == "__main__":
    (ROOT / "docs" / "cli.md").write_text(render(), encoding="utf-8")
    print("docs/cli.md written")
