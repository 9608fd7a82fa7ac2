"""Generate the default GB/T 9704-2012 letterhead template (templates/notice.docx).

The template owns the look: page setup, text grid, styles and fonts, the red joint header, footers.
It is written from source, OOXML part by part, so that a change to it is a reviewable diff: the
styles in styles.py, and here the body (版头, 主体, 版记), the footers, the package's other parts
and writing the file. Regenerate the bundled copy with
``edureport template -o templates/notice.docx --force``; a test checks that the committed file
matches this code.

Numbers below are twips (1/20 pt) unless marked; 1 mm ≈ 56.7 twips. Clause numbers refer to
GB/T 9704-2012.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from .gbt9704 import (
    CHAR,
    COLOPHON_THICK_SZ,
    COLOPHON_THIN_SZ,
    FOOTER,
    LINE,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    MARK_WIDTH,
    MARK_WIDTH_WITH_WORD,
    PAGE_H,
    PAGE_W,
    TEXT_W,
)
from .ooxml import (
    R_NS,
    W_NS,
    borderless_table,
    cell,
    each,
    para,
    run,
    tag,
    tag_row,
    when,
    xml_decl,
)
from .styles import HEADER_LINES, font_table_xml, styles_xml


def _mark() -> str:
    """发文机关标志 (7.2.4, 7.2.5): organs stacked, aligned by distributed justification; “文件” (if
    the data gives it) to their right, vertically centred."""
    # {{r}} replaces the whole run: the library narrows (w:w) a name too long for the cell.
    organs = each("organ in notice.organs", para("GwMark", "<w:r><w:t>{{r organ }}</w:t></w:r>"))
    word_w = TEXT_W - MARK_WIDTH_WITH_WORD
    with_word = borderless_table(
        [MARK_WIDTH_WITH_WORD, word_w],
        cell(MARK_WIDTH_WITH_WORD, organs)
        + cell(word_w, para("GwMarkWord", run("{{ notice.mark_word }}")), "center"),
    )
    alone = borderless_table([MARK_WIDTH], cell(MARK_WIDTH, organs))
    # One organ: its name and “文件” on one centred line, at the type's own spacing.
    single = para(
        "GwMarkSingle",
        "<w:r><w:t>{{r notice.organs[0] }}</w:t></w:r>",
        run("{{ notice.mark_word }}"),
    )
    return when("notice.organs|length > 1", when("notice.mark_word", with_word, alone), single)


def _blocks() -> str:
    """The printed documents (7.3.3 headings; 附件 pages start on a new page with their title)."""
    heading = {
        f"h{n}": para(f"GwH{n}", run("{{ b.heading }}"), run("{{ b.text }}", "GwRunIn"))
        for n in (1, 2, 3, 4)
    }
    branches = "".join(
        tag(("{%p if " if i == 0 else "{%p elif ") + f'b.kind == "{kind}" %}}') + xml
        for i, (kind, xml) in enumerate(heading.items())
    )
    block = (
        branches
        + tag('{%p elif b.kind == "table" %}')
        + "<w:p><w:r><w:t>{{p b.xml }}</w:t></w:r></w:p>"
        + tag('{%p elif b.kind == "field" and not b.text %}')
        + para("GwFieldLabel", run("{{ b.label }}", "GwLabel"))
        + tag("{%p else %}")
        + para("Normal", run("{{ b.label }}", "GwLabel"), run("{{ b.text }}"))
        + tag("{%p endif %}")
    )
    # Each printed document starts a new page, unless it is the first thing in the file.
    title = when(
        "notice or not loop.first",
        para("GwDocTitle", run("{{ doc.title }}")),
        para("GwDocTitleFirst", run("{{ doc.title }}")),
    )
    # “附件” or “附件2” above a printed document's title (7.3.5): the page breaks before it.
    marked = para("GwAttachmentMark", run("{{ doc.marker }}")) + para(
        "GwDocTitleFirst", run("{{ doc.title }}")
    )
    title = when("doc.marker", marked, title)
    return each("doc in documents", title + each("b in doc.blocks", block))


def _colophon() -> str:
    """版记 (7.4): thick first and last lines, thin lines between, full width."""
    thick = f'w:val="single" w:sz="{COLOPHON_THICK_SZ}" w:space="0" w:color="000000"'
    thin = f'w:val="single" w:sz="{COLOPHON_THIN_SZ}" w:space="0" w:color="000000"'
    row_cc = "<w:tr>" + cell(TEXT_W, para("GwColophon", run("{{ colophon.cc }}"))) + "</w:tr>"
    row_print = (
        "<w:tr>"
        + cell(
            TEXT_W,
            para(
                "GwColophon",
                run("{{ colophon.printed_by }}"),
                "<w:r><w:tab/></w:r>",
                run("{{ colophon.printed_on }}"),
            ),
        )
        + "</w:tr>"
    )
    table = (
        f'<w:tbl><w:tblPr><w:tblW w:w="{TEXT_W}" w:type="dxa"/><w:jc w:val="center"/>'
        f'<w:tblBorders><w:top {thick}/><w:left w:val="nil"/><w:bottom {thick}/>'
        f'<w:right w:val="nil"/><w:insideH {thin}/><w:insideV w:val="nil"/></w:tblBorders>'
        # No cell margins: the rules span the text block wherever the table is placed (it floats
        # at the page's foot, see colophon.py), and the text keeps its one-character indent.
        '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/>'
        '<w:right w:w="0" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr>'
        f'<w:tblGrid><w:gridCol w:w="{TEXT_W}"/></w:tblGrid>'
        + tag_row("{%tr if colophon.cc %}")
        + row_cc
        + tag_row("{%tr endif %}")
        + tag_row("{%tr if colophon.printed_by %}")
        + row_print
        + tag_row("{%tr endif %}")
        + "</w:tbl>"
    )
    return when("colophon", para("GwColophonGap") + table)


def document_xml() -> str:
    signer_line = para(
        "GwCodeSigner",
        run("{{ notice.code }}"),
        "<w:r><w:tab/></w:r>",
        run("签发人："),
        run("{{ notice.signer }}", "GwSignerName"),
    )
    notice = when(
        "notice",
        # 份号 on line 1, 密级 and 紧急程度 below it (7.2.1 – 7.2.3), only those given; the mark's
        # top 35 mm down in any case (7.2.3), whatever of the three lines above it are printed.
        when("notice.copy_number", para("GwHeaderLine", run("{{ notice.copy_number }}", "GwRunIn")))
        + each("line in notice.marks", para("GwHeaderLine", run("{{ line }}")))
        + "".join(
            tag(("{%p if " if n == 0 else "{%p elif ") + f"notice.header_count == {n} %}}")
            + para(f"GwMarkGap{n}")
            for n in range(HEADER_LINES)
        )
        + tag("{%p else %}")
        + para(f"GwMarkGap{HEADER_LINES}")
        + tag("{%p endif %}")
        + _mark()
        + when("notice.signer", signer_line, para("GwCode", run("{{ notice.code }}")))
        + para("GwTitle", run("{{ notice.title }}"))
        + when("notice.recipients", para("GwRecipients", run("{{ notice.recipients }}")))
        + each(
            "paragraph in notice.body",
            when(
                "loop.last",
                para("GwBodyEnd", run("{{ paragraph }}")),
                para("Normal", run("{{ paragraph }}")),
            ),
        )
        + each("line in notice.attachments", para("GwAttachment", run("{{ line }}")))
        + para("GwSignature", run("{{ notice.signature }}"))
        + para("GwDate", run("{{ notice.date }}"))
        + when("notice.note", para("GwNote", run("{{ notice.note }}"))),
    )
    sect = (
        '<w:sectPr><w:footerReference w:type="default" r:id="rIdFooterOdd"/>'
        '<w:footerReference w:type="even" r:id="rIdFooterEven"/>'
        f'<w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}"/>'
        f'<w:pgMar w:top="{MARGIN_TOP}" w:right="{MARGIN_RIGHT}" w:bottom="{MARGIN_BOTTOM}" '
        f'w:left="{MARGIN_LEFT}" w:header="851" w:footer="{FOOTER}" w:gutter="0"/>'
        '<w:cols w:space="425"/>'
        f'<w:docGrid w:type="lines" w:linePitch="{LINE}"/>'
        "</w:sectPr>"
    )
    body = notice + _blocks() + _colophon() + sect
    return xml_decl(
        f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{body}</w:body></w:document>'
    )


def footer_xml(style: str) -> str:
    """“— N —” with a PAGE field (7.5)."""
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    line = f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{run("— ")}{field}{run(" —")}</w:p>'
    return xml_decl(f'<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}">{line}</w:ftr>')


SETTINGS = (
    f'<w:settings xmlns:w="{W_NS}"><w:zoom w:percent="100"/><w:evenAndOddHeaders/>'
    f'<w:defaultTabStop w:val="{2 * CHAR}"/><w:drawingGridVerticalSpacing w:val="{LINE}"/>'
    '<w:displayHorizontalDrawingGridEvery w:val="0"/><w:characterSpacingControl '
    'w:val="compressPunctuation"/><w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/>'
    "<w:doNotLeaveBackslashAlone/><w:ulTrailSpace/><w:doNotExpandShiftReturn/>"
    '<w:adjustLineHeightInTable/><w:useFELayout/><w:compatSetting w:name="compatibilityMode" '
    'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
    '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/></w:settings>'
)

CONTENT_TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.settings+xml"/>'
    '<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.fontTable+xml"/>'
    '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.footer+xml"/>'
    '<Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.footer+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-'
    'package.core-properties+xml"/></Types>'
)

ROOT_RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/'
    'metadata/core-properties" Target="docProps/core.xml"/></Relationships>'
)

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
DOCUMENT_RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rIdStyles" Type="{_REL}styles" Target="styles.xml"/>'
    f'<Relationship Id="rIdSettings" Type="{_REL}settings" Target="settings.xml"/>'
    f'<Relationship Id="rIdFonts" Type="{_REL}fontTable" Target="fontTable.xml"/>'
    f'<Relationship Id="rIdFooterOdd" Type="{_REL}footer" Target="footer1.xml"/>'
    f'<Relationship Id="rIdFooterEven" Type="{_REL}footer" Target="footer2.xml"/>'
    "</Relationships>"
)

CORE = (
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
    'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title/><dc:creator>edureport'
    "</dc:creator></cp:coreProperties>"
)


def template_parts() -> dict[str, str]:
    """Every part of the default template, by its name in the package."""
    return {
        "[Content_Types].xml": xml_decl(CONTENT_TYPES),
        "_rels/.rels": xml_decl(ROOT_RELS),
        "docProps/core.xml": xml_decl(CORE),
        "word/_rels/document.xml.rels": xml_decl(DOCUMENT_RELS),
        "word/document.xml": document_xml(),
        "word/styles.xml": styles_xml(),
        "word/settings.xml": xml_decl(SETTINGS),
        "word/fontTable.xml": font_table_xml(),
        "word/footer1.xml": footer_xml("GwFooterOdd"),
        "word/footer2.xml": footer_xml("GwFooterEven"),
    }


def write_template(path: Path, *, force: bool = False) -> Path:
    """Write the default template to ``path`` (a fixed timestamp keeps the bytes reproducible)."""
    from .files import atomic_output

    with atomic_output(path, force) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, xml in template_parts().items():
            info = zipfile.ZipInfo(name, date_time=(2021, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, xml.encode("utf-8"))
    return path
