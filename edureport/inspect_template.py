"""Look at a letterhead template before using it: the names it uses, those the data does not
provide, the data it never shows, and the layout of the template filled with a sample document.

Names are written as paths through the render context, a loop's items as ``[]``:
``documents[].blocks[].text``. A loop variable is followed back to what it loops over.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import TemplateSyntaxError, nodes
from markupsafe import Markup

from .errors import Location, TemplateError
from .i18n import _
from .model import (
    Column,
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

# Names Jinja itself provides inside a template.
_JINJA_NAMES = {
    "loop",
    "range",
    "dict",
    "lipsum",
    "cycler",
    "joiner",
    "namespace",
    "true",
    "false",
    "none",
    "True",
    "False",
    "None",
}


@dataclass
class TemplateReport:
    """What :func:`inspect_template` found."""

    path: Path
    used: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # used, but no data provides it
    unshown: list[str] = field(default_factory=list)  # data the template never shows
    findings: list[Any] = field(default_factory=list)  # check findings on the filled template

    @property
    def ok(self) -> bool:
        from .checker import Severity

        return not self.missing and not any(f.severity is Severity.ERROR for f in self.findings)


def sample_document() -> Document:
    """A document with every field filled, so that every name the data can provide is there."""
    item = PlanItem(
        title="深入学习贯彻党的二十大精神",
        goal=["学习覆盖全体党员。"],
        measures=["开展专题学习。"],
        departments=["办公室"],
        cooperating=["基教科"],
        leader=["局长"],
        deadline="12月底",
        paragraphs=["按季度报送进展。"],
    )
    table = Table(
        columns=[Column("指标"), Column("数量", "number")], rows=[["学校", 12]], caption="表1"
    )
    return Document(
        notice=Notice(
            organs=["某某市教育局", "某某市财政局"],
            code=DocumentCode("某教发", 2024, 1),
            title=["关于印发2023年工作总结及2024年", "工作要点的通知"],
            date=dt.date(2024, 4, 6),
            recipients=["各县区教育局"],
            body=["现将《2023年工作总结》和《2024年工作要点》印发给你们。"],
            mark_word="文件",
            signer=["张三"],
            copy_number="000001",
            secrecy="秘密★1年",
            urgency="特急",
            attachments=["2023年工作总结", "2024年工作要点"],
            note="联系人：李四",
            cc=["市委办公室"],
            printed_by="某某市教育局办公室",
            printed_on=dt.date(2024, 4, 7),
            prints=["summary", "plan"],
        ),
        summary=Summary(
            title="2023年工作总结",
            preface=["全年教育工作取得新进展。", table],
            sections=[
                Section(
                    "坚持立德树人，全面提高教育质量",
                    ["全年各项工作稳步推进。"],
                    [Section("深化课程改革。", ["各校开齐开足课程。"], run_in=True)],
                )
            ],
            marker="附件1",
        ),
        plan=Plan(
            title="2024年工作要点",
            overview=["总体思路。"],
            sections=[PlanSection("加强党的建设", [item], ["坚持党对教育工作的全面领导。"])],
            marker="附件2",
        ),
    )


def provided_paths(context: dict[str, Any]) -> tuple[set[str], set[str]]:
    """Every path the context provides, and its leaves (the values that print)."""
    every: set[str] = set()
    leaves: set[str] = set()

    def walk(value: Any, path: str) -> None:
        if path:
            every.add(path)
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "table" and "xml" in value:
                    continue  # a table prints through its xml
                walk(item, f"{path}.{key}" if path else key)
        elif isinstance(value, list) and not isinstance(value, Markup):
            if not value:
                leaves.add(path)
            for item in value:
                walk(item, path + "[]")
        elif path and value is not None:  # None: a field this kind of block does not have
            leaves.add(path)

    walk(context, "")
    return every, leaves


def _expr_path(node: nodes.Node, aliases: dict[str, str]) -> str | None:
    if isinstance(node, nodes.Name):
        return aliases.get(node.name, node.name)
    if isinstance(node, nodes.Getattr):
        base = _expr_path(node.node, aliases)
        return None if base is None else f"{base}.{node.attr}"
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
        base = _expr_path(node.node, aliases)
        if base is None:
            return None
        key = node.arg.value
        return f"{base}[]" if isinstance(key, int) else f"{base}.{key}"
    return None


def used_paths(tree: nodes.Node) -> set[str]:
    """The paths a parsed template reads, loop variables followed to what they loop over."""
    return _paths(tree)[0]


def _paths(tree: nodes.Node) -> tuple[set[str], set[str]]:
    """The paths read, and those printed whole ({{ notice.body }} prints every paragraph)."""
    used: set[str] = set()
    printed: set[str] = set()

    def visit(node: nodes.Node, aliases: dict[str, str]) -> None:
        if isinstance(node, nodes.Output):
            for expr in node.nodes:
                whole = _expr_path(expr, aliases)
                if whole is not None:
                    printed.add(whole)
        if isinstance(node, nodes.For):
            visit(node.iter, aliases)
            inner = dict(aliases)
            source = _expr_path(node.iter, aliases)
            targets = [node.target] if isinstance(node.target, nodes.Name) else []
            for target in targets:
                assert isinstance(target, nodes.Name)
                if source is not None:
                    inner[target.name] = source + "[]"
            for statement in [*node.body, *node.else_]:
                visit(statement, inner)
            if node.test is not None:
                visit(node.test, inner)
            return
        if isinstance(node, nodes.Name | nodes.Getattr | nodes.Getitem):
            path = _expr_path(node, aliases)
            if path is not None:
                if path.split(".")[0].split("[")[0] not in _JINJA_NAMES:
                    used.add(path)
                return
        for child in node.iter_child_nodes():
            visit(child, aliases)

    visit(tree, {})
    return used, printed


def _template_source(path: Path) -> str:
    """The template's Jinja source: its body, headers and footers, as docxtpl renders them."""
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(str(path))
    tpl.init_docx()
    xml = tpl.patch_xml(tpl.get_xml())
    for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
        for _key, part in tpl.get_headers_footers(uri):
            xml += tpl.patch_xml(tpl.get_part_xml(part))
    return str(xml)


