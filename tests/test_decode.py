"""Every supported encoding decodes; binary and undecodable input is refused with a clear error."""

import codecs
import subprocess
import sys

import pytest

from khabar.decode import decode
from khabar.errors import DecodeError, InputTooLarge

ARABIC = "قال وزير الخارجية الأمريكي إن الولايات المتحدة تعمل جاهدة لضمان عدم امتداد الصراع في غزة.\n"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (ARABIC.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ARABIC.encode("utf-8"), "utf-8-sig"),
        (ARABIC.encode("utf-16"), "utf-16"),  # with BOM
        (ARABIC.encode("utf-16-le"), "utf-16-le"),
        (ARABIC.encode("utf-16-be"), "utf-16-be"),
        (ARABIC.encode("windows-1256"), "windows-1256"),
        (ARABIC.encode("iso-8859-6"), "iso-8859-6"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le", "utf16be", "cp1256", "iso8859-6"],
)
def test_decode_supported_encodings(data, encoding):
    text, enc = decode(data)
    assert text == ARABIC
    assert enc == encoding


def test_decode_empty_gives_empty_text():
    assert decode(b"") == ("", "empty")


def test_decode_refuses_binary():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    with pytest.raises(DecodeError, match=r"K001.*binary"):
        decode(png, name="photo.png")


def test_decode_refuses_undecodable_latin_soup():
    data = bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 200  # undefined in ISO-8859-6, noise in cp1256
    with pytest.raises(DecodeError):
        decode(data)


def test_decode_refuses_control_characters():
    with pytest.raises(DecodeError, match="control characters"):
        decode(("\x01\x02\x03\x04" * 50).encode())


def test_decode_limit():
    with pytest.raises(InputTooLarge, match="K002"):
        decode(b"x" * 11, max_bytes=10)


def _khabar(*args, stdin=b""):
    return subprocess.run([sys.executable, "-m", "khabar", *args], input=stdin, capture_output=True, timeout=120)


def test_decode_cli_rejects_binary_with_nonzero_exit(tmp_path):
    p = tmp_path / "x.bin"
    p.write_bytes(b"\x00\x01\x02" * 100)
    r = _khabar("extract", str(p))
    assert r.returncode == 1
    assert b"K001" in r.stderr and b"binary" in r.stderr
    assert r.stdout == b""


def test_decode_cli_empty_input_gives_empty_document():
    import json

    r = _khabar("extract", "-", stdin=b"")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["text"] == "" and d["blocks"] == [] and d["sentences"] == []


def test_decode_cli_windows_1256_file(tmp_path):
    import json

    p = tmp_path / "a.txt"
    p.write_bytes(ARABIC.encode("windows-1256"))
    r = _khabar("extract", str(p))
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["text"] == ARABIC
