"""The 版记's own last section, read from the .docx (no layout engine): an even page without page
numbers, the table floating at the foot of the text block, the text's pages as before, and the
XML in the order Word's schema wants. Pages laid out by LibreOffice: tests/test_pages.py."""

from __future__ import annotations

import zipfile
from pathlib import Path

from conftest import NS, W, docx_lines, paragraph_text, part
from lxml import etree

import edureport
from edureport.gbt9704 import MARGIN_BOTTOM, MARGIN_LEFT

R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
NOTICE = """\
notice:
  organs: [承德市教育局]
  code: {agency: 承教发, year: 2024, serial: 3}
  title: 关于做好2024年春季学期开学工作的通知
  date: 2024-03-01
  body: [请认真做好开学各项准备工作。]
"""
COLOPHON = "  cc: [市委办公室, 市政府办公室]\n  printed_by: 承德市教育局办公室\n"

# Children of w:sectPr, w:tblPr and w:pPr in the order of the WordprocessingML schema (ECMA-376
# Part 1, 17.6.17 sectPr, 17.4.60 tblPr, 17.3.1.26 pPr), as far as these documents use them.
SECT_ORDER = [
    "headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
    "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote",
    "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid",
]  # fmt: skip
TBL_ORDER = [
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
    "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd",
    "tblLayout", "tblCellMar", "tblLook",
]  # fmt: skip
PPR_ORDER = [
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
    "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle",
    "rPr", "sectPr", "pPrChange",
]  # fmt: skip


def _in_order(element: etree._Element, order: list[str]) -> bool:
    names = [etree.QName(child).localname for child in element]
    assert set(names) <= set(order), names
    return [order.index(n) for n in names] == sorted(order.index(n) for n in names)


def _build(tmp_path: Path, extra: str = COLOPHON) -> Path:
    (tmp_path / "document.yaml").write_text(NOTICE + extra, encoding="utf-8")
    return edureport.build(tmp_path, tmp_path / "notice.docx")


def _footer(docx: Path, sect: etree._Element) -> dict[str, str]:
    """The text of each footer a section refers to (a PAGE field shows as “PAGE”), by type."""
    rels = part(docx, "word/_rels/document.xml.rels")
    targets = {r.get("Id"): r.get("Target") for r in rels}
    out = {}
    for ref in sect.findall("w:footerReference", NS):
        footer = part(docx, "word/" + targets[ref.get(f"{R}id")])
        fields = "".join(t.text or "" for t in footer.iter(f"{W}instrText")).split()
        text = "".join(t.text or "" for t in footer.iter(f"{W}t")).strip()
        out[ref.get(f"{W}type")] = "PAGE field" if "PAGE" in fields else text
    return out


def test_colophon_gets_an_even_unnumbered_last_section(tmp_path: Path) -> None:
    docx = _build(tmp_path)
    body = part(docx, "word/document.xml").find("w:body", NS)
    sections = list(body.iter(f"{W}sectPr"))
    assert len(sections) == 2
    text_section, last = sections
    # The text's section ends with its last paragraph, the date, and keeps its page numbers.
    carrier = text_section.getparent().getparent()
    assert paragraph_text(carrier) == "2024年3月1日"
    assert _footer(docx, text_section) == {"default": "PAGE field", "even": "PAGE field"}
    assert text_section.find("w:type", NS) is None  # the text runs on as before
    # The 版记's section: on an even page, its footers print nothing.
    assert last.find("w:type", NS).get(f"{W}val") == "evenPage"
    assert set(_footer(docx, last).values()) == {""}
    # Only the 版记 is in it, and the text lines are all still there, in order.
    table = body.findall("w:tbl", NS)[-1]
    assert carrier.getnext().getnext() is table
    assert docx_lines(docx)[-3:] == [
        "2024年3月1日",
        "抄送：市委办公室，市政府办公室。",
        "承德市教育局办公室 2024年3月1日印发",
    ]


