"""Find the parts of a 公文 in its paragraphs: 版头, title, 主送机关, body, signature and date, the
documents it prints, and the numbered headings of each. Text rules and layout rules both use this;
it looks at text (and style names where there are some), so it works on any .docx or a .txt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..compose import match_heading
from ..reader import SourceParagraph

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CN_DIGITS = "〇○零一二三四五六七八九"
CN_NUMERALS = "一二三四五六七八九十"

# 发文字号 in any bracket a typist might use; the rules decide which forms are wrong.
CODE_RE = re.compile(
    rf"(?P<agency>[{HAN}]{{1,12}})(?P<open>[〔\[［（(【﹝〖])\s*(?P<year>\d{{4}})\s*"
    r"(?P<close>[〕\]］）)】﹞〗])\s*(?P<di>第?)\s*(?P<serial>\d+|【[^】]{1,6}】)\s*号"
)
HEADER_LINE_RE = re.compile(r"^(\d{6}|(绝密|机密|秘密).*|(特急|加急))$")
NOTICE_END_RE = re.compile(
    r"(通知|决定|意见|报告|请示|函|批复|通报|纪要|公告|通告|命令|决议|议案|公报)$"
)
DOC_TITLE_RE = re.compile(r"^\d{4}年.{0,30}(总结|要点|计划|方案|规划|报告|意见|办法)$")
ATTACHMENT_LINE_RE = re.compile(r"^附件\s*\d*$")
DATE_RE = re.compile(
    rf"^(?P<y>\d{{2,4}}|[{CN_DIGITS}]{{2,4}})\s*年\s*(?P<m>\d{{1,2}}|[{CN_DIGITS}十]{{1,2}})\s*月"
    rf"\s*(?P<d>\d{{1,2}}|[{CN_DIGITS}十]{{1,3}})\s*日$"
)
DATE_NUMERIC_RE = re.compile(r"^\d{4}[./-]\d{1,2}[./-]\d{1,2}$")
TITLE_STYLES = {"GwDocTitle", "GwDocTitleFirst", "Title"}
END_PUNCT = "。；，、：！？.;,:!?"

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


def parse_heading(paragraph: SourceParagraph) -> Heading | None:
    text = paragraph.text
    # A "[bookmark: _GoBack]" left by a text export is not part of the heading.
    lead = _ARTEFACT_RE.match(text)
    offset = lead.end() if lead else 0
    stripped = text[offset:]
    found = match_heading(stripped)
    if found is None:
        return None
    rest = found.rest.rstrip()
    run_in = "。" in rest[:-1]
    return Heading(paragraph.index, found.level, found.value, found.written, offset, run_in)


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

    @property
    def is_notice(self) -> bool:
        return self.code is not None or bool(self.notice_title)

    def titles(self) -> list[int]:
        return [i for part in self.parts for i in part.titles]


def is_code_line(text: str) -> bool:
    """The 发文字号 line: the code alone, or with 签发人：name after it."""
    text = text.strip()
    match = CODE_RE.match(text)
    if not match:
        return False
    rest = text[match.end() :].strip()
    return not rest or rest.startswith("签发人")


def _is_doc_title(p: SourceParagraph) -> bool:
    text = p.text.strip()
    if not text or parse_heading(p) is not None:
        return False
    if p.style in TITLE_STYLES:
        return True
    return len(text) <= 40 and text[-1] not in END_PUNCT and bool(DOC_TITLE_RE.match(text))


def analyse(paragraphs: list[SourceParagraph]) -> Structure:
    s = Structure()
    filled = [p for p in paragraphs if p.text.strip()]
    if not filled:
        return s
    position = {p.index: k for k, p in enumerate(filled)}
    for p in filled[:15]:
        if is_code_line(p.text):
            s.code = p.index
            break
    k = 0  # position in `filled` where the notice title may start
    if s.code is not None:
        for p in filled[: position[s.code]]:
            (s.header_lines if HEADER_LINE_RE.match(p.text.strip()) else s.mark).append(p.index)
        k = position[s.code] + 1
    # The notice title: after the code; or, with no code, a 关于… heading the first lines.
    candidates = filled[k : k + 6] if s.code is not None else filled[:5]
    for j, p in enumerate(candidates):
        if s.code is None and not p.text.strip().startswith("关于"):
            continue
        lines = []
        for q in candidates[j : j + 4]:
            lines.append(q.index)
            if NOTICE_END_RE.search(q.text.strip()):
                s.notice_title = lines
                break
        if not s.notice_title and s.code is not None:
            s.notice_title = [p.index]
        break
    body_from = 0
    if s.notice_title:
        after = position[s.notice_title[-1]] + 1
        if after < len(filled):
            nxt = filled[after]
            text = nxt.text.strip()
            if text.endswith(("：", ":")) and parse_heading(nxt) is None and len(text) < 300:
                s.recipients = nxt.index
                after += 1
        body_from = after
        for q in filled[after:]:
            if DATE_RE.match(q.text.strip()) or DATE_NUMERIC_RE.match(q.text.strip()):
                s.date = q.index
                break
        if s.date is not None:
            before = filled[body_from : position[s.date]]
            for q in reversed(before[-3:]):
                t = q.text.strip()
                if len(t) > 50 or t[-1] in END_PUNCT or parse_heading(q) is not None:
                    break
                s.signature.insert(0, q.index)
    # Printed documents: titles after the notice's date (or anywhere in a document without one).
    search_from = position[s.date] + 1 if s.date is not None else body_from
    starts: list[tuple[int, list[int]]] = []
    j = search_from
    while j < len(filled):
        p = filled[j]
        if ATTACHMENT_LINE_RE.match(p.text.strip()) and j + 1 < len(filled):
            starts.append((p.index, [filled[j + 1].index]))
            j += 2
            continue
        first_line = not s.is_notice and j == 0 and parse_heading(p) is None
        if _is_doc_title(p) or (first_line and not starts):
            starts.append((p.index, [p.index]))
        j += 1
    last = paragraphs[-1].index if paragraphs else 0
    if s.is_notice:
        first = s.notice_title[0] if s.notice_title else (s.code or 1)
        end = (s.signature[0] if s.signature else s.date or last + 1) - 1
        start = (s.recipients or (s.notice_title[-1] if s.notice_title else first)) + 1
        s.parts.append(Part("notice", first, list(s.notice_title), start, end))
    for n, (first, titles) in enumerate(starts):
        end = starts[n + 1][0] - 1 if n + 1 < len(starts) else last
        s.parts.append(Part("document", first, titles, titles[-1] + 1, end))
    if not s.parts:
        s.parts.append(Part("document", 1, [], 1, last))
    for part in s.parts:
        for p in paragraphs[part.start - 1 : part.end]:
            heading = parse_heading(p)
            if heading is not None:
                part.headings.append(heading)
                s.headings[p.index] = heading
    return s


def part_paragraphs(paragraphs: list[SourceParagraph], part: Part) -> list[SourceParagraph]:
    return paragraphs[part.start - 1 : part.end]
