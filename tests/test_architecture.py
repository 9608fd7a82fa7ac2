"""The layering of the package, read from its source: which modules may import which.

The model is the bottom layer; the stages (load, compose, render, write) sit on it; the
orchestration (builder) sits above the stages; only the command line knows click. Imports are read
with ast, not by importing, so that a lazy import inside a function counts as lazy.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "edureport"

# The bottom layer: the data model and what it is written in terms of.
BOTTOM = {"model", "vocab", "errors", "gbt9704", "formats", "i18n"}
# The stages of a build, below the orchestration that calls them in order.
STAGES = {
    "loader",
    "validate",
    "compose",
    "escape",
    "templates",
    "render",
    "colophon",
    "comments",
    "files",
    "letterhead",
    "styles",
    "ooxml",
}
# The command line: cli.py and the commands it registers from commands.py, with their messages.
COMMAND_LINE = {"cli", "commands", "i18n_cli", "__main__"}


@dataclass
class Imports:
    """What one module imports: at module level (run on import) and inside functions (lazy)."""

    top: set[str] = field(default_factory=set)
    lazy: set[str] = field(default_factory=set)


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _targets(node: ast.Import | ast.ImportFrom, name: str, is_package: bool) -> Iterator[str]:
    """The modules an import statement names, as dotted names ("" for edureport itself, "x" for
    edureport.x); modules outside edureport with their own full name."""
    if isinstance(node, ast.Import):
        for alias in node.names:
            yield alias.name
        return
    if node.level:
        here = name.split(".") if name else []
        package = here if is_package else here[:-1]
        base = package[: len(package) - node.level + 1]
        module = ".".join(base + ([node.module] if node.module else []))
        yield f"edureport.{module}".rstrip(".")
        if not node.module:  # from . import x: x may be a module
            for alias in node.names:
                yield f"edureport.{'.'.join([*base, alias.name])}"
    elif node.module:
        yield node.module
        for alias in node.names:
            yield f"{node.module}.{alias.name}"


def _is_type_checking(node: ast.stmt) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _walk(body: list[ast.stmt], top: bool) -> Iterator[tuple[ast.Import | ast.ImportFrom, bool]]:
    """Every import under ``body``, and whether it runs when the module is imported."""
    for node in body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node, top
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            yield from _walk(node.body, False)
        elif _is_type_checking(node):
            continue  # read by type checkers only
        else:
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.stmt):
                    yield from _walk([child], top)
                elif isinstance(child, ast.excepthandler):
                    yield from _walk(child.body, top)


def _imports() -> dict[str, Imports]:
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    found: dict[str, Imports] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        imports = found[name] = Imports()
        for node, top in _walk(tree.body, True):
            for target in _targets(node, name, path.name == "__init__.py"):
                if target.startswith("edureport."):
                    target = target.removeprefix("edureport.")
                    if target not in modules:
                        continue  # a name imported from a module, not a module
                elif target == "edureport":
                    target = ""
                (imports.top if top else imports.lazy).add(target)
        imports.lazy -= imports.top
    return found


IMPORTS = _imports()


def _internal(targets: set[str]) -> set[str]:
    return {t for t in targets if t in IMPORTS and t != ""}


def test_the_reader_sees_the_imports_it_is_meant_to() -> None:
    # The parser above must find what is plainly there, or every other test here passes vacuously.
    assert {"compose", "errors", "model", "sandbox", "templates"} <= IMPORTS["render"].top
    assert "builder" in IMPORTS["model"].lazy and "builder" not in IMPORTS["model"].top
    assert "click" in IMPORTS["cli"].top


def test_no_import_cycle_at_module_level() -> None:
    graph = {name: _internal(imports.top) - {name} for name, imports in IMPORTS.items()}
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the path being walked, 2: done

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for target in sorted(graph.get(name, ())):
            if state.get(target) == 1:
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []


@pytest.mark.parametrize("name", sorted(BOTTOM))
def test_the_bottom_layer_imports_nothing_of_the_pipeline(name: str) -> None:
    """At module level, the model and what it is written in import only each other: a user who
    imports the model loads no stage of the build."""
    assert _internal(IMPORTS[name].top) <= BOTTOM


@pytest.mark.parametrize("name", sorted(STAGES))
def test_no_stage_imports_the_orchestration_above_it(name: str) -> None:
    imports = IMPORTS[name]
    assert "builder" not in imports.top | imports.lazy


def test_the_template_writer_is_built_from_the_bottom_up() -> None:
    # ooxml knows no standard, styles only the standard's numbers, letterhead both of them.
    assert _internal(IMPORTS["ooxml"].top | IMPORTS["ooxml"].lazy) == set()
    assert _internal(IMPORTS["styles"].top) == {"gbt9704", "ooxml"}
    assert _internal(IMPORTS["letterhead"].top) == {"gbt9704", "ooxml", "styles"}


def test_only_the_command_line_imports_click() -> None:
    users = {
        name
        for name, imports in IMPORTS.items()
        if any(t == "click" or t.startswith("click.") for t in imports.top | imports.lazy)
    }
    assert users <= COMMAND_LINE
    assert "cli" in users


def test_the_library_never_imports_the_command_line() -> None:
    users = {
        name
        for name, imports in IMPORTS.items()
        if name not in COMMAND_LINE and (imports.top | imports.lazy) & COMMAND_LINE
    }
    assert users == set()
