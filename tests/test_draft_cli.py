"""`edureport draft` as office staff run it: the folder, the messages, nothing clobbered."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, SEED_TEXT, docx_lines

import edureport
from edureport.cli import main

SOURCE = str(EXAMPLES / "chengde-2021")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_draft_writes_the_folder_and_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "drafts" / "2022"
    code, stdout, _ = run("draft", SOURCE, "--year", "2022", "-o", str(folder))
    assert code == 0
    assert str(folder / "document.yaml") in stdout and str(folder / "results.xlsx") in stdout
    assert "【待填写】" in stdout  # the number left to the user is said
    code, stdout, _ = run("build", str(folder), "-o", str(tmp_path / "n.docx"))
    assert code == 0
    assert "承教发〔2022〕【待填写】号" in docx_lines(tmp_path / "n.docx")


def test_a_second_run_refuses_to_overwrite(tmp_path: Path) -> None:
    assert run("draft", SOURCE, "--serial", "2", "-o", str(tmp_path))[0] == 0
    before = (tmp_path / "document.yaml").read_bytes()
    code, _, stderr = run("draft", SOURCE, "--serial", "3", "-o", str(tmp_path))
    assert code == 1
    assert (
        "already has document.yaml、results.xlsx、source-plan.yaml" in stderr
        and "--force" in stderr
    )
    assert "Traceback" not in stderr
    assert (tmp_path / "document.yaml").read_bytes() == before
    code, _, _ = run("draft", SOURCE, "--serial", "3", "-o", str(tmp_path), "--force")
    assert code == 0
    assert "serial: 3" in (tmp_path / "document.yaml").read_text(encoding="utf-8")


def test_results_are_merged_and_the_filled_workbook_kept(tmp_path: Path) -> None:
    assert run("draft", SOURCE, "-o", str(tmp_path))[0] == 0
    workbook = tmp_path / "results.xlsx"
    book = openpyxl.load_workbook(workbook)
    book["全部任务"]["G2"] = "全市教育系统集中学习1200余场。"
    book.save(workbook)
    before = workbook.read_bytes()
    code, stdout, stderr = run(
        "draft", SOURCE, "-o", str(tmp_path), "--results", str(workbook), "--force"
    )
    assert code == 0
    assert workbook.read_bytes() == before  # the departments' work is never replaced
    assert "wrote" in stdout and "results.xlsx" not in stdout
    # the 33 items without a result are named by sheet and cell
    assert stderr.count("has no result") == 33
    assert "全部任务!G3" in stderr
    summary = edureport.load(tmp_path).summary
    assert summary is not None
    assert summary.sections[0].paragraphs[0] == "全市教育系统集中学习1200余场。"


def test_bad_input_is_one_message_and_exit_code_1(tmp_path: Path) -> None:
    code, _, stderr = run("draft", SOURCE, "--year", "2030", "-o", str(tmp_path))
    assert code == 1 and "for 2021" in stderr and "Traceback" not in stderr
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a workbook", encoding="utf-8")
    code, _, stderr = run("draft", SOURCE, "-o", str(tmp_path / "d"), "--results", str(bad))
    assert code == 1 and "bad.xlsx" in stderr and "Traceback" not in stderr
    assert not (tmp_path / "d").exists()


def test_a_text_source_is_read_through_parse(tmp_path: Path) -> None:
    pytest.importorskip("edureport.parser")
    code, _, stderr = run("draft", str(SEED_TEXT), "-o", str(tmp_path))
    assert code == 0, stderr
    drafted = edureport.load(tmp_path)
    assert drafted.notice is not None
    assert "".join(drafted.notice.title) == "关于印发2021年工作总结及2022年工作要点的通知"
    assert drafted.plan is not None and len(drafted.plan.items) == 34
    sheet = openpyxl.load_workbook(tmp_path / "results.xlsx")["全部任务"]
    assert sheet.max_row - 1 == 34
