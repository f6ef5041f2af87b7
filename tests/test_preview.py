"""The preview's cached rebuild writes exactly what a cold build of the same content writes."""

from __future__ import annotations

import gc
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from pelican.contents import Article

from conftest import ROOT, article_text, sample_dir, site_files
from hub.preview import CODE_STAMP, UNFINISHED
from workflow.commands import preview_overrides, run_build, run_preview_build

# Fixed clocks: the plan and the stale-content check would otherwise move with the time.
FIXED = {"SHARE_NOW": "2026-11-02T08:03", "NURTURE_TODAY": "2026-11-22"}
BEANS = "articles/3-things-to-do-with-a-bag-of-dried-beans.md"


class Project:
    """A copy of the sample site (content, theme, a settings file) to edit between builds."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.content = folder / "content"
        self.theme = folder / "theme"
        shutil.copytree(sample_dir(), self.content)
        shutil.copytree(ROOT / "theme", self.theme)
        self.settings = folder / "siteconf.py"
        self.write_settings('SITE_TAGLINE = "Helpful things to do with good food"\n')
        self.cache = folder / "cache" / "preview"
        self.lines: list[str] = []
        self.colds = 0

    def write_settings(self, extra: str) -> None:
        self.settings.write_text(
            f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
            f"THEME = {str(self.theme)!r}\n{extra}",
            encoding="utf-8",
        )

    def overrides(self) -> dict[str, object]:
        return {**preview_overrides("127.0.0.1", 8000), "PATH": str(self.content), **FIXED}

    def preview(self) -> Path:
        """Build the way serve and livereload do, into the preview's output."""
        output = self.folder / "preview"
        report = run_preview_build(
            self.settings, output, self.lines.append, overrides=self.overrides(), cache=self.cache
        )
        # The sample site builds without a warning: a cache that cannot be read would warn.
        assert report.ok and not report.warnings, report.errors + report.warnings
        return output

    def cold(self) -> Path:
        """Build the same content with no cache at all, into a folder of its own."""
        self.colds += 1
        output = self.folder / f"cold-{self.colds}"
        cold = {
            **self.overrides(),
            "CACHE_PATH": str(self.folder / f"cold-cache-{self.colds}"),
            "CACHE_CONTENT": False,
            "LOAD_CONTENT_CACHE": False,
        }
        report = run_build(self.settings, output, self.lines.append, strict=False, overrides=cold)
        assert report.ok, report.errors + report.warnings
        return output


def assert_same_site(built: Path, cold: Path) -> None:
    """Every file of the two builds, byte for byte, and no file in one only."""
    ours, theirs = site_files(built), site_files(cold)
    assert sorted(ours) == sorted(theirs)
    differing = [name for name in ours if ours[name] != theirs[name]]
    assert differing == []


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path)


def edit_article(project: Project) -> None:
    with (project.content / BEANS).open("a", encoding="utf-8") as stream:
        stream.write("\nRinse them well before they go in the pot.\n")


def edit_title(project: Project) -> None:
    # Its address moves with its title: every page listing it changes.
    path = project.content / "articles" / "4-things-to-cook-from-an-autumn-veg-box.md"
    text = path.read_text(encoding="utf-8")
    assert "\nTitle: " in "\n" + text
    path.write_text(text.replace("Title: ", "Title: Our ", 1), encoding="utf-8")


def change_setting(project: Project) -> None:
    project.write_settings('SITE_TAGLINE = "Good food, less waste"\n')


def change_template(project: Project) -> None:
    footer = project.theme / "templates" / "base.html"
    text = footer.read_text(encoding="utf-8")
    assert "</footer>" in text
    footer.write_text(text.replace("</footer>", "<p>Open daily</p></footer>", 1), encoding="utf-8")


def add_article(project: Project) -> None:
    (project.content / "articles" / "oats.md").write_text(
        article_text("3 things to do with oats", Slug="oats", Tags="oats, budget"),
        encoding="utf-8",
    )


def delete_article(project: Project) -> None:
    # With its French translation and that one's questions: no stale /fr/ page may be left.
    name = "3-things-to-do-with-a-squeezed-lemon"
    (project.content / "articles" / f"{name}.md").unlink()
    (project.content / "articles" / "fr" / f"{name}.md").unlink()
    (project.content / "questions" / f"{name}.fr.yml").unlink()


def change_questions(project: Project) -> None:
    path = project.content / "questions" / "3-things-to-do-with-a-bag-of-dried-beans.yml"
    path.write_text(
        path.read_text(encoding="utf-8")
        + "- question: Can I freeze cooked beans?\n  name: Sam\n  date: 2026-05-01\n"
        "  answer: Yes, in their cooking water, for three months.\n",
        encoding="utf-8",
    )


