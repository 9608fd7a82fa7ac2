"""Compose: turn the model into what the template prints, numbered and formatted.

This is where heading numbers (一、 （一） 1. （1）), continuous plan item numbers, dates as written
(2021年4月6日), document codes and table numbers (thousands, percentages, 万/亿) are made. The data
never holds them; the template only places them.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from . import vocab
from .formats import written_date
from .gbt9704 import CONDENSE, MARK_SIZE, MARK_WIDTH, MARK_WIDTH_WITH_WORD, TEXT_W, TITLE_SIZE
from .i18n import _ as _t  # `_` is a throwaway name in this module
from .model import (
    Document,
    Notice,
    Plan,
    PlanItem,
    PlanSection,
    Section,
    Summary,
    Table,
)
from .vocab import HeadingNumber, numeral_value

_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 99 → 九十九 (the forms headings use)."""
    if not 1 <= n <= 99:
        raise ValueError(_t("heading numbers run from 1 to 99, got {n}").format(n=n))
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[ones] if ones else "")


def heading_number(level: int, n: int) -> str:
    """The number of the ``n``-th heading at ``level`` (1 一、, 2 （一）, 3 1., 4 （1））."""
    if level == 1:
        return f"{chinese_numeral(n)}、"
    if level == 2:
        return f"（{chinese_numeral(n)}）"
    if level == 3:
        return f"{n}."
    if level == 4:
        return f"（{n}）"
    raise ValueError(_t("headings go four levels deep, not {level}").format(level=level))


def _ems(text: str) -> float:
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text)


def _set_ems(text: str) -> float:
    """The width a line takes when set: Word and LibreOffice put a quarter em between Chinese and
    Latin letters or digits (autospacing), so 2024年 is wider than its characters."""
    wide = [ord(ch) >= 0x2E80 for ch in text]
    return _ems(text) + 0.25 * sum(a != b for a, b in itertools.pairwise(wide))


def mark_scale(name: str, word: str | None, *, joint: bool = True) -> int:
    """The character width (percent) that fits ``name`` into the default mark (7.2.4: long names
    are narrowed, not wrapped). Joint names share a cell beside “文件”; one organ's name and its
    word share the text block's width. Half-width characters count half."""
    if joint:
        ems = _ems(name)
        width = MARK_WIDTH_WITH_WORD if word else MARK_WIDTH
    else:
        ems = _ems(name) + _ems(word or "")
        width = TEXT_W
    needed = ems * MARK_SIZE * 20
    return max(33, min(100, int(100 * width / needed))) if needed else 100


# 二号 characters per line of the text block (the type is condensed as the body's, see letterhead).
TITLE_CHARS = TEXT_W // (TITLE_SIZE * 20 + CONDENSE)
# Where a title may break: after these words (关于… 印发…) or before them (…的通知, …工作要点).
_BREAK_AFTER = ("关于", "印发", "转发", "做好", "开展", "加强", "进一步", "推进", "年度", "年")
_BREAK_BEFORE = (
    "的通知",
    "的意见",
    "的决定",
    "的报告",
    "的批复",
    "的函",
    "的实施方案",
    "的工作方案",
    "工作要点",
    "工作总结",
    "工作方案",
    "实施方案",
    "实施意见",
    "管理办法",
    "暂行办法",
    "通知",
    "意见",
    "方案",
    "办法",
    "规定",
    "决定",
    "报告",
    "和",
    "及",
    "与",
    "暨",
)
# Words of 公文 titles, kept whole where another break can be found; their edges are good breaks.
_WORDS = """关于 印发 转发 做好 开展 加强 推进 落实 深化 全面 进一步 规范 实施 方案 意见 通知 要点
    总结 工作 教育 教师 学校 学生 中小学 中小学校 小学 中学 高中 高校 幼儿园 职业 学前 义务 特殊
    防控 疫情 安全 稳定 管理 服务 培训 机构 建设 发展 改革 质量 评价 课程 课后 校外 全市 全省
    全县 全区 全国 春季 秋季 暑期 寒假 暑假 开学 招生 考试 年度 专项 行动 计划 活动 检查 治理
    整治 监督 督导 资助 经费 项目 信息 网络 宣传 研究 申报 评选 表彰 通报 办法 规定 决定 报告
    市委 市政府 教育局 教体局 教育厅 党建 党风 廉政 思想 政治 德育 体育 美育 劳动 健康 心理
    卫生 食品 校园 文明 创建 示范 标准 达标 提升 普通 新时代 高质量 现代化 有关 事项 相关 组织
    举办 召开 会议 暨 及 和 与 的"""
