"""`edureport init` (a new document that builds as written) and `edureport template check`."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import docx_lines

import edureport
from edureport import commands
from edureport.checker import check
from edureport.cli import main
from edureport.inspect_template import inspect_template
from edureport.templates import default_template


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=stdin, env={"LANG": "C", "LC_ALL": ""})
    return result.exit_code, result.stdout, result.stderr


def test_init_writes_a_document_that_builds_as_written(tmp_path: Path) -> None:
    folder = tmp_path / "new"
    code, _, err = run(
        "init",
        str(folder),
        "--organ",
        "中共某市委教育工委",
        "--organ",
        "某市教育局",
        "--agency",
        "某教发",
        "--year",
        "2024",
        "--serial",
        "3",
    )
    assert code == 0, err
    text = (folder / "document.yaml").read_text(encoding="utf-8")
    assert text.startswith("# A new document for edureport") and "# 发文机关" in text
    document = edureport.load(folder)
    assert document.notice is not None and document.notice.organs == [
        "中共某市委教育工委",
        "某市教育局",
    ]
    assert str(document.notice.code) == "某教发〔2024〕3号"
    built = document.build(tmp_path / "new.docx")
    lines = docx_lines(built)
    assert "关于印发2023年工作总结及2024年工作要点的通知" in "".join(lines)  # over two lines
    assert "2024年工作要点" in lines
    # every field a person fills is marked, and check lists each one
    findings = check(built)
    assert {f.rule for f in findings} == {"T401"}  # nothing else wrong with it
    left = [f for f in findings if f.rule == "T401"]
    date = [
        f for f in left if f.location.excerpt == "【待填写】" and f.location.heading_path == "通知"
    ]
    assert len(date) == 1  # the 成文日期, found under the notice
    values = [
        line.split(" #")[0] for line in text.splitlines() if not line.lstrip().startswith("#")
    ]
    assert len(left) == sum(v.count("【待填写】") for v in values) + 1 == 11  # + 成文日期 (null)
    code, _, err = run("init", str(folder))
    assert code == 1 and "--force" in err


def test_init_without_options_marks_organs_and_code(tmp_path: Path) -> None:
    code, _, _ = run("init", str(tmp_path / "d"), "--prints", "plan")
    assert code == 0
    document = edureport.load(tmp_path / "d")
    assert document.notice is not None and document.summary is None
    assert document.notice.organs == ["【待填写】"] and document.notice.prints == ["plan"]
    assert document.notice.code is not None and document.notice.code.agency == "【待填写】"
    code, _, err = run("init", str(tmp_path / "e"), "--prints", "summary,minutes")
    assert code == 1 and "summary and/or plan" in err and not (tmp_path / "e").exists()


def test_init_asks_a_person_at_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(commands, "_interactive", lambda: True)
    code, _, err = run("init", str(tmp_path / "d"), stdin="甲局、乙局\n甲教发\n2025\n")
    assert code == 0, err
    document = edureport.load(tmp_path / "d")
    assert document.notice is not None and document.notice.organs == ["甲局", "乙局"]
    assert str(document.notice.code) == "甲教发〔2025〕【待填写】号"


def test_template_check_on_the_bundled_letterhead() -> None:
    code, out, _ = run("template", "check", str(default_template()))
    assert code == 0
    report = inspect_template(default_template())
    assert "notice.code" in report.used and "documents[].blocks[].text" in report.used
    assert report.missing == [] and report.unshown == [] and report.findings == []
    assert "names the data does not provide:\n  none" in out


def _edited(tmp_path: Path, replace: dict[str, str]) -> Path:
    out = tmp_path / "mine.docx"
    with zipfile.ZipFile(default_template()) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename).decode("utf-8")
            if item.filename in replace:
                for old, new in (pair.split("=>") for pair in replace[item.filename].split("||")):
                    assert old in data
                    data = data.replace(old, new)
            dst.writestr(item, data)
    return out


def test_template_check_names_what_is_missing_and_unshown(tmp_path: Path) -> None:
    mine = _edited(tmp_path, {"word/document.xml": "notice.note=>notice.school"})
    code, out, _ = run("template", "check", str(mine))
    assert code == 1
    report = inspect_template(mine)
    assert report.missing == ["notice.school"] and report.unshown == ["notice.note"]
    assert "notice.school" in out


def test_template_check_lists_layout_findings(tmp_path: Path) -> None:
    mine = _edited(tmp_path, {"word/document.xml": 'w:top="2098"=>w:top="1200"'})
    report = inspect_template(mine)
    assert report.missing == []
    assert [f.rule for f in report.findings] == ["L102"]
    assert run("template", "check", str(mine))[0] == 1


def test_template_o_still_writes_the_letterhead(tmp_path: Path) -> None:
    out = tmp_path / "t.docx"
    code, stdout, _ = run("template", "-o", str(out))
    assert code == 0 and str(out) in stdout and zipfile.is_zipfile(out)
