"""Read an existing document safely: a .docx (zip + XML) or its text, as a list of paragraphs.

Documents come from anywhere, so nothing here trusts its input: the zip's declared sizes are capped
before anything is inflated, XML with a DOCTYPE (entity expansion) is refused, and a file that is
not what its name says gets an :class:`InputError` naming the file and the problem.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from .errors import InputError, Location

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"

MAX_PART_BYTES = 64 * 1024 * 1024  # one inflated XML part
MAX_TOTAL_BYTES = 256 * 1024 * 1024  # the whole inflated package
MAX_RATIO = 200  # inflated / compressed, per member: real .docx parts stay far below this


@dataclass
class SourceParagraph:
    """One paragraph of a source document, numbered from 1 in reading order."""

    index: int
    text: str
    style: str | None = None
    element: etree._Element | None = field(default=None, compare=False, repr=False)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
    )


class DocxPackage:
    """The parts of a .docx, checked before use. Parts are inflated only when asked for."""

    def __init__(self, path: Path) -> None:
        self.path = path
        where = Location(path)
        if path.name.startswith("~$"):
            raise InputError(
                "this is a Word lock file (~$…), not a document; open the file without ~$", where
            )
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise InputError(f"cannot read the file: {exc.strerror}", where) from None
        if size == 0:
            raise InputError("the file is empty", where)
        with path.open("rb") as fh:
            magic = fh.read(8)
        if magic.startswith(b"\xd0\xcf\x11\xe0"):
            raise InputError(
                "this is an old Word 97-2003 .doc file; save it as .docx in Word or WPS first",
                where,
            )
        if not magic.startswith(b"PK"):
            raise InputError("not a .docx file (it is not a zip package)", where)
        try:
            self._zip = zipfile.ZipFile(path)
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, OSError) as exc:
            raise InputError(
                f"not a readable .docx file (damaged or truncated zip: {exc})", where
            ) from None
        total = 0
        for info in infos:
            total += info.file_size
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > MAX_PART_BYTES or total > MAX_TOTAL_BYTES or (
                info.file_size > 1024 * 1024 and ratio > MAX_RATIO
            ):
                raise InputError(
                    f"refused: the part {info.filename} would inflate to {info.file_size:,} bytes "
                    "(a zip bomb or a damaged file)",
                    where,
                )
        self.names = {info.filename for info in infos}
        if "word/document.xml" not in self.names:
            raise InputError("not a Word document: the package has no word/document.xml", where)

    def read(self, name: str) -> bytes:
        try:
            with self._zip.open(name) as fh:
                data = fh.read(MAX_PART_BYTES + 1)
        except (KeyError, zipfile.BadZipFile, OSError, EOFError) as exc:
            raise InputError(
                f"cannot read {name} from the package: {exc}", Location(self.path)
            ) from None
        if len(data) > MAX_PART_BYTES:
            raise InputError(f"refused: the part {name} is too large", Location(self.path))
        return data

    def xml(self, name: str) -> etree._Element:
        data = self.read(name)
        if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data:
            raise InputError(
                f"refused: {name} declares a DOCTYPE or entities, which Word never writes",
                Location(self.path),
            )
        try:
            return etree.fromstring(data, _parser())
        except etree.XMLSyntaxError as exc:
            raise InputError(f"{name} is not well-formed XML: {exc}", Location(self.path)) from None

    def close(self) -> None:
        self._zip.close()


def paragraph_text(p: etree._Element) -> str:
    """A paragraph's text as Word shows it: breaks as newlines, tabs as tabs; deletions left out."""
    out = []
    for el in p.iter(f"{W}t", f"{W}br", f"{W}cr", f"{W}tab", f"{W}noBreakHyphen", f"{W}delText"):
        tag = el.tag
        if tag == f"{W}t":
            out.append(el.text or "")
        elif tag in (f"{W}br", f"{W}cr"):
            if el.get(f"{W}type") in (None, "textWrapping"):
                out.append("\n")
        elif tag == f"{W}tab":
            parent = el.getparent()
            if parent is not None and parent.tag == f"{W}r":
                out.append("\t")
        elif tag == f"{W}noBreakHyphen":
            out.append("-")
    return "".join(out)


def docx_paragraphs(package: DocxPackage) -> list[SourceParagraph]:
    """Body paragraphs in reading order; text boxes and table cells are read where they stand.

    A text box's paragraphs appear both in its DrawingML and its VML fallback; the fallback is
    skipped so that each paragraph is read once.
    """
    root = package.xml("word/document.xml")
    body = root.find(f"{W}body")
    result: list[SourceParagraph] = []
    if body is None:
        return result
    fallback = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
    for p in body.iter(f"{W}p"):
        if any(a.tag == fallback for a in p.iterancestors()):
            continue
        # A paragraph that holds a text box: read the box's paragraphs (they come next in iter),
        # and the paragraph's own runs outside it.
        own = [
            el
            for el in p.iter(f"{W}t", f"{W}br", f"{W}tab")
            if next(a for a in el.iterancestors(f"{W}p")) is p
        ]
        if own or p.find(f".//{W}txbxContent") is None:
            text = paragraph_text(p) if p.find(f".//{W}txbxContent") is None else _own_text(p)
            style = p.find(f"{W}pPr/{W}pStyle")
            result.append(
                SourceParagraph(
                    len(result) + 1,
                    text,
                    style.get(f"{W}val") if style is not None else None,
                    p,
                )
            )
    return result


def _own_text(p: etree._Element) -> str:
    parts = []
    for el in p.iter(f"{W}t"):
        if next(a for a in el.iterancestors(f"{W}p")) is p:
            parts.append(el.text or "")
    return "".join(parts)


def read_text(path: Path) -> str:
    """A text file's content: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK."""
    where = Location(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror}", where) from None
    if not data.strip():
        raise InputError("the file is empty", where)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise InputError(
            "the text is neither UTF-8 nor GBK/GB18030; save it as UTF-8", where
        ) from None


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
    raise InputError(f"expected a .docx or .txt file, got {path.suffix}", Location(path))
