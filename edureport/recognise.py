"""Recognise the parts of a 公文 in its (repaired) lines: the one reading that parse, check and
draft share.

The parts are found by evidence, not by position: a notice is recognised from any of its 发文字号,
关于…的通知 title, 主送 line, 印发 sentence, signature and date, so a web copy without the red
mark, or a notice without a 发文字号, is still a notice; the documents it prints by their titles
and 附件 marks. Nothing is dropped: every line ends up in exactly one part, and lines that belong
to no part (a web page's metadata, a table of contents) are returned as front matter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .repair import Line, TableUnit, Unit, is_doc_title, text_of
from .vocab import (
    COLOPHON_CC_RE,
    COLOPHON_PRINTED_RE,
    FIELD_RE,
    HEADER_WORD_RE,
    KIND_END,
    PLAN_WORDS,
    SIGNER_RE,
    SPACE,
    SUMMARY_WORDS,
    find_code,
    is_code_line,
    is_date_like,
    looks_like_unit,
    match_heading,
    undistribute,
)

__all__ = [
    "DocumentPart",
    "NoticeParts",
    "Recognised",
    "document_kind",
    "is_page_line",
    "is_page_metadata",
    "recognise",
]

# -- The parts ----------------------------------------------------------------------------------

_ISSUE_SENTENCE = re.compile(
    r"(?:现|特)?将.{0,80}印发给你们|现予印发|现印发给|予以印发|印发给你们|印发给各"
)
_RECIPIENT_HINT = re.compile(r"各|、|，|,|局|委|校|单位|部门|处室|科室|政府|【待填写】")
# A table of contents: entries with leaders and a page number, or any entry after 目录.
_TOC_LINE = re.compile(r"^.{2,60}?[.．…·\s]{4,}\d{1,3}$")
_PAGE_CHROME = re.compile(
    r"^(?:收藏\s*推荐|打印本页|关闭窗口|上一篇[：:]|下一篇[：:]|相关新闻$|相关阅读$|分享到[：:]?)"
    r"|录入[：:].*阅读|查看全部评论|责任编辑[：:]"
)
_DISCLOSURE = re.compile(
    r"^(?:索引号|信息索取号|发布机构|组配分类|主题分类|名\s*称|文\s*号|成文日期|发布日期|废止日期|"
    r"公开方式|公开范围|有效性|类目名称|信息来源|发文机关|信息索引|发文字号|编辑人)\s*[：:|]"
)
# An essay or document-sharing site's own sentences around a copied text.
_SITE_CHROME = re.compile(
    r"小编(?:为|给)|供大家参考|欢迎参考|WORD下载|由会员分享|可在线阅读|网友投稿|来源于网友上传|^欢迎来到"
    r"|\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}"
)
_SHARE = re.compile(r"^(?:分享(?:到)?|扫一扫在手机打开)[：:]?$")
_TOC_TITLE = re.compile(r"^目\s*录$")
_TOC_ENTRY = re.compile(r"^.{2,80}?[\s.．…·]*\d{1,4}$")
_NOTE = re.compile(r"^[（(](?P<note>[^（）()]{2,40})[）)]$")
_ATTACHMENT_MARK = re.compile(r"^附件\s*\d*[：:]?$")
_ATTACHMENT_LIST = re.compile(r"^附件\s*[：:]")
_LISTED = re.compile(r"^\d{1,2}\s*[.．、]")
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
    colophon: list[Line] = field(default_factory=list)  # 版记: 抄送, 印发机关 and 印发日期


@dataclass
class DocumentPart:
    kind: str  # "summary" or "plan"
    title: Line | None
    body: list[Unit] = field(default_factory=list)
    marker: Line | None = None  # the 附件 line above the title


@dataclass
class Recognised:
    front: list[Line] = field(default_factory=list)
    back: list[Line] = field(default_factory=list)  # a web page's own lines after the document
    notice: NoticeParts | None = None
    documents: list[DocumentPart] = field(default_factory=list)


def is_page_metadata(text: str) -> bool:
    """A web page's line about the page, under a title: 发布时间：… 来源：… 字体：【大 中 小】."""
    return bool(_METADATA.search(text)) and not re.search(r"[。！？]", text)


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


