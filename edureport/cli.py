"""The `edureport` command: parse options, call the library, print, map errors to exit codes."""

from __future__ import annotations

import sys
import tempfile
import warnings
from pathlib import Path
from typing import Any

import click

from . import __version__
from .errors import EdureportError, UnusedDataWarning
from .i18n import _, language_from_env
from .i18n_cli import lang_in, lang_option, speaking

_force = click.option("--force", is_flag=True, help="Replace the output file if it exists.")
_summary_form = click.option(
    "--summary-form",
    type=click.Choice(["paragraphs", "goals"]),
    default="paragraphs",
    show_default=True,
    help="How the summary writes each item: its results as paragraphs, or its title with "
    "目标任务：… 完成情况：….",
)


class _Existing(click.Path):
    """A path that must exist: a missing one is reported as every missing file is, by _Command
    (edureport: error: FILE: no such file or folder), not as click's "Invalid value"."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if not Path(value).exists():
            from .errors import InputError, Location

            raise InputError("no such file or folder", Location(Path(value)))
        return super().convert(value, param, ctx)


class _Command(click.Group):
    """Turns every edureport error into one paragraph on stderr and its exit code: no traceback.
    This is the one place where errors become exit codes."""

    def invoke(self, ctx: click.Context) -> Any:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", UnusedDataWarning)
            try:
                return super().invoke(ctx)
            except EdureportError as exc:
                message = _("edureport: error: {message}").format(message=exc.describe(cli=True))
                click.echo(message, err=True)
                sys.exit(exc.exit_code)
            finally:  # the library warns; the command line prints the warnings on stderr
                for warning in caught:
                    if issubclass(warning.category, UnusedDataWarning):
                        line = _("edureport: warning: {message}").format(message=warning.message)
                        click.echo(line, err=True)
                    else:
                        warnings.showwarning(
                            warning.message,
                            warning.category,
                            warning.filename,
                            warning.lineno,
                        )

    def main(self, *args: Any, **kwargs: Any) -> Any:
        # The reader's language for this run (help included); a caller in Python keeps its own.
        given = kwargs.get("args", args[0] if args else None)
        words = sys.argv[1:] if given is None else list(given)
        with speaking(lang_in(words) or language_from_env(), self):
            return super().main(*args, **kwargs)


@click.group(cls=_Command)
@click.version_option(__version__, prog_name="edureport")
@lang_option
def main() -> None:
    """Build, parse, check and draft 红头文件 laid out to GB/T 9704-2012."""


@main.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="The .docx to write (default: the document code, e.g. 承教发〔2021〕1号.docx; for a "
    "document without one, SOURCE's name, e.g. school-2023.docx); with several sources, a "
    "folder, or --rows: the folder to write into (default: here).",
)
@click.option(
    "--template",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Your own letterhead .docx template (default: template.docx beside the data, else "
    "the bundled GB/T 9704-2012 one).",
)
@click.option("--pdf", is_flag=True, help="Also write a PDF beside each .docx (needs LibreOffice).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["docx", "pdf"]),
    default="docx",
    show_default=True,
    help="What to write: the .docx, or the PDF alone.",
)
@click.option(
    "--rows",
    type=click.Path(path_type=Path, dir_okay=False),
    help="An .xlsx or .csv with one row per unit: one document per row, its {{ column }} "
    "placeholders filled from the row.",
)
@click.option(
    "--name",
    help="With --rows: the file name of each document (default: {{ first column }}).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    help="With several documents: how many to build at once (default: one per CPU core).",
)
@_force
@click.option(
    "--allow-external",
    is_flag=True,
    help="Let the template refer to files outside it (a remote image, an attached template).",
)
def build(
    sources: tuple[Path, ...],
    output: Path | None,
    template: Path | None,
    pdf: bool,
    fmt: str,
    rows: Path | None,
    name: str | None,
    jobs: int | None,
    force: bool,
    allow_external: bool,
) -> None:
    """Build the .docx from SOURCES: data .yaml files, folders holding them, or patterns (*.yaml).

    With one source, -o names the file; with several (or --rows) -o names a folder, the
    documents are built in parallel, and a source that fails does not stop the others.
    """
    from .batch import is_single

    formats = ["pdf"] if fmt == "pdf" else ["docx", "pdf"] if pdf else ["docx"]
    if (
        len(sources) > 1
        or rows is not None
        or not is_single(sources[0])
        or (output is not None and _is_folder(output))
    ):
        _build_many(sources, output, template, formats, rows, name, jobs, force)
        return
    if name is not None:
        raise click.UsageError(_("--name goes with --rows"))
    from .builder import build as build_document
    from .files import default_output
    from .loader import load

    source = sources[0]
    document = load(source)
    if output is None:
        output = default_output(document, source)
    if "pdf" in formats:
        _before_pdf(output.with_suffix(".pdf"), force)
    if formats == ["pdf"]:
        with tempfile.TemporaryDirectory(prefix="edureport-") as work:
            docx = build_document(
                document,
                Path(work, output.with_suffix(".docx").name),
                template=template,
                allow_external=allow_external,
            )
            _convert([docx], [output.with_suffix(".pdf")], force)
        return
    written = build_document(
        document, output, template=template, force=force, allow_external=allow_external
    )
    click.echo(_("wrote {path}").format(path=written))
    if "pdf" in formats:
        _convert([written], [written.with_suffix(".pdf")], force)


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a name too long for the system: not a folder; the build says what is wrong
        return False


def _before_pdf(target: Path, force: bool) -> None:
    """A PDF that cannot be written fails the command before the .docx is built."""
    from .errors import Location, OutputExistsError
    from .pdf import require_soffice

    if target.exists() and not force:
        raise OutputExistsError(location=Location(target))
    require_soffice()


def _convert(sources: list[Path], outputs: list[Path], force: bool) -> None:
    from .office import OfficeError
    from .pdf import to_pdf

    converted = to_pdf(sources, outputs, force=force)
    for path in converted.written:
        click.echo(_("wrote {path}").format(path=path))
    for warning in converted.warnings:
        click.echo(_("edureport: warning: {message}").format(message=warning), err=True)
    if converted.failed:
        lines = [f"{source}: {reason}" for source, reason in converted.failed]
        message = _("{n} of {total} file(s) could not be converted:")
        raise OfficeError(
            message.format(n=len(lines), total=len(sources)) + "\n  " + "\n  ".join(lines)
        )


def _build_many(
    sources: tuple[Path, ...],
    output: Path | None,
    template: Path | None,
    formats: list[str],
    rows: Path | None,
    name: str | None,
    jobs: int | None,
    force: bool,
) -> None:
    from .batch import BatchError, build_many

    folder = output if output is not None else Path()
    if folder.exists() and not folder.is_dir():
        message = _("with several documents, -o names a folder; {folder} is a file")
        raise click.UsageError(message.format(folder=folder))
    if not folder.exists() and folder.suffix.lower() in (".docx", ".pdf"):
        message = _("with several documents, -o names a folder, not {name}")
        raise click.UsageError(message.format(name=folder.name))
    if name is not None and rows is None:
        raise click.UsageError(_("--name goes with --rows"))
    bar: Any = None

    def progress(done: int, total: int, label: str) -> None:
        nonlocal bar
        if bar is None:
            bar = click.progressbar(
                length=total,
                label="building",
                show_pos=True,
                file=sys.stderr,
                item_show_func=lambda item: item,
            )
            bar.__enter__()
        bar.update(1, current_item=label)
        if done == total and "pdf" in formats:
            bar.__exit__(None, None, None)
            bar = False
            click.echo(_("making the PDFs in one LibreOffice run"), err=True)

    try:
        result = build_many(
            sources,
            folder,
            jobs=jobs,
            template=template,
            force=force,
            formats=formats,
            rows=rows,
            name=name,
            progress=progress,
        )
    finally:
        if bar:
            bar.__exit__(None, None, None)
    for warning in result.warnings:
        click.echo(_("edureport: warning: {message}").format(message=warning), err=True)
    message = _("wrote {n} file(s) into {folder}")
    click.echo(message.format(n=len(result.written), folder=folder))
    if result.failed:
        raise BatchError(result.failed)


@main.group(invoke_without_command=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("notice.docx"),
    show_default=True,
    help="Where to write the template.",
)
@_force
@click.pass_context
def template(ctx: click.Context, output: Path, force: bool) -> None:
    """Write the default GB/T 9704-2012 letterhead template, to make your own from it
    (`template check FILE` checks one)."""
    from .letterhead import write_template

    if ctx.invoked_subcommand is None:
        click.echo(_("wrote {path}").format(path=write_template(output, force=force)))


@main.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="The .yaml to write (default: print the YAML).",
)
@_force
def parse(source: Path, output: Path | None, force: bool) -> None:
    """Read SOURCE (.docx, .txt, or a task table in .xlsx) back into document data as YAML."""
    from .dump import dumps, write_yaml
    from .parser import parse_with_warnings, summarize

    result = parse_with_warnings(source)
    for warning in result.warnings:
        click.echo(_("edureport: warning: {message}").format(message=warning), err=True)
    comment = f"Read from {source.name} by edureport parse."
    if output is None:
        click.echo(dumps(result.document, comment), nl=False)
    else:
        write_yaml(result.document, output, force=force, comment=comment)
        click.echo(_("wrote {path}").format(path=output))
    # With the YAML on stdout, the summary goes to stderr so that the YAML can be redirected.
    click.echo(summarize(result.document), err=output is None)


@main.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="The folder to write document.yaml and results.xlsx into (made if missing).",
)
@click.option("--year", type=int, help="The new year (default: the source plan's year + 1).")
@click.option("--serial", type=int, help="The new document number (default: left as 【待填写】).")
@click.option(
    "--results",
    type=click.Path(path_type=Path, dir_okay=False),
    help="A filled results.xlsx to merge into the summary draft (no blank workbook is written).",
)
@click.option(
    "--split",
    is_flag=True,
    help="Also write one workbook per department (its items only) into FOLDER/分发/ to send out.",
)
@_summary_form
@click.option("--force", is_flag=True, help="Replace files already in the draft folder.")
def draft(
    source: Path,
    output: Path,
    year: int | None,
    serial: int | None,
    results: Path | None,
    split: bool,
    summary_form: str,
    force: bool,
) -> None:
    """Draft next year's notice from SOURCE (a data folder or .yaml; a .docx or .txt via parse)."""
    from .drafter import draft as make_drafts

    drafts = make_drafts(source, year, serial=serial, results=results, summary_form=summary_form)
    # A folder that needs --force is said first, not after every warning of the merge.
    written = drafts.write(output, force=force, split=split)
    for problem in drafts.problems:
        click.echo(_("edureport: warning: {message}").format(message=problem), err=True)
    for path in written:
        click.echo(_("wrote {path}").format(path=path))
    if drafts.reviews:
        message = _(
            "{n} sentence(s) of the {year} plan may only have held in {before}: review them "
            "(待核对 sheet; comments in the built draft)"
        )
        click.echo(message.format(n=len(drafts.reviews), year=drafts.year, before=drafts.year - 1))
        for review in drafts.reviews:
            click.echo(f"  {review.where}: {review.sentence}  ← {'；'.join(review.reasons)}")
    if drafts.problems:
        count = len(drafts.problems)
        message = _("{count} problem(s) in {results}: see the warnings above")
        click.echo(message.format(count=count, results=results), err=True)
    left = [_(what) for what in drafts.left_to_fill()]
    if left:
        message = _("left as 【待填写】 for you to fill in document.yaml: {what}")
        click.echo(message.format(what=_(" and ").join(left)))


