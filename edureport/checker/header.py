"""Layout rules on the 版头 and the opening of the 主体 (L3…): the red issuing-organ mark, the red
rule, the order of what stands above it, the 发文字号's type and alignment, the 主送机关."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from ..i18n import _ as _t  # rule modules keep `_` for throwaway names
from .findings import Hit, Severity, Source, paragraph_hit, rule
from .fonts import BODY_SZ, FANGSONG, XIAOBIAOSONG, font_ok, font_problem
from .layout_view import alignment, layout_of
from .styles import A_NS


def _is_red(color: str | None) -> bool:
    if not color or color.lower() == "auto" or not re.fullmatch(r"[0-9A-Fa-f]{6}", color):
        return color is not None and color.lower() == "red"
    r, g, b = (int(color[i : i + 2], 16) for i in (0, 2, 4))
    return r >= 0xC0 and g <= 0x60 and b <= 0x60


@rule("L301", "red-mark", "layout", Severity.ERROR)
def red_mark(source: Source) -> Iterator[Hit]:
    """The issuing-organ mark (发文机关标志) above the 发文字号, in red, 小标宋, centred.

    Clause: GB/T 9704-2012 7.2.4
    """
    s = source.structure
    if s.code is None:
        return
    view = layout_of(source)
    if not s.mark:
        yield paragraph_hit(
            source,
            s.code,
            _t(
                "no issuing-organ mark (发文机关标志) above the 发文字号: a 公文 "
                "starts with the organ's name in red"
            ),
        )
        return
    for index in s.mark:
        looks = view.looks(source.paragraph(index))
        if looks and not all(_is_red(look.color) for look in looks):
            yield paragraph_hit(source, index, _t("the issuing-organ mark is not red"))
        elif looks and not font_ok(looks[0].font, XIAOBIAOSONG):
            yield paragraph_hit(
                source,
                index,
                _t("the issuing-organ mark is in {font}, not 小标宋").format(font=looks[0].font),
                severity=Severity.WARNING,
            )


def _red_line_in(p: etree._Element) -> bool:
    for el in p.iter():
        for attr in ("strokecolor", "fillcolor"):
            if _is_red((el.get(attr) or "").lstrip("#")) or (el.get(attr) or "") == "red":
                return True
        if el.tag == f"{A_NS}ln":
            clr = el.find(f".//{A_NS}srgbClr")
            if clr is not None and _is_red(clr.get("val")):
                return True
    return False


@rule("L302", "red-rule", "layout", Severity.ERROR)
def red_rule(source: Source) -> Iterator[Hit]:
    """The red rule (版头分隔线) below the 发文字号, across the text block.

    Clause: GB/T 9704-2012 7.2.6
    """
    s = source.structure
    if s.code is None:
        return
    view = layout_of(source)
    stop = s.notice_title[0] if s.notice_title else s.code + 1
    for p in source.paragraphs[(s.mark[0] if s.mark else s.code) - 1 : stop]:
        if p.element is None:
            continue
        look = view.para(p)
        if (
            (p.index >= s.code and _is_red(look.border_bottom))
            or (p.index > s.code and _is_red(look.border_top))
            or _red_line_in(p.element)
        ):
            return
    yield paragraph_hit(source, s.code, _t("no red rule (版头分隔线) below the 发文字号"))


# 份号, or a 密级 or 紧急程度 with its 保密期限: what stands above the mark
_ABOVE_MARK = re.compile(r"(\d{6}|(绝密|机密|秘密|特急|加急).{0,8})")


@rule("L303", "header-order", "layout", Severity.ERROR)
def header_order(source: Source) -> Iterator[Hit]:
    """The 版头 in order: 份号, 密级, 紧急程度, the mark, the 发文字号, then the title and 主送机关.

    Clause: GB/T 9704-2012 7.2, 7.3.1, 7.3.2
    """
    s = source.structure
    if s.code is None:
        if s.notice_title:
            yield paragraph_hit(
                source,
                s.notice_title[0],
                _t("a notice title with no 发文字号 above it"),
                severity=Severity.WARNING,
            )
        return
    early = [p for p in source.paragraphs[: s.code - 1] if _title_like(p.text)]
    for p in early:
        yield paragraph_hit(
            source, p.index, _t("the title comes before the 发文字号; it goes below the red rule")
        )
    for p in source.paragraphs[s.code :]:
        if p.text.strip() and _ABOVE_MARK.fullmatch(p.text.strip()):
            yield paragraph_hit(
                source,
                p.index,
                _t("份号, 密级 or 紧急程度 below the 发文字号; they go above the mark"),
            )
            break


def _title_like(text: str) -> bool:
    t = text.strip()
    return t.startswith("关于") and bool(re.search(r"(通知|决定|意见|报告|请示|函|批复|通报)$", t))


@rule("L304", "code-layout", "layout", Severity.ERROR)
def code_layout(source: Source) -> Iterator[Hit]:
    """The 发文字号 in 三号仿宋, centred (flush left with 签发人 on the same line).

    Clause: GB/T 9704-2012 7.2.4, 7.2.5
    """
    s = source.structure
    if s.code is None:
        return
    view = layout_of(source)
    p = source.paragraph(s.code)
    looks = view.looks(p)
    if looks:
        problem = font_problem(looks[0], FANGSONG, "仿宋", BODY_SZ)
        if problem:
            yield paragraph_hit(source, s.code, _t("发文字号 in {problem}").format(problem=problem))
    jc = view.para(p).jc
    if "签发人" not in p.text and jc != "center":
        message = _t("发文字号 aligned {side}, not centred").format(side=alignment(jc))
        yield paragraph_hit(source, s.code, message)


@rule("L305", "recipients", "layout")
def recipients(source: Source) -> Iterator[Hit]:
    """主送机关 flush left (no indent) below the title, ending with a full-width colon ：.

    Clause: GB/T 9704-2012 7.3.2
    """
    s = source.structure
    if s.recipients is None:
        return
    p = source.paragraph(s.recipients)
    look = layout_of(source).para(p)
    if look.left > 20 or look.first_line > 20:
        yield paragraph_hit(source, p.index, _t("主送机关 indented; it starts flush left"))
    if p.text.rstrip().endswith(":"):
        yield paragraph_hit(source, p.index, _t("主送机关 ends with a half-width colon; write ："))
