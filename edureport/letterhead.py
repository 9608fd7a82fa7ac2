"""Generate the default GB/T 9704-2012 letterhead template (templates/notice.docx).

The template owns the look: page setup, text grid, styles and fonts, the red joint header, footers.
It is written from source here, OOXML part by part, so that a change to it is a reviewable diff.
Regenerate the bundled copy with ``edureport template -o templates/notice.docx --force``; a test
checks that the committed file matches this code.

Numbers below are twips (1/20 pt) unless marked; 1 mm ≈ 56.7 twips. 三号 = 16 pt, 四号 = 14 pt,
二号 = 22 pt. Clause numbers refer to GB/T 9704-2012.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from .gbt9704 import (
    CHAR,
    COLOPHON_SIZE,
    COLOPHON_THICK_SZ,
    COLOPHON_THIN_SZ,
    CONDENSE,
    FANGSONG,
    FOOTER,
    FOURTH,
    HEITI,
    KAITI,
    LATIN,
    LINE,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    MARK_INK,
    MARK_LINE,
    MARK_SIZE,
    MARK_TOP,
    MARK_WIDTH,
    MARK_WIDTH_WITH_WORD,
    PAGE_H,
    PAGE_W,
    RED,
    RED_RULE_SZ,
    SONG,
    TEXT_W,
    TITLE_SIZE,
    XIAOBIAOSONG,
)


def escape(text: str) -> str:
    """&, < and > as XML text needs them (xml.sax.saxutils and html cost 10-20 ms at start-up)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


HEADER_LINES = 3  # 份号, 密级, 紧急程度 (7.2.1 – 7.2.3), each on a line of its own when given


def mark_gap(lines: int) -> int:
    """The space above the mark when ``lines`` header lines are printed: together they put the
    mark's top 35 mm below the top of the text block (7.2.3)."""
    return MARK_TOP - lines * LINE - MARK_INK

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _fonts(east_asia: str, latin: str = LATIN) -> str:
    return (
        f'<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{east_asia}" '
        f'w:cs="{latin}" w:hint="eastAsia"/>'
    )


def _rpr(east_asia: str | None = None, size: int | None = None, color: str | None = None) -> str:
    parts = []
    if east_asia:
        parts.append(_fonts(east_asia, SONG if east_asia == SONG else LATIN))
    if color:
        parts.append(f'<w:color w:val="{color}"/>')
    if size:
        parts.append(f'<w:sz w:val="{size * 2}"/><w:szCs w:val="{size * 2}"/>')
    return f"<w:rPr>{''.join(parts)}</w:rPr>" if parts else ""


def _ppr(
    jc: str | None = None,
    indent: str | None = None,
    before: int = 0,
    after: int = 0,
    line: int | None = LINE,
    extra: str = "",
    *,
    keep_next: bool = False,
    snap: bool = True,
) -> str:
    spacing = f'<w:spacing w:before="{before}" w:after="{after}"'
    spacing += (
        f' w:line="{line}" w:lineRule="exact"/>' if line else ' w:line="240" w:lineRule="auto"/>'
    )
    # keepNext (7.3.3: a heading stays with its text) comes first in pPr, snapToGrid after borders
    # and tabs: Word reads pPr children in schema order. A part that is not on the grid (the
    # header block) keeps its exact heights only with snapToGrid off; LibreOffice snaps otherwise.
    parts = ["<w:keepNext/>" if keep_next else "", extra]
    parts += ["" if snap else '<w:snapToGrid w:val="0"/>', spacing]
    if indent is not None:
        parts.append(indent)
    if jc:
        parts.append(f'<w:jc w:val="{jc}"/>')
    return f"<w:pPr>{''.join(parts)}</w:pPr>"


NO_INDENT = '<w:ind w:left="0" w:right="0" w:firstLine="0" w:firstLineChars="0"/>'
FIRST_LINE_2 = f'<w:ind w:firstLine="{2 * CHAR}" w:firstLineChars="200"/>'


def _pstyle(sid: str, name: str, ppr: str, rpr: str = "", outline: int | None = None) -> str:
    if outline is not None:
        ppr = ppr.replace("</w:pPr>", f'<w:outlineLvl w:val="{outline}"/></w:pPr>', 1)
    return (
        f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{sid}">'
        f'<w:name w:val="{name}"/><w:basedOn w:val="Normal"/><w:qFormat/>{ppr}{rpr}</w:style>'
    )


def _cstyle(sid: str, name: str, rpr: str) -> str:
    return (
        f'<w:style w:type="character" w:customStyle="1" w:styleId="{sid}">'
        f'<w:name w:val="{name}"/><w:qFormat/>{rpr}</w:style>'
    )


