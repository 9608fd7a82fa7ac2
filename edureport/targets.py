"""Numeric targets in plan text (学前三年毛入园率达到92%), their status once results are in.

A target is an indicator, a comparison as written (达到, 不低于, …以上), a value and its unit, found
at the end of a clause. Number-first phrases (60%幼儿园达到一类园标准) and ratios (4：6) are not
targets here: only what a result can be compared with, number to number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .formats import LOCALE
from .model import Column, Table

_BEFORE = "达到|不低于|不少于|不超过|不高于|超过|高于|低于|保持在|控制在|提高到|提升到|增加到"
_AFTER = "以上|以内|以下|左右"
# Longest first, so that 万人次 is not read as 万 + 人次.
UNITS = (
    "个百分点",
    "万平方米",
    "平方米",
    "万人次",
    "人次",
    "万人",
    "亿元",
    "万元",
    "元",
    "%",
    "％",
    "所",
    "人",
    "名",
    "个",
    "项",
    "家",
    "场",
    "次",
    "节",
    "台",
    "公里",
)
_UNIT = "|".join(re.escape(u) for u in UNITS)
_TARGET = re.compile(
    rf"(?P<indicator>[^，。；、：:,;！？!?\s“”‘’（）()《》]{{2,40}}?)"
    rf"(?P<before>{_BEFORE})?"
    rf"(?P<value>\d+(?:\.\d+)?)(?P<unit>{_UNIT})"
    rf"(?P<after>{_AFTER})?"
    # The number ends its clause: "掌握2项运动技能" is not a target, "认定普惠园10所，" is.
    rf"(?=[，。；、,;）)]|$)"
)
# What every target ends with: a digit, its unit, maybe 以上…, then the end of a clause. Most
# paragraphs have none, and this finds that without trying an indicator at every character.
_ENDING = re.compile(rf"\d(?:{_UNIT})(?:{_AFTER})?(?=[，。；、,;）)]|$)")
# Words that start a clause but are not part of what is measured.
_LEAD = re.compile(r"^(?:\d{4}\s*年(?:底|内|前)?|计划|力争|确保|落实|实现|全年|努力|并|使)")
_AT_MOST = ("不超过", "不高于", "低于", "控制在", "以内", "以下")

COMPLETE, INCOMPLETE, EXCEEDED = "完成", "未完成", "超额"


@dataclass
class Target:
    """One numeric target of a plan item, and the actual value once results are merged."""

    item: int  # the plan item's number, 1…N across sections
    indicator: str  # 学前三年毛入园率
    comparison: str  # as written: 达到, 以上, 不低于 (empty when the text has none)
    value: float
    unit: str  # %, 所, 人, 亿元, …
    text: str  # the words as found: 学前三年毛入园率达到92%
    start: int = 0  # where ``text`` stands in its paragraph, for marking it
    end: int = 0
    actual: float | None = None

    @property
    def at_most(self) -> bool:
        """True for a ceiling (控制在…以内): lower is better."""
        return any(word in self.comparison for word in _AT_MOST)

    @property
    def written(self) -> str:
        """The target as the plan writes it: 达到92%, 1500人以上, 10所."""
        before, _, after = self.comparison.partition("…")
        if self.comparison in _AFTER.split("|"):
            before, after = "", self.comparison
        return f"{before}{format_value(self.value, self.unit)}{after}"

    @property
    def key(self) -> tuple[int, str]:
        return (self.item, self.indicator)


def find_targets(text: str, item: int = 0) -> list[Target]:
    """The numeric targets written in ``text`` (one paragraph), in order."""
    found: list[Target] = []
    if _ENDING.search(text) is None:
        return found
    for match in _TARGET.finditer(text):
        indicator = match["indicator"]
        while (lead := _LEAD.match(indicator)) and lead.end() < len(indicator) - 1:
            indicator = indicator[lead.end() :]
        indicator = indicator.strip()
        before, after = match["before"] or "", match["after"] or ""
        comparison = f"{before}…{after}" if before and after else before or after
        found.append(
            Target(
                item=item,
                indicator=indicator,
                comparison=comparison,
                value=float(match["value"]),
                unit="%" if match["unit"] == "％" else match["unit"],
                text=text[match.end("indicator") - len(indicator) : match.end()],
                start=match.end("indicator") - len(indicator),
                end=match.end(),
            )
        )
    return found


def format_value(value: float, unit: str) -> str:
    """A value in its unit, as a plan writes it: 92%, 1500人, 4亿元, 0.58%."""
    from babel.numbers import format_decimal, format_percent

    if unit == "%":
        return str(format_percent(value / 100, format="0.##%", locale=LOCALE))
    return str(format_decimal(value, format="0.##", locale=LOCALE)) + unit


_SCALE = {"": 1.0, "万": 1e4, "亿": 1e8}
_NUMBER = re.compile(r"^([-+]?\d+(?:\.\d+)?)\s*(万|亿)?\s*(.*)$")


def parse_actual(text: str, unit: str) -> float | None:
    """A typed actual value in its target's unit: "93%", "1,600人", "4.2亿元", "42000万元".

    None if the text is not a number (the caller reports it); a bare number is taken in ``unit``.
    """
    cleaned = text.strip().replace(",", "").replace("，", "").replace("％", "%")
    match = _NUMBER.match(cleaned)
    if not match:
        return None
    number, scale, rest = float(match[1]), match[2] or "", match[3].strip()
    # The target's unit may itself start with 万/亿 (亿元): compare the scales.
    target_scale = unit[0] if unit[:1] in ("万", "亿") and len(unit) > 1 else ""
    target_base = unit[len(target_scale) :]
    if rest and rest != target_base and rest != unit:
        return None
    if not scale and rest == unit:
        return number
    return number * _SCALE[scale] / _SCALE[target_scale]


def statuses(targets: list[Target]) -> list[str]:
    """完成 / 未完成 / 超额 for each target ("" without an actual value)."""
    return [_status(t) for t in targets]


def _status(target: Target) -> str:
    if target.actual is None:
        return ""
    # Values are compared as written (to 2 decimals), so 92 and 92.0000001 count as equal.
    goal, actual = round(target.value, 6), round(target.actual, 6)
    if target.at_most:  # 不超过, 以下: at or under the target is done
        return COMPLETE if actual <= goal else INCOMPLETE
    if actual > goal:
        return EXCEEDED
    return COMPLETE if actual == goal else INCOMPLETE


def target_table(targets: list[Target], caption: str | None = None) -> Table:
    """指标 · 目标 · 完成 · 状态, every value already written as text."""
    rows: list[list[str | int | float | None]] = []
    for target, status in zip(targets, statuses(targets), strict=True):
        done = "" if target.actual is None else format_value(target.actual, target.unit)
        rows.append([target.indicator, target.written, done, status])
    return Table(
        columns=[Column("指标"), Column("目标"), Column("完成"), Column("状态")],
        rows=rows,
        caption=caption,
    )
