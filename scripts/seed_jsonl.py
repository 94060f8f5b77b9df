"""Write the golden seed article as one JSON Lines record (text, date, title, source) so that
`make run` can ingest it beside the example corpus with its publication date."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"


def main(out: str) -> int:
    sys.path.insert(0, str(ROOT))
    from khabar.stages.clean import Clean
    from khabar.document import Document

    text = (GOLDEN / "blinken-iraq-2023-11-05.txt").read_text(encoding="utf-8")
    date = json.loads((GOLDEN / "blinken-iraq-2023-11-05.expected.json").read_text(encoding="utf-8"))["reference_date"]
    doc = Document(text=text)
    Clean()(doc)
    heading = next((b for b in doc.blocks if b.kind == "heading"), None)
    title = text[heading.start : heading.end].strip() if heading else None
    row = {"id": "seed-blinken-iraq-2023-11-05", "source": "seed", "date": date, "title": title, "text": text}
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    Path(out).write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "build/seed.jsonl"))
