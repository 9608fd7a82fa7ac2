"""The notice (通知) from its recognised parts: 版头, title, 主送, body, 附件, signature, date,
版记."""

from __future__ import annotations

import re

from .. import vocab
from ..errors import Location
from ..i18n import _ as _t  # `_` is a throwaway name in this module
from ..model import PLACEHOLDER, DocumentCode, Notice
from ..recognise import NoticeParts
from ..repair import Line as _Line
from ..repair import TableUnit as _Table
from ..repair import Unit as _Unit
from ..vocab import parse_date, undistribute
from .context import Context
from .lines import split_names

_PRINTED = vocab.COLOPHON_PRINTED_RE
_CC = vocab.COLOPHON_CC_RE
_NOTE = re.compile(r"^[（(](?P<note>.+)[）)]$")
_ATTACHMENT = re.compile(r"^附件\s*\d*\s*[：:]\s*(?P<rest>.+)$")
_ATTACHMENT_NUMBER = re.compile(r"^(?P<n>\d+)\s*[.．、]\s*(?P<name>.+)$")
_NOT_ORGAN_STYLES = ("GwTitle", "GwRecipients", "GwDocTitle", "GwDocTitleFirst", "GwDate")


def _organ_names(text: str) -> list[str]:
    """The organs of a mark or signature line: joint names stand apart by wide spaces."""
    whole = undistribute(text)
    if whole != text:
        return [whole]
    return [undistribute(p) for p in re.split(r"\s{2,}|\u3000+|\t+", text) if p.strip()]


def _organ_in_title(title: str) -> str | None:
    """The organ a title names before 关于 (苏州市教育局关于印发…), or before the year of the
    document it prints (关于印发《芜湖市教育局2024年工作要点》的通知), or at the head of that
    document's name."""
    m = (
        re.match(r"^(?P<organ>[^关《]{2,30}?)\s*关于", title)
        or re.search(r"[《〈<](?P<organ>[^《》〈〉<>\d]{2,30}?)\d{4}年", title)
        # or the organ that opens the name of what it prints: 《河北省某某局公文处理实施细则》
        or re.search(
            r"[《〈<](?P<organ>[^《》〈〉<>\d]{2,28}?(?:局|厅|委员会|人民政府|办公室))", title
        )
    )
    if m is None:
        return None
    organ = m["organ"].strip()
    return organ if vocab.looks_like_unit(organ) else None


