"""Page rules: what only a laid-out page shows, read from the PDF LibreOffice makes of the .docx.

The document is converted once (:mod:`edureport.office`), the text lines of each page are read with
their positions (pypdfium2: a maintained PDFium binding with wheels for Windows, macOS and Linux,
where poppler's command-line tools are not at hand on Windows), and each line is matched back to
the paragraph it belongs to, so that a finding names the page, the line and the paragraph.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Location
from ..gbt9704 import MARGIN_TOP, MARK_TOP, PT_PER_MM, TEXT_H, pt
from ..i18n import _ as _t  # `_` is a throwaway name in this module
from ..office import convert
from .findings import Hit, Rule, Severity, Source, rule

TOP = pt(MARGIN_TOP)  # the top of the text block, points from the top of the page
BOTTOM = pt(MARGIN_TOP + TEXT_H)  # its bottom; below it only the page number


@dataclass
class Line:
    """A line of text on a page: its ink box in points from the top-left of the page."""

    page: int  # from 1
    number: int  # the line's place on its page, from 1
    top: float
    bottom: float
    left: float
    text: str
    paragraph: int | None = None  # the source paragraph it belongs to, when one matches


@dataclass
class Pages:
    """The laid-out document: the body lines of each page (page numbers left out)."""

    lines: list[list[Line]] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.lines)


def read_pdf(pdf: Path) -> Pages:
    """The text lines of each page of ``pdf`` that lie in the text block, top to bottom."""
    import pypdfium2 as pdfium  # only `check --pages` needs it; keeps the CLI's start-up short

    pages = Pages()
    document = pdfium.PdfDocument(str(pdf))
    try:
        for n in range(len(document)):
            page = document[n]
            height = page.get_height()
            text = page.get_textpage()
            chars = text.get_text_range()
            boxes = []
            for i, char in enumerate(chars):
                if char.isspace() or char == "\ufffe":
                    continue
                # The ink box for where the type is; the font's box (the same on a whole line,
                # whatever the glyph: “ sits high, 一 low) for which line it is on.
                left, bottom, _, top = text.get_charbox(i)
                _, loose_bottom, _, loose_top = text.get_charbox(i, loose=True)
                middle = height - (loose_top + loose_bottom) / 2
                boxes.append((height - top, height - bottom, left, char, middle))
            pages.lines.append(_lines(n + 1, boxes))
    finally:
        document.close()
    return pages


Box = tuple[float, float, float, str, float]  # ink top, ink bottom, left, character, middle


def _lines(page: int, boxes: list[Box]) -> list[Line]:
    """Characters whose font boxes share a middle (within a few points) make a line."""
    groups: list[list[Box]] = []
    for box in sorted(boxes, key=lambda b: (b[4], b[2])):
        if box[0] >= BOTTOM:  # the page number
            continue
        if groups and box[4] - groups[-1][0][4] < 6:
            groups[-1].append(box)
        else:
            groups.append([box])
    lines: list[Line] = []
    for group in groups:
        group.sort(key=lambda b: b[2])
        top, bottom = min(b[0] for b in group), max(b[1] for b in group)
        text = "".join(b[3] for b in group)
        lines.append(Line(page, len(lines) + 1, top, bottom, group[0][2], text))
    return lines


def _flat(text: str) -> str:
    """Letters, digits and Han only: PDF text gains spaces between scripts, and punctuation that
    LibreOffice compresses at a line's end can come out of its line."""
    return "".join(ch for ch in text if ch.isalnum())


def match_paragraphs(pages: Pages, source: Source) -> None:
    """Give each line the paragraph it belongs to: the paragraphs' text, in order, is the lines'
    text in order; a line that fits no paragraph (a table's row of cells) is skipped."""
    paragraphs = [(p.index, _flat(p.text)) for p in source.paragraphs if _flat(p.text)]
    i = offset = 0
    for line in (line for page in pages.lines for line in page):
        text = _flat(line.text)
        if i < len(paragraphs) and paragraphs[i][1].startswith(text, offset):
            line.paragraph = paragraphs[i][0]
            offset += len(text)
        else:  # out of step (a table, a text box): find the paragraph this line starts
            ahead = next(
                (
                    k
                    for k in range(i, min(i + 60, len(paragraphs)))
                    if paragraphs[k][1].startswith(text)
                ),
                None,
            )
            if ahead is None:
                continue
            i, offset = ahead, len(text)
            line.paragraph = paragraphs[i][0]
        if offset >= len(paragraphs[i][1]):
            i, offset = i + 1, 0


def lay_out(source: Source) -> Pages:
    """The pages of the .docx being checked, laid out by LibreOffice (once per check)."""
    if "pages" not in source.cache:
        with tempfile.TemporaryDirectory(prefix="edureport-pages-") as folder:
            # A copy under a plain name: LibreOffice names the PDF after the file.
            docx = Path(folder) / "document.docx"
            docx.write_bytes(source.path.read_bytes())
            (pdf,) = convert([docx], Path(folder))
            pages = read_pdf(pdf)
        match_paragraphs(pages, source)
        source.cache["pages"] = pages
    result: Pages = source.cache["pages"]
    return result


