"""Parse: read an existing document (.docx or its text) back into the data that ``build`` takes.

Recognition works on the text, so that a .docx made by hand (no styles, numbers typed as text,
the header in a text box) reads the same as its text; the template's paragraph styles are used only
as hints where the text alone is ambiguous. Nothing is dropped: text that fits nowhere stays, in
order, as a plain paragraph, and a :class:`ParseWarning` says where it was.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from lxml import etree

from . import vocab
from .compose import heading_number
from .errors import InputError, Location
from .model import (
    PLACEHOLDER,
    Column,
    Comment,
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
from .reader import SourceParagraph, W, read_comments, read_paragraphs
from .reader import paragraph_text as _paragraph_text
from .recognise import Line as _Line
from .recognise import NoticeParts, prepare, recognise
from .recognise import TableUnit as _Table
from .recognise import Unit as _Unit
from .vocab import Role, match_heading, numeral_value, parse_date, undistribute


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
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        units = _sheet_units(path)
    else:
        units = _units(path, read_paragraphs(path))
    if not any(isinstance(u, _Table) or u.text for u in units):
        raise InputError("the document holds no text", Location(path))
    result = _Parser(path, units).run()
    if path.suffix.lower() == ".docx":
        # reviewers' notes (批注) are not text of the document, but they are kept
        result.document.comments = [Comment(text, note) for text, note in read_comments(path)]
    return result


def summarize(document: Document) -> str:
    """One line saying what was found: ``notice 承教发〔2021〕1号 · plan: 6 sections, 34 items``."""
    parts = []
    if document.notice is not None:
        code = document.notice.code
        parts.append(f"notice {code}" if code is not None else "notice without a 发文字号")
    for made in [document.summary, document.plan, *document.more]:
        if isinstance(made, Summary):

            def count(sections: list[Section]) -> int:
                return sum(len(s.subsections) + count(s.subsections) for s in sections)

            tables = sum(isinstance(b, Table) for b in _summary_blocks(made))
            text = f"summary: {len(made.sections)} sections, {count(made.sections)} subsections"
            parts.append(text + (f", {tables} tables" if tables else ""))
        elif isinstance(made, Plan):
            parts.append(f"plan: {len(made.sections)} sections, {len(made.items)} items")
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


# What text extraction tools leave in (e.g. "[bookmark: _GoBack]"): not text of the document.
_ARTEFACT = re.compile(r"\[bookmark: [^\]]*\]")
_TAB_SPLIT = re.compile(r"\t+")


def _where(path: Path, p: SourceParagraph, docx: bool) -> Location:
    return Location(path, field=f"paragraph {p.index}") if docx else Location(path, line=p.index)


def _lines_of(path: Path, p: SourceParagraph, docx: bool) -> list[_Line]:
    where = _where(path, p, docx)
    text = p.number + _ARTEFACT.sub("", p.text)  # Word's automatic number is printed text
    return [_Line(line, where, p.index, p.style, p.level) for line in text.split("\n")]


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
        if block is not None and not _layout_table(block):
            units.append(block)
        elif block is not None and any(c.endswith("印发") for row in block.rows for c in row):
            # a 版记 drawn as a ruled table: one line a row, 印发机关 beside 印发日期
            for row in block.rows:
                text = "  ".join(c for c in row if c)
                units.append(_Line(text, block.where, p.index, p.style))
        else:  # a layout table (the mark beside 文件, the 版记 rules): its paragraphs are lines
            inside = [
                q for q in paragraphs if q.element is not None and _outer_table(q.element) is table
            ]
            seen: set[str] = set()
            for q in inside:
                if q.text.strip() == "文件" and "文件" in seen:
                    continue  # 文件 in a merged cell, repeated in the rows it spans
                seen.add(q.text.strip())
                units.extend(_lines_of(path, q, docx))
    return units if docx else _text_tables(units)


def _layout_table(table: _Table) -> bool:
    """A table that draws the page, not one of data: the red header (organs beside 文件, the
    发文字号) or the 版记 (抄送, 印发)."""
    cells = [c.strip() for row in table.rows for c in row if c.strip()]
    return bool(cells) and (
        any(c == "文件" or vocab.is_code_line(c) or c.endswith("印发") for c in cells)
        or any(c.startswith(("抄送", "主送")) for c in cells)
    )


def _outer_table(p: etree._Element) -> etree._Element | None:
    tables = list(p.iterancestors(f"{W}tbl"))
    return tables[-1] if tables else None


def _docx_table(table: etree._Element, where: Location) -> _Table | None:
    rows: list[list[str]] = []
    styles: list[list[str | None]] = []
    for tr in table.iterchildren(f"{W}tr"):
        cells: list[str] = []
        cell_styles: list[str | None] = []
        for tc in tr.iterchildren(f"{W}tc"):
            ps = list(tc.iter(f"{W}p"))
            text = "\n".join(_ARTEFACT.sub("", _paragraph_text(q)).strip() for q in ps).strip("\n")
            merge = tc.find(f"{W}tcPr/{W}vMerge")
            at = len(cells)
            if merge is not None and merge.get(f"{W}val") != "restart" and rows:
                # a cell merged with the one above holds the same value (a shared 完成时限)
                above = rows[-1]
                text = above[at] if at < len(above) else text
            span = tc.find(f"{W}tcPr/{W}gridSpan")
            width = int(span.get(f"{W}val") or 1) if span is not None else 1
            style = ps[0].find(f"{W}pPr/{W}pStyle") if ps else None
            cells.append(text)
            cell_styles.append(style.get(f"{W}val") if style is not None else None)
            for _ in range(width - 1):  # a cell spanning columns: the others are empty
                cells.append("")
                cell_styles.append(None)
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


def _sheet_units(path: Path) -> list[_Unit]:
    """A workbook's sheets as a task table each (任务分解表): a title row of one cell becomes the
    title line; merged cells hold the value of their first cell, as the sheet shows them."""
    import zipfile

    from openpyxl import load_workbook

    where = Location(path)
    if not path.is_file():
        raise InputError("no such file", where)
    try:
        with zipfile.ZipFile(path) as zf:
            if sum(i.file_size for i in zf.infolist()) > 256 * 1024 * 1024:
                raise InputError("refused: the workbook would inflate past 256 MB", where)
        book = load_workbook(path, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        raise InputError(f"not a readable .xlsx file: {exc}", where) from None
    units: list[_Unit] = []
    for sheet in book.worksheets:
        values = [[c.value for c in row] for row in sheet.iter_rows()]
        for merged in sheet.merged_cells.ranges:
            # each row a merged cell spans shows its value (a shared 完成时限); the columns it
            # spans stay empty, as a table's spanned cells are
            first = values[merged.min_row - 1][merged.min_col - 1]
            for r in range(merged.min_row - 1, merged.max_row):
                values[r][merged.min_col - 1] = first
        rows = [
            ["" if v is None else str(v).strip() for v in row]
            for row in values
            if any(v is not None and str(v).strip() for v in row)
        ]
        at = Location(path, cell=f"{sheet.title}!A1")
        while rows and sum(1 for v in rows[0] if v) == 1 and len(rows) > 1:
            units.append(_Line(next(v for v in rows[0] if v), at))  # a title row
            rows = rows[1:]
        if len(rows) >= 2:
            width = max(len(r) for r in rows)
            units.append(_Table([r + [""] * (width - len(r)) for r in rows], [None] * width, at))
        else:
            units.extend(_Line("\t".join(r), at) for r in rows)
    return units


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
                out.append(
                    _Table(
                        [[c.strip() for c in r] for r in rows], [None] * len(rows[0]), run[0].where
                    )
                )
                i = j
                continue
        out.append(unit)
        i += 1
    return out


# ---------------------------------------------------------------------------------------------
# Patterns of the written document (the words themselves are in vocab).

_PRINTED = re.compile(r"^(?P<by>.+?)\s+(?P<date>\S+?)\s*印发$")
_CC = re.compile(r"^抄送\s*[：:]\s*(?P<names>.*)$")
_NOTE = re.compile(r"^[（(](?P<note>.+)[）)]$")
_ATTACHMENT = re.compile(r"^附件\s*\d*\s*[：:]\s*(?P<rest>.+)$")
_ATTACHMENT_NUMBER = re.compile(r"^(?P<n>\d+)\s*[.．、]\s*(?P<name>.+)$")
_SENTENCE_END = re.compile(r"[。！？!?]")
_CAPTION = re.compile(r"^表\s*[0-9一二三四五六七八九十]+")
_END_MARKS = "。；;，,.、"
_NOT_ORGAN_STYLES = ("GwTitle", "GwRecipients", "GwDocTitle", "GwDocTitleFirst", "GwDate")
# A bracket closing a paragraph, where the units responsible for an item are named.
_TRAILING_BRACKET = re.compile(
    r"(?P<open>[（(])(?P<body>(?:[^（）()]|[（(][^（）()]*[）)])+)(?P<close>[）)])(?P<end>[。；;]?)$"
)
_VERB_FORM = re.compile(
    rf"^(?P<lead>.+?)(?P<lead_verb>{'|'.join(vocab.LEAD_VERBS)})"
    rf"(?:(?P<gap>[，,；;、\s]+)(?P<co>.+?)(?P<co_verb>{'|'.join(vocab.COOPERATE_VERBS)}))?$"
)
_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(?P<n>[1-4])$|^(?P<cn>[一二三四])级标题$", re.I)


def split_names(text: str, separators: str = "、") -> list[str]:
    """Split a list of names at ``separators``, but not inside brackets: 局机关各科室（馆、站）."""
    return vocab.split_names(text, separators)[0]


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


def _organ_in_title(title: str) -> str | None:
    """The organ a title names before 关于 (苏州市教育局关于印发…), or before the year of the
    document it prints (关于印发《芜湖市教育局2024年工作要点》的通知)."""
    m = re.match(r"^(?P<organ>[^关《]{2,30}?)\s*关于", title) or re.search(
        r"[《〈<](?P<organ>[^《》〈〉<>\d]{2,30}?)\d{4}年", title
    )
    if m is None:
        return None
    organ = m["organ"].strip()
    return organ if vocab.looks_like_unit(organ) else None


def _heading_of(unit: _Line) -> tuple[int, str, str] | None:
    """A heading line: numbered in its text, or, without a number, styled as a heading (标题 1)."""
    found = _heading(unit.text)
    if found is not None or unit.level is None or not 1 <= unit.level <= 4:
        return found
    text = unit.text.strip()
    if not text or len(text) > 80 or text[-1:] in "：:":
        return None
    return unit.level, "", text


def _is_sentence(text: str) -> bool:
    return text[-1:] in "。！？；：:;!?，," or len(text) > 60


def _written_label(prefix: str, default: str) -> str | None:
    """The label to keep in the data: None for the standard form "目标任务："."""
    if prefix == default + "：":
        return None
    if prefix == prefix.rstrip() and prefix.endswith("："):
        return prefix[:-1]  # another word, the usual colon: keep the word only
    return prefix


def _run_in(title: str) -> tuple[str, str]:
    """ "标题。正文……" → the title (to its first full stop) and the text after it; a heading run
    straight into "一是……" ends where the 一是 begins."""
    m = _SENTENCE_END.search(title)
    first = title.find("一是")
    if first >= 4 and (m is None or first < m.start()) and title[first - 1] not in "，,、":
        return title[:first], title[first:]
    if m and m.end() < len(title):
        return title[: m.end()], title[m.end() :]
    return title, ""


# ---------------------------------------------------------------------------------------------


class _Parser:
    def __init__(self, path: Path, units: list[_Unit]) -> None:
        self.path = path
        self.units = units
        self.warnings: list[ParseWarning] = []
        self.legend = False  # a "排在第一位的为牵头单位，下同" was read: lists name the lead first

    def warn(self, where: Location, message: str) -> None:
        self.warnings.append(ParseWarning(where, message))

    def run(self) -> ParseResult:
        units = prepare(self.units, self.warn)
        found = recognise(units)
        notice = self.notice(found.notice) if found.notice is not None else None
        document = Document(notice=notice)
        for line in found.front:
            self.warn(
                line.where,
                "text before the document began is kept as front matter "
                "(front_matter), not printed",
            )
            document.front_matter.append(line.text)
        for part in found.documents:
            body = part.body
            if notice is not None:
                body = self.colophon(notice, body)
            title = part.title.text if part.title is not None else ""
            if part.title is None and part is not found.documents[0]:
                self.warn(body[0].where, "text after the documents is read as a document")
            kind: Printable = "plan" if part.kind == "plan" else "summary"
            made: Summary | Plan = (
                self.plan(title, body) if kind == "plan" else self.summary(title, body)
            )
            if part.marker is not None:
                made.marker = part.marker.text
            if kind == "plan" and document.plan is None:
                document.plan = made  # type: ignore[assignment]
            elif kind == "summary" and document.summary is None:
                document.summary = made  # type: ignore[assignment]
            else:
                document.more.append(made)
                continue
            if notice is not None:
                notice.prints.append(kind)
        if document.notice is None and document.summary is None and document.plan is None:
            document.summary = Summary("")
        document.source = self.path
        return ParseResult(document, self.warnings)

    # -- the notice ---------------------------------------------------------------------------

    def notice(self, parts: NoticeParts) -> Notice:
        organs: list[str] = []
        code: DocumentCode | None = None
        signer: list[str] = []
        copy = secrecy = urgency = mark_word = None
        for line in parts.header:
            text = line.text
            found = vocab.find_code(text, at_start=True)
            if found is not None and code is None:
                code = DocumentCode(found.agency, found.year, found.serial)
                rest = text[found.end :].strip()
                if m := vocab.SIGNER_RE.match(rest):
                    signer = split_names(m["names"], "、 \u3000")
            elif (m := vocab.SIGNER_RE.match(text)) and not signer:
                signer = split_names(m["names"], "、 \u3000")
            elif vocab.COPY_NUMBER_RE.match(text) and copy is None:
                copy = text
            elif vocab.SECRECY_RE.match(text) and secrecy is None:
                secrecy = text
            elif vocab.URGENCY_RE.match(text) and urgency is None:
                urgency = text
            elif text == "文件" and organs:
                mark_word = text
            elif line.style not in _NOT_ORGAN_STYLES:
                names = _organ_names(text)
                if len(names) == 1 and names[0].endswith("文件") and len(names[0]) > 2:
                    names, mark_word = [names[0][:-2].rstrip()], "文件"
                organs.extend(names)
        title = [line.text for line in parts.title]
        if not title:
            self.warn(
                parts.recipients.where if parts.recipients else Location(self.path),
                "the notice has no title",
            )
            title = [""]
        signature = [n for line in parts.signature for n in _organ_names(line.text)]
        if not organs:
            organs = list(signature)  # no printed mark: the organ is who signed
        if not organs and (organ := _organ_in_title("".join(title))):
            organs = [organ]  # nor a signature: the organ the title names (…局关于印发…)
            self.warn(
                parts.title[0].where if parts.title else Location(self.path),
                f"the notice shows no issuing organ; “{organ}” is taken from its title",
            )
        if not organs:
            organs = [PLACEHOLDER]  # the data must name one: left visibly for the office
            self.warn(
                parts.title[0].where if parts.title else Location(self.path),
                f"the notice names no issuing organ anywhere; it is left as {PLACEHOLDER}",
            )
        date = parse_date(parts.date.text) if parts.date is not None else None
        unreadable = None
        if parts.date is None:
            self.warn(
                Location(self.path),
                "the notice has no date (成文日期); it is left empty: fill it in the data",
            )
        elif date is None and parts.date.text.strip() != PLACEHOLDER:
            unreadable = parts.date.text
            self.warn(
                parts.date.where,
                f"the 成文日期 “{unreadable}” is not a date; it is kept as the last line of the "
                "body and the date left empty: correct it in the data",
            )
        notice = Notice(organs, code, title, date)
        notice.signer, notice.copy_number, notice.secrecy = signer, copy, secrecy
        notice.urgency, notice.mark_word = urgency, mark_word
        notice.signature = [] if signature == organs else signature
        if parts.recipients is not None:
            notice.recipients = split_names(parts.recipients.text[:-1], "，,")
        self.notice_body(notice, parts.body)
        if unreadable is not None:
            notice.body.append(unreadable)
        if parts.note is not None and (m := _NOTE.match(parts.note.text)):
            notice.note = m["note"]
        return notice

    def colophon(self, notice: Notice, units: list[_Unit]) -> list[_Unit]:
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

    def notice_body(self, notice: Notice, units: list[_Unit]) -> None:
        lines: list[_Line] = []
        for unit in units:
            if isinstance(unit, _Table):
                self.warn(unit.where, "a table in the notice is kept as lines of text")
                lines.extend(_Line("\t".join(r), unit.where) for r in unit.rows)
            else:
                lines.append(unit)
        attachments = False
        for k, line in enumerate(lines):
            following = lines[k + 1].text if k + 1 < len(lines) else ""
            if (
                re.match(r"^附件\s*[：:]$", line.text)
                and not notice.attachments
                and (n := _ATTACHMENT_NUMBER.match(following)) is not None
                and n["n"] == "1"
            ):
                attachments = True  # “附件：” on a line of its own, the list below it
                continue
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

    def summary(self, title: str, units: list[_Unit]) -> Summary:
        summary = Summary(title)
        stack: list[tuple[int, Section]] = []  # (level as written, section)
        counters: dict[int, int] = {}
        for unit in units:
            target = stack[-1][1].paragraphs if stack else summary.preface
            if isinstance(unit, _Table):
                caption = None
                last = target[-1] if target else None
                if isinstance(last, str) and _CAPTION.match(last):
                    caption = last
                    target.pop()
                target.append(self.table(unit, caption))
                continue
            heading = _heading_of(unit)
            if heading is None or heading[0] == 5:
                target.append(unit.text)
                continue
            level, written, rest = heading
            while stack and stack[-1][0] >= level:
                stack.pop()
            depth = len(stack) + 1
            if depth > 4:
                target.append(unit.text)
                continue
            expected = counters.get(level, 0) + 1
            value = numeral_value(written) or expected
            counters[level] = value
            for deeper in [k for k in counters if k > level]:
                del counters[deeper]
            standard = heading_number(depth, expected) if level == depth else None
            section = Section(rest, number=None if written == standard else written)
            title, text = _run_in(rest)
            if text:  # 标题。正文…: the heading runs into its paragraph
                section.title, section.run_in = title, True
                section.paragraphs.append(text)
            (stack[-1][1].subsections if stack else summary.sections).append(section)
            stack.append((level, section))
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
        """A plan: its sections (一、), groups (（一）) and items, the deepest numbered level."""
        plan = Plan(title)
        headed = [
            (h[0], u.style)
            for u in units
            if isinstance(u, _Line) and (h := _heading_of(u)) is not None
        ]
        styled = {level for level, style in headed if style == "GwH3"}
        if styled:  # a document built from data says which headings are items
            item_level = min(styled)
        elif headed and all(style in ("GwH1", "GwH2") for _, style in headed):
            item_level = 99
        else:
            item_level = _item_level(Counter(level for level, _ in headed))
        levels = Counter(level for level, _ in headed)
        section_levels = sorted(lv for lv in levels if lv < item_level)
        stack: list[tuple[int, PlanSection]] = []
        builder: _ItemBuilder | None = None
        item_count = 0
        counters: dict[int, int] = {}

        def close() -> None:
            nonlocal builder
            if builder is not None:
                builder.close()
                builder = None

        def untitled() -> PlanSection:
            section = PlanSection("", number="")
            plan.sections.append(section)
            stack.append((0, section))
            return section

        for unit in units:
            if isinstance(unit, _Table):
                close()
                task = _task_table(unit)
                if task is not None:
                    header, groups = task
                    holder = stack[-1][1] if stack else untitled()
                    if holder.items or holder.sections or holder.columns:
                        holder = PlanSection("", number="")
                        (stack[-1][1].sections if stack else plan.sections).append(holder)
                    holder.columns = header  # the items print back as this table
                    for group, items in groups:
                        target = holder
                        if group:
                            sub = PlanSection(group, number="")
                            target.sections.append(sub)
                            target = sub
                        for item in items:
                            item_count += 1
                            item.number = None if str(item_count) == item.number else item.number
                            target.items.append(item)
                    continue
                if stack:
                    stack[-1][1].paragraphs.append(self.table(unit, None))
                else:
                    self.warn(
                        unit.where,
                        "a table before the plan's first heading is kept as lines of overview text",
                    )
                    plan.overview.extend("\t".join(r) for r in unit.rows)
                continue
            text = unit.text
            heading = _heading_of(unit)
            if heading is not None and heading[0] in section_levels:
                close()
                level, written, rest = heading
                while stack and stack[-1][0] >= level:
                    stack.pop()
                depth = section_levels.index(level) + 1
                expected = counters.get(level, 0) + 1
                counters[level] = numeral_value(written) or expected
                for deeper in [k for k in counters if k > level]:
                    del counters[deeper]
                standard = heading_number(depth, expected) if level == depth else None
                section = PlanSection(rest, number=None if written == standard else written)
                head, body = _run_in(rest) if depth > 1 else (rest, "")
                if body:
                    section.title, section.run_in = head, True
                    section.paragraphs.append(body)
                (stack[-1][1].sections if stack else plan.sections).append(section)
                stack.append((level, section))
                continue
            if heading is not None and heading[0] == item_level:
                close()
                _, written, rest = heading
                number = None if written == heading_number(3, item_count + 1) else written
                item_count = numeral_value(written) or item_count + 1
                item = PlanItem(rest, number=number)
                target = stack[-1][1] if stack else untitled()
                target.items.append(item)
                builder = _ItemBuilder(self, item)
                head, body = _run_in(rest)
                if body:
                    item.title, item.run_in = head, True
                    builder.text(body, unit.where)
                continue
            if builder is not None:
                builder.line(text, unit.where)
                continue
            if vocab.LEGEND_RE.search(text):
                self.legend = True
            if stack:
                self.warn(
                    unit.where,
                    "text between a section heading and its first item is "
                    "kept as a plain paragraph",
                )
                stack[-1][1].paragraphs.append(text)
                continue
            m = vocab.OVERVIEW_RE.match(text)
            if not plan.overview:
                if m:
                    label = _written_label(m["prefix"], "总体思路")
                    plan.overview_label = label if label is not None else "总体思路"
                    text = m["text"]
                else:
                    plan.overview_label = ""
            plan.overview.append(text)
        close()
        return plan


def _item_level(levels: Counter[int]) -> int:
    """The level that numbers a plan's items: the deepest level at least as frequent as every
    level above it (一、 6 and 1. 34 → 1.; a few （1） inside items do not count)."""
    best = 3
    for level in sorted(levels):
        if level == 5 and any(levels[k] for k in (2, 3, 4)):
            continue  # ① ② inside items, unless nothing else numbers them
        if all(levels[level] >= levels[above] for above in levels if above < level):
            best = level
    return best


class _ItemBuilder:
    """Fills one plan item from the lines that follow its heading."""

    def __init__(self, parser: _Parser, item: PlanItem) -> None:
        self.parser = parser
        self.item = item
        self.current: Role | None = None
        self.gaps: dict[str, str] = {}

    def text(self, text: str, where: Location) -> None:
        """Unlabelled text: the item's measures, written without a label."""
        item = self.item
        if self.current is None and not item.goal and not item.measures:
            item.labels["measures"] = ""
            self.current = "measures"
        if self.current in ("goal", "measures") and not item.paragraphs:
            getattr(item, self.current).append(text)
            return
        self.parser.warn(
            where,
            "text in a work item that is not one of its fields is kept as a "
            "plain paragraph after the fields",
        )
        item.paragraphs.append(text)

    def line(self, text: str, where: Location) -> None:
        item = self.item
        labelled = vocab.LABEL_PAIR_RE.match(text) is not None
        pairs = list(vocab.LABEL_PAIR_RE.finditer(text)) if labelled else []
        if pairs and pairs[0].start() == 0:
            roles = [vocab.FIELD_LABELS[p["label"]] for p in pairs]
            if any(getattr(item, r) for r in roles):
                self.parser.warn(
                    where,
                    f"{pairs[0]['label']} given twice in one item; the "
                    "second is kept as a plain paragraph after the item",
                )
                item.paragraphs.append(text)
                self.current = "departments"
                return
            if not all(r in (*_UNIT_ROLES, "deadline") for r in roles):
                pairs = pairs[:1]  # a label inside a sentence is text, not a second field
            for k, pair in enumerate(pairs):
                role = vocab.FIELD_LABELS[pair["label"]]
                end = _next_label_start(text, pair.end()) if k + 1 < len(pairs) else len(text)
                value = text[pair.end() : end]
                prefix = pair.group(0)
                label = _written_label(prefix, vocab.DEFAULT_LABELS[role])
                if label is not None:
                    item.labels[role] = label
                self.current = role
                self.field(role, value)
            return
        if self.current is None and item.goal == item.measures == []:
            self.text(text, where)
            return
        if self.current in ("goal", "measures") and not item.paragraphs:
            getattr(item, self.current).append(text)
            return
        self.text(text, where)

    def field(self, role: Role, value: str) -> None:
        item = self.item
        if role in ("goal", "measures"):
            getattr(item, role).append(value)
            return
        stripped = value.rstrip(_END_MARKS)
        if role == "deadline":
            item.deadline = stripped
            item.departments_end = item.departments_end or value[len(stripped) :]
            return
        names, gaps = vocab.split_names(stripped)
        setattr(item, role, names)
        self.gaps[role] = gaps
        if role == "departments":
            item.departments_end = value[len(stripped) :]

    def close(self) -> None:
        """The item is complete: read units named at the end of its last paragraph."""
        item = self.item
        if not (item.departments or item.cooperating or item.leader) and not item.paragraphs:
            field_name: Role | None = "measures" if item.measures else "goal" if item.goal else None
            if field_name is not None:
                paragraphs: list[str] = getattr(item, field_name)
                last = paragraphs[-1]
                kept = self.inline(last)
                if kept is not None:
                    paragraphs[-1] = kept
            elif item.title:
                kept = self.inline(item.title, in_title=True)
                if kept is not None:
                    item.title = kept
        self.finish_separators()

    def inline(self, text: str, in_title: bool = False) -> str | None:
        """Read "（责任科室：A、B）", "（A牵头，B参与）" or a bare list of units closing ``text``;
        the text without them, or None if it names none."""
        m = _TRAILING_BRACKET.search(text)
        if m is None or m.start() == 0:
            return None
        item = self.item
        body, opening, closing, end = m["body"], m["open"], m["close"], m["end"]
        pairs = list(vocab.LABEL_PAIR_RE.finditer(body))
        if pairs and pairs[0].start() == 0:
            roles = [vocab.FIELD_LABELS[p["label"]] for p in pairs]
            if not all(r in (*_UNIT_ROLES, "deadline") for r in roles):
                return None
            if len(pairs) == 1 and roles[0] == "departments":
                # the form the seed uses: the label keeps the bracket, the end its close
                names, gaps = vocab.split_names(body[pairs[0].end() :])
                item.departments_inline = True
                item.labels["departments"] = opening + pairs[0].group(0)
                item.departments = names
                item.departments_end = closing + end
                self.gaps["departments"] = gaps
                return text[: m.start()]
            form = body
            for pair in reversed(pairs):
                role = vocab.FIELD_LABELS[pair["label"]]
                stop = _next_label_start(body, pair.end())
                value = body[pair.end() : stop]
                stripped = value.rstrip(_END_MARKS + " ")
                if role == "deadline":
                    item.deadline = stripped
                else:
                    names, gaps = vocab.split_names(stripped)
                    setattr(item, role, names)
                    self.gaps[role] = gaps
                form = form[: pair.end()] + "{" + role + "}" + value[len(stripped) :] + form[stop:]
            item.inline = opening + form + closing + end
            return text[: m.start()]
        verb = _VERB_FORM.match(body)
        if verb:
            lead, lead_gaps = vocab.split_names(verb["lead"])
            if lead and all(_unit_or_short(n) for n in lead):
                item.departments = lead
                self.gaps["departments"] = lead_gaps
                form = "{departments}" + verb["lead_verb"]
                if verb["co"]:
                    co, co_gaps = vocab.split_names(verb["co"])
                    if not all(_unit_or_short(n) for n in co):
                        item.departments = []
                        return None
                    item.cooperating = co
                    self.gaps["cooperating"] = co_gaps
                    form += verb["gap"] + "{cooperating}" + verb["co_verb"]
                item.inline = opening + form + closing + end
                return text[: m.start()]
        names, gaps = vocab.split_names(body, "、，,；;")
        legend = [n for n in names if vocab.LEGEND_RE.search(n) or n == "下同"]
        units = [n for n in names if n not in legend]
        if not units or not all(vocab.looks_like_unit(n) for n in units):
            return None
        if names[: len(units)] != units:
            return None  # the legend stands between names: not a form we can write back
        if legend:
            self.parser.legend = True
        if self.parser.legend and len(units) > 1:
            item.departments, item.cooperating = units[:1], units[1:]
            form = "{departments}" + gaps[0] + "{cooperating}"
            unit_gaps = gaps[1 : len(units) - 1]
        else:
            item.departments = units
            form = "{departments}"
            unit_gaps = gaps[: len(units) - 1]
        rest = "".join(g + n for g, n in zip(gaps[len(units) - 1 :], legend, strict=False))
        item.inline = opening + form + rest + closing + end
        self.gaps["all"] = unit_gaps
        return text[: m.start()]

    def finish_separators(self) -> None:
        """One separator for all the item's names, or one per gap where they differ."""
        item = self.item
        if "all" in self.gaps:
            gaps = self.gaps["all"]
        else:
            gaps = "".join(self.gaps.get(r, "") for r in ("departments", "cooperating", "leader"))
        marks = set(gaps)
        if not marks or marks == {"、"}:
            item.separators = ""
        elif len(marks) == 1:
            item.separators = gaps[0]
        else:
            item.separators = gaps


