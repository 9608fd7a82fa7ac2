"""The command line in the reader's language: `--lang`, and help texts translated when shown.

Click reads help texts when the commands are defined; they are kept in English (the catalogue's
keys) and each run sets the translated text from them. Click's own words ("Usage:", "Error: …",
"Show this message and exit.") go through gettext's global domain, which edureport does not own:
within a run, the `_` and `ngettext` that click's modules call are pointed at our catalogue, which
holds click's messages (CLICK_MESSAGES) as keys. A message click adds later prints in English.
"""

from __future__ import annotations

import contextlib
import importlib
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

import click

from .i18n import LANGUAGES, N_, _, language, set_language

F = TypeVar("F", bound=Callable[..., Any])


def _translate(command: click.Command) -> None:
    english: dict[str, str | None] = command.__dict__.setdefault(
        "_edureport_en", {"help": command.help, "short_help": command.short_help}
    )
    command.help = _(english["help"]) if english["help"] else english["help"]
    command.short_help = _(english["short_help"]) if english["short_help"] else None
    if getattr(command, "_help_option", None) is not None:
        command._help_option = None  # click caches --help with its text in the language of then
    for param in command.params:
        if isinstance(param, click.Option):
            original = param.__dict__.setdefault("_edureport_en", param.help)
            param.help = _(original) if original else original
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            _translate(sub)


# Click's messages a user of edureport can meet, as click writes them (its catalogue keys).
CLICK_MESSAGES = (
    N_("Usage:"),
    N_("Options"),
    N_("Commands"),
    N_("Error: {message}"),
    N_("Try '{command} {option}' for help."),
    N_("Show this message and exit."),
    N_("Show the version and exit."),
    N_("Aborted!"),
    N_("Missing command."),
    N_("Missing argument"),
    N_("Missing option"),
    N_("Missing parameter"),
    N_("Missing {param_type}"),
    N_("Missing parameter: {param_name}"),
    N_("No such option {name!r}."),
    N_("No such option: {name}"),
    N_("No such command {name!r}."),
    N_("Did you mean {possibility}?"),
    N_("(Did you mean one of: {possibilities}?)"),
    N_("Invalid value: {message}"),
    N_("Invalid value for {param_hint}: {message}"),
    N_("Got unexpected extra argument ({args})"),
    N_("Got unexpected extra arguments ({args})"),
    N_("Option {name!r} does not take a value."),
    N_("Option {name!r} requires an argument."),
    N_("Option {name!r} requires {nargs} arguments."),
    N_("{value!r} is not {choice}."),
    N_("{value!r} is not one of {choices}."),
    N_("{value!r} is not a valid {number_type}."),
    N_("{value} is not in the range {range}."),
    N_("{name} {filename!r} does not exist."),
    N_("{name} {filename!r} is a file."),
    N_("{name} {filename!r} is a directory."),
    N_("{name} {filename!r} is not readable."),
    N_("{name} {filename!r} is not writable."),
    N_("file"),
    N_("directory"),
    N_("path"),
    N_("default: {default}"),
    N_("env var: {var}"),
    N_("Could not open file {filename!r}: {message}"),
)
_CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "types")


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _(singular if n == 1 else plural)  # each form is a key; Chinese has one form


@contextlib.contextmanager
def _click_speaking() -> Iterator[None]:
    saved: list[tuple[Any, str, Any]] = []
    for name in _CLICK_MODULES:
        module = importlib.import_module(f"click.{name}")
        for attr, ours in (("_", _), ("ngettext", _ngettext)):
            if attr in vars(module):
                saved.append((module, attr, getattr(module, attr)))
                setattr(module, attr, ours)
    try:
        yield
    finally:
        for module, attr, theirs in saved:
            setattr(module, attr, theirs)


def lang_in(args: Sequence[str]) -> str | None:
    """The language ``--lang`` asks for anywhere on the command line, so that messages about the
    command line itself (a missing argument, an unknown option) are already in it."""
    for i, arg in enumerate(args):
        if arg == "--":
            break
        value = args[i + 1] if arg == "--lang" and i + 1 < len(args) else None
        value = arg.removeprefix("--lang=") if arg.startswith("--lang=") else value
        if value in LANGUAGES:
            return value
    return None


@contextlib.contextmanager
def speaking(lang: str, root: click.Command) -> Iterator[None]:
    """Speak ``lang`` within the block, the help of ``root`` and its commands included."""
    before = language()
    set_language(lang)
    _translate(root)
    try:
        with _click_speaking():
            yield
    finally:
        set_language(before)


def _set(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value is not None:
        set_language(value)
        _translate(ctx.find_root().command)


lang_option: Callable[[F], F] = click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    is_eager=True,
    expose_value=False,
    callback=_set,
    help="Language of messages: en or zh (default: from LC_ALL / LC_MESSAGES / LANG).",
)
