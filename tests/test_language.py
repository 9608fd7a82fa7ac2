"""Every family of message in the reader's language, as a person meets it on the command line:
a bad YAML file, a parse with warnings, a check with layout (L), text (T) and page (P) findings,
and click's own words, under LANG=zh_CN.UTF-8 and LANG=C. The Chinese is written here by hand."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from conftest import EXAMPLES, ROOT
from test_check_layout import converted

import edureport
from edureport.i18n import set_language
from edureport.loader import loads
from edureport.office import find_soffice

CORPUS = ROOT / "tests" / "data" / "corpus"
LOCALES = ["zh_CN.UTF-8", "C"]


def edureport_cli(*args: str | Path, lang: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANG": lang, "LC_ALL": "", "LC_MESSAGES": ""}
    return subprocess.run(
        [sys.executable, "-m", "edureport", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )


def english(text: str) -> list[str]:
    """English sentences: three or more English words in a row (paths, rule ids, options, lists of
    the data's keys and the document's own Chinese do not count)."""
    return re.findall(r"[A-Za-z]{2,}(?: [A-Za-z]{2,}){2,}", text)


def speaks(lang: str, output: str, chinese: list[str], english_phrases: list[str]) -> None:
    if lang.startswith("zh"):
        for phrase in chinese:
            assert phrase in output
        assert english(output) == [], output
    else:
        for phrase in english_phrases:
            assert phrase in output
        for phrase in chinese:
            assert phrase not in output


@pytest.mark.parametrize("lang", LOCALES)
def test_bad_yaml(lang: str, tmp_path: Path) -> None:
    wrong_type = tmp_path / "organs.yaml"
    wrong_type.write_text("notice:\n  title: 关于印发的通知\n  organs: {教育局: 1}\n", "utf-8")
    unknown = tmp_path / "key.yaml"
    unknown.write_text("notice:\n  organs: [承德市教育局]\n  titel: 通知\n", "utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text("notice:\n  title: a: b\n", "utf-8")
    results = [
        edureport_cli("build", f, "-o", tmp_path / "x.docx", lang=lang)
        for f in (wrong_type, unknown, broken)
    ]
    assert [r.returncode for r in results] == [1, 1, 1]
    assert not (tmp_path / "x.docx").exists()
    err = "".join(r.stderr for r in results)
    speaks(
        lang,
        err,
        [
            "edureport：错误：",
            "第 3 行，notice.organs（发文机关）：应为文字列表，实为映射（键: 值）",
            "未知的键“titel”；应为以下之一：organs, code, title",
            "第 2 行：不是有效的 YAML：此处不能写“键: 值”",
        ],
        [
            "edureport: error:",
            "line 3, notice.organs: expected a list of text, got a mapping (key: value)",
            "unknown key “titel”; expected one of: organs, code, title",
            "line 2: not valid YAML: mapping values are not allowed",
        ],
    )


@pytest.mark.parametrize("lang", LOCALES)
def test_parse_with_warnings(lang: str, tmp_path: Path) -> None:
    source = CORPUS / "10_beijing-zfbgt-2016-gongzuoyaodian-tongzhi.txt"
    result = edureport_cli("parse", source, "-o", tmp_path / "p.yaml", lang=lang)
    assert result.returncode == 0, result.stderr
    speaks(
        lang,
        result.stdout + result.stderr,
        [
            "edureport：警告：",
            "通知没有标题",
            "第 1 行：文件开始之前的文字作为前置内容（front_matter）保留，不印出",
            "已写出",
            "通知 京政办发〔2016〕26号 · 工作总结：1 个部分，1 个小节",
        ],
        [
            "edureport: warning:",
            "the notice has no title",
            "line 1: text before the document began is kept as front matter",
            "wrote ",
            "notice 京政办发〔2016〕26号 · summary: 1 sections, 1 subsections",
        ],
    )


def _with_text_slips(path: Path) -> Path:
    """A converted document (layout findings) whose plan also skips a heading number and writes a
    half-width comma (text findings)."""
    d = docx.Document(str(converted(path)))
    d.add_paragraph("（三）加强教师队伍建设,提高教学质量。")
    d.save(str(path))
    return path


@pytest.mark.parametrize("lang", LOCALES)
def test_check_layout_and_text_findings(lang: str, tmp_path: Path) -> None:
    result = edureport_cli("check", _with_text_slips(tmp_path / "md.docx"), lang=lang)
    assert result.returncode == 1
    speaks(
        lang,
        result.stdout + result.stderr,
        [
            "错误 L101 纸张为 215.9 mm × 279.4 mm；公文用 A4 纸，210 × 297 mm",
            "没有每页 22 行的文档网格",
            "标题为左对齐，应居中",
            "“一、”级标题用了 宋体，应为黑体",
            "发文机关署名为左对齐；应在右侧",
            "T301 标题序号 （三） 跳号：应为第 2 号",
            "警告 T203 中文中使用了半角 ,；应写作 ，",
            "（可修正：将“,”替换为“，”）",
            "个错误",
            "页面规则（P…）未运行：加 --pages 以排版分页后检查",
        ],
        [
            "error L101 the paper is 215.9 mm × 279.4 mm; 公文 use A4",
            "no 22-line text grid",
            "title aligned left, not centred",
            "一、 heading in 宋体, not 黑体",
            "signature aligned left; it belongs on the right",
            "T301 heading number （三） skips: expected number 2",
            "warning T203 half-width , in Chinese text; write ，",
            "(fixable: replace “,” with “，”)",
            " errors",
            "page rules (P…) not run: add --pages to lay the pages out",
        ],
    )


if find_soffice() is None and os.environ.get("CI"):
    raise RuntimeError("CI needs LibreOffice for the page findings in the reader's language")


@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice not installed")
@pytest.mark.parametrize("lang", LOCALES)
def test_check_page_findings(lang: str, tmp_path: Path) -> None:
    from test_pages import _edited, _low_mark

    built = edureport.build(EXAMPLES / "chengde-2021", tmp_path / "seed.docx")
    low = _edited(built, tmp_path / "low.docx", _low_mark)
    result = edureport_cli("check", low, "--pages", "--select", "P", lang=lang)
    assert result.returncode == 0, result.stderr
    speaks(
        lang,
        result.stdout + result.stderr,
        ["警告 P101 第 1 页第 1 行：发文机关标志上边缘距版心上边缘", "mm；应为 35 mm"],
        ["warning P101 page 1, line 1: the top of the issuing-organ mark is", "belongs 35 mm"],
    )


@pytest.mark.parametrize("lang", LOCALES)
def test_json_findings_speak_as_the_text_report(lang: str, tmp_path: Path) -> None:
    result = edureport_cli(
        "check", _with_text_slips(tmp_path / "md.docx"), "--format", "json", lang=lang
    )
    findings = json.loads(result.stdout)["findings"]
    by_rule = {f["rule"]: f["message"] for f in findings}
    if lang.startswith("zh"):
        assert by_rule["L101"] == "纸张为 215.9 mm × 279.4 mm；公文用 A4 纸，210 × 297 mm"
        assert by_rule["T301"] == "标题序号 （三） 跳号：应为第 2 号"
    else:
        assert by_rule["L101"] == "the paper is 215.9 mm × 279.4 mm; 公文 use A4, 210 × 297 mm"
        assert by_rule["T301"] == "heading number （三） skips: expected number 2"


def test_the_library_speaks_english_unless_told() -> None:
    bad = (
        "plan:\n  title: 要点\n  sections:\n  - title: 一\n    items:\n    - title: 二\n"
        "      departments: {办公室: 1}\n"
    )
    with pytest.raises(edureport.DataError) as english_error:
        loads(bad)
    set_language("zh")
    try:
        with pytest.raises(edureport.DataError) as chinese_error:
            loads(bad)
        chinese = str(chinese_error.value)
    finally:
        set_language("en")
    assert str(english_error.value) == (
        "line 7, plan.sections[0].items[0].departments: "
        "expected a list of text, got a mapping (key: value)"
    )
    assert chinese == (
        "第 7 行，plan.sections[0].items[0].departments（责任科室）：应为文字列表，实为映射（键: 值）"
    )


@pytest.mark.parametrize("lang", LOCALES)
def test_lang_after_the_subcommand(lang: str, tmp_path: Path) -> None:
    # `--lang zh` wins over the locale wherever it is written, click's own words included.
    missing = edureport_cli("build", tmp_path / "nowhere.yaml", "--lang", "zh", lang=lang)
    unknown = edureport_cli("build", "--bogus", "--lang", "zh", lang=lang)
    helped = edureport_cli("check", "--help", "--lang=zh", lang=lang)
    english_run = edureport_cli("build", "--bogus", "--lang", "en", lang=lang)
    assert missing.returncode == 1 and "文件或文件夹不存在" in missing.stderr
    assert unknown.returncode == 2
    assert "用法：" in unknown.stderr and "edureport build [OPTIONS] SOURCES..." in unknown.stderr
    assert "错误：没有选项 '--bogus'。" in unknown.stderr
    assert re.search(r"运行 '.*edureport build --help' 查看帮助。", unknown.stderr)
    assert english(missing.stderr + unknown.stderr) == []
    assert helped.returncode == 0
    assert "选项:" in helped.stdout and "显示本帮助并退出。" in helped.stdout
    assert "按 GB/T 9704-2012 和校对规则检查 FILE" in helped.stdout
    assert "Usage:" in english_run.stderr and "edureport build [OPTIONS]" in english_run.stderr
    assert "Error: No such option '--bogus'" in english_run.stderr
