"""Pages to look at: one PNG per page as LibreOffice lays it out, and a contact sheet.

Needs LibreOffice and poppler-utils, like test_pdf.py (skipped without them, except under CI).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import EXAMPLES, soffice
from PIL import Image, ImageChops
from test_cli_build import run

import edureport
from edureport.preview import SHEET_COLUMNS, SHEET_WIDTH, preview

TOOLS = soffice() and shutil.which("pdftoppm") and shutil.which("pdfinfo")
if not TOOLS and os.environ.get("CI"):
    raise RuntimeError("CI needs LibreOffice and poppler-utils for the preview tests")
pytestmark = pytest.mark.skipif(not TOOLS, reason="LibreOffice or poppler-utils not installed")

UNITS = EXAMPLES / "units-2023"  # one-organ notices: a red mark, two pages each


def image(path: Path) -> Image.Image:
    with Image.open(path) as opened:
        return opened.copy()


def red_pixels(image: Image.Image, box: tuple[int, int, int, int]) -> int:
    r, g, b = image.convert("RGB").crop(box).split()
    mask = ImageChops.multiply(
        r.point(lambda v: 255 if v > 180 else 0), g.point(lambda v: 255 if v < 90 else 0)
    )
    mask = ImageChops.multiply(mask, b.point(lambda v: 255 if v < 90 else 0))
    return mask.histogram()[255]


def dark_pixels(image: Image.Image) -> int:
    return sum(image.convert("L").histogram()[:128])


def test_pages_and_contact_sheet(tmp_path: Path) -> None:
    built = edureport.build_many([UNITS], tmp_path / "docx", rows=UNITS / "units.xlsx")
    result = preview(built.written[0], tmp_path, dpi=72)
    stem = built.written[0].stem
    # Two pages of text; the 版记 on an even page of its own after a blank page (GB/T 9704 7.4)
    assert [p.name for p in result.pages] == [f"{stem}-0{n}.png" for n in (1, 2, 3, 4)]
    first = image(result.pages[0])
    # A4 at 72 dpi: 595 × 842 points
    assert abs(first.width - 595) <= 1 and abs(first.height - 842) <= 1
    # the red mark and rule in the upper part of page 1; nothing red on page 2 (no header)
    assert red_pixels(first, (0, 0, first.width, first.height // 2)) > 500
    for later in map(image, result.pages[1:]):
        assert red_pixels(later, (0, 0, later.width, later.height)) == 0
    assert dark_pixels(image(result.pages[2])) == 0  # the blank page
    sheet = image(result.sheet)
    assert result.sheet.name == f"{stem}-pages.png"
    assert sheet.width == 16 + 4 * (SHEET_WIDTH + 16)  # four pages side by side
    assert sheet.height > SHEET_WIDTH * 842 / 595


def pages_of(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    return int(
        next(line.split()[-1] for line in info.stdout.splitlines() if line.startswith("Pages:"))
    )


@pytest.fixture(scope="module")
def seed_pdf(seed_docx: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from edureport.office import convert

    return convert([seed_docx], tmp_path_factory.mktemp("seed-pdf"))[0]


def test_every_page_of_a_long_document_is_on_the_sheet(tmp_path: Path, seed_pdf: Path) -> None:
    result = preview(seed_pdf, tmp_path, dpi=20)
    count = pages_of(seed_pdf)
    assert count > 30 and len(result.pages) == count
    assert result.pages[0].name == f"{seed_pdf.stem}-01.png"
    rows = -(-count // SHEET_COLUMNS)
    sheet = image(result.sheet)
    assert sheet.width == 16 + SHEET_COLUMNS * (SHEET_WIDTH + 16)
    page_height = round(842 * SHEET_WIDTH / 595)
    assert abs(sheet.height - (16 + rows * (page_height + 22 + 16))) <= 2 * rows


def test_without_poppler_pdfium_draws_the_same_pages(
    tmp_path: Path, seed_pdf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_poppler = preview(seed_pdf, tmp_path / "poppler", dpi=30)
    monkeypatch.setenv("PATH", str(tmp_path))  # no pdftoppm here
    without = preview(seed_pdf, tmp_path / "pdfium", dpi=30)
    assert len(without.pages) == len(with_poppler.pages)
    for a, b in zip(with_poppler.pages[:3], without.pages[:3], strict=True):
        one, two = image(a), image(b)
        assert abs(one.width - two.width) <= 1 and abs(one.height - two.height) <= 1
        # the same page: dark (text) pixels in about the same amount
        dark = [dark_pixels(one), dark_pixels(two)]
        assert dark[0] > 100 and abs(dark[0] - dark[1]) < 0.25 * dark[0]


def test_existing_images_need_force(tmp_path: Path, seed_pdf: Path) -> None:
    code, stdout, stderr = run("preview", str(seed_pdf), "-o", str(tmp_path), "--dpi", "20")
    assert code == 0, stderr
    assert "page image(s)" in stdout and f"{seed_pdf.stem}-pages.png" in stdout
    sheet = tmp_path / f"{seed_pdf.stem}-pages.png"
    before = sheet.stat().st_mtime_ns
    code, _, stderr = run("preview", str(seed_pdf), "-o", str(tmp_path), "--dpi", "20")
    assert code == 1 and "--force" in stderr and sheet.stat().st_mtime_ns == before
    code, _, stderr = run("preview", str(seed_pdf), "-o", str(tmp_path), "--dpi", "20", "--force")
    assert code == 0, stderr
