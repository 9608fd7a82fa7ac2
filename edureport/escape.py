"""Escaping the composed document for the template: every text once, as Jinja Markup.

A template renders with autoescape, so text such as ``{{ x }}``, ``& < >`` or a line break comes
out as written. What is not text is XML made here from escaped text: a data table as a real Word
table in the template's table styles, and an organ's run in the mark.
"""

from __future__ import annotations

import re
from dataclasses import is_dataclass
from typing import Any

from markupsafe import Markup, escape

_EMPTY = Markup("")


# What escaping or docxtpl's "{_{" handling changes; most text has none of it.
_SPECIAL = re.compile(r"[&<>\"'_]")


def escape_text(value: str) -> Markup:
    """``value`` as Markup that prints as written."""
    if not value:
        return _EMPTY
    if _SPECIAL.search(value) is None:
        # Markup(value) without its checks for objects with __html__: value is plain text.
        return str.__new__(Markup, value)
    markup = escape(value)
    if "_" in value:
        # docxtpl turns "{_{" back into "{{" after rendering; a character reference keeps it.
        return Markup(str(markup).replace("{_", "{&#95;").replace("_}", "&#95;}"))
    return markup


def escaped(value: Any) -> Any:
    """``value`` (the composed context, or a part of it) with every text escaped; dataclasses
    become dicts, and a table block gains its Word XML as ``xml``."""
    # The exact types first: the context is thousands of plain strings, lists and dicts.
    kind = type(value)
    if kind is str:
        return escape_text(value)
    if kind is list:
        return [escaped(v) for v in value]
    if kind is dict:
        return {k: escaped(v) for k, v in value.items()}
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return escape_text(value)
    if isinstance(value, dict):
        return {k: escaped(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [escaped(v) for v in value]
    if value is None or kind is int or kind is bool:
        return value
    if is_dataclass(value) and not isinstance(value, type):
        fields = vars(value)
        result = {k: escape_text(v) if type(v) is str else escaped(v) for k, v in fields.items()}
        if fields.get("kind") == "table":
            result["xml"] = Markup(table_xml(fields["table"]))
        return result
    return value


def mark_run(name: str, scale: int) -> Markup:
    """An organ name's run in the mark; the style gives font, size and red, this only narrows."""
    rpr = f'<w:rPr><w:w w:val="{scale}"/></w:rPr>' if scale < 100 else ""
    return Markup(f'<w:r>{rpr}<w:t xml:space="preserve">{escape_text(name)}</w:t></w:r>')


def table_xml(table: dict[str, Any]) -> str:
    """A real Word table in the template's table styles (GwTable, GwTableHeader, GwTableText)."""

    def cell(text: str, style: str) -> str:
        return (
            f'<w:tc><w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>'
            f'<w:r><w:t xml:space="preserve">{escape_text(text)!s}</w:t></w:r></w:p></w:tc>'
        )

    numeric = table["numeric"]
    header = "".join(cell(name, "GwTableHeader") for name in table["header"])
    rows = "".join(
        "<w:tr>"
        + "".join(
            cell(v, "GwTableNumber" if numeric[i] else "GwTableText") for i, v in enumerate(row)
        )
        + "</w:tr>"
        for row in table["rows"]
    )
    grid = "".join('<w:gridCol w:w="1000"/>' for _ in table["header"])
    caption = (
        f'<w:p><w:pPr><w:pStyle w:val="GwTableCaption"/></w:pPr><w:r><w:t xml:space="preserve">'
        f"{escape_text(table['caption'])!s}</w:t></w:r></w:p>"
        if table["caption"]
        else ""
    )
    return (
        f'{caption}<w:tbl><w:tblPr><w:tblStyle w:val="GwTable"/><w:tblW w:w="5000" w:type="pct"/>'
        f'<w:jc w:val="center"/><w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
        f"<w:tr><w:trPr><w:tblHeader/></w:trPr>{header}</w:tr>{rows}</w:tbl>"
        # A paragraph after the table keeps the next one from joining it in Word.
        '<w:p><w:pPr><w:pStyle w:val="GwTableAfter"/></w:pPr></w:p>'
    )
