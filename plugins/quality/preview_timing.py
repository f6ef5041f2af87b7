"""The preview's edit-to-refresh time: livereload's own rebuild after one article is touched.

`python -m quality.preview_timing RESULT SETTINGS CONTENT OUTPUT CACHE RUNS` builds once as
`invoke livereload` does when it starts, then RUNS times touches one article and times the
rebuild livereload would run, in the same process (livereload keeps one process, so Python's
imports and Pelican's start-up are paid once, as a writer pays them). RESULT gets one
measurement per rebuild as JSON.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from dataclasses import asdict
from pathlib import Path

from workflow.commands import preview_overrides, run_preview_build

from .corpus import touch_article
from .measure import Measured


def _cpu() -> float:
    """CPU seconds of this process and of the workers it waited for."""
    own, workers = (
        resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def time_rebuilds(
    settings: Path, content: Path, output: Path, cache: Path, runs: int
) -> list[Measured]:
    """Build once, then touch an article and rebuild RUNS times; what each rebuild cost."""
    overrides = {**preview_overrides("127.0.0.1", 8000), "PATH": str(content)}

    def rebuild() -> None:
        report = run_preview_build(settings, output, print, overrides=overrides, cache=cache)
        if not report.ok:
            raise SystemExit(f"the preview build failed: {(report.errors or report.warnings)[0]}")

    rebuild()
    found = []
    for index in range(runs):
        touch_article(content, index)
        wall, cpu = time.perf_counter(), _cpu()
        rebuild()
        found.append(Measured(time.perf_counter() - wall, _cpu() - cpu, _peak_kb()))
    return found


def _peak_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main(argv: list[str]) -> None:
    """Time the rebuilds and write them to argv[0]."""
    result, settings, content, output, cache, runs = argv
    found = time_rebuilds(Path(settings), Path(content), Path(output), Path(cache), int(runs))
    Path(result).write_text(json.dumps([asdict(run) for run in found]), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
