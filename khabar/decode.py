"""Input decoding: bytes in, text out, or a clear error.

UTF-8 (with or without BOM), UTF-16 (BOM, or NUL-pattern without), Windows-1256 and ISO-8859-6
are recognised. Binary or undecodable input raises ``DecodeError`` (code K001) naming the reason.
"""

from __future__ import annotations

import codecs

from .errors import DecodeError, InputTooLarge

ENCODINGS = ("utf-8", "utf-16", "windows-1256", "iso-8859-6")
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def _score_arabic(text: str) -> float:
    """How much a decoding looks like Arabic prose: the article ``ال`` is in most words."""
    if not text:
        return 0.0
    letters = sum(1 for c in text if "\u0621" <= c <= "\u064A")
    return text.count("\u0627\u0644") * 4 + letters / max(1, len(text))


def decode(data: bytes, *, max_bytes: int | None = None, name: str = "input") -> tuple[str, str]:
    """Decode ``data``; returns ``(text, encoding)``."""
    if max_bytes is not None and len(data) > max_bytes:
        raise InputTooLarge(f"{name}: {len(data)} bytes is over the limit of {max_bytes} (settings.max_input_bytes)")
    if not data:
        return "", "empty"
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", name), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", name), "utf-16"
    if b"\x00" in data:
        # UTF-16 without BOM: NULs sit at every other byte for Latin, or beside 0x06 for Arabic
        even, odd = data[0::2].count(0), data[1::2].count(0)
        half = len(data) // 2 or 1
        if len(data) % 2 == 0 and max(even, odd) > 0.2 * half and min(even, odd) < 0.05 * half or _utf16_arabic(data):
            enc = "utf-16-le" if odd >= even else "utf-16-be"
            if _utf16_arabic(data):
                enc = "utf-16-le" if data[1::2].count(6) >= data[0::2].count(6) else "utf-16-be"
            return _strict(data, enc, name), enc
        raise DecodeError(f"{name}: binary data (NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        _reject_control(text, name)
        return text, "utf-8"
    candidates = []
    for enc in ("windows-1256", "iso-8859-6"):
        try:
            candidates.append((_score_arabic(data.decode(enc)), enc))
        except UnicodeDecodeError:
            continue
    if not candidates:
        raise DecodeError(f"{name}: not valid UTF-8, UTF-16, Windows-1256 or ISO-8859-6")
    _, enc = max(candidates)
    text = data.decode(enc)
    _reject_control(text, name)
    if _score_arabic(text) < 0.05 and sum(1 for b in data if b >= 0x80) > 0.3 * len(data):
        raise DecodeError(f"{name}: undecodable bytes (no supported encoding gives readable text)")
    return text, enc


def _utf16_arabic(data: bytes) -> bool:
    half = len(data) // 2 or 1
    return len(data) % 2 == 0 and (data[1::2].count(6) > 0.3 * half or data[0::2].count(6) > 0.3 * half)


def _strict(data: bytes, enc: str, name: str) -> str:
    try:
        text = data.decode(enc)
    except UnicodeDecodeError as exc:
        raise DecodeError(f"{name}: invalid {enc} at byte {exc.start}") from None
    _reject_control(text, name)
    return text.lstrip("\ufeff")


def _reject_control(text: str, name: str) -> None:
    sample = text[:65536]
    bad = sum(1 for c in sample if c < " " and c not in "\t\n\r\f") + sample.count("\ufffd")
    if sample and bad > max(8, 0.02 * len(sample)):
        raise DecodeError(f"{name}: binary data ({bad} control characters in the first {len(sample)}), not text")


def read_path(path: str, *, max_bytes: int | None = None) -> tuple[str, str]:
    """Read and decode a file (``-`` is standard input)."""
    import sys

    if path == "-":
        data = sys.stdin.buffer.read()
    else:
        with open(path, "rb") as fh:
            data = fh.read() if max_bytes is None else fh.read(max_bytes + 1)
    return decode(data, max_bytes=max_bytes, name=path)
