"""Which plugin costs what in a profiled build: cProfile figures grouped by plugin folder.

Run as `python -m quality.profiling STATS PELICAN-ARGUMENTS...` to profile one build in CPU
time (wall time would count the moments a shared machine spends on other work).
"""

from __future__ import annotations

import cProfile
import pstats
import sys
import time
from pathlib import Path

# Shared helpers and this package are called from the plugins: counting them apart would
# count their time twice.
NOT_PLUGINS = {"hub", "quality"}


def owner(filename: str, plugins_dir: Path) -> str | None:
    """The plugin folder a source file belongs to, or None outside the plugins."""
    try:
        relative = Path(filename).resolve().relative_to(plugins_dir.resolve())
    except ValueError:
        return None
    name = relative.parts[0] if len(relative.parts) > 1 else None
    return None if name in NOT_PLUGINS else name


def plugin_costs(profile: Path, plugins_dir: Path) -> dict[str, float]:
    """Seconds spent inside each plugin, counted where Pelican (or another plugin) calls in."""
    entries = pstats.Stats(str(profile)).stats  # type: ignore[attr-defined]
    costs: dict[str, float] = {}
    for (filename, _, _), (_, _, _, _, callers) in entries.items():
        plugin = owner(filename, plugins_dir)
        if plugin is None:
            continue
        for (caller_file, _, _), caller_figures in callers.items():
            # Built-ins (sorted, map, re.sub) call back into code that is already counted.
            if caller_file != "~" and owner(caller_file, plugins_dir) != plugin:
                costs[plugin] = costs.get(plugin, 0.0) + caller_figures[3]
    return dict(sorted(costs.items(), key=lambda item: -item[1]))


def total_time(profile: Path) -> float:
    """The profiled run's total time."""
    return pstats.Stats(str(profile)).total_tt  # type: ignore[attr-defined]


def main(argv: list[str]) -> None:
    """Profile one Pelican build in CPU time and save the statistics to argv[0]."""
    from pelican import main as pelican_main

    stats, *arguments = argv
    profiler = cProfile.Profile(time.process_time)
    profiler.runcall(pelican_main, arguments)
    profiler.dump_stats(stats)


if __name__ == "__main__":
    main(sys.argv[1:])
