"""The results workbook (任务分解与完成情况表): written for departments to fill, read back as shown.

One sheet lists every plan item, one sheet per department lists that department's items, and a
sheet lists the numeric targets. :mod:`.layout` says what the sheets and columns are,
:mod:`.write` writes them, :mod:`.read` reads a filled workbook back into results by item.
"""

from __future__ import annotations

from ..errors import Problem
from .layout import (
    ALL_SHEET,
    COOPERATING,
    LEAD,
    REVIEW_SHEET,
    TARGET_SHEET,
    UNASSIGNED,
    Answer,
    Task,
    departments,
    sheet_names,
    task_columns,
)
from .read import Filled, read_workbook, shown
from .write import write_reviews, write_workbook

__all__ = [
    "ALL_SHEET",
    "COOPERATING",
    "LEAD",
    "REVIEW_SHEET",
    "TARGET_SHEET",
    "UNASSIGNED",
    "Answer",
    "Filled",
    "Problem",
    "Task",
    "departments",
    "read_workbook",
    "sheet_names",
    "shown",
    "task_columns",
    "write_reviews",
    "write_workbook",
]
