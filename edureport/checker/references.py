"""A layout rule on the package itself (L5…): nothing in it refers to a file outside it."""

from __future__ import annotations

from collections.abc import Iterator

from ..i18n import N_
from ..i18n import _ as _t  # rule modules keep `_` for throwaway names
from .findings import Hit, Source, document_hit, rule

# The kinds of outside reference Word fetches, as the relationship names them (said in the message).
_REFERENCE_KINDS = (
    N_("image"),
    N_("attachedTemplate"),
    N_("oleObject"),
    N_("subDocument"),
    N_("frame"),
)


@rule("L501", "external-references", "layout")
def external_references(source: Source) -> Iterator[Hit]:
    """No references to files outside the document (a remote image, an attached template): Word
    fetches them when the file is opened, which tells their owner who read it and when, and the
    document changes when they do. Hyperlinks are not fetched and are not reported.

    Clause: edureport (a document that goes out is complete in itself)
    """
    package = source.package
    assert package is not None
    for ref in package.external_references():
        message = _t("the {kind} in {part} refers to {target}, outside the document")
        yield document_hit(message.format(kind=_t(ref.kind), part=ref.part, target=ref.target))
