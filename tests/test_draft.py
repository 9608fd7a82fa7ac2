"""Next year's drafts from the 2021 example: the notice, the summary skeleton, the new plan."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
import yaml
from conftest import EXAMPLES, docx_lines

import edureport
from edureport import DocumentCode, InputError, OutputExistsError, Section
from edureport.drafter import shift_years
from edureport.loader import loads

SOURCE = EXAMPLES / "chengde-2021"


def _example() -> dict[str, object]:
    """The example data read with plain PyYAML, independently of edureport."""
    data: dict[str, object] = yaml.safe_load((SOURCE / "document.yaml").read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def drafts() -> edureport.Drafts:
    return edureport.draft(SOURCE, year=2022)


# The notice ---------------------------------------------------------------------------------------


def test_the_notice_moves_on_a_year(drafts: edureport.Drafts) -> None:
    notice = drafts.document.notice
    assert notice is not None
    assert str(notice.code) == "承教发〔2022〕【待填写】号"
    assert "".join(notice.title) == "关于印发2021年工作总结及2022年工作要点的通知"
    assert notice.body == [
        "现将《2021年工作总结》和《2022年工作要点》印发给你们，请收阅并结合实际认真贯彻落实。"
    ]
    source = _example()["notice"]
    assert notice.organs == source["organs"]  # type: ignore[index]
    assert notice.recipients == source["recipients"]  # type: ignore[index]
    assert notice.prints == ["summary", "plan"]


def test_the_serial_can_be_given() -> None:
    notice = edureport.draft(SOURCE, serial=5).document.notice
    assert notice is not None and str(notice.code) == "承教发〔2022〕5号"


def test_the_year_must_follow_the_source_plan() -> None:
    with pytest.raises(InputError, match=r"2021.*2022.*2023"):
        edureport.draft(SOURCE, year=2023)


def test_a_source_without_a_plan_is_refused() -> None:
    with pytest.raises(InputError, match="no plan"):
        edureport.draft(EXAMPLES / "school-2023")


# The summary draft --------------------------------------------------------------------------------


def test_the_summary_follows_the_2021_plan(drafts: edureport.Drafts) -> None:
    summary = drafts.document.summary
    assert summary is not None
    assert summary.title == "2021年工作总结"
    plan = _example()["plan"]
    sections = plan["sections"]  # type: ignore[index]
    assert [s.title for s in summary.sections] == [s["title"] for s in sections]
    for drafted, source in zip(summary.sections, sections, strict=True):
        # one paragraph per item, no headings of its own: a summary, not a checklist
        assert drafted.subsections == []
        assert len(drafted.paragraphs) == len(source["items"])


def test_each_item_leaves_its_result_and_does_not_repeat_the_goal(
    drafts: edureport.Drafts,
) -> None:
    summary = drafts.document.summary
    assert summary is not None
    first = summary.sections[2].paragraphs[0]  # item 10, 推进学前教育普及普惠发展
    assert first == "【待填写】（第10项：推进学前教育普及普惠发展）"
    text = "".join(str(p) for s in summary.sections for p in s.paragraphs)
    assert "目标任务" not in text and "学前三年毛入园率达到92%" not in text
    assert summary.preface[0].startswith("【待填写】")  # type: ignore[union-attr]


def test_the_goals_form_writes_goal_and_result_under_each_item() -> None:
    summary = edureport.draft(SOURCE, summary_form="goals").document.summary
    assert summary is not None
    first: Section = summary.sections[2].subsections[0]  # 推进学前教育普及普惠发展
    assert first.run_in and first.title == "推进学前教育普及普惠发展。"
    assert first.paragraphs == [
        "目标任务：多渠道扩大普惠性学前教育资源，提高保教质量。学前三年毛入园率达到92%，"
        "在普惠园就读比例达到82%，新增省级示范性幼儿园10所，60%幼儿园达到一类园标准。"
        "完成情况：【待填写】"
    ]
    with pytest.raises(InputError, match="paragraphs or goals"):
        edureport.draft(SOURCE, summary_form="table")


# The plan draft -----------------------------------------------------------------------------------


def test_every_item_is_carried_over_with_its_departments(drafts: edureport.Drafts) -> None:
    plan = drafts.document.plan
    assert plan is not None
    assert plan.title == "2022年工作要点"
    items = [i for s in _example()["plan"]["sections"] for i in s["items"]]  # type: ignore[index]
    assert len(plan.items) == len(items) == 34
    assert [i.departments for i in plan.items] == [i["departments"] for i in items]
    assert [i.title for i in plan.items] == [i["title"] for i in items]


def test_the_plans_own_year_moves_on_but_spans_and_codes_stay(drafts: edureport.Drafts) -> None:
    plan = drafts.document.plan
    assert plan is not None
    text = "\n".join(p for item in plan.items for p in [*item.goal, *item.measures])
    assert "2022年秋季学期全市大中小学全部开设劳动教育课程" in text
    assert "召开 2022 年全市教育系统全面从严治党会议" in text
    assert "2021年" not in text and "2021 年" not in text
    assert "（2020-2022 年）" in text  # a span of years is not the plan's year
    assert "（2020-2023年）" in text
    assert "（冀教工委〔2020〕18号）" in text


def test_numeric_targets_are_kept_and_marked_for_review(drafts: edureport.Drafts) -> None:
    plan = drafts.document.plan
    assert plan is not None
    goal = plan.items[9].goal[0]
    assert "学前三年毛入园率达到92%【待核对】" in goal
    assert "新增省级示范性幼儿园10所【待核对】" in goal
    assert "培养新型职业农民1500人以上【待核对】" in plan.items[13].measures[0]
    assert "2022年计划落实学生资助资金4亿元【待核对】" in plan.items[29].measures[0]


def test_shift_years() -> None:
    years = {2020: 2021, 2021: 2022}
    assert shift_years("《2020年工作总结》和《2021年工作要点》", years) == (
        "《2021年工作总结》和《2022年工作要点》"
    )
    assert shift_years("（2020—2021年）", years) == "（2020—2021年）"
    assert shift_years("2019年，冀教〔2021〕3号", years) == "2019年，冀教〔2021〕3号"


# Writing the folder -------------------------------------------------------------------------------


def test_the_folder_holds_the_workbook_and_loadable_data(
    drafts: edureport.Drafts, tmp_path: Path
) -> None:
    folder = tmp_path / "drafts" / "2022"
    written = drafts.write(folder)
    assert sorted(p.name for p in written) == ["document.yaml", "results.xlsx", "source-plan.yaml"]
    source_plan = edureport.load(folder / "source-plan.yaml").plan
    assert source_plan is not None and source_plan.title == "2021年工作要点"
    assert source_plan == edureport.load(SOURCE).plan
    text = (folder / "document.yaml").read_text(encoding="utf-8")
    assert "  organs: [中共承德市委教育工委, 承德市教育局]" in text
    assert "departments: [基教科, 规划财务（审计）科, 督导室]" in text
    assert "serial: null" in text
    loaded = edureport.load(folder)
    assert loaded == drafts.document
    assert openpyxl.load_workbook(folder / "results.xlsx")["全部任务"].max_row == 35


def test_nothing_in_the_folder_is_replaced_without_force(
    drafts: edureport.Drafts, tmp_path: Path
) -> None:
    (tmp_path / "results.xlsx").write_bytes(b"the departments' work")
    with pytest.raises(OutputExistsError, match=r"results\.xlsx"):
        drafts.write(tmp_path)
    # checked before anything was written: document.yaml was not written either
    assert not (tmp_path / "document.yaml").exists()
    assert (tmp_path / "results.xlsx").read_bytes() == b"the departments' work"
    drafts.write(tmp_path, force=True)
    assert (tmp_path / "results.xlsx").read_bytes() != b"the departments' work"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary left


def test_the_serial_placeholder_in_the_model() -> None:
    assert str(DocumentCode("承教发", 2022, None)) == "承教发〔2022〕【待填写】号"
    assert str(DocumentCode("承教发", 2022, 3)) == "承教发〔2022〕3号"
    text = (SOURCE / "document.yaml").read_text(encoding="utf-8")
    document = loads(text.replace("    serial: 1\n", "    serial: null\n"))
    assert document.notice is not None and document.notice.code.serial is None
    with pytest.raises(edureport.DataError, match="serial"):
        loads(text.replace("    serial: 1\n", "    serial: 0\n"))
    with pytest.raises(edureport.DataError, match="serial"):
        loads(text.replace("    serial: 1\n", ""))  # still required: null says "not yet"


# Merging results ----------------------------------------------------------------------------------


def _filled(drafts: edureport.Drafts, tmp_path: Path) -> tuple[Path, dict[int, str]]:
    drafts.write(tmp_path)
    path = tmp_path / "results.xlsx"
    book = openpyxl.load_workbook(path)
    sheet = book["全部任务"]
    results = {}
    for row in sheet.iter_rows(min_row=2):
        number = row[0].value
        results[number] = f"第{number}项：按计划完成。"
        row[6].value = results[number]
    for row in book["目标指标"].iter_rows(min_row=2):
        if row[2].value == "学前三年毛入园率":
            row[4].value = "92%"
        if row[2].value == "培养新型职业农民":
            row[4].value = 1480
        if row[2].value == "学生资助资金":
            row[4].value = "4.3亿元"
    book.save(path)
    return path, results


def test_every_filled_result_appears_under_its_item(
    drafts: edureport.Drafts, tmp_path: Path
) -> None:
    path, results = _filled(drafts, tmp_path)
    merged = edureport.merge_results(drafts, path)
    summary = merged.document.summary
    assert summary is not None
    paragraphs = [p for s in summary.sections for p in s.paragraphs]
    assert paragraphs == [results[number] for number in range(1, 35)]
    assert merged.problems == []
    # the original drafts are unchanged
    assert drafts.document.summary is not None
    assert "【待填写】" in str(drafts.document.summary.sections[0].paragraphs[0])


def test_targets_become_a_table_with_their_status(drafts: edureport.Drafts, tmp_path: Path) -> None:
    path, _ = _filled(drafts, tmp_path)
    summary = edureport.merge_results(drafts, path).document.summary
    assert summary is not None
    tables = [b for b in summary.preface if isinstance(b, edureport.Table)]
    (table,) = tables
    rows = {row[0]: row[1:] for row in table.rows}
    assert rows["学前三年毛入园率"] == ["达到92%", "92%", "完成"]
    assert rows["培养新型职业农民"] == ["1500人以上", "1480人", "未完成"]
    assert rows["学生资助资金"] == ["4亿元", "4.3亿元", "超额"]
    assert rows["高中阶段毛入学率"] == ["达到93%", "【待填写】", ""]  # not filled: said so


def test_merging_twice_gives_the_same_result(drafts: edureport.Drafts, tmp_path: Path) -> None:
    path, _ = _filled(drafts, tmp_path)
    once = edureport.merge_results(drafts, path)
    twice = edureport.merge_results(once, path)
    assert twice.document == once.document
    assert twice.problems == once.problems
    again = edureport.draft(SOURCE, results=path)
    assert again.document == once.document


def test_merge_problems_are_reported_not_dropped(drafts: edureport.Drafts, tmp_path: Path) -> None:
    drafts.write(tmp_path)
    path = tmp_path / "results.xlsx"
    book = openpyxl.load_workbook(path)
    sheet = book["全部任务"]
    sheet["G2"] = "完成。"
    sheet["A40"] = 99
    sheet["G40"] = "计划外。"
    book.save(path)
    merged = edureport.merge_results(drafts, path)
    cells = [p.location.cell for p in merged.problems]
    assert "全部任务!G40" in cells  # a row matching no item
    assert "全部任务!G3" in cells  # item 2 has no result
    assert len(merged.problems) == 1 + 33
    assert all(p.location.file == path for p in merged.problems)


def test_a_merged_draft_does_not_write_a_blank_workbook(
    drafts: edureport.Drafts, tmp_path: Path
) -> None:
    path, _ = _filled(drafts, tmp_path)
    before = path.read_bytes()
    merged = edureport.merge_results(drafts, path)
    written = merged.write(tmp_path, force=True)
    assert [p.name for p in written] == ["document.yaml"]
    assert path.read_bytes() == before


# The built notice ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("drafts") / "2022"
    edureport.draft(SOURCE, serial=3).write(folder)
    return edureport.build(folder, folder / "notice.docx")


def test_the_built_notice_has_the_code_title_and_years(built: Path) -> None:
    lines = docx_lines(built)
    assert "承教发〔2022〕3号" in lines
    title = lines.index("关于印发2021年工作总结及2022年")
    assert lines[title + 1] == "工作要点的通知"
    assert "2021年工作总结" in lines and "2022年工作要点" in lines


def test_placeholders_are_visible_in_the_built_document(built: Path) -> None:
    lines = docx_lines(built)
    assert "【待填写】（第1项：深入学习贯彻党的十九届五中全会精神）" in lines
    assert sum("【待填写】" in line for line in lines) == 36  # the preface, 34 items, the date
    date = lines.index("【待填写】")  # 成文日期: only the office knows the day it signs
    assert lines[date - 1].split() == ["中共承德市委教育工委", "承德市教育局"]
    assert any("学前三年毛入园率达到92%【待核对】" in line for line in lines)


def test_check_lists_the_placeholders(built: Path) -> None:
    check = pytest.importorskip("edureport.checker")
    findings = [f for f in check.check(built) if f.rule == "T401"]
    assert len(findings) >= 36
    assert any(f.message.startswith("【待填写】") for f in findings)
    assert any(f.message.startswith("【待核对】") for f in findings)


def test_a_text_source_without_parse_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "edureport.parser", None)  # as if parse were not installed
    with pytest.raises(InputError, match=r"needs the parser"):
        edureport.draft(Path("tests/data/seed-chengde-2021.txt"))


def test_the_built_draft_parses_back_to_the_draft(built: Path) -> None:
    # Placeholders (the 成文日期 included) survive a round trip through the .docx, and so do the
    # review comments (批注), read back from the .docx's comments part.
    drafted = edureport.load(built.parent)
    assert drafted.comments
    assert edureport.parse(built) == drafted


def test_answers_from_department_sheets_are_paragraphs_lead_first(
    drafts: edureport.Drafts, tmp_path: Path
) -> None:
    drafts.write(tmp_path)
    path = tmp_path / "results.xlsx"
    book = openpyxl.load_workbook(path)
    # item 10 names 基教科, 规划财务（审计）科, 督导室 in that order; the later units write first
    for sheet, text in (("督导室", "开展学前教育督导评估。"), ("基教科", "新建幼儿园10所。")):
        ws = book[sheet]
        column = [c.value for c in ws[1]].index("完成情况") + 1
        row = next(r[0].row for r in ws.iter_rows(min_row=2) if r[0].value == 10)
        ws.cell(row, column).value = text
    book.save(path)
    summary = edureport.merge_results(drafts, path).document.summary
    assert summary is not None
    paragraphs = summary.sections[2].paragraphs
    assert paragraphs[0] == "新建幼儿园10所。"  # the lead's answer first, each its own paragraph
    assert paragraphs[1] == "开展学前教育督导评估。"
    assert str(paragraphs[2]).startswith("【待填写】（第11项")


def test_a_note_without_a_result_is_kept_in_the_summary(
    drafts: edureport.Drafts, tmp_path: Path
) -> None:
    drafts.write(tmp_path)
    path = tmp_path / "results.xlsx"
    book = openpyxl.load_workbook(path)
    book["全部任务"]["H2"] = "数据待统计局核定"  # 指标实际值/备注 of item 1, 完成情况 left empty
    book.save(path)
    summary = edureport.merge_results(drafts, path).document.summary
    assert summary is not None
    assert summary.sections[0].paragraphs[0] == "【待填写】（【待核对】备注：数据待统计局核定）"
