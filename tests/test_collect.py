"""Sending each department its workbook and collecting what comes back, as an office does.

The drafts come from tests/data/drafting (a plan with groups, lead and co-operating units). The
departments answer the way people do: one file re-saved by LibreOffice Calc and renamed, one
answering an item of another department, one returned empty, one late, one not at all.
"""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from conftest import docx_lines
from lxml import etree

import edureport
from edureport.cli import main
from edureport.collector import Collected, collect, department_file, report
from edureport.dump import dumps

DATA = Path(__file__).parent / "data" / "drafting"
PLAN_ITEMS = {  # what tests/data/drafting/document.yaml says, as a reader sees it
    1: ("开展党史学习教育", ["党建办"], ["办公室"]),
    2: ("落实意识形态工作责任制", ["党建办"], []),
    3: ("扩大普惠性学前教育资源", ["基教科"], ["规划财务科", "督导室"]),
    4: ("落实“双减”要求", ["基教科"], ["督导室"]),
    5: ("改善办学条件", ["规划财务科"], []),
}
ANSWERS = {
    ("党建办", 1): "全县开展党史学习教育专题活动120场，覆盖师生3.2万人次。",
    ("党建办", 2): "召开意识形态工作专题会议2次，排查风险点6个。",
    ("基教科", 3): "新建公办幼儿园3所，学前三年毛入园率达到93%",
    ("基教科", 5): "协助完成城关小学校舍维修。",  # not 基教科's item
    ("规划财务科", 3): "落实学前教育专项资金860万元。",
    ("规划财务科", 5): "完成12所学校校舍维修，投入资金1500万元。",
    ("基教科", 4): "全县校外培训机构压减85%，作业公示制度全面落实。",
}


def _soffice() -> bool:
    from edureport.office import find_soffice

    return find_soffice() is not None


def _fill(path: Path, answers: dict[int, str], extra: dict[int, str] | None = None) -> None:
    """Write answers in the 完成情况 column, by the 序号 of each row, as a department would."""
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[1]
    header = [c.value for c in sheet[1]]
    result = header.index("完成情况") + 1
    for row in sheet.iter_rows(min_row=2):
        if row[0].value in answers:
            sheet.cell(row[0].row, result).value = answers[row[0].value]
    for number, text in (extra or {}).items():  # a row added by hand for another item
        sheet.append([number])
        sheet.cell(sheet.max_row, result).value = text
    book.save(path)


def _sent(folder: Path, department: str) -> Path:
    (path,) = (folder / "分发").glob(f"{department}-*.xlsx")
    return path


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """Send out, receive in two rounds, collect after each; every step's result kept."""
    root = tmp_path_factory.mktemp("office")
    folder = root / "drafts" / "2022"
    written = edureport.draft(DATA).write(folder, split=True)
    inbox1, inbox2 = root / "收件1", root / "收件2"
    inbox1.mkdir()
    inbox2.mkdir()
    # 党建办 fills its file, Calc re-saves it, and it comes back under another name.
    party = inbox1 / "党建办.xlsx"
    shutil.copy(_sent(folder, "党建办"), party)
    _fill(party, {1: ANSWERS[("党建办", 1)], 2: ANSWERS[("党建办", 2)]})
    if _soffice():
        from edureport.office import convert

        (resaved,) = convert([party], root / "calc", to="xlsx")
        party.unlink()
        shutil.move(resaved, inbox1 / "总结材料（最终版）.xlsx")
    # 基教科 answers its lead item, one of 规划财务科's items, and a 序号 the plan lacks.
    basic = inbox1 / "jjk.xlsx"
    shutil.copy(_sent(folder, "基教科"), basic)
    _fill(
        basic, {3: ANSWERS[("基教科", 3)]}, extra={5: ANSWERS[("基教科", 5)], 99: "计划外的工作。"}
    )
    book = openpyxl.load_workbook(basic)
    targets = book["目标指标"]
    for row in targets.iter_rows(min_row=2):
        row[4].value = {"学前三年毛入园率": "93%", "新增普惠性幼儿园": 5}[row[2].value]
    book.save(basic)
    # 督导室 sends its file back without writing anything.
    shutil.copy(_sent(folder, "督导室"), inbox1 / "督导室-空.xlsx")
    first = collect([inbox1], folder)
    state = (folder / "collected.yaml").read_bytes(), (folder / "document.yaml").read_bytes()
    again = collect([inbox1], folder)
    state_again = (folder / "collected.yaml").read_bytes(), (folder / "document.yaml").read_bytes()
    # Late: 规划财务科, and 基教科 again with item 4 now and item 3 left empty.
    finance = inbox2 / "规划财务科 2021总结.xlsx"
    shutil.copy(_sent(folder, "规划财务科"), finance)
    _fill(finance, {3: ANSWERS[("规划财务科", 3)], 5: ANSWERS[("规划财务科", 5)]})
    basic2 = inbox2 / "基教科（补报）.xlsx"
    shutil.copy(_sent(folder, "基教科"), basic2)
    _fill(basic2, {4: ANSWERS[("基教科", 4)]})
    late = collect([inbox2], folder)  # the first round's files are not given again
    return {
        "folder": folder,
        "written": written,
        "first": first,
        "again": again,
        "late": late,
        "state": state,
        "state_again": state_again,
        "inbox1": inbox1,
    }


