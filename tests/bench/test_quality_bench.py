"""The benchmark's parts: the corpus layout, a measured child process, the figures, profiles."""

import cProfile
import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quality.corpus import hub_layout, make_content, touch_article
from quality.figures import Goals, SizeResult, table, verdicts
from quality.measure import Measured, measure, tree_rss_kb
from quality.preview_timing import time_rebuilds
from quality.profiling import owner, plugin_costs

BENCH = Path(__file__).resolve().parent


def runs(*cpu: float, rss: int = 100_000) -> list[Measured]:
    return [Measured(wall=value, cpu=value, max_rss_kb=rss) for value in cpu]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("see [it]({filename}/posts/a-00001.md).", "see [it]({filename}/articles/a-00001.md)."),
        ("![x]({static}/images/img-01.png)", "![x]({static}/images/img-01.png)"),
        ("no links", "no links"),
    ],
)
def test_hub_layout_points_internal_links_at_the_articles_folder(text, expected):
    assert hub_layout(text) == expected


def test_corpus_is_laid_out_as_hub_content_and_one_article_can_be_touched(tmp_path):
    content = make_content(tmp_path, 5)
    articles = sorted((content / "articles").glob("*.md"))
    assert len(articles) == 5
    assert sorted(path.name for path in (content / "images").iterdir())[0] == "img-00.png"
    assert not (tmp_path / "corpus").exists()
    linked = [path for path in articles if "{filename}/articles/" in path.read_text()]
    assert linked and all("{filename}/posts/" not in path.read_text() for path in articles)
    before = articles[1].read_text()
    assert touch_article(content, 1) == articles[1]
    assert articles[1].read_text().startswith(before) and articles[1].read_text() != before


def test_bare_settings_have_no_plugins_default_theme_and_the_hubs_urls():
    spec = importlib.util.spec_from_file_location("bareconf", BENCH / "bareconf.py")
    bare = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bare)
    assert bare.PLUGINS == []
    assert not hasattr(bare, "THEME")
    assert bare.ARTICLE_URL == "{slug}/" and bare.CATEGORY_SAVE_AS == "topics/{slug}/index.html"
    assert bare.FEED_ALL_ATOM is None and bare.CATEGORY_FEED_ATOM is None


def test_measure_reports_one_childs_own_cpu_and_peak_memory(tmp_path):
    busy = "import time\nx = bytearray(80_000_000)\nend = time.process_time() + 0.3\n"
    busy += "while time.process_time() < end: pass\n"
    found = measure([sys.executable, "-c", busy], tmp_path / "log")
    small = measure([sys.executable, "-c", "pass"], tmp_path / "log")
    assert found.cpu >= 0.3 and found.wall >= found.cpu * 0.5
    assert found.max_rss_kb > 80_000 > small.max_rss_kb


def test_measure_names_a_failed_build_by_its_last_line(tmp_path):
    with pytest.raises(RuntimeError, match="no such theme"):
        measure([sys.executable, "-c", "raise SystemExit('no such theme')"], tmp_path / "log")


def test_figures_give_medians_ratios_and_verdicts():
    small = SizeResult(1000, bare=runs(10, 11, 30), hub=runs(12, 12.5, 40), preview=runs(3, 3, 3))
    large = SizeResult(3000, bare=runs(30, 31, 32), hub=runs(45, 46, 44), preview=runs(20, 21, 9))
    found = dict((line.split(":")[0], met) for line, met in verdicts([small, large], Goals(), 12.0))
    assert found == {
        "hub/bare wall at 1000": True,  # 12.5 / 11
        "hub/bare peak memory at 1000": True,
        "preview rebuild after one edit / cold bare wall at 1000": True,  # 3 / 11
        "hub/bare wall at 3000": False,  # 45 / 31
        "hub/bare peak memory at 3000": True,
        "preview rebuild after one edit / cold bare wall at 3000": False,  # 20 / 31
        "hub wall per article, 3000 over 1000": True,  # (45 / 3000) / (12.5 / 1000)
        "cold social card, both cores": False,
    }
    rows = table([small, large])
    assert rows[2].startswith("| 1000 | 11.00 | 12.50 | 1.14x |")
    assert rows[2].endswith("| 3.00 | 0.27x |")
    assert len(rows) == 4


