"""The letterhead's styles: the paragraph, character and table styles every part of a document is
printed in (word/styles.xml), and the fonts they name (word/fontTable.xml).

Numbers are twips (1/20 pt) unless marked; the standard's numbers come from gbt9704.py. Clause
numbers refer to GB/T 9704-2012.
"""

from __future__ import annotations

from .gbt9704 import (
    CHAR,
    COLOPHON_SIZE,
    CONDENSE,
    FANGSONG,
    FOURTH,
    HEITI,
    KAITI,
    LATIN,
    LINE,
    MARK_INK,
    MARK_LINE,
    MARK_SIZE,
    MARK_TOP,
    RED,
    RED_RULE_SZ,
    SONG,
    TEXT_W,
    TITLE_SIZE,
    XIAOBIAOSONG,
)
from .ooxml import W_NS, xml_decl

HEADER_LINES = 3  # 份号, 密级, 紧急程度 (7.2.1 – 7.2.3), each on a line of its own when given


def mark_gap(lines: int) -> int:
    """The space above the mark when ``lines`` header lines are printed: together they put the
    mark's top 35 mm below the top of the text block (7.2.3)."""
    return MARK_TOP - lines * LINE - MARK_INK


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
        _pstyle("GwTableCaption", "表题", _ppr("center", NO_INDENT, keep_next=True), _rpr(HEITI)),
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
                extra=f'<w:tabs><w:tab w:val="right" w:pos="{TEXT_W - FOURTH}"/></w:tabs>',
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
        "<w:pPrDefault><w:pPr><w:widowControl/></w:pPr></w:pPrDefault></w:docDefaults>"
    )
    return xml_decl(f'<w:styles xmlns:w="{W_NS}">{defaults}{"".join(styles)}</w:styles>')


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
    return xml_decl(f'<w:fonts xmlns:w="{W_NS}">{fonts}{latin}</w:fonts>')
