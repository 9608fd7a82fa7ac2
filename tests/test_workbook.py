"""The results workbook: written for departments to read and fill, read back as Excel shows it."""

from __future__ import annotations

import dataclasses
import re
import zipfile
from collections import Counter
from pathlib import Path

import openpyxl
import pytest
import yaml
from conftest import EXAMPLES

import edureport
from edureport import DataError, InputError
from edureport.workbook import Filled, read_workbook, write_workbook

EXAMPLE_YAML = EXAMPLES / "chengde-2021" / "document.yaml"


def _plan_items() -> list[dict[str, object]]:
    """The example's plan items, read with plain PyYAML (not through edureport)."""
    data = yaml.safe_load(EXAMPLE_YAML.read_text(encoding="utf-8"))
    return [item for section in data["plan"]["sections"] for item in section["items"]]


@pytest.fixture(scope="module")
def drafts() -> edureport.Drafts:
    return edureport.draft(EXAMPLES / "chengde-2021")


@pytest.fixture
def blank(drafts: edureport.Drafts, tmp_path: Path) -> Path:
    path = tmp_path / "results.xlsx"
    write_workbook(path, drafts.tasks, drafts.targets)
    return path


def _read(drafts: edureport.Drafts, path: Path) -> Filled:
    return read_workbook(path, drafts.tasks, drafts.targets)


def _row_of(sheet: object, number: int) -> int:
    for row in sheet.iter_rows(min_row=2):  # type: ignore[attr-defined]
        if row[0].value == number:
            return int(row[0].row)
    raise AssertionError(f"no row for item {number}")


# Writing ------------------------------------------------------------------------------------------


def test_all_items_sheet_has_one_row_per_plan_item(blank: Path) -> None:
    book = openpyxl.load_workbook(blank)
    sheet = book["全部任务"]
    header = [c.value for c in sheet[1]]
    assert header == [
        "序号",
        "部分",
        "工作任务",
        "目标任务",
        "工作措施",
        "责任科室",
        "完成情况",
        "指标实际值/备注",
    ]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 34
    assert [r[0] for r in rows] == list(range(1, 35))
    items = _plan_items()
    assert rows[9][2] == items[9]["title"] == "推进学前教育普及普惠发展"
    assert rows[9][5] == "基教科、规划财务（审计）科、督导室"
    assert rows[9][6] is None and rows[9][7] is None  # left for the department


def test_one_sheet_per_department_adding_up_to_the_assignments(blank: Path) -> None:
    assignments = Counter(d for item in _plan_items() for d in item["departments"])  # type: ignore[attr-defined]
    book = openpyxl.load_workbook(blank)
    per_sheet = {
        name: book[name].max_row - 1
        for name in book.sheetnames
        if name not in ("全部任务", "目标指标")
    }
    assert per_sheet == dict(assignments)
    assert sum(per_sheet.values()) == sum(assignments.values())
    # an item with three departments is on each of their sheets
    for name in ("基教科", "规划财务（审计）科", "督导室"):
        titles = [r[2] for r in book[name].iter_rows(min_row=2, values_only=True)]
        assert "推进学前教育普及普惠发展" in titles


def test_sheets_are_set_up_for_reading(blank: Path) -> None:
    sheet = openpyxl.load_workbook(blank)["全部任务"]
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["E"].width > sheet.column_dimensions["A"].width
    assert sheet["E2"].alignment.wrap_text
    assert sheet["A1"].font.bold


def test_every_sheet_prints_its_header_on_each_landscape_page(blank: Path) -> None:
    book = openpyxl.load_workbook(blank)
    assert len(book.worksheets) == 28  # 全部任务, 26 departments, 目标指标
    for sheet in book.worksheets:
        assert sheet.print_title_rows == "$1:$1", sheet.title
        assert sheet.page_setup.orientation == "landscape"
        assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.freeze_panes == "A2"


def test_cells_left_to_fill_wrap_like_the_text_beside_them(blank: Path) -> None:
    sheet = openpyxl.load_workbook(blank)["全部任务"]
    result = sheet["G2"]  # 完成情况 of item 1, for the department to type into
    assert result.value is None
    assert result.alignment.wrap_text and result.alignment.vertical == "top"
    header = sheet["G1"]
    assert header.fill.fill_type == "solid" and header.fill.fgColor.rgb.endswith("DDEBF7")
    assert header.alignment.horizontal == "center" and header.font.bold
    assert not sheet["G2"].font.bold
    assert sheet["A2"].value == 1 and isinstance(sheet["A2"].value, int)  # a number, not text


