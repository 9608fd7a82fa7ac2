"""Build speed and memory beside a bare docxtpl render and a raw lxml writer (the floor).

    python benchmarks/bench_build.py [--rounds 15] [--no-cold]

Four runs alternate round by round, each writing a .docx of the example's paragraphs:

- edureport's whole build: load the YAML, compose, render into the letterhead, write the .docx;
- bare docxtpl: the same paragraph texts rendered with docxtpl into python-docx's default template,
  what a hand-written script would do, without the GB/T 9704 layout;
- the floor: the same paragraphs (text and paragraph style) written straight into document.xml with
  lxml, every other part of the letterhead copied: the least any writer of this file has to do;
- and, for comparison, the whole build as it was before issue 15 (benchmarks/baseline.py).

Before timing, the script checks that the build's output is unchanged by preparing templates once
(every part byte for byte against a build with docxtpl's own per-render preparation), and says
whether it is also the same as the build before issue 15 (benchmarks/baseline.py).
Targets (issue 15): warm build ≤ 0.8 × bare docxtpl and ≤ 2.5 × the floor; peak memory < 150 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from baseline import BASELINE, today  # noqa: E402
from timing import medians  # noqa: E402

# A cold child imports only what its own run needs (edureport, or docxtpl, or neither).
EXAMPLE = ROOT / "examples" / "chengde-2021"
# Children keep their .pyc files, as on a user's machine (see bench_cold.py).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
EXAMPLES = [ROOT / "examples" / name for name in ("chengde-2021", "school-2023")]
LETTERHEAD = ROOT / "templates" / "notice.docx"  # the bundled template edureport builds with
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def write_floor(template: Path, paragraphs: list[tuple[str | None, str]], output: Path) -> None:
    """The same paragraphs written into the letterhead with lxml alone: document.xml made from the
    text and styles, every other part copied, the page setup (sectPr) kept."""
    with zipfile.ZipFile(template) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    root = etree.fromstring(parts["word/document.xml"])
    body = root.find(f"{W}body")
    assert body is not None
    section = body.find(f"{W}sectPr")
    body.clear()
    for style, text in paragraphs:
        p = etree.SubElement(body, f"{W}p")
        if style:
            etree.SubElement(etree.SubElement(p, f"{W}pPr"), f"{W}pStyle").set(f"{W}val", style)
        t = etree.SubElement(etree.SubElement(p, f"{W}r"), f"{W}t")
        t.set(XML_SPACE, "preserve")
        t.text = text
    if section is not None:
        body.append(section)
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)


def check_unchanged(work: Path) -> None:
    """Every part of each example's build is the same with and without preparing templates once
    (asserted), and the same as the build before issue 15 (reported: later changes may alter it)."""
    import edureport
    from edureport import render

    old = today(work)
    agree = []
    for example in EXAMPLES:
        built = {}
        for name, build in (
            ("plain", edureport.build),
            ("once", edureport.build),
            ("today", old.build),
        ):
            render.PREPARE_ONCE = name != "plain"
            out = work / f"check-{example.name}-{name}.docx"
            build(example, out, force=True)
            with zipfile.ZipFile(out) as z:
                built[name] = {part: z.read(part) for part in z.namelist()}
        render.PREPARE_ONCE = True
        assert built["once"] == built["plain"], f"{example.name}: preparing once changed the output"
        agree.append(built["once"] == built["today"])
    print(
        f"output unchanged: every part of {len(EXAMPLES)} examples' builds, byte for byte, with "
        "and without preparing templates once; as before issue 15 (edureport at "
        f"{BASELINE}): {'the same' if all(agree) else 'DIFFERENT'}"
    )


def _peak_mb() -> float:
    """This process's peak resident memory. VmHWM belongs to the process image, whereas
    ru_maxrss carries the parent's peak over fork and exec."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _cold(modes: list[str], rounds: int) -> list[tuple[float, float]]:
    """Median wall time and peak resident memory of one build in a fresh process (imports too),
    for each mode, alternating."""
    times: dict[str, list[float]] = {mode: [] for mode in modes}
    peaks: dict[str, list[float]] = {mode: [] for mode in modes}
    for _ in range(rounds):
        for mode in modes:
            start = time.perf_counter()
            child = subprocess.run(
                [sys.executable, __file__, "--child", mode],
                check=True,
                capture_output=True,
                text=True,
                env=ENV,
            )
            times[mode].append(time.perf_counter() - start)
            peaks[mode].append(float(child.stdout.strip()))
    return [(statistics.median(times[m]), max(peaks[m])) for m in modes]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--no-cold", action="store_true", help="Skip the fresh-process runs.")
    parser.add_argument(
        "--child", choices=["ours", "bare", "floor", "before"], help=argparse.SUPPRESS
    )
    args = parser.parse_args()

    work = Path(tempfile.gettempdir()) / "edureport-bench"
    work.mkdir(exist_ok=True)
    ours_out, bare_out, floor_out = work / "ours.docx", work / "bare.docx", work / "floor.docx"
    bare_template, bare_text = work / "bare-template.docx", work / "paragraphs.json"
    if not args.child:  # the parent prepares what the children read
        import docx

        import edureport
        from edureport.reader import read_paragraphs
        from edureport.templates import default_template

        assert default_template().read_bytes() == LETTERHEAD.read_bytes()
        check_unchanged(work)
        first = edureport.build(EXAMPLE, ours_out, force=True)
        styled = [(p.style, p.text) for p in read_paragraphs(first) if p.text.strip()]
        bare_text.write_text(json.dumps(styled, ensure_ascii=False), encoding="utf-8")
        plain = docx.Document()
        for text in ("{%p for p in paragraphs %}", "{{ p }}", "{%p endfor %}"):
            plain.add_paragraph(text)
        plain.save(str(bare_template))
    styled = [(style, text) for style, text in json.loads(bare_text.read_text(encoding="utf-8"))]
    paragraphs = [text for _, text in styled]

    def ours() -> None:
        import edureport

        edureport.build(EXAMPLE, ours_out, force=True)

    def bare() -> None:
        from docxtpl import DocxTemplate

        tpl = DocxTemplate(str(bare_template))
        tpl.render({"paragraphs": paragraphs}, autoescape=True)
        tpl.save(str(bare_out))

    def floor() -> None:
        write_floor(LETTERHEAD, styled, floor_out)

    def before() -> None:
        today(work).build(EXAMPLE, work / "before.docx", force=True)

    runs = {"ours": ours, "bare": bare, "floor": floor, "before": before}
    if args.child:  # one cold run; report its peak RSS in MB
        runs[args.child]()
        print(_peak_mb())
        return

    warm = medians(list(runs.values()), args.rounds)
    cold_rounds = 0 if args.no_cold else max(3, args.rounds // 3)
    cold = _cold(list(runs), cold_rounds) if cold_rounds else [(float("nan"), float("nan"))] * 4
    print(f"paragraphs: {len(paragraphs)}   rounds: {args.rounds} warm, {cold_rounds} cold")
    print(f"{'':30}{'warm median':>12}{'cold median':>13}{'peak RSS':>11}")
    names = (
        "edureport build (GB/T 9704)",
        "bare docxtpl render",
        "floor: lxml + zip",
        f"  the build before ({BASELINE})",
    )
    for name, t_warm, (t_cold, peak) in zip(names, warm, cold, strict=True):
        print(f"{name:30}{t_warm * 1000:>10.1f}ms{t_cold * 1000:>11.0f}ms{peak:>8.0f} MB")
    t_ours, t_bare, t_floor, t_before = warm
    print(
        f"warm ratio build / bare docxtpl: {t_ours / t_bare:.2f} (target ≤ 0.80; before "
        f"{t_before / t_bare:.2f})   build / floor: {t_ours / t_floor:.2f} (target ≤ 2.50; before "
        f"{t_before / t_floor:.2f})"
    )
    if cold_rounds:
        print(f"cold ratio build / bare docxtpl: {cold[0][0] / cold[1][0]:.2f}")
    print("warm: repeated builds in one process (scripts, batches); cold: a fresh interpreter each")
    print("time, imports included (benchmarks/bench_cold.py times the `edureport build` command)")


if __name__ == "__main__":
    main()
