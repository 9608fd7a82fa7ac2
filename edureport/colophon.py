"""Put the 版记 where GB/T 9704-2012 wants it: at the foot of the last page, on an even page.

7.4: the 版记's last rule lies on the bottom edge of the text block of the last page; 7.5: the last
page is even (a blank page before it when needed), and neither that blank page nor the 版记 page
carries a page number. The template cannot say this on its own (its last section is the same for
documents with and without a 版记), so after rendering the 版记 gets a section of its own:

- the paragraph before it ends the text's section (a copy of the document's section properties,
  so the text keeps its page numbers);
- the last section starts on an even page (w:type evenPage: Word and LibreOffice insert the blank
  page themselves) and its footers print nothing;
- the 版记 table floats at the foot of the text block (w:tblpPr, vertAnchor margin, bottom), so
  that its last rule meets the bottom edge however long its lines run;
- a 抄送 line that runs on is aligned after “抄送：” (7.4.2).

The blank page's number: LibreOffice prints an inserted blank page without header or footer (and
its PDF keeps the page, see office.py). Word counts the inserted page to the section before, whose
footer holds the page number, so Word may number it (not checked in Word here). The 版记 always
has its page to itself, even where it would fit under the text of an even last page: whether it
fits is known only once the pages are laid out.
"""

from __future__ import annotations

import copy
from typing import Any

from lxml import etree

from .gbt9704 import FOURTH, MARGIN_BOTTOM, MARGIN_LEFT

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W = f"{{{W_NS}}}"
GAP_STYLE = "GwColophonGap"  # the empty paragraph the template puts before the 版记 table
FOOTER_STYLE = "GwFooterOdd"
CC = "抄送："


def _w(tag: str) -> str:
    return W + tag


def _paragraph_text(p: Any) -> str:
    return "".join(t.text or "" for t in p.iter(_w("t")))


def _style(p: Any) -> str | None:
    el = p.find(f"{W}pPr/{W}pStyle")
    return None if el is None else el.get(_w("val"))


def align_after_colon(p: Any) -> None:
    """A 抄送 line that runs on aligns its next lines with the first name (7.4.2): a hanging
    indent the width of “抄送：”, one 四号 character in from the rule as before."""
    ppr = p.find(_w("pPr"))
    if ppr is None:
        ppr = etree.Element(_w("pPr"))
        p.insert(0, ppr)
    ind = ppr.find(_w("ind"))
    if ind is None:
        ind = etree.Element(_w("ind"))
        # In pPr, ind follows pStyle … spacing and precedes jc, outlineLvl and rPr.
        later = next(
            (el for el in ppr if el.tag in (_w("contextualSpacing"), _w("jc"), _w("rPr"))), None
        )
        if later is not None:
            later.addprevious(ind)
        else:
            ppr.append(ind)
    hang = len(CC) * FOURTH
    ind.set(_w("left"), str(FOURTH + hang))
    ind.set(_w("hanging"), str(hang))
    ind.set(_w("hangingChars"), str(100 * len(CC)))  # Word reads the Chars form first
    for name in ("firstLine", "firstLineChars", "leftChars"):
        ind.attrib.pop(_w(name), None)


def float_at_bottom(tbl: Any, left: int) -> None:
    """Float ``tbl`` at the foot of the text block (its last rule on the bottom edge), its left
    edge ``left`` from the page's. Against the page, not the margin: LibreOffice keeps a table
    as wide as the text block in the text flow unless it is positioned against the page."""
    tblpr = tbl.find(_w("tblPr"))
    if tblpr is None:
        tblpr = etree.Element(_w("tblPr"))
        tbl.insert(0, tblpr)
    old = tblpr.find(_w("tblpPr"))
    if old is not None:
        tblpr.remove(old)
    pos = etree.Element(_w("tblpPr"))
    for name, value in (
        ("leftFromText", "0"),
        ("rightFromText", "0"),
        ("topFromText", "0"),
        ("bottomFromText", "0"),
        ("vertAnchor", "margin"),
        ("horzAnchor", "page"),
        ("tblpX", str(left)),
        ("tblpYSpec", "bottom"),
    ):
        pos.set(_w(name), value)
    # tblPr's children in schema order: tblStyle, then tblpPr.
    style = tblpr.find(_w("tblStyle"))
    tblpr.insert(0 if style is None else 1, pos)


