"""The render step: the composed document, escaped, filled into a .docx template with docxtpl,
then the steps after filling, in order.

    template (templates) → validate → compose + escape → fill (sandboxed Jinja) → drop empty runs
        → place the 版记 → warn about data the template never read

Templates render in a sandboxed, autoescaping Jinja environment: data is never code. Every value is
escaped once (escape.py), so text such as ``{{ x }}``, ``& < >`` or a line break comes out as
written. Errors in a template become a TemplateError naming the template and, where it can be
found, the paragraph whose tag failed.
"""

from __future__ import annotations

import functools
import re
import warnings
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jinja2 import TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError

from .colophon import place_colophon
from .compose import compose
from .errors import Location, TemplateError, UnusedDataWarning
from .escape import escaped, mark_run
from .i18n import _
from .model import Document
from .sandbox import LimitedEnvironment, LimitError, Undefined, failing_tag
from .templates import load_template, template_path
from .validate import validate
from .vocab import match_heading

# Off only to compare with docxtpl's own preparation (tests, benchmarks/bench_build.py).
PREPARE_ONCE = True


def render(
    document: Document, template: str | Path | None = None, *, allow_external: bool = False
) -> Any:
    """Render ``document`` into ``template`` (default: the bundled one); returns the DocxTemplate.

    A template that refers to files outside it (a remote image, an attached template) is refused
    unless ``allow_external``: every document built from it would fetch them when opened."""
    path = template_path(document, template, allow_external=allow_external)
    validate(document)  # values set in Python or read from sheets are checked like the YAML
    plain = template_context(document)
    other_forms = _numbered_off_level(plain["documents"])
    context = _watched(plain)
    tpl = _fill(path, context)
    drop_empty_runs(tpl.docx.element.body)
    release_lone_headings(tpl.docx.element.body)
    if other_forms:
        fonts_by_number(tpl.docx.element.body, tpl.docx.styles.element)
    if context["colophon"]:  # the 版记 at the foot of an even last page (GB/T 9704 7.4, 7.5)
        place_colophon(tpl.docx)
    _warn_unused(context, path)
    return tpl


def template_context(document: Document) -> dict[str, Any]:
    """What a template sees: the composed document, every text escaped."""
    context = compose(document)
    if context["notice"] is not None:
        context["notice"]["organs"] = [mark_run(**organ) for organ in context["notice"]["organs"]]
    result: dict[str, Any] = escaped(context)
    return result


def _fill(path: Path, context: dict[str, Any]) -> Any:
    """The template at ``path`` filled with ``context``; its errors as TemplateError."""
    try:
        tpl = load_template(path, prepared=PREPARE_ONCE)
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
    return tpl


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


def release_lone_headings(body: Any) -> None:
    """A heading keeps with the text under it (GB/T 9704 7.3.3), not with the next heading of its
    rank. A heading that runs on into its own text (（一）标题。正文…), or that has no text under it
    (a plan item written as its title alone), gets keep-with-next turned off: otherwise a run of
    such paragraphs is one unbreakable block that moves to the next page and leaves the page
    before it half empty."""
    from lxml import etree

    styles = {}  # the paragraphs in the letterhead's heading styles GwH1 … GwH4
    for style in body.iter(_W_PSTYLE):
        value = style.get(_W_VAL, "")
        if value[:3] == "GwH" and value[3:].isdigit():
            styles[style.getparent().getparent()] = style
    levels = {p: int(style.get(_W_VAL)[3:]) for p, style in styles.items()}
    run_in = {
        run.getparent()
        for style in body.iter(_W_RSTYLE)
        if style.get(_W_VAL) == "GwRunIn"
        and (run := style.getparent().getparent()) is not None
        and any(t.text for t in run.iterchildren(_W_T))
    }
    for p, level in levels.items():
        after = levels.get(p.getnext())
        if p in run_in or (after is not None and after <= level):
            # right after w:pStyle, where the schema puts w:keepNext
            styles[p].addnext(etree.Element(f"{_W}keepNext", {_W_VAL: "0"}))


_W_VAL, _W_PSTYLE, _W_RSTYLE = f"{_W}val", f"{_W}pStyle", f"{_W}rStyle"
_W_R, _W_RFONTS, _W_EAST = f"{_W}r", f"{_W}rFonts", f"{_W}eastAsia"


def _numbered_off_level(documents: list[Any]) -> bool:
    """Whether a heading is numbered in the form of another level than its own: plan items
    numbered （一）, a summary's 1. right under 一、."""
    for doc in documents:
        for block in doc["blocks"]:
            kind = block["kind"]
            if kind in ("h1", "h2", "h3", "h4"):
                found = match_heading(str(block["heading"]))
                if found is not None and found.level <= 4 and found.level != int(kind[1]):
                    return True
    return False


def fonts_by_number(body: Any, styles: Any) -> None:
    """A heading's font follows its written number (GB/T 9704 7.3.3: 一、 黑体, （一） 楷体, 1. and
    （1） 仿宋), also where it stands at another level than its form's own: the run of its number
    and title takes the font of the letterhead's heading style for that form."""
    from copy import deepcopy

    by_id = {el.get(f"{_W}styleId"): el for el in styles.iterchildren(f"{_W}style")}
    fonts = {n: _style_fonts(styles, by_id, f"GwH{n}") for n in range(1, 5)}
    for style in body.iter(_W_PSTYLE):
        value = style.get(_W_VAL, "")
        if value[:3] != "GwH" or not value[3:].isdigit() or int(value[3:]) not in fonts:
            continue
        run = next(style.getparent().getparent().iterchildren(_W_R), None)
        if run is None:
            continue
        found = match_heading("".join(t.text or "" for t in run.iterchildren(_W_T)))
        if found is None or found.level not in fonts:
            continue
        want, have = fonts[found.level], fonts[int(value[3:])]
        if want is None or (have is not None and want.get(_W_EAST) == have.get(_W_EAST)):
            continue
        rpr = next(run.iterchildren(_W_RPR), None)
        if rpr is None:
            rpr = run.makeelement(_W_RPR, {})
            run.insert(0, rpr)
        for old in rpr.findall(_W_RFONTS):
            rpr.remove(old)
        # w:rFonts comes right after a w:rStyle, first otherwise (the schema's order)
        rpr.insert(1 if len(rpr) and rpr[0].tag == _W_RSTYLE else 0, deepcopy(want))


def _style_fonts(styles: Any, by_id: dict[str, Any], style_id: str) -> Any:
    """The w:rFonts a paragraph style gives its text, through basedOn, else the document's."""
    seen: set[str] = set()
    while style_id in by_id and style_id not in seen:
        seen.add(style_id)
        el = by_id[style_id]
        fonts = el.find(f"{_W}rPr/{_W}rFonts")
        if fonts is not None:
            return fonts
        based = el.find(f"{_W}basedOn")
        style_id = based.get(_W_VAL, "") if based is not None else ""
    return styles.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr/{_W}rFonts")


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
