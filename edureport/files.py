"""Writing output files: whole or not at all, never over a file without ``force``, with safe names.

Every file edureport writes goes through :func:`atomic_output` (one file) or
:func:`atomic_outputs` (several, all or nothing). A temporary file is written beside the target and
moved into place only when it is complete; the temporary file's name carries the writing process's
id, so that a later run can remove what a killed run left behind without touching a running one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path

from .errors import InputError, Location, OutputError, OutputExistsError
from .i18n import _ as _t  # `_` is a throwaway name in this module
from .model import Document
from .names import safe_filename

# Most file systems hold names of up to 255 bytes; the temporary name adds a prefix and a suffix.
MAX_NAME_BYTES = 255
_TMP_NAME = re.compile(r"^\.(?P<stem>.*)\.(?P<pid>\d+)-[0-9a-f]{8}\.tmp$")
_OLD_TMP_NAME = re.compile(r"^\..*\.[a-z0-9_]{8}\.tmp$")  # mkstemp's, from versions before 0.2
STALE_AFTER = 24 * 3600  # seconds; a temporary file this old is from a run that died


def default_output(document: Document, source: str | Path | None = None) -> Path:
    """The output file a build writes when given none: the document code (承教发〔2021〕1号.docx),
    else the data file's name, made safe by :func:`names.safe_filename`, in the current folder."""
    if document.notice is not None and document.notice.code is not None:
        name = str(document.notice.code)
    elif source is not None:
        name = Path(source).stem if Path(source).suffix else Path(source).name
    elif document.source is not None:
        name = document.source.stem
    else:
        name = "document"
    return Path(safe_filename(name) + ".docx")


def fits(name: str) -> bool:
    """True when ``name`` and the temporary file written beside it fit the file system's limit."""
    return len(name.encode()) <= MAX_NAME_BYTES


def _tmp_path(output: Path) -> Path:
    stem = output.name
    while len(stem.encode()) > 100:  # the temporary name must fit even when the real one is long
        stem = stem[:-1]
    return output.with_name(f".{stem}.{os.getpid()}-{os.urandom(4).hex()}.tmp")


def _alive(pid: int) -> bool:
    if pid == os.getpid() or os.name == "nt":
        return True  # on Windows os.kill would end the process: there, age alone decides
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError, OverflowError):
        return True  # someone else's process, or no way to tell: leave its file alone
    return True


def remove_stale(folder: Path, name: str) -> None:
    """Remove temporary files a killed run left for ``name`` in ``folder``: those whose process is
    gone, and any older than a day. A running build's temporary file is never touched."""
    prefix = f".{name[:20]}"
    try:
        candidates = [p for p in folder.iterdir() if p.name.startswith(prefix)]
    except OSError:
        return
    now = time.time()
    for path in candidates:
        m = _TMP_NAME.match(path.name)
        if m is None and not _OLD_TMP_NAME.match(path.name):
            continue
        if m is not None and not name.startswith(m["stem"]):
            continue
        try:
            old = now - path.stat().st_mtime > STALE_AFTER
            if old or (m is not None and not _alive(int(m["pid"]))):
                path.unlink()
        except OSError:
            continue


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _write_error(exc: OSError, path: Path) -> OutputError:
    if exc.errno == errno.ENAMETOOLONG or (exc.errno == errno.EINVAL and not fits(path.name)):
        return OutputError(
            _t("the file name is too long ({n} bytes; at most {most})").format(
                n=len(path.name.encode()), most=MAX_NAME_BYTES
            ),
            Location(path),
        )
    if exc.errno == errno.ENOSPC:
        return OutputError("the disk is full; nothing was written", Location(path))
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return OutputError(
            "cannot write here: the folder is read-only or not yours", Location(path.parent)
        )
    message = _t("cannot write the file: {why}").format(why=exc.strerror or exc)
    return OutputError(message, Location(path))


def _exists(output: Path) -> OutputExistsError:
    return OutputExistsError(location=Location(output))


def check_output(output: Path, force: bool) -> None:
    """Refuse, before any work, an output that exists (without ``force``), whose name is too
    long, or whose folder is missing."""
    if not fits(output.name):
        raise _write_error(OSError(errno.ENAMETOOLONG, "name too long"), output)
    try:
        exists = output.exists()
    except OSError as exc:
        raise _write_error(exc, output) from None
    if exists and not force:
        raise _exists(output)
    if not output.parent.is_dir():
        raise InputError("the output folder does not exist", Location(output.parent))


def _prepare(output: Path, force: bool) -> None:
    check_output(output, force)
    remove_stale(output.parent, output.name)


def _new_tmp(output: Path) -> Path:
    tmp = _tmp_path(output)
    try:
        fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except OSError as exc:
        raise _write_error(exc, output) from None
    os.close(fd)
    return tmp


def _place(tmp: Path, output: Path, force: bool) -> None:
    # mkstemp-like files are private; the result gets the permissions a new file would have.
    os.chmod(tmp, 0o666 & ~_umask())
    try:
        if force:
            os.replace(tmp, output)
            return
        try:  # link fails if the file appeared meanwhile: never overwrite without --force
            os.link(tmp, output)
        except FileExistsError:
            raise _exists(output) from None
        except OSError as exc:
            if exc.errno in (errno.ENAMETOOLONG, errno.ENOSPC, errno.EROFS):
                raise
            # no hard links here (FAT, some network drives): check, then move
            if output.exists():
                raise _exists(output) from None
            os.replace(tmp, output)
    except OSError as exc:
        raise _write_error(exc, output) from None


@contextlib.contextmanager
def atomic_output(output: Path, force: bool) -> Iterator[Path]:
    """Yield a temporary path beside ``output``; move it into place only when the block succeeds.

    An :class:`OSError` while writing (a full disk, a folder made read-only) becomes an
    :class:`OutputError`; the temporary file is removed in every case.
    """
    with atomic_outputs([output], force) as (tmp,):
        yield tmp


@contextlib.contextmanager
def atomic_outputs(outputs: list[Path], force: bool) -> Iterator[tuple[Path, ...]]:
    """Like :func:`atomic_output` for several files: none is moved into place unless all were
    written. Every target is checked before anything is written."""
    for output in outputs:
        _prepare(output, force)
    tmps: list[Path] = []
    try:
        for output in outputs:
            tmps.append(_new_tmp(output))
        try:
            yield tuple(tmps)
        except OSError as exc:
            raise _write_error(exc, outputs[0]) from None
        if not force:  # before moving any: a file that appeared meanwhile stops them all
            for output in outputs:
                if output.exists():
                    raise _exists(output)
        for tmp, output in zip(tmps, outputs, strict=True):
            _place(tmp, output, force)
    finally:
        for tmp in tmps:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
