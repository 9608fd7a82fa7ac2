"""How a .docx paragraph or run looks, resolved the way Word does it: document defaults, then the
table style, the paragraph style and its basedOn chain, the character style, then direct
formatting. The font Word uses for Chinese is the East Asian one (w:eastAsia, or the theme's East
Asian font), so that is what is read.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ..gbt9704 import CHAR
from ..reader import W

A_NS = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_RPR, _RSTYLE, _PPR, _PSTYLE = f"{W}rPr", f"{W}rStyle", f"{W}pPr", f"{W}pStyle"
_RFONTS, _SZ, _COLOR, _VAL = f"{W}rFonts", f"{W}sz", f"{W}color", f"{W}val"
_EA, _EA_THEME = f"{W}eastAsia", f"{W}eastAsiaTheme"


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
        ppr = next(p.iterchildren(_PPR), None)
        ps = next(ppr.iterchildren(_PSTYLE), None) if ppr is not None else None
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
        rpr = next(r.iterchildren(_RPR), None)
        rs = next(rpr.iterchildren(_RSTYLE), None) if rpr is not None else None
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
            for el in layer:  # one walk of the layer's children, not a search for each
                tag = el.tag
                if tag == _RFONTS:
                    theme = el.get(_EA_THEME)
                    if theme:
                        font = self.theme_fonts.get(theme, f"({theme})")
                    elif el.get(_EA):
                        font = el.get(_EA)
                elif tag == _SZ:
                    value = el.get(_VAL) or ""
                    if value.isdigit():
                        size = int(value)
                elif tag == _COLOR:
                    color = el.get(_VAL)
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
                            ind[key] = int_of(el.get(f"{W}{name}"))
                if el.get(f"{W}firstLineChars") is not None and int_of(
                    el.get(f"{W}firstLineChars")
                ):
                    ind["first"] = int_of(el.get(f"{W}firstLineChars")) * CHAR // 100
                elif el.get(f"{W}firstLine") is not None:
                    ind["first"] = int_of(el.get(f"{W}firstLine"))
                elif el.get(f"{W}hanging") is not None:
                    ind["first"] = -int_of(el.get(f"{W}hanging"))
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
                line, rule_ = int_of(el.get(f"{W}line")), el.get(f"{W}lineRule") or "auto"
        return ParaLook(jc, ind["left"], ind["right"], ind["first"], pbb, bottom, top, line, rule_)


def int_of(value: str | None) -> int:
    """An XML attribute's whole number; 0 when it is absent or not a number."""
    try:
        return int(float(value or 0))
    except ValueError:
        return 0
