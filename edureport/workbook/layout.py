"""What the results workbook holds: its sheets, their columns, and the plan items as task rows.

Both the writer (:mod:`.write`) and the reader (:mod:`.read`) take the sheet names, headings and
the headings people write instead of ours from here, so what is written is what is read back.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..model import PlanItem, Table
from ..review import Review
from ..targets import Target
from ..vocab import FIELD_LABELS, Role

ALL_SHEET = "全部任务"
TARGET_SHEET = "目标指标"
REVIEW_SHEET = "待核对"  # sentences of the new plan to review: written for reading, never read
COLUMNS = (
    "序号",
    "部分",
    "工作任务",
    "目标任务",
    "工作措施",
    "责任科室",
    "完成情况",
    "指标实际值/备注",
)
WIDTHS = (6, 22, 24, 48, 64, 18, 48, 22)
TARGET_COLUMNS = ("任务序号", "工作任务", "指标", "目标值", "实际值", "备注")
TARGET_WIDTHS = (8, 24, 30, 14, 14, 24)

# Headings people write instead of ours. Matching ignores spaces, line breaks and a trailing *.
ALIASES: dict[str, tuple[str, ...]] = {
    "序号": ("序号", "编号", "任务序号", "任务编号", "no", "no.", "id"),
    "工作任务": ("工作任务", "任务", "任务名称", "工作任务名称", "工作要点"),
    "完成情况": ("完成情况", "完成情况说明", "落实情况", "进展情况", "工作完成情况"),
    "备注": ("指标实际值/备注", "实际值/备注", "备注", "说明"),
    "指标": ("指标", "指标名称"),
    "实际值": ("实际值", "完成值", "实际完成值", "指标实际值"),
    # Columns written for reading only.
    "部分": ("部分",),
    "目标任务": ("目标任务", "任务目标"),
    "工作措施": ("工作措施", "工作举措"),
    "目标值": ("目标值", "目标"),
    "分组": ("分组",),
    # The unit columns are headed as the plan labels them (牵头单位, 协作单位, 时间节点…).
    "责任科室": ("科室", *(w for w, r in FIELD_LABELS.items() if r == "departments")),
    "配合单位": (*(w for w, r in FIELD_LABELS.items() if r == "cooperating"),),
    "责任领导": (*(w for w, r in FIELD_LABELS.items() if r == "leader"),),
    "完成时限": ("时限", *(w for w, r in FIELD_LABELS.items() if r == "deadline")),
    "角色": ("角色", "承担方式"),
}
# The columns that carry a result: never read across merged rows.
RESULT_KEYS = ("完成情况", "备注", "实际值")


LEAD, COOPERATING, UNASSIGNED = "牵头", "配合", "未分配"


@dataclass(frozen=True)
class Answer:
    """One department's answer for one item, as collected from its workbook."""

    department: str | None  # None: written on the 全部任务 sheet, for no one department
    result: str | None
    note: str | None = None
    source: str = ""  # the file and cell it came from, as the user named them


@dataclass
class Task:
    """One plan item as a row of the workbook, with its result once merged."""

    number: int  # 序号: 1…N across sections
    section: str
    item: PlanItem
    result: str | None = None
    note: str | None = None
    # The titles of the groups (（一）…) the item stands in under its section, outermost first.
    groups: tuple[str, ...] = ()
    answers: tuple[Answer, ...] = ()  # collected answers, the lead's first
    # How the plan heads the item's unit fields (牵头单位, 完成时间…), where it differs from ours:
    # from the item's own labels, or the columns of the task table it stood in.
    labels: dict[str, str] = field(default_factory=dict)

    def role(self, department: str) -> str:
        """牵头 or 配合 for a department named on this item; 未分配 for any other."""
        if department in self.item.departments:
            return LEAD
        return COOPERATING if department in self.item.cooperating else UNASSIGNED

    @property
    def units(self) -> list[str]:
        """Every department on this item, the lead units first."""
        return list(dict.fromkeys([*self.item.departments, *self.item.cooperating]))

    def rank(self, department: str | None) -> tuple[int, int, str]:
        """Where a department's answer stands among this item's: the lead units, then the
        co-operating units (each in the plan's order), then any other department by name, then
        the 全部任务 sheet's (``None``)."""
        units = self.units
        if department is None:
            return (3, 0, "")
        if department in units:
            return (0 if department in self.item.departments else 1, units.index(department), "")
        return (2, 0, department)


