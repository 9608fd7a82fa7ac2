"""Check speed, side by side with building the same document.

    python benchmarks/bench_check.py [--rounds 15]

Builds the seed document (examples/chengde-2021) and checks it, alternating, in one run; prints the
median of each and the ratio. Target (issue 4): checking the document takes less than building it
(check / build < 1.0).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import edureport  # noqa: E402
from edureport.check import check  # noqa: E402

EXAMPLE = ROOT / "examples" / "chengde-2021"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    rounds = parser.parse_args().rounds
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "seed.docx"
        edureport.build(EXAMPLE, out, force=True)  # warm-up, and the file to check
        check(out)
        builds, checks = [], []
        for _ in range(rounds):
            t = time.perf_counter()
            edureport.build(EXAMPLE, out, force=True)
            builds.append(time.perf_counter() - t)
            t = time.perf_counter()
            findings = check(out)
            checks.append(time.perf_counter() - t)
    build_s, check_s = statistics.median(builds), statistics.median(checks)
    print(f"document: {EXAMPLE.name} ({len(findings)} findings), {rounds} rounds, medians")
    print(f"build  {build_s * 1000:8.1f} ms")
    print(f"check  {check_s * 1000:8.1f} ms")
    print(f"ratio  check / build = {check_s / build_s:.2f}  (target < 1.0)")


if __name__ == "__main__":
    main()
