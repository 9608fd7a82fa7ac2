"""Bad data gets an error naming the file, the line, the field path and what was expected."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import edureport
from edureport import DataError, InputError

NOTICE = """\
notice:
  organs: [中共承德市委教育工委, 承德市教育局]
  code: {agency: 承教发, year: 2021, serial: 1}
  title: 关于印发2020年工作总结及2021年工作要点的通知
  date: 2021-04-06
"""

PLAN = """\
plan:
  title: 2021年工作要点
  sections:
    - title: 一
      items:
        - title: a
          departments: [党建办]
    - title: 二
      items: []
    - title: 三
      items:
        - {title: b}
        - {title: c}
        - {title: d}
        - title: e
          departments:
            秘书科: 1
"""


def write(tmp_path: Path, text: str, name: str = "document.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def load_error(tmp_path: Path, text: str) -> DataError:
    path = write(tmp_path, text)
    with pytest.raises(DataError) as info:
        edureport.load(path)
    assert info.value.location.file == path
    return info.value


def test_wrong_type_deep_in_the_plan_names_path_and_line(tmp_path: Path) -> None:
    error = load_error(tmp_path, PLAN)
    assert error.location.field == "plan.sections[2].items[3].departments"
    assert error.location.line == 17
    assert "expected a list of text" in error.message
    assert "document.yaml, line 17, plan.sections[2].items[3].departments" in str(error)


def test_unknown_key_is_an_error_not_ignored(tmp_path: Path) -> None:
    error = load_error(tmp_path, NOTICE + "  recipient: [各县教体局]\n")
    assert error.location.field == "notice.recipient"
    assert error.location.line == 6
    assert "unknown key “recipient”" in error.message and "recipients" in error.message


def test_missing_required_field_names_it_in_both_languages(tmp_path: Path) -> None:
    error = load_error(tmp_path, NOTICE.replace("  date: 2021-04-06\n", ""))
    assert error.location.field == "notice"
    assert "“date” (成文日期)" in error.message


def test_repeated_key_is_an_error(tmp_path: Path) -> None:
    error = load_error(tmp_path, NOTICE + "  date: 2021-04-07\n")
    assert error.location.line == 6
    assert "given twice" in error.message


@pytest.mark.parametrize(
    ("bad", "field", "expected"),
    [
        ("  date: 4月6日\n", "notice.date", "a date like 2021-04-06"),
        (
            "  code: {agency: 承教发, year: 二〇二一, serial: 1}\n",
            "notice.code.year",
            "a whole number",
        ),
        ("  code: 承教发〔2021〕1号\n", "notice.code", "a mapping"),
        ("  organs: {a: b}\n", "notice.organs", "a list of text"),
    ],
)
def test_bad_values_say_what_was_expected(
    tmp_path: Path, bad: str, field: str, expected: str
) -> None:
    key = bad.split(":")[0]
    text = "".join(line for line in NOTICE.splitlines(keepends=True) if not line.startswith(key))
    error = load_error(tmp_path, text + bad)
    assert error.location.field == field
    assert expected in error.message


def test_control_characters_are_refused_with_the_field(tmp_path: Path) -> None:
    error = load_error(tmp_path, NOTICE + '  body: ["现将\\u0007印发"]\n')
    assert error.location.field == "notice.body[0]"
    assert "U+0007" in error.message


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    error = load_error(tmp_path, NOTICE + "  body: [unclosed\n  note: x\n")
    assert error.location.line is not None and error.location.line >= 6
    assert "not valid YAML" in error.message


def test_yaml_tags_that_would_run_code_are_refused(tmp_path: Path) -> None:
    error = load_error(tmp_path, NOTICE + "  note: !!python/object/apply:os.system [echo hi]\n")
    assert "tag" in error.message and "not allowed" in error.message
    assert error.location.field == "notice.note"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("", "the file is empty"), ("notice: \n", "expected a mapping"), ("[1, 2]\n", "a mapping")],
)
def test_empty_or_shapeless_files(tmp_path: Path, text: str, expected: str) -> None:
    assert expected in load_error(tmp_path, text).message


def test_gbk_file_is_reported_not_garbled(tmp_path: Path) -> None:
    path = tmp_path / "document.yaml"
    path.write_bytes(NOTICE.encode("gbk"))
    with pytest.raises(InputError, match="not UTF-8"):
        edureport.load(path)


def test_folder_needs_exactly_one_data_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="found no"):
        edureport.load(tmp_path)
    write(tmp_path, NOTICE, "a.yaml")
    write(tmp_path, NOTICE, "b.yaml")
    with pytest.raises(InputError, match="found 2"):
        edureport.load(tmp_path)


def test_prints_must_name_a_document_that_exists(tmp_path: Path) -> None:
    error = load_error(tmp_path, NOTICE + "  prints: [plan]\n")
    assert error.location.field == "notice.prints[0]"


def test_unknown_label_field(tmp_path: Path) -> None:
    text = PLAN.replace(
        "          departments:\n            秘书科: 1\n", "          labels: {goals: 任务目标}\n"
    )
    error = load_error(tmp_path, text)
    assert error.location.field == "plan.sections[2].items[3].labels.goals"


def test_missing_table_source_names_the_field(tmp_path: Path) -> None:
    text = """\
    summary:
      title: 总结
      preface:
        - table: {source: missing.xlsx}
    """
    error = load_error(tmp_path, text)
    assert error.location.field == "summary.preface[0].table.source"
    assert "missing.xlsx" in error.message


def test_a_good_file_loads_into_the_typed_model(tmp_path: Path) -> None:
    document = edureport.load(write(tmp_path, NOTICE))
    assert document.notice is not None
    assert str(document.notice.code) == "承教发〔2021〕1号"
    assert document.notice.title == ["关于印发2020年工作总结及2021年工作要点的通知"]
    assert document.notice.date.isoformat() == "2021-04-06"


def test_a_quoted_date_is_a_date_and_null_is_not_yet_fixed(tmp_path: Path) -> None:
    quoted = edureport.load(write(tmp_path, NOTICE.replace("2021-04-06", '"2021-04-06"')))
    assert quoted.notice is not None and quoted.notice.date is not None
    assert quoted.notice.date.isoformat() == "2021-04-06"
    open_date = edureport.load(write(tmp_path, NOTICE.replace("2021-04-06", "null")))
    assert open_date.notice is not None and open_date.notice.date is None
