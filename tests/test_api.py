"""The public Python API: small, pinned, and the same options as the CLI."""

from __future__ import annotations

from pathlib import Path

from conftest import EXAMPLES, docx_lines

import edureport


def test_public_names_are_pinned() -> None:
    # Adding to the API is a decision: change this list in the same commit, and the CHANGELOG.
    assert sorted(edureport.__all__) == sorted(
        [
            "BatchResult",
            "Column",
            "Comment",
            "DataError",
            "Document",
            "DocumentCode",
            "Drafts",
            "EdureportError",
            "Finding",
            "InputError",
            "Location",
            "Notice",
            "OutputError",
            "OutputExistsError",
            "ParseResult",
            "ParseWarning",
            "Plan",
            "PlanItem",
            "PlanSection",
            "Section",
            "Severity",
            "Summary",
            "Table",
            "TemplateError",
            "UnusedDataWarning",
            "__version__",
            "build",
            "build_many",
            "check",
            "collect",
            "draft",
            "load",
            "merge_results",
            "parse",
            "parse_with_warnings",
            "save",
        ]
    )
    for name in edureport.__all__:
        assert hasattr(edureport, name)


def test_errors_form_one_tree() -> None:
    for error in (
        edureport.InputError,
        edureport.DataError,
        edureport.TemplateError,
        edureport.OutputExistsError,
        edureport.OutputError,
    ):
        assert issubclass(error, edureport.EdureportError)


def test_load_gives_the_typed_document() -> None:
    document = edureport.load(EXAMPLES / "chengde-2021")
    assert isinstance(document, edureport.Document)
    assert document.notice is not None and document.plan is not None
    assert str(document.notice.code) == "承教发〔2021〕1号"
    assert [len(s.items) for s in document.plan.sections] == [4, 5, 9, 6, 4, 6]
    assert document.plan.items[7].label("goal") == "任务目标："
    assert document.plan.items[15].label("goal") == "目标任务: "
    assert document.plan.items[0].departments == [
        "党建办（巡察办）",
        "机关党委",
        "规划财务（审计）科",
    ]


def test_documents_compare_by_content() -> None:
    a = edureport.load(EXAMPLES / "chengde-2021")
    b = edureport.load(EXAMPLES / "chengde-2021" / "document.yaml")
    assert a == b
    assert b.plan is not None
    b.plan.items[0].departments.append("督导室")
    assert a != b


def test_document_build_method_and_function_agree(tmp_path: Path) -> None:
    document = edureport.load(EXAMPLES / "school-2023")
    one = document.build(tmp_path / "one.docx")
    two = edureport.build(EXAMPLES / "school-2023", tmp_path / "two.docx", template=None)
    assert docx_lines(one) == docx_lines(two)


def test_a_table_filtered_findings_and_saved_data_from_the_top_level(tmp_path: Path) -> None:
    # What a script needs to use the results: make a Table, filter findings, save a document.
    table = edureport.Table(
        columns=[edureport.Column("指标"), edureport.Column("数", "number")], rows=[["学校", 1234]]
    )
    summary = edureport.Summary("2023年工作总结", preface=["全年办学规模稳定。", table])
    document = edureport.Document(summary=summary)
    saved = edureport.save(document, tmp_path / "data.yaml")
    assert edureport.load(saved) == document
    built = edureport.build(document, tmp_path / "out.docx")
    assert "1,234" in docx_lines(built)
    errors = [f for f in edureport.check(built) if f.severity is edureport.Severity.ERROR]
    assert errors == []
