"""Check a 红头文件 against GB/T 9704-2012 and proofreading rules; apply the safe fixes.

    >>> from edureport.checker import check
    >>> for finding in check("承教发〔2021〕1号.docx"):  # doctest: +SKIP
    ...     print(finding.rule, finding.severity, finding.location, finding.message)

Findings are values, never exceptions: :func:`check` raises only when the file cannot be read; each
says where it is with a :class:`~edureport.errors.Location`, as errors do. The rules are registered
here, in :data:`RULES`; each lives in the module named for what it checks, with its id, and the
clause it rests on in its docstring. Text rules (T…) read the words: ``forms``, ``punctuation``,
``consistency``, ``drafts``. Layout rules (L…) read a .docx's XML through ``layout_view`` and
``styles``: ``page_setup``, ``fonts``, ``header``, ``ending``, ``references``. Page rules (P…) read
the pages LibreOffice lays out: ``pages``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import EdureportError, InputError, Location
from ..i18n import N_, _
from ..reader import DocxPackage, docx_paragraphs, read_paragraphs
from . import (
    consistency,
    drafts,
    ending,
    fonts,
    forms,
    header,
    page_setup,
    pages,
    punctuation,
    references,
)
from .findings import Finding, Fix, Rule, Severity, Source
from .findings import Position as Position  # deprecated: a finding's location is a Location
from .fixes import FixResult, apply_fixes
from .where import locate

# The one place rules are registered: a rule is in force when it is listed here. Their order is the
# order of findings at one place, and of `edureport rules`.
RULES: tuple[Rule, ...] = (
    forms.code_form,  # T101
    forms.date_form,
    forms.recipients_colon,
    punctuation.unpaired,  # T201
    punctuation.quote_direction,
    punctuation.half_width,
    punctuation.stray_space,
    consistency.heading_sequence,  # T301
    consistency.heading_level_skip,
    consistency.label_consistency,
    consistency.end_punctuation,
    consistency.label_alone,
    consistency.title_year,
    consistency.named_not_printed,
    consistency.heading_form,
    consistency.enumeration_sequence,
    drafts.placeholder,  # T401
    page_setup.paper,  # L101
    page_setup.margins,
    page_setup.text_grid,
    fonts.body_font,  # L201
    fonts.heading_font,
    fonts.title_font,
    fonts.text_colour,
    header.red_mark,  # L301
    header.red_rule,
    header.header_order,
    header.code_layout,
    header.recipients,
    ending.signature_date,  # L401
    page_setup.page_numbers,  # L402
    ending.colophon_lines,
    ending.attachment_page,
    ending.tables,
    references.external_references,  # L501
    *pages.RULES,  # P101…: one module, one family
)

__all__ = [
    "RULES",
    "Finding",
    "Fix",
    "FixResult",
    "Location",
    "Rule",
    "Severity",
    "check",
    "fix",
    "select_rules",
]


def select_rules(
    select: Iterable[str] | None = None, ignore: Iterable[str] | None = None
) -> list[Rule]:
    """The rules whose id, id prefix (T, L2), name or family (text, layout) is selected and not
    ignored. An unknown name raises :class:`InputError` (a usage problem)."""

    def matches(r: Rule, key: str) -> bool:
        key = key.strip()
        return r.id.upper().startswith(key.upper()) or key.lower() in (r.name, r.family)

    def known(keys: Iterable[str] | None) -> list[str]:
        out = [k.strip() for k in keys or () if k.strip()]
        for key in out:
            if not any(matches(r, key) for r in RULES):
                ids = ", ".join(r.id for r in RULES)
                raise InputError(
                    _("no rule called {key!r}; rules are {ids}, or text / layout / pages").format(
                        key=key, ids=ids
                    )
                )
        return out

    chosen, dropped = known(select), known(ignore)
    return [
        r
        for r in RULES
        if (not chosen or any(matches(r, k) for k in chosen))
        and not any(matches(r, k) for k in dropped)
    ]


def _source(path: Path) -> Source:
    if not path.exists():
        raise InputError("no such file", Location(path))
    if path.suffix.lower() == ".docx" or path.name.startswith("~$"):
        package = DocxPackage(path)
        return Source(path, docx_paragraphs(package), package)
    return Source(path, read_paragraphs(path))


def _run(source: Source, rules: list[Rule]) -> list[Finding]:
    findings: list[Finding] = []
    for r in rules:
        if r.family in ("layout", "pages") and source.package is None:
            continue  # layout needs a .docx; a text file has no page
        findings.extend(r.run(source))
    outside = source.structure.outside  # a web page's own lines are not the document's text
    findings = [f for f in findings if f.rule[0] != "T" or f.location.paragraph not in outside]
    order = {r.id: k for k, r in enumerate(RULES)}
    findings = locate(source, findings)
    return sorted(
        findings,
        key=lambda f: (f.location.paragraph or 0, f.location.offset or 0, order[f.rule]),
    )


def check(
    path: str | Path,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    pages: bool = False,
) -> list[Finding]:
    """The findings for the .docx or .txt at ``path``, in document order. With ``pages`` the
    page rules (P…) run too: LibreOffice lays the document out (OfficeError without it)."""
    with _not_run():
        rules = [r for r in select_rules(select, ignore) if pages or r.family != "pages"]
        source = _source(Path(path))
        try:
            return _run(source, rules)
        finally:
            if source.package is not None:
                source.package.close()


# A check that could not run at all exits 2, apart from 1 for "errors found".
NOT_RUN = 2


@contextlib.contextmanager
def _not_run() -> Iterator[None]:
    """Errors that stop a check say so in their exit code; their type is left as it is."""
    try:
        yield
    except EdureportError as exc:
        exc.exit_code = NOT_RUN
        raise


def fix(
    path: str | Path,
    output: str | Path | None = None,
    *,
    in_place: bool = False,
    force: bool = False,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
) -> FixResult:
    """Write a copy of ``path`` with the safe fixes applied (to ``output``, or over ``path`` when
    ``in_place``); everything no fix touches stays as it was. Returns what was and was not fixed."""
    path = Path(path)
    with _not_run():
        if (output is None) == (not in_place):
            error = InputError(
                "the fixes need one place to go: a new file or the file itself", Location(path)
            )
            error.hint = N_("give either an output file or in_place=True")
            error.cli_hint = N_("--fix needs either -o FIXED or --in-place (not both)")
            raise error
        target = path if in_place else Path(output)  # type: ignore[arg-type]
        if not in_place and target.resolve() == path.resolve():
            raise InputError(
                "the output is the input; use in_place to overwrite it", Location(path)
            )
        rules = [r for r in select_rules(select, ignore) if r.family != "pages"]
        source = _source(path)
        try:
            findings = _run(source, rules)
            return apply_fixes(source, findings, target, force=force or in_place)
        finally:
            if source.package is not None:
                source.package.close()
