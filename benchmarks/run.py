"""``make bench``: run every ``benchmarks/bench_*.py``; each prints its figures.

Each module defines ``main() -> int``. Figures are medians of several runs with a baseline
measured in the same run; see each module. Usage: ``python benchmarks/run.py [NAME ...]``.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    mods = sorted((ROOT / "benchmarks").glob("bench_*.py"))
    if argv:
        mods = [m for m in mods if m.stem.removeprefix("bench_") in argv]
    rc = 0
    for path in mods:
        print(f"\n=== {path.stem} ===", flush=True)
        spec = importlib.util.spec_from_file_location(path.stem, path)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        rc |= mod.main() or 0
    return rc


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main(sys.argv[1:]))
