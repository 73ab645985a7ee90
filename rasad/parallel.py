"""Scaling past one core or one machine on dask (an existing distributed engine).

Files are spread over dask workers in chunks (one task analyzes several files, so the
scheduler's few milliseconds per task do not outweigh one small article's analysis); each
worker builds its own pipeline once and returns JSON-ready results, so only small dicts
cross the network.  With ``scheduler=None`` a local cluster of ``workers`` processes is
started; give a scheduler address (``tcp://host:8786``) to use a real cluster.

A local cluster starts worker *processes*, which import the calling script again: as with
:mod:`multiprocessing`, a script must call :func:`analyze_parallel` under a main guard::

    from rasad.parallel import analyze_parallel

    if __name__ == "__main__":
        for item in analyze_parallel(["examples"], workers=2):
            print(item.get("doc") or item["error"])
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


def analyze_files(paths: list[str]) -> list[dict[str, Any]]:
    """One task: analyze a chunk of files in order (see :func:`analyze_file`)."""
    out: list[dict[str, Any]] = []
    for p in paths:
        out.extend(analyze_file(p))
    return out


def chunk_size(n_files: int, workers: int) -> int:
    """Files per task: enough tasks to balance the workers (8 per worker), at most 64 files each."""
    return max(1, min(64, n_files // max(1, 8 * workers)))


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
                     batch: int = 64, chunk: int | None = None) -> Iterator[dict[str, Any]]:
    """Yield analyzed articles (as contract dicts) computed on dask workers, in completion order.

    ``chunk`` files go to one task (default: :func:`chunk_size`); at most ``batch`` tasks are in flight.
    """
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
    size = chunk or chunk_size(len(files), workers)
    chunks = [files[i: i + size] for i in range(0, len(files), size)]
    try:
        pending = iter(chunks)
        futures = as_completed()
        for c in (next(pending, None) for _ in range(batch)):
            if c is not None:
                futures.add(client.submit(analyze_files, c, pure=False))
        for fut in futures:
            yield from fut.result()
            nxt = next(pending, None)
            if nxt is not None:  # keep a bounded number of tasks in flight
                futures.add(client.submit(analyze_files, nxt, pure=False))
            fut.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
