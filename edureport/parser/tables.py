"""A table read back: its columns, and numbers as printed (2,380 · 3.2% · 3,860.00万) as numbers."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from ..model import Column, Table
from ..repair import TableUnit as _Table


def read_table(unit: _Table, caption: str | None) -> Table:
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
