"""Layout rules: the page, fonts and the parts of a 红头文件, read from a .docx's XML.

Formatting is resolved the way Word does it: document defaults, then the table style, the paragraph
style and its basedOn chain, the character style, then direct formatting. The font Word uses for
Chinese is the East Asian one (w:eastAsia, or the theme's East Asian font), so that is what is read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from ..gbt9704 import CHAR, MARGIN_LEFT, MARGIN_TOP, MM, PAGE_H, PAGE_W, TEXT_H, TEXT_W
from ..gbt9704 import MARGIN_TOLERANCE as TOLERANCE
from ..i18n import N_
from ..i18n import _ as _t  # `_` is a throwaway name in this module
from ..reader import SourceParagraph, W
from .findings import Hit, Position, Rule, Severity, Source, excerpt, rule
from .structure import HAN

# Page (5.2): twips; 1 mm ≈ 56.7 twips.
A4 = (PAGE_W, PAGE_H)
TEXT_BLOCK = (TEXT_W, TEXT_H)  # 156 × 225 mm
A_NS = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"

FANGSONG = ("仿宋", "fangsong", "stfangsong")
HEITI = ("黑体", "simhei", "heiti", "stheiti")
KAITI = ("楷体", "kaiti", "simkai", "stkaiti")
XIAOBIAOSONG = ("小标宋", "xiaobiaosong", "fzxbs")
SONG_LIKE = ("宋", "song")
_HAN_RE = re.compile(f"[{HAN}]")


def _mm(twips: float) -> str:
    return f"{twips / MM:.1f} mm"


def _is_red(color: str | None) -> bool:
    if not color or color.lower() == "auto" or not re.fullmatch(r"[0-9A-Fa-f]{6}", color):
        return color is not None and color.lower() == "red"
    r, g, b = (int(color[i : i + 2], 16) for i in (0, 2, 4))
    return r >= 0xC0 and g <= 0x60 and b <= 0x60


def _is_black(color: str | None) -> bool:
    return color is None or color.lower() in ("auto", "000000")


@dataclass
class RunLook:
    """A run's resolved look: East Asian font, size in half-points, colour."""

    font: str | None
    size: int | None
    color: str | None


@dataclass
class ParaLook:
    jc: str | None
    left: int
    right: int
    first_line: int
    page_break_before: bool
    border_bottom: str | None  # colour of a bottom border, "auto" if uncoloured
    border_top: str | None
    line: int | None
    line_rule: str | None


