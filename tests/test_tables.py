"""Tables: real Word tables from YAML rows, an .xlsx sheet or a .csv, numbers written through babel."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest
from conftest import NS, W, paragraph_text, part, style_of
from openpyxl import Workbook

import edureport
from edureport import DataError
from edureport.model import Table


def _tables_of(tbl: Any) -> list[list[str]]:
    return [
        ["".join(t.text or "" for t in tc.iter(f"{W}t")) for tc in tr.findall("w:tc", NS)]
        for tr in tbl.findall("w:tr", NS)
    ]


def _tables(path: Path) -> list[list[list[str]]]:
    body = part(path, "word/document.xml").find("w:body", NS)
    return [_tables_of(tbl) for tbl in body.iter(f"{W}tbl")]


def test_school_example_tables_from_sheet_and_csv(school_docx: Path) -> None:
    # Expected cells written from data.xlsx and funding.csv as a reader would format them.
    sheet, csv = _tables(school_docx)
    assert sheet == [
        ["指标", "2022年", "2023年", "增幅"],
        ["在校学生（人）", "2,380", "2,456", "3.2%"],
        ["专任教师（人）", "186", "192", "3.2%"],
        ["图书藏量（册）", "105,600", "118,300", "12.0%"],
    ]
    assert csv == [
        ["项目", "金额", "占比"],
        ["财政拨款", "3,860.00万", "81.2%"],
        ["事业收入", "642.00万", "13.5%"],
        ["其他收入", "251.00万", "5.3%"],
    ]


def test_table_structure_header_repeats_and_numbers_align_right(school_docx: Path) -> None:
    tbl = next(part(school_docx, "word/document.xml").iter(f"{W}tbl"))
    assert tbl.find("w:tblPr/w:tblStyle", NS).get(f"{W}val") == "GwTable"
    first, second = tbl.findall("w:tr", NS)[:2]
    assert first.find("w:trPr/w:tblHeader", NS) is not None
    styles = [style_of(tc.find("w:p", NS)) for tc in second.findall("w:tc", NS)]
    assert styles == ["GwTableText", "GwTableNumber", "GwTableNumber", "GwTableNumber"]


def _summary(tmp_path: Path, table: str) -> Path:
    text = "summary:\n  title: 总结\n  preface:\n    - table:\n" + textwrap.indent(
        textwrap.dedent(table), " " * 8
    )
    (tmp_path / "document.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_rows_written_in_yaml(tmp_path: Path) -> None:
    folder = _summary(
        tmp_path,
        """\
        columns: [{name: 项目}, {name: 资金, format: 亿}, {name: 人数, format: number}]
        rows:
          - [学生资助, 400000000, 12345]
          - [待定, null, 待统计]
        """,
    )
    out = edureport.build(folder, tmp_path / "o.docx")
    assert _tables(out) == [
        [["项目", "资金", "人数"], ["学生资助", "4亿", "12,345"], ["待定", "", "待统计"]]
    ]


def _workbook(path: Path, rows: list[list[object]]) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "数据"
    for row in rows:
        ws.append(row)
    wb.save(path)


def test_sheet_without_column_list_takes_its_header(tmp_path: Path) -> None:
    _workbook(tmp_path / "d.xlsx", [["学校", "班级数"], ["一中", 48], [None, None], ["二中", 36]])
    folder = _summary(tmp_path, "source: d.xlsx\nsheet: 数据\n")
    out = edureport.build(folder, tmp_path / "o.docx")
    assert _tables(out) == [
        [["学校", "班级数"], ["一中", "48"], ["二中", "36"]]
    ]  # empty row skipped


def test_missing_column_names_the_sheet_columns(tmp_path: Path) -> None:
    _workbook(tmp_path / "d.xlsx", [["学校", "班级数"], ["一中", 48]])
    folder = _summary(tmp_path, "source: d.xlsx\ncolumns: [{name: 学校}, {name: 学生数}]\n")
    with pytest.raises(DataError, match="no column 学生数; its columns are 学校, 班级数") as info:
        edureport.load(folder)
    assert info.value.location.file == tmp_path / "d.xlsx"


def test_text_in_a_number_column_names_the_cell(tmp_path: Path) -> None:
    _workbook(tmp_path / "d.xlsx", [["学校", "班级数"], ["一中", 48], ["二中", "三十六"]])
    folder = _summary(
        tmp_path, "source: d.xlsx\ncolumns: [{name: 学校}, {name: 班级数, format: number}]\n"
    )
    with pytest.raises(DataError, match="“三十六”") as info:
        edureport.load(folder)
    assert info.value.location.cell == "B3"


def test_numbers_stored_as_text_are_read_as_numbers(tmp_path: Path) -> None:
    _workbook(tmp_path / "d.xlsx", [["项目", "金额", "比例"], ["拨款", "1,200,000", "45%"]])
    folder = _summary(
        tmp_path,
        "source: d.xlsx\ncolumns: [{name: 项目}, {name: 金额, format: 万}, {name: 比例, format: percent}]\n",
    )
    out = edureport.build(folder, tmp_path / "o.docx")
    assert _tables(out)[0][1] == ["拨款", "120万", "45%"]


def test_sheet_that_does_not_exist(tmp_path: Path) -> None:
    _workbook(tmp_path / "d.xlsx", [["a"], [1]])
    folder = _summary(tmp_path, "source: d.xlsx\nsheet: 汇总\n")
    with pytest.raises(DataError, match="汇总"):
        edureport.load(folder)


def test_tables_compare_by_what_they_print() -> None:
    from edureport.model import Column, Table

    columns = [Column("指标"), Column("增幅", "percent", 1)]
    from_sheet = Table(columns, [["学生", 0.0319]], "表1", source="data.xlsx", sheet="规模")
    from_page = Table(columns, [["学生", 0.032]], "表1")
    assert from_sheet == from_page  # both print 3.2%; where rows came from is not content
    assert from_sheet != Table(columns, [["学生", 0.033]], "表1")
    assert from_sheet != Table(
        [Column("指标"), Column("增幅", "percent", 2)], [["学生", 0.0319]], "表1"
    )


def test_tables_in_a_plan_section_and_after_an_items_fields(tmp_path: Path) -> None:
    data = tmp_path / "plan.yaml"
    data.write_text(
        textwrap.dedent(
            """\
            plan:
              title: 2024年工作要点
              sections:
                - title: 办学条件
                  paragraphs:
                    - 全年目标如下。
                    - table:
                        columns: [{name: 指标}, {name: 目标, format: number}]
                        rows: [[新增学位, 4500]]
                  items:
                    - title: 新建学校
                      measures: 按期开工。
                      paragraphs:
                        - table:
                            source: schools.csv
            """
        ),
        encoding="utf-8",
    )
    (tmp_path / "schools.csv").write_text("学校,学位\n一中,1500\n", encoding="utf-8")
    out = edureport.build(data, tmp_path / "plan.docx")
    assert _tables(out) == [
        [["指标", "目标"], ["新增学位", "4,500"]],
        [["学校", "学位"], ["一中", "1500"]],
    ]


ITEM_WITH_TABLES = """\
plan:
  title: 2024年工作要点
  sections:
    - title: 办学条件
      items:
        - title: 新建扩建学校
          goal:
            - 新增学位如下。
            - table:
                caption: 表1　新增学位
                source: places.xlsx
                sheet: 数据
                columns: [{name: 学校}, {name: 学位, format: number}]
          measures:
            - 按期开工，年底前完成主体工程。
            - table:
                columns: [{name: 项目}, {name: 资金, format: 万}]
                rows: [[一中扩建, 12000000]]
            - 各县区每月报送进度。
          departments: [规划财务科, 基础教育科]
        - title: 改善办学条件
          measures: 推进薄弱学校改造。
