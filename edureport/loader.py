"""Load document data: YAML (safely) into the typed model, tables from .xlsx/.csv through pandas.

The YAML is composed into nodes first so that every value keeps its line; the nodes are then
converted field by field, driven by the model's type hints. Any mistake names the file, the line,
the field path (``plan.sections[2].items[3].departments``) and what was expected.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
import types
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

import yaml

from .errors import DataError, InputError, Location
from .i18n import N_, language
from .i18n import _ as _t  # `_` is a throwaway name in this module
from .model import PLAN_FIELDS, Document, Plan, PlanItem, PlanSection, Summary, Table

try:  # libyaml is several times faster; the pure-Python loader is the same format
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader

DATA_SUFFIXES = (".yaml", ".yml")
_TAG = "tag:yaml.org,2002:"
_PLAIN_TAGS = {"str", "int", "float", "bool", "null", "timestamp", "seq", "map"}
# Characters an XML 1.0 document cannot contain (Word refuses such a file), and a carriage return
# (which Word would print as a raw line feed; a line break is written as one).
_NOT_XML = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff\ud800-\udfff]")
_CANONICAL = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?")
# A document's data is a few hundred KB; these stop a huge file or an alias bomb early.
MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_VALUES = 50_000  # the bundled 承教发〔2021〕1号 has under 400


def row_problem(cells: int, columns: int) -> str:
    """The message for a table row that does not fit its columns (nothing is cut or padded)."""
    message = (
        _t(
            "the row has {cells} cell but the table has {columns} columns; give every row one "
            "cell per column (an empty cell is null)"
        )
        if cells == 1
        else _t(
            "the row has {cells} cells but the table has {columns} columns; give every row "
            "one cell per column (an empty cell is null)"
        )
    )
    return message.format(cells=cells, columns=columns)


def text_problem(value: str) -> str | None:
    """Why ``value`` cannot be printed as written, or None: the one rule for text, whatever it
    came from (YAML, a sheet's cell, the Python API)."""
    bad = _NOT_XML.search(value)
    if bad is None:
        return None
    code = ord(bad.group())
    if code == 0x0D:
        return _t("contains a carriage return (U+000D); write a line break as a new line")
    if 0xD800 <= code <= 0xDFFF:
        message = _t("contains a lone surrogate {code}, which is not a character; remove it")
        return message.format(code=f"U+{code:04X}")
    return _t(
        "contains the control character {code}, which a Word document cannot hold; remove it"
    ).format(code=f"U+{code:04X}")


def find_data_file(path: Path) -> Path:
    """The YAML file for ``path``: the file itself, or the single document YAML in a folder."""
    if path.is_dir():
        preferred = path / "document.yaml"
        if preferred.is_file():
            return preferred
        found = sorted(p for p in path.iterdir() if p.suffix in DATA_SUFFIXES and p.is_file())
        if len(found) != 1:
            message = (
                _t(
                    "expected one document data file (.yaml) in the folder, found {n}; name it "
                    "document.yaml"
                )
                if found
                else _t(
                    "expected one document data file (.yaml) in the folder, found none; "
                    "name it document.yaml"
                )
            )
            raise InputError(
                message.format(n=len(found)),
                Location(path),
            )
        return found[0]
    if not path.exists():
        raise InputError("no such file or folder", Location(path))
    if path.suffix not in DATA_SUFFIXES:
        raise InputError(
            _t("expected a .yaml data file or a folder holding one, got {what}").format(
                what=path.suffix or _t("a file")
            ),
            Location(path),
        )
    return path


def load(path: str | Path, *, values: Mapping[str, str] | None = None) -> Document:
    """Read the document data at ``path`` (a .yaml file or a folder holding one).

    ``values`` fill the ``{{ column }}`` placeholders of a template for one row (see rows.py)."""
    file = find_data_file(Path(path))
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DataError(
                _t("the file is {size} MB; document data is at most {most} MB").format(
                    size=f"{size / 2**20:,.0f}", most=MAX_FILE_BYTES // 2**20
                ),
                Location(file),
            )
        text = file.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            _t("the file is not UTF-8 text (byte {byte}); save it as UTF-8").format(byte=exc.start),
            Location(file),
        ) from None
    except OSError as exc:
        message = _t("cannot read the file: {why}").format(why=exc.strerror)
        raise InputError(message, Location(file)) from None
    document = loads(text, file, values=values)
    document.source = file
    _read_table_sources(document, file)
    return document


