"""Numbers, dates and table figures as the standard and Chinese usage write them."""

from __future__ import annotations

import datetime as dt

import pytest

from edureport.compose import chinese_numeral, format_number, heading_number, written_date
from edureport.model import Column


@pytest.mark.parametrize(
    ("n", "written"),
    [
        (1, "一"),
        (9, "九"),
        (10, "十"),
        (11, "十一"),
        (19, "十九"),
        (20, "二十"),
        (34, "三十四"),
        (90, "九十"),
        (99, "九十九"),
    ],
)
def test_chinese_numerals(n: int, written: str) -> None:
    assert chinese_numeral(n) == written


@pytest.mark.parametrize("n", [0, 100])
def test_chinese_numerals_out_of_range(n: int) -> None:
    with pytest.raises(ValueError):
        chinese_numeral(n)


@pytest.mark.parametrize(
    ("level", "n", "written"),
    [
        (1, 1, "一、"),
        (1, 12, "十二、"),
        (2, 3, "（三）"),
        (2, 10, "（十）"),
        (3, 34, "34."),
        (4, 2, "（2）"),
    ],
)
def test_heading_numbers(level: int, n: int, written: str) -> None:
    assert heading_number(level, n) == written


@pytest.mark.parametrize(
    ("date", "written"),
    [(dt.date(2021, 4, 6), "2021年4月6日"), (dt.date(2020, 12, 31), "2020年12月31日")],
)
def test_dates_have_no_leading_zeros(date: dt.date, written: str) -> None:
    assert written_date(date) == written


@pytest.mark.parametrize(
    ("value", "column", "written"),
    [
        (1234567, Column("n", "number"), "1,234,567"),
        (1234.5, Column("n", "number", 2), "1,234.50"),
        (0.92, Column("n", "percent"), "92%"),
        (0.0319, Column("n", "percent", 1), "3.2%"),
        (400_000_000, Column("n", "亿"), "4亿"),
        (15_000, Column("n", "万"), "1.5万"),
        (38_600_000, Column("n", "万", 2), "3,860.00万"),
        (2456.0, Column("n"), "2456"),
        ("待定", Column("n", "number"), "待定"),
        (None, Column("n", "number"), ""),
    ],
)
def test_table_numbers(value: float | str | None, column: Column, written: str) -> None:
    assert format_number(value, column) == written
