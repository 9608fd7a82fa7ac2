"""`check` on the shapes other offices write (issue 8): each finding true and placed, nothing
reported twice, a web page's own lines left alone, and the slips such documents really have
(号 for 日, a 主送 without its colon, 1、 among 1.) found. All texts here are invented."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

import edureport
from edureport.checker import Severity, check, fix

NOTICE = """\
某县教育局文件
某教发〔2024〕5号
关于印发2024年工作要点的通知
各乡镇中心学校，局属各学校：
现将《2024年工作要点》印发给你们，请结合实际认真贯彻落实。
附件：1.2023年工作总结
2.2024年工作要点
某县教育局
2024年3月27日
2023年工作总结
一、强化党建引领
（一）理论武装。全年开展集中学习12次。
（二）组织建设。新建标准化党支部8个。
二、推进均衡发展
（一）学前教育。新建公办园2所。
2024年工作要点
一、加强党的建设
1.深入学习贯彻党的二十大精神。
2.加强基层党组织建设。
二、推进教育优质均衡发展
3.扩大优质学前教育资源。
4.推进义务教育优质均衡。
"""


def write(tmp_path: Path, text: str, name: str = "来文.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def found(path: Path, *rules: str) -> list[tuple[str, int | None, str]]:
    return [
        (f.rule, f.location.paragraph, f.message)
        for f in check(path)
        if not rules or f.rule in rules
    ]


def test_a_clean_notice_with_two_attachments_has_no_findings(tmp_path: Path) -> None:
    # “2.2024年工作要点” under “附件：1.…” is the attachment list going on, not a printed title:
    # read as a title it cut the notice off from its signature and date.
    assert found(write(tmp_path, NOTICE)) == []
    notice = edureport.parse(write(tmp_path, NOTICE)).notice
    assert notice is not None
    assert notice.attachments == ["2023年工作总结", "2024年工作要点"]
    assert notice.signature == [] and notice.organs == ["某县教育局"]


def test_a_slip_in_a_notice_with_no_date_is_reported_once(tmp_path: Path) -> None:
    # The notice runs to the first printed title, not over the documents it prints.
    text = NOTICE.replace("某县教育局\n2024年3月27日\n", "").replace("4.推进义务", "6.推进义务")
    hits = found(write(tmp_path, text), "T301")
    assert len(hits) == 1
    assert hits[0][1] == text.splitlines().index("6.推进义务教育优质均衡。") + 1
    assert "expected number 4" in hits[0][2]


def test_a_date_written_with_hao(tmp_path: Path) -> None:
    text = NOTICE.replace("2024年3月27日", "2024年3月27号").replace(
        "新建公办园2所。", "新建公办园2所，9月1号开园。"
    )
    hits = found(write(tmp_path, text), "T102")
    lines = text.splitlines()
    assert [(rule, at) for rule, at, _ in hits] == [
        ("T102", lines.index("2024年3月27号") + 1),
        ("T102", lines.index("（一）学前教育。新建公办园2所，9月1号开园。") + 1),
    ]
    assert "2024年3月27号" in hits[0][2] and "日" in hits[0][2]
    assert "9月1日" in hits[1][2]
    severities = [f.severity for f in check(write(tmp_path, text), select=["T102"])]
    assert severities == [Severity.ERROR, Severity.WARNING]


def test_a_recipients_line_without_its_colon(tmp_path: Path) -> None:
    text = NOTICE.replace("局属各学校：", "局属各学校")
    source = write(tmp_path, text)
    hits = found(source)
    assert [(rule, at) for rule, at, _ in hits] == [("T103", 4)]
    # the notice is still read whole: its code is the document's own, its date the 成文日期
    wrong = write(tmp_path, text.replace("〔2024〕", "［2024］"), "b.txt")
    own = [f for f in check(wrong) if f.rule == "T101"]
    assert [f.severity for f in own] == [Severity.ERROR]
    assert edureport.parse(source).notice.recipients == ["各乡镇中心学校", "局属各学校"]  # type: ignore[union-attr]
    # the fix adds the colon and changes nothing else
    result = fix(source, tmp_path / "fixed.txt")
    assert [f.rule for f in result.applied] == ["T103"]
    assert (tmp_path / "fixed.txt").read_text(encoding="utf-8") == NOTICE


def test_heading_numbers_written_two_ways_at_one_level(tmp_path: Path) -> None:
    text = NOTICE.replace("2.加强基层", "2、加强基层")
    hits = found(write(tmp_path, text), "T308")
    assert [at for _, at, _ in hits] == [text.splitlines().index("2、加强基层党组织建设。") + 1]
    assert "1." in hits[0][2]
    # all items 1、: one note for the part, not one per heading
    every = NOTICE
    for n in range(1, 5):
        every = every.replace(f"\n{n}.", f"\n{n}、")
    notes = [f for f in check(write(tmp_path, every, "c.txt")) if f.rule == "T308"]
    assert [(f.severity, f.location.paragraph) for f in notes] == [
        (Severity.INFO, every.splitlines().index("1、深入学习贯彻党的二十大精神。") + 1)
    ]


def test_half_width_heading_brackets_are_reported_once(tmp_path: Path) -> None:
    text = NOTICE.replace("（二）组织建设", "(二)组织建设")
    assert [rule for rule, _, _ in found(write(tmp_path, text))] == ["T203"]


def test_a_code_in_round_brackets_gets_one_fix_to_the_standard_form(tmp_path: Path) -> None:
    source = write(tmp_path, NOTICE.replace("〔2024〕", "(2024)"))
    assert [rule for rule, _, _ in found(source)] == ["T101"]
    fix(source, tmp_path / "fixed.txt")
    assert (tmp_path / "fixed.txt").read_text(encoding="utf-8") == NOTICE


WEB_COPY = """\
索引号: | 000000000/2024-00001 | 组配分类: | 规划计划 |
发布机构: | 某县教育局 | 主题分类: | 教育 |
2024年工作要点
发布时间:2024-02-07 14:56 信息来源: 某县教育局 阅读次数: 字体:【大 中 小】
一、加强党的建设
1.深入学习贯彻党的二十大精神,全年开展集中学习不少于12次。
2.加强基层党组织建设。
收藏 推荐 打印本页 关闭窗口
"""


def test_a_web_pages_own_lines_are_not_proofread(tmp_path: Path) -> None:
    hits = found(write(tmp_path, WEB_COPY))
    # only the slip in the document's own text: the , in item 1
    assert [(rule, at) for rule, at, _ in hits] == [("T203", 6)]


def test_a_web_copy_run_together_on_one_line(tmp_path: Path) -> None:
    # body, 附件, signature and date on one line, with spaces where the breaks were
    line = (
        "现将《2024年工作要点》印发给你们，请认真贯彻落实。 附件：2024年工作要点 某县教育局 "
        "2024年3月27日"
    )
    text = "某教发〔2024〕5号\n关于印发2024年工作要点的通知\n各学校：\n" + line + "\n"
    hits = found(write(tmp_path, text), "T102", "T204")
    # the date is right: no T102; each space is a lost paragraph break, not a space to delete
    assert [rule for rule, _, _ in hits] == ["T204", "T204"]
    assert all("new paragraph" in message for _, _, message in hits)
    assert all(f.fix is None for f in check(write(tmp_path, text), select=["T204"]))
    wrong = write(tmp_path, text.replace("2024年3月27日", "2024年03月27日"), "d.txt")
    dated = [f for f in check(wrong) if f.rule == "T102"]
    assert len(dated) == 1 and "2024年3月27日" in dated[0].message
    assert dated[0].location.offset == line.rindex("2024年")


def _numbered(doc: Document, paragraph: object, num_id: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()  # type: ignore[attr-defined]
    num = OxmlElement("w:numPr")
    for tag, value in (("w:ilvl", "0"), ("w:numId", str(num_id))):
        el = OxmlElement(tag)
        el.set(qn("w:val"), value)
        num.append(el)
    ppr.append(num)


def _chinese_counting(doc: Document) -> int:
    numbering = doc.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "90")
    level = OxmlElement("w:lvl")
    level.set(qn("w:ilvl"), "0")
    for tag, value in (("w:start", "1"), ("w:numFmt", "chineseCounting"), ("w:lvlText", "%1、")):
        el = OxmlElement(tag)
        el.set(qn("w:val"), value)
        level.append(el)
    abstract.append(level)
    numbering.insert(0, abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "90")
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), "90")
    num.append(ref)
    numbering.append(num)
    return 90  # beyond the ids the default template defines


def _run(paragraph: object, text: str, font: str) -> None:
    run = paragraph.add_run(text)  # type: ignore[attr-defined]
    run.font.name = font
    run.font.size = Pt(16)
    run._element.rPr.rFonts.set(qn("w:eastAsia"), font)


def test_word_numbered_headings_are_headings(tmp_path: Path) -> None:
    doc = Document()
    num = _chinese_counting(doc)
    _run(doc.add_paragraph(), "2023年工作总结", "方正小标宋简体")
    for title in ("强化党建引领", "推进均衡发展"):
        heading = doc.add_paragraph()
        _run(heading, title, "黑体")
        _numbered(doc, heading, num)
        _run(doc.add_paragraph(), "全年开展集中学习12次，新建标准化党支部8个。", "仿宋_GB2312")
    path = tmp_path / "自动编号.docx"
    doc.save(path)
    findings = check(path, select=["T", "L201", "L202"])
    # a 一、 heading in 黑体 is right, not body text in the wrong font; Word counts its numbers
    assert [(f.rule, f.location.paragraph) for f in findings] == []


def test_a_title_year_with_words_between_year_and_kind(tmp_path: Path) -> None:
    # 2024年全县教育工作要点: most titles put the place and field between the year and the kind
    text = NOTICE.replace("印发2024年工作要点", "印发2024年全县教育工作要点").replace(
        "\n2024年工作要点\n一、加强", "\n某县2023年教育工作要点\n一、加强"
    )
    hits = found(write(tmp_path, text), "T306")
    assert [at for _, at, _ in hits] == [3, 5, 7]  # the title, the 印发 sentence, the 附件 list
    assert "某县2023年教育工作要点" in hits[0][2]


def test_a_slip_in_the_colophon_is_placed_there(tmp_path: Path) -> None:
    text = NOTICE + "抄送：县委办公室，县政府办公室。\n某县教育局办公室　　2024年03月27日印发\n"
    hits = [f for f in check(write(tmp_path, text)) if f.rule == "T102"]
    assert [(f.location.paragraph, f.location.heading_path) for f in hits] == [
        (len(text.splitlines()), "版记")
    ]


def test_a_built_notice_without_a_code_and_with_two_attachments(tmp_path: Path) -> None:
    # edureport's own output: the red organ name with no 发文字号 below it is the mark (not body
    # text in red), and “2. 2021年工作要点” under “附件：1.…” is no heading numbered 2.
    document = edureport.load("examples/chengde-2021")
    assert document.notice is not None
    document.notice.code = None
    document.notice.attachments = ["2020年工作总结", "2021年工作要点"]
    path = tmp_path / "无文号.docx"
    document.build(path)
    hits = [(f.rule, f.location.paragraph) for f in check(path, select=["L20", "L301", "T301"])]
    assert hits == []


def _cell_paragraph_font(cell: object, text: str, size: int) -> None:
    paragraph = cell.paragraphs[0]  # type: ignore[attr-defined]
    run = paragraph.add_run(text)
    run.font.name = "仿宋_GB2312"
    run.font.size = Pt(size)
    run._element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋_GB2312")


def test_numbered_rows_of_a_table_and_circled_numbers(tmp_path: Path) -> None:
    doc = Document()
    _run(doc.add_paragraph(), "2024年工作要点", "方正小标宋简体")
    heading = doc.add_paragraph()
    _run(heading, "一、加强党的建设", "黑体")
    _run(doc.add_paragraph(), "①完善学校布局；②补齐办学条件短板。", "仿宋_GB2312")
    table = doc.add_table(rows=2, cols=2)
    for row, (n, task) in enumerate(
        [("1.", "深入学习贯彻党的二十大精神"), ("3.", "加强基层党组织")]
    ):
        _cell_paragraph_font(table.cell(row, 0), n + task, 14)  # a table's text is in 四号
        _cell_paragraph_font(table.cell(row, 1), "办公室", 14)
    path = tmp_path / "表格.docx"
    doc.save(path)
    # a ① paragraph stopped the font rule with a KeyError; a table's rows are not headings
    assert [(f.rule, f.location.paragraph) for f in check(path, select=["T30", "L202"])] == []


def test_an_enumeration_in_the_text_that_skips(tmp_path: Path) -> None:
    text = NOTICE.replace(
        "（一）理论武装。全年开展集中学习12次。",
        "（一）理论武装。一是抓学习，全年集中学习12次；二是抓培训；四是抓宣讲。",
    ).replace(
        "（二）组织建设。新建标准化党支部8个。", "（二）组织建设。一是统一是前提。二是建强支部。"
    )
    hits = found(write(tmp_path, text), "T309")
    lines = text.splitlines()
    at = next(k for k, line in enumerate(lines, 1) if "四是" in line)
    # 四是 after 二是 skips 三是; 统一是 is no enumeration; a new heading starts again at 一是
    assert [(a, "四是" in m and "三是" in m) for _, a, m in hits] == [(at, True)]