class Styles:
    """styles.xml and the theme: what a paragraph or run gets without direct formatting."""

    def __init__(self, styles: etree._Element | None, theme: etree._Element | None) -> None:
        self.by_id: dict[str, etree._Element] = {}
        self._looks: dict[tuple[str | None, ...], RunLook] = {}
        self.default_paragraph: str | None = None
        self.rpr_default = self.ppr_default = None
        if styles is not None:
            for st in styles.iter(f"{W}style"):
                sid = st.get(f"{W}styleId")
                if sid:
                    self.by_id[sid] = st
                    if st.get(f"{W}type") == "paragraph" and st.get(f"{W}default") in ("1", "true"):
                        self.default_paragraph = sid
            self.rpr_default = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
            self.ppr_default = styles.find(f"{W}docDefaults/{W}pPrDefault/{W}pPr")
        self.theme_fonts: dict[str, str] = {}
        if theme is not None:
            for which in ("major", "minor"):
                font = theme.find(f".//{A_NS}{which}Font")
                if font is None:
                    continue
                ea = font.find(f"{A_NS}ea")
                face = ea.get("typeface") if ea is not None else ""
                if not face:
                    hans = font.find(f"{A_NS}font[@script='Hans']")
                    face = hans.get("typeface", "") if hans is not None else ""
                self.theme_fonts[f"{which}EastAsia"] = face or ""

    def chain(self, sid: str | None) -> list[etree._Element]:
        """The style and the styles it is based on, base first."""
        out: list[etree._Element] = []
        seen: set[str] = set()
        while sid and sid in self.by_id and sid not in seen:
            seen.add(sid)
            st = self.by_id[sid]
            out.insert(0, st)
            based = st.find(f"{W}basedOn")
            sid = based.get(f"{W}val") if based is not None else None
        return out

    def _layers(self, p: etree._Element, tag: str) -> list[etree._Element]:
        """pPr or rPr elements that apply to paragraph ``p``, lowest priority first."""
        layers = []
        default = self.rpr_default if tag == "rPr" else self.ppr_default
        if default is not None:
            layers.append(default)
        tbl = next(p.iterancestors(f"{W}tbl"), None)
        if tbl is not None:
            ts = tbl.find(f"{W}tblPr/{W}tblStyle")
            for st in self.chain(ts.get(f"{W}val") if ts is not None else None):
                el = st.find(f"{W}{tag}")
                if el is not None:
                    layers.append(el)
        ps = p.find(f"{W}pPr/{W}pStyle")
        sid = ps.get(f"{W}val") if ps is not None else self.default_paragraph
        for st in self.chain(sid):
            el = st.find(f"{W}{tag}")
            if el is not None:
                layers.append(el)
        return layers

    def paragraph_key(self, p: etree._Element) -> tuple[str | None, str | None]:
        """The table style and paragraph style a paragraph's runs inherit from."""
        tbl = next(p.iterancestors(f"{W}tbl"), None)
        ts = tbl.find(f"{W}tblPr/{W}tblStyle") if tbl is not None else None
        ps = p.find(f"{W}pPr/{W}pStyle")
        return (
            ts.get(f"{W}val") if ts is not None else None,
            ps.get(f"{W}val") if ps is not None else None,
        )

    def run_look(
        self,
        p: etree._Element,
        r: etree._Element,
        paragraph_key: tuple[str | None, str | None] | None = None,
    ) -> RunLook:
        rpr = r.find(f"{W}rPr")
        rs = rpr.find(f"{W}rStyle") if rpr is not None else None
        key = (
            *(paragraph_key or self.paragraph_key(p)),
            rs.get(f"{W}val") if rs is not None else None,
        )
        base = self._looks.get(key)
        if base is None:  # styles are shared by many runs: resolve each combination once
            layers = self._layers(p, "rPr")
            for st in self.chain(key[2]):
                el = st.find(f"{W}rPr")
                if el is not None:
                    layers.append(el)
            base = self._looks[key] = self._resolve(layers, RunLook(None, None, None))
        look = self._resolve([rpr], base) if rpr is not None else base
        return RunLook(look.font, look.size if look.size is not None else 20, look.color)

    def _resolve(self, layers: list[etree._Element], start: RunLook) -> RunLook:
        font, size, color = start.font, start.size, start.color
        for layer in layers:
            fonts = layer.find(f"{W}rFonts")
            if fonts is not None:
                theme = fonts.get(f"{W}eastAsiaTheme")
                if theme:
                    font = self.theme_fonts.get(theme, f"({theme})")
                elif fonts.get(f"{W}eastAsia"):
                    font = fonts.get(f"{W}eastAsia")
            sz = layer.find(f"{W}sz")
            if sz is not None and (sz.get(f"{W}val") or "").isdigit():
                size = int(sz.get(f"{W}val") or 0)
            c = layer.find(f"{W}color")
            if c is not None:
                color = c.get(f"{W}val")
        return RunLook(font, size, color)

    def para_look(self, p: etree._Element) -> ParaLook:
        layers = self._layers(p, "pPr")
        direct = p.find(f"{W}pPr")
        if direct is not None:
            layers.append(direct)
        jc = None
        ind = {"left": 0, "right": 0, "first": 0}
        pbb = False
        bottom = top = None
        line = rule_ = None
        for layer in layers:
            el = layer.find(f"{W}jc")
            if el is not None:
                jc = el.get(f"{W}val")
            el = layer.find(f"{W}ind")
            if el is not None:
                for key, names in (("left", ("left", "start")), ("right", ("right", "end"))):
                    for name in names:
                        if el.get(f"{W}{name}") is not None:
                            ind[key] = _int(el.get(f"{W}{name}"))
                if el.get(f"{W}firstLineChars") is not None and _int(el.get(f"{W}firstLineChars")):
                    ind["first"] = _int(el.get(f"{W}firstLineChars")) * CHAR // 100
                elif el.get(f"{W}firstLine") is not None:
                    ind["first"] = _int(el.get(f"{W}firstLine"))
                elif el.get(f"{W}hanging") is not None:
                    ind["first"] = -_int(el.get(f"{W}hanging"))
            el = layer.find(f"{W}pageBreakBefore")
            if el is not None:
                pbb = el.get(f"{W}val") not in ("0", "false")
            for side in ("bottom", "top"):
                el = layer.find(f"{W}pBdr/{W}{side}")
                if el is not None:
                    value = (
                        None
                        if el.get(f"{W}val") in ("nil", "none")
                        else (el.get(f"{W}color") or "auto")
                    )
                    if side == "bottom":
                        bottom = value
                    else:
                        top = value
            el = layer.find(f"{W}spacing")
            if el is not None and el.get(f"{W}line") is not None:
                line, rule_ = _int(el.get(f"{W}line")), el.get(f"{W}lineRule") or "auto"
        return ParaLook(jc, ind["left"], ind["right"], ind["first"], pbb, bottom, top, line, rule_)


