"""Shapes found in published documents outside tests/data/corpus/ (web copies of notices, task
decompositions, essay-site reposts), each written here as a small invented document with the
values a careful reader expects, written by hand.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import docx_lines, text_file

import edureport
from edureport.model import DocumentCode
from edureport.parser import parse_with_warnings

# A government site's page: its heading holds the 发文字号 fused to the title; the notice's title
# wraps over three lines with blank lines between; the 主送 line lost its colon; the printed
# document's title wraps over two lines and ends in a kind no list holds (实施细则).
WRAPPED_NOTICE = [
    "您的位置:首页>>政务公开>>政府文件",
    "甲政办发[2021]12号甲市推进学校体育工作实施细则的通知",
    "时间:2021-05-10 来源: 作者:",
    "",
    "甲市人民政府办公室关于印发甲市推进",
    "",
    "学校体育工作",
    "",
    "实施细则的通知",
    " ",
    "各乡镇人民政府,市政府有关部门,市直有关单位",
    "经市政府同意,现将《甲市推进学校体育工作实施细则》印发给你们,请认真贯彻实施。",
    "                        甲市人民政府办公室",
    "2021年5月8日",
    "(此件公开发布)",
    "",
    "甲市推进学校体育工作",
    "",
    "实施细则",
    "",
    "为推进学校体育工作,特制定本实施细则。",
    "一、指导思想",
    "以立德树人为根本任务,开齐开足体育课。",
]


def test_a_wrapped_title_a_recipients_line_without_its_colon_and_the_code_in_the_page_heading(
    tmp_path: Path,
) -> None:
    result = parse_with_warnings(text_file(tmp_path, WRAPPED_NOTICE))
    document = result.document
    notice = document.notice
    assert notice is not None
    assert notice.code == DocumentCode("甲政办发", 2021, 12)
    assert notice.title == ["甲市人民政府办公室关于印发甲市推进", "学校体育工作", "实施细则的通知"]
    assert notice.recipients == ["各乡镇人民政府", "市政府有关部门", "市直有关单位"]
    assert notice.body == [WRAPPED_NOTICE[11]]
    assert notice.organs == ["甲市人民政府办公室"]
    assert notice.date == dt.date(2021, 5, 8)
    assert document.summary is not None
    assert document.summary.title == "甲市推进学校体育工作实施细则"
    assert document.summary.preface == ["为推进学校体育工作,特制定本实施细则。"]
    assert [s.title for s in document.summary.sections] == ["指导思想"]
    # the page's own lines are kept, not printed; the code line went to the notice
    assert document.front_matter == [
        "您的位置:首页>>政务公开>>政府文件",
        "甲市推进学校体育工作实施细则的通知",
        "时间:2021-05-10 来源: 作者:",
    ]


def test_a_colonless_line_before_a_sentence_is_not_taken_for_recipients(tmp_path: Path) -> None:
    lines = [
        "乙县教育局关于印发2022年工作要点的通知",
        "为做好全年工作,经局党组研究,现将《乙县教育局2022年工作要点》印发给你们。",
        "乙县教育局",
        "2022年2月1日",
        "乙县教育局2022年工作要点",
        "一、加强党的建设",
        "1.抓好理论学习。全年组织集中学习12次。",
    ]
    notice = edureport.parse(text_file(tmp_path, lines)).notice
    assert notice is not None
    assert notice.recipients == []
    assert notice.body == [lines[1]]


# A task decomposition printed by a notice: its title ends in 责任分解, its items are the deepest
# level (1) under groups 1., and a bracketed 责任单位 line closes a group.
DECOMPOSITION = [
    "丙市人民政府办公室关于印发丙市教育事业“十四五”规划责任分解的通知",
    "各县(市、区)人民政府,市直各有关单位:",
    "经市人民政府同意,现将《丙市教育事业“十四五”规划》责任分解印发给你们,请认真组织实施。",
    "丙市人民政府办公室",
    "2022年3月1日",
    "2022年3月1日",
    "丙市教育事业“十四五”规划责任分解",
    "(一)基础教育",
    "1.扩大学前教育资源",
    "(1)新建公办幼儿园10所。",
    "(2)新增学位3000个。",
    "(责任单位:市教育局、市住建局)",
    "2.提升义务教育质量",
    "(1)推进集团化办学。",
]


def test_a_responsibility_decomposition_is_a_plan_with_a_bracketed_label_line(
    tmp_path: Path,
) -> None:
    result = parse_with_warnings(text_file(tmp_path, DECOMPOSITION))
    document = result.document
    plan = document.plan
    assert plan is not None and document.summary is None
    assert plan.title == "丙市教育事业“十四五”规划责任分解"
    assert [i.title for i in plan.items] == [
        "新建公办幼儿园10所。",
        "新增学位3000个。",
        "推进集团化办学。",
    ]
    group = plan.sections[0].sections[0]
    assert group.title == "扩大学前教育资源"
    second = plan.items[1]
    assert second.departments == ["市教育局", "市住建局"]
    assert second.measures == [] and second.paragraphs == []
    # the repeated date is the page's, not text of the plan
    assert "2022年3月1日" in document.front_matter
    # printed back in its own form, on a line of its own
    rebuilt = docx_lines(edureport.build(document, tmp_path / "rebuilt.docx"))
    assert "(责任单位:市教育局、市住建局)" in rebuilt


def test_an_essay_sites_own_sentences_are_front_matter(tmp_path: Path) -> None:
    lines = [
        "下面是小编为大家整理的县教育局工作总结,供大家参考。",
        "2022年,县教育局坚持立德树人,各项工作取得新进展。",
        "一、工作落实情况",
        "1.加强党的建设。全年开展专题党课12场。",
    ]
    document = edureport.parse(text_file(tmp_path, lines))
    assert document.summary is not None
    assert document.summary.preface == [lines[1]]
    assert document.front_matter == [lines[0]]
    titled = [
        "丁县教育局2022年工作总结",
        "工作总结 时间:2023-02-24 12:14:02 收藏 WORD下载",
        "2022年,丁县教育局扎实开展教育工作。",
        "一、主要成效",
        "党建工作不断加强。",
    ]
    document = edureport.parse(text_file(tmp_path, titled, "titled.txt"))
    assert document.summary is not None
    assert document.summary.title == titled[0]
    assert document.summary.preface == [titled[2]]
    assert document.front_matter == [titled[1]]


def test_responsibility_units_after_a_lead_unit_are_the_cooperating_units(tmp_path: Path) -> None:
    lines = [
        "戊区2023年重点工作任务分解和责任分工方案",
        "一、主要预期目标",
        "1.地区生产总值增长6%左右。",
        "牵头单位:区发改局",
        "责任单位:戊区开发区,各街道",
        "2.新建学校2所。",
        "责任单位:区教育局",
    ]
    result = parse_with_warnings(text_file(tmp_path, lines))
    plan = result.document.plan
    assert plan is not None
    first, second = plan.items
    assert first.departments == ["区发改局"]
    assert first.cooperating == ["戊区开发区", "各街道"]
    assert first.paragraphs == []
    assert second.departments == ["区教育局"] and second.cooperating == []
    assert not [w for w in result.warnings if "twice" in w.message]
    rebuilt = docx_lines(edureport.build(result.document, tmp_path / "rebuilt.docx"))
    assert lines[3] in rebuilt and lines[4] in rebuilt and lines[6] in rebuilt


def test_a_table_a_web_page_gave_as_cells_closed_by_bars_is_a_task_table(tmp_path: Path) -> None:
    lines = [
        "己县2024年重点工作任务分解表",
        "序号 |",
        "重点任务 |",
        "分 管 县领导 |",
        "牵头责任单位 |",
        "责任单位 |",
        "1 |",
        "新增托位400个。 |",
        "张 三 |",
        "县卫健委 |",
        "县各有关单位 |",
        "2 |",
        "推动义务教育优质均衡发展。",
        "实施办学能力提升工程。 |",
        "李四 |",
        "县教育局 |",
        "县财政局、县住建局 |",
    ]
    result = parse_with_warnings(text_file(tmp_path, lines))
    plan = result.document.plan
    assert plan is not None
    assert plan.title == lines[0]
    first, second = plan.items
    assert first.title == "新增托位400个。"
    assert (first.leader, first.departments) == (["张 三"], ["县卫健委"])
    assert first.cooperating == ["县各有关单位"]
    assert second.title == "推动义务教育优质均衡发展。"
    assert second.measures == ["实施办学能力提升工程。"]
    assert second.cooperating == ["县财政局", "县住建局"]
    assert plan.sections[0].columns == [
        "序号",
        "重点任务",
        "分 管 县领导",
        "牵头责任单位",
        "责任单位",
    ]


def test_bars_closing_lines_that_are_no_task_table_stay_text(tmp_path: Path) -> None:
    lines = [
        "庚县教育局2022年工作总结",
        "一、主要成效",
        "名称 |",
        "数量 |",
        "学校 |",
        "12 |",
    ]
    document = edureport.parse(text_file(tmp_path, lines))
    assert document.summary is not None
    assert document.summary.sections[0].paragraphs == lines[2:]


def test_a_pdfs_first_lines_indented_by_two_characters_are_joined_too(tmp_path: Path) -> None:
    full = "全县教育系统坚持以习近平新时代中国特色社会主义思想为指导深入"  # 30 characters
    first = "（一）构建工作机制，扎实推进党建。一是狠抓三项突出工作建"  # 28: indented by two
    lines = [
        "辛县教育局2022年工作总结",
        "一、主要工作亮点",
        first,
        "设。" + full[:28],
        full,
        full,
        full,
        "工作取得成效。",
        "（二）调整布局规划，优化资源配置。一是撤并学校三所推进整",
        "合。",
        full[:20],  # a paragraph's own short last line: not joined to what follows
        "（三）推进改革。",
    ]
    summary = edureport.parse(text_file(tmp_path, lines)).summary
    assert summary is not None
    one, two, three = summary.sections[0].subsections
    assert one.title == "构建工作机制，扎实推进党建。"
    assert one.paragraphs == [
        "一是狠抓三项突出工作建设。" + full[:28] + full * 3 + "工作取得成效。"
    ]
    assert two.paragraphs == ["一是撤并学校三所推进整合。", full[:20]]
    assert three.title == "推进改革。"


def test_a_heading_numbered_past_ninety_nine_before_yi_parses_to_data_that_builds(
    tmp_path: Path,
) -> None:
    # found by tests/test_parse_properties.py: 一、 after "1000." was left to be counted on as 1001
    document = edureport.parse(text_file(tmp_path, ["1000.一、", "一、（一）"]))
    assert document.summary is not None
    assert [(s.number, s.title) for s in document.summary.sections] == [
        ("1000.", "一、"),
        ("一、", "（一）"),
    ]
    assert "一、（一）" in docx_lines(edureport.build(document, tmp_path / "out.docx"))


def test_a_document_sites_chunks_under_its_own_lines_are_joined_and_glued_headings_split(
    tmp_path: Path,
) -> None:
    long = "全年投入资金一亿元，改扩建学校十所，新增学位五千个，办学条件持续改善。" * 5
    lines = [
        "壬县教育局2022年工作总结.docx",
        "《壬县教育局2022年工作总结.docx》由会员分享,可在线阅读,更多相关请在本站搜索。",
        "1、壬县教育局2022年工作总结一、主要成效(一)优先发展得到保障。" + long + "发放资助金额5",
        "2、05.3万元。(二)各类教育协调发展。" + long + "学前教育普惠",
        "3、率达到90%。",
    ]
    result = parse_with_warnings(text_file(tmp_path, lines))
    summary = result.document.summary
    assert summary is not None
    assert summary.title == "壬县教育局2022年工作总结"
    (section,) = summary.sections
    assert section.title == "主要成效"
    one, two = section.subsections
    assert (one.title, two.title) == ("优先发展得到保障。", "各类教育协调发展。")
    assert one.paragraphs == [long + "发放资助金额505.3万元。"]  # the chunk cut a number in two
    assert two.paragraphs == [long + "学前教育普惠率达到90%。"]
    assert result.document.front_matter == lines[:2]


def test_a_bracketed_number_inside_a_long_sentence_is_not_a_heading(tmp_path: Path) -> None:
    sentence = "按照《条例》第十条(一)项的规定，全面落实学校安全管理责任，" * 12 + "取得实效。"
    document = edureport.parse(
        text_file(tmp_path, ["癸县教育局2022年工作总结", "一、安全工作", sentence])
    )
    assert document.summary is not None
    assert document.summary.sections[0].paragraphs == [sentence]


def test_the_printed_header_is_the_notices_when_the_page_repeats_code_and_title_below_it(
    tmp_path: Path,
) -> None:
    lines = [
        "子市丑区人民政府文件",
        "子丑政发〔2023〕3号",
        "丑区人民政府关于印发 《丑区2023年重点工作任务分工方案》的通知",
        "",
        "子丑政发〔2023〕3号丑区人民政府关于印发丑区2023年重点工作任务分工方案的通知",
        "",
        "各街道办事处,各区直部门:",
        "经区政府同意,现将《丑区2023年重点工作任务分工方案》印发给你们,请认真贯彻落实。",
        "丑区人民政府",
        "2023年3月28日",
        "丑区2023年重点工作任务分工方案",
        "一、主要预期目标",
        "1.地区生产总值增长6%左右。",
        "牵头单位:区发改局",
    ]
    document = edureport.parse(text_file(tmp_path, lines))
    notice = document.notice
    assert notice is not None
    assert notice.organs == ["子市丑区人民政府"] and notice.mark_word == "文件"
    assert notice.signature == ["丑区人民政府"]
    assert notice.code == DocumentCode("子丑政发", 2023, 3)
    assert notice.title == [lines[2]]
    # the page's repeat, cut in two at the code, is kept as front matter
    assert document.front_matter == [
        "子丑政发〔2023〕3号",
        "丑区人民政府关于印发丑区2023年重点工作任务分工方案的通知",
    ]
    assert document.plan is not None and document.plan.items[0].departments == ["区发改局"]


def test_a_web_pages_line_breaks_after_a_semicolon_continue_the_paragraph(tmp_path: Path) -> None:
    # paragraphs marked by blank lines between them
    blank = [
        "寅县教育局2022年工作总结",
        "",
        "一、主要成效",
        "",
        "全年新建学校2所;",
        "新增学位3000个;",
        "改造校舍1万平方米。",
        "",
        "全年培训教师5000人次。",
        "",
        "二、存在问题",
    ]
    summary = edureport.parse(text_file(tmp_path, blank)).summary
    assert summary is not None
    assert summary.sections[0].paragraphs == [
        "全年新建学校2所;新增学位3000个;改造校舍1万平方米。",
        "全年培训教师5000人次。",
    ]
    # paragraphs marked by an indent of no-break spaces
    indented = [
        "卯县教育局2022年工作总结",
        "一、主要成效",
        "\u00a0\u00a0\u00a0\u00a0一是投入增加。完成投资6亿元;",
        "累计投入7000万元;",
        "\u00a0\u00a0\u00a0\u00a0二是队伍加强。招聘教师200名。",
        "\u00a0\u00a0\u00a0\u00a0三是质量提升。",
    ]
    summary = edureport.parse(text_file(tmp_path, indented, "indented.txt")).summary
    assert summary is not None
    assert summary.sections[0].paragraphs == [
        "一是投入增加。完成投资6亿元;累计投入7000万元;",
        "二是队伍加强。招聘教师200名。",
        "三是质量提升。",
    ]


def test_paragraphs_of_a_word_file_ending_in_a_semicolon_stay_paragraphs(tmp_path: Path) -> None:
    from docx import Document as WordDocument

    doc = WordDocument()
    paragraphs = ["辰县教育局2022年工作总结", "", "一、主要成效", "", "一是新建学校2所；"]
    paragraphs += ["二是新增学位。", "", "三是培训教师。", "", "四是改造校舍。"]
    for text in paragraphs:
        doc.add_paragraph(text)
    path = tmp_path / "semicolons.docx"
    doc.save(str(path))
    summary = edureport.parse(path).summary
    assert summary is not None
    assert summary.sections[0].paragraphs == [p for p in paragraphs[4:] if p]


def test_units_sharing_the_work_by_their_duties_are_the_cooperating_units(tmp_path: Path) -> None:
    lines = [
        "午市2022年深化改革工作要点",
        "一、坚持系统集成",
        "1.实施许可事项清单管理。编制并公布清单。"
        "(市政府办公室、市审改办牵头,市级各有关部门按职责分工负责)",
        "2.推进政务服务标准化。编制办事指南。(市政务服务中心牵头,各县区政府分工负责)",
    ]
    document = edureport.parse(text_file(tmp_path, lines))
    plan = document.plan
    assert plan is not None
    first, second = plan.items
    assert first.measures == ["编制并公布清单。"]
    assert first.departments == ["市政府办公室", "市审改办"]
    assert first.cooperating == ["市级各有关部门"]
    assert second.departments == ["市政务服务中心"]
    assert second.cooperating == ["各县区政府"]
    rebuilt = docx_lines(edureport.build(document, tmp_path / "rebuilt.docx"))
    assert any(
        line.endswith("(市政府办公室、市审改办牵头,市级各有关部门按职责分工负责)")
        for line in rebuilt
    )


def test_a_pdfs_spaces_between_digits_and_chinese_are_not_text(tmp_path: Path) -> None:
    full = "全市教育系统坚持以习近平新时代中国特色社会主义思想为指导深入贯彻"  # 32 characters
    lines = [
        "未市教育局 2022 年工作要点",
        "2022 年是全面实施“十四五”规划的关键之年，全市教育系统坚",  # 32 with its spaces
        full,
        full,
        full,
        "落实立德树人根本任务。",
        "一、建设区域教育中心",
        "1.推进中心建设。成立 2 个专班。",
    ]
    plan = edureport.parse(text_file(tmp_path, lines)).plan
    assert plan is not None
    assert plan.title == "未市教育局2022年工作要点"
    assert plan.overview == [
        "2022年是全面实施“十四五”规划的关键之年，全市教育系统坚"
        + full * 3
        + "落实立德树人根本任务。"
    ]
    assert plan.items[0].measures == ["成立2个专班。"]


def test_spaces_around_digits_in_text_that_is_not_wrapped_are_kept(tmp_path: Path) -> None:
    lines = ["申市教育局2022年工作要点", "一、加强党建", "1.抓好学习。全年学习 12 次。"]
    plan = edureport.parse(text_file(tmp_path, lines)).plan
    assert plan is not None
    assert plan.items[0].measures == ["全年学习 12 次。"]


def test_a_sites_metadata_block_under_the_title_is_front_matter(tmp_path: Path) -> None:
    lines = [
        "酉市教育局2022年工作要点",
        "信息来源 :办公室",
        "发文机关 :酉市教育局",
        "发文字号 :酉教〔2022〕4号",
        "编辑人 :张三",
        "发布日期 :2022-06-22",
        "【浏览字号: 】  浏览次数   收藏",
        "分享:",
        "2022年全市教育工作的总体要求是:坚持立德树人。",
        "一、加强党的建设",
        "1.抓好理论学习。全年集中学习12次。",
    ]
    document = edureport.parse(text_file(tmp_path, lines))
    assert document.plan is not None
    assert document.plan.title == lines[0]
    assert document.plan.overview == [lines[8]]
    assert document.front_matter == lines[1:8]


def test_a_title_the_page_repeats_before_a_space_and_the_year_is_cut_from_the_text(
    tmp_path: Path,
) -> None:
    text = (
        "戌县教育局2023年工作要点戌县教育局2023年工作要点 2023年,全县教育系统坚持立德树人,"
        "推进教育高质量发展。一、实施质量兴教工程 1.加强教育质量管理。全部化解大班额。"
        "2.加强活动育人管理。上好思政课。"
    )
    document = edureport.parse(text_file(tmp_path, [text]))
    plan = document.plan
    assert plan is not None
    assert plan.title == "戌县教育局2023年工作要点"
    assert plan.overview == ["2023年,全县教育系统坚持立德树人,推进教育高质量发展。"]
    assert [i.title for i in plan.items] == ["加强教育质量管理。", "加强活动育人管理。"]
    assert document.front_matter == ["戌县教育局2023年工作要点"]


# Second round of outside documents (/work/outside2): government disclosure pages, notices whose
# body is numbered points, essay sites' tagged titles.

# A county site's page: its heading, then the disclosure block (索引号 … 名 称 … 文 号) between
# the title and the 主送; the 发文字号 stands only in that block; the body goes on in numbered
# points after “…通知如下：” and ends with the signature and date.
DISCLOSED = [
    "亥县人民政府关于分解落实 2024年重点工作任务的通知",
    "索引号 : 000/2024-00001 文       号 : 亥政〔2024〕3号",
    "主题分类: 政务公开 发文单位: 亥县人民政府",
    "名       称: 亥县人民政府关于分解落实 2024年重点工作任务的通知 发布日期: 2024年03月09日",
    "有效性: 有效 发文日期:",
    "各乡镇人民政府,县政府各部门:",
    "县政府工作报告已经县人民代表大会审议通过,现将有关事项通知如下:",
    "一、提高政治站位,加强组织领导",
    "各乡镇、各部门要高度重视,确保各项工作如期完成。",
    "二、改进工作作风,狠抓工作落实",
    "各牵头单位要研究制定切实可行的工作措施。",
    "亥县人民政府",
    "2024年3月1日",
]


def test_a_notice_under_a_disclosure_block_takes_its_code_and_keeps_its_numbered_points(
    tmp_path: Path,
) -> None:
    result = parse_with_warnings(text_file(tmp_path, DISCLOSED))
    document = result.document
    notice = document.notice
    assert notice is not None
    assert notice.title == [DISCLOSED[0]]
    assert notice.code == DocumentCode("亥政", 2024, 3)
    assert notice.recipients == ["各乡镇人民政府", "县政府各部门"]
    # the points and their headings are the notice's text, not a summary without a title
    assert notice.body == DISCLOSED[6:11]
    assert document.summary is None and document.plan is None
    assert notice.organs == ["亥县人民政府"]
    assert notice.date == dt.date(2024, 3, 1)
    # the block is the page's, kept whole: a label's date is not cut from its line
    assert document.front_matter == DISCLOSED[1:5]
    # and the 发文字号 it gave is printed back in the header
    assert "亥政〔2024〕3号" in docx_lines(edureport.build(document, tmp_path / "rebuilt.docx"))


def test_a_notices_run_in_points_before_any_signature_are_its_body(tmp_path: Path) -> None:
    """A web copy cut before its signature: “一、细化任务抓落实。…” after a body that prints
    nothing (no 印发) are the notice's own points."""
    lines = [
        "子县人民政府关于分解落实年度目标任务的通知",
        "名称: 子县人民政府关于分解落实年度目标任务的通知 文号: 子政〔2023〕1号",
        "发布时间:2023-01-30 来源:子县人民政府",
        "各乡镇人民政府,县政府各部门:",
        "经研究,现将年度工作任务予以分解。各责任单位要高度重视,确保完成。",
        "一、细化任务抓落实。各乡镇各部门要立足实际,细化分解到月。",
        "二、明确责任抓落实。各牵头单位要切实履行牵头抓总职责。",
    ]
    document = edureport.parse(text_file(tmp_path, lines))
    notice = document.notice
    assert notice is not None
    assert notice.code == DocumentCode("子政", 2023, 1)
    assert notice.body == lines[4:]
    assert document.summary is None and document.plan is None
    assert document.front_matter == lines[1:3]


