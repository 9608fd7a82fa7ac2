"""Building a document: the pipeline from data to a .docx file, top to bottom.

    load (loader: YAML → model)
      → render (render: the template from templates, validate, compose, escape, fill, then
        drop empty runs and place the 版记)
      → comments for reviewers (comments)
      → write all or nothing (files)

Each stage is its own module and imports nothing above it; this module only calls them in order.
``edureport.build`` and ``Document.build`` are this :func:`build`.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from .files import atomic_output, check_output
from .loader import load
from .model import Document
from .render import render


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
    tpl = _rendered(document, template, allow_external)
    with atomic_output(output, force) as tmp:
        tpl.save(str(tmp))
    return output


def render_bytes(
    document: Document, template: str | Path | None = None, *, allow_external: bool = False
) -> bytes:
    """The .docx of ``document`` as bytes, written nowhere: the same document :func:`build`
    writes, comments included."""
    buffer = io.BytesIO()
    _rendered(document, template, allow_external).save(buffer)
    return buffer.getvalue()


def _rendered(document: Document, template: str | Path | None, allow_external: bool) -> Any:
    tpl = render(document, template, allow_external=allow_external)
    if document.comments:  # notes for reviewers, on the words they are about (never printed)
        from .comments import add_comments

        add_comments(tpl.docx, document.comments, document.source)
    return tpl
