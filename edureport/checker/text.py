"""Text rules: what a proofreader checks in the words, on a .docx or a .txt alike.

Each rule is one function; its id and name are in its decorator, its clause in its docstring. Slips
that are part of a document's wording are warnings; a wrong form of the document's own 发文字号 or
成文日期, or a title whose year disagrees with the document it heads, is an error.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator

from ..i18n import N_
from ..i18n import _ as _t  # `_` is a throwaway name in this module
from ..model import PLACEHOLDER
from ..vocab import parse_date
from .findings import Fix, Hit, Position, Rule, Severity, Source, excerpt, rule
from .structure import (
    CN_DIGITS,
    CODE_RE,
    DATE_NUMERIC_RE,
    DATE_RE,
    HAN,
    Heading,
    label_of,
    parse_heading,
    part_paragraphs,
)

_HAN_RE = re.compile(f"[{HAN}]")
# Full-width punctuation and brackets: a neighbour that makes the context Chinese.
CN_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】〔〕［］「」『』—…·～"


def _han(ch: str) -> bool:
    return bool(ch) and bool(_HAN_RE.match(ch))


def _chinese(ch: str) -> bool:
    return _han(ch) or (bool(ch) and ch in CN_PUNCT)


def _hit(source: Source, index: int, start: int, end: int, message: str, **kw: object) -> Hit:
    text = source.paragraph(index).text
    return Hit(Position(index, start, excerpt(text, start, end)), message, **kw)  # type: ignore[arg-type]


_LEADING_ZERO = re.compile(r"\d{4}年(0\d)月|\d{1,2}月(0\d)日")
_ROUND = re.compile(r"\(([^()]*)\)")
_BOOK = re.compile(r"《[^《》]*》")
_ANGLE = re.compile(r"<([^<>]*)>")
_SPACES = re.compile(r" +")
_YEAR_IN_BRACKETS = re.compile(r"[〔\[［（(【﹝〖]\s*\d{4}\s*[〕\]］）)】﹞〗]")


@rule("T101", "code-form", "text", Severity.ERROR)
def code_form(source: Source) -> Iterator[Hit]:
    """发文字号 written as 机关代字〔年份〕序号号: six-sided brackets 〔〕, no 第, no leading zero.

    Wrong on the document's own 发文字号 is an error; in a code cited in the text, a warning.
    Clause: GB/T 9704-2012 7.2.4
    """
    own = source.structure.code
    for p in source.paragraphs:
        if not _YEAR_IN_BRACKETS.search(p.text):
            continue  # cheap test first: most paragraphs cite no code
        for m in CODE_RE.finditer(p.text):
            severity = Severity.ERROR if p.index == own else Severity.WARNING
            code = m.group(0)[m.start("agency") - m.start() :]
            where = (
                _t("the 发文字号")
                if p.index == own
                else _t("the cited code {code}").format(code=code)
            )
            if (m.group("open"), m.group("close")) != ("〔", "〕"):
                old = p.text[m.start("open") : m.end("close")]
                new = "〔" + m.group("year") + "〕"
                yield _hit(
                    source,
                    p.index,
                    m.start("open"),
                    m.end(),
                    _t("{where} uses {brackets} around the year; write 〔{year}〕").format(
                        where=where,
                        brackets=m.group("open") + m.group("close"),
                        year=m.group("year"),
                    ),
                    severity=severity,
                    fix=Fix(p.index, m.start("open"), old, new),
                )
            if m.group("di"):
                yield _hit(
                    source,
                    p.index,
                    m.start("di"),
                    m.end(),
                    _t("{where} has 第 before the serial number; the standard writes no 第").format(
                        where=where
                    ),
                    severity=severity,
                )
            serial = m.group("serial")
            if serial.isdigit() and len(serial) > 1 and serial.startswith("0"):
                yield _hit(
                    source,
                    p.index,
                    m.start("serial"),
                    m.end(),
                    _t(
                        "{where} has a leading zero in its serial number {serial}; write {n}"
                    ).format(where=where, serial=serial, n=int(serial)),
                    severity=severity,
                )


@rule("T102", "date-form", "text", Severity.ERROR)
def date_form(source: Source) -> Iterator[Hit]:
    """成文日期 in Arabic numerals with the full year and no leading zeros: 2021年4月6日.

    Dates in the text with a leading zero (2021年04月) are warnings.
    Clause: GB/T 9704-2012 7.3.5.1; GB/T 15835-2011
    """
    dated = source.structure.date
    for p in source.paragraphs:
        text = p.text.strip()
        lead = len(p.text) - len(p.text.lstrip())
        if p.index == dated or (
            dated is None and (DATE_RE.match(text) or DATE_NUMERIC_RE.match(text))
        ):
            if DATE_NUMERIC_RE.match(text):
                yield _hit(
                    source,
                    p.index,
                    lead,
                    lead + len(text),
                    _t("成文日期 written {text}; write it as 2021年4月6日").format(text=text),
                )
                continue
            m = DATE_RE.match(text)
            if m is None or (len(m["y"]) == 4 and m["y"].isdigit() and parse_date(text) is None):
                if p.index == dated and text != PLACEHOLDER:
                    yield _hit(
                        source,
                        p.index,
                        lead,
                        lead + len(text),
                        _t(
                            "成文日期 written {text} is not a date; write it as 2021年4月6日"
                        ).format(text=text),
                    )
                continue
            y, mo, d = m.group("y"), m.group("m"), m.group("d")
            if any(c in CN_DIGITS + "十" for c in y + mo + d):
                yield _hit(
                    source,
                    p.index,
                    lead,
                    lead + len(text),
                    _t(
                        "成文日期 in Chinese numerals; "
                        "the 2012 standard writes it in Arabic numerals (2021年4月6日)"
                    ),
                )
            elif len(y) != 4:
                yield _hit(
                    source,
                    p.index,
                    lead,
                    lead + len(text),
                    _t("成文日期 with a two-digit year; write the year in full"),
                )
            elif mo.startswith("0") or d.startswith("0"):
                yield _hit(
                    source,
                    p.index,
                    lead,
                    lead + len(text),
                    _t("成文日期 with a leading zero; write {date}").format(
                        date=f"{y}年{int(mo)}月{int(d)}日"
                    ),
                )
            continue
        for m in _LEADING_ZERO.finditer(p.text):
            yield _hit(
                source,
                p.index,
                m.start(),
                m.end(),
                _t("date {date} with a leading zero").format(date=m.group(0)),
                severity=Severity.WARNING,
            )


_PAIRS = {
    "“": "”",
    "‘": "’",
    "《": "》",
    "〈": "〉",
    "（": "）",
    "【": "】",
    "〔": "〕",
    "「": "」",
}
_CLOSERS = {v: k for k, v in _PAIRS.items()}
_NO_NESTING = {"“", "‘"}
_DOUBLE_QUOTES = re.compile("[“”]")
_MARKS = re.compile(
    "[" + re.escape("".join(_PAIRS) + "".join(_CLOSERS)) + "]"
)  # Chinese quotes of one kind never nest directly


def _quote_direction_fixes(text: str) -> list[tuple[int, str]]:
    """Double quotes whose direction is wrong, when the even count makes the intent clear."""
    positions = [m.start() for m in _DOUBLE_QUOTES.finditer(text)]
    if len(positions) % 2:
        return []
    return [(i, "“”"[k % 2]) for k, i in enumerate(positions) if text[i] != "“”"[k % 2]]


@rule("T201", "unpaired", "text")
def unpaired(source: Source) -> Iterator[Hit]:
    """Quotation marks, brackets and book-title marks that open without closing, or close without
    opening, within a paragraph.

    Clause: GB/T 15834-2011 4.1, 4.9, 4.10, 4.15
    """
    for p in source.paragraphs:
        direction_only = bool(_quote_direction_fixes(p.text))
        stacks: dict[str, list[int]] = {}
        for mark in _MARKS.finditer(p.text):
            i, ch = mark.start(), mark.group()
            if direction_only and ch in "“”":
                continue
            if ch in _PAIRS:
                stack = stacks.setdefault(ch, [])
                if ch in _NO_NESTING and stack:
                    j = stack.pop()
                    yield _hit(
                        source,
                        p.index,
                        j,
                        j + 1,
                        _t(
                            "{mark} opens here and another {mark} opens before a closing {close}"
                        ).format(mark=ch, close=_PAIRS[ch]),
                    )
                stack.append(i)
            elif ch in _CLOSERS:
                stack = stacks.setdefault(_CLOSERS[ch], [])
                if stack:
                    stack.pop()
                else:
                    yield _hit(
                        source,
                        p.index,
                        i,
                        i + 1,
                        _t("{mark} closes here but nothing opened it in this paragraph").format(
                            mark=ch
                        ),
                    )
        for opener, stack in stacks.items():
            for j in stack:
                yield _hit(
                    source,
                    p.index,
                    j,
                    j + 1,
                    _t("{mark} opens here and is not closed with {close}").format(
                        mark=opener, close=_PAIRS[opener]
                    ),
                )


@rule("T202", "quote-direction", "text")
def quote_direction(source: Source) -> Iterator[Hit]:
    """Paired double quotes turned the wrong way (” where “ opens, or “ where ” closes).

    Clause: GB/T 15834-2011 4.1
    """
    for p in source.paragraphs:
        for i, new in _quote_direction_fixes(p.text):
            yield _hit(
                source,
                p.index,
                i,
                i + 1,
                _t("quotation mark {mark} should be {new} here").format(mark=p.text[i], new=new),
                fix=Fix(p.index, i, p.text[i], new),
            )


_FULL = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}
_CANDIDATES = re.compile(r'[,;:!?()"\-.]')


def _next_visible(text: str, i: int) -> tuple[str, int]:
    j = i
    while j < len(text) and text[j] == " ":
        j += 1
    return (text[j] if j < len(text) else ""), j


@rule("T203", "half-width", "text")
def half_width(source: Source) -> Iterator[Hit]:
    """Half-width punctuation inside Chinese text: , ; : ! ? ( ) " -- ... and < > inside 《》.

    Between digits (4:6, 1.5) half-width marks are right and are left alone.
    Clause: GB/T 15834-2011 3.1, 4.15.3
    """
    for p in source.paragraphs:
        text = p.text
        done: set[int] = set()
        # Round brackets with Chinese inside or beside them: one finding for the pair.
        for m in _ROUND.finditer(text):
            a, b = m.start(), m.end()
            before = text[a - 1] if a else ""
            after = text[b] if b < len(text) else ""
            if _HAN_RE.search(m.group(1)) or _chinese(before) or _chinese(after):
                done.update((a, b - 1))
                yield _hit(
                    source,
                    p.index,
                    a,
                    b,
                    _t("half-width brackets {mark} in Chinese text").format(mark=m.group(0)),
                    fix=Fix(p.index, a, m.group(0), f"（{m.group(1)}）"),
                )
        # Inner book-title marks written < > inside 《》.
        for m in _BOOK.finditer(text) if "<" in text else ():
            for inner in _ANGLE.finditer(m.group(0)):
                a = m.start() + inner.start()
                done.update((a, a + len(inner.group(0)) - 1))
                yield _hit(
                    source,
                    p.index,
                    a,
                    a + len(inner.group(0)),
                    _t("inner book-title marks written < >; inside 《》 use 〈〉"),
                    fix=Fix(p.index, a, inner.group(0), f"〈{inner.group(1)}〉"),
                )
        quotes = [i for i, c in enumerate(text) if c == '"'] if '"' in text else []
        for candidate in _CANDIDATES.finditer(text):
            i, ch = candidate.start(), candidate.group()
            if i in done:
                continue
            prev = text[i - 1] if i else ""
            nxt, j = _next_visible(text, i + 1)
            if ch in _FULL:
                if ch == ":" and prev.isdigit() and nxt.isdigit():
                    continue
                if _chinese(prev) or _han(nxt):
                    old = text[i:j] if _chinese(nxt) else ch
                    yield _hit(
                        source,
                        p.index,
                        i,
                        i + 1,
                        _t("half-width {mark} in Chinese text; write {full}").format(
                            mark=ch, full=_FULL[ch]
                        ),
                        fix=Fix(p.index, i, old, _FULL[ch]),
                    )
            elif ch in "()":
                if _chinese(prev) or _han(nxt):
                    full = "（" if ch == "(" else "）"
                    yield _hit(
                        source,
                        p.index,
                        i,
                        i + 1,
                        _t("half-width {mark} in Chinese text; write {full}").format(
                            mark=ch, full=full
                        ),
                        fix=Fix(p.index, i, ch, full),
                    )
            elif ch == '"':
                if _chinese(prev) or _han(nxt):
                    k = quotes.index(i)
                    fix = Fix(p.index, i, ch, "“”"[k % 2]) if len(quotes) % 2 == 0 else None
                    yield _hit(
                        source,
                        p.index,
                        i,
                        i + 1,
                        'straight quote " in Chinese text; write “ ”',
                        fix=fix,
                    )
            elif ch == "-" and text[i : i + 2] == "--" and prev != "-":
                run = re.match(r"-+", text[i:])
                assert run is not None
                if _chinese(prev) and _chinese(
                    text[i + len(run.group(0)) : i + len(run.group(0)) + 1]
                ):
                    yield _hit(
                        source,
                        p.index,
                        i,
                        i + len(run.group(0)),
                        _t("{mark} used as a dash in Chinese text; write ——").format(
                            mark=run.group(0)
                        ),
                        fix=Fix(p.index, i, run.group(0), "——"),
                    )
            elif ch == "." and text[i : i + 3] == "..." and prev != "." and _chinese(prev):
                run = re.match(r"\.+", text[i:])
                assert run is not None
                yield _hit(
                    source,
                    p.index,
                    i,
                    i + len(run.group(0)),
                    _t("... in Chinese text; write ……"),
                    fix=Fix(p.index, i, run.group(0), "……"),
                )
            elif ch == "." and _han(prev) and not ((nxt.isascii() and nxt.isalnum()) or nxt == "."):
                yield _hit(
                    source,
                    p.index,
                    i,
                    i + 1,
                    _t("half-width . at the end of a Chinese sentence; write 。"),
                    fix=Fix(p.index, i, ch, "。"),
                )


def _leading_space_is_odd(source: Source) -> bool:
    filled = [p for p in source.paragraphs if p.text.strip()]
    indented = sum(1 for p in filled if p.text[:1] in (" ", "\u3000", "\t"))
    return 0 < indented * 4 <= len(filled)


@rule("T204", "stray-space", "text")
def stray_space(source: Source) -> Iterator[Hit]:
    """Spaces between Chinese characters and digits (召开 2021 年), after or before full-width
    punctuation (、 专业化), and a paragraph's stray leading spaces. Spaces between Chinese words
    (joint organ names, 承  德  市 spread out) and the ideographic space U+3000 are left alone.

    Clause: GB/T 15834-2011 3.1 (full-width marks take their own space); 公文 typing practice
    """
    odd_leading = _leading_space_is_odd(source)
    for p in source.paragraphs:
        text = p.text
        for m in _SPACES.finditer(text):
            a, b = m.start(), m.end()
            if b == len(text):
                continue  # trailing spaces print nothing
            if a == 0:
                if odd_leading and text.strip():
                    yield _hit(
                        source,
                        p.index,
                        a,
                        b,
                        "the paragraph starts with spaces that no other paragraph has",
                        fix=Fix(p.index, a, m.group(0), ""),
                    )
                continue
            prev, nxt = text[a - 1], text[b]
            why = None
            if (_han(prev) and nxt.isdigit()) or (prev.isdigit() and _han(nxt)):
                why = _t("between a Chinese character and a number")
            elif prev in CN_PUNCT and (_chinese(nxt) or nxt.isalnum()):
                why = _t("after {mark}").format(mark=prev)
            elif nxt in CN_PUNCT and (_han(prev) or prev.isdigit()) and nxt not in "“‘（《〈【":
                why = _t("before {mark}").format(mark=nxt)
            if why:
                yield _hit(
                    source,
                    p.index,
                    a,
                    b,
                    _t("stray space {why}").format(why=why),
                    fix=Fix(p.index, a, m.group(0), ""),
                )


def _continues(prev_part: dict[int, int], heading: Heading, last_any: int | None) -> str | None:
    """None if the number follows on; else what is wrong with it."""
    expected = prev_part.get(heading.level)
    ok = {expected + 1} if expected is not None else {1}
    if last_any is not None:
        ok.add(last_any + 1)  # numbered on across sections (plan items 1…34)
    if heading.number in ok:
        return None
    base = expected if expected is not None else last_any
    if base is not None and heading.number == base:
        return _t("repeats the number before it")
    if base is not None and heading.number < base:
        return _t("goes back after {number}").format(number=base)
    want = _t(" or ").join(str(n) for n in sorted(ok))
    return _t("skips: expected number {number}").format(number=want)


@rule("T301", "heading-sequence", "text")
def heading_sequence(source: Source) -> Iterator[Hit]:
    """Heading numbers that skip, repeat or go back (一、二、四、); numbering restarts under a new
    parent heading or runs on across them (items 1…34 of a plan), and restarts in each document.

    Clause: GB/T 9704-2012 7.3.3
    """
    for part in source.structure.parts:
        last: dict[int, int] = {}  # last number per level under the current parent
        last_any: dict[int, int] = {}  # last number per level in the whole part
        for h in part.headings:
            problem = _continues(last, h, last_any.get(h.level))
            if problem:
                yield _hit(
                    source,
                    h.index,
                    h.offset,
                    h.offset + len(h.label),
                    _t("heading number {label} {problem}").format(label=h.label, problem=problem),
                )
            last[h.level] = h.number
            last_any[h.level] = h.number
            for deeper in [lv for lv in last if lv > h.level]:
                del last[deeper]


@rule("T302", "heading-level-skip", "text")
def heading_level_skip(source: Source) -> Iterator[Hit]:
    """A heading level skipped going down (一、 then 1. with no （一）), unless the document uses
    that scheme throughout (a plan whose numbered items sit directly under 一、 二、 …).

    Clause: GB/T 9704-2012 7.3.3
    """
    for part in source.structure.parts:
        hs = part.headings
        levels = {h.level for h in hs}
        pairs = list(itertools.pairwise(hs))
        for a, b in pairs:
            if b.level <= a.level + 1:
                continue
            children = [y.level for x, y in pairs if x.level == a.level and y.level > x.level]
            skipped = set(range(a.level + 1, b.level))
            if all(c == b.level for c in children) and not (skipped & levels):
                continue  # a consistent scheme, not a slip
            yield _hit(
                source,
                b.index,
                b.offset,
                b.offset + len(b.label),
                _t("heading {label} comes straight after {before}: a level is skipped").format(
                    label=b.label, before=a.label
                ),
            )


def _labels(source: Source) -> Iterator[tuple[int, list[tuple[int, str, int]]]]:
    """Per part: (part number, [(paragraph, label, offset)])."""
    for n, part in enumerate(source.structure.parts):
        found = []
        for p in part_paragraphs(source.paragraphs, part):
            if p.index in source.structure.headings:
                continue
            lab = label_of(p.text)
            if lab:
                found.append((p.index, lab[0], lab[1]))
        yield n, found


def _variants(a: str, b: str) -> bool:
    if a == b or len(a) != len(b) or len(a) < 4:
        return False
    return sum((Counter(a) - Counter(b)).values()) <= 1


@rule("T303", "label-consistency", "text")
def label_consistency(source: Source) -> Iterator[Hit]:
    """A field label used in two forms within one document (目标任务 in most items, 任务目标 in one;
    工作措施 and 工作举措).

    Clause: GB/T 9704-2012 7.3.3 (one structure throughout); 公文 editing practice
    """
    for _, found in _labels(source):
        counts = Counter(label for _, label, _ in found)
        rivalry = {
            label: [o for o in counts if _variants(label, o) and counts[o] > counts[label]]
            for label in counts
        }
        for index, label, offset in found:
            rivals = rivalry[label]
            if rivals:
                main = max(rivals, key=lambda o: counts[o])
                yield _hit(
                    source,
                    index,
                    offset,
                    offset + len(label),
                    _t("label {label} here; the other {n} use {main}").format(
                        label=label, n=counts[main], main=main
                    ),
                )


def _ending(text: str) -> str:
    t = text.rstrip()
    return "。" if t.endswith("。") else ("?" if t and t[-1] in "；，、：！？.;,:!?" else "")


@rule("T304", "end-punctuation", "text")
def end_punctuation(source: Source) -> Iterator[Hit]:
    """The odd one out in how like paragraphs end: a heading of one level, or a field with one
    label, ending with 。 where (nearly) all others have none, or the other way round.

    Clause: GB/T 15834-2011 4.1.3; 公文 editing practice (like elements written alike)
    """
    for n, part in enumerate(source.structure.parts):
        groups: dict[str, list[tuple[int, str]]] = {}
        for h in part.headings:
            if not h.run_in:
                groups.setdefault(f"level {h.level}", []).append(
                    (h.index, _ending(source.paragraph(h.index).text))
                )
        for part_no, found in _labels(source):
            if part_no == n:
                for index, label, _ in found:
                    ending = _ending(source.paragraph(index).text)
                    groups.setdefault(label, []).append((index, ending))
        for name, members in groups.items():
            counts = Counter(e for _, e in members if e != "?")
            if len(counts) != 2:
                continue
            (_common, many), (rare, few) = counts.most_common()
            if many < 3 or few * 3 > many:
                continue
            heading = name.startswith("level")
            if rare == "。":
                message = (
                    _t("this heading ends with 。; the other {n} have none")
                    if heading
                    else _t("this {label} line ends with 。; the other {n} have none")
                )
            else:
                message = (
                    _t("this heading has no 。 at its end; the other {n} have 。")
                    if heading
                    else _t("this {label} line has no 。 at its end; the other {n} have 。")
                )
            for index, ending in members:
                if ending == rare:
                    text = source.paragraph(index).text.rstrip()
                    where = len(text) - 1
                    yield _hit(
                        source, index, where, where + 1, message.format(n=many, label=name)
                    )


def _alone(text: str, label: str) -> bool:
    t = text.strip()
    return t[-1:] in ("：", ":") and t[:-1].strip() == label


@rule("T305", "label-alone", "text")
def label_alone(source: Source) -> Iterator[Hit]:
    """A field label on a line of its own (工作措施：) with its text in the next paragraph, where
    the same label runs in with its text elsewhere.

    Clause: 公文 editing practice (a label runs in with its text)
    """
    filled = [p for p in source.paragraphs if p.text.strip()]
    inline = Counter(
        lab[0] for p in filled if (lab := label_of(p.text)) and not _alone(p.text, lab[0])
    )
    for p, nxt in itertools.pairwise(filled):
        lab = label_of(p.text)
        if lab is None or not _alone(p.text, lab[0]):
            continue
        if not inline[lab[0]]:
            continue  # a label never run in with its text elsewhere: the document's own style
        if label_of(nxt.text) is None and parse_heading(nxt) is None:
            end = len(p.text.rstrip())
            yield _hit(
                source,
                p.index,
                lab[1],
                end,
                _t(
                    "the label {label} stands alone; its text starts in the next paragraph "
                    "({paragraph})"
                ).format(label=lab[0], paragraph=nxt.index),
            )


_YEAR_KIND = re.compile(r"(\d{4})年\s*((?:工作)?(?:总结|要点|计划|方案|规划|报告))")


@rule("T306", "title-year", "text", Severity.ERROR)
def title_year(source: Source) -> Iterator[Hit]:
    """A title whose year disagrees with the document it heads: the notice names 2020年工作总结
    but the printed summary is titled with another year, or a summary titled 2020年 opens 2019年，.

    Clause: GB/T 9704-2012 7.3.1 (the title states the content accurately)
    """
    s = source.structure
    printed: dict[str, tuple[str, int]] = {}  # kind → (year, title paragraph)
    for part in s.parts:
        if part.kind != "document" or not part.titles:
            continue
        title = re.sub(r"\s", "", "".join(source.paragraph(i).text for i in part.titles))
        m = _YEAR_KIND.search(title)
        if not m:
            continue
        year, kind = m.group(1), m.group(2)
        printed.setdefault(kind, (year, part.titles[-1]))
        body = [p for p in part_paragraphs(source.paragraphs, part) if p.text.strip()]
        lead = re.match(r"\s*(\d{4})年[，,]", body[0].text) if body else None
        if lead and lead.group(1) != year:
            yield _hit(
                source,
                body[0].index,
                lead.start(1),
                lead.end(),
                _t("the {kind} titled {year}年 opens with {lead}年").format(
                    kind=kind, year=year, lead=lead.group(1)
                ),
                severity=Severity.WARNING,
            )
    # Where the notice names the documents it prints: its title (maybe over lines) and body.
    cites: list[tuple[int, int, str]] = []  # (paragraph, offset, text searched)
    if s.notice_title:
        joined = re.sub(r"\s", "", "".join(source.paragraph(i).text for i in s.notice_title))
        cites.append((s.notice_title[0], -1, joined))
    for part in s.parts:
        if part.kind == "notice":
            cites += [(p.index, 0, p.text) for p in part_paragraphs(source.paragraphs, part)]
    for index, offset, text in cites:
        for cited in _YEAR_KIND.finditer(text):
            kind = cited.group(2)
            if kind in printed and printed[kind][0] != cited.group(1):
                year, at = printed[kind]
                start = 0 if offset < 0 else cited.start()
                end = len(source.paragraph(index).text) if offset < 0 else cited.end()
                yield _hit(
                    source,
                    index,
                    start,
                    end,
                    _t(
                        "{named} named here, but the document printed is titled {title} "
                        "(paragraph {at})"
                    ).format(named=cited.group(0), title=f"{year}年{kind}", at=at),
                )


_KIND_OF = re.compile(r"(?:工作)?(总结|要点|计划|方案|规划|报告)$")
_BOOK_KIND = re.compile(r"《([^《》]{0,40}?(?:总结|要点|计划|方案|规划|报告))》")


@rule("T307", "named-not-printed", "text", Severity.ERROR)
def named_not_printed(source: Source) -> Iterator[Hit]:
    """The notice names a document it prints (《2024年工作要点》, 印发…工作要点的通知) that is not
    printed after it: the notice and what it prints disagree.

    Clause: GB/T 9704-2012 7.3.1, 8.2 (印发 notice: the title names what it prints)
    """
    s = source.structure
    if not s.is_notice:
        return
    printed = set()
    for part in s.parts:
        if part.kind == "document" and part.titles:
            title = re.sub(r"\s", "", "".join(source.paragraph(i).text for i in part.titles))
            kind = _KIND_OF.search(title)
            if kind:
                printed.add(kind.group(1))
    notice = [part for part in s.parts if part.kind == "notice"]
    if not notice:
        return
    if s.notice_title:
        first = s.notice_title[0]
        joined = re.sub(r"\s", "", "".join(source.paragraph(i).text for i in s.notice_title))
        if "印发" in joined:
            for m in _YEAR_KIND.finditer(joined):
                kind = _KIND_OF.search(m.group(2))
                if kind and kind.group(1) not in printed:
                    yield _hit(
                        source,
                        first,
                        0,
                        len(source.paragraph(first).text),
                        _t(
"the title names {name} as printed, but no document after the notice "
                            "is titled …{kind}"
                        ).format(name=m.group(0), kind=kind.group(1)),
                    )
    # A title the structure does not take for one (no year in it) still counts when a paragraph
    # after the notice reads exactly the name.
    after = notice[0].end
    lines = {re.sub(r"\s", "", p.text) for p in source.paragraphs[after:]}
    for p in part_paragraphs(source.paragraphs, notice[0]):
        if "印发" not in p.text:
            continue  # a document cited, not one this notice prints
        for m in _BOOK_KIND.finditer(p.text):
            kind = _KIND_OF.search(m.group(1))
            named = re.sub(r"\s", "", m.group(1))
            if kind and kind.group(1) not in printed and named not in lines:
                yield _hit(
                    source,
                    p.index,
                    m.start(),
                    m.end(),
                    _t(
"{name} is named as printed here, but no document after the notice is "
                        "titled …{kind}"
                    ).format(name=m.group(0), kind=kind.group(1)),
                )


# What `edureport draft` leaves for the user: 【待填写】 to write, 【待核对】 to review.
_PLACEHOLDER_RE = re.compile(r"【待[^】]{0,20}】")


@rule("T401", "placeholder", "text", Severity.ERROR)
def placeholder(source: Source) -> Iterator[Hit]:
    """A draft's placeholder (【待填写】, 【待核对】) is still in the text: the draft is unfinished.

    Clause: edureport draft (every placeholder is written or reviewed before the document goes out)
    """
    for p in source.paragraphs:
        for m in _PLACEHOLDER_RE.finditer(p.text):
            what = N_("to write") if m.group(0) == "【待填写】" else N_("to review")
            message = _t("{mark}: {what} before it goes out").format(
                mark=m.group(0), what=_t(what)
            )
            yield _hit(source, p.index, m.start(), m.end(), message)


RULES: tuple[Rule, ...] = (
    code_form,
    date_form,
    unpaired,
    quote_direction,
    half_width,
    stray_space,
    heading_sequence,
    heading_level_skip,
    label_consistency,
    end_punctuation,
    label_alone,
    title_year,
    named_not_printed,
    placeholder,
)
