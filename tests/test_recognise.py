"""The shapes real bureaus write, read by parse and check through one recogniser (issue 8).

Each test is a small document in one shape seen in published documents (tests/data/corpus/ holds
the real ones); the expected values are written by hand here.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import docx_lines, text_file

import edureport
from edureport.model import DocumentCode
from edureport.parser import parse_with_warnings


def _rebuilt_lines(tmp_path: Path, document: edureport.Document) -> list[str]:
    return docx_lines(edureport.build(document, tmp_path / "rebuilt.docx"))


# -- the notice -----------------------------------------------------------------------------------

WEB_NOTICE = [
    "苏州市教育局关于印发《2023年全市教育工作要点》的通知",  # the page's own title line
    "正文",
    "苏州市教育局关于印发《2023年全市教育工作要点》的通知",
    "苏教〔2023〕2号",
    "各县级市(区)教育局,机关各处室:",
    "现将《2023年全市教育工作要点》印发给你们,请认真贯彻执行。",
    "苏州市教育局",
    "2023年3月23日",
    "2023年全市教育工作要点",
    "一、加强党的建设",
    "1.学习贯彻党的二十大精神。根据省教育厅通知精神,扎实开展学习。",
]


def test_a_web_copy_without_the_mark_is_a_notice_and_the_page_lines_are_front_matter(
    tmp_path: Path,
) -> None:
    result = parse_with_warnings(text_file(tmp_path, WEB_NOTICE))
    document = result.document
    notice = document.notice
    assert notice is not None
    assert notice.code == DocumentCode("苏教", 2023, 2)
    assert notice.title == ["苏州市教育局关于印发《2023年全市教育工作要点》的通知"]
    assert notice.organs == ["苏州市教育局"]  # from the signature: no mark was printed
    assert notice.date == dt.date(2023, 3, 23)
    assert notice.recipients == ["各县级市(区)教育局", "机关各处室"]
    assert document.front_matter == WEB_NOTICE[:2]
    # one warning for the page's block of lines, at its first line, saying how many
    assert [w.location.line for w in result.warnings] == [1]
    assert result.warnings[0].message.endswith("(2 lines from here)")
    plan = document.plan
    assert plan is not None and plan.title == "2023年全市教育工作要点"
    assert notice.prints == ["plan"]
    item = plan.items[0]
    assert (item.title, item.measures, item.run_in) == (
        "学习贯彻党的二十大精神。",
        ["根据省教育厅通知精神,扎实开展学习。"],
        True,
    )


def test_a_notice_without_a_code_and_with_an_issue_sentence_only(tmp_path: Path) -> None:
    lines = [
        "各镇(街道)人民政府,区政府各部门:",
        "现将《政府工作报告任务分解表》印发给你们,请认真落实。",
        "附件:政府工作报告任务分解表",
        "盘锦市大洼区人民政府办公室",
        "2021年1月25日",
        "(此件公开发布)",
    ]
    notice = edureport.parse(text_file(tmp_path, lines)).notice
    assert notice is not None
    assert notice.code is None  # 文号 无: the model allows it
    assert notice.organs == ["盘锦市大洼区人民政府办公室"]
    assert notice.attachments == ["政府工作报告任务分解表"]
    assert (notice.date, notice.note) == (dt.date(2021, 1, 25), "此件公开发布")


@pytest.mark.parametrize(
    "written", ["吉教发[2015]1号", "吉教发［2015］1号", "吉教发 [2015] 1号", "吉教发【2015】1号"]
)
def test_a_code_in_any_bracket_fused_to_the_title_and_a_line_run_together(
    tmp_path: Path, written: str
) -> None:
    lines = [
        "吉林省教育厅文件",
        f"{written}关于印发《吉林省教育厅2015年工作要点》的通知",
        "各市(州)教育局,各高等学校:",
        "现将《吉林省教育厅2015年工作要点》印发给你们,请认真落实。 附件:吉林省教育厅2015年工作要点 "
        "吉林省教育厅 2015年3月10日",
        "附件",
        "吉林省教育厅2015年工作要点",
        "2015年工作的总体要求是:深化改革。 一、加强党的建设 1.深入学习。把学习作为重要任务。 "
        "2.加强高校党建。召开党建会。 二、推进均衡发展 3.改善办学条件。实施改造工程。",
    ]
    document = edureport.parse(text_file(tmp_path, lines))
    notice = document.notice
    assert notice is not None
    assert str(notice.code) == "吉教发〔2015〕1号"  # written back in 〔〕
    assert (notice.organs, notice.mark_word) == (["吉林省教育厅"], "文件")
    assert notice.attachments == ["吉林省教育厅2015年工作要点"]
    assert notice.date == dt.date(2015, 3, 10)
    plan = document.plan
    assert plan is not None and plan.marker == "附件"
    assert [s.title for s in plan.sections] == ["加强党的建设", "推进均衡发展"]
    assert [i.title for i in plan.items] == ["深入学习。", "加强高校党建。", "改善办学条件。"]


def test_urgency_words_are_header_lines_for_check_too(tmp_path: Path) -> None:
    lines = [
        "特提",
        "某县教育局",
        "某教发〔2024〕3号",
        "关于做好工作的通知",
        "各学校：",
        "请落实。",
        "某县教育局",
        "2024年3月5日",
    ]
    path = text_file(tmp_path, lines)
    notice = edureport.parse(path).notice
    assert notice is not None and notice.urgency == "特提"
    docx = edureport.build(edureport.parse(path), tmp_path / "built.docx")
    assert [f for f in edureport.check(docx) if f.rule == "L301"] == []


@pytest.mark.parametrize("written", ["20223月23日", "2024327", "2024年2月30日"])
def test_a_malformed_date_is_a_finding_and_its_text_is_kept(tmp_path: Path, written: str) -> None:
    lines = [
        "某县教育局",
        "某教发〔2024〕3号",
        "关于做好工作的通知",
        "各学校：",
        "请落实。",
        "某县教育局",
        written,
    ]
    path = text_file(tmp_path, lines)
    assert [f.rule for f in edureport.check(path) if f.rule == "T102"] == ["T102"]
    notice = edureport.parse(path).notice
    assert notice is not None and notice.date is None and notice.body[-1] == written


# -- plan items and the units responsible --------------------------------------------------------


def test_three_levels_items_are_the_deepest_and_groups_keep_numbering_on(tmp_path: Path) -> None:
    lines = [
        "2024年工作要点",
        "一、党的建设",
        "（一）思想建设",
        "1.理论学习。集中学习。",
        "2.宣传教育。开展宣讲。",
        "（二）组织建设",
        "3.支部建设。规范支部。",
        "二、教育教学",
        "（一）基础教育",
        "4.课程改革。推进新课标。",
    ]
    document = edureport.parse(text_file(tmp_path, lines))
    plan = document.plan
    assert plan is not None
    assert [s.title for s in plan.sections] == ["党的建设", "教育教学"]
    assert [g.title for g in plan.sections[0].sections] == ["思想建设", "组织建设"]
    assert [i.title for i in plan.items] == ["理论学习。", "宣传教育。", "支部建设。", "课程改革。"]
    assert all(i.number is None for i in plan.items)  # 1…4 continue across groups
    assert _rebuilt_lines(tmp_path, document) == lines


@pytest.mark.parametrize("mark", ["1、", "1．", "(1)", "（1）", "①"])
def test_items_numbered_any_way_a_typist_does(tmp_path: Path, mark: str) -> None:
    second = mark.replace("1", "2").replace("①", "②")
    lines = [
        "2022年工作要点",
        "一、疫情防控",
        f"{mark}强化防控体系。坚持外防输入。",
        f"{second}提升应急能力。扩增检测能力。",
    ]
    document = edureport.parse(text_file(tmp_path, lines))
    plan = document.plan
    assert plan is not None
    assert [i.title for i in plan.items] == ["强化防控体系。", "提升应急能力。"]
    assert _rebuilt_lines(tmp_path, document) == lines


def test_label_lines_for_every_role(tmp_path: Path) -> None:
    lines = [
        "2021年重点工作任务分解",
        "一、抓好疫情防控",
        "1.完善常态化疫情防控举措。",
        "牵头单位:市卫生健康委",
        "配合单位:市公安局、市教育局",
        "责任领导:张三",
        "完成时限:2021年6月底",
        "2.健全应急指挥体系。",
        "责任单位:市疫情防控指挥部办公室、市卫生健康委等,各县(市、区)政府",
    ]
    document = edureport.parse(text_file(tmp_path, lines))
    plan = document.plan
    assert plan is not None
    first, second = plan.items
    assert first.departments == ["市卫生健康委"]
    assert first.cooperating == ["市公安局", "市教育局"]
    assert (first.leader, first.deadline) == (["张三"], "2021年6月底")
    assert second.departments == ["市疫情防控指挥部办公室", "市卫生健康委等", "各县(市、区)政府"]
    assert _rebuilt_lines(tmp_path, document) == lines


@pytest.mark.parametrize(
    ("tail", "lead", "cooperating"),
    [
        ("（责任科室：组干科、机关党委）", ["组干科", "机关党委"], []),
        ("（牵头科室：基教科；配合科室：督导室、教研室）", ["基教科"], ["督导室", "教研室"]),
        ("（基教科牵头，督导室、教研室参与）", ["基教科"], ["督导室", "教研室"]),
        ("（基教科负责）", ["基教科"], []),
        (
            "(市教育局,市委农办,各县<市、区>人民政府,排名第一位为牵头单位,下同)",
            ["市教育局"],
            ["市委农办", "各县<市、区>人民政府"],
        ),
    ],
)
def test_units_named_inline_in_every_common_form(
    tmp_path: Path, tail: str, lead: list[str], cooperating: list[str]
) -> None:
    lines = ["2024年工作要点", "一、基础教育", f"1.健全管理体制。落实各级政府责任。{tail}"]
    document = edureport.parse(text_file(tmp_path, lines))
    plan = document.plan
    assert plan is not None
    item = plan.items[0]
    assert (item.departments, item.cooperating) == (lead, cooperating)
    assert item.measures == ["落实各级政府责任。"]
    assert _rebuilt_lines(tmp_path, document) == lines


def test_a_legend_makes_later_bare_lists_lead_first(tmp_path: Path) -> None:
    lines = [
        "2019年行动方案",
        "一、落实政府职责",
        "(一)健全管理体制。建立管理体制。(市教育局,市委农办,排名第一位为牵头单位,下同)",
        "(二)建立联席会议制度。及时研究解决问题。(市教育局,市财政局,市人社局)",
    ]
    document = edureport.parse(text_file(tmp_path, lines))
    plan = document.plan
    assert plan is not None
    second = plan.items[1]
    assert (second.departments, second.cooperating) == (["市教育局"], ["市财政局", "市人社局"])
    assert _rebuilt_lines(tmp_path, document) == lines


def test_a_plan_of_items_without_section_headings(tmp_path: Path) -> None:
    lines = ["2024年工作要点", "1.抓好学习。深入学习。", "2.抓好落实。狠抓落实。"]
    document = edureport.parse(text_file(tmp_path, lines))
    plan = document.plan
    assert plan is not None and [i.title for i in plan.items] == ["抓好学习。", "抓好落实。"]
    assert _rebuilt_lines(tmp_path, document) == lines


def test_a_thousand_items_come_back_a_thousand(tmp_path: Path) -> None:
    lines = ["2024年工作要点", "一、全部工作"] + [f"{n}.第{n}项工作。" for n in range(1, 1001)]
    plan = edureport.parse(text_file(tmp_path, lines)).plan
    assert plan is not None and len(plan.items) == 1000
    assert plan.items[-1].title == "第1000项工作。"


# -- summaries ------------------------------------------------------------------------------------


def test_a_summary_going_from_yi_to_1_without_the_middle_level(tmp_path: Path) -> None:
    lines = [
        "2021年工作总结",
        "一、2021年工作总结",
        "1.推进学前教育。毛入园率达95%。",
        "2.推进义务教育。投入资金。",
        "二、存在的问题",
        "（一）师资不足。",
    ]
    document = edureport.parse(text_file(tmp_path, lines))
    summary = document.summary
    assert summary is not None
    first = summary.sections[0]
    assert [s.title for s in first.subsections] == ["推进学前教育。", "推进义务教育。"]
    assert first.subsections[0].paragraphs == ["毛入园率达95%。"]
    assert _rebuilt_lines(tmp_path, document) == lines


def test_a_second_summary_in_one_file_is_its_own_part(tmp_path: Path) -> None:
    lines = ["2021年工作总结", "一、甲", "全年推进。", "2022年工作总结", "一、乙", "继续推进。"]
    document = edureport.parse(text_file(tmp_path, lines))
    assert document.summary is not None and document.summary.title == "2021年工作总结"
    assert [type(p).__name__ for p in document.more] == ["Summary"]
    assert document.more[0].title == "2022年工作总结"
    assert _rebuilt_lines(tmp_path, document) == lines


# -- text that came through a PDF or a web page --------------------------------------------------


def test_hard_wrapped_lines_and_page_numbers_are_joined_into_paragraphs(tmp_path: Path) -> None:
    width = "全市教育系统坚持以习近平新时代中国特色社会主义思想为指导深入贯彻"  # 32 characters
    lines = [
        "2021年工作总结",
        "一、坚持党的领导",
        width,
        width,
        "- 2 -",
        width,
        "工作取得成效。",
        "二、推进改革",
        width,
        width,
        "改革取得实效。",
    ]
    result = parse_with_warnings(text_file(tmp_path, lines))
    summary = result.document.summary
    assert summary is not None
    assert summary.sections[0].paragraphs == [width * 3 + "工作取得成效。"]
    assert summary.sections[1].paragraphs == [width * 2 + "改革取得实效。"]
    assert [str(w).split(": ", 1)[1] for w in result.warnings] == [
        "a page number “- 2 -” is left out"
    ]


def test_no_break_space_indents_are_not_text(tmp_path: Path) -> None:
    lines = ["2020年工作总结", "\u00a0\u00a0一、强化党建", "\u3000\u3000全年召开会议12次。"]
    summary = edureport.parse(text_file(tmp_path, lines)).summary
    assert summary is not None
    assert (summary.sections[0].title, summary.sections[0].paragraphs) == (
        "强化党建",
        ["全年召开会议12次。"],
    )


# -- the data written back ------------------------------------------------------------------------


def test_parsed_shapes_save_as_yaml_that_loads_back_equal(tmp_path: Path) -> None:
    from edureport.dump import write_yaml

    lines = [*WEB_NOTICE, "（市教育局牵头，市财政局参与）", "2024年工作总结", "一、甲", "推进。"]
    lines[-5] = lines[-5] + "（市教育局牵头，市财政局参与）"
    del lines[-4]
    document = edureport.parse(text_file(tmp_path, lines))
    write_yaml(document, tmp_path / "data.yaml")
    assert edureport.load(tmp_path / "data.yaml") == document


# -- Word's own structure: automatic numbering and heading styles --------------------------------

_NUMBERING = (
    '<w:abstractNum xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'w:abstractNumId="90">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="%1、"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%2."/></w:lvl></w:abstractNum>'
)
_NUM = (
    '<w:num xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:numId="90">'
    '<w:abstractNumId w:val="90"/></w:num>'
)


def _numbered(paragraph: object, level: int) -> None:
    from docx.oxml import parse_xml

    ppr = paragraph._p.get_or_add_pPr()  # type: ignore[attr-defined]
    ppr.append(
        parse_xml(
            '<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f'<w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'
        )
    )


def test_word_automatic_numbering_is_read_as_the_number_it_shows(tmp_path: Path) -> None:
    from docx import Document as WordDocument
    from docx.oxml import parse_xml

    doc = WordDocument()
    numbering = doc.part.numbering_part.element
    numbering.insert(0, parse_xml(_NUMBERING))
    numbering.append(parse_xml(_NUM))
    doc.add_paragraph("2024年工作要点")
    for text, level in [
        ("党的建设", 0),
        ("理论学习。集中学习。", 1),
        ("支部建设。规范支部。", 1),
        ("教育教学", 0),
        ("课程改革。推进新课标。", 1),
    ]:
        _numbered(doc.add_paragraph(text), level)
    path = tmp_path / "numbered.docx"
    doc.save(str(path))
    plan = edureport.parse(path).plan
    assert plan is not None
    assert [s.title for s in plan.sections] == ["党的建设", "教育教学"]
    # Word restarts level 2 under each level-1 entry, so the third item shows 1. again; the
    # plan's numbering runs on, so that 1. is kept as written
    assert [(i.title, i.number) for i in plan.items] == [
        ("理论学习。", None),
        ("支部建设。", None),
        ("课程改革。", "1."),
    ]


def test_heading_styles_without_numbers_are_headings(tmp_path: Path) -> None:
    from docx import Document as WordDocument

    doc = WordDocument()
    doc.add_paragraph("2021年工作总结")
    doc.add_paragraph("强化党建引领", style="Heading 1")
    doc.add_paragraph("全年召开会议12次。")
    doc.add_paragraph("思想建设", style="Heading 2")
    doc.add_paragraph("开展学习。")
    doc.add_paragraph("推进改革", style="Heading 1")
    path = tmp_path / "styled.docx"
    doc.save(str(path))
    summary = edureport.parse(path).summary
    assert summary is not None
    assert [(s.title, s.number) for s in summary.sections] == [
        ("强化党建引领", ""),
        ("推进改革", ""),
    ]
    assert summary.sections[0].paragraphs == ["全年召开会议12次。"]
    assert [s.title for s in summary.sections[0].subsections] == ["思想建设"]


# -- task decomposition tables --------------------------------------------------------------------

TASK_HEADER = ["序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限"]
TASK_ROWS = [
    ["1", "推进学前教育普惠发展", "新建幼儿园5所。", "基教科", "计财科、人事科", "2024年9月"],
    ["2", "推进义务教育均衡发展", "改善薄弱学校。", "基教科", "督导室", "2024年12月"],
    ["3", "加强教师队伍建设", "开展全员培训。", "人事科", "", "2024年12月"],
]


def _check_task_plan(plan: edureport.Plan | None) -> None:
    assert plan is not None
    items = plan.items
    assert [i.title for i in items] == [r[1] for r in TASK_ROWS]
    assert [i.measures for i in items] == [[r[2]] for r in TASK_ROWS]
    assert [i.departments for i in items] == [["基教科"], ["基教科"], ["人事科"]]
    assert [i.cooperating for i in items] == [["计财科", "人事科"], ["督导室"], []]
    assert [i.deadline for i in items] == ["2024年9月", "2024年12月", "2024年12月"]


def test_a_task_table_in_word_is_a_plan_with_merged_cells_read(tmp_path: Path) -> None:
    from docx import Document as WordDocument

    doc = WordDocument()
    doc.add_paragraph("2024年教育工作任务分解表")
    table = doc.add_table(rows=len(TASK_ROWS) + 1, cols=len(TASK_HEADER))
    for c, name in enumerate(TASK_HEADER):
        table.cell(0, c).text = name
    for r, row in enumerate(TASK_ROWS, start=1):
        for c, value in enumerate(row):
            if not (c == 5 and r == 3):
                table.cell(r, c).text = value
    table.cell(2, 5).merge(table.cell(3, 5))  # one 完成时限 for the last two rows
    table.cell(2, 5).text = "2024年12月"
    path = tmp_path / "tasks.docx"
    doc.save(str(path))
    document = edureport.parse(path)
    assert document.plan is not None and document.plan.title == "2024年教育工作任务分解表"
    _check_task_plan(document.plan)


def test_a_task_table_in_a_workbook_is_a_plan(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["2024年教育工作任务分解表"])
    sheet.merge_cells("A1:F1")
    sheet.append(TASK_HEADER)
    for row in TASK_ROWS:
        sheet.append(row)
    sheet["F5"] = None
    sheet.merge_cells("F4:F5")
    path = tmp_path / "tasks.xlsx"
    book.save(path)
    document = edureport.parse(path)
    assert document.plan is not None and document.plan.title == "2024年教育工作任务分解表"
    _check_task_plan(document.plan)


def test_a_table_of_contents_is_front_matter_and_a_page_break_mid_sentence_is_joined(
    tmp_path: Path,
) -> None:
    lines = [
        "目  录",
        "一、总体要求……………………1",
        "二、主要任务……………………2",
        "2024年工作要点",
        "一、总体要求",
        "1.稳中求进。坚持稳中求进，",
        "- 3 -",
        "推动教育高质量发展。",
    ]
    result = parse_with_warnings(text_file(tmp_path, lines))
    document = result.document
    assert document.front_matter == lines[:3]
    plan = document.plan
    assert plan is not None and plan.title == "2024年工作要点"
    assert plan.items[0].measures == ["坚持稳中求进，推动教育高质量发展。"]


def test_a_task_table_builds_back_as_the_table(tmp_path: Path) -> None:
    lines = ["2024年教育工作任务分解表", "\t".join(TASK_HEADER)]
    lines += ["\t".join(cell or "—" for cell in row) for row in TASK_ROWS]
    document = edureport.parse(text_file(tmp_path, lines))
    plan = document.plan
    assert plan is not None and plan.sections[0].columns == TASK_HEADER
    assert plan.items[2].cooperating == ["—"]  # a dash in an empty cell is what the table says
    rebuilt = _rebuilt_lines(tmp_path, document)
    assert rebuilt == ["2024年教育工作任务分解表", *TASK_HEADER] + [
        cell or "—" for row in TASK_ROWS for cell in row
    ]


def test_a_table_flattened_one_cell_a_line_is_read_as_the_table(tmp_path: Path) -> None:
    lines = [
        "国家卫生城市复审工作职责任务分解表",
        "任 务 目 标",
        "完成时限",
        "组织领导",
        "成立迎审领导小组,制定方案。",
        "4月份",
        "单位内部",
        "卫生",
        "1.按照标准做好内部卫生管理。",
        "2.城区宿舍达到卫生标准。",
        "临时任务",
        "完成领导小组交办的各项工作任务。",
        "4-12月份",
    ]
    plan = edureport.parse(text_file(tmp_path, lines)).plan
    assert plan is not None
    assert [(i.title, i.goal, i.deadline) for i in plan.items] == [
        ("组织领导", ["成立迎审领导小组,制定方案。"], "4月份"),
        ("单位内部卫生", ["1.按照标准做好内部卫生管理。2.城区宿舍达到卫生标准。"], None),
        ("临时任务", ["完成领导小组交办的各项工作任务。"], "4-12月份"),
    ]


def test_a_page_line_between_title_and_recipients_and_the_organ_from_the_title(
    tmp_path: Path,
) -> None:
    lines = [
        "关于印发《某市教育局2024年工作要点》的通知",
        "发布时间:2024-03-28 09:33 信息来源:某市教育局 阅读次数:",
        "各县区教育局,机关各科室:",
        "现将《某市教育局2024年工作要点》印发给你们,请认真贯彻落实。",
        "2024327",
        "(此件主动公开)",
        "某市教育局2024年工作要点",
        "一、加强党的领导",
        "1.加强理论武装。深入学习。(责任科室:组干科、机关党委)",
    ]
    result = parse_with_warnings(text_file(tmp_path, lines))
    notice = result.document.notice
    assert notice is not None
    assert notice.title == [lines[0]]
    assert notice.organs == ["某市教育局"]  # named by the title; a warning says so
    assert any("taken from its title" in str(w) for w in result.warnings)
    assert notice.date is None and notice.body[-1] == "2024327"  # kept; check reports it
    assert result.document.front_matter == [lines[1]]
    plan = result.document.plan
    assert plan is not None and plan.items[0].departments == ["组干科", "机关党委"]


def test_a_page_title_repeated_with_spaces_and_site_lines_before_it(tmp_path: Path) -> None:
    lines = [
        "某县教育局2022年工作要点",
        "VIP专免",
        "2024-06-03",
        "29.51KB",
        "24 页",
        "某县教育局 2022 年工作要点",
        "2022 年是关键之年。",
        "一、办好人民满意教育",
        "1.推进中心建设。制定实施方案。",
    ]
    document = edureport.parse(text_file(tmp_path, lines))
    assert document.front_matter == lines[:5]
    assert document.plan is not None and document.plan.title == lines[5]
    assert document.more == []


def test_a_header_and_a_colophon_drawn_as_tables(tmp_path: Path) -> None:
    from docx import Document as WordDocument

    doc = WordDocument()
    header = doc.add_table(rows=2, cols=2)
    header.cell(0, 0).text = "中共某县委教育工委"
    header.cell(1, 0).text = "某县教育局"
    header.cell(0, 1).merge(header.cell(1, 1))
    header.cell(0, 1).text = "文件"
    for line in [
        "某教发〔2023〕5号",
        "关于做好安全工作的通知",
        "各学校：",
        "请认真落实。",
        "特此通知。",
        "中共某县委教育工委    某县教育局",
        "2023年5月6日",
    ]:
        doc.add_paragraph(line)
    colophon = doc.add_table(rows=2, cols=2)
    colophon.cell(0, 0).merge(colophon.cell(0, 1))
    colophon.cell(0, 0).text = "抄送：市教育局。"
    colophon.cell(1, 0).text = "某县教育局办公室"
    colophon.cell(1, 1).text = "2023年5月6日印发"
    path = tmp_path / "tables.docx"
    doc.save(str(path))
    notice = edureport.parse(path).notice
    assert notice is not None
    assert (notice.organs, notice.mark_word) == (["中共某县委教育工委", "某县教育局"], "文件")
    assert notice.body == ["请认真落实。", "特此通知。"]
    assert notice.cc == ["市教育局"]
    assert (notice.printed_by, notice.printed_on) == ("某县教育局办公室", None)


def test_an_attachment_list_under_its_own_label_and_a_notice_naming_no_organ(
    tmp_path: Path,
) -> None:
    lines = [
        "关于召开方案征求意见会的预通知",
        "各区人民政府、市直有关单位:",
        "拟于近期召开征求意见会,时间另行通知。",
        "联系人:张三  12345678",
        "附件:",
        "1.参会单位名单",
        "2.《某某行动实施方案(代拟稿)》",
        "2020年10月21日",
        "附件1",
        "参会单位名单",
        "市委宣传部、市教体局。",
    ]
    path = text_file(tmp_path, lines)
    result = parse_with_warnings(path)
    notice = result.document.notice
    assert notice is not None
    assert notice.attachments == ["参会单位名单", "《某某行动实施方案(代拟稿)》"]
    assert notice.body == lines[2:4]
    assert notice.organs == ["【待填写】"]  # named nowhere: left for the office, and said so
    assert any("names no issuing organ" in str(w) for w in result.warnings)
    summary = result.document.summary
    assert summary is not None and (summary.marker, summary.title) == ("附件1", "参会单位名单")
    edureport.build(result.document, tmp_path / "out.docx")  # the data builds as parsed


def test_a_table_of_contents_without_leaders_before_a_collection(tmp_path: Path) -> None:
    lines = [
        "目录",
        "1.某区2022年工作总结 3",
        "2.某局2022年工作总结 13",
        "某区2022年工作总结",
        "一、主要成效",
        "全年推进。",
        "某局2022年工作总结",
        "一、主要做法",
        "狠抓落实。",
    ]
    document = edureport.parse(text_file(tmp_path, lines))
    assert document.front_matter == lines[:3]
    assert document.summary is not None and document.summary.title == "某区2022年工作总结"
    assert [p.title for p in document.more] == ["某局2022年工作总结"]


def test_a_document_sites_page_chunks_are_joined_and_a_heading_run_into_yi_shi(
    tmp_path: Path,
) -> None:
    body = "全年教育工作稳步推进,各项任务顺利完成,教育质量不断提升,群众满意度持续提高," * 3
    lines = [
        f"1、某局2023年工作总结及2024年工作计划今年以来,{body}名师培",
        f"2、养取得新成效。一、今年的工作亮点一是党建引领有力。{body}二是改",
        "3、革持续深化。",
    ]
    result = parse_with_warnings(text_file(tmp_path, lines))
    summary = result.document.summary
    assert summary is not None and summary.title == "某局2023年工作总结及2024年工作计划"
    assert summary.preface == [f"今年以来,{body}名师培养取得新成效。"]
    section = summary.sections[0]
    assert (section.title, section.run_in) == ("今年的工作亮点", True)
    assert section.paragraphs == [f"一是党建引领有力。{body}二是改革持续深化。"]
    assert any("page numbers of a document site" in str(w) for w in result.warnings)


def test_short_numbered_lines_are_items_not_page_chunks(tmp_path: Path) -> None:
    lines = ["2024年工作要点", "1、抓好学习。深入学习。", "2、抓好落实。狠抓落实。"]
    plan = edureport.parse(text_file(tmp_path, lines)).plan
    assert plan is not None and [i.title for i in plan.items] == ["抓好学习。", "抓好落实。"]


def test_recipients_still_to_be_filled_are_the_recipients_line(tmp_path: Path) -> None:
    lines = [
        "某县教育局",
        "某教发〔2024〕【待填写】号",
        "关于做好工作的通知",
        "【待填写】：",
        "请认真落实。",
        "某县教育局",
        "【待填写】",
    ]
    notice = edureport.parse(text_file(tmp_path, lines)).notice
    assert notice is not None and notice.recipients == ["【待填写】"]
    assert notice.code is not None and notice.code.serial is None
    assert notice.body == ["请认真落实。"]


def test_a_notice_with_a_colophon_and_no_printed_document(tmp_path: Path) -> None:
    lines = [
        "某县教育局",
        "某教发〔2024〕3号",
        "关于做好安全工作的通知",
        "各学校：",
        "请认真落实。",
        "某县教育局",
        "2024年3月5日",
        "抄送：市教育局。",
        "某县教育局办公室  2024年3月5日印发",
    ]
    document = edureport.parse(text_file(tmp_path, lines))
    notice = document.notice
    assert notice is not None and (notice.cc, notice.printed_by) == (
        ["市教育局"],
        "某县教育局办公室",
    )
    assert document.summary is None and document.plan is None and notice.prints == []
    built = edureport.build(document, tmp_path / "notice.docx")
    assert edureport.check(built) == []  # the 版记 is not taken for a printed document (L404)
    assert edureport.parse(built) == document


def test_a_government_sites_disclosure_block_is_front_matter(tmp_path: Path) -> None:
    lines = [
        "索引号: | 1134/2023-00052 | 组配分类: | 规划计划 |",
        "发布机构: | 某县卫生健康委员会 | 主题分类: | 卫生 |",
        "名称: | 县卫健委2023年工作总结 | 文号: | |",
        "成文日期: | 发布日期: | 2023-11-07 | |",
        "2023年,县卫生健康委坚持稳中求进。",
        "一、工作开展情况",
        "(一)扎实开展党的建设工作",
    ]
    document = edureport.parse(text_file(tmp_path, lines))
    assert document.front_matter == lines[:4]
    summary = document.summary
    assert summary is not None and summary.preface == [lines[4]]
    assert [s.title for s in summary.sections] == ["工作开展情况"]


def test_a_web_pages_own_lines_after_the_document_are_kept_not_printed(tmp_path: Path) -> None:
    lines = [
        "2024年工作要点",
        "一、加强党的建设",
        "1.理论学习。集中学习。",
        "收藏 推荐 打印 | 录入:admin | 阅读:",
        "相关新闻",
        "本文评论 查看全部评论 (0)",
    ]
    document = edureport.parse(text_file(tmp_path, lines))
    assert document.front_matter == lines[3:]
    assert _rebuilt_lines(tmp_path, document) == lines[:3]
