"""Layout rules on the page (L1…): paper, margins and the text block, the line grid; and the page
numbers the section's footers print (L402).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from ..gbt9704 import MARGIN_LEFT, MARGIN_TOP, MM, PAGE_H, PAGE_W, TEXT_H, TEXT_W
from ..gbt9704 import MARGIN_TOLERANCE as TOLERANCE
from ..i18n import _ as _t  # rule modules keep `_` for throwaway names
from ..reader import W
from .findings import Hit, Severity, Source, document_hit, rule
from .layout_view import alignment, in_table, layout_of
from .styles import int_of

# Page (5.2): twips; 1 mm ≈ 56.7 twips.
A4 = (PAGE_W, PAGE_H)
TEXT_BLOCK = (TEXT_W, TEXT_H)  # 156 × 225 mm


def _mm(twips: float) -> str:
    return f"{twips / MM:.1f} mm"


@rule("L101", "paper", "layout", Severity.ERROR)
def paper(source: Source) -> Iterator[Hit]:
    """A4 paper, 210 × 297 mm.

    Clause: GB/T 9704-2012 5.2.1
    """
    sect = layout_of(source).sect
    size = sect.find(f"{W}pgSz") if sect is not None else None
    if size is None:
        yield document_hit(
            _t("the page size is not set (Word then uses its default, often Letter); set A4")
        )
        return
    w, h = int_of(size.get(f"{W}w")), int_of(size.get(f"{W}h"))
    if size.get(f"{W}orient") == "landscape" or w > h:
        w, h = h, w
    if abs(w - A4[0]) > TOLERANCE or abs(h - A4[1]) > TOLERANCE:
        message = _t("the paper is {width} × {height}; 公文 use A4, 210 × 297 mm")
        yield document_hit(message.format(width=_mm(w), height=_mm(h)))


@rule("L102", "margins", "layout", Severity.ERROR)
def margins(source: Source) -> Iterator[Hit]:
    """Top margin 37 mm, left 28 mm (each ± 1 mm), leaving a 156 × 225 mm text block.

    Clause: GB/T 9704-2012 5.2.2
    """
    sect = layout_of(source).sect
    mar = sect.find(f"{W}pgMar") if sect is not None else None
    size = sect.find(f"{W}pgSz") if sect is not None else None
    if mar is None or size is None:
        yield document_hit(
            _t("the page margins are not set; set top 37 mm, left 28 mm, 156 × 225 mm text")
        )
        return
    top, left = int_of(mar.get(f"{W}top")), int_of(mar.get(f"{W}left"))
    right, bottom = int_of(mar.get(f"{W}right")), int_of(mar.get(f"{W}bottom"))
    problems = []
    if abs(abs(top) - MARGIN_TOP) > TOLERANCE:
        problems.append(_t("top {size} (37 mm)").format(size=_mm(abs(top))))
    if abs(left - MARGIN_LEFT) > TOLERANCE:
        problems.append(_t("left {size} (28 mm)").format(size=_mm(left)))
    width = int_of(size.get(f"{W}w")) - left - right
    height = int_of(size.get(f"{W}h")) - abs(top) - abs(bottom)
    if abs(width - TEXT_W) > TOLERANCE or abs(height - TEXT_BLOCK[1]) > TOLERANCE:
        block = _t("text block {width} × {height} (156 × 225 mm)")
        problems.append(block.format(width=_mm(width), height=_mm(height)))
    if problems:
        message = _t("margins: {problems} — the standard's values in brackets")
        yield document_hit(message.format(problems=_t("; ").join(problems)))


@rule("L103", "text-grid", "layout")
def text_grid(source: Source) -> Iterator[Hit]:
    """22 lines per page: a line grid (w:docGrid) or exact line spacing of about 28–29 pt.

    Clause: GB/T 9704-2012 5.2.4
    """
    view = layout_of(source)
    grid = view.sect.find(f"{W}docGrid") if view.sect is not None else None
    if grid is not None and grid.get(f"{W}type") in ("lines", "linesAndChars", "snapToChars"):
        pitch = int_of(grid.get(f"{W}linePitch"))
        if 540 <= pitch <= 600:
            return
    body = [p for p in source.paragraphs if p.text.strip() and not in_table(p)]
    exact = [view.para(p) for p in body[:40]]
    if exact and all(
        look.line_rule == "exact" and 540 <= (look.line or 0) <= 600 for look in exact
    ):
        return
    yield document_hit(
        _t(
            "no 22-line text grid: set a line grid (Layout › Document Grid › lines only, "
            "22 per page) or exact line spacing of 28.95 pt"
        )
    )


def _footer_text(footer: etree._Element) -> str:
    out = []
    for el in footer.iter(f"{W}t", f"{W}instrText", f"{W}fldSimple"):
        out.append(el.text or "" if el.tag == f"{W}t" else "")
    return "".join(out).strip()


def _has_page_field(footer: etree._Element) -> bool:
    for el in footer.iter(f"{W}instrText"):
        if re.match(r"\s*PAGE\b", el.text or ""):
            return True
    return any(
        re.match(r"\s*PAGE\b", el.get(f"{W}instr") or "") for el in footer.iter(f"{W}fldSimple")
    )


@rule("L402", "page-numbers", "layout", Severity.ERROR)
def page_numbers(source: Source) -> Iterator[Hit]:
    """Page numbers as “— N —” (a PAGE field) on odd pages right, even pages left: different odd
    and even footers, both with the field.

    Clause: GB/T 9704-2012 7.5
    """
    view = layout_of(source)
    numbered = {k: f for k, f in view.footers.items() if _has_page_field(f)}
    if not numbered:
        yield document_hit(_t("no page numbers: the footers have no PAGE field"))
        return
    settings = view.settings
    even_odd = settings is not None and settings.find(f"{W}evenAndOddHeaders") is not None
    if not even_odd or "even" not in numbered or "default" not in numbered:
        yield document_hit(
            _t(
                "page numbers do not alternate sides: set different odd and even footers "
                "(odd pages right, even pages left) with a PAGE field in each"
            ),
            severity=Severity.WARNING,
        )
    for kind, footer in numbered.items():
        text = _footer_text(footer)
        side = _t("odd") if kind == "default" else _t("even") if kind == "even" else kind
        if not re.fullmatch(r"—\s?\d+\s?—", text):
            yield document_hit(
                _t("the {side} page number reads “{text}”; write it “— 1 —” with em dashes").format(
                    side=side, text=text
                ),
                severity=Severity.WARNING,
            )
        p = footer.find(f".//{W}p")
        if p is not None and kind in ("default", "even") and even_odd:
            jc = view.styles.para_look(p).jc
            want = ("right", "end") if kind == "default" else ("left", "start", None, "both")
            if jc not in want:
                yield document_hit(
                    _t(
                        "the {side} page number is aligned {align}; odd pages right, "
                        "even pages left"
                    ).format(side=side, align=alignment(jc)),
                    severity=Severity.WARNING,
                )
