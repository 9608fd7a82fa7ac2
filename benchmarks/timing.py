"""The one timer the benchmark scripts share: medians of runs that alternate round by round."""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable


def medians(runs: list[Callable[[], object]], rounds: int) -> list[float]:
    """Median seconds of each run. The runs alternate, so that a busy machine slows them alike
    instead of whichever happened to run then; a warm-up round (imports, caches) is not counted."""
    for run in runs:
        run()
    times: list[list[float]] = [[] for _ in runs]
    for _ in range(rounds):
        for run, spent in zip(runs, times, strict=True):
            gc.collect()
            start = time.perf_counter()
            run()
            spent.append(time.perf_counter() - start)
    return [statistics.median(spent) for spent in times]
