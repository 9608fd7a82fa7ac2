"""Every bad input gets a clear error and nothing is lost (issue 11): one test class per hole."""

from __future__ import annotations

import errno
import os
import re
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from conftest import docx_lines

import edureport
from edureport import DataError, InputError, OutputExistsError, TemplateError
from edureport.errors import OutputError

NOTICE = """\
notice:
  organs: [承德市教育局]
  code: {agency: 承教发, year: 2021, serial: 1}
  title: 标题
  date: 2021-04-06
  body: [正文]
"""


def data(tmp_path: Path, text: str = NOTICE) -> Path:
    path = tmp_path / "document.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def template(tmp_path: Path, *paragraphs: str, name: str = "letterhead.docx") -> Path:
    document = docx.Document()
    for text in ("{{ notice.code }}", *paragraphs):
        document.add_paragraph(text)
    path = tmp_path / name
    document.save(str(path))
    return path


def unchanged(folder: Path, before: set[Path]) -> None:
    """Nothing was written or left behind: no output, no temporary file."""
    assert set(folder.iterdir()) == before


class TestTemplateLimits:
    """1. A template's rendering is bounded in time, memory and output size; failures name the
    template and, where a tag can be tried alone, the paragraph."""

    @pytest.mark.parametrize(
        ("tag", "message", "paragraph"),
        [
            ("{{ 'x' * 10**9 }}", "larger than the limit", True),
            ("{{ (('x',) * 10**8)|length }}", "larger than the limit", True),
            ("{{ 'x'|center(10**9) }}", "larger than the limit", True),
            ("{{ 'x'.ljust(10**9) }}", "larger than the limit", True),
            ("{{ '%999999999s' % 1 }}", "larger than the limit", True),
            ("{{ '{:>999999999}'.format(1) }}", "larger than the limit", True),
            ("{% set s = 'x' * 100000 %}{{ s|replace('x', s) }}", "larger than the limit", False),
            ("{{ range(100000)|join('x' * 100000) }}", "larger than the limit", True),
            ("{{ 10 ** 100000 }}", "larger than the limit", True),
            (
                "{% set ns = namespace(s='xx') %}{% for i in range(60) %}"
                "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}",
                "larger than the limit",
                False,
            ),
            ("{{ range(10**9)|list }}", "range", True),
            (
                "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
                "steps",
                False,
            ),
            (
                "{% macro m() %}{% for i in range(100000) %}{% for j in range(100000) %}"
                "{% endfor %}{% endfor %}{% endmacro %}{{ m() }}",
                "steps",
                False,
            ),
            ("{% macro m(n) %}{{ m(n + 1) }}{% endmacro %}{{ m(1) }}", "recursive", False),
            ("{{ 1/0 }}", "ZeroDivisionError", True),
            ("{% include 'other.xml' %}", "include", False),
            ("{% import 'other.xml' as o %}", "include", False),
            ("{% extends 'other.xml' %}", "include", False),
            ("{{ x|round }}", "does not provide: x", True),
            ("{{ notice.code|int + 'a' }}", "TypeError", True),
        ],
    )
    def test_hostile_template_is_refused(
        self, tmp_path: Path, tag: str, message: str, paragraph: bool
    ) -> None:
        source, letterhead = data(tmp_path), template(tmp_path, "前言", tag)
        before = set(tmp_path.iterdir())
        with pytest.raises(TemplateError, match=message) as info:
            edureport.build(source, tmp_path / "out.docx", template=letterhead)
        assert info.value.location.file == letterhead
        if paragraph:
            assert info.value.location.field == f"paragraph 3, {tag}"
        unchanged(tmp_path, before)

    def test_time_limit(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        from edureport import sandbox

        monkeypatch.setattr(sandbox, "TIME_LIMIT", 0.05)
        monkeypatch.setattr(sandbox, "MAX_STEPS", 10**12)
        slow = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
        with pytest.raises(TemplateError, match=r"ran for more than 0\.05 seconds"):
            edureport.build(data(tmp_path), tmp_path / "o.docx", template=template(tmp_path, slow))

    def test_memory_limit(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        from edureport import sandbox

        if sandbox._peak_memory() is None:
            pytest.skip("no way to read the process's memory here")
        monkeypatch.setattr(sandbox, "MAX_MEMORY", -1)  # any growth at all is too much
        grow = "{% for i in range(100000) %}{{ [i] * 100 }}{% endfor %}"
        with pytest.raises(TemplateError, match="used more than"):
            edureport.build(data(tmp_path), tmp_path / "o.docx", template=template(tmp_path, grow))

    @pytest.mark.filterwarnings("ignore::edureport.UnusedDataWarning")
    def test_ordinary_template_features_still_work(self, tmp_path: Path) -> None:
        tags = (
            "{% for i in range(3) %}{{ i * 2 }}{% endfor %}",
            "{{ notice.title|replace('标', '目') }}",
            "{{ ['a', 'b']|join('、') }}{{ 'x' ~ 'y' }}",
            "{{ (2 ** 10)|string|center(8) }}",
        )
        out = edureport.build(
            data(tmp_path), tmp_path / "o.docx", template=template(tmp_path, *tags)
        )
        assert docx_lines(out) == ["承教发〔2021〕1号", "024", "目题", "a、bxy", "1024"]


def cli(*args: str, cwd: Path) -> tuple[int, str, str]:
    done = subprocess.run(
        [sys.executable, "-m", "edureport", *args], cwd=cwd, capture_output=True, text=True
    )
    return done.returncode, done.stdout, done.stderr


class TestOutputNames:
    """4. Names made from the data are safe on Windows, stay in the folder, and keep the Chinese."""

    @pytest.mark.parametrize(
        ("agency", "name"),
        [
            ("承教发", "承教发〔2021〕1号.docx"),
            ("../x", "_.._x〔2021〕1号.docx"),
            ("a:b?", "a_b_〔2021〕1号.docx"),
            ('<>"|*\\', "______〔2021〕1号.docx"),
            ("..", "_..〔2021〕1号.docx"),
        ],
    )
    def test_default_output_name(self, tmp_path: Path, agency: str, name: str) -> None:
        source = data(tmp_path, NOTICE.replace("agency: 承教发", f"agency: '{agency}'"))
        work = tmp_path / "work"
        work.mkdir()
        code, out, err = cli("build", str(source), cwd=work)
        assert code == 0, err
        assert [p.name for p in work.iterdir()] == [name]
        assert out.strip() == f"wrote {name}"

    def test_long_names_are_cut_to_fit(self, tmp_path: Path) -> None:
        from edureport.names import MAX_BYTES

        source = data(tmp_path, NOTICE.replace("agency: 承教发", f"agency: {'教' * 100}"))
        work = tmp_path / "work"
        work.mkdir()
        code, _, err = cli("build", str(source), cwd=work)
        assert code == 0, err
        (written,) = work.iterdir()
        assert written.name.startswith("教" * 60) and written.suffix == ".docx"
        assert len(written.stem.encode()) <= MAX_BYTES

    def test_name_too_long_given_with_o(self, tmp_path: Path) -> None:
        code, _, err = cli("build", str(data(tmp_path)), "-o", "长" * 100 + ".docx", cwd=tmp_path)
        assert code == 1
        assert "file name is too long" in err and "Traceback" not in err


class TestOutputProblems:
    """7 (outputs). A folder that is missing or read-only, or a full disk, is an error, not a
    traceback, and leaves nothing behind."""

    def test_missing_folder(self, tmp_path: Path) -> None:
        code, _, err = cli("build", str(data(tmp_path)), "-o", "no/such/o.docx", cwd=tmp_path)
        assert code == 1 and "output folder does not exist" in err and "Traceback" not in err

    @pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root")
    def test_read_only_folder(self, tmp_path: Path) -> None:
        folder = tmp_path / "ro"
        folder.mkdir()
        folder.chmod(0o500)
        try:
            code, _, err = cli("build", str(data(tmp_path)), "-o", "ro/o.docx", cwd=tmp_path)
        finally:
            folder.chmod(0o700)
        assert code == 1 and "read-only" in err and "Traceback" not in err

    def test_read_only_folder_as_root_too(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        # root can write anywhere, so the refusal is simulated where the file is created.
        real_open = os.open

        def refuse(path: str, *args: object, **kw: object) -> int:
            if str(path).endswith(".tmp"):
                raise OSError(errno.EROFS, "Read-only file system", str(path))
            return real_open(path, *args, **kw)  # type: ignore[arg-type]

        source = data(tmp_path)
        before = set(tmp_path.iterdir())
        monkeypatch.setattr(os, "open", refuse)
        with pytest.raises(OutputError, match="read-only"):
            edureport.build(source, tmp_path / "o.docx")
        monkeypatch.undo()
        unchanged(tmp_path, before)

    def test_full_disk(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        from docxtpl import DocxTemplate

        def full(self: object, path: str, *args: object, **kw: object) -> None:
            Path(path).write_bytes(b"PK partial")
            raise OSError(errno.ENOSPC, "No space left on device")

        source = data(tmp_path)
        (tmp_path / "o.docx").write_bytes(b"precious")
        before = set(tmp_path.iterdir())
        monkeypatch.setattr(DocxTemplate, "save", full)
        with pytest.raises(OutputError, match="disk is full"):
            edureport.build(source, tmp_path / "o.docx", force=True)
        unchanged(tmp_path, before)
        assert (tmp_path / "o.docx").read_bytes() == b"precious"


class TestLeftovers:
    """9. A killed build's temporary file is removed by the next run; a draft folder is written
    all or nothing."""

    def test_killed_build_leaves_nothing_for_long(self, tmp_path: Path) -> None:
        source, out = data(tmp_path), tmp_path / "o.docx"
        # A build killed while writing: its process is gone, its temporary file is left.
        script = (
            "import os, edureport, docxtpl\n"
            "def die(self, path, *a, **k):\n"
            "    open(path, 'wb').write(b'PK half')\n"
            "    os._exit(9)\n"
            "docxtpl.DocxTemplate.save = die\n"
            f"edureport.build({str(source)!r}, {str(out)!r})\n"
        )
        killed = subprocess.run([sys.executable, "-c", script], capture_output=True)
        assert killed.returncode == 9
        left = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        assert len(left) == 1 and not out.exists()
        # A running build's temporary file (this process's) is not touched.
        mine = tmp_path / f".o.docx.{os.getpid()}-0123abcd.tmp"
        mine.write_bytes(b"in progress")
        edureport.build(source, out)
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
            ["document.yaml", "o.docx", mine.name]
        )

    def test_draft_force_writes_all_or_nothing(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from conftest import EXAMPLES

        import edureport.drafter

        draft_module = sys.modules["edureport.drafter"]

        folder = tmp_path / "2022"
        folder.mkdir()
        (folder / "document.yaml").write_text("# mine", encoding="utf-8")
        (folder / "results.xlsx").write_bytes(b"mine too")
        drafts = edureport.draft(EXAMPLES / "chengde-2021", year=2022)

        def broken(path: Path, *args: object) -> None:
            Path(path).write_bytes(b"half")
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(draft_module, "write_workbook", broken)
        with pytest.raises(OutputError):
            drafts.write(folder, force=True)
        assert (folder / "document.yaml").read_text(encoding="utf-8") == "# mine"
        assert (folder / "results.xlsx").read_bytes() == b"mine too"
        assert sorted(p.name for p in folder.iterdir()) == ["document.yaml", "results.xlsx"]
        monkeypatch.undo()
        drafts.write(folder, force=True)
        assert edureport.load(folder).plan is not None


def test_nothing_is_overwritten_without_force_by_any_writer(tmp_path: Path) -> None:
    out = tmp_path / "o.docx"
    out.write_bytes(b"precious")
    with pytest.raises(OutputExistsError):
        edureport.build(data(tmp_path), out)
    assert out.read_bytes() == b"precious"


class TestYamlLimits:
    """2. A huge file and an alias bomb are refused quickly, naming the file (and the line)."""

    def test_alias_bomb(self, tmp_path: Path) -> None:
        # Each level holds ten of the one below: 10**8 sections from a file of under 1 KB.
        lines = ["summary:", "  title: t", "  sections:", "    - &s0 {title: x}"]
        for level in range(1, 9):
            refs = ", ".join([f"*s{level - 1}"] * 10)
            lines.append(f"    - &s{level} {{title: x, subsections: [{refs}]}}")
        path = data(tmp_path, "\n".join(lines) + "\n")
        assert path.stat().st_size < 1024
        with pytest.raises(DataError, match="expands to more than 50,000 values") as info:
            edureport.load(path)
        assert info.value.location.file == path and info.value.location.line is not None

    def test_alias_inside_its_own_anchor(self, tmp_path: Path) -> None:
        path = data(
            tmp_path, "summary:\n  title: t\n  sections: &s [{title: x, subsections: *s}]\n"
        )
        with pytest.raises(DataError, match="inside its own anchor") as info:
            edureport.load(path)
        assert info.value.location.line == 3

    def test_aliases_within_the_limit_still_work(self, tmp_path: Path) -> None:
        text = NOTICE + "  cc: &organs [甲局, 乙局]\n  signature: *organs\n"
        document = edureport.load(data(tmp_path, text))
        assert document.notice is not None
        assert document.notice.signature == document.notice.cc == ["甲局", "乙局"]

    def test_huge_file(self, tmp_path: Path) -> None:
        path = data(tmp_path, NOTICE + "# " + "x" * (17 * 1024 * 1024) + "\n")
        with pytest.raises(DataError, match="the file is 17 MB; document data is at most 16 MB"):
            edureport.load(path)

    def test_deep_nesting(self, tmp_path: Path) -> None:
        path = data(tmp_path, "notice: " + "[" * 100_000 + "]" * 100_000 + "\n")
        with pytest.raises(DataError) as info:
            edureport.load(path)
        assert info.value.location.file == path


def _seed() -> edureport.Document:
    from conftest import EXAMPLES

    return edureport.load(EXAMPLES / "chengde-2021")


def _step(target: object, name: str) -> object:
    if name.endswith("]"):
        name, index = name[:-1].split("[")
        return getattr(target, name)[int(index)]
    return getattr(target, name)


def _get(document: edureport.Document, path: str) -> object:
    target: object = document
    for name in path.split("."):
        target = _step(target, name)
    return target


def _set(document: edureport.Document, path: str, value: object) -> None:
    parent, _, last = path.rpartition(".")
    target = _get(document, parent)
    if last.endswith("]"):
        name, index = last[:-1].split("[")
        getattr(target, name)[int(index)] = value
    else:
        setattr(target, last, value)


class TestEveryValueIsChecked:
    """3. Values set through the Python API are checked at build time like the YAML's, with the
    field named; issue 12's misuses are refused or, where natural, taken as the YAML takes them."""

    @pytest.mark.parametrize(
        ("field", "value", "message"),
        [
            ("notice.body[0]", "x\ud800y", "lone surrogate U+D800"),
            ("notice.body[0]", "a\x0bb", "control character U+000B"),
            ("notice.body[0]", "a\x0cb", "control character U+000C"),
            ("notice.body[0]", "a\x07b", "control character U+0007"),
            ("notice.body[0]", "a\x00b", "control character U+0000"),
            ("notice.body[0]", "a\r\nb", "carriage return"),
            ("notice.body[0]", "a\rb", "carriage return"),
            ("notice.body", ("a", "b"), "expected a list of text, got a list"),
            ("notice.body[0]", 7, "expected text, got the number 7"),
            ("notice.code.serial", "一", "expected a whole number, got text “一”"),
            ("notice.code.serial", True, "expected a whole number, got true"),
            ("notice.code.year", 2021.0, "expected a whole number, got the number 2021.0"),
            ("notice.mark_word", True, "expected text, got true"),
            ("notice.date", "2021年4月6日", "expected a date like 2021-04-06, got text"),
            ("notice.prints", ["notice"], "expected one of summary, plan"),
            (
                "notice.code",
                "承教发〔2021〕1号",
                "expected a mapping with the fields of DocumentCode",
            ),
            ("plan.sections[2].items[3].departments", {"秘书科": 1}, "expected a list of text"),
            ("plan.sections[2].items[3].labels", {"goal": 1}, "expected text, got the number 1"),
            ("summary.sections[0].run_in", "yes", "expected true or false"),
            ("summary.sections[0].paragraphs[0]", None, "expected text or a mapping"),
        ],
    )
    def test_misuse_is_refused_naming_the_field(
        self, tmp_path: Path, field: str, value: object, message: str
    ) -> None:
        document = _seed()
        _set(document, field, value)
        with pytest.raises(DataError, match=re.escape(message)) as info:
            document.build(tmp_path / "o.docx")
        where = info.value.location.field
        assert where is not None and where.startswith(field.split(".labels")[0])
        assert not (tmp_path / "o.docx").exists()

    @pytest.mark.parametrize(
        ("field", "value", "stored", "printed"),
        [
            (
                "notice.title",
                "关于印发工作要点的通知",
                ["关于印发工作要点的通知"],
                "关于印发工作要点的通知",
            ),
            ("notice.date", "2021-04-06", __import__("datetime").date(2021, 4, 6), "2021年4月6日"),
            ("plan.sections[0].items[0].departments", "办公室", ["办公室"], "责任科室：办公室"),
        ],
    )
    def test_natural_shorthands_are_taken(
        self, tmp_path: Path, field: str, value: object, stored: object, printed: str
    ) -> None:
        document = _seed()
        _set(document, field, value)
        out = document.build(tmp_path / "o.docx")
        assert printed in docx_lines(out)
        assert _get(document, field) == stored

    def test_five_heading_levels(self, tmp_path: Path) -> None:
        from edureport.model import Section

        document = _seed()
        assert document.summary is not None
        deep = document.summary.sections[0]
        for _ in range(4):
            deep.subsections = [Section(title="下一级")]
            deep = deep.subsections[0]
        with pytest.raises(DataError, match="four levels deep") as info:
            document.build(tmp_path / "o.docx")
        assert info.value.location.field == "summary.sections[0]" + ".subsections[0]" * 4

    def test_a_hundred_sections(self, tmp_path: Path) -> None:
        text = "summary:\n  title: t\n  sections:\n" + "    - title: x\n" * 100
        with pytest.raises(DataError, match="from 1 to 99, got 100") as info:
            edureport.build(data(tmp_path, text), tmp_path / "o.docx")
        assert info.value.location.field == "summary.sections[99]"

    def test_cli_reports_it_as_an_error(self, tmp_path: Path) -> None:
        text = "summary:\n  title: t\n  sections:\n" + "    - title: x\n" * 100
        code, _, err = cli("build", str(data(tmp_path, text)), "-o", "o.docx", cwd=tmp_path)
        assert code == 1 and "summary.sections[99]" in err and "Traceback" not in err


def rewrite_zip(source: Path, target: Path, changes: dict[str, bytes | None]) -> Path:
    """A copy of a package with some parts replaced (or, for None, left out)."""
    import zipfile

    with (
        zipfile.ZipFile(source) as original,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for info in original.infolist():
            if info.filename in changes:
                continue
            out.writestr(info, original.read(info.filename))
        for name, data_ in changes.items():
            if data_ is not None:
                out.writestr(name, data_)
    return target


RELS = "word/_rels/document.xml.rels"
REMOTE_IMAGE = (
    b'<Relationship Id="rIdRemote" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/image" Target="http://example.com/track.png" TargetMode="External"/>'
)


def with_remote_image(tmp_path: Path, source: Path) -> Path:
    import zipfile

    with zipfile.ZipFile(source) as zf:
        rels = zf.read(RELS)
    rels = rels.replace(b"</Relationships>", REMOTE_IMAGE + b"</Relationships>")
    return rewrite_zip(source, tmp_path / "remote.docx", {RELS: rels})


class TestOutsideReferences:
    """5. A template that refers to files outside it is refused unless allowed; check reports
    outside references in any document."""

    def test_build_refuses_then_allows(self, tmp_path: Path) -> None:
        from edureport.templates import default_template

        letterhead = with_remote_image(tmp_path, default_template())
        source = data(tmp_path)
        with pytest.raises(TemplateError, match=re.escape("http://example.com/track.png")) as info:
            edureport.build(source, tmp_path / "o.docx", template=letterhead)
        assert "allow_external=True" in str(info.value)
        assert not (tmp_path / "o.docx").exists()
        out = edureport.build(source, tmp_path / "o.docx", template=letterhead, allow_external=True)
        assert "承教发〔2021〕1号" in docx_lines(out)
        code, _, err = cli(
            "build",
            str(source),
            "-o",
            "p.docx",
            "--template",
            str(letterhead),
            "--allow-external",
            cwd=tmp_path,
        )
        assert code == 0, err
        code, _, err = cli(
            "build", str(source), "-o", "q.docx", "--template", str(letterhead), cwd=tmp_path
        )
        assert code == 1 and "use --allow-external" in err

    def test_check_reports_them(self, tmp_path: Path, seed_docx: Path) -> None:
        clean = [f.rule for f in edureport.check(seed_docx)]
        assert "L501" not in clean
        remote = with_remote_image(tmp_path, seed_docx)
        findings = [f for f in edureport.check(remote) if f.rule == "L501"]
        assert len(findings) == 1
        assert "http://example.com/track.png" in findings[0].message

    def test_hyperlinks_are_not_outside_references(self, tmp_path: Path) -> None:
        document = docx.Document()
        document.add_paragraph("{{ notice.code }}")
        document.part.relate_to(
            "https://example.com/", docx.opc.constants.RELATIONSHIP_TYPE.HYPERLINK, is_external=True
        )
        path = tmp_path / "links.docx"
        document.save(str(path))
        with pytest.warns(edureport.UnusedDataWarning):
            edureport.build(data(tmp_path), tmp_path / "o.docx", template=path)


def _sheet(path: Path, rows: list[list[tuple[object, str]]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "数据"
    for r, row in enumerate(rows, start=1):
        for c, (value, number_format) in enumerate(row, start=1):
            cell = sheet.cell(r, c, value)
            cell.number_format = number_format
    book.save(path)
    return path


def _summary_with_table(tmp_path: Path, table: str) -> Path:
    text = "summary:\n  title: 总结\n  preface:\n    - table:\n" + "".join(
        f"        {line}\n" for line in table.strip().splitlines()
    )
    return data(tmp_path, text)


def _cells(out: Path) -> list[list[str]]:
    from conftest import NS, W, part

    body = part(out, "word/document.xml")
    return [
        ["".join(t.text or "" for t in tc.iter(f"{W}t")) for tc in tr.findall("w:tc", NS)]
        for tr in body.iter(f"{W}tr")
    ]


def with_shared_string(path: Path, ref: str, text: str) -> Path:
    """The workbook with cell ``ref`` (written as the inline text MARK) a shared string, as Excel
    writes text."""
    import zipfile

    with zipfile.ZipFile(path) as zf:
        sheet = zf.read("xl/worksheets/sheet1.xml").decode()
        types = zf.read("[Content_Types].xml").decode()
        rels = zf.read("xl/_rels/workbook.xml.rels").decode()
    sheet = sheet.replace(
        f'<c r="{ref}" t="inlineStr"><is><t>MARK</t></is></c>', f'<c r="{ref}" t="s"><v>0</v></c>'
    )
    main = "http://schemas.openxmlformats.org"
    sst = f'<sst xmlns="{main}/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>{text}</t></si></sst>'
    types = types.replace(
        "</Types>",
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    rels = rels.replace(
        "</Relationships>",
        f'<Relationship Id="rIdS" Type="{main}/officeDocument/2006/relationships/sharedStrings" '
        'Target="sharedStrings.xml"/></Relationships>',
    )
    changed = {
        "xl/worksheets/sheet1.xml": sheet.encode(),
        "[Content_Types].xml": types.encode(),
        "xl/_rels/workbook.xml.rels": rels.encode(),
        "xl/sharedStrings.xml": sst.encode(),
    }
    copy = rewrite_zip(path, path.with_name("tmp-" + path.name), changed)
    copy.replace(path)
    return path


class TestTableValues:
    """6. Tables show cells as written (YAML) or as Excel shows them (.xlsx); what cannot be shown
    is refused naming the cell or row."""

    def test_yaml_rows_keep_numbers_as_written(self, tmp_path: Path) -> None:
        source = _summary_with_table(
            tmp_path,
            "columns: [{name: 编号}, {name: 数量}, {name: 名称}, {name: 比例}]\n"
            "rows: [[007, 1_000, 甲, 1.50], [7, 1000, 乙, 1.5]]",
        )
        out = edureport.build(source, tmp_path / "o.docx")
        assert _cells(out)[1:] == [["007", "1_000", "甲", "1.50"], ["7", "1000", "乙", "1.5"]]

    @pytest.mark.parametrize(("row", "cells"), [("[a, b, c]", "3 cells"), ("[a]", "1 cell")])
    def test_rows_that_do_not_fit_the_columns(self, tmp_path: Path, row: str, cells: str) -> None:
        source = _summary_with_table(
            tmp_path, f"columns: [{{name: 甲}}, {{name: 乙}}]\nrows: [[x, y], {row}]"
        )
        with pytest.raises(DataError, match=f"the row has {cells} but the table has 2") as info:
            edureport.load(source)
        assert info.value.location.field == "summary.preface[0].table.rows[1]"
        assert info.value.location.line == 6
        # The same rows set in Python are refused when built.
        document = edureport.load(
            _summary_with_table(tmp_path, "columns: [{name: 甲}, {name: 乙}]")
        )
        assert document.summary is not None
        table = document.summary.preface[0]
        assert isinstance(table, edureport.Table)
        table.rows = [["x", "y"], ["a", "b", "c"][: int(cells[0])]]
        with pytest.raises(DataError, match=f"the row has {cells} but") as info:
            document.build(tmp_path / "o.docx")
        assert info.value.location.field == "summary.preface[0].table.rows[1]"

    def test_xlsx_cells_as_excel_shows_them(self, tmp_path: Path) -> None:
        import datetime as dt

        _sheet(
            tmp_path / "d.xlsx",
            [
                [
                    ("编号", "General"),
                    ("比例", "General"),
                    ("金额", "General"),
                    ("日期", "General"),
                ],
                [
                    (7, "000"),
                    (0.5, "0%"),
                    (1234.5, "#,##0.00"),
                    (dt.datetime(2021, 4, 6), 'yyyy"年"m"月"d"日"'),
                ],
                [
                    (12, '0"人"'),
                    (0.0319, "0.0%"),
                    (3, "0.00"),
                    (dt.datetime(2021, 4, 6), "yyyy-mm-dd"),
                ],
            ],
        )
        source = _summary_with_table(tmp_path, "source: d.xlsx")
        out = edureport.build(source, tmp_path / "o.docx")
        assert _cells(out)[1:] == [
            ["007", "50%", "1,234.50", "2021年4月6日"],
            ["12人", "3.2%", "3.00", "2021-04-06"],
        ]

    def test_uncached_formula_is_refused_naming_the_cell(self, tmp_path: Path) -> None:
        _sheet(
            tmp_path / "d.xlsx",
            [[("a", "General"), ("b", "General")], [(1, "General"), ("=A2*2", "General")]],
        )
        with pytest.raises(DataError, match="formula whose result was never saved") as info:
            edureport.load(_summary_with_table(tmp_path, "source: d.xlsx"))
        assert info.value.location.file == tmp_path / "d.xlsx"
        assert info.value.location.cell == "B2"

    def test_a_format_that_cannot_be_shown_is_refused(self, tmp_path: Path) -> None:
        _sheet(tmp_path / "d.xlsx", [[("a", "General")], [(0.5, "# ?/?")]])
        with pytest.raises(DataError, match="number format") as info:
            edureport.load(_summary_with_table(tmp_path, "source: d.xlsx"))
        assert info.value.location.cell == "A2"

    @pytest.mark.parametrize("bad", ["a\x0bb", "a\x07b", "a\x0cb"])
    def test_control_characters_in_cells_name_the_cell(self, tmp_path: Path, bad: str) -> None:
        # Excel keeps a control character in a cell as _x000B_ in its shared strings.
        escaped = "".join(f"_x{ord(ch):04X}_" if ch < " " else ch for ch in bad)
        with_shared_string(
            _sheet(
                tmp_path / "d.xlsx",
                [[("a", "General")], [("ok", "General")], [("MARK", "General")]],
            ),
            "A3",
            escaped,
        )
        with pytest.raises(DataError, match="control character") as info:
            edureport.load(_summary_with_table(tmp_path, "source: d.xlsx"))
        assert (info.value.location.file, info.value.location.cell) == (tmp_path / "d.xlsx", "A3")
        (tmp_path / "d.csv").write_text(f'a\nok\n"{bad}"\n', encoding="utf-8")
        with pytest.raises(DataError, match="control character") as info:
            edureport.load(_summary_with_table(tmp_path, "source: d.csv"))
        assert (info.value.location.file, info.value.location.cell) == (tmp_path / "d.csv", "A3")

    def test_line_breaks_in_cells_are_line_breaks(self, tmp_path: Path) -> None:
        (tmp_path / "d.csv").write_bytes('a\n"第一行\r\n第二行"\n'.encode())
        out = edureport.build(_summary_with_table(tmp_path, "source: d.csv"), tmp_path / "o.docx")
        from conftest import NS, W, part

        cell = next(part(out, "word/document.xml").iter(f"{W}tr")).getnext()
        assert cell is not None
        assert len(cell.findall(".//w:br", NS)) == 1
        assert "\r" not in "".join(t.text or "" for t in cell.iter(f"{W}t"))


def damaged_deflate(source: Path, target: Path, member: str) -> Path:
    """A copy of ``source`` whose ``member`` has a corrupted deflate stream (sizes unchanged)."""
    import zipfile

    raw = bytearray(source.read_bytes())
    with zipfile.ZipFile(source) as zf:
        info = zf.getinfo(member)
    # The local header is 30 bytes plus the name and extra field; the data follows.
    name_len = int.from_bytes(raw[info.header_offset + 26 : info.header_offset + 28], "little")
    extra_len = int.from_bytes(raw[info.header_offset + 28 : info.header_offset + 30], "little")
    start = info.header_offset + 30 + name_len + extra_len
    for k in range(start + 2, start + min(info.compress_size, 40)):
        raw[k] = 0xFF
    target.write_bytes(bytes(raw))
    return target


def bomb(source: Path, target: Path, member: str) -> Path:
    """A copy of ``source`` with a part that inflates to 300 MB from a few hundred KB."""
    import zipfile

    with (
        zipfile.ZipFile(source) as original,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for info in original.infolist():
            out.writestr(info, original.read(info.filename))
        with out.open(member, "w", force_zip64=True) as fh:
            block = b"\0" * (1024 * 1024)
            for _ in range(300):
                fh.write(block)
    return target


DOCTYPE = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]><x>&a;</x>'


class TestTracebacksBecomeErrors:
    """7. Damaged and hostile files are clear errors with the right exit code (check: 2)."""

    def test_damaged_deflate_stream(self, tmp_path: Path, seed_docx: Path) -> None:
        broken = damaged_deflate(seed_docx, tmp_path / "broken.docx", "word/document.xml")
        for command in (["check"], ["parse"]):
            code, _, err = cli(*command, str(broken), cwd=tmp_path)
            assert code == (2 if command == ["check"] else 1), err
            assert "damaged" in err and "Traceback" not in err
        with pytest.raises(TemplateError, match="damaged"):
            edureport.build(data(tmp_path), tmp_path / "o.docx", template=broken)

    def test_doctype_in_a_template_part(self, tmp_path: Path) -> None:
        from edureport.templates import default_template

        hostile = rewrite_zip(
            default_template(), tmp_path / "t.docx", {"word/settings.xml": DOCTYPE}
        )
        with pytest.raises(TemplateError, match="DOCTYPE"):
            edureport.build(data(tmp_path), tmp_path / "o.docx", template=hostile)

    def test_doctype_in_a_workbook_part(self, tmp_path: Path) -> None:
        book = _sheet(tmp_path / "d.xlsx", [[("a", "General")], [(1, "General")]])
        rewrite_zip(book, tmp_path / "e.xlsx", {"xl/styles.xml": DOCTYPE})
        with pytest.raises(InputError, match="DOCTYPE") as info:
            edureport.load(_summary_with_table(tmp_path, "source: e.xlsx"))
        assert info.value.location.file == tmp_path / "e.xlsx"

    def test_check_exit_code_for_an_unreadable_file(self, tmp_path: Path) -> None:
        fake = tmp_path / "x.docx"
        fake.write_bytes(b"PK\x03\x04 not really")
        code, _, err = cli("check", str(fake), cwd=tmp_path)
        assert code == 2 and "Traceback" not in err


class TestEveryInputHasLimits:
    """8. One reader with limits serves every .docx/.xlsx input: templates, table sources and
    --results too, not only parse and check."""

    def test_template_zip_bomb(self, tmp_path: Path) -> None:
        from edureport.templates import default_template

        hostile = bomb(default_template(), tmp_path / "t.docx", "word/media/huge.png")
        assert hostile.stat().st_size < 2 * 1024 * 1024
        with pytest.raises(TemplateError, match="zip bomb"):
            edureport.build(data(tmp_path), tmp_path / "o.docx", template=hostile)
        assert not (tmp_path / "o.docx").exists()

    def test_table_source_zip_bomb(self, tmp_path: Path) -> None:
        book = _sheet(tmp_path / "d.xlsx", [[("a", "General")], [(1, "General")]])
        bomb(book, tmp_path / "e.xlsx", "xl/media/huge.png")
        with pytest.raises(InputError, match="zip bomb"):
            edureport.load(_summary_with_table(tmp_path, "source: e.xlsx"))

    def test_results_zip_bomb(self, tmp_path: Path) -> None:
        from conftest import EXAMPLES

        drafts = edureport.draft(EXAMPLES / "chengde-2021", year=2022)
        drafts.write(tmp_path / "d")
        hostile = bomb(tmp_path / "d" / "results.xlsx", tmp_path / "filled.xlsx", "xl/media/x.png")
        with pytest.raises(InputError, match="zip bomb"):
            edureport.merge_results(drafts, hostile)
        code, _, err = cli(
            "draft",
            str(EXAMPLES / "chengde-2021"),
            "-o",
            "n",
            "--results",
            str(hostile),
            cwd=tmp_path,
        )
        assert code == 1 and "zip bomb" in err and not (tmp_path / "n").exists()

    def test_parse_and_rows_workbook_zip_bomb(self, tmp_path: Path) -> None:
        from edureport.rows import read_rows

        book = _sheet(tmp_path / "d.xlsx", [[("学校", "General")], [("一中", "General")]])
        hostile = bomb(book, tmp_path / "e.xlsx", "xl/media/huge.png")
        with pytest.raises(InputError, match="zip bomb"):
            edureport.parse(hostile)
        with pytest.raises(InputError, match="zip bomb"):
            read_rows(hostile)

    def test_parse_and_check_zip_bomb(self, tmp_path: Path, seed_docx: Path) -> None:
        hostile = bomb(seed_docx, tmp_path / "b.docx", "word/media/huge.png")
        with pytest.raises(InputError, match="zip bomb"):
            edureport.parse(hostile)
        code, _, err = cli("check", str(hostile), cwd=tmp_path)
        assert code == 2 and "zip bomb" in err


class TestUnusedData:
    """10. Data the template never uses is a warning (the build succeeds), on stderr in the CLI."""

    def test_missing_body_tag_warns(self, tmp_path: Path) -> None:
        letterhead = template(tmp_path, "{{ notice.title }}", "{{ notice.date }}")
        with pytest.warns(edureport.UnusedDataWarning, match=r"notice\.body \(正文\)") as caught:
            edureport.build(data(tmp_path), tmp_path / "o.docx", template=letterhead)
        (warning,) = caught
        assert str(letterhead) in str(warning.message)
        assert "notice.title" not in str(warning.message)
        code, _out, err = cli(
            "build",
            str(data(tmp_path)),
            "-o",
            "p.docx",
            "--template",
            str(letterhead),
            cwd=tmp_path,
        )
        assert code == 0 and "edureport: warning:" in err and "notice.body (正文)" in err
        assert (tmp_path / "p.docx").exists()

    def test_a_printed_document_never_used(self, tmp_path: Path) -> None:
        text = NOTICE + "summary:\n  title: 2020年工作总结\n  preface: [前言]\n"
        letterhead = template(
            tmp_path,
            "{{ notice.title }}{{ notice.date }}{{ notice.organs|length }}{{ notice.body }}"
            "{{ notice.signature }}",
        )
        with pytest.warns(edureport.UnusedDataWarning, match="the text of “2020年工作总结”"):
            edureport.build(data(tmp_path, text), tmp_path / "o.docx", template=letterhead)

    def test_the_bundled_template_uses_everything(self, tmp_path: Path) -> None:
        import warnings

        from conftest import EXAMPLES

        with warnings.catch_warnings():
            warnings.simplefilter("error")
            edureport.build(EXAMPLES / "chengde-2021", tmp_path / "a.docx")
            edureport.build(EXAMPLES / "school-2023", tmp_path / "b.docx")