# Sending out -------------------------------------------------------------------------------------


def test_each_department_gets_a_workbook_named_for_it(office: dict[str, object]) -> None:
    folder = office["folder"]
    assert isinstance(folder, Path)
    sent = sorted(p.name for p in (folder / "分发").iterdir())
    assert sent == sorted(
        f"{d}-2021年工作完成情况.xlsx"
        for d in ["党建办", "办公室", "基教科", "规划财务科", "督导室"]
    )


def test_a_department_workbook_holds_its_items_with_its_role(office: dict[str, object]) -> None:
    folder = office["folder"]
    assert isinstance(folder, Path)
    book = openpyxl.load_workbook(_sent(folder, "督导室"))
    assert book.sheetnames[0] == "填报说明"
    guide = [
        [c for c in row if c is not None] for row in book["填报说明"].iter_rows(values_only=True)
    ]
    assert ["填报科室", "督导室"] in guide
    assert any("完成情况" in str(line) for line in guide) and any(
        "发回" in str(line) for line in guide
    )
    rows = list(book["督导室"].iter_rows(values_only=True))
    header = rows[0]
    roles = {row[0]: row[header.index("角色")] for row in rows[1:]}
    assert roles == {3: "配合", 4: "配合"}  # only where it co-operates: it leads nothing
    basic = openpyxl.load_workbook(_sent(folder, "基教科"))
    rows = list(basic["基教科"].iter_rows(values_only=True))
    header = rows[0]
    assert {row[0]: row[header.index("角色")] for row in rows[1:]} == {3: "牵头", 4: "牵头"}
    assert {row[0]: row[header.index("配合单位")] for row in rows[1:]} == {
        3: "规划财务科、督导室",
        4: "督导室",
    }
    # the targets of the items it leads, to fill in
    assert [r[2] for r in basic["目标指标"].iter_rows(min_row=2, values_only=True)] == [
        "学前三年毛入园率",
        "新增普惠性幼儿园",
    ]


def test_the_all_items_workbook_stays_as_it_was(office: dict[str, object]) -> None:
    folder = office["folder"]
    assert isinstance(folder, Path)
    sheet = openpyxl.load_workbook(folder / "results.xlsx")["全部任务"]
    assert sheet.max_row - 1 == len(PLAN_ITEMS)


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("规划财务（审计）科", "规划财务（审计）科"),
        ("各县<市、区>人民政府", "各县_市、区_人民政府"),
        ('办公室/法规科: "综合"?', "办公室_法规科_ _综合__"),
    ],
)
def test_file_names_are_safe_on_windows_and_keep_chinese(name: str, safe: str) -> None:
    assert department_file(name, 2021) == f"{safe}-2021年工作完成情况.xlsx"


