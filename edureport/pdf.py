"""PDF copies of built documents: all of one command's files in a single LibreOffice run.

Starting LibreOffice costs far more than converting a page, so files are never converted one run
each. LibreOffice embeds the fonts it used; the fonts a document asks for that this computer lacks
are reported, because a stand-in font moves line and page breaks.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import EdureportError, Location, OutputExistsError
from .i18n import _
from .office import INSTALL_HINT, OfficeError, convert_each, find_soffice


@dataclass
class Converted:
    """What a conversion wrote, what it could not convert (file, reason), and font warnings."""

    written: list[Path] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def require_soffice() -> None:
    """Fail before any work when LibreOffice is missing, rather than after building everything."""
    if find_soffice() is None:
        message = _("LibreOffice is needed to make PDF files: {hint}")
        raise OfficeError(message.format(hint=_(INSTALL_HINT)))


def to_pdf(
    sources: Sequence[Path], outputs: Sequence[Path] | None = None, *, force: bool = False
) -> Converted:
    """Convert each .docx of ``sources`` to the PDF at the same place in ``outputs`` (default:
    beside it), in one LibreOffice run. Existing PDFs are kept unless ``force``; that is checked
    for all of them before anything is converted. A file LibreOffice cannot convert is reported
    in ``failed`` and does not stop the others."""
    from .files import atomic_output

    targets = (
        [Path(p) for p in outputs]
        if outputs is not None
        else [Path(s).with_suffix(".pdf") for s in sources]
    )
    if len(targets) != len(sources):
        raise ValueError("to_pdf needs one output for each source")
    if not force:
        for target in targets:
            if target.exists():
                raise OutputExistsError(location=Location(target))
    seen: dict[Path, Path] = {}
    for source, target in zip(sources, targets, strict=True):
        earlier = seen.setdefault(target.resolve(), Path(source))
        if earlier != Path(source):
            raise EdureportError(
                _("{first} and {second} would both be written to this file").format(
                    first=earlier, second=source
                ),
                Location(target),
            )
    require_soffice()
    result = Converted()
    with tempfile.TemporaryDirectory(prefix="edureport-pdf-") as work:
        # Numbered copies: LibreOffice names its output after the input, and two inputs may
        # share a name, or hold characters the command line mangles on some systems.
        inputs = []
        for i, source in enumerate(sources):
            copy = Path(work, "in", f"{i}{Path(source).suffix}")
            copy.parent.mkdir(exist_ok=True)
            try:
                shutil.copyfile(source, copy)
            except OSError as exc:
                raise EdureportError(
                    _("cannot read the file: {why}").format(why=exc.strerror),
                    Location(Path(source)),
                ) from None
            inputs.append(copy)
        results, reasons = convert_each(inputs, Path(work, "out"))
        for source, copy, made, target in zip(sources, inputs, results, targets, strict=True):
            if made is None:
                result.failed.append(
                    (Path(source), f"LibreOffice could not convert it: {reasons[copy]}")
                )
                continue
            with atomic_output(target, force) as tmp:
                shutil.copyfile(made, tmp)
            result.written.append(target)
    result.warnings = font_warnings(sources)
    return result


def font_warnings(sources: Sequence[Path]) -> list[str]:
    """One warning naming the fonts the documents ask for and this computer lacks."""
    from .fonts import installed_fonts, missing_fonts

    installed = installed_fonts()
    if installed is None:
        return [
            "cannot tell which fonts are installed here (no fc-list, no font folder found); "
            "if a font the document asks for is missing, the PDF uses a stand-in"
        ]
    lacking: dict[str, None] = {}
    for source in sources:
        try:
            names = missing_fonts(Path(source), installed) or []
        except EdureportError:
            continue  # an unreadable file is reported by the conversion itself
        lacking.update(dict.fromkeys(names))
    if not lacking:
        return []
    return [
        f"this computer lacks fonts the document asks for: {', '.join(lacking)}; the PDF uses "
        "stand-ins, so lines and pages may break differently than in the office's Word or WPS "
        "(install these fonts for a faithful PDF)"
    ]
