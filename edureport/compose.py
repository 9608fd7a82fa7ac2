"""Compose: turn the model into what the template prints, numbered and formatted.

This is where heading numbers (一、 （一） 1. （1）), continuous plan item numbers, dates as written
(2021年4月6日), document codes and table numbers (thousands, percentages, 万/亿) are made. The data
never holds them; the template only places them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

from . import vocab
from .gbt9704 import MARK_SIZE, TEXT_W
from .letterhead import MARK_WIDTH, MARK_WIDTH_WITH_WORD
from .model import (
    PLACEHOLDER,
    Column,
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

LOCALE = "zh_CN"
_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 99 → 九十九 (the forms headings use)."""
    if not 1 <= n <= 99:
        raise ValueError(f"heading numbers run from 1 to 99, got {n}")
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
    raise ValueError(f"headings go four levels deep, not {level}")


def _ems(text: str) -> float:
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text)


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


def written_date(date: dt.date | None) -> str:
    """成文日期 as the standard writes it: 2021年4月6日 (Arabic numerals, no leading zeros).
    A date not yet fixed prints as the placeholder that `check` reports."""
    if date is None:
        return PLACEHOLDER
    return str(format_date(date, format="long", locale=LOCALE))


def format_number(value: str | int | float | None, column: Column) -> str:
    """A table cell as written: 1,234 · 92% · 4亿 · 1.5万, per the column's format."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    fmt, decimals = column.format, column.decimals
    if fmt == "text":
        return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    if decimals is None:
        pattern = "#,##0.##"
    if fmt == "percent":
        return str(format_percent(value, format=pattern + "%", locale=LOCALE))
    if fmt in ("万", "亿"):
        scaled = value / (10_000 if fmt == "万" else 100_000_000)
        return str(format_decimal(scaled, format=pattern, locale=LOCALE)) + fmt
    return str(format_decimal(value, format=pattern, locale=LOCALE))


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
    return {
        "caption": table.caption or "",
        "header": [c.name for c in table.columns],
        "rows": [
            [format_number(v, c) for v, c in zip(row, table.columns, strict=False)]
            for row in table.rows
        ],
        "numeric": [c.format != "text" for c in table.columns],
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
        out.append(Block(f"h{level}", text=text, heading=written + section.title))
        _paragraphs(rest, out)
        for item in section.items:
            counter[0], written = numbered(3, counter[0] + 1, item.number)
            _plan_item(item, written, out)
        _plan_sections(section.sections, level + 1, counter, out)


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
            if first and item.run_in and name == "measures":
                heading.text = label + text
            else:
                out.append(Block("field", text, label=label))
            first = False
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
        "title": "\n".join(notice.title),
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
        printed.append(
            compose_summary(more) if isinstance(more, Summary) else compose_plan(more)
        )
    return {
        "notice": _notice(document.notice) if document.notice else None,
        "documents": printed,
        "colophon": _colophon(document),
    }
