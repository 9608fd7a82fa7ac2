"""edureport parse: documents read back into data (issue 3).

Expected values are the real document's (tests/data/seed-chengde-2021.txt, examples/) or written by
hand here; none is produced by the parser under test.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, SEED_TEXT, docx_lines, seed_paragraphs, text_file
from docx import Document as WordDocument
from docx.oxml import parse_xml
from docx.shared import Pt

import edureport
from edureport.cli import main
from edureport.compose import compose_plan, compose_summary, numeral_value
from edureport.dump import dumps, write_yaml
from edureport.model import Column, Plan, PlanItem, PlanSection, Section, Summary, Table
from edureport.parser import parse_date, parse_with_warnings, split_names, summarize, undistribute

# --- acceptance: the real document ---------------------------------------------------------


def test_seed_text_parsed_and_built_gives_the_seed_paragraphs(tmp_path: Path) -> None:
    document = edureport.parse(SEED_TEXT)
    built = edureport.build(document, tmp_path / "out.docx")
    lines, seed = docx_lines(built), seed_paragraphs()
    # The seed's header block is 承教发〔2021〕1号, then the two organs (one distributed-aligned);
    # the standard puts the organs first. Order aside, and without the alignment spaces, equal.
    assert sorted(x.replace(" ", "") for x in lines[:3]) == sorted(
        x.replace(" ", "") for x in seed[:3]
    )
    assert lines[3:] == seed[3:]


def test_seed_text_gives_the_example_data() -> None:
    assert edureport.parse(SEED_TEXT) == edureport.load(EXAMPLES / "chengde-2021")


def test_built_seed_docx_gives_the_example_data(seed_docx: Path) -> None:
    result = parse_with_warnings(seed_docx)
    assert result.document == edureport.load(EXAMPLES / "chengde-2021")
    assert result.warnings == []


def test_summary_line_counts_what_the_seed_holds() -> None:
    # Counted by hand in the seed: 一…五 in the summary, （一）…（四） under 二 and under 三,
    # 一…六 in the plan, items 1…34.
    assert summarize(edureport.parse(SEED_TEXT)) == (
        "notice 承教发〔2021〕1号 · summary: 5 sections, 8 subsections · plan: 6 sections, 34 items"
    )


def test_built_school_docx_gives_the_example_data_tables_included(school_docx: Path) -> None:
    parsed = edureport.parse(school_docx)
    assert parsed == edureport.load(EXAMPLES / "school-2023")  # tables compare as printed
    table = parsed.summary.sections[1].paragraphs[1]  # type: ignore[union-attr]
    assert isinstance(table, Table)
    assert table.columns == [Column("项目"), Column("金额", "万", 2), Column("占比", "percent", 1)]
    assert table.rows[0] == ["财政拨款", 38_600_000, 0.812]  # printed 3,860.00万 and 81.2%


def test_parsed_yaml_loads_back_to_the_same_data(tmp_path: Path, school_docx: Path) -> None:
    for source in (SEED_TEXT, school_docx):
        document = edureport.parse(source)
        written = write_yaml(document, tmp_path / f"{Path(source).stem}.yaml")
        assert edureport.load(written) == document


def test_yaml_is_written_like_the_examples() -> None:
    text = dumps(edureport.parse(SEED_TEXT))
    assert "  organs: [中共承德市委教育工委, 承德市教育局]\n" in text
    assert "      departments: [党建办（巡察办）, 机关党委, 规划财务（审计）科]\n" in text
    assert "        goal: '目标任务: '\n" in text
    assert "number:" not in text  # the seed's numbers are all in sequence


# --- a document made by hand -----------------------------------------------------------------

HAND_TEXT = [
    "000012",
    "机密★1年",
    "特急",
    "承德市教育局文件",
    "承教发﹝2022﹞7号",
    "关于印发2021年工作总结的通知",
    "各县（市、区）教体局，直属学校：",
    "现将《2021年工作总结》印发给你们，请认真贯彻落实。",
    "附件：2021年工作总结",
    "承德市教育局",
    "二〇二二年三月五日",
    "（此件公开发布）",
    "2021年工作总结",
    "2021年，全市教育系统稳步推进各项工作。",
    "一、办学条件持续改善",
    "全年新建校舍12所。",
    "表1　办学规模",
    "指标\t2020年\t2021年",
    "在校学生\t2,380\t2,456",
    "专任教师\t186\t192",
    "二、队伍建设不断加强",
    "（一）培训。全年培训教师3000人次。",
    "抄送：市委办公室，市政府办公室。",
    "承德市教育局办公室  2022年3月5日印发",
]

_TEXT_BOX = (
    '<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"><w:r><mc:AlternateContent>'
    '<mc:Choice Requires="wps"><w:drawing><wp:inline><wp:extent cx="5000000" cy="800000"/>'
    '<wp:docPr id="1" name="Text Box 1"/><a:graphic><a:graphicData '
    'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx>'
    "<w:txbxContent>{content}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData>"
    "</a:graphic></wp:inline></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>"
    "<w:txbxContent>{content}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
    "</mc:AlternateContent></w:r></w:p>"
)


def _hand_made_docx(path: Path) -> Path:
    """As an office worker would type it in Word: no styles, direct formatting, the header in a
    text box, the numbers typed, a table, even and odd page footers."""
    doc = WordDocument()
    body = doc.element.body
    for line in HAND_TEXT[:3]:
        doc.add_paragraph(line)
    red = '<w:r><w:rPr><w:color w:val="FF0000"/><w:sz w:val="72"/></w:rPr><w:t>{}</w:t></w:r>'
    box = _TEXT_BOX.format(content=f"<w:p>{red.format('承德市教育局文件')}</w:p>")
    body.insert(len(body) - 1, parse_xml(box))
    for line in HAND_TEXT[4:17]:
        p = doc.add_paragraph()
        run = p.add_run(line)
        run.font.size = Pt(16)
        run.bold = line.startswith(("一、", "关于"))
    table = doc.add_table(rows=3, cols=3)
    for r, line in enumerate(HAND_TEXT[17:20]):
        for c, cell in enumerate(line.split("\t")):
            table.cell(r, c).text = cell
    for line in HAND_TEXT[20:]:
        doc.add_paragraph(line)
    doc.settings.odd_and_even_pages_header_footer = True
    section = doc.sections[0]
    section.footer.paragraphs[0].text = "— 1 —"
    section.even_page_footer.paragraphs[0].text = "— 2 —"
    doc.save(str(path))
    return path


def test_hand_made_docx_parses_the_same_as_its_text(tmp_path: Path) -> None:
    from_docx = parse_with_warnings(_hand_made_docx(tmp_path / "hand.docx"))
    from_text = parse_with_warnings(text_file(tmp_path, HAND_TEXT))
    assert from_docx.document == from_text.document
    assert from_docx.warnings == from_text.warnings == []


def test_hand_made_document_is_read_field_by_field(tmp_path: Path) -> None:
    document = edureport.parse(_hand_made_docx(tmp_path / "hand.docx"))
    notice = document.notice
    assert notice is not None
    assert notice.code == edureport.DocumentCode("承教发", 2022, 7)  # ﹝﹞ read, 〔〕 written
    assert (notice.organs, notice.mark_word) == (["承德市教育局"], "文件")
    assert (notice.copy_number, notice.secrecy, notice.urgency) == ("000012", "机密★1年", "特急")
    assert notice.title == ["关于印发2021年工作总结的通知"]
    assert notice.recipients == ["各县（市、区）教体局", "直属学校"]
    assert notice.attachments == ["2021年工作总结"]
    assert notice.signature == []  # the organ itself
    assert notice.date == dt.date(2022, 3, 5)
    assert notice.note == "此件公开发布"
    assert notice.cc == ["市委办公室", "市政府办公室"]
    assert (notice.printed_by, notice.printed_on) == ("承德市教育局办公室", None)  # = 成文日期
    assert notice.prints == ["summary"]
    summary = document.summary
    assert summary is not None
    assert [s.title for s in summary.sections] == ["办学条件持续改善", "队伍建设不断加强"]
    assert summary.sections[0].paragraphs[1] == Table(
        columns=[Column("指标"), Column("2020年", "number"), Column("2021年", "number")],
        rows=[["在校学生", 2380, 2456], ["专任教师", 186, 192]],
        caption="表1　办学规模",
    )
    sub = summary.sections[1].subsections[0]
    assert (sub.title, sub.run_in, sub.paragraphs) == ("培训。", True, ["全年培训教师3000人次。"])


# --- the header block and the notice ----------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "承教发〔2021〕1号",
        "承教发﹝2021﹞1号",
        "承教发[2021]1号",
        "承教发【2021】1号",
        "承教发（2021）1号",
        "承教发(2021)1号",
    ],
)
def test_document_code_in_look_alike_brackets(tmp_path: Path, written: str) -> None:
    path = text_file(tmp_path, ["承德市教育局", written, "关于做好某项工作的通知", "2021年4月6日"])
    notice = edureport.parse(path).notice
    assert notice is not None
    assert (notice.code.agency, notice.code.year, notice.code.serial) == ("承教发", 2021, 1)
    assert str(notice.code) == "承教发〔2021〕1号"


def test_header_block_in_any_order_with_joint_organs_and_signer(tmp_path: Path) -> None:
    path = text_file(
        tmp_path,
        [
            "承教发〔2021〕3号  签发人：张三、李四",
            "加急",
            "中 共 承 德 市 委 教 育 工 委",
            "承  德  市  教  育  局",
            "文件",
            "关于开展",
            "安全检查的通知",
            "",
            "请认真落实。",
            "中共承德市委教育工委    承德市教育局",
            "2021-05-01",
        ],
    )
    notice = edureport.parse(path).notice
    assert notice is not None
    assert notice.organs == ["中共承德市委教育工委", "承德市教育局"]
    assert (notice.mark_word, notice.urgency, notice.signer) == ("文件", "加急", ["张三", "李四"])
    assert notice.title == ["关于开展", "安全检查的通知"]
    assert notice.body == ["请认真落实。"]
    assert notice.date == dt.date(2021, 5, 1)


@pytest.mark.parametrize(
    ("written", "date"),
    [
        ("2021年4月6日", dt.date(2021, 4, 6)),
        ("二〇二一年四月六日", dt.date(2021, 4, 6)),
        ("二○二一年十二月三十一日", dt.date(2021, 12, 31)),
        ("2021-04-06", dt.date(2021, 4, 6)),
        ("2021.4.6", dt.date(2021, 4, 6)),
        ("2021/4/6", dt.date(2021, 4, 6)),
        ("2021年2月30日", None),
        ("2021年工作总结", None),
    ],
)
def test_dates_in_chinese_and_arabic_forms(written: str, date: dt.date | None) -> None:
    assert parse_date(written) == date


def test_names_are_split_outside_brackets_only() -> None:
    assert split_names("局机关各科室（馆、站）、督导室", "、") == [
        "局机关各科室（馆、站）",
        "督导室",
    ]
    assert undistribute("承  德  市  教  育  局") == "承德市教育局"
    assert undistribute("承德市 教育局") == "承德市 教育局"


def test_several_attachments_and_a_signature_that_is_not_the_organ(tmp_path: Path) -> None:
    path = text_file(
        tmp_path,
        [
            "承德市教育局",
            "承教发〔2021〕2号",
            "关于报送材料的通知",
            "各学校：",
            "请按时报送。",
            "附件：1. 报送表",
            "2. 填表说明",
            "承德市教育局办公室",
            "2021年6月1日",
        ],
    )
    notice = edureport.parse(path).notice
    assert notice is not None
    assert (notice.recipients, notice.body) == (["各学校"], ["请按时报送。"])
    assert notice.attachments == ["报送表", "填表说明"]
    assert notice.signature == ["承德市教育局办公室"]


# --- summaries and plans ------------------------------------------------------------------------


def test_heading_numbers_that_break_the_sequence_are_kept_and_built_back(tmp_path: Path) -> None:
    lines = [
        "2021年工作总结",
        "一、甲",
        "二、乙",
        "四、丁",
        "五、戊",
        "（1）小项",
        "五、再一个",
        "（一）子项",
        "（三）再子项",
    ]
    path = text_file(tmp_path, lines)
    result = parse_with_warnings(path)
    sections = result.document.summary.sections  # type: ignore[union-attr]
    assert [s.number for s in sections] == [None, None, "四、", None, "五、"]
    # a level-4 number under a level-1 heading is its subheading, its number kept as written
    assert [(s.title, s.number) for s in sections[3].subsections] == [("小项", "（1）")]
    assert [s.number for s in sections[4].subsections] == [None, "（三）"]
    built = edureport.build(result.document, tmp_path / "out.docx")
    assert docx_lines(built) == lines


def test_run_in_and_own_line_subsections() -> None:
    summary = edureport.parse(SEED_TEXT).summary
    assert summary is not None
    second, third = summary.sections[1], summary.sections[2]
    assert second.subsections[0].title == "以铁肩精神，全力以赴投入疫情防控。"
    assert second.subsections[0].run_in
    assert second.subsections[0].paragraphs[0].startswith("面对突如其来的疫情")  # type: ignore[union-attr]
    assert third.subsections[3].title == "人民群众对教育的满意度获得感显著提升。"
    assert not third.subsections[3].run_in


PLAN_LINES = [
    "2022年工作要点",
    "总体要求: 稳中求进。",
    "一、党的建设",
    "1.理论学习",
    "任务目标：学深悟透。",
    "主要措施：",
    "集中学习。",
    "自主学习。",
    "责任单位：办公室、局机关各科室（馆、站）。",
    "2．基层党建",
    "工作目标:全面过硬。",
    "工作举措：抓好支部建设。（牵头单位：机关党委、人事科）",
    "二、教育教学",
    "4.课程改革",
    "目标任务：开齐开足课程。",
    "工作措施：推进新课标。",
    "牵头科室：基教科",
    "这一句不属于任何字段。",
]


def test_plan_field_labels_are_kept_as_written(tmp_path: Path) -> None:
    result = parse_with_warnings(text_file(tmp_path, PLAN_LINES))
    plan = result.document.plan
    assert plan is not None
    assert (plan.overview_label, plan.overview) == ("总体要求: ", ["稳中求进。"])
    first, second, fourth = plan.items
    assert first.labels == {"goal": "任务目标", "measures": "主要措施", "departments": "责任单位"}
    assert first.measures == ["", "集中学习。", "自主学习。"]
    assert (first.departments, first.departments_end) == (
        ["办公室", "局机关各科室（馆、站）"],
        "。",
    )
    assert second.number == "2．"  # full-width point: not the standard form
    assert second.labels == {
        "goal": "工作目标:",
        "measures": "工作举措",
        "departments": "（牵头单位：",
    }
    assert (second.measures, second.departments) == (["抓好支部建设。"], ["机关党委", "人事科"])
    assert (second.departments_inline, second.departments_end) == (True, "）")
    assert fourth.number == "4."  # 3 is missing
    assert fourth.paragraphs == ["这一句不属于任何字段。"]
    assert [str(w) for w in result.warnings] == [
        f"{tmp_path / 'doc.txt'}, line 18: text in a work item that is not one of its fields is "
        "kept as a plain paragraph after the fields"
    ]


def test_plan_is_built_back_to_the_same_text(tmp_path: Path) -> None:
    document = edureport.parse(text_file(tmp_path, PLAN_LINES))
    built = edureport.build(document, tmp_path / "plan.docx")
    assert docx_lines(built) == [line.replace(": ", ": ").replace("　", " ") for line in PLAN_LINES]


def test_text_that_fits_nowhere_stays_in_order_with_a_warning(tmp_path: Path) -> None:
    lines = ["2022年工作要点", "一、党的建设", "本部分说明。", "1.理论学习", "目标任务：学深悟透。"]
    result = parse_with_warnings(text_file(tmp_path, lines))
    plan = result.document.plan
    assert plan is not None and plan.sections[0].paragraphs == ["本部分说明。"]
    assert len(result.warnings) == 1 and result.warnings[0].location.line == 3
    built = edureport.build(result.document, tmp_path / "out.docx")
    assert docx_lines(built) == lines


# --- compose prints what the new fields hold ----------------------------------------------------


def test_compose_prints_a_kept_number_and_counts_on_from_it() -> None:
    summary = Summary("总结", sections=[Section("甲"), Section("丙", number="三、"), Section("丁")])
    headings = [b.heading for b in compose_summary(summary).blocks]
    assert headings == ["一、甲", "三、丙", "四、丁"]
    assert (numeral_value("（十二）"), numeral_value("九十九、"), numeral_value("4．")) == (
        12,
        99,
        4,
    )


def test_compose_inline_departments_unlabelled_overview_and_plain_paragraphs() -> None:
    item = PlanItem(
        "学习",
        measures=["抓好学习。"],
        departments=["办公室"],
        departments_end="）",
        labels={"departments": "（责任科室："},
        departments_inline=True,
        paragraphs=["补充说明。"],
    )
    plan = Plan(
        "要点",
        overview=["总的说。"],
        overview_label="",
        sections=[PlanSection("党建", items=[item], paragraphs=["本部分。"], number="二、")],
    )
    blocks = compose_plan(plan).blocks
    assert [(b.label + b.heading + b.text) for b in blocks] == [
        "总的说。",
        "二、党建",
        "本部分。",
        "1.学习",
        "工作措施：抓好学习。（责任科室：办公室）",
        "补充说明。",
    ]


# --- bad input ----------------------------------------------------------------------------------


def _bomb(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"<" + b" " * (70 * 1024 * 1024) + b"/>")
    return path


def _doctype(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">]>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            "<w:body><w:p><w:r><w:t>&a;</w:t></w:r></w:p></w:body></w:document>",
        )
    return path


def _truncated(path: Path, seed_docx: Path) -> Path:
    path.write_bytes(seed_docx.read_bytes()[:3000])
    return path


def _bytes(data: bytes) -> Any:
    def make(path: Path, seed_docx: Path) -> Path:
        path.write_bytes(data)
        return path

    return make


BAD_INPUTS = {
    "renamed.docx": (
        _bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600),
        "Word 97-2003 .doc",
    ),
    "old.doc": (_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 60), ".doc"),
    "~$x.docx": (_bytes(b"\x08owner" + b"\0" * 100), "lock file"),
    "truncated.docx": (_truncated, "zip"),
    "bomb.docx": (lambda p, s: _bomb(p), "would inflate"),
    "doctype.docx": (lambda p, s: _doctype(p), "DOCTYPE"),
    "empty.docx": (_bytes(b""), "empty"),
    "empty.txt": (_bytes(b"\n\n"), "empty"),
    "binary.txt": (_bytes(bytes(range(128, 256)) * 4), "UTF-8"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_an_input_error_naming_the_file(
    tmp_path: Path, seed_docx: Path, name: str
) -> None:
    make, problem = BAD_INPUTS[name]
    path = make(tmp_path / name, seed_docx)
    with pytest.raises(edureport.InputError) as caught:
        edureport.parse(path)
    assert caught.value.location.file == path
    assert problem in caught.value.message
    result = CliRunner().invoke(main, ["parse", str(path)])
    assert result.exit_code != 0
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert str(path) in result.output and "Traceback" not in result.output
    assert result.output.strip().count("\n") == 0  # one paragraph


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig", "utf-16"])
def test_text_in_gbk_or_with_a_bom_reads_like_utf8(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / f"seed-{encoding}.txt"
    path.write_bytes(SEED_TEXT.read_text(encoding="utf-8").encode(encoding))
    assert edureport.parse(path) == edureport.parse(SEED_TEXT)


# --- the command --------------------------------------------------------------------------------


def test_cli_writes_yaml_and_prints_the_summary(tmp_path: Path) -> None:
    out = tmp_path / "data.yaml"
    result = CliRunner().invoke(main, ["parse", str(SEED_TEXT), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"wrote {out}",
        "notice 承教发〔2021〕1号 · summary: 5 sections, 8 subsections · plan: 6 sections, 34 items",
    ]
    assert edureport.load(out) == edureport.load(EXAMPLES / "chengde-2021")
    again = CliRunner().invoke(main, ["parse", str(SEED_TEXT), "-o", str(out)])
    assert again.exit_code != 0 and "--force" in again.output
    forced = CliRunner().invoke(main, ["parse", str(SEED_TEXT), "-o", str(out), "--force"])
    assert forced.exit_code == 0


def test_cli_without_output_prints_the_yaml_and_warnings(tmp_path: Path) -> None:
    path = text_file(tmp_path, PLAN_LINES)
    result = CliRunner().invoke(main, ["parse", str(path)])
    assert result.exit_code == 0
    assert "plan:\n  title: 2022年工作要点\n" in result.stdout
    assert "edureport: warning: " in result.stderr and "line 18" in result.stderr
    assert result.stderr.splitlines()[-1] == "plan: 2 sections, 3 items"


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_a_word_paragraph_reads_as_word_shows_it(tmp_path: Path) -> None:
    """Tracked changes, breaks, tabs and no-break hyphens as a reviewer's Word shows them: the
    deleted words are gone, the inserted ones read, a line break ends a line, and the style is
    the paragraph's own, not the one a tracked change recorded."""
    from edureport.reader import read_paragraphs

    doc = WordDocument()
    doc.add_paragraph("一、总体要求", style="Heading 1")
    body = doc.element.body
    reviewed = (
        f'<w:p {_W}><w:pPr><w:pStyle w:val="Heading2"/><w:pPrChange w:id="1" '
        'w:author="a" w:date="2024-01-01T00:00:00Z"><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>'
        "</w:pPrChange></w:pPr>"
        "<w:r><w:t>（一）落实</w:t></w:r>"
        '<w:del w:id="2" w:author="a" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>旧的</w:delText>'
        "</w:r></w:del>"
        '<w:ins w:id="3" w:author="a" w:date="2024-01-01T00:00:00Z"><w:r><w:t>新的</w:t></w:r></w:ins>'
        "<w:r><w:t>任务</w:t><w:br/><w:t>第二行</w:t><w:tab/><w:t>K</w:t><w:noBreakHyphen/>"
        "<w:t>12</w:t></w:r></w:p>"
    )
    body.insert(len(body) - 1, parse_xml(reviewed))
    doc.add_paragraph("结束。")
    doc.save(str(tmp_path / "reviewed.docx"))
    paragraphs = read_paragraphs(tmp_path / "reviewed.docx")
    assert [p.text for p in paragraphs] == [
        "一、总体要求",
        "（一）落实新的任务\n第二行\tK-12",
        "结束。",
    ]
    assert [p.style for p in paragraphs] == ["Heading1", "Heading2", None]
