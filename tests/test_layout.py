"""The GB/T 9704-2012 layout facts, read back from the built .docx (not from the template code)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import NS, W, body_paragraphs, paragraph_text, part, style_of
from lxml import etree

MM = 56.7  # twips per millimetre


def _styles(path: Path) -> dict[str, etree._Element]:
    root = part(path, "word/styles.xml")
    return {s.get(f"{W}styleId"): s for s in root.iter(f"{W}style")}


def _resolved(path: Path, style_id: str | None, prop: str) -> str | None:
    """A run property as Word resolves it for a paragraph style: style, basedOn chain, defaults."""
    styles = _styles(path)
    root = part(path, "word/styles.xml")
    attr = {"eastAsia": "rFonts", "ascii": "rFonts", "sz": "sz", "color": "color"}[prop]
    key = f"{W}{prop}" if attr == "rFonts" else f"{W}val"
    while style_id is not None:
        style = styles[style_id]
        el = style.find(f"w:rPr/w:{attr}", NS)
        if el is not None and el.get(key) is not None:
            return el.get(key)
        based = style.find("w:basedOn", NS)
        style_id = based.get(f"{W}val") if based is not None else None
    el = root.find(f"w:docDefaults/w:rPrDefault/w:rPr/w:{attr}", NS)
    return el.get(key) if el is not None else None


def _paragraph(path: Path, text: str) -> etree._Element:
    for p in body_paragraphs(path):
        if paragraph_text(p).startswith(text):
            return p
    raise AssertionError(f"no paragraph starts with {text!r}")


def test_page_is_a4_with_standard_margins_and_22_line_grid(seed_docx: Path) -> None:
    sect = part(seed_docx, "word/document.xml").find("w:body/w:sectPr", NS)
    size, margins = sect.find("w:pgSz", NS), sect.find("w:pgMar", NS)
    assert (int(size.get(f"{W}w")), int(size.get(f"{W}h"))) == pytest.approx(
        (210 * MM, 297 * MM), abs=30
    )
    assert int(margins.get(f"{W}top")) == pytest.approx(37 * MM, abs=MM)
    assert int(margins.get(f"{W}left")) == pytest.approx(28 * MM, abs=MM)
    text_w = int(size.get(f"{W}w")) - int(margins.get(f"{W}left")) - int(margins.get(f"{W}right"))
    text_h = int(size.get(f"{W}h")) - int(margins.get(f"{W}top")) - int(margins.get(f"{W}bottom"))
    assert text_w == pytest.approx(156 * MM, abs=MM) and text_h == pytest.approx(225 * MM, abs=MM)
    pitch = int(sect.find("w:docGrid", NS).get(f"{W}linePitch"))
    assert text_h // pitch == 22


def test_body_font_is_fangsong_16pt_with_times_for_latin(seed_docx: Path) -> None:
    p = _paragraph(seed_docx, "现将《2020年工作总结》")
    style = style_of(p)
    assert _resolved(seed_docx, style or "Normal", "eastAsia") == "仿宋_GB2312"
    assert _resolved(seed_docx, style or "Normal", "ascii") == "Times New Roman"
    assert _resolved(seed_docx, style or "Normal", "sz") == "32"


@pytest.mark.parametrize(
    ("start", "font", "size"),
    [
        ("关于印发2020年工作总结及2021年", "方正小标宋简体", "44"),  # 标题 二号小标宋
        ("2020年工作总结", "方正小标宋简体", "44"),
        ("2021年工作要点", "方正小标宋简体", "44"),
        ("一、坚持以党的建设为统领", "黑体", "32"),
        ("三、坚定办人民满意教育", "黑体", "32"),
        ("（四）人民群众对教育的满意度", "楷体_GB2312", "32"),
        ("1.深入学习贯彻党的十九届五中全会精神", "仿宋_GB2312", "32"),
    ],
)
def test_fonts_per_element(seed_docx: Path, start: str, font: str, size: str) -> None:
    style = style_of(_paragraph(seed_docx, start))
    assert _resolved(seed_docx, style, "eastAsia") == font
    assert _resolved(seed_docx, style, "sz") == size


def test_run_in_heading_is_kaiti_and_its_text_fangsong(seed_docx: Path) -> None:
    p = _paragraph(seed_docx, "（一）以铁肩精神，全力以赴投入疫情防控。")
    runs = [r for r in p.findall("w:r", NS) if "".join(r.itertext())]
    assert "".join(runs[0].itertext()) == "（一）以铁肩精神，全力以赴投入疫情防控。"
    assert _resolved(seed_docx, style_of(p), "eastAsia") == "楷体_GB2312"
    text_style = runs[1].find("w:rPr/w:rStyle", NS).get(f"{W}val")
    assert _resolved(seed_docx, text_style, "eastAsia") == "仿宋_GB2312"
    assert "".join(runs[1].itertext()).startswith("面对突如其来的疫情")


def test_red_joint_mark_and_red_rule_under_the_code(seed_docx: Path) -> None:
    for organ in ("中共承德市委教育工委", "承德市教育局"):
        p = _paragraph(seed_docx, organ)
        assert _resolved(seed_docx, style_of(p), "color") == "FF0000"
        assert _resolved(seed_docx, style_of(p), "eastAsia") == "方正小标宋简体"
        jc = _styles(seed_docx)[style_of(p)].find("w:pPr/w:jc", NS).get(f"{W}val")
        assert jc == "distribute"  # the two names are aligned to the same width
    code = _paragraph(seed_docx, "承教发〔2021〕1号")
    assert paragraph_text(code) == "承教发〔2021〕1号"
    rule = _styles(seed_docx)[style_of(code)].find("w:pPr/w:pBdr/w:bottom", NS)
    assert rule is not None and rule.get(f"{W}color") == "FF0000"


def test_header_block_order(seed_docx: Path) -> None:
    texts = [paragraph_text(p) for p in body_paragraphs(seed_docx)]
    order = [texts.index(t) for t in ("中共承德市委教育工委", "承教发〔2021〕1号")]
    order.append(next(i for i, t in enumerate(texts) if t.startswith("关于印发")))
    order.append(next(i for i, t in enumerate(texts) if t.startswith("各县（自治县")))
    assert order == sorted(order)


def test_signature_and_date(seed_docx: Path) -> None:
    texts = [paragraph_text(p) for p in body_paragraphs(seed_docx)]
    date = texts.index("2021年4月6日")
    assert texts[date - 1].split() == ["中共承德市委教育工委", "承德市教育局"]
    jc = _styles(seed_docx)[style_of(body_paragraphs(seed_docx)[date])].find("w:pPr/w:jc", NS)
    assert jc.get(f"{W}val") == "right"


def test_each_printed_document_starts_a_new_page(seed_docx: Path) -> None:
    for title in ("2020年工作总结", "2021年工作要点"):
        style = _styles(seed_docx)[style_of(_paragraph(seed_docx, title))]
        assert style.find("w:pPr/w:pageBreakBefore", NS) is not None


def test_page_numbers_on_odd_and_even_footers(seed_docx: Path) -> None:
    settings = part(seed_docx, "word/settings.xml")
    assert settings.find("w:evenAndOddHeaders", NS) is not None
    sect = part(seed_docx, "word/document.xml").find("w:body/w:sectPr", NS)
    refs = {r.get(f"{W}type") for r in sect.findall("w:footerReference", NS)}
    assert refs == {"default", "even"}
    rels = part(seed_docx, "word/_rels/document.xml.rels")
    targets = {r.get("Id"): r.get("Target") for r in rels}
    aligns = {}
    for ref in sect.findall("w:footerReference", NS):
        rid = ref.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
        footer = part(seed_docx, "word/" + targets[rid])
        p = footer.find("w:p", NS)
        assert "PAGE" in "".join(t.text for t in footer.iter(f"{W}instrText"))
        text = "".join(t.text or "" for t in p.iter(f"{W}t"))
        assert text.startswith("— ") and text.endswith(" —")
        style = _styles(seed_docx)[style_of(p)]
        aligns[ref.get(f"{W}type")] = style.find("w:pPr/w:jc", NS).get(f"{W}val")
        assert _resolved(seed_docx, style_of(p), "sz") == "28"  # 四号
    assert aligns == {"default": "right", "even": "left"}


def test_no_colophon_without_cc_or_printer(seed_docx: Path) -> None:
    texts = [paragraph_text(p) for p in body_paragraphs(seed_docx)]
    assert not [t for t in texts if t.startswith("抄送") or t.endswith("印发")]


def _run_font(run: etree._Element, path: Path, paragraph: etree._Element) -> str | None:
    """The East Asian font of a run: its own rFonts, else its paragraph style's."""
    fonts = run.find("w:rPr/w:rFonts", NS)
    if fonts is not None and fonts.get(f"{W}eastAsia"):
        return fonts.get(f"{W}eastAsia")
    return _resolved(path, style_of(paragraph), "eastAsia")


