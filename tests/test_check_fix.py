"""--fix: only the safe fixes, inside the runs that hold them; everything else as it was."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from conftest import SEED_TEXT
from lxml import etree

from edureport.checker import check, fix
from edureport.errors import InputError, OutputExistsError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _runs(path: Path) -> list[tuple[bytes, bytes, str]]:
    """Every run of the body: its paragraph's properties, its own properties, its text."""
    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    out = []
    for r in root.iter(f"{W}r"):
        p = next(r.iterancestors(f"{W}p"))
        ppr, rpr = p.find(f"{W}pPr"), r.find(f"{W}rPr")
        out.append(
            (
                etree.tostring(ppr, method="c14n") if ppr is not None else b"",
                etree.tostring(rpr, method="c14n") if rpr is not None else b"",
                "".join(t.text or "" for t in r.iter(f"{W}t")),
            )
        )
    return out


def test_fixed_docx_changes_only_the_fixed_text(seed_docx: Path, tmp_path: Path) -> None:
    out = tmp_path / "fixed.docx"
    result = fix(seed_docx, out)
    assert len(result.applied) == 33 and result.skipped == []
    before, after = _runs(seed_docx), _runs(out)
    assert len(before) == len(after)
    changed = [(b[2], a[2]) for b, a in zip(before, after, strict=True) if b != a]
    for b, a in zip(before, after, strict=True):
        assert (b[0], b[1]) == (a[0], a[1])  # paragraph and run properties untouched
    # Written by hand from the seed: what some of the changed runs now read.
    texts = [a for _, a in changed]
    assert any("坚决服从市防控指挥部要求，第一时间" in t for t in texts)
    assert any("（承传〔2020〕3号）" in t and "（承教通〔2020〕61号）" in t for t in texts)
    assert any("召开2021年全市教育系统" in t for t in texts)
    assert any("《中共河北省委组织部 中共河北省委教育工委印发〈关于推行" in t for t in texts)
    assert "目标任务：" in texts  # item 16's label run, written "目标任务: " in the seed
    # Every other part of the package is byte for byte the same.
    with zipfile.ZipFile(seed_docx) as a, zipfile.ZipFile(out) as b:
        assert a.namelist() == b.namelist()
        for name in a.namelist():
            if name != "word/document.xml":
                assert a.read(name) == b.read(name), name
    # What is left: the findings that have no safe fix.
    left = {f.rule for f in check(out)}
    assert left == {"T201", "T303", "T304", "T305"}


def test_fix_spanning_two_runs_is_reported_not_applied(tmp_path: Path) -> None:
    d = docx.Document()
    p = d.add_paragraph()
    p.add_run("学习《党委(党")
    p.add_run("组)规定》，召开 2021年会议。")
    src = tmp_path / "runs.docx"
    d.save(str(src))
    result = fix(src, tmp_path / "out.docx")
    assert [(f.rule, f.fix.old if f.fix else "") for f in result.applied] == [("T204", " ")]
    assert [(f.rule, why) for f, why in result.skipped] == [
        ("T203", "the text spans two runs; fix it by hand")
    ]
    assert [r.text for r in docx.Document(str(tmp_path / "out.docx")).paragraphs[0].runs] == [
        "学习《党委(党",
        "组)规定》，召开2021年会议。",
    ]


def test_text_fix_keeps_encoding_and_line_endings(tmp_path: Path) -> None:
    src = tmp_path / "gbk.txt"
    src.write_bytes("召开 2021 年会议,部署工作。\r\n第二行\r\n".encode("gbk"))
    out = tmp_path / "out.txt"
    result = fix(src, out)
    assert len(result.applied) == 3
    assert out.read_bytes() == "召开2021年会议，部署工作。\r\n第二行\r\n".encode("gbk")


def test_seed_text_fix(tmp_path: Path) -> None:
    out = tmp_path / "seed.txt"
    fix(SEED_TEXT, out)
    lines = out.read_text(encoding="utf-8").split("\n")
    assert lines[116] == "目标任务：优化教育服务供给，满足人民群众多样化教育需求。"
    assert lines[124].startswith("目标任务：进一步完善市、县、乡镇（街道）三级")
    assert lines[122] == "责任科室：基教科、人事组干科"
    assert {f.rule for f in check(out)} == {"T201", "T303", "T304", "T305"}


def test_no_overwrite_without_in_place_or_force(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("召开 2021 年会议。\n", encoding="utf-8")
    with pytest.raises(InputError):
        fix(src)
    with pytest.raises(InputError):
        fix(src, src)
    existing = tmp_path / "b.txt"
    existing.write_text("x", encoding="utf-8")
    with pytest.raises(OutputExistsError):
        fix(src, existing)
    assert existing.read_text(encoding="utf-8") == "x"
    fix(src, in_place=True)
    assert src.read_text(encoding="utf-8") == "召开2021年会议。\n"
