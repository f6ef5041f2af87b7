"""Run one command in a child process and measure it: wall time, CPU time, peak memory.

`python -m quality.measure RESULT COMMAND...` is the wrapper that does the measuring: Linux
counts the memory of the process that starts a child in the child's peak (at exec), so a
small fresh process starts each build, whatever the size of the process that asks for it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

PLUGINS_DIR = str(Path(__file__).resolve().parents[1])


@dataclass(frozen=True)
class Measured:
    """What one run cost."""

    wall: float
    cpu: float
    max_rss_kb: int


def measure(command: list[str], log: Path, env: dict[str, str] | None = None) -> Measured:
    """Run COMMAND with its output in LOG; raise with the log's last line when it fails."""
    environment = dict(os.environ if env is None else env)
    environment["PYTHONPATH"] = os.pathsep.join(
        filter(None, [PLUGINS_DIR, environment.get("PYTHONPATH")])
    )
    handle, result = tempfile.mkstemp(prefix="measured-", suffix=".json")
    os.close(handle)
    try:
        with log.open("w", encoding="utf-8") as stream:
            wrapper = [sys.executable, "-m", "quality.measure", result, *command]
            code = subprocess.call(
                wrapper, stdout=stream, stderr=subprocess.STDOUT, env=environment
            )
        if code != 0:
            lines = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()
            raise RuntimeError(f"{' '.join(command[:4])} … failed: {(lines or ['no output'])[-1]}")
        return Measured(**json.loads(Path(result).read_text(encoding="utf-8")))
    finally:
        os.unlink(result)


def _wrap(result: str, command: list[str]) -> int:
    """Run COMMAND, write what it cost to RESULT as JSON, return its exit code."""
    started = time.perf_counter()
    child = subprocess.Popen(command)
    # wait4 gives exactly this child's usage, its own reaped children included.
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    measured = Measured(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)
    Path(result).write_text(json.dumps(asdict(measured)), encoding="utf-8")
    return os.waitstatus_to_exitcode(status)


if __name__ == "__main__":
    sys.exit(_wrap(sys.argv[1], sys.argv[2:]))
