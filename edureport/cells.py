"""A spreadsheet cell's value as Excel shows it, through the cell's number format.

A sheet holds 7 in format ``000`` and shows 007; it holds 0.5 in ``0%`` and shows 50%. A table
printed from a sheet must say what the sheet says, so a text column takes the shown value. The
common formats are understood (General, ``0``, ``0.00``, ``#,##0``, percentages, literals in
quotes, currency and colour codes, dates and times with Chinese literals); a format that is not
(fractions, Chinese numerals [DBNum]) raises :class:`ValueError`, so that the cell is named rather
than shown wrongly.
"""

from __future__ import annotations

import datetime as dt
import re

_QUOTED = re.compile(r'"([^"]*)"')
_BRACKET = re.compile(r"\[([^\]]*)\]")


def shown(value: object, number_format: str | None) -> str | None:
    """``value`` as Excel shows it with ``number_format``; None for an empty cell."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    fmt = number_format or "General"
    if isinstance(value, str):
        return value
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return _date(value, fmt)
    if isinstance(value, int | float):
        return _number(float(value) if isinstance(value, float) else value, fmt)
    raise ValueError(f"a cell value of type {type(value).__name__}")


def _general(value: int | float) -> str:
    if isinstance(value, int) or value.is_integer():
        return str(int(value))
    return format(value, ".15g").replace("e+", "E+").replace("e-", "E-")


def _section(fmt: str, value: int | float) -> tuple[str, int | float, str]:
    """The format section for ``value`` (positive;negative;zero;text), the value it shows, and
    the sign written before it."""
    sections = _split(fmt)
    if value < 0 and len(sections) > 1:
        return sections[1], -value, ""
    if value == 0 and len(sections) > 2:
        return sections[2], value, ""
    return sections[0], abs(value), "-" if value < 0 else ""


def _split(fmt: str) -> list[str]:
    parts, current, quoted = [], "", False
    for ch in fmt:
        if ch == '"':
            quoted = not quoted
        if ch == ";" and not quoted:
            parts.append(current)
            current = ""
        else:
            current += ch
    return [*parts, current]


def _literals(section: str) -> list[tuple[bool, str]]:
    """The section as pieces: (True, literal text) or (False, format codes)."""
    pieces: list[tuple[bool, str]] = []
    i = 0
    while i < len(section):
        ch = section[i]
        if ch == '"':
            end = section.find('"', i + 1)
            end = len(section) if end < 0 else end
            pieces.append((True, section[i + 1 : end]))
            i = end + 1
        elif ch == "\\" and i + 1 < len(section):
            pieces.append((True, section[i + 1]))
            i += 2
        elif ch in "_*" and i + 1 < len(section):
            i += 2  # _x pads with the width of x, *x fills the cell: neither is text
        elif ch == "[":
            end = section.find("]", i)
            code = section[i + 1 : end if end >= 0 else len(section)]
            if code.upper().startswith("DBNUM"):
                raise ValueError("Chinese numerals ([DBNum])")
            if code.startswith("$"):
                pieces.append((True, code[1:].split("-")[0]))  # [$¥-804] is a currency sign
            i = (end if end >= 0 else len(section)) + 1
        else:
            pieces.append((False, ch))
            i += 1
    return pieces


def _number(value: int | float, fmt: str) -> str:
    if fmt.strip().lower() in ("general", "@", ""):
        return _general(value)
    section, magnitude, sign = _section(fmt, value)
    pieces = _literals(section)
    codes = "".join(text for literal, text in pieces if not literal)
    if "/" in codes or re.search(r"[ymdhs]", codes, re.I):
        raise ValueError("a fraction or date format on a number")
    if codes.strip().lower() == "general":
        return sign + _general(magnitude)
    magnitude = magnitude * 100 ** codes.count("%")
    match = re.search(r"[0#?,.]*[0#?][0#?,.]*(?:[eE][+-][0#]+)?", codes)
    if match is None:  # only literals: Excel shows them and not the number
        return "".join(text for _, text in pieces)
    number = _digits(magnitude, match.group())
    out, placed, position = [], False, 0
    for literal, text in pieces:
        if literal:
            out.append(text)
            continue
        start, position = position, position + 1
        if match.start() <= start < match.end():
            if not placed:
                out.append(sign + number)
                placed = True
            continue
        out.append(text)
    return "".join(out)


def _digits(value: int | float, code: str) -> str:
    exponent = re.search(r"[eE]([+-])([0#]+)$", code)
    mantissa_code = code[: exponent.start()] if exponent else code
    scale = len(mantissa_code) - len(mantissa_code.rstrip(","))  # trailing commas: thousands
    mantissa_code = mantissa_code.rstrip(",")
    value = value / 1000**scale
    whole_code, _, decimal_code = mantissa_code.partition(".")
    decimals = sum(ch in "0#?" for ch in decimal_code)
    least = len(decimal_code.rstrip("#?")) - decimal_code.rstrip("#?").count(",")
    grouped = "," in whole_code
    min_whole = whole_code.count("0")
    power = 0
    if exponent and value:
        power = int(f"{value:e}".split("e")[1])
        value = value / 10**power
    text = f"{value:.{decimals}f}"
    whole, _, fraction = text.partition(".")
    fraction = fraction.rstrip("0").ljust(least, "0") if decimals else ""
    whole = whole.lstrip("0").rjust(min_whole, "0")
    if grouped:
        whole = f"{int(whole or 0):,}".rjust(min_whole, "0") if whole else whole
    result = whole + ("." + fraction if fraction or ("." in mantissa_code and least) else "")
    if exponent:
        digits = len(exponent.group(2))
        sign = "-" if power < 0 else ("+" if exponent.group(1) == "+" else "")
        result += f"E{sign}{abs(power):0{digits}d}"
    return result


_DATE_CODES = re.compile(r"yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am/pm|a/p", re.I)


def _date(value: dt.datetime | dt.date | dt.time, fmt: str) -> str:
    if fmt.strip().lower() in ("general", ""):
        if isinstance(value, dt.datetime):
            return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
        return value.isoformat()
    section = _split(fmt)[0]
    moment = (
        value
        if isinstance(value, dt.datetime)
        else dt.datetime.combine(value, dt.time())
        if isinstance(value, dt.date)
        else dt.datetime.combine(dt.date(1900, 1, 1), value)
    )
    pieces = _literals(section)
    codes = "".join(text if not literal else "\x00" * len(text) for literal, text in pieces)
    if "/" in codes and not re.search(r"[ymd]", codes, re.I):
        raise ValueError("a fraction format on a date")
    out: list[str] = []
    literal_text = iter(text for literal, text in pieces if literal)
    i, after_hour = 0, False
    twelve_hour = bool(re.search("am/pm|a/p", codes, re.I))
    while i < len(codes):
        if codes[i] == "\x00":
            text = next(literal_text)
            out.append(text)
            i += len(text) or 1
            continue
        m = _DATE_CODES.match(codes, i)
        if m is None:
            out.append(codes[i])
            i += 1
            continue
        code = m.group().lower()
        i = m.end()
        if code in ("mm", "m") and (after_hour or re.match(r"\s*:?\s*s", codes[i:], re.I)):
            out.append(f"{moment.minute:0{len(code)}d}")
            continue
        after_hour = code in ("h", "hh")
        out.append(_date_code(code, moment, twelve_hour))
    return "".join(out)


def _date_code(code: str, moment: dt.datetime, twelve_hour: bool) -> str:
    hour = ((moment.hour % 12) or 12) if twelve_hour else moment.hour
    table = {
        "yyyy": f"{moment.year:04d}",
        "yy": f"{moment.year % 100:02d}",
        "mmmm": moment.strftime("%B"),
        "mmm": moment.strftime("%b"),
        "mm": f"{moment.month:02d}",
        "m": str(moment.month),
        "dddd": moment.strftime("%A"),
        "ddd": moment.strftime("%a"),
        "dd": f"{moment.day:02d}",
        "d": str(moment.day),
        "hh": f"{hour:02d}",
        "h": str(hour),
        "ss": f"{moment.second:02d}",
        "s": str(moment.second),
        "am/pm": "AM" if moment.hour < 12 else "PM",
        "a/p": "A" if moment.hour < 12 else "P",
    }
    return table[code]
