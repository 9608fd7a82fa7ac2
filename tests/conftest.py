"""Shared test helpers: paths, building examples once, and reading a .docx back by structure."""

from __future__ import annotations

import os
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from hypothesis import settings
from lxml import etree

import edureport

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEED_TEXT = Path(__file__).resolve().parent / "data" / "seed-chengde-2021.txt"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}


def normalize(text: str) -> str:
    """Whitespace is layout: runs of spaces (and U+3000) count as one space."""
    return re.sub(r"[\s\u3000]+", " ", text).strip()


def seed_paragraphs() -> list[str]:
    """The real document's paragraphs, without the extraction artefact and blank lines."""
    text = SEED_TEXT.read_text(encoding="utf-8").replace("[bookmark: _GoBack]", "")
    return [line for line in map(normalize, text.split("\n")) if line]


def part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as zf:
        return etree.fromstring(zf.read(name))


def paragraph_text(p: etree._Element) -> str:
    """A paragraph's text as Word shows it: line breaks as newlines, tabs as tabs."""
    out = []
    for el in p.iter(f"{W}t", f"{W}br", f"{W}tab"):
        if el.tag == f"{W}t":
            out.append(el.text or "")
        elif el.tag == f"{W}br":
            out.append("\n")
        elif el.getparent() is not None and el.getparent().tag == f"{W}r":
            out.append("\t")
    return "".join(out)


def body_paragraphs(path: Path) -> list[etree._Element]:
    return list(part(path, "word/document.xml").iter(f"{W}p"))


def text_file(tmp_path: Path, lines: list[str], name: str = "doc.txt") -> Path:
    """``lines`` written as a UTF-8 text file, as a web page's or a PDF's text reaches us."""
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def docx_lines(path: Path) -> list[str]:
    """Every non-empty line of the document body, in order (tables included), normalized."""
    lines = []
    for p in body_paragraphs(path):
        for line in paragraph_text(p).split("\n"):
            if normalize(line):
                lines.append(normalize(line))
    return lines


def style_of(p: etree._Element) -> str | None:
    el = p.find("w:pPr/w:pStyle", NS)
    return el.get(f"{W}val") if el is not None else None


@pytest.fixture(scope="session")
def seed_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seed") / "承教发〔2021〕1号.docx"
    return edureport.build(EXAMPLES / "chengde-2021", out)


@pytest.fixture(scope="session")
def school_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("school") / "summary.docx"
    return edureport.build(EXAMPLES / "school-2023", out)


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


# CI runs the same generated examples every time (a failure there must be reproducible, not
# luck); developers' runs explore new ones and keep failures in .hypothesis/.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


# test_corpus puts its recognition table here; it is printed at the end of every run.
CORPUS_REPORT = pytest.StashKey[str]()


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, config: pytest.Config
) -> None:
    report = config.stash.get(CORPUS_REPORT, None)
    if report:
        terminalreporter.write_sep("-", "corpus recognition (tests/test_corpus.py)")
        terminalreporter.write_line(report)
