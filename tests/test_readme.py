"""The README's Python section runs as written, in a folder of its own."""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

from conftest import EXAMPLES, ROOT

import edureport


def _python_blocks() -> list[str]:
    """The Python blocks of "Building a document" (other sections' blocks name made-up files)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Building a document", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, flags=re.S)


def test_the_readme_python_section_runs(tmp_path: Path) -> None:
    blocks = _python_blocks()
    assert blocks and "to_bytes" in blocks[0] and "parse_with_warnings" in blocks[0]
    (tmp_path / "examples").symlink_to(EXAMPLES)
    old = Path.cwd()
    os.chdir(tmp_path)
    printed = io.StringIO()
    try:
        for block in blocks:
            with contextlib.redirect_stdout(printed):
                # the README is the project's own text, not data
                exec(compile(block, "README.md", "exec"), {})
    finally:
        os.chdir(old)
    assert (tmp_path / "承教发〔2021〕1号.docx").is_file()
    saved = edureport.load(tmp_path / "2021-2.yaml")
    assert saved.notice is not None and str(saved.notice.code) == "承教发〔2021〕2号"
    # the parsed document is a ParseResult, as the README says
    result = edureport.parse_with_warnings(tmp_path / "承教发〔2021〕1号.docx")
    assert isinstance(result, edureport.ParseResult)