def _recipients_without_colon(lines: list[Unit], anchor: int, k: int) -> bool:
    """The line above the 印发 sentence is a 主送 line that lost its colon: a list of units
    under a notice title."""
    text = text_of(lines[k])
    return (
        isinstance(lines[k], Line)
        and _ISSUE_SENTENCE.search(text_of(lines[anchor])) is not None
        and text[-1:] not in "：:"
        and _is_recipients(text + "：")
        and not re.search(r"[；;]", text)
        and isinstance(lines[k - 1], Line)
        and _is_notice_title_end(text_of(lines[k - 1]))
    )


def _page_line(text: str) -> bool:
    return bool(_METADATA.search(text) or _DISCLOSURE.match(text))


def is_page_line(text: str) -> bool:
    """A web page's line, wherever parse keeps it as front matter: its metadata (发布时间：…) or
    disclosure block (索引号 … 名 称 … 文 号), even between a notice's title and its 主送; never
    a 发文字号 of its own (承教发【2021】1号 has the brackets of 字体【大 中 小】)."""
    return bool(_DISCLOSURE.match(text)) or (is_page_metadata(text) and find_code(text) is None)


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
        text = text_of(unit)
        if _TOC_TITLE.match(text):
            in_toc = True
        elif in_toc and not _TOC_ENTRY.match(text):
            in_toc = False
        if in_toc or (text[-1:].isdigit() and _TOC_LINE.match(text)):
            result.front.append(unit)  # type: ignore[arg-type]
        else:
            lines.append(unit)
    lines = _outline_before_title(lines, result.front)
    # A government site's disclosure block (索引号 | 发布机构 | 文号 …) above the document.
    while lines and _DISCLOSURE.match(text_of(lines[0])):
        result.front.append(lines.pop(0))  # type: ignore[arg-type]
    # The page's own lines below it (收藏 推荐 打印, 相关新闻, comment forms): from the first one
    # among the last lines, all that follows is the page's, not the document's.
    tail = next(
        (
            k
            for k in range(max(0, len(lines) - 30), len(lines))
            if _PAGE_CHROME.search(text_of(lines[k]))
        ),
        None,
    )
    if tail is not None:
        result.back = [u for u in lines[tail:] if isinstance(u, Line)]
        lines = lines[:tail]
    notice, start, end, unplaced = _find_notice(lines)
    if notice is not None:
        for unit in lines[:start]:
            if isinstance(unit, Line):
                result.front.append(unit)
        result.front.extend(unplaced)
        result.notice = notice
        if not any(is_code_line(line.text) for line in notice.header):
            # a web page's own heading above the notice may be where its 发文字号 stands:
            # “凌政办发[2020]35号” cut from “凌政办发[2020]35号凌海市…的通知”
            code = next((u for u in result.front[-12:] if is_code_line(u.text)), None)
            if code is not None:
                result.front.remove(code)
                notice.header.append(code)
            elif (given := _disclosed_code(result.front[-12:])) is not None:
                notice.header.append(given)  # the line itself stays front matter, as written
        if not notice.signature and all(is_code_line(line.text) for line in notice.header):
            organ = _disclosed_organ(result.front[-12:])  # nor a mark nor a signature
            if organ is not None:
                notice.header.insert(0, organ)
        else:
            _printed_header_above(result.front, notice)
        rest = lines[end:]
        # The 版记 closes the whole file: its lines are the notice's, not a printed document's.
        while (
            rest
            and isinstance(rest[-1], Line)
            and (COLOPHON_CC_RE.match(rest[-1].text) or COLOPHON_PRINTED_RE.match(rest[-1].text))
        ):
            notice.colophon.insert(0, rest.pop())  # type: ignore[arg-type]
    else:
        rest = lines
    result.documents = _documents(rest, result, notice is not None)
    return result