def change_catalogue(project: Project) -> None:
    path = project.content / "calls-to-action.yml"
    text = path.read_text(encoding="utf-8")
    assert "heading: Get the next three things in your inbox" in text
    path.write_text(
        text.replace("Get the next three things in your inbox", "Three new ideas, once a week"),
        encoding="utf-8",
    )


CHANGES: dict[str, Callable[[Project], None]] = {
    "an edited article": edit_article,
    "an edited title": edit_title,
    "a changed setting": change_setting,
    "a changed template": change_template,
    "an added article": add_article,
    "a deleted article": delete_article,
    "a changed questions file": change_questions,
    "a changed catalogue": change_catalogue,
}


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_a_rebuild_after_a_change_writes_what_a_cold_build_writes(project, change):
    assert_same_site(project.preview(), project.cold())
    before = site_files(project.folder / "preview")
    change(project)
    rebuilt = project.preview()
    # The change shows (so the cache did not hide it) and nothing else differs from cold.
    after = site_files(rebuilt)
    assert [name for name in sorted({*before, *after}) if before.get(name) != after.get(name)]
    assert_same_site(rebuilt, project.cold())


def test_an_edited_article_reuses_the_caches_and_a_changed_template_empties_them(project):
    project.preview()
    readers = project.cache / "ArticlesGenerator-Readers"
    kit = project.cache / "share_snippets-kit"
    assert readers.is_file() and any(kit.iterdir())
    kept_kit = {path.name for path in kit.iterdir()}
    edit_article(project)
    project.preview()
    # Only the edited article's kit page is new: the other pages' copies were reused.
    assert len({path.name for path in kit.iterdir()} - kept_kit) <= 3
    stamp = (project.cache / CODE_STAMP).read_text()
    change_template(project)
    marker = project.cache / "left-from-before"
    marker.write_text("x")
    project.preview()
    assert (project.cache / CODE_STAMP).read_text() != stamp
    assert not marker.exists() and readers.is_file()


def test_a_questions_change_keeps_what_the_articles_say_but_not_the_share_kit(project):
    project.preview()
    kit = project.cache / "share_snippets-kit"
    old_kit = {path.name for path in kit.iterdir()}
    readers = project.cache / "ArticlesGenerator-Readers"
    read_at = readers.stat().st_mtime_ns
    marker = project.cache / "left-from-before"
    marker.write_text("x")
    change_questions(project)
    project.preview()
    assert not marker.exists() and readers.is_file()
    assert readers.stat().st_mtime_ns >= read_at
    assert {path.name for path in kit.iterdir()} != old_kit


def test_a_file_with_a_mistake_is_reported_by_every_preview_build(project):
    broken = project.content / "articles" / "broken.md"
    broken.write_text(article_text("3 things to do with rice", Date="next tuesday"))
    reported = []
    for _ in range(2):
        report = run_preview_build(
            project.settings,
            project.folder / "preview",
            project.lines.append,
            overrides=project.overrides(),
            cache=project.cache,
        )
        reported.append([line for line in report.errors if "broken.md" in line])
        assert not report.ok
    # Read from the cache, the file would say nothing the second time and the build would pass.
    assert len(reported[0]) == 1 and "Date 'next tuesday' is not a date" in reported[0][0]
    assert reported[1] == reported[0]


def test_a_long_preview_does_not_keep_every_builds_articles_in_memory(project):
    def alive() -> int:
        gc.collect()
        ours = str(project.content)
        return sum(
            1
            for item in gc.get_objects()
            if isinstance(item, Article) and str(item.source_path).startswith(ours)
        )

    for _ in range(3):
        edit_article(project)
        project.preview()
    # Pelican's memoized methods would keep each build's articles: 30 after three builds.
    assert alive() == 0


def test_a_build_stopped_halfway_leaves_nothing_the_next_build_trusts(project):
    assert_same_site(project.preview(), project.cold())
    assert not (project.cache / UNFINISHED).exists()
    # As if Ctrl+C had stopped a build while Pelican was writing its cache.
    (project.cache / UNFINISHED).write_text("")
    (project.cache / "ArticlesGenerator-Readers").write_bytes(b"")
    edit_article(project)
    assert_same_site(project.preview(), project.cold())


def test_a_broken_settings_file_is_reported_in_one_line_and_the_next_save_builds(project):
    project.settings.write_text("SITENAME = 'Larder Lane\n", encoding="utf-8")
    report = run_preview_build(
        project.settings,
        project.folder / "preview",
        project.lines.append,
        overrides=project.overrides(),
        cache=project.cache,
    )
    assert not report.ok and len(report.errors) == 1
    change_setting(project)
    assert_same_site(project.preview(), project.cold())
