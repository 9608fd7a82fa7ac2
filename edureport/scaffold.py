"""A new document to start from: document.yaml with every field a person fills marked 【待填写】.

The file is written as text, not dumped, so that each field keeps a comment saying what it is.
It loads and builds as written; `edureport check` lists each 【待填写】 left (rule T401).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import yaml

from .errors import InputError, Location
from .i18n import _
from .model import PLACEHOLDER

DOCUMENT_FILE = "document.yaml"
PRINTABLE = ("summary", "plan")


def _q(value: object) -> str:
    """``value`` as one line of YAML (a string that looks like a number stays a string)."""
    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=1_000_000)
    return text.removesuffix("\n").removesuffix("\n...").strip()


def scaffold(
    *,
    organs: Sequence[str] = (),
    agency: str | None = None,
    year: int | None = None,
    serial: int | None = None,
    prints: Sequence[str] = PRINTABLE,
) -> str:
    """The YAML text of a new notice printing ``prints`` (summary, plan) for ``year``."""
    unknown = [p for p in prints if p not in PRINTABLE]
    if unknown or not prints or len(set(prints)) != len(prints):
        raise InputError(
            _("expected the documents printed as summary and/or plan, got {prints}").format(
                prints=",".join(prints)
            ),
            Location(field="prints"),
        )
    if serial is not None and serial < 1:
        raise InputError(
            _("expected a serial number of 1 or more, got {serial}").format(serial=serial)
        )
    year = year or dt.date.today().year
    todo = _q(PLACEHOLDER)
    names = {"summary": f"{year - 1}年工作总结", "plan": f"{year}年工作要点"}
    printed = [names[p] for p in prints]
    title = "关于印发" + "及".join(printed) + "的通知"
    body = "现将" + "和".join(f"《{n}》" for n in printed) + "印发给你们，请结合实际认真贯彻落实。"
    lines = [
        "# A new document for edureport: fill every 【待填写】, then",
        "#   edureport build . -o out.docx     (it builds as it is, placeholders and all)",
        "#   edureport check out.docx          (lists each 【待填写】 still left: rule T401)",
        "# The whole format: README.md, and examples/chengde-2021/document.yaml.",
        "notice:",
        "  # 发文机关: the organs in the red mark, the lead organ first",
        f"  organs: {_q(list(organs) or [PLACEHOLDER])}",
        "  # 发文字号 → 机关代字〔年份〕序号号; serial: null prints 【待填写】 until assigned",
        f"  code: {{agency: {_q(agency or PLACEHOLDER)}, year: {year}, "
        f"serial: {'null' if serial is None else serial}}}",
        "  # 标题: one entry per line, or one string",
        f"  title: {_q(title)}",
        "  # 成文日期, e.g. 2024-04-06 (written 2024年4月6日); null prints 【待填写】",
        "  date: null",
        # 各 first: a 主送机关 line that opens with the placeholder is not read as one by check
        "  # 主送机关, e.g. [各县（市、区）教育局, 各直属学校]",
        f"  recipients: [{_q('各' + PLACEHOLDER)}]",
        "  # 正文: one entry per paragraph",
        f"  body: [{_q(body)}]",
        "  # the documents it prints, in order",
        f"  prints: {_q(list(prints))}",
    ]
    if "summary" in prints:
        lines += [
            "summary:",
            f"  title: {_q(names['summary'])}",
            "  # 导语: paragraphs before the first heading",
            f"  preface: [{todo}]",
            "  # 一、 （一） … are numbered for you",
            "  sections:",
            f"    - title: {todo}",
            f"      paragraphs: [{todo}]",
        ]
    if "plan" in prints:
        lines += [
            "plan:",
            f"  title: {_q(names['plan'])}",
            "  # 总体思路",
            f"  overview: {todo}",
            "  sections:",
            f"    - title: {todo}                # → 一、",
            "      items:                               # → 1. 2. … on across sections",
            f"        - title: {todo}",
            f"          goal: {todo}                 # 目标任务",
            f"          measures: {todo}             # 工作措施",
            f"          departments: [{todo}]        # 责任科室",
        ]
    return "\n".join(lines) + "\n"


def write_scaffold(folder: str | Path, *, force: bool = False, **values: object) -> Path:
    """Write FOLDER/document.yaml (the folder is made if missing); never over a file without
    ``force``. ``values`` are those of :func:`scaffold`."""
    from .files import atomic_output

    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise InputError("expected a folder for the new document, found a file", Location(folder))
    text = scaffold(**values)  # type: ignore[arg-type]
    output = folder / DOCUMENT_FILE
    if output.exists() and not force:
        from .errors import OutputExistsError

        raise OutputExistsError(location=Location(output))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        message = _("cannot make the folder: {why}").format(why=exc.strerror)
        raise InputError(message, Location(folder)) from None
    with atomic_output(output, force) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return output
