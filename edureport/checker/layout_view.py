"""What the layout rules (L…) read from a .docx: its parts (document, styles, theme, settings, the
first section and its footers), parsed once per check, and each paragraph's resolved look; and how
an alignment reads in a message.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from ..i18n import N_
from ..i18n import _ as _t  # rule modules keep `_` for throwaway names
from ..reader import REL_NS, SourceParagraph, W
from .findings import Source
from .structure import HAN
from .styles import ParaLook, RunLook, Styles

R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_HAN_RE = re.compile(f"[{HAN}]")
_R, _T = f"{W}r", f"{W}t"


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
        self._boxes = body is not None and body.find(f".//{W}txbxContent") is not None
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
        nested = self._boxes and p.element.find(f".//{W}txbxContent") is not None
        for r in p.element.iter(_R):
            if nested and next(r.iterancestors(f"{W}p"), None) is not p.element:
                continue
            text = "".join([t.text or "" for t in r.iterchildren(_T)])
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
    """The layout view of ``source``, made on first use and shared by every layout rule."""
    if "layout" not in source.cache:
        source.cache["layout"] = Layout(source)
    view: Layout = source.cache["layout"]
    return view


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


def alignment(jc: str | None) -> str:
    """A paragraph's alignment (w:jc) as a message says it: left, centred…"""
    return _t(_SIDES[jc]) if jc in _SIDES else str(jc)


def in_table(p: SourceParagraph) -> bool:
    return p.element is not None and next(p.element.iterancestors(f"{W}tbl"), None) is not None
