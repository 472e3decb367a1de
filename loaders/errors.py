"""Why an article could not be read: one exception a user can act on."""

from __future__ import annotations

from ontology.errors import GovkgError


class ArticleRejected(GovkgError):
    """An input file that cannot become an article; names the file and the reason.

    Raised by the loaders for empty, binary, oversized, undecodable or malformed
    input. A batch catches it per file, reports it, and goes on with the rest.
    """

    kind = "article-rejected"
    status = 422

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
