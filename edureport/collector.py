"""Send each department its own workbook, collect what comes back, and say who is missing.

``write_department_workbooks`` writes one workbook per department (lead and co-operating items,
the role shown, a first sheet saying what to fill and how to send it back). ``collect`` reads the
returned workbooks (any file name: the department is read from the workbook itself), keeps every
answer with its department in ``collected.yaml`` beside the drafts, drafts the summary from all
answers so far and writes a status workbook (进度.xlsx) with a chart. Collecting the same files
again changes nothing; a file collected once is never needed again (its answers stay), and an
empty cell never erases an answer.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import itertools
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .dump import dumps
from .errors import DataError, InputError, Location, Problem
from .files import atomic_output
from .i18n import _ as _t  # `_` is a throwaway name in this module
from .loader import load
from .model import PLACEHOLDER, Document
from .names import collision_key, safe_filename
from .targets import Target
from .workbook.layout import (
    ALL_SHEET,
    LEAD,
    REVIEW_SHEET,
    TARGET_SHEET,
    UNASSIGNED,
    Answer,
    Task,
    assigned,
    departments,
    sheet_names,
)
from .workbook.read import Filled, Match, Sheet, open_workbook, read_targets, read_tasks
from .workbook.write import write_sheet, write_target_sheet, write_task_sheet

GUIDE_SHEET = "填报说明"
STATE_FILE = "collected.yaml"
STATUS_FILE = "进度.xlsx"
SEND_FOLDER = "分发"
_DEPARTMENT_LABEL = "填报科室"

# Sending out --------------------------------------------------------------------------------------


def department_file(department: str, year: int) -> str:
    """The file name of a department's workbook for the summary of ``year``."""
    return f"{safe_filename(department)}-{year}年工作完成情况.xlsx"


def department_outputs(
    folder: Path, tasks: list[Task], targets: list[Target], year: int
) -> dict[Path, Callable[[Path], None]]:
    """Each department's workbook path in ``folder`` and the function that writes it there."""
    names = sheet_names(departments(tasks))
    paths = {department: folder / department_file(department, year) for department in names}
    # two names that differ only in unsafe characters or in case cannot share a folder
    if len({collision_key(p.name) for p in paths.values()}) != len(paths):
        paths = {d: folder / f"{k:02d}-{department_file(d, year)}" for k, d in enumerate(names, 1)}
    outputs: dict[Path, Callable[[Path], None]] = {}
    for department, path in paths.items():
        own = assigned(tasks, department)
        led = {t.number for t in own if department in t.item.departments}
        mine = [t for t in targets if t.item in led]
        outputs[path] = functools.partial(
            _write_department,
            department=department,
            sheet=names[department],
            tasks=own,
            targets=mine,
            year=year,
        )
    return outputs


def write_department_workbooks(
    folder: Path, tasks: list[Task], targets: list[Target], year: int, *, force: bool = False
) -> list[Path]:
    """One workbook per department in ``folder``, each holding only that department's items."""
    outputs = department_outputs(folder, tasks, targets, year)
    for path, write in outputs.items():
        with atomic_output(path, force) as tmp:
            write(tmp)
    return list(outputs)


