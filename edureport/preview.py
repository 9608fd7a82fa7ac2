"""Pages to look at without Word: PNG images of each page, and all pages on one contact sheet.

The pages are LibreOffice's layout (the same a PDF gets): .docx → PDF → PNG, through poppler's
``pdftoppm`` where it is installed, else through pdfium (the pypdfium2 wheel, which needs nothing
installed beside it, as on Windows). The contact sheet is drawn with Pillow.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import EdureportError, InputError, Location, OutputExistsError
from .i18n import _
from .names import safe_filename

SHEET_WIDTH = 220  # pixels of one page on the contact sheet
SHEET_COLUMNS = 6


@dataclass
class Preview:
    """The page images, in page order, the contact sheet, and warnings (fonts)."""

    pages: list[Path]
    sheet: Path
    warnings: list[str] = field(default_factory=list)


def preview(
    source: str | Path,
    folder: str | Path,
    *,
    dpi: int = 96,
    force: bool = False,
    template: str | Path | None = None,
) -> Preview:
    """Write ``NAME-01.png``… (one per page) and ``NAME-pages.png`` (all pages) into ``folder``.

    ``source`` is a .docx or .pdf, or document data (a .yaml, or a folder holding one), which is
    built first. Existing images are kept unless ``force``.
    """
    source = Path(source)
    folder = Path(folder)
    if not source.exists():
        raise InputError("no such file or folder", Location(source))
    if source.suffix.lower() != ".pdf":
        from .pdf import require_soffice

        require_soffice()
    stem = safe_filename(source.stem if source.is_file() else source.resolve().name)
    if folder.exists() and not folder.is_dir():
        raise InputError("expected a folder for the images, but this is a file", Location(folder))
    sheet_path = folder / f"{stem}-pages.png"
    if not force and sheet_path.exists():
        raise OutputExistsError(location=Location(sheet_path))
    with tempfile.TemporaryDirectory(prefix="edureport-preview-") as work_name:
        work = Path(work_name)
        warnings: list[str] = []
        if source.suffix.lower() == ".pdf":
            pdf = source
        else:
            docx = source
            if source.suffix.lower() != ".docx":
                from .builder import build

                docx = build(source, work / f"{stem}.docx", template=template)
            from .pdf import to_pdf

            converted = to_pdf([docx], [work / f"{stem}.pdf"])
            if converted.failed:
                raise EdureportError(converted.failed[0][1], Location(source))
            pdf = converted.written[0]
            warnings = converted.warnings
        images = _rasterize(pdf, work / "pages", dpi)
        width = max(2, len(str(len(images))))
        targets = [folder / f"{stem}-{n:0{width}d}.png" for n in range(1, len(images) + 1)]
        if not force:
            for target in targets:
                if target.exists():
                    raise OutputExistsError(location=Location(target))
        folder.mkdir(parents=True, exist_ok=True)
        from .files import atomic_output

        for image, target in zip(images, targets, strict=True):
            with atomic_output(target, force) as tmp:
                shutil.copyfile(image, tmp)
        with atomic_output(sheet_path, force) as tmp:
            contact_sheet(images).save(tmp, format="PNG")
    return Preview(targets, sheet_path, warnings)


def _rasterize(pdf: Path, folder: Path, dpi: int) -> list[Path]:
    """The PDF's pages as PNG files in ``folder``, in page order."""
    folder.mkdir()
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm:
        run = subprocess.run(
            [pdftoppm, "-r", str(dpi), "-png", str(pdf), str(folder / "page")],
            capture_output=True,
            check=False,
            timeout=600,
        )
        if run.returncode != 0:
            detail = run.stderr.decode("utf-8", "replace").strip()
            raise InputError(_("cannot read the PDF: {why}").format(why=detail), Location(pdf))
        # pdftoppm numbers page-1.png or page-01.png, by the page count: sort by the number.
        return sorted(folder.glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(str(pdf))
    except pypdfium2.PdfiumError as exc:
        raise InputError(_("cannot read the PDF: {why}").format(why=exc), Location(pdf)) from None
    pages = []
    try:
        for n in range(len(document)):
            page = document[n]
            image = page.render(scale=dpi / 72).to_pil()
            path = folder / f"page-{n + 1}.png"
            image.save(path, format="PNG")
            page.close()
            pages.append(path)
    finally:
        document.close()
    return pages


def contact_sheet(pages: list[Path]) -> Any:
    """All pages side by side, six to a row, each with its number underneath."""
    from PIL import Image, ImageDraw

    gap, label = 16, 22
    thumbs = []
    for path in pages:
        with Image.open(path) as page:
            height = round(page.height * SHEET_WIDTH / page.width)
            thumbs.append(
                page.convert("RGB").resize((SHEET_WIDTH, height), Image.Resampling.LANCZOS)
            )
    columns = min(SHEET_COLUMNS, len(thumbs)) or 1
    rows = -(-len(thumbs) // columns)
    cell_height = max((t.height for t in thumbs), default=0) + label
    sheet = Image.new(
        "RGB",
        (gap + columns * (SHEET_WIDTH + gap), gap + rows * (cell_height + gap)),
        (160, 160, 160),
    )
    draw = ImageDraw.Draw(sheet)
    for n, thumb in enumerate(thumbs):
        x = gap + (n % columns) * (SHEET_WIDTH + gap)
        y = gap + (n // columns) * (cell_height + gap)
        sheet.paste(thumb, (x, y))
        draw.rectangle((x - 1, y - 1, x + thumb.width, y + thumb.height), outline=(90, 90, 90))
        text = str(n + 1)
        width = draw.textlength(text)
        draw.text((x + (SHEET_WIDTH - width) / 2, y + thumb.height + 5), text, fill=(0, 0, 0))
    return sheet
