"""Many documents in one command: names, collisions, failures reported, nothing lost."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES, docx_lines
from test_cli_build import run

import edureport
from edureport.batch import CollisionError
from edureport.errors import OutputExistsError

NOTICE = """\
notice:
  organs: [承德市教育局]
  code: {{agency: 承教发, year: 2023, serial: {serial}}}
  title: 关于{title}的通知
  date: 2023-03-01
  recipients: [各县区教体局]
  body: [{title}。]
"""


def notice(path: Path, title: str, serial: int = 1) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(NOTICE.format(title=title, serial=serial), encoding="utf-8")
    return path


def title_of(path: Path) -> str:
    return next(line for line in docx_lines(path) if line.startswith("关于"))


def test_files_folders_and_patterns_each_give_one_document(tmp_path: Path) -> None:
    src = tmp_path / "src"
    notice(src / "承德一中.yaml", "一中开学")
    notice(src / "承德二中.yaml", "二中开学")
    notice(src / "三中" / "document.yaml", "三中开学")
    shutil.copytree(EXAMPLES / "school-2023", tmp_path / "school-2023")
    notice(tmp_path / "more" / "x.yaml", "补充")
    result = edureport.build_many(
        [src, tmp_path / "school-2023", str(tmp_path / "more" / "*.yaml")], tmp_path / "out"
    )
    assert result.ok and result.warnings == []
    names = sorted(p.name for p in result.written)
    assert names == sorted(
        ["承德一中.docx", "承德二中.docx", "三中.docx", "school-2023.docx", "x.docx"]
    )
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == names  # no leftovers
    assert title_of(tmp_path / "out" / "承德二中.docx") == "关于二中开学的通知"
    assert title_of(tmp_path / "out" / "三中.docx") == "关于三中开学的通知"
    assert "承德市示范中学2023年工作总结" in docx_lines(tmp_path / "out" / "school-2023.docx")


def test_a_source_named_twice_is_built_once(tmp_path: Path) -> None:
    a = notice(tmp_path / "a.yaml", "甲")
    result = edureport.build_many(
        [a, tmp_path / "a.yaml", str(tmp_path / "*.yaml")], tmp_path / "o"
    )
    assert [p.name for p in result.written] == ["a.docx"]


def test_two_sources_with_one_name_are_refused_before_anything_is_written(tmp_path: Path) -> None:
    one = notice(tmp_path / "县一" / "notice.yaml", "甲")
    two = notice(tmp_path / "县二" / "notice.yaml", "乙")
    other = notice(tmp_path / "other.yaml", "丙")
    upper = notice(tmp_path / "case" / "OTHER.yaml", "丁")  # one file on Windows and macOS
    fine = notice(tmp_path / "fine.yaml", "戊")
    with pytest.raises(CollisionError) as caught:
        edureport.build_many([fine, one, two, other, upper], tmp_path / "out")
    message = str(caught.value)
    assert "notice.docx" in message and str(one) in message and str(two) in message
    assert str(other) in message and str(upper) in message
    assert str(fine) not in message
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []
    code, _, stderr = run("build", str(one), str(two), str(fine), "-o", str(tmp_path / "out"))
    assert code == 1 and "would be written by" in stderr and "Traceback" not in stderr
    assert not (tmp_path / "out" / "fine.docx").exists()


def test_a_bad_source_does_not_stop_the_others(tmp_path: Path) -> None:
    notice(tmp_path / "src" / "a.yaml", "甲")
    (tmp_path / "src" / "b.yaml").write_text(
        "notice:\n  organs: [x]\n  titel: y\n", encoding="utf-8"
    )
    notice(tmp_path / "src" / "c.yaml", "丙")
    result = edureport.build_many(
        [tmp_path / "src", tmp_path / "missing.yaml", str(tmp_path / "none-*.yaml")], tmp_path / "o"
    )
    assert sorted(p.name for p in result.written) == ["a.docx", "c.docx"]
    assert not result.ok
    failed = {Path(f.source).name: str(f) for f in result.failed}
    assert set(failed) == {"b.yaml", "missing.yaml", "none-*.yaml"}
    assert "line 3, notice.titel: unknown key “titel”" in failed["b.yaml"]
    assert "no such file or folder" in failed["missing.yaml"]
    assert "matches no document data" in failed["none-*.yaml"]
    assert not (tmp_path / "o" / "b.docx").exists()


def test_the_command_reports_failures_and_exits_non_zero(tmp_path: Path) -> None:
    notice(tmp_path / "a.yaml", "甲")
    (tmp_path / "b.yaml").write_text("notice: [\n", encoding="utf-8")
    code, stdout, stderr = run(
        "build", str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml"), "-o", str(tmp_path / "out")
    )
    assert code == 1 and "Traceback" not in stderr
    assert "wrote 1 file(s)" in stdout
    assert "1 document(s) failed" in stderr and "b.yaml" in stderr and "not valid YAML" in stderr
    assert (tmp_path / "out" / "a.docx").is_file()


def test_existing_outputs_need_force_and_nothing_is_written_without_it(tmp_path: Path) -> None:
    for name in ("a", "b"):
        notice(tmp_path / f"{name}.yaml", name)
    out = tmp_path / "out"
    out.mkdir()
    (out / "b.docx").write_bytes(b"yesterday's file")
    with pytest.raises(OutputExistsError, match="force=True"):
        edureport.build_many([tmp_path / "a.yaml", tmp_path / "b.yaml"], out)
    assert sorted(p.name for p in out.iterdir()) == ["b.docx"]
    assert (out / "b.docx").read_bytes() == b"yesterday's file"
    result = edureport.build_many([tmp_path / "a.yaml", tmp_path / "b.yaml"], out, force=True)
    assert result.ok and title_of(out / "b.docx") == "关于b的通知"


@pytest.mark.parametrize("jobs", [1, 2])
def test_progress_is_reported_once_per_document(tmp_path: Path, jobs: int) -> None:
    sources = [notice(tmp_path / "src" / f"{i}.yaml", f"第{i}号", i) for i in range(1, 6)]
    (tmp_path / "src" / "bad.yaml").write_text("x: 1\n", encoding="utf-8")
    calls: list[tuple[int, int, str]] = []
    result = edureport.build_many(
        [tmp_path / "src"], tmp_path / "out", jobs=jobs, progress=lambda *a: calls.append(a)
    )
    assert [c[0] for c in calls] == [1, 2, 3, 4, 5, 6]
    assert {c[1] for c in calls} == {6}
    assert sorted(c[2] for c in calls) == sorted([s.stem for s in sources] + ["bad"])
    assert len(result.written) == 5 and len(result.failed) == 1
    assert title_of(tmp_path / "out" / "3.docx") == "关于第3号的通知"


def test_the_command_takes_a_folder_of_sources(tmp_path: Path) -> None:
    notice(tmp_path / "src" / "一中.yaml", "甲")
    notice(tmp_path / "src" / "二中.yaml", "乙")
    code, stdout, stderr = run(
        "build", str(tmp_path / "src"), "-o", str(tmp_path / "out"), "-j", "2"
    )
    assert code == 0, stderr
    assert "wrote 2 file(s)" in stdout
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["一中.docx", "二中.docx"]


def test_several_sources_need_a_folder_not_a_file(tmp_path: Path) -> None:
    notice(tmp_path / "a.yaml", "甲")
    notice(tmp_path / "b.yaml", "乙")
    code, _, stderr = run(
        "build", str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml"), "-o", str(tmp_path / "x.docx")
    )
    assert code == 2 and "names a folder" in stderr
    assert not (tmp_path / "x.docx").exists()
