"""PDFs people hand out: one LibreOffice run per command, fonts embedded, missing fonts named.

Needs LibreOffice and poppler-utils, like test_pdf.py (skipped without them, except under CI).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import EXAMPLES, soffice
from test_cli_build import run

import edureport

TOOLS = soffice() and shutil.which("pdftotext") and shutil.which("pdffonts")
if not TOOLS and os.environ.get("CI"):
    raise RuntimeError("CI needs LibreOffice and poppler-utils for the PDF tests")
pytestmark = pytest.mark.skipif(not TOOLS, reason="LibreOffice or poppler-utils not installed")


@pytest.fixture
def soffice_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """LibreOffice behind a wrapper that logs each start, to count the runs."""
    log = tmp_path / "soffice.log"
    wrapper = tmp_path / "soffice-wrapper"
    wrapper.write_text(f'#!/bin/sh\necho run >> "{log}"\nexec "{soffice()}" "$@"\n')
    wrapper.chmod(0o755)
    monkeypatch.setenv("EDUREPORT_SOFFICE", str(wrapper))
    return log


def runs(log: Path) -> int:
    return len(log.read_text().splitlines()) if log.exists() else 0


def text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True)
    return "".join(out.stdout.split())


def fonts(pdf: Path) -> list[tuple[str, str]]:
    """(font name, embedded yes/no) for each font of the PDF, as poppler's pdffonts lists them."""
    out = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True)
    rows = out.stdout.splitlines()[2:]
    return [(row.split()[0], row.split()[-5]) for row in rows if row.strip()]


def test_pdf_command_converts_every_file_in_one_run(
    soffice_log: Path, tmp_path: Path, school_docx: Path
) -> None:
    # Two files of one name in different folders: each PDF goes beside its .docx.
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a = edureport.build(EXAMPLES / "chengde-2021", tmp_path / "a" / "通知.docx")
    b = shutil.copy(school_docx, tmp_path / "b" / "通知.docx")
    code, stdout, stderr = run("pdf", str(a), str(b))
    assert code == 0, stderr
    assert runs(soffice_log) == 1
    assert "承教发〔2021〕1号" in text(tmp_path / "a" / "通知.pdf")
    assert "承德市示范中学2023年工作总结" in text(tmp_path / "b" / "通知.pdf")
    assert str(tmp_path / "b" / "通知.pdf") in stdout
    # and never over an existing PDF without --force
    code, _, stderr = run("pdf", str(b))
    assert code == 1 and "--force" in stderr and runs(soffice_log) == 1


def test_the_pdf_embeds_every_font_it_uses(tmp_path: Path, school_docx: Path) -> None:
    code, _, stderr = run("pdf", str(school_docx), "-o", str(tmp_path))
    assert code == 0, stderr
    used = fonts(tmp_path / "summary.pdf")
    assert used and all(embedded == "yes" for _, embedded in used), used


def test_fonts_the_machine_lacks_are_named(tmp_path: Path, school_docx: Path) -> None:
    from edureport.fonts import installed_fonts

    installed = installed_fonts()
    if installed is None or "仿宋_gb2312" in installed or "方正小标宋简体" in installed:
        pytest.skip("this machine has the GB fonts, or cannot tell")
    code, _, stderr = run("pdf", str(school_docx), "-o", str(tmp_path))
    assert code == 0
    warning = next(line for line in stderr.splitlines() if "warning" in line)
    assert "仿宋_GB2312" in warning and "方正小标宋简体" in warning and "楷体_GB2312" in warning
    assert "stand-in" in warning


def test_build_pdf_beside_or_alone(soffice_log: Path, tmp_path: Path) -> None:
    out = tmp_path / "总结.docx"
    code, _, stderr = run("build", str(EXAMPLES / "school-2023"), "-o", str(out), "--pdf")
    assert code == 0, stderr
    assert out.is_file() and "承德市示范中学2023年工作总结" in text(out.with_suffix(".pdf"))
    alone = tmp_path / "alone"
    alone.mkdir()
    code, _, stderr = run(
        "build", str(EXAMPLES / "school-2023"), "-o", str(alone / "总结.pdf"), "--format", "pdf"
    )
    assert code == 0, stderr
    assert [p.name for p in alone.iterdir()] == ["总结.pdf"]
    assert runs(soffice_log) == 2


def test_a_batch_makes_all_its_pdfs_in_one_run(soffice_log: Path, tmp_path: Path) -> None:
    units = EXAMPLES / "units-2023"
    result = edureport.build_many(
        [units], tmp_path / "out", rows=units / "units.xlsx", formats=["pdf"], jobs=2
    )
    assert result.ok, result.failed
    assert runs(soffice_log) == 1
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        ["承德市第一中学.pdf", "承德市第二中学.pdf", "承德市民族中学.pdf", "承德县第三中学.pdf"]
    )
    assert "你校现有在校学生876人" in text(tmp_path / "out" / "承德县第三中学.pdf")


def test_two_files_for_one_pdf_are_refused_before_converting(
    soffice_log: Path, tmp_path: Path, school_docx: Path
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a = shutil.copy(school_docx, tmp_path / "a" / "通知.docx")
    b = shutil.copy(school_docx, tmp_path / "b" / "通知.docx")
    code, _, stderr = run("pdf", str(a), str(b), "-o", str(tmp_path / "out"))
    assert code == 1 and "would both be written" in stderr and "Traceback" not in stderr
    assert runs(soffice_log) == 0 and not list((tmp_path / "out").iterdir())


def test_pdf_o_names_the_file_for_one_docx(
    soffice_log: Path, tmp_path: Path, school_docx: Path
) -> None:
    # `-o 总结.pdf` is the PDF itself, as with build; a folder named 总结.pdf is never made
    target = tmp_path / "给校长" / "总结.pdf"
    code, stdout, stderr = run("pdf", str(school_docx), "-o", str(target))
    assert code == 0, stderr
    assert target.is_file() and "承德市示范中学2023年工作总结" in text(target)
    assert str(target) in stdout
    # two files cannot share one PDF name: refused before LibreOffice starts
    other = shutil.copy(school_docx, tmp_path / "另一份.docx")
    code, _, stderr = run("pdf", str(school_docx), str(other), "-o", str(tmp_path / "两份.pdf"))
    assert code == 2 and "name a folder" in stderr and "Traceback" not in stderr
    assert runs(soffice_log) == 1 and not (tmp_path / "两份.pdf").exists()