def loads(
    text: str, file: Path | None = None, *, values: Mapping[str, str] | None = None
) -> Document:
    """Convert YAML text into a :class:`Document`; ``file`` only names it in errors."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        message = _t("not valid YAML: {problem}").format(problem=_yaml_problem(exc.problem or exc))
        raise DataError(message, Location(file, line)) from None
    except yaml.YAMLError as exc:
        message = _t("not valid YAML: {problem}").format(problem=_yaml_problem(exc))
        raise DataError(message, Location(file)) from None
    except RecursionError:
        raise DataError("not valid YAML: nested too deeply", Location(file)) from None
    if node is None:
        raise DataError("the file is empty; expected the document data", Location(file))
    if values is not None:
        from .rows import fill

        fill(node, values, file)
    document = _Converter(file).convert(node, Document, "")
    _check(document, file)
    assert isinstance(document, Document)
    return document


_NO_TABLE = N_(
    "a table cannot stand here: this field holds text only (names, a title, the notice's text); "
    "a table goes among paragraphs: a summary's preface and paragraphs, a plan section's "
    "paragraphs, an item's goal, measures and paragraphs"
)


# PyYAML's commonest complaints, so that the catalogue can say them; others print as PyYAML says.
_YAML_PROBLEMS = (
    N_("mapping values are not allowed here"),
    N_("mapping values are not allowed in this context"),
    N_("could not find expected ':'"),
    N_("did not find expected key"),
    N_("did not find expected '-' indicator"),
    N_("found character '\\t' that cannot start any token"),
    N_("found unexpected end of stream"),
    N_("found duplicate anchor; first occurrence"),
    N_("expected ',' or ']', but got '<stream end>'"),
    N_("expected ',' or '}', but got '<stream end>'"),
)
_YAML_PATTERNS = (
    (re.compile(r"found undefined alias (?P<name>.+)"), N_("found undefined alias {name}")),
    (
        re.compile(r"found unknown escape character (?P<name>.+)"),
        N_("found unknown escape character {name}"),
    ),
    (
        re.compile(r"expected <block end>, but found (?P<name>.+)"),
        N_("expected the indented block to end, but found {name}"),
    ),
)


def _yaml_problem(problem: object) -> str:
    text = str(problem)
    for pattern, message in _YAML_PATTERNS:
        m = pattern.fullmatch(text)
        if m:
            return _t(message).format(**m.groupdict()) if language() != "en" else text
    return _t(text)


def _is_table(node: yaml.Node) -> bool:
    """``table: {...}``: a table written where it is checked whether one may stand."""
    return (
        isinstance(node, yaml.MappingNode)
        and len(node.value) == 1
        and isinstance(node.value[0][0], yaml.ScalarNode)
        and node.value[0][0].value == "table"
    )


def _describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return _t("a mapping (key: value)")
    if isinstance(node, yaml.SequenceNode):
        return _t("a list")
    if node.tag == _TAG + "null":
        return _t("nothing")
    return f"“{node.value}”"


def _expected(tp: Any) -> str:
    origin = get_origin(tp)
    if tp is str:
        return _t("text")
    if tp is int:
        return _t("a whole number")
    if tp is float:
        return _t("a number")
    if tp is bool:
        return _t("true or false")
    if tp is dt.date:
        return _t("a date like 2021-04-06")
    if origin is Literal:
        return _t("one of {values}").format(values=", ".join(map(str, get_args(tp))))
    if origin is list:
        what = _expected(get_args(tp)[0]).removeprefix("a ")
        return _t("a list of {what}").format(what=what)
    if origin is dict:
        return _t("a mapping of names to text")
    if origin in (typing.Union, types.UnionType):
        return _t(" or ").join(_expected(a) for a in get_args(tp) if a is not type(None))
    if dataclasses.is_dataclass(tp):
        name = getattr(tp, "__name__", tp)
        return _t("a mapping with the fields of {name}").format(name=name)
    return str(tp)


class _Converter:
    def __init__(self, file: Path | None) -> None:
        self.file = file
        self.values = 0
        self.open: set[int] = set()  # the collections being converted: an alias to one is a loop

    def error(self, node: yaml.Node, path: str, message: str) -> DataError:
        return DataError(message, Location(self.file, node.start_mark.line + 1, field=path or None))

    def mismatch(self, node: yaml.Node, path: str, tp: Any) -> DataError:
        message = _t("expected {what}, got {got}").format(what=_expected(tp), got=_describe(node))
        return self.error(node, path, message)

    def convert(self, node: yaml.Node, tp: Any, path: str) -> Any:
        # An alias (*a) is the anchored node again: counting every value converted bounds what
        # a small file of aliases can expand to, and an alias inside its own anchor is a loop.
        self.values += 1
        if self.values > MAX_VALUES:
            raise self.error(
                node,
                path,
                _t(
                    "the data expands to more than {n} values through YAML aliases "
                    "(*name repeats &name); write the values out"
                ).format(n=f"{MAX_VALUES:,}"),
            )
        if isinstance(node, yaml.CollectionNode):
            if id(node) in self.open:
                message = _t("a YAML alias (*name) inside its own anchor (&name)")
                raise self.error(node, path, message)
            self.open.add(id(node))
            try:
                return self._convert(node, tp, path)
            finally:
                self.open.discard(id(node))
        return self._convert(node, tp, path)

    def _convert(self, node: yaml.Node, tp: Any, path: str) -> Any:
        if node.tag.removeprefix(_TAG) not in _PLAIN_TAGS:
            raise self.error(
                node,
                path,
                _t("the YAML tag {tag} is not allowed: the data holds plain values only").format(
                    tag=node.tag
                ),
            )
        origin = get_origin(tp)
        if origin in (typing.Union, types.UnionType):
            return self._union(node, tp, path)
        if origin is list:
            return self._list(node, get_args(tp)[0], path)
        if origin is dict:
            return self._dict(node, path)
        if origin is Literal:
            value = self._scalar(node, str, path)
            if value not in get_args(tp):
                raise self.mismatch(node, path, tp)
            return value
        if dataclasses.is_dataclass(tp):
            return self._dataclass(node, tp, path)
        return self._scalar(node, tp, path)

    def _union(self, node: yaml.Node, tp: Any, path: str) -> Any:
        arms = [a for a in get_args(tp) if a is not type(None)]
        optional = len(arms) < len(get_args(tp))
        # An empty `notice:` is a slip, not a way to say “no notice”: leave the key out for that.
        if node.tag == _TAG + "null" and optional and not all(map(dataclasses.is_dataclass, arms)):
            return None
        if isinstance(node, yaml.MappingNode):
            if len(arms) == 1:
                return self._convert(node, arms[0], path)
            for arm in arms:
                if dataclasses.is_dataclass(arm):
                    # A block in a list of paragraphs is written `- table: {...}`.
                    key = str(getattr(arm, "__name__", "")).lower()
                    if len(node.value) == 1 and node.value[0][0].value == key:
                        return self._dataclass(node.value[0][1], arm, f"{path}.{key}")
            raise self.mismatch(node, path, tp)
        if isinstance(node, yaml.ScalarNode):
            by_tag = {"int": int, "float": float, "bool": bool, "timestamp": dt.date}
            wanted = by_tag.get(node.tag.removeprefix(_TAG), str)
            # Where text is allowed (a table cell), a number is kept as written unless it prints
            # the same: 007, 1_000, 1.50 and 1e3 stay text; 7, 1000 and 1.5 are numbers.
            if wanted in (int, float) and str in arms and not _CANONICAL.fullmatch(node.value):
                wanted = str
            # The resolved tag first; then the other arms, so that a quoted "2021-04-06" is a date.
            for arm in dict.fromkeys((wanted, str, *arms)):
                if arm in arms:
                    try:
                        return self._scalar(node, arm, path)
                    except DataError:
                        continue
        raise self.mismatch(node, path, tp)

    def _list(self, node: yaml.Node, item: Any, path: str) -> list[Any]:
        textual = item is str or str in get_args(item)
        if isinstance(node, yaml.ScalarNode) and textual and node.tag != _TAG + "null":
            return [self._scalar(node, str, path)]  # one paragraph or name, written without a list
        if _is_table(node):
            if Table in get_args(item):
                message = _t("a table is one entry of the list of paragraphs: write “- table:”")
                raise self.error(node, path, message)
            raise self.error(node, path, _t(_NO_TABLE))
        if not isinstance(node, yaml.SequenceNode):
            raise self.mismatch(node, path, list[item])
        if item is str:
            for i, child in enumerate(node.value):
                if _is_table(child):
                    raise self.error(child, f"{path}[{i}]", _t(_NO_TABLE))
        return [self.convert(child, item, f"{path}[{i}]") for i, child in enumerate(node.value)]

    def _pairs(self, node: yaml.Node, path: str) -> list[tuple[str, yaml.Node, yaml.Node]]:
        if not isinstance(node, yaml.MappingNode):
            message = _t("expected a mapping (key: value), got {got}")
            raise self.error(node, path, message.format(got=_describe(node)))
        seen: set[str] = set()
        pairs = []
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                raise self.error(key_node, path, _t("expected a plain key"))
            if key in seen:
                raise self.error(key_node, _join(path, key), _t("this key is given twice"))
            seen.add(key)
            pairs.append((key, key_node, value_node))
        return pairs

    def _dict(self, node: yaml.Node, path: str) -> dict[str, str]:
        return {
            key: self._scalar(value, str, _join(path, key))
            for key, _, value in self._pairs(node, path)
        }

    def _dataclass(self, node: yaml.Node, tp: Any, path: str) -> Any:
        hints, fields = _shape(tp)
        values: dict[str, Any] = {}
        for key, key_node, value_node in self._pairs(node, path):
            if key not in fields:
                raise self.error(
                    key_node,
                    _join(path, key),
                    _t("unknown key “{key}”; expected one of: {keys}").format(
                        key=key, keys=", ".join(fields)
                    ),
                )
            field_ = fields[key]
            if (
                value_node.tag == _TAG + "null"
                and field_.default is dataclasses.MISSING
                and field_.default_factory is dataclasses.MISSING
                and type(None) in get_args(hints[key])
            ):
                # a field that must be written but may be empty says so: `code: null` (文号 无)
                values[key] = None
                continue
            values[key] = self.convert(value_node, hints[key], _join(path, key))
            if tp is Table and key == "rows":
                rows_node = value_node
        for name, f in fields.items():
            required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
            if required and name not in values:
                zh = f.metadata.get("zh")
                label = f"“{name}” ({zh})" if zh else f"“{name}”"
                message = _t("missing required field {field}").format(field=label)
                raise self.error(node, path, message)
        if tp is Table and values.get("rows") and values.get("columns"):
            width = len(values["columns"])
            for r, row in enumerate(values["rows"]):
                if len(row) != width:
                    row_node = rows_node.value[r]
                    raise self.error(row_node, f"{path}.rows[{r}]", row_problem(len(row), width))
        return tp(**values)

    def _scalar(self, node: yaml.Node, tp: Any, path: str) -> Any:
        if not isinstance(node, yaml.ScalarNode) or (
            node.tag == _TAG + "null" and node.style is None
        ):
            raise self.mismatch(node, path, tp)
        value: str = node.value
        tag = node.tag.removeprefix(_TAG)
        if tp is str:
            problem = text_problem(value)
            if problem:
                raise self.error(node, path, problem)
            return value
        if tp is bool and tag == "bool":
            return value.lower() in ("true", "yes", "on", "y")
        if tp is int and tag == "int" and re.fullmatch(r"[-+]?[0-9_]+", value):
            return int(value.replace("_", ""))
        if tp is float and tag in ("int", "float"):
            try:
                return float(value.replace("_", ""))
            except ValueError:
                pass
        if tp is dt.date:
            try:
                return dt.date.fromisoformat(value.strip()[:10])
            except ValueError:
                pass
        raise self.mismatch(node, path, tp)


@functools.cache
def _shape(tp: Any) -> tuple[dict[str, Any], dict[str, dataclasses.Field[Any]]]:
    """A model class's field types and its data fields (cached: resolving hints is slow)."""
    fields = {f.name: f for f in dataclasses.fields(tp) if f.init and f.compare}
    return typing.get_type_hints(tp), fields


