"""The bundled template is the one the code generates, so a change to it is a reviewable diff."""

from __future__ import annotations

import zipfile

from conftest import ROOT

from edureport.letterhead import template_parts
from edureport.templates import default_template


def test_committed_template_matches_its_source() -> None:
    committed = ROOT / "templates" / "notice.docx"
    with zipfile.ZipFile(committed) as zf:
        parts = {name: zf.read(name).decode("utf-8") for name in zf.namelist()}
    assert parts == template_parts(), "run: edureport template -o templates/notice.docx --force"


def test_build_uses_the_bundled_template() -> None:
    assert default_template().samefile(ROOT / "templates" / "notice.docx")
