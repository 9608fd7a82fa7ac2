"""The results workbook (任务分解与完成情况表): written for departments to fill, read back as shown.

One sheet lists every plan item, one sheet per department lists that department's items, and a
sheet lists the numeric targets. Reading accepts what people do to a workbook (renamed columns, a
title row, merged cells, numbers typed as text, IDs like 007, empty rows); what cannot be read
without guessing is an error naming the sheet and cell, and what does not match the plan is
reported as a :class:`Problem` by sheet and row.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Sequence
from copy import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import DataError, InputError, Location
from .i18n import _
from .model import PlanItem, Table
from .review import Review
from .targets import Target, format_value, parse_actual

ALL_SHEET = "全部任务"
TARGET_SHEET = "目标指标"
REVIEW_SHEET = "待核对"  # sentences of the new plan to review: written for reading, never read
COLUMNS = (
    "序号", "部分", "工作任务", "目标任务", "工作措施", "责任科室", "完成情况", "指标实际值/备注",
)
WIDTHS = (6, 22, 24, 48, 64, 18, 48, 22)
TARGET_COLUMNS = ("任务序号", "工作任务", "指标", "目标值", "实际值", "备注")
TARGET_WIDTHS = (8, 24, 30, 14, 14, 24)

# Headings people write instead of ours. Matching ignores spaces, line breaks and a trailing *.
ALIASES: dict[str, tuple[str, ...]] = {
    "序号": ("序号", "编号", "任务序号", "任务编号", "no", "no.", "id"),
    "工作任务": ("工作任务", "任务", "任务名称", "工作任务名称", "工作要点"),
    "完成情况": ("完成情况", "完成情况说明", "落实情况", "进展情况", "工作完成情况"),
    "备注": ("指标实际值/备注", "实际值/备注", "备注", "说明"),
    "指标": ("指标", "指标名称"),
    "实际值": ("实际值", "完成值", "实际完成值", "指标实际值"),
    # Columns written for reading only.
    "部分": ("部分",),
    "目标任务": ("目标任务", "任务目标"),
    "工作措施": ("工作措施", "工作举措"),
    "责任科室": ("责任科室", "科室", "责任单位"),
    "目标值": ("目标值", "目标"),
    "分组": ("分组",),
    "配合单位": ("配合单位", "配合科室", "协办单位"),
    "责任领导": ("责任领导", "分管领导"),
    "完成时限": ("完成时限", "时限", "完成时间"),
    "角色": ("角色", "承担方式"),
}
_RESULT_KEYS = ("完成情况", "备注", "实际值")


LEAD, COOPERATING, UNASSIGNED = "牵头", "配合", "未分配"


@dataclass(frozen=True)
class Answer:
    """One department's answer for one item, as collected from its workbook."""

    department: str | None  # None: written on the 全部任务 sheet, for no one department
    result: str | None
    note: str | None = None
    source: str = ""  # the file and cell it came from, as the user named them


@dataclass
class Task:
    """One plan item as a row of the workbook, with its result once merged."""

    number: int  # 序号: 1…N across sections
    section: str
    item: PlanItem
    result: str | None = None
    note: str | None = None
    # The titles of the groups (（一）…) the item stands in under its section, outermost first.
    groups: tuple[str, ...] = ()
    answers: tuple[Answer, ...] = ()  # collected answers, the lead's first

    def role(self, department: str) -> str:
        """牵头 or 配合 for a department named on this item; 未分配 for any other."""
        if department in self.item.departments:
            return LEAD
        return COOPERATING if department in self.item.cooperating else UNASSIGNED

    @property
    def units(self) -> list[str]:
        """Every department on this item, the lead units first."""
        return list(dict.fromkeys([*self.item.departments, *self.item.cooperating]))


@dataclass(frozen=True)
class Problem:
    """A row or sheet of a filled workbook that does not match the plan: reported, not merged."""

    message: str
    location: Location

    def __str__(self) -> str:
        return _("{where}: {message}").format(where=self.location, message=_(self.message))


@dataclass
class Filled:
    """What a filled workbook says: results and notes by item number, actual values by target."""

    results: dict[int, str] = field(default_factory=dict)
    notes: dict[int, str] = field(default_factory=dict)
    actuals: dict[tuple[int, str], float] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # Where only departments' sheets answered an item: each department's answer, lead first.
    answers: dict[int, tuple[Answer, ...]] = field(default_factory=dict)


