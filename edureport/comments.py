"""Word comments (批注) on the built document: notes for reviewers that Word shows in the margin
and never prints. Added after rendering, each on the words it is about."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .errors import DataError, Location
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


def add_comments(docx: Any, comments: Sequence[Comment], source: Path | None = None) -> None:
    """Anchor each comment on the first occurrence of its words not already commented."""
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

    body = docx.element.body
    paragraphs = list(body.iter(f"{_W}p"))
    used: set[tuple[int, int]] = set()
    for number, comment in enumerate(comments):
        spot = None
        for index, p in enumerate(paragraphs):
            text = "".join(_text(r) for r in p.iterchildren(f"{_W}r"))
            start = text.find(comment.text) if comment.text else -1
            while start >= 0 and (index, start) in used:
                start = text.find(comment.text, start + 1)
            if start >= 0:
                spot = (index, start)
                break
        if spot is None:
            raise DataError(
                f"the words of comment {number + 1} (“{comment.text}”) are not in the document; "
                "give words as they are printed",
                Location(source, field=f"comments[{number}].text"),
            )
        used.add(spot)
        index, start = spot
        paragraph = Paragraph(paragraphs[index], docx.part)
        runs = _anchor(paragraphs[index], start, start + len(comment.text))
        docx.add_comment(
            [Run(r, paragraph) for r in runs], text=comment.note, author=AUTHOR, initials="ER"
        )
