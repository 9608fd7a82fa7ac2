"""Repair the lines of a document as it reached us, before its parts are recognised.

Real documents come as Word files made by hand, as text copied from a web page, or as text that
went through a PDF. Here paragraphs run together are split where a paragraph must have ended
(a numbered heading that continues the sequence, a signature and date at a line's end, a title
fused to the text after it), lines hard-wrapped by a PDF and sentences cut by a page number are
joined, a document site's page chunks are joined, and a task table flattened to one cell a line
is made a table again. Page numbers and indents are taken out, with a warning for what is left out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from .errors import Location
from .i18n import _ as _t  # `_` is a throwaway name in this module
from .vocab import (
    DOC_TITLE_RE,
    KIND_END,
    PLAN_WORDS,
    SENTENCE_END,
    SPACE,
    SUMMARY_WORDS,
    TASK_HEADERS,
    column_role,
    find_code,
    is_code_line,
    match_heading,
    parse_date,
    task_columns,
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
# Where a paragraph must have ended though no line break says so (text from a web page).
_AFTER_SENTENCE = re.compile(rf"(?<=[。！？；])[{SPACE}]+(?=\S)")
_TRAILING_DATE = re.compile(
    rf"^(?P<head>.*\S)[{SPACE}]+(?P<date>(?:\d{{4}}|[〇○零一二三四五六七八九]{{4}})\s*年[^{SPACE}]{{2,10}}日)$"
)


def text_of(unit: Unit) -> str:
    return unit.text if isinstance(unit, Line) else ""


_STRIPPED = SPACE + "\r\n"


def _clean(text: str) -> str:
    return text.strip(_STRIPPED)


def prepare(units: list[Unit], warn: Warn) -> list[Unit]:
    """Repair the lines of a source: drop blank lines and page numbers, split run-together
    paragraphs, join hard-wrapped lines. Tables pass through."""
    out: list[Unit] = []
    page_break = False
    after_break: set[int] = set()  # lines that followed a page number: maybe one sentence
    flow: dict[int, tuple[bool, bool]] = {}  # a text file's line: (after a blank line, indented)
    blank = True
    units = _piped_tables(_page_chunks(units, warn), warn)
    for unit in units:
        if isinstance(unit, TableUnit):
            out.append(unit)
            continue
        text = _clean(unit.text)
        if not text:
            blank = True
            continue
        if unit.where.line is not None:
            flow[id(unit)] = (blank, unit.text[:1] in SPACE)
        blank = False
        if len(text) <= 12 and _PAGE_NUMBER.match(text):
            warn(unit.where, _t("a page number “{text}” is left out").format(text=text))
            page_break = True
            continue
        pieces = _split(text)
        if len(pieces) == 1:  # the usual case: the line as it was, cleaned
            unit.text = pieces[0]
            if page_break:
                after_break.add(id(unit))
            out.append(unit)
            page_break = False
            continue
        for k, piece in enumerate(pieces):
            line = Line(piece, unit.where, unit.paragraph, unit.style, unit.level)
            if page_break and k == 0:
                after_break.add(id(line))
            out.append(line)
        page_break = False
    out = _flattened_tables(out, warn)
    out = _split_headings(out)
    out = _join_soft_breaks(out, flow)
    return _join_wrapped(out, after_break)


_SOFT_END = "；;"


def _join_soft_breaks(units: list[Unit], flow: dict[int, tuple[bool, bool]]) -> list[Unit]:
    """A web page's line breaks inside a paragraph (its <br>): where the page marks paragraphs
    by an indent, or by a blank line between them, a line without that mark after a line cut
    at ； continues that paragraph."""
    indented = sum(i for _, i in flow.values())
    blanks = sum(b for b, _ in flow.values())
    mark = 1 if indented >= 3 else 0 if blanks >= 3 else None
    if mark is None:
        return units
    out: list[Unit] = []
    for unit in units:
        previous = out[-1] if out else None
        seen = flow.get(id(unit))
        if (
            seen is not None
            and not seen[mark]
            and isinstance(unit, Line)
            and isinstance(previous, Line)
            and previous.text[-1] in _SOFT_END
            and match_heading(unit.text) is None
            and not is_doc_title(unit)
        ):
            previous.text += unit.text
            continue
        out.append(unit)
    return out


_FUSED_TITLE_END = re.compile(
    rf"(?:{'|'.join(PLAN_WORDS + SUMMARY_WORDS)})"
    rf"(?=[{SPACE}]?(?:\d{{4}}年|本文内容|今年|为全面|为深入)|一、)"
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
    chunks = site_chunks(units)
    if not chunks:
        return units
    first = chunks[0][0]
    warn(
        first.where,
        _t("page numbers of a document site (1、 2、 …) are left out, its pieces joined"),
    )
    text = "".join(_clean(u.text)[m.end() :] for u, m in chunks)
    kept = units[: next(k for k, u in enumerate(units) if u is first)]
    return [*kept, Line(text, first.where, first.paragraph, first.style, first.level)]


def site_chunks(units: list[Unit]) -> list[tuple[Line, re.Match[str]]]:
    """The lines of a document site's page chunks and their site numbers (none if not such a
    page): check skips those numbers as parse does."""
    chunks: list[tuple[Line, re.Match[str]]] = []
    before = 0  # the site's own lines above the chunks (its title, 由会员分享…): a few, kept
    for u in units:
        text = _clean(u.text) if isinstance(u, Line) else ""
        if not text or not isinstance(u, Line):
            continue
        m = _CHUNK.match(text)
        if m is None:  # every line of such a page is a chunk
            before += 1
            if chunks or before > 4:
                return []
            continue
        chunks.append((u, m))
    if len(chunks) < 2 or [int(m["n"]) for _, m in chunks] != list(range(1, len(chunks) + 1)):
        return []
    if not all(_clean(u.text)[-1] not in SENTENCE_END for u, _ in chunks[:-1]):
        return []
    if sum(len(u.text) for u, _ in chunks[:-1]) < 100 * (len(chunks) - 1):
        return []
    return chunks


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


_HAS_SPACE = re.compile(f"[{SPACE}]")


def _split_plain(text: str) -> list[str]:
    spaced = _HAS_SPACE.search(text) is not None
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
        # (a label's value stays on its line: a page's “发布日期: 2023年03月09日”)
        m = _TRAILING_DATE.match(part) if spaced and part.endswith("日") else None
        if m and parse_date(m["date"]) is not None and m["head"][-1] not in "：:":
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


_SPACES = re.compile(f"[{SPACE}]")
_PIPE_CELL = re.compile(rf"^(?P<cell>.*?)[{SPACE}]*\|$")


def _piped_tables(units: list[Unit], warn: Warn) -> list[Unit]:
    """A table a web page gave as one cell a line, each closed by “|”: header cells a task
    table has (序号 | 目标与任务 | 牵头单位 | …), then rows of as many cells."""
    if not any(isinstance(u, Line) and u.text.rstrip(_STRIPPED).endswith("|") for u in units):
        return units
    out: list[Unit] = []
    k = 0
    while k < len(units):
        headers: list[str] = []
        j = k
        while j < len(units) and isinstance(units[j], Line):
            m = _PIPE_CELL.match(_clean(text_of(units[j])))
            if m is None or len(m["cell"]) > 16:
                break
            name = _SPACES.sub("", m["cell"])
            if name not in TASK_HEADERS and column_role(name) is None:
                break
            headers.append(_clean(m["cell"]))  # as written: 分 管 县领导
            j += 1
        if len(headers) < 2 or task_columns(headers) is None:
            out.append(units[k])
            k += 1
            continue
        rows: list[list[str]] = []
        row: list[str] = []
        parts: list[str] = []  # a cell of several paragraphs: lines until the one closed by “|”
        while j < len(units) and isinstance(units[j], Line):
            text = _clean(text_of(units[j]))
            m = _PIPE_CELL.match(text)
            if m is None and not row and not parts and text:
                break  # after a whole row, a line that closes no cell: the table has ended
            j += 1
            if m is None:
                if text:
                    parts.append(text)
                continue
            row.append("\n".join(p for p in [*parts, _clean(m["cell"])] if p))
            parts = []
            if len(row) == len(headers):
                rows.append(row)
                row = []
        if row or parts:
            rows.append(row + ["\n".join(parts)] + [""] * (len(headers) - len(row) - 1))
        first = units[k]
        assert isinstance(first, Line)
        warn(first.where, _t("a table flattened to one cell a line is read as a table"))
        out.append(TableUnit([headers, *rows], [None] * len(headers), first.where, first.paragraph))
        k = j
    return out


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


def _task_header(unit: Unit) -> str | None:
    """The column a short line names if it is a task table's header cell (任务目标, 完成时限)."""
    if not isinstance(unit, Line) or len(unit.text) > 16:
        return None
    name = _SPACES.sub("", undistribute(unit.text))
    return name if name in TASK_HEADERS else None


