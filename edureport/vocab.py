"""The words and written forms of a 公文, stated once for everything that reads documents.

parse, check and draft all recognise the same things — a 发文字号 in whatever bracket a typist
used, the kinds of 公文, urgency and secrecy words, heading numbers, dates written four ways, the
labels of a plan item's fields and the roles of the units named in them — so they read them here.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal


class _Pattern:
    """A regular expression compiled on first use: a build, which reads few of these, does not pay
    at start-up for the ones only parse and check use. Once compiled, the compiled pattern's own
    methods stand in the slots, so a match costs no more than with ``re.compile``."""

    __slots__ = ("_flags", "finditer", "fullmatch", "match", "pattern", "search", "split", "sub")
    _METHODS = ("finditer", "fullmatch", "match", "search", "split", "sub")

    match: Callable[..., re.Match[str] | None]
    search: Callable[..., re.Match[str] | None]
    fullmatch: Callable[..., re.Match[str] | None]
    finditer: Callable[..., Iterator[re.Match[str]]]
    sub: Callable[..., str]
    split: Callable[..., list[str]]

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern, self._flags = pattern, flags

    def __getattr__(self, name: str) -> Callable[..., object]:
        # called only while a method's slot is empty, that is before first use
        if name not in self._METHODS:
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self._flags)
        for method in self._METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)  # type: ignore[no-any-return]


HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# What an indent or a gap between words is made of in documents from the web and from Word.
SPACE = " \t\u00a0\u2002\u2003\u3000"
SENTENCE_END = "。！？!?"
# Marks text a draft leaves for the user; printed as is so that no draft goes out unfinished.
PLACEHOLDER = "【待填写】"
# A line ending in one of these does not end a paragraph's last sentence only when it is a heading.

# -- 公文 kinds, header words ------------------------------------------------------------------

# GB/T 9704 / 党政机关公文处理工作条例: the fifteen kinds, as the last words of a title.
KINDS = (
    "通知",
    "通报",
    "意见",
    "决定",
    "决议",
    "命令",
    "公告",
    "通告",
    "报告",
    "请示",
    "批复",
    "函",
    "纪要",
    "议案",
    "公报",
)
KIND_END = _Pattern(rf"(?:{'|'.join(KINDS)})$")
URGENCY = ("特急", "加急", "特提", "平急")
SECRECY = ("绝密", "机密", "秘密")
URGENCY_RE = _Pattern(rf"^(?:{'|'.join(URGENCY)})$")
SECRECY_RE = _Pattern(rf"^(?:{'|'.join(SECRECY)})(?:★\S*)?$")
COPY_NUMBER_RE = _Pattern(r"^\d{6}$")
# A line of the 版头 above the 发文字号 that is not the issuing-organ mark.
HEADER_WORD_RE = _Pattern(rf"^(?:\d{{6}}|(?:{'|'.join(SECRECY)})\S*|(?:{'|'.join(URGENCY)}))$")

# The printed documents a notice carries, by the last words of their titles.
PLAN_WORDS = (
    "要点",
    "计划",
    "安排",
    "打算",
    "规划",
    "方案",
    "意见",
    "任务分解表",
    "分解表",
    "责任分解",
    "任务分解",
    "任务分工",
    "任务清单",
    "清单",
)
SUMMARY_WORDS = ("总结", "报告", "汇报", "汇报材料")
_TITLE_WORDS = "|".join(PLAN_WORDS + SUMMARY_WORDS)
# (an essay site's tag after a title: …工作计划【优秀范文】, …工作计划范文)
DOC_TITLE_RE = _Pattern(
    rf"^[^，。；：:,;！？!?]{{2,60}}(?:(?:{_TITLE_WORDS})"
    rf"(?:[（(][^（）()]{{1,8}}[）)]|【[^【】]{{2,6}}】|范文(?:参考|精选)?)?"
    rf"|[（(][^（）()]{{1,40}}(?:{_TITLE_WORDS})[）)])$"
)

# -- 发文字号 ------------------------------------------------------------------------------------

CODE_OPEN = "〔［[【﹝（(〖"
CODE_CLOSE = "〕］]】﹞）)〗"
# A 发文字号 in any bracket, with spaces where a typist left them: 许政 [2020] 20号.
CODE_RE = _Pattern(
    rf"(?P<agency>[{HAN}]{{1,12}})\s*(?P<open>[{re.escape(CODE_OPEN)}])\s*(?P<year>\d{{4}})\s*"
    rf"(?P<close>[{re.escape(CODE_CLOSE)}])\s*(?P<di>第?)\s*(?P<serial>\d+|【[^】]{{1,6}}】)\s*号"
)
SIGNER_RE = _Pattern(r"^签发人\s*[：:]\s*(?P<names>.+)$")
# The 版记's lines: 抄送：…。 and “印发机关  印发日期印发”.
COLOPHON_CC_RE = _Pattern(r"^抄送\s*[：:]\s*(?P<names>.*)$")
COLOPHON_PRINTED_RE = _Pattern(r"^(?P<by>.+?)\s+(?P<date>\S+?)\s*印发$")


@dataclass(frozen=True)
class CodeMatch:
    agency: str
    year: int
    serial: int | None  # None: a placeholder such as 【待填写】
    start: int
    end: int


def find_code(text: str, *, at_start: bool = False) -> CodeMatch | None:
    """The first 发文字号 in ``text`` (at its start only, if asked), whatever its brackets."""
    m = CODE_RE.match(text) if at_start else CODE_RE.search(text)
    if m is None:
        return None
    serial = int(m["serial"]) if m["serial"].isdigit() else None
    return CodeMatch(m["agency"], int(m["year"]), serial, m.start(), m.end())


def is_code_line(text: str) -> bool:
    """The 发文字号 line: the code alone, or with 签发人：name after it."""
    text = text.strip(SPACE)
    m = CODE_RE.match(text)
    if not m:
        return False
    rest = text[m.end() :].strip(SPACE)
    return not rest or rest.startswith("签发人")


# -- Numerals and heading numbers ---------------------------------------------------------------

CN_DIGITS = "零一二三四五六七八九"
CN_YEAR_DIGITS = {c: i for i, c in enumerate(CN_DIGITS)} | {"〇": 0, "○": 0, "O": 0, "Ｏ": 0}
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def numeral_value(text: str) -> int | None:
    """The value of a heading number as written: 四、 → 4, （十二） → 12, 4． → 4; None if none."""
    digits = re.search(r"\d+", text)
    if digits:
        return int(digits.group())
    circled = next((CIRCLED.index(c) + 1 for c in text if c in CIRCLED), None)
    if circled is not None:
        return circled
    chinese = re.search(f"[{CN_DIGITS[1:]}十]+", text)
    if not chinese:
        return None
    word = chinese.group()
    tens, _, ones = word.rpartition("十")
    if "十" not in word:
        return CN_DIGITS.index(word) if len(word) == 1 else None
    value = (CN_DIGITS.index(tens) if tens else 1) * 10 + (CN_DIGITS.index(ones) if ones else 0)
    return value if len(tens) <= 1 and len(ones) <= 1 else None


_CN_NUMBER = "[一二三四五六七八九十]{1,3}"
# The heading numbers of the levels as documents write them, typed by hand included:
# 一、 · （一） or (一) · 1. 1． 1、 · （1） or (1) · ①.
HEADING_FORMS = (
    (1, _Pattern(rf"(?P<number>{_CN_NUMBER}\s*[、．.])(?![{CN_DIGITS}十])[{SPACE}]*")),
    (2, _Pattern(rf"(?P<number>[（(][{SPACE}]*{_CN_NUMBER}[{SPACE}]*[）)])[{SPACE}]*")),
    (3, _Pattern(rf"(?P<number>\d{{1,4}}[{SPACE}]*[.．、])(?![\d%％])[{SPACE}]*")),
    (4, _Pattern(rf"(?P<number>[（(][{SPACE}]*\d{{1,4}}[{SPACE}]*[）)])[{SPACE}]*")),
    (5, _Pattern(rf"(?P<number>[{CIRCLED}])[{SPACE}]*")),
)


@dataclass(frozen=True)
class HeadingNumber:
    """A heading number found at the start of a text."""

    level: int
    written: str  # as written, e.g. “（四）” or “2．”
    value: int  # 4, 2; 0 where the numeral cannot be read
    rest: str  # the text after the number (and any spaces)


_HEADING_START = frozenset("一二三四五六七八九十（(0123456789" + CIRCLED)


@functools.lru_cache(maxsize=8192)
def match_heading(text: str) -> HeadingNumber | None:
    """The heading number ``text`` starts with, if any (a line is asked several times: cached)."""
    if not text or text[0] not in _HEADING_START:
        return None
    for level, pattern in HEADING_FORMS:
        m = pattern.match(text)
        if m:
            written = m["number"]
            return HeadingNumber(level, written, numeral_value(written) or 0, text[m.end() :])
    return None


# -- Dates -------------------------------------------------------------------------------------

_DATE_PATTERNS = (
    _Pattern(r"^(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"),
    _Pattern(
        r"^(?P<y>[〇○零OＯ一二三四五六七八九]{4})\s*年\s*(?P<m>[一二三四五六七八九十]{1,2})\s*月"
        r"\s*(?P<d>[一二三四五六七八九十]{1,3})\s*日"
    ),
    _Pattern(r"^(?P<y>\d{4})\s*[-./／]\s*(?P<m>\d{1,2})\s*[-./／]\s*(?P<d>\d{1,2})"),
)
# A date with the parts run together or missing: 20223月23日, 2024327, 2024年3月, 2024年13月,
# or spoken 号 for 日: 2024年3月27号.
DATE_LIKE_RE = _Pattern(
    r"^(?:\d{5,8}(?:月\d{1,2}日)?|\d{4,6}\s*年?\s*\d{1,3}\s*月\s*\d{1,3}\s*[日号]?)$"
)


# 成文日期 as people write it, right or wrong: two- to four-digit years, Chinese numerals, 04月.
DATE_WRITTEN_RE = _Pattern(
    r"^(?P<y>\d{2,4}|[〇○零OＯ一二三四五六七八九]{2,4})\s*年\s*(?P<m>\d{1,2}|[〇○零一二三四五六七八九十]{1,2})"
    r"\s*月\s*(?P<d>\d{1,2}|[〇○零一二三四五六七八九十]{1,3})\s*日$"
)
DATE_NUMERIC_RE = _Pattern(r"^\d{4}[./-]\d{1,2}[./-]\d{1,2}$")


def is_date_like(text: str) -> bool:
    """A line that is meant as a date, whether or not it is a valid one (20223月23日 too)."""
    text = text.strip(SPACE)
    return (
        bool(DATE_WRITTEN_RE.match(text) or DATE_NUMERIC_RE.match(text) or DATE_LIKE_RE.match(text))
        or parse_date(text) is not None
    )


def parse_date(text: str) -> dt.date | None:
    """A date written 2021年4月6日, 二〇二一年四月六日, 2021-04-06, 2021.4.6 or 2021/4/6."""
    text = text.strip(SPACE)
    for pattern in _DATE_PATTERNS:
        m = pattern.match(text)
        if m is None or m.end() != len(text):
            continue
        y, mo, d = m["y"], m["m"], m["d"]
        try:
            if y.isdigit():
                return dt.date(int(y), int(mo), int(d))
            month, day = numeral_value(mo), numeral_value(d)
            if month is None or day is None:
                return None
            return dt.date(int("".join(str(CN_YEAR_DIGITS[c]) for c in y)), month, day)
        except ValueError:
            return None
    return None


# -- Plan item fields and the roles of units --------------------------------------------------

Role = Literal["goal", "measures", "departments", "cooperating", "leader", "deadline"]
ROLES: tuple[Role, ...] = ("goal", "measures", "departments", "cooperating", "leader", "deadline")
DEFAULT_LABELS: dict[str, str] = {
    "goal": "目标任务",
    "measures": "工作措施",
    "departments": "责任科室",
    "cooperating": "配合单位",
    "leader": "责任领导",
    "deadline": "完成时限",
}
FIELD_LABELS: dict[str, Role] = {
    **dict.fromkeys(("目标任务", "任务目标", "工作目标", "主要目标", "具体目标"), "goal"),
    **dict.fromkeys(
        ("工作措施", "工作举措", "主要措施", "具体措施", "推进措施", "主要举措", "具体举措"),
        "measures",
    ),
    **dict.fromkeys(
        (
            "牵头责任单位",
            "责任科室",
            "责任单位",
            "责任处室",
            "责任部门",
            "牵头单位",
            "牵头科室",
            "牵头部门",
            "牵头处室",
            "主责单位",
            "主责科室",
            "承办单位",
            # a county bureau's offices are 股 and 股室; “（牵头：A；配合：B）” names no office kind
            "责任股室",
            "牵头股室",
            "主责股室",
            "牵头",
        ),
        "departments",
    ),
    **dict.fromkeys(
        (
            "主要协作单位",
            "配合单位",
            "配合科室",
            "配合部门",
            "配合处室",
            "配合股室",
            "配合",
            "协作单位",
            "协办单位",
            "协同单位",
            "参与单位",
            "责任(配合)单位",
            "责任（配合）单位",
        ),
        "cooperating",
    ),
    **dict.fromkeys(
        ("责任领导", "牵头领导", "分管领导", "责任人", "分管县领导", "分管区领导", "分管市领导"),
        "leader",
    ),
    **dict.fromkeys(("完成时限", "时间节点", "完成时间", "时限要求", "完成期限"), "deadline"),
}


def label_word(written: str, role: Role) -> str | None:
    """The word of ``role`` a written label or column header holds: “（牵头单位：” → 牵头单位."""
    text = re.sub(r"\s+", "", written)
    words = [w for w, r in FIELD_LABELS.items() if r == role and w in text]
    return max(words, key=len) if words else None


def shared_units_role(lead_label: str, label: str) -> Role:
    """The role of units labelled ``label`` after units labelled ``lead_label``: 责任单位
    written after 牵头单位 names the units that share the work (配合):
    “牵头单位：A 责任单位：B、C”."""
    role = FIELD_LABELS[label]
    lead = lead_label.lstrip("（(【[ 　")
    if role == "departments" and lead.startswith(("牵头", "主责")) and label.startswith("责任"):
        return "cooperating"
    return role


_LABEL_WORDS = "|".join(re.escape(w) for w in sorted(FIELD_LABELS, key=len, reverse=True))
FIELD_RE = _Pattern(
    rf"^(?P<prefix>(?P<label>{_LABEL_WORDS})[{SPACE}]*[：:][{SPACE}]*)(?P<text>.*)$"
)
LABEL_PAIR_RE = _Pattern(rf"(?P<label>{_LABEL_WORDS})[{SPACE}]*[：:][{SPACE}]*")
OVERVIEW_RE = _Pattern(
    r"^(?P<prefix>(?P<label>总体思路|总体要求|指导思想|工作思路|总体目标|基本思路)"
    rf"[{SPACE}]*[：:][{SPACE}]*)(?P<text>.*)$"
)
# "（A牵头，B、C参与）", "（A负责）": the role follows the names.
LEAD_VERBS = ("牵头负责", "牵头", "负责", "主责", "主抓")
COOPERATE_VERBS = (
    "按职责分工负责",
    "按职责分工落实",
    "按照职责分工负责",
    "按职责负责",
    "分工负责",
    "配合",
    "参与",
    "协助",
    "协同",
    "协作",
)
# "排在第一位的为牵头单位，下同" and its variants: lists after it name the lead unit first.
LEGEND_RE = _Pattern(
    r"(?:排名|排在|列)?第一(?:位|个)?(?:的)?(?:单位)?(?:为|是)(?:牵头|主要责任|主责)(?:单位|部门|科室)?"
    r"|(?:牵头单位|牵头部门)(?:排|列)(?:在)?(?:第一|首位)"
)
# The end of a name a unit of government has: 局 委 办 院 …
UNIT_END = (
    "局",
    "委",
    "办",
    "院",
    "会",
    "部",
    "厅",
    "科",
    "室",
    "处",
    "股",
    "中心",
    "政府",
    "单位",
    "学校",
    "馆",
    "站",
    "队",
    "所",
    "公司",
    "集团",
    "社",
    "团",
    "联",
    "协",
    "校",
    "园",
    "组",
    "办公室",
    "委员会",
    "管委会",
    "等",
    "各部门",
    "各单位",
    "直属单位",
    "各学校",
)


def looks_like_unit(name: str) -> bool:
    """A short name ending as the names of offices do (市教育局, 机关党委, 各县<市、区>人民政府)."""
    name = name.strip(SPACE)
    return 1 < len(name) <= 30 and not re.search(r"[。；！？]", name) and name.endswith(UNIT_END)


_OPENERS = "（(〔【《<〈["
_HAS_OPENER = re.compile(f"[{re.escape(_OPENERS)}]")


@functools.lru_cache(maxsize=16)
def _separated_by(separators: str) -> re.Pattern[str]:
    return re.compile(f"([{re.escape(separators)}])")


def split_names(text: str, separators: str = "、，,；;") -> tuple[list[str], str]:
    """Names and the separators between them, not split inside brackets: 局机关各科室（馆、站）."""
    names: list[str] = []
    gaps: list[str] = []
    if _HAS_OPENER.search(text) is None:  # the usual list: no bracket to keep whole
        pieces = _separated_by(separators).split(text)
        names, gaps = [p.strip(SPACE) for p in pieces[::2]], pieces[1::2]
    else:
        current: list[str] = []
        depth = 0
        for ch in text:
            if ch in _OPENERS:
                depth += 1
            elif ch in "）)〕】》>〉]" and depth:
                depth -= 1
            if ch in separators and depth == 0:
                names.append("".join(current).strip(SPACE))
                gaps.append(ch)
                current = []
            else:
                current.append(ch)
        names.append("".join(current).strip(SPACE))
    while names and not names[-1]:
        names.pop()
        if gaps:
            gaps.pop()
    return [n for n in names if n], "".join(gaps)


def undistribute(text: str) -> str:
    """ "承  德  市  教  育  局" → "承德市教育局": the spaces of distributed alignment."""
    parts = text.split()
    if len(parts) > 1 and all(len(p) == 1 for p in parts):
        return "".join(parts)
    return text


# -- Task decomposition tables (任务分解表): which column holds what -----------------------------

TASK_COLUMNS: dict[str, tuple[str, ...]] = {
    "number": ("序号", "编号"),
    "group": ("类别", "项目", "领域", "板块", "工作类别", "重点领域", "分类"),
    "title": (
        "工作任务",
        "重点任务",
        "主要任务",
        "任务名称",
        "具体任务",
        "工作事项",
        "任务",
        "事项",
        "工作内容",
        "主要内容",
    ),
    "measures": (
        "工作措施",
        "具体措施",
        "主要措施",
        "推进措施",
        "工作举措",
        "措施",
        "实施步骤",
        "具体内容",
    ),
}


# A task table's headers word for word (a table flattened one cell a line is found by them).
TASK_HEADERS = frozenset(
    [*(word for words in TASK_COLUMNS.values() for word in words), *FIELD_LABELS, "备注"]
)


def column_role(name: str, index: int = -1) -> str | None:
    """What a task table's column holds, by its header: a field of the item, or None."""
    name = re.sub(r"\s+", "", name)
    role: str | None = FIELD_LABELS.get(name)
    if role is None:
        role = next((r for r, words in TASK_COLUMNS.items() if name in words), None)
    if role is None:
        role = next((r for r, words in TASK_COLUMNS.items() if any(w in name for w in words)), None)
    if role is None:
        role = next((r for w, r in FIELD_LABELS.items() if w in name), None)
    if role is None and not name and index == 0:
        role = "label"  # the corner cell: the rows' own labels
    return role


def task_columns(header: list[str]) -> dict[str, int] | None:
    """The columns of a task table by role, or None if ``header`` is not one: it names the task
    (or its target or measures) and who does it or by when."""
    found: dict[str, int] = {}
    for c, name in enumerate(header):
        role = column_role(name, c)
        name = re.sub(r"\s+", "", name)
        if role == "departments" and "departments" in found and name in FIELD_LABELS:
            lead = re.sub(r"\s+", "", header[found["departments"]])
            role = shared_units_role(lead, name)  # 牵头单位 | 责任单位: the second column 配合
        if role is not None and role not in found:
            found[role] = c
    if not ({"title", "goal", "measures"} & found.keys()):
        return None
    if not ({"departments", "cooperating", "deadline", "leader"} & found.keys()):
        return None
    return found
