"""The optional parts of a notice: 份号, 密级, 紧急程度, “文件”, 签发人, 附件说明, 附注 and 版记."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from conftest import NS, W, body_paragraphs, docx_lines, paragraph_text, part, style_of

import edureport

FULL = """\
notice:
  organs: [中共承德市委教育工委, 承德市教育局]
  mark_word: 文件
  code: {agency: 承教发, year: 2022, serial: 12}
  copy_number: "000123"
  secrecy: 机密★1年
  urgency: 特急
  signer: [张三]
  title: [关于印发2021年工作总结及2022年, 工作要点的通知]
  recipients: [各县（市、区）教体局, 直属学校]
  body: [现将有关文件印发给你们，请认真贯彻落实。]
  attachments: [2021年工作总结, 2022年工作要点]
  date: 2022-03-09
  note: 此件公开发布
  cc: [市委办公室, 市政府办公室]
  printed_by: 承德市教育局办公室
  printed_on: 2022-03-10
summary:
  title: 2021年工作总结
  sections:
    - title: 总体情况
      paragraphs: [全年工作顺利完成。]
"""


@pytest.fixture(scope="module")
def full_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("full")
    (folder / "document.yaml").write_text(textwrap.dedent(FULL), encoding="utf-8")
    return edureport.build(folder, folder / "out.docx")


def test_header_lines_and_mark_word(full_docx: Path) -> None:
    lines = docx_lines(full_docx)
    assert lines[:3] == ["000123", "机密★1年", "特急"]
    assert "文件" in lines[3:7]


def test_code_with_signer_on_one_line(full_docx: Path) -> None:
    texts = [paragraph_text(p) for p in body_paragraphs(full_docx)]
    assert "承教发〔2022〕12号\t签发人：张三" in texts


def test_attachments_note_and_dates(full_docx: Path) -> None:
    lines = docx_lines(full_docx)
    at = lines.index("附件：1. 2021年工作总结")
    assert lines[at + 1] == "2. 2022年工作要点"
    assert lines[at + 2].split() == ["中共承德市委教育工委", "承德市教育局"]
    assert lines[at + 3 : at + 5] == ["2022年3月9日", "（此件公开发布）"]


def test_colophon_is_a_ruled_table_at_the_end(full_docx: Path) -> None:
    body = part(full_docx, "word/document.xml").find("w:body", NS)
    table = body.findall("w:tbl", NS)[-1]
    rows = ["".join(t.text or "" for t in tr.iter(f"{W}t")) for tr in table.findall("w:tr", NS)]
    assert rows == ["抄送：市委办公室，市政府办公室。", "承德市教育局办公室2022年3月10日印发"]
    borders = table.find("w:tblPr/w:tblBorders", NS)
    sizes = {
        side: int(borders.find(f"w:{side}", NS).get(f"{W}sz"))
        for side in ("top", "bottom", "insideH")
    }
    assert sizes["top"] == sizes["bottom"] > sizes["insideH"]  # thick first and last lines
    assert style_of(table.find(".//w:p", NS)) == "GwColophon"
    # nothing follows the 版记; the date stands apart from the organ (a right tab)
    assert docx_lines(full_docx)[-2:] == [rows[0], "承德市教育局办公室 2022年3月10日印发"]


def test_printed_document_follows_the_notice(full_docx: Path) -> None:
    lines = docx_lines(full_docx)
    assert lines.index("2021年工作总结") > lines.index("2022年3月9日")
    assert "一、总体情况" in lines
