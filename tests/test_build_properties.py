"""Property: any text a user can type either comes out verbatim or is refused with a DataError that
names the field, never a traceback or a mangled document."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from conftest import body_paragraphs, paragraph_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import edureport

XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

# Printable text with the characters that break naive templating and XML, plus CJK and controls.
TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("{}%#_&<>\"'\\\n\t　，。“”〔〕【】承德教育局abc123 ")),
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
    ),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() != "" and "\r" not in s)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(value=TEXT)
def test_any_text_comes_out_verbatim_or_is_refused(tmp_path: Path, value: str) -> None:
    data = {
        "notice": {
            "organs": ["承德市教育局"],
            "code": {"agency": "承教发", "year": 2021, "serial": 1},
            "title": ["标题"],
            "date": "2021-04-06",
            "body": [value],
        }
    }
    source = tmp_path / "document.yaml"
    # Double quotes escape every character, so the file says exactly ``value``.
    source.write_text(yaml.safe_dump(data, allow_unicode=True, default_style='"'), encoding="utf-8")
    out = tmp_path / "out.docx"
    try:
        edureport.build(source, out, force=True)
    except edureport.DataError as error:
        assert XML_INVALID.search(value), f"refused text XML can hold: {error}"
        assert error.location.field == "notice.body[0]"
        return
    assert not XML_INVALID.search(value)
    texts = [paragraph_text(p) for p in body_paragraphs(out)]
    assert value in texts

