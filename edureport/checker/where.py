"""Where a person finds a finding in Word: the part and heading path (工作要点 › 三、 › 12.) and
the paragraph's opening words, since Word shows neither paragraph numbers nor offsets."""

from __future__ import annotations

import dataclasses
import re

from .findings import Finding, Source
from .structure import Heading, Part

OPENING = 12  # characters of a paragraph's opening words


def _part_name(source: Source, part: Part) -> str:
    if part.kind == "notice":
        return "通知"
    title = re.sub(r"\s", "", "".join(source.paragraph(i).text for i in part.titles))
    short = re.sub(r"^.*?\d{4}年", "", title) or title  # 2021年工作要点 → 工作要点
    return short if len(short) <= OPENING else short[:OPENING] + "…"


def path_of(source: Source, index: int) -> str:
    """The part and heading path of paragraph ``index``: 工作要点 › 三、 › 12."""
    s = source.structure
    if index in s.colophon:
        return "版记"
    part = next((p for p in s.parts if p.first <= index <= p.end), None)
    if part is None:
        # Between parts (the notice's signature and date): the part before it.
        earlier = [p for p in s.parts if p.first <= index]
        if not earlier:
            return "版头" if s.is_notice else ""
        return _part_name(source, earlier[-1])
    trail: list[Heading] = []
    for heading in part.headings:
        if heading.index > index:
            break
        trail = [h for h in trail if h.level < heading.level] + [heading]
    return " › ".join([_part_name(source, part), *(h.label for h in trail)])


def opening(source: Source, index: int) -> str:
    text = source.paragraph(index).text.strip()
    return text if len(text) <= OPENING else text[:OPENING] + "…"


def locate(source: Source, findings: list[Finding]) -> list[Finding]:
    """``findings`` with the path and opening words of their paragraph filled in."""
    paths: dict[int, tuple[str, str]] = {}
    out = []
    for f in findings:
        index = f.location.paragraph
        if index is None or not 1 <= index <= len(source.paragraphs):
            out.append(f)
            continue
        if index not in paths:
            paths[index] = (path_of(source, index), opening(source, index))
        where, words = paths[index]
        location = dataclasses.replace(f.location, heading_path=where, opening=words)
        # Not dataclasses.replace, which is slow for a call made for every finding.
        out.append(Finding(f.rule, f.severity, location, f.message, f.clause, f.fix))
    return out
