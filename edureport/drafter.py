"""Draft next year's notice from last year's data: the summary skeleton, the new plan, the workbook.

From the notice that printed year Y's plan, ``draft`` makes the notice of Y+1: the summary of Y
(its sections follow Y's plan, one paragraph per item: what was planned and what was done) and the
plan of Y+1 (every item carried over, the plan's own year moved on, numeric targets marked for
review). What only the user can write is a visible placeholder (【待填写】, to review: 【待核对】),
so that no draft goes out unfinished by accident. ``merge_results`` puts a filled workbook's
results under their items; merging is a pure function of the drafts and the workbook.
"""

from __future__ import annotations

import copy
import dataclasses
import importlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .dump import dumps
from .errors import InputError, Location, OutputExistsError, Problem
from .files import atomic_outputs
from .i18n import N_, _
from .loader import load
from .model import (
    PLACEHOLDER,
    Comment,
    Document,
    DocumentCode,
    Notice,
    Plan,
    PlanSection,
    Section,
    Summary,
    Table,
)
from .review import REVIEW, Review, find_reviews
from .targets import Target, find_targets, target_table
from .vocab import Role, label_word, task_columns
from .workbook import Task, departments, read_workbook, write_workbook

# Every placeholder has the form 【待…】, which `edureport check` (rule T401) lists.
DOCUMENT_FILE = "document.yaml"
WORKBOOK_FILE = "results.xlsx"
# Last year's plan as data: what `collect` drafts the summary from when the answers come in.
SOURCE_PLAN_FILE = "source-plan.yaml"
# How the summary writes an item: its results as paragraphs, or its title, 目标任务：… 完成情况：….
SUMMARY_FORMS = ("paragraphs", "goals")
TEXT_SOURCES = (".docx", ".txt", ".doc", ".xlsx", ".xlsm")

# A year as a year (2021年, 2021 年), not the end of a span such as 2020-2022年 or its start.
_YEAR = re.compile(r"(?<![\d\-－—–~～至])(\d{4})(?=\s*年)(?!\s*年?\s*[-－—–~～至])")


def shift_years(text: str, years: dict[int, int]) -> str:
    """``text`` with each year in ``years`` replaced by its new year, in one pass."""
    return _YEAR.sub(lambda m: str(years.get(int(m[1]), m[1])), text)


@dataclass
class Drafts:
    """Next year's drafts: the document to build, the workbook rows, and any merge problems."""

    year: int  # the year of the new notice and plan; the summary is of year - 1
    document: Document
    tasks: list[Task]
    targets: list[Target]
    problems: list[Problem] = field(default_factory=list)
    results: Path | None = None  # the workbook merged, if any
    source_plan: Plan | None = None  # last year's plan, written beside the drafts for `collect`
    reviews: list[Review] = field(default_factory=list)  # sentences of the new plan to review
    summary_form: str = "paragraphs"

    @property
    def departments(self) -> list[str]:
        return departments(self.tasks)

    def left_to_fill(self) -> list[str]:
        """What only the office can fill in the notice, in the words the CLI prints."""
        notice = self.document.notice
        if notice is None:
            return []
        left = []
        if notice.code is not None and notice.code.serial is None:
            left.append(N_("the document number (or give --serial)"))
        if notice.date is None:
            left.append(N_("the 成文日期"))
        return left

    def write(self, folder: str | Path, *, force: bool = False, split: bool = False) -> list[Path]:
        """Write document.yaml and (unless results were merged) results.xlsx into ``folder``;
        with ``split``, also one workbook per department in its 分发 folder, to send out.

        Nothing in the folder is replaced without ``force``: every target is checked before
        anything is written, and each file is written whole or not at all.
        """
        folder = Path(folder)
        if folder.exists() and not folder.is_dir():
            raise InputError("expected a folder for the drafts, found a file", Location(folder))
        outputs: dict[Path, Any] = {folder / DOCUMENT_FILE: self._write_document}
        # A filled workbook is the departments' work: a merge never writes a blank one over it.
        if self.results is None:
            outputs[folder / WORKBOOK_FILE] = self._write_workbook
            if self.source_plan is not None:
                outputs[folder / SOURCE_PLAN_FILE] = self._write_source_plan
        if split:
            from .collector import SEND_FOLDER, department_outputs

            outputs.update(
                department_outputs(folder / SEND_FOLDER, self.tasks, self.targets, self.year - 1)
            )
        existing = [path for path in outputs if path.exists()]
        if existing and not force:
            names = "、".join(path.name for path in existing[:5])
            if len(existing) > 5:
                names += _(" and {n} more").format(n=len(existing) - 5)
            raise OutputExistsError(
                _("the draft folder already has {names}").format(names=names),
                Location(folder),
                them=len(existing) > 1,
            )
        try:
            for parent in dict.fromkeys(path.parent for path in outputs):
                parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            message = _("cannot make the draft folder: {why}").format(why=exc.strerror)
            raise InputError(message, Location(folder)) from None
        # All or nothing: a failure writing the workbook leaves the old document.yaml in place.
        with atomic_outputs(list(outputs), force) as tmps:
            for tmp, write in zip(tmps, outputs.values(), strict=True):
                write(tmp)
        return list(outputs)

    def _write_document(self, path: Path) -> None:
        path.write_text(dumps(self.document, self._comment()), encoding="utf-8")

    def _write_workbook(self, path: Path) -> None:
        write_workbook(path, self.tasks, self.targets, self.reviews)

    def _write_source_plan(self, path: Path) -> None:
        comment = (
            f"The {self.year - 1} plan the drafts were made from: `edureport collect` drafts the "
            f"{self.year - 1} summary from it.\nLeave it as it is."
        )
        path.write_text(dumps(Document(plan=self.source_plan), comment), encoding="utf-8")

    def _comment(self) -> str:
        notice = self.document.notice
        name = f"{notice.code}: {''.join(notice.title)}" if notice else f"{self.year}年"
        return (
            f"{name}\n\n"
            f"Drafted by edureport draft. {PLACEHOLDER} marks what is still to write and "
            f"{REVIEW} what to review;\n"
            "`edureport check` lists them. Build with: edureport build <this folder>"
        )


