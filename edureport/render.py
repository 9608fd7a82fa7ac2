"""Render the composed document into a .docx template with docxtpl, and write it atomically.

Templates render in a sandboxed, autoescaping Jinja environment: data is never code. Every value is
escaped here once, so text such as ``{{ x }}``, ``& < >`` or a line break comes out as written.
"""

from __future__ import annotations

import functools
import io
import re
import warnings
import zipfile
from collections.abc import Iterable
from dataclasses import is_dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError
from markupsafe import Markup, escape

from .colophon import place_colophon
from .compose import compose
from .errors import InputError, Location, TemplateError, UnusedDataWarning
from .files import atomic_output as atomic_output  # re-exported: pdf, preview import it here
from .files import check_output
from .i18n import N_, _
from .loader import load
from .model import Document
from .sandbox import LimitedEnvironment, LimitError, Undefined, failing_tag
from .validate import validate

DEFAULT_TEMPLATE = "notice.docx"


def default_template() -> Path:
    """The bundled GB/T 9704-2012 template: package data, or the repository's templates/."""
    installed = resources.files("edureport") / "_templates" / DEFAULT_TEMPLATE
    if installed.is_file():
        return Path(str(installed))
    return Path(__file__).resolve().parent.parent / "templates" / DEFAULT_TEMPLATE


_EMPTY = Markup("")


# What escaping or docxtpl's "{_{" handling changes; most text has none of it.
_SPECIAL = re.compile(r"[&<>\"'_]")


def _text(value: str) -> Markup:
    if not value:
        return _EMPTY
    if _SPECIAL.search(value) is None:
        # Markup(value) without its checks for objects with __html__: value is plain text.
        return str.__new__(Markup, value)
    escaped = escape(value)
    if "_" in value:
        # docxtpl turns "{_{" back into "{{" after rendering; a character reference keeps it.
        return Markup(str(escaped).replace("{_", "{&#95;").replace("_}", "&#95;}"))
    return escaped


