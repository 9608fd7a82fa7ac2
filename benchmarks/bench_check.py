"""Check speed, side by side with building the same document.

    python benchmarks/bench_check.py [--rounds 15]

Builds the seed document (examples/chengde-2021) and checks it, alternating, in one run; prints the
median of each and the ratio. Target (issue 4): checking the document takes less than building it
(check / build < 1.0).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timing import medians  # noqa: E402

import edureport  # noqa: E402
from edureport.checker import check  # noqa: E402

EXAMPLE = ROOT / "examples" / "chengde-2021"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    rounds = parser.parse_args().rounds
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "seed.docx"
        source = Path(tmp) / "checked.docx"
        edureport.build(EXAMPLE, source)  # the file to check; `out` is rebuilt each round
        build_s, check_s = medians(
            [lambda: edureport.build(EXAMPLE, out, force=True), lambda: check(source)], rounds
        )
        findings = check(source)
    print(f"document: {EXAMPLE.name} ({len(findings)} findings), {rounds} rounds, medians")
    print(f"build  {build_s * 1000:8.1f} ms")
    print(f"check  {check_s * 1000:8.1f} ms")
    print(f"ratio  check / build = {check_s / build_s:.2f}  (target < 1.0)")


if __name__ == "__main__":
    main()
