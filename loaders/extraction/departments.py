"""Lists of departments (and ministries: "các Bộ: Nội vụ, Tài chính") named by their field after a colon.

"lãnh đạo Sở: Tài chính, Kế hoạch và Đầu tư", "đại diện các ngành: Xây dựng, Y tế", "Giám đốc các Sở, Ngành: Công an
tỉnh; Nội Vụ; Tài Chính", "các sở, ban, ngành, đơn vị: Kế hoạch và Đầu tư, Tài
chính, …, Công an tỉnh, Văn phòng UBND tỉnh": each field is a Sở; items that are
bodies of their own ("Công an tỉnh") are read as bodies.
"""

from __future__ import annotations

import re

from loaders.extraction.context import ArticleContext
from loaders.extraction.organizations import OrgMatch

_LIST_OPENING = re.compile(
    r"(?<!\w)(?:các\s+)?(?P<head>[Ss]ở|Bộ|[Nn]gành)(?:\s*,\s*(?:[Bb]an|[Nn]gành|[Đđ]ơn vị|[Đđ]ịa phương|[Đđ]oàn thể))*"
    r"\s*:\s*"
)
_ITEM_SEPARATOR = re.compile(r"\s*(?:[,;]|\s và\s)\s*")


def find_department_lists(ctx: ArticleContext) -> list[OrgMatch]:
    """The bodies listed after "Sở:" and "các sở, ban, ngành:" openings."""
    found: list[OrgMatch] = []
    for opening in _LIST_OPENING.finditer(ctx.text):
        pos = opening.end()
        while pos < len(ctx.text):
            head = "Bộ" if opening.group("head") == "Bộ" else "Sở"
            item = ctx.organizations.department_at(pos, head) or ctx.organizations.at(pos)
            if item is None or item.generic:
                break
            found.append(item)
            separator = _ITEM_SEPARATOR.match(ctx.text, item.end)
            if separator is None:
                break
            pos = separator.end()
    return found
