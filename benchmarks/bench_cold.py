"""A cold `edureport build` beside a cold `python -c "import docxtpl"`, in one run, alternating.

    python benchmarks/bench_cold.py [--rounds 15]

Each round starts a fresh interpreter for each of three commands:

- `edureport build examples/chengde-2021` as installed: start-up, imports, the build;
- the same build with the package's __init__ bypassed (the CLI imported straight from its module):
  what `import edureport` itself adds to a build (little, since issue 14 made it lazy);
- `python -c "import docxtpl"`: the import every build needs.

Then `python -X importtime` runs of both builds show where their import time goes, by package.
Targets (issue 15): the cold build ≤ 0.5 s, and ≤ 1.7 × the cold docxtpl import.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "chengde-2021"
# As on a user's machine, modules are compiled once and the .pyc files kept: an editable install
# run with PYTHONDONTWRITEBYTECODE (as some CI images set) would compile edureport on every start.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
CLI = "import sys; from edureport.cli import main; sys.argv[0] = 'edureport'; main()"
# The package object made from its spec without running __init__.py (cli reads __version__).
LAZY = (
    "import importlib.util, sys; spec = importlib.util.find_spec('edureport'); "
    "package = importlib.util.module_from_spec(spec); package.__version__ = '0'; "
    "sys.modules['edureport'] = package; " + CLI
)


def imports(code: str, arguments: list[str]) -> dict[str, float]:
    """Import time (ms) of one build by package: each module's own time, summed per package
    (edureport by module), so that nothing is counted twice."""
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code, *arguments],
        capture_output=True,
        text=True,
        check=True,
        env=ENV,
    )
    spent: dict[str, float] = {}
    for line in run.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+\d+ \|\s*(\S+)", line)
        if m:
            parts = m[2].split(".")
            group = ".".join(parts[:2]) if parts[0] == "edureport" else parts[0]
            spent[group] = spent.get(group, 0.0) + int(m[1]) / 1000
    return dict(sorted(spent.items(), key=lambda kv: -kv[1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    rounds = parser.parse_args().rounds
    out = Path(tempfile.gettempdir()) / "edureport-bench" / "cold.docx"
    out.parent.mkdir(exist_ok=True)
    arguments = ["build", str(EXAMPLE), "-o", str(out), "--force"]
    script = Path(sys.executable).with_name("edureport")
    installed = [str(script)] if script.is_file() else [sys.executable, "-m", "edureport"]
    commands = {
        "edureport build examples/chengde-2021": [*installed, *arguments],
        "  the same, package __init__ bypassed": [sys.executable, "-c", LAZY, *arguments],
        'python -c "import docxtpl"': [sys.executable, "-c", "import docxtpl"],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for i in range(rounds + 1):
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True, env=ENV)
            if i:  # the first round warms the disk cache, .pyc files and compiled templates
                times[name].append(time.perf_counter() - start)
    medians = {name: statistics.median(spent) for name, spent in times.items()}
    base = medians['python -c "import docxtpl"']
    print(f"cold runs, medians of {rounds} alternating rounds (target: build ≤ 500 ms, ≤ 1.70×)")
    for name, spent in medians.items():
        print(f"{name:40}{spent * 1000:7.0f} ms   {spent / base:5.2f}× the docxtpl import")
    lazy, full = imports(LAZY, arguments), imports(CLI, arguments)
    extra = {name: ms for name, ms in full.items() if name not in lazy}
    print(
        f"import time of one build (python -X importtime, modules' own time summed by package): "
        f"as installed {sum(full.values()):.0f} ms, of which {sum(extra.values()):.0f} ms in "
        f"packages a build does not import once __init__ is bypassed ({sum(lazy.values()):.0f} ms)"
    )
    for name, ms in list(full.items())[:16]:
        print(f"  {name:24}{ms:7.1f} ms{'   (not needed to build)' if name in extra else ''}")


if __name__ == "__main__":
    main()