def test_numbered_items_with_their_units_after_a_notice_stay_a_plan(tmp_path: Path) -> None:
    lines = [
        "各县人民政府,市政府各部门:",
        "现将年度重点工作任务予以分解并明确到各责任单位,请抓好落实。",
        "一、抓好疫情防控",
        "1.完善常态化防控举措。",
        "责任单位:市卫生健康委",
        "2.做好人员健康监测。",
        "责任单位:市卫生健康委、市公安局",
    ]
    document = edureport.parse(text_file(tmp_path, ["丑政〔2020〕2号", *lines]))
    assert document.notice is not None and document.notice.body == [lines[1]]
    plan = document.plan
    assert plan is not None
    assert [i.title for i in plan.items] == ["完善常态化防控举措。", "做好人员健康监测。"]
    assert plan.items[1].departments == ["市卫生健康委", "市公安局"]


def test_the_organ_alone_above_a_title_that_begins_with_guanyu_is_the_notices(
    tmp_path: Path,
) -> None:
    """No 发文字号 and no 文件 mark: the organ's name on its own line, then 关于印发…的通知 over
    two lines; a 附件1.… line without its colon closes the body and is no signature."""
    lines = [
        "寅县人民政府",
        "关于印发《2023年重点工作任务分解",
        "一览表》的通知",
        "各镇人民政府,县政府各部门:",
        "现将《2023年重点工作任务分解一览表》印发给你们,请认真贯彻执行。",
        "附件1.2023年重点工作任务分解一览表",
        "寅县人民政府办公室",
        "2023年4月3日",
    ]
    document = edureport.parse(text_file(tmp_path, lines))
    notice = document.notice
    assert notice is not None
    assert notice.organs == ["寅县人民政府"]
    assert notice.title == lines[1:3]
    assert notice.body == lines[4:6]
    assert notice.signature == ["寅县人民政府办公室"]
    assert document.front_matter == []
    rebuilt = edureport.parse(edureport.build(document, tmp_path / "rebuilt.docx"))
    assert rebuilt.notice is not None
    assert rebuilt.notice.organs == ["寅县人民政府"]
    assert rebuilt.notice.body == lines[4:6]


