"""edureport: build, parse, check and draft Chinese official documents laid out to GB/T 9704-2012.

>>> import edureport
>>> document = edureport.load("examples/chengde-2021")
>>> document.build("承教发〔2021〕1号.docx")  # doctest: +SKIP
"""

from __future__ import annotations

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
from .render import build

__version__ = "0.1.0"

__all__ = [
    "DataError",
    "Document",
    "DocumentCode",
    "EdureportError",
    "InputError",
    "Location",
    "Notice",
    "OutputExistsError",
    "Plan",
    "PlanItem",
    "PlanSection",
    "Section",
    "Summary",
    "Table",
    "TemplateError",
    "__version__",
    "build",
    "load",
]
