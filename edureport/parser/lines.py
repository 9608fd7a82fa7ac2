"""What a line of a document is: a heading (numbered, or styled as one), a run-in title, a label."""

from __future__ import annotations

import re

from .. import vocab
from ..repair import Line
from ..vocab import match_heading

SENTENCE_END = re.compile(r"[。！？!?]")
END_MARKS = "。；;，,.、"


def split_names(text: str, separators: str = "、") -> list[str]:
    """Split a list of names at ``separators``, but not inside brackets: 局机关各科室（馆、站）."""
    return vocab.split_names(text, separators)[0]


def heading(text: str) -> tuple[int, str, str] | None:
    """Level, number as written and title of a heading line (a number alone is not a heading)."""
    found = match_heading(text)
    if found is None or not found.rest.strip():
        return None
    return found.level, found.written, found.rest


def heading_of(unit: Line) -> tuple[int, str, str] | None:
    """A heading line: numbered in its text, or, without a number, styled as a heading (标题 1)."""
    found = heading(unit.text)
    if found is not None or unit.level is None or not 1 <= unit.level <= 4:
        return found
    text = unit.text.strip()
    if not text or len(text) > 80 or text[-1:] in "：:":
        return None
    return unit.level, "", text


def written_label(prefix: str, default: str) -> str | None:
    """The label to keep in the data: None for the standard form "目标任务："."""
    if prefix == default + "：":
        return None
    if prefix == prefix.rstrip() and prefix.endswith("："):
        return prefix[:-1]  # another word, the usual colon: keep the word only
    return prefix


def run_in(title: str) -> tuple[str, str]:
    """ "标题。正文……" → the title (to its first full stop) and the text after it; a heading run
    straight into "一是……" ends where the 一是 begins."""
    m = SENTENCE_END.search(title)
    first = title.find("一是")
    if first >= 4 and (m is None or first < m.start()) and title[first - 1] not in "，,、":
        return title[:first], title[first:]
    if m and m.end() < len(title):
        return title[: m.end()], title[m.end() :]
    return title, ""