def read_notice(ctx: Context, parts: NoticeParts) -> Notice:
    organs: list[str] = []
    code: DocumentCode | None = None
    signer: list[str] = []
    copy = secrecy = urgency = mark_word = None
    for line in parts.header:
        text = line.text
        found = vocab.find_code(text, at_start=True)
        if found is not None and code is None:
            code = DocumentCode(found.agency, found.year, found.serial)
            rest = text[found.end :].strip()
            if m := vocab.SIGNER_RE.match(rest):
                signer = split_names(m["names"], "、 \u3000")
        elif (m := vocab.SIGNER_RE.match(text)) and not signer:
            signer = split_names(m["names"], "、 \u3000")
        elif vocab.COPY_NUMBER_RE.match(text) and copy is None:
            copy = text
        elif vocab.SECRECY_RE.match(text) and secrecy is None:
            secrecy = text
        elif vocab.URGENCY_RE.match(text) and urgency is None:
            urgency = text
        elif text == "文件" and organs:
            mark_word = text
        elif line.style not in _NOT_ORGAN_STYLES:
            names = _organ_names(text)
            if len(names) == 1 and names[0].endswith("文件") and len(names[0]) > 2:
                names, mark_word = [names[0][:-2].rstrip()], "文件"
            organs.extend(names)
    title = [line.text for line in parts.title]
    if not title:
        ctx.warn(
            parts.recipients.where if parts.recipients else Location(ctx.path),
            _t("the notice has no title"),
        )
        title = [""]
    signature = [n for line in parts.signature for n in _organ_names(line.text)]
    if not organs:
        organs = list(signature)  # no printed mark: the organ is who signed
    if not organs and (organ := _organ_in_title("".join(title))):
        organs = [organ]  # nor a signature: the organ the title names (…局关于印发…)
        ctx.warn(
            parts.title[0].where if parts.title else Location(ctx.path),
            _t("the notice shows no issuing organ; “{organ}” is taken from its title").format(
                organ=organ
            ),
        )
    if not organs:
        organs = [PLACEHOLDER]  # the data must name one: left visibly for the office
        ctx.warn(
            parts.title[0].where if parts.title else Location(ctx.path),
            _t("the notice names no issuing organ anywhere; it is left as {placeholder}").format(
                placeholder=PLACEHOLDER
            ),
        )
    date = parse_date(parts.date.text) if parts.date is not None else None
    unreadable = None
    if parts.date is None:
        ctx.warn(
            Location(ctx.path),
            _t("the notice has no date (成文日期); it is left empty: fill it in the data"),
        )
    elif date is None and parts.date.text.strip() != PLACEHOLDER:
        unreadable = parts.date.text
        ctx.warn(
            parts.date.where,
            _t(
                "the 成文日期 “{date}” is not a date; it is kept as the last line of the "
                "body and the date left empty: correct it in the data"
            ).format(date=unreadable),
        )
    notice = Notice(organs, code, title, date)
    notice.signer, notice.copy_number, notice.secrecy = signer, copy, secrecy
    notice.urgency, notice.mark_word = urgency, mark_word
    notice.signature = [] if signature == organs else signature
    if parts.recipients is not None:
        notice.recipients = split_names(parts.recipients.text.rstrip("：:"), "，,")
    notice_body(ctx, notice, parts.body)
    if unreadable is not None:
        notice.body.append(unreadable)
    if parts.note is not None and (m := _NOTE.match(parts.note.text)):
        notice.note = m["note"]
    return notice


def read_colophon(notice: Notice, units: list[_Unit]) -> list[_Unit]:
    """Take the 版记 (抄送, 印发机关 and 印发日期) out of ``units``, wherever it stands."""
    rest: list[_Unit] = []
    for unit in units:
        if isinstance(unit, _Line):
            m = _CC.match(unit.text)
            if m and not notice.cc:
                notice.cc = split_names(m["names"].rstrip("。."), "，,")
                continue
            m = _PRINTED.match(unit.text) if unit.text.endswith("印发") else None
            printed_on = parse_date(m["date"]) if m else None
            if m and printed_on is not None and notice.printed_by is None:
                notice.printed_by = m["by"].strip()
                notice.printed_on = printed_on if printed_on != notice.date else None
                continue
        rest.append(unit)
    return rest


def notice_body(ctx: Context, notice: Notice, units: list[_Unit]) -> None:
    lines: list[_Line] = []
    for unit in units:
        if isinstance(unit, _Table):
            ctx.warn(unit.where, _t("a table in the notice is kept as lines of text"))
            lines.extend(_Line("\t".join(r), unit.where) for r in unit.rows)
        else:
            lines.append(unit)
    attachments = False
    for k, line in enumerate(lines):
        following = lines[k + 1].text if k + 1 < len(lines) else ""
        if (
            re.match(r"^附件\s*[：:]$", line.text)
            and not notice.attachments
            and (n := _ATTACHMENT_NUMBER.match(following)) is not None
            and n["n"] == "1"
        ):
            attachments = True  # “附件：” on a line of its own, the list below it
            continue
        m = _ATTACHMENT.match(line.text)
        if m and not notice.attachments:
            attachments = True
            n = _ATTACHMENT_NUMBER.match(m["rest"])
            notice.attachments.append(n["name"] if n else m["rest"])
            continue
        n = _ATTACHMENT_NUMBER.match(line.text)
        if attachments and n and int(n["n"]) == len(notice.attachments) + 1:
            notice.attachments.append(n["name"])
            continue
        if attachments:
            ctx.warn(line.where, _t("text after the attachment list (附件) is kept in the body"))
        notice.body.append(line.text)
