"""Which fonts a .docx asks for, and which of them this computer has.

A PDF made with a stand-in font breaks its lines elsewhere than the office's Word would, so the
fonts a document names but the machine lacks (仿宋_GB2312, 方正小标宋简体 …) are worth a warning.
Installed fonts come from fontconfig (``fc-list``) where it exists; otherwise the font files in the
usual folders (Windows, macOS) are read for their family names. When neither works, nobody knows.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .reader import DocxPackage, W

_PARTS = re.compile(r"word/(styles|document|header\d*|footer\d*|numbering|footnotes|endnotes)\.xml")
_FONT_ATTRS = tuple(f"{W}{a}" for a in ("ascii", "hAnsi", "eastAsia", "cs"))
_FONT_SUFFIXES = {".ttf", ".ttc", ".otf", ".otc"}


def requested_fonts(docx: Path) -> list[str]:
    """The font names the document's styles and text ask for, in first-use order."""
    package = DocxPackage(docx)
    try:
        names: dict[str, None] = {}
        for part in sorted(n for n in package.names if _PARTS.fullmatch(n)):
            for fonts in package.xml(part).iter(f"{W}rFonts"):
                for attr in _FONT_ATTRS:
                    value = fonts.get(attr)
                    if value:
                        names[value] = None
        return list(names)
    finally:
        package.close()


def installed_fonts() -> set[str] | None:
    """Family names of the installed fonts, casefolded; None when they cannot be found out."""
    fc_list = shutil.which("fc-list")
    if fc_list:
        try:
            out = subprocess.run(
                [fc_list, ":", "family"], capture_output=True, check=True, timeout=60
            ).stdout.decode("utf-8", "replace")
        except (OSError, subprocess.SubprocessError):
            out = ""
        families = {
            name.strip().casefold() for line in out.splitlines() for name in line.split(",")
        }
        families.discard("")
        if families:
            return families
    folders = list(_font_folders())
    if not folders:
        return None
    families = set()
    for folder in folders:
        for file in folder.rglob("*"):
            if file.suffix.lower() in _FONT_SUFFIXES:
                families.update(n.casefold() for n in font_family_names(file))
    return families or None


def missing_fonts(docx: Path, installed: set[str] | None = None) -> list[str] | None:
    """Fonts ``docx`` asks for that are not installed; None when that cannot be known."""
    have = installed if installed is not None else installed_fonts()
    if have is None:
        return None
    return [name for name in requested_fonts(docx) if name.casefold() not in have]


def _font_folders() -> Iterator[Path]:
    if sys.platform == "win32":
        candidates = [
            Path(os.environ.get("WINDIR", r"C:\Windows"), "Fonts"),
            Path(os.environ.get("LOCALAPPDATA", ""), "Microsoft", "Windows", "Fonts"),
        ]
    elif sys.platform == "darwin":
        candidates = [
            Path("/System/Library/Fonts"),
            Path("/Library/Fonts"),
            Path.home() / "Library" / "Fonts",
        ]
    else:
        candidates = [Path("/usr/share/fonts"), Path.home() / ".local/share/fonts"]
    return (c for c in candidates if c.is_dir())


def font_family_names(file: Path) -> set[str]:
    """The family names (every language) in a TrueType/OpenType file or collection's name table.

    Read with the standard library, seeking only to the tables needed: CJK fonts run to 20 MB.
    A file that is not a readable font gives no names.
    """
    try:
        with file.open("rb") as fh:
            return set(_family_names(fh))
    except (OSError, struct.error, ValueError):
        return set()


def _family_names(fh: Any) -> Iterable[str]:
    def read(offset: int, size: int) -> bytes:
        fh.seek(offset)
        data: bytes = fh.read(size)
        if len(data) != size:
            raise ValueError("truncated font file")
        return data

    head = read(0, 12)
    if head[:4] == b"ttcf":
        (count,) = struct.unpack(">I", head[8:12])
        offsets = struct.unpack(f">{min(count, 64)}I", read(12, 4 * min(count, 64)))
    else:
        offsets = (0,)
    for base in offsets:
        (tables,) = struct.unpack(">H", read(base + 4, 2))
        directory = read(base + 12, 16 * min(tables, 256))
        for i in range(min(tables, 256)):
            tag, _, offset, length = struct.unpack(">4sIII", directory[16 * i : 16 * i + 16])
            if tag == b"name":
                yield from _names_table(read(offset, min(length, 1 << 20)))


def _names_table(table: bytes) -> Iterator[str]:
    _, count, strings = struct.unpack(">HHH", table[:6])
    for i in range(count):
        platform, encoding, _, name_id, length, offset = struct.unpack(
            ">HHHHHH", table[6 + 12 * i : 18 + 12 * i]
        )
        if name_id not in (1, 16):  # family, typographic family
            continue
        raw = table[strings + offset : strings + offset + length]
        if platform in (0, 3):
            yield raw.decode("utf-16-be", "replace")
        elif platform == 1 and encoding == 0:
            yield raw.decode("mac_roman", "replace")
