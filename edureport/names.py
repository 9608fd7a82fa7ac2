"""File names made from data (a school's name, a document code) that any office PC can hold.

Windows refuses ``<>:"/\\|?*``, control characters, names ending in a dot or space, and device names
such as ``CON`` or ``com1.docx``; a name must also stay inside its folder (no ``..``) and within the
file system's 255-byte limit. Chinese is kept as it is: it is the point of the name.
"""

from __future__ import annotations

import re
import unicodedata

_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_DEVICES = re.compile(r"(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?", re.IGNORECASE)
# Room left under the 255-byte limit for a suffix and the ``.NAME.xxxxxxxx.tmp`` of an atomic write.
MAX_BYTES = 180


def safe_filename(name: str) -> str:
    """``name`` as a file name (without a suffix) that Windows, macOS and Linux all accept.

    >>> safe_filename("承教发〔2021〕1号")
    '承教发〔2021〕1号'
    >>> safe_filename("../a:b?")
    '_.._a_b_'
    """
    name = unicodedata.normalize("NFC", name)
    name = _FORBIDDEN.sub("_", name).strip()
    name = name.rstrip(". ")
    if name.startswith("."):  # a hidden file, or a way out of the folder
        name = "_" + name
    if _DEVICES.fullmatch(name):
        name = "_" + name
    encoded = name.encode("utf-8")
    if len(encoded) > MAX_BYTES:
        name = encoded[:MAX_BYTES].decode("utf-8", "ignore").rstrip(". ")
    return name or "_"


def collision_key(name: str) -> str:
    """Names that one folder cannot hold side by side on Windows or macOS compare equal."""
    return unicodedata.normalize("NFC", name).casefold()