@main.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--into",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="The drafts folder written by `edureport draft` (e.g. drafts/2022/).",
)
@_summary_form
def collect(sources: tuple[Path, ...], into: Path, summary_form: str) -> None:
    """Collect the departments' returned workbooks (files or folders) into the drafts.

    Every answer is kept with its department in collected.yaml; the summary in document.yaml is
    drafted again from all answers so far; 进度.xlsx shows who has answered what. Run it again as
    more files come in.
    """
    from .collector import STATE_FILE, STATUS_FILE, report
    from .collector import collect as run_collect

    collected = run_collect(list(sources), into, summary_form=summary_form)
    click.echo(report(collected))
    for name in (STATE_FILE, "document.yaml", STATUS_FILE):
        click.echo(_("wrote {path}").format(path=into / name))


@main.command("check")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="How to print the findings.",
)
@click.option("--select", help="Only these rules: ids or prefixes, comma-separated (T, L2, T101).")
@click.option("--ignore", help="Leave out these rules: ids or prefixes, comma-separated.")
@click.option("--fix", "do_fix", is_flag=True, help="Write a copy with the safe fixes applied.")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Where --fix writes the corrected copy.",
)
@click.option("--in-place", is_flag=True, help="With --fix: overwrite FILE itself.")
@click.option("--force", is_flag=True, help="With --fix -o: replace the output file if it exists.")
@click.option(
    "--pages",
    is_flag=True,
    help="Also lay the pages out with LibreOffice and run the page rules (P…).",
)
def check_command(
    file: Path,
    fmt: str,
    select: str | None,
    ignore: str | None,
    do_fix: bool,
    output: Path | None,
    in_place: bool,
    force: bool,
    pages: bool,
) -> None:
    """Check FILE (.docx or .txt) against GB/T 9704-2012 and proofreading rules.

    Exit code 0: no errors; 1: errors found; 2: a usage problem or an unreadable file.
    """
    from .checker import check as run_check
    from .checker import fix as run_fix
    from .checker.report import exit_code, render_json, render_text

    selected = [s for s in (select or "").split(",") if s.strip()]
    ignored = [s for s in (ignore or "").split(",") if s.strip()]
    if not do_fix and (output is not None or in_place):
        raise click.UsageError(_("-o and --in-place go with --fix"))
    if do_fix:
        result = run_fix(
            file, output, in_place=in_place, force=force, select=selected, ignore=ignored
        )
        findings, fixed = result.remaining, result
    else:
        from .office import INSTALL_HINT, find_soffice

        asked = pages
        if pages and find_soffice() is None:
            hint = _("page rules (P…) not run: LibreOffice is not found; {hint}")
            hint = hint.format(hint=_(INSTALL_HINT))
            click.echo(hint, err=True)
            pages = False
        findings = run_check(file, select=selected, ignore=ignored, pages=pages)
        if not asked and file.suffix.lower() == ".docx":  # after the check: an error comes first
            message = _("page rules (P…) not run: add --pages to lay the pages out")
            click.echo(message, err=True)
        fixed = None
    if fmt == "json":
        click.echo(render_json(file, findings, fixed))
    else:
        click.echo(render_text(file, findings, fixed))
    sys.exit(exit_code(findings))