_TITLE_WORDS = tuple(_WORDS.split())
_UNBREAKABLE = re.compile(r"《[^》]{1,12}》|“[^”]{1,12}”|[0-9A-Za-z.%·-]+[年月日届号]?")


def _break_costs(title: str) -> list[float]:
    """The cost of a line break before each character: 0 at a word boundary the title's words
    show, more between two characters not known to end a word, never inside a number (2024年)
    or a short quoted name."""
    costs = [6.0] * (len(title) + 1)
    for word in _TITLE_WORDS:
        for m in re.finditer(re.escape(word), title):
            for i in range(m.start() + 1, m.end()):
                costs[i] = max(costs[i], 20.0)
    for word in _TITLE_WORDS:
        for m in re.finditer(re.escape(word), title):
            for i in (m.start(), m.end()):
                if costs[i] < 20.0:
                    costs[i] = min(costs[i], 1.5)
    for m in _UNBREAKABLE.finditer(title):
        for i in range(m.start() + 1, m.end()):
            costs[i] = float("inf")
        costs[m.start()] = min(costs[m.start()], 2.0)
        costs[m.end()] = min(costs[m.end()], 1.0 if m.group()[-1] != "年" else 0.0)
    for i in range(1, len(title)):
        if costs[i] == float("inf"):
            continue
        if title[i - 1] in "，、；》”）" or title[i] in "《“（":
            costs[i] = 0.0
        elif any(title.endswith(w, 0, i) for w in _BREAK_AFTER) or any(
            title.startswith(w, i) for w in _BREAK_BEFORE
        ):
            costs[i] = min(costs[i], 0.5)
        if title[i] in "，、。；：）》”":  # never start a line with closing punctuation
            costs[i] = float("inf")
        elif title[i] in "局厅委办处科院校会" and costs[i] < 20.0:
            costs[i] = 20.0  # the end of an organ's name (…体育局) stays with it
    return costs


