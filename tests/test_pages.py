"""Rendered pages: LibreOffice lays the built documents out, and the text's place on each page is
read back from the PDF (mark at 35 mm, headings kept with their text, signature kept with the end of
the text) — and `check --pages` reports the same faults when a document has them.

All documents are converted in one LibreOffice run (a session fixture). Without LibreOffice the
tests are skipped, except under CI, where a missing LibreOffice is a failure.
"""

from __future__ import annotations

import os
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES

import edureport
from edureport.checker import _source
from edureport.checker.findings import Finding
from edureport.checker.pages import BOTTOM, RULES, TOP, Pages, match_paragraphs, read_pdf
from edureport.cli import main
from edureport.gbt9704 import LINE, MARGIN_LEFT, PT_PER_MM, TEXT_W, pt
from edureport.office import convert, find_soffice

if find_soffice() is None and os.environ.get("CI"):
    raise RuntimeError("CI needs LibreOffice for the page tests")
pytestmark = pytest.mark.skipif(find_soffice() is None, reason="LibreOffice not installed")

CENTRE = pt(MARGIN_LEFT + TEXT_W / 2)


def _notice(path: Path, body: list[str], extra: str = "") -> Path:
    lines = "".join(f"    - {text}\n" for text in body)
    path.write_text(
        "notice:\n  organs: [承德市教育局]\n  mark_word: 文件\n"
        "  code: {agency: 承教发, year: 2024, serial: 3}\n"
        "  title: 关于印发承德市教育局2024年度工作要点的通知\n  date: 2024-03-01\n"
        f"  recipients: [各县（市、区）教体局]\n  body:\n{lines}{extra}",
        encoding="utf-8",
    )
    return path


def _edited(
    docx: Path, out: Path, change: Callable[[str], str], name: str = "word/styles.xml"
) -> Path:
    """A copy of ``docx`` with a part changed (to bring back a fault the template avoids)."""
    with zipfile.ZipFile(docx) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == name:
                data = change(data.decode("utf-8")).encode("utf-8")
            dst.writestr(item, data)
    return out


def _style(xml: str, style_id: str, old: str, new: str) -> str:
    start = xml.index(f'w:styleId="{style_id}"')
    end = xml.index("</w:style>", start)
    return xml[:start] + xml[start:end].replace(old, new) + xml[end:]


def _no_keeping(xml: str) -> str:
    """Headings free to end a page, single lines free to stand alone: the template before."""
    for sid in ("GwH1", "GwH2", "GwH3", "GwH4"):
        xml = _style(xml, sid, "<w:keepNext/>", "")
    return xml.replace("<w:widowControl/>", '<w:widowControl w:val="0"/>')


def _low_mark(xml: str) -> str:
    return re.sub(
        r'(w:styleId="GwMarkGap0".*?w:line=")(\d+)',
        lambda m: m.group(1) + str(int(m.group(2)) + 567),  # 10 mm lower
        xml,
        count=1,
        flags=re.S,
    )


def _colophon_afloat(xml: str) -> str:
    """The 版记 back in the text's flow on the next page, as the template alone printed it."""
    xml = re.sub(r"<w:tblpPr [^>]*/>", "", xml)
    return xml.replace('<w:type w:val="evenPage"/>', "")


BODY_ITEMS = [f"第{i}项工作已按期完成，请各单位认真对照检查。" for i in range(1, 5)]
# Fifteen paragraphs of two lines end the text on page 3.
LONG_ITEMS = [
    f"第{i}项工作已按期完成，请各单位认真对照检查，并于月底前将落实情况书面报送市教育局办公室。"
    for i in range(1, 16)
]
MANY_CC = (
    "  cc: [市委办公室, 市人大常委会办公室, 市政府办公室, 市政协办公室, 市委组织部, 市委宣传部,"
    " 市发展和改革委员会, 市财政局, 市人力资源和社会保障局, 市卫生健康委员会]\n"
    "  printed_by: 承德市教育局办公室\n"
)


