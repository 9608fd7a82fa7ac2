"""A summary (工作总结): headings nested as written, run-in headings, tables with captions."""

from __future__ import annotations

import re

from ..compose import heading_number
from ..model import Section, Summary
from ..repair import TableUnit as _Table
from ..repair import Unit as _Unit
from ..vocab import numeral_value
from .context import Context
from .lines import heading_of as _heading_of
from .lines import run_in as _run_in
from .tables import read_table

_CAPTION = re.compile(r"^表\s*[0-9一二三四五六七八九十]+")


def read_summary(ctx: Context, title: str, units: list[_Unit]) -> Summary:
    summary = Summary(title)
    stack: list[tuple[int, Section]] = []  # (level as written, section)
    counters: dict[int, int] = {}
    counted: dict[int, int] = {}  # by depth: the value of the last heading the builder counts
    for unit in units:
        target = stack[-1][1].paragraphs if stack else summary.preface
        if isinstance(unit, _Table):
            caption = None
            last = target[-1] if target else None
            if isinstance(last, str) and _CAPTION.match(last):
                caption = last
                target.pop()
            target.append(read_table(unit, caption))
            continue
        heading = _heading_of(unit)
        if heading is None or heading[0] == 5:
            target.append(unit.text)
            continue
        level, written, rest = heading
        while stack and stack[-1][0] >= level:
            stack.pop()
        depth = len(stack) + 1
        if depth > 4:
            target.append(unit.text)
            continue
        expected = counters.get(level, 0) + 1
        value = numeral_value(written) or expected
        counters[level] = value
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        # the number the builder would write here: it counts on from the last one at this depth
        following = counted.get(depth, 0) + 1
        try:
            standard = heading_number(depth, following) if level == depth else None
        except ValueError:
            standard = None  # past what a numeral writes (a "1000." before 一、): keep it
        counted[depth] = value
        for deeper in [k for k in counted if k > depth]:
            del counted[deeper]
        section = Section(rest, number=None if written == standard else written)
        title, text = _run_in(rest)
        if text:  # 标题。正文…: the heading runs into its paragraph
            section.title, section.run_in = title, True
            section.paragraphs.append(text)
        (stack[-1][1].subsections if stack else summary.sections).append(section)
        stack.append((level, section))
    return summary