def departments(tasks: list[Task]) -> list[str]:
    """Every department, lead or co-operating, in order of first mention."""
    return list(dict.fromkeys(d for task in tasks for d in task.units))


def sheet_names(names: list[str]) -> dict[str, str]:
    """A valid, unique Excel sheet name for each department: ≤31 characters, none of []:*?/\\."""
    taken = {ALL_SHEET.casefold(), TARGET_SHEET.casefold(), REVIEW_SHEET.casefold()}
    result = {}
    for name in names:
        base = re.sub(r"[\[\]:*?/\\]", "_", name).strip("'")[:31] or "科室"
        candidate, n = base, 1
        while candidate.casefold() in taken:
            n += 1
            candidate = f"{base[: 31 - len(str(n)) - 1]}_{n}"
        taken.add(candidate.casefold())
        result[name] = candidate
    return result


def _text(paragraphs: list[str | Table]) -> str:
    return "\n".join(p for p in paragraphs if isinstance(p, str) and p)  # tables are not cells


# A sheet to write: its title, column headings, column widths and rows.
_SheetRows = tuple[str, tuple[str, ...], tuple[int, ...], list[list[Any]]]


def write_workbook(
    path: Path, tasks: list[Task], targets: list[Target], reviews: Sequence[Review] = ()
) -> None:
    """Write the collection workbook to ``path``; ``reviews`` (sentences of the new plan to look
    at) go on a 待核对 sheet."""
    sheets: list[_SheetRows] = [(ALL_SHEET, *task_columns(tasks))]
    for name, title in sheet_names(departments(tasks)).items():
        own = [t for t in tasks if name in t.units]
        sheets.append((title, *task_columns(own, department=name)))
    titles = {t.number: t.item.title for t in tasks}
    rows: list[list[Any]] = [
        [t.item, titles.get(t.item, ""), t.indicator, t.written, None, None] for t in targets
    ]
    sheets.append((TARGET_SHEET, TARGET_COLUMNS, TARGET_WIDTHS, rows))
    if reviews:
        sheets.append((REVIEW_SHEET, *_review_columns(reviews)))
    _write_xlsx(path, sheets)


def write_reviews(sheet: Any, reviews: Sequence[Review]) -> None:
    """The 待核对 sheet: where each sentence stands in the new plan, the sentence, and why."""
    _write_sheet(sheet, *_review_columns(reviews))


def _review_columns(
    reviews: Sequence[Review],
) -> tuple[tuple[str, ...], tuple[int, ...], list[list[Any]]]:
    rows = [[r.item, r.where, r.sentence, "；".join(r.reasons)] for r in reviews]
    return ("任务序号", "位置", "句子", "核对原因"), (8, 22, 64, 48), rows


# Columns written only where the plan has them: (heading, width, the cell of a task).
_OPTIONAL: tuple[tuple[str, int, Any], ...] = (
    ("配合单位", 18, lambda t: "、".join(dict.fromkeys(t.item.cooperating))),
    ("责任领导", 12, lambda t: "、".join(dict.fromkeys(t.item.leader))),
    ("完成时限", 14, lambda t: t.item.deadline or ""),
)


def task_columns(
    tasks: list[Task], department: str | None = None
) -> tuple[tuple[str, ...], tuple[int, ...], list[list[Any]]]:
    """The headings, widths and rows of a task sheet: the plan's own columns (groups, co-operating
    units, leader, deadline) only where the plan has them; on a department's sheet, its role."""
    names, widths = list(COLUMNS[:6]), list(WIDTHS[:6])
    cells: list[Any] = [
        lambda t: t.number,
        lambda t: t.section,
        lambda t: t.item.title,
        lambda t: _text(t.item.goal),
        lambda t: _text(t.item.measures),
        lambda t: "、".join(dict.fromkeys(t.item.departments)),
    ]
    if any(t.groups for t in tasks):
        names.insert(2, "分组")
        widths.insert(2, 22)
        cells.insert(2, lambda t: " / ".join(t.groups))
    for name, width, cell in _OPTIONAL:
        if any(cell(t) for t in tasks):
            names.append(name)
            widths.append(width)
            cells.append(cell)
    if department is not None:
        names.append("角色")
        widths.append(8)
        cells.append(lambda t: t.role(department))
    names.extend(COLUMNS[6:])
    widths.extend(WIDTHS[6:])
    cells.extend([lambda t: t.result, lambda t: t.note])
    rows = [[cell(t) for cell in cells] for t in tasks]
    return tuple(names), tuple(widths), rows


