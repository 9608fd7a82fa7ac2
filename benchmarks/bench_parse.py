"""Parse beside build, in one run: the seed (承教发〔2021〕1号) built to .docx and parsed back.

    python3 benchmarks/bench_parse.py [rounds]

Target (issue 3): parsing the seed .docx takes under half the time of building it.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import edureport
from edureport.parse import parse

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "chengde-2021"


def main(rounds: int = 15) -> None:
    document = edureport.load(EXAMPLE)
    builds, parses = [], []
    with tempfile.TemporaryDirectory() as folder:
        docx = Path(folder) / "seed.docx"
        edureport.build(document, docx)  # warm-up: imports, template cache
        parse(docx)
        for _ in range(rounds):
            start = time.perf_counter()
            edureport.build(document, docx, force=True)
            builds.append(time.perf_counter() - start)
            start = time.perf_counter()
            parsed = parse(docx)
            parses.append(time.perf_counter() - start)
    assert parsed == document, "the parsed seed differs from the example"
    build_ms = statistics.median(builds) * 1000
    parse_ms = statistics.median(parses) * 1000
    ratio = parse_ms / build_ms
    print(f"seed .docx, median of {rounds} rounds")
    print(f"  build  {build_ms:8.1f} ms   (baseline)")
    print(f"  parse  {parse_ms:8.1f} ms")
    print(f"  parse / build = {ratio:.2f}   (target < 0.50: {'met' if ratio < 0.5 else 'NOT met'})")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 15)
