"""Parse: read an existing document (.docx or its text) back into the data that ``build`` takes.

Recognition works on the text, so that a .docx made by hand (no styles, numbers typed as text,
the header in a text box) reads the same as its text; the template's paragraph styles are used only
as hints where the text alone is ambiguous. Nothing is dropped: text that fits nowhere stays, in
order, as a plain paragraph, and a :class:`ParseWarning` says where it was.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Literal

from lxml import etree

from .compose import heading_number, match_heading, numeral_value
from .errors import InputError, Location
from .model import (
    DEFAULT_LABELS,
    PLACEHOLDER,
    Column,
    Document,
    DocumentCode,
    Notice,
    Plan,
    PlanItem,
    PlanSection,
    Printable,
    Section,
    Summary,
    Table,
)
from .reader import SourceParagraph, W, read_paragraphs
from .reader import paragraph_text as _paragraph_text


@dataclass(frozen=True)
class ParseWarning:
    """Something parse could not place where the schema wants it; the text is kept regardless."""

    location: Location
    message: str

    def __str__(self) -> str:
        where = str(self.location)
        return f"{where}: {self.message}" if where else self.message


@dataclass
class ParseResult:
    document: Document
    warnings: list[ParseWarning] = field(default_factory=list)


def parse(path: str | Path) -> Document:
    """The document data of the .docx or .txt at ``path``; see also :func:`parse_with_warnings`."""
    return parse_with_warnings(path).document


def parse_with_warnings(path: str | Path) -> ParseResult:
    """The document data of ``path`` and the warnings about text that was kept but not placed."""
    path = Path(path)
    paragraphs = read_paragraphs(path)
    units = _units(path, paragraphs)
    if not any(isinstance(u, _Table) or u.text for u in units):
        raise InputError("the document holds no text", Location(path))
    return _Parser(path, units).run()


def summarize(document: Document) -> str:
    """One line saying what was found: ``notice 承教发〔2021〕1号 · plan: 6 sections, 34 items``."""
    parts = []
    if document.notice is not None:
        parts.append(f"notice {document.notice.code}")
    if document.summary is not None:
        summary = document.summary

        def count(sections: list[Section]) -> int:
            return sum(len(s.subsections) + count(s.subsections) for s in sections)

        tables = sum(isinstance(b, Table) for b in _summary_blocks(summary))
        text = f"summary: {len(summary.sections)} sections, {count(summary.sections)} subsections"
        parts.append(text + (f", {tables} tables" if tables else ""))
    if document.plan is not None:
        plan = document.plan
        parts.append(f"plan: {len(plan.sections)} sections, {len(plan.items)} items")
    return " · ".join(parts)


def _summary_blocks(summary: Summary) -> list[str | Table]:
    blocks = list(summary.preface)

    def walk(sections: list[Section]) -> None:
        for section in sections:
            blocks.extend(section.paragraphs)
            walk(section.subsections)

    walk(summary.sections)
    return blocks


# ---------------------------------------------------------------------------------------------
# Units: the source as lines and tables, each with where it stood.


@dataclass
class _Line:
    text: str
    where: Location
    style: str | None = None
    paragraph: int = 0  # lines of one paragraph share it


@dataclass
class _Table:
    rows: list[list[str]]
    numeric: list[bool | None]  # per column, from the template's cell styles where there are any
    where: Location


_Unit = _Line | _Table

# What text extraction tools leave in (e.g. "[bookmark: _GoBack]"): not text of the document.
_ARTEFACT = re.compile(r"\[bookmark: [^\]]*\]")
_TAB_SPLIT = re.compile(r"\t+")


def _where(path: Path, p: SourceParagraph, docx: bool) -> Location:
    return Location(path, field=f"paragraph {p.index}") if docx else Location(path, line=p.index)


def _lines_of(path: Path, p: SourceParagraph, docx: bool) -> list[_Line]:
    where = _where(path, p, docx)
    text = _ARTEFACT.sub("", p.text)
    return [_Line(line.strip(), where, p.style, p.index) for line in text.split("\n")]


def _units(path: Path, paragraphs: list[SourceParagraph]) -> list[_Unit]:
    docx = path.suffix.lower() == ".docx"
    units: list[_Unit] = []
    done: set[int] = set()  # ids of tables already read
    for p in paragraphs:
        table = _outer_table(p.element) if p.element is not None else None
        if table is None:
            units.extend(_lines_of(path, p, docx))
            continue
        if id(table) in done:
            continue
        done.add(id(table))
        block = _docx_table(table, _where(path, p, docx))
        if block is not None:
            units.append(block)
        else:  # a layout table (the mark beside 文件, the 版记 rules): its paragraphs are lines
            inside = [q for q in paragraphs if q.element is not None and _outer_table(q.element)
                      is table]
            for q in inside:
                units.extend(_lines_of(path, q, docx))
    return units if docx else _text_tables(units)


def _outer_table(p: etree._Element) -> etree._Element | None:
    tables = list(p.iterancestors(f"{W}tbl"))
    return tables[-1] if tables else None


def _docx_table(table: etree._Element, where: Location) -> _Table | None:
    rows: list[list[str]] = []
    styles: list[list[str | None]] = []
    for tr in table.iterchildren(f"{W}tr"):
        cells, cell_styles = [], []
        for tc in tr.iterchildren(f"{W}tc"):
            ps = list(tc.iter(f"{W}p"))
            cells.append("\n".join(_ARTEFACT.sub("", _paragraph_text(q)).strip() for q in ps))
            style = ps[0].find(f"{W}pPr/{W}pStyle") if ps else None
            cell_styles.append(style.get(f"{W}val") if style is not None else None)
        rows.append(cells)
        styles.append(cell_styles)
    width = max((len(r) for r in rows), default=0)
    if len(rows) < 2 or width < 2:
        return None
    numeric: list[bool | None] = []
    for c in range(width):
        column = {row[c] for row in styles[1:] if c < len(row)}
        numeric.append(
            True if column == {"GwTableNumber"} else False if "GwTableText" in column else None
        )
    return _Table(rows, numeric, where)


def _text_tables(units: list[_Unit]) -> list[_Unit]:
    """In text, a table is two or more lines of tab-separated cells (as Word copies a table)."""
    out: list[_Unit] = []
    i = 0
    while i < len(units):
        unit = units[i]
        if isinstance(unit, _Line) and "\t" in unit.text:
            j = i
            while j < len(units) and isinstance(units[j], _Line) and "\t" in units[j].text:  # type: ignore[union-attr]
                j += 1
            run = [u for u in units[i:j] if isinstance(u, _Line)]
            rows = [_TAB_SPLIT.split(u.text) for u in run]
            if len(rows) >= 2 and len({len(r) for r in rows}) == 1:
                out.append(_Table([[c.strip() for c in r] for r in rows], [None] * len(rows[0]),
                                  run[0].where))
                i = j
                continue
        out.append(unit)
        i += 1
    return out


# ---------------------------------------------------------------------------------------------
# Patterns of the written document.

_BRACKETS_OPEN, _BRACKETS_CLOSE = "〔﹝[【（(", "〕﹞]】）)"
_CODE = re.compile(
    rf"^(?P<agency>[^\s{re.escape(_BRACKETS_OPEN)}]+?)\s*[{re.escape(_BRACKETS_OPEN)}]\s*"
    rf"(?P<year>\d{{4}})\s*[{re.escape(_BRACKETS_CLOSE)}]\s*"
    rf"(?P<serial>\d+|{re.escape(PLACEHOLDER)})\s*号"
    r"(?:\s+签发人\s*[：:]\s*(?P<signer>.+))?$"
)
_SIGNER = re.compile(r"^签发人\s*[：:]\s*(?P<names>.+)$")
_COPY = re.compile(r"^\d{6}$")
_SECRECY = re.compile(r"^(绝密|机密|秘密)(★\S*)?$")
_URGENCY = re.compile(r"^(特急|加急|特提|平急)$")
_KINDS = "通知|通报|意见|决定|决议|命令|公告|通告|报告|请示|批复|函|纪要|议案|公报"
_TITLE_END = re.compile(rf"({_KINDS})$")
_DOC_TITLE = re.compile(r"^[^，。；：:,;]{0,40}(总结|要点|计划|安排|规划)$")
_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0, "O": 0}
_DATE_PATTERNS = (
    re.compile(r"^(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"),
    re.compile(r"^(?P<y>[〇○零O一二三四五六七八九]{4})年(?P<m>[一二三四五六七八九十]{1,2})月"
               r"(?P<d>[一二三四五六七八九十]{1,3})日"),
    re.compile(r"^(?P<y>\d{4})\s*[-./／]\s*(?P<m>\d{1,2})\s*[-./／]\s*(?P<d>\d{1,2})"),
)
_PRINTED = re.compile(r"^(?P<by>.+?)\s+(?P<date>\S+?)\s*印发$")
_CC = re.compile(r"^抄送\s*[：:]\s*(?P<names>.*)$")
_NOTE = re.compile(r"^[（(](?P<note>.+)[）)]$")
_ATTACHMENT = re.compile(r"^附件\s*[：:]\s*(?P<rest>.+)$")
_ATTACHMENT_NUMBER = re.compile(r"^(?P<n>\d+)\s*[.．、]\s*(?P<name>.+)$")

_SENTENCE_END = re.compile(r"[。！？!?]")
_CAPTION = re.compile(r"^表\s*[0-9一二三四五六七八九十]+")

Field = Literal["goal", "measures", "departments"]
_FIELD_LABELS: dict[str, Field] = {
    "目标任务": "goal", "任务目标": "goal", "工作目标": "goal", "主要目标": "goal",
    "工作措施": "measures", "工作举措": "measures", "主要措施": "measures",
    "具体措施": "measures", "推进措施": "measures",
    "责任科室": "departments", "责任单位": "departments", "责任处室": "departments",
    "牵头单位": "departments", "责任部门": "departments", "牵头科室": "departments",
}
_LABEL_WORDS = "|".join(_FIELD_LABELS)
_FIELD = re.compile(rf"^(?P<prefix>(?P<label>{_LABEL_WORDS})\s*[：:][ \u3000]*)(?P<text>.*)$")
_DEPARTMENT_WORDS = "|".join(k for k, v in _FIELD_LABELS.items() if v == "departments")
_INLINE_DEPARTMENTS = re.compile(
    rf"(?P<prefix>[（(](?P<label>{_DEPARTMENT_WORDS})"
    r"\s*[：:]\s*)(?P<names>(?:[^（）()]|[（(][^（）()]*[）)])+)(?P<end>[）)][。；;]?)$"
)
_OVERVIEW = re.compile(
    r"^(?P<prefix>(?P<label>总体思路|总体要求|指导思想|工作思路|总体目标|基本思路)"
    r"\s*[：:][ \u3000]*)"
    r"(?P<text>.*)$"
)
_END_MARKS = "。；;，,.、"
_NOT_ORGAN_STYLES = ("GwTitle", "GwRecipients", "GwDocTitle", "GwDocTitleFirst", "GwDate")


def _is_date_line(text: str) -> bool:
    """A 成文日期 line: a date, or the placeholder a draft leaves for it."""
    return text.strip() == PLACEHOLDER or parse_date(text) is not None


def parse_date(text: str) -> dt.date | None:
    """A date written 2021年4月6日, 二〇二一年四月六日, 2021-04-06, 2021.4.6 or 2021/4/6."""
    text = text.strip()
    for pattern in _DATE_PATTERNS:
        m = pattern.match(text)
        if m is None or m.end() != len(text):
            continue
        y, mo, d = m["y"], m["m"], m["d"]
        try:
            if y.isdigit():
                return dt.date(int(y), int(mo), int(d))
            month, day = numeral_value(mo), numeral_value(d)
            if month is None or day is None:
                return None
            return dt.date(int("".join(str(_CN_DIGIT[c]) for c in y)), month, day)
        except ValueError:
            return None
    return None


def split_names(text: str, separators: str) -> list[str]:
    """Split a list of names at ``separators``, but not inside brackets: 局机关各科室（馆、站）."""
    names: list[str] = []
    current: list[str] = []
    depth = 0
    for ch in text:
        if ch in "（(〔【《<":
            depth += 1
        elif ch in "）)〕】》>" and depth:
            depth -= 1
        if ch in separators and depth == 0:
            names.append("".join(current).strip())
            current = []
        else:
            current.append(ch)
    names.append("".join(current).strip())
    return [n for n in names if n]


def undistribute(text: str) -> str:
    """"承  德  市  教  育  局" → "承德市教育局": the spaces of distributed alignment."""
    parts = text.split()
    if len(parts) > 1 and all(len(p) == 1 for p in parts):
        return "".join(parts)
    return text


def _organ_names(text: str) -> list[str]:
    """The organs of a mark or signature line: joint names stand apart by wide spaces."""
    whole = undistribute(text)
    if whole != text:
        return [whole]
    return [undistribute(p) for p in re.split(r"\s{2,}|\u3000+|\t+", text) if p.strip()]


def _heading(text: str) -> tuple[int, str, str] | None:
    """Level, number as written and title of a heading line (a number alone is not a heading)."""
    found = match_heading(text)
    if found is None or not found.rest.strip():
        return None
    return found.level, found.written, found.rest


def _is_sentence(text: str) -> bool:
    return text[-1:] in "。！？；：:;!?，," or len(text) > 60


def _written_label(prefix: str, default: str) -> str | None:
    """The label to keep in the data: None for the standard form "目标任务："."""
    if prefix == default + "：":
        return None
    if prefix == prefix.rstrip() and prefix.endswith("："):
        return prefix[:-1]  # another word, the usual colon: keep the word only
    return prefix


# ---------------------------------------------------------------------------------------------


class _Parser:
    def __init__(self, path: Path, units: list[_Unit]) -> None:
        self.path = path
        self.units = units
        self.warnings: list[ParseWarning] = []

    def warn(self, where: Location, message: str) -> None:
        self.warnings.append(ParseWarning(where, message))

    def run(self) -> ParseResult:
        units = [u for u in self.units if isinstance(u, _Table) or u.text]
        notice, rest = self.notice(units)
        if notice is not None:
            rest = self.colophon(notice, rest)
        document = Document(notice=notice)
        for kind, title, body in self.printed_documents(rest):
            if kind == "plan" and document.plan is None:
                document.plan = self.plan(title, body)
            elif kind == "summary" and document.summary is None:
                document.summary = self.summary(title, body)
            else:
                self.warn(body[0].where if body else Location(self.path),
                          f"a second {kind} in one file; it is read into the first one")
                target = document.summary if kind == "summary" else None
                if target is not None:
                    extra_summary = self.summary(title, body)
                    target.sections.extend(extra_summary.sections)
                elif document.plan is not None:
                    document.plan.sections.extend(self.plan(title, body).sections)
                continue
            if notice is not None:
                notice.prints.append(kind)
        document.source = self.path
        return ParseResult(document, self.warnings)

    # -- the notice ---------------------------------------------------------------------------

    def notice(self, units: list[_Unit]) -> tuple[Notice | None, list[_Unit]]:
        lines = units
        organs: list[str] = []
        code: DocumentCode | None = None
        signer: list[str] = []
        copy = secrecy = urgency = mark_word = None
        i = 0
        while i < len(lines):
            unit = lines[i]
            if not isinstance(unit, _Line):
                break
            text = unit.text
            m = _CODE.match(text)
            if m and code is None:
                serial = None if m["serial"] == PLACEHOLDER else int(m["serial"])
                code = DocumentCode(m["agency"], int(m["year"]), serial)
                if m["signer"]:
                    signer = split_names(m["signer"], "、 \u3000")
            elif (m := _SIGNER.match(text)) and not signer:
                signer = split_names(m["names"], "、 \u3000")
            elif _COPY.match(text) and copy is None:
                copy = text
            elif _SECRECY.match(text) and secrecy is None:
                secrecy = text
            elif _URGENCY.match(text) and urgency is None:
                urgency = text
            elif text == "文件" and organs:
                mark_word = text
            elif unit.style not in _NOT_ORGAN_STYLES and self._organ_line(text):
                names = _organ_names(text)
                if len(names) == 1 and names[0].endswith("文件") and len(names[0]) > 2:
                    names, mark_word = [names[0][:-2].rstrip()], "文件"
                organs.extend(names)
            else:
                break
            i += 1
        if code is None or not organs:
            return None, units
        # The title: up to the line ending in the kind of document (通知), or a blank.
        title: list[str] = []
        while i < len(lines):
            unit = lines[i]
            if not isinstance(unit, _Line):
                break
            if title and self._title_ended(title[-1], unit, lines[i - 1]):
                break
            title.append(unit.text)
            i += 1
            if len(title) == 4:
                break
        if not title:
            self.warn(Location(self.path), "the notice has no title")
            title = [""]
        # Everything up to the date is the notice's text.
        end = next(
            (j for j in range(i, len(lines)) if isinstance(lines[j], _Line)
             and _is_date_line(lines[j].text)),  # type: ignore[union-attr]
            None,
        )
        notice_date: dt.date | None = None
        if end is None:
            self.warn(Location(self.path), "the notice has no date (成文日期); the year of the "
                      "document code is assumed, 1 January: correct it in the data")
            notice = Notice(organs, code, title, dt.date(code.year, 1, 1))
            body_units, after = lines[i:], []
        else:
            end_line = lines[end]
            assert isinstance(end_line, _Line)
            notice_date = parse_date(end_line.text)  # None: a draft's 【待填写】
            notice = Notice(organs, code, title, notice_date)
            body_units, after = lines[i:end], lines[end + 1:]
        notice.signer, notice.copy_number, notice.secrecy = signer, copy, secrecy
        notice.urgency, notice.mark_word = urgency, mark_word
        self.notice_body(notice, body_units, has_date=end is not None)
        # After the date: 附注 in brackets, then the printed documents.
        if after and isinstance(after[0], _Line) and (m := _NOTE.match(after[0].text)):
            notice.note = m["note"]
            after = after[1:]
        return notice, after

    @staticmethod
    def colophon(notice: Notice, units: list[_Unit]) -> list[_Unit]:
        """Take the 版记 (抄送, 印发机关 and 印发日期) out of ``units``, wherever it stands."""
        rest: list[_Unit] = []
        for unit in units:
            if isinstance(unit, _Line):
                m = _CC.match(unit.text)
                if m and not notice.cc:
                    notice.cc = split_names(m["names"].rstrip("。."), "，,")
                    continue
                m = _PRINTED.match(unit.text) if unit.text.endswith("印发") else None
                printed_on = parse_date(m["date"]) if m else None
                if m and printed_on is not None and notice.printed_by is None:
                    notice.printed_by = m["by"].strip()
                    notice.printed_on = printed_on if printed_on != notice.date else None
                    continue
            rest.append(unit)
        return rest

    @staticmethod
    def _organ_line(text: str) -> bool:
        return (
            len(text) <= 60 and not re.search(r"[。，；：:,;！？]", text) and "关于" not in text
            and not _TITLE_END.search(text) and not _DOC_TITLE.match(text)
            and parse_date(text) is None and _heading(text) is None
        )

    @staticmethod
    def _title_ended(last: str, unit: _Line, previous: _Unit) -> bool:
        if isinstance(previous, _Line) and previous.paragraph == unit.paragraph and previous.style \
                and unit.style == previous.style:
            return False  # one paragraph, broken into lines
        return bool(
            _TITLE_END.search(last) or unit.text[-1:] in "：:" or _is_sentence(unit.text)
            or parse_date(unit.text) is not None
        )

    def notice_body(self, notice: Notice, units: list[_Unit], has_date: bool) -> None:
        lines: list[_Line] = []
        for unit in units:
            if isinstance(unit, _Table):
                self.warn(unit.where, "a table in the notice is kept as lines of text")
                lines.extend(_Line("\t".join(r), unit.where) for r in unit.rows)
            else:
                lines.append(unit)
        if lines and lines[0].text[-1:] in "：:" and not _ATTACHMENT.match(lines[0].text):
            notice.recipients = split_names(lines[0].text[:-1], "，")
            lines = lines[1:]
        # The signature: the line just above the date, if it is a name and not a sentence.
        if has_date and lines and not _is_sentence(lines[-1].text) \
                and not _ATTACHMENT.match(lines[-1].text):
            names = _organ_names(lines.pop().text)
            notice.signature = [] if names == notice.organs else names
        attachments = False
        for line in lines:
            m = _ATTACHMENT.match(line.text)
            if m and not notice.attachments:
                attachments = True
                n = _ATTACHMENT_NUMBER.match(m["rest"])
                notice.attachments.append(n["name"] if n else m["rest"])
                continue
            n = _ATTACHMENT_NUMBER.match(line.text)
            if attachments and n and int(n["n"]) == len(notice.attachments) + 1:
                notice.attachments.append(n["name"])
                continue
            if attachments:
                self.warn(line.where, "text after the attachment list (附件) is kept in the body")
            notice.body.append(line.text)

    # -- the printed documents ----------------------------------------------------------------

    def printed_documents(self, units: list[_Unit]) -> list[tuple[Printable, str, list[_Unit]]]:
        found: list[tuple[Printable, str, list[_Unit]]] = []
        for unit in units:
            if isinstance(unit, _Line) and self._doc_title(unit):
                found.append(("summary", unit.text, []))
            elif found:
                found[-1][2].append(unit)
            else:
                self.warn(unit.where, "text before the first document title is read as the "
                          "first document's opening text")
                found.append(("summary", "", [unit]))
        result: list[tuple[Printable, str, list[_Unit]]] = []
        for _, title, body in found:
            plan = title.endswith(("要点", "计划", "安排", "规划")) or any(
                isinstance(u, _Line) and _FIELD.match(u.text) for u in body
            )
            result.append(("plan" if plan else "summary", title, body))
        return result

    @staticmethod
    def _doc_title(unit: _Line) -> bool:
        if unit.style in ("GwDocTitle", "GwDocTitleFirst"):
            return True
        return bool(_DOC_TITLE.match(unit.text)) and _heading(unit.text) is None

    def summary(self, title: str, units: list[_Unit]) -> Summary:
        summary = Summary(title)
        stack: list[Section] = []
        counters = [0, 0, 0, 0, 0]
        for unit in units:
            target = stack[-1].paragraphs if stack else summary.preface
            if isinstance(unit, _Table):
                caption = None
                last = target[-1] if target else None
                if isinstance(last, str) and _CAPTION.match(last):
                    caption = last
                    target.pop()
                target.append(self.table(unit, caption))
                continue
            heading = _heading(unit.text)
            if heading is None or heading[0] > len(stack) + 1:
                target.append(unit.text)
                continue
            level, written, rest = heading
            expected = counters[level] + 1
            value = numeral_value(written) or expected
            counters[level] = value
            for deeper in range(level + 1, len(counters)):
                counters[deeper] = 0
            section = Section(rest, number=None if written == heading_number(level, expected)
                              else written)
            m = _SENTENCE_END.search(rest)
            if m and m.end() < len(rest):  # 标题。正文…: the heading runs into its paragraph
                section.title, section.run_in = rest[: m.end()], True
                section.paragraphs.append(rest[m.end():])
            del stack[level - 1:]
            (stack[-1].subsections if stack else summary.sections).append(section)
            stack.append(section)
        return summary

    def table(self, unit: _Table, caption: str | None) -> Table:
        header, *rows = unit.rows
        width = len(header)
        rows = [r + [""] * (width - len(r)) for r in rows]
        columns: list[Column] = []
        values: list[list[str | int | float | None]] = [[] for _ in rows]
        for c, name in enumerate(header):
            cells = [r[c] for r in rows]
            numeric = unit.numeric[c] if c < len(unit.numeric) else None
            column, parsed = _column(name, cells, numeric)
            columns.append(column)
            for r, v in enumerate(parsed):
                values[r].append(v)
        return Table(columns=columns, rows=values, caption=caption)

    def plan(self, title: str, units: list[_Unit]) -> Plan:
        plan = Plan(title)
        section: PlanSection | None = None
        item: PlanItem | None = None
        current: Field | None = None
        inline_at: tuple[Field, int] | None = None
        counters = {1: 0, 3: 0}

        def close_item() -> None:
            nonlocal inline_at
            if item is not None and inline_at is not None:
                name, index = inline_at
                last_field = "measures" if item.measures else "goal"
                if item.paragraphs or (name, index) != (last_field, len(getattr(item, name)) - 1):
                    # the bracket closed a paragraph that is not the item's last: put it back
                    text = item.label("departments") + "、".join(item.departments)
                    getattr(item, name)[index] += text + item.departments_end
                    item.departments, item.departments_end = [], ""
                    item.departments_inline = False
                    item.labels.pop("departments", None)
            inline_at = None

        for unit in units:
            if isinstance(unit, _Table):
                self.warn(unit.where, "a table in the plan is kept as lines of text")
                lines = [_Line("\t".join(r), unit.where) for r in unit.rows]
            else:
                lines = [unit]
            for line in lines:
                text = line.text
                heading = _heading(text)
                if heading and heading[0] == 1:
                    close_item()
                    _, written, rest = heading
                    value = numeral_value(written) or counters[1] + 1
                    number = None if written == heading_number(1, counters[1] + 1) else written
                    counters[1] = value
                    section, item, current = PlanSection(rest, number=number), None, None
                    plan.sections.append(section)
                    continue
                if heading and heading[0] == 3 and section is not None:
                    close_item()
                    _, written, rest = heading
                    value = numeral_value(written) or counters[3] + 1
                    number = None if written == heading_number(3, counters[3] + 1) else written
                    counters[3] = value
                    item, current = PlanItem(rest, number=number), None
                    section.items.append(item)
                    continue
                m = _FIELD.match(text)
                if m and item is not None:
                    name = _FIELD_LABELS[m["label"]]
                    if getattr(item, name):
                        self.warn(line.where, f"{m['label']} given twice in one item; the second "
                                  "is kept as a plain paragraph after the item")
                        item.paragraphs.append(text)
                        current = "departments"
                        continue
                    label = _written_label(m["prefix"], DEFAULT_LABELS[name])
                    if label is not None:
                        item.labels[name] = label
                    current = name
                    if name == "departments":
                        self.departments(item, m["text"])
                    else:
                        body = m["text"]
                        inline = _INLINE_DEPARTMENTS.search(body)
                        if inline and not item.departments:
                            body = body[: inline.start()]
                            self.inline_departments(item, inline)
                            inline_at = (name, 0)
                        getattr(item, name).append(body)
                    continue
                if item is not None and current in ("goal", "measures") and not item.paragraphs:
                    assert current is not None
                    body = text
                    inline = _INLINE_DEPARTMENTS.search(body)
                    if inline and not item.departments:
                        body = body[: inline.start()]
                        self.inline_departments(item, inline)
                        inline_at = (current, len(getattr(item, current)))
                    getattr(item, current).append(body)
                    continue
                if item is not None:
                    self.warn(line.where, "text in a work item that is not one of its fields is "
                              "kept as a plain paragraph after the fields")
                    item.paragraphs.append(text)
                    continue
                if section is not None:
                    self.warn(line.where, "text between a section heading and its first item is "
                              "kept as a plain paragraph")
                    section.paragraphs.append(text)
                    continue
                if heading and heading[0] == 3:
                    self.warn(line.where, "a numbered item before the first section heading is "
                              "kept as overview text")
                m = _OVERVIEW.match(text)
                if not plan.overview:
                    if m:
                        label = _written_label(m["prefix"], "总体思路")
                        plan.overview_label = label if label is not None else "总体思路"
                        text = m["text"]
                    else:
                        plan.overview_label = ""
                plan.overview.append(text)
        close_item()
        return plan

    @staticmethod
    def departments(item: PlanItem, text: str) -> None:
        stripped = text.rstrip(_END_MARKS)
        item.departments_end = text[len(stripped):]
        item.departments = split_names(stripped, "、")

    @staticmethod
    def inline_departments(item: PlanItem, m: re.Match[str]) -> None:
        item.departments_inline = True
        item.labels["departments"] = m["prefix"]
        item.departments = split_names(m["names"], "、")
        item.departments_end = m["end"]


def _decimals(number: str) -> int:
    return len(number.split(".")[1]) if "." in number else 0


_NUMBER = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")


def _column(
    name: str, cells: list[str], numeric: bool | None
) -> tuple[Column, list[str | int | float | None]]:
    """A column and its values: numbers as printed (2,380 · 3.2% · 3,860.00万) read back."""
    text_values: list[str | int | float | None] = [c if c else None for c in cells]
    filled = [c for c in cells if c]
    if numeric is False or not filled:
        return Column(name), text_values
    for fmt, suffix, scale in (("percent", "%", Decimal("0.01")), ("万", "万", Decimal(10_000)),
                               ("亿", "亿", Decimal(100_000_000)), ("number", "", Decimal(1))):
        bare = [c[: len(c) - len(suffix)] if suffix else c for c in filled]
        if suffix and not all(c.endswith(suffix) for c in filled):
            continue
        if not all(_NUMBER.match(b) for b in bare):
            continue
        if fmt == "number" and any("," not in b and abs(Decimal(b)) >= 1000 for b in bare):
            break  # 2022 is a year or a code, not a number written 2,022
        places = {_decimals(b) for b in bare}
        trailing_zero = any(b.endswith("0") and "." in b for b in bare)
        if len(places) == 1 and places != {0}:
            decimals: int | None = places.pop()
        elif max(places) <= 2 and not trailing_zero:
            decimals = None
        else:
            break
        values: list[str | int | float | None] = []
        for c in cells:
            if not c:
                values.append(None)
                continue
            b = c[: len(c) - len(suffix)] if suffix else c
            try:
                v = Decimal(b.replace(",", "")) * scale
            except InvalidOperation:  # pragma: no cover - matched _NUMBER above
                return Column(name), text_values
            values.append(int(v) if v == v.to_integral_value() else float(v))
        return Column(name, fmt, decimals), values  # type: ignore[arg-type]
    return Column(name), text_values
