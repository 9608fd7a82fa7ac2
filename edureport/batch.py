"""Many documents in one command: several sources, or one template and a row per unit.

Documents are built in a pool of processes (one document is CPU work for ~50 ms; a process per
document would spend most of its time starting). Every output name is known before the first
build, so two sources that would write the same file are reported before anything is written; a
source that fails is reported at the end and does not stop the others. PDFs, when asked for, are
made afterwards in one LibreOffice run for all documents.
"""

from __future__ import annotations

import contextlib
import glob
import os
import sys
import tempfile
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import EdureportError, InputError, Location, OutputExistsError
from .i18n import _ as _t  # `_` is a throwaway name in this module
from .loader import DATA_SUFFIXES
from .names import collision_key, safe_filename

if TYPE_CHECKING:  # process pools load in ~10 ms: only a batch with workers needs them
    from concurrent.futures import Future
    from multiprocessing.context import BaseContext

Progress = Callable[[int, int, str], None]
"""Called after each document with (documents done, documents in all, the name of the one just
done: its output file's name without the suffix)."""

FORMATS = ("docx", "pdf")


@dataclass(frozen=True)
class Failure:
    """A source (or a row of a table) that could not be built, and why."""

    source: str
    message: str

    def __str__(self) -> str:
        if self.message.startswith(self.source):  # the error names the file already
            return self.message
        return f"{self.source}: {self.message}"


@dataclass
class BatchResult:
    """The files written, the sources that failed, and warnings (unused columns, fonts)."""

    written: list[Path] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


class BatchError(EdureportError):
    """Some documents of a batch failed (the others were written): each named with its reason."""

    def __init__(self, failed: Sequence[Failure]) -> None:
        lines = "\n".join(f"  {failure}" for failure in failed)
        super().__init__(f"{len(failed)} document(s) failed, the others were written:\n{lines}")
        self.failed = list(failed)


class CollisionError(EdureportError):
    """Two sources would write the same file (on Windows or macOS, names differing in case too)."""


@dataclass(frozen=True)
class _Job:
    label: str  # what the user calls this document: a source path, or "units.xlsx, row 5"
    source: Path
    stem: str
    values: dict[str, str] | None = None


def _has_data(folder: Path) -> bool:
    """A folder that is one document: document.yaml, or a single .yaml (as load reads it)."""
    if (folder / "document.yaml").is_file():
        return True
    return len([p for p in folder.iterdir() if p.suffix in DATA_SUFFIXES and p.is_file()]) == 1


def is_single(argument: str | Path) -> bool:
    """Whether a lone SOURCE argument names one document (rather than a folder of them or a
    pattern). What does not exist counts as one, so that its error is the usual one."""
    path = Path(argument)
    if not path.exists():
        return not glob.has_magic(str(argument))
    if path.is_dir():
        try:
            return _has_data(path) or not any(_folder_sources(path))
        except OSError:
            return True
    return True


def _folder_sources(folder: Path) -> Iterable[Path]:
    for child in sorted(folder.iterdir()):
        if (child.is_file() and child.suffix in DATA_SUFFIXES) or (
            child.is_dir() and (child / "document.yaml").is_file()
        ):
            yield child


def expand_sources(arguments: Iterable[str | Path]) -> tuple[list[Path], list[Failure]]:
    """The documents that files, folders and glob patterns name, each once, in the order given;
    and the arguments that name none."""
    found: dict[Path, Path] = {}
    failed: list[Failure] = []
    for argument in arguments:
        path = Path(argument)
        if path.exists():
            matches = [path]
        elif glob.has_magic(str(argument)):
            matches = [Path(m) for m in sorted(glob.glob(str(argument), recursive=True))]
            matches = [m for m in matches if m.is_dir() or m.suffix in DATA_SUFFIXES]
            if not matches:
                failed.append(Failure(str(argument), "the pattern matches no document data"))
                continue
        else:
            failed.append(Failure(str(argument), "no such file or folder"))
            continue
        for match in matches:
            try:
                if match.is_dir() and not _has_data(match):
                    inner = list(_folder_sources(match))
                    if not inner:
                        failed.append(Failure(str(match), "no document data (.yaml) in the folder"))
                    for source in inner:
                        found.setdefault(source.resolve(), source)
                else:
                    found.setdefault(match.resolve(), match)
            except OSError as exc:
                failed.append(Failure(str(match), f"cannot read it: {exc.strerror}"))
    return list(found.values()), failed


def output_stem(source: Path) -> str:
    """The output name of a source: its file name, or its folder's for a document.yaml."""
    if source.is_dir() or source.name == "document.yaml":
        folder = source if source.is_dir() else source.parent
        return safe_filename(folder.resolve().name)
    return safe_filename(source.stem)


