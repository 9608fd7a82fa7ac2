"""Finding and loading the letterhead template a document is built with.

The template is the bundled GB/T 9704-2012 one, a ``template.docx`` beside the data, or one the
caller names. A template that refers to files outside it is refused unless allowed: every document
built from it would fetch them when opened.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from .errors import InputError, Location, TemplateError
from .i18n import N_, _
from .model import Document

DEFAULT_TEMPLATE = "notice.docx"
FOLDER_TEMPLATE = "template.docx"


def default_template() -> Path:
    """The bundled GB/T 9704-2012 template: package data, or the repository's templates/."""
    installed = resources.files("edureport") / "_templates" / DEFAULT_TEMPLATE
    if installed.is_file():
        return Path(str(installed))
    return Path(__file__).resolve().parent.parent / "templates" / DEFAULT_TEMPLATE


def folder_template(document: Document) -> Path:
    """The template for ``document``: a template.docx beside its data file, else the bundled one."""
    if document.source is not None:
        beside = document.source.parent / FOLDER_TEMPLATE
        if beside.is_file():
            return beside
    return default_template()


def template_path(
    document: Document, template: str | Path | None, *, allow_external: bool = False
) -> Path:
    """The template to build ``document`` with: ``template``, else :func:`folder_template`;
    checked to exist, to be a .docx, and to refer to nothing outside it unless
    ``allow_external``."""
    path = Path(template) if template is not None else folder_template(document)
    if not path.is_file():
        raise TemplateError("the template file does not exist", Location(path))
    check_external(path, allow_external)
    return path


def check_external(path: Path, allow_external: bool) -> None:
    """Refuse a template that is no .docx, or that refers to files outside it (a remote image,
    an attached template) unless ``allow_external``."""
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


def load_template(path: Path, *, prepared: bool = True) -> Any:
    """The DocxTemplate for ``path``; ``prepared``: one that prepares each template only once
    (see prepared.py), else docxtpl's own, which prepares it on every render."""
    if prepared:
        from .prepared import template

        return template(str(path))
    from docxtpl import DocxTemplate

    return DocxTemplate(str(path))
