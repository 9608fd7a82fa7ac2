"""Layout rules on the end of a document and what follows it (L4…): the signature and 成文日期 on
the right, the 版记 between its lines, each printed document or attachment on a new page, and the
tables they hold within the text block. (Page numbers, L402, are with the page: page_setup.)"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from ..gbt9704 import MARGIN_TOLERANCE as TOLERANCE
from ..gbt9704 import TEXT_W
from ..i18n import _ as _t  # rule modules keep `_` for throwaway names
from ..reader import W
from .findings import Hit, Source, paragraph_hit, rule
from .fonts import BODY_SZ
from .layout_view import alignment, layout_of
from .styles import int_of


@rule("L401", "signature-date", "layout")
def signature_date(source: Source) -> Iterator[Hit]:
    """Signature and 成文日期 on the right: the date right-aligned (4 characters in with a seal,
    2 without), the organ name(s) above it.

    Clause: GB/T 9704-2012 7.3.5
    """
    s = source.structure
    if s.date is None:
        return
    view = layout_of(source)
    width = TEXT_W
    for index in [*s.signature, s.date]:
        look = view.para(source.paragraph(index))
        right_side = look.jc in ("right", "end") or look.left + look.first_line > width // 3
        if look.jc == "center" and index != s.date:
            right_side = True  # names centred over the date
        if not right_side:
            what = "成文日期" if index == s.date else _t("signature")
            message = _t("{what} aligned {side}; it belongs on the right")
            yield paragraph_hit(source, index, message.format(what=what, side=alignment(look.jc)))


_PRINTED_ON = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日\s*印发$")


@rule("L403", "colophon-lines", "layout")
def colophon_lines(source: Source) -> Iterator[Hit]:
    """版记 (抄送, 印发机关和印发日期) between full-width lines: thick first and last, thin between.

    Clause: GB/T 9704-2012 7.4.1
    """
    for p in source.paragraphs:
        text = p.text.strip()
        if not (
            text.startswith(("抄送：", "抄送:"))
            or (text.endswith("印发") and _PRINTED_ON.search(text))
        ):
            continue
        if p.element is None:
            continue
        tbl = next(p.element.iterancestors(f"{W}tbl"), None)
        sizes: dict[str, int] = {}  # drawn table borders, in eighths of a point
        if tbl is not None:
            borders = tbl.find(f"{W}tblPr/{W}tblBorders")
            for b in borders if borders is not None else []:
                side = etree.QName(b).localname
                if side in ("top", "bottom", "insideH") and (b.get(f"{W}val") or "nil") not in (
                    "nil",
                    "none",
                ):
                    sizes[side] = int(b.get(f"{W}sz") or 4)
        look = layout_of(source).para(p)
        if not sizes and look.border_bottom is None and look.border_top is None:
            yield paragraph_hit(source, p.index, _t("版记 with no lines above and below it"))
        elif sizes and not ("top" in sizes and "bottom" in sizes):
            message = _t("版记 needs a line above its first row and below its last")
            yield paragraph_hit(source, p.index, message)
        elif sizes and min(sizes["top"], sizes["bottom"]) < sizes.get("insideH", 0):
            yield paragraph_hit(
                source,
                p.index,
                _t(
                    "版记's first and last lines should be thicker (0.35 mm) than the lines "
                    "between (0.25 mm)"
                ),
            )
        return


@rule("L404", "attachment-page", "layout")
def attachment_page(source: Source) -> Iterator[Hit]:
    """Each attachment or printed document starts on a new page.

    Clause: GB/T 9704-2012 8 (附件 after the 成文日期 or 附注, on a new page)
    """
    view = layout_of(source)
    parts = [part for part in source.structure.parts if part.kind == "document"]
    if not source.structure.is_notice:
        parts = parts[1:]
    for part in parts:
        p = source.paragraph(part.first)
        if p.element is None or view.para(p).page_break_before:
            continue
        if _break_before(p.element):
            continue
        yield paragraph_hit(
            source, p.index, _t("this printed document does not start on a new page")
        )


def _break_before(p: etree._Element) -> bool:
    """A page break in the paragraph's first run, or at the end of the paragraph before it, or a
    section break there."""
    first = p.find(f"{W}r")
    if first is not None and first.find(f"{W}br[@{W}type='page']") is not None:
        return True
    prev = p.getprevious()
    while prev is not None and prev.tag != f"{W}p":
        prev = prev.getprevious()
    if prev is None:
        return False
    if prev.find(f"{W}pPr/{W}sectPr") is not None:
        return True
    marks = [
        el for el in prev.iter(f"{W}br", f"{W}t") if el.tag == f"{W}br" or (el.text or "").strip()
    ]
    return bool(marks) and marks[-1].tag == f"{W}br" and marks[-1].get(f"{W}type") == "page"


@rule("L405", "tables", "layout")
def tables(source: Source) -> Iterator[Hit]:
    """Tables within the text block (156 mm wide) in the body's type or smaller.

    Clause: GB/T 9704-2012 8 (tables), 5.2.2
    """
    view = layout_of(source)
    seen: set[str] = set()
    for index in source.structure.mark:  # the mark's layout table is not a table of the text
        element = source.paragraph(index).element
        tbl = next(element.iterancestors(f"{W}tbl"), None) if element is not None else None
        if tbl is not None:
            seen.add(tbl.getroottree().getpath(tbl))
    for p in source.paragraphs:
        if p.element is None:
            continue
        tbl = next(p.element.iterancestors(f"{W}tbl"), None)
        if tbl is None or tbl.getroottree().getpath(tbl) in seen:
            continue
        seen.add(tbl.getroottree().getpath(tbl))
        w = tbl.find(f"{W}tblPr/{W}tblW")
        if w is None:
            continue
        kind, value = w.get(f"{W}type"), int_of(w.get(f"{W}w"))
        if (kind == "dxa" and value > TEXT_W + TOLERANCE) or (kind == "pct" and value > 5000):
            yield paragraph_hit(
                source, p.index, _t("this table is wider than the text block (156 mm)")
            )
        for look in view.looks(p)[:1]:
            if (look.size or 0) > BODY_SZ:
                yield paragraph_hit(
                    source,
                    p.index,
                    _t("table text in {size} pt, larger than the body's 16 pt").format(
                        size=f"{(look.size or 0) / 2:g}"
                    ),
                )
