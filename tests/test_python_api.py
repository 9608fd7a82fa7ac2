"""The Python API outside the happy path: typed build, force in Python's words, round trips."""

from __future__ import annotations

import inspect
import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, docx_lines

import edureport
from edureport.cli import main


def test_document_build_has_the_typed_signature_of_build() -> None:
    parameters = inspect.signature(edureport.Document.build).parameters
    assert list(parameters) == ["self", "output", "template", "force", "allow_external"]
    assert parameters["force"].kind is inspect.Parameter.KEYWORD_ONLY
    document = edureport.load(EXAMPLES / "school-2023")
    with pytest.raises(TypeError):
        document.build("x.docx", forse=True)  # type: ignore[call-arg]


def test_an_existing_file_says_force_true_in_python(tmp_path: Path) -> None:
    out = tmp_path / "out.docx"
    out.write_bytes(b"kept")
    document = edureport.load(EXAMPLES / "school-2023")
    with pytest.raises(edureport.OutputExistsError) as caught:
        document.build(out)
    assert "force=True" in str(caught.value) and "--force" not in str(caught.value)
    assert out.read_bytes() == b"kept"
    with pytest.raises(edureport.OutputExistsError, match="force=True"):
        document.save(out)
    # the command line says the same in its own words
    result = CliRunner().invoke(main, ["build", str(EXAMPLES / "school-2023"), "-o", str(out)])
    assert result.exit_code == 1
    assert "use --force to replace it" in result.stderr and "force=True" not in result.stderr


def test_save_writes_yaml_that_loads_back_equal(tmp_path: Path) -> None:
    document = edureport.load(EXAMPLES / "chengde-2021")
    assert document.plan is not None
    document.plan.items[0].title = "深入学习贯彻党的十九届五中全会精神（改）"
    path = document.save(tmp_path / "x.yaml")
    again = edureport.load(path)
    assert again == document
    assert again.plan is not None and again.plan.items[0].title.endswith("（改）")
    assert [p.name for p in tmp_path.iterdir()] == ["x.yaml"]  # no temporary file left
    document.save(path, force=True)
    with pytest.raises(edureport.InputError, match="output folder does not exist"):
        document.save(tmp_path / "no" / "x.yaml")


def test_to_bytes_is_the_docx_without_a_file(tmp_path: Path) -> None:
    document = edureport.load(EXAMPLES / "chengde-2021")
    data = document.to_bytes()
    assert zipfile.is_zipfile(io.BytesIO(data))
    assert list(tmp_path.iterdir()) == []
    written = tmp_path / "a.docx"
    written.write_bytes(data)
    assert docx_lines(written) == docx_lines(document.build(tmp_path / "b.docx"))


@pytest.mark.parametrize("year", [2022, "2022", " 2022 "])
def test_draft_takes_the_year_as_a_number_or_its_text(year: int | str) -> None:
    assert edureport.draft(EXAMPLES / "chengde-2021", year=year).year == 2022


@pytest.mark.parametrize("year", ["二〇二二", "2022年", "22", True, 2022.0])
def test_draft_refuses_a_year_it_cannot_read(year: object) -> None:
    with pytest.raises(edureport.InputError, match="expected the year as a number"):
        edureport.draft(EXAMPLES / "chengde-2021", year=year)  # type: ignore[arg-type]


def test_to_bytes_is_the_document_build_writes_comments_included(tmp_path: Path) -> None:
    import io
    import zipfile

    document = edureport.load(EXAMPLES / "chengde-2021")
    document.comments = [edureport.Comment("深入学习贯彻党的十九届五中全会精神", "核对")]
    built = document.build(tmp_path / "out.docx")
    with (
        zipfile.ZipFile(io.BytesIO(document.to_bytes())) as in_memory,
        zipfile.ZipFile(built) as on_disk,
    ):
        assert sorted(in_memory.namelist()) == sorted(on_disk.namelist())
        assert "word/comments.xml" in in_memory.namelist()
        assert in_memory.read("word/document.xml") == on_disk.read("word/document.xml")
