"""One Location for errors, parse warnings and check findings: what each prints, in English and
Chinese; the published JSON of a finding; and the registry whose order sorts findings."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from conftest import ROOT
from test_check_layout import converted

import edureport
import edureport.checker
from edureport.checker import RULES, Finding, Position, Rule, Severity, check
from edureport.errors import InputError, Location
from edureport.i18n import set_language


@pytest.fixture
def chinese() -> Iterator[None]:
    set_language("zh")
    try:
        yield
    finally:
        set_language("en")


def _comma_slip(tmp_path: Path) -> Finding:
    path = tmp_path / "slip.txt"
    path.write_text("各学校：\n为做好工作,现通知如下。\n", encoding="utf-8")
    (finding,) = check(path, select=["T203"])
    return finding


def test_a_findings_location_is_the_errors_location(tmp_path: Path) -> None:
    finding = _comma_slip(tmp_path)
    assert isinstance(finding.location, Location) and finding.location.file is None
    assert (finding.location.paragraph, finding.location.offset) == (2, 5)
    assert str(finding.location) == "paragraph 2, character 6"


def test_a_finding_speaks_chinese(tmp_path: Path, chinese: None) -> None:
    assert str(_comma_slip(tmp_path).location) == "第 2 段第 6 字"


def test_whole_document_findings_say_document_in_registry_order(tmp_path: Path) -> None:
    findings = check(converted(tmp_path / "letter.docx"))
    whole = [f for f in findings if f.location.paragraph is None]
    # paper, margins and grid (page_setup), then page numbers (L402) after the header rules
    assert [f.rule for f in whole] == ["L101", "L102", "L103", "L402"]
    assert {str(f.location) for f in whole} == {"document"}


def test_an_error_without_a_place_prints_no_place() -> None:
    assert str(Location()) == ""
    assert str(InputError("the file is empty")) == "the file is empty"
    where = Location(Path("document.yaml"), 6, field="notice.recipient")
    assert str(where) == "document.yaml, line 6, notice.recipient"


def test_a_place_on_a_page_names_page_line_and_paragraph(chinese: None) -> None:
    where = Location(paragraph=12, offset=2, page=2, page_line=5)
    assert str(where) == "第 2 页第 5 行，第 12 段第 3 字"
    set_language("en")
    assert str(where) == "page 2, line 5, paragraph 12, character 3"
    assert str(Location(page=3, page_line=1)) == "page 3, line 1"


def test_the_json_of_a_finding_keeps_its_keys() -> None:
    where = Location(paragraph=3, excerpt="抄送", page=2, page_line=22, heading_path="通知")
    data = Finding("P104", Severity.WARNING, where, "m", "7.4").as_dict()
    assert list(data) == [
        "rule",
        "severity",
        "paragraph",
        "offset",
        "character",
        "excerpt",
        "page",
        "line",
        "path",
        "opening",
        "message",
        "clause",
        "fix",
    ]
    assert (data["page"], data["line"], data["path"]) == (2, 22, "通知")  # line: on the page


def test_position_is_deprecated_and_makes_a_location() -> None:
    with pytest.warns(DeprecationWarning, match="Location"):
        where = Position(3, 4, "做好", page=2, line=5, path="通知")
    assert where == Location(
        paragraph=3, offset=4, excerpt="做好", page=2, page_line=5, heading_path="通知"
    )
    with pytest.warns(DeprecationWarning):
        assert str(Position()) == "document"


def _docx_of(text: Path, path: Path) -> Path:
    d = docx.Document()
    for line in text.read_text(encoding="utf-8").splitlines():
        d.add_paragraph(line)
    d.save(str(path))
    return path


def test_a_parse_warning_on_a_docx_names_the_paragraph(tmp_path: Path) -> None:
    corpus = ROOT / "tests" / "data" / "corpus" / "04_beilun-jyj-2022-zongjie.txt"
    source = _docx_of(corpus, tmp_path / "beilun.docx")
    warnings = edureport.parse_with_warnings(source).warnings
    front = [w for w in warnings if "front matter" in w.message]
    assert front and all(w.location.field is None for w in front)
    first = front[0]
    assert first.location.paragraph is not None
    n = first.location.paragraph
    assert str(first).startswith(f"{source}, paragraph {n}: text before the document began")
    set_language("zh")
    try:
        assert str(first.location) == f"{source}，第 {n} 段"
    finally:
        set_language("en")


def test_every_rule_is_registered_once_in_id_order() -> None:
    defined = set()
    for info in pkgutil.iter_modules(edureport.checker.__path__):
        module = importlib.import_module(f"edureport.checker.{info.name}")
        defined |= {v for v in vars(module).values() if isinstance(v, Rule)}
    assert set(RULES) == defined and len({r.id for r in RULES}) == len(RULES)
    ids = [r.id for r in RULES]
    families = list(dict.fromkeys(i[0] for i in ids))
    assert families == ["T", "L", "P"]
    assert ids == sorted(ids, key=lambda i: (families.index(i[0]), i))


def test_a_source_paragraphs_location_is_the_one_the_constructor_makes() -> None:
    # parse's quick way to say where a paragraph stood: equal, printed alike, still frozen
    from dataclasses import FrozenInstanceError

    quick = edureport.Location.in_source(Path("通知.docx"), 12, docx=True)
    assert quick == edureport.Location(Path("通知.docx"), paragraph=12)
    assert str(quick) == str(edureport.Location(Path("通知.docx"), paragraph=12))
    line = edureport.Location.in_source(Path("要点.txt"), 3, docx=False)
    assert line == edureport.Location(Path("要点.txt"), 3) and line.paragraph is None
    with pytest.raises(FrozenInstanceError):
        quick.line = 4  # type: ignore[misc]
