"""Peak memory and time of hostile inputs, side by side with a normal build, in one run.

    python benchmarks/bench_limits.py [--rounds 3]

Each case runs in a fresh process (so that its peak resident memory is its own; making the hostile
file is not timed and streams, so it adds little to the peak): a normal build
of examples/chengde-2021 is the baseline, then templates, YAML and packages made to exhaust time
or memory (issue 11). Every hostile case must end in a clear refusal, in a time and memory close
to the normal build's; the ratios are printed beside each figure.
"""

from __future__ import annotations

import argparse
import io
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import edureport  # noqa: E402
from edureport.templates import default_template  # noqa: E402

EXAMPLE = ROOT / "examples" / "chengde-2021"
NOTICE = """\
notice:
  organs: [承德市教育局]
  code: {agency: 承教发, year: 2021, serial: 1}
  title: 标题
  date: 2021-04-06
  body: [正文]
"""


def _template(folder: Path, tag: str) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("{{ notice.code }}")
    document.add_paragraph(tag)
    path = folder / "letterhead.docx"
    document.save(str(path))
    return path


def _data(folder: Path, text: str = NOTICE) -> Path:
    path = folder / "document.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _with_bomb(source: Path, target: Path, member: str, megabytes: int) -> Path:
    with (
        zipfile.ZipFile(source) as original,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for info in original.infolist():
            out.writestr(info, original.read(info.filename))
        with out.open(member, "w", force_zip64=True) as fh:
            block = b"\0" * (1024 * 1024)
            for _ in range(megabytes):
                fh.write(block)
    return target


Run = Callable[[], object]


def _template_case(tag: str) -> Callable[[Path], Run]:
    def setup(folder: Path) -> Run:
        source, template = _data(folder), _template(folder, tag)
        return lambda: edureport.build(source, folder / "o.docx", template=template)

    return setup


def _normal(folder: Path) -> Run:
    return lambda: edureport.build(EXAMPLE, folder / "o.docx")


def _alias_bomb(folder: Path) -> Run:
    lines = ["summary:", "  title: t", "  sections:", "    - &s0 {title: x}"]
    for level in range(1, 9):
        refs = ", ".join([f"*s{level - 1}"] * 10)
        lines.append(f"    - &s{level} {{title: x, subsections: [{refs}]}}")
    source = _data(folder, "\n".join(lines) + "\n")
    return lambda: edureport.build(source, folder / "o.docx")


def _huge_yaml(folder: Path) -> Run:
    path = _data(folder)
    with path.open("a", encoding="utf-8") as fh:
        line = "# " + "x" * 1000 + "\n"
        for _ in range(300 * 1024 * 1024 // len(line)):
            fh.write(line)
    return lambda: edureport.build(path, folder / "o.docx")


def _template_bomb(folder: Path) -> Run:
    template = _with_bomb(default_template(), folder / "t.docx", "word/media/huge.png", 1500)
    source = _data(folder)
    return lambda: edureport.build(source, folder / "o.docx", template=template)


def _sheet_bomb(folder: Path) -> Run:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["a"])
    book.active.append([1])
    buffer = io.BytesIO()
    book.save(buffer)
    (folder / "plain.xlsx").write_bytes(buffer.getvalue())
    _with_bomb(folder / "plain.xlsx", folder / "d.xlsx", "xl/media/huge.png", 1500)
    text = "summary:\n  title: t\n  preface:\n    - table: {source: d.xlsx}\n"
    source = _data(folder, text)
    return lambda: edureport.build(source, folder / "o.docx")


CASES: dict[str, Callable[[Path], Run]] = {
    "normal build (chengde-2021)": _normal,
    "template {{ 'x' * 10**9 }}": _template_case("{{ 'x' * 10**9 }}"),
    "template nested range(100000) loops": _template_case(
        "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}"
    ),
    "template macro output in nested loops": _template_case(
        "{% macro m() %}{% for i in range(100000) %}{% for j in range(100000) %}xxxxxxxxxx"
        "{% endfor %}{% endfor %}{% endmacro %}{{ m() }}"
    ),
    "template ~ doubling a text 60 times": _template_case(
        "{% set ns = namespace(s='xx') %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}"
        "{% endfor %}{{ ns.s|length }}"
    ),
    "template '{:>999999999}'.format(1)": _template_case("{{ '{:>999999999}'.format(1) }}"),
    "template range(10**9)": _template_case("{{ range(10**9)|list }}"),
    "template recursive macro": _template_case(
        "{% macro m(n) %}{{ m(n + 1) }}{% endmacro %}{{ m(1) }}"
    ),
    "YAML alias bomb (under 1 KB, 10**8 sections)": _alias_bomb,
    "YAML of 300 MB": _huge_yaml,
    "template declaring a 1.5 GB image": _template_bomb,
    "table .xlsx declaring a 1.5 GB image": _sheet_bomb,
}


def _child(name: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        run = CASES[name](folder)  # making the hostile file is not timed
        start = time.perf_counter()
        try:
            run()
            outcome = "built"
        except edureport.EdureportError as exc:
            outcome = f"{type(exc).__name__}: {exc.message}"
        spent = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux
    print(f"{spent}\t{peak}\t{outcome}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child)
        return
    results: dict[str, tuple[list[float], list[float], str]] = {n: ([], [], "") for n in CASES}
    for _ in range(args.rounds):  # rounds alternate the cases, so a busy machine slows all alike
        for name in CASES:
            child = subprocess.run(
                [sys.executable, __file__, "--child", name],
                check=True,
                capture_output=True,
                text=True,
                timeout=600,
            )
            spent, peak, outcome = child.stdout.strip().split("\t", 2)
            times, peaks, _ = results[name]
            times.append(float(spent))
            peaks.append(float(peak))
            results[name] = (times, peaks, outcome)
    base_time = statistics.median(results["normal build (chengde-2021)"][0])
    base_peak = max(results["normal build (chengde-2021)"][1])
    print(f"{'case':46} {'seconds':>8} {'×build':>7} {'peak MB':>8} {'×build':>7}  outcome")
    for name, (times, peaks, outcome) in results.items():
        t, p = statistics.median(times), max(peaks)
        print(
            f"{name:46} {t:8.3f} {t / base_time:7.2f} {p:8.0f} {p / base_peak:7.2f}  {outcome[:90]}"
        )


if __name__ == "__main__":
    main()
