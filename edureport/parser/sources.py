"""A source file as lines and tables: a .docx (tables, text boxes, Word's numbering and heading
styles), a .txt (a table is lines of tab-separated cells) or an .xlsx (a task table a sheet)."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from .. import vocab
from ..errors import InputError, Location
from ..i18n import _ as _t  # `_` is a throwaway name in this module
from ..reader import SourceParagraph, W
from ..reader import paragraph_text as _paragraph_text
from ..repair import Line as _Line
from ..repair import TableUnit as _Table
from ..repair import Unit as _Unit

_ARTEFACT = re.compile(r"\[bookmark: [^\]]*\]")
_TAB_SPLIT = re.compile(r"\t+")
_TBL, _P = f"{W}tbl", f"{W}p"


def _where(path: Path, p: SourceParagraph, docx: bool) -> Location:
    return Location.in_source(path, p.index, docx=docx)


def _lines_of(path: Path, p: SourceParagraph, docx: bool) -> list[_Line]:
    where = _where(path, p, docx)
    text = p.text if "[bookmark:" not in p.text else _ARTEFACT.sub("", p.text)
    text = p.number + text  # Word's automatic number is printed text
    if "\n" not in text:
        return [_Line(text, where, p.index, p.style, p.level)]
    return [_Line(line, where, p.index, p.style, p.level) for line in text.split("\n")]


def units_of(path: Path, paragraphs: list[SourceParagraph]) -> list[_Unit]:
    docx = path.suffix.lower() == ".docx"
    units: list[_Unit] = []
    done: set[int] = set()  # ids of tables already read
    tables = _tables_of(paragraphs)
    for p in paragraphs:
        table = tables.get(id(p.element)) if tables else None
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
            inside = [q for q in paragraphs if tables.get(id(q.element)) is table]
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


def _tables_of(paragraphs: list[SourceParagraph]) -> dict[int, etree._Element]:
    """The outermost table each paragraph in a table stands in, by the paragraph's id."""
    first = next((p.element for p in paragraphs if p.element is not None), None)
    if first is None:
        return {}
    found: dict[int, etree._Element] = {}
    # lxml hands out the same element object while one is alive, and ``paragraphs`` keeps
    # each paragraph's alive: the ids found walking the tables are those of the paragraphs
    for table in first.getroottree().getroot().iter(_TBL):
        if next(table.iterancestors(_TBL), None) is None:
            for p in table.iter(_P):
                found[id(p)] = table
    return found


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


def sheet_units(path: Path) -> list[_Unit]:
    """A workbook's sheets as a task table each (任务分解表): a title row of one cell becomes the
    title line; merged cells hold the value of their first cell, as the sheet shows them."""
    import zipfile

    from openpyxl import load_workbook

    where = Location(path)
    if not path.is_file():
        raise InputError("no such file", where)
    from ..reader import verify_package

    verify_package(path, "xlsx")  # the limits every input package gets
    try:
        book = load_workbook(path, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        message = _t("not a readable .xlsx file: {why}").format(why=exc)
        raise InputError(message, where) from None
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
