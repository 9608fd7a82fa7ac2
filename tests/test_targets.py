"""Numeric targets recognised in plan text, and their status once the actual values are in."""

from __future__ import annotations

import pytest
from conftest import seed_paragraphs

from edureport.targets import (
    Target,
    find_targets,
    format_value,
    parse_actual,
    statuses,
    target_table,
)


def test_the_five_targets_of_the_seed_plan_are_found() -> None:
    # The 2021 plan's paragraphs are the ones after its title in the real document.
    paragraphs = seed_paragraphs()
    plan = paragraphs[paragraphs.index("2021年工作要点") :]
    found = {
        (t.indicator, t.comparison, t.value, t.unit) for text in plan for t in find_targets(text)
    }
    assert ("学前三年毛入园率", "达到", 92, "%") in found
    assert ("新增省级示范性幼儿园", "", 10, "所") in found
    assert ("高中阶段毛入学率", "达到", 93, "%") in found
    assert ("培养新型职业农民", "以上", 1500, "人") in found
    assert ("学生资助资金", "", 4, "亿元") in found


def test_a_target_keeps_the_words_it_was_found_in() -> None:
    text = "持续加强教育扶贫力度，2021年计划落实学生资助资金4亿元，资助各级各类学生130万人次，确保应助尽助。"
    targets = find_targets(text, item=30)
    assert [t.text for t in targets] == ["学生资助资金4亿元", "资助各级各类学生130万人次"]
    assert [t.unit for t in targets] == ["亿元", "万人次"]
    assert all(t.item == 30 for t in targets)
    assert text[targets[0].start : targets[0].end] == "学生资助资金4亿元"


def test_numbers_that_are_not_targets_are_left_alone() -> None:
    # a year, a number inside a phrase, a ratio, a span of years, a number before its noun
    text = (
        "2021年秋季学期开设劳动教育课程，让每个学生掌握2项运动技能，确保职普招生结构比不低于4：6，"
        "落实《计划（2020-2022 年）》，60%幼儿园达到一类园标准。"
    )
    assert find_targets(text) == []


@pytest.mark.parametrize(
    ("text", "comparison", "written"),
    [
        ("入学率达到98%。", "达到", "达到98%"),
        ("培训教师500人以上。", "以上", "500人以上"),
        ("超标班控制在0.5%以内。", "控制在…以内", "控制在0.5%以内"),
        ("巩固率不低于98.6%，", "不低于", "不低于98.6%"),
        ("认定普惠园10所", "", "10所"),
    ],
)
def test_comparison_and_target_as_written(text: str, comparison: str, written: str) -> None:
    (target,) = find_targets(text)
    assert target.comparison == comparison
    assert target.written == written


def test_values_are_written_as_the_plan_writes_them() -> None:
    assert format_value(92, "%") == "92%"
    assert format_value(0.58, "%") == "0.58%"
    assert format_value(1500, "人") == "1500人"
    assert format_value(4, "亿元") == "4亿元"
    assert format_value(4.92, "亿元") == "4.92亿元"


@pytest.mark.parametrize(
    ("typed", "unit", "value"),
    [
        ("93%", "%", 93),
        ("93", "%", 93),
        ("93 ％", "%", 93),
        ("1,600人", "人", 1600),
        ("4.2亿元", "亿元", 4.2),
        ("42000万元", "亿元", 4.2),
        ("4.2亿", "亿元", 4.2),
        ("1350000人次", "万人次", 135),
        ("约九成", "%", None),
        ("1600人次", "人", None),
    ],
)
def test_actual_values_typed_as_text(typed: str, unit: str, value: float | None) -> None:
    actual = parse_actual(typed, unit)
    assert actual == (None if value is None else pytest.approx(value))


def _target(value: float, comparison: str, actual: float | None, unit: str = "%") -> Target:
    return Target(1, "指标", comparison, value, unit, "", actual=actual)


def test_status_complete_incomplete_exceeded() -> None:
    targets = [
        _target(92, "达到", 92),  # met exactly
        _target(92, "达到", 91.5),  # short
        _target(92, "达到", 95),  # beyond
        _target(1500, "以上", 1500, "人"),
        _target(0.5, "控制在…以内", 0.4),  # a ceiling kept
        _target(0.5, "控制在…以内", 0.6),  # a ceiling broken
        _target(10, "", None, "所"),  # not reported yet
    ]
    assert statuses(targets) == ["完成", "未完成", "超额", "完成", "完成", "未完成", ""]


def test_values_equal_as_written_are_met() -> None:
    # 92.0000001 is written 92%: met, not exceeded; under a ceiling 0.5000001 is within 0.5.
    targets = [_target(92, "达到", 92.0000001), _target(0.5, "控制在…以内", 0.5000001)]
    assert statuses(targets) == ["完成", "完成"]


def test_the_summary_table_reads_target_actual_status() -> None:
    targets = [_target(92, "达到", 95), _target(4, "", 4.2, "亿元"), _target(10, "", None, "所")]
    table = target_table(targets)
    assert [c.name for c in table.columns] == ["指标", "目标", "完成", "状态"]
    assert table.rows == [
        ["指标", "达到92%", "95%", "超额"],
        ["指标", "4亿元", "4.2亿元", "超额"],
        ["指标", "10所", "", ""],
    ]
