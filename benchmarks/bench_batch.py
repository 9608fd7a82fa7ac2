"""Many documents: a shell loop of CLI processes, one `edureport build` over all, and in-process.

    python benchmarks/bench_batch.py [--count 200] [--loop 20] [--pdf 20] [--rounds 1]

Sources are `--count` one-page notices (a made-up notice per school). Side by side, in one run:
- a loop of `edureport build ONE -o ONE.docx` processes (over the first `--loop` sources: each
  costs a Python start-up and imports), the way a shell script would do it before batch builds;
- one `edureport build SRC/ -o OUT/` process over all sources (start-up, pool, progress);
- building them in this process, one after another (warm: no start-up, no pool).
Then PDF: `--pdf` documents converted in one LibreOffice run against one run per document (over 3).
Targets (issue 14): the batch command ≥ 50 documents/s on 2 cores; PDF ≤ 0.8 s a document.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import edureport  # noqa: E402
from edureport.office import convert, find_soffice  # noqa: E402

NOTICE = """\
notice:
  organs: [承德市教育局]
  code: {{agency: 承教督, year: 2023, serial: {n}}}
  title: [关于承德市第{n}中学2023年度, 办学水平督导评估结果的通知]
  date: 2023-12-20
  recipients: [承德市第{n}中学]
  body:
    - 根据《承德市中小学校办学水平督导评估办法》，市教育局对你校进行了督导评估。
    - 你校评估得分{score}分，评估结果为“优秀”。请对照反馈意见认真整改。
"""


def make_sources(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True)
    sources = []
    for n in range(1, count + 1):
        path = folder / f"第{n:03d}中学.yaml"
        path.write_text(NOTICE.format(n=n, score=80 + n % 20), encoding="utf-8")
        sources.append(path)
    return sources


def timed(run: Callable[..., object], *args: Any) -> float:
    start = time.perf_counter()
    run(*args)
    return time.perf_counter() - start


def cli(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "edureport", *args], check=True, capture_output=True)


def loop(sources: list[Path], work: Path, r: int) -> None:
    out = work / f"loop{r}"
    out.mkdir()
    for source in sources:
        cli("build", str(source), "-o", str(out / f"{source.stem}.docx"))


def in_process(sources: list[Path], work: Path, r: int) -> None:
    out = work / f"inproc{r}"
    out.mkdir()
    for source in sources:
        edureport.build(source, out / f"{source.stem}.docx")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--loop", type=int, default=20)
    parser.add_argument("--pdf", type=int, default=20, help="0: skip the PDF figures")
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as work_name:
        work = Path(work_name)
        sources = make_sources(work / "src", args.count)
        rates: dict[str, list[float]] = {"loop": [], "batch": [], "inproc": []}
        for r in range(args.rounds):
            rates["loop"].append(args.loop / timed(loop, sources[: args.loop], work, r))
            out = work / f"batch{r}"
            rates["batch"].append(
                args.count / timed(cli, "build", str(work / "src"), "-o", str(out))
            )
            assert len(list(out.glob("*.docx"))) == args.count
            rates["inproc"].append(args.count / timed(in_process, sources, work, r))
        best = {k: max(v) for k, v in rates.items()}
        print(f"{args.count} one-page notices, {cores} cores, best of {args.rounds} round(s)")
        print(f"{'':34}{'docs/s':>8}{'× loop':>9}")
        for key, label in (
            ("loop", f"shell loop of CLI processes ({args.loop})"),
            ("batch", "one `edureport build SRC/ -o OUT/`"),
            ("inproc", "in this process, one after another"),
        ):
            print(f"{label:34}{best[key]:8.1f}{best[key] / best['loop']:9.1f}")
        print(f"target: batch ≥ 50 docs/s → {'met' if best['batch'] >= 50 else 'NOT met'}")
        if args.pdf and find_soffice():
            docx = sorted((work / "batch0").glob("*.docx"))[: args.pdf]
            one_run = timed(convert, docx, work / "pdf-one") / len(docx)
            singles = docx[:3]
            each = sum(timed(convert, [d], work / f"pdf-{d.stem}") for d in singles) / len(singles)
            print(f"PDF, {len(docx)} documents in one LibreOffice run: {one_run:.2f} s each")
            print(f"PDF, one LibreOffice run per document ({len(singles)}):  {each:.2f} s each")
            print(f"ratio one run / per document: {one_run / each:.2f}")
            print(f"target: ≤ 0.8 s each → {'met' if one_run <= 0.8 else 'NOT met'}")
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
