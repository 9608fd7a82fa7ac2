"""Read an existing document safely: a .docx (zip + XML) or its text, as a list of paragraphs.

Documents come from anywhere, so nothing here trusts its input: the zip's declared sizes are capped
before anything is inflated, XML with a DOCTYPE (entity expansion) is refused, and a file that is
not what its name says gets an :class:`InputError` naming the file and the problem.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from .errors import InputError, Location
from .i18n import N_
from .i18n import _ as _t  # `_` is a throwaway name in this module
from .vocab import match_heading

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"

MAX_PART_BYTES = 64 * 1024 * 1024  # one inflated XML part
MAX_TOTAL_BYTES = 256 * 1024 * 1024  # the whole inflated package
MAX_RATIO = 200  # inflated / compressed, per member: real .docx parts stay far below this


@dataclass
class SourceParagraph:
    """One paragraph of a source document, numbered from 1 in reading order.

    ``number`` is what Word's automatic numbering shows before the text (“一、”, “1.”), which is
    not in the text itself; ``level`` is the heading level its style gives (标题 1, Heading 2,
    一级标题, or an outline level), a hint where the text has no number.
    """

    index: int
    text: str
    style: str | None = None
    element: etree._Element | None = field(default=None, compare=False, repr=False)
    number: str = ""
    level: int | None = None


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
    )


# What makes each kind of package one, and what is said when a file is not one (fixed texts, so
# that the message catalogue translates them).
_KINDS = {
    "docx": {
        "main": "word/document.xml",
        "suffix": ".docx",
        "lock": N_("this is a Word lock file (~$…), not a document; open the file without ~$"),
        "old": N_("this is an old Word 97-2003 .doc file; save it as .docx in Word or WPS first"),
        "not_zip": N_("not a .docx file (it is not a zip package)"),
        "no_main": N_("not a Word document: the package has no word/document.xml"),
    },
    "xlsx": {
        "main": "xl/workbook.xml",
        "suffix": ".xlsx",
        "lock": N_("this is an Excel lock file (~$…), not a workbook; open the file without ~$"),
        "old": N_("this is an old Excel 97-2003 .xls file; save it as .xlsx in Excel or WPS first"),
        "not_zip": N_("not a readable .xlsx workbook (it is not a zip package)"),
        "no_main": N_("not an Excel workbook: the package has no xl/workbook.xml"),
    },
}
# Relationships that are links a reader follows by choice, not content fetched when opened.
_LINK_TYPES = ("/hyperlink",)
REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


@dataclass(frozen=True)
class ExternalReference:
    """A relationship that points outside the package: fetched when the file is opened."""

    part: str  # the .rels part that declares it
    kind: str  # the relationship's type, e.g. image, attachedTemplate
    target: str


class Package:
    """An Office package (.docx, .xlsx), checked before use: every input file goes through this.

    The zip's declared sizes are capped before anything is inflated; parts are inflated only when
    asked for (or all at once by :meth:`verify`, for files another library will read whole).
    """

    kind = "docx"

    def __init__(self, path: Path, kind: str | None = None) -> None:
        self.path = path
        if kind is not None:
            self.kind = kind
        texts = _KINDS[self.kind]
        suffix = texts["suffix"]
        where = Location(path)
        if path.name.startswith("~$"):
            raise InputError(texts["lock"], where)
        try:
            size = path.stat().st_size
            with path.open("rb") as fh:
                magic = fh.read(8)
        except OSError as exc:
            message = _t("cannot read the file: {why}").format(why=exc.strerror)
            raise InputError(message, where) from None
        if size == 0:
            raise InputError("the file is empty", where)
        if magic.startswith(b"\xd0\xcf\x11\xe0"):
            raise InputError(texts["old"], where)
        if not magic.startswith(b"PK"):
            raise InputError(texts["not_zip"], where)
        try:
            self._zip = zipfile.ZipFile(path)
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise InputError(
                _t("not a readable {kind} file (damaged or truncated zip: {why})").format(
                    kind=suffix, why=exc
                ),
                where,
            ) from None
        total = 0
        for info in infos:
            total += info.file_size
            ratio = info.file_size / max(info.compress_size, 1)
            if (
                info.file_size > MAX_PART_BYTES
                or total > MAX_TOTAL_BYTES
                or (info.file_size > 1024 * 1024 and ratio > MAX_RATIO)
            ):
                self._zip.close()
                raise InputError(
                    _t(
                        "refused: the part {part} would inflate to {size} bytes "
                        "(a zip bomb or a damaged file)"
                    ).format(part=info.filename, size=f"{info.file_size:,}"),
                    where,
                )
        self.names = {info.filename for info in infos}
        if texts["main"] not in self.names:
            self._zip.close()
            raise InputError(texts["no_main"], where)

    def read(self, name: str) -> bytes:
        try:
            with self._zip.open(name) as fh:
                data = fh.read(MAX_PART_BYTES + 1)
        except (KeyError, zipfile.BadZipFile, OSError, EOFError, zlib.error) as exc:
            raise InputError(
                _t("cannot read {part} from the package (damaged: {why})").format(
                    part=name, why=exc
                ),
                Location(self.path),
            ) from None
        if len(data) > MAX_PART_BYTES:
            message = _t("refused: the part {part} is too large").format(part=name)
            raise InputError(message, Location(self.path))
        return data

    def _refuse_doctype(self, name: str, data: bytes) -> None:
        if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data:
            raise InputError(
                _t(
                    "refused: {part} declares a DOCTYPE or entities, which Office never writes"
                ).format(part=name),
                Location(self.path),
            )

    def xml(self, name: str) -> etree._Element:
        data = self.read(name)
        self._refuse_doctype(name, data)
        try:
            return etree.fromstring(data, _parser())
        except etree.XMLSyntaxError as exc:
            message = _t("{part} is not well-formed XML: {why}").format(part=name, why=exc)
            raise InputError(message, Location(self.path)) from None

    def verify(self) -> None:
        """Inflate every part once (a damaged stream or checksum is an error here, not deep in
        another library) and refuse XML parts that declare a DOCTYPE."""
        for name in sorted(self.names):
            if name.endswith("/"):
                continue
            data = self.read(name)
            if name.endswith((".xml", ".rels", ".vml")):
                self._refuse_doctype(name, data)

    def external_references(self) -> list[ExternalReference]:
        """Relationships with TargetMode="External" other than hyperlinks: a remote image, an
        attached template, a linked object. Opening the file fetches them."""
        found = []
        for name in sorted(n for n in self.names if n.endswith(".rels")):
            for rel in self.xml(name).iter(f"{REL_NS}Relationship"):
                kind = rel.get("Type", "")
                if rel.get("TargetMode") == "External" and not kind.endswith(_LINK_TYPES):
                    found.append(
                        ExternalReference(name, kind.rsplit("/", 1)[-1], rel.get("Target", ""))
                    )
        return found

    def close(self) -> None:
        self._zip.close()


class DocxPackage(Package):
    """The parts of a .docx, checked before use. Parts are inflated only when asked for."""

    kind = "docx"


_verified: dict[tuple[str, int, int, str], list[ExternalReference]] = {}


def verify_package(path: Path, kind: str = "docx") -> list[ExternalReference]:
    """Check a package another library will read whole (a template, a workbook): limits, every
    part inflated once, no DOCTYPE. Returns its outside references. Remembered per file version,
    so building many documents from one template checks it once."""
    try:
        stat = path.stat()
    except OSError as exc:
        message = _t("cannot read the file: {why}").format(why=exc.strerror)
        raise InputError(message, Location(path)) from None
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns, kind)
    if key not in _verified:
        package = Package(path, kind)
        try:
            package.verify()
            references = package.external_references()
        finally:
            package.close()
        if len(_verified) > 32:
            _verified.clear()
        _verified[key] = references
    return list(_verified[key])


_T, _BR, _CR, _TAB = f"{W}t", f"{W}br", f"{W}cr", f"{W}tab"
_NB_HYPHEN, _DEL_TEXT, _R, _TYPE = f"{W}noBreakHyphen", f"{W}delText", f"{W}r", f"{W}type"
_PIECE_TAGS = (_T, _BR, _CR, _TAB, _NB_HYPHEN, _DEL_TEXT)


def _piece(el: etree._Element) -> str:
    """What a break, tab or no-break hyphen shows as text (w:t holds its own text)."""
    tag = el.tag
    if tag in (_BR, _CR):
        return "\n" if el.get(_TYPE) in (None, "textWrapping") else ""
    if tag == _TAB:
        parent = el.getparent()
        return "\t" if parent is not None and parent.tag == _R else ""
    return "-" if tag == _NB_HYPHEN else ""  # w:delText: deleted text is not shown


def paragraph_pieces(p: etree._Element) -> list[tuple[etree._Element, str]]:
    """The pieces of a paragraph's text as Word shows it, each with the element it comes from:
    w:t its text, breaks as newlines, tabs as tabs, no-break hyphens; deletions left out. Reading
    (:func:`paragraph_text`) and fixing in place (check's fixes) both count offsets from this."""
    return [(el, el.text or "" if el.tag == _T else _piece(el)) for el in p.iter(_PIECE_TAGS)]


def paragraph_text(p: etree._Element) -> str:
    """A paragraph's text as Word shows it: breaks as newlines, tabs as tabs; deletions left out."""
    return "".join(el.text or "" if el.tag == _T else _piece(el) for el in p.iter(_PIECE_TAGS))


def docx_paragraphs(
    package: DocxPackage, root: etree._Element | None = None
) -> list[SourceParagraph]:
    """Body paragraphs in reading order; text boxes and table cells are read where they stand.

    A text box's paragraphs appear both in its DrawingML and its VML fallback; the fallback is
    skipped so that each paragraph is read once.
    """
    if root is None:
        root = package.xml("word/document.xml")
    body = root.find(f"{W}body")
    if body is None:
        return []
    styles = _Styles(package)
    numbering = _Numbering(package, styles)
    numbered = bool(numbering.levels)
    found = (
        _boxed_paragraphs(body)
        if body.find(f".//{W}txbxContent") is not None
        else _plain_paragraphs(body)
    )
    result: list[SourceParagraph] = []
    for p, text, style in found:
        result.append(
            SourceParagraph(
                len(result) + 1,
                text,
                style,
                p,
                number=numbering.label(p, style) if numbered and text.strip() else "",
                level=_level(styles, style, text),
            )
        )
    return result


_P, _PPR, _PSTYLE, _VAL = f"{W}p", f"{W}pPr", f"{W}pStyle", f"{W}val"
_SHOWN_TAGS = (_P, _PSTYLE, _T, _BR, _CR, _TAB, _NB_HYPHEN)  # w:delText is not shown


def _plain_paragraphs(body: etree._Element) -> list[tuple[etree._Element, str, str | None]]:
    """Paragraphs, their text and style, in one walk of the body: without text boxes no
    paragraph holds another, so each element belongs to the paragraph last begun."""
    found: list[tuple[etree._Element, str, str | None]] = []
    p: etree._Element | None = None
    parts: list[str] = []
    style: str | None = None
    for el in body.iter(_SHOWN_TAGS):
        tag = el.tag
        if tag == _T:
            parts.append(el.text or "")
        elif tag == _P:
            if p is not None:
                found.append((p, "".join(parts), style))
            p, parts, style = el, [], None
        elif tag == _PSTYLE:
            # the paragraph's own style, not one recorded in a tracked change (w:pPrChange)
            parent = el.getparent()
            if parent is not None and parent.tag == _PPR and parent.getparent() is p:
                style = el.get(_VAL)
        else:
            parts.append(_piece(el))
    if p is not None:
        found.append((p, "".join(parts), style))
    return found


def _boxed_paragraphs(body: etree._Element) -> list[tuple[etree._Element, str, str | None]]:
    """Paragraphs of a body with text boxes: a box's paragraphs where the box stands, its VML
    fallback skipped."""
    fallback = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
    style_path = f"{W}pPr/{W}pStyle"
    found: list[tuple[etree._Element, str, str | None]] = []
    for p in body.iter(_P):
        if any(a.tag == fallback for a in p.iterancestors()):
            continue
        # A paragraph that holds a text box: read the box's paragraphs (they come next in iter),
        # and the paragraph's own runs outside it.
        has_box = p.find(f".//{W}txbxContent") is not None
        own = has_box and any(
            next(a for a in el.iterancestors(_P)) is p for el in p.iter(_T, _BR, _TAB)
        )
        if own or not has_box:
            style_el = p.find(style_path)
            style = style_el.get(_VAL) if style_el is not None else None
            found.append((p, _own_text(p) if has_box else paragraph_text(p), style))
    return found


def _level(styles: _Styles, style: str | None, text: str) -> int | None:
    """The heading level a paragraph's style gives: it matters only where the text has no number."""
    level = styles.heading_level(style) if style else None
    return None if level is None or match_heading(text.lstrip()) is not None else level


_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*(?P<n>[1-9])$|^(?P<cn>[一二三四])级标题$", re.I)


class _Styles:
    """Paragraph styles: their names, heading levels and numbering, through basedOn."""

    def __init__(self, package: DocxPackage) -> None:
        self._package = package
        self._by_id: dict[str, etree._Element] | None = None
        # Word's body style is never a heading: no need to read styles.xml for it
        self._levels: dict[str | None, int | None] = {None: None, "Normal": None}

    @property
    def by_id(self) -> dict[str, etree._Element]:
        # read on first use: most paragraphs carry their heading number in their text
        if self._by_id is None:
            self._by_id = {}
            if "word/styles.xml" in self._package.names:
                for el in self._package.xml("word/styles.xml").iter(f"{W}style"):
                    if el.get(f"{W}type") == "paragraph" and el.get(f"{W}styleId"):
                        self._by_id[el.get(f"{W}styleId") or ""] = el
        return self._by_id

    def _chain(self, style: str | None) -> list[etree._Element]:
        chain: list[etree._Element] = []
        while style in self.by_id and len(chain) < 10:
            el = self.by_id[style or ""]
            chain.append(el)
            based = el.find(f"{W}basedOn")
            style = based.get(f"{W}val") if based is not None else None
        return chain

    def heading_level(self, style: str | None) -> int | None:
        if style not in self._levels and style is not None and style.startswith("Gw"):
            # edureport's own letterhead styles: GwH1 … GwH4 are the heading levels, no other
            # (known without reading styles.xml, which a built document would otherwise cost)
            own = style[4:] if style.startswith("GwH") else ""
            self._levels[style] = int(own) if own.isdigit() else None
        if style not in self._levels:
            level = None
            chain = self._chain(style)
            if chain:
                name_el = chain[0].find(f"{W}name")
                m = _HEADING_NAME.match(
                    (name_el.get(f"{W}val") or "") if name_el is not None else ""
                )
                if m:
                    level = int(m["n"]) if m["n"] else "一二三四".index(m["cn"]) + 1
            for el in chain if level is None else []:
                outline = el.find(f"{W}pPr/{W}outlineLvl")
                if outline is not None and (outline.get(f"{W}val") or "9").isdigit():
                    value = int(outline.get(f"{W}val") or "9")
                    level = value + 1 if value < 9 else None
                    break
            self._levels[style] = level
        return self._levels[style]

    def numbering(self, style: str | None) -> tuple[str, int] | None:
        for el in self._chain(style):
            num = el.find(f"{W}pPr/{W}numPr")
            if num is not None:
                num_id = num.find(f"{W}numId")
                ilvl = num.find(f"{W}ilvl")
                if num_id is not None:
                    return num_id.get(f"{W}val") or "0", int(
                        ilvl.get(f"{W}val") or 0 if ilvl is not None else 0
                    )
        return None


_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_CN = "零一二三四五六七八九"


def _chinese(n: int) -> str:
    if n < 10:
        return _CN[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _CN[tens]) + "十" + (_CN[ones] if ones else "")
    return str(n)


def _format_number(n: int, fmt: str) -> str:
    """A list counter as Word shows it in the number format ``fmt``."""
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "chineseLegalSimplified",
        "ideographDigital",
        "taiwaneseCounting",
        "taiwaneseCountingThousand",
    ):
        return _chinese(n)
    if fmt.startswith("decimalEnclosedCircle") and 1 <= n <= len(_CIRCLED):
        return _CIRCLED[n - 1]
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out, n = out + letters, n - value
    return out


