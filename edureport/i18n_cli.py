"""The command line in the reader's language: `--lang`, and help texts translated when shown.

Click reads help texts when the commands are defined; they are kept in English (the catalogue's
keys) and each run sets the translated text from them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import click

from .i18n import LANGUAGES, _, language, set_language

F = TypeVar("F", bound=Callable[..., Any])


def _translate(command: click.Command) -> None:
    english: dict[str, str | None] = command.__dict__.setdefault(
        "_edureport_en", {"help": command.help, "short_help": command.short_help}
    )
    command.help = _(english["help"]) if english["help"] else english["help"]
    command.short_help = _(english["short_help"]) if english["short_help"] else None
    for param in command.params:
        if isinstance(param, click.Option):
            original = param.__dict__.setdefault("_edureport_en", param.help)
            param.help = _(original) if original else original
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            _translate(sub)


@contextlib.contextmanager
def speaking(lang: str, root: click.Command) -> Iterator[None]:
    """Speak ``lang`` within the block, the help of ``root`` and its commands included."""
    before = language()
    set_language(lang)
    _translate(root)
    try:
        yield
    finally:
        set_language(before)


def _set(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value is not None:
        set_language(value)
        _translate(ctx.find_root().command)


_lang_option: Callable[[F], F] = click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    is_eager=True,
    expose_value=False,
    callback=_set,
    help="Language of messages: en or zh (default: from LC_ALL / LC_MESSAGES / LANG).",
)