def test_names_and_text_with_xml_characters_round_trip(
    drafts: edureport.Drafts, tmp_path: Path
) -> None:
    names = ["R&D <科>", "张三's 科", 'A "B" 科']
    tasks = [
        dataclasses.replace(t, item=dataclasses.replace(t.item, departments=names))
        for t in drafts.tasks[:3]
    ]
    tasks[0].item.title = "A & B < C > D \"E\" 'F'"
    path = tmp_path / "results.xlsx"
    write_workbook(path, tasks, [])
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["全部任务", *names, "目标指标"]
    assert book["全部任务"]["C2"].value == "A & B < C > D \"E\" 'F'"
    assert book["张三's 科"].print_title_rows == "$1:$1"
    assert book["R&D <科>"]["F2"].value == "、".join(names)
    sheet = book["张三's 科"]
    result = [c.value for c in sheet[1]].index("完成情况") + 1
    sheet.cell(2, result).value = "完成。"
    book.save(path)
    assert read_workbook(path, tasks, []).results == {tasks[0].number: "完成。"}


def test_targets_sheet_lists_indicator_target_and_actual(blank: Path) -> None:
    sheet = openpyxl.load_workbook(blank)["目标指标"]
    assert [c.value for c in sheet[1]][2:5] == ["指标", "目标值", "实际值"]
    rows = {r[2]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["学前三年毛入园率"][0] == 10
    assert rows["学前三年毛入园率"][3] == "达到92%"
    assert rows["培养新型职业农民"][3] == "1500人以上"
    assert rows["学生资助资金"][3] == "4亿元"


# Reading ------------------------------------------------------------------------------------------


def _fill(path: Path, results: dict[int, str], sheet: str = "全部任务") -> None:
    book = openpyxl.load_workbook(path)
    ws = book[sheet]
    for number, text in results.items():
        ws.cell(_row_of(ws, number), 7).value = text
    book.save(path)


def test_results_are_read_by_item(drafts: edureport.Drafts, blank: Path) -> None:
    _fill(blank, {1: "完成了学习。", 34: "无一例感染。"})
    filled = _read(drafts, blank)
    assert filled.results == {1: "完成了学习。", 34: "无一例感染。"}
    missing = [p for p in filled.problems if "has no result" in p.message]
    assert len(missing) == 32
    assert any(p.location.cell == "全部任务!G3" for p in missing)  # item 2, on row 3


def test_renamed_and_reordered_columns_and_a_title_row(
    drafts: edureport.Drafts, blank: Path
) -> None:
    book = openpyxl.load_workbook(blank)
    ws = book["全部任务"]
    ws.insert_rows(1)
    ws["A1"] = "2021年工作任务分解与完成情况表"
    ws["A2"] = "编号"
    ws["G2"] = "落实情况"
    ws.move_range("G2:G40", cols=2)  # 完成情况 moved to the far right
    ws.cell(_row_of(ws, 5), 9).value = "已完成。"
    book.save(blank)
    assert _read(drafts, blank).results == {5: "已完成。"}


def test_a_missing_result_column_is_an_error_naming_the_sheet(
    drafts: edureport.Drafts, blank: Path
) -> None:
    book = openpyxl.load_workbook(blank)
    book["全部任务"]["G1"] = "情况"
    book.save(blank)
    with pytest.raises(DataError) as info:
        _read(drafts, blank)
    assert info.value.location.cell == "全部任务!A1"
    assert "完成情况" in info.value.message


def test_ids_like_007_and_numbers_stored_as_text(drafts: edureport.Drafts, blank: Path) -> None:
    book = openpyxl.load_workbook(blank)
    ws = book["全部任务"]
    ws["A8"] = "007"  # row 8 is item 7
    ws["G8"] = "按期完成。"
    ws["A9"] = " 8 "
    ws["G9"] = 100  # a number where text was expected: read as Excel shows it
    targets = book["目标指标"]
    for row in targets.iter_rows(min_row=2):
        if row[2].value == "学前三年毛入园率":
            row[4].value = "93.5"  # a number stored as text
        if row[2].value == "高中阶段毛入学率":
            row[4].value = 0.94
            row[4].number_format = "0%"  # shown as 94%
    book.save(blank)
    filled = _read(drafts, blank)
    assert filled.results == {7: "按期完成。", 8: "100"}
    assert filled.actuals[(10, "学前三年毛入园率")] == 93.5
    assert filled.actuals[(12, "高中阶段毛入学率")] == pytest.approx(94)


def test_numbers_typed_as_results_keep_every_digit_excel_shows(
    drafts: edureport.Drafts, blank: Path
) -> None:
    # A General cell shows up to 15 significant digits, never 1.23457e+06 for 1234567.5.
    book = openpyxl.load_workbook(blank)
    ws = book["全部任务"]
    ws["G8"] = 1234567.5  # row 8 is item 7
    ws["G9"] = "完成。"
    ws["H9"] = 0.1234567
    book.save(blank)
    filled = _read(drafts, blank)
    assert filled.results == {7: "1234567.5", 8: "完成。"}
    assert filled.notes == {8: "0.1234567"}


def test_empty_rows_are_skipped(drafts: edureport.Drafts, blank: Path) -> None:
    book = openpyxl.load_workbook(blank)
    ws = book["全部任务"]
    ws.insert_rows(5, amount=3)
    ws.cell(_row_of(ws, 10), 7).value = "完成。"
    book.save(blank)
    filled = _read(drafts, blank)
    assert filled.results == {10: "完成。"}
    assert not [p for p in filled.problems if "no result" not in p.message]


def test_merged_cells_are_read_as_shown(drafts: edureport.Drafts, blank: Path) -> None:
    book = openpyxl.load_workbook(blank)
    ws = book["全部任务"]
    ws.merge_cells("B2:B5")  # the section written once for its four items
    ws["G2"] = "学习到位。"
    ws.merge_cells("G2:H2")  # result and note merged on one row
    book.save(blank)
    filled = _read(drafts, blank)
    assert filled.results == {1: "学习到位。"}
    assert 1 not in filled.notes


def test_one_result_merged_over_several_items_is_an_error(
    drafts: edureport.Drafts, blank: Path
) -> None:
    book = openpyxl.load_workbook(blank)
    ws = book["全部任务"]
    ws["G3"] = "都完成了。"
    ws.merge_cells("G3:G5")
    book.save(blank)
    with pytest.raises(DataError) as info:
        _read(drafts, blank)
    assert info.value.location.cell == "全部任务!G3"
    assert "G3:G5" in info.value.message


def test_a_formula_without_a_saved_value_is_an_error(drafts: edureport.Drafts, blank: Path) -> None:
    book = openpyxl.load_workbook(blank)
    book["全部任务"]["G4"] = '=CONCATENATE("完成", "。")'  # never calculated: no cached value
    book.save(blank)
    with pytest.raises(DataError) as info:
        _read(drafts, blank)
    assert info.value.location.cell == "全部任务!G4"


def test_a_formula_is_read_by_its_saved_value(drafts: edureport.Drafts, blank: Path) -> None:
    book = openpyxl.load_workbook(blank)
    book["全部任务"]["G4"] = '="完成"&"。"'
    book.save(blank)
    # Give the formula the cached result Excel would have saved with it.
    with zipfile.ZipFile(blank) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    xml, n = re.subn(
        r'<c r="G4"([^>]*)><f>(.*?)</f><v\s*/?>(?:</v>)?',
        r'<c r="G4"\1 t="str"><f>\2</f><v>完成。</v>',
        xml,
    )
    assert n == 1
    parts["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(blank, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    assert _read(drafts, blank).results == {3: "完成。"}


def test_rows_matching_no_item_are_reported_by_sheet_and_cell(
    drafts: edureport.Drafts, blank: Path
) -> None:
    book = openpyxl.load_workbook(blank)
    ws = book["全部任务"]
    ws["A37"] = 35
    ws["G37"] = "一项计划外的工作。"
    ws["C38"] = "不存在的任务"
    ws["G38"] = "也做了。"
    ws["C3"] = "改了标题的任务"  # item 2's title changed: not merged, not guessed
    ws["G3"] = "完成。"
    book.save(blank)
    filled = _read(drafts, blank)
    assert filled.results == {}
    cells = {p.location.cell: p.message for p in filled.problems if "no result" not in p.message}
    assert set(cells) == {"全部任务!G37", "全部任务!G38", "全部任务!G3"}
    assert "序号 35" in cells["全部任务!G37"]
    assert "不存在的任务" in cells["全部任务!G38"]
    assert "改了标题的任务" in cells["全部任务!G3"]


def test_department_sheets_fill_in_or_disagree(drafts: edureport.Drafts, blank: Path) -> None:
    book = openpyxl.load_workbook(blank)
    basic = book["基教科"]
    finance = book["规划财务（审计）科"]
    # item 10: only the departments wrote, on their own sheets
    # a department's sheet shows its role (角色) before 完成情况, in column H
    assert basic["G1"].value == "角色" and basic["H1"].value == "完成情况"
    assert basic.cell(_row_of(basic, 10), 7).value == "牵头"
    basic.cell(_row_of(basic, 10), 8).value = "新建幼儿园10所"
    finance.cell(_row_of(finance, 10), 8).value = "落实经费2950万元。"
    # item 11: the all-items sheet and 基教科 disagree
    book["全部任务"].cell(_row_of(book["全部任务"], 11), 7).value = "全面完成。"
    basic.cell(_row_of(basic, 11), 8).value = "基本完成。"
    book.save(blank)
    filled = _read(drafts, blank)
    assert filled.results[10] == "新建幼儿园10所。落实经费2950万元。"
    assert filled.results[11] == "全面完成。"
    (disagree,) = [p for p in filled.problems if "disagrees" in p.message]
    assert disagree.location.cell == f"基教科!H{_row_of(basic, 11)}"


def test_a_row_on_the_wrong_department_sheet_is_reported(
    drafts: edureport.Drafts, blank: Path
) -> None:
    book = openpyxl.load_workbook(blank)
    ws = book["电教馆"]
    ws["A3"] = 1  # item 1 is not 电教馆's
    ws["H3"] = "协助完成。"
    book.save(blank)
    filled = _read(drafts, blank)
    assert 1 not in filled.results
    (wrong,) = [p for p in filled.problems if "not assigned" in p.message]
    assert wrong.location.cell == "电教馆!H3"


def test_an_extra_sheet_and_an_unknown_column_are_reported(
    drafts: edureport.Drafts, blank: Path
) -> None:
    book = openpyxl.load_workbook(blank)
    book.create_sheet("汇总说明")["A1"] = "本表由办公室汇总"
    ws = book["全部任务"]
    ws["I1"] = "联系人"
    ws["I2"] = "张三"
    book.save(blank)
    messages = {p.location.cell: p.message for p in _read(drafts, blank).problems}
    assert "not one edureport wrote" in messages["汇总说明!A1"]
    assert "联系人" in messages["全部任务!I1"]


def test_an_actual_value_that_is_not_a_number_names_its_cell(
    drafts: edureport.Drafts, blank: Path
) -> None:
    book = openpyxl.load_workbook(blank)
    ws = book["目标指标"]
    ws["E3"] = "约九成"
    book.save(blank)
    with pytest.raises(DataError) as info:
        _read(drafts, blank)
    assert info.value.location.cell == "目标指标!E3"
    assert "约九成" in info.value.message


def test_not_a_workbook(drafts: edureport.Drafts, tmp_path: Path) -> None:
    old = tmp_path / "results.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    with pytest.raises(InputError, match=r"\.xls"):
        _read(drafts, old)
    text = tmp_path / "results.xlsx"
    text.write_text("序号,完成情况\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a readable"):
        _read(drafts, text)
    with pytest.raises(InputError, match="no such"):
        _read(drafts, tmp_path / "missing.xlsx")


def test_a_workbook_without_the_all_items_sheet(drafts: edureport.Drafts, tmp_path: Path) -> None:
    path = tmp_path / "other.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Sheet1"
    book.save(path)
    with pytest.raises(DataError, match="全部任务"):
        _read(drafts, path)
