"""The edureport package as it was before issue 15, beside the current one, for side-by-side runs.

`git archive` of BASELINE is unpacked into a temporary folder as the package ``edureport_today``
(edureport's modules import each other relatively, so the copy runs as it did then).
"""

from __future__ import annotations

import importlib
import io
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
BASELINE = "8ca11d7"  # main just before issue 15's changes


def today(work: Path) -> ModuleType:
    """The edureport package at BASELINE, importable as edureport_today."""
    home = work / f"today-{BASELINE}"
    if not (home / "edureport_today").is_dir():
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", BASELINE, "edureport", "templates"],
            check=True,
            capture_output=True,
        ).stdout
        shutil.rmtree(home, ignore_errors=True)
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(home, filter="data")
        (home / "edureport").rename(home / "edureport_today")
    if str(home) not in sys.path:
        sys.path.insert(0, str(home))
    return importlib.import_module("edureport_today")