"""


def _plan_with_tables(tmp_path: Path) -> Path:
    _workbook(tmp_path / "places.xlsx", [["学校", "学位"], ["一中", 1500], ["二中", 1200]])
    (tmp_path / "document.yaml").write_text(ITEM_WITH_TABLES, encoding="utf-8")
    return tmp_path


def test_tables_in_an_items_goal_and_measures_print_in_place(tmp_path: Path) -> None:
    out = edureport.build(_plan_with_tables(tmp_path), tmp_path / "plan.docx")
    body = part(out, "word/document.xml").find("w:body", NS)
    printed = []  # the body in order: paragraphs' text, and each table as its rows
    for el in body:
        if el.tag == f"{W}p" and paragraph_text(el):
            printed.append(paragraph_text(el))
        elif el.tag == f"{W}tbl":
            printed.append(_tables_of(el))
    at = printed.index("1.新建扩建学校")
    assert printed[at + 1 : at + 8] == [
        "目标任务：新增学位如下。",
        "表1　新增学位",
        [["学校", "学位"], ["一中", "1,500"], ["二中", "1,200"]],  # read from places.xlsx
        "工作措施：按期开工，年底前完成主体工程。",
        [["项目", "资金"], ["一中扩建", "1,200万"]],
        "各县区每月报送进度。",
        "责任科室：规划财务科、基础教育科",
    ]
    assert printed[at + 8] == "2.改善办学条件"


def test_tables_in_an_item_parse_back_in_place(tmp_path: Path) -> None:
    folder = _plan_with_tables(tmp_path)
    out = edureport.build(folder, tmp_path / "plan.docx")
    data, back = edureport.load(folder), edureport.parse(out)
    assert data.plan is not None and back.plan is not None
    item, read = data.plan.items[0], back.plan.items[0]
    assert read.goal == item.goal and read.measures == item.measures
    assert isinstance(read.goal[1], Table) and read.goal[1].caption == "表1　新增学位"
    assert read.departments == item.departments
    assert back.plan.items[1].measures == ["推进薄弱学校改造。"]


def test_a_table_where_only_text_may_stand_says_why(tmp_path: Path) -> None:
    text = ITEM_WITH_TABLES.replace(
        "departments: [规划财务科, 基础教育科]",
        "departments:\n            - table: {rows: [[规划财务科]]}",
    )
    (tmp_path / "document.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as info:
        edureport.load(tmp_path)
    message = str(info.value)
    assert "plan.sections[0].items[0].departments[0]" in message and "line 21" in message
    assert "a table cannot stand here" in message and "an item's goal, measures" in message


def test_a_table_written_without_its_list_dash(tmp_path: Path) -> None:
    text = ITEM_WITH_TABLES.replace(
        "measures: 推进薄弱学校改造。", "measures:\n            table: {rows: [[a]]}"
    )
    (tmp_path / "document.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match="write “- table:”") as info:
        edureport.load(tmp_path)
    assert info.value.location.field == "plan.sections[0].items[1].measures"


def test_table_sources_in_nested_plan_groups_are_read(tmp_path: Path) -> None:
    (tmp_path / "funds.csv").write_text("项目,金额\n校舍,300\n", encoding="utf-8")
    (tmp_path / "document.yaml").write_text(
        textwrap.dedent(
            """\
            plan:
              title: 要点
              sections:
                - title: 保障
                  sections:
                    - title: 经费
                      items:
                        - title: 落实经费
                          measures:
                            - table: {source: funds.csv}
            """
        ),
        encoding="utf-8",
    )
    document = edureport.load(tmp_path)
    assert document.plan is not None
    table = document.plan.items[0].measures[0]
    assert isinstance(table, Table) and table.rows == [["校舍", "300"]]  # text, as read
