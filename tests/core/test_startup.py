"""Start-up: one shared default pipeline per process, disabled stages never built, a light CLI import."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

import rasad
from rasad.pipeline import STAGE_NAMES, default_pipeline, shared_pipeline

ROOT = Path(__file__).resolve().parents[2]
TEXT = " date 2025-10-21\nوزیر امور خارجه روز دوشنبه در تهران گفت که گفت‌وگوها ادامه خواهد یافت."


def _modules_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys, json; print(json.dumps(sorted(sys.modules)))"],
                         cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
                         capture_output=True, text=True, timeout=120, check=True)
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_disabled_stages_are_not_built_nor_imported() -> None:
    mods = _modules_after(
        "from rasad.pipeline import default_pipeline\n"
        f"p = default_pipeline(disable={[n for n in STAGE_NAMES if n not in ('header', 'normalize')]!r})\n"
        "assert p.names == ['header', 'normalize'], p.names"
    )
    assert "rasad.normalize" in mods
    assert not {"rasad.entities", "rasad.quotes", "rasad.events", "rasad.time"} & mods


def test_metadata_alone_builds_the_time_tagger_it_needs() -> None:
    p = default_pipeline(disable=["entities", "syntax", "quotes", "events", "time"])
    assert p.names == ["header", "normalize", "metadata"]
    both = default_pipeline(disable=["entities", "syntax", "quotes", "events"])
    meta, tagger = both.stages[2], both.stages[3]
    assert tagger.name == "time" and getattr(meta, "time_stage", None) is tagger


def test_analyze_reuses_one_pipeline_per_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """``analyze(text)`` in a loop does what a call with a prebuilt pipeline does, plus nothing:
    counted in stage builds and stage runs (not timed, so a loaded machine cannot fail it)."""
    import rasad.pipeline as pipeline_mod

    rasad.analyze(TEXT)  # builds the shared pipeline once
    prebuilt = default_pipeline()
    builds: list[str] = []
    real_build = pipeline_mod._build_stage

    def counting_build(name: str, shared: dict[str, Any]) -> Any:
        builds.append(name)
        return real_build(name, shared)

    monkeypatch.setattr(pipeline_mod, "_build_stage", counting_build)
    runs: list[str] = []

    class Counted:
        def __init__(self, stage: Any) -> None:
            self.stage, self.name = stage, stage.name

        def __call__(self, art: Any) -> Any:
            runs.append(self.name)
            return self.stage(art)

    for pipe in (pipeline_mod.shared_pipeline(), prebuilt):
        monkeypatch.setattr(pipe, "stages", [Counted(s) for s in pipe.stages])
    for _ in range(5):
        rasad.analyze(TEXT)
    shared_runs, runs[:] = list(runs), []
    for _ in range(5):
        rasad.analyze(TEXT, pipeline=prebuilt)
    assert builds == []  # no stage built again
    assert shared_runs == runs  # the same stage work per call as with the prebuilt pipeline
    assert rasad.analyze(TEXT).to_dict() == rasad.analyze(TEXT, pipeline=prebuilt).to_dict()


def test_shared_pipeline_is_built_once_across_threads() -> None:
    got: list[object] = []
    threads = [threading.Thread(target=lambda: got.append(shared_pipeline())) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({id(p) for p in got}) == 1


def test_cli_import_is_light() -> None:
    mods = _modules_after("import rasad.cli")
    assert not {"rich.console", "rasad.evaluate", "rasad.entities", "rasad.store", "trafilatura"} & mods


def test_cli_analyze_with_few_stages_loads_only_those(tmp_path: Path) -> None:
    f = tmp_path / "one.txt"
    f.write_text(TEXT, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "rasad.cli", "analyze", "-q", "--stages", "header,normalize", str(f)],
                         cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert doc["published"] == "2025-10-21" and not doc["entities"]
