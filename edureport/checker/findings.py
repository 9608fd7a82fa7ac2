"""What a check produces: findings as plain values, and the rule type every check rule is made of.

A rule is a function that reads a :class:`Source` and yields :class:`Hit` s; the registry wraps each
hit into a :class:`Finding` carrying the rule's id and the clause from the rule's docstring, so that
a rule states its id once (in the decorator) and its clause once (in the docstring).
"""

from __future__ import annotations

import enum
import re
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import Location
from ..reader import DocxPackage, SourceParagraph

if TYPE_CHECKING:
    from .structure import Structure


class Severity(enum.Enum):
    """error: the document must not go out like this; warning: a slip to correct; info: a note."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    def __str__(self) -> str:
        return self.value


def Position(  # named as the class it replaces
    paragraph: int | None = None,
    offset: int | None = None,
    excerpt: str = "",
    page: int | None = None,
    line: int | None = None,
    path: str = "",
    opening: str = "",
) -> Location:
    """Deprecated: a finding's location is a :class:`~edureport.errors.Location`, as an error's is.

    Takes the arguments the old class took (``line`` the line on the page, ``path`` the heading
    path) and returns the :class:`Location` with ``page_line`` and ``heading_path`` set."""
    warnings.warn(
        "checker.Position is deprecated; use edureport.Location "
        "(its page_line and heading_path are Position's line and path)",
        DeprecationWarning,
        stacklevel=2,
    )
    return Location(
        paragraph=paragraph,
        offset=offset,
        excerpt=excerpt,
        page=page,
        page_line=line,
        heading_path=path,
        opening=opening,
        whole_document=paragraph is None and page is None,
    )


@dataclass(frozen=True)
class Fix:
    """A safe replacement: ``old`` at ``offset`` in paragraph ``paragraph`` becomes ``new``."""

    paragraph: int
    offset: int
    old: str
    new: str

    def __str__(self) -> str:
        from ..i18n import _

        return _("replace “{old}” with “{new}”").format(
            old=_visible(self.old), new=_visible(self.new)
        )


@dataclass(frozen=True)
class Finding:
    """One thing a reviewer would point at."""

    rule: str
    severity: Severity
    location: Location
    message: str
    clause: str
    fix: Fix | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "paragraph": self.location.paragraph,
            "offset": self.location.offset,
            # The character as the text report and a person count it (from 1): the same number.
            "character": None if self.location.offset is None else self.location.offset + 1,
            "excerpt": self.location.excerpt,
            "page": self.location.page,
            "line": self.location.page_line,  # the published key: the line on the page
            "path": self.location.heading_path,
            "opening": self.location.opening,
            "message": self.message,
            "clause": self.clause,
            "fix": None
            if self.fix is None
            else {"offset": self.fix.offset, "old": self.fix.old, "new": self.fix.new},
        }


@dataclass(frozen=True)
class Hit:
    """What a rule yields: the registry adds the rule id, clause and default severity."""

    location: Location
    message: str
    severity: Severity | None = None
    fix: Fix | None = None


@dataclass
class Source:
    """A document to check: its paragraphs, and for a .docx its package (for layout rules)."""

    path: Path
    paragraphs: list[SourceParagraph]
    package: DocxPackage | None = None
    cache: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def structure(self) -> Structure:
        from .structure import analyse

        return analyse(self.paragraphs)

    def paragraph(self, index: int) -> SourceParagraph:
        return self.paragraphs[index - 1]


_CLAUSE = re.compile(r"^\s*Clause:\s*(.+?)\s*$", re.M)
RuleFunction = Callable[[Source], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    """A registered rule: id (T… text, L… layout, P… pages), short name, family, severity."""

    id: str
    name: str
    family: str
    severity: Severity
    function: RuleFunction = field(compare=False, repr=False)

    @property
    def summary(self) -> str:
        doc = self.function.__doc__ or ""
        return doc.strip().splitlines()[0] if doc.strip() else self.name

    @property
    def clause(self) -> str:
        """The ``Clause:`` line of the rule's docstring."""
        match = _CLAUSE.search(self.function.__doc__ or "")
        return match.group(1) if match else ""

    def run(self, source: Source) -> Iterator[Finding]:
        clause = self.clause
        for hit in self.function(source):
            yield Finding(
                self.id, hit.severity or self.severity, hit.location, hit.message, clause, hit.fix
            )


def rule(
    rule_id: str, name: str, family: str, severity: Severity = Severity.WARNING
) -> Callable[[RuleFunction], Rule]:
    """Make a function a :class:`Rule`. The registry in ``check/__init__.py`` lists the rules."""

    def wrap(function: RuleFunction) -> Rule:
        return Rule(rule_id, name, family, severity, function)

    return wrap


def excerpt(text: str, start: int, end: int | None = None, width: int = 8) -> str:
    """A short piece of ``text`` around ``start:end``, with … where it was cut."""
    end = start + 1 if end is None else end
    lo, hi = max(0, start - width), min(len(text), end + width)
    piece = text[lo:hi].replace("\n", "⏎").replace("\t", "⇥")
    return ("…" if lo > 0 else "") + piece + ("…" if hi < len(text) else "")


def span_hit(
    source: Source,
    index: int,
    start: int,
    end: int,
    message: str,
    *,
    severity: Severity | None = None,
    fix: Fix | None = None,
) -> Hit:
    """A hit on ``start:end`` of paragraph ``index``, with the text around it as the excerpt."""
    text = source.paragraph(index).text
    where = Location(paragraph=index, offset=start, excerpt=excerpt(text, start, end))
    return Hit(where, message, severity, fix)


def paragraph_hit(
    source: Source, index: int, message: str, *, severity: Severity | None = None
) -> Hit:
    """A hit on paragraph ``index`` as a whole, with its opening words as the excerpt."""
    text = source.paragraph(index).text
    where = Location(paragraph=index, excerpt=excerpt(text, 0, min(len(text), 12), 0))
    return Hit(where, message, severity)


def document_hit(message: str, *, severity: Severity | None = None) -> Hit:
    """A hit on the document as a whole: its paper, margins, footers, package."""
    return Hit(Location(whole_document=True), message, severity)


def _visible(text: str) -> str:
    return text.replace(" ", "␣")