def _flattened_tables(units: list[Unit], warn: Warn) -> list[Unit]:
    """A task table copied from a web page as one cell a line: header cells (任务目标, 完成时限),
    then rows of a label, its text and maybe a deadline, made a table again."""
    heads = [_task_header(u) for u in units]
    if sum(h is not None for h in heads) < 2:
        return units
    out: list[Unit] = []
    k = 0
    while k < len(units):
        unit = units[k]
        headers: list[Line] = []
        names: list[str] = []
        j = k
        while j < len(units) and (name := heads[j]) is not None:
            headers.append(units[j])  # type: ignore[arg-type]
            names.append(name)
            j += 1
        if len(headers) < 2:
            out.append(unit)
            k += 1
            continue
        rows: list[list[str]] = []
        while j < len(units):
            labels: list[str] = []
            t = j
            while t < len(units) and _is_cell_label(text_of(units[t])) and len(labels) < 3:
                labels.append(text_of(units[t]))
                t += 1
            texts: list[str] = []
            while (
                t < len(units)
                and isinstance(units[t], Line)
                and not _is_cell_label(text_of(units[t]))
                and not _DEADLINE.match(text_of(units[t]))
            ):
                texts.append(text_of(units[t]))
                t += 1
            if not labels or not texts:
                break
            deadline = ""
            if t < len(units) and _DEADLINE.match(text_of(units[t])):
                deadline = text_of(units[t])
                t += 1
            rows.append(["".join(labels), "".join(texts), deadline])
            j = t
        if len(rows) < 2:
            out.append(unit)
            k += 1
            continue
        header = names if len(names) == 3 else ["", *names][:3]
        warn(headers[0].where, _t("a table flattened to one cell a line is read as a table"))
        out.append(TableUnit([header, *rows], [None] * 3, headers[0].where, headers[0].paragraph))
        k = j
    return out