def styles_xml() -> str:
    styles = [
        # The default (5.2.3): 三号仿宋, Latin and digits in Times New Roman, exact grid lines.
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        f"<w:qFormat/>{_ppr('both', FIRST_LINE_2)}</w:style>",
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
        "</w:style>",
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal">'
        '<w:name w:val="Normal Table"/>'
        '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
        '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
        '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>',
        # 版头 (7.2)
        _pstyle("GwHeaderLine", "版头·份号密级", _ppr("left", NO_INDENT, snap=False), _rpr(HEITI)),
        *(
            _pstyle(
                f"GwMarkGap{n}",
                f"版头·标志上留白{n}",
                _ppr(indent=NO_INDENT, line=mark_gap(n), snap=False),
            )
            for n in range(HEADER_LINES + 1)
        ),
        _pstyle(
            "GwMark",
            "发文机关标志",
            _ppr("distribute", NO_INDENT, line=MARK_LINE, snap=False),
            _rpr(XIAOBIAOSONG, MARK_SIZE, RED),
        ),
        # One organ is centred at its natural spacing; only joint names are spread to one width.
        _pstyle(
            "GwMarkSingle",
            "发文机关标志·单一机关",
            _ppr("center", NO_INDENT, line=MARK_LINE, snap=False),
            _rpr(XIAOBIAOSONG, MARK_SIZE, RED),
        ),
        _pstyle(
            "GwMarkWord",
            "发文机关标志·文件",
            _ppr("center", NO_INDENT, line=MARK_LINE, snap=False),
            _rpr(XIAOBIAOSONG, MARK_SIZE, RED),
        ),
        _pstyle(
            "GwCode",
            "发文字号",
            _ppr(
                "center",
                NO_INDENT,
                before=2 * LINE,
                after=2 * LINE,
                extra=f'<w:pBdr><w:bottom w:val="single" w:sz="{RED_RULE_SZ}" w:space="11" '
                f'w:color="{RED}"/></w:pBdr>',
            ),
        ),
        _pstyle(
            "GwCodeSigner",
            "发文字号·签发人",
            _ppr(
                "left",
                f'<w:ind w:left="{CHAR}" w:right="{CHAR}" w:firstLine="0" w:firstLineChars="0"/>',
                before=2 * LINE,
                after=2 * LINE,
                extra=f'<w:pBdr><w:bottom w:val="single" w:sz="{RED_RULE_SZ}" w:space="11" '
                f'w:color="{RED}"/></w:pBdr>'
                f'<w:tabs><w:tab w:val="right" w:pos="{TEXT_W - CHAR}"/></w:tabs>',
            ),
        ),
        _cstyle("GwSignerName", "签发人姓名", _rpr(KAITI)),
        # 主体 (7.3)
        _pstyle(
            "GwTitle",
            "标题",
            _ppr("center", NO_INDENT, after=LINE, keep_next=True),
            _rpr(XIAOBIAOSONG, TITLE_SIZE),
        ),
        # Not kept with the text: that would chain title, 主送机关, text and signature together.
        _pstyle("GwRecipients", "主送机关", _ppr("both", NO_INDENT)),
        # Headings and item titles stay with their text (no heading as a page's last line).
        _pstyle("GwH1", "一级标题", _ppr("both", FIRST_LINE_2, keep_next=True), _rpr(HEITI), 0),
        _pstyle("GwH2", "二级标题", _ppr("both", FIRST_LINE_2, keep_next=True), _rpr(KAITI), 1),
        _pstyle("GwH3", "三级标题", _ppr("both", FIRST_LINE_2, keep_next=True), outline=2),
        _pstyle("GwH4", "四级标题", _ppr("both", FIRST_LINE_2, keep_next=True), outline=3),
        # A label on a line of its own (目标任务：) stays with the paragraphs it introduces.
        _pstyle("GwFieldLabel", "字段标签行", _ppr("both", FIRST_LINE_2, keep_next=True)),
        # The last paragraph of the notice's text keeps its end with the signature and date
        # (7.3.5: they never stand alone on a page), and so does each 附件说明 line.
        _pstyle("GwBodyEnd", "正文·末段", _ppr("both", FIRST_LINE_2, keep_next=True)),
        _cstyle("GwRunIn", "标题后正文", _rpr(FANGSONG)),
        _cstyle("GwLabel", "字段标签", ""),
        _pstyle(
            "GwAttachment", "附件说明", _ppr("both", FIRST_LINE_2, before=LINE, keep_next=True)
        ),
        _pstyle(
            "GwSignature",
            "署名",
            _ppr(
                "right",
                f'<w:ind w:right="{2 * CHAR}" w:firstLine="0"/>',
                before=2 * LINE,
                keep_next=True,
            ),
        ),
        _pstyle(
            "GwDate", "成文日期", _ppr("right", f'<w:ind w:right="{4 * CHAR}" w:firstLine="0"/>')
        ),
        _pstyle("GwNote", "附注", _ppr("both", FIRST_LINE_2)),
        _pstyle("GwColophonGap", "版记·上留白", _ppr(indent=NO_INDENT)),
        _pstyle(
            "GwDocTitle",
            "印发文件标题",
            _ppr(
                "center",
                NO_INDENT,
                before=2 * LINE,
                after=LINE,
                extra="<w:pageBreakBefore/>",
                keep_next=True,
            ),
            _rpr(XIAOBIAOSONG, TITLE_SIZE),
        ),
        _pstyle(
            "GwAttachmentMark",
            "附件标识",
            _ppr("left", NO_INDENT, after=LINE, extra="<w:pageBreakBefore/><w:keepNext/>"),
            _rpr(HEITI),
        ),
        _pstyle(
            "GwDocTitleFirst",
            "文件标题",
            _ppr("center", NO_INDENT, after=LINE, keep_next=True),
            _rpr(XIAOBIAOSONG, TITLE_SIZE),
        ),
        # Tables (8): header 黑体 四号, body 仿宋 四号, single spacing in cells.
        '<w:style w:type="table" w:customStyle="1" w:styleId="GwTable"><w:name w:val="公文表格"/>'
        '<w:basedOn w:val="TableNormal"/><w:tblPr><w:jc w:val="center"/><w:tblBorders>'
        + "".join(
            f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
            for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        + "</w:tblBorders></w:tblPr></w:style>",
        _pstyle(
            "GwTableCaption", "表题", _ppr("center", NO_INDENT, keep_next=True), _rpr(HEITI)
        ),
        _pstyle("GwTableAfter", "表后", _ppr(indent=NO_INDENT, line=LINE // 3)),
        _pstyle(
            "GwTableHeader",
            "表头",
            _ppr("center", NO_INDENT, line=None, keep_next=True),
            _rpr(HEITI, 14),
        ),
        _pstyle("GwTableText", "表格文字", _ppr("left", NO_INDENT, line=None), _rpr(FANGSONG, 14)),
        _pstyle(
            "GwTableNumber", "表格数字", _ppr("right", NO_INDENT, line=None), _rpr(FANGSONG, 14)
        ),
        # 版记 (7.4): 四号, one character in from both sides.
        _pstyle(
            "GwColophon",
            "版记",
            _ppr(
                "left",
                f'<w:ind w:left="{FOURTH}" w:right="{FOURTH}" w:firstLine="0" '
                'w:firstLineChars="0"/>',
                extra=f'<w:tabs><w:tab w:val="right" w:pos="{TEXT_W - FOURTH}"/>'
                "</w:tabs>",
            ),
            _rpr(FANGSONG, COLOPHON_SIZE),
        ),
        # 页码 (7.5): 四号半角宋体, odd pages right + 1 character, even pages left + 1 character.
        _pstyle(
            "GwFooterOdd",
            "页码·单页",
            _ppr("right", '<w:ind w:right="280" w:firstLine="0" w:firstLineChars="0"/>', line=None),
            _rpr(SONG, 14),
        ),
        _pstyle(
            "GwFooterEven",
            "页码·双页",
            _ppr("left", '<w:ind w:left="280" w:firstLine="0" w:firstLineChars="0"/>', line=None),
            _rpr(SONG, 14),
        ),
    ]
    defaults = (
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        + _fonts(FANGSONG)
        + f'<w:spacing w:val="{CONDENSE}"/><w:kern w:val="2"/>'
        + '<w:sz w:val="32"/><w:szCs w:val="32"/>'
        '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        # No single line of a paragraph alone at the top or bottom of a page.
        '<w:pPrDefault><w:pPr><w:widowControl/></w:pPr></w:pPrDefault></w:docDefaults>'
    )
    return _xml_decl(f'<w:styles xmlns:w="{W_NS}">{defaults}{"".join(styles)}</w:styles>')


def _xml_decl(body: str) -> str:
    return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + body


def _p(style: str, *runs: str) -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{"".join(runs)}</w:p>'


def _r(text: str, char_style: str | None = None) -> str:
    """A run; one that renders empty is removed after rendering (render.drop_empty_runs)."""
    rpr = f'<w:rPr><w:rStyle w:val="{char_style}"/></w:rPr>' if char_style else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _tag(tag: str) -> str:
    """A paragraph holding only a docxtpl block tag ({%p ... %}); docxtpl removes it."""
    return f"<w:p><w:r><w:t>{escape(tag)}</w:t></w:r></w:p>"


def _if(condition: str, then: str, otherwise: str | None = None) -> str:
    """Paragraphs printed only when ``condition`` holds (else ``otherwise``)."""
    alternative = "" if otherwise is None else _tag("{%p else %}") + otherwise
    return _tag(f"{{%p if {condition} %}}") + then + alternative + _tag("{%p endif %}")


def _for(loop: str, body: str) -> str:
    """Paragraphs printed once for each item: ``loop`` is e.g. “line in notice.body”."""
    return _tag(f"{{%p for {loop} %}}") + body + _tag("{%p endfor %}")


def _tag_row(tag: str) -> str:
    """A table row holding only a docxtpl row tag ({%tr ... %}); docxtpl removes the row."""
    return (
        '<w:tr><w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr>'
        f"<w:p><w:r><w:t>{escape(tag)}</w:t></w:r></w:p></w:tc></w:tr>"
    )


def _cell(width: int, paragraphs: str, valign: str | None = None) -> str:
    va = f'<w:vAlign w:val="{valign}"/>' if valign else ""
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{va}</w:tcPr>{paragraphs}</w:tc>'


def _borderless_table(widths: list[int], cells: str) -> str:
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
        '<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/>'
        '<w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>'
        '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/>'
        '<w:right w:w="0" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid><w:tr>{cells}</w:tr></w:tbl>"
    )


def _mark() -> str:
    """发文机关标志 (7.2.4, 7.2.5): organs stacked, aligned by distributed justification; “文件” (if
    the data gives it) to their right, vertically centred."""
    # {{r}} replaces the whole run: the library narrows (w:w) a name too long for the cell.
    organs = _for("organ in notice.organs", _p("GwMark", "<w:r><w:t>{{r organ }}</w:t></w:r>"))
    word_w = TEXT_W - MARK_WIDTH_WITH_WORD
    with_word = _borderless_table(
        [MARK_WIDTH_WITH_WORD, word_w],
        _cell(MARK_WIDTH_WITH_WORD, organs)
        + _cell(word_w, _p("GwMarkWord", _r("{{ notice.mark_word }}")), "center"),
    )
    alone = _borderless_table([MARK_WIDTH], _cell(MARK_WIDTH, organs))
    # One organ: its name and “文件” on one centred line, at the type's own spacing.
    single = _p(
        "GwMarkSingle",
        "<w:r><w:t>{{r notice.organs[0] }}</w:t></w:r>",
        _r("{{ notice.mark_word }}"),
    )
    return _if(
        "notice.organs|length > 1", _if("notice.mark_word", with_word, alone), single
    )


def _blocks() -> str:
    """The printed documents (7.3.3 headings; 附件 pages start on a new page with their title)."""
    heading = {
        f"h{n}": _p(f"GwH{n}", _r("{{ b.heading }}"), _r("{{ b.text }}", "GwRunIn"))
        for n in (1, 2, 3, 4)
    }
    branches = "".join(
        _tag(("{%p if " if i == 0 else "{%p elif ") + f'b.kind == "{kind}" %}}') + xml
        for i, (kind, xml) in enumerate(heading.items())
    )
    block = (
        branches
        + _tag('{%p elif b.kind == "table" %}')
        + "<w:p><w:r><w:t>{{p b.xml }}</w:t></w:r></w:p>"
        + _tag('{%p elif b.kind == "field" and not b.text %}')
        + _p("GwFieldLabel", _r("{{ b.label }}", "GwLabel"))
        + _tag("{%p else %}")
        + _p("Normal", _r("{{ b.label }}", "GwLabel"), _r("{{ b.text }}"))
        + _tag("{%p endif %}")
    )
    # Each printed document starts a new page, unless it is the first thing in the file.
    title = _if(
        "notice or not loop.first",
        _p("GwDocTitle", _r("{{ doc.title }}")),
        _p("GwDocTitleFirst", _r("{{ doc.title }}")),
    )
    # “附件” or “附件2” above a printed document's title (7.3.5): the page breaks before it.
    marked = _p("GwAttachmentMark", _r("{{ doc.marker }}")) + _p(
        "GwDocTitleFirst", _r("{{ doc.title }}")
    )
    title = _if("doc.marker", marked, title)
    return _for("doc in documents", title + _for("b in doc.blocks", block))


def _colophon() -> str:
    """版记 (7.4): thick first and last lines, thin lines between, full width."""
    thick = f'w:val="single" w:sz="{COLOPHON_THICK_SZ}" w:space="0" w:color="000000"'
    thin = f'w:val="single" w:sz="{COLOPHON_THIN_SZ}" w:space="0" w:color="000000"'
    row_cc = "<w:tr>" + _cell(TEXT_W, _p("GwColophon", _r("{{ colophon.cc }}"))) + "</w:tr>"
    row_print = (
        "<w:tr>"
        + _cell(
            TEXT_W,
            _p(
                "GwColophon",
                _r("{{ colophon.printed_by }}"),
                "<w:r><w:tab/></w:r>",
                _r("{{ colophon.printed_on }}"),
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
        + _tag_row("{%tr if colophon.cc %}")
        + row_cc
        + _tag_row("{%tr endif %}")
        + _tag_row("{%tr if colophon.printed_by %}")
        + row_print
        + _tag_row("{%tr endif %}")
        + "</w:tbl>"
    )
    return _if("colophon", _p("GwColophonGap") + table)


def document_xml() -> str:
    signer_line = _p(
        "GwCodeSigner",
        _r("{{ notice.code }}"),
        "<w:r><w:tab/></w:r>",
        _r("签发人："),
        _r("{{ notice.signer }}", "GwSignerName"),
    )
    notice = _if(
        "notice",
        # 份号 on line 1, 密级 and 紧急程度 below it (7.2.1 – 7.2.3), only those given; the mark's
        # top 35 mm down in any case (7.2.3), whatever of the three lines above it are printed.
        _if("notice.copy_number", _p("GwHeaderLine", _r("{{ notice.copy_number }}", "GwRunIn")))
        + _for("line in notice.marks", _p("GwHeaderLine", _r("{{ line }}")))
        + "".join(
            _tag(("{%p if " if n == 0 else "{%p elif ") + f"notice.header_count == {n} %}}")
            + _p(f"GwMarkGap{n}")
            for n in range(HEADER_LINES)
        )
        + _tag("{%p else %}")
        + _p(f"GwMarkGap{HEADER_LINES}")
        + _tag("{%p endif %}")
        + _mark()
        + _if("notice.signer", signer_line, _p("GwCode", _r("{{ notice.code }}")))
        + _p("GwTitle", _r("{{ notice.title }}"))
        + _if("notice.recipients", _p("GwRecipients", _r("{{ notice.recipients }}")))
        + _for(
            "paragraph in notice.body",
            _if(
                "loop.last",
                _p("GwBodyEnd", _r("{{ paragraph }}")),
                _p("Normal", _r("{{ paragraph }}")),
            ),
        )
        + _for("line in notice.attachments", _p("GwAttachment", _r("{{ line }}")))
        + _p("GwSignature", _r("{{ notice.signature }}"))
        + _p("GwDate", _r("{{ notice.date }}"))
        + _if("notice.note", _p("GwNote", _r("{{ notice.note }}"))),
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
    return _xml_decl(
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
    para = f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{_r("— ")}{field}{_r(" —")}</w:p>'
    return _xml_decl(f'<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}">{para}</w:ftr>')


# Offices often lack the *_GB2312 and 方正 fonts; altName tells Word and WPS what to use instead
# (the standard's fallback chain: 仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体, 方正小标宋简体 → 宋体).
FONTS = {
    FANGSONG: ("仿宋", "02010609030101010101"),
    KAITI: ("楷体", "02010609030101010101"),
    HEITI: ("SimHei", "02010609060101010101"),
    XIAOBIAOSONG: ("宋体", "02000000000000000000"),
    SONG: ("SimSun", "02010600030101010101"),
}


def font_table_xml() -> str:
    fonts = "".join(
        f'<w:font w:name="{name}"><w:altName w:val="{alt}"/><w:panose1 w:val="{panose}"/>'
        '<w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>'
        for name, (alt, panose) in FONTS.items()
    )
    latin = (
        f'<w:font w:name="{LATIN}"><w:panose1 w:val="02020603050405020304"/>'
        '<w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>'
    )
    return _xml_decl(f'<w:fonts xmlns:w="{W_NS}">{fonts}{latin}</w:fonts>')


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
        "[Content_Types].xml": _xml_decl(CONTENT_TYPES),
        "_rels/.rels": _xml_decl(ROOT_RELS),
        "docProps/core.xml": _xml_decl(CORE),
        "word/_rels/document.xml.rels": _xml_decl(DOCUMENT_RELS),
        "word/document.xml": document_xml(),
        "word/styles.xml": styles_xml(),
        "word/settings.xml": _xml_decl(SETTINGS),
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
