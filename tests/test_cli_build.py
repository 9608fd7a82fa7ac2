"""The build command as office staff run it: messages, exit codes, and files never clobbered."""

from __future__ import annotations

import os
from pathlib import Path

from click.testing import CliRunner
from conftest import EXAMPLES, docx_lines

from edureport.cli import main


def run(*args: str, cwd: Path | None = None) -> tuple[int, str, str]:
    runner = CliRunner()
    old = Path.cwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = runner.invoke(main, list(args))
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout, result.stderr


def test_build_writes_the_file_and_says_so(tmp_path: Path) -> None:
    out = tmp_path / "承教发〔2021〕1号.docx"
    code, stdout, _ = run("build", str(EXAMPLES / "chengde-2021"), "-o", str(out))
    assert code == 0 and str(out) in stdout
    assert "承教发〔2021〕1号" in docx_lines(out)


def test_build_from_the_yaml_file_itself(tmp_path: Path) -> None:
    out = tmp_path / "x.docx"
    code, _, _ = run("build", str(EXAMPLES / "chengde-2021" / "document.yaml"), "-o", str(out))
    assert code == 0 and out.is_file()


def test_default_output_name_is_the_document_code(tmp_path: Path) -> None:
    code, _, _ = run("build", str(EXAMPLES / "chengde-2021"), cwd=tmp_path)
    assert code == 0 and (tmp_path / "承教发〔2021〕1号.docx").is_file()


def test_existing_output_needs_force(tmp_path: Path) -> None:
    out = tmp_path / "out.docx"
    out.write_bytes(b"yesterday's file")
    code, _, stderr = run("build", str(EXAMPLES / "school-2023"), "-o", str(out))
    assert code == 1
    assert "exists" in stderr and "--force" in stderr and "Traceback" not in stderr
    assert out.read_bytes() == b"yesterday's file"
    code, _, _ = run("build", str(EXAMPLES / "school-2023"), "-o", str(out), "--force")
    assert code == 0 and "表1 办学规模" in docx_lines(out)


def test_bad_data_is_one_paragraph_with_file_line_and_field(tmp_path: Path) -> None:
    data = tmp_path / "document.yaml"
    data.write_text("summary:\n  title: 总结\n  sections:\n    - titel: 一\n", encoding="utf-8")
    code, stdout, stderr = run("build", str(data), "-o", str(tmp_path / "o.docx"))
    assert code == 1 and stdout == ""
    assert stderr.count("\n") == 1 and "Traceback" not in stderr
    assert f"{data}, line 4, summary.sections[0].titel: unknown key “titel”" in stderr
    assert not (tmp_path / "o.docx").exists()


def test_missing_source(tmp_path: Path) -> None:
    code, _, stderr = run("build", str(tmp_path / "nowhere"), "-o", str(tmp_path / "o.docx"))
    assert code == 1 and "no such file or folder" in stderr


def test_output_folder_must_exist(tmp_path: Path) -> None:
    code, _, stderr = run(
        "build", str(EXAMPLES / "school-2023"), "-o", str(tmp_path / "no" / "o.docx")
    )
    assert code == 1 and "output folder does not exist" in stderr


def test_template_command_writes_the_default_letterhead(tmp_path: Path) -> None:
    out = tmp_path / "letterhead.docx"
    code, _, _ = run("template", "-o", str(out))
    assert code == 0
    built = tmp_path / "built.docx"
    code, _, _ = run(
        "build", str(EXAMPLES / "school-2023"), "-o", str(built), "--template", str(out)
    )
    assert code == 0 and "承德市示范中学2023年工作总结" in docx_lines(built)
    code, _, stderr = run("template", "-o", str(out))
    assert code == 1 and "--force" in stderr