def test_an_essay_sites_tagged_title_is_the_documents_and_its_greeting_is_the_pages(
    tmp_path: Path,
) -> None:
    lines = [
        "欢迎来到某某范文网!",
        "2024年某县教育局工作总结及工作计划【优秀范文】",
        "时间:2024-02-04 15:28:01 来源:某某范文网",
        "下面是小编为大家整理的2023年某县教育局工作总结及工作计划【优秀范文】,供大家参考。",
        "2023年某县教育局工作总结及工作计划【优秀范文】",
        "2022年,全县教育工作坚持立德树人,各项工作稳步推进。",
        "一、2022年教育工作",
        "(一)重点工作任务完成情况",
        "一是强化政治统领,党的建设全面加强。全年发展党员12名。",
    ]
    document = edureport.parse(text_file(tmp_path, lines))
    summary = document.summary
    assert summary is not None and document.plan is None and document.more == []
    assert summary.title == lines[4]
    assert summary.preface == [lines[5]]
    assert [s.title for s in summary.sections] == ["2022年教育工作"]
    assert sorted(document.front_matter) == sorted(lines[:4])


def test_a_disclosure_blocks_issuing_organ_is_the_notices_when_it_shows_no_other(
    tmp_path: Path,
) -> None:
    """The title names only “县人民政府” and the copy stops before the signature: the block's
    发文单位 is the organ."""
    lines = [
        "县人民政府关于做好春季防汛工作的通知",
        "索引号 : 000/2024-00002 文       号 :",
        "主题分类: 政务公开 发文单位: 卯县人民政府",
        "各乡镇人民政府,县政府各部门:",
        "现将有关事项通知如下:",
        "一、提高思想认识",
        "各乡镇要把防汛工作摆上重要位置。",
    ]
    result = parse_with_warnings(text_file(tmp_path, lines))
    notice = result.document.notice
    assert notice is not None
    assert notice.organs == ["卯县人民政府"]
    assert notice.code is None
    assert notice.body == lines[4:]
    assert result.document.front_matter == lines[1:3]
    assert not any("taken from its title" in str(w) for w in result.warnings)