def test_colophon_table_floats_at_the_foot_of_the_text_block(tmp_path: Path) -> None:
    body = part(_build(tmp_path), "word/document.xml").find("w:body", NS)
    table = body.findall("w:tbl", NS)[-1]
    pos = table.find("w:tblPr/w:tblpPr", NS)
    assert pos is not None
    attrs = {etree.QName(k).localname: v for k, v in pos.attrib.items()}
    # Bottom of the margin box (the text block), left edge on the text block's left edge.
    assert attrs["vertAnchor"] == "margin" and attrs["tblpYSpec"] == "bottom"
    assert attrs["horzAnchor"] == "page" and int(attrs["tblpX"]) == MARGIN_LEFT
    # No cell margins: the rules span the text block exactly, the text is indented instead.
    mar = table.find("w:tblPr/w:tblCellMar", NS)
    assert [int(mar.find(f"w:{side}", NS).get(f"{W}w")) for side in ("left", "right")] == [0, 0]
    # A paragraph follows the table (the anchor Word needs, and a body ends in one).
    assert table.getnext().tag == f"{W}p"


def test_the_empty_footer_fills_the_space_below_the_text_block(tmp_path: Path) -> None:
    docx = _build(tmp_path)
    body = part(docx, "word/document.xml").find("w:body", NS)
    last = body.find("w:sectPr", NS)
    footer_from_edge = int(last.find("w:pgMar", NS).get(f"{W}footer"))
    rels = {r.get("Id"): r.get("Target") for r in part(docx, "word/_rels/document.xml.rels")}
    ref = last.find("w:footerReference", NS).get(f"{R}id")
    spacing = part(docx, "word/" + rels[ref]).find(".//w:spacing", NS)
    assert spacing.get(f"{W}lineRule") == "exact"
    assert int(spacing.get(f"{W}line")) == MARGIN_BOTTOM - footer_from_edge
    with zipfile.ZipFile(docx) as zf:  # the new part is declared, so Word opens the file
        types = zf.read("[Content_Types].xml").decode()
    assert f'PartName="/word/{rels[ref]}"' in types


def test_long_cc_line_aligns_after_the_colon(tmp_path: Path) -> None:
    docx = _build(tmp_path)
    body = part(docx, "word/document.xml").find("w:body", NS)
    cc = next(p for p in body.iter(f"{W}p") if paragraph_text(p).startswith("抄送："))
    ind = cc.find("w:pPr/w:ind", NS)
    left, hanging = int(ind.get(f"{W}left")), int(ind.get(f"{W}hanging"))
    assert hanging == 3 * 14 * 20  # “抄送：”, three 四号 characters
    assert left - hanging == 14 * 20  # the first line one character in, as before


def test_xml_follows_the_schema_order(tmp_path: Path) -> None:
    body = part(_build(tmp_path), "word/document.xml").find("w:body", NS)
    for sect in body.iter(f"{W}sectPr"):
        assert _in_order(sect, SECT_ORDER)
    for tblpr in body.iter(f"{W}tblPr"):
        assert _in_order(tblpr, TBL_ORDER)
    for ppr in body.iter(f"{W}pPr"):
        assert _in_order(ppr, PPR_ORDER)


def test_without_a_colophon_the_document_has_one_section(tmp_path: Path) -> None:
    docx = _build(tmp_path, "")
    body = part(docx, "word/document.xml").find("w:body", NS)
    assert len(list(body.iter(f"{W}sectPr"))) == 1
    assert body.find(".//w:tblpPr", NS) is None
    with zipfile.ZipFile(docx) as zf:
        assert sorted(n for n in zf.namelist() if "footer" in n and n.endswith(".xml")) == [
            "word/footer1.xml",
            "word/footer2.xml",
        ]


def test_parse_reads_a_long_colophon_back(tmp_path: Path) -> None:
    many = "  cc: [市委办公室, 市政府办公室, 市政协办公室, 市委组织部, 市委宣传部, 市财政局,"
    many += " 市发展和改革委员会, 市人力资源和社会保障局]\n  printed_by: 承德市教育局办公室\n"
    docx = _build(tmp_path, many)
    notice, data = edureport.parse(docx).notice, edureport.load(tmp_path).notice
    assert notice is not None and data is not None
    assert (notice.cc, notice.printed_by) == (data.cc, data.printed_by)
