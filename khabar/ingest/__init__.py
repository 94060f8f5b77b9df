"""Readers for the formats news comes in: plain text, JSON Lines (optionally gzipped), HTML pages,
WARC archives and RSS/Atom feeds.

``iter_items(paths)`` walks files and folders and yields ``Item`` (one article to extract) or
``Failure`` (a file or record that could not be read, with a reason). A bad file never stops the
walk. Turning an item into a ``Document`` (``Item.to_document()``) is where the costly part
happens (HTML main-text extraction), so runners call it in their workers.
"""

from __future__ import annotations

from .base import Failure, Item, JsonlFields, detect_format, iter_items

__all__ = ["Item", "Failure", "JsonlFields", "iter_items", "detect_format"]