def _outline_before_title(lines: list[Unit], front: list[Line]) -> list[Unit]:
    """A table of contents without page numbers: the document's numbered headings, one a line and
    no text between them, above its title, after which the first of them comes again. The
    headings are the contents', kept as front matter; the document starts at its title."""
    start = next(
        (k for k, u in enumerate(lines[:10]) if match_heading(text_of(u)) is not None), None
    )
    if start is None:
        return lines
    end = start
    while end < len(lines):
        text = text_of(lines[end])
        if not text or len(text) > 40 or "。" in text or match_heading(text) is None:
            break
        end += 1
    title = lines[end] if end - start >= 5 and end < len(lines) else None
    if not isinstance(title, Line) or not is_doc_title(title):
        return lines
    first = text_of(lines[start])
    if all(text_of(u) != first for u in lines[end + 1 : end + 8]):
        return lines
    front.extend(u for u in lines[start:end] if isinstance(u, Line))
    return lines[:start] + lines[end:]


_CODE_LABEL = re.compile(r"(?:^|\s)(?:文\s*号|文件编号|发文字号)\s*[：:]\s*")


def _disclosed_code(front: list[Line]) -> Line | None:
    """The 发文字号 a government site's disclosure block gives (“文号: 泾政〔2023〕1号”), as a
    line of its own, when the notice prints none."""
    for line in front:
        if "号" not in line.text or (m := _CODE_LABEL.search(line.text)) is None:
            continue
        code = find_code(line.text[m.end() :], at_start=True)
        if code is not None:
            text = line.text[m.end() + code.start : m.end() + code.end]
            return Line(text, line.where, line.paragraph, line.style, line.level)
    return None


_ORGAN_LABEL = re.compile(r"(?:^|\s)(?:发文单位|发文机关)\s*[：:]\s*(?P<organ>[^\s：:]{2,30})")


def _disclosed_organ(front: list[Line]) -> Line | None:
    """The issuing organ a disclosure block names (“发文单位: 通山县人民政府”)."""
    for line in front:
        m = _ORGAN_LABEL.search(line.text) if "发文" in line.text else None
        if m is not None and looks_like_unit(m["organ"]):
            return Line(m["organ"], line.where, line.paragraph, line.style, line.level)
    return None


def _plain_title(text: str) -> str:
    return re.sub(f"[{SPACE}《》〈〉<>]", "", text)


def _printed_header_above(front: list[Line], notice: NoticeParts) -> None:
    """A web page repeats the 发文字号 and title just above the 主送: the header printed above
    them (the mark, the code, the title in its own form) is the notice's, the repeat the page's."""
    codes = [line for line in notice.header if is_code_line(line.text)]
    if not codes or not notice.title or len(front) < 2:
        return
    code = _plain_title(codes[0].text)
    title = _plain_title("".join(line.text for line in notice.title))
    top = min(line.paragraph for line in notice.header + notice.title)
    tail = sorted((u for u in front if u.paragraph < top), key=lambda u: u.paragraph)[-8:]
    at = next((k for k, u in enumerate(tail) if _plain_title(u.text) == code), None)
    if at is None:
        return
    joined = ""
    for end in range(at + 1, min(at + 5, len(tail))):
        if tail[end].paragraph == tail[at].paragraph:
            return  # “京政办发〔2016〕26号《…的通知》” on one line: the page's own heading
        joined += _plain_title(tail[end].text)
        if joined == title:
            break
    else:
        return
    marks: list[int] = []
    for k in range(at - 1, max(at - 4, -1), -1):
        if not (_is_mark(tail[k].text) or _organ_like(tail[k].text)):
            break
        marks.insert(0, k)
    printed = [tail[k] for k in marks] + [tail[at]]
    titled = tail[at + 1 : end + 1]
    for line in printed + titled:
        front.remove(line)
    front.extend(codes + notice.title)
    notice.header = printed + [line for line in notice.header if line not in codes]
    notice.title = titled


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


def _title_before(lines: list[Unit], k: int) -> list[int]:
    """The notice title ending at ``k``: one line, or up to four when the first holds 关于."""
    if not (isinstance(lines[k], Line) and _is_notice_title_end(text_of(lines[k]))):
        return []
    if "关于" in text_of(lines[k]):
        return [k]
    for j in range(k - 1, max(k - 4, -1), -1):
        t = text_of(lines[j])
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


