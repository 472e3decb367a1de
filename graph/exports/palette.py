"""One colour per node label, so yEd, Gephi and the explorer draw a label alike."""

from __future__ import annotations

#: Fill colour (``#rrggbb``) of each label of the projection.
COLOURS: dict[str, str] = {
    "Person": "#d95f02",
    "Organization": "#1b9e77",
    "Province": "#7570b3",
    "LegalDocument": "#e6ab02",
    "Meeting": "#e7298a",
    "Article": "#999999",
    "Observation": "#66a61e",
}
_OTHER = "#666666"


def colour(label: str) -> str:
    """The colour of ``label`` (grey for a label the palette does not know)."""
    return COLOURS.get(label, _OTHER)


def rgb(label: str) -> tuple[int, int, int]:
    """The colour of ``label`` as red, green and blue from 0 to 255."""
    hex_colour = colour(label)
    return int(hex_colour[1:3], 16), int(hex_colour[3:5], 16), int(hex_colour[5:7], 16)