def draft(
    source: str | Path | Document,
    year: int | str | None = None,
    *,
    serial: int | None = None,
    results: str | Path | None = None,
    summary_form: str = "paragraphs",
) -> Drafts:
    """Drafts of next year's notice from ``source`` (a data folder or .yaml; .docx/.txt via parse).

    ``year`` is the new year (default: the source plan's year + 1); ``serial`` the new document's
    number (default: left as 【待填写】); ``results`` a filled workbook to merge; ``summary_form``
    how the summary writes each item (see :data:`SUMMARY_FORMS`). A year
    written as text ("2022") is read as the number it spells.
    """
    year = _year(year)
    document = _read_source(source)
    where = Location(document.source)
    plan = document.plan
    if plan is None or not plan.items:
        raise InputError("the source has no plan (工作要点) with items to draft from", where)
    plan_year = year_of_plan(document)
    if plan_year is None and year is None:
        raise InputError("cannot tell the source plan's year; give the new year (--year)", where)
    if year is None:
        assert plan_year is not None
        year = plan_year + 1
    if plan_year is not None and year != plan_year + 1:
        raise InputError(
            _("the source's plan is for {year}, so its drafts are for {next}, not {given}").format(
                year=plan_year, next=plan_year + 1, given=year
            ),
            where,
        )
    if serial is not None and serial < 1:
        message = _("expected a serial number of 1 or more, got {serial}").format(serial=serial)
        raise InputError(message, where)
    if summary_form not in SUMMARY_FORMS:
        raise InputError(
            _("expected a summary form of {forms}, got “{form}”").format(
                forms=_(" or ").join(SUMMARY_FORMS), form=summary_form
            ),
            where,
        )
    tasks, targets = plan_tasks(plan)
    new_plan = _plan(plan, year)
    reviews = find_reviews(new_plan, year)
    new = Document(
        notice=_notice(document.notice, year, serial) if document.notice else None,
        summary=summary(year - 1, tasks, targets, summary_form),
        plan=new_plan,
        comments=[Comment(r.sentence, r.note) for r in reviews],
    )
    drafts = Drafts(
        year,
        new,
        tasks,
        targets,
        source_plan=copy.deepcopy(plan),
        reviews=reviews,
        summary_form=summary_form,
    )
    return merge_results(drafts, results) if results is not None else drafts


_UNIT_ROLES: tuple[Role, ...] = ("departments", "cooperating", "leader", "deadline")


def _unit_labels(columns: list[str]) -> dict[str, str]:
    """How a task table heads its unit columns (牵头单位 | 责任单位 | 完成时限), by role."""
    found = task_columns(columns) or {}
    return {
        role: word
        for role, c in found.items()
        if role in _UNIT_ROLES and (word := label_word(columns[c], role))
    }


def plan_tasks(plan: Plan) -> tuple[list[Task], list[Target]]:
    """Every item of ``plan`` as a task numbered 1…N in reading order (groups included), and the
    numeric targets in its goals and measures."""
    tasks: list[Task] = []
    targets: list[Target] = []

    def walk(
        section: PlanSection, top: str, groups: tuple[str, ...], table: dict[str, str]
    ) -> None:
        table = _unit_labels(section.columns) if section.columns else table
        for item in section.items:
            number = len(tasks) + 1
            labels = table or {
                role: word
                for role, written in item.labels.items()
                if role in _UNIT_ROLES and (word := label_word(written, role))
            }
            tasks.append(Task(number, top, copy.deepcopy(item), groups=groups, labels=labels))
            for text in [*item.goal, *item.measures]:
                if isinstance(text, str):  # a table's figures are read as they stand
                    targets.extend(find_targets(text, number))
        _share_closing_units(tasks[len(tasks) - len(section.items) :])
        for group in section.sections:
            walk(group, top, (*groups, group.title), table)

    for section in plan.sections:
        walk(section, section.title, (), {})
    return tasks, targets