def _organs_above(lines: list[Unit], t: int) -> list[int]:
    """The organs' names alone above a title that begins “关于” with no 发文字号 or mark
    (西乡县人民政府 / 关于印发…的通知): the organs of the title, read as the seed's are."""
    first = lines[t]
    if not (isinstance(first, Line) and first.text.startswith("关于")):
        return []
    found: list[int] = []
    for k in range(t - 1, max(t - 4, -1), -1):
        above = lines[k]
        if not (
            isinstance(above, Line)
            and above.style == first.style
            and len(above.text) <= 30
            and not above.text.endswith("文件")
            and _short_name(above.text)
            and looks_like_unit(undistribute(above.text))
        ):
            break
        found.insert(0, k)
    return found


_MARK_STYLES = ("GwMark", "GwMarkSingle")


def _style(unit: Unit) -> str | None:
    return unit.style if isinstance(unit, Line) else None


def _header_above(lines: list[Unit], k: int) -> list[int]:
    """The 版头 lines ending at ``k``: 发文字号, 签发人, 份号, 密级, 紧急程度 and the mark. Organ
    lines count only in a block that also holds a 发文字号 or a “…文件” mark."""
    block: list[int] = []
    while k >= 0 and isinstance(lines[k], Line):
        t = text_of(lines[k])
        header = is_code_line(t) or SIGNER_RE.match(t) or HEADER_WORD_RE.match(t)
        if header or (_short_name(t) and not _is_date_line(t) and not is_doc_title(lines[k])):  # type: ignore[arg-type]
            block.insert(0, k)
        else:
            break
        k -= 1
    marked = [
        i
        for i in block
        if is_code_line(text_of(lines[i]))
        or _is_mark(text_of(lines[i]))
        or _style(lines[i]) in _MARK_STYLES  # a mark Word shows as one (no 文件, no code)
    ]
    if not marked:
        return []
    top = marked[0]
    while top - 1 in block and _organ_like(text_of(lines[top - 1])):
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
        while k >= 0 and is_code_line(text_of(lines[k])):  # a code below the title (web copies)
            below.insert(0, k)
            k -= 1
        if k > 0 and _recipients_without_colon(lines, anchor, k):
            recipients_at: int | None = k  # 主送 written without its colon
            k -= 1
        else:
            recipients_at = None
        title_at = _title_before(lines, k) if k >= 0 else []
        skip = k
        while not title_at and skip > 0 and k - skip < 8 and _page_line(text_of(lines[skip])):
            skip -= 1  # a web page's 发布时间/来源 lines or disclosure block (索引号 …) between
            title_at = _title_before(lines, skip)  # the title and the 主送
        if title_at:
            k = title_at[0] - 1
        header_at = (_header_above(lines, k) if k >= 0 else []) + below[-1:]
        if not header_at and title_at:
            header_at = _organs_above(lines, title_at[0])
        if not title_at and not header_at and below:
            header_at = below[-1:]
    else:
        recipients_at = None
        code_at = next(
            (k for k, u in enumerate(lines[:15]) if is_code_line(text_of(u))),
            None,
        )
        if code_at is None:
            return None, 0, 0, []
        for t in range(code_at + 1, min(code_at + 10, len(lines))):
            if _is_notice_title_end(text_of(lines[t])):
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
    if anchor is not None and _is_recipients(text_of(lines[anchor])):
        parts.recipients = lines[anchor]  # type: ignore[assignment]
        body_from = anchor + 1
    elif anchor is not None and recipients_at is not None and title_at:
        parts.recipients = lines[recipients_at]  # type: ignore[assignment]
    # The date ends the notice: the first date line after the body began, before any heading.
    date_at = None
    listing = False  # in the 附件说明: “附件：1.…” and the lines “2.…” below it are not titles
    for k in range(body_from, min(len(lines), body_from + 40)):
        unit = lines[k]
        if not isinstance(unit, Line):
            continue
        if _is_date_line(unit.text):
            date_at = k
            break
        if _ATTACHMENT_LIST.match(unit.text) or (listing and _LISTED.match(unit.text)):
            listing = True
            continue
        listing = False
        h = match_heading(unit.text)
        if (h is not None and h.level == 1) or (is_doc_title(unit) and k > body_from + 1):
            if h is not None and _body_goes_on(lines[body_from:k], parts.title):
                date_at = _points_end(lines, k)
            break
    end = body_from
    if date_at is not None and date_at < 0:  # numbered points to the end of the text
        end = -date_at
        parts.body = list(lines[body_from:end])
        date_at = None
    elif date_at is None:
        while end < len(lines) and isinstance(lines[end], Line) and not is_doc_title(lines[end]):  # type: ignore[arg-type]
            h = match_heading(text_of(lines[end]))
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
            and not body[-1].text.startswith("附件")  # 附件1.…, with no colon: not an organ
            and not _LISTED.match(body[-1].text)
        ):
            parts.signature.insert(0, body.pop())  # type: ignore[arg-type]
        parts.body = body
        end = date_at + 1
        if end < len(lines) and _NOTE.match(text_of(lines[end])):
            parts.note = lines[end]  # type: ignore[assignment]
            end += 1
        evidence += bool(parts.signature) or bool(parts.recipients)
    evidence += any(_ISSUE_SENTENCE.search(text_of(u)) for u in parts.body)
    if evidence < 2 or (anchor is None and not title_at):
        return None, 0, 0, []
    placed = set(header_at + title_at) | set(range(body_from, end))
    if anchor is not None:
        placed.add(anchor)
    if recipients_at is not None:
        placed.add(recipients_at)
    unplaced = [
        u
        for k, u in enumerate(lines[first:body_from], start=first)
        if k not in placed and isinstance(u, Line)
    ]
    return parts, first, end, unplaced