# A heading number inside a line may start a paragraph after a sentence's end or a space, or, for
# an Arabic number, right after a Chinese character (…现代化1.抓好…). Both branches begin with a
# rare character, which the regex engine scans for quickly: this runs on every line.
_ENDS = "。！？；;"
_DIGIT = "0-9０-９"
_MARKS = frozenset(_ENDS + SPACE)
_INLINE_NUMBER = re.compile(
    rf"[{_ENDS}{SPACE}](?=[一二三四五六七八九十]{{1,3}}、"
    rf"|[（(][一二三四五六七八九十]{{1,3}}[）)]|[{_DIGIT}]{{1,3}} ?[.．、](?![{_DIGIT}]))"
    # “2 .”: a PDF's text (a document site's) puts a space between a number and its dot
    rf"|[{_DIGIT}](?<=[\u4e00-\u9fff][{_DIGIT}])[{_DIGIT}]{{0,2}} ?[.．、](?![{_DIGIT}])"
)


_RUN_TOGETHER = 300
_GLUED_GROUP = re.compile(r"[（(][一二三四五六七八九十]{1,3}[）)]")
_RUN_IN_TITLE = re.compile(r"[^，,。；;：:（）()]{4,30}。")


def _cut_points(text: str) -> list[int]:
    """Where a numbered heading could begin inside ``text``, leaving at least two characters
    before it (a mark or a word alone is no paragraph)."""
    cuts = []
    for m in _INLINE_NUMBER.finditer(text, 1):
        at = m.start()
        if text[at] in _MARKS:
            cuts.append(at + 1)
        elif at >= 2:  # a number glued to a word: whether it continues the sequence is the caller's
            cuts.append(at)
    if len(text) > _RUN_TOGETHER:
        # a page's worth of text without its line breaks: “…工作总结(一)优先发展…” too
        for m in _GLUED_GROUP.finditer(text, 1):
            glued = text[m.start() - 1].isalnum() or text[m.start() - 1] == "%"
            if glued and _RUN_IN_TITLE.match(text, m.end()):  # …总结(一)优先发展得到保障。
                cuts.append(m.start())
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
        cuts = _cut_points(text)
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
    if not width and not after_break:
        return units
    out: list[Unit] = []
    for unit in units:
        previous = out[-1] if out else None
        # a paragraph's first line is indented by two characters, which the copy lost
        indent = 0
        if width and isinstance(previous, Line) and len(previous.text) < width - 1:
            before = out[-2] if len(out) > 1 else None
            first = not isinstance(before, Line) or before.text[-1] in SENTENCE_END
            indent = 2 if first or match_heading(previous.text) is not None else 0
        if (
            isinstance(unit, Line)
            and isinstance(previous, Line)
            and ((width and len(previous.text) >= width - 1 - indent) or id(unit) in after_break)
            and previous.text[-1] not in SENTENCE_END + "；;：:"
            and match_heading(unit.text) is None
            and not (id(unit) in after_break and is_doc_title(previous))
        ):
            previous.text += unit.text
            continue
        out.append(unit)
    if width:
        # a PDF's text puts a space between digits and Chinese (市教育局 2022 年工作要点)
        for unit in out:
            if isinstance(unit, Line) and " " in unit.text:
                unit.text = _PDF_DIGIT_SPACE.sub("", unit.text)
    return out


_PDF_DIGIT_SPACE = re.compile(r"(?<=[0-9%]) (?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff]) (?=[0-9])")


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
