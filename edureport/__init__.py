"""edureport: build, parse, check and draft Chinese official documents laid out to GB/T 9704-2012.

>>> import edureport
>>> document = edureport.load("examples/chengde-2021")
>>> document.build("承教发〔2021〕1号.docx")  # doctest: +SKIP
"""

from __future__ import annotations

from .check import Finding, check
from .draft import Drafts, draft, merge_results
from .errors import (
    DataError,
    EdureportError,
    InputError,
    Location,
    OutputExistsError,
    TemplateError,
)
from .load import load
from .model import (
    Document,
    DocumentCode,
    Notice,
    Plan,
    PlanItem,
    PlanSection,
    Section,
    Summary,
    Table,
)
from .parse import ParseResult, ParseWarning, parse, parse_with_warnings
from .render import build

__version__ = "0.1.0"

__all__ = [
    "DataError",
    "Document",
    "DocumentCode",
    "Drafts",
    "EdureportError",
    "Finding",
    "InputError",
    "Location",
    "Notice",
    "OutputExistsError",
    "ParseResult",
    "ParseWarning",
    "Plan",
    "PlanItem",
    "PlanSection",
    "Section",
    "Summary",
    "Table",
    "TemplateError",
    "__version__",
    "build",
    "check",
    "draft",
    "load",
    "merge_results",
    "parse",
    "parse_with_warnings",
]
