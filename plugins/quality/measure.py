"""Run one command in a child process and measure it: wall time, CPU time, peak memory.

`python -m quality.measure RESULT COMMAND...` is the wrapper that does the measuring: Linux
counts the memory of the process that starts a child in the child's peak (at exec), so a
small fresh process starts each build, whatever the size of the process that asks for it.
A build's worker processes run beside it, so its peak memory is the largest sum, sampled
while it runs, of the memory of the build and every process it started: each process's
proportional share (Pss), so the pages a forked worker shares with its parent count once.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

PLUGINS_DIR = str(Path(__file__).resolve().parents[1])
SAMPLE_SECONDS = 0.05
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024 if hasattr(os, "sysconf") else 4


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


def _parents() -> dict[int, int]:
    """Every running process and its parent, read from /proc (empty where there is none)."""
    found = {}
    for entry in Path("/proc").glob("[0-9]*/stat") if Path("/proc").is_dir() else ():
        try:
            # The name (field 2) may hold spaces; the parent follows the closing bracket.
            fields = entry.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        found[int(entry.parent.name)] = int(fields[1])
    return found


def _own_kb(pid: int) -> int:
    """One process's proportional set size (its resident memory where that is not readable)."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, IndexError, ValueError):
        pass
    return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_KB


def tree_rss_kb(root: int) -> int:
    """The memory of ROOT and all its descendants, in KB."""
    parents = _parents()
    tree, grown = {root}, True
    while grown:
        more = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= more
        grown = bool(more)
    total = 0
    for pid in tree:
        try:
            total += _own_kb(pid)
        except (OSError, IndexError, ValueError):
            continue
    return total


class _Sampler(threading.Thread):
    """Samples a process tree's memory until stopped; keeps the largest sum."""

    def __init__(self, root: int) -> None:
        super().__init__(daemon=True)
        self.root, self.peak = root, 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(SAMPLE_SECONDS):
            self.peak = max(self.peak, tree_rss_kb(self.root))


def _wrap(result: str, command: list[str]) -> int:
    """Run COMMAND, write what it cost to RESULT as JSON, return its exit code."""
    started = time.perf_counter()
    child = subprocess.Popen(command)
    sampler = _Sampler(child.pid)
    sampler.start()
    # wait4 gives exactly this child's usage, its own reaped children included.
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    sampler.done.set()
    sampler.join()
    # ru_maxrss is the largest single process: the floor when the build ends between samples.
    measured = Measured(wall, usage.ru_utime + usage.ru_stime, max(usage.ru_maxrss, sampler.peak))
    Path(result).write_text(json.dumps(asdict(measured)), encoding="utf-8")
    return os.waitstatus_to_exitcode(status)


if __name__ == "__main__":
    sys.exit(_wrap(sys.argv[1], sys.argv[2:]))
