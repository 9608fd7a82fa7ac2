"""Apply the safe fixes of a check to a copy of the document, touching nothing else.

In a .docx, text is replaced inside the one w:t element that holds it: no run is split, merged or
re-styled, and every other part of the package is copied byte for byte. A fix whose text spans two
runs is not applied (it is reported as not fixed). In a .txt, encoding and line endings are kept.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..errors import InputError, Location
from ..files import atomic_output
from ..reader import SourceParagraph, W
from .findings import Finding, Fix, Source

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@dataclass(frozen=True)
class FixResult:
    """What :func:`edureport.checker.fix` did: the file written, the findings fixed, the fixable
    findings left as they were (with why), and every finding not fixed."""

    output: Path
    applied: list[Finding] = field(default_factory=list)
    skipped: list[tuple[Finding, str]] = field(default_factory=list)
    remaining: list[Finding] = field(default_factory=list)


def _segments(p: etree._Element) -> list[tuple[etree._Element, int, int]] | None:
    """The w:t elements of a paragraph with their span in the paragraph's text, counted the way
    :func:`edureport.reader.paragraph_text` reads it. None when the paragraph holds a text box."""
    if p.find(f".//{W}txbxContent") is not None:
        return None
    pos, out = 0, []
    for el in p.iter(f"{W}t", f"{W}br", f"{W}cr", f"{W}tab", f"{W}noBreakHyphen", f"{W}delText"):
        tag = el.tag
        if tag == f"{W}t":
            n = len(el.text or "")
            out.append((el, pos, pos + n))
            pos += n
        elif tag in (f"{W}br", f"{W}cr"):
            pos += 1 if el.get(f"{W}type") in (None, "textWrapping") else 0
        elif tag == f"{W}tab":
            parent = el.getparent()
            pos += 1 if parent is not None and parent.tag == f"{W}r" else 0
        elif tag == f"{W}noBreakHyphen":
            pos += 1
    return out


def _plan(findings: list[Finding]) -> dict[int, list[Finding]]:
    """Fixable findings by paragraph, last first, so that earlier offsets stay valid."""
    by_paragraph: dict[int, list[Finding]] = {}
    for f in findings:
        if f.fix is not None:
            by_paragraph.setdefault(f.fix.paragraph, []).append(f)
    for items in by_paragraph.values():
        items.sort(key=lambda f: f.fix.offset if f.fix else 0, reverse=True)
    return by_paragraph


def _apply_to_string(
    text: str, items: list[Finding]
) -> tuple[str, list[Finding], list[tuple[Finding, str]]]:
    applied, skipped = [], []
    limit = len(text) + 1
    for f in items:
        fx = f.fix
        assert fx is not None
        end = fx.offset + len(fx.old)
        if end > limit:
            skipped.append((f, "overlaps another fix"))
            continue
        if text[fx.offset : end] != fx.old:
            skipped.append((f, "the text is not what the check read"))
            continue
        text = text[: fx.offset] + fx.new + text[end:]
        limit = fx.offset
        applied.append(f)
    return text, applied, skipped


def _fix_paragraph(
    p: SourceParagraph, items: list[Finding]
) -> tuple[list[Finding], list[tuple[Finding, str]]]:
    segments = _segments(p.element) if p.element is not None else None
    if segments is None:
        return [], [(f, "the paragraph holds a text box") for f in items]
    applied, skipped = [], []
    limit = len(p.text) + 1
    for f in items:
        fx = f.fix
        assert fx is not None
        end = fx.offset + len(fx.old)
        if end > limit:
            skipped.append((f, "overlaps another fix"))
            continue
        home = [(el, a, b) for el, a, b in segments if a <= fx.offset and end <= b]
        if not home:
            skipped.append((f, "the text spans two runs; fix it by hand"))
            continue
        el, a, _ = home[0]
        old_text = el.text or ""
        if old_text[fx.offset - a : end - a] != fx.old:
            skipped.append((f, "the text is not what the check read"))
            continue
        el.text = old_text[: fx.offset - a] + fx.new + old_text[end - a :]
        if el.text != el.text.strip() and el.get(XML_SPACE) is None:
            el.set(XML_SPACE, "preserve")
        limit = fx.offset
        applied.append(f)
        # The run's later text moved; keep the segments in step for earlier fixes in this run.
        delta = len(fx.new) - len(fx.old)
        segments = [(e, x, y + delta if e is el else y) for e, x, y in segments]
    return applied, skipped


def _decode(data: bytes, path: Path) -> tuple[str, str]:
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
        raise InputError("the text is neither UTF-8 nor GBK/GB18030", Location(path)) from None


def _fix_text(
    source: Source, plan: dict[int, list[Finding]], target: Path, force: bool
) -> tuple[list[Finding], list[tuple[Finding, str]]]:
    text, encoding = _decode(source.path.read_bytes(), source.path)
    pieces = re.split(r"(\r\n|\r|\n)", text)  # lines at even places, their endings between
    applied: list[Finding] = []
    skipped: list[tuple[Finding, str]] = []
    for index, items in plan.items():
        k = 2 * (index - 1)
        if k >= len(pieces):
            skipped += [(f, "no such line") for f in items]
            continue
        pieces[k], done, left = _apply_to_string(pieces[k], items)
        applied += done
        skipped += left
    with atomic_output(target, force) as tmp:
        tmp.write_bytes("".join(pieces).encode(encoding))
    return applied, skipped


def _fix_docx(
    source: Source, plan: dict[int, list[Finding]], target: Path, force: bool
) -> tuple[list[Finding], list[tuple[Finding, str]]]:
    applied: list[Finding] = []
    skipped: list[tuple[Finding, str]] = []
    for index, items in plan.items():
        done, left = _fix_paragraph(source.paragraph(index), items)
        applied += done
        skipped += left
    root = None
    for p in source.paragraphs:
        if p.element is not None:
            root = p.element.getroottree()
            break
    package = source.package
    assert package is not None
    with zipfile.ZipFile(source.path) as original:
        infos = original.infolist()
    members = []
    for info in infos:
        if info.filename == "word/document.xml" and root is not None and applied:
            data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        else:
            data = package.read(info.filename)
        members.append((info, data))
    package.close()  # Windows cannot replace a file that is still open (--in-place)
    with atomic_output(target, force) as tmp, zipfile.ZipFile(tmp, "w") as out:
        for info, data in members:
            out.writestr(info, data)
    return applied, skipped


def apply_fixes(source: Source, findings: list[Finding], target: Path, *, force: bool) -> FixResult:
    plan = _plan(findings)
    if source.package is not None:
        applied, skipped = _fix_docx(source, plan, target, force)
    else:
        applied, skipped = _fix_text(source, plan, target, force)
    done = set(map(id, applied))
    order = {id(f): k for k, f in enumerate(findings)}
    applied.sort(key=lambda f: order[id(f)])
    skipped.sort(key=lambda fs: order[id(fs[0])])
    return FixResult(target, applied, skipped, [f for f in findings if id(f) not in done])


__all__ = ["Fix", "FixResult", "apply_fixes"]
