"""Recognise the parts of a 公文 in its lines: the one reading that parse, check and draft share.

Real documents reach us as Word files made by hand, as text copied from a web page, or as text
that went through a PDF. So the lines are first repaired — paragraphs run together are split at
the places a paragraph must have ended, lines hard-wrapped by a PDF are joined, page numbers and
indents are taken out — and then the parts are found by evidence, not by position: a notice is
recognised from any of its 发文字号, 关于…的通知 title, 主送 line, 印发 sentence, signature and
date, so a web copy without the red mark, or a notice without a 发文字号, is still a notice.

Nothing is dropped here: every line ends up in exactly one part, and lines that belong to no part
(a web page's metadata, a table of contents) are returned as front matter.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from .errors import Location
from .vocab import (
    DOC_TITLE_RE,
    FIELD_LABELS,
    HEADER_WORD_RE,
    KIND_END,
    PLAN_WORDS,
    SENTENCE_END,
    SIGNER_RE,
    SPACE,
    SUMMARY_WORDS,
    find_code,
    is_code_line,
    is_date_like,
    looks_like_unit,
    match_heading,
    parse_date,
    undistribute,
)

# -- Units: lines and tables with where they stood -----------------------------------------------


@dataclass
class Line:
    text: str
    where: Location
    paragraph: int = 0  # the source paragraph (or text line) it came from; lines of one share it
    style: str | None = None
    level: int | None = None  # the heading level its style gives, if any


@dataclass
class TableUnit:
    rows: list[list[str]]
    numeric: list[bool | None]  # per column, from the template's cell styles where there are any
    where: Location
    paragraph: int = 0


Unit = Line | TableUnit
Warn = Callable[[Location, str], None]

_PAGE_NUMBER = re.compile(
    r"^[-—–－\s]*\d{1,3}[-—–－\s]*$|^第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?$"
)
_TOC_LINE = re.compile(r"^.{2,60}?[.．…·\s]{4,}\d{1,3}$")
# Where a paragraph must have ended though no line break says so (text from a web page).
_AFTER_SENTENCE = re.compile(rf"(?<=[。！？；])[{SPACE}]+(?=\S)")
_TRAILING_DATE = re.compile(
    rf"^(?P<head>.*\S)[{SPACE}]+(?P<date>(?:\d{{4}}|[〇○零一二三四五六七八九]{{4}})\s*年[^{SPACE}]{{2,10}}日)$"
)


def _clean(text: str) -> str:
    return text.strip(SPACE + "\r\n")


def prepare(units: list[Unit], warn: Warn) -> list[Unit]:
    """Repair the lines of a source: drop blank lines and page numbers, split run-together
    paragraphs, join hard-wrapped lines. Tables pass through."""
    out: list[Unit] = []
    page_break = False
    after_break: set[int] = set()  # lines that followed a page number: maybe one sentence
    units = _page_chunks(units, warn)
    for unit in units:
        if isinstance(unit, TableUnit):
            out.append(unit)
            continue
        text = _clean(unit.text)
        if not text:
            continue
        if _PAGE_NUMBER.match(text) and len(text) <= 12:
            warn(unit.where, f"a page number “{text}” is left out")
            page_break = True
            continue
        for k, piece in enumerate(_split(text)):
            line = Line(piece, unit.where, unit.paragraph, unit.style, unit.level)
            if page_break and k == 0:
                after_break.add(id(line))
            out.append(line)
        page_break = False
    out = _flattened_tables(out, warn)
    out = _split_headings(out)
    return _join_wrapped(out, after_break)


_FUSED_TITLE_END = re.compile(
    rf"(?:{'|'.join(PLAN_WORDS + SUMMARY_WORDS)})(?=\d{{4}}年|本文内容|今年|为全面|为深入)"
)
_TITLE_CHARS = re.compile(r"[^，。；：:,;！？《》“”\s]+$")


def _fused_titles(text: str) -> list[tuple[int, int]]:
    """Where titles run straight into the text after them, in a page that lost its line breaks
    ("…2019年工作要点2019年全市教育工作的总体思路是…"). A title is cut as the longest stretch
    before the kind word that the page repeats (a web page repeats its title), else as the words
    since the last mark."""
    found: list[tuple[int, int]] = []
    for m in _FUSED_TITLE_END.finditer(text):
        end = m.end()
        words = _TITLE_CHARS.search(text[max(0, end - 40) : end])
        if words is None or len(words.group()) < 4:
            continue
        run = words.group()
        start = end - len(run)
        for k in range(len(run) - 4):
            if text.count(run[k:]) >= 2:
                start = end - len(run) + k
                break
        if not found or start >= found[-1][1]:
            found.append((start, end))
    return found


_CHUNK = re.compile(r"^(?P<n>\d{1,3})、[" + SPACE + r"]*")


def _page_chunks(units: list[Unit], warn: Warn) -> list[Unit]:
    """A document site's page chunks: long lines numbered 1、 2、 3、 that break off mid-word. The
    numbers are the site's, not the document's: the chunks are joined into one text again."""
    lines = [u for u in units if isinstance(u, Line) and _clean(u.text)]
    numbered = [(u, _CHUNK.match(_clean(u.text))) for u in lines]
    chunks = [(u, m) for u, m in numbered if m is not None]
    if len(chunks) < 2 or [int(m["n"]) for _, m in chunks] != list(range(1, len(chunks) + 1)):
        return units
    if len(chunks) != len(lines) or not all(
        _clean(u.text)[-1] not in SENTENCE_END for u, _ in chunks[:-1]
    ):
        return units
    if sum(len(u.text) for u, _ in chunks[:-1]) < 100 * (len(chunks) - 1):
        return units
    first = chunks[0][0]
    warn(first.where, "page numbers of a document site (1、 2、 …) are left out, its pieces joined")
    text = "".join(_clean(u.text)[m.end() :] for u, m in chunks)
    return [Line(text, first.where, first.paragraph, first.style, first.level)]


def _split(text: str) -> list[str]:
    """Pieces of one line that are paragraphs of their own."""
    titles = _fused_titles(text) if len(text) > 100 else []
    if titles:
        pieces, start = [], 0
        for begin, end in titles:
            pieces += [text[start:begin], text[begin:end]]
            start = end
        return [p for chunk in [*pieces, text[start:]] if chunk for p in _split_plain(chunk)]
    return _split_plain(text)


_SPACES = frozenset(SPACE)


def _split_plain(text: str) -> list[str]:
    spaced = not _SPACES.isdisjoint(text)
    if not spaced and "号" not in text[:40]:
        return [text]  # the usual paragraph: nothing run together in it
    pieces: list[str] = []
    # 发文字号 fused to the title: 吉教发[2015]1号关于印发…的通知
    code = find_code(text, at_start=True) if "号" in text[:40] else None
    if code is not None and code.end < len(text) and not is_code_line(text):
        rest = text[code.end :].strip(SPACE)
        if rest.startswith(("关于", "《")) or KIND_END.search(rest):
            pieces.append(text[: code.end].strip(SPACE))
            text = rest
    parts = _AFTER_SENTENCE.split(text) if spaced else [text]
    for part in parts:
        # "… 附件:… 吉林省教育厅 2015年3月10日": a signature and date at the end of a line
        m = _TRAILING_DATE.match(part) if spaced and part.endswith("日") else None
        if m and parse_date(m["date"]) is not None:
            head = m["head"]
            sig = re.match(
                rf"^(?P<head>.*\S)[{SPACE}]+(?P<sig>[^{SPACE}，。,；;：:]{{2,30}})$", head
            )
            if sig and not sig["head"].endswith(("：", ":")):
                pieces.extend([sig["head"], sig["sig"], m["date"]])
            else:
                pieces.extend([head, m["date"]])
        else:
            pieces.append(part)
    return [p for p in (_clean(p) for p in pieces) if p]


# The headers of a task table's columns, as cells flattened one per line show them.
TABLE_HEADERS = frozenset(
    [
        "序号",
        "编号",
        "类别",
        "项目",
        "工作任务",
        "重点任务",
        "主要任务",
        "具体任务",
        "任务",
        "工作内容",
        "工作措施",
        "具体措施",
        "主要措施",
        "工作举措",
        "备注",
        *FIELD_LABELS,
    ]
)
_DEADLINE = re.compile(
    r"^(?:\d{1,2}(?:[-—~～至]\d{1,2})?月(?:份|底|前|中旬|上旬|下旬)?"
    r"|\d{4}年(?:\d{1,2}月)?(?:底|前|年底|上半年|下半年)?(?:前)?"
    r"|全年|长期|长期坚持|持续推进|年底前|上半年|下半年|常态化)$"
)


def _is_cell_label(text: str) -> bool:
    return (
        len(text) <= 10
        and not re.search(r"[。，,；;：:（(|【\[\]]", text)
        and not _DEADLINE.match(text)
        and match_heading(text) is None
    )


def _flattened_tables(units: list[Unit], warn: Warn) -> list[Unit]:
    """A task table copied from a web page as one cell a line: header cells (任务目标, 完成时限),
    then rows of a label, its text and maybe a deadline, made a table again."""
    out: list[Unit] = []
    k = 0
    while k < len(units):
        unit = units[k]
        headers: list[Line] = []
        j = k
        while j < len(units) and isinstance(units[j], Line):
            text = _text(units[j])
            if len(text) > 16:
                break
            name = re.sub(f"[{SPACE}]", "", undistribute(text))
            if name not in TABLE_HEADERS:
                break
            headers.append(units[j])  # type: ignore[arg-type]
            j += 1
        if len(headers) < 2:
            out.append(unit)
            k += 1
            continue
        rows: list[list[str]] = []
        while j < len(units):
            labels: list[str] = []
            t = j
            while t < len(units) and _is_cell_label(_text(units[t])) and len(labels) < 3:
                labels.append(_text(units[t]))
                t += 1
            texts: list[str] = []
            while t < len(units) and isinstance(units[t], Line) and not _is_cell_label(
                _text(units[t])
            ) and not _DEADLINE.match(_text(units[t])):
                texts.append(_text(units[t]))
                t += 1
            if not labels or not texts:
                break
            deadline = ""
            if t < len(units) and _DEADLINE.match(_text(units[t])):
                deadline = _text(units[t])
                t += 1
            rows.append(["".join(labels), "".join(texts), deadline])
            j = t
        if len(rows) < 2:
            out.append(unit)
            k += 1
            continue
        names = [re.sub(f"[{SPACE}]", "", undistribute(h.text)) for h in headers]
        header = names if len(names) == 3 else ["", *names][:3]
        warn(headers[0].where, "a table flattened to one cell a line is read as a table")
        out.append(TableUnit([header, *rows], [None] * 3, headers[0].where, headers[0].paragraph))
        k = j
    return out


# A heading number inside a line; where it may start a paragraph is decided by what precedes it.
_INLINE_NUMBER = re.compile(
    r"[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,3}[.．、](?!\d)"
)
_ENDS = "。！？；;"


def _cut_points(text: str) -> list[int]:
    """Where a numbered heading could begin inside ``text``: after a sentence's end or a space,
    or, for an Arabic number, right after a Chinese character (…现代化1.抓好…)."""
    cuts = []
    for m in _INLINE_NUMBER.finditer(text, 1):
        at = m.start()
        before = text[at - 1]
        if before in _ENDS or before in SPACE:
            cuts.append(at)
        elif text[at].isdigit() and "\u4e00" <= before <= "\u9fff":
            # a digit glued to a word starts a heading only if its number continues the sequence
            while at > 0 and text[at - 1].isdigit():
                at -= 1
            cuts.append(at)
    return cuts


def _split_headings(units: list[Unit]) -> list[Unit]:
    """Split lines where a numbered heading runs on inline ("…落实。 二、加强… 1.抓好…").

    A split is made only where the number continues the document's sequence at its level, so a
    "1." inside a sentence or "统一、" is never taken for a heading.
    """
    expected: dict[int, int] = {}
    last: dict[int, int] = {}  # not reset by a heading above: plan items number on across them
    out: list[Unit] = []

    def seen(text: str) -> None:
        h = match_heading(text)
        if h is not None and h.value:
            expected[h.level] = last[h.level] = h.value + 1
            for deeper in range(h.level + 1, 6):
                expected.pop(deeper, None)

    for unit in units:
        if isinstance(unit, TableUnit) or len(unit.text) < 8:
            if isinstance(unit, Line):
                seen(unit.text)
            out.append(unit)
            continue
        text = unit.text
        cuts = _cut_points(text) if _INLINE_NUMBER.search(text, 1) else []
        pieces: list[str] = []
        start = 0
        seen(text)
        for cut in sorted(set(cuts)):
            if cut <= start:
                continue
            h = match_heading(text[cut:])
            if h is None or not h.value or not h.rest.strip():
                continue
            if h.value not in (expected.get(h.level, 1), last.get(h.level), 1):
                continue
            # a "1." restarts a level only under a new heading of the level above
            restart = h.value == 1 and h.level in expected and expected[h.level] != 1
            if restart and not any(lv < h.level for lv in expected):
                continue
            pieces.append(text[start:cut])
            start = cut
            seen(text[cut:])
        pieces.append(text[start:])
        if len(pieces) == 1:
            out.append(unit)
            continue
        for piece in pieces:
            piece = _clean(piece)
            if piece:
                out.append(Line(piece, unit.where, unit.paragraph, unit.style, unit.level))
    return out


def _join_wrapped(units: list[Unit], after_break: set[int]) -> list[Unit]:
    """Join lines hard-wrapped at a fixed width (text that came through a PDF), and a sentence
    that a page number cut in two.

    Only when many lines share one length is the text wrapped; then a line of that length that
    does not end a sentence runs on into the next, unless the next is a heading.
    """
    lines = [u for u in units if isinstance(u, Line)]
    lengths = Counter(len(u.text) for u in lines if len(u.text) >= 20)
    width = 0
    if lengths and len(lines) >= 6:
        common, _ = lengths.most_common(1)[0]
        near = sum(c for n, c in lengths.items() if common - 1 <= n <= common + 1)
        if near >= max(4, 0.3 * len(lines)):
            width = common
    out: list[Unit] = []
    for unit in units:
        previous = out[-1] if out else None
        if (
            isinstance(unit, Line)
            and isinstance(previous, Line)
            and ((width and len(previous.text) >= width - 1) or id(unit) in after_break)
            and previous.text[-1] not in SENTENCE_END + "；;：:"
            and match_heading(unit.text) is None
            and not (id(unit) in after_break and is_doc_title(previous))
        ):
            previous.text += unit.text
            continue
        out.append(unit)
    return out


# -- The parts ----------------------------------------------------------------------------------

_ISSUE_SENTENCE = re.compile(
    r"(?:现|特)?将.{0,80}印发给你们|现予印发|现印发给|予以印发|印发给你们|印发给各"
)
_RECIPIENT_HINT = re.compile(r"各|、|，|,|局|委|校|单位|部门|处室|科室|政府|【待填写】")
_TOC_TITLE = re.compile(r"^目\s*录$")
_TOC_ENTRY = re.compile(r"^.{2,80}?[\s.．…·]*\d{1,4}$")
_NOTE = re.compile(r"^[（(](?P<note>[^（）()]{2,40})[）)]$")
_ATTACHMENT_MARK = re.compile(r"^附件\s*\d*[：:]?$")
_ATTACHMENT = re.compile(r"^附件\s*\d*\s*[：:]\s*\S")
_TITLE_WRAPPER = re.compile(r"^《(?P<title>.+)》$")
_METADATA = re.compile(
    r"发布(?:时间|日期|机构)|信息来源|来源[：:]|阅读次数|浏览|点击|字体|【(?!待填写|待核对)[^】]{1,6}】"
)
_YEAR = re.compile(r"\d{4}|[〇○零一二三四五六七八九]{4}")


@dataclass
class NoticeParts:
    header: list[Line] = field(default_factory=list)  # above the title: mark, code, 份号 …
    title: list[Line] = field(default_factory=list)
    recipients: Line | None = None
    body: list[Unit] = field(default_factory=list)
    signature: list[Line] = field(default_factory=list)
    date: Line | None = None
    note: Line | None = None


@dataclass
class DocumentPart:
    kind: str  # "summary" or "plan"
    title: Line | None
    body: list[Unit] = field(default_factory=list)
    marker: Line | None = None  # the 附件 line above the title


@dataclass
class Recognised:
    front: list[Line] = field(default_factory=list)
    notice: NoticeParts | None = None
    documents: list[DocumentPart] = field(default_factory=list)


def is_doc_title(line: Line) -> bool:
    """The title of a printed document: 2021年工作要点, 泰安市…任务分解表 (not a heading)."""
    if line.style in ("GwDocTitle", "GwDocTitleFirst"):
        return True
    text = line.text
    return (
        len(text) <= 70
        and match_heading(text) is None
        and bool(DOC_TITLE_RE.match(text))
        and not is_code_line(text)
        and "印发" not in text
    )


def _is_notice_title_end(text: str) -> bool:
    m = _TITLE_WRAPPER.match(text)
    inner = m["title"] if m else text
    return (
        bool(KIND_END.search(inner)) and not re.search(r"[。；！？]", inner) and len(inner) <= 120
    )


def _is_recipients(text: str) -> bool:
    return (
        text[-1:] in "：:"
        and 2 <= len(text) <= 300
        and match_heading(text) is None
        and not text.startswith(("附件", "特此"))
        and not _METADATA.search(text)
        and bool(_RECIPIENT_HINT.search(text))
        and not re.search(r"[。！？]", text)
    )


def _is_date_line(text: str) -> bool:
    return is_date_like(text) or text.strip(SPACE) == "【待填写】"


def _short_name(text: str) -> bool:
    """A signature or mark line: a name, not a sentence."""
    return (
        0 < len(text) <= 60
        and not re.search(r"[。，；：:,;！？]", text)
        and match_heading(text) is None
        and "关于" not in text
    )


def recognise(units: list[Unit]) -> Recognised:
    """The parts of a document's (prepared) units."""
    result = Recognised()
    # A table of contents (目录, lines ending in leaders and a page number) is not text to place.
    lines = []
    in_toc = False  # after 目录: entries end in their page number, with or without leaders
    for unit in units:
        text = _text(unit)
        if _TOC_TITLE.match(text):
            in_toc = True
        elif in_toc and not _TOC_ENTRY.match(text):
            in_toc = False
        if in_toc or _TOC_LINE.match(text):
            result.front.append(unit)  # type: ignore[arg-type]
        else:
            lines.append(unit)
    notice, start, end, unplaced = _find_notice(lines)
    if notice is not None:
        for unit in lines[:start]:
            if isinstance(unit, Line):
                result.front.append(unit)
        result.front.extend(unplaced)
        result.notice = notice
        rest = lines[end:]
    else:
        rest = lines
    result.documents = _documents(rest, result, notice is not None)
    return result


