"""CPU time of a call for the cost-growth tests (CPU, so other jobs on the machine do not count)."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable


def best_cpu(fn: Callable[[], object], runs: int = 3) -> float:
    """Best CPU time of ``runs`` calls, the cyclic garbage collector held off (its passes grow
    with the heap, not with the input) and left as it was found."""
    best = float("inf")
    enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        for _ in range(runs):
            t = time.process_time()
            fn()
            best = min(best, time.process_time() - t)
    finally:
        if enabled:
            gc.enable()
    return best