_UNIT_ROLES: tuple[Role, ...] = ("departments", "cooperating", "leader")


def _next_label_start(text: str, after: int) -> int:
    m = vocab.LABEL_PAIR_RE.search(text, after)
    if m is None:
        return len(text)
    stop = m.start()
    while stop > after and text[stop - 1] in "；;，, 　":
        stop -= 1
    return stop


def _unit_or_short(name: str) -> bool:
    return vocab.looks_like_unit(name) or (0 < len(name) <= 12 and not re.search(r"[。；]", name))


def _task_table(unit: _Table) -> tuple[list[str], list[tuple[str, list[PlanItem]]]] | None:
    """A task decomposition table (任务分解表): one item a row, found by the columns' headers."""
    header, *rows = unit.rows
    columns = vocab.task_columns(header)
    if columns is None or not rows:
        return None
    roles = {c: role for role, c in columns.items()}
    groups: list[tuple[str, list[PlanItem]]] = []
    for row in rows:
        cells = row + [""] * (len(header) - len(row))

        def cell(role: str, cells: list[str] = cells) -> str:
            return cells[columns[role]].strip() if role in columns else ""

        group = cell("group")
        if not groups or (group and group != groups[-1][0]):
            groups.append((group, []))
        title = cell("title") or cell("label") or cell("goal")
        goal = cell("goal") if title != cell("goal") else ""
        measures = cell("measures")
        if not title and not measures:
            continue
        if not title:
            title, measures = _run_in(measures)
        first, _, more = title.partition("\n")
        item = PlanItem(first, number=cell("number") or None)
        if goal:
            item.goal = goal.split("\n")
            item.labels["goal"] = ""
        text = "\n".join(p for p in (more, measures) if p)
        if text:
            item.measures = text.split("\n")
            item.labels["measures"] = ""
        for role in ("departments", "cooperating", "leader"):
            if cell(role):
                setattr(item, role, vocab.split_names(cell(role))[0])
        item.deadline = cell("deadline") or None
        # columns with no role (备注 …) are kept by their header
        item.cells = {header[c]: cells[c].strip() for c in range(len(header)) if c not in roles}
        item.cells = {k: v for k, v in item.cells.items() if v}
        groups[-1][1].append(item)
    return header, groups


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
    for fmt, suffix, scale in (
        ("percent", "%", Decimal("0.01")),
        ("万", "万", Decimal(10_000)),
        ("亿", "亿", Decimal(100_000_000)),
        ("number", "", Decimal(1)),
    ):
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