def _share_closing_units(group: list[Task]) -> None:
    """Items written as their titles alone, then “（责任单位：A、B）” on a line of its own after the
    last of them, no other naming a unit: the units are the whole group's (a 责任分解 writes them
    once a group), so each item's row and each unit's sheet has them."""
    if len(group) < 2:
        return
    last = group[-1].item
    closing = (
        last.departments
        and last.inline is None
        and not last.departments_inline
        and last.labels.get("departments", " ")[0] in "（("
    )
    titles_alone = not any(t.item.goal or t.item.measures or t.item.paragraphs for t in group)
    named = any(t.item.departments or t.item.cooperating for t in group[:-1])
    if closing and titles_alone and not named:
        for task in group[:-1]:
            task.item.departments = list(last.departments)
            task.item.cooperating = list(last.cooperating)


def _year(year: int | str | None) -> int | None:
    if year is None or (isinstance(year, int) and not isinstance(year, bool)):
        return year
    if isinstance(year, str) and re.fullmatch(r"\s*\d{4}\s*", year):
        return int(year)
    message = _("expected the year as a number such as 2022, got {year!r}")
    raise InputError(message.format(year=year))


def merge_results(drafts: Drafts, path: str | Path) -> Drafts:
    """New drafts with the filled workbook at ``path`` merged: each item's result under its item.

    The results replace any merged before, so merging the same workbook twice gives the same drafts.
    Rows matching no item, items with no result and department sheets that disagree are listed in
    ``problems`` by sheet and cell; nothing is guessed.
    """
    path = Path(path)
    filled = read_workbook(path, drafts.tasks, drafts.targets)
    tasks = [
        dataclasses.replace(
            t,
            result=filled.results.get(t.number),
            note=filled.notes.get(t.number),
            answers=filled.answers.get(t.number, ()),  # several departments: a paragraph each
        )
        for t in drafts.tasks
    ]
    targets = [dataclasses.replace(t, actual=filled.actuals.get(t.key)) for t in drafts.targets]
    document = copy.deepcopy(drafts.document)
    document.summary = summary(drafts.year - 1, tasks, targets, drafts.summary_form)
    return dataclasses.replace(
        drafts,
        document=document,
        tasks=tasks,
        targets=targets,
        problems=list(filled.problems),
        results=path,
    )


def _read_source(source: str | Path | Document) -> Document:
    if isinstance(source, Document):
        return source
    path = Path(source)
    if path.suffix.lower() not in TEXT_SOURCES:
        return load(path)
    try:  # parse is optional: it reads a finished document back into data
        parse = importlib.import_module(".parser", __package__).parse
    except (ImportError, AttributeError):
        raise InputError(
            "drafting from a .docx or .txt needs the parser (edureport.parse), which is not "
            "available here; give the data folder or .yaml file instead",
            Location(path),
        ) from None
    result = parse(path)
    document = result if isinstance(result, Document) else getattr(result, "document", None)
    if not isinstance(document, Document):
        raise InputError("parse returned no document for this file", Location(path))
    if document.source is None:
        document.source = path
    return document


def year_of_plan(document: Document) -> int | None:
    """The year the plan of ``document`` is for, from its title (2021年工作要点 → 2021)."""
    plan = document.plan
    if plan is not None:
        found = re.search(r"(\d{4})\s*年", plan.title)
        if found:
            return int(found[1])
    if document.notice is not None and document.notice.code is not None:
        return document.notice.code.year
    if document.notice is not None and document.notice.date is not None:
        return document.notice.date.year
    return None


def _notice(old: Notice, year: int, serial: int | None) -> Notice:
    """The same organs, recipients and closing block; the years and the number moved on."""
    years = {year - 2: year - 1, year - 1: year}
    notice = copy.deepcopy(old)
    # A notice that had no 发文字号 gets none: the office decides whether this one has one.
    notice.code = DocumentCode(old.code.agency, year, serial) if old.code is not None else None
    notice.title = [shift_years(line, years) for line in old.title]
    if notice.title == old.title:  # a title without the years: write the usual one
        notice.title = [f"关于印发{year - 1}年工作总结及{year}年工作要点的通知"]
    notice.body = [shift_years(p, years) for p in old.body]
    notice.attachments = [shift_years(p, years) for p in old.attachments]
    if not notice.organs:  # a source whose organs were not read: the office names them
        notice.organs = [PLACEHOLDER]
    # Only the office knows the day it signs: the dates stay 【待填写】 until it fills them in.
    notice.date = None
    notice.printed_on = None
    notice.copy_number = None
    notice.prints = ["summary", "plan"]
    return notice


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in "。；！？.;!?" else text + "。"


