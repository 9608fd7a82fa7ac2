"""The typed document: a notice (通知) and the summary (工作总结) and plan (工作要点) it prints.

The model holds content only. Numbers (一、 （一） 1.), dates as written and the look of the page
are computed later (compose) or owned by the template (render). Field metadata gives each field its
name in the standard's Chinese terms, used in error messages.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .formats import format_number
from .vocab import DEFAULT_LABELS, ROLES
from .vocab import PLACEHOLDER as PLACEHOLDER  # its home before vocab; importers keep working


def zh(name: str, **kw: Any) -> Any:
    """A dataclass field annotated with its Chinese name."""
    return field(metadata={"zh": name}, **kw)


@dataclass
class DocumentCode:
    """发文字号: 机关代字 + year in 〔〕 + serial + 号, e.g. 承教发〔2021〕1号.

    A serial of None (``serial: null`` in the data) is not yet assigned: 承教发〔2022〕【待填写】号.
    """

    agency: str = zh("机关代字")
    year: int = zh("年份")
    serial: int | None = zh("发文顺序号")

    def __str__(self) -> str:
        serial = PLACEHOLDER if self.serial is None else self.serial
        return f"{self.agency}〔{self.year}〕{serial}号"


@dataclass
class Column:
    """A table column: its heading and how its numbers are written."""

    name: str = zh("列名")
    format: Literal["text", "number", "percent", "万", "亿"] = zh("格式", default="text")
    decimals: int | None = zh("小数位数", default=None)


@dataclass
class Table:
    """A real Word table. Rows are given in the data, or read from a sheet of an .xlsx / a .csv."""

    columns: list[Column] = zh("列", default_factory=list)
    rows: list[list[str | int | float | None]] = zh("行", default_factory=list)
    caption: str | None = zh("表题", default=None)
    source: str | None = zh("数据文件", default=None)
    sheet: str | None = zh("工作表", default=None)

    def printed(self) -> tuple[str | None, list[Column], list[list[str]]]:
        """The table as a reader sees it: caption, columns and every cell as written."""
        cells = [
            [format_number(v, c) for v, c in zip(row, self.columns, strict=False)]
            for row in self.rows
        ]
        return self.caption, self.columns, cells

    def __eq__(self, other: object) -> bool:
        # Tables are content as printed: where the rows came from (a sheet) is not content, and
        # a sheet's 0.0319 printed as 3.2% is the same table as 0.032 read back from the page.
        if not isinstance(other, Table):
            return NotImplemented
        return self.printed() == other.printed()

    __hash__ = None  # type: ignore[assignment]


Block = str | Table


@dataclass
class Section:
    """A heading with its text. Level follows nesting: 一、 → （一） → 1. → （1）.

    ``run_in`` puts the heading at the start of its first paragraph, as in
    "（一）以铁肩精神，全力以赴投入疫情防控。面对突如其来的疫情……".
    """

    title: str = zh("标题")
    paragraphs: list[Block] = zh("段落", default_factory=list)
    subsections: list[Section] = zh("下级标题", default_factory=list)
    run_in: bool = zh("标题与段落同段", default=False)
    # The number as written (四、 （4） 4．), kept only where the document breaks the sequence or
    # the standard form; numbering continues from it.
    number: str | None = zh("编号", default=None)


@dataclass
class Summary:
    """工作总结."""

    title: str = zh("标题")
    preface: list[Block] = zh("导语", default_factory=list)
    sections: list[Section] = zh("部分", default_factory=list)
    marker: str | None = zh("附件标识", default=None)  # “附件2” above the title, as written


PLAN_FIELDS = ROLES


@dataclass
class PlanItem:
    """One numbered work item (1…N across all sections) with its 目标任务 / 工作措施 / 责任科室.

    ``labels`` keeps a label the way this item writes it (任务目标, 工作举措, or a whole prefix such
    as "目标任务: "); an empty label prints the field's text without one, which is how an item
    written as plain paragraphs keeps its text in ``measures``. A paragraph list whose first entry
    is empty puts the label on its own line.

    The units responsible: ``departments`` (the lead units, 责任科室/牵头单位), ``cooperating``
    (配合单位), ``leader`` (责任领导) and ``deadline`` (完成时限). Each prints as a labelled line,
    or, where ``inline`` holds the written form, at the end of the last paragraph, e.g.
    "（{departments}牵头，{cooperating}参与）": each {name} is replaced by the names (plain text
    replacement, never evaluated), joined by ``separators`` (one mark for all, or one per gap).
    """

    title: str = zh("标题")
    # Paragraphs, any of which may be a table (``- table: {...}``), as everywhere text is.
    goal: list[Block] = zh("目标任务", default_factory=list)
    measures: list[Block] = zh("工作措施", default_factory=list)
    departments: list[str] = zh("责任科室", default_factory=list)
    departments_end: str = zh("责任科室结尾标点", default="")
    labels: dict[str, str] = zh("字段标签", default_factory=dict)
    # Written at the end of the last paragraph, as in “…落实。（责任科室：基教科）”: the label then
    # holds the opening bracket and departments_end the closing one.
    departments_inline: bool = zh("责任科室随段", default=False)
    # Unlabelled text (or tables) after the fields.
    paragraphs: list[Block] = zh("其他段落", default_factory=list)
    number: str | None = zh("编号", default=None)  # as written, where it breaks the sequence
    cooperating: list[str] = zh("配合单位", default_factory=list)
    leader: list[str] = zh("责任领导", default_factory=list)
    deadline: str | None = zh("完成时限", default=None)
    inline: str | None = zh("随段写法", default=None)
    separators: str = zh("单位分隔符", default="")
    # "1.标题。正文……": the first paragraph of ``measures`` follows the title in its paragraph.
    run_in: bool = zh("标题与段落同段", default=False)
    cells: dict[str, str] = zh("其他列", default_factory=dict)  # a task table's other columns

    def label(self, name: str) -> str:
        """The written prefix of field ``name``: the label and its colon ("" for no label)."""
        written = self.labels.get(name, DEFAULT_LABELS[name])
        if written == "" or written[-1:] in ("：", ":", " ", "　"):
            return written
        return written + "："


@dataclass
class PlanSection:
    """A heading of the plan (一、) with its items; ``sections`` are groups under it (（一）)
    whose items continue the numbering."""

    title: str = zh("标题")
    items: list[PlanItem] = zh("工作任务", default_factory=list)
    paragraphs: list[Block] = zh("段落", default_factory=list)  # text between heading and items
    number: str | None = zh("编号", default=None)  # as written, where it breaks the sequence
    sections: list[PlanSection] = zh("下级标题", default_factory=list)
    run_in: bool = zh("标题与段落同段", default=False)
    # The headers of the task table (任务分解表) its items came from: they print as that table.
    columns: list[str] = zh("表格列", default_factory=list)

    def all_items(self) -> list[PlanItem]:
        return self.items + [item for group in self.sections for item in group.all_items()]


@dataclass
class Plan:
    """工作要点."""

    title: str = zh("标题")
    overview: list[str] = zh("总体思路", default_factory=list)
    overview_label: str = zh("总体思路标签", default="总体思路")
    sections: list[PlanSection] = zh("部分", default_factory=list)
    marker: str | None = zh("附件标识", default=None)  # “附件2” above the title, as written

    @property
    def items(self) -> list[PlanItem]:
        return [item for section in self.sections for item in section.all_items()]


Printable = Literal["summary", "plan"]


@dataclass
class Comment:
    """A reviewer's note (批注) on words of the document: shown in Word's margin, never printed."""

    text: str = zh("批注对象")  # the words it is about, as printed (its first occurrence)
    note: str = zh("批注内容")


@dataclass
class Notice:
    """The covering notice (通知) with its header block (版头), signature and end block (版记)."""

    organs: list[str] = zh("发文机关")
    code: DocumentCode | None = zh("发文字号")  # null: a notice without one (文号 无)
    title: list[str] = zh("标题")
    date: dt.date | None = zh("成文日期")  # null: not yet fixed (a draft), printed 【待填写】
    recipients: list[str] = zh("主送机关", default_factory=list)
    body: list[str] = zh("正文", default_factory=list)
    signature: list[str] = zh("署名", default_factory=list)
    mark_word: str | None = zh("发文机关标志后缀", default=None)
    signer: list[str] = zh("签发人", default_factory=list)
    copy_number: str | None = zh("份号", default=None)
    secrecy: str | None = zh("密级和保密期限", default=None)
    urgency: str | None = zh("紧急程度", default=None)
    attachments: list[str] = zh("附件说明", default_factory=list)
    note: str | None = zh("附注", default=None)
    cc: list[str] = zh("抄送机关", default_factory=list)
    printed_by: str | None = zh("印发机关", default=None)
    printed_on: dt.date | None = zh("印发日期", default=None)
    prints: list[Printable] = zh("印发文件", default_factory=list)

    @property
    def signatories(self) -> list[str]:
        return self.signature or self.organs


@dataclass
class Document:
    """One yearly document: the notice and the summary and plan it prints (each optional)."""

    notice: Notice | None = zh("通知", default=None)
    summary: Summary | None = zh("工作总结", default=None)
    plan: Plan | None = zh("工作要点", default=None)
    # Further documents in one file (a second plan, 附件2 …), printed after the summary and plan.
    more: list[Summary | Plan] = zh("其他文件", default_factory=list)
    # Text found outside the document (a web page's metadata and links, a table of contents): kept
    # so that nothing read is lost, never printed.
    front_matter: list[str] = zh("文前信息", default_factory=list)
    # Notes for whoever reviews the draft, built as Word comments (a draft's 待核对 sentences).
    comments: list[Comment] = zh("批注", default_factory=list)
    source: Path | None = field(default=None, compare=False, repr=False)

    def build(
        self,
        output: str | Path,
        *,
        template: str | Path | None = None,
        force: bool = False,
        allow_external: bool = False,
    ) -> Path:
        """Write this document as a .docx at ``output``, in ``template`` (default: a template.docx
        beside its data, else the bundled one); an existing file is replaced only with ``force``;
        a template that refers to files outside it is used only with ``allow_external``."""
        # The pipeline sits above the model: imported when called (the public API pins this
        # method), so that the model imports nothing of it when loaded.
        from .builder import build

        return build(self, output, template=template, force=force, allow_external=allow_external)

    def to_bytes(self, *, template: str | Path | None = None) -> bytes:
        """The .docx as bytes, for a script or a web service that never touches the disk."""
        from .builder import render_bytes  # above the model, as in build()

        return render_bytes(self, template)

    def save(self, output: str | Path, *, force: bool = False) -> Path:
        """Write this document's data as YAML at ``output`` (the form :func:`edureport.load`
        reads): all or nothing, and an existing file is replaced only with ``force``."""
        from .dump import save  # above the model, as in build()

        return save(self, output, force=force)
