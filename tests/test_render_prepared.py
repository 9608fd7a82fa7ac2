"""Preparing a template once (edureport.prepared) changes nothing in what a build writes.

These compare whole parts byte for byte on purpose: the claim is that a cache is invisible, so the
files must be identical, not merely alike, to a build where docxtpl prepares every part itself.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLES, body_paragraphs, paragraph_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import edureport
from edureport import prepared, render, templates
from edureport.loader import loads


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def _build_both(
    source: Path | edureport.Document,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    template: Path | None = None,
) -> tuple[dict[str, bytes], dict[str, bytes]]:
    monkeypatch.setattr(render, "PREPARE_ONCE", False)
    plain = edureport.build(source, tmp_path / "plain.docx", template=template, force=True)
    monkeypatch.setattr(render, "PREPARE_ONCE", True)
    once = edureport.build(source, tmp_path / "once.docx", template=template, force=True)
    again = edureport.build(source, tmp_path / "again.docx", template=template, force=True)
    assert _parts(once) == _parts(again)
    return _parts(plain), _parts(once)


@pytest.mark.parametrize("example", ["chengde-2021", "school-2023"])
def test_examples_build_the_same_files(
    example: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain, once = _build_both(EXAMPLES / example, tmp_path, monkeypatch)
    assert once == plain
    if example == "chengde-2021":  # its two-line title goes through docxtpl's line-break rewrite
        assert b"<w:br/>" in plain["word/document.xml"]


def _document(body: list[str], title: list[str]) -> edureport.Document:
    data = {
        "notice": {
            "organs": ["中共承德市委教育工委", "承德市教育局"],
            "code": {"agency": "承教发", "year": 2021, "serial": 1},
            "title": title,
            "date": "2021-04-06",
            "body": body,
            "cc": ["市委办公室"],
            "printed_by": "承德市教育局办公室",
        }
    }
    return loads(yaml.safe_dump(data, allow_unicode=True, default_style='"'))


TEXT = st.text(
    alphabet=st.sampled_from(list("{}%#_&<>\"'\\\n\t　，。“”承德教育局ab1 ")),
    min_size=1,
    max_size=30,
).filter(lambda s: s.strip() != "")


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=st.lists(TEXT, min_size=1, max_size=3), title=TEXT)
def test_any_text_builds_the_same_files(
    body: list[str], title: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Line breaks, tabs and docxtpl's own markers are what its post-processing rewrites.
    plain, once = _build_both(_document(body, [title]), tmp_path, monkeypatch)
    assert once == plain


def test_a_template_edited_between_builds_is_used(tmp_path: Path) -> None:
    template = tmp_path / "letterhead.docx"
    shutil.copy(templates.default_template(), template)
    source = EXAMPLES / "chengde-2021"
    first = edureport.build(source, tmp_path / "first.docx", template=template)
    # Edit the letterhead as Word would: same file, new content (a fixed line before the body).
    parts = _parts(template)
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b"<w:body>", b"<w:body><w:p><w:r><w:t>\xe5\x86\x85\xe9\x83\xa8</w:t></w:r></w:p>", 1
    )
    with zipfile.ZipFile(template, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    second = edureport.build(source, tmp_path / "second.docx", template=template)
    first_texts = [paragraph_text(p) for p in body_paragraphs(first)]
    second_texts = [paragraph_text(p) for p in body_paragraphs(second)]
    assert second_texts == ["内部", *first_texts]


def test_preparations_are_kept_per_template_part() -> None:
    prepared.forget()
    for _ in range(3):
        render.render(edureport.load(EXAMPLES / "chengde-2021"))
    # document.xml and the two footers of the default letterhead, prepared once each.
    assert prepared.prepared_count() == 3


def _cold_build(output: Path, temp: Path) -> None:
    """A build in a fresh interpreter whose temporary folder (and so the cache) is ``temp``."""
    env = {**os.environ, "TMPDIR": str(temp)}
    command = [sys.executable, "-m", "edureport", "build", str(EXAMPLES / "chengde-2021")]
    subprocess.run([*command, "-o", str(output)], check=True, env=env, capture_output=True)


def test_cold_builds_from_the_cache_on_disk_write_the_same_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    _cold_build(tmp_path / "first.docx", temp)
    kept = sorted(p.name for p in temp.glob("*/__edureport_*"))
    # The letterhead's three parts, prepared and compiled (and its core properties, compiled).
    assert len([k for k in kept if k.endswith(".xml")]) == 3
    assert len([k for k in kept if k.endswith(".cache")]) >= 3
    _cold_build(tmp_path / "second.docx", temp)
    assert sorted(p.name for p in temp.glob("*/__edureport_*")) == kept  # read, not remade
    monkeypatch.setattr(render, "PREPARE_ONCE", False)
    plain = edureport.build(EXAMPLES / "chengde-2021", tmp_path / "plain.docx")
    assert _parts(tmp_path / "first.docx") == _parts(plain)
    assert _parts(tmp_path / "second.docx") == _parts(plain)
    # A damaged cache is not trusted: the parts are prepared and compiled anew.
    for path in temp.glob("*/__edureport_*"):
        path.write_bytes(path.read_bytes()[:-40] + b"garbage")
    _cold_build(tmp_path / "third.docx", temp)
    assert _parts(tmp_path / "third.docx") == _parts(plain)


@pytest.mark.parametrize(
    "xml",
    [
        # A self-closing paragraph with attributes: docxtpl's scan runs on into the next one.
        '<w:p w:rsidR="1"/><w:p><w:r><w:t>a\nb</w:t></w:r></w:p>',
        # Line breaks between paragraphs are not text: left as they are.
        "<w:tbl>\n<w:p><w:r><w:t>x\ty</w:t></w:r></w:p>\n</w:tbl>",
        '<w:p/><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/></w:rPr>'
        '<w:t xml:space="preserve">1\n2\t3</w:t></w:r></w:p><w:p><w:r><w:t>z</w:t></w:r></w:p>\n',
        # Paragraphs nested in a text box.
        "<w:p><w:r><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>in\nbox</w:t></w:r></w:p>"
        "</w:txbxContent></v:textbox></w:pict></w:r><w:r><w:t>out\nside</w:t></w:r></w:p>",
        "<w:p><w:r><w:t>no breaks at all</w:t></w:r></w:p>",
    ],
)
def test_line_breaks_and_tabs_become_the_elements_docxtpl_makes(xml: str) -> None:
    from docxtpl import DocxTemplate

    assert prepared.PreparedTemplate("x").resolve_listing(xml) == DocxTemplate("x").resolve_listing(
        xml
    )


def test_builds_from_one_template_share_nothing(tmp_path: Path) -> None:
    # The template is parsed once and copied for each build: one build leaves no trace in the next.
    first = edureport.build(_document(["第一份通知的正文"], ["第一份"]), tmp_path / "1.docx")
    second = edureport.build(_document(["第二份通知的正文"], ["第二份"]), tmp_path / "2.docx")
    texts = [paragraph_text(p) for p in body_paragraphs(second)]
    assert "第二份通知的正文" in texts
    assert not any("第一份" in t for t in texts)
    assert _parts(first)["word/footer1.xml"] == _parts(second)["word/footer1.xml"]