def test_a_heading_takes_the_font_of_its_number_at_any_level(tmp_path: Path) -> None:
    # Plan items numbered （一） under 一、 are 楷体, a summary's 1. right under 一、 is 仿宋
    # (7.3.3 names the font by the number); `check` agrees with the build.
    import edureport
    from edureport.checker import check

    data = tmp_path / "doc.yaml"
    data.write_text(
        "summary:\n  title: 2023年工作总结\n  sections:\n  - title: 党的建设\n    subsections:\n"
        "    - {title: 理论学习扎实开展, number: '1.', paragraphs: [全年集中学习12次。]}\n"
        "plan:\n  title: 2024年工作要点\n  sections:\n  - title: 加强党的建设\n    items:\n"
        "    - {title: 抓好理论学习, number: （一）, measures: [全年组织集中学习12次。]}\n",
        encoding="utf-8",
    )
    docx = edureport.build(data, tmp_path / "doc.docx")
    for start, font in (
        ("1.理论学习扎实开展", "仿宋_GB2312"),
        ("（一）抓好理论学习", "楷体_GB2312"),
    ):
        p = _paragraph(docx, start)
        first = next(r for r in p.findall("w:r", NS) if "".join(r.itertext()))
        assert _run_font(first, docx, p) == font, start
    assert [f for f in check(docx) if f.rule == "L202"] == []
