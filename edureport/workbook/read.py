"""Reading a filled results workbook back, as Excel shows it, into results by item.

Reading accepts what people do to a workbook (renamed columns, a title row, merged cells, numbers
typed as text, IDs like 007, empty rows); what cannot be read without guessing is an error naming
the sheet and cell, and what does not match the plan is kept as a :class:`~edureport.errors.Problem`
by sheet and row. ``open_workbook``, ``Sheet``, ``Match``, ``read_tasks`` and ``read_targets`` are
the steps, for readers of other workbooks made of the same sheets (collect's returned ones).
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import cells
from ..errors import DataError, InputError, Location, Problem
from ..i18n import _
from ..targets import Target, format_value, parse_actual
from .layout import (
    ALIASES,
    ALL_SHEET,
    RESULT_KEYS,
    REVIEW_SHEET,
    TARGET_SHEET,
    Answer,
    Task,
    departments,
    sheet_names,
)


@dataclass
class Filled:
    """What a filled workbook says: results and notes by item number, actual values by target."""

    results: dict[int, str] = field(default_factory=dict)
    notes: dict[int, str] = field(default_factory=dict)
    actuals: dict[tuple[int, str], float] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # Where only departments' sheets answered an item: each department's answer, lead first.
    answers: dict[int, tuple[Answer, ...]] = field(default_factory=dict)


def _key(text: str) -> str:
    """A heading or title compared loosely: no spaces, no line breaks, no trailing 。 or *."""
    return re.sub(r"[\s\u3000*＊]", "", text).rstrip("。").casefold()


@dataclass
class Cell:
    """One cell as read: its value (a formula's saved result), its A1 reference, its format."""

    value: Any
    ref: str  # A1 reference
    number_format: str = "General"


class Sheet:
    """One sheet's cells as Excel shows them: merged cells resolved, formulas by cached value."""

    def __init__(self, file: Path, values: Any, formulas: Any) -> None:
        self.file = file
        self.title: str = values.title
        self.rows: list[list[Cell]] = []
        for row in values.iter_rows():
            self.rows.append(
                [
                    Cell(c.value, c.coordinate, getattr(c, "number_format", None) or "General")
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
        """The location of the cell ``ref`` on this sheet."""
        return Location(self.file, cell=f"{self.title}!{ref}")

    @property
    def blank(self) -> bool:
        """Whether no cell of the sheet holds anything."""
        return all(c.value is None for row in self.rows for c in row)

    def find_header(
        self, needed: tuple[tuple[str, ...], ...], problems: list[Problem]
    ) -> tuple[int, dict[str, int]]:
        """The header row (0-based) among the first rows, and the column of each known heading.

        ``needed`` lists groups of headings of which each must have one. A column whose heading
        is not known but which holds data is reported: its cells are not read.
        """
        for r, row in enumerate(self.rows[:10]):
            columns: dict[str, int] = {}
            unknown: list[Cell] = []
            for c, cell in enumerate(row):
                if cell.value is None:
                    continue
                name = next(
                    (
                        n
                        for n, aliases in ALIASES.items()
                        if _key(str(cell.value)) in {_key(a) for a in aliases}
                    ),
                    None,
                )
                if name is None or name in columns:
                    unknown.append(cell)
                else:
                    columns[name] = c
            if all(any(n in columns for n in group) for group in needed):
                for cell in unknown:
                    col = row.index(cell)
                    if any(
                        col < len(rest) and rest[col].value is not None
                        for rest in self.rows[r + 1 :]
                    ):
                        problems.append(
                            Problem(
                                self.where(cell.ref),
                                _(
                                    "the column “{column}” is not one edureport reads; "
                                    "its cells were not merged"
                                ).format(column=cell.value),
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
        results = {columns[k] for k in RESULT_KEYS if k in columns}
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
                    self.rows[r][min_col - 1] = Cell(top.value, cell.ref, top.number_format)

    def cell(self, row: list[Cell], column: int | None) -> Cell | None:
        """The cell of ``row`` in ``column`` (None: no such column); a formula never saved is an
        error naming the cell."""
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


def shown(cell: Cell | None) -> str | None:
    """A cell's value as text the way Excel shows it; None when empty. A percentage keeps the
    target's way of writing it (93%); anything else is shown as in a General cell."""
    if cell is None or cell.value is None:
        return None
    value = cell.value
    if isinstance(value, int | float) and not isinstance(value, bool) and "%" in cell.number_format:
        return format_value(value * 100, "%")
    if isinstance(value, bool | int | float | dt.datetime | dt.date | dt.time):
        return cells.shown(value, "General")
    return str(value).strip() or None


def item_number(cell: Cell | None) -> int | None:
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


def open_workbook(path: Path) -> tuple[Any, Any]:
    """The workbook at ``path`` twice, by saved values and by formulas (openpyxl); a file that is
    not a readable .xlsx is an error naming it."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    where = Location(path)
    if not path.is_file():
        raise InputError("no such workbook", where)
    if path.suffix.lower() == ".xls":
        raise InputError("old Excel .xls files are not read; save it as .xlsx first", where)
    if path.name.startswith("~$"):
        raise InputError("this is an Excel lock file (~$…); give the workbook itself", where)
    from ..reader import verify_package

    verify_package(path, "xlsx")  # the limits every input package gets
    try:
        values = load_workbook(path, data_only=True)
        formulas = load_workbook(path, data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        message = _("not a readable .xlsx workbook: {why}").format(why=exc)
        raise InputError(message, where) from None
    return values, formulas


class Match:
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
class Entry:
    """One task row's result and note, and where the row is."""

    result: str | None
    note: str | None
    where: Location
    department: str | None = None  # None on the 全部任务 sheet


def read_workbook(path: str | Path, tasks: list[Task], targets: list[Target]) -> Filled:
    """Read a filled workbook: every item's result, every target's actual value, every mismatch."""
    path = Path(path)
    values, formulas = open_workbook(path)
    filled = Filled()
    problems = filled.problems
    match = Match(tasks)
    names = sheet_names(departments(tasks))
    department_of = {title: name for name, title in names.items()}
    if ALL_SHEET not in values.sheetnames:
        raise DataError(
            _("the workbook has no sheet “{sheet}”; its sheets are {sheets}").format(
                sheet=ALL_SHEET, sheets="、".join(values.sheetnames)
            ),
            Location(path),
        )
    entries: dict[int, list[Entry]] = {}
    for title in values.sheetnames:
        sheet = Sheet(path, values[title], formulas[title])
        if title == TARGET_SHEET:
            read_targets(sheet, targets, filled)
            continue
        if title == REVIEW_SHEET:
            continue
        department = department_of.get(title)
        if title != ALL_SHEET and department is None:
            if not sheet.blank:
                problems.append(
                    Problem(
                        Location(path, cell=f"{title}!A1"),
                        _(
                            "this sheet is not one edureport wrote (not 全部任务, 目标指标 or a "
                            "department of the plan); its rows were not read"
                        ),
                    )
                )
            continue
        for task, entry in read_tasks(sheet, match, problems):
            entry.department = department
            if department is not None and department not in task.units:
                problems.append(
                    Problem(
                        entry.where,
                        _(
                            "item {number} “{title}” is not assigned to {department} on the "
                            "{sheet} sheet; the row was not merged"
                        ).format(
                            number=task.number,
                            title=task.item.title,
                            department=department,
                            sheet=ALL_SHEET,
                        ),
                    )
                )
                continue
            entries.setdefault(task.number, []).append(entry)
    for task in tasks:
        _combine(task, entries.get(task.number, []), filled, path)
    return filled


def read_tasks(sheet: Sheet, match: Match, problems: list[Problem]) -> list[tuple[Task, Entry]]:
    """The task rows of ``sheet`` matched to the plan's items; rows that match none go to
    ``problems``."""
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
        number = item_number(number_cell)
        if number is None and number_cell is not None and number_cell.value is not None:
            problems.append(
                Problem(
                    sheet.where(number_cell.ref),
                    _(
                        "expected an item number in 序号, got “{got}”; the row was not merged"
                    ).format(got=number_cell.value),
                )
            )
            continue
        task, why = match(number, title)
        ref = result_cell.ref if result_cell is not None else row[0].ref
        if task is None:
            if result is not None or note is not None:
                message = _("{why}; its result was not merged").format(why=why)
                problems.append(Problem(sheet.where(ref), message))
            elif number is not None or title is not None:
                message = _("{why}; the row matches no item").format(why=why)
                problems.append(Problem(sheet.where(ref), message))
            continue
        found.append((task, Entry(result, note, sheet.where(ref))))
    return found


def _joined(texts: list[str]) -> str:
    """Several departments' texts for one item, in department order, each ending its sentence."""
    parts = [t if t[-1:] in "。；！？.;!?" else t + "。" for t in texts]
    return "".join(parts) if len(parts) > 1 else texts[0]


def _combine(task: Task, entries: list[Entry], filled: Filled, path: Path) -> None:
    """One result per item: the 全部任务 sheet's, else the departments' sheets' together."""
    main = [e for e in entries if e.department is None]
    others = sorted(
        (e for e in entries if e.department is not None), key=lambda e: task.rank(e.department)
    )
    for name in ("result", "note"):
        in_main = list(dict.fromkeys(v for e in main if (v := getattr(e, name)) is not None))
        if len(in_main) > 1:
            filled.problems.append(
                Problem(
                    main[0].where,
                    _(
                        "item {number} is on the {sheet} sheet more than once with different "
                        "{column}; neither was merged"
                    ).format(
                        number=task.number,
                        sheet=ALL_SHEET,
                        column="完成情况" if name == "result" else "备注",
                    ),
                )
            )
            continue
        value: str | None = in_main[0] if in_main else None
        from_departments = [(e, v) for e in others if (v := getattr(e, name)) is not None]
        if value is not None:
            for entry, v in from_departments:
                if _key(v) != _key(value):
                    filled.problems.append(
                        Problem(
                            entry.where,
                            _(
                                "the department sheet disagrees with the {sheet} sheet for item "
                                "{number} ({cell}); the {sheet} text was merged"
                            ).format(sheet=ALL_SHEET, number=task.number, cell=main[0].where.cell),
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
                where,
                _("item {number} “{title}” has no result (完成情况)").format(
                    number=task.number, title=task.item.title
                ),
            )
        )


def read_targets(sheet: Sheet, targets: list[Target], filled: Filled) -> None:
    """The 目标指标 sheet's actual values into ``filled``, by target."""
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
        number = item_number(sheet.cell(row, columns.get("序号")))
        target = None
        if indicator is not None:
            if number is not None:
                target = by_key.get((number, _key(indicator)))
            elif len(by_indicator.get(_key(indicator), [])) == 1:
                target = by_indicator[_key(indicator)][0]
        if target is None:
            filled.problems.append(
                Problem(
                    sheet.where(ref),
                    _(
                        "the target “{target}” (任务序号 {number}) is not one found in the "
                        "plan; the row was not merged"
                    ).format(target=indicator or "", number=number),
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


def _actual(cell: Cell, target: Target) -> float | None:
    value = cell.value
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        # 93% typed into a percent cell is stored as 0.93: take it as Excel shows it.
        if "%" in cell.number_format and target.unit == "%":
            return float(value) * 100
        return float(value)
    return parse_actual(str(value), target.unit)
