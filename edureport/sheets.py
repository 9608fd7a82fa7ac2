"""Read table rows from a sheet of an .xlsx or from a .csv, through pandas, as Excel shows them."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from .errors import DataError, Location
from .model import Column, Table


def _cell_name(row: int, col: int) -> str:
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{row}"


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


def read_table(table: Table, base: Path, where: Location) -> None:
    """Fill ``table.rows`` (and its columns, if the data gives none) from ``table.source``."""
    import pandas as pd

    assert table.source is not None
    path = base / table.source
    file_where = Location(where.file, where.line, field=f"{where.field}.source")
    if not path.is_file():
        raise DataError(f"the table's data file {table.source} does not exist", file_where)
    try:
        if path.suffix.lower() == ".csv":
            frame = pd.read_csv(path, dtype=object, encoding="utf-8-sig", keep_default_na=False)
            frame = frame.replace("", None)
        elif path.suffix.lower() in (".xlsx", ".xlsm"):
            sheet: str | int = table.sheet if table.sheet is not None else 0
            frame = pd.read_excel(path, sheet_name=sheet, dtype=object, engine="openpyxl")
        else:
            raise DataError(f"expected a .xlsx or .csv file, got {table.source}", file_where)
    except (ValueError, KeyError) as exc:
        raise DataError(f"cannot read {table.source}: {exc}", file_where) from None
    except UnicodeDecodeError:
        raise DataError(f"{table.source} is not UTF-8 text; save it as UTF-8", file_where) from None
    header = [str(c).strip() for c in frame.columns]
    if table.columns:
        wanted = [c.name for c in table.columns]
        missing = [name for name in wanted if name not in header]
        if missing:
            raise DataError(
                f"the sheet has no column {', '.join(missing)}; "
                f"its columns are {', '.join(header)}",
                Location(path, cell="row 1", field=f"{where.field}.columns"),
            )
        frame = frame[[frame.columns[header.index(name)] for name in wanted]]
    else:
        table.columns = [Column(name=name) for name in header]
    rows: list[list[str | int | float | None]] = []
    for r, record in enumerate(frame.itertuples(index=False), start=2):
        row = [_value(v) for v in record]
        if all(v is None for v in row):
            continue
        for c, (value, column) in enumerate(zip(row, table.columns, strict=True)):
            if column.format != "text" and isinstance(value, str):
                try:
                    row[c] = float(value.replace(",", "").rstrip("%")) / (
                        100 if value.endswith("%") else 1
                    )
                except ValueError:
                    raise DataError(
                        f"expected a number in column {column.name}, got “{value}”",
                        Location(path, cell=_cell_name(r, c)),
                    ) from None
        rows.append(row)
    table.rows = rows
