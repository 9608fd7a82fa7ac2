"""Any text parses: into data that builds and saves, or into a clear InputError — never a crash.

Lines are made of the pieces real documents are made of (heading numbers of every form, codes in
any bracket, dates, labels, brackets, legends, page numbers, spaces of every kind), shuffled.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import edureport
from edureport.dump import dumps
from edureport.loader import loads

PIECES = [
    "一、",
    "（一）",
    "(二)",
    "1.",
    "2、",
    "3．",
    "（1）",
    "①",
    "1000.",
    "一是",
    "二是",
    "关于印发",
    "工作要点",
    "的通知",
    "工作总结",
    "2024年",
    "承教发〔2024〕3号",
    "许政 [2020] 20号",
    "各学校：",
    "现将《2024年工作要点》印发给你们",
    "2024年3月5日",
    "2024327",
    "【待填写】",
    "责任科室：",
    "牵头单位:",
    "配合单位：",
    "完成时限：",
    "（基教科牵头，督导室参与）",
    "(市教育局,市委农办,排名第一位为牵头单位,下同)",
    "附件：",
    "附件",
    "抄送：",
    "印发",
    "- 2 -",
    "目录",
    "……3",
    "任 务 目 标",
    "完成时限",
    "。",
    "，",
    ",",
    "；",
    "（",
    "）",
    "《",
    "》",
    "“",
    "”",
    "\u00a0",
    "\u3000",
    " ",
    "\t",
    "党建",
    "教育局",
    "推进",
    "落实",
]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(st.lists(st.sampled_from(PIECES), min_size=1, max_size=12), min_size=1, max_size=40)
)
def test_any_text_parses_to_data_that_saves_and_builds(
    tmp_path: Path, lines: list[list[str]]
) -> None:
    path = tmp_path / "doc.txt"
    path.write_text("\n".join("".join(line) for line in lines) + "\n", encoding="utf-8")
    try:
        document = edureport.parse(path)
    except edureport.InputError:
        return  # e.g. only spaces: refused, with the file named
    assert loads(dumps(document)) == document  # what parse gives is data the loader takes
    edureport.build(document, tmp_path / "out.docx", force=True)
