"""Parse beside build, in one run: the seed (承教发〔2021〕1号) built to .docx and parsed back;
then plans of 200, 1,000 and 2,000 items as text, to show the time grows linearly with size.

    python3 benchmarks/bench_parse.py [--rounds 15]

Targets (issues 3 and 8): parsing the seed .docx takes under half the time of building it; the
time per item of a 2,000-item plan is within 1.5× that of a 200-item plan.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from timing import medians

import edureport
from edureport.parser import parse

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "chengde-2021"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    rounds = parser.parse_args().rounds
    document = edureport.load(EXAMPLE)
    with tempfile.TemporaryDirectory() as folder:
        docx, out = Path(folder) / "seed.docx", Path(folder) / "rebuilt.docx"
        edureport.build(document, docx)
        assert parse(docx) == document, "the parsed seed differs from the example"
        build_s, parse_s = medians(
            [lambda: edureport.build(document, out, force=True), lambda: parse(docx)], rounds
        )
    build_ms, parse_ms = build_s * 1000, parse_s * 1000
    ratio = parse_ms / build_ms
    print(f"seed .docx, median of {rounds} rounds")
    print(f"  build  {build_ms:8.1f} ms   (baseline)")
    print(f"  parse  {parse_ms:8.1f} ms")
    print(f"  parse / build = {ratio:.2f}   (target < 0.50: {'met' if ratio < 0.5 else 'NOT met'})")
    scaling(max(3, rounds // 5))


def _plan_text(items: int) -> str:
    lines = ["2024年工作要点", "总体思路：稳中求进。"]
    for n in range(1, items + 1):
        if n % 20 == 1:
            lines.append(f"{'一二三四五六七八九'[(n // 20) % 9]}、第{n // 20 + 1}部分工作")
        lines += [f"{n}.第{n}项工作。推进第{n}项工作，落实到位。（责任科室：办公室、基教科）"]
    return "\n".join(lines) + "\n"


def scaling(rounds: int) -> None:
    sizes = (200, 1000, 2000)
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for size in sizes:
            path = Path(folder) / f"plan-{size}.txt"
            path.write_text(_plan_text(size), encoding="utf-8")
            plan = parse(path).plan
            assert plan is not None and len(plan.items) == size, f"{size} items not all read"
            paths.append(path)
        times = medians([lambda p=p: parse(p) for p in paths], rounds)
    per_item = [t / n * 1e6 for t, n in zip(times, sizes, strict=True)]
    print(f"plans as text, median of {rounds} rounds")
    for size, t, each in zip(sizes, times, per_item, strict=True):
        print(f"  {size:5d} items  {t * 1000:8.1f} ms   {each:6.1f} µs an item")
    growth = per_item[-1] / per_item[0]
    verdict = "met" if growth <= 1.5 else "NOT met"
    print(f"  per item, 2,000 / 200 = {growth:.2f}   (target ≤ 1.5, linear: {verdict})")


if __name__ == "__main__":
    main()
