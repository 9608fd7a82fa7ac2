"""One exception tree for everything a user can get wrong.

Every error carries where it happened (file, line or cell, field path) so that the CLI can print a
one-paragraph message and exit non-zero without a traceback. Parse warnings and check findings say
where they are with the same :class:`Location`.
"""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass, fields
from pathlib import Path


@dataclass(frozen=True)
class Location:
    """Where something is, for errors, parse warnings and check findings alike.

    An error or a warning names a file and, within it, a text file's ``line``, a spreadsheet
    ``cell`` and/or a ``field`` path. A place in a document names its ``paragraph`` (numbered from 1
    as the reader numbers them; for a .txt the line); a check finding adds the ``offset`` of the
    first character concerned and an ``excerpt``, and where Word users look for it: the part and
    ``heading_path`` (工作要点 › 三、 › 12.) and the paragraph's ``opening`` words. Page rules add
    the ``page`` and the line on it (``page_line``), as LibreOffice lays the document out. A finding
    about the document as a whole (its paper, its footers) is ``whole_document``.
    """

    file: Path | None = None
    line: int | None = None
    cell: str | None = None
    field: str | None = None
    _: KW_ONLY
    paragraph: int | None = None
    offset: int | None = None
    excerpt: str = ""
    page: int | None = None
    page_line: int | None = None
    heading_path: str = ""
    opening: str = ""
    whole_document: bool = False

    @classmethod
    def in_source(cls, file: Path, number: int, *, docx: bool) -> Location:
        """Paragraph ``number`` of a .docx, or line ``number`` of a text file. parse makes one
        for every paragraph it reads: this fills the fields at once, where the generated
        ``__init__`` of a frozen dataclass sets them one at a time."""
        where = object.__new__(cls)
        where.__dict__.update(_BLANK, file=file, **{"paragraph" if docx else "line": number})
        return where

    def __str__(self) -> str:
        from .i18n import _, language

        parts = []
        if self.file is not None:
            parts.append(str(self.file))
        if self.line is not None:
            parts.append(_("line {line}").format(line=self.line))
        if self.cell is not None:
            parts.append(_("cell {cell}").format(cell=self.cell))
        if self.field:
            field = self.field
            if language() == "zh":  # the field as the standard names it: notice.title（标题）
                from .loader import field_name

                name = field_name(field)
                field = f"{field}（{name}）" if name else field
            parts.append(field)
        place = self._in_document()
        if place:
            parts.append(place)
        return _(", ").join(parts)

    def _in_document(self) -> str:
        """The page and paragraph: page 2, line 5, paragraph 12, character 3."""
        from .i18n import _

        on_page = ""
        if self.page is not None:
            on_page = _("page {page}, line {line}").format(page=self.page, line=self.page_line)
        if self.paragraph is None:
            return on_page or (_("document") if self.whole_document else "")
        where = _("paragraph {n}").format(n=self.paragraph)
        if self.offset is not None:
            where = _("paragraph {n}, character {c}").format(n=self.paragraph, c=self.offset + 1)
        return _("{page}, {where}").format(page=on_page, where=where) if on_page else where


_BLANK = {f.name: f.default for f in fields(Location)}


class EdureportError(Exception):
    """Base of every error edureport raises on purpose. Carries a location and an exit code."""

    exit_code = 1

    # What to do about it, in a Python caller's words and in a command-line user's words.
    hint = ""
    cli_hint = ""

    def __init__(self, message: str, location: Location | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location or Location()

    def describe(self, *, cli: bool = False) -> str:
        """The one-paragraph message; ``cli`` words the hint for the command line."""
        from .i18n import _

        where = str(self.location)
        hint = _((self.cli_hint or self.hint) if cli else self.hint)
        message = _(self.message)
        text = _("{message}; {hint}").format(message=message, hint=hint) if hint else message
        return _("{where}: {message}").format(where=where, message=text) if where else text

    def __str__(self) -> str:
        return self.describe()


class InputError(EdureportError):
    """An input file is missing, unreadable, or not of the kind expected."""


class DataError(InputError):
    """The document data is well-formed but wrong: a missing field, an unknown key, a bad value."""


class TemplateError(EdureportError):
    """A .docx template is unusable or does not match the data."""


class OutputExistsError(EdureportError):
    """The output file exists and replacing it was not asked for."""

    def __init__(
        self,
        message: str = "the output file exists",  # N_: kept as the catalogue's key
        location: Location | None = None,
        *,
        them: bool = False,
    ) -> None:
        super().__init__(message, location)
        from .i18n import N_

        if them:
            self.hint, self.cli_hint = (
                N_("pass force=True to replace them"),
                N_("use --force to replace them"),
            )
        else:
            self.hint, self.cli_hint = (
                N_("pass force=True to replace it"),
                N_("use --force to replace it"),
            )


class OutputError(EdureportError):
    """An output cannot be written: a read-only folder, a full disk, a name too long."""


class UnusedDataWarning(UserWarning):
    """The template never uses some of the data, so it is missing from the document."""


@dataclass(frozen=True)
class Problem:
    """Something in an input that is not where it should be, kept rather than raised (the text or
    row stays as it was), with where it is: a parse warning, a workbook row that matches no item."""

    location: Location
    message: str

    def __str__(self) -> str:
        from .i18n import _

        where = str(self.location)
        message = _(self.message)
        return _("{where}: {message}").format(where=where, message=message) if where else message