def _write_department(
    path: Path, department: str, sheet: str, tasks: list[Task], targets: list[Target], year: int
) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    guide = book.active
    guide.title = GUIDE_SHEET
    lead = sum(1 for t in tasks if t.role(department) == LEAD)
    lines = [
        [f"{year}年工作完成情况填报表"],
        [],
        [_DEPARTMENT_LABEL, department],
        ["填报事项", f"{len(tasks)}项（牵头{lead}项，配合{len(tasks) - lead}项）"],
        [],
        ["怎样填写"],
        [
            "1",
            f"在“{sheet}”表的“完成情况”列，逐项用一段话写明{year}年做了什么、取得了什么成效，"
            "有数字的写数字。",
        ],
        ["2", "“角色”为“牵头”的事项，请汇总全部情况；为“配合”的事项，只写本科室承担的部分。"],
        [
            "4",
            "请不要改动“序号”“工作任务”两列，也不要增删工作表；其他事项可写在“指标实际值/备注”列。",
        ],
        ["5", "用Excel或WPS填写后保存为.xlsx（文件名可以改），发回办公室。"],
    ]
    if targets:
        lines.insert(8, ["", "有目标指标的，请在“目标指标”表的“实际值”列填写实际完成数。"])
    for number, line in enumerate(lines[6:], start=1):
        line[0] = str(number)
    for line in lines:
        guide.append(line)
    guide["A1"].font = Font(bold=True, size=14)
    guide["A6"].font = Font(bold=True)
    guide["A3"].font = guide["A4"].font = Font(bold=True)
    guide.column_dimensions["A"].width = 12
    guide.column_dimensions["B"].width = 72
    for row in guide.iter_rows(min_row=3):
        row[1].alignment = Alignment(wrap_text=True, vertical="top")
    # printed on one page wide, as it is read on screen
    guide.page_setup.fitToWidth = 1
    guide.page_setup.fitToHeight = 0
    guide.sheet_properties.pageSetUpPr.fitToPage = True
    write_task_sheet(book.create_sheet(sheet), tasks, department=department)
    if targets:
        write_target_sheet(book.create_sheet(TARGET_SHEET), targets, tasks)
    book.active = 1  # opens on the items to fill
    book.save(path)


# Collecting ---------------------------------------------------------------------------------------


@dataclass
class Received:
    """One workbook read: whose it is and what it held."""

    file: str
    department: str | None
    rows: int = 0  # item rows read
    answered: int = 0  # of which with a result


@dataclass
class Progress:
    """How far one department is."""

    department: str
    assigned: int
    lead: int
    answered: int
    files: list[str] = field(default_factory=list)

    @property
    def empty(self) -> int:
        return self.assigned - self.answered

    def counts(self) -> list[int]:
        """分配, 牵头, 配合, 已填, 未填: the figures the report and the 进度 sheet show."""
        return [self.assigned, self.lead, self.assigned - self.lead, self.answered, self.empty]


@dataclass
class Collected:
    """What ``collect`` found: the drafts' tasks with their answers, and the report."""

    year: int  # the year of the new plan; the summary is of year - 1
    tasks: list[Task]
    targets: list[Target]
    document: Document
    received: list[Received] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    revised: list[str] = field(default_factory=list)  # answers replaced by a later file

    @property
    def progress(self) -> list[Progress]:
        out = []
        for department in departments(self.tasks):
            own = assigned(self.tasks, department)
            answered = sum(
                1 for t in own if any(a.department == department and a.result for a in t.answers)
            )
            files = [r.file for r in self.received if r.department == department]
            lead = sum(1 for t in own if department in t.item.departments)
            out.append(Progress(department, len(own), lead, answered, files))
        return out

    @property
    def silent(self) -> list[str]:
        """Departments that have sent nothing."""
        return [p.department for p in self.progress if not p.files]

    @property
    def unanswered(self) -> list[Task]:
        return [t for t in self.tasks if not any(a.result for a in t.answers)]

    @property
    def answered_twice(self) -> list[Task]:
        """Items answered by more than one department (every answer is kept)."""
        return [t for t in self.tasks if len({a.department for a in t.answers if a.result}) > 1]

    @property
    def unfilled_targets(self) -> list[Target]:
        """Numeric targets without an actual value (their 完成 cell is left 【待填写】)."""
        return [t for t in self.targets if t.actual is None]

    @property
    def unassigned(self) -> list[tuple[Task, Answer]]:
        """Answers from a department the item does not name."""
        return [
            (t, a)
            for t in self.tasks
            for a in t.answers
            if a.department is not None and t.role(a.department) == UNASSIGNED
        ]


