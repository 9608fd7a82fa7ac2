"""Text rules on punctuation and spacing (T2…), by GB/T 15834-2011: marks that open without
closing, double quotes turned the wrong way, half-width marks in Chinese text, stray spaces. Most
have a safe fix."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..i18n import _ as _t  # rule modules keep `_` for throwaway names
from ..vocab import is_date_like, match_heading
from .findings import Fix, Hit, Source, rule, span_hit
from .structure import CODE_RE, HAN

_HAN_RE = re.compile(f"[{HAN}]")
# Full-width punctuation and brackets: a neighbour that makes the context Chinese.
CN_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】〔〕［］「」『』—…·～"
_ROUND = re.compile(r"\(([^()]*)\)")
_BOOK = re.compile(r"《[^《》]*》")
_ANGLE = re.compile(r"<([^<>]*)>")
_SPACES = re.compile(r" +")


def _han(ch: str) -> bool:
    return bool(ch) and bool(_HAN_RE.match(ch))


def _chinese(ch: str) -> bool:
    return _han(ch) or (bool(ch) and ch in CN_PUNCT)


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
        if _MARKS.search(p.text) is None:
            continue  # no quote or bracket to pair
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
                    yield span_hit(
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
                    yield span_hit(
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
                yield span_hit(
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
            yield span_hit(
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
        if "<" not in text and _CANDIDATES.search(text) is None:
            continue  # most paragraphs: no half-width mark at all
        done: set[int] = set()
        # A 发文字号's brackets around its year are T101's: they become 〔〕, not （）.
        for code in CODE_RE.finditer(text) if "(" in text else ():
            done.update((code.start("open"), code.start("close")))
        # Round brackets with Chinese inside or beside them: one finding for the pair.
        for m in _ROUND.finditer(text):
            a, b = m.start(), m.end()
            before = text[a - 1] if a else ""
            after = text[b] if b < len(text) else ""
            if a in done:
                continue
            if _HAN_RE.search(m.group(1)) or _chinese(before) or _chinese(after):
                done.update((a, b - 1))
                yield span_hit(
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
                yield span_hit(
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
                    yield span_hit(
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
                    yield span_hit(
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
                    yield span_hit(
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
                    yield span_hit(
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
                yield span_hit(
                    source,
                    p.index,
                    i,
                    i + len(run.group(0)),
                    _t("... in Chinese text; write ……"),
                    fix=Fix(p.index, i, run.group(0), "……"),
                )
            elif ch == "." and _han(prev) and not ((nxt.isascii() and nxt.isalnum()) or nxt == "."):
                yield span_hit(
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


def _lost_break(text: str, a: int, b: int) -> bool:
    """A space standing for a paragraph break that a web page or a copy lost: a sentence ends and a
    heading or a 附件 line starts, or a signature is followed by the date that ends the text."""
    rest = text[b:]
    if text[a - 1] in "。；！？" and (match_heading(rest) is not None or rest.startswith("附件")):
        return True
    heading = match_heading(rest)
    if _han(text[a - 1]) and heading is not None and heading.level >= 3:
        return True  # a heading run on after a heading without its 。: 党的建设 1.深入学习
    return is_date_like(rest) and "。" not in rest


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
        for m in _SPACES.finditer(text) if " " in text else ():
            a, b = m.start(), m.end()
            if b == len(text):
                continue  # trailing spaces print nothing
            if a == 0:
                if odd_leading and text.strip():
                    yield span_hit(
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
            if _lost_break(text, a, b):
                yield span_hit(
                    source,
                    p.index,
                    a,
                    b,
                    _t(
                        "a space where a new paragraph begins ({opening}…): "
                        "start it on its own line"
                    ).format(opening=text[b : b + 6]),
                )
                continue
            if (_han(prev) and nxt.isdigit()) or (prev.isdigit() and _han(nxt)):
                why = _t("between a Chinese character and a number")
            elif prev in CN_PUNCT and (_chinese(nxt) or nxt.isalnum()):
                why = _t("after {mark}").format(mark=prev)
            elif nxt in CN_PUNCT and (_han(prev) or prev.isdigit()) and nxt not in "“‘（《〈【":
                why = _t("before {mark}").format(mark=nxt)
            if why:
                yield span_hit(
                    source,
                    p.index,
                    a,
                    b,
                    _t("stray space {why}").format(why=why),
                    fix=Fix(p.index, a, m.group(0), ""),
                )
