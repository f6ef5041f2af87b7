"""`invoke bench`: time bare Pelican against the hub on the standard corpus, print the figures."""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .corpus import make_content
from .figures import Goals, SizeResult, table, verdicts
from .measure import Measured, measure
from .profiling import plugin_costs, total_time

ROOT = Path(__file__).resolve().parents[2]
BARE_SETTINGS = ROOT / "tests" / "bench" / "bareconf.py"
HUB_SETTINGS = ROOT / "pelicanconf.py"
CARDS_TIMED = 200


@dataclass(frozen=True)
class Site:
    """One way of building the corpus: its settings, output and cache folders."""

    name: str
    settings: Path
    folder: Path

    def command(self, content: Path, *extra: str) -> list[str]:
        """The `python -m pelican` command line for one build."""
        return [
            sys.executable, "-m", "pelican", str(content),
            "-s", str(self.settings), "-o", str(self.folder / "output"),
            "--cache-path", str(self.folder / "cache"), "--log-handler", "plain", *extra,
        ]  # fmt: skip

    def run(self, content: Path, *extra: str) -> Measured:
        """Build once in a fresh process and measure it."""
        self.folder.mkdir(parents=True, exist_ok=True)
        return measure(self.command(content, *extra), self.folder / "build.log")

    def problems(self) -> int:
        """How many lines of warnings and errors the last build logged before its tally."""
        log = (self.folder / "build.log").read_text(encoding="utf-8")
        return len([line for line in log.split("Done: ", 1)[0].splitlines() if line.strip()])


def bench_size(folder: Path, articles: int, runs: int, echo: Callable[[str], None]) -> SizeResult:
    """Generate the corpus at one size; time bare and hub builds, alternating, then previews."""
    content = make_content(folder, articles)
    bare = Site("bare", BARE_SETTINGS, folder / "bare")
    hub = Site("hub", HUB_SETTINGS, folder / "hub")
    # One untimed hub build fills the social-card cache and the file system's cache of the corpus.
    hub.run(content)
    echo(f"  {articles} articles: the hub's first build logged {hub.problems()} problem lines")
    result = SizeResult(articles)
    for index in range(runs):
        # Alternate who goes first so a slower moment of a shared machine hits both alike.
        for site in (bare, hub) if index % 2 == 0 else (hub, bare):
            getattr(result, site.name).append(site.run(content))
    result.preview = preview_rebuilds(folder / "preview", content, runs)
    echo(f"  {table([result])[-1]}")
    return result


def preview_rebuilds(folder: Path, content: Path, runs: int) -> list[Measured]:
    """livereload's rebuild after one article is touched, RUNS times, in one preview process."""
    folder.mkdir(parents=True, exist_ok=True)
    found = folder / "rebuilds.json"
    command = [
        sys.executable, "-m", "quality.preview_timing", str(found), str(HUB_SETTINGS),
        str(content), str(folder / "output"), str(folder / "cache"), str(runs),
    ]  # fmt: skip
    measure(command, folder / "preview.log")
    return [Measured(**run) for run in json.loads(found.read_text(encoding="utf-8"))]


def cold_card_ms(folder: Path, content: Path, workers: int = 2) -> float | None:
    """Milliseconds per social card drawn with an empty cache, or None without the plugin."""
    try:
        from link_previews.cache import ensure_cards
        from link_previews.cards import CardSpec, find_font
    except ImportError:
        return None
    titles = sorted(
        {
            line.removeprefix("Title: ")
            for path in sorted((content / "articles").glob("*.md"))
            for line in path.read_text(encoding="utf-8").splitlines()[:1]
        }
    )[:CARDS_TIMED]
    fonts = {"bold_font": find_font("bold"), "regular_font": find_font("regular")}
    jobs = [
        (
            CardSpec(
                title=title,
                category="Cooking",
                stage="Getting started",
                site_name="Larder Lane",
                tagline="Good food",
                **fonts,
            ),
            folder / "cards" / f"{number}.png",
        )
        for number, title in enumerate(titles)
    ]
    started = time.perf_counter()
    drawn = ensure_cards(jobs, folder / "card-cache", workers=workers, parallel_from=1)
    return (time.perf_counter() - started) * 1000 / max(drawn, 1)


def profile_hub(folder: Path, echo: Callable[[str], None]) -> None:
    """Profile one hub build of the corpus in FOLDER and print what each plugin costs."""
    hub = Site("hub", HUB_SETTINGS, folder / "hub")
    stats = folder / "hub.prof"
    command = hub.command(folder / "content")
    pelican_arguments = command[command.index("pelican") + 1 :]
    profiled = [sys.executable, "-m", "quality.profiling", str(stats), *pelican_arguments]
    measure(profiled, folder / "profile.log")
    total = total_time(stats)
    echo(
        f"Profile of one hub build ({total:.1f} s of CPU under cProfile), time inside each plugin:"
    )
    for plugin, seconds in plugin_costs(stats, ROOT / "plugins").items():
        echo(f"  {plugin:<16} {seconds:6.2f} s  {seconds / total:5.1%}")
    echo("  (a plugin that takes over a step of Pelican's, as writer_metadata's reader does, is")
    echo("  charged for that step too: bare Pelican pays for reading Markdown as well)")


def run_bench(
    sizes: Sequence[int], runs: int, echo: Callable[[str], None], *, profile: bool = False
) -> bool:
    """Benchmark every size and print the table and each goal; False when a build failed."""
    results = []
    with tempfile.TemporaryDirectory(prefix="hub-bench-") as temporary:
        folder = Path(temporary)
        try:
            for articles in sizes:
                results.append(bench_size(folder / str(articles), articles, runs, echo))
            largest = folder / str(max(sizes))
            card_ms = cold_card_ms(largest, largest / "content")
            if profile:
                profile_hub(largest, echo)
        except RuntimeError as error:
            echo(str(error))
            return False
    echo(
        f"Medians of {runs} runs each (wall = what the writer waits for; CPU = user + system"
        " time of the build and its workers; peak memory summed over them):"
    )
    for line in table(results):
        echo(line)
    if card_ms is None:
        echo("Cold social card: skipped, the link_previews plugin draws no cards yet")
    found = verdicts(results, Goals(), card_ms)
    for line, met in found:
        echo(f"{'met   ' if met else 'MISSED'} {line}")
    return True
