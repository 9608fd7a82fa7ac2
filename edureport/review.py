"""Sentences of a carried-over plan that only made sense last year, marked for review.

A plan copied into next year keeps words tied to its own year: an anniversary (建党100周年), the
first or last year of a five-year plan (开局之年, 收官之年), an event to welcome or celebrate
(迎接党的二十大), a year that is now the past. They are not rewritten (only people know what
replaces them); each is listed with why, and the built draft carries it as a Word comment.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .model import Plan, PlanSection

REVIEW = "【待核对】"

_ANNIVERSARY = re.compile(
    r"[\u4e00-\u9fff]{0,4}?\s*(?:\d+\s*|[一二三四五六七八九十百]+)周年|[\u4e00-\u9fff]{0,4}百年华诞"
)
_YEAR_OF = re.compile(r"[\u4e00-\u9fff]{2}之年")
# The 之年 that name one year of a span: 开局, 收官, 决胜, 起步 …
_YEAR_WORDS = ("开局", "收官", "决胜", "起步", "攻坚", "冲刺", "奠基", "谋篇")
# An event welcomed or celebrated (迎接党的二十大); not a yearly one (教师节庆祝活动).
_EVENT = re.compile(r"(?:迎接|庆祝|喜迎|献礼)(?!活动)[^，。；、！？]{1,20}")
_YEAR = re.compile(r"(?<![\d\-－—–~～至])(\d{4})\s*年(?!\s*[-－—–~～至])")
_SENTENCE = re.compile(r"[^。；！？]*[。；！？]?")


@dataclass(frozen=True)
class Review:
    """A sentence to look at before the plan goes out: where it is, what it says, and why."""

    where: str  # 第12项 工作措施, 总体思路, 第二部分 标题
    sentence: str  # as it stands in the draft
    reasons: tuple[str, ...]
    item: int | None = None  # the item's number, if the sentence is in an item

    @property
    def note(self) -> str:
        """The comment a reviewer reads: why the sentence may no longer hold."""
        return "；".join(self.reasons) + "。请核对后修改或删除本句。"


def reasons(sentence: str, year: int) -> list[str]:
    """Why ``sentence`` in the plan of ``year`` may only have been true the year before."""
    found = []
    for match in _ANNIVERSARY.finditer(sentence):
        found.append(f"“{match[0]}”是某一年的纪念活动，{year}年是否仍适用")
    for match in _YEAR_OF.finditer(sentence):
        if match[0][:2] in _YEAR_WORDS:
            found.append(f"“{match[0]}”指五年规划中的某一年，{year}年已不是")
    anniversaries = [m.span() for m in _ANNIVERSARY.finditer(sentence)]
    for match in _EVENT.finditer(sentence):
        if not any(start < match.end() and match.start() < end for start, end in anniversaries):
            found.append(f"“{match[0]}”是否是{year}年的事")
    for match in _YEAR.finditer(sentence):
        if int(match[1]) < year:
            found.append(f"“{match[0]}”早于{year}年")
    return list(dict.fromkeys(found))


def sentences(text: str) -> Iterator[str]:
    """The sentences of a paragraph, each with its closing mark."""
    for match in _SENTENCE.finditer(text):
        if match[0].strip():
            yield match[0].strip()


def find_reviews(plan: Plan, year: int) -> list[Review]:
    """Every sentence of ``plan`` (the draft for ``year``) that may only have held the year
    before."""
    found: list[Review] = []

    def look(where: str, texts: list[str], item: int | None = None) -> None:
        for text in texts:
            for sentence in sentences(text):
                why = reasons(sentence, year)
                if why:
                    found.append(Review(where, sentence, tuple(why), item))

    look("标题", [plan.title])
    look(plan.overview_label or "总体思路", plan.overview)
    number = 0

    def walk(section: PlanSection, name: str) -> None:
        nonlocal number
        look(f"{name} 标题", [section.title])
        look(name, [p for p in section.paragraphs if isinstance(p, str)])
        for item in section.items:
            number += 1
            where = f"第{number}项"
            look(f"{where} 标题", [item.title], number)
            for name, default in (("goal", "目标任务"), ("measures", "工作措施")):
                texts = [p for p in getattr(item, name) if isinstance(p, str)]  # not tables
                look(f"{where} {item.label(name).rstrip('：: ') or default}", texts, number)
            look(where, [p for p in item.paragraphs if isinstance(p, str)], number)
        for k, group in enumerate(section.sections, start=1):
            walk(group, f"{name}第{k}组")

    for k, section in enumerate(plan.sections, start=1):
        walk(section, f"第{k}部分")
    return found