def test_departments_whose_names_collide_as_files_get_numbered(tmp_path: Path) -> None:
    from edureport.collector import department_outputs
    from edureport.drafter import plan_tasks

    plan = edureport.load(DATA).plan
    assert plan is not None
    tasks, _ = plan_tasks(plan)
    tasks[0].item.departments = ["督导室/一"]
    tasks[1].item.departments = ["督导室:一"]
    names = sorted(p.name for p in department_outputs(tmp_path, tasks, [], 2021))
    clashing = [n for n in names if n.endswith("-督导室_一-2021年工作完成情况.xlsx")]
    assert clashing == [
        "01-督导室_一-2021年工作完成情况.xlsx",
        "03-督导室_一-2021年工作完成情况.xlsx",
    ]
    assert "02-办公室-2021年工作完成情况.xlsx" in names  # numbered in the order of the plan


# Collecting --------------------------------------------------------------------------------------


def _answers(collected: Collected, number: int) -> list[tuple[str | None, str | None]]:
    (task,) = [t for t in collected.tasks if t.number == number]
    return [(a.department, a.result) for a in task.answers]


def test_the_department_is_read_from_the_workbook_not_its_name(office: dict[str, object]) -> None:
    first = office["first"]
    assert isinstance(first, Collected)
    by_department = {p.department: p for p in first.progress}
    assert by_department["党建办"].answered == 2
    assert by_department["党建办"].files == [
        "总结材料（最终版）.xlsx" if _soffice() else "党建办.xlsx"
    ]
    assert by_department["基教科"].files == ["jjk.xlsx"]


def test_the_first_round_report(office: dict[str, object]) -> None:
    first = office["first"]
    assert isinstance(first, Collected)
    progress = {
        p.department: (p.assigned, p.answered, p.empty, len(p.files)) for p in first.progress
    }
    assert progress == {
        "党建办": (2, 2, 0, 1),
        "办公室": (1, 0, 1, 0),
        "基教科": (2, 1, 1, 1),
        "规划财务科": (2, 0, 2, 0),
        "督导室": (2, 0, 2, 1),  # sent its file back empty
    }
    assert first.silent == ["办公室", "规划财务科"]
    assert [t.number for t in first.unanswered] == [4]
    (unassigned,) = first.unassigned
    assert unassigned[0].number == 5 and unassigned[1].department == "基教科"
    (unmatched,) = first.problems  # 序号 99: by file, sheet and cell
    assert unmatched.location.file is not None and unmatched.location.file.name == "jjk.xlsx"
    # 完成情况 is column K here (after 分组, 配合单位, 责任领导 and 角色); 99 is on row 5
    assert unmatched.location.cell == "基教科!K5"
    text = report(first)
    assert "sent nothing: 办公室、规划财务科" in text
    assert "targets without" not in text  # 基教科 gave both actual values
    assert "no answer: 4" in text
    assert "jjk.xlsx, cell 基教科!K5: 序号 99 is not an item of the plan" in text


def test_collecting_the_same_files_again_changes_nothing(office: dict[str, object]) -> None:
    assert office["state"] == office["state_again"]
    first, again = office["first"], office["again"]
    assert isinstance(first, Collected) and isinstance(again, Collected)
    assert [t.answers for t in first.tasks] == [t.answers for t in again.tasks]


def test_late_files_add_and_nothing_earlier_is_lost(office: dict[str, object]) -> None:
    late = office["late"]
    assert isinstance(late, Collected)
    assert late.unanswered == []
    assert late.silent == ["办公室"]
    # the first round's files were not given again: their answers stay
    assert _answers(late, 1) == [("党建办", ANSWERS[("党建办", 1)])]
    assert _answers(late, 2) == [("党建办", ANSWERS[("党建办", 2)])]
    # 基教科's second file left item 3 empty: its first answer stands
    assert _answers(late, 3)[0] == ("基教科", ANSWERS[("基教科", 3)])
    assert _answers(late, 4) == [("基教科", ANSWERS[("基教科", 4)])]
    assert late.revised == []