def test_the_organ_heading_the_name_of_what_a_notice_prints_is_its_organ(tmp_path: Path) -> None:
    """No mark, no signature, no year in the printed name: the organ opens that name."""
    lines = [
        "关于印发《辰省某某信息局",
        "公文处理实施细则》的通知",
        "辰信〔2013〕17号",
        "局机关各处室:",
        "现将《辰省某某信息局公文处理实施细则》印发给你们,请遵照执行。",
        "2013年2月25日",
        "辰省某某信息局公文处理实施细则",
        "第一条 为规范公文处理工作,制定本细则。",
    ]
    result = parse_with_warnings(text_file(tmp_path, lines))
    notice = result.document.notice
    assert notice is not None
    assert notice.organs == ["辰省某某信息局"]
    assert notice.title == lines[:2]
    assert notice.code == DocumentCode("辰信", 2013, 17)
    assert any("辰省某某信息局" in str(w) and "title" in str(w) for w in result.warnings)


def _rules(path: Path) -> list[tuple[str, int]]:
    from edureport.checker import check

    return [(f.rule, f.location.paragraph or 0) for f in check(path)]


def test_check_leaves_a_disclosure_block_under_the_title_alone(tmp_path: Path) -> None:
    """The block parse keeps as front matter is the page's: its half-width colons, spaces and
    “2024年03月09日” are not the notice's slips."""
    path = text_file(tmp_path, DISCLOSED)
    hits = _rules(path)
    assert not [h for h in hits if 2 <= h[1] <= 5], hits
    assert ("T203", 6) in hits  # the 主送's “,” is the document's own slip, still found


