"""The `edureport` command: parse options, call the library, print, map errors to exit codes."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from . import __version__
from .errors import EdureportError
from .letterhead import write_template
from .load import load
from .render import build as build_document


class _Command(click.Group):
    """Turns every edureport error into one paragraph on stderr and its exit code: no traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except EdureportError as exc:
            click.echo(f"edureport: error: {exc}", err=True)
            sys.exit(exc.exit_code)


@click.group(cls=_Command)
@click.version_option(__version__, prog_name="edureport")
def main() -> None:
    """Build, parse, check and draft 红头文件 laid out to GB/T 9704-2012."""


@main.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.option(
    "-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
    help="The .docx to write (default: the document code, e.g. 承教发〔2021〕1号.docx).",
)
@click.option(
    "--template", type=click.Path(path_type=Path, dir_okay=False),
    help="Your own letterhead .docx template (default: the bundled GB/T 9704-2012 one).",
)
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
def build(source: Path, output: Path | None, template: Path | None, force: bool) -> None:
    """Build the .docx from SOURCE: a data .yaml file or a folder holding one."""
    document = load(source)
    if output is None:
        name = str(document.notice.code) if document.notice else Path(source).stem
        output = Path(f"{name}.docx")
    written = build_document(document, output, template=template, force=force)
    click.echo(f"wrote {written}")


@main.command()
@click.option(
    "-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
    default=Path("notice.docx"), show_default=True, help="Where to write the template.",
)
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
def template(output: Path, force: bool) -> None:
    """Write the default GB/T 9704-2012 letterhead template, to make your own from it."""
    click.echo(f"wrote {write_template(output, force=force)}")
