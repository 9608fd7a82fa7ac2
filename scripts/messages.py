"""Bring the message catalogue up to date: extract every message, merge, compile.

    python scripts/messages.py           # update edureport/locale/zh_CN/…/edureport.po and .mo
    python scripts/messages.py --check   # exit 1 if the .po or .mo is out of date (for CI)

Messages are found by babel's extractor (``_()`` and ``N_()`` calls), plus the texts that are keys
without a call: CLI help texts, check rules' descriptions, and fixed error messages. Translations
already in the .po are kept; a message no longer used is dropped.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "edureport"
PO = PACKAGE / "locale" / "zh_CN" / "LC_MESSAGES" / "edureport.po"
MO = PO.with_suffix(".mo")
_FIXED_ERROR = re.compile(r'(?:Error|Problem)\(\s*"([^"{}]+)"\s*[,)]')


def messages() -> list[str]:
    sys.path.insert(0, str(ROOT))
    import click

    from edureport.checker import RULES
    from edureport.cli import main
    from edureport.commands import _what

    found: dict[str, None] = {}
    for _file, _line, message, _comments, _context in extract_from_dir(
        PACKAGE, method_map=[("**.py", "python")], keywords={"_": None, "_t": None, "N_": None}
    ):
        if isinstance(message, str) and message:
            found[message] = None

    def commands(command: click.Command) -> None:
        english = command.__dict__.get("_edureport_en", {})
        for text in (english.get("help", command.help), english.get("short_help")):
            if text:
                found[text] = None
        for param in command.params:
            text = param.__dict__.get("_edureport_en", getattr(param, "help", None))
            if text:
                found[text] = None
        if isinstance(command, click.Group):
            for sub in command.commands.values():
                commands(sub)

    commands(main)
    for r in RULES:
        found[_what(r.summary, r.function.__doc__)] = None
        if re.search(r"\b[a-z]{3,}\b", r.clause):  # a clause with words, not just a number
            found[r.clause] = None
    for severity in ("error", "warning", "info"):
        found[severity] = None
    found["the output file exists"] = None
    for path in sorted(PACKAGE.rglob("*.py")):
        for match in _FIXED_ERROR.finditer(path.read_text(encoding="utf-8")):
            found[match.group(1)] = None
    return list(found)


def catalogue() -> Catalog:
    old = read_po(PO.open("rb")) if PO.exists() else Catalog(locale="zh_CN")
    fixed = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)  # no dates in the header: output is reproducible
    new = Catalog(
        locale="zh_CN",
        domain="edureport",
        project="edureport",
        fuzzy=False,
        creation_date=fixed,
        revision_date=fixed,
    )
    for message in messages():
        kept = old.get(message)
        new.add(message, kept.string if kept is not None else "")
    return new


def _po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=100, omit_header=True, sort_output=True)
    return out.getvalue()


def _mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def main() -> int:
    catalog = catalogue()
    po, mo = _po_bytes(catalog), _mo_bytes(catalog)
    if "--check" in sys.argv:
        stale = [p for p, data in ((PO, po), (MO, mo)) if not p.exists() or p.read_bytes() != data]
        for path in stale:
            print(f"{path.relative_to(ROOT)} is out of date: run python scripts/messages.py")
        return 1 if stale else 0
    PO.parent.mkdir(parents=True, exist_ok=True)
    PO.write_bytes(po)
    MO.write_bytes(mo)
    untranslated = sum(1 for m in catalog if m.id and not m.string)
    where = PO.relative_to(ROOT)
    print(f"wrote {where} and .mo: {len(catalog)} messages, {untranslated} untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