def test_a_decomposition_of_a_work_report_is_not_taken_for_the_report_printed(
    tmp_path: Path,
) -> None:
    """印发…政府工作报告重点工作责任分解 prints the decomposition; “现将《政府工作报告》…工作任务
    予以分解印发” prints its tasks: neither is the report named as printed (T307)."""
    lines = [
        "巳县人民政府办公室关于印发2023年政府工作报告重点工作责任分解的通知",
        "各乡镇人民政府，县政府直属各单位：",
        "现将《政府工作报告》确定的2023年工作任务予以分解印发，请认真贯彻执行。",
        "巳县人民政府办公室",
        "2023年2月24日",
        "2023年政府工作报告重点工作责任分解",
        "一、县长牵头重点工作",
        "1.财政总收入与经济增长基本同步。",
        "责任单位：县财政局",
    ]
    assert [h for h in _rules(text_file(tmp_path, lines)) if h[0] == "T307"] == []
    # a report named as what the notice prints, and missing, is still found
    missing = [*lines[:2], "现将《2023年工作报告》印发给你们。", *lines[3:5]]
    missing[0] = "巳县人民政府办公室关于印发2023年工作报告的通知"
    assert [h[0] for h in _rules(text_file(tmp_path, missing, "m.txt")) if h[0] == "T307"] == [
        "T307",
        "T307",
    ]