def _int(value: str | None) -> int:
    try:
        return int(float(value or 0))
    except ValueError:
        return 0


class Layout:
    """The parts of the package the layout rules read, parsed once per check."""

    def __init__(self, source: Source) -> None:
        package = source.package
        assert package is not None
        self.source = source
        self._run_looks: dict[int, list[RunLook]] = {}
        self.document = (
            source.paragraphs[0].element.getroottree().getroot()
            if (source.paragraphs and source.paragraphs[0].element is not None)
            else package.xml("word/document.xml")
        )
        rels = self._rels("word/_rels/document.xml.rels")
        styles_name = self._target(rels, "styles") or "word/styles.xml"
        theme_name = self._target(rels, "theme") or "word/theme/theme1.xml"
        self.styles = Styles(
            package.xml(styles_name) if styles_name in package.names else None,
            package.xml(theme_name) if theme_name in package.names else None,
        )
        settings = self._target(rels, "settings") or "word/settings.xml"
        self.settings = package.xml(settings) if settings in package.names else None
        body = self.document.find(f"{W}body")
        # The first section's properties: the text's pages (a 版记 may have a section of its own).
        self.sect = next(body.iter(f"{W}sectPr"), None) if body is not None else None
        self.footers: dict[str, etree._Element] = {}
        if self.sect is not None:
            for ref in self.sect.findall(f"{W}footerReference"):
                target = rels.get(ref.get(R_ID) or "", ("", ""))[0]
                name = target[1:] if target.startswith("/") else "word/" + target
                if name in package.names:
                    self.footers[ref.get(f"{W}type") or "default"] = package.xml(name)

    def _rels(self, name: str) -> dict[str, tuple[str, str]]:
        package = self.source.package
        assert package is not None
        if name not in package.names:
            return {}
        root = package.xml(name)
        return {
            r.get("Id", ""): (r.get("Target", ""), r.get("Type", "").rsplit("/", 1)[-1])
            for r in root.iter(f"{REL_NS}Relationship")
        }

    @staticmethod
    def _target(rels: dict[str, tuple[str, str]], kind: str) -> str | None:
        for target, t in rels.values():
            if t == kind:
                return "word/" + target.lstrip("/") if not target.startswith("/") else target[1:]
        return None

    def text_runs(self, p: SourceParagraph) -> Iterator[tuple[etree._Element, str]]:
        """The runs of a paragraph that hold Chinese text, with their text."""
        if p.element is None:
            return
        nested = p.element.find(f".//{W}txbxContent") is not None
        for r in p.element.iter(f"{W}r"):
            if nested and next(r.iterancestors(f"{W}p"), None) is not p.element:
                continue
            text = "".join(t.text or "" for t in r.findall(f"{W}t"))
            if _HAN_RE.search(text):
                yield r, text

    def looks(self, p: SourceParagraph) -> list[RunLook]:
        if p.index not in self._run_looks:
            assert p.element is not None
            element = p.element
            key = self.styles.paragraph_key(element)
            self._run_looks[p.index] = [
                self.styles.run_look(element, r, key) for r, _ in self.text_runs(p)
            ]
        return self._run_looks[p.index]

    def para(self, p: SourceParagraph) -> ParaLook:
        assert p.element is not None
        return self.styles.para_look(p.element)