def summary(
    year: int, tasks: list[Task], targets: list[Target], form: str = "paragraphs"
) -> Summary:
    """The summary of ``year`` drafted from the plan's tasks and whatever results they have.

    The plan's sections (and groups) become the summary's; each item is its results, one paragraph
    per answer, the lead department's first. ``form="goals"`` writes each item the older way, as
    a run-in heading followed by 目标任务：… 完成情况：….
    """
    preface: list[str | Table] = [f"{PLACEHOLDER}（{year}年工作总体情况和主要成绩）"]
    if any(t.actual is not None for t in targets):
        preface.append(f"{year}年主要目标任务完成情况见表1。")
        # “表1” makes it a caption to `check`, which then expects a caption's look, not a body's.
        table = target_table(targets, caption=f"表1　{year}年主要目标完成情况")
        for row in table.rows:  # an actual value not yet given: to fill, and `check` says so
            row[2] = row[2] or PLACEHOLDER
        preface.append(table)
    sections: list[Section] = []
    at: dict[tuple[str, ...], Section] = {}
    for task in tasks:
        path = (task.section, *task.groups)
        for depth in range(1, len(path) + 1):
            if path[:depth] not in at:
                node = at[path[:depth]] = Section(title=path[depth - 1] or PLACEHOLDER)
                (sections if depth == 1 else at[path[: depth - 1]].subsections).append(node)
        node = at[path]
        texts = _results(task)
        if form == "goals":
            item = task.item
            planned = _joined(item.goal) or _joined(item.measures)
            first = f"{item.label('goal')}{_sentence(planned)}" if planned else ""
            first += f"完成情况：{texts[0] if texts else PLACEHOLDER}"
            title = item.title if item.title.endswith("。") else item.title + "。"
            paragraphs: list[str | Table] = [first, *texts[1:]]
            node.subsections.append(Section(title=title, paragraphs=paragraphs, run_in=True))
        else:
            title = task.item.title.rstrip("。")
            node.paragraphs.extend(texts or [f"{PLACEHOLDER}（第{task.number}项：{title}）"])
    return Summary(title=f"{year}年工作总结", preface=preface, sections=sections)


def _results(task: Task) -> list[str]:
    """An item's results as paragraphs: each department's answer (its note after it, to
    review), else the merged result; a note without a result is kept as a paragraph to fill."""

    def paragraph(result: str | None, note: str | None) -> str:
        text = _sentence(result) if result else PLACEHOLDER
        return text + (f"（{REVIEW}备注：{note}）" if note else "")

    texts = [paragraph(a.result, a.note) for a in task.answers if a.result or a.note]
    if not texts and (task.result or task.note):
        texts = [paragraph(task.result, task.note)]
    return texts


# Names and forms are carried over as written; only text is moved on a year.
_KEEP = {
    "departments",
    "departments_end",
    "labels",
    "number",
    "departments_inline",
    "cooperating",
    "leader",
    "inline",
    "separators",
}


def _shifted(value: Any, years: dict[int, int]) -> Any:
    """A copy of a plan part with every year in its text moved on; names and labels kept."""
    if isinstance(value, str):
        return shift_years(value, years)
    if isinstance(value, list):
        return [_shifted(v, years) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: _shifted(getattr(value, f.name), years)
            for f in dataclasses.fields(value)
            if f.init and f.name not in _KEEP
        }
        return dataclasses.replace(value, **changes)
    return copy.deepcopy(value)


def _marked(text: str) -> str:
    """``text`` with 【待核对】 after each numeric target, for the new year's figures."""
    for target in reversed(find_targets(text)):
        text = text[: target.end] + REVIEW + text[target.end :]
    return text


def _joined(paragraphs: list[str | Table]) -> str:
    """An item field's text in one piece (its tables are left out)."""
    return "".join(p for p in paragraphs if isinstance(p, str) and p)


def _plan(old: Plan, year: int) -> Plan:
    """The plan of ``year``: every item carried over, the plan's own year moved on."""
    plan: Plan = copy.deepcopy(old)
    for item in plan.items:
        item.goal = [_marked(p) if isinstance(p, str) else p for p in item.goal]
        item.measures = [_marked(p) if isinstance(p, str) else p for p in item.measures]
    shifted = _shifted(plan, {year - 1: year})
    assert isinstance(shifted, Plan)
    return shifted