# Outside documents, round 3: bureaus' summaries and plans as document sites and essay sites give
# them (invented text of the same shapes).


def test_plan_items_numbered_with_a_space_before_the_dot_are_split_from_a_flat_text(
    tmp_path: Path,
) -> None:
    """A document site's PDF text runs a whole plan into one line and writes “2 .” for 2."""
    body = "全面加强各项工作，确保任务落到实处，取得明显成效。" * 6
    lines = [
        "癸县教育局2024年工作要点.docx",
        "《癸县教育局2024年工作要点.docx》由会员分享,可在线阅读,更多相关请在本站搜索。",
        "1、癸县教育局2024年工作要点1.坚持党的全面领导。"
        + body
        + "2 .落实立德树人根本任务。"
        + body
        + "为民族复兴筑牢",
        "2、根基。3 .推进各类教育协调发展。" + body,
    ]
    plan = edureport.parse(text_file(tmp_path, lines)).plan
    assert plan is not None and plan.title == "癸县教育局2024年工作要点"
    assert [i.title for i in plan.items] == [
        "坚持党的全面领导。",
        "落实立德树人根本任务。",
        "推进各类教育协调发展。",
    ]
    assert plan.items[1].measures == [body + "为民族复兴筑牢根基。"]  # the site's chunk joined


