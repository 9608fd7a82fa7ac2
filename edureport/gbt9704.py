"""GB/T 9704-2012 《党政机关公文格式》 in numbers, stated once.

The letterhead (template generator), the layout rules that read a .docx and the page rules that read
its PDF all take their numbers from here. Lengths are twips (1/20 pt) unless the name says
otherwise; 1 mm ≈ 56.7 twips. Clause numbers are the standard's.
"""

from __future__ import annotations

MM = 56.7  # twips per millimetre
PT = 20  # twips per point


def mm(value: float) -> int:
    """Millimetres as whole twips."""
    return round(value * MM)


# Paper and text block (5.2.1, 5.2.2): A4, top margin 37 mm, left 28 mm, text block 156 × 225 mm.
PAGE_W, PAGE_H = 11906, 16838
MARGIN_TOP, MARGIN_LEFT, MARGIN_BOTTOM, MARGIN_RIGHT = 2098, 1587, 1984, 1474
TEXT_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT  # 8845 = 156 mm
TEXT_H = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM  # 12756 = 225 mm
MARGIN_TOLERANCE = 57  # ± 1 mm

# Grid (5.2.4): 22 lines of 28 characters fill the text block.
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
LINE = 579  # 225 mm / 22
PAGE_NUMBER_GAP = mm(7)  # the page number 7 mm below the text block (7.5)

# Type sizes in points (3.1): 三号 16, 四号 14, 二号 22; the mark's size is open (22 – 36 pt).
SANHAO, SIHAO, ERHAO = 16, 14, 22
BODY_SIZE = SANHAO
TITLE_SIZE = ERHAO
COLOPHON_SIZE = SIHAO
PAGE_NUMBER_SIZE = SIHAO
MARK_SIZE = 36
CHAR = BODY_SIZE * PT  # one 三号 character: indents of “two characters” are 640
FOURTH = SIHAO * PT  # one 四号 character, the indent of 版记 lines and page numbers

# Faces (5.2.3, 7.2, 7.3), as named in the template, with the fallbacks Word and WPS take.
FANGSONG, HEITI, KAITI, XIAOBIAOSONG, SONG = (
    "仿宋_GB2312",
    "黑体",
    "楷体_GB2312",
    "方正小标宋简体",
    "宋体",
)
LATIN = "Times New Roman"

RED = "FF0000"  # the mark and the red rule (5.2.5)
RED_RULE_SZ = 12  # the red rule, eighths of a point (thickness open: 0.35 – 1 mm in practice)

# 版头 (7.2.3): the top of the mark 35 mm below the top of the text block.
MARK_TOP = mm(35)
# 版记 (7.4.1): first and last rules 0.35 mm, those between 0.25 mm (eighths of a point).
COLOPHON_THICK_SZ = 8
COLOPHON_THIN_SZ = 6

# In PDF points, for the page rules.
PT_PER_MM = 72 / 25.4


def pt(twips: float) -> float:
    """Twips as PDF points."""
    return twips / PT


# How the template meets these numbers (measured on rendered pages, LibreOffice and Word alike).
# 28 characters in 156 mm need a pitch of 15.79 pt for 16 pt type. Word's character grid does that,
# but LibreOffice spreads a character grid out, so the grid is lines only and the type is condensed.
CONDENSE = -5  # twentieths of a point between characters
FOOTER = 1247  # puts the page number about 7 mm below the text block (7.5)
# 发文机关标志 (7.2.4): 36 pt names in a cell this wide, with and without “文件” to their right.
MARK_WIDTH = TEXT_W - 4 * CHAR  # an inset keeps short names from spreading edge to edge
MARK_WIDTH_WITH_WORD = TEXT_W - 2 * MARK_SIZE * 20 - CHAR
MARK_LINE = MARK_SIZE * 25  # exact line height of a mark line: 1.25 × the type
# From the top of a mark line to the top of its characters' ink (LibreOffice and Word put the
# glyphs of an exact line alike: the extra height above them). Measured on the rendered page.
MARK_INK = 120