def _anchor(lines: list[Unit]) -> int | None:
    """The 主送 line or the 印发 sentence: where a notice shows itself."""
    limit = min(len(lines), 80)
    for k in range(limit):
        unit = lines[k]
        if not isinstance(unit, Line):
            continue
        h = match_heading(unit.text)
        if h is not None and h.level <= 2 and k > 3:
            break
        if _is_recipients(unit.text):
            return k
    for k in range(limit):
        unit = lines[k]
        if isinstance(unit, Line) and _ISSUE_SENTENCE.search(unit.text) and len(unit.text) < 400:
            return k
    return None


def _text(unit: Unit) -> str:
    return unit.text if isinstance(unit, Line) else ""


def _title_before(lines: list[Unit], k: int) -> list[int]:
    """The notice title ending at ``k``: one line, or up to four when the first holds 关于."""
    if not (isinstance(lines[k], Line) and _is_notice_title_end(_text(lines[k]))):
        return []
    if "关于" in _text(lines[k]):
        return [k]
    for j in range(k - 1, max(k - 4, -1), -1):
        t = _text(lines[j])
        if (
            not t
            or len(t) > 60
            or is_code_line(t)
            or HEADER_WORD_RE.match(t)
            or t.endswith("文件")
            or re.search(r"[。；！？，,：:]", t)
        ):
            break
        if "关于" in t:
            return list(range(j, k + 1))
    return [k]