def workbook_files(sources: Sequence[str | Path], skip: Iterable[Path] = ()) -> list[Path]:
    """The .xlsx files named or inside the folders named, oldest first (later answers win)."""
    skipped = {p.resolve() for p in skip}
    found: list[Path] = []
    for source in sources:
        path = Path(source)
        if path.is_dir():
            # .xls too: it is refused with a message, never skipped without a word
            found.extend(
                p for p in sorted(path.rglob("*")) if p.suffix.lower() in (".xlsx", ".xlsm", ".xls")
            )
        elif path.is_file():
            found.append(path)
        else:
            raise InputError("no such file or folder", Location(path))
    unique = [
        p
        for p in dict.fromkeys(found)
        if p.resolve() not in skipped and not p.name.startswith(("~$", ".~lock"))
    ]
    return sorted(unique, key=lambda p: (p.stat().st_mtime, str(p)))


def _department_of(book: Any, names: dict[str, str]) -> str | None:
    """The department a workbook is from, as its 填报说明 sheet says."""
    if GUIDE_SHEET not in book.sheetnames:
        return None
    for row in book[GUIDE_SHEET].iter_rows(max_row=20, max_col=4):
        for left, right in itertools.pairwise(row):
            if str(left.value or "").strip() == _DEPARTMENT_LABEL and right.value:
                name = str(right.value).strip()
                return name if name in names else None
    return None


def read_returned(
    path: Path, tasks: list[Task], targets: list[Target]
) -> tuple[Received, list[tuple[int, Answer]], Filled]:
    """One returned workbook's answers (each with its item number and department), target values
    and problems."""
    values, formulas = open_workbook(path)
    names = sheet_names(departments(tasks))
    by_sheet = {title: name for name, title in names.items()}
    own = _department_of(values, names)
    filled = Filled()
    answers: list[tuple[int, Answer]] = []
    received = Received(path.name, own)
    match = Match(tasks)
    for title in values.sheetnames:
        sheet = Sheet(path, values[title], formulas[title])
        if title in (GUIDE_SHEET, REVIEW_SHEET):
            continue
        if title == TARGET_SHEET:
            read_targets(sheet, targets, filled)
            continue
        department = by_sheet.get(title, own)
        if title == ALL_SHEET:
            department = None
        elif department is None:
            if not sheet.blank:
                filled.problems.append(
                    Problem(
                        Location(path, cell=f"{title}!A1"),
                        _t(
                            "cannot tell whose sheet this is (not a department's sheet, and the "
                            "workbook has no {guide} naming its department); its rows were not read"
                        ).format(guide=GUIDE_SHEET),
                    )
                )
            continue
        if received.department is None and department is not None:
            received.department = department
        for task, entry in read_tasks(sheet, match, filled.problems):
            received.rows += 1
            if entry.result is None and entry.note is None:
                continue
            received.answered += entry.result is not None
            source = f"{path.name} {entry.where.cell}"
            answers.append((task.number, Answer(department, entry.result, entry.note, source)))
    return received, answers, filled


def _order(task: Task, answers: Iterable[Answer]) -> tuple[Answer, ...]:
    """Lead units first (in the plan's order), then co-operating units, then anyone else."""
    return tuple(sorted(answers, key=lambda answer: task.rank(answer.department)))


# The state kept beside the drafts --------------------------------------------------------------