def _write_tasks(sheet: Any, tasks: list[Task], department: str | None = None) -> None:
    columns, widths, rows = task_columns(tasks, department)
    _write_sheet(sheet, columns, widths, rows)


def _write_sheet(
    sheet: Any, columns: tuple[str, ...], widths: tuple[int, ...], rows: list[Any]
) -> None:
    """The same sheet as _sheet_xml writes, into an openpyxl worksheet (for collect's books)."""
    from openpyxl.utils import get_column_letter

    header, body = _styles(sheet)
    sheet.append(list(columns))
    for row in rows:
        sheet.append(row)
    # Each cell gets a copy of one prepared style: setting font, fill and alignment cell by cell
    # looks each up in the workbook's style lists again.
    for cell in sheet[1]:
        cell._style = copy(header)
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            cell._style = copy(body)
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "A2"  # the header stays in view while scrolling
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _styles(sheet: Any) -> tuple[Any, Any]:
    """The header and body cell styles, registered in the sheet's workbook: bold on light blue,
    centred and wrapped; body text wrapped at the top of its cell."""
    from openpyxl.cell import Cell
    from openpyxl.styles import Alignment, Font, PatternFill

    header = Cell(sheet)
    header.font = Font(bold=True)
    header.fill = PatternFill("solid", fgColor="DDEBF7")
    header.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    body = Cell(sheet)
    body.alignment = Alignment(vertical="top", wrap_text=True)
    return header._style, body._style


# The workbook is written part by part, like the letterhead: a few sheets of text in two cell
# styles need none of a spreadsheet library's per-cell style bookkeeping or its temporary files,
# which were nearly all of a draft's time. openpyxl reads it back (read_workbook, the tests).

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_HEADER_STYLE, _BODY_STYLE = 1, 2  # indexes into cellXfs below
# Calibri 11 as Excel's default; the header bold on light blue, centred; body text wraps, top.
_STYLES = (
    f'<styleSheet xmlns="{_MAIN}">'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="3"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="00DDEBF7"/></patternFill></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"'
    ' applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
    '<alignment vertical="top" wrapText="1"/></xf></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


def _column(n: int) -> str:
    """1 → A, 26 → Z, 27 → AA."""
    letters = ""
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _cell(ref: str, value: Any, style: int) -> str:
    if value is None or value == "":  # an empty cell, styled for whoever types into it
        return f'<c r="{ref}" s="{style}"/>'
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f'<c r="{ref}" s="{style}"><v>{value!r}</v></c>'
    text = _escape(str(value))
    return f'<c r="{ref}" s="{style}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def _sheet_xml(
    columns: tuple[str, ...], widths: tuple[int, ...], rows: list[list[Any]], first: bool
) -> str:
    letters = [_column(i) for i in range(1, len(columns) + 1)]
    selected = ' tabSelected="1"' if first else ""
    out = [
        f'{_DECLARATION}<worksheet xmlns="{_MAIN}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
        f'<dimension ref="A1:{letters[-1]}{len(rows) + 1}"/>'
        f'<sheetViews><sheetView{selected} workbookViewId="0">'
        # The header stays in view while scrolling.
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
        '<sheetFormatPr defaultRowHeight="15"/><cols>',
        *(
            f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>'
            for i, w in enumerate(widths, start=1)
        ),
        '</cols><sheetData><row r="1">',
        *(_cell(f"{c}1", v, _HEADER_STYLE) for c, v in zip(letters, columns, strict=True)),
        "</row>",
    ]
    for r, row in enumerate(rows, start=2):
        values = [*row, *[None] * (len(letters) - len(row))]
        out.append(f'<row r="{r}">')
        out.extend(_cell(f"{c}{r}", v, _BODY_STYLE) for c, v in zip(letters, values, strict=True))
        out.append("</row>")
    out.append(
        '</sheetData><pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5"'
        ' footer="0.5"/><pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
        "</worksheet>"
    )
    return "".join(out)


