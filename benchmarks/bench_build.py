"""Build speed and memory, side by side with a bare docxtpl render of the same paragraphs.

    python benchmarks/bench_build.py [--rounds 15]

The baseline renders the example's paragraphs (the same text, in the same order) with docxtpl into
python-docx's default template: what a hand-written script would do, without the GB/T 9704 layout.
edureport's figure is the whole build: load the YAML, compose, render, write the .docx.
Target (issue 2): build / bare ≤ 1.0; peak memory of a build under 150 MB.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import docx
from docxtpl import DocxTemplate

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timing import medians  # noqa: E402

import edureport  # noqa: E402
from edureport.reader import read_paragraphs  # noqa: E402

EXAMPLE = ROOT / "examples" / "chengde-2021"


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
            )
            times[mode].append(time.perf_counter() - start)
            peaks[mode].append(float(child.stdout.strip()))
    return [(statistics.median(times[m]), max(peaks[m])) for m in modes]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--child", choices=["ours", "bare"], help=argparse.SUPPRESS)
    args = parser.parse_args()

    work = Path(tempfile.gettempdir()) / "edureport-bench"
    work.mkdir(exist_ok=True)
    ours_out, bare_out = work / "ours.docx", work / "bare.docx"
    bare_template, bare_text = work / "bare-template.docx", work / "paragraphs.json"
    if not args.child:  # the parent prepares what both children read
        first = edureport.build(EXAMPLE, ours_out, force=True)
        texts = [p.text for p in read_paragraphs(first) if p.text.strip()]
        bare_text.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
        plain = docx.Document()
        for text in ("{%p for p in paragraphs %}", "{{ p }}", "{%p endfor %}"):
            plain.add_paragraph(text)
        plain.save(str(bare_template))
    paragraphs = json.loads(bare_text.read_text(encoding="utf-8"))

    def ours() -> None:
        edureport.build(EXAMPLE, ours_out, force=True)

    def bare() -> None:
        tpl = DocxTemplate(str(bare_template))
        tpl.render({"paragraphs": paragraphs}, autoescape=True)
        tpl.save(str(bare_out))

    if args.child:  # one cold run; report peak RSS in MB (ru_maxrss is KiB on Linux)
        (ours if args.child == "ours" else bare)()
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        return

    t_ours, t_bare = medians([ours, bare], args.rounds)
    cold_rounds = max(3, args.rounds // 3)
    (c_ours, m_ours), (c_bare, m_bare) = _cold(["ours", "bare"], cold_rounds)
    print(f"paragraphs: {len(paragraphs)}   rounds: {args.rounds} warm, {cold_rounds} cold")
    print(f"{'':28}{'warm median':>12}{'cold median':>13}{'peak RSS':>11}")
    for name, warm, cold, peak in (
        ("edureport build (GB/T 9704)", t_ours, c_ours, m_ours),
        ("bare docxtpl render", t_bare, c_bare, m_bare),
    ):
        print(f"{name:28}{warm * 1000:>10.1f}ms{cold * 1000:>11.0f}ms{peak:>8.0f} MB")
    print(
        f"ratio build / bare: warm {t_ours / t_bare:.2f}, cold {c_ours / c_bare:.2f}"
        "  (target ≤ 1.00; peak RSS target < 150 MB)"
    )
    print("warm: repeated builds in one process (scripts, batches); cold: one CLI-like run,")
    print("a fresh interpreter each time, imports included")


if __name__ == "__main__":
    main()
