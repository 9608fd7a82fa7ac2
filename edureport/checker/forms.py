"""Text rules on how the document writes its own particulars (T1…): the 发文字号 (机关代字〔年份〕
序号号) and the 成文日期 (2021年4月6日), and dates in the text. A wrong form of the document's own
发文字号 or 成文日期 is an error; of one cited in the text, a warning."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..i18n import _ as _t  # rule modules keep `_` for throwaway names
from ..model import PLACEHOLDER
from ..vocab import parse_date
from .findings import Fix, Hit, Severity, Source, rule, span_hit
from .structure import CN_DIGITS, CODE_RE, DATE_NUMERIC_RE, DATE_RE

_LEADING_ZERO = re.compile(r"\d{4}年(0\d)月|\d{1,2}月(0\d)日")
# 号 for 日, as the day is spoken: 2024年3月27号; in the text, 3月5号召开.
_SPOKEN_DAY = re.compile(r"\d\s*(号)$")
_SPOKEN_DATE = re.compile(r"(?<![\d.])\d{1,2}月\d{1,2}号")
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
                yield span_hit(
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
                yield span_hit(
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
                yield span_hit(
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
    written = source.structure.date_text
    for p in source.paragraphs:
        text = p.text.strip()
        lead = len(p.text) - len(p.text.lstrip())
        if p.index == dated and written and written != text and written in text:
            # a web copy runs the body, signature and date into one line: the date is its end
            lead, text = p.text.rfind(written), written
        if p.index == dated or (
            dated is None and (DATE_RE.match(text) or DATE_NUMERIC_RE.match(text))
        ):
            if DATE_NUMERIC_RE.match(text):
                yield span_hit(
                    source,
                    p.index,
                    lead,
                    lead + len(text),
                    _t("成文日期 written {text}; write it as 2021年4月6日").format(text=text),
                )
                continue
            spoken = _SPOKEN_DAY.search(text)
            if p.index == dated and spoken and DATE_RE.match(text[: spoken.start(1)] + "日"):
                yield span_hit(
                    source,
                    p.index,
                    lead + spoken.start(1),
                    lead + spoken.end(1),
                    _t("成文日期 written {text}: the day ends in 日, not 号").format(text=text),
                )
                continue
            m = DATE_RE.match(text)
            if m is None or (len(m["y"]) == 4 and m["y"].isdigit() and parse_date(text) is None):
                if p.index == dated and text != PLACEHOLDER:
                    yield span_hit(
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
                yield span_hit(
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
                yield span_hit(
                    source,
                    p.index,
                    lead,
                    lead + len(text),
                    _t("成文日期 with a two-digit year; write the year in full"),
                )
            elif mo.startswith("0") or d.startswith("0"):
                yield span_hit(
                    source,
                    p.index,
                    lead,
                    lead + len(text),
                    _t("成文日期 with a leading zero; write {date}").format(
                        date=f"{y}年{int(mo)}月{int(d)}日"
                    ),
                )
            continue
        for m in _SPOKEN_DATE.finditer(p.text) if "号" in p.text else ():
            yield span_hit(
                source,
                p.index,
                m.start(),
                m.end(),
                _t("date {date} written with 号; write {day}").format(
                    date=m.group(0), day=m.group(0)[:-1] + "日"
                ),
                severity=Severity.WARNING,
            )
        if "年0" not in p.text and "月0" not in p.text:
            continue  # cheap test first: the pattern below scans slowly
        for m in _LEADING_ZERO.finditer(p.text):
            yield span_hit(
                source,
                p.index,
                m.start(),
                m.end(),
                _t("date {date} with a leading zero").format(date=m.group(0)),
                severity=Severity.WARNING,
            )


@rule("T103", "recipients-colon", "text", Severity.ERROR)
def recipients_colon(source: Source) -> Iterator[Hit]:
    """The 主送机关 line ends with a full-width colon ：.

    Clause: GB/T 9704-2012 7.3.2
    """
    at = source.structure.recipients
    if at is None:
        return
    text = source.paragraph(at).text.rstrip()
    if not text or text[-1] in "：:":
        return  # a half-width colon is T203's and L305's
    last = len(text) - 1
    yield span_hit(
        source,
        at,
        last,
        last + 1,
        _t("the 主送机关 line has no colon at its end; write ： after {last}").format(
            last=text[-1]
        ),
        fix=Fix(at, last, text[-1], text[-1] + "："),
    )
