"""``normalise``: build the normalised view (see ``khabar.normalise``) once per document."""

from ..document import Document
from ..pipeline import Stage


class Normalise(Stage):
    name = "normalise"
    version = "1"
    requires = ("text",)
    assigns = ("view",)

    def __call__(self, doc: Document) -> None:
        doc.view  # noqa: B018 - builds and caches the view