def test_two_departments_on_one_item_are_both_kept_lead_first(office: dict[str, object]) -> None:
    late = office["late"]
    assert isinstance(late, Collected)
    assert _answers(late, 3) == [
        ("基教科", ANSWERS[("基教科", 3)]),  # the lead
        ("规划财务科", ANSWERS[("规划财务科", 3)]),  # co-operating, though it answered later
    ]
    # an answer from a department the item does not name comes after the named ones
    assert _answers(late, 5) == [
        ("规划财务科", ANSWERS[("规划财务科", 5)]),
        ("基教科", ANSWERS[("基教科", 5)]),
    ]
    assert [t.number for t in late.answered_twice] == [3, 5]
    assert "item 3 answered 2 times, each kept: 基教科（牵头）、规划财务科（配合）" in report(late)


def test_every_answer_is_in_the_summary_under_its_item(office: dict[str, object]) -> None:
    folder = office["folder"]
    assert isinstance(folder, Path)
    summary = edureport.load(folder).summary
    assert summary is not None
    party, education = summary.sections
    assert party.title == "加强党的建设"
    assert party.paragraphs == [ANSWERS[("党建办", 1)], ANSWERS[("党建办", 2)]]
    preschool, compulsory = education.subsections  # the plan's groups
    assert preschool.title == "办好学前教育"
    assert preschool.paragraphs == [
        ANSWERS[("基教科", 3)] + "。",
        ANSWERS[("规划财务科", 3)],
    ]
    assert compulsory.paragraphs == [
        ANSWERS[("基教科", 4)],
        ANSWERS[("规划财务科", 5)],
        ANSWERS[("基教科", 5)],
    ]
    table = next(b for b in summary.preface if isinstance(b, edureport.Table))
    assert {r[0]: r[1:] for r in table.rows} == {
        "学前三年毛入园率": ["达到92%", "93%", "超额"],
        "新增普惠性幼儿园": ["5所", "5所", "完成"],
    }


def test_the_status_workbook_has_a_progress_sheet_and_chart(office: dict[str, object]) -> None:
    folder = office["folder"]
    assert isinstance(folder, Path)
    status = folder / "进度.xlsx"
    book = openpyxl.load_workbook(status)
    assert book.sheetnames[0] == "进度"
    rows = list(book["进度"].iter_rows(values_only=True))
    assert rows[0][:6] == ("科室", "分配事项", "牵头", "配合", "已填", "未填")
    assert rows[2] == ("办公室", 1, 0, 1, 0, 1, "未交")
    with zipfile.ZipFile(status) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == 1
        chart = etree.fromstring(z.read(charts[0]))
    c = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart"}
    (bar,) = chart.findall(".//c:barChart", c)
    assert bar.find("c:grouping", c).get("val") == "stacked"
    # a native chart over the table's own cells: 已填 and 未填 by department
    assert [f.text for f in bar.findall("c:ser/c:tx/c:strRef/c:f", c)] == ["'进度'!E1", "'进度'!F1"]
    assert [f.text for f in bar.findall("c:ser/c:val/c:numRef/c:f", c)] == [
        "'进度'!$E$2:$E$6",
        "'进度'!$F$2:$F$6",
    ]
    assert {f.text for f in bar.findall("c:ser/c:cat/c:strRef/c:f", c)} == {"'进度'!$A$2:$A$6"}
    unmatched = list(book["未匹配"].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in unmatched] == []  # the late round matched everything


