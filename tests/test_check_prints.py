"""T307: a notice that names a document it does not print."""

from __future__ import annotations

from pathlib import Path

from conftest import EXAMPLES

import edureport
from edureport.checker import Severity, check

NOTICE = "承教发〔2024〕1号\n关于印发{title}的通知\n各学校：\n现将{body}印发给你们。\n承德市教育局\n2024年4月6日\n"


def _findings(tmp_path: Path, text: str) -> list[tuple[int | None, str]]:
    path = tmp_path / "notice.txt"
    path.write_text(text, encoding="utf-8")
    return [(f.location.paragraph, f.message) for f in check(path, select=["T307"])]


def test_a_built_notice_printing_only_the_summary_names_the_plan(tmp_path: Path) -> None:
    document = edureport.load(EXAMPLES / "chengde-2021")
    assert document.notice is not None
    document.notice.prints = ["summary"]
    findings = [f for f in check(document.build(tmp_path / "a.docx")) if f.rule == "T307"]
    assert [f.severity for f in findings] == [Severity.ERROR, Severity.ERROR]
    assert "2021年工作要点" in findings[0].message  # the title
    assert findings[1].location.excerpt.count("《2021年工作要点》") == 1  # the body
    whole = edureport.load(EXAMPLES / "chengde-2021").build(tmp_path / "b.docx")
    assert not [f for f in check(whole) if f.rule == "T307"]


def test_prints_summary_with_a_body_naming_the_2024_plan(tmp_path: Path) -> None:
    text = NOTICE.format(title="2023年工作总结", body="《2023年工作总结》和《2024年工作要点》")
    text += "2023年工作总结\n2023年，全市教育系统……。\n"
    found = _findings(tmp_path, text)
    assert len(found) == 1 and found[0][0] == 4 and "《2024年工作要点》" in found[0][1]


def test_printed_documents_and_cited_ones_are_no_finding(tmp_path: Path) -> None:
    text = NOTICE.format(title="2024年工作要点", body="《2024年工作要点》")
    assert _findings(tmp_path, text + "2024年工作要点\n一、总体要求\n") == []
    # a title without a year, found as a line after the notice
    text = NOTICE.format(title="学前教育行动方案", body="《学前教育行动方案》")
    assert _findings(tmp_path, text + "学前教育行动方案\n为贯彻……\n") == []
    # cited, not printed: no 印发 in its paragraph
    cited = "承教发〔2024〕2号\n关于开展检查的通知\n各学校：\n根据《2024年工作要点》，现开展检查。\n承德市教育局\n2024年5月6日\n"
    assert _findings(tmp_path, cited) == []
