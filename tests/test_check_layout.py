"""Layout rules: our own output passes; a plain converted document gets what a reviewer would say;
formatting is read through styles, basedOn chains and direct run formatting."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt

from edureport.checker import Severity, check


def _errors(path: Path) -> list[str]:
    return [
        f"{f.rule} {f.location} {f.message}" for f in check(path) if f.severity is Severity.ERROR
    ]


def test_built_examples_have_no_errors(seed_docx: Path, school_docx: Path) -> None:
    assert _errors(seed_docx) == []
    assert _errors(school_docx) == []


def test_built_examples_have_no_layout_findings_at_all(seed_docx: Path, school_docx: Path) -> None:
    assert check(seed_docx, select=["layout"]) == []
    assert check(school_docx, select=["layout"]) == []


def test_seed_docx_text_slips_are_the_seed_texts(seed_docx: Path) -> None:
    # The built document carries the seed's wording, so its text findings are the seed's (less
    # the indented 责任科室 line, which the data does not keep): 41 warnings.
    findings = check(seed_docx)
    assert len(findings) == 41 and {f.rule for f in findings} == {
        "T101",
        "T201",
        "T203",
        "T204",
        "T303",
        "T304",
        "T305",
    }


def converted(path: Path) -> Path:
    """What a plain Markdown-to-Word converter makes: default template (Letter), Calibri/宋体,
    Heading styles, no red header, no page numbers."""
    d = docx.Document()
    normal = d.styles["Normal"]
    normal.font.name = "Calibri"
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")
    d.add_paragraph("承教发〔2021〕1号")
    d.add_heading("关于印发2021年工作要点的通知", level=1)
    d.add_paragraph("各县（市、区）教体局：")
    d.add_paragraph("现将《2021年工作要点》印发给你们，请认真贯彻落实。")
    d.add_paragraph("承德市教育局")
    d.add_paragraph("2021年4月6日")
    d.add_heading("2021年工作要点", level=1)
    d.add_heading("一、总体要求", level=2)
    d.add_paragraph("以习近平新时代中国特色社会主义思想为指导，全面贯彻党的教育方针。")
    d.add_heading("二、主要任务", level=2)
    d.add_paragraph("（一）加强党的建设。落实全面从严治党责任。")
    d.save(str(path))
    return path


def test_converted_document_gets_a_reviewers_findings(tmp_path: Path) -> None:
    findings = check(converted(tmp_path / "md.docx"), select=["layout"])
    got = {(f.rule, f.location.paragraph, f.severity) for f in findings}
    error, warning = Severity.ERROR, Severity.WARNING
    expected = {
        ("L101", None, error),  # Letter paper
        ("L102", None, error),  # 1-inch margins
        ("L103", None, warning),  # no 22-line grid
        ("L402", None, error),  # no page numbers
        ("L301", 1, error),  # no red issuing-organ mark
        ("L302", 1, error),  # no red rule
        ("L304", 1, error),  # 发文字号 in 宋体, not centred
        ("L203", 2, warning),  # title in 宋体 (a 宋 face, not 小标宋)
        ("L203", 2, error),  # title 14 pt, not centred
        ("L204", 2, warning),  # blue heading text
        ("L201", 3, error),  # body in 宋体
        ("L401", 5, warning),  # signature on the left
        ("L401", 6, warning),  # date on the left
        ("L203", 7, warning),
        ("L203", 7, error),
        ("L404", 7, warning),  # the printed plan does not start on a new page
        ("L202", 8, error),  # 一、 heading not in 黑体
        ("L204", 8, warning),
        ("L202", 11, error),  # （一） heading not in 楷体
    }
    assert got == expected
    messages = " / ".join(f.message for f in findings)
    assert "215.9 mm × 279.4 mm" in messages and "宋体, not 仿宋" in messages


def _fangsong_doc(path: Path, run_font: str | None = None, via_style: bool = False) -> Path:
    """A4, right margins and grid, body 仿宋 16 pt through a basedOn chain or directly."""
    d = docx.Document()
    section = d.sections[0]
    section.page_width, section.page_height = 7560310, 10692130  # 210 × 297 mm in EMU
    section.top_margin, section.left_margin = 1332230, 1007745
    section.right_margin, section.bottom_margin = 935990, 1259840
    normal = d.styles["Normal"]
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), "宋体")
    normal.font.size = Pt(16)
    body = d.styles.add_style("Body", 1)
    body.base_style = normal
    if via_style:
        body.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋_GB2312")
    d.add_paragraph("2021年工作要点")
    p = d.add_paragraph("全面贯彻党的教育方针，落实立德树人根本任务。", style="Body")
    if run_font:
        p.runs[0]._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), run_font)
    d.save(str(path))
    return path


@pytest.mark.parametrize(
    ("run_font", "via_style", "wrong"),
    [
        (None, False, True),  # 宋体 from Normal
        (None, True, False),  # 仿宋 from the Body style, based on Normal
        ("仿宋", False, False),  # 仿宋 set on the run
        ("黑体", True, True),  # the run's direct formatting wins over the style
    ],
)
def test_body_font_resolves_styles_and_direct_formatting(
    tmp_path: Path, run_font: str | None, via_style: bool, wrong: bool
) -> None:
    path = _fangsong_doc(tmp_path / "body.docx", run_font, via_style)
    findings = check(path, select=["L201"])
    assert bool(findings) is wrong


def _edit(source: Path, target: Path, part: str, old: str, new: str) -> Path:
    """Copy a .docx, replacing text in one XML part."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == part:
                text = data.decode("utf-8")
                assert old in text
                data = text.replace(old, new).encode("utf-8")
            zout.writestr(info, data)
    return target


