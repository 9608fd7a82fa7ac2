"""Every bad input gets a clear error and nothing is lost (issue 11): one test class per hole."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from conftest import docx_lines

import edureport
from edureport import DataError, InputError, OutputExistsError, TemplateError
from edureport.errors import OutputError

NOTICE = """\
notice:
  organs: [承德市教育局]
  code: {agency: 承教发, year: 2021, serial: 1}
  title: 标题
  date: 2021-04-06
  body: [正文]
"""


def data(tmp_path: Path, text: str = NOTICE) -> Path:
    path = tmp_path / "document.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def template(tmp_path: Path, *paragraphs: str, name: str = "letterhead.docx") -> Path:
    document = docx.Document()
    for text in ("{{ notice.code }}", *paragraphs):
        document.add_paragraph(text)
    path = tmp_path / name
    document.save(str(path))
    return path


def unchanged(folder: Path, before: set[Path]) -> None:
    """Nothing was written or left behind: no output, no temporary file."""
    assert set(folder.iterdir()) == before


class TestTemplateLimits:
    """1. A template's rendering is bounded in time, memory and output size; failures name the
    template and, where a tag can be tried alone, the paragraph."""

    @pytest.mark.parametrize(
        ("tag", "message", "paragraph"),
        [
            ("{{ 'x' * 10**9 }}", "larger than the limit", True),
            ("{{ (('x',) * 10**8)|length }}", "larger than the limit", True),
            ("{{ 'x'|center(10**9) }}", "larger than the limit", True),
            ("{{ 'x'.ljust(10**9) }}", "larger than the limit", True),
            ("{{ '%999999999s' % 1 }}", "larger than the limit", True),
            ("{{ '{:>999999999}'.format(1) }}", "larger than the limit", True),
            ("{% set s = 'x' * 100000 %}{{ s|replace('x', s) }}", "larger than the limit", False),
            ("{{ range(100000)|join('x' * 100000) }}", "larger than the limit", True),
            ("{{ 10 ** 100000 }}", "larger than the limit", True),
            (
                "{% set ns = namespace(s='xx') %}{% for i in range(60) %}"
                "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}",
                "larger than the limit",
                False,
            ),
            ("{{ range(10**9)|list }}", "range", True),
            (
                "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}"
                "{% endfor %}",
                "steps",
                False,
            ),
            (
                "{% macro m() %}{% for i in range(100000) %}{% for j in range(100000) %}"
                "{% endfor %}{% endfor %}{% endmacro %}{{ m() }}",
                "steps",
                False,
            ),
            ("{% macro m(n) %}{{ m(n + 1) }}{% endmacro %}{{ m(1) }}", "recursive", False),
            ("{{ 1/0 }}", "ZeroDivisionError", True),
            ("{% include 'other.xml' %}", "include", False),
            ("{% import 'other.xml' as o %}", "include", False),
            ("{% extends 'other.xml' %}", "include", False),
            ("{{ x|round }}", "does not provide: x", True),
            ("{{ notice.code|int + 'a' }}", "TypeError", True),
        ],
    )
    def test_hostile_template_is_refused(
        self, tmp_path: Path, tag: str, message: str, paragraph: bool
    ) -> None:
        source, letterhead = data(tmp_path), template(tmp_path, "前言", tag)
        before = set(tmp_path.iterdir())
        with pytest.raises(TemplateError, match=message) as info:
            edureport.build(source, tmp_path / "out.docx", template=letterhead)
        assert info.value.location.file == letterhead
        if paragraph:
            assert info.value.location.field == f"paragraph 3, {tag}"
        unchanged(tmp_path, before)

    def test_time_limit(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        from edureport import sandbox

        monkeypatch.setattr(sandbox, "TIME_LIMIT", 0.05)
        monkeypatch.setattr(sandbox, "MAX_STEPS", 10**12)
        slow = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
        with pytest.raises(TemplateError, match="ran for more than 0.05 seconds"):
            edureport.build(
                data(tmp_path), tmp_path / "o.docx", template=template(tmp_path, slow)
            )

    def test_ordinary_template_features_still_work(self, tmp_path: Path) -> None:
        tags = (
            "{% for i in range(3) %}{{ i * 2 }}{% endfor %}",
            "{{ notice.title|replace('标', '目') }}",
            "{{ ['a', 'b']|join('、') }}{{ 'x' ~ 'y' }}",
            "{{ (2 ** 10)|string|center(8) }}",
        )
        out = edureport.build(
            data(tmp_path), tmp_path / "o.docx", template=template(tmp_path, *tags)
        )
        assert docx_lines(out) == ["承教发〔2021〕1号", "024", "目题", "a、bxy", "1024"]