def layout_of(source: Source) -> Layout:
    if "layout" not in source.cache:
        source.cache["layout"] = Layout(source)
    view: Layout = source.cache["layout"]
    return view


def _at(source: Source, index: int, message: str, **kw: object) -> Hit:
    text = source.paragraph(index).text
    return Hit(Position(index, None, excerpt(text, 0, min(len(text), 12), 0)), message, **kw)  # type: ignore[arg-type]


def _whole(message: str, **kw: object) -> Hit:
    return Hit(Position(), message, **kw)  # type: ignore[arg-type]


def _font_ok(font: str | None, family: tuple[str, ...]) -> bool:
    return font is not None and any(name in font.lower() for name in family)


# How Word's alignments read in a message (w:jc values; none set is left).
_SIDES = {
    None: N_("left"),
    "left": N_("left"),
    "start": N_("left"),
    "right": N_("right"),
    "end": N_("right"),
    "center": N_("centred"),
    "both": N_("justified"),
    "distribute": N_("distributed"),
}


def _side(jc: str | None) -> str:
    return _t(_SIDES[jc]) if jc in _SIDES else str(jc)


def _in_table(p: SourceParagraph) -> bool:
    return p.element is not None and next(p.element.iterancestors(f"{W}tbl"), None) is not None


@rule("L101", "paper", "layout", Severity.ERROR)
def paper(source: Source) -> Iterator[Hit]:
    """A4 paper, 210 × 297 mm.

    Clause: GB/T 9704-2012 5.2.1
    """
    sect = layout_of(source).sect
    size = sect.find(f"{W}pgSz") if sect is not None else None
    if size is None:
        yield _whole(
            _t("the page size is not set (Word then uses its default, often Letter); set A4")
        )
        return
    w, h = _int(size.get(f"{W}w")), _int(size.get(f"{W}h"))
    if size.get(f"{W}orient") == "landscape" or w > h:
        w, h = h, w
    if abs(w - A4[0]) > TOLERANCE or abs(h - A4[1]) > TOLERANCE:
        message = _t("the paper is {width} × {height}; 公文 use A4, 210 × 297 mm")
        yield _whole(message.format(width=_mm(w), height=_mm(h)))


@rule("L102", "margins", "layout", Severity.ERROR)
def margins(source: Source) -> Iterator[Hit]:
    """Top margin 37 mm, left 28 mm (each ± 1 mm), leaving a 156 × 225 mm text block.

    Clause: GB/T 9704-2012 5.2.2
    """
    sect = layout_of(source).sect
    mar = sect.find(f"{W}pgMar") if sect is not None else None
    size = sect.find(f"{W}pgSz") if sect is not None else None
    if mar is None or size is None:
        yield _whole(
            _t("the page margins are not set; set top 37 mm, left 28 mm, 156 × 225 mm text")
        )
        return
    top, left = _int(mar.get(f"{W}top")), _int(mar.get(f"{W}left"))
    right, bottom = _int(mar.get(f"{W}right")), _int(mar.get(f"{W}bottom"))
    problems = []
    if abs(abs(top) - MARGIN_TOP) > TOLERANCE:
        problems.append(_t("top {size} (37 mm)").format(size=_mm(abs(top))))
    if abs(left - MARGIN_LEFT) > TOLERANCE:
        problems.append(_t("left {size} (28 mm)").format(size=_mm(left)))
    width = _int(size.get(f"{W}w")) - left - right
    height = _int(size.get(f"{W}h")) - abs(top) - abs(bottom)
    if abs(width - TEXT_BLOCK[0]) > TOLERANCE or abs(height - TEXT_BLOCK[1]) > TOLERANCE:
        block = _t("text block {width} × {height} (156 × 225 mm)")
        problems.append(block.format(width=_mm(width), height=_mm(height)))
    if problems:
        message = _t("margins: {problems} — the standard's values in brackets")
        yield _whole(message.format(problems=_t("; ").join(problems)))


