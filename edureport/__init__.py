"""edureport: build, parse, check and draft Chinese official documents laid out to GB/T 9704-2012.

>>> import edureport
>>> document = edureport.load("examples/chengde-2021")
>>> document.build("承教发〔2021〕1号.docx")  # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import (
    DataError,
    EdureportError,
    InputError,
    Location,
    OutputError,
    OutputExistsError,
    TemplateError,
    UnusedDataWarning,
)

if TYPE_CHECKING:
    from .batch import BatchResult, build_many
    from .builder import build
    from .checker import Finding, Severity, check
    from .collector import collect
    from .drafter import Drafts, draft, merge_results
    from .dump import save
    from .loader import load
    from .model import (
        Column,
        Comment,
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
    from .parser import ParseResult, ParseWarning, parse, parse_with_warnings

# Imported on first use, so that `edureport --help` or one build does not load check, parse,
# draft, pandas or openpyxl (start-up is most of a small build's time).
_LAZY = {
    "BatchResult": "batch",
    "build_many": "batch",
    "Finding": "checker",
    "Severity": "checker",
    "save": "dump",
    "check": "checker",
    "collect": "collector",
    "Drafts": "drafter",
    "draft": "drafter",
    "merge_results": "drafter",
    "load": "loader",
    **dict.fromkeys(
        [
            "Column",
            "Comment",
            "Document",
            "DocumentCode",
            "Notice",
            "Plan",
            "PlanItem",
            "PlanSection",
            "Section",
            "Summary",
            "Table",
        ],
        "model",
    ),
    **dict.fromkeys(["ParseResult", "ParseWarning", "parse", "parse_with_warnings"], "parser"),
    "build": "builder",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


__version__ = "0.1.0"

__all__ = [
    "BatchResult",
    "Column",
    "Comment",
    "DataError",
    "Document",
    "DocumentCode",
    "Drafts",
    "EdureportError",
    "Finding",
    "InputError",
    "Location",
    "Notice",
    "OutputError",
    "OutputExistsError",
    "ParseResult",
    "ParseWarning",
    "Plan",
    "PlanItem",
    "PlanSection",
    "Section",
    "Severity",
    "Summary",
    "Table",
    "TemplateError",
    "UnusedDataWarning",
    "__version__",
    "build",
    "build_many",
    "check",
    "collect",
    "draft",
    "load",
    "merge_results",
    "parse",
    "parse_with_warnings",
    "save",
]
