"""Small helpers that write WordprocessingML (OOXML) as text: paragraphs, runs, docxtpl's block
tags, borderless tables, and the XML escaping text needs.

The letterhead template is written with them part by part, so that a change to it is a reviewable
diff. They know nothing of GB/T 9704; the styles (styles.py) and the template body (letterhead.py)
do.
"""

from __future__ import annotations

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def escape(text: str) -> str:
    """&, < and > as XML text needs them (xml.sax.saxutils and html cost 10-20 ms at start-up)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def xml_decl(body: str) -> str:
    """A part's text: the XML declaration Word writes, then ``body``."""
    return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + body


def para(style: str, *runs: str) -> str:
    """A paragraph in ``style`` holding ``runs``."""
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{"".join(runs)}</w:p>'


def run(text: str, char_style: str | None = None) -> str:
    """A run; one that renders empty is removed after rendering (render.drop_empty_runs)."""
    rpr = f'<w:rPr><w:rStyle w:val="{char_style}"/></w:rPr>' if char_style else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def tag(text: str) -> str:
    """A paragraph holding only a docxtpl block tag ({%p ... %}); docxtpl removes it."""
    return f"<w:p><w:r><w:t>{escape(text)}</w:t></w:r></w:p>"


def when(condition: str, then: str, otherwise: str | None = None) -> str:
    """Paragraphs printed only when ``condition`` holds (else ``otherwise``)."""
    alternative = "" if otherwise is None else tag("{%p else %}") + otherwise
    return tag(f"{{%p if {condition} %}}") + then + alternative + tag("{%p endif %}")


def each(loop: str, body: str) -> str:
    """Paragraphs printed once for each item: ``loop`` is e.g. “line in notice.body”."""
    return tag(f"{{%p for {loop} %}}") + body + tag("{%p endfor %}")


def tag_row(text: str) -> str:
    """A table row holding only a docxtpl row tag ({%tr ... %}); docxtpl removes the row."""
    return (
        '<w:tr><w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr>'
        f"<w:p><w:r><w:t>{escape(text)}</w:t></w:r></w:p></w:tc></w:tr>"
    )


def cell(width: int, paragraphs: str, valign: str | None = None) -> str:
    va = f'<w:vAlign w:val="{valign}"/>' if valign else ""
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{va}</w:tcPr>{paragraphs}</w:tc>'


def borderless_table(widths: list[int], cells: str) -> str:
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
        '<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/>'
        '<w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>'
        '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/>'
        '<w:right w:w="0" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid><w:tr>{cells}</w:tr></w:tbl>"
    )