def field_name(path: str) -> str | None:
    """The standard's Chinese name of the field at ``path`` (notice.code.year: 年份), or None."""
    tp: Any = Document
    name = None
    for part in re.sub(r"\[\d+\]", "", path).split("."):
        while get_origin(tp) in (list, typing.Union, types.UnionType):
            args = [a for a in get_args(tp) if a is not type(None)]
            if len(args) != 1:
                return None
            tp = args[0]
        if not (isinstance(tp, type) and dataclasses.is_dataclass(tp)):
            return None
        hints, fields = _shape(tp)
        if part not in fields:
            return None
        name, tp = fields[part].metadata.get("zh"), hints[part]
    return name


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _check(document: Document, file: Path | None) -> None:
    """Rules that span fields, beyond what the types say."""

    def fail(path: str, message: str) -> DataError:
        return DataError(message, Location(file, field=path))

    if document.notice is None and document.summary is None and document.plan is None:
        raise fail("", _t("the data has none of notice, summary, plan; expected at least one"))
    notice = document.notice
    if notice is not None:
        if not notice.organs:
            raise fail("notice.organs", _t("expected at least one issuing organ (发文机关)"))
        if not notice.title:
            raise fail("notice.title", _t("expected the title (标题)"))
        code = notice.code
        if code is not None and not 1000 <= code.year <= 9999:
            message = _t("expected a four-digit year, got {year}").format(year=code.year)
            raise fail("notice.code.year", message)
        if code is not None and code.serial is not None and code.serial < 1:
            raise fail("notice.code.serial", _t("expected a serial number of 1 or more"))
        for i, name in enumerate(notice.prints):
            if getattr(document, name) is None:
                message = _t("the notice prints “{name}” but there is none").format(name=name)
                raise fail(f"notice.prints[{i}]", message)
        if not notice.prints:
            notice.prints = [n for n in ("summary", "plan") if getattr(document, n) is not None]
    plans = [("plan", document.plan)] + [
        (f"more[{k}].plan", p) for k, p in enumerate(document.more) if isinstance(p, Plan)
    ]

    def items(sections: list[PlanSection], path: str) -> typing.Iterator[tuple[str, PlanItem]]:
        for s, section in enumerate(sections):
            for i, item in enumerate(section.items):
                yield f"{path}[{s}].items[{i}]", item
            yield from items(section.sections, f"{path}[{s}].sections")

    for where, plan in plans:
        if plan is None:
            continue
        for path, item in items(plan.sections, f"{where}.sections"):
            for key in item.labels:
                if key not in PLAN_FIELDS:
                    raise fail(
                        f"{path}.labels.{key}",
                        _t("unknown field “{key}”; expected one of: {keys}").format(
                            key=key, keys=", ".join(PLAN_FIELDS)
                        ),
                    )


