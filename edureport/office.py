"""LibreOffice, for what only a layout engine knows: PDF output and where text falls on pages.

One ``soffice`` run converts any number of files (starting LibreOffice costs far more than a
conversion), in a private profile so that a desktop LibreOffice the user has open is not disturbed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .errors import EdureportError, Location
from .i18n import N_, _

INSTALL_HINT = N_(
    "install LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer-nogui "
    "fonts-noto-cjk; Windows: https://www.libreoffice.org) or set EDUREPORT_SOFFICE to soffice"
)


# A PDF as printed: the blank page LibreOffice inserts before an even-page section (the 版记's
# page, GB/T 9704 7.5) is part of it, which the PDF export leaves out unless told.
_FILTERS = {"pdf": 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}'}


class OfficeError(EdureportError):
    """LibreOffice is missing, or it could not convert a file."""


def find_soffice() -> str | None:
    """The LibreOffice command: ``$EDUREPORT_SOFFICE``, else soffice/libreoffice on PATH."""
    configured = os.environ.get("EDUREPORT_SOFFICE")
    if configured:
        return configured if Path(configured).is_file() else shutil.which(configured)
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    programs = os.environ.get("PROGRAMFILES", r"C:\Program Files")
    for candidate in (  # the usual Windows and macOS places, which are not on PATH
        Path(programs, "LibreOffice/program/soffice.exe"),
        Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
    ):
        if candidate.is_file():
            return str(candidate)
    return None


def convert(
    sources: Sequence[Path], folder: Path, *, to: str = "pdf", timeout: float = 600
) -> list[Path]:
    """Convert ``sources`` into ``folder`` in one LibreOffice run; the results, in order.

    Files of one name stem would overwrite each other in one folder, so they are refused.
    """
    results, reasons = convert_each(sources, folder, to=to, timeout=timeout)
    for source, result in zip(sources, results, strict=True):
        if result is None:
            raise OfficeError(
                _("LibreOffice could not convert it: {why}").format(why=reasons[source]),
                Location(source),
            )
    return [r for r in results if r is not None]


def convert_each(
    sources: Sequence[Path], folder: Path, *, to: str = "pdf", timeout: float = 600
) -> tuple[list[Path | None], dict[Path, str]]:
    """Like :func:`convert`, but a file LibreOffice could not convert does not fail the others:
    each source's result, or None and the reason. LibreOffice missing is still an error."""
    command = find_soffice()
    if command is None:
        message = _("LibreOffice is needed for this: {hint}").format(hint=_(INSTALL_HINT))
        raise OfficeError(message)
    stems = [s.stem for s in sources]
    if len(set(stems)) != len(stems):
        raise OfficeError("two files to convert share a name; convert them separately")
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="edureport-lo-") as profile:
        try:
            run = subprocess.run(
                [
                    command,
                    f"-env:UserInstallation={Path(profile).as_uri()}",
                    "--headless",
                    "--norestore",
                    "--convert-to",
                    _FILTERS.get(to, to),
                    "--outdir",
                    str(folder),
                    *map(str, sources),
                ],
                capture_output=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            message = _("LibreOffice did not finish within {seconds} s")
            raise OfficeError(message.format(seconds=f"{timeout:.0f}")) from None
        except OSError as exc:
            message = _("cannot start LibreOffice ({command}): {why}")
            raise OfficeError(message.format(command=command, why=exc.strerror)) from None
    detail = run.stderr.decode("utf-8", "replace").strip().splitlines()
    reason = detail[-1] if detail else _("exit code {code}").format(code=run.returncode)
    results: list[Path | None] = []
    reasons: dict[Path, str] = {}
    for source in sources:
        result = folder / f"{source.stem}.{to.split(':')[0]}"
        if result.is_file():
            results.append(result)
        else:
            results.append(None)
            reasons[source] = reason
    return results, reasons
