"""Text rules on a draft left unfinished (T4…): the placeholders `edureport draft` writes."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..i18n import N_
from ..i18n import _ as _t  # rule modules keep `_` for throwaway names
from .findings import Hit, Severity, Source, rule, span_hit

# What `edureport draft` leaves for the user: 【待填写】 to write, 【待核对】 to review.
_PLACEHOLDER_RE = re.compile(r"【待[^】]{0,20}】")


@rule("T401", "placeholder", "text", Severity.ERROR)
def placeholder(source: Source) -> Iterator[Hit]:
    """A draft's placeholder (【待填写】, 【待核对】) is still in the text: the draft is unfinished.

    Clause: edureport draft (every placeholder is written or reviewed before the document goes out)
    """
    for p in source.paragraphs:
        for m in _PLACEHOLDER_RE.finditer(p.text):
            what = N_("to write") if m.group(0) == "【待填写】" else N_("to review")
            message = _t("{mark}: {what} before it goes out").format(mark=m.group(0), what=_t(what))
            yield span_hit(source, p.index, m.start(), m.end(), message)