def _header_above(lines: list[Unit], k: int) -> list[int]:
    """The 版头 lines ending at ``k``: 发文字号, 签发人, 份号, 密级, 紧急程度 and the mark. Organ
    lines count only in a block that also holds a 发文字号 or a “…文件” mark."""
    block: list[int] = []
    while k >= 0 and isinstance(lines[k], Line):
        t = _text(lines[k])
        header = is_code_line(t) or SIGNER_RE.match(t) or HEADER_WORD_RE.match(t)
        if header or (_short_name(t) and not _is_date_line(t) and not is_doc_title(lines[k])):  # type: ignore[arg-type]
            block.insert(0, k)
        else:
            break
        k -= 1
    marked = [i for i in block if is_code_line(_text(lines[i])) or _is_mark(_text(lines[i]))]
    if not marked:
        return []
    top = marked[0]
    while top - 1 in block and _organ_like(_text(lines[top - 1])):
        top -= 1
    return [i for i in block if i >= top]


def _is_mark(text: str) -> bool:
    """The issuing-organ mark as one line: 吉林省教育厅文件."""
    return text.endswith("文件") and len(text) <= 40 and not re.search(r"[【】\[\]：:]", text)


def _organ_like(text: str) -> bool:
    name = undistribute(text)
    return bool(HEADER_WORD_RE.match(text)) or (
        looks_like_unit(name) or name == "文件" or all(looks_like_unit(n) for n in name.split())
    )


