"""``khabar extract``: JSON for one path, JSON Lines for several, a readable view with --pretty."""

import json
import shutil

from khabar.cli import main


def test_cli_extract_several_paths_give_json_lines(tmp_path, capsys, seed_text):
    a = tmp_path / "a.txt"
    a.write_text(seed_text, encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text("قال الرئيس إن الوضع صعب.\n", encoding="utf-8")
    assert main(["extract", str(a), str(b), "--date", "2023-11-05"]) == 0
    lines = capsys.readouterr().out.strip().split("\n")
    docs = [json.loads(x) for x in lines]
    assert [d["text"] for d in docs] == [seed_text, "قال الرئيس إن الوضع صعب.\n"]
    assert all(d["reference_date"] == "2023-11-05" for d in docs)


def test_cli_extract_pretty_marks_blocks(tmp_path, capsys, seed_text):
    a = tmp_path / "a.txt"
    a.write_text(seed_text, encoding="utf-8")
    assert main(["extract", str(a), "--pretty"]) == 0
    out = capsys.readouterr().out
    assert "✗ (share)  قم بمشاركة المقال" in out
    assert "# (related_title)" in out


def test_cli_extract_bad_date_is_refused(tmp_path, capsys):
    a = tmp_path / "a.txt"
    a.write_text("نص", encoding="utf-8")
    try:
        main(["extract", str(a), "--date", "5/11/2023"])
    except SystemExit as exc:
        assert "YYYY-MM-DD" in str(exc)
    else:
        raise AssertionError("a malformed --date must be refused")


def test_cli_extract_one_bad_file_does_not_stop_the_others(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text("خبر.\n", encoding="utf-8")
    bad = tmp_path / "bad.bin"
    bad.write_bytes(bytes(range(256)) * 4)
    assert main(["extract", str(bad), str(good)]) == 1
    cap = capsys.readouterr()
    assert json.loads(cap.out)["text"] == "خبر.\n"
    assert "1 of 2 input(s) failed" in cap.err
