"""Fonts a document asks for, and which of them this computer has (for the PDF warning)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from edureport import fonts
from edureport.pdf import font_warnings


def test_the_fonts_the_letterhead_asks_for(school_docx: Path) -> None:
    asked = fonts.requested_fonts(school_docx)
    for name in ("仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312", "Times New Roman"):
        assert name in asked
    assert len(asked) == len(set(asked))


def test_missing_is_what_is_asked_for_and_not_installed(school_docx: Path) -> None:
    installed = {"仿宋_gb2312", "times new roman", "黑体", "宋体"}
    assert fonts.missing_fonts(school_docx, installed) == ["方正小标宋简体", "楷体_GB2312"]


def test_when_installed_fonts_cannot_be_known_the_warning_says_so(
    school_docx: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no fc-list
    monkeypatch.setattr(fonts, "_font_folders", lambda: iter([]))
    assert fonts.installed_fonts() is None
    assert fonts.missing_fonts(school_docx) is None
    (warning,) = font_warnings([school_docx])
    assert "cannot tell which fonts are installed" in warning


NOTO = sorted(Path("/usr/share/fonts").rglob("NotoSerifCJK-Regular.tt[cf]"))


@pytest.mark.skipif(not (NOTO and shutil.which("fc-query")), reason="needs fontconfig and Noto CJK")
def test_family_names_read_from_the_file_agree_with_fontconfig() -> None:
    out = subprocess.run(
        ["fc-query", "--format", "%{family}\n", str(NOTO[0])],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    expected = {name for line in out.splitlines() for name in line.split(",") if name}
    assert expected and expected <= fonts.font_family_names(NOTO[0])


@pytest.mark.skipif(not NOTO, reason="needs Noto CJK installed")
def test_without_fontconfig_the_font_folders_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # as on Windows: no fc-list
    installed = fonts.installed_fonts()
    assert installed is not None and "noto serif cjk sc" in installed


def test_a_file_that_is_not_a_font_has_no_names(tmp_path: Path) -> None:
    bad = tmp_path / "x.ttf"
    bad.write_bytes(b"ttcf\x00\x01\x00\x00\x00\x00\x00\x05")
    assert fonts.font_family_names(bad) == set()
