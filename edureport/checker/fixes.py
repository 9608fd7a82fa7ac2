"""Apply the safe fixes of a check to a copy of the document, touching nothing else.

In a .docx, text is replaced inside the one w:t element that holds it: no run is split, merged or
re-styled, and every other part of the package is copied byte for byte. A fix whose text spans two
runs is not applied (it is reported as not fixed). In a .txt, encoding and line endings are kept.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..errors import Location
from ..files import atomic_output
from ..i18n import N_
from ..reader import SourceParagraph, W, decode_text, paragraph_pieces
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
    """The w:t elements of a paragraph with their span in the text the check read (offsets as
    :func:`edureport.reader.paragraph_pieces` counts them). None when it holds a text box."""
    if p.find(f".//{W}txbxContent") is not None:
        return None
    pos, out = 0, []
    for el, piece in paragraph_pieces(p):
        if el.tag == f"{W}t":
            out.append((el, pos, pos + len(piece)))
        pos += len(piece)
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


Place = Callable[[Fix, int], str | None]


def _last_first(
    items: list[Finding], length: int, place: Place
) -> tuple[list[Finding], list[tuple[Finding, str]]]:
    """Apply ``items`` (sorted last first) to a text of ``length``: ``place`` makes one change
    and returns None, or says why it cannot; a fix overlapping one already made is skipped."""
    applied: list[Finding] = []
    skipped: list[tuple[Finding, str]] = []
    limit = length + 1
    for f in items:
        fx = f.fix
        assert fx is not None
        end = fx.offset + len(fx.old)
        reason = N_("overlaps another fix") if end > limit else place(fx, end)
        if reason is not None:
            skipped.append((f, reason))
            continue
        limit = fx.offset
        applied.append(f)
    return applied, skipped


def _apply_to_string(
    text: str, items: list[Finding]
) -> tuple[str, list[Finding], list[tuple[Finding, str]]]:
    holder = [text]

    def place(fx: Fix, end: int) -> str | None:
        if holder[0][fx.offset : end] != fx.old:
            return N_("the text is not what the check read")
        holder[0] = holder[0][: fx.offset] + fx.new + holder[0][end:]
        return None

    applied, skipped = _last_first(items, len(text), place)
    return holder[0], applied, skipped


def _fix_paragraph(
    p: SourceParagraph, items: list[Finding]
) -> tuple[list[Finding], list[tuple[Finding, str]]]:
    found = _segments(p.element) if p.element is not None else None
    if found is None:
        return [], [(f, N_("the paragraph holds a text box")) for f in items]
    segments = found

    def place(fx: Fix, end: int) -> str | None:
        nonlocal segments
        home = [(el, a, b) for el, a, b in segments if a <= fx.offset and end <= b]
        if not home:
            return N_("the text spans two runs; fix it by hand")
        el, a, _ = home[0]
        old_text = el.text or ""
        if old_text[fx.offset - a : end - a] != fx.old:
            return N_("the text is not what the check read")
        el.text = old_text[: fx.offset - a] + fx.new + old_text[end - a :]
        if el.text != el.text.strip() and el.get(XML_SPACE) is None:
            el.set(XML_SPACE, "preserve")
        # The run's later text moved; keep the segments in step for earlier fixes in this run.
        delta = len(fx.new) - len(fx.old)
        segments = [(e, x, y + delta if e is el else y) for e, x, y in segments]
        return None

    return _last_first(items, len(p.text), place)


def _fix_text(
    source: Source, plan: dict[int, list[Finding]], target: Path, force: bool
) -> tuple[list[Finding], list[tuple[Finding, str]]]:
    text, encoding = decode_text(source.path.read_bytes(), Location(source.path))
    pieces = re.split(r"(\r\n|\r|\n)", text)  # lines at even places, their endings between
    applied: list[Finding] = []
    skipped: list[tuple[Finding, str]] = []
    for index, items in plan.items():
        k = 2 * (index - 1)
        if k >= len(pieces):
            skipped += [(f, N_("no such line")) for f in items]
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
