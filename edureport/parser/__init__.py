"""Parse: read an existing document (.docx, its text, or a task table in .xlsx) back into the
data that ``build`` takes.

The stages, top-down: ``sources`` turns the file into lines and tables; ``recognise`` (shared
with check and draft) repairs them and finds the parts — the notice, the printed documents —;
then ``notice``, ``summary`` and ``plan`` make the model from each part. Recognition works on the
text, so that a .docx made by hand reads the same as its text; styles are only hints. Nothing is
dropped: text that fits nowhere stays, in order, and a :class:`ParseWarning` says where it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, Location
from ..i18n import _ as _t  # `_` is a throwaway name in this module
from ..model import Comment, Document, Plan, Printable, Section, Summary, Table
from ..reader import read_docx, read_paragraphs
from ..recognise import recognise
from ..repair import Line, TableUnit, Unit, prepare
from ..vocab import parse_date, undistribute
from .context import Context, ParseWarning
from .lines import split_names
from .notice import read_colophon, read_notice
from .plan import read_plan
from .sources import sheet_units, units_of
from .summary import read_summary

__all__ = [
    "ParseResult",
    "ParseWarning",
    "parse",
    "parse_date",
    "parse_with_warnings",
    "split_names",
    "summarize",
    "undistribute",
]


@dataclass
class ParseResult:
    document: Document
    warnings: list[ParseWarning] = field(default_factory=list)


def parse(path: str | Path) -> Document:
    """The document data of the file at ``path``; see also :func:`parse_with_warnings`."""
    return parse_with_warnings(path).document


def parse_with_warnings(path: str | Path) -> ParseResult:
    """The document data of ``path`` and the warnings about text that was kept but not placed."""
    path = Path(path)
    comments: list[tuple[str, str]] = []
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        units = sheet_units(path)
    elif path.suffix.lower() == ".docx" and path.exists():
        paragraphs, comments = read_docx(path)
        units = units_of(path, paragraphs)
    else:
        units = units_of(path, read_paragraphs(path))
    if not any(isinstance(u, TableUnit) or u.text for u in units):
        raise InputError("the document holds no text", Location(path))
    ctx = Context(path)
    document = _document(ctx, units)
    # reviewers' notes (批注) are not text of the document, but they are kept
    document.comments = [Comment(text, note) for text, note in comments]
    return ParseResult(document, ctx.warnings)


def _document(ctx: Context, units: list[Unit]) -> Document:
    found = recognise(prepare(units, ctx.warn))
    notice = read_notice(ctx, found.notice) if found.notice is not None else None
    if notice is not None and found.notice is not None:
        read_colophon(notice, list(found.notice.colophon))
    document = Document(notice=notice)
    before = _t(
        "text before the document began is kept as front matter (front_matter), not printed"
    )
    after = _t("a web page's own text after the document is kept as front matter, not printed")
    for lines, message in ((found.front, before), (found.back, after)):
        for run in _runs(lines):  # one warning for a page's block of lines, not one a line
            more = _t(" ({n} lines from here)").format(n=len(run)) if len(run) > 1 else ""
            ctx.warn(run[0].where, message + more)
            document.front_matter.extend(line.text for line in run)
    for part in found.documents:
        body = part.body
        if notice is not None:
            body = read_colophon(notice, body)
        title = part.title.text if part.title is not None else ""
        if part.title is None and part is not found.documents[0]:
            ctx.warn(body[0].where, _t("text after the documents is read as a document"))
        kind: Printable = "plan" if part.kind == "plan" else "summary"
        made: Summary | Plan = (
            read_plan(ctx, title, body) if kind == "plan" else read_summary(ctx, title, body)
        )
        if part.marker is not None:
            made.marker = part.marker.text
        if kind == "plan" and document.plan is None:
            document.plan = made  # type: ignore[assignment]
        elif kind == "summary" and document.summary is None:
            document.summary = made  # type: ignore[assignment]
        else:
            document.more.append(made)
            continue
        if notice is not None:
            notice.prints.append(kind)
    if document.notice is None and document.summary is None and document.plan is None:
        document.summary = Summary("")
    document.source = ctx.path
    return document


def _runs(lines: list[Line]) -> list[list[Line]]:
    """``lines`` in runs of neighbours: each within a few source lines (blank ones) of the last."""
    runs: list[list[Line]] = []
    for line in lines:
        if runs and 0 <= line.paragraph - runs[-1][-1].paragraph <= 3:
            runs[-1].append(line)
        else:
            runs.append([line])
    return runs


def summarize(document: Document) -> str:
    """One line saying what was found: ``notice 承教发〔2021〕1号 · plan: 6 sections, 34 items``."""
    parts = []
    if document.notice is not None:
        code = document.notice.code
        parts.append(
            _t("notice {code}").format(code=code)
            if code is not None
            else _t("notice without a 发文字号")
        )
    for made in [document.summary, document.plan, *document.more]:
        if isinstance(made, Summary):
            tables = sum(isinstance(b, Table) for b in _summary_blocks(made))
            text = _t("summary: {sections} sections, {subsections} subsections").format(
                sections=len(made.sections), subsections=_count(made.sections)
            )
            parts.append(text + (_t(", {n} tables").format(n=tables) if tables else ""))
        elif isinstance(made, Plan):
            text = _t("plan: {sections} sections, {items} items")
            parts.append(text.format(sections=len(made.sections), items=len(made.items)))
    return " · ".join(parts)


def _count(sections: list[Section]) -> int:
    return sum(len(s.subsections) + _count(s.subsections) for s in sections)


def _summary_blocks(summary: Summary) -> list[str | Table]:
    blocks = list(summary.preface)

    def walk(sections: list[Section]) -> None:
        for section in sections:
            blocks.extend(section.paragraphs)
            walk(section.subsections)

    walk(summary.sections)
    return blocks