def _escaped(value: Any) -> Any:
    # The exact types first: the context is thousands of plain strings, lists and dicts.
    kind = type(value)
    if kind is str:
        return _text(value)
    if kind is list:
        return [_escaped(v) for v in value]
    if kind is dict:
        return {k: _escaped(v) for k, v in value.items()}
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, dict):
        return {k: _escaped(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_escaped(v) for v in value]
    if value is None or kind is int or kind is bool:
        return value
    if is_dataclass(value) and not isinstance(value, type):
        fields = vars(value)
        escaped = {k: _text(v) if type(v) is str else _escaped(v) for k, v in fields.items()}
        if fields.get("kind") == "table":
            escaped["xml"] = Markup(table_xml(fields["table"]))
        return escaped
    return value


FOLDER_TEMPLATE = "template.docx"


def folder_template(document: Document) -> Path:
    """The template for ``document``: a template.docx beside its data file, else the bundled one."""
    if document.source is not None:
        beside = document.source.parent / FOLDER_TEMPLATE
        if beside.is_file():
            return beside
    return default_template()


def _mark_run(name: str, scale: int) -> Markup:
    """An organ name's run in the mark; the style gives font, size and red, this only narrows."""
    rpr = f'<w:rPr><w:w w:val="{scale}"/></w:rPr>' if scale < 100 else ""
    return Markup(f'<w:r>{rpr}<w:t xml:space="preserve">{_text(name)}</w:t></w:r>')


def table_xml(table: dict[str, Any]) -> str:
    """A real Word table in the template's table styles (GwTable, GwTableHeader, GwTableText)."""

    def cell(text: str, style: str) -> str:
        return (
            f'<w:tc><w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>'
            f'<w:r><w:t xml:space="preserve">{_text(text)!s}</w:t></w:r></w:p></w:tc>'
        )

    numeric = table["numeric"]
    header = "".join(cell(name, "GwTableHeader") for name in table["header"])
    rows = "".join(
        "<w:tr>"
        + "".join(
            cell(v, "GwTableNumber" if numeric[i] else "GwTableText") for i, v in enumerate(row)
        )
        + "</w:tr>"
        for row in table["rows"]
    )
    grid = "".join('<w:gridCol w:w="1000"/>' for _ in table["header"])
    caption = (
        f'<w:p><w:pPr><w:pStyle w:val="GwTableCaption"/></w:pPr><w:r><w:t xml:space="preserve">'
        f"{_text(table['caption'])!s}</w:t></w:r></w:p>"
        if table["caption"]
        else ""
    )
    return (
        f'{caption}<w:tbl><w:tblPr><w:tblStyle w:val="GwTable"/><w:tblW w:w="5000" w:type="pct"/>'
        f'<w:jc w:val="center"/><w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
        f"<w:tr><w:trPr><w:tblHeader/></w:trPr>{header}</w:tr>{rows}</w:tbl>"
        # A paragraph after the table keeps the next one from joining it in Word.
        '<w:p><w:pPr><w:pStyle w:val="GwTableAfter"/></w:pPr></w:p>'
    )


class _Environment(LimitedEnvironment):
    """Sandboxed with limits, autoescaping, strict about undefined names, compiling each template
    once.

    docxtpl compiles a part's XML on every render; a letterhead is rendered many times in a batch,
    so compiled templates are kept by their source (the data is never part of the source).
    """

    def __init__(self) -> None:
        super().__init__(autoescape=True, undefined=Undefined)
        self._compiled: dict[str, Any] = {}

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Any:
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        compiled = self._compiled.get(source)
        if compiled is None:
            if len(self._compiled) > 64:
                self._compiled.clear()
            compiled = self._compiled[source] = _compiled_template(self, source)
        return compiled


def _compiled_template(environment: _Environment, source: str) -> Any:
    """``source`` compiled in ``environment``; by default kept on disk for the next process."""
    if PREPARE_ONCE:
        from .prepared import compile_template

        return compile_template(environment, source)
    return super(_Environment, environment).from_string(source)


@functools.cache
def _environment() -> _Environment:
    return _Environment()


def template_context(document: Document) -> dict[str, Any]:
    """What a template sees: the composed document, every text escaped."""
    context = compose(document)
    if context["notice"] is not None:
        context["notice"]["organs"] = [_mark_run(**organ) for organ in context["notice"]["organs"]]
    escaped: dict[str, Any] = _escaped(context)
    return escaped


def render(
    document: Document, template: str | Path | None = None, *, allow_external: bool = False
) -> Any:
    """Render ``document`` into ``template`` (default: the bundled one); returns the DocxTemplate.

    A template that refers to files outside it (a remote image, an attached template) is refused
    unless ``allow_external``: every document built from it would fetch them when opened."""
    path = Path(template) if template is not None else folder_template(document)
    if not path.is_file():
        raise TemplateError("the template file does not exist", Location(path))
    _check_template(path, allow_external)
    validate(document)  # values set in Python or read from sheets are checked like the YAML
    context = _watched(template_context(document))
    try:
        tpl = _docx_template(path)
        with _environment().limits():
            tpl.render(context, jinja_env=_environment(), autoescape=True)
    except UndefinedError as exc:
        missing = _missing_variables(tpl, context)
        names = ", ".join(sorted(missing)) if missing else str(exc.message)
        raise TemplateError(
            _("the template uses variables the data does not provide: {names}").format(names=names),
            _where(path, context, missing or _undefined_name(exc)),
        ) from None
    except LimitError as exc:
        raise TemplateError(
            _("the template went past a limit: {why}").format(why=exc), _where(path, context)
        ) from None
    except SecurityError as exc:
        raise TemplateError(
            _("the template tried an unsafe operation: {why}").format(why=exc),
            _where(path, context),
        ) from None
    except TemplateSyntaxError as exc:
        raise TemplateError(
            _("the template has a tag error: {why}").format(why=exc.message), _where(path, context)
        ) from None
    except (KeyError, ValueError, zipfile.BadZipFile) as exc:
        message = _("the template cannot be read: {why}").format(why=exc)
        raise TemplateError(message, Location(path)) from None
    except RecursionError:
        raise TemplateError(
            "the template calls itself without end (a recursive macro)", _where(path, context)
        ) from None
    except (ArithmeticError, TypeError, AttributeError, LookupError, MemoryError) as exc:
        raise TemplateError(
            _("the template failed: {why}").format(why=f"{type(exc).__name__}: {exc}"),
            _where(path, context),
        ) from None
    drop_empty_runs(tpl.docx.element.body)
    if context["colophon"]:  # the 版记 at the foot of an even last page (GB/T 9704 7.4, 7.5)
        place_colophon(tpl.docx)
    _warn_unused(context, path)
    return tpl


def render_bytes(document: Document, template: str | Path | None = None) -> bytes:
    """The .docx of ``document`` as bytes, written nowhere."""
    buffer = io.BytesIO()
    render(document, template).save(buffer)
    return buffer.getvalue()


class _Watched(dict[str, Any]):
    """A part of the context that remembers which of its keys the template read."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.read: set[str] = set()

    def __getitem__(self, key: str) -> Any:
        self.read.add(key)
        return super().__getitem__(key)


def _watched(context: dict[str, Any]) -> dict[str, Any]:
    for name in ("notice", "colophon"):
        if context[name] is not None:
            context[name] = _Watched(context[name])
    context["documents"] = [_Watched(d) for d in context["documents"]]
    return context


# The notice's printed parts and the fields they come from, for the unused-data warning.
_NOTICE_FIELDS = {
    "organs": "notice.organs (发文机关)",
    "mark_word": "notice.mark_word (发文机关标志)",
    "code": "notice.code (发文字号)",
    "signer": "notice.signer (签发人)",
    "title": "notice.title (标题)",
    "recipients": "notice.recipients (主送机关)",
    "body": "notice.body (正文)",
    "attachments": "notice.attachments (附件说明)",
    "signature": "notice.signature (署名)",
    "date": "notice.date (成文日期)",
    "note": "notice.note (附注)",
    "header_lines": "notice.copy_number, secrecy, urgency (份号, 密级, 紧急程度)",
}


def _warn_unused(context: dict[str, Any], path: Path) -> None:
    """Warn (not fail) about data the template never read: it is missing from the document."""
    unused: list[str] = []
    notice = context["notice"]
    if isinstance(notice, _Watched):
        for key, name in _NOTICE_FIELDS.items():
            value = notice.get(key)
            if key not in notice.read and (any(value or ()) if key == "header_lines" else value):
                unused.append(name)
    for document in context["documents"]:
        if "blocks" not in document.read and document.get("blocks"):
            unused.append(f"the text of “{document.get('title')}”")
    colophon = context["colophon"]
    if isinstance(colophon, _Watched) and not colophon.read:
        unused.append("the 版记 (notice.cc, printed_by, printed_on)")
    if unused:
        warnings.warn(
            UnusedDataWarning(
                f"{path}: the template never uses {', '.join(unused)}; "
                "that data is not in the document"
            ),
            stacklevel=3,
        )


def _check_template(path: Path, allow_external: bool) -> None:
    from .reader import verify_package

    try:
        external = verify_package(path, "docx")
    except InputError as exc:
        raise TemplateError(exc.message, exc.location) from None
    if external and not allow_external:
        listed = _("; ").join(
            _("{kind} {target} (in {part})").format(
                kind=_(ref.kind), target=ref.target, part=ref.part
            )
            for ref in external
        )
        error = TemplateError(
            _(
                "the template refers to files outside it, which every document built from it "
                "would fetch when opened: {listed}"
            ).format(listed=listed),
            Location(path),
        )
        error.hint = N_("remove them in Word, or pass allow_external=True")
        error.cli_hint = N_("remove them in Word, or use --allow-external")
        raise error


def _undefined_name(exc: UndefinedError) -> set[str]:
    match = re.match(r"'([^']+)' is undefined", str(exc.message))
    return {match[1]} if match else set()


def _where(path: Path, context: dict[str, Any], missing: Iterable[str] = ()) -> Location:
    """The template and, where it can be found, the paragraph whose tag failed."""
    from .reader import DocxPackage, docx_paragraphs

    try:
        package = DocxPackage(path)
        try:
            paragraphs = [(p.index, p.text) for p in docx_paragraphs(package)]
        finally:
            package.close()
        found = failing_tag(_environment(), paragraphs, context, missing)
    except Exception:  # best effort: the error is reported with the template either way
        found = None
    if found is None:
        return Location(path)
    return Location(path, field=f"paragraph {found[0]}, {found[1]}")


# Off only to compare with docxtpl's own preparation (tests, benchmarks/bench_build.py).
PREPARE_ONCE = True


def _docx_template(path: Path) -> Any:
    """The DocxTemplate for ``path``; by default one that prepares each template only once."""
    if PREPARE_ONCE:
        from .prepared import template

        return template(str(path))
    from docxtpl import DocxTemplate

    return DocxTemplate(str(path))


def drop_empty_runs(body: Any) -> None:
    """Remove runs that print nothing: an optional label or run-in text left empty, and the
    shells docxtpl leaves around {{r }} tags. They are invisible, but clutter the file for whoever
    edits it next (and for `check --fix`, which works run by run)."""
    # The XPath (in C) leaves only runs without text; few of them, checked here in full.
    empty = [
        run
        for run in _textless_runs()(body)
        if len(run) and all(child.tag == _W_T or child.tag == _W_RPR for child in run)
    ]
    for run in empty:
        run.getparent().remove(run)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W_T, _W_RPR = f"{_W}t", f"{_W}rPr"


@functools.cache
def _textless_runs() -> Any:
    from lxml import etree

    return etree.XPath(".//w:r[not(w:t/text())]", namespaces={"w": _W[1:-1]})


def _missing_variables(tpl: Any, context: dict[str, Any]) -> set[str]:
    """Top-level names the template uses that the context lacks (jinja reports attributes)."""
    try:
        return set(tpl.get_undeclared_template_variables(_environment(), context))
    except Exception:  # the analysis is best effort; the render error is reported either way
        return set()


def build(
    source: str | Path | Document,
    output: str | Path,
    *,
    template: str | Path | None = None,
    force: bool = False,
    allow_external: bool = False,
) -> Path:
    """Build the .docx for ``source`` (data path or loaded :class:`Document`) at ``output``.

    ``allow_external`` lets a template refer to files outside it (see :func:`render`)."""
    document = source if isinstance(source, Document) else load(source)
    output = Path(output)
    check_output(output, force)  # fail before the work, not after
    tpl = render(document, template, allow_external=allow_external)
    if document.comments:  # notes for reviewers, on the words they are about (never printed)
        from .comments import add_comments

        add_comments(tpl.docx, document.comments, document.source)
    with atomic_output(output, force) as tmp:
        tpl.save(str(tmp))
    return output
