"""One typed settings object, validated at construction."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import SettingsError


@dataclass(frozen=True)
class Settings:
    # Inputs larger than this are refused (bytes); a news article is rarely above 200 kB.
    max_input_bytes: int = 5_000_000
    # Numeric dates like 5/11/2023: day first, as Arabic newsrooms write them.
    day_first: bool = True
    # A heading is a line of at most this many words without sentence-final punctuation.
    heading_max_words: int = 14

    def __post_init__(self):
        if self.max_input_bytes <= 0:
            raise SettingsError(f"max_input_bytes must be > 0, got {self.max_input_bytes}")
        if not 1 <= self.heading_max_words <= 60:
            raise SettingsError(f"heading_max_words must be within 1..60, got {self.heading_max_words}")
