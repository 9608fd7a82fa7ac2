"""Layout rules on type (L2…): the body, headings and titles in the standard's faces and sizes, and
text in black. The font families are named here for the other rules that judge a face."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..gbt9704 import BODY_SIZE, TITLE_SIZE
from ..i18n import N_
from ..i18n import _ as _t  # rule modules keep `_` for throwaway names
from ..reader import SourceParagraph
from .findings import Hit, Severity, Source, paragraph_hit, rule
from .layout_view import alignment, in_table, layout_of
from .styles import RunLook

FANGSONG = ("仿宋", "fangsong", "stfangsong")
HEITI = ("黑体", "simhei", "heiti", "stheiti")
KAITI = ("楷体", "kaiti", "simkai", "stkaiti")
XIAOBIAOSONG = ("小标宋", "xiaobiaosong", "fzxbs")
SONG_LIKE = ("宋", "song")
# Sizes as w:sz gives them, in half-points: 三号 32, 二号 44.
BODY_SZ = 2 * BODY_SIZE
TITLE_SZ = 2 * TITLE_SIZE
_CAPTION = re.compile(r"\s*[表图]\s*\d+")  # 表1 图2: a table's or figure's caption


def font_ok(font: str | None, family: tuple[str, ...]) -> bool:
    return font is not None and any(name in font.lower() for name in family)


def _is_black(color: str | None) -> bool:
    return color is None or color.lower() in ("auto", "000000")


def _body_paragraphs(source: Source) -> Iterator[SourceParagraph]:
    s = source.structure
    special = set(s.mark) | set(s.header_lines) | set(s.notice_title) | set(s.titles())
    special |= set(s.headings) | {s.code or 0}
    special |= {part.first for part in s.parts if part.titles and part.first != part.titles[0]}
    for p in source.paragraphs:
        caption = _CAPTION.match(p.text)  # captions follow the table's own look
        if p.text.strip() and p.index not in special and not in_table(p) and not caption:
            yield p


def _group(source: Source, items: list[tuple[SourceParagraph, str]], what: str) -> Iterator[Hit]:
    """One finding per distinct problem, at its first paragraph, with how many share it."""
    seen: dict[str, list[SourceParagraph]] = {}
    for p, problem in items:
        seen.setdefault(problem, []).append(p)
    for problem, ps in seen.items():
        more = (
            _t(" (and {n} more {what})").format(n=len(ps) - 1, what=_t(what)) if len(ps) > 1 else ""
        )
        yield paragraph_hit(source, ps[0].index, problem + more)


def font_problem(look: RunLook, family: tuple[str, ...], name: str, size: int) -> str | None:
    if not font_ok(look.font, family):
        got = look.font or _t("no East Asian font (Word falls back to its default)")
        return _t("{got}, not {want}").format(got=got, want=name)
    if look.size != size:
        message = _t("{size} pt, not {want} pt")
        return message.format(size=f"{(look.size or 20) / 2:g}", want=f"{size / 2:g}")
    return None


@rule("L201", "body-font", "layout", Severity.ERROR)
def body_font(source: Source) -> Iterator[Hit]:
    """Body text in 三号仿宋 (16 pt, 仿宋_GB2312 or 仿宋), set as the East Asian font.

    Clause: GB/T 9704-2012 5.2.3, 7.3.3
    """
    view = layout_of(source)
    items = []
    for p in _body_paragraphs(source):
        for look in view.looks(p):
            problem = font_problem(look, FANGSONG, "仿宋", BODY_SZ)
            if problem:
                items.append((p, _t("body text in {problem}").format(problem=problem)))
                break
    yield from _group(source, items, N_("paragraphs"))


_LEVEL_NAMES = {1: "一、", 2: "（一）", 3: "1.", 4: "（1）"}
_HEADING_FONTS = {
    1: (HEITI, "黑体"),
    2: (KAITI, "楷体"),
    3: (FANGSONG, "仿宋"),
    4: (FANGSONG, "仿宋"),
}


@rule("L202", "heading-font", "layout", Severity.ERROR)
def heading_font(source: Source) -> Iterator[Hit]:
    """Headings in 三号: 一、 in 黑体, （一） in 楷体, 1. and （1） in 仿宋 (the heading sentence
    of a run-in heading; the text after it is body text).

    Clause: GB/T 9704-2012 7.3.3
    """
    view = layout_of(source)
    items = []
    for index, h in source.structure.headings.items():
        p = source.paragraph(index)
        looks = view.looks(p)
        if not looks or h.level not in _HEADING_FONTS:
            continue  # ① … below the four levels the standard names: body text's font
        family, name = _HEADING_FONTS[h.level]
        problem = font_problem(looks[0], family, name, BODY_SZ)
        if problem:
            message = _t("{level} heading in {problem}")
            items.append((p, message.format(level=_LEVEL_NAMES[h.level], problem=problem)))
    yield from _group(source, items, N_("headings like it"))


@rule("L203", "title-font", "layout", Severity.ERROR)
def title_font(source: Source) -> Iterator[Hit]:
    """Titles in 二号小标宋 (22 pt), centred: the notice's title and each printed document's.

    Another 宋 face (华文中宋, 宋体) is a warning; any other face, a size other than 22 pt or a
    title not centred, an error.
    Clause: GB/T 9704-2012 7.3.1
    """
    view = layout_of(source)
    s = source.structure
    for index in dict.fromkeys([*s.notice_title, *s.titles()]):
        p = source.paragraph(index)
        if p.element is None or not p.text.strip():
            continue
        looks = view.looks(p)
        if looks:
            look = looks[0]
            if not font_ok(look.font, XIAOBIAOSONG):
                song = font_ok(look.font, SONG_LIKE)
                yield paragraph_hit(
                    source,
                    index,
                    _t("title in {font}, not 小标宋").format(
                        font=look.font or _t("no East Asian font")
                    ),
                    severity=Severity.WARNING if song else Severity.ERROR,
                )
            if look.size != TITLE_SZ:
                message = _t("title in {size} pt, not 22 pt (二号)")
                yield paragraph_hit(source, index, message.format(size=f"{(look.size or 0) / 2:g}"))
        jc = view.para(p).jc
        if jc not in ("center",):
            message = _t("title aligned {side}, not centred").format(side=alignment(jc))
            yield paragraph_hit(source, index, message)


@rule("L204", "text-colour", "layout")
def text_colour(source: Source) -> Iterator[Hit]:
    """Text in black; red only for the issuing-organ mark (and the red rule, seals).

    Clause: GB/T 9704-2012 5.2.5
    """
    view = layout_of(source)
    mark = set(source.structure.mark)
    items = []
    for p in source.paragraphs:
        if p.index in mark or not p.text.strip():
            continue
        for look in view.looks(p):
            if not _is_black(look.color):
                items.append((p, _t("text coloured {colour}").format(colour=look.color)))
                break
    yield from _group(source, items, N_("paragraphs"))