def _write_xlsx(path: Path, sheets: list[_SheetRows]) -> None:
    """An .xlsx of ``sheets`` (title, headings, column widths, rows): a styled header row that
    prints on every page, wrapped body text, landscape pages one sheet wide."""
    n = len(sheets)
    types = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{_CT}.worksheet+xml"/>'
        for i in range(1, n + 1)
    )
    sheet_list = "".join(
        f'<sheet name="{_escape(title)}" sheetId="{i}" r:id="rId{i}"/>'
        for i, (title, *_) in enumerate(sheets, start=1)
    )
    # The header row repeats on every printed page.
    titles = "".join(
        f'<definedName name="_xlnm.Print_Titles" localSheetId="{i}">'
        f"{_escape(_quoted(title))}!$1:$1</definedName>"
        for i, (title, *_) in enumerate(sheets)
    )
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, n + 1)
    )
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{_CT}.styles+xml"/>{types}</Types>'
        ),
        "_rels/.rels": (
            f'<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" '
            f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><bookViews><workbookView activeTab="0"/>'
            f"</bookViews><sheets>{sheet_list}</sheets><definedNames>{titles}</definedNames>"
            '<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{_PKG_REL}">{rels}<Relationship Id="rId{n + 1}" '
            f'Type="{_REL}/styles" Target="styles.xml"/></Relationships>'
        ),
        "xl/styles.xml": _STYLES,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, xml in parts.items():
            book.writestr(name, _DECLARATION + xml)
        for i, (_, columns, widths, rows) in enumerate(sheets, start=1):
            book.writestr(f"xl/worksheets/sheet{i}.xml", _sheet_xml(columns, widths, rows, i == 1))


def _escape(text: str) -> str:
    """Text for XML content or a double-quoted attribute."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;")


def _quoted(title: str) -> str:
    """A sheet name as a formula writes it: in single quotes, a quote in it doubled."""
    return "'" + title.replace("'", "''") + "'"


# Reading ------------------------------------------------------------------------------------------


def _key(text: str) -> str:
    """A heading or title compared loosely: no spaces, no line breaks, no trailing 。 or *."""
    return re.sub(r"[\s\u3000*＊]", "", text).rstrip("。").casefold()


@dataclass
class _Cell:
    value: Any
    ref: str  # A1 reference
    number_format: str = "General"


class _Sheet:
    """One sheet's cells as Excel shows them: merged cells resolved, formulas by cached value."""

    def __init__(self, file: Path, values: Any, formulas: Any) -> None:
        self.file = file
        self.title: str = values.title
        self.rows: list[list[_Cell]] = []
        for row in values.iter_rows():
            self.rows.append(
                [
                    _Cell(c.value, c.coordinate, getattr(c, "number_format", None) or "General")
                    for c in row
                ]
            )
        # A formula whose result was never saved (written by a program, not Excel) has no value.
        self.uncached = {
            c.coordinate
            for row in formulas.iter_rows()
            for c in row
            if c.data_type == "f" and values[c.coordinate].value is None
        }
        self.merged = [
            (r.min_row, r.min_col, r.max_row, r.max_col, r.coord)
            for r in values.merged_cells.ranges
        ]

    def where(self, ref: str) -> Location:
        return Location(self.file, cell=f"{self.title}!{ref}")

    def find_header(
        self, needed: tuple[tuple[str, ...], ...], problems: list[Problem]
    ) -> tuple[int, dict[str, int]]:
        """The header row (0-based) among the first rows, and the column of each known heading.

        ``needed`` lists groups of headings of which each must have one. A column whose heading
        is not known but which holds data is reported: its cells are not read.
        """
        for r, row in enumerate(self.rows[:10]):
            columns: dict[str, int] = {}
            unknown: list[_Cell] = []
            for c, cell in enumerate(row):
                if cell.value is None:
                    continue
                name = next(
                    (n for n, aliases in ALIASES.items()
                     if _key(str(cell.value)) in {_key(a) for a in aliases}),
                    None,
                )
                if name is None or name in columns:
                    unknown.append(cell)
                else:
                    columns[name] = c
            if all(any(n in columns for n in group) for group in needed):
                for cell in unknown:
                    col = row.index(cell)
                    if any(col < len(rest) and rest[col].value is not None
                           for rest in self.rows[r + 1 :]):
                        problems.append(
                            Problem(
                                _(
                                    "the column “{column}” is not one edureport reads; "
                                    "its cells were not merged"
                                ).format(column=cell.value),
                                self.where(cell.ref),
                            )
                        )
                return r, columns
        wanted = "、".join(_(" or ").join(group) for group in needed)
        seen = [str(c.value) for c in (self.rows[0] if self.rows else []) if c.value is not None]
        raise DataError(
            _(
                "expected a header row with the columns {wanted} (as written by edureport "
                "draft); the first row has {seen}"
            ).format(wanted=wanted, seen="、".join(seen) or _("nothing")),
            self.where("A1"),
        )

    def resolve_merged(self, header: int, columns: dict[str, int]) -> None:
        """Fill merged cells as Excel shows them; refuse one result spread over several rows."""
        results = {columns[k] for k in _RESULT_KEYS if k in columns}
        for min_row, min_col, max_row, max_col, coord in self.merged:
            if max_row == min_row or min_row - 1 <= header:
                continue  # a merge within one row shows its value once, in its first cell
            if any(min_col - 1 <= col <= max_col - 1 for col in results):
                raise DataError(
                    _(
                        "the merged cells {cells} put one result across rows {first}–{last}; "
                        "unmerge them and write each item's result in its own row"
                    ).format(cells=coord, first=min_row, last=max_row),
                    self.where(coord.split(":")[0]),
                )
            top = self.rows[min_row - 1][min_col - 1]
            for r in range(min_row, max_row):
                if r < len(self.rows) and min_col - 1 < len(self.rows[r]):
                    cell = self.rows[r][min_col - 1]
                    self.rows[r][min_col - 1] = _Cell(top.value, cell.ref, top.number_format)

    def cell(self, row: list[_Cell], column: int | None) -> _Cell | None:
        if column is None or column >= len(row):
            return None
        cell = row[column]
        if cell.ref in self.uncached:
            raise DataError(
                "the cell holds a formula whose result was never saved; open the workbook in "
                "Excel or WPS and save it, or type the value",
                self.where(cell.ref),
            )
        return cell


