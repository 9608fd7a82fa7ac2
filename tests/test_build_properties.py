"""Property: any text a user can type, through any input path (YAML, a CSV or .xlsx cell, the
Python API), either comes out verbatim or is refused with an error that names the field or the
cell; never a traceback, and never a partial or changed output file."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import yaml
from conftest import NS, W, body_paragraphs, paragraph_text, part
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import edureport

# What a Word document cannot hold (XML 1.0), and a carriage return, which has no place in text.
REFUSED = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff\ud800-\udfff]")

# Printable text with the characters that break naive templating and XML, plus CJK, controls,
# carriage returns and lone surrogates.
TEXT = (
    st.lists(
        st.one_of(
            st.sampled_from(list("{}%#_&<>\"'\\\n\t　，。“”〔〕【】承德教育局abc123 ")),
            st.sampled_from(["{{", "}}", "{%", "%}", "{#", "]]>", "<w:p>", "&amp;", "\r", "\r\n"]),
            st.sampled_from(["\x00", "\x07", "\x0b", "\x0c", "\x1f", "\ud800", "\udfff", "\ufffe"]),
            st.characters(codec="utf-8", exclude_categories=("Cs",)),
        ),
        min_size=1,
        max_size=30,
    )
    .map("".join)
    .filter(lambda s: s.strip() != "")
)

PROPERTY = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

NOTICE = {
    "organs": ["承德市教育局"],
    "code": {"agency": "承教发", "year": 2021, "serial": 1},
    "title": ["标题"],
    "date": "2021-04-06",
    "body": ["正文"],
}


def build_or_refuse(source: object, folder: Path) -> Path | edureport.EdureportError:
    """Build over an existing output (with force): a refusal must leave it exactly as it was."""
    out = folder / "out.docx"
    out.write_bytes(b"the previous document")
    try:
        edureport.build(source, out, force=True)  # type: ignore[arg-type]
    except edureport.EdureportError as error:
        assert out.read_bytes() == b"the previous document"
        assert sorted(p.name for p in folder.iterdir() if p.name.startswith(".")) == []
        return error
    return out


def paragraphs(out: Path) -> list[str]:
    return [paragraph_text(p) for p in body_paragraphs(out)]


def table_cells(out: Path) -> list[str]:
    body = part(out, "word/document.xml")
    return [
        "\n".join(paragraph_text(p) for p in tc.findall("w:p", NS)) for tc in body.iter(f"{W}tc")
    ]


@PROPERTY
@given(value=TEXT)
def test_yaml(tmp_path: Path, value: str) -> None:
    data = {"notice": {**NOTICE, "body": [value]}}
    source = tmp_path / "document.yaml"
    # Double quotes escape every character, so the file says exactly ``value``.
    source.write_text(yaml.safe_dump(data, allow_unicode=True, default_style='"'), encoding="utf-8")
    result = build_or_refuse(source, tmp_path)
    if isinstance(result, edureport.EdureportError):
        assert isinstance(result, edureport.DataError), result
        assert REFUSED.search(value), f"refused text a document can hold: {result}"
        assert result.location.line is not None
        if re.search("[\ud800-\udfff]", value):  # YAML itself cannot hold a lone surrogate
            assert "not valid YAML" in result.message
        else:
            assert result.location.field == "notice.body[0]"
        return
    assert not REFUSED.search(value)
    assert value in paragraphs(result)


@PROPERTY
@given(value=TEXT)
def test_python_api(tmp_path: Path, value: str) -> None:
    document = edureport.Document(
        notice=edureport.Notice(
            organs=["承德市教育局"],
            code=edureport.DocumentCode("承教发", 2021, 1),
            title=["标题"],
            date=None,
            body=["正文", value],
        )
    )
    result = build_or_refuse(document, tmp_path)
    if isinstance(result, edureport.EdureportError):
        assert isinstance(result, edureport.DataError), result
        assert REFUSED.search(value), f"refused text a document can hold: {result}"
        assert result.location.field == "notice.body[1]"
        return
    assert not REFUSED.search(value)
    assert value in paragraphs(result)


def _table_data(folder: Path, source: str) -> Path:
    text = (
        "summary:\n  title: 总结\n  preface:\n"
        f"    - table: {{source: {source}, columns: [{{name: 名称}}, {{name: 值}}]}}\n"
    )
    path = folder / "document.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _check_cell(tmp_path: Path, source: Path, value: str, sheet: Path) -> None:
    shown = value.replace("\r\n", "\n").strip()  # a cell's CRLF is its line break
    assume(shown)
    result = build_or_refuse(source, tmp_path)
    if isinstance(result, edureport.EdureportError):
        assert isinstance(result, edureport.DataError), result
        assert REFUSED.search(shown), f"refused text a document can hold: {result}"
        assert (result.location.file, result.location.cell) == (sheet, "B2")
        return
    assert not REFUSED.search(shown)
    assert table_cells(result) == ["名称", "值", "甲", shown]


@PROPERTY
@given(value=TEXT.filter(lambda s: not re.search("[\ud800-\udfff]", s)))
def test_csv_cell(tmp_path: Path, value: str) -> None:
    # A lone surrogate cannot be in a UTF-8 file at all, so it cannot be in a CSV cell.
    sheet = tmp_path / "data.csv"
    with sheet.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([["名称", "值"], ["甲", value]])
    _check_cell(tmp_path, _table_data(tmp_path, "data.csv"), value, sheet)


def _excel_escaped(value: str) -> str:
    """How a workbook stores text: control characters (and surrogates) as _xHHHH_, and an
    underscore that would start such an escape as _x005F_."""
    value = re.sub(r"_(?=x[0-9A-Fa-f]{4}_)", "_x005F_", value)
    return re.sub(
        "[\x00-\x1f\ud800-\udfff\ufffe\uffff]",
        lambda m: f"_x{ord(m.group()):04X}_" if m.group() not in "\t\n" else m.group(),
        value,
    )


@PROPERTY
@given(value=TEXT)
def test_xlsx_cell(tmp_path: Path, value: str) -> None:
    from openpyxl import Workbook

    sheet = tmp_path / "data.xlsx"
    book = Workbook()
    book.active.append(["名称", "值"])
    book.active.append(["甲", _excel_escaped(value)])
    book.save(sheet)
    _check_cell(tmp_path, _table_data(tmp_path, "data.xlsx"), value, sheet)
