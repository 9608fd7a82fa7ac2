"""Writing the results workbook (results.xlsx) and the sheets of the departments' workbooks.

``write_workbook`` writes results.xlsx part by part as XML; ``write_sheet`` writes the same sheet
(styled header, wrapped text, frozen header, landscape print) into an openpyxl worksheet, for the
workbooks that also need what only openpyxl makes (a chart, a guide sheet).
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from copy import copy
from pathlib import Path
from typing import Any

from ..review import Review
from ..targets import Target
from .layout import (
    ALL_SHEET,
    REVIEW_SHEET,
    TARGET_SHEET,
    Task,
    assigned,
    departments,
    review_columns,
    sheet_names,
    target_columns,
    task_columns,
)

# A sheet to write: its title, column headings, column widths and rows.
_SheetRows = tuple[str, tuple[str, ...], tuple[int, ...], list[list[Any]]]


def write_workbook(
    path: Path, tasks: list[Task], targets: list[Target], reviews: Sequence[Review] = ()
) -> None:
    """Write the collection workbook to ``path``; ``reviews`` (sentences of the new plan to look
    at) go on a 待核对 sheet."""
    sheets: list[_SheetRows] = [(ALL_SHEET, *task_columns(tasks))]
    for name, title in sheet_names(departments(tasks)).items():
        sheets.append((title, *task_columns(assigned(tasks, name), department=name)))
    sheets.append((TARGET_SHEET, *target_columns(targets, tasks)))
    if reviews:
        sheets.append((REVIEW_SHEET, *review_columns(reviews)))
    _write_xlsx(path, sheets)


def write_reviews(sheet: Any, reviews: Sequence[Review]) -> None:
    """The 待核对 sheet: where each sentence stands in the new plan, the sentence, and why."""
    write_sheet(sheet, *review_columns(reviews))


def write_task_sheet(sheet: Any, tasks: list[Task], department: str | None = None) -> None:
    """A task sheet (all items, or a department's with its role) into an openpyxl worksheet."""
    write_sheet(sheet, *task_columns(tasks, department))


def write_target_sheet(sheet: Any, targets: list[Target], tasks: list[Task]) -> None:
    """The 目标指标 sheet into an openpyxl worksheet."""
    write_sheet(sheet, *target_columns(targets, tasks))


def write_sheet(
    sheet: Any, columns: tuple[str, ...], widths: tuple[int, ...], rows: list[Any]
) -> None:
    """The same sheet as write_workbook writes, into an openpyxl worksheet (for collect's books)."""
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
    """1 → A, 26 → Z, 27 → AA (openpyxl's get_column_letter, without importing openpyxl)."""
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
