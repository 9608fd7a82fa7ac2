"""One document per row of a table: ``{{ 学校 }}`` in the YAML's text takes each row's value.

The data is never code: a placeholder is a column name between ``{{`` and ``}}`` inside a YAML
*value*, replaced by plain text substitution in the parsed YAML (never in the YAML source, so a
value holding ``"``, ``:`` or a line break cannot change the document's structure), once, with no
evaluation and no second pass (a value holding ``{{ x }}`` prints as written).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError, InputError, Location
from .i18n import _ as _t  # `_` is a throwaway name in this module

PLACEHOLDER = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")


@dataclass
class Row:
    """One row of the table: its number in the sheet (1 is the header) and its cells as text."""

    number: int
    values: dict[str, str]
    cells: dict[str, str]  # column name → cell name (B5), for messages

    def where(self, file: Path, column: str | None = None) -> Location:
        cell = self.cells[column] if column is not None else f"row {self.number}"
        return Location(file, cell=cell)


@dataclass
class Rows:
    file: Path
    columns: list[str]
    rows: list[Row]


def read_rows(path: str | Path) -> Rows:
    """The rows of an .xlsx (first sheet) or .csv, with the first row naming the columns."""
    path = Path(path)
    if not path.is_file():
        raise InputError("no such file", Location(path))
    suffix = path.suffix.lower()
    if suffix == ".csv":
        table = list(_csv_rows(path))
    elif suffix in (".xlsx", ".xlsm"):
        table = list(_xlsx_rows(path))
    else:
        raise InputError(
            _t("expected a .xlsx or .csv table, got {what}").format(what=suffix or _t("a file")),
            Location(path),
        )
    if not table:
        raise DataError(
            "the table is empty; expected a header row naming the columns", Location(path)
        )
    header = table[0]
    columns: list[str] = []
    for c, name in enumerate(header):
        if not name:
            if any(c < len(r) and r[c] for r in table[1:]):
                raise DataError(
                    "this column has values but no name", Location(path, cell=_cell(1, c))
                )
            continue
        if name in columns:
            raise DataError(
                _t("the column name {name} is given twice").format(name=name),
                Location(path, cell=_cell(1, c)),
            )
        columns.append(name)
    rows = []
    for r, record in enumerate(table[1:], start=2):
        if not any(record):
            continue
        values, cells = {}, {}
        for c, name in enumerate(header):
            if name:
                values[name] = record[c] if c < len(record) else ""
                cells[name] = _cell(r, c)
        extra = [c for c in range(len(header), len(record)) if record[c]]
        if extra:
            raise DataError(
                "this cell has a value but its column has no name",
                Location(path, cell=_cell(r, extra[0])),
            )
        rows.append(Row(r, values, cells))
    if not rows:
        raise DataError("the table has a header but no rows", Location(path))
    return Rows(path, columns, rows)


def _cell(row: int, col: int) -> str:
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{row}"


def _csv_rows(path: Path) -> Iterator[list[str]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            for record in csv.reader(fh):
                yield [v.strip() for v in record]
    except UnicodeDecodeError:
        raise InputError(
            "the file is not UTF-8 text; save it as CSV UTF-8", Location(path)
        ) from None
    except csv.Error as exc:
        message = _t("not a readable CSV file: {why}").format(why=exc)
        raise InputError(message, Location(path)) from None


def _xlsx_rows(path: Path) -> Iterator[list[str]]:
    import zipfile

    from openpyxl import load_workbook

    from .reader import verify_package

    verify_package(path, "xlsx")  # the limits every input package gets
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        message = _t("not a readable .xlsx file: {why}").format(why=exc)
        raise InputError(message, Location(path)) from None
    try:
        sheet = book.worksheets[0]
        for record in sheet.iter_rows(values_only=True):
            yield [_text(v) for v in record]
    finally:
        book.close()


def _text(value: Any) -> str:
    """A cell as text: whole numbers without “.0”, dates as 2021-04-06."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.15g}"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def placeholders(node: yaml.Node, path: str = "") -> Iterator[tuple[str, yaml.ScalarNode, str]]:
    """Every placeholder in the YAML's values: (column name, the value's node, field path)."""
    if isinstance(node, yaml.ScalarNode):
        for match in PLACEHOLDER.finditer(node.value):
            yield match.group(1), node, path
    elif isinstance(node, yaml.SequenceNode):
        for i, child in enumerate(node.value):
            yield from placeholders(child, f"{path}[{i}]")
    elif isinstance(node, yaml.MappingNode):
        for key, child in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else "?"
            yield from placeholders(child, f"{path}.{name}" if path else str(name))


def check_placeholders(node: yaml.Node, columns: list[str], file: Path | None) -> set[str]:
    """The columns the YAML uses; an unknown column is an error naming the line and field."""
    used = set()
    for name, scalar, path in placeholders(node):
        if name not in columns:
            raise DataError(
                _t(
                    "the placeholder {placeholder} names no column of the table; "
                    "its columns are {columns}"
                ).format(placeholder=f"{{{{ {name} }}}}", columns=", ".join(columns)),
                Location(file, scalar.start_mark.line + 1, field=path or None),
            )
        used.add(name)
    return used


def fill(node: yaml.Node, values: Mapping[str, str], file: Path | None) -> None:
    """Replace every placeholder in ``node``'s values by the row's text, in place."""
    check_placeholders(node, list(values), file)
    for scalar in {id(s): s for _, s, _ in placeholders(node)}.values():
        whole = PLACEHOLDER.fullmatch(scalar.value.strip())
        scalar.value = substitute(scalar.value, values)
        if whole:
            # A value that is only a placeholder is read as if written there: 3 is a number,
            # 2021-04-06 a date (and text fields take any value as text, 007 included).
            scalar.tag = yaml.resolver.Resolver().resolve(  # type: ignore[no-untyped-call]
                yaml.ScalarNode, scalar.value, (True, False)
            )


def substitute(text: str, values: Mapping[str, str]) -> str:
    """``text`` with each placeholder replaced by its column's value, in one pass."""
    return PLACEHOLDER.sub(lambda m: values[m.group(1)], text)
