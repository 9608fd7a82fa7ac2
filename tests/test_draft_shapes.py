"""`draft` from every plan shape: real bureaus' documents read by parse, and a plan with groups,
co-operating units, a leader and deadlines; sentences tied to last year marked for review."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from conftest import docx_lines
from lxml import etree

import edureport

CORPUS = Path(__file__).parent / "data" / "corpus"
DATA = Path(__file__).parent / "data" / "drafting"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _corpus_text(number: str, folder: Path) -> Path:
    """The document of corpus file ``number`` without its 4 lines of notes."""
    (source,) = CORPUS.glob(f"{number}_*.txt")
    text = source.read_text(encoding="utf-8").split("\n", 4)[4]
    path = folder / f"{number}.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _expected_items(number: str) -> list[dict[str, Any]]:
    """The ground truth's plan items (a person's reading of the file), in order."""
    data = yaml.safe_load((CORPUS / "expected" / f"{number}.yaml").read_text(encoding="utf-8"))
    plan = next(d for d in data["documents"] if d["kind"] == "plan")

    def walk(section: dict[str, Any]) -> list[dict[str, Any]]:
        items = list(section.get("items", []))
        for group in section.get("sections", []):
            items.extend(walk(group))
        return items

    return [item for section in plan["sections"] for item in walk(section)]


def _rows(sheet: Any) -> list[dict[str, Any]]:
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


# The lead units' column is headed as the document labels them; ours where it has no label.
LEAD_HEADING = {"15": "责任科室", "16": "责任单位", "09": "责任科室"}


@pytest.mark.parametrize("number", ["15", "16", "09"])
def test_a_parsed_bureau_document_drafts_one_row_per_item(number: str, tmp_path: Path) -> None:
    drafts = edureport.draft(_corpus_text(number, tmp_path))
    folder = tmp_path / "drafts"
    drafts.write(folder, split=True)
    book = openpyxl.load_workbook(folder / "results.xlsx")
    rows = _rows(book["全部任务"])
    expected = _expected_items(number)
    assert [r["工作任务"].rstrip("。") for r in rows] == [i["title"].rstrip("。") for i in expected]
    for row, item in zip(rows, expected, strict=True):
        assert (row[LEAD_HEADING[number]] or "") == "、".join(item.get("lead", []))
        if any(i.get("cooperating") for i in expected):
            assert (row["配合单位"] or "") == "、".join(item.get("cooperating", []))
        else:
            assert "配合单位" not in row  # a column only where the source has it
    # a sheet and a workbook for every unit, lead and co-operating alike, its role shown
    for number_, item in enumerate(expected, start=1):
        for unit, role in [
            *((u, "牵头") for u in item.get("lead", [])),
            *((u, "配合") for u in item.get("cooperating", [])),
        ]:
            sheet = book[unit[:31]]
            assert {r["序号"]: r["角色"] for r in _rows(sheet)}[number_] == role
            (sent,) = (folder / "分发").glob(f"{unit.replace('<', '_').replace('>', '_')}-*.xlsx")
            assert sent.is_file()
    # the draft builds
    edureport.build(folder, tmp_path / "draft.docx")


def test_the_next_plan_keeps_the_inline_form_of_the_units(tmp_path: Path) -> None:
    drafts = edureport.draft(_corpus_text("15", tmp_path))
    assert drafts.document.plan is not None
    first = drafts.document.plan.items[0]
    assert first.departments == ["市教育局"]
    assert first.cooperating == ["市委农办", "各县<市、区>人民政府"]
    drafts.write(tmp_path / "d")
    lines = docx_lines(edureport.build(tmp_path / "d", tmp_path / "d.docx"))
    # as the source writes it, at the end of the item's paragraph, lead unit first
    assert any(
        line.endswith("(市教育局,市委农办,各县<市、区>人民政府,排名第一位为牵头单位,下同)")
        for line in lines
    )


# A plan with groups, co-operating units, a leader and deadlines ---------------------------------


def _source() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((DATA / "document.yaml").read_text(encoding="utf-8"))
    return data["plan"]


def test_groups_leader_and_deadline_are_columns(tmp_path: Path) -> None:
    edureport.draft(DATA).write(tmp_path)
    rows = _rows(openpyxl.load_workbook(tmp_path / "results.xlsx")["全部任务"])
    assert [r["分组"] for r in rows] == [
        None,
        None,
        "办好学前教育",
        "推进义务教育优质均衡",
        "推进义务教育优质均衡",
    ]
    assert [r["责任领导"] for r in rows] == ["王局长", None, "李副局长", None, None]
    assert [r["完成时限"] for r in rows] == [
        "2021年12月底",
        "2021年6月底、12月底",
        None,
        None,
        None,
    ]


def test_the_next_plan_keeps_groups_roles_and_deadlines_moved_on() -> None:
    plan = edureport.draft(DATA).document.plan
    assert plan is not None
    source = _source()
    education = plan.sections[1]
    assert [g.title for g in education.sections] == [
        g["title"] for g in source["sections"][1]["sections"]
    ]
    first = plan.items[0]
    item = source["sections"][0]["items"][0]
    assert (first.departments, first.cooperating, first.leader) == (
        item["departments"],
        item["cooperating"],
        item["leader"],
    )
    assert first.deadline == "2022年12月底"  # the deadline is a date of the plan's own year


def test_sentences_only_true_last_year_are_listed_and_marked(tmp_path: Path) -> None:
    drafts = edureport.draft(DATA)
    found = [(r.where, r.sentence) for r in drafts.reviews]
    assert found == [
        ("总体思路", "坚持立德树人，以优异成绩庆祝建党100周年。"),
        ("第1项 工作措施", "围绕庆祝建党100周年，组织师生开展党史学习教育。"),
        ("第1项 工作措施", "2022年是“十四五”开局之年，谋划好全县教育发展。"),
    ]
    drafts.write(tmp_path)
    sheet = openpyxl.load_workbook(tmp_path / "results.xlsx")["待核对"]
    rows = _rows(sheet)
    assert [r["句子"] for r in rows] == [s for _, s in found]
    assert "开局之年" in rows[2]["核对原因"]


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        ("以优异成绩迎接党的二十大胜利召开。", True),
        ("2021年是“十四五”开局之年。", True),
        ("做好2020年度决算工作。", True),
        ("纪念改革开放四十周年。", True),
        ("做好教师节系列庆祝活动。", False),  # every year
        ("落实《规划（2020-2022年）》。", False),  # a span, still running
        ("召开2022年全市教育工作会议。", False),
    ],
)
def test_what_counts_as_tied_to_last_year(sentence: str, flagged: bool) -> None:
    from edureport.review import reasons

    assert bool(reasons(sentence, 2022)) is flagged


def test_the_built_draft_carries_them_as_word_comments(tmp_path: Path) -> None:
    folder = tmp_path / "2022"
    drafts = edureport.draft(DATA)
    drafts.write(folder)
    built = edureport.build(folder, tmp_path / "draft.docx")
    with zipfile.ZipFile(built) as z:
        comments = etree.fromstring(z.read("word/comments.xml"))
        body = etree.fromstring(z.read("word/document.xml"))
    notes = ["".join(c.itertext()) for c in comments.iter(f"{W}comment")]
    assert notes == [r.note for r in drafts.reviews]
    assert all(c.get(f"{W}author") == "edureport" for c in comments.iter(f"{W}comment"))
    # each comment spans exactly its sentence
    spans: dict[str, str] = {}
    open_ids: set[str] = set()
    for element in body.iter(f"{W}commentRangeStart", f"{W}commentRangeEnd", f"{W}t"):
        if element.tag == f"{W}commentRangeStart":
            open_ids.add(element.get(f"{W}id"))
            spans[element.get(f"{W}id")] = ""
        elif element.tag == f"{W}commentRangeEnd":
            open_ids.discard(element.get(f"{W}id"))
        else:
            for i in open_ids:
                spans[i] += element.text or ""
    assert sorted(spans.values()) == sorted(r.sentence for r in drafts.reviews)
    # comments do not print; what must be filled stays visible text
    lines = docx_lines(built)
    assert not any("请核对" in line for line in lines)
    assert "【待填写】（第1项：开展党史学习教育）" in lines


def test_a_comment_on_words_not_in_the_document_is_an_error(tmp_path: Path) -> None:
    document = edureport.load(DATA)
    document.comments = [edureport.Comment("不在文中的话", "核对")]
    with pytest.raises(edureport.DataError, match=r"comments\[0\]\.text.*|不在文中的话"):
        edureport.build(document, tmp_path / "x.docx")
    assert not (tmp_path / "x.docx").exists()


def test_a_comment_still_finds_its_words_once_the_marks_are_reviewed(tmp_path: Path) -> None:
    drafts = edureport.draft(DATA)
    document = drafts.document
    assert document.plan is not None
    goal = document.plan.items[2].goal[0]
    assert goal.startswith("学前三年毛入园率达到92%【待核对】，")
    document.comments = [edureport.Comment("学前三年毛入园率达到92%【待核对】", "核对目标")]
    document.plan.items[2].goal[0] = goal.replace("【待核对】", "")  # the office reviewed it
    built = edureport.build(document, tmp_path / "reviewed.docx")
    with zipfile.ZipFile(built) as z:
        notes = etree.fromstring(z.read("word/comments.xml"))
        body = etree.fromstring(z.read("word/document.xml"))
    assert ["".join(c.itertext()) for c in notes.iter(f"{W}comment")] == ["核对目标"]
    start = next(body.iter(f"{W}commentRangeStart"))
    words = []
    for element in start.itersiblings():
        if element.tag == f"{W}commentRangeEnd":
            break
        words.extend(t.text or "" for t in element.iter(f"{W}t"))
    assert "".join(words) == "学前三年毛入园率达到92%"


def test_units_closing_a_group_of_titles_are_every_item_s(tmp_path: Path) -> None:
    # A 责任分解 names its units once a group, on a line after the group's last item: each of
    # the group's rows gets them, and each unit's sheet lists every item of the group.
    source = tmp_path / "分解.txt"
    source.write_text(
        "\n".join(
            [
                "丙市教育事业“十四五”规划责任分解",
                "(一)基础教育",
                "1.扩大学前教育资源",
                "(1)新建公办幼儿园10所。",
                "(2)新增学位3000个。",
                "(责任单位:市教育局、市住建局)",
                "2.提升义务教育质量",
                "(1)推进集团化办学。",
                "(2)深化课堂教学改革。",
                "(责任单位:市教育局)",
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    folder = tmp_path / "drafts"
    edureport.draft(source, year=2023).write(folder)
    book = openpyxl.load_workbook(folder / "results.xlsx")
    rows = _rows(book["全部任务"])
    assert [(r["工作任务"], r["责任单位"]) for r in rows] == [
        ("新建公办幼儿园10所。", "市教育局、市住建局"),
        ("新增学位3000个。", "市教育局、市住建局"),
        ("推进集团化办学。", "市教育局"),
        ("深化课堂教学改革。", "市教育局"),
    ]
    assert [r["序号"] for r in _rows(book["市住建局"])] == [1, 2]
    # the new plan prints the units once a group, as the source did
    plan = yaml.safe_load((folder / "document.yaml").read_text(encoding="utf-8"))["plan"]
    items = [i for s in plan["sections"] for g in s["sections"] for i in g["items"]]
    assert [bool(i.get("departments")) for i in items] == [False, True, False, True]
