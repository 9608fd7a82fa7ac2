"""Check a whole document before it is built, whatever its values came from.

The loader checks YAML as it reads it; values from a sheet's cells or set through the Python API
(``document.notice.body = [...]``) reach the build without it. :func:`validate` walks every field
of the model by its type annotations (so fields added later are covered) and refuses what cannot
be printed as written, with the same field paths and messages as the loader:
``plan.sections[2].items[3].departments: expected a list of text, got text “办公室”``.

Two natural shorthands are accepted, as in the YAML: one text for a list of text (one line, one
name) and an ISO date written as text (``"2021-04-06"``); they are stored in their proper form.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import types
import typing
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

from .compose import numbered
from .errors import DataError, Location
from .i18n import _ as _t  # `_` is a throwaway name in this module
from .loader import _check, _expected, _join, _shape, row_problem, text_problem
from .model import Document, Section, Table


def validate(document: Document) -> None:
    """Raise :class:`DataError` naming the first field of ``document`` that cannot be built."""
    if not isinstance(document, Document):
        raise DataError(_t("expected a Document, got {got}").format(got=_describe(document)))
    _Validator(document.source).fields(document, Document, "")
    _check(document, document.source)
    _headings(document, document.source)


def _describe(value: Any) -> str:
    if value is None:
        return _t("nothing")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = value if len(value) <= 30 else value[:30] + "…"
        return _t("text “{text}”").format(text=shown)
    if isinstance(value, int | float):
        return _t("the number {value}").format(value=value)
    if isinstance(value, dt.date):
        return _t("the date {value}").format(value=value.isoformat())
    if isinstance(value, list | tuple):
        return _t("a list")
    if isinstance(value, dict):
        return _t("a mapping (key: value)")
    return _t("a {type}").format(type=type(value).__name__)


class _Mismatch(Exception):
    pass


class _Validator:
    def __init__(self, file: Path | None) -> None:
        self.file = file

    def error(self, path: str, message: str) -> DataError:
        return DataError(message, Location(self.file, field=path or None))

    def mismatch(self, value: Any, tp: Any, path: str) -> DataError:
        message = _t("expected {what}, got {got}")
        return self.error(path, message.format(what=_expected(tp), got=_describe(value)))

    def value(self, value: Any, tp: Any, path: str) -> Any:
        """``value`` checked against ``tp``: itself, or its proper form (a shorthand)."""
        origin = get_origin(tp)
        if origin in (typing.Union, types.UnionType):
            return self.union(value, tp, path)
        if origin is list:
            return self.list(value, get_args(tp)[0], path)
        if origin is dict:
            if not isinstance(value, dict):
                raise self.mismatch(value, tp, path)
            for key, text in value.items():
                if not isinstance(key, str):
                    message = _t("expected names as keys, got {got}").format(got=_describe(key))
                    raise self.error(path, message)
                self.text(text, _join(path, key))
            return value
        if origin is Literal:
            if value not in get_args(tp):
                raise self.mismatch(value, tp, path)
            return value
        if dataclasses.is_dataclass(tp):
            if not isinstance(value, tp):  # type: ignore[arg-type]
                raise self.mismatch(value, tp, path)
            self.fields(value, tp, path)
            if isinstance(value, Table):
                self.table(value, path)
            return value
        return self.scalar(value, tp, path)

    def union(self, value: Any, tp: Any, path: str) -> Any:
        arms = get_args(tp)
        if value is None and type(None) in arms:
            return None
        # The arm the value's own type is, first: a DataError from it names what is wrong inside.
        several = len([a for a in arms if a is not type(None)]) > 1
        for arm in arms:
            if arm is not type(None) and _is_instance(value, arm):
                if several and dataclasses.is_dataclass(arm):  # a block, written `- table: …`
                    key = str(getattr(arm, "__name__", "")).lower()
                    return self.value(value, arm, f"{path}.{key}")
                return self.value(value, arm, path)
        for arm in arms:
            if arm is type(None):
                continue
            try:
                return self.value(value, arm, path)
            except DataError:
                continue
        raise self.mismatch(value, tp, path)

    def list(self, value: Any, item: Any, path: str) -> list[Any]:
        if isinstance(value, str) and item is str:
            return [self.text(value, path)]  # one line, one name: as the YAML allows
        if not isinstance(value, list):
            raise self.mismatch(value, list[item], path)
        if item is str and all(type(v) is str for v in value) and not text_problem("".join(value)):
            return value  # the common case, checked at once
        for i, element in enumerate(value):
            checked = self.value(element, item, f"{path}[{i}]")
            if checked is not element:
                value[i] = checked
        return value

    def fields(self, obj: Any, tp: Any, path: str) -> None:
        hints, fields = _shape(tp)
        for name in fields:
            old = getattr(obj, name)
            new = self.value(old, hints[name], _join(path, name))
            if new is not old:
                setattr(obj, name, new)

    def text(self, value: Any, path: str) -> str:
        if not isinstance(value, str):
            raise self.mismatch(value, str, path)
        problem = text_problem(value)
        if problem:
            raise self.error(path, problem)
        return value

    def scalar(self, value: Any, tp: Any, path: str) -> Any:
        if tp is str:
            return self.text(value, path)
        if tp is bool and isinstance(value, bool):
            return value
        if tp is int and isinstance(value, int) and not isinstance(value, bool):
            return value
        if tp is float and isinstance(value, int | float) and not isinstance(value, bool):
            if not math.isfinite(value):
                raise self.error(path, _t("expected a number, got {got}").format(got=value))
            return value
        if tp is dt.date:
            if isinstance(value, dt.date):
                return value
            if isinstance(value, str):
                try:
                    return dt.date.fromisoformat(value.strip())
                except ValueError:
                    pass
        raise self.mismatch(value, tp, path)

    def table(self, table: Table, path: str) -> None:
        if table.rows and not table.columns:
            raise self.error(_join(path, "columns"), "the table has rows but no columns")
        width = len(table.columns)
        for r, row in enumerate(table.rows):
            if len(row) != width:
                raise self.error(f"{path}.rows[{r}]", row_problem(len(row), width))


def _is_instance(value: Any, tp: Any) -> bool:
    origin = get_origin(tp) or tp
    if origin is Literal:
        return value in get_args(tp)
    if tp is float:
        return isinstance(value, float)
    if tp is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(origin, type) and isinstance(value, origin)


def _headings(document: Document, file: Path | None) -> None:
    """Heading numbers that exist: four levels, up to 九十九 at the first two."""

    def walk(sections: list[Section], level: int, path: str) -> None:
        n = 0
        for i, section in enumerate(sections):
            where = f"{path}[{i}]"
            try:
                n, _ = numbered(level, n + 1, section.number)
            except ValueError as exc:
                raise DataError(
                    _t(
                        "{problem}: headings are numbered 一、 （一） 1. （1）, up to 九十九 "
                        "at the first two levels"
                    ).format(problem=exc),
                    Location(file, field=where),
                ) from None
            walk(section.subsections, level + 1, f"{where}.subsections")

    if document.summary is not None:
        walk(document.summary.sections, 1, "summary.sections")
    if document.plan is not None:
        n = 0
        for i, plan_section in enumerate(document.plan.sections):
            try:
                n, _ = numbered(1, n + 1, plan_section.number)
            except ValueError as exc:
                raise DataError(f"{exc}", Location(file, field=f"plan.sections[{i}]")) from None
