"""Coded errors. Codes are stable: tools and users match on them, never on the message."""

from __future__ import annotations


class KhabarError(Exception):
    """Base error. ``code`` is stable (``K001``...), the message is for people."""

    code = "K000"

    def __init__(self, message: str, *, code: str | None = None):
        if code:
            self.code = code
        super().__init__(f"[{self.code}] {message}")
        self.message = message


class DecodeError(KhabarError):
    """Input bytes are binary or in no supported text encoding."""

    code = "K001"


class InputTooLarge(KhabarError):
    code = "K002"


class PipelineConfigError(KhabarError):
    """A stage's ``requires`` is not assigned by an earlier stage, or a name is unknown."""

    code = "K010"


class StageFailed(KhabarError):
    """A stage raised on one document. Recorded on the document, never raised out of a batch."""

    code = "K020"


class SettingsError(KhabarError):
    code = "K030"


class ModelMissing(KhabarError):
    code = "K040"
