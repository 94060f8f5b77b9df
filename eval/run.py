"""``make eval``: run every ``eval/eval_*.py`` (each reads ../shared/data and prints its report).

Each module defines ``main(data_dir: Path, report_dir: Path) -> int``. Reports are written under
``build/eval/`` as Markdown and JSON. Usage: ``python eval/run.py [NAME ...]``.
"""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__import__("os").environ.get("KHABAR_DATA", ROOT.parent / "shared" / "data"))


def main(argv: list[str]) -> int:
    if not DATA.is_dir():
        print(f"eval: no public data at {DATA} (set KHABAR_DATA); nothing to evaluate", file=sys.stderr)
        return 2
    report_dir = ROOT / "build" / "eval"
    report_dir.mkdir(parents=True, exist_ok=True)
    mods = sorted((ROOT / "eval").glob("eval_*.py"))
    if argv:
        mods = [m for m in mods if m.stem.removeprefix("eval_") in argv]
    rc = 0
    for path in mods:
        print(f"\n=== {path.stem} ===", flush=True)
        spec = importlib.util.spec_from_file_location(path.stem, path)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        t0 = time.perf_counter()
        rc |= mod.main(DATA, report_dir) or 0
        print(f"({path.stem}: {time.perf_counter() - t0:.1f}s)", flush=True)
    return rc


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main(sys.argv[1:]))
