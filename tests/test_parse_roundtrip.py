"""Property: any document the model can hold, built and parsed back, is the same data (issue 3)."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import edureport
from edureport.compose import heading_number
from edureport.dump import dumps
from edureport.loader import loads
from edureport.model import (
    Column,
    Document,
    DocumentCode,
    Notice,
    Plan,
    PlanItem,
    PlanSection,
    Printable,
    Section,
    Summary,
    Table,
)

# Words of the trade, none ending a title (通知, 总结, 要点 …) or starting a heading or a label.
WORDS = [
    "教育",
    "学校",
    "教师",
    "学生",
    "质量",
    "建设",
    "全面",
    "加强",
    "深化",
    "改革",
    "创新",
    "服务",
    "管理",
    "体系",
    "基础",
    "保障",
    "推进",
    "课程",
    "安全",
    "资源",
    "2021年",
    "98%",
]
ORGANS = ["承德市教育局", "中共承德市委教育工委", "承德市人力资源和社会保障局"]
DEPARTMENTS = ["办公室", "基教科", "规划财务（审计）科", "局机关各科室（馆、站）", "督导室"]

phrase = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map("".join)
sentence = st.lists(phrase, min_size=1, max_size=3).map(lambda ps: "，".join(ps) + "。")
paragraph = st.lists(sentence, min_size=1, max_size=2).map("".join)
title = phrase.filter(lambda t: not t[0].isdigit())


@st.composite
def numbers(draw: st.DrawFn, count: int, level: int) -> list[str | None]:
    """Mostly in sequence; now and then a gap, which the data then keeps."""
    out: list[str | None] = []
    n = 0
    for _ in range(count):
        gap = draw(st.sampled_from([0, 0, 0, 0, 2]))
        n += 1 + gap
        out.append(heading_number(level, n) if gap else None)
    return out


@st.composite
def sections(draw: st.DrawFn, level: int) -> list[Section]:
    count = draw(st.integers(0 if level > 1 else 1, 3))
    result = []
    for number in draw(numbers(count, level)):
        run_in = draw(st.booleans())
        paragraphs: list[str | Table] = list(
            draw(st.lists(paragraph, min_size=int(run_in), max_size=2))
        )
        if level == 1 and draw(st.booleans()):
            paragraphs.append(draw(tables()))
        result.append(
            Section(
                draw(title) + ("。" if run_in else ""),
                paragraphs,
                draw(sections(level + 1)) if level < 2 else [],
                run_in=run_in,
                number=number,
            )
        )
    return result


@st.composite
def tables(draw: st.DrawFn) -> Table:
    rows = draw(st.integers(1, 3))
    return Table(
        columns=[Column("指标"), Column("人数", "number"), Column("增幅", "percent", 1)],
        rows=[
            [draw(phrase), draw(st.integers(0, 10**7)), draw(st.integers(1, 999)) / 1000]
            for _ in range(rows)
        ],
        caption="表1　" + draw(phrase),
    )


@st.composite
def items(draw: st.DrawFn, numbers_: list[str | None]) -> list[PlanItem]:
    result = []
    for number in numbers_:
        item = PlanItem(draw(title), number=number)
        item.goal = draw(st.lists(paragraph, max_size=1))
        item.measures = draw(st.lists(paragraph, max_size=2))
        if item.measures and draw(st.booleans()):
            item.measures.insert(0, "")  # the label on its own line
        goal_label = draw(st.sampled_from([None, "任务目标", "目标任务: ", "工作目标:"]))
        if goal_label and item.goal:
            item.labels["goal"] = goal_label
        item.departments = draw(st.lists(st.sampled_from(DEPARTMENTS), max_size=3, unique=True))
        if item.departments:
            last = item.measures[-1] if item.measures else item.goal[-1] if item.goal else ""
            if last and draw(st.booleans()):
                item.departments_inline = True
                item.labels["departments"] = (
                    "（" + draw(st.sampled_from(["责任科室", "牵头单位"])) + "："
                )
                item.departments_end = "）"
            else:
                item.departments_end = draw(st.sampled_from(["", "。"]))
                word = draw(st.sampled_from([None, "责任单位", "责任处室"]))
                if word:
                    item.labels["departments"] = word
        result.append(item)
    return result


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    plan = Plan(f"{draw(st.integers(2000, 2099))}年工作要点")
    plan.overview = draw(st.lists(paragraph, max_size=2))
    count = draw(st.integers(1, 3))
    item_counts = [draw(st.integers(0, 3)) for _ in range(count)]
    item_numbers = draw(numbers(sum(item_counts), 3))
    for number, n in zip(draw(numbers(count, 1)), item_counts, strict=True):
        mine, item_numbers = item_numbers[:n], item_numbers[n:]
        plan.sections.append(PlanSection(draw(title), draw(items(mine)), number=number))
    return plan


@st.composite
def documents(draw: st.DrawFn) -> Document:
    summary = (
        Summary(
            f"{draw(st.integers(2000, 2099))}年工作总结",
            draw(st.lists(paragraph, max_size=2)),
            draw(sections(1)),
        )
        if draw(st.booleans())
        else None
    )
    plan = draw(plans()) if draw(st.booleans()) or summary is None else None
    if not draw(st.booleans()):
        return Document(summary=summary, plan=plan)
    date = draw(st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31)))
    notice = Notice(
        organs=draw(st.lists(st.sampled_from(ORGANS), min_size=1, max_size=2, unique=True)),
        code=DocumentCode("承教发", date.year, draw(st.integers(1, 300))),
        title=["关于印发" + draw(phrase), "工作要点的通知"],
        date=date,
        recipients=draw(
            st.lists(st.sampled_from(["各县（市、区）教体局", "直属学校"]), max_size=2, unique=True)
        ),
        body=draw(st.lists(paragraph, min_size=1, max_size=2)),
        mark_word=draw(st.sampled_from([None, "文件"])),
        signer=draw(st.lists(st.sampled_from(["张三", "李四"]), max_size=2, unique=True)),
        copy_number=draw(st.sampled_from([None, "000123"])),
        secrecy=draw(st.sampled_from([None, "机密★1年", "秘密"])),
        urgency=draw(st.sampled_from([None, "特急", "加急"])),
        attachments=draw(st.lists(phrase, max_size=3)),
        note=draw(st.sampled_from([None, "此件公开发布"])),
        cc=draw(st.lists(st.sampled_from(["市委办公室", "市政府办公室"]), max_size=2, unique=True)),
    )
    if draw(st.booleans()):
        notice.printed_by = "承德市教育局办公室"
        later = date + dt.timedelta(days=draw(st.integers(1, 5)))
        notice.printed_on = draw(st.sampled_from([None, later]))
    prints: list[Printable] = [
        n for n in ("summary", "plan") if (summary if n == "summary" else plan) is not None
    ]
    notice.prints = prints
    return Document(notice=notice, summary=summary, plan=plan)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_built_then_parsed_is_the_same_data(document: Document) -> None:
    with tempfile.TemporaryDirectory() as folder:
        built = edureport.build(document, Path(folder) / "doc.docx")
        parsed = edureport.parse(built)
    assert parsed == document
    assert loads(dumps(parsed)) == document