def test_the_collected_draft_builds_and_checks_clean_once_filled(
    office: dict[str, object], tmp_path: Path
) -> None:
    folder = office["folder"]
    assert isinstance(folder, Path)
    document = edureport.load(folder)
    lines = docx_lines(edureport.build(document, tmp_path / "draft.docx"))
    for text in ANSWERS.values():
        assert any(text in line for line in lines), text
    # What the office still does by hand: the number, the date, the overview and the review.
    assert document.notice is not None and document.summary is not None
    assert document.notice.code is not None and document.plan is not None
    document.notice.code.serial = 4
    document.notice.date = dt.date(2022, 3, 1)
    document.summary.preface[0] = "2021年，全县教育系统坚持立德树人，各项工作取得新进展。"
    text = dumps(document).replace("【待核对】", "")
    final = edureport.load(_written(tmp_path / "final", text))
    built = edureport.build(final, tmp_path / "final.docx")
    check = pytest.importorskip("edureport.checker")
    errors = [f for f in check.check(built) if f.severity.name == "ERROR"]
    assert errors == []


def _written(folder: Path, text: str) -> Path:
    folder.mkdir()
    (folder / "document.yaml").write_text(text, encoding="utf-8")
    return folder


def test_an_empty_cell_never_erases_and_a_changed_answer_keeps_the_earlier(
    office: dict[str, object], tmp_path: Path
) -> None:
    folder = office["folder"]
    assert isinstance(folder, Path)
    copy = tmp_path / "2022"
    shutil.copytree(folder, copy)
    revised = tmp_path / "党建办-改.xlsx"
    shutil.copy(_sent(copy, "党建办"), revised)
    _fill(revised, {1: "全县开展党史学习教育专题活动126场。"})
    result = collect([revised], copy)
    assert _answers(result, 1) == [("党建办", "全县开展党史学习教育专题活动126场。")]
    assert _answers(result, 2) == [("党建办", ANSWERS[("党建办", 2)])]  # left empty: kept
    (line,) = result.revised
    assert line.startswith("item 1 (党建办)")
    state = (copy / "collected.yaml").read_text(encoding="utf-8")
    assert ANSWERS[("党建办", 1)] in state  # the earlier text is kept too
    # all files again, the earlier one among them: the revision stands and nothing changes
    inbox1 = office["inbox1"]
    assert isinstance(inbox1, Path)
    before = (copy / "collected.yaml").read_bytes()
    again = collect([inbox1, revised], copy)
    assert _answers(again, 1) == [("党建办", "全县开展党史学习教育专题活动126场。")]
    assert again.revised == []
    assert (copy / "collected.yaml").read_bytes() == before


def test_a_renamed_task_sheet_is_still_the_department_s(tmp_path: Path) -> None:
    folder = tmp_path / "2022"
    edureport.draft(DATA).write(folder, split=True)
    path = tmp_path / "returned.xlsx"
    shutil.copy(_sent(folder, "党建办"), path)
    _fill(path, {2: "已完成。"})
    book = openpyxl.load_workbook(path)
    book.worksheets[1].title = "Sheet1"
    book.save(path)
    result = collect([path], folder)
    assert _answers(result, 2) == [("党建办", "已完成。")]