@main.command("pdf")
@click.argument("files", nargs=-1, required=True, type=_Existing(path_type=Path, dir_okay=False))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="The folder to write the PDFs into, or for one file the PDF itself (通知.pdf); "
    "default: beside each file.",
)
@_force
def pdf_command(files: tuple[Path, ...], output: Path | None, force: bool) -> None:
    """Convert FILES (.docx) to PDF, all in one LibreOffice run, with their fonts embedded."""
    from .pdf import require_soffice

    # `-o 通知.pdf` names the file, as `build -o` does; any other name is a folder
    named = output is not None and output.suffix.lower() == ".pdf" and not _is_folder(output)
    if named and len(files) > 1:
        message = _("-o {name} names one PDF, but {n} files were given: name a folder instead")
        raise click.UsageError(message.format(name=output, n=len(files)))
    require_soffice()
    if output is not None:
        (output.parent if named else output).mkdir(parents=True, exist_ok=True)
    targets = (
        [output]
        if named and output is not None
        else [(output or f.parent) / f"{f.stem}.pdf" for f in files]
    )
    _convert(list(files), targets, force)


@main.command("preview")
@click.argument("file", type=_Existing(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="The folder to write the page images into (made if missing).",
)
@click.option(
    "--dpi", type=click.IntRange(20, 600), default=96, show_default=True, help="Image resolution."
)
@click.option(
    "--template",
    type=click.Path(path_type=Path, dir_okay=False),
    help="With document data: the letterhead template to build it with.",
)
@_force
def preview_command(file: Path, output: Path, dpi: int, template: Path | None, force: bool) -> None:
    """Write PNG images of the pages of FILE (.docx, .pdf, or document data), and a contact
    sheet of all pages on one image, to look at without Word (needs LibreOffice)."""
    from .preview import preview

    result = preview(file, output, dpi=dpi, force=force, template=template)
    for warning in result.warnings:
        click.echo(_("edureport: warning: {message}").format(message=warning), err=True)
    message = _("wrote {n} page image(s) into {folder}; all pages: {sheet}")
    click.echo(message.format(n=len(result.pages), folder=output, sheet=result.sheet))


def _register() -> None:
    from .commands import init, rules, template_check

    main.add_command(init)
    main.add_command(rules)
    template.add_command(template_check)

    def lang_everywhere(group: click.Group) -> None:  # `edureport build … --lang zh` too
        for command in group.commands.values():
            lang_option(command)
            if isinstance(command, click.Group):
                lang_everywhere(command)

    lang_everywhere(main)


_register()