def build_many(
    sources: Iterable[str | Path],
    folder: str | Path,
    *,
    jobs: int | None = None,
    template: str | Path | None = None,
    force: bool = False,
    formats: Collection[str] = ("docx",),
    rows: str | Path | None = None,
    name: str | None = None,
    progress: Progress | None = None,
) -> BatchResult:
    """Build every document that ``sources`` (files, folders, glob patterns) name into ``folder``.

    Each is named after its source (``a.yaml`` → ``a.docx``; ``x/document.yaml`` → ``x.docx``),
    made safe for Windows. With ``rows`` (an .xlsx or .csv) the one source is a template, built
    once per row with the row's values in its ``{{ column }}`` placeholders, and named by ``name``
    (default: ``{{ first column }}``). ``formats`` is any of "docx", "pdf". ``jobs`` processes
    build at once (default: one per CPU core).

    Raises (writing nothing) when two documents would have one name, an output exists without
    ``force``, or PDFs are asked for and LibreOffice is missing; a source that fails to build
    is in the result's ``failed`` and does not stop the others.
    """
    formats = list(dict.fromkeys(formats))
    if not formats or any(f not in FORMATS for f in formats):
        raise ValueError(f"formats are some of {FORMATS}, got {formats}")
    folder = Path(folder)
    result = BatchResult()
    if rows is not None:
        source_list = list(sources)
        if len(source_list) != 1:
            raise InputError(
                _t("a table of rows goes with one template document, got {n} sources").format(
                    n=len(source_list)
                )
            )
        work, result.failed, result.warnings = _row_jobs(Path(source_list[0]), Path(rows), name)
    else:
        found, result.failed = expand_sources(sources)
        work = [_Job(str(s), s, output_stem(s)) for s in found]
    _check_names(work, folder, formats, force)
    if "pdf" in formats and work:
        from .pdf import require_soffice

        require_soffice()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(
            _t("cannot make the output folder: {why}").format(why=exc.strerror), Location(folder)
        ) from None
    keep_docx = "docx" in formats
    with contextlib.ExitStack() as stack:
        # PDFs alone: the .docx files are built beside them (one file system) and then removed.
        docx_folder = (
            folder
            if keep_docx
            else Path(
                stack.enter_context(tempfile.TemporaryDirectory(prefix=".edureport-", dir=folder))
            )
        )
        built = _run(work, docx_folder, template, force, jobs, progress, result)
        if keep_docx:
            result.written.extend(path for _, path in built)
        if "pdf" in formats and built:
            from .pdf import to_pdf

            labels = {path: job.label for job, path in built}
            converted = to_pdf(
                [path for _, path in built],
                [folder / f"{job.stem}.pdf" for job, _ in built],
                force=force,
            )
            result.written.extend(converted.written)
            result.failed.extend(Failure(labels[s], m) for s, m in converted.failed)
            result.warnings.extend(converted.warnings)
    return result


def _row_jobs(
    source: Path, rows_file: Path, name: str | None
) -> tuple[list[_Job], list[Failure], list[str]]:
    import yaml

    from .loader import _Loader, find_data_file, load
    from .rows import PLACEHOLDER, check_placeholders, read_rows, substitute

    table = read_rows(rows_file)
    data_file = find_data_file(source)
    try:
        text = data_file.read_bytes().decode("utf-8-sig")
        node = yaml.compose(text, Loader=_Loader)
    except (yaml.YAMLError, UnicodeDecodeError, OSError):
        load(data_file)  # raises the error a build gives, with the file and line
        raise
    if node is None:
        load(data_file)  # the error for an empty file
        raise InputError("the file is empty", Location(data_file))
    used = check_placeholders(node, table.columns, data_file)
    name = name if name is not None else f"{{{{ {table.columns[0]} }}}}"
    name_columns = [m.group(1) for m in PLACEHOLDER.finditer(name)]
    for column in name_columns:
        if column not in table.columns:
            raise InputError(
                _t(
                    "the name {name} uses {placeholder}, which is no column of the table; "
                    "its columns are {columns}"
                ).format(
                    name=name,
                    placeholder=f"{{{{ {column} }}}}",
                    columns=", ".join(table.columns),
                ),
                Location(rows_file),
            )
    warnings = []
    unused = [c for c in table.columns if c not in used and c not in name_columns]
    if unused:
        message = _t(
            "the document uses no {placeholder} placeholder for the column(s) {columns}; "
            "their values are not in any document"
        ).format(placeholder="{{ … }}", columns=", ".join(unused))
        warnings.append(_t("{where}: {message}").format(where=rows_file, message=message))
    jobs, failed = [], []
    for row in table.rows:
        label = _t("{file}, row {row}").format(file=rows_file, row=row.number)
        empty = [c for c in (*sorted(used), *name_columns) if not row.values[c]]
        if empty:
            failed.append(
                Failure(
                    str(row.where(rows_file, empty[0])),
                    _t("the cell for {column} is empty, and the document uses it").format(
                        column=empty[0]
                    ),
                )
            )
            continue
        stem = safe_filename(substitute(name, row.values))
        jobs.append(_Job(label, source, stem, row.values))
    return jobs, failed, warnings