def _section_type(sect: Any, value: str) -> None:
    el = sect.find(_w("type"))
    if el is None:
        el = etree.Element(_w("type"))
        # sectPr: header/footer references, footnotePr, endnotePr, then type.
        refs = [
            c
            for c in sect
            if c.tag
            in (_w("headerReference"), _w("footerReference"), _w("footnotePr"), _w("endnotePr"))
        ]
        if refs:
            refs[-1].addnext(el)
        else:
            sect.insert(0, el)
    el.set(_w("val"), value)


def _empty_footer(docx: Any, height: int) -> str:
    """A footer part that prints nothing; its relationship id in the document part.

    Its one empty line is as tall as the space from the footer's place to the text block, so
    that the text area LibreOffice lays out ends where the text block does (it otherwise runs on
    over a short footer on a page of an even-page section, and the 版记 would sit below the
    bottom edge). In Word it is an empty footer that fits below the text block.
    """
    from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    part = docx.part
    name = part.package.next_partname("/word/footer%d.xml")
    line = f'<w:spacing w:before="0" w:after="0" w:line="{height}" w:lineRule="exact"/>'
    blob = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:ftr xmlns:w="{W_NS}"><w:p><w:pPr><w:pStyle w:val="{FOOTER_STYLE}"/>'
        f"{line}</w:pPr></w:p></w:ftr>"
    ).encode()
    footer = Part(PackURI(name), CONTENT_TYPE.WML_FOOTER, blob, part.package)
    rid: str = part.relate_to(footer, RELATIONSHIP_TYPE.FOOTER)
    return rid


def _paragraph(style: str | None) -> Any:
    p = etree.Element(_w("p"))
    if style:
        ppr = etree.SubElement(p, _w("pPr"))
        etree.SubElement(ppr, _w("pStyle")).set(_w("val"), style)
    return p


def place_colophon(docx: Any) -> bool:
    """Give the rendered document's 版记 its own even, unnumbered last page, the table at the
    foot of the text block. ``docx`` is a python-docx Document; False when no 版记 is found (a
    template of one's own that writes it otherwise is left as it is)."""
    body = docx.element.body
    gap = next((p for p in body.iterchildren(_w("p")) if _style(p) == GAP_STYLE), None)
    tbl = gap.getnext() if gap is not None else None
    final = body.find(_w("sectPr"))
    if gap is None or tbl is None or tbl.tag != _w("tbl") or final is None:
        return False
    # The text's section ends with the paragraph before the 版记.
    carrier = gap.getprevious()
    if carrier is None or carrier.tag != _w("p") or carrier.find(f"{W}pPr/{W}sectPr") is not None:
        carrier = _paragraph(GAP_STYLE)
        gap.addprevious(carrier)
    ppr = carrier.find(_w("pPr"))
    if ppr is None:
        ppr = etree.Element(_w("pPr"))
        carrier.insert(0, ppr)
    text_section = copy.deepcopy(final)
    change = ppr.find(_w("pPrChange"))  # the only pPr child after sectPr
    if change is not None:
        change.addprevious(text_section)
    else:
        ppr.append(text_section)
    # The 版记's section: an even page, footers without page numbers.
    _section_type(final, "evenPage")
    footers = final.findall(_w("footerReference"))
    mar = final.find(_w("pgMar"))

    def margin(name: str, default: int) -> int:
        value = mar.get(_w(name)) if mar is not None else None
        return abs(int(value)) if value is not None else default

    if footers:
        rid = _empty_footer(docx, max(margin("bottom", MARGIN_BOTTOM) - margin("footer", 0), 20))
        for ref in footers:
            ref.set(f"{{{R_NS}}}id", rid)
    for p in tbl.iter(_w("p")):
        if _paragraph_text(p).startswith(CC):
            align_after_colon(p)
    float_at_bottom(tbl, margin("left", MARGIN_LEFT))
    # A floating table is anchored to the paragraph after it, and Word ends a body in one.
    if tbl.getnext() is None or tbl.getnext().tag != _w("p"):
        tbl.addnext(_paragraph(GAP_STYLE))
    return True