@rule("L103", "text-grid", "layout")
def text_grid(source: Source) -> Iterator[Hit]:
    """22 lines per page: a line grid (w:docGrid) or exact line spacing of about 28–29 pt.

    Clause: GB/T 9704-2012 5.2.4
    """
    view = layout_of(source)
    grid = view.sect.find(f"{W}docGrid") if view.sect is not None else None
    if grid is not None and grid.get(f"{W}type") in ("lines", "linesAndChars", "snapToChars"):
        pitch = _int(grid.get(f"{W}linePitch"))
        if 540 <= pitch <= 600:
            return
    body = [p for p in source.paragraphs if p.text.strip() and not _in_table(p)]
    exact = [view.para(p) for p in body[:40]]
    if exact and all(
        look.line_rule == "exact" and 540 <= (look.line or 0) <= 600 for look in exact
    ):
        return
    yield _whole(
        _t(
            "no 22-line text grid: set a line grid (Layout › Document Grid › lines only, "
            "22 per page) or exact line spacing of 28.95 pt"
        )
    )


def _body_paragraphs(source: Source) -> Iterator[SourceParagraph]:
    s = source.structure
    special = set(s.mark) | set(s.header_lines) | set(s.notice_title) | set(s.titles())
    special |= set(s.headings) | {s.code or 0}
    special |= {part.first for part in s.parts if part.titles and part.first != part.titles[0]}
    for p in source.paragraphs:
        caption = re.match(r"\s*[表图]\s*\d+", p.text)  # captions follow the table's own look
        if p.text.strip() and p.index not in special and not _in_table(p) and not caption:
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
        yield _at(source, ps[0].index, problem + more)