def shown(cell: _Cell | None) -> str | None:
    """A cell's value as text the way Excel shows it; None when empty."""
    if cell is None or cell.value is None:
        return None
    value = cell.value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, int | float):
        if "%" in cell.number_format:
            return format_value(value * 100, "%")
        return str(int(value)) if float(value).is_integer() else f"{value:g}"
    text = str(value).strip()
    return text or None


def _number(cell: _Cell | None) -> int | None:
    """An item number: 7, 7.0, "7", "007" and " 7 " are all item 7."""
    if cell is None or cell.value is None:
        return None
    value = cell.value
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    text = str(value).strip().translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if re.fullmatch(r"\d+(?:\.0+)?", text):
        return int(float(text))
    return None


def _open(path: Path) -> tuple[Any, Any]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    where = Location(path)
    if not path.is_file():
        raise InputError("no such workbook", where)
    if path.suffix.lower() == ".xls":
        raise InputError("old Excel .xls files are not read; save it as .xlsx first", where)
    if path.name.startswith("~$"):
        raise InputError("this is an Excel lock file (~$…); give the workbook itself", where)
    from .reader import verify_package

    verify_package(path, "xlsx")  # the limits every input package gets
    try:
        values = load_workbook(path, data_only=True)
        formulas = load_workbook(path, data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        message = _("not a readable .xlsx workbook: {why}").format(why=exc)
        raise InputError(message, where) from None
    return values, formulas


class _Match:
    """Finds the plan item a row is about, by 序号 and 工作任务; never by guessing."""

    def __init__(self, tasks: list[Task]) -> None:
        self.by_number = {t.number: t for t in tasks}
        titles: dict[str, list[Task]] = {}
        for t in tasks:
            titles.setdefault(_key(t.item.title), []).append(t)
        self.by_title = titles

    def __call__(self, number: int | None, title: str | None) -> tuple[Task | None, str]:
        if number is not None:
            task = self.by_number.get(number)
            if task is None:
                message = _("序号 {number} is not an item of the plan (1–{last})")
                return None, message.format(number=number, last=len(self.by_number))
            if title is not None and _key(title) != _key(task.item.title):
                message = _("序号 {number} is “{title}” in the plan but the row says “{row}”")
                return None, message.format(number=number, title=task.item.title, row=title)
            return task, ""
        if title is not None:
            found = self.by_title.get(_key(title), [])
            if len(found) == 1:
                return found[0], ""
            if found:
                return None, _("the title “{title}” names several items; give the 序号").format(
                    title=title
                )
            message = _("no item of the plan is titled “{title}” and the row has no 序号")
            return None, message.format(title=title)
        return None, _("the row has neither a 序号 nor a 工作任务")


@dataclass
class _Entry:
    result: str | None
    note: str | None
    where: Location
    department: str | None = None  # None on the 全部任务 sheet


def read_workbook(path: str | Path, tasks: list[Task], targets: list[Target]) -> Filled:
    """Read a filled workbook: every item's result, every target's actual value, every mismatch."""
    path = Path(path)
    values, formulas = _open(path)
    filled = Filled()
    problems = filled.problems
    match = _Match(tasks)
    names = sheet_names(departments(tasks))
    department_of = {title: name for name, title in names.items()}
    if ALL_SHEET not in values.sheetnames:
        raise DataError(
            _("the workbook has no sheet “{sheet}”; its sheets are {sheets}").format(
                sheet=ALL_SHEET, sheets="、".join(values.sheetnames)
            ),
            Location(path),
        )
    entries: dict[int, list[_Entry]] = {}
    for title in values.sheetnames:
        sheet = _Sheet(path, values[title], formulas[title])
        if title == TARGET_SHEET:
            _read_targets(sheet, targets, filled)
            continue
        if title == REVIEW_SHEET:
            continue
        department = department_of.get(title)
        if title != ALL_SHEET and department is None:
            if any(c.value is not None for row in sheet.rows for c in row):
                problems.append(
                    Problem(
                        _(
                            "this sheet is not one edureport wrote (not 全部任务, 目标指标 or a "
                            "department of the plan); its rows were not read"
                        ),
                        Location(path, cell=f"{title}!A1"),
                    )
                )
            continue
        for task, entry in _read_tasks(sheet, match, problems):
            entry.department = department
            if department is not None and department not in task.units:
                problems.append(
                    Problem(
                        _(
                            "item {number} “{title}” is not assigned to {department} on the "
                            "{sheet} sheet; the row was not merged"
                        ).format(
                            number=task.number,
                            title=task.item.title,
                            department=department,
                            sheet=ALL_SHEET,
                        ),
                        entry.where,
                    )
                )
                continue
            entries.setdefault(task.number, []).append(entry)
    for task in tasks:
        _combine(task, entries.get(task.number, []), filled, path)
    return filled


def _read_tasks(
    sheet: _Sheet, match: _Match, problems: list[Problem]
) -> list[tuple[Task, _Entry]]:
    header, columns = sheet.find_header((("序号", "工作任务"), ("完成情况",)), problems)
    sheet.resolve_merged(header, columns)
    found = []
    for row in sheet.rows[header + 1 :]:
        number_cell = sheet.cell(row, columns.get("序号"))
        title = shown(sheet.cell(row, columns.get("工作任务")))
        result_cell = sheet.cell(row, columns.get("完成情况"))
        result = shown(result_cell)
        note = shown(sheet.cell(row, columns.get("备注")))
        if all(c.value is None for c in row):
            continue  # an empty row
        number = _number(number_cell)
        if number is None and number_cell is not None and number_cell.value is not None:
            problems.append(
                Problem(
                    _(
                        "expected an item number in 序号, got “{got}”; the row was not merged"
                    ).format(got=number_cell.value),
                    sheet.where(number_cell.ref),
                )
            )
            continue
        task, why = match(number, title)
        ref = result_cell.ref if result_cell is not None else row[0].ref
        if task is None:
            if result is not None or note is not None:
                message = _("{why}; its result was not merged").format(why=why)
                problems.append(Problem(message, sheet.where(ref)))
            elif number is not None or title is not None:
                message = _("{why}; the row matches no item").format(why=why)
                problems.append(Problem(message, sheet.where(ref)))
            continue
        found.append((task, _Entry(result, note, sheet.where(ref))))
    return found


def _joined(texts: list[str]) -> str:
    """Several departments' texts for one item, in department order, each ending its sentence."""
    parts = [t if t[-1:] in "。；！？.;!?" else t + "。" for t in texts]
    return "".join(parts) if len(parts) > 1 else texts[0]


def _combine(task: Task, entries: list[_Entry], filled: Filled, path: Path) -> None:
    """One result per item: the 全部任务 sheet's, else the departments' sheets' together."""
    main = [e for e in entries if e.department is None]
    order = task.units
    others = sorted(
        (e for e in entries if e.department is not None),
        key=lambda e: order.index(e.department) if e.department in order else len(order),
    )
    for name in ("result", "note"):
        in_main = list(dict.fromkeys(v for e in main if (v := getattr(e, name)) is not None))
        if len(in_main) > 1:
            filled.problems.append(
                Problem(
                    _(
                        "item {number} is on the {sheet} sheet more than once with different "
                        "{column}; neither was merged"
                    ).format(
                        number=task.number,
                        sheet=ALL_SHEET,
                        column="完成情况" if name == "result" else "备注",
                    ),
                    main[0].where,
                )
            )
            continue
        value: str | None = in_main[0] if in_main else None
        from_departments = [
            (e, v) for e in others if (v := getattr(e, name)) is not None
        ]
        if value is not None:
            for entry, v in from_departments:
                if _key(v) != _key(value):
                    filled.problems.append(
                        Problem(
                            _(
                                "the department sheet disagrees with the {sheet} sheet for item "
                                "{number} ({cell}); the {sheet} text was merged"
                            ).format(sheet=ALL_SHEET, number=task.number, cell=main[0].where.cell),
                            entry.where,
                        )
                    )
        elif from_departments:
            value = _joined(list(dict.fromkeys(v for _, v in from_departments)))
            if name == "result":
                filled.answers[task.number] = tuple(
                    Answer(e.department, v, e.note, str(e.where)) for e, v in from_departments
                )
        if value is None:
            continue
        if name == "result":
            filled.results[task.number] = value
        else:
            filled.notes[task.number] = value
    if task.number not in filled.results:
        where = main[0].where if main else Location(path, field=f"{ALL_SHEET} item {task.number}")
        filled.problems.append(
            Problem(
                _("item {number} “{title}” has no result (完成情况)").format(
                    number=task.number, title=task.item.title
                ),
                where,
            )
        )


def _read_targets(sheet: _Sheet, targets: list[Target], filled: Filled) -> None:
    header, columns = sheet.find_header((("指标",), ("实际值",)), filled.problems)
    sheet.resolve_merged(header, columns)
    by_key = {(t.item, _key(t.indicator)): t for t in targets}
    by_indicator: dict[str, list[Target]] = {}
    for t in targets:
        by_indicator.setdefault(_key(t.indicator), []).append(t)
    for row in sheet.rows[header + 1 :]:
        indicator = shown(sheet.cell(row, columns.get("指标")))
        actual_cell = sheet.cell(row, columns.get("实际值"))
        if indicator is None and (actual_cell is None or actual_cell.value is None):
            continue
        ref = actual_cell.ref if actual_cell is not None else row[0].ref
        number = _number(sheet.cell(row, columns.get("序号")))
        target = None
        if indicator is not None:
            if number is not None:
                target = by_key.get((number, _key(indicator)))
            elif len(by_indicator.get(_key(indicator), [])) == 1:
                target = by_indicator[_key(indicator)][0]
        if target is None:
            filled.problems.append(
                Problem(
                    _(
                        "the target “{target}” (任务序号 {number}) is not one found in the "
                        "plan; the row was not merged"
                    ).format(target=indicator or "", number=number),
                    sheet.where(ref),
                )
            )
            continue
        if actual_cell is None or actual_cell.value is None:
            continue
        actual = _actual(actual_cell, target)
        if actual is None:
            raise DataError(
                _(
                    "expected the actual value of “{target}” as a number (like {example}), "
                    "got “{got}”"
                ).format(
                    target=target.indicator,
                    example=format_value(target.value, target.unit),
                    got=shown(actual_cell),
                ),
                sheet.where(actual_cell.ref),
            )
        filled.actuals[target.key] = actual


def _actual(cell: _Cell, target: Target) -> float | None:
    value = cell.value
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        # 93% typed into a percent cell is stored as 0.93: take it as Excel shows it.
        if "%" in cell.number_format and target.unit == "%":
            return float(value) * 100
        return float(value)
    return parse_actual(str(value), target.unit)
