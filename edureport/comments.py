"""Word comments (批注) on the built document: notes for reviewers that Word shows in the margin
and never prints. Added after rendering, each on the words it is about."""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .errors import DataError, Location
from .i18n import _
from .model import Comment

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
AUTHOR = "edureport"


def _text(run: Any) -> str:
    return "".join(t.text or "" for t in run.iter(f"{_W}t"))


def _split(run: Any, at: int) -> Any:
    """Split ``run`` after ``at`` characters; returns the second half (``run`` keeps the first).
    A run holding more than one text element (tabs, breaks) is left whole."""
    texts = [child for child in run if child.tag == f"{_W}t"]
    if len(texts) != 1 or any(c.tag not in (f"{_W}t", f"{_W}rPr") for c in run):
        return None
    text = texts[0].text or ""
    second = copy.deepcopy(run)
    texts[0].text = text[:at]
    texts[0].set(_XML_SPACE, "preserve")
    tail = next(c for c in second if c.tag == f"{_W}t")
    tail.text = text[at:]
    tail.set(_XML_SPACE, "preserve")
    run.addnext(second)
    return second


def _anchor(paragraph: Any, start: int, end: int) -> list[Any]:
    """The runs of ``paragraph`` that hold characters ``start``…``end``, split so that they hold
    only those where the runs allow it."""
    position = 0
    for run in list(paragraph.iterchildren(f"{_W}r")):
        length = len(_text(run))
        if position < start < position + length and _split(run, start - position) is not None:
            length = start - position
        position += length
    position, chosen = 0, []
    for run in list(paragraph.iterchildren(f"{_W}r")):
        length = len(_text(run))
        if position < end < position + length and _split(run, end - position) is not None:
            length = end - position
        if length and position < end and position + length > start:
            chosen.append(run)
        position += length
    return chosen


# The marks a draft puts in text, which the office deletes as it reviews: a comment's words are
# found with or without them.
_MARKS = re.compile(r"【待[^】]{1,6}】")


def _plain(text: str) -> tuple[str, list[int]]:
    """``text`` without draft marks, and where each of its characters stands in ``text``."""
    marked = bytearray(len(text))
    for match in _MARKS.finditer(text):
        marked[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    keep = [i for i in range(len(text)) if not marked[i]]
    return "".join(text[i] for i in keep), keep


def _find(plain: str, keep: list[int], words: str, after: int) -> tuple[int, int] | None:
    """Where ``words`` (marks ignored) stand in the paragraph, searching from ``after`` on."""
    needle = _MARKS.sub("", words)
    if not needle:
        return None
    start = next((k for k, i in enumerate(keep) if i >= after), len(keep))
    found = plain.find(needle, start)
    if found < 0:
        return None
    return keep[found], keep[found + len(needle) - 1] + 1


def add_comments(docx: Any, comments: Sequence[Comment], source: Path | None = None) -> None:
    """Anchor each comment on the first occurrence of its words not already commented."""
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

    body = docx.element.body
    paragraphs = list(body.iter(f"{_W}p"))
    texts = [_plain("".join(_text(r) for r in p.iterchildren(f"{_W}r"))) for p in paragraphs]
    used: set[tuple[int, int]] = set()
    for number, comment in enumerate(comments):
        spot = None
        for index, (plain, keep) in enumerate(texts):
            if _MARKS.sub("", comment.text) not in plain:
                continue
            found = _find(plain, keep, comment.text, 0)
            while found is not None and (index, found[0]) in used:
                found = _find(plain, keep, comment.text, found[0] + 1)
            if found is not None:
                spot = (index, *found)
                break
        if spot is None:
            raise DataError(
                _(
                    "the words of comment {number} (“{text}”) are not in the document; give them "
                    "as they are printed, or remove the comment once the text is revised"
                ).format(number=number + 1, text=comment.text),
                Location(source, field=f"comments[{number}].text"),
            )
        index, start, end = spot
        used.add((index, start))
        paragraph = Paragraph(paragraphs[index], docx.part)
        runs = _anchor(paragraphs[index], start, end)
        docx.add_comment(
            [Run(r, paragraph) for r in runs], text=comment.note, author=AUTHOR, initials="ER"
        )
