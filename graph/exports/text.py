"""Writing text out: lines gathered into UTF-8 chunks, and text made safe for XML."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from xml.sax.saxutils import escape, quoteattr

#: Lines per chunk a streamed export yields.
LINES_PER_CHUNK = 1000

# Characters XML 1.0 does not allow at all (C0 controls but tab, newline, carriage return).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def chunked(lines: Iterable[str], size: int = LINES_PER_CHUNK) -> Iterator[bytes]:
    """Join ``lines`` into UTF-8 chunks of ``size`` lines each."""
    batch: list[str] = []
    for line in lines:
        batch.append(line)
        if len(batch) >= size:
            yield "".join(batch).encode("utf-8")
            batch = []
    if batch:
        yield "".join(batch).encode("utf-8")


def xml_text(value: str) -> str:
    """``value`` as XML character data."""
    return escape(_NOT_XML.sub("", value))


def xml_attribute(value: str) -> str:
    """``value`` as a quoted XML attribute value."""
    return quoteattr(_NOT_XML.sub("", value))
