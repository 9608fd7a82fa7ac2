"""Start-up: `edureport --help` and one build do not load what they do not use."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import EXAMPLES

HEAVY = ("edureport.checker", "edureport.parser", "edureport.drafter", "pandas", "openpyxl")


def _modules_after(code: str) -> list[str]:
    probe = f"""
import json, sys
{code}
print(json.dumps(sorted(sys.modules)))
"""
    out = subprocess.run(
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True
    ).stdout
    return list(json.loads(out.splitlines()[-1]))


def _heavy(modules: list[str]) -> list[str]:
    return [m for m in modules if m.startswith(HEAVY)]


def test_help_loads_neither_the_build_nor_check() -> None:
    modules = _modules_after(
        "from edureport.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass"
    )
    assert _heavy(modules) == []
    assert "edureport.render" not in modules and "docxtpl" not in modules


def test_one_build_loads_no_check_parse_draft_pandas(tmp_path: Path) -> None:
    out = tmp_path / "out.docx"
    modules = _modules_after(
        "from edureport.cli import main\n"
        f"try:\n    main(['build', {str(EXAMPLES / 'chengde-2021')!r}, '-o', {str(out)!r}])\n"
        "except SystemExit as exc:\n    assert exc.code == 0, exc.code"
    )
    assert out.is_file()
    assert _heavy(modules) == []


def test_the_api_still_reaches_everything_lazily() -> None:
    modules = _modules_after(
        "import edureport\n"
        "assert callable(edureport.check) and callable(edureport.parse)\n"
        "import edureport.checker.report, edureport.loader, edureport.drafter\n"
        "assert callable(edureport.check) and callable(edureport.load)\n"
        "assert callable(edureport.draft) and edureport.Document.__name__ == 'Document'\n"
        "import edureport.checker as m\n"
        "assert m.select_rules is not None  # the module, not the function it exports"
    )
    assert "edureport.checker" in modules


def test_a_summary_with_target_results_loads_no_pandas() -> None:
    # The targets' 完成/未完成/超额 is a plain comparison: drafting needs no data-frame library.
    modules = _modules_after(
        "import dataclasses, edureport\n"
        "from edureport.drafter import plan_tasks, summary\n"
        f"document = edureport.load({str(EXAMPLES / 'chengde-2021')!r})\n"
        "tasks, targets = plan_tasks(document.plan)\n"
        "targets = [dataclasses.replace(t, actual=t.value) for t in targets]\n"
        "table = summary(2021, tasks, targets).preface[-1]\n"
        "assert targets and {row[3] for row in table.rows} == {'完成'}, table.rows"
    )
    assert [m for m in modules if m.startswith(("pandas", "numpy"))] == []