def _at(source: Source, line: Line, message: str, **kw: object) -> Hit:
    index = line.paragraph
    opening = (source.paragraph(index).text.strip() if index else line.text.strip())[:12]
    where = Location(paragraph=index, excerpt=opening, page=line.page, page_line=line.number)
    return Hit(where, message, **kw)  # type: ignore[arg-type]


def _page(pages: Pages, n: int) -> list[Line]:
    return pages.lines[n - 1]


@rule("P101", "mark-position", "pages", Severity.WARNING)
def mark_position(source: Source) -> Iterator[Hit]:
    """The top of the issuing-organ mark 35 mm below the top of the text block (± 1.5 mm).

    Clause: GB/T 9704-2012 7.2.3
    """
    mark = source.structure.mark
    if not mark or source.structure.code is None:
        return
    pages = lay_out(source)
    first = next((line for line in _page(pages, 1) if line.paragraph in mark), None)
    if first is None:
        return
    distance = (first.top - TOP) / PT_PER_MM
    want = MARK_TOP / 56.7
    if abs(distance - want) > 1.5:
        yield _at(
            source,
            first,
            _t(
                "the top of the issuing-organ mark is {distance} mm below the top of the text "
                "block; it belongs {want} mm below it"
            ).format(distance=f"{distance:.1f}", want=f"{want:.0f}"),
        )


def _heading_paragraphs(source: Source) -> set[int]:
    """Headings that introduce text: not one that runs on into its own text, nor one followed by
    a heading of its rank or above (a plan item written as its title alone)."""
    s = source.structure
    heads = {
        i
        for i, h in s.headings.items()
        if not h.run_in and not (i + 1 in s.headings and s.headings[i + 1].level <= h.level)
    }
    heads |= set(s.titles()) | set(s.notice_title)
    return heads


@rule("P102", "heading-at-page-end", "pages")
def heading_at_page_end(source: Source) -> Iterator[Hit]:
    """A heading, item title or document title is not the last line of a page: it stays with the
    text it introduces.

    Clause: GB/T 9704-2012 7.3.3
    """
    pages = lay_out(source)
    heads = _heading_paragraphs(source)
    for lines in pages.lines[:-1]:
        if lines and lines[-1].paragraph in heads:
            yield _at(
                source,
                lines[-1],
                _t("a heading ends page {page}; its text starts on the next page").format(
                    page=lines[-1].page
                ),
            )


@rule("P103", "signature-alone", "pages", Severity.ERROR)
def signature_alone(source: Source) -> Iterator[Hit]:
    """The signature and date share a page with the end of the text, never alone on a page.

    Clause: GB/T 9704-2012 7.3.5
    """
    s = source.structure
    if s.date is None:
        return
    closing = {s.date, *s.signature}
    pages = lay_out(source)
    for lines in pages.lines:
        ours = [line for line in lines if line.paragraph in closing]
        if not ours:
            continue
        before = [
            line for line in lines if line.paragraph is not None and line.paragraph < min(closing)
        ]
        if not before:
            yield _at(
                source,
                ours[0],
                _t(
                    "the signature and date stand alone on page {page}: keep the end of "
                    "the text with them (adjust spacing, or move the last lines over)"
                ).format(page=ours[0].page),
            )
        return


_COLOPHON = re.compile(r"^(抄送[：:]|.*\d{4}年\d{1,2}月\d{1,2}日\s*印发$)")


@rule("P104", "colophon-position", "pages")
def colophon_position(source: Source) -> Iterator[Hit]:
    """The 版记 at the bottom of the last page, its last line on the bottom edge of the text
    block, and the last page an even page.

    Clause: GB/T 9704-2012 7.4, 7.5
    """
    colophon = [p.index for p in source.paragraphs if _COLOPHON.match(re.sub(r"\s", "", p.text))]
    if not colophon:
        return
    pages = lay_out(source)
    placed = [line for page in pages.lines for line in page if line.paragraph in colophon]
    if not placed:
        return
    last = placed[-1]
    if last.page != pages.count:
        message = _t("the 版记 is on page {page}, not the last page").format(page=last.page)
        yield _at(source, last, message)
    if last.page % 2:
        yield _at(
            source,
            last,
            _t(
                "the 版记 is on page {page}, an odd page: it goes on an even page (a blank "
                "page before it if needed)"
            ).format(page=last.page),
        )
    gap = (BOTTOM - last.bottom) / PT_PER_MM
    if gap > 12:  # more than about one line (and its rule) above the bottom of the text block
        yield _at(
            source,
            last,
            _t(
                "the 版记 ends {gap} mm above the bottom of the text block; its last line "
                "belongs on the bottom edge"
            ).format(gap=f"{gap:.0f}"),
        )


@rule("P105", "empty-page", "pages")
def empty_page(source: Source) -> Iterator[Hit]:
    """No page at the end with nothing on it but a page number.

    Clause: GB/T 9704-2012 7.5 (a blank page only before the 版记 page)
    """
    pages = lay_out(source)
    n = pages.count
    while n > 1 and not pages.lines[n - 1]:
        yield Hit(
            Location(page=n, page_line=1),
            _t("page {page} is empty: the document ends on page {last}").format(page=n, last=n - 1),
        )
        n -= 1


RULES: tuple[Rule, ...] = (
    mark_position,
    heading_at_page_end,
    signature_alone,
    colophon_position,
    empty_page,
)
