"""Numbers, dates and table figures as the standard and Chinese usage write them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import body_paragraphs, paragraph_text, style_of

import edureport
from edureport.compose import (
    balance_title,
    chinese_numeral,
    heading_number,
)
from edureport.formats import format_number, written_date
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


def _ems(line: str) -> float:
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in line)


LONG_TITLES = [
    "关于印发承德市教育局2024年度工作要点的通知",  # filled greedily: “…的通” / “知”
    "关于印发承德市教育局2024年工作要点和2023年工作总结的通知",
    "关于做好2023年全市中小学校春季开学疫情防控和安全稳定工作的通知",
    "关于进一步加强中小学生课后服务和校外培训机构规范管理工作的实施意见",
    "关于印发承德市教育局关于全面加强和改进新时代学校卫生与健康教育工作的实施方案的通知",
]


def test_a_title_that_fits_stays_one_line() -> None:
    assert balance_title("关于印发2024年工作要点的通知") == ["关于印发2024年工作要点的通知"]


@pytest.mark.parametrize("title", LONG_TITLES)
def test_long_titles_break_into_even_lines(title: str) -> None:
    lines = balance_title(title)
    assert "".join(lines) == title
    assert len(lines) >= 2
    lengths = [_ems(line) for line in lines]
    assert max(lengths) <= 20  # 20 characters of 二号 fill the 156 mm text block
    assert min(lengths) >= 4  # never a last line of two or three characters
    assert max(lengths) - min(lengths) <= 5
    if len(lines) == 3:  # 梯形 or 菱形, not an hourglass
        assert lengths[1] >= min(lengths[0], lengths[2])


@pytest.mark.parametrize(
    ("title", "whole"),
    [
        ("关于印发承德市教育局2024年度工作要点的通知", "2024年"),
        ("关于做好2023年全市中小学校春季开学疫情防控和安全稳定工作的通知", "开学"),
        ("关于印发某某县教育和体育局2024年工作要点的通知", "体育局"),
        ("关于印发承德市教育局2024年工作要点和2023年工作总结的通知", "2023年"),
    ],
)
def test_words_are_kept_whole(title: str, whole: str) -> None:
    assert any(whole in line for line in balance_title(title))


def test_a_one_string_notice_title_is_built_balanced(tmp_path: Path) -> None:
    data = tmp_path / "notice.yaml"
    data.write_text(
        "notice:\n  organs: [承德市教育局]\n  code: {agency: 承教发, year: 2024, serial: 3}\n"
        "  title: 关于印发承德市教育局2024年度工作要点的通知\n  date: 2024-03-01\n"
        "  body: [现将有关事项通知如下。]\n",
        encoding="utf-8",
    )
    out = edureport.build(data, tmp_path / "n.docx")
    titles = [paragraph_text(p) for p in body_paragraphs(out) if style_of(p) == "GwTitle"]
    assert titles == ["关于印发承德市教育局\n2024年度工作要点的通知"]


def test_a_title_just_too_long_for_one_set_line_is_balanced_not_left_with_one_character() -> None:
    # 18 Chinese characters and 2024 fill 20 ems, but set with the quarter-em spaces Word and
    # LibreOffice put around the digits it no longer fits a 二号 line: seen as “…工作的通” / “知”.
    lines = balance_title("关于开展2024年春季学校安全检查工作的通知")
    assert len(lines) == 2 and "".join(lines) == "关于开展2024年春季学校安全检查工作的通知"
    assert min(len(line) for line in lines) >= 4
