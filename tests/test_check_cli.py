"""`edureport check` as a person and a CI job run it: lines, JSON, exit codes 0 / 1 / 2."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from conftest import SEED_TEXT
from test_check_layout import converted

from edureport.cli import main


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_our_document_exits_0_with_its_warnings_listed(seed_docx: Path) -> None:
    code, out, _ = run("check", str(seed_docx))
    assert code == 0
    assert f"{seed_docx}:17:57: warning T203 half-width , in Chinese text; write ，" in out
    assert out.rstrip().endswith("0 errors, 41 warnings, 0 infos; 33 fixable with --fix")


def test_converted_document_exits_1(tmp_path: Path) -> None:
    code, out, _ = run("check", str(converted(tmp_path / "md.docx")), "--select", "L1,L3")
    assert code == 1
    assert "error L101 the paper is 215.9 mm × 279.4 mm; 公文 use A4" in out
    assert "error L301 no issuing-organ mark" in out


def test_json_for_ci() -> None:
    code, out, _ = run("check", str(SEED_TEXT), "--format", "json", "--select", "T101")
    data = json.loads(out)
    assert code == 0 and data["counts"] == {"error": 0, "warning": 2, "info": 0}
    first = data["findings"][0]
    assert (first["rule"], first["paragraph"], first["offset"]) == ("T101", 40, 94)
    assert first["fix"] == {"offset": 94, "old": "﹝2020﹞", "new": "〔2020〕"}


def test_usage_problems_exit_2(tmp_path: Path) -> None:
    assert run("check", str(SEED_TEXT), "--select", "T999")[0] == 2
    assert run("check", str(SEED_TEXT), "--fix")[0] == 2
    assert run("check", str(SEED_TEXT), "-o", str(tmp_path / "x.txt"))[0] == 2
    assert run("check", str(tmp_path / "missing.docx"))[0] == 2
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    code, _, err = run("check", str(bad))
    assert code == 2 and "not a .docx file" in err


def test_fix_lists_what_changed_and_never_overwrites(tmp_path: Path) -> None:
    out = tmp_path / "fixed.txt"
    code, stdout, _ = run("check", str(SEED_TEXT), "--fix", "-o", str(out), "--select", "T101")
    assert code == 0
    assert f"fixed: {out}:40:95: T101 replace “﹝2020﹞” with “〔2020〕”" in stdout
    assert f"wrote {out} with 2 fix(es)" in stdout
    again = run("check", str(SEED_TEXT), "--fix", "-o", str(out))
    assert again[0] == 2 and "--force" in again[2]
