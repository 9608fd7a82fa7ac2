"""Write document data as YAML in the schema of examples/: readable, and loaded back unchanged.

Only what differs from a field's default is written, in the model's field order; short lists of
names (organs, departments) are written on one line, as the examples do.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from .model import Document, Table

try:  # libyaml emits the same YAML several times faster
    _Base: type[yaml.SafeDumper] = yaml.CSafeDumper  # type: ignore[assignment]
except AttributeError:  # pragma: no cover
    _Base = yaml.SafeDumper


class _Dumper(_Base):  # type: ignore[misc, valid-type]
    """A safe dumper that writes :class:`_Names` in flow style."""


class _Names(list[Any]):
    """A list of short names or a table row, written on one line: [a, b, c]."""


def _names(dumper: yaml.SafeDumper, data: _Names) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", list(data), flow_style=True)


# YAML reads these as line breaks; PyYAML's pure-Python dumper (used where libyaml is missing)
# writes them unescaped, so they would come back as spaces. Double quotes escape them.
_YAML_BREAKS = ("\x85", "\u2028", "\u2029")


def _str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    style = "|" if "\n" in data else None  # a line break stays visible as one
    if any(ch in data for ch in _YAML_BREAKS):
        style = '"'
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(_Names, _names)
_Dumper.add_representer(str, _str)

_FLOW = {
    "organs",
    "signature",
    "signer",
    "departments",
    "cooperating",
    "leader",
    "cc",
    "prints",
    "columns",
}
_SCALAR_IF_ONE = {"goal", "measures"}  # one paragraph is written without a list


def _plain(value: Any, name: str = "") -> Any:
    if isinstance(value, Table):
        return {"table": _fields(value)}
    if name == "more":  # further documents are written `- summary: {...}` / `- plan: {...}`
        return [{type(v).__name__.lower(): _fields(v)} for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _fields(value)
    if isinstance(value, list):
        if name in _SCALAR_IF_ONE and len(value) == 1 and isinstance(value[0], str):
            return value[0]
        items = [_plain(v) for v in value]
        if name == "rows":
            return [_Names(row) for row in items]
        if name in _FLOW and all(isinstance(v, str) for v in items):
            return _Names(items)
        return items
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _fields(obj: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in dataclasses.fields(obj):
        if not (f.init and f.compare):
            continue
        value = getattr(obj, f.name)
        if f.default is not dataclasses.MISSING and value == f.default:
            continue
        if f.default_factory is not dataclasses.MISSING and value == f.default_factory():
            continue
        out[f.name] = _plain(value, f.name)
    return out


def dumps(document: Document, comment: str = "") -> str:
    """The YAML text of ``document``; ``comment`` lines are written above it as # comments."""
    data = _fields(document)
    text = yaml.dump(  # a SafeDumper subclass: data only
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=1_000_000,
        default_flow_style=False,
    )
    head = "".join(f"# {line}\n" if line else "#\n" for line in comment.splitlines())
    return head + text


def write_yaml(
    document: Document, output: str | Path, *, force: bool = False, comment: str = ""
) -> Path:
    """Write ``document`` as YAML at ``output``: all or nothing, never over a file without force."""
    from .files import atomic_output

    output = Path(output)
    with atomic_output(output, force) as tmp:
        tmp.write_text(dumps(document, comment), encoding="utf-8")
    return output


def save(document: Document, output: str | Path, *, force: bool = False) -> Path:
    """Write ``document``'s data as YAML at ``output``, the form :func:`edureport.load` reads:
    all or nothing, and an existing file is replaced only with ``force``."""
    return write_yaml(document, output, force=force, comment="Written by edureport.")


def _date(dumper: yaml.SafeDumper, data: dt.date) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", data.isoformat())


_Dumper.add_representer(dt.date, _date)