def _body_goes_on(body: list[Unit], title: list[Line]) -> bool:
    """A notice's body goes on through numbered points (一、细化任务抓落实。…) when it prints no
    document before them: neither its title nor its body says 印发, or it ends “…通知如下：”."""
    texts = [text_of(u) for u in body]
    return bool(texts) and (
        texts[-1].endswith(("如下：", "如下:"))
        or not (
            any("印发" in line.text for line in title)
            or any(_ISSUE_SENTENCE.search(t) for t in texts)
        )
    )


def _points_end(lines: list[Unit], k: int) -> int | None:
    """Where the notice's numbered points from ``k`` end: the date line under its signature, or
    (given negative) the first printed document's title or the end of the text. None when they
    hold a plan's items (1. …, 责任单位：…): the notice's own points have none."""
    for j in range(k, len(lines)):
        unit = lines[j]
        if not isinstance(unit, Line):
            return None
        if _is_date_line(unit.text):
            return j
        if is_doc_title(unit) or _ATTACHMENT_MARK.match(unit.text):
            return -j
        h = match_heading(unit.text)
        if (h is not None and h.level >= 3) or FIELD_RE.match(unit.text):
            return None
    return -len(lines)


def document_kind(title: str, body: list[Unit]) -> str:
    from .vocab import FIELD_RE

    stripped = re.sub(r"(?:[（(][^（）()]*[）)]|【[^【】]*】|范文(?:参考|精选)?)$", "", title)
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


_PRINTED_NAME = re.compile(
    r"印发\s*[《〈](?P<a>[^《》〈〉]{4,100})[》〉]|[将把]\s*[《〈](?P<b>[^《》〈〉]{4,100})[》〉]"
)


def _bare(text: str) -> str:
    return re.sub(f"[{SPACE}]", "", text)


def _title_hints(units: list[Unit], result: Recognised) -> set[str]:
    """The titles the notice (or a web page's heading) says it prints: 印发《…》, 现将《…》."""
    texts = [u.text for u in result.front]
    if result.notice is not None:
        title = "".join(line.text for line in result.notice.title)
        texts += [title, *(text_of(u) for u in result.notice.body)]
        texts.append(f"印发《{_printed_title(title)}》")
    else:
        texts += [text_of(u) for u in units[:10]]
    named = {_bare(m["a"] or m["b"]) for t in texts for m in _PRINTED_NAME.finditer(t)}
    plain = {_bare(_printed_title(t)) for t in texts if "印发" in t and "《" not in t}
    return (named | plain) - {""}