def _load_state(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {"answers": [], "actuals": [], "files": []}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        message = _t("cannot read the collected answers: {why}").format(why=exc)
        raise DataError(message, Location(path)) from None
    if not isinstance(data, dict) or not all(
        isinstance(data.get(k, []), list) for k in ("answers", "actuals", "files")
    ):
        raise DataError("expected answers, actuals and files lists", Location(path))
    for k, answer in enumerate(data.get("answers", [])):
        if not (isinstance(answer, dict) and isinstance(answer.get("item"), int)):
            raise DataError(
                "expected an answer with an item number", Location(path, field=f"answers[{k}]")
            )
    data.setdefault("answers", [])
    data.setdefault("actuals", [])
    data.setdefault("files", [])
    return data


def _dump_state(state: dict[str, Any]) -> str:
    head = (
        "# Every answer collected by `edureport collect`, with its department and where it came\n"
        "# from. Kept so that nothing collected is lost; do not edit by hand.\n"
    )
    return head + yaml.safe_dump(state, allow_unicode=True, sort_keys=False, width=1_000_000)


def _year(into: Path, source: Document, document: Document) -> int:
    from .drafter import year_of_plan

    found = year_of_plan(source)
    if found is not None:
        return found + 1
    if document.notice is not None and document.notice.code is not None:
        return document.notice.code.year
    raise InputError("cannot tell the drafts' year from source-plan.yaml", Location(into))


def collect(
    sources: Sequence[str | Path], into: str | Path, *, summary_form: str = "paragraphs"
) -> Collected:
    """Read the returned workbooks in ``sources`` into the drafts folder ``into``.

    Writes ``collected.yaml`` (every answer so far), the summary in ``document.yaml`` and the
    status workbook 进度.xlsx; returns what was found for the report.
    """
    from .drafter import DOCUMENT_FILE, SOURCE_PLAN_FILE, WORKBOOK_FILE, plan_tasks, summary

    into = Path(into)
    plan_file = into / SOURCE_PLAN_FILE
    if not plan_file.is_file():
        raise InputError(
            _t(
                "the drafts folder has no {file}; make the drafts with "
                "`edureport draft … -o FOLDER` first"
            ).format(file=SOURCE_PLAN_FILE),
            Location(into),
        )
    source = load(plan_file)
    document = load(into / DOCUMENT_FILE)
    assert source.plan is not None
    tasks, targets = plan_tasks(source.plan)
    year = _year(into, source, document)
    state_path = into / STATE_FILE
    state = _load_state(state_path)
    by_number = {t.number: t for t in tasks}
    result = Collected(year, tasks, targets, document)

    stored: dict[tuple[int, str | None], dict[str, Any]] = {
        (a["item"], a.get("department")): a for a in state["answers"]
    }
    actuals = {(a["item"], a["indicator"]): a for a in state["actuals"]}
    # Two departments may both send “总结.xlsx”: a file is its name and whose it is.
    files = {(f["file"], f.get("department")): f for f in state["files"]}
    applied = {f.get("sha256") for f in files.values()}
    # The drafts' own workbooks are not answers: the blank ones sent out, the status report.
    skip = [into / WORKBOOK_FILE, into / STATUS_FILE]
    if (into / SEND_FOLDER).is_dir():
        skip.extend((into / SEND_FOLDER).iterdir())
    for path in workbook_files(sources, skip):
        received, answers, filled = read_returned(path, tasks, targets)
        result.received.append(received)
        result.problems.extend(filled.problems)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        files[(path.name, received.department)] = {
            "file": path.name,
            "department": received.department,
            "sha256": digest,
            "rows": received.rows,
            "answered": received.answered,
        }
        if digest in applied:
            # Collected before: applying it again would undo a later file's revisions.
            answers = []
        for number, answer in answers:
            key = (number, answer.department)
            new = {
                "item": number,
                "department": answer.department,
                "result": answer.result,
                "note": answer.note,
                "source": answer.source,
            }
            old = stored.get(key)
            if old is None:
                stored[key] = new
                continue
            # An empty cell never erases an answer; a changed one is kept, the earlier text too.
            merged = dict(old)
            for name in ("result", "note"):
                if new[name] is not None and new[name] != old.get(name):
                    if old.get(name) is not None:
                        earlier = merged.setdefault("earlier", [])
                        earlier.append({name: old[name], "source": old.get("source")})
                        result.revised.append(
                            _t("item {number} ({who}): {old} replaced by {new}").format(
                                number=number,
                                who=answer.department or ALL_SHEET,
                                old=old.get("source"),
                                new=answer.source,
                            )
                        )
                    merged[name] = new[name]
                    merged["source"] = new["source"]
            stored[key] = merged
        for target in targets:
            if target.key in filled.actuals:
                actuals[target.key] = {
                    "item": target.item,
                    "indicator": target.indicator,
                    "actual": filled.actuals[target.key],
                }
    # Files collected before keep counting as received.
    seen = {(r.file, r.department) for r in result.received}
    for known, entry in files.items():
        if known not in seen:
            result.received.append(
                Received(
                    entry["file"],
                    entry.get("department"),
                    entry.get("rows", 0),
                    entry.get("answered", 0),
                )
            )
    for task in tasks:
        task.answers = _order(
            task,
            (
                Answer(a.get("department"), a.get("result"), a.get("note"), a.get("source", ""))
                for (number, _), a in stored.items()
                if number == task.number
            ),
        )
    for number, _ in stored:
        if number not in by_number:
            result.problems.append(
                Problem(
                    Location(state_path),
                    _t(
                        "a collected answer is for item {number}, which the plan does not have"
                    ).format(number=number),
                )
            )
    targets = [
        dataclasses.replace(t, actual=actuals[t.key]["actual"]) if t.key in actuals else t
        for t in targets
    ]
    result.targets = targets
    drafted = summary(year - 1, tasks, targets, summary_form)
    if document.summary is not None:
        _keep_preface(document.summary.preface, drafted.preface)
    document.summary = drafted
    state = {
        "answers": sorted(stored.values(), key=lambda a: (a["item"], a["department"] or "")),
        "actuals": sorted(actuals.values(), key=lambda a: (a["item"], a["indicator"])),
        "files": [files[k] for k in sorted(files, key=lambda k: (k[0], k[1] or ""))],
    }
    comment = (
        f"{''.join(document.notice.title) if document.notice else ''}\n\n"
        f"The summary was drafted by edureport collect from the answers in {STATE_FILE}; "
        "running collect again redrafts it."
    )
    with atomic_output(state_path, True) as tmp:
        tmp.write_text(_dump_state(state), encoding="utf-8")
    with atomic_output(into / DOCUMENT_FILE, True) as tmp:
        tmp.write_text(dumps(document, comment), encoding="utf-8")
    with atomic_output(into / STATUS_FILE, True) as tmp:
        write_status(tmp, result)
    return result


def _keep_preface(old: list[Any], new: list[Any]) -> None:
    """Keep what the office wrote in the preface in place of the placeholder."""
    written = [
        p
        for p in old
        if isinstance(p, str)
        and not p.startswith(PLACEHOLDER)
        and not p.endswith("完成情况见表1。")
    ]
    if written:
        new[:1] = written


# The report -------------------------------------------------------------------------------------


PROGRESS_SHEET = "进度"


def write_status(path: Path, collected: Collected) -> None:
    """The status workbook: 进度 (per department, with a chart), 未填事项, 多方填报, 未匹配."""
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, Reference
    from openpyxl.chart.data_source import AxDataSource, StrRef
    from openpyxl.chart.label import DataLabelList

    book = Workbook()
    sheet = book.active
    sheet.title = PROGRESS_SHEET
    rows = [[p.department, *p.counts(), "、".join(p.files) or "未交"] for p in collected.progress]
    write_sheet(
        sheet,
        ("科室", "分配事项", "牵头", "配合", "已填", "未填", "收到文件"),
        (24, 10, 8, 8, 8, 8, 40),
        rows,
    )
    if rows:
        chart = BarChart()
        chart.type = "bar"  # horizontal: long department names stay readable
        chart.grouping = "stacked"
        chart.overlap = 100
        chart.title = "各科室填报进度"
        chart.y_axis.title = "事项"
        data = Reference(sheet, min_col=5, max_col=6, min_row=1, max_row=len(rows) + 1)
        names = Reference(sheet, min_col=1, min_row=2, max_row=len(rows) + 1)
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(names)
        for series, colour in zip(chart.series, ("2E7D32", "BDBDBD"), strict=True):
            # department names are text: a string reference, or some readers number them 1, 2, 3
            series.cat = AxDataSource(strRef=StrRef(f=series.cat.numRef.f))
            series.graphicalProperties.solidFill = colour
            series.graphicalProperties.line.solidFill = colour
        chart.dataLabels = DataLabelList(
            showVal=True,
            showSerName=False,
            showCatName=False,
            showLegendKey=False,
            showPercent=False,
            numFmt="0;-0;;",  # no label on an empty (0) part of a bar
        )
        chart.y_axis.majorUnit = 1  # whole items
        chart.y_axis.number_format = "0"
        chart.x_axis.delete = chart.y_axis.delete = False  # openpyxl hides axes by default
        chart.x_axis.scaling.orientation = "maxMin"  # first department on top, as in the table
        chart.height = max(7.5, 0.8 * len(rows) + 3)
        chart.width = 18
        sheet.add_chart(chart, f"A{len(rows) + 4}")
    write_sheet(
        book.create_sheet("未填事项"),
        ("序号", "工作任务", "牵头", "配合"),
        (6, 48, 24, 24),
        [
            [t.number, t.item.title, "、".join(t.item.departments), "、".join(t.item.cooperating)]
            for t in collected.unanswered
        ],
    )
    write_sheet(
        book.create_sheet("多方填报"),
        ("序号", "工作任务", "科室", "角色", "来源"),
        (6, 40, 20, 8, 40),
        [
            [
                t.number,
                t.item.title,
                a.department or ALL_SHEET,
                t.role(a.department) if a.department else "",
                a.source,
            ]
            for t in collected.tasks
            for a in t.answers
            if t in collected.answered_twice
            or (a.department is not None and t.role(a.department) == UNASSIGNED)
        ],
    )
    write_sheet(
        book.create_sheet("未填指标"),
        ("任务序号", "指标", "目标值"),
        (8, 30, 14),
        [[t.item, t.indicator, t.written] for t in collected.unfilled_targets],
    )
    write_sheet(
        book.create_sheet("未匹配"),
        ("文件", "位置", "问题"),
        (30, 20, 80),
        [
            [p.location.file.name if p.location.file else "", p.location.cell or "", p.message]
            for p in collected.problems
        ],
    )
    book.save(path)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def text_table(rows: Sequence[Sequence[object]]) -> str:
    """Rows as columns lined up in a terminal, wide (Chinese) characters counted as two."""
    cells = [[str(c) for c in row] for row in rows]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(cells[0]))]
    lines = []
    for row in cells:
        lines.append(
            "  ".join(
                c + " " * (w - _width(c)) if i == 0 else " " * (w - _width(c)) + c
                for i, (c, w) in enumerate(zip(row, widths, strict=True))
            ).rstrip()
        )
    return "\n".join(lines)


