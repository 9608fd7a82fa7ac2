"""Acceptance: the bundled example reproduces the real document 承教发〔2021〕1号 paragraph by paragraph."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from conftest import EXAMPLES, docx_lines, seed_paragraphs

HEADER_BLOCK = 5  # the first seed paragraphs: code, two organs, two title lines (any order)


def _organ(line: str) -> str:
    # “承  德  市  教  育  局” is distributed alignment come out as text.
    return line.replace(" ", "")


def test_every_seed_paragraph_appears_in_order(seed_docx: Path) -> None:
    seed = seed_paragraphs()
    built = docx_lines(seed_docx)
    assert sorted(map(_organ, built[:HEADER_BLOCK])) == sorted(map(_organ, seed[:HEADER_BLOCK]))
    assert built[HEADER_BLOCK:] == seed[HEADER_BLOCK:]


def test_seed_has_the_parts_the_issue_names() -> None:
    # Guards the comparison above against a truncated seed copy.
    seed = seed_paragraphs()
    assert seed[0] == "承教发〔2021〕1号"
    assert "2020年工作总结" in seed and "2021年工作要点" in seed
    assert seed[-1] == "责任科室：局防控办各专项工作组"
    assert sum(bool(re.match(r"\d+\.", line)) for line in seed) == 34


def test_example_data_holds_no_heading_numbers() -> None:
    # Numbers are computed by the library, never typed in the data.
    data = yaml.safe_load((EXAMPLES / "chengde-2021" / "document.yaml").read_text("utf-8"))
    titles = [s["title"] for s in data["summary"]["sections"]]
    titles += [s["title"] for s in data["plan"]["sections"]]
    titles += [i["title"] for s in data["plan"]["sections"] for i in s["items"]]
    numbered = re.compile(r"^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．、])")
    assert titles and not [t for t in titles if numbered.match(t)]
    assert len([i for s in data["plan"]["sections"] for i in s["items"]]) == 34


def test_item_labels_are_kept_as_each_item_writes_them(seed_docx: Path) -> None:
    lines = docx_lines(seed_docx)
    item8 = lines.index("8.全面推进新时代大中小学劳动教育")
    assert lines[item8 + 1].startswith("任务目标：")
    for title in ("2.深入开展党史学习教育", "15.推动高等教育内涵发展"):
        at = lines.index(title)
        assert lines[at + 2].startswith("工作举措：")
