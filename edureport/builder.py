"""Building a document: the pipeline from data to a .docx file, top to bottom.

    load (loader) → validate (validate) → compose (compose) → escape (escape)
        → render into the template (templates, render) → comments (comments) → write (files)

Each stage is its own module and knows nothing of the ones after it; this module only calls them
in order. ``Document.build`` and ``edureport.build`` are this :func:`build`.
"""

from __future__ import annotations

import io
from pathlib import Path

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
    tpl = render(document, template, allow_external=allow_external)
    if document.comments:  # notes for reviewers, on the words they are about (never printed)
        from .comments import add_comments

        add_comments(tpl.docx, document.comments, document.source)
    with atomic_output(output, force) as tmp:
        tpl.save(str(tmp))
    return output


def render_bytes(document: Document, template: str | Path | None = None) -> bytes:
    """The .docx of ``document`` as bytes, written nowhere."""
    buffer = io.BytesIO()
    render(document, template).save(buffer)
    return buffer.getvalue()