def _font_problem(look: RunLook, family: tuple[str, ...], name: str, size: int) -> str | None:
    if not _font_ok(look.font, family):
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
            problem = _font_problem(look, FANGSONG, "仿宋", 32)
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
        if not looks:
            continue
        family, name = _HEADING_FONTS[h.level]
        problem = _font_problem(looks[0], family, name, 32)
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
            if not _font_ok(look.font, XIAOBIAOSONG):
                song = _font_ok(look.font, SONG_LIKE)
                yield _at(
                    source,
                    index,
                    _t("title in {font}, not 小标宋").format(
                        font=look.font or _t("no East Asian font")
                    ),
                    severity=Severity.WARNING if song else Severity.ERROR,
                )
            if look.size != 44:
                message = _t("title in {size} pt, not 22 pt (二号)")
                yield _at(source, index, message.format(size=f"{(look.size or 0) / 2:g}"))
        jc = view.para(p).jc
        if jc not in ("center",):
            message = _t("title aligned {side}, not centred").format(side=_side(jc))
            yield _at(source, index, message)


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
        yield _at(
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
            yield _at(source, index, _t("the issuing-organ mark is not red"))
        elif looks and not _font_ok(looks[0].font, XIAOBIAOSONG):
            yield _at(
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
    yield _at(source, s.code, _t("no red rule (版头分隔线) below the 发文字号"))


@rule("L303", "header-order", "layout", Severity.ERROR)
def header_order(source: Source) -> Iterator[Hit]:
    """The 版头 in order: 份号, 密级, 紧急程度, the mark, the 发文字号, then the title and 主送机关.

    Clause: GB/T 9704-2012 7.2, 7.3.1, 7.3.2
    """
    s = source.structure
    if s.code is None:
        if s.notice_title:
            yield _at(
                source,
                s.notice_title[0],
                _t("a notice title with no 发文字号 above it"),
                severity=Severity.WARNING,
            )
        return
    early = [p for p in source.paragraphs[: s.code - 1] if _title_like(p.text)]
    for p in early:
        yield _at(
            source, p.index, _t("the title comes before the 发文字号; it goes below the red rule")
        )
    for p in source.paragraphs[s.code :]:
        if p.text.strip() and re.fullmatch(
            r"(\d{6}|(绝密|机密|秘密|特急|加急).{0,8})", p.text.strip()
        ):
            yield _at(
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
        problem = _font_problem(looks[0], FANGSONG, "仿宋", 32)
        if problem:
            yield _at(source, s.code, _t("发文字号 in {problem}").format(problem=problem))
    jc = view.para(p).jc
    if "签发人" not in p.text and jc != "center":
        message = _t("发文字号 aligned {side}, not centred").format(side=_side(jc))
        yield _at(source, s.code, message)


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
        yield _at(source, p.index, _t("主送机关 indented; it starts flush left"))
    if p.text.rstrip().endswith(":"):
        yield _at(source, p.index, _t("主送机关 ends with a half-width colon; write ："))


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
    width = TEXT_BLOCK[0]
    for index in [*s.signature, s.date]:
        look = view.para(source.paragraph(index))
        right_side = look.jc in ("right", "end") or look.left + look.first_line > width // 3
        if look.jc == "center" and index != s.date:
            right_side = True  # names centred over the date
        if not right_side:
            what = "成文日期" if index == s.date else _t("signature")
            message = _t("{what} aligned {side}; it belongs on the right")
            yield _at(source, index, message.format(what=what, side=_side(look.jc)))


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
        yield _whole(_t("no page numbers: the footers have no PAGE field"))
        return
    settings = view.settings
    even_odd = settings is not None and settings.find(f"{W}evenAndOddHeaders") is not None
    if not even_odd or "even" not in numbered or "default" not in numbered:
        yield _whole(
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
            yield _whole(
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
                yield _whole(
                    _t(
                        "the {side} page number is aligned {align}; odd pages right, "
                        "even pages left"
                    ).format(side=side, align=_side(jc)),
                    severity=Severity.WARNING,
                )


@rule("L403", "colophon-lines", "layout")
def colophon_lines(source: Source) -> Iterator[Hit]:
    """版记 (抄送, 印发机关和印发日期) between full-width lines: thick first and last, thin between.

    Clause: GB/T 9704-2012 7.4.1
    """
    for p in source.paragraphs:
        text = p.text.strip()
        if not (
            text.startswith(("抄送：", "抄送:"))
            or re.search(r"\d{4}年\d{1,2}月\d{1,2}日\s*印发$", text)
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
            yield _at(source, p.index, _t("版记 with no lines above and below it"))
        elif sizes and not ("top" in sizes and "bottom" in sizes):
            message = _t("版记 needs a line above its first row and below its last")
            yield _at(source, p.index, message)
        elif sizes and min(sizes["top"], sizes["bottom"]) < sizes.get("insideH", 0):
            yield _at(
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
        yield _at(source, p.index, _t("this printed document does not start on a new page"))


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
        kind, value = w.get(f"{W}type"), _int(w.get(f"{W}w"))
        if (kind == "dxa" and value > TEXT_BLOCK[0] + TOLERANCE) or (
            kind == "pct" and value > 5000
        ):
            yield _at(source, p.index, _t("this table is wider than the text block (156 mm)"))
        for look in view.looks(p)[:1]:
            if (look.size or 0) > 32:
                yield _at(
                    source,
                    p.index,
                    _t("table text in {size} pt, larger than the body's 16 pt").format(
                        size=f"{(look.size or 0) / 2:g}"
                    ),
                )


# The kinds of outside reference Word fetches, as the relationship names them (said in the message).
_REFERENCE_KINDS = (
    N_("image"),
    N_("attachedTemplate"),
    N_("oleObject"),
    N_("subDocument"),
    N_("frame"),
)


@rule("L501", "external-references", "layout")
def external_references(source: Source) -> Iterator[Hit]:
    """No references to files outside the document (a remote image, an attached template): Word
    fetches them when the file is opened, which tells their owner who read it and when, and the
    document changes when they do. Hyperlinks are not fetched and are not reported.

    Clause: edureport (a document that goes out is complete in itself)
    """
    package = source.package
    assert package is not None
    for ref in package.external_references():
        message = _t("the {kind} in {part} refers to {target}, outside the document")
        yield _whole(message.format(kind=_t(ref.kind), part=ref.part, target=ref.target))


RULES: tuple[Rule, ...] = (
    paper,
    margins,
    text_grid,
    body_font,
    heading_font,
    title_font,
    text_colour,
    red_mark,
    red_rule,
    header_order,
    code_layout,
    recipients,
    signature_date,
    page_numbers,
    colophon_lines,
    attachment_page,
    tables,
    external_references,
)
