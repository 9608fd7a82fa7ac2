"""Without LibreOffice, every command that needs it says so, how to install it, and writes nothing.

These run everywhere: LibreOffice is hidden by pointing EDUREPORT_SOFFICE and PATH at nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLES
from test_cli_build import run

import edureport
from edureport.office import OfficeError


@pytest.fixture
def no_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("EDUREPORT_SOFFICE", str(tmp_path / "no-such-soffice"))
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.setenv("PROGRAMFILES", str(empty))


def _says_how_to_install(stderr: str) -> None:
    assert "LibreOffice is needed" in stderr and "apt-get install" in stderr
    assert "EDUREPORT_SOFFICE" in stderr and "Traceback" not in stderr


def test_pdf_command(no_soffice: None, tmp_path: Path, school_docx: Path) -> None:
    code, _, stderr = run("pdf", str(school_docx), "-o", str(tmp_path / "pdf"))
    assert code == 1
    _says_how_to_install(stderr)
    assert not list((tmp_path / "pdf").glob("*.pdf"))


def test_build_with_pdf_fails_before_writing_the_docx(no_soffice: None, tmp_path: Path) -> None:
    out = tmp_path / "通知.docx"
    code, _, stderr = run("build", str(EXAMPLES / "school-2023"), "-o", str(out), "--pdf")
    assert code == 1
    _says_how_to_install(stderr)
    assert list(tmp_path.iterdir()) == [tmp_path / "empty-bin"]


def test_batch_with_pdf_writes_nothing(no_soffice: None, tmp_path: Path) -> None:
    with pytest.raises(OfficeError, match="LibreOffice is needed"):
        edureport.build_many(
            [EXAMPLES / "school-2023", EXAMPLES / "chengde-2021"], tmp_path / "out", formats=["pdf"]
        )
    assert not (tmp_path / "out").exists()


def test_preview(no_soffice: None, tmp_path: Path) -> None:
    code, _, stderr = run("preview", str(EXAMPLES / "school-2023"), "-o", str(tmp_path / "img"))
    assert code == 1
    _says_how_to_install(stderr)
    assert not (tmp_path / "img").exists()
