"""LibreOffice converts the built documents to PDF: A4 pages, page numbers, the header on page 1.

These need LibreOffice and poppler-utils (.ci/run installs both). Without them the tests are skipped,
except under CI, where a missing converter is a failure.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import soffice

TOOLS = soffice() and shutil.which("pdftotext") and shutil.which("pdfinfo")
if not TOOLS and os.environ.get("CI"):
    raise RuntimeError("CI needs LibreOffice and poppler-utils for the PDF tests")
pytestmark = pytest.mark.skipif(not TOOLS, reason="LibreOffice or poppler-utils not installed")


def _pdf(docx: Path, tmp_path: Path) -> Path:
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            str(soffice()),
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    pdf = tmp_path / (docx.stem + ".pdf")
    assert pdf.is_file()
    return pdf


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return text.split("\f")[:-1]


def test_seed_converts_with_numbered_a4_pages(seed_docx: Path, tmp_path: Path) -> None:
    pdf = _pdf(seed_docx, tmp_path)
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert re.search(r"Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info)
    pages = _pages(pdf)
    # ~21,000 characters at 22 × 28 a page, the notice and two printed documents each from a new page
    assert 30 <= len(pages) <= 50
    first = re.sub(r"\s+", "", pages[0])
    assert "承德市教育局" in first and "承教发〔2021〕1号" in first
    for n, page in enumerate(pages, start=1):
        assert re.search(rf"—\s*{n}\s*—", page), f"page {n} has no “— {n} —”"


def test_school_summary_is_one_page(school_docx: Path, tmp_path: Path) -> None:
    pages = _pages(_pdf(school_docx, tmp_path))
    assert len(pages) == 1
    assert "3,860.00 万" in pages[0]  # LibreOffice spaces Latin from CJK