def balance_title(title: str, width: int = TITLE_CHARS) -> list[str]:
    """A title given as one string, broken into lines of even length (7.3.1: 梯形 or 菱形, words
    kept whole): a title that fits stays one line; no line is left with two or three characters."""
    if _set_ems(title) <= width - 0.5:  # half an em spare: fonts differ from machine to machine
        return [title]
    costs = _break_costs(title)
    inner = [i for i in range(1, len(title)) if costs[i] != float("inf")]
    best: tuple[float, list[str]] | None = None
    lines_needed = -(-int(_set_ems(title) + 0.999) // width)
    for count in (lines_needed, lines_needed + 1):
        for cuts in itertools.combinations(inner, count - 1):
            bounds = [0, *cuts, len(title)]
            lines = [title[a:b] for a, b in itertools.pairwise(bounds)]
            lengths = [_set_ems(line) for line in lines]
            if max(lengths) > width - 0.5 or min(lengths) < 4:
                continue
            shape = 0.0
            if count == 3 and lengths[1] < min(lengths[0], lengths[2]):
                shape = 3.0  # an hourglass, neither 梯形 nor 菱形
            if count == 2 and lengths[1] > lengths[0]:
                shape = 0.5  # 正梯形 (the first line the longer) reads best
            cost = (max(lengths) - min(lengths)) + 2 * sum(costs[c] for c in cuts) + shape
            cost += 4 * (count - lines_needed)
            if best is None or cost < best[0]:
                best = (cost, lines)
        if best is not None and count == lines_needed:
            break
    return best[1] if best is not None else [title]


@dataclass
class Block:
    """One printed paragraph (or table) of a printed document."""

    kind: str  # h1 h2 h3 h4: headings; p: body text; field: a labelled plan field; table
    text: str = ""
    heading: str = ""  # the number and heading of a heading block
    label: str = ""  # the written label of a plan field, e.g. 目标任务：
    table: dict[str, Any] | None = None


@dataclass
class PrintedDocument:
    title: str
    blocks: list[Block] = field(default_factory=list)
    marker: str = ""  # 附件 above the title


def _table(table: Table) -> dict[str, Any]:
    caption, columns, rows = table.printed()
    return {
        "caption": caption or "",
        "header": [c.name for c in columns],
        "rows": rows,
        "numeric": [c.format != "text" for c in columns],
    }


def _paragraphs(blocks: list[str | Table], out: list[Block]) -> None:
    for block in blocks:
        if isinstance(block, Table):
            out.append(Block("table", table=_table(block)))
        else:
            out.append(Block("p", block))


def match_heading(text: str) -> HeadingNumber | None:
    """The heading number ``text`` starts with, if any: the inverse of :func:`heading_number`."""
    return vocab.match_heading(text)


def numbered(level: int, expected: int, written: str | None) -> tuple[int, str]:
    """The heading's value and number: ``written`` if the data keeps one, counting on from it."""
    if written is None:
        return expected, heading_number(level, expected)
    value = numeral_value(written)
    return (expected if value is None else value), written


def _sections(sections: list[Section], level: int, out: list[Block]) -> None:
    n = 0
    for section in sections:
        n, number = numbered(level, n + 1, section.number)
        heading = number + section.title
        rest = list(section.paragraphs)
        text = ""
        if section.run_in and rest and isinstance(rest[0], str):
            text = str(rest.pop(0))
        out.append(Block(f"h{level}", text=text, heading=heading))
        _paragraphs(rest, out)
        _sections(section.subsections, level + 1, out)


def compose_summary(summary: Summary) -> PrintedDocument:
    doc = PrintedDocument(summary.title, marker=summary.marker or "")
    _paragraphs(summary.preface, doc.blocks)
    _sections(summary.sections, 1, doc.blocks)
    return doc


def compose_plan(plan: Plan) -> PrintedDocument:
    doc = PrintedDocument(plan.title, marker=plan.marker or "")
    overview_label = plan.overview_label  # "" for an overview written without a label
    if overview_label and overview_label[-1:] not in ("：", ":", " ", "\u3000"):
        overview_label += "："
    for i, text in enumerate(plan.overview):
        doc.blocks.append(Block("field", text, label=overview_label if i == 0 else ""))
    counter = [0]  # items run on across sections: 1 … 34
    _plan_sections(plan.sections, 1, counter, doc.blocks)
    return doc


def _plan_sections(
    sections: list[PlanSection], level: int, counter: list[int], out: list[Block]
) -> None:
    s = 0
    for section in sections:
        s, written = numbered(level, s + 1, section.number)
        rest = list(section.paragraphs)
        text = str(rest.pop(0)) if section.run_in and rest and isinstance(rest[0], str) else ""
        if section.title or written:
            out.append(Block(f"h{level}", text=text, heading=written + section.title))
        _paragraphs(rest, out)
        if section.columns:
            out.append(Block("table", table=_task_table(section, counter)))
            continue
        for item in section.items:
            counter[0], written = numbered(3, counter[0] + 1, item.number)
            _plan_item(item, written, out)
        _plan_sections(section.sections, level + 1, counter, out)


def _task_table(section: PlanSection, counter: list[int]) -> dict[str, Any]:
    """A section whose items came from a task table (任务分解表), printed as that table."""
    rows: list[list[str]] = []

    def add(items: list[PlanItem], group: str) -> None:
        for item in items:
            counter[0], _number = numbered(3, counter[0] + 1, item.number)
            row = []
            for c, name in enumerate(section.columns):
                role = vocab.column_role(name, c)
                if role == "number":
                    row.append(item.number or str(counter[0]))
                elif role == "group":
                    row.append(group)
                elif role in ("title", "label"):
                    row.append(item.title)
                elif role in ("goal", "measures"):
                    row.append("\n".join(getattr(item, role)))
                elif role in ("departments", "cooperating", "leader"):
                    row.append(joined_names(item, getattr(item, role)))
                elif role == "deadline":
                    row.append(item.deadline or "")
                else:
                    row.append(item.cells.get(name, ""))
            rows.append(row)

    add(section.items, "")
    for group in section.sections:
        add(group.all_items(), group.title)
    return {
        "caption": "",
        "header": list(section.columns),
        "rows": rows,
        "numeric": [False] * len(section.columns),
    }


def joined_names(item: PlanItem, names: list[str], gap: int = 0) -> str:
    """Names joined by the item's separators (one for all, or one per gap counted from ``gap``)."""
    marks = item.separators or "、"
    text = names[0] if names else ""
    for k, name in enumerate(names[1:]):
        text += (marks if len(marks) == 1 else marks[min(gap + k, len(marks) - 1)]) + name
    return text


def inline_text(item: PlanItem) -> str:
    """The written form of an item's units at the end of its last paragraph."""
    assert item.inline is not None
    text, gap = item.inline, 0
    for name in ("departments", "cooperating", "leader"):
        names: list[str] = getattr(item, name)
        text = text.replace("{" + name + "}", joined_names(item, names, gap))
        gap += max(len(names) - 1, 0)
    return text.replace("{deadline}", item.deadline or "")


def _plan_item(item: PlanItem, number: str, out: list[Block]) -> None:
    heading = Block("h3", heading=number + item.title)
    out.append(heading)
    first = True
    for name in ("goal", "measures"):
        for i, text in enumerate(getattr(item, name)):
            label = item.label(name) if i == 0 else ""
            if isinstance(text, Table):  # in place; a label before it stands on its own line
                if label:
                    out.append(Block("field", "", label=label))
                out.append(Block("table", table=_table(text)))
            elif first and item.run_in and name == "measures":
                heading.text = label + text
            else:
                out.append(Block("field", text, label=label))
            first = False
    if out[-1].kind == "table" and (item.inline is not None or item.departments_inline):
        out.append(Block("p"))  # units written at the end of the text close a paragraph
    last = out[-1]
    if item.inline is not None:
        last.text += inline_text(item)
    elif item.departments:
        departments = joined_names(item, item.departments) + item.departments_end
        if item.departments_inline:
            last.text += item.label("departments") + departments
        else:
            out.append(Block("field", departments, label=item.label("departments")))
    if item.inline is None:
        gap = max(len(item.departments) - 1, 0)
        for name in ("cooperating", "leader"):
            names: list[str] = getattr(item, name)
            if names:
                out.append(Block("field", joined_names(item, names, gap), label=item.label(name)))
                gap += len(names) - 1
        if item.deadline is not None:
            out.append(Block("field", item.deadline, label=item.label("deadline")))
    _paragraphs(list(item.paragraphs), out)


def _notice(notice: Notice) -> dict[str, Any]:
    # 份号 on line 1; 密级 and 紧急程度 on the lines below it, moving up when one is absent.
    marks = [line for line in (notice.secrecy, notice.urgency) if line]
    joint = len(notice.organs) > 1
    return {
        "copy_number": notice.copy_number or "",
        "marks": marks,
        "header_count": len(marks) + bool(notice.copy_number),
        "organs": [
            {"name": name, "scale": mark_scale(name, notice.mark_word, joint=joint)}
            for name in notice.organs
        ],
        "mark_word": notice.mark_word or "",
        "code": str(notice.code) if notice.code is not None else "",
        "signer": "、".join(notice.signer),
        "title": "\n".join(
            balance_title(notice.title[0]) if len(notice.title) == 1 else notice.title
        ),
        "recipients": "，".join(notice.recipients) + "：" if notice.recipients else "",
        "body": notice.body,
        "attachments": _attachments(notice.attachments),
        "signature": "\u3000\u3000".join(notice.signatories),
        "date": written_date(notice.date),
        "note": f"（{notice.note}）" if notice.note else "",
    }


def _attachments(names: list[str]) -> list[str]:
    if len(names) == 1:
        return [f"附件：{names[0]}"]
    lines = []
    for n, name in enumerate(names, start=1):
        lines.append(("附件：" if n == 1 else "\u3000\u3000\u3000") + f"{n}. {name}")
    return lines


def _colophon(document: Document) -> dict[str, Any] | None:
    notice = document.notice
    if notice is None or not (notice.cc or notice.printed_by):
        return None
    printed_on = notice.printed_on or notice.date
    return {
        "cc": f"抄送：{'，'.join(notice.cc)}。" if notice.cc else "",
        "printed_by": notice.printed_by or "",
        "printed_on": f"{written_date(printed_on)}印发" if notice.printed_by else "",
    }


def compose(document: Document) -> dict[str, Any]:
    """The render context: plain values and :class:`Block` lists, all text still unescaped."""
    printed: list[PrintedDocument] = []
    order = document.notice.prints if document.notice else ["summary", "plan"]
    for name in order:
        if name == "summary" and document.summary is not None:
            printed.append(compose_summary(document.summary))
        elif name == "plan" and document.plan is not None:
            printed.append(compose_plan(document.plan))
    for more in document.more:
        printed.append(compose_summary(more) if isinstance(more, Summary) else compose_plan(more))
    return {
        "notice": _notice(document.notice) if document.notice else None,
        "documents": printed,
        "colophon": _colophon(document),
    }
