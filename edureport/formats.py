"""How numbers and dates are written: 2021年4月6日, 1,234 · 92% · 4亿 · 1.5万 (numbers by babel).

A leaf of the pipeline: the model (a table's cells as printed) and compose both write through it;
it reads the model's Column for its types only, so the model can import it.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from .vocab import PLACEHOLDER

if TYPE_CHECKING:
    from .model import Column

LOCALE = "zh_CN"


def written_date(date: dt.date | None) -> str:
    """成文日期 as the standard writes it: 2021年4月6日 (Arabic numerals, no leading zeros).
    A date not yet fixed prints as the placeholder that `check` reports."""
    if date is None:
        return PLACEHOLDER
    # The standard's form (7.3: Arabic numerals, full year, no leading zeros) is zh_CN's long date,
    # y年M月d日; written directly, as loading babel's locale data costs a cold build ~15 ms.
    return f"{date.year}年{date.month}月{date.day}日"


def format_number(value: str | int | float | None, column: Column) -> str:
    """A table cell as written: 1,234 · 92% · 4亿 · 1.5万, per the column's format."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    from babel.numbers import format_decimal, format_percent  # only documents with tables

    fmt, decimals = column.format, column.decimals
    if fmt == "text":
        return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    if decimals is None:
        pattern = "#,##0.##"
    if fmt == "percent":
        return str(format_percent(value, format=pattern + "%", locale=LOCALE))
    if fmt in ("万", "亿"):
        scaled = value / (10_000 if fmt == "万" else 100_000_000)
        return str(format_decimal(scaled, format=pattern, locale=LOCALE)) + fmt
    return str(format_decimal(value, format=pattern, locale=LOCALE))
