"""File names made from data: kept readable (Chinese stays), but safe on every office PC."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from edureport.names import MAX_BYTES, collision_key, safe_filename

WINDOWS_FORBIDDEN = set('<>:"/\\|?*') | {chr(c) for c in range(32)}


def test_chinese_names_and_codes_are_kept() -> None:
    assert safe_filename("承教发〔2021〕1号") == "承教发〔2021〕1号"
    assert safe_filename("承德市第一中学（高中部）") == "承德市第一中学（高中部）"


def test_characters_windows_refuses_are_replaced() -> None:
    assert safe_filename('承德:一中/高中部?"*') == "承德_一中_高中部___"
    assert safe_filename("a\tb\x01c") == "a_b_c"


def test_a_name_cannot_leave_its_folder_or_hide() -> None:
    assert safe_filename("../x") == "_.._x"
    assert safe_filename("..") == "_"
    assert safe_filename(".hidden") == "_.hidden"
    assert safe_filename("") == "_"


def test_device_names_and_trailing_dots() -> None:
    assert safe_filename("CON") == "_CON"
    assert safe_filename("com1.通知") == "_com1.通知"
    assert safe_filename("CONTROL") == "CONTROL"  # only the device names themselves
    assert safe_filename("通知. . ") == "通知"


def test_long_names_are_cut_whole_characters_under_the_limit() -> None:
    name = safe_filename("学" * 100)
    assert len(name.encode("utf-8")) <= MAX_BYTES
    assert name == "学" * (MAX_BYTES // 3)


def test_names_differing_in_case_or_normal_form_collide() -> None:
    assert collision_key("Report") == collision_key("REPORT")
    assert collision_key("e\u0301") == collision_key("\u00e9")
    assert collision_key("一中") != collision_key("二中")


@given(st.text(max_size=120))
def test_any_text_gives_a_name_that_stays_in_the_folder(text: str) -> None:
    name = safe_filename(text)
    assert name and not (set(name) & WINDOWS_FORBIDDEN)
    assert not name.startswith(".") and not name.endswith((".", " "))
    assert len(name.encode("utf-8", "surrogatepass")) <= MAX_BYTES
    assert Path("out", name + ".docx").parent == Path("out")


def test_the_name_can_be_written(tmp_path: Path) -> None:
    for text in ["../../etc/passwd", "a:b?", "学" * 200, "CON", "承教发〔2021〕1号"]:
        path = tmp_path / f"{safe_filename(text)}.docx"
        path.write_bytes(b"x")
        assert path.parent == tmp_path