def test_wall_not_cpu_decides_the_build_goal():
    # Two cores: more CPU than bare, less wall. The writer waits for the wall time.
    bare = [Measured(wall=10, cpu=10, max_rss_kb=100_000)]
    hub = [Measured(wall=11, cpu=19, max_rss_kb=140_000)]
    found = dict(verdicts([SizeResult(1000, bare=bare, hub=hub)], Goals()))
    assert found == {"hub/bare wall at 1000: 1.10x (goal ≤ 1.25x)": True,
                     "hub/bare peak memory at 1000: 1.40x (goal ≤ 1.5x)": True}  # fmt: skip


def test_peak_memory_sums_a_build_and_the_workers_it_starts(tmp_path):
    worker = "import time\nx = bytearray(60_000_000)\ntime.sleep(1.5)\n"
    parent = (
        "import subprocess, sys, time\n"
        f"children = [subprocess.Popen([sys.executable, '-c', {worker!r}]) for _ in range(2)]\n"
        "x = bytearray(60_000_000)\n"
        "[child.wait() for child in children]\n"
    )
    found = measure([sys.executable, "-c", parent], tmp_path / "log")
    # Three processes of about 60 MB each at once; any single one stays near 60 MB.
    assert found.max_rss_kb > 150_000
    assert tree_rss_kb(os.getpid()) > 0


def test_preview_timing_rebuilds_once_per_touched_article_through_livereloads_build(tmp_path):
    content = make_content(tmp_path, 3)
    settings = Path(__file__).resolve().parents[2] / "pelicanconf.py"
    found = time_rebuilds(settings, content, tmp_path / "out", tmp_path / "cache", 2)
    assert len(found) == 2 and all(run.wall > 0 and run.cpu > 0 for run in found)
    # The preview's own cache folder was filled and the touched articles were rebuilt.
    assert (tmp_path / "cache" / "ArticlesGenerator-Readers").is_file()
    pages = " ".join(path.read_text() for path in (tmp_path / "out").glob("*/index.html"))
    assert "One more line, edit 0." in pages and "One more line, edit 1." in pages


def test_plugin_costs_count_time_where_pelican_calls_into_each_plugin(tmp_path):
    plugin = tmp_path / "plugins" / "slowpoke"
    plugin.mkdir(parents=True)
    (plugin / "work.py").write_text(
        "import time\n"
        "def inner():\n    end = time.process_time() + 0.2\n"
        "    while time.process_time() < end: pass\n"
        "def entry():\n    for _ in sorted([2, 1], key=lambda n: inner() or n): pass\n"
    )
    sys.path.insert(0, str(plugin))
    try:
        import work

        profiler = cProfile.Profile(time.process_time)
        # Called from Python code outside the plugin, as Pelican calls a plugin's handlers.
        profiler.runcall(lambda: work.entry())
    finally:
        sys.path.remove(str(plugin))
        sys.modules.pop("work", None)
    stats = tmp_path / "stats"
    profiler.dump_stats(str(stats))
    costs = plugin_costs(stats, tmp_path / "plugins")
    # Two rounds of inner(), counted once although sorted() calls back into the plugin.
    assert list(costs) == ["slowpoke"]
    assert 0.35 < costs["slowpoke"] < 0.6
    assert owner(str(tmp_path / "plugins" / "hub" / "x.py"), tmp_path / "plugins") is None


def test_bench_command_runs_end_to_end_on_a_tiny_corpus(tmp_path):
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", "import quality.bench as b; assert b.run_bench([3], 1, print)"],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root / "plugins"), "TMPDIR": str(tmp_path)},
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "| 3 |" in done.stdout
    assert "hub/bare wall at 3:" in done.stdout
