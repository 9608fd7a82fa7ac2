"""Find the parts of a 公文 in its paragraphs: 版头, title, 主送机关, body, signature and date, the
documents it prints, and the numbered headings of each. Text rules and layout rules both use this;
it looks at text (and style names where there are some), so it works on any .docx or a .txt.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from ..errors import Location
from ..reader import SourceParagraph, W
from ..recognise import is_page_line, is_page_metadata, recognise
from ..repair import Line, prepare, site_chunks
from ..vocab import (
    CN_DIGITS,
    CODE_RE,
    DATE_NUMERIC_RE,
    HAN,
    HEADER_WORD_RE,
    SPACE,
    is_code_line,
    looks_like_unit,
    match_heading,
    undistribute,
)
from ..vocab import DATE_WRITTEN_RE as DATE_RE

__all__ = ["CN_DIGITS", "CODE_RE", "DATE_NUMERIC_RE", "DATE_RE", "HAN", "is_code_line"]

_ARTEFACT_RE = re.compile(r"\s*(\[bookmark: [^\]]*\]\s*)?")
LABEL_RE = re.compile(rf"^\s*([{HAN}]{{2,6}})\s*[：:]")


@dataclass(frozen=True)
class Heading:
    """A numbered heading: level 1 一、, 2 （一）, 3 1., 4 （1）."""

    index: int
    level: int
    number: int
    label: str  # the number as written, e.g. 一、
    offset: int  # where the number starts in the paragraph text
    run_in: bool  # the heading sentence runs on into body text in the same paragraph
    auto: bool = False  # the number is Word's automatic numbering, not in the text


def parse_heading(paragraph: SourceParagraph) -> Heading | None:
    text = paragraph.text
    offset = 0
    if text[:1].isspace() or text[:1] == "[":
        # A "[bookmark: _GoBack]" left by a text export is not part of the heading.
        lead = _ARTEFACT_RE.match(text)
        offset = lead.end() if lead else 0
    stripped = text[offset:]
    found = match_heading(stripped)
    auto = found is None and bool(paragraph.number.strip())
    if auto:  # Word's numbering shows the number before the text: 一、 from w:numPr
        found = match_heading(paragraph.number.strip() + stripped)
    if found is None:
        return None
    rest = found.rest.rstrip()
    run_in = "。" in rest[:-1]
    return Heading(paragraph.index, found.level, found.value, found.written, offset, run_in, auto)


def label_of(text: str) -> tuple[str, int] | None:
    """A field label at the start of a paragraph (目标任务：…): the label and its offset."""
    match = LABEL_RE.match(text)
    return (match.group(1), match.start(1)) if match else None


@dataclass
class Part:
    """One printed document (or the notice itself): its title paragraph(s) and body range."""

    kind: str  # "notice" or "document"
    first: int  # first paragraph of the part (a 附件 line, or the title)
    titles: list[int]
    start: int  # first body paragraph
    end: int  # last body paragraph (inclusive)
    headings: list[Heading] = field(default_factory=list)


@dataclass
class Structure:
    code: int | None = None
    header_lines: list[int] = field(default_factory=list)
    mark: list[int] = field(default_factory=list)
    notice_title: list[int] = field(default_factory=list)
    recipients: int | None = None
    signature: list[int] = field(default_factory=list)
    date: int | None = None
    parts: list[Part] = field(default_factory=list)
    headings: dict[int, Heading] = field(default_factory=dict)
    colophon: list[int] = field(default_factory=list)  # 版记: 抄送, 印发机关 and 印发日期
    date_text: str = ""  # the 成文日期 as written, where its paragraph also holds other text
    # Paragraphs that are not the document's: a web page's metadata and links, a table of contents
    outside: set[int] = field(default_factory=set)

    @property
    def is_notice(self) -> bool:
        return self.code is not None or bool(self.notice_title)

    def titles(self) -> list[int]:
        return [i for part in self.parts for i in part.titles]


def analyse(paragraphs: list[SourceParagraph]) -> Structure:
    """The parts, found by the recogniser parse uses; each part is a range of paragraphs."""
    s = Structure()
    if not any(p.text.strip() for p in paragraphs):
        return s
    nowhere = Location()  # findings say where by paragraph number; one frozen value serves all
    lines = [
        Line(
            p.number
            + (_ARTEFACT_RE.sub("", p.text, 1) if "[bookmark:" in p.text else p.text.lstrip()),
            nowhere,
            p.index,
            p.style,
            p.level,
        )
        for p in paragraphs
    ]
    # a document site's page numbers (1、 2、 …), which parse leaves out, are no headings
    chunked = {line.paragraph for line, _ in site_chunks(list(lines))}
    found = recognise(prepare(list(lines), lambda where, message: None))
    last = paragraphs[-1].index
    notice = found.notice
    if notice is not None:
        for line in notice.header:
            text = line.text.strip()
            if is_page_line(paragraphs[line.paragraph - 1].text):
                continue  # a code or organ parse read from the page's disclosure block
            if is_code_line(text) and s.code is None:
                s.code = line.paragraph
            elif HEADER_WORD_RE.match(text):
                s.header_lines.append(line.paragraph)
            elif not text.startswith("签发人"):
                s.mark.append(line.paragraph)
        s.mark = [i for i in dict.fromkeys(s.mark) if i != s.code]
        s.notice_title = list(dict.fromkeys(line.paragraph for line in notice.title))
        s.recipients = notice.recipients.paragraph if notice.recipients else None
        s.signature = list(dict.fromkeys(line.paragraph for line in notice.signature))
        s.date = notice.date.paragraph if notice.date else None
        s.date_text = notice.date.text.strip() if notice.date else ""
        s.colophon = list(dict.fromkeys(line.paragraph for line in notice.colophon))
        head = s.notice_title[0] if s.notice_title else s.recipients
        if not s.mark and s.code is None and head is not None:
            # no 发文字号 and no “…文件” (an internal notice): the organ names above it are the mark
            above = [p for p in paragraphs[: head - 1] if p.text.strip()]
            if 0 < len(above) <= 3 and all(_organ_name(p.text) for p in above):
                s.mark = [p.index for p in above]
        first = s.notice_title[0] if s.notice_title else (s.code or 1)
        start = (s.recipients or (s.notice_title[-1] if s.notice_title else first)) + 1
        end = (s.signature[0] if s.signature else s.date or last + 1) - 1
        s.parts.append(Part("notice", first, list(s.notice_title), start, end))
    documents = found.documents
    for n, doc in enumerate(documents):
        titles = [doc.title.paragraph] if doc.title is not None else []
        head = doc.marker.paragraph if doc.marker is not None else (titles[0] if titles else None)
        body = [u.paragraph for u in doc.body]
        first = head if head is not None else (body[0] if body else last)
        start = titles[-1] + 1 if titles else first
        if n + 1 < len(documents):
            following = documents[n + 1]
            nxt = following.marker or following.title
            end = (nxt.paragraph if nxt is not None else following.body[0].paragraph) - 1
        else:
            end = last
        s.parts.append(Part("document", first, titles, start, end))
    if not s.parts:
        s.parts.append(Part("document", 1, [], 1, last))
    # A notice with no date or signature runs to the first document it prints, not past it.
    for before, after in itertools.pairwise(s.parts):
        before.end = min(before.end, after.first - 1)
    if s.colophon:  # the 版记 closes the file: it is no part of the last document
        s.parts[-1].end = min(s.parts[-1].end, s.colophon[0] - 1)
    # Above the document (a web page's disclosure block, a table of contents) and below it (收藏
    # 打印, comment forms): kept by parse, never printed, so not proofread.
    top = min(p.first for p in s.parts)
    s.outside = {line.paragraph for line in found.back} | {
        line.paragraph
        for line in found.front
        if line.paragraph < top or is_page_line(line.text)  # a block under the notice's title
    }
    s.outside -= set(s.mark)
    for part in s.parts:  # a web page's 发布时间/来源/字体 lines under the title it repeats
        filled = [p for p in paragraphs[part.start - 1 : part.end] if p.text.strip()][:3]
        for p in itertools.takewhile(lambda p: is_page_metadata(p.text), filled):
            s.outside.add(p.index)
    for part in s.parts:
        listing = False  # the notice's 附件说明: “附件：1.…” and the “2.…” lines under it
        for p in paragraphs[part.start - 1 : part.end]:
            text = p.text.strip(SPACE)
            if part.kind == "notice" and (
                _ATTACHMENT_LIST.match(text) or (listing and _LISTED.match(text))
            ):
                listing = True
                continue
            listing = False
            if _in_table(p) or p.index in chunked:
                continue  # a table's numbered rows are not the document's headings
            heading = parse_heading(p)
            if heading is not None:
                part.headings.append(heading)
                s.headings[p.index] = heading
    return s


_ATTACHMENT_LIST = re.compile(r"^附件\s*[：:]")
_LISTED = re.compile(r"^\d{1,2}\s*[.．、]")


def _in_table(p: SourceParagraph) -> bool:
    parent = p.element.getparent() if p.element is not None else None
    return parent is not None and parent.tag == f"{W}tc"


def _organ_name(text: str) -> bool:
    name = undistribute(text.strip())
    return looks_like_unit(name) or all(looks_like_unit(n) for n in name.split())


def part_paragraphs(paragraphs: list[SourceParagraph], part: Part) -> list[SourceParagraph]:
    return paragraphs[part.start - 1 : part.end]