def test_check_reads_a_document_sites_page_numbers_as_parse_does(tmp_path: Path) -> None:
    """The site's “2、” opening a chunk cut mid-sentence is no heading of the document."""
    body = "全面加强各项工作，确保任务落到实处，取得明显成效。" * 6
    lines = [
        "《癸县教育局2024年工作要点.docx》由会员分享,可在线阅读,更多相关请在本站搜索。",
        "1、癸县教育局2024年工作要点1.坚持党的全面领导。" + body + "为民族复兴筑",
        "2、牢根基。2.落实立德树人根本任务。" + body,
    ]
    assert [h for h in _rules(text_file(tmp_path, lines)) if h[0] in ("T301", "T308")] == []


OUTLINE_FIRST = [
    "一、2023年工作回顾",
    "(一)党的建设",
    "1.理论武装持续加强",
    "2.基层组织全面过硬",
    "(二)教育质量",
    "3.学前教育普惠发展",
    "二、2024年工作计划",
    "(一)深化改革",
    "1.推进集团化办学",
    "子县教育和体育局2023年工作总结及2024年工作计划",
    "2023年，全县教体系统坚持立德树人，现将工作汇报如下：",
    "一、2023年工作回顾",
    "(一)党的建设",
    "1.理论武装持续加强。全年开展集中学习24次。",
]


