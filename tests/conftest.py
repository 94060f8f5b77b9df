import json
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (GOLDEN / "blinken-iraq-2023-11-05.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_expected() -> dict:
    return json.loads((GOLDEN / "blinken-iraq-2023-11-05.expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_doc(seed_text, seed_expected) -> dict:
    import khabar

    return khabar.extract(seed_text, reference_date=seed_expected["reference_date"]).to_dict()
