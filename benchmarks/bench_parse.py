"""Parse beside build, in one run: the seed (承教发〔2021〕1号) built to .docx and parsed back.

    python3 benchmarks/bench_parse.py [--rounds 15]

Target (issue 3): parsing the seed .docx takes under half the time of building it.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from timing import medians

import edureport
from edureport.parse import parse

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


if __name__ == "__main__":
    main()
