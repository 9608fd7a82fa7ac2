"""Draft speed beside today's draft, in one run: the example's plan at 1×, 10× and 50× its size.

    python benchmarks/bench_draft.py [--rounds 9] [--sizes 1,10,50]

"Today" is the edureport package as it was on main before issue 15 (commit BASELINE), taken from
git into a temporary package (edureport_today) and imported beside the current one, so that both
run in the same process, alternating round by round. Each run is what `edureport draft` does after
start-up: draft(document, year) and write document.yaml and results.xlsx into a folder.
A plan n× the example repeats its sections n times (34·n items). Each size's line says whether both
wrote the same document.yaml and a workbook with the same cells, styles, column widths, frozen
header and print setup (as openpyxl reads them back).

Targets (issue 15): the example drafts ≥ 1.5× faster than today; time per item stays flat from 1×
to 50× (linear in the plan's size).
"""

from __future__ import annotations

import argparse
import copy
import functools
import gc
import itertools
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from baseline import BASELINE, today  # noqa: E402
from timing import medians  # noqa: E402

import edureport  # noqa: E402

EXAMPLE = ROOT / "examples" / "chengde-2021"
YEAR = 2022


def scaled(package: ModuleType, times: int) -> Any:
    """The example loaded with ``package``, its plan's sections repeated ``times`` times."""
    document = package.load(EXAMPLE)
    plan = document.plan
    plan.sections = [copy.deepcopy(s) for _ in range(times) for s in plan.sections]
    return document


def _draft(draft: Any, document: Any, folder: Path) -> None:
    draft(document, YEAR).write(folder, force=True)


def digest(path: Path) -> list[Any]:
    """What a reader of the workbook sees: sheets, cells, their styles, widths, panes, printing."""
    from openpyxl import load_workbook

    book = load_workbook(path)
    seen: list[Any] = []
    for sheet in book.worksheets:
        seen.append(
            (
                sheet.title,
                sheet.freeze_panes,
                sheet.print_title_rows,
                sheet.page_setup.orientation,
                sheet.page_setup.fitToWidth,
                sheet.page_setup.fitToHeight,
                sheet.sheet_properties.pageSetUpPr.fitToPage,
                {k: d.width for k, d in sheet.column_dimensions.items()},
            )
        )
        for row in sheet.iter_rows():
            for c in row:
                a = c.alignment
                style = (c.font.b, c.fill.fill_type, c.fill.fgColor.rgb)
                seen.append((c.coordinate, c.value, style, a.horizontal, a.vertical, a.wrap_text))
    return seen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=9, help="rounds at 1× (fewer when larger)")
    parser.add_argument("--sizes", default="1,10,50")
    args = parser.parse_args()
    work = Path(tempfile.gettempdir()) / "edureport-bench"
    work.mkdir(exist_ok=True)
    old = today(work)
    old_draft, new_draft = old.draft, edureport.draft  # the functions, whatever their modules

    print(f"today: edureport at {BASELINE}; now: this tree. Medians of alternating rounds.")
    print(
        f"{'plan':>5}{'items':>7}{'today':>11}{'now':>11}{'speed-up':>10}{'per item: today':>18}"
        f"{'now':>9}"
    )
    per_item: list[tuple[int, float]] = []
    for times in (int(s) for s in args.sizes.split(",")):
        documents = scaled(old, times), scaled(edureport, times)
        items = len(documents[1].plan.items)
        folders = work / f"draft-today-{times}", work / f"draft-now-{times}"
        runs = [
            functools.partial(_draft, old_draft, documents[0], folders[0]),
            functools.partial(_draft, new_draft, documents[1], folders[1]),
        ]
        for run in runs:
            run()
        texts = [(f / "document.yaml").read_text(encoding="utf-8") for f in folders]
        books = [digest(f / "results.xlsx") for f in folders]
        # Drafting itself may have changed since BASELINE; then the outputs are not comparable.
        same = "same" if texts[0] == texts[1] and books[0] == books[1] else "DIFFERENT"
        rounds = max(3, args.rounds // times) if times > 1 else args.rounds
        # The other package's plan and earlier sizes' are alive only for the comparison: frozen,
        # the collector does not walk them again in every run, as it would not in one user's run.
        gc.collect()
        gc.freeze()
        t_old, t_new = medians(runs, rounds)
        gc.unfreeze()
        per_item.append((times, t_new / items))
        print(
            f"{times:>4}×{items:>7}{t_old * 1000:>9.1f}ms{t_new * 1000:>9.1f}ms"
            f"{t_old / t_new:>9.2f}×{t_old / items * 1e6:>16.0f}µs{t_new / items * 1e6:>7.0f}µs"
            f"   outputs: {same}"
        )
    print("outputs: document.yaml, and the workbook's cells, styles, widths, panes and print setup")
    steps = ", ".join(
        f"{b / a:.2f} from {m}× to {n}×" for (m, a), (n, b) in itertools.pairwise(per_item)
    )
    print(f"target: ≥ 1.50× faster at 1×; time per item, each size over the one before: {steps}")
    print("(linear in the plan's size: about 1 or less; 1× carries the fixed costs alone)")


if __name__ == "__main__":
    main()