def test_mark_not_red(seed_docx: Path, tmp_path: Path) -> None:
    path = _edit(
        seed_docx,
        tmp_path / "x.docx",
        "word/styles.xml",
        '<w:color w:val="FF0000"/><w:sz w:val="72"/>',
        '<w:sz w:val="72"/>',
    )
    assert [f.message for f in check(path, select=["L301"])][:1] == [
        "the issuing-organ mark is not red"
    ]


def test_red_rule_missing(seed_docx: Path, tmp_path: Path) -> None:
    path = _edit(
        seed_docx,
        tmp_path / "x.docx",
        "word/styles.xml",
        'w:space="11" w:color="FF0000"',
        'w:space="11" w:color="000000"',
    )
    assert [f.rule for f in check(path, select=["L302"])] == ["L302"]


def test_page_numbers_not_alternating_and_wrong_form(seed_docx: Path, tmp_path: Path) -> None:
    one = _edit(seed_docx, tmp_path / "a.docx", "word/settings.xml", "<w:evenAndOddHeaders/>", "")
    [f] = check(one, select=["L402"])
    assert f.severity is Severity.WARNING and "alternate" in f.message
    two = _edit(seed_docx, tmp_path / "b.docx", "word/footer1.xml", "— </w:t>", "- </w:t>")
    [g] = check(two, select=["L402"])
    assert "“- 1 —”" in g.message


def test_printed_document_without_page_break(seed_docx: Path, tmp_path: Path) -> None:
    path = _edit(seed_docx, tmp_path / "x.docx", "word/styles.xml", "<w:pageBreakBefore/>", "")
    found = [f.location.paragraph for f in check(path, select=["L404"])]
    assert found == [10, 32]  # 2020年工作总结, 2021年工作要点


COLOPHON = """\
notice:
  organs: [承德市教育局]
  code: {agency: 承教发, year: 2022, serial: 2}
  title: 关于做好2022年招生工作的通知
  date: 2022-03-09
  body: [请认真贯彻落实。]
  cc: [市委办公室]
  printed_by: 承德市教育局办公室
"""


def _with_document_xml(src: Path, dst: Path, old: str, new: str) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                assert old in text
                data = text.replace(old, new, 1).encode("utf-8")
            zout.writestr(item, data)
    return dst


def test_colophon_line_weights(tmp_path: Path) -> None:
    import edureport

    (tmp_path / "document.yaml").write_text(COLOPHON, encoding="utf-8")
    built = edureport.build(tmp_path, tmp_path / "notice.docx")
    assert check(built, select=["L403"]) == []
    thick_top = '<w:top w:val="single" w:sz="8"'
    thin = _with_document_xml(built, tmp_path / "thin.docx", thick_top, thick_top.replace("8", "2"))
    [finding] = check(thin, select=["L403"])
    assert "thicker" in finding.message
    bare = _with_document_xml(built, tmp_path / "bare.docx", thick_top, '<w:top w:val="nil"')
    [finding] = check(bare, select=["L403"])
    assert "a line above its first row" in finding.message