def inspect_template(path: str | Path, data: Document | None = None) -> TemplateReport:
    """Read the template at ``path``: names it uses and misses, data it never shows, and the
    layout findings on it filled with ``data`` (default: a sample with every field)."""
    from .builder import build
    from .checker import check
    from .render import _environment, template_context

    path = Path(path)
    if not path.is_file():
        raise TemplateError("the template file does not exist", Location(path))
    if not zipfile.is_zipfile(path):
        raise TemplateError("the template is not a .docx file (Word 2007 or later)", Location(path))
    try:
        tree = _environment().parse(_template_source(path))
    except TemplateSyntaxError as exc:
        message = _("the template has a tag error: {why}").format(why=exc.message)
        raise TemplateError(message, Location(path)) from None
    except (KeyError, ValueError, zipfile.BadZipFile) as exc:
        message = _("the template cannot be read: {why}").format(why=exc)
        raise TemplateError(message, Location(path)) from None
    document = data or sample_document()
    every, leaves = provided_paths(template_context(document))
    used, printed = _paths(tree)
    report = TemplateReport(path, used=sorted(used))
    report.missing = sorted(u for u in used if u not in every)
    # A leaf is shown when it is read, or printed whole as part of what it belongs to.
    report.unshown = sorted(
        leaf
        for leaf in leaves
        if leaf not in used and not any(leaf.startswith((u + ".", u + "[")) for u in printed)
    )
    if not report.missing:
        with tempfile.TemporaryDirectory() as folder:
            filled = build(document, Path(folder) / "filled.docx", template=path)
            report.findings = check(filled, select=["layout"])
    return report


def render_report(report: TemplateReport) -> str:
    """The report as the CLI prints it."""

    def names(items: list[str]) -> str:
        return "\n".join(f"  {item}" for item in items) if items else "  " + _("none")

    from .checker.report import line

    out = [
        _("{path}: the template uses {n} name(s):").format(path=report.path, n=len(report.used)),
        names(report.used),
        _("names the data does not provide:"),
        names(report.missing),
        _("data the template never shows:"),
        names(report.unshown),
    ]
    if report.missing:
        out.append(_("layout: not checked (the template cannot be filled)"))
    else:
        out.append(_("layout of the template filled with a sample document:"))
        out.append(names([line(report.path, f) for f in report.findings]))
    return "\n".join(out)