def _wrapped_titles(units: list[Unit], hints: set[str]) -> tuple[list[Unit], set[int]]:
    """Lines that together spell a title the notice named (a title wrapped over two or three
    lines, or one of any kind: …规划责任分解, …实施细则) made one title line."""
    out: list[Unit] = []
    titles: set[int] = set()
    starts = {h[0] for h in hints}
    k = 0
    while k < len(units):
        end = None
        joined = ""
        if text_of(units[k])[:1] not in starts:  # the usual line: no title begins with it
            out.append(units[k])
            k += 1
            continue
        for j in range(k, min(k + 4, len(units))):
            unit = units[j]
            if not isinstance(unit, Line) or len(unit.text) > 60:
                break
            joined += _bare(unit.text)
            if joined in hints:
                end = j
                break
            if not any(h.startswith(joined) for h in hints):
                break
        if end is None:
            out.append(units[k])
            k += 1
            continue
        first = units[k]
        assert isinstance(first, Line)
        text = "".join(text_of(u) for u in units[k : end + 1])
        line = Line(text, first.where, first.paragraph, first.style, first.level)
        titles.add(id(line))
        out.append(line)
        k = end + 1
    return out, titles


def _documents(units: list[Unit], result: Recognised, after_notice: bool) -> list[DocumentPart]:
    """Split what follows the notice (or the whole text) into the documents it prints."""
    hints = _title_hints(units, result)
    units, named = _wrapped_titles(units, hints) if hints else (units, set())
    found: list[DocumentPart] = []
    marker: Line | None = None
    seen_heading = False
    for unit in units:
        if isinstance(unit, Line):
            if _ATTACHMENT_MARK.match(unit.text) and (after_notice or found):
                marker = unit
                continue
            if id(unit) in named or (
                is_doc_title(unit)
                and (marker is not None or not seen_heading or not found or _YEAR.search(unit.text))
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
            and (
                _same_title(previous.title.text, part.title.text)
                or (
                    (previous.body or previous.title.text.endswith("】"))  # a site's tag
                    and all(_site_line(u) for u in previous.body)
                )
            )
            and not any(isinstance(u, Line) and match_heading(u.text) for u in previous.body)
        ):
            # a web page repeats the title after its own lines (date, views): those are chrome
            result.front.append(previous.title)
            result.front.extend(u for u in previous.body if isinstance(u, Line))
            merged[-1] = part
            continue
        merged.append(part)
    for part in merged:
        # a site's own lines (小编为大家整理…, 时间 … 收藏 WORD下载) before the first heading
        for unit in list(part.body):
            if isinstance(unit, Line) and match_heading(unit.text) is not None:
                break
            if isinstance(unit, Line) and _site_line(unit):
                part.body.remove(unit)
                result.front.append(unit)
    hint = "".join(line.text for line in result.notice.title) if result.notice else ""
    for part in merged:
        title = part.title.text if part.title else ""
        part.kind = document_kind(title or _printed_title(hint), part.body)
    return [p for p in merged if p.title is not None or p.body]


def _site_line(unit: Unit) -> bool:
    """A site's own line (小编为大家整理…, 时间 … 收藏 WORD下载, its metadata under a title)."""
    return isinstance(unit, Line) and bool(
        (len(unit.text) < 200 and _SITE_CHROME.search(unit.text))
        or _DISCLOSURE.match(unit.text)
        or (len(unit.text) < 40 and _METADATA.search(unit.text))
        or _SHARE.match(unit.text)
    )


def _same_title(a: str, b: str) -> bool:
    """Titles equal but for spaces (a PDF puts them around numbers: 市教育局 2022 年工作要点)."""
    return _bare(a) == _bare(b)


def _printed_title(notice_title: str) -> str:
    """What a notice says it prints: 关于印发《2023年工作要点》的通知 → 2023年工作要点."""
    m = re.search(r"印发[《〈<]?(?P<t>.+?)[》〉>]?的通知", notice_title)
    return m["t"] if m else ""