def _find_notice(lines: list[Unit]) -> tuple[NoticeParts | None, int, int, list[Line]]:
    """The notice's parts, the range of units it spans and the lines in that range it did not
    place; None if there is no notice."""
    anchor = _anchor(lines)
    title_at: list[int] = []
    header_at: list[int] = []
    evidence = 0
    if anchor is not None:
        evidence += 1
        k = anchor - 1
        below: list[int] = []
        while k >= 0 and is_code_line(_text(lines[k])):  # a code below the title (web copies)
            below.insert(0, k)
            k -= 1
        title_at = _title_before(lines, k) if k >= 0 else []
        skip = k
        while not title_at and skip > 0 and k - skip < 2 and _METADATA.search(_text(lines[skip])):
            skip -= 1  # a web page's 发布时间/来源 line between the title and the 主送
            title_at = _title_before(lines, skip)
        if title_at:
            k = title_at[0] - 1
        header_at = (_header_above(lines, k) if k >= 0 else []) + below[-1:]
        if not title_at and not header_at and below:
            header_at = below[-1:]
    else:
        code_at = next(
            (k for k, u in enumerate(lines[:15]) if is_code_line(_text(u))),
            None,
        )
        if code_at is None:
            return None, 0, 0, []
        for t in range(code_at + 1, min(code_at + 10, len(lines))):
            if _is_notice_title_end(_text(lines[t])):
                title_at = _title_before(lines, t)
                break
        if not title_at:
            return None, 0, 0, []
        header_at = _header_above(lines, title_at[0] - 1)
    evidence += bool(title_at) + bool(header_at)
    parts = NoticeParts()
    parts.header = [lines[k] for k in sorted(header_at)]  # type: ignore[misc]
    parts.title = [lines[k] for k in title_at]  # type: ignore[misc]
    if len(parts.title) == 1 and (m := _TITLE_WRAPPER.match(parts.title[0].text)):
        parts.title[0].text = m["title"]  # a web page's 《…的通知》
    first = min(header_at + title_at + ([anchor] if anchor is not None else []))
    body_from = anchor if anchor is not None else title_at[-1] + 1
    if anchor is not None and _is_recipients(_text(lines[anchor])):
        parts.recipients = lines[anchor]  # type: ignore[assignment]
        body_from = anchor + 1
    # The date ends the notice: the first date line after the body began, before any heading.
    date_at = None
    for k in range(body_from, min(len(lines), body_from + 40)):
        unit = lines[k]
        if not isinstance(unit, Line):
            continue
        if _is_date_line(unit.text):
            date_at = k
            break
        h = match_heading(unit.text)
        if (h is not None and h.level == 1) or (is_doc_title(unit) and k > body_from + 1):
            break
    end = body_from
    if date_at is None:
        while end < len(lines) and isinstance(lines[end], Line) and not is_doc_title(lines[end]):  # type: ignore[arg-type]
            h = match_heading(_text(lines[end]))
            if h is not None and h.level == 1:
                break
            end += 1
        parts.body = list(lines[body_from:end])
    else:
        parts.date = lines[date_at]  # type: ignore[assignment]
        body = list(lines[body_from:date_at])
        while (
            body
            and isinstance(body[-1], Line)
            and _short_name(body[-1].text)
            and len(parts.signature) < 4
            and not _ATTACHMENT.match(body[-1].text)
            and not _ATTACHMENT_MARK.match(body[-1].text)
        ):
            parts.signature.insert(0, body.pop())  # type: ignore[arg-type]
        parts.body = body
        end = date_at + 1
        if end < len(lines) and _NOTE.match(_text(lines[end])):
            parts.note = lines[end]  # type: ignore[assignment]
            end += 1
        evidence += bool(parts.signature) or bool(parts.recipients)
    evidence += any(_ISSUE_SENTENCE.search(_text(u)) for u in parts.body)
    if evidence < 2 or (anchor is None and not title_at):
        return None, 0, 0, []
    placed = set(header_at + title_at) | set(range(body_from, end))
    if anchor is not None:
        placed.add(anchor)
    unplaced = [
        u
        for k, u in enumerate(lines[first:body_from], start=first)
        if k not in placed and isinstance(u, Line)
    ]
    return parts, first, end, unplaced