def departments(tasks: list[Task]) -> list[str]:
    """Every department, lead or co-operating, in order of first mention."""
    return list(dict.fromkeys(d for task in tasks for d in task.units))


def assigned(tasks: list[Task], department: str) -> list[Task]:
    """The items that name ``department``, lead or co-operating, in the plan's order."""
    return [t for t in tasks if department in t.units]


def sheet_names(names: list[str]) -> dict[str, str]:
    """A valid, unique Excel sheet name for each department: ≤31 characters, none of []:*?/\\."""
    taken = {ALL_SHEET.casefold(), TARGET_SHEET.casefold(), REVIEW_SHEET.casefold()}
    result = {}
    for name in names:
        base = re.sub(r"[\[\]:*?/\\]", "_", name).strip("'")[:31] or "科室"
        candidate, n = base, 1
        while candidate.casefold() in taken:
            n += 1
            candidate = f"{base[: 31 - len(str(n)) - 1]}_{n}"
        taken.add(candidate.casefold())
        result[name] = candidate
    return result


def _text(paragraphs: list[str | Table]) -> str:
    return "\n".join(p for p in paragraphs if isinstance(p, str) and p)  # tables are not cells


# A sheet's column headings, column widths and rows.
Columns = tuple[tuple[str, ...], tuple[int, ...], list[list[Any]]]


def review_columns(reviews: Sequence[Review]) -> Columns:
    """The 待核对 sheet: where each sentence stands in the new plan, the sentence, and why."""
    rows = [[r.item, r.where, r.sentence, "；".join(r.reasons)] for r in reviews]
    return ("任务序号", "位置", "句子", "核对原因"), (8, 22, 64, 48), rows


# Columns written only where the plan has them: (role, width, the cell of a task).
_OPTIONAL: tuple[tuple[Role, int, Any], ...] = (
    ("cooperating", 18, lambda t: "、".join(dict.fromkeys(t.item.cooperating))),
    ("leader", 12, lambda t: "、".join(dict.fromkeys(t.item.leader))),
    ("deadline", 14, lambda t: t.item.deadline or ""),
)
_UNIT_COLUMNS: dict[Role, str] = {
    "departments": "责任科室",
    "cooperating": "配合单位",
    "leader": "责任领导",
    "deadline": "完成时限",
}


def unit_headings(tasks: list[Task]) -> dict[Role, str]:
    """The headings of the unit columns: the words most of the plan's items use (牵头单位,
    时间节点), else ours (责任科室, 完成时限)."""
    headings = dict(_UNIT_COLUMNS)
    for role in headings:
        used = Counter(t.labels[role] for t in tasks if role in t.labels)
        if used:
            headings[role] = used.most_common(1)[0][0]
    return headings


def task_columns(tasks: list[Task], department: str | None = None) -> Columns:
    """The headings, widths and rows of a task sheet: the plan's own columns (groups, co-operating
    units, leader, deadline) only where the plan has them; on a department's sheet, its role."""
    headings = unit_headings(tasks)
    names, widths = [*COLUMNS[:5], headings["departments"]], list(WIDTHS[:6])
    cells: list[Any] = [
        lambda t: t.number,
        lambda t: t.section,
        lambda t: t.item.title,
        lambda t: _text(t.item.goal),
        lambda t: _text(t.item.measures),
        lambda t: "、".join(dict.fromkeys(t.item.departments)),
    ]
    if any(t.groups for t in tasks):
        names.insert(2, "分组")
        widths.insert(2, 22)
        cells.insert(2, lambda t: " / ".join(t.groups))
    for role, width, cell in _OPTIONAL:
        if any(cell(t) for t in tasks):
            names.append(headings[role])
            widths.append(width)
            cells.append(cell)
    if department is not None:
        names.append("角色")
        widths.append(8)
        cells.append(lambda t: t.role(department))
    names.extend(COLUMNS[6:])
    widths.extend(WIDTHS[6:])
    cells.extend([lambda t: t.result, lambda t: t.note])
    rows = [[cell(t) for cell in cells] for t in tasks]
    return tuple(names), tuple(widths), rows


def target_columns(targets: list[Target], tasks: list[Task]) -> Columns:
    """The 目标指标 sheet: each target with its item's title, the 实际值 and 备注 left to fill."""
    titles = {t.number: t.item.title for t in tasks}
    rows: list[list[Any]] = [
        [t.item, titles.get(t.item, ""), t.indicator, t.written, None, None] for t in targets
    ]
    return TARGET_COLUMNS, TARGET_WIDTHS, rows
