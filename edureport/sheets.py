"""Read table rows from a sheet of an .xlsx (openpyxl) or from a .csv (pandas), as Excel shows
them, each cell checked and named in errors."""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

from .cells import shown
from .errors import DataError, Location
from .i18n import _ as _t  # `_` is a throwaway name in this module
from .loader import text_problem
from .model import Column, Table


def _cell_name(row: int, col: int) -> str:
    """A1-style name of the cell in ``row`` (from 1) and column ``col`` (from 0)."""
    from openpyxl.utils import get_column_letter

    return f"{get_column_letter(col + 1)}{row}"


def _value(value: Any) -> str | int | float | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return value
    if hasattr(value, "item"):  # numpy scalar
        return _value(value.item())
    return str(value).strip() or None


_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _unescape(value: Any) -> Any:
    """Text as Excel shows it: the workbook writes a control character as _x000B_ (and _x005F_
    for an underscore that would start one), which openpyxl leaves as it is."""
    if isinstance(value, str) and "_x" in value:
        return _ESCAPED.sub(lambda m: chr(int(m[1], 16)), value)
    return value


def _xlsx(path: Path, sheet: str | None, where: Location) -> tuple[list[Any], list[list[Any]]]:
    """The header and the rows of a sheet, each cell as (value, number format, reference)."""
    from openpyxl import load_workbook

    from .reader import verify_package

    verify_package(path, "xlsx")  # the limits every input package gets, before openpyxl reads it
    try:
        book = load_workbook(path, data_only=True)
        if sheet is not None and sheet not in book.sheetnames:
            raise DataError(
                _t("the workbook has no sheet “{sheet}”; its sheets are {sheets}").format(
                    sheet=sheet, sheets="、".join(book.sheetnames)
                ),
                where,
            )
        values = book[sheet] if sheet is not None else book.worksheets[0]
        cells = [list(row) for row in values.iter_rows()]
        # A formula whose result was never saved reads as empty: find those, to name them.
        formulas: set[str] = set()
        if any(c.value is None for row in cells for c in row):
            formula_book = load_workbook(path, data_only=False)
            for row in formula_book[values.title].iter_rows():
                formulas.update(c.coordinate for c in row if c.data_type == "f")
    except DataError:
        raise
    except Exception as exc:  # openpyxl raises many kinds on a damaged workbook
        message = _t("cannot read {file}: {why}").format(file=path.name, why=exc)
        raise DataError(message, where) from None
    rows = [
        [(_unescape(c.value), c.number_format, c.coordinate, c.coordinate in formulas) for c in row]
        for row in cells
    ]
    if not rows:
        return [], []
    return rows[0], rows[1:]


def _csv(path: Path, where: Location) -> tuple[list[Any], list[list[Any]]]:
    import pandas as pd

    try:
        frame = pd.read_csv(path, dtype=object, encoding="utf-8-sig", keep_default_na=False)
    except UnicodeDecodeError:
        message = _t("{file} is not UTF-8 text; save it as UTF-8").format(file=path.name)
        raise DataError(message, where) from None
    except (ValueError, KeyError, OSError) as exc:
        message = _t("cannot read {file}: {why}").format(file=path.name, why=exc)
        raise DataError(message, where) from None
    header = [(str(c), "@", _cell_name(1, i), False) for i, c in enumerate(frame.columns)]
    rows = [
        [(v or None, "@", _cell_name(r, c), False) for c, v in enumerate(record)]
        for r, record in enumerate(frame.itertuples(index=False), start=2)
    ]
    return header, rows


def _text(cell: tuple[Any, str, str, bool], path: Path) -> str | int | float | None:
    """A cell as the sheet shows it (text), checked like any text of the document."""
    value, number_format, ref, formula = cell
    where = Location(path, cell=ref)
    if value is None and formula:
        raise DataError(
            "the cell holds a formula whose result was never saved; open the workbook in Excel "
            "or WPS and save it, or type the value",
            where,
        )
    try:
        text = shown(value, number_format)
    except ValueError as exc:
        raise DataError(
            _t(
                "the cell's number format “{format}” cannot be shown here ({why}); format "
                "the cell as General or Number, or give the column a format in the data"
            ).format(format=number_format, why=exc),
            where,
        ) from None
    if text is None:
        return None
    text = text.replace("\r\n", "\n").strip()
    problem = text_problem(text)
    if problem:
        raise DataError(problem, where)
    return text or None


def read_table(table: Table, base: Path, where: Location) -> None:
    """Fill ``table.rows`` (and its columns, if the data gives none) from ``table.source``.

    Text columns take each cell as the sheet shows it (007, 50%, 2021年4月6日); number columns
    take the number, to write it in the column's format."""
    assert table.source is not None
    path = base / table.source
    file_where = Location(where.file, where.line, field=f"{where.field}.source")
    if not path.is_file():
        message = _t("the table's data file {file} does not exist").format(file=table.source)
        raise DataError(message, file_where)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        header_cells, body = _csv(path, file_where)
    elif suffix in (".xlsx", ".xlsm"):
        header_cells, body = _xlsx(path, table.sheet, file_where)
    else:
        message = _t("expected a .xlsx or .csv file, got {file}").format(file=table.source)
        raise DataError(message, file_where)
    header = [str(_text(c, path) or f"Unnamed: {i}") for i, c in enumerate(header_cells)]
    if table.columns:
        wanted = [c.name for c in table.columns]
        missing = [name for name in wanted if name not in header]
        if missing:
            raise DataError(
                _t("the sheet has no column {missing}; its columns are {columns}").format(
                    missing=", ".join(missing), columns=", ".join(header)
                ),
                Location(path, cell="row 1", field=f"{where.field}.columns"),
            )
        picks = [header.index(name) for name in wanted]
    else:
        picks = [i for i, name in enumerate(header) if not name.startswith("Unnamed: ")]
        table.columns = [Column(name=header[i]) for i in picks]
    rows: list[list[str | int | float | None]] = []
    for record in body:
        cells = [record[i] if i < len(record) else (None, "General", "", False) for i in picks]
        if all(c[0] is None and not c[3] for c in cells):
            continue
        row: list[str | int | float | None] = []
        for cell, column in zip(cells, table.columns, strict=True):
            if column.format == "text":
                row.append(_text(cell, path))
            else:
                row.append(_number(cell, column, path))
        rows.append(row)
    table.rows = rows


def _number(cell: tuple[Any, str, str, bool], column: Column, path: Path) -> float | int | None:
    value, _, ref, _formula = cell
    if value is None:
        return _text(cell, path)  # type: ignore[return-value]  # None, or the formula refused
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _value(value)  # type: ignore[return-value]
    text = str(value).strip()
    try:
        number = float(text.replace(",", "").rstrip("%"))
    except ValueError:
        raise DataError(
            _t("expected a number in column {column}, got “{text}”").format(
                column=column.name, text=text
            ),
            Location(path, cell=ref),
        ) from None
    return number / 100 if text.endswith("%") else number