class _Numbering:
    """Word's automatic list numbers (w:numPr), counted as Word counts them: per list, a level
    restarting when a level above it moves on."""

    def __init__(self, package: DocxPackage, styles: _Styles) -> None:
        self.styles = styles
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # numId → ilvl → format
        self.counters: dict[str, dict[int, int]] = {}
        if "word/numbering.xml" not in package.names:
            return
        root = package.xml("word/numbering.xml")
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for el in root.iter(f"{W}abstractNum"):
            levels: dict[int, tuple[str, str, int]] = {}
            for lvl in el.iter(f"{W}lvl"):
                fmt_el = lvl.find(f"{W}numFmt")
                text_el = lvl.find(f"{W}lvlText")
                start_el = lvl.find(f"{W}start")
                levels[int(lvl.get(f"{W}ilvl") or 0)] = (
                    (fmt_el.get(f"{W}val") or "decimal") if fmt_el is not None else "decimal",
                    (text_el.get(f"{W}val") or "") if text_el is not None else "",
                    int(start_el.get(f"{W}val") or 1) if start_el is not None else 1,
                )
            abstract[el.get(f"{W}abstractNumId") or ""] = levels
        for el in root.iter(f"{W}num"):
            ref = el.find(f"{W}abstractNumId")
            if ref is not None:
                instance = dict(abstract.get(ref.get(f"{W}val") or "", {}))
                for override in el.iter(f"{W}lvlOverride"):
                    restart = override.find(f"{W}startOverride")
                    at = int(override.get(f"{W}ilvl") or 0)
                    if restart is not None and at in instance:
                        fmt, text, _ = instance[at]
                        instance[at] = (fmt, text, int(restart.get(f"{W}val") or 1))
                self.levels[el.get(f"{W}numId") or ""] = instance

    def label(self, p: etree._Element, style: str | None) -> str:
        if not self.levels:
            return ""
        num = p.find(f"{W}pPr/{W}numPr")
        found: tuple[str, int] | None = None
        if num is not None:
            id_el, lvl_el = num.find(f"{W}numId"), num.find(f"{W}ilvl")
            from_style = self.styles.numbering(style)
            found = (
                (id_el.get(f"{W}val") or "0")
                if id_el is not None
                else (from_style[0] if from_style else "0"),
                int(lvl_el.get(f"{W}val") or 0)
                if lvl_el is not None
                else (from_style[1] if from_style else 0),
            )
        else:
            found = self.styles.numbering(style)
        if found is None or found[0] == "0" or found[0] not in self.levels:
            return ""
        num_id, ilvl = found
        levels = self.levels[num_id]
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, levels[ilvl][2] - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        fmt, text, _ = levels[ilvl]
        if fmt == "bullet":
            return ""

        def value(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            if k not in levels:
                return ""
            n = counters.get(k, levels[k][2])
            return _format_number(n, levels[k][0] if k != ilvl else fmt)

        return re.sub(r"%(\d)", value, text)


def _own_text(p: etree._Element) -> str:
    parts = []
    for el in p.iter(f"{W}t"):
        if next(a for a in el.iterancestors(f"{W}p")) is p:
            parts.append(el.text or "")
    return "".join(parts)


def decode_text(data: bytes, where: Location) -> tuple[str, str]:
    """Text and its encoding: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        text = data.decode("utf-8-sig")
        return text, "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        raise InputError(
            "the text is neither UTF-8 nor GBK/GB18030; save it as UTF-8", where
        ) from None


def read_text(path: Path) -> str:
    """A text file's content: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK."""
    where = Location(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        message = _t("cannot read the file: {why}").format(why=exc.strerror)
        raise InputError(message, where) from None
    if not data.strip():
        raise InputError("the file is empty", where)
    return decode_text(data, where)[0]


def read_comments(path: Path) -> list[tuple[str, str]]:
    """The comments (批注) of a .docx: the words each is anchored on, and its text."""
    return read_docx(path)[1]


def read_docx(path: Path) -> tuple[list[SourceParagraph], list[tuple[str, str]]]:
    """A .docx's paragraphs and its comments, the package opened and its text parsed once."""
    package = DocxPackage(path)
    try:
        root = package.xml("word/document.xml")
        paragraphs = docx_paragraphs(package, root)
        if "word/comments.xml" not in package.names:
            return paragraphs, []
        return paragraphs, _comments(package, root)
    finally:
        package.close()


def _comments(package: DocxPackage, root: etree._Element) -> list[tuple[str, str]]:
    notes: dict[str, str] = {}
    for el in package.xml("word/comments.xml").iter(f"{W}comment"):
        paragraphs = ["".join(t.text or "" for t in q.iter(f"{W}t")) for q in el.iter(f"{W}p")]
        notes[el.get(f"{W}id") or ""] = "\n".join(paragraphs)
    words: dict[str, list[str]] = {}
    open_ids: list[str] = []
    for el in root.iter(f"{W}commentRangeStart", f"{W}commentRangeEnd", f"{W}t"):
        if el.tag == f"{W}commentRangeStart":
            open_ids.append(el.get(f"{W}id") or "")
            words.setdefault(open_ids[-1], [])
        elif el.tag == f"{W}commentRangeEnd":
            ended = el.get(f"{W}id") or ""
            open_ids = [i for i in open_ids if i != ended]
        else:
            for i in open_ids:
                words[i].append(el.text or "")
    return [("".join(words[i]), notes[i]) for i in words if i in notes]


def read_paragraphs(path: str | Path) -> list[SourceParagraph]:
    """The paragraphs of a .docx or .txt file (one paragraph per line of text)."""
    path = Path(path)
    if not path.exists():
        raise InputError("no such file", Location(path))
    if path.suffix.lower() == ".docx" or path.name.startswith("~$"):
        package = DocxPackage(path)
        try:
            return docx_paragraphs(package)
        finally:
            package.close()
    if path.suffix.lower() in (".txt", ".text", ".md", ""):
        lines = read_text(path).replace("\r\n", "\n").replace("\r", "\n").split("\n")
        return [SourceParagraph(i, line) for i, line in enumerate(lines, start=1)]
    if path.suffix.lower() == ".doc":
        raise InputError("old Word .doc files are not read; save it as .docx first", Location(path))
    message = _t("expected a .docx or .txt file, got {what}").format(what=path.suffix)
    raise InputError(message, Location(path))
