"""Commands for starting out and looking around: `init`, `rules`, `template check`.

They are registered on the `edureport` group in cli.py; like the rest of the CLI they only parse
options, call the library and print.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .i18n import N_, _


def _interactive() -> bool:
    return sys.stdin.isatty()


def _what(summary: str, doc: str | None) -> str:
    """A rule's first paragraph: what it checks."""
    text = (doc or "").strip().split("\n\n")[0]
    return " ".join(line.strip() for line in text.splitlines()) or summary


def _prints(value: str) -> list[str]:
    return [p.strip() for p in value.split(",") if p.strip()]


@click.command(help=N_("Start a new document: FOLDER/document.yaml, commented, to fill in."))
@click.argument("folder", type=click.Path(path_type=Path, dir_okay=True))
@click.option("--organ", "organs", multiple=True, help=N_("An issuing organ (once per organ)."))
@click.option("--agency", help=N_("The 机关代字 of the document number, e.g. 承教发."))
@click.option("--year", type=int, help=N_("The year of the notice and its plan."))
@click.option("--serial", type=int, help=N_("The document number (default: left as 【待填写】)."))
@click.option(
    "--prints",
    default="summary,plan",
    show_default=True,
    help=N_("The documents the notice prints, comma-separated."),
)
@click.option("--force", is_flag=True, help=N_("Replace the output file if it exists."))
def init(
    folder: Path,
    organs: tuple[str, ...],
    agency: str | None,
    year: int | None,
    serial: int | None,
    prints: str,
    force: bool,
) -> None:
    from .scaffold import write_scaffold

    names = list(organs)
    if _interactive():  # ask only a person at a terminal; a script gets the placeholders
        if not names:
            answer = click.prompt(
                _("Issuing organs (、 between them; empty to fill in later)"),
                default="",
                show_default=False,
            )
            names = [n.strip() for n in answer.replace("，", "、").split("、") if n.strip()]
        if agency is None:
            agency = (
                click.prompt(
                    _("机关代字 (e.g. 承教发; empty to fill in later)"),
                    default="",
                    show_default=False,
                )
                or None
            )
        if year is None:
            import datetime as dt

            year = click.prompt(_("Year"), default=dt.date.today().year, type=int)
    written = write_scaffold(
        folder,
        force=force,
        organs=names,
        agency=agency,
        year=year,
        serial=serial,
        prints=_prints(prints),
    )
    click.echo(_("wrote {path}").format(path=written))
    click.echo(_("fill in each 【待填写】, then: edureport build {folder}").format(folder=folder))


@click.command(help=N_("List the rules of `edureport check`: id, severity, what, and the clause."))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help=N_("How to print the rules."),
)
def rules(fmt: str) -> None:
    from .checker import RULES

    if fmt == "json":
        data = [
            {
                "rule": r.id,
                "name": r.name,
                "family": r.family,
                "severity": r.severity.value,
                "what": _(_what(r.summary, r.function.__doc__)),
                "clause": r.clause,
            }
            for r in RULES
        ]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    for r in RULES:
        what = _(_what(r.summary, r.function.__doc__))
        click.echo(f"{r.id}  {_(r.severity.value):<7}  {r.name}: {what}")
        if r.clause:
            click.echo(f"{'':16}{_(r.clause)}")


@click.command(
    "check",
    help=N_(
        "Check a letterhead template: the names it uses, those the data "
        "does not provide, the data it never shows, and its layout."
    ),
)
@click.argument("template", type=click.Path(path_type=Path))
def template_check(template: Path) -> None:
    from .inspect_template import inspect_template, render_report

    report = inspect_template(template)
    click.echo(render_report(report))
    sys.exit(0 if report.ok else 1)