def _read_table_sources(document: Document, file: Path) -> None:
    """Fill tables that name a .xlsx/.csv beside the data file."""
    for path, table in _tables(document):
        if table.source is not None:
            from .sheets import read_table

            read_table(table, file.parent, Location(file, field=path))


def _tables(document: Document) -> typing.Iterator[tuple[str, Table]]:
    """Every table of the document with its field path: wherever a paragraph may be."""

    def walk(blocks: list[Any], path: str) -> typing.Iterator[tuple[str, Table]]:
        for i, block in enumerate(blocks):
            if isinstance(block, Table):
                yield f"{path}[{i}].table", block

    def sections(items: list[Any], path: str) -> typing.Iterator[tuple[str, Table]]:
        for i, section in enumerate(items):
            yield from walk(section.paragraphs, f"{path}[{i}].paragraphs")
            yield from sections(section.subsections, f"{path}[{i}].subsections")

    def plan_sections(items: list[PlanSection], path: str) -> typing.Iterator[tuple[str, Table]]:
        for i, section in enumerate(items):
            here = f"{path}[{i}]"
            yield from walk(section.paragraphs, f"{here}.paragraphs")
            for j, item in enumerate(section.items):
                for name in ("goal", "measures", "paragraphs"):
                    yield from walk(getattr(item, name), f"{here}.items[{j}].{name}")
            yield from plan_sections(section.sections, f"{here}.sections")

    parts: list[tuple[str, Summary | Plan | None]] = [
        ("summary", document.summary),
        ("plan", document.plan),
    ]
    for k, more in enumerate(document.more):
        parts.append((f"more[{k}].{type(more).__name__.lower()}", more))
    for path, part in parts:
        if isinstance(part, Summary):
            yield from walk(part.preface, f"{path}.preface")
            yield from sections(part.sections, f"{path}.sections")
        elif isinstance(part, Plan):
            yield from plan_sections(part.sections, f"{path}.sections")
