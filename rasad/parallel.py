"""Scaling past one core or one machine on dask (an existing distributed engine).

Files are spread over dask workers; each worker builds its own pipeline once and
analyzes whole files, returning JSON-ready results, so only small dicts cross the
network.  With ``scheduler=None`` a local cluster of ``workers`` processes is
started; give a scheduler address (``tcp://host:8786``) to use a real cluster.

    >>> from rasad.parallel import analyze_parallel          # doctest: +SKIP
    >>> for item in analyze_parallel(["examples"], workers=2):  # doctest: +SKIP
    ...     print(item.get("doc") or item["error"])
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from rasad.errors import RasadError


@lru_cache(maxsize=1)
def _worker_pipeline() -> Any:
    """One pipeline per worker process, built on first use and kept for its lifetime."""
    from rasad.pipeline import default_pipeline

    return default_pipeline()


def analyze_file(path: str) -> list[dict[str, Any]]:
    """Analyze every article of one file; failures become ``{"error", "path"}`` records."""
    from rasad.ingest import Failure, read_path

    pipe = _worker_pipeline()
    out: list[dict[str, Any]] = []
    for item in read_path(Path(path)):
        if isinstance(item, Failure):
            out.append({"error": item.reason, "path": item.path})
            continue
        try:
            out.append(pipe(item).to_dict())
        except Exception as e:  # one bad article never stops the batch
            out.append({"error": f"{type(e).__name__}: {e}", "path": item.path})
    return out


def list_files(paths: Iterable[str | Path]) -> list[str]:
    from rasad.ingest import ACCEPTED_SUFFIXES

    files: list[str] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            files.extend(str(f) for f in sorted(path.rglob("*"))
                         if f.is_file() and f.suffix.lower() in ACCEPTED_SUFFIXES and not f.name.startswith("."))
        else:
            files.append(str(path))
    return files


def analyze_parallel(paths: Iterable[str | Path], workers: int = 2, scheduler: str | None = None,
                     batch: int = 64) -> Iterator[dict[str, Any]]:
    """Yield analyzed articles (as contract dicts) computed on dask workers, in completion order."""
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise RasadError("parallel analysis needs dask: pip install 'rasad[scale]'") from None
    files = list_files(paths)
    if not files:
        return
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=":0", silence_logs=40)
        client = Client(cluster)
    try:
        pending = iter(files)
        futures = as_completed()
        for f in (next(pending, None) for _ in range(batch)):
            if f is not None:
                futures.add(client.submit(analyze_file, f, pure=False))
        for fut in futures:
            yield from fut.result()
            nxt = next(pending, None)
            if nxt is not None:  # keep a bounded number of files in flight
                futures.add(client.submit(analyze_file, nxt, pure=False))
            fut.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
