"""Text rules: every slip in the real 承教发〔2021〕1号 text is found, and nothing else; each rule
on small texts of its own."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEED_TEXT

from edureport.checker import Severity, check

# Every finding on the seed text, found by reading it line by line: (rule, line, character offset).
SEED_FINDINGS = {
    # half-width punctuation in Chinese text
    ("T203", 32, 75),  # 坚决服从市防控指挥部要求,第一时间
    ("T203", 32, 206),  # 分析研判疫情发展趋势,采取
    ("T203", 32, 541),  # 使命和担当,为打赢
    ("T203", 37, 17),  # 作为主线,将促进
    ("T203", 38, 1092),  # 标志性工程--承德应用技术职业学院
    ("T203", 44, 161),  # 《党委(党组)落实…》
    ("T203", 44, 260),  # 管到哪里,党风廉政建设
    ("T203", 59, 23),  # 以建党百年为契机,面向
    ("T203", 59, 40),  # 开展党史学习教育,高标准
    ("T203", 64, 43),  # 《…印发<关于推行…意见>的通知》
    ("T203", 85, 26),  # 《…印发<关于全面加强…措施>的通知》
    ("T203", 117, 4),  # 目标任务: 优化 (item 16)
    ("T203", 125, 16),  # 乡镇(街道)三级
    ("T203", 187, 8),  # 节能管理,严格控制
    # 发文字号 cited with the look-alike brackets ﹝﹞
    ("T101", 40, 94),  # 承传﹝2020﹞3号
    ("T101", 40, 244),  # 承教通﹝2020﹞61号
    # stray spaces
    ("T204", 42, 523),  # “1 个组织
    ("T204", 42, 530),  # 39 个岗位”
    ("T204", 68, 31),  # 召开 2021
    ("T204", 68, 36),  # 2021 年
    ("T204", 73, 412),  # 建党 100
    ("T204", 73, 416),  # 100 周年
    ("T204", 84, 24),  # 要求， 2021年
    ("T204", 89, 36),  # 第 24
    ("T204", 89, 39),  # 24 届
    ("T204", 123, 0),  # "    责任科室" (item 17): the only indented line
    ("T204", 126, 83),  # 2020-2022 年
    ("T204", 126, 215),  # 基地， 满足
    ("T204", 135, 130),  # 做好 2021
    ("T204", 135, 135),  # 2021 年
    ("T204", 151, 11),  # 加强2021 年普通
    ("T204", 153, 27),  # 高素质、 专业化
    ("T204", 160, 346),  # 和2021 年“特岗
    ("T204", 173, 27),  # 绩效， 建立健全
    # a quotation mark never closed: 授予“优秀安全生产志愿者服务项目。
    ("T201", 42, 624),
    # labels: 工作举措 in items 2 and 15, 任务目标 in item 8
    ("T303", 60, 0),
    ("T303", 84, 0),
    ("T303", 114, 0),
    # the one item title ending with 。 (16), the two 责任科室 lines ending with 。 (22, 24)
    ("T304", 116, 15),
    ("T304", 144, 18),
    ("T304", 152, 19),
    # 工作措施： alone on its line (item 32)
    ("T305", 186, 0),
}


def _found(path: Path, **kw: object) -> set[tuple[str, int | None, int | None]]:
    return {
        (f.rule, f.location.paragraph, f.location.offset)
        for f in check(path, **kw)  # type: ignore[arg-type]
    }


def test_seed_text_findings_are_exactly_its_slips() -> None:
    assert _found(SEED_TEXT) == SEED_FINDINGS


def test_seed_quote_finding_points_at_the_unclosed_mark() -> None:
    lines = SEED_TEXT.read_text(encoding="utf-8").split("\n")
    assert lines[41][624:630] == "“优秀安全生"


def test_seed_slips_are_warnings_not_errors() -> None:
    findings = check(SEED_TEXT)
    assert findings and all(f.severity is Severity.WARNING for f in findings)


def test_findings_carry_excerpt_clause_and_fix() -> None:
    f = next(f for f in check(SEED_TEXT) if (f.location.paragraph, f.location.offset) == (37, 17))
    assert "主线,将" in f.location.excerpt
    assert "GB/T 15834" in f.clause
    assert f.fix is not None and (f.fix.old, f.fix.new) == (",", "，")


def _write(tmp_path: Path, text: str, name: str = "doc.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


NOTICE = "中共承德市委教育工委\n承德市教育局\n{code}\n关于印发工作要点的通知\n各学校：\n现将要点印发给你们。\n承德市教育局\n{date}\n"


@pytest.mark.parametrize(
    ("code", "wrong"),
    [
        ("承教发[2021]1号", "[]"),
        ("承教发（2021）1号", "（）"),
        ("承教发【2021】1号", "【】"),
        ("承教发﹝2021﹞1号", "﹝﹞"),
    ],
)
def test_own_code_with_wrong_brackets_is_an_error(tmp_path: Path, code: str, wrong: str) -> None:
    path = _write(tmp_path, NOTICE.format(code=code, date="2021年4月6日"))
    [f] = [f for f in check(path) if f.rule == "T101"]
    assert f.severity is Severity.ERROR and f.location.paragraph == 3 and wrong in f.message
    assert f.fix is not None and f.fix.new == "〔2021〕"


def test_own_code_with_di_or_leading_zero(tmp_path: Path) -> None:
    path = _write(tmp_path, NOTICE.format(code="承教发〔2021〕第01号", date="2021年4月6日"))
    messages = [f.message for f in check(path) if f.rule == "T101"]
    assert len(messages) == 2
    assert any("第" in m for m in messages) and any("leading zero" in m for m in messages)


def test_cited_code_is_a_warning_and_right_code_passes(tmp_path: Path) -> None:
    text = NOTICE.format(code="承教发〔2021〕1号", date="2021年4月6日").replace(
        "现将要点印发给你们。",
        "按照《通知》（冀教[2020]18号）和（冀教〔2020〕19号）要求，现将要点印发给你们。",
    )
    [f] = [f for f in check(_write(tmp_path, text)) if f.rule == "T101"]
    assert (
        f.severity is Severity.WARNING
        and f.location.paragraph == 6
        and "冀教[2020]18号" in f.message
    )


@pytest.mark.parametrize("date", ["二〇二一年四月六日", "2021年04月06日", "21年4月6日", "2021.4.6"])
def test_date_form_errors(tmp_path: Path, date: str) -> None:
    path = _write(tmp_path, NOTICE.format(code="承教发〔2021〕1号", date=date))
    [f] = [f for f in check(path) if f.rule == "T102"]
    assert f.severity is Severity.ERROR and f.location.paragraph == 8


def test_clean_notice_has_no_findings(tmp_path: Path) -> None:
    assert (
        check(_write(tmp_path, NOTICE.format(code="承教发〔2021〕1号", date="2021年4月6日"))) == []
    )


def test_unpaired_marks(tmp_path: Path) -> None:
    path = _write(tmp_path, "他说《通知》要求，见（附件1。\n以上内容》完毕。\n")
    found = {(f.location.paragraph, f.location.offset) for f in check(path) if f.rule == "T201"}
    assert found == {(1, 10), (2, 4)}


def test_quote_direction_is_fixable(tmp_path: Path) -> None:
    path = _write(tmp_path, "开展“学习强国“活动和”两个维护”教育。\n")
    found = [f for f in check(path) if f.rule == "T202"]
    assert [(f.location.offset, f.fix.new if f.fix else None) for f in found] == [
        (7, "”"),
        (11, "“"),
    ]
    assert not [f for f in check(path) if f.rule == "T201"]


def test_half_width_leaves_numbers_and_english_alone(tmp_path: Path) -> None:
    path = _write(tmp_path, "职普比例4:6，增长1.5%，见 Table 1, page 2.\n完成了任务.下一步\n")
    found = [(f.location.paragraph, f.location.offset) for f in check(path) if f.rule == "T203"]
    assert found == [(2, 5)]


def test_spaces_between_chinese_words_and_ideographic_spaces_are_left_alone(
    tmp_path: Path,
) -> None:
    path = _write(
        tmp_path,
        "承  德  市  教  育  局\n中共承德市委 承德市人民政府\n表1\u3000办学规模\n召开 2021 年会议\n",
    )
    found = [(f.location.paragraph, f.location.offset) for f in check(path) if f.rule == "T204"]
    assert found == [(4, 2), (4, 7)]


@pytest.mark.parametrize(
    ("headings", "expected"),
    [
        (["一、甲", "二、乙", "四、丁"], [(3, "skips")]),
        (["一、甲", "二、乙", "二、丙"], [(3, "repeats")]),
        (["一、甲", "二、乙", "三、丙", "二、丁"], [(4, "goes back")]),
        (["一、甲", "（一）子", "（三）丑"], [(3, "skips")]),
        (["一、甲", "1.子", "2.丑", "二、乙", "3.寅", "4.卯"], []),  # items numbered on
        (["一、甲", "1.子", "2.丑", "二、乙", "1.寅", "2.卯"], []),  # items restarting
    ],
)
def test_heading_sequence(
    tmp_path: Path, headings: list[str], expected: list[tuple[int, str]]
) -> None:
    path = _write(tmp_path, "\n".join(headings) + "\n")
    found = [(f.location.paragraph, f.message) for f in check(path) if f.rule == "T301"]
    assert [(p, word) for p, m in found for _, word in expected if word in m] == expected
    assert len(found) == len(expected)


def test_heading_level_skipped(tmp_path: Path) -> None:
    path = _write(tmp_path, "一、甲\n（一）子\n二、乙\n1.丑\n")
    assert [f.location.paragraph for f in check(path) if f.rule == "T302"] == [4]
    consistent = _write(tmp_path, "一、甲\n1.子\n二、乙\n2.丑\n", "plan.txt")
    assert not [f for f in check(consistent) if f.rule == "T302"]


def test_title_year_disagreeing_with_the_printed_document(tmp_path: Path) -> None:
    text = (
        "承教发〔2021〕1号\n关于印发2020年工作总结的通知\n各学校：\n现将《2020年工作总结》印发给你们。\n"
        "承德市教育局\n2021年4月6日\n2019年工作总结\n2019年，全市教育系统……。\n"
    )
    found = [
        (f.location.paragraph, f.severity)
        for f in check(_write(tmp_path, text))
        if f.rule == "T306"
    ]
    assert found == [(2, Severity.ERROR), (4, Severity.ERROR)]


def test_select_and_ignore() -> None:
    assert {f.rule for f in check(SEED_TEXT, select=["T30"])} == {"T303", "T304", "T305"}
    assert "T204" not in {f.rule for f in check(SEED_TEXT, ignore=["stray-space"])}