def _title_items(path: Path) -> Path:
    """A plan whose second part lists its items as titles alone, as task lists often do: three
    items with their text half fill page 1, then eight two-line titles follow."""
    text = "推进工作落实，完善制度机制，加强督促检查，确保各项任务按期完成并取得实效。" * 2
    first = "".join(
        f"    - title: 第{n}项重点工作\n      measures: [{text}]\n" for n in range(1, 4)
    )
    titles = "".join(
        f"    - title: 第{n}项：加强统筹协调，完善工作机制，推动各项任务落到实处，确保取得实效。\n"
        for n in range(4, 12)
    )
    path.write_text(
        "plan:\n  title: 2024年工作要点\n  sections:\n"
        f"  - title: 重点工作\n    items:\n{first}  - title: 常规工作\n    items:\n{titles}",
        encoding="utf-8",
    )
    return path


@pytest.fixture(scope="session")
def rendered(
    tmp_path_factory: pytest.TempPathFactory, seed_docx: Path, school_docx: Path
) -> dict[str, tuple[Path, Pages]]:
    folder = tmp_path_factory.mktemp("pages")
    colophon = "  cc: [市委办公室, 市政府办公室]\n  printed_by: 承德市教育局办公室\n"
    docs = {
        "seed": seed_docx,
        "school": school_docx,
        "colophon": edureport.build(
            _notice(folder / "colophon.yaml", BODY_ITEMS[:2], colophon), folder / "colophon.docx"
        ),
        # Four one-line paragraphs end the text one line above the end of page 1.
        "full": edureport.build(_notice(folder / "full.yaml", BODY_ITEMS), folder / "full.docx"),
        # The text ends on page 3; a 抄送 line of ten organs runs over three lines.
        "colophon-long": edureport.build(
            _notice(folder / "colophon-long.yaml", LONG_ITEMS, MANY_CC),
            folder / "colophon-long.docx",
        ),
    }
    docs["titles"] = edureport.build(_title_items(folder / "titles.yaml"), folder / "titles.docx")
    docs["titles-old"] = _edited(
        docs["titles"],
        folder / "titles-old.docx",
        lambda x: x.replace('<w:keepNext w:val="0"/>', ""),
        "word/document.xml",
    )
    docs["colophon-old"] = _edited(
        docs["colophon"], folder / "colophon-old.docx", _colophon_afloat, "word/document.xml"
    )
    docs["seed-old"] = _edited(
        seed_docx, folder / "seed-old.docx", lambda x: _low_mark(_no_keeping(x))
    )
    docs["full-old"] = _edited(
        docs["full"],
        folder / "full-old.docx",
        lambda x: _style(x, "GwBodyEnd", "<w:keepNext/>", ""),
    )
    pdfs = convert(list(docs.values()), folder)
    return {
        name: (docx, read_pdf(pdf)) for (name, docx), pdf in zip(docs.items(), pdfs, strict=True)
    }


def _findings(docx: Path, pages: Pages) -> list[Finding]:
    source = _source(docx)
    match_paragraphs(pages, source)
    source.cache["pages"] = pages
    try:
        return [f for r in RULES for f in r.run(source)]
    finally:
        assert source.package is not None
        source.package.close()


def test_seed_mark_at_35_mm_and_no_page_findings(rendered: dict[str, tuple[Path, Pages]]) -> None:
    docx, pages = rendered["seed"]
    first = pages.lines[0][0]
    assert first.text == "中共承德市委教育工委"  # no empty lines above the mark
    assert (first.top - TOP) / PT_PER_MM == pytest.approx(35, abs=1)
    assert _findings(docx, pages) == []
    # The first summary page (page 3) ends in text, not in the heading “一、…”.
    assert pages.lines[2][-1].text.startswith("一、") is False


