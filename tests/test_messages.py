"""Messages in the reader's language, from one catalogue; the new commands; one way to say a file
is missing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, ROOT, SEED_TEXT

from edureport.checker import RULES
from edureport.checker import check as edureport_check
from edureport.cli import main
from edureport.i18n import language, language_from_env


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    base = {"LC_ALL": "", "LC_MESSAGES": "", "LANG": "C"}
    result = CliRunner().invoke(main, list(args), env={**base, **(env or {})})
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "C"}, "en"),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LC_MESSAGES": "zh_TW.UTF-8", "LANG": "C"}, "zh"),
        ({}, "en"),
    ],
)
def test_language_follows_the_locale(environ: dict[str, str], expected: str) -> None:
    assert language_from_env(environ) == expected


@pytest.mark.parametrize("lang", ["zh_CN.UTF-8", "C"])
def test_the_cli_speaks_the_locale_language(lang: str, tmp_path: Path) -> None:
    # a real process, as a person runs it
    env = {"PATH": "", "LANG": lang, "LC_ALL": "", "LC_MESSAGES": ""}
    missing = subprocess.run(
        [sys.executable, "-m", "edureport", "build", str(tmp_path / "nowhere")],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    helped = subprocess.run(
        [sys.executable, "-m", "edureport", "--help"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    assert missing.returncode == 1 and helped.returncode == 0
    if lang.startswith("zh"):
        assert (
            missing.stderr.startswith("edureport：错误：")
            and "文件或文件夹不存在" in missing.stderr
        )
        assert "生成、解析、检查和起草红头文件" in helped.stdout
    else:
        assert (
            missing.stderr.startswith("edureport: error:")
            and "no such file or folder" in missing.stderr
        )
        assert "Build, parse, check and draft" in helped.stdout


def test_lang_option_and_check_findings_in_chinese(tmp_path: Path) -> None:
    code, out, _ = run("--lang", "zh", "check", str(SEED_TEXT), "--select", "T203")
    assert code == 0
    assert "警告 T203 中文中使用了半角 ,；应写作 ，" in out
    assert out.rstrip().endswith("个警告，0 条提示；14 处可用 --fix 修正")
    code, out, _ = run("check", str(SEED_TEXT), "--select", "T203", env={"LANG": "zh_CN.UTF-8"})
    assert "中文中使用了半角" in out
    assert language() == "en"  # a CLI run leaves the library's language as it was
    code, out, _ = run(
        "--lang", "en", "check", str(SEED_TEXT), "--select", "T203", env={"LANG": "zh_CN.UTF-8"}
    )
    assert "half-width , in Chinese text; write ，" in out


def test_an_existing_file_in_chinese(tmp_path: Path) -> None:
    out = tmp_path / "o.docx"
    out.write_bytes(b"x")
    code, _, err = run(
        "build", str(EXAMPLES / "school-2023"), "-o", str(out), env={"LANG": "zh_CN.UTF-8"}
    )
    assert code == 1 and err == f"edureport：错误：{out}：输出文件已存在；加 --force 以替换\n"


def test_the_catalogue_is_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "messages.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout


def test_text_and_json_give_the_same_character(seed_docx: Path) -> None:
    _, text, _ = run("check", str(seed_docx), "--select", "T203")
    _, data, _ = run("check", str(seed_docx), "--select", "T203", "--format", "json")
    first = json.loads(data)["findings"][0]
    where = f"{seed_docx}:{first['paragraph']}:{first['character']}: warning T203"
    assert text.splitlines()[0].startswith(where)
    assert first["character"] == first["offset"] + 1 == 57


def test_missing_files_are_reported_one_way(tmp_path: Path) -> None:
    nowhere = str(tmp_path / "nowhere.docx")
    for args in (
        ["check", nowhere],
        ["parse", nowhere],
        ["build", nowhere],
        ["template", "check", nowhere],
        ["pdf", nowhere],
        ["preview", nowhere, "-o", str(tmp_path / "pages")],
    ):
        code, _, err = run(*args)
        assert code in (1, 2) and err.startswith("edureport: error:"), (args, err)
        assert "Invalid value" not in err and "Traceback" not in err


def test_rules_lists_every_rule_with_its_clause() -> None:
    code, out, _ = run("rules")
    assert code == 0
    for r in RULES:
        assert f"{r.id}  {r.severity.value}" in out and r.clause in out
    code, out, _ = run("rules", "--format", "json")
    rows = {row["rule"]: row for row in json.loads(out)}
    assert rows["T307"]["severity"] == "error" and rows["T101"]["clause"] == "GB/T 9704-2012 7.2.4"
    assert rows["T201"]["what"].endswith("within a paragraph.")
    code, out, _ = run("--lang", "zh", "rules")
    assert "T101  错误" in out and "不加“第”" in out


def test_findings_say_where_word_shows_them(seed_docx: Path) -> None:
    findings = {(f.rule, f.location.paragraph): f for f in edureport_check(seed_docx)}
    item = findings[("T203", 168)].location  # 32. in section 六、 of the plan
    assert (item.heading_path, item.opening) == (
        "工作要点 › 六、 › 32.",
        "加强机关节能管理,严格控…",
    )
    summary = findings[("T203", 17)].location
    assert summary.heading_path == "工作总结 › 二、 › （一）"
    _, text, _ = run("check", str(seed_docx), "--select", "T203")
    assert "(工作要点 › 六、 › 32. “加强机关节能管理,严格控…”)" in text
    _, data, _ = run("check", str(seed_docx), "--select", "T203", "--format", "json")
    last = json.loads(data)["findings"][-1]
    assert (last["path"], last["opening"]) == ("工作要点 › 六、 › 32.", "加强机关节能管理,严格控…")


def test_build_default_output_name_is_what_the_help_says(tmp_path: Path) -> None:
    _, helped, _ = run("build", "--help")
    helped = " ".join(helped.split())  # as wrapped for the terminal
    assert (
        "the document code, e.g. 承教发〔2021〕1号.docx" in helped and "school-2023.docx" in helped
    )
    old = Path.cwd()
    os.chdir(tmp_path)
    try:
        assert run("build", str(EXAMPLES / "chengde-2021"))[0] == 0
        assert run("build", str(EXAMPLES / "school-2023"))[0] == 0  # a summary alone: no code
    finally:
        os.chdir(old)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "school-2023.docx",
        "承教发〔2021〕1号.docx",
    ]


def test_results_on_a_folder_that_needs_force_says_so_first(tmp_path: Path) -> None:
    source = str(EXAMPLES / "chengde-2021")
    assert run("draft", source, "-o", str(tmp_path))[0] == 0
    workbook = tmp_path / "results.xlsx"  # blank: every item would be a warning of the merge
    code, _, err = run("draft", source, "-o", str(tmp_path), "--results", str(workbook))
    assert code == 1
    assert err.startswith("edureport: error:") and "use --force" in err.splitlines()[0]
    assert "warning" not in err
