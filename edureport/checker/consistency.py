"""Text rules on a document agreeing with itself (T3…): heading numbers in sequence and no level
skipped, like paragraphs written alike (one form of a field label, one way of ending, a label run in
with its text), and titles that agree with the documents they name."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator

from ..i18n import _ as _t  # rule modules keep `_` for throwaway names
from ..vocab import CN_DIGITS, numeral_value
from .findings import Hit, Severity, Source, rule, span_hit
from .structure import Heading, label_of, parse_heading, part_paragraphs


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
            if problem and not h.auto:  # Word's numbering counts right by itself
                yield span_hit(
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
            yield span_hit(
                source,
                b.index,
                b.offset,
                b.offset + (0 if b.auto else len(b.label)),
                _t("heading {label} comes straight after {before}: a level is skipped").format(
                    label=b.label, before=a.label
                ),
            )


_ARABIC_RUN = re.compile(r"[0-9０-９]+")
_CHINESE_RUN = re.compile(r"[零一二三四五六七八九十百〇]+")
_WHITESPACE = re.compile(r"\s")


def _form(label: str) -> str:
    """A heading number's written form, the number left out and brackets taken as full-width
    (half-width ones are T203's): 1. 1、 1． （1） 一、 一."""
    arabic = _ARABIC_RUN.sub("1", label)
    return _CHINESE_RUN.sub("一", arabic).translate(_WIDE)


_WIDE = str.maketrans("()", "（）")


@rule("T308", "heading-form", "text")
def heading_form(source: Source) -> Iterator[Hit]:
    """Heading numbers of one level written two ways in one document (1. in most, 1、 in some;
    一、 and 一．), and a third level written 1、 where the standard writes 1.

    Clause: GB/T 9704-2012 7.3.3; 公文 editing practice (like elements written alike)
    """
    for part in source.structure.parts:
        by_level: dict[int, list[Heading]] = {}
        for h in part.headings:
            if not h.auto:
                by_level.setdefault(h.level, []).append(h)
        for hs in by_level.values():
            forms = Counter(_form(h.label) for h in hs)
            main, many = forms.most_common(1)[0]
            odd = [h for h in hs if _form(h.label) != main]
            if odd and many >= len(odd):  # a tie: the form used first is the rule
                example = next(h.label for h in hs if _form(h.label) == main)
                for h in odd:
                    yield span_hit(
                        source,
                        h.index,
                        h.offset,
                        h.offset + len(h.label),
                        _t(
                            "heading number {label} here, but {example} in the other headings "
                            "of this level ({n}); write them one way"
                        ).format(label=h.label, n=many, example=example),
                    )
            elif not odd and main == "1、" and len(hs) > 1:
                h = hs[0]
                yield span_hit(
                    source,
                    h.index,
                    h.offset,
                    h.offset + len(h.label),
                    _t(
                        "these {n} headings are numbered {label} …: after an Arabic number the "
                        "standard writes a full stop, {number}. (、 follows a Chinese numeral)"
                    ).format(n=len(hs), label=h.label, number=h.number),
                    severity=Severity.INFO,
                )


# 一是…二是…三是: an enumeration in running text, at the start of a sentence or clause.
_ENUMERATED = re.compile(
    r"(?:^|(?<=[。；;，,：:！？\s]))([一二三四五六七八九十]{1,3})是(?=[^\s，,。；])"
)


@rule("T309", "enumeration-sequence", "text")
def enumeration_sequence(source: Source) -> Iterator[Hit]:
    """An enumeration in the text (一是…二是…三是…) that skips or repeats a number; it counts
    on across the paragraphs under one heading and starts again under the next.

    Clause: 公文 editing practice (an enumeration counts on, like heading numbers)
    """
    s = source.structure
    for part in s.parts:
        expected: int | None = None
        for p in part_paragraphs(source.paragraphs, part):
            if p.index in s.headings:
                expected = None
            if "是" not in p.text:
                continue
            for m in _ENUMERATED.finditer(p.text):
                n = numeral_value(m.group(1))
                if n is None:
                    continue
                if n == 1 or expected is None or n == expected:
                    expected = n + 1 if n == 1 or expected is not None else None
                    continue
                problem = (
                    _t("skips: expected {word}").format(word=_cn(expected) + "是")
                    if n > expected
                    else _t("repeats or goes back after {word}").format(
                        word=_cn(expected - 1) + "是"
                    )
                )
                yield span_hit(
                    source,
                    p.index,
                    m.start(1),
                    m.end(),
                    _t("enumeration {word} {problem}").format(word=m.group(0), problem=problem),
                )
                expected = n + 1


def _cn(n: int) -> str:
    """一 … 九十九, as an enumeration writes its number."""
    tens, ones = divmod(n, 10)
    head = ("" if tens == 1 else CN_DIGITS[tens]) + "十" if tens else ""
    return head + (CN_DIGITS[ones] if ones else "")


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
                yield span_hit(
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
                    yield span_hit(
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
            yield span_hit(
                source,
                p.index,
                lab[1],
                end,
                _t(
                    "the label {label} stands alone; its text starts in the next paragraph "
                    "({paragraph})"
                ).format(label=lab[0], paragraph=nxt.index),
            )


# 2024年工作要点, and with words between: 2024年全市教育工作要点, 2023年度工作总结.
_YEAR_KIND = re.compile(
    r"(\d{4})年[^\d\s，。；：、《》〈〉“”]{0,12}?((?:工作)?(?:总结|要点|计划|方案|规划|报告))"
)


@rule("T306", "title-year", "text", Severity.ERROR)
def title_year(source: Source) -> Iterator[Hit]:
    """A title whose year disagrees with the document it heads: the notice names 2020年工作总结
    but the printed summary is titled with another year, or a summary titled 2020年 opens 2019年，.

    Clause: GB/T 9704-2012 7.3.1 (the title states the content accurately)
    """
    s = source.structure
    printed: dict[str, tuple[str, int, str]] = {}  # kind → (year, title paragraph, title)
    for part in s.parts:
        if part.kind != "document" or not part.titles:
            continue
        title = re.sub(r"\s", "", "".join(source.paragraph(i).text for i in part.titles))
        m = _YEAR_KIND.search(title)
        if not m:
            continue
        year, kind = m.group(1), m.group(2)
        printed.setdefault(kind, (year, part.titles[-1], title))
        body = [p for p in part_paragraphs(source.paragraphs, part) if p.text.strip()]
        lead = re.match(r"\s*(\d{4})年[，,]", body[0].text) if body else None
        if lead and lead.group(1) != year:
            yield span_hit(
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
                _year, at, title = printed[kind]
                start = 0 if offset < 0 else cited.start()
                end = len(source.paragraph(index).text) if offset < 0 else cited.end()
                yield span_hit(
                    source,
                    index,
                    start,
                    end,
                    _t(
                        "{named} named here, but the document printed is titled {title} "
                        "(paragraph {at})"
                    ).format(named=cited.group(0), title=title, at=at),
                )


_KIND_OF = re.compile(r"(?:工作)?(总结|要点|计划|方案|规划|报告)$")
# A printed name ends at its kind word: 的通知, 》, a bracket or the next name (和 及 暨) follows.
_NAME_END = ("", "的", "》", "〉", "（", "(", "和", "及", "与", "暨", "、")
_TASKS_OF = re.compile(r"任务|分解")
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
                if joined[m.end() : m.end() + 1] not in _NAME_END:
                    continue  # 印发2023年政府工作报告重点工作责任分解: the report is the source
                if kind and kind.group(1) not in printed:
                    yield span_hit(
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
    lines = {_WHITESPACE.sub("", p.text) for p in source.paragraphs[after:]}
    for p in part_paragraphs(source.paragraphs, notice[0]):
        if "印发" not in p.text:
            continue  # a document cited, not one this notice prints
        for m in _BOOK_KIND.finditer(p.text):
            kind = _KIND_OF.search(m.group(1))
            named = re.sub(r"\s", "", m.group(1))
            issued = p.text.find("印发", m.end())
            if issued < 0 or _TASKS_OF.search(p.text, m.end(), issued):
                continue  # 现将《政府工作报告》…工作任务予以分解印发: its tasks are printed, not it
            if kind and kind.group(1) not in printed and named not in lines:
                yield span_hit(
                    source,
                    p.index,
                    m.start(),
                    m.end(),
                    _t(
                        "{name} is named as printed here, but no document after the notice is "
                        "titled …{kind}"
                    ).format(name=m.group(0), kind=kind.group(1)),
                )