def report(collected: Collected) -> str:
    """The terminal report: the progress table, then who and what is missing."""
    rows: list[list[object]] = [["科室", "分配", "牵头", "配合", "已填", "未填", "文件"]]
    for p in collected.progress:
        rows.append([p.department, *p.counts(), len(p.files)])
    out = [text_table(rows), ""]
    total = len(collected.tasks)
    answered = total - len(collected.unanswered)
    out.append(_t("items answered: {n} of {total}").format(n=answered, total=total))
    if collected.silent:
        out.append(_t("sent nothing: {who}").format(who="、".join(collected.silent)))
    if collected.unanswered:
        numbers = "、".join(str(t.number) for t in collected.unanswered)
        out.append(_t("no answer: {items}").format(items=numbers))
    for task in collected.answered_twice:
        who = "、".join(
            f"{a.department or ALL_SHEET}（{task.role(a.department) if a.department else '汇总'}）"
            for a in task.answers
            if a.result
        )
        count = sum(1 for a in task.answers if a.result)
        message = _t("item {number} answered {count} times, each kept: {who}")
        out.append(message.format(number=task.number, count=count, who=who))
    for task, answer in collected.unassigned:
        message = _t(
            "item {number} answered by {department}, which it does not name "
            "(kept, after the named units): {source}"
        )
        out.append(
            message.format(number=task.number, department=answer.department, source=answer.source)
        )
    if collected.unfilled_targets:
        targets = "、".join(f"{t.indicator}（第{t.item}项）" for t in collected.unfilled_targets)
        out.append(_t("targets without an actual value: {targets}").format(targets=targets))
    for line in collected.revised:
        out.append(_t("revised: {line}").format(line=line))
    for problem in collected.problems:
        out.append(_t("not matched: {problem}").format(problem=problem))
    return "\n".join(out)


__all__ = [
    "Collected",
    "collect",
    "report",
    "write_department_workbooks",
]
