"""Data is never code: values come out verbatim, templates render sandboxed, output is atomic."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import docx
import pytest
from conftest import body_paragraphs, docx_lines, paragraph_text

import edureport
from edureport import OutputExistsError, TemplateError
from edureport.templates import default_template

TRICKY = [
    "A & B < C > D",
    "引号\"双\"与'单'",
    "{{ notice.code }} 和 {% if true %}x{% endif %}",
    "{_{ raw }_} {_% x %_}",
    "{{p b.xml }} {%p endfor %} {#注释#}",
    "]]><w:p>not xml</w:p>",
]


def _data(tmp_path: Path, title: list[str], body: list[str]) -> Path:
    data = {
        "notice": {
            "organs": ["承德市教育局"],
            "code": {"agency": "承教发", "year": 2021, "serial": 1},
            "title": title,
            "date": "2021-04-06",
            "body": body,
        }
    }
    import yaml

    path = tmp_path / "document.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_special_characters_and_tags_in_values_appear_verbatim(tmp_path: Path) -> None:
    out = edureport.build(_data(tmp_path, ["标题"], TRICKY), tmp_path / "out.docx")
    lines = docx_lines(out)
    for value in TRICKY:
        assert value in lines


def test_line_breaks_in_values_are_line_breaks(tmp_path: Path) -> None:
    out = edureport.build(_data(tmp_path, ["第一行\n第二行"], ["正文"]), tmp_path / "out.docx")
    texts = [paragraph_text(p) for p in body_paragraphs(out)]
    assert "第一行\n第二行" in texts


def _template(tmp_path: Path, *paragraphs: str) -> Path:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    path = tmp_path / "letterhead.docx"
    document.save(str(path))
    return path


def test_template_cannot_reach_python_internals(tmp_path: Path) -> None:
    template = _template(tmp_path, "{{ notice.__class__.__mro__[1].__subclasses__() }}")
    with pytest.raises(TemplateError) as info:
        edureport.build(_data(tmp_path, ["t"], ["b"]), tmp_path / "out.docx", template=template)
    assert info.value.location.file == template
    assert not (tmp_path / "out.docx").exists()


def test_template_with_unknown_variables_names_them(tmp_path: Path) -> None:
    template = _template(tmp_path, "{{ organisation }}", "{{ notice.code }}", "{{ seal_image }}")
    with pytest.raises(TemplateError, match="organisation, seal_image"):
        edureport.build(_data(tmp_path, ["t"], ["b"]), tmp_path / "out.docx", template=template)


def test_template_with_unknown_attribute_names_it(tmp_path: Path) -> None:
    template = _template(tmp_path, "{{ notice.seal }}")
    with pytest.raises(TemplateError, match="seal"):
        edureport.build(_data(tmp_path, ["t"], ["b"]), tmp_path / "out.docx", template=template)


@pytest.mark.filterwarnings("ignore::edureport.UnusedDataWarning")
def test_own_template_renders_the_data(tmp_path: Path) -> None:
    template = _template(
        tmp_path, "{{ notice.code }}", "{%p for p in notice.body %}", "{{ p }}", "{%p endfor %}"
    )
    out = edureport.build(
        _data(tmp_path, ["t"], ["第一段", "第二段"]), tmp_path / "o.docx", template=template
    )
    assert docx_lines(out) == ["承教发〔2021〕1号", "第一段", "第二段"]


def test_a_file_that_is_not_a_template(tmp_path: Path) -> None:
    fake = tmp_path / "letterhead.docx"
    fake.write_text("not a zip")
    with pytest.raises(TemplateError, match=r"not a \.docx"):
        edureport.build(_data(tmp_path, ["t"], ["b"]), tmp_path / "out.docx", template=fake)


def test_existing_output_is_kept_without_force(tmp_path: Path) -> None:
    out = tmp_path / "out.docx"
    out.write_bytes(b"precious")
    with pytest.raises(OutputExistsError):
        edureport.build(_data(tmp_path, ["t"], ["b"]), out)
    assert out.read_bytes() == b"precious"
    edureport.build(_data(tmp_path, ["t"], ["b"]), out, force=True)
    assert "承教发〔2021〕1号" in docx_lines(out)


def test_failed_build_leaves_no_file_behind(tmp_path: Path) -> None:
    template = _template(tmp_path, "{{ missing }}")
    data = _data(tmp_path, ["t"], ["b"])
    before = set(tmp_path.iterdir())
    with pytest.raises(TemplateError):
        edureport.build(data, tmp_path / "out.docx", template=template)
    assert set(tmp_path.iterdir()) == before


def test_yaml_anchors_cannot_blow_up_memory(tmp_path: Path) -> None:
    # A “billion laughs” in YAML: aliases are followed by reference, and a list of lists is not text.
    bomb = textwrap.dedent(
        """\
        a: &a ["x","x","x","x","x","x","x","x","x"]
        b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
        c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
        """
    )
    path = tmp_path / "document.yaml"
    path.write_text(bomb)
    with pytest.raises(edureport.DataError, match="unknown key"):
        edureport.load(path)


def test_output_gets_ordinary_permissions(tmp_path: Path) -> None:
    out = edureport.build(_data(tmp_path, ["t"], ["b"]), tmp_path / "out.docx")
    mask = os.umask(0)
    os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~mask


@pytest.mark.filterwarnings("ignore::edureport.UnusedDataWarning")
def test_template_docx_beside_the_data_is_used(tmp_path: Path) -> None:
    data = _data(tmp_path, ["t"], ["第一段"])
    own = _template(tmp_path, "本局红头", "{{ notice.code }}")
    own.rename(tmp_path / "template.docx")
    out = edureport.build(tmp_path, tmp_path / "o.docx")
    assert docx_lines(out) == ["本局红头", "承教发〔2021〕1号"]
    bundled = edureport.build(data, tmp_path / "p.docx", template=default_template())
    assert "本局红头" not in docx_lines(bundled)


def test_no_empty_runs_are_left_in_the_body(seed_docx: Path) -> None:
    # Optional parts (a label, run-in text) that are empty leave no invisible runs behind.
    from conftest import NS, W, part

    body = part(seed_docx, "word/document.xml").find("w:body", NS)
    runs = list(body.iter(f"{W}r"))
    assert runs and all("".join(r.itertext()) or r.find("w:br", NS) is not None for r in runs)