def test_a_contents_of_headings_without_page_numbers_above_the_title_is_front_matter(
    tmp_path: Path,
) -> None:
    document = edureport.parse(text_file(tmp_path, OUTLINE_FIRST))
    summary = document.summary
    assert summary is not None and document.more == [] and document.plan is None
    assert summary.title == OUTLINE_FIRST[9]
    assert summary.preface == [OUTLINE_FIRST[10]]
    assert [s.title for s in summary.sections] == ["2023年工作回顾"]
    assert summary.sections[0].subsections[0].title == "党的建设"
    assert document.front_matter == OUTLINE_FIRST[:9]


def test_an_outline_whose_headings_do_not_come_again_stays_the_document(tmp_path: Path) -> None:
    """Headings above a title that the text below never repeats are no table of contents."""
    lines = [*OUTLINE_FIRST[:10], "2023年，全县教体系统坚持立德树人。", "一、另起的工作回顾"]
    document = edureport.parse(text_file(tmp_path, lines))
    assert document.front_matter == []


def test_an_essay_sites_title_ending_in_fanwen_and_a_plan_called_dasuan(tmp_path: Path) -> None:
    lines = [
        "丑区教育体育局2024年工作总结及2025年工作打算范文",
        "2024年，全区教育体育系统坚持立德树人，现将有关工作情况汇报如下：",
        "一、主要工作成效",
        "1.办学条件持续改善。新建学校3所。",
    ]
    document = edureport.parse(text_file(tmp_path, lines))
    summary = document.summary
    assert summary is not None and summary.title == lines[0]  # kept as written
    assert summary.preface == [lines[1]]
    lines[0] = "丑区教育体育局2025年工作打算"
    lines[3] = "1.改善办学条件。新建学校3所。"
    plan = edureport.parse(text_file(tmp_path, lines, "plan.txt")).plan
    assert plan is not None and plan.title == lines[0]
    assert [i.title for i in plan.items] == ["改善办学条件。"]


def test_a_county_bureaus_offices_named_as_gu_and_gushi_in_every_bracket(tmp_path: Path) -> None:
    """A county bureau's offices are 股 (基教股) under labels 责任股室/牵头股室/配合股室, or under
    bare 牵头/配合, in （）, () or 【】; each form is read and written back as it was."""
    endings = [
        ("（牵头：基教股；配合：人事股、计财股）", ["基教股"], ["人事股", "计财股"], []),
        ("（责任股室：基教股、安全股）", ["基教股", "安全股"], [], []),
        ("【责任单位：基教股、安全股】", ["基教股", "安全股"], [], []),
        ("（牵头股室：基教股 配合股室：人事股）", ["基教股"], ["人事股"], []),
        ("（分管领导：张三；责任股室：基教股）", ["基教股"], [], ["张三"]),
        ("（基教股、安全股）", ["基教股", "安全股"], [], []),
    ]
    for k, (ending, lead, cooperating, leader) in enumerate(endings):
        lines = [
            "寅县教育局2024年工作要点",
            "一、加强党的建设",
            "1.加强理论武装。深入开展专题学习。" + ending,
            "2.加强组织建设。规范支部建设。" + ending,
        ]
        source = text_file(tmp_path, lines, f"{k}.txt")
        plan = edureport.parse(source).plan
        assert plan is not None
        first = plan.items[0]
        assert (first.title, first.measures) == ("加强理论武装。", ["深入开展专题学习。"]), ending
        assert (first.departments, first.cooperating, first.leader) == (lead, cooperating, leader)
        built = tmp_path / f"{k}.docx"
        edureport.parse(source).build(built)
        assert lines[2] in docx_lines(built), ending  # printed back in the document's own form
