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
from edureport.check import _source
from edureport.check.findings import Finding
from edureport.check.pages import RULES, TOP, Pages, match_paragraphs, read_pdf
from edureport.cli import main
from edureport.gbt9704 import MARGIN_LEFT, PT_PER_MM, TEXT_W, pt
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


def _edited(docx: Path, out: Path, change: Callable[[str], str]) -> Path:
    """A copy of ``docx`` with its styles changed (to bring back a fault the template avoids)."""
    with zipfile.ZipFile(docx) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/styles.xml":
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


BODY_ITEMS = [f"第{i}项工作已按期完成，请各单位认真对照检查。" for i in range(1, 5)]


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
    }
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
    assert len(mark) == 1 and mark[0].location.page == 1 and mark[0].location.line == 1
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
    # The 版记 still follows the text (it is not yet placed at the bottom): the check says so.
    found = {f.rule for f in _findings(docx, pages)}
    assert "P104" in found and "P103" not in found


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