def test_the_drafts_own_workbooks_are_not_answers_and_xls_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "2022"
    edureport.draft(DATA).write(folder, split=True)
    result = collect([folder], folder)  # the blank workbooks sent out are not returned ones
    assert result.received == [] and len(result.silent) == 5
    (folder / "旧表.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(edureport.InputError, match=r"\.xls files are not read"):
        collect([folder], folder)


def test_collect_needs_a_drafts_folder(tmp_path: Path) -> None:
    with pytest.raises(edureport.InputError, match=r"source-plan\.yaml"):
        collect([tmp_path], tmp_path)


# The CLI ----------------------------------------------------------------------------------------


def test_draft_split_and_collect_on_the_command_line(tmp_path: Path) -> None:
    runner = CliRunner()
    folder = tmp_path / "drafts" / "2022"
    result = runner.invoke(main, ["draft", str(DATA), "-o", str(folder), "--split"])
    assert result.exit_code == 0, result.output
    assert "分发/基教科-2021年工作完成情况.xlsx" in result.stdout
    assert "第1项 工作措施: 2022年是“十四五”开局之年" in result.stdout
    returned = tmp_path / "in" / "a.xlsx"
    returned.parent.mkdir()
    shutil.copy(_sent(folder, "党建办"), returned)
    _fill(returned, {1: "已完成。"})
    result = runner.invoke(main, ["collect", str(returned.parent), "--into", str(folder)])
    assert result.exit_code == 0, result.output
    header, party = result.stdout.splitlines()[:2]
    assert header.split() == ["科室", "分配", "牵头", "配合", "已填", "未填", "文件"]
    assert party.split() == ["党建办", "2", "2", "0", "1", "1", "1"]
    assert "sent nothing: 办公室、基教科、规划财务科、督导室" in result.stdout
    assert (
        "targets without an actual value: 学前三年毛入园率（第3项）、新增普惠性幼儿园（第3项）"
        in result.stdout
    )
    unfilled = openpyxl.load_workbook(folder / "进度.xlsx")["未填指标"]
    assert [r[1] for r in unfilled.iter_rows(min_row=2, values_only=True)] == [
        "学前三年毛入园率",
        "新增普惠性幼儿园",
    ]
    result = runner.invoke(main, ["collect", str(tmp_path / "nowhere"), "--into", str(folder)])
    assert result.exit_code == 1 and "nowhere" in result.stderr
    assert "Traceback" not in result.stderr


def test_what_the_office_wrote_in_the_preface_survives_another_collect(
    office: dict[str, object], tmp_path: Path
) -> None:
    folder = office["folder"]
    assert isinstance(folder, Path)
    copy = tmp_path / "2022"
    shutil.copytree(folder, copy)
    data = copy / "document.yaml"
    written = "2021年，全县教育系统各项工作取得新进展。"
    text = data.read_text(encoding="utf-8")
    assert "【待填写】（2021年工作总体情况和主要成绩）" in text
    data.write_text(text.replace("【待填写】（2021年工作总体情况和主要成绩）", written), "utf-8")
    collect([], copy)
    summary = edureport.load(copy).summary
    assert summary is not None
    assert summary.preface[0] == written
    assert isinstance(summary.preface[2], edureport.Table)  # the table is drafted again


def test_unit_columns_are_headed_as_the_plan_labels_them_and_read_back(tmp_path: Path) -> None:
    # A plan that writes 牵头单位 / 协作单位 / 时间节点: the workbooks say the same, and what
    # comes back under those headings is read without a word about unknown columns.
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "plan:\n  title: 2024年工作要点\n  sections:\n  - title: 重点工作\n    items:\n"
        "    - title: 推进集团化办学\n      measures: [扩大优质资源覆盖面。]\n"
        "      departments: [基教科]\n      cooperating: [督导室]\n      deadline: 12月底\n"
        "      labels: {departments: 牵头单位, cooperating: 协作单位, deadline: 时间节点}\n"
        "    - title: 加强师德师风建设\n      measures: [完善考核评价机制。]\n"
        "      departments: [人事科]\n      deadline: 6月底\n"
        "      labels: {departments: 牵头单位, deadline: 时间节点}\n",
        encoding="utf-8",
    )
    folder = tmp_path / "2025"
    edureport.draft(plan).write(folder, split=True)
    header = [c.value for c in openpyxl.load_workbook(folder / "results.xlsx")["全部任务"][1]]
    assert {"牵头单位", "协作单位", "时间节点"} <= set(header)
    assert not {"责任科室", "配合单位", "完成时限"} & set(header)
    returned = tmp_path / "基教科.xlsx"
    shutil.copy(_sent(folder, "基教科"), returned)
    _fill(returned, {1: "组建教育集团4个。"})
    result = collect([returned], folder)
    assert _answers(result, 1) == [("基教科", "组建教育集团4个。")]
    assert result.problems == []