def test_checks_find_a_low_mark_and_a_heading_at_a_page_end(
    rendered: dict[str, tuple[Path, Pages]],
) -> None:
    found = _findings(*rendered["seed-old"])
    mark = [f for f in found if f.rule == "P101"]
    assert len(mark) == 1 and mark[0].location.page == 1 and mark[0].location.page_line == 1
    assert "45." in mark[0].message or "44." in mark[0].message
    headings = [f for f in found if f.rule == "P102"]
    assert headings, "the seed without keep-with-next leaves a heading at the end of a page"
    for f in headings:
        assert re.match(r"[一二三四五六七八九十（\d]", f.location.excerpt)
        assert f.location.paragraph is not None


def test_school_summary_is_one_page_without_findings(
    rendered: dict[str, tuple[Path, Pages]],
) -> None:
    docx, pages = rendered["school"]
    assert pages.count == 1
    assert _findings(docx, pages) == []


def test_one_organ_notice_is_centred_and_its_colophon_checked(
    rendered: dict[str, tuple[Path, Pages]],
) -> None:
    docx, pages = rendered["colophon"]
    mark = pages.lines[0][0]
    assert re.sub(r"\s", "", mark.text) == "承德市教育局文件"  # one line, natural spacing
    width = 8 * 36 * 0.95  # eight 36 pt characters, not stretched across 156 mm
    right = mark.left + width
    assert (mark.left + right) / 2 == pytest.approx(CENTRE, abs=15)
    titles = [
        line.text for line in pages.lines[0] if "工作要点" in line.text or "关于" in line.text
    ]
    assert [re.sub(r"\s", "", t) for t in titles] == [
        "关于印发承德市教育局",
        "2024年度工作要点的通知",
    ]
    assert _findings(docx, pages) == []


