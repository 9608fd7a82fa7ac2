"""Findings as the CLI prints them: one line each (path:paragraph:character: severity id message),
or JSON for a CI job; and the exit code."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from ..i18n import N_, _
from .findings import Finding, Severity
from .fixes import FixResult


def exit_code(findings: list[Finding]) -> int:
    """0 when no finding is an error, else 1."""
    return 1 if any(f.severity is Severity.ERROR for f in findings) else 0


def line(path: Path, f: Finding) -> str:
    where = str(path)
    if f.location.paragraph is not None:
        where += f":{f.location.paragraph}"
        if f.location.offset is not None:
            where += f":{f.location.offset + 1}"
    text = f"{where}: {_(str(f.severity))} {f.rule} {_(f.message)}"
    if f.location.page is not None:
        text = f"{where}: {_(str(f.severity))} {f.rule} "
        on_page = _("page {page}, line {line}: ")
        text += on_page.format(page=f.location.page, line=f.location.page_line)
        text += _(f.message)
    if f.location.excerpt:
        text += f" 「{f.location.excerpt}」"
    if f.location.heading_path or f.location.opening:
        words = f"“{f.location.opening}”" if f.location.opening else ""
        text += f" ({' '.join(filter(None, (f.location.heading_path, words)))})"
    if f.clause:
        text += f" [{_(f.clause)}]"
    if f.fix is not None:
        text += _(" (fixable: {fix})").format(fix=f.fix)
    return text


_COUNTS = {
    Severity.ERROR: (N_("{n} error"), N_("{n} errors")),
    Severity.WARNING: (N_("{n} warning"), N_("{n} warnings")),
    Severity.INFO: (N_("{n} info"), N_("{n} infos")),
}


def _counts(findings: list[Finding]) -> str:
    counts = Counter(f.severity for f in findings)
    parts = [_(_COUNTS[s][counts[s] != 1]).format(n=counts[s]) for s in Severity]
    fixable = sum(1 for f in findings if f.fix is not None)
    tail = _("; {n} fixable with --fix").format(n=fixable) if fixable else ""
    return _(", ").join(parts) + tail


def render_text(path: Path, findings: list[Finding], fixed: FixResult | None = None) -> str:
    out = [line(path, f) for f in findings]
    if fixed is not None:
        for f in fixed.applied:
            assert f.fix is not None
            where = f"{fixed.output}:{f.fix.paragraph}:{f.fix.offset + 1}"
            out.append(
                _("fixed: {where}: {rule} {fix}").format(where=where, rule=f.rule, fix=f.fix)
            )
        for f, why in fixed.skipped:
            out.append(_("not fixed: {finding} — {why}").format(finding=line(path, f), why=_(why)))
        message = _("wrote {path} with {n} fix(es)")
        out.append(message.format(path=fixed.output, n=len(fixed.applied)))
    out.append(f"{path}: {_counts(findings)}" if findings else f"{path}: " + _("no findings"))
    return "\n".join(out)


def render_json(path: Path, findings: list[Finding], fixed: FixResult | None = None) -> str:
    data: dict[str, object] = {
        "file": str(path),
        "findings": [f.as_dict() for f in findings],
        "counts": {s.value: sum(1 for f in findings if f.severity is s) for s in Severity},
    }
    if fixed is not None:
        data["output"] = str(fixed.output)
        data["fixed"] = [f.as_dict() for f in fixed.applied]
        data["not_fixed"] = [dict(f.as_dict(), reason=_(why)) for f, why in fixed.skipped]
    return json.dumps(data, ensure_ascii=False, indent=2)