def document_kind(title: str, body: list[Unit]) -> str:
    from .vocab import FIELD_RE

    stripped = re.sub(r"[（(][^（）()]*[）)]$", "", title)
    if stripped.endswith(SUMMARY_WORDS) or re.search(
        rf"(?:{'|'.join(SUMMARY_WORDS)})(?:及|和|与|暨)", stripped
    ):
        return "summary"  # 工作总结及2022年工作计划: the summary comes first
    if stripped.endswith(PLAN_WORDS):
        return "plan"
    if any(isinstance(u, TableUnit) for u in body) or any(
        isinstance(u, Line) and FIELD_RE.match(u.text) for u in body
    ):
        return "plan"
    return "summary"


def _documents(units: list[Unit], result: Recognised, after_notice: bool) -> list[DocumentPart]:
    """Split what follows the notice (or the whole text) into the documents it prints."""
    found: list[DocumentPart] = []
    marker: Line | None = None
    seen_heading = False
    for unit in units:
        if isinstance(unit, Line):
            if _ATTACHMENT_MARK.match(unit.text) and (after_notice or found):
                marker = unit
                continue
            if is_doc_title(unit) and (
                marker is not None or not seen_heading or not found or _YEAR.search(unit.text)
            ):
                found.append(DocumentPart("summary", unit, marker=marker))
                marker, seen_heading = None, False
                continue
            if marker is not None and _short_name(unit.text) and len(unit.text) <= 60:
                found.append(DocumentPart("summary", unit, marker=marker))  # 附件 then any title
                marker, seen_heading = None, False
                continue
            if match_heading(unit.text) is not None:
                seen_heading = True
        if marker is not None:  # a 附件 line that headed nothing: keep it as text
            (found[-1].body if found else result.front).append(marker)
            marker = None
        if not found:
            found.append(DocumentPart("summary", None))
        found[-1].body.append(unit)
    if marker is not None:
        (found[-1].body if found else result.front).append(marker)
    if (
        len(found) > 1
        and found[0].title is None
        and found[1].title is not None
        and not any(isinstance(u, Line) and match_heading(u.text) for u in found[0].body)
        and all(isinstance(u, Line) and len(u.text) < 200 for u in found[0].body)
    ):
        # short lines before the first title, with no heading: a web page's own lines
        result.front.extend(u for u in found.pop(0).body if isinstance(u, Line))
    merged: list[DocumentPart] = []
    for part in found:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and part.title is not None
            and previous.title is not None
            and _same_title(previous.title.text, part.title.text)
            and not any(isinstance(u, Line) and match_heading(u.text) for u in previous.body)
        ):
            # a web page repeats the title after its own lines (date, views): those are chrome
            result.front.append(previous.title)
            result.front.extend(u for u in previous.body if isinstance(u, Line))
            merged[-1] = part
            continue
        merged.append(part)
    hint = "".join(line.text for line in result.notice.title) if result.notice else ""
    for part in merged:
        title = part.title.text if part.title else ""
        part.kind = document_kind(title or _printed_title(hint), part.body)
    return [p for p in merged if p.title is not None or p.body]


def _same_title(a: str, b: str) -> bool:
    """Titles equal but for spaces (a PDF puts them around numbers: 市教育局 2022 年工作要点)."""
    return re.sub(f"[{SPACE}]", "", a) == re.sub(f"[{SPACE}]", "", b)


def _printed_title(notice_title: str) -> str:
    """What a notice says it prints: 关于印发《2023年工作要点》的通知 → 2023年工作要点."""
    m = re.search(r"印发[《〈<]?(?P<t>.+?)[》〉>]?的通知", notice_title)
    return m["t"] if m else ""