def _furniture(pdf: Path) -> list[tuple[str, list[tuple[float, float, float, float]]]]:
    """Each page's text below the text block (its page number) and its horizontal rules
    (left, right, top, bottom in points from the page's top-left)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    out = []
    document = pdfium.PdfDocument(str(pdf))
    try:
        for n in range(len(document)):
            page = document[n]
            height = page.get_height()
            text = page.get_textpage()
            below = text.get_text_bounded(top=height - BOTTOM - 1)
            rules = []
            for obj in page.get_objects(max_depth=5):
                if obj.type == raw.FPDF_PAGEOBJ_PATH:
                    left, bottom, right, top = obj.get_bounds()
                    if right - left > 100 and top - bottom < 3:
                        rules.append((left, right, height - top, height - bottom))
            out.append((below.strip(), sorted(rules, key=lambda r: r[2])))
    finally:
        document.close()
    return out


def _colophon_lines(pages: Pages) -> list[str]:
    return [re.sub(r"\s", "", line.text) for line in pages.lines[-1]]


def test_colophon_on_an_even_last_page_at_the_foot_without_numbers(
    rendered: dict[str, tuple[Path, Pages]],
) -> None:
    """7.4, 7.5: the text ends on page 2, so page 3 is left blank and the 版记 is page 4; its last
    rule on the bottom edge of the text block; no number on pages 3 and 4."""
    docx, pages = rendered["colophon"]
    assert pages.count == 4
    assert pages.lines[2] == []  # the blank page
    assert _colophon_lines(pages) == [
        "抄送：市委办公室，市政府办公室。",
        "承德市教育局办公室2024年3月1日印发",
    ]
    furniture = _furniture(docx.with_suffix(".pdf"))
    numbers = [below for below, _ in furniture]
    assert re.sub(r"\s", "", numbers[0]) == "—1—" and re.sub(r"\s", "", numbers[1]) == "—2—"
    assert numbers[2:] == ["", ""]
    rules = furniture[3][1]
    assert len(rules) == 3  # thick, thin between the rows, thick
    last = rules[-1]
    assert (last[2] + last[3]) / 2 == pytest.approx(BOTTOM, abs=1.5 * PT_PER_MM)
    for left, right, _, _ in rules:  # as wide as the text block
        assert left == pytest.approx(pt(MARGIN_LEFT), abs=2)
        assert right == pytest.approx(pt(MARGIN_LEFT + TEXT_W), abs=2)
    assert _findings(docx, pages) == []


def test_colophon_after_an_odd_page_and_a_long_cc_line(
    rendered: dict[str, tuple[Path, Pages]],
) -> None:
    """The text ends on page 3: the 版记 is page 4, with no blank page; ten organs run over three
    lines, the second and third aligned with the first name after “抄送：” (7.4.2)."""
    docx, pages = rendered["colophon-long"]
    assert pages.count == 4 and pages.lines[2] and not pages.lines[2][0].text.startswith("抄送")
    cc = pages.lines[3]
    assert len(cc) == 4 and cc[0].text.startswith("抄送")
    first_name = cc[0].left + 3 * 14 * 0.95  # after three 四号 characters
    assert cc[1].left == pytest.approx(first_name, abs=3)
    assert cc[2].left == pytest.approx(cc[1].left, abs=1)
    furniture = _furniture(docx.with_suffix(".pdf"))
    assert furniture[3][0] == ""  # no page number
    last = furniture[3][1][-1]
    assert (last[2] + last[3]) / 2 == pytest.approx(BOTTOM, abs=1.5 * PT_PER_MM)
    assert _findings(docx, pages) == []


def test_check_finds_a_colophon_in_the_text_flow(
    rendered: dict[str, tuple[Path, Pages]],
) -> None:
    """The 版记 as the template alone put it (after the text, on the next page, page 3): P104."""
    found = [f for f in _findings(*rendered["colophon-old"]) if f.rule == "P104"]
    messages = " ".join(f.message for f in found)
    assert "odd page" in messages and "above the bottom of the text block" in messages
    assert all(f.location.page == 3 for f in found)


def test_signature_keeps_the_end_of_the_text_with_it(
    rendered: dict[str, tuple[Path, Pages]],
) -> None:
    docx, pages = rendered["full"]
    date_page = next(
        n
        for n, lines in enumerate(pages.lines, 1)
        if any("2024年3月1日" in re.sub(r"\s", "", x.text) for x in lines)
    )
    texts = [re.sub(r"\s", "", line.text) for line in pages.lines[date_page - 1]]
    assert any(t.startswith("第4项工作") for t in texts)
    assert not [f for f in _findings(docx, pages) if f.rule == "P103"]
    # Without keep-with-next on the last paragraph the signature stands alone, and check sees it.
    old = [f for f in _findings(*rendered["full-old"]) if f.rule == "P103"]
    assert len(old) == 1 and old[0].location.page == 2


def test_check_pages_on_the_command_line(school_docx: Path) -> None:
    result = CliRunner().invoke(main, ["check", str(school_docx), "--pages", "--select", "P"])
    assert result.exit_code == 0, result.output
    assert "no findings" in result.stdout
    plain = CliRunner().invoke(main, ["check", str(school_docx), "--select", "P"])
    assert "page rules (P…) not run" in plain.stderr


def test_check_pages_without_libreoffice_says_so(
    school_docx: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EDUREPORT_SOFFICE", str(EXAMPLES / "no-such-soffice"))
    monkeypatch.setenv("PATH", "")
    result = CliRunner().invoke(main, ["check", str(school_docx), "--pages"])
    assert "page rules (P…) not run: LibreOffice is not found" in result.stderr


def test_items_written_as_titles_alone_fill_their_pages(
    rendered: dict[str, tuple[Path, Pages]],
) -> None:
    # Such an item is not kept with the next one: the items flow over the pages, each page but
    # the last filled to within two lines of the bottom, and check finds no heading left behind.
    docx, pages = rendered["titles"]
    line = pt(LINE)  # one line of the 22-line grid
    assert pages.count == 2
    assert BOTTOM - pages.lines[0][-1].bottom < 2.5 * line, "page 1 ends early"
    assert not [f for f in _findings(docx, pages) if f.rule == "P102"]
    # Kept each with the next, as the heading style alone does, the titles move as one block
    # to page 2 and leave the foot of page 1 empty.
    _, old = rendered["titles-old"]
    assert BOTTOM - old.lines[0][-1].bottom > 5 * line