def _check_names(work: Sequence[_Job], folder: Path, formats: Sequence[str], force: bool) -> None:
    """Before anything is written: every output name is free, and no two jobs share one."""
    owners: dict[str, list[_Job]] = {}
    for job in work:
        owners.setdefault(collision_key(job.stem), []).append(job)
    clashes = [group for group in owners.values() if len(group) > 1]
    if clashes:
        lines = [
            _t("{file} would be written by {sources}").format(
                file=folder / (group[0].stem + "." + formats[0]),
                sources=_t(" and ").join(job.label for job in group),
            )
            for group in clashes
        ]
        raise CollisionError(
            _t(
                "two sources would write the same file, so nothing was written: {clashes} "
                "(rename one, or build them into different folders)"
            ).format(clashes=_t("; ").join(lines))
        )
    if not force:
        existing = [
            folder / f"{job.stem}.{fmt}"
            for job in work
            for fmt in formats
            if (folder / f"{job.stem}.{fmt}").exists()
        ]
        if existing:
            message = (
                _t("the output file exists and {n} more, so nothing was written")
                if len(existing) > 1
                else _t("the output file exists, so nothing was written")
            )
            raise OutputExistsError(
                message.format(n=len(existing) - 1),
                Location(existing[0]),
                them=len(existing) > 1,
            )


def _run(
    work: Sequence[_Job],
    folder: Path,
    template: str | Path | None,
    force: bool,
    jobs: int | None,
    progress: Progress | None,
    result: BatchResult,
) -> list[tuple[_Job, Path]]:
    """Build every job into ``folder``; the ones built, in the given order."""
    outcomes: dict[int, str | None] = {}

    def done(index: int, error: str | None) -> None:
        outcomes[index] = error
        if progress is not None:
            progress(len(outcomes), len(work), work[index].stem)

    workers = min(jobs or os.cpu_count() or 1, len(work))
    if workers <= 1:
        for i, job in enumerate(work):
            done(i, _build(job, folder, template, force))
    else:
        from concurrent.futures import ProcessPoolExecutor, as_completed

        with ProcessPoolExecutor(max_workers=workers, mp_context=_context()) as pool:
            futures: dict[Future[str | None], int] = {
                pool.submit(_build, job, folder, template, force): i for i, job in enumerate(work)
            }
            try:
                for future in as_completed(futures):
                    try:
                        error = future.result()
                    except Exception as exc:  # a worker died: its document is not built
                        error = f"the build process failed: {exc!r}"
                    done(futures[future], error)
            except BaseException:
                pool.shutdown(wait=False, cancel_futures=True)
                raise
    built: list[tuple[_Job, Path]] = []
    for i, job in enumerate(work):
        error = outcomes[i]
        if error is None:
            built.append((job, folder / f"{job.stem}.docx"))
        else:
            result.failed.append(Failure(job.label, error))
    return built


def _context() -> BaseContext:
    """Forked workers start at once with the build code already imported, and run no one's
    ``__main__`` again. A fork is unsafe in a process with threads (and on macOS), so there a
    fork server (Linux) or fresh processes (spawn) are used: those import ``__main__`` again, so a
    script calling :func:`build_many` there needs ``if __name__ == "__main__":``."""
    import multiprocessing
    import threading

    if sys.platform.startswith("linux"):
        if threading.active_count() == 1:
            return multiprocessing.get_context("fork")
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["edureport.builder", "edureport.loader"])
        return context
    return multiprocessing.get_context("spawn")


def _build(job: _Job, folder: Path, template: str | Path | None, force: bool) -> str | None:
    """Build one job (in a worker process); None, or what went wrong as the user should read it."""
    from .builder import build
    from .loader import load

    try:
        document = load(job.source, values=job.values)
        build(document, folder / f"{job.stem}.docx", template=template, force=force)
    except EdureportError as exc:
        return str(exc)
    except Exception as exc:  # a bug, not the user's mistake: still one document, not the batch
        return f"unexpected error ({type(exc).__name__}): {exc}"
    return None
