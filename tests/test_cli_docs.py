"""Every command is documented in docs/cli.md, with each of its options."""

from pathlib import Path

import pytest

from khabar.cli import build_parser

DOC = (Path(__file__).parent.parent / "docs" / "cli.md").read_text(encoding="utf-8")
SUB = next(a for a in build_parser()._actions if a.__class__.__name__ == "_SubParsersAction")


@pytest.mark.parametrize("name", sorted(SUB.choices))
def test_cli_docs_every_command_and_option_documented(name):
    assert f"## khabar {name}" in DOC, f"run python scripts/gen_cli_docs.py: `khabar {name}` is undocumented"
    section = DOC.split(f"## khabar {name}", 1)[1].split("\n## ", 1)[0]
    for action in SUB.choices[name]._actions:
        for opt in action.option_strings:
            assert opt in section, f"option {opt} of `khabar {name}` missing from docs/cli.md"


def test_cli_unknown_input_is_a_clear_error(tmp_path, capsys):
    from khabar.cli import main

    assert main(["extract", str(tmp_path / "missing.txt")]) == 1
    err = capsys.readouterr().err
    assert "K003" in err and "missing.txt" in err
