"""One document per unit: a template's {{ column }} placeholders filled from each row, as text."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLES, docx_lines
from test_cli_build import run

import edureport
from edureport.errors import DataError

UNITS = EXAMPLES / "units-2023"

TEMPLATE = """\
notice:
  organs: [承德市教育局]
  code: {agency: 承教督, year: 2023, serial: "{{ 序号 }}"}
  title: "关于{{ 学校 }}评估结果的通知"
  date: 2023-12-20
  recipients: ["{{ 学校 }}"]
  body:
    - 你校得分{{ 得分 }}分。
"""


def write(folder: Path, csv: str, template: str = TEMPLATE) -> tuple[Path, Path]:
    (folder / "doc.yaml").write_text(template, encoding="utf-8")
    (folder / "units.csv").write_text(csv, encoding="utf-8")
    return folder / "doc.yaml", folder / "units.csv"


def test_the_example_makes_one_notice_per_school(tmp_path: Path) -> None:
    result = edureport.build_many([UNITS], tmp_path, rows=UNITS / "units.xlsx")
    assert result.ok and result.warnings == []
    assert sorted(p.name for p in result.written) == sorted(
        ["承德市第一中学.docx", "承德市第二中学.docx", "承德市民族中学.docx", "承德县第三中学.docx"]
    )
    lines = docx_lines(tmp_path / "承德市第二中学.docx")
    assert "承教督〔2023〕32号" in lines
    assert "关于承德市第二中学2023年度办学水平" in lines
    assert "承德市第二中学：" in lines
    body = next(line for line in lines if line.startswith("你校现有"))
    # numbers as Excel shows them: 88, not 88.0; 95.5 stays 95.5
    assert "在校学生1980人、专任教师152人，评估得分88分，评估结果为“良好”" in body
    first = docx_lines(tmp_path / "承德市第一中学.docx")
    assert "承教督〔2023〕31号" in first
    assert any("评估得分95.5分" in line for line in first)


def test_cell_values_are_text_never_markup_or_yaml(tmp_path: Path) -> None:
    doc, csv = write(
        tmp_path,
        '学校,序号,得分\n"甲校"": x, [y]",1,{{ 学校 }}\n乙校 {% for x in y %},2,<b>&amp;</b>\n',
    )
    result = edureport.build_many([doc], tmp_path / "out", rows=csv)
    assert result.ok, result.failed
    first = docx_lines(tmp_path / "out" / "甲校__ x, [y].docx")
    assert '甲校": x, [y]：' in first  # the name, as written, addressed
    assert "你校得分{{ 学校 }}分。" in first  # filled once: a value is not filled again
    second = docx_lines(tmp_path / "out" / "乙校 {% for x in y %}.docx")
    assert "你校得分<b>&amp;</b>分。" in second


def test_a_placeholder_for_no_column_is_an_error_naming_line_and_field(tmp_path: Path) -> None:
    doc, csv = write(tmp_path, "学校,序号\n甲,1\n")
    with pytest.raises(DataError) as caught:
        edureport.build_many([doc], tmp_path / "out", rows=csv)
    message = str(caught.value)
    assert f"{doc}, line 8, notice.body[0]" in message
    assert "{{ 得分 }} names no column" in message and "学校, 序号" in message
    assert not (tmp_path / "out").exists()


def test_an_empty_cell_fails_its_row_only_naming_the_cell(tmp_path: Path) -> None:
    doc, csv = write(tmp_path, "学校,序号,得分\n甲,1,90\n乙,2,\n丙,3,70\n")
    result = edureport.build_many([doc], tmp_path / "out", rows=csv)
    assert sorted(p.name for p in result.written) == ["丙.docx", "甲.docx"]
    assert [str(f) for f in result.failed] == [
        f"{csv}, cell C3: the cell for 得分 is empty, and the document uses it"
    ]


def test_a_bad_value_names_the_row_and_the_field(tmp_path: Path) -> None:
    doc, csv = write(tmp_path, "学校,序号,得分\n甲,1,90\n乙,二,80\n")
    result = edureport.build_many([doc], tmp_path / "out", rows=csv)
    assert [p.name for p in result.written] == ["甲.docx"]
    (failure,) = result.failed
    assert failure.source == f"{csv}, row 3"
    assert "notice.code.serial" in failure.message and "expected a whole number" in failure.message


def test_a_column_no_placeholder_uses_is_a_warning(tmp_path: Path) -> None:
    doc, csv = write(tmp_path, "学校,序号,得分,校长\n甲,1,90,张三\n")
    result = edureport.build_many([doc], tmp_path / "out", rows=csv)
    assert result.ok
    assert len(result.warnings) == 1 and "校长" in result.warnings[0]


def test_two_rows_with_one_name_are_refused(tmp_path: Path) -> None:
    doc, csv = write(tmp_path, "学校,序号,得分\n甲,1,90\n甲,2,80\n")
    code, _, stderr = run("build", str(doc), "--rows", str(csv), "-o", str(tmp_path / "out"))
    assert code == 1 and "row 2" in stderr and "row 3" in stderr and "甲.docx" in stderr
    assert not (tmp_path / "out").exists()


def test_the_command_names_files_from_the_row(tmp_path: Path) -> None:
    doc, csv = write(tmp_path, "学校,序号,得分\n承德:一中,1,90\n二中,2,80\n")
    code, stdout, stderr = run(
        "build",
        str(doc),
        "--rows",
        str(csv),
        "--name",
        "{{ 序号 }}-{{ 学校 }}",
        "-o",
        str(tmp_path / "out"),
    )
    assert code == 0, stderr
    assert "wrote 2 file(s)" in stdout
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "1-承德_一中.docx",
        "2-二中.docx",
    ]
    assert "关于承德:一中评估结果的通知" in docx_lines(tmp_path / "out" / "1-承德_一中.docx")


def test_rows_from_a_table_that_is_not_one(tmp_path: Path) -> None:
    doc, _ = write(tmp_path, "")
    (tmp_path / "units.txt").write_text("学校\n甲\n", encoding="utf-8")
    code, _, stderr = run(
        "build", str(doc), "--rows", str(tmp_path / "units.txt"), "-o", str(tmp_path / "o")
    )
    assert code == 1 and "expected a .xlsx or .csv table" in stderr
    code, _, stderr = run(
        "build", str(doc), "--rows", str(tmp_path / "units.csv"), "-o", str(tmp_path / "o")
    )
    assert code == 1 and "the table is empty" in stderr
